//! Training the tagger and the parser from UD treebanks, and the scores that select them.
//!
//! Everything here is deterministic: sentences are shuffled by a seeded [`Rng`], maps are sorted,
//! and the same corpora, epochs and seed give byte-identical weights. The epoch kept is the one
//! that scores best on the held-out part (EWT dev and GUM's dev documents); test parts are never
//! read here. The parser learns from tags that a tagger trained on the other folds predicted
//! (jackknifing), so that it sees at training time tags as wrong as those it will get.

use super::conllu::{Sentence, Tree};
use super::parser::{self, Context, Move, Parser, State, decode};
use super::perceptron::{Features, Rng, Trainer, argmax};
use super::tagger::{self, Lex, Tagger, WordClasses};
use std::collections::BTreeSet;

/// Settings for one training run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed for the shuffles and the oracle's exploration.
    pub seed: u64,
    /// Folds for the parser's jackknifed tags.
    pub folds: usize,
    /// Weights smaller than this (averaged) are dropped from the file.
    pub prune: f64,
}

/// A trained model and how it was chosen.
#[derive(Debug, Clone)]
pub struct Trained {
    /// The weights file.
    pub bytes: Vec<u8>,
    /// One line per epoch with its held-out score, and the epoch kept.
    pub report: String,
}

/// Sentences for training and for selecting the epoch.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Training trees.
    pub train: Vec<Tree>,
    /// Held-out trees.
    pub dev: Vec<Tree>,
}

/// Where the weights' data came from and under which licence, written into each file.
pub const NOTES: &str = "Trained on UD English-EWT v2.16 train (Silveira et al. 2014, CC BY-SA 4.0) and the train \
documents of GUM's permissive genres (Zeldes 2017, CC BY 4.0 annotations; texts CC BY / CC BY-SA 3.0 / public domain); \
selected on EWT dev and GUM dev. Weights licensed CC BY-SA 4.0.";

/// The documents of GUM's dev and test splits, from its `splits.md`.
pub fn gum_held_out(splits: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut dev, mut test) = (BTreeSet::new(), BTreeSet::new());
    let mut section = "";
    for line in splits.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            section = if title.trim() == "dev" {
                "dev"
            } else if title.trim() == "test" {
                "test"
            } else {
                ""
            };
        } else if let Some(doc) = line.trim().strip_prefix("* ") {
            match section {
                "dev" => dev.insert(doc.trim().to_string()),
                "test" => test.insert(doc.trim().to_string()),
                _ => false,
            };
        }
    }
    (dev, test)
}

/// The trees of `sentences` over the corpus's own words and, where that differs, over our own
/// tokens: the models then read both UD's words ("do" "n't") and ours ("don't").
pub fn trees(sentences: &[Sentence]) -> Vec<Tree> {
    let mut out = Vec::with_capacity(sentences.len() * 2);
    for s in sentences {
        let gold = s.gold_tree();
        match s.retokenized() {
            Some(ours) if ours.forms != gold.forms => out.extend([gold, ours]),
            _ => out.push(gold),
        }
    }
    out
}

fn lexes(tree: &Tree, classes: &WordClasses) -> Vec<Lex> {
    tree.forms.iter().map(|f| Lex::new(f, classes)).collect()
}

/// A trained tagger: its weights, the word classes it reads, and how it was chosen.
#[derive(Debug, Clone)]
pub struct TrainedTagger {
    /// The weights file.
    pub bytes: Vec<u8>,
    /// The word classes counted on the training sentences (`tagger-words.tsv`).
    pub classes: WordClasses,
    /// One line per epoch with its held-out score, and the epoch kept.
    pub report: String,
}

impl TrainedTagger {
    /// The tagger itself.
    pub fn tagger(&self) -> Tagger {
        Tagger::new(&self.bytes, self.classes.clone()).expect("a model just written")
    }
}

/// Folds of the training sentences for the word classes the tagger learns from.
const CLASS_FOLDS: usize = 4;

