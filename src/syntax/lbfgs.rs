//! Limited-memory BFGS (Nocedal 1980): minimizes a smooth function of many weights from its
//! value and gradient alone, with a backtracking line search. Deterministic: the same function
//! gives the same steps. The learned models that are fitted to an optimum (the entity tagger and
//! the coreference ranker) use it.

/// Corrections kept.
const MEMORY: usize = 10;

/// The weights (`dim` of them, from zero) that minimize `objective`, which returns the value at
/// its first argument and writes the gradient to its second; at most `iterations` steps,
/// stopping when the gradient is below `1e-5` of its first size. Also returns the steps taken.
pub fn minimize(dim: usize, iterations: usize, mut objective: impl FnMut(&[f64], &mut [f64]) -> f64) -> (Vec<f64>, usize) {
    let mut w = vec![0.0; dim];
    let mut g = vec![0.0; dim];
    let mut f = objective(&w, &mut g);
    let first = norm(&g).max(f64::MIN_POSITIVE);
    let mut history: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::new();
    let (mut next, mut next_g) = (vec![0.0; dim], vec![0.0; dim]);
    for taken in 0..iterations {
        if norm(&g) <= 1e-5 * first {
            return (w, taken);
        }
        let direction = two_loop(&g, &history);
        let mut step = if history.is_empty() { 1.0 / norm(&g) } else { 1.0 };
        let slope = dot(&g, &direction);
        let next_f = loop {
            for ((n, &x), &d) in next.iter_mut().zip(&w).zip(&direction) {
                *n = x + step * d;
            }
            let value = objective(&next, &mut next_g);
            if value <= f + 1e-4 * step * slope || step < 1e-12 {
                break value;
            }
            step *= 0.5;
        };
        // The oldest correction's buffers hold the newest (memory stays flat for large models).
        let (mut s, mut y) = if history.len() == MEMORY {
            let (s, y, _) = history.remove(0);
            (s, y)
        } else {
            (vec![0.0; dim], vec![0.0; dim])
        };
        for (((si, yi), (a, b)), (c, d)) in s.iter_mut().zip(y.iter_mut()).zip(next.iter().zip(&w)).zip(next_g.iter().zip(&g)) {
            *si = a - b;
            *yi = c - d;
        }
        let sy = dot(&s, &y);
        if sy > 1e-12 {
            history.push((s, y, 1.0 / sy));
        }
        std::mem::swap(&mut w, &mut next);
        std::mem::swap(&mut g, &mut next_g);
        f = next_f;
    }
    (w, iterations)
}

/// The search direction: minus the inverse Hessian, as the stored corrections `(s, y, 1 / s.y)`
/// estimate it, times the gradient `g`.
fn two_loop(g: &[f64], history: &[(Vec<f64>, Vec<f64>, f64)]) -> Vec<f64> {
    let mut q: Vec<f64> = g.to_vec();
    let mut alphas = Vec::with_capacity(history.len());
    for (s, y, rho) in history.iter().rev() {
        let alpha = rho * dot(s, &q);
        for (qi, yi) in q.iter_mut().zip(y) {
            *qi -= alpha * yi;
        }
        alphas.push(alpha);
    }
    if let Some((s, y, _)) = history.last() {
        let gamma = dot(s, y) / dot(y, y);
        q.iter_mut().for_each(|qi| *qi *= gamma);
    }
    for ((s, y, rho), alpha) in history.iter().zip(alphas.iter().rev()) {
        let beta = rho * dot(y, &q);
        for (qi, si) in q.iter_mut().zip(s) {
            *qi += (alpha - beta) * si;
        }
    }
    q.iter_mut().for_each(|qi| *qi = -*qi);
    q
}

/// The dot product.
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The Euclidean norm.
pub fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_minimum_of_a_badly_scaled_quadratic() {
        // f(w) = (w0 - 3)^2 + 100 (w1 + 1)^2
        let (w, taken) = minimize(2, 100, |w, g| {
            g[0] = 2.0 * (w[0] - 3.0);
            g[1] = 200.0 * (w[1] + 1.0);
            (w[0] - 3.0).powi(2) + 100.0 * (w[1] + 1.0).powi(2)
        });
        assert!((w[0] - 3.0).abs() < 1e-4 && (w[1] + 1.0).abs() < 1e-4, "{w:?} after {taken}");
        assert!(taken < 100);
    }
}
