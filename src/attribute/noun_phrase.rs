//! The source a noun phrase names (`subject_at`): a mention, a pronoun, a description or a
//! group of people, within the bounds a caller gives.

use super::*;

impl<'a> Attributor<'a> {
    /// The person named just before "of", "from" or "at" and organization `m` ("Paul Miller of
    /// Thames Valley Police said", "Kirsten Pfeifer from the Consumer Electronics Association"):
    /// the person speaks, not the body they belong to.
    pub(super) fn member_of(&self, m: usize, first: usize) -> Option<usize> {
        let name = self.token_at(self.r.mentions[m].span.start);
        // "Tom Vance of the Harbour Trust", "Ana Ruiz from broadband firm Calder": an article
        // and up to three lowercase words that describe the body may stand between.
        let describes = |k: usize| {
            let w = self.word(k);
            self.tokens()[k].kind == TokenKind::Word
                && w.starts_with(char::is_lowercase)
                && !matches!(w, "of" | "from" | "at" | "and" | "or")
        };
        let start = (name.saturating_sub(3)..name).rev().take_while(|&k| k > first + 1 && describes(k)).last().unwrap_or(name);
        let of = start.checked_sub(1).filter(|&k| k > first && matches!(self.word(k), "of" | "from" | "at"))?;
        let person = self.mention_ending(of - 1)?;
        (self.r.mentions[m].kind == EntityType::Organization && self.r.mentions[person].kind == EntityType::Person).then_some(person)
    }

    /// A subject ending at token `end` (exclusive): a mention with the words that describe it
    /// (`mention_subject`), a pronoun, or a noun phrase with no mention at its end
    /// (`unnamed_subject`).
    pub(super) fn subject_at(&self, first: usize, end: usize) -> Option<Subject> {
        let last = end - 1;
        let word = self.word(last);
        // "The WTO itself has warned": the reflexive adds nothing to the subject.
        if REFLEXIVES.contains(&word) && last > first {
            return self.subject_at(first, last);
        }
        if let Some(m) = self.mention_ending(last) {
            if let Some(preposition) = self.locative_place(first, m) {
                return Some(self.located_subject(first, preposition, end));
            }
            return Some(self.mention_subject(first, m));
        }
        // "Marta Lund QC said": the letters after a name belong to the source's words.
        if last > first && POSTNOMINALS.contains(&word) {
            if let Some(m) = self.mention_ending(last - 1) {
                let (source, span, start) = self.mention_subject(first, m);
                return Some((source, span.cover(self.tokens()[last].span), start));
            }
        }
        // "They've argued", "We’d said": a pronoun with its auxiliary written on.
        let pronoun = ["'ve", "'d", "'ll", "'re", "’ve", "’d", "’ll", "’re"].iter().find_map(|c| word.strip_suffix(c)).unwrap_or(word);
        if PRONOUNS.contains(&pronoun) {
            let span = self.tokens()[last].span;
            return Some((self.resolve_pronoun(&pronoun.to_lowercase(), span.start), span, last));
        }
        self.unnamed_subject(first, end)
    }

    /// Whether mention `m` is a place that only says where the head before it is ("The BBC's
    /// Ana Ruiz in Rome", "doctors in Athens", "Tirunesh Dibaba of Ethiopia"): a place after a
    /// locative preposition (and "the") that follows a word after `first`. Not where the head
    /// speaks for the place ("the government in Cairo", "the people of Iowa"). The
    /// preposition's token.
    pub(super) fn locative_place(&self, first: usize, m: usize) -> Option<usize> {
        if self.r.mentions[m].kind != EntityType::Place {
            return None;
        }
        let name = self.token_at(self.r.mentions[m].span.start);
        let at = if name > first && matches!(self.word(name - 1), "the" | "The") { name - 1 } else { name };
        let preposition = at.checked_sub(1).filter(|&k| k > first && LOCATIVES.contains(&self.word(k)))?;
        let head = preposition - 1;
        let lower = self.word(head).to_lowercase();
        let speaks_for = PLACE_BODIES.contains(&lower.as_str()) || self.word(preposition) == "of" && PEOPLE_NOUNS.contains(&lower.as_str());
        let word = matches!(self.tokens()[head].kind, TokenKind::Word | TokenKind::Possessive);
        (word && !speaks_for).then_some(preposition)
    }