/// Trains the tagger, keeping the epoch with the best held-out accuracy.
pub fn train_tagger(corpus: &Corpus, options: Options, progress: &mut dyn FnMut(&str)) -> TrainedTagger {
    tagger_run(&corpus.train, Some(&corpus.dev), options, progress)
}

fn tagger_run(train: &[Tree], dev: Option<&[Tree]>, options: Options, progress: &mut dyn FnMut(&str)) -> TrainedTagger {
    let words = WordClasses::count(train.iter().map(|t| (&t.forms[..], &t.tags[..])));
    // Sentence k reads the classes of the folds without it (see `WordClasses`).
    let folds: Vec<WordClasses> = (0..CLASS_FOLDS)
        .map(|f| {
            WordClasses::count(train.iter().enumerate().filter(|(k, _)| k % CLASS_FOLDS != f).map(|(_, t)| (&t.forms[..], &t.tags[..])))
        })
        .collect();
    let classes: Vec<String> = train.iter().flat_map(|t| t.tags.iter().cloned()).collect::<BTreeSet<_>>().into_iter().collect();
    let mut trainer = Trainer::new(classes.clone());
    let mut rng = Rng::new(options.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut f = Features::default();
    let mut best = Best::default();
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let tree = &train[k];
            let lexes = lexes(tree, &folds[k % CLASS_FOLDS]);
            let mut prev: Vec<&str> = Vec::with_capacity(lexes.len());
            for i in 0..lexes.len() {
                tagger::features(&lexes, i, &prev, &mut f);
                let guess = argmax(&trainer.scores(&f), |_| true).unwrap_or(0);
                let truth = classes.binary_search(&tree.tags[i]).unwrap_or(guess);
                trainer.update(truth, guess, &f);
                prev.push(&classes[guess]);
            }
        }
        let bytes = trainer.finish(tagger::KIND, tagger::feature_hash(), NOTES, options.prune);
        let Some(dev) = dev else {
            best.bytes = bytes;
            continue;
        };
        let model = Tagger::new(&bytes, words.clone()).expect("a model just written");
        let (upos, joint) = score_tags(&model, dev);
        let line = format!("tagger epoch {epoch}: held-out UPOS {:.2}, UPOS+XPOS {:.2}", upos * 100.0, joint * 100.0);
        best.epoch(&line, upos, bytes, progress);
    }
    TrainedTagger { bytes: best.bytes, classes: words, report: best.report }
}

/// The best epoch so far by its held-out score, and one report line per epoch.
#[derive(Debug)]
pub(crate) struct Best {
    pub(crate) score: f64,
    pub(crate) bytes: Vec<u8>,
    pub(crate) report: String,
}

impl Default for Best {
    fn default() -> Self {
        Best { score: -1.0, bytes: Vec::new(), report: String::new() }
    }
}

impl Best {
    /// Reports an epoch's `line` and keeps its weights if `score` beats every earlier epoch's.
    pub(crate) fn epoch(&mut self, line: &str, score: f64, bytes: Vec<u8>, progress: &mut dyn FnMut(&str)) {
        progress(line);
        self.report.push_str(line);
        self.report.push('\n');
        if score > self.score {
            self.score = score;
            self.bytes = bytes;
        }
    }
}

/// UPOS accuracy and joint-tag accuracy of `tagger` on `trees`.
pub fn score_tags(tagger: &Tagger, trees: &[Tree]) -> (f64, f64) {
    let (mut upos, mut joint, mut total) = (0usize, 0usize, 0usize);
    for tree in trees {
        let predicted = tagger.tag(&lexes(tree, tagger.classes()));
        for (p, g) in predicted.iter().zip(&tree.tags) {
            total += 1;
            upos += usize::from(tagger::upos(p) == tagger::upos(g));
            joint += usize::from(p == g);
        }
    }
    (upos as f64 / total.max(1) as f64, joint as f64 / total.max(1) as f64)
}

