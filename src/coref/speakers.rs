//! The entities that claims' source words stand for ("he", "the Tory leader", "the
//! company"): the speaker carried over, the ranker's choice, and the news conventions that name
//! someone and then call them by role, age or kind, never someone the claim's words name.

use super::{
    AGED_PERSON, APPOSED_DESCRIPTION, Anaphor, Article, CARRIED_SPEAKER, CLAIM_SPEAKER, CorefModel, DESCRIBED_ORGANIZATION,
    DOCUMENT_AUTHOR, LOOK_BACK, POSSESSOR_VOICE, RANKED, RELATIVE_ANTECEDENT, SPEAKING_ROLE, agrees, candidates, description, link,
    pronoun_class, sentence_at, words_beside, words_introducing,
};
use crate::attribute::PERSONAL_VOICES;
use crate::lexicon::{EntityType, Lexicon};
use crate::resolve::{Claim, Entity};
use crate::segment::Segmented;
use crate::text::{Span, SpanIndex};

/// Joins each claim's source words that name no one by themselves to the entity they stand for,
/// or adds them to `unresolved`.
pub(super) fn resolve(
    article: &Article<'_>,
    lexicon: &Lexicon,
    model: &CorefModel,
    entities: &mut [Entity],
    claims: &mut [Claim],
    unresolved: &mut Vec<Span>,
) {
    let text = article.segmented.text();
    for i in 0..claims.len() {
        let Some(anaphor) = claims[i].source_span.and_then(|span| description(article.segmented, span)) else { continue };
        let first_person = anaphor.pronoun && matches!(pronoun_class(anaphor.head.of(text)), Some("i" | "we"));
        if first_person || is_own_body(text, lexicon, &anaphor) {
            continue;
        }
        if is_unnamed_body(article.segmented, lexicon, &anaphor) {
            if claims[i].source.is_none() {
                unresolved.push(anaphor.span);
            }
            continue;
        }
        // Claims of one source words have one speaker ("the minister said Mr Vik was wrong and
        // said ...": not Mr Vik in either).
        let sharing = claims_of_words(article, anaphor.span);
        let unnamed = |e: usize| sharing.iter().all(|&j| !named_in_words(text, &entities[e], &claims[j], anaphor.span, &article.sources));
        // "The prime minister" is no one the article gives another office.
        let office_held = |e: usize| {
            // Words that name the entity hold its office ("shadow home secretary David Davis").
            let mentions = &entities[e].mentions;
            let inside = mentions.partition_point(|m| m.start < anaphor.span.start);
            if mentions.get(inside).is_some_and(|m| m.end <= anaphor.span.end) {
                return false;
            }
            // The descriptions taken for it before these words, the latest few (a page of
            // thousands of "the prime minister" must not read every one for each).
            let before = Span::new(anaphor.span.start, anaphor.span.start);
            let described = entities[e].references.range(..before).rev().take(OFFICES_READ).map(|(s, _)| s.of(text));
            super::offices::holds_other_office(anaphor.span.of(text), entities[e].roles.iter().map(String::as_str).chain(described))
        };
        let allowed = |e: usize| {
            unnamed(e)
                && (!anaphor.pronoun || agrees(lexicon, anaphor.head.of(text), &entities[e]))
                && (anaphor.pronoun || !office_held(e) && of_its_sex(lexicon, anaphor.span.of(text), anaphor.head.of(text), &entities[e]))
        };
        // The speaker carried over wins over the entity attribution's rules chose ("he" for the
        // latest man named, inside the previous speaker's words); it agrees with the pronoun or
        // is the body a spokesman spoke for.
        let carried = carried_speaker(article, lexicon, entities, claims, &anaphor).filter(|&e| unnamed(e));
        let subject = carried.is_none().then(|| described_subject_before(article, lexicon, &anaphor)).flatten().filter(|&e| allowed(e));
        let carried_or_subject = carried.or(subject);
        if let Some(e) = claims[i].source.filter(|&e| allowed(e) && carried_or_subject.is_none_or(|c| c == e)) {
            // Attribution's rules chose the speaker carried over, or a speaker the pronoun can
            // stand for: the words are that speaker's mention, whatever the ranker chose for them
            // ("who she believes": the one who believes).
            match carried {
                Some(e) => carry_reference(entities, anaphor.span, e, CARRIED_SPEAKER),
                None if anaphor.pronoun && !entities[e].references.contains_key(&anaphor.span) => {
                    carry_reference(entities, anaphor.span, e, CLAIM_SPEAKER)
                }
                None => {}
            }
            continue;
        }
        let linked = carried
            .map(|e| (e, CARRIED_SPEAKER))
            .or(subject.map(|e| (e, DESCRIBED_ORGANIZATION)))
            .or_else(|| voice_of_possessor(article, lexicon, model, entities, &anaphor, &unnamed).map(|e| (e, POSSESSOR_VOICE)))
            .or_else(|| by_convention(article, lexicon, model, &anaphor, &allowed));
        claims[i].source = linked.map(|(e, _)| e);
        match linked {
            Some((e, CARRIED_SPEAKER)) => carry_reference(entities, anaphor.span, e, CARRIED_SPEAKER),
            Some((e, rule)) if !anaphor.pronoun => {
                entities[e].references.entry(anaphor.span).or_insert(rule);
            }
            Some(_) => {}
            None => unresolved.push(anaphor.span),
        }
    }
}

