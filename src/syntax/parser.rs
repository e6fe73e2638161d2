//! A greedy labeled dependency parser: the arc-hybrid transition system (Kuhlmann et al. 2011)
//! with an averaged perceptron, trained with a dynamic oracle (Goldberg and Nivre 2013).
//!
//! The words lie in a buffer followed by the root; `Shift` moves the next word onto the stack,
//! `Left` makes the next word the head of the stack's top, `Right` makes the word below the top
//! its head. A class is a move with its relation ("L nsubj"). The root takes exactly one word.
//! [`features`] is the one list of what the model looks at: words, tags and relations around the
//! stack's top three and the buffer's first three, their outermost children, valency and distance.
//! Trees come out projective; the parser does not know what the relations mean (attribution does).

use super::perceptron::{Features, Model, ModelError, feature_set_hash};
use super::tagger::Lex;

/// The kind written in the weights file.
pub const KIND: &str = "parser";

/// The feature templates, hashed into the weights file. Change it whenever [`features`] changes.
const TEMPLATES: &str = "parser v2: honnibal-500 unigrams pairs bigrams trigrams valency distance + child labels + word classes";

/// The feature-set hash of this build.
pub fn feature_hash() -> u64 {
    feature_set_hash(TEMPLATES)
}

/// A transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push the buffer's first word.
    Shift,
    /// The buffer's first word becomes the head of the stack's top, which is popped.
    Left,
    /// The word below the stack's top becomes its head; the top is popped.
    Right,
}

/// The move and relation of class `class` among `labels` relations.
pub fn decode(class: usize, labels: usize) -> (Move, usize) {
    match class {
        0 => (Move::Shift, 0),
        c if c <= labels => (Move::Left, c - 1),
        c => (Move::Right, c - 1 - labels),
    }
}

/// The class of a move with relation `label`.
pub fn encode(mv: Move, label: usize, labels: usize) -> usize {
    match mv {
        Move::Shift => 0,
        Move::Left => 1 + label,
        Move::Right => 1 + labels + label,
    }
}

/// A parser configuration over `n` words; index `n` is the root.
#[derive(Debug, Clone)]
pub struct State {
    n: usize,
    /// The stack, top last.
    pub stack: Vec<usize>,
    /// The buffer's first word (`n` when only the root is left).
    pub next: usize,
    /// Each word's head so far (`usize::MAX` while it has none; `n` for the root).
    pub heads: Vec<usize>,
    /// Each word's relation so far.
    pub labels: Vec<usize>,
    lefts: Vec<Vec<usize>>,
    rights: Vec<Vec<usize>>,
}

const NO_HEAD: usize = usize::MAX;

impl State {
    /// The start configuration for `n` words.
    pub fn new(n: usize) -> Self {
        State {
            n,
            stack: Vec::new(),
            next: 0,
            heads: vec![NO_HEAD; n],
            labels: vec![0; n],
            lefts: vec![Vec::new(); n + 1],
            rights: vec![Vec::new(); n + 1],
        }
    }

    /// Whether parsing is over.
    pub fn is_final(&self) -> bool {
        self.stack.is_empty() && self.next == self.n
    }

    /// Whether `mv` may be taken now.
    pub fn is_valid(&self, mv: Move) -> bool {
        match mv {
            Move::Shift => self.next < self.n,
            Move::Left => !self.stack.is_empty() && (self.next < self.n || self.stack.len() == 1),
            Move::Right => self.stack.len() >= 2,
        }
    }

    /// Takes `mv` with relation `label`.
    pub fn apply(&mut self, mv: Move, label: usize) {
        match mv {
            Move::Shift => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Move::Left => {
                let dependent = self.stack.pop().expect("valid move");
                self.attach(self.next, dependent, label);
            }
            Move::Right => {
                let dependent = self.stack.pop().expect("valid move");
                let head = *self.stack.last().expect("valid move");
                self.attach(head, dependent, label);
            }
        }
    }