    /// The subject before the locative `preposition` (`locative_place`), its words widened to
    /// `end`; no one, with the words from the head on, when nothing before names a subject.
    fn located_subject(&self, first: usize, preposition: usize, end: usize) -> Subject {
        let to = self.tokens()[end - 1].span;
        match self.subject_at(first, preposition) {
            Some((source, span, start)) => (source, span.cover(to), start),
            None => (None, self.span(preposition - 1, end), preposition - 1),
        }
    }

    /// A subject ending in mention `m`: the words before the name that describe it (a role and
    /// its modifiers, an article), the people who speak for it ("a spokesman for the campaign")
    /// and the subjects coordinated with it ("Mr. Grassley and Mr. Leahy") widen the span; the
    /// mention stays the name (or the member named before "of" an organization).
    fn mention_subject(&self, first: usize, m: usize) -> Subject {
        let span = self.r.mentions[m].span;
        let start = self.role_and_modifiers_start(first, m);
        let start = self.clause_modifiers_start(first, m, start);
        let start = self.organization_article_start(first, m, start);
        let start = self.speaks_for_start(first, m, start);
        let start = self.coordinated_start(first, start);
        let described = self.tokens()[start].span.cover(self.affiliation_after(m).unwrap_or(span));
        (Some(self.member_of(m, first).unwrap_or(m)), described, start)
    }

    /// "Rep. Elijah Cummings of Maryland", "Mike Powell of Dresdner Kleinwort": the place or
    /// organization a person's name goes on with after "of" (recognition names them apart) is
    /// part of the source's words.
    pub(super) fn affiliation_after(&self, m: usize) -> Option<Span> {
        let mention = &self.r.mentions[m];
        let of = self.token_at(mention.span.end);
        if mention.kind != EntityType::Person || of >= self.tokens().len() || self.word(of) != "of" {
            return None;
        }
        let next = self.r.mentions.get(m + 1).filter(|n| n.kind != EntityType::Person)?;
        let at = self.token_at(next.span.start);
        (at == of + 1 || at == of + 2 && self.word(of + 1) == "the").then(|| mention.span.cover(next.span))
    }

    /// The role words before mention `m` and up to three modifiers before a role ("commentator
    /// Ruslan Gorevoy says", "Mr. Obama", "Clinton spokesman Nick Merrill", "longtime Democratic
    /// pollster Pat Caddell"): the role and its modifiers name the source too. A modifier run
    /// stops after an article.
    fn role_and_modifiers_start(&self, first: usize, m: usize) -> usize {
        let name = self.token_at(self.r.mentions[m].span.start);
        let mut start = name;
        while start > first && self.lex.role(self.word(start - 1)).is_some() {
            start -= 1;
        }
        if start < name {
            let mut modifiers = 0;
            while start > first && modifiers < 3 && {
                let w = self.word(start - 1);
                self.tokens()[start - 1].kind == TokenKind::Word
                    && self.lex.cue(w).is_none()
                    && !NOT_ROLE_MODIFIERS.contains(&w.to_lowercase().as_str())
                    && !AUXILIARIES.contains(&w)
            } {
                start -= 1;
                modifiers += 1;
                if matches!(self.word(start).to_lowercase().as_str(), "the" | "a" | "an") {
                    break;
                }
            }
        }
        start
    }

    /// "Republican presidential front-runner Donald Trump", "Massachusetts Secretary of State
    /// William Galvin": modifiers running from the clause's start to `start` name the source
    /// too, when there are at most six, no verb or circumstance stands among them and the
    /// mention is no place.
    fn clause_modifiers_start(&self, first: usize, m: usize, start: usize) -> usize {
        let clause_start = (first..start)
            .rev()
            .find(|&k| self.tokens()[k].kind == TokenKind::Punct && !matches!(self.word(k), "-" | "." | "&"))
            .map_or(first, |k| k + 1);
        let modifiers = (clause_start..start).all(|k| self.clause_modifier(k));
        let opener = self.word(clause_start).to_lowercase();
        let circumstance = CIRCUMSTANCE_OPENERS.contains(&opener.as_str())
            || CIRCUMSTANCE_WORDS.contains(&opener.as_str())
            || MONTHS.contains(&self.word(clause_start))
            || WEEKDAYS.contains(&self.word(clause_start));
        if clause_start < start && start - clause_start <= 6 && modifiers && !circumstance && self.r.mentions[m].kind != EntityType::Place {
            clause_start
        } else {
            start
        }
    }

