//! Attribution: who said what, through whom, with which cue.
//!
//! For each sentence the attributor finds frames: a speech or cognition verb with its subject
//! ("Gorevoy says", "said Kadyrov", "Denis Maltsev, a senior researcher at ..., says"), "according
//! to X", and nominal cues ("the FSB estimate of", "X's report found"). Each frame's content is the
//! clause it introduces, or the rest of the sentence for parenthetical frames ("ISIS has two
//! centers of power, Gorevoy says, ..."), or the quotation it is attached to. A frame inside
//! another frame's content is nested: its claim's parent is the outer claim and its
//! `reported_by` the outer source. Quotations with no frame of their own continue the speaker of
//! the paragraph. Pronoun and description sources ("he", "the commentator", "local residents")
//! are resolved to an earlier mention where the text allows and left as a bare span where it does
//! not. Numbers in a claim are bound to their qualifier and unit. Unbalanced quotation marks are
//! diagnostics. This module does not decide entity identity; sources are mention indices.

use crate::lexicon::{EntityType, Lexicon};
use crate::recognize::{Mention, POSTNOMINALS, Recognized};
use crate::segment::{TokenKind, is_terminal};
use crate::syntax::Parses;
use crate::text::{Diagnostic, MONTHS, Span, SpanIndex};
use regex::Regex;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

mod according;
mod clause_subject;
mod content;
mod coordinated;
mod cue;
mod enclosing;
mod frame_words;
mod inverted;
mod noun_phrase;
mod parsed;
mod passive;
mod quantity;
mod quoted;
mod quotes;
mod sentence;
mod source;
mod speakers;
mod subject;
mod words;

use frame_words::*;
pub use quantity::{dates, quantities};
use sentence::Clause;
pub(crate) use words::PERSONAL_VOICES;
use words::*;

/// A subject found for a cue: the mention it names or resolves to, the words naming it, and
/// its first token.
type Subject = (Option<usize>, Span, usize);

/// The cue of a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// Where the cue words are.
    pub span: Span,
    /// The cue's lemma ("say", "according to", "estimate").
    pub lemma: String,
    /// Its stance class: say, claim, admit, deny, estimate, warn, suggest, document, ask, urge,
    /// judge, intend, according.
    pub class: String,
}

/// A number stated in a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value, multipliers applied ("3 million" is 3000000).
    pub value: f64,
    /// What it counts or measures, when stated as a unit ("percent", "US dollars a month").
    pub unit: Option<String>,
    /// Its qualifier ("up to", "more than", "or more", "from", "to").
    pub qualifier: Option<String>,
    /// What it counts, when the words after it say ("Russian nationals", "containers").
    pub counted: Option<String>,
    /// Where it is written.
    pub span: Span,
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// What was said.
    pub content: Span,
    /// How it was introduced, if by a cue.
    pub cue: Option<Cue>,
    /// The mention of the source, when the source is or resolves to a named entity.
    pub source: Option<usize>,
    /// The words naming the source in this sentence (a name, pronoun or description).
    pub source_span: Option<Span>,
    /// The mention of the intermediary through whom the claim reached the article.
    pub reported_by: Option<usize>,
    /// The claim that reports this one.
    pub parent: Option<usize>,
    /// Whether the content is a direct quotation.
    pub direct: bool,
    /// Whether the cue is negated ("has not admitted", "did not say", "never claimed"): the
    /// source is reported as not saying it.
    pub negated: bool,
    /// Numbers in the content.
    pub quantities: Vec<Quantity>,
    /// Whether the claim is a reader comment (its commenter is the source; the article does not
    /// report it).
    pub comment: bool,
    /// Dates in the claim's sentence ("In June 2013", "last year").
    pub dates: Vec<DateRef>,
}

/// A date stated for a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRef {
    /// Where it is written.
    pub span: Span,
    /// As `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; relative dates ("last year") are resolved against the
    /// publication date, and have no value without one.
    pub value: Option<String>,
}

