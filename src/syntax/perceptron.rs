//! The averaged perceptron of the tagger and the parser, and the weights file that every
//! learned stage uses (the log-linear fits write theirs with [`Model::quantized`]).
//!
//! A feature is a 64-bit hash of a template name and the strings it looks at ([`Features`]);
//! each feature holds a sparse row of weights, one per class it ever helped or hurt. Training
//! ([`Trainer`]) keeps running totals for averaging (Collins 2002, with the lazy timestamps of the
//! well-known few-hundred-line tagger); [`Trainer::finish`] averages, prunes weights too small to
//! change a decision and quantizes the rest to 16 bits. A [`Model`] only scores.
//!
//! The file is little-endian: magic `HSM1`, a format version, the model kind, the feature-set hash
//! (a hash of the templates' source, so a model trained with other features is refused), a notes
//! string (training data and licence), the class names, the scale, then the rows sorted by key.
//! Everything is deterministic: the same training data and seed give byte-identical files.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use thiserror::Error;

/// The weights file's current format version.
const FORMAT: u32 = 1;
const MAGIC: &[u8; 4] = b"HSM1";

/// Why a weights file could not be loaded.
#[derive(Debug, Error)]
pub enum ModelError {
    /// The bytes are not a hearsay model, or are cut short.
    #[error("not a hearsay model file, or truncated at byte {0}")]
    Malformed(usize),
    /// A line of the tagger's word classes is not a word, a tab and its tags.
    #[error("tagger-words.tsv line {0}: expected a word, a tab and its tags")]
    WordClasses(usize),
    /// The file is for another format version.
    #[error("model format {found} where this build reads format {FORMAT}: retrain with `hearsay train`")]
    Version {
        /// The version in the file.
        found: u32,
    },
    /// The file holds another kind of model.
    #[error("expected a {expected} model, found a {found} model")]
    Kind {
        /// The kind asked for.
        expected: String,
        /// The kind in the file.
        found: String,
    },
    /// The model was trained with other feature templates.
    #[error(
        "the {kind} model was trained with other features (hash {found:016x}, this build {expected:016x}): retrain with `hearsay train`"
    )]
    Features {
        /// The kind of model.
        kind: String,
        /// The hash in the file.
        found: u64,
        /// This build's hash.
        expected: u64,
    },
}

/// The features' 64-bit hash: eight bytes at a time, a multiply and a rotation per word, and a
/// final avalanche (MurmurHash3's `fmix64`) so that every bit of a key is usable as an index.
/// Stable across platforms and releases (little-endian words), unlike `DefaultHasher`; about six
/// times faster than FNV-1a, one byte at a time, which the models used before.
#[derive(Debug, Clone, Copy)]
pub struct KeyHash(u64);

impl KeyHash {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    /// A hasher seeded with `template`.
    pub fn new(template: &str) -> Self {
        let mut h = KeyHash(0x243f_6a88_85a3_08d3);
        h.bytes(template.as_bytes());
        h
    }

    fn mix(h: u64, word: u64) -> u64 {
        (h ^ word).wrapping_mul(Self::K).rotate_left(29)
    }

