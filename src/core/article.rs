//! schema.org JSON-LD -> [`Article`]: finds the first Article-type object (also inside
//! `@graph` and arrays) and reads every field the contract lists, in each of its shapes.

use super::text::{safe_url, split_paragraphs, Block};
use serde_json::{Map, Value};
use std::fmt;

/// The schema.org types the widget renders.
pub const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
];

/// An article ready to render. Every string is plain text; every URL is safe.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub headline: String,
    /// `alternativeHeadline`, else `description`.
    pub standfirst: Option<String>,
    pub authors: Vec<Author>,
    /// ISO 8601 as given; formatted by the browser.
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub image: Option<Image>,
    pub body: Vec<Block>,
    pub section: Option<String>,
    pub publisher: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// `identifier`, used as the default post id.
    pub identifier: Option<String>,
    pub discussion_url: Option<String>,
}

/// A person or organisation credited in the byline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub url: Option<String>,
}

/// The lead image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub url: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub caption: Option<String>,
}

/// Why no article could be read. Messages say what to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleError {
    /// No JSON-LD block at all.
    NoJsonLd,
    /// A block or document is not valid JSON.
    InvalidJson(String),
    /// Valid JSON-LD, but no Article-type object in it.
    NoArticle,
    /// The article has no `headline`.
    MissingHeadline,
    /// `headline` is there but is not text.
    HeadlineNotText,
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleError::NoJsonLd => write!(
                f,
                "no <script type=\"application/ld+json\"> block was found in the page"
            ),
            ArticleError::InvalidJson(detail) => {
                write!(f, "the JSON-LD is not valid JSON ({detail})")
            }
            ArticleError::NoArticle => write!(
                f,
                "the JSON-LD has no object whose @type is one of {}",
                ARTICLE_TYPES.join(", ")
            ),
            ArticleError::MissingHeadline => {
                write!(f, "the article has no \"headline\", which is required")
            }
            ArticleError::HeadlineNotText => {
                write!(f, "the article's \"headline\" is not text")
            }
        }
    }
}

impl std::error::Error for ArticleError {}

/// Reads the first article from several JSON-LD documents (the page's blocks, in order).
/// Blocks that are not valid JSON are skipped when another block holds an article.
pub fn from_documents<'a>(
    documents: impl IntoIterator<Item = &'a str>,
) -> Result<Article, ArticleError> {
    let mut first_error = None;
    let mut seen_any = false;
    for doc in documents {
        seen_any = true;
        match from_document(doc) {
            Ok(article) => return Ok(article),
            Err(err @ (ArticleError::MissingHeadline | ArticleError::HeadlineNotText)) => {
                return Err(err)
            }
            Err(err) => {
                // The first invalid-JSON error wins over "no article": the broken block may
                // well have been the article.
                let keep = matches!(first_error, Some(ArticleError::InvalidJson(_)));
                if !keep && (first_error.is_none() || matches!(err, ArticleError::InvalidJson(_))) {
                    first_error = Some(err);
                }
            }
        }
    }
    if !seen_any {
        return Err(ArticleError::NoJsonLd);
    }
    Err(first_error.unwrap_or(ArticleError::NoArticle))
}

/// Reads the first article from one JSON-LD document.
pub fn from_document(json: &str) -> Result<Article, ArticleError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| ArticleError::InvalidJson(e.to_string()))?;
    let node = find_article(&value).ok_or(ArticleError::NoArticle)?;
    from_node(node, &Graph::of(&value))
}

/// The nodes of one JSON-LD document that carry an `@id`, so that a field holding only a
/// reference (`{"@id": "...#author"}`, as WordPress SEO plugins print) is read through the
/// node it names. An `@id` is an identifier: it is never shown, linked or loaded.
struct Graph<'a> {
    nodes: Vec<(&'a str, &'a Map<String, Value>)>,
}

impl<'a> Graph<'a> {
    /// Every object with an `@id` and something besides a name, anywhere in the document.
    fn of(document: &'a Value) -> Graph<'a> {
        let mut nodes = Vec::new();
        let mut stack = vec![document];
        while let Some(value) = stack.pop() {
            match value {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if let (Some(id), false) =
                        (map.get("@id").and_then(Value::as_str), is_reference(map))
                    {
                        nodes.push((id, map));
                    }
                    stack.extend(map.values().rev());
                }
                _ => {}
            }
        }
        Graph { nodes }
    }

