//! A greedy part-of-speech tagger: one averaged-perceptron decision per token, left to right.
//!
//! Each class is a pair of tags, universal and Penn Treebank ("VERB VBN"), so the parser can tell
//! a participle from a past tense while recognition and attribution read the universal tag. The
//! features are the word, its affixes and shape, two words either side, the tags the training
//! data gave each of them ([`WordClasses`], read from `tagger-words.tsv` beside the weights) and the
//! two tags already chosen ([`features`], the one list of them). It knows nothing of trees.

use super::perceptron::{Features, Model, ModelError, argmax, feature_set_hash};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The kind written in the weights file.
pub const KIND: &str = "tagger";

/// The feature templates, hashed into the weights file so a model trained with other templates
/// is refused. Change this string whenever [`features`] changes.
const TEMPLATES: &str = "tagger v2: bias w lw sfx1-4 pfx1-3 shape first+title w-1 w-2 w+1 w+2 sfx3-1 sfx3+1 shape-1 shape+1 \
t-1 t-2 t-1t-2 t-1w w-1w ww+1 sfx5 pfx4 t-1w+1 w-1w+1 sfx2+1 shape+2 hyphen c c+1 c+2 c-1 t-1c+1 cc+1";

/// The feature-set hash of this build.
pub fn feature_hash() -> u64 {
    feature_set_hash(TEMPLATES)
}

/// A token as the features see it.
#[derive(Debug, Clone)]
pub struct Lex {
    /// The form as written.
    pub form: String,
    /// Lowercase form.
    pub lower: String,
    /// Its [`shape`] ("Goble" → "Xxx").
    pub shape: String,
    /// The tags the training data gave it ([`WordClasses`]; empty for a rare word).
    pub class: Arc<str>,
}

impl Lex {
    /// The features' view of `form`, with its class from `classes`.
    pub fn new(form: &str, classes: &WordClasses) -> Self {
        let lower = form.to_lowercase();
        let class = classes.get(&lower);
        Lex { form: form.to_string(), lower, shape: shape(form, 2), class }
    }
}

/// Each word's ambiguity class: the universal tags the training data gave it at least a tenth of
/// the time ("ADJ|NOUN"), for words seen [`WordClasses::MIN_COUNT`] times or more. The tagger
/// reads the classes of the words around it, those to its right included, whose tags it has not
/// chosen yet. In training, each sentence reads the classes counted on the other folds of the
/// training data (`train::tagger_run`), as a sentence at run time reads classes counted on
/// other text: counted on all of it, a word's class would always hold its right tag there.
#[derive(Debug, Clone, Default)]
pub struct WordClasses {
    words: HashMap<String, Arc<str>>,
    empty: Arc<str>,
}

impl WordClasses {
    /// How often a word must occur in training to get a class.
    pub const MIN_COUNT: usize = 2;

