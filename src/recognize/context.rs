//! The evidence around a candidate: a head noun inside it, a role, an owner or an organization noun
//! before it, the preposition or verb around it ("shares in", "said").

use super::*;

/// A type from context, with its strength and the rule that gave it; `None`: none.
pub(super) type Typed = Option<(EntityType, u8, &'static str)>;

/// A candidate name (tokens `start` to `end`) in its sentence (tokens `first` to `last`).
struct Candidate<'w> {
    start: usize,
    end: usize,
    first: usize,
    last: usize,
    words: Vec<&'w str>,
}

impl<'a> Recognizer<'a> {
    /// The entity type that a keyword inside the name gives: the last token if it is a head
    /// noun, else the noun before the first "of"/"for" ("Institute for Strategic Studies").
    pub(super) fn head_keyword(&self, start: usize, end: usize) -> Option<EntityType> {
        if end - start < 2 {
            return None;
        }
        let capitalized = |t: usize| self.word(t).starts_with(char::is_uppercase);
        if capitalized(end - 1) {
            if let Some(kind) = self.lex.noun_type(self.word(end - 1)) {
                return Some(kind);
            }
        }
        let connector = (start..end).find(|&t| matches!(self.word(t), "of" | "for"))?;
        (start..connector).rev().find_map(|t| if capitalized(t) { self.lex.noun_type(self.word(t)) } else { None })
    }

    /// Keeps the role words right before the person at `start` ("union chair Ewa Sobczak"), with
    /// the words that make the role another one ("shadow chancellor Ana Ruiz").
    pub(super) fn note_role(&mut self, start: usize, first: usize, person: Span) {
        let mut role_start = start;
        while role_start > first
            && (self.lex.role(self.word(role_start - 1)).is_some_and(|c| c != RoleClass::Title)
                || role_start < start && crate::lexicon::ROLE_MODIFIERS.contains(&self.word(role_start - 1)))
        {
            role_start -= 1;
        }
        if role_start < start {
            let role = self.span(role_start, start);
            self.roles.push((person, role));
        }
    }

    /// The type of the known name that owns the run through a possessive ("IS's ...").
    pub(super) fn owner_kind(&self, start: usize) -> Option<EntityType> {
        if start < 2 || self.seg.tokens[start - 1].kind != TokenKind::Possessive {
            return None;
        }
        match self.lex.known(self.word(start - 2))? {
            Known::Organization(_) => Some(EntityType::Organization),
            Known::Place(_) => Some(EntityType::Place),
        }
    }

    /// Types an unknown run by what surrounds it.
    /// A lowercase organization noun right before the name: "budget airline Ryanair", "civil
    /// rights group Liberty", or a trade in the plural before one name: "Telecoms analysts Ovum",
    /// "pollsters Populus"; not "the office I", "office EB", nor a person's name after a noun
    /// that is also a position or a trade ("Newcastle centre Mathew Tait", "comic Cyril Fletcher").
    fn organization_noun_before(&self, start: usize, first: usize, words: &[&str]) -> bool {
        if start <= first || !self.word(start - 1).starts_with(char::is_lowercase) {
            return false;
        }
        let long = words.len() > 1 || words[0].chars().count() > 2;
        let person = words.len() >= 2 && !self.is_acronym(start, start + 1) && self.lex.first_name(words[0]).is_some_and(|f| f >= 0.002);
        let trade = words.len() == 1 && matches!(self.word(start - 1), "analysts" | "consultants" | "pollsters" | "brokers");
        // "centre Yannick Jauzion", "wing Jason Robinson": a player's position, before a name of
        // several words that ends in no organization's head noun.
        let position = matches!(self.word(start - 1), "centre" | "center" | "wing" | "guard")
            && words.len() >= 2
            && words.last().is_some_and(|w| self.lex.noun_type(w).is_none());
        long && !person && !position && (trade || self.lex.noun_type(self.word(start - 1)) == Some(EntityType::Organization))
    }

