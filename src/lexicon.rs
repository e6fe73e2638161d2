//! The word lists and gazetteers that recognition and attribution consult, compiled into the
//! binary from the plain files under `data/` (see data/README.md for their sources, licences and
//! the script that regenerates them).
//!
//! A [`Lexicon`] is built once per run and shared read-only by every worker; there is no global
//! state. This module only parses and indexes the lists; it does not decide what a word means in
//! context.

use crate::text::fold_typography;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
// Fx hashing: these maps are looked up for every token, and their keys are not attacker-chosen.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The kinds of entity hearsay recognizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum EntityType {
    /// A human being.
    Person,
    /// A company, agency, group, outlet, party or other body.
    Organization,
    /// A country, region, city or other location.
    Place,
}

impl EntityType {
    /// The name used in JSON and in IRIs' paths.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Place => "Place",
        }
    }
}

/// A place the gazetteer knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The gazetteer's preferred name.
    pub name: String,
    /// country, continent, admin1, city or region.
    pub kind: String,
    /// GeoNames id, where known.
    pub geonames: Option<u64>,
    /// WGS84 latitude and longitude, where known.
    pub coordinates: Option<(f64, f64)>,
}

/// What a gazetteer name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Known {
    /// Index into [`Lexicon::places`].
    Place(usize),
    /// Index into [`Lexicon::organizations`].
    Organization(usize),
}

/// How a role word is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleClass {
    /// Heads an organization: president, director, leader.
    Leader,
    /// Any other function: commentator, researcher, spokesman.
    Role,
    /// An honorific: Mr., Dr., Sheikh.
    Title,
}

/// A speech or cognition verb form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Its lemma ("say" for "said").
    pub lemma: String,
    /// Its stance class: say, claim, admit, deny, estimate, warn, suggest, document, ask, urge,
    /// judge, intend.
    pub class: String,
    /// Whether the form is more often a noun ("plan", "show", "debate"), so that only a subject
    /// right before it makes it a verb.
    pub nominal: bool,
}

/// Words that make a role another one ("shadow chancellor", "deputy prime minister", "former
/// minister"): a description without them names someone else ([`role_fits`]).
pub const ROLE_MODIFIERS: &[&str] = &["shadow", "deputy", "vice", "assistant", "acting", "interim", "former", "ex"];

/// Words before a role's head that leave the role the same ("the new home secretary").
const SAME_ROLE_WORDS: &[&str] = &["the", "a", "an", "new", "current", "incoming", "outgoing", "then", "senior", "junior", "top"];

/// Whether someone given the role words `role` ("Tory shadow chancellor") may be the one a
/// description `described` calls by its head noun `head` ("the chancellor": no; "the shadow
/// chancellor": yes): the role holds the head, every word that makes it another role is in the
/// description too, and a portfolio the description writes in lowercase before the head is the
/// role's ("the foreign secretary" is not "Home Secretary Charles Clarke"; [`portfolio`]).
pub fn role_fits(role: &str, described: &str, head: &str) -> bool {
    let lower_role = role.to_lowercase();
    let words = |s: &str| s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect::<Vec<_>>();
    let described_words = words(&described.to_lowercase());
    let other_portfolio = match (portfolio(described, head), portfolio(role, head)) {
        (Some(d), Some(r)) => d.chars().all(char::is_lowercase) && !d.eq_ignore_ascii_case(r),
        _ => false,
    };
    lower_role.contains(head)
        && words(&lower_role).iter().filter(|w| ROLE_MODIFIERS.contains(&w.as_str())).all(|w| described_words.contains(w))
        && !other_portfolio
}

