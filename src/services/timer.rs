//! Fire-and-forget browser timers.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `f` once, `ms` milliseconds from now (never, outside a browser window). Boxed, so
/// every caller shares one piece of glue.
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    let callback = Closure::once_into_js(f);
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
    }
}
