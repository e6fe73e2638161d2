//! Named-entity recognition: people, organizations and places, with the evidence for each type.
//!
//! Candidates are runs of capitalized tokens (with the connectors names use: "of", "for",
//! "al-", ...), gazetteer names found by an Aho-Corasick automaton, and the metadata fields that
//! `layout` read (authors, editors, publisher). A candidate is typed by the strongest evidence it
//! has, in this order: the gazetteer, a head noun inside or after the name ("Institute",
//! "news agency", "district"), a role before it ("commentator Ruslan Gorevoy"), an apposition
//! after it ("Denis Maltsev, a senior researcher at ..."), a first name, the preposition before it,
//! and finally its shape. A document-level pass then finds the surnames and short names that the
//! article uses after introducing someone. Sentence-initial common words, nationality adjectives
//! and title-case headlines are handled so that "Many", "Russian" and "Calls For Recruits" are not
//! names. This module does not decide which mentions are the same entity (that is `resolve`).
//!
//! The learned tagger ([`model`], trained by [`train`]) then has the last word on spans and types
//! in the body. It sees what the rules found as features; its mentions replace the rule
//! candidates they overlap, except those the page's layout gives (bylines, the publisher,
//! commenters, datelines, results tables); rule candidates it did not overlap stay when more than
//! shape or context typed them. A string gets one type per document.

mod apposed;
mod candidates;
mod companies;
mod context;
mod corrections;
mod document;
mod learned;
mod link;
mod maxent;
pub mod model;
mod people;
mod places;
mod spans;
mod teams;
pub mod train;

use link::link;

use crate::layout::Article;
use crate::lexicon::{EntityType, Known, Lexicon, RoleClass};
use crate::segment::{Segmented, TokenKind};
use crate::text::{Diagnostic, Span, SpanIndex, fold_typography};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: EntityType,
    /// The gazetteer entry it matched, if any.
    pub known: Option<Known>,
    /// How strong the typing evidence is: 3 gazetteer or metadata, 2 a keyword, role or first
    /// name, 1 context or shape alone.
    pub strength: u8,
    /// Which rule typed it, for the graph's evidence and for debugging.
    pub rule: &'static str,
}

/// A relation stated next to a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Predicate {
    /// A person or organization belongs to an organization (org:memberOf).
    MemberOf,
    /// A person leads an organization (org:headOf).
    HeadOf,
    /// An organization is part of another (schema:parentOrganization, reversed).
    PartOf,
    /// A person or organization is associated with a place.
    AssociatedPlace,
}

impl Predicate {
    /// The name used in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::MemberOf => "memberOf",
            Predicate::HeadOf => "leaderOf",
            Predicate::PartOf => "partOf",
            Predicate::AssociatedPlace => "associatedPlace",
        }
    }
}

/// A relation between two mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Index of the subject mention.
    pub subject: usize,
    /// The relation.
    pub predicate: Predicate,
    /// Index of the object mention.
    pub object: usize,
    /// The role words, if stated ("senior researcher").
    pub role: Option<Span>,
    /// The text that states it.
    pub span: Span,
}

/// A role or title stated for a person ("commentator Ruslan Gorevoy").
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// Index of the person's mention.
    pub person: usize,
    /// The role words.
    pub span: Span,
}

/// The recognizer's output for one article.
#[derive(Debug, Clone)]
pub struct Recognized<'a> {
    /// The segmented article.
    pub segmented: &'a Segmented<'a>,
    /// Mentions in text order, not overlapping.
    pub mentions: Vec<Mention>,
    /// Pairs of mentions that the text says are the same ("Abu Mukhammad Kadarsky (Rustam
    /// Asilderov)", "Federal Security Service (FSB)").
    pub same: Vec<(usize, usize)>,
    /// Relations stated next to mentions.
    pub relations: Vec<Relation>,
    /// Roles stated for people, in the order their words start.
    pub roles: Vec<Role>,
}