/// Tags for each training tree from taggers trained on the other folds.
pub fn jackknife(train: &[Tree], options: Options, progress: &mut dyn FnMut(&str)) -> Vec<Vec<String>> {
    let folds = options.folds.max(2);
    let mut tags = vec![Vec::new(); train.len()];
    for fold in 0..folds {
        let rest: Vec<Tree> = train.iter().enumerate().filter(|(i, _)| i % folds != fold).map(|(_, t)| t.clone()).collect();
        let model = tagger_run(&rest, None, options, &mut |_| {}).tagger();
        for (i, tree) in train.iter().enumerate().filter(|(i, _)| i % folds == fold) {
            tags[i] = model.tag(&lexes(tree, model.classes())).into_iter().map(str::to_string).collect();
        }
        progress(&format!("jackknife fold {}/{folds} tagged", fold + 1));
    }
    tags
}

/// Trains the parser on `train_tags` (jackknifed) and selects on held-out trees tagged by `tagger`.
pub fn train_parser(
    corpus: &Corpus,
    train_tags: &[Vec<String>],
    tagger: &Tagger,
    options: Options,
    progress: &mut dyn FnMut(&str),
) -> Trained {
    let labels: Vec<String> = corpus.train.iter().flat_map(|t| t.labels.iter().cloned()).collect::<BTreeSet<_>>().into_iter().collect();
    let mut classes = vec!["S".to_string()];
    classes.extend(labels.iter().map(|l| format!("L {l}")));
    classes.extend(labels.iter().map(|l| format!("R {l}")));
    let mut trainer = Trainer::new(classes);
    let mut rng = Rng::new(options.seed);
    let mut order: Vec<usize> = (0..corpus.train.len()).collect();
    let dev_tags: Vec<Vec<String>> =
        corpus.dev.iter().map(|t| tagger.tag(&lexes(t, tagger.classes())).into_iter().map(str::to_string).collect()).collect();
    let mut best = Best::default();
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let tags: Vec<&str> = train_tags[k].iter().map(String::as_str).collect();
            parse_and_learn(&mut trainer, &corpus.train[k], &tags, &labels, tagger.classes(), epoch > 1, &mut rng);
        }
        let bytes = trainer.finish(parser::KIND, parser::feature_hash(), NOTES, options.prune);
        let model = Parser::from_bytes(&bytes).expect("a model just written");
        let (uas, las) = score_arcs(&model, &corpus.dev, &dev_tags, tagger.classes());
        let line = format!("parser epoch {epoch}: held-out UAS {:.2}, LAS {:.2}", uas * 100.0, las * 100.0);
        best.epoch(&line, las, bytes, progress);
    }
    Trained { bytes: best.bytes, report: best.report }
}

/// One sentence of dynamic-oracle training: the model's moves are followed (after the first
/// epoch, nine times in ten), and each step is learned towards the best move that loses nothing
/// more of the gold tree.
fn parse_and_learn(
    trainer: &mut Trainer,
    tree: &Tree,
    tags: &[&str],
    labels: &[String],
    classes: &WordClasses,
    explore: bool,
    rng: &mut Rng,
) {
    let n = tree.forms.len();
    let words = lexes(tree, classes);
    let gold: Vec<usize> = tree.heads.iter().map(|&h| if h == 0 { n } else { h - 1 }).collect();
    let gold_labels: Vec<usize> = tree.labels.iter().map(|l| labels.binary_search(l).unwrap_or(0)).collect();
    let cx = Context { words: &words, tags, labels };
    let count = labels.len();
    let mut state = State::new(n);
    let mut f = Features::default();
    while !state.is_final() {
        parser::features(&cx, &state, &mut f);
        let scores = trainer.scores(&f);
        let costs = state.costs(&gold);
        let cost = |c: usize| {
            let (mv, label) = decode(c, count);
            let s0 = state.stack.last().copied().unwrap_or(usize::MAX);
            let s1 = state.stack.len().checked_sub(2).map_or(usize::MAX, |i| state.stack[i]);
            match mv {
                Move::Shift => costs[0],
                Move::Left => costs[1] + u32::from(gold[s0] == state.next && gold_labels[s0] != label),
                Move::Right => costs[2] + u32::from(gold[s0] == s1 && gold_labels[s0] != label),
            }
        };
        let valid = |c: usize| state.is_valid(decode(c, count).0);
        let least = (0..scores.len()).filter(|&c| valid(c)).map(cost).min().expect("a move is always valid");
        let guess = argmax(&scores, valid).expect("a move is always valid");
        let next = if cost(guess) == least {
            trainer.update(guess, guess, &f);
            guess
        } else {
            let truth = argmax(&scores, |c| valid(c) && cost(c) == least).expect("a least-cost move");
            trainer.update(truth, guess, &f);
            if explore && rng.next_u64() % 10 < 9 { guess } else { truth }
        };
        let (mv, label) = decode(next, count);
        state.apply(mv, label);
    }
}

