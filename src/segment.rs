//! Paragraphs, sentences and tokens, as byte spans into the article's text.
//!
//! Tokens come from Unicode word boundaries (UAX #29) with the repairs that typographic convention
//! asks for: web addresses and e-mail addresses are one token each; hyphenated compounds stay one
//! token ("Kurdistan-24", "al-Baghdadi"), and so do numbers joined by a slash or colon ("9/11",
//! "01/24/2001", "3:30"); a run of one punctuation mark is one token (the typewriter dash "--",
//! the ellipsis "...", "!!!", "?!"); the possessive "'s" is its own token; and initials and
//! abbreviations keep their period ("A.", "U.S.", "Dr.", "Roe v. Wade"). Sentences end at
//! terminal punctuation that no abbreviation claims and never cross a line break: scraped pages
//! put one paragraph on a line. Only the part of the page before the trailer is segmented. This
//! module knows nothing about names or speech.

use crate::layout::Article;
use crate::text::Span;
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, apostrophes or an abbreviation's period.
    Word,
    /// Digits, possibly with separators ("20,000", "3.5").
    Number,
    /// The possessive ending "'s" or "’s".
    Possessive,
    /// Anything else: punctuation and symbols, one character each or a run of one mark ("--",
    /// "...", "!!!").
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From its first to its last token.
    pub span: Span,
    /// Its tokens, as indices into [`Segmented::tokens`].
    pub tokens: Range<usize>,
    /// Index of its paragraph in [`Segmented::paragraphs`].
    pub paragraph: usize,
}

/// An article cut into paragraphs, sentences and tokens.
#[derive(Debug, Clone)]
pub struct Segmented<'a> {
    /// The article.
    pub article: &'a Article,
    /// Non-empty lines of the analysed part of the page.
    pub paragraphs: Vec<Span>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// The lowercase words of indefinite descriptions that open sentences, each with where it
    /// first ends (`introduces_unnamed`); made on first use.
    topics: OnceLock<HashMap<String, usize>>,
}

impl Segmented<'_> {
    /// The article's text.
    pub fn text(&self) -> &str {
        self.article.text()
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        self.tokens[i].span.of(self.text())
    }

    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= i)
    }

    /// Whether the text before byte `before` brings in something by the lowercase `noun` without
    /// a name as a sentence's topic ("A regiments' campaign group is to target ... The group
    /// said"): an indefinite description opening a sentence, the noun up to three lowercase
    /// modifiers after "A" or "An". "The group" then stands for no organization named around it.
    /// Not one elsewhere in a sentence ("plans to spin off a new separate company ... The company
    /// said": the firm named before speaks).
    pub fn introduces_unnamed(&self, before: usize, noun: &str) -> bool {
        self.topics.get_or_init(|| self.sentence_topics()).get(noun).is_some_and(|&end| end <= before)
    }

    /// The words of the indefinite descriptions opening sentences (up to four words after "A" or
    /// "An", lowercase, no preposition, article or conjunction: not "A spokesman for the firm"),
    /// lowercased, each with the end of its first occurrence.
    fn sentence_topics(&self) -> HashMap<String, usize> {
        let modifier = |w: &str| {
            w.chars().all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '-'))
                && !matches!(w, "the" | "of" | "for" | "from" | "by" | "in" | "at" | "on" | "with" | "to" | "and" | "or" | "its" | "their")
        };
        let mut topics = HashMap::default();
        for sentence in self.sentences.iter().filter(|s| matches!(self.word(s.tokens.start), "A" | "An")) {
            let a = sentence.tokens.start;
            for k in (a + 1..sentence.tokens.end.min(a + 5)).take_while(|&k| modifier(self.word(k))) {
                topics.entry(self.word(k).to_lowercase()).or_insert(self.tokens[k].span.end);
            }
        }
        topics
    }
}

/// Abbreviations that keep their period and do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gen", "Col", "Lt", "Maj", "Capt", "Sgt", "Cpl", "Adm", "Gov", "Pres", "Rev", "St",
    "Mt", "Ft", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "approx", "est", "Cf", "cf", "e.g", "i.e", "Gov't", "Dept", "Univ", "Assn", "Bros", "Messrs", "Mme",
    "Mlle", "Hon", "Del", "Det", "Atty", "Amb", "Supt", "Cmdr", "v",
];

