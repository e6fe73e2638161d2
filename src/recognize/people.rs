//! Corrections about people after the learned tagger and the rules have met (`learned`): a name
//! right after a role word, an honorific or a nationality, or before an honour, is a person's,
//! whatever type the tagger gave it, and the nationality is no part of the name. Post-edits: the
//! tagger and its hints are left as trained.

use super::learned::is_layout_rule;
use super::{HONOURS, Recognizer};
use crate::lexicon::EntityType;
use crate::segment::TokenKind;
use crate::text::Span;

/// Short names of parties that news writes before a member's name ("Lib Dem Norman Baker").
const PARTY_WORDS: &[&str] = &[
    "Lib Dem",
    "Lib Dems",
    "Liberal Democrat",
    "Tory",
    "Labour",
    "Conservative",
    "Green",
    "SNP",
    "Plaid",
    "Ukip",
    "UKIP",
    "Republican",
    "Democrat",
    "Democratic",
    "DUP",
];

impl Recognizer<'_> {
    /// "Telecom chief Ben Verwaayen", "deputy leader Baroness Morgan": a name of two or three
    /// capitalized words right after a lowercase role word is a person's, though the tagger,
    /// reading the body before the role, typed it an organization or a place; not a name the
    /// gazetteer knows, nor one holding a head noun or a company's form ("owner Kelso Ferries
    /// Ltd", "partner Harbour Bank").
    pub(super) fn people_after_roles(&mut self) {
        let text = self.text();
        let (seg, lex) = (self.seg, self.lex);
        for m in self.found.iter_mut().filter(|m| m.kind != EntityType::Person && m.known.is_none() && !is_layout_rule(m)) {
            let start = seg.tokens.partition_point(|t| t.span.start < m.span.start);
            let Some(before) = start.checked_sub(1).map(|k| seg.word(k)) else { continue };
            let role = before.starts_with(char::is_lowercase) && lex.role(before).is_some_and(|c| c != crate::lexicon::RoleClass::Title);
            let words: Vec<&str> = m.span.of(text).split_whitespace().collect();
            // Not a common word last ("fund manager Matrix Asset Advisors").
            let name_like = (2..=3).contains(&words.len())
                && !words.last().is_some_and(|w| lex.is_common(&w.to_lowercase()))
                && words.iter().enumerate().all(|(i, w)| {
                    // "Yukos spokesman Mike Lake": a surname that is also a noun of places.
                    let surname = i > 0 && lex.surname_after_first_name(words[i - 1], w);
                    w.starts_with(char::is_uppercase)
                        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\''))
                        && (lex.noun_type(w).is_none() && lex.known(w).is_none() || surname)
                        && !crate::lexicon::is_corporate_form(w)
                });
            if role && name_like && lex.known(m.span.of(text)).is_none() {
                m.kind = EntityType::Person;
            }
        }
    }

    /// "Lib Dem Norman Baker", "Tory Liam Fox": a party's short name before a person's name
    /// (a first name and more) is no part of it: the party is a mention of its own where the
    /// gazetteer knows it, the rest the person. A "person" that is a party and a role or title
    /// ("Tory MP", "Republican Senator") is the party alone.
    pub(super) fn parties_before_people(&mut self) {
        let text = self.text();
        let lex = self.lex;
        let mut parties = Vec::new();
        for m in self.found.iter_mut().filter(|m| matches!(m.kind, EntityType::Person | EntityType::Organization) && !is_layout_rule(m)) {
            let name = m.span.of(text);
            let Some(prefix) =
                PARTY_WORDS.iter().filter(|p| name.strip_prefix(**p).is_some_and(|r| r.starts_with(' '))).max_by_key(|p| p.len())
            else {
                continue;
            };
            let rest: Vec<&str> = name[prefix.len() + 1..].split(' ').collect();
            // A person's name: a first name and more, or, where the mention was typed a person,
            // capitalized words that are no common words ("Tory Liam Fox").
            let named = |w: &&str| w.starts_with(char::is_uppercase) && !lex.is_common(&w.to_lowercase());
            let person = rest.len() >= 2
                && lex.role(rest[0]).is_none()
                && (lex.first_name(rest[0]).is_some() || m.kind == EntityType::Person && rest.iter().all(named));
            // "Conservative MP" the tagger typed a body is the party too (not "Labour Party").
            let role = |w: &&str| lex.role(w).is_some();
            let role_only = m.kind == EntityType::Person && rest.iter().all(|w| role(w) || lex.is_common(&w.to_lowercase()))
                || m.kind == EntityType::Organization && rest.iter().all(role);
            if !person && !role_only {
                continue;
            }
            let party = Span::new(m.span.start, m.span.start + prefix.len());
            parties.push((party, lex.known(prefix)));
            if person {
                m.span = Span::new(party.end + 1, m.span.end);
                m.kind = EntityType::Person;
                m.known = None;
            } else {
                m.span = Span::new(m.span.start, m.span.start);
            }
        }
        self.found.retain(|m| !m.span.is_empty());
        for (span, known) in parties {
            if let Some(known) = known {
                self.push(span, EntityType::Organization, Some(known), 3, "gazetteer");
            }
        }
    }

    /// "including Paul Simon, Madonna and David Bowie": no person's name holds "and", so a
    /// mention of the tagger's that does, with capitalized words before it and a first name and
    /// more after it, is two people.
    pub(super) fn people_joined_by_and(&mut self) {
        let text = self.text();
        let lex = self.lex;
        let capitalized = |s: &str| !s.is_empty() && s.split(' ').all(|w| w.starts_with(char::is_uppercase));
        let mut second = Vec::new();
        for m in self.found.iter_mut().filter(|m| m.kind == EntityType::Person && !is_layout_rule(m)) {
            let name = m.span.of(text);
            let Some(at) = name.find(" and ") else { continue };
            // The second a person's name in full ("England and Wales", "Ballet and Performing
            // Arts" are no people, and no two either).
            let (first, second_name) = (&name[..at], &name[at + 5..]);
            let full = second_name.split(' ').count() >= 2 && second_name.split(' ').next().is_some_and(|w| lex.first_name(w).is_some());
            if !capitalized(first) || !capitalized(second_name) || !full {
                continue;
            }
            second.push((Span::new(m.span.start + at + 5, m.span.end), m.strength, m.rule));
            m.span = Span::new(m.span.start, m.span.start + at);
            m.known = None;
        }
        for (span, strength, rule) in second {
            self.push(span, EntityType::Person, None, strength, rule);
        }
    }

    /// "Mr Chidambaram", "Baroness Scotland": a name right after an honorific names a person,
    /// though the tagger or the gazetteer took it for a place.
    pub(super) fn people_after_honorifics(&mut self) {
        let (seg, lex) = (self.seg, self.lex);
        for m in self.found.iter_mut().filter(|m| m.kind == EntityType::Place && !is_layout_rule(m)) {
            let start = seg.tokens.partition_point(|t| t.span.start < m.span.start);
            let honorific = start
                .checked_sub(1)
                .is_some_and(|k| seg.tokens[k].kind == TokenKind::Word && lex.role(seg.word(k)) == Some(crate::lexicon::RoleClass::Title));
            if honorific {
                m.kind = EntityType::Person;
                m.known = None;
            }
        }
    }

    /// "Guy Mansfield QC warned": a name of two or three words before an honour or a
    /// barrister's letters (not a member's seat: "the Salford MP") is a person's, though the
    /// tagger took it for a body or a place.
    pub(super) fn people_before_honours(&mut self) {
        let text = self.text();
        let (seg, lex) = (self.seg, self.lex);
        for m in self.found.iter_mut().filter(|m| m.kind != EntityType::Person && !is_layout_rule(m)) {
            let after = seg.tokens.partition_point(|t| t.span.start < m.span.end);
            let honour = after < seg.tokens.len() && HONOURS.contains(&seg.word(after));
            let words: Vec<&str> = m.span.of(text).split_whitespace().collect();
            let first_name = words.len() >= 2 && lex.first_name(words[0]).is_some_and(|f| f >= 0.01);
            if honour && first_name && (2..=3).contains(&words.len()) {
                m.kind = EntityType::Person;
                m.known = None;
            }
        }
    }

    /// "American Bershawn Jackson", "Scot Kathy Butler", "British-born Australian Hew Griffiths":
    /// a nationality before a first name and a surname is no part of the person's name (the
    /// tagger read the three words as one). Not a nationality that is a common first name itself
    /// ("Christian", "Hans": `NAME_NATIONALITY`), nor two words ("Christian Slater").
    pub(super) fn people_without_nationality(&mut self) {
        let text = self.text();
        let (seg, lex) = (self.seg, self.lex);
        for m in self.found.iter_mut().filter(|m| m.kind == EntityType::Person && !is_layout_rule(m)) {
            let words: Vec<&str> = m.span.of(text).split_whitespace().collect();
            // A nationality that is a rare first name too ("Dane", "Scot") needs a first name after it.
            let nationality = words.len() >= 3
                && lex.is_demonym(words[0])
                && lex.first_name(words[0]).is_none_or(|f| f < NAME_NATIONALITY && lex.first_name(words[1]).is_some());
            if !nationality {
                continue;
            }
            let first = seg.tokens.partition_point(|t| t.span.start < m.span.start);
            if let Some(next) = seg.tokens.get(first + 1).filter(|t| t.span.start < m.span.end) {
                m.span = Span::new(next.span.start, m.span.end);
            }
        }
    }
}

