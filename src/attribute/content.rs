//! Where a frame's content starts and ends: the clause after the cue, the quotation before it,
//! the next paragraph after a colon.

use super::*;

impl<'a> Attributor<'a> {
    /// The content after a cue: skips "that", punctuation and the object of "told"; a quotation
    /// that fills the rest is the content itself.
    /// Whether "that" at `k` opens the clausal complement of the cue verb at `cue` in the parse.
    fn opens_complement_of(&self, k: usize, cue: usize) -> bool {
        let clause = self.syntax.head(k).filter(|_| self.syntax.label(k) == "mark");
        clause.is_some_and(|h| self.syntax.label(h) == "ccomp" && self.syntax.head(h) == Some(cue))
    }

    /// The content of a frame after token `from` (to `end`): past a complementizer
    /// (`complement_start`), a short circumstance before a quotation, a colon, the hearer, up to
    /// where the reported clause ends (`clause_ends_at`); whether it is a direct quotation.
    pub(super) fn after(&self, mut from: usize, end: usize, quotes: &[Quote]) -> Option<(Span, bool)> {
        if self.ends_opening_subordinate(from) {
            return None;
        }
        from = self.complement_start(from, end);
        from = self.past_day(from, end);
        // "saying during the debate last week, “That makes me smart”": a quotation after a short
        // circumstance is the content.
        if self.is_circumstance(from) && !self.is_quote_open(from) {
            let quote = (from + 1..end.min(from + 12)).find(|&k| self.opens_quote(k) && self.word(k - 1) == ",");
            let plain = quote.is_some_and(|q| {
                (from..q - 1).all(|x| !FINITE.contains(&self.word(x)) && !matches!(self.word(x), "that" | "has" | "had" | ","))
            });
            if let Some(q) = quote.filter(|_| plain) {
                from = q;
            }
        }
        // "told BBC Sport: \"...\"", "added in a statement: \"...\"": a short phrase and a colon
        // before a quotation; the quotation is the content.
        if let Some(colon) = (from..end.min(from + 8)).find(|&k| self.word(k) == ":" && k + 1 < end && self.is_quote_open(k + 1)) {
            if (from..colon).all(|x| !FINITE.contains(&self.word(x)) && self.word(x) != "that" && !self.is_quote_open(x)) {
                from = colon + 1;
            }
        }
        let told_objects = 4;
        let start = from;
        // An article opens the hearer ("told the crowd that"), not the clause after it.
        let article = |k: usize| k > start && matches!(self.word(k), "the" | "a" | "an");
        while from < end && from < start + told_objects && OBJECTS.contains(&self.word(from)) && !article(from) {
            from += 1;
        }
        // "told reporters she had ...", "told reporters the fine was fair": a clause opening with
        // its subject follows the hearer.
        let clause_after = |k: usize| matches!(self.word(k), "," | ":" | "“" | "\"" | "''") || self.opens_clause(k);
        if from == start + told_objects || from < end && !clause_after(from) && from > start {
            // Not an object after all.
            from = start;
        }
        // "told the BBC he would ...", "told BBC Radio 4 she was ...", "told the Kelso Gazette the
        // fine was fair": a named hearer.
        if from == start {
            from = self.named_hearer_end(from, end).filter(|&k| k < end && self.opens_clause(k)).unwrap_or(from);
        }
        // "said that", "said in an interview": not the content's words ("that" comes back with
        // `mark_contents`); "said an audit was due" keeps its article.
        while from < end && !self.is_quote_open(from) && !(self.word(from) == "that" && from + 3 >= end) {
            let interview = from + 2 < end && self.word(from) == "in" && self.word(from + 1) == "an" && self.word(from + 2) == "interview";
            let skipped = matches!(self.word(from), "that" | "," | ":") || is_dash(self.word(from)) && self.word(from) != "-";
            if !(interview || skipped) {
                break;
            }
            from += if interview { 3 } else { 1 };
        }
        if from >= end {
            return end.checked_sub(1).and_then(|colon| self.next_paragraph(colon, quotes));
        }
        // "declined to confirm a figure, but analysts estimated ...": a turn or a semicolon
        // outside quotation marks ends the reported clause.
        let opener = self.opening_subordinate(from);
        let end = (from + 1..end).find(|&k| self.clause_ends_at(from, k, end, opener.as_deref())).unwrap_or(end);
        let span = self.span(from, end).trim(self.text(), &[',', ';', ':', '[', ']']);
        if span.is_empty() {
            return None;
        }
        Some(self.as_quote(span, quotes))
    }