/// Segments the part of `article` before its trailer.
pub fn segment(article: &Article) -> Segmented<'_> {
    let text = article.text();
    let end = article.regions.trailer.start;
    let mut paragraphs = Vec::new();
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut start = 0;
    for line in text[..end].split_inclusive('\n') {
        let span = Span::new(start, start + line.len()).trim(text, &[]);
        start += line.len();
        if span.is_empty() {
            continue;
        }
        let first = tokens.len();
        tokenize(text, span, &mut tokens);
        split_sentences(text, &tokens, first, paragraphs.len(), &mut sentences);
        paragraphs.push(span);
    }
    Segmented { article, paragraphs, sentences, tokens, topics: OnceLock::new() }
}

/// The tokens of `span` in `text`, as `segment` cuts them (for models trained on other corpora).
pub fn tokens_of(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize(text, span, &mut out);
    out
}

/// Web and e-mail addresses: a scheme or "www." and what follows up to a space, a quotation mark
/// or a closing bracket, less the punctuation that ends a sentence around it; a mailbox, "@" and
/// a dotted domain.
static LINKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>"“”«»\[\]]*[^\s<>"“”«»\[\].,;:!?'’)]|(?-u:\b)[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?-u:\b)"#,
    )
    .expect("a valid pattern")
});

/// Appends the tokens of `span` to `out`: each web or e-mail address one word, the text around
/// them cut by `words`, then the joins of `merge`.
fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let first = out.len();
    let mut at = span.start;
    for link in LINKS.find_iter(span.of(text)) {
        words(text, Span::new(at, span.start + link.start()), out);
        out.push(Token { span: Span::new(span.start + link.start(), span.start + link.end()), kind: TokenKind::Word });
        at = span.start + link.end();
    }
    words(text, Span::new(at, span.end), out);
    merge(text, out, first);
}

/// Appends the word-boundary tokens of `span`: punctuation one mark each except a run of one
/// mark, the possessive ending split off, typewriter quotation marks joined.
fn words(text: &str, span: Span, out: &mut Vec<Token>) {
    let first = out.len();
    for (offset, piece) in span.of(text).split_word_bound_indices() {
        if piece.chars().all(char::is_whitespace) {
            continue;
        }
        let start = span.start + offset;
        let kind = classify(piece);
        // Typewriter quotation marks ('' and ``) stand for one double mark; of three after a
        // word ("a special case,'''"), the first closes a single quotation and the last two the
        // double one.
        if piece == "'" && out.len() > first && out.last().is_some_and(|t: &Token| t.span.end == start) {
            let last = out.last_mut().expect("checked");
            if last.span.of(text) == "'" {
                last.span.end = start + 1;
                continue;
            }
            if last.span.of(text) == "''" && text[..last.span.start].ends_with(|c: char| !c.is_whitespace()) {
                last.span.end = last.span.start + 1;
                out.push(Token { span: Span::new(start - 1, start + 1), kind });
                continue;
            }
        }
        if kind == TokenKind::Punct {
            // UAX #29 keeps runs of some symbols together only in rare cases; keep one per token,
            // but a run of one mark ("--", "...", "!!!", "?!") is one token.
            for (o, c) in piece.char_indices() {
                let at = start + o;
                let own = out.len() > first;
                match out.last_mut() {
                    Some(last) if own && last.span.end == at && continues_run(last.span.of(text), c) => last.span.end = at + c.len_utf8(),
                    _ => out.push(Token { span: Span::new(at, at + c.len_utf8()), kind }),
                }
            }
            continue;
        }
        // "said.Trump": a full stop between two sentences whose space a crawler dropped.
        if let Some(dot) = (kind == TokenKind::Word).then(|| run_together(piece)).flatten() {
            out.push(Token { span: Span::new(start, start + dot), kind: TokenKind::Word });
            out.push(Token { span: Span::new(start + dot, start + dot + 1), kind: TokenKind::Punct });
            out.push(Token { span: Span::new(start + dot + 1, start + piece.len()), kind: TokenKind::Word });
            continue;
        }
        // Split the possessive ending off "Russia’s" and "IS's".
        if kind == TokenKind::Word {
            for ending in ["'s", "’s"] {
                if piece.len() > ending.len() + 1 && piece.ends_with(ending) {
                    let split = start + piece.len() - ending.len();
                    out.push(Token { span: Span::new(start, split), kind: TokenKind::Word });
                    out.push(Token { span: Span::new(split, start + piece.len()), kind: TokenKind::Possessive });
                    break;
                }
            }
            if out.last().is_some_and(|t| t.span.end == start + piece.len()) {
                continue;
            }
        }
        out.push(Token { span: Span::new(start, start + piece.len()), kind });
    }
}