impl Recognized<'_> {
    /// The article's text.
    pub fn text(&self) -> &str {
        self.segmented.text()
    }

    /// For each token, whether it is a capitalized word of a mention (for the tagger,
    /// `Parses::with_names`).
    pub fn name_tokens(&self) -> Vec<bool> {
        let text = self.text();
        self.segmented
            .tokens
            .iter()
            .map(|t| {
                let m = self.mentions.partition_point(|m| m.span.end <= t.span.start);
                self.mentions.get(m).is_some_and(|m| m.span.start <= t.span.start) && t.span.of(text).starts_with(char::is_uppercase)
            })
            .collect()
    }

    /// The index of the mention that covers exactly `span`, if any.
    pub fn mention_at(&self, span: Span) -> Option<usize> {
        self.mentions.binary_search_by(|m| m.span.start.cmp(&span.start)).ok().filter(|&i| self.mentions[i].span == span)
    }

    /// The mention that ends at token `i` (inclusive), if any.
    pub fn mention_ending_at(&self, end: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end < end);
        (i < self.mentions.len() && self.mentions[i].span.end == end).then_some(i)
    }

    /// The mentions inside `span`, in order (mentions are sorted and do not overlap, so those
    /// inside follow one another).
    pub fn mentions_in(&self, span: Span) -> Vec<usize> {
        let first = self.mentions.partition_point(|m| m.span.start < span.start);
        (first..self.mentions.len())
            .take_while(|&m| self.mentions[m].span.start < span.end)
            .filter(|&m| span.contains(self.mentions[m].span))
            .collect()
    }
}

/// Verbs that only a speaker is the subject of ("Calder Energy said").
const SAID: &[&str] = &["said", "says", "told", "announced", "warned", "added", "insisted", "stated"];

/// Letters written after a person's name: seats and honours, not the name ("Frank Field MP",
/// "Philippe Sands QC").
pub const POSTNOMINALS: &[&str] = &["MP", "MEP", "MSP", "AM", "MLA", "QC", "KC", "MBE", "OBE", "CBE", "KBE", "DBE"];
/// The first five of `POSTNOMINALS`: a member's seat ("the Salford MP" names a seat's holder).
const SEAT_LETTERS: &[&str] = POSTNOMINALS.split_at(5).0;
/// The rest of `POSTNOMINALS`: a barrister's letters and orders, borne by a person ("Guy Mansfield QC").
const HONOURS: &[&str] = POSTNOMINALS.split_at(5).1;

/// Words of a title rather than a name ("Stars In Their Eyes").
const FUNCTION_WORDS: &[&str] = &["the", "a", "an", "in", "on", "of", "to", "be", "me", "my", "their", "and", "out", "up", "is", "it"];

/// Recognizes the named entities of a segmented article.
pub fn recognize<'a>(segmented: &'a Segmented<'a>, lexicon: &Lexicon) -> (Recognized<'a>, Vec<Diagnostic>) {
    let mut r = Recognizer::rules(segmented, lexicon);
    if let Ok(model) = model::embedded() {
        r.learned(model);
    }
    r.defined_acronyms();
    r.first_name_mentions();
    let (mentions, roles) = r.finish();
    let mut recognized = Recognized { segmented, mentions, same: Vec::new(), relations: Vec::new(), roles };
    link(&mut recognized, lexicon);
    (recognized, Vec::new())
}

/// What the rules alone find in an article, overlaps settled: the learned tagger's rule features
/// (`recognize::train` computes them on its corpora with this function).
pub fn rule_mentions(segmented: &Segmented<'_>, lexicon: &Lexicon) -> Vec<Mention> {
    settle(Recognizer::rules(segmented, lexicon).found)
}

/// A candidate before overlaps are settled; roles point at candidates by span.
struct Recognizer<'a> {
    seg: &'a Segmented<'a>,
    lex: &'a Lexicon,
    found: Vec<Mention>,
    /// (person span, role words span)
    roles: Vec<(Span, Span)>,
    /// Whether each sentence is a headline (`is_headline`), found once: a post-edit asks it for
    /// each mention, and a sentence holding thousands of them must not be read for each.
    headlines: std::cell::OnceCell<Vec<bool>>,
}

/// Conjunctions and adverbs that open a sentence before a title and a name ("But Mr Vance"):
/// no part of the title.
const SENTENCE_OPENERS: &[&str] =
    &["but", "and", "or", "yet", "so", "then", "now", "meanwhile", "however", "also", "still", "instead", "indeed", "thus"];
const CONNECTORS: &[&str] =
    &["of", "for", "and", "&", "on", "de", "du", "da", "del", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le", "y"];
const PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "ben", "abu", "abd", "van", "von", "de", "di", "da", "du", "le", "la",
    "bint",
];
/// Whether span `b` starts one character after span `a` ends ("Channel 4": one space between).
fn one_space_apart(a: Span, b: Span) -> bool {
    b.start == a.end + 1
}