/// The word right before the role's head noun `head` in `words` ("foreign" in "the foreign
/// secretary"), unless it leaves the role the same or makes it another ([`ROLE_MODIFIERS`]).
fn portfolio<'a>(words: &'a str, head: &str) -> Option<&'a str> {
    let words: Vec<&str> = words.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let at = words.iter().rposition(|w| w.eq_ignore_ascii_case(head))?;
    let before = *words.get(at.checked_sub(1)?)?;
    let lower = before.to_lowercase();
    let neutral = SAME_ROLE_WORDS.contains(&lower.as_str()) || ROLE_MODIFIERS.contains(&lower.as_str());
    (!neutral && before.chars().all(char::is_alphabetic)).then_some(before)
}

/// All lists, parsed and indexed.
pub struct Lexicon {
    /// Known places; names index into it through [`Lexicon::known`].
    pub places: Vec<Place>,
    /// Known organizations' canonical names.
    pub organizations: Vec<String>,
    /// Every known spelling, for exact lookups.
    known_names: HashMap<String, Known>,
    /// The known places' names in lowercase that are no English word, one meaning each
    /// (`lowercase_names`): web text writes places in lowercase ("in tampa bay").
    lowercase_names: HashMap<String, Known>,
    /// The first word of each of them, a cheap test before joining words to look one up.
    lowercase_first_words: HashSet<String>,
    /// What each automaton pattern stands for, by pattern id.
    pattern_known: Vec<Known>,
    matcher: AhoCorasick,
    /// The sports clubs of `clubs.tsv` and the broadcasters' outlets of `outlets.tsv` by pattern
    /// id, and their automaton: no part of the known names above, which the rules and the
    /// entity tagger's hints read (see `find_clubs`).
    club_known: Vec<Known>,
    club_matcher: AhoCorasick,
    /// The entries of `organizations` that `clubs.tsv` lists (`is_club`), also where
    /// `organizations.tsv` lists the club too.
    club_entries: HashSet<usize>,
    common: HashSet<String>,
    demonyms: HashSet<String>,
    /// National capitals (`capitals.txt`), which speak for their government.
    capitals: HashSet<String>,
    first_names: HashMap<String, f32>,
    /// The sex (`F` or `M`) most of a first name's bearers have, their share and the other sex's.
    sexes: HashMap<String, (char, f32, f32)>,
    surnames: HashMap<String, f32>,
    roles: HashMap<String, RoleClass>,
    nouns: HashMap<String, EntityType>,
    /// Organization nouns that name no person (`describes` in nouns.tsv).
    describing_nouns: HashSet<String>,
    cues: HashMap<String, Cue>,
    /// Uses of a cue that report no speech: its lemma, the words before it and the words after.
    not_speech: Vec<NotSpeech>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("places", &self.places.len()).field("names", &self.known_names.len()).finish()
    }
}

const PLACES: &str = include_str!("../data/gazetteer/places.tsv");
const REGIONS: &str = include_str!("../data/gazetteer/regions.tsv");
const ORGANIZATIONS: &str = include_str!("../data/gazetteer/organizations.tsv");
const CLUBS: &str = include_str!("../data/gazetteer/clubs.tsv");
const OUTLETS: &str = include_str!("../data/gazetteer/outlets.tsv");
const COMMON_WORDS: &str = include_str!("../data/lexicon/common_words.tsv");
const DEMONYMS: &str = include_str!("../data/lexicon/demonyms.txt");
const CAPITALS: &str = include_str!("../data/gazetteer/capitals.txt");
const FIRST_NAMES: &str = include_str!("../data/names/first_names.tsv");
const SURNAMES: &str = include_str!("../data/names/surnames.tsv");
const ROLES: &str = include_str!("../data/lexicon/roles.tsv");
const NOUNS: &str = include_str!("../data/lexicon/nouns.tsv");
const SPEECH_VERBS: &str = include_str!("../data/lexicon/speech_verbs.tsv");
const TAGGER_WORDS: &str = include_str!("../data/models/tagger-words.tsv");
const NOT_SPEECH: &str = include_str!("../data/lexicon/not_speech.tsv");

/// Rows of a tab-separated list, without comments and blank lines.
fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').map(str::trim).collect())
}

