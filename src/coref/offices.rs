//! Offices that one person holds one of at a time: a description of one office ("the prime
//! minister") names no one the article gives another ("Home Secretary Charles Clarke", or "the
//! chancellor" it already called Gordon Brown), however recently that one spoke.

/// The head words of offices, each with its kind. Ministers and secretaries of state are both
/// ministers to a bare "the minister"; a party's leader may also hold an office of state
/// ("the Labour leader" and "the prime minister" are one man).
const OFFICES: &[(&str, &str)] = &[
    ("minister", "minister"),
    ("premier", "minister"),
    ("secretary", "secretary"),
    ("chancellor", "chancellor"),
    ("mayor", "mayor"),
    ("president", "president"),
    ("leader", "leader"),
];

/// The words that make an office another one (`ROLE_MODIFIERS` but for "former" and "ex").
const RANKS: &[&str] = &["shadow", "deputy", "vice", "assistant", "acting", "interim"];

/// An office as words name it: its kind, whether a modifier stands before its head (a bare
/// "minister" or a "prime minister"), and the words that make it another role ("deputy",
/// "shadow", "former").
#[derive(Debug, PartialEq)]
struct Office {
    kind: &'static str,
    modified: bool,
    rank: Vec<&'static str>,
}

/// The office that `words` name by their last office word ("Home Secretary", "the deputy
/// prime minister", "Chancellor of the Exchequer"); `None` for any other role.
fn office(words: &str) -> Option<Office> {
    let words: Vec<String> = words.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let (at, kind) =
        words.iter().enumerate().rev().find_map(|(k, w)| OFFICES.iter().find(|(head, _)| head == w).map(|&(_, kind)| (k, kind)))?;
    let before = &words[..at];
    // "Former" is left out: a role stated as "foreign secretary" for "Former foreign secretary
    // Robin Cook" is still his.
    let rank: Vec<&'static str> = RANKS.iter().copied().filter(|r| before.iter().any(|w| w == r)).collect();
    let modified = before.iter().any(|w| !matches!(w.as_str(), "the" | "former" | "ex") && !RANKS.contains(&w.as_str()));
    Some(Office { kind, modified, rank })
}

/// Whether someone `held` describes (their stated roles, the descriptions already taken for
/// them) holds another office than the description `described` names: an office of another kind
/// (a chancellor is no prime minister), unless one of them is a party's leader or a bare
/// "minister" meets a secretary of state; or the same office with another rank ("deputy
/// leader", "the Tory leader"). A role that fits the description, or no office at all, holds
/// none.
pub(super) fn holds_other_office<'a>(described: &str, held: impl IntoIterator<Item = &'a str>) -> bool {
    let Some(wanted) = office(described) else { return false };
    let held: Vec<Office> = held.into_iter().filter_map(office).collect();
    // A bare head ("secretary" of "shadow home secretary David Davis") fits any office of its
    // kind.
    let bare = |h: &Office| !h.modified && h.rank.is_empty();
    let fits = |h: &Office| (h.rank == wanted.rank || bare(h)) && (h.kind == wanted.kind || ministers(h, &wanted));
    if held.iter().any(fits) {
        return false;
    }
    held.iter().any(|h| h.rank != wanted.rank || h.kind != "leader" && wanted.kind != "leader" && !ministers(h, &wanted))
}

/// A bare "minister" and a secretary of state, either way round.
fn ministers(a: &Office, b: &Office) -> bool {
    let bare_minister = |o: &Office| o.kind == "minister" && !o.modified;
    bare_minister(a) && b.kind == "secretary" || bare_minister(b) && a.kind == "secretary"
}

#[cfg(test)]
mod tests {
    use super::holds_other_office;

    #[test]
    fn an_office_of_another_kind_is_someone_else() {
        assert!(holds_other_office("The prime minister", ["Home Secretary"]));
        assert!(holds_other_office("the chancellor", ["the prime minister"]));
        assert!(holds_other_office("the prime minister", ["The chancellor"]));
        assert!(holds_other_office("the Tory leader", ["deputy leader"]));
        assert!(holds_other_office("the prime minister", ["deputy leader"]));
    }

    #[test]
    fn the_same_office_or_a_compatible_one_is_not() {
        assert!(!holds_other_office("The minister", ["Education Secretary"]));
        assert!(!holds_other_office("the Labour leader", ["the prime minister"]));
        assert!(!holds_other_office("the Lib Dem leader", ["Liberal Democrat leader"]));
        assert!(!holds_other_office("The premier", ["Prime Minister"]));
        assert!(!holds_other_office("the chancellor", ["the prime minister", "Chancellor"]));
        assert!(!holds_other_office("The MEP", ["host"]));
        assert!(!holds_other_office("the singer", ["Home Secretary"]));
        assert!(!holds_other_office("the prime minister", []));
        assert!(!holds_other_office("The shadow chancellor", ["shadow chancellor"]));
        assert!(!holds_other_office("the shadow home secretary", ["secretary"]));
        assert!(!holds_other_office("the former foreign secretary", ["foreign secretary"]));
    }
}
