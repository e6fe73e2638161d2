//! The entity tagger's weights fitted to an optimum: a log-linear (maximum-entropy) model of
//! each token's class given its features and the classes allowed after the previous ones, with
//! an L2 penalty, found by L-BFGS ([`crate::syntax::lbfgs`]). Like the coreference ranker's fit,
//! it has one optimum: no seed, no pass to pick, and a small change in the training data (a rule
//! whose hints the tagger reads) moves the weights a little.

use crate::syntax::lbfgs;
use crate::syntax::perceptron::Model;
use rayon::prelude::*;
use std::collections::HashMap;

/// One training token: its features, its gold class and the classes allowed there.
#[derive(Debug, Clone)]
pub struct Token {
    /// The feature keys.
    pub features: Vec<u64>,
    /// The gold class.
    pub gold: u8,
    /// Bit `c` set when class `c` may follow the classes before (the gold ones).
    pub allowed: u16,
}

/// How the fit is done (`hearsay train ner`'s settings).
#[derive(Debug, Clone, Copy)]
pub struct Fit {
    /// The L2 penalty.
    pub l2: f64,
    /// The most L-BFGS iterations.
    pub iterations: usize,
    /// Features seen in fewer training tokens are left out.
    pub min_count: u32,
    /// Weights of smaller magnitude are dropped from the file.
    pub prune: f64,
}

impl Default for Fit {
    fn default() -> Self {
        Fit { l2: 3.0, iterations: 300, min_count: 1, prune: 0.01 }
    }
}

/// A token's feature indices, gold class and allowed classes.
type Indexed = (Vec<u32>, u8, u16);

/// Chunks of tokens whose gradients are summed in order, so that the sum is the same whatever
/// the number of threads.
const CHUNKS: usize = 4;

/// The fitted model over `classes` classes, with `kind`, `features` (the templates' hash) and
/// `notes` in its header; also the iterations taken and the features kept.
pub fn fit(tokens: &[Token], classes: &[String], header: (&str, u64, &str), settings: Fit) -> (Model, usize, usize) {
    let (keys, indexed) = index(tokens, settings.min_count);
    let n = classes.len();
    let mut buffers = vec![vec![0.0; keys.len() * n]; CHUNKS];
    let (w, taken) = lbfgs::minimize(keys.len() * n, settings.iterations, |w, g| objective(&indexed, n, w, settings.l2, g, &mut buffers));
    let rows = keys.iter().enumerate().filter_map(|(f, &key)| {
        let row: Vec<(u16, f64)> = (0..n).map(|c| (c as u16, w[f * n + c])).filter(|&(_, x)| x.abs() >= settings.prune).collect();
        (!row.is_empty()).then_some((key, row))
    });
    let (kind, hash, notes) = header;
    let model = Model::quantized(kind, notes, classes.to_vec(), hash, rows);
    (model, taken, keys.len())
}

/// The keys seen in at least `min_count` tokens, sorted, and each token's features as indices
/// among them (the others left out).
fn index(tokens: &[Token], min_count: u32) -> (Vec<u64>, Vec<Indexed>) {
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for t in tokens {
        for &k in &t.features {
            *counts.entry(k).or_default() += 1;
        }
    }
    let mut keys: Vec<u64> = counts.into_iter().filter(|&(_, c)| c >= min_count).map(|(k, _)| k).collect();
    keys.sort_unstable();
    let at: HashMap<u64, u32> = keys.iter().enumerate().map(|(i, &k)| (k, i as u32)).collect();
    let indexed = tokens.iter().map(|t| (t.features.iter().filter_map(|k| at.get(k).copied()).collect(), t.gold, t.allowed)).collect();
    (keys, indexed)
}

/// The negative log-likelihood of the gold classes (each normalized over the allowed classes)
/// plus the L2 penalty, with its gradient in `grad`; weight `f * n + c` is feature `f`'s for
/// class `c`. Each of the [`CHUNKS`] parts of the tokens writes its gradient to one of
/// `buffers`.
fn objective(tokens: &[Indexed], n: usize, w: &[f64], l2: f64, grad: &mut [f64], buffers: &mut [Vec<f64>]) -> f64 {
    let size = tokens.len().div_ceil(CHUNKS).max(1);
    let parts: Vec<f64> = tokens.par_chunks(size).zip(buffers.par_iter_mut()).map(|(chunk, g)| chunk_loss(chunk, n, w, g)).collect();
    for (gi, &wi) in grad.iter_mut().zip(w) {
        *gi = l2 * wi;
    }
    let mut loss = 0.5 * l2 * lbfgs::dot(w, w);
    for (part, g) in parts.iter().zip(buffers.iter()) {
        loss += part;
        for (gi, x) in grad.iter_mut().zip(g) {
            *gi += x;
        }
    }
    loss
}

/// The loss of one chunk of tokens; its gradient written to `grad`.
fn chunk_loss(tokens: &[Indexed], n: usize, w: &[f64], grad: &mut [f64]) -> f64 {
    grad.fill(0.0);
    let mut loss = 0.0;
    let mut scores = vec![0.0; n];
    for (features, gold, allowed) in tokens {
        scores.fill(0.0);
        for &f in features {
            let row = &w[f as usize * n..f as usize * n + n];
            for (s, x) in scores.iter_mut().zip(row) {
                *s += x;
            }
        }
        let open = |c: usize| allowed & (1 << c) != 0;
        let top = (0..n).filter(|&c| open(c)).map(|c| scores[c]).fold(f64::NEG_INFINITY, f64::max);
        let z: f64 = (0..n).filter(|&c| open(c)).map(|c| (scores[c] - top).exp()).sum();
        loss += top + z.ln() - scores[*gold as usize];
        for (c, s) in scores.iter_mut().enumerate() {
            let p = if open(c) { (*s - top).exp() / z } else { 0.0 };
            *s = p - f64::from(u8::from(c == *gold as usize));
        }
        for &f in features {
            let row = &mut grad[f as usize * n..f as usize * n + n];
            for (g, d) in row.iter_mut().zip(&scores) {
                *g += d;
            }
        }
    }
    loss
}
