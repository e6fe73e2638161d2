//! Organizations the article's own words type after the learned tagger (`learned`): a
//! company's legal form or trade after a name ("El Paso Energy", "Daewoo Corp"), a noun that
//! describes organizations before it ("engineering group Jarvis", "investment firm Grant
//! Samuel"). Post-edits: the tagger and its hints are left as trained.

use super::learned::is_layout_rule;
use super::{Mention, Recognizer};
use crate::lexicon::EntityType;
use crate::segment::TokenKind;
use crate::text::{Span, SpanIndex};
use std::collections::{HashMap, HashSet};

impl Recognizer<'_> {
    /// "El Paso Energy", "Enron Investment Partners", "CCNG, Inc.": a name the tagger ended
    /// before the capitalized words of a company's form or trade that follow it in its sentence
    /// (one to three words, all the capitalized words there, the last a form or trade:
    /// `lexicon::is_corporate_form`; "Inc." and its kind also after a comma) is a company's, an organization spanning them all; what was
    /// found inside gives way.
    pub(super) fn companies_by_their_form(&mut self) {
        let tokens = &self.seg.tokens;
        let mut companies: Vec<(usize, Span)> = Vec::new();
        for (i, m) in self.found.iter().enumerate().filter(|(_, m)| !is_layout_rule(m)) {
            let after = tokens.partition_point(|t| t.span.start < m.span.end);
            // A name that ends inside a word ("Gibraltar" of "Gibraltar-based") goes on with none.
            if after == 0 || tokens[after - 1].span.end != m.span.end {
                continue;
            }
            let Some(sentence) = self.seg.sentences.get(self.seg.sentence_of(after - 1)) else { continue };
            let end = sentence.tokens.end;
            let comma = after < end && self.word(after) == ",";
            let capitalized = |j: usize| j < end && tokens[j].kind == TokenKind::Word && self.word(j).starts_with(char::is_uppercase);
            let from = if comma { after + 1 } else { after };
            // The whole run of capitalized words, ending in the form: not "Bangkok International
            // Film Festival" nor "South Africa Finance Minister".
            let run = (from..from + 4).take_while(|&j| capitalized(j)).count();
            if run == 0 || run > 3 {
                continue;
            }
            let w = self.word(from + run - 1);
            // After a comma only a legal form ("CCNG, Inc."), not a trade ("Enron, Energy ...");
            // "Games" ends events' names as often ("Olympic Games"), and "International" after a
            // place ("Sydney International", a tournament).
            let legal = matches!(w.trim_end_matches('.'), "Inc" | "Ltd" | "Corp" | "Co" | "plc" | "PLC" | "Limited" | "LLC");
            let event = w == "Games" || w == "International" && m.kind == EntityType::Place;
            if crate::lexicon::is_corporate_form(w) && !event && (!comma || run == 1 && legal) {
                companies.push((i, m.span.cover(tokens[from + run - 1].span)));
            }
        }
        if companies.is_empty() {
            return;
        }
        let spans = SpanIndex::of(companies.iter().map(|&(_, span)| span));
        for &(i, span) in &companies {
            self.found[i].span = span;
            self.found[i].kind = EntityType::Organization;
        }
        let extended: HashSet<usize> = companies.iter().map(|&(i, _)| i).collect();
        let mut k = 0;
        self.found.retain(|m| {
            let keep = extended.contains(&k) || !spans.contains(m.span);
            k += 1;
            keep
        });
    }

    /// "ISS Inc", "Daewoo Corp", "Vulcan Inc" typed people: a name of several words that ends in
    /// a legal form or one of the trades no person's name ends in (`LEGAL_FORMS`) is an
    /// organization, and so is the name without it standing alone ("Daewoo", "Multiplex" of
    /// "Multiplex Group"), where the tagger typed it a person that no person's full name holds.
    pub(super) fn companies_by_their_legal_form(&mut self) {
        let text = self.text();
        let formed = |m: &Mention| {
            !is_layout_rule(m)
                && m.span
                    .of(text)
                    .rsplit_once(' ')
                    .is_some_and(|(_, last)| LEGAL_FORMS.contains(&last.trim_end_matches('.').to_lowercase().as_str()))
        };
        let company = |m: &Mention| m.kind != EntityType::Organization && formed(m);
        // "Multiplex said" after "Multiplex Group" typed a body: the short name too, unless a
        // person's full name holds it ("Mark Paulsmeier" of "Paulsmeier Group"); a name typed a
        // person gives its short name whatever ("F.H. Faulding Inc").
        let people = super::learned::words_of_full_names(self.found.iter().filter(|m| !formed(m)), text);
        let short: HashSet<&str> = self
            .found
            .iter()
            .filter(|m| formed(m))
            .filter_map(|m| m.span.of(text).rsplit_once(' ').map(|(name, _)| name).filter(|name| company(m) || !people.contains(name)))
            .collect();
        if short.is_empty() {
            return;
        }
        let retyped: Vec<bool> =
            self.found.iter().map(|m| company(m) || m.kind == EntityType::Person && short.contains(m.span.of(text))).collect();
        for (m, retype) in self.found.iter_mut().zip(retyped) {
            if retype {
                m.kind = EntityType::Organization;
            }
        }
    }

    /// "Fabian Society", "Christian Aid", "Terrence Higgins Trust" typed people, "Saffron Walden
    /// Building Society" a place: a name of several words ending in a word that ends only an
    /// institution's name (`INSTITUTION_ENDS`) is an organization; one ending in a venue's
    /// ("Ethel Barrymore Theatre") that the tagger typed a person is a place.
    pub(super) fn institutions_by_their_last_word(&mut self) {
        let text = self.text();
        let last = |m: &Mention| m.span.of(text).rsplit_once(' ').map(|(_, last)| last.to_lowercase());
        for m in self.found.iter_mut().filter(|m| !is_layout_rule(m)) {
            match last(m).as_deref() {
                Some(w) if INSTITUTION_ENDS.contains(&w) => m.kind = EntityType::Organization,
                Some("theatre" | "theater") if m.kind == EntityType::Person => m.kind = EntityType::Place,
                _ => {}
            }
        }
    }

    /// "Amnesty International UK", "eBay UK", "Lycos Europe", "Age Concern England": an
    /// organization's name followed, one space apart, by a country, continent or nation's name is
    /// the national branch's name, one organization (the country gave the source of "Amnesty
    /// International UK also questioned"), where the name is one that branches carry
    /// (`BRANCH_NATIONS`: not "the OSCE Chechnya mission", "a State Department Iraq expert");
    /// not before a verb ("Labour Britain is working", a slogan) nor a town ("IRB Rugby").
    pub(super) fn branches_by_their_country(&mut self) {
        let (text, lex, tokens) = (self.text(), self.lex, &self.seg.tokens);
        let nation =
            |m: &Mention| m.kind == EntityType::Place && BRANCH_NATIONS.contains(&m.span.of(text)) && lex.is_nation_or_region(m.known);
        let mut order: Vec<usize> = (0..self.found.len()).collect();
        order.sort_by_key(|&i| self.found[i].span.start);
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for pair in order.windows(2) {
            let (org, place) = (&self.found[pair[0]], &self.found[pair[1]]);
            let apart = org.span.end + 1 == place.span.start && &text[org.span.end..place.span.start] == " ";
            let after = tokens.partition_point(|t| t.span.start < place.span.end);
            let verb = tokens.get(after).is_some_and(|t| {
                matches!(t.span.of(text), "is" | "was" | "are" | "were" | "has" | "have" | "had" | "will" | "would" | "can")
            });
            if org.kind == EntityType::Organization && !is_layout_rule(org) && apart && nation(place) && !verb {
                merged.push((pair[0], pair[1]));
            }
        }
        let gone: HashSet<usize> = merged.iter().map(|&(_, place)| place).collect();
        for &(org, place) in &merged {
            let end = self.found[place].span.end;
            self.found[org].span = Span::new(self.found[org].span.start, end);
            self.found[org].known = None;
        }
        let mut k = 0;
        self.found.retain(|_| {
            k += 1;
            !gone.contains(&(k - 1))
        });
    }

    /// "engineering group Jarvis", "US mortgage giant Fannie Mae", "US operator Sprint": a name
    /// right after a lowercase noun that describes organizations ("describes" in `nouns.tsv`)
    /// on the same line is the organization's, also where the tagger typed it a person, and so
    /// is the same name typed a person elsewhere in the article ("Jarvis has soared"): the
    /// tagger's surnames outweighed the rules there. A capitalized word or two that the tagger
    /// left between the noun and its mention open the name ("investment firm Grant Samuel",
    /// "carmaker General Motors": it found "Samuel" and "Motors"; [`Recognizer::name_opened_after_noun`]).
    /// A place so described is the body named after it, that mention only, unless a country or
    /// region ("club Parma", "label Zomba"; "economic giant Japan" stays).
    pub(super) fn organizations_after_describing_nouns(&mut self) {
        let text = self.text();
        let ends: HashSet<usize> = self.found.iter().map(|m| m.span.end).collect();
        let opened: Vec<Option<usize>> = self.found.iter().map(|m| self.name_opened_after_noun(m, &ends)).collect();
        // The words each opened name gained, by the words the tagger found ("Samuel": "Grant ").
        let mut gained: HashMap<&str, &str> = HashMap::new();
        for (m, start) in self.found.iter_mut().zip(opened) {
            if let Some(start) = start {
                gained.insert(m.span.of(text), &text[start..m.span.start]);
                m.span = Span::new(start, m.span.end);
                m.known = None;
            }
        }
        // "Grant Samuel said", where the tagger found "Samuel" again: the same words open it.
        for m in self.found.iter_mut().filter(|m| m.kind == EntityType::Person && !is_layout_rule(m)) {
            let opening =
                gained.get(m.span.of(text)).filter(|words| text[..m.span.start].ends_with(**words) && !ends.contains(&(m.span.start - 1)));
            if let Some(words) = opening {
                m.span = Span::new(m.span.start - words.len(), m.span.end);
            }
        }
        let tokens = &self.seg.tokens;
        let described = |m: &Mention| {
            let at = tokens.partition_point(|t| t.span.start < m.span.start);
            at > 0 && {
                let before = tokens[at - 1].span;
                let word = before.of(text);
                before.end + 1 == m.span.start
                    && &text[before.end..m.span.start] == " "
                    && word.starts_with(char::is_lowercase)
                    && self.lex.describes_organization(word)
            }
        };
        let names: HashSet<&str> = self
            .found
            .iter()
            .filter(|m| m.kind != EntityType::Place && !is_layout_rule(m) && described(m))
            .map(|m| m.span.of(text))
            .collect();
        // "broadcaster France Televisions": the place itself only ("in Parma" stays the town).
        let bodies: Vec<bool> = self
            .found
            .iter()
            .map(|m| {
                m.kind == EntityType::Place && !is_layout_rule(m) && described(m) && !self.lex.is_nation_or_region(self.known_place(m))
            })
            .collect();
        for (m, body) in self.found.iter_mut().zip(bodies) {
            if body {
                m.known = None;
            }
            if body || (m.kind == EntityType::Person && !is_layout_rule(m) && names.contains(m.span.of(text))) {
                m.kind = EntityType::Organization;
            }
        }
    }

    /// Where mention `m` would start if the capitalized words right before it (one or two, no
    /// title: "watchdog Sir Philip Mawer" is a person's), after a lowercase noun that describes
    /// organizations, opened it: no mention ends there (`ends`), single spaces apart. The twin of
    /// `spans::described_organization`, which widens the tagger's own spans while they are made
    /// but turns down a name opening with a role word; this one reads every mention after the
    /// rules have run too ("Samuel" repeated by "name repeated", "General Motors", whose
    /// "General" is a role word), so both stay.
    fn name_opened_after_noun(&self, m: &Mention, ends: &HashSet<usize>) -> Option<usize> {
        let (text, tokens) = (self.text(), &self.seg.tokens);
        if m.kind == EntityType::Place || is_layout_rule(m) {
            return None;
        }
        let at = tokens.partition_point(|t| t.span.start < m.span.start);
        if at < 2 {
            return None;
        }
        let capitalized = |k: usize| {
            let word = tokens[k].span.of(text);
            tokens[k].kind == TokenKind::Word
                && word.starts_with(char::is_uppercase)
                && self.lex.role(word) != Some(crate::lexicon::RoleClass::Title)
                && !ends.contains(&tokens[k].span.end)
        };
        let spaced = |k: usize| &text[tokens[k].span.end..tokens[k + 1].span.start] == " ";
        let mut first = at;
        while first > 1 && at - first < 2 && capitalized(first - 1) && spaced(first - 1) {
            first -= 1;
        }
        let noun = tokens[first - 1].span.of(text);
        let described = first < at && spaced(first - 1) && noun.starts_with(char::is_lowercase) && self.lex.describes_organization(noun);
        described.then(|| tokens[first].span.start)
    }
}