    /// Whether token `k` may modify a name from the clause's start: a word or possessive that is
    /// no finite verb, auxiliary, pronoun, lowercase cue, adverb or participle, nor a word that
    /// opens a clause or phrase.
    fn clause_modifier(&self, k: usize) -> bool {
        let w = self.word(k);
        let lower = w.to_lowercase();
        matches!(self.tokens()[k].kind, TokenKind::Word | TokenKind::Possessive)
            && !FINITE.contains(&lower.as_str())
            && !AUXILIARIES.contains(&lower.as_str())
            && !PRONOUNS.contains(&w)
            && !(w.starts_with(char::is_lowercase) && (self.lex.cue(w).is_some() || is_adverb(w) || w.ends_with("ed")))
            && !NOT_CLAUSE_MODIFIERS.contains(&lower.as_str())
    }

    /// "The IMF expects": the article belongs to an organization's name.
    fn organization_article_start(&self, first: usize, m: usize, start: usize) -> usize {
        if start > first && matches!(self.word(start - 1), "the" | "The") && self.r.mentions[m].kind == EntityType::Organization {
            start - 1
        } else {
            start
        }
    }

    /// "Officials at the Transit Authority", "a spokesman for the campaign": the people speak
    /// for the organization named after them; "a spokeswoman for Hillary Clinton", "advisers to
    /// Mr. Obama": for a person too; "The city of Phoenix", "the people of Iowa": for a place.
    /// The span then starts at the people noun, role or body with its lowercase modifiers.
    fn speaks_for_start(&self, first: usize, m: usize, start: usize) -> usize {
        let name_start = if start > first && matches!(self.word(start - 1), "the" | "its") { start - 1 } else { start };
        let speaks_for = name_start > first + 1
            && match self.r.mentions[m].kind {
                EntityType::Organization => matches!(self.word(name_start - 1), "at" | "for" | "from" | "with" | "of" | "to" | "in"),
                EntityType::Person => matches!(self.word(name_start - 1), "for" | "to" | "of"),
                EntityType::Place => self.word(name_start - 1) == "of",
            };
        if !speaks_for {
            return start;
        }
        let head = self.word(name_start - 2).to_lowercase();
        let body = matches!(head.as_str(), "city" | "town" | "county" | "state" | "village");
        if !(PEOPLE_NOUNS.contains(&head.as_str()) || self.lex.role(head.trim_end_matches('s')).is_some() || body) {
            return start;
        }
        let mut k = name_start - 2;
        while k > first
            && k + 4 > name_start
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
        k
    }

    /// "Mr. Grassley and Mr. Leahy said", "Developers and supporters in Congress": the words
    /// name every coordinated subject (a mention or a people noun before "and", with its
    /// title); the mention stays the last.
    fn coordinated_start(&self, first: usize, start: usize) -> usize {
        if start >= first + 2 && self.word(start - 1) == "and" {
            let before = start - 2;
            let coordinated = self
                .mention_ending(before)
                .map(|n| self.token_at(self.r.mentions[n].span.start))
                .or_else(|| self.people_noun(&self.word(before).to_lowercase()).then_some(before));
            if let Some(k) = coordinated {
                return if k > first && matches!(self.word(k - 1), "Mr." | "Mrs." | "Ms." | "Dr." | "Sen." | "Rep.") { k - 1 } else { k };
            }
        }
        start
    }

