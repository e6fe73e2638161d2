//! An HTML news page to a [`Source`]: the article body from a readability extractor
//! (`dom_smoothie`, a port of Mozilla's Readability), the metadata from what the page declares
//! for machines before anything else: schema.org JSON-LD (`NewsArticle` and kin), then Open
//! Graph and other meta tags and the canonical link, and only then the extractor's own guesses
//! (the `<title>`, a byline element). Reader comments are taken out of the page before
//! extraction and written after the body under a "Comments" line, one `Name: text` line each,
//! which is how `layout` keeps them apart from the story. Pure: the page is already read.
//!
//! The text the graph stores, and that every span points into, is the extracted text: one
//! paragraph per line, blank lines between them.

use super::text::checked_text;
use super::{IngestError, Source, SourceMeta, content_id, iso_date, split_byline};
use dom_query::{Document, Selection};
use dom_smoothie::{Config, Readability, TextMode};
use serde_json::Value;

/// schema.org types whose JSON-LD describes a news article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
];

/// Elements that hold a page's reader comments.
const COMMENT_SECTIONS: &str = "#comments, .comments, .comment-list, .commentlist, section[data-comments]";

/// One comment inside such a section.
const COMMENT_ITEMS: &str = ".comment, [itemtype$='/Comment'], li";

/// Its author, by the first of these selectors that finds one.
const COMMENT_AUTHORS: &[&str] = &[".comment-author", "[itemprop=author]", ".author", ".fn", "cite"];

/// Its text, by the first of these selectors that finds some.
const COMMENT_TEXTS: &[&str] = &[".comment-content", ".comment-body", ".comment-text", "[itemprop=text]", "p"];

/// Reads a page: its article text and metadata.
pub fn parse(path: String, bytes: Vec<u8>) -> Result<Source, IngestError> {
    let page = checked_text(&path, bytes)?;
    let document = Document::from(page.as_str());
    let declared = declared_meta(&document);
    let comments = reader_comments(&document);
    document.select(COMMENT_SECTIONS).remove();
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let no_article = |reason: String| IngestError::NoArticleInPage { path: path.clone(), reason };
    let mut readability = Readability::with_document(document, None, Some(config)).map_err(|e| no_article(e.to_string()))?;
    let article = readability.parse().map_err(|e| no_article(e.to_string()))?;
    let body = paragraphs(&article.text_content);
    if body.is_empty() {
        return Err(no_article("the extractor found an empty body".to_string()));
    }
    let guessed = SourceMeta {
        title: Some(fold(&article.title)),
        authors: article.byline.as_deref().map(split_byline).unwrap_or_default(),
        publisher: article.site_name.as_deref().map(fold),
        published: article.published_time.as_deref().and_then(iso_date),
        url: article.url.clone(),
    };
    let text = with_comments(body, &comments);
    let mut meta = merge(declared, guessed);
    // A relative link names no article on its own.
    meta.url = meta.url.filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    Ok(Source { path, id: content_id(text.as_bytes()), text, meta })
}

/// What the page declares for machines: JSON-LD first, then meta tags and the canonical link.
fn declared_meta(document: &Document) -> SourceMeta {
    let ld = json_ld(document);
    let tag = |selector: &str| {
        document
            .select(selector)
            .iter()
            .find_map(|s| s.attr("content").or_else(|| s.attr("href")))
            .map(|v| fold(&v))
            .filter(|v| !v.is_empty())
    };
    let authors = tag("meta[name=author], meta[property='article:author'], meta[name='parsely-author']")
        .filter(|a| !a.starts_with("http"))
        .map(|a| split_byline(&a))
        .unwrap_or_default();
    let tags = SourceMeta {
        title: tag("meta[property='og:title'], meta[name='twitter:title']"),
        authors,
        publisher: tag("meta[property='og:site_name'], meta[name='publisher']"),
        published: tag("meta[property='article:published_time'], meta[name=date], meta[itemprop=datePublished]").and_then(|d| iso_date(&d)),
        url: tag("link[rel=canonical]").or_else(|| tag("meta[property='og:url']")),
    };
    merge(ld, tags)
}

/// Each field from `first` where it has one, else from `then`.
fn merge(first: SourceMeta, then: SourceMeta) -> SourceMeta {
    SourceMeta {
        title: first.title.or(then.title).filter(|t| !t.is_empty()),
        authors: if first.authors.is_empty() { then.authors } else { first.authors },
        publisher: first.publisher.or(then.publisher),
        published: first.published.or(then.published),
        url: first.url.or(then.url),
    }
}

/// The metadata of the first schema.org article object in the page's JSON-LD scripts (at the
/// top, in an array, or in an `@graph`).
fn json_ld(document: &Document) -> SourceMeta {
    let scripts = document.select("script[type='application/ld+json']");
    let found =
        scripts.iter().filter_map(|s| serde_json::from_str::<Value>(s.text().trim()).ok()).find_map(|v| article_object(&v).cloned());
    let Some(article) = found else { return SourceMeta::default() };
    let string = |key: &str| article.get(key).and_then(Value::as_str).map(fold).filter(|s| !s.is_empty());
    let url = string("url").or_else(|| {
        let page = article.get("mainEntityOfPage")?;
        page.as_str().or_else(|| page.get("@id").and_then(Value::as_str)).map(fold)
    });
    SourceMeta {
        title: string("headline").or_else(|| string("name")),
        authors: article.get("author").map(names).unwrap_or_default(),
        publisher: article.get("publisher").and_then(|p| names(p).into_iter().next()),
        published: string("datePublished").and_then(|d| iso_date(&d)),
        url,
    }
}

