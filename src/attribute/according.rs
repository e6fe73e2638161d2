//! "According to": its object is the source, the clause before or after it the content.

use super::sentence::Clause;
use super::*;

impl Attributor<'_> {
    /// "according to X, CONTENT" and "CONTENT, according to X" at token `t`: where the frame
    /// ends, if there is one.
    pub(super) fn according_frame(&mut self, clause: &Clause, quotes: &[Quote], t: usize) -> Option<usize> {
        let Clause { first, last, content_end, .. } = *clause;
        if !(self.word(t).eq_ignore_ascii_case("according") && t + 1 < last && self.word(t + 1) == "to") {
            return None;
        }
        // "paid according to how much business they brought": a measure, not a source.
        if t + 2 < last && matches!(self.word(t + 2), "how" | "what" | "whether" | "which" | "where" | "when" | "whom") {
            return None;
        }
        let np_start = t + 2;
        let np_end = (np_start..last)
            .find(|&k| matches!(self.word(k), "," | "." | ";" | ":" | "“" | "\"" | "''" | "—" | "–" | "--") || self.word(k) == "that")
            .unwrap_or(last);
        let np_end = self.according_object_end(first, t, np_end, last);
        if np_end > np_start {
            let (source, source_span) = self.noun_phrase_source(np_start, np_end);
            let cue = Cue { span: self.span(t, t + 2), lemma: "according to".into(), class: "according".into() };
            // "X leads by 271 delegates, according to a count by the AP, but ...": a turn after
            // the source ends the clause the frame closes.
            let turn = np_end + 1 < content_end
                && self.word(np_end) == ","
                && matches!(self.word(np_end + 1), "but" | "and" | "while" | "although" | "though" | "yet" | "so" | "which");
            // "X would rise, according to an analysis by Y, a former aide now teaching at Z":
            // a verbless apposition after the source leaves the clause before the frame.
            let apposition = np_end + 1 < content_end
                && self.word(np_end) == ","
                && t > first + 3
                && self.word(t - 1) == ","
                && self.word(t - 2) != "that"
                && (np_end + 1..content_end).take_while(|&k| self.word(k) != ",").all(|k| {
                    let w = self.word(k);
                    !(FINITE.contains(&w)
                        || matches!(w, "has" | "have" | "had" | "did" | "does" | "said" | "says" | "“" | "\"" | "''")
                        || w.ends_with("ed") && w.starts_with(char::is_lowercase))
                });
            let content = if np_end < content_end && self.word(np_end) != "." && !(turn && np_start > first + 1) && !apposition {
                self.after(np_end, content_end, quotes)
            } else {
                self.before(first, t, quotes)
            };
            if let Some((content, direct)) = content {
                self.push(content, Some(cue), source, Some(source_span), direct);
            }
        }
        Some(np_end)
    }

    /// Where the object of "according to" at token `t`, opening its clause at `first`, ends when
    /// no comma closes it (the mark at `np_end` is another: "According to the Brightmoor report
    /// the trend marked ... as \"..."): at the end of the parse's object, where a clause's subject
    /// follows it and a verb stands before the mark; else `np_end`. Not after a verb ("prices
    /// rose, according to a poll posing the question the government will put"), nor before a
    /// preposition or a verb (a reduced relative the parse cut off: "figures gathered by ...").
    fn according_object_end(&self, first: usize, t: usize, np_end: usize, last: usize) -> usize {
        let Some(object) = self.syntax.head(t).filter(|&h| h > t + 1 && h < np_end && self.syntax.label(t) == "case") else {
            return np_end;
        };
        let verb = |k: usize| matches!(self.syntax.upos(k), "VERB" | "AUX");
        let (_, end) = self.subtree(t, last, object);
        let comma = np_end < last && self.word(np_end) == ",";
        let opens = !comma && !(first..t).any(verb);
        let subject_next = end < np_end && matches!(self.syntax.upos(end), "DET" | "NOUN" | "PROPN" | "PRON" | "NUM" | "ADJ");
        if opens && subject_next && (end..np_end).any(verb) { end } else { np_end }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;

    #[test]
    fn according_to_without_a_comma_ends_with_the_parse_s_object() {
        // Not after a verb, where the clause before is the content.
        let text = "Port row\n\nAccording to the Kelso report the trend marked young shoppers out as \"keen buyers\". \
                    Fares would rise by a third, according to a poll asking the question the council will put to voters.\n";
        let doc = Pipeline::new(Iris::default()).run(Source::from_text("s.txt", text.to_string()));
        let framed =
            |cue: usize| doc.claims.iter().filter(|c| c.cue.as_ref().is_some_and(|k| k.lemma == "according to")).nth(cue).expect("a frame");
        let first = framed(0);
        assert_eq!(first.source_span.map(|s| s.of(text)), Some("the Kelso report"));
        assert!(first.content.of(text).starts_with("the trend marked"), "{}", first.content.of(text));
        let second = framed(1);
        assert_eq!(second.source_span.map(|s| s.of(text)), Some("a poll asking the question the council will put to voters"));
        assert_eq!(second.content.of(text), "Fares would rise by a third");
    }
}
