//! Learned syntax: part-of-speech tags and labeled dependency trees over `segment`'s tokens.
//!
//! Two averaged-perceptron models ([`perceptron`]) trained from Universal Dependencies corpora
//! (UD English EWT and GUM) by `hearsay train`: a greedy tagger ([`tagger`], UPOS) and a greedy
//! arc-hybrid parser with a dynamic oracle ([`parser`], UD relations). Training sentences are
//! re-tokenized with our own tokenizer and their trees projected onto its tokens ([`conllu`]), so
//! the models see at training time what they see at run time. This module reads no files: the
//! weights come in as bytes and training takes corpus texts.

pub mod conllu;
pub mod lbfgs;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod train;

use crate::segment::Segmented;
use parser::Parser;
use perceptron::ModelError;
use std::cell::OnceCell;
use std::ops::Range;
use tagger::{Lex, Tagger};

/// The tagger and the parser, loaded together.
#[derive(Debug, Clone)]
pub struct Models {
    /// Part-of-speech tagger.
    pub tagger: Tagger,
    /// Dependency parser.
    pub parser: Parser,
}

impl Models {
    /// Loads both models from their weights files' bytes, side by side.
    pub fn from_bytes(tagger: &[u8], tagger_words: &str, parser: &[u8]) -> Result<Self, ModelError> {
        let (tagger, parser) = rayon::join(|| Tagger::from_bytes(tagger, tagger_words), || Parser::from_bytes(parser));
        Ok(Models { tagger: tagger?, parser: parser? })
    }
}

/// The tags and the tree of every token of an article, indexed like `Segmented::tokens`.
/// Tags and relations are the models' own strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Syntax<'m> {
    /// Joint tags ("VERB VBN").
    pub tags: Vec<&'m str>,
    /// Each token's head (a token index), `None` for a sentence's root.
    pub heads: Vec<Option<usize>>,
    /// Each token's relation to its head.
    pub labels: Vec<&'m str>,
}

impl Syntax<'_> {
    /// The universal tag of token `i`.
    pub fn upos(&self, i: usize) -> &str {
        tagger::upos(self.tags[i])
    }
}

/// Tags and parses every sentence of `segmented` with `models`.
pub fn analyze<'m>(segmented: &Segmented<'_>, models: &'m Models) -> Syntax<'m> {
    let mut syntax = Syntax::default();
    for sentence in &segmented.sentences {
        let tagged = tag_sentence(segmented, sentence.tokens.clone(), models, &[]);
        let tree = parse_sentence(&tagged, sentence.tokens.start, models);
        syntax.tags.extend(tagged.tags);
        syntax.heads.extend(tree.heads);
        syntax.labels.extend(tree.labels);
    }
    syntax
}

/// One sentence's words as the models see them, and their tags.
#[derive(Debug)]
struct Tagged<'m> {
    words: Vec<Lex>,
    tags: Vec<&'m str>,
}

/// One sentence's tree: heads as article token indices, and relations.
#[derive(Debug)]
struct Tree<'m> {
    heads: Vec<Option<usize>>,
    labels: Vec<&'m str>,
}

/// The tags of the sentence made of `tokens`; `names` (empty, or one per token) marks the words
/// of recognized names.
fn tag_sentence<'m>(segmented: &Segmented<'_>, tokens: Range<usize>, models: &'m Models, names: &[bool]) -> Tagged<'m> {
    let words: Vec<Lex> = tokens.map(|i| models.tagger.lex(segmented.word(i))).collect();
    let mut tags = models.tagger.tag(&words);
    for (tag, _) in tags.iter_mut().zip(names).filter(|(t, name)| **name && !matches!(tagger::upos(t), "PROPN" | "NOUN")) {
        *tag = "PROPN NNP";
    }
    Tagged { words, tags }
}

/// The tree of a tagged sentence whose first token is `first`.
fn parse_sentence<'m>(tagged: &Tagged<'_>, first: usize, models: &'m Models) -> Tree<'m> {
    let arcs = models.parser.parse(&tagged.words, &tagged.tags);
    Tree { heads: arcs.iter().map(|a| a.head.map(|h| first + h)).collect(), labels: arcs.iter().map(|a| a.label).collect() }
}

/// An article's tags and trees, each sentence tagged the first time a stage asks about one of its
/// tokens, and parsed the first time a stage asks about its tree: attribution needs the trees of
/// a few sentences, and parsing every sentence would cost more than the rest of the pipeline
/// together. The answers are those of [`analyze`].
#[derive(Debug)]
pub struct Parses<'a> {
    segmented: &'a Segmented<'a>,
    models: &'static Models,
    tagged: Vec<OnceCell<Tagged<'static>>>,
    trees: Vec<OnceCell<Tree<'static>>>,
    /// Each sentence's dependents of each token, in token order, built when first asked for.
    dependents: Vec<OnceCell<Vec<Vec<usize>>>>,
    /// Tokens known to be words of a proper name (see [`Parses::with_names`]).
    names: Vec<bool>,
}

/// `n` empty cells.
fn cells<T>(n: usize) -> Vec<OnceCell<T>> {
    (0..n).map(|_| OnceCell::new()).collect()
}

impl<'a> Parses<'a> {
    /// Nothing analysed yet; the models are those loaded once per process.
    pub fn new(segmented: &'a Segmented<'a>, models: &'static Models) -> Self {
        let n = segmented.sentences.len();
        Parses { segmented, models, tagged: cells(n), trees: cells(n), dependents: cells(n), names: Vec::new() }
    }