/// The attributor's output for one article.
#[derive(Debug, Clone)]
pub struct Attributed<'a> {
    /// The recognized article.
    pub recognized: &'a Recognized<'a>,
    /// Claims in text order of their content.
    pub claims: Vec<Claim>,
    /// Mentions found as the names of claims' sources that recognition did not find ("Akamai
    /// declined to comment"); a claim's `source` counts them after the recognizer's mentions.
    pub speakers: Vec<Mention>,
}

/// Finds the claims of a recognized article.
/// `syntax` parses the article's sentences on demand.
pub fn attribute<'a>(recognized: &'a Recognized<'a>, syntax: &Parses<'_>, lexicon: &Lexicon) -> (Attributed<'a>, Vec<Diagnostic>) {
    let mut a = Attributor {
        r: recognized,
        syntax,
        quotes: Vec::new(),
        lex: lexicon,
        claims: Vec::new(),
        by_content: HashMap::new(),
        quote_insides: SpanIndex::default(),
        sources_by_start: Some(BTreeSet::new()),
        diagnostics: Vec::new(),
    };
    let quotes = a.quotes();
    a.quotes = quotes.clone();
    let mut insides: Vec<Span> = quotes.iter().map(|q| q.inner).collect();
    insides.sort();
    a.quote_insides = SpanIndex::new(insides);
    for index in 0..recognized.segmented.sentences.len() {
        a.sentence(index, &quotes);
    }
    a.sources_by_start = None;
    a.heads_of_sources();
    let speech: Vec<bool> = a
        .claims
        .iter()
        .map(|c| !c.cue.as_ref().is_some_and(|cue| a.not_speech(cue)) && !a.circumstance_only(c) && !a.deprives(c))
        .collect();
    let mut speech = speech.into_iter();
    a.claims.retain(|_| speech.next().unwrap_or(true));
    a.quoted_as_saying();
    a.shared_objects();
    a.index_contents();
    a.speaker_labels();
    a.introduced_quotes(&quotes);
    a.signed_quotes();
    a.nest();
    a.continuations(&quotes);
    a.quotations(&quotes);
    a.comments();
    a.mark_contents();
    a.sort();
    a.lead_descriptions();
    let text = recognized.text();
    let published = recognized.segmented.article.meta.published.as_ref().map(|f| f.value.as_str());
    let sentences = &recognized.segmented.sentences;
    let negated: Vec<bool> = a.claims.iter().map(|c| c.cue.as_ref().is_some_and(|cue| a.negated(cue.span))).collect();
    // Claims of one sentence share its dates: read once per sentence, not once per claim (a
    // sentence of thousands of nested quotations would be read thousands of times).
    let mut sentence_dates: HashMap<Span, Vec<DateRef>> = HashMap::new();
    for (claim, negated) in a.claims.iter_mut().zip(negated) {
        claim.negated = negated;
        claim.quantities = quantities(text, claim.content);
        if !claim.comment {
            let first = sentences.partition_point(|s| s.span.end <= claim.content.start);
            let sentence = sentences.get(first).map_or(claim.content, |s| s.span.cover(claim.content));
            claim.dates = sentence_dates.entry(sentence).or_insert_with(|| dates(text, sentence, published)).clone();
        }
    }
    let mut claims = std::mem::take(&mut a.claims);
    let speakers = a.named_speakers(&mut claims);
    a.coordinated_sources(&mut claims);
    a.claims = claims;
    a.sort();
    let claims = std::mem::take(&mut a.claims);
    let mut diagnostics = a.diagnostics;
    diagnostics.sort();
    (Attributed { recognized, claims, speakers }, diagnostics)
}

struct Attributor<'a> {
    r: &'a Recognized<'a>,
    syntax: &'a Parses<'a>,
    quotes: Vec<Quote>,
    lex: &'a Lexicon,
    claims: Vec<Claim>,
    /// The claims of each content, in order: `push` finds a content's first claim here instead
    /// of scanning every claim (linear per claim, quadratic per article). Kept in step with
    /// `claims` while frames are found (`push`, `set_content`) and rebuilt after claims are
    /// removed (`index_contents`); the later passes neither read nor keep it.
    by_content: HashMap<Span, Vec<usize>>,
    /// The quotations' insides, sorted (`in_quote` is a binary search, not a scan per token).
    quote_insides: SpanIndex,
    /// While frames are found (when `push` is the only change to claims): each claim with source
    /// words, by where they start, with its index, so that a pronoun's last speaker of its kind
    /// is a range of it (`resolve_pronoun`), not a scan of every claim. `None` afterwards.
    sources_by_start: Option<BTreeSet<(usize, usize)>>,
    diagnostics: Vec<Diagnostic>,
}

