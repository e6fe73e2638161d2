//! The evidence around a candidate: a head noun inside it, a role, an owner or an organization noun
//! before it, the preposition or verb around it ("shares in", "said").

use super::*;

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

    /// Keeps the role words right before the person at `start` ("union chair Ewa Sobczak").
    pub(super) fn note_role(&mut self, start: usize, first: usize, person: Span) {
        let mut role_start = start;
        while role_start > first && self.lex.role(self.word(role_start - 1)).is_some_and(|c| c != RoleClass::Title) {
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
        long && !person && (trade || self.lex.noun_type(self.word(start - 1)) == Some(EntityType::Organization))
    }

    pub(super) fn context_type(&self, start: usize, end: usize) -> Option<(EntityType, u8, &'static str)> {
        let n = self.seg.tokens.len();
        let words: Vec<&str> = (start..end).map(|t| self.word(t)).collect();
        let sentence = &self.seg.sentences[self.seg.sentence_of(start)];
        let first = sentence.tokens.start;
        let last = sentence.tokens.end;
        if words.len() == 1 && is_calendar(words[0]) {
            return None;
        }
        let sentence_start = start == first || matches!(self.word(start - 1), "“" | "\"" | "''" | "‘" | ":" | "—" | "–");
        if words.len() == 1 && sentence_start && !self.is_acronym(start, end) {
            // A capitalized first word says nothing: only a speech verb after a known surname.
            let followed_by_cue = end < n && self.lex.cue(self.word(end)).is_some() && self.word(end).starts_with(char::is_lowercase);
            let speaker = followed_by_cue && self.lex.surname(words[0]).is_some() && !self.lex.is_common(words[0]);
            // "Charles ceded Alsace": a first name that is no common word, before a verb.
            let named = self.lex.first_name(words[0]).is_some_and(|f| f >= 0.01)
                && !self.lex.is_common(words[0])
                && end < last
                && self.word(end).chars().all(char::is_lowercase)
                && !self.lex.is_common(&words[0].to_lowercase());
            if speaker {
                return Some((EntityType::Person, 1, "speaker before speech verb"));
            }
            return named.then_some((EntityType::Person, 1, "first name opening a sentence"));
        }
        // A noun and a comma right before: "its leader, Abu Bakr al-Baghdadi", "the group's
        // North Caucasus affiliate, Wilayat al-Qawqaz".
        let closes =
            end >= last || matches!(self.word(end), "," | "." | ")" | "(" | ";" | ":" | "and" | "who" | "which" | "”" | "\"" | "''");
        if start >= first + 2 && self.word(start - 1) == "," && closes {
            let noun = self.word(start - 2);
            if noun.starts_with(char::is_lowercase) {
                if self.lex.role(noun).is_some_and(|c| c != RoleClass::Title) {
                    return Some((EntityType::Person, 2, "apposition role"));
                }
                if let Some(kind) = self.lex.noun_type(noun).filter(|k| *k != EntityType::Place) {
                    return Some((kind, 2, "apposition noun"));
                }
            }
        }
        // A lowercase role word right before: "commentator Ruslan Gorevoy".
        if start > first && self.lex.role(self.word(start - 1)).is_some_and(|c| c != RoleClass::Title || words.len() > 1) {
            return Some((EntityType::Person, 2, "role before name"));
        }
        if self.organization_noun_before(start, first, &words) {
            return Some((EntityType::Organization, 2, "organization noun before name"));
        }
        // A head noun right after: "the Kurdistan-24 news agency", "the Magaramkentsky district".
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
        // "Krzysztof Baran, who chairs the LHA": "who" is said of people.
        if end + 1 < last && self.word(end) == "," && self.word(end + 1) == "who" && self.lex.first_name(words[0]).is_none_or(|f| f > 0.0) {
            return Some((EntityType::Person, 2, "relative who"));
        }
        // An apposition: "Denis Maltsev, a senior researcher at ...".
        if end + 1 < last && self.word(end) == "," && matches!(self.word(end + 1), "a" | "an" | "the" | "its" | "his" | "her") {
            let mut noun = None;
            for t in end + 2..(end + 9).min(last) {
                let w = self.word(t);
                if matches!(w, "," | "." | ";" | "which" | "that" | "at" | "of" | "in" | "for" | "with") {
                    break;
                }
                // "the country's health minister": "country" owns the head, it is not the head.
                let owner = self.seg.tokens.get(t + 1).is_some_and(|n| n.kind == TokenKind::Possessive);
                if owner || self.seg.tokens[t].kind == TokenKind::Possessive || !w.starts_with(char::is_lowercase) {
                    continue;
                }
                if self.lex.role(w).is_some() {
                    return Some((EntityType::Person, 2, "apposition role"));
                }
                noun = noun.or(self.lex.noun_type(w));
            }
            if let Some(kind) = noun {
                return Some((kind, 2, "apposition noun"));
            }
        }
        // "A. N.": initials alone name nobody the graph can know.
        if words.iter().all(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2) {
            return None;
        }
        let first_name = self.lex.first_name(words[0]).is_some_and(|f| f >= 0.002) && !self.lex.is_common(words[0]);
        if words.len() >= 2 && (first_name || self.word(start).ends_with('.') && words[0].len() <= 3) {
            return Some((EntityType::Person, 2, "first name"));
        }
        let lower0 = words[0].to_lowercase();
        if words.len() >= 2 && (PARTICLES.contains(&lower0.as_str()) || words.iter().any(|w| w.contains("al-") || w.contains("bin-"))) {
            return Some((EntityType::Person, 1, "name particle"));
        }
        if self.is_acronym(start, end) {
            // "the TUC has said": an acronym that speaks is a body, whatever the tagger thought;
            // not a title after a name ("Guy Lund QC said", "Judge Ada Moss, QC told").
            let capitalized = |k: usize| self.word(k).starts_with(char::is_uppercase);
            let after_name =
                start > first && (capitalized(start - 1) || start > first + 1 && self.word(start - 1) == "," && capitalized(start - 2));
            if !after_name && self.speaks_after(end, last) {
                return Some((EntityType::Organization, 2, "acronym that speaks"));
            }
            return Some((EntityType::Organization, 1, "acronym"));
        }
        let followed_by_cue = end < n && self.lex.cue(self.word(end)).is_some() && self.word(end).starts_with(char::is_lowercase);
        // "the island of Lindholm", "the city of Mosul", "the province of Helmand".
        if start >= first + 2
            && self.word(start - 1) == "of"
            && self.word(start - 2).starts_with(char::is_lowercase)
            && self.lex.noun_type(self.word(start - 2)) == Some(EntityType::Place)
        {
            return Some((EntityType::Place, 2, "place noun of name"));
        }
        // "the mayor of Lakeport", "the director of Centrex": what a role is of.
        if words.len() == 1 && start >= first + 2 && self.word(start - 1) == "of" {
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
        if self.shares_in(start, first) {
            return Some((EntityType::Organization, 2, "shares in name"));
        }
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
        // "Calder Energy said": a name that ends in a common noun and speaks is a body's.
        let last_word = words[words.len() - 1].to_lowercase();
        // Not "Guitarist Brian May" nor the title of a work ("Stars In Their Eyes").
        let plain = words.iter().all(|w| {
            self.lex.first_name(w).is_none()
                && self.lex.role(&w.to_lowercase()).is_none()
                && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
        });
        if plain && self.lex.is_common(&last_word) && self.speaks_after(end, last) {
            return Some((EntityType::Organization, 2, "body that speaks"));
        }
        let all_rare = words.iter().all(|w| !self.lex.is_common(w) || w.len() <= 2 && w.ends_with('.'));
        if all_rare && words.len() <= 4 {
            return Some((EntityType::Person, 1, "name shape"));
        }
        None
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
    fn speaks_after(&self, end: usize, last: usize) -> bool {
        let cue = |t: usize| t < last && SAID.contains(&self.word(t));
        cue(end)
            || end < last && matches!(self.word(end), "has" | "have" | "had" | "also" | "will" | "would" | "is" | "was") && cue(end + 1)
    }
}
