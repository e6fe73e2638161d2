//! Sports clubs and teams after the learned tagger: the clubs the gazetteer names
//! (`gazetteer/clubs.tsv`), and the names a team's people are named after ("Chelsea boss Jose
//! Mourinho"). Post-edits: the tagger and its hints are left as trained.

use super::learned::{is_layout_rule, parts_of_longer, titled};
use super::{Mention, Recognizer};
use crate::lexicon::{EntityType, Known};
use crate::segment::TokenKind;
use crate::text::{Span, SpanIndex};
use std::collections::{HashMap, HashSet};

impl Recognizer<'_> {
    /// The sports clubs of `clubs.tsv` ("Arsenal", "Aston Villa", "PSV Eindhoven") and the
    /// outlets of `outlets.tsv` ("BBC Sport", "Radio 4") are organizations wherever the analysed text names them on word boundaries: a club's name
    /// replaces what was found inside it ("Villa" of "Aston Villa", a person "Hansa Rostock"),
    /// and is added where nothing was (a results table's team too: "Ajax Amsterdam", not
    /// "Amsterdam"); a longer name holding it, a name across its edge and the rest of the page's
    /// layout stay as they are; so does a club's name that is the first name of a person's full
    /// name elsewhere in the article ("Chelsea" after "Chelsea Clinton").
    pub(super) fn known_clubs(&mut self) {
        let text = self.text();
        let tokens = &self.seg.tokens;
        let on_tokens = |span: Span| {
            let first = tokens.partition_point(|t| t.span.start < span.start);
            let last = tokens.partition_point(|t| t.span.end < span.end);
            tokens.get(first).is_some_and(|t| t.span.start == span.start) && tokens.get(last).is_some_and(|t| t.span.end == span.end)
        };
        let clubs: Vec<(Span, Known)> =
            self.lex.find_clubs(text).map(|(r, k)| (Span::new(r.start, r.end), k)).filter(|&(span, _)| on_tokens(span)).collect();
        const TABLE: &str = "team in a results line";
        let first_names: HashSet<&str> = self
            .found
            .iter()
            .filter(|m| m.kind == EntityType::Person)
            .filter_map(|m| m.span.of(text).split_once(' ').map(|(first, _)| first))
            .filter(|first| self.lex.first_name(first).is_some())
            .collect();
        // The mentions each club's name overlaps, read from an index by start (a page of
        // thousands of clubs must not read every mention for each), replaced in one pass.
        let by_start = super::learned::mentions_by_start(&self.found);
        let mut replaced = vec![false; self.found.len()];
        let mut added = Vec::new();
        for (span, known) in clubs {
            if first_names.contains(span.of(text)) {
                continue;
            }
            let inside = super::learned::overlapping(&self.found, &by_start, span);
            if inside.iter().any(|&i| is_layout_rule(&self.found[i]) && self.found[i].rule != TABLE || !span.contains(self.found[i].span)) {
                continue;
            }
            // A results table's team keeps its rule, whole ("Ajax Amsterdam 2 1 0 1", not "Amsterdam").
            let table = inside.iter().any(|&i| self.found[i].rule == TABLE);
            for i in inside {
                replaced[i] = true;
            }
            added.push((span, known, if table { TABLE } else { "gazetteer" }));
        }
        let mut keep = replaced.iter().map(|r| !r);
        self.found.retain(|_| keep.next().unwrap_or(true));
        for (span, known, rule) in added {
            self.push(span, EntityType::Organization, Some(known), 3, rule);
        }
    }

    /// "United went ahead" after "Manchester United": the last word of a club's name that the
    /// article names in full is that club where it stands alone, a capitalized word before no
    /// other capitalized word and after none ("the United board", "United's"), where no other
    /// club named ends in it and nothing but the tagger's place or person was found on it; not
    /// "the City" (of London).
    pub(super) fn clubs_by_their_last_word(&mut self) {
        let text = self.text();
        let mut by_last: HashMap<&str, HashSet<Known>> = HashMap::new();
        for m in self.found.iter().filter(|m| m.known.is_some_and(|k| self.lex.is_club(k))) {
            if let (Some((_, last)), Some(k)) = (m.span.of(text).rsplit_once(' '), m.known) {
                by_last.entry(last).or_default().insert(k);
            }
        }
        if by_last.is_empty() {
            return;
        }
        let found = SpanIndex::of(self.found.iter().map(|m| m.span));
        // "City's best chance" after "Manchester City": the tagger's place or person on the word
        // alone gives way.
        let tagged_alone: HashSet<Span> =
            self.found.iter().filter(|m| m.rule == "model:ner" && m.kind != EntityType::Organization).map(|m| m.span).collect();
        let capitalized = |k: usize| super::capitalized(self.seg, k);
        let mut added = Vec::new();
        for (k, token) in self.seg.tokens.iter().enumerate() {
            let Some(clubs) = by_last.get(self.word(k)).filter(|c| c.len() == 1) else { continue };
            let alone = !capitalized(k + 1) && (k == 0 || !capitalized(k - 1));
            let city = self.word(k) == "City" && k > 0 && self.word(k - 1).eq_ignore_ascii_case("the");
            // "he was in Milan talking to Adriano": the city, after a place's preposition.
            let located = k > 0 && matches!(self.word(k - 1), "in" | "at" | "from" | "to" | "into" | "near" | "outside");
            let retyped = tagged_alone.contains(&token.span) && !located;
            if alone && !city && (!found.overlaps(token.span) || retyped) {
                added.push((token.span, *clubs.iter().next().expect("one club")));
            }
        }
        for (span, known) in added {
            self.push(span, EntityType::Organization, Some(known), 3, "last word of a club's name");
        }
    }

    /// "rock band Keane", "boy band McFly", "his band Babyshambles": the capitalized words right
    /// after "band" in its sentence are a band, an organization, typed so or found so where the
    /// tagger saw nothing, and so is the same name wherever the article's mentions write it
    /// ("Keane were followed by"). The tagger's training text names few bands; "band" among the
    /// head nouns changes its hints and lowered the news gold in a refit (docs/ner-notes.md).
    pub(super) fn bands_after_band(&mut self) {
        let text = self.text();
        let mut bands: Vec<Span> = Vec::new();
        for sentence in &self.seg.sentences {
            for k in sentence.tokens.clone().filter(|&k| self.word(k) == "band") {
                let start = if k + 1 < sentence.tokens.end && self.word(k + 1) == "The" { k + 2 } else { k + 1 };
                // Capitalized words, and a number after the first ("Maroon 5").
                let named = |j: usize| {
                    j < sentence.tokens.end && {
                        let kind = self.seg.tokens[j].kind;
                        kind == TokenKind::Word && self.word(j).starts_with(char::is_uppercase) || kind == TokenKind::Number && j > start
                    }
                };
                let end = (start..start + 4).take_while(|&j| named(j)).last().map_or(start, |j| j + 1);
                let next_to = |a: usize, b: usize| super::one_space_apart(self.seg.tokens[a].span, self.seg.tokens[b].span);
                if end > start && next_to(k, k + 1) && (start..end - 1).all(|j| next_to(j, j + 1)) {
                    bands.push(self.span(start, end));
                }
            }
        }
        if bands.is_empty() {
            return;
        }
        let names: HashSet<&str> = bands.iter().map(|s| s.of(text)).collect();
        for m in self.found.iter_mut().filter(|m| !is_layout_rule(m) && names.contains(m.span.of(text))) {
            m.kind = EntityType::Organization;
        }
        self.organizations_over(bands, "name after band");
    }

    /// "Sunderland FC", "Neath RFC", "Notts AC": capitalized words right before a club's
    /// abbreviation (`CLUB_FORMS`) name a club with it, an organization (not the town "Sunderland"
    /// and the club "FC", nor the person "Newry FC").
    pub(super) fn clubs_by_their_form(&mut self) {
        let tokens = &self.seg.tokens;
        let mut clubs = Vec::new();
        for sentence in &self.seg.sentences {
            for k in sentence.tokens.clone().skip(1).filter(|&k| CLUB_FORMS.contains(&self.word(k))) {
                let next_to = |j: usize| super::one_space_apart(tokens[j].span, tokens[j + 1].span);
                let named = |j: usize| {
                    j >= sentence.tokens.start && super::capitalized(self.seg, j) && !CLUB_FORMS.contains(&self.word(j)) && next_to(j)
                };
                let Some(start) = (k.saturating_sub(4)..k).rev().take_while(|&j| named(j)).last() else { continue };
                let start = if self.word(start) == "The" { start + 1 } else { start };
                if start < k {
                    clubs.push(self.span(start, k + 1));
                }
            }
        }
        self.organizations_over(clubs, "club form");
    }

    /// Adds an organization on each of `spans` (sorted by start) with rule `rule`, in place of
    /// what was found inside it; a name across its edge, or the page's layout, stays instead.
    fn organizations_over(&mut self, spans: Vec<Span>, rule: &'static str) {
        if spans.is_empty() {
            return;
        }
        let mut found: Vec<(Span, bool)> = self.found.iter().map(|m| (m.span, is_layout_rule(m))).collect();
        found.sort_unstable();
        let index = SpanIndex::new(found.iter().map(|&(span, _)| span).collect());
        let clear = |span: Span| index.overlapping(span).all(|k| span.contains(found[k].0) && !found[k].1);
        let spans: Vec<Span> = spans.into_iter().filter(|&span| clear(span)).collect();
        let replaced = SpanIndex::of(spans.iter().copied());
        self.found.retain(|m| !replaced.contains(m.span));
        for span in spans {
            self.push(span, EntityType::Organization, None, 2, rule);
        }
    }

    /// A team sheet: a paragraph of at least five entries between commas and semicolons, most of
    /// them an initial and a surname, as rugby reports close with ("C Paterson; S Webster, A
    /// Craig, H Southwell; ... G Bulloch (capt), G Kerr."). Every entry is a player, a person,
    /// whatever the tagger or the gazetteer made of it ("C Paterson" a place, "S Orlando" the
    /// city, "A Lo Cicero" cut to "Cicero", "K Maggs" nothing), and part of the page's layout,
    /// which later edits leave alone.
    ///
    /// The capitalized words in parentheses after a player are the player's club, an
    /// organization ("S Jones (Clermont Auvergne)"; "(capt)" is none, and a country, "(Wales)",
    /// stays a place).
    pub(super) fn players_in_team_sheets(&mut self) {
        let people = SpanIndex::of(self.found.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.span));
        let sheets: Vec<(Vec<Span>, Vec<Span>)> = self.seg.paragraphs.iter().filter_map(|&p| self.team_sheet(p, &people)).collect();
        if sheets.is_empty() {
            return;
        }
        let index = SpanIndex::of(sheets.iter().flat_map(|(players, clubs)| players.iter().chain(clubs)).copied());
        // A club the gazetteers know keeps its entry ("Wasps" is London Wasps).
        let known: HashMap<Span, Known> =
            self.found.iter().filter_map(|m| m.known.filter(|&k| matches!(k, Known::Organization(_))).map(|k| (m.span, k))).collect();
        self.found.retain(|m| !index.overlaps(m.span));
        for (players, clubs) in sheets {
            for span in players {
                self.push(span, EntityType::Person, None, 3, TEAM_SHEET);
            }
            for span in clubs {
                let name = span.of(self.text());
                let club = self.lex.find_clubs(name).find(|(r, _)| r.len() == name.len()).map(|(_, k)| k);
                self.push(span, EntityType::Organization, club.or_else(|| known.get(&span).copied()), 3, TEAM_SHEET_CLUB);
            }
        }
    }

    /// The entries of `paragraph` if it is a team sheet (`players_in_team_sheets`), each from its
    /// first word to its last: capitalized words and name particles ("R de Marigny"), up to
    /// four; a label before a colon ("Replacements:") and a short note in parentheses
    /// ("(capt)", "(Sale Sharks, capt)") are no part of any. None for anything else.
    fn team_sheet(&self, paragraph: Span, people: &SpanIndex) -> Option<(Vec<Span>, Vec<Span>)> {
        let tokens = &self.seg.tokens;
        let (first, last) =
            (tokens.partition_point(|t| t.span.start < paragraph.start), tokens.partition_point(|t| t.span.start < paragraph.end));
        // Each entry's first word and the token after its last.
        let mut entries: Vec<(usize, usize)> = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        let mut clubs: Vec<Span> = Vec::new();
        // Substitutes with their minute, as football sheets write them ("Kewell (Traore 85)").
        let mut substitutes: Vec<(usize, usize)> = Vec::new();
        let mut k = first;
        while k < last {
            let w = self.word(k);
            let name_word = tokens[k].kind == TokenKind::Word
                && (w.starts_with(char::is_uppercase) || open.is_some() && (super::PARTICLES.contains(&w) || NAME_PARTICLES.contains(&w)));
            match w {
                "(" => {
                    let close = (k + 1..last.min(k + 8)).find(|&j| self.word(j) == ")")?;
                    // The club: the capitalized words up to a comma ("Sale Sharks, capt").
                    let club = (k + 1..close).take_while(|&j| super::capitalized(self.seg, j)).count();
                    // A country fields a team and stays a place ("(Australia)").
                    let country = || self.lex.is_nation_or_region(self.lex.known(self.span(k + 1, k + 1 + club).of(self.text())));
                    let minute = club > 0 && tokens[k + 1 + club].kind == TokenKind::Number && k + 2 + club == close;
                    if minute {
                        substitutes.push((k + 1, k + 1 + club));
                    } else if club > 0 && matches!(self.word(k + 1 + club), ")" | ",") && !country() {
                        clubs.push(self.span(k + 1, k + 1 + club));
                    }
                    k = close;
                }
                // The words before a colon label what follows ("Replacements:").
                ":" => open = None,
                "," | ";" | "." => entries.extend(open.take()),
                _ if name_word => {
                    let start = open.map_or(k, |(s, _)| s);
                    if (start..=k).filter(|&j| tokens[j].kind == TokenKind::Word).count() > 4 {
                        return None;
                    }
                    open = Some((start, k + 1));
                }
                _ => return None,
            }
            k += 1;
        }
        entries.extend(open);
        let initialled = entries.iter().filter(|&&(s, e)| e - s >= 2 && is_initial(self.word(s))).count();
        let rugby = entries.len() >= 5 && initialled * 5 >= entries.len() * 3;
        // Entries with a club in parentheses, or a substitute, are a sheet's.
        let marked = !substitutes.is_empty() || clubs.len() * 2 >= entries.len();
        if !rugby && !self.football_sheet(&entries, marked, people) {
            return None;
        }
        let players = entries.into_iter().chain(substitutes).map(|(s, e)| self.span(s, e)).collect();
        Some((players, clubs))
    }

    /// Whether `entries` (first token, token after the last) are a football team sheet's: nine
    /// or more, of one to three words ("Cech, Paulo Ferreira, Gallas, ..."), none a country's
    /// name, `marked` (a substitute and their minute in parentheses, or half of them with their
    /// club) or two in three already read as people (a list of capitalized names alone in its
    /// paragraph that names no one stays as found; `people` are the spans found as people).
    fn football_sheet(&self, entries: &[(usize, usize)], marked: bool, people: &SpanIndex) -> bool {
        let text = self.text();
        let country = |(s, e): (usize, usize)| self.lex.place_kind(self.lex.known(self.span(s, e).of(text))) == Some("country");
        let named = entries.iter().filter(|&&(s, e)| people.overlaps(self.span(s, e))).count();
        entries.len() >= 9 && entries.iter().all(|&(s, e)| e - s <= 3 && !country((s, e))) && (marked || named * 3 >= entries.len() * 2)
    }

    /// A name that a team's people are named after is the team: "Chelsea boss Jose Mourinho",
    /// "Aston Villa striker Juan Pablo Angel", "Leicester's coach" (`TEAM_PEOPLE`). Its mentions
    /// in the article that were typed a person (no longer person's name holds it, no title or
    /// first name opens it) or a place below a country's standing (clubs bear their town's name;
    /// countries field teams and stay places) are the club, an organization; where nothing was
    /// found on such a word, it is added wherever the article writes it alone (rule "team
    /// context").
    pub(super) fn teams_by_their_people(&mut self) {
        let text = self.text();
        let (mut teams, unfound) = self.team_names();
        // Sport copy: a team's people named, or a club the gazetteer knows.
        let sport = !teams.is_empty() || !unfound.is_empty() || self.found.iter().any(|m| m.known.is_some_and(|k| self.lex.is_club(k)));
        teams.extend(self.teams_by_their_words(sport));
        let mut added = Vec::new();
        if !unfound.is_empty() {
            let found = SpanIndex::of(self.found.iter().map(|m| m.span));
            let alone = self.alone_words();
            for word in unfound {
                let Some(at) = alone.get(word) else { continue };
                teams.insert(word);
                added.extend(at.iter().map(|&k| self.seg.tokens[k].span).filter(|&span| !found.overlaps(span)));
            }
        }
        let people: Vec<&str> = self.found.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.span.of(text)).collect();
        let inside_longer = parts_of_longer(&people);
        let retyped: Vec<bool> = self
            .found
            .iter()
            .map(|m| teams.contains(m.span.of(text)) && !inside_longer.contains(m.span.of(text)) && self.club_not_country(m))
            .collect();
        for (m, club) in self.found.iter_mut().zip(retyped) {
            if club {
                m.kind = EntityType::Organization;
                m.known = None;
            }
        }
        added.sort();
        for span in added {
            self.push(span, EntityType::Organization, None, 2, "team context");
        }
    }

    /// The names before a team's people (`TEAM_PEOPLE`, before a capitalized name or after a
    /// possessive): those of found mentions, and single words nothing was found on.
    fn team_names(&self) -> (HashSet<&str>, HashSet<&str>) {
        let tokens = &self.seg.tokens;
        let capitalized = |k: usize| super::capitalized(self.seg, k);
        let found = SpanIndex::of(self.found.iter().map(|m| m.span));
        let (mut names, mut words) = (HashSet::new(), HashSet::new());
        // The first mention ending at each offset, looked up once per team's people's word.
        let mut ending: HashMap<usize, &str> = HashMap::new();
        for m in &self.found {
            ending.entry(m.span.end).or_insert(m.span.of(self.text()));
        }
        // "director of rugby" and "director of football" are one word here.
        let of_sport =
            |j: usize| self.word(j) == "director" && self.word(j + 1) == "of" && matches!(self.word(j + 2), "rugby" | "football");
        for j in (1..tokens.len().saturating_sub(2)).filter(|&j| TEAM_PEOPLE.contains(&self.word(j)) || of_sport(j)) {
            let after = if of_sport(j) { j + 3 } else { j + 1 };
            // "Wales head coach Mike Ruddock": one modifier between the team and its people.
            let j = if j > 1 && TEAM_MODIFIERS.contains(&self.word(j - 1)) { j - 1 } else { j };
            let possessive = tokens[j - 1].kind == TokenKind::Possessive;
            let last = if possessive { j.checked_sub(2) } else { Some(j - 1) };
            let Some(last) = last.filter(|&k| capitalized(k) && (possessive || capitalized(after))) else { continue };
            match ending.get(&tokens[last].span.end) {
                Some(&name) => _ = names.insert(name),
                None if !found.overlaps(tokens[last].span) => _ = words.insert(self.word(last)),
                None => {}
            }
        }
        (names, words)
    }

    /// The cities found that the words around one of their mentions make a team: a plural verb
    /// after a name that opens its clause, not in a list ("Liverpool were ahead", "But Blackburn
    /// have said"; a town takes "was"), a team's following after it ("Liverpool fans", "the
    /// Newcastle players"), a parenthesis after a person's name ("Savage (Blackburn)"), and in
    /// `sport` copy a match ("Liverpool beat", "against Leeds", "the win over Bolton"), a player
    /// ("the Liverpool player", "the Newcastle star") or a move ("joined Tottenham", "his former
    /// club Southampton"). `club_not_country` keeps
    /// countries, which field teams, places.
    fn teams_by_their_words(&self, sport: bool) -> HashSet<&str> {
        let tokens = &self.seg.tokens;
        let text = self.text();
        let word = |k: usize| tokens.get(k).map_or("", |t| t.span.of(text));
        let person_ends: HashSet<usize> = self.found.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.span.end).collect();
        let person_ending = |end: usize| person_ends.contains(&end);
        // A city of the gazetteer: clubs bear their town's name, not their county's or region's.
        let city = |m: &Mention| self.place_kind(m) == Some("city");
        let mut teams = HashSet::new();
        for m in self.found.iter().filter(|m| m.kind == EntityType::Place && !is_layout_rule(m) && city(m)) {
            let (first, after) =
                (tokens.partition_point(|t| t.span.start < m.span.start), tokens.partition_point(|t| t.span.start < m.span.end));
            // Whole tokens only: not "Galway" of "the Galway-based coach".
            if after == 0 || tokens[after - 1].span.end != m.span.end {
                continue;
            }
            // Not in a list ("Leeds and Bradford have"), after a preposition ("shares in London
            // were"), a part of the town ("west London are") or a capitalized word ("Charles
            // Kennedy are").
            let before = if first > 0 { word(first - 1) } else { "" };
            let listed = matches!(before.to_lowercase().as_str(), "and" | "," | "&" | "or" | "the")
                || TOWN_PARTS.contains(&before)
                || before.starts_with(char::is_uppercase) && first > 0 && super::capitalized(self.seg, first - 1)
                || matches!(
                    before,
                    "in" | "at" | "from" | "to" | "of" | "for" | "on" | "by" | "with" | "near" | "across" | "over" | "against"
                );
            // The subject of the verb: "troops besieging Turin were" are not Turin.
            let opener = before.is_empty() || !before.starts_with(char::is_lowercase) || SUBORDINATORS.contains(&before);
            let agreeing = matches!(word(after), "were" | "are" | "have") && !listed && opener;
            let following = matches!(word(after), "fans" | "supporters" | "players" | "squad")
                || sport && (TEAM_PEOPLE.contains(&word(after)) || matches!(word(after), "player" | "star" | "youngster" | "prospect"));
            // "Mido joined Tottenham", "his former club Southampton".
            let joined = sport
                && (matches!(before, "joined" | "joins" | "join" | "joining")
                    || before == "club" && first >= 2 && word(first - 2) == "former");
            // "Liverpool beat Everton", "the win over Newcastle", "against Portsmouth" (not
            // "against Hollywood imports", a town before a noun).
            let playing = matches!(word(after), "beat" | "drew" | "defeated" | "thrashed") && !listed
                || sport
                    && (before == "against" || before == "over" && first >= 2 && matches!(word(first - 2), "win" | "victory" | "triumph"))
                    && ends_phrase(word(after));
            let parenthesized =
                first > 0 && word(first - 1) == "(" && word(after) == ")" && first >= 2 && person_ending(tokens[first - 2].span.end);
            if agreeing || following || playing || joined || parenthesized {
                teams.insert(m.span.of(text));
            }
        }
        teams
    }

    /// The capitalized words that the article writes as names of their own, with where it writes
    /// them alone (no capitalized word beside them but a sentence's first): never in lowercase,
    /// alone at least once inside a sentence (not only where any word takes a capital, "Uncapped
    /// fly-half X"), and no common word, nationality or role.
    fn alone_words(&self) -> HashMap<&str, Vec<usize>> {
        let tokens = &self.seg.tokens;
        let capitalized = |k: usize| super::capitalized(self.seg, k);
        let lowercase = self.lowercase_words();
        let plain = |w: &str| !self.lex.is_common(w) && !self.lex.is_demonym(w) && self.lex.role(w).is_none();
        let mut alone: HashMap<&str, (bool, Vec<usize>)> = HashMap::new();
        for sentence in &self.seg.sentences {
            let first = sentence.tokens.clone().find(|&k| tokens[k].kind == TokenKind::Word);
            for k in sentence.tokens.clone().filter(|&k| capitalized(k) && !capitalized(k + 1)) {
                if k > 0 && capitalized(k - 1) && Some(k - 1) != first {
                    continue;
                }
                let (inside, at) = alone.entry(self.word(k)).or_default();
                *inside |= Some(k) != first;
                at.push(k);
            }
        }
        alone.retain(|w, (inside, _)| *inside && plain(w) && !lowercase.contains(w.to_lowercase().as_str()));
        alone.into_iter().map(|(w, (_, at))| (w, at)).collect()
    }

    /// The gazetteer's kind of place ("city", "country", ...) that mention `m` names, by its own
    /// entry or its words'.
    fn place_kind(&self, m: &Mention) -> Option<&str> {
        self.lex.place_kind(self.known_place(m))
    }

    /// What the gazetteer knows mention `m` as: its own entry, else its words'.
    pub(super) fn known_place(&self, m: &Mention) -> Option<crate::lexicon::Known> {
        m.known.or_else(|| self.lex.known(m.span.of(self.text())))
    }

    /// Whether a mention of a team's name may be the club: a person without a title before it
    /// whose first name does not open it, or a place that is no country, continent or
    /// first-level region ("England", "Wales").
    fn club_not_country(&self, m: &Mention) -> bool {
        match m.kind {
            _ if is_layout_rule(m) => false,
            EntityType::Person => {
                let name = m.span.of(self.text());
                // "Johnny Cash manager Saul Holiff": a first name opens a person's full name.
                let full_name = name.split_once(' ').is_some_and(|(first, _)| self.lex.first_name(first).is_some());
                !titled(self.seg, self.lex, m.span) && !full_name
            }
            EntityType::Place => !self.lex.is_nation_or_region(self.known_place(m)),
            _ => false,
        }
    }
}