/// How many of the descriptions already taken for an entity tell which office it holds.
const OFFICES_READ: usize = 16;

/// Whether a person may be what a description's head (of `words`) calls them by sex: "the spokeswoman" is
/// no man the name lists know, "the businessman" no woman (a chairman may be either). Bodies and
/// other heads may be anyone.
fn of_its_sex(lexicon: &Lexicon, words: &str, head: &str, entity: &Entity) -> bool {
    // A common noun's, not a name's ("Harriet Harman", "Meg Whitman"); nor a voice of someone
    // else's ("the prime minister's official spokesman" gives the prime minister).
    if !head.starts_with(char::is_lowercase) || words.contains("'s") || words.contains("’s") {
        return true;
    }
    let pronoun = if head.ends_with("woman") || head.ends_with("women") {
        "she"
    } else if head.ends_with("man") && !matches!(head, "chairman" | "human") {
        "he"
    } else {
        return true;
    };
    entity.kind != EntityType::Person || agrees(lexicon, pronoun, entity)
}

/// The claims whose source is `words`, by index.
fn claims_of_words(article: &Article<'_>, words: Span) -> Vec<usize> {
    let first = article.source_claims.partition_point(|&(s, _)| s.start < words.start);
    let starting = article.source_claims[first..].iter().take_while(|(s, _)| s.start == words.start);
    starting.filter(|&&(s, _)| s == words).map(|&(_, j)| j).collect()
}

/// The entity source words stand for, with the rule that found it, by the first convention that
/// finds one the words may stand for (`allowed`): a relative pronoun's antecedent, a person of
/// the nationality named, the ranker's choice, a role, an age, a report's author, an
/// organization described.
fn by_convention(
    article: &Article<'_>,
    lexicon: &Lexicon,
    model: &CorefModel,
    anaphor: &Anaphor,
    allowed: &dyn Fn(usize) -> bool,
) -> Option<(usize, &'static str)> {
    let allowed_by = |e: Option<usize>, rule: &'static str| e.filter(|&e| allowed(e)).map(|e| (e, rule));
    allowed_by(relative_antecedent(article, anaphor), RELATIVE_ANTECEDENT)
        .or_else(|| of_nationality(article, lexicon, anaphor, allowed).map(|e| (e, SPEAKING_ROLE)))
        .or_else(|| allowed_by(newspaper(article, anaphor), DESCRIBED_ORGANIZATION))
        .or_else(|| allowed_by(apposed(article, anaphor), APPOSED_DESCRIPTION))
        .or_else(|| link(article, lexicon, model, anaphor, allowed).map(|e| (e, RANKED)))
        .or_else(|| allowed_by(speaking_role(article, lexicon, anaphor), SPEAKING_ROLE))
        .or_else(|| allowed_by(aged_person(article, anaphor), AGED_PERSON))
        .or_else(|| allowed_by(document_author(article, anaphor), DOCUMENT_AUTHOR))
        .or_else(|| described_organization(article, lexicon, anaphor).map(|e| (e, DESCRIBED_ORGANIZATION)))
        .or_else(|| voice_of_described(article, lexicon, anaphor).map(|e| (e, DESCRIBED_ORGANIZATION)))
}

/// "A spokesman for the group", "officials at the firm": someone who speaks for a body that a
/// description after "for", "at" or "of" names ([`described_organization`] of "the group").
fn voice_of_described(article: &Article<'_>, lexicon: &Lexicon, anaphor: &Anaphor) -> Option<usize> {
    let seg = article.segmented;
    let text = seg.text();
    let first = seg.tokens.partition_point(|t| t.span.start < anaphor.span.start);
    let end = seg.tokens.partition_point(|t| t.span.end <= anaphor.span.end);
    let [voice, by, the, _] = seg.tokens.get(end.checked_sub(4).filter(|&k| k >= first)?..end)? else { return None };
    let voice = voice.span.of(text).to_lowercase();
    let speaks =
        matches!(voice.as_str(), "spokesman" | "spokeswoman" | "spokesperson" | "spokesmen" | "spokeswomen" | "official" | "officials");
    if anaphor.pronoun || !speaks || !matches!(by.span.of(text), "for" | "at" | "of") {
        return None;
    }
    described_organization(article, lexicon, &description(seg, Span::new(the.span.start, anaphor.span.end))?)
}

/// "Her spokesman said", "his lawyers": who speaks for whom the possessive pronoun stands for,
/// that pronoun linked as the ranker links it (a man's spokesman is no "her"); not "their team".
fn voice_of_possessor(
    article: &Article<'_>,
    lexicon: &Lexicon,
    model: &CorefModel,
    entities: &[Entity],
    anaphor: &Anaphor,
    unnamed: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let seg = article.segmented;
    let text = seg.text();
    let first = seg.tokens.partition_point(|t| t.span.start < anaphor.span.start);
    let end = seg.tokens.partition_point(|t| t.span.end <= anaphor.span.end);
    let owner = seg.tokens.get(first)?.span;
    let head = anaphor.head.of(text).to_lowercase();
    let voice = PERSONAL_VOICES.contains(&head.as_str()) && head != "team";
    let possessive = matches!(owner.of(text), "his" | "His" | "her" | "Her" | "its" | "Its" | "their" | "Their");
    if anaphor.pronoun || !voice || !possessive || end > first + 3 {
        return None;
    }
    let pronoun = Anaphor { span: owner, head: owner, pronoun: true };
    link(article, lexicon, model, &pronoun, |e| unnamed(e) && agrees(lexicon, owner.of(text), &entities[e]))
}

