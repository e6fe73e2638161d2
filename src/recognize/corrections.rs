//! Corrections after the learned tagger and the rules have met (`learned`): what they found
//! that names no one ("Roma Czechs" as a person, "TV" of "TV station", "Awards" repeated as a
//! surname, "the Davis Cup"), and the types the article's own words state (a firm by its legal
//! form, a surname by the full name before it). Places are in `places`. Post-edits: the tagger
//! and its hints are left as trained.

use super::learned::{is_layout_rule, titled};
use super::{Mention, POSTNOMINALS, Recognizer, SEAT_LETTERS};
use crate::lexicon::{EntityType, Known, Lexicon};
use crate::segment::TokenKind;
use crate::text::{Span, SpanIndex};
use std::collections::{HashMap, HashSet};

impl Recognizer<'_> {
    /// Nationality, ethnic and religious words are no person ("Iraqis", "the Shiite", "Roma
    /// Czechs", "Irish" as the tagger may read them), unless after an honorific ("Mr Jain"), nor
    /// an organization that a head noun after them typed ("the British bank Abbey National"),
    /// nor one of several such words before a lowercase word they modify, no cue ("a South
    /// Korean bank", "the North American box office", "an Anglo-Swedish drug").
    pub(super) fn no_people_by_nationality(&mut self) {
        let text = self.text();
        let (seg, lex) = (self.seg, self.lex);
        let modifier = |m: &Mention| {
            let words = m.span.of(text).split([' ', '-']).count();
            let next = seg.tokens.partition_point(|t| t.span.start < m.span.end);
            let noun = |w: &str| w.starts_with(char::is_lowercase) && lex.cue(w).is_none();
            words >= 2 && seg.tokens.get(next).is_some_and(|t| t.kind == TokenKind::Word && noun(t.span.of(text)))
        };
        self.found.retain(|m| {
            let name = m.span.of(text);
            let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
            let words = name.split([' ', '-']);
            let typed =
                m.kind == EntityType::Person || m.kind == EntityType::Organization && (m.rule == "head noun after name" || modifier(m));
            // "Latin American", "North American": the list holds some as one phrase.
            let nationality = typed && (lex.is_demonym(name) || words.clone().all(|w| lex.is_demonym(w)));
            !nationality || is_layout_rule(m) || titled(seg, lex, m.span)
        });
    }

    /// "US TV host", "British television series": a country or nationality before a medium
    /// that modifies a noun is no broadcaster's name, which the tagger may read there: the
    /// country's name stays a place, a nationality nothing, the medium nothing ("Iraqi TV said"
    /// names the state broadcaster and stays).
    pub(super) fn no_broadcasters_by_country(&mut self) {
        const MEDIA: &[&str] = &["TV", "television", "radio"];
        let text = self.text();
        let tokens = &self.seg.tokens;
        let mut places = Vec::new();
        let lex = self.lex;
        // The word after a mention: a noun it modifies, lowercase and no cue ("host", not "said").
        let modifies = |m: &Mention| {
            let next = tokens.partition_point(|t| t.span.start < m.span.end);
            tokens.get(next).is_some_and(|t| {
                let w = t.span.of(text);
                t.kind == TokenKind::Word && w.starts_with(char::is_lowercase) && lex.cue(w).is_none()
            })
        };
        self.found.retain(|m| {
            let Some((country, medium)) = m.span.of(text).split_once(' ') else { return true };
            if m.kind != EntityType::Organization || !MEDIA.contains(&medium) || is_layout_rule(m) || !modifies(m) {
                return true;
            }
            let known = lex.known(country);
            if lex.place_kind(known) == Some("country") {
                places.push((Span::new(m.span.start, m.span.start + country.len()), known));
                return false;
            }
            !lex.is_demonym(country)
        });
        for (span, known) in places {
            self.push(span, EntityType::Place, known, 3, "gazetteer");
        }
    }

    /// A word of letters and digits is a model's or a code's ("Razr V3", "Casio QV-10", "ITV1",
    /// "G7"), never part of a person's name, which the tagger may read in a product or body
    /// named like one: such a name is taken for an organization's (a maker's product, a channel,
    /// a group), which no "he" or "she" stands for. A name of figures alone ("50 Cent") may be a
    /// person's.
    pub(super) fn no_people_with_model_numbers(&mut self) {
        let text = self.text();
        // ASCII only: a name whose letters a wrong encoding turned into figures ("GÃ1⁄4len") is
        // still a person's.
        let code = |w: &str| {
            w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && w.bytes().any(|b| b.is_ascii_digit())
                && w.bytes().any(|b| b.is_ascii_alphabetic())
        };
        // "Pentax Optio SV", "TiVo DVR", "AOL UK": letters of a model, a format or a country end
        // a product's or a branch's name, not a person's ("Richard III", "Ian MacDonald QC").
        let model_letters = |name: &str| {
            let mut words = name.split_whitespace();
            let last = words.next_back().unwrap_or("");
            let roman = last.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
            // "Savante Stringfellow of the USA": where the person is from.
            let place = words.clone().next_back().is_some_and(|w| matches!(w, "of" | "the"));
            words.next().is_some()
                && !place
                && (2..=3).contains(&last.len())
                && last.bytes().all(|b| b.is_ascii_uppercase())
                && !roman
                && !POSTNOMINALS.contains(&last)
                && !matches!(last, "JR" | "SR")
        };
        for m in self.found.iter_mut().filter(|m| m.kind == EntityType::Person && !is_layout_rule(m)) {
            let name = m.span.of(text);
            if name.split_whitespace().any(code) || model_letters(name) {
                m.kind = EntityType::Organization;
                m.known = None;
            }
        }
    }

    /// A peer is named by a title, a name and a territory ("Lord Nicholls of Birkenhead",
    /// "Baroness Royall of Blaisdon"): one person, whom the tagger split into a person or
    /// nothing and a place. The mentions inside go, and the whole is a person's name.
    pub(super) fn peers_named_by_their_territory(&mut self) {
        let tokens = &self.seg.tokens;
        let text = self.text();
        let capitalized = |k: usize| {
            tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word && t.span.of(text).chars().next().is_some_and(char::is_uppercase))
        };
        let peers: Vec<Span> = (0..tokens.len().saturating_sub(3))
            .filter(|&k| {
                PEERAGE_TITLES.contains(&tokens[k].span.of(text))
                    && capitalized(k + 1)
                    && tokens[k + 2].span.of(text) == "of"
                    && capitalized(k + 3)
                    && !matches!(tokens[k + 3].span.of(text), "The" | "State" | "Appeal" | "Appeals")
            })
            // A territory of two words ("of Harbour Hill").
            .map(|k| tokens[k].span.cover(tokens[if capitalized(k + 4) { k + 4 } else { k + 3 }].span))
            .collect();
        if peers.is_empty() {
            return;
        }
        self.replace_with_people(peers, "peer's title and territory");
    }

    /// Makes each of `spans` a person's mention (by `rule`), in place of the mentions it
    /// overlaps (page layout's aside).
    pub(super) fn replace_with_people(&mut self, spans: Vec<Span>, rule: &'static str) {
        let taken = SpanIndex::new(spans.clone());
        self.found.retain(|m| is_layout_rule(m) || !taken.overlaps(m.span));
        self.found.extend(spans.into_iter().map(|span| Mention { span, kind: EntityType::Person, known: None, strength: 2, rule }));
    }

    /// A seat's holder named by the seat is described, not named: "The Glasgow Kelvin MP, who
    /// ...", "the Ealing North MP", "East Midlands MEP Robert Kilroy-Silk" (the name follows).
    /// A person's mention that ends in a member's letters (MP, MEP, MSP, AM, MLA) after "the" or
    /// before a capitalized name goes; "Ian MacDonald QC" stays.
    pub(super) fn no_people_named_by_their_seat(&mut self) {
        let text = self.text();
        let tokens = &self.seg.tokens;
        let seat = |m: &Mention| {
            let first = tokens.partition_point(|t| t.span.start < m.span.start);
            let end = tokens.partition_point(|t| t.span.start < m.span.end);
            let letters = end > first + 1 && SEAT_LETTERS.contains(&tokens[end - 1].span.of(text));
            let described = first > 0 && matches!(tokens[first - 1].span.of(text), "the" | "The");
            let name_after =
                tokens.get(end).is_some_and(|t| t.span.of(text).starts_with(char::is_uppercase) && t.span.start == m.span.end + 1);
            m.kind == EntityType::Person && !is_layout_rule(m) && letters && (described || name_after)
        };
        self.found.retain(|m| !seat(m));
    }

    /// A name followed by a version number is a product's ("Adobe Acrobat Reader 4.0", "Firefox
    /// 1.0"), not a person's, wherever the article repeats it: such people go.
    pub(super) fn no_people_with_versions(&mut self) {
        let text = self.text();
        let version = |after: &str| {
            let mut words = after.split_whitespace();
            let word = words.next().unwrap_or("");
            // "Clinton 47.1 percent to 41.7": a share, not a version.
            if words.next().is_some_and(|unit| UNITS.contains(&unit.trim_end_matches([',', '.', ';']))) {
                return false;
            }
            let word = word.trim_end_matches([',', '.', ';', ')']);
            let parts: Vec<&str> = word.split('.').collect();
            let numeric = parts.len() > 1 && parts.iter().all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
            // "4.0", "1.6", "2.0.1"; not a time or a distance after a name in a results table
            // ("Frankie Fredericks 19.85").
            numeric && (parts.len() > 2 || parts[1].len() == 1 && parts[0].len() <= 2)
        };
        let products: HashSet<&str> = self
            .found
            .iter()
            .filter(|m| {
                m.kind == EntityType::Person && !is_layout_rule(m) && text[m.span.end..].starts_with(' ') && version(&text[m.span.end..])
            })
            .map(|m| m.span.of(text))
            .collect();
        self.found.retain(|m| m.kind != EntityType::Person || is_layout_rule(m) || !products.contains(m.span.of(text)));
    }

    /// A name of several words that ends in a plural common noun and opens with no first name
    /// is a group's ("Beastie Boys", "Argonaut Games", "Red Brigades", "Omni Consumer Products"),
    /// not a person's, as the tagger may read it; a frequent surname ("Tiger Woods", "Tony
    /// Banks"), an initial or a title before it ("Mr Sands") keep the person. The name's
    /// opening words standing alone ("Argonaut") name the group too.
    pub(super) fn groups_named_by_plurals(&mut self) {
        let text = self.text();
        let (seg, lex) = (self.seg, self.lex);
        let group = |m: &Mention| {
            m.kind == EntityType::Person && !is_layout_rule(m) && is_group_name(lex, m.span.of(text)) && !titled(seg, lex, m.span)
        };
        let groups: Vec<&str> = self.found.iter().filter(|m| group(m)).map(|m| m.span.of(text)).collect();
        if groups.is_empty() {
            return;
        }
        // Every opening of every group's name, so that each mention is one lookup.
        let openings: HashSet<&str> = groups.iter().flat_map(|g| g.match_indices(' ').map(|(at, _)| &g[..at])).collect();
        let opens_group = |name: &str| openings.contains(name);
        let retyped: Vec<bool> =
            self.found.iter().map(|m| group(m) || m.kind == EntityType::Person && opens_group(m.span.of(text))).collect();
        for (m, retype) in self.found.iter_mut().zip(retyped) {
            if retype {
                m.kind = EntityType::Organization;
            }
        }
    }

    /// Letters' openings and closings on lines of their own, as e-mail and web posts write them:
    /// "Cindy," or "Dear Tom Vance," opening a message, "Thanks again Nina.", "Regards, Vangie
    /// McGilloway" or "Thanks From Bill" closing one (`greeting_name`). The name there is a
    /// person's where nothing was found on it.
    pub(super) fn names_in_greetings(&mut self) {
        let found = SpanIndex::of(self.found.iter().map(|m| m.span));
        let mut added = Vec::new();
        for paragraph in self.seg.sentences.chunk_by(|a, b| a.paragraph == b.paragraph) {
            let (first, last) = (paragraph[0].tokens.start, paragraph[paragraph.len() - 1].tokens.end);
            let words: Vec<&str> = (first..last).map(|k| self.word(k)).collect();
            let Some((from, to)) = greeting_name(self.lex, &words) else { continue };
            let span = self.span(first + from, first + to);
            if !found.overlaps(span) {
                added.push(Mention { span, kind: EntityType::Person, known: None, strength: 2, rule: "name in a greeting" });
            }
        }
        self.found.extend(added);
    }

    /// A title alone names no one ("Secretary" of "NUJ General Secretary", "the Bishop",
    /// "Executive Director", "Justice"): a person's mention whose every word is a role or title
    /// goes, unless an honorific stands before it ("Mr King"), a person found with more words
    /// ends in it ("Judge" for "Tom Judge") or it is a frequent surname too ("King" in a team
    /// sheet). Storms ("Hurricane Rita") are no one either, nor
    /// their names alone ("Rita") in the same article.
    pub(super) fn no_people_named_by_titles(&mut self) {
        let text = self.text();
        let (seg, lex) = (self.seg, self.lex);
        let surnames = surnames_of_full_names(&self.found, text);
        let storms: HashSet<&str> = self
            .found
            .iter()
            .filter_map(|m| m.span.of(text).split_once(' ').filter(|(first, _)| STORMS.contains(first)).map(|(_, name)| name))
            .collect();
        self.found.retain(|m| {
            let name = m.span.of(text);
            let storm = name.split_once(' ').is_some_and(|(first, _)| STORMS.contains(&first)) || storms.contains(name);
            let title = m.kind == EntityType::Person
                && name
                    .split_whitespace()
                    .all(|w| lex.role(w.trim_end_matches('.')).is_some() && !lex.surname(w).is_some_and(|f| f >= 0.05))
                && !surnames.contains(name)
                && !titled(seg, lex, m.span);
            is_layout_rule(m) || !(title || storm)
        });
    }

    /// "sprinters Costas Kenteris and Katerina Thanou", "Leonid Nevzlin", "Marat Safin" typed
    /// places: a name of two or three words the gazetteer does not know, holding no known name
    /// and ending in no head noun ("Bristol West", "Bodleian Library"), whose last word (no
    /// common word: not "Cup" of "Davis Cup") the article names alone as a person, not by the
    /// rules' repeating of surnames ("Kenteris, 31, who won ..."), is that person's.
    pub(super) fn people_named_by_their_surnames(&mut self) {
        let text = self.text();
        let alone =
            |m: &Mention| m.kind == EntityType::Person && m.rule != "surname of a person named earlier" && !m.span.of(text).contains(' ');
        let surnames: HashSet<&str> = self.found.iter().filter(|m| alone(m)).map(|m| m.span.of(text)).collect();
        if surnames.is_empty() {
            return;
        }
        // A surname a person named in full already bears is theirs ("Viotti" of "Marcello
        // Viotti"), not the place's ("La Fenice Viotti").
        let borne = surnames_of_full_names(&self.found, text);
        let lex = self.lex;
        for m in self.found.iter_mut().filter(|m| m.kind == EntityType::Place && m.known.is_none() && !is_layout_rule(m)) {
            let words: Vec<&str> = m.span.of(text).split_whitespace().collect();
            let Some(&last) = words.last() else { continue };
            // Not "Bristol West" nor "Bodleian Library": no known name inside, no head noun last.
            let placelike = words.iter().any(|w| lex.known(w).is_some()) || lex.noun_type(last).is_some();
            if (2..=3).contains(&words.len())
                && surnames.contains(last)
                && !borne.contains(last)
                && !lex.is_common(&last.to_lowercase())
                && !placelike
            {
                m.kind = EntityType::Person;
            }
        }
    }

    /// "Rubio donor Luther Pate", "the Vance campaign": a single word the tagger typed an
    /// organization, where the article named a person in full with that word last before its
    /// first such use ("Marco Rubio": a first name or initial, then the surname), is that
    /// person's surname; not a name the gazetteer knows ("Ford", "Bloomberg"), an acronym, a
    /// word a longer organization's name holds ("Sainsbury" of "J Sainsbury plc"), nor a band
    /// or firm named before the person it is named after ("Kasabian").
    pub(super) fn organizations_named_by_surnames(&mut self) {
        let text = self.text();
        let lex = self.lex;
        // Each surname with where the article first names its bearer in full.
        let mut named: HashMap<&str, usize> = HashMap::new();
        for m in self.found.iter().filter(|m| m.kind == EntityType::Person) {
            let words: Vec<&str> = m.span.of(text).split_whitespace().collect();
            let [first, .., last] = words[..] else { continue };
            if lex.first_name(first).is_some() || first.trim_end_matches('.').chars().count() == 1 {
                let at = named.entry(last).or_insert(m.span.start);
                *at = (*at).min(m.span.start);
            }
        }
        let organizations = self.found.iter().filter(|m| m.kind == EntityType::Organization);
        let mut first_use: HashMap<&str, usize> = HashMap::new();
        let mut in_longer: HashSet<&str> = HashSet::new();
        for m in organizations {
            let name = m.span.of(text);
            if name.contains(' ') {
                in_longer.extend(name.split_whitespace());
            } else {
                let at = first_use.entry(name).or_insert(m.span.start);
                *at = (*at).min(m.span.start);
            }
        }
        let surname = |word: &str| {
            let introduced = named.get(word).is_some_and(|&at| first_use.get(word).is_some_and(|&used| at < used));
            introduced && !in_longer.contains(word) && word.chars().skip(1).any(char::is_lowercase)
        };
        for m in self.found.iter_mut().filter(|m| m.kind == EntityType::Organization && m.known.is_none() && !is_layout_rule(m)) {
            if surname(m.span.of(text)) {
                m.kind = EntityType::Person;
            }
        }
    }

    /// Awards and games are events, no one ("Oscar-winning", "the Oscars", "the Brits", "the
    /// Olympics", "a Grand Slam": `EVENTS`), typed a person or a place by the tagger and then
    /// taken for the "he" of a nearby sentence: such a mention goes, unless a person found in
    /// full bears the word ("Oscar Pistorius"). So does a person's name that ends in the head
    /// noun of an event or prize ("the Davis Cup", "the Grammy Awards", "the Booker Prize":
    /// `EVENT_HEADS`).
    pub(super) fn no_events(&mut self) {
        let text = self.text();
        let borne: HashSet<&str> = self
            .found
            .iter()
            .filter(|m| m.kind == EntityType::Person && m.span.of(text).contains(' '))
            .flat_map(|m| m.span.of(text).split_whitespace())
            .collect();
        let headed =
            |m: &Mention| m.kind == EntityType::Person && m.span.of(text).rsplit(' ').next().is_some_and(|w| EVENT_HEADS.contains(&w));
        self.found.retain(|m| {
            let name = m.span.of(text);
            is_layout_rule(m) || (!EVENTS.contains(&name) || borne.contains(name)) && !headed(m)
        });
    }

    /// Films, shows, books and records are works, no one ("Mike Leigh's film Vera Drake", "BBC
    /// comedy Coupling", "their album Egypt"): a name right after the noun of its kind
    /// (`WORK_NOUNS`) goes, and so does the same name elsewhere in the article ("Vera Drake has
    /// eleven nominations"); not an organization the lexicon knows ("this movie Google and
    /// Amazon make").
    pub(super) fn no_titled_works(&mut self) {
        let (text, tokens) = (self.text(), &self.seg.tokens);
        let titled = |m: &Mention| {
            let k = tokens.partition_point(|t| t.span.start < m.span.start);
            k > 0 && super::one_space_apart(tokens[k - 1].span, m.span) && WORK_NOUNS.contains(&self.word(k - 1))
        };
        let works: HashSet<&str> = self
            .found
            .iter()
            .filter(|m| !is_layout_rule(m) && titled(m) && !matches!(self.lex.known(m.span.of(text)), Some(Known::Organization(_))))
            .map(|m| m.span.of(text))
            .collect();
        if !works.is_empty() {
            self.found.retain(|m| is_layout_rule(m) || !works.contains(m.span.of(text)));
        }
    }

    /// An acronym of a thing names no one ("TV station", "a DVD", "PC makers"): a mention that is
    /// one of `COMMON_ACRONYMS` alone goes.
    pub(super) fn no_common_acronyms(&mut self) {
        let text = self.text();
        self.found.retain(|m| !COMMON_ACRONYMS.contains(&m.span.of(text)) || is_layout_rule(m));
    }

    /// An acronym after "the" twice or more in an article, where nothing was found ("How did
    /// the CPA get to this point? ... the CPA has been doing"), is an organization's: writers
    /// give a body's initials the article ("the FBI", "the NHS") and a thing's none ("a DVD").
    /// It must act as a body once (`acts`); then every time the acronym stands alone it is that
    /// organization. Not a model after its maker ("Nintendo DS"), an acronym spelled out in
    /// lowercase ("producer price index (PPI)"), an acronym of a thing
    /// (`COMMON_ACRONYMS`), nor a name the gazetteer knows ("the US"), nor in a headline.
    pub(super) fn acronyms_after_the(&mut self) {
        let found = SpanIndex::of(self.found.iter().map(|m| m.span));
        let (seg, tokens) = (self.seg, &self.seg.tokens);
        let word = |k: usize| seg.word(k);
        let acronym = |w: &str| (2..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
        let fits = |k: usize| {
            let w = word(k);
            acronym(w) && !found.overlaps(tokens[k].span) && !COMMON_ACRONYMS.contains(&w) && self.lex.known(w).is_none()
        };
        let mut after_the: HashMap<&str, usize> = HashMap::new();
        for k in 1..tokens.len() {
            if matches!(word(k - 1), "the" | "The") && fits(k) {
                *after_the.entry(word(k)).or_default() += 1;
            }
        }
        after_the.retain(|_, n| *n >= 2);
        if after_the.is_empty() {
            return;
        }
        // The tests below read only the words counted: most articles stop above.
        let candidates: Vec<usize> = (0..tokens.len()).filter(|&k| after_the.contains_key(word(k))).collect();
        // And acts as a body somewhere: speaks, owns or has officers ("the SEC's investigation",
        // "EC spokeswoman", "the BPI said"), which a product ("the PSP", "the ID card") does not.
        let acts = |k: usize| {
            tokens.get(k + 1).is_some_and(|next| {
                next.kind == TokenKind::Possessive || self.lex.role(word(k + 1)).is_some() || self.lex.cue(word(k + 1)).is_some()
            })
        };
        // Not a product's model after its maker ("Nintendo DS"), nor an acronym the text spells
        // out in lowercase ("producer price index (PPI)").
        let thing = |k: usize| {
            k > 0 && word(k - 1).starts_with(char::is_uppercase) && !matches!(word(k - 1), "The" | "A" | "An")
                || k > 1 && word(k - 1) == "(" && word(k - 2).starts_with(char::is_lowercase)
        };
        let acting: HashSet<&str> = candidates.iter().filter(|&&k| acts(k)).map(|&k| word(k)).collect();
        let things: HashSet<&str> = candidates.iter().filter(|&&k| thing(k)).map(|&k| word(k)).collect();
        after_the.retain(|w, _| acting.contains(w) && !things.contains(w));
        let added: Vec<Mention> = candidates
            .into_iter()
            .filter(|&k| after_the.contains_key(word(k)) && fits(k) && !self.in_headline(tokens[k].span))
            .map(|k| Mention { span: tokens[k].span, kind: EntityType::Organization, known: None, strength: 1, rule: "acronym after the" })
            .collect();
        self.found.extend(added);
    }

    /// The rules repeat the last word of every person they found in full ("Davis Cup", "Academy
    /// Awards", typed by a first name or the name's shape), before the tagger has had its say: a
    /// repeated surname stays only where a name of several words ending in it is still found
    /// that is a person's or opens with a first name or an initial ("Thomas Gravesen", "G
    /// Easterby" whatever the tagger typed it), not "Cup" of "Davis Cup" nor "Awards" alone.
    pub(super) fn surnames_of_people_found(&mut self) {
        let text = self.text();
        let mut surnames: HashSet<&str> = HashSet::new();
        for m in self.found.iter().filter(|m| !is_layout_rule(m)) {
            let words: Vec<&str> = m.span.of(text).split_whitespace().collect();
            let [first, .., last] = words[..] else { continue };
            let initial = first.trim_end_matches('.').chars().count() == 1 && first.starts_with(char::is_uppercase);
            if m.kind == EntityType::Person || initial || self.lex.first_name(first).is_some() {
                surnames.insert(last);
            }
        }
        self.found.retain(|m| {
            let word = m.span.of(text);
            m.rule != "surname of a person named earlier" || m.kind != EntityType::Person || word.contains(' ') || surnames.contains(word)
        });
    }
}

