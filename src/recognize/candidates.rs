//! The rules' candidates: metadata fields, runs of capitalized tokens and gazetteer names in each
//! sentence, typed by their strongest evidence.

use super::*;

impl<'a> Recognizer<'a> {
    /// Runs the rules: metadata, candidates of every sentence, repeated names, datelines and
    /// results tables, currencies.
    pub(super) fn rules(segmented: &'a Segmented<'a>, lexicon: &'a Lexicon) -> Self {
        let mut r =
            Recognizer { seg: segmented, lex: lexicon, found: Vec::new(), roles: Vec::new(), headlines: std::cell::OnceCell::new() };
        r.seed_metadata(segmented.article);
        for (index, sentence) in segmented.sentences.iter().enumerate() {
            if !r.is_headline(index) {
                r.sentence(sentence.tokens.clone());
            } else {
                r.known_only(sentence.tokens.clone());
            }
        }
        r.repeat_names();
        r.tables_and_datelines();
        r.drop_currency_modifiers();
        r
    }

    pub(super) fn text(&self) -> &'a str {
        self.seg.text()
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        self.seg.tokens[i].span.of(self.seg.text())
    }

    /// The words the article writes in lowercase ("auction" makes a sentence's "Auction" no name).
    pub(super) fn lowercase_words(&self) -> std::collections::HashSet<&'a str> {
        (0..self.seg.tokens.len()).map(|k| self.word(k)).filter(|w| w.starts_with(char::is_lowercase)).collect()
    }

    pub(super) fn push(&mut self, span: Span, kind: EntityType, known: Option<Known>, strength: u8, rule: &'static str) {
        if !span.is_empty() {
            self.found.push(Mention { span, kind, known, strength, rule });
        }
    }

    /// Authors, editors and the publisher are entities wherever the layout found them.
    fn seed_metadata(&mut self, article: &Article) {
        let meta = &article.meta;
        // Metadata given outside the text has no span to mention.
        for person in meta.authors.iter().chain(&meta.editors) {
            let Some(span) = person.span else { continue };
            if person.value.split_whitespace().count() >= 2 && person.value.split_whitespace().any(|w| w.chars().count() > 2) {
                self.push(span, EntityType::Person, None, 3, "byline");
            }
        }
        if let Some((publisher, span)) = meta.publisher.as_ref().and_then(|p| Some((p, p.span?))) {
            let known = self.lex.known(&publisher.value);
            self.push(span, EntityType::Organization, known, 3, "publisher line");
        }
        for comment in &meta.comments {
            self.push(comment.author, EntityType::Person, None, 3, "commenter");
        }
    }

    /// Whether `span` lies in a headline (metadata outside the sentences does not).
    pub(super) fn in_headline(&self, span: Span) -> bool {
        let index = self.seg.sentences.partition_point(|s| s.span.end <= span.start);
        index < self.seg.sentences.len() && self.seg.sentences[index].span.contains(span) && self.is_headline(index)
    }

    /// Whether sentence `index` is written in title case (a headline), where capitals say
    /// nothing about names.
    pub(super) fn is_headline(&self, index: usize) -> bool {
        self.headlines.get_or_init(|| (0..self.seg.sentences.len()).map(|i| self.reads_as_headline(i)).collect())[index]
    }

    /// `is_headline`, read from the sentence's words.
    fn reads_as_headline(&self, index: usize) -> bool {
        let sentence = &self.seg.sentences[index];
        // A headline is a line of its own, in capitals or in title case.
        let paragraph = self.seg.paragraphs[sentence.paragraph];
        let text = self.text();
        let letters: Vec<char> = sentence.span.of(text).chars().filter(|c| c.is_alphabetic()).collect();
        let shouted = letters.len() >= 8 && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9;
        if sentence.span != paragraph {
            return false;
        }
        if shouted {
            return true;
        }
        // Title case shows in the common words: "Calls For Recruits To Join It In", not in a
        // line of names such as "Guy Forget ( France ) beat Felix Mantilla ( Spain )". A line
        // that ends in a period is a headline only at the top of the text (some archives add one
        // to every title: "Senator Receives More Bad News After Vote."), with one capitalized
        // common word more.
        let period = sentence.span.of(text).trim_end_matches(['"', '”', '’']).ends_with('.');
        if period && index > 0 {
            return false;
        }
        let common: Vec<&str> =
            sentence.tokens.clone().map(|i| self.word(i)).filter(|w| w.chars().count() > 2 && self.lex.is_common(w)).collect();
        let caps = common.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
        caps >= 2 + usize::from(period) && caps * 10 >= common.len() * 7
    }

    /// Whether token `i` can be part of a name.
    pub(super) fn is_name_token(&self, i: usize) -> bool {
        let token = self.seg.tokens[i];
        if token.kind != TokenKind::Word {
            return false;
        }
        let word = token.span.of(self.text());
        let first = word.chars().next().unwrap_or(' ');
        if is_plural_abbreviation(word) {
            return false;
        }
        if first.is_uppercase() {
            // "Russian-language", "Aleppo-based", "Soviet-era": a compound adjective, not a name
            // (a known place inside it is still found by the gazetteer).
            return !word.rsplit_once('-').is_some_and(|(_, last)| last.starts_with(char::is_lowercase));
        }
        // "al-Baghdadi", "bin-Laden": a lowercase particle joined to a capitalized name.
        word.split_once('-').is_some_and(|(p, rest)| PARTICLES.contains(&p) && rest.starts_with(char::is_uppercase))
    }

    /// Whether token `i` starts a sentence or a quotation, where every word is capitalized.
    pub(super) fn at_start(&self, i: usize, first: usize) -> bool {
        if i == first {
            return true;
        }
        let before = self.word(i - 1);
        matches!(before, "“" | "\"" | "''" | "‘" | "'" | ":" | "(" | "[" | "—" | "–" | "--" | "-" | "«")
    }

    /// Finds the candidates of one body sentence.
    pub(super) fn sentence(&mut self, range: std::ops::Range<usize>) {
        let first = range.start;
        for (hit, known) in self.known_in_capitals(range.clone()) {
            self.push_known(hit, known, 2, "gazetteer in capitals");
        }
        // Known places inside compound adjectives ("Aleppo-based") are outside any run.
        let span = self.span(range.start, range.end);
        for (hit, known) in self.known_in(span) {
            let rest = &self.text()[hit.end..];
            if HYPHEN_SUFFIXES.iter().any(|s| rest.starts_with(s)) {
                self.push_known(hit, known, 3, "gazetteer");
            }
        }
        let mut i = range.start;
        while i < range.end {
            if !self.is_name_token(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            let mut has_of = false;
            loop {
                if end < range.end && self.is_name_token(end) {
                    end += 1;
                    continue;
                }
                // A connector continues the run if a name token follows it ("Institute for
                // Strategic Studies", "State of Iraq and Syria").
                if end + 1 < range.end && CONNECTORS.contains(&self.word(end)) {
                    let connector = self.word(end);
                    let mut next = end + 1;
                    if self.word(next) == "the" && (connector == "of" || connector == "for") {
                        next += 1;
                    }
                    let allowed = match connector {
                        // "Commission on Presidential Debates", "Council on Foreign Relations".
                        "on" => self.lex.noun_type(self.word(end - 1)) == Some(EntityType::Organization),
                        // "Water and Sanitation Observatory": "and" inside an organization's name.
                        "and" | "&" => {
                            has_of || {
                                let mut k = next;
                                while k < range.end && self.is_name_token(k) {
                                    k += 1;
                                }
                                k > next && self.lex.noun_type(self.word(k - 1)) == Some(EntityType::Organization)
                            }
                        }
                        _ => true,
                    };
                    if allowed && next < range.end && self.is_name_token(next) {
                        has_of |= connector == "of" || connector == "for";
                        end = next + 1;
                        continue;
                    }
                }
                break;
            }
            self.run(start, end, first);
            i = end;
        }
    }

    /// In a headline only gazetteer names count; names the body introduces are added later.
    fn known_only(&mut self, range: std::ops::Range<usize>) {
        let span = self.seg.tokens[range.start].span.cover(self.seg.tokens[range.end - 1].span);
        for (hit, known) in self.known_in(span) {
            self.push_known(hit, known, 3, "gazetteer");
        }
        for (hit, known) in self.known_in_capitals(range) {
            self.push_known(hit, known, 2, "gazetteer in capitals");
        }
    }

    /// Gazetteer names written in capitals ("BELGRADE 1996-08-31", "SOCCER - ARMENIA AND
    /// PORTUGAL DRAW"): the sentence's all-capital ASCII words are looked up in title case.
    fn known_in_capitals(&self, range: std::ops::Range<usize>) -> Vec<(Span, Known)> {
        let text = self.text();
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let capital = |t: usize| {
                let w = self.word(t);
                w.len() >= 2 && w.is_ascii() && w.chars().all(|c| c.is_ascii_uppercase() || c == '-' || c == '.')
            };
            if !capital(i) {
                i += 1;
                continue;
            }
            // The longest run of capital words (with "OF"/"AND" inside) that the gazetteer knows.
            let mut end = i + 1;
            while end < range.end && (capital(end) || matches!(self.word(end), "OF" | "THE") && end + 1 < range.end && capital(end + 1)) {
                end += 1;
            }
            let mut found = false;
            for stop in (i + 1..=end).rev() {
                let span = self.span(i, stop);
                let titled = title_case(span.of(text));
                if let Some(known) = self.lex.known(&titled) {
                    out.push((span, known));
                    i = stop;
                    found = true;
                    break;
                }
            }
            if !found {
                i += 1;
            }
        }
        out
    }

    /// Gazetteer hits inside `span` that start and end on token boundaries (or end before a
    /// suffix like "-based").
    fn known_in(&self, span: Span) -> Vec<(Span, Known)> {
        let text = self.text();
        let hay = span.of(text);
        self.lex
            .find_known(hay)
            .filter_map(|(range, known)| {
                let hit = Span::new(span.start + range.start, span.start + range.end);
                // A hit starts where a token starts ("UK" inside "CD:UK" is no hit).
                let starts = self.seg.tokens.binary_search_by(|t| t.span.start.cmp(&hit.start)).is_ok();
                let rest = &text[hit.end..];
                let ends = !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-')
                    || HYPHEN_SUFFIXES.iter().any(|s| rest.starts_with(s))
                    || rest.starts_with("'s")
                    || rest.starts_with("’s");
                (starts && ends).then_some((hit, known))
            })
            .collect()
    }

    pub(super) fn push_known(&mut self, span: Span, known: Known, strength: u8, rule: &'static str) {
        let kind = match known {
            Known::Place(_) => EntityType::Place,
            Known::Organization(_) => EntityType::Organization,
        };
        self.push(span, kind, Some(known), strength, rule);
    }

    pub(super) fn span(&self, start: usize, end: usize) -> Span {
        self.seg.tokens[start].span.cover(self.seg.tokens[end - 1].span)
    }

    /// Types the run of name tokens `[start, end)`.
    pub(super) fn run(&mut self, mut start: usize, end: usize, first: usize) {
        // Sentence-initial common words ("Many", "The", "Both") are not names, unless a known
        // name opens with them ("Law Lords ruled").
        let opens_known = |start: usize| (start + 1..=end).any(|stop| self.lex.known(self.span(start, stop).of(self.text())).is_some());
        while start < end && self.at_start(start, first) && self.lex.is_common(self.word(start)) && !opens_known(start) {
            start += 1;
        }
        // "Sunday Blair said" is Blair; "the Sunday Telegraph", a known name, keeps its day.
        let known = |start: usize| self.lex.known(self.span(start, end).of(self.text())).is_some();
        while start < end && (CONNECTORS.contains(&self.word(start)) || is_calendar(self.word(start)) && start + 1 < end && !known(start)) {
            start += 1;
        }
        if start >= end {
            return;
        }
        // A role word inside the run splits it: "FSB Director Alexander Bortnikov".
        if let Some(r) = (start..end).find(|&r| self.lex.role(self.word(r)).is_some() && r + 1 < end) {
            // "FSB Director X", "Interior Minister Y", "Indonesian President Z": whatever stands
            // before the role is typed on its own.
            {
                // "Health Minister", "Deputy Foreign Minister": the role's capitalized modifiers
                // belong to it, even at the start of a sentence.
                let mut role_start = r;
                while role_start > first && {
                    let w = self.word(role_start - 1);
                    // Not a sentence's opening conjunction or adverb ("But Mr Vance").
                    let opener = SENTENCE_OPENERS.contains(&w.to_lowercase().as_str());
                    w.starts_with(char::is_uppercase) && (self.lex.role(w).is_some() || self.lex.is_common(w)) && !opener
                } {
                    role_start -= 1;
                }
                // "Deputy Minister of Defense Oleksandr Danylyuk": "of Defense" is part of the role.
                let mut person_start = r + 1;
                let mut after_of = false;
                while person_start < end && {
                    let w = self.word(person_start);
                    let of_phrase = after_of && w.starts_with(char::is_uppercase) && self.lex.is_common(w) && person_start + 1 < end;
                    self.lex.role(w).is_some() || CONNECTORS.contains(&w) || of_phrase
                } {
                    after_of |= CONNECTORS.contains(&self.word(person_start));
                    person_start += 1;
                }
                // "Ukraine's Minister of Defense": a role with nobody named after it.
                if (person_start..end).all(|t| self.lex.is_common(self.word(t))) {
                    if role_start > start {
                        self.run(start, role_start, first);
                    }
                    return;
                }
                // "Lord of the Rings": a title before lowercase words names no one.
                if person_start < end && self.word(person_start).starts_with(char::is_uppercase) {
                    if role_start > start {
                        self.run(start, role_start, first);
                    }
                    // "MP for Henley-on-Thames": a member's seat is a place.
                    if POSTNOMINALS.contains(&self.word(role_start)) && (role_start..person_start).any(|t| self.word(t) == "for") {
                        self.typed(person_start, end, first, Some((EntityType::Place, 2, "seat of a member")));
                        return;
                    }
                    let role = self.span(role_start, person_start);
                    let person = self.span(person_start, end);
                    self.roles.push((person, role));
                    self.typed(person_start, end, first, Some((EntityType::Person, 2, "role before name")));
                    return;
                }
            }
        }
        self.typed(start, end, first, None);
    }

    pub(super) fn is_acronym(&self, start: usize, end: usize) -> bool {
        end == start + 1 && {
            let w = self.word(start).trim_end_matches('.');
            // "WIN", "LEAGUE" in a shouted headline are words, not acronyms.
            (2..=6).contains(&w.chars().filter(|c| c.is_alphabetic()).count())
                && w.chars().all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
                && (w.len() <= 2 || !self.lex.is_common(w))
        }
    }

    /// Types a run, given the evidence found so far.
    pub(super) fn typed(&mut self, start: usize, end: usize, first: usize, given: Option<(EntityType, u8, &'static str)>) {
        let span = self.span(start, end);
        let text = self.text();
        let name = fold_typography(span.of(text));
        // "Mr. Rubio", "Gen. Washington": a name after a role or title is a person's, whatever
        // place shares it.
        let titled = matches!(given, Some((EntityType::Person, _, "role before name")));
        if let Some(known) = self.lex.known(&name).filter(|known| !(titled && matches!(known, Known::Place(_)))) {
            self.push_known(span, known, 3, "gazetteer");
            return;
        }
        let mut head = self.head_keyword(start, end);
        // A sub-unit named after a place, owned by an organization: "IS's Caucasus Province".
        if head == Some(EntityType::Place) && self.owner_kind(start) == Some(EntityType::Organization) {
            head = Some(EntityType::Organization);
        }
        let hits = self.known_in(span);
        if head.is_none() && given.is_none() && self.typed_without_evidence(start, end, first, &hits) {
            return;
        }
        // Nationality adjectives are not entities ("Russian", "Central Asian", "Chechens"), but a
        // surname after an honorific ("Mr Jain", "Ms English"; not "Queen of Scots").
        let honorific = start > 0 && self.lex.role(self.word(start - 1)) == Some(RoleClass::Title);
        if head.is_none() && !(titled && honorific) && (self.lex.is_demonym(&name) || self.lex.is_demonym(self.word(end - 1))) {
            return;
        }
        if head.is_none() && given.is_none() && self.lex.is_demonym(self.word(start)) && start + 1 < end {
            self.typed(start + 1, end, first, None);
            return;
        }
        // "Caucasus Province" may be the region or a body named after it: weak evidence.
        let head_strength = if head == Some(EntityType::Place) && !hits.is_empty() { 1 } else { 2 };
        let (kind, strength, rule) = match given.or(head.map(|t| (t, head_strength, "keyword in name"))) {
            Some(found) => found,
            None => match self.context_type(start, end) {
                Some(found) => found,
                None => return,
            },
        };
        if given.is_none() && rule == "role before name" {
            self.note_role(start, first, span);
        }
        // A place keyword makes a name a place, not the gazetteer place inside it ("Caucasus
        // Province" is not the Caucasus), so no gazetteer entry is attached.
        self.push(span, kind, None, strength, rule);
    }

    /// Types a run of several words that neither a keyword in it nor the words before it typed,
    /// when the context of the whole run, the shape of a person's name, or known names inside it
    /// decide; whether they did. `hits` are the known names inside the run.
    fn typed_without_evidence(&mut self, start: usize, end: usize, first: usize, hits: &[(Span, Known)]) -> bool {
        let span = self.span(start, end);
        let whole = (end - start > 1).then(|| self.context_type(start, end)).flatten().filter(|found| {
            found.1 >= 2
                && matches!(
                    found.2,
                    "apposition noun" | "head noun after name" | "first name" | "role before name" | "apposition role" | "relative who"
                )
        });
        if let Some((kind, strength, rule)) = whole {
            if rule == "role before name" {
                self.note_role(start, first, span);
            }
            self.push(span, kind, None, strength, rule);
            return true;
        }
        if self.surname_before_place(start, end, hits) {
            self.push(span, EntityType::Person, None, 2, "name shape");
            return true;
        }
        self.split_at_known(start, end, first, hits)
    }

    /// "Krzysztof Baran": whether rare words before a one-word place name, the run's last word,
    /// make a person's name.
    fn surname_before_place(&self, start: usize, end: usize, hits: &[(Span, Known)]) -> bool {
        let span = self.span(start, end);
        hits.len() == 1 && end - start >= 2 && hits[0].0.start == self.seg.tokens[end - 1].span.start && hits[0].0.end == span.end && {
            (start..end - 1).all(|t| {
                let w = self.word(t);
                self.seg.tokens[t].kind == TokenKind::Word
                    && !self.lex.is_common(w)
                    && !self.lex.is_demonym(w)
                    && self.lex.known(w).is_none()
                    && self.lex.role(w).is_none()
            })
        }
    }

    /// Known names inside an unknown run stand alone; the rest is typed on its own. Whether the
    /// run was typed so.
    fn split_at_known(&mut self, start: usize, end: usize, first: usize, hits: &[(Span, Known)]) -> bool {
        let mut at = start;
        for &(hit, known) in hits {
            let hit_start = (at..end).find(|&t| self.seg.tokens[t].span.start == hit.start);
            let hit_end = (at..end).find(|&t| self.seg.tokens[t].span.end >= hit.end).map(|t| t + 1);
            let (Some(hs), Some(he)) = (hit_start, hit_end) else { continue };
            if hs > at && (hs - at) < (end - start) {
                self.typed(at, hs, first, None);
            }
            self.push_known(hit, known, 3, "gazetteer");
            at = he;
        }
        // Only recurse on a strictly smaller run, so that typing always ends.
        if at < end && at > start {
            self.typed(at, end, first, None);
        }
        at > start
    }
}

/// Whether `word` is the plural of an abbreviation ("MPs", "MEPs", "GPs"): people of a kind, not
/// a name.
pub(super) fn is_plural_abbreviation(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()))
}