/// A company's general nouns, which may stand for the organization an article is about whatever
/// its name.
const COMPANY_NOUNS: &[&str] = &["firm", "company", "corporation", "group", "conglomerate", "giant"];

/// Kinds of body that a description names only by their own names ("the police", "the
/// watchdog", "the paper"), seldom the body that spoke before, which is of another kind.
const KINDS_NAMED: &[&str] = &["police", "watchdog", "newspaper", "paper", "magazine", "media", "press"];

/// Words that call a body a newspaper, a magazine or the press ("Spanish daily ABC", "Arab
/// News", "Broadcast magazine").
const PRESS_WORDS: &[&str] =
    &["newspaper", "paper", "daily", "weekly", "tabloid", "magazine", "news", "times", "post", "journal", "telegraph", "herald", "press"];

/// Whether entity `e` may be what the head noun `head` of a speaking description calls it. "The
/// police said" is no party that spoke before: the police, a watchdog or the press is one that
/// its name or the words beside it call so ("the media watchdog, Reporters Without Borders";
/// "Spanish daily ABC ... the paper says"); any other noun fits anyone.
fn called_so(article: &Article<'_>, head: &str, e: usize) -> bool {
    if !KINDS_NAMED.contains(&head) {
        return true;
    }
    let press = !matches!(head, "police" | "watchdog");
    let beside = article.beside.get_or_init(|| words_beside(article.segmented, &article.mentions, article.entities.len()));
    let called = |w: &str| w == head || press && PRESS_WORDS.contains(&w);
    article.entities[e].0.split_whitespace().any(|w| called(&w.to_lowercase())) || beside[e].keys().any(|w| called(w))
}

/// Whether a description names a body of its own with a word before its head ("the harbour
/// board", "the ferry workers' union"): seldom the organization just named, as "the company"
/// or "the budget airline" are. So does a name the recognizer missed, capitalized words after the
/// article ("the Professional Footballers' Association"; not a role, "the Salford MP"): no other
/// entity's description.
fn is_own_body(text: &str, lexicon: &Lexicon, anaphor: &Anaphor) -> bool {
    let head = anaphor.head.of(text).to_lowercase();
    let governing =
        matches!(head.as_str(), "board" | "council" | "committee" | "commission" | "authority" | "court" | "union" | "assembly");
    let words: Vec<&str> = anaphor.span.of(text).split_whitespace().collect();
    let named = words.len() > 2
        && words[0].eq_ignore_ascii_case("the")
        && words[1..].iter().all(|w| w.starts_with(char::is_uppercase))
        && lexicon.role(anaphor.head.of(text)).is_none();
    !anaphor.pronoun && (governing && words.len() > 2 || named)
}

/// Whether a description is "the" and an organization noun that the article brought in with no
/// name ("A regiments' campaign group is to target ... The group said": `introduces_unnamed`):
/// it stands for that body, no one the article names.
fn is_unnamed_body(seg: &Segmented<'_>, lexicon: &Lexicon, anaphor: &Anaphor) -> bool {
    the_noun(seg.text(), anaphor)
        .is_some_and(|noun| lexicon.noun_type(&noun) == Some(EntityType::Organization) && seg.introduces_unnamed(anaphor.span.start, &noun))
}

/// The noun of a description that is "the" and one word ("the group", "The union"), lowercased.
fn the_noun(text: &str, anaphor: &Anaphor) -> Option<String> {
    let words: Vec<&str> = anaphor.span.of(text).split_whitespace().collect();
    let [the, noun] = words[..] else { return None };
    the.eq_ignore_ascii_case("the").then(|| noun.to_lowercase())
}

