//! NIF 2.0 corpora (N3): mention detection, types ignored.

use super::*;
use crate::vocab::nif as terms;

/// Scores mention detection (types ignored) on a NIF 2.0 corpus in Turtle: every node with a
/// `nif:isString` is a document, every other node with a `nif:referenceContext` is a gold mention
/// (`nif:beginIndex`/`nif:endIndex` in code points). Every entity mention of every type is a
/// prediction.
pub fn nif(pipeline: &Pipeline, turtle: &str) -> Result<NifReport, EvaluateError> {
    let (contexts, gold) = nif_gold(turtle)?;
    let (mut gold_total, mut predicted_total, mut exact, mut overlap) = (0, 0, 0, 0);
    for (subject, text) in &contexts {
        let doc = pipeline.run(Source::from_text(subject.clone(), text.clone()));
        let chars = CharIndex::new(doc.article.text());
        let predicted: BTreeSet<(usize, usize)> =
            doc.entities.iter().flat_map(|e| e.mentions.iter().map(|&m| chars.chars(m))).map(|[start, end]| (start, end)).collect();
        let empty = BTreeSet::new();
        let gold = gold.get(subject).unwrap_or(&empty);
        gold_total += gold.len();
        predicted_total += predicted.len();
        exact += gold.intersection(&predicted).count();
        overlap += overlap_matches(gold, &predicted);
    }
    let score = |tp| MatchScore {
        matched: tp,
        p: percent(tp, predicted_total),
        r: percent(tp, gold_total),
        f1: f1(tp, predicted_total, gold_total),
    };
    Ok(NifReport {
        documents: contexts.len(),
        gold_mentions: gold_total,
        predicted_mentions: predicted_total,
        exact: score(exact),
        overlap: score(overlap),
    })
}

/// Mention detection scores on a NIF corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NifReport {
    /// Contexts (documents) scored.
    pub documents: usize,
    /// Distinct gold mention spans.
    pub gold_mentions: usize,
    /// Distinct predicted mention spans.
    pub predicted_mentions: usize,
    /// A prediction counts when its span is a gold span.
    pub exact: MatchScore,
    /// A prediction counts when it overlaps a gold span, each used once, greedy by largest
    /// overlap.
    pub overlap: MatchScore,
}

/// Precision, recall and F1 under one matching rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchScore {
    /// Matched pairs.
    pub matched: usize,
    /// Precision, percent rounded to one decimal.
    pub p: f64,
    /// Recall, percent.
    pub r: f64,
    /// F1, percent.
    pub f1: f64,
}

impl fmt::Display for NifReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} documents, {} gold mentions, {} predicted", self.documents, self.gold_mentions, self.predicted_mentions)?;
        writeln!(f, "{:<8} {:>6} {:>6} {:>6} {:>7}", "match", "P", "R", "F1", "matched")?;
        for (name, s) in [("exact", &self.exact), ("overlap", &self.overlap)] {
            writeln!(f, "{:<8} {:>6.1} {:>6.1} {:>6.1} {:>7}", name, s.p, s.r, s.f1, s.matched)?;
        }
        Ok(())
    }
}

/// Contexts (node → text) and gold spans per context, keyed by the nodes in N-Triples syntax.
type NifGold = (BTreeMap<String, String>, BTreeMap<String, BTreeSet<(usize, usize)>>);

/// What one node says about itself.
#[derive(Default)]
struct NifNode {
    reference: Option<String>,
    begin: Option<String>,
    end: Option<String>,
}

