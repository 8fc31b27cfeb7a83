//! The host page: finds `[data-byline]` elements, mounts a widget on each (in a shadow
//! root when asked, lazily when asked), follows hosts added, removed and changed later,
//! keeps each host's state attribute, fallback content and events in step, and turns a
//! panic into a visible note. The only module that touches elements outside the widget.

pub mod body;
mod host;
mod lifecycle;
mod panic;

use wasm_bindgen::prelude::*;

/// Starts Byline on every `[data-byline]` element, now and later. Called by `byline.js`
/// once the wasm is loaded, with the URL of `byline.css` beside it.
#[wasm_bindgen]
pub fn boot(stylesheet_url: String) {
    panic::install();
    host::set_stylesheet(stylesheet_url);
    host::mount_all();
    lifecycle::watch();
}

/// The number of widgets alive on the page (mounted components), for publishers' and
/// tests' leak checks.
#[wasm_bindgen]
pub fn instances() -> usize {
    crate::components::widget::live_instances()
}