    fn attach(&mut self, head: usize, dependent: usize, label: usize) {
        self.heads[dependent] = head;
        self.labels[dependent] = label;
        let side = if dependent < head { &mut self.lefts[head] } else { &mut self.rights[head] };
        let at = side.partition_point(|&d| d < dependent);
        side.insert(at, dependent);
    }

    /// The number of gold arcs each unlabeled move would make unreachable: [shift, left, right].
    /// `gold` holds each word's gold head (`n` for the root).
    pub fn costs(&self, gold: &[usize]) -> [u32; 3] {
        let n = self.n;
        let b = self.next;
        let mut shift = 0;
        if b < n {
            let top = self.stack.last().copied();
            shift += self.stack.iter().filter(|&&d| gold[d] == b).count() as u32;
            shift += u32::from(self.stack.iter().any(|&h| Some(h) != top && gold[b] == h));
        }
        let (mut left, mut right) = (0, 0);
        if let Some(&s0) = self.stack.last() {
            let below = self.stack.len().checked_sub(2).map(|i| self.stack[i]);
            let in_buffer = (b..n).filter(|&d| gold[d] == s0).count() as u32;
            let head = gold[s0];
            left = in_buffer + u32::from(head != b && (Some(head) == below || head > b));
            right = in_buffer + u32::from(head >= b);
        }
        [shift, left, right]
    }

    fn children(&self, word: usize) -> (&[usize], &[usize]) {
        (&self.lefts[word], &self.rights[word])
    }
}

/// What the features see of the sentence.
#[derive(Debug)]
pub struct Context<'a> {
    /// The words.
    pub words: &'a [Lex],
    /// Their joint tags.
    pub tags: &'a [&'a str],
    /// Relation names, indexed as in the model.
    pub labels: &'a [String],
}

/// What the features write for a position with no word.
const NONE: &str = "-";

/// Which of a configuration's features to write: those that depend only on the buffer's first
/// three words (the same until the next `Shift`), the others, or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Every feature, in the order training used.
    All,
    /// The features of n0, n1 and n2 alone (not their children), and the bias.
    Buffer,
    /// Every other feature.
    Rest,
}

/// Adds the features of one [`Part`], each template marked as a buffer feature or not.
struct Writer<'o> {
    out: &'o mut Features,
    part: Part,
}

impl Writer<'_> {
    fn add(&mut self, buffer: bool, template: &str, parts: &[&str]) {
        if self.part == Part::All || (self.part == Part::Buffer) == buffer {
            self.out.add(template, parts);
        }
    }
}

/// The features of the configuration `s`.
pub fn features(cx: &Context<'_>, s: &State, out: &mut Features) {
    out.clear();
    features_of(cx, s, Part::All, out);
}