    /// The same, knowing which tokens are capitalized words of a recognized name: the tagger's
    /// guess for such a word is overruled when it is neither a proper nor a common noun
    /// ("Desailly says": an unknown word in -ly is an adverb to the tagger alone), so that the
    /// parser sees a name where recognition found one.
    pub fn with_names(mut self, names: Vec<bool>) -> Self {
        self.names = names;
        self
    }

    /// The sentence holding token `i` (its index), `None` for a token no sentence holds.
    fn sentence(&self, i: usize) -> Option<usize> {
        let sentences = &self.segmented.sentences;
        let s = sentences.partition_point(|s| s.tokens.end <= i);
        sentences.get(s).filter(|s| s.tokens.contains(&i)).map(|_| s)
    }

    /// The tags of sentence `s`.
    fn tagged(&self, s: usize) -> &Tagged<'static> {
        let tokens = self.segmented.sentences[s].tokens.clone();
        let names = self.names.get(tokens.clone()).unwrap_or(&[]);
        self.tagged[s].get_or_init(|| tag_sentence(self.segmented, tokens, self.models, names))
    }

    /// The tree of the sentence holding token `i`, the index of its first token, and its own.
    fn tree_of(&self, i: usize) -> Option<(&Tree<'static>, usize, usize)> {
        let s = self.sentence(i)?;
        let first = self.segmented.sentences[s].tokens.start;
        Some((self.trees[s].get_or_init(|| parse_sentence(self.tagged(s), first, self.models)), first, s))
    }

    /// The head of token `i` (a token index), `None` for a sentence's root.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.tree_of(i).and_then(|(tree, first, _)| tree.heads[i - first])
    }

    /// The tokens whose head is token `i`, in token order (what `head` answers, read the other
    /// way: a walk down the tree need not test every token of a long sentence).
    pub fn dependents(&self, i: usize) -> &[usize] {
        let Some((tree, first, s)) = self.tree_of(i) else { return &[] };
        let dependents = self.dependents[s].get_or_init(|| {
            let mut out = vec![Vec::new(); tree.heads.len()];
            for (k, head) in tree.heads.iter().enumerate() {
                if let Some(h) = head.filter(|h| (first..first + out.len()).contains(h)) {
                    out[h - first].push(first + k);
                }
            }
            out
        });
        &dependents[i - first]
    }

    /// The joint tag of token `i` ("PROPN NNP"; "" for a token outside every sentence). Tags
    /// only: the sentence is not parsed.
    pub fn tag(&self, i: usize) -> &str {
        self.sentence(i).map_or("", |s| self.tagged(s).tags[i - self.segmented.sentences[s].tokens.start])
    }

    /// The universal tag of token `i` ("" for a token outside every sentence).
    pub fn upos(&self, i: usize) -> &str {
        tagger::upos(self.tag(i))
    }

    /// The universal tags the tagger's training data gave `word` ("NOUN|PROPN" for "court"; ""
    /// for a rare word).
    pub fn word_class(&self, word: &str) -> std::sync::Arc<str> {
        self.models.tagger.classes().get(&word.to_lowercase())
    }

    /// The relation of token `i` to its head ("" for a token outside every sentence).
    pub fn label(&self, i: usize) -> &str {
        self.tree_of(i).map_or("", |(tree, first, _)| tree.labels[i - first])
    }
}

impl Models {
    /// The models compiled into the binary (data/models), loaded once per process.
    pub fn embedded() -> &'static Models {
        static MODELS: std::sync::LazyLock<Models> = std::sync::LazyLock::new(|| {
            Models::from_bytes(
                include_bytes!("../../data/models/tagger.hsm"),
                include_str!("../../data/models/tagger-words.tsv"),
                include_bytes!("../../data/models/parser.hsm"),
            )
            .expect("the built-in models match this build (retrain with `hearsay train` after changing features)")
        });
        &MODELS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Source;
    use crate::layout::analyze as layout;
    use crate::segment::segment;

    #[test]
    fn sentences_parsed_on_demand_match_the_whole_article_parse() {
        let text = "Ms Okafor said the bridge would reopen. It closed in March.\n\nHe added: \"We are ready.\"";
        let article = layout(Source::from_text("t", text));
        let seg = segment(&article);
        let whole = analyze(&seg, Models::embedded());
        let lazy = Parses::new(&seg, Models::embedded());
        for i in (0..seg.tokens.len()).rev() {
            assert_eq!((lazy.head(i), lazy.label(i)), (whole.heads[i], whole.labels[i]), "token {i}");
        }
    }

    #[test]
    fn the_built_in_models_find_speaker_and_complement() {
        let article = layout(Source::from_text("t", "Ms Okafor said the new bridge would reopen in May."));
        let seg = segment(&article);
        let syntax = analyze(&seg, Models::embedded());
        let find = |w: &str| (0..seg.tokens.len()).find(|&i| seg.word(i) == w).expect("token");
        let (said, okafor, reopen) = (find("said"), find("Okafor"), find("reopen"));
        assert_eq!(syntax.heads[said], None);
        assert_eq!((syntax.heads[okafor], syntax.labels[okafor]), (Some(said), "nsubj"));
        assert_eq!((syntax.heads[reopen], syntax.labels[reopen]), (Some(said), "ccomp"));
        assert_eq!(syntax.upos(okafor), "PROPN");
    }
}
