//! A frame's source before its cue: the subject of the verb group, closing descriptions
//! ("..., a senior researcher at X, says"), clause-opening subjects and document subjects.

use super::*;

impl<'a> Attributor<'a> {
    pub(super) fn mention_ending(&self, t: usize) -> Option<usize> {
        self.r.mention_ending_at(self.tokens()[t].span.end)
    }

    /// The person named right after the first comma of a description from token `start` to `end`
    /// ("another advocate, Andrew Pincus"): the comma and the mention.
    pub(super) fn apposed_person(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let comma = (start + 1..end).find(|&k| self.word(k) == ",")?;
        self.mention_starting(comma + 1).filter(|&m| self.r.mentions[m].kind == EntityType::Person).map(|m| (comma, m))
    }

    pub(super) fn mention_starting(&self, t: usize) -> Option<usize> {
        let start = self.tokens().get(t)?.span.start;
        let i = self.r.mentions.partition_point(|m| m.span.start < start);
        (i < self.r.mentions.len() && self.r.mentions[i].span.start == start).then_some(i)
    }

    /// How many words before token `end` (back to `first` at most) make a phrase of time that
    /// may stand inside a verb group: "in the past", "in recent weeks", "over the last decade",
    /// "for years".
    fn time_phrase_before(&self, first: usize, end: usize) -> Option<usize> {
        let word = |back: usize| (end >= first + back).then(|| self.word(end - back));
        let unit = |w: &str| matches!(w, "years" | "months" | "weeks" | "days" | "decades" | "year" | "month" | "week" | "decade");
        let over = |w: Option<&str>| matches!(w, Some("in" | "over" | "during" | "for"));
        let last = word(1)?;
        if last == "past" && word(2) == Some("the") && over(word(3)) || unit(last) && word(2) == Some("recent") && over(word(3)) {
            return Some(3);
        }
        if unit(last) && matches!(word(2), Some("past" | "last")) && word(3) == Some("the") && over(word(4)) {
            return Some(4);
        }
        (matches!(last, "years" | "months" | "decades") && word(2) == Some("for")).then_some(2)
    }

    /// Where the verb group of the cue at token `cue` begins: auxiliaries, adverbs and catenative
    /// verbs ("has long", "continues to", "went on to", "appeared to") stand between a subject and
    /// its cue.
    pub(super) fn verb_group_start(&self, first: usize, cue: usize) -> usize {
        let mut start = cue;
        while start > first {
            let w = self.word(start - 1);
            // "He’s claiming", "they’ve said": a contracted auxiliary after a pronoun.
            let contracted = matches!(w, "’s" | "'s" | "’re" | "'re" | "’ve" | "'ve" | "’d" | "'d" | "’ll" | "'ll")
                && start >= first + 2
                && PRONOUNS.contains(&self.word(start - 2));
            let negation = w.ends_with("n't") || w.ends_with("n’t") || matches!(w, "n't" | "’t");
            if contracted
                || negation
                || AUXILIARIES.contains(&w)
                || self.adverb_at(start - 1)
                || matches!(w, "long" | "neither")
                || VERB_GROUP_ADVERBS.contains(&w)
            {
                start -= 1;
            } else if start >= first + 3
                && matches!(self.word(start - 2), "on" | "in" | "last" | "this" | "earlier")
                && (MONTHS.contains(&w)
                    || WEEKDAYS.contains(&w)
                    || matches!(w, "week" | "month" | "year")
                    || w.len() == 4 && w.starts_with("20") && w.chars().all(|c| c.is_ascii_digit()))
            {
                // "Sanders on Tuesday said", "an arbitration panel in 2001 found".
                start -= 2;
            } else if let Some(n) = self.time_phrase_before(first, start) {
                // "China has in the past said", "the firm has for years argued".
                start -= n;
            } else if w == "to" && start >= first + 2 && CATENATIVES.contains(&self.word(start - 2)) {
                start -= 2;
            } else if w == "to"
                && start >= first + 3
                && self.word(start - 2) == "on"
                && matches!(self.word(start - 3), "went" | "go" | "goes" | "going")
            {
                start -= 3;
            } else if w == "to"
                && start >= first + 4
                && self.word(start - 3) == "to"
                && matches!(self.word(start - 4), "took" | "take" | "takes" | "taking")
                && self.word(start - 2).starts_with(char::is_uppercase)
            {
                // "took to Twitter to say".
                start -= 4;
            } else if w == "," && start >= first + 4 && self.word(start - 3) == "," && self.syntax.label(start - 2) == "advmod" {
                // "He did, however, admit": an adverb set off by commas inside the verb group.
                start -= 3;
            } else if matches!(w, "more" | "less" | "most" | "least") && start < cue && CATENATIVES.contains(&self.word(start)) {
                // "are more likely to say".
                start -= 1;
            } else {
                break;
            }
        }
        start
    }

    /// A description that ends the sentence after an inverted frame, naming no one the recognizer
    /// found ("said one Democratic source on the panel", "noted NBC's Dante Chinni"): its
    /// referent, if a mention inside or the head noun gives one, and its span.
    pub(super) fn closing_description(&self, start: usize, end: usize) -> Option<(Option<usize>, Span)> {
        // ", giving the example of ...": a participle after the description is no part of it.
        let end = (start + 1..end)
            .find(|&k| {
                k + 1 < end && self.word(k) == "," && self.word(k + 1).ends_with("ing") && self.word(k + 1).starts_with(char::is_lowercase)
            })
            .unwrap_or(end);
        if end <= start || end - start > 10 {
            return None;
        }
        let clause = (start..end).any(|k| {
            let w = self.word(k);
            FINITE.contains(&w)
                || AUXILIARIES.contains(&w) && !matches!(w, "also" | "now" | "then")
                || self.is_quote_open(k)
                || matches!(w, "that" | ";" | ":" | "who" | "which")
        });
        if clause {
            return None;
        }
        let span = self.span(start, end);
        // The head is the last word before a prepositional phrase ("source on the panel"); the
        // name that ends there or before it is the referent.
        let head_end =
            (start..end).find(|&k| matches!(self.word(k), "of" | "on" | "at" | "for" | "from" | "in" | "with" | ",")).unwrap_or(end);
        let head_span = self.span(start, head_end.max(start + 1));
        // "said another longtime resident, Milan Horak": else the person the apposition names.
        let apposed = self.apposed_person(start, end).map(|(_, m)| m);
        let head = self.word(head_end.max(start + 1) - 1).to_lowercase();
        // "said RNID technology director, Guido Gybels": an organization that modifies a role is
        // not the person the apposition names; "said the Arsenal star": nor the one its head
        // names, unless its head speaks for it ("the Arsenal spokesman", "the club's statement").
        let employer = |m: usize| {
            self.r.mentions[m].kind == EntityType::Organization
                && (apposed.is_some() && self.lex.role(&head).is_some()
                    || self.token_at(self.r.mentions[m].span.end) + 1 == head_end && self.names_member(self.word(head_end - 1)))
        };
        let named = self
            .r
            .mentions_in(head_span)
            .into_iter()
            .rev()
            .find(|&m| self.r.mentions[m].kind != EntityType::Place)
            .filter(|&m| !employer(m))
            .or(apposed);
        let capitalized = self.word(head_end.max(start + 1) - 1).starts_with(char::is_uppercase);
        if named.is_some() || self.people_noun(&head) {
            return Some((named.or_else(|| self.resolve_description(&head, start, span)), span));
        }
        // "said Stacey Plaskett": a name the recognizer missed; "argues the report": a document;
        // "replied the witness": a short definite description of someone.
        let described = self.word(start) == "the" && head_end == end && end <= start + 4 && self.syntax.upos(end - 1) == "NOUN";
        (capitalized || document_noun(&head) || described).then_some((None, span))
    }