    /// Mixes `bytes` in; the last word carries the length, so that ("ab","c") differs from
    /// ("a","bc").
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        let mut chunks = bytes.chunks_exact(8);
        let mut h = self.0;
        for word in &mut chunks {
            h = Self::mix(h, u64::from_le_bytes(word.try_into().expect("eight bytes")));
        }
        // The remaining bytes as a little-endian word, without a variable-length copy (which
        // would call memmove for every feature).
        let last = chunks.remainder().iter().rev().fold(0u64, |word, &b| (word << 8) | u64::from(b));
        self.0 = Self::mix(h, last ^ ((bytes.len() as u64) << 56));
        self
    }

    /// The hash so far.
    pub fn value(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// The hash of a feature-set description (the templates' names and source, in order).
pub fn feature_set_hash(description: &str) -> u64 {
    KeyHash::new("feature-set").bytes(description.as_bytes()).value()
}

/// A list of hashed features for one decision.
#[derive(Debug, Default, Clone)]
pub struct Features(pub Vec<u64>);

impl Features {
    /// Empties the list for the next decision.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Adds the feature `template` over `parts`.
    pub fn add(&mut self, template: &str, parts: &[&str]) {
        let mut h = KeyHash::new(template);
        for p in parts {
            h.bytes(p.as_bytes());
        }
        self.0.push(h.value());
    }
}

/// Keys are already hashes: use them as they are.
#[derive(Debug, Default, Clone, Copy)]
pub struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<Identity>>;

/// A trained model: classes and quantized sparse weights.
#[derive(Debug, Clone)]
pub struct Model {
    /// What the model is ("tagger", "parser", "ner").
    pub kind: String,
    /// Training data, licence and settings, as written by the trainer.
    pub notes: String,
    /// Class names, indexed by class number.
    pub classes: Vec<String>,
    /// The hash of the feature templates it was trained with.
    pub features: u64,
    scale: f32,
    rows: RowTable,
    /// The weights of sparse rows with more than two, as (class, weight) pairs.
    entries: Vec<(u16, i16)>,
    /// Rows with weights for many classes, stored densely (one weight per class) for speed.
    dense: Vec<i16>,
}

/// Where a feature's weights lie, packed in 64 bits beside its key, so that the lookup of most
/// features (four in five of the parser's have one or two weights) reads one cache line:
/// - one or two weights inline (bit 63 clear): the low half holds the first class (bits 0..16)
///   and its weight (16..32), the high half the second weight (32..48) and its class (48..63),
///   [`Row::NO_CLASS`] when there is one weight;
/// - a dense row (bits 63 and 62 set): its offset in `dense` in the low half;
/// - a sparse row (bit 63 set, 62 clear): its start in `entries` in the low half, its length in
///   bits 32..48.
#[derive(Debug, Clone, Copy)]
struct Row(u64);

impl Row {
    const INDIRECT: u64 = 1 << 63;
    const DENSE: u64 = 1 << 62;
    const NO_CLASS: u64 = 0x7fff;

    fn inline(weights: &[(u16, i16)]) -> Row {
        let pair = |(c, w): (u16, i16)| u64::from(c) | u64::from(w as u16) << 16;
        let second = weights.get(1).map_or(Row::NO_CLASS << 16, |&(c, w)| u64::from(w as u16) | u64::from(c) << 16);
        Row(pair(weights[0]) | second << 32)
    }

    /// The inline weights as (class, weight) pairs; the second's class is `NO_CLASS` if absent.
    fn pairs(self) -> [(usize, i32); 2] {
        let p = self.0;
        let weight = |shift: u32| i32::from((p >> shift) as u16 as i16);
        [((p & 0xffff) as usize, weight(16)), ((p >> 48) as usize, weight(32))]
    }
}
/// The rows by key: open addressing with linear probing over a power-of-two array indexed by
/// the key's top bits (keys are already well-mixed hashes), so that a decision's lookups can all
/// be started (`touch`) before any is resolved. At most half full: a key then nearly always lies
/// in its home slot's cache line (a fuller table, 0.8, cost 5% more CPU on the BBC corpus for
/// 20 MB less memory).
#[derive(Debug, Clone)]
struct RowTable {
    slots: Vec<(u64, Row)>,
    shift: u32,
    len: usize,
    /// The row of key 0, which marks an empty slot.
    zero: Option<Row>,
}

impl RowTable {
    fn with_capacity(n: usize) -> Self {
        let size = (2 * n + 1).next_power_of_two().max(2);
        RowTable { slots: vec![(0, Row(0)); size], shift: 64 - size.trailing_zeros(), len: 0, zero: None }
    }

    fn home(&self, key: u64) -> usize {
        (key >> self.shift) as usize
    }

    /// The key in the slot where `key` would be found first (a read that brings the slot in).
    fn touch(&self, key: u64) -> u64 {
        self.slots[self.home(key)].0
    }

    fn get(&self, key: u64) -> Option<Row> {
        if key == 0 {
            return self.zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let (k, row) = self.slots[i];
            if k == key {
                return Some(row);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, key: u64, row: Row) {
        if key == 0 {
            self.len += usize::from(self.zero.replace(row).is_none());
            return;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            let mut bigger = RowTable::with_capacity(self.len + 1);
            bigger.zero = self.zero;
            bigger.len = usize::from(self.zero.is_some());
            for &(k, r) in self.slots.iter().filter(|(k, _)| *k != 0) {
                bigger.insert(k, r);
            }
            *self = bigger;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while self.slots[i].0 != 0 && self.slots[i].0 != key {
            i = (i + 1) & mask;
        }
        self.len += usize::from(self.slots[i].0 == 0);
        self.slots[i] = (key, row);
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every key with its row, in key order.
    fn sorted(&self) -> Vec<(u64, Row)> {
        let mut rows: Vec<(u64, Row)> =
            self.zero.map(|row| (0, row)).into_iter().chain(self.slots.iter().copied().filter(|&(k, _)| k != 0)).collect();
        rows.sort_unstable_by_key(|&(key, _)| key);
        rows
    }
}

/// The most classes a model may have: scores accumulate in a buffer of this size on the stack.
const MAX_CLASSES: usize = 1024;

impl Model {
    /// Adds each feature's weights to `scores` (one per class, zeroed by the caller).
    pub fn score(&self, features: &Features, scores: &mut [f32]) {
        // Most models have few classes: do not clear a large buffer for them.
        match self.classes.len() {
            0..=64 => self.score_with::<64>(features, scores),
            // The parser's moves (about 100).
            65..=128 => self.score_with::<128>(features, scores),
            _ => self.score_with::<MAX_CLASSES>(features, scores),
        }
    }

    fn score_with<const N: usize>(&self, features: &Features, scores: &mut [f32]) {
        let mut acc = [0i32; N];
        let acc = &mut acc[..self.classes.len()];
        self.add_weights(features, acc);
        self.add_scaled(acc, scores);
    }

    /// Adds each feature's integer weights to `acc` (one per class). Integer sums do not depend
    /// on the order of the features, so a caller may add a decision's features in parts.
    pub fn add_weights(&self, features: &Features, acc: &mut [i32]) {
        // A chunk's home slots are read first, a few instructions each, so that the processor
        // has their cache misses in flight at once (a whole lookup is too long for more than a
        // few to overlap); then the lookups, which find them in cache; then the first weight of
        // each row stored apart, for the same reason; then the sums.
        let mut rows = [None; 32];
        for keys in features.0.chunks(rows.len()) {
            std::hint::black_box(keys.iter().fold(0, |touched, &key| touched ^ self.rows.touch(key)));
            for (row, &key) in rows.iter_mut().zip(keys) {
                *row = self.rows.get(key);
            }
            std::hint::black_box(rows[..keys.len()].iter().flatten().fold(0, |t, &row| t ^ self.first_weight(row)));
            for &row in rows[..keys.len()].iter().flatten() {
                self.add_row(row, acc);
            }
        }
    }

    /// Adds the scores of the summed weights `acc` to `scores`.
    pub fn add_scaled(&self, acc: &[i32], scores: &mut [f32]) {
        for (s, &a) in scores.iter_mut().zip(acc) {
            *s += a as f32 * self.scale;
        }
    }

    /// The first weight of a row stored apart from its key (a read that brings it in).
    fn first_weight(&self, row: Row) -> i32 {
        let offset = (row.0 & 0xffff_ffff) as usize;
        if row.0 & Row::INDIRECT == 0 {
            0
        } else if row.0 & Row::DENSE != 0 {
            i32::from(self.dense[offset])
        } else {
            i32::from(self.entries[offset].1)
        }
    }

    fn add_row(&self, row: Row, acc: &mut [i32]) {
        let offset = (row.0 & 0xffff_ffff) as usize;
        if row.0 & Row::INDIRECT == 0 {
            let [(c0, w0), (c1, w1)] = row.pairs();
            acc[c0] += w0;
            if c1 != Row::NO_CLASS as usize {
                acc[c1] += w1;
            }
        } else if row.0 & Row::DENSE != 0 {
            let n = acc.len();
            for (a, &w) in acc.iter_mut().zip(&self.dense[offset..offset + n]) {
                *a += i32::from(w);
            }
        } else {
            let len = ((row.0 >> 32) & 0xffff) as usize;
            for &(class, w) in &self.entries[offset..offset + len] {
                acc[class as usize] += i32::from(w);
            }
        }
    }

    /// A row's weights as (class, weight) pairs in class order.
    fn row(&self, row: Row) -> Vec<(u16, i16)> {
        let offset = (row.0 & 0xffff_ffff) as usize;
        if row.0 & Row::INDIRECT == 0 {
            row.pairs().into_iter().filter(|&(c, _)| c != Row::NO_CLASS as usize).map(|(c, w)| (c as u16, w as i16)).collect()
        } else if row.0 & Row::DENSE != 0 {
            let weights = &self.dense[offset..offset + self.classes.len()];
            weights.iter().enumerate().filter(|&(_, &w)| w != 0).map(|(c, &w)| (c as u16, w)).collect()
        } else {
            let len = ((row.0 >> 32) & 0xffff) as usize;
            self.entries[offset..offset + len].to_vec()
        }
    }

    /// Adds a row (in class order, no zero weight): inline when it has one or two weights, dense
    /// when it has weights for a quarter of the classes or more, sparse otherwise.
    fn push_row(&mut self, key: u64, row: &[(u16, i16)]) {
        let n = self.classes.len();
        let packed = if (1..=2).contains(&row.len()) {
            Row::inline(row)
        } else if row.len() * 4 >= n {
            let at = self.dense.len();
            self.dense.resize(at + n, 0);
            for &(c, w) in row {
                self.dense[at + c as usize] = w;
            }
            Row(Row::INDIRECT | Row::DENSE | at as u64)
        } else {
            let at = self.entries.len();
            self.entries.extend_from_slice(row);
            Row(Row::INDIRECT | (row.len() as u64) << 32 | at as u64)
        };
        self.rows.insert(key, packed);
    }

    /// The number of a class by name.
    pub fn class(&self, name: &str) -> Option<usize> {
        self.classes.iter().position(|c| c == name)
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Reads a model of `kind` whose features hash to `features`.
    pub fn from_bytes(bytes: &[u8], kind: &str, features: u64) -> Result<Self, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError::Malformed(0));
        }
        let version = r.u32()?;
        if version != FORMAT {
            return Err(ModelError::Version { found: version });
        }
        let found_kind = r.string()?;
        if found_kind != kind {
            return Err(ModelError::Kind { expected: kind.to_string(), found: found_kind });
        }
        let hash = r.u64()?;
        if hash != features {
            return Err(ModelError::Features { kind: found_kind, found: hash, expected: features });
        }
        let notes = r.string()?;
        let classes = (0..r.u32()?).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
        let scale = f32::from_bits(r.u32()?);
        if classes.len() > MAX_CLASSES {
            return Err(ModelError::Malformed(r.at));
        }
        let n = r.u32()? as usize;
        let rows = RowTable::with_capacity(n);
        let mut model = Model { kind: found_kind, notes, classes, features, scale, rows, entries: Vec::new(), dense: Vec::new() };
        let mut row = Vec::new();
        for _ in 0..n {
            let key = r.u64()?;
            row.clear();
            for _ in 0..r.u16()? {
                let class = r.u16()?;
                if usize::from(class) >= model.classes.len() {
                    return Err(ModelError::Malformed(r.at));
                }
                row.push((class, r.u16()? as i16));
            }
            model.push_row(key, &row);
        }
        Ok(model)
    }
}

/// The index of the highest score among `allowed` classes; ties go to the lowest index.
pub fn argmax(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    best
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let slice = self.bytes.get(self.at..self.at + n).ok_or(ModelError::Malformed(self.at))?;
        self.at += n;
        Ok(slice)
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().expect("two bytes")))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("eight bytes")))
    }
    fn string(&mut self) -> Result<String, ModelError> {
        let n = self.u32()? as usize;
        let at = self.at;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| ModelError::Malformed(at))
    }
}