/// The rule of a player named in a team sheet (`players_in_team_sheets`), part of the page's layout.
pub(super) const TEAM_SHEET: &str = "player in a team sheet";

/// The rule of a player's club named in parentheses in a team sheet.
pub(super) const TEAM_SHEET_CLUB: &str = "club in a team sheet";

/// Lowercase words inside surnames beside `recognize::PARTICLES` ("CA del Fava", "J van der
/// Westhuyzen", "D dal Maso").
const NAME_PARTICLES: &[&str] = &["del", "dal", "della", "der", "den", "dos", "das", "do", "ter", "ten"];

/// Whether `word` is a player's initials as team sheets write them: one or two capital letters,
/// with a period or joined by a hyphen ("C", "KP", "J.", "J-P").
fn is_initial(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|&c| c != '.' && c != '-').collect();
    (1..=2).contains(&letters.len()) && letters.iter().all(char::is_ascii_uppercase) && word.chars().count() <= 3
}

/// Words that open a clause before its subject ("But Liverpool were", "when Leeds have").
const SUBORDINATORS: &[&str] =
    &["but", "when", "as", "while", "because", "since", "if", "though", "although", "after", "before", "so", "until", "once", "where"];

/// Whether `word`, after a name, ends the phrase it stands in: no lowercase word after it but
/// those that open what follows a phrase ("against Leeds last week", "against Leeds in the cup").
fn ends_phrase(word: &str) -> bool {
    !word.starts_with(char::is_lowercase)
        || matches!(
            word,
            "in" | "on" | "at" | "last" | "this" | "next" | "and" | "for" | "before" | "after" | "when" | "while" | "but" | "which" | "to"
        )
}