fn nif_gold(turtle: &str) -> Result<NifGold, EvaluateError> {
    let mut contexts = BTreeMap::new();
    let mut nodes: BTreeMap<String, NifNode> = BTreeMap::new();
    for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(turtle.as_bytes()) {
        let quad = quad.map_err(|source| {
            let (line, column) = source.location().map_or((0, 0), |l| (l.start.line + 1, l.start.column + 1));
            EvaluateError::Turtle { line, column, source }
        })?;
        let subject = quad.subject.to_string();
        let predicate = quad.predicate.as_ref();
        let value = match &quad.object {
            Term::Literal(l) => l.value().to_string(),
            other => other.to_string(),
        };
        if predicate == terms::IS_STRING {
            contexts.insert(subject, value);
        } else if predicate == terms::REFERENCE_CONTEXT {
            nodes.entry(subject).or_default().reference = Some(value);
        } else if predicate == terms::BEGIN_INDEX {
            nodes.entry(subject).or_default().begin = Some(value);
        } else if predicate == terms::END_INDEX {
            nodes.entry(subject).or_default().end = Some(value);
        }
    }
    let mut gold: BTreeMap<String, BTreeSet<(usize, usize)>> = BTreeMap::new();
    for (subject, node) in nodes {
        let Some(reference) = node.reference else { continue };
        if contexts.contains_key(&subject) {
            continue; // a context that points to itself is not a mention
        }
        let error = |message: String| EvaluateError::Nif { subject: subject.clone(), message };
        let Some(text) = contexts.get(&reference) else {
            return Err(error(format!("nif:referenceContext {reference} has no nif:isString")));
        };
        let index = |value: Option<String>, name: &str| -> Result<usize, EvaluateError> {
            let value = value.ok_or_else(|| error(format!("a mention without nif:{name}")))?;
            value.trim().parse().map_err(|_| error(format!("nif:{name} {value:?} is not a non-negative integer")))
        };
        let begin = index(node.begin, "beginIndex")?;
        let end = index(node.end, "endIndex")?;
        let len = text.chars().count();
        if begin > end || end > len {
            return Err(error(format!("span {begin}..{end} does not fit its context of {len} code points")));
        }
        gold.entry(reference).or_default().insert((begin, end));
    }
    Ok((contexts, gold))
}

/// Matches predicted spans to overlapping gold spans, each used once, largest overlap first
/// (ties as in `score_polnear.py`).
fn overlap_matches(gold: &BTreeSet<(usize, usize)>, predicted: &BTreeSet<(usize, usize)>) -> usize {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in predicted.iter().enumerate() {
            let overlap = g.1.min(p.1).saturating_sub(g.0.max(p.0));
            if overlap > 0 {
                pairs.push((overlap, gi, pi));
            }
        }
    }
    greedy(pairs).len()
}

#[cfg(test)]
mod tests {
    use super::super::tests::pipeline;
    use super::*;

    const NIF: &str = r#"@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://ex.org/d1#char=0,41> a nif:Context ;
    nif:isString "Maria Silva met the mayor of Lisbon today." .
<http://ex.org/d1#char=0,11> a nif:RFC5147String ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "11"^^xsd:nonNegativeInteger ;
    nif:referenceContext <http://ex.org/d1#char=0,41> .
<http://ex.org/d1#char=29,35> a nif:RFC5147String ;
    nif:beginIndex "29"^^xsd:nonNegativeInteger ; nif:endIndex "35"^^xsd:nonNegativeInteger ;
    nif:referenceContext <http://ex.org/d1#char=0,41> .
"#;

    #[test]
    fn overlap_matching_is_greedy_and_one_to_one() {
        let gold = BTreeSet::from([(0, 10), (20, 30)]);
        // (5, 25) overlaps both by 5 and goes to the later gold span; then (0, 4) gets the first.
        let predicted = BTreeSet::from([(0, 4), (5, 25), (40, 45)]);
        assert_eq!(overlap_matches(&gold, &predicted), 2);
        assert_eq!(greedy(vec![(5, 0, 1), (5, 1, 1), (4, 0, 0)]), vec![(1, 1), (0, 0)]);
        assert_eq!(greedy(vec![(2, 0, 0), (6, 0, 1)]), vec![(0, 1)]);
    }

    #[test]
    fn nif_gold_is_read() {
        let (contexts, gold) = nif_gold(NIF).unwrap();
        assert_eq!(contexts.len(), 1);
        assert_eq!(gold["<http://ex.org/d1#char=0,41>"], BTreeSet::from([(0, 11), (29, 35)]));
        let report = nif(&pipeline(), NIF).unwrap();
        assert_eq!((report.documents, report.gold_mentions), (1, 2));
        assert!(report.to_string().contains("overlap"));
    }

    #[test]
    fn nif_errors_say_where() {
        let err = nif_gold("@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .\n<http://ex.org/a> nif:isString \"x\" ;\n  nif:beginIndex .\n").unwrap_err();
        match &err {
            EvaluateError::Turtle { line, column, .. } => assert_eq!((*line, *column), (3, 18)),
            other => panic!("{other}"),
        }
        assert!(err.to_string().starts_with("invalid Turtle: "), "{err}");
        let missing = NIF.replace("nif:isString \"Maria Silva met the mayor of Lisbon today.\"", "nif:sourceUrl <http://ex.org/>");
        assert!(matches!(nif_gold(&missing), Err(EvaluateError::Nif { .. })));
        let outside = NIF.replace("\"35\"^^", "\"99\"^^");
        let err = nif_gold(&outside).unwrap_err().to_string();
        assert!(err.contains("does not fit"), "{err}");
    }
}
