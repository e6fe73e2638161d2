//! Reading articles from the file system: the pipeline's input edge.
//!
//! [`discover`] walks the paths a user gave, lazily and in a stable order, and [`read`] turns one
//! file into a [`Source`]: decoded text plus the content id that makes two copies of one article
//! the same article. Everything that can go wrong with an input file is an [`IngestError`] that
//! names the path (and, for bad UTF-8, the line, column and byte offset). This module does not
//! interpret the text; `layout` and the stages after it do.

use sha2::{Digest, Sha256};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// File extensions that a directory walk treats as articles (in any case: `.txt`, `.TXT`).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt"];

/// Names (before the extension, in any case) of files that a directory walk skips with a note:
/// a corpus's documentation, not its articles.
pub const NOT_ARTICLES: &[&str] = &["readme", "license", "licence", "copying", "notice", "changelog", "authors"];

/// Files larger than this are refused unless the caller raises the limit.
pub const DEFAULT_MAX_BYTES: u64 = 8 * 1024 * 1024;

/// One input file, decoded.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (or as found under a directory they gave).
    pub path: String,
    /// Stable content id: the first 16 hex digits of the SHA-256 of the file's bytes.
    pub id: String,
    /// The decoded text; every span in later stages points into it.
    pub text: String,
}

impl Source {
    /// A source from text already in memory (tests, examples, other front ends).
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Self { path: path.into(), id: content_id(text.as_bytes()), text }
    }
}

/// What can go wrong with one input path.
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
    #[error("{path}: no articles (files ending in .{}) under this directory", ARTICLE_EXTENSIONS.join(", ."))]
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
    #[error("{path}: binary file (NUL byte at byte offset {offset})")]
    Binary {
        /// The offending path.
        path: String,
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
}

/// Walks `paths` lazily: files are yielded as given, directories recursively in byte order of
/// their entries' names, keeping only [`ARTICLE_EXTENSIONS`] and reporting [`NOT_ARTICLES`] as
/// [`IngestError::NotAnArticle`]. Problems are yielded in place, so a
/// caller can report them and go on.
pub fn discover(paths: &[PathBuf]) -> impl Iterator<Item = Result<PathBuf, IngestError>> + '_ {
    paths.iter().flat_map(|p| Walk::new(p))
}

/// Reads and checks one file.
pub fn read(path: &Path, max_bytes: u64) -> Result<Source, IngestError> {
    let shown = path.display().to_string();
    let unreadable = |source| IngestError::Unreadable { path: shown.clone(), source };
    let file = fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > max_bytes {
        return Err(IngestError::TooLarge { path: shown, size, limit: max_bytes });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(max_bytes + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    decode(shown, bytes)
}

/// Checks raw bytes and turns them into a [`Source`].
pub fn decode(path: String, bytes: Vec<u8>) -> Result<Source, IngestError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary { path, offset });
    }
    let id = content_id(&bytes);
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let before = &e.as_bytes()[..offset];
            // `before` is valid UTF-8 by construction.
            let before = std::str::from_utf8(before).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err(IngestError::InvalidUtf8 { path, line, column, offset });
        }
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty { path });
    }
    // A byte order mark is not part of the article; offsets count from the text after it.
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(Source { path, id, text })
}

/// The content id of an article's bytes.
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// A depth-first walk over one user-given path.
struct Walk {
    root: PathBuf,
    stack: Vec<PathBuf>,
    started: bool,
    found: bool,
}

impl Walk {
    fn new(root: &Path) -> Self {
        Self { root: root.to_path_buf(), stack: Vec::new(), started: false, found: false }
    }

    fn is_article(path: &Path) -> bool {
        path.extension().and_then(|e| e.to_str()).is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
    }

    fn list(dir: &Path) -> io::Result<Vec<PathBuf>> {
        let mut entries = fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<io::Result<Vec<_>>>()?;
        // Reverse order so that popping from the stack yields names in ascending order.
        entries.sort_by(|a, b| b.as_os_str().cmp(a.as_os_str()));
        Ok(entries)
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.started {
            self.started = true;
            // An unreadable root is reported once, not again as "no articles".
            self.found = true;
            let meta = match fs::metadata(&self.root) {
                Ok(meta) => meta,
                Err(source) => {
                    return Some(Err(IngestError::Unreadable { path: self.root.display().to_string(), source }));
                }
            };
            if !meta.is_dir() {
                return Some(Ok(self.root.clone()));
            }
            self.found = false;
            match Self::list(&self.root) {
                Ok(entries) => self.stack = entries,
                Err(source) => {
                    return Some(Err(IngestError::Unreadable { path: self.root.display().to_string(), source }));
                }
            }
        }
        while let Some(path) = self.stack.pop() {
            if path.is_dir() {
                match Self::list(&path) {
                    Ok(entries) => self.stack.extend(entries),
                    Err(source) => return Some(Err(IngestError::Unreadable { path: path.display().to_string(), source })),
                }
            } else if Self::is_article(&path) {
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_lowercase();
                if NOT_ARTICLES.contains(&stem.as_str()) {
                    return Some(Err(IngestError::NotAnArticle { path: path.display().to_string() }));
                }
                self.found = true;
                return Some(Ok(path));
            }
        }
        if !self.found {
            self.found = true;
            return Some(Err(IngestError::NoArticles { path: self.root.display().to_string() }));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_column_and_offset() {
        let err = decode("a.txt".into(), b"ok\nab\xffc".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "a.txt:2:3: invalid UTF-8 at byte offset 5");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(decode("b".into(), b"x\0y".to_vec()), Err(IngestError::Binary { offset: 1, .. })));
        assert!(matches!(decode("e".into(), b" \n ".to_vec()), Err(IngestError::Empty { .. })));
    }

    #[test]
    fn identical_bytes_have_identical_ids() {
        assert_eq!(content_id(b"same"), content_id(b"same"));
        assert_ne!(content_id(b"same"), content_id(b"other"));
        assert_eq!(content_id(b"same").len(), 16);
    }
}