/// One class's weight in a feature's row while training.
#[derive(Debug, Clone, Copy)]
struct Weight {
    class: u16,
    value: f32,
    total: f64,
    stamp: u32,
}

/// An averaged perceptron being trained.
#[derive(Debug)]
pub struct Trainer {
    classes: Vec<String>,
    rows: KeyMap<Vec<Weight>>,
    instances: u32,
}

impl Trainer {
    /// A trainer over `classes`.
    pub fn new(classes: Vec<String>) -> Self {
        Trainer { classes, rows: KeyMap::default(), instances: 0 }
    }

    /// The class names.
    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    /// The current (not averaged) scores of every class.
    pub fn scores(&self, features: &Features) -> Vec<f32> {
        let mut scores = vec![0.0; self.classes.len()];
        for key in &features.0 {
            if let Some(row) = self.rows.get(key) {
                for w in row {
                    scores[w.class as usize] += w.value;
                }
            }
        }
        scores
    }

    /// Counts one decision; when `guess` was not `truth`, moves weight from one to the other.
    pub fn update(&mut self, truth: usize, guess: usize, features: &Features) {
        self.instances += 1;
        if truth == guess {
            return;
        }
        for &key in &features.0 {
            self.nudge(key, truth, 1.0);
            self.nudge(key, guess, -1.0);
        }
    }