/// Words before a town's name that name a part of it ("central London", "west Belfast").
const TOWN_PARTS: &[&str] =
    &["central", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "greater", "inner", "outer", "downtown"];

/// The abbreviations that end a club's name: football, rugby union and league, athletics.
const CLUB_FORMS: &[&str] = &["FC", "AFC", "RFC", "RUFC", "RLFC", "AC", "AAC", "CF"];

/// Team people whose title a club's name opens ("Chelsea boss", "Leicester's coach").
const TEAM_PEOPLE: &[&str] = &[
    "boss",
    "manager",
    "coach",
    "captain",
    "skipper",
    "chairman",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "full-back",
    "centre-back",
    "centre-half",
    "fly-half",
    "scrum-half",
    "flanker",
    "hooker",
    "prop",
    "lock",
    "centre",
    "wing",
    "forward",
    "left-back",
    "right-back",
    "stand-off",
];

/// Words between a team's name and its people's ("Wales head coach", "Leeds caretaker manager").
const TEAM_MODIFIERS: &[&str] = &["head", "assistant", "caretaker", "interim", "first-team", "team"];

#[cfg(test)]
mod tests {
    use crate::lexicon::EntityType;
    use crate::recognize::learned::tests::check;

    #[test]
    fn a_name_before_a_teams_people_is_the_club_unless_a_country() {
        let text = "Harwick boss Dane Ollery said his side were tired after beating Kestrel. \
                    Kestrel striker Tomas Varga scored twice, and Wales captain Owen Price watched. \
                    Later Harwick lost again to Lindqvist.\n";
        let found = check(text);
        let kinds = |name: &str| found.iter().filter(|(n, _, _)| n == name).map(|(_, k, _)| *k).collect::<Vec<_>>();
        assert!(!kinds("Harwick").is_empty() && kinds("Harwick").iter().all(|&k| k == EntityType::Organization), "{found:?}");
        assert!(!kinds("Kestrel").is_empty() && kinds("Kestrel").iter().all(|&k| k == EntityType::Organization), "{found:?}");
        assert_eq!(kinds("Wales"), [EntityType::Place], "countries field teams and stay places: {found:?}");
        assert_eq!(kinds("Dane Ollery"), [EntityType::Person], "{found:?}");
        let found = check("Uncapped fly-half Tom Reed starts. Pop singer Ada Vale and Ada Vale manager Sam Roy met.\n");
        assert!(!found.iter().any(|(n, _, _)| n == "Uncapped"), "a sentence's first word is no club by itself: {found:?}");
        assert!(found.iter().all(|(n, k, _)| n != "Ada Vale" || *k == EntityType::Person), "a person's full name: {found:?}");
    }