/// Whether mark `c` written right after the punctuation token `run` makes one token with it: a
/// repeated dash, period, asterisk, equals sign, underscore, tilde or hash, or a run of "!" and
/// "?".
fn continues_run(run: &str, c: char) -> bool {
    let exclaims = |c: char| matches!(c, '!' | '?');
    match run.chars().next() {
        Some(r) if exclaims(r) => exclaims(c) && run.chars().all(exclaims),
        Some(r) => matches!(r, '-' | '.' | '*' | '=' | '_' | '~' | '#') && c == r && run.chars().all(|x| x == r),
        None => false,
    }
}

/// Where a word of two run-together sentences has its full stop ("said.Trump",
/// "percent.Clinton"): a lowercase word of two letters or more, then a capitalized one, letters
/// only (so "e.g", "U.S" and "Breitbart.com" stay whole).
fn run_together(piece: &str) -> Option<usize> {
    let (before, after) = piece.split_once('.')?;
    let mut next = after.chars();
    let joined = before.chars().count() >= 2
        && before.chars().all(char::is_lowercase)
        && next.next().is_some_and(char::is_uppercase)
        && next.next().is_some_and(char::is_lowercase)
        && after.chars().all(char::is_alphabetic);
    joined.then_some(before.len())
}

fn classify(piece: &str) -> TokenKind {
    let mut chars = piece.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => TokenKind::Number,
        Some(c) if c.is_alphanumeric() => TokenKind::Word,
        _ => TokenKind::Punct,
    }
}

/// Joins hyphenated compounds and numbers with slashes or colons and attaches abbreviation
/// periods, in place, from `first` on.
fn merge(text: &str, tokens: &mut Vec<Token>, first: usize) {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len() - first);
    let mut i = first;
    while i < tokens.len() {
        let mut token = tokens[i];
        i += 1;
        // "Kurdistan" "-" "24" with no spaces between: one token.
        while token.kind != TokenKind::Punct
            && token.kind != TokenKind::Possessive
            && i + 1 < tokens.len()
            && matches!(tokens[i].span.of(text), "-" | "‑")
            && tokens[i].span.start == token.span.end
            && tokens[i + 1].span.start == tokens[i].span.end
            && matches!(tokens[i + 1].kind, TokenKind::Word | TokenKind::Number)
        {
            // "108-3" and "1996-08-31" stay numbers; "Kurdistan-24" is a word.
            let kind = if token.kind == TokenKind::Number && tokens[i + 1].kind == TokenKind::Number {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            token = Token { span: token.span.cover(tokens[i + 1].span), kind };
            i += 2;
        }
        // "9/11", "01/24/2001", "3:30": numbers joined by a slash or colon, no spaces between.
        while token.kind == TokenKind::Number
            && i + 1 < tokens.len()
            && matches!(tokens[i].span.of(text), "/" | ":")
            && tokens[i].span.start == token.span.end
            && tokens[i + 1].span.start == tokens[i].span.end
            && tokens[i + 1].kind == TokenKind::Number
        {
            token.span = token.span.cover(tokens[i + 1].span);
            i += 2;
        }
        // "A" "." and "U.S" "." and "Dr" ".": keep the period.
        if token.kind == TokenKind::Word
            && i < tokens.len()
            && tokens[i].span.of(text) == "."
            && tokens[i].span.start == token.span.end
            && is_abbreviation(token.span.of(text))
        {
            token.span = token.span.cover(tokens[i].span);
            i += 1;
        }
        out.push(token);
    }
    tokens.truncate(first);
    tokens.extend(out);
}

/// Whether a token ends a sentence where no abbreviation claims it: a period, "!", "?", an
/// ellipsis or a run of them ("...", "!!", "?!").
pub fn is_terminal(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// Whether `word` (without its period) is an initial, a dotted acronym or a known abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
    single_capital || dotted || ABBREVIATIONS.contains(&word)
}

/// Speech verbs that may follow a quotation ending in "?" or "!" in the same sentence.
const SPEECH_AFTER_QUOTE: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "wrote",
    "writes",
    "replied",
    "continued",
    "shouted",
    "exclaimed",
    "tweeted",
    "demanded",
    "demands",
    "wondered",
    "wonders",
    "insisted",
    "argued",
    "noted",
    "explained",
    "responded",
    "countered",
    "quipped",
    "joked",
    "declared",
    "warned",
    "recalled",
    "acknowledged",
    "admitted",
    "cried",
    "yelled",
    "screamed",
    "mused",
    "remarked",
    "pleaded",
    "complained",
    "protested",
    "stated",
    "pressed",
    "chanted",
    "sang",
    "sings",
    "posted",
];

const CLOSERS: &[&str] = &["”", "\"", "''", "’", "'", ")", "]", "»"];