    /// Past a day the speaker spoke on before a clause ("said on Thursday it had signed",
    /// "said on Monday night the talks", "said yesterday it would"): the token where the clause
    /// starts, `from` where no day stands there or nothing follows it.
    fn past_day(&self, from: usize, end: usize) -> usize {
        let mut k = from;
        if k + 1 < end && self.word(k) == "on" && WEEKDAYS.contains(&self.word(k + 1)) {
            k += 2;
            if k < end && matches!(self.word(k), "night" | "morning" | "afternoon" | "evening") {
                k += 1;
            }
        } else if k < end && matches!(self.word(k), "yesterday" | "today") {
            k += 1;
        }
        if k > from && k < end && (self.opens_clause(k) || self.word(k).starts_with(char::is_uppercase)) { k } else { from }
    }

    /// Whether token `k` is the comma that closes an opening subordinate clause right after its
    /// verb: "After the mayor spoke, the crowd went home", "When the crowd began to chant, ...":
    /// the verb reports nothing, and the main clause is not what it reports. "As Ana Ruiz
    /// noted, ..." reports the main clause; "As the crowd began to chant," does not.
    fn ends_opening_subordinate(&self, k: usize) -> bool {
        // 'When X noted ... ― Trump boasted, "That makes me smart."': a quotation is content.
        let n = self.tokens().len();
        if k < 2 || k >= n || self.word(k) != "," || k + 1 < n && self.is_quote_open(k + 1) {
            return false;
        }
        self.opening_subordinate(k).is_some_and(|opener| opener != "as" || self.word(k - 2) == "to")
    }

    /// Whether token `k` can open a reported clause after its hearer: "that", a pronoun, or an
    /// article or possessive opening the clause's subject ("told the Kelso Gazette the fine was
    /// fair", "told reporters the fine was fair").
    fn opens_clause(&self, k: usize) -> bool {
        let w = self.word(k);
        w == "that"
            || PRONOUNS.contains(&w)
            || matches!(w, "the" | "a" | "an" | "this" | "these" | "those" | "his" | "her" | "their" | "its" | "our")
    }

    /// The token after a person or organization named at `from` (after "the"), if one is.
    fn named_hearer_end(&self, from: usize, end: usize) -> Option<usize> {
        let at = if from + 1 < end && self.word(from) == "the" { from + 1 } else { from };
        let m = self.mention_starting(at).filter(|&m| matches!(self.r.mentions[m].kind, EntityType::Person | EntityType::Organization))?;
        Some(self.token_at(self.r.mentions[m].span.end))
    }

    /// Where the clause after a cue starts, past "that" when only a short phrase without
    /// punctuation or verbs stands before it ("said in a statement that", "told reporters on
    /// Monday that", "said in a 911 call from the scene of the shooting that ...": circumstance
    /// may be long; "denied that claim": a determiner, not a complementizer, when little
    /// follows; "described queues that begin before dawn": after a bare noun, "that" opens a
    /// relative clause; "told local radio that ...": the parse says whose complement "that"
    /// opens, except after a colon or inside a quotation, where it is the quotation's: 'said:
    /// "What I'm saying is that ..."').
    fn complement_start(&self, from: usize, end: usize) -> usize {
        let Some(k) = (from..end.min(from + 14)).find(|&k| self.word(k) == "that" && k + 3 < end).filter(|&k| k > from) else {
            return from;
        };
        // The words first: where they answer, the parse is not asked for.
        if (self.is_circumstance(from) || self.word(from).starts_with(char::is_uppercase)) && self.plain_before_that(from, k)
            || from > 0
                && !self.in_quote(self.tokens()[k].span)
                && (from..k).all(|x| self.word(x) != ":")
                && self.opens_complement_of(k, from - 1)
        {
            return k + 1;
        }
        from
    }

    /// Whether the words from `from` to "that" at `k` are a short phrase without punctuation but
    /// commas, and without a clause of their own (a subject and its verb, an infinitive).
    fn plain_before_that(&self, from: usize, k: usize) -> bool {
        (from..k).all(|x| {
            let w = self.word(x);
            let word_like = w.chars().all(|c| c.is_alphanumeric() || c == '-') && (self.lex.cue(w).is_none() || NOMINAL_CUES.contains(&w));
            // "said they were concerned that": a subject and its verb make a clause of their own.
            let clause = PRONOUNS.contains(&w) || FINITE.contains(&w) || matches!(w, "has" | "have" | "had");
            // "agreed to clean up the land that had been ravaged": an infinitive is a clause too.
            let infinitive = w == "to"
                && x + 1 < k
                && !self.word(x + 1).starts_with(char::is_uppercase)
                && !DETERMINERS.contains(&self.word(x + 1))
                && !OBJECTS.contains(&self.word(x + 1));
            (word_like || w == ",") && !clause && !infinitive && !self.is_quote_open(x)
        })
    }