    /// The type a candidate's context gives it, with the strength and the rule, checked in order:
    /// a word opening a sentence, the words before the name, the words after it, the name itself,
    /// what it is "of", and last its shape. `None`: the context says nothing.
    pub(super) fn context_type(&self, start: usize, end: usize) -> Typed {
        let sentence = &self.seg.sentences[self.seg.sentence_of(start)];
        let c = Candidate {
            start,
            end,
            first: sentence.tokens.start,
            last: sentence.tokens.end,
            words: (start..end).map(|t| self.word(t)).collect(),
        };
        if c.words.len() == 1 && is_calendar(c.words[0]) {
            return None;
        }
        if let Some(decided) = self.sentence_opening(&c) {
            return decided;
        }
        if let Some(typed) = self.before_name(&c).or_else(|| self.after_name(&c)) {
            return Some(typed);
        }
        if let Some(decided) = self.name_itself(&c) {
            return decided;
        }
        if let Some(typed) = self.of_name(&c) {
            return Some(typed);
        }
        self.last_resort(&c)
    }

    /// Whether a lowercase speech verb follows token `end` ("Okafor said").
    fn followed_by_cue(&self, end: usize) -> bool {
        end < self.seg.tokens.len() && self.lex.cue(self.word(end)).is_some() && self.word(end).starts_with(char::is_lowercase)
    }

    /// A single capitalized word opening a sentence or quotation says nothing, but a speech verb
    /// after a known surname, or a first name that is no common word before a verb ("Charles ceded
    /// Alsace"), make a person. `Some` when the candidate is such a word (decided), `None` else.
    fn sentence_opening(&self, c: &Candidate<'_>) -> Option<Typed> {
        let (start, end) = (c.start, c.end);
        let sentence_start = start == c.first || matches!(self.word(start - 1), "“" | "\"" | "''" | "‘" | ":" | "—" | "–" | "--");
        if c.words.len() != 1 || !sentence_start || self.is_acronym(start, end) {
            return None;
        }
        let word = c.words[0];
        let speaker = self.followed_by_cue(end) && self.lex.surname(word).is_some() && !self.lex.is_common(word);
        let named = self.lex.first_name(word).is_some_and(|f| f >= 0.01)
            && !self.lex.is_common(word)
            && end < c.last
            && self.word(end).chars().all(char::is_lowercase)
            && !self.lex.is_common(&word.to_lowercase());
        if speaker {
            return Some(Some((EntityType::Person, 1, "speaker before speech verb")));
        }
        Some(named.then_some((EntityType::Person, 1, "first name opening a sentence")))
    }

    /// The words before the name: a noun and a comma ("its leader, Abu Bakr al-Baghdadi", "the
    /// group's North Caucasus affiliate, Wilayat al-Qawqaz", "the manufacturers' organisation,
    /// the EEF"), a lowercase role word ("commentator
    /// Ruslan Gorevoy"), an organization noun.
    fn before_name(&self, c: &Candidate<'_>) -> Option<(EntityType, u8, &'static str)> {
        let (start, end, first, last) = (c.start, c.end, c.first, c.last);
        let closes =
            end >= last || matches!(self.word(end), "," | "." | ")" | "(" | ";" | ":" | "and" | "who" | "which" | "”" | "\"" | "''");
        // The comma before the name, or before "the" and the name ("Manufacturers' organisation,
        // the EEF, said").
        let comma = match self.word(start.saturating_sub(1)) {
            "," => Some(start - 1),
            "the" if start >= first + 3 && self.word(start - 2) == "," => Some(start - 2),
            _ => None,
        };
        if let Some(comma) = comma.filter(|&k| k > first && closes) {
            let noun = self.word(comma - 1);
            if noun.starts_with(char::is_lowercase) {
                if self.lex.role(noun).is_some_and(|c| c != RoleClass::Title) {
                    return Some((EntityType::Person, 2, "apposition role"));
                }
                if let Some(kind) = self.lex.noun_type(noun).filter(|k| *k != EntityType::Place) {
                    return Some((kind, 2, "apposition noun"));
                }
            }
        }
        if start > first && self.lex.role(self.word(start - 1)).is_some_and(|class| class != RoleClass::Title || c.words.len() > 1) {
            return Some((EntityType::Person, 2, "role before name"));
        }
        if self.organization_noun_before(start, first, &c.words) {
            return Some((EntityType::Organization, 2, "organization noun before name"));
        }
        None
    }