/// The last words of the people in `found` named with more than one word ("Viotti" of "Marcello
/// Viotti").
fn surnames_of_full_names<'t>(found: &[Mention], text: &'t str) -> HashSet<&'t str> {
    let people = found.iter().filter(|m| m.kind == EntityType::Person);
    people.filter_map(|m| m.span.of(text).rsplit_once(' ').map(|(_, last)| last)).collect()
}

/// Whether `name` (several words) ends in a plural common noun and opens with no first name or
/// initial, its last word no frequent surname (`groups_named_by_plurals`).
fn is_group_name(lex: &Lexicon, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let [first, .., last] = words[..] else { return false };
    let lower = last.to_lowercase();
    let plural = last.starts_with(char::is_uppercase) && lower.ends_with('s') && !lower.ends_with("ss") && lex.is_common(&lower);
    let personal = lex.first_name(first).is_some()
        || first.trim_end_matches('.').chars().count() == 1
        || lex.surname(last).is_some_and(|f| f >= 0.002);
    plural && !personal
}

/// Words that open a message before the name of whom it addresses ("Dear Tom,").
const SALUTATIONS: &[&str] = &["Dear", "Hi", "Hello", "Hey"];

/// Words that close a message before its writer's name ("Regards, Vangie", "Thanks again Nina").
const CLOSINGS: &[&[&str]] = &[
    &["Thanks", "again"],
    &["Thanks", "From"],
    &["Thanks", "from"],
    &["Thank", "you"],
    &["Many", "thanks"],
    &["Best", "regards"],
    &["Kind", "regards"],
    &["Kindest", "regards"],
    &["Best", "wishes"],
    &["Thanks"],
    &["Regards"],
    &["Cheers"],
    &["Sincerely"],
    &["Love"],
];