    /// The classes of the lowercased words of `sentences` (forms and joint tags).
    pub fn count<'a>(sentences: impl IntoIterator<Item = (&'a [String], &'a [String])>) -> Self {
        let mut counts: HashMap<String, BTreeMap<&str, usize>> = HashMap::default();
        for (forms, tags) in sentences {
            for (form, tag) in forms.iter().zip(tags) {
                *counts.entry(form.to_lowercase()).or_default().entry(upos(tag)).or_default() += 1;
            }
        }
        let mut interned: HashMap<String, Arc<str>> = HashMap::default();
        let mut words = HashMap::default();
        for (word, tags) in counts {
            let n: usize = tags.values().sum();
            if n >= Self::MIN_COUNT {
                let class = tags.iter().filter(|(_, k)| **k * 10 >= n).map(|(t, _)| *t).collect::<Vec<_>>().join("|");
                words.insert(word, interned.entry(class.clone()).or_insert_with(|| class.into()).clone());
            }
        }
        WordClasses { words, empty: Arc::from("") }
    }

    /// Reads the tab-separated file that [`WordClasses::to_tsv`] writes (`#` lines are comments).
    pub fn parse(tsv: &str) -> Result<Self, ModelError> {
        let mut interned: HashMap<&str, Arc<str>> = HashMap::default();
        let mut words = HashMap::default();
        for (n, line) in tsv.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty()) {
            let (word, class) = line.split_once('\t').ok_or(ModelError::WordClasses(n + 1))?;
            words.insert(word.to_string(), interned.entry(class).or_insert_with(|| class.into()).clone());
        }
        Ok(WordClasses { words, empty: Arc::from("") })
    }

    /// The file: a comment naming where the classes come from, then one word per line, sorted.
    pub fn to_tsv(&self, notes: &str) -> String {
        let sorted: BTreeMap<&str, &str> = self.words.iter().map(|(w, c)| (w.as_str(), &**c)).collect();
        let mut out = format!("# word\tuniversal tags (ambiguity class), for hearsay's tagger. {notes}\n");
        for (word, class) in sorted {
            out.push_str(word);
            out.push('\t');
            out.push_str(class);
            out.push('\n');
        }
        out
    }

    /// The class of a lowercased word (empty when it has none).
    pub fn get(&self, lower: &str) -> Arc<str> {
        self.words.get(lower).unwrap_or(&self.empty).clone()
    }
}

/// The word's shape: X for capitals, x for lowercase letters, d for digits, other characters as
/// they are; runs of one kind longer than `max` are cut to `max` ("Goble" → "Xxx" with 2).
pub fn shape(form: &str, max: usize) -> String {
    let mut out = String::new();
    let mut last = ' ';
    let mut run = 0;
    for c in form.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        run = if s == last { run + 1 } else { 1 };
        last = s;
        if run <= max {
            out.push(s);
        }
    }
    out
}

fn suffix(s: &str, n: usize) -> &str {
    let start = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[start..]
}

