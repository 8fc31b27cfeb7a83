//! Mounting a widget on a host element and keeping the host in step with it.

use crate::components::widget::{Widget, WidgetEvent, WidgetProps};
use crate::core::config::Config;
use crate::core::i18n::Texts;
use crate::services::{events, intl};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};
use yew::{AppHandle, Callback};

/// The attribute the widget keeps on its host: `loading`, `ready`, `error` or `crashed`.
pub const STATE_ATTRIBUTE: &str = "data-byline-state";

/// A mounted widget.
struct Mounted {
    host: Element,
    _app: AppHandle<Widget>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// Mounts a widget on every `[data-byline]` element not mounted yet.
pub fn mount_all(_stylesheet_url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-byline]") else {
        return;
    };
    for host in (0..hosts.length()).filter_map(|i| hosts.item(i)?.dyn_into::<Element>().ok()) {
        let known = MOUNTED.with(|m| m.borrow().iter().any(|w| w.host == host));
        if !known {
            mount(&document, host);
        }
    }
}

/// The host's attributes as (name, value) pairs.
fn attributes(host: &Element) -> Vec<(String, String)> {
    let list = host.attributes();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|a| (a.name(), a.value()))
        .collect()
}

/// `data-lang`, else `<html lang>`, else the browser's language, else English: the first
/// the browser's `Intl` accepts.
fn resolve_language(config: &Config, document: &Document) -> String {
    if let Some(tag) = config
        .lang
        .as_deref()
        .filter(|tag| !intl::is_supported(tag))
    {
        web_sys::console::warn_1(
            &format!("Byline: data-lang=\"{tag}\" is not a language this browser knows; using the page's language instead.").into(),
        );
    }
    let page = document
        .document_element()
        .map(|e| e.get_attribute("lang").unwrap_or_default());
    let browser = web_sys::window().and_then(|w| w.navigator().language());
    [config.lang.clone(), page, browser]
        .into_iter()
        .flatten()
        .map(|tag| tag.trim().to_owned())
        .find(|tag| !tag.is_empty() && intl::is_supported(tag))
        .unwrap_or_else(|| "en".to_owned())
}

/// True when the host holds content a reader can see without the widget (a server-rendered
/// article): then it stays until the widget has something to show.
fn has_visible_fallback(host: &Element) -> bool {
    let children = host.child_nodes();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .any(|node| match node.node_type() {
            web_sys::Node::TEXT_NODE => node.text_content().is_some_and(|t| !t.trim().is_empty()),
            web_sys::Node::ELEMENT_NODE => !node.node_name().eq_ignore_ascii_case("noscript"),
            _ => false,
        })
}

fn mount(document: &Document, host: Element) {
    let attributes = attributes(&host);
    let (config, warnings) =
        Config::from_attributes(attributes.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    for warning in &warnings {
        web_sys::console::warn_1(&warning.to_string().into());
    }
    let lang = resolve_language(&config, document);
    let texts = Texts::new(&lang, config.texts.clone());
    let Ok(container) = document.create_element("div") else {
        return;
    };
    container.set_class_name("byline-mount");
    if has_visible_fallback(&host) {
        let _ = container.set_attribute("hidden", "");
    }
    let _ = host.append_child(&container);
    let _ = host.set_attribute(STATE_ATTRIBUTE, "loading");
    let on_event = {
        let host = host.clone();
        let container = container.clone();
        Callback::from(move |event: WidgetEvent| on_widget_event(&host, &container, event))
    };
    let props = WidgetProps {
        id: next_id().into(),
        config: Rc::new(config),
        texts: Rc::new(texts),
        on_event,
    };
    let app = yew::Renderer::<Widget>::with_root_and_props(container, props).render();
    MOUNTED.with(|m| m.borrow_mut().push(Mounted { host, _app: app }));
}

/// A page-unique id prefix for the next widget: `byline-1`, `byline-2`, ...
fn next_id() -> String {
    thread_local! {
        static COUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let n = COUNT.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    format!("byline-{n}")
}

/// Keeps the host's state attribute, fallback content and events in step with the widget.
fn on_widget_event(host: &Element, container: &Element, event: WidgetEvent) {
    let state = match &event {
        WidgetEvent::Loading => "loading",
        WidgetEvent::Ready(_) => "ready",
        WidgetEvent::Failed => "error",
        WidgetEvent::ReplySent { status, response } => {
            let response = response
                .as_deref()
                .and_then(|text| js_sys::JSON::parse(text).ok())
                .unwrap_or(JsValue::NULL);
            let detail = events::detail(&[
                ("status", JsValue::from_str(status)),
                ("response", response),
            ]);
            events::dispatch(host, "byline:reply-sent", &detail);
            return;
        }
        WidgetEvent::ReplyFailed(kind) => {
            events::dispatch(
                host,
                "byline:reply-failed",
                &events::detail(&[("kind", JsValue::from_str(kind))]),
            );
            return;
        }
    };
    let _ = host.set_attribute(STATE_ATTRIBUTE, state);
    if matches!(event, WidgetEvent::Loading) {
        return;
    }
    let _ = container.remove_attribute("hidden");
    if let WidgetEvent::Ready(article) = event {
        remove_fallback(host, container);
        let summary = events::detail(&[
            ("headline", JsValue::from_str(&article.headline)),
            (
                "url",
                article
                    .url
                    .as_deref()
                    .map(JsValue::from_str)
                    .unwrap_or(JsValue::NULL),
            ),
        ]);
        events::dispatch(
            host,
            "byline:ready",
            &events::detail(&[("article", summary)]),
        );
    }
}

/// Removes everything in the host but the widget's own container.
fn remove_fallback(host: &Element, container: &Element) {
    let children = host.child_nodes();
    let stale: Vec<_> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|node| node != container.unchecked_ref::<web_sys::Node>())
        .collect();
    for node in stale {
        let _ = host.remove_child(&node);
    }
}
