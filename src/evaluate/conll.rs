//! CoNLL-2003 and IOB2 (Universal NER): typed mentions, scored as `score_conll.py` does.

use super::*;

/// Scores typed mentions (PER, ORG, LOC; exact spans) on a CoNLL-2003 or IOB2 file, picking the
/// format as `score_conll.py prepare --format auto` does.
pub fn conll(pipeline: &Pipeline, data: &str) -> Result<NerReport, EvaluateError> {
    conll_with_format(pipeline, data, detect_format(data))
}

/// Scores typed mentions on a file of the given format.
pub fn conll_with_format(pipeline: &Pipeline, data: &str, format: ConllFormat) -> Result<NerReport, EvaluateError> {
    let docs = ner_documents(data, format)?;
    let mut seen = HashSet::new();
    let predicted: Vec<BTreeSet<(usize, usize, NerLabel)>> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| match run_like_extract(pipeline, &format!("doc{i:04}.txt"), &d.text, &mut seen) {
            Some(doc) => typed_mentions(&doc),
            None => BTreeSet::new(),
        })
        .collect();
    Ok(score_ner(format, &docs, &predicted))
}

/// The two input formats of `score_conll.py prepare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConllFormat {
    /// CoNLL-2003: space-separated columns, IOB1 tags last, documents at `-DOCSTART-`.
    Conll,
    /// Universal NER / CoNLL-U style: `INDEX<TAB>TOKEN<TAB>TAG` rows, `#` comments.
    Iob2,
}

impl ConllFormat {
    /// The name `score_conll.py --format` uses.
    pub fn as_str(self) -> &'static str {
        match self {
            ConllFormat::Conll => "conll",
            ConllFormat::Iob2 => "iob2",
        }
    }
}

/// The entity types scored on CoNLL data (MISC and others are ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum NerLabel {
    /// People (hearsay's `Person`).
    #[serde(rename = "PER")]
    Per,
    /// Organizations (hearsay's `Organization`).
    #[serde(rename = "ORG")]
    Org,
    /// Places (hearsay's `Place`).
    #[serde(rename = "LOC")]
    Loc,
}

impl NerLabel {
    /// Every label, in the order the scripts report them.
    pub const ALL: [NerLabel; 3] = [NerLabel::Per, NerLabel::Org, NerLabel::Loc];

    /// The CoNLL tag suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            NerLabel::Per => "PER",
            NerLabel::Org => "ORG",
            NerLabel::Loc => "LOC",
        }
    }

    fn from_tag(tag: &str) -> Option<Self> {
        match tag {
            "PER" => Some(NerLabel::Per),
            "ORG" => Some(NerLabel::Org),
            "LOC" => Some(NerLabel::Loc),
            _ => None,
        }
    }

    fn of(kind: EntityType) -> Self {
        match kind {
            EntityType::Person => NerLabel::Per,
            EntityType::Organization => NerLabel::Org,
            EntityType::Place => NerLabel::Loc,
        }
    }
}

/// One document rebuilt from a CoNLL or IOB2 file, as `score_conll.py prepare` writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NerDocument {
    /// The text: one sentence per line, each ended by `\n`.
    pub text: String,
    /// The gold PER/ORG/LOC mentions in text order.
    pub mentions: Vec<NerMention>,
}

/// A gold mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NerMention {
    /// Start and end (exclusive) in code points.
    pub span: [usize; 2],
    /// Its type.
    pub label: NerLabel,
}

/// Typed-mention scores, with the keys `score_conll.py score` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NerReport {
    /// The input format that was read.
    pub format: ConllFormat,
    /// Documents scored.
    pub documents: usize,
    /// Distinct gold PER/ORG/LOC mentions.
    pub gold_mentions: usize,
    /// Distinct predicted typed mentions.
    pub predicted_mentions: usize,
    /// F1 over typed exact spans, percent rounded to one decimal.
    pub f1: f64,
    /// Precision over typed exact spans, percent.
    pub p: f64,
    /// Recall over typed exact spans, percent.
    pub r: f64,
    /// F1 when the span is right and the type may be wrong, percent.
    pub untyped_f1: f64,
    /// F1 on people, percent.
    #[serde(rename = "PER_f1")]
    pub per_f1: f64,
    /// F1 on organizations, percent.
    #[serde(rename = "ORG_f1")]
    pub org_f1: f64,
    /// F1 on places, percent.
    #[serde(rename = "LOC_f1")]
    pub loc_f1: f64,
    /// Typed true positives.
    pub tp: usize,
    /// Typed false positives.
    pub fp: usize,
    /// Typed false negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Gold spans predicted with any type.
    pub untyped_tp: usize,
    /// Counts and scores per type, in the order PER, ORG, LOC.
    pub types: Vec<TypeScore>,
}

