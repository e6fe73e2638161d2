//! Document-level passes: repeated surnames and short names, first names, currency modifiers,
//! datelines and results tables, and the settled list of mentions and roles.

use super::*;

/// Names that may stand again, each with the type and rule a repetition gets.
type Repeatable = HashMap<String, (EntityType, &'static str)>;

impl<'a> Recognizer<'a> {
    /// Adds later mentions of names the article introduced: surnames ("Gorevoy"), short names,
    /// acronyms, anywhere, headlines and sentence starts included.
    pub(super) fn repeat_names(&mut self) {
        let text = self.text();
        let (names, trusted) = self.names_to_repeat();
        let mut added = Vec::new();
        // The mentions found so far, by span; gazetteer places a surname takes over are dropped
        // at the end (each lies on its own token, which no other token overlaps).
        let mut by_span: Vec<usize> = (0..self.found.len()).collect();
        by_span.sort_by_key(|&k| self.found[k].span);
        let spans = SpanIndex::new(by_span.iter().map(|&k| self.found[k].span).collect());
        let mut taken_over: HashSet<Span> = HashSet::new();
        let mut upgraded = Vec::new();
        for (i, token) in self.seg.tokens.iter().enumerate() {
            let word = fold_typography(token.span.of(text));
            let Some(&(kind, rule)) = names.get(&word) else { continue };
            if !self.is_name_token(i) {
                continue;
            }
            // The surname of someone the article named beats a town of the same name
            // ("Krzysztof Baran ... Baran said" is not Bārān in Iran).
            let surname = rule == "surname of a person named earlier" || kind == EntityType::Person;
            let blocking: Vec<usize> = spans.overlapping(token.span).map(|k| by_span[k]).collect();
            // A trusted acronym found alone more weakly, with the same type ("The HSC also said"
            // after "the HSC said"), is the name repeated (not so a capitalized adjective:
            // "Republican claims").
            let weaker = |m: &Mention| {
                self.is_acronym(i, i + 1) && trusted.contains(&word) && m.span == token.span && m.kind == kind && m.strength < 2
            };
            if let [k] = blocking[..] {
                if weaker(&self.found[k]) {
                    upgraded.push(k);
                    continue;
                }
            }
            let yields = |k: &usize| {
                let m = &self.found[*k];
                surname && m.span == token.span && m.rule == "gazetteer" && m.kind == EntityType::Place
            };
            if blocking.iter().all(yields) {
                let strength = if surname && !blocking.is_empty() { 3 } else { 2 };
                if surname {
                    taken_over.insert(token.span);
                }
                added.push(Mention { span: token.span, kind, known: None, strength, rule });
            }
        }
        for k in upgraded {
            let m = &mut self.found[k];
            (m.strength, m.rule) = (2, "name repeated");
        }
        self.found.retain(|m| !(m.rule == "gazetteer" && taken_over.contains(&m.span)));
        self.found.extend(added);
    }

    /// The names that may stand again later in the article, each with the type and rule a
    /// repetition gets: surnames of people named in full, names found strongly and people's
    /// names (with their capitalized form for a sentence start: "al-Fahad" as "Al-Fahad"); and
    /// the names trusted to overrule a weaker guess on the same word (known names, acronyms
    /// found speaking).
    fn names_to_repeat(&self) -> (Repeatable, HashSet<String>) {
        let text = self.text();
        let mut names = Repeatable::new();
        // Names known, or acronyms found speaking ("the HSC said"): not those a head noun after
        // them typed ("TV channel").
        let mut trusted: HashSet<String> = HashSet::new();
        for m in &self.found {
            let surface = fold_typography(m.span.of(text));
            if m.kind == EntityType::Person {
                let parts: Vec<&str> = surface.split_whitespace().collect();
                if parts.len() >= 2 {
                    // "Paul Miller of Thames Valley Police": no surname is an organization's head noun.
                    let surname =
                        |p: &&&str| p.chars().count() > 2 && !p.ends_with('.') && self.lex.noun_type(p) != Some(EntityType::Organization);
                    if let Some(last) = parts.last().filter(surname) {
                        names.entry(last.to_string()).or_insert((EntityType::Person, "surname of a person named earlier"));
                    }
                }
            }
            if m.rule == "acronym that speaks" || m.known.is_some() {
                trusted.insert(surface.clone());
            }
            if m.strength >= 2 || m.kind == EntityType::Person {
                names.entry(surface).or_insert((m.kind, "name repeated"));
            }
        }
        // "al-Fahad" opens a sentence as "Al-Fahad".
        let capitalized: Vec<(String, (EntityType, &'static str))> = names
            .iter()
            .filter(|(n, _)| n.starts_with(char::is_lowercase))
            .map(|(n, v)| (n.chars().next().into_iter().flat_map(char::to_uppercase).chain(n.chars().skip(1)).collect(), *v))
            .collect();
        for (n, v) in capitalized {
            names.entry(n).or_insert(v);
        }
        (names, trusted)
    }

    /// "the Coastal Trading Commission (CTC)": an acronym the article defines in a parenthesis
    /// or an apposition right after a name whose initials it spells, in capitals or capitalized
    /// as BBC style writes them ("..., Icann"), is that name wherever it stands alone ("The
    /// CTC had accused ..."), where nothing else was found on its word or a weaker guess was (for
    /// an organization's, also the tagger's or the word repeated from such a guess). After the learned tagger, which drops many lone
    /// acronyms.
    pub(super) fn defined_acronyms(&mut self) {
        let text = self.text();
        let tokens = &self.seg.tokens;
        let mut defined: HashMap<String, EntityType> = HashMap::new();
        for m in self.found.iter().filter(|m| m.kind != EntityType::Person) {
            let open = tokens.partition_point(|t| t.span.start < m.span.end);
            let [mark, acronym, close] = [open, open + 1, open + 2].map(|k| tokens.get(k).map(|t| t.span.of(text)));
            let (Some(mark), Some(word)) = (mark, acronym) else { continue };
            // "(CTC)", or an apposition closing its phrase: "the Internet Corporation for
            // Assigned Names and Numbers, Icann."
            let enclosed = match mark {
                "(" => close == Some(")"),
                "," => close.is_none_or(|c| matches!(c, "," | "." | ";" | ":" | ")")),
                _ => false,
            };
            if enclosed && crate::text::spells_initials(word, m.span.of(text)) {
                defined.entry(word.to_string()).or_insert(m.kind);
            }
        }
        if defined.is_empty() {
            return;
        }
        let found = SpanIndex::of(self.found.iter().map(|m| m.span));
        let by_span: HashMap<Span, usize> = self.found.iter().enumerate().map(|(k, m)| (m.span, k)).collect();
        let (mut added, mut upgraded) = (Vec::new(), Vec::new());
        for (i, token) in tokens.iter().enumerate() {
            let Some(&kind) = defined.get(token.span.of(text)) else { continue };
            if !self.is_acronym(i, i + 1) && !crate::text::is_capitalized_acronym(token.span.of(text)) {
                continue;
            }
            if !found.overlaps(token.span) {
                added.push(Mention { span: token.span, kind, known: None, strength: 2, rule: "acronym defined in the text" });
            } else if let Some(&k) = by_span.get(&token.span).filter(|&&k| {
                self.found[k].strength < 2
                    || kind == EntityType::Organization && matches!(self.found[k].rule, "name repeated" | "model:ner")
            }) {
                upgraded.push((k, kind));
            }
        }
        for (k, kind) in upgraded {
            let m = &mut self.found[k];
            (m.kind, m.strength, m.rule) = (kind, 2, "acronym defined in the text");
        }
        self.found.extend(added);
    }

    /// A first name alone where it can stand for one person only ("Ozzy" after "Ozzy Osbourne"),
    /// where no other candidate holds the word: after the learned tagger, so that only people
    /// it kept (or the rules found in the headline, which it does not read) give their first
    /// names.
    pub(super) fn first_name_mentions(&mut self) {
        let firsts = self.first_names();
        let text = self.text();
        let mut added = Vec::new();
        let found = SpanIndex::of(self.found.iter().map(|m| m.span));
        for (i, token) in self.seg.tokens.iter().enumerate() {
            let word = fold_typography(token.span.of(text));
            if firsts.contains(&word) && self.is_name_token(i) && !found.overlaps(token.span) {
                added.push(Mention {
                    span: token.span,
                    kind: EntityType::Person,
                    known: None,
                    strength: 2,
                    rule: "first name of a person named earlier",
                });
            }
        }
        self.found.extend(added);
    }

    /// First names that stand for one person of the article ("Ozzy" after "Ozzy Osbourne"): the
    /// first word of a person's full name that no other full name starts with, that is no
    /// common word, and no one's surname.
    fn first_names(&self) -> Vec<String> {
        let text = self.text();
        let full: Vec<Vec<String>> = self
            .found
            .iter()
            .filter(|m| m.kind == EntityType::Person && (m.rule == "model:ner" || self.in_headline(m.span)))
            .map(|m| fold_typography(m.span.of(text)).split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .filter(|parts| parts.len() >= 2 && parts.iter().all(|p| self.lex.role(p).is_none()))
            .collect();
        let mut firsts: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for parts in &full {
            firsts.entry(&parts[0]).or_default().insert(&parts[parts.len() - 1]);
        }
        let surnames: BTreeSet<&str> = full.iter().map(|p| p[p.len() - 1].as_str()).collect();
        let mut out: Vec<String> = firsts
            .into_iter()
            .filter(|(first, lasts)| {
                lasts.len() == 1
                    && first.chars().count() > 2
                    && !first.ends_with('.')
                    && !self.lex.is_common(first)
                    && !self.lex.is_demonym(first)
                    && self.lex.role(first).is_none()
                    && !surnames.contains(first)
            })
            .map(|(first, _)| first.to_string())
            .collect();
        out.sort();
        out
    }

    /// "US dollars", "Hong Kong dollars": a place that names a currency is not mentioned.
    pub(super) fn drop_currency_modifiers(&mut self) {
        let text = self.text();
        let tokens = &self.seg.tokens;
        self.found.retain(|m| {
            let after = tokens.partition_point(|t| t.span.start < m.span.end);
            let currency = after < tokens.len()
                && matches!(
                    tokens[after].span.of(text).to_lowercase().as_str(),
                    "dollar"
                        | "dollars"
                        | "euro"
                        | "euros"
                        | "pound"
                        | "pounds"
                        | "yen"
                        | "rubles"
                        | "roubles"
                        | "ruble"
                        | "rouble"
                        | "yuan"
                        | "francs"
                        | "franc"
                        | "rupees"
                        | "pesos"
                );
            !(m.kind == EntityType::Place && currency)
        });
    }

    /// Two conventions of news pages. A line without prose (names and numbers only, as in sports
    /// results and standings) names teams: a name right before a number or around "v" is an
    /// organization, even when a place is called the same ("Chicago 11 TORONTO 2"). A line that
    /// opens with a word in capitals before a comma or parenthesis is a dateline: that word is a
    /// place ("BELGRADE 1996-08-31", "WASHINGTON (Reuters) -").
    pub(super) fn tables_and_datelines(&mut self) {
        let seg = self.seg;
        let text = seg.text();
        let tokens = &seg.tokens;
        // The mentions found before, once: what a paragraph adds lies within that paragraph.
        let found = SpanIndex::of(self.found.iter().map(|m| m.span));
        for &paragraph in &seg.paragraphs {
            let first = tokens.partition_point(|t| t.span.start < paragraph.start);
            let last = tokens.partition_point(|t| t.span.start < paragraph.end);
            if first >= last {
                continue;
            }
            let prose = (first..last).any(|t| {
                let w = tokens[t].span.of(text);
                tokens[t].kind == TokenKind::Word && w.chars().count() > 3 && w.chars().all(char::is_lowercase)
            });
            let numbers = (first..last).filter(|&t| is_score(seg, t)).count();
            // A result sets one name against another or a row of figures; a label with one
            // figure is neither ("Attendance 18,500", "Halftime 1-2"). A fixture sets names
            // against each other without figures ("Derby v Watford or Fulham").
            let fixture = numbers == 0 && last - first <= 12 && (first..last).any(|t| is_versus(seg, t));
            if !prose && (numbers >= 2 || numbers == 1 && name_runs(seg, first, last) >= 2 || fixture) {
                self.teams_in_results(paragraph, first, last, fixture);
                self.unnamed_teams(first, last, &found);
            }
            self.dateline(first, last);
        }
    }

    /// In a results line (tokens `first..last` of `paragraph`), a name right before a score or
    /// around "v" is a team, an organization; people in results lines (golfers, runners) keep
    /// their type. In a `fixture` (no scores), so is a name around "or" ("Man Utd or Exeter v
    /// Middlesbrough"), but a country fielding a team stays a place ("France v England").
    fn teams_in_results(&mut self, paragraph: Span, first: usize, last: usize, fixture: bool) {
        let seg = self.seg;
        let tokens = &seg.tokens;
        let versus = |k: usize| k < last && (is_versus(seg, k) || fixture && tokens[k].span.of(seg.text()) == "or");
        let lex = self.lex;
        let country = |m: &Mention| {
            let nation = |p: usize| lex.places[p].kind == "country" || HOME_NATIONS.contains(&lex.places[p].name.as_str());
            fixture && matches!(m.known, Some(Known::Place(p)) if nation(p))
        };
        for m in self.found.iter_mut().filter(|m| paragraph.contains(m.span) && !country(m)) {
            let after = tokens.partition_point(|t| t.span.start < m.span.end);
            let before = tokens.partition_point(|t| t.span.start < m.span.start);
            let scored = after < last && is_score(seg, after);
            if (scored || versus(after) || before > first && versus(before - 1)) && m.kind != EntityType::Person {
                m.kind = EntityType::Organization;
                m.known = None;
                m.strength = 3;
                m.rule = "team in a results line";
            }
        }
    }

    /// Names the other rules left alone in a results line (tokens `first..last`; `found`: the
    /// mentions before this pass), right before a score, are teams ("Montrose 3 1 0 2").
    fn unnamed_teams(&mut self, first: usize, last: usize, found: &SpanIndex) {
        let seg = self.seg;
        let text = seg.text();
        let tokens = &seg.tokens;
        let capital = |k: usize| capitalized(seg, k);
        let mut t = first;
        while t < last {
            if !capital(t) || found.overlaps(tokens[t].span) {
                t += 1;
                continue;
            }
            let mut end = t + 1;
            while end < last && (capital(end) || tokens[end].span.of(text) == "of" && end + 1 < last && capital(end + 1)) {
                end += 1;
            }
            let span = tokens[t].span.cover(tokens[end - 1].span);
            let name = span.of(text);
            let plain = !self.lex.is_common(name) && self.lex.role(name).is_none() && !is_calendar(name) && !self.lex.is_demonym(name);
            if end < last && is_score(seg, end) && plain && !found.overlaps(span) {
                self.found.push(Mention { span, kind: EntityType::Organization, known: None, strength: 2, rule: "team in a results line" });
            }
            t = end;
        }
    }

    /// A line (tokens `first..last`) that opens with a dateline: up to four words in capitals
    /// on a line that ends with a date ("NEW YORK 1996-08-22", "NOVYE ATAGI, Russia
    /// 1996-08-22"), or before a comma or parenthesis, one word or a known place ("MOSCOW
    /// (Reuters)", "SAN FRANCISCO, Dec 5"). Those words are a place, unless strong evidence typed
    /// them.
    fn dateline(&mut self, first: usize, last: usize) {
        const LONGEST: usize = 4;
        let seg = self.seg;
        let tokens = &seg.tokens;
        let capitals = |t: usize| {
            let word = tokens[t].span.of(seg.text());
            word.chars().any(char::is_alphabetic) && word.chars().all(|c| c.is_uppercase() || matches!(c, '-' | '.' | '\''))
        };
        let end = (first..last.min(first + LONGEST + 1)).take_while(|&t| capitals(t)).last().map_or(first, |t| t + 1);
        let letters = (first..end).flat_map(|t| tokens[t].span.of(seg.text()).chars()).filter(|c| c.is_alphabetic()).count();
        if end == first || end - first > LONGEST || letters < 3 {
            return;
        }
        let span = tokens[first].span.cover(tokens[end - 1].span);
        let place = end == first + 1 || self.lex.known(&super::title_case(span.of(seg.text()))).is_some();
        let closed = end < last && (is_date(seg, last - 1) || place && matches!(tokens[end].span.of(seg.text()), "," | "("));
        if !closed {
            return;
        }
        match self.found.iter_mut().find(|m| m.span == span) {
            // A place already found keeps its entry, but as a dateline the tagger leaves it be.
            Some(m) if m.kind == EntityType::Place || m.strength < 3 => {
                m.kind = EntityType::Place;
                m.rule = "dateline";
            }
            Some(_) => {}
            None => self.found.push(Mention { span, kind: EntityType::Place, known: None, strength: 2, rule: "dateline" }),
        }
    }

    /// Settles overlaps (stronger, then longer, then earlier wins) and sorts the mentions, and
    /// the roles by where their words start.
    pub(super) fn finish(self) -> (Vec<Mention>, Vec<Role>) {
        let kept = settle(self.found);
        let mut roles: Vec<Role> = self
            .roles
            .iter()
            .filter_map(|&(person, role)| {
                let i = kept.binary_search_by(|m| m.span.start.cmp(&person.start)).ok()?;
                (kept[i].span == person).then_some(Role { person: i, span: role })
            })
            .collect();
        roles.sort_by_key(|role| role.span.start);
        (kept, roles)
    }
}

/// The runs of capitalized words among tokens `first..last`.
fn name_runs(seg: &Segmented<'_>, first: usize, last: usize) -> usize {
    (first..last).filter(|&t| capitalized(seg, t) && (t == first || !capitalized(seg, t - 1))).count()
}

/// The nations of the United Kingdom, which field teams of their own (the gazetteer has them as
/// regions).
const HOME_NATIONS: &[&str] = &["England", "Scotland", "Wales", "Northern Ireland"];

/// Whether token `t` sets one team against another ("v", "vs").
fn is_versus(seg: &Segmented<'_>, t: usize) -> bool {
    matches!(seg.tokens[t].span.of(seg.text()), "v" | "vs" | "v." | "vs.")
}

/// Whether token `t` is a date written year first ("1996-08-22").
fn is_date(seg: &Segmented<'_>, t: usize) -> bool {
    let w = seg.tokens[t].span.of(seg.text());
    let parts: Vec<&str> = w.split('-').collect();
    parts.len() == 3 && parts[0].len() == 4 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether token `t` is a score in a results line: a number but not a date ("1996-08-31") or a
/// year.
fn is_score(seg: &Segmented<'_>, t: usize) -> bool {
    let w = seg.tokens[t].span.of(seg.text());
    seg.tokens[t].kind == TokenKind::Number
        && !(w.get(..4).is_some_and(|year| year.bytes().all(|b| b.is_ascii_digit())) && (w.len() == 4 || w.as_bytes()[4] == b'-'))
}