    #[test]
    fn capitalized_words_before_a_clubs_form_are_the_club() {
        let found = check("Tom Reed left Harwick FC for Kestrel Vale RFC in May. Ana Ruiz (Ostfield AC) won.\n");
        for club in ["Harwick FC", "Kestrel Vale RFC", "Ostfield AC"] {
            assert!(found.iter().any(|(n, k, _)| n == club && *k == EntityType::Organization), "{club}: {found:?}");
        }
        assert!(!found.iter().any(|(n, _, _)| n == "Harwick" || n == "FC"), "{found:?}");
    }

    #[test]
    fn chelsea_alone_is_the_club_unless_the_article_names_a_person_so() {
        let club = check("Tom Reed joined Chelsea in May. Chelsea won on Sunday.\n");
        assert!(club.iter().filter(|(n, _, _)| n == "Chelsea").all(|(_, k, _)| *k == EntityType::Organization), "{club:?}");
        assert_eq!(club.iter().filter(|(n, _, _)| n == "Chelsea").count(), 2, "{club:?}");
        let person = check("Chelsea Vance spoke on Sunday. Chelsea, 16, was at her father's side.\n");
        assert!(person.iter().all(|(n, k, _)| !n.starts_with("Chelsea") || *k == EntityType::Person), "{person:?}");
    }

