//! HTML bodies read natively with html5ever (an HTML5-conformant parser), by the same rules
//! (`core::body`) as `services::html` reads them with the browser's `DOMParser`: the page's
//! body source found and written out as the browser's `innerHTML` gives it, then parsed as
//! the inert document both sides parse, and rebuilt.

use crate::core::body::{self, holds_text_only, Body, HtmlNode, NodeView, Rules, SourceProblem};
use crate::core::config::BodySource;
use html5ever::serialize::{serialize, SerializeOpts, TraversalScope};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{ns, parse_document, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData, RcDom, SerializableHandle};

impl HtmlNode for Handle {
    fn view(&self) -> NodeView {
        match &self.data {
            NodeData::Element { name, .. } => NodeView::Element {
                name: name.local.to_string(),
                html: name.ns == ns!(html),
            },
            NodeData::Text { contents } => NodeView::Text(contents.borrow().to_string()),
            _ => NodeView::Other,
        }
    }

    fn attribute(&self, wanted: &str) -> Option<String> {
        match &self.data {
            NodeData::Element { attrs, .. } => attrs
                .borrow()
                .iter()
                .find(|a| a.name.ns == ns!() && &*a.name.local == wanted)
                .map(|a| a.value.to_string()),
            _ => None,
        }
    }

    fn children(&self) -> Vec<Handle> {
        self.children.borrow().clone()
    }
}

/// A whole HTML document, parsed as the browser's `DOMParser` parses (scripting disabled,
/// so a `<noscript>` holds markup, not text).
pub fn parse(html: &str) -> RcDom {
    let options = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    parse_document(RcDom::default(), options).one(html)
}

/// The first element child of `parent` named `name`.
fn child_named(parent: &Handle, name: &str) -> Option<Handle> {
    parent
        .children
        .borrow()
        .iter()
        .find(|c| matches!(&c.data, NodeData::Element { name: n, .. } if &*n.local == name))
        .cloned()
}

/// Rebuilds an HTML body or reply by `rules` (the source cut at 2 MB, parsed as the inert
/// document both sides parse).
pub fn rebuild(html: &str, rules: Rules) -> Body {
    let (source, cut) = body::source_document(html);
    let dom = parse(&source);
    child_named(&dom.document, "html")
        .and_then(|root| child_named(&root, "body"))
        .map(|b| body::rebuild(&b, rules, cut))
        .unwrap_or_default()
}

/// An article body (CONTRACT 3b).
pub fn article_body(html: &str) -> Body {
    rebuild(html, Rules::Article)
}

/// A reply's `content.rendered` (CONTRACT 5b).
pub fn reply_body(html: &str) -> Body {
    rebuild(html, Rules::Reply)
}

/// Every element of the tree in document order (template contents aside, as the DOM's
/// selectors see it), iteratively.
fn elements(root: &Handle) -> impl Iterator<Item = Handle> {
    let mut stack: Vec<Handle> = root.children.borrow().iter().rev().cloned().collect();
    std::iter::from_fn(move || loop {
        let next = stack.pop()?;
        stack.extend(next.children.borrow().iter().rev().cloned());
        if matches!(next.data, NodeData::Element { .. }) {
            return Some(next);
        }
    })
}

/// The markup inside an element as the browser's `innerHTML` writes it (a `<template>`'s
/// content for a template).
fn inner_html(element: &Handle) -> String {
    let scope = match &element.data {
        NodeData::Element {
            template_contents, ..
        } => template_contents.borrow().clone(),
        _ => None,
    }
    .unwrap_or_else(|| element.clone());
    let mut out = Vec::new();
    let options = SerializeOpts {
        traversal_scope: TraversalScope::ChildrenOnly(None),
        ..SerializeOpts::default()
    };
    match serialize(&mut out, &SerializableHandle::from(scope), options) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// What a host's body source gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// The source's HTML, to rebuild.
    Html(String),
    /// No source: the article's `articleBody` text is the body.
    Text,
    /// `data-article-body` names nothing usable: the text is the body, and this says why.
    Unusable(SourceProblem),
}

/// The body source of the `number`th (1-based) `[data-byline]` host of a parsed page, read
/// as the browser reads it before the widget replaces the host's content.
pub fn body_source(page: &RcDom, number: usize, source: &BodySource) -> Found {
    let Some(host) = elements(&page.document)
        .filter(|e| e.attribute("data-byline").is_some())
        .nth(number.saturating_sub(1))
    else {
        return Found::Text;
    };
    match source {
        BodySource::Text => Found::Text,
        BodySource::Default => elements(&host)
            .find(|e| e.attribute("itemprop").as_deref() == Some("articleBody"))
            .map_or(Found::Text, |e| Found::Html(inner_html(&e))),
        BodySource::ElementId(id) => {
            let Some(element) =
                elements(&page.document).find(|e| e.attribute("id").as_deref() == Some(id))
            else {
                return Found::Unusable(SourceProblem::NoElement(id.clone()));
            };
            let raw_text = matches!(&element.data, NodeData::Element { name, .. }
                if holds_text_only(&name.local));
            if raw_text {
                return Found::Unusable(SourceProblem::NotHtml(id.clone()));
            }
            Found::Html(inner_html(&element))
        }
    }
}
