//! The host page: finds `[data-byline]` elements, mounts a widget on each, keeps the host's
//! state attribute, fallback content and events in step, injects the stylesheet and turns a
//! panic into a visible note. The only module that touches elements outside the widget.

mod host;
mod panic;
mod stylesheet;

use wasm_bindgen::prelude::*;

/// Starts Byline on every `[data-byline]` element. Called by `byline.js` once the wasm is
/// loaded, with the URL of `byline.css` beside it.
#[wasm_bindgen]
pub fn boot(stylesheet_url: String) {
    panic::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    stylesheet::ensure(&document, &stylesheet_url);
    if document.ready_state() == "loading" {
        let start = Closure::once_into_js(move || host::mount_all(&stylesheet_url));
        let _ =
            document.add_event_listener_with_callback("DOMContentLoaded", start.unchecked_ref());
    } else {
        host::mount_all(&stylesheet_url);
    }
}
