//! Relations between mentions beside each other: parenthetical aliases, roles at organizations,
//! possessives.

use super::*;

/// Finds what the text says about mentions beside each other: parenthetical aliases, roles at
/// organizations, possessives.
pub(super) fn link(r: &mut Recognized<'_>, lexicon: &Lexicon) {
    let n = r.mentions.len();
    let shared = shared_parentheses(r);
    for i in 0..n {
        parenthetical_alias(r, i, &shared);
        possessive(r, i);
        role_at_organization(r, lexicon, i);
    }
    for i in 0..n {
        owners_role(r, lexicon, i);
    }
    roles_organization(r, lexicon);
}

/// Words that end the role words after an organization's possessive ("IS's leader in ...").
const FUNCTION_WORDS: &[&str] =
    &["in", "of", "at", "for", "with", "on", "to", "by", "from", "and", "or", "that", "who", "which", "has", "is", "was"];

/// The token that starts at or after `byte`.
fn token_at(seg: &Segmented<'_>, byte: usize) -> usize {
    seg.tokens.partition_point(|t| t.span.start < byte)
}

/// The mention in a parenthesis right after mention `i` and nothing else in it ("NAME (ALIAS)").
fn in_parenthesis_after(r: &Recognized<'_>, i: usize) -> Option<usize> {
    let text = r.segmented.text();
    let m = &r.mentions[i];
    text[m.span.end..].strip_prefix(" (").filter(|rest| !rest.is_empty())?;
    let inner_start = m.span.end + 2;
    // Mentions are sorted by start: a search, not a scan, keeps a page of such names linear.
    let j = r.mentions.partition_point(|n| n.span.start < inner_start);
    let inner = r.mentions.get(j).filter(|n| n.span.start == inner_start)?;
    text[inner.span.end..].starts_with(')').then_some(j)
}

/// The names written in parentheses after two or more different names: a club or country in a
/// team sheet or a results list ("K Sotherton (Birchfield Harriers)", "M Lewis-Francis
/// (Birchfield Harriers)"), no one's alias.
fn shared_parentheses<'t>(r: &Recognized<'t>) -> HashSet<&'t str> {
    let text = r.segmented.text();
    let mut before: HashMap<&str, HashSet<&str>> = HashMap::new();
    for i in 0..r.mentions.len() {
        if let Some(j) = in_parenthesis_after(r, i) {
            before.entry(r.mentions[j].span.of(text)).or_default().insert(r.mentions[i].span.of(text));
        }
    }
    before.into_iter().filter(|(_, names)| names.len() >= 2).map(|(inner, _)| inner).collect()
}

/// "NAME (ALIAS)": whether the parenthesis after mention `i` holds exactly another mention of
/// its type, an alias of it, unless it follows other names too (`shared_parentheses`). A
/// person's parenthesis that names an organization names their club, party or employer instead
/// ("Koumas (West Brom)", "Ana Ruiz (Greens)"): a membership.
fn parenthetical_alias(r: &mut Recognized<'_>, i: usize, shared: &HashSet<&str>) {
    let Some(j) = in_parenthesis_after(r, i) else { return };
    let m = &r.mentions[i];
    match (m.kind, r.mentions[j].kind) {
        (a, b) if a == b && !shared.contains(r.mentions[j].span.of(r.segmented.text())) => r.same.push((i, j)),
        (EntityType::Person, EntityType::Organization) => {
            let span = m.span.cover(r.mentions[j].span);
            r.relations.push(Relation { subject: i, predicate: Predicate::MemberOf, object: j, role: None, span });
        }
        _ => {}
    }
}

