//! PolNeAR brat standoff: attributions (cue, source, content), scored as `score_polnear.py` does.

use super::*;

/// One PolNeAR article: its name (the file name without `.txt`), its text, and the contents of
/// its `.ann` files sorted by file name.
pub type PolnearArticle = (String, String, Vec<String>);

/// Scores claims against PolNeAR attributions as `score_polnear.py` does: the first annotation
/// file of each article is gold; a claim matches an attribution when their cues overlap (greedy,
/// largest overlap first); sources and contents of matched pairs count when their character
/// Jaccard is at least 0.5 ("overlap") or when they are identical ("exact").
///
/// Articles without annotation files are not scored. As `hearsay extract` would, an article
/// whose text is empty (or only whitespace), or the same as an earlier article's in name order,
/// gets no prediction and counts in `docs_without_prediction`.
pub fn polnear(pipeline: &Pipeline, articles: &[PolnearArticle]) -> Result<PolnearReport, EvaluateError> {
    let mut sorted: Vec<&PolnearArticle> = articles.iter().filter(|a| !a.2.is_empty()).collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut c = PolnearCounts::default();
    let mut seen = HashSet::new();
    for (name, text, anns) in &sorted {
        let gold = parse_ann(&anns[0]).map_err(|source| EvaluateError::Annotation { article: name.clone(), source })?;
        let predicted: Vec<Attribution> = match run_like_extract(pipeline, &format!("{name}.txt"), text, &mut seen) {
            Some(doc) => claims(&doc),
            None => {
                c.missing_docs += 1;
                Vec::new()
            }
        };
        c.add(&gold, &predicted);
    }
    Ok(PolnearReport {
        articles: sorted.len(),
        gold_attributions: c.gold,
        predicted_claims: c.pred,
        cue_f1: f1(c.cue_match, c.pred, c.gold),
        cue_exact_f1: f1(c.cue_exact, c.pred, c.gold),
        source_f1: f1(c.src_overlap, c.pred_src, c.gold_src),
        source_exact_f1: f1(c.src_exact, c.pred_src, c.gold_src),
        content_f1: f1(c.content_overlap, c.pred, c.gold),
        content_exact_f1: f1(c.content_exact, c.pred, c.gold),
        docs_without_prediction: c.missing_docs,
        counts: c,
    })
}

/// Attribution scores, with the keys `score_polnear.py` prints (F1s in percent, one decimal).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolnearReport {
    /// Articles with at least one annotation file.
    pub articles: usize,
    /// Gold attribution relations.
    pub gold_attributions: usize,
    /// Predicted claims.
    pub predicted_claims: usize,
    /// Cue overlap F1.
    pub cue_f1: f64,
    /// F1 of matched cues that are identical.
    pub cue_exact_f1: f64,
    /// Source Jaccard ≥ 0.5 F1, over claims and attributions that have a source.
    pub source_f1: f64,
    /// Identical source F1.
    pub source_exact_f1: f64,
    /// Content Jaccard ≥ 0.5 F1.
    pub content_f1: f64,
    /// Identical content F1.
    pub content_exact_f1: f64,
    /// Articles that got no prediction.
    pub docs_without_prediction: usize,
    /// The counts behind the scores.
    pub counts: PolnearCounts,
}

/// The counters of `score_polnear.py`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PolnearCounts {
    /// Gold attributions.
    pub gold: usize,
    /// Predicted claims.
    pub pred: usize,
    /// Gold attributions with a source.
    pub gold_src: usize,
    /// Predicted claims with a source.
    pub pred_src: usize,
    /// Pairs matched by cue overlap.
    pub cue_match: usize,
    /// Matched pairs with identical cues.
    pub cue_exact: usize,
    /// Matched pairs, both with sources, whose sources' Jaccard is at least 0.5.
    pub src_overlap: usize,
    /// Matched pairs with identical (non-empty) sources.
    pub src_exact: usize,
    /// Matched pairs whose contents' Jaccard is at least 0.5.
    pub content_overlap: usize,
    /// Matched pairs with identical contents.
    pub content_exact: usize,
    /// Articles without a prediction.
    pub missing_docs: usize,
}