    /// The subject of a verb cue at token `cue`: a mention, a pronoun or a description ending
    /// just before it (auxiliaries and adverbs skipped, an apposition or relative clause between
    /// commas skipped). Returns the resolved mention, the subject's span and its first token.
    /// The words before the verb group decide the reading: a closing parenthesis
    /// (`parenthesized_subject`), a comma (`comma_subject`), or anything else
    /// (`plain_subject`).
    pub(super) fn subject_before(&self, first: usize, cue: usize) -> Option<Subject> {
        let end = self.verb_group_start(first, cue);
        // "Their desire to express ...": a subject does not end in "to".
        if end == first || self.word(end - 1) == "to" {
            return None;
        }
        match self.word(end - 1) {
            ")" => self.parenthesized_subject(first, end),
            "," => self.comma_subject(first, end),
            // 'Ahlberg, who calls the plan a "gamble," said': the comma stands inside the
            // quotation that closes the relative clause.
            _ if self.closes_relative_quotation(first, end) => self.comma_subject(first, end - 1),
            w if is_dash(w) => self.plain_subject(first, cue, end).or_else(|| self.dashed_aside_subject(first, end)),
            _ => self.plain_subject(first, cue, end),
        }
    }

    /// '"...," Tomas Brevik, director of Nordic Harbour Bank - one of its lenders - said': an
    /// aside between dashes before the verb group ending at `end` stands where a comma's
    /// apposition would: the subject is read as before a comma at the opening dash.
    fn dashed_aside_subject(&self, first: usize, end: usize) -> Option<Subject> {
        let close = end - 1;
        let open = (first..close).rev().take(16).find(|&k| is_dash(self.word(k)))?;
        if (open + 1..close).any(|k| matches!(self.word(k), "," | ";" | ":") || is_terminal(self.word(k)) || self.is_quote_open(k)) {
            return None;
        }
        self.comma_subject(first, open + 1)
    }

    /// "The Northern Dockers Union (NDU) says": the name before the parenthesis that ends at
    /// `end`.
    fn parenthesized_subject(&self, first: usize, end: usize) -> Option<Subject> {
        let open = (first..end - 1).rev().find(|&k| self.word(k) == "(")?;
        if open > first && self.mention_ending(open - 1).is_some() {
            return self.subject_at(first, open);
        }
        None
    }

    /// "Denis Maltsev, a senior researcher at ..., who ..., says": a subject before a comma.
    /// Appositions and relative clauses are skipped back over, and the subject ends before the
    /// first of them (`apposed_subject`); where none is skipped, the name between the last two
    /// commas (`name_between_commas`) or the subject before them (`subject_before_commas`).
    fn comma_subject(&self, first: usize, end: usize) -> Option<Subject> {
        if let Some(close) = self.appositions_start(first, end) {
            // "Looking further ahead, the firm's chairman Mike Short, has predicted": a phrase of
            // circumstance opening the sentence is no subject that the words after it describe;
            // they are the subject, where they name someone.
            let named_after = || self.subject_at(close + 1, end - 1).filter(|found| found.0.is_some());
            if let Some(found) = self.opens_with_circumstance(first, close).then(named_after).flatten() {
                return Some(found);
            }
            return self.apposed_subject(first, end, close);
        }
        let open = (first..end - 1).rev().find(|&k| self.word(k) == ",")?;
        if open == first || (open + 1..end - 1).any(|k| self.word(k) == ".") {
            return None;
        }
        if let Some(subject) = self.name_between_commas(first, end, open) {
            return Some(subject);
        }
        self.subject_before_commas(first, open)
    }

    /// The comma before the first of the appositions and relative clauses that stand between
    /// commas before the comma at `end - 1`, when at least one is skipped. A chunk is skipped
    /// when it opens like an apposition (`opens_apposition`), holds no quotation mark or
    /// sentence punctuation (or is a state after its town), and does not name a person once
    /// another chunk was skipped ("Senator Dianne Feinstein, Democrat of California,": a chunk
    /// naming a person is the subject, not one more apposition; not "a truck driver from Ava":
    /// a name inside a prepositional phrase).
    fn appositions_start(&self, first: usize, end: usize) -> Option<usize> {
        let mut close = end - 1;
        let mut skipped = false;
        loop {
            let open = (first..close).rev().find(|&k| self.word(k) == ",");
            let chunk_start = open.map_or(first, |o| o + 1);
            // "speaking at a rally in Wilmington, N.C.,": a state after its town is part of the
            // chunk before it.
            // ("N.C." one token; not a party label, "R-Ky.").
            let dotted = |k: usize| {
                let w = self.word(k);
                k + 1 == close && w.len() > 2 && w.ends_with('.') && w.starts_with(char::is_uppercase) && !w.contains('-')
            };
            let state = self.state_after_place(first, chunk_start) || dotted(chunk_start) && self.mention_ending(chunk_start - 2).is_some();
            let aside_before = |o: usize| (first..o).any(|k| self.word(k) == ",");
            if let Some(o) = open.filter(|&o| state && chunk_start + 3 >= close && !self.word(chunk_start).contains('-') && aside_before(o))
            {
                close = o;
                continue;
            }
            let plain = self.state_after_place(first, chunk_start)
                || (chunk_start..close)
                    .all(|k| !(matches!(self.word(k), "“" | "”" | "\"" | "''" | ";" | ":") || is_terminal(self.word(k))))
                || self.relative_closing_quotation(chunk_start, close);
            let names_person = (chunk_start..close)
                .take_while(|&k| !PREPOSITIONS.contains(&self.word(k)))
                .any(|k| self.mention_starting(k).is_some_and(|m| self.r.mentions[m].kind == EntityType::Person));
            if chunk_start == first
                || chunk_start >= close
                || !self.opens_apposition(first, end, chunk_start)
                || !plain
                || names_person && skipped
            {
                break;
            }
            match open {
                Some(o) => {
                    close = o;
                    skipped = true;
                }
                None => break,
            }
        }
        skipped.then_some(close)
    }

