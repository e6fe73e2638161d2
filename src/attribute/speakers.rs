//! Names that speak: a claim's source written as a proper name that recognition did not find
//! ("AOL backed the price cuts but said ...", "Akamai declined to comment") becomes a mention of
//! its own, so that the claim has a source entity. The tagger decides what is a name (every word
//! a proper noun: "Analysts said" names no one); the type is read from the article and the
//! lexicon, since who speaks is a person or an organization.

use super::{Attributor, Claim};
use crate::lexicon::{EntityType, RoleClass};
use crate::recognize::Mention;
use crate::text::{DAYS, MONTHS, Span, SpanIndex};
use std::collections::{HashMap, HashSet};

/// The rule named in the evidence of such a mention.
pub const RULE: &str = "named as a speaker";

/// Lowercase words inside a name ("Lloyds of London", "Ironhorse Oil and Gas", "War on Want").
const NAME_CONNECTORS: &[&str] = &["of", "and", "&", "for", "on"];

/// Parts of speech of a capitalized word that opens a sentence rather than a name ("The",
/// "Despite", "This").
const FUNCTION_OPENERS: &[&str] = &["DET", "ADP", "PRON", "CCONJ", "SCONJ", "ADV", "AUX", "NUM", "PART"];

impl Attributor<'_> {
    /// New mentions for the claims' sources that are names no mention covers; each such claim's
    /// source becomes its new mention, numbered after the recognizer's. The same name spoken
    /// twice gets one mention per place it is written.
    pub(super) fn named_speakers(&self, claims: &mut [Claim]) -> Vec<Mention> {
        let n = self.r.mentions.len();
        let parts = self.person_name_parts();
        let name_ends = self.name_ends();
        let mut speakers: Vec<Mention> = Vec::new();
        let mut by_span: HashMap<Span, usize> = HashMap::new();
        for claim in claims.iter_mut().filter(|c| c.source.is_none()) {
            let Some(span) = claim.source_span else { continue };
            if let Some(&k) = by_span.get(&span) {
                claim.source = Some(n + k);
                continue;
            }
            let Some((name, kind)) = self.speaker_name(span, claim, &parts, &name_ends) else { continue };
            by_span.insert(span, speakers.len());
            claim.source = Some(n + speakers.len());
            speakers.push(Mention { span: name, kind, known: None, strength: 1, rule: RULE });
        }
        self.spokespeople_of_speakers(claims, &speakers);
        let elsewhere = self.speakers_named_elsewhere(&speakers);
        speakers.extend(elsewhere);
        speakers
    }

    /// A name found speaking is that name wherever else the article writes it alone ("Air
    /// Deccan has ordered 30 planes", after "Air Deccan ... wants to lure travellers" made it a
    /// speaker): capitalized as found, overlapping no mention, no capitalized word after it nor
    /// before it but an article or a sentence's start, not in a headline.
    fn speakers_named_elsewhere(&self, speakers: &[Mention]) -> Vec<Mention> {
        let text = self.text();
        let tokens = self.tokens();
        // The names by their first word, each once.
        let mut names: HashMap<&str, Vec<(&str, EntityType)>> = HashMap::new();
        for m in speakers {
            let name = m.span.of(text);
            let first = self.word(self.token_at(m.span.start));
            let list = names.entry(first).or_default();
            if !list.iter().any(|&(n, _)| n == name) {
                list.push((name, m.kind));
            }
        }
        let taken = SpanIndex::of(self.r.mentions.iter().chain(speakers).map(|m| m.span));
        let capitalized = |k: usize| tokens.get(k).is_some_and(|t| t.span.of(text).starts_with(char::is_uppercase));
        let sentences = &self.r.segmented.sentences;
        let mut found = Vec::new();
        for i in 0..tokens.len() {
            let Some(list) = names.get(self.word(i)) else { continue };
            let start = tokens[i].span.start;
            for &(name, kind) in list {
                let span = Span::new(start, start + name.len());
                let end = self.token_at(span.end);
                let whole = text.get(span.start..span.end) == Some(name) && end > i && tokens[end - 1].span.end == span.end;
                if !whole || taken.overlaps(span) || capitalized(end) {
                    continue;
                }
                let sentence = self.r.segmented.sentence_of(i);
                let opening = sentences.get(sentence).is_some_and(|s| s.tokens.start == i);
                let before_ok = i == 0 || opening || !capitalized(i - 1) || matches!(self.word(i - 1), "A" | "An" | "The");
                if before_ok && !self.clause_of(sentence).headline {
                    found.push(Mention { span, kind, known: None, strength: 1, rule: RULE });
                    break;
                }
            }
        }
        found
    }

    /// The words that open or end the names of people of two words or more, joined by spaces
    /// ("Andre", "Agassi" for "Andre Agassi"; "Ines", "Maria Sol", "Sol" for "Ines Maria Sol").
    fn person_name_parts(&self) -> HashSet<String> {
        let mut parts = HashSet::new();
        for m in self.r.mentions.iter().filter(|m| m.kind == EntityType::Person) {
            let words: Vec<&str> = m.span.of(self.text()).split_whitespace().collect();
            for k in 1..words.len() {
                parts.insert(words[..k].join(" "));
                parts.insert(words[k..].join(" "));
            }
        }
        parts
    }

    /// "AOL backed the cuts ... . "...," a spokesman said": a bare spokesperson speaks for the
    /// organization found here as a speaker that made the last claim in this paragraph or the one
    /// before (`spoken_for` does the same for the recognizer's organizations, earlier).
    fn spokespeople_of_speakers(&self, claims: &mut [Claim], speakers: &[Mention]) {
        let n = self.r.mentions.len();
        // The claims' source words in text order, with their sources.
        let mut sources: Vec<(Span, Option<usize>)> = claims.iter().filter_map(|c| c.source_span.map(|s| (s, c.source))).collect();
        sources.sort_by_key(|&(s, _)| s);
        for claim in claims.iter_mut().filter(|c| c.source.is_none()) {
            let Some(span) = claim.source_span else { continue };
            let words: Vec<&str> = span.of(self.text()).split_whitespace().collect();
            if !matches!(words[..], ["a" | "A" | "an" | "An", "spokesman" | "spokeswoman" | "spokesperson"]) {
                continue;
            }
            let from = self.previous_paragraph_start(span.start);
            let before = sources.partition_point(|&(s, _)| s.start < span.start);
            let last = sources[..before].iter().rev().take_while(|&&(s, _)| s.start >= from).find(|&&(s, _)| s.end <= span.start);
            let speaker = last.and_then(|&(_, m)| m).filter(|&m| m >= n && speakers[m - n].kind == EntityType::Organization);
            if speaker.is_some() {
                claim.source = speaker;
            }
        }
    }

    /// The name written at the end of the source words `span` (before a comma: "Munich Re, the
    /// reinsurer"; after a description: "anti-virus lab F-Secure"), with its type, when it is
    /// one: a title and proper nouns, or proper nouns alone, overlapping no recognized mention.
    fn speaker_name(&self, span: Span, claim: &Claim, parts: &HashSet<String>, name_ends: &HashSet<&str>) -> Option<(Span, EntityType)> {
        let (start, end) = (self.token_at(span.start), self.token_at(span.end));
        let end = (start..end).find(|&k| self.word(k) == ",").filter(|&k| k > start).unwrap_or(end);
        let from = start;
        let start = self.name_run(start, end, parts)?;
        if !self.heads_the_source(from, start, end, name_ends) {
            return None;
        }
        let name = Span::new(self.tokens()[start].span.start, self.tokens()[end - 1].span.end);
        // Mentions are sorted and do not overlap: only the first ending after `name` starts can
        // overlap it first.
        let mentions = &self.r.mentions;
        let next = mentions.partition_point(|m| m.span.end <= name.start);
        if mentions.get(next).is_some_and(|m| m.span.start < name.end) {
            return None;
        }
        // In a headline every word is capitalized: capitals tell no name ("Council Member Says").
        let sentence = self.r.segmented.sentences.partition_point(|s| s.tokens.end <= start);
        if sentence < self.r.segmented.sentences.len() && self.clause_of(sentence).headline {
            return None;
        }
        let titled = self.lex.role(self.word(start)).is_some_and(|c| c == RoleClass::Title) && end - start > 1;
        let words = if titled { start + 1..end } else { start..end };
        let capitalized: Vec<usize> = words.clone().filter(|&i| !NAME_CONNECTORS.contains(&self.word(i))).collect();
        // No plural acronym ("MPs"), no demonym last ("British Muslims"; "the Scottish
        // Executive" is a body); one word that is also a common noun or names a role is no name
        // ("Court", "Minister"), unless a person's name in the article ends or starts with it
        // ("Cook" after "Norman Cook"). Checked before the tagger, which may have to parse the
        // sentence.
        let plural_acronym = |w: &str| w.strip_suffix('s').is_some_and(|a| a.len() > 1 && a.chars().all(|c| c.is_ascii_uppercase()));
        let shaped = capitalized.iter().all(|&i| !plural_acronym(self.word(i)))
            && capitalized.last().is_some_and(|&i| !self.lex.is_demonym(self.word(i)));
        let word = self.word(words.start);
        let common = || self.syntax.word_class(word).split('|').any(|t| t == "NOUN") || self.lex.role(word).is_some();
        if !shaped || (words.len() == 1 && common() && !parts.contains(word)) {
            return None;
        }
        // Singular proper nouns to the tagger (a plural one is a group: "Democrats"), or
        // acronyms, which their capitals name whatever the tagger made of an unknown word
        // opening a sentence ("AOL backed ..."), unless the tagger knows the word as another
        // part of speech ("YOU", "THE"). Several capitalized words name something whatever
        // the tagger made of each ("Age Concern says"), unless one names a role ("Trade
        // Secretary").
        let acronym = |w: &str| {
            let class = self.syntax.word_class(w);
            (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()) && (class.is_empty() || class.contains("PROPN"))
        };
        let several = capitalized.len() > 1 && capitalized.iter().all(|&i| self.lex.role(self.word(i)).is_none());
        if !several && !words.clone().all(|i| self.syntax.tag(i) == "PROPN NNP" || acronym(self.word(i))) {
            return None;
        }
        Some((name, self.speaker_kind(words, titled, claim, parts)))
    }

    /// Whether the run of capitalized words `start..end` at the end of source words that begin
    /// at `from` is who speaks: not the object of a verb or of a preposition but "by" ("presents
    /// Stars In Their Eyes", "the director behind JFK"; "a survey by RSA" is RSA's), not a
    /// nationality ("the New Zealander", "the Dutchman") nor a role ("Culture Secretary"), and
    /// one word after an article is no description that another name of the article holds
    /// ("The Institute" after "American Film Institute", "the DJ" beside "DJ Dan Peppe"), for
    /// coreference to resolve.
    fn heads_the_source(&self, from: usize, start: usize, end: usize, name_ends: &HashSet<&str>) -> bool {
        let run = Span::new(self.tokens()[start].span.start, self.tokens()[end - 1].span.end).of(self.text());
        let last = self.word(end - 1);
        if self.lex.is_demonym(run) || run.ends_with("man") || run.ends_with("men") || self.lex.role(last).is_some() {
            return false;
        }
        if start > from {
            let before = self.word(start - 1);
            let object = matches!(self.syntax.upos(start - 1), "VERB" | "NUM") || self.syntax.upos(start - 1) == "ADP" && before != "by";
            if object {
                return false;
            }
        }
        let described = start > from && matches!(self.word(start - 1).to_lowercase().as_str(), "the" | "a" | "an");
        !(end - start == 1 && described && name_ends.contains(run))
    }

    /// The first and last words of the recognized names of several words ("American", "Institute"
    /// of "American Film Institute").
    fn name_ends(&self) -> HashSet<&str> {
        let mut ends = HashSet::new();
        for m in &self.r.mentions {
            let words: Vec<&str> = m.span.of(self.text()).split_whitespace().collect();
            if let [first, .., last] = words[..] {
                ends.insert(first);
                ends.insert(last);
            }
        }
        ends
    }

    /// Where the run of capitalized words that ends at `end` starts, inner connectors included
    /// ("Lloyds of London", "Ironhorse Oil and Gas"), a function word that opens a sentence left
    /// out ("The", "Despite"), a day or month no person's name holds ("on Tuesday", not "Mike
    /// Friday") no part of it; `None` when the word before `end` is not capitalized.
    fn name_run(&self, start: usize, end: usize, parts: &HashSet<String>) -> Option<usize> {
        let calendar = |w: &str| (DAYS.contains(&w) || MONTHS.contains(&w)) && !parts.contains(w);
        let capital = |k: usize| self.word(k).starts_with(char::is_uppercase) && !calendar(self.word(k));
        let mut run = end;
        while run > start
            && (capital(run - 1) || run - 1 > start && NAME_CONNECTORS.contains(&self.word(run - 1)) && capital(run - 2) && run < end)
        {
            run -= 1;
        }
        while run < end && (NAME_CONNECTORS.contains(&self.word(run)) || FUNCTION_OPENERS.contains(&self.syntax.upos(run))) {
            run += 1;
        }
        (run < end).then_some(run)
    }

    /// A person when a title or a relative ("his brother Anil") precedes the name, when its shape
    /// is a surname's ("O'Sullivan", "McGregor"), when a person's name in the article ends or
    /// starts with it ("Agassi" after "Andre Agassi", "Ozzy" after "Ozzy Osbourne"), when it
    /// starts with a first name and goes on, or when the pronouns after it are a person's
    /// ("Federer admitted he was ...", "I" in its own quotation); an organization otherwise
    /// ("Akamai declined to comment, saying it ...", "AOL").
    fn speaker_kind(&self, words: std::ops::Range<usize>, titled: bool, claim: &Claim, parts: &HashSet<String>) -> EntityType {
        let after = words.end;
        // "His brother Anil said": a relative's name.
        let kin = words.start > 0 && KIN.contains(&self.word(words.start - 1).to_lowercase().as_str());
        let name: Vec<&str> = words.map(|i| self.word(i)).collect();
        let part_of_a_person = parts.contains(&name.join(" "));
        let first_name = name.len() > 1 && self.lex.first_name(name[0]).is_some();
        // "O'Sullivan", "McGregor", "MacLean": a surname by its shape.
        let gaelic = name.iter().any(|w| {
            let rest =
                w.strip_prefix("O'").or_else(|| w.strip_prefix("O’")).or_else(|| w.strip_prefix("Mc")).or_else(|| w.strip_prefix("Mac"));
            rest.is_some_and(|r| r.len() > 1 && r.starts_with(char::is_uppercase) && r.chars().all(char::is_alphabetic))
        });
        if titled || kin || gaelic || part_of_a_person || first_name || self.spoken_of_as_person(after, claim) {
            EntityType::Person
        } else {
            EntityType::Organization
        }
    }

    /// Whether a personal pronoun follows a speaker's name in its sentence ("he", "her") before
    /// any "its", or the speaker's own quotation says "I", "me" or "my".
    fn spoken_of_as_person(&self, after: usize, claim: &Claim) -> bool {
        let sentences = &self.r.segmented.sentences;
        let end = sentences.get(sentences.partition_point(|s| s.tokens.end <= after)).map_or(after, |s| s.tokens.end.max(after));
        let pronoun = (after..end)
            .map(|i| self.word(i).to_lowercase())
            .find(|w| matches!(w.as_str(), "he" | "she" | "him" | "his" | "her" | "himself" | "herself" | "its" | "itself"));
        let first_person = claim.direct
            && (self.token_at(claim.content.start)..self.token_at(claim.content.end))
                .any(|i| matches!(self.word(i), "I" | "me" | "my" | "I'm"));
        match pronoun {
            Some(w) => !w.starts_with("it"),
            None => first_person,
        }
    }
}

