//! RSS 2.0 and Atom read natively (roxmltree): the same raw fields, by the same rules, as
//! `services::xml` reads with the browser's `DOMParser`, so `core::feed::select` gets the same
//! items on both sides. Names are compared as the DOM's `nodeName` gives them: the prefix as
//! written and the local name, in lower case.

use crate::core::feed::{FeedError, RawItem};
use roxmltree::{Document, Node, ParsingOptions};

/// The qualified name in lower case (`media:content`, `link`, ...).
fn name(node: &Node) -> String {
    let tag = node.tag_name();
    let prefix = tag
        .namespace()
        .and_then(|uri| node.lookup_prefix(uri))
        .filter(|p| !p.is_empty());
    match prefix {
        Some(prefix) => format!("{prefix}:{}", tag.name()).to_ascii_lowercase(),
        None => tag.name().to_ascii_lowercase(),
    }
}

/// Direct element children, in order.
fn children<'a, 'i>(parent: &Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    parent.children().filter(Node::is_element).collect()
}

fn child_named<'a, 'i>(parent: &Node<'a, 'i>, wanted: &str) -> Option<Node<'a, 'i>> {
    children(parent).into_iter().find(|c| name(c) == wanted)
}

/// `textContent`: every descendant text (CDATA included), in order.
fn text_content(node: &Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

fn child_text(parent: &Node, wanted: &str) -> Option<String> {
    child_named(parent, wanted)
        .map(|c| text_content(&c).trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// An attribute by its name as written (no namespace), like `getAttribute`.
fn attribute(node: &Node, wanted: &str) -> Option<String> {
    node.attributes()
        .find(|a| a.namespace().is_none() && a.name() == wanted)
        .map(|a| a.value().to_owned())
}

/// Parses RSS 2.0 (also RSS 1.0/RDF items) or Atom.
pub fn parse(text: &str) -> Result<Vec<RawItem>, FeedError> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let document =
        Document::parse_with_options(text.trim_start_matches('\u{feff}').trim_start(), options)
            .map_err(|e| FeedError::InvalidXml(e.to_string()))?;
    let root = document.root_element();
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
fn media_image(item: &Node) -> Option<String> {
    children(item).into_iter().find_map(|c| {
        let kind = attribute(&c, "type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let medium = attribute(&c, "medium")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let is_image = kind.starts_with("image/") || medium == "image";
        match name(&c).as_str() {
            "enclosure" if is_image => attribute(&c, "url"),
            "media:content" if is_image || (kind.is_empty() && medium.is_empty()) => {
                attribute(&c, "url")
            }
            "media:thumbnail" => attribute(&c, "url"),
            "media:group" => media_image(&c),
            _ => None,
        }
    })
}

fn rss_item(item: &Node) -> RawItem {
    RawItem {
        title: child_text(item, "title"),
        title_is_html: false,
        url: child_text(item, "link").or_else(|| {
            child_named(item, "guid")
                .filter(|g| attribute(g, "isPermaLink").is_none_or(|p| p != "false"))
                .map(|g| text_content(&g))
        }),
        summary: child_text(item, "description"),
        summary_is_html: true,
        date: child_text(item, "pubdate").or_else(|| child_text(item, "dc:date")),
        image: media_image(item),
    }
}

fn atom_entry(entry: &Node) -> RawItem {
    let mut url = None;
    let mut image = None;
    for link in children(entry).into_iter().filter(|c| name(c) == "link") {
        let rel = attribute(&link, "rel").unwrap_or_else(|| "alternate".into());
        let kind = attribute(&link, "type").unwrap_or_default();
        match rel.as_str() {
            "alternate" if url.is_none() => url = attribute(&link, "href"),
            "enclosure" if kind.starts_with("image/") && image.is_none() => {
                image = attribute(&link, "href")
            }
            _ => {}
        }
    }
    let summary = child_named(entry, "summary").or_else(|| child_named(entry, "content"));
    let summary_is_html = summary
        .as_ref()
        .and_then(|s| attribute(s, "type"))
        .is_some_and(|t| t == "html" || t == "xhtml");
    let title_is_html = child_named(entry, "title")
        .and_then(|t| attribute(&t, "type"))
        .is_some_and(|t| t == "html");
    RawItem {
        title: child_text(entry, "title"),
        title_is_html,
        url,
        summary: summary.map(|s| text_content(&s).trim().to_owned()),
        summary_is_html,
        date: child_text(entry, "updated").or_else(|| child_text(entry, "published")),
        image: image.or_else(|| media_image(entry)),
    }
}
