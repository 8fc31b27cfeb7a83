//! A rebuilt HTML body (`core::body`: an article body or a reply) as elements, the same on
//! both sides: every element is made from the allowlist's own names, every text is text.
//! Nothing is ever inserted as markup.

use crate::core::body::{Body, Element, Node};
use crate::core::body_rules::attribute_names;
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag, VText};

#[derive(Properties, PartialEq)]
pub struct RichBodyProps {
    pub body: Rc<Body>,
}

/// The body's nodes, in order.
#[component]
pub fn RichBody(props: &RichBodyProps) -> Html {
    nodes(&props.body)
}

/// The body's nodes, in order: what [`RichBody`] renders. The article and the replies call
/// it directly, so the bundle carries no component of its own for the body (the same
/// elements, a smaller bundle).
pub fn nodes(body: &Body) -> Html {
    body.nodes.iter().map(node).collect()
}

fn node(node: &Node) -> Html {
    match node {
        Node::Text(text) => Html::VText(VText::new(text.clone())),
        Node::Element(element) => self::element(element),
    }
}

fn element(element: &Element) -> Html {
    let mut tag = VTag::new(element.name);
    // The allowlist's own names, each with its value or none.
    let keys = attribute_names(element.name);
    let values = keys.iter().map(|key| match *key {
        "class" => element.mark.map(AttrValue::Static),
        key => element
            .attribute(key)
            .map(|v| AttrValue::from(v.to_owned())),
    });
    tag.set_attributes(Attributes::Dynamic {
        keys,
        values: values
            .map(|v| v.map(AttributeOrProperty::Attribute))
            .collect(),
    });
    tag.add_children(element.children.iter().map(node));
    let html = Html::VTag(Rc::new(tag));
    if element.name != "table" {
        return html;
    }
    // A wide table scrolls inside its own box, which the keyboard can reach and scroll;
    // named by the table's caption when it has one.
    let caption = element.children.iter().find_map(|c| match c {
        Node::Element(e) if e.name == "caption" => {
            let mut text = String::new();
            text_of(&e.children, &mut text);
            Some(text)
        }
        _ => None,
    });
    let caption = caption
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    let role = caption.as_ref().map(|_| AttrValue::Static("region"));
    let mut wrapper = VTag::new("div");
    wrapper.set_attributes(Attributes::Dynamic {
        keys: &["tabindex", "role", "aria-label", "class"],
        values: Box::new([
            Some(AttributeOrProperty::Attribute(AttrValue::Static("0"))),
            role.map(AttributeOrProperty::Attribute),
            caption.map(|c| AttributeOrProperty::Attribute(AttrValue::from(c))),
            Some(AttributeOrProperty::Attribute(AttrValue::Static(
                "byline-table",
            ))),
        ]),
    });
    wrapper.add_child(html);
    Html::VTag(Rc::new(wrapper))
}

/// The text of some nodes, in order, added to `out`.
fn text_of(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => text_of(&e.children, out),
        }
    }
}