    /// The words after the name: a head noun ("the Kurdistan-24 news agency", "the Magaramkentsky
    /// district"), ", who" (said of people: "Krzysztof Baran, who chairs the LHA"), an apposition
    /// ("Denis Maltsev, a senior researcher at ...").
    fn after_name(&self, c: &Candidate<'_>) -> Option<(EntityType, u8, &'static str)> {
        let (end, last, words) = (c.end, c.last, &c.words);
        for t in end..(end + 2).min(last) {
            let w = self.word(t);
            if !w.starts_with(char::is_lowercase) {
                break;
            }
            // "the Varnholm ferries" are ferries of a place, not a body named by both words.
            let plural = w.ends_with('s') && !w.ends_with("ss") && !matches!(w, "news" | "economics");
            if let Some(kind) = self.lex.noun_type(w).filter(|_| !plural) {
                if kind != EntityType::Place || words.len() == 1 {
                    return Some((kind, 2, "head noun after name"));
                }
            }
        }
        if end + 1 < last && self.word(end) == "," && self.word(end + 1) == "who" && self.lex.first_name(words[0]).is_none_or(|f| f > 0.0) {
            return Some((EntityType::Person, 2, "relative who"));
        }
        if end + 1 < last && self.word(end) == "," && matches!(self.word(end + 1), "a" | "an" | "the" | "its" | "his" | "her") {
            return self.apposition_after(end, last);
        }
        None
    }

    /// The role or noun heading an apposition that opens at token `end + 2` ("Denis Maltsev, a
    /// senior researcher at ..."); an owner before the head ("the country's health minister") is not
    /// the head.
    fn apposition_after(&self, end: usize, last: usize) -> Option<(EntityType, u8, &'static str)> {
        let mut noun = None;
        for t in end + 2..(end + 9).min(last) {
            let w = self.word(t);
            if matches!(w, "," | "." | ";" | "which" | "that" | "at" | "of" | "in" | "for" | "with") {
                break;
            }
            // "Air Vell, an airline owned by former directors": the head noun's phrase ends
            // before a participle or a conjunction.
            if noun.is_some() && (w.ends_with("ed") || matches!(w, "by" | "and" | "or" | "who" | "from")) {
                break;
            }
            let owner = self.seg.tokens.get(t + 1).is_some_and(|n| n.kind == TokenKind::Possessive);
            if owner || self.seg.tokens[t].kind == TokenKind::Possessive || !w.starts_with(char::is_lowercase) {
                continue;
            }
            if self.lex.role(w).is_some() {
                return Some((EntityType::Person, 2, "apposition role"));
            }
            noun = noun.or(self.lex.noun_type(w));
        }
        noun.map(|kind| (kind, 2, "apposition noun"))
    }

    /// The name's own words: initials alone ("A. N.") name nobody the graph can know; a first name
    /// or an abbreviated title opening several words, a name particle ("bin", "al-"), an acronym
    /// (a body; one that speaks, "the TUC has said", strongly, but not a title after a name: "Guy
    /// Lund QC said"). `Some` when decided.
    fn name_itself(&self, c: &Candidate<'_>) -> Option<Typed> {
        let (start, end, first, words) = (c.start, c.end, c.first, &c.words);
        if words.iter().all(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2) {
            return Some(None);
        }
        // "Royal Canadian Air Force": a name of three words or more ending in a body's noun (or
        // the singular of one, "forces") is a body's, whatever its first word.
        let last = words[words.len() - 1].to_lowercase();
        let body_noun = |w: &str| self.lex.noun_type(w) == Some(EntityType::Organization);
        // (Not a title's "... of Time": "times" is a body's noun.)
        let singular = || !words.iter().any(|w| w.eq_ignore_ascii_case("of")) && body_noun(&format!("{last}s"));
        let body = words.len() >= 3 && (body_noun(&last) || singular());
        if body {
            return Some(Some((EntityType::Organization, 2, "keyword in name")));
        }
        let first_name = self.lex.first_name(words[0]).is_some_and(|f| f >= 0.002) && !self.lex.is_common(words[0]);
        if words.len() >= 2 && (first_name || self.word(start).ends_with('.') && words[0].len() <= 3) {
            return Some(Some((EntityType::Person, 2, "first name")));
        }
        let lower0 = words[0].to_lowercase();
        if words.len() >= 2 && (PARTICLES.contains(&lower0.as_str()) || words.iter().any(|w| w.contains("al-") || w.contains("bin-"))) {
            return Some(Some((EntityType::Person, 1, "name particle")));
        }
        if !self.is_acronym(start, end) {
            return None;
        }
        let capitalized = |k: usize| self.word(k).starts_with(char::is_uppercase);
        let after_name =
            start > first && (capitalized(start - 1) || start > first + 1 && self.word(start - 1) == "," && capitalized(start - 2));
        if !after_name && self.speaks_after(end, c.last) {
            return Some(Some((EntityType::Organization, 2, "acronym that speaks")));
        }
        Some(Some((EntityType::Organization, 1, "acronym")))
    }