    /// Whether the quotation mark before the verb group at `end` closes a relative clause's
    /// quotation, its comma inside ('Ahlberg, who calls the plan a "gamble," said').
    fn closes_relative_quotation(&self, first: usize, end: usize) -> bool {
        self.after_quoted_comma(first, end)
            && (first..end - 2).rev().find(|&k| self.word(k) == ",").is_some_and(|c| self.relative_closing_quotation(c + 1, end - 2))
    }

    /// Whether the words from `start` to the comma at `close` are a relative clause whose last
    /// words are a quotation that the comma stands inside ('who calls the plan a "gamble,"'):
    /// scare quotes, not speech.
    fn relative_closing_quotation(&self, start: usize, close: usize) -> bool {
        let marks = (start..close).filter(|&k| matches!(self.word(k), "“" | "”" | "\"" | "''")).count();
        close + 1 < self.tokens().len()
            && matches!(self.word(start), "who" | "which")
            && matches!(self.word(close + 1), "”" | "\"" | "''")
            && marks == 1
            && (start..close).all(|k| !(matches!(self.word(k), ";" | ":") || is_terminal(self.word(k))))
    }

    /// Whether token `k` opens an apposition or relative clause ("a senior researcher", "who
    /// runs ...", "head of the caucus", "59, of Ashton"): a determiner, a relative pronoun, a
    /// role, a number or a lowercase noun; an owner ("Jeff Weaver, Sanders' campaign manager,
    /// said"); a state after its town ("Johnnie Wilson, of Springfield, Va., said"); a party
    /// ("Senator Dianne Feinstein, Democrat of California, said").
    fn opens_apposition(&self, first: usize, end: usize, k: usize) -> bool {
        let w = self.word(k);
        let owner = self.opens_with_owner(k, end);
        let state = self.state_after_place(first, k);
        let party = self.party_label(k, end);
        state
            || owner
            || party
            || APPOSITION_OPENERS.contains(&w)
            || self.tokens()[k].kind == TokenKind::Number
            || w.starts_with(char::is_lowercase)
                && self.lex.cue(w).is_none()
                && !w.ends_with("ing")
                && !AUXILIARIES.contains(&w)
                && !NOT_APPOSITION_NOUNS.contains(&w)
            || self.lex.role(w).is_some()
    }

    /// Whether an aside opens at token `k` (`ASIDE_OPENERS`; "for" only in a set phrase: "for
    /// his part", "for example"; elsewhere it may say whom the speaker speaks for: "Ian Vance,
    /// for the Tories, said").
    pub(super) fn opens_aside(&self, k: usize) -> bool {
        let next = if k + 1 < self.tokens().len() { self.word(k + 1) } else { "" };
        ASIDE_OPENERS.contains(&self.word(k))
            || self.word(k) == "for" && matches!(next, "example" | "instance" | "his" | "her" | "their" | "its" | "now" | "one")
    }

    /// Whether a party label opens at token `k` ("Democrat of Delaware", before `end`).
    pub(super) fn party_label(&self, k: usize, end: usize) -> bool {
        matches!(self.word(k), "Democrat" | "Republican" | "Independent") && k + 1 < end && self.word(k + 1) == "of"
    }

    /// Whether a relative clause that reports speech opens at token `k` (before `end`): "who" or
    /// "whose" with a cue among the next three words ("who added that ...", "who has said").
    pub(super) fn relative_that_reports(&self, k: usize, end: usize) -> bool {
        matches!(self.word(k), "who" | "whose") && (k + 1..(k + 4).min(end)).any(|j| self.lex.cue(self.word(j)).is_some())
    }

    /// Whether the words from token `k` (to `end`) open with an owner: a possessive within
    /// their first three words, before any comma ("Sanders' campaign manager", "New Jersey's
    /// sitting governor", "Color of Change's executive director").
    pub(super) fn opens_with_owner(&self, k: usize, end: usize) -> bool {
        let plural = |x: usize| x + 1 < end && self.word(x).ends_with('s') && matches!(self.word(x + 1), "'" | "’");
        (k..end.min(k + 4)).take_while(|&x| self.word(x) != ",").any(|x| self.tokens()[x].kind == TokenKind::Possessive || plural(x))
    }

    /// The subject before appositions skipped back to the comma at `close`: the source's words
    /// run through its appositions ("Denis Maltsev, a senior researcher at ..."), the mention
    /// stays the name. A relative clause that reports speech of its own ("Barkley, who said he
    /// votes Democratic, said") is a claim beside this one, not the source's description, and a
    /// circumstance ("Clinton, during a town hall meeting, said") describes no one; the name
    /// before its party label counts ("Rep. Gregory W. Meeks (D-N.Y.), chairman of ..."); and a
    /// noun phrase opening the clause, named or not, is the subject too ("Officials at Homeland
    /// Security Investigations, a division of ..., said").
    fn apposed_subject(&self, first: usize, end: usize, close: usize) -> Option<Subject> {
        // ", police , said": a comma opening the clause closes nothing before it.
        if close <= first {
            return None;
        }
        // The words stop before a relative clause that reports speech, or a circumstance.
        let speaking = (close..end - 1).find(|&k| {
            let reports = self.relative_that_reports(k + 1, end - 1);
            self.word(k) == "," && (reports || self.opens_aside(k + 1))
        });
        let described = self.tokens()[speaking.unwrap_or(end - 1) - 1].span.end;
        let close = match self.word(close - 1) {
            ")" => (first..close - 1).rev().find(|&k| self.word(k) == "(").filter(|&k| k > first).unwrap_or(close),
            _ => close,
        };
        let opening = || self.clause_opening_subject(first, close).map(|(m, span)| (m, span, self.token_at(span.start)));
        self.subject_at(first, close)
            .filter(|found| !self.in_quote(found.1) && (found.0.is_some() || !PRONOUNS.contains(&found.1.of(self.text()))))
            .or_else(opening)
            .map(|(m, span, start)| (m, Span::new(span.start, described), start))
    }

