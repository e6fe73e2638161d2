//! "Reuters quoted a central bank official as saying ...", "the paper quoted Mr Chernin as
//! saying", "Anelka was quoted by L'Equipe as saying": the one quoted is the source and the one
//! quoting reports the claim (`reported_by`), as the news guidelines ask of intermediaries.

use super::*;

/// Words after "as" that carry the quoted words ("quoted X as saying", "as telling", "as having
/// said").
const AS_SPEAKING: &[&str] = &["saying", "telling", "having", "adding", "warning", "describing", "calling"];

/// Words that open what a quoting verb's object cannot hold: the object is a thing of the quoting
/// subject's ("quoted its five-year plan ... as saying"), not someone quoted.
const THINGS_OF: &[&str] = &["its", "his", "her", "their", "our", "my"];

impl Attributor<'_> {
    /// Gives each claim framed by a quoting verb and "as saying" its speaker, the one quoted, and
    /// the quoting subject as its reporter. Where the participle after "as" framed a claim of its
    /// own: if the quoting verb's words run over the "as" ("CNN quoted a witness as saying he
    /// saw a truck"), both stay, the quoting subject's claim (what it reported) and the
    /// participle's, reported by it; else the participle's goes (its words are the quotation's,
    /// or a phrase before it: "as saying in a statement: ...").
    pub(super) fn quoted_as_saying(&mut self) {
        let mut gone = vec![false; self.claims.len()];
        // The claims by the token their cue opens at, built at the first quoting frame (a text of
        // thousands of them must not read every claim for each).
        let mut by_cue: Option<HashMap<usize, Vec<usize>>> = None;
        for q in 0..self.claims.len() {
            let Some((speaker, speaker_span, reporter, as_at)) = self.quoted_frame(q) else { continue };
            let by_cue = by_cue.get_or_insert_with(|| {
                let mut index: HashMap<usize, Vec<usize>> = HashMap::new();
                for (i, c) in self.claims.iter().enumerate() {
                    if let Some(cue) = &c.cue {
                        index.entry(self.token_at(cue.span.start)).or_default().push(i);
                    }
                }
                index
            });
            let said = by_cue.get(&(as_at + 1)).and_then(|framed| framed.iter().copied().find(|&s| s != q && !gone[s]));
            let over_as = self.claims[q].content.contains(self.tokens()[as_at].span);
            let speaks = match said {
                Some(s) if over_as => s,
                Some(s) => {
                    gone[s] = true;
                    q
                }
                None => q,
            };
            let claim = &mut self.claims[speaks];
            claim.source = speaker;
            claim.source_span = Some(speaker_span);
            claim.reported_by = reporter;
        }
        let mut gone = gone.into_iter();
        self.claims.retain(|_| !gone.next().unwrap_or(false));
    }

    /// For claim `q` if a quoting verb frames it before "as saying": the mention of the one
    /// quoted (if named) and their words, the mention of the one quoting, and the token of "as".
    /// Active ("X quoted Y as saying"): Y is quoted, X quotes. Passive ("Y was quoted by X as
    /// saying", "quoted in a French newspaper as saying"): the claim's source is quoted, the name
    /// after "by" or "in" quotes.
    fn quoted_frame(&self, q: usize) -> Option<(Option<usize>, Span, Option<usize>, usize)> {
        let claim = &self.claims[q];
        let cue = claim.cue.as_ref()?;
        if !matches!(cue.span.of(self.text()), "quoted" | "quotes" | "quoting") {
            return None;
        }
        let after = self.token_at(cue.span.end);
        let end = self.tokens().len().min(after + 12);
        let as_at = (after..end).find(|&k| self.word(k) == "as" && k + 1 < end && AS_SPEAKING.contains(&self.word(k + 1)))?;
        let plain = |k: usize| self.tokens()[k].kind == TokenKind::Word && !self.is_quote_open(k);
        if as_at == after || !(after..as_at).all(plain) || THINGS_OF.contains(&self.word(after)) {
            return None;
        }
        if matches!(self.word(after), "by" | "in") {
            let reporter = self.noun_phrase_source(after + 1, as_at).0;
            return Some((claim.source, claim.source_span?, reporter, as_at));
        }
        let (speaker, speaker_span) = self.noun_phrase_source(after, as_at);
        Some((speaker, speaker_span, claim.source, as_at))
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Pipeline;
    use crate::ingest::Source;
    use crate::rdf::Iris;

    #[test]
    fn the_one_quoted_as_saying_speaks_and_the_one_quoting_reports() {
        let text = "Harbour deal\n\nThe Kelso Herald quoted Ana Ruiz as saying the harbour deal was dead. \"We will not \
                    sign,\" Reuters quoted Tom Vance as saying. The agency quoted one trader as saying prices would fall.\n";
        let pipeline = Pipeline::new(Iris::new("https://example.org/").expect("base"));
        let doc = pipeline.run(Source::from_text("t", text));
        // The source and reporter of the one claim whose words open with `words` (the quoting
        // subject's claim of the first sentence holds the words too: what it reported).
        let claim_of = |words: &str| {
            let claims: Vec<_> = doc.claims.iter().filter(|c| c.content.of(text).starts_with(words)).collect();
            assert_eq!(claims.len(), 1, "one claim for {words}: {:?}", doc.claims);
            let name = |e: Option<usize>| e.map(|e| doc.entities[e].name.as_str());
            (name(claims[0].source), name(claims[0].reported_by))
        };
        assert_eq!(claim_of("the harbour deal was dead"), (Some("Ana Ruiz"), Some("Kelso Herald")));
        assert_eq!(claim_of("\"We will not sign"), (Some("Tom Vance"), Some("Reuters")));
        assert_eq!(claim_of("Ana Ruiz as saying"), (Some("Kelso Herald"), None));
        assert_eq!(claim_of("prices would fall").0, None, "an unnamed trader: {:?}", doc.claims);
    }
}