/// Whether token `k` is a word written with a capital first letter (no token past the end is).
fn capitalized(seg: &Segmented<'_>, k: usize) -> bool {
    seg.tokens.get(k).is_some_and(|token| token.kind == TokenKind::Word && token.span.of(seg.text()).starts_with(char::is_uppercase))
}

/// Whether `word` names a month or a day.
fn is_calendar(word: &str) -> bool {
    crate::text::MONTHS.contains(&word) || crate::text::DAYS.contains(&word)
}

/// Whether `word` names a month or a day as datelines and tables also write them: "THURSDAY",
/// "Aug", "Aug.". Abbreviations in capitals are acronyms ("DEC", the Disasters Emergency
/// Committee); those that are also names or words ("Jan", "Sun") are left out. Months in
/// capitals ("AUGUST") too (those that are common names, "MAY", stay to the caller's test).
fn is_calendar_word(word: &str) -> bool {
    const SHORT: &[&str] = &[
        "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs",
        "Fri", "Sat",
    ];
    let shouted = crate::text::DAYS.iter().chain(&crate::text::MONTHS).any(|m| m.to_uppercase() == word);
    is_calendar(word) || shouted || SHORT.contains(&word.strip_suffix('.').unwrap_or(word))
}

/// Whether `word` is a date written in digits ("1996-08-22", "2026/12/05").
fn is_numeric_date(word: &str) -> bool {
    word.len() >= 8
        && word.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b'/')
        && word.bytes().filter(|b| !b.is_ascii_digit()).count() == 2
}

/// `name` as the gazetteer writes names, from capitals ("NEW YORK" -> "New York", "BOSNIA AND
/// HERZEGOVINA" -> "Bosnia and Herzegovina", "GUINEA-BISSAU" -> "Guinea-Bissau"): each word and
/// each part after a hyphen with its first letter in capitals and the rest in lowercase, "of",
/// "the" and "and" in lowercase.
fn title_case(name: &str) -> String {
    let word = |w: &str| {
        let lower = w.to_lowercase();
        if matches!(lower.as_str(), "of" | "the" | "and") {
            return lower;
        }
        let part = |p: &str| {
            let mut c = p.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        };
        lower.split('-').map(part).collect::<Vec<_>>().join("-")
    };
    name.split(' ').map(word).collect::<Vec<_>>().join(" ")
}
const PLACE_PREPOSITIONS: &[&str] = &["in", "from", "near", "across", "outside", "inside", "throughout"];
const HYPHEN_SUFFIXES: &[&str] = &["-based", "-born", "-led", "-backed", "-controlled", "-held", "-run", "-made", "-bound"];

/// Settles overlaps between candidates (stronger, then longer, then earlier wins), in text order.
fn settle(mut found: Vec<Mention>) -> Vec<Mention> {
    found.sort_by(|a, b| b.strength.cmp(&a.strength).then(b.span.len().cmp(&a.span.len())).then(a.span.start.cmp(&b.span.start)));
    let mut kept: Vec<Mention> = Vec::new();
    let mut taken = Disjoint::default();
    for m in found {
        if taken.insert(m.span) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.span);
    kept
}

/// Disjoint spans, kept by start: whether a new span overlaps one of them is two lookups.
#[derive(Default)]
struct Disjoint {
    /// The end of each span with characters, by its start (disjoint, so ends rise with starts).
    ends: BTreeMap<usize, usize>,
    /// The positions of empty spans (which overlap a span that strictly contains them).
    empty: BTreeSet<usize>,
}

