//! One widget on one host element: mounting (in place or in a shadow root, now or when the
//! host nears the viewport), following the host's attributes, and tearing down.
//!
//! Mutation and intersection observers through `web-sys` directly: gloo has no wrapper for
//! observers.

use crate::components::widget::{WidgetProps, WidgetSlot, WidgetSlotProps};
use crate::core::article::Article;
use crate::core::body::Body;
use crate::core::config::{Config, Loading};
use crate::core::events::WidgetEvent;
use crate::core::i18n::{translation_for, Texts};
use crate::services::{events, intl, translations};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement,
    IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit, MutationObserver,
    MutationObserverInit, Node, ShadowRootInit, ShadowRootMode,
};
use yew::{AppHandle, Callback};

/// The attribute the widget keeps on its host: `loading`, `ready`, `error` or `crashed`.
pub const STATE_ATTRIBUTE: &str = "data-byline-state";

/// The mark `scripts/prerender` leaves on a host it wrote (its value: the renderer's version).
pub const PRERENDERED_ATTRIBUTE: &str = "data-byline-prerendered";

/// A lazy host's viewport watch: the observer and its callback.
type ViewportWatch = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

/// A slot's root element and its app, kept for reuse.
type Slot = (Element, AppHandle<WidgetSlot>);

/// A host the widget is responsible for.
struct Mounted {
    host: Element,
    id: String,
    /// The attributes the current configuration was read from.
    attributes: Vec<(String, String)>,
    config: Config,
    /// Where the widget renders: the host, or its shadow root.
    root: Node,
    /// The host had visible no-JavaScript content when mounted.
    fallback: bool,
    /// The host was pre-rendered (`data-byline-prerendered`): its markup is what the widget
    /// shows, so the widget is prepared out of sight and swapped in at once when settled.
    prerendered: bool,
    /// `None` while a lazy host waits for the viewport.
    slot: Option<Slot>,
    attribute_observer: MutationObserver,
    _on_attributes: Closure<dyn FnMut()>,
    lazy: Option<ViewportWatch>,
    /// Waiting for its language's translation file: before the first render, or (when
    /// running) after a `data-lang` change, keeping its current strings until then.
    waiting_for_texts: bool,
    /// The strings the running widget shows.
    texts: Option<Rc<Texts>>,
    /// The article body read from the host's body source (`None`: the `articleBody` text).
    body: Option<Rc<Body>>,
    /// The body the host's own content gave when mounted, for a later change back to it.
    own_body: Option<Rc<Body>>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    /// Emptied slots waiting for the next host.
    static SPARE: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
    static STYLESHEET: RefCell<String> = const { RefCell::new(String::new()) };
    /// Pre-rendered hosts whose article is ready, waiting for their takeover.
    static READY: RefCell<Vec<(Element, Rc<Article>)>> = const { RefCell::new(Vec::new()) };
}

/// Remembers where `byline.css` is (shadow roots link it themselves); the translation files
/// are found beside it.
pub fn set_stylesheet(url: String) {
    translations::set_base(&url);
    STYLESHEET.with(|s| *s.borrow_mut() = url);
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// Mounts a widget on every `[data-byline]` element not mounted yet.
pub fn mount_all() {
    let Some(document) = document() else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-byline]") else {
        return;
    };
    for host in (0..hosts.length()).filter_map(|i| hosts.item(i)?.dyn_into::<Element>().ok()) {
        let known = MOUNTED.with(|m| m.borrow().iter().any(|w| w.host == host));
        if !known {
            mount(&document, host, &[]);
        }
    }
}

/// Tears down the widgets whose hosts have left the document or lost `data-byline`.
pub fn unmount_detached() {
    let gone: Vec<Mounted> = MOUNTED.with(|m| {
        let mut list = m.borrow_mut();
        let (gone, kept): (Vec<_>, Vec<_>) = list
            .drain(..)
            .partition(|w| !w.host.is_connected() || !w.host.has_attribute("data-byline"));
        *list = kept;
        gone
    });
    gone.into_iter().for_each(tear_down);
}

fn tear_down(widget: Mounted) {
    READY.with(|r| r.borrow_mut().retain(|(host, _)| *host != widget.host));
    widget.attribute_observer.disconnect();
    if let Some((observer, _)) = &widget.lazy {
        observer.disconnect();
    }
    if let Some((container, mut app)) = widget.slot {
        app.update(WidgetSlotProps { widget: None });
        container.remove();
        let _ = container.remove_attribute("hidden");
        SPARE.with(|s| s.borrow_mut().push((container, app)));
    }
    let _ = widget.host.remove_attribute(STATE_ATTRIBUTE);
}

