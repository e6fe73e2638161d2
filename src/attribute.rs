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
use crate::recognize::Recognized;
use crate::segment::TokenKind;
use crate::text::{Diagnostic, MONTHS, Span};
use regex::Regex;
use std::sync::LazyLock;

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
}

/// Finds the claims of a recognized article.
pub fn attribute<'a>(recognized: &'a Recognized<'a>, lexicon: &Lexicon) -> (Attributed<'a>, Vec<Diagnostic>) {
    let mut a = Attributor { r: recognized, quotes: Vec::new(), lex: lexicon, claims: Vec::new(), diagnostics: Vec::new() };
    let quotes = a.quotes();
    a.quotes = quotes.clone();
    for index in 0..recognized.segmented.sentences.len() {
        a.sentence(index, &quotes);
    }
    a.speaker_labels();
    a.introduced_quotes(&quotes);
    a.signed_quotes();
    a.nest();
    a.continuations(&quotes);
    a.quotations(&quotes);
    a.comments();
    a.mark_contents();
    a.sort();
    let text = recognized.text();
    let published = recognized.segmented.article.meta.published.as_ref().map(|f| f.value.as_str());
    let sentences = &recognized.segmented.sentences;
    for claim in &mut a.claims {
        claim.quantities = quantities(text, claim.content);
        if !claim.comment {
            let first = sentences.partition_point(|s| s.span.end <= claim.content.start);
            let sentence = sentences.get(first).map_or(claim.content, |s| s.span.cover(claim.content));
            claim.dates = dates(text, sentence, published);
        }
    }
    let mut diagnostics = a.diagnostics;
    diagnostics.sort();
    (Attributed { recognized, claims: a.claims }, diagnostics)
}

struct Attributor<'a> {
    r: &'a Recognized<'a>,
    quotes: Vec<Quote>,
    lex: &'a Lexicon,
    claims: Vec<Claim>,
    diagnostics: Vec<Diagnostic>,
}

/// A quotation: the span inside the marks and the paragraph it starts in.
#[derive(Debug, Clone, Copy)]
struct Quote {
    inner: Span,
    outer: Span,
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we", "you", "He", "She", "They", "It", "I", "We", "You"];
const PEOPLE_NOUNS: &[&str] = &[
    "experts",
    "officials",
    "residents",
    "sources",
    "analysts",
    "observers",
    "critics",
    "authorities",
    "witnesses",
    "people",
    "militants",
    "members",
    "activists",
    "researchers",
    "scientists",
    "diplomats",
    "commentators",
    "reporters",
    "journalists",
    "locals",
    "villagers",
    "lawyers",
    "investigators",
    "prosecutors",
    "government",
    "ministry",
    "staffer",
    "source",
    "official",
    "man",
    "woman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "police",
    "study",
    "report",
    "survey",
    "poll",
    "statement",
    "agency",
    "group",
    "institute",
    "union",
    "authority",
    "company",
    "developer",
    "party",
    "data",
    "figures",
    "army",
    "military",
    "leaders",
    "leader",
    "voters",
    "workers",
    "doctors",
    "patients",
    "fighters",
    "defector",
    "analysis",
    "documents",
    "website",
    "portal",
    "newspaper",
    "demonstrators",
    "protesters",
    "veterans",
    "families",
    "parents",
    "students",
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "progressives",
    "campaign",
    "administration",
    "panel",
    "committee",
    "court",
    "lawmakers",
    "senators",
    "passengers",
    "commuters",
    "customers",
    "consumers",
    "economists",
    "executives",
    "supporters",
    "opponents",
    "advisers",
    "aides",
    "farmers",
    "teachers",
    "nurses",
    "owners",
    "regulators",
    "businesses",
    "environmentalists",
    "historians",
];
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "may",
    "might",
    "also",
    "has also",
    "recently",
    "later",
    "further",
    "then",
    "now",
    "again",
    "previously",
    "repeatedly",
    "publicly",
    "reportedly",
    "already",
    "often",
    "has been",
    "not",
    "did",
    "does",
    "do",
    "even",
    "only",
    "still",
    "once",
    "had been",
    "never",
    "must",
    "should",
    "can",
    "first",
    "earlier",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/// Verbs that take another verb through "to" ("continues to insist", "refused to disclose").
const CATENATIVES: &[&str] = &[
    "continue",
    "continues",
    "continued",
    "appear",
    "appears",
    "appeared",
    "seem",
    "seems",
    "seemed",
    "try",
    "tries",
    "tried",
    "begin",
    "begins",
    "began",
    "start",
    "starts",
    "started",
    "need",
    "needs",
    "needed",
    "seek",
    "seeks",
    "sought",
    "decline",
    "declines",
    "declined",
    "refuse",
    "refuses",
    "refused",
    "want",
    "wants",
    "wanted",
    "plan",
    "plans",
    "planned",
    "hope",
    "hopes",
    "hoped",
    "able",
    "likely",
    "unlikely",
    "expected",
    "used",
    "going",
    "set",
    "ready",
    "willing",
    "eager",
    "determined",
    "unable",
    "trying",
    "quick",
    "about",
    "yet",
    "has",
    "have",
    "had",
];
/// Finite forms of "be" and the modals: a clause's verb.
const FINITE: &[&str] = &["is", "are", "was", "were", "will", "would", "could", "can", "should", "might", "may", "must"];
const NOMINAL_CUES: &[&str] = &[
    "estimate",
    "estimates",
    "report",
    "study",
    "statement",
    "assessment",
    "figures",
    "data",
    "survey",
    "poll",
    "analysis",
    "findings",
    "announcement",
    "claim",
    "claims",
    "count",
    "calculation",
    "calculations",
];
/// Words that open a phrase or clause of circumstance before a frame ("In a statement, X said",
/// "When he bought the mine, X said"): what they open is not the content.
const CIRCUMSTANCE_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "asked",
    "speaking",
    "writing",
    "responding",
    "earlier",
    "later",
    "meanwhile",
    "separately",
    "then",
    "still",
    "also",
    "however",
    "when",
    "while",
    "as",
    "if",
    "although",
    "though",
    "because",
    "since",
    "despite",
    "following",
    "with",
    "without",
    "for",
    "by",
    "under",
    "amid",
    "unlike",
    "once",
    "until",
    "unless",
    "whenever",
];
/// Whether `word` reads as an -ly adverb ("repeatedly", "publicly"), not a noun in -ly ("the
/// family said", "an ally").
fn is_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && !matches!(
            word,
            "family"
                | "Family"
                | "ally"
                | "rally"
                | "assembly"
                | "Assembly"
                | "supply"
                | "monopoly"
                | "anomaly"
                | "Italy"
                | "Sicily"
                | "Kelly"
                | "Reilly"
        )
}

/// Conjunctions that open a subordinate clause before the main one ("Though ..., X said").
const SUBORDINATE_OPENERS: &[&str] =
    &["though", "although", "while", "when", "if", "because", "since", "as", "after", "before", "despite", "unless", "once"];

/// Cue classes of states of mind, intentions and stances (think, want, support), as opposed to
/// acts of speech.
const PRIVATE_STATES: &[&str] = &["suggest", "intend", "judge"];
/// Words that open a noun phrase naming someone ("said another advocate", "said his best friend").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "one", "another", "his", "her", "their", "its", "our", "my", "your", "several", "some",
    "two", "three", "many", "most", "both", "other", "others", "top", "senior", "former",
];
/// Prepositions that head no noun phrase.
const PREPOSITIONS: &[&str] = &["to", "of", "in", "on", "at", "for", "with", "by", "from", "as", "into", "than", "about"];