impl Disjoint {
    /// Adds `span` unless it overlaps one of the spans; whether it was added.
    fn insert(&mut self, span: Span) -> bool {
        let before = self.ends.range(..span.end).next_back().is_some_and(|(_, &end)| end > span.start);
        let inside = span.end > span.start + 1 && self.empty.range(span.start + 1..span.end).next().is_some();
        if before || inside {
            return false;
        }
        if span.is_empty() {
            self.empty.insert(span.start);
        } else {
            self.ends.insert(span.start, span.end);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Source;
    use crate::layout::analyze;
    use crate::segment::segment;

    fn check(text: &str) -> Vec<(String, EntityType)> {
        let lexicon = Lexicon::embedded();
        let article = analyze(Source::from_text("t.txt", text));
        let segmented = segment(&article);
        let (r, _) = recognize(&segmented, &lexicon);
        r.mentions.iter().map(|m| (m.span.of(text).to_string(), m.kind)).collect()
    }

    fn has(found: &[(String, EntityType)], name: &str, kind: EntityType) -> bool {
        found.iter().any(|(n, k)| n == name && *k == kind)
    }

    #[test]
    fn an_acronym_found_speaking_is_the_same_name_everywhere() {
        // "the HSC said" makes the acronym a body; its other uses, which alone are only weak
        // guesses, are that body too. Not an acronym that a head noun typed ("TV channel"),
        // which as an acronym of a thing names nothing at all (`COMMON_ACRONYMS`).
        let text = "Port settles\n\nThe HSC also said it had charged two men. Three firms settled with the HSC. \
                    Separately, the HSC said it had a deal. A TV channel said so. He watched TV at home.\n";
        let found = check(text);
        let count = |name: &str| found.iter().filter(|(n, k)| n == name && *k == EntityType::Organization).count();
        assert_eq!(count("HSC"), 3, "{found:?}");
        assert_eq!(count("TV"), 0, "{found:?}");
    }

    #[test]
    fn a_paper_after_a_lowercase_the_is_the_known_paper() {
        let found = check(
            "Jump delayed\n\nHer coach told the Times: \"We are not looking at 2006.\" She spoke to the Observer too. \
             He writes for the Times Higher Education Supplement.\n",
        );
        assert!(has(&found, "Times", EntityType::Organization), "{found:?}");
        assert!(has(&found, "Observer", EntityType::Organization), "{found:?}");
        assert_eq!(found.iter().filter(|(n, _)| n == "Times").count(), 1, "not inside a longer name: {found:?}");
    }

    #[test]
    fn a_known_name_in_camel_case_is_found() {
        // The rules read capitalized words only; the gazetteer knows "eBay" as written.
        let found = check("Sales up\n\nData collected by eBay suggests that shoppers are busy. Many sellers use ebay.\n");
        assert_eq!(found.iter().filter(|(n, _)| n == "eBay").count(), 1, "{found:?}");
        assert!(has(&found, "eBay", EntityType::Organization), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n == "ebay"), "{found:?}");
    }

    #[test]
    fn an_acronym_defined_in_parentheses_is_that_name_alone() {
        // The tagger drops many lone acronyms; one the article spells out right after a name is
        // that name wherever it stands.
        let text = "Harbour fine\n\nThe deal went to the Coastal Trading Commission (CTC). The CTC had accused Kelpie \
                    Freight of hiding payments. Officials at the CTC declined to comment.\n";
        let found = check(text);
        assert_eq!(count_in(&found, "CTC"), 3, "{found:?}");
        // Or in an apposition closing the phrase, capitalized as BBC style writes it.
        let text = "Harbour fine\n\nThe plan is weighed by the Coastal Trading and Shipping Commission, Ctsc. Ctsc said \
                    the fees would fall, and Ctsc cautioned that nothing was certain.\n";
        let found = check(text);
        assert_eq!(count_in(&found, "Ctsc"), 3, "{found:?}");
    }

    #[test]
    fn a_name_ending_in_a_body_s_noun_is_no_one_s_whatever_its_first_word() {
        // "Royal" is a first name; "force" the singular of "forces". Not a title's "... of Time".
        let found = check("Port row\n\nTom Vance served in the Royal Kelso Air Force during the war.\n");
        assert_eq!(count_in(&found, "Royal Kelso Air Force"), 1, "{found:?}");
    }

    fn count_in(found: &[(String, EntityType)], name: &str) -> usize {
        found.iter().filter(|(n, k)| n == name && *k == EntityType::Organization).count()
    }

    #[test]
    fn names_joined_by_an_ampersand_are_one_firm() {
        // Not a pair of people the article names in full, nor two places.
        let found = check(
            "Firms test\n\nShares in Hale & Kerr fell. Tom Vance and Ana Ruiz spoke. Vance & Ruiz was their show. \
             Trade across North Norvania & South Skarvia grew.\n",
        );
        assert!(found.iter().any(|(n, k)| n == "Hale & Kerr" && *k == EntityType::Organization), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n == "Vance & Ruiz" || n.contains("Norvania &")), "{found:?}");
    }

