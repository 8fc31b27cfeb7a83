//! RSS 2.0 (also RSS 1.0/RDF items) and Atom: the raw fields [`RawItem`] holds, read by one set
//! of rules from whichever XML parser a side has. The browser gives its `DOMParser` elements
//! (`services::xml`), the pre-renderer roxmltree's nodes (`prerender::xml`); each implements
//! [`XmlElement`], so both read every feed the same way.

use super::feed::{FeedError, RawItem};

/// An element of a parsed feed, as the DOM sees it.
pub trait XmlElement: Sized {
    /// The qualified name as the DOM's `nodeName` gives it, in lower case (`media:content`).
    fn name(&self) -> String;
    /// An attribute by its name as written (no namespace), like `getAttribute`.
    fn attribute(&self, name: &str) -> Option<String>;
    /// The element children, in order.
    fn children(&self) -> Vec<Self>;
    /// `textContent`: every descendant text (CDATA included), in order.
    fn text(&self) -> String;
}

/// The items of a feed whose root element is `root`.
pub fn items<E: XmlElement>(root: &E) -> Result<Vec<RawItem>, FeedError> {
    let named = |parent: &E, wanted: &str| -> Vec<E> {
        parent
            .children()
            .into_iter()
            .filter(|c| c.name() == wanted)
            .collect()
    };
    match root.name().as_str() {
        "rss" => {
            let channel = child_named(root, "channel").ok_or(FeedError::UnknownFormat)?;
            Ok(named(&channel, "item").iter().map(rss_item).collect())
        }
        "rdf:rdf" => Ok(named(root, "item").iter().map(rss_item).collect()),
        "feed" => Ok(named(root, "entry").iter().map(atom_entry).collect()),
        _ => Err(FeedError::UnknownFormat),
    }
}

fn child_named<E: XmlElement>(parent: &E, wanted: &str) -> Option<E> {
    parent.children().into_iter().find(|c| c.name() == wanted)
}

fn child_text<E: XmlElement>(parent: &E, wanted: &str) -> Option<String> {
    child_named(parent, wanted)
        .map(|c| c.text().trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// The URL of an image enclosure, `media:content` or `media:thumbnail`.
fn media_image<E: XmlElement>(item: &E) -> Option<String> {
    item.children().into_iter().find_map(|c| {
        let kind = c.attribute("type").unwrap_or_default().to_ascii_lowercase();
        let medium = c
            .attribute("medium")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let is_image = kind.starts_with("image/") || medium == "image";
        match c.name().as_str() {
            "enclosure" if is_image => c.attribute("url"),
            "media:content" if is_image || (kind.is_empty() && medium.is_empty()) => {
                c.attribute("url")
            }
            "media:thumbnail" => c.attribute("url"),
            "media:group" => media_image(&c),
            _ => None,
        }
    })
}

fn rss_item<E: XmlElement>(item: &E) -> RawItem {
    RawItem {
        // RSS 2.0 defines the title as text; shown as given (entities the XML decoded).
        title: child_text(item, "title"),
        title_is_html: false,
        url: child_text(item, "link").or_else(|| {
            child_named(item, "guid")
                .filter(|g| g.attribute("isPermaLink").is_none_or(|p| p != "false"))
                .map(|g| g.text())
        }),
        summary: child_text(item, "description"),
        summary_is_html: true,
        date: child_text(item, "pubdate").or_else(|| child_text(item, "dc:date")),
        image: media_image(item),
    }
}

fn atom_entry<E: XmlElement>(entry: &E) -> RawItem {
    let mut url = None;
    let mut image = None;
    for link in entry.children().into_iter().filter(|c| c.name() == "link") {
        let rel = link.attribute("rel").unwrap_or_else(|| "alternate".into());
        let kind = link.attribute("type").unwrap_or_default();
        match rel.as_str() {
            "alternate" if url.is_none() => url = link.attribute("href"),
            "enclosure" if kind.starts_with("image/") && image.is_none() => {
                image = link.attribute("href")
            }
            _ => {}
        }
    }
    let summary = child_named(entry, "summary").or_else(|| child_named(entry, "content"));
    let summary_is_html = summary
        .as_ref()
        .and_then(|s| s.attribute("type"))
        .is_some_and(|t| t == "html" || t == "xhtml");
    let title_is_html = child_named(entry, "title")
        .and_then(|t| t.attribute("type"))
        .is_some_and(|t| t == "html");
    RawItem {
        title: child_text(entry, "title"),
        title_is_html,
        url,
        summary: summary.map(|s| s.text().trim().to_owned()),
        summary_is_html,
        date: child_text(entry, "updated").or_else(|| child_text(entry, "published")),
        image: image.or_else(|| media_image(entry)),
    }
}
