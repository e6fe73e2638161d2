//! Page layout: where an article's headline, byline and body are, and what its metadata says.
//!
//! Scraped news pages carry furniture around the story: cookie notices, copyright lines, donation
//! appeals, "related posts", reader comments. [`analyze`] finds the headline and the body's extent
//! from line-level cues and reads the metadata that the text itself states (title, authors,
//! editors, publisher, publication date), each with the span it came from. Metadata that the input
//! states outside the text (a crawler's JSON fields, a page's JSON-LD and meta tags, in
//! `Source::meta`) comes first: the text is searched only for what it lacks, and a given headline
//! found among the first lines is taken with its span. Absent metadata stays absent: nothing here
//! guesses a value that neither the input nor the text holds. This module works on lines
//! only; it does not split sentences or find names inside the body.

use crate::ingest::{Source, SourceMeta};
use crate::text::Span;
use regex::Regex;
use std::sync::LazyLock;

/// An article: its source text plus what the layout says about it.
#[derive(Debug, Clone)]
pub struct Article {
    /// The decoded input.
    pub source: Source,
    /// Metadata stated in the text.
    pub meta: Metadata,
    /// Where the parts of the page are.
    pub regions: Regions,
}

impl Article {
    /// The article's text.
    pub fn text(&self) -> &str {
        &self.source.text
    }
}

/// A metadata value, with where the text states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The value as written (whitespace folded).
    pub value: String,
    /// Where the text states it; `None` for a value the input gave outside the text (a JSON
    /// field, a page's meta tag) that the text does not repeat.
    pub span: Option<Span>,
}

/// Metadata that the article's text states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The headline.
    pub title: Option<Field>,
    /// Authors from bylines ("By ...", "Article by: ...", "About Author").
    pub authors: Vec<Field>,
    /// Editors ("Edited by: ...").
    pub editors: Vec<Field>,
    /// The publisher, from copyright and credit lines.
    pub publisher: Option<Field>,
    /// Publication date as `YYYY-MM-DD`, with the span of the date as written.
    pub published: Option<Field>,
    /// Reader comments after the story.
    pub comments: Vec<Comment>,
}

/// A reader comment: who wrote it and what they wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Where the commenter's name or handle is written.
    pub author: Span,
    /// The commenter's name or handle (whitespace folded).
    pub name: String,
    /// The comment's text.
    pub text: Span,
}

/// The parts of a page, as byte spans that tile the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regions {
    /// Page furniture before the headline.
    pub header: Span,
    /// From the headline to the end of the story.
    pub body: Span,
    /// Furniture after the story: appeals, related posts, comments.
    pub trailer: Span,
}

/// Reads the layout and metadata of `source`.
pub fn analyze(source: Source) -> Article {
    let text = source.text.as_str();
    let lines = lines(text);
    // A headline the input gives is looked for, not guessed: a text without it starts its body
    // at the first line.
    let title_line = match &source.meta.title {
        Some(title) => find_given_title(text, &lines, title),
        None => find_title(text, &lines),
    };
    let body_start = title_line.map_or(0, |i| lines[i].start);
    let first_after_title = title_line.map_or(0, |i| i + 1);
    let body_end = find_body_end(text, &lines, first_after_title).unwrap_or(text.len());
    let regions = Regions {
        header: Span::new(0, body_start),
        body: Span::new(body_start, body_end.max(body_start)),
        trailer: Span::new(body_end.max(body_start), text.len()),
    };
    let meta = Metadata {
        title: title_line.map(|i| field(text, lines[i])),
        authors: find_people(text, &lines, &[&BYLINE, &AUTHOR_LABEL], Some(&ABOUT_AUTHOR)),
        editors: find_people(text, &lines, &[&EDITED_BY], None),
        publisher: find_publisher(text, &lines),
        published: find_date(text, &lines, title_line),
        comments: find_comments(text, &lines, regions.trailer),
    };
    let meta = given_first(meta, &source.meta);
    Article { source, meta, regions }
}

/// The metadata the input gives in place of what the text states, keeping the text's span where
/// the text states the same value.
fn given_first(stated: Metadata, given: &SourceMeta) -> Metadata {
    let same = |a: &str, b: &str| fold(a).eq_ignore_ascii_case(&fold(b));
    let pick = |value: &String, stated: &[Field]| Field {
        value: value.clone(),
        span: stated.iter().find(|f| same(&f.value, value)).and_then(|f| f.span),
    };
    let one = |value: Option<&String>, stated: Option<Field>| match value {
        Some(value) => Some(pick(value, stated.as_slice())),
        None => stated,
    };
    let authors = if given.authors.is_empty() { stated.authors } else { given.authors.iter().map(|a| pick(a, &stated.authors)).collect() };
    Metadata {
        title: match (&given.title, stated.title) {
            (Some(value), title) => Some(Field { value: value.clone(), span: title.and_then(|t| t.span) }),
            (None, title) => title,
        },
        authors,
        editors: stated.editors,
        publisher: one(given.publisher.as_ref(), stated.publisher),
        published: one(given.published.as_ref(), stated.published),
        comments: stated.comments,
    }
}