    #[test]
    fn a_sunday_paper_keeps_its_day() {
        // A day opening a run of names is cut ("Sunday Blair said"), not from a known name.
        let found = check("Paper test\n\nThe firm will sell the quay, the Sunday Telegraph reported. On Sunday Blair said so.\n");
        assert!(found.iter().any(|(n, k)| n == "Sunday Telegraph" && *k == EntityType::Organization), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n.starts_with("Sunday B")), "{found:?}");
    }

    #[test]
    fn disjoint_spans_agree_with_a_scan() {
        let mut state = 7u64;
        for _ in 0..200 {
            let (mut taken, mut kept) = (Disjoint::default(), Vec::<Span>::new());
            for _ in 0..30 {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let start = (state >> 33) as usize % 40;
                let span = Span::new(start, start + (state >> 20) as usize % 6);
                let free = !kept.iter().any(|k| k.overlaps(span));
                assert_eq!(taken.insert(span), free, "{span:?} against {kept:?}");
                if free {
                    kept.push(span);
                }
            }
        }
    }

    #[test]
    fn regression_issue_3_gazetteer_hit_inside_a_token_does_not_recurse() {
        // "UK" inside "CD:UK" once made typing recurse on the same run until the stack overflowed.
        check("Some words here.\nTV presenter Deeley drops CD:UK\n");
    }

    #[test]
    fn regression_issue_17_a_number_token_with_a_wide_letter_does_not_panic() {
        // Found by the property tests: a results-line check sliced "0𝒥" at byte 4.
        check("0𝒥");
        check("0𝒥 1\n2𝒥");
    }

    #[test]
    fn regression_issue_4_a_role_opening_the_text_does_not_panic() {
        let found = check("President Ana Ruiz spoke.\n");
        assert!(has(&found, "Ana Ruiz", EntityType::Person), "{found:?}");
    }

    #[test]
    fn an_organization_noun_before_a_name_makes_it_an_organization() {
        let found = check(
            "The story goes on.\nBudget airline Skylark said fares would fall, and civil rights group Freedom agreed, as did \
             market analysts Quorvo.\n",
        );
        assert!(has(&found, "Quorvo", EntityType::Organization), "{found:?}");
        assert!(has(&found, "Skylark", EntityType::Organization), "{found:?}");
        assert!(has(&found, "Freedom", EntityType::Organization), "{found:?}");
    }

    #[test]
    fn a_player_s_position_before_a_name_is_no_organization_noun() {
        let found = check(
            "Squad news\n\nIn the backs, centre Yannick Jauzion and winger Aurelien Rougerie are back. On the left is wing Jason Robbins.\n",
        );
        assert!(!found.iter().any(|(_, k)| *k == EntityType::Organization), "{found:?}");
    }

    #[test]
    fn an_organization_noun_and_a_comma_before_the_and_a_name_type_it() {
        let found = check("Port news\n\nOutput fell. Shippers' organisation, the KSF, said it expected more cuts.\n");
        assert!(has(&found, "KSF", EntityType::Organization), "{found:?}");
    }

    #[test]
    fn a_first_name_alone_names_the_one_person_it_starts() {
        let found =
            check("The story goes on.\nThe singer Mira Okonkwo and the drummer Tomas Reed played on. Later Mira said the tour was over.\n");
        assert!(has(&found, "Mira", EntityType::Person), "{found:?}");
    }

    #[test]
    fn roles_appositions_and_first_names_type_people() {
        let found = check(
            "The story goes on.\nCommentator Ruslan Gorevoy said so. Denis Maltsev, a senior researcher at the Institute for Studies, agreed.\n",
        );
        assert!(has(&found, "Ruslan Gorevoy", EntityType::Person), "{found:?}");
        assert!(has(&found, "Denis Maltsev", EntityType::Person), "{found:?}");
        assert!(has(&found, "Institute for Studies", EntityType::Organization), "{found:?}");
    }

    #[test]
    fn an_apposition_s_head_noun_types_the_name_before_later_roles() {
        let found = check(
            "The story goes on.\nThe firm also failed to disclose payments to Air Kelvar, an airline owned by Mr Gold and fellow former directors.\n",
        );
        assert!(has(&found, "Air Kelvar", EntityType::Organization), "{found:?}");
    }

    #[test]
    fn a_title_makes_a_person_of_a_place_name() {
        // "Rubio" is also a town in the gazetteer.
        let found = check("The story goes on.\nMr. Rubio said so. Rubio left before noon.\n");
        assert!(has(&found, "Rubio", EntityType::Person), "{found:?}");
        assert!(!has(&found, "Rubio", EntityType::Place), "{found:?}");
    }

    #[test]
    fn a_title_case_headline_with_a_period_names_no_one_by_its_capitals() {
        // Some archives end every title with a period; the title's capitals are still no names.
        let found = check("Mayor Quits Over Harbour Deal After Long Row With Council.\n\nMayor Tomas Ekdal resigned on Monday.\n");
        assert_eq!(found, vec![("Tomas Ekdal".to_string(), EntityType::Person)]);
    }

    #[test]
    fn sentence_starts_and_demonyms_are_not_names() {
        let found = check("The story goes on.\nMany Russian officials spoke in Moscow. Both sides agreed.\n");
        assert_eq!(found, vec![("Moscow".to_string(), EntityType::Place)]);
    }

    #[test]
    fn a_demonym_after_an_honorific_is_a_surname() {
        let found = check("The story goes on.\nPrices rose, said Mr Jain. The Queen of Scots was not named.\n");
        assert!(has(&found, "Jain", EntityType::Person), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n == "Scots"), "{found:?}");
    }

    #[test]
    fn a_person_after_a_country_possessive_is_a_person() {
        // The tagger reads "England's Tom Lowrey" as one span typed by its owner.
        let found = check("A report from the meeting\nEngland's Tom Lowrey has said he was denied a late try.\n");
        assert!(has(&found, "Tom Lowrey", EntityType::Person), "{found:?}");
        assert!(has(&found, "England", EntityType::Place), "{found:?}");
    }

    #[test]
    fn a_surname_repeats_only_for_a_person_still_found() {
        // The rules' person "Hodges Bay Harriers" (a first name and the name's shape) is no
        // person after the tagger, so "Harriers" alone is no surname; "Flint Mayor Karen
        // Weaver" holds a person, whose surname repeats.
        let found = check(
            "Race report\n\nHodges Bay Harriers won the race. The Harriers coach said so. \
             Flint Mayor Karen Weaver said the city needed help. Weaver said so again.\n",
        );
        assert!(!found.iter().any(|(n, k)| n == "Harriers" && *k == EntityType::Person), "{found:?}");
        assert!(has(&found, "Karen Weaver", EntityType::Person), "{found:?}");
        assert_eq!(found.iter().filter(|(n, k)| n == "Weaver" && *k == EntityType::Person).count(), 1, "{found:?}");
    }

    #[test]
    fn a_place_span_over_a_role_and_a_name_holds_a_person() {
        // "Guardian" is a common word (and a paper): a surname after a first name; a role of one
        // word and of two.
        for role in ["Governor", "Attorney General"] {
            let found = check(&format!("Tapes lost\n\nNew Jersey {role} Don Guardian said the city needed help.\n"));
            assert!(has(&found, "Don Guardian", EntityType::Person), "{role}: {found:?}");
            assert!(has(&found, "New Jersey", EntityType::Place), "{role}: {found:?}");
        }
    }

    #[test]
    fn a_party_before_a_first_name_is_no_part_of_the_name() {
        let found = check("Race report\n\nMasai won the race. Tory Dominic Keel watched from the stand.\n");
        assert!(has(&found, "Dominic Keel", EntityType::Person), "{found:?}");
        assert!(!has(&found, "Tory Dominic Keel", EntityType::Person), "{found:?}");
    }

    #[test]
    fn a_party_s_adjective_before_a_role_is_the_party() {
        // "Conservative" is the Conservative Party as "Tory" is ("Conservative leader ...").
        let found = check("Poll report\n\nConservative leader Dominic Keel spoke. The Conservative co-chairman agreed.\n");
        assert_eq!(found.iter().filter(|(n, k)| n == "Conservative" && *k == EntityType::Organization).count(), 2, "{found:?}");
        assert!(has(&found, "Dominic Keel", EntityType::Person), "{found:?}");
    }

    #[test]
    fn an_initial_and_a_surname_in_a_team_sheet_are_a_person() {
        let found = check(
            "Lions squad named\n\nThe squad to face Samoa: C Lathwell (Australia); R Caucava (Fiji), \
             J Fourness (South Africa), B Limma (Samoa).\n",
        );
        assert!(has(&found, "J Fourness", EntityType::Person), "{found:?}");
        assert!(has(&found, "B Limma", EntityType::Person), "{found:?}");
        assert!(has(&found, "South Africa", EntityType::Place), "{found:?}");
    }

    #[test]
    fn a_region_in_lowercase_after_a_word_of_place_is_a_place() {
        let found = check("Trip report\n\nwe drove to kerala last week and then flew to san francisco. He gave up rugby.\n");
        assert!(has(&found, "kerala", EntityType::Place), "{found:?}");
        assert!(has(&found, "san francisco", EntityType::Place), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n == "rugby"), "a town's name as a common word: {found:?}");
    }

    #[test]
    fn nationalities_are_no_people_but_after_an_honorific() {
        let found = check("Border checks\n\nStatistics suggested Roma Czechs were more likely to be stopped. Mr Irish said so.\n");
        assert!(!found.iter().any(|(n, _)| n.contains("Czechs")), "{found:?}");
        assert!(has(&found, "Irish", EntityType::Person), "{found:?}");
    }

    #[test]
    fn a_region_after_a_place_is_a_place() {
        let found = check("Trip report\n\nWe moved to Wichita, KS last year. I met a man from Lyon france.\n");
        assert!(has(&found, "KS", EntityType::Place), "{found:?}");
        assert!(has(&found, "france", EntityType::Place), "{found:?}");
    }

    #[test]
    fn titles_and_storms_name_no_one() {
        let found = check(
            "Storm news\n\nHurricane Mira hit the coast. Mira killed ten people, said Tom Bell, the union's General \
                           Secretary. Mr King and Alan King agreed.\n",
        );
        assert!(!found.iter().any(|(n, _)| n.contains("Mira") || n == "Secretary"), "{found:?}");
        assert!(has(&found, "Tom Bell", EntityType::Person), "{found:?}");
        assert!(has(&found, "King", EntityType::Person), "a title after an honorific is a surname: {found:?}");
        let found = check("Awards night\n\nThe actor won an Oscar in 2001. The Oscars will be handed out in March.\n");
        assert!(!found.iter().any(|(n, _)| n.starts_with("Oscar")), "an award is no one: {found:?}");
    }

    #[test]
    fn a_company_goes_on_to_its_form_and_no_name_opens_with_from() {
        let found = check(
            "Deal news\n\nShares in Kelso Energy rose after Halden Telecom, Inc. bought a stake. The Leith International \
                           Film Festival opened.\nFrom Kelso Harbour Station the ferry leaves at noon.\n",
        );
        assert!(has(&found, "Kelso Energy", EntityType::Organization), "{found:?}");
        assert!(has(&found, "Halden Telecom, Inc.", EntityType::Organization), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n == "Leith International" || n.starts_with("From")), "{found:?}");
        assert!(has(&found, "Kelso Harbour Station", EntityType::Place), "{found:?}");
        let found = check("Deal news\n\nTom Vance sold his stake in Vance Holdings. Orrin Corp said Orrin would bid.\n");
        assert!(has(&found, "Orrin Corp", EntityType::Organization), "{found:?}");
        assert!(has(&found, "Vance Holdings", EntityType::Organization), "{found:?}");
        assert!(has(&found, "Tom Vance", EntityType::Person), "{found:?}");
        let found = check(
            "Rail news\n\nShares in engineering group Bennett rose on Monday. Bennett said profits would recover. Analysts praised Bennett.\n",
        );
        assert!(found.iter().filter(|(n, _)| n == "Bennett").all(|(_, t)| *t == EntityType::Organization), "{found:?}");
    }

    #[test]
    fn a_name_whose_surname_stands_alone_for_a_person_is_the_person() {
        let found = check(
            "Verdict delayed\n\nThe judgement on sprinters Costas Vanteris and Anna Mirelou was postponed. \
             Vanteris, 31, who won the 200m title, faces a ban.\n",
        );
        assert!(has(&found, "Costas Vanteris", EntityType::Person), "{found:?}");
    }

    #[test]
    fn a_name_after_band_is_a_band() {
        let found = check(
            "Gig news\n\nRock band Velvet Harbour played Leith. Velvet Harbour said the tour would go on. The US band \
                           Kestrel 5 joined them, and so did the band\n",
        );
        assert!(has(&found, "Velvet Harbour", EntityType::Organization), "{found:?}");
        assert!(has(&found, "Kestrel 5", EntityType::Organization), "{found:?}");
        assert!(!found.iter().any(|(n, t)| n.contains("Velvet") && *t != EntityType::Organization), "{found:?}");
    }

    #[test]
    fn a_channel_is_its_own_outlet_and_a_tv_station_names_none() {
        let found = check("Quay news\n\nTom Vance told BBC Sport the quay would open. A TV station in Leith showed the DVD on Radio 4.\n");
        assert!(has(&found, "BBC Sport", EntityType::Organization), "{found:?}");
        assert!(has(&found, "Radio 4", EntityType::Organization), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n == "BBC" || n == "TV" || n == "DVD"), "{found:?}");
    }

    #[test]
    fn head_nouns_and_org_possessives() {
        let found = check("The story goes on.\nThe Kavkaz-Uzel portal published a study. IS's Caucasus Province is weak.\n");
        assert!(has(&found, "Kavkaz-Uzel", EntityType::Organization), "{found:?}");
        assert!(has(&found, "Caucasus Province", EntityType::Organization), "{found:?}");
    }

    #[test]
    fn a_firm_noun_before_a_first_name_makes_it_an_organization() {
        let found =
            check("The story goes on.\nA report from investment firm Dalton Reeve values the shares. Music producer Tom Harlow agreed.\n");
        assert!(has(&found, "Dalton Reeve", EntityType::Organization), "{found:?}");
        assert!(has(&found, "Tom Harlow", EntityType::Person), "{found:?}");
    }

    #[test]
    fn a_results_line_sets_a_team_against_another_or_a_row_of_figures() {
        let found = check("Soccer results on Saturday :\nKelso Rovers 2 Harlow Town 1 .\nHalftime 1-0 .\nAttendance 18,500 .\n");
        assert!(has(&found, "Harlow Town", EntityType::Organization), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n == "Halftime" || n == "Attendance"), "labels with one figure: {found:?}");
    }

    #[test]
    fn a_fixture_line_sets_clubs_against_each_other_and_countries_stay_places() {
        let found = check("Cup draw\n\nThe draw was made on Monday.\n\nBlackpool or Harlow Town v Derby\n\nFrance v Wales\n");
        assert!(has(&found, "Blackpool", EntityType::Organization), "{found:?}");
        assert!(has(&found, "Derby", EntityType::Organization), "{found:?}");
        assert!(has(&found, "France", EntityType::Place), "{found:?}");
        assert!(has(&found, "Wales", EntityType::Place), "{found:?}");
    }

    #[test]
    fn facilities_are_places() {
        let found = check("The story goes on.\nTwo detainees held in Harwick Prison were moved to the Kelso Stadium on Monday.\n");
        assert!(has(&found, "Harwick Prison", EntityType::Place), "{found:?}");
        assert!(has(&found, "Kelso Stadium", EntityType::Place), "{found:?}");
    }

    #[test]
    fn datelines_of_several_words_are_places() {
        let found = check("Harbour works delayed .\nSAN FRANCISCO, Dec 5 (Wire) - The port said work would stop.\n");
        assert!(has(&found, "SAN FRANCISCO", EntityType::Place), "{found:?}");
        let found = check("Talks go on .\nNOVYE BRODY , Ruritania 1996-08-22\nThe talks went well, both sides said.\n");
        assert!(has(&found, "NOVYE BRODY", EntityType::Place), "{found:?}");
        // Words in capitals before a parenthesis are no dateline unless they name a known place.
        let found = check("Bond terms .\nLISTING TERMS DENOMS ( K ) 1-10-100 .\n");
        assert!(!found.iter().any(|(n, k)| n.contains("LISTING") && *k == EntityType::Place), "{found:?}");
    }

    #[test]
    fn a_name_spoken_of_as_a_company_is_an_organization() {
        let found = check("The story goes on.\nZentor said sales would recover. A spokesman for Zentor said the plan was sound.\n");
        assert!(has(&found, "Zentor", EntityType::Organization), "{found:?}");
        // Found nowhere else, the context alone names it; a nationality stays none.
        let found = check("The story goes on.\nPeter Novak, a spokesman for Quorvex, said so. Shares in Australian miners fell.\n");
        assert!(has(&found, "Quorvex", EntityType::Organization), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n == "Australian"), "{found:?}");
    }

    #[test]
    fn a_surname_beats_a_town_of_the_same_name() {
        let found = check("The story goes on.\nKrzysztof Baran, who chairs the group, spoke. Later Baran said more.\n");
        assert!(has(&found, "Krzysztof Baran", EntityType::Person), "{found:?}");
        assert!(has(&found, "Baran", EntityType::Person), "{found:?}");
    }
}