    /// A subject ending at `end` in no mention or pronoun, tried in this order: a quantifier
    /// with its pronoun ("many of whom say"), a share of those polled (`share_subject`), a name
    /// the recognizer missed (`missed_name_subject`), a common noun opening the sentence or a
    /// quantifier standing for people, and a description (`description_subject`).
    fn unnamed_subject(&self, first: usize, end: usize) -> Option<Subject> {
        let last = end - 1;
        let word = self.word(last);
        // "many of whom say", "most of whom had announced": the quantifier with its pronoun.
        if word == "whom" && last >= first + 2 && self.word(last - 1) == "of" {
            return Some((None, self.span(last - 2, end), last - 2));
        }
        if let Some(subject) = self.share_subject(first, end) {
            return Some(subject);
        }
        if let Some(subject) = self.missed_name_subject(first, end) {
            return Some(subject);
        }
        let opening_noun = self.opening_noun(first, last);
        if opening_noun || self.standalone_quantifier(first, last) {
            let span = self.tokens()[last].span;
            // "Police said": a bare organization noun may name the body named before.
            let source = if opening_noun { self.resolve_description(&word.to_lowercase(), last, span) } else { None };
            return Some((source, span, last));
        }
        self.description_subject(first, end)
    }

    /// "Video shows that ...": a common noun opening the sentence.
    fn opening_noun(&self, first: usize, last: usize) -> bool {
        let word = self.word(last);
        last == first
            && word.starts_with(char::is_uppercase)
            && self.lex.is_common(word)
            && !PRONOUNS.contains(&word)
            && !NOT_OPENING_NOUNS.contains(&word.to_lowercase().as_str())
    }

    /// "Some believe ...", "others say": a quantifier standing for people, opening the clause.
    fn standalone_quantifier(&self, first: usize, last: usize) -> bool {
        PEOPLE_QUANTIFIERS.contains(&self.word(last).to_lowercase().as_str())
            && (last == first || matches!(self.word(last - 1), "," | "and" | "but" | "while" | "whereas" | ";" | "then" | "Then"))
    }

    /// "55 percent said", "more than 4 in 10 say", "one in four said", "Those over 60 say", "60
    /// percent of islanders", "half of the respondents": a share of those polled, with the
    /// words that qualify it; not a year after a preposition ("in 2015 said"), nor a bare
    /// preposition.
    fn share_subject(&self, first: usize, end: usize) -> Option<Subject> {
        let last = end - 1;
        let word = self.word(last);
        // "60 percent of islanders", "half of the respondents".
        let of_whom = (last >= first + 2 && self.word(last - 1) == "of" && self.is_share(last - 2)).then(|| last - 2).or_else(|| {
            (last >= first + 3
                && self.word(last - 2) == "of"
                && matches!(self.word(last - 1), "the" | "those" | "all")
                && self.is_share(last - 3))
            .then(|| last - 3)
        });
        let head = of_whom.unwrap_or(last);
        if !((of_whom.is_some() && word.chars().all(char::is_lowercase) || self.is_share(last))
            && !(last > first
                && matches!(self.word(last - 1), "in" | "on" | "at" | "since" | "by")
                && self.tokens()[last].kind == TokenKind::Number
                && self.word(last).len() == 4))
        {
            return None;
        }
        let mut start = head;
        while start > first
            && head - start < 8
            && (self.is_share(start - 1) || SHARE_QUALIFIERS.contains(&self.word(start - 1).to_lowercase().as_str()))
        {
            start -= 1;
        }
        // Not "in 2015 said": a share needs more than a bare year or preposition before it.
        (!matches!(self.word(start), "in" | "of" | "than" | "over" | "under" | "but")).then(|| (None, self.span(start, end), start))
    }

    /// Whether token `k` states a share: a number, "percent", a small number word or a fraction.
    fn is_share(&self, k: usize) -> bool {
        self.tokens()[k].kind == TokenKind::Number || SHARE_WORDS.contains(&self.word(k).to_lowercase().as_str())
    }