/// "PLACE's PERSON", "ORG's ORG", "ORG's PERSON": what mention `i`, followed by a possessive and
/// the next mention, says of that next mention.
fn possessive(r: &mut Recognized<'_>, i: usize) {
    let text = r.segmented.text();
    let j = i + 1;
    if j >= r.mentions.len() {
        return;
    }
    let (m, other) = (&r.mentions[i], &r.mentions[j]);
    let between = text[m.span.end..other.span.start].trim();
    if between != "'s" && between != "’s" {
        return;
    }
    let predicate = match (m.kind, other.kind) {
        (EntityType::Place, EntityType::Person | EntityType::Organization) => Some(Predicate::AssociatedPlace),
        (EntityType::Organization, EntityType::Organization) => Some(Predicate::PartOf),
        (EntityType::Organization, EntityType::Person) => Some(Predicate::MemberOf),
        _ => None,
    };
    if let Some(predicate) = predicate {
        let span = m.span.cover(other.span);
        r.relations.push(Relation { subject: j, predicate, object: i, role: None, span });
    }
}

/// "PERSON, a ROLE at|of|with ORG": whether the person of mention `i` holds a role at the
/// organization named after it, and whether the role leads it.
fn role_at_organization(r: &mut Recognized<'_>, lexicon: &Lexicon, i: usize) {
    let seg = r.segmented;
    let m = &r.mentions[i];
    if m.kind != EntityType::Person || !seg.text()[m.span.end..].starts_with(", ") {
        return;
    }
    let t = token_at(seg, m.span.end);
    let sentence_end = seg.sentences[seg.sentence_of(t.min(seg.tokens.len() - 1))].tokens.end;
    let mut k = t + 1;
    if k >= sentence_end || !matches!(seg.word(k), "a" | "an" | "the" | "its" | "his" | "her") {
        return;
    }
    k += 1;
    let role_start = k;
    while k < sentence_end && seg.word(k).starts_with(char::is_lowercase) && !matches!(seg.word(k), "at" | "of" | "with" | "for" | "in") {
        k += 1;
    }
    let has_role = (role_start..k).any(|x| lexicon.role(seg.word(x)).is_some());
    if !has_role || k + 1 >= sentence_end || !matches!(seg.word(k), "at" | "of" | "with" | "for") {
        return;
    }
    let org_start = seg.tokens[k + 1].span.start;
    let org_start = if seg.word(k + 1) == "the" && k + 2 < sentence_end { seg.tokens[k + 2].span.start } else { org_start };
    let n = r.mentions.len();
    let Some(j) = (i + 1..n).find(|&j| r.mentions[j].span.start == org_start && r.mentions[j].kind == EntityType::Organization) else {
        return;
    };
    let role = seg.tokens[role_start].span.cover(seg.tokens[k - 1].span);
    let leader = (role_start..k).any(|x| lexicon.role(seg.word(x)) == Some(RoleClass::Leader));
    let predicate = if leader { Predicate::HeadOf } else { Predicate::MemberOf };
    let span = r.mentions[i].span.cover(r.mentions[j].span);
    r.relations.push(Relation { subject: i, predicate, object: j, role: Some(role), span });
}

/// "IS's leader, Abu Bakr al-Baghdadi": an organization's role, then the person.
/// "Furat Media, Islamic State's media wing": a body, then its parent's unit.
/// "the leader of IS's Caucasus Province in Daghestan, Abu Mukhammad Kadarsky": the same.
/// Whether the organization of mention `i` is followed by a possessive and role words, and
/// whom they name.
fn owners_role(r: &mut Recognized<'_>, lexicon: &Lexicon, i: usize) {
    let seg = r.segmented;
    if r.mentions[i].kind != EntityType::Organization {
        return;
    }
    let after = token_at(seg, r.mentions[i].span.end);
    if after >= seg.tokens.len() || seg.tokens[after].kind != TokenKind::Possessive {
        return;
    }
    let Some(end) = role_words_end(seg, lexicon, after + 1) else { return };
    person_after_role(r, lexicon, i, after + 1..end);
    unit_before_owner(r, lexicon, i, seg.word(end - 1));
}