/// Whether `word` ends like a plural noun or a third-person verb ("judges", "says"; not "press").
fn is_plural(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

/// Whether `word` is a document noun that can show or find something ("polls", "records"); "it"
/// only as a sentence's "It".
fn document_noun(word: &str) -> bool {
    word != "it" && DOCUMENTS.contains(&word.to_lowercase().as_str())
}

/// Documents that show or find what their object says ("Polls show", "Video of the incident shows").
const DOCUMENTS: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "average",
    "averages",
    "analysis",
    "analyses",
    "study",
    "studies",
    "report",
    "reports",
    "survey",
    "surveys",
    "data",
    "video",
    "videos",
    "footage",
    "transcript",
    "documents",
    "records",
    "research",
    "slide",
    "review",
    "audit",
    "investigation",
    "results",
    "evidence",
    "memo",
    "letter",
    "figures",
    "numbers",
    "filings",
    "tests",
    "census",
    "it",
];
/// Hearers between a verb of telling and its clause ("told reporters that", "warned voters that").
const OBJECTS: &[&str] = &[
    "reporters",
    "journalists",
    "me",
    "us",
    "him",
    "her",
    "them",
    "supporters",
    "parliament",
    "lawmakers",
    "listeners",
    "viewers",
    "readers",
    "voters",
    "crowd",
    "audience",
    "audiences",
    "donors",
    "Americans",
    "people",
    "followers",
    "allies",
    "colleagues",
    "aides",
    "officials",
    "investigators",
    "Congress",
    "senators",
    "delegates",
    "students",
    "workers",
    "employees",
    "staff",
    "residents",
    "members",
    "passengers",
    "customers",
    "clients",
    "investors",
    "parents",
    "the",
    "a",
    "an",
];

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

    /// Pairs quotation marks paragraph by paragraph; an unpaired mark is a diagnostic.
    fn quotes(&mut self) -> Vec<Quote> {
        let text = self.text();
        let mut out = Vec::new();
        for paragraph in &self.r.segmented.paragraphs {
            let mut open: Option<(usize, char, usize)> = None;
            let body = paragraph.of(text);
            let mut chars = body.char_indices().peekable();
            while let Some((offset, c)) = chars.next() {
                let at = paragraph.start + offset;
                // Typewriter marks: '' (either side) reads as ", `` as an opening ".
                let (c, width) = match c {
                    '\'' | '`' if chars.peek().is_some_and(|&(_, n)| n == c) => {
                        chars.next();
                        (if c == '`' { '“' } else { '"' }, 2)
                    }
                    _ => (c, c.len_utf8()),
                };
                match (c, open) {
                    ('“' | '«' | '"', None) => open = Some((at, c, width)),
                    // Web text mixes its marks ('“We will win," Trump said'): a straight mark
                    // closes a curly one and the other way round.
                    ('”', Some((start, '“' | '"', w))) | ('»', Some((start, '«', w))) | ('"', Some((start, '"' | '“', w))) => {
                        let inner = Span::new(start + w, at);
                        let outer = Span::new(start, at + width);
                        if !inner.trim(text, &[]).is_empty() {
                            out.push(Quote { inner, outer });
                        }
                        open = None;
                    }
                    ('“', Some(_)) => {
                        self.diagnostics.push(Diagnostic {
                            span: Some(Span::new(at, at + width)),
                            message: "quotation mark opened inside an open quotation".into(),
                        });
                        open = Some((at, c, width));
                    }
                    _ => {}
                }
            }
            if let Some((start, _, width)) = open {
                // A quotation that runs on into the next paragraph is news convention when the
                // next paragraph opens with a mark; otherwise the mark is unbalanced.
                let next = self.r.segmented.paragraphs.iter().find(|p| p.start > paragraph.end);
                let continues = next
                    .is_some_and(|p| p.of(text).starts_with(['“', '"']) || p.of(text).starts_with("''") || p.of(text).starts_with("``"));
                if continues {
                    let inner = Span::new(start + width, paragraph.end);
                    out.push(Quote { inner, outer: Span::new(start, paragraph.end) });
                } else {
                    self.diagnostics
                        .push(Diagnostic { span: Some(Span::new(start, start + width)), message: "unbalanced quotation mark".into() });
                }
            }
        }
        out
    }

    fn span(&self, start: usize, end: usize) -> Span {
        self.tokens()[start].span.cover(self.tokens()[end - 1].span)
    }

    /// The claims framed in sentence `index`.
    fn sentence(&mut self, index: usize, quotes: &[Quote]) {
        let sentence = self.r.segmented.sentences[index].clone();
        let (first, last) = (sentence.tokens.start, sentence.tokens.end);
        // The sentence's last token is usually its period; content stops before it.
        let content_end =
            (first..last).rev().find(|&t| !matches!(self.word(t), "." | "!" | "?" | "…" | "”" | "\"" | "''")).map_or(last, |t| t + 1);
        let (words, capitalized) = (first..last)
            .map(|k| self.word(k))
            .filter(|w| w.chars().all(char::is_alphabetic) && w.len() > 3)
            .fold((0, 0), |(n, c), w| (n + 1, c + usize::from(w.starts_with(char::is_uppercase))));
        let headline = words >= 3 && capitalized * 10 >= words * 8;
        // "Asked about the plan, Smith said ...", "Asked why he trailed, ...": the question is
        // an attribution whose asker the text leaves unnamed.
        // "Asked by Matt Lauer whether she had practiced", "Asked in Iowa recently whether he
        // would": the question word may come after the asker and circumstance.
        let question =
            |k: usize| matches!(self.word(k), "about" | "whether" | "if" | "what" | "how" | "why" | "who" | "which" | "when" | "where");
        if self.word(first) == "Asked" {
            let comma = (first + 1..last).find(|&k| self.word(k) == ",");
            let opens = comma.and_then(|c| (first + 1..c.min(first + 9)).find(|&k| question(k)));
            if let (Some(comma), Some(q)) = (comma, opens) {
                if q + 1 < comma {
                    let cue = Cue { span: self.tokens()[first].span, lemma: "ask".into(), class: "ask".into() };
                    let from = if self.word(q) == "about" { q + 1 } else { q };
                    self.push(self.span(from, comma), Some(cue), None, None, false);
                }
            }
        }
        self.in_document(first, last, content_end, quotes);
        let mut t = first;
        while t < last {
            let word = self.word(t);
            // "according to X, CONTENT" and "CONTENT, according to X".
            if word.eq_ignore_ascii_case("according") && t + 1 < last && self.word(t + 1) == "to" {
                let np_start = t + 2;
                let np_end = (np_start..last)
                    .find(|&k| matches!(self.word(k), "," | "." | ";" | ":" | "“" | "\"" | "''" | "—" | "–") || self.word(k) == "that")
                    .unwrap_or(last);
                if np_end > np_start {
                    let (source, source_span) = self.noun_phrase_source(np_start, np_end);
                    let cue = Cue { span: self.span(t, t + 2), lemma: "according to".into(), class: "according".into() };
                    // "X leads by 271 delegates, according to a count by the AP, but ...": a turn after
                    // the source ends the clause the frame closes.
                    let turn = np_end + 1 < content_end
                        && self.word(np_end) == ","
                        && matches!(self.word(np_end + 1), "but" | "and" | "while" | "although" | "though" | "yet" | "so" | "which");
                    // "X would rise, according to an analysis by Y, a former aide now teaching at Z":
                    // a verbless apposition after the source leaves the clause before the frame.
                    let apposition = np_end + 1 < content_end
                        && self.word(np_end) == ","
                        && t > first + 3
                        && self.word(t - 1) == ","
                        && self.word(t - 2) != "that"
                        && (np_end + 1..content_end).take_while(|&k| self.word(k) != ",").all(|k| {
                            let w = self.word(k);
                            !(FINITE.contains(&w)
                                || matches!(w, "has" | "have" | "had" | "did" | "does" | "said" | "says" | "“" | "\"" | "''")
                                || w.ends_with("ed") && w.starts_with(char::is_lowercase))
                        });
                    let content = if np_end < content_end && self.word(np_end) != "." && !(turn && np_start > first + 1) && !apposition {
                        self.after(np_end, content_end, quotes)
                    } else {
                        self.before(first, t, quotes)
                    };
                    if let Some((content, direct)) = content {
                        self.push(content, Some(cue), source, Some(source_span), direct);
                    }
                }
                t = np_end;
                continue;
            }
            let in_quote = quotes.iter().any(|q| q.inner.contains(self.tokens()[t].span));
            // "Bloomberg is reportedly considering a run": a report from no one named.
            let hearsay = match word {
                "reportedly" => Some("report"),
                "allegedly" => Some("allege"),
                "purportedly" => Some("purport"),
                "reputedly" => Some("repute"),
                _ => None,
            };
            if let Some(lemma) = hearsay.filter(|_| !in_quote && t > first && t + 1 < content_end) {
                let cue = Cue { span: self.tokens()[t].span, lemma: lemma.into(), class: "claim".into() };
                self.hedged(first, t, t, content_end, quotes, cue);
                t += 1;
                continue;
            }
            if !in_quote && t > first && t + 1 < content_end {
                if let Some(cue) = self.seeming(first, t) {
                    if matches!(self.word(t - 1), "It" | "it") {
                        // "It appears, though, that the game was not boring".
                        let from = (t + 1..content_end).find(|&k| !matches!(self.word(k), "," | "though" | "however" | "that"));
                        if let Some((content, _)) = from.and_then(|k| self.after(k, content_end, quotes)) {
                            self.push(content, Some(cue), None, None, false);
                        }
                    } else {
                        self.hedged(first, t, t, content_end, quotes, cue);
                    }
                    t += 1;
                    continue;
                }
            }
            // "the NDU estimate of 4,000": a noun, left to the nominal cues below.
            let noun_use =
                NOMINAL_CUES.contains(&word) && t + 1 < last && (self.word(t + 1) == "of" || self.lex.cue(self.word(t + 1)).is_some())
                    || word == "think" && t + 1 < last && matches!(self.word(t + 1), "tank" | "tanks");
            // Headlines capitalize their verbs ("Obama Says Museum Will Tell ...").
            let cased = word.starts_with(char::is_lowercase) || headline && t > first;
            // "want to know", "refused to comment": the first verb is the cue, the second its content.
            let governed = t >= first + 2 && self.word(t - 1) == "to" && self.lex.cue(self.word(t - 2)).is_some();
            // "the findings looked promising": a participle after a linking verb is an adjective.
            let adjective = word.ends_with("ing")
                && t > first
                && matches!(self.word(t - 1), "look" | "looks" | "looked" | "seem" | "seems" | "seemed" | "sound" | "sounds" | "sounded");
            if let Some(cue) = self
                .lex
                .cue(word)
                .filter(|c| cased && !in_quote && !noun_use && !governed && !adjective && self.cue_fits(c, first, t, last))
            {
                let nominal = cue.nominal;
                let cue = Cue { span: self.tokens()[t].span, lemma: cue.lemma.clone(), class: cue.class.clone() };
                // A passive cue ("is disputed by", "was denied") has no speaker before it; "it is
                // believed that ..." is an attribution without a source.
                // "is disputed", "is widely believed": the auxiliary may stand before adverbs.
                let mut aux = t;
                while aux > first
                    && (is_adverb(self.word(aux - 1))
                        || matches!(self.word(aux - 1), "first" | "also" | "not" | "already" | "never" | "long"))
                {
                    aux -= 1;
                }
                let participle = word.ends_with("ed")
                    || matches!(word, "said" | "told" | "written" | "thought" | "known" | "shown" | "found" | "held" | "seen");
                let passive =
                    aux > first && matches!(self.word(aux - 1), "is" | "was" | "were" | "are" | "been" | "be" | "being") && participle;
                if passive {
                    let impersonal =
                        aux >= first + 2 && self.word(aux - 2).eq_ignore_ascii_case("it") && t + 1 < last && self.word(t + 1) == "that";
                    if impersonal {
                        let cue = Cue { span: self.span(aux - 1, t + 1), ..cue };
                        if let Some((content, direct)) = self.after(t + 1, content_end, quotes) {
                            self.push(content, Some(cue), None, None, direct);
                        }
                    } else if cue.class == "ask"
                        && t + 1 < content_end
                        && matches!(
                            self.word(t + 1),
                            "," | ":"
                                | "“"
                                | "\""
                                | "''"
                                | "if"
                                | "whether"
                                | "what"
                                | "how"
                                | "why"
                                | "who"
                                | "when"
                                | "where"
                                | "which"
                                | "a"
                                | "about"
                        )
                    {
                        // "Blumenthal was asked, "...?"", "she was asked if ...": the question, from
                        // an asker left unnamed.
                        let cue = Cue { span: self.span(aux - 1, t + 1), ..cue };
                        let from = if matches!(self.word(t + 1), "," | ":") { t + 2 } else { t + 1 };
                        if let Some((content, direct)) = self.after(from, content_end, quotes) {
                            self.push(content, Some(cue), None, None, direct);
                        }
                    } else if t + 2 < content_end && self.word(t + 1) == "to" && aux >= first + 2 {
                        // "Trump is expected to deliver a speech", "He is said to have left": the
                        // writer reports, from no one named, what the subject does.
                        let cue = Cue { span: self.span(aux - 1, t + 1), ..cue };
                        self.hedged(first, aux - 1, t, content_end, quotes, cue);
                    } else if t + 2 < content_end && self.word(t + 1) == "by" && aux >= first + 2 {
                        // "The issue was first reported by The Washington Post": the agent after
                        // "by" is the source, the subject what it said.
                        let agent_end = (t + 3..content_end)
                            .find(|&k| {
                                matches!(
                                    self.word(k),
                                    "," | ";"
                                        | ":"
                                        | "—"
                                        | "("
                                        | "in"
                                        | "on"
                                        | "at"
                                        | "after"
                                        | "during"
                                        | "since"
                                        | "because"
                                        | "when"
                                        | "as"
                                        | "for"
                                        | "to"
                                        | "last"
                                        | "this"
                                        | "earlier"
                                        | "and"
                                )
                            })
                            .unwrap_or(content_end);
                        let subject_start = (first..aux - 1)
                            .rev()
                            .find(|&k| matches!(self.word(k), ";" | ":" | "that" | "which" | "who"))
                            .map_or(first, |k| k + 1);
                        // "is supported by far fewer publications": an agent the text does not
                        // name is still the source's words.
                        let plain_agent = || {
                            (agent_end > t + 2 && agent_end - (t + 2) <= 8).then(|| self.span(t + 2, agent_end)).filter(|_| {
                                (t + 2..agent_end).all(|k| {
                                    let w = self.word(k);
                                    self.tokens()[k].kind != TokenKind::Punct
                                        && !FINITE.contains(&w)
                                        && !AUXILIARIES.contains(&w)
                                        && !matches!(w, "that" | "who" | "which")
                                })
                            })
                        };
                        let agent = self.closing_description(t + 2, agent_end).or_else(|| plain_agent().map(|span| (None, span)));
                        // "The nominee has been endorsed by", "Trump, meanwhile, is supported by": the
                        // subject ends before its auxiliaries and asides.
                        let subject_end = self.subject_end(subject_start, aux - 1);
                        if let Some((source, span)) = agent {
                            if let Some((content, direct)) = self.before(subject_start, subject_end, quotes) {
                                let cue = Cue { span: self.span(aux - 1, t + 2), ..cue };
                                self.push(content, Some(cue), source, Some(span), direct);
                            }
                        }
                    }
                    t += 1;
                    continue;
                }
                // Judgments and intentions are attributions only when someone holds them.
                let needs_agent = matches!(cue.class.as_str(), "judge" | "intend");
                let clause_subject =
                    self.clause_subject(first, t).filter(|(m, span)| !needs_agent || span.is_some_and(|span| self.agentive(*m, span)));
                if let Some((source, source_span)) = clause_subject {
                    // ", saying ...", "and said ...": the subject is elsewhere, and an earlier
                    // frame's content ends before this one's connector. A relative clause ("a
                    // source who told him ...") stays inside the content that holds its noun.
                    let relative = matches!(self.word(self.verb_group_start(first, t).max(1) - 1), "who" | "which");
                    let connector = (first..t).rev().filter(|_| !relative).find(|&k| {
                        matches!(self.word(k), "," | "and" | "but")
                            || k + 1 == t
                                && matches!(self.word(k), "by" | "after" | "before" | "for" | "from" | "while" | "without" | "when")
                    });
                    if let Some(k) = connector {
                        self.end_contents_at(k, t);
                    }
                    if let Some((content, direct)) = self.after(t + 1, content_end, quotes) {
                        self.push(content, Some(cue), source, source_span, direct);
                    }
                    t += 1;
                    continue;
                }
                let subject = self.subject_before(first, t);
                if needs_agent && subject.is_some_and(|(m, span, _)| !self.agentive(m, span)) {
                    t += 1;
                    continue;
                }
                // "Surveys of caucus-goers taken as they entered showed that ...", "..., Federal
                // Election Commission records show.": a document heading the clause is the source.
                // A subject that names no document ("the sites" in "Surveys of voters taken as they
                // entered the sites showed") gives way to the document.
                let names_document = |span: Span| span.of(self.text()).split(|c: char| !c.is_alphanumeric()).any(document_noun);
                if cue.class == "document" && subject.is_none_or(|(_, span, _)| !names_document(span)) {
                    if let Some((source, source_span, subject_start)) = self.document_subject(first, t) {
                        // "..., FEC records show.": what precedes; "With X, a poll found that ...": what follows.
                        let closing = t + 1 >= content_end || !matches!(self.word(t + 1), "that" | ":");
                        let content = if closing && subject_start > first && self.word(subject_start - 1) == "," {
                            self.before(first, subject_start - 1, quotes)
                        } else {
                            self.after(t + 1, content_end, quotes)
                        };
                        if let Some((content, direct)) = content {
                            self.push(content, Some(cue), source, Some(source_span), direct);
                        }
                        t += 1;
                        continue;
                    }
                }
                // "what Donald Trump said about Latinos": the object is "what", said elsewhere;
                // "what she said is growing demand": what follows is what was said.
                if let Some((source, source_span, start)) =
                    subject.filter(|&(_, _, start)| start > first && self.word(start - 1).eq_ignore_ascii_case("what"))
                {
                    if t + 1 < content_end && FINITE.contains(&self.word(t + 1)) {
                        if let Some((content, direct)) = self.after(t + 1, content_end, quotes) {
                            let content = self.tokens()[start - 1].span.cover(content);
                            self.push(content, Some(cue), source, Some(source_span), direct);
                        }
                    }
                    t += 1;
                    continue;
                }
                // "..., as David Dayen noted in The Intercept.", "As Chait noted recently, the
                // party ...": the frame reports the clause it comments on.
                // Not "as he discussed his plan": the comment has no object, only circumstance.
                let comments = |start: usize| {
                    let next = if t + 1 < content_end { self.word(t + 1) } else { "," };
                    start > first
                        && self.word(start - 1).eq_ignore_ascii_case("as")
                        && matches!(
                            next,
                            "," | "in"
                                | "on"
                                | "at"
                                | "last"
                                | "recently"
                                | "earlier"
                                | "previously"
                                | "yesterday"
                                | "today"
                                | "out"
                                | "it"
                        )
                        && (t + 1..content_end).take_while(|&k| self.word(k) != ",").all(|k| {
                            let w = self.word(k);
                            !FINITE.contains(&w) && !AUXILIARIES.contains(&w) && !matches!(w, "that" | ":") && !self.is_quote_open(k)
                        })
                };
                if let Some((source, source_span, subject_start)) = subject.filter(|&(_, _, start)| comments(start)) {
                    // "Yet, as Mr. Bown observed, ...": a lone connective before "as" is no content.
                    let opener = (first..subject_start - 1).filter(|&k| self.tokens()[k].kind == TokenKind::Word).count() <= 1;
                    let content = if !opener {
                        self.before(first, subject_start - 1, quotes)
                    } else {
                        (t + 1..content_end).find(|&k| self.word(k) == ",").and_then(|k| self.after(k + 1, content_end, quotes))
                    };
                    if let Some((content, direct)) = content {
                        self.push(content, Some(cue), source, Some(source_span), direct);
                    }
                    t += 1;
                    continue;
                }
                if let Some((source, source_span, subject_start)) = subject {
                    // "The authority plans to borrow, and its chairman noted ...": an earlier
                    // frame's content ends where this clause begins.
                    if subject_start >= first + 2
                        && matches!(self.word(subject_start - 1), "and" | "but")
                        && self.word(subject_start - 2) == ","
                    {
                        self.end_contents_at(subject_start - 2, t);
                    }
                    let clause_follows = t + 1 < last && matches!(self.word(t + 1), "that" | ":");
                    // "ISIS has two centers of power, Gorevoy says, ...": parenthetical when a
                    // quotation or a clause of some length comes before; "Its director, Amina
                    // Odhiambo, puts ..." has only a noun phrase there.
                    let quoted_before = subject_start > first && matches!(self.word(subject_start - 1), "”" | "\"" | "''")
                        || subject_start >= first + 2 && matches!(self.word(subject_start - 2), "”" | "\"" | "''");
                    // "the operator, Northline Ferries, had put ...": a name set off by commas is an
                    // apposition to what comes before it, not a parenthetical frame.
                    let after_subject = self.tokens().partition_point(|tok| tok.span.start < source_span.end);
                    let name_between_commas = source.is_some_and(|m| self.r.mentions[m].span == source_span)
                        && after_subject < last
                        && self.word(after_subject) == ",";
                    // "voters under 35, many of whom cited housing costs": a relative subject
                    // opens its own clause.
                    let relative = self.word(subject_start.max(1) - 1) == "," && source_span.of(self.text()).ends_with("whom");
                    let parenthetical = !clause_follows
                        && !relative
                        && subject_start > first
                        && matches!(self.word(subject_start - 1), "," | "”" | "\"" | "''" | "—")
                        && (!name_between_commas || quoted_before);
                    let mut ends_before = None;
                    let content = if parenthetical {
                        // '"What I believe," Duncan told The New York Times in 2012, "is that
                        // ..."': the quotation resumes after the hearer and circumstance.
                        let resumes = quoted_before
                            .then(|| (t + 2..content_end.min(t + 14)).find(|&k| self.is_quote_open(k) && self.word(k - 1) == ","))
                            .flatten()
                            .filter(|&k| {
                                (t + 1..k).all(|x| !FINITE.contains(&self.word(x)) && !matches!(self.word(x), "that" | "has" | "had"))
                            });
                        let rest = match resumes {
                            Some(k) => self.after(k, content_end, quotes),
                            None => self.after(t + 1, content_end, quotes),
                        };
                        // "Speaking outside the terminal, Sobczak told ...", "In a statement, X
                        // said ...": an opening phrase is circumstance, not content.
                        let opener = self.word(first).to_lowercase();
                        // A subordinate clause may hold commas of its own ("Though he has
                        // heralded plans, a tax loophole ..., analysts say ...").
                        let subordinate = SUBORDINATE_OPENERS.contains(&opener.as_str()) || matches!(opener.as_str(), "until" | "whenever");
                        let circumstance = opener.ends_with("ing") && !self.is_quote_open(first)
                            || subordinate
                            || (first..subject_start - 1).all(|k| self.word(k) != ",") && CIRCUMSTANCE_OPENERS.contains(&opener.as_str());
                        // "Through a spokesman, Trump declined to comment": words without a verb
                        // before the frame are its circumstance when something follows it.
                        // Headlines capitalize their verbs ("Trump Could Address Clean Energy,
                        // Graham Says").
                        let verbless = (first..subject_start - 1).all(|k| {
                            let lower = self.word(k).to_lowercase();
                            let w = if headline { lower.as_str() } else { self.word(k) };
                            !FINITE.contains(&w)
                                && !matches!(w, "has" | "have" | "had" | "did" | "does" | "do")
                                && !self.is_quote_open(k)
                                && !(w.starts_with(char::is_lowercase) && (w.ends_with("ed") || self.lex.cue(w).is_some()))
                        });
                        let adverbial = CIRCUMSTANCE_OPENERS.contains(&opener.as_str())
                            || matches!(
                                opener.as_str(),
                                "through"
                                    | "like"
                                    | "along"
                                    | "and"
                                    | "but"
                                    | "this"
                                    | "last"
                                    | "next"
                                    | "even"
                                    | "among"
                                    | "across"
                                    | "from"
                                    | "to"
                                    | "over"
                                    | "within"
                                    | "besides"
                                    | "regarding"
                            );
                        // "Again, those surveyed said ...": a verbless opener is circumstance
                        // unless the rest goes on with its verb ("A major reason ..., he
                        // continues, is that ...").
                        // A quotation resuming after the frame continues the clause too.
                        let rest_verb = rest.is_some_and(|(r, direct)| {
                            let k = self.tokens().partition_point(|tok| tok.span.start < r.start);
                            let w = if k < self.tokens().len() { self.word(k) } else { "" };
                            direct && w.starts_with(char::is_lowercase)
                                || FINITE.contains(&w)
                                || matches!(w, "has" | "have" | "had" | "did" | "does" | "do")
                                || w.ends_with("ed") && w.starts_with(char::is_lowercase)
                        });
                        // "In Nairobi, where ..., Otieno said access ...": an opening phrase of
                        // circumstance, commas and all, when the rest has a subject of its own.
                        let circumstance = circumstance
                            || verbless && (adverbial || !rest_verb)
                            || CIRCUMSTANCE_OPENERS.contains(&opener.as_str()) && rest.is_some() && !rest_verb;
                        // '"...," Mr. Smith said in his interview.', '..., a spokesman announced Monday
                        // morning.': what follows the frame may be only its own circumstance, and then
                        // what precedes it is the content.
                        let rest_circumstance = rest.is_some_and(|(r, _)| {
                            let r_end = self.tokens().partition_point(|tok| tok.span.start < r.end);
                            (matches!(
                                self.word(t + 1),
                                "in" | "at"
                                    | "on"
                                    | "during"
                                    | "after"
                                    | "before"
                                    | "last"
                                    | "yesterday"
                                    | "today"
                                    | "earlier"
                                    | "this"
                                    | "late"
                                    | "early"
                            ) || WEEKDAYS.contains(&self.word(t + 1)))
                                && (t + 1..r_end).all(|k| {
                                    let w = self.word(k);
                                    !(FINITE.contains(&w)
                                        || matches!(w, "has" | "have" | "had" | "that" | "“" | "\"" | "''")
                                        || w.ends_with("ed") && k > t + 1)
                                })
                        });
                        // '"...," he tweeted Saturday.': a quotation before the frame is its content,
                        // whatever opens the sentence.
                        let before = self.before(first, subject_start, quotes);
                        let quoted = quoted_before && before.is_some_and(|(_, direct)| direct);
                        let before = if circumstance && rest.is_some() && !rest_circumstance && !quoted { None } else { before };
                        match (before, rest) {
                            (Some((b, direct)), None) => Some((b, direct)),
                            // '"We will finish," Castell said, "before the snow."': one quotation
                            // split by its frame.
                            (Some((b, true)), Some((r, true))) => Some((b.cover(r), true)),
                            // '"Polls do not vote," Lopes told supporters at a rally': after a
                            // quotation the rest of the frame is circumstance, not content.
                            (Some((b, true)), Some(_)) => Some((b, true)),
                            (Some((b, _)), Some((r, _))) if !self.is_circumstance(t + 1) && !rest_circumstance => Some((b.cover(r), false)),
                            (Some((b, direct)), Some(_)) => Some((b, direct)),
                            (None, rest) => rest,
                        }
                        .inspect(|&(c, _)| {
                            // "..., the union's secretary said": earlier frames of the sentence
                            // report what comes before this one, not this one.
                            if c.end <= self.tokens()[subject_start].span.start && self.word(subject_start - 1) == "," {
                                ends_before = Some(subject_start - 1);
                            }
                        })
                    } else {
                        // A frame that ends the sentence after a comma and a descriptor reports
                        // what came before it (", local farmer Ana Ruiz said.").
                        let descriptor = (subject_start.saturating_sub(4).max(first)..subject_start)
                            .rev()
                            .find(|&k| self.word(k) == ",")
                            .filter(|&k| (k + 1..subject_start).all(|x| self.word(x).starts_with(char::is_lowercase)));
                        self.after(t + 1, content_end, quotes).or_else(|| descriptor.and_then(|k| self.before(first, k, quotes)))
                    };
                    if let Some(at) = ends_before {
                        self.end_contents_at(at, t);
                    }
                    if let Some((content, direct)) = content {
                        self.push(content, Some(cue), source, Some(source_span), direct);
                    }
                    t += 1;
                    continue;
                }
                // "Officials at the agency's Miami office said ...": a noun phrase that opens the
                // clause, named or not, is the subject.
                if let Some((source, source_span)) =
                    self.clause_opening_subject(first, t).filter(|(m, span)| !needs_agent || self.agentive(*m, *span))
                {
                    let subject_start = self.tokens().partition_point(|tok| tok.span.start < source_span.start);
                    let content = if subject_start > first {
                        self.before(first, subject_start - 1, quotes).filter(|c| c.1)
                    } else {
                        self.after(t + 1, content_end, quotes)
                    };
                    if let Some((content, direct)) = content {
                        self.push(content, Some(cue), source, Some(source_span), direct);
                    }
                    t += 1;
                    continue;
                }
                let claims_before = self.claims.len();
                // Inversion after a quotation or clause: "..., said Kadyrov."
                // Not ", saying Christie was ...": a participle is no inverted frame.
                if !needs_agent && t > first && matches!(self.word(t - 1), "," | "”" | "\"" | "''") && !word.ends_with("ing") {
                    // "said Rep. Butterfield", "said harbour master Greta Solberg": titles and a
                    // few descriptive words may stand between the verb and the name.
                    let mut name_at = t + 1;
                    // "said GOP strategist Keith Nahigian": an organization before a role is a
                    // modifier of the name.
                    let org_before_role = |k: usize| {
                        self.mention_starting(k).is_some_and(|m| {
                            let end = self.tokens().partition_point(|tok| tok.span.start < self.r.mentions[m].span.end);
                            self.r.mentions[m].kind == EntityType::Organization && end < last && self.lex.role(self.word(end)).is_some()
                        })
                    };
                    while name_at + 1 < last && name_at < t + 6 && org_before_role(name_at) {
                        let m = self.mention_starting(name_at).expect("checked");
                        name_at = self.tokens().partition_point(|tok| tok.span.start < self.r.mentions[m].span.end);
                    }
                    // "said Republican party boss Reince Priebus", "said Pentagon spokesman Navy
                    // Capt. Jeff Davis": capitalized modifiers too, when a name follows them.
                    let name_ahead = |k: usize| {
                        (k + 1..last.min(t + 9))
                            .take_while(|&x| self.tokens()[x].kind != TokenKind::Punct)
                            .any(|x| self.mention_starting(x).is_some())
                    };
                    while name_at + 1 < last
                        && name_at < t + 8
                        && (self.lex.role(self.word(name_at)).is_some()
                            || self.tokens()[name_at].kind == TokenKind::Possessive
                            || self.tokens()[name_at].kind == TokenKind::Number
                            || self.word(name_at).chars().all(char::is_lowercase)
                                && !matches!(
                                    self.word(name_at),
                                    "of" | "about" | "to" | "in" | "on" | "at" | "for" | "with" | "by" | "from" | "that"
                                )
                            || self.tokens()[name_at].kind == TokenKind::Word
                                && self.word(name_at).starts_with(char::is_uppercase)
                                && name_ahead(name_at))
                        && self.mention_starting(name_at).is_none()
                    {
                        name_at += 1;
                    }
                    if let Some(m) = self.mention_starting(name_at).filter(|&m| {
                        let end = self.r.mentions[m].span.end;
                        let k = self.tokens().partition_point(|tok| tok.span.start < end);
                        k >= last || matches!(self.word(k), "." | "," | ";" | "(" | "of" | "for" | "at" | "from" | "in" | "on" | "with")
                    }) {
                        let content = self.before(first, t, quotes);
                        if let Some((content, direct)) = content {
                            // "said Douglas Holtz-Eakin, an economist who ...": the source's
                            // words run through an apposition that ends the sentence.
                            // "said Carmel Martin, executive vice president for policy", "said Rep.
                            // Joseph Crowley (D-N.Y.), a leading advocate": likewise a description
                            // or a party label that runs to the end.
                            // The roles and modifiers between the verb and the name are the
                            // source's words too.
                            let mut span = self.tokens()[name_at].span.cover(self.r.mentions[m].span);
                            if name_at > t + 1 {
                                span = self.tokens()[t + 1].span.cover(span);
                            }
                            let after = self.tokens().partition_point(|tok| tok.span.start < span.end);
                            let described = after + 1 < content_end
                                && matches!(self.word(after), "," | "(")
                                // The description may hold its own relative clause ("a union that
                                // has broken away"), but no second frame or quotation.
                                && (after + 1..content_end).all(|k| {
                                    let w = self.word(k);
                                    !(self.is_quote_open(k) || matches!(w, "said" | "says" | ";" | "but") || w.ends_with("ing") && self.word(k - 1) == ",")
                                })
                                // "said Mr. Kamin, who emphasized that ...": a relative clause
                                // that reports speech is a claim of its own.
                                && !(matches!(self.word(after + 1), "who" | "whose")
                                    && (after + 2..(after + 5).min(content_end)).any(|j| self.lex.cue(self.word(j)).is_some()))
                                && (self.word(after) == "(" || {
                                    let w = self.word(after + 1);
                                    // ", speaking of ..." is a frame of its own, not a description.
                                    w.starts_with(char::is_lowercase) && !w.ends_with("ing")
                                        || self.lex.role(w).is_some()
                                        || self.tokens()[after + 1].kind == TokenKind::Possessive
                                        || after + 2 < content_end && self.tokens()[after + 2].kind == TokenKind::Possessive
                                });
                            if described {
                                span = span.cover(self.tokens()[content_end - 1].span);
                            }
                            self.push(content, Some(cue.clone()), Some(m), Some(span), direct);
                        }
                    } else if let Some((source, span)) = self.closing_description(t + 1, content_end) {
                        // '"...," said one Democratic source on the panel.': a description, or
                        // words that name no one the text knows.
                        if let Some((content, direct)) = self.before(first, t, quotes) {
                            self.push(content, Some(cue.clone()), source, Some(span), direct);
                        }
                    } else if t + 1 < content_end
                        && (self.word(t + 1).starts_with(char::is_uppercase) || DETERMINERS.contains(&self.word(t + 1)))
                    {
                        // A longer noun phrase after the verb: the frame reports what precedes it,
                        // from a speaker left unnamed, or named in an apposition ("said another
                        // leading advocate, Andrew Pincus of Mayer Brown").
                        if let Some((content, direct)) = self.before(first, t, quotes) {
                            let named = self
                                .apposed_person(t + 1, content_end.min(t + 10))
                                .filter(|&(comma, _)| (t + 1..comma).all(|k| !FINITE.contains(&self.word(k)) && !self.is_quote_open(k)))
                                .map(|(_, m)| m);
                            match named {
                                Some(m) => {
                                    // The apposition's own comma ends the source's words (", who ...").
                                    let name_end = self.tokens().partition_point(|tok| tok.span.start < self.r.mentions[m].span.end);
                                    let end = (name_end..content_end).find(|&k| self.word(k) == ",").unwrap_or(content_end);
                                    self.push(content, Some(cue.clone()), Some(m), Some(self.span(t + 1, end)), direct);
                                }
                                None => self.push(content, Some(cue.clone()), None, None, direct),
                            }
                        }
                    }
                }
                let inverted = t > first && matches!(self.word(t - 1), "," | "”" | "\"" | "''");
                // A frame whose speaker the words before it do not name still reports its
                // clause ("... the group of experts who met in June concluded that ...").
                // "ignored repeated offers": after another verb, the form is an adjective.
                let after_verb = t > first
                    && self.word(t - 1).starts_with(char::is_lowercase)
                    && (self.word(t - 1).ends_with("ed") || self.word(t - 1).ends_with("ing"));
                // A document that shows or finds with no source named is seldom anyone's claim
                // ("showing Trump leading nationally").
                if self.claims.len() == claims_before
                    && !inverted
                    && !after_verb
                    && !nominal
                    && cue.lemma != "know"
                    && cue.class != "document"
                {
                    if let Some((content, direct)) = self.after(t + 1, content_end, quotes) {
                        self.push(content, Some(cue), None, None, direct);
                    }
                }
            }
            // Nominal cues: "the FSB estimate of 2,400", "X's report found that".
            if NOMINAL_CUES.contains(&word) && t > first {
                let owner = match self.word(t - 1) {
                    _ if self.tokens()[t - 1].kind == TokenKind::Possessive => t.checked_sub(2),
                    // "the Russian Federal Security Services (FSB) estimate of": the acronym.
                    ")" => t.checked_sub(2),
                    _ => Some(t - 1),
                };
                if let Some(m) = owner.and_then(|o| self.mention_ending(o)) {
                    let next = (t + 1 < last).then(|| self.word(t + 1));
                    let verb_next = next.and_then(|w| self.lex.cue(w)).is_some();
                    if matches!(next, Some("of" | "that")) || verb_next {
                        // "The PPIC poll shows": the verb is the cue and the document its source's
                        // words; "the IMF's estimate of": the noun is the cue, the owner the source.
                        let cue = match next.and_then(|w| self.lex.cue(w)) {
                            Some(verb) => Cue { span: self.tokens()[t + 1].span, lemma: verb.lemma.clone(), class: verb.class.clone() },
                            None => {
                                Cue { span: self.tokens()[t].span, lemma: word.trim_end_matches('s').to_string(), class: "estimate".into() }
                            }
                        };
                        let from = if verb_next || next == Some("of") { t + 2 } else { t + 1 };
                        if let Some((content, direct)) = self.after(from, content_end, quotes) {
                            let mention = self.r.mentions[m].span;
                            let named = self.tokens().partition_point(|tok| tok.span.start < mention.start);
                            let start = if named > first && matches!(self.word(named - 1), "the" | "The" | "a" | "A" | "an" | "An") {
                                named - 1
                            } else {
                                named
                            };
                            let end = if verb_next { t } else { t - 1 };
                            let span = self.tokens()[start].span.cover(self.tokens()[end].span).cover(mention);
                            self.push(content, Some(cue), Some(m), Some(span), direct);
                        }
                    }
                }
            }
            t += 1;
        }
    }

    /// "In an NBC News/Wall Street Journal poll released Monday, 50 percent chose Clinton": a poll
    /// or survey opening the sentence reports the rest of it.
    fn in_document(&mut self, first: usize, last: usize, content_end: usize, quotes: &[Quote]) {
        if !self.word(first).eq_ignore_ascii_case("in") {
            return;
        }
        let Some(comma) = (first + 1..last.min(first + 14)).find(|&k| self.word(k) == ",") else { return };
        let head = (first + 1..comma).find(|&k| matches!(self.word(k), "poll" | "polls" | "survey" | "surveys" | "study" | "studies"));
        // A frame in the rest ("60 percent said ...") is nested in what the poll reports.
        let Some(head) = head else { return };
        // The source is what names the poll ("NBC News/Wall Street Journal"), else its words.
        let np = self.span(first + 1, head + 1);
        let source = (0..self.r.mentions.len())
            .rev()
            .find(|&m| np.contains(self.r.mentions[m].span) && self.r.mentions[m].kind == EntityType::Organization);
        if let Some((content, direct)) = self.after(comma + 1, content_end, quotes) {
            let cue = Cue { span: self.tokens()[first].span, lemma: "in".into(), class: "document".into() };
            self.push(content, Some(cue), source, Some(self.span(first + 1, comma)), direct);
        }
    }

    /// Ends, before token `at`, the contents of earlier claims that run over the cue at token `cue`.
    fn end_contents_at(&mut self, at: usize, cue: usize) {
        let cut = self.tokens()[at].span.start;
        let cue_span = self.tokens()[cue].span;
        let text = self.r.text();
        for c in self.claims.iter_mut().filter(|c| c.content.contains(cue_span) && c.content.start < cut) {
            c.content = Span::new(c.content.start, cut).trim(text, &[',', ' ']);
        }
    }

    /// Whether a verb reports speech here. Directives (urge, ask) report no proposition; some
    /// verbs report speech only before a clause, a quotation or a colon ("threatened that",
    /// "speak of", "put the number at").
    fn cue_fits(&self, cue: &crate::lexicon::Cue, first: usize, t: usize, last: usize) -> bool {
        let next = |k: usize| if t + k < last { self.word(t + k) } else { "" };
        // After a determiner, possessive or preposition the word is a noun ("the debate",
        // "secretary of state", "Clinton's claims").
        if t > first {
            let previous = self.word(t - 1);
            let past = !cue.nominal
                && (self.word(t).ends_with("ed")
                    || matches!(self.word(t), "said" | "told" | "wrote" | "thought" | "felt" | "knew" | "saw"));
            let noun_context = matches!(
                previous.to_lowercase().as_str(),
                "the" | "a" | "an" | "this" | "these" | "those" | "its" | "his" | "her" | "their" | "our" | "my" | "your" | "of" | "in"
                    | "on" | "at" | "for" | "with" | "by" | "every" | "each" | "no" | "any" | "some" | "another" | "presidential"
            ) || self.tokens()[t - 1].kind == TokenKind::Possessive && !(t >= first + 2 && PRONOUNS.contains(&self.word(t - 2)) && (self.word(t).ends_with("ing") || past))
                // "the official report", but "the official said": a past form is a verb.
                || !past
                    && matches!(
                    previous.to_lowercase().as_str(),
                    "first" | "second" | "same" | "such" | "other" | "recent" | "new" | "latest" | "last" | "previous" | "public" | "official" | "similar"
                        | "earlier" | "further" | "many" | "several" | "few" | "necessary" | "own" | "initial" | "final" | "formal"
                );
            // "similar to estimates", "to reports": after "to" a verb is in its base form.
            let word = self.word(t);
            let inflected_after_to = previous == "to" && (is_plural(word) || word.ends_with("ed"));
            // "10 judges", "18 states", "a 4-4 ruling": after a number a plural or a gerund is a
            // noun ("4 in 10 say" stays a verb).
            let counted = self.tokens()[t - 1].kind == TokenKind::Number
                && (is_plural(word) || word.ends_with("ing"))
                && !(t >= first + 3 && self.word(t - 2) == "in");
            // "Some believe", "many think": a quantifier standing alone is the subject of a verb
            // that is no noun.
            let quantifier_subject = matches!(previous.to_lowercase().as_str(), "some" | "many" | "few" | "several" | "most")
                && !cue.nominal
                && word == cue.lemma
                && (t == first + 1 || matches!(self.word(t - 2), "," | "and" | "but" | "while" | ";"));
            // "by saying", "after warning": a gerund after a preposition is still a verb.
            let gerund = word.ends_with("ing")
                && matches!(previous, "by" | "after" | "before" | "for" | "from" | "without" | "of" | "in" | "on" | "while" | "when");
            // "people accused of rape", "the monitor maintained by the embassy": a participle after
            // a noun is a reduced relative, not the noun's speech.
            let reduced = word.ends_with("ed")
                && matches!(next(1), "by" | "of")
                && (previous.starts_with(char::is_lowercase) || t == first + 1 && self.mention_ending(t - 1).is_none())
                && self.tokens()[t - 1].kind == TokenKind::Word
                && !PRONOUNS.contains(&previous)
                && !AUXILIARIES.contains(&previous)
                && !is_adverb(previous)
                && !matches!(previous, "who" | "which" | "that" | "and" | "or" | "but" | "not" | "also");
            if (noun_context || inflected_after_to || counted || reduced) && !quantifier_subject && !gerund {
                return false;
            }
        }
        // "a government plan", "the court's chief judge", "snap polls": a form that is mostly a
        // noun is a verb only right after its subject or an auxiliary ("they plan", "he
        // plans", "will plan").
        if cue.nominal {
            let mut p = t;
            while p > first
                && (is_adverb(self.word(p - 1)) || matches!(self.word(p - 1), "also" | "still" | "now" | "often" | "never" | "not" | "n't"))
            {
                p -= 1;
            }
            let previous = if p > first { self.word(p - 1).to_lowercase() } else { String::new() };
            let base = self.word(t).eq_ignore_ascii_case(&cue.lemma);
            let modal = matches!(
                previous.as_str(),
                "to" | "will" | "would" | "could" | "may" | "might" | "must" | "should" | "can" | "do" | "does" | "did"
            );
            let named = p > first && self.mention_ending(p - 1).is_some();
            // "19 percent of those polled support Clinton", "Men under 35 support Sanders".
            let share = p > first
                && (self.tokens()[p - 1].kind == TokenKind::Number || matches!(previous.as_str(), "percent" | "%" | "polled" | "surveyed"));
            let people = PEOPLE_NOUNS.contains(&previous.as_str()) || self.lex.role(previous.trim_end_matches('s')).is_some() || share;
            // "is warning voters that", "He’s claiming": a participle after "be" is progressive.
            let progressive = self.word(t).ends_with("ing")
                && matches!(previous.as_str(), "is" | "are" | "was" | "were" | "be" | "been" | "am" | "’s" | "'s" | "’re" | "'re");
            let verb = progressive
                || if base {
                    modal || matches!(previous.as_str(), "i" | "we" | "they" | "you" | "who") || people && previous.ends_with('s')
                } else {
                    matches!(previous.as_str(), "he" | "she" | "it" | "who" | "which" | "that")
                        || named
                        || people && !previous.ends_with('s')
                };
            if !verb && !matches!(previous.as_str(), "," | "”" | "\"" | "''") {
                return false;
            }
        }
        // '"...," they wrote.': any speech verb may close a quotation's frame.
        // '"...," columnist Ai Jun wrote in the Global Times.', '"...," Duncan told The New
        // York Times in 2012, "..."': or with a short tail of circumstance and hearer.
        let tail = (1..=12).find(|&k| matches!(next(k), "." | "," | "!" | "?" | ";" | ""));
        let plain_tail = tail.is_some_and(|end| {
            (1..end).all(|k| {
                let w = next(k);
                // "in their report": after a determiner a cue form is a noun.
                let noun = k > 1 && matches!(next(k - 1), "the" | "a" | "an" | "their" | "his" | "her" | "its" | "our" | "my" | "this");
                !(FINITE.contains(&w)
                    || matches!(w, "that" | "has" | "have" | "had" | "who" | "which" | "“" | "\"" | "''" | "(")
                    || w.starts_with(char::is_lowercase) && self.lex.cue(w).is_some() && !noun)
            })
        });
        let closes_quote = plain_tail && (first..t).any(|k| matches!(self.word(k), "”" | "\"" | "''"));
        if closes_quote {
            return true;
        }
        // A clause follows at once, or after a short phrase ("wrote in a post that").
        let clause_follows = matches!(next(1), "that" | ":" | "“" | "\"" | "''" | ",")
            || matches!(next(1), "in" | "on" | "at" | "during" | "via" | "through" | "to" | "last" | "this" | "yesterday" | "earlier")
                // "wrote to Sanders' Senate office that", "wrote to his 20,000 Twitter followers, "..."".
                && (2..=8)
                    .find(|&k| matches!(next(k), "that" | ":" | "“" | "\"" | "''") || next(k) == "," && matches!(next(k + 1), "“" | "\"" | "''"))
                    .is_some_and(|k| {
                        (1..k).all(|x| {
                            let w = next(x);
                            (w.chars().all(|c| c.is_alphanumeric() || c == ',') && !w.starts_with(',') || matches!(w, "’" | "'" | "’s" | "'s"))
                                && self.lex.cue(w).is_none_or(|_| NOMINAL_CUES.contains(&w))
                        })
                    });
        // "noted clients are beginning to ...", "found the agency could not ...": a clause without
        // "that", told by a subject pronoun or a finite auxiliary a few words on.
        let clause_follows = clause_follows
            || matches!(next(1), "he" | "she" | "they" | "we" | "I" | "it" | "there")
                && (FINITE.contains(&next(2)) || matches!(next(2), "has" | "have" | "had" | "did" | "does" | "do"))
            || (2..=8)
                .take_while(|&k| !matches!(next(k), "." | "," | ";" | ":" | "" | "“" | "\"" | "''" | "to" | "that" | "who" | "which"))
                .any(|k| FINITE.contains(&next(k)) || matches!(next(k), "has" | "had" | "have"));
        match cue.lemma.as_str() {
            "put" => (1..=3).any(|k| matches!(next(k), "number" | "figure" | "toll" | "total" | "count" | "cost" | "estimate")),
            // 'called the plan "a disaster"', "called for a ban", "called on Congress to".
            // "called the charges fabricated", "called the decision a huge win": an object and
            // what it is called, three words or more before the clause ends.
            "call" => {
                // "a phone call with", "the Murphy conference call", "the so-called ...": nouns.
                let word = self.word(t);
                let noun_phrase = matches!(word, "call" | "calls")
                    && (t.saturating_sub(3).max(first)..t).rev().any(|k| {
                        matches!(self.word(k).to_lowercase().as_str(), "a" | "an" | "the" | "this" | "his" | "her" | "their" | "its")
                            && (k + 1..t).all(|x| {
                                self.tokens()[x].kind == TokenKind::Word
                                    && !AUXILIARIES.contains(&self.word(x))
                                    && !self.word(x).ends_with("ed")
                            })
                    });
                if noun_phrase || t > first && self.word(t - 1) == "so" {
                    return false;
                }
                let clause_words = (1..=12)
                    .take_while(|&k| !matches!(next(k), "." | "," | ";" | ":" | "" | "and" | "but" | "after" | "before" | "when"))
                    .count();
                matches!(next(1), "for" | "on")
                    || (1..=8).any(|k| matches!(next(k), "“" | "\"" | "''"))
                    || clause_words >= 3
                        && !matches!(next(1), "off" | "up" | "back" | "in" | "out" | "it" | "to" | "at" | "from" | "by" | "into" | "over")
            }
            "speak" | "talk" => matches!(next(1), "of" | "about" | "," | ":" | "“" | "\"" | "''"),
            // "did not respond to requests for comment" reports nothing.
            "respond" | "reply"
                if next(1) == "to"
                    && (2..=4).any(|k| {
                        matches!(
                            next(k),
                            "request"
                                | "requests"
                                | "inquiry"
                                | "inquiries"
                                | "message"
                                | "messages"
                                | "email"
                                | "emails"
                                | "call"
                                | "calls"
                                | "comment"
                        )
                    }) =>
            {
                false
            }
            // "referred to him as", and '"...," he said, referring to the convention'.
            "refer" => {
                next(1) == "to" && ((3..=8).any(|k| next(k) == "as") || self.word(t) == "referring" && t > first && self.word(t - 1) == ",")
            }
            // "pointed to reports that ...", "point to the 1994 crime bill".
            "point" => matches!(next(1), "out" | "to") || clause_follows,
            // "a U.S. appeals court", "the appeals process": a compound noun.
            "appeal" if matches!(next(1), "court" | "courts" | "judge" | "judges" | "panel" | "process") => false,
            // "the Council has proved to be ineffective": a link verb, not a finding.
            "prove" if next(1) == "to" => false,
            // "Davis reported from Midway Atoll", "(Reporting by Valerie Volcovici)": bylines.
            "report" if next(1) == "from" || next(1) == "by" && self.word(t).ends_with("ing") => false,
            // "told reporters that", "tells her he": a clause after the hearer; "tell the truth",
            // "tell them how to vote" report nothing.
            "tell" if self.word(t).eq_ignore_ascii_case("tell") => {
                clause_follows
                    || (1..=4).any(|k| {
                        matches!(next(k), "that" | "“" | "\"" | "''" | ":" | "about" | "he" | "she" | "they" | "we" | "I" | "it" | "there")
                    })
            }
            // "Polls show Clinton ahead", "A 2014 study by ... found 31 incidents": a document
            // shows or finds whatever its object says.
            "show" | "find" | "reveal" | "indicate" | "demonstrate" if !clause_follows => {
                let clause_start = (first..t)
                    .rev()
                    .find(|&k| matches!(self.word(k), "." | ";" | ":" | "that" | "and" | "but" | "“" | "\"" | "''"))
                    .map_or(first, |k| k + 1);
                let document_in = |from: usize| (from..t).any(|k| DOCUMENTS.contains(&self.word(k).to_lowercase().as_str()));
                // "..., Federal Election Commission records show.": a document closing the sentence.
                let closing = matches!(next(1), "." | "")
                    && (first..t).rev().find(|&k| self.word(k) == ",").is_some_and(|comma| document_in(comma + 1) && t - comma <= 8);
                closing
                    || document_in(clause_start)
                        && !matches!(next(1), "." | "," | ";" | ":" | "" | "up" | "out" | "off" | "to" | "in" | "that")
            }
            // "added that", '"...," added Rep. Clyburn', "..., the source added.": speech; "add $84
            // billion", "adding a few communities to ...": arithmetic.
            "add" => {
                clause_follows || matches!(next(1), "." | ";" | "") || t > first && matches!(self.word(t - 1), "," | "”" | "\"" | "''")
            }
            // "sees Cruz as a uniter", "voters view the campaign as unfair": a view of the object.
            "see" | "view" | "regard" | "consider" => {
                let as_follows =
                    (2..=8).find(|&k| matches!(next(k), "as" | "." | "," | ";" | ":" | "" | "“" | "\"" | "''")).is_some_and(|k| {
                        next(k) == "as" && !matches!(next(k + 1), "much" | "many" | "well" | "long" | "soon" | "far" | "if" | "though")
                    });
                !matches!(self.word(t), "regarding" | "considering") && (next(1) == "that" || as_follows)
            }
            // "..., the court ruled.": a frame closing its sentence reports what precedes it.
            "threaten" | "state" | "continue" | "mean" | "know" | "feel" | "hope" | "understand" | "hear" | "learn" | "hold" | "find"
            | "show" | "read" | "observe" | "reveal" | "indicate" | "demonstrate" | "establish" | "discover" | "rule" | "write"
            | "guarantee" | "volunteer" => {
                clause_follows
                    || matches!(next(1), "." | "") && t >= first + 2 && (first..t - 1).any(|k| self.word(k) == ",")
                    // '"Meh," wrote a supporter who runs the account': an inverted frame.
                    || t > first && matches!(self.word(t - 1), "”" | "\"" | "''")
            }
            // "called for a ban", "urged Congress to act", "asked whether": directives and
            // questions report a position when they have an object clause.
            // "agreed to release", "criticized the plan": judgments and intentions take an
            // object or an infinitive, and are not themselves infinitives ("to support").
            _ if matches!(cue.class.as_str(), "judge" | "intend") => {
                let infinitive =
                    t > first && (self.word(t - 1) == "to" || self.word(t - 1) == "not" && t > first + 1 && self.word(t - 2) == "to");
                // "plans to", "agreed that": an intention has a clause; "planned the raid" is none.
                // "Trump is supported by far fewer publications": a passive names its holder after
                // "by", when a person is what is judged (not "The work of X is supported by a
                // foundation").
                let passive = next(1) == "by"
                    && (first..t)
                        .rev()
                        .find(|&k| !is_adverb(self.word(k)) && !matches!(self.word(k), "also" | "not" | "long" | "widely"))
                        .filter(|&k| matches!(self.word(k), "is" | "are" | "was" | "were" | "been" | "be" | "being"))
                        .map(|k| self.subject_end(first, k))
                        .filter(|&end| end > first)
                        .is_some_and(|end| {
                            let x = end - 1;
                            let w = self.word(x);
                            let lower = w.to_lowercase();
                            PRONOUNS.contains(&w)
                                || PEOPLE_NOUNS.contains(&lower.as_str())
                                || self.lex.role(lower.trim_end_matches('s')).is_some()
                                || self.mention_ending(x).is_some_and(|m| self.r.mentions[m].kind == EntityType::Person)
                        });
                let object_fits = if cue.class == "intend" {
                    // "Palestinians want East Jerusalem": a wish may take a plain object.
                    matches!(next(1), "to" | "that" | "with")
                        || matches!(cue.lemma.as_str(), "want" | "prefer")
                            && !matches!(next(1), "." | "," | ";" | ":" | "" | "by" | "of" | "and" | "or" | "in" | "on" | "at" | "for")
                } else {
                    passive || !matches!(next(1), "." | "," | ";" | ":" | "" | "by" | "of" | "and" | "or")
                };
                t > first && !infinitive && object_fits
            }
            // "asked whether", "asked about the plan", "asked her to call": the question or
            // request follows at once or after a short object.
            _ if matches!(cue.class.as_str(), "urge" | "ask") => {
                matches!(next(1), "for" | "on" | "that" | "whether" | "if" | ":" | "“" | "\"" | "''")
                    // "urges retaliation on Russia", "demanded an apology": a directive's object
                    // is what it asks for (not in a participle after a noun, "a video urging
                    // militants ...", whose speaker is the noun); "questioning the integrity of
                    // the vote": what is doubted.
                    || (cue.class == "urge" && !self.word(t).ends_with("ing") || matches!(cue.lemma.as_str(), "question" | "query"))
                        && t > first
                        && self.word(t - 1) != "to"
                        && !matches!(next(1), "." | "," | ";" | ":" | "" | "by" | "of" | "and" | "or" | "to")
                    || cue.class == "ask" && matches!(next(1), "about" | "what" | "how" | "why" | "who" | "which" | "when" | "where")
                    || cue.class == "ask" && next(1) == "," && matches!(next(2), "“" | "\"" | "''")
                    // "asked the network to donate", "asked workers if they planned to".
                    || !self.word(t).ends_with("ing")
                        && (2..=if cue.class == "ask" { 7 } else { 5 }).any(|k| {
                            (matches!(next(k), "to" | "whether" | "what" | "how" | "why" | "about")
                                || cue.class == "ask" && matches!(next(k), "if" | "which" | "who" | "whom" | "when" | "where"))
                                && (1..k).all(|x| next(x).chars().all(char::is_alphabetic) && !matches!(next(x), "and" | "not"))
                                // A hearer, not a bare article before the question.
                                && !(k == 2 && matches!(next(1), "the" | "a" | "an"))
                        })
            }
            _ => true,
        }
    }

    /// The content after a cue: skips "that", punctuation and the object of "told"; a quotation
    /// that fills the rest is the content itself.
    fn after(&self, mut from: usize, end: usize, quotes: &[Quote]) -> Option<(Span, bool)> {
        // "said in a statement that", "told reporters on Monday that": the clause starts after
        // "that" when only a short phrase without punctuation or verbs stands before it.
        // "denied that claim": a determiner, not a complementizer, when little follows.
        // "said in a 911 call from the scene of the shooting that ...": circumstance may be long.
        let that = (from..end.min(from + 14)).find(|&k| self.word(k) == "that" && k + 3 < end);
        // "described queues that begin before dawn": after a bare noun, "that" opens a relative clause.
        if let Some(k) = that.filter(|&k| k > from && (self.is_circumstance(from) || self.word(from).starts_with(char::is_uppercase))) {
            let plain = (from..k).all(|x| {
                let w = self.word(x);
                let word_like =
                    w.chars().all(|c| c.is_alphanumeric() || c == '-') && (self.lex.cue(w).is_none() || NOMINAL_CUES.contains(&w));
                // "said they were concerned that": a subject and its verb make a clause of their own.
                let clause = PRONOUNS.contains(&w) || FINITE.contains(&w) || matches!(w, "has" | "have" | "had");
                // "agreed to clean up the land that had been ravaged": an infinitive is a clause too.
                let infinitive = w == "to"
                    && x + 1 < k
                    && !self.word(x + 1).starts_with(char::is_uppercase)
                    && !DETERMINERS.contains(&self.word(x + 1))
                    && !OBJECTS.contains(&self.word(x + 1));
                (word_like || w == ",") && !clause && !infinitive && !self.is_quote_open(x)
            });
            if plain {
                from = k + 1;
            }
        }
        // "saying during the debate last week, “That makes me smart”": a quotation after a short
        // circumstance is the content.
        if self.is_circumstance(from) && !self.is_quote_open(from) {
            let quote = (from + 1..end.min(from + 12)).find(|&k| self.is_quote_open(k) && self.word(k - 1) == ",");
            let plain = quote.is_some_and(|q| {
                (from..q - 1).all(|x| !FINITE.contains(&self.word(x)) && !matches!(self.word(x), "that" | "has" | "had" | ","))
            });
            if let Some(q) = quote.filter(|_| plain) {
                from = q;
            }
        }
        let told_objects = 4;
        let start = from;
        while from < end && from < start + told_objects && OBJECTS.contains(&self.word(from)) {
            from += 1;
        }
        if from == start + told_objects || from < end && !matches!(self.word(from), "that" | "," | ":" | "“" | "\"" | "''") && from > start
        {
            // Not an object after all.
            from = start;
        }
        while from < end
            && matches!(self.word(from), "that" | "," | ":" | "—" | "–" | "in" | "an" | "interview")
            && !self.is_quote_open(from)
            && !(self.word(from) == "that" && from + 3 >= end)
        {
            if self.word(from) == "in" && !(from + 2 < end && self.word(from + 1) == "an" && self.word(from + 2) == "interview") {
                break;
            }
            from += 1;
        }
        if from >= end {
            return end.checked_sub(1).and_then(|colon| self.next_paragraph(colon, quotes));
        }
        // "declined to confirm a figure, but analysts estimated ...": a turn or a semicolon
        // outside quotation marks ends the reported clause.
        let in_subordinate = self.in_opening_subordinate(from);
        let end = (from + 1..end).find(|&k| self.clause_ends_at(from, k, end, in_subordinate)).unwrap_or(end);
        let span = self.span(from, end).trim(self.text(), &[',', ';', ':', '[', ']']);
        if span.is_empty() {
            return None;
        }
        Some(self.as_quote(span, quotes))
    }

    /// Whether token `at` lies in a subordinate clause opening its sentence, before the comma that
    /// closes it ("Though she called for X, Clinton restricted ..."): a frame there reports up to
    /// that comma.
    fn in_opening_subordinate(&self, at: usize) -> bool {
        let sentences = &self.r.segmented.sentences;
        let sentence = sentences.partition_point(|s| s.span.end <= self.tokens()[at].span.start).min(sentences.len() - 1);
        let first = sentences[sentence].tokens.start;
        let opener = self.word(first).to_lowercase();
        (SUBORDINATE_OPENERS.contains(&opener.as_str()) || matches!(opener.as_str(), "with" | "whereas"))
            && (first..at).all(|x| self.word(x) != ",")
    }

    /// Whether reported content from token `from` to `end` stops before token `k`: at a
    /// semicolon, a turn (", but", ", while"), a non-restrictive relative clause (", which"), a
    /// trailing participle (", arguing that ...", "while needling"), a dash that opens no pair,
    /// "but" before a second verb of the subject ("criticized X but did not ..."), or, when
    /// `in_subordinate`, the comma before the main clause. Marks inside a quotation end nothing.
    fn clause_ends_at(&self, from: usize, k: usize, end: usize, in_subordinate: bool) -> bool {
        if self.in_quote(self.tokens()[k].span) {
            return false;
        }
        let next = if k + 1 < end { self.word(k + 1) } else { "" };
        // An object without a verb of its own ("endorsed Clinton", "to act"): what follows it is
        // the speaker's circumstance or next verb, not more of what was said.
        let object_only = || {
            (from..k).all(|x| {
                let w = self.word(x);
                !FINITE.contains(&w)
                    && !AUXILIARIES.contains(&w)
                    && !matches!(w, "he" | "she" | "they" | "we" | "I" | "it" | "there")
                    && !(w.starts_with(char::is_lowercase) && (w.ends_with("ed") || w.ends_with('s') && self.lex.cue(w).is_some()))
            })
        };
        let clausal = from > 0 && self.word(from - 1) == "that";
        let verb_next = FINITE.contains(&next)
            || matches!(next, "has" | "have" | "had" | "did" | "does" | "also" | "then" | "later")
            || next.ends_with("ed") && next.starts_with(char::is_lowercase);
        match self.word(k) {
            ";" => true,
            "," => {
                let main_clause = next.starts_with(char::is_uppercase)
                    || PRONOUNS.contains(&next)
                    || matches!(next, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "some" | "many");
                in_subordinate && main_clause
                    // "doubted the plan, and the council appears uneasy": after a verbless object a
                    // new subject opens the narrator's next clause.
                    || next == "and"
                        && !clausal
                        && object_only()
                        && k + 2 < end
                        && (matches!(self.word(k + 2), "the" | "a" | "an" | "his" | "her" | "their" | "its") || PRONOUNS.contains(&self.word(k + 2)))
                    || matches!(next, "but" | "while" | "whereas" | "although" | "though" | "when" | "which" | "who" | "where")
                    || next.len() > 5 && next.ends_with("ing") && next.starts_with(char::is_lowercase) && !matches!(next, "including" | "according" | "something" | "anything" | "nothing" | "everything")
                    // "endorsed Clinton, praised her plans ...": a second verb of the speaker;
                    // after "that" the clause's verb is still to come.
                    || !clausal && next.ends_with("ed") && next.starts_with(char::is_lowercase) && object_only()
            }
            // "denies any wrongdoing and points out ...".
            "and" => !clausal && verb_next && object_only(),
            "—" | "―" | "–" | "--" | "-" => {
                // "--" may come as two tokens: one dash.
                let dash = |x: usize| matches!(self.word(x), "—" | "―" | "–" | "--" | "-");
                let first_of_pair = k == from || !dash(k - 1);
                let other = |x: usize| dash(x) && x != k + 1 && x + 1 != k;
                first_of_pair && !(k + 1..end).any(other) && !(from..k).any(other)
            }
            // "chastised Clinton for use of the server but did not ...": after an object without
            // a verb of its own, the verb is the speaker's; "said the authority remained open to
            // talks but would not ..." continues the reported clause.
            "but" => {
                matches!(self.word(k - 1), "”" | "\"" | "''")
                    || object_only() && (verb_next || matches!(next, "do" | "not" | "said" | "added"))
            }
            "while" => next.ends_with("ing") || matches!(next, "at" | "in" | "on"),
            _ => false,
        }
    }

    /// "The governor added:" closing its paragraph: the next paragraph is what was said.
    fn next_paragraph(&self, colon: usize, quotes: &[Quote]) -> Option<(Span, bool)> {
        if self.word(colon) != ":" {
            return None;
        }
        let at = self.tokens()[colon].span.end;
        let paragraphs = &self.r.segmented.paragraphs;
        let p = paragraphs.partition_point(|p| p.end < at);
        let ends_paragraph = paragraphs.get(p).is_some_and(|p| self.text()[at..p.end].trim().is_empty());
        let next = paragraphs.get(p + 1).filter(|_| ends_paragraph)?;
        let span = next.trim(self.text(), &[' ']);
        (!span.is_empty()).then(|| self.as_quote(span, quotes))
    }

    /// The content before a parenthetical or final frame.
    fn before(&self, start: usize, end: usize, quotes: &[Quote]) -> Option<(Span, bool)> {
        if end <= start {
            return None;
        }
        let span = self.span(start, end).trim(self.text(), &[',', ';', ':', '—', '–', '[', ']']);
        if span.is_empty() {
            return None;
        }
        Some(self.as_quote(span, quotes))
    }

    /// A span that is one quotation (with its marks, perhaps without the closing punctuation)
    /// becomes the quotation's inside, direct.
    fn as_quote(&self, span: Span, quotes: &[Quote]) -> (Span, bool) {
        let text = self.text();
        let trimmed = span.trim(text, &[',', '.', ';', ':']);
        let closing = |from: usize, to: usize| text[from.min(to)..to.max(from)].chars().all(|c| ",.;:!?”\"’' ".contains(c));
        for q in quotes {
            if q.outer.start != trimmed.start {
                continue;
            }
            // The content ends at the quotation's end, give or take its closing punctuation.
            // A quotation of several sentences opened by this span is the content whole.
            if closing(trimmed.end, q.outer.end)
                || closing(q.inner.end, trimmed.end) && trimmed.end >= q.inner.end
                || q.outer.end > trimmed.end
            {
                return (q.inner.trim(text, &[',', '.', ' ']), true);
            }
        }
        // A quotation of several sentences whose last sentence holds the frame: '"Why? Because
        // it is failing," he said.'
        for q in quotes {
            if q.outer.start < trimmed.start
                && q.inner.contains(Span::new(trimmed.start, trimmed.start))
                && closing(trimmed.end, q.outer.end)
            {
                return (q.inner.trim(text, &[',', '.', ' ']), true);
            }
        }
        (span, false)
    }

    /// Whether the words from token `t` are circumstances of a frame ("on Monday", "at a rally",
    /// "in a statement", "to reporters") rather than content.
    fn is_circumstance(&self, t: usize) -> bool {
        let w = self.word(t.min(self.tokens().len() - 1));
        matches!(
            w,
            "at" | "on" | "in" | "during" | "after" | "before" | "last" | "yesterday" | "today" | "when" | "while" | "to" | "from" | "."
        ) || OBJECTS.contains(&w)
    }

    fn is_quote_open(&self, t: usize) -> bool {
        matches!(self.word(t), "“" | "\"" | "''")
    }

    fn mention_ending(&self, t: usize) -> Option<usize> {
        self.r.mention_ending_at(self.tokens()[t].span.end)
    }

    /// The person named right after the first comma of a description from token `start` to `end`
    /// ("another advocate, Andrew Pincus"): the comma and the mention.
    fn apposed_person(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let comma = (start + 1..end).find(|&k| self.word(k) == ",")?;
        self.mention_starting(comma + 1).filter(|&m| self.r.mentions[m].kind == EntityType::Person).map(|m| (comma, m))
    }

    fn mention_starting(&self, t: usize) -> Option<usize> {
        let start = self.tokens().get(t)?.span.start;
        let i = self.r.mentions.partition_point(|m| m.span.start < start);
        (i < self.r.mentions.len() && self.r.mentions[i].span.start == start).then_some(i)
    }

    /// Where the verb group of the cue at token `cue` begins: auxiliaries, adverbs and catenative
    /// verbs ("has long", "continues to", "went on to", "appeared to") stand between a subject and
    /// its cue.
    fn verb_group_start(&self, first: usize, cue: usize) -> usize {
        let mut start = cue;
        while start > first {
            let w = self.word(start - 1);
            // "He’s claiming", "they’ve said": a contracted auxiliary after a pronoun.
            let contracted = matches!(w, "’s" | "'s" | "’re" | "'re" | "’ve" | "'ve" | "’d" | "'d" | "’ll" | "'ll")
                && start >= first + 2
                && PRONOUNS.contains(&self.word(start - 2));
            let negation = w.ends_with("n't") || w.ends_with("n’t") || matches!(w, "n't" | "’t");
            if contracted || negation || AUXILIARIES.contains(&w) || is_adverb(w) || w == "long" {
                start -= 1;
            } else if start >= first + 3
                && matches!(self.word(start - 2), "on" | "in" | "last" | "this" | "earlier")
                && (MONTHS.contains(&w)
                    || WEEKDAYS.contains(&w)
                    || matches!(w, "week" | "month" | "year")
                    || w.len() == 4 && w.starts_with("20") && w.chars().all(|c| c.is_ascii_digit()))
            {
                // "Sanders on Tuesday said", "an arbitration panel in 2001 found".
                start -= 2;
            } else if w == "to" && start >= first + 2 && CATENATIVES.contains(&self.word(start - 2)) {
                start -= 2;
            } else if w == "to"
                && start >= first + 3
                && self.word(start - 2) == "on"
                && matches!(self.word(start - 3), "went" | "go" | "goes" | "going")
            {
                start -= 3;
            } else if w == "to"
                && start >= first + 4
                && self.word(start - 3) == "to"
                && matches!(self.word(start - 4), "took" | "take" | "takes" | "taking")
                && self.word(start - 2).starts_with(char::is_uppercase)
            {
                // "took to Twitter to say".
                start -= 4;
            } else if matches!(w, "more" | "less" | "most" | "least") && start < cue && CATENATIVES.contains(&self.word(start)) {
                // "are more likely to say".
                start -= 1;
            } else {
                break;
            }
        }
        start
    }

    /// A description that ends the sentence after an inverted frame, naming no one the recognizer
    /// found ("said one Democratic source on the panel", "noted NBC's Dante Chinni"): its
    /// referent, if a mention inside or the head noun gives one, and its span.
    fn closing_description(&self, start: usize, end: usize) -> Option<(Option<usize>, Span)> {
        // ", giving the example of ...": a participle after the description is no part of it.
        let end = (start + 1..end)
            .find(|&k| {
                k + 1 < end && self.word(k) == "," && self.word(k + 1).ends_with("ing") && self.word(k + 1).starts_with(char::is_lowercase)
            })
            .unwrap_or(end);
        if end <= start || end - start > 10 {
            return None;
        }
        let clause = (start..end).any(|k| {
            let w = self.word(k);
            FINITE.contains(&w)
                || AUXILIARIES.contains(&w) && !matches!(w, "also" | "now" | "then")
                || self.is_quote_open(k)
                || matches!(w, "that" | ";" | ":" | "who" | "which")
        });
        if clause {
            return None;
        }
        let span = self.span(start, end);
        // The head is the last word before a prepositional phrase ("source on the panel"); the
        // name that ends there or before it is the referent.
        let head_end =
            (start..end).find(|&k| matches!(self.word(k), "of" | "on" | "at" | "for" | "from" | "in" | "with" | ",")).unwrap_or(end);
        let head_span = self.span(start, head_end.max(start + 1));
        // "said another longtime resident, Milan Horak": else the person the apposition names.
        let apposed = self.apposed_person(start, end).map(|(_, m)| m);
        let named = (0..self.r.mentions.len())
            .rev()
            .find(|&m| head_span.contains(self.r.mentions[m].span) && self.r.mentions[m].kind != EntityType::Place)
            .or(apposed);
        let head = self.word(head_end.max(start + 1) - 1).to_lowercase();
        let capitalized = self.word(head_end.max(start + 1) - 1).starts_with(char::is_uppercase);
        if named.is_some() || self.people_noun(&head) {
            return Some((named.or_else(|| self.resolve_description(&head, start, span)), span));
        }
        // "said Stacey Plaskett": a name the recognizer missed.
        capitalized.then_some((None, span))
    }

    /// The subject of a verb cue at token `cue`: a mention, a pronoun or a description ending
    /// just before it (auxiliaries and adverbs skipped, an apposition or relative clause between
    /// commas skipped). Returns the resolved mention, the subject's span and its first token.
    fn subject_before(&self, first: usize, cue: usize) -> Option<(Option<usize>, Span, usize)> {
        let end = self.verb_group_start(first, cue);
        if end == first {
            return None;
        }
        // "The Northern Dockers Union (NDU) says": the name before the parenthesis.
        if self.word(end - 1) == ")" {
            let open = (first..end - 1).rev().find(|&k| self.word(k) == "(")?;
            if open > first && self.mention_ending(open - 1).is_some() {
                return self.subject_at(first, open);
            }
            return None;
        }
        // "Denis Maltsev, a senior researcher at ..., who ..., says": skip back over the
        // appositions and relative clauses; the subject ends before the first of them.
        if self.word(end - 1) == "," {
            // "a senior researcher", "who runs ...", "head of the caucus", "59, of Ashton": an
            // apposition opens with a determiner, a relative pronoun, a role or a lowercase noun.
            let apposition = |k: usize| {
                let w = self.word(k);
                // "Jeff Weaver, Sanders' campaign manager, said".
                let owner = k + 1 < end && self.tokens()[k + 1].kind == TokenKind::Possessive;
                // "Johnnie Wilson, of Springfield, Va., said": a state after its town.
                let state = self.state_after_place(first, k);
                // "Senator Dianne Feinstein, Democrat of California, said".
                let party = matches!(w, "Democrat" | "Republican" | "Independent") && k + 1 < end && self.word(k + 1) == "of";
                state
                    || owner
                    || party
                    || matches!(
                        w,
                        "a" | "an"
                            | "the"
                            | "who"
                            | "which"
                            | "whose"
                            | "its"
                            | "his"
                            | "her"
                            | "their"
                            | "one"
                            | "now"
                            | "then"
                            | "also"
                            | "including"
                    )
                    || self.tokens()[k].kind == TokenKind::Number
                    || w.starts_with(char::is_lowercase)
                        && self.lex.cue(w).is_none()
                        && !w.ends_with("ing")
                        && !AUXILIARIES.contains(&w)
                        && !matches!(
                            w,
                            "and"
                                | "but"
                                | "or"
                                | "that"
                                | "why"
                                | "what"
                                | "how"
                                | "when"
                                | "where"
                                | "if"
                                | "so"
                                | "because"
                                | "while"
                                | "as"
                                | "though"
                                | "although"
                        )
                    || self.lex.role(w).is_some()
            };
            let mut close = end - 1;
            let mut skipped = false;
            loop {
                let open = (first..close).rev().find(|&k| self.word(k) == ",");
                let chunk_start = open.map_or(first, |o| o + 1);
                let plain = self.state_after_place(first, chunk_start)
                    || (chunk_start..close).all(|k| !matches!(self.word(k), "“" | "”" | "\"" | "''" | "." | "?" | "!" | ";" | ":"));
                // "Senator Dianne Feinstein, Democrat of California,": a chunk naming a person is
                // the subject, not one more apposition.
                // Not "a truck driver from Ava": a name inside a prepositional phrase.
                let names_person = (chunk_start..close)
                    .take_while(|&k| !PREPOSITIONS.contains(&self.word(k)))
                    .any(|k| self.mention_starting(k).is_some_and(|m| self.r.mentions[m].kind == EntityType::Person));
                if chunk_start == first || chunk_start >= close || !apposition(chunk_start) || !plain || names_person && skipped {
                    break;
                }
                match open {
                    Some(o) => {
                        close = o;
                        skipped = true;
                    }
                    None => break,
                }
            }
            if skipped {
                // The source's words run through its appositions ("Denis Maltsev, a senior
                // researcher at ..."); the mention stays the name.
                // "Barkley, who said he votes Democratic, said": a relative clause that reports
                // speech of its own is a claim beside this one, not the source's description.
                let speaking = (close..end - 1).find(|&k| {
                    self.word(k) == ","
                        && matches!(self.word(k + 1), "who" | "whose")
                        && (k + 2..(k + 5).min(end - 1)).any(|j| self.lex.cue(self.word(j)).is_some())
                });
                let described = self.tokens()[speaking.unwrap_or(end - 1) - 1].span.end;
                // "Officials at Homeland Security Investigations, a division of ..., said": a
                // noun phrase opening the clause, named or not, is the subject too.
                // "Rep. Gregory W. Meeks (D-N.Y.), chairman of ...": the name before its party label.
                let close = match self.word(close - 1) {
                    ")" => (first..close - 1).rev().find(|&k| self.word(k) == "(").filter(|&k| k > first).unwrap_or(close),
                    _ => close,
                };
                let opening = || {
                    self.clause_opening_subject(first, close)
                        .map(|(m, span)| (m, span, self.tokens().partition_point(|tok| tok.span.start < span.start)))
                };
                return self
                    .subject_at(first, close)
                    .filter(|found| !self.in_quote(found.1) && (found.0.is_some() || !PRONOUNS.contains(&found.1.of(self.text()))))
                    .or_else(opening)
                    .map(|(m, span, start)| (m, Span::new(span.start, described), start));
            }
            let open = (first..end - 1).rev().find(|&k| self.word(k) == ",")?;
            if open == first || (open + 1..end - 1).any(|k| self.word(k) == ".") {
                return None;
            }
            // "the leader of X, Abu Mukhammad Kadarsky (Rustam Asilderov), said": the name
            // between the commas is the subject; "Denis Maltsev, a senior researcher at ...,
            // says": the name before them is.
            if let Some(m) = self.mention_starting(open + 1) {
                let span = self.r.mentions[m].span;
                let rest = Span::new(span.end, self.tokens()[end - 1].span.start);
                let rest = rest.of(self.text()).trim();
                let parenthetical = rest.is_empty() || rest.starts_with('(') && rest.ends_with(')');
                // "One pastor, David Whiting of the church in Marion, said": where the named
                // person belongs.
                let affiliation = ["of ", "from ", "at "].iter().any(|p| rest.starts_with(p))
                    && rest.split_whitespace().count() <= 10
                    && rest.split_whitespace().all(|w| !FINITE.contains(&w) && !matches!(w, "who" | "which" | "that" | "has" | "had"));
                let span = if affiliation { span.cover(self.tokens()[end - 2].span) } else { span };
                if (parenthetical || affiliation) && self.r.mentions[m].kind != EntityType::Place {
                    // "The state's campaign chairman, Phil Lovas, said": the description before
                    // the name is the source's words too.
                    let from = (first..open)
                        .rev()
                        .find(|&k| {
                            self.tokens()[k].kind == TokenKind::Punct
                                && self.tokens()[k].span.len() == 1
                                && !matches!(self.word(k), "." | "-")
                        })
                        .map_or(first, |k| k + 1);
                    let description = from < open
                        && open - from <= 8
                        && (matches!(
                            self.word(from),
                            "The"
                                | "the"
                                | "A"
                                | "a"
                                | "An"
                                | "an"
                                | "One"
                                | "one"
                                | "Another"
                                | "another"
                                | "Its"
                                | "its"
                                | "His"
                                | "Her"
                                | "Their"
                        ) || self.lex.role(self.word(from)).is_some()
                            // "Apple's chief executive, Tim Cook,".
                            || from + 1 < open && self.tokens()[from + 1].kind == TokenKind::Possessive)
                        && (from..open).all(|k| {
                            !FINITE.contains(&self.word(k))
                                && !AUXILIARIES.contains(&self.word(k))
                                && !matches!(self.word(k), "that" | "who" | "which" | "and")
                        });
                    if description {
                        return Some((Some(m), self.tokens()[from].span.cover(span), from));
                    }
                    return Some((Some(m), span, open + 1));
                }
            }
            let inner = self.subject_at(first, open)?;
            // Not "... did not go over well with Republicans, and the meeting ..., said": the
            // name opens its clause.
            let opens = inner.2 == first
                || matches!(self.word(inner.2 - 1), "," | ";" | ":" | "”" | "\"" | "''" | "(" | "—" | "–" | "--" | "-")
                || SUBORDINATE_OPENERS.contains(&self.word(inner.2 - 1).to_lowercase().as_str())
                || matches!(self.word(inner.2 - 1), "that" | "and" | "but");
            if inner.0.is_some() && !self.in_quote(inner.1) && opens {
                return Some(inner);
            }
            return None;
        }
        let found = self.subject_at(first, end).filter(|found| !self.in_quote(found.1))?;
        // "Political observers in Virginia and around the country say", "Edwards and others
        // said": a noun phrase opening the clause holds the subject found at its end.
        // No verb may stand among the added words ("They sent a letter to Senate leaders").
        let whole = self.clause_opening_subject(first, cue).filter(|&(_, span)| {
            let start = self.tokens().partition_point(|tok| tok.span.start < span.start);
            span.contains(found.1)
                && start < found.2
                && (start..found.2).all(|k| {
                    let w = self.word(k);
                    self.lex.cue(w).is_none()
                        && !(w.starts_with(char::is_lowercase)
                            && (w.ends_with("ed") || matches!(w, "sent" | "made" | "took" | "gave" | "got" | "ran" | "met")))
                })
        });
        match whole {
            Some((m, span)) => {
                let start = self.tokens().partition_point(|tok| tok.span.start < span.start);
                Some((found.0.or(m), span, start))
            }
            None => Some(found),
        }
    }

    /// Whether token `k` opens a state's abbreviation after a place and a comma ("Springfield,
    /// Va., said").
    fn state_after_place(&self, first: usize, k: usize) -> bool {
        let place = |m: usize| self.r.mentions[m].kind == EntityType::Place;
        let abbreviation = k + 2 < self.tokens().len()
            && self.word(k).starts_with(char::is_uppercase)
            && self.word(k + 1) == "."
            && self.word(k + 2) == ",";
        // "of Tromsø, Norway, said": a country after its town.
        let named = self.mention_starting(k).filter(|&m| place(m)).is_some_and(|m| {
            let end = self.tokens().partition_point(|t| t.span.start < self.r.mentions[m].span.end);
            end < self.tokens().len() && self.word(end) == ","
        });
        // "from Ava, Mo.,": a state's abbreviation follows a town the gazetteer may not know.
        k > first + 1
            && self.word(k - 1) == ","
            && (abbreviation && self.word(k - 2).starts_with(char::is_uppercase) || named && self.mention_ending(k - 2).is_some_and(place))
    }

    /// The document heading the clause of the cue at token `cue`: a document noun among its first
    /// words ("exit polls conducted by Edison Research", "a USA TODAY analysis", "records"), with
    /// the organization named in it as the source.
    fn document_subject(&self, first: usize, cue: usize) -> Option<(Option<usize>, Span, usize)> {
        let end = self.verb_group_start(first, cue);
        let start = (first..end)
            .rev()
            .find(|&k| matches!(self.word(k), "," | ";" | ":" | "that" | "“" | "\"" | "''" | "”"))
            .map_or(first, |k| k + 1);
        if start >= end || end - start > 16 {
            return None;
        }
        let head = (start..end.min(start + 6)).find(|&k| document_noun(self.word(k)))?;
        if (start..head).any(|k| FINITE.contains(&self.word(k)) || PRONOUNS.contains(&self.word(k))) {
            return None;
        }
        let span = self.span(start, end);
        let source = (0..self.r.mentions.len())
            .rev()
            .find(|&m| span.contains(self.r.mentions[m].span) && self.r.mentions[m].kind == EntityType::Organization);
        Some((source, span, start))
    }

    /// Whether a subject can hold a view: a named mention (a country acts through its government),
    /// a personal pronoun, or a description headed by a people or organization noun.
    fn agentive(&self, source: Option<usize>, span: Span) -> bool {
        // "the United States pledged": a country acts through its government.
        if source.is_some() {
            return true;
        }
        // "Residents of the harbour district": the head comes before "of".
        let phrase = span.of(self.text());
        let phrase = phrase.split(" of ").next().unwrap_or(phrase);
        let head = phrase.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("").to_lowercase();
        // "60 percent of islanders": a share of people polled.
        let share = head == "percent" || head.chars().all(|c| c.is_ascii_digit()) && !head.is_empty();
        matches!(head.as_str(), "he" | "she" | "they" | "we" | "i" | "you" | "who") || share || self.people_noun(&head)
    }

    /// Whether a lowercase head noun names people or a body of them ("officials", "the
    /// commentator", "the ministry").
    fn people_noun(&self, lower: &str) -> bool {
        PEOPLE_NOUNS.contains(&lower)
            || lower.strip_suffix('s').is_some_and(|one| PEOPLE_NOUNS.contains(&one))
            || self.lex.role(lower).is_some()
            || self.lex.role(lower.trim_end_matches('s')).is_some()
            || self.lex.noun_type(lower) == Some(EntityType::Organization)
    }

    /// A noun phrase running from the start of the sentence (or of a clause after "that", ";" or
    /// a colon) to the cue, with no verb or clause boundary inside: "Experts on North Korea and
    /// nuclear nonproliferation said", "McLenney said". The source is the description's referent
    /// where one is named or implied.
    fn clause_opening_subject(&self, first: usize, cue: usize) -> Option<(Option<usize>, Span)> {
        let end = self.verb_group_start(first, cue);
        let boundary = |w: &str| {
            matches!(w, "," | ";" | ":" | "(" | ")" | "“" | "”" | "\"" | "''" | "." | "?" | "!" | "—" | "–" | "that" | "which" | "who")
        };
        let mut start = end;
        while start > first && !boundary(self.word(start - 1)) {
            start -= 1;
        }
        // '"...," New York City Public Advocate Trish James said.': after a quotation too.
        let after_quote = start > first + 1 && matches!(self.word(start - 1), "”" | "\"" | "''") && self.word(start - 2) == ",";
        if start == end || end - start > 16 || start > first && !matches!(self.word(start - 1), "that" | ";" | ":") && !after_quote {
            return None;
        }
        // Subordinators open a clause, so none may stand inside the phrase either.
        const SUBORDINATORS: &[&str] = &["when", "if", "after", "before", "as", "while", "because", "since", "although", "though"];
        const OPENERS: &[&str] = &[
            "but",
            "and",
            "so",
            "then",
            "still",
            "yet",
            "now",
            "also",
            "however",
            "instead",
            "meanwhile",
            "here",
            "there",
            "this",
            "that",
            "these",
            "those",
            "what",
            "how",
            "why",
            "where",
            "in",
            "on",
            "at",
            "for",
            "by",
            "with",
            "from",
            "to",
            "during",
            "under",
            "over",
            "last",
            "next",
            "earlier",
            "later",
            "it",
            "once",
            "until",
            "unless",
            "whether",
            "even",
            "only",
            "just",
            "both",
            "either",
            "neither",
            "not",
            "no",
        ];
        let opener = self.word(start).to_lowercase();
        if SUBORDINATORS.contains(&opener.as_str()) || OPENERS.contains(&opener.as_str()) || self.tokens()[start].kind == TokenKind::Punct {
            return None;
        }
        // No verb inside: an auxiliary, a common light verb, a lowercase cue that is not a
        // document noun, a subordinator or a pronoun after the first word.
        for k in start..end {
            let w = self.word(k);
            let lower = w.to_lowercase();
            let verb = AUXILIARIES.contains(&lower.as_str())
                || matches!(
                    lower.as_str(),
                    "be" | "been" | "being" | "am" | "get" | "got" | "go" | "went" | "made" | "make" | "take" | "took"
                )
                || k > start && w.starts_with(char::is_lowercase) && self.lex.cue(w).is_some() && !NOMINAL_CUES.contains(&w)
                || SUBORDINATORS.contains(&lower.as_str()) && k > start;
            if verb || PRONOUNS.contains(&w) && k > start {
                return None;
            }
        }
        let span = self.span(start, end);
        let inner = (0..self.r.mentions.len())
            .rev()
            .find(|&m| span.contains(self.r.mentions[m].span) && self.r.mentions[m].kind != EntityType::Place);
        // The whole phrase is one name, or a name with its role: the name is the source; a
        // description with a name inside ("Officials at Homeland Security") names its
        // organization only through a head noun the lexicon knows.
        let head = self.word(end - 1).to_lowercase();
        let source = match inner {
            Some(m) if self.r.mentions[m].span.end == span.end => Some(m),
            Some(_) => self.resolve_description(&head, start, span),
            None => None,
        };
        Some((source, span))
    }

    /// The subject of a cue that has none right before it: a participle after a comma
    /// (", saying ..."), a verb coordinated with an earlier one ("... and said ..."), or a relative
    /// clause ("an architect who said ..."). `None` when the cue is not in such a position.
    fn clause_subject(&self, first: usize, cue: usize) -> Option<(Option<usize>, Option<Span>)> {
        let before = self.verb_group_start(first, cue);
        if before == first {
            return None;
        }
        let previous = self.word(before - 1);
        // ", saying ...", "by saying ...", "after saying ...".
        // 'a defense of "New York values," saying ...': the comma may sit inside the marks.
        let comma_in_quote = matches!(previous, "”" | "\"" | "''") && before >= first + 2 && self.word(before - 2) == ",";
        let participle = self.word(cue).ends_with("ing")
            && (matches!(previous, "," | "by" | "after" | "before" | "for" | "from" | "while" | "without" | "when") || comma_in_quote);
        let coordinated = matches!(previous, "and" | "but") && before >= first + 2;
        if matches!(previous, "who" | "which") {
            let mut end = before - 1;
            if end > first && self.word(end - 1) == "," {
                end -= 1;
            }
            // The relative pronoun is the source's words; it stands for the noun before it.
            let who = Some(self.tokens()[before - 1].span);
            let antecedent = (end > first).then(|| self.subject_at(first, end)).flatten().and_then(|(m, _, _)| m);
            return Some((antecedent, who));
        }
        if !participle && !coordinated {
            return None;
        }
        // The latest frame of this sentence, else the sentence's subject.
        let sentence = Span::new(self.tokens()[first].span.start, self.tokens()[cue].span.start);
        if let Some(c) =
            self.claims.iter().rev().find(|c| c.cue.as_ref().is_some_and(|q| sentence.contains(q.span)) && c.source_span.is_some())
        {
            return Some((c.source, c.source_span));
        }
        let subject_end = (first..before)
            .find(|&k| self.lex.cue(self.word(k)).is_some() && self.word(k).starts_with(char::is_lowercase))
            .unwrap_or(before);
        (first..subject_end.min(first + 6))
            .find_map(|k| {
                if let Some(m) = self.mention_starting(k).filter(|&m| self.r.mentions[m].kind != EntityType::Place) {
                    return Some((Some(m), Some(self.r.mentions[m].span)));
                }
                let w = self.word(k);
                PRONOUNS
                    .contains(&w)
                    .then(|| (self.resolve_pronoun(&w.to_lowercase(), self.tokens()[k].span.start), Some(self.tokens()[k].span)))
            })
            .or_else(|| {
                // "The Florida senator took a heckler in stride, saying ...": a description
                // opening the sentence, its head a noun for people.
                let head = (first..subject_end.min(first + 6))
                    .find(|&k| self.word(k).starts_with(char::is_lowercase) && self.people_noun(self.word(k)))?;
                // "A group of doctors": the people the collective noun is made of.
                let mut end = head + 1;
                if end + 1 < subject_end && self.word(end) == "of" {
                    let plain = |x: usize| {
                        let w = self.word(x);
                        self.tokens()[x].kind == TokenKind::Word
                            && !FINITE.contains(&w)
                            && !AUXILIARIES.contains(&w)
                            && !(w.starts_with(char::is_lowercase) && (self.lex.cue(w).is_some() || w.ends_with("ed")))
                    };
                    end = (end + 1..subject_end).take_while(|&x| plain(x)).last().map_or(end, |x| x + 1);
                }
                let (m, span, start) = self.subject_at(first, end).or_else(|| self.subject_at(first, head + 1))?;
                (start == first).then_some((m, Some(span)))
            })
    }

    /// "seemed to", "appears somewhat uneasy", "It seems that": the writer's hedge on what the
    /// subject does or is, a cue with no source.
    fn seeming(&self, first: usize, t: usize) -> Option<Cue> {
        let word = self.word(t);
        let lemma = match word {
            "seem" | "seems" | "seemed" => "seem",
            "appear" | "appears" | "appeared" => "appear",
            _ => return None,
        };
        let next = self.word(t + 1);
        let after = if t + 2 < self.tokens().len() { self.word(t + 2) } else { "" };
        let preposition = |w: &str| {
            matches!(
                w,
                "on" | "in"
                    | "at"
                    | "before"
                    | "with"
                    | "as"
                    | "for"
                    | "during"
                    | "onstage"
                    | "alongside"
                    | "together"
                    | "from"
                    | "after"
                    | "live"
                    | "here"
                    | "there"
                    | "the"
                    | "a"
                    | "an"
                    | "to"
                    | "and"
                    | "or"
                    | "but"
                    | "his"
                    | "her"
                    | "their"
                    | "this"
            )
        };
        let fits = match next {
            // "seemed to shrink", not "appeared to the crowd"; "appeared to suggest" is the frame
            // of "suggest" and its speaker.
            "to" => after.starts_with(char::is_lowercase) && !preposition(after) && !is_plural(after) && self.lex.cue(after).is_none(),
            "like" | "that" => true,
            "," => t > first && matches!(self.word(t - 1), "It" | "it"),
            // "seemed equally unperturbed", "appeared paralyzed".
            _ => {
                next.starts_with(char::is_lowercase)
                    && self.tokens()[t + 1].kind == TokenKind::Word
                    && !preposition(next)
                    && !next.ends_with("ly")
                    || is_adverb(next) && after.starts_with(char::is_lowercase) && !preposition(after)
            }
        };
        // "was seemingly", "the appearance": only the verb; "to appear on" is physical.
        (fits && t > first && self.word(t - 1) != "to").then(|| Cue {
            span: self.tokens()[t].span,
            lemma: lemma.into(),
            class: "suggest".into(),
        })
    }

    /// Where the subject ends before token `at`, past its auxiliaries and asides ("The nominee
    /// has been", "Trump, meanwhile, is"), and no further back than `floor`.
    fn subject_end(&self, floor: usize, mut at: usize) -> usize {
        while at > floor
            && (AUXILIARIES.contains(&self.word(at - 1)) || matches!(self.word(at - 1), "," | "meanwhile" | "however" | "too" | "now"))
        {
            at -= 1;
        }
        at
    }

    /// A frame that hedges what its own subject does, with no source: "Trump is expected to
    /// deliver a speech", "The speaker appeared closer to an endorsement". The content is the
    /// subject with the rest of the clause; the cue runs from `cue_start` to `t`.
    fn hedged(&mut self, first: usize, cue_start: usize, t: usize, content_end: usize, quotes: &[Quote], cue: Cue) {
        // The complement is a verb or a description, not a place, a time or a noun ("was called
        // to in the past", "held to standards").
        let next = if t + 2 < content_end { self.word(t + 2) } else { "" };
        if self.word(t + 1) == "to"
            && (!next.starts_with(char::is_lowercase)
                || is_plural(next)
                || matches!(next, "the" | "a" | "an" | "in" | "on" | "at" | "his" | "her" | "their" | "its" | "this" | "that" | "account"))
        {
            return;
        }
        let Some((rest, _)) = self.after(t + 1, content_end, quotes) else { return };
        let start = match self.subject_before(first, cue_start) {
            Some((_, span, _)) => span.start,
            None => {
                let mut k = (first..cue_start)
                    .rev()
                    .find(|&k| matches!(self.word(k), ";" | ":" | "that" | "which" | "who" | "“" | "\"" | "''" | "(" | "—"))
                    .map_or(first, |k| if matches!(self.word(k), "which" | "who") { k } else { k + 1 });
                // "If Clinton is elected, the losing side is expected to ...": past an opening
                // subordinate clause.
                if SUBORDINATE_OPENERS.contains(&self.word(k).to_lowercase().as_str()) {
                    k = (k..cue_start).find(|&x| self.word(x) == ",").map_or(k + 1, |x| x + 1);
                }
                if k >= cue_start {
                    return;
                }
                self.tokens()[k].span.start
            }
        };
        self.push(Span::new(start, rest.end), Some(cue), None, None, false);
    }

    /// Whether `span` lies inside a quotation.
    fn in_quote(&self, span: Span) -> bool {
        self.quotes.iter().any(|q| q.inner.contains(span))
    }

    /// A subject ending at token `end` (exclusive).
    fn subject_at(&self, first: usize, end: usize) -> Option<(Option<usize>, Span, usize)> {
        let last = end - 1;
        let word = self.word(last);
        if let Some(m) = self.mention_ending(last) {
            let span = self.r.mentions[m].span;
            let mut start = self.tokens().partition_point(|t| t.span.start < span.start);
            // "commentator Ruslan Gorevoy says": the role belongs to the subject.
            // "commentator Ruslan Gorevoy", "Mr. Obama", "Clinton spokesman Nick Merrill",
            // "longtime Democratic pollster Pat Caddell": the role and its modifiers name the
            // source too.
            while start > first && self.lex.role(self.word(start - 1)).is_some() {
                start -= 1;
            }
            if start < self.tokens().partition_point(|t| t.span.start < span.start) {
                let mut modifiers = 0;
                while start > first && modifiers < 3 && {
                    let w = self.word(start - 1);
                    self.tokens()[start - 1].kind == TokenKind::Word
                        && self.lex.cue(w).is_none()
                        && !matches!(
                            w.to_lowercase().as_str(),
                            "and"
                                | "or"
                                | "but"
                                | "that"
                                | "which"
                                | "who"
                                | "as"
                                | "to"
                                | "of"
                                | "in"
                                | "on"
                                | "at"
                                | "for"
                                | "with"
                                | "by"
                                | "from"
                                | "said"
                                | "says"
                        )
                        && !AUXILIARIES.contains(&w)
                } {
                    start -= 1;
                    modifiers += 1;
                    if matches!(self.word(start).to_lowercase().as_str(), "the" | "a" | "an") {
                        break;
                    }
                }
            }
            // "Republican presidential front-runner Donald Trump", "Massachusetts Secretary of
            // State William Galvin": modifiers running from the clause's start name the source
            // too, when no verb or circumstance stands among them.
            let clause_start = (first..start)
                .rev()
                .find(|&k| self.tokens()[k].kind == TokenKind::Punct && !matches!(self.word(k), "-" | "." | "&"))
                .map_or(first, |k| k + 1);
            let modifiers = (clause_start..start).all(|k| {
                let w = self.word(k);
                let lower = w.to_lowercase();
                matches!(self.tokens()[k].kind, TokenKind::Word | TokenKind::Possessive)
                    && !FINITE.contains(&lower.as_str())
                    && !AUXILIARIES.contains(&lower.as_str())
                    && !PRONOUNS.contains(&w)
                    && !(w.starts_with(char::is_lowercase) && (self.lex.cue(w).is_some() || is_adverb(w) || w.ends_with("ed")))
                    && !matches!(
                        lower.as_str(),
                        "that"
                            | "which"
                            | "who"
                            | "to"
                            | "in"
                            | "on"
                            | "at"
                            | "for"
                            | "with"
                            | "by"
                            | "from"
                            | "as"
                            | "and"
                            | "or"
                            | "but"
                            | "so"
                            | "than"
                            | "if"
                            | "when"
                            | "while"
                            | "because"
                            | "then"
                            | "there"
                            | "it"
                    )
            });
            let opener = self.word(clause_start).to_lowercase();
            let circumstance = CIRCUMSTANCE_OPENERS.contains(&opener.as_str())
                || matches!(
                    opener.as_str(),
                    "last" | "this" | "next" | "today" | "yesterday" | "now" | "even" | "only" | "meanwhile" | "like" | "unlike"
                )
                || MONTHS.contains(&self.word(clause_start))
                || WEEKDAYS.contains(&self.word(clause_start));
            if clause_start < start
                && start - clause_start <= 6
                && modifiers
                && !circumstance
                && self.r.mentions[m].kind != EntityType::Place
            {
                start = clause_start;
            }
            // "The IMF expects": the article belongs to an organization's name.
            if start > first && matches!(self.word(start - 1), "the" | "The") && self.r.mentions[m].kind == EntityType::Organization {
                start -= 1;
            }
            // "Officials at the Transit Authority", "a spokesman for the campaign": the people
            // speak for the organization named after them.
            let name_start = if start > first && matches!(self.word(start - 1), "the" | "its") { start - 1 } else { start };
            // "a spokeswoman for Hillary Clinton", "advisers to Mr. Obama": for a person too.
            let speaks_for = name_start > first + 1
                && match self.r.mentions[m].kind {
                    EntityType::Organization => matches!(self.word(name_start - 1), "at" | "for" | "from" | "with" | "of" | "to" | "in"),
                    EntityType::Person => matches!(self.word(name_start - 1), "for" | "to" | "of"),
                    // "The city of Phoenix", "the people of Iowa".
                    EntityType::Place => self.word(name_start - 1) == "of",
                };
            if speaks_for {
                let start_of_name = name_start;
                let head = self.word(start_of_name - 2).to_lowercase();
                let body = matches!(head.as_str(), "city" | "town" | "county" | "state" | "village");
                if PEOPLE_NOUNS.contains(&head.as_str()) || self.lex.role(head.trim_end_matches('s')).is_some() || body {
                    let mut k = start_of_name - 2;
                    while k > first
                        && k + 4 > start_of_name
                        && self.word(k - 1).starts_with(char::is_lowercase)
                        && self.tokens()[k - 1].kind == TokenKind::Word
                        && self.lex.cue(self.word(k - 1)).is_none()
                        && !AUXILIARIES.contains(&self.word(k - 1))
                        && !matches!(self.word(k - 1), "and" | "but" | "that" | "which" | "who")
                    {
                        k -= 1;
                    }
                    if k > first && matches!(self.word(k - 1), "The" | "A" | "An") {
                        k -= 1;
                    }
                    start = k;
                }
            }
            // "Mr. Grassley and Mr. Leahy said", "Developers and supporters in Congress": the
            // words name every coordinated subject; the mention stays the last.
            if start >= first + 2 && self.word(start - 1) == "and" {
                let before = start - 2;
                let coordinated = self
                    .mention_ending(before)
                    .map(|n| self.tokens().partition_point(|t| t.span.start < self.r.mentions[n].span.start))
                    .or_else(|| self.people_noun(&self.word(before).to_lowercase()).then_some(before));
                if let Some(k) = coordinated {
                    start =
                        if k > first && matches!(self.word(k - 1), "Mr." | "Mrs." | "Ms." | "Dr." | "Sen." | "Rep.") { k - 1 } else { k };
                }
            }
            let described = self.tokens()[start].span.cover(span);
            return Some((Some(m), described, start));
        }
        if PRONOUNS.contains(&word) {
            let span = self.tokens()[last].span;
            return Some((self.resolve_pronoun(&word.to_lowercase(), span.start), span, last));
        }
        let lower = word.to_lowercase();
        // "officials", "the commentator", "Russian forces", "the police".
        let is_noun = self.people_noun(&lower);
        // "The campaign says", "the ad's narrator says": a determiner a few words back makes a
        // noun phrase of any lowercase head noun.
        let determined = word.chars().all(char::is_alphabetic)
            && !AUXILIARIES.contains(&word)
            && !is_adverb(word)
            && !matches!(word, "that" | "which" | "who" | "this" | "there" | "here" | "it" | "what" | "also" | "not")
            // "the things she had come to believe": a preposition heads no noun phrase.
            && !PREPOSITIONS.contains(&word)
            && (last.saturating_sub(5).max(first)..last)
                .rev()
                .take_while(|&k| {
                    let w = self.word(k);
                    !matches!(
                        w,
                        "," | "."
                            | ";"
                            | ":"
                            | "“"
                            | "\""
                            | "''"
                            | "”"
                            | "and"
                            | "but"
                            | "that"
                            | "which"
                            | "who"
                            | "to"
                            | "of"
                            | "in"
                            | "on"
                            | "for"
                            | "with"
                    ) && self.lex.cue(w).is_none()
                })
                .any(|k| {
                    matches!(
                        self.word(k),
                        "the"
                            | "The"
                            | "a"
                            | "A"
                            | "an"
                            | "An"
                            | "its"
                            | "Its"
                            | "his"
                            | "His"
                            | "her"
                            | "Her"
                            | "their"
                            | "Their"
                            | "one"
                            | "One"
                            | "those"
                            | "Those"
                            | "these"
                            | "These"
                            // "several insiders said": a quantifier determines the noun too.
                            | "several"
                            | "Several"
                            | "many"
                            | "Many"
                            | "some"
                            | "Some"
                            | "most"
                            | "Most"
                            | "numerous"
                            | "Numerous"
                    ) || self.tokens()[k].kind == TokenKind::Possessive
                });
        // "Video shows that ...": a common noun opening the sentence.
        let opening_noun = last == first
            && word.starts_with(char::is_uppercase)
            && self.lex.is_common(word)
            && !PRONOUNS.contains(&word)
            && !matches!(
                word.to_lowercase().as_str(),
                "that"
                    | "this"
                    | "there"
                    | "here"
                    | "it"
                    | "what"
                    | "but"
                    | "and"
                    | "so"
                    | "then"
                    | "now"
                    | "still"
                    | "yet"
                    | "also"
                    | "when"
                    | "while"
                    | "if"
                    | "as"
                    | "although"
                    | "though"
                    | "because"
                    | "since"
                    | "after"
                    | "before"
                    | "once"
                    | "unless"
                    | "where"
                    | "who"
                    | "how"
                    | "why"
                    | "whether"
                    | "until"
                    | "however"
                    | "instead"
                    | "meanwhile"
                    | "later"
                    | "earlier"
            );
        // "Some believe ...", "others say": a quantifier standing for people.
        let quantifier = matches!(
            word.to_lowercase().as_str(),
            "some" | "many" | "others" | "most" | "few" | "several" | "all" | "someone" | "everyone" | "nobody" | "everybody" | "somebody"
        ) && (last == first
            || matches!(self.word(last - 1), "," | "and" | "but" | "while" | "whereas" | ";" | "then" | "Then"));
        // "many of whom say", "most of whom had announced": the quantifier with its pronoun.
        if word == "whom" && last >= first + 2 && self.word(last - 1) == "of" {
            return Some((None, self.span(last - 2, end), last - 2));
        }
        // "55 percent said", "more than 4 in 10 say", "one in four said", "Those over 60 say": a
        // share of those polled.
        let share = |k: usize| {
            self.tokens()[k].kind == TokenKind::Number
                || matches!(
                    self.word(k).to_lowercase().as_str(),
                    "percent"
                        | "%"
                        | "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "half"
                        | "third"
                        | "thirds"
                        | "quarter"
                        | "quarters"
                        | "majority"
                )
        };
        // "60 percent of islanders", "half of the respondents".
        let of_whom = (last >= first + 2 && self.word(last - 1) == "of" && share(last - 2)).then(|| last - 2).or_else(|| {
            (last >= first + 3 && self.word(last - 2) == "of" && matches!(self.word(last - 1), "the" | "those" | "all") && share(last - 3))
                .then(|| last - 3)
        });
        let head = of_whom.unwrap_or(last);
        if (of_whom.is_some() && word.chars().all(char::is_lowercase) || share(last))
            && !(last > first
                && matches!(self.word(last - 1), "in" | "on" | "at" | "since" | "by")
                && self.tokens()[last].kind == TokenKind::Number
                && self.word(last).len() == 4)
        {
            let mut start = head;
            while start > first
                && head - start < 8
                && (share(start - 1)
                    || matches!(
                        self.word(start - 1).to_lowercase().as_str(),
                        "in" | "of"
                            | "than"
                            | "more"
                            | "less"
                            | "fewer"
                            | "about"
                            | "nearly"
                            | "almost"
                            | "just"
                            | "only"
                            | "over"
                            | "under"
                            | "some"
                            | "roughly"
                            | "around"
                            | "all"
                            | "but"
                            | "a"
                            | "the"
                            | "those"
                    ))
            {
                start -= 1;
            }
            // Not "in 2015 said": a share needs more than a bare year or preposition before it.
            if !matches!(self.word(start), "in" | "of" | "than" | "over" | "under" | "but") {
                return Some((None, self.span(start, end), start));
            }
        }
        // "..., The Hill reported.", "Trump Is Unfit, Clinton Says": a short run of capitalized
        // words set off by a comma is a name the recognizer missed.
        if word.starts_with(char::is_uppercase) && self.tokens()[last].kind == TokenKind::Word && !PRONOUNS.contains(&word) {
            let mut start = last;
            while start > first && last - start < 4 && {
                let w = self.word(start - 1);
                self.tokens()[start - 1].kind == TokenKind::Word && (w.starts_with(char::is_uppercase) || w == "the")
            } {
                start -= 1;
            }
            let set_off = start > first && matches!(self.word(start - 1), "," | "”" | "\"" | "''");
            if set_off && !self.lex.is_common(self.word(start)) || set_off && matches!(self.word(start), "The" | "the") && start < last {
                return Some((None, self.span(start, end), start));
            }
        }
        if opening_noun || quantifier {
            let span = self.tokens()[last].span;
            return Some((None, span, last));
        }
        // "Critics, including ..., argued": a sentence may open with the noun.
        if !(is_noun || determined) || !(word.starts_with(char::is_lowercase) || last == first && is_noun) {
            return None;
        }
        // Walk left over the description: determiners, adjectives, names.
        let mut start = last;
        while start > first && last - start < 5 {
            let w = self.word(start - 1);
            // "The New York state attorney general": a cue form after a name or determiner is a
            // noun of the description.
            let in_phrase = start >= first + 2
                && (self.word(start - 2).starts_with(char::is_uppercase) || matches!(self.word(start - 2), "the" | "a" | "an" | "and"));
            if matches!(w, "," | "." | ";" | ":" | "“" | "\"" | "''" | "”" | "(" | ")") || self.lex.cue(w).is_some() && !in_phrase {
                break;
            }
            // "Although Mrs. Clinton's plan is ...": a subordinator opening the sentence too;
            // "what multiple lawmakers called": the object pronoun.
            if matches!(
                w.to_lowercase().as_str(),
                "what"
                    | "and"
                    | "but"
                    | "that"
                    | "which"
                    | "who"
                    | "because"
                    | "as"
                    | "while"
                    | "when"
                    | "if"
                    | "so"
                    | "than"
                    | "though"
                    | "although"
                    | "whereas"
                    | "since"
                    | "after"
                    | "before"
                    | "until"
                    | "unless"
                    | "whether"
                    | "where"
                    | "or"
            ) {
                break;
            }
            start -= 1;
            if matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "one"
                    | "some"
                    | "many"
                    | "several"
                    | "two"
                    | "three"
                    | "other"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "this"
                    | "those"
                    | "these"
                    | "Those"
                    | "These"
            ) {
                break;
            }
        }
        // "Residents of the harbour district", "members of the group", "attorneys for the
        // family": people of a place or body, or acting for it.
        if start >= first + 2
            && matches!(self.word(start - 1), "of" | "for" | "at" | "to" | "from" | "in" | "on")
            && (self.people_noun(&self.word(start - 2).to_lowercase())
                || start >= first + 3
                    && self.word(start - 2).starts_with(char::is_lowercase)
                    && matches!(self.word(start - 3), "a" | "an" | "A" | "An" | "one" | "One"))
        {
            start -= 2;
            if start > first
                && matches!(self.word(start - 1).to_lowercase().as_str(), "the" | "a" | "some" | "many" | "several" | "two" | "three")
            {
                start -= 1;
            }
            return Some((None, self.span(start, end), start));
        }
        // "Federal and state officials said": a coordinated modifier opening the clause.
        if start >= first + 2
            && self.word(start - 1) == "and"
            && self.tokens()[start - 2].kind == TokenKind::Word
            && (start - 2 == first || matches!(self.word(start - 3), "," | ";" | ":" | "”" | "\"" | "''"))
        {
            start -= 2;
        }
        let span = self.span(start, end);
        let source = self.resolve_description(&lower, start, span);
        Some((source, span, start))
    }

    /// The mention a description names: "the commentator" is the person with that role, "the
    /// group" the last organization; a description with a name inside names that ("the
    /// Kurdistan-24 news agency").
    fn resolve_description(&self, head: &str, start: usize, span: Span) -> Option<usize> {
        let inner: Vec<usize> = (0..self.r.mentions.len()).filter(|&m| span.contains(self.r.mentions[m].span)).collect();
        if let Some(&m) = inner.last() {
            let noun = self.lex.noun_type(head);
            // "the WHO report", "the Kurdistan-24 news agency": the named body speaks.
            let kind = self.r.mentions[m].kind;
            let document = NOMINAL_CUES.contains(&head) && kind != EntityType::Place;
            // "the Kurdistan-24 news agency" is Kurdistan-24; "a Daghestan-based group" is not Dagestan.
            if document || noun.is_some() && noun == Some(kind) {
                return Some(m);
            }
            return None;
        }
        // Only short definite descriptions are anaphoric ("the commentator", "the group");
        // "the trial's independent safety board" introduces someone new.
        let definite = matches!(self.word(start), "the" | "The");
        let tokens = self.tokens().partition_point(|t| t.span.start < span.end) - start;
        let possessive = (start..start + tokens).any(|k| self.tokens()[k].kind == TokenKind::Possessive);
        if !definite || tokens > 3 || possessive {
            return None;
        }
        if self.lex.role(head).is_some() {
            let role = self
                .r
                .roles
                .iter()
                .rev()
                .find(|role| role.span.start < span.start && role.span.of(self.text()).to_lowercase().contains(head));
            if let Some(role) = role {
                return Some(role.person);
            }
            // "the mayor" names whoever holds that role; without it, only the last source
            // described the same way could be meant.
            let same_role = self.claims.iter().rev().find(|c| {
                c.source.is_some() && c.source_span.is_some_and(|s| s.start < span.start && s.of(self.text()).to_lowercase().contains(head))
            });
            return same_role.and_then(|c| c.source);
        }
        if self.lex.noun_type(head) == Some(EntityType::Organization) {
            // "the authority" is the Transit Authority named before; "the council" is no
            // newspaper quoted before it. Only generic heads stand for any organization.
            let window = self.window_start(span.start);
            let named = self.r.mentions.iter().rposition(|m| {
                m.kind == EntityType::Organization
                    && m.span.end <= span.start
                    && m.span.start >= window
                    && m.span.of(self.text()).split_whitespace().any(|w| w.eq_ignore_ascii_case(head))
            });
            let generic = matches!(head, "group" | "organization" | "organisation" | "company" | "firm" | "agency" | "body");
            return named.or_else(|| generic.then(|| self.last_source_of(EntityType::Organization, span.start)).flatten());
        }
        None
    }

    /// The antecedent of a pronoun: the last mention of the right kind before it, outside
    /// quotations, within three paragraphs.
    fn resolve_pronoun(&self, pronoun: &str, before: usize) -> Option<usize> {
        let kind = match pronoun {
            "he" | "she" => EntityType::Person,
            "it" => EntityType::Organization,
            _ => return None,
        };
        let window = self.window_start(before);
        self.r.mentions.iter().rposition(|m| {
            m.kind == kind && m.span.end <= before && m.span.start >= window && !self.quotes.iter().any(|q| q.inner.contains(m.span))
        })
    }

    fn last_source_of(&self, kind: EntityType, before: usize) -> Option<usize> {
        let paragraph_window = self.window_start(before);
        let from_claims = self
            .claims
            .iter()
            .filter(|c| c.source_span.is_some_and(|s| s.start < before && s.start >= paragraph_window))
            .filter_map(|c| c.source)
            .filter(|&m| self.r.mentions[m].kind == kind)
            .max_by_key(|&m| self.r.mentions[m].span.start);
        from_claims
            .or_else(|| self.r.mentions.iter().rposition(|m| m.kind == kind && m.span.end <= before && m.span.start >= paragraph_window))
    }

    /// The start of the paragraph before the one holding `at`: an unframed quotation continues a
    /// speaker only that close.
    fn previous_paragraph_start(&self, at: usize) -> usize {
        let paragraphs = &self.r.segmented.paragraphs;
        let p = paragraphs.partition_point(|p| p.end < at);
        paragraphs.get(p.saturating_sub(1)).map_or(0, |p| p.start)
    }

    /// Where the search for an antecedent stops: three paragraphs back.
    fn window_start(&self, at: usize) -> usize {
        let paragraphs = &self.r.segmented.paragraphs;
        let p = paragraphs.partition_point(|p| p.end < at);
        paragraphs.get(p.saturating_sub(3)).map_or(0, |p| p.start)
    }

    /// The source named by the noun phrase after "according to".
    fn noun_phrase_source(&self, start: usize, end: usize) -> (Option<usize>, Span) {
        let span = self.span(start, end);
        let last_word = self.word(end - 1).to_lowercase();
        let inner: Vec<usize> = (0..self.r.mentions.len()).filter(|&m| span.contains(self.r.mentions[m].span)).collect();
        if let Some(&m) = inner.last() {
            // "the Nairobi Water and Sanitation Observatory (NWSO)": the acronym closes the name.
            let ends_with_mention = self.r.mentions[m].span.end == span.end
                || span.of(self.text()).ends_with(')') && inner.len() >= 2 && {
                    let before = self.r.mentions[inner[inner.len() - 2]].span.end;
                    self.text()[before..self.r.mentions[m].span.start].trim() == "("
                };
            // "a report released on Monday by the World Health Organization": a document's
            // author is its source.
            let head = if matches!(self.word(start), "a" | "an" | "the" | "its" | "their" | "his" | "her") { start + 1 } else { start };
            let document = head < end && NOMINAL_CUES.contains(&self.word(head)) && self.r.mentions[m].kind != EntityType::Place;
            if document {
                return (Some(m), span);
            }
            let head_is_org_noun = self.lex.noun_type(&last_word) == Some(EntityType::Organization);
            let possessive = (start..end).any(|k| self.tokens()[k].kind == TokenKind::Possessive);
            let head_is_role = self.lex.role(&last_word).is_some() || self.lex.role(last_word.trim_end_matches('s')).is_some();
            if ends_with_mention || head_is_org_noun || possessive && !head_is_role || self.lex.role(self.word(start)).is_some() {
                return (Some(m), span);
            }
            return (None, span);
        }
        if PRONOUNS.contains(&self.word(start)) && end == start + 1 {
            return (self.resolve_pronoun(&self.word(start).to_lowercase(), span.start), span);
        }
        (self.resolve_description(&last_word, start, span), span)
    }

    /// What a judgment or question is about, when it is a noun phrase: "criticized the plan,
    /// saying ...", "praised Clinton at a rally": the phrase ends before a comma or a phrase of
    /// time or place; a clause ("asked whether he had ...") keeps its words.
    fn noun_phrase_object(&self, content: Span) -> Span {
        let first = self.tokens().partition_point(|tok| tok.span.start < content.start);
        let end = self.tokens().partition_point(|tok| tok.span.start < content.end);
        for k in first + 1..end {
            let w = self.word(k);
            let lower = w.to_lowercase();
            let verbish = FINITE.contains(&lower.as_str())
                || AUXILIARIES.contains(&lower.as_str())
                || PRONOUNS.contains(&w) && k > first
                || matches!(lower.as_str(), "be" | "been" | "that" | "who" | "which" | "whether" | "if" | "why" | "how" | "what")
                || w.starts_with(char::is_lowercase) && w.ends_with("ed")
                || w.ends_with("n't")
                || self.is_quote_open(k);
            if verbish {
                return content;
            }
            if matches!(w, "," | "at" | "during" | "after" | "when" | "last" | "before" | "since" | "while") {
                return Span::new(content.start, self.tokens()[k - 1].span.end);
            }
        }
        content
    }

    fn push(&mut self, content: Span, cue: Option<Cue>, source: Option<usize>, source_span: Option<Span>, direct: bool) {
        let content = match &cue {
            Some(cue) if !direct && matches!(cue.class.as_str(), "judge" | "ask") => self.noun_phrase_object(content),
            _ => content,
        };
        // One content, one claim: the first frame that claims a span keeps it, unless it names no
        // source and this one does ("X is reportedly ..., the Gazette reported").
        if content.is_empty() {
            return;
        }
        if let Some(c) = self.claims.iter_mut().find(|c| c.content == content) {
            if c.source_span.is_none() && source_span.is_some() {
                (c.cue, c.source, c.source_span, c.direct) = (cue, source, source_span, direct);
            }
            return;
        }
        self.claims.push(Claim {
            content,
            cue,
            source,
            source_span,
            reported_by: None,
            parent: None,
            direct,
            quantities: Vec::new(),
            comment: false,
            dates: Vec::new(),
        });
    }

    /// Reader comments: each is a claim by its commenter, in their own words.
    fn comments(&mut self) {
        for comment in &self.r.segmented.article.meta.comments {
            let source = self.r.mention_at(comment.author.span);
            self.claims.push(Claim {
                content: comment.text,
                cue: None,
                source,
                source_span: Some(comment.author.span),
                reported_by: None,
                parent: None,
                direct: true,
                quantities: Vec::new(),
                comment: true,
                dates: Vec::new(),
            });
        }
    }

    /// Quotations introduced by a name and a colon inside a paragraph ("... - HuffPollster:
    /// “...”", "Here's Clinton in December 1992: “...”", "More from the report: “...”"): words
    /// without a verb since the last sentence end or dash name the source.
    fn introduced_quotes(&mut self, quotes: &[Quote]) {
        for q in quotes {
            let open = self.tokens().partition_point(|t| t.span.start < q.outer.start);
            if open < 2 || self.word(open - 1) != ":" || self.claims.iter().any(|c| c.content.overlaps(q.inner)) {
                continue;
            }
            let colon = open - 1;
            let start = (colon.saturating_sub(9)..colon)
                .rev()
                .find(|&k| {
                    matches!(self.word(k), "." | "!" | "?" | "-" | "―" | "—" | "–" | "”" | "\"" | "''" | ";") || self.is_paragraph_start(k)
                })
                .map_or(colon.saturating_sub(9), |k| {
                    if self.is_paragraph_start(k) && !matches!(self.word(k), "-" | "―" | "—" | "–") { k } else { k + 1 }
                });
            if start >= colon || colon - start > 8 {
                continue;
            }
            let verbless = (start..colon).all(|k| {
                let w = self.word(k);
                !(FINITE.contains(&w)
                    || matches!(w, "has" | "have" | "had" | "said" | "says")
                    || w.starts_with(char::is_lowercase) && self.lex.cue(w).is_some())
            });
            let names = self.span(start, colon);
            let source = (0..self.r.mentions.len())
                .rev()
                .find(|&m| names.contains(self.r.mentions[m].span) && self.r.mentions[m].kind != EntityType::Place);
            let document = (start..colon).any(|k| document_noun(self.word(k)));
            // "HuffPollster:", "Frank Newport and Jim Harter:": a name the recognizer missed.
            let named = colon - start <= 4 && (start..colon).all(|k| self.word(k).starts_with(char::is_uppercase) || self.word(k) == "and");
            if !verbless || source.is_none() && !document && !named {
                continue;
            }
            let (cue, names) = self.label_cue(start, colon);
            let source_span = source.map_or(names, |m| self.r.mentions[m].span);
            let content = q.inner.trim(self.text(), &[',', '.', ' ']);
            self.push(content, Some(cue), source, Some(source_span), true);
        }
    }

    /// The cue and the name of a label from token `start` to its colon: the colon, or an
    /// inverted verb opening the label ("Said Ellis: ...").
    fn label_cue(&self, start: usize, colon: usize) -> (Cue, Span) {
        match self.word(start) {
            "Said" | "Says" | "Added" | "Adds" | "Wrote" | "Writes" if colon > start + 1 => (
                Cue { span: self.tokens()[start].span, lemma: self.word(start).to_lowercase(), class: "say".into() },
                self.span(start + 1, colon),
            ),
            _ => (Cue { span: self.tokens()[colon].span, lemma: ":".into(), class: "say".into() }, self.span(start, colon)),
        }
    }

    /// Whether token `k` opens a paragraph.
    fn is_paragraph_start(&self, k: usize) -> bool {
        let start = self.tokens()[k].span.start;
        let paragraphs = &self.r.segmented.paragraphs;
        let i = paragraphs.partition_point(|p| p.start < start);
        i < paragraphs.len() && paragraphs[i].start == start
    }

    /// Speaker labels of transcripts and pull quotes: a paragraph (or a quotation opening it)
    /// that starts with one to three capitalized words and a colon ("WALLACE: Let's start",
    /// "Trump: 'We will win'"). The colon is the cue; the rest of the paragraph is the content.
    fn speaker_labels(&mut self) {
        let text = self.text();
        for p in self.r.segmented.paragraphs.clone() {
            let first = self.tokens().partition_point(|t| t.span.start < p.start);
            let mut k = first;
            if k < self.tokens().len() && self.is_quote_open(k) {
                k += 1;
            }
            let name_start = k;
            while k < self.tokens().len()
                && k < name_start + 3
                && self.tokens()[k].span.end <= p.end
                && self.word(k).starts_with(char::is_uppercase)
                && self.tokens()[k].kind == TokenKind::Word
            {
                k += 1;
            }
            // "Clinton camp: Trump's rhetoric threatens ...", "Former AG Mukasey at RNC: ...",
            // "Report: ...": a headline's longer label that names someone or a document.
            if k < self.tokens().len() && self.word(k) != ":" {
                if let Some(colon) = (k..(name_start + 7).min(self.tokens().len()))
                    .take_while(|&x| self.tokens()[x].span.end <= p.end)
                    .find(|&x| self.word(x) == ":")
                {
                    let label = self.span(name_start, colon);
                    let names = self.r.mentions.iter().any(|m| {
                        label.contains(m.span) && m.kind != EntityType::Place && m.span.start == self.tokens()[name_start].span.start
                    });
                    let verbless = (name_start..colon).all(|x| {
                        let w = self.word(x);
                        self.tokens()[x].kind == TokenKind::Word
                            && !FINITE.contains(&w.to_lowercase().as_str())
                            && self.lex.cue(w).is_none()
                    });
                    let document =
                        matches!(self.word(name_start), "Report" | "Newspaper" | "Poll" | "Study" | "Survey" | "Sources" | "Officials");
                    if verbless && (names || document && colon == name_start + 1) {
                        k = colon;
                    }
                }
            }
            if k == name_start || k >= self.tokens().len() || self.word(k) != ":" || self.tokens()[k].span.end >= p.end {
                continue;
            }
            let name = self.span(name_start, k);
            // Not a heading ("Note:", "Update:", "The Latest:", "Stealth Over Health:") or a time
            // ("3:25"): common words that name no one.
            let named = self.r.mentions.iter().any(|m| name.contains(m.span) && m.kind != EntityType::Place);
            if !named && name.of(text).split_whitespace().all(|w| self.lex.is_common(w)) {
                continue;
            }
            let content = Span::new(self.tokens()[k].span.end, p.end).trim(text, &['"', '“', '”', ' ']);
            // Frames inside the speaker's turn are nested in it, not rivals; a frame before the
            // label whose content runs over it ('Mr. Smith said: "A: B"') is.
            let label = self.tokens()[k].span;
            if content.is_empty()
                || self.claims.iter().any(|c| c.content.contains(label) && c.cue.as_ref().is_some_and(|q| q.span.end <= label.start))
            {
                continue;
            }
            let source = (0..self.r.mentions.len())
                .find(|&m| name.contains(self.r.mentions[m].span) && self.r.mentions[m].kind != EntityType::Place);
            let (cue, name) = self.label_cue(name_start, k);
            let quoted = name_start > first;
            self.push(content, Some(cue), source, Some(name), quoted);
        }
    }

    /// Signed quotations: a paragraph that ends with a quotation, a dash and a name
    /// ('"... our greatest shame." ― Sonya Herridge'). The dash is the cue.
    fn signed_quotes(&mut self) {
        let text = self.text();
        for p in self.r.segmented.paragraphs.clone() {
            let first = self.tokens().partition_point(|t| t.span.start < p.start);
            let end = self.tokens().partition_point(|t| t.span.start < p.end);
            let mut k = end;
            while k > first && matches!(self.word(k - 1), "." | ",") {
                k -= 1;
            }
            let name_end = k;
            while k > first
                && name_end - k < 4
                && self.tokens()[k - 1].kind == TokenKind::Word
                && self.word(k - 1).starts_with(char::is_uppercase)
            {
                k -= 1;
            }
            if k == name_end
                || k < first + 2
                || !matches!(self.word(k - 1), "―" | "—" | "–" | "-")
                || !matches!(self.word(k - 2), "”" | "\"" | "''")
            {
                continue;
            }
            // The quotation is the paragraph up to its closing mark, whether or not its opening
            // mark paired: pasted reader quotes often open with a closing mark or a nested one.
            let close = self.tokens()[k - 2].span;
            let paired = self.quotes.iter().find(|q| q.outer.end == close.end).map(|q| q.inner);
            let inner = paired.unwrap_or_else(|| Span::new(p.start, close.start).trim(text, &['"', '“', '”', '\'', ' ']));
            let name = self.span(k, name_end);
            if inner.is_empty() || self.claims.iter().any(|c| c.content.overlaps(inner)) {
                continue;
            }
            let source = (0..self.r.mentions.len())
                .find(|&m| name.contains(self.r.mentions[m].span) && self.r.mentions[m].kind != EntityType::Place);
            let cue = Cue { span: self.tokens()[k - 1].span, lemma: "―".into(), class: "say".into() };
            self.push(inner.trim(text, &[' ']), Some(cue), source, Some(name), true);
        }
    }

    /// A sentence with no frame of its own, right after a sentence whose reported speech runs to
    /// its end, in the same paragraph, continues that speech ("A major reason ..., he continues,
    /// is that the group pays well. Kyrgyz members are paid ..."). A sentence that turns ("But",
    /// "However") or holds a quotation does not.
    fn continuations(&mut self, quotes: &[Quote]) {
        let sentences = &self.r.segmented.sentences;
        let mut added = Vec::new();
        for i in 1..sentences.len() {
            let (prev, cur) = (&sentences[i - 1], &sentences[i]);
            if prev.paragraph != cur.paragraph {
                continue;
            }
            let first_word = self.word(cur.tokens.start);
            let turns =
                matches!(first_word, "But" | "However" | "Yet" | "Still" | "Meanwhile" | "Nevertheless" | "Instead" | "Others" | "Critics");
            let framed =
                self.claims.iter().any(|c| c.content.overlaps(cur.span) || c.cue.as_ref().is_some_and(|q| cur.span.contains(q.span)));
            let quoted = quotes.iter().any(|q| cur.span.overlaps(q.outer));
            if turns || framed || quoted {
                continue;
            }
            let prev_end = (prev.tokens.start..prev.tokens.end)
                .rev()
                .find(|&t| !matches!(self.word(t), "." | "!" | "?" | "”" | "\"" | "''"))
                .map_or(prev.span.end, |t| self.tokens()[t].span.end);
            // Only after a frame that follows its content ("..., he continues, ..."): the article
            // is then in the speaker's voice.
            let speaker = self
                .claims
                .iter()
                .filter(|c| c.source.is_some() && prev.span.contains(c.content) && c.content.end >= prev_end)
                .filter(|c| c.cue.as_ref().is_some_and(|q| q.span.start > c.content.start))
                .max_by_key(|c| c.content.end);
            let Some(speaker) = speaker else { continue };
            // "The BSC has members in ...": the article describing the source, not quoting it.
            let source_surface = speaker.source.map(|m| crate::text::fold_typography(self.r.mentions[m].span.of(self.text())));
            let names_source = self
                .r
                .mentions
                .iter()
                .any(|m| cur.span.contains(m.span) && Some(crate::text::fold_typography(m.span.of(self.text()))) == source_surface);
            if names_source {
                continue;
            }
            let end = (cur.tokens.start..cur.tokens.end)
                .rev()
                .find(|&t| !matches!(self.word(t), "." | "!" | "?"))
                .map_or(cur.tokens.end, |t| t + 1);
            if end <= cur.tokens.start {
                continue;
            }
            let content = self.span(cur.tokens.start, end);
            added.push(Claim { content, cue: None, direct: false, quantities: Vec::new(), ..speaker.clone() });
        }
        self.claims.extend(added);
    }

    /// Quotations that no frame covers: the paragraph's current speaker said them.
    fn quotations(&mut self, quotes: &[Quote]) {
        for q in quotes {
            if self.claims.iter().any(|c| c.content.overlaps(q.inner)) {
                continue;
            }
            // Short quoted terms ("loss", 'caliphate') are scare quotes, not statements.
            let words: Vec<&str> = q.inner.of(self.text()).split_whitespace().collect();
            if words.len() < 3 {
                continue;
            }
            // "Larry King Now", "The Steve Harvey Morning Show": titles of works.
            let capitalized = words.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
            let long_words = words.iter().filter(|w| w.len() > 3).count();
            // A sentence in quotation marks ('"I would, Donald."') is no title.
            let sentence_like = q.inner.of(self.text()).trim_end().ends_with(['.', '!', '?', ',']);
            if words.len() <= 8 && capitalized * 10 >= long_words.max(1) * 8 && !sentence_like {
                continue;
            }
            // A quoted phrase inside the narrator's own sentence ('a "lawful source" of income')
            // is not a statement; a quotation that opens its sentence is.
            let sentences = &self.r.segmented.sentences;
            let opens_sentence = sentences.iter().any(|s| s.span.start == q.outer.start || s.span.start == q.inner.start);
            if !opens_sentence {
                continue;
            }
            let speaker = self
                .claims
                .iter()
                .filter(|c| c.content.end <= q.outer.start && c.content.start >= self.previous_paragraph_start(q.outer.start))
                .max_by_key(|c| c.content.end)
                .map(|c| (c.source, c.source_span, c.reported_by, c.parent));
            let following = self
                .claims
                .iter()
                .filter(|c| c.content.start >= q.outer.end && c.cue.is_some())
                .min_by_key(|c| c.content.start)
                .filter(|c| c.content.start - q.outer.end < 200)
                .map(|c| (c.source, c.source_span, c.reported_by, c.parent));
            // '"A," said Caddell. "B ..."': a quotation that opens the sentence right after its
            // speaker's frame, in the same paragraph, is the same attribution.
            let sentences = &self.r.segmented.sentences;
            let sentence_at = |byte: usize| sentences.partition_point(|s| s.span.end <= byte);
            let adjacent = self
                .claims
                .iter()
                .position(|c| {
                    c.cue.is_some() && c.content.end <= q.outer.start && {
                        let (a, b) = (sentence_at(c.content.end.saturating_sub(1)), sentence_at(q.outer.start));
                        b == a + 1
                            && b < sentences.len()
                            && sentences[a].paragraph == sentences[b].paragraph
                            && sentences[b].span.start == q.outer.start
                    }
                })
                // Frames inside the speaker's own sentence (", speaking of ...", ", emphasizing
                // why ...") do not part the two quotations.
                .filter(|&i| {
                    let frame = sentence_at(self.claims[i].content.end.saturating_sub(1));
                    !self.claims.iter().any(|d| {
                        d.content.start > self.claims[i].content.end
                            && d.content.end <= q.outer.start
                            && d.cue.as_ref().is_none_or(|cue| sentence_at(cue.span.start) != frame)
                    })
                });
            if let Some(i) = adjacent {
                let end = q.inner.trim(self.text(), &[',', '.', ' ']).end;
                self.claims[i].content = Span::new(self.claims[i].content.start, end.max(self.claims[i].content.end));
                continue;
            }
            if let Some((source, source_span, reported_by, parent)) = speaker.or(following) {
                let mut claim = Claim {
                    content: q.inner,
                    cue: None,
                    source,
                    source_span,
                    reported_by,
                    parent,
                    direct: true,
                    quantities: Vec::new(),
                    comment: false,
                    dates: Vec::new(),
                };
                claim.content = claim.content.trim(self.text(), &[',']);
                self.claims.push(claim);
            }
        }
    }

    /// Marks claims whose cue and source lie inside another claim's content as nested in it.
    fn nest(&mut self) {
        // A state of mind or a stance inside reported speech ("Stein said she plans to join",
        // "Merrill says Machado wants ...") is part of what the speaker said, not a report of its
        // own: attribution corpora leave it inside the outer content, and so do we. So is a
        // finding that names no entity ("he said the data show"); "the WHO report found" inside
        // speech stays a hop of the chain.
        let outer_of = |claims: &[Claim], i: usize, cue: Span| {
            (0..claims.len())
                .filter(|&j| j != i && claims[j].content.contains(cue) && claims[j].content.contains(claims[i].content))
                .min_by_key(|&j| claims[j].content.len())
        };
        let inner_states: Vec<bool> = (0..self.claims.len())
            .map(|i| {
                self.claims[i].cue.as_ref().is_some_and(|cue| {
                    let private =
                        PRIVATE_STATES.contains(&cue.class.as_str()) || (cue.class == "document" && self.claims[i].source.is_none());
                    private && outer_of(&self.claims, i, cue.span).is_some()
                })
            })
            .collect();
        let mut inner_states = inner_states.into_iter();
        self.claims.retain(|_| !inner_states.next().unwrap_or(false));
        let n = self.claims.len();
        for i in 0..n {
            let Some(cue) = self.claims[i].cue.as_ref().map(|c| c.span) else { continue };
            if let Some(j) = outer_of(&self.claims, i, cue) {
                self.claims[i].parent = Some(j);
                if self.claims[i].reported_by.is_none() {
                    self.claims[i].reported_by = self.claims[j].source;
                }
            }
        }
        // A source reached through a pronoun or description keeps the chain it was reported in:
        // "according to Kurdistan-24, '...'. The remaining 20 percent, it says, '...'".
        let mut by_position: Vec<usize> = (0..n).collect();
        by_position.sort_by_key(|&i| self.claims[i].content.start);
        for (k, &i) in by_position.iter().enumerate() {
            let c = &self.claims[i];
            let Some(s) = c.source else { continue };
            let via_reference = c.source_span.is_some_and(|span| span != self.r.mentions[s].span);
            if !via_reference || c.parent.is_some() {
                continue;
            }
            let earlier =
                by_position[..k].iter().rev().find(|&&j| self.claims[j].source == Some(s) && self.claims[j].content.end <= c.content.start);
            if let Some(&j) = earlier {
                if self.claims[j].reported_by.is_some() {
                    self.claims[i].reported_by = self.claims[j].reported_by;
                    self.claims[i].parent = self.claims[j].parent;
                }
            }
        }
    }

    /// Content spans follow the convention of attribution corpora (PARC, PolNeAR): the
    /// complementizer of reported speech ("said that ...") and the marks of a quotation belong
    /// to what was said.
    fn mark_contents(&mut self) {
        let text = self.r.text();
        for c in &mut self.claims {
            let Some(cue) = &c.cue else { continue };
            let before = &text[..c.content.start];
            let after = &text[c.content.end..];
            if cue.span.end <= c.content.start && before.ends_with("that ") && !before.ends_with(" so that ") {
                c.content.start -= "that ".len();
            } else if let Some(mark) = before.chars().next_back().filter(|ch| matches!(ch, '"' | '“')) {
                // "said, “We will finish.”": the marks and the punctuation inside them.
                let closing = after.char_indices().take(2).find(|&(_, ch)| matches!(ch, '"' | '”'));
                if let Some((at, ch)) = closing {
                    if after[..at].chars().all(|x| matches!(x, '.' | ',' | '?' | '!')) {
                        c.content.start -= mark.len_utf8();
                        c.content.end += at + ch.len_utf8();
                    }
                }
            }
        }
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

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<day>\d{1,2}),?)?\s+(?P<year>(?:19|20)\d{2})|(?:in|since|by|from|until|before|after|of)\s+(?P<bare>(?:19|20)\d{2})\b|(?P<relative>(?:last|this|next|previous|past)\s+(?:year|month))|(?P<ago>\d{1,2}|two|three|four|five|six|ten)\s+years\s+ago)",
    )
    .expect("valid regex")
});

