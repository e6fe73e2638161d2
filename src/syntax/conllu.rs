//! CoNLL-U sentences, and their trees projected onto our own tokens.
//!
//! [`parse`] reads the basic layer of a CoNLL-U file (ids, forms, UPOS, XPOS, heads, relations;
//! multiword tokens kept as surface units, empty nodes skipped). [`Sentence::retokenized`] cuts
//! the sentence's `# text` with `segment`'s tokenizer and carries the tree over: a token that
//! covers several words ("don't", "Kurdistan-24") takes the word whose head lies outside it, and a
//! word cut into several tokens keeps its first piece, the others attached to it as `goeswith`.

use crate::segment::tokens_of;
use crate::text::Span;
use thiserror::Error;

/// A line of a CoNLL-U file that could not be read.
#[derive(Debug, Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// One syntactic word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Its form.
    pub form: String,
    /// Universal part of speech.
    pub upos: String,
    /// Language-specific part of speech.
    pub xpos: String,
    /// 1-based index of its head, 0 for the root.
    pub head: usize,
    /// Universal dependency relation, with its subtype.
    pub deprel: String,
}

impl Word {
    /// The universal and the treebank tag, as the tagger predicts them ("VERB VBN").
    pub fn joint_tag(&self) -> String {
        format!("{} {}", self.upos, self.xpos)
    }
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// `# sent_id`.
    pub id: String,
    /// `# newdoc id` in force.
    pub document: String,
    /// `# text`.
    pub text: String,
    /// Its words.
    pub words: Vec<Word>,
    /// Whether a `# newpar` opens it.
    pub new_paragraph: bool,
    /// Surface units: a range of word indices (0-based, end exclusive) and the unit's form.
    pub units: Vec<(usize, usize, String)>,
}

/// A tree over some tokenization: parallel vectors, heads 1-based with 0 the root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tree {
    /// Token forms.
    pub forms: Vec<String>,
    /// Byte spans of the tokens in the sentence text (empty spans when unknown).
    pub spans: Vec<Span>,
    /// Joint tags ("VERB VBN").
    pub tags: Vec<String>,
    /// Heads.
    pub heads: Vec<usize>,
    /// Relations.
    pub labels: Vec<String>,
}

impl Tree {
    /// Whether no two arcs cross (the arc-hybrid system builds only such trees).
    pub fn is_projective(&self) -> bool {
        let arcs: Vec<(usize, usize)> = self
            .heads
            .iter()
            .enumerate()
            .map(|(i, &h)| {
                let (d, h) = (i + 1, if h == 0 { self.heads.len() + 1 } else { h });
                (d.min(h), d.max(h))
            })
            .collect();
        arcs.iter().all(|&(a, b)| arcs.iter().all(|&(c, d)| !(a < c && c < b && b < d)))
    }
}

/// Reads every sentence of a CoNLL-U text.
pub fn parse(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut current = Sentence::default();
    let mut document = String::new();
    for (n, line) in text.lines().enumerate() {
        let error = |message: String| ConlluError { line: n + 1, message };
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                current.document = document.clone();
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if let Some(v) = comment.strip_prefix("newdoc id =") {
                document = v.trim().to_string();
            } else if comment.starts_with("newpar") {
                current.new_paragraph = true;
            } else if let Some(v) = comment.strip_prefix("sent_id =") {
                current.id = v.trim().to_string();
            } else if let Some(v) = comment.strip_prefix("text =") {
                current.text = v.trim().to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(error(format!("expected 10 tab-separated columns, found {}", cols.len())));
        }
        if cols[0].contains('.') {
            continue;
        }
        if let Some((a, b)) = cols[0].split_once('-') {
            let (a, b): (usize, usize) =
                (a.parse().map_err(|_| error("bad range".into()))?, b.parse().map_err(|_| error("bad range".into()))?);
            current.units.push((a - 1, b, cols[1].to_string()));
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| error(format!("bad id {:?}", cols[0])))?;
        if id != current.words.len() + 1 {
            return Err(error(format!("word {id} out of order")));
        }
        if current.units.last().is_none_or(|u| u.1 < id) {
            current.units.push((id - 1, id, cols[1].to_string()));
        }
        let head = cols[6].parse().map_err(|_| error(format!("bad head {:?}", cols[6])))?;
        current.words.push(Word {
            form: cols[1].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
        });
    }
    if !current.words.is_empty() {
        current.document = document;
        out.push(current);
    }
    Ok(out)
}

