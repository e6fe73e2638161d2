//! One sentence's frames: each cue the lexicon knows, checked in place, with its source and its
//! content; passives and hedges are in `passive`.

use super::inverted::invertible;
use super::*;

/// The sentence a frame is looked for in: its tokens, where contents end (before the final
/// period), and whether it is a headline (capitalized verbs).
#[derive(Clone, Copy)]
pub(super) struct Clause {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) content_end: usize,
    pub(super) headline: bool,
}

/// How many of the latest claims a frame's cut of earlier contents looks at (`end_contents_at`).
const LATEST: usize = 256;

impl<'a> Attributor<'a> {
    /// The claims framed in sentence `index`: a question opening it (`asked_question`), a poll
    /// opening it (`in_document`), then at each token "according to" (`according_frame`), a
    /// hedge (`hedge_frame`), a verb cue (`verb_cue`, `verb_frame`) or a nominal cue
    /// (`nominal_frame`).
    pub(super) fn sentence(&mut self, index: usize, quotes: &[Quote]) {
        let clause = self.clause_of(index);
        let Clause { first, last, content_end, .. } = clause;
        self.asked_question(first, last);
        self.in_document(first, last, content_end, quotes);
        let mut t = first;
        while t < last {
            if let Some(next) = self.according_frame(&clause, quotes, t) {
                t = next;
                continue;
            }
            let in_quote = self.in_quote(self.tokens()[t].span);
            if !in_quote && t > first && t + 1 < content_end && self.hedge_frame(&clause, quotes, t) {
                t += 1;
                continue;
            }
            let cue = if in_quote { None } else { self.verb_cue(&clause, t) };
            if let Some(cue) = cue {
                if self.verb_frame(&clause, quotes, t, cue) {
                    t += 1;
                    continue;
                }
            }
            self.nominal_frame(&clause, quotes, t);
            t += 1;
        }
    }

    /// Sentence `index` as a `Clause`: its last token is usually its period, and content stops
    /// before it; it is a headline when eight in ten of its longer words are capitalized.
    pub(super) fn clause_of(&self, index: usize) -> Clause {
        let sentence = self.r.segmented.sentences[index].clone();
        let (first, last) = (sentence.tokens.start, sentence.tokens.end);
        let content_end = (first..last)
            .rev()
            .find(|&t| !(matches!(self.word(t), "”" | "\"" | "''") || is_terminal(self.word(t))))
            .map_or(last, |t| t + 1);
        let (words, capitalized) = (first..last)
            .map(|k| self.word(k))
            .filter(|w| w.chars().all(char::is_alphabetic) && w.len() > 3)
            .fold((0, 0), |(n, c), w| (n + 1, c + usize::from(w.starts_with(char::is_uppercase))));
        let headline = words >= 3 && capitalized * 10 >= words * 8;
        Clause { first, last, content_end, headline }
    }

    /// "Asked about the plan, Smith said ...", "Asked why he trailed, ...": the question is an
    /// attribution whose asker the text leaves unnamed. "Asked by Matt Lauer whether she had
    /// practiced", "Asked in Iowa recently whether he would": the question word may come after
    /// the asker and circumstance.
    fn asked_question(&mut self, first: usize, last: usize) {
        if self.word(first) != "Asked" {
            return;
        }
        let comma = (first + 1..last).find(|&k| self.word(k) == ",");
        let opens = comma.and_then(|c| (first + 1..c.min(first + 9)).find(|&k| QUESTION_OPENERS.contains(&self.word(k))));
        if let (Some(comma), Some(q)) = (comma, opens) {
            if q + 1 < comma {
                let cue = Cue { span: self.tokens()[first].span, lemma: "ask".into(), class: "ask".into() };
                let from = if self.word(q) == "about" { q + 1 } else { q };
                self.push(self.span(from, comma), Some(cue), None, None, false);
            }
        }
    }