    #[test]
    fn a_club_s_last_word_alone_is_the_club() {
        // Not before another capital ("United States"); two clubs ending in "City", neither.
        let found = check("Tom Reed left Manchester United in May. United went ahead, and the United States watched.\n");
        let clubs = found.iter().filter(|(n, k, _)| n == "United" && *k == EntityType::Organization).count();
        assert_eq!(clubs, 1, "{found:?}");
        let two = check("Manchester City drew with Leicester City. City fans sang.\n");
        assert!(!two.iter().any(|(n, _, _)| n == "City"), "{two:?}");
        // Over the tagger's place.
        let city = check("Tom Reed scored twice for Manchester City. Ana Ruiz wasted City's best chance.\n");
        let kinds: Vec<_> = city.iter().filter(|(n, _, _)| n == "City").map(|(_, k, _)| *k).collect();
        assert_eq!(kinds, [EntityType::Organization], "{city:?}");
    }

    #[test]
    fn every_entry_of_a_team_sheet_is_a_player() {
        let text = "Kelso 21-9 Harwick\n\nKelso led at the break, and Vance, Okafor, Reed and Marsh all scored.\n\n\
                    Kelso: T Vance; B Okafor, S Orlando, CA del Reed, R Marsh; J-P Lund (capt), Ivo Brenn.\n\n\
                    Replacements: D Bristol, KP Vik, M Dane, L Ruiz, N Holt.\n";
        let found = check(text);
        for player in
            ["T Vance", "B Okafor", "S Orlando", "CA del Reed", "R Marsh", "J-P Lund", "Ivo Brenn", "D Bristol", "KP Vik", "M Dane"]
        {
            assert!(found.iter().any(|(n, k, _)| n == player && *k == EntityType::Person), "{player}: {found:?}");
        }
        assert!(!found.iter().any(|(n, _, _)| n == "Replacements" || n.contains("capt")), "{found:?}");
        // A sentence listing surnames is no team sheet: its names keep what the tagger made of them.
        assert!(found.iter().all(|(n, _, rule)| *rule != super::TEAM_SHEET || n.contains(' ')), "{found:?}");
    }

