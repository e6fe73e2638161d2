//! Relations between mentions beside each other: parenthetical aliases, roles at organizations,
//! possessives.

use super::*;

/// Finds what the text says about mentions beside each other: parenthetical aliases, roles at
/// organizations, possessives.
pub(super) fn link(r: &mut Recognized<'_>, lexicon: &Lexicon) {
    let seg = r.segmented;
    let text = seg.text();
    let token_at = |byte: usize| seg.tokens.partition_point(|t| t.span.start < byte);
    let n = r.mentions.len();
    for i in 0..n {
        let m = r.mentions[i].clone();
        let after = &text[m.span.end..];
        // "NAME (ALIAS)": the parenthesis holds exactly another mention.
        if let Some(rest) = after.strip_prefix(" (") {
            let inner_start = m.span.end + 2;
            if let Some(j) = (i + 1..n).find(|&j| r.mentions[j].span.start == inner_start) {
                if text[r.mentions[j].span.end..].starts_with(')') && !rest.is_empty() {
                    r.same.push((i, j));
                }
            }
        }
        // "PLACE's PERSON", "ORG's ORG", "ORG's PERSON".
        if let Some(j) = (i + 1 < n).then_some(i + 1) {
            let between = &text[m.span.end..r.mentions[j].span.start];
            let between = between.trim();
            if between == "'s" || between == "’s" {
                let other = &r.mentions[j];
                let predicate = match (m.kind, other.kind) {
                    (EntityType::Place, EntityType::Person | EntityType::Organization) => Some(Predicate::AssociatedPlace),
                    (EntityType::Organization, EntityType::Organization) => Some(Predicate::PartOf),
                    (EntityType::Organization, EntityType::Person) => Some(Predicate::MemberOf),
                    _ => None,
                };
                if let Some(predicate) = predicate {
                    r.relations.push(Relation { subject: j, predicate, object: i, role: None, span: m.span.cover(other.span) });
                }
            }
        }
        // "PERSON, a ROLE at|of|with ORG".
        if m.kind == EntityType::Person && after.starts_with(", ") {
            let t = token_at(m.span.end);
            let sentence_end = seg.sentences[seg.sentence_of(t.min(seg.tokens.len() - 1))].tokens.end;
            let mut k = t + 1;
            if k < sentence_end && matches!(seg.word(k), "a" | "an" | "the" | "its" | "his" | "her") {
                k += 1;
                let role_start = k;
                while k < sentence_end
                    && seg.word(k).starts_with(char::is_lowercase)
                    && !matches!(seg.word(k), "at" | "of" | "with" | "for" | "in")
                {
                    k += 1;
                }
                let has_role = (role_start..k).any(|x| lexicon.role(seg.word(x)).is_some());
                if has_role && k + 1 < sentence_end && matches!(seg.word(k), "at" | "of" | "with" | "for") {
                    let org_start = seg.tokens[k + 1].span.start;
                    let org_start = if seg.word(k + 1) == "the" && k + 2 < sentence_end { seg.tokens[k + 2].span.start } else { org_start };
                    if let Some(j) =
                        (i + 1..n).find(|&j| r.mentions[j].span.start == org_start && r.mentions[j].kind == EntityType::Organization)
                    {
                        let role = seg.tokens[role_start].span.cover(seg.tokens[k - 1].span);
                        let leader = (role_start..k).any(|x| lexicon.role(seg.word(x)) == Some(RoleClass::Leader));
                        let predicate = if leader { Predicate::HeadOf } else { Predicate::MemberOf };
                        r.relations.push(Relation {
                            subject: i,
                            predicate,
                            object: j,
                            role: Some(role),
                            span: m.span.cover(r.mentions[j].span),
                        });
                    }
                }
            }
        }
    }
    // "IS's leader, Abu Bakr al-Baghdadi": an organization's role, then the person.
    // "Furat Media, Islamic State's media wing": a body, then its parent's unit.
    // "the leader of IS's Caucasus Province in Daghestan, Abu Mukhammad Kadarsky": the same.
    for i in 0..n {
        let owner = r.mentions[i].clone();
        if owner.kind != EntityType::Organization {
            continue;
        }
        let after = token_at(owner.span.end);
        if after >= seg.tokens.len() || seg.tokens[after].kind != TokenKind::Possessive {
            continue;
        }
        let sentence_end = seg.sentences[seg.sentence_of(after)].tokens.end;
        let mut k = after + 1;
        // Modifiers: lowercase words, and adjectives like "Russian-language" or "official".
        while k < sentence_end && k < after + 5 && {
            let w = seg.word(k);
            let function_word = matches!(
                w,
                "in" | "of"
                    | "at"
                    | "for"
                    | "with"
                    | "on"
                    | "to"
                    | "by"
                    | "from"
                    | "and"
                    | "or"
                    | "that"
                    | "who"
                    | "which"
                    | "has"
                    | "is"
                    | "was"
            );
            !function_word && w.starts_with(char::is_lowercase)
                || lexicon.is_demonym(w)
                || w.rsplit_once('-').is_some_and(|(_, l)| l.starts_with(char::is_lowercase))
        } {
            k += 1;
        }
        if k == after + 1 || k >= sentence_end {
            continue;
        }
        let head = seg.word(k - 1);
        let role_span = seg.tokens[after + 1].span.cover(seg.tokens[k - 1].span);
        // Forward: "ORG's leader, PERSON".
        if seg.word(k) == "," && lexicon.role(head).is_some() {
            if let Some(j) = (i + 1..n).find(|&j| r.mentions[j].span.start == seg.tokens.get(k + 1).map_or(0, |t| t.span.start)) {
                if r.mentions[j].kind == EntityType::Person {
                    let predicate = if lexicon.role(head) == Some(RoleClass::Leader) { Predicate::HeadOf } else { Predicate::MemberOf };
                    r.relations.push(Relation {
                        subject: j,
                        predicate,
                        object: i,
                        role: Some(role_span),
                        span: owner.span.cover(r.mentions[j].span),
                    });
                }
            }
        }
        // Backward: "NAME, [the] ORG's ... wing|affiliate|branch".
        if lexicon.noun_type(head) == Some(EntityType::Organization) {
            let mut b = token_at(owner.span.start);
            if b > 0 && matches!(seg.word(b - 1), "the" | "The") {
                b -= 1;
            }
            if b >= 2 && seg.word(b - 1) == "," {
                if let Some(j) =
                    r.mention_ending_at(seg.tokens[b - 2].span.end).filter(|&j| r.mentions[j].kind == EntityType::Organization && j != i)
                {
                    r.relations.push(Relation {
                        subject: j,
                        predicate: Predicate::PartOf,
                        object: i,
                        role: None,
                        span: r.mentions[j].span.cover(owner.span),
                    });
                }
            }
        }
    }
    // "FSB Director Alexander Bortnikov": the role's organization is the mention before it.
    for role in r.roles.clone() {
        let before = r.mentions.iter().rposition(|m| m.span.end < role.span.start && role.span.start - m.span.end <= 1);
        if let Some(j) = before.filter(|&j| r.mentions[j].kind == EntityType::Organization) {
            let leader = role.span.of(text).split_whitespace().any(|w| lexicon.role(w) == Some(RoleClass::Leader));
            let predicate = if leader { Predicate::HeadOf } else { Predicate::MemberOf };
            let span = r.mentions[j].span.cover(r.mentions[role.person].span);
            r.relations.push(Relation { subject: role.person, predicate, object: j, role: Some(role.span), span });
        }
    }
}