/// Where the name lies in the words of a line that opens or closes a message: one to three
/// words of a name (capitalized, not a word the training data writes in lowercase unless it is
/// a first name: "Bill", not "Visit" or "Please"; an initial) before a final comma, after a
/// salutation or nothing ("Cindy,", "Dear Tom Vance,"), or after a closing and its comma to the
/// end of the line ("Regards, Vangie McGilloway", "Thanks again Nina.").
fn greeting_name(lex: &Lexicon, words: &[&str]) -> Option<(usize, usize)> {
    let end = words.len() - words.iter().rev().take_while(|w| matches!(**w, "." | "!")).count();
    let words = &words[..end];
    let name_like = |w: &str| {
        let initial = w.trim_end_matches('.').chars().count() == 1;
        w.starts_with(char::is_uppercase)
            && !CLOSINGS.iter().any(|c| c[0] == w)
            && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'')
            && (initial || !lex.is_common(&w.to_lowercase()) || lex.first_name(w).is_some())
    };
    let name = |from: usize, to: usize| {
        (1..=3).contains(&(to - from)) && words[from..to].iter().all(|w| name_like(w)) && !initial_only(&words[from..to])
    };
    if let [.., ","] = words {
        let from = usize::from(words.first().is_some_and(|w| SALUTATIONS.contains(w)));
        return name(from, words.len() - 1).then_some((from, words.len() - 1));
    }
    let closing = CLOSINGS.iter().find(|c| words.len() > c.len() && words[..c.len()] == c[..])?;
    let from = closing.len() + usize::from(words[closing.len()] == ",");
    name(from, words.len()).then_some((from, words.len()))
}

