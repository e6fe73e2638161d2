//! Agreement of a pronoun with a named entity: the sex a person's name or title suggests, and
//! whether "he", "she", "it" or "they" can stand for an entity.

use super::pronoun_class;
use crate::lexicon::{EntityType, Lexicon};
use crate::resolve::Entity;

/// The sex a person's name suggests: from a title or the first name's census figures (at least
/// `ratio` times as many bearers of one sex as of the other).
fn sex_by(lexicon: &Lexicon, name: &str, ratio: f32) -> &'static str {
    let first = name.split_whitespace().next().unwrap_or("").trim_end_matches('.');
    title_sex(first).unwrap_or_else(|| match lexicon.sex(first, ratio) {
        Some('M') => "m",
        Some('F') => "f",
        _ => "?",
    })
}

/// The sex a title states ("Mr", "Lady").
fn title_sex(word: &str) -> Option<&'static str> {
    match word {
        "Mr" | "Sir" | "Lord" | "Mister" | "King" | "Prince" => Some("m"),
        "Mrs" | "Ms" | "Miss" | "Lady" | "Dame" | "Baroness" | "Queen" | "Princess" => Some("f"),
        _ => None,
    }
}

/// The sex a name leaves little doubt about, for a veto: a title, or a first name borne by at
/// least `AGREEMENT_RATIO` times as many of one sex, and common enough in the census lists
/// (`RARE_FIRST_NAME`) that its few bearers there say something ("Tama" of Tama Umaga, listed
/// for a handful of American women, vetoes nothing).
fn vetoing_sex(lexicon: &Lexicon, name: &str) -> &'static str {
    let first = name.split_whitespace().next().unwrap_or("").trim_end_matches('.');
    if title_sex(first).is_none() && lexicon.first_name(first).is_none_or(|f| f < RARE_FIRST_NAME) {
        return "?";
    }
    sex_by(lexicon, name, AGREEMENT_RATIO)
}

/// How common (percent of the census population) a first name must be for its census sex to
/// veto a pronoun.
const RARE_FIRST_NAME: f32 = 0.002;

/// The sex a name suggests, as the ranker's features read it (four bearers in five).
pub(super) fn sex(lexicon: &Lexicon, name: &str) -> &'static str {
    sex_by(lexicon, name, 4.0)
}

/// How many more bearers of one sex than of the other a first name needs before a pronoun of the
/// other sex may not stand for it.
const AGREEMENT_RATIO: f32 = 20.0;

/// Whether a third-person pronoun can stand for `entity`: "he" and "she" for a person of that
/// sex (or of unknown sex), "it" for an organization, "they" for an organization. Other pronouns
/// agree with anything.
pub(super) fn agrees(lexicon: &Lexicon, pronoun: &str, entity: &Entity) -> bool {
    agrees_with(lexicon, pronoun, entity.kind, &entity.name)
}

/// [`agrees`] for an entity of type `kind` named `name`.
pub(super) fn agrees_with(lexicon: &Lexicon, pronoun: &str, kind: EntityType, name: &str) -> bool {
    let person = kind == EntityType::Person;
    match pronoun_class(pronoun) {
        // A veto needs a name that leaves little doubt: "Sandy Walkington" is "he" in British
        // news, though four in five of the census's Sandys are women.
        Some("he") => person && vetoing_sex(lexicon, name) != "f",
        Some("she") => person && vetoing_sex(lexicon, name) != "m",
        Some("it" | "they") => kind == EntityType::Organization,
        _ => true,
    }
}