    /// Whether the clause that the conjunction at `cc` opens is joined, in the parse, to a word of
    /// the content from `from` to `cc`: "said he accepted there was a problem, but his job now was
    /// to build on ..." goes on reporting; "said X, but the council disagreed" does not, nor does
    /// an infinitive ("declined to confirm a figure, but analysts estimated ...").
    pub(super) fn joins_content(&self, from: usize, cc: usize) -> bool {
        let Some(verb) = self.syntax.head(cc).filter(|_| self.word(from) != "to") else { return false };
        self.syntax.label(verb) == "conj" && self.syntax.head(verb).is_some_and(|h| (from..cc).contains(&h))
    }

    /// The opener of the subordinate clause that opens the sentence holding token `at`
    /// (lowercased), when `at` lies in it (no comma between them): "Though she called for X,
    /// Clinton restricted ...": a frame there reports up to the comma that closes it.
    fn opening_subordinate(&self, at: usize) -> Option<String> {
        let sentences = &self.r.segmented.sentences;
        let sentence = sentences.partition_point(|s| s.span.end <= self.tokens()[at].span.start).min(sentences.len() - 1);
        let first = sentences[sentence].tokens.start;
        let opener = self.subordinator_at(first).or_else(|| {
            let w = self.word(first).to_lowercase();
            matches!(w.as_str(), "with" | "whereas").then_some(w)
        })?;
        (first..at).all(|x| self.word(x) != ",").then_some(opener)
    }

    /// The subordinating conjunction at token `k` (lowercased), if one stands there; "by the
    /// time", "every time", "even though", "even if" and a time adverb before one ("shortly
    /// after", "even before") count as their last word.
    pub(super) fn subordinator_at(&self, k: usize) -> Option<String> {
        let w = self.word(k).to_lowercase();
        let next = |n: usize| if k + n < self.tokens().len() { self.word(k + n) } else { "" };
        match w.as_str() {
            "by" if next(1) == "the" && next(2) == "time" => Some("when".to_string()),
            "every" if next(1) == "time" => Some("when".to_string()),
            "even" if matches!(next(1), "though" | "if") => Some(next(1).to_string()),
            // "Shortly after ...", "Even before ...", "Hours before ...": a time adverb before
            // the subordinator.
            "shortly" | "soon" | "just" | "right" | "long" | "even" | "only" | "immediately" | "moments" | "minutes" | "hours" | "days"
            | "weeks" | "months" | "years"
                if matches!(next(1), "after" | "before" | "since" | "when" | "until" | "as") =>
            {
                Some(next(1).to_string())
            }
            _ => (SUBORDINATE_OPENERS.contains(&w.as_str()) || matches!(w.as_str(), "until" | "whenever")).then_some(w),
        }
    }

