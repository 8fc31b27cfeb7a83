//! Reading a page and writing its hosts, with a streaming HTML rewriter (lol_html): the
//! first pass only reads (the hosts, their attributes, the page's scripts and language), the
//! second copies every byte through unchanged except the inner content and the
//! `data-byline-prerendered` attribute of the hosts it is given markup for.

use lol_html::html_content::ContentType;
use lol_html::{element, text, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The attribute that marks a pre-rendered host; its value is the crate version.
pub const MARK: &str = "data-byline-prerendered";

/// A `<script>` element of the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Script {
    /// Its attributes, as written (names in lower case).
    pub attributes: Vec<(String, String)>,
    /// Its text, as written (a script's text is never escaped in HTML).
    pub text: String,
    /// A direct child of a host: page data the widget keeps (CONTRACT 1).
    pub in_host: bool,
}

impl Script {
    /// The `type` attribute, as written.
    pub fn kind(&self) -> &str {
        self.attributes
            .iter()
            .find(|(n, _)| n == "type")
            .map_or("", |(_, v)| v.as_str())
    }

    /// The element as HTML: a page-data block carried over into a pre-rendered host.
    pub fn to_html(&self) -> String {
        let mut out = String::from("<script");
        for (name, value) in &self.attributes {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            out.push_str(&value.replace('&', "&amp;").replace('"', "&quot;"));
            out.push('"');
        }
        out.push('>');
        out.push_str(&self.text);
        out.push_str("</script>");
        out
    }
}

/// One `[data-byline]` element.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Host {
    /// 1-based, in document order among all hosts (the live widget's ids count the same way).
    pub number: usize,
    /// The line of its start tag.
    pub line: usize,
    pub attributes: Vec<(String, String)>,
    /// A void element (`<img data-byline>`): it can hold nothing.
    pub void: bool,
    /// Inside another host.
    pub nested: bool,
    /// The scripts that are its direct children (indexes into [`Page::scripts`]).
    pub scripts: Vec<usize>,
    /// It has a `<template>` child (page data the pre-renderer cannot carry over).
    pub template: bool,
    /// Where its start tag is in the page (bytes).
    pub start_tag: std::ops::Range<usize>,
    /// Where its end tag is; `None` when the page leaves it out.
    pub end_tag: Option<std::ops::Range<usize>>,
}

impl Host {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// How a line names the host: its number and line, and its id when it has one.
    pub fn describe(&self) -> String {
        match self.attribute("id") {
            Some(id) => format!("host {} (id=\"{id}\", line {})", self.number, self.line),
            None => format!("host {} (line {})", self.number, self.line),
        }
    }
}

/// What the pre-renderer needs to know about a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// `<html lang>`.
    pub lang: Option<String>,
    pub hosts: Vec<Host>,
    pub scripts: Vec<Script>,
    /// Each id's first element: `Some(script index)` when that element is a `<script>`.
    pub ids: HashMap<String, Option<usize>>,
}

impl Page {
    /// The text of every `<script type="application/ld+json">` block, in document order
    /// (as the browser's `script[type='application/ld+json' i]` selects them).
    pub fn json_ld_blocks(&self) -> Vec<&str> {
        self.scripts
            .iter()
            .filter(|s| s.kind().eq_ignore_ascii_case("application/ld+json"))
            .map(|s| s.text.as_str())
            .collect()
    }

    /// The script the element with this id is, if it is one.
    pub fn script_by_id(&self, id: &str) -> Option<&Script> {
        self.ids
            .get(id)
            .copied()
            .flatten()
            .map(|i| &self.scripts[i])
    }

    /// The text of the inline JSON-LD or JSON `<script>` with this id (`data-article="#id"`).
    pub fn inline_json(&self, id: &str) -> Option<&str> {
        let script = self.script_by_id(id)?;
        let kind = script.kind().trim().to_ascii_lowercase();
        matches!(kind.as_str(), "application/ld+json" | "application/json")
            .then_some(script.text.as_str())
    }
}

fn attributes_of(el: &lol_html::html_content::Element) -> Vec<(String, String)> {
    el.attributes()
        .iter()
        .map(|a| (a.name(), a.value()))
        .collect()
}