/// The entity a short definite description that speaks stands for, by the news convention that
/// names someone and then calls them by role ("Michael Howard has denied ... The Tory leader
/// said"): someone the article gave that role, else an organization it introduced with that
/// noun ("airline Alitalia"), else the speaker of the latest claim in this or
/// the previous sentence, else the latest person for a role word (the latest organization for an
/// organization noun) named in this or the previous sentence, else the speaker of a claim two
/// sentences back.
fn speaking_role(article: &Article<'_>, lexicon: &Lexicon, anaphor: &Anaphor) -> Option<usize> {
    let seg = article.segmented;
    let text = seg.text();
    let words: Vec<&str> = anaphor.span.of(text).split_whitespace().collect();
    if anaphor.pronoun
        || words.len() > 4
        || !words[0].eq_ignore_ascii_case("the")
        || words.iter().any(|w| w.ends_with("'s") || w.ends_with("’s"))
    {
        return None;
    }
    let head = anaphor.head.of(text).to_lowercase();
    let kind = if lexicon.role(&head).is_some() {
        EntityType::Person
    } else {
        lexicon.noun_type(&head).filter(|&k| k == EntityType::Organization)?
    };
    let sentence = sentence_at(seg, anaphor.span.start);
    // First someone the article gave that role ("Chancellor Gordon Brown ... the chancellor";
    // "shadow chancellor Oliver Letwin ... the shadow chancellor").
    let described = words[1..].join(" ").to_lowercase();
    let named: Vec<(Span, EntityType, usize)> = candidates(article, anaphor).into_iter().map(|c| article.mentions[c.mention]).collect();
    let titled = named
        .iter()
        .copied()
        .find(|&(_, k, e)| {
            k == kind && article.entities[e].1.iter().any(|r| r.eq_ignore_ascii_case(&head) || r.to_lowercase() == described)
        })
        .map(|(_, _, e)| e);
    // Then an organization the article introduced with that noun right before its name.
    let introduced = || (kind == EntityType::Organization).then(|| introduced_with_noun(article, anaphor, &head, &named)).flatten();
    // Then the speaker of the latest claim in this or the previous sentence, if of that type,
    // before the latest name ("Robinson had said he was livid about Kaplan's decisions. The
    // England coach went on to claim": Robinson).
    let fits = |e: usize| called_so(article, &head, e);
    // The claims are in text order: those before the description end the slice.
    let before = article.speakers.partition_point(|(content, _)| content.start < anaphor.span.start);
    let speaker_within = |back: usize| {
        article.speakers[..before]
            .iter()
            .rev()
            .take_while(|(content, _)| sentence - sentence_at(seg, content.end.saturating_sub(1)).min(sentence) <= back)
            .map(|&(_, e)| e)
            .find(|&e| article.kinds.get(e) == Some(&kind))
            .filter(|&e| fits(e))
    };
    // Else the latest name of that type, named in this or the previous sentence.
    let latest = || {
        named
            .iter()
            .find(|&&(_, k, _)| k == kind)
            .filter(|&&(span, _, e)| sentence - sentence_at(seg, span.start) <= 1 && fits(e))
            .map(|&(_, _, e)| e)
    };
    // Else the speaker of a claim two sentences back, across a quotation or an aside ("Arsenal's
    // Sol Campbell has called ... Past encounters have ... "It is ...," the defender told").
    titled.or_else(introduced).or_else(|| speaker_within(1)).or_else(latest).or_else(|| speaker_within(2))
}

/// The organization among the `named` candidates that the article introduced with the noun
/// `head` right before its name ("Italian airline Alitalia ... The airline declined to comment").
fn introduced_with_noun(article: &Article<'_>, anaphor: &Anaphor, head: &str, named: &[(Span, EntityType, usize)]) -> Option<usize> {
    let seg = article.segmented;
    let introducers = article.introducers.get_or_init(|| words_introducing(seg, &article.mentions, article.entities.len()));
    named
        .iter()
        .filter(|&&(_, k, _)| k == EntityType::Organization)
        .map(|&(_, _, e)| e)
        .find(|&e| introducers[e].get(head).is_some_and(|&end| end <= anaphor.span.start))
}

/// The person "the American", "the Scot" or "The Russian" stands for: the latest person named
/// before it with that nationality beside one of their names ("American Andy Roddick",
/// "Russia's Svetlana Kuznetsova" does not count), as sports copy writes. A nationality for a
/// people ("the French", "the Chinese", "the Israelis") names no one.
fn of_nationality(article: &Article<'_>, lexicon: &Lexicon, anaphor: &Anaphor, allowed: &dyn Fn(usize) -> bool) -> Option<usize> {
    let seg = article.segmented;
    if !one_of_a_nationality(lexicon, seg.text(), anaphor) {
        return None;
    }
    let beside = article.beside.get_or_init(|| words_beside(seg, &article.mentions, article.entities.len()));
    let nationality = anaphor.head.of(seg.text()).to_ascii_lowercase();
    let before = |e: usize| beside[e].get(&nationality).is_some_and(|w| w.iter().any(|w| w.end <= anaphor.span.start));
    candidates(article, anaphor)
        .into_iter()
        .map(|c| article.mentions[c.mention])
        .find(|&(_, k, e)| k == EntityType::Person && allowed(e) && before(e))
        .map(|(_, _, e)| e)
}

/// Whether a description is "the" and a nationality one person holds ("the American", "The
/// Spaniard"; not "the French", "the Chinese", "the Israelis": a people).
fn one_of_a_nationality(lexicon: &Lexicon, text: &str, anaphor: &Anaphor) -> bool {
    let head = anaphor.head.of(text);
    let words: Vec<&str> = anaphor.span.of(text).split_whitespace().collect();
    let one_person = !head.ends_with(['s', 'h']) && !head.ends_with("ese");
    let the = words.len() == 2 && words[0].eq_ignore_ascii_case("the");
    !anaphor.pronoun && the && one_person && head.starts_with(char::is_uppercase) && lexicon.is_demonym(head)
}

/// The person or organization a relative pronoun source follows: "the Office of Fair Trading
/// (OFT), which concluded", "Ana Ruiz, who argues". Only a name right before it (a comma or
/// closing parenthesis between); "a woman who claimed" names no one. Not after a dash: "...
/// challenge Disney - which in 2004 reported revenues of $30bn - but" is the writer's aside
/// inside someone's words, not their report.
fn relative_antecedent(article: &Article<'_>, anaphor: &Anaphor) -> Option<usize> {
    let seg = article.segmented;
    let text = seg.text();
    if !matches!(anaphor.span.of(text), "who" | "which" | "whom") {
        return None;
    }
    let at = seg.tokens.partition_point(|t| t.span.start < anaphor.span.start);
    let mut k = at.checked_sub(1)?;
    while k > 0 && matches!(seg.tokens[k].span.of(text), "," | ")") {
        k -= 1;
    }
    let end = seg.tokens[k].span.end;
    // Mentions are sorted by start: those ending there start before it, a name's length back.
    let before = article.mentions.partition_point(|&(span, _, _)| span.start < end);
    article.mentions[..before]
        .iter()
        .rev()
        .take(8)
        .find(|&&(span, kind, _)| span.end == end && matches!(kind, EntityType::Person | EntityType::Organization))
        .map(|&(_, _, e)| e)
}