/// The first object of an article type in a JSON-LD value.
fn article_object(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(article_object),
        Value::Object(object) => {
            let typed = match object.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(|t| ARTICLE_TYPES.contains(&t)),
                _ => false,
            };
            if typed { Some(value) } else { object.get("@graph").and_then(article_object) }
        }
        _ => None,
    }
}

/// People or organizations as JSON-LD writes them: a name, an object with a `name`, or a list.
fn names(value: &Value) -> Vec<String> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let name = item.as_str().or_else(|| item.get("name").and_then(Value::as_str)).unwrap_or("");
        for name in split_byline(name) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// Reader comments as (author, text), in page order.
fn reader_comments(document: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for section in document.select(COMMENT_SECTIONS).iter() {
        for item in section.select(COMMENT_ITEMS).iter() {
            if let Some(comment) = comment_of(&item) {
                if !out.contains(&comment) {
                    out.push(comment);
                }
            }
        }
    }
    out
}

/// One comment's author and text, when it has both.
fn comment_of(item: &Selection) -> Option<(String, String)> {
    let first = |selectors: &[&str]| selectors.iter().map(|s| item.select(s)).find(|found| !found.is_empty());
    let author = fold(&first(COMMENT_AUTHORS)?.iter().next()?.text());
    // A commenter's name is a name: `layout` reads "Name: text" lines.
    let author: String = author.chars().filter(|c| c.is_alphanumeric() || " _.-".contains(*c)).collect();
    let author = fold(&author);
    let text = first(COMMENT_TEXTS)?.iter().map(|p| fold(&p.text())).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ");
    (!author.is_empty() && author.split_whitespace().count() <= 3 && !text.is_empty()).then_some((author, text))
}

/// The extracted text as paragraphs, one per line, with blank lines between them.
fn paragraphs(text: &str) -> String {
    text.lines().map(fold).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// The body followed by the comments, as `layout` reads them.
fn with_comments(body: String, comments: &[(String, String)]) -> String {
    let mut text = body;
    text.push('\n');
    if !comments.is_empty() {
        text.push_str("\nComments\n");
        for (author, comment) in comments {
            text.push_str(&format!("\n{author}: {comment}\n"));
        }
    }
    text
}

/// Whitespace folded to single spaces, trimmed.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Ferry fares to rise | The Island Post</title>
<link rel="canonical" href="https://islandpost.example/news/ferry-fares">
<meta property="og:site_name" content="The Island Post">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
 {"@type":"NewsArticle","headline":"Ferry fares to rise in spring","author":[{"@type":"Person","name":"Mira Holt"},{"name":"Owen Park"}],
  "publisher":{"@type":"Organization","name":"The Island Post"},"datePublished":"2026-02-11T08:00:00Z"}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry fares to rise in spring</h1>
<p>Ferry fares between the islands will rise by 8 percent in April, the operator Tidewater Lines said on Tuesday. The company blamed higher fuel costs and the price of new engines.</p>
<p>"Nobody likes a fare rise, but the boats must run," said Tidewater's chief executive, Lena Marsh. She said the company had held fares for three years and that the rise would pay for two new vessels.</p>
<p>Residents' groups said the increase would hurt islanders who commute to the mainland every day, and the council said it would ask the operator to keep a discount for season tickets.</p>
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Harbour dredging delayed</a></li><li><a href="/b">New ferry named</a></li></ul></aside>
<section id="comments"><h2>Comments</h2>
<div class="comment"><span class="comment-author">Pat K</span><div class="comment-content"><p>Eight percent is too much for commuters.</p></div></div>
</section></body></html>"#;

    #[test]
    fn body_and_declared_metadata() {
        let s = parse("p.html".into(), PAGE.as_bytes().to_vec()).unwrap();
        // The extractor keeps the headline when it heads the body; layout finds it there.
        assert!(s.text.starts_with("Ferry fares to rise in spring\n\nFerry fares between the islands"), "{}", s.text);
        assert!(s.text.contains("\n\n\"Nobody likes a fare rise"), "{}", s.text);
        assert!(!s.text.contains("Related stories") && !s.text.contains("Harbour dredging"), "{}", s.text);
        assert!(s.text.ends_with("\n\nComments\n\nPat K: Eight percent is too much for commuters.\n"), "{}", s.text);
        assert_eq!(s.meta.title.as_deref(), Some("Ferry fares to rise in spring"));
        assert_eq!(s.meta.authors, ["Mira Holt", "Owen Park"]);
        assert_eq!(s.meta.publisher.as_deref(), Some("The Island Post"));
        assert_eq!(s.meta.published.as_deref(), Some("2026-02-11"));
        assert_eq!(s.meta.url.as_deref(), Some("https://islandpost.example/news/ferry-fares"));
    }

    #[test]
    fn meta_tags_when_there_is_no_json_ld() {
        let page = PAGE.replace("application/ld+json", "text/plain").replace(
            "<link rel",
            r#"<meta property="og:title" content="Fares up"><meta name="author" content="By Mira Holt"><meta property="article:published_time" content="2026-02-10"><link rel"#,
        );
        let s = parse("p.html".into(), page.into_bytes()).unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("Fares up"));
        assert_eq!(s.meta.authors, ["Mira Holt"]);
        assert_eq!(s.meta.published.as_deref(), Some("2026-02-10"));
    }
}
