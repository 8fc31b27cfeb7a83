//! Bubbling `CustomEvent`s on the host element (CONTRACT section 6).
//!
//! By hand over `web-sys`: `gloo-events` listens to events but does not dispatch them.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// Builds a plain object from string keys and values.
pub fn detail(entries: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in entries {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// Dispatches `name` on `host`, bubbling and composed (it crosses shadow roots).
pub fn dispatch(host: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// The widget's host element for any element inside it, across a shadow root.
pub fn host_of(element: &Element) -> Option<Element> {
    if let Ok(Some(host)) = element.closest("[data-byline]") {
        return Some(host);
    }
    let root = element.get_root_node();
    let shadow: web_sys::ShadowRoot = wasm_bindgen::JsCast::dyn_into(root).ok()?;
    Some(shadow.host())
}