impl PolnearCounts {
    fn add(&mut self, gold: &[Attribution], predicted: &[Attribution]) {
        self.gold += gold.len();
        self.pred += predicted.len();
        self.gold_src += gold.iter().filter(|g| !g.source.is_empty()).count();
        self.pred_src += predicted.iter().filter(|p| !p.source.is_empty()).count();
        let mut pairs = Vec::new();
        for (gi, g) in gold.iter().enumerate() {
            for (pi, p) in predicted.iter().enumerate() {
                let overlap = g.cue.intersection(&p.cue).count();
                if overlap > 0 {
                    pairs.push((overlap, gi, pi));
                }
            }
        }
        for (gi, pi) in greedy(pairs) {
            let (g, p) = (&gold[gi], &predicted[pi]);
            self.cue_match += 1;
            self.cue_exact += usize::from(g.cue == p.cue);
            if !g.source.is_empty() && !p.source.is_empty() {
                self.src_overlap += usize::from(jaccard(&g.source, &p.source) >= 0.5);
                self.src_exact += usize::from(g.source == p.source);
            }
            self.content_overlap += usize::from(jaccard(&g.content, &p.content) >= 0.5);
            self.content_exact += usize::from(g.content == p.content);
        }
    }
}

impl fmt::Display for PolnearReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} articles, {} gold attributions, {} predicted claims, {} articles without prediction",
            self.articles, self.gold_attributions, self.predicted_claims, self.docs_without_prediction
        )?;
        writeln!(f, "{:<8} {:>7} {:>7}", "F1", "overlap", "exact")?;
        writeln!(f, "{:<8} {:>7.1} {:>7.1}", "cue", self.cue_f1, self.cue_exact_f1)?;
        writeln!(f, "{:<8} {:>7.1} {:>7.1}", "source", self.source_f1, self.source_exact_f1)?;
        write!(f, "{:<8} {:>7.1} {:>7.1}", "content", self.content_f1, self.content_exact_f1)
    }
}

/// An attribution (gold) or a claim (predicted) as sets of code point offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The cue's characters.
    pub cue: BTreeSet<usize>,
    /// The source's characters (empty when there is none).
    pub source: BTreeSet<usize>,
    /// The content's characters (`Content` and `Content2` together).
    pub content: BTreeSet<usize>,
}

/// The attribution relations (`E` lines) of a brat standoff file, each with the characters of
/// its `Cue`, `Source` and `Content`/`Content2` text-bound annotations (`T` lines, discontinuous
/// fragments separated by `;`). Other lines (notes, and the second lines of surface texts that
/// span a line break) are ignored, as in `score_polnear.py`.
pub fn parse_ann(ann: &str) -> Result<Vec<Attribution>, AnnError> {
    let mut spans: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    let mut relations = Vec::new();
    for (n, line) in universal_lines(ann).into_iter().enumerate() {
        let error = |message: &str| AnnError { line: n + 1, message: format!("{message}: {line:?}") };
        // A record starts with its id; a continuation of a surface text may start with any letter.
        let record = |kind: char| line.starts_with(kind) && line[1..].starts_with(|c: char| c.is_ascii_digit());
        if record('T') {
            let (id, rest) = line.split_once('\t').ok_or_else(|| error("expected T<n><TAB><type> <start> <end>"))?;
            let head = rest.split('\t').next().unwrap_or_default();
            let (_, offsets) = head.split_once(' ').ok_or_else(|| error("expected <type> <start> <end> after the id"))?;
            let mut fragments = Vec::new();
            for fragment in offsets.split(';') {
                match py_split(fragment).iter().map(|n| n.parse::<usize>()).collect::<Result<Vec<_>, _>>() {
                    Ok(pair) if pair.len() == 2 => fragments.push((pair[0], pair[1])),
                    _ => return Err(error("expected <start> <end> offsets, fragments separated by ';'")),
                }
            }
            spans.insert(id, fragments);
        } else if record('E') {
            let (_, rest) = line.split_once('\t').ok_or_else(|| error("expected E<n><TAB><role>:<id> ..."))?;
            let mut roles: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for part in py_split(rest) {
                let mut pieces = part.split(':');
                match (pieces.next(), pieces.next(), pieces.next()) {
                    (Some(role), Some(id), None) => roles.entry(role).or_default().push(id),
                    _ => return Err(error("expected <role>:<id> arguments")),
                }
            }
            relations.push((n + 1, roles));
        }
    }
    let chars = |line: usize, roles: &BTreeMap<&str, Vec<&str>>, role: &str| -> Result<BTreeSet<usize>, AnnError> {
        let mut set = BTreeSet::new();
        for id in roles.get(role).into_iter().flatten() {
            let fragments = spans.get(id).ok_or_else(|| AnnError { line, message: format!("{role}:{id} names no T annotation") })?;
            for &(a, b) in fragments {
                set.extend(a..b);
            }
        }
        Ok(set)
    };
    relations
        .iter()
        .map(|(line, roles)| {
            let mut content = chars(*line, roles, "Content")?;
            content.extend(chars(*line, roles, "Content2")?);
            Ok(Attribution { cue: chars(*line, roles, "Cue")?, source: chars(*line, roles, "Source")?, content })
        })
        .collect()
}