/// The known places, and each of their spellings added to `known_names`. Rows are spellings of
/// one place when they share a GeoNames id or, for hand-written regions without one, a canonical
/// name (column 8).
fn places(known_names: &mut Vec<(String, Known)>) -> Vec<Place> {
    let mut places = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::default();
    for row in rows(PLACES).chain(rows(REGIONS)) {
        let [name, kind, id, lat, lon, ..] = row[..] else { continue };
        let geonames: Option<u64> = id.parse().ok();
        let canonical = row.get(7).copied().filter(|c| !c.is_empty()).unwrap_or(name);
        let group = match geonames {
            Some(g) => format!("geonames:{g}"),
            None => format!("name:{canonical}"),
        };
        let index = *seen.entry(group).or_insert_with(|| {
            let coordinates = lat.parse().ok().zip(lon.parse().ok());
            places.push(Place { name: canonical.to_string(), kind: kind.to_string(), geonames, coordinates });
            places.len() - 1
        });
        known_names.push((name.to_string(), Known::Place(index)));
    }
    places
}

/// The known organizations' canonical names, and their names and aliases added to
/// `known_names`.
fn organizations(organizations: &mut Vec<String>, data: &str) -> Vec<(String, Known)> {
    let mut known_names = Vec::new();
    let mut index_of: HashMap<String, usize> = organizations.iter().enumerate().map(|(i, o)| (o.clone(), i)).collect();
    for row in rows(data) {
        // A club of `clubs.tsv` that `organizations.tsv` lists too adds its spellings to that entry.
        let index = *index_of.entry(row[0].to_string()).or_insert_with(|| {
            organizations.push(row[0].to_string());
            organizations.len() - 1
        });
        known_names.push((row[0].to_string(), Known::Organization(index)));
        for alias in row.get(1).map(|a| a.split('|')).into_iter().flatten().filter(|a| !a.is_empty()) {
            known_names.push((alias.to_string(), Known::Organization(index)));
        }
    }
    known_names
}

/// One meaning per spelling, sorted by spelling: organizations listed by hand win over places of
/// the same name; the first spelling wins.
fn one_meaning_each(known_names: &[(String, Known)]) -> Vec<(String, Known)> {
    let mut by_name: HashMap<String, Known> = HashMap::default();
    for (name, known) in known_names {
        let entry = by_name.entry(name.clone()).or_insert(*known);
        if matches!(known, Known::Organization(_)) {
            *entry = *known;
        }
    }
    let mut known_names: Vec<(String, Known)> = by_name.into_iter().collect();
    known_names.sort_by(|a, b| a.0.cmp(&b.0));
    known_names
}

/// The known places' names in lowercase, sorted, the first meaning of each kept, leaving out
/// those of fewer than three letters and those that are words too: common words ("chad", "us")
/// and the words UD English-EWT tags other than as proper nouns ("turkey", "mango"; the
/// tagger's word classes). Organizations in lowercase are mostly common nouns ("congress").
fn lowercase_names(known_names: &[(String, Known)], common: &HashSet<String>) -> Vec<(String, Known)> {
    let words: HashSet<&str> = rows(TAGGER_WORDS).filter(|r| r.len() == 2 && r[1].split('|').any(|t| t != "PROPN")).map(|r| r[0]).collect();
    let mut lowercase: Vec<(String, Known)> = known_names
        .iter()
        .filter(|(_, known)| matches!(known, Known::Place(_)))
        .map(|(name, known)| (name.to_lowercase(), *known))
        .filter(|(name, _)| {
            name.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !common.contains(name) && !words.contains(name.as_str())
        })
        .collect();
    // A stable sort keeps the first meaning of a spelling first.
    lowercase.sort_by(|a, b| a.0.cmp(&b.0));
    lowercase.dedup_by(|later, first| later.0 == first.0);
    lowercase
}