/// Unlabeled and labeled attachment scores of `parser` on `trees` with `tags`; punctuation
/// counts, as in the CoNLL 2018 shared task.
pub fn score_arcs(parser: &Parser, trees: &[Tree], tags: &[Vec<String>], classes: &WordClasses) -> (f64, f64) {
    let (mut uas, mut las, mut total) = (0usize, 0usize, 0usize);
    for (tree, tags) in trees.iter().zip(tags) {
        let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
        for (i, arc) in parser.parse(&lexes(tree, classes), &tags).into_iter().enumerate() {
            total += 1;
            let head = arc.head.map_or(0, |h| h + 1);
            if head == tree.heads[i] {
                uas += 1;
                las += usize::from(arc.label == tree.labels[i]);
            }
        }
    }
    (uas as f64 / total.max(1) as f64, las as f64 / total.max(1) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::conllu::parse;

    const TOY: &str = "# text = she said it rained\n\
1\tshe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tit\tit\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n4\trained\train\tVERB\tVBD\t_\t2\tccomp\t_\t_\n\n\
# text = he wrote it\n\
1\the\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\twrote\twrite\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\t_\n\n";

    #[test]
    fn learns_a_toy_treebank_deterministically() {
        let corpus = Corpus { train: trees(&parse(TOY).expect("parses")), dev: trees(&parse(TOY).expect("parses")) };
        let options = Options { epochs: 8, seed: 1, folds: 2, prune: 0.0 };
        let tagger = train_tagger(&corpus, options, &mut |_| {});
        let model = Tagger::from_bytes(&tagger.bytes, &tagger.classes.to_tsv("")).expect("loads");
        assert_eq!(score_tags(&model, &corpus.dev), (1.0, 1.0));
        let gold_tags: Vec<Vec<String>> = corpus.train.iter().map(|t| t.tags.clone()).collect();
        let parser = train_parser(&corpus, &gold_tags, &model, options, &mut |_| {});
        let parsed = Parser::from_bytes(&parser.bytes).expect("loads");
        assert_eq!(score_arcs(&parsed, &corpus.dev, &gold_tags, &tagger.classes), (1.0, 1.0));
        assert_eq!(train_parser(&corpus, &gold_tags, &model, options, &mut |_| {}).bytes, parser.bytes);
    }

    #[test]
    fn reads_gums_splits() {
        let (dev, test) = gum_held_out("# Splits\n\n## dev\n\n  * GUM_a\n  * GUM_b\n\n## test\n\n  * GUM_c\n\n## test2\n\n  * GUM_d\n");
        assert_eq!(dev.into_iter().collect::<Vec<_>>(), ["GUM_a", "GUM_b"]);
        assert_eq!(test.into_iter().collect::<Vec<_>>(), ["GUM_c"]);
    }
}