/// The dates written in `span`: month and year ("June 2013", "December 10, 2015"), a year after a
/// preposition ("in 2014"), and relative years and months ("last year", "five years ago"), the
/// latter resolved against `published` (`YYYY-MM-DD`).
pub fn dates(text: &str, span: Span, published: Option<&str>) -> Vec<DateRef> {
    let year_of = |p: &str| p.get(..4).and_then(|y| y.parse::<i32>().ok());
    let month_of = |p: &str| p.get(5..7).and_then(|m| m.parse::<u32>().ok());
    let mut out = Vec::new();
    for caps in DATE.captures_iter(span.of(text)) {
        let whole = caps.get(0).expect("match");
        let value = if let Some(year) = caps.name("year") {
            let month = MONTHS.iter().position(|m| *m == &caps["month"]).map(|i| i + 1).unwrap_or(1);
            Some(match caps.name("day") {
                Some(day) => format!("{}-{month:02}-{:02}", year.as_str(), day.as_str().parse::<u32>().unwrap_or(1)),
                None => format!("{}-{month:02}", year.as_str()),
            })
        } else if let Some(year) = caps.name("bare") {
            Some(year.as_str().to_string())
        } else if let Some(relative) = caps.name("relative") {
            let relative = relative.as_str().to_lowercase();
            let shift = if relative.starts_with("this") {
                0
            } else if relative.starts_with("next") {
                1
            } else {
                -1
            };
            published.and_then(|p| {
                let (year, month) = (year_of(p)?, month_of(p)?);
                if relative.ends_with("year") {
                    Some(format!("{}", year + shift))
                } else {
                    let index = year * 12 + month as i32 - 1 + shift;
                    Some(format!("{}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1))
                }
            })
        } else {
            let words = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
            let ago = &caps["ago"];
            let n = ago.parse::<i32>().ok().or_else(|| words.iter().position(|w| *w == ago).map(|i| i as i32));
            published.and_then(|p| Some(format!("{}", year_of(p)? - n?)))
        };
        let start = span.start + whole.start();
        // "in 2014": the preposition is not part of the date.
        let start = if caps.name("bare").is_some() { span.start + caps.name("bare").expect("bare").start() } else { start };
        out.push(DateRef { span: Span::new(start, span.start + whole.end()), value });
    }
    out
}

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<q>up to|about|approximately|around|roughly|nearly|almost|more than|over|at least|at most|fewer than|less than|as many as|as much as|closer to|some|from|to|between|and)?\s*(?P<cur>[$€£])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?P<mult>million|billion|thousand|hundred)\b)?(?:\s*(?P<unit>percentage points|percent|per cent|%|US dollars|dollars|euros|rubles|roubles|pounds|kilograms?|kg|kilometres|kilometers|km|miles|tons|tonnes|hours|days|months|years)\b)?(?:\s+(?P<post>or more|or so|or fewer|a month|a year|a day|a week|per month|per year|per day))?",
    )
    .expect("valid regex")
});

