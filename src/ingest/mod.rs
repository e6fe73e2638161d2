//! Reading articles: the pipeline's input edge.
//!
//! Articles arrive as plain text files, HTML pages, or JSON Lines from a crawler (one article per
//! line), any of them gzip-compressed, from files, directories or standard input. Reading is two
//! steps so that a caller can stream a corpus of any size in bounded batches:
//!
//! - [`records`] walks the inputs lazily, in a stable order, and yields one [`Record`] per article:
//!   a whole file, or one line of a JSON Lines file (read line by line, never whole). It does only
//!   the I/O: opening, decompressing, size limits.
//! - [`parse`] turns a record into a [`Source`] (decoded text, content id, and the metadata the
//!   input states outside the text); it does no I/O, so a caller can run it in parallel.
//!
//! The submodules are `discover` (which paths are articles, and of which kind), `stream`
//! (opening files, gzip and standard input; JSON Lines line by line), `text` (bytes to checked
//! UTF-8), `jsonl` (a crawler's JSON object to a source, with a field map) and `html` (a news
//! page to its body text and metadata, with a readability extractor). Every problem is an
//! [`IngestError`] that names the path and, where it has one, the line and column. This module
//! does not interpret the text; `layout` and the stages after it do.

mod discover;
mod html;
mod jsonl;
mod stream;
mod text;

pub use discover::{Input, STDIN, discover};
pub use jsonl::FieldMap;
pub use stream::{Records, records};
pub use text::decode;

use sha2::{Digest, Sha256};
use std::io;
use std::path::Path;
use thiserror::Error;

/// File extensions that a directory walk reads as articles (in any case, and with `.gz` after
/// them): plain text, HTML pages and JSON Lines.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "html", "htm", "jsonl", "ndjson"];

/// Names (before the extension, in any case) of files that a directory walk skips with a note:
/// a corpus's documentation, not its articles.
pub const NOT_ARTICLES: &[&str] = &["readme", "license", "licence", "copying", "notice", "changelog", "authors"];

/// Articles larger than this (a file, or one JSON line, decompressed) are refused unless the
/// caller raises the limit.
pub const DEFAULT_MAX_BYTES: u64 = 8 * 1024 * 1024;

/// One article, decoded.
#[derive(Debug, Clone)]
pub struct Source {
    /// Where it came from: the path as the user gave it (or as found under a directory they
    /// gave), with `:LINE` for a line of a JSON Lines file; `<stdin>` for standard input.
    pub path: String,
    /// Stable content id: the first 16 hex digits of the SHA-256 of the file's bytes (of the
    /// text, for HTML pages and JSON lines, whose markup says nothing about the article).
    pub id: String,
    /// The decoded text; every span in later stages points into it.
    pub text: String,
    /// What the input states about the article outside its text.
    pub meta: SourceMeta,
}

impl Source {
    /// A source from text already in memory (tests, examples, other front ends).
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Self { path: path.into(), id: content_id(text.as_bytes()), text, meta: SourceMeta::default() }
    }
}

/// Metadata that an input states outside the article's text: a crawler's JSON fields, a page's
/// JSON-LD and meta tags. Plain text files have none; `layout` reads what their text states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMeta {
    /// The headline.
    pub title: Option<String>,
    /// The authors' names, in the order given.
    pub authors: Vec<String>,
    /// The publisher (an outlet's name, or its domain when that is all a crawler wrote).
    pub publisher: Option<String>,
    /// The publication date as `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The article's canonical URL.
    pub url: Option<String>,
}

/// How an article's bytes are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text, one paragraph per line.
    Text,
    /// An HTML page.
    Html,
    /// JSON Lines, one article per line.
    Jsonl,
}

/// One article's bytes, as read, not yet decoded.
#[derive(Debug)]
pub struct Record {
    /// The file (or `<stdin>`).
    pub path: String,
    /// The 1-based line, for a line of a JSON Lines file.
    pub line: Option<usize>,
    /// How the bytes are written ([`Kind::Jsonl`]: one line's JSON object).
    pub kind: Kind,
    /// The bytes, decompressed.
    pub bytes: Vec<u8>,
}

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The largest article (a file, or one JSON line, decompressed) read.
    pub max_bytes: u64,
    /// How to read standard input and named files whose extension says nothing; `None`: guess
    /// from the first bytes (`{` JSON Lines, `<` HTML, else text).
    pub kind: Option<Kind>,
    /// Which JSON fields hold what.
    pub fields: FieldMap,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self { max_bytes: DEFAULT_MAX_BYTES, kind: None, fields: FieldMap::default() }
    }
}

