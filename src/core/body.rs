//! An article body given as HTML (CONTRACT 3b), and a reply's `content.rendered` (5b): the
//! allowlist walk that rebuilds either from a parsed tree. Both sides parse with a real HTML
//! parser (the browser's `DOMParser`, the pre-renderer's html5ever) and hand the result over
//! as [`HtmlNode`]s; the walk keeps only what the rules of [`super::body_rules`] allow, and
//! builds a [`Body`] whose element and attribute names are the allowlist's own `&'static str`s.
//!
//! The tree is also made so that its markup, written as HTML and parsed again by a browser,
//! gives back the same tree: no block inside a paragraph or a heading, no link inside a link,
//! list items only in lists, table parts only in their table, no text between table rows.

use super::body_rules::{self as rules, Tag};

/// Content nested deeper than this many elements is kept as its text.
pub const MAX_DEPTH: usize = 32;
/// Elements read at most; the rest is dropped.
pub const MAX_ELEMENTS: usize = 10_000;
/// Bytes of HTML read at most; the rest is dropped.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// A node of a parsed HTML tree, as both parsers' DOMs see it.
pub trait HtmlNode: Sized {
    /// What the node is.
    fn view(&self) -> NodeView;
    /// An element's attribute by its (lower-case, un-namespaced) name.
    fn attribute(&self, name: &str) -> Option<String>;
    /// The child nodes, in order (a `<template>`'s content is not among them).
    fn children(&self) -> Vec<Self>;
}

/// One node's kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeView {
    /// An element: its local name in lower case, and whether it is in the HTML namespace
    /// (an `svg` or `math` element and everything inside them is not).
    Element { name: String, html: bool },
    /// A text node's data.
    Text(String),
    /// A comment, doctype or processing instruction.
    Other,
}

/// Which allowlist applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rules {
    /// CONTRACT 3b: the article body.
    Article,
    /// CONTRACT 5b: a reply's content (WordPress's comment allowlist).
    Reply,
}

/// The rebuilt body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Body {
    pub nodes: Vec<Node>,
    /// The input was past [`MAX_ELEMENTS`] or [`MAX_BYTES`]: the rest was dropped.
    pub cut: bool,
}

/// A node of the rebuilt body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Text(String),
    Element(Element),
}

/// An allowed element, made anew: every name comes from the allowlist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    pub name: &'static str,
    pub attributes: Vec<(&'static str, String)>,
    /// Byline's own class for it (`byline-pullquote`, `byline-embed`, `byline-embed-link`).
    pub mark: Option<&'static str>,
    pub children: Vec<Node>,
}

impl Element {
    /// An element with no attributes.
    pub fn new(name: &'static str, children: Vec<Node>) -> Element {
        Element {
            name,
            attributes: Vec::new(),
            mark: None,
            children,
        }
    }

    /// An attribute of the rebuilt element.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Body {
    /// True when nothing is left to show.
    pub fn is_empty(&self) -> bool {
        self.nodes.iter().all(|n| match n {
            Node::Text(t) => t.trim().is_empty(),
            Node::Element(_) => false,
        })
    }

    /// Every text of the body, in order (for the reading time).
    pub fn texts(&self) -> Vec<&str> {
        fn collect<'a>(nodes: &'a [Node], out: &mut Vec<&'a str>) {
            for node in nodes {
                match node {
                    Node::Text(t) => out.push(t),
                    Node::Element(e) => collect(&e.children, out),
                }
            }
        }
        let mut out = Vec::new();
        collect(&self.nodes, &mut out);
        out
    }
}

/// Start tags read at most: twice [`MAX_ELEMENTS`], so that a source of nothing but opening
/// tags (parsers take quadratic time over deep nesting) is cut long before it costs much.
const MAX_START_TAGS: usize = 2 * MAX_ELEMENTS;

/// The HTML document both sides parse for a body or a reply: the source cut at
/// [`MAX_BYTES`] (on a character boundary) or before its 20,001st `<` that starts a tag,
/// after a doctype and an open `<body>`, so the parse is in no-quirks mode and everything
/// lands in the body. The flag says it was cut.
pub fn source_document(html: &str) -> (String, bool) {
    let mut end = html.len().min(MAX_BYTES);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let bytes = html.as_bytes();
    let mut tags = 0;
    for i in 0..end.saturating_sub(1) {
        if bytes[i] == b'<' && bytes[i + 1].is_ascii_alphabetic() {
            tags += 1;
            if tags > MAX_START_TAGS {
                end = i;
                break;
            }
        }
    }
    let mut document = String::from("<!DOCTYPE html><html><head></head><body>");
    document.push_str(&html[..end]);
    (document, end < html.len())
}

/// Rebuilds the children of a parsed document's `<body>` (or of any element) by `rules`;
/// `cut`: the source was already cut at [`MAX_BYTES`].
pub fn rebuild<N: HtmlNode>(body: &N, rules: Rules, cut: bool) -> Body {
    let mut walk = Walk {
        rules,
        elements: 0,
        cut,
    };
    let mut nodes = Vec::new();
    walk.children(body, Context::top(), &mut nodes);
    Body {
        nodes,
        cut: walk.cut,
    }
}

/// Where the walk is: the output parent and what it allows.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// The flags of the nearest kept ancestor (`0` at the top).
    pub parent: u16,
    /// Inside a paragraph, heading or inline element: only inline content is kept.
    pub phrasing: bool,
    /// Inside a link: no other link.
    pub in_link: bool,
    /// Input elements above this point.
    pub depth: usize,
}

impl Context {
    fn top() -> Context {
        Context {
            parent: 0,
            phrasing: false,
            in_link: false,
            depth: 0,
        }
    }