/// Adds the features of configuration `s` that belong to `part` (the one list of templates).
pub fn features_of(cx: &Context<'_>, s: &State, part: Part, out: &mut Features) {
    let n = cx.words.len();
    let word = |i: Option<usize>| i.map_or(NONE, |i| if i == n { "<root>" } else { cx.words[i].lower.as_str() });
    let tag = |i: Option<usize>| i.map_or(NONE, |i| if i == n { "ROOT" } else { cx.tags[i] });
    let label = |i: Option<usize>| i.map_or(NONE, |i| if i < n && s.heads[i] != NO_HEAD { cx.labels[s.labels[i]].as_str() } else { NONE });
    let Positions { s0, s1, s2, n0, n1, n2, s0b1, s0b2, s0f1, s0f2, n0b1, n0b2, dist, vs0b, vs0f, vn0b } = Positions::of(s, n);
    let out = &mut Writer { out, part };
    out.add(true, "bias", &[]);
    for (name, i, buffer) in [
        ("n0", n0, true),
        ("n1", n1, true),
        ("n2", n2, true),
        ("s0", s0, false),
        ("s1", s1, false),
        ("s2", s2, false),
        ("n0b1", n0b1, false),
        ("n0b2", n0b2, false),
        ("s0b1", s0b1, false),
        ("s0b2", s0b2, false),
        ("s0f1", s0f1, false),
        ("s0f2", s0f2, false),
    ] {
        out.add(buffer, "w", &[name, word(i)]);
        out.add(buffer, "t", &[name, tag(i)]);
    }
    for (name, i, buffer) in [("n0", n0, true), ("n1", n1, true), ("n2", n2, true), ("s0", s0, false), ("s1", s1, false)] {
        out.add(buffer, "wt", &[name, word(i), tag(i)]);
    }
    let (ws0, ts0, wn0, tn0) = (word(s0), tag(s0), word(n0), tag(n0));
    out.add(false, "s0w n0w", &[ws0, wn0]);
    out.add(false, "n0wt s0w", &[wn0, tn0, ws0]);
    out.add(false, "n0wt s0t", &[wn0, tn0, ts0]);
    out.add(false, "s0wt n0w", &[ws0, ts0, wn0]);
    out.add(false, "s0wt n0t", &[ws0, ts0, tn0]);
    out.add(false, "s0wt n0wt", &[ws0, ts0, wn0, tn0]);
    out.add(false, "s0t n0t", &[ts0, tn0]);
    out.add(true, "n0t n1t", &[tn0, tag(n1)]);
    for (k, (a, b, c)) in [
        (n0, n1, n2),
        (s0, n0, n1),
        (s0, s1, n0),
        (s0, s0f1, n0),
        (s0, n0, n0b1),
        (s0, s0b1, s0b2),
        (s0, s0f1, s0f2),
        (n0, n0b1, n0b2),
        (s0, s1, s2),
        (s1, s0, s0b1),
        (s1, s0, s0f1),
    ]
    .into_iter()
    .enumerate()
    {
        out.add(k == 0, "ttt", &[DIGITS[k], tag(a), tag(b), tag(c)]);
    }
    for (name, a, b) in [("s0w vs0f", ws0, vs0f), ("s0w vs0b", ws0, vs0b), ("n0w vn0b", wn0, vn0b)] {
        out.add(false, name, &[a, b]);
    }
    for (name, a, b) in [("s0t vs0f", ts0, vs0f), ("s0t vs0b", ts0, vs0b), ("n0t vn0b", tn0, vn0b)] {
        out.add(false, name, &[a, b]);
    }
    out.add(false, "s0w d", &[ws0, dist]);
    out.add(false, "n0w d", &[wn0, dist]);
    out.add(false, "s0t d", &[ts0, dist]);
    out.add(false, "n0t d", &[tn0, dist]);
    out.add(false, "s0t n0t d", &[ts0, tn0, dist]);
    out.add(false, "s0w n0w d", &[ws0, wn0, dist]);
    // Relations already given to the children around the decision.
    out.add(false, "l s0b1", &[label(s0b1)]);
    out.add(false, "l s0f1", &[label(s0f1)]);
    out.add(false, "l n0b1", &[label(n0b1)]);
    out.add(false, "l s0", &[label(s0)]);
    out.add(false, "s0t l s0b1 l s0f1", &[ts0, label(s0b1), label(s0f1)]);
    out.add(false, "n0t l n0b1", &[tn0, label(n0b1)]);
    out.add(false, "s0t l s0b1 l s0b2", &[ts0, label(s0b1), label(s0b2)]);
    out.add(false, "s0t l s0f1 l s0f2", &[ts0, label(s0f1), label(s0f2)]);
    class_features(cx, [n0, n1, s0, s1], (ts0, tn0), out);
}

