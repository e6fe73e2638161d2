//! Which paths are articles, and of which kind: a lazy walk over the paths a user gave.

use super::{ARTICLE_EXTENSIONS, IngestError, Kind, NOT_ARTICLES};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// One input to read: a file or standard input, and how its bytes are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file; `-` for standard input.
    pub path: PathBuf,
    /// How the bytes are written, from the extension; `None` when it says nothing (then the
    /// first bytes decide).
    pub kind: Option<Kind>,
    /// Whether the file is gzip-compressed (`.gz`); for standard input, the first bytes decide.
    pub gzip: bool,
}

impl Input {
    /// A file, of the kind its extension says unless `kind` says otherwise.
    pub fn file(path: PathBuf, kind: Option<Kind>) -> Self {
        let (by_name, gzip) = kind_of(&path);
        Self { kind: by_name.or(kind), path, gzip }
    }

    /// Whether this is standard input.
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == STDIN
    }

    /// The name shown in messages and kept as the article's source.
    pub fn shown(&self) -> String {
        if self.is_stdin() { "<stdin>".to_string() } else { self.path.display().to_string() }
    }
}

/// Walks `paths` lazily: files are yielded as given, `-` as standard input, directories
/// recursively in byte order of their entries' names, keeping only [`ARTICLE_EXTENSIONS`] (with
/// or without `.gz`) and reporting [`NOT_ARTICLES`] as [`IngestError::NotAnArticle`]. Problems
/// are yielded in place, so a caller can report them and go on.
pub fn discover(paths: &[PathBuf]) -> impl Iterator<Item = Result<Input, IngestError>> + '_ {
    paths.iter().flat_map(|p| Walk::new(p))
}

/// The kind a file's name says (`a.jsonl.gz`: JSON Lines) and whether it is gzip-compressed.
fn kind_of(path: &Path) -> (Option<Kind>, bool) {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    let (name, gzip) = match name.strip_suffix(".gz") {
        Some(inner) => (inner.to_string(), true),
        None => (name, false),
    };
    let kind = match name.rsplit_once('.').map(|(_, e)| e) {
        Some("txt") => Some(Kind::Text),
        Some("html" | "htm" | "xhtml") => Some(Kind::Html),
        Some("jsonl" | "ndjson") => Some(Kind::Jsonl),
        _ => None,
    };
    (kind, gzip)
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
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        name.rsplit_once('.').is_some_and(|(_, e)| ARTICLE_EXTENSIONS.contains(&e))
    }

    fn list(dir: &Path) -> io::Result<Vec<PathBuf>> {
        let mut entries = fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<io::Result<Vec<_>>>()?;
        // Reverse order so that popping from the stack yields names in ascending order.
        entries.sort_by(|a, b| b.as_os_str().cmp(a.as_os_str()));
        Ok(entries)
    }

    /// The first step: the root itself, or the listing of a root directory.
    fn start(&mut self) -> Option<Result<Input, IngestError>> {
        // An unreadable root is reported once, not again as "no articles".
        self.found = true;
        if self.root.as_os_str() == STDIN {
            return Some(Ok(Input { path: self.root.clone(), kind: None, gzip: false }));
        }
        let unreadable = |source| Some(Err(IngestError::Unreadable { path: self.root.display().to_string(), source }));
        let meta = match fs::metadata(&self.root) {
            Ok(meta) => meta,
            Err(source) => return unreadable(source),
        };
        if !meta.is_dir() {
            return Some(Ok(Input::file(self.root.clone(), None)));
        }
        self.found = false;
        match Self::list(&self.root) {
            Ok(entries) => self.stack = entries,
            Err(source) => return unreadable(source),
        }
        None
    }
}

impl Iterator for Walk {
    type Item = Result<Input, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.started {
            self.started = true;
            if let Some(first) = self.start() {
                return Some(first);
            }
        }
        while let Some(path) = self.stack.pop() {
            if path.is_dir() {
                match Self::list(&path) {
                    Ok(entries) => self.stack.extend(entries),
                    Err(source) => return Some(Err(IngestError::Unreadable { path: path.display().to_string(), source })),
                }
            } else if Self::is_article(&path) {
                let name = path.file_name().and_then(|s| s.to_str()).unwrap_or("").to_lowercase();
                if NOT_ARTICLES.contains(&name.split('.').next().unwrap_or("")) {
                    return Some(Err(IngestError::NotAnArticle { path: path.display().to_string() }));
                }
                self.found = true;
                return Some(Ok(Input::file(path, None)));
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
    fn kinds_from_names() {
        assert_eq!(kind_of(Path::new("a/b.JSONL.gz")), (Some(Kind::Jsonl), true));
        assert_eq!(kind_of(Path::new("page.htm")), (Some(Kind::Html), false));
        assert_eq!(kind_of(Path::new("story.txt")), (Some(Kind::Text), false));
        assert_eq!(kind_of(Path::new("dump")), (None, false));
        assert_eq!(kind_of(Path::new("dump.gz")), (None, true));
    }
}