    /// "the leader of X, Abu Mukhammad Kadarsky (Rustam Asilderov), said": the name between
    /// the comma at `open` and the one at `end - 1` is the subject, when nothing but a
    /// parenthesis or where the person belongs ("One pastor, David Whiting of the church in
    /// Marion, said") follows it and it names no place. The description before the name is the
    /// source's words too (`description_before_name`).
    fn name_between_commas(&self, first: usize, end: usize, open: usize) -> Option<Subject> {
        let m = self.mention_starting(open + 1)?;
        let span = self.r.mentions[m].span;
        let rest = Span::new(span.end, self.tokens()[end - 1].span.start);
        let rest = rest.of(self.text()).trim();
        // "The Tory finance spokesman, Brian Monteith MSP, said": letters after the name.
        let letters = !rest.is_empty() && rest.split_whitespace().all(|w| POSTNOMINALS.contains(&w));
        let parenthetical = rest.is_empty() || letters || rest.starts_with('(') && rest.ends_with(')');
        let affiliation = ["of ", "from ", "at "].iter().any(|p| rest.starts_with(p))
            && rest.split_whitespace().count() <= 10
            && rest.split_whitespace().all(|w| !FINITE.contains(&w) && !matches!(w, "who" | "which" | "that" | "has" | "had"));
        let span = if affiliation { span.cover(self.tokens()[end - 2].span) } else { span };
        if !(parenthetical || affiliation) || self.r.mentions[m].kind == EntityType::Place {
            return None;
        }
        match self.description_before_name(first, open) {
            Some(from) => Some((Some(m), self.tokens()[from].span.cover(span), from)),
            None => Some((Some(m), span, open + 1)),
        }
    }

    /// "The state's campaign chairman, Phil Lovas, said", "Apple's chief executive, Tim Cook,":
    /// the start of a description of at most eight words before the comma at `open` that
    /// opens with a determiner, a role or an owner and holds no verb, relative or "and".
    fn description_before_name(&self, first: usize, open: usize) -> Option<usize> {
        let mut from = (first..open)
            .rev()
            .find(|&k| self.tokens()[k].kind == TokenKind::Punct && self.tokens()[k].span.len() == 1 && !matches!(self.word(k), "." | "-"))
            .map_or(first, |k| k + 1);
        // "And Kelso's attorney general, Pam Bondi,", "but the state's senator, ...": the
        // conjunction joins the clause, the description follows it.
        if from + 1 < open && matches!(self.word(from), "And" | "and" | "But" | "but" | "Yet" | "yet") {
            from += 1;
        }
        // "that" after a preposition is a determiner ("One of the authors of that report").
        let relative = |k: usize| match self.word(k) {
            "that" => k == from || !PREPOSITIONS.contains(&self.word(k - 1)),
            w => matches!(w, "who" | "which" | "and"),
        };
        let description = from < open
            && open - from <= 8
            && (NAME_DESCRIPTION_OPENERS.contains(&self.word(from))
                || self.lex.role(self.word(from)).is_some()
                || from + 1 < open && self.tokens()[from + 1].kind == TokenKind::Possessive)
            && (from..open).all(|k| !FINITE.contains(&self.word(k)) && !AUXILIARIES.contains(&self.word(k)) && !relative(k));
        description.then_some(from)
    }

    /// "Denis Maltsev, a senior researcher at ..., says": the named subject before the comma at
    /// `open`, when it opens its clause, perhaps after an adverb (not "... did not go over well
    /// with Republicans, and the meeting ..., said") and stands outside a quotation.
    fn subject_before_commas(&self, first: usize, open: usize) -> Option<Subject> {
        let inner = self.subject_at(first, open)?;
        let opens = inner.2 == first
            || matches!(self.word(inner.2 - 1), "," | ";" | ":" | "”" | "\"" | "''" | "(" | "—" | "–" | "--" | "-")
            || SUBORDINATE_OPENERS.contains(&self.word(inner.2 - 1).to_lowercase().as_str())
            || matches!(self.word(inner.2 - 1), "that" | "and" | "but")
            // "Meanwhile Mark Oaten, ..., said": an adverb opening the sentence.
            || inner.2 == first + 1 && self.syntax.word_class(self.word(first)).split('|').any(|c| c == "ADV");
        (inner.0.is_some() && !self.in_quote(inner.1) && opens).then_some(inner)
    }

    /// The subject ending at `end`, right before the verb group of the cue at `cue`, outside a
    /// quotation. A noun phrase opening the clause holds the subject found at its end
    /// ("Political observers in Virginia and around the country say", "Edwards and others
    /// said"), when no verb stands among the added words ("They sent a letter to Senate
    /// leaders").
    fn plain_subject(&self, first: usize, cue: usize, end: usize) -> Option<Subject> {
        let found = self.subject_at(first, end).filter(|found| !self.in_quote(found.1))?;
        if let Some(subject) = self.relative_object(first, found) {
            return Some(subject);
        }
        if let Some(subject) = self.modified_subject(first, cue, found).or_else(|| self.knowing_subject(first, found)) {
            return Some(subject);
        }
        if let Some(subject) = self.unclosed_apposition(first, end, found).or_else(|| self.unclosed_affiliation(first, found)) {
            return Some(subject);
        }
        let whole = self.clause_opening_subject(first, cue).filter(|&(_, span)| {
            let start = self.token_at(span.start);
            span.contains(found.1)
                && start < found.2
                && (start..found.2).all(|k| {
                    let w = self.word(k);
                    self.lex.cue(w).is_none()
                        && !(w.starts_with(char::is_lowercase)
                            && (w.ends_with("ed") || matches!(w, "sent" | "made" | "took" | "gave" | "got" | "ran" | "met")))
                })
        });
        match whole {
            Some((m, span)) => {
                let start = self.token_at(span.start);
                Some((found.0.or(m), span, start))
            }
            None => Some(found),
        }
    }