/// The scores of one entity type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeScore {
    /// The type.
    pub label: NerLabel,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Precision, percent.
    pub p: f64,
    /// Recall, percent.
    pub r: f64,
    /// F1, percent.
    pub f1: f64,
}

/// The format `score_conll.py prepare --format auto` picks: IOB2 when the first non-blank line is
/// a CoNLL-U comment (`# newdoc id`, `# sent_id`, `# text`, ...) or an `INDEX<TAB>TOKEN<TAB>TAG`
/// row, CoNLL-2003 otherwise.
pub fn detect_format(data: &str) -> ConllFormat {
    static COMMENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^#\s*(newdoc|newpar|sent_id|text|global\.columns)\b").expect("valid regex"));
    static ROW: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]+\t[^\t]+\t[^\t\n]+").expect("valid regex"));
    for line in universal_lines(data) {
        if py_strip(line).is_empty() {
            continue;
        }
        return if COMMENT.is_match(line) || ROW.is_match(line) { ConllFormat::Iob2 } else { ConllFormat::Conll };
    }
    ConllFormat::Conll
}

/// The documents and gold mentions of a CoNLL or IOB2 file, exactly as `score_conll.py prepare`
/// writes them.
pub fn ner_documents(data: &str, format: ConllFormat) -> Result<Vec<NerDocument>, EvaluateError> {
    match format {
        ConllFormat::Conll => Ok(conll_documents(data)),
        ConllFormat::Iob2 => iob2_documents(data),
    }
}

/// A span under construction: start and end in code points (or token indices), and its type.
type Open<'a> = (usize, usize, &'a str);

/// CoNLL-2003 (`prepare` in the script): tokens joined by single spaces, one sentence per line,
/// IOB1 tags where an `I-` of a new type also begins a mention.
fn conll_documents(data: &str) -> Vec<NerDocument> {
    let mut docs: Vec<Vec<Vec<(&str, &str)>>> = Vec::new();
    for line in universal_lines(data) {
        if line.starts_with("-DOCSTART-") {
            docs.push(vec![Vec::new()]);
            continue;
        }
        if py_strip(line).is_empty() {
            if let Some(doc) = docs.last_mut() {
                if doc.last().is_some_and(|s| !s.is_empty()) {
                    doc.push(Vec::new());
                }
            }
            continue;
        }
        let words = py_split(line);
        // The script fails on tokens before the first -DOCSTART-; they start a document here.
        if docs.is_empty() {
            docs.push(vec![Vec::new()]);
        }
        let doc = docs.last_mut().expect("a document is open");
        doc.last_mut().expect("a sentence is open").push((words[0], words[words.len() - 1]));
    }
    docs.iter()
        .map(|sentences| {
            let mut text = String::new();
            let mut len = 0;
            let mut spans: Vec<Open<'_>> = Vec::new();
            for sentence in sentences.iter().filter(|s| !s.is_empty()) {
                let mut open: Option<Open<'_>> = None;
                for (j, &(token, tag)) in sentence.iter().enumerate() {
                    if j > 0 {
                        text.push(' ');
                        len += 1;
                    }
                    let start = len;
                    text.push_str(token);
                    len += token.chars().count();
                    step_tag(&mut open, &mut spans, tag, start, len);
                }
                spans.extend(open);
                text.push('\n');
                len += 1;
            }
            NerDocument { text, mentions: gold_mentions(&spans) }
        })
        .collect()
}

/// One token of the scripts' shared IOB logic: `tag` covers `start..end`. The script's
/// `typ = tag[2:]` can be empty (a tag of one or two characters), which Python treats as false:
/// such a token neither closes nor extends the open mention.
fn step_tag<'a>(open: &mut Option<Open<'a>>, spans: &mut Vec<Open<'a>>, tag: &'a str, start: usize, end: usize) {
    let typ = if tag == "O" { None } else { Some(tag.char_indices().nth(2).map_or("", |(i, _)| &tag[i..])) };
    let truthy = typ.is_some_and(|t| !t.is_empty());
    let begins = tag.starts_with("B-") || (truthy && open.is_none_or(|o| Some(o.2) != typ));
    if open.is_some() && (typ.is_none() || begins) {
        spans.extend(open.take());
    }
    if let Some(typ) = typ.filter(|_| truthy) {
        match open {
            None => *open = Some((start, end, typ)),
            Some(o) => o.1 = end,
        }
    }
}