/// A quotation: the span inside the marks and the paragraph it starts in.
#[derive(Debug, Clone, Copy)]
struct Quote {
    inner: Span,
    outer: Span,
}

impl<'a> Attributor<'a> {
    fn text(&self) -> &'a str {
        self.r.text()
    }

    fn word(&self, i: usize) -> &'a str {
        self.r.segmented.word(i)
    }

    fn tokens(&self) -> &'a [crate::segment::Token] {
        &self.r.segmented.tokens
    }

    fn span(&self, start: usize, end: usize) -> Span {
        self.tokens()[start].span.cover(self.tokens()[end - 1].span)
    }

    /// The index of the first token that starts at or after byte `byte` (the token a span
    /// starting there opens; for a span's end, the token after it).
    /// Whether token `k` is an -ly adverb (`is_adverb`), or one opening a sentence that the
    /// tagger reads as an adverb ("Recently announced changes", not "Desailly insists").
    fn adverb_at(&self, k: usize) -> bool {
        let w = self.word(k);
        is_adverb(w) || w.starts_with(char::is_uppercase) && is_adverb(&w.to_lowercase()) && self.syntax.upos(k) == "ADV"
    }

    fn token_at(&self, byte: usize) -> usize {
        self.tokens().partition_point(|t| t.span.start < byte)
    }

    /// "talked about CNN", "agree with him", "warned of a crisis", "insisted on a vote": the
    /// preposition right after a verb cue that opens its content is the verb's, part of the cue;
    /// what was said starts after it.
    fn preposition_into_cue(&self, cue: Option<Cue>, content: Span) -> (Option<Cue>, Span) {
        let Some(mut cue) = cue else { return (None, content) };
        let k = self.token_at(content.start);
        let follows = k < self.tokens().len() && k == self.token_at(cue.span.end) && self.tokens()[k].span.start == content.start;
        // Not a time ("said on Thursday", "denied for decades"), nor "about" before a number, where
        // it is the quantity's ("said about 2,500 workers had stopped").
        let rest = self.tokens().get(k + 1).filter(|t| {
            let w = t.span.of(self.text());
            let number =
                t.kind == TokenKind::Number || matches!(w, "a" | "half" | "one" | "two" | "three" | "four" | "five" | "ten" | "twice");
            let time = WEEKDAYS.contains(&w) || MONTHS.contains(&w) || matches!(w, "decades" | "years" | "months" | "weeks" | "days");
            let approximate = self.word(k) == "about" && number;
            t.span.end <= content.end && !time && !approximate
        });
        // "believe in", "hinted at", "pointed to": a preposition only some verbs take.
        let taken = matches!(
            (cue.lemma.as_str(), self.word(k)),
            ("believe", "in") | ("hint", "at") | ("point", "to") | ("object", "to") | ("respond", "to") | ("react", "to")
        );
        match rest {
            Some(rest) if follows && (taken || matches!(self.word(k), "about" | "with" | "on" | "for" | "against" | "of")) => {
                cue.span = cue.span.cover(self.tokens()[k].span);
                (Some(cue), Span::new(rest.span.start, content.end))
            }
            _ => (Some(cue), content),
        }
    }

    fn push(&mut self, content: Span, cue: Option<Cue>, source: Option<usize>, source_span: Option<Span>, direct: bool) {
        // "criticised the government for claiming ...": the judged object says it, whoever the
        // frame's rules found.
        let judged = cue.as_ref().and_then(|cue| {
            let t = self.token_at(cue.span.start);
            let sentence = &self.r.segmented.sentences[self.r.segmented.sentence_of(t)];
            self.judged_object(sentence.tokens.start, sentence.tokens.end, t)
        });
        let (source, source_span) = judged.map_or((source, source_span), |(_, (m, span, _))| (m, Some(span)));
        let trimmed = source_span.zip(cue.as_ref()).map(|(s, cue)| self.subject_after_subordinator(s, cue.span));
        // A source named in the words the trimming dropped is no longer theirs.
        let source = source.filter(|&m| trimmed == source_span || trimmed.is_some_and(|s| s.contains(self.r.mentions[m].span)));
        let source_span = trimmed.or(source_span).map(|s| self.without_opening_conjunction(s));
        let (source, source_span) = match source_span.and_then(|s| self.name_before_role(s)) {
            Some((m, span)) => (Some(m), Some(span)),
            None => (source, source_span),
        };
        let source = source.filter(|&m| !source_span.is_some_and(|s| self.people_at_place(m, s) || self.place_modifies_head(m, s)));
        let source = source.or_else(|| source_span.and_then(|s| self.named_at_end(s)));
        let content = match &cue {
            Some(cue) if !direct && matches!(cue.class.as_str(), "judge" | "ask") => {
                self.parsed_object(self.noun_phrase_object(content), cue.span)
            }
            Some(cue) if !direct && matches!(cue.class.as_str(), "deny" | "intend") => self.parsed_object(content, cue.span),
            _ => content,
        };
        let (cue, content) = if direct { (cue, content) } else { self.preposition_into_cue(cue, content) };
        // One content, one claim: the first frame that claims a span keeps it, unless it names no
        // source and this one does ("X is reportedly ..., the Gazette reported").
        if content.is_empty() {
            return;
        }
        if let Some(&i) = self.by_content.get(&content).and_then(|claims| claims.first()) {
            debug_assert_eq!(self.claims[i].content, content, "by_content is out of step with claims");
            let c = &mut self.claims[i];
            if c.source_span.is_none() && source_span.is_some() {
                (c.cue, c.source, c.source_span, c.direct) = (cue, source, source_span, direct);
                self.file_source(i);
            }
            return;
        }
        self.by_content.entry(content).or_default().push(self.claims.len());
        self.claims.push(Claim {
            content,
            cue,
            source,
            source_span,
            reported_by: None,
            parent: None,
            direct,
            negated: false,
            quantities: Vec::new(),
            comment: false,
            dates: Vec::new(),
        });
        self.file_source(self.claims.len() - 1);
    }

    /// Files claim `i`'s source words in `sources_by_start` while it is kept.
    fn file_source(&mut self, i: usize) {
        if let (Some(index), Some(span)) = (&mut self.sources_by_start, self.claims[i].source_span) {
            index.insert((span.start, i));
        }
    }

    /// Changes claim `i`'s content to `content`, keeping `by_content` in step.
    fn set_content(&mut self, i: usize, content: Span) {
        let old = self.claims[i].content;
        if old == content {
            return;
        }
        if let Some(claims) = self.by_content.get_mut(&old) {
            claims.retain(|&k| k != i);
            if claims.is_empty() {
                self.by_content.remove(&old);
            }
        }
        let claims = self.by_content.entry(content).or_default();
        let at = claims.partition_point(|&k| k < i);
        claims.insert(at, i);
        self.claims[i].content = content;
    }

    /// "has neither confirmed nor denied the delay", "would not confirm or deny the report": a
    /// cue coordinated with the cue after it reports what that cue's words say, not "nor denied
    /// the delay".
    fn shared_objects(&mut self) {
        let by_cue: HashMap<usize, Span> = self.claims.iter().filter_map(|c| Some((c.cue.as_ref()?.span.start, c.content))).collect();
        for i in 0..self.claims.len() {
            let k = self.token_at(self.claims[i].content.start);
            if k + 1 < self.tokens().len() && matches!(self.word(k), "and" | "or" | "nor") {
                if let Some(&words) = by_cue.get(&self.tokens()[k + 1].span.start) {
                    self.claims[i].content = words;
                }
            }
        }
    }

    /// Rebuilds `by_content` from `claims` (after claims were removed).
    fn index_contents(&mut self) {
        self.by_content.clear();
        for (i, c) in self.claims.iter().enumerate() {
            self.by_content.entry(c.content).or_default().push(i);
        }
    }

    /// The person or organization whose name ends the source words `span` that no rule resolved
    /// ("Another minister meanwhile, Lord Fenwick"); not a name after a preposition, in a list
    /// ("an economist at Brightmoor Bank", "studios including Nordvik and Calder") or in a
    /// relative clause.
    fn named_at_end(&self, span: Span) -> Option<usize> {
        let m = self.r.mention_ending_at(span.end)?;
        let mention = &self.r.mentions[m];
        if mention.kind == EntityType::Place || !span.contains(mention.span) {
            return None;
        }
        let start = self.token_at(mention.span.start);
        let before = (0..start)
            .rev()
            .map(|k| self.word(k).to_lowercase())
            .find(|w| !matches!(w.as_str(), "the" | "mr" | "mrs" | "ms" | "miss" | "dr" | "." | "sir" | "dame"));
        let attached =
            before.is_some_and(|w| PREPOSITIONS.contains(&w.as_str()) || matches!(w.as_str(), "including" | "like" | "and" | "or" | "&"));
        // "The East Midlands MEP, who quit the UK Independence Party": a name in a relative
        // clause of the words ("The Game, whose real name is Jayceon Taylor" names him).
        let relative = (self.token_at(span.start)..start).any(|k| matches!(self.word(k), "who" | "which" | "that"));
        (!attached && !relative).then_some(m)
    }

    /// Source words without a lowercase conjunction opening them (", and a number of investors
    /// have said": the conjunction joins the clause, it is no part of who spoke).
    fn without_opening_conjunction(&self, span: Span) -> Span {
        let first = self.token_at(span.start);
        let joins = matches!(self.word(first), "and" | "but" | "or" | "yet");
        match self.tokens().get(first + 1).filter(|next| joins && next.span.end <= span.end) {
            Some(next) => Span::new(next.span.start, span.end),
            None => span,
        }
    }

    /// Whether the cue's verb, with the words after it, reports no speech (the lexicon's
    /// `not_speech`: "claimed responsibility for", "was denied bail").
    fn not_speech(&self, cue: &Cue) -> bool {
        let tokens = self.tokens();
        let mut at = self.token_at(cue.span.end);
        if at < tokens.len()
            && matches!(self.word(at).to_lowercase().as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our")
        {
            at += 1;
        }
        let words: Vec<String> = (at..tokens.len().min(at + 3)).map(|k| self.word(k).to_lowercase()).collect();
        // "claimed the men's shot put title with a throw", "defended her 3,000m title": the head
        // of the object, its last word before a preposition, a mark or a verb, as a row's one word.
        let head = (at..tokens.len().min(at + 6))
            .take_while(|&k| {
                let w = self.word(k);
                let stop = matches!(w, "that" | "over" | "against" | "after" | "before" | "and" | "or" | "but");
                tokens[k].kind != TokenKind::Punct
                    && !PREPOSITIONS.contains(&w)
                    && !FINITE.contains(&w)
                    && !AUXILIARIES.contains(&w)
                    && !stop
            })
            .last()
            .map(|k| self.word(k).to_lowercase());
        // "spam continued to be a problem": to go on doing what no cue names (`continue_fits`
        // lets through what a sentence's quotation marks frame).
        let going_on = cue.lemma == "continue" && words.len() > 1 && words[0] == "to" && self.lex.cue(&words[1]).is_none();
        going_on
            || self.lex.is_not_speech(&cue.lemma, &words.iter().map(String::as_str).collect::<Vec<_>>())
            || head.is_some_and(|h| self.lex.is_not_speech(&cue.lemma, &[h.as_str()]))
            || self.idiom(cue)
            || self.linking(cue)
    }

    /// Whether a claim's reported words are only a phrase of time, place or manner ("fewer jobs
    /// than expected in January", "quoted several lawmakers as saying in a statement",
    /// "revenues - calculated in US dollars -"): no proposition, so no claim.
    ///
    /// Not where the frame follows a quotation or its content comes first, whose words another
    /// reading may still find ('"...," X said in a statement.').
    fn circumstance_only(&self, c: &Claim) -> bool {
        let Some(cue) = &c.cue else { return false };
        let (first, end) = (self.token_at(c.content.start), self.token_at(c.content.end));
        let opener = matches!(
            self.word(first).to_lowercase().as_str(),
            "in" | "on" | "at" | "by" | "from" | "during" | "until" | "since" | "over" | "through" | "across" | "within"
        );
        // The words first; the sentence is read for quotations only for the few that pass.
        if c.direct || !opener || end > first + 6 || c.content.end <= cue.span.start {
            return false;
        }
        let at = self.token_at(cue.span.start);
        let sentence = &self.r.segmented.sentences[self.r.segmented.sentence_of(at)];
        let after_quotation = (sentence.tokens.start..at).any(|k| self.quote_insides.contains(self.tokens()[k].span));
        !after_quotation && (first..end).all(|k| !matches!(self.syntax.upos(k), "VERB" | "AUX") && !self.is_quote_open(k))
    }

    /// Whether "deny" gives someone nothing rather than denies a claim: "denied his side a famous
    /// victory", "denied Gerrard with a tackle", "deny many energized independents the right" (an
    /// object, then a second object's determiner or "with", before any verb), "denied the same
    /// player again" (a person by a role, closing the words or before "again").
    fn deprives(&self, c: &Claim) -> bool {
        let Some(cue) = &c.cue else { return false };
        let (first, end) = (self.token_at(c.content.start), self.token_at(c.content.end));
        if cue.lemma != "deny" || c.direct || end < first + 2 {
            return false;
        }
        // The first object: a pronoun ("them"), or a determiner or possessive and its nouns.
        let lower = self.word(first).to_lowercase();
        let mut next = first;
        if matches!(lower.as_str(), "him" | "her" | "them" | "us" | "me") {
            next += 1;
        } else {
            next += usize::from(matches!(lower.as_str(), "the" | "his" | "her" | "their" | "its" | "our"));
            let words = (next..end.min(next + 3)).take_while(|&k| matches!(self.syntax.upos(k), "PROPN" | "NOUN" | "ADJ")).count();
            if words == 0 || self.syntax.upos(next + words - 1) == "ADJ" {
                return false;
            }
            next += words;
        }
        // "The keeper denied the same player again": a person saved from, not a claim denied.
        let person = self.lex.role(self.word(next - 1)).is_some() && (next == end || matches!(self.word(next), "again" | "twice"));
        let second_object = next < end && matches!(self.word(next), "a" | "an" | "the" | "with" | "his" | "her" | "their" | "its" | "any");
        (person || second_object) && (first..end.min(next + 3)).all(|k| !matches!(self.syntax.upos(k), "VERB" | "AUX"))
    }

    /// Whether a cue that is also a linking verb links its subject to a description: "proved
    /// tough", "is proving a huge success" report nothing ("proved that ..." does).
    fn linking(&self, cue: &Cue) -> bool {
        let at = self.token_at(cue.span.end);
        cue.lemma == "prove"
            && at < self.tokens().len()
            && (matches!(self.syntax.upos(at), "ADJ" | "ADV") || matches!(self.word(at).to_lowercase().as_str(), "a" | "an"))
    }

    /// Whether the cue stands in a discourse idiom ("That said,", "Having said that", "needless
    /// to say": the lexicon's `not_speech` rows with words before the cue).
    fn idiom(&self, cue: &Cue) -> bool {
        let (start, end) = (self.token_at(cue.span.start), self.token_at(cue.span.end));
        let lower = |k: usize| self.word(k).to_lowercase();
        // The words before the cue within its clause, "^" for where the clause opens (the
        // sentence's start or a punctuation mark): "That said," opens one, "a page that said,"
        // is a relative clause.
        let sentences = &self.r.segmented.sentences;
        let opening = sentences.get(sentences.partition_point(|s| s.tokens.end <= start)).map_or(0, |s| s.tokens.start);
        let from = (opening.max(start.saturating_sub(3))..start)
            .rev()
            .find(|&k| self.tokens()[k].kind == TokenKind::Punct)
            .map_or(opening.max(start.saturating_sub(3)), |k| k + 1);
        let opens = from == opening || self.tokens()[from - 1].kind == TokenKind::Punct;
        let before: Vec<String> = opens.then(|| "^".to_string()).into_iter().chain((from..start).map(lower)).collect();
        let after: Vec<String> = (end..self.tokens().len().min(end + 2)).map(lower).collect();
        let before: Vec<&str> = before.iter().map(String::as_str).collect();
        let after: Vec<&str> = after.iter().map(String::as_str).collect();
        self.lex.is_idiom(&cue.lemma, &before, &after)
    }

    /// Whether the source words `span` name people at the place `m` rather than the place:
    /// "People in towns near the Kelso border say", "Residents of Harlow said". The source stays
    /// unnamed. "Russia said" and "officials in Brussels" keep their place.
    fn people_at_place(&self, m: usize, span: Span) -> bool {
        let mention = &self.r.mentions[m];
        let words: Vec<String> =
            self.text()[span.start..mention.span.start.max(span.start)].split_whitespace().map(str::to_lowercase).collect();
        let head = words.iter().find(|w| !matches!(w.as_str(), "the" | "a" | "many" | "some" | "local"));
        mention.kind == EntityType::Place
            && head.is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "people"
                        | "residents"
                        | "locals"
                        | "villagers"
                        | "inhabitants"
                        | "citizens"
                        | "voters"
                        | "families"
                        | "farmers"
                        | "shoppers"
                        | "workers"
                )
            })
    }

    /// Whether the place `m` only modifies the head of the source words `span` that follows it:
    /// "Los Angeles police", "the Salford MP", "a US court", "a farmer from Edo state",
    /// "China's economy". The source stays unnamed; the place's own bodies ("the Kelso
    /// council", "the US government") and a place the words end with or that an apposition
    /// follows ("Italy and Germany", "Poland, one of the largest members") keep it.
    fn place_modifies_head(&self, m: usize, span: Span) -> bool {
        let mention = &self.r.mentions[m];
        if mention.kind != EntityType::Place || mention.span.end >= span.end || mention.span.start < span.start {
            return false;
        }
        let rest = &self.text()[mention.span.end..span.end];
        let rest = rest.split([',', '(']).next().unwrap_or_default();
        let rest = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")).unwrap_or(rest);
        let mut words = rest.split_whitespace();
        let Some(head) = words.next() else { return false };
        !PLACE_BODIES.contains(&head.to_lowercase().as_str())
            && !head.starts_with(|c: char| c.is_uppercase() && head.chars().any(char::is_lowercase))
    }

    /// Whether a negation stands in the verb group before the cue at `cue`: "has not admitted",
    /// "did not say", "never claimed", "wouldn't confirm", "has neither confirmed nor denied",
    /// or a refusal governs it ("failed to disclose", "refused to say"). Only auxiliaries and
    /// adverbs may stand between ("has still not said").
    fn negated(&self, cue: Span) -> bool {
        let at = self.token_at(cue.start);
        for k in (at.saturating_sub(4)..at).rev() {
            let w = self.word(k).to_lowercase();
            if matches!(w.as_str(), "not" | "never" | "cannot" | "neither" | "nor") || w.ends_with("n't") || w.ends_with("n’t") {
                return true;
            }
            if w == "to" && k > 0 && REFUSALS.contains(&self.word(k - 1).to_lowercase().as_str()) {
                return true;
            }
            // AUXILIARIES holds "did", "does", "do" and "also" already.
            let verb_group = AUXILIARIES.contains(&w.as_str()) || FINITE.contains(&w.as_str());
            if !(verb_group || is_adverb(&w) || matches!(w.as_str(), "still" | "yet" | "ever")) {
                return false;
            }
        }
        false
    }

    /// Sorts claims by content, keeping parent links.
    fn sort(&mut self) {
        let n = self.claims.len();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| (self.claims[i].content, self.claims[i].cue.as_ref().map(|c| c.span)));
        let mut new_index = vec![0; n];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut sorted: Vec<Claim> = order.iter().map(|&i| self.claims[i].clone()).collect();
        for c in &mut sorted {
            c.parent = c.parent.map(|p| new_index[p]);
        }
        self.claims = sorted;
    }
}