/// How common (percent of the census) a first name that is also a nationality must be to stay
/// a person's first name before another first name ("Christian" 0.065, "Hans" 0.015; "Dane"
/// 0.012 and "Scot" 0.010 are read as nationalities).
const NAME_NATIONALITY: f32 = 0.015;

#[cfg(test)]
mod tests {
    use crate::lexicon::EntityType;

    #[test]
    fn a_party_s_short_name_before_a_person_is_the_party() {
        // A party and a role alone is the party; "Green Day" is no party and a person.
        let text = "Port news\n\nLib Dem Norman Vance and Tory Oran Tavish spoke. A Tory MP and Green Day did not. A Labour \
                    MP left the Labour Party.\n";
        let mut found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Lib Dem Norman Vance", 0, EntityType::Organization),
                ("Tory Oran Tavish", 0, EntityType::Person),
                ("Tory MP", 0, EntityType::Person),
                ("Green Day", 0, EntityType::Organization),
                ("Labour MP", 0, EntityType::Organization),
                ("Labour Party", 0, EntityType::Organization),
            ],
            |r| r.parties_before_people(),
        );
        found.sort_by_key(|m| m.span.start);
        let names: Vec<(&str, EntityType)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
        use EntityType::{Organization as O, Person as P};
        assert_eq!(
            names,
            [
                ("Lib Dem", O),
                ("Norman Vance", P),
                ("Tory", O),
                ("Oran Tavish", P),
                ("Tory", O),
                ("Green Day", O),
                ("Labour", O),
                ("Labour Party", O)
            ],
            "{found:?}"
        );
    }

    #[test]
    fn a_person_s_name_holds_no_and() {
        let text = "Port news\n\nGuests included Nell Arden, Maddox and Laura Tavish. Marks and Spencer and Dane and Fenwick \
                    did not.\n";
        let mut found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Maddox and Laura Tavish", 0, EntityType::Person),
                ("Marks and Spencer", 0, EntityType::Organization),
                ("Dane and Fenwick", 0, EntityType::Person),
            ],
            |r| r.people_joined_by_and(),
        );
        found.sort_by_key(|m| m.span.start);
        let names: Vec<(&str, EntityType)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
        use EntityType::{Organization as O, Person as P};
        assert_eq!(names, [("Maddox", P), ("Laura Tavish", P), ("Marks and Spencer", O), ("Dane and Fenwick", P)], "{found:?}");
    }

    #[test]
    fn a_name_after_a_lowercase_role_is_a_person_s() {
        // The tagger's organizations after "chief" and "adviser"; a plural or a company's form
        // after a role stays a firm.
        let text = "Port news\n\nAthletics Federation chief Vassilli Sevastis spoke, and fund manager Matrix Asset \
                    Advisors and partner Kelso Ferries Ltd did not.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Athletics Federation", 0, EntityType::Organization),
                ("Vassilli Sevastis", 0, EntityType::Organization),
                ("Matrix Asset Advisors", 0, EntityType::Organization),
                ("Kelso Ferries Ltd", 0, EntityType::Organization),
            ],
            |r| r.people_after_roles(),
        );
        let kinds: Vec<EntityType> = found.iter().map(|m| m.kind).collect();
        use EntityType::{Organization as O, Person as P};
        assert_eq!(kinds, [O, P, O, O], "{found:?}");
    }

    #[test]
    fn a_name_after_an_honorific_or_a_role_is_a_person_s_though_a_place_s_word_ends_it() {
        // "Lake" is a noun of places and a surname; "Chidambaram" a town; "Kelso" stays a place.
        let text = "Port news\n\nMr Chidambaram said fees would rise. Harbour spokesman Mike Lake agreed in Kelso.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[("Chidambaram", 0, EntityType::Place), ("Mike Lake", 0, EntityType::Place), ("Kelso", 0, EntityType::Place)],
            |r| {
                r.people_after_roles();
                r.people_after_honorifics();
            },
        );
        let kinds: Vec<EntityType> = found.iter().map(|m| m.kind).collect();
        use EntityType::{Person as P, Place as L};
        assert_eq!(kinds, [P, P, L], "{found:?}");
    }

    #[test]
    fn a_first_name_and_surname_before_an_honour_are_a_person_s() {
        // Not a seat before a member's letters.
        let text = "Port news\n\nThe chairman, Hugh Tallis QC, warned of risks. The Kelso MP agreed.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[("Hugh Tallis", 0, EntityType::Organization), ("Kelso", 0, EntityType::Place)],
            |r| r.people_before_honours(),
        );
        let kinds: Vec<EntityType> = found.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [EntityType::Person, EntityType::Place], "{found:?}");
    }

    #[test]
    fn a_nationality_before_a_full_name_is_no_part_of_it() {
        let text = "Race\n\nAmerican Tom Reed won. Scot Ana Ruiz was second. Hans Christian Vance watched.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("American Tom Reed", 0, EntityType::Person),
                ("Scot Ana Ruiz", 0, EntityType::Person),
                ("Hans Christian Vance", 0, EntityType::Person),
            ],
            |r| r.people_without_nationality(),
        );
        let names: Vec<&str> = found.iter().map(|m| m.span.of(text)).collect();
        assert_eq!(names, ["Tom Reed", "Ana Ruiz", "Hans Christian Vance"], "{found:?}");
    }
}
