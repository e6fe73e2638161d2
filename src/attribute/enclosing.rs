//! The smallest enclosing span, for many queries at once: which claim's content holds another
//! claim's cue and content (`nest`). Scanning every claim for every claim is quadratic, which a
//! long article with thousands of claims (or a hostile one) turns into minutes; this sweep is
//! n log n. It does not decide what nesting means: `nest` does.

use crate::text::Span;

/// For each query `(k, target)`: the index `j != k` of the span in `spans` that contains
/// `target`, the shortest one, the lowest index among equally short ones (what
/// `(0..n).filter(|&j| j != k && spans[j].contains(target)).min_by_key(|&j| spans[j].len())`
/// gives). Spans are swept in order of start while a Fenwick tree over their ends keeps the two
/// best candidates (two, so that the query's own span can be passed over).
pub(super) fn smallest_enclosing(spans: &[Span], queries: &[(usize, Span)]) -> Vec<Option<usize>> {
    let mut ends: Vec<usize> = spans.iter().map(|s| s.end).collect();
    ends.sort_unstable();
    ends.dedup();
    // Position of an end in the tree: larger ends first, so that "ends at or after x" is a prefix.
    let position = |end: usize| ends.len() - ends.partition_point(|&e| e < end);
    let mut by_start: Vec<usize> = (0..spans.len()).collect();
    by_start.sort_by_key(|&j| spans[j].start);
    let mut order: Vec<usize> = (0..queries.len()).collect();
    order.sort_by_key(|&q| queries[q].1.start);
    let mut tree = vec![Best::default(); ends.len() + 1];
    let mut next = 0;
    let mut out = vec![None; queries.len()];
    for q in order {
        let (own, target) = queries[q];
        while next < by_start.len() && spans[by_start[next]].start <= target.start {
            let j = by_start[next];
            // A Fenwick tree over positions 1..=len: the span's position and the nodes above it.
            let mut at = position(spans[j].end);
            while at < tree.len() {
                tree[at].add((spans[j].len(), j));
                at += at & at.wrapping_neg();
            }
            next += 1;
        }
        let mut best = Best::default();
        let mut at = position(target.end);
        while at > 0 {
            best.merge(tree[at]);
            at -= at & at.wrapping_neg();
        }
        out[q] = best.0.into_iter().flatten().find(|&(_, j)| j != own).map(|(_, j)| j);
    }
    out
}

/// The two least `(length, index)` pairs seen, least first, with distinct indices.
#[derive(Clone, Copy, Default)]
struct Best([Option<(usize, usize)>; 2]);

impl Best {
    fn add(&mut self, candidate: (usize, usize)) {
        match self.0 {
            [Some(a), _] if a.1 == candidate.1 => {}
            [_, Some(b)] if b.1 == candidate.1 => {}
            [None, _] => self.0[0] = Some(candidate),
            [Some(a), _] if candidate < a => self.0 = [Some(candidate), Some(a)],
            [Some(_), None] => self.0[1] = Some(candidate),
            [Some(_), Some(b)] if candidate < b => self.0[1] = Some(candidate),
            _ => {}
        }
    }

    fn merge(&mut self, other: Best) {
        for candidate in other.0.into_iter().flatten() {
            self.add(candidate);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(spans: &[Span], queries: &[(usize, Span)]) -> Vec<Option<usize>> {
        queries.iter().map(|&(k, t)| (0..spans.len()).filter(|&j| j != k && spans[j].contains(t)).min_by_key(|&j| spans[j].len())).collect()
    }

    #[test]
    fn agrees_with_the_scan_it_replaces() {
        // A small deterministic generator: overlapping, nested, equal and empty spans.
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) % n) as usize
        };
        for round in 0..300 {
            let n = 1 + round % 25;
            let spans: Vec<Span> = (0..n)
                .map(|_| {
                    let start = next(30);
                    Span::new(start, start + next(15))
                })
                .collect();
            let queries: Vec<(usize, Span)> = (0..n)
                .map(|k| {
                    let s = spans[k];
                    let at = next(40);
                    let cue = Span::new(at, at + next(3));
                    (k, if next(3) == 0 { s } else { s.cover(cue) })
                })
                .collect();
            assert_eq!(smallest_enclosing(&spans, &queries), brute(&spans, &queries), "{spans:?} {queries:?}");
        }
    }

    #[test]
    fn passes_over_the_query_own_span() {
        let spans = [Span::new(0, 10), Span::new(0, 10), Span::new(2, 5)];
        assert_eq!(smallest_enclosing(&spans, &[(0, Span::new(0, 10)), (2, Span::new(2, 5))]), vec![Some(1), Some(0)]);
    }
}