impl Sentence {
    /// The tree over the corpus's own words.
    pub fn gold_tree(&self) -> Tree {
        Tree {
            forms: self.words.iter().map(|w| w.form.clone()).collect(),
            spans: vec![Span::new(0, 0); self.words.len()],
            tags: self.words.iter().map(Word::joint_tag).collect(),
            heads: self.words.iter().map(|w| w.head).collect(),
            labels: self.words.iter().map(|w| w.deprel.clone()).collect(),
        }
    }

    /// The byte span of each word in `text`, from its surface unit; `None` when the forms cannot
    /// be found in order.
    pub fn word_spans(&self) -> Option<Vec<Span>> {
        let mut spans = vec![Span::new(0, 0); self.words.len()];
        let mut at = 0;
        for (first, end, form) in &self.units {
            let found = self.text[at..].find(form.as_str())?;
            // Only whitespace may lie between units.
            if !self.text[at..at + found].trim().is_empty() {
                return None;
            }
            let span = Span::new(at + found, at + found + form.len());
            at = span.end;
            for s in &mut spans[*first..*end] {
                *s = span;
            }
        }
        Some(spans)
    }

    /// The tree carried over to `segment`'s tokens of the sentence's text.
    pub fn retokenized(&self) -> Option<Tree> {
        let spans = self.word_spans()?;
        let tokens = tokens_of(&self.text, Span::new(0, self.text.len()));
        // Each word's first token; each token's words.
        let mut first_token = vec![usize::MAX; self.words.len()];
        let mut words_of: Vec<Vec<usize>> = vec![Vec::new(); tokens.len()];
        let mut extra_pieces: Vec<(usize, usize)> = Vec::new();
        for (w, span) in spans.iter().enumerate() {
            for (t, token) in tokens.iter().enumerate() {
                if token.span.start < span.end && span.start < token.span.end {
                    if first_token[w] == usize::MAX {
                        first_token[w] = t;
                        words_of[t].push(w);
                    } else if words_of[t].is_empty() {
                        extra_pieces.push((t, first_token[w]));
                    }
                }
            }
        }
        if first_token.contains(&usize::MAX) {
            return None;
        }
        let mut tree = Tree::default();
        for (t, token) in tokens.iter().enumerate() {
            tree.forms.push(token.span.of(&self.text).to_string());
            tree.spans.push(token.span);
            if let Some(&(_, owner)) = extra_pieces.iter().find(|p| p.0 == t) {
                tree.tags.push("X GW".into());
                tree.heads.push(owner + 1);
                tree.labels.push("goeswith".into());
                continue;
            }
            let words = &words_of[t];
            let inside = |w: usize| self.words[w].head != 0 && first_token[self.words[w].head - 1] == t;
            let &main = words.iter().find(|&&w| !inside(w)).or(words.first())?;
            let word = &self.words[main];
            tree.tags.push(word.joint_tag());
            tree.heads.push(if word.head == 0 { 0 } else { first_token[word.head - 1] + 1 });
            tree.labels.push(word.deprel.clone());
        }
        Some(tree)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = s1\n# text = Kurdistan-24 didn't call.\n\
1\tKurdistan\tKurdistan\tPROPN\tNNP\t_\t5\tnsubj\t_\tSpaceAfter=No\n\
2\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t_\tSpaceAfter=No\n\
3\t24\t24\tNUM\tCD\t_\t1\tnummod\t_\t_\n\
4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n\
4\tdid\tdo\tAUX\tVBD\t_\t6\taux\t_\t_\n\
5\tn't\tnot\tPART\tRB\t_\t6\tadvmod\t_\t_\n\
6\tcall\tcall\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_units_and_documents() {
        let sentences = parse(SAMPLE).expect("parses");
        assert_eq!(sentences.len(), 1);
        let s = &sentences[0];
        assert_eq!((s.id.as_str(), s.document.as_str(), s.words.len(), s.units.len()), ("s1", "d1", 7, 6));
        assert_eq!(s.units[3], (3, 5, "didn't".to_string()));
    }

    #[test]
    fn carries_the_tree_over_to_our_tokens() {
        let mut s = parse(SAMPLE).expect("parses").remove(0);
        // Make the compound's head point at the verb, as a real tree would.
        s.words[0].head = 6;
        let tree = s.retokenized().expect("aligns");
        assert_eq!(tree.forms, ["Kurdistan-24", "didn't", "call", "."]);
        assert_eq!(tree.tags, ["PROPN NNP", "AUX VBD", "VERB VB", "PUNCT ."]);
        assert_eq!(tree.heads, [3, 3, 0, 3]);
        assert_eq!(tree.labels, ["nsubj", "aux", "root", "punct"]);
        assert!(tree.is_projective());
    }

    #[test]
    fn reports_the_line_of_a_bad_row() {
        let err = parse("# text = a\n1\ta\n").expect_err("bad row");
        assert_eq!(err.line, 2);
    }
}