/// The numbers in `span`, with qualifier and unit. Bare years (1900-2100) are dates, not
/// quantities.
pub fn quantities(text: &str, span: Span) -> Vec<Quantity> {
    let mut out = Vec::new();
    for caps in QUANTITY.captures_iter(span.of(text)) {
        let whole = caps.get(0).expect("match");
        let num = &caps["num"];
        // "Kurdistan-24", "G7", "COVID-19": digits inside a name are no quantity.
        let num_start = span.start + caps.name("num").expect("num").start();
        if text[..num_start].ends_with(|c: char| c.is_alphanumeric() || c == '-') {
            continue;
        }
        // "September 2", "June 2013": dates.
        let before = text[..num_start].trim_end();
        let previous_word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        if MONTHS.iter().any(|m| {
            m.eq_ignore_ascii_case(previous_word)
                || previous_word.len() >= 3
                    && m.to_lowercase().starts_with(&previous_word.to_lowercase())
                    && previous_word.chars().next().is_some_and(char::is_uppercase)
        }) {
            continue;
        }
        let mut value: f64 = match num.replace(',', "").parse() {
            Ok(v) => v,
            Err(_) => continue,
        };
        let unit_word = caps.name("unit").map(|u| u.as_str().to_string());
        let mult = caps.name("mult").map(|m| m.as_str().to_lowercase());
        let is_year = num.len() == 4
            && !num.contains(',')
            && (1900.0..=2100.0).contains(&value)
            && unit_word.is_none()
            && mult.is_none()
            && caps.name("cur").is_none();
        if is_year {
            continue;
        }
        value *= match mult.as_deref() {
            Some("million") => 1e6,
            Some("billion") => 1e9,
            Some("thousand") => 1e3,
            Some("hundred") => 1e2,
            _ => 1.0,
        };
        let currency = caps.name("cur").map(|c| match c.as_str() {
            "$" => "dollars",
            "€" => "euros",
            _ => "pounds",
        });
        let post = caps.name("post").map(|p| p.as_str().to_lowercase());
        let mut unit = unit_word.or(currency.map(str::to_string)).map(|u| if u == "%" { "percent".to_string() } else { u });
        let mut qualifier = caps.name("q").map(|q| q.as_str().to_lowercase()).filter(|q| q != "and");
        match post.as_deref() {
            Some(p @ ("or more" | "or so" | "or fewer")) => qualifier = Some(p.to_string()),
            Some(p) => unit = Some(format!("{} {p}", unit.unwrap_or_default()).trim().to_string()),
            None => {}
        }
        let start = caps.name("q").or(caps.name("cur")).unwrap_or_else(|| caps.name("num").expect("num"));
        let start = if caps.name("q").is_some_and(|q| q.as_str().eq_ignore_ascii_case("and")) {
            caps.name("cur").unwrap_or_else(|| caps.name("num").expect("num"))
        } else {
            start
        };
        let begin = span.start + start.start();
        let end = span.start + whole.end();
        out.push(Quantity { value, unit, qualifier, counted: counted(&text[end..span.end]), span: Span::new(begin, end).trim(text, &[]) });
    }
    out
}