    /// "A statement posted on the website of Kelso Ferries said", "A letter sent to Tom Vance
    /// said": the words `found` before the verb end a participle's phrase or a relative clause
    /// that modifies the subject the parse gives the cue at `cue`; that subject speaks, with its
    /// modifier. Not the agent of the participle ("A survey conducted by PC Pro Magazine said":
    /// its author), nor across a quotation, a subordinator or a finite verb outside a relative
    /// clause (misparses).
    fn modified_subject(&self, first: usize, cue: usize, found: Subject) -> Option<Subject> {
        // The words and tags first: the parse is asked for only where a modifier and a
        // preposition stand a few words before the name, in a short clause opening.
        let modifying = |k: usize| {
            let tag = self.syntax.tag(k);
            tag.ends_with(" VBN") || tag.ends_with(" VBG") || matches!(self.word(k), "that" | "who" | "which")
        };
        if found.2 < first + 3 || found.2 > first + 12 {
            return None;
        }
        let preposition = |k: usize| k > first && PREPOSITIONS.contains(&self.word(k));
        let after_preposition = preposition(found.2 - 1) || self.word(found.2 - 1) == "the" && preposition(found.2 - 2);
        if !after_preposition || !(found.2.saturating_sub(5).max(first + 1)..found.2).any(modifying) {
            return None;
        }
        let subject = *self.syntax.dependents(cue).iter().find(|&&k| self.syntax.label(k).starts_with("nsubj"))?;
        if subject < first || subject + 1 >= found.2 {
            return None;
        }
        // "A survey conducted by PC Pro Magazine said": the agent of a participle wrote it. A
        // quotation or a verb of the main clause between is a misparse.
        let relative = (subject + 1..found.2).find(|&k| matches!(self.word(k), "that" | "who" | "which"));
        let agent = (subject + 1..found.2).any(|k| {
            let tag = self.syntax.tag(k);
            let finite = tag.ends_with(" VBD") || tag.ends_with(" VBZ");
            self.word(k) == "by"
                || self.tokens()[k].kind == TokenKind::Punct && self.word(k) != ","
                || SUBORDINATORS.contains(&self.word(k))
                || finite && relative.is_none_or(|r| k < r)
        }) || found.2 - subject > 12;
        let modifier = !agent && (subject + 1..found.2).any(modifying);
        let (start, end) = self.subtree(first, cue, subject);
        if !modifier || start > subject || end < self.token_at(found.1.end) {
            return None;
        }
        let (source, span, head_start) = self.subject_at(first, subject + 1)?;
        Some((source, span.cover(found.1), head_start))
    }

    /// "Sources close to the talks said", "The person familiar with the plan confirmed": the
    /// words `found` before the verb end a phrase of knowing or closeness that modifies the
    /// subject, which speaks with it.
    fn knowing_subject(&self, first: usize, found: Subject) -> Option<Subject> {
        let article =
            usize::from(found.2 > first && matches!(self.word(found.2 - 1), "the" | "a" | "an" | "his" | "her" | "their" | "its"));
        let preposition =
            found.2.checked_sub(1 + article).filter(|&k| k > first && matches!(self.word(k), "with" | "to" | "about" | "of"))?;
        let adjective = preposition - 1;
        if !matches!(self.word(adjective), "familiar" | "close" | "closest" | "knowledgeable" | "privy") || adjective <= first {
            return None;
        }
        let (source, span, start) = self.subject_at(first, adjective)?;
        Some((source, span.cover(found.1), start))
    }

    /// Whether the words from `first` to the comma at `close` are a phrase of circumstance
    /// opening the sentence: a participle ("Looking further ahead"), a preposition ("In the
    /// meantime") or a subordinator ("As the year ends"), without a comma or a name ("On Tuesday
    /// Mitsubishi, the only ...": the subject is inside).
    fn opens_with_circumstance(&self, first: usize, close: usize) -> bool {
        let opener = self.word(first).to_lowercase();
        let opens =
            opener.len() > 4 && opener.ends_with("ing") || PREPOSITIONS.contains(&opener.as_str()) || self.subordinator_at(first).is_some();
        opens && (first..close).all(|k| self.word(k) != "," && self.mention_starting(k).is_none())
    }

    /// '"It's fragile," Emmanuel Ferry, from Exane BNP Paribas told Reuters': a person's name,
    /// a comma and where they are from ("from", "of", "at" and the body found before the verb),
    /// with no comma to close it: the person speaks, the body is their affiliation.
    fn unclosed_affiliation(&self, first: usize, found: Subject) -> Option<Subject> {
        let start = found.2;
        if found.0.is_none_or(|m| self.r.mentions[m].kind != EntityType::Organization) || start < first + 3 {
            return None;
        }
        // "from Exane BNP Paribas": capitalized words the body's mention left out may stand
        // between the preposition and it.
        let preposition = (first + 2..start).rev().take(3).find(|&k| matches!(self.word(k), "from" | "of" | "at"))?;
        if (preposition + 1..start).any(|k| !self.word(k).starts_with(char::is_uppercase)) || self.word(preposition - 1) != "," {
            return None;
        }
        let m = self.mention_ending(preposition - 2).filter(|&m| self.r.mentions[m].kind == EntityType::Person)?;
        let name_start = self.token_at(self.r.mentions[m].span.start);
        let opens = name_start == first || matches!(self.word(name_start - 1), "\"" | "“" | "”" | "''" | "," | ":");
        opens.then(|| (Some(m), self.tokens()[name_start].span.cover(found.1), name_start))
    }

    /// "Katrina Bull, a parliamentary candidate said", '"...," Mr Prettejohn, Lloyd's chief
    /// executive said': an apposition whose closing comma the writer left out. When the words
    /// `found` before the verb describe a role (an article, an owner or a role word first) and
    /// follow a comma after a person's name that opens the clause (at its start or after a
    /// quotation mark, a title before it), the person is the subject, with the apposition.
    fn unclosed_apposition(&self, first: usize, end: usize, found: Subject) -> Option<Subject> {
        let start = found.2;
        // A described role, not a parenthetical frame's plural ("Mrs. Clinton, analysts said,").
        let owner = start + 1 < end && self.tokens()[start + 1].kind == TokenKind::Possessive;
        let described = matches!(self.word(start), "a" | "an" | "the") || owner || self.lex.role(self.word(start)).is_some();
        if found.0.is_some() || start < first + 2 || self.word(start - 1) != "," || !described {
            return None;
        }
        let m = self.mention_ending(start - 2).filter(|&m| self.r.mentions[m].kind == EntityType::Person)?;
        let mut name_start = self.token_at(self.r.mentions[m].span.start);
        if name_start > first && self.lex.role(self.word(name_start - 1)) == Some(crate::lexicon::RoleClass::Title) {
            name_start -= 1;
        }
        let opens = name_start == first || matches!(self.word(name_start - 1), "\"" | "“" | "”" | "''" | ":");
        opens.then(|| (Some(m), self.tokens()[name_start].span.cover(found.1), name_start))
    }