fn gold_mentions(spans: &[Open<'_>]) -> Vec<NerMention> {
    spans.iter().filter_map(|&(start, end, typ)| NerLabel::from_tag(typ).map(|label| NerMention { span: [start, end], label })).collect()
}

/// A sentence of an IOB2 file with the comments before it.
#[derive(Debug, Default)]
struct Iob2Sentence<'a> {
    newdoc: bool,
    text: Option<&'a str>,
    tokens: Vec<(&'a str, &'a str)>,
}

/// Universal NER / CoNLL-U style (`prepare_iob2` in the script).
fn iob2_documents(data: &str) -> Result<Vec<NerDocument>, EvaluateError> {
    let (sentences, has_newdoc) = read_iob2(data)?;
    let mut docs: Vec<Vec<Iob2Sentence<'_>>> = Vec::new();
    for s in sentences {
        let new = if has_newdoc { s.newdoc || docs.is_empty() } else { docs.last().is_none_or(|d| d.len() == IOB2_CHUNK) };
        if new {
            docs.push(Vec::new());
        }
        docs.last_mut().expect("a document is open").push(s);
    }
    Ok(docs
        .iter()
        .map(|doc| {
            let mut text = String::new();
            let mut len = 0;
            let mut mentions = Vec::new();
            for s in doc {
                let tokens: Vec<&str> = s.tokens.iter().map(|t| t.0).collect();
                let stated = s.text.map(py_strip);
                let (sentence, offsets) = match stated.and_then(|t| align(t, &tokens).map(|o| (t.to_string(), o))) {
                    Some(found) => found,
                    None => {
                        let mut offsets = Vec::new();
                        let mut p = 0;
                        for t in &tokens {
                            let n = t.chars().count();
                            offsets.push((p, p + n));
                            p += n + 1;
                        }
                        (tokens.join(" "), offsets)
                    }
                };
                let base = len;
                text.push_str(&sentence);
                text.push('\n');
                len += sentence.chars().count() + 1;
                let mut spans = Vec::new();
                let mut open = None;
                for (j, &(_, tag)) in s.tokens.iter().enumerate() {
                    step_tag(&mut open, &mut spans, tag, j, j + 1);
                }
                spans.extend(open);
                for (a, b, typ) in spans {
                    mentions.extend(gold_mentions(&[(base + offsets[a].0, base + offsets[b - 1].1, typ)]));
                }
            }
            NerDocument { text, mentions }
        })
        .collect())
}