    /// "..., The Hill reported.", "Trump Is Unfit, Clinton Says": a short run of capitalized
    /// words set off by a comma is a name the recognizer missed.
    fn missed_name_subject(&self, first: usize, end: usize) -> Option<Subject> {
        let last = end - 1;
        let word = self.word(last);
        if !(word.starts_with(char::is_uppercase) && self.tokens()[last].kind == TokenKind::Word && !PRONOUNS.contains(&word)) {
            return None;
        }
        let mut start = last;
        while start > first && last - start < 4 && {
            let w = self.word(start - 1);
            self.tokens()[start - 1].kind == TokenKind::Word && (w.starts_with(char::is_uppercase) || w == "the")
        } {
            start -= 1;
        }
        let set_off = start > first && matches!(self.word(start - 1), "," | "”" | "\"" | "''");
        (set_off && !self.lex.is_common(self.word(start)) || set_off && matches!(self.word(start), "The" | "the") && start < last)
            .then(|| (None, self.span(start, end), start))
    }

    /// A description ending at `end`: a people noun ("officials", "the commentator", "Russian
    /// forces", "the police") or a determined lowercase noun ("The campaign says", "the ad's
    /// narrator says"), widened over its determiners, adjectives and names, over the people it
    /// is of or acts for ("Residents of the harbour district") and over a coordinated modifier
    /// opening the clause ("Federal and state officials said"). Its referent is resolved where
    /// the text allows.
    fn description_subject(&self, first: usize, end: usize) -> Option<Subject> {
        let last = end - 1;
        // "The organisers of the first grand slam of 2005, which ..., said": a year closing the
        // phrase.
        let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit());
        if last > first + 1 && year(self.word(last)) && matches!(self.word(last - 1), "of" | "in") {
            let (source, span, start) = self.description_subject(first, last - 1)?;
            return Some((source, span.cover(self.tokens()[last].span), start));
        }
        let word = self.word(last);
        let lower = word.to_lowercase();
        let is_noun = self.people_noun(&lower);
        // "Critics, including ..., argued": a sentence may open with the noun.
        if !(is_noun || self.determined_noun(first, last)) || !(word.starts_with(char::is_lowercase) || last == first && is_noun) {
            return None;
        }
        let start = self.description_start(first, last);
        if let Some(start) = self.people_of_start(first, start) {
            return Some((None, self.span(start, end), start));
        }
        // "Federal and state officials said": a coordinated modifier opening the clause.
        let start = if start >= first + 2
            && self.word(start - 1) == "and"
            && self.tokens()[start - 2].kind == TokenKind::Word
            && (start - 2 == first || matches!(self.word(start - 3), "," | ";" | ":" | "”" | "\"" | "''"))
        {
            start - 2
        } else {
            start
        };
        let span = self.span(start, end);
        let source = self.resolve_description(&lower, start, span);
        Some((source, span, start))
    }

    /// "The campaign says", "the ad's narrator says", "several insiders said": a determiner,
    /// possessive or quantifier a few words back, in the same phrase, makes a noun phrase of any
    /// lowercase head noun (not of a preposition: "the things she had come to believe").
    fn determined_noun(&self, first: usize, last: usize) -> bool {
        let word = self.word(last);
        word.chars().all(char::is_alphabetic)
            && !AUXILIARIES.contains(&word)
            && !is_adverb(word)
            && !matches!(word, "that" | "which" | "who" | "this" | "there" | "here" | "it" | "what" | "also" | "not")
            && !PREPOSITIONS.contains(&word)
            && (last.saturating_sub(5).max(first)..last)
                .rev()
                .take_while(|&k| {
                    let w = self.word(k);
                    !NOUN_PHRASE_BREAKS.contains(&w) && self.lex.cue(w).is_none()
                })
                .any(|k| NOUN_DETERMINERS.contains(&self.word(k)) || self.tokens()[k].kind == TokenKind::Possessive)
    }

    /// Where a description ending at `last` starts: up to five determiners, adjectives and
    /// names back, stopping at punctuation, a cue (but "The New York state attorney general":
    /// a cue form after a name or determiner is a noun of the description), a subordinator
    /// ("Although Mrs. Clinton's plan is ...") or an object pronoun ("what multiple lawmakers
    /// called"), and after a determiner.
    fn description_start(&self, first: usize, last: usize) -> usize {
        let mut start = last;
        while start > first && last - start < 5 {
            let w = self.word(start - 1);
            let in_phrase = start >= first + 2
                && (self.word(start - 2).starts_with(char::is_uppercase) || matches!(self.word(start - 2), "the" | "a" | "an" | "and"));
            if matches!(w, "," | "." | ";" | ":" | "“" | "\"" | "''" | "”" | "(" | ")") || self.lex.cue(w).is_some() && !in_phrase {
                break;
            }
            if DESCRIPTION_BREAKS.contains(&w.to_lowercase().as_str()) {
                break;
            }
            start -= 1;
            if DESCRIPTION_DETERMINERS.contains(&w) {
                break;
            }
        }
        start
    }

    /// "Residents of the harbour district", "members of the group", "attorneys for the family":
    /// people of a place or body, or acting for it; the start of the people noun (with its
    /// determiner) before the description starting at `start`, if any.
    fn people_of_start(&self, first: usize, start: usize) -> Option<usize> {
        if !(start >= first + 2
            && matches!(self.word(start - 1), "of" | "for" | "at" | "to" | "from" | "in" | "on")
            && (self.people_noun(&self.word(start - 2).to_lowercase())
                || start >= first + 3
                    && self.word(start - 2).starts_with(char::is_lowercase)
                    && matches!(self.word(start - 3), "a" | "an" | "A" | "An" | "one" | "One")))
        {
            return None;
        }
        let start = start - 2;
        let determined = start > first
            && matches!(self.word(start - 1).to_lowercase().as_str(), "the" | "a" | "some" | "many" | "several" | "two" | "three");
        Some(if determined { start - 1 } else { start })
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;

    /// Each claim's source words with the name of the entity they resolve to ("-" for none).
    fn sources(text: &str) -> Vec<(String, String)> {
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("places.txt", text.to_string()));
        let text = doc.article.source.text.as_str();
        doc.claims
            .iter()
            .filter_map(|c| {
                let words = c.source_span?.of(text).to_string();
                Some((words, c.source.map_or("-".to_string(), |e| doc.entities[e].name.clone())))
            })
            .collect()
    }

    #[test]
    fn a_year_closing_a_description_before_its_relative_clause_stays_in_it() {
        let found =
            sources("Port row\n\nThe organisers of the first regatta of 2005, which begins on 17 January, said the skipper was hurt.\n");
        assert_eq!(found, [("The organisers of the first regatta of 2005, which begins on 17 January".to_string(), "-".to_string())]);
    }

    #[test]
    fn a_pronoun_with_its_auxiliary_written_on_is_a_pronoun() {
        let found = sources("Port row\n\nAna Ruiz runs the dockers' union. She'd said the cranes were old.\n");
        assert_eq!(found, [("She'd".to_string(), "Ana Ruiz".to_string())]);
    }

    #[test]
    fn a_place_after_the_speaker_only_says_where_the_speaker_is() {
        let found = sources(
            "The BBC's Ana Ruiz in Lisbon says the talks have stalled.\n\nDoctors in Porto said the injury was minor.\n\n\
             Officials in Madrid said the border would reopen.\n\nAccording to press reports from Brazil, the deal is off.",
        );
        let of = |words: &str| found.iter().find(|(w, _)| w == words).map(|(_, e)| e.as_str());
        assert_eq!(of("The BBC's Ana Ruiz in Lisbon"), Some("Ana Ruiz"), "{found:?}");
        assert_eq!(of("Doctors in Porto"), Some("-"), "{found:?}");
        assert_eq!(of("press reports from Brazil"), Some("-"), "{found:?}");
        // Officials in a capital speak for its government.
        assert_eq!(of("Officials in Madrid"), Some("Madrid"), "{found:?}");
    }

    #[test]
    fn a_subordinator_or_absolute_with_opens_no_source() {
        let found = sources(
            "The pound rose after Finance Minister Ana Ruiz said the deficit would shrink.\n\nShares in Kestrel fell, \
             with analysts saying the plan was too costly.",
        );
        let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
        assert!(words.contains(&"Finance Minister Ana Ruiz") && words.contains(&"analysts"), "{found:?}");
    }
}
