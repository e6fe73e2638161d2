//! The source a noun phrase names (`subject_at`): a mention, a pronoun, a description or a
//! group of people, within the bounds a caller gives.

use super::*;

impl<'a> Attributor<'a> {
    /// The person named just before "of" and organization `m` ("Paul Miller of Thames Valley
    /// Police said"): the person speaks, not the body they belong to.
    fn member_of(&self, m: usize, first: usize) -> Option<usize> {
        let start = self.tokens().partition_point(|t| t.span.start < self.r.mentions[m].span.start);
        let of = start.checked_sub(1).filter(|&k| k > first && self.word(k) == "of")?;
        let person = self.mention_ending(of - 1)?;
        (self.r.mentions[m].kind == EntityType::Organization && self.r.mentions[person].kind == EntityType::Person).then_some(person)
    }

    /// A subject ending at token `end` (exclusive).
    pub(super) fn subject_at(&self, first: usize, end: usize) -> Option<(Option<usize>, Span, usize)> {
        let last = end - 1;
        let word = self.word(last);
        // "The WTO itself has warned": the reflexive adds nothing to the subject.
        if matches!(word, "itself" | "himself" | "herself" | "themselves") && last > first {
            return self.subject_at(first, last);
        }
        if let Some(m) = self.mention_ending(last) {
            let span = self.r.mentions[m].span;
            let mut start = self.tokens().partition_point(|t| t.span.start < span.start);
            // "commentator Ruslan Gorevoy says": the role belongs to the subject.
            // "commentator Ruslan Gorevoy", "Mr. Obama", "Clinton spokesman Nick Merrill",
            // "longtime Democratic pollster Pat Caddell": the role and its modifiers name the
            // source too.
            while start > first && self.lex.role(self.word(start - 1)).is_some() {
                start -= 1;
            }
            if start < self.tokens().partition_point(|t| t.span.start < span.start) {
                let mut modifiers = 0;
                while start > first && modifiers < 3 && {
                    let w = self.word(start - 1);
                    self.tokens()[start - 1].kind == TokenKind::Word
                        && self.lex.cue(w).is_none()
                        && !matches!(
                            w.to_lowercase().as_str(),
                            "and"
                                | "or"
                                | "but"
                                | "that"
                                | "which"
                                | "who"
                                | "as"
                                | "to"
                                | "of"
                                | "in"
                                | "on"
                                | "at"
                                | "for"
                                | "with"
                                | "by"
                                | "from"
                                | "said"
                                | "says"
                        )
                        && !AUXILIARIES.contains(&w)
                } {
                    start -= 1;
                    modifiers += 1;
                    if matches!(self.word(start).to_lowercase().as_str(), "the" | "a" | "an") {
                        break;
                    }
                }
            }
            // "Republican presidential front-runner Donald Trump", "Massachusetts Secretary of
            // State William Galvin": modifiers running from the clause's start name the source
            // too, when no verb or circumstance stands among them.
            let clause_start = (first..start)
                .rev()
                .find(|&k| self.tokens()[k].kind == TokenKind::Punct && !matches!(self.word(k), "-" | "." | "&"))
                .map_or(first, |k| k + 1);
            let modifiers = (clause_start..start).all(|k| {
                let w = self.word(k);
                let lower = w.to_lowercase();
                matches!(self.tokens()[k].kind, TokenKind::Word | TokenKind::Possessive)
                    && !FINITE.contains(&lower.as_str())
                    && !AUXILIARIES.contains(&lower.as_str())
                    && !PRONOUNS.contains(&w)
                    && !(w.starts_with(char::is_lowercase) && (self.lex.cue(w).is_some() || is_adverb(w) || w.ends_with("ed")))
                    && !matches!(
                        lower.as_str(),
                        "that"
                            | "which"
                            | "who"
                            | "to"
                            | "in"
                            | "on"
                            | "at"
                            | "for"
                            | "with"
                            | "by"
                            | "from"
                            | "as"
                            | "and"
                            | "or"
                            | "but"
                            | "so"
                            | "than"
                            | "if"
                            | "when"
                            | "while"
                            | "because"
                            | "then"
                            | "there"
                            | "it"
                    )
            });
            let opener = self.word(clause_start).to_lowercase();
            let circumstance = CIRCUMSTANCE_OPENERS.contains(&opener.as_str())
                || matches!(
                    opener.as_str(),
                    "last" | "this" | "next" | "today" | "yesterday" | "now" | "even" | "only" | "meanwhile" | "like" | "unlike"
                )
                || MONTHS.contains(&self.word(clause_start))
                || WEEKDAYS.contains(&self.word(clause_start));
            if clause_start < start
                && start - clause_start <= 6
                && modifiers
                && !circumstance
                && self.r.mentions[m].kind != EntityType::Place
            {
                start = clause_start;
            }
            // "The IMF expects": the article belongs to an organization's name.
            if start > first && matches!(self.word(start - 1), "the" | "The") && self.r.mentions[m].kind == EntityType::Organization {
                start -= 1;
            }
            // "Officials at the Transit Authority", "a spokesman for the campaign": the people
            // speak for the organization named after them.
            let name_start = if start > first && matches!(self.word(start - 1), "the" | "its") { start - 1 } else { start };
            // "a spokeswoman for Hillary Clinton", "advisers to Mr. Obama": for a person too.
            let speaks_for = name_start > first + 1
                && match self.r.mentions[m].kind {
                    EntityType::Organization => matches!(self.word(name_start - 1), "at" | "for" | "from" | "with" | "of" | "to" | "in"),
                    EntityType::Person => matches!(self.word(name_start - 1), "for" | "to" | "of"),
                    // "The city of Phoenix", "the people of Iowa".
                    EntityType::Place => self.word(name_start - 1) == "of",
                };
            if speaks_for {
                let start_of_name = name_start;
                let head = self.word(start_of_name - 2).to_lowercase();
                let body = matches!(head.as_str(), "city" | "town" | "county" | "state" | "village");
                if PEOPLE_NOUNS.contains(&head.as_str()) || self.lex.role(head.trim_end_matches('s')).is_some() || body {
                    let mut k = start_of_name - 2;
                    while k > first
                        && k + 4 > start_of_name
                        && self.word(k - 1).starts_with(char::is_lowercase)
                        && self.tokens()[k - 1].kind == TokenKind::Word
                        && self.lex.cue(self.word(k - 1)).is_none()
                        && !AUXILIARIES.contains(&self.word(k - 1))
                        && !matches!(self.word(k - 1), "and" | "but" | "that" | "which" | "who")
                    {
                        k -= 1;
                    }
                    if k > first && matches!(self.word(k - 1), "The" | "A" | "An") {
                        k -= 1;
                    }
                    start = k;
                }
            }
            // "Mr. Grassley and Mr. Leahy said", "Developers and supporters in Congress": the
            // words name every coordinated subject; the mention stays the last.
            if start >= first + 2 && self.word(start - 1) == "and" {
                let before = start - 2;
                let coordinated = self
                    .mention_ending(before)
                    .map(|n| self.tokens().partition_point(|t| t.span.start < self.r.mentions[n].span.start))
                    .or_else(|| self.people_noun(&self.word(before).to_lowercase()).then_some(before));
                if let Some(k) = coordinated {
                    start =
                        if k > first && matches!(self.word(k - 1), "Mr." | "Mrs." | "Ms." | "Dr." | "Sen." | "Rep.") { k - 1 } else { k };
                }
            }
            let described = self.tokens()[start].span.cover(span);
            return Some((Some(self.member_of(m, first).unwrap_or(m)), described, start));
        }
        if PRONOUNS.contains(&word) {
            let span = self.tokens()[last].span;
            return Some((self.resolve_pronoun(&word.to_lowercase(), span.start), span, last));
        }
        let lower = word.to_lowercase();
        // "officials", "the commentator", "Russian forces", "the police".
        let is_noun = self.people_noun(&lower);
        // "The campaign says", "the ad's narrator says": a determiner a few words back makes a
        // noun phrase of any lowercase head noun.
        let determined = word.chars().all(char::is_alphabetic)
            && !AUXILIARIES.contains(&word)
            && !is_adverb(word)
            && !matches!(word, "that" | "which" | "who" | "this" | "there" | "here" | "it" | "what" | "also" | "not")
            // "the things she had come to believe": a preposition heads no noun phrase.
            && !PREPOSITIONS.contains(&word)
            && (last.saturating_sub(5).max(first)..last)
                .rev()
                .take_while(|&k| {
                    let w = self.word(k);
                    !matches!(
                        w,
                        "," | "."
                            | ";"
                            | ":"
                            | "“"
                            | "\""
                            | "''"
                            | "”"
                            | "and"
                            | "but"
                            | "that"
                            | "which"
                            | "who"
                            | "to"
                            | "of"
                            | "in"
                            | "on"
                            | "for"
                            | "with"
                    ) && self.lex.cue(w).is_none()
                })
                .any(|k| {
                    matches!(
                        self.word(k),
                        "the"
                            | "The"
                            | "a"
                            | "A"
                            | "an"
                            | "An"
                            | "its"
                            | "Its"
                            | "his"
                            | "His"
                            | "her"
                            | "Her"
                            | "their"
                            | "Their"
                            | "one"
                            | "One"
                            | "those"
                            | "Those"
                            | "these"
                            | "These"
                            // "several insiders said": a quantifier determines the noun too.
                            | "several"
                            | "Several"
                            | "many"
                            | "Many"
                            | "some"
                            | "Some"
                            | "most"
                            | "Most"
                            | "numerous"
                            | "Numerous"
                    ) || self.tokens()[k].kind == TokenKind::Possessive
                });
        // "Video shows that ...": a common noun opening the sentence.
        let opening_noun = last == first
            && word.starts_with(char::is_uppercase)
            && self.lex.is_common(word)
            && !PRONOUNS.contains(&word)
            && !matches!(
                word.to_lowercase().as_str(),
                "that"
                    | "this"
                    | "there"
                    | "here"
                    | "it"
                    | "what"
                    | "but"
                    | "and"
                    | "so"
                    | "then"
                    | "now"
                    | "still"
                    | "yet"
                    | "also"
                    | "when"
                    | "while"
                    | "if"
                    | "as"
                    | "although"
                    | "though"
                    | "because"
                    | "since"
                    | "after"
                    | "before"
                    | "once"
                    | "unless"
                    | "where"
                    | "who"
                    | "how"
                    | "why"
                    | "whether"
                    | "until"
                    | "however"
                    | "instead"
                    | "meanwhile"
                    | "later"
                    | "earlier"
            );
        // "Some believe ...", "others say": a quantifier standing for people.
        let quantifier = matches!(
            word.to_lowercase().as_str(),
            "some" | "many" | "others" | "most" | "few" | "several" | "all" | "someone" | "everyone" | "nobody" | "everybody" | "somebody"
        ) && (last == first
            || matches!(self.word(last - 1), "," | "and" | "but" | "while" | "whereas" | ";" | "then" | "Then"));
        // "many of whom say", "most of whom had announced": the quantifier with its pronoun.
        if word == "whom" && last >= first + 2 && self.word(last - 1) == "of" {
            return Some((None, self.span(last - 2, end), last - 2));
        }
        // "55 percent said", "more than 4 in 10 say", "one in four said", "Those over 60 say": a
        // share of those polled.
        let share = |k: usize| {
            self.tokens()[k].kind == TokenKind::Number
                || matches!(
                    self.word(k).to_lowercase().as_str(),
                    "percent"
                        | "%"
                        | "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "half"
                        | "third"
                        | "thirds"
                        | "quarter"
                        | "quarters"
                        | "majority"
                )
        };
        // "60 percent of islanders", "half of the respondents".
        let of_whom = (last >= first + 2 && self.word(last - 1) == "of" && share(last - 2)).then(|| last - 2).or_else(|| {
            (last >= first + 3 && self.word(last - 2) == "of" && matches!(self.word(last - 1), "the" | "those" | "all") && share(last - 3))
                .then(|| last - 3)
        });
        let head = of_whom.unwrap_or(last);
        if (of_whom.is_some() && word.chars().all(char::is_lowercase) || share(last))
            && !(last > first
                && matches!(self.word(last - 1), "in" | "on" | "at" | "since" | "by")
                && self.tokens()[last].kind == TokenKind::Number
                && self.word(last).len() == 4)
        {
            let mut start = head;
            while start > first
                && head - start < 8
                && (share(start - 1)
                    || matches!(
                        self.word(start - 1).to_lowercase().as_str(),
                        "in" | "of"
                            | "than"
                            | "more"
                            | "less"
                            | "fewer"
                            | "about"
                            | "nearly"
                            | "almost"
                            | "just"
                            | "only"
                            | "over"
                            | "under"
                            | "some"
                            | "roughly"
                            | "around"
                            | "all"
                            | "but"
                            | "a"
                            | "the"
                            | "those"
                    ))
            {
                start -= 1;
            }
            // Not "in 2015 said": a share needs more than a bare year or preposition before it.
            if !matches!(self.word(start), "in" | "of" | "than" | "over" | "under" | "but") {
                return Some((None, self.span(start, end), start));
            }
        }
        // "..., The Hill reported.", "Trump Is Unfit, Clinton Says": a short run of capitalized
        // words set off by a comma is a name the recognizer missed.
        if word.starts_with(char::is_uppercase) && self.tokens()[last].kind == TokenKind::Word && !PRONOUNS.contains(&word) {
            let mut start = last;
            while start > first && last - start < 4 && {
                let w = self.word(start - 1);
                self.tokens()[start - 1].kind == TokenKind::Word && (w.starts_with(char::is_uppercase) || w == "the")
            } {
                start -= 1;
            }
            let set_off = start > first && matches!(self.word(start - 1), "," | "”" | "\"" | "''");
            if set_off && !self.lex.is_common(self.word(start)) || set_off && matches!(self.word(start), "The" | "the") && start < last {
                return Some((None, self.span(start, end), start));
            }
        }
        if opening_noun || quantifier {
            let span = self.tokens()[last].span;
            // "Police said": a bare organization noun may name the body named before.
            let source = if opening_noun { self.resolve_description(&word.to_lowercase(), last, span) } else { None };
            return Some((source, span, last));
        }
        // "Critics, including ..., argued": a sentence may open with the noun.
        if !(is_noun || determined) || !(word.starts_with(char::is_lowercase) || last == first && is_noun) {
            return None;
        }
        // Walk left over the description: determiners, adjectives, names.
        let mut start = last;
        while start > first && last - start < 5 {
            let w = self.word(start - 1);
            // "The New York state attorney general": a cue form after a name or determiner is a
            // noun of the description.
            let in_phrase = start >= first + 2
                && (self.word(start - 2).starts_with(char::is_uppercase) || matches!(self.word(start - 2), "the" | "a" | "an" | "and"));
            if matches!(w, "," | "." | ";" | ":" | "“" | "\"" | "''" | "”" | "(" | ")") || self.lex.cue(w).is_some() && !in_phrase {
                break;
            }
            // "Although Mrs. Clinton's plan is ...": a subordinator opening the sentence too;
            // "what multiple lawmakers called": the object pronoun.
            if matches!(
                w.to_lowercase().as_str(),
                "what"
                    | "and"
                    | "but"
                    | "that"
                    | "which"
                    | "who"
                    | "because"
                    | "as"
                    | "while"
                    | "when"
                    | "if"
                    | "so"
                    | "than"
                    | "though"
                    | "although"
                    | "whereas"
                    | "since"
                    | "after"
                    | "before"
                    | "until"
                    | "unless"
                    | "whether"
                    | "where"
                    | "or"
            ) {
                break;
            }
            start -= 1;
            if matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "one"
                    | "some"
                    | "many"
                    | "several"
                    | "two"
                    | "three"
                    | "other"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "this"
                    | "those"
                    | "these"
                    | "Those"
                    | "These"
            ) {
                break;
            }
        }
        // "Residents of the harbour district", "members of the group", "attorneys for the
        // family": people of a place or body, or acting for it.
        if start >= first + 2
            && matches!(self.word(start - 1), "of" | "for" | "at" | "to" | "from" | "in" | "on")
            && (self.people_noun(&self.word(start - 2).to_lowercase())
                || start >= first + 3
                    && self.word(start - 2).starts_with(char::is_lowercase)
                    && matches!(self.word(start - 3), "a" | "an" | "A" | "An" | "one" | "One"))
        {
            start -= 2;
            if start > first
                && matches!(self.word(start - 1).to_lowercase().as_str(), "the" | "a" | "some" | "many" | "several" | "two" | "three")
            {
                start -= 1;
            }
            return Some((None, self.span(start, end), start));
        }
        // "Federal and state officials said": a coordinated modifier opening the clause.
        if start >= first + 2
            && self.word(start - 1) == "and"
            && self.tokens()[start - 2].kind == TokenKind::Word
            && (start - 2 == first || matches!(self.word(start - 3), "," | ";" | ":" | "”" | "\"" | "''"))
        {
            start -= 2;
        }
        let span = self.span(start, end);
        let source = self.resolve_description(&lower, start, span);
        Some((source, span, start))
    }
}