/// Words that end only a company's name: legal forms and trades ("ISS Inc", "Daewoo Corp",
/// "Alpha Technologies Group"), not "Service" nor "International", which end other names too.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "ltd",
    "corp",
    "co",
    "plc",
    "llc",
    "limited",
    "group",
    "holdings",
    "corporation",
    "technologies",
    "industries",
    "airlines",
    "airways",
    "pharmaceuticals",
    "communications",
    "securities",
    "partners",
    "breweries",
];

/// Countries, continents and nations whose names end national branches' names ("eBay UK",
/// "Universal Music Germany", "Age Concern England").
const BRANCH_NATIONS: &[&str] = &[
    "UK",
    "US",
    "USA",
    "Europe",
    "Asia",
    "England",
    "Scotland",
    "Wales",
    "Ireland",
    "Germany",
    "France",
    "Italy",
    "Spain",
    "Japan",
    "China",
    "India",
    "Australia",
    "Canada",
];

/// Words that end an institution's name and no person's ("Fabian Society", "Christian Aid",
/// "Halle Orchestra", "Tyson Foods").
const INSTITUTION_ENDS: &[&str] = &["society", "trust", "aid", "orchestra", "foods", "cruises"];

#[cfg(test)]
mod tests {
    use crate::lexicon::EntityType;