    /// The node a reference points at, or the value itself when it is no reference or the
    /// document has no such node. Arrays are resolved item by item.
    fn resolve(&self, value: &'a Value) -> Resolved<'a> {
        match value {
            Value::Object(map) if is_reference(map) => {
                let id = map.get("@id").and_then(Value::as_str);
                match id.and_then(|id| self.nodes.iter().find(|(n, _)| *n == id)) {
                    Some((_, node)) => Resolved::Node(node),
                    None => Resolved::Value(value),
                }
            }
            _ => Resolved::Value(value),
        }
    }

    /// [`Graph::resolve`], as a value to read fields from.
    fn read(&self, value: &'a Value) -> Value {
        match self.resolve(value) {
            Resolved::Node(node) => Value::Object(node.clone()),
            Resolved::Value(Value::Array(items)) => {
                Value::Array(items.iter().map(|item| self.read(item)).collect())
            }
            Resolved::Value(other) => other.clone(),
        }
    }
}

/// What a reference resolved to.
enum Resolved<'a> {
    Node(&'a Map<String, Value>),
    Value(&'a Value),
}

/// An object that only points at another node: an `@id`, perhaps with a `name`.
fn is_reference(map: &Map<String, Value>) -> bool {
    map.contains_key("@id") && map.keys().all(|k| matches!(k.as_str(), "@id" | "name"))
}

/// Depth-first search for the first Article-type object, through arrays and `@graph`.
fn find_article(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(map) => {
            if is_article_type(map.get("@type")) {
                return Some(value);
            }
            map.get("@graph")
                .or_else(|| map.get("mainEntity"))
                .and_then(find_article)
        }
        _ => None,
    }
}

fn is_article_type(t: Option<&Value>) -> bool {
    let matches = |s: &str| {
        let name = s.rsplit(['/', ':']).next().unwrap_or(s);
        ARTICLE_TYPES.contains(&name)
    };
    match t {
        Some(Value::String(s)) => matches(s),
        Some(Value::Array(items)) => items.iter().any(|v| v.as_str().is_some_and(matches)),
        _ => false,
    }
}

/// Builds an [`Article`] from the Article-type object's fields.
/// Every field may come in several shapes (text, object, array, `{"@id": ...}` reference);
/// one of an unexpected shape reads as absent.
fn from_node(node: &Value, graph: &Graph) -> Result<Article, ArticleError> {
    let headline = match node.get("headline") {
        None | Some(Value::Null) => return Err(ArticleError::MissingHeadline),
        Some(v) => match text_of(v) {
            Some(t) => t,
            None if is_blank(v) => return Err(ArticleError::MissingHeadline),
            None => return Err(ArticleError::HeadlineNotText),
        },
    };
    let field = |key: &str| node.get(key);
    let text = |key: &str| field(key).and_then(text_of);
    let through = |key: &str| field(key).map(|v| graph.read(v));
    // The WebPage the article is part of may hold the only description (Yoast prints it so).
    let page_description = || {
        ["isPartOf", "mainEntityOfPage"]
            .into_iter()
            .filter_map(through)
            .find_map(|page| page.get("description").and_then(text_of))
    };
    Ok(Article {
        headline,
        standfirst: text("alternativeHeadline")
            .or_else(|| text("description"))
            .or_else(page_description),
        authors: through("author")
            .map(|a| authors_of(&a))
            .unwrap_or_default(),
        date_published: text("datePublished"),
        date_modified: text("dateModified"),
        image: through("image").and_then(|i| image_of(&i)),
        body: text("articleBody")
            .map(|b| split_paragraphs(&b))
            .unwrap_or_default(),
        section: text("articleSection"),
        publisher: through("publisher").and_then(|p| name_of(&p)),
        url: field("url").and_then(url_of),
        identifier: field("identifier").and_then(identifier_of),
        discussion_url: field("discussionUrl").and_then(url_of),
    })
}

fn is_blank(v: &Value) -> bool {
    matches!(v, Value::String(s) if s.trim().is_empty())
        || matches!(v, Value::Array(a) if a.is_empty())
}

/// Text of a value: a string, a number, `{"@value": ...}`, or the first text in an array.
/// Blank text is none.
pub fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => items.iter().find_map(text_of),
        Value::Object(map) => map.get("@value").and_then(text_of),
        _ => None,
    }
}

/// The name of a Person/Organization object, or a plain string.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(map) => map.get("name").and_then(text_of),
        Value::Array(items) => items.iter().find_map(name_of),
        other => text_of(other),
    }
}

fn authors_of(v: &Value) -> Vec<Author> {
    match v {
        Value::Array(items) => items.iter().flat_map(authors_of).collect(),
        Value::Object(map) => name_of(v)
            .map(|name| Author {
                name,
                url: map.get("url").and_then(url_of),
            })
            .into_iter()
            .collect(),
        other => text_of(other)
            .map(|name| Author { name, url: None })
            .into_iter()
            .collect(),
    }
}

/// A safe URL from a string, an array (first) or an object's `url`; never from an `@id`,
/// which identifies a node and is not a page to link.
fn url_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => safe_url(s),
        Value::Array(items) => items.iter().find_map(url_of),
        Value::Object(map) => map.get("url").and_then(url_of),
        _ => None,
    }
}

fn identifier_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(map) => map.get("value").and_then(text_of),
        Value::Array(items) => items.iter().find_map(identifier_of),
        other => text_of(other),
    }
}

/// The lead image: a URL, an ImageObject or an array of them (first usable wins).
fn image_of(v: &Value) -> Option<Image> {
    match v {
        Value::String(s) => safe_url(s).map(|url| Image {
            url,
            width: None,
            height: None,
            caption: None,
        }),
        Value::Array(items) => items.iter().find_map(image_of),
        Value::Object(map) => {
            let url = map
                .get("url")
                .or_else(|| map.get("contentUrl"))
                .and_then(url_of)?;
            let (width, height) = match (
                map.get("width").and_then(dimension_of),
                map.get("height").and_then(dimension_of),
            ) {
                (Some(w), Some(h)) => (Some(w), Some(h)),
                _ => (None, None),
            };
            Some(Image {
                url,
                width,
                height,
                caption: map
                    .get("caption")
                    .and_then(text_of)
                    .or_else(|| map.get("name").and_then(text_of)),
            })
        }
        _ => None,
    }
}

/// A pixel dimension: a number, "1200", "1200px", "1200.5", or a QuantitativeValue.
fn dimension_of(v: &Value) -> Option<u32> {
    let n = match v {
        Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite() && *f >= 0.0)
                .map(|f| f.round() as u64)
        })?,
        Value::String(s) => {
            let s = s.trim().trim_end_matches("px").trim();
            let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
            let rounding = u64::from(fraction.starts_with(['5', '6', '7', '8', '9']));
            if !fraction.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            whole.parse::<u64>().ok()? + rounding
        }
        Value::Object(map) => return map.get("value").and_then(dimension_of),
        _ => return None,
    };
    (1..=100_000).contains(&n).then_some(n as u32)
}
