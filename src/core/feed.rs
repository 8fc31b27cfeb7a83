//! Related stories: JSON Feed 1.1 and schema.org ItemList parsed here; RSS and Atom parsed
//! by the browser's DOMParser into [`RawItem`]s; then one selection step for all four
//! (titles required, safe URLs resolved against the feed, the current article skipped,
//! feed order kept, at most the limit).

use super::article::text_of;
use super::text::{html_to_text, safe_url};
use super::url::{resolve, same_page_key};
use serde_json::Value;
use std::fmt;

/// One entry as a feed gives it, before any filtering.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawItem {
    pub title: Option<String>,
    /// The title is HTML (Atom `type="html"`): shown with tags stripped and entities
    /// decoded.
    pub title_is_html: bool,
    pub url: Option<String>,
    pub summary: Option<String>,
    /// The summary is HTML (RSS `description`, Atom `type="html"`).
    pub summary_is_html: bool,
    pub date: Option<String>,
    pub image: Option<String>,
}

/// A related story ready to render: plain text and absolute, safe URLs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Story {
    pub title: String,
    pub url: String,
    pub summary: Option<String>,
    pub date: Option<String>,
    pub image: Option<String>,
}

/// Why a feed gave nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    Empty,
    InvalidJson(String),
    InvalidXml(String),
    /// Well-formed, but not JSON Feed, RSS, Atom or ItemList.
    UnknownFormat,
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::Empty => write!(f, "the feed is empty"),
            FeedError::InvalidJson(d) => write!(f, "the feed is not valid JSON ({d})"),
            FeedError::InvalidXml(d) => write!(f, "the feed is not well-formed XML ({d})"),
            FeedError::UnknownFormat => write!(
                f,
                "the feed is not a JSON Feed, RSS 2.0 or Atom feed, or a schema.org ItemList"
            ),
        }
    }
}

/// How the feed is written, judged by its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Xml,
}

/// JSON or XML, from the first non-blank character (a byte-order mark is skipped).
pub fn detect(text: &str) -> Result<Syntax, FeedError> {
    match text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next()
    {
        None => Err(FeedError::Empty),
        Some('{' | '[') => Ok(Syntax::Json),
        Some('<') => Ok(Syntax::Xml),
        Some(_) => Err(FeedError::UnknownFormat),
    }
}

/// Parses a JSON Feed or an ItemList (also inside `@graph` or an array).
pub fn parse_json(text: &str) -> Result<Vec<RawItem>, FeedError> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| FeedError::InvalidJson(e.to_string()))?;
    if let Some(items) = value.get("items").and_then(Value::as_array) {
        return Ok(items.iter().map(json_feed_item).collect());
    }
    find_item_list(&value)
        .map(|list| list.iter().filter_map(list_element).collect())
        .ok_or(FeedError::UnknownFormat)
}

/// One item of a JSON Feed 1.1, read leniently from the parsed value: text fields may come
/// in other shapes in the wild (an array, an object with `@value`); URLs must be strings (a
/// number would become a relative link).
fn json_feed_item(item: &Value) -> RawItem {
    let text = |key: &str| item.get(key).and_then(text_of);
    let link = |key: &str| item.get(key).and_then(Value::as_str);
    let (summary, is_html) = match text("summary").or_else(|| text("content_text")) {
        Some(s) => (Some(s), false),
        None => (text("content_html"), true),
    };
    RawItem {
        title: text("title"),
        title_is_html: false,
        url: link("url")
            .or_else(|| link("external_url"))
            .map(|u| u.trim().to_owned()),
        summary,
        summary_is_html: is_html,
        date: text("date_published").or_else(|| text("date_modified")),
        image: text("image").or_else(|| text("banner_image")),
    }
}

fn find_item_list(value: &Value) -> Option<&Vec<Value>> {
    match value {
        Value::Array(items) => items.iter().find_map(find_item_list),
        Value::Object(map) => {
            let is_list = match map.get("@type") {
                Some(Value::String(t)) => t.ends_with("ItemList"),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| t.ends_with("ItemList"))),
                _ => false,
            };
            if is_list {
                if let Some(list) = map.get("itemListElement").and_then(Value::as_array) {
                    return Some(list);
                }
            }
            map.get("@graph").and_then(find_item_list)
        }
        _ => None,
    }
}

/// A URL from a string or an object's `url`/`@id`.
fn link_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Object(map) => map.get("url").or_else(|| map.get("@id")).and_then(link_of),
        Value::Array(items) => items.iter().find_map(link_of),
        _ => None,
    }
}

/// One `itemListElement`: a URL, a ListItem (with `url`, `name` and/or `item`), or a
/// creative work directly.
fn list_element(element: &Value) -> Option<RawItem> {
    if let Value::String(url) = element {
        return Some(RawItem {
            url: Some(url.trim().to_owned()),
            ..RawItem::default()
        });
    }
    let item = element.get("item");
    let field = |key: &str| item.and_then(|i| i.get(key)).or_else(|| element.get(key));
    Some(RawItem {
        title: field("headline")
            .or_else(|| field("name"))
            .and_then(text_of),
        title_is_html: false,
        url: element
            .get("url")
            .and_then(link_of)
            .or_else(|| item.and_then(link_of)),
        summary: field("description").and_then(text_of),
        summary_is_html: false,
        date: field("datePublished").and_then(text_of),
        image: field("image").and_then(link_of),
    })
}

/// Longest summary shown, in characters.
pub const SUMMARY_CHARS: usize = 240;

/// Shortens text to at most `max` characters at a word boundary, with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    format!(
        "{}…",
        at_word.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
    )
}

/// Resolves `raw` against `base` and keeps it only when it is `http(s)`.
fn absolute_safe_url(raw: &str, base: &str) -> Option<String> {
    let cleaned = safe_url(raw)?;
    let resolved = resolve(base, &cleaned)?;
    let lower = resolved.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(resolved)
}

/// Picks the stories to show: title required (plain text), URL safe and resolved against
/// `base` (the feed's URL), not any of `current` (the article's own URLs), feed order,
/// at most `limit`.
pub fn select(items: Vec<RawItem>, base: &str, current: &[String], limit: usize) -> Vec<Story> {
    let current: Vec<String> = current.iter().map(|u| same_page_key(u)).collect();
    items
        .into_iter()
        .filter_map(|item| {
            let title = item
                .title
                .map(|t| {
                    if item.title_is_html {
                        html_to_text(&t).replace("\n\n", " ")
                    } else {
                        t
                    }
                })
                .filter(|t| !t.trim().is_empty())?;
            let url = absolute_safe_url(item.url.as_deref()?, base)?;
            if current.contains(&same_page_key(&url)) {
                return None;
            }
            let summary = item
                .summary
                .map(|s| {
                    if item.summary_is_html {
                        html_to_text(&s)
                    } else {
                        s.trim().to_owned()
                    }
                })
                .map(|s| shorten(&s.replace("\n\n", " "), SUMMARY_CHARS))
                .filter(|s| !s.is_empty());
            Some(Story {
                title: shorten(title.trim(), 300),
                url,
                summary,
                date: item
                    .date
                    .map(|d| d.trim().to_owned())
                    .filter(|d| !d.is_empty()),
                image: item.image.and_then(|i| absolute_safe_url(&i, base)),
            })
        })
        .take(limit)
        .collect()
}