    /// "A worker who knew the gunman said", "One of the doctors who signed the letter called":
    /// words `found` right before the verb that are the object of a relative clause; the
    /// subject is the noun phrase the clause describes, with the clause.
    fn relative_object(&self, first: usize, found: Subject) -> Option<Subject> {
        let start = found.2;
        // "she" in "The host who also presents the show said she": a subject pronoun opens a
        // clause of its own.
        if matches!(self.word(start).to_lowercase().as_str(), "he" | "she" | "they" | "we" | "i") {
            return None;
        }
        // "who spoke anonymously to discuss internal strategy": the relative pronoun a few words
        // back, not after a verb ("can see who gives"), with no punctuation or conjunction
        // between, a verb after it.
        // 'Mr Galloway, who on Thursday won £150,000 in damages from the Daily Telegraph said':
        // a sum or a share inside, and the comma the writer opened without closing.
        let sum = |k: usize| matches!(self.word(k), "£" | "$" | "€" | "%");
        let who = (start.saturating_sub(14).max(first + 1)..start)
            .rev()
            .take_while(|&k| {
                (self.tokens()[k].kind != TokenKind::Punct || sum(k)) && !matches!(self.word(k), "and" | "but" | "or" | "that")
            })
            .find(|&k| self.word(k) == "who")?;
        let after_verb = matches!(self.syntax.upos(who - 1), "VERB" | "AUX");
        if after_verb || !(who + 1..start).any(|k| self.syntax.upos(k) == "VERB") {
            return None;
        }
        // "Cruz, who says Trump is attacking him": the words found, right after a cue and before
        // an auxiliary, are the subject of a clause the relative clause reports.
        let after = self.token_at(found.1.end);
        if self.lex.cue(self.word(start - 1)).is_some() && after < self.tokens().len() && AUXILIARIES.contains(&self.word(after)) {
            return None;
        }
        let before = if who > first + 1 && self.word(who - 1) == "," { who - 1 } else { who };
        let (source, span, head_start) = match self.subject_at(first, before) {
            Some(subject) => subject,
            // "Another Muslim who worshiped at the Islamic Center said": a noun phrase that names
            // no one the text knows; not the name inside its relative clause.
            None => {
                let start = (first..before).rev().find(|&k| self.tokens()[k].kind == TokenKind::Punct).map_or(first, |k| k + 1);
                if start >= before || before - start > 5 {
                    return None;
                }
                (None, self.span(start, before), start)
            }
        };
        if PREPOSITIONS.contains(&self.word(head_start)) {
            return None;
        }
        Some((source, span.cover(found.1), head_start))
    }

    /// Whether token `k` opens a state's abbreviation after a place and a comma ("Springfield,
    /// Va., said").
    pub(super) fn state_after_place(&self, first: usize, k: usize) -> bool {
        let place = |m: usize| self.r.mentions[m].kind == EntityType::Place;
        let abbreviation = k + 2 < self.tokens().len()
            && self.word(k).starts_with(char::is_uppercase)
            && self.word(k + 1) == "."
            && self.word(k + 2) == ",";
        // "of Tromsø, Norway, said": a country after its town.
        let named = self.mention_starting(k).filter(|&m| place(m)).is_some_and(|m| {
            let end = self.token_at(self.r.mentions[m].span.end);
            end < self.tokens().len() && self.word(end) == ","
        });
        // "from Ava, Mo.,": a state's abbreviation follows a town the gazetteer may not know.
        k > first + 1
            && self.word(k - 1) == ","
            && (abbreviation && self.word(k - 2).starts_with(char::is_uppercase) || named && self.mention_ending(k - 2).is_some_and(place))
    }

    /// The document heading the clause of the cue at token `cue`: a document noun among its first
    /// words ("exit polls conducted by Edison Research", "a USA TODAY analysis", "records"), with
    /// the organization named in it as the source.
    pub(super) fn document_subject(&self, first: usize, cue: usize) -> Option<Subject> {
        let end = self.verb_group_start(first, cue);
        let start = (first..end)
            .rev()
            .find(|&k| matches!(self.word(k), "," | ";" | ":" | "that" | "“" | "\"" | "''" | "”"))
            .map_or(first, |k| k + 1);
        if start >= end || end - start > 16 {
            return None;
        }
        let head = (start..end.min(start + 6)).find(|&k| document_noun(self.word(k)))?;
        if (start..head).any(|k| FINITE.contains(&self.word(k)) || PRONOUNS.contains(&self.word(k))) {
            return None;
        }
        let span = self.span(start, end);
        let source = self.r.mentions_in(span).into_iter().rev().find(|&m| self.r.mentions[m].kind == EntityType::Organization);
        Some((source, span, start))
    }

    /// Whether a subject can hold a view: a named mention (a country acts through its government),
    /// a personal pronoun, or a description headed by a people or organization noun.
    pub(super) fn agentive(&self, source: Option<usize>, span: Span) -> bool {
        // "the United States pledged": a country acts through its government.
        if source.is_some() {
            return true;
        }
        // "Residents of the harbour district": the head comes before "of".
        let phrase = span.of(self.text());
        let phrase = phrase.split(" of ").next().unwrap_or(phrase);
        let head = phrase.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("").to_lowercase();
        // "60 percent of islanders": a share of people polled.
        let share = head == "percent" || head.chars().all(|c| c.is_ascii_digit()) && !head.is_empty();
        matches!(head.as_str(), "he" | "she" | "they" | "we" | "i" | "you" | "who") || share || self.people_noun(&head)
    }

    /// Whether the head noun `head` after an organization's name is one of its people who speaks
    /// for no one but themself ("the Arsenal star", "the Labour candidate"): a lowercase word, no
    /// word of the body's own (`nouns.tsv`: "club", "team"), none who speaks for it
    /// ("spokesman", "chairman", "camp"), no group of its people ("experts", "MPs") and no
    /// document.
    fn names_member(&self, head: &str) -> bool {
        head.chars().all(char::is_lowercase)
            && self.lex.noun_type(head).is_none()
            && !PEOPLE_NOUNS.contains(&head)
            && ![INSIDERS, VOICES, PERSONAL_VOICES].iter().any(|list| list.contains(&head))
            && !message_or_document(head)
    }