/// The person "the 28-year-old" (", the 27-year-old Austrian said") stands for. News names its
/// subject, then calls them by their age without stating it anywhere else: the latest person
/// named at least twice before the description (within `LOOK_BACK` mentions; a name said once in passing,
/// "his coach Remy Korchemy", is seldom the subject), else the latest person named.
fn aged_person(article: &Article<'_>, anaphor: &Anaphor) -> Option<usize> {
    let text = article.segmented.text();
    let mut words = anaphor.span.of(text).split_whitespace();
    let the = words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let age =
        // "The 31-year-old, who won silver in 2000, said": the relative clause after the comma.
        words.next().and_then(|w| w.trim_end_matches(',').strip_suffix("-year-old")).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if anaphor.pronoun || !the || !age {
        return None;
    }
    let named = named_before(article, anaphor, EntityType::Person);
    let latest = |min: usize| named.iter().rev().find(|&&(_, times)| times >= min).map(|&(e, _)| e);
    latest(2).or_else(|| latest(1))
}

/// The entity that "the former monopoly" stands for: the latest one named with that description
/// in an apposition ("Kelso Ferries, the former monopoly, ..."), by the convention that
/// introduces a description beside the name before using it alone. The description's words
/// after its article must stand together among the apposition's first five words, its head last
/// there or before a relative or a preposition ("a charity that campaigns for dockers").
fn apposed(article: &Article<'_>, anaphor: &Anaphor) -> Option<usize> {
    let seg = article.segmented;
    let text = seg.text();
    let mut words = anaphor.span.of(text).split_whitespace();
    if anaphor.pronoun || !words.next().is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "this")) {
        return None;
    }
    let described: Vec<String> = words.map(str::to_lowercase).collect();
    if described.is_empty() {
        return None;
    }
    let tokens = &seg.tokens;
    let before = article.mentions.partition_point(|&(span, _, _)| span.start < anaphor.span.start);
    article.mentions[before.saturating_sub(LOOK_BACK)..before].iter().rev().find_map(|&(span, _, entity)| {
        let after = tokens.partition_point(|t| t.span.start < span.end);
        // Only a name with a comma after it has an apposition: the words after others are not
        // read (a page of thousands of names).
        if tokens.get(after).is_none_or(|t| t.span.of(text) != ",") {
            return None;
        }
        let window: Vec<String> =
            tokens[(after + 1).min(tokens.len())..(after + 12).min(tokens.len())].iter().map(|t| t.span.of(text).to_lowercase()).collect();
        // An apposition closes within the window and has no verb ("Sage Centre, the chancellor
        // said ..." is the start of a clause).
        let close = window.iter().position(|w| matches!(w.as_str(), "," | "." | ";" | ":"))?;
        let apposition = &window[..close];
        let verb = apposition.iter().any(|w| APPOSITION_VERBS.contains(&w.as_str()));
        let opens = !verb && apposition.first().is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"));
        // "a charity that campaigns for dockers": the head may have a clause or phrase after it.
        let at = |k: usize| {
            apposition[k..].starts_with(&described)
                && apposition
                    .get(k + described.len())
                    .is_none_or(|w| matches!(w.as_str(), "that" | "which" | "who" | "of" | "for" | "in" | "at" | "with" | "from" | "based"))
        };
        (opens && (1..apposition.len().min(5)).any(at)).then_some(entity)
    })
}