/// The tags the training data gave the words n0, n1, s0 and s1 (the tagger's word classes), alone
/// and with the tags `(ts0, tn0)` of s0 and n0.
fn class_features(cx: &Context<'_>, [n0, n1, s0, s1]: [Option<usize>; 4], (ts0, tn0): (&str, &str), out: &mut Writer<'_>) {
    let n = cx.words.len();
    let class = |i: Option<usize>| i.map_or(NONE, |i| if i == n { "<root>" } else { &*cx.words[i].class });
    for (name, i, buffer) in [("n0", n0, true), ("n1", n1, true), ("s0", s0, false), ("s1", s1, false)] {
        out.add(buffer, "c", &[name, class(i)]);
    }
    out.add(false, "s0c n0c", &[class(s0), class(n0)]);
    out.add(false, "s0c n0t", &[class(s0), tn0]);
    out.add(false, "s0t n0c", &[ts0, class(n0)]);
}

/// The words the parser's features look at in a configuration: the top three of the stack, the
/// next three of the buffer and the outermost children of s0 and n0, each `None` where there is
/// none; the distance from s0 to n0 (capped at 5), and the valencies of s0 and n0 (capped at 4).
struct Positions {
    s0: Option<usize>,
    s1: Option<usize>,
    s2: Option<usize>,
    n0: Option<usize>,
    n1: Option<usize>,
    n2: Option<usize>,
    s0b1: Option<usize>,
    s0b2: Option<usize>,
    s0f1: Option<usize>,
    s0f2: Option<usize>,
    n0b1: Option<usize>,
    n0b2: Option<usize>,
    dist: &'static str,
    vs0b: &'static str,
    vs0f: &'static str,
    vn0b: &'static str,
}

impl Positions {
    /// The positions of configuration `s` over a sentence of `n` words.
    fn of(s: &State, n: usize) -> Self {
        let depth = s.stack.len();
        let s0 = s.stack.last().copied();
        let s1 = depth.checked_sub(2).map(|i| s.stack[i]);
        let s2 = depth.checked_sub(3).map(|i| s.stack[i]);
        let n0 = Some(s.next);
        let n1 = (s.next < n).then_some(s.next + 1).filter(|&i| i <= n);
        let n2 = (s.next + 1 < n).then_some(s.next + 2).filter(|&i| i <= n);
        let (s0l, s0r) = s0.map_or((&[][..], &[][..]), |w| s.children(w));
        let (n0l, _) = s.children(s.next);
        let (s0b1, s0b2) = (s0l.first().copied(), s0l.get(1).copied());
        let (s0f1, s0f2) = (s0r.last().copied(), s0r.len().checked_sub(2).map(|i| s0r[i]));
        let (n0b1, n0b2) = (n0l.first().copied(), n0l.get(1).copied());
        let dist = DIGITS[s0.map_or(0, |w| (s.next - w).min(5))];
        let (vs0b, vs0f, vn0b) = (DIGITS[s0l.len().min(4)], DIGITS[s0r.len().min(4)], DIGITS[n0l.len().min(4)]);
        Positions { s0, s1, s2, n0, n1, n2, s0b1, s0b2, s0f1, s0f2, n0b1, n0b2, dist, vs0b, vs0f, vn0b }
    }
}

/// Small numbers as the features write them.
const DIGITS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

/// One word's place in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arc<'m> {
    /// The head's index among the sentence's words; `None` for the root.
    pub head: Option<usize>,
    /// The relation (UD, with subtype).
    pub label: &'m str,
}

/// A trained parser.
#[derive(Debug, Clone)]
pub struct Parser {
    model: Model,
    labels: Vec<String>,
}