/// A deterministic share of the articles, so that N machines can each take one and together read
/// every article once: shard `I` of `N` (1-based) holds the articles whose content id, as a
/// number, is `I - 1` modulo `N`. Copies of one article share a content id, so they fall in the
/// same shard and the first is kept there as in a single run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

/// A shard that is not `I/N` with `1 <= I <= N`.
#[derive(Debug, Error)]
#[error("{0:?} is not a shard I/N with 1 <= I <= N (for example 1/2 and 2/2)")]
pub struct ShardError(String);

impl Shard {
    /// Shard `index` (1-based) of `count`.
    pub fn new(index: u64, count: u64) -> Result<Self, ShardError> {
        if index == 0 || index > count {
            return Err(ShardError(format!("{index}/{count}")));
        }
        Ok(Self { index, count })
    }

    /// Whether the article belongs to this shard.
    pub fn takes(&self, source: &Source) -> bool {
        // The content id is hexadecimal; its first 15 digits fit a u64 with room to spare.
        let number = u64::from_str_radix(source.id.get(..15).unwrap_or(&source.id), 16).unwrap_or(0);
        number % self.count == self.index - 1
    }
}

impl std::str::FromStr for Shard {
    type Err = ShardError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ShardError(s.to_string());
        let (index, count) = s.split_once('/').ok_or_else(bad)?;
        Self::new(index.trim().parse().map_err(|_| bad())?, count.trim().parse().map_err(|_| bad())?).map_err(|_| bad())
    }
}

/// What can go wrong with one input.
#[derive(Debug, Error)]
pub enum IngestError {
    /// The path could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        /// The offending path.
        path: String,
        /// The operating system's reason.
        source: io::Error,
    },
    /// A file found in a directory is documentation (README, LICENSE), not an article. Not a
    /// failure: callers report it as a note.
    #[error("{path}: skipped, a README or LICENSE file is not an article (name the file itself to read it)")]
    NotAnArticle {
        /// The file.
        path: String,
    },
    /// A directory held no article files.
    #[error("{path}: no articles (files ending in .{}, optionally .gz) under this directory", ARTICLE_EXTENSIONS.join(", ."))]
    NoArticles {
        /// The directory.
        path: String,
    },
    /// The file is empty or only whitespace.
    #[error("{path}: empty file")]
    Empty {
        /// The offending path.
        path: String,
    },
    /// The file holds NUL bytes, so it is not text.
    #[error("{path}:{line}:{column}: binary file (NUL byte at byte offset {offset})")]
    Binary {
        /// The offending path.
        path: String,
        /// 1-based line of the first NUL.
        line: usize,
        /// 1-based column (in characters) of the first NUL.
        column: usize,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The file is not valid UTF-8.
    #[error("{path}:{line}:{column}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// The offending path.
        path: String,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column (in characters) of the first invalid byte.
        column: usize,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The file is over the size limit.
    #[error("{path}: {size} bytes is over the limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge {
        /// The offending path.
        path: String,
        /// Its size in bytes.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// A compressed file, standard input or a JSON line is over the size limit (its size is not
    /// known before reading it).
    #[error("{path}: more than {limit} bytes (raise the limit with --max-bytes)")]
    OverLimit {
        /// The offending path (with `:LINE` for a JSON line).
        path: String,
        /// The limit in force.
        limit: u64,
    },
    /// A line of a JSON Lines file is not a JSON object.
    #[error("{path}:{line}:{column}: not a JSON object: {message}")]
    BadJson {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column (in bytes) where the JSON reader stopped.
        column: usize,
        /// The JSON reader's reason.
        message: String,
    },
    /// A JSON line has no article text.
    #[error("{path}:{line}: no article text (none of the fields {fields} holds a non-empty string; name the field with --map text=FIELD)")]
    NoText {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// The fields looked at, comma-separated.
        fields: String,
    },
    /// An HTML page in which the readability extractor found no article.
    #[error("{path}: no article text found in this HTML page ({reason})")]
    NoArticleInPage {
        /// The page.
        path: String,
        /// The extractor's reason.
        reason: String,
    },
}