/// The automaton that finds known names, leftmost-longest, and what each of its patterns
/// stands for. Typographic apostrophes in the text match ASCII ones in the lists.
fn gazetteer(known_names: &[(String, Known)]) -> (AhoCorasick, Vec<Known>) {
    let mut patterns: Vec<String> = known_names.iter().map(|(n, _)| n.clone()).collect();
    let mut pattern_names: Vec<usize> = (0..patterns.len()).collect();
    for (i, (name, _)) in known_names.iter().enumerate() {
        if name.contains('\'') {
            patterns.push(name.replace('\'', "’"));
            pattern_names.push(i);
        }
    }
    let matcher =
        AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&patterns).expect("gazetteer patterns build an automaton");
    let pattern_known = pattern_names.iter().map(|&i| known_names[i].1).collect();
    (matcher, pattern_known)
}

/// Each first name's frequency, the highest of its rows.
fn first_names() -> HashMap<String, f32> {
    let mut first_names = HashMap::default();
    for row in rows(FIRST_NAMES) {
        let f: f32 = row.get(2).and_then(|f| f.parse().ok()).unwrap_or(0.0);
        let e = first_names.entry(row[0].to_lowercase()).or_insert(0.0);
        *e = f32::max(*e, f);
    }
    first_names
}

/// The sex most of each first name's bearers have, their share and the other sex's.
fn sexes() -> HashMap<String, (char, f32, f32)> {
    let mut sexes: HashMap<String, (char, f32, f32)> = HashMap::default();
    for row in rows(FIRST_NAMES) {
        let f: f32 = row.get(2).and_then(|f| f.parse().ok()).unwrap_or(0.0);
        let sex = row.get(1).and_then(|s| s.chars().next()).unwrap_or('?');
        let s = sexes.entry(row[0].to_lowercase()).or_insert((sex, f, 0.0));
        if sex != s.0 {
            *s = if f > s.1 { (sex, f, s.1) } else { (s.0, s.1, f) };
        }
    }
    sexes
}

/// Role words and how each is used (a leader's, a title, any other role).
fn roles() -> HashMap<String, RoleClass> {
    rows(ROLES)
        .map(|r| {
            let class = match r.get(1).copied() {
                Some("leader") => RoleClass::Leader,
                Some("title") => RoleClass::Title,
                _ => RoleClass::Role,
            };
            (r[0].to_string(), class)
        })
        .collect()
}

/// Head nouns and the type of entity each names.
fn nouns() -> HashMap<String, EntityType> {
    rows(NOUNS)
        .filter_map(|r| {
            let t = match r.get(1).copied()? {
                "Organization" => EntityType::Organization,
                "Place" => EntityType::Place,
                "Person" => EntityType::Person,
                _ => return None,
            };
            Some((r[0].to_string(), t))
        })
        .collect()
}