impl Parser {
    /// Loads a weights file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let model = Model::from_bytes(bytes, KIND, feature_hash())?;
        let labels = model.classes.iter().filter_map(|c| c.strip_prefix("L ")).map(str::to_string).collect();
        Ok(Parser { model, labels })
    }

    /// The model's notes (training data, licence, settings).
    pub fn notes(&self) -> &str {
        &self.model.notes
    }

    /// The relation names, in class order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Parses one sentence of `words` with their joint tags.
    pub fn parse(&self, words: &[Lex], tags: &[&str]) -> Vec<Arc<'_>> {
        let n = words.len();
        let cx = Context { words, tags, labels: &self.labels };
        let mut state = State::new(n);
        let mut f = Features::default();
        let classes = self.model.classes.len();
        let mut scores = vec![0.0; classes];
        let (mut buffer, mut acc) = (vec![0i32; classes], vec![0i32; classes]);
        // The weights of the buffer's features, summed again only after a `Shift`.
        let mut buffer_at = None;
        let count = self.labels.len();
        while !state.is_final() {
            if buffer_at != Some(state.next) {
                f.clear();
                features_of(&cx, &state, Part::Buffer, &mut f);
                buffer.fill(0);
                self.model.add_weights(&f, &mut buffer);
                buffer_at = Some(state.next);
            }
            f.clear();
            features_of(&cx, &state, Part::Rest, &mut f);
            acc.copy_from_slice(&buffer);
            self.model.add_weights(&f, &mut acc);
            scores.fill(0.0);
            self.model.add_scaled(&acc, &mut scores);
            let best = super::perceptron::argmax(&scores, |c| state.is_valid(decode(c, count).0)).expect("a move is always valid");
            let (mv, label) = decode(best, count);
            state.apply(mv, label);
        }
        state.heads.iter().zip(&state.labels).map(|(&h, &l)| Arc { head: (h != n).then_some(h), label: &self.labels[l] }).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_round_trip() {
        for (mv, label) in [(Move::Shift, 0), (Move::Left, 3), (Move::Right, 0), (Move::Right, 4)] {
            assert_eq!(decode(encode(mv, label, 5), 5), (mv, label));
        }
    }

    #[test]
    fn the_buffer_features_and_the_rest_are_all_the_features() {
        // Every configuration along a parse of "She said it rained": the features written in
        // two parts are those written at once, and the buffer's part depends on `next` only.
        let models = crate::syntax::Models::embedded();
        let words: Vec<Lex> = ["She", "said", "it", "rained", "."].iter().map(|w| models.tagger.lex(w)).collect();
        let tags = ["PRON PRP", "VERB VBD", "PRON PRP", "VERB VBD", "PUNCT ."];
        let labels = models.parser.labels().to_vec();
        let cx = Context { words: &words, tags: &tags, labels: &labels };
        let mut s = State::new(words.len());
        let mut buffers = std::collections::HashMap::new();
        for mv in [Move::Shift, Move::Shift, Move::Left, Move::Shift, Move::Shift, Move::Left, Move::Right, Move::Shift, Move::Right] {
            let (mut all, mut buffer, mut rest) = (Features::default(), Features::default(), Features::default());
            features(&cx, &s, &mut all);
            features_of(&cx, &s, Part::Buffer, &mut buffer);
            features_of(&cx, &s, Part::Rest, &mut rest);
            let mut parts: Vec<u64> = buffer.0.iter().chain(&rest.0).copied().collect();
            let mut whole = all.0.clone();
            parts.sort_unstable();
            whole.sort_unstable();
            assert_eq!(parts, whole);
            assert_eq!(buffers.entry(s.next).or_insert_with(|| buffer.0.clone()), &buffer.0, "buffer part at {}", s.next);
            assert!(s.is_valid(mv));
            s.apply(mv, 0);
        }
    }

    #[test]
    fn the_oracle_costs_nothing_along_the_gold_path() {
        // "she said it rained": said is the root; she <- said; rained <- said; it <- rained.
        let gold = [1, 4, 3, 1];
        let mut s = State::new(4);
        while !s.is_final() {
            let costs = s.costs(&gold);
            let mv = [Move::Shift, Move::Left, Move::Right]
                .into_iter()
                .zip(costs)
                .filter(|&(m, _)| s.is_valid(m))
                .min_by_key(|&(_, c)| c)
                .expect("valid move");
            assert_eq!(mv.1, 0, "a zero-cost move exists on a projective tree");
            s.apply(mv.0, 0);
        }
        assert_eq!(s.heads, gold);
    }
}