    #[test]
    fn a_football_team_sheet_of_surnames_is_players_with_their_substitutes() {
        // Surnames with substitutes and their minute in parentheses; clubs in parentheses
        // without a minute; a paragraph listing countries is no sheet.
        let text = "Kelso 2-1 Harwick\n\nVance scored twice.\n\nOkafor, Reed, Marsh, Lund (Brenn 64), Vik, Dane, Holt, \
                    Orlando (Bristol 82), Ruiz, Fenwick, Kestrel.\n\nTrask (Kelso Rovers), Loden (Ostfield), Mardle (Harwick \
                    Albion), Pryce (Kelso Rovers), Quell (Ostfield), Stour (Ostfield), Tarrant (Harwick Albion), Umber \
                    (Ostfield), Vossel (Kelso Rovers).\n\nFrance, Germany, Italy, Spain, Portugal, Greece, Austria, Belgium, \
                    Denmark.\n";
        let found = check(text);
        for player in ["Okafor", "Lund", "Brenn", "Bristol", "Kestrel", "Trask", "Vossel"] {
            assert!(found.iter().any(|(n, k, _)| n == player && *k == EntityType::Person), "{player}: {found:?}");
        }
        for club in ["Kelso Rovers", "Ostfield", "Harwick Albion"] {
            assert!(found.iter().any(|(n, k, _)| n == club && *k == EntityType::Organization), "{club}: {found:?}");
        }
        assert!(!found.iter().any(|(n, k, _)| n == "Spain" && *k == EntityType::Person), "{found:?}");
    }