impl Lexicon {
    /// Parses the lists compiled into the binary.
    pub fn embedded() -> Self {
        let mut known_names: Vec<(String, Known)> = Vec::new();
        let places = places(&mut known_names);
        let mut organizations = Vec::new();
        known_names.extend(self::organizations(&mut organizations, ORGANIZATIONS));
        let known_names = one_meaning_each(&known_names);
        let (matcher, pattern_known) = gazetteer(&known_names);
        let mut clubs = self::organizations(&mut organizations, CLUBS);
        let club_entries = clubs.iter().filter_map(|&(_, k)| if let Known::Organization(i) = k { Some(i) } else { None }).collect();
        clubs.extend(self::organizations(&mut organizations, OUTLETS));
        let clubs = one_meaning_each(&clubs);
        let (club_matcher, club_known) = gazetteer(&clubs);
        let mut common = HashSet::default();
        for row in rows(COMMON_WORDS) {
            common.insert(row[0].to_lowercase());
        }
        let demonyms = rows(DEMONYMS).map(|r| r[0].to_lowercase()).collect();
        let capitals = rows(CAPITALS).map(|r| r[0].to_string()).collect();
        let surnames = rows(SURNAMES).map(|r| (r[0].to_lowercase(), r.get(1).and_then(|f| f.parse().ok()).unwrap_or(0.0))).collect();
        let describing_nouns = rows(NOUNS).filter(|r| r.get(2) == Some(&"describes")).map(|r| r[0].to_string()).collect();
        let cues = rows(SPEECH_VERBS)
            .filter(|r| r.len() >= 3)
            .map(|r| (r[0].to_lowercase(), Cue { lemma: r[1].to_string(), class: r[2].to_string(), nominal: r.get(3) == Some(&"noun") }))
            .collect();
        let not_speech = rows(NOT_SPEECH).filter(|r| r.len() == 2).map(|r| NotSpeech::new(r[0], r[1])).collect();
        let lowercase_names = lowercase_names(&known_names, &common);
        let lowercase_first_words = lowercase_names.iter().map(|(n, _)| n.split(' ').next().unwrap_or_default().to_string()).collect();
        Lexicon {
            not_speech,
            places,
            organizations,
            known_names: known_names.into_iter().collect(),
            lowercase_names: lowercase_names.into_iter().collect(),
            lowercase_first_words,
            pattern_known,
            matcher,
            club_known,
            club_matcher,
            club_entries,
            common,
            demonyms,
            capitals,
            first_names: first_names(),
            sexes: sexes(),
            surnames,
            roles: roles(),
            nouns: nouns(),
            describing_nouns,
            cues,
        }
    }

    /// Known names (places, organizations) in `haystack`, leftmost-longest, as byte ranges
    /// relative to it.
    pub fn find_known<'a>(&'a self, haystack: &'a str) -> impl Iterator<Item = (std::ops::Range<usize>, Known)> + 'a {
        self.matcher.find_iter(haystack).map(|m| (m.range(), self.pattern_known[m.pattern().as_usize()]))
    }

    /// Sports clubs and outlets named in `haystack` (`clubs.tsv`, `outlets.tsv`),
    /// leftmost-longest, as byte ranges relative to it. Kept apart from [`Lexicon::find_known`]:
    /// only a post-edit after the entity tagger reads them.
    pub fn find_clubs<'a>(&'a self, haystack: &'a str) -> impl Iterator<Item = (std::ops::Range<usize>, Known)> + 'a {
        self.club_matcher.find_iter(haystack).map(|m| (m.range(), self.club_known[m.pattern().as_usize()]))
    }

    /// Whether `known` is a sports club of `clubs.tsv` ("Tottenham Hotspur", also where
    /// `organizations.tsv` lists it: "Manchester United"; not an outlet of `outlets.tsv`).
    pub fn is_club(&self, known: Known) -> bool {
        matches!(known, Known::Organization(i) if self.club_entries.contains(&i))
    }

    /// The exact known name `name`, if any.
    pub fn known(&self, name: &str) -> Option<Known> {
        let folded = fold_typography(name);
        let find = |n: &str| self.known_names.get(n).copied();
        // "U.S" at the end of a sentence lost its period to the full stop.
        find(&folded).or_else(|| if folded.contains('.') && !folded.ends_with('.') { find(&format!("{folded}.")) } else { None })
    }

    /// The known place `name` names in lowercase ("san francisco"), if any (see
    /// `lowercase_names` for what is left out).
    pub fn known_lowercase(&self, name: &str) -> Option<Known> {
        self.lowercase_names.get(name).copied()
    }

    /// Whether some known name in lowercase is `word` or starts with it and a space (a cheap
    /// test before joining the words after it).
    pub fn starts_lowercase_name(&self, word: &str) -> bool {
        self.lowercase_first_words.contains(word)
    }

    /// The most words a known name in lowercase is looked up with.
    pub const LOWERCASE_NAME_WORDS: usize = 4;