/// The host's `data-*` attributes as (name, value) pairs (the widget's own state excluded).
fn attributes(host: &Element) -> Vec<(String, String)> {
    let list = host.attributes();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|a| (a.name(), a.value()))
        .filter(|(name, _)| name.starts_with("data-") && name != STATE_ATTRIBUTE)
        .collect()
}

/// Reads the configuration. An invalid value gets one `console.warn` when it appears, not
/// again on each later change of another attribute (`previous`: the attributes the host had).
fn read_config(attributes: &[(String, String)], previous: &[(String, String)]) -> Config {
    let value_of = |list: &[(String, String)], name: &str| {
        list.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    };
    let is_new = |name: &str| value_of(attributes, name) != value_of(previous, name);
    let (config, warnings) =
        Config::from_attributes(attributes.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    for warning in warnings.iter().filter(|w| is_new(&w.attribute)) {
        gloo_console::warn!(warning.to_string());
    }
    if let Some(tag) = config
        .lang
        .as_deref()
        .filter(|tag| is_new("data-lang") && !intl::is_supported(tag))
    {
        gloo_console::warn!(format!("Byline: data-lang=\"{tag}\" is not a language this browser knows; using the page's language instead."));
    }
    config
}

/// `data-lang`, else `<html lang>`, else the browser's language, else English: the first
/// the browser's `Intl` accepts. A pre-rendered host skips the browser's language: the
/// pre-renderer could not know it and wrote English, and the takeover must not change it.
fn resolve_language(config: &Config, prerendered: bool) -> String {
    let page = document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    let browser = web_sys::window()
        .and_then(|w| w.navigator().language())
        .filter(|_| !prerendered);
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
            Node::TEXT_NODE => node.text_content().is_some_and(|t| !t.trim().is_empty()),
            Node::ELEMENT_NODE => {
                !node.node_name().eq_ignore_ascii_case("noscript") && !is_page_data(&node)
            }
            _ => false,
        })
}

/// A `<script>` or `<template>` in the host: data the page keeps (its JSON-LD, an inline
/// feed), never part of the fallback the widget replaces.
fn is_page_data(node: &Node) -> bool {
    let name = node.node_name();
    name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("template")
}

/// A page-unique id prefix for the next widget: `byline-1`, `byline-2`, ...
fn next_id() -> String {
    thread_local! {
        static COUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    format!("byline-{}", COUNT.with(|c| c.replace(c.get() + 1) + 1))
}

/// Where the widget renders: the host itself, or an open shadow root with the stylesheet
/// linked inside it (and a slot showing the fallback until the widget is ready).
fn render_root(document: &Document, host: &Element, shadow: bool, fallback: bool) -> Option<Node> {
    // A shadow root, once attached, cannot be removed: keep rendering into it.
    if !shadow && host.shadow_root().is_none() {
        return Some(host.clone().into());
    }
    let root = match host.shadow_root() {
        Some(root) => {
            root.set_text_content(None);
            root
        }
        None => match host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
            Ok(root) => root,
            Err(_) => {
                gloo_console::warn!("Byline: data-isolate=\"shadow\" is not possible on this element; rendering without a shadow root.");
                return Some(host.clone().into());
            }
        },
    };
    let link = document.create_element("link").ok()?;
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &STYLESHEET.with(|s| s.borrow().clone()));
    let _ = root.append_child(&link);
    if fallback {
        let slot = document.create_element("slot").ok()?;
        let _ = root.append_child(&slot);
    }
    Some(root.into())
}