/// Relatives named before a name ("his brother Anil", "wife Sharon").
const KIN: &[&str] = &[
    "brother",
    "sister",
    "son",
    "daughter",
    "wife",
    "husband",
    "father",
    "mother",
    "cousin",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "grandson",
    "granddaughter",
    "partner",
    "fiancee",
    "fiance",
    "girlfriend",
    "boyfriend",
];

#[cfg(test)]
mod tests {
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::lexicon::EntityType;
    use crate::rdf::Iris;

    /// The entities found only as speakers, with their types.
    fn speakers(text: &str) -> Vec<(String, EntityType)> {
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("speakers.txt", text.to_string()));
        doc.entities.iter().filter(|e| e.evidence.contains(&super::RULE)).map(|e| (e.name.clone(), e.kind)).collect()
    }

    #[test]
    fn a_name_found_speaking_is_that_name_wherever_the_article_writes_it() {
        let text = "Planes ordered\n\nAir Deccan has ordered 30 planes in a big deal.\n\nAir Deccan was set up last year \
                    and wants to lure travellers away from the railways. For its part, Air Deccan plans to grow its fleet. \
                    Air Deccan Express is another firm.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("speakers.txt", text.to_string()));
        let deccan = doc.entities.iter().find(|e| e.name == "Air Deccan").expect("found as a speaker");
        assert_eq!(deccan.kind, EntityType::Organization);
        assert_eq!(deccan.mentions.len(), 3, "not inside a longer name: {:?}", doc.entities);
    }

    #[test]
    fn names_that_speak_are_people_or_organizations() {
        let found = speakers(
            "Quorvex said it would delay the plant. Analysts said the delay would last. Varga admitted she had been \
             nervous. Okonjo said: \"I have never played better.\"",
        );
        assert!(found.contains(&("Quorvex".to_string(), EntityType::Organization)), "{found:?}");
        assert!(found.contains(&("Okonjo".to_string(), EntityType::Person)), "{found:?}");
        assert!(!found.iter().any(|(name, _)| name == "Analysts"), "a common noun names no one: {found:?}");
        let text = "The feud went on. His brother Zorvex, the vice-chairman, said the plan was rushed. McTavish said the quay was safe.";
        let found = speakers(text);
        assert!(found.contains(&("McTavish".to_string(), EntityType::Person)), "a surname's shape: {found:?}");
        // The tagger finds the relative before a role ("vice-chairman" is one), or the rule does.
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("speakers.txt", text.to_string()));
        assert!(doc.entities.iter().any(|e| e.name == "Zorvex" && e.kind == EntityType::Person), "a relative: {:?}", doc.entities);
    }

    #[test]
    fn a_name_after_a_description_or_before_an_apposition_speaks() {
        let found = speakers(
            "Elder Concern says the over-55s are united. Ironhorse Oil and Gas has denied the report. \
             Norvik Re, the largest reinsurer, said its exposure is small. Earlier, anti-virus lab Q-Secure said it had \
             reports. Figures released on Tuesday said sales rose. The Culture Secretary said so. The veteran host \
             who presents Stars In Their Eyes said she was happy. The Dutchman said he was tired. Danish Mutual said \
             its exposure was small.",
        );
        for name in ["Elder Concern", "Ironhorse Oil and Gas", "Norvik Re", "Q-Secure", "Danish Mutual"] {
            assert!(found.contains(&(name.to_string(), EntityType::Organization)), "{name}: {found:?}");
        }
        for name in ["Tuesday", "Culture Secretary", "Stars In Their Eyes", "Dutchman"] {
            assert!(!found.iter().any(|(n, _)| n == name), "{name}: {found:?}");
        }
    }

    #[test]
    fn a_surname_joins_the_person_named_in_full() {
        let doc = Pipeline::new(Iris::default()).run(Source::from_text(
            "s.txt",
            "Tennis star Ines Varga won the final. Later Varga said the crowd had helped her.".to_string(),
        ));
        let varga: Vec<_> = doc.entities.iter().filter(|e| e.name.contains("Varga")).collect();
        assert_eq!(varga.len(), 1, "{varga:?}");
        assert_eq!(varga[0].kind, EntityType::Person);
    }

    #[test]
    fn a_surname_that_is_a_word_speaks_for_the_person_named_in_full() {
        let text = "DJ Norman Cook - aka Fatboy Slim - has said that dance music is not dead.\n\nThe failure of the \
                    albums has been coupled with the closure of clubs. Cook acknowledged that much had changed in the \
                    four years since his last album. \"It felt like home,\" Cook said.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("felt like home")).expect("the claim is found");
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Norman Cook"), "{:?}", doc.entities);
    }
}
