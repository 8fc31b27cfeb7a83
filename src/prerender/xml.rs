//! RSS 2.0 and Atom read natively (roxmltree), by the same rules (`core::feed_xml`) as
//! `services::xml` reads them with the browser's `DOMParser`, so `core::feed::select` gets the
//! same items on both sides.

use crate::core::feed::{FeedError, RawItem};
use crate::core::feed_xml::{self, XmlElement};
use roxmltree::{Document, Node, ParsingOptions};

impl XmlElement for Node<'_, '_> {
    /// The prefix as written and the local name, in lower case, as the DOM's `nodeName`.
    fn name(&self) -> String {
        let tag = self.tag_name();
        let prefix = tag
            .namespace()
            .and_then(|uri| self.lookup_prefix(uri))
            .filter(|p| !p.is_empty());
        match prefix {
            Some(prefix) => format!("{prefix}:{}", tag.name()).to_ascii_lowercase(),
            None => tag.name().to_ascii_lowercase(),
        }
    }

    fn attribute(&self, wanted: &str) -> Option<String> {
        self.attributes()
            .find(|a| a.namespace().is_none() && a.name() == wanted)
            .map(|a| a.value().to_owned())
    }

    fn children(&self) -> Vec<Self> {
        Node::children(self).filter(Node::is_element).collect()
    }

    fn text(&self) -> String {
        self.descendants()
            .filter(Node::is_text)
            .filter_map(|n| n.text())
            .collect()
    }
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
    feed_xml::items(&document.root_element())
}