/// The words right after a number that say what it counts: up to three words, stopping at a
/// preposition, conjunction, verb-like function word or punctuation.
fn counted(after: &str) -> Option<String> {
    const STOP: &[&str] = &[
        "in",
        "of",
        "from",
        "to",
        "at",
        "for",
        "with",
        "and",
        "or",
        "but",
        "who",
        "that",
        "which",
        "have",
        "has",
        "had",
        "are",
        "is",
        "were",
        "was",
        "will",
        "would",
        "could",
        "a",
        "an",
        "the",
        "than",
        "over",
        "since",
        "by",
        "on",
        "per",
        "each",
        "last",
        "this",
        "now",
        "then",
        "ago",
        "already",
        "still",
        "today",
        "yesterday",
        "more",
        "less",
        "so",
        "as",
        "before",
        "after",
        "during",
        "them",
        "those",
        "these",
        "whom",
        "us",
    ];
    // "80 percent of ISIS groups", "4,000 of the fighters": a share counts what follows "of".
    let after = after.trim_start();
    let after = match after.strip_prefix("of ") {
        Some(rest) => ["all the ", "the ", "those ", "these ", "its ", "their "].iter().find_map(|d| rest.strip_prefix(d)).unwrap_or(rest),
        None => after,
    };
    let mut words = Vec::new();
    for word in after.split_whitespace() {
        let clean = word.trim_end_matches([',', '.', ';', ':', '”', '"', ')']);
        let lower = clean.to_lowercase();
        if clean.is_empty()
            || STOP.contains(&lower.as_str())
            || !clean.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            || !clean.chars().any(char::is_alphabetic)
        {
            break;
        }
        words.push(clean);
        // "islanders opposed the cuts": a plural noun heads what is counted; a verb may follow.
        if words.len() == 3 || clean.len() != word.len() || clean.len() > 3 && is_plural(clean) {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_resolve_against_the_publication_date() {
        let text = "In June 2013, when Moscow first said so, and last year, and in 2014, and two years ago.";
        let found: Vec<(String, Option<String>)> =
            dates(text, Span::new(0, text.len()), Some("2015-12-10")).into_iter().map(|d| (d.span.of(text).to_string(), d.value)).collect();
        assert_eq!(
            found,
            vec![
                ("June 2013".to_string(), Some("2013-06".to_string())),
                ("last year".to_string(), Some("2014".to_string())),
                ("2014".to_string(), Some("2014".to_string())),
                ("two years ago".to_string(), Some("2013".to_string())),
            ]
        );
        assert_eq!(dates("last month", Span::new(0, 10), None)[0].value, None);
    }

    #[test]
    fn quantities_know_what_they_count() {
        let text = "the FSB estimate of 2,400 Russian nationals is exaggerated, and 50 containers.";
        let found = quantities(text, Span::new(0, text.len()));
        assert_eq!(found[0].counted.as_deref(), Some("Russian nationals"));
        assert_eq!(found[1].counted.as_deref(), Some("containers"));
        let text = "up to 80 percent of ISIS groups in Syria, 4,000 of the fighters, 400 of those recruits and 20 of them.";
        let found: Vec<Option<String>> = quantities(text, Span::new(0, text.len())).into_iter().map(|q| q.counted).collect();
        assert_eq!(found, vec![Some("ISIS groups".into()), Some("fighters".into()), Some("recruits".into()), None]);
    }

    fn check(text: &str) -> Vec<(f64, Option<String>, Option<String>, String)> {
        quantities(text, Span::new(0, text.len()))
            .into_iter()
            .map(|q| (q.value, q.unit, q.qualifier, q.span.of(text).to_string()))
            .collect()
    }

    #[test]
    fn quantities_keep_qualifier_and_unit() {
        assert_eq!(check("up to 80 percent of groups")[0], (80.0, Some("percent".into()), Some("up to".into()), "up to 80 percent".into()));
        assert_eq!(check("4,000 or more")[0].2.as_deref(), Some("or more"));
        assert_eq!(check("paid 5,000 US dollars a month")[0].1.as_deref(), Some("US dollars a month"));
        let range = check("has risen from 900 to 1200 over");
        assert_eq!(range.len(), 2);
        assert_eq!(range[0].2.as_deref(), Some("from"));
        assert_eq!(range[1].2.as_deref(), Some("to"));
        assert!(check("in June 2013 it").is_empty());
        assert!(check("on September 2 -- was").is_empty());
        assert!(check("the Kurdistan-24 news agency").is_empty());
        assert_eq!(check("about 3 million people")[0].0, 3e6);
    }
}
