//! DOM helpers shared by the component tests (tests/web_*.rs): a fresh container in the
//! page, queries that fail with the selector in the message, and a timer to await.
//! Each test file uses a few of them.
#![allow(dead_code)]

use byline::core::i18n::Texts;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// A new `<div>` at the end of `<body>` to render into.
pub fn container() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// The built-in English strings.
pub fn english() -> Rc<Texts> {
    Rc::new(Texts::new("en", None, Vec::new()))
}

/// The first element under `root` matching `selector`; panics naming the selector if none.
pub fn q(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

pub fn q_opt(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

pub fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// The text of every element under `root` matching `selector`, in document order.
pub fn texts_of(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector).iter().map(text).collect()
}

/// Resolves after `ms` milliseconds (a browser timer).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