    /// Whether reported content from token `from` to `end` stops before token `k`: at a
    /// semicolon, a turn (", but", ", while"), a non-restrictive relative clause (", which"), a
    /// trailing participle (", arguing that ...", "while needling"), a dash that opens no pair,
    /// "but" before a second verb of the subject ("criticized X but did not ..."), or, in a
    /// subordinate clause opening the sentence (`opener`), the comma before the main clause.
    /// Marks inside a quotation end nothing.
    pub(super) fn clause_ends_at(&self, from: usize, k: usize, end: usize, opener: Option<&str>) -> bool {
        if self.in_quote(self.tokens()[k].span) {
            return false;
        }
        // 'calls the plan a "gamble," said he ...': a quotation closed after its comma, then a
        // cue: the clause ends with the quotation, and the cue is the narrator's.
        if self.after_quoted_comma(from, k) && self.lex.cue(self.word(k)).is_some() {
            return true;
        }
        let next = if k + 1 < end { self.word(k + 1) } else { "" };
        // An object without a verb of its own ("endorsed Clinton", "to act"): what follows it is
        // the speaker's circumstance or next verb, not more of what was said.
        let object_only = || {
            (from..k).all(|x| {
                let w = self.word(x);
                !FINITE.contains(&w)
                    && !AUXILIARIES.contains(&w)
                    && !matches!(w, "he" | "she" | "they" | "we" | "I" | "it" | "there")
                    && !(w.starts_with(char::is_lowercase) && (w.ends_with("ed") || w.ends_with('s') && self.lex.cue(w).is_some()))
            })
        };
        let clausal = from > 0 && self.word(from - 1) == "that";
        let verb_next = FINITE.contains(&next)
            || matches!(next, "has" | "have" | "had" | "did" | "does" | "also" | "then" | "later")
            || next.ends_with("ed") && next.starts_with(char::is_lowercase);
        match self.word(k) {
            ";" => true,
            "," => {
                let main_clause = next.starts_with(char::is_uppercase)
                    || PRONOUNS.contains(&next)
                    || matches!(next, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "some" | "many")
                    // "As Ana Ruiz told the paper, tax relief is ...": "as" reports the main clause.
                    || opener.is_some_and(|o| o != "as") && self.opens_main_clause(k + 1, end);
                opener.is_some() && main_clause
                    // "doubted the plan, and the council appears uneasy": after a verbless object a
                    // new subject opens the narrator's next clause.
                    || next == "and"
                        && !clausal
                        && object_only()
                        && k + 2 < end
                        && (matches!(self.word(k + 2), "the" | "a" | "an" | "his" | "her" | "their" | "its") || PRONOUNS.contains(&self.word(k + 2)))
                    || matches!(next, "but" | "while" | "whereas" | "although" | "though" | "when" | "which" | "who" | "where")
                        && !(next == "but" && self.joins_content(from, k + 1))
                        && !(matches!(next, "which" | "who") && self.relative_inside_subject(k + 1, end))
                    || self.narrator_turn(k + 1, end)
                    // "The firm, reporting its first results, said ...", "..., said Mr Clarke": the
                    // narrator's frame after the comma ends what an aside's cue reports; not
                    // where the comma closes an apposition the words opened ("denied Mr Yeo, his
                    // spokesman, said ...": the reported subject's verb).
                    || matches!(next, "said" | "says" | "told" | "tells" | "added" | "adds" | "insisted" | "warned" | "argued")
                        && !(from..k).any(|x| self.word(x) == ",")
                    || next.len() > 5 && next.ends_with("ing") && next.starts_with(char::is_lowercase) && !matches!(next, "including" | "according" | "something" | "anything" | "nothing" | "everything")
                    // "endorsed Clinton, praised her plans ...": a second verb of the speaker;
                    // after "that" the clause's verb is still to come.
                    || !clausal
                        && next.ends_with("ed")
                        && next.starts_with(char::is_lowercase)
                        && object_only()
                        && !self.aside_before_verb(k + 1, end)
            }
            // "denies any wrongdoing and points out ...".
            "and" => !clausal && verb_next && object_only(),
            w if is_dash(w) => !(from..end).any(|x| x != k && is_dash(self.word(x))),
            // "chastised Clinton for use of the server but did not ...": after an object without
            // a verb of its own, the verb is the speaker's; "said the authority remained open to
            // talks but would not ..." continues the reported clause.
            "but" => {
                matches!(self.word(k - 1), "”" | "\"" | "''")
                    || object_only() && (verb_next || matches!(next, "do" | "not" | "said" | "added"))
            }
            "while" => next.ends_with("ing") || matches!(next, "at" | "in" | "on"),
            _ => false,
        }
    }

    /// Whether the participle at `k` opens an aside between commas after which a verb follows
    /// ("said the new arrangements, revealed in a written statement, would raise £680m"): the
    /// words before it are the reported clause's subject, not an object the speaker's next verb
    /// follows.
    fn aside_before_verb(&self, k: usize, end: usize) -> bool {
        let comma =
            (k + 1..end.min(k + 16)).find(|&x| matches!(self.word(x), "," | ";" | "." | "“" | "\"")).filter(|&x| self.word(x) == ",");
        comma.is_some_and(|c| c + 1 < end && (FINITE.contains(&self.word(c + 1)) || matches!(self.word(c + 1), "has" | "have" | "had")))
    }

    /// Whether token `k`, after the comma that closes an opening subordinate clause, opens the
    /// main clause without an article or a capital: "there", "then", a quantifier or a number
    /// ("27 percent of those polled said ..."), or a bare noun whose verb follows within three
    /// words, before any comma or conjunction ("..., opposition members are still crying foul",
    /// "..., public sentiment reflects ..."); not the next item of a list ("said prices, wages
    /// and rents rose").
    fn opens_main_clause(&self, k: usize, end: usize) -> bool {
        let w = self.word(k);
        const OPENERS: &[&str] = &[
            "there",
            "there’s",
            "there's",
            "then",
            "neither",
            "none",
            "nobody",
            "only",
            "most",
            "few",
            "both",
            "all",
            "this",
            "these",
            "those",
        ];
        if OPENERS.contains(&w) || w.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        if self.syntax.upos(k) != "NOUN" {
            return false;
        }
        (k + 1..end.min(k + 4))
            .take_while(|&x| !matches!(self.word(x), "," | "and" | "or" | "but"))
            .any(|x| matches!(self.syntax.upos(x), "VERB" | "AUX") && !self.word(x).ends_with("ing"))
    }

    /// Whether the relative clause opening at token `k` ("which", "who") closes with a comma
    /// before a verb, within `end`: it describes the subject of the reported clause, whose verb
    /// is still to come ("argued the Islamic State, which has been the target of ..., is in
    /// retreat", "said the talks, which started a decade ago, remained useful").
    fn relative_inside_subject(&self, k: usize, end: usize) -> bool {
        let verb = |w: &str| {
            FINITE.contains(&w) || AUXILIARIES.contains(&w) || w.starts_with(char::is_lowercase) && (w.ends_with("ed") || w.ends_with("es"))
        };
        (k + 2..end.min(k + 30))
            .take_while(|&x| !matches!(self.word(x), ";" | ":") && !self.is_quote_open(x))
            .find(|&x| self.word(x) == ",")
            .is_some_and(|comma| comma + 1 < end && verb(self.word(comma + 1)))
    }

