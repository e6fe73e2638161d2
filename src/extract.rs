//! The pure pipeline end to end, and the JSON contract that evaluation reads.
//!
//! [`Pipeline::run`] takes one decoded [`Source`] through layout, segmentation, recognition,
//! attribution and resolution and returns a [`Document`]. It holds only read-only data (the
//! lexicon and the IRI minter), so one pipeline serves every worker thread. [`Pipeline::json`]
//! writes a document in the extraction contract: offsets in Unicode code points, end exclusive,
//! one object per article. This module does no I/O.

use crate::attribute::attribute;
use crate::coref;
use crate::ingest::Source;
use crate::layout::analyze;
use crate::lexicon::Lexicon;
use crate::rdf::{Iris, format_number};
use crate::recognize::recognize;
use crate::resolve::{Document, Entity, resolve};
use crate::segment::segment;
use crate::syntax::{Models, Parses};
use crate::text::CharIndex;
use serde_json::{Value, json};

/// Everything extraction needs, built once per run.
#[derive(Debug)]
pub struct Pipeline {
    lexicon: Lexicon,
    iris: Iris,
}

impl Pipeline {
    /// A pipeline minting IRIs with `iris`.
    pub fn new(iris: Iris) -> Self {
        // The learned models load (once per process) while the lexicon is read, each on a thread
        // of its own where there are threads: each takes a few hundredths of a second, and the
        // first articles would wait for them one after the other.
        let (lexicon, _) = rayon::join(Lexicon::embedded, || {
            rayon::join(Models::embedded, || (crate::recognize::model::embedded().ok(), coref::embedded()))
        });
        Self { lexicon, iris }
    }

    /// The IRI minter.
    pub fn iris(&self) -> &Iris {
        &self.iris
    }

    /// Runs every pure stage on one article.
    pub fn run(&self, source: Source) -> Document {
        let article = analyze(source);
        let segmented = segment(&article);
        let (recognized, mut diagnostics) = recognize(&segmented, &self.lexicon);
        let syntax = Parses::new(&segmented, Models::embedded()).with_names(recognized.name_tokens());
        let (attributed, more) = attribute(&recognized, &syntax, &self.lexicon);
        diagnostics.extend(more);
        let mut doc = resolve(&attributed, &self.lexicon, diagnostics);
        if let Some(model) = coref::embedded() {
            coref::apply(&segmented, &self.lexicon, model, &mut doc);
        }
        doc
    }

    /// One entity in the extraction JSON contract: its names, mentions, references and place.
    fn entity_json(&self, e: &Entity, chars: &CharIndex) -> Value {
        let mut v = json!({
            "id": self.iris.entity(&e.key).as_str(),
            "type": e.kind.as_str(),
            "name": e.name,
            "aliases": e.aliases,
            "mentions": e.mentions.iter().map(|&s| chars.chars(s)).collect::<Vec<_>>(),
            "evidence": e.evidence,
            "references": e.references.keys().map(|&s| chars.chars(s)).collect::<Vec<_>>(),
            "reference_rules": e.references.values().collect::<Vec<_>>(),
        });
        if !e.roles.is_empty() {
            v["roles"] = json!(e.roles);
        }
        if !e.honorifics.is_empty() {
            v["honorifics"] = json!(e.honorifics);
        }
        if let Some(place) = &e.place {
            v["geonames"] = json!(place.geonames);
            if let Some((lat, lon)) = place.coordinates {
                v["coordinates"] = json!([lat, lon]);
            }
        }
        v
    }

