//! A host's article body (CONTRACT 3b), read from its source before the widget replaces the
//! host's content, and again when `data-article-body` changes: `#id` (a `<template>` or any
//! element, anywhere in the page), the host's own `[itemprop="articleBody"]` by default,
//! `text` for the JSON-LD text. The HTML is written out (`innerHTML`, which runs nothing) and
//! parsed into an inert document by `services::html`; nothing of the live page is walked.

use crate::core::body::{cut_warning, holds_text_only, Body, Rules, SourceProblem};
use crate::core::config::BodySource;
use crate::services::html;
use std::rc::Rc;
use web_sys::Element;

const OWN_BODY: &str = "[itemprop=\"articleBody\"]";

/// The body for `host` by `source`; `None`: the `articleBody` text. A pre-rendered host's own
/// body (its markup carries the body the pre-renderer read) is read first, so the takeover
/// shows what was there; `remembered`: the body read from the host's own content before it
/// was replaced, for a later change back to the default. Warns once per problem.
pub fn read(
    host: &Element,
    source: &BodySource,
    prerendered: bool,
    remembered: Option<&Rc<Body>>,
) -> Option<Rc<Body>> {
    if let BodySource::Text = source {
        return None;
    }
    let own = host.query_selector(OWN_BODY).ok().flatten();
    let (element, id) = match (source, own) {
        (_, Some(own)) if prerendered => (own, None),
        (BodySource::ElementId(id), _) => {
            let element = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id));
            match element {
                Some(e) if !holds_text_only(&e.local_name()) => (e, Some(id)),
                None => return warn(SourceProblem::NoElement(id.clone())),
                Some(_) => return warn(SourceProblem::NotHtml(id.clone())),
            }
        }
        (_, Some(own)) => (own, None),
        (_, None) => return remembered.cloned(),
    };
    let body = html::article_body(&element.inner_html());
    if body.is_empty() {
        return id.and_then(|id| warn(SourceProblem::Empty(id.clone())));
    }
    if body.cut {
        gloo_console::warn!(cut_warning(Rules::Article));
    }
    Some(Rc::new(body))
}

/// Says why the source gives no body.
fn warn(problem: SourceProblem) -> Option<Rc<Body>> {
    gloo_console::warn!(problem.to_string());
    None
}