    /// Whether the words from token `k`, after a comma, turn from what was said to the narrator's
    /// aside: a comparison or concession that runs to the end (", as have other Democrats", ",
    /// even as Trump rolled out ...", ", just as they did", ", as rumoured in the press"; not ",
    /// as we all know, is ..." nor ", as proof of", where "as" is the verb's), a manner without a
    /// clause (", without offering specifics"), or "notably". (A relative after a preposition
    /// may go on with what was said: ", of which there are 230, could drive ...".)
    fn narrator_turn(&self, k: usize, end: usize) -> bool {
        let next = |n: usize| if k + n < end { self.word(k + n) } else { "" };
        match next(0) {
            "as" => self.comparison_clause(k, end),
            "even" | "much" | "just" => next(1) == "as" && self.comparison_clause(k + 1, end),
            "without" | "notably" => true,
            _ => false,
        }
    }

    /// Whether "as" at token `k` opens a clause of its own (a verb, a subject pronoun, a past
    /// participle: "as have", "as he did", "as rumoured") that runs to `end` without a comma in
    /// its first words (", as we all know, ..." is an aside inside the content).
    fn comparison_clause(&self, k: usize, end: usize) -> bool {
        let w = if k + 1 < end { self.word(k + 1) } else { return false };
        let clause = AUXILIARIES.contains(&w)
            || FINITE.contains(&w)
            || PRONOUNS.contains(&w)
            || matches!(w, "already" | "previously")
            || w.ends_with("ed") && w.starts_with(char::is_lowercase);
        clause && (k + 1..end.min(k + 7)).all(|x| self.word(x) != ",")
    }

    /// "The governor added:" closing its paragraph: the next paragraph is what was said.
    pub(super) fn next_paragraph(&self, colon: usize, quotes: &[Quote]) -> Option<(Span, bool)> {
        if self.word(colon) != ":" {
            return None;
        }
        let at = self.tokens()[colon].span.end;
        let paragraphs = &self.r.segmented.paragraphs;
        let p = paragraphs.partition_point(|p| p.end < at);
        let ends_paragraph = paragraphs.get(p).is_some_and(|p| self.text()[at..p.end].trim().is_empty());
        let next = paragraphs.get(p + 1).filter(|_| ends_paragraph)?;
        let span = next.trim(self.text(), &[' ']);
        (!span.is_empty()).then(|| self.as_quote(span, quotes))
    }

    /// The content before a parenthetical or final frame.
    pub(super) fn before(&self, start: usize, end: usize, quotes: &[Quote]) -> Option<(Span, bool)> {
        if end <= start {
            return None;
        }
        let span = self.span(start, end).trim(self.text(), &[',', ';', ':', '—', '–', '[', ']']);
        if span.is_empty() {
            return None;
        }
        Some(self.as_quote(span, quotes))
    }

    /// A span that is one quotation (with its marks, perhaps without the closing punctuation)
    /// becomes the quotation's inside, direct.
    pub(super) fn as_quote(&self, span: Span, quotes: &[Quote]) -> (Span, bool) {
        let text = self.text();
        let trimmed = span.trim(text, &[',', '.', ';', ':']);
        let closing = |from: usize, to: usize| text[from.min(to)..to.max(from)].chars().all(|c| ",.;:!?”\"’' ".contains(c));
        // Quotations are disjoint and in text order (`quotes`): at most one starts where the span
        // starts, and only the last one starting before it can hold its start.
        let at = quotes.partition_point(|q| q.outer.start < trimmed.start);
        if let Some(q) = quotes.get(at).filter(|q| q.outer.start == trimmed.start) {
            // The content ends at the quotation's end, give or take its closing punctuation.
            // A quotation of several sentences opened by this span is the content whole.
            if closing(trimmed.end, q.outer.end)
                || closing(q.inner.end, trimmed.end) && trimmed.end >= q.inner.end
                || q.outer.end > trimmed.end
            {
                return (q.inner.trim(text, &[',', '.', ' ']), true);
            }
        }
        // A quotation of several sentences whose last sentence holds the frame: '"Why? Because
        // it is failing," he said.'
        if let Some(q) = at.checked_sub(1).map(|k| &quotes[k]) {
            if q.inner.contains(Span::new(trimmed.start, trimmed.start)) && closing(trimmed.end, q.outer.end) {
                return (q.inner.trim(text, &[',', '.', ' ']), true);
            }
        }
        (span, false)
    }

