//! RSS 2.0 and Atom through the browser's `DOMParser`; `core::feed_xml` reads the fields.

use crate::core::feed::{FeedError, RawItem};
use crate::core::feed_xml::{self, XmlElement};
use web_sys::{DomParser, Element, SupportedType};

impl XmlElement for Element {
    fn name(&self) -> String {
        self.node_name().to_ascii_lowercase()
    }

    fn attribute(&self, name: &str) -> Option<String> {
        self.get_attribute(name)
    }

    fn children(&self) -> Vec<Element> {
        let list = Element::children(self);
        (0..list.length()).filter_map(|i| list.item(i)).collect()
    }

    fn text(&self) -> String {
        self.text_content().unwrap_or_default()
    }
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
    feed_xml::items(&root)
}