    /// The context inside a kept element `tag`.
    pub(crate) fn inside(self, tag: &Tag) -> Context {
        Context {
            parent: tag.flags,
            phrasing: self.phrasing || tag.flags & rules::PHRASING != 0,
            in_link: self.in_link || tag.flags & rules::LINK != 0,
            depth: self.depth + 1,
        }
    }

    /// The context inside an unwrapped element.
    pub(crate) fn unwrapped(self) -> Context {
        Context {
            depth: self.depth + 1,
            ..self
        }
    }

    /// Text is never kept between table rows and cells.
    fn drops_text(self) -> bool {
        self.parent & rules::TABLE_PART != 0
    }
}

pub(crate) struct Walk {
    pub rules: Rules,
    elements: usize,
    pub cut: bool,
}

impl Walk {
    /// Counts one more input element; false once past [`MAX_ELEMENTS`].
    fn count(&mut self) -> bool {
        if self.elements >= MAX_ELEMENTS {
            self.cut = true;
            return false;
        }
        self.elements += 1;
        true
    }

    /// Adds the rebuilt children of `node` in `context` to `out`.
    pub(crate) fn children<N: HtmlNode>(
        &mut self,
        node: &N,
        context: Context,
        out: &mut Vec<Node>,
    ) {
        for child in node.children() {
            if self.cut && self.elements >= MAX_ELEMENTS {
                break;
            }
            match child.view() {
                NodeView::Text(text) if !context.drops_text() => push_text(out, &text),
                NodeView::Text(_) | NodeView::Other => {}
                NodeView::Element { name, html } => {
                    if !self.count() {
                        break;
                    }
                    if !html || rules::is_dropped(&name) {
                        continue;
                    }
                    if context.depth >= MAX_DEPTH {
                        if !context.drops_text() {
                            let text = self.text_of(&child);
                            push_text(out, &text);
                        }
                        continue;
                    }
                    rules::element(self, &child, &name, context, out);
                }
            }
        }
    }

    /// The text of a subtree, without the content of dropped elements (each element counts
    /// towards [`MAX_ELEMENTS`]); iterative, so no depth can exhaust the stack.
    pub(crate) fn text_of<N: HtmlNode>(&mut self, node: &N) -> String {
        let mut text = String::new();
        let mut stack = Vec::new();
        rules::descend(&mut stack, node);
        while let Some(next) = stack.pop() {
            match next.view() {
                NodeView::Text(t) => text.push_str(&t),
                NodeView::Other => {}
                NodeView::Element { name, html } => {
                    if !self.count() {
                        break;
                    }
                    if html && !rules::is_dropped(&name) {
                        rules::descend(&mut stack, &next);
                    }
                }
            }
        }
        text
    }

    /// Kept in `context`: `tag` with `attributes` and its rebuilt children.
    pub(crate) fn keep<N: HtmlNode>(
        &mut self,
        node: &N,
        tag: &Tag,
        attributes: Vec<(&'static str, String)>,
        context: Context,
    ) -> Element {
        let mut children = Vec::new();
        self.children(node, context.inside(tag), &mut children);
        Element {
            name: tag.name,
            attributes,
            mark: None,
            children,
        }
    }
}

/// Adds text, joined to a text just before it (a browser parsing the markup again makes one
/// text node of them); carriage returns become line feeds, as that parse would make them.
pub(crate) fn push_text(out: &mut Vec<Node>, text: &str) {
    if text.is_empty() {
        return;
    }
    let text = attribute_value(text);
    match out.last_mut() {
        Some(Node::Text(last)) => last.push_str(&text),
        _ => out.push(Node::Text(text)),
    }
}

/// An attribute value as a browser would read it back from the markup (carriage returns as
/// line feeds).
pub(crate) fn attribute_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for (i, part) in value.split('\r').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(part.strip_prefix('\n').unwrap_or(part));
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Why a `data-article-body="#id"` source gives no body (the `articleBody` text is used).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceProblem {
    /// No element has this id.
    NoElement(String),
    /// The element holds text, not HTML (`<script>`, `<style>`, `<textarea>`).
    NotHtml(String),
    /// Nothing of it is left to show.
    Empty(String),
}

impl std::fmt::Display for SourceProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (id, why) = match self {
            SourceProblem::NoElement(id) => (id, "names no element in the page"),
            SourceProblem::NotHtml(id) => (
                id,
                "names a <script>, <style> or <textarea>, whose content is not HTML",
            ),
            SourceProblem::Empty(id) => (id, "names an element with no content to show"),
        };
        for part in [
            "Byline: data-article-body=\"#",
            id,
            "\" ",
            why,
            "; using the article's articleBody text instead.",
        ] {
            f.write_str(part)?;
        }
        Ok(())
    }
}

/// Elements whose content is text, never a body's HTML.
pub fn holds_text_only(name: &str) -> bool {
    matches!(name, "script" | "style" | "textarea")
}

/// The one warning for a body or reply cut at [`MAX_ELEMENTS`] or [`MAX_BYTES`].
pub fn cut_warning(rules: Rules) -> String {
    let what = match rules {
        Rules::Article => "The article body",
        Rules::Reply => "A reply",
    };
    // Written out, not formatted (formatting costs the bundle more); the limits it names:
    const _: () = assert!(MAX_ELEMENTS == 10_000 && MAX_BYTES == 2 * 1024 * 1024);
    let mut warning = String::from("Byline: ");
    warning.push_str(what);
    warning.push_str(" is longer than 10000 elements or 2 MB of HTML; the rest is left out.");
    warning
}