    /// Whether the words from token `t` are circumstances of a frame ("on Monday", "at a rally",
    /// "in a statement", "to reporters") rather than content.
    pub(super) fn is_circumstance(&self, t: usize) -> bool {
        let w = self.word(t.min(self.tokens().len() - 1));
        matches!(
            w,
            "at" | "on" | "in" | "during" | "after" | "before" | "last" | "yesterday" | "today" | "when" | "while" | "to" | "from" | "."
        ) || OBJECTS.contains(&w)
    }

    pub(super) fn is_quote_open(&self, t: usize) -> bool {
        matches!(self.word(t), "“" | "\"" | "''")
    }

    /// Whether the quotation mark at `t` opens a quotation: a straight mark after a comma inside
    /// a quotation closes it ('calls the plan a "gamble," said').
    fn opens_quote(&self, t: usize) -> bool {
        self.is_quote_open(t) && (t == 0 || !self.in_quote(self.tokens()[t - 1].span))
    }

    /// Whether `span` lies inside a quotation.
    pub(super) fn in_quote(&self, span: Span) -> bool {
        self.quote_insides.contains(span)
    }

    /// What a judgment or question is about, when it is a noun phrase: "criticized the plan,
    /// saying ...", "praised Clinton at a rally": the phrase ends before a comma or a phrase of
    /// time or place; a clause ("asked whether he had ...") keeps its words.
    pub(super) fn noun_phrase_object(&self, content: Span) -> Span {
        let first = self.token_at(content.start);
        let end = self.token_at(content.end);
        for k in first + 1..end {
            let w = self.word(k);
            let lower = w.to_lowercase();
            let verbish = FINITE.contains(&lower.as_str())
                || AUXILIARIES.contains(&lower.as_str())
                || PRONOUNS.contains(&w) && k > first
                || matches!(lower.as_str(), "be" | "been" | "that" | "who" | "which" | "whether" | "if" | "why" | "how" | "what")
                || w.starts_with(char::is_lowercase) && w.ends_with("ed")
                || w.ends_with("n't")
                || self.is_quote_open(k);
            if verbish {
                return content;
            }
            if matches!(w, "," | "at" | "during" | "after" | "when" | "last" | "before" | "since" | "while") {
                return Span::new(content.start, self.tokens()[k - 1].span.end);
            }
        }
        content
    }