    /// What the name is "of" or held in: "the island of Lindholm" (a place noun), "the mayor of
    /// Lakeport", "the director of Centrex" (a role: of a place or a body), "shares in Calder".
    fn of_name(&self, c: &Candidate<'_>) -> Option<(EntityType, u8, &'static str)> {
        let (start, first) = (c.start, c.first);
        let of = start >= first + 2 && self.word(start - 1) == "of";
        if of && self.word(start - 2).starts_with(char::is_lowercase) && self.lex.noun_type(self.word(start - 2)) == Some(EntityType::Place)
        {
            return Some((EntityType::Place, 2, "place noun of name"));
        }
        if c.words.len() == 1 && of {
            if let Some(class) = self.lex.role(self.word(start - 2)) {
                let place_roles = ["mayor", "governor", "king", "queen", "premier", "president", "people", "residents"];
                let kind = if place_roles.contains(&self.word(start - 2).to_lowercase().as_str()) {
                    EntityType::Place
                } else {
                    EntityType::Organization
                };
                if class != RoleClass::Title {
                    return Some((kind, 1, "role of name"));
                }
            }
        }
        self.shares_in(start, first).then_some((EntityType::Organization, 2, "shares in name"))
    }

    /// When nothing else spoke: one word after a place preposition is a place, before a speech verb
    /// a person; several words ending in a common noun that speak are a body ("Calder Energy said";
    /// not "Guitarist Brian May" nor a title, "Stars In Their Eyes"); up to four rare words are a
    /// person's name.
    fn last_resort(&self, c: &Candidate<'_>) -> Typed {
        let (start, end, first, words) = (c.start, c.end, c.first, &c.words);
        let followed_by_cue = self.followed_by_cue(end);
        if words.len() == 1 {
            let after_preposition = start > first && PLACE_PREPOSITIONS.contains(&self.word(start - 1));
            if after_preposition && self.lex.first_name(words[0]).is_none() && !self.lex.is_common(words[0]) {
                return Some((EntityType::Place, 1, "preposition before name"));
            }
            if followed_by_cue && !self.lex.is_common(words[0]) && !self.at_start(start, first)
                || followed_by_cue && self.lex.surname(words[0]).is_some()
            {
                return Some((EntityType::Person, 1, "speaker before speech verb"));
            }
            return None;
        }
        let last_word = words[words.len() - 1].to_lowercase();
        let plain = words.iter().all(|w| {
            self.lex.first_name(w).is_none()
                && self.lex.role(&w.to_lowercase()).is_none()
                && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
        });
        if plain && self.lex.is_common(&last_word) && self.speaks_after(end, c.last) {
            return Some((EntityType::Organization, 2, "body that speaks"));
        }
        let all_rare = words.iter().all(|w| !self.lex.is_common(w) || w.len() <= 2 && w.ends_with('.'));
        // Abbreviations in capitals alone are no one's name ("L PCT GB" heads a standings table).
        let abbreviations = words.iter().all(|w| w.chars().count() <= 3 && w.chars().all(|c| c.is_uppercase() || c == '.'));
        (all_rare && words.len() <= 4 && !abbreviations).then_some((EntityType::Person, 1, "name shape"))
    }

    /// Whether the name before token `start` is what shares or a stake are held in ("shares in
    /// Calder rose").
    fn shares_in(&self, start: usize, first: usize) -> bool {
        start >= first + 2
            && matches!(self.word(start - 1), "in" | "of")
            && matches!(self.word(start - 2).to_lowercase().as_str(), "shares" | "stake" | "stakes" | "stock" | "bonds")
    }

    /// Whether a speech verb follows token `end`, after at most one auxiliary ("said", "has
    /// warned"), before the sentence ends at `last`.
    pub(super) fn speaks_after(&self, end: usize, last: usize) -> bool {
        let cue = |t: usize| t < last && SAID.contains(&self.word(t));
        cue(end)
            || end < last && matches!(self.word(end), "has" | "have" | "had" | "also" | "will" | "would" | "is" | "was") && cue(end + 1)
    }
}