fn fold(s: &str) -> String {
    crate::text::fold_typography(s)
}

/// The line among the first few that holds the headline the input gives.
fn find_given_title(text: &str, lines: &[Span], title: &str) -> Option<usize> {
    let title = fold(title);
    (0..lines.len()).filter(|&i| !lines[i].is_empty()).take(10).find(|&i| fold(lines[i].of(text)).eq_ignore_ascii_case(&title))
}

/// Lines as trimmed byte spans, empty lines included (as empty spans).
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.push(Span::new(start, start + line.len()).trim(text, &[]));
        start += line.len();
    }
    out
}

fn field(text: &str, span: Span) -> Field {
    Field { value: crate::text::fold_typography(span.of(text)), span: Some(span) }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(copyright|©|\(c\)|all rights reserved|privacy|cookie|accessibility|skip to|breaking news|menu|search|subscribe|sign (in|up)|log ?in|advertisement|share|follow us|home\b|when referencing|the work of)",
    )
    .expect("valid regex")
});

/// The headline: the first line near the top that reads like one (a few words, no final
/// period, not a credit, cookie or navigation line, not a byline).
fn find_title(text: &str, lines: &[Span]) -> Option<usize> {
    (0..lines.len()).filter(|&i| !lines[i].is_empty()).take(40).find(|&i| {
        let s = lines[i].of(text);
        let bare = s.trim_end_matches(['"', '”', '’', '\'', ')']);
        let words = word_count(s);
        (3..=25).contains(&words)
            && !bare.ends_with('.')
            && !bare.ends_with(':')
            && !BOILERPLATE.is_match(s)
            && !BYLINE.is_match(s)
            && !s.contains('@')
    })
}

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(related( posts| articles| stories| news)?|read (more|also|next)|latest posts|more from|more stories|about this blog|about (the )?author|you could close this page|dear readers|become a patron|support (us|our)|donate|share this|comments?( \(\d+\))?|\d+ comments?|leave a (reply|comment)|tags:|to suggest a correction|sign up for|subscribe to|recommended|most (read|popular))\b",
    )
    .expect("valid regex")
});

/// The byte offset where the story ends: the end of the last non-empty line before the first
/// furniture line after the headline.
fn find_body_end(text: &str, lines: &[Span], from: usize) -> Option<usize> {
    let marker = (from..lines.len()).find(|&i| {
        let s = lines[i].of(text);
        FURNITURE.is_match(s) && (word_count(s) <= 6 || s.starts_with("You could close") || s.starts_with("Dear readers"))
    })?;
    lines[..marker].iter().rev().find(|l| !l.is_empty()).map(|l| l.end)
}

const NAME: &str = r"\p{Lu}[\p{L}'’.\-]*(?:\s+(?:(?:van|von|de|der|da|del|al|bin|ibn|la|le)\s+)?\p{Lu}[\p{L}'’.\-]*){0,4}";

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:Article|Written|Posted|Reported|Story|Words)\s+)?[Bb]y:?\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s*(?:[|,]\s*.*)?$"
    ))
    .expect("valid regex")
});

static AUTHOR_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^Authors?:\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s*$")).expect("valid regex"));

static EDITED_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^Edited\s+by:?\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s*$")).expect("valid regex"));

static ABOUT_AUTHOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^about (the )?author:?$").expect("valid regex"));

static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"^(?P<names>{NAME})$")).expect("valid regex"));

static NAME_SPLIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*(?:,|\band\b|&)\s*").expect("valid regex"));