    /// The lexicon's verb cue at token `t` (outside a quotation), when it is a verb here: not a
    /// noun left to the nominal cues ("the NDU estimate of 4,000", "think tank"), lowercase
    /// (headlines capitalize their verbs: "Obama Says Museum Will Tell ..."), not governed by
    /// another cue ("want to know", "refused to comment": the first verb is the cue, the
    /// second its content), not an adjective after a linking verb ("the findings looked
    /// promising"), and fitting its context (`cue_fits`).
    fn verb_cue(&self, clause: &Clause, t: usize) -> Option<&'a crate::lexicon::Cue> {
        let Clause { first, last, headline, .. } = *clause;
        let word = self.word(t);
        let noun_use =
            NOMINAL_CUES.contains(&word) && t + 1 < last && (self.word(t + 1) == "of" || self.lex.cue(self.word(t + 1)).is_some())
                || word == "think" && t + 1 < last && matches!(self.word(t + 1), "tank" | "tanks");
        let cased = word.starts_with(char::is_lowercase) || headline && t > first;
        let governed = t >= first + 2 && self.word(t - 1) == "to" && self.lex.cue(self.word(t - 2)).is_some() || self.urged_to(first, t);
        let adjective = word.ends_with("ing") && t > first && LINKING_VERBS.contains(&self.word(t - 1));
        // "used for comparing data", "jailed for favouring Boeing": a judgment's, intention's or
        // estimate's gerund after "in" or "for" names an activity, not a view someone holds
        // (speech stays: "criticised for insisting the detentions would continue"), unless the
        // parse gives it a clause.
        let gerund = |c: &crate::lexicon::Cue| {
            word.ends_with("ing")
                && t > first
                && matches!(self.word(t - 1), "in" | "for")
                && matches!(c.class.as_str(), "judge" | "intend" | "estimate" | "document")
                && !self.syntax.dependents(t).iter().any(|&k| matches!(self.syntax.label(k), "ccomp" | "parataxis"))
        };
        self.lex.cue(word).filter(|c| {
            cased
                && !noun_use
                && !governed
                && !adjective
                && !gerund(c)
                && !self.ends_opening_participle(first, t)
                && self.cue_fits(c, first, t, last)
                && !self.read_as_noun(clause, t, &c.lemma)
        })
    }

    /// Whether the word at `t` closes, before its comma, a participle phrase that opens the clause
    /// at `first` ("Interviewed on BBC Radio 2's Jeremy Vine show, Mr Howard said"): the phrase
    /// is circumstance, and its last word frames nothing.
    fn ends_opening_participle(&self, first: usize, t: usize) -> bool {
        let opener = self.word(first);
        // Such a phrase is short: a bound keeps a sentence of thousands of "Asked, said," linear.
        t > first + 1
            && t <= first + 16
            && t + 1 < self.tokens().len()
            && self.word(t + 1) == ","
            && (opener.ends_with("ing") || opener.ends_with("ed"))
            && self.syntax.upos(first) == "VERB"
            && (first + 1..t)
                .all(|k| !matches!(self.word(k), "," | ";" | ":" | "(" | ")" | "“" | "”" | "\"" | "''" | "--" | "-" | "–" | "—"))
    }

    /// Whether the tagger reads the cue form at token `t` as a noun, and nothing around it says
    /// otherwise: "a greater say in", "without trial or charge", unless a clause follows, as
    /// after a verb ("polling shows that", "The PAC plans to"), a name precedes it ("Nestle
    /// forecasts growth", "FAO warns on subsidies"; not after a possessive: "Radio 2's Jeremy
    /// Vine show", nor before a finite verb where the form can be a noun: "Inbev brands include")
    /// or it is inverted after a comma or quotation
    /// ('..., warns network firm Sandvine'); or an article and an adjective stand before it ("a
    /// personal appeal to"; not "The 27-year-old said", whose adjective is the subject).
    /// Headlines are left alone: their capitals mislead the tagger.
    fn read_as_noun(&self, clause: &Clause, t: usize, lemma: &str) -> bool {
        let Clause { first, last, headline, .. } = *clause;
        let word = self.word(t);
        // The cheap tests first: the tagger is asked only where the words around leave a doubt
        // (a past form after its subject, "the official said", is a verb).
        if headline || word.ends_with("ed") || PAST_CUE_FORMS.contains(&word) || t > first && PRONOUNS.contains(&self.word(t - 1)) {
            return false;
        }
        let clause_after = t + 1 < last && matches!(self.word(t + 1), "to" | "that" | ":" | "“" | "\"" | "''");
        // A name after a possessive is a noun's modifier, not its subject ("BBC Radio 2's Jeremy
        // Vine show"; "the UNECE forecasts" is a subject and its verb).
        let possessed = |m: usize| {
            let at = self.token_at(self.r.mentions[m].span.start);
            at > first && self.tokens()[at - 1].kind == TokenKind::Possessive
        };
        // "Nestle forecasts growth" is a name and its verb; "the Lacroix label comes as", "Inbev
        // brands include" a name and its noun, whose own verb follows. A form the training data
        // saw only as a verb (or, unseen, whose lemma it saw only as one) stays a verb ("Howard
        // denies split"), and so does one before a modal, which is as often a relative clause's
        // ("a base that Beck fears will be used").
        let finite_after = || {
            let noun_form = || {
                let class = Some(self.syntax.word_class(word)).filter(|c| !c.is_empty()).unwrap_or_else(|| self.syntax.word_class(lemma));
                class.is_empty() || class.split('|').any(|c| c == "NOUN")
            };
            t + 1 < last && matches!(self.syntax.tag(t + 1).split(' ').nth(1), Some("VBZ" | "VBP" | "VBD")) && noun_form()
        };
        let named_before = t > first && self.mention_ending(t - 1).is_some_and(|m| !possessed(m)) && !finite_after();
        let verb_place = clause_after || named_before || self.after_clause(first, t);
        let tagged_noun = !verb_place && matches!(self.syntax.upos(t), "NOUN" | "ADJ" | "PROPN") && !self.subject_then_verb(t);
        let modified = t >= first + 2 && matches!(self.word(t - 2).to_lowercase().as_str(), "a" | "an") && self.syntax.upos(t - 1) == "ADJ";
        tagged_noun || modified
    }

    /// Whether a comma or closing quotation mark stands right before token `t` (after the
    /// clause's first token `first`): where a verb is inverted after what it reports.
    fn after_clause(&self, first: usize, t: usize) -> bool {
        t > first && matches!(self.word(t - 1), "," | "”" | "\"" | "''")
    }

    /// Whether a quotation that closes after its comma ends right before token `t` (and after
    /// token `first`): '"...," said', 'a "gamble," said', 'of "New York values," saying'.
    pub(super) fn after_quoted_comma(&self, first: usize, t: usize) -> bool {
        t >= first + 2 && matches!(self.word(t - 1), "”" | "\"" | "''") && self.word(t - 2) == ","
    }

    /// Whether the word at `t`, which the tagger read as a noun, may still be a verb after its
    /// subject: a noun or pronoun before it, and a word the training data also saw as a verb
    /// ("The pair claim they are", "Critics of the plan claim"; not "the rowing champion").
    fn subject_then_verb(&self, t: usize) -> bool {
        t > 0
            && matches!(self.syntax.upos(t - 1), "NOUN" | "PRON" | "PROPN")
            && self.syntax.word_class(self.word(t)).split('|').any(|c| c == "VERB")
    }

    /// A verb cue at token `t` of the sentence from `first` to `last`: its frame, passive,
    /// with its subject, its document, an inversion or none. Whether the token is done with
    /// (else a nominal cue may still start there). The readings are tried in order: passive
    /// (`passive_aux`, `passive_frame`); a subject elsewhere in a joined clause
    /// (`joined_frame`); the subject before the verb (`subject_before`), which a judgment or
    /// intention needs to be able to hold a view (`agentive`), giving way to a document
    /// (`document_frame`), else read by `subject_reading`; a noun phrase opening the
    /// clause (`opening_subject_frame`); a parsed subject closing its apposition; an inversion
    /// or no speaker named (`unnamed_frame`).
    fn verb_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, entry: &crate::lexicon::Cue) -> bool {
        let Clause { first, .. } = *clause;
        let cue = Cue { span: self.tokens()[t].span, lemma: entry.lemma.clone(), class: entry.class.clone() };
        if self.reduced_participle_frame(clause, quotes, t, &cue) || self.asked_by_frame(clause, quotes, t, &cue) {
            return true;
        }
        if let Some(aux) = self.passive_aux(first, t) {
            self.passive_frame(clause, quotes, t, aux, cue);
            return true;
        }
        if self.headline_names_speaker_last(clause, t) {
            self.inverted_frame(clause, quotes, t, &cue);
            return true;
        }
        if invertible(&cue) && self.parenthetical_frame(clause, quotes, t, &cue) {
            return true;
        }
        // "He had then changed his mind ..., writes Mr Kestrel.": a person named after a verb that
        // follows a comma and a finite clause speaks, whatever the parse joins the verb to; so
        // does a short description closing the sentence ("..., claims his agent.").
        if self.names_inverted_speaker(clause, t, &cue) && self.finite_before(first, t - 1) || self.closes_with_speaker(clause, t, &cue) {
            let claims_before = self.claims.len();
            self.inverted_frame(clause, quotes, t, &cue);
            if self.claims.len() > claims_before {
                return true;
            }
        }
        if let Some((source, source_span)) = self.object_control_subject(clause, t) {
            self.joined_frame(clause, quotes, t, cue, source, source_span);
            return true;
        }
        // Judgments and intentions are attributions only when someone holds them.
        let needs_agent = matches!(cue.class.as_str(), "judge" | "intend");
        let clause_subject =
            self.clause_subject(clause, t).filter(|(m, span)| !needs_agent || span.is_none_or(|span| self.agentive(*m, span)));
        if let Some((source, source_span)) = clause_subject {
            self.joined_frame(clause, quotes, t, cue, source, source_span);
            return true;
        }
        let before = self.subject_before(first, t);
        if before.is_some_and(|(_, span, _)| ends_in_conjunction(span.of(self.text()))) {
            self.joined_verb_frame(clause, quotes, t, cue);
            return true;
        }
        let subject = before.map(|found| self.widened_subject(clause, t, found)).map(|found| self.sender(clause, t, found));
        if needs_agent && subject.is_some_and(|(m, span, _)| !self.agentive(m, span)) {
            return true;
        }
        // A subject that names no document ("the sites" in "Surveys of voters taken as they
        // entered the sites showed") gives way to the document.
        let names_document = |span: Span| span.of(self.text()).split(|c: char| !c.is_alphanumeric()).any(document_noun);
        if cue.class == "document" && subject.is_none_or(|(_, span, _)| !names_document(span)) {
            if let Some(found) = self.document_subject(first, t) {
                self.document_frame(clause, quotes, t, cue, found);
                return true;
            }
        }
        if let Some(found) = subject {
            self.subject_reading(clause, quotes, t, cue, found);
            return true;
        }
        if let Some((source, source_span)) =
            self.clause_opening_subject(first, t).filter(|(m, span)| !needs_agent || self.agentive(*m, *span))
        {
            self.opening_subject_frame(clause, quotes, t, cue, source, source_span);
            return true;
        }
        if let Some(subject) = self.subject_across_comma(clause, t) {
            self.subject_frame(clause, quotes, t, cue, subject);
            return true;
        }
        self.unnamed_frame(clause, quotes, t, entry, cue);
        false
    }

    /// A verb at `t` whose words before end in "and" ("congratulated Mr Vance on his victory and
    /// stressed"): those words are the object of a verb it is joined to, whose subject the parse
    /// gives; else the verb reports nothing.
    fn joined_verb_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: Cue) {
        let at = self.tokens()[t].span;
        if let Some(subject) = self.parse_source(clause, t, false).filter(|&(_, span, _)| span.end <= at.start) {
            self.subject_frame(clause, quotes, t, cue, subject);
        }
    }

    /// "Another union ally, Transport Secretary Ana Ruiz, told ...": the subject the parse gives
    /// a verb at `t` after a comma, when that comma closes the subject's apposition and the
    /// subject names someone ("Bridge 'safe', says mayor" is an inversion), or when a participle
    /// stands between them ("The mayor, speaking after the vote, said": the words up to the
    /// participle's comma).
    fn subject_across_comma(&self, clause: &Clause, t: usize) -> Option<Subject> {
        // The cheap tests first: the parse is asked for only where a comma stands before the verb.
        if clause.headline || t <= clause.first || self.word(t - 1) != "," {
            return None;
        }
        let before_aside = |(m, span, start): Subject| {
            // The comma inside the words, or right after them (`parse_source` cut them there).
            let end = self.token_at(span.end);
            let comma = (start + 1..=end).take_while(|&k| k + 1 < self.tokens().len()).find(|&k| self.word(k) == ",")?;
            let w = self.word(comma + 1);
            let participle = w.ends_with("ing") && !matches!(w, "including" | "excluding") && self.syntax.upos(comma + 1) == "VERB";
            participle.then(|| (m, self.span(start, comma), start))
        };
        let at = self.tokens()[t].span;
        self.parse_source(clause, t, false)
            .and_then(|subject| if subject.0.is_some() { Some(subject) } else { before_aside(subject) })
            .filter(|&(_, span, _)| span.end <= at.start)
    }

    /// A verb cue at `t` with `subject` before it: read as "what" (`what_frame`), a comparison
    /// (`compares`, no claim), a comment (`comment_frame`), an inversion after a clause
    /// (`names_inverted_speaker`: "He lacks support in Congress, whom he has alienated, said
    /// Larry Sabato"), or else a plain subject (`subject_frame`).
    fn subject_reading(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: Cue, subject: Subject) {
        let first = clause.first;
        let start = subject.2;
        if start > first && self.word(start - 1).eq_ignore_ascii_case("what") {
            self.what_frame(clause, quotes, t, cue, subject);
            return;
        }
        if self.compares(first, start) {
            return;
        }
        if self.comments_on(clause, t, start) {
            self.comment_frame(clause, quotes, t, cue, subject);
            return;
        }
        // After a clause (a finite verb before the words found as the subject), a person named
        // right after a verb that follows a comma is the speaker.
        if self.names_inverted_speaker(clause, t, &cue) && self.finite_before(first, start) || self.closes_with_speaker(clause, t, &cue) {
            let claims_before = self.claims.len();
            self.inverted_frame(clause, quotes, t, &cue);
            if self.claims.len() > claims_before {
                return;
            }
        }
        self.subject_frame(clause, quotes, t, cue, subject);
    }

    /// Whether a finite verb stands between tokens `first` and `end` (the tagger's past or
    /// present tense, or a modal).
    pub(super) fn finite_before(&self, first: usize, end: usize) -> bool {
        (first..end).any(|k| {
            let tag = self.syntax.tag(k);
            tag.ends_with(" VBD") || tag.ends_with(" VBZ") || tag.ends_with(" VBP") || tag.ends_with(" MD")
        })
    }

    /// ", saying ...", "and said ...": the subject is elsewhere (`clause_subject`), and an
    /// earlier frame's content ends before this one's connector. A relative clause ("a source
    /// who told him ...") stays inside the content that holds its noun.
    fn joined_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: Cue, source: Option<usize>, source_span: Option<Span>) {
        let Clause { first, content_end, .. } = *clause;
        // "..., speaking on behalf of the directors", "..., writing in the Gazette": a participle
        // of speaking after a comma, then where or for whom, reports nothing.
        let circumstance = t + 1 < content_end
            && matches!(cue.lemma.as_str(), "speak" | "talk" | "write")
            && matches!(self.word(t + 1), "on" | "at" | "to" | "after" | "before" | "during" | "in" | "from" | "with" | "for");
        if t > first && self.word(t - 1) == "," && self.word(t).ends_with("ing") && circumstance {
            return;
        }
        let relative = matches!(self.word(self.verb_group_start(first, t).max(1) - 1), "who" | "which");
        let connector = (first..t).rev().filter(|_| !relative).find(|&k| {
            matches!(self.word(k), "," | "and" | "but")
                || k + 1 == t && matches!(self.word(k), "by" | "after" | "before" | "for" | "from" | "while" | "without" | "when")
        });
        if let Some(k) = connector {
            self.end_contents_at(k, t);
        }
        // "Ahlberg, who called the plan a gamble, said ...": a relative clause's frame reports
        // no further than the clause, its verb's subtree in the parse, when a comma closes it,
        // or the verb whose subject it describes follows it ("People who backed the plan sounded
        // unsure"; not "some who warned it could make matters worse").
        // (The cheap test first: the parse is asked for only after a relative pronoun.)
        let subtree_end = if relative { self.subtree(first, clause.last, t).1 } else { content_end };
        let main_verb = || {
            let noun = self.syntax.head(t).filter(|_| self.syntax.label(t).starts_with("acl"));
            let verb = noun.filter(|&n| self.syntax.label(n).starts_with("nsubj")).and_then(|n| self.syntax.head(n));
            // The verb itself, or its auxiliary ("who refuses to be inked will not receive").
            let verbal = matches!(self.syntax.upos(subtree_end), "VERB" | "AUX");
            verbal && verb.is_some_and(|v| v == subtree_end || self.syntax.head(subtree_end) == Some(v))
        };
        let closed = subtree_end > t + 1 && subtree_end < content_end && (self.word(subtree_end) == "," || main_verb());
        let end = if closed { subtree_end } else { content_end };
        if let Some((content, direct)) = self.after(t + 1, end, quotes) {
            self.push(content, Some(cue), source, source_span, direct);
        }
    }

    /// "Surveys of caucus-goers taken as they entered showed that ...", "..., Federal Election
    /// Commission records show.": a document heading the clause is the source. "..., FEC
    /// records show.": what precedes; "With X, a poll found that ...": what follows.
    fn document_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: Cue, found: Subject) {
        let Clause { first, content_end, .. } = *clause;
        let (source, source_span, subject_start) = found;
        let closing = t + 1 >= content_end || !matches!(self.word(t + 1), "that" | ":");
        let content = if closing && subject_start > first && self.word(subject_start - 1) == "," {
            self.before(first, subject_start - 1, quotes)
        } else {
            self.after(t + 1, content_end, quotes)
        };
        if let Some((content, direct)) = content {
            self.push(content, Some(cue), source, Some(source_span), direct);
        }
    }

    /// "what Donald Trump said about Latinos": the object is "what", said elsewhere; "what she
    /// said is growing demand": what follows is what was said.
    fn what_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: Cue, found: Subject) {
        let Clause { content_end, .. } = *clause;
        let (source, source_span, start) = found;
        if t + 1 < content_end && FINITE.contains(&self.word(t + 1)) {
            if let Some((content, direct)) = self.after(t + 1, content_end, quotes) {
                let content = self.tokens()[start - 1].span.cover(content);
                self.push(content, Some(cue), source, Some(source_span), direct);
            }
        }
    }

    /// "as dramatic as Mr Renner believed", "more than analysts expected": whether the subject
    /// starting at `start` is in a comparison, which reports nothing. "as many as 40 percent of
    /// voters said" counts those polled.
    fn compares(&self, first: usize, start: usize) -> bool {
        let quantity = || self.tokens()[start].kind == TokenKind::Number && matches!(self.word(start - 2), "many" | "much" | "few");
        start >= first + 3
            && !quantity()
            && (self.word(start - 1) == "than"
                || self.word(start - 1) == "as"
                    && (start.saturating_sub(6).max(first)..start - 2).any(|k| matches!(self.word(k), "as" | "so")))
    }

    /// "..., as David Dayen noted in The Intercept.", "As Chait noted recently, the party
    /// ...": whether the frame of the subject starting at `start` comments on a clause. Not "as
    /// he discussed his plan": the comment has no object, only circumstance.
    fn comments_on(&self, clause: &Clause, t: usize, start: usize) -> bool {
        let Clause { first, content_end, .. } = *clause;
        let next = if t + 1 < content_end { self.word(t + 1) } else { "," };
        // "As the crowd began to chant,": a verb after "to" is no comment.
        start > first
            && self.word(start - 1).eq_ignore_ascii_case("as")
            && self.word(t - 1) != "to"
            && matches!(
                next,
                "," | "in" | "on" | "at" | "last" | "recently" | "earlier" | "previously" | "yesterday" | "today" | "out" | "it"
            )
            && (t + 1..content_end).take_while(|&k| self.word(k) != ",").all(|k| {
                let w = self.word(k);
                !FINITE.contains(&w) && !AUXILIARIES.contains(&w) && !matches!(w, "that" | ":") && !self.is_quote_open(k)
            })
    }

    /// A comment ("As X noted") reports the clause it comments on: what precedes it, or, when
    /// it opens the sentence (a lone connective before "as" is no content: "Yet, as Mr. Bown
    /// observed, ..."), what follows its comma.
    fn comment_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: Cue, found: Subject) {
        let Clause { first, content_end, .. } = *clause;
        let (source, source_span, subject_start) = found;
        let opener = (first..subject_start - 1).filter(|&k| self.tokens()[k].kind == TokenKind::Word).count() <= 1;
        let content = if !opener {
            self.before(first, subject_start - 1, quotes)
        } else {
            (t + 1..content_end).find(|&k| self.word(k) == ",").and_then(|k| self.after(k + 1, content_end, quotes))
        };
        if let Some((content, direct)) = content {
            self.push(content, Some(cue), source, Some(source_span), direct);
        }
    }

    /// "Officials at the agency's Miami office said ...": a noun phrase that opens the clause,
    /// named or not, is the subject; a quotation before it is the content, else what follows.
    fn opening_subject_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: Cue, source: Option<usize>, source_span: Span) {
        let Clause { first, content_end, .. } = *clause;
        let subject_start = self.token_at(source_span.start);
        // "News coverage was merciless: The Union Leader said ...": a clause of its own after a
        // colon or semicolon reports what follows it (not after a title's colon).
        let opens_clause = subject_start > first
            && matches!(self.word(subject_start - 1), ":" | ";")
            && (first..subject_start - 1).any(|k| self.word(k).starts_with(char::is_lowercase));
        let content = if subject_start > first && !opens_clause {
            self.before(first, subject_start - 1, quotes).filter(|c| c.1)
        } else {
            self.after(t + 1, content_end, quotes)
        };
        if let Some((content, direct)) = content {
            self.push(content, Some(cue), source, Some(source_span), direct);
        }
    }

    /// A verb cue whose speaker the words before it do not name. Inversion after a quotation or
    /// clause ("..., said Kadyrov."; not ", saying Christie was ...": a participle is no
    /// inverted frame) goes to `inverted_frame`. Else the frame still reports its clause ("...
    /// the group of experts who met in June concluded that ..."), but not after another verb
    /// ("ignored repeated offers": the form is an adjective), for a mostly-noun form, "know",
    /// or a document with no source named ("showing Trump leading nationally").
    fn unnamed_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, entry: &crate::lexicon::Cue, cue: Cue) {
        let Clause { first, .. } = *clause;
        let needs_agent = matches!(cue.class.as_str(), "judge" | "intend");
        let claims_before = self.claims.len();
        let inverted = self.after_clause(first, t);
        if !needs_agent && inverted && !self.word(t).ends_with("ing") {
            self.inverted_frame(clause, quotes, t, &cue);
            if self.claims.len() == claims_before {
                if let Some(subject) = self.subject_before_inversion(clause, t) {
                    // What the relative clause reports ends with it.
                    if let Some(comma) = (subject.2..t).rev().find(|&k| self.word(k) == ",") {
                        self.end_contents_at(comma, t);
                    }
                    self.subject_frame(clause, quotes, t, cue, subject);
                    return;
                }
            }
        }
        let after_verb = t > first
            && self.word(t - 1).starts_with(char::is_lowercase)
            && (self.word(t - 1).ends_with("ed") || self.word(t - 1).ends_with("ing"));
        if inverted && self.word(t).ends_with("ing") && self.word(t - 1) == "," {
            self.participle_frame(clause, quotes, t, cue);
            return;
        }
        if self.claims.len() == claims_before
            && !inverted
            && !after_verb
            && !entry.nominal
            && cue.lemma != "know"
            && cue.class != "document"
        {
            self.parsed_subject_frame(clause, quotes, t, cue);
        }
    }

    /// The subject the parse gives a verb at token `t` that looked inverted but names no
    /// speaker after it: an inversion that finds none is none ("Humphrey, who calls Trump a
    /// "sociopath," said he ..."). Not a subject inside quotation marks ('who calls the plan a
    /// "gamble," said'), a misparse.
    fn subject_before_inversion(&self, clause: &Clause, t: usize) -> Option<Subject> {
        let at = self.tokens()[t].span;
        let quoted =
            self.syntax.dependents(t).iter().any(|&k| k < t && self.syntax.label(k) == "nsubj" && self.in_quote(self.tokens()[k].span));
        if quoted {
            return None;
        }
        self.parse_source(clause, t, false).filter(|&(_, span, start)| span.end <= at.start && !self.in_quote(self.tokens()[start].span))
    }

    /// What the words before the verb do not name, the parse may ("multiple sources close to
    /// the talks say", "praised the workers, then says"). After a comma, with nothing but a time
    /// or place after the verb, the frame reports what precedes it ("X is 38 percent full, the
    /// water company Upland Water said on Wednesday"); else what follows.
    fn parsed_subject_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: Cue) {
        let Clause { first, content_end, .. } = *clause;
        let at = self.tokens()[t].span;
        let subject = self.parse_source(clause, t, false).filter(|&(_, span, _)| span.end <= at.start);
        let closing = subject.is_some_and(|(_, _, start)| {
            start > first + 1
                && self.word(start - 1) == ","
                && content_end - t <= 5
                && (t + 1..content_end).all(|k| !matches!(self.word(k), "that" | ":") && !self.is_quote_open(k))
        });
        if let Some((_, span, _)) = subject {
            self.end_relative_contents(span, t);
        }
        // "the desire to express their individuality", "a move to deny the report": an act no
        // one is said to have done.
        if subject.is_none() && self.noun_s_infinitive(t) {
            return;
        }
        let content = match subject {
            Some((_, _, start)) if closing => self.before(first, start - 1, quotes),
            _ => self.after(t + 1, content_end, quotes),
        };
        if let Some((content, direct)) = content {
            self.push(content, Some(cue), subject.and_then(|s| s.0), subject.map(|s| s.1), direct);
        }
    }

    /// "The judge spoke out on the case, saying she ...": a participle after a comma reports a
    /// clause or quotation for the subject of the clause it hangs on, which the parse gives;
    /// not "adding to concern", "hinting at problems", "seeing him as": no clause follows.
    fn participle_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: Cue) {
        let Clause { content_end, .. } = *clause;
        let clause_follows = t + 1 < content_end && (self.word(t + 1) == "that" || self.is_quote_open(t + 1))
            || self.syntax.dependents(t).iter().any(|&k| k > t && matches!(self.syntax.label(k), "ccomp" | "parataxis"));
        let at = self.tokens()[t].span;
        let Some((source, span, _)) = self.parse_source(clause, t, false).filter(|&(_, span, _)| span.end <= at.start) else { return };
        if let Some((content, direct)) = clause_follows.then(|| self.after(t + 1, content_end, quotes)).flatten() {
            self.push(content, Some(cue), source, Some(span), direct);
        }
    }

    /// A verb cue after its subject (`source`, its words `source_span`, from token
    /// `subject_start`): the clause after it, or, when the frame is parenthetical
    /// (`is_parenthetical`: "..., Gorevoy says, ..."), the words around it
    /// (`parenthetical_content`). A frame that ends the sentence after a comma and a
    /// descriptor reports what came before it (", local farmer Ana Ruiz said."). "The authority
    /// plans to borrow, and its chairman noted ...": an earlier frame's content ends where this
    /// clause begins; "A porter who knew the skipper said": the relative clause's where the
    /// subject ends.
    pub(super) fn subject_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: Cue, subject: Subject) {
        let Clause { first, content_end, .. } = *clause;
        let (source, source_span, subject_start) = subject;
        if subject_start >= first + 2 && matches!(self.word(subject_start - 1), "and" | "but") && self.word(subject_start - 2) == "," {
            self.end_contents_at(subject_start - 2, t);
        } else if let Some(but) = self.but_before_subject(first, subject_start) {
            // "X accuses Y of ... while Z suggests": the earlier words end where a clause of
            // theirs does; "said that while he believed ..., it" opens with it and goes on, and
            // "said she will protect it while her opponent wants ..." holds a state of mind the
            // speaker ascribes ("while her opponent suggests ..." is the opponent's claim).
            if self.word(but) == "but" {
                self.end_contents_at(but, t);
            } else if !PRIVATE_STATES.contains(&cue.class.as_str()) || cue.class == "suggest" {
                self.end_contents_before(but, t, true);
            }
        }
        self.end_relative_contents(source_span, t);
        let (content, ends_before) = if self.is_parenthetical(clause, t, subject) {
            self.parenthetical_content(clause, quotes, t, subject_start)
        } else {
            let descriptor = (subject_start.saturating_sub(4).max(first)..subject_start)
                .rev()
                .find(|&k| self.word(k) == ",")
                .filter(|&k| (k + 1..subject_start).all(|x| self.word(x).starts_with(char::is_lowercase)));
            (self.after(t + 1, content_end, quotes).or_else(|| descriptor.and_then(|k| self.before(first, k, quotes))), None)
        };
        if let Some(at) = ends_before {
            self.end_contents_at(at, t);
        }
        if let Some((content, direct)) = content {
            self.push(content, Some(cue), source, Some(source_span), direct);
        }
    }

    /// Whether a quotation closes right before the subject starting at `subject_start` (or
    /// before the comma before it).
    fn quoted_before(&self, first: usize, subject_start: usize) -> bool {
        subject_start > first && matches!(self.word(subject_start - 1), "”" | "\"" | "''")
            || subject_start >= first + 2 && matches!(self.word(subject_start - 2), "”" | "\"" | "''")
    }

    /// "ISIS has two centers of power, Gorevoy says, ...": whether the frame of the cue at `t`
    /// after `subject` is parenthetical, when a quotation or a clause of some length comes
    /// before and no clause follows; "Its director, Amina Odhiambo, puts ..." has only a noun
    /// phrase there. A name set off by commas is an apposition to what comes before it, not a
    /// parenthetical frame ("the operator, Northline Ferries, had put ..."); a relative subject
    /// opens its own clause ("voters under 35, many of whom cited housing costs").
    fn is_parenthetical(&self, clause: &Clause, t: usize, subject: Subject) -> bool {
        let Clause { first, last, .. } = *clause;
        let (source, source_span, subject_start) = subject;
        let clause_follows = t + 1 < last && matches!(self.word(t + 1), "that" | ":");
        let quoted_before = self.quoted_before(first, subject_start);
        let after_subject = self.token_at(source_span.end);
        let name_between_commas =
            source.is_some_and(|m| self.r.mentions[m].span == source_span) && after_subject < last && self.word(after_subject) == ",";
        let relative = self.word(subject_start.max(1) - 1) == "," && source_span.of(self.text()).ends_with("whom");
        !clause_follows
            && !relative
            && subject_start > first
            && matches!(self.word(subject_start - 1), "," | "”" | "\"" | "''" | "—" | "--")
            && (!name_between_commas || quoted_before)
    }

    /// The content of a parenthetical frame at `t` whose subject starts at `subject_start`: the
    /// words before it, the rest after it, or both, and the token before which earlier frames'
    /// contents end ("..., the union's secretary said": earlier frames of the sentence report
    /// what comes before this one, not this one). '"What I believe," Duncan told The New York
    /// Times in 2012, "is that ..."': the quotation resumes after the hearer and circumstance.
    /// An opening circumstance (`opening_circumstance`) is no content when a rest follows that
    /// is more than the frame's own circumstance (`rest_is_circumstance`); '"...," he tweeted
    /// Saturday.': a quotation before the frame is its content, whatever opens the sentence.
    fn parenthetical_content(
        &self,
        clause: &Clause,
        quotes: &[Quote],
        t: usize,
        subject_start: usize,
    ) -> (Option<(Span, bool)>, Option<usize>) {
        let Clause { first, content_end, .. } = *clause;
        let quoted_before = self.quoted_before(first, subject_start);
        let resumes = quoted_before
            .then(|| (t + 2..content_end.min(t + 14)).find(|&k| self.is_quote_open(k) && self.word(k - 1) == ","))
            .flatten()
            .filter(|&k| (t + 1..k).all(|x| !FINITE.contains(&self.word(x)) && !matches!(self.word(x), "that" | "has" | "had")));
        let rest = match resumes {
            Some(k) => self.after(k, content_end, quotes),
            None => self.after(t + 1, content_end, quotes),
        };
        let circumstance = self.opening_circumstance(clause, subject_start, rest);
        let rest_circumstance = self.rest_is_circumstance(t, rest);
        let before = self.before(first, subject_start, quotes);
        let quoted = quoted_before && before.is_some_and(|(_, direct)| direct);
        let before = if circumstance && rest.is_some() && !rest_circumstance && !quoted { None } else { before };
        let mut ends_before = None;
        let content = match (before, rest) {
            (Some((b, direct)), None) => Some((b, direct)),
            // '"We will finish," Castell said, "before the snow."': one quotation split by its
            // frame.
            (Some((b, true)), Some((r, true))) => Some((b.cover(r), true)),
            // '"Polls do not vote," Lopes told supporters at a rally': after a quotation the
            // rest of the frame is circumstance, not content.
            (Some((b, true)), Some(_)) => Some((b, true)),
            // "This is the record ..., he said, urging voters to ...": what the speaker did while
            // speaking is not what they said.
            (Some((b, _)), Some((r, _)))
                if !(self.is_circumstance(t + 1)
                    || rest_circumstance
                    || self.word(t + 1) == "," && self.does_while_speaking(t + 2, content_end)) =>
            {
                Some((b.cover(r), false))
            }
            (Some((b, direct)), Some(_)) => Some((b, direct)),
            (None, rest) => rest,
        }
        .inspect(|&(c, _)| {
            if c.end <= self.tokens()[subject_start].span.start && self.word(subject_start - 1) == "," {
                ends_before = Some(subject_start - 1);
            }
        });
        (content, ends_before)
    }

    /// Whether the words before a parenthetical frame's subject (from the sentence's first token
    /// to `subject_start`) are circumstance, not content: an opening phrase ("Speaking outside
    /// the terminal, Sobczak told ...", "In a statement, X said ..."), a subordinate clause
    /// with commas of its own ("Though he has heralded plans, a tax loophole ..., analysts say
    /// ..."), words without a verb when something follows ("Through a spokesman, Trump declined
    /// to comment"; headlines capitalize their verbs: "Trump Could Address Clean Energy, Graham
    /// Says"), unless the rest goes on with its verb ("Again, those surveyed said ...", but "A
    /// major reason ..., he continues, is that ..."; a quotation resuming after the frame
    /// continues the clause too), or an opening phrase of circumstance, commas and all, when
    /// the rest has a subject of its own ("In Nairobi, where ..., Otieno said access ...").
    fn opening_circumstance(&self, clause: &Clause, subject_start: usize, rest: Option<(Span, bool)>) -> bool {
        let Clause { first, headline, .. } = *clause;
        let opener = self.word(first).to_lowercase();
        let subordinate = self.subordinator_at(first).is_some();
        let circumstance = opener.ends_with("ing") && !self.is_quote_open(first)
            || subordinate
            || (first..subject_start - 1).all(|k| self.word(k) != ",") && CIRCUMSTANCE_OPENERS.contains(&opener.as_str());
        let verbless = (first..subject_start - 1).all(|k| {
            let lower = self.word(k).to_lowercase();
            let w = if headline { lower.as_str() } else { self.word(k) };
            !FINITE.contains(&w)
                && !matches!(w, "has" | "have" | "had" | "did" | "does" | "do")
                && !self.is_quote_open(k)
                && !(w.starts_with(char::is_lowercase) && (w.ends_with("ed") || self.lex.cue(w).is_some()))
        });
        let adverbial = CIRCUMSTANCE_OPENERS.contains(&opener.as_str()) || ADVERBIAL_OPENERS.contains(&opener.as_str());
        let rest_verb = rest.is_some_and(|(r, direct)| {
            let k = self.token_at(r.start);
            let w = if k < self.tokens().len() { self.word(k) } else { "" };
            direct && w.starts_with(char::is_lowercase)
                || FINITE.contains(&w)
                || matches!(w, "has" | "have" | "had" | "did" | "does" | "do")
                || w.ends_with("ed") && w.starts_with(char::is_lowercase)
        });
        circumstance
            || verbless && (adverbial || !rest_verb)
            || CIRCUMSTANCE_OPENERS.contains(&opener.as_str()) && rest.is_some() && !rest_verb
    }

    /// '"...," Mr. Smith said in his interview.', '..., a spokesman announced Monday morning.':
    /// whether what follows the frame at `t` is only its own circumstance (a phrase of time or
    /// place with no verb), so that what precedes it is the content.
    fn rest_is_circumstance(&self, t: usize, rest: Option<(Span, bool)>) -> bool {
        rest.is_some_and(|(r, _)| {
            let r_end = self.token_at(r.end);
            (FRAME_CIRCUMSTANCE_OPENERS.contains(&self.word(t + 1)) || WEEKDAYS.contains(&self.word(t + 1)))
                && (t + 1..r_end).all(|k| {
                    let w = self.word(k);
                    !(FINITE.contains(&w)
                        || matches!(w, "has" | "have" | "had" | "that" | "“" | "\"" | "''")
                        || w.ends_with("ed") && k > t + 1)
                })
        })
    }

    /// Nominal cues at token `t`: "the FSB estimate of 2,400", "X's report found that".
    fn nominal_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize) {
        let Clause { first, last, content_end, .. } = *clause;
        let word = self.word(t);
        if !(NOMINAL_CUES.contains(&word) && t > first) {
            return;
        }
        let owner = match self.word(t - 1) {
            _ if self.tokens()[t - 1].kind == TokenKind::Possessive => t.checked_sub(2),
            // "the Russian Federal Security Services (FSB) estimate of": the acronym.
            ")" => t.checked_sub(2),
            _ => Some(t - 1),
        };
        if let Some(m) = owner.and_then(|o| self.mention_ending(o)) {
            let next = (t + 1 < last).then(|| self.word(t + 1));
            let verb_next = next.and_then(|w| self.lex.cue(w)).is_some();
            // "the IMF's estimate of 4,000" gives a figure; "a Gazette analysis of port fees",
            // "a survey of 1,000 voters" name a topic or a sample, and a verb after them reports.
            let figure = matches!(word, "estimate" | "estimates" | "count" | "calculation" | "calculations" | "claim" | "claims");
            if next == Some("of") && figure || next == Some("that") || verb_next {
                // "The PPIC poll shows": the verb is the cue and the document its source's
                // words; "the IMF's estimate of": the noun is the cue, the owner the source.
                let cue = match next.and_then(|w| self.lex.cue(w)) {
                    Some(verb) => Cue { span: self.tokens()[t + 1].span, lemma: verb.lemma.clone(), class: verb.class.clone() },
                    None => Cue { span: self.tokens()[t].span, lemma: word.trim_end_matches('s').to_string(), class: "estimate".into() },
                };
                let from = if verb_next || next == Some("of") { t + 2 } else { t + 1 };
                if let Some((content, direct)) = self.after(from, content_end, quotes) {
                    let mention = self.r.mentions[m].span;
                    let named = self.token_at(mention.start);
                    let start = if named > first && matches!(self.word(named - 1), "the" | "The" | "a" | "A" | "an" | "An") {
                        named - 1
                    } else {
                        named
                    };
                    let end = if verb_next { t } else { t - 1 };
                    let span = self.tokens()[start].span.cover(self.tokens()[end].span).cover(mention);
                    self.push(content, Some(cue), Some(m), Some(span), direct);
                }
            }
        }
    }

    /// "In an NBC News/Wall Street Journal poll released Monday, 50 percent chose Clinton": a poll
    /// or survey opening the sentence reports the rest of it.
    pub(super) fn in_document(&mut self, first: usize, last: usize, content_end: usize, quotes: &[Quote]) {
        if !self.word(first).eq_ignore_ascii_case("in") {
            return;
        }
        let Some(comma) = (first + 1..last.min(first + 14)).find(|&k| self.word(k) == ",") else { return };
        let head = (first + 1..comma).find(|&k| matches!(self.word(k), "poll" | "polls" | "survey" | "surveys" | "study" | "studies"));
        // A frame in the rest ("60 percent said ...") is nested in what the poll reports.
        let Some(head) = head else { return };
        // The source is what names the poll ("NBC News/Wall Street Journal"), else its words.
        let np = self.span(first + 1, head + 1);
        let source = self.r.mentions_in(np).into_iter().rev().find(|&m| self.r.mentions[m].kind == EntityType::Organization);
        if let Some((content, direct)) = self.after(comma + 1, content_end, quotes) {
            let cue = Cue { span: self.tokens()[first].span, lemma: "in".into(), class: "document".into() };
            self.push(content, Some(cue), source, Some(self.span(first + 1, comma)), direct);
        }
    }

    /// "... but Ana Ruiz told", "... but his lawyer, Ana Ruiz, told", "... while Ana Ruiz
    /// suggests": "but", "while" or "whereas" right before the subject starting at
    /// `subject_start`, or before a description and its comma in front of an apposed name, opens
    /// a clause of its own; its token.
    fn but_before_subject(&self, first: usize, subject_start: usize) -> Option<usize> {
        let but = (subject_start.saturating_sub(5).max(first)..subject_start)
            .rev()
            .find(|&k| matches!(self.word(k), "but" | "while" | "whereas"))?;
        let between = (but + 1..subject_start).all(|k| self.word(k) == "," || self.word(k).chars().all(char::is_lowercase));
        let apposed = but + 1 == subject_start || self.word(subject_start - 1) == ",";
        (between && apposed).then_some(but)
    }

    /// Ends, before token `at`, the contents of earlier claims that run over the cue at token `cue`.
    pub(super) fn end_contents_at(&mut self, at: usize, cue: usize) {
        self.end_contents_before(at, cue, false);
    }

    /// `end_contents_at`, for every such content or (`own_verb`) those with a verb before `at`.
    fn end_contents_before(&mut self, at: usize, cue: usize, own_verb: bool) {
        let cut = self.tokens()[at].span.start;
        let cue_span = self.tokens()[cue].span;
        let text = self.r.text();
        // Among the latest claims: those that hold this sentence's cue were found last (a page of
        // thousands of frames must not read every claim for each).
        for i in self.claims.len().saturating_sub(LATEST)..self.claims.len() {
            let c = self.claims[i].content;
            let verb = || (self.token_at(c.start)..at).any(|k| matches!(self.syntax.upos(k), "VERB" | "AUX"));
            if c.contains(cue_span) && c.start < cut && (!own_verb || verb()) {
                self.set_content(i, Span::new(c.start, cut).trim(text, &[',', ' ']));
            }
        }
    }

    /// When the subject words `subject` of the verb at `t` hold a relative clause ("A porter who
    /// knew the skipper said"), the frames whose cues stand in it report no further than the
    /// verb.
    fn end_relative_contents(&mut self, subject: Span, t: usize) {
        if !subject.of(self.text()).split(' ').any(|w| w == "who") {
            return;
        }
        let (text, at) = (self.r.text(), self.tokens()[t].span.start);
        // The relative clause's frames were found in this sentence, among the latest claims.
        for i in self.claims.len().saturating_sub(16)..self.claims.len() {
            let c = &self.claims[i];
            if c.cue.as_ref().is_some_and(|cue| subject.contains(cue.span)) && c.content.end > at && c.content.start < at {
                let content = Span::new(c.content.start, at).trim(text, &[',', ' ']);
                self.set_content(i, content);
            }
        }
    }
}