    /// The known name in lowercase that `words` open ("tampa bay" of "tampa bay , I"), the
    /// longest of up to four words written in lowercase, with how many words it takes.
    pub fn lowercase_name_opening(&self, words: &[&str]) -> Option<(usize, Known)> {
        let first = *words.first()?;
        if !first.starts_with(char::is_lowercase) || !self.starts_lowercase_name(first) {
            return None;
        }
        let lowercase = |w: &str| w.chars().all(|c| c.is_lowercase() || c == '.' || c == '-');
        let run = words.iter().take(Self::LOWERCASE_NAME_WORDS).take_while(|w| lowercase(w)).count();
        (1..=run).rev().find_map(|n| self.known_lowercase(&words[..n].join(" ")).map(|known| (n, known)))
    }

    /// Whether `word` is normally written in lowercase ("many", "the", "both").
    pub fn is_common(&self, word: &str) -> bool {
        self.common.contains(lowercase(word).as_ref())
    }

    /// The kind of place ("country", "continent", "admin1", "city", ...) that `known` names, if
    /// it names a place.
    pub fn place_kind(&self, known: Option<Known>) -> Option<&str> {
        match known {
            Some(Known::Place(p)) => Some(self.places[p].kind.as_str()),
            _ => None,
        }
    }

    /// Whether `known` names a country, a continent or a first-level region ("England", "Europe",
    /// "Texas"): a place that fields teams and national branches, and stays a place where a town
    /// would be a body named after it.
    pub fn is_nation_or_region(&self, known: Option<Known>) -> bool {
        matches!(self.place_kind(known), Some("country" | "continent" | "admin1"))
    }

    /// Whether `name` is a national capital ("Berlin", "Washington"; not "Halifax").
    pub fn is_capital(&self, name: &str) -> bool {
        self.capitals.contains(name)
    }

    /// Whether `word` is a nationality, ethnic or religious adjective or plural ("Russian",
    /// "North Caucasians").
    pub fn is_demonym(&self, word: &str) -> bool {
        let w = fold_typography(word).to_lowercase();
        self.demonyms.contains(&w) || w.strip_suffix('s').is_some_and(|s| self.demonyms.contains(s))
    }

    /// How common `word` is as a first name (percent of the population), if it is one.
    pub fn first_name(&self, word: &str) -> Option<f32> {
        self.first_names.get(lowercase(word).as_ref()).copied()
    }

    /// The sex (`F` or `M`) of people with the first name `word`, when at least `ratio` times as
    /// many of them have it as the other in the census lists (with 4, "Jan" and "Leslie" have
    /// none).
    pub fn sex(&self, word: &str, ratio: f32) -> Option<char> {
        self.sexes.get(lowercase(word).as_ref()).filter(|&&(_, most, other)| most >= ratio * other).map(|&(s, _, _)| s)
    }

    /// How common `word` is as a surname (percent of the population), if it is one.
    pub fn surname(&self, word: &str) -> Option<f32> {
        self.surnames.get(lowercase(word).as_ref()).copied()
    }

    /// Whether `word`, after the first name `first`, is a surname even though it is also a noun
    /// or a place ("Mike Lake", "Ann Church", "Palaniappan Chidambaram" after a role): a common
    /// first name before a census surname.
    pub fn surname_after_first_name(&self, first: &str, word: &str) -> bool {
        self.first_name(first).is_some_and(|f| f >= 0.01) && !self.is_common(first) && self.surname(word).is_some()
    }

    /// The class of a role or title word, matched case-insensitively.
    pub fn role(&self, word: &str) -> Option<RoleClass> {
        self.roles.get(lowercase(word).as_ref()).copied()
    }

    /// Whether `word` is an organization noun that names no person ("firm", "regulator"), which
    /// before a name makes it an organization's ("investment firm Grant Samuel").
    pub fn describes_organization(&self, word: &str) -> bool {
        self.describing_nouns.contains(lowercase(word).as_ref())
    }