    /// Counts one ranking decision of a one-class model: when the wrong item won, moves the
    /// first class's weight towards the features of `truth` and away from those of `guess`.
    pub fn update_ranking(&mut self, truth: &Features, guess: Option<&Features>) {
        self.instances += 1;
        let Some(guess) = guess else { return };
        for &key in &truth.0 {
            self.nudge(key, 0, 1.0);
        }
        for &key in &guess.0 {
            self.nudge(key, 0, -1.0);
        }
    }

    /// Adds `delta` to the weight of feature `key` for `class`, keeping its running total.
    fn nudge(&mut self, key: u64, class: usize, delta: f32) {
        let now = self.instances;
        let row = self.rows.entry(key).or_default();
        let w = match row.iter().position(|w| w.class as usize == class) {
            Some(i) => &mut row[i],
            None => {
                row.push(Weight { class: class as u16, value: 0.0, total: 0.0, stamp: now });
                row.last_mut().expect("pushed")
            }
        };
        w.total += f64::from(now - w.stamp) * f64::from(w.value);
        w.stamp = now;
        w.value += delta;
    }

    /// Averages, quantizes, drops weights whose magnitude is below `prune` (in averaged units),
    /// and writes the file.
    pub fn finish(&self, kind: &str, features: u64, notes: &str, prune: f64) -> Vec<u8> {
        let now = f64::from(self.instances.max(1));
        let average = |w: &Weight| (w.total + (now - f64::from(w.stamp)) * f64::from(w.value)) / now;
        let rows = self.rows.iter().map(|(&key, row)| (key, row.iter().map(|w| (w.class, average(w))).collect()));
        Model::quantized(kind, notes, self.classes.clone(), features, rows).pruned(prune).to_bytes()
    }
}