fn claims(doc: &Document) -> Vec<Attribution> {
    let chars = CharIndex::new(doc.article.text());
    let range = |span: Option<crate::text::Span>| -> BTreeSet<usize> {
        span.map(|s| {
            let [a, b] = chars.chars(s);
            (a..b).collect()
        })
        .unwrap_or_default()
    };
    doc.claims
        .iter()
        .map(|c| Attribution {
            cue: range(c.cue.as_ref().map(|cue| cue.span)),
            source: range(c.source_span),
            content: range(Some(c.content)),
        })
        .collect()
}

fn jaccard(a: &BTreeSet<usize>, b: &BTreeSet<usize>) -> f64 {
    let union = a.union(b).count();
    if union == 0 { 1.0 } else { a.intersection(b).count() as f64 / union as f64 }
}

#[cfg(test)]
mod tests {
    use super::super::tests::pipeline;
    use super::*;

    const ANN: &str = "T1\tSource 0 11\tMaria Silva\nT2\tCue 12 16\tsaid\nT3\tContent 17 20;25 30\tthe plan\nT4\tAttribution 12 16\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tnote\nT5\tCue 40 47\tbelieve\nT6\tContent 48 50\tit\nE2\tAttribution-no-source:T5 Cue:T5 Content:T6 Content2:T2\n";

    #[test]
    fn ann_files_are_parsed() {
        let got = parse_ann(ANN).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].source, (0..11).collect());
        assert_eq!(got[0].cue, (12..16).collect());
        assert_eq!(got[0].content, (17..20).chain(25..30).collect());
        assert!(got[1].source.is_empty());
        assert_eq!(got[1].content, (48..50).chain(12..16).collect());
    }

    #[test]
    fn malformed_ann_lines_are_named() {
        let err = parse_ann("T1\tCue 1 x\tsaid\n").unwrap_err();
        assert_eq!(err.line, 1);
        let err = parse_ann("T1\tCue 1 4\tsaid\nE1\tCue:T1 Source:T9\n").unwrap_err();
        assert_eq!(err, AnnError { line: 2, message: "Source:T9 names no T annotation".into() });
        // A surface text that crosses a line break continues on a line of its own.
        assert_eq!(parse_ann("T1\tContent 0 12\tone\nTwo three\nE1\tContent:T1 Cue:T1\n").unwrap().len(), 1);
    }

    #[test]
    fn polnear_counts_follow_the_script() {
        let mut c = PolnearCounts::default();
        let set = |r: std::ops::Range<usize>| r.collect::<BTreeSet<usize>>();
        let gold = vec![
            Attribution { cue: set(10..14), source: set(0..9), content: set(15..40) },
            Attribution { cue: set(50..55), source: BTreeSet::new(), content: set(56..70) },
        ];
        let predicted = vec![
            Attribution { cue: set(10..14), source: set(4..9), content: set(15..40) },
            Attribution { cue: set(80..84), source: set(0..3), content: set(60..70) },
        ];
        c.add(&gold, &predicted);
        let expect = PolnearCounts {
            gold: 2,
            pred: 2,
            gold_src: 1,
            pred_src: 2,
            cue_match: 1,
            cue_exact: 1,
            src_overlap: 1,
            src_exact: 0,
            content_overlap: 1,
            content_exact: 1,
            missing_docs: 0,
        };
        assert_eq!(c, expect);
    }

    #[test]
    fn empty_and_duplicate_texts_get_no_prediction() {
        let articles = vec![
            ("b".to_string(), "Ana Lima said the plan works.\n".to_string(), vec!["T1\tCue 9 13\tsaid\nE1\tCue:T1\n".to_string()]),
            ("a".to_string(), "Ana Lima said the plan works.\n".to_string(), vec!["T1\tCue 9 13\tsaid\nE1\tCue:T1\n".to_string()]),
            ("c".to_string(), "  \n".to_string(), vec![String::new()]),
            ("d".to_string(), "Not annotated.".to_string(), vec![]),
        ];
        let report = polnear(&pipeline(), &articles).unwrap();
        assert_eq!((report.articles, report.gold_attributions, report.docs_without_prediction), (3, 2, 2));
    }
}