/// Whether `words` are initials alone ("A."): no name.
fn initial_only(words: &[&str]) -> bool {
    words.iter().all(|w| w.trim_end_matches('.').chars().count() == 1)
}

/// The kinds of work whose title follows them ("the film Ray", "hit musical Mamma Mia!"): nouns
/// only, not "hit", "show", "book", "single" or "epic", which are as often verbs or adjectives
/// before a name ("to hit Sri Lanka", "figures show Japan").
const WORK_NOUNS: &[&str] = &[
    "film",
    "movie",
    "biopic",
    "documentary",
    "drama",
    "comedy",
    "sitcom",
    "thriller",
    "musical",
    "opera",
    "soap",
    "series",
    "cartoon",
    "album",
    "song",
    "track",
    "novel",
];

/// The last words of events' and prizes' names ("Davis Cup", "Academy Awards", "Booker Prize";
/// not "Games": "Argonaut Games" is a firm).
const EVENT_HEADS: &[&str] = &[
    "Cup",
    "Cups",
    "Award",
    "Awards",
    "Prize",
    "Prizes",
    "Championship",
    "Championships",
    "Festival",
    "Trophy",
    "Olympics",
    "Marathon",
    "Tournament",
    "Open",
];

/// Awards and games named like people or places ("Oscar", "the Brits", "Grand Slam").
const EVENTS: &[&str] = &[
    "Oscar",
    "Oscars",
    "Grammy",
    "Grammys",
    "Emmy",
    "Emmys",
    "Brits",
    "Golden Globe",
    "Golden Globes",
    "Olympics",
    "Paralympics",
    "Olympic Games",
    "Grand Slam",
    "Grand Slams",
];