/// Whether `words` end in a coordinating conjunction ("his victory and"): no subject, but the
/// object of a verb the next one is joined to.
fn ends_in_conjunction(words: &str) -> bool {
    words.rsplit(' ').next().is_some_and(|w| matches!(w, "and" | "or" | "but"))
}

#[cfg(test)]
mod tests {
    use super::super::source::tests::source_words_of;
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;

    #[test]
    fn a_survey_of_a_sample_reports_through_its_verb_and_an_estimate_of_a_figure_is_one() {
        // "of 1,000 dockers" is the survey's sample, not what it found; "estimate of 4,000 jobs"
        // is the figure estimated.
        let text = "Port row\n\nA Kelso Gazette survey of 1,000 dockers suggests fares should fall. The IMF's estimate \
                    of 4,000 jobs was low.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "fares should fall"), Some("A Kelso Gazette survey of 1,000 dockers"), "{:?}", doc.claims);
        assert!(doc.claims.iter().all(|c| !c.content.of(text).starts_with("1,000")), "{:?}", doc.claims);
        assert!(doc.claims.iter().any(|c| c.content.of(text).contains("4,000 jobs")), "{:?}", doc.claims);
    }

    #[test]
    fn but_before_another_speaker_ends_the_content_before_it() {
        let text = "Port row\n\nKelso Customs claimed Mr Reed was one of the leaders but his lawyer, Ana Ruiz, told \
                    the Gazette it was a laughable suggestion.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let claimed = doc.claims.iter().find(|c| c.content.of(text).starts_with("Mr Reed")).expect("the claim");
        assert_eq!(claimed.content.of(text), "Mr Reed was one of the leaders");
    }