/// Appends the sentences of the paragraph whose tokens start at `first`.
fn split_sentences(text: &str, tokens: &[Token], first: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let mut start = first;
    let mut i = first;
    while i < tokens.len() {
        let word = tokens[i].span.of(text);
        let terminal = is_terminal(word);
        i += 1;
        if !terminal {
            continue;
        }
        // Closing marks hug the period; a straight mark after a space opens the next sentence.
        while i < tokens.len() && CLOSERS.contains(&tokens[i].span.of(text)) && tokens[i].span.start == tokens[i - 1].span.end {
            i += 1;
        }
        let next_starts_sentence = tokens.get(i).is_none_or(|t| {
            let c = t.span.of(text).chars().next().unwrap_or(' ');
            c.is_uppercase() || c.is_ascii_digit() || "\"“‘'([«".contains(c)
        });
        // '"How many times?" Clinton said.' is one sentence: a quotation closed by "?" or "!"
        // and followed by its speech verb within three words.
        // After a period the frame must end there too ('"... the emails." Trump said.'); "He said
        // he would ..." opens a sentence of its own.
        let quoted = i > 0 && matches!(tokens[i - 1].span.of(text), "”" | "\"" | "''" | "’");
        let frame_follows = (i..(i + 4).min(tokens.len())).any(|k| {
            SPEECH_AFTER_QUOTE.contains(&tokens[k].span.of(text))
                && (word != "." || tokens.get(k + 1).is_some_and(|t| t.span.of(text) == "."))
        });
        let next_starts_sentence = next_starts_sentence && !(quoted && frame_follows);
        if next_starts_sentence {
            push_sentence(tokens, start..i, paragraph, out);
            start = i;
        }
    }
    if start < tokens.len() {
        push_sentence(tokens, start..tokens.len(), paragraph, out);
    }
}

fn push_sentence(tokens: &[Token], range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let span = tokens[range.start].span.cover(tokens[range.end - 1].span);
    out.push(Sentence { span, tokens: range, paragraph });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Source;
    use crate::layout::analyze;

    fn words(text: &str) -> Vec<String> {
        let article = analyze(Source::from_text("t", text));
        let seg = segment(&article);
        seg.tokens.iter().map(|t| t.span.of(text).to_string()).collect()
    }

    fn sentences(text: &str) -> Vec<String> {
        let article = analyze(Source::from_text("t", text));
        let seg = segment(&article);
        seg.sentences.iter().map(|s| s.span.of(text).to_string()).collect()
    }

    #[test]
    fn compounds_possessives_and_initials() {
        assert_eq!(
            words("Paul A. Goble cites Kurdistan-24 and Russia’s U.S. ties, ''he said.''"),
            ["Paul", "A.", "Goble", "cites", "Kurdistan-24", "and", "Russia", "’s", "U.S.", "ties", ",", "''", "he", "said", ".", "''"]
        );
        // Three marks after a word close a single quotation, then the double one.
        assert_eq!(
            words("''We hear 'it is special,''' he said."),
            ["''", "We", "hear", "'", "it", "is", "special", ",", "'", "''", "he", "said", "."]
        );
    }

    #[test]
    fn addresses_runs_of_marks_and_joined_numbers() {
        assert_eq!(
            words("See http://example.org/a_b?x=1. Mail j.doe@example.co.uk -- now!!! Wait... 9/11 at 3:30, 1/2"),
            [
                "See",
                "http://example.org/a_b?x=1",
                ".",
                "Mail",
                "j.doe@example.co.uk",
                "--",
                "now",
                "!!!",
                "Wait",
                "...",
                "9/11",
                "at",
                "3:30",
                ",",
                "1/2"
            ]
        );
        assert_eq!(words("(www.bbc.co.uk/news) and--or ?!"), ["(", "www.bbc.co.uk/news", ")", "and", "--", "or", "?!"]);
        assert_eq!(sentences("It was Roe v. Wade again... He left."), ["It was Roe v. Wade again...", "He left."]);
    }

    #[test]
    fn sentences_respect_abbreviations_and_closing_quotes() {
        assert_eq!(
            sentences("Dr. Smith left. “Why?” he asked. Sen. Jones said no. \"Yes.\" \"No.\"\nNew line"),
            ["Dr. Smith left.", "“Why?” he asked.", "Sen. Jones said no.", "\"Yes.\"", "\"No.\"", "New line"]
        );
    }

    #[test]
    fn sentences_run_together_by_a_crawler_are_parted() {
        assert_eq!(
            sentences("Prices rose, Vance said.Vance added more. See e.g.Smith at Breitbart.com."),
            ["Prices rose, Vance said.", "Vance added more.", "See e.g.Smith at Breitbart.com."]
        );
    }
}
