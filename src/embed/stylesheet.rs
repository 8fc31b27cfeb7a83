//! Adds `byline.css` to the document unless the publisher already links it.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlLinkElement};

/// True when a stylesheet link to `url` (or to any `byline.css`) is already in the document.
fn is_linked(document: &Document, url: &str) -> bool {
    let Ok(links) = document.query_selector_all("link[rel~='stylesheet' i]") else {
        return false;
    };
    (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|node| node.dyn_into::<HtmlLinkElement>().ok())
        .any(|link| {
            let href = link.href();
            href == url
                || href
                    .split(['?', '#'])
                    .next()
                    .is_some_and(|h| h.ends_with("/byline.css"))
        })
}

/// Appends `<link rel="stylesheet" href=url>` to `<head>` when absent.
pub fn ensure(document: &Document, url: &str) {
    if url.is_empty() || is_linked(document, url) {
        return;
    }
    let Ok(link) = document.create_element("link") else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", url);
    let _ = link.set_attribute("data-byline-stylesheet", "");
    if let Some(head) = document.head() {
        let _ = head.append_child(&link);
    }
}