/// Mounts a widget on `host`; `previous`: its attributes when it is mounted afresh (their
/// invalid values were reported already).
fn mount(document: &Document, host: Element, previous: &[(String, String)]) {
    let attributes = attributes(&host);
    let config = read_config(&attributes, previous);
    let fallback = has_visible_fallback(&host);
    let prerendered = host.has_attribute(PRERENDERED_ATTRIBUTE) && fallback;
    // Read before anything replaces the host's content.
    let body = super::body::read(&host, &config.article_body, prerendered, None);
    let own_body = body
        .clone()
        .filter(|_| config.article_body == crate::core::config::BodySource::Default);
    let Some(root) = render_root(document, &host, config.shadow, fallback) else {
        return;
    };
    let _ = host.set_attribute(STATE_ATTRIBUTE, "loading");
    let on_attributes = {
        let host = host.clone();
        Closure::<dyn FnMut()>::new(move || attributes_changed(&host))
    };
    let Ok(attribute_observer) = MutationObserver::new(on_attributes.as_ref().unchecked_ref())
    else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_attributes(true);
    let _ = attribute_observer.observe_with_options(&host, &options);

    let mut widget = Mounted {
        host: host.clone(),
        id: next_id(),
        attributes,
        config,
        root,
        fallback,
        prerendered,
        slot: None,
        attribute_observer,
        _on_attributes: on_attributes,
        lazy: None,
        waiting_for_texts: false,
        texts: None,
        body,
        own_body,
    };
    // Once the wasm runs, an idle host starts at once: byline.js waited for the idle moment
    // (or the reader) before fetching it.
    if widget.config.loading_for(prerendered) == Loading::Lazy {
        widget.lazy = observe_viewport(&host);
    }
    if widget.lazy.is_none() {
        start(&mut widget);
    }
    MOUNTED.with(|m| m.borrow_mut().push(widget));
}

/// The props for a mounted host's widget (remembering the strings it is given). While a new
/// language's file is on its way, the widget keeps its current strings; everything else in
/// the configuration applies at once.
fn props(widget: &mut Mounted, container: &Element) -> WidgetProps {
    let on_event = {
        let host = widget.host.clone();
        let container = container.clone();
        Callback::from(move |event: WidgetEvent| on_widget_event(&host, &container, event))
    };
    let texts = match (&widget.texts, widget.waiting_for_texts) {
        (Some(current), true) => current.clone(),
        _ => {
            let lang = resolve_language(&widget.config, widget.prerendered);
            let translation =
                translation_for(&lang).and_then(|tag| translations::loaded(tag).flatten());
            Rc::new(Texts::new(&lang, translation, widget.config.texts.clone()))
        }
    };
    widget.texts = Some(texts.clone());
    WidgetProps {
        id: widget.id.clone().into(),
        texts,
        config: Rc::new(widget.config.clone()),
        on_event,
        body: widget.body.clone(),
    }
}

/// Renders the widget now, in a spare slot when there is one; first loads the translation
/// its language needs, if that has not been loaded yet.
fn start(widget: &mut Mounted) {
    if widget.slot.is_some() {
        return;
    }
    widget.waiting_for_texts = awaits_translation(&widget.config, widget.prerendered);
    if widget.waiting_for_texts {
        return;
    }
    let spare = SPARE.with(|s| s.borrow_mut().pop());
    let container = match &spare {
        Some((container, _)) => container.clone(),
        None => {
            let Some(container) = document().and_then(|d| d.create_element("div").ok()) else {
                return;
            };
            container.set_class_name("byline-mount");
            container
        }
    };
    // A pre-rendered host's widget renders detached, out of the document (no second set of
    // ids on the page), until it is swapped in; another fallback waits hidden in place.
    if !widget.prerendered {
        if widget.fallback {
            let _ = container.set_attribute("hidden", "");
        }
        let _ = widget.root.append_child(&container);
    }
    let props = WidgetSlotProps {
        widget: Some(props(widget, &container)),
    };
    let app = match spare {
        Some((_, mut app)) => {
            app.update(props);
            app
        }
        None => yew::Renderer::<WidgetSlot>::with_root_and_props(container.clone(), props).render(),
    };
    widget.slot = Some((container, app));
}

/// True when the configured language needs a translation file that has not been dealt with
/// yet; its loading is started (once per page), and [`texts_loaded`] runs when it is done.
fn awaits_translation(config: &Config, prerendered: bool) -> bool {
    let Some(tag) = translation_for(&resolve_language(config, prerendered)) else {
        return false;
    };
    let waiting = translations::loaded(tag).is_none();
    if waiting {
        translations::load(tag, texts_loaded);
    }
    waiting
}

/// A translation file arrived (or failed): start the widgets that waited for it, and update
/// the running ones that did (a live `data-lang` change keeps the old strings until then).
fn texts_loaded() {
    MOUNTED.with(|m| {
        for widget in m.borrow_mut().iter_mut() {
            if !widget.waiting_for_texts {
                continue;
            }
            if widget.slot.is_none() {
                start(widget);
            } else if !awaits_translation(&widget.config, widget.prerendered) {
                widget.waiting_for_texts = false;
                update(widget);
            }
        }
    });
}

