//! Opening inputs as streams: files, gzip (`.gz`, or gzip bytes on standard input) and standard
//! input; a JSON Lines input is read one line at a time, so memory holds one article, not the
//! file.

use super::discover::{Input, discover};
use super::{IngestError, Kind, ReadOptions, Record};
use flate2::read::MultiGzDecoder;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

/// The magic bytes that start a gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The articles under `paths`, lazily, one [`Record`] each: a whole file, or one line of a JSON
/// Lines file. Problems (unreadable files, a line over the size limit, a README skipped) are
/// yielded in place, so a caller can report them and go on.
pub fn records<'a>(paths: &'a [PathBuf], options: &'a ReadOptions) -> Records<'a> {
    Records { inputs: Box::new(discover(paths)), options, lines: None }
}

/// The iterator [`records`] returns.
pub struct Records<'a> {
    inputs: Box<dyn Iterator<Item = Result<Input, IngestError>> + 'a>,
    options: &'a ReadOptions,
    /// The JSON Lines input being read, if any.
    lines: Option<Lines>,
}

impl Iterator for Records<'_> {
    type Item = Result<Record, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next_record(self.options.max_bytes) {
                    // A read error (a truncated gzip stream) ends the input: reading on would
                    // only repeat it.
                    Some(Err(e @ IngestError::Unreadable { .. })) => {
                        self.lines = None;
                        return Some(Err(e));
                    }
                    Some(item) => return Some(item),
                    None => self.lines = None,
                }
            }
            let input = match self.inputs.next()? {
                Ok(input) => input,
                Err(e) => return Some(Err(e)),
            };
            match open(&input, self.options) {
                Ok((Kind::Jsonl, reader)) => self.lines = Some(Lines { path: input.shown(), reader, line: 0 }),
                Ok((kind, reader)) => return Some(read_all(input.shown(), kind, reader, self.options.max_bytes)),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// Reads one input that holds one article (what `ingest::read` uses).
pub(super) fn read_whole(input: &Input, options: &ReadOptions) -> Result<Record, IngestError> {
    let (kind, reader) = open(input, options)?;
    read_all(input.shown(), kind, reader, options.max_bytes)
}

type Reader = Box<dyn BufRead + Send>;

/// Opens an input, decompressing it when it is gzip, and decides its kind.
fn open(input: &Input, options: &ReadOptions) -> Result<(Kind, Reader), IngestError> {
    let shown = input.shown();
    let unreadable = |source| IngestError::Unreadable { path: shown.clone(), source };
    let mut reader: Reader = if input.is_stdin() {
        Box::new(BufReader::new(io::stdin()))
    } else {
        let file = fs::File::open(&input.path).map_err(unreadable)?;
        let size = file.metadata().map_err(unreadable)?.len();
        // A JSON Lines file has a limit per line; an uncompressed article file is measured here.
        let whole = matches!(input.kind.or(options.kind), Some(Kind::Text | Kind::Html));
        if !input.gzip && whole && size > options.max_bytes {
            return Err(IngestError::TooLarge { path: shown, size, limit: options.max_bytes });
        }
        Box::new(BufReader::new(file))
    };
    let gzip = input.gzip || (input.is_stdin() && reader.fill_buf().map_err(unreadable)?.starts_with(&GZIP_MAGIC));
    if gzip {
        reader = Box::new(BufReader::new(MultiGzDecoder::new(reader)));
    }
    let kind = match input.kind.or(options.kind) {
        Some(kind) => kind,
        None => sniff(reader.fill_buf().map_err(unreadable)?),
    };
    Ok((kind, reader))
}

/// The kind of an input whose name says nothing, from its first bytes: `{` is JSON Lines, `<` an
/// HTML page, anything else text.
fn sniff(start: &[u8]) -> Kind {
    let start = start.strip_prefix("\u{feff}".as_bytes()).unwrap_or(start);
    match start.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Kind::Jsonl,
        Some(b'<') => Kind::Html,
        _ => Kind::Text,
    }
}

/// Reads a whole one-article input, up to the size limit.
fn read_all(path: String, kind: Kind, reader: Reader, max_bytes: u64) -> Result<Record, IngestError> {
    let mut bytes = Vec::new();
    if let Err(source) = reader.take(max_bytes + 1).read_to_end(&mut bytes) {
        return Err(IngestError::Unreadable { path, source });
    }
    if bytes.len() as u64 > max_bytes {
        return Err(IngestError::OverLimit { path, limit: max_bytes });
    }
    Ok(Record { path, line: None, kind, bytes })
}

/// A JSON Lines input being read line by line.
struct Lines {
    path: String,
    reader: Reader,
    /// The 1-based number of the last line read.
    line: usize,
}

impl Lines {
    /// The next non-blank line as a record; `None` at the end of the input.
    fn next_record(&mut self, max_bytes: u64) -> Option<Result<Record, IngestError>> {
        loop {
            let mut bytes = Vec::new();
            let read = (&mut self.reader).take(max_bytes + 1).read_until(b'\n', &mut bytes);
            let read = match read {
                Ok(read) => read,
                Err(source) => return Some(Err(IngestError::Unreadable { path: self.path.clone(), source })),
            };
            if read == 0 {
                return None;
            }
            self.line += 1;
            if bytes.len() as u64 > max_bytes {
                // Skip the rest of the long line without holding it.
                if let Err(source) = skip_line(&mut self.reader) {
                    return Some(Err(IngestError::Unreadable { path: self.path.clone(), source }));
                }
                return Some(Err(IngestError::OverLimit { path: format!("{}:{}", self.path, self.line), limit: max_bytes }));
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(Ok(Record { path: self.path.clone(), line: Some(self.line), kind: Kind::Jsonl, bytes }));
        }
    }
}

/// Consumes the reader up to and including the next line break.
fn skip_line(reader: &mut Reader) -> io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buffer.len();
                reader.consume(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_bytes_decide_the_kind() {
        assert_eq!(sniff(b"  {\"title\": 1}"), Kind::Jsonl);
        assert_eq!(sniff(b"\n<!doctype html>"), Kind::Html);
        assert_eq!(sniff(b"Harbour strike"), Kind::Text);
        assert_eq!(sniff(b""), Kind::Text);
    }

    #[test]
    fn long_lines_are_refused_and_the_next_is_read() {
        let reader: Reader = Box::new(io::Cursor::new(b"{\"text\":\"aaaaaaaaaaaaaaaa\"}\n\n{\"text\":\"b\"}\n".to_vec()));
        let mut lines = Lines { path: "x.jsonl".into(), reader, line: 0 };
        let first = lines.next_record(16).unwrap();
        assert!(matches!(first, Err(IngestError::OverLimit { ref path, .. }) if path == "x.jsonl:1"), "{first:?}");
        let second = lines.next_record(16).unwrap().unwrap();
        assert_eq!((second.line, second.bytes.as_slice()), (Some(3), &b"{\"text\":\"b\"}\n"[..]));
        assert!(lines.next_record(16).is_none());
    }
}