/// Words that make the words after a name and its comma a clause, not an apposition.
const APPOSITION_VERBS: &[&str] =
    &["said", "says", "say", "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "did", "does"];

/// The entities of `kind` named in the `LOOK_BACK` mentions before `anaphor`, each with how
/// often, in the order of their latest mention (the latest last).
fn named_before(article: &Article<'_>, anaphor: &Anaphor, kind: EntityType) -> Vec<(usize, usize)> {
    let before = article.mentions.partition_point(|&(span, _, _)| span.start < anaphor.span.start);
    let mut named: Vec<(usize, usize)> = Vec::new();
    for &(span, k, entity) in &article.mentions[before.saturating_sub(LOOK_BACK)..before] {
        if k == kind && span.end <= anaphor.span.start {
            let times = named.iter().position(|&(e, _)| e == entity).map_or(0, |i| named.remove(i).1);
            named.push((entity, times + 1));
        }
    }
    named
}

/// Words of newspapers' names ("Financial Times Deutschland", "The Sunday Telegraph", "Daily
/// Mirror"), by the convention that names a paper after what it does or where ("news" is left out:
/// "News Corporation" owns papers).
const NEWSPAPER_WORDS: &[&str] = &[
    "times",
    "post",
    "journal",
    "telegraph",
    "guardian",
    "independent",
    "observer",
    "mirror",
    "mail",
    "express",
    "herald",
    "standard",
    "sun",
    "tribune",
    "chronicle",
    "gazette",
    "scotsman",
    "economist",
    "daily",
    "monde",
    "figaro",
    "zeitung",
    "vedomosti",
    "kommersant",
    "izvestia",
];

/// "the paper said", "the newspaper reported": the latest organization named before it whose
/// name holds a newspaper's word (the ranker, which has met few papers, gave "the paper" the
/// company the paper wrote about).
fn newspaper(article: &Article<'_>, anaphor: &Anaphor) -> Option<usize> {
    let text = article.segmented.text();
    let words: Vec<&str> = anaphor.span.of(text).split_whitespace().collect();
    let paper = |w: &str| matches!(w.to_lowercase().as_str(), "paper" | "newspaper" | "tabloid");
    if anaphor.pronoun || words.len() != 2 || !words[0].eq_ignore_ascii_case("the") || !paper(words[1]) {
        return None;
    }
    let is_newspaper = |e: usize| {
        article.entities[e].0.split(|c: char| !c.is_alphanumeric()).any(|w| NEWSPAPER_WORDS.contains(&w.to_lowercase().as_str()))
    };
    named_before(article, anaphor, EntityType::Organization).iter().rev().map(|&(e, _)| e).find(|&e| is_newspaper(e))
}

/// Nouns of what a person or organization publishes, which then speaks for them ("the report
/// said", "the survey found"): a narrower list than attribution's documents (no "poll", which
/// British news also writes for an election, "Labour's poll campaign"; no "letter" or "video").
const PUBLISHED: &[&str] = &["report", "survey", "study", "research", "figures", "findings", "review", "analysis", "statement"];

/// The author "the report" (any of `PUBLISHED`) stands for, as the news guidelines give a report
/// its author: the person or organization named after the latest such noun before it and "by"
/// or "from" (one word may stand between: "a survey conducted by X", "a report by analysts
/// Forrester Research"), within the next six words of that sentence, named with a possessive
/// before it ("the Pensions Commission's report") or right before it ("An IAAF statement said:
/// ... The statement continued"), or its publisher (`publisher`: "Oxfam says in a report").
fn document_author(article: &Article<'_>, anaphor: &Anaphor) -> Option<usize> {
    let seg = article.segmented;
    let text = seg.text();
    let words: Vec<&str> = anaphor.span.of(text).split_whitespace().collect();
    if anaphor.pronoun || words.len() != 2 || !words[0].eq_ignore_ascii_case("the") || !PUBLISHED.contains(&words[1]) {
        return None;
    }
    let tokens = &seg.tokens;
    let word = |k: usize| tokens[k].span.of(text).to_lowercase();
    let starting =
        |k: usize| article.mentions.iter().find(|&&(span, kind, _)| span.start == tokens[k].span.start && kind != EntityType::Place);
    let ending = |k: usize| article.mentions.iter().find(|&&(span, kind, _)| span.end == tokens[k].span.end && kind != EntityType::Place);
    let at = tokens.partition_point(|t| t.span.start < anaphor.span.start);
    (1..at).rev().filter(|&k| PUBLISHED.contains(&word(k).as_str())).find_map(|k| {
        let sentence = seg.sentence_of(k);
        let by = (k + 1..(k + 3).min(at)).find(|&b| matches!(word(b).as_str(), "by" | "from"));
        let named_after = by.and_then(|b| {
            (b + 1..(b + 7).min(at)).take_while(|&m| seg.sentence_of(m) == sentence).find_map(|m| starting(m).map(|&(_, _, e)| e))
        });
        let possessor = (k.saturating_sub(2)..k)
            .find(|&p| tokens[p].kind == crate::segment::TokenKind::Possessive)
            .and_then(|p| p.checked_sub(1))
            .and_then(|p| ending(p).map(|&(_, _, e)| e));
        let modifier = k.checked_sub(1).and_then(|p| ending(p).map(|&(_, _, e)| e));
        named_after.or(possessor).or(modifier).or_else(|| publisher(article, k))
    })
}

/// Verbs of making a document public, before the document as their object ("The Home Office has
/// produced its own report").
const PUBLISHING: &[&str] = &["produced", "published", "released", "issued", "commissioned", "compiled", "unveiled"];

/// The person or organization that published the document named at token `k`: "Oxfam says in a
/// report", "The Home Office has produced its own report": a publishing verb, or a speech verb
/// and "in", within the four words before the noun (after "a", "an", "its", "their", "his",
/// "her", "own", "new", "latest", "annual"), the subject of that verb the first person or
/// organization named in the sentence before it.
fn publisher(article: &Article<'_>, k: usize) -> Option<usize> {
    let seg = article.segmented;
    let text = seg.text();
    let word = |x: usize| seg.tokens[x].span.of(text).to_lowercase();
    let sentence = &seg.sentences[seg.sentence_of(k)];
    let skip = |x: &usize| matches!(word(*x).as_str(), "a" | "an" | "its" | "their" | "his" | "her" | "own" | "new" | "latest" | "annual");
    let verb = (k.saturating_sub(5).max(sentence.tokens.start)..k).rev().find(|x| !skip(x))?;
    let published = PUBLISHING.contains(&word(verb).as_str())
        || word(verb) == "in" && verb > sentence.tokens.start && matches!(word(verb - 1).as_str(), "says" | "said" | "warns" | "warned");
    if !published {
        return None;
    }
    let before = seg.tokens[verb].span.start;
    let from = article.mentions.partition_point(|&(span, _, _)| span.start < seg.tokens[sentence.tokens.start].span.start);
    article.mentions[from..]
        .iter()
        .take_while(|&&(span, _, _)| span.end <= before)
        .find(|&&(_, kind, _)| kind != EntityType::Place)
        .map(|&(_, _, e)| e)
}

/// The speaker a pronoun source carries over by the convention of agency copy ("Lord Vance
/// said ... . "...," he said."): the source of the latest claim whose source words come before
/// it (not words reported inside another claim), when those words lie within the three
/// sentences before (the sentence before for "they"), the pronoun can stand for that source ("he",
/// "she", "it", "they" for a body), and no other entity of its type is named between them outside
/// what claims say.
fn carried_speaker(article: &Article<'_>, lexicon: &Lexicon, entities: &[Entity], claims: &[Claim], anaphor: &Anaphor) -> Option<usize> {
    let seg = article.segmented;
    let pronoun = anaphor.head.of(seg.text());
    if !anaphor.pronoun || !matches!(pronoun_class(pronoun), Some("he" | "she" | "it" | "they")) {
        return None;
    }
    // A source inside another claim's words is that claim's speaker's report, not a speaker of
    // the narrative ("Lord Vance denied Ms Ruiz said ..."). The latest by start (the last claim
    // on a tie), read backwards from the anaphor.
    let said = |s: Span| article.said(s);
    let before = article.source_claims.partition_point(|(s, _)| s.start < anaphor.span.start);
    let &(from, claim) = article.source_claims[..before].iter().rev().find(|(s, _)| s.end <= anaphor.span.start && !said(*s))?;
    let speaker = claims[claim].source?;
    let voice = !agrees(lexicon, pronoun, &entities[speaker]) && voice_of_body(seg.text(), from, pronoun, &entities[speaker]);
    if sentence_at(seg, anaphor.span.start) > sentence_at(seg, from.start) + 3 || !agrees(lexicon, pronoun, &entities[speaker]) && !voice {
        return None;
    }
    let they = pronoun_class(pronoun) == Some("they");
    if they && !body_they(article, lexicon, &claims[claim], from, anaphor) {
        return None;
    }
    // A spokesman's "he" and a body's "they" are no longer theirs once a person is named ("A
    // spokesman declined to comment. Mr Vik was not convinced, he said").
    let kind = entities[speaker].kind;
    let other = |k: EntityType| k == kind || (voice || they) && k == EntityType::Person;
    let first = article.mentions.partition_point(|(s, _, _)| s.start < from.end);
    let mut between = article.mentions[first..]
        .iter()
        .take_while(|(s, _, _)| s.start < anaphor.span.start)
        .filter(|(s, k, e)| s.end <= anaphor.span.start && other(*k) && *e != speaker);
    between.all(|&(s, _, _)| said(s)).then_some(speaker)
}

/// Whether "they" may carry the body that spoke `claim` (its source words at `from`): it opens
/// the next sentence ("They say ...", after "And", "But", "However") or the body's own words
/// ("The Liberal Democrats say they also oppose ..."), not a clause of someone else's ("which
/// they claimed"), and no plural noun for people stands between ("..., prompting unions to
/// threaten action. They believe ...").
fn body_they(article: &Article<'_>, lexicon: &Lexicon, claim: &Claim, from: Span, anaphor: &Anaphor) -> bool {
    let seg = article.segmented;
    let at = anaphor.span.start;
    let sentence = &seg.sentences[sentence_at(seg, at)];
    let opener = |k: usize| matches!(seg.word(k), "And" | "But" | "However" | ",");
    let first = (sentence.tokens.start..sentence.tokens.end).find(|&k| !opener(k)).map(|k| seg.tokens[k].span.start);
    let words = claim.content;
    let opens = first == Some(at) || words.start <= at && seg.text()[words.start..at].trim_start_matches("that").trim().is_empty();
    let near = sentence_at(seg, at) <= sentence_at(seg, from.start) + 1;
    near && opens && !people_between(article, lexicon, from.end, at)
}

/// Whether a plural noun for people or a pair stands between byte offsets `from` and `to`
/// outside what claims say ("unions", "the campaigners", "ministers", "the Greek pair"): a "they"
/// after it is theirs.
fn people_between(article: &Article<'_>, lexicon: &Lexicon, from: usize, to: usize) -> bool {
    let seg = article.segmented;
    let first = seg.tokens.partition_point(|t| t.span.start < from);
    seg.tokens[first..].iter().take_while(|t| t.span.end <= to).filter(|t| !article.said(t.span)).any(|t| {
        let w = t.span.of(seg.text());
        let plural_role = w.len() > 3 && w.ends_with('s') && w.starts_with(char::is_lowercase) && lexicon.role(&w[..w.len() - 1]).is_some();
        plural_role
            || matches!(
                w,
                "unions" | "campaigners" | "critics" | "researchers" | "workers" | "protesters" | "supporters" | "pair" | "people"
            )
    })
}

/// "The company also unveiled plans ... . It added that ...": "it" opening a sentence stands for
/// the organization that the subject of the sentence before, a company's general noun after
/// "the" ([`described_organization`]), stands for, rather than a body named in passing between
/// them ("a new Harbour Services division").
fn described_subject_before(article: &Article<'_>, lexicon: &Lexicon, anaphor: &Anaphor) -> Option<usize> {
    let seg = article.segmented;
    if !anaphor.pronoun || pronoun_class(anaphor.head.of(seg.text())) != Some("it") {
        return None;
    }
    let s = sentence_at(seg, anaphor.span.start);
    let before = &seg.sentences[s.checked_sub(1)?];
    let (first, next) = (before.tokens.start, before.tokens.start + 2);
    let opens = seg.tokens[seg.sentences[s].tokens.start].span == anaphor.span;
    // "The company also ...", not "The company's shares ...".
    if !opens || next >= before.tokens.end || !seg.word(next).starts_with(char::is_lowercase) {
        return None;
    }
    let description = description(seg, Span::new(seg.tokens[first].span.start, seg.tokens[next - 1].span.end))?;
    described_organization(article, lexicon, &description)
}

/// Whether source words are one unnamed person who speaks for `body`, an organization ("a
/// spokesman", "an Ofcom official"), whom "he" or "she" then carries on ("But a spokesman said
/// ... . "...," he said."): the spokesman's sex, where the word gives it, agrees with the pronoun.
fn voice_of_body(text: &str, words: Span, pronoun: &str, body: &Entity) -> bool {
    let head = words.of(text).rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("").to_lowercase();
    let sex = match head.as_str() {
        "spokesman" => "he",
        "spokeswoman" => "she",
        "spokesperson" | "official" | "insider" | "source" | "aide" | "lawyer" | "strategist" => "any",
        _ => return false,
    };
    body.kind == EntityType::Organization && matches!(pronoun_class(pronoun), Some(p @ ("he" | "she")) if sex == "any" || sex == p)
}

/// Whether `entity` is a person named in what a claim says (`words`) and not in `source`, the
/// words naming its speaker: then not its speaker ("the chancellor said Mr Fallon was impugning
/// ...", "\"I made a vow to Costacurta,\" he said": a speaker does not call themselves by
/// name). Organizations do ("Revenues at Reuters slipped 11%, the group said"), and so does a
/// reporter's paraphrase with a possessive ("... signed up for Ricky Gervais' new sitcom, the
/// comedian has told BBC News"). A name that speaks there does not count: a frame inside a
/// quotation ("\"...,\" said X. \"...\"") or a narrator's sentence that the words reach
/// ("Although Baros insisted ..., he ..."). Nor does anything where the source is framed inside a
/// clause, whose limits the words do not know.
fn named_in_words(text: &str, entity: &Entity, claim: &Claim, source: Span, sources: &SpanIndex) -> bool {
    let words = claim.content;
    if entity.kind != EntityType::Person || framed_inside_clause(text, claim, source) {
        return false;
    }
    let within = |outer: Span| {
        let first = entity.mentions.partition_point(|m| m.start < outer.start);
        entity.mentions[first..].iter().take_while(move |m| m.end <= outer.end)
    };
    let possessive = |m: Span| text[m.end..].starts_with(['\'', '\u{2019}']);
    let mut named = within(words).filter(|&&m| !sources.contains(m) && !possessive(m));
    within(source).next().is_none() && named.next().is_some()
}

/// Whether a claim's source stands inside the words it reports ("it is the prime minister who, he
/// claims, is ...", not a quotation's frame) or opens a relative or adverbial clause ("charges
/// in court, which he denies"; "turning to face the chancellor, as he spoke").
fn framed_inside_clause(text: &str, claim: &Claim, source: Span) -> bool {
    let before = text[..source.start].trim_end().trim_end_matches(',').trim_end();
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    let words = claim.content;
    (!claim.direct && words.start < source.start && source.end < words.end)
        || matches!(word.as_str(), "which" | "who" | "whom" | "as" | "since" | "when" | "while" | "although" | "though" | "because")
}

/// Records `span` as a reference to entity `e` by `rule`, in place of what the pronoun loop of
/// [`apply`] may have given the words to (the ranker's choice).
fn carry_reference(entities: &mut [Entity], span: Span, e: usize, rule: &'static str) {
    for entity in entities.iter_mut() {
        entity.references.remove(&span);
    }
    entities[e].references.insert(span, rule);
}

/// "The charity recommends", "the bank said", further back than `speaking_role` looks: an
/// organization noun that names no person (`describes` in nouns.tsv) after "the" stands for
/// the latest organization named before it whose name holds the noun ("the bank": the Bank of
/// England), else, for a company's general nouns ("the firm", "the group"), the latest one
/// named at least twice, else the only one named.
fn described_organization(article: &Article<'_>, lexicon: &Lexicon, anaphor: &Anaphor) -> Option<usize> {
    let noun = the_noun(article.segmented.text(), anaphor).filter(|noun| !anaphor.pronoun && lexicon.describes_organization(noun))?;
    let named = named_before(article, anaphor, EntityType::Organization);
    let holds_noun = |e: usize| article.entities[e].0.split_whitespace().any(|w| w.eq_ignore_ascii_case(&noun));
    let latest = |test: &dyn Fn(&(usize, usize)) -> bool| named.iter().rev().find(|n| test(n)).map(|&(e, _)| e);
    let by_name = latest(&|&(e, _)| holds_noun(e));
    // "The union", "the charity", "the watchdog" say what kind of body it is, which the names of
    // the other organizations around it need not be: only a company's general nouns fall back
    // on the organization the article is about.
    if !COMPANY_NOUNS.contains(&noun.as_str()) {
        return by_name;
    }
    if by_name.is_some() || article.segmented.introduces_unnamed(anaphor.span.start, &noun) {
        return by_name;
    }
    latest(&|&(_, times)| times >= 2).or_else(|| (named.len() == 1).then(|| named[0].0))
}