/// Words that open a storm's name ("Hurricane Katrina").
const STORMS: &[&str] = &["Hurricane", "Typhoon", "Cyclone", "Storm"];

/// Acronyms of things, written in capitals like names ("TV channel", "DVD sales").
const COMMON_ACRONYMS: &[&str] =
    &["TV", "TVs", "PC", "PCs", "DVD", "DVDs", "CD", "CDs", "MP3", "SMS", "GPS", "LCD", "VCR", "PDA", "PDAs", "HDTV", "DNA"];

/// Words of measure after a number ("47.1 percent", "9.8 seconds").
const UNITS: &[&str] = &[
    "percent", "per", "points", "point", "million", "billion", "trillion", "seconds", "minutes", "hours", "metres", "meters", "miles",
    "km", "kg", "mph", "years", "goals", "runs",
];

/// Titles of the peerage, before a name and "of" and a territory.
const PEERAGE_TITLES: [&str; 8] = ["Lord", "Lady", "Baroness", "Baron", "Viscount", "Viscountess", "Earl", "Countess"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nationality_before_a_head_noun_is_no_organization() {
        let found = crate::recognize::learned::tests::check(
            "Bank deal\n\nMr Reed was instrumental in the takeover last November of the British bank Harwick National.\n",
        );
        assert!(!found.iter().any(|(n, _, _)| n.contains("British")), "{found:?}");
    }

    #[test]
    fn nationalities_modifying_a_noun_are_no_organization() {
        // The tagger's organizations, as it read them on news.
        let text = "Bank deal\n\nThe South Korean bank rose. The North American box office fell. Anglo-American agreed.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("South Korean", 0, EntityType::Organization),
                ("North American", 0, EntityType::Organization),
                ("Anglo-American", 0, EntityType::Organization),
            ],
            |r| r.no_people_by_nationality(),
        );
        let names: Vec<&str> = found.iter().map(|m| m.span.of(text)).collect();
        assert_eq!(names, ["Anglo-American"], "{found:?}");
    }

    #[test]
    fn names_open_and_close_messages() {
        let lex = Lexicon::embedded();
        let name = |line: &str| {
            let words: Vec<&str> = line.split(' ').collect();
            greeting_name(&lex, &words).map(|(a, b)| words[a..b].join(" "))
        };
        assert_eq!(name("Cindy ,").as_deref(), Some("Cindy"));
        assert_eq!(name("Dear Tom Vance ,").as_deref(), Some("Tom Vance"));
        assert_eq!(name("Regards , Ana K. Ruiz").as_deref(), Some("Ana K. Ruiz"));
        assert_eq!(name("Thanks again Nina .").as_deref(), Some("Nina"));
        assert_eq!(name("Thanks From Bill").as_deref(), Some("Bill"));
        // Common words, a sentence, a line without a greeting.
        for line in ["Thanks ,", "Sincerely ,", "However ,", "Please , call me", "Thanks for the help", "Tom Vance said so"] {
            assert_eq!(name(line), None, "{line}");
        }
    }

    #[test]
    fn names_ending_in_plural_nouns_are_groups_unless_a_persons() {
        let lex = Lexicon::embedded();
        for group in ["Beastie Boys", "Argonaut Games", "Omni Consumer Products"] {
            assert!(is_group_name(&lex, group), "{group}");
        }
        // A first name, an initial, a frequent surname, one word.
        for person in ["Tony Banks", "G Products", "Kelso Woods", "Boys"] {
            assert!(!is_group_name(&lex, person), "{person}");
        }
    }

    #[test]
    fn a_name_after_the_kind_of_its_work_is_no_one() {
        let found = crate::recognize::learned::tests::check(
            "Tom Reed praised the horror film Ada Vale and the BBC comedy Kestrel Lane. Ada Vale opens in May.\n",
        );
        assert!(found.iter().all(|(n, _, _)| n != "Ada Vale" && n != "Kestrel Lane"), "{found:?}");
        assert!(found.iter().any(|(n, k, _)| n == "Tom Reed" && *k == EntityType::Person), "{found:?}");
    }

    #[test]
    fn a_name_with_a_model_number_is_no_person() {
        let found = crate::recognize::learned::tests::check(
            "Ana Ruiz said the Vexa Q7 phone sold well. Tom Vance bought a Zentor RX-800 and a Halden K2. 50 Cent sang. \
             Jo Brandt of the USA liked her Kelso Optio SV and King Harald III.\n",
        );
        let people: Vec<&str> = found.iter().filter(|(_, k, _)| *k == EntityType::Person).map(|(n, _, _)| n.as_str()).collect();
        assert!(people.iter().all(|n| !n.chars().any(|c| c.is_ascii_digit()) || *n == "50 Cent"), "{found:?}");
        assert!(!people.contains(&"Kelso Optio SV"), "{found:?}");
        assert!(people.contains(&"Ana Ruiz") && people.contains(&"Tom Vance"), "{found:?}");
    }

    #[test]
    fn a_person_named_by_their_seat_is_described() {
        let text = "Port row\n\nThe Kelso North MP, who was expelled, spoke. Kelso South MEP Ana Ruiz agreed. Tom \
                    Vance MP did not.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Kelso North MP", 0, EntityType::Person),
                ("Kelso South MEP", 0, EntityType::Person),
                ("Ana Ruiz", 0, EntityType::Person),
                ("Tom Vance MP", 0, EntityType::Person),
            ],
            |r| r.no_people_named_by_their_seat(),
        );
        let names: Vec<&str> = found.iter().map(|m| m.span.of(text)).collect();
        assert_eq!(names, ["Ana Ruiz", "Tom Vance MP"], "{found:?}");
    }

    #[test]
    fn a_country_before_a_medium_is_no_broadcaster() {
        let text = "Show news\n\nVeteran US TV host Ana Ruiz met British television chiefs and Kelso Radio. Iraqi TV \
                    said it was over.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("US TV", 0, EntityType::Organization),
                ("Ana Ruiz", 0, EntityType::Person),
                ("British television", 0, EntityType::Organization),
                ("Kelso Radio", 0, EntityType::Organization),
                ("Iraqi TV", 0, EntityType::Organization),
            ],
            |r| r.no_broadcasters_by_country(),
        );
        let mut found: Vec<(&str, EntityType)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
        found.sort_by_key(|&(name, _)| name);
        let kept = [("Ana Ruiz", EntityType::Person), ("Iraqi TV", EntityType::Organization), ("Kelso Radio", EntityType::Organization)];
        assert_eq!(found, [&kept[..], &[("US", EntityType::Place)]].concat());
    }

    #[test]
    fn an_event_or_a_prize_is_no_one() {
        // A name that ends in an event's or a prize's head noun, typed a person; not a firm
        // named by a plural ("Kelso Games") nor a person.
        let text = "Port row\n\nAna Ruiz won the Kelso Cup and the Vance Awards. Kelso Games made a profit. Jo Brandt \
                    spoke.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Ana Ruiz", 0, EntityType::Person),
                ("Kelso Cup", 0, EntityType::Person),
                ("Vance Awards", 0, EntityType::Person),
                ("Kelso Games", 0, EntityType::Person),
                ("Jo Brandt", 0, EntityType::Person),
            ],
            |r| r.no_events(),
        );
        let names: Vec<&str> = found.iter().map(|m| m.span.of(text)).collect();
        assert_eq!(names, ["Ana Ruiz", "Kelso Games", "Jo Brandt"], "{found:?}");
    }

    #[test]
    fn a_surname_typed_an_organization_is_the_person_named_before() {
        // "Vellan" after "Marco Vellan" is his; "Kasabian", a band named before the person it is
        // named after, and "Halden" of a firm's longer name stay organizations.
        let text = "Port row\n\nSenator Marco Vellan spoke. Vellan donor Tom Pate paid. Kasabian played, a band named \
                    after Linda Kasabian. Jo Halden joined Halden Freight. Halden said so.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Marco Vellan", 0, EntityType::Person),
                ("Vellan", 30, EntityType::Organization),
                ("Tom Pate", 0, EntityType::Person),
                ("Kasabian", 0, EntityType::Organization),
                ("Linda Kasabian", 0, EntityType::Person),
                ("Jo Halden", 0, EntityType::Person),
                ("Halden Freight", 0, EntityType::Organization),
                ("Halden", 140, EntityType::Organization),
            ],
            |r| r.organizations_named_by_surnames(),
        );
        let typed: Vec<(&str, EntityType)> = found.iter().map(|m| (m.span.of(text), m.kind)).collect();
        assert_eq!(typed[1], ("Vellan", EntityType::Person), "{typed:?}");
        assert_eq!(typed[3], ("Kasabian", EntityType::Organization), "{typed:?}");
        assert_eq!(typed[7], ("Halden", EntityType::Organization), "{typed:?}");
    }

    #[test]
    fn a_name_with_a_version_number_is_a_product() {
        // Every mention of it; a time or a share after a name is no version.
        let text = "Port row\n\nTom Vance uses Kelso Reader 4.0 at home. Kelso Reader is free. Ana Ruiz ran 19.85 \
                    seconds, ahead of Tom Vance 4.5 percent.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[
                ("Tom Vance", 0, EntityType::Person),
                ("Kelso Reader", 0, EntityType::Person),
                ("Kelso Reader", 40, EntityType::Person),
                ("Ana Ruiz", 0, EntityType::Person),
                ("Tom Vance", 100, EntityType::Person),
            ],
            |r| r.no_people_with_versions(),
        );
        let names: Vec<&str> = found.iter().map(|m| m.span.of(text)).collect();
        assert_eq!(names, ["Tom Vance", "Ana Ruiz", "Tom Vance"], "{found:?}");
    }

    #[test]
    fn an_acronym_after_the_that_acts_as_a_body_is_an_organization() {
        // Twice after "the", and speaking or owning once; not a model after its maker, nor an
        // acronym spelled out in lowercase.
        let text = "Port row\n\nThe KFA said fares would rise. KFA chief Tom Vance agreed, and the KFA's board met. \
                    Critics of the KFA were loud. The Vexa QX sold well, and the QX said nothing; the QX is cheap. The \
                    quay fee index (QFI) rose, and the QFI said little, as the QFI often does. The KHB is shut.\n";
        let found = crate::recognize::learned::tests::after_edit(text, &[("Tom Vance", 0, EntityType::Person)], |r| r.acronyms_after_the());
        let named = |name: &str| found.iter().filter(|m| m.span.of(text) == name && m.kind == EntityType::Organization).count();
        assert_eq!(named("KFA"), 4, "{found:?}");
        assert_eq!(named("QX") + named("QFI") + named("KHB"), 0, "{found:?}");
    }

    #[test]
    fn a_peer_named_by_a_title_a_name_and_a_territory_is_one_person() {
        // The tagger's place inside goes; "Court of Appeal" after a title-less name is no peer.
        let text = "Port news\n\nLord Vance of Kelso said the quay was safe, and Baroness Ruiz of Harbour Hill agreed. \
                    The Court of Appeal sat.\n";
        let found = crate::recognize::learned::tests::after_edit(
            text,
            &[("Kelso", 0, EntityType::Place), ("Ruiz", 0, EntityType::Person), ("Court of Appeal", 0, EntityType::Organization)],
            |r| r.peers_named_by_their_territory(),
        );
        let mut people: Vec<&str> = found.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.span.of(text)).collect();
        people.sort_unstable();
        assert_eq!(people, ["Baroness Ruiz of Harbour Hill", "Lord Vance of Kelso"], "{found:?}");
        assert!(found.iter().all(|m| m.kind != EntityType::Place), "{found:?}");
        assert!(found.iter().any(|m| m.span.of(text) == "Court of Appeal"), "{found:?}");
    }
}
