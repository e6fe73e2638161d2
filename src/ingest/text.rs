//! Bytes to checked text: no NUL bytes, valid UTF-8 (or an error with line, column and byte
//! offset), not blank, without a byte order mark. Pure: the bytes are already read.

use super::{IngestError, Source, SourceMeta, content_id};

/// Checks raw bytes of a plain text article and turns them into a [`Source`] whose id is the
/// content id of the bytes.
pub fn decode(path: String, bytes: Vec<u8>) -> Result<Source, IngestError> {
    let id = content_id(&bytes);
    let text = checked_text(&path, bytes)?;
    Ok(Source { path, id, text, meta: SourceMeta::default() })
}

/// The bytes as text, checked, without a byte order mark.
pub(super) fn checked_text(path: &str, bytes: Vec<u8>) -> Result<String, IngestError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = line_column(&bytes[..offset]);
        return Err(IngestError::Binary { path: path.to_string(), line, column, offset });
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let (line, column) = line_column(&e.as_bytes()[..offset]);
            return Err(IngestError::InvalidUtf8 { path: path.to_string(), line, column, offset });
        }
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty { path: path.to_string() });
    }
    // A byte order mark is not part of the article; offsets count from the text after it.
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// The 1-based line and column (in characters) just after `before`; bytes that are not UTF-8
/// count one character each.
fn line_column(before: &[u8]) -> (usize, usize) {
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    (line, String::from_utf8_lossy(&before[line_start..]).chars().count() + 1)
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
        let err = decode("n.txt".into(), "one\ntwo é\0".as_bytes().to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "n.txt:2:6: binary file (NUL byte at byte offset 10)");
        assert!(matches!(decode("e".into(), b" \n ".to_vec()), Err(IngestError::Empty { .. })));
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        assert_eq!(decode("m".into(), "\u{feff}Text".as_bytes().to_vec()).unwrap().text, "Text");
    }
}