/// Reads and checks one plain text file (what `records` and `parse` do for the other kinds, for
/// callers that know they hold text files).
pub fn read(path: &Path, max_bytes: u64) -> Result<Source, IngestError> {
    let options = ReadOptions { max_bytes, kind: Some(Kind::Text), ..ReadOptions::default() };
    let record = stream::read_whole(&Input::file(path.to_path_buf(), Some(Kind::Text)), &options)?;
    parse(record, &options)
}

/// Decodes one record into a source: checks its text, extracts an HTML page's article, reads a
/// JSON line's fields. Pure: no I/O.
pub fn parse(record: Record, options: &ReadOptions) -> Result<Source, IngestError> {
    match record.kind {
        Kind::Text => decode(record.path, record.bytes),
        Kind::Html => html::parse(record.path, record.bytes),
        Kind::Jsonl => jsonl::parse(&record.path, record.line.unwrap_or(1), &record.bytes, &options.fields),
    }
}

/// The content id of an article's bytes.
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// A publication date as `YYYY-MM-DD`, from the ISO 8601 forms crawlers and pages write
/// (`2026-03-04`, `2026-03-04 10:00:00`, `2026-03-04T10:00:00+01:00`); `None` for anything else,
/// which is left absent rather than guessed.
pub fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let date = value.get(..10)?;
    let bytes = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| bytes[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10)) {
        return None;
    }
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with(['T', ' ', 't'])) {
        return None;
    }
    let (month, day): (u32, u32) = (date[5..7].parse().ok()?, date[8..10].parse().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| date.to_string())
}

/// Names of people split out of a byline ("By Ana Lopes and Tom Reed", "Ana Lopes, Tom Reed").
pub fn split_byline(byline: &str) -> Vec<String> {
    let byline = byline.trim();
    let byline = ["By ", "by ", "BY "].iter().find_map(|p| byline.strip_prefix(p)).unwrap_or(byline);
    byline
        .split([',', '&', ';', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|name| name.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|name| !name.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_bytes_have_identical_ids() {
        assert_eq!(content_id(b"same"), content_id(b"same"));
        assert_ne!(content_id(b"same"), content_id(b"other"));
        assert_eq!(content_id(b"same").len(), 16);
    }

    #[test]
    fn dates_in_iso_forms_only() {
        assert_eq!(iso_date("2026-03-04").as_deref(), Some("2026-03-04"));
        assert_eq!(iso_date("2026-03-04 10:00:00").as_deref(), Some("2026-03-04"));
        assert_eq!(iso_date("2026-03-04T10:00:00+01:00").as_deref(), Some("2026-03-04"));
        assert_eq!(iso_date("March 4, 2026"), None);
        assert_eq!(iso_date("2026-13-04"), None);
        assert_eq!(iso_date("2026-03-045"), None);
    }

    #[test]
    fn shards_split_articles_between_them() {
        let sources: Vec<Source> = (0..200).map(|i| Source::from_text("x", format!("article {i}"))).collect();
        let shards: Vec<Shard> = ["1/3", "2/3", "3/3"].iter().map(|s| s.parse().unwrap()).collect();
        for source in &sources {
            assert_eq!(shards.iter().filter(|s| s.takes(source)).count(), 1);
        }
        assert!(shards.iter().all(|s| sources.iter().filter(|a| s.takes(a)).count() > 40));
        assert!("0/2".parse::<Shard>().is_err() && "3/2".parse::<Shard>().is_err() && "1".parse::<Shard>().is_err());
    }

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(split_byline("By Ana Lopes and Tom  Reed"), ["Ana Lopes", "Tom Reed"]);
        assert_eq!(split_byline("Ana Lopes, Tom Reed"), ["Ana Lopes", "Tom Reed"]);
    }
}
