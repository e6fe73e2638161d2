//! Source words read from the parse: the subject of a cue verb and of the verbs it hangs from
//! (`parse_source`), the one judged for what they said (`judged_object`), widened or cut
//! subjects, and the subtree of a word.

use super::*;

/// Words that no subject reaches back over (lowercase): quotation marks, subordinators and the
/// speech verbs that close a quotation's frame.
const CLAUSE_EDGES: [&str; 21] = [
    "\"", "''", "said", "say", "says", "if", "when", "because", "while", "although", "though", "unless", "where", "than", "as", "since",
    "whereas", "after", "before", "until", "once",
];

impl Attributor<'_> {
    /// The verb of the clause whose subject mention `m` is in the parse: its head word hangs from
    /// a word outside it as `nsubj` or `nsubj:pass`, or in apposition after a comma to a subject
    /// before its verb ("The chair of the council, Marta Ilves, said").
    pub(super) fn subject_verb(&self, m: usize) -> Option<usize> {
        let span = self.r.mentions[m].span;
        let (first, last) = (self.token_at(span.start), self.token_at(span.end));
        let mut k = (first..last).find(|&k| self.syntax.head(k).is_none_or(|h| h < first || h >= last))?;
        // A title outside the mention heads the name ("Mr" in "Mr Mubanga is the first ...").
        if first > 0 && self.syntax.label(k) == "flat" && self.syntax.head(k) == Some(first - 1) {
            k = first - 1;
        }
        // An apposition set off by a comma, before its subject's verb ("coach Andy Robinson" is
        // a title and a name, and after the verb the parse may have joined an object to it).
        let apposed = self.syntax.label(k) == "appos";
        if apposed && (first == 0 || self.word(first - 1) != ",") {
            return None;
        }
        while self.syntax.label(k) == "appos" {
            let Some(h) = self.syntax.head(k) else { break };
            k = h;
        }
        let verb = self.syntax.head(k)?;
        (self.syntax.label(k).starts_with("nsubj") && (!apposed || verb >= last)).then_some(verb)
    }

    /// The source of the verb at `t` by the parse, within the clause: its words, the mention
    /// they name and their first token. The verb's own `nsubj`; for a verb without one that is
    /// joined to another ("praised the crews, then says", "attacked the plans, saying", "wants to
    /// say"), the speaker of that verb's frame, else its subject; for a message or document
    /// "saying" something, the subject of the verb it is the object of ("posted a message
    /// saying"). A relative pronoun ("who
    /// spoke") is no subject here, nor words opening with a preposition (a misparse). After a
    /// quotation (`inverted`), a noun phrase the parse makes the verb's object is its subject
    /// ('"...," said a union negotiator').
    pub(super) fn parse_source(&self, clause: &Clause, t: usize, inverted: bool) -> Option<Subject> {
        let (first, last) = (clause.first, clause.last);
        if let Some((_, found)) = self.judged_object(first, last, t) {
            return Some(found);
        }
        let mut verb = t;
        // "are trying to stop singer Tom Vance performing in Kelso, saying ...": a participle after
        // a comma speaks for its clause's finite verb, not for a non-finite verb between
        // ("performing", "stop"), whose subject the parse may give (`skips_non_finite`).
        let adjunct = t > first && self.word(t - 1) == "," && self.word(t).ends_with("ing");
        for _ in 0..3 {
            // (Passing over such verbs takes no step of the three.)
            for _ in 0..2 {
                if adjunct && verb != t && self.skips_non_finite(verb) {
                    verb = self.syntax.head(verb)?;
                }
            }
            // "mocked Mr Vik for calling himself ..., noting that ...", "slammed Mr Vik for
            // suggesting ... and bragged": what the judged one said is theirs, the rest the judge's
            // ("accused Mr Vik of telling lies and then attacking them" joins two gerunds).
            // (`t` itself was asked above.)
            let joined_gerund = self.word(t).ends_with("ing") && self.syntax.label(t) == "conj" && self.syntax.head(t) == Some(verb);
            if verb != t && !joined_gerund {
                if let Some((judge, _)) = self.judged_object(first, last, verb) {
                    verb = judge;
                }
            }
            if verb != t {
                let at = self.tokens()[verb].span;
                // Among the latest claims: the verb's is in this sentence, and a page of thousands
                // of claims must not read every one for each verb that has none.
                let framed = self
                    .claims
                    .iter()
                    .rev()
                    .take(super::source::LOOK_BACK)
                    .find(|c| c.cue.as_ref().is_some_and(|cue| cue.span == at) && c.source_span.is_some());
                if let Some(c) = framed {
                    let span = c.source_span.expect("checked");
                    return Some((c.source, span, self.token_at(span.start)));
                }
            }
            if let Some(found) = self.verb_subject(first, last, verb, t, inverted) {
                return found;
            }
            // "Mr. Brandt, asked about ...,": a participle after a comma is passive, its own frame.
            let participle = self.word(verb).ends_with("ed") && matches!(self.syntax.label(verb), "advcl" | "parataxis");
            // "Strand posted a message late Friday saying that ...", "she said at a news
            // conference announcing": the speaker of a message saying something is whoever sent
            // or held it, the subject of the verb it is the object (or oblique) of.
            let message = self.word(verb).ends_with("ing") && self.syntax.label(verb).starts_with("acl");
            if message {
                let noun = self.syntax.head(verb)?;
                let sent = MESSAGES.contains(&self.word(noun).to_lowercase().as_str()) || document_noun(self.word(noun));
                if !matches!(self.syntax.label(noun), "obj" | "obl") || !sent {
                    return None;
                }
                verb = self.syntax.head(noun)?;
                continue;
            }
            // "Ozzy was at a loss to explain", "Kelso Bank is the latest lender to express concern":
            // an infinitive completing a predicate noun speaks for that noun's subject; "called a
            // meeting to discuss", "never missed a chance to remind": one completing an object,
            // for the subject of the object's verb.
            if let Some(noun) = self.syntax.head(verb).filter(|_| self.noun_s_infinitive(verb)) {
                verb = match self.syntax.label(noun) {
                    _ if self.agent_subject(noun) => noun,
                    "obj" if self.purpose_object(noun) => self.syntax.head(noun)?,
                    _ => return None,
                };
                continue;
            }
            if participle || !matches!(self.syntax.label(verb), "conj" | "xcomp" | "advcl" | "parataxis") {
                return None;
            }
            verb = self.syntax.head(verb)?;
        }
        None
    }

    /// The subject the parse gives the verb at `verb` within tokens `first..last`, climbing from
    /// the cue at `t` (`parse_source`): None where it gives none, `Some(None)` where its subject is
    /// no source (a relative pronoun, words opening with a preposition).
    fn verb_subject(&self, first: usize, last: usize, verb: usize, t: usize, inverted: bool) -> Option<Option<Subject>> {
        // "posts early Friday saying": a day the parser made a subject is none.
        let time = |k: usize| WEEKDAYS.contains(&self.word(k)) || MONTHS.contains(&self.word(k));
        let subject = |k: usize| match self.syntax.label(k) {
            "nsubj" => !time(k),
            // "Carvalho was joined on stage and joked": the passive subject of the clause a
            // verb is joined to.
            "nsubj:pass" => verb != t,
            "obj" => inverted && verb == t && k > t,
            _ => false,
        };
        // An active subject before a passive one: the parser may give a verb both.
        let mut dependents = self.syntax.dependents(verb).iter().copied().filter(|&k| (first..last).contains(&k) && subject(k));
        if let Some(k) = dependents.clone().min_by_key(|&k| self.syntax.label(k) == "nsubj:pass") {
            // Two subjects in one run of nouns are one phrase the parse cut ("Wales" and "Tom"
            // in "Wales captain Tom Vance returned", "Greek sprinters" and "Kostas Kenteris
            // and Katerina Thanou"): both subtrees.
            let nominal = |x: usize| matches!(self.syntax.upos(x), "PROPN" | "NOUN");
            let same = |k2: usize| k2 > k && (k + 1..k2).all(nominal) && self.syntax.label(k2) == self.syntax.label(k);
            let relative = matches!(self.word(k).to_lowercase().as_str(), "who" | "which" | "that" | "whom");
            let (start, mut end) = self.subtree(first, last, k);
            if let Some(k2) = dependents.find(|&k2| same(k2)) {
                end = end.max(self.subtree(first, last, k2).1);
            }
            if relative || PREPOSITIONS.contains(&self.word(start)) {
                return Some(None);
            }
            let (m, span) = self.parsed_source(start, end);
            return Some(Some((m, span, start)));
        }
        None
    }

    /// Whether the verb at token `t` is an infinitive that completes a noun ("the desire to
    /// express their individuality", "at a loss to explain").
    pub(super) fn noun_s_infinitive(&self, t: usize) -> bool {
        t > 0
            && self.word(t - 1) == "to"
            && self.syntax.label(t) == "acl"
            && self.syntax.head(t).is_some_and(|h| h < t && self.syntax.upos(h) == "NOUN")
    }

    /// Whether the object noun at `noun`, which an infinitive completes, is the means or the
    /// occasion of its verb's subject ("called a meeting to discuss", "used a speech to say"):
    /// not a person nor someone's ("prompted a donor to say", "welcomed the court's decision to
    /// reject"), not after a verb that makes its object act, and the verb's subject can act
    /// ("It took a tackle to deny him" names no one).
    fn purpose_object(&self, noun: usize) -> bool {
        let Some(verb) = self.syntax.head(noun) else { return false };
        let owned = self.syntax.dependents(noun).iter().any(|&k| self.syntax.label(k) == "nmod:poss");
        !owned
            && !self.people_noun(&self.word(noun).to_lowercase())
            && !super::clause_subject::OBJECT_CONTROL.contains(&self.word(verb).to_lowercase().as_str())
            && self.agent_subject(verb)
    }

    /// Whether the word at `noun` has a subject that can act: a noun, a name or a personal
    /// pronoun; not "it" ("it was time for the mayor to say sorry", "it was in their interest to
    /// reject the offer") nor a clause ("What urban means to us is the term to describe").
    fn agent_subject(&self, noun: usize) -> bool {
        self.syntax.dependents(noun).iter().any(|&k| {
            self.syntax.label(k) == "nsubj"
                && matches!(self.syntax.upos(k), "NOUN" | "PROPN" | "PRON")
                && !matches!(self.word(k).to_lowercase().as_str(), "it" | "this" | "that" | "what" | "there")
        })
    }

    /// Whether a participle adjunct climbing the parse passes over the verb at `verb`: a
    /// non-finite verb ("VBG", or a bare or "to" infinitive) inside another verb's clause.
    /// Not "with Ana Ruiz marching up to him, saying": a clause that "with" opens names its own
    /// subject.
    fn skips_non_finite(&self, verb: usize) -> bool {
        let non_finite = self.syntax.tag(verb).ends_with(" VBG") || self.syntax.tag(verb).ends_with(" VB");
        let with = || self.syntax.dependents(verb).iter().any(|&k| self.word(k) == "with" || self.word(k.saturating_sub(1)) == "with");
        non_finite && matches!(self.syntax.label(verb), "xcomp" | "advcl" | "ccomp") && self.syntax.head(verb).is_some() && !with()
    }

    /// "Dr Vik accused Mr Dahl and his ministers of telling ...", "criticised the government for
    /// claiming ...", "branded Mr Dahl \"arrogant\" for claiming": a gerund at `t` after "of" or
    /// "for" under an active verb (the tagger's) that judges someone for what they did
    /// (`JUDGING_OF_AN_ACT`) is said by that verb's object, the words between the verb and the
    /// first "of", "for", "as" or quotation mark after it; not where the verb is passive ("Ms
    /// Ruiz was criticised for claiming" keeps its own subject), nor after "by", the judge's own
    /// means ("attacked Mr Dahl by accusing him"). Read from the words: the parse hangs such
    /// gerunds on the object noun or on the words of the charge.
    pub(super) fn judged_object(&self, first: usize, last: usize, t: usize) -> Option<(usize, Subject)> {
        if t <= first + 1 || !self.word(t).ends_with("ing") || !matches!(self.word(t - 1), "of" | "for") {
            return None;
        }
        // The lexicon first: asking the tagger tags the whole sentence.
        let judging = |k: usize| {
            self.lex.cue(self.word(k)).is_some_and(|c| JUDGING_OF_AN_ACT.contains(&c.lemma.as_str())) && self.syntax.upos(k) == "VERB"
        };
        let verb =
            (t.saturating_sub(25).max(first)..t - 1).rev().take_while(|&k| !matches!(self.word(k), ";" | ":")).find(|&k| judging(k))?;
        let before = (first..verb).rev().find(|&k| !self.adverb_at(k) && !matches!(self.word(k), "also" | "widely" | "not"));
        if before.is_some_and(|k| matches!(self.word(k), "was" | "were" | "been" | "be" | "is" | "are" | "being")) {
            return None;
        }
        let end = (verb + 1..t).find(|&k| matches!(self.word(k), "of" | "for" | "as" | "“" | "\"" | "''"))?;
        if end == verb + 1 || end - verb > 9 || last < end {
            return None;
        }
        let (m, span) = self.parsed_source(verb + 1, end);
        Some((verb, (m, span, verb + 1)))
    }

    /// "issued a policy paper welcoming", "at a news conference announcing": a participle at `t`
    /// after a message or event that names no one (`found`) speaks for whoever issued or held
    /// it, when the parse says who (`parse_source`).
    pub(super) fn sender(&self, clause: &Clause, t: usize, found: Subject) -> Subject {
        let head = found.1.of(self.text()).rsplit(' ').next().unwrap_or("").to_lowercase();
        if found.0.is_some() || !self.word(t).ends_with("ing") || !MESSAGES.contains(&head.as_str()) {
            return found;
        }
        self.parse_source(clause, t, false).filter(|&(_, span, _)| span.end <= found.1.start).unwrap_or(found)
    }

    /// A subject the words before the verb at `t` found but could not name, widened to the
    /// verb's whole subject in the parse when that holds it: "Multiple sources close to the
    /// harbour talks say", not "the harbour talks".
    pub(super) fn widened_subject(&self, clause: &Clause, t: usize, found: Subject) -> Subject {
        let (m, span, start) = found;
        // A subject that names someone, or opens the clause (nothing before it to widen over),
        // stays as found: the parse is not asked for. Nor is it where a quotation mark, a
        // subordinator or a speech verb stands before the words ('..." Mr White said', "if the
        // election returns show"), or a comma, unless the words end a list ("a Department for
        // Media, Culture and Sport spokeswoman").
        if m.is_some() || start <= clause.first {
            return found;
        }
        let before = self.word(start - 1).to_lowercase();
        let list_tail = || span.of(self.text()).split(' ').any(|w| matches!(w, "and" | "or"));
        if CLAUSE_EDGES.contains(&before.as_str()) || before == "," && !list_tail() {
            return found;
        }
        let parsed = self.parse_source(clause, t, false).filter(|&(_, wider, a)| wider.end <= self.tokens()[t].span.start && a < start);
        // "Consumer spending fuelled growth in the last quarter and analysts expect": not over
        // a clause of its own before "and", which a misparse joins to the subject: a verb in the
        // past tense or a finite one outside a relative clause ("The senator who made enemies and
        // bragged about it now wants"; a participle is no clause: "A hearing scheduled for May
        // 16 and 17 will rule"), or more words than a coordinated subject has.
        let clause_before = |a: usize| {
            let verb = |k: usize| {
                let w = self.word(k);
                FINITE.contains(&w) || w.starts_with(char::is_lowercase) && self.syntax.tag(k) == "VERB VBD"
            };
            let relative = |k: usize| matches!(self.word(k), "who" | "which" | "that");
            before == "and" && !(a..start - 1).any(relative) && (start - 1 - a > 8 || (a..start - 1).any(verb))
        };
        parsed.filter(|&(_, wider, a)| wider.contains(span) && !clause_before(a)).unwrap_or(found)
    }

    /// The speaker a subject found in the parse (tokens `start` to `end`) names: its words up to
    /// the first comma ("Halvorsen, the author of ...", "Kelso fishing boss Arvid Lindqvist, who
    /// has ..."), read as a noun phrase; no one when they end in a capitalized word that no
    /// mention holds ("Labour MSP Christine May": a name not recognized, not the party).
    fn parsed_source(&self, start: usize, end: usize) -> (Option<usize>, Span) {
        let cut = (start + 1..end).find(|&k| self.word(k) == ",").unwrap_or(end);
        let (m, _) = self.noun_phrase_source(start, cut);
        let at = self.tokens()[cut - 1].span;
        let unknown_name = self.word(cut - 1).starts_with(char::is_uppercase)
            && cut - 1 > start
            && !self.r.mentions_in(self.span(start, cut)).iter().any(|&m| self.r.mentions[m].span.contains(at));
        // "Another union ally, Transport Secretary Ana Ruiz,": the person the apposition names.
        let apposed = || {
            let next = (cut + 1..end).find(|&k| self.word(k) == ",").unwrap_or(end);
            let last = self.r.mentions_in(self.span(cut + 1, next)).last().copied();
            last.filter(|&a| {
                self.r.mentions[a].kind == EntityType::Person && self.r.mentions[a].span.end == self.tokens()[next - 1].span.end
            })
        };
        // "the ad's narrator, going on to detail ...", "A senior official, speaking to Paul
        // Adams,": what the speaker did while speaking is no part of their words, and names no
        // one for them.
        let doing = (cut..end).find(|&k| self.word(k) == "," && k + 1 < end && self.does_while_speaking(k + 1, end));
        let m = m.filter(|_| !unknown_name).or_else(|| if cut + 1 < end && doing != Some(cut) { apposed() } else { None });
        let end = doing.unwrap_or(end);
        (m, self.span(start, end))
    }

    /// The tokens from the first to the last that hang from token `k` in the parse, within the
    /// sentence from `first` to `last`, without trailing punctuation.
    pub(super) fn subtree(&self, first: usize, last: usize, k: usize) -> (usize, usize) {
        // The tokens within 63 steps below `k` (a walk up from a token gives up after 64), found
        // by walking down: testing every token of the sentence would cost a long one (a
        // hostile one, thousands of nested quotations) a scan per cue.
        let (mut start, mut end) = (k, k + 1);
        let mut level = vec![k];
        for _ in 0..64 {
            for &j in &level {
                if (first..k).contains(&j) {
                    start = start.min(j);
                }
                if (k..last).contains(&j) {
                    end = end.max(j + 1);
                }
            }
            level = level.iter().flat_map(|&j| self.syntax.dependents(j).iter().copied()).collect();
            if level.is_empty() {
                break;
            }
        }
        // ", its lowest level in a decade, the water company": what a misparse hangs before a
        // comma stays out.
        if let Some(comma) = (start..k).rev().find(|&j| self.word(j) == ",") {
            start = comma + 1;
        }
        while end > k + 1 && self.tokens()[end - 1].kind == TokenKind::Punct {
            end -= 1;
        }
        (start, end)
    }

    /// Whether `verb` heads its sentence, alone or joined to the root by a conjunction.
    pub(super) fn is_main_verb(&self, verb: usize) -> bool {
        match self.syntax.head(verb) {
            None => true,
            Some(root) => self.syntax.label(verb) == "conj" && self.syntax.head(root).is_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::source::tests::{source_of, source_words_of};
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;

    #[test]
    fn an_infinitive_completing_a_predicate_noun_speaks_for_its_subject() {
        // Or one completing an object, for the subject of its verb. A noun's infinitive with no
        // such subject reports nothing ("the desire to express"), nor does one after "it was
        // time".
        let text = "Port row\n\nKelso Bank is the latest lender to express concern at the port's plans. Their desire \
                    to express their taste is strong. It was time for the \
                    mayor to deny the plans. The council called an emergency meeting to discuss the fares.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "concern at the port"), Some("Kelso Bank"));
        assert_eq!(source_words_of(&doc, text, "the fares"), Some("The council"));
        assert!(doc.claims.iter().all(|c| !c.content.of(text).contains("their taste")), "{:?}", doc.claims);
        assert!(doc.claims.iter().all(|c| !c.content.of(text).contains("the plans") || c.source.is_none()), "{:?}", doc.claims);
    }

    #[test]
    fn the_one_judged_for_saying_something_said_it() {
        // "criticised X for claiming": X claims; the judge's own further frames stay the judge's.
        let text = "Port row\n\nThe mayor mocked Tom Vance for calling himself the king of the docks, noting that \
                    his ferries were late. Ana Ruiz slammed Tom Vance for suggesting that the port was safe, and \
                    bragged about her record. Tom Vance was criticised for claiming that fares would fall.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("king of the docks"), Some("Tom Vance"));
        assert_eq!(words("ferries were late"), Some("The mayor"));
        assert_eq!(words("port was safe"), Some("Tom Vance"));
        assert_eq!(words("her record"), Some("Ana Ruiz"));
        assert_eq!(words("fares would fall"), Some("Tom Vance"));
    }

    #[test]
    fn a_subject_determined_or_opposed_holds_the_stance() {
        // "is determined to", "is opposed to": the subject's own, not a hedge from no one;
        // inside what someone says, left to that claim.
        let text = "Port row\n\nThe dockers' group Harbour Watch is strongly opposed to any sale of the quay. Tom \
                    Vance is determined to keep the ferry running. The firm said it was determined to cut fares.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let source = |words: &str| source_of(&doc, text, words);
        assert_eq!(source("sale of the quay"), Some("Harbour Watch"), "{:?}", doc.claims);
        assert_eq!(source("ferry running"), Some("Tom Vance"), "{:?}", doc.claims);
        let determined = doc.claims.iter().filter(|c| c.cue.as_ref().is_some_and(|q| q.span.of(text) == "was determined"));
        assert!(determined.into_iter().all(|c| c.source.is_none()), "{:?}", doc.claims);
    }

    #[test]
    fn a_subject_the_parse_cut_in_two_is_one_phrase() {
        // The parse makes both "Wales" and "Tom" subjects of "returned": one phrase, whose
        // person speaks, not the country before the title.
        let text = "Rugby\n\nAfter also taking some fearful beatings in the provincial games, Wales captain Tom Vance \
                    returned home calling for urgent change in the national game.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_of(&doc, text, "urgent change"), Some("Tom Vance"), "{:?}", doc.claims);
    }

    #[test]
    fn a_participle_after_a_comma_speaks_for_the_finite_clause_not_a_verb_between() {
        let text = "Gig row\n\nLocal councillors are trying to stop singer Tom Vance performing in Kelso, saying they \
                    do not want his lyrics in their town.\n\nThe row began on a breakfast show, with Ana Ruiz walking up \
                    to him, saying the plan was rubbish.\n";
        let doc = Pipeline::new(Iris::new("https://example.org/").expect("base")).run(Source::from_text("t", text));
        assert_eq!(source_words_of(&doc, text, "do not want his lyrics"), Some("Local councillors"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "the plan was rubbish"), Some("Ana Ruiz"), "{:?}", doc.claims);
    }
}