/// Where the role words after an organization's possessive end, `start` being the first word
/// after it: modifiers (lowercase words, and adjectives like "Russian-language" or "official")
/// up to the head noun. None when there are none or they run to the sentence's end.
fn role_words_end(seg: &Segmented<'_>, lexicon: &Lexicon, start: usize) -> Option<usize> {
    let sentence_end = seg.sentences[seg.sentence_of(start - 1)].tokens.end;
    let mut k = start;
    while k < sentence_end && k < start + 4 && {
        let w = seg.word(k);
        !FUNCTION_WORDS.contains(&w) && w.starts_with(char::is_lowercase)
            || lexicon.is_demonym(w)
            || w.rsplit_once('-').is_some_and(|(_, l)| l.starts_with(char::is_lowercase))
    } {
        k += 1;
    }
    (k != start && k < sentence_end).then_some(k)
}

/// Forward, "ORG's leader, PERSON": whether the person named right after the comma that ends the
/// role words `role` of the organization of mention `owner` holds that role.
fn person_after_role(r: &mut Recognized<'_>, lexicon: &Lexicon, owner: usize, role: std::ops::Range<usize>) {
    let seg = r.segmented;
    let (k, head) = (role.end, seg.word(role.end - 1));
    if seg.word(k) != "," || lexicon.role(head).is_none() {
        return;
    }
    let person_start = seg.tokens.get(k + 1).map_or(0, |t| t.span.start);
    let Some(j) = (owner + 1..r.mentions.len()).find(|&j| r.mentions[j].span.start == person_start) else { return };
    if r.mentions[j].kind == EntityType::Person {
        let predicate = if lexicon.role(head) == Some(RoleClass::Leader) { Predicate::HeadOf } else { Predicate::MemberOf };
        let role = seg.tokens[role.start].span.cover(seg.tokens[k - 1].span);
        let span = r.mentions[owner].span.cover(r.mentions[j].span);
        r.relations.push(Relation { subject: j, predicate, object: owner, role: Some(role), span });
    }
}

/// Backward, "NAME, [the] ORG's ... wing|affiliate|branch": whether the organization named
/// before the comma is a unit of the organization of mention `owner`, whose role words end in
/// `head`.
fn unit_before_owner(r: &mut Recognized<'_>, lexicon: &Lexicon, owner: usize, head: &str) {
    if lexicon.noun_type(head) != Some(EntityType::Organization) {
        return;
    }
    let seg = r.segmented;
    let owner_span = r.mentions[owner].span;
    let mut b = token_at(seg, owner_span.start);
    if b > 0 && matches!(seg.word(b - 1), "the" | "The") {
        b -= 1;
    }
    if b < 2 || seg.word(b - 1) != "," {
        return;
    }
    let unit = r.mention_ending_at(seg.tokens[b - 2].span.end).filter(|&j| r.mentions[j].kind == EntityType::Organization && j != owner);
    if let Some(j) = unit {
        let span = r.mentions[j].span.cover(owner_span);
        r.relations.push(Relation { subject: j, predicate: Predicate::PartOf, object: owner, role: None, span });
    }
}

/// "FSB Director Alexander Bortnikov": a role's organization is the mention right before it,
/// and a leader's role leads it.
fn roles_organization(r: &mut Recognized<'_>, lexicon: &Lexicon) {
    let text = r.segmented.text();
    for role in r.roles.clone() {
        let before = role.span.start.checked_sub(1).and_then(|end| r.mention_ending_at(end));
        if let Some(j) = before.filter(|&j| r.mentions[j].kind == EntityType::Organization) {
            let leader = role.span.of(text).split_whitespace().any(|w| lexicon.role(w) == Some(RoleClass::Leader));
            let predicate = if leader { Predicate::HeadOf } else { Predicate::MemberOf };
            let span = r.mentions[j].span.cover(r.mentions[role.person].span);
            r.relations.push(Relation { subject: role.person, predicate, object: j, role: Some(role.span), span });
        }
    }
}
