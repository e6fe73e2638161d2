//! One line of a crawler's JSON Lines output to a [`Source`]: the article text from a text
//! field, the metadata from the others. [`FieldMap`] says which JSON fields hold what; its
//! defaults are the names news-please and similar crawlers write. Pure: the line is already read.

use super::{IngestError, Source, SourceMeta, content_id, iso_date, split_byline};
use serde_json::{Map, Value};
use thiserror::Error;

/// Which JSON fields hold an article's parts: for each part, the field names tried in order (a
/// name with dots, `meta.title`, also reaches into nested objects).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    /// The article text (what the graph stores and spans point into).
    pub text: Vec<String>,
    /// The headline.
    pub title: Vec<String>,
    /// The authors: a string ("By A and B") or a list of names (or of objects with a `name`).
    pub authors: Vec<String>,
    /// The publication date (ISO 8601).
    pub date: Vec<String>,
    /// The publisher's name or domain.
    pub publisher: Vec<String>,
    /// The article's URL.
    pub url: Vec<String>,
}

impl Default for FieldMap {
    /// news-please's names first (`maintext`, `title`, `authors`, `date_publish`,
    /// `source_domain`, `url`), then common alternatives.
    fn default() -> Self {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        Self {
            text: names(&["maintext", "text", "body", "content", "article"]),
            title: names(&["title", "headline"]),
            authors: names(&["authors", "author", "byline"]),
            date: names(&["date_publish", "date_published", "datePublished", "published", "date"]),
            publisher: names(&["source_domain", "publisher", "site_name", "source"]),
            url: names(&["url", "canonical_url", "link"]),
        }
    }
}

/// A `--map` entry that is not `PART=FIELD` with a known part.
#[derive(Debug, Error)]
#[error("{entry:?} is not PART=FIELD with PART one of text, title, authors, date, publisher, url")]
pub struct FieldMapError {
    entry: String,
}

impl FieldMap {
    /// The map with the entries of `spec` (`text=body,title=headline`): each names the one field
    /// that holds a part, instead of the defaults.
    pub fn with_spec(mut self, spec: &str) -> Result<Self, FieldMapError> {
        for entry in spec.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let bad = || FieldMapError { entry: entry.to_string() };
            let (part, field) = entry.split_once('=').ok_or_else(bad)?;
            let (part, field) = (part.trim(), field.trim());
            let slot = match part {
                "text" | "maintext" => &mut self.text,
                "title" => &mut self.title,
                "authors" | "author" => &mut self.authors,
                "date" | "date_publish" | "published" => &mut self.date,
                "publisher" | "source_domain" => &mut self.publisher,
                "url" => &mut self.url,
                _ => return Err(bad()),
            };
            if field.is_empty() {
                return Err(bad());
            }
            *slot = vec![field.to_string()];
        }
        Ok(self)
    }
}

/// Reads line `line` of `path`: a JSON object with the article's text and metadata.
pub fn parse(path: &str, line: usize, bytes: &[u8], fields: &FieldMap) -> Result<Source, IngestError> {
    let bad = |column: usize, message: String| IngestError::BadJson { path: path.to_string(), line, column, message };
    let object = match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(object)) => object,
        Ok(other) => return Err(bad(1, format!("found {} instead", kind_of(&other)))),
        Err(e) => return Err(bad(e.column().max(1), reason(&e))),
    };
    let text = first(&object, &fields.text).and_then(Value::as_str).filter(|t| !t.trim().is_empty());
    let Some(text) = text else {
        return Err(IngestError::NoText { path: path.to_string(), line, fields: fields.text.join(", ") });
    };
    let string = |names: &[String]| first(&object, names).and_then(Value::as_str).map(fold).filter(|s| !s.is_empty());
    let meta = SourceMeta {
        title: string(&fields.title),
        authors: first(&object, &fields.authors).map(authors).unwrap_or_default(),
        publisher: string(&fields.publisher),
        published: string(&fields.date).and_then(|d| iso_date(&d)),
        url: string(&fields.url),
    };
    Ok(Source { path: format!("{path}:{line}"), id: content_id(text.as_bytes()), text: text.to_string(), meta })
}

/// The value of the first of `names` that the object has (and is not null).
fn first<'a>(object: &'a Map<String, Value>, names: &[String]) -> Option<&'a Value> {
    names.iter().find_map(|name| {
        let value = object.get(name).or_else(|| {
            let (head, rest) = name.split_once('.')?;
            object.get(head)?.pointer(&format!("/{}", rest.replace('.', "/")))
        })?;
        (!value.is_null()).then_some(value)
    })
}

/// Authors from a byline string, a list of names, or a list of objects with a `name`.
fn authors(value: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let items = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    for item in items {
        let name = match item {
            Value::String(s) => s.as_str(),
            Value::Object(o) => o.get("name").and_then(Value::as_str).unwrap_or(""),
            _ => "",
        };
        for name in split_byline(name) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// Whitespace folded to single spaces, trimmed.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// serde_json's message without its own "at line 1 column N" (the caller gives the position).
fn reason(e: &serde_json::Error) -> String {
    let message = e.to_string();
    message.rsplit_once(" at line ").map_or(message.clone(), |(m, _)| m.to_string())
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Array(_) => "an array",
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null => "null",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str) -> Result<Source, IngestError> {
        parse("in.jsonl", 3, line.as_bytes(), &FieldMap::default())
    }

    #[test]
    fn news_please_fields() {
        let s = check(
            r#"{"title":"Port  strike ends","maintext":"Dockers said “yes”.","authors":["Ana Lopes","Tom Reed"],"date_publish":"2026-03-04 09:30:00","url":"https://news.example/a","source_domain":"news.example"}"#,
        )
        .unwrap();
        assert_eq!(s.text, "Dockers said “yes”.");
        assert_eq!(s.path, "in.jsonl:3");
        assert_eq!(s.meta.title.as_deref(), Some("Port strike ends"));
        assert_eq!(s.meta.authors, ["Ana Lopes", "Tom Reed"]);
        assert_eq!(s.meta.published.as_deref(), Some("2026-03-04"));
        assert_eq!(s.meta.publisher.as_deref(), Some("news.example"));
        assert_eq!(s.meta.url.as_deref(), Some("https://news.example/a"));
    }

    #[test]
    fn bad_lines_say_where() {
        let err = check(r#"{"title": "x", "text" "y"}"#).unwrap_err();
        assert_eq!(err.to_string(), "in.jsonl:3:23: not a JSON object: expected `:`");
        let err = check("[1, 2]").unwrap_err();
        assert_eq!(err.to_string(), "in.jsonl:3:1: not a JSON object: found an array instead");
        let err = check(r#"{"title": "x", "maintext": ""}"#).unwrap_err();
        assert!(err.to_string().starts_with("in.jsonl:3: no article text (none of the fields maintext, text"), "{err}");
    }

    #[test]
    fn map_names_other_fields() {
        let map = FieldMap::default().with_spec("text=story.body, title=headline,authors=byline").unwrap();
        let line = r#"{"headline":"A","story":{"body":"Text here."},"byline":"By Ana Lopes and Tom Reed","title":"B"}"#;
        let s = parse("x", 1, line.as_bytes(), &map).unwrap();
        assert_eq!((s.text.as_str(), s.meta.title.as_deref()), ("Text here.", Some("A")));
        assert_eq!(s.meta.authors, ["Ana Lopes", "Tom Reed"]);
        assert!(FieldMap::default().with_spec("body").is_err());
        assert!(FieldMap::default().with_spec("color=red").is_err());
    }
}