    #[test]
    fn a_company_s_name_without_its_form_is_the_company_unless_a_person_s_name_holds_it() {
        let text = "Builders\n\nKelmar Group won the bid. Kelmar said it would hire. Tom Brandt of Brandt Group agreed, \
                    and Brandt smiled.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Kelmar Group", 0, EntityType::Organization),
                ("Kelmar", 30, EntityType::Person),
                ("Tom Brandt", 0, EntityType::Person),
                ("Brandt Group", 0, EntityType::Organization),
                ("Brandt", 100, EntityType::Person),
            ],
            |r| r.companies_by_their_legal_form(),
        );
        let kinds: Vec<(&str, EntityType)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
        use EntityType::{Organization as O, Person as P};
        assert_eq!(kinds, [("Kelmar Group", O), ("Kelmar", O), ("Tom Brandt", P), ("Brandt Group", O), ("Brandt", P)], "{found:?}");
    }

    #[test]
    fn capitalized_words_between_a_describing_noun_and_a_name_open_it() {
        // The tagger found "Samuel" alone, twice; a title opens a person's name, not a firm's.
        let text = "Bid news\n\nA report from investment firm Grant Samuel values the shares. Grant Samuel said so. \
                    The standards watchdog Sir Philip Mawer agreed.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[("Samuel", 0, EntityType::Person), ("Samuel", 70, EntityType::Person), ("Philip Mawer", 0, EntityType::Person)],
            |r| r.organizations_after_describing_nouns(),
        );
        let names: Vec<(&str, EntityType)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
        use EntityType::{Organization as O, Person as P};
        assert_eq!(names, [("Grant Samuel", O), ("Grant Samuel", O), ("Philip Mawer", P)], "{found:?}");
    }

    #[test]
    fn a_place_after_a_describing_noun_is_the_body_named_after_it_unless_a_country() {
        let text = "Transfers\n\nThe striker joined club Parma in May. She said Parma was home. Economic giant Japan \
                    grew, and record label Zomba agreed.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Parma", 0, EntityType::Place),
                ("Parma", 50, EntityType::Place),
                ("Japan", 0, EntityType::Place),
                ("Zomba", 0, EntityType::Place),
            ],
            |r| r.organizations_after_describing_nouns(),
        );
        let kinds: Vec<(&str, EntityType)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
        use EntityType::{Organization as O, Place as L};
        assert_eq!(kinds, [("Parma", O), ("Parma", L), ("Japan", L), ("Zomba", O)], "{found:?}");
        assert!(found[0].known.is_none() && found[3].known.is_none());
    }

    #[test]
    fn a_name_ending_in_an_institution_s_word_is_an_organization() {
        let text = "Charities\n\nThe Fabian Society and Christian Aid agreed with the Saffron Walden Building Society. \
                    They met at the Ethel Barrymore Theatre.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Fabian Society", 0, EntityType::Person),
                ("Christian Aid", 0, EntityType::Person),
                ("Saffron Walden Building Society", 0, EntityType::Place),
                ("Ethel Barrymore Theatre", 0, EntityType::Person),
            ],
            |r| r.institutions_by_their_last_word(),
        );
        let kinds: Vec<(&str, EntityType)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
        use EntityType::{Organization as O, Place as L};
        assert_eq!(
            kinds,
            [("Fabian Society", O), ("Christian Aid", O), ("Saffron Walden Building Society", O), ("Ethel Barrymore Theatre", L)],
            "{found:?}"
        );
    }

    #[test]
    fn an_organization_before_its_country_is_the_national_branch() {
        let text = "Charities\n\nAmnesty International UK questioned the plan. The Labour Britain is working.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Amnesty International", 0, EntityType::Organization),
                ("UK", 0, EntityType::Place),
                ("Labour", 0, EntityType::Organization),
                ("Britain", 0, EntityType::Place),
            ],
            |r| {
                // The gazetteer's reading of the places, as the rules give it.
                for m in r.found.iter_mut().filter(|m| m.kind == EntityType::Place) {
                    m.known = r.lex.known(m.span.of(text));
                }
                r.branches_by_their_country()
            },
        );
        let names: Vec<(&str, EntityType)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
        use EntityType::{Organization as O, Place as L};
        assert_eq!(names, [("Amnesty International UK", O), ("Labour", O), ("Britain", L)], "{found:?}");
    }
}
