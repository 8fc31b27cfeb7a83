//! Gives focus back when the control the reader used has gone (removed or disabled), so a
//! keyboard or screen-reader user is not sent back to the top of the page.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, Node, ShadowRoot};
use yew::prelude::*;

/// Whenever `wanted` becomes true (and on mount when it starts true), focuses `target` if
/// nothing in its document or shadow root has focus any more.
#[hook]
pub fn use_refocus(target: NodeRef, wanted: bool) {
    use_effect_with(wanted, move |wanted| {
        if *wanted {
            if let Some(element) = target.cast::<HtmlElement>() {
                if focus_is_lost(&element) {
                    let _ = element.focus();
                }
            }
        }
    });
}

/// True when focus sits on nothing, or on the page's `<body>`, in `node`'s tree (in a shadow
/// root: on nothing inside it while its host has focus).
fn focus_is_lost(node: &Node) -> bool {
    let root = node.get_root_node();
    if let Some(shadow) = root.dyn_ref::<ShadowRoot>() {
        let host_focused = node
            .owner_document()
            .and_then(|d| d.active_element())
            .is_some_and(|a| a.is_same_node(Some(&shadow.host())));
        return (host_focused && shadow.active_element().is_none())
            || body_has_focus(node.owner_document());
    }
    body_has_focus(root.dyn_into::<Document>().ok())
}

fn body_has_focus(document: Option<Document>) -> bool {
    let Some(document) = document else {
        return false;
    };
    match document.active_element() {
        None => true,
        Some(active) => document
            .body()
            .is_some_and(|body| active.is_same_node(Some(&body))),
    }
}