impl Model {
    /// A model of the weights `rows` (each feature's key with its classes' weights), quantized
    /// to 16 bits against the largest magnitude; zero weights are left out.
    pub fn quantized(
        kind: &str,
        notes: &str,
        classes: Vec<String>,
        features: u64,
        rows: impl IntoIterator<Item = (u64, Vec<(u16, f64)>)>,
    ) -> Model {
        let mut rows: Vec<(u64, Vec<(u16, f64)>)> = rows.into_iter().collect();
        rows.sort_unstable_by_key(|&(key, _)| key);
        let largest = rows.iter().flat_map(|(_, row)| row.iter().map(|&(_, w)| w.abs())).fold(0.0f64, f64::max);
        let scale = if largest > 0.0 { largest / f64::from(i16::MAX) } else { 1.0 };
        let mut model = Model {
            kind: kind.to_string(),
            notes: notes.to_string(),
            classes,
            features,
            scale: scale as f32,
            rows: RowTable::with_capacity(rows.len()),
            entries: Vec::new(),
            dense: Vec::new(),
        };
        for (key, weights) in rows {
            let mut row: Vec<(u16, i16)> = weights.iter().map(|&(c, w)| (c, (w / scale).round() as i16)).filter(|&(_, q)| q != 0).collect();
            row.sort_unstable_by_key(|&(c, _)| c);
            model.push_row(key, &row);
        }
        model
    }
}

impl Model {
    /// The model without weights whose magnitude is below `threshold`, nor features left empty.
    pub fn pruned(&self, threshold: f64) -> Model {
        let mut out = Model { rows: RowTable::with_capacity(self.rows.len()), entries: Vec::new(), dense: Vec::new(), ..self.clone() };
        for (key, row) in self.rows.sorted() {
            let kept: Vec<(u16, i16)> =
                self.row(row).into_iter().filter(|&(_, q)| f64::from(q).abs() * f64::from(self.scale) >= threshold).collect();
            if !kept.is_empty() {
                out.push_row(key, &kept);
            }
        }
        out
    }

    /// The weights file, rows sorted by key.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        put_string(&mut out, &self.kind);
        out.extend_from_slice(&self.features.to_le_bytes());
        put_string(&mut out, &self.notes);
        out.extend_from_slice(&(self.classes.len() as u32).to_le_bytes());
        for c in &self.classes {
            put_string(&mut out, c);
        }
        out.extend_from_slice(&self.scale.to_bits().to_le_bytes());
        let rows = self.rows.sorted();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (key, row) in rows {
            let row = self.row(row);
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&(row.len() as u16).to_le_bytes());
            for (c, q) in row {
                out.extend_from_slice(&c.to_le_bytes());
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }
}