    /// The document in the extraction JSON contract.
    pub fn json(&self, doc: &Document) -> Value {
        let text = doc.article.text();
        let chars = CharIndex::new(text);
        let id = &doc.article.source.id;
        let iris = &self.iris;
        let meta = &doc.article.meta;
        let entity_iri = |i: usize| iris.entity(&doc.entities[i].key).as_str().to_string();
        let claim_iris = iris.claims(id, doc.claims.iter().map(|c| chars.chars(c.content)));
        let claim_iri = |i: usize| claim_iris[i].as_str().to_string();
        let entities: Vec<Value> = doc.entities.iter().map(|e| self.entity_json(e, &chars)).collect();
        let claims: Vec<Value> = doc
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                json!({
                    "id": claim_iri(i),
                    "text": c.content.of(text),
                    "span": chars.chars(c.content),
                    "cue": c.cue.as_ref().map(|cue| cue.span.of(text)),
                    "cue_span": c.cue.as_ref().map(|cue| chars.chars(cue.span)),
                    "cue_lemma": c.cue.as_ref().map(|cue| cue.lemma.as_str()),
                    "stance": c.cue.as_ref().map(|cue| cue.class.as_str()),
                    "source": c.source.map(entity_iri),
                    "source_text": c.source_span.map(|s| s.of(text)),
                    "source_span": c.source_span.map(|s| chars.chars(s)),
                    "reported_by": c.reported_by.map(entity_iri),
                    "parent": c.parent.map(claim_iri),
                    "direct": c.direct,
                    "negated": c.negated,
                    "comment": c.comment,
                    "dates": c.dates.iter().map(|d| json!({"value": d.value, "text": d.span.of(text), "span": chars.chars(d.span)})).collect::<Vec<_>>(),
                    "quantities": c.quantities.iter().map(|q| json!({
                        "value": serde_json::from_str::<Value>(&format_number(q.value)).unwrap_or(Value::Null),
                        "unit": q.unit,
                        "qualifier": q.qualifier,
                        "counts": q.counted,
                        "span": chars.chars(q.span),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let relations: Vec<Value> = doc
            .relations
            .iter()
            .map(|r| {
                json!({
                    "subject": entity_iri(r.subject),
                    "predicate": r.predicate.as_str(),
                    "object": entity_iri(r.object),
                    "role": r.role,
                    "span": chars.chars(r.span),
                })
            })
            .collect();
        let diagnostics: Vec<Value> =
            doc.diagnostics.iter().map(|d| json!({"span": d.span.map(|s| chars.chars(s)), "message": d.message})).collect();
        json!({
            "document": {
                "id": iris.article(id).as_str(),
                "path": doc.article.source.path,
                "title": meta.title.as_ref().map(|f| &f.value),
                "authors": meta.authors.iter().map(|f| &f.value).collect::<Vec<_>>(),
                "editors": meta.editors.iter().map(|f| &f.value).collect::<Vec<_>>(),
                "publisher": meta.publisher.as_ref().map(|f| &f.value),
                "published": meta.published.as_ref().map(|f| &f.value),
                "url": doc.article.source.meta.url,
                "body_span": chars.chars(doc.article.regions.body),
            },
            "entities": entities,
            "claims": claims,
            "relations": relations,
            "unresolved": doc.unresolved.iter().map(|&s| json!({"text": s.of(text), "span": chars.chars(s)})).collect::<Vec<_>>(),
            "diagnostics": diagnostics,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new(Iris::default()));

    /// Pieces of news text: names, cues, quotation marks of every style, multi-byte letters,
    /// right-to-left script, combining marks, digits, punctuation and line breaks.
    const PIECES: &[&str] = &[
        "The",
        "minister",
        "said",
        "says",
        "that",
        "according to",
        "told",
        "reporters",
        "Maria Okonkwo",
        "Zoë Ługowska",
        "Office for National Statistics",
        "BBC",
        "police",
        "he",
        "she",
        "they",
        "prices",
        "rose",
        "by",
        "5",
        "percent",
        "£3.5m",
        "on Monday",
        "in Gdańsk",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        ",",
        ".",
        ":",
        ";",
        "—",
        "(",
        ")",
        "?",
        "\n",
        "\n\n",
        "Mr.",
        "Dr",
        "مرحبا",
        "שלום",
        "e\u{301}",
        "日本語",
        "🙂",
        "\u{200f}",
        "\t",
        "Comments",
        "By",
    ];

    /// Text made of news pieces joined by spaces or nothing, or any printable string.
    fn article() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(PIECES);
        let glue = prop::sample::select(&[" ", " ", " ", ""][..]);
        let news = prop::collection::vec((piece, glue), 0..80).prop_map(|parts| parts.into_iter().flat_map(|(p, g)| [p, g]).collect());
        prop_oneof![4 => news, 1 => "\\PC{0,200}"]
    }

    /// A span of the document's text, checked: inside the text and on character boundaries.
    fn checked<'t>(text: &'t str, span: Span, what: &str) -> Result<&'t str, TestCaseError> {
        prop_assert!(span.start <= span.end && span.end <= text.len(), "{what} {span:?} outside the text ({} bytes)", text.len());
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{what} {span:?} splits a character");
        Ok(span.of(text))
    }

    /// Every span of the document lies in its text on character boundaries.
    fn spans_are_sound(doc: &Document) -> Result<(), TestCaseError> {
        let text = doc.article.text();
        for entity in &doc.entities {
            for &span in entity.mentions.iter().chain(entity.references.keys()) {
                checked(text, span, "mention")?;
            }
        }
        for &span in &doc.unresolved {
            checked(text, span, "unresolved mention")?;
        }
        for claim in &doc.claims {
            checked(text, claim.content, "content")?;
            if let Some(cue) = &claim.cue {
                checked(text, cue.span, "cue")?;
            }
            if let Some(span) = claim.source_span {
                checked(text, span, "source")?;
            }
            for span in claim.dates.iter().map(|d| d.span).chain(claim.quantities.iter().map(|q| q.span)) {
                checked(text, span, "date or quantity")?;
            }
        }
        for relation in &doc.relations {
            checked(text, relation.span, "relation")?;
        }
        for span in doc.diagnostics.iter().filter_map(|d| d.span) {
            checked(text, span, "diagnostic")?;
        }
        let regions = &doc.article.regions;
        for span in [regions.header, regions.body, regions.trailer] {
            checked(text, span, "region")?;
        }
        Ok(())
    }

    /// The characters at a JSON `[start, end]` in code points.
    fn at(text: &str, span: &Value) -> String {
        let (start, end) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
        text.chars().skip(start).take(end - start).collect()
    }

    /// The JSON contract's code-point spans select the very text it prints beside them.
    fn json_agrees(text: &str, json: &Value) -> Result<(), TestCaseError> {
        let chars = text.chars().count() as u64;
        for claim in json["claims"].as_array().unwrap() {
            prop_assert_eq!(at(text, &claim["span"]), claim["text"].as_str().unwrap());
            if !claim["cue_span"].is_null() {
                prop_assert_eq!(at(text, &claim["cue_span"]), claim["cue"].as_str().unwrap());
            }
            if !claim["source_span"].is_null() {
                prop_assert_eq!(at(text, &claim["source_span"]), claim["source_text"].as_str().unwrap());
            }
            for date in claim["dates"].as_array().unwrap() {
                prop_assert_eq!(at(text, &date["span"]), date["text"].as_str().unwrap());
            }
        }
        for entity in json["entities"].as_array().unwrap() {
            for span in entity["mentions"].as_array().unwrap() {
                prop_assert!(span[0].as_u64() <= span[1].as_u64() && span[1].as_u64().unwrap() <= chars, "{span} past {chars}");
            }
        }
        Ok(())
    }

    /// Inputs the property tests and the fuzzer found that once made the pipeline panic.
    #[test]
    fn regression_issue_17_inputs_found_by_property_tests_and_fuzzing() {
        for text in ["0𝒥", "1𝒦ஂᝥ𐓥.𑊍:𐍲H", ", police , said The "] {
            let doc = PIPELINE.run(Source::from_text("found.txt", text));
            spans_are_sound(&doc).unwrap();
            json_agrees(doc.article.text(), &PIPELINE.json(&doc)).unwrap();
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

        #[test]
        fn spans_lie_in_the_text_and_say_what_the_output_says(text in article()) {
            let doc = PIPELINE.run(Source::from_text("prop.txt", text.clone()));
            spans_are_sound(&doc)?;
            let json = PIPELINE.json(&doc);
            json_agrees(doc.article.text(), &json)?;
            // Deterministic: a second run gives the same bytes.
            let again = PIPELINE.json(&PIPELINE.run(Source::from_text("prop.txt", text)));
            prop_assert_eq!(json.to_string(), again.to_string());
        }
    }
}
