//! Resolution: which mentions are the same entity, and the stable key that gives each entity one
//! IRI across articles, runs and stores.
//!
//! Within an article, mentions join when they match one gazetteer entry, share a surface form,
//! stand in a parenthetical alias ("Abu Mukhammad Kadarsky (Rustam Asilderov)"), are a short form
//! of one longer person name ("Gorevoy", "Paul Goble" for "Paul A. Goble"), or are the acronym of
//! an organization's name ("RISS"). A short form that fits two different people joins neither.
//! Across articles nothing is compared: an entity's key is computed from its type and canonical
//! name (the gazetteer's name where it has one, initials dropped from people's names), so the same
//! name in two articles meets in one IRI without any shared state. This is what lets extraction
//! run in parallel over a stream. Sources and intermediaries of claims become entity indices.

use crate::attribute::{Attributed, Cue, DateRef, Quantity};
use crate::layout::Article;
use crate::lexicon::{EntityType, Known, Lexicon, Place, RoleClass};
use crate::recognize::{Mention, Predicate, Recognized};
use crate::text::{Diagnostic, Span, fold_typography, initials, is_acronym_of, without_country_acronym};
use std::collections::{BTreeSet, HashMap, HashSet};

/// One entity of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Stable key: type and canonical name, e.g. `person/ruslan-gorevoy`.
    pub key: String,
    /// Its type.
    pub kind: EntityType,
    /// Its preferred name.
    pub name: String,
    /// Other names it goes by in this article.
    pub aliases: Vec<String>,
    /// Its mentions in this article, in text order.
    pub mentions: Vec<Span>,
    /// The rules that typed and joined its mentions, all together.
    pub evidence: Vec<&'static str>,
    /// The rules behind each mention: what typed it and what joined it to this entity.
    pub mention_rules: std::collections::BTreeMap<Span, Vec<&'static str>>,
    /// The gazetteer's place, for places it knows.
    pub place: Option<Place>,
    /// Roles stated for it ("commentator").
    pub roles: Vec<String>,
    /// Honorifics written before its name ("Sir", "Dr", "Baroness"): no role.
    pub honorifics: Vec<String>,
    /// Pronouns and descriptions that stand for it ("he", "the Tory leader"), in text order,
    /// each with the rule that joined it (coreference).
    pub references: std::collections::BTreeMap<Span, &'static str>,
}

/// A claim with entity sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// What was said.
    pub content: Span,
    /// How it was introduced.
    pub cue: Option<Cue>,
    /// Index of the source entity.
    pub source: Option<usize>,
    /// The words naming the source.
    pub source_span: Option<Span>,
    /// Index of the intermediary entity.
    pub reported_by: Option<usize>,
    /// Index of the claim that reports this one.
    pub parent: Option<usize>,
    /// Whether it is a direct quotation.
    pub direct: bool,
    /// Whether its cue is negated ("did not say").
    pub negated: bool,
    /// Numbers in it.
    pub quantities: Vec<Quantity>,
    /// Whether it is a reader comment.
    pub comment: bool,
    /// Dates in its sentence.
    pub dates: Vec<DateRef>,
}

/// A relation between entities.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Index of the subject entity.
    pub subject: usize,
    /// The relation.
    pub predicate: Predicate,
    /// Index of the object entity.
    pub object: usize,
    /// The role words, if stated.
    pub role: Option<String>,
    /// Where the text states it.
    pub span: Span,
}

/// Everything the pure pipeline found in one article.
#[derive(Debug, Clone)]
pub struct Document {
    /// The article with its metadata.
    pub article: Article,
    /// Entities, sorted by key.
    pub entities: Vec<Entity>,
    /// Claims, in text order.
    pub claims: Vec<Claim>,
    /// Relations, in text order.
    pub relations: Vec<Relation>,
    /// Problems found on the way.
    pub diagnostics: Vec<Diagnostic>,
    /// Pronouns for a person ("he", "her") and claim sources ("a senior official") that stand for
    /// someone the article does not name, or whom coreference could not find, in text order.
    pub unresolved: Vec<Span>,
}

/// Resolves the mentions and claims of one article.
pub fn resolve(attributed: &Attributed<'_>, lexicon: &Lexicon, diagnostics: Vec<Diagnostic>) -> Document {
    let r = attributed.recognized;
    let text = r.text();
    // The recognizer's mentions, then the names found as claims' sources (numbered after them).
    let mut mentions: Vec<Mention> = r.mentions.iter().chain(&attributed.speakers).cloned().collect();
    let n = mentions.len();
    let mut sets = UnionFind::new(n);
    let surface: Vec<String> = mentions.iter().map(|m| fold_typography(m.span.of(text))).collect();
    forget_redefined(r, lexicon, &surface, &mut mentions);
    let mut rules: Vec<Vec<&'static str>> = mentions.iter().map(|m| vec![m.rule]).collect();
    join_same_names(&mentions, &surface, &mut sets);
    join_aliases(r, &mut sets, &mut rules);
    join_initialed_names(&mentions, &surface, &mut sets, &mut rules);
    join_peers(&mentions, &surface, &mut sets, &mut rules);
    join_short_forms(&mentions, lexicon, &surface, &mut sets, &mut rules);

    let groups = groups(&mut sets, n);
    let mut entities: Vec<Entity> = groups.iter().map(|g| entity(&mentions, lexicon, &surface, &rules, g)).collect();
    let mut mention_entity = vec![0; n];
    for (e, g) in groups.iter().enumerate() {
        for &m in g {
            mention_entity[m] = e;
        }
    }
    add_roles(r, lexicon, &mention_entity, &mut entities);
    let (entities, new_index) = merge_same_keys(entities);
    let entity_of: Vec<usize> = mention_entity.iter().map(|&e| new_index[e]).collect();
    let claims = claims(attributed, &entity_of);
    let relations = relations(r, &entity_of);
    Document { article: r.segmented.article.clone(), entities, claims, relations, diagnostics, unresolved: Vec::new() }
}

