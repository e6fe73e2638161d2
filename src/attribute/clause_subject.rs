//! The subject of a cue that has none right before it: a participle (", saying ...", "After
//! saying ..., X ...", "in the house saying"), a verb coordinated with an earlier one, a
//! relative clause, a verb that makes its object speak ("led X to declare"), and the sentence's
//! subject they fall back on.

use super::*;

impl Attributor<'_> {
    /// The subject of a cue that has none right before it: a participle after a comma
    /// (", saying ..."), a verb coordinated with an earlier one ("... and said ..."), or a relative
    /// clause ("an architect who said ..."), in the sentence `clause`. `None` when the cue is not
    /// in such a position.
    pub(super) fn clause_subject(&self, clause: &Clause, cue: usize) -> Option<(Option<usize>, Option<Span>)> {
        let first = clause.first;
        let before = self.verb_group_start(first, cue);
        if before == first {
            return None;
        }
        let previous = self.word(before - 1);
        // ", saying ...", "by saying ...", "after saying ...".
        // 'a defense of "New York values," saying ...': the comma may sit inside the marks.
        let comma_in_quote = self.after_quoted_comma(first, before);
        let gerund = self.word(cue).ends_with("ing");
        let participle = gerund
            && (matches!(
                previous,
                "," | "by" | "after" | "before" | "for" | "from" | "while" | "without" | "when" | "despite" | "since" | "upon"
            ) || comma_in_quote
                || before > first && self.thing_before_participle(before, cue));
        let coordinated = matches!(previous, "and" | "but") && before >= first + 2;
        let opening = previous.to_lowercase();
        if before == first + 1 && gerund && (OPENING_PARTICIPLE.contains(&opening.as_str()) || opening == "despite") {
            // "Despite insisting ..., the news ...": a writer may leave the participle dangling;
            // the preposition is never the speaker.
            let main = (opening != "despite").then(|| self.main_clause_subject(clause, cue)).flatten();
            return Some(main.unwrap_or((None, None)));
        }
        if matches!(previous, "who" | "which") {
            let mut end = before - 1;
            if end > first && self.word(end - 1) == "," {
                end -= 1;
            }
            // "Staunton, 49, who told ...": past the age set off after the name.
            if end >= first + 3 && self.tokens()[end - 1].kind == TokenKind::Number && self.word(end - 2) == "," {
                end -= 2;
            }
            // The relative pronoun is the source's words; it stands for the noun before it.
            let who = Some(self.tokens()[before - 1].span);
            let antecedent = (end > first).then(|| self.subject_at(first, end)).flatten().and_then(|(m, _, _)| m);
            return Some((antecedent, who));
        }
        if !participle && !coordinated {
            return None;
        }
        // A participle hangs on the clause the parse attaches it to, when that clause's subject
        // names someone ("the ACLU has sued the city over the rules, saying"); a coordinated
        // verb goes on with the sentence's latest frame ("Dr Gibbons admitted ... but insisted",
        // which the parse may join to a clause in between), else with its parsed subject
        // ("Ines Carvalho was joined on stage by Ana Ruiz and joked"); else the sentence's
        // subject.
        if let Some(found) = participle.then(|| self.named_parsed_subject(clause, cue)).flatten() {
            return Some(found);
        }
        // The latest frame of the sentence; for a participle, not one reported inside another
        // ("Carvalho repeated claims that Strand recites the same points, calling him":
        // Carvalho calls; but "the mayor said businesses welcomed it but warned": the
        // businesses warn).
        let sentence = Span::new(self.tokens()[first].span.start, self.tokens()[cue].span.start);
        let framed: Vec<&Claim> = self
            .claims
            .iter()
            .rev()
            .take_while(|c| c.content.end > sentence.start)
            .filter(|c| c.cue.as_ref().is_some_and(|q| sentence.contains(q.span)))
            .collect();
        let nested = |c: &Claim| {
            participle && framed.iter().any(|o| !std::ptr::eq(*o, c) && o.content.contains(c.cue.as_ref().expect("framed").span))
        };
        // "slammed Mr Vik for suggesting ..., and bragged": the judged one's frame is not the
        // sentence's (`judged_object`).
        let judged = |c: &Claim| {
            let at = self.token_at(c.cue.as_ref().expect("framed").span.start);
            self.judged_object(first, clause.last, at).is_some()
        };
        if let Some(c) = framed.iter().find(|c| c.source_span.is_some() && !nested(c) && !judged(c)) {
            return Some((c.source, c.source_span));
        }
        if let Some(found) = coordinated.then(|| self.named_parsed_subject(clause, cue)).flatten() {
            return Some(found);
        }
        self.sentence_subject(first, before)
    }

    /// "She disliked her week in the village saying ...", "turned up in a wheelchair expecting
    /// ...": a participle right after a thing's noun hangs on the clause, unless the parse makes
    /// it the modifier of a noun that is no cue's object ("waved a sign saying", "an ad asking";
    /// but "attacked the legislation saying ..."); names, pronouns, people, shares, messages and
    /// documents may speak ("analysts predicting", "a statement saying").
    fn thing_before_participle(&self, before: usize, cue: usize) -> bool {
        let k = before.wrapping_sub(1);
        let w = self.word(k);
        before == cue
            && self.syntax.upos(k) == "NOUN"
            && w.starts_with(char::is_lowercase)
            && !self.people_noun(w)
            && !SHARE_WORDS.contains(&w)
            && !message_or_document(w)
            && self.mention_ending(k).is_none()
            && !(self.syntax.label(cue).starts_with("acl") && self.syntax.head(cue) == Some(k) && !self.object_of_cue(k))
    }

    /// Whether the noun at `k` is the object of a cue verb ("attacked the legislation", "backed
    /// the proposals"), whose frame a participle after the noun goes on with; not of one that
    /// names another's words or work ("quotes a newsletter explaining", "continue his work
    /// championing").
    fn object_of_cue(&self, k: usize) -> bool {
        let cue = |verb: usize| self.lex.cue(self.word(verb)).is_some_and(|c| !matches!(c.lemma.as_str(), "quote" | "cite" | "continue"));
        self.syntax.label(k) == "obj" && self.syntax.head(k).is_some_and(cue)
    }

    /// "After saying he was nervous, the man ...", "While declining to go into specifics,
    /// Tamargo insisted": a participle in the phrase that opens the sentence speaks for the
    /// main clause's subject, right after one of the next three commas (the phrase may hold a
    /// relative clause of its own: "After thanking the crowd, which chanted his name, he ...").
    fn main_clause_subject(&self, clause: &Clause, cue: usize) -> Option<(Option<usize>, Option<Span>)> {
        (cue + 1..clause.last).filter(|&k| self.word(k) == "," && !self.in_quote(self.tokens()[k].span)).take(3).find_map(|comma| {
            self.sentence_subject(comma + 1, clause.last)
                .filter(|(_, span)| span.is_some_and(|s| s.start == self.tokens()[comma + 1].span.start))
        })
    }

    /// The subject the parse gives the verb at `cue` (or the clause it hangs on), when it lies
    /// in the sentence `clause` before the verb and names a person or organization.
    fn named_parsed_subject(&self, clause: &Clause, cue: usize) -> Option<(Option<usize>, Option<Span>)> {
        let at = self.tokens()[cue].span.start;
        let named = |m: Option<usize>| m.is_some_and(|m| self.r.mentions[m].kind != EntityType::Place);
        // "In an interview with the Gazette, Vance ..., saying": not a name inside the phrase
        // of circumstance that opens the sentence.
        let phrase_end = self.opening_phrase_comma(clause.first, cue).map(|k| self.tokens()[k].span.start);
        let in_opening = |span: Span| phrase_end.is_some_and(|end| span.end <= end);
        self.parse_source(clause, cue, false)
            .filter(|&(m, span, start)| span.end <= at && start >= clause.first && named(m) && !in_opening(span))
            .map(|(m, span, _)| (m, Some(span)))
    }

    /// The comma that closes a phrase of circumstance opening the clause at `first` ("In an
    /// interview with the Gazette,"), before `before`.
    fn opening_phrase_comma(&self, first: usize, before: usize) -> Option<usize> {
        let opening = CIRCUMSTANCE_OPENERS.contains(&self.word(first).to_lowercase().as_str());
        opening.then(|| (first..before).find(|&k| self.word(k) == ",")).flatten()
    }

    /// "The strike led union leader Ana Ruiz to declare ...", "prompted Jo Brandt to warn": the
    /// object of a verb that makes someone act speaks, by the infinitive of the cue at `cue`.
    pub(super) fn object_control_subject(&self, clause: &Clause, cue: usize) -> Option<(Option<usize>, Option<Span>)> {
        if cue < clause.first + 3 || self.word(cue - 1) != "to" {
            return None;
        }
        let m = self.mention_ending(cue - 2).filter(|&m| self.r.mentions[m].kind != EntityType::Place)?;
        let start = self.token_at(self.r.mentions[m].span.start);
        let modifier = |k: usize| {
            let w = self.word(k);
            self.lex.role(w).is_some() || w.starts_with(char::is_lowercase) && matches!(self.syntax.upos(k), "NOUN" | "ADJ")
        };
        let verb = (start.saturating_sub(4).max(clause.first)..start)
            .rev()
            .take_while(|&k| k + 1 == start || modifier(k + 1))
            .find(|&k| OBJECT_CONTROL.contains(&self.word(k).to_lowercase().as_str()))?;
        (verb + 1..start).all(modifier).then(|| (Some(m), Some(self.r.mentions[m].span)))
    }

    /// The subject opening the sentence from `first` (before the verb group at `before`): a
    /// name or pronoun among its first words, else a description headed by a noun for people.
    fn sentence_subject(&self, first: usize, before: usize) -> Option<(Option<usize>, Option<Span>)> {
        // "Lerwick (AFP) - Union leader Bo Strand has ...": a dateline is no subject.
        let first = (first + 1..before.min(first + 6))
            .rev()
            .find(|&k| matches!(self.word(k), "-" | "–" | "—" | "--") && self.word(k - 1) == ")")
            .map_or(first, |k| k + 1);
        // "In an interview with the Gazette, Vance ...": the subject follows the phrase of
        // circumstance that opens the sentence.
        let first = self.opening_phrase_comma(first, before).map_or(first, |k| k + 1);
        // The subject ends at its verb: "Norvania ousted leader Tomas Berg and has said" is no
        // claim of the man ousted.
        let verb = |k: usize| {
            let w = self.word(k);
            w.starts_with(char::is_lowercase) && (self.lex.cue(w).is_some() || matches!(self.syntax.upos(k), "VERB" | "AUX"))
        };
        let subject_end = (first..before).find(|&k| verb(k)).unwrap_or(before);
        (first..subject_end.min(first + 6))
            .find_map(|k| {
                if let Some(m) = self.mention_starting(k).filter(|&m| self.r.mentions[m].kind != EntityType::Place) {
                    return Some((Some(m), Some(self.r.mentions[m].span)));
                }
                let w = self.word(k);
                PRONOUNS
                    .contains(&w)
                    .then(|| (self.resolve_pronoun(&w.to_lowercase(), self.tokens()[k].span.start), Some(self.tokens()[k].span)))
            })
            .or_else(|| self.people_description(first, subject_end))
    }

    /// "The Florida senator took a heckler in stride, saying ...": a description opening the
    /// sentence at `first`, before `subject_end`, its head a noun for people; "A group of
    /// doctors": the people the collective noun is made of.
    fn people_description(&self, first: usize, subject_end: usize) -> Option<(Option<usize>, Option<Span>)> {
        let head = (first..subject_end.min(first + 6))
            .find(|&k| self.word(k).starts_with(char::is_lowercase) && self.people_noun(self.word(k)))?;
        let mut end = head + 1;
        if end + 1 < subject_end && self.word(end) == "of" {
            let plain = |x: usize| {
                let w = self.word(x);
                self.tokens()[x].kind == TokenKind::Word
                    && !FINITE.contains(&w)
                    && !AUXILIARIES.contains(&w)
                    && !(w.starts_with(char::is_lowercase) && (self.lex.cue(w).is_some() || w.ends_with("ed")))
            };
            end = (end + 1..subject_end).take_while(|&x| plain(x)).last().map_or(end, |x| x + 1);
        }
        let (m, span, start) = self.subject_at(first, end).or_else(|| self.subject_at(first, head + 1))?;
        (start == first).then_some((m, Some(span)))
    }
}