    #[test]
    fn a_team_sheet_with_clubs_in_parentheses_and_replacements_in_one_line() {
        // Each player's club is an organization; a note after the club ("capt") and a label in
        // the line ("Replacements:") are neither; a country stays a place.
        let text = "Kelso named\n\nTom Vance is recalled.\n\nT Vance (Harwick Hawks, capt); B Okafor (Ostfield), S Orlando \
                    (Harwick Hawks), R Marsh (Wales), J Lund (Ostfield). Replacements: D Bristol (Ostfield), KP Vik (Harwick \
                    Hawks).\n";
        let found = check(text);
        for player in ["T Vance", "B Okafor", "S Orlando", "R Marsh", "J Lund", "D Bristol", "KP Vik"] {
            assert!(found.iter().any(|(n, k, _)| n == player && *k == EntityType::Person), "{player}: {found:?}");
        }
        for club in ["Harwick Hawks", "Ostfield"] {
            assert!(found.iter().any(|(n, k, _)| n == club && *k == EntityType::Organization), "{club}: {found:?}");
        }
        assert!(found.iter().any(|(n, k, _)| n == "Wales" && *k == EntityType::Place), "{found:?}");
    }

    #[test]
    fn a_town_before_a_forward_a_head_coach_or_a_director_of_rugby_is_the_club() {
        let text = "Leeds beat Exeter\n\nLeeds prop Tom Reed scored early. Exeter head coach Ivo Brenn and Leeds director \
                    of rugby Dan Vik were pleased, and Exeter lost again.\n";
        let found = check(text);
        for club in ["Leeds", "Exeter"] {
            let kinds: Vec<EntityType> = found.iter().filter(|(n, _, _)| n == club).map(|(_, k, _)| *k).collect();
            assert!(!kinds.is_empty() && kinds.iter().all(|&k| k == EntityType::Organization), "{club}: {found:?}");
        }
    }

