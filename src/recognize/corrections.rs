//! Corrections after the learned tagger and the rules have met (`learned`): what they found
//! that names no one ("Roma Czechs" as a person, "TV" of "TV station", "Awards" repeated as a
//! surname), and the known regions web text writes in lowercase ("to kerala"). Post-edits:
//! the tagger and its hints are left as trained.

use super::learned::{is_layout_rule, titled};
use super::{Mention, Recognizer};
use crate::lexicon::{EntityType, Known, Lexicon};
use crate::text::SpanIndex;
use std::collections::HashSet;

impl Recognizer<'_> {
    /// Nationality, ethnic and religious words are no person ("Iraqis", "the Shiite", "Roma
    /// Czechs", "Irish" as the tagger may read them), unless after an honorific ("Mr Jain").
    pub(super) fn no_people_by_nationality(&mut self) {
        let text = self.text();
        let (seg, lex) = (self.seg, self.lex);
        self.found.retain(|m| {
            let words = m.span.of(text).split_whitespace().filter(|w| !w.eq_ignore_ascii_case("the"));
            let nationality = m.kind == EntityType::Person && words.clone().count() > 0 && words.clone().all(|w| lex.is_demonym(w));
            !nationality || is_layout_rule(m) || titled(seg, lex, m.span)
        });
    }

    /// A name of several words that ends in a plural common noun and opens with no first name
    /// is a group's ("Beastie Boys", "Argonaut Games", "Red Brigades", "Omni Consumer Products"),
    /// not a person's, as the tagger may read it; a frequent surname ("Tiger Woods", "Tony
    /// Banks"), an initial or a title before it ("Mr Sands") keep the person. The name's
    /// opening words standing alone ("Argonaut") name the group too.
    pub(super) fn groups_named_by_plurals(&mut self) {
        let text = self.text();
        let (seg, lex) = (self.seg, self.lex);
        let group = |m: &Mention| {
            m.kind == EntityType::Person && !is_layout_rule(m) && is_group_name(lex, m.span.of(text)) && !titled(seg, lex, m.span)
        };
        let groups: Vec<&str> = self.found.iter().filter(|m| group(m)).map(|m| m.span.of(text)).collect();
        if groups.is_empty() {
            return;
        }
        let opens_group =
            |name: &str| groups.iter().any(|g| g.len() > name.len() && g.starts_with(name) && g[name.len()..].starts_with(' '));
        let retyped: Vec<bool> =
            self.found.iter().map(|m| group(m) || m.kind == EntityType::Person && opens_group(m.span.of(text))).collect();
        for (m, retype) in self.found.iter_mut().zip(retyped) {
            if retype {
                m.kind = EntityType::Organization;
            }
        }
    }

    /// An acronym of a thing names no one ("TV station", "a DVD", "PC makers"): a mention that is
    /// one of `COMMON_ACRONYMS` alone goes.
    pub(super) fn no_common_acronyms(&mut self) {
        let text = self.text();
        self.found.retain(|m| !COMMON_ACRONYMS.contains(&m.span.of(text)) || is_layout_rule(m));
    }

    /// Known places written in lowercase after a word of place, as web text writes them ("we
    /// drove to kerala", "in san francisco"), where nothing was found: the lexicon keeps only
    /// names that are no common word nor a word the tagger knows in another part of speech
    /// ("turkey", "bath"), the longest of up to four words; the word before and, for one word,
    /// a country or region rather than a town keep "lira", "rugby" and "bury" out.
    pub(super) fn lowercase_known_places(&mut self) {
        let found = SpanIndex::of(self.found.iter().map(|m| m.span));
        let mut added = Vec::new();
        for (index, sentence) in self.seg.sentences.iter().enumerate() {
            if self.is_headline(index) {
                continue;
            }
            let start = sentence.tokens.start;
            let words: Vec<&str> = sentence.tokens.clone().map(|k| self.word(k)).collect();
            let mut j = 0;
            while j < words.len() {
                let Some((n, known)) = self.lex.lowercase_name_opening(&words[j..]) else {
                    j += 1;
                    continue;
                };
                let span = self.span(start + j, start + j + n);
                let located = j > 0 && PLACE_BEFORE.contains(&words[j - 1].to_lowercase().as_str());
                // One word names a country or region, not a town ("rugby", "bury").
                let region = n > 1 && words[j] != "the" || matches!(known, Known::Place(p) if self.lex.places[p].kind != "city");
                if located && region && !found.overlaps(span) {
                    added.push(Mention { span, kind: EntityType::Place, known: Some(known), strength: 2, rule: "lowercase known place" });
                }
                j += n;
            }
        }
        self.found.extend(added);
    }

    /// The rules repeat the last word of every person they found in full ("Davis Cup", "Academy
    /// Awards", typed by a first name or the name's shape), before the tagger has had its say: a
    /// repeated surname stays only where a name of several words ending in it is still found
    /// that is a person's or opens with a first name or an initial ("Thomas Gravesen", "G
    /// Easterby" whatever the tagger typed it), not "Cup" of "Davis Cup" nor "Awards" alone.
    pub(super) fn surnames_of_people_found(&mut self) {
        let text = self.text();
        let mut surnames: HashSet<&str> = HashSet::new();
        for m in self.found.iter().filter(|m| !is_layout_rule(m)) {
            let words: Vec<&str> = m.span.of(text).split_whitespace().collect();
            let [first, .., last] = words[..] else { continue };
            let initial = first.trim_end_matches('.').chars().count() == 1 && first.starts_with(char::is_uppercase);
            if m.kind == EntityType::Person || initial || self.lex.first_name(first).is_some() {
                surnames.insert(last);
            }
        }
        self.found.retain(|m| {
            let word = m.span.of(text);
            m.rule != "surname of a person named earlier" || m.kind != EntityType::Person || word.contains(' ') || surnames.contains(word)
        });
    }
}

/// Whether `name` (several words) ends in a plural common noun and opens with no first name or
/// initial, its last word no frequent surname (`groups_named_by_plurals`).
fn is_group_name(lex: &Lexicon, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let [first, .., last] = words[..] else { return false };
    let lower = last.to_lowercase();
    let plural = last.starts_with(char::is_uppercase) && lower.ends_with('s') && !lower.ends_with("ss") && lex.is_common(&lower);
    let personal = lex.first_name(first).is_some()
        || first.trim_end_matches('.').chars().count() == 1
        || lex.surname(last).is_some_and(|f| f >= 0.002);
    plural && !personal
}

/// Acronyms of things, written in capitals like names ("TV channel", "DVD sales").
const COMMON_ACRONYMS: &[&str] =
    &["TV", "TVs", "PC", "PCs", "DVD", "DVDs", "CD", "CDs", "MP3", "SMS", "GPS", "LCD", "VCR", "PDA", "PDAs", "HDTV", "DNA"];

/// Words before a place written in lowercase ("in kerala", "to san francisco").
const PLACE_BEFORE: &[&str] = &["in", "to", "from", "near", "at", "around", "across", "outside", "visit", "visited", "visiting", "via"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_ending_in_plural_nouns_are_groups_unless_a_persons() {
        let lex = Lexicon::embedded();
        for group in ["Beastie Boys", "Argonaut Games", "Omni Consumer Products"] {
            assert!(is_group_name(&lex, group), "{group}");
        }
        // A first name, an initial, a frequent surname, one word.
        for person in ["Tony Banks", "G Products", "Kelso Woods", "Boys"] {
            assert!(!is_group_name(&lex, person), "{person}");
        }
    }
}
