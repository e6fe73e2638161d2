//! A greedy part-of-speech tagger: one averaged-perceptron decision per token, left to right.
//!
//! Each class is a pair of tags, universal and Penn Treebank ("VERB VBN"), so the parser can tell
//! a participle from a past tense while recognition and attribution read the universal tag. The
//! features are the word, its affixes and shape, two words either side, and the two tags already
//! chosen ([`features`], the one list of them). It knows nothing of trees.

use super::perceptron::{Features, Model, ModelError, argmax, feature_set_hash};

/// The kind written in the weights file.
pub const KIND: &str = "tagger";

/// The feature templates, hashed into the weights file so a model trained with other templates
/// is refused. Change this string whenever [`features`] changes.
const TEMPLATES: &str = "tagger v1: bias w lw sfx1-4 pfx1-3 shape first+title w-1 w-2 w+1 w+2 sfx3-1 sfx3+1 shape-1 shape+1 \
t-1 t-2 t-1t-2 t-1w w-1w ww+1";

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
}

impl Lex {
    /// The features' view of `form`.
    pub fn new(form: &str) -> Self {
        Lex { form: form.to_string(), lower: form.to_lowercase(), shape: shape(form, 2) }
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
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
}

impl Tagger {
    /// Loads a weights file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Ok(Tagger { model: Model::from_bytes(bytes, KIND, feature_hash())? })
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
}