/// Verbs that make their object act ("led X to declare", "prompted X to warn").
pub(super) const OBJECT_CONTROL: &[&str] = &[
    "led",
    "leading",
    "prompted",
    "prompting",
    "forced",
    "forcing",
    "caused",
    "causing",
    "pushed",
    "persuaded",
    "convinced",
    "encouraged",
    "inspired",
    "pressed",
    "pressured",
    "spurred",
    "leads",
    "prompts",
    "forces",
    "causes",
    "pushes",
    "persuades",
    "encourages",
];

/// Words opening a sentence's first phrase around a participle ("After saying ...,").
/// Not "despite", which news writes dangling ("Despite insisting he wants a deal, the newspaper
/// suggested he ...").
const OPENING_PARTICIPLE: [&str; 9] = ["after", "before", "while", "when", "since", "upon", "on", "by", "without"];

#[cfg(test)]
mod tests {
    use super::super::source::tests::{source_of, source_words_of};
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;

    #[test]
    fn a_participle_opening_the_sentence_speaks_for_the_main_clause_s_subject() {
        // The phrase may hold a relative clause of its own, with its comma.
        let text = "Port row\n\nAfter thanking the crowd, which chanted his name, Tom Vance said the quay was safe. \
                    While declining to go into specifics, Ana Ruiz insisted the fees were fair.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "go into specifics"), Some("Ana Ruiz"), "{:?}", doc.claims);
    }