    /// The entity type a head noun signals ("agency", "district"), matched case-insensitively.
    pub fn noun_type(&self, word: &str) -> Option<EntityType> {
        self.nouns.get(lowercase(word).as_ref()).copied()
    }

    /// The speech or cognition verb that `word` is a form of.
    pub fn cue(&self, word: &str) -> Option<&Cue> {
        self.cues.get(lowercase(word).as_ref())
    }

    /// Whether the cue `lemma` followed by `words` (lowercase, an article or possessive already
    /// skipped) reports no speech: "claimed responsibility", "denied bail".
    pub fn is_not_speech(&self, lemma: &str, words: &[&str]) -> bool {
        self.not_speech.iter().any(|n| n.lemma == lemma && n.before.is_empty() && starts_with(words, &n.after))
    }

    /// Whether the cue `lemma` between the words `before` (nearest last; "^" where its clause
    /// opens) and `after` (both lowercase, nothing skipped) is a discourse idiom: "That said,",
    /// "Having said that", "needless to say".
    pub fn is_idiom(&self, lemma: &str, before: &[&str], after: &[&str]) -> bool {
        self.not_speech
            .iter()
            .any(|n| n.lemma == lemma && !n.before.is_empty() && ends_with(before, &n.before) && starts_with(after, &n.after))
    }
}

/// A use of a cue that reports no speech (a row of `not_speech.tsv`).
#[derive(Debug, Clone)]
struct NotSpeech {
    lemma: String,
    /// The words right before the cue (empty for most rows: the words after decide).
    before: Vec<String>,
    after: Vec<String>,
}

impl NotSpeech {
    /// A row: the lemma and the phrase, "_" standing for the cue where words precede it.
    fn new(lemma: &str, phrase: &str) -> Self {
        let words: Vec<String> = phrase.split(' ').map(str::to_string).collect();
        let (before, after) = match words.iter().position(|w| w == "_") {
            Some(at) => (words[..at].to_vec(), words[at + 1..].to_vec()),
            None => (Vec::new(), words),
        };
        NotSpeech { lemma: lemma.to_string(), before, after }
    }
}

/// Whether `words` open with `prefix`.
fn starts_with(words: &[&str], prefix: &[String]) -> bool {
    words.len() >= prefix.len() && prefix.iter().zip(words).all(|(a, b)| a == b)
}

/// Whether `words` close with `suffix`.
fn ends_with(words: &[&str], suffix: &[String]) -> bool {
    words.len() >= suffix.len() && suffix.iter().rev().zip(words.iter().rev()).all(|(a, b)| a == b)
}

/// `word` in lowercase, without allocating when it already is (the common case).
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// Words that end a company's name after the name it goes by: its legal form or its trade.
const CORPORATE_FORMS: &[&str] = &[
    "group",
    "holdings",
    "international",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "limited",
    "plc",
    "company",
    "co",
    "technologies",
    "technology",
    "communications",
    "resources",
    "energy",
    "research",
    "systems",
    "software",
    "games",
    "studios",
    "pictures",
    "entertainment",
    "publications",
    "airlines",
    "airline",
    "airways",
    "industries",
    "motors",
    "investments",
    "securities",
    "financial",
    "finance",
    "capital",
    "partners",
    "pharmaceuticals",
    "laboratories",
    "labs",
    "electronics",
    "networks",
    "service",
    "services",
];

