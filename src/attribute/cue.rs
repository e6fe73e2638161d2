//! Whether a word the lexicon lists as a cue is one here (`cue_fits`), and seeming-verbs
//! ("appears to", "seems").

use super::*;

impl<'a> Attributor<'a> {
    /// Whether a verb reports speech here. Directives (urge, ask) report no proposition; some
    /// verbs report speech only before a clause, a quotation or a colon ("threatened that",
    /// "speak of", "put the number at"). The decisions, in order: a noun by its position
    /// (`noun_by_position`) or the end of the next frame's subject (`ends_subject`), a mostly-noun form that is no verb here (`nominal_form_is_verb`),
    /// a frame closing a quotation (`closes_quotation`), and what each lemma needs after it
    /// (`lemma_fits`).
    pub(super) fn cue_fits(&self, cue: &crate::lexicon::Cue, first: usize, t: usize, last: usize) -> bool {
        if t > first && self.noun_by_position(cue, first, t, last) || self.ends_subject(t, last) {
            return false;
        }
        if cue.nominal && !self.nominal_form_is_verb(cue, first, t) {
            return false;
        }
        if self.closes_quotation(cue, first, t, last) {
            return true;
        }
        let clause_follows = self.clause_follows(t, last);
        self.lemma_fits(cue, first, t, last, clause_follows)
    }

    /// Whether the cue form at token `t` ends the subject of the speech verb after the comma
    /// that follows it ("host of the station's chart show, said", "which had its offer
    /// rejected, said", "investigations into 50 shows, said Ana Ruiz").
    fn ends_subject(&self, t: usize, last: usize) -> bool {
        self.word_after(t, last, 1) == "," && FRAME_VERBS.contains(&self.word_after(t, last, 2))
    }