    #[test]
    fn a_preposition_before_a_participle_is_never_its_speaker() {
        // "despite" may open a dangling phrase: its speaker is left unnamed, not "Despite".
        let text = "Port row\n\nDespite insisting the quay was safe, the harbour closed. Tom Vance denied that he \
                    was leaving despite saying the fees would rise.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "quay was safe"), None);
        assert_eq!(source_of(&doc, text, "fees would rise"), Some("Tom Vance"));
    }

    #[test]
    fn a_participle_after_a_thing_s_noun_speaks_for_the_clause_s_subject() {
        // A sign's words are the sign's: the parse makes "saying" its modifier.
        // A cue's object is no such modifier: the one who attacked it speaks.
        let text = "Port row\n\nAna Ruiz left her week on the island saying the ferries were late. Tom Vance \
                    waved a sign saying fares would fall. Jo Brandt attacked the legislation saying the port \
                    would close.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "ferries were late"), Some("Ana Ruiz"));
        assert_eq!(source_words_of(&doc, text, "fares would fall"), Some("a sign"));
        assert_eq!(source_of(&doc, text, "port would close"), Some("Jo Brandt"), "{:?}", doc.claims);
    }

    #[test]
    fn a_name_in_an_opening_phrase_is_not_the_speaker_and_a_made_one_speaks() {
        // "led X to declare": the one led speaks.
        let text = "Port row\n\nIn an interview with the Kelso Gazette, Tom Vance continued to question the fees, \
                    saying they were too high. The strike led union leader Ana Ruiz to declare that the port would \
                    close. The vote prompted Jo Brandt to warn that prices would rise.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "too high"), Some("Tom Vance"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "port would close"), Some("Ana Ruiz"));
        assert_eq!(source_of(&doc, text, "prices would rise"), Some("Jo Brandt"));
    }

    #[test]
    fn a_name_inside_a_participle_s_phrase_is_not_the_speaker() {
        let text = "Port row\n\nA letter sent to Tom Vance said his licence would not be renewed. A survey \
                    conducted by Kelso Ferries said fares would fall.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "licence would not"), Some("A letter sent to Tom Vance"));
        assert_eq!(source_of(&doc, text, "licence would not"), None);
        assert_eq!(source_of(&doc, text, "fares would fall"), Some("Kelso Ferries"));
    }
}