/// Reads the page (a UTF-8 HTML document).
pub fn scan(html: &str) -> Result<Page, String> {
    #[derive(Default)]
    struct State {
        page: Page,
        /// Open hosts (indexes into page.hosts).
        open: Vec<usize>,
        /// Script start offsets, to match the handlers that see the same element.
        script_at: HashMap<usize, usize>,
        current_script: Option<usize>,
        /// Ids whose element is a script: resolved once all scripts are known.
        id_at: Vec<(String, usize, bool)>,
    }
    let state = Rc::new(RefCell::new(State::default()));
    let line_of = |offset: usize| {
        html.as_bytes()[..offset.min(html.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    };
    let (s1, s2, s3, s4, s5, s6) = (
        state.clone(),
        state.clone(),
        state.clone(),
        state.clone(),
        state.clone(),
        state.clone(),
    );
    let settings = Settings::new()
        .append_element_content_handler(element!("html", move |el| {
            let mut s = s1.borrow_mut();
            if s.page.lang.is_none() {
                s.page.lang = el.get_attribute("lang");
            }
            Ok(())
        }))
        .append_element_content_handler(element!("script", move |el| {
            let mut s = s2.borrow_mut();
            let index = s.page.scripts.len();
            s.page.scripts.push(Script {
                attributes: attributes_of(el),
                ..Script::default()
            });
            s.script_at
                .insert(el.source_location().bytes().start, index);
            s.current_script = Some(index);
            Ok(())
        }))
        .append_element_content_handler(text!("script", move |chunk| {
            let mut s = s3.borrow_mut();
            if let Some(i) = s.current_script {
                s.page.scripts[i].text.push_str(chunk.as_str());
            }
            Ok(())
        }))
        .append_element_content_handler(element!("[data-byline]", move |el| {
            let number = {
                let mut s = s4.borrow_mut();
                let number = s.page.hosts.len() + 1;
                let nested = !s.open.is_empty();
                let start_tag = el.source_location().bytes();
                s.page.hosts.push(Host {
                    number,
                    line: line_of(start_tag.start),
                    attributes: attributes_of(el),
                    void: el.end_tag_handlers().is_none(),
                    nested,
                    start_tag,
                    ..Host::default()
                });
                number
            };
            if !s4.borrow().page.hosts[number - 1].void {
                s4.borrow_mut().open.push(number - 1);
                let state = s4.clone();
                let _ = el.on_end_tag(lol_html::end_tag!(move |end| {
                    let mut s = state.borrow_mut();
                    s.open.pop();
                    let span = end.source_location().bytes();
                    // An end tag the page leaves out is made up by the parser: no bytes.
                    if !span.is_empty() {
                        s.page.hosts[number - 1].end_tag = Some(span);
                    }
                    Ok(())
                }));
            }
            Ok(())
        }))
        .append_element_content_handler(element!(
            "[data-byline] > script, [data-byline] > template",
            move |el| {
                let mut s = s5.borrow_mut();
                let Some(&host) = s.open.last() else {
                    return Ok(());
                };
                if el.tag_name() == "template" {
                    s.page.hosts[host].template = true;
                } else {
                    // Marked by offset: the script handler may run before or after this one.
                    s.page.hosts[host]
                        .scripts
                        .push(el.source_location().bytes().start);
                }
                Ok(())
            }
        ))
        .append_element_content_handler(element!("[id]", move |el| {
            let mut s = s6.borrow_mut();
            if let Some(id) = el.get_attribute("id") {
                let is_script = el.tag_name() == "script";
                s.id_at
                    .push((id, el.source_location().bytes().start, is_script));
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter
        .write(html.as_bytes())
        .and_then(|()| rewriter.end())
        .map_err(|e| format!("the HTML could not be read ({e})"))?;
    let mut state = Rc::try_unwrap(state)
        .map_err(|_| "internal error: the reader is still in use".to_owned())?
        .into_inner();
    let script_at = std::mem::take(&mut state.script_at);
    for host in &mut state.page.hosts {
        host.scripts = host
            .scripts
            .iter()
            .filter_map(|offset| script_at.get(offset).copied())
            .collect();
        for &i in &host.scripts {
            state.page.scripts[i].in_host = true;
        }
    }
    for (id, offset, is_script) in std::mem::take(&mut state.id_at) {
        let script = if is_script {
            script_at.get(&offset).copied()
        } else {
            None
        };
        state.page.ids.entry(id).or_insert(script);
    }
    Ok(state.page)
}

/// The host's start tag with the [`MARK`] attribute: as written, with the attribute added
/// before its closing `>` (or as written when it already has this version's mark).
fn marked_start_tag(html: &str, host: &Host, version: &str) -> String {
    let written = &html[host.start_tag.clone()];
    match host.attribute(MARK) {
        Some(v) if v == version => written.to_owned(),
        None if written.ends_with('>') => {
            format!("{} {MARK}=\"{version}\">", &written[..written.len() - 1])
        }
        // Another version's mark: the tag is written anew from its attributes.
        _ => {
            let name = written[1..]
                .split(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
                .next()
                .unwrap_or("div");
            let mut tag = format!("<{name}");
            for (n, v) in &host.attributes {
                if n != MARK {
                    tag.push_str(&format!(
                        " {n}=\"{}\"",
                        v.replace('&', "&amp;").replace('"', "&quot;")
                    ));
                }
            }
            tag.push_str(&format!(" {MARK}=\"{version}\">"));
            tag
        }
    }
}

/// The page with each host numbered in `markup` given that inner content and the [`MARK`]
/// attribute; every other byte is copied as it is, the host's own start and end tags too.
pub fn rewrite(
    html: &str,
    page: &Page,
    markup: &HashMap<usize, String>,
) -> Result<Vec<u8>, String> {
    let count = Rc::new(RefCell::new(0usize));
    let version = env!("CARGO_PKG_VERSION");
    let mut whole = HashMap::new();
    for (number, inner) in markup {
        let host = page
            .hosts
            .get(number - 1)
            .ok_or_else(|| format!("internal error: no host {number}"))?;
        let end = host
            .end_tag
            .clone()
            .ok_or_else(|| format!("internal error: host {number} has no end tag"))?;
        whole.insert(
            *number,
            format!(
                "{}{inner}{}",
                marked_start_tag(html, host, version),
                &html[end]
            ),
        );
    }
    let settings =
        Settings::new().append_element_content_handler(element!("[data-byline]", move |el| {
            let number = {
                let mut n = count.borrow_mut();
                *n += 1;
                *n
            };
            if let Some(host) = whole.get(&number) {
                el.replace(host, ContentType::Html);
            }
            Ok(())
        }));
    let mut out = Vec::with_capacity(html.len() + markup.values().map(String::len).sum::<usize>());
    let mut rewriter = HtmlRewriter::new(settings, |chunk: &[u8]| out.extend_from_slice(chunk));
    rewriter
        .write(html.as_bytes())
        .and_then(|()| rewriter.end())
        .map_err(|e| format!("the HTML could not be rewritten ({e})"))?;
    Ok(out)
}