    #[test]
    fn a_town_with_a_plural_verb_fans_or_a_player_before_it_is_the_club() {
        let text = "Cup tie\n\nBristol were beaten at home on Saturday, and Bristol fans left early. Tom Reed \
                    (Bristol) missed a penalty. Shops in central Exeter were busy.\n";
        let found = check(text);
        let kinds = |name: &str| found.iter().filter(|(n, _, _)| n == name).map(|(_, k, _)| *k).collect::<Vec<_>>();
        assert!(!kinds("Bristol").is_empty() && kinds("Bristol").iter().all(|&k| k == EntityType::Organization), "{found:?}");
        assert_eq!(kinds("Exeter"), [EntityType::Place], "{found:?}");
        // A match, in sport copy (a team's people named); not a verb's object before "were".
        let found = check(
            "Cup tie\n\nBristol boss Tom Reed saw his side lose against Leeds last week. Troops besieging \
                           Exeter were beaten.\n",
        );
        let kinds = |name: &str| found.iter().filter(|(n, _, _)| n == name).map(|(_, k, _)| *k).collect::<Vec<_>>();
        assert_eq!(kinds("Leeds"), [EntityType::Organization], "{found:?}");
        assert_eq!(kinds("Exeter"), [EntityType::Place], "{found:?}");
        let found = check(
            "Transfer\n\nBristol boss Tom Reed said the Leeds star would soon join Exeter. The Derby-based \
                           coach agreed.\n",
        );
        let kinds = |name: &str| found.iter().filter(|(n, _, _)| n == name).map(|(_, k, _)| *k).collect::<Vec<_>>();
        assert_eq!(kinds("Leeds"), [EntityType::Organization], "{found:?}");
        assert_eq!(kinds("Exeter"), [EntityType::Organization], "{found:?}");
        assert!(kinds("Derby").iter().all(|&k| k != EntityType::Organization), "{found:?}");
    }
}
