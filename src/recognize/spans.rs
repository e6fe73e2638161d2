//! The learned tagger's spans made mentions: what the tagger marked, with the rules' candidates
//! as its hints, trimmed of titles, possessors, parties and affiliations, and split where a role
//! holder or a described organization stands inside (`Recognizer::learned_mentions`). The passes
//! over the mentions found come after, in `learned`.

use super::learned::known_type;
use super::model::{Hint, NerModel, hints};
use super::{Mention, POSTNOMINALS, Recognizer, settle};
use crate::lexicon::{EntityType, Known};
use crate::segment::TokenKind;
use crate::text::Span;

impl Recognizer<'_> {
    /// The learned tagger's mentions in the body, with the rules' candidates as its hints.
    pub(super) fn learned_mentions(&self, model: &NerModel) -> Vec<Mention> {
        let sentences: Vec<Vec<&str>> = self.seg.sentences.iter().map(|s| s.tokens.clone().map(|i| self.word(i)).collect()).collect();
        let rules = settle(self.found.clone());
        let hints: Vec<Vec<Option<Hint>>> = self
            .seg
            .sentences
            .iter()
            .map(|s| hints(&rules, &self.seg.tokens[s.tokens.clone()].iter().map(|t| t.span).collect::<Vec<_>>()))
            .collect();
        let tagged = model.tag(self.lex, &sentences, &hints);
        let mut learned = Vec::new();
        for (index, (sentence, spans)) in self.seg.sentences.iter().zip(tagged).enumerate() {
            if self.is_headline(index) {
                continue;
            }
            for t in spans {
                let (start, end) = (sentence.tokens.start + t.start, sentence.tokens.start + t.end);
                let start = self.after_possessive(start, end);
                let Some((mut start, end)) = self.trim_learned(start, end, t.kind) else { continue };
                if t.kind == EntityType::Person && start > sentence.tokens.start && self.title_in_name(start - 1, end) {
                    start -= 1;
                }
                let (start, kind) = match self.described_organization(start, end, sentence.tokens.start) {
                    Some(start) => (start, EntityType::Organization),
                    None => (start, t.kind),
                };
                let (end, holder) = self.role_holder(start, end, kind);
                if let Some(person) = holder {
                    learned.push(Mention { span: person, kind: EntityType::Person, known: None, strength: 2, rule: "model:ner" });
                }
                let Some(end) = end else { continue };
                let (end, affiliation) = self.split_affiliation(start, end, kind);
                if let Some(at) = affiliation {
                    // "of France": a known place; else the organization the person is of.
                    let name = at.of(self.text());
                    let acronym = !name.chars().any(char::is_lowercase);
                    let known = self.lex.known(name).filter(|k| matches!(k, Known::Place(_)) && !acronym);
                    let kind = if known.is_some() { EntityType::Place } else { EntityType::Organization };
                    learned.push(Mention { span: at, kind, known, strength: 2, rule: "model:ner" });
                }
                let span = self.span(start, end);
                // A common word opening a sentence or a quotation ("We", "The") is no name.
                let opening_word = end == start + 1 && self.at_start(start, sentence.tokens.start) && self.lex.is_common(self.word(start));
                if opening_word || !self.plausible_name(span) {
                    continue;
                }
                let kind = self
                    .gazetteer_type(span)
                    .or_else(|| self.initial_and_surname(start, end).then_some(EntityType::Person))
                    .unwrap_or(kind);
                // "MP for Henley-on-Thames", "MSP for Lothians": a seat is a place.
                let seat = start >= sentence.tokens.start + 2
                    && self.word(start - 1) == "for"
                    && POSTNOMINALS.contains(&self.word(start - 2).trim_end_matches('s'));
                let kind = if seat && kind == EntityType::Person { EntityType::Place } else { kind };
                let name = span.of(self.text());
                let known = self
                    .lex
                    .known(name)
                    .or_else(|| self.shouted_known(name))
                    .or_else(|| self.lex.known_lowercase(name))
                    .filter(|&k| known_type(k) == kind);
                learned.push(Mention { span, kind, known, strength: 2, rule: "model:ner" });
            }
        }
        learned
    }

    /// The start of a learned span cut after a possessive inside it: in "Chechnya's Ramzan
    /// Kadyrov" and "Russia's Caucasus" the tagger typed the head, after the possessive, on its
    /// own (`NerModel::tag`); the rules type what comes before.
    fn after_possessive(&self, start: usize, end: usize) -> usize {
        (start + 1..end - 1).rev().find(|&k| self.seg.tokens[k].kind == TokenKind::Possessive).map_or(start, |k| k + 1)
    }

    /// A learned span without punctuation or a possessive at its edges ("Charles's"), cut at a
    /// quotation mark, bracket or comma inside it or before an honorific ("Mr", "Ms"), and a
    /// person's name without the titles and roles before it ("Interior Minister Farid Oskanov"),
    /// if anything is left.
    fn trim_learned(&self, mut start: usize, mut end: usize, kind: EntityType) -> Option<(usize, usize)> {
        let edge = |k: usize| matches!(self.seg.tokens[k].kind, TokenKind::Punct | TokenKind::Possessive);
        // A quotation mark, bracket or clause punctuation inside ends the name ('Abu Jahili" (Abu').
        let breaks = |k: usize| {
            self.seg.tokens[k].kind == TokenKind::Punct
                && matches!(self.word(k), "\"" | "“" | "”" | "(" | ")" | "[" | "]" | "," | ";" | ":" | "«" | "»")
        };
        while start < end && edge(start) {
            start += 1;
        }
        if let Some(k) = (start..end).find(|&k| breaks(k)) {
            end = k;
        }
        // An honorific opens a new name ("told the BBC Mr Howard had ...").
        if let Some(k) = (start + 1..end).find(|&k| matches!(self.word(k).trim_end_matches('.'), "Mr" | "Mrs" | "Ms" | "Miss")) {
            end = k;
            // What stood before was a title ("Health Minister Mr Vance"), no name.
            if (start..end).all(|j| self.lex.role(self.word(j).trim_end_matches('.')).is_some()) {
                return None;
            }
        }
        while start < end && edge(start) {
            start += 1;
        }
        // A date in digits after a name is a dateline's ("PARIS 1996-08-22"), not the name's.
        while end > start && (edge(end - 1) || super::is_numeric_date(self.word(end - 1))) {
            end -= 1;
        }
        if kind == EntityType::Person {
            // Letters after a name are no part of it ("Frank Field MP", "Philippe Sands QC").
            while end > start + 1 && POSTNOMINALS.contains(&self.word(end - 1)) {
                end -= 1;
            }
            if let Some(role) = (start..end - 1).rev().find(|&k| self.lex.role(self.word(k).trim_end_matches('.')).is_some()) {
                start = role + 1;
            }
            start = self.after_party_or_nationality(start, end);
        }
        (start < end).then_some((start, end))
    }

    /// The start of a person's name after a party or a nationality the tagger's span opens with,
    /// before a first name and a surname ("Tory Dominic Grieve", "fellow Kenyan Alice Timbilil";
    /// not "Hans Christian Andersen", a first name): no part of the name.
    fn after_party_or_nationality(&self, start: usize, end: usize) -> usize {
        let party = |n: usize| {
            self.lex.known(self.span(start, start + n).of(self.text())).is_some_and(|k| known_type(k) == EntityType::Organization)
        };
        let nationality = self.lex.is_demonym(self.word(start)) && self.lex.first_name(self.word(start)).is_none();
        let opens = |n: usize| party(n) || n == 1 && nationality;
        (1..=2)
            .find(|&n| start + n + 2 <= end && self.lex.first_name(self.word(start + n)).is_some() && opens(n))
            .map_or(start, |n| start + n)
    }

    /// The start of an organization's name that a lowercase organization noun describes just
    /// before it ("investment firm Grant Samuel", "regulator Ofcom", "the budget airline
    /// Flybe"), the tagger's span widened back over capitalized words it left out; `None` when no
    /// such noun stands there, or the name opens with a title or role ("the firm Mr Jones
    /// founded"), is a date ("the paper Monday") or a known place.
    fn described_organization(&self, start: usize, end: usize, first: usize) -> Option<usize> {
        let capitalized = |k: usize| super::capitalized(self.seg, k);
        let mut from = start;
        while from > first && from + 2 > start && capitalized(from - 1) {
            from -= 1;
        }
        let noun = self.word(from.checked_sub(1).filter(|&k| k >= first)?);
        let described = noun.starts_with(char::is_lowercase) && self.lex.describes_organization(noun);
        let opening = self.word(from).trim_end_matches('.');
        // A place keeps its type ("the giant US budget deficit").
        let place = self.lex.known(self.span(from, end).of(self.text())).is_some_and(|k| known_type(k) == EntityType::Place);
        let plain_name = !place && self.lex.role(opening).is_none() && (from..end).all(|k| !super::is_calendar(self.word(k)));
        (described && plain_name).then_some(from)
    }

    /// An organization's or a place's span that runs over a role and a person's name ("Home
    /// Office Minister Ann Widdecombe", "EU Trade Commissioner Peter Mandelson", "Flint Mayor
    /// Karen Weaver"): the name after the role is a person (two words or more, none a common
    /// word or a head noun, but for the words after a first name: not "Association of Chief
    /// Police Officers"), and what stands before the role keeps its type only when it is known
    /// with it or ends in a noun of that type ("Home Office", not "EU Trade"). Returns the end
    /// of what stands before (`None`: nothing) and the person's span.
    fn role_holder(&self, start: usize, end: usize, kind: EntityType) -> (Option<usize>, Option<Span>) {
        if kind == EntityType::Person {
            return (Some(end), None);
        }
        let role = |k: usize| {
            let w = self.word(k);
            w.starts_with(char::is_uppercase) && self.lex.role(w).is_some_and(|c| c != crate::lexicon::RoleClass::Title)
        };
        let name_word = |w: &str| {
            w.starts_with(char::is_uppercase) && self.lex.role(w).is_none() && self.lex.noun_type(w).is_none() && !self.lex.is_common(w)
        };
        let Some(first_role) = (start + 1..end.saturating_sub(2)).find(|&k| role(k)) else { return (Some(end), None) };
        // A role of several words ends at its last ("New York Attorney General Elliot Spitzer").
        let mut r = first_role;
        while r + 3 <= end && role(r + 1) {
            r += 1;
        }
        // After a first name, a surname that is also a word ("Treasury Secretary John Snow",
        // "City Mayor Don Guardian").
        let given = self.lex.first_name(self.word(r + 1)).is_some();
        let surname = |j: usize| {
            let w = self.word(j);
            j > r + 1
                && given
                && w.starts_with(char::is_uppercase)
                && self.lex.role(w).is_none()
                && self.lex.noun_type(w) != Some(EntityType::Organization)
        };
        if !(r + 1..end).all(|j| name_word(self.word(j)) || surname(j)) {
            return (Some(end), None);
        }
        let body = self.span(start, first_role).of(self.text());
        let kept =
            self.lex.known(body).is_some_and(|k| known_type(k) == kind) || self.lex.noun_type(self.word(first_role - 1)) == Some(kind);
        (kept.then_some(first_role), Some(self.span(r + 1, end)))
    }

    /// A person's name cut before "of" and an organization or place ("Paul Miller of Thames
    /// Valley Police", "Mike Powell of Dresdner Kleinwort", "Nicolas Sarkozy of France"): a name
    /// never ends in an organization's head noun, and a full name (a first name and more) does
    /// not go on with "of" (names and their connectors after it); a peer's seat ("Lord Irvine of
    /// Lairg") and a title ("Shaun of the Dead", "Maria Full of Grace": one word before "of", or
    /// a word no surname is) stay whole. Returns
    /// the person's end and the affiliation's span ("the" left out).
    pub(super) fn split_affiliation(&self, start: usize, end: usize, kind: EntityType) -> (usize, Option<Span>) {
        let org_head = self.lex.noun_type(self.word(end - 1)) == Some(EntityType::Organization);
        let of = (start + 1..end.saturating_sub(1)).find(|&k| self.word(k) == "of");
        let surname = |w: &str| !self.lex.is_common(w) || self.lex.surname(w).is_some();
        let named = |w: &str| w.starts_with(char::is_uppercase) || matches!(w, "and" | "&" | "the");
        // "Tom Vance of the Harbour Trust": the affiliation starts after "the".
        let after_the = |k: usize| if k + 2 < end && self.word(k + 1) == "the" { k + 2 } else { k + 1 };
        let full_name = |k: usize| {
            k >= start + 2
                && self.lex.first_name(self.word(start)).is_some()
                && (start..k).all(|j| self.word(j).starts_with(char::is_uppercase))
                && surname(self.word(k - 1))
                && self.word(after_the(k)).starts_with(char::is_uppercase)
                && (k + 1..end).all(|j| named(self.word(j)))
        };
        // "Kazuhiro Takahashi of Daiwa Securities SMBC": a capitalized organization noun after
        // "of" names a body, whatever the first name.
        let body_after = |k: usize| {
            k >= start + 2
                && (k + 1..end).any(|j| {
                    self.word(j).starts_with(char::is_uppercase) && self.lex.noun_type(self.word(j)) == Some(EntityType::Organization)
                })
        };
        match of {
            Some(k) if kind == EntityType::Person && (org_head || full_name(k) || body_after(k)) => (k, Some(self.span(after_the(k), end))),
            _ => (end, None),
        }
    }

    /// Whether the title at `k` belongs to the name that runs to `end`: a royal's ("Prince
    /// Charles", "Queen Rania") before one name, a peer's ("Lord Goldsmith", "Lord Irvine of
    /// Lairg") before a name that is no first name ("Lord Paul Drayson" is Paul Drayson).
    pub(super) fn title_in_name(&self, k: usize, end: usize) -> bool {
        let next = self.word(k + 1);
        let first_name = self.lex.first_name(next).is_some_and(|f| f > 0.01);
        match self.word(k) {
            "Prince" | "Princess" | "King" | "Queen" => end == k + 2,
            "Lord" | "Lady" | "Baroness" | "Baron" => !first_name,
            _ => false,
        }
    }

    /// Whether a learned span can be a name: not a nationality ("North Caucasians"), not a
    /// compound adjective ("Aleppo-based", "Soviet-era"), not lowercase unless a known name is
    /// ("san francisco"), not the plural of an abbreviation ("MPs").
    fn plausible_name(&self, span: Span) -> bool {
        let name = span.of(self.text());
        let compound = name.rsplit_once('-').is_some_and(|(_, last)| last.starts_with(char::is_lowercase));
        let lowercase = name.starts_with(char::is_lowercase) && self.lex.known_lowercase(name).is_none();
        !self.lex.is_demonym(name) && !compound && !lowercase && !super::candidates::is_plural_abbreviation(name)
    }

    /// The gazetteer's entry for a name written in capitals ("NEW YORK", "BONN"), as datelines
    /// and shouted headlines write places: the entry of the name in title case, unless that is a
    /// common name. Words of three letters or fewer alone are acronyms, not shouted names.
    pub(super) fn shouted_known(&self, name: &str) -> Option<Known> {
        let shouted =
            !name.chars().any(char::is_lowercase) && name.split([' ', '-']).any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4);
        let titled = super::title_case(name);
        if !shouted || self.is_common_name(&titled) {
            return None;
        }
        self.lex.known(&titled)
    }

    /// Whether tokens `start..end` are an initial and a surname, as team sheets and results
    /// write people ("C Latham", "J. Yapp", "B O'Driscoll"): one capital letter, then one or
    /// two capitalized words that no gazetteer, head noun or nationality claims ("S Africa",
    /// "W Yorkshire", "Q Magazine", "S Club" stay what they were).
    fn initial_and_surname(&self, start: usize, end: usize) -> bool {
        let initial = self.word(start).trim_end_matches('.');
        let one_letter = initial.len() == 1 && initial.starts_with(|c: char| c.is_ascii_uppercase());
        let surname = |w: &str| {
            w.starts_with(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
                && self.lex.known(w).is_none()
                && self.lex.noun_type(w).is_none()
                && !self.lex.is_demonym(w)
        };
        one_letter && (2..=3).contains(&(end - start)) && (start + 1..end).all(|k| surname(self.word(k)))
    }

    /// The type the gazetteer gives a learned span that is one of its names: an organization of
    /// `organizations.tsv` ("Tory" is the Conservative Party), or a country or continent that
    /// is not also a common name ("Jordan", "Holland", "Chad": at least 0.03% of the census
    /// lists), a place also where it acts or fields a team ("India's rupee", "England beat
    /// Wales"); for a name it lacks, an organization where the last word is an organization's
    /// head noun.
    fn gazetteer_type(&self, span: Span) -> Option<EntityType> {
        let name = span.of(self.text());
        let known = self.lex.known(name);
        if known.is_none() && matches!(self.shouted_known(name), Some(Known::Place(_))) {
            return Some(EntityType::Place);
        }
        let Some(known) = known else {
            // A name the gazetteer lacks that ends in an organization's head noun is one
            // ("Halvard Bay Transit Authority", "Kestrel Valley Police").
            let last = name.rsplit(' ').next().unwrap_or(name);
            return (name.contains(' ') && self.lex.noun_type(last) == Some(EntityType::Organization)).then_some(EntityType::Organization);
        };
        match known {
            Known::Organization(_) => Some(EntityType::Organization),
            Known::Place(p) if !self.is_common_name(name) && matches!(self.lex.places[p].kind.as_str(), "country" | "continent") => {
                Some(EntityType::Place)
            }
            Known::Place(_) => None,
        }
    }

    /// Whether `name` is a common first name or surname: at least 0.03% of the census lists.
    pub(super) fn is_common_name(&self, name: &str) -> bool {
        self.lex.first_name(name).is_some_and(|f| f >= 0.03) || self.lex.surname(name).is_some_and(|f| f >= 0.03)
    }
}
