//! People named by the role set off after their name: "Parul Jain, deputy chief economist at
//! Nomura, said ...", agency copy's commonest way to introduce a speaker. The tagger misses rare
//! names there or types a word of them a place ("Chia" of "Lian Chia Liang"), and a speaker
//! missed hands their "he said" to the speaker before. A post-edit, after the tagger.

use super::Recognizer;
use crate::lexicon::{EntityType, RoleClass};
use crate::segment::TokenKind;
use crate::text::{Span, SpanIndex};

/// Words between the comma and the role ("the", "a", "deputy chief", "senior").
const MODIFIERS_MAX: usize = 4;

/// Conjunctions, prepositions and determiners that open a sentence before a name.
const FUNCTION_WORDS: &[&str] = &[
    "but",
    "and",
    "or",
    "yet",
    "so",
    "for",
    "with",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "though",
    "although",
    "because",
    "in",
    "on",
    "at",
    "by",
    "from",
    "to",
    "of",
    "the",
    "a",
    "an",
    "this",
    "that",
    "then",
    "now",
    "meanwhile",
];

impl Recognizer<'_> {
    /// Two or three capitalized words no one typed an organization, then a comma and a role
    /// word (its article and up to four modifiers before it) followed by "at", "of", "for",
    /// "with" or a comma: a person's name, replacing the mentions inside it.
    pub(super) fn people_before_apposed_roles(&mut self) {
        let mut found: Vec<Span> = (0..self.seg.tokens.len()).filter_map(|k| self.apposed_name(k)).collect();
        found.dedup();
        if found.is_empty() {
            return;
        }
        let organizations = SpanIndex::of(self.found.iter().filter(|m| m.kind == EntityType::Organization).map(|m| m.span));
        // A name the tagger found whole keeps its evidence.
        let whole = |s: Span| self.found.iter().any(|m| m.span == s && m.kind == EntityType::Person);
        let people: Vec<Span> = found.into_iter().filter(|&s| !organizations.overlaps(s) && !whole(s)).collect();
        self.replace_with_people(people, "name before its role");
    }

    /// The name starting at token `k` in the pattern of [`Self::people_before_apposed_roles`].
    fn apposed_name(&self, k: usize) -> Option<Span> {
        let tokens = &self.seg.tokens;
        let text = self.text();
        let word = |i: usize| tokens.get(i).map_or("", |t| t.span.of(text));
        let name_word = |i: usize| {
            let w = word(i);
            tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && w.chars().any(char::is_lowercase)
                && self.lex.role(w).is_none()
                && (self.lex.noun_type(w).is_none() || i > 0 && self.lex.surname_after_first_name(word(i - 1), w))
                && !crate::lexicon::is_corporate_form(w)
        };
        let same_line = |a: usize, b: usize| !text[tokens[a].span.start..tokens[b].span.start].contains('\n');
        if k > 0 && name_word(k - 1) && same_line(k - 1, k) {
            return None;
        }
        // "But Evan Mann, ...": a sentence's opening word is no part of the name.
        let k = if FUNCTION_WORDS.contains(&word(k).to_lowercase().as_str()) { k + 1 } else { k };
        // "Leading China-watcher, and founder of ...": an adjective opens no name.
        let adjective = word(k).ends_with("ing") && self.lex.is_common(&word(k).to_lowercase());
        if !name_word(k) || adjective {
            return None;
        }
        // One line: a headline's last word is no part of the name that opens the next paragraph.
        let end = (k + 2..=k + 3).rev().find(|&e| (k..e).all(name_word) && word(e) == "," && same_line(k, e))?;
        if self.lex.known(Span::new(tokens[k].span.start, tokens[end - 1].span.end).of(text)).is_some() {
            return None;
        }
        let is_role = |i: usize| {
            let w = word(i);
            w.starts_with(char::is_lowercase) && self.lex.role(w).is_some_and(|c| c != RoleClass::Title)
        };
        let role =
            (end + 1..=end + 1 + MODIFIERS_MAX).find(|&i| is_role(i) && matches!(word(i + 1), "at" | "of" | "for" | "with" | ","))?;
        // "Palaniappan Chidambaram, India's finance minister": an owner may stand before the role.
        let owner =
            |i: usize| tokens[i].kind == TokenKind::Possessive || tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Possessive);
        let between_plain =
            (end + 1..role).all(|i| owner(i) || tokens[i].kind == TokenKind::Word && word(i).starts_with(char::is_lowercase));
        between_plain.then(|| Span::new(tokens[k].span.start, tokens[end - 1].span.end))
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::EntityType;

    #[test]
    fn a_name_before_its_role_set_off_by_commas_is_a_person_s() {
        // The tagger's place inside a name goes; an organization stays one.
        let text = "Rates held\n\nLian Chia Liang, economist at Kelso Bank, said growth would slow. Halden Re, the \
                    largest reinsurer, said claims would rise. But Ana Ruiz, a senior analyst at Norvik, agreed.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[("Chia", 0, EntityType::Place), ("Halden Re", 0, EntityType::Organization)],
            |r| r.people_before_apposed_roles(),
        );
        let people: Vec<&str> = found.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.span.of(text)).collect();
        assert_eq!(people, ["Lian Chia Liang", "Ana Ruiz"], "{found:?}");
        assert!(found.iter().any(|m| m.kind == EntityType::Organization && m.span.of(text) == "Halden Re"), "{found:?}");
    }

    #[test]
    fn an_owner_may_stand_before_the_role_and_a_headline_is_no_part_of_the_name() {
        // The tagger's mentions come in any order; organizations elsewhere do not block the name.
        let text = "Rates Talks\n\nTalks on the Kelso Bank and the Harbour Fund went on. Anil Ekvall, Norland's finance \
                    minister, said growth would slow. The Harbour Fund and Kelso Bank agreed with the Port Board.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Kelso Bank", 0, EntityType::Organization),
                ("Port Board", 0, EntityType::Organization),
                ("Harbour Fund", 0, EntityType::Organization),
                ("Harbour Fund", 120, EntityType::Organization),
                ("Anil Ekvall", 0, EntityType::Place),
            ],
            |r| r.people_before_apposed_roles(),
        );
        let people: Vec<&str> = found.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.span.of(text)).collect();
        assert_eq!(people, ["Anil Ekvall"], "{found:?}");
        let text = "Rates\n\nAnil Ekvall, the finance minister, said growth would slow.\n";
        let found = crate::recognize::learned::tests::after_edit(text, &[], |r| r.people_before_apposed_roles());
        let people: Vec<&str> = found.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.span.of(text)).collect();
        assert_eq!(people, ["Anil Ekvall"], "{found:?}");
    }
}