/// Joins mentions of the same gazetteer entry or with the same surface form (each to the first
/// with it: the sets are those of joining every pair, in linear time). A dateline joins only
/// mentions of its own type: "NEW YORK" over a baseball results table is the city, and the
/// team in the table another entity.
fn join_same_names(mentions: &[Mention], surface: &[String], sets: &mut UnionFind) {
    let mut first_known: HashMap<Known, usize> = HashMap::new();
    let mut first_surface: HashMap<&str, usize> = HashMap::new();
    let mut first_typed: HashMap<(EntityType, &str), usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(k) = m.known {
            sets.union(i, *first_known.entry(k).or_insert(i));
        }
        sets.union(i, *first_typed.entry((m.kind, surface[i].as_str())).or_insert(i));
        if m.rule != "dateline" {
            sets.union(i, *first_surface.entry(surface[i].as_str()).or_insert(i));
        }
    }
}

/// An acronym the article defines for a name of its own ("the Coastal Workers Union (CWU)")
/// means that name wherever the article writes it, not the gazetteer's organization of the same
/// spelling (the Communication Workers Union): its mentions lose the entry. Not when the name is
/// the entry's, spelt another way ("World Trade Organisation (WTO)").
fn forget_redefined(r: &Recognized<'_>, lexicon: &Lexicon, surface: &[String], mentions: &mut [Mention]) {
    let redefined: HashSet<&str> = r
        .same
        .iter()
        .filter(|&&(name, alias)| {
            let Some(Known::Organization(o)) = mentions[alias].known else { return false };
            mentions[name].known != mentions[alias].known
                && is_acronym_of(&surface[alias], &surface[name])
                && !same_spelling(&surface[name], &lexicon.organizations[o])
        })
        .map(|&(_, alias)| surface[alias].as_str())
        .collect();
    for (m, s) in mentions.iter_mut().zip(surface) {
        if redefined.contains(s.as_str()) {
            m.known = None;
        }
    }
}

/// Whether two names are one written two ways: the same capitalized words, each the same in its
/// first five letters ("Organisation" and "Organization", "Workers'" and "Workers", "Hewlett
/// Packard" and "Hewlett-Packard").
fn same_spelling(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| w.starts_with(char::is_uppercase))
            .map(|w| w.chars().take(5).collect::<String>().to_lowercase())
            .collect()
    };
    words(a) == words(b)
}

/// Joins each parenthetical alias to the name before it.
fn join_aliases(r: &Recognized<'_>, sets: &mut UnionFind, rules: &mut [Vec<&'static str>]) {
    for &(a, b) in &r.same {
        sets.union(a, b);
        rules[b].push("parenthetical alias");
    }
}