fn prefix(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The features of token `i`, given the tags chosen for the tokens before it.
pub fn features(words: &[Lex], i: usize, prev: &[&str], out: &mut Features) {
    const NONE: &str = "<none>";
    let at = |k: isize| -> Option<&Lex> { usize::try_from(i as isize + k).ok().and_then(|k| words.get(k)) };
    let lower = |k: isize| at(k).map_or(NONE, |w| w.lower.as_str());
    let shape_at = |k: isize| at(k).map_or(NONE, |w| w.shape.as_str());
    let tag = |k: usize| if i >= k { prev[i - k] } else { NONE };
    let w = &words[i];
    out.clear();
    out.add("bias", &[]);
    out.add("w", &[&w.form]);
    out.add("lw", &[&w.lower]);
    for n in 1..=4 {
        out.add("sfx", &[suffix(&w.lower, n)]);
    }
    for n in 1..=3 {
        out.add("pfx", &[prefix(&w.lower, n)]);
    }
    out.add("shape", &[&w.shape]);
    out.add("first+title", &[if i == 0 { "first" } else { "inner" }, prefix(&w.shape, 1)]);
    out.add("w-1", &[lower(-1)]);
    out.add("w-2", &[lower(-2)]);
    out.add("w+1", &[lower(1)]);
    out.add("w+2", &[lower(2)]);
    out.add("sfx3-1", &[at(-1).map_or(NONE, |w| suffix(&w.lower, 3))]);
    out.add("sfx3+1", &[at(1).map_or(NONE, |w| suffix(&w.lower, 3))]);
    out.add("shape-1", &[shape_at(-1)]);
    out.add("shape+1", &[shape_at(1)]);
    out.add("t-1", &[tag(1)]);
    out.add("t-2", &[tag(2)]);
    out.add("t-1t-2", &[tag(1), tag(2)]);
    out.add("t-1w", &[tag(1), &w.lower]);
    out.add("w-1w", &[lower(-1), &w.lower]);
    out.add("ww+1", &[&w.lower, lower(1)]);
    out.add("sfx5", &[suffix(&w.lower, 5)]);
    out.add("pfx4", &[prefix(&w.lower, 4)]);
    out.add("t-1w+1", &[tag(1), lower(1)]);
    out.add("w-1w+1", &[lower(-1), lower(1)]);
    out.add("sfx2+1", &[at(1).map_or(NONE, |w| suffix(&w.lower, 2))]);
    out.add("shape+2", &[shape_at(2)]);
    out.add("hyphen", &[w.lower.rsplit_once('-').map_or(NONE, |(_, last)| last)]);
    let class = |k: isize| at(k).map_or(NONE, |w| &*w.class);
    out.add("c", &[class(0)]);
    out.add("c+1", &[class(1)]);
    out.add("c+2", &[class(2)]);
    out.add("c-1", &[class(-1)]);
    out.add("t-1c+1", &[tag(1), class(1)]);
    out.add("cc+1", &[class(0), class(1)]);
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
    classes: WordClasses,
}

impl Tagger {
    /// Loads a weights file and its word classes (`tagger-words.tsv`).
    pub fn from_bytes(bytes: &[u8], classes: &str) -> Result<Self, ModelError> {
        Ok(Tagger { model: Model::from_bytes(bytes, KIND, feature_hash())?, classes: WordClasses::parse(classes)? })
    }

    /// A tagger from trained weights and the classes it was trained with.
    pub fn new(bytes: &[u8], classes: WordClasses) -> Result<Self, ModelError> {
        Ok(Tagger { model: Model::from_bytes(bytes, KIND, feature_hash())?, classes })
    }

    /// The word classes it reads.
    pub fn classes(&self) -> &WordClasses {
        &self.classes
    }

    /// The features' view of `form`.
    pub fn lex(&self, form: &str) -> Lex {
        Lex::new(form, &self.classes)
    }

    /// The model's notes (training data, licence, settings).
    pub fn notes(&self) -> &str {
        &self.model.notes
    }

    /// The joint tag ("VERB VBN") of each word.
    pub fn tag(&self, words: &[Lex]) -> Vec<&str> {
        let mut tags: Vec<&str> = Vec::with_capacity(words.len());
        let mut f = Features::default();
        let mut scores = vec![0.0; self.model.classes.len()];
        for i in 0..words.len() {
            features(words, i, &tags, &mut f);
            scores.iter_mut().for_each(|s| *s = 0.0);
            self.model.score(&f, &mut scores);
            let best = argmax(&scores, |_| true).unwrap_or(0);
            tags.push(self.model.classes.get(best).map_or("X X", String::as_str));
        }
        tags
    }
}

/// The universal part of a joint tag ("VERB VBN" → "VERB").
pub fn upos(joint: &str) -> &str {
    joint.split_once(' ').map_or(joint, |(u, _)| u)
}

/// The treebank part of a joint tag ("VERB VBN" → "VBN").
pub fn xpos(joint: &str) -> &str {
    joint.split_once(' ').map_or(joint, |(_, x)| x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape("Kurdistan-24", 2), "Xxx-dd");
        assert_eq!(shape("U.S.", 2), "X.X.");
        assert_eq!(suffix("said", 3), "aid");
        assert_eq!(suffix("é", 3), "é");
        assert_eq!(prefix("über", 2), "üb");
        assert_eq!((upos("VERB VBN"), xpos("VERB VBN")), ("VERB", "VBN"));
    }

    #[test]
    fn word_classes_keep_frequent_words_and_frequent_tags() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let (forms, tags) =
            (s(&["Run", "run", "run", "run", "run", "rare"]), s(&["VERB VB", "VERB VB", "NOUN NN", "VERB VBP", "VERB VB", "ADJ JJ"]));
        let classes = WordClasses::count([(&forms[..], &tags[..])]);
        assert_eq!((&*classes.get("run"), &*classes.get("rare")), ("NOUN|VERB", ""));
        let tsv = classes.to_tsv("test");
        assert_eq!(tsv.lines().nth(1), Some("run\tNOUN|VERB"));
        assert_eq!(&*WordClasses::parse(&tsv).expect("reads").get("run"), "NOUN|VERB");
        assert!(WordClasses::parse("no tab here").is_err());
    }
}
