//! Inverted frames: a verb cue after what it reports, its speaker after it ("..., said
//! Kadyrov.", "said harbour master Greta Solberg", "said one Democratic source on the panel").

use super::sentence::Clause;
use super::*;

impl Attributor<'_> {
    /// A verb cue after a quotation or clause, its speaker after it ("..., said Kadyrov.", "said
    /// harbour master Greta Solberg"): a name after the verb's modifiers
    /// (`inverted_name_start`) followed by the sentence's end, a comma, a parenthesis or a
    /// preposition (`named_inverted_frame`); else a description (`closing_description`: '"...,"
    /// said one Democratic source on the panel.'); else a longer noun phrase
    /// (`unnamed_inverted_frame`).
    pub(super) fn inverted_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: &Cue) {
        let Clause { first, last, content_end, .. } = *clause;
        // "The new figure, announced by the department on Friday, topped forecasts": a
        // participle with its agent, in a phrase that describes a noun, is no inversion.
        if t + 1 < last && self.word(t + 1) == "by" {
            return;
        }
        // '"She is too far behind," said a docker, "and the vote was not decisive."': the
        // quotation resumes after the speaker, whose words end at the comma before it.
        let resumed = self.resumed_quotation(t, content_end, quotes);
        let speaker_end = resumed.map_or(content_end, |(comma, _)| comma);
        let clause = &Clause { content_end: speaker_end, ..*clause };
        let name_at = self.inverted_name_start(clause, t);
        if let Some(m) = self.mention_starting(name_at).filter(|&m| {
            let end = self.r.mentions[m].span.end;
            let mut k = self.token_at(end);
            // "said Philippe Sands QC.": letters after the name.
            while k < last && POSTNOMINALS.contains(&self.word(k)) {
                k += 1;
            }
            k >= last || matches!(self.word(k), "." | "," | ";" | "(" | "of" | "for" | "at" | "from" | "in" | "on" | "with" | "who")
        }) {
            self.named_inverted_frame(clause, quotes, t, cue, (name_at, m), resumed);
        } else if let Some((source, span)) = self.closing_description(t + 1, speaker_end) {
            // '"...," said one Democratic source on the panel.': a description, or
            // words that name no one the text knows.
            if let Some((content, direct)) = self.inverted_content(first, t, quotes, resumed) {
                self.push(content, Some(cue.clone()), source, Some(span), direct);
            }
        } else if t + 1 < speaker_end && (self.word(t + 1).starts_with(char::is_uppercase) || DETERMINERS.contains(&self.word(t + 1))) {
            self.unnamed_inverted_frame(clause, quotes, t, cue, resumed);
        }
    }

    /// The comma after an inverted frame's speaker before which a quotation that the frame
    /// interrupts resumes, and the resumed quotation: a comma and an opening mark within a dozen
    /// words of the verb at `t`, with no verb or quotation mark between.
    fn resumed_quotation(&self, t: usize, content_end: usize, quotes: &[Quote]) -> Option<(usize, Span)> {
        let comma = (t + 2..content_end.min(t + 14))
            .take_while(|&k| !FINITE.contains(&self.word(k)) && !self.is_quote_open(k))
            .find(|&k| self.word(k) == "," && k + 1 < content_end && self.is_quote_open(k + 1))?;
        let (rest, direct) = self.after(comma + 1, content_end, quotes)?;
        direct.then_some((comma, rest))
    }

    /// What an inverted frame at `t` reports: the words before it, and a quotation that resumes
    /// after its speaker when those words are a quotation too.
    fn inverted_content(&self, first: usize, t: usize, quotes: &[Quote], resumed: Option<(usize, Span)>) -> Option<(Span, bool)> {
        let (content, direct) = self.before(first, t, quotes)?;
        Some(match resumed {
            Some((_, rest)) if direct => (content.cover(rest), true),
            _ => (content, direct),
        })
    }

    /// Where the name after an inverted verb at token `t` starts: titles and a few descriptive
    /// words may stand between the verb and the name ("said Rep. Butterfield", "said harbour
    /// master Greta Solberg"). An organization before a role, or a place before a role or a
    /// lowercase noun, is a modifier of the name ("said GOP strategist Keith Nahigian", "said
    /// Idaho farm executive Frank Vandermeer"); capitalized modifiers too, when a name follows
    /// them ("said Republican party boss Reince Priebus", "said Pentagon spokesman Navy Capt.
    /// Jeff Davis").
    pub(super) fn inverted_name_start(&self, clause: &Clause, t: usize) -> usize {
        let Clause { last, .. } = *clause;
        let mut name_at = t + 1;
        let org_before_role = |k: usize| {
            self.mention_starting(k).is_some_and(|m| {
                let end = self.token_at(self.r.mentions[m].span.end);
                let role = end < last && self.lex.role(self.word(end)).is_some();
                let noun = end < last
                    && self.word(end).chars().all(char::is_lowercase)
                    && !PREPOSITIONS.contains(&self.word(end))
                    && !matches!(self.word(end), "and" | "or" | "who" | "which" | "that");
                match self.r.mentions[m].kind {
                    EntityType::Organization => role,
                    EntityType::Place => role || noun,
                    _ => false,
                }
            })
        };
        let name_ahead = |k: usize| {
            (k + 1..last.min(t + 9)).take_while(|&x| self.tokens()[x].kind != TokenKind::Punct).any(|x| self.mention_starting(x).is_some())
        };
        // "said master of ceremonies Asab Tabchi": "of" inside a role, a person's name after it.
        let person_ahead = |k: usize| {
            (k + 1..last.min(t + 9))
                .take_while(|&x| self.tokens()[x].kind != TokenKind::Punct)
                .find_map(|x| self.mention_starting(x))
                .is_some_and(|m| self.r.mentions[m].kind == EntityType::Person)
        };
        let modifier = |k: usize| {
            self.lex.role(self.word(k)).is_some()
                || self.word(k) == "of" && k > t + 1 && self.word(k - 1).chars().all(char::is_lowercase) && person_ahead(k)
                || self.tokens()[k].kind == TokenKind::Possessive
                || self.tokens()[k].kind == TokenKind::Number
                || self.word(k).chars().all(char::is_lowercase)
                    && !matches!(self.word(k), "of" | "about" | "to" | "in" | "on" | "at" | "for" | "with" | "by" | "from" | "that")
                || self.tokens()[k].kind == TokenKind::Word && self.word(k).starts_with(char::is_uppercase) && name_ahead(k)
        };
        // "said retired Army Lt. Gen. Mick Bednarek": modifiers and organizations before roles
        // may come in any order.
        while name_at + 1 < last {
            if name_at < t + 6 && org_before_role(name_at) {
                let m = self.mention_starting(name_at).expect("checked");
                name_at = self.token_at(self.r.mentions[m].span.end);
            } else if name_at < t + 8 && self.mention_starting(name_at).is_none() && modifier(name_at) {
                name_at += 1;
            } else {
                break;
            }
        }
        name_at
    }

    /// An inverted frame whose speaker is mention `m`, named from token `name_at`: it reports
    /// what precedes the verb. The roles and modifiers between the verb and the name are the
    /// source's words too, and so is an apposition after it ("said Douglas Holtz-Eakin, an
    /// economist who ...", "said Carmel Martin, executive vice president for policy", "said Rep.
    /// Joseph Crowley (D-N.Y.), a leading advocate"): `closing_apposition`.
    fn named_inverted_frame(
        &mut self,
        clause: &Clause,
        quotes: &[Quote],
        t: usize,
        cue: &Cue,
        (name_at, m): (usize, usize),
        resumed: Option<(usize, Span)>,
    ) {
        let Clause { first, content_end, .. } = *clause;
        let Some((content, direct)) = self.inverted_content(first, t, quotes, resumed) else { return };
        let mut span = self.tokens()[name_at].span.cover(self.affiliation_after(m).unwrap_or(self.r.mentions[m].span));
        if name_at > t + 1 {
            span = self.tokens()[t + 1].span.cover(span);
        }
        if let Some(end) = self.closing_apposition(self.token_at(span.end), content_end) {
            span = span.cover(self.tokens()[end - 1].span);
        }
        self.push(content, Some(cue.clone()), Some(m), Some(span), direct);
    }

    /// Where the apposition or party label after an inverted speaker's name ends (the token
    /// after it), when the words from token `after` open one: it runs to the sentence's end or
    /// to a comma before what the speaker did while speaking (", referring to ...", ", who
    /// added that ..."). The description may hold its own relative clause ("a union that has
    /// broken away"), but no frame or quotation; ", speaking of ..." right after the name is a
    /// frame of its own, not a description. It opens with a lowercase word, a role, a
    /// possessive, an age ("said Ana Ruiz, 34, a nurse from ..."), or a party label ("said
    /// Senator Ana Ruiz, Democrat of Delaware").
    fn closing_apposition(&self, after: usize, content_end: usize) -> Option<usize> {
        if after + 1 >= content_end || !matches!(self.word(after), "," | "(") {
            return None;
        }
        let end =
            (after + 2..content_end).find(|&k| self.word(k) == "," && self.does_while_speaking(k + 1, content_end)).unwrap_or(content_end);
        let plain = (after + 1..end).all(|k| !(self.is_quote_open(k) || matches!(self.word(k), "said" | "says" | ";" | "but")));
        if !plain || self.does_while_speaking(after + 1, content_end) {
            return None;
        }
        let opens = self.word(after) == "(" || {
            let w = self.word(after + 1);
            // ", because when ports start ...", ", and ...": a clause, not a description.
            // ", on his first full day in the job": an aside, not a description.
            let clause = SUBORDINATE_OPENERS.contains(&w) || matches!(w, "and" | "so") || self.opens_aside(after + 1);
            let age = w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit()) && after + 2 < end && self.word(after + 2) == ",";
            let party = self.party_label(after + 1, end);
            w.starts_with(char::is_lowercase) && !clause
                || self.lex.role(w).is_some()
                || age
                || party
                || self.opens_with_owner(after + 1, end)
        };
        opens.then_some(end)
    }

    /// Whether the words from token `k` tell what a speaker did while speaking rather than
    /// describe them: a participle (", referring to ...", not "managing director"), or a
    /// relative clause that reports speech (", who added that ...").
    pub(super) fn does_while_speaking(&self, k: usize, content_end: usize) -> bool {
        let w = self.word(k);
        let participle = w.len() > 4
            && w.ends_with("ing")
            && w.starts_with(char::is_lowercase)
            && !w.contains('-')
            && !DESCRIBING_ING.contains(&w)
            && !(k + 1 < content_end && self.lex.role(self.word(k + 1)).is_some());
        participle || self.relative_that_reports(k, content_end)
    }

    /// A longer noun phrase after an inverted verb: the frame reports what precedes it, from a
    /// speaker left unnamed, or named in an apposition ("said another leading advocate, Andrew
    /// Pincus of Mayer Brown"; the apposition's own comma ends the source's words), else the
    /// verb's subject in the parse ("said Idaho farm executive Frank Vandermeer, who ...", "said
    /// a Labour strategist who ...").
    fn unnamed_inverted_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: &Cue, resumed: Option<(usize, Span)>) {
        let Clause { first, content_end, .. } = *clause;
        let Some((content, direct)) = self.inverted_content(first, t, quotes, resumed) else { return };
        let named = self
            .apposed_person(t + 1, content_end.min(t + 10))
            .filter(|&(comma, _)| (t + 1..comma).all(|k| !FINITE.contains(&self.word(k)) && !self.is_quote_open(k)))
            .map(|(_, m)| m);
        match named {
            Some(m) => {
                let name_end = self.token_at(self.r.mentions[m].span.end);
                let end = (name_end..content_end).find(|&k| self.word(k) == ",").unwrap_or(content_end);
                self.push(content, Some(cue.clone()), Some(m), Some(self.span(t + 1, end)), direct);
            }
            None => {
                let subject = self.parse_source(clause, t, true).filter(|&(_, _, start)| start > t);
                self.push(content, Some(cue.clone()), subject.and_then(|s| s.0), subject.map(|s| s.1), direct)
            }
        }
    }

    /// A verb cue between commas after an opening phrase with no verb, its speaker after it, and
    /// what it reports around them. After an adverbial, the clause after the speaker's comma
    /// ("By contrast, said Ms Solberg, the harbour had never been busier"; "More significantly,
    /// argues the report, ferries carry more"); after a subject, which the clause's verb then
    /// follows, the whole sentence ("The answer, says Prof Dunn, is a new quay"; not "Leading
    /// plaintiff, the university, announced the news, adding"). Whether the sentence reads so
    /// (its claim is then pushed).
    pub(super) fn parenthetical_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize, cue: &Cue) -> bool {
        let Clause { first, content_end, .. } = *clause;
        let plain = |k: usize| !self.is_quote_open(k) && !matches!(self.word(k), "”" | "’" | "'");
        if !(t > first + 1 && self.word(t - 1) == ",") || self.finite_before(first, t) || !(first..t).all(plain) {
            return false;
        }
        let verbless = |from: usize, to: usize| (from..to).all(|k| plain(k) && !matches!(self.syntax.upos(k), "VERB" | "AUX"));
        let Some(name_end) = (t + 2..content_end.min(t + 10)).find(|&k| self.word(k) == ",") else { return false };
        let mut comma = name_end;
        // "says Nick Dunn, senior vice-president at Hale, it was ...": a role in apposition;
        // "said Ms Berg, who ran the yard, could": a relative clause.
        if let Some(next) = (comma + 2..content_end.min(comma + 16)).find(|&k| self.word(k) == ",") {
            let role = !self.finite_before(comma + 1, next)
                && (comma + 1..next).all(plain)
                && (comma + 1..next).any(|k| self.lex.role(self.word(k)).is_some());
            if role || matches!(self.word(comma + 1), "who" | "whose") {
                comma = next;
            }
        }
        let time = |w: &str| FRAME_CIRCUMSTANCE_OPENERS.contains(&w) || WEEKDAYS.contains(&w);
        let noun_phrase = self.syntax.upos(t + 1) != "ADP" && !time(self.word(t + 1)) && verbless(t + 1, name_end);
        if self.syntax.upos(t) != "VERB" || !noun_phrase || !self.finite_before(comma + 1, content_end) {
            return false;
        }
        // After a subject, a verb in the past or third person ("says", "said"; a participle
        // describes the subject: "The deal, announced Friday, would").
        let opener = if self.syntax.upos(first) == "CCONJ" && self.word(first + 1) != "," { first + 1 } else { first };
        let adverbial = matches!(self.syntax.upos(opener), "ADV" | "ADP" | "SCONJ" | "CCONJ");
        let tense = self.syntax.tag(t).ends_with(" VBD") || self.syntax.tag(t).ends_with(" VBZ");
        if !adverbial && (!tense || !self.finite_before(comma + 1, comma + 2)) {
            return false;
        }
        let Some((source, span)) = self.closing_description(t + 1, name_end) else { return false };
        let span = span.cover(self.tokens()[comma - 1].span);
        let content = if adverbial { self.after(comma, content_end, quotes) } else { self.before(first, content_end, quotes) };
        if let Some((content, direct)) = content {
            self.push(content, Some(cue.clone()), source, Some(span), direct);
        }
        true
    }

    /// "Dance music not dead says Fatboy", "House prices rebound says Halifax": a headline that
    /// ends in "says" and a name of one to three capitalized words after what is said, the
    /// comma of prose left out, names its speaker last.
    pub(super) fn headline_names_speaker_last(&self, clause: &Clause, t: usize) -> bool {
        let Clause { first, last, headline, .. } = *clause;
        let title = self.r.segmented.article.meta.title.as_ref().and_then(|f| f.span);
        let in_title = title.is_some_and(|span| span.contains(self.tokens()[t].span));
        let name = t + 1..last;
        (headline || in_title)
            && t > first + 1
            && matches!(self.word(t), "says" | "say")
            && (1..=3).contains(&name.len())
            && name.clone().all(|k| self.tokens()[k].kind == TokenKind::Word && self.word(k).starts_with(char::is_uppercase))
    }

    /// Whether the verb `cue` at `t` follows a comma and a person's name follows it, after
    /// roles, capitalized modifiers or an owner's possessive only ("said Larry Sabato", "said
    /// Labour MP Ana Ruiz", "says the BBC's Ana Ruiz"; not "said the support of Mr Magnier"),
    /// closing the clause or before the place they speak from. Verbs whose object is a person
    /// ("told Mr Brandt", "accused Mr Clarke of") are not inverted this way.
    pub(super) fn names_inverted_speaker(&self, clause: &Clause, t: usize, cue: &Cue) -> bool {
        let mut at = self.inverted_name_start(clause, t);
        // "says the BBC's Ana Ruiz": the name after its owner's possessive.
        if let Some(owner) = self.mention_starting(at).filter(|&m| self.r.mentions[m].kind == EntityType::Organization) {
            let end = self.token_at(self.r.mentions[owner].span.end);
            if end + 1 < clause.last && self.tokens()[end].kind == TokenKind::Possessive {
                at = end + 1;
            }
        }
        invertible(cue)
            && t > clause.first
            && self.word(t - 1) == ","
            && !self.word(t).ends_with("ing")
            && (t + 1..at).all(|k| {
                let owner = k == t + 1 && self.word(k) == "the" || self.tokens()[k].kind == TokenKind::Possessive;
                owner || self.lex.role(self.word(k)).is_some() || self.word(k).starts_with(char::is_uppercase)
            })
            && self.mention_starting(at).is_some_and(|m| {
                let after = self.token_at(self.r.mentions[m].span.end);
                self.r.mentions[m].kind == EntityType::Person
                    && (after >= clause.last || matches!(self.word(after), "." | "," | "(") || self.closing_place(clause, after))
            })
    }

    /// Whether the words from `at` are "in" or "at" and a place that closes the clause ("says
    /// the BBC's Ana Ruiz in Beijing.").
    fn closing_place(&self, clause: &Clause, at: usize) -> bool {
        matches!(self.word(at), "in" | "at")
            && self.mention_starting(at + 1).is_some_and(|p| {
                let after = self.token_at(self.r.mentions[p].span.end);
                self.r.mentions[p].kind == EntityType::Place && (after >= clause.last || matches!(self.word(after), "." | ","))
            })
    }

    /// Whether the verb `cue` at `t` follows a clause and a comma, and a short noun phrase that
    /// names a speaker closes the sentence after it: an organization, a description or a
    /// document ("..., reported the Kelso Gazette.", "..., said the newspaper.", "..., argues the
    /// report."). Not after a verb that takes what is denied or admitted as its object ("The
    /// minister, who was in Paris, denied the report.").
    pub(super) fn closes_with_speaker(&self, clause: &Clause, t: usize, cue: &Cue) -> bool {
        let Clause { first, content_end, .. } = *clause;
        invertible(cue)
            && !matches!(cue.class.as_str(), "deny" | "admit")
            && t > first
            && self.word(t - 1) == ","
            && (2..=7).contains(&(content_end - t))
            && !self.word(t).ends_with("ing")
            && !FRAME_CIRCUMSTANCE_OPENERS.contains(&self.word(t + 1))
            && !PREPOSITIONS.contains(&self.word(t + 1))
            && !WEEKDAYS.contains(&self.word(t + 1))
            && self.finite_before(first, t)
            && (t + 1..content_end).all(|k| {
                // A possessive is a determiner here ("..., claims his agent.").
                let possessive = matches!(self.word(k), "his" | "her" | "their" | "its" | "our" | "my");
                !matches!(self.syntax.upos(k), "VERB" | "AUX") && (self.syntax.upos(k) != "PRON" || possessive) && !self.is_quote_open(k)
            })
            && self.closing_description(t + 1, content_end).is_some()
    }
}