/// Gives a running widget props for its current configuration.
fn update(widget: &mut Mounted) {
    let Some(container) = widget.slot.as_ref().map(|(container, _)| container.clone()) else {
        return;
    };
    let props = WidgetSlotProps {
        widget: Some(props(widget, &container)),
    };
    if let Some((_, app)) = widget.slot.as_mut() {
        app.update(props);
    }
}

/// Starts a lazy host when it comes within 300 px of the viewport.
fn observe_viewport(host: &Element) -> Option<ViewportWatch> {
    let target = host.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries
            .iter()
            .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
            .any(|e| e.is_intersecting());
        if near {
            MOUNTED.with(|m| {
                if let Some(widget) = m.borrow_mut().iter_mut().find(|w| w.host == target) {
                    if let Some((observer, _)) = &widget.lazy {
                        observer.disconnect();
                    }
                    start(widget);
                }
            });
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin("300px 0px");
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    observer.observe(host);
    Some((observer, callback))
}

/// A host's attributes changed: apply the new configuration in place (the form keeps what
/// the reader typed); a change of isolation or loading mode mounts the widget afresh.
fn attributes_changed(host: &Element) {
    let current = attributes(host);
    let remount = MOUNTED.with(|m| {
        let mut list = m.borrow_mut();
        let widget = list.iter_mut().find(|w| &w.host == host)?;
        if widget.attributes == current {
            return Some(false);
        }
        let config = read_config(&current, &widget.attributes);
        if config.shadow != widget.config.shadow || config.loading != widget.config.loading {
            return Some(true);
        }
        if config.article_body != widget.config.article_body {
            widget.body =
                super::body::read(host, &config.article_body, false, widget.own_body.as_ref());
        }
        widget.attributes = current;
        widget.config = config;
        if widget.slot.is_some() {
            // A new language whose file is still on its way keeps the current strings until
            // then; the rest of the change applies now.
            widget.waiting_for_texts = awaits_translation(&widget.config, widget.prerendered);
            update(widget);
        } else if widget.waiting_for_texts {
            // Not rendered yet, waiting for a file: the new language may need another or none.
            start(widget);
        }
        Some(false)
    });
    if remount == Some(true) {
        let old = MOUNTED.with(|m| {
            let mut list = m.borrow_mut();
            let index = list.iter().position(|w| &w.host == host)?;
            Some(list.remove(index))
        });
        let previous = old
            .as_ref()
            .map(|w| w.attributes.clone())
            .unwrap_or_default();
        if let Some(old) = old {
            tear_down(old);
        }
        if let Some(document) = document() {
            mount(&document, host.clone(), &previous);
        }
    }
}

/// Keeps the host's state attribute, fallback content and events in step with the widget.
fn on_widget_event(host: &Element, container: &Element, event: WidgetEvent) {
    // A pre-rendered host not yet taken over keeps its markup until the widget has settled;
    // if the widget fails, the pre-rendered article and plain form stay (they work alone).
    let awaiting_takeover = !container.is_connected() && host.has_attribute(PRERENDERED_ATTRIBUTE);
    let state = match &event {
        WidgetEvent::Settled if awaiting_takeover => {
            take_over(host, container);
            "ready"
        }
        WidgetEvent::Settled => return,
        WidgetEvent::Ready(article) if awaiting_takeover => {
            // Announced when the widget is swapped in.
            READY.with(|r| r.borrow_mut().push((host.clone(), article.clone())));
            return;
        }
        WidgetEvent::Failed if awaiting_takeover => {
            let _ = host.set_attribute(STATE_ATTRIBUTE, "error");
            return;
        }
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
        dispatch_ready(host, &article);
    }
}

/// `byline:ready` with the article's headline and URL.
fn dispatch_ready(host: &Element, article: &Article) {
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

/// Removes the no-JavaScript fallback: everything in the host but the widget's container and
/// the page's data blocks (and, in shadow mode, the slot that showed it).
fn remove_fallback(host: &Element, container: &Element) {
    let children = host.child_nodes();
    let stale: Vec<Node> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|node| node != container.unchecked_ref::<Node>() && !is_page_data(node))
        .collect();
    for node in stale {
        let _ = host.remove_child(&node);
    }
    if let Some(root) = host.shadow_root() {
        if let Ok(Some(slot)) = root.query_selector("slot") {
            slot.remove();
        }
    }
}

/// Swaps a pre-rendered host's markup for the settled widget in one step (no paint between),
/// carrying over what the reader did in the pre-rendered form first: the text in each field,
/// the box, and the focus with its caret.
fn take_over(host: &Element, container: &Element) {
    let focus = carry_over(host, container);
    let root: Node = match host.shadow_root() {
        Some(shadow) => shadow.into(),
        None => host.clone().into(),
    };
    let first_shown = first_fallback_child(host);
    if root == *host.unchecked_ref::<Node>() {
        let _ = root.insert_before(container, first_shown.as_ref());
    } else {
        let _ = root.append_child(container);
    }
    remove_fallback(host, container);
    if let Some((field, start, end)) = focus {
        let _ = field.focus();
        if let Some(control) = field.dyn_ref::<HtmlTextAreaElement>() {
            let _ = control.set_selection_range(start, end);
        } else if let Some(control) = field.dyn_ref::<HtmlInputElement>() {
            let _ = control.set_selection_range(start, end);
        }
    }
    let article = READY.with(|r| {
        let mut waiting = r.borrow_mut();
        let index = waiting.iter().position(|(h, _)| h == host)?;
        Some(waiting.remove(index).1)
    });
    if let Some(article) = article {
        dispatch_ready(host, &article);
    }
}

/// The first child of the host that is part of the fallback (not page data).
fn first_fallback_child(host: &Element) -> Option<Node> {
    let children = host.child_nodes();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|node| !is_page_data(node))
}