/// Joins a person named by an initial and surname ("G Henson", "G. Henson", as team sheets write
/// them) to the one person named in full with that first letter and surname ("Gavin Henson"), so
/// that the surname alone has one person to be a short form of. Two such people ("Guy" and
/// "Gareth") join neither.
fn join_initialed_names(mentions: &[Mention], surface: &[String], sets: &mut UnionFind, rules: &mut [Vec<&'static str>]) {
    // A person's name as (first letter, the other words lowercased), with whether it opens
    // with an initial.
    let key = |name: &str| -> Option<(char, String, bool)> {
        let (first, rest) = name.split_once(' ')?;
        let letter = first.chars().next().filter(|c| c.is_uppercase())?;
        let initial = first.trim_end_matches('.').chars().count() == 1;
        Some((letter, rest.split_whitespace().map(short_form_word).collect::<Vec<_>>().join(" "), initial))
    };
    let mut full: HashMap<(char, String), BTreeSet<usize>> = HashMap::new();
    for j in (0..mentions.len()).filter(|&j| mentions[j].kind == EntityType::Person) {
        if let Some((letter, rest, false)) = key(&surface[j]) {
            full.entry((letter, rest)).or_default().insert(j);
        }
    }
    for i in (0..mentions.len()).filter(|&i| mentions[i].kind == EntityType::Person) {
        let Some((letter, rest, true)) = key(&surface[i]) else { continue };
        if let Some(names) = full.get(&(letter, rest)) {
            join_the_one(sets, rules, i, names, "initial of a name");
        }
    }
}

/// Joins mention `i` to the entity `names` make, when they make one, with `rule`.
fn join_the_one(sets: &mut UnionFind, rules: &mut [Vec<&'static str>], i: usize, names: &BTreeSet<usize>, rule: &'static str) {
    let sets_of: BTreeSet<usize> = names.iter().map(|&j| sets.find(j)).collect();
    if let [j] = sets_of.into_iter().collect::<Vec<_>>()[..] {
        sets.union(i, j);
        rules[i].push(rule);
    }
}

/// Titles a peer goes by before their surname ("Lord Sainsbury", "Baroness Greenfield").
const PEERAGE: &[&str] = &["Lord", "Baroness", "Lady", "Baron", "Viscount", "Viscountess", "Earl", "Countess"];

/// Joins a peer named by title and surname ("Lord Sainsbury") to the one person the article
/// names in full with that surname ("David Sainsbury"), as British news writes a peer both ways;
/// two such people ("Lady Boothroyd" among two Boothroyds) join neither.
fn join_peers(mentions: &[Mention], surface: &[String], sets: &mut UnionFind, rules: &mut [Vec<&'static str>]) {
    let person = |j: usize| mentions[j].kind == EntityType::Person;
    let mut in_full: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for j in (0..mentions.len()).filter(|&j| person(j)) {
        let words: Vec<&str> = surface[j].split_whitespace().collect();
        if words.len() >= 2 && !PEERAGE.contains(&words[0]) && !opens_with_initial(&surface[j]) {
            in_full.entry(words[words.len() - 1]).or_default().insert(j);
        }
    }
    for i in (0..mentions.len()).filter(|&i| person(i)) {
        let Some((title, surname)) = surface[i].split_once(' ') else { continue };
        if let Some(names) = in_full.get(surname).filter(|_| PEERAGE.contains(&title)) {
            join_the_one(sets, rules, i, names, "peer's title of a name");
        }
    }
}

/// Joins a short form of a person's name, or an acronym of an organization's name, to the one
/// longer name it fits; one that fits two entities joins neither. The longer names a short one
/// can fit are looked up by their last word, first word or initials, not tried one by one.
fn join_short_forms(mentions: &[Mention], lexicon: &Lexicon, surface: &[String], sets: &mut UnionFind, rules: &mut [Vec<&'static str>]) {
    let index = ShortFormIndex::new(mentions, lexicon, surface);
    for i in 0..mentions.len() {
        let short = &surface[i];
        let fitting: Vec<usize> = index
            .possible(mentions[i].kind, short)
            .into_iter()
            .filter(|&j| {
                j != i && (surface[j].len() > short.len() || club_words(lexicon, &mentions[j]).is_some_and(|(town, _)| town == short))
            })
            .filter(|&j| match (mentions[i].kind, mentions[j].kind) {
                (EntityType::Person, EntityType::Person) => is_short_form(short, &surface[j]) || is_first_name_of(short, &surface[j]),
                (EntityType::Organization, EntityType::Organization) => is_organization_short_form(lexicon, mentions, surface, i, j),
                _ => false,
            })
            .collect();
        let mut candidates: BTreeSet<usize> = fitting.iter().map(|&j| sets.find(j)).collect();
        // "Jones" after "Stephen Jones" is he, though a team sheet also lists "A Jones": of
        // several people, the one named in full, if only one was.
        let in_full: BTreeSet<usize> = fitting.iter().filter(|&&j| !opens_with_initial(&surface[j])).map(|&j| sets.find(j)).collect();
        if candidates.len() > 1 && in_full.len() == 1 && mentions[i].kind == EntityType::Person {
            candidates = in_full;
        }
        if candidates.len() == 1 {
            let j = *candidates.iter().next().expect("one candidate");
            sets.union(i, j);
            rules[i].push(match mentions[i].kind {
                EntityType::Person if is_first_name_of(short, &surface[j]) => "first name of a name",
                EntityType::Person => "short form of a name",
                _ if club_words(lexicon, &mentions[j]).is_some_and(|(_, last)| last == short) => "last word of a club's name",
                _ if !crate::text::spells_initials(short, &surface[j]) => "opening words of a name",
                _ => "acronym of a name",
            });
        }
    }
}

/// Whether organization mention `i` is a short form of mention `j`: its acronym, its opening
/// words before a company's form ("Cairn" of "Cairn Energy"), a club's town ("Tottenham") or
/// last word ("United's chief executive" of Manchester United), or
/// its name without a country's acronym or "The" before it ("Department of Justice" of "US
/// Department of Justice", "UK Film Council" of "The UK Film Council").
fn is_organization_short_form(lexicon: &Lexicon, mentions: &[Mention], surface: &[String], i: usize, j: usize) -> bool {
    let (short, long) = (surface[i].as_str(), surface[j].as_str());
    // A town typed the club keeps the gazetteer's place ("Tottenham").
    let unknown = !matches!(mentions[i].known, Some(Known::Organization(_)));
    let club = club_words(lexicon, &mentions[j]).is_some_and(|(town, last)| town == short || last == short);
    let opens = long.starts_with(short) || club;
    let national = crate::text::without_country_acronym(long) == Some(short) || long.strip_prefix("The ") == Some(short);
    crate::text::spells_initials(short, long) || unknown && opens || national
}

/// The two parts of the name of a club of `clubs.tsv` that news writes alone for the club, however
/// the article writes the club ("Spurs"): its town, the name without its last word ("Tottenham" of
/// "Tottenham Hotspur"), and that last word ("United" of "Manchester United", "Villa" of "Aston
/// Villa"; two clubs of one town or ending in one word, neither).
fn club_words<'l>(lexicon: &'l Lexicon, m: &Mention) -> Option<(&'l str, &'l str)> {
    let Some(Known::Organization(i)) = m.known.filter(|&k| lexicon.is_club(k)) else { return None };
    lexicon.organizations[i].rsplit_once(' ')
}

/// Whether a person's name opens with an initial ("A Jones", "G. Henson", "J-P Grandclaude").
fn opens_with_initial(name: &str) -> bool {
    name.split_once(' ').is_some_and(|(first, _)| {
        first.chars().filter(|c| c.is_alphabetic()).count() <= 2 && first.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '-'))
    })
}

/// The mentions a short name may be a form of: people by the last word of their name
/// (normalized as `is_short_form` compares words) and by its first word, organizations by their
/// initials and by the name they go by before their company's form (`corporate_openings`; not a
/// gazetteer entry's, whose forms the gazetteer knows).
struct ShortFormIndex {
    last_word: HashMap<String, Vec<usize>>,
    first_word: HashMap<String, Vec<usize>>,
    initials: HashMap<String, Vec<usize>>,
    opening: HashMap<String, Vec<usize>>,
}

impl ShortFormIndex {
    fn new(mentions: &[Mention], lexicon: &Lexicon, surface: &[String]) -> Self {
        let mut index =
            ShortFormIndex { last_word: HashMap::new(), first_word: HashMap::new(), initials: HashMap::new(), opening: HashMap::new() };
        // One mention for each name and type: mentions with the same name are already one set
        // (`join_same_names`), and a name repeated thousands of times would otherwise be a
        // candidate thousands of times for each short form.
        let mut seen: HashSet<(EntityType, &str)> = HashSet::new();
        for (j, m) in mentions.iter().enumerate() {
            if !seen.insert((m.kind, surface[j].as_str())) {
                continue;
            }
            match m.kind {
                EntityType::Person => {
                    if let Some(last) = surface[j].split_whitespace().rfind(|w| !is_initial(w)) {
                        index.last_word.entry(short_form_word(last)).or_default().push(j);
                    }
                    if let Some(first) = surface[j].split_whitespace().next() {
                        index.first_word.entry(first.to_string()).or_default().push(j);
                    }
                }
                EntityType::Organization => {
                    index.initials.entry(initials(&surface[j])).or_default().push(j);
                    // "SEC" for "US Securities and Exchange Commission": a country's acronym
                    // before the name is no part of the body's own.
                    if let Some(rest) = without_country_acronym(&surface[j]) {
                        index.initials.entry(initials(rest)).or_default().push(j);
                    }
                    if m.known.is_none() {
                        for opening in corporate_openings(&surface[j]) {
                            index.opening.entry(opening.to_string()).or_default().push(j);
                        }
                    }
                    // A club goes by its town ("Tottenham" of "Tottenham Hotspur", "Leeds" of
                    // "Leeds United"; two clubs of one town, neither) and by its last word.
                    for word in club_words(lexicon, m).into_iter().flat_map(|(town, last)| [town, last]) {
                        index.opening.entry(word.to_string()).or_default().push(j);
                    }
                    let unprefixed = crate::text::without_country_acronym(&surface[j]).or_else(|| surface[j].strip_prefix("The "));
                    if let Some(rest) = unprefixed {
                        index.opening.entry(rest.to_string()).or_default().push(j);
                    }
                }
                _ => {}
            }
        }
        index
    }

    /// The mentions `short`, of type `kind`, could be a short form or acronym of.
    fn possible(&self, kind: EntityType, short: &str) -> Vec<usize> {
        let found = |map: &HashMap<String, Vec<usize>>, key: &str| map.get(key).cloned().unwrap_or_default();
        match kind {
            EntityType::Person => {
                let mut out: Vec<usize> = short.split_whitespace().flat_map(|w| found(&self.last_word, &short_form_word(w))).collect();
                out.extend(found(&self.first_word, short));
                out
            }
            EntityType::Organization => {
                // "Icann" as BBC style writes ICANN.
                let letters: String = short.chars().filter(|c| c.is_alphabetic()).collect();
                let letters = if crate::text::is_capitalized_acronym(short) { letters.to_uppercase() } else { letters };
                let mut out = found(&self.initials, &letters);
                out.extend(found(&self.opening, short));
                out
            }
            _ => Vec::new(),
        }
    }
}

/// The opening words of the organization name `name` after which only words of a company's
/// form or trade follow ("Argonaut" of "Argonaut Games", "Cairn" of "Cairn Energy", "Baikal" and
/// "Baikal Finance" of "Baikal Finance Group"), shortest first; not a division or a product's
/// ("BT Retail", "Virgin Radio", "Xbox Live").
fn corporate_openings(name: &str) -> Vec<&str> {
    let words: Vec<(usize, &str)> = name.match_indices(' ').map(|(at, _)| at).zip(name.split(' ').skip(1)).collect();
    // The words after each opening are all forms from the first of the final run of forms on.
    let forms = words.iter().rev().take_while(|&&(_, w)| crate::lexicon::is_corporate_form(w)).count();
    words[words.len() - forms..].iter().map(|&(at, _)| &name[..at]).collect()
}

/// The mentions of each set, the sets in order of first mention.
fn groups(sets: &mut UnionFind, n: usize) -> Vec<Vec<usize>> {
    let mut root_entity: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let root = sets.find(i);
        let e = *root_entity.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[e].push(i);
    }
    groups
}