    /// Whether a lowercase head noun names people or a body of them ("officials", "the
    /// commentator", "the ministry").
    pub(super) fn people_noun(&self, lower: &str) -> bool {
        PEOPLE_NOUNS.contains(&lower)
            || lower.strip_suffix('s').is_some_and(|one| PEOPLE_NOUNS.contains(&one))
            || self.lex.role(lower).is_some()
            || self.lex.role(lower.trim_end_matches('s')).is_some()
            || self.lex.noun_type(lower) == Some(EntityType::Organization)
    }

    /// A noun phrase running from the start of the sentence (or of a clause after "that", ";" or
    /// a colon) to the cue, with no verb or clause boundary inside: "Experts on North Korea and
    /// nuclear nonproliferation said", "McLenney said". The source is the description's referent
    /// where one is named or implied.
    pub(super) fn clause_opening_subject(&self, first: usize, cue: usize) -> Option<(Option<usize>, Span)> {
        let end = self.verb_group_start(first, cue);
        let boundary = |w: &str| {
            matches!(w, "," | ";" | ":" | "(" | ")" | "“" | "”" | "\"" | "''" | "—" | "–" | "--" | "that" | "which" | "who")
                || is_terminal(w)
        };
        let mut start = end;
        while start > first && !boundary(self.word(start - 1)) {
            start -= 1;
        }
        // '"...," New York City Public Advocate Trish James said.': after a quotation too.
        let after_quote = self.after_quoted_comma(first, start);
        // "Their desire to express ...": no subject ends in "to".
        if start == end
            || self.word(end - 1) == "to"
            || end - start > 16
            || start > first && !matches!(self.word(start - 1), "that" | ";" | ":") && !after_quote
        {
            return None;
        }
        // Subordinators open a clause, so none may stand inside the phrase either.
        let opener = self.word(start).to_lowercase();
        if SUBORDINATORS.contains(&opener.as_str())
            || NOT_PHRASE_OPENERS.contains(&opener.as_str())
            || self.tokens()[start].kind == TokenKind::Punct
        {
            return None;
        }
        // No verb inside: an auxiliary, a common light verb, a lowercase cue that is not a
        // document noun, a past tense the tagger reads ("Haddad posted a video Friday saying";
        // not a participle ending the phrase, "half of those polled said"), a subordinator,
        // "what" ("The gap between what Haddad says") or a pronoun after the first word.
        // The tagger is asked only about words its training data saw as verbs, or never saw.
        let may_be_verb = |w: &str| {
            let class = self.syntax.word_class(w);
            class.is_empty() || class.contains("VERB")
        };
        for k in start..end {
            let w = self.word(k);
            let lower = w.to_lowercase();
            let verb = AUXILIARIES.contains(&lower.as_str())
                || matches!(
                    lower.as_str(),
                    "be" | "been" | "being" | "am" | "get" | "got" | "go" | "went" | "made" | "make" | "take" | "took"
                )
                || k > start
                    && w.starts_with(char::is_lowercase)
                    && self.lex.cue(w).is_some()
                    && !NOMINAL_CUES.contains(&w)
                    // "The former secretary of state": a noun after "of".
                    && self.word(k - 1) != "of"
                || k > start && k + 1 < end && w.starts_with(char::is_lowercase) && may_be_verb(w) && self.syntax.tag(k) == "VERB VBD"
                || (SUBORDINATORS.contains(&lower.as_str()) || lower == "what") && k > start;
            if verb || PRONOUNS.contains(&w) && k > start {
                return None;
            }
        }
        let span = self.span(start, end);
        let inner = self.r.mentions_in(span).into_iter().rev().find(|&m| self.r.mentions[m].kind != EntityType::Place);
        // The whole phrase is one name, or a name with its role: the name is the source; a
        // description with a name inside ("Officials at Homeland Security") names its
        // organization only through a head noun the lexicon knows.
        let head = self.word(end - 1).to_lowercase();
        let source = match inner {
            Some(m) if self.r.mentions[m].span.end == span.end => Some(m),
            Some(_) => self.resolve_description(&head, start, span),
            None => None,
        };
        Some((source, span))
    }