fn read_iob2(data: &str) -> Result<(Vec<Iob2Sentence<'_>>, bool), EvaluateError> {
    static COMMENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^#\s*(newdoc(?:\s+id)?|sent_id|text)\s*(?:=\s?(.*))?$").expect("valid regex"));
    let mut sentences = Vec::new();
    let mut has_newdoc = false;
    let mut current = Iob2Sentence::default();
    // Comments and blank lines end a sentence; what they set carries over to the next one.
    fn flush<'a>(current: &mut Iob2Sentence<'a>, sentences: &mut Vec<Iob2Sentence<'a>>) {
        if !current.tokens.is_empty() {
            sentences.push(std::mem::take(current));
        }
    }
    for (n, line) in universal_lines(data).into_iter().enumerate() {
        let line = line.trim_end_matches(['\r', '\n']);
        if py_strip(line).is_empty() {
            flush(&mut current, &mut sentences);
            continue;
        }
        if line.starts_with('#') {
            flush(&mut current, &mut sentences);
            if let Some(m) = COMMENT.captures(line) {
                let value = m.get(2).map_or("", |v| v.as_str());
                match &m[1] {
                    key if key.starts_with("newdoc") => {
                        has_newdoc = true;
                        current.newdoc = true;
                    }
                    "text" => current.text = Some(value),
                    _ => {}
                }
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 3 {
            return Err(EvaluateError::Conll { line: n + 1, message: format!("expected INDEX<TAB>TOKEN<TAB>TAG, got {line:?}") });
        }
        if fields[0].is_empty() || !fields[0].bytes().all(|b| b.is_ascii_digit()) {
            continue; // a multiword-token range (1-2) or an empty node (1.1)
        }
        let tag = py_strip(fields[2]);
        let valid = tag == "O" || ((tag.starts_with("B-") || tag.starts_with("I-")) && tag.chars().count() > 2);
        if !valid {
            return Err(EvaluateError::Conll { line: n + 1, message: format!("not an IOB2 tag: {tag:?}") });
        }
        current.tokens.push((fields[1], tag));
    }
    flush(&mut current, &mut sentences);
    Ok((sentences, has_newdoc))
}

/// Code point offsets of `tokens` in `text` when the text is exactly the tokens in order with
/// only whitespace around them.
fn align(text: &str, tokens: &[&str]) -> Option<Vec<(usize, usize)>> {
    let chars: Vec<char> = text.chars().collect();
    let mut offsets = Vec::with_capacity(tokens.len());
    let mut pos = 0;
    for token in tokens {
        while pos < chars.len() && is_py_space(chars[pos]) {
            pos += 1;
        }
        let token: Vec<char> = token.chars().collect();
        if token.is_empty() || !chars[pos..].starts_with(&token) {
            return None;
        }
        offsets.push((pos, pos + token.len()));
        pos += token.len();
    }
    chars[pos..].iter().all(|&c| is_py_space(c)).then_some(offsets)
}

fn typed_mentions(doc: &Document) -> BTreeSet<(usize, usize, NerLabel)> {
    let chars = CharIndex::new(doc.article.text());
    doc.entities
        .iter()
        .flat_map(|e| {
            let chars = &chars;
            e.mentions.iter().map(move |&m| {
                let [start, end] = chars.chars(m);
                (start, end, NerLabel::of(e.kind))
            })
        })
        .collect()
}

/// `score` in the script.
fn score_ner(format: ConllFormat, docs: &[NerDocument], predicted: &[BTreeSet<(usize, usize, NerLabel)>]) -> NerReport {
    let (mut tp, mut fp, mut fn_, mut untyped_tp) = (0, 0, 0, 0);
    let mut per = [[0usize; 3]; 3];
    for (doc, p) in docs.iter().zip(predicted) {
        let g: BTreeSet<(usize, usize, NerLabel)> = doc.mentions.iter().map(|m| (m.span[0], m.span[1], m.label)).collect();
        tp += g.intersection(p).count();
        fp += p.difference(&g).count();
        fn_ += g.difference(p).count();
        let untyped = |s: &BTreeSet<(usize, usize, NerLabel)>| s.iter().map(|m| (m.0, m.1)).collect::<BTreeSet<_>>();
        untyped_tp += untyped(&g).intersection(&untyped(p)).count();
        for (i, label) in NerLabel::ALL.into_iter().enumerate() {
            let of = |s: &BTreeSet<(usize, usize, NerLabel)>| s.iter().filter(|m| m.2 == label).copied().collect::<BTreeSet<_>>();
            let (gt, pt) = (of(&g), of(p));
            per[i][0] += gt.intersection(&pt).count();
            per[i][1] += pt.difference(&gt).count();
            per[i][2] += gt.difference(&pt).count();
        }
    }
    let types: Vec<TypeScore> = NerLabel::ALL
        .into_iter()
        .zip(per)
        .map(|(label, [tp, fp, fn_])| TypeScore {
            label,
            tp,
            fp,
            fn_,
            p: percent(tp, tp + fp),
            r: percent(tp, tp + fn_),
            f1: f1(tp, tp + fp, tp + fn_),
        })
        .collect();
    NerReport {
        format,
        documents: docs.len(),
        gold_mentions: tp + fn_,
        predicted_mentions: tp + fp,
        f1: f1(tp, tp + fp, tp + fn_),
        p: percent(tp, tp + fp),
        r: percent(tp, tp + fn_),
        untyped_f1: f1(untyped_tp, tp + fp, tp + fn_),
        per_f1: types[0].f1,
        org_f1: types[1].f1,
        loc_f1: types[2].f1,
        tp,
        fp,
        fn_,
        untyped_tp,
        types,
    }
}

impl fmt::Display for NerReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} documents ({}), {} gold mentions, {} predicted",
            self.documents,
            self.format.as_str(),
            self.gold_mentions,
            self.predicted_mentions
        )?;
        writeln!(f, "{:<8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}", "type", "P", "R", "F1", "tp", "fp", "fn")?;
        for t in &self.types {
            writeln!(f, "{:<8} {:>6.1} {:>6.1} {:>6.1} {:>6} {:>6} {:>6}", t.label.as_str(), t.p, t.r, t.f1, t.tp, t.fp, t.fn_)?;
        }
        writeln!(f, "{:<8} {:>6.1} {:>6.1} {:>6.1} {:>6} {:>6} {:>6}", "all", self.p, self.r, self.f1, self.tp, self.fp, self.fn_)?;
        write!(f, "untyped F1 {:.1}", self.untyped_f1)
    }
}