/// Gives each person the roles stated for their mentions, once each; a "role" of honorifics
/// alone ("Mr", "Sir") is an honorific.
fn add_roles(r: &Recognized<'_>, lexicon: &Lexicon, mention_entity: &[usize], entities: &mut [Entity]) {
    for role in &r.roles {
        let e = &mut entities[mention_entity[role.person]];
        let words = fold_typography(role.span.of(r.text()));
        let honorific = words.split_whitespace().all(|w| lexicon.role(w) == Some(RoleClass::Title));
        append_new(if honorific { &mut e.honorifics } else { &mut e.roles }, [words]);
    }
}

fn merge_same_keys(entities: Vec<Entity>) -> (Vec<Entity>, Vec<usize>) {
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| entities[a].key.cmp(&entities[b].key).then(a.cmp(&b)));
    let mut merged: Vec<Entity> = Vec::new();
    let mut new_index = vec![0; entities.len()];
    for &old in &order {
        let e = entities[old].clone();
        match merged.last_mut() {
            Some(last) if last.key == e.key => merge_into(last, e),
            _ => merged.push(e),
        }
        new_index[old] = merged.len() - 1;
    }
    (merged, new_index)
}

/// Adds the mentions, names, rules, evidence and roles of `e` to `last`, an entity with its key;
/// `e`'s name becomes the entity's where `e` has more mentions than all merged before it
/// ("WorldCom" five times over a headline's "Worldcom"), else the earlier name stays.
fn merge_into(last: &mut Entity, mut e: Entity) {
    if e.mentions.len() > last.mentions.len() {
        std::mem::swap(&mut last.name, &mut e.name);
    }
    last.mentions.extend(e.mentions);
    last.mentions.sort();
    for a in e.aliases.into_iter().chain(std::iter::once(e.name)) {
        if a != last.name && !last.aliases.contains(&a) {
            last.aliases.push(a);
        }
    }
    last.aliases.sort();
    last.mention_rules.extend(e.mention_rules);
    append_new(&mut last.evidence, e.evidence);
    append_new(&mut last.roles, e.roles);
    append_new(&mut last.honorifics, e.honorifics);
}