/// Whether `word` (any case, a final period aside) is a company's legal form or trade
/// ("Group", "Inc.", "Energy"): it ends a company's name after the name it goes by.
pub fn is_corporate_form(word: &str) -> bool {
    CORPORATE_FORMS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uses_of_cues_that_report_no_speech() {
        let lex = Lexicon::embedded();
        assert!(lex.is_not_speech("claim", &["responsibility", "for", "the"]));
        assert!(lex.is_not_speech("admit", &["to", "hospital"]));
        assert!(!lex.is_not_speech("admit", &["to", "lying"]));
        assert!(!lex.is_not_speech("claim", &["that", "the"]));
        assert!(lex.is_idiom("say", &["^", "that"], &[",", "the"]));
        assert!(lex.is_idiom("say", &["^", "having"], &["that", ","]));
        assert!(lex.is_idiom("say", &["and", "needless", "to"], &[",", "he"]));
        assert!(!lex.is_idiom("say", &["a", "page", "that"], &[",", "the"]), "a relative clause reports");
        assert!(!lex.is_not_speech("say", &[",", "the"]), "an idiom's row asks for its words before");
        assert!(!lex.is_not_speech("say", &["responsibility"]));
        // "a port official, who asked not to be named, said": anonymity, no request.
        assert!(lex.is_not_speech("ask", &["not", "to", "be"]));
        assert!(!lex.is_not_speech("ask", &["them", "to", "keep"]));
        // "found a way to put a laser on a chip", "found it difficult to": no finding reported.
        assert!(lex.is_not_speech("find", &["way", "to", "put"]));
        assert!(lex.is_not_speech("find", &["it", "difficult", "to"]));
        assert!(!lex.is_not_speech("find", &["it", "had", "made"]));
        assert!(!lex.is_not_speech("find", &["no", "evidence", "of"]));
        // "his chat show, which", "TV shows such as": a programme, no showing; "charge for".
        assert!(lex.is_idiom("show", &["his", "chat"], &[",", "which"]));
        assert!(!lex.is_idiom("show", &["figures"], &["that", "sales"]));
        assert!(lex.is_not_speech("charge", &["for", "roaming"]));
    }

    #[test]
    fn embedded_lists_parse_and_answer() {
        let lex = Lexicon::embedded();
        assert!(matches!(lex.known("Moscow"), Some(Known::Place(_))));
        assert!(matches!(lex.known("ISIS"), Some(Known::Organization(_))));
        assert_eq!(lex.known("ISIS"), lex.known("Islamic State"));
        assert!(lex.is_common("Many"));
        assert!(lex.is_demonym("Russian"));
        assert!(lex.is_demonym("Russians"));
        assert_eq!(lex.cue("said").map(|c| c.lemma.as_str()), Some("say"));
        assert_eq!(lex.cue("sought").map(|c| c.lemma.as_str()), Some("seek"));
        assert_eq!(lex.role("Director"), Some(RoleClass::Leader));
        assert_eq!(lex.noun_type("agency"), Some(EntityType::Organization));
        // Places in lowercase, not words and not organizations.
        assert!(matches!(lex.known_lowercase("san francisco"), Some(Known::Place(_))));
        assert!(lex.starts_lowercase_name("san") && !lex.starts_lowercase_name("sanx"));
        assert_eq!(lex.known_lowercase("turkey"), None);
        assert_eq!(lex.known_lowercase("congress"), None);
    }

    #[test]
    fn a_description_names_the_holder_of_its_own_portfolio() {
        assert!(role_fits("Home Secretary", "the home secretary", "secretary"));
        assert!(role_fits("New Home Secretary", "The secretary", "secretary"));
        assert!(role_fits("Foreign Secretary", "the new foreign secretary", "secretary"));
        assert!(!role_fits("New Home Secretary", "The foreign secretary", "secretary"));
        assert!(!role_fits("Defence Minister", "the prime minister", "minister"));
        assert!(!role_fits("shadow chancellor", "the chancellor", "chancellor"));
        // A party or a country before the head is no portfolio: "the Tory leader" may be the
        // "Conservative leader" named before.
        assert!(role_fits("Conservative leader", "the Tory leader", "leader"));
    }

    #[test]
    fn spellings_with_one_geonames_id_are_one_place() {
        let lex = Lexicon::embedded();
        assert_eq!(lex.known("Russia"), lex.known("Russian Federation"));
        assert_eq!(lex.known("Dagestan"), lex.known("Daghestan"));
    }
}
