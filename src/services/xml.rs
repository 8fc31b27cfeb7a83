//! RSS 2.0 and Atom through the browser's `DOMParser`: the raw fields `core::feed` needs.

use crate::core::feed::{FeedError, RawItem};
use web_sys::{DomParser, Element, SupportedType};

/// Direct children of `parent`, in order.
fn children(parent: &Element) -> Vec<Element> {
    let list = parent.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// The qualified name in lower case (`media:content`, `link`, ...).
fn name(element: &Element) -> String {
    element.node_name().to_ascii_lowercase()
}

fn child_named(parent: &Element, wanted: &str) -> Option<Element> {
    children(parent).into_iter().find(|c| name(c) == wanted)
}

fn child_text(parent: &Element, wanted: &str) -> Option<String> {
    child_named(parent, wanted)
        .and_then(|c| c.text_content())
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// Parses RSS 2.0 (also RSS 1.0/RDF items) or Atom.
pub fn parse(text: &str) -> Result<Vec<RawItem>, FeedError> {
    let parser = DomParser::new().map_err(|_| FeedError::InvalidXml("no DOMParser".into()))?;
    let document = parser
        .parse_from_string(
            text.trim_start_matches('\u{feff}').trim_start(),
            SupportedType::ApplicationXml,
        )
        .map_err(|_| FeedError::InvalidXml("the browser could not parse it".into()))?;
    if let Ok(Some(error)) = document.query_selector("parsererror") {
        // Chromium wraps the message ("error on line 3 at column 9: …") in a <div> between
        // two headings of its own.
        let detail = error
            .query_selector("div")
            .ok()
            .flatten()
            .unwrap_or(error)
            .text_content()
            .unwrap_or_default();
        let first_line = detail
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_owned();
        return Err(FeedError::InvalidXml(first_line));
    }
    let root = document.document_element().ok_or(FeedError::Empty)?;
    match name(&root).as_str() {
        "rss" => {
            let channel = child_named(&root, "channel").ok_or(FeedError::UnknownFormat)?;
            Ok(children(&channel)
                .iter()
                .filter(|c| name(c) == "item")
                .map(rss_item)
                .collect())
        }
        "rdf:rdf" => Ok(children(&root)
            .iter()
            .filter(|c| name(c) == "item")
            .map(rss_item)
            .collect()),
        "feed" => Ok(children(&root)
            .iter()
            .filter(|c| name(c) == "entry")
            .map(atom_entry)
            .collect()),
        _ => Err(FeedError::UnknownFormat),
    }
}

/// The URL of an image enclosure, `media:content` or `media:thumbnail`.
fn media_image(item: &Element) -> Option<String> {
    children(item).into_iter().find_map(|c| {
        let kind = c
            .get_attribute("type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let medium = c
            .get_attribute("medium")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let is_image = kind.starts_with("image/") || medium == "image";
        match name(&c).as_str() {
            "enclosure" if is_image => c.get_attribute("url"),
            "media:content" if is_image || (kind.is_empty() && medium.is_empty()) => {
                c.get_attribute("url")
            }
            "media:thumbnail" => c.get_attribute("url"),
            "media:group" => media_image(&c),
            _ => None,
        }
    })
}

fn rss_item(item: &Element) -> RawItem {
    RawItem {
        // RSS 2.0 defines the title as text; shown as given (entities the XML decoded).
        title: child_text(item, "title"),
        title_is_html: false,
        url: child_text(item, "link").or_else(|| {
            child_named(item, "guid")
                .filter(|g| g.get_attribute("isPermaLink").is_none_or(|p| p != "false"))
                .and_then(|g| g.text_content())
        }),
        summary: child_text(item, "description"),
        summary_is_html: true,
        date: child_text(item, "pubdate").or_else(|| child_text(item, "dc:date")),
        image: media_image(item),
    }
}

fn atom_entry(entry: &Element) -> RawItem {
    let links = children(entry).into_iter().filter(|c| name(c) == "link");
    let mut url = None;
    let mut image = None;
    for link in links {
        let rel = link
            .get_attribute("rel")
            .unwrap_or_else(|| "alternate".into());
        let kind = link.get_attribute("type").unwrap_or_default();
        match rel.as_str() {
            "alternate" if url.is_none() => url = link.get_attribute("href"),
            "enclosure" if kind.starts_with("image/") && image.is_none() => {
                image = link.get_attribute("href")
            }
            _ => {}
        }
    }
    let summary = child_named(entry, "summary").or_else(|| child_named(entry, "content"));
    let summary_is_html = summary
        .as_ref()
        .and_then(|s| s.get_attribute("type"))
        .is_some_and(|t| t == "html" || t == "xhtml");
    let title_is_html = child_named(entry, "title")
        .and_then(|t| t.get_attribute("type"))
        .is_some_and(|t| t == "html");
    RawItem {
        title: child_text(entry, "title"),
        title_is_html,
        url,
        summary: summary
            .and_then(|s| s.text_content())
            .map(|t| t.trim().to_owned()),
        summary_is_html,
        date: child_text(entry, "updated").or_else(|| child_text(entry, "published")),
        image: image.or_else(|| media_image(entry)),
    }
}
