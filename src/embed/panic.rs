//! A panic anywhere in the widget: log it, and replace every widget's content with a short
//! note so no box is left blank or half-working. The host page is not touched otherwise.
//!
//! The release build (panic = "immediate-abort", scripts/lib/release-env.sh) runs no hook: a
//! panic traps at once, and src/js/start.js, which wraps every call into the wasm, logs the
//! trap and shows the same note. Every other build (tests, `trunk serve`, a stable
//! `trunk build --release`) runs this hook first; start.js then finds the note in place.

#[cfg(not(panic = "immediate-abort"))]
use crate::core::i18n::{english, translation_for, TextKey};
#[cfg(not(panic = "immediate-abort"))]
use crate::services::translations;
#[cfg(not(panic = "immediate-abort"))]
use wasm_bindgen::JsCast;
#[cfg(not(panic = "immediate-abort"))]
use web_sys::{Document, Element, Node};

/// Installs the panic hook (through Yew, which would otherwise replace it).
#[cfg(not(panic = "immediate-abort"))]
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        gloo_console::error!(format!("Byline stopped after an internal error: {info}"));
        show_note_everywhere();
    }));
}

/// With immediate abort no hook ever runs: an empty one keeps Yew from installing its own.
#[cfg(panic = "immediate-abort")]
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|_| {}));
}

#[cfg(not(panic = "immediate-abort"))]
fn show_note_everywhere() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-byline-state]") else {
        return;
    };
    for host in (0..hosts.length()).filter_map(|i| hosts.item(i)?.dyn_into::<Element>().ok()) {
        // In shadow mode the content lives in the shadow root.
        let root: Node = host
            .shadow_root()
            .map_or_else(|| host.clone().into(), Into::into);
        let inner = match host.shadow_root() {
            Some(shadow) => shadow.query_selector(".byline-root"),
            None => host.query_selector(".byline-root"),
        };
        let lang = inner
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute("lang"))
            .unwrap_or_default();
        let translated = translation_for(&lang).and_then(|tag| translations::loaded(tag).flatten());
        let note = translated
            .as_deref()
            .and_then(|t| t.get(TextKey::Crashed))
            .unwrap_or(english(TextKey::Crashed));
        replace_with_note(&document, &root, note);
        let _ = host.set_attribute("data-byline-state", "crashed");
    }
}

#[cfg(not(panic = "immediate-abort"))]
fn replace_with_note(document: &Document, root: &Node, text: &str) {
    let Ok(note) = document.create_element("p") else {
        return;
    };
    note.set_class_name("byline-crashed");
    note.set_text_content(Some(text));
    // Keep the shadow root's stylesheet link so the note is styled.
    let children = root.child_nodes();
    let stale: Vec<Node> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|n| !n.node_name().eq_ignore_ascii_case("link"))
        .collect();
    for node in stale {
        let _ = root.remove_child(&node);
    }
    let _ = root.append_child(&note);
}