/// People named by lines that match one of `patterns` (each with a `names` group), or by the
/// line after a `heading` ("About the Author"), in order of appearance, without repeats.
fn find_people(text: &str, lines: &[Span], patterns: &[&Regex], heading: Option<&Regex>) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let s = line.of(text);
        if s.is_empty() || word_count(s) > 14 {
            continue;
        }
        let mut found = patterns.iter().find_map(|p| p.captures(s));
        if let (None, Some(heading), true) = (&found, heading, i > 0) {
            let previous = lines[..i].iter().rev().find(|l| !l.is_empty());
            if previous.is_some_and(|p| heading.is_match(p.of(text))) {
                found = NAME_LINE.captures(s).filter(|_| (2..=4).contains(&word_count(s)));
            }
        }
        let Some(caps) = found else { continue };
        let names = caps.name("names").expect("pattern has a names group");
        let mut at = line.start + names.start();
        for part in NAME_SPLIT.split(names.as_str()) {
            let offset = text[at..].find(part).map_or(at, |o| at + o);
            let span = Span::new(offset, offset + part.len()).trim(text, &['.', ',']);
            at = span.end;
            // Initials alone ("A. N.") are a name too short to be an entity but still an author.
            if span.is_empty() || out.iter().any(|f| f.value == span.of(text)) {
                continue;
            }
            if word_count(span.of(text)) == 1 && !span.of(text).contains('.') {
                continue;
            }
            out.push(field(text, span));
        }
    }
    out
}

static PUBLISHER: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let org = r"(?P<org>\p{Lu}[\p{L}\d&'’.\-]*(?:\s+(?:of\s+|the\s+|for\s+|and\s+)?\p{Lu}[\p{L}\d&'’.\-]*){0,5})";
    [
        format!(r"^(?:Copyright\s*)?(?:©|\(c\))\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?,?\s+)?{org}"),
        format!(r"^Copyright\s+(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?,?\s+)?{org}"),
        format!(r"^Published\s+by:?\s+{org}"),
        format!(r"^The work of {org} is supported by"),
        format!(r"^{org} is an independent (?:media|news)"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid regex"))
    .collect()
});

static INDEPENDENT_OUTLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^We are an independent (?:media|news|journalist)").expect("valid regex"));

/// The publisher, from a copyright or credit line, or from a lone name line that an "about us"
/// paragraph follows.
fn find_publisher(text: &str, lines: &[Span]) -> Option<Field> {
    for line in lines {
        let s = line.of(text);
        for pattern in PUBLISHER.iter() {
            if let Some(org) = pattern.captures(s).and_then(|c| c.name("org")) {
                let value = org.as_str().trim_end_matches(['.', ',']);
                if value.split_whitespace().all(|w| w.chars().all(|c| c.is_ascii_digit())) || value.eq_ignore_ascii_case("all") {
                    continue;
                }
                let span = Span::new(line.start + org.start(), line.start + org.start() + value.len());
                return Some(field(text, span));
            }
        }
    }
    let non_empty: Vec<&Span> = lines.iter().filter(|l| !l.is_empty()).collect();
    non_empty.windows(2).find_map(|w| {
        let name = w[0].of(text);
        (INDEPENDENT_OUTLET.is_match(w[1].of(text)) && NAME_LINE.is_match(name) && word_count(name) <= 4).then(|| field(text, *w[0]))
    })
}

static COMMENTS_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(\d+\s+)?(reader\s+)?comments?(\s*\(\d+\))?:?$").expect("valid regex"));

static COMMENT_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<author>[\p{L}\d_.\-]+(?: [\p{L}\d_.\-]+){0,2})(?: says)?:\s+(?P<text>\S.*)$").expect("valid regex"));

/// Reader comments in the trailer: after a "Comments" heading, lines "Name: text" (or "Name
/// says: text") until another furniture heading.
fn find_comments(text: &str, lines: &[Span], trailer: Span) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in lines.iter().filter(|l| trailer.contains(**l) && !l.is_empty()) {
        let s = line.of(text);
        if COMMENTS_HEADING.is_match(s) {
            inside = true;
            continue;
        }
        if !inside {
            continue;
        }
        if FURNITURE.is_match(s) && word_count(s) <= 6 {
            break;
        }
        if let Some(caps) = COMMENT_LINE.captures(s) {
            let author = caps.name("author").expect("group");
            let body = caps.name("text").expect("group");
            let author = Span::new(line.start + author.start(), line.start + author.end());
            let name = crate::text::fold_typography(author.of(text));
            out.push(Comment { author, name, text: Span::new(line.start + body.start(), line.end) });
        }
    }
    out
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?P<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    Regex::new(&format!(
        r"(?:(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})|{month}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})|(?P<d2>\d{{1,2}})\s+{}\s+(?P<y2>\d{{4}}))",
        month.replace("?P<m>", "?P<m2>")
    ))
    .expect("valid regex")
});

