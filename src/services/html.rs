//! HTML bodies and replies through the browser's `DOMParser`: an inert document (nothing in
//! it loads or runs), walked by the rules of `core::body`, as `prerender::html` walks
//! html5ever's tree.

use crate::core::body::{self, Body, HtmlNode, NodeView, Rules};
use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

/// The HTML namespace, as the DOM names it.
const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

impl HtmlNode for Node {
    fn view(&self) -> NodeView {
        match self.node_type() {
            Node::ELEMENT_NODE => {
                let element: &Element = self.unchecked_ref();
                NodeView::Element {
                    name: element.local_name(),
                    html: element.namespace_uri().as_deref() == Some(HTML_NAMESPACE),
                }
            }
            Node::TEXT_NODE => NodeView::Text(self.node_value().unwrap_or_default()),
            _ => NodeView::Other,
        }
    }

    fn attribute(&self, name: &str) -> Option<String> {
        self.dyn_ref::<Element>()?.get_attribute(name)
    }

    fn children(&self) -> Vec<Node> {
        let list = self.child_nodes();
        (0..list.length()).filter_map(|i| list.item(i)).collect()
    }
}

/// Rebuilds an HTML body or reply by `rules` (the source cut at 2 MB, parsed into an inert
/// document).
pub fn rebuild(html: &str, rules: Rules) -> Body {
    let (source, cut) = body::source_document(html);
    let document = DomParser::new()
        .and_then(|parser| parser.parse_from_string(&source, SupportedType::TextHtml));
    match document.ok().and_then(|d| d.body()) {
        Some(root) => body::rebuild(root.unchecked_ref::<Node>(), rules, cut),
        None => Body::default(),
    }
}

/// An article body (CONTRACT 3b).
pub fn article_body(html: &str) -> Body {
    rebuild(html, Rules::Article)
}

/// A reply's `content.rendered` (CONTRACT 5b).
pub fn reply_body(html: &str) -> Body {
    rebuild(html, Rules::Reply)
}
