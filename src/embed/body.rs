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
    let own = || host.query_selector(OWN_BODY).ok().flatten();
    let body = match source {
        BodySource::Text => return None,
        _ if prerendered && own().is_some() => own().map(|e| html::article_body(&e.inner_html())),
        BodySource::Default => match own() {
            Some(element) => Some(html::article_body(&element.inner_html())),
            None => return remembered.cloned(),
        },
        BodySource::ElementId(id) => {
            let element = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id));
            let problem = match element {
                None => Some(SourceProblem::NoElement(id.clone())),
                Some(e) if holds_text_only(&e.local_name()) => {
                    Some(SourceProblem::NotHtml(id.clone()))
                }
                Some(e) => {
                    let body = html::article_body(&e.inner_html());
                    if body.is_empty() {
                        Some(SourceProblem::Empty(id.clone()))
                    } else {
                        return Some(checked(body));
                    }
                }
            };
            if let Some(problem) = problem {
                gloo_console::warn!(problem.to_string());
            }
            None
        }
    }?;
    (!body.is_empty()).then(|| checked(body))
}

/// The body, after its one warning when it was cut.
fn checked(body: Body) -> Rc<Body> {
    if body.cut {
        gloo_console::warn!(cut_warning(Rules::Article));
    }
    Rc::new(body)
}