    #[test]
    fn while_before_another_speaker_ends_the_content_before_it_unless_it_opens_it() {
        let text = "Port row\n\nAna Ruiz accuses Tom Reed of misleading the board while Reed says the figures were \
                    sound.\n\nBen Okafor said that while he backed the plan, it needed more money.\n\nJo Lund accuses Ben \
                    Okafor of running a smear campaign while Okafor suggests the former mayor is a captive of the \
                    board.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let content_of = |opening: &str| doc.claims.iter().find(|c| c.content.of(text).starts_with(opening)).map(|c| c.content.of(text));
        assert_eq!(content_of("Tom Reed"), Some("Tom Reed of misleading the board"), "{:?}", doc.claims);
        assert_eq!(content_of("that while"), Some("that while he backed the plan, it needed more money"), "{:?}", doc.claims);
        // What the other one suggests is a claim of theirs, not a state of mind the first ascribes.
        assert_eq!(content_of("Ben Okafor of"), Some("Ben Okafor of running a smear campaign"), "{:?}", doc.claims);
    }

    #[test]
    fn a_cue_form_between_a_name_and_a_finite_verb_is_a_noun() {
        // "Kelvo brands include" and "the Dorrin label comes" hold a name's noun; "Kelvo warns
        // prices will rise" and "Tom Vance denies split over pay" a name and its verb.
        let text = "Drinks\n\nKelvo brands include Mardo and Pell. The sale of the Dorrin label comes as rivals struggle. \
                    Kelvo warns prices will rise. Tom Vance denies split over pay.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let cues: Vec<&str> = doc.claims.iter().filter_map(|c| c.cue.as_ref()).map(|q| q.span.of(text)).collect();
        assert!(!cues.contains(&"brands") && !cues.contains(&"label"), "{:?}", doc.claims);
        assert!(cues.contains(&"warns") && cues.contains(&"denies"), "{:?}", doc.claims);
    }
}
