//! Spans into an article's original text and the one place where byte offsets become code points.
//!
//! Every stage keeps byte spans into the decoded text it was given and never rewrites them. Output
//! formats that count Unicode code points (the JSON contract, NIF) convert through [`CharIndex`].
//! This module does not know about sentences, tokens or entities.

use serde::Serialize;

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Self { start, end }
    }

    /// The text this span covers.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Number of bytes covered.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This span with leading and trailing whitespace and the given punctuation removed.
    pub fn trim(self, text: &str, punctuation: &[char]) -> Span {
        let s = self.of(text);
        let trimmed_start = s.trim_start_matches(|c: char| c.is_whitespace() || punctuation.contains(&c));
        let start = self.start + (s.len() - trimmed_start.len());
        let trimmed = trimmed_start.trim_end_matches(|c: char| c.is_whitespace() || punctuation.contains(&c));
        Span::new(start, start + trimmed.len())
    }
}

/// Converts byte offsets of one text into Unicode code point offsets.
///
/// Built once per article; lookups are a binary search over the multi-byte characters only, so
/// ASCII-heavy news text costs almost nothing.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offsets of every character encoded in more than one byte, with the number of extra
    /// bytes seen up to and including it.
    wide: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut extra = 0;
        let mut wide = Vec::new();
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((i, extra));
            }
        }
        Self { wide, len_bytes: text.len() }
    }

    /// The code point offset of byte offset `byte`, which must lie on a character boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        debug_assert!(byte <= self.len_bytes);
        // Count the extra bytes of the wide characters that start before `byte`.
        let idx = self.wide.partition_point(|&(at, _)| at < byte);
        let extra = if idx == 0 { 0 } else { self.wide[idx - 1].1 };
        byte - extra
    }

    /// A span in code points as `[start, end]`.
    pub fn chars(&self, span: Span) -> [usize; 2] {
        [self.char_offset(span.start), self.char_offset(span.end)]
    }

    /// Length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.char_offset(self.len_bytes)
    }
}

/// English month names, in order.
pub const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// English day names.
pub const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Replaces typographic apostrophes, quotes and dashes with ASCII and folds whitespace, for
/// comparing names. Never used on text that spans point into.
pub fn fold_typography(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Spans in text order (sorted by start, as given), with the furthest end of those up to each:
/// whether one of them contains or overlaps a span is a binary search, not a scan, on pages of
/// thousands of claims or quotations.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    spans: Vec<Span>,
    reach: Vec<usize>,
}

impl SpanIndex {
    /// The index of `spans`, which must be sorted by start.
    pub fn new(spans: Vec<Span>) -> Self {
        debug_assert!(spans.windows(2).all(|w| w[0].start <= w[1].start), "SpanIndex::new needs spans sorted by start");
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        SpanIndex { spans, reach }
    }

    /// The index of `spans` in any order.
    pub fn of(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_unstable();
        SpanIndex::new(spans)
    }

    /// The spans, in order.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// The position of the first span that contains `span`.
    pub fn first_containing(&self, span: Span) -> Option<usize> {
        let started = self.spans.partition_point(|s| s.start <= span.start);
        let first = self.reach[..started].partition_point(|&end| end < span.end);
        (first < started).then_some(first)
    }

    /// Whether a span contains `span`.
    pub fn contains(&self, span: Span) -> bool {
        self.first_containing(span).is_some()
    }

    /// The positions of the spans that overlap `span`, in order.
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let started = self.spans.partition_point(|s| s.start < span.end);
        let first = self.reach[..started].partition_point(|&end| end <= span.start);
        (first..started).filter(move |&k| self.spans[k].overlaps(span))
    }

    /// Whether a span overlaps `span`.
    pub fn overlaps(&self, span: Span) -> bool {
        let started = self.spans.partition_point(|s| s.start < span.end);
        started > 0 && self.reach[started - 1] > span.start
    }
}

/// The capitals that open the words of `long` ("OSCE" for "Organization for Security and
/// Co-operation in Europe" gives "OSCE"; hyphens part words).
pub(crate) fn initials(long: &str) -> String {
    long.split(|c: char| c.is_whitespace() || c == '-').filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect()
}

/// Whether `short` is the acronym of `long`: the capitals of its words, in order, with or without
/// a country's acronym that opens `long` ("US Securities and Exchange Commission").
pub(crate) fn is_acronym_of(short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || !letters.chars().all(char::is_uppercase) || short.contains(' ') {
        return false;
    }
    initials(long) == letters || without_country_acronym(long).is_some_and(|rest| initials(rest) == letters)
}

/// Whether `short` spells the initials of `long`, in capitals ("CTC") or capitalized as BBC
/// style writes acronyms ("Icann", "Sepa").
pub(crate) fn spells_initials(short: &str, long: &str) -> bool {
    is_acronym_of(short, long) || is_capitalized_acronym(short) && is_acronym_of(&short.to_uppercase(), long)
}

/// Whether `word` could be an acronym written as a name ("Icann", "Nato"): a capital, then
/// three to five lowercase letters.
pub(crate) fn is_capitalized_acronym(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && (3..=5).contains(&chars.clone().count()) && chars.all(|c| c.is_ascii_lowercase())
}

/// `long` without the country's acronym that opens it ("US", "UK", "EU"), if one does and more
/// than one word follows it.
pub(crate) fn without_country_acronym(long: &str) -> Option<&str> {
    let (first, rest) = long.split_once(' ')?;
    let country = (2..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_uppercase());
    (country && rest.contains(' ')).then_some(rest)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_span_index_answers_as_a_scan_does() {
        let spans: Vec<Span> = [(0, 10), (2, 4), (5, 30), (12, 14), (40, 41)].iter().map(|&(a, b)| Span::new(a, b)).collect();
        let index = SpanIndex::new(spans.clone());
        for a in 0..45 {
            for b in a..45 {
                let q = Span::new(a, b);
                assert_eq!(index.first_containing(q), spans.iter().position(|s| s.contains(q)), "{q:?}");
                assert_eq!(index.overlaps(q), spans.iter().any(|s| s.overlaps(q)), "{q:?}");
                let overlapping: Vec<usize> = (0..spans.len()).filter(|&k| spans[k].overlaps(q)).collect();
                assert_eq!(index.overlapping(q).collect::<Vec<_>>(), overlapping, "{q:?}");
            }
        }
    }
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "Türkiye’s “quote” — end";
        let idx = CharIndex::new(text);
        let byte = text.find("quote").unwrap();
        assert_eq!(idx.char_offset(byte), text[..byte].chars().count());
        assert_eq!(idx.len_chars(), text.chars().count());
        assert_eq!(idx.char_offset(0), 0);
    }

    #[test]
    fn trim_drops_spaces_and_punctuation() {
        let text = "  “Hello,” ";
        let span = Span::new(0, text.len()).trim(text, &['“', '”', ',']);
        assert_eq!(span.of(text), "Hello");
    }

    #[test]
    fn fold_typography_normalizes() {
        assert_eq!(fold_typography("Russia’s  “IS”\n– x "), "Russia's \"IS\" - x");
    }
}

/// A problem found while analysing an article; analysis goes on past it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Where, if the problem has a place.
    pub span: Option<Span>,
    /// What, in lowercase words.
    pub message: String,
}
