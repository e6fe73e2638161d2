//! HTML helpers for the pages: escaping and links.
//!
//! Every text that comes from the store (names, headlines, article text, IRIs) goes through
//! [`escape`] before it is part of a page, and every value in a URL through [`url_value`]. This
//! module does not decide what a page shows; `pages` does.

/// `text` with the five characters that matter in HTML text and attribute values escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `value` percent-encoded for a URL query.
pub fn url_value(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// A link to `path?iri=<iri>`, escaped for an attribute.
pub fn link(path: &str, iri: &str) -> String {
    escape(&format!("{path}?iri={}", url_value(iri)))
}

/// A whole page: `title` (escaped here) and `body` (already HTML).
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · hearsay</title><link rel=\"stylesheet\" href=\"/assets/hearsay.css\"><script src=\"/assets/hearsay.js\" defer></script></head>\
         <body><header><a class=\"home\" href=\"/\">hearsay</a> <form action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" placeholder=\"Search people, organizations, places\" aria-label=\"Search\"> <button>Search</button></form>\
         <nav><a href=\"/network\">Citation network</a> <a href=\"/yasgui/\">SPARQL editor</a></nav></header>\n<main>\n{body}\n</main></body></html>\n",
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_cannot_break_out() {
        assert_eq!(escape(r#"<script>alert("x")</script> & 'y'"#), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
        assert_eq!(link("/entity", "http://x/a b&c"), "/entity?iri=http%3A%2F%2Fx%2Fa+b%26c");
        assert!(page("<b>", "").contains("<title>&lt;b&gt; · hearsay</title>"));
    }
}
