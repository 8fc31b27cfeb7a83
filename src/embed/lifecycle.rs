//! Follows the document: hosts added later are mounted, removed hosts are torn down
//! (single-page news sites add and remove articles all the time).
//!
//! `MutationObserver` through `web-sys` directly: gloo has no wrapper for observers.

use super::host;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{MutationObserver, MutationObserverInit};

/// Starts watching the document (once).
pub fn watch() {
    thread_local! {
        static WATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let callback = Closure::<dyn FnMut()>::new(|| {
        host::unmount_detached();
        host::mount_all();
    });
    let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    // An element that gains or loses `data-byline` is mounted or torn down too.
    options.set_attributes(true);
    options.set_attribute_filter(&js_sys::Array::of1(&"data-byline".into()));
    let _ = observer.observe_with_options(&root, &options);
    // The observer lives as long as the page.
    callback.forget();
}