/// The form fields a reader fills in, by their WordPress names (the pre-rendered and the
/// live form share them).
const FORM_FIELDS: [&str; 4] = ["comment", "author", "email", "url"];
const CONSENT_FIELD: &str = "wp-comment-cookies-consent";

/// Copies the pre-rendered form's values into the widget's form (through `input` and `change`
/// events, so the widget's state follows), ticks its box as the reader left the other; returns the
/// widget's field that should get the focus, with the caret, when a field had it.
fn carry_over(host: &Element, container: &Element) -> Option<(HtmlElement, u32, u32)> {
    let active = document().and_then(|d| d.active_element());
    let find = |scope: &Element, name: &str| {
        scope
            .query_selector(&format!("form [name=\"{name}\"]"))
            .ok()
            .flatten()
    };
    let mut focus = None;
    for name in FORM_FIELDS {
        let (Some(old), Some(new)) = (find(host, name), find(container, name)) else {
            continue;
        };
        let (old_value, caret) = match (
            old.dyn_ref::<HtmlTextAreaElement>(),
            old.dyn_ref::<HtmlInputElement>(),
        ) {
            (Some(t), _) => (t.value(), (t.selection_start(), t.selection_end())),
            (_, Some(i)) => (i.value(), (i.selection_start(), i.selection_end())),
            _ => continue,
        };
        if !old_value.is_empty() {
            if let Some(t) = new.dyn_ref::<HtmlTextAreaElement>() {
                t.set_value(&old_value);
            } else if let Some(i) = new.dyn_ref::<HtmlInputElement>() {
                i.set_value(&old_value);
            }
            if let Ok(event) = Event::new_with_event_init_dict("input", &bubbling()) {
                let _ = new.dispatch_event(&event);
            }
        }
        if active.as_ref() == Some(&old) {
            let end = old_value.encode_utf16().count() as u32;
            let (start, stop) = match caret {
                (Ok(Some(start)), Ok(Some(stop))) => (start, stop),
                _ => (end, end),
            };
            focus = new.dyn_into::<HtmlElement>().ok().map(|f| (f, start, stop));
        }
    }
    if let (Some(old), Some(new)) = (find(host, CONSENT_FIELD), find(container, CONSENT_FIELD)) {
        let ticked = old
            .dyn_ref::<HtmlInputElement>()
            .is_some_and(|i| i.checked());
        if let Some(box_) = new.dyn_ref::<HtmlInputElement>() {
            // Set and announced by hand: a detached box's click() changes nothing it reports.
            if box_.checked() != ticked {
                box_.set_checked(ticked);
                if let Ok(event) = Event::new_with_event_init_dict("change", &bubbling()) {
                    let _ = box_.dispatch_event(&event);
                }
            }
        }
        if active.as_ref() == Some(&old) {
            focus = new.dyn_into::<HtmlElement>().ok().map(|f| (f, 0, 0));
        }
    }
    focus
}

fn bubbling() -> EventInit {
    let init = EventInit::new();
    init.set_bubbles(true);
    init
}
