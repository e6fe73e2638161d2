//! Places the tagger and the rules left out or cut short: known regions written in lowercase
//! ("we drove to kerala"), a region after a town ("Portland, Oregon"), a town before its state,
//! and what is named after a saint, cut at the possessive ("St David's Shopping Centre"); and
//! towns that speak, which are bodies named after them ("Halifax said").
//! Post-edits after the learned tagger (`learned`), like `corrections`.

use super::learned::{is_layout_rule, titled};
use super::{Mention, Recognizer, one_space_apart};
use crate::lexicon::{EntityType, Known, Lexicon};
use crate::segment::TokenKind;
use crate::text::SpanIndex;

impl Recognizer<'_> {
    /// "Halifax said prices rose", "according to the Halifax", "Jupiter said": a town the
    /// gazetteer knows that speaks is a body named after it (a bank, a firm, a club), unless it
    /// is a country's capital, which speaks for its government ("Berlin said"); and so is that
    /// name wherever the article writes it as a place (one name, one type: `consistent_types`).
    pub(super) fn speaking_towns(&mut self) {
        let (text, lex, tokens) = (self.text(), self.lex, &self.seg.tokens);
        let town = |m: &Mention| m.kind == EntityType::Place && lex.place_kind(m.known) == Some("city") && !lex.is_capital(m.span.of(text));
        let word = |k: usize| tokens.get(k).map_or("", |t| t.span.of(text));
        // Not where a preposition puts the town after who speaks ("the centre in Cardiff said").
        let speaks = |m: &Mention| {
            let (before, after) =
                (tokens.partition_point(|t| t.span.start < m.span.start), tokens.partition_point(|t| t.span.start < m.span.end));
            let to = if before >= 1 && word(before - 1).eq_ignore_ascii_case("the") { before - 1 } else { before };
            // "according to the Halifax."; not "according to Hollywood newspaper Daily Variety".
            let closes = tokens.get(after).is_none_or(|t| t.kind != TokenKind::Word);
            let according = to >= 2 && word(to - 1) == "to" && word(to - 2).eq_ignore_ascii_case("according") && closes;
            let placed = before >= 1 && word(before - 1).starts_with(char::is_lowercase) && word(before - 1) != "and";
            according || !placed && self.speaks_after(after, tokens.len())
        };
        // A town that is a word of someone's name, or after a title, is that person's
        // ("Palaniappan Chidambaram", "Mr Chidambaram said").
        let people = super::learned::words_of_full_names(&self.found, text);
        let bodies: std::collections::HashSet<&str> = self
            .found
            .iter()
            .filter(|m| town(m) && speaks(m) && !people.contains(m.span.of(text)) && !titled(self.seg, lex, m.span))
            .map(|m| m.span.of(text))
            .collect();
        if bodies.is_empty() {
            return;
        }
        for m in self.found.iter_mut().filter(|m| m.kind == EntityType::Place && bodies.contains(m.span.of(text))) {
            m.kind = EntityType::Organization;
            m.known = None;
        }
    }

    /// A saint's name with its possessive opens the name of what it is dedicated to, when
    /// capitalized words after it end in a noun that types a name: "St David's Shopping Centre",
    /// "St Mary's Hospital", "Saint Paul's Cathedral" (the tagger reads "St David" as a person
    /// and the possessive as the end of a name). Whatever was found over those words goes.
    pub(super) fn saints_in_names(&mut self) {
        let tokens = &self.seg.tokens;
        let word = |k: usize| self.word(k);
        let mut named = Vec::new();
        for i in 0..tokens.len().saturating_sub(3) {
            if !matches!(word(i), "St" | "St." | "Saint")
                || !super::capitalized(self.seg, i + 1)
                || !one_space_apart(tokens[i].span, tokens[i + 1].span)
                || tokens[i + 2].kind != TokenKind::Possessive
            {
                continue;
            }
            let mut end = i + 3;
            while end < tokens.len()
                && end < i + 7
                && super::capitalized(self.seg, end)
                && one_space_apart(tokens[end - 1].span, tokens[end].span)
            {
                end += 1;
            }
            let kind = (end > i + 3).then(|| self.lex.noun_type(word(end - 1))).flatten();
            if let Some(kind) = kind.filter(|&k| k != EntityType::Person) {
                named.push((tokens[i].span.cover(tokens[end - 1].span), kind));
            }
        }
        let saints = SpanIndex::of(named.iter().map(|&(span, _)| span));
        self.found.retain(|m| !saints.overlaps(m.span));
        for (span, kind) in named {
            self.push(span, kind, None, 2, "keyword in name");
        }
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

    /// "San Rafael, CA", "Lawrence, KS", "miramar florida", "brittany france": a state, region
    /// or country right after a place in its sentence (a comma between or not), written as a
    /// US postal code or in lowercase as addresses and web text write them, is a place too where
    /// nothing was found (a postal code only after a comma and before punctuation, a number or
    /// the sentence's end: not the club "Graz AK").
    pub(super) fn regions_after_places(&mut self) {
        let found = SpanIndex::of(self.found.iter().map(|m| m.span));
        let tokens = &self.seg.tokens;
        let mut added = Vec::new();
        for m in self.found.iter().filter(|m| m.kind == EntityType::Place && !is_layout_rule(m)) {
            let after = tokens.partition_point(|t| t.span.start < m.span.end);
            let Some(sentence) = self.seg.sentences.get(self.seg.sentence_of(after.saturating_sub(1))) else { continue };
            let end = sentence.tokens.end;
            let k = if after < end && self.word(after) == "," { after + 1 } else { after };
            if k >= end {
                continue;
            }
            let word = self.word(k);
            let postal = k > after
                && US_STATES.contains(&word.to_uppercase().as_str())
                && word.starts_with(char::is_uppercase)
                && (k + 1 == end || tokens[k + 1].kind != TokenKind::Word);
            let words: Vec<&str> = (k..end.min(k + Lexicon::LOWERCASE_NAME_WORDS)).map(|j| self.word(j)).collect();
            let region = |known: &Known| matches!(known, Known::Place(p) if self.lex.places[*p].kind != "city");
            let n =
                if postal { 1 } else { self.lex.lowercase_name_opening(&words).filter(|(_, known)| region(known)).map_or(0, |(n, _)| n) };
            let span = if n > 0 { self.span(k, k + n) } else { continue };
            if !found.overlaps(span) {
                added.push(Mention { span, kind: EntityType::Place, known: None, strength: 2, rule: "region after a place" });
            }
        }
        self.found.extend(added);
    }

    /// "Chillicothe, OH", "Saginaw, Michigan 48604", "in Norfolk, Nebraska from": capitalized
    /// words (up to three, no common or calendar word) right before a comma and a US state, a
    /// country or a first-level region that ends the phrase (punctuation, a number, the
    /// sentence's end or a preposition after it: not "Texas attorney general", "Japan's") are a
    /// place where nothing was found on them, unless a comma before them makes them an item of
    /// a list; a street's name before them is not the place's ("4783 Bay Rd Saginaw, Michigan").
    pub(super) fn places_before_regions(&mut self) {
        let tokens = &self.seg.tokens;
        let found = SpanIndex::of(self.found.iter().map(|m| m.span));
        let mut added = Vec::new();
        for sentence in &self.seg.sentences {
            let (first, end) = (sentence.tokens.start, sentence.tokens.end);
            for c in (first + 1..end).filter(|&c| self.word(c) == "," && tokens[c - 1].span.end == tokens[c].span.start) {
                let Some(after) = self.region_at(c + 1, end) else { continue };
                let closes = after == end
                    || !matches!(tokens[after].kind, TokenKind::Word | TokenKind::Possessive)
                    || REGION_FOLLOWERS.contains(&self.word(after));
                let named = |j: usize| {
                    let word = self.word(j);
                    super::capitalized(self.seg, j) && !self.lex.is_common(word) && !super::is_calendar(word) && !STREETS.contains(&word)
                };
                let next_to = |j: usize| j + 1 == c || super::one_space_apart(tokens[j].span, tokens[j + 1].span);
                let start = (c.saturating_sub(3).max(first)..c).rev().take_while(|&j| named(j) && next_to(j)).last();
                // Not a list's item ("Deacon Blue, Idlewild, Texas, Mogwai").
                let listed = |j: usize| j > first && self.word(j - 1) == ",";
                let Some(span) = start.filter(|&j| closes && !listed(j)).map(|j| self.span(j, c)) else { continue };
                if !found.overlaps(span) {
                    added.push(Mention { span, kind: EntityType::Place, known: None, strength: 2, rule: "place before a region" });
                }
            }
        }
        self.found.extend(added);
    }

    /// Where the US state (its postal code), country or first-level region written from token
    /// `k` ends (up to three capitalized words, the longest; before `end`).
    fn region_at(&self, k: usize, end: usize) -> Option<usize> {
        if k < end && self.word(k).len() == 2 && US_STATES.contains(&self.word(k)) {
            return Some(k + 1);
        }
        let region = |known: Known| matches!(known, Known::Place(p) if matches!(self.lex.places[p].kind.as_str(), "country" | "admin1"));
        let words = (k..end.min(k + 3)).take_while(|&j| super::capitalized(self.seg, j)).count();
        (1..=words).rev().find(|&n| self.lex.known(self.span(k, k + n).of(self.text())).is_some_and(region)).map(|n| k + n)
    }
}

