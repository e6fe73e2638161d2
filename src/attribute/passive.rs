//! Frames with no speaker before their verb: passives ("is disputed by", "it is believed
//! that", "was asked"), their agents, and hedges ("reportedly", "seemed to", "is expected to").

use super::sentence::Clause;
use super::*;

impl Attributor<'_> {
    /// A hedge at token `t` (outside a quotation, inside the sentence): "Bloomberg is
    /// reportedly considering a run", a report from no one named; or a seeming-verb ("seemed
    /// to", "It appears, though, that the game was not boring"). Whether one was found.
    pub(super) fn hedge_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize) -> bool {
        let Clause { first, content_end, .. } = *clause;
        let hearsay = match self.word(t) {
            "reportedly" => Some("report"),
            "allegedly" => Some("allege"),
            "purportedly" => Some("purport"),
            "reputedly" => Some("repute"),
            _ => None,
        };
        if let Some(lemma) = hearsay {
            let cue = Cue { span: self.tokens()[t].span, lemma: lemma.into(), class: "claim".into() };
            self.hedged(first, t, t, content_end, quotes, cue);
            return true;
        }
        let Some(cue) = self.seeming(first, t) else { return false };
        if matches!(self.word(t - 1), "It" | "it") {
            let from = (t + 1..content_end).find(|&k| !matches!(self.word(k), "," | "though" | "however" | "that"));
            if let Some((content, _)) = from.and_then(|k| self.after(k, content_end, quotes)) {
                self.push(content, Some(cue), None, None, false);
            }
        } else {
            self.hedged(first, t, t, content_end, quotes, cue);
        }
        true
    }

    /// A participle of hearsay that describes the common noun before its comma ("hit by a
    /// missile, believed to be a coin"; "a report, thought to have been leaked"): a reduced
    /// relative clause, whose belief no one named holds, not a frame of the sentence's subject.
    /// Pushes its claim, with no source; whether it read so.
    pub(super) fn reduced_participle_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: &Cue) -> bool {
        let Clause { first, content_end, .. } = *clause;
        let hearsay =
            matches!(cue.lemma.as_str(), "believe" | "think" | "say" | "report" | "allege" | "rumour" | "claim" | "fear" | "suspect");
        let reduced = t >= first + 2
            && hearsay
            // A participle, not the verb's plain form ("believed", "said", "thought").
            && self.word(t) != cue.lemma
            && self.word(t - 1) == ","
            && t + 1 < content_end
            && self.word(t + 1) == "to"
            && self.word(t - 2).chars().all(|c| c.is_lowercase());
        if !reduced {
            return false;
        }
        if let Some((content, direct)) = self.after(t + 1, content_end, quotes) {
            self.push(content, Some(cue.clone()), None, None, direct);
        }
        true
    }

    /// Where the auxiliary of a passive cue at token `t` ends, if the cue is passive: a
    /// participle after a form of "be", adverbs between ("is disputed", "is widely
    /// believed"). A passive cue ("is disputed by", "was denied") has no speaker before it;
    /// "it is believed that ..." is an attribution without a source.
    pub(super) fn passive_aux(&self, first: usize, t: usize) -> Option<usize> {
        let word = self.word(t);
        let mut aux = t;
        while aux > first
            && (self.adverb_at(aux - 1)
                || matches!(
                    self.word(aux - 1),
                    "first" | "also" | "not" | "already" | "never" | "long" | "even" | "more" | "less" | "most" | "much"
                ))
        {
            aux -= 1;
        }
        let participle = word.ends_with("ed")
            || matches!(
                word,
                "said"
                    | "told"
                    | "written"
                    | "thought"
                    | "known"
                    | "shown"
                    | "found"
                    | "held"
                    | "seen"
                    | "felt"
                    | "heard"
                    | "understood"
                    | "forecast"
                    | "foreseen"
            );
        (aux > first && matches!(self.word(aux - 1), "is" | "was" | "were" | "are" | "been" | "be" | "being") && participle).then_some(aux)
    }

    /// A passive cue ("is disputed by", "was denied", "it is believed that", "is expected to"):
    /// no speaker before it; the agent after "by" is the source (`agent_frame`), else no one
    /// named. `aux` is where the auxiliary ends. "it is believed that ...": the clause;
    /// "Blumenthal was asked, "...?"", "she was asked if ...": the question, from an asker left
    /// unnamed; "Trump is expected to deliver a speech", "He is said to have left": the writer
    /// reports, from no one named, what the subject does.
    pub(super) fn passive_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, aux: usize, cue: Cue) {
        let Clause { first, last, content_end, .. } = *clause;
        let impersonal = aux >= first + 2 && self.word(aux - 2).eq_ignore_ascii_case("it") && t + 1 < last && self.word(t + 1) == "that";
        if impersonal {
            let cue = Cue { span: self.span(aux - 1, t + 1), ..cue };
            if let Some((content, direct)) = self.after(t + 1, content_end, quotes) {
                self.push(content, Some(cue), None, None, direct);
            }
        } else if cue.class == "ask" && t + 1 < content_end && PASSIVE_QUESTION_OPENERS.contains(&self.word(t + 1)) {
            let cue = Cue { span: self.span(aux - 1, t + 1), ..cue };
            let from = if matches!(self.word(t + 1), "," | ":") { t + 2 } else { t + 1 };
            if let Some((content, direct)) = self.after(from, content_end, quotes) {
                self.push(content, Some(cue), None, None, direct);
            }
        } else if t + 2 < content_end && self.word(t + 1) == "to" && aux >= first + 2 {
            let cue = Cue { span: self.span(aux - 1, t + 1), ..cue };
            // "Bekele is determined to add ...", "the fans' group is strongly opposed to any
            // takeover": the subject's own resolve or stance, not the writer's hedge; inside
            // what someone says ("The firm said it was determined to ...") left to that claim,
            // whose pronouns coreference reads poorly.
            let reported = self.claims.iter().rev().take(8).any(|c| c.content.contains(cue.span));
            let held = matches!(cue.lemma.as_str(), "determine" | "oppose") && !reported;
            match self.subject_before(first, aux - 1).filter(|_| held) {
                Some(subject) => self.subject_frame(clause, quotes, t, cue, subject),
                None => self.hedged(first, aux - 1, t, content_end, quotes, cue),
            }
        } else if t + 2 < content_end && self.word(t + 1) == "by" && aux >= first + 2 {
            self.agent_frame(clause, quotes, t, aux, cue);
        }
    }

    /// "was asked by host Jo Brandt whether her aim was similar", "When asked by a reporter if
    /// that remained his view, he said": the asker after "by" asks the question after them (the
    /// one asked is no content). Whether it read so.
    pub(super) fn asked_by_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: &Cue) -> bool {
        let Clause { content_end, .. } = *clause;
        if cue.class != "ask" || t + 3 >= content_end || self.word(t + 1) != "by" {
            return false;
        }
        let question =
            (t + 3..content_end.min(t + 14)).find(|&k| matches!(self.word(k), "whether" | "if" | "what" | "how" | "why" | "about"));
        let Some(question) = question else { return false };
        let agent_end = (t + 3..question).find(|&k| AGENT_ENDS.contains(&self.word(k))).unwrap_or(question);
        let plain = (t + 2..agent_end).all(|k| self.tokens()[k].kind != TokenKind::Punct && !FINITE.contains(&self.word(k)));
        if !plain || (agent_end..question).any(|k| matches!(self.word(k), "," | ";" | ":" | "and")) {
            return false;
        }
        let (source, span) = self.closing_description(t + 2, agent_end).unwrap_or((None, self.span(t + 2, agent_end)));
        let from = if self.word(question) == "about" { question + 1 } else { question };
        if let Some((content, direct)) = self.after(from, content_end, quotes) {
            self.push(content, Some(cue.clone()), source, Some(span), direct);
        }
        true
    }

    /// "The issue was first reported by The Washington Post": the agent after "by" (a
    /// description, or, "is supported by far fewer publications", an agent the text does not
    /// name: still the source's words) is the source, the subject what it said. The subject
    /// ends before its auxiliaries and asides ("The nominee has been endorsed by", "Trump,
    /// meanwhile, is supported by").
    pub(super) fn agent_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, aux: usize, cue: Cue) {
        let Clause { first, content_end, .. } = *clause;
        // A name holding such a word runs on ("by the Securities and Exchange Commission").
        let mentions = &self.r.mentions;
        let inside_name = |k: usize| {
            let at = self.tokens()[k].span;
            let m = mentions.partition_point(|m| m.span.start < at.start);
            m > 0 && mentions[m - 1].span.end >= at.end
        };
        let subject_start =
            (first..aux - 1).rev().find(|&k| matches!(self.word(k), ";" | ":" | "that" | "which" | "who")).map_or(first, |k| k + 1);
        let subject_end = self.subject_end(subject_start, aux - 1);
        // "was told by her doctor that ...": someone named (a capitalized word) or described as
        // people is the one spoken to (`ADDRESSED`; "a different side of the story was being
        // told by" is what was said).
        let hearer = subject_end > subject_start && {
            let last = self.word(subject_end - 1);
            let named = last.starts_with(char::is_uppercase) || self.mention_ending(subject_end - 1).is_some();
            // "Mr Blake's murder trial was told", "slammed his racket down and was warned".
            let heard = matches!(last, "trial" | "jury" | "hearing" | "inquiry" | "and");
            named || heard || PRONOUNS.contains(&last) || self.people_noun(&last.to_lowercase())
        };
        let addressed = hearer && ADDRESSED.contains(&cue.lemma.as_str());
        let ends = |w: &str| AGENT_ENDS.contains(&w) || addressed && matches!(w, "that" | "“" | "\"" | "''");
        let agent_end = (t + 3..content_end).find(|&k| ends(self.word(k)) && !inside_name(k)).unwrap_or(content_end);
        let plain_agent = || {
            (agent_end > t + 2 && agent_end - (t + 2) <= 8).then(|| self.span(t + 2, agent_end)).filter(|_| {
                (t + 2..agent_end).all(|k| {
                    let w = self.word(k);
                    self.tokens()[k].kind != TokenKind::Punct
                        && !FINITE.contains(&w)
                        && !AUXILIARIES.contains(&w)
                        && !matches!(w, "that" | "who" | "which")
                })
            })
        };
        let agent = self.closing_description(t + 2, agent_end).or_else(|| plain_agent().map(|span| (None, span)));
        // What was said follows the agent, or nothing names it ("were warned by the referee
        // about their conduct").
        let said = if addressed {
            let marked = agent_end < content_end && matches!(self.word(agent_end), "that" | ":" | "“" | "\"" | "''");
            if !marked {
                return;
            }
            self.after(agent_end + usize::from(self.word(agent_end) == ":"), content_end, quotes)
        } else {
            self.before(subject_start, subject_end, quotes)
        };
        if let Some((source, span)) = agent {
            if let Some((content, direct)) = said {
                let cue = Cue { span: self.span(aux - 1, t + 2), ..cue };
                self.push(content, Some(cue), source, Some(span), direct);
            }
        }
    }

    /// A frame that hedges what its own subject does, with no source: "Trump is expected to
    /// deliver a speech", "The speaker appeared closer to an endorsement". The content is the
    /// subject with the rest of the clause; the cue runs from `cue_start` to `t`.
    pub(super) fn hedged(&mut self, first: usize, cue_start: usize, t: usize, content_end: usize, quotes: &[Quote], cue: Cue) {
        // The complement is a verb or a description, not a place, a time or a noun ("was called
        // to in the past", "held to standards").
        let next = if t + 2 < content_end { self.word(t + 2) } else { "" };
        if self.word(t + 1) == "to"
            && (!next.starts_with(char::is_lowercase)
                || is_plural(next)
                || matches!(next, "the" | "a" | "an" | "in" | "on" | "at" | "his" | "her" | "their" | "its" | "this" | "that" | "account"))
        {
            return;
        }
        let Some((rest, _)) = self.after(t + 1, content_end, quotes) else { return };
        let start = match self.subject_before(first, cue_start) {
            Some((_, span, _)) => span.start,
            None => {
                let mut k = (first..cue_start)
                    .rev()
                    .find(|&k| {
                        matches!(self.word(k), ";" | ":" | "that" | "which" | "who" | "“" | "\"" | "''" | "(" | "—" | "--")
                            // "The EU expects X to fall, while France's is forecast to drop": a
                            // turn opens the hedged clause, with its own subject (not "..., but
                            // is said to be").
                            || k > first
                                && self.word(k - 1) == ","
                                && matches!(self.word(k), "while" | "whereas" | "but")
                                && (k + 1..cue_start).any(|x| matches!(self.syntax.upos(x), "NOUN" | "PROPN" | "PRON"))
                    })
                    .map_or(first, |k| if matches!(self.word(k), "which" | "who") { k } else { k + 1 });
                // "If Clinton is elected, the losing side is expected to ...": past an opening
                // subordinate clause.
                if SUBORDINATE_OPENERS.contains(&self.word(k).to_lowercase().as_str()) {
                    k = (k..cue_start).find(|&x| self.word(x) == ",").map_or(k + 1, |x| x + 1);
                }
                if k >= cue_start {
                    return;
                }
                self.tokens()[k].span.start
            }
        };
        self.push(Span::new(start, rest.end), Some(cue), None, None, false);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;

    #[test]
    fn the_asker_after_by_asks_the_question_after_them() {
        let text = "Port row\n\nAna Ruiz was asked by host Jo Brandt whether her aim was similar.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let asked = doc.claims.iter().find(|c| c.cue.as_ref().is_some_and(|q| q.span.of(text) == "asked")).expect("the question");
        assert_eq!(asked.content.of(text), "whether her aim was similar");
        assert_eq!(asked.source_span.map(|s| s.of(text)), Some("host Jo Brandt"));
    }

    #[test]
    fn when_asked_by_an_asker_opens_a_question_without_an_auxiliary() {
        // No reduced relative after "when", and the asker is no lead description of the one
        // named after them.
        let text = "Port row\n\nWhen asked by a reporter whether the fares would rise, Tom Vance said they would not. \
                    \"No,\" he said when asked by a reporter if that remained his view.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let asked: Vec<(&str, Option<&str>, Option<usize>)> = doc
            .claims
            .iter()
            .filter(|c| c.cue.as_ref().is_some_and(|q| q.span.of(text) == "asked"))
            .map(|c| (c.content.of(text), c.source_span.map(|s| s.of(text)), c.source))
            .collect();
        assert_eq!(
            asked,
            [("whether the fares would rise", Some("a reporter"), None), ("if that remained his view", Some("a reporter"), None)],
            "{:?}",
            doc.claims
        );
    }

    #[test]
    fn the_subject_of_a_passive_told_or_warned_is_who_heard_it() {
        // What was said follows the agent, or nothing names it: the players, Tom Vance and
        // Calder said nothing.
        let text = "Port row\n\nMeanwhile, Tom Vance and Calder have been informed by letter as to the outcome. \
                    The players were warned by the referee about their conduct. \
                    Ana Ruiz was told by her doctor that she needed rest. \
                    Another side of the story was told by the Kelso Herald.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let contents: Vec<&str> = doc.claims.iter().map(|c| c.content.of(text)).collect();
        assert_eq!(contents, ["that she needed rest", "Another side of the story"], "{:?}", doc.claims);
        assert_eq!(doc.claims[0].source_span.map(|s| s.of(text)), Some("her doctor"));
    }

    #[test]
    fn an_agent_runs_over_the_and_inside_its_name() {
        let text = "Bank fined\n\nFraud at the bank was first reported by the Securities and Exchange Commission on Monday.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("Fraud")).expect("the passive's claim");
        assert_eq!(claim.source_span.map(|s| s.of(text)), Some("the Securities and Exchange Commission"), "{:?}", doc.claims);
        assert_eq!(claim.source.map(|e| doc.entities[e].name.as_str()), Some("Securities and Exchange Commission"));
    }

    #[test]
    fn a_passive_with_degree_words_before_its_participle_has_no_speaker_before_it() {
        // "will be even more keenly felt": "felt" is a participle and "even more" adverbs; the
        // words before "be" are not a speaker.
        let text = "Port row\n\nThe damage will be even more keenly felt as the port was only just recovering. The \
                    plan is much more widely believed to be a mistake.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert!(doc.claims.iter().all(|c| c.source_span.is_none()), "{:?}", doc.claims);
        let hedge = doc.claims.iter().find(|c| c.content.of(text).contains("to be a mistake")).expect("the hedge");
        assert_eq!(hedge.cue.as_ref().map(|c| c.span.of(text)), Some("is much more widely believed"));
    }

    #[test]
    fn an_irregular_participle_of_a_forecast_is_passive() {
        // A turn with its own subject opens the hedged clause.
        let text = "Port row\n\nThe port's trade was flat, but it is forecast to drop in March. Fares are forecast to rise. \
                    Tom Vance expects fares to fall, while the ferry's are forecast to rise.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let hedges: Vec<_> =
            doc.claims.iter().filter(|c| c.cue.as_ref().is_some_and(|cue| cue.span.of(text).ends_with("forecast"))).collect();
        assert_eq!(hedges.len(), 3, "{:?}", doc.claims);
        assert!(hedges.iter().all(|c| c.source_span.is_none()), "{hedges:?}");
        assert_eq!(hedges[1].cue.as_ref().map(|c| c.span.of(text)), Some("are forecast"));
        assert!(hedges[2].content.of(text).starts_with("the ferry's are forecast"), "{}", hedges[2].content.of(text));
    }

    #[test]
    fn a_participle_of_hearsay_after_a_common_noun_has_no_speaker() {
        // "believed to be a coin" describes the missile: not what the sentence's subject holds.
        let text = "Cup tie\n\nTom Vance, the scorer of the only goal, needed treatment after being hit by a \
                    missile, believed to be a coin.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let claim = doc.claims.iter().find(|c| c.content.of(text).contains("to be a coin")).expect("the claim");
        assert_eq!((claim.source, claim.source_span), (None, None), "{:?}", doc.claims);
    }
}
