//! A rebuilt body (`core::body`) written as compact HTML, for readable assertions: names and
//! attributes in the tree's order, Byline's mark as `class`, text escaped.

#![allow(dead_code)]

use byline::core::body::{Body, Node};

const VOID: &[&str] = &["br", "hr", "img"];

pub fn markup(body: &Body) -> String {
    let mut out = String::new();
    write(&body.nodes, &mut out);
    out
}

fn write(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(
                &t.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;"),
            ),
            Node::Element(e) => {
                out.push('<');
                out.push_str(e.name);
                for (n, v) in &e.attributes {
                    out.push_str(&format!(
                        " {n}=\"{}\"",
                        v.replace('&', "&amp;").replace('"', "&quot;")
                    ));
                }
                if let Some(mark) = e.mark {
                    out.push_str(&format!(" class=\"{mark}\""));
                }
                out.push('>');
                if !VOID.contains(&e.name) {
                    write(&e.children, out);
                    out.push_str(&format!("</{}>", e.name));
                }
            }
        }
    }
}

/// Every (element name, attribute name, value) of a body.
pub fn attributes(body: &Body) -> Vec<(&'static str, &'static str, String)> {
    fn walk(nodes: &[Node], out: &mut Vec<(&'static str, &'static str, String)>) {
        for node in nodes {
            if let Node::Element(e) = node {
                for (n, v) in &e.attributes {
                    out.push((e.name, n, v.clone()));
                }
                walk(&e.children, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&body.nodes, &mut out);
    out
}