/// Appends each of `items` that `list` does not hold yet, in order.
fn append_new<T: PartialEq>(list: &mut Vec<T>, items: impl IntoIterator<Item = T>) {
    for item in items {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}

/// The claims, with their sources and intermediaries as entity indices; an intermediary who is
/// the source is dropped.
fn claims(attributed: &Attributed<'_>, entity_of: &[usize]) -> Vec<Claim> {
    let entity_of = |m: usize| entity_of[m];
    attributed
        .claims
        .iter()
        .map(|c| Claim {
            content: c.content,
            cue: c.cue.clone(),
            source: c.source.map(entity_of),
            source_span: c.source_span,
            reported_by: c.reported_by.map(entity_of).filter(|&rb| Some(rb) != c.source.map(entity_of)),
            parent: c.parent,
            direct: c.direct,
            negated: c.negated,
            quantities: c.quantities.clone(),
            comment: c.comment,
            dates: c.dates.clone(),
        })
        .collect()
}

/// The relations between entities, in text order, without duplicates and without an entity's
/// relation to itself.
fn relations(r: &Recognized<'_>, entity_of: &[usize]) -> Vec<Relation> {
    let text = r.text();
    let mut relations: Vec<Relation> = r
        .relations
        .iter()
        .map(|rel| Relation {
            subject: entity_of[rel.subject],
            predicate: rel.predicate,
            object: entity_of[rel.object],
            role: rel.role.map(|s| fold_typography(s.of(text))),
            span: rel.span,
        })
        .filter(|rel| rel.subject != rel.object)
        .collect();
    relations.sort_by(|a, b| a.span.cmp(&b.span).then(a.predicate.as_str().cmp(b.predicate.as_str())));
    relations.dedup();
    relations
}

/// Builds the entity of one group of mentions.
fn entity(mentions: &[Mention], lexicon: &Lexicon, surface: &[String], rules: &[Vec<&'static str>], group: &[usize]) -> Entity {
    // The type with the strongest evidence; ties go to the most mentions, then to the first.
    let mut votes: Vec<(EntityType, u32, usize)> = Vec::new();
    for &m in group {
        let mention = &mentions[m];
        match votes.iter_mut().find(|v| v.0 == mention.kind) {
            Some(v) => {
                v.1 = v.1.max(mention.strength as u32);
                v.2 += 1;
            }
            None => votes.push((mention.kind, mention.strength as u32, 1)),
        }
    }
    let kind = votes.iter().max_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2))).map(|v| v.0).expect("a group has mentions");
    let known = group.iter().find_map(|&m| mentions[m].known);
    let (name, place) = match known {
        Some(Known::Place(p)) if kind == EntityType::Place => (lexicon.places[p].name.clone(), Some(lexicon.places[p].clone())),
        Some(Known::Organization(o)) if kind == EntityType::Organization => (lexicon.organizations[o].clone(), None),
        _ => {
            // The fullest name: most words ("The" before it not counted, and only where no
            // other form has as many: "UK Film Council", not "The UK Film Council"; nor a peer's
            // title: "David Sainsbury", not "Lord Sainsbury"), then the earliest.
            let fullness = |m: usize| {
                let title = surface[m].split_once(' ').filter(|(t, _)| kind == EntityType::Person && PEERAGE.contains(t));
                let the = surface[m].strip_prefix("The ");
                let bare = the.or(title.map(|(_, rest)| rest));
                (word_count(bare.unwrap_or(&surface[m])), the.is_none(), title.is_some())
            };
            let best = group
                .iter()
                .filter(|&&m| mentions[m].kind == kind)
                .max_by(|&&a, &&b| fullness(a).cmp(&fullness(b)).then(b.cmp(&a)))
                .copied()
                .unwrap_or(group[0]);
            (surface[best].clone(), None)
        }
    };
    let mut aliases: Vec<String> = group.iter().map(|&m| surface[m].clone()).filter(|s| *s != name).collect();
    aliases.sort();
    aliases.dedup();
    let mut evidence: Vec<&'static str> = group.iter().flat_map(|&m| rules[m].iter().copied()).collect();
    evidence.sort();
    evidence.dedup();
    // In text order (a name found as a speaker is numbered after the recognizer's mentions).
    let mut spans: Vec<(Span, Vec<&'static str>)> = group.iter().map(|&m| (mentions[m].span, rules[m].clone())).collect();
    spans.sort();
    Entity {
        key: key(kind, &name),
        kind,
        name,
        aliases,
        mentions: spans.iter().map(|&(span, _)| span).collect(),
        evidence,
        mention_rules: spans.into_iter().collect(),
        place,
        roles: Vec::new(),
        honorifics: Vec::new(),
        references: Default::default(),
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The stable key of an entity: its type and a slug of its canonical name. People's initials are
/// dropped so that "Paul A. Goble" and "Paul Goble" meet.
pub fn key(kind: EntityType, name: &str) -> String {
    let folded = fold_typography(name);
    let words: Vec<&str> = folded.split_whitespace().filter(|w| !(kind == EntityType::Person && is_initial(w))).collect();
    let name = if words.is_empty() { folded.clone() } else { words.join(" ") };
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    format!("{}/{}", kind.as_str().to_lowercase(), if slug.is_empty() { "unnamed" } else { slug })
}

fn is_initial(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    word.ends_with('.') && w.chars().count() == 1 && w.chars().all(char::is_uppercase)
}

/// Whether `short` is a shorter way to write the person name `long`: its words are a subset of
/// the long name's (initials and "al-" prefixes ignored), the last of them included.
fn is_short_form(short: &str, long: &str) -> bool {
    let long_words: Vec<String> = long.split_whitespace().filter(|w| !is_initial(w)).map(short_form_word).collect();
    let short_words: Vec<String> = short.split_whitespace().filter(|w| !is_initial(w)).map(short_form_word).collect();
    !short_words.is_empty()
        && short_words.len() < long.split_whitespace().count()
        && short_words.iter().all(|w| long_words.contains(w))
        && long_words.last().is_some_and(|last| short_words.contains(last))
}

/// A word of a name as short forms compare it: lowercase, without a final period or "al-".
fn short_form_word(w: &str) -> String {
    let w = w.trim_end_matches('.');
    let w = w.strip_prefix("al-").or_else(|| w.strip_prefix("Al-")).unwrap_or(w);
    w.to_lowercase()
}

/// Whether `short` is the first name alone of the person name `long` ("Ozzy", "Ozzy Osbourne");
/// the recognizer only finds such a mention when one full name starts with it.
fn is_first_name_of(short: &str, long: &str) -> bool {
    !short.contains(' ') && long.split_whitespace().count() >= 2 && long.split_whitespace().next() == Some(short)
}

/// Union-find over mention indices; the smaller index is the root, so results do not depend on
/// the order of unions.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self { parent: (0..n).collect() }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.parent[hi] = lo;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_the_article_defines_is_not_the_gazetteer_entry_of_that_spelling() {
        let text = "Dock strike spreads\n\nThe Coastal Workers Union (CWU) called the offer an insult. \
                    CWU members will vote on Friday.\n";
        let pipeline = crate::extract::Pipeline::new(crate::rdf::Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(crate::ingest::Source::from_text("t", text));
        let union = doc.entities.iter().find(|e| e.aliases.contains(&"CWU".to_string())).expect("CWU is an alias");
        assert_eq!(union.name, "Coastal Workers Union");
        assert_eq!(union.mentions.len(), 3, "{:?}", doc.entities);
        let lex = Lexicon::embedded();
        assert!(lex.known("CWU").is_some(), "the gazetteer has another CWU");
    }

    #[test]
    fn an_honorific_is_no_role_and_a_sentence_s_conjunction_is_neither() {
        let text = "Dock strike spreads\n\nPort director Ines Carvalho met the union. But Mr Vance said the offer was \
                    an insult. Sir Tom Berg agreed.\n";
        let pipeline = crate::extract::Pipeline::new(crate::rdf::Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(crate::ingest::Source::from_text("t", text));
        let person = |name: &str| doc.entities.iter().find(|e| e.name.ends_with(name)).expect("found");
        assert_eq!(person("Carvalho").roles, ["director"], "{:?}", doc.entities);
        assert!(person("Vance").roles.is_empty(), "{:?}", doc.entities);
        assert_eq!(person("Vance").honorifics, ["Mr"]);
        assert_eq!(person("Berg").honorifics, ["Sir"]);
    }

    #[test]
    fn a_company_goes_by_its_name_without_its_form() {
        let text = "Oil find\n\nShares in Norvik Energy rose on Monday. Norvik said the field was large. Talks with \
                    Kelso Retail went on, but Kelso declined to comment.\n";
        let pipeline = crate::extract::Pipeline::new(crate::rdf::Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(crate::ingest::Source::from_text("t", text));
        let norvik = doc.entities.iter().find(|e| e.name == "Norvik Energy").expect("found");
        assert_eq!(norvik.aliases, ["Norvik"], "{:?}", doc.entities);
        assert!(!doc.entities.iter().any(|e| e.aliases.contains(&"Kelso".to_string())), "a trade is no form: {:?}", doc.entities);
    }

    #[test]
    fn a_persons_club_in_parentheses_is_no_alias_of_the_person() {
        let text = "Squad named\n\nThe squad: Tom Vance (Aston Villa), Ben Okafor (Hansa Rostock), Eli Marsh (Norway). \
                    Fans of Aston Villa cheered.\n";
        let pipeline = crate::extract::Pipeline::new(crate::rdf::Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(crate::ingest::Source::from_text("t", text));
        let kind = |name: &str| doc.entities.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(kind("Tom Vance"), Some(EntityType::Person), "{:?}", doc.entities);
        assert_eq!(kind("Eli Marsh"), Some(EntityType::Person), "{:?}", doc.entities);
        assert_eq!(kind("Aston Villa"), Some(EntityType::Organization), "a club of clubs.tsv: {:?}", doc.entities);
        assert_eq!(kind("Hansa Rostock"), Some(EntityType::Organization), "{:?}", doc.entities);
        let villa = doc.entities.iter().position(|e| e.name == "Aston Villa").expect("checked");
        assert_eq!(doc.entities[villa].mentions.len(), 2);
        let vance = doc.entities.iter().position(|e| e.name == "Tom Vance").expect("checked");
        assert!(doc.relations.iter().any(|r| r.subject == vance && r.object == villa), "{:?}", doc.relations);
    }

    #[test]
    fn an_initial_and_surname_is_the_person_named_in_full() {
        // The team sheet's initials join the players named in full, so the surname alone has one
        // person to be; a club written after several players is no alias of any of them.
        let text = "Kelso win again\n\nGavin Tallis kicked three goals and Ross Ebbert scored twice. Tallis said the win \
                    mattered.\n\nKelso: G Tallis (Leith Harriers), R Ebbert (Leith Harriers), T Vane (Leith Harriers).\n";
        let pipeline = crate::extract::Pipeline::new(crate::rdf::Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(crate::ingest::Source::from_text("t", text));
        let tallis = doc.entities.iter().find(|e| e.name == "Gavin Tallis").expect("Gavin Tallis");
        assert_eq!(tallis.kind, EntityType::Person);
        assert_eq!(tallis.mentions.len(), 3, "{:?}", doc.entities);
        let ebbert = doc.entities.iter().find(|e| e.name == "Ross Ebbert").expect("Ross Ebbert");
        assert_eq!(ebbert.mentions.len(), 2, "{:?}", doc.entities);
    }

    #[test]
    fn a_peer_by_title_and_surname_is_the_one_person_named_in_full() {
        let text = "Science gift\n\nLord Vanterpool has given £2m to the party. Tom Vanterpool said he was pleased. \
                    Baroness Okafor and Ada Okafor and Ben Okafor spoke.\n";
        let pipeline = crate::extract::Pipeline::new(crate::rdf::Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(crate::ingest::Source::from_text("t", text));
        let peer = doc.entities.iter().find(|e| e.name.ends_with("Vanterpool")).expect("found");
        assert_eq!(peer.mentions.len(), 2, "{:?}", doc.entities);
        let peer = doc.entities.iter().find(|e| e.name == "Baroness Okafor").expect("two Okafors: no join");
        assert_eq!(peer.mentions.len(), 1, "{:?}", doc.entities);
    }

    #[test]
    fn a_surname_is_the_one_person_named_in_full_whom_a_team_sheet_also_lists() {
        let text = "Kelso win again\n\nStephen Vance kicked three goals. Vance said the win mattered.\n\n\
                    Kelso: S Vance; A Vance, T Reed, B Okafor, R Marsh, D Lund.\n";
        let pipeline = crate::extract::Pipeline::new(crate::rdf::Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(crate::ingest::Source::from_text("t", text));
        let vance = doc.entities.iter().find(|e| e.name == "Stephen Vance").expect("Stephen Vance");
        assert_eq!(vance.mentions.len(), 3, "{:?}", doc.entities);
        assert!(doc.entities.iter().any(|e| e.name == "A Vance"), "{:?}", doc.entities);
    }

    #[test]
    fn a_club_goes_by_its_town() {
        let text = "Cup tie\n\nSpurs beat Leeds United on Saturday. Tottenham boss Tom Reed said Leeds boss Dan Vik had \
                    a good side.\n";
        let pipeline = crate::extract::Pipeline::new(crate::rdf::Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(crate::ingest::Source::from_text("t", text));
        let forms = |name: &str| {
            let e = doc.entities.iter().find(|e| e.name == name).expect(name);
            e.mentions.iter().map(|m| m.of(text)).collect::<Vec<_>>()
        };
        assert_eq!(forms("Tottenham Hotspur"), ["Spurs", "Tottenham"], "{:?}", doc.entities);
        assert_eq!(forms("Leeds United"), ["Leeds United", "Leeds"], "{:?}", doc.entities);
    }

    #[test]
    fn a_club_goes_by_its_last_word_also_where_the_organizations_list_it() {
        // "Manchester United" is in organizations.tsv as well as clubs.tsv; two clubs ending in
        // "City" leave "City" to neither.
        let text = "Cup tie\n\nAston Villa beat Manchester United on Saturday. United's manager Tom Reed was upset. Villa boss \
                    Dan Vik was pleased. Manchester City and Leicester City drew. City fans sang.\n";
        let pipeline = crate::extract::Pipeline::new(crate::rdf::Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(crate::ingest::Source::from_text("t", text));
        let forms = |name: &str| {
            let e = doc.entities.iter().find(|e| e.name == name).expect(name);
            e.mentions.iter().map(|m| m.of(text)).collect::<Vec<_>>()
        };
        assert_eq!(forms("Aston Villa"), ["Aston Villa", "Villa"], "{:?}", doc.entities);
        assert_eq!(forms("Manchester United"), ["Manchester United", "United"], "{:?}", doc.entities);
        assert_eq!(forms("Manchester City"), ["Manchester City"], "{:?}", doc.entities);
    }

    #[test]
    fn a_body_goes_by_its_name_without_its_country_or_the() {
        let text = "Quotas cut\n\nThe US Department of Fisheries cut the quotas. The Department of Fisheries said stocks \
                    were low.\n\nThe Harwick Film Council said output fell. Officials at the Harwick Film Council agreed.\n";
        let pipeline = crate::extract::Pipeline::new(crate::rdf::Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(crate::ingest::Source::from_text("t", text));
        let mentions = |name: &str| doc.entities.iter().find(|e| e.name == name).map(|e| e.mentions.len());
        assert_eq!(mentions("US Department of Fisheries"), Some(2), "{:?}", doc.entities);
        assert_eq!(mentions("Harwick Film Council"), Some(2), "{:?}", doc.entities);
    }

    #[test]
    fn a_name_written_more_often_names_the_entity_its_key_joins() {
        let text = "Zentrocom boss jailed\n\nFormer ZentroCom boss Tom Reed was jailed. ZentroCom shares fell, and \
                    ZentroCom said it would appeal.\n";
        let pipeline = crate::extract::Pipeline::new(crate::rdf::Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(crate::ingest::Source::from_text("t", text));
        let e = doc.entities.iter().find(|e| e.name.eq_ignore_ascii_case("ZentroCom")).expect("found");
        assert_eq!((e.name.as_str(), e.mentions.len()), ("ZentroCom", 4), "{:?}", doc.entities);
    }

    #[test]
    fn keys_are_stable_slugs() {
        assert_eq!(key(EntityType::Person, "Paul A. Goble"), "person/paul-goble");
        assert_eq!(key(EntityType::Person, "Paul Goble"), "person/paul-goble");
        assert_eq!(key(EntityType::Organization, "Kurdistan-24"), "organization/kurdistan-24");
        assert_eq!(key(EntityType::Place, "Türkiye"), "place/türkiye");
    }

    #[test]
    fn short_forms_and_acronyms() {
        assert!(is_short_form("Gorevoy", "Ruslan Gorevoy"));
        assert!(is_short_form("Paul Goble", "Paul A. Goble"));
        assert!(is_short_form("Baghdadi", "Abu Bakr al-Baghdadi"));
        assert!(!is_short_form("Ruslan", "Ruslan Gorevoy"));
        assert!(is_first_name_of("Ruslan", "Ruslan Gorevoy"));
        assert!(!is_first_name_of("Gorevoy", "Ruslan Gorevoy"));
        assert!(is_acronym_of("RISS", "Russian Institute for Strategic Studies"));
        assert!(is_acronym_of("SEC", "US Securities and Exchange Commission"));
        assert!(is_acronym_of("USEC", "US Securities and Exchange Commission"));
        assert!(!is_acronym_of("SC", "US Supreme Court Building"));
        assert!(!is_acronym_of("FSB", "Federal Security Service"));
    }
}