/// The publication date: a date on a short line near the headline (a dateline, or a byline
/// with a date), normalized to `YYYY-MM-DD`.
fn find_date(text: &str, lines: &[Span], title: Option<usize>) -> Option<Field> {
    let from = title.unwrap_or(0);
    lines.iter().skip(from).filter(|l| !l.is_empty()).take(12).find_map(|line| {
        let s = line.of(text);
        if word_count(s) > 10 {
            return None;
        }
        let caps = DATE.captures(s)?;
        let whole = caps.get(0).expect("match");
        let (y, m, d) = if let Some(y) = caps.name("iy") {
            (y.as_str().parse().ok()?, caps["im"].parse().ok()?, caps["id"].parse().ok()?)
        } else if let Some(y) = caps.name("y") {
            (y.as_str().parse().ok()?, month_number(&caps["m"])?, caps["d"].parse().ok()?)
        } else {
            (caps["y2"].parse().ok()?, month_number(&caps["m2"])?, caps["d2"].parse().ok()?)
        };
        let (y, m, d): (u32, u32, u32) = (y, m, d);
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1800..=2200).contains(&y) {
            return None;
        }
        let span = Span::new(line.start + whole.start(), line.start + whole.end());
        Some(Field { value: format!("{y:04}-{m:02}-{d:02}"), span: Some(span) })
    })
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    crate::text::MONTHS.iter().position(|m| m.to_lowercase().starts_with(&lower[..3.min(lower.len())])).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Article {
        analyze(Source::from_text("t.txt", text))
    }

    #[test]
    fn repeated_headline_wins_over_credit_line() {
        let a = check(
            "Copyright © 2024\n\nThe work of Daily Lamp is supported by the Kite Fund\n\nRivers rise again in the north\n\nRivers rise again in the north\nArticle by: Jane K. Doe\nEdited by: Rob Roe\n\nBody text here.\n\nEdited by: Rob Roe\nYou could close this page. Or help us.\n\nRelated Posts\n",
        );
        assert_eq!(a.meta.title.as_ref().unwrap().value, "Rivers rise again in the north");
        assert_eq!(a.meta.authors.iter().map(|f| f.value.as_str()).collect::<Vec<_>>(), ["Jane K. Doe"]);
        assert_eq!(a.meta.editors[0].value, "Rob Roe");
        assert_eq!(a.meta.publisher.as_ref().unwrap().value, "Daily Lamp");
        assert!(a.regions.body.of(a.text()).ends_with("Edited by: Rob Roe"));
        assert!(a.regions.body.of(a.text()).starts_with("Rivers rise"));
    }

    #[test]
    fn dates_and_multiple_authors() {
        let a = check("Harbour strike enters its second week\n\nBy Ana Lopes and Tom Reed\nMarch 4, 2026\n\nText.\n");
        assert_eq!(a.meta.authors.len(), 2);
        assert_eq!(a.meta.published.unwrap().value, "2026-03-04");
        let b = check("A headline with four words\n4 March 2026\nText.\n");
        assert_eq!(b.meta.published.unwrap().value, "2026-03-04");
    }

    #[test]
    fn given_metadata_comes_first() {
        let mut source = Source::from_text("t.jsonl:1", "Dockers walked out on Tuesday.\nBy Ana Lopes\nThe strike goes on.\n");
        source.meta = SourceMeta {
            title: Some("Port strike".into()),
            authors: vec!["Ana Lopes".into(), "Tom Reed".into()],
            published: Some("2026-03-04".into()),
            ..SourceMeta::default()
        };
        let a = analyze(source);
        let title = a.meta.title.as_ref().unwrap();
        assert_eq!((title.value.as_str(), title.span), ("Port strike", None));
        assert_eq!(a.regions.body.start, 0, "a given headline is not guessed from the text");
        let authors: Vec<_> = a.meta.authors.iter().map(|f| (f.value.as_str(), f.span.map(|s| s.of(a.text())))).collect();
        assert_eq!(authors, [("Ana Lopes", Some("Ana Lopes")), ("Tom Reed", None)]);
        assert_eq!(a.meta.published.as_ref().unwrap().value, "2026-03-04");
    }

    #[test]
    fn a_given_headline_in_the_text_keeps_its_span() {
        let mut source = Source::from_text("p.html", "Menu\n\nPort  strike ends\n\nDockers voted.\n");
        source.meta.title = Some("Port strike ends".into());
        let a = analyze(source);
        assert_eq!(a.meta.title.as_ref().unwrap().span.map(|s| s.of(a.text())), Some("Port  strike ends"));
        assert!(a.regions.body.of(a.text()).starts_with("Port"));
    }

    #[test]
    fn absent_metadata_stays_absent() {
        let a = check("Short lines\nare not\nA plain story about rivers and towns\nIt goes on.\n");
        assert!(a.meta.authors.is_empty());
        assert!(a.meta.publisher.is_none());
        assert!(a.meta.published.is_none());
        assert_eq!(a.regions.trailer, Span::new(a.text().len(), a.text().len()));
    }
}