    /// The word `k` tokens after token `t`, or "" at or past `last`.
    fn word_after(&self, t: usize, last: usize, k: usize) -> &'a str {
        if t + k < last { self.word(t + k) } else { "" }
    }

    /// Whether the cue form at token `t` (after the sentence's first token) is a noun by the
    /// words before it: after a determiner, possessive or preposition ("the debate",
    /// "secretary of state", "Clinton's claims"; `noun_context`), inflected after "to"
    /// ("similar to estimates", "to reports"), counted ("10 judges", "a 4-4 ruling", but "4 in
    /// 10 say" stays a verb) or a reduced relative after a noun ("people accused of rape", "the
    /// monitor maintained by the embassy"). A quantifier standing alone as its subject ("Some
    /// believe", "many think", "Some said") and a gerund after a preposition ("by saying", "after warning")
    /// keep it a verb.
    fn noun_by_position(&self, cue: &crate::lexicon::Cue, first: usize, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        let previous = self.word(t - 1);
        let noun_context = self.noun_context(cue, first, t);
        let word = self.word(t);
        let inflected_after_to = previous == "to" && (is_plural(word) || word.ends_with("ed"));
        let counted = self.tokens()[t - 1].kind == TokenKind::Number
            && (is_plural(word) || word.ends_with("ing"))
            && !(t >= first + 3 && self.word(t - 2) == "in");
        let quantifier_subject = matches!(previous.to_lowercase().as_str(), "some" | "many" | "few" | "several" | "most")
            && !cue.nominal
            && (word == cue.lemma || word.ends_with("ed") || PAST_CUE_FORMS.contains(&word))
            && (t == first + 1 || matches!(self.word(t - 2), "," | "and" | "but" | "while" | ";"));
        let gerund = word.ends_with("ing")
            && matches!(previous, "by" | "after" | "before" | "for" | "from" | "without" | "of" | "in" | "on" | "while" | "when");
        let reduced = word.ends_with("ed")
            && matches!(next(1), "by" | "of")
            && (previous.starts_with(char::is_lowercase) || t == first + 1 && self.mention_ending(t - 1).is_none())
            && self.tokens()[t - 1].kind == TokenKind::Word
            && !PRONOUNS.contains(&previous)
            && !AUXILIARIES.contains(&previous)
            && !is_adverb(previous)
            && !matches!(previous, "who" | "which" | "that" | "and" | "or" | "but" | "not" | "also")
            // "When asked by a reporter whether ...": a clause's verb after its subordinator.
            && !ELLIPTICAL_SUBORDINATORS.contains(&previous.to_lowercase().as_str());
        (noun_context || inflected_after_to || counted || reduced) && !quantifier_subject && !gerund
    }

    /// Whether the word before token `t` makes it a noun: a determiner or preposition, a
    /// possessive (not a pronoun's before a gerund or past form), or, for a form that is not
    /// past, an adjective ("the official report", but "the official said": a past form is a
    /// verb).
    fn noun_context(&self, cue: &crate::lexicon::Cue, first: usize, t: usize) -> bool {
        let previous = self.word(t - 1).to_lowercase();
        let past = !cue.nominal && (self.word(t).ends_with("ed") || PAST_CUE_FORMS.contains(&self.word(t)));
        NOUN_CONTEXT.contains(&previous.as_str())
            || self.tokens()[t - 1].kind == TokenKind::Possessive
                && !(t >= first + 2 && PRONOUNS.contains(&self.word(t - 2)) && (self.word(t).ends_with("ing") || past))
            || !past && NOUN_ADJECTIVES.contains(&previous.as_str())
    }

    /// "a government plan", "the court's chief judge", "snap polls": whether a form that is
    /// mostly a noun is a verb at token `t`, which it is only right after its subject or an
    /// auxiliary ("they plan", "he plans", "will plan"), adverbs skipped; a person, people
    /// noun or share before it ("19 percent of those polled support Clinton", "Men under 35
    /// support Sanders"); a progressive ("is warning voters that", "He’s claiming"); or a
    /// comma or closing quotation mark.
    fn nominal_form_is_verb(&self, cue: &crate::lexicon::Cue, first: usize, t: usize) -> bool {
        let mut p = t;
        while p > first
            && (self.adverb_at(p - 1) || matches!(self.word(p - 1), "also" | "still" | "now" | "often" | "never" | "not" | "n't"))
        {
            p -= 1;
        }
        let previous = if p > first { self.word(p - 1).to_lowercase() } else { String::new() };
        let base = self.word(t).eq_ignore_ascii_case(&cue.lemma);
        let modal = matches!(
            previous.as_str(),
            "to" | "will" | "would" | "could" | "may" | "might" | "must" | "should" | "can" | "do" | "does" | "did"
        );
        let named = p > first && self.mention_ending(p - 1).is_some();
        let share = p > first
            && (self.tokens()[p - 1].kind == TokenKind::Number || matches!(previous.as_str(), "percent" | "%" | "polled" | "surveyed"));
        let people = PEOPLE_NOUNS.contains(&previous.as_str()) || self.lex.role(previous.trim_end_matches('s')).is_some() || share;
        let progressive = self.word(t).ends_with("ing")
            && matches!(previous.as_str(), "is" | "are" | "was" | "were" | "be" | "been" | "am" | "’s" | "'s" | "’re" | "'re");
        let verb = progressive
            || if base {
                modal || matches!(previous.as_str(), "i" | "we" | "they" | "you" | "who") || people && previous.ends_with('s')
            } else {
                matches!(previous.as_str(), "he" | "she" | "it" | "who" | "which" | "that") || named || people && !previous.ends_with('s')
            };
        verb || matches!(previous.as_str(), "," | "”" | "\"" | "''")
    }

    /// '"...," they wrote.': any speech verb may close a quotation's frame (`frame_after_quotation`),
    /// and a verb of speech after a comma any sentence's ("..., asks Bill Thompson."), also with
    /// a short tail of circumstance and hearer ('"...," columnist Ai Jun wrote in the Global Times.',
    /// '"...," Duncan told The New York Times in 2012, "..."') that holds no verb, relative or
    /// quotation (after a determiner a cue form is a noun: "in their report").
    fn closes_quotation(&self, cue: &crate::lexicon::Cue, first: usize, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        let tail = (1..=12).find(|&k| matches!(next(k), "," | ";" | "") || is_terminal(next(k)));
        let plain_tail = tail.is_some_and(|end| {
            (1..end).all(|k| {
                let w = next(k);
                let noun = k > 1 && matches!(next(k - 1), "the" | "a" | "an" | "their" | "his" | "her" | "its" | "our" | "my" | "this");
                !(FINITE.contains(&w)
                    || matches!(w, "that" | "has" | "have" | "had" | "who" | "which" | "“" | "\"" | "''" | "(")
                    || w.starts_with(char::is_lowercase) && self.lex.cue(w).is_some() && !noun)
            })
        });
        // "..., but can we trust the vendors, asks analyst Bill Thompson.": an inverted frame
        // closes its sentence after a comma, quotation marks or not, its subject's name last (not
        // "..., held off Kenyan Susan Chepkemei in a thrilling finish", "..., written and
        // directed by Shane Carruth").
        let named_last = || {
            tail.filter(|&end| is_terminal(next(end)))
                .is_some_and(|end| self.mention_ending(t + end - 1).is_some_and(|m| self.r.mentions[m].kind != EntityType::Place))
        };
        let inverted = t > first
            && self.word(t - 1) == ","
            && !self.word(t).ends_with("ing")
            && matches!(cue.class.as_str(), "say" | "ask" | "claim" | "warn" | "admit" | "deny")
            && !matches!(next(1), "and" | "or" | "by" | "off" | "to" | "at" | "in" | "on" | "for" | "with" | "from" | "of" | "up")
            && named_last();
        plain_tail && (self.frame_after_quotation(first, t) || inverted)
    }

    /// Whether the words between the last quotation mark before the cue at token `t` and the
    /// cue are a frame's subject ('"...," the Kelso mayor, Ana Ruiz, said'): at most fifteen
    /// words, with no verb, cue, relative or semicolon among them (not 'his "golden rule" with a
    /// surplus and he said public borrowing would continue').
    fn frame_after_quotation(&self, first: usize, t: usize) -> bool {
        // Only the last sixteen words are read: a mark further back is no frame's anyway.
        let Some(mark) = (first.max(t.saturating_sub(16))..t).rev().find(|&k| matches!(self.word(k), "”" | "\"" | "''")) else {
            return false;
        };
        t - mark <= 16
            && (mark + 1..t).all(|k| {
                let w = self.word(k);
                !(FINITE.contains(&w)
                    || matches!(w, "that" | "who" | "which" | ";")
                    || w.starts_with(char::is_lowercase) && self.lex.cue(w).is_some())
            })
    }

    /// Whether a clause follows the cue at token `t`: at once ("that", a colon, a quotation, a
    /// comma), after a short phrase ("wrote in a post that", "wrote back: "..."", "wrote of her:
    /// "..."", "wrote to Sanders' Senate office that", "wrote to his 20,000 Twitter followers,
    /// "...""), or without "that", told by a subject pronoun or a finite auxiliary a few words on
    /// ("noted clients are beginning to ...", "found the agency could not ...").
    fn clause_follows(&self, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        self.marked_clause_follows(t, last)
            || (2..=8)
                .take_while(|&k| !matches!(next(k), "." | "," | ";" | ":" | "" | "“" | "\"" | "''" | "to" | "that" | "who" | "which"))
                .any(|k| FINITE.contains(&next(k)) || matches!(next(k), "has" | "had" | "have"))
    }

    /// [`Self::clause_follows`] where a mark or a pronoun subject opens the clause: "that", a
    /// colon, a quotation mark or a comma, also after a few words ("continued in the Sydney
    /// Morning Herald: ..."), or "he", "they", ... and a finite verb.
    fn marked_clause_follows(&self, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        let clause_follows = matches!(next(1), "that" | ":" | "“" | "\"" | "''" | ",")
            || matches!(
                next(1),
                "in" | "on" | "at" | "during" | "via" | "through" | "to" | "last" | "this" | "yesterday" | "earlier" | "back" | "of"
            ) && (2..=8)
                .find(|&k| {
                    matches!(next(k), "that" | ":" | "“" | "\"" | "''") || next(k) == "," && matches!(next(k + 1), "“" | "\"" | "''")
                })
                .is_some_and(|k| {
                    (1..k).all(|x| {
                        let w = next(x);
                        // "wrote in a Baltimore Sun op-ed that": words, hyphenated ones too.
                        (w.chars().all(|c| c.is_alphanumeric() || c == ',' || c == '-') && !w.starts_with([',', '-'])
                            || matches!(w, "’" | "'" | "’s" | "'s"))
                            && (self.lex.cue(w).is_none_or(|_| NOMINAL_CUES.contains(&w)) || w == "back")
                    })
                });
        clause_follows
            || matches!(next(1), "he" | "she" | "they" | "we" | "I" | "it" | "there")
                && (FINITE.contains(&next(2)) || matches!(next(2), "has" | "have" | "had" | "did" | "does" | "do"))
    }

    /// What each lemma or class needs after the cue at token `t` to report speech; the longer
    /// decisions have functions of their own (`call_fits`, `document_fits`, `view_fits`,
    /// `judgment_fits`, `request_fits`).
    fn lemma_fits(&self, cue: &crate::lexicon::Cue, first: usize, t: usize, last: usize, clause_follows: bool) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        match cue.lemma.as_str() {
            "put" => (1..=3).any(|k| matches!(next(k), "number" | "figure" | "toll" | "total" | "count" | "cost" | "estimate")),
            "call" => self.call_fits(first, t, last),
            "speak" | "talk" | "chat" => matches!(next(1), "of" | "about" | "," | ":" | "“" | "\"" | "''"),
            // "did not respond to requests for comment" reports nothing.
            "respond" | "reply" if next(1) == "to" && (2..=4).any(|k| COMMENT_REQUESTS.contains(&next(k))) => false,
            // "replied with three penalties", "responded with six goals", "responded well",
            // "replied in kind": a deed counted or done so, unless a quotation it closes ("responded
            // with attacks on", "responded by saying" report).
            "respond" | "reply" if self.counted_reply(t, last) => self.frame_closes(first, t, last),
            // "referred to him as", and '"...," he said, referring to the convention'.
            "refer" => {
                next(1) == "to" && ((3..=8).any(|k| next(k) == "as") || self.word(t) == "referring" && t > first && self.word(t - 1) == ",")
            }
            // "pointed to reports that ...", "point to the 1994 crime bill".
            "point" => matches!(next(1), "out" | "to") || clause_follows,
            // "a U.S. appeals court", "the appeals process": a compound noun.
            "appeal" if matches!(next(1), "court" | "courts" | "judge" | "judges" | "panel" | "process") => false,
            // Verbs that report only with a clause after them: "the show will broadcast on 18
            // December", "able to recognise multiple clicks", "to assess the damage".
            "broadcast" | "recognize" | "assess" => matches!(next(1), "that" | ":" | "“" | "\"" | "''"),
            // "profit of £75m compared with £125m": arithmetic ("compared Bush to Nixon" judges).
            "compare" if matches!(next(1), "with" | "to") => false,
            // "charged that ...", "charged him with ..."; not "charge people for bandwidth".
            "charge" => clause_follows || (1..=10).take_while(|&k| !matches!(next(k), "." | ";" | "")).any(|k| next(k) == "with"),
            // "the Council has proved to be ineffective": a link verb, not a finding.
            "prove" if next(1) == "to" => false,
            // "Davis reported from Midway Atoll", "(Reporting by Valerie Volcovici)": bylines.
            "report" if next(1) == "from" || next(1) == "by" && self.word(t).ends_with("ing") => false,
            // "told reporters that", "tells her he": a clause after the hearer; "tell the truth",
            // "tell them how to vote" report nothing.
            "tell" if self.word(t).eq_ignore_ascii_case("tell") => {
                clause_follows
                    || (1..=4).any(|k| {
                        matches!(next(k), "that" | "“" | "\"" | "''" | ":" | "about" | "he" | "she" | "they" | "we" | "I" | "it" | "there")
                    })
            }
            // "it proved a false dawn", "The law is proving controversial": a link verb.
            "show" | "find" | "reveal" | "indicate" | "demonstrate" | "prove" if !clause_follows => self.document_fits(first, t, last),
            // "added that", '"...," added Rep. Clyburn', "..., the source added.": speech; "add $84
            // billion", "adding a few communities to ...": arithmetic.
            "add" => {
                clause_follows || matches!(next(1), "." | ";" | "") || t > first && matches!(self.word(t - 1), "," | "”" | "\"" | "''")
            }
            "see" | "view" | "regard" | "consider" => self.view_fits(t, last),
            // "held talks", "maintain services", "relay spam", 'held "friendly" talks': a clause
            // after them ("maintained that"), not a quotation. (The parse's clausal complements
            // read "will hold its conference in" and "held high hopes" as clauses.)
            "maintain" | "relay" => !matches!(next(1), "“" | "\"" | "''") && clause_follows || self.frame_closes(first, t, last),
            // "held that the law was void", "debated whether to ..."; not "held a conference call",
            // "hold nominating contests", "Congress has been debating four bills", "leaked
            // details onto the web": only with "that", a colon or a question word after them.
            "hold" | "debate" | "leak" => {
                let marked = self.marked_clause_follows(t, last) && !matches!(next(1), "“" | "\"" | "''" | ",");
                marked || matches!(next(1), "whether" | "how" | "why") || self.frame_closes(first, t, last)
            }
            // '"...," he roared', "roared that ..."; not "the crowd roared", "roared back".
            "roar" | "scream" | "shout" => self.marked_clause_follows(t, last) || self.frame_closes(first, t, last),
            // 'the EU rules "make it difficult"': a noun before a quotation.
            "rule" if matches!(next(1), "“" | "\"" | "''") => self.frame_closes(first, t, last),
            "claim" if !self.word(t).eq_ignore_ascii_case("claims") => self.claim_fits(first, t, last, clause_follows),
            "continue" => self.continue_fits(first, t, last),
            "write" => self.write_fits(first, t, last, clause_follows),
            // "..., the court ruled.": a frame closing its sentence reports what precedes it.
            "threaten" | "state" | "mean" | "know" | "feel" | "hope" | "understand" | "hear" | "learn" | "find" | "show" | "read"
            | "observe" | "reveal" | "indicate" | "demonstrate" | "establish" | "discover" | "rule" | "guarantee" | "volunteer" => {
                clause_follows || self.frame_closes(first, t, last)
            }
            // "Wimbledon champion Maria Sharapova": a title before a name ("champions the cause").
            "champion" if next(1).starts_with(char::is_uppercase) => false,
            _ if matches!(cue.class.as_str(), "judge" | "intend") => self.judgment_fits(cue, first, t, last),
            _ if matches!(cue.class.as_str(), "urge" | "ask") => self.request_fits(cue, first, t, last),
            _ => true,
        }
    }

    /// Whether the words after the reply at `t` count or qualify a deed ("with three penalties",
    /// "with 12 goals", "well", "quickly", "in kind").
    fn counted_reply(&self, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        let counted = t + 2 < last
            && (self.tokens()[t + 2].kind == TokenKind::Number
                || matches!(next(2), "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"));
        next(1) == "with" && counted || matches!(next(1), "well" | "quickly") || next(1) == "in" && next(2) == "kind"
    }

    /// Whether the cue at token `t` closes its sentence after a comma ("..., the court ruled.") or
    /// follows a closing quotation mark ('"Meh," wrote a supporter who runs the account').
    fn frame_closes(&self, first: usize, t: usize, last: usize) -> bool {
        matches!(self.word_after(t, last, 1), "." | "") && t >= first + 2 && (first..t - 1).any(|k| self.word(k) == ",")
            || t > first && matches!(self.word(t - 1), "”" | "\"" | "''")
    }

    /// "He continued: ...", "He continued, “...", "..., he continued.", "A major reason, he
    /// continues, is ...", "continued to insist"; not "continued to work", "has continued its
    /// slide and has tumbled", "talks will continue, the LSE said" (no clause without a mark:
    /// "continued he would" is no English; a comma after it only ends an aside).
    fn continue_fits(&self, first: usize, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        // "continued to say", "to insist", "to deny", "to warn"; not "to hold the patents", "to
        // show growth", "to oppose the plans": verbs that report only with a clause.
        let speech_goes_on = next(1) == "to"
            && self.lex.cue(next(2)).is_some_and(|c| matches!(c.class.as_str(), "say" | "claim" | "deny" | "admit" | "warn"))
            && !matches!(next(2), "hold" | "maintain");
        self.marked_frame(first, t, last) || speech_goes_on
    }

    /// "claimed that ...", "claim they are ...", "which they claim is owed", "claimed to have",
    /// "..., he claimed.", "claim his planned savings simply don't add up"; not "claim their
    /// share of the compensation", "to claim the women's 60m hurdles", "could claim between 150
    /// and 300 euros": with a noun phrase for its object (the parse's `obj`) and no verb after
    /// it in its clause, "claim" asks for or wins something.
    fn claim_fits(&self, first: usize, t: usize, last: usize, clause_follows: bool) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        if clause_follows || next(1) == "to" || self.frame_closes(first, t, last) || (1..=8).any(|k| matches!(next(k), "“" | "\"" | "''"))
        {
            return true;
        }
        let dependents = self.syntax.dependents(t);
        let object = dependents.iter().any(|&k| k > t && self.syntax.label(k) == "obj");
        let clause_end = (t + 1..last)
            .find(|&k| {
                matches!(self.word(k), "." | ";" | ":" | "and" | "but" | "while" | "after" | "before" | "when" | "as" | "with" | "because")
            })
            .unwrap_or(last);
        // The tagger reads some clauses' verbs as participles ("claimed it sought help"): any verb
        // but an infinitive or a gerund tells a clause.
        let verb_after = (t + 1..clause_end).any(|k| {
            let tag = self.syntax.tag(k);
            (tag.starts_with("VERB") || tag.starts_with("AUX")) && !tag.ends_with("VBG") && self.word(k - 1) != "to"
        });
        // "..., claimed the union organisation.": an inverted frame.
        let inverted = t > first && self.word(t - 1) == "," && self.word(t) != "claiming";
        !object || verb_after || inverted || dependents.iter().any(|&k| matches!(self.syntax.label(k), "ccomp" | "parataxis" | "xcomp"))
    }

    /// "he wrote: ...", "has written that ...", "He writes Clinton has ...", '"...," she wrote
    /// in', '"...," Tom Vance, an adviser, wrote after', "..., he wrote.", "..., Kennedy wrote
    /// Linick."; not "business written in the market", "a note written on a
    /// napkin", "which he wrote, directed and starred in", "took four years to write, and
    /// stayed", "who write in English or are ...", "I wrote about how ...".
    fn write_fits(&self, first: usize, t: usize, last: usize, clause_follows: bool) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        let participle = self.word(t) == "written" && !(t > first && matches!(self.word(t - 1), "has" | "have" | "had"));
        let coordinated = next(1) == "," && (next(2).ends_with("ed") || t > first && self.word(t - 1) == "to");
        // A clause without "that" opens with its subject.
        let determiner = matches!(next(1), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "these" | "our" | "my");
        let subject_opens = next(1).starts_with(char::is_uppercase) || determiner || PRONOUNS.contains(&next(1));
        // '"...," she wrote in', and across the speaker's apposition ('"...," Tom Vance, an
        // adviser to the board, wrote after ...': a quotation its comma closes, which no other
        // verb frames and no relative clause stands after: not '"...," said Ros Coward, who
        // wrote the biography').
        let quotation_closed_at = |k: usize| {
            matches!(self.word(k), "”" | "\"" | "''")
                && k > first
                && self.word(k - 1) == ","
                && (k + 1..t).all(|x| self.lex.cue(self.word(x)).is_none() && !matches!(self.word(x), "who" | "which" | "that"))
        };
        let after_quotation = (1..=3).any(|k| t >= first + k && matches!(self.word(t - k), "”" | "\"" | "''"))
            || (t.saturating_sub(20).max(first)..t).any(quotation_closed_at);
        let frames = self.marked_clause_follows(t, last) || subject_opens && clause_follows || after_quotation;
        // "..., Kennedy wrote Linick.": a closing frame with the name written to.
        let to_whom = |n: usize| (1..=n).all(|k| next(k).starts_with(char::is_uppercase)) && matches!(next(n + 1), "." | "");
        let closes_to = t >= first + 2 && (first..t - 1).any(|k| self.word(k) == ",") && (1..=3).any(to_whom);
        !participle && !coordinated && (frames || closes_to || self.frame_closes(first, t, last))
    }

    /// Whether the cue at token `t` frames speech by a mark: a clause
    /// ([`Self::marked_clause_follows`]; after a comma only where a quotation opens or the cue
    /// stands in an aside: "He continued, “...", "The reason, he continues, is ..."; not "talks
    /// will continue, the LSE said"), or the end of its sentence after a comma or a quotation
    /// ([`Self::frame_closes`]).
    fn marked_frame(&self, first: usize, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        let aside = t >= first + 2 && self.word(t - 2) == "," && PRONOUNS.contains(&self.word(t - 1));
        let quoted = matches!(next(2), "“" | "\"" | "''");
        (next(1) != "," || aside || quoted) && self.marked_clause_follows(t, last) || self.frame_closes(first, t, last)
    }

    /// 'called the plan "a disaster"', "called for a ban", "called on Congress to", "called the
    /// charges fabricated", "called the decision a huge win": an object and what it is called,
    /// three words or more before the clause ends. Not a noun ("a phone call with", "the
    /// Murphy conference call", "the so-called ...").
    fn call_fits(&self, first: usize, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        let word = self.word(t);
        let noun_phrase = matches!(word, "call" | "calls")
            && (t.saturating_sub(3).max(first)..t).rev().any(|k| {
                matches!(self.word(k).to_lowercase().as_str(), "a" | "an" | "the" | "this" | "his" | "her" | "their" | "its")
                    && (k + 1..t).all(|x| {
                        self.tokens()[x].kind == TokenKind::Word && !AUXILIARIES.contains(&self.word(x)) && !self.word(x).ends_with("ed")
                    })
            });
        if noun_phrase || t > first && self.word(t - 1) == "so" {
            return false;
        }
        if word == "called" && t > first && self.names_a_thing(first, t, last) {
            return false;
        }
        let clause_words =
            (1..=12).take_while(|&k| !matches!(next(k), "." | "," | ";" | ":" | "" | "and" | "but" | "after" | "before" | "when")).count();
        matches!(next(1), "for" | "on")
            || (1..=8).any(|k| matches!(next(k), "“" | "\"" | "''"))
            || clause_words >= 3
                && !matches!(next(1), "off" | "up" | "back" | "in" | "out" | "it" | "to" | "at" | "from" | "by" | "into" | "over")
    }

    /// Whether "called" at token `t` names a thing rather than calls it something. "a search
    /// system called Spotlight", "The painkillers - called COX-2 inhibitors": a participle before
    /// a name (the tagger's VBN, no auxiliary before it), unless what follows the name is a second
    /// object ("called Oz a quack") or a complement ("called Friday for ..."). "an extra chip
    /// called the trusted platform module", "a phenomenon called 'knocking'": the tagger's
    /// participle, which the parse makes a clause of the noun just before it; not "one lawmaker
    /// called Trump "the orange prince"" (a name and what it is called), "which Variety called"
    /// (a relative clause with its subject), "called it", "called for".
    fn names_a_thing(&self, first: usize, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        if self.syntax.tag(t) != "VERB VBN" || matches!(next(1), "for" | "on") {
            return false;
        }
        let after_name = (1..=6).find(|&k| !next(k).starts_with(char::is_uppercase)).map_or("", next);
        let name_follows = next(1).starts_with(char::is_uppercase);
        if name_follows
            && !AUXILIARIES.contains(&self.word(t - 1))
            && !matches!(after_name, "a" | "an" | "the" | "for" | "on" | "“" | "\"" | "''")
        {
            return true;
        }
        let second_object = name_follows && matches!(after_name, "a" | "an" | "the" | "“" | "\"" | "''");
        let pronoun = PRONOUNS.contains(&next(1)) || matches!(next(1), "this" | "that" | "these" | "those" | "him" | "her" | "them" | "it");
        let relative = (t.saturating_sub(3).max(first)..t).any(|k| matches!(self.word(k), "which" | "who" | "whom" | "that" | "what"));
        !second_object
            && !pronoun
            && !relative
            && self.syntax.label(t) == "acl"
            && self.syntax.head(t) == Some(t - 1)
            && !self.syntax.dependents(t).iter().any(|&k| self.syntax.label(k).starts_with("nsubj"))
    }

    /// "Polls show Clinton ahead", "A 2014 study by ... found 31 incidents": with no clause
    /// after it, a document shows or finds whatever its object says, when a document heads the
    /// clause or closes the sentence ("..., Federal Election Commission records show.").
    fn document_fits(&self, first: usize, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        let clause_start = (first..t)
            .rev()
            .find(|&k| matches!(self.word(k), "." | ";" | ":" | "that" | "and" | "but" | "“" | "\"" | "''"))
            .map_or(first, |k| k + 1);
        let document_in = |from: usize| {
            (from..t).any(|k| {
                let w = self.word(k).to_lowercase();
                DOCUMENTS.contains(&w.as_str()) && !AUTHORED.contains(&w.as_str())
            })
        };
        // "..., Bloomberg New Energy Finance found.", "..., researchers found.": who found it, by
        // name or as people.
        let finders = |from: usize| {
            matches!(self.word(t), "found" | "finds")
                && (from..t).all(|k| self.word(k).starts_with(char::is_uppercase) || self.word(k) == "&")
                || PEOPLE_NOUNS.contains(&self.word(t - 1))
        };
        let closing = matches!(next(1), "." | "")
            && (first..t)
                .rev()
                .find(|&k| self.word(k) == ",")
                .is_some_and(|comma| (document_in(comma + 1) || finders(comma + 1)) && comma + 1 < t && t - comma <= 8);
        closing || document_in(clause_start) && !matches!(next(1), "." | "," | ";" | ":" | "" | "up" | "out" | "off" | "to" | "in" | "that")
    }

    /// "sees Cruz as a uniter", "voters view the campaign as unfair": a view of the object,
    /// with "that" or "as" after it (not "as much", "as if"); "regarding" and "considering"
    /// are prepositions.
    fn view_fits(&self, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        let as_follows = (2..=8).find(|&k| matches!(next(k), "as" | "." | "," | ";" | ":" | "" | "“" | "\"" | "''")).is_some_and(|k| {
            next(k) == "as" && !matches!(next(k + 1), "much" | "many" | "well" | "long" | "soon" | "far" | "if" | "though")
        });
        !matches!(self.word(t), "regarding" | "considering") && (next(1) == "that" || as_follows)
    }

    /// "agreed to release", "criticized the plan": judgments and intentions take an object or
    /// an infinitive, and are not themselves infinitives ("to support"). "plans to", "agreed
    /// that": an intention has a clause ("planned the raid" is none), but a wish may take a
    /// plain object ("Palestinians want East Jerusalem"). "Trump is supported by far fewer
    /// publications": a passive names its holder after "by", when a person is what is judged
    /// (not "The work of X is supported by a foundation").
    fn judgment_fits(&self, cue: &crate::lexicon::Cue, first: usize, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        let infinitive = t > first && (self.word(t - 1) == "to" || self.word(t - 1) == "not" && t > first + 1 && self.word(t - 2) == "to");
        let passive = next(1) == "by"
            && (first..t)
                .rev()
                .find(|&k| !self.adverb_at(k) && !matches!(self.word(k), "also" | "not" | "long" | "widely"))
                .filter(|&k| matches!(self.word(k), "is" | "are" | "was" | "were" | "been" | "be" | "being"))
                .map(|k| self.subject_end(first, k))
                .filter(|&end| end > first)
                .is_some_and(|end| {
                    let x = end - 1;
                    let w = self.word(x);
                    let lower = w.to_lowercase();
                    PRONOUNS.contains(&w)
                        || PEOPLE_NOUNS.contains(&lower.as_str())
                        || self.lex.role(lower.trim_end_matches('s')).is_some()
                        || self.mention_ending(x).is_some_and(|m| self.r.mentions[m].kind == EntityType::Person)
                });
        let object_fits = if cue.class == "intend" {
            matches!(next(1), "to" | "that" | "with")
                || matches!(cue.lemma.as_str(), "want" | "prefer")
                    && !matches!(next(1), "." | "," | ";" | ":" | "" | "by" | "of" | "and" | "or" | "in" | "on" | "at" | "for")
        } else {
            passive || !matches!(next(1), "." | "," | ";" | ":" | "" | "by" | "of" | "and" | "or")
        };
        t > first && !infinitive && object_fits
    }

    /// "called for a ban", "urged Congress to act", "asked whether", "asked about the plan",
    /// "asked her to call": directives and questions report a position when the question or
    /// request follows at once or after a short object. A directive's object is what it asks
    /// for ("urges retaliation on Russia", "demanded an apology"; not in a participle after a
    /// noun, "a video urging militants ...", whose speaker is the noun); "questioning the
    /// integrity of the vote": what is doubted; "asked the network to donate", "asked workers
    /// if they planned to": a hearer, not a bare article, before the question.
    fn request_fits(&self, cue: &crate::lexicon::Cue, first: usize, t: usize, last: usize) -> bool {
        let next = |k: usize| self.word_after(t, last, k);
        matches!(next(1), "for" | "on" | "that" | "whether" | "if" | ":" | "“" | "\"" | "''")
            || (cue.class == "urge" && !self.word(t).ends_with("ing") || matches!(cue.lemma.as_str(), "question" | "query"))
                && t > first
                && self.word(t - 1) != "to"
                && !matches!(next(1), "." | "," | ";" | ":" | "" | "by" | "of" | "and" | "or" | "to")
            || cue.class == "ask" && matches!(next(1), "about" | "what" | "how" | "why" | "who" | "which" | "when" | "where")
            || cue.class == "ask" && next(1) == "," && matches!(next(2), "“" | "\"" | "''")
            || !self.word(t).ends_with("ing")
                && (2..=if cue.class == "ask" { 7 } else { 5 }).any(|k| {
                    (matches!(next(k), "to" | "whether" | "what" | "how" | "why" | "about")
                        || cue.class == "ask" && matches!(next(k), "if" | "which" | "who" | "whom" | "when" | "where"))
                        && (1..k).all(|x| next(x).chars().all(char::is_alphabetic) && !matches!(next(x), "and" | "not"))
                        && !(k == 2 && matches!(next(1), "the" | "a" | "an"))
                })
    }

    /// "seemed to", "appears somewhat uneasy", "It seems that": the writer's hedge on what the
    /// subject does or is, a cue with no source.
    pub(super) fn seeming(&self, first: usize, t: usize) -> Option<Cue> {
        let word = self.word(t);
        let lemma = match word {
            "seem" | "seems" | "seemed" => "seem",
            "appear" | "appears" | "appeared" => "appear",
            _ => return None,
        };
        let next = self.word(t + 1);
        let after = if t + 2 < self.tokens().len() { self.word(t + 2) } else { "" };
        let preposition = |w: &str| SEEMING_NOT_COMPLEMENTS.contains(&w);
        let fits = match next {
            // "seemed to shrink", not "appeared to the crowd"; "appeared to suggest" is the frame
            // of "suggest" and its speaker.
            "to" => after.starts_with(char::is_lowercase) && !preposition(after) && !is_plural(after) && self.lex.cue(after).is_none(),
            "like" | "that" => true,
            "," => t > first && matches!(self.word(t - 1), "It" | "it"),
            // "seemed equally unperturbed", "appeared paralyzed".
            _ => {
                next.starts_with(char::is_lowercase)
                    && self.tokens()[t + 1].kind == TokenKind::Word
                    && !preposition(next)
                    && !next.ends_with("ly")
                    || is_adverb(next) && after.starts_with(char::is_lowercase) && !preposition(after)
            }
        };
        // "was seemingly", "the appearance": only the verb; "to appear on" is physical.
        (fits && t > first && self.word(t - 1) != "to").then(|| Cue {
            span: self.tokens()[t].span,
            lemma: lemma.into(),
            class: "suggest".into(),
        })
    }

    /// Whether the verb at `t` follows "to" after the object of a verb that asks someone to act
    /// ("urged the club to reject the deal", "told the skipper to warn his players", "expected
    /// the Bank of England to respond"): what the object is to do is the asking verb's content;
    /// the verb is no cue of its own, whose source would be the asker.
    pub(super) fn urged_to(&self, first: usize, t: usize) -> bool {
        if t < first + 3 || self.word(t - 1) != "to" {
            return false;
        }
        let object = (first.max(t.saturating_sub(8))..t - 2).rev().find(|&k| {
            self.lex.cue(self.word(k)).is_some_and(|c| {
                matches!(
                    c.lemma.as_str(),
                    "urge" | "ask" | "tell" | "expect" | "encourage" | "press" | "persuade" | "advise" | "invite" | "order"
                )
            })
        });
        // An object, not "is expected to meet ... to discuss": no "to" before the verb's own.
        object.is_some_and(|k| {
            (k + 1..t - 1).all(|x| {
                let w = self.word(x);
                w.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
                    && w != "to"
                    && self.lex.cue(w).is_none()
                    && !FINITE.contains(&w)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;

    fn cues(text: &str) -> Vec<String> {
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        doc.claims.iter().filter_map(|c| c.cue.as_ref()).map(|cue| cue.span.of(text).to_string()).collect()
    }

    #[test]
    fn a_finder_named_after_a_comma_closes_the_sentence_and_hyphens_stand_before_that() {
        let text = "Port row\n\nTom Vance wrote in a Kelso Times op-ed that the quay was unsafe. Fees rose 8% last \
                    year, Kelso Energy Finance found. Ferry use fell, researchers found. The keys, he found.\n";
        assert_eq!(cues(text), ["wrote", "found", "found"]);
    }

    #[test]
    fn a_reply_with_a_deed_is_no_speech() {
        let text = "Trials\n\nKelso replied with three penalties. Ana Ruiz has since responded with 12 goals. \
                    Harwick replied in kind. Tom Vance responded by saying fares would rise. \"No,\" Jo Brandt replied.\n";
        assert_eq!(cues(text), ["responded", "saying", "replied"]);
    }

    #[test]
    fn a_title_claimed_or_defended_is_no_speech_whatever_describes_it() {
        // The object's head decides ("the women's shot put title"); a clause after the verb is
        // a claim.
        let text = "Trials\n\nAna Ruiz claimed the women's shot put title with a throw of 17.6m. Defending champion \
                    Jo Brandt defended her 3,000m title. Tom Vance claimed the trials were unfair.\n";
        assert_eq!(cues(text), ["claimed"]);
    }

    #[test]
    fn what_someone_is_urged_or_expected_to_do_is_no_claim_of_the_asker() {
        // A verb after "to" with nothing asked between keeps its own frame.
        let text = "Port row\n\nThe Kelso Dockers' Union urged the council to reject the new deal. The mayor told \
                    the harbour master to warn his crews. The board is expected to meet on Monday to discuss the bid.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let cues: Vec<&str> = doc.claims.iter().filter_map(|c| c.cue.as_ref()).map(|q| q.span.of(text)).collect();
        assert!(cues.contains(&"urged") && cues.contains(&"told"), "{cues:?}");
        assert!(!cues.contains(&"reject") && !cues.contains(&"warn"), "{cues:?}");
        assert!(cues.contains(&"discuss"), "{cues:?}");
    }

    #[test]
    fn holding_debating_leaking_and_roaring_report_only_with_a_clause() {
        let text = "Port row\n\nThe council held a conference call on Tuesday. The board will hold nominating contests. \
                    Ministers have been debating four harbour bills. Staff leaked details about the plan onto the web. \
                    The crowd roared when the ferry arrived. The court held that the levy was void.\n";
        assert_eq!(cues(text), ["held"]);
    }

    #[test]
    fn writing_frames_a_quotation_across_its_writer_s_apposition() {
        // '"...," NAME, APPOSITION, wrote after ...' and "..., NAME wrote NAME." frame what
        // precedes; a relative clause after another frame does not ('said Ines Carvalho, who
        // wrote the book').
        let text = "Port news\n\n\"The quay is not safe,\" Tom Vance, an adviser to the harbour board, wrote after the \
                    report was released. The cranes are old, Ana Ruiz wrote Vance. \"It was a sad day,\" said Ines \
                    Carvalho, who wrote the book about the port.\n";
        assert_eq!(cues(text), ["wrote", "wrote", "said"]);
    }

    #[test]
    fn keeping_holding_and_titles_report_nothing() {
        // "maintain" and "hold" report a position only before a clause; a quotation right after
        // them is an adjective's ('held "friendly" talks'); "champion" before a name is a title,
        // "chat" before a noun a compound, and so is "voice mail" (`not_speech.tsv`).
        let text = "Port news\n\nSome analysts maintain the harbour is too small. Dealers cut prices to maintain sales \
                    growth. Kelso bosses have held \"friendly\" talks with the trust. The court held that the sale was \
                    legal. Kelso champion Ana Ruiz won again. Former chat show host Tom Vance said he was leaving. \
                    On the screen, pictures designate apps like TV, voice mail, and video calls.\n";
        assert_eq!(cues(text), ["maintain", "held", "said"]);
    }

    #[test]
    fn claiming_a_prize_and_naming_a_thing_report_nothing() {
        // "claim" with a noun phrase for its object and no verb after it wins or asks for
        // something; with a clause, or closing a sentence after a comma, it reports one. A
        // participle "called" right after a noun names a thing; "called X a ..." judges it.
        let text = "Port news\n\nAna Ruiz claimed the women's 60m title in Kelso. Dock workers can claim their \
                    share of the fund. The union claimed the port was unsafe. Pay had fallen for years, claimed the \
                    union. Tom Vance claims his rivals simply don't add up the costs. The firm sells a device called \
                    the harbour module that counts ships. One dealer called Mr Vance a fraud.\n";
        assert_eq!(cues(text), ["claimed", "claimed", "claims", "called"]);
    }

    #[test]
    fn an_opening_participle_phrase_frames_nothing() {
        // A cue form closing an opening participle phrase before its comma is circumstance ("the
        // Jo Brandt show"), also after a possessive the tokens split ("Radio 4's").
        let text = "Tax row\n\nInterviewed on Kelso Radio 4's Jo Brandt show, Mr Vance said: \"It is true.\" Speaking on \
                    the Ana Ruiz show, Ms Lund said: \"It is not.\"\n";
        assert_eq!(cues(text), ["said", "said"]);
        // A name after a possessive modifies the noun after it.
        let text = "Books\n\nThe best read award, on Jo Brandt and Ana Ruiz's Channel 4 show, is part of the Kelso \
                    Book Awards.\n";
        assert!(cues(text).is_empty(), "{:?}", cues(text));
    }

    #[test]
    fn writing_back_reports_the_quotation_after_it() {
        let text = "Email row\n\nAn hour later, Ana Ruiz wrote back: \"We have him on our radar.\"\n";
        assert_eq!(cues(text), ["wrote"]);
    }

    #[test]
    fn a_directive_inside_speech_and_a_cue_ending_a_subject_report_nothing() {
        // "encourage" inside what someone said is part of it, not a report of its own; "show"
        // ending the subject of "said" is a noun.
        let text = "Pay plan\n\nMs Ruiz said the bonus would encourage staff to stay. Tom Vance, host of the \
                    station's late show, said the plan was fair.\n";
        assert_eq!(cues(text), ["said", "said"]);
    }

    #[test]
    fn a_quotation_earlier_in_the_sentence_makes_no_frame_of_a_later_verb() {
        // The quotation closes long before "continue", with a verb and a cue between: no frame.
        let text = "Budget\n\nMs Ruiz said she had met her \"golden rule\" with a surplus and she said borrowing \
                    would continue to fall over the next five years.\n";
        assert_eq!(cues(text), ["said", "said"]);
    }

    #[test]
    fn continuing_reports_speech_only_as_a_frame() {
        // "continued" frames speech after a colon, a quotation, an aside's commas or another
        // speech verb; "continued to work", "has continued its slide and has" and "will
        // continue, the port said" report nothing of their own.
        let text = "Port talks\n\nTom Vance continued: \"We will not sell.\" The reason, he continued, is that the \
                    port pays well. Ana Ruiz continued to insist that the deal was fair. The banks continued to work \
                    with the port. The pound has continued its slide and has fallen again. Talks with the buyer will \
                    continue, the port said.\n";
        assert_eq!(cues(text), ["continued", "continued", "continued", "said"]);
    }

    #[test]
    fn writing_reports_speech_only_as_a_frame() {
        // "wrote" frames speech before a clause that opens with its subject or a mark, or after a
        // quotation; a participle after a noun, verbs in a row and "wrote about" report nothing.
        let text = "Film news\n\nTom Vance, 45, wrote, directed and starred in the film. Ana Ruiz writes the studio has \
                    \"lost its nerve\". The business written in the market is small. Critics who write in English \
                    are kind. Ms Ruiz wrote about how the cuts were made.\n";
        assert_eq!(cues(text), ["writes"]);
    }

    #[test]
    fn a_foreseen_report_inside_speech_is_part_of_it() {
        // "would announce" inside what Ms Ruiz said is her forecast, not a report of Mr Vance's;
        // "had complained" inside it is one.
        let text = "Port plan\n\nMs Ruiz said Tom Vance would announce the new fees on Monday. She said the \
                    harbour master had complained the fees were too low.\n";
        assert_eq!(cues(text), ["said", "said", "complained"]);
    }
}