fn put_string(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// A small deterministic generator (xorshift64*) for shuffling training data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (any value).
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(words: &[&str]) -> Features {
        let mut f = Features::default();
        for w in words {
            f.add("w", &[w]);
        }
        f
    }

    #[test]
    fn the_row_table_finds_every_key_it_holds_and_no_other() {
        // Keys that share their top bits collide on one home slot and probe on; 0 is the empty
        // mark and kept apart; the table grows past its first capacity.
        let keys: Vec<u64> = (1..200u64).map(|k| k << 40 | (k % 7)).chain([0, u64::MAX]).collect();
        let mut table = RowTable::with_capacity(4);
        for (n, &key) in keys.iter().enumerate() {
            table.insert(key, Row(n as u64));
        }
        table.insert(keys[3], Row(999));
        assert_eq!(table.len(), keys.len());
        for (n, &key) in keys.iter().enumerate() {
            assert_eq!(table.get(key).map(|r| r.0), Some(if n == 3 { 999 } else { n as u64 }), "key {key:x}");
        }
        for absent in [1u64 << 40 | 5, 7, u64::MAX - 1] {
            assert!(table.get(absent).is_none(), "key {absent:x}");
        }
        let listed: Vec<u64> = table.sorted().into_iter().map(|(key, _)| key).collect();
        let mut expected = keys.clone();
        expected.sort_unstable();
        assert_eq!(listed, expected);
    }

    #[test]
    fn learns_separable_classes_and_round_trips_through_bytes() {
        let mut t = Trainer::new(vec!["a".into(), "b".into()]);
        let data = [(&["x", "y"][..], 0), (&["z", "y"][..], 1), (&["x"][..], 0), (&["z"][..], 1)];
        for _ in 0..5 {
            for (words, truth) in data {
                let f = features(words);
                let guess = argmax(&t.scores(&f), |_| true).expect("classes");
                t.update(truth, guess, &f);
            }
        }
        let bytes = t.finish("test", 7, "notes", 0.0);
        let model = Model::from_bytes(&bytes, "test", 7).expect("loads");
        let best = |words: &[&str]| {
            let mut scores = vec![0.0; model.classes.len()];
            model.score(&features(words), &mut scores);
            argmax(&scores, |_| true)
        };
        assert_eq!(best(&["x"]), Some(0));
        assert_eq!(best(&["z", "y"]), Some(1));
        assert_eq!(model.notes, "notes");
        assert_eq!(t.finish("test", 7, "notes", 0.0), bytes, "deterministic");
    }

    #[test]
    fn key_hashes_are_stable_and_keep_parts_apart() {
        let key = |template: &str, parts: &[&str]| {
            let mut f = Features::default();
            f.add(template, parts);
            f.0[0]
        };
        assert_ne!(key("t", &["ab", "c"]), key("t", &["a", "bc"]));
        assert_ne!(key("t", &["abcdefgh"]), key("t", &["abcdefgh", ""]));
        assert_ne!(key("t", &["x"]), key("u", &["x"]));
        // The weights files depend on these values: a change here needs every model retrained.
        assert_eq!(key("w", &["said"]), KeyHash::new("w").bytes(b"said").value());
        assert_eq!(feature_set_hash("tagger"), 0x9556_6280_e200_588e);
    }

    #[test]
    fn the_committed_weights_round_trip_byte_for_byte() {
        // Rows of one or two weights are kept inline, long ones densely, the rest sparsely: the
        // file written back from each committed model is the file read.
        let models = [
            (&include_bytes!("../../data/models/tagger.hsm")[..], "tagger", super::super::tagger::feature_hash()),
            (&include_bytes!("../../data/models/parser.hsm")[..], "parser", super::super::parser::feature_hash()),
            (&include_bytes!("../../data/models/ner.hsm")[..], "ner", crate::recognize::model::feature_hash()),
            (
                &include_bytes!("../../data/models/coref.hsm")[..],
                "coref",
                crate::syntax::perceptron::feature_set_hash(crate::coref::TEMPLATES),
            ),
        ];
        for (bytes, kind, hash) in models {
            let model = Model::from_bytes(bytes, kind, hash).expect("loads");
            assert!(model.to_bytes() == bytes, "{kind}");
        }
    }

    #[test]
    fn refuses_other_kinds_features_and_truncation() {
        let bytes = Trainer::new(vec!["a".into()]).finish("tagger", 1, "", 0.0);
        assert!(matches!(Model::from_bytes(&bytes, "parser", 1), Err(ModelError::Kind { .. })));
        assert!(matches!(Model::from_bytes(&bytes, "tagger", 2), Err(ModelError::Features { .. })));
        assert!(matches!(Model::from_bytes(&bytes[..10], "tagger", 1), Err(ModelError::Malformed(_))));
    }
}
