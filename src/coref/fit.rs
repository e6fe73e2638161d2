//! A log-linear ranker fitted to convergence: the weights that minimize the negative
//! log-likelihood of the right options plus an L2 penalty, found by L-BFGS
//! ([`crate::syntax::lbfgs`]).
//!
//! Each decision is a choice among options (each a list of feature indices); the model gives
//! option `i` the probability `exp(s_i) / sum_j exp(s_j)` with `s_i` the sum of its features'
//! weights, and a decision's loss is `-log` of the probability of its right options together.
//! The objective is strictly convex, so it has one minimum, which no seed or order of the data
//! decides: a small change in the training decisions moves the weights a little, not to another
//! of the many solutions an online learner may stop at.

use crate::syntax::lbfgs::{self, dot};

/// One decision: the feature indices of each option, and which options are right.
#[derive(Debug, Clone)]
pub struct Decision {
    /// Each option's features (indices into the weights; repeated indices count twice).
    pub options: Vec<Vec<u32>>,
    /// Whether each option is right; at least one is.
    pub right: Vec<bool>,
}

/// The weights (one per feature index below `dim`) that minimize the loss of `decisions` plus
/// `l2 / 2` times their squared norm ([`lbfgs::minimize`], at most `iterations` steps). Also
/// returns the iterations taken.
pub fn fit(decisions: &[Decision], dim: usize, l2: f64, iterations: usize) -> (Vec<f64>, usize) {
    lbfgs::minimize(dim, iterations, |w, g| objective(decisions, w, l2, g))
}

/// The loss of `decisions` under weights `w` plus the L2 penalty; writes its gradient to `grad`.
fn objective(decisions: &[Decision], w: &[f64], l2: f64, grad: &mut [f64]) -> f64 {
    for (gi, &wi) in grad.iter_mut().zip(w) {
        *gi = l2 * wi;
    }
    let mut loss = 0.5 * l2 * dot(w, w);
    let mut scores = Vec::new();
    for d in decisions {
        scores.clear();
        scores.extend(d.options.iter().map(|o| o.iter().map(|&k| w[k as usize]).sum::<f64>()));
        let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let all: f64 = scores.iter().map(|s| (s - top).exp()).sum();
        let right: f64 = scores.iter().zip(&d.right).filter(|&(_, &r)| r).map(|(s, _)| (s - top).exp()).sum();
        loss += all.ln() - right.ln();
        for ((o, s), &r) in d.options.iter().zip(&scores).zip(&d.right) {
            let e = (s - top).exp();
            let coefficient = e / all - if r { e / right } else { 0.0 };
            for &k in o {
                grad[k as usize] += coefficient;
            }
        }
    }
    loss
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::lbfgs::norm;

    /// Feature 0 marks the right option, feature 1 a distractor present everywhere.
    fn decisions() -> Vec<Decision> {
        (0..20).map(|i| Decision { options: vec![vec![1], vec![0, 1], vec![1, 1]], right: vec![false, true, i % 5 == 0] }).collect()
    }

    #[test]
    fn the_fit_prefers_the_feature_of_the_right_options_and_converges() {
        let (w, _) = fit(&decisions(), 2, 0.1, 200);
        assert!(w[0] > 1.0, "{w:?}");
        let mut g = vec![0.0; 2];
        objective(&decisions(), &w, 0.1, &mut g);
        assert!(norm(&g) < 1e-3, "{g:?}");
    }

    #[test]
    fn the_gradient_is_the_objectives_slope() {
        let (w, h) = (vec![0.3, -0.2], 1e-6);
        let mut g = vec![0.0; 2];
        objective(&decisions(), &w, 0.5, &mut g);
        for k in 0..2 {
            let (mut up, mut down) = (w.clone(), w.clone());
            up[k] += h;
            down[k] -= h;
            let numeric =
                (objective(&decisions(), &up, 0.5, &mut [0.0; 2]) - objective(&decisions(), &down, 0.5, &mut [0.0; 2])) / (2.0 * h);
            assert!((numeric - g[k]).abs() < 1e-5, "{k}: {numeric} against {}", g[k]);
        }
    }

    #[test]
    fn the_order_of_the_decisions_does_not_move_the_minimum() {
        let mut shuffled = decisions();
        shuffled.reverse();
        let ((a, _), (b, _)) = (fit(&decisions(), 2, 0.1, 300), fit(&shuffled, 2, 0.1, 300));
        assert!(a.iter().zip(&b).all(|(x, y)| (x - y).abs() < 1e-4), "{a:?} {b:?}");
    }
}