/// The US states' and the District of Columbia's postal codes ("Lawrence, KS").
const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA",
    "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX",
    "UT", "VT", "VA", "WA", "WV", "WI", "WY",
];

/// Words that may follow a region ending a place's address ("in Norfolk, Nebraska from the age
/// of eight", "the Chillicothe, OH area").
const REGION_FOLLOWERS: &[&str] =
    &["in", "on", "at", "from", "to", "for", "and", "or", "near", "where", "which", "area", "until", "last", "this"];

/// Words that end a street's name in an address.
const STREETS: &[&str] = &["Rd", "Road", "St", "Street", "Ave", "Avenue", "Blvd", "Boulevard", "Lane", "Drive", "Way", "Sts"];

/// Words before a place written in lowercase ("in kerala", "to san francisco").
const PLACE_BEFORE: &[&str] = &["in", "to", "from", "near", "at", "around", "across", "outside", "visit", "visited", "visiting", "via"];

#[cfg(test)]
mod tests {
    use crate::lexicon::EntityType;

    #[test]
    fn a_saint_s_possessive_opens_the_name_of_what_is_dedicated_to_them() {
        // Not a saint's possessive before lowercase words, nor a plain place's possessive.
        let text = "Busy day\n\nShoppers packed St Brigid's Shopping Centre in Kelso. St Oran's choir sang. \
                    Kelso's Harbour Centre was shut.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("St Brigid", 0, EntityType::Person),
                ("Shopping Centre", 0, EntityType::Organization),
                ("St Oran", 0, EntityType::Person),
                ("Kelso", 80, EntityType::Place),
                ("Harbour Centre", 0, EntityType::Organization),
            ],
            |r| r.saints_in_names(),
        );
        let names: Vec<(&str, EntityType)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
        assert!(names.contains(&("St Brigid's Shopping Centre", EntityType::Organization)), "{names:?}");
        assert!(names.contains(&("St Oran", EntityType::Person)), "{names:?}");
        assert!(names.contains(&("Kelso", EntityType::Place)), "{names:?}");
        assert!(names.contains(&("Harbour Centre", EntityType::Organization)), "{names:?}");
        assert_eq!(names.len(), 4, "{names:?}");
    }

    #[test]
    fn a_town_before_its_state_is_a_place() {
        let found = crate::recognize::learned::tests::check(
            "We moved from Ostfield, KS to Harwick Vale, Nebraska. His Dunmore, Tennessee, home was sold.\n",
        );
        for town in ["Ostfield", "Harwick Vale", "Dunmore"] {
            assert!(found.iter().any(|(n, k, _)| n == town && *k == EntityType::Place), "{town}: {found:?}");
        }
        let found = crate::recognize::learned::tests::check("Bands included Deacon Vale, Idlewood, Texas and Moss.\n");
        assert!(found.iter().all(|(n, _, _)| n != "Idlewood"), "a list's item: {found:?}");
    }

    #[test]
    fn a_town_that_speaks_is_a_body_unless_a_capital() {
        let text = "House prices\n\nPrices rose, according to the Halifax. Halifax said prices fell. \
                    Leeds said the deal was off. Berlin said it would reply. A spokeswoman in Bristol said so.\n";
        let found = crate::recognize::learned::tests::check(text);
        let kinds: Vec<(&str, EntityType)> = found.iter().map(|(n, k, _)| (n.as_str(), *k)).collect();
        use EntityType::{Organization as O, Place as L};
        assert_eq!(kinds, [("Halifax", O), ("Halifax", O), ("Leeds", O), ("Berlin", L), ("Bristol", L)], "{found:?}");
    }
}