// NIF 2.0: mention detection

#[cfg(test)]
mod tests {
    use super::super::tests::pipeline;
    use super::*;

    fn check_gold(data: &str, format: ConllFormat, expect_text: &str, expect: &[(usize, usize, NerLabel)]) {
        let docs = ner_documents(data, format).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, expect_text);
        let got: Vec<_> = docs[0].mentions.iter().map(|m| (m.span[0], m.span[1], m.label)).collect();
        assert_eq!(got, expect);
    }

    const CONLL: &str = "-DOCSTART- -X- O O\n\nMaria NNP I-NP I-PER\nSilva NNP I-NP I-PER\nvisited VBD I-VP O\nLisbon NNP I-NP I-LOC\n. . O O\n\nThe DT O O\nIberian NNP I-NP I-MISC\nRail NNP I-NP I-ORG\nCompany NNP I-NP I-ORG\nagreed VBD O O\n. . O O\n";

    #[test]
    fn conll_documents_follow_the_script() {
        use NerLabel::*;
        check_gold(
            CONLL,
            ConllFormat::Conll,
            "Maria Silva visited Lisbon .\nThe Iberian Rail Company agreed .\n",
            &[(0, 11, Per), (20, 26, Loc), (41, 53, Org)],
        );
        assert_eq!(detect_format(CONLL), ConllFormat::Conll);
    }

    #[test]
    fn iob1_begin_rules() {
        use NerLabel::*;
        // B- begins a new mention; I- of another type begins one; a MISC mention splits two ORGs.
        let data = "-DOCSTART- -X- O O\nA x I-ORG\nB x B-ORG\nC x I-PER\nD x I-MISC\nE x I-ORG\n";
        check_gold(data, ConllFormat::Conll, "A B C D E\n", &[(0, 1, Org), (2, 3, Org), (4, 5, Per), (8, 9, Org)]);
        // Windows line ends and a second document.
        let docs = ner_documents("-DOCSTART-\r\nÉmile x I-PER\r\n\r\n-DOCSTART-\r\nParis x I-LOC\r\n", ConllFormat::Conll).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "Émile\n");
        assert_eq!(docs[1].mentions, vec![NerMention { span: [0, 5], label: Loc }]);
    }

    #[test]
    fn iob2_uses_the_text_line_and_newdoc() {
        use NerLabel::*;
        let data = "# newdoc id = a\n# sent_id = a-1\n# text = Ana  Lima left Porto.\n1\tAna\tB-PER\n2\tLima\tI-PER\n3\tleft\tO\n3-4\tx\tO\n4\tPorto\tB-LOC\n5\t.\tO\n\n# sent_id = a-2\n# text = does not match\n1\tIt\tO\n2\trained\tO\n";
        assert_eq!(detect_format(data), ConllFormat::Iob2);
        check_gold(data, ConllFormat::Iob2, "Ana  Lima left Porto.\nIt rained\n", &[(0, 9, Per), (15, 20, Loc)]);
        let bad = "1\tAna\tX-PER\n";
        let err = ner_documents(bad, ConllFormat::Iob2).unwrap_err();
        assert_eq!(err.to_string(), "line 1: not an IOB2 tag: \"X-PER\"");
    }

    #[test]
    fn iob2_without_newdoc_chunks_ten_sentences() {
        let data: String = (0..12).map(|i| format!("1\tw{i}\tO\n\n")).collect();
        let docs = ner_documents(&data, ConllFormat::Iob2).unwrap();
        assert_eq!(docs.iter().map(|d| d.text.lines().count()).collect::<Vec<_>>(), vec![10, 2]);
    }

    #[test]
    fn conll_report_has_the_script_keys() {
        let report = conll(&pipeline(), CONLL).unwrap();
        assert_eq!(report.documents, 1);
        assert_eq!(report.gold_mentions, 3);
        let json = serde_json::to_value(&report).unwrap();
        for key in ["f1", "p", "r", "untyped_f1", "PER_f1", "ORG_f1", "LOC_f1"] {
            assert!(json[key].is_f64(), "{key}");
        }
        assert!(report.to_string().contains("untyped F1"));
    }
}