    /// Where the subject ends before token `at`, past its auxiliaries and asides ("The nominee
    /// has been", "Trump, meanwhile, is"), and no further back than `floor`.
    pub(super) fn subject_end(&self, floor: usize, mut at: usize) -> usize {
        while at > floor
            && (AUXILIARIES.contains(&self.word(at - 1)) || matches!(self.word(at - 1), "," | "meanwhile" | "however" | "too" | "now"))
        {
            at -= 1;
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::super::source::tests::{source_of, source_words_of};
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;

    #[test]
    fn a_relative_clause_s_frame_ends_before_the_verb_its_noun_is_subject_of() {
        // Not where the verb after it belongs to what was said ("who warned it could ...").
        let text = "Port row\n\nPeople who backed the plan sounded unsure. Anyone who refuses to be inked will not \
                    receive the ballot. Some who warned the quay could collapse were ignored.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let content = |cue: &str| super::super::source::tests::content_of_cue(&doc, text, cue);
        assert_eq!(content("backed"), "the plan");
        assert_eq!(content("refuses"), "to be inked");
        assert!(content("warned").starts_with("the quay could collapse"), "{}", content("warned"));
    }

    #[test]
    fn a_description_before_a_name_between_commas_is_the_source_s_words() {
        // Also after an opening phrase or a conjunction, with a possessive pronoun, or a
        // determiner "that" after a preposition.
        let text = "Port row\n\nIn a statement to the Gazette, her senior policy adviser, Tom Vance, said the cranes \
                    were old. And Kelso's attorney general, Ana Ruiz, vowed to stop the smugglers. One of the authors \
                    of that report, Jo Brandt, said the fares would fall.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("cranes were old"), Some("her senior policy adviser, Tom Vance"));
        assert_eq!(words("stop the smugglers"), Some("Kelso's attorney general, Ana Ruiz"));
        assert_eq!(words("fares would fall"), Some("One of the authors of that report, Jo Brandt"));
        assert_eq!(source_of(&doc, text, "fares would fall"), Some("Jo Brandt"));
    }

    #[test]
    fn an_aside_between_dashes_after_a_description_stands_where_a_comma_s_would() {
        let text = "Port row\n\nThe quay reopens in May.\n\n\"The quay will need no more money,\" Tom Vance, director of \
                    Kelso Harbour Bank - one of its lenders - said.\n\n\"It is a fair deal,\" Ana Ruiz, an analyst, told \
                    the Gazette.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "need no more money"), Some("Tom Vance"));
        assert_eq!(source_words_of(&doc, text, "need no more money"), Some("Tom Vance, director of Kelso Harbour Bank"));
    }

    #[test]
    fn a_phrase_of_circumstance_opening_the_sentence_is_no_subject_described_after_it() {
        // A phrase that holds the name ("On Tuesday Kelso Ferries, ...") keeps it.
        let text = "Port row\n\nLooking further ahead in the year, the union's chairman Tom Vance, has predicted that \
                    fares will rise. On Tuesday Kelso Ferries, the only firm in the red, confirmed the cuts.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("fares will rise"), Some("the union's chairman Tom Vance"));
        assert_eq!(words("the cuts"), Some("Kelso Ferries, the only firm in the red"));
    }

    #[test]
    fn a_person_whose_affiliation_no_comma_closes_speaks() {
        // And a clause before "and" is no part of the subject after it.
        let text = "Port row\n\n\"It will stay fragile,\" Tom Vance, from Kelso Harbour Bank told Reuters. Fares \
                    fuelled growth in the last quarter of the year and analysts expect that they will rise again.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("stay fragile"), Some("Tom Vance, from Kelso Harbour Bank"));
        assert_eq!(words("rise again"), Some("analysts"));
    }

    #[test]
    fn a_subject_keeps_its_appositions_but_not_its_asides() {
        // An owner opens an apposition ("New Jersey's governor"); a circumstance between commas
        // ("during a visit") describes no one.
        let text = "Port row\n\nTom Vance, Kelso Ferries' managing director, said the quay was safe. Ana Ruiz, \
                    Harbour Watch's chair, said the cranes were old. Ines Carvalho, during a visit to the docks, said \
                    fares would fall. Jo Brandt, in particular, said the ferries were late.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("quay was safe"), Some("Tom Vance, Kelso Ferries' managing director"));
        assert_eq!(words("cranes were old"), Some("Ana Ruiz, Harbour Watch's chair"));
        assert_eq!(words("fares would fall"), Some("Ines Carvalho"));
        assert_eq!(words("ferries were late"), Some("Jo Brandt"));
    }

    #[test]
    fn a_progressive_s_auxiliaries_are_no_part_of_its_subject() {
        let text = "Port row\n\nThe harbour master had been saying the quay was safe. Some dockers have been saying \
                    the cranes were old.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("quay was safe"), Some("The harbour master"));
        assert_eq!(words("cranes were old"), Some("Some dockers"));
    }

    #[test]
    fn those_close_to_or_familiar_with_something_speak_not_the_thing() {
        let text = "Port row\n\nSources close to the talks said the deal was off. The person familiar with the plan \
                    confirmed that the port would close.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("deal was off"), Some("Sources close to the talks"));
        assert_eq!(words("port would close"), Some("The person familiar with the plan"));
    }

    #[test]
    fn a_set_phrase_or_a_comparison_between_commas_is_an_aside() {
        // "for her part", "like many dockers": asides; "for the Greens" says whom she speaks for.
        let text = "Port row\n\nAna Ruiz, for her part, said the quay was safe. Tom Vance, like many dockers, said \
                    the cranes were old. Jo Brandt, for the Greens, said fares would fall.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("quay was safe"), Some("Ana Ruiz"));
        assert_eq!(words("cranes were old"), Some("Tom Vance"));
        assert_eq!(words("fares would fall"), Some("Jo Brandt, for the Greens"));
    }

    #[test]
    fn a_description_holding_a_cue_word_as_a_noun_holds_a_view() {
        // "of state": a noun after "of", not a verb inside the subject.
        let text = "Port row\n\nThe former secretary of state mocked Tom Vance for his debts. Harbour advocates \
                    hailed the new quay.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("his debts"), Some("The former secretary of state"));
        assert_eq!(words("the new quay"), Some("Harbour advocates"));
    }

    #[test]
    fn a_name_ending_a_subject_s_relative_clause_is_not_the_speaker() {
        let text = "Port row\n\nThe harbour's oldest docker, who quit Kelso Ferries, said the plan would fail.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "plan would fail"), None, "{:?}", doc.claims);
    }

    #[test]
    fn a_name_inside_a_relative_clause_is_not_the_speaker() {
        let text = "Port row\n\nAnother docker who worked at Kelso Ferries said the quay was unsafe.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "quay was unsafe"), Some("Another docker who worked at Kelso Ferries"));
        assert_eq!(source_of(&doc, text, "quay was unsafe"), None);
        // A sum inside, the comma left unclosed; but a clause that the relative clause reports
        // has its own subject.
        let text = "Port row\n\nMr Vance, who on Thursday won £150,000 in damages from Kelso Ferries said he would \
                    stand. Ana Ruiz, who says Tom Vance is attacking her, said the polls had tightened.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "he would stand"), Some("Tom Vance"));
        assert_eq!(source_of(&doc, text, "Tom Vance is attacking"), Some("Ana Ruiz"));
        let attacking = doc.claims.iter().find(|c| c.cue.as_ref().is_some_and(|cue| cue.span.of(text) == "attacking"));
        assert_eq!(attacking.and_then(|c| c.source).map(|e| doc.entities[e].name.as_str()), Some("Tom Vance"));
    }

    #[test]
    fn a_phrase_of_time_inside_the_verb_group_is_no_subject() {
        let text = "Port row\n\nKelso Ferries has in the past said the quay was safe. The union has for years \
                    argued that fares were too high. A senior Kelso Harbour Authority official told reporters the \
                    channel would reopen.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "quay was safe"), Some("Kelso Ferries"), "{:?}", doc.claims);
        assert_eq!(source_words_of(&doc, text, "fares were too high"), Some("The union"));
        assert_eq!(source_of(&doc, text, "channel would reopen"), Some("Kelso Harbour Authority"), "an official of a named body");
    }

    #[test]
    fn a_subject_after_a_subordinator_is_not_widened_over_it() {
        let text = "Port shares\n\nShares in Kelso Ferries lost value as investors worried about rebuilding costs.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "rebuilding costs"), Some("investors"), "{:?}", doc.claims);
    }

    #[test]
    fn an_adverb_without_ly_between_subject_and_verb_is_skipped() {
        let text = "Port row\n\nTom Vance meanwhile told reporters the quay was safe.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "quay was safe"), Some("Tom Vance"), "{:?}", doc.claims);
    }
}