/// Whether `cue` may stand before its speaker, after what it reports ("..., said Kadyrov"): a
/// verb of saying, claiming, admitting, denying, suggesting or estimating whose object is not the
/// person spoken to ("told Mr Brandt", "promised voters").
pub(super) fn invertible(cue: &Cue) -> bool {
    matches!(cue.class.as_str(), "say" | "claim" | "admit" | "deny" | "suggest" | "estimate") && !ADDRESSED.contains(&cue.lemma.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::source::tests::{source_of, source_words_of};
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;

    #[test]
    fn an_apposition_after_an_inverted_speaker_is_part_of_the_source_words() {
        // To the sentence's end, or to the comma before what the speaker did while speaking;
        // an age, an owner or a party label opens one too.
        let text = "Port row\n\n\"The quay is safe,\" said Tom Vance, managing director of Kelso Ferries. \"Fares \
                    will fall,\" said Ana Ruiz, 34, a nurse from Kelso, referring to the new timetable. \"We are \
                    ready,\" said Senator Jo Brandt, Democrat of Kelso. \"The cranes are old,\" said Ines \
                    Carvalho, Harbour Watch's chair, who added that she would resign. \"It is late,\" said Tom \
                    Vance, on his first day in the job.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let words = |content: &str| source_words_of(&doc, text, content);
        assert_eq!(words("quay is safe"), Some("Tom Vance, managing director of Kelso Ferries"));
        assert_eq!(words("Fares will fall"), Some("Ana Ruiz, 34, a nurse from Kelso"));
        assert_eq!(words("We are ready"), Some("Senator Jo Brandt, Democrat of Kelso"));
        assert_eq!(words("cranes are old"), Some("Ines Carvalho, Harbour Watch's chair"));
        assert_eq!(words("It is late"), Some("Tom Vance"), "an aside is no apposition");
    }

    #[test]
    fn an_inverted_speaker_may_follow_an_owner_and_precede_the_place_they_speak_from() {
        let text = "Growth\n\nChina has seen two decades of fast growth, says the BBC's Ana Ruiz in Oslo.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "fast growth"), Some("the BBC's Ana Ruiz in Oslo"), "{:?}", doc.claims);
        assert_eq!(source_of(&doc, text, "fast growth"), Some("Ana Ruiz"));
    }

    #[test]
    fn typewriter_marks_closing_a_nested_quotation_close_the_outer_one_too() {
        let text = "Talks\n\n''We are told every day, 'the port is special,''' Mr. Vance said. ''It is not.''\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "We are told"), Some("Mr. Vance"), "{:?}", doc.claims);
    }

    #[test]
    fn a_label_opening_with_an_inverted_verb_introduces_a_quotation() {
        // After a colon, or a comma; a document may name it ("report" is a cue noun too).
        let text = "Ferries\n\nFares rose. Said Tom Vance, \"The rise is fair.\" Said the Kelso report: \"Fares are \
                    too high.\" More from the report: \"Ferries are late.\"\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "rise is fair"), Some("Tom Vance"), "{:?}", doc.claims);
        assert_eq!(source_words_of(&doc, text, "too high"), Some("the Kelso report"), "{:?}", doc.claims);
        assert_eq!(source_words_of(&doc, text, "are late"), Some("More from the report"), "{:?}", doc.claims);
    }

    #[test]
    fn a_short_description_after_an_inverted_verb_is_its_speaker() {
        let text = "Trial\n\nTom Vance was questioned on Monday. \"Did you see the books?\" the lawyer asked. \"No,\" \
                    replied the witness.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        assert_eq!(source_words_of(&doc, text, "No"), Some("the witness"));
    }

    #[test]
    fn a_quotation_that_resumes_after_an_inverted_speaker_is_one_claim() {
        // The speaker's words end at the comma before the resumed quotation.
        let text = "Port row\n\n\"She is too far behind,\" said a Kelso docker, \"and the vote was not decisive.\" \
                    \"It is late,\" said Tom Hart, the harbour master, \"and we will close.\"\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let claim = |words: &str| doc.claims.iter().find(|c| c.content.of(text).contains(words)).expect("a claim");
        assert!(claim("too far behind").content.of(text).contains("not decisive"), "{:?}", doc.claims);
        assert_eq!(source_words_of(&doc, text, "too far behind"), Some("a Kelso docker"));
        assert!(claim("It is late").content.of(text).contains("we will close"), "{:?}", doc.claims);
        assert_eq!(source_words_of(&doc, text, "It is late"), Some("Tom Hart, the harbour master"));
        assert_eq!(doc.claims.len(), 2, "{:?}", doc.claims);
    }

    #[test]
    fn a_club_before_its_player_is_not_the_speaker_but_speaks_through_its_spokesman() {
        let text = "Cup tie\n\nHarwick boss Dane Ollery was pleased. \"I lost the ball in the lights,\" said the \
                    Harwick star. \"The club will appeal,\" said the Harwick spokesman.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let source = |words: &str| super::super::source::tests::source_of(&doc, text, words);
        assert_ne!(source("in the lights"), Some("Harwick"), "{:?}", doc.claims);
        assert_eq!(source("will appeal"), Some("Harwick"), "{:?}", doc.entities);
    }
}