    /// What a judgment, denial, intention or question is about when the parse makes it the
    /// cue's object: "opposed the plans but Mr Brown said ...", "denied the charges through his lawyer",
    /// "supporting her by a wide margin": the object's phrase, with its own modifiers ("a ban on
    /// guns"), where a subordinator, a preposition of the verb's means ("by", "through") or a
    /// verb joined with "and" follows it (`noun_phrase_object` has cut at commas and times
    /// already); not before a verb alone, which may be the object's in a clause the parse
    /// misread ("denied their ancestors practised ...", "want it lifted").
    pub(super) fn parsed_object(&self, content: Span, cue: Span) -> Span {
        let (first, end) = (self.token_at(content.start), self.token_at(content.end));
        let verb = self.token_at(cue.start);
        if end < first + 3 || !matches!(self.syntax.upos(first), "DET" | "PRON" | "PROPN" | "NOUN" | "NUM" | "ADJ") {
            return content;
        }
        let mut root = first;
        while let Some(h) = self.syntax.head(root).filter(|h| (first..end).contains(h)) {
            root = h;
        }
        let object = self.syntax.head(root) == Some(verb)
            && self.syntax.label(root) == "obj"
            && matches!(self.syntax.upos(root), "PRON" | "PROPN" | "NOUN" | "NUM");
        if !object {
            return content;
        }
        let last = self.subtree(first, end, root).1 - 1;
        // Only before what is plainly the verb's or a new clause's: the judgment keeps "for
        // ...", "as ...", "to ...", "of ...", "in ..." ("criticized Clinton for ...", "sees Cruz
        // as a uniter", "wants voters to know").
        let next = if last + 1 < end { self.word(last + 1) } else { "" };
        let verb = |k: usize| k < end && self.syntax.upos(k) == "VERB" && self.word(k).starts_with(char::is_lowercase);
        let verb_after = |k: usize| verb(k) || k < end && self.syntax.upos(k) == "ADV" && verb(k + 1);
        let boundary = matches!(next, "but" | "by" | "through" | "because" | "until" | "despite" | "while" | "when")
            || matches!(next, "and" | "or") && verb_after(last + 2);
        if !boundary {
            return content;
        }
        Span::new(content.start, self.tokens()[last].span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::super::source::tests::source_words_of;
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;

    #[test]
    fn clauses_that_open_a_sentence_or_follow_a_colon_frame_the_main_clause() {
        // "By the time ..., X said": the subordinate verb reports nothing; "as many as 40
        // percent" is no comparison; a clause after a colon reports what follows it.
        let text = "Port row\n\nBy the time the talks concluded, as many as 40 percent of dockers said they would \
                    strike. Coverage was harsh: The Kelso Leader said the mayor had lost. Even though the mayor \
                    objected, she added, the quay was closed.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("would strike"), Some("40 percent of dockers"));
        assert!(doc.claims.iter().all(|c| c.cue.as_ref().is_none_or(|cue| cue.span.of(text) != "concluded")), "{:?}", doc.claims);
        assert_eq!(words("mayor had lost"), Some("The Kelso Leader"));
        assert_eq!(words("quay was closed"), Some("she"));
    }

    #[test]
    fn a_time_adverb_before_a_subordinator_opens_a_circumstance() {
        // "Shortly after ...", "Even before ...": the opening clause is when the speaker spoke,
        // not what they said.
        let text = "Port row\n\nShortly after the vote was counted, Ms Vale told a crowd in Kelso that the quay would \
                    stay open. Even before the results were in, the union insisted there had been fraud.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let content_of = |cue: &str| {
            let claim = doc.claims.iter().find(|c| c.cue.as_ref().is_some_and(|q| q.span.of(text) == cue)).expect("a claim");
            claim.content.of(text)
        };
        assert!(content_of("told").ends_with("the quay would stay open"), "{}", content_of("told"));
        assert!(!content_of("told").contains("vote"), "{}", content_of("told"));
        assert_eq!(content_of("insisted"), "there had been fraud");
    }

    #[test]
    fn a_comparison_or_a_manner_after_a_comma_is_the_narrator_s() {
        // ", as did the mayor" and ", without giving figures" tell what others did and how the
        // speaker spoke; ", as we all know," inside the clause is the speaker's own aside.
        let text = "Port row\n\nMs Vale said the quay would stay open, as did the mayor. The firm says bookings have \
                    risen, without giving figures. Mr Hart said the ferries, as we all know, are old.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let content = |words: &str| doc.claims.iter().find(|c| c.content.of(text).contains(words)).expect("a claim").content.of(text);
        assert_eq!(content("quay"), "the quay would stay open");
        assert_eq!(content("bookings"), "bookings have risen");
        assert_eq!(content("ferries"), "the ferries, as we all know, are old");
    }

    #[test]
    fn a_relative_clause_inside_the_reported_subject_does_not_end_the_content() {
        // The relative clause closes with a comma before the reported clause's verb.
        let text = "Port row\n\nMs Vale said the bill, which brings in new fees, had no safeguards.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let content = |words: &str| doc.claims.iter().find(|c| c.content.of(text).contains(words)).expect("a claim").content.of(text);
        assert_eq!(content("bill"), "the bill, which brings in new fees, had no safeguards");
    }

    #[test]
    fn a_judged_object_ends_where_the_verb_s_means_or_another_verb_begins() {
        let text = "Port row\n\nThe union opposed the plans but the mayor said the quay was safe. Ana Ruiz denied the \
                    charges through her lawyer. Tom Vance questioned the fees and sharply criticised the harbour board. \
                    Jo Brandt supported dockers and Make Ports Fair.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let content = |cue: &str| super::super::source::tests::content_of_cue(&doc, text, cue);
        assert_eq!(content("opposed"), "the plans");
        assert_eq!(content("denied"), "the charges");
        assert_eq!(content("questioned"), "the fees");
        assert_eq!(content("supported"), "dockers and Make Ports Fair", "a name is no verb");
    }

    #[test]
    fn a_verb_s_preposition_is_the_cue_s_and_a_day_is_no_content() {
        // "called for", "warned against": the preposition is the cue's; "about 300" keeps its
        // "about"; "on Thursday" is when the speaker spoke.
        let text = "Port row\n\nThe union called for a delay. Ms Vale warned against new fees. Mr Hart said about 300 \
                    members would march. The firm said on Thursday it had signed a new deal.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let claim = |words: &str| doc.claims.iter().find(|c| c.content.of(text).contains(words)).expect("a claim");
        let cue = |words: &str| claim(words).cue.as_ref().map(|c| c.span.of(text));
        assert_eq!((cue("delay"), claim("delay").content.of(text)), (Some("called for"), "a delay"));
        assert_eq!((cue("fees"), claim("fees").content.of(text)), (Some("warned against"), "new fees"));
        assert_eq!(claim("members").content.of(text), "about 300 members would march");
        assert_eq!(claim("new deal").content.of(text), "it had signed a new deal");
    }

    #[test]
    fn some_verbs_take_their_own_preposition() {
        let text = "Port row\n\nDockers believe in a fair wage. Ms Vale hinted at a strike. Analysts pointed to a slowdown.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let claim = |words: &str| doc.claims.iter().find(|c| c.content.of(text).contains(words)).expect("a claim");
        let cue = |words: &str| claim(words).cue.as_ref().map(|c| c.span.of(text));
        assert_eq!((cue("wage"), claim("wage").content.of(text)), (Some("believe in"), "a fair wage"));
        assert_eq!((cue("strike"), claim("strike").content.of(text)), (Some("hinted at"), "a strike"));
        assert_eq!((cue("slowdown"), claim("slowdown").content.of(text)), (Some("pointed to"), "a slowdown"));
    }

    #[test]
    fn a_phrase_of_time_or_place_alone_or_a_linking_verb_s_description_reports_nothing() {
        // "Fees will fall," after a quotation, keeps its frame.
        let text = "Port row\n\nThe port handled fewer ships than expected in January. Revenues - calculated in \
                    euros - rose. The plan proved popular with dockers. The audit proved that the fees were too high. \
                    \"Fees will fall,\" Ms Vale said in a statement. Thanks to the \"go-slow\", congestion continued to be \
                    a problem in 2004. Ms Vale \
                    continued to insist that fees would fall.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let contents: Vec<&str> = doc.claims.iter().map(|c| c.content.of(text)).collect();
        let nothing = ["January", "euros", "popular", "a problem"];
        assert!(!contents.iter().any(|c| nothing.iter().any(|w| c.contains(w))), "{contents:?}");
        assert!(contents.iter().any(|c| c.contains("fees would fall")), "{contents:?}");
        assert!(contents.iter().any(|c| c.contains("fees were too high")), "{contents:?}");
        assert!(contents.iter().any(|c| c.contains("Fees will fall")), "{contents:?}");
    }

    #[test]
    fn what_a_speaker_does_after_a_parenthetical_frame_is_not_what_they_said() {
        let text = "Port row\n\nAna Ruiz spoke in Kelso. This is the record Mr Vance will have to defend, she said, urging \
                    voters to hold him to account.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("record")).expect("a claim");
        assert_eq!(claim.content.of(text), "This is the record Mr Vance will have to defend");
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Ana Ruiz"), "{:?}", doc.entities);
    }

    #[test]
    fn a_content_keeps_its_article_and_drops_the_interview() {
        let text = "Port row\n\nJo Brandt said that an audit was due. Ines Carvalho said an inquiry would follow. \
                    Tom Vance said in an interview that the quay was safe.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let contents: Vec<&str> = doc.claims.iter().map(|c| c.content.of(text)).collect();
        assert_eq!(contents, ["that an audit was due", "an inquiry would follow", "that the quay was safe"]);
    }

    #[test]
    fn an_opening_subordinate_s_frame_reports_up_to_the_main_clause_s_bare_subject() {
        // A subject without an article or a capital opens the main clause; "as" reports it.
        let text = "Port row\n\nAlthough the mayor has said she will accept the report of the panel, harbour \
                    workers are still unhappy. While only 9 percent said they were undecided, 30 percent said \
                    they could change their minds. As Ana Ruiz told the Kelso Leader, ferry fares are rising.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let contents: Vec<&str> = doc.claims.iter().map(|c| c.content.of(text)).collect();
        assert!(contents.contains(&"she will accept the report of the panel"), "{contents:?}");
        assert!(contents.contains(&"they were undecided"), "{contents:?}");
        assert!(contents.iter().any(|c| c.contains("ferry fares are rising")), "{contents:?}");
    }

    #[test]
    fn a_participle_aside_before_a_verb_stays_in_the_reported_clause() {
        // A second verb of the speaker after a comma still ends a verbless object.
        let text = "Port row\n\nThe mayor said the new fees, revealed in a written statement, would raise £6m. \
                    Ana Ruiz backed the plan, praised the council and left.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let content = |cue: &str| super::super::source::tests::content_of_cue(&doc, text, cue);
        assert_eq!(content("said"), "the new fees, revealed in a written statement, would raise £6m");
        assert_eq!(content("backed"), "the plan");
    }

    #[test]
    fn a_frame_after_a_comma_ends_what_an_aside_reports() {
        // The comma closing an apposition the words opened does not.
        let text = "Port row\n\nKelso Ferries, reporting its first results since the merger, said fares would fall. \
                    Mr Vance denied Ms Ruiz, his deputy, said the quay was unsafe.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let content = |cue: &str| super::super::source::tests::content_of_cue(&doc, text, cue);
        assert_eq!(content("reporting"), "its first results since the merger");
        assert!(content("denied").starts_with("Ms Ruiz, his deputy, said"), "{}", content("denied"));
    }

    #[test]
    fn deny_someone_something_is_no_denial() {
        let text = "Cup tie\n\nA late save denied his side a famous win. The club denied that the coach had quit. The \
                    keeper denied the same player again ten minutes later. The rules deny many eager voters the right \
                    to vote.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let contents: Vec<&str> = doc.claims.iter().map(|c| c.content.of(text)).collect();
        assert_eq!(contents, ["that the coach had quit"]);
    }
}
