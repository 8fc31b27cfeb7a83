//! The pre-renderer's markup against the browser's (CONTRACT 9: a pre-rendered page reads as
//! the widget does). Run with
//! `cargo test --target wasm32-unknown-unknown --test web_prerender`.
//!
//! - tests/fixtures/prerender/generated.json holds generated articles, their host attributes
//!   and related stories, and the markup the native pre-renderer wrote for them (a native
//!   test keeps it current). Here the same data is rendered by the widget in the browser and
//!   both are compared as DOM: parsed by the browser, attributes in name order, whitespace
//!   collapsed, form controls by their current value and checkedness.
//! - tests/fixtures/prerender/feeds.json holds what the native readers made of each feed of
//!   tests/fixtures/prerender/site/feeds and of its article; here the browser's readers
//!   (`services::xml` with DOMParser, and the shared core) must make the same.
#![cfg(target_arch = "wasm32")]

use byline::components::widget::{
    Prefetched, PrefetchedWidget, PrefetchedWidgetProps, WidgetProps,
};
use byline::core::config::Config;
use byline::core::feed::{self, Story, Syntax};
use byline::core::i18n::{parse_translation, translation_for, Texts};
use byline::services::xml;
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement, Node};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/dom.rs"]
mod dom;
use dom::{container, document};

const GENERATED: &str = include_str!("fixtures/prerender/generated.json");
const FEEDS: &str = include_str!("fixtures/prerender/feeds.json");

const LOCALES: &[(&str, &str)] = &[
    ("ar", include_str!("../locales/ar.json")),
    ("de", include_str!("../locales/de.json")),
    ("es", include_str!("../locales/es.json")),
    ("fr", include_str!("../locales/fr.json")),
    ("he", include_str!("../locales/he.json")),
    ("ja", include_str!("../locales/ja.json")),
];

const FEED_FILES: &[(&str, &str)] = &[
    (
        "estuary.rss",
        include_str!("fixtures/prerender/site/feeds/estuary.rss"),
    ),
    (
        "estuary.atom",
        include_str!("fixtures/prerender/site/feeds/estuary.atom"),
    ),
    (
        "estuary.json",
        include_str!("fixtures/prerender/site/feeds/estuary.json"),
    ),
    (
        "estuary-itemlist.jsonld",
        include_str!("fixtures/prerender/site/feeds/estuary-itemlist.jsonld"),
    ),
];
const ARTICLE_FILE: &str = include_str!("fixtures/prerender/site/data/article.json");

fn texts(lang: &str, config: &Config) -> Texts {
    let translation = translation_for(lang)
        .and_then(|tag| LOCALES.iter().find(|(t, _)| *t == tag))
        .and_then(|(_, json)| parse_translation(json).ok())
        .map(Rc::new);
    Texts::new(lang, translation, config.texts.clone())
}

fn opt_str(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// One element (and what is inside it) as text: the tag, its attributes sorted by name,
/// text with whitespace collapsed; form controls as they stand (value, checkedness).
fn normalise(node: &Node, out: &mut String) {
    match node.node_type() {
        Node::TEXT_NODE => {
            let text = node.text_content().unwrap_or_default();
            let collapsed: Vec<&str> = text.split_whitespace().collect();
            if !collapsed.is_empty() {
                out.push_str(&collapsed.join(" "));
                out.push(' ');
            }
        }
        Node::ELEMENT_NODE => {
            let el: &Element = node.unchecked_ref();
            let tag = el.tag_name().to_ascii_lowercase();
            let names = el.get_attribute_names();
            let mut attributes: Vec<(String, String)> = names
                .iter()
                .filter_map(|n| n.as_string())
                .filter(|n| n != "value" && n != "checked")
                .map(|n| {
                    let v = el.get_attribute(&n).unwrap_or_default();
                    (n, v)
                })
                .collect();
            if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
                attributes.push(("value".into(), input.value()));
                if input.checked() {
                    attributes.push(("checked".into(), String::new()));
                }
            }
            attributes.sort();
            out.push('<');
            out.push_str(&tag);
            for (n, v) in attributes {
                out.push_str(&format!(" {n}={v:?}"));
            }
            out.push('>');
            if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
                out.push_str(&area.value());
            } else {
                let children = node.child_nodes();
                for i in 0..children.length() {
                    if let Some(child) = children.item(i) {
                        normalise(&child, out);
                    }
                }
            }
            out.push_str(&format!("</{tag}>"));
        }
        _ => {}
    }
}

fn normalised(el: &Element) -> String {
    let mut out = String::new();
    normalise(el, &mut out);
    out
}

#[wasm_bindgen_test]
async fn prerendered_markup_equals_the_widget_in_the_browser() {
    let fixture: Value = serde_json::from_str(GENERATED).expect("generated.json");
    let cases = fixture["cases"].as_array().expect("cases");
    assert!(cases.len() >= 40);
    let mut differences = Vec::new();
    for case in cases {
        let seed = &case["seed"];
        let attributes: Vec<(String, String)> = case["attributes"]
            .as_array()
            .expect("attributes")
            .iter()
            .map(|pair| {
                (
                    pair[0].as_str().unwrap_or_default().to_owned(),
                    pair[1].as_str().unwrap_or_default().to_owned(),
                )
            })
            .filter(|(n, _)| n != "data-byline")
            .collect();
        let (config, _) =
            Config::from_attributes(attributes.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        let lang = case["lang"].as_str().expect("lang");
        let article = byline::core::article::from_document(case["article"].as_str().unwrap())
            .expect("article");
        let stories: Option<Vec<Story>> = case["stories"].as_array().map(|list| {
            list.iter()
                .map(|s| Story {
                    title: s["title"].as_str().unwrap_or_default().to_owned(),
                    url: s["url"].as_str().unwrap_or_default().to_owned(),
                    summary: opt_str(&s["summary"]),
                    date: opt_str(&s["date"]),
                    image: opt_str(&s["image"]),
                })
                .collect()
        });
        let texts = texts(lang, &config);
        let root = container();
        yew::Renderer::<PrefetchedWidget>::with_root_and_props(
            root.clone(),
            PrefetchedWidgetProps {
                widget: WidgetProps {
                    config: Rc::new(config),
                    texts: Rc::new(texts),
                    id: case["id"].as_str().unwrap().to_owned().into(),
                    on_event: Default::default(),
                    body: None,
                },
                initial: Some(Rc::new(Prefetched {
                    article: Rc::new(article),
                    related: stories.map(Rc::new),
                })),
                prerender: true,
            },
        )
        .render();
        yew::scheduler::flush().await;
        let live = root.first_element_child().expect("the widget rendered");

        let parsed = document().create_element("div").unwrap();
        parsed.set_inner_html(case["markup"].as_str().unwrap());
        let written = parsed.first_element_child().expect("markup");
        assert_eq!(parsed.child_element_count(), 1, "seed {seed}: one root");

        let (a, b) = (normalised(&written), normalised(&live));
        if a != b {
            let at = a
                .char_indices()
                .zip(b.chars())
                .find(|((_, x), y)| x != y)
                .map_or(a.len().min(b.len()), |((i, _), _)| i);
            let from = a[..at].char_indices().rev().nth(80).map_or(0, |(i, _)| i);
            differences.push(format!(
                "seed {seed}:\n  pre-rendered: …{}\n  browser:      …{}",
                a[from..].chars().take(240).collect::<String>(),
                b[from.min(b.len())..].chars().take(240).collect::<String>()
            ));
        }
        root.remove();
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[wasm_bindgen_test]
fn feeds_and_article_read_the_same_in_the_browser() {
    let fixture: Value = serde_json::from_str(FEEDS).expect("feeds.json");
    for stored in fixture["feeds"].as_array().expect("feeds") {
        let name = stored["file"].as_str().unwrap();
        let text = FEED_FILES.iter().find(|(n, _)| *n == name).unwrap().1;
        let items = match feed::detect(text).expect("syntax") {
            Syntax::Json => feed::parse_json(text),
            Syntax::Xml => xml::parse(text),
        }
        .expect("feed");
        let items_debug: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
        let stored_items: Vec<String> = stored["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(items_debug, stored_items, "{name}: raw items");
        let stories = feed::select(
            items,
            stored["base"].as_str().unwrap(),
            &[stored["current"].as_str().unwrap().to_owned()],
            20,
        );
        let stories_debug: Vec<String> = stories.iter().map(|s| format!("{s:?}")).collect();
        let stored_stories: Vec<String> = stored["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(stories_debug, stored_stories, "{name}: stories");
    }
    let article = byline::core::article::from_document(ARTICLE_FILE).expect("article");
    assert_eq!(
        format!("{article:?}"),
        fixture["article"]["debug"].as_str().unwrap()
    );
}

/// The live widget's form with a form action: the same names and hidden fields as the
/// pre-rendered one, but validated by the widget (novalidate, no required or maxlength).
#[wasm_bindgen_test]
async fn the_live_form_keeps_wordpress_names_and_validates_itself() {
    let (config, _) = Config::from_attributes([
        ("data-reply-action", "/wp-comments-post.php"),
        ("data-post-id", "4711"),
    ]);
    let article = byline::core::article::from_document(ARTICLE_FILE).expect("article");
    let render = |prerender: bool| {
        let root = container();
        yew::Renderer::<PrefetchedWidget>::with_root_and_props(
            root.clone(),
            PrefetchedWidgetProps {
                widget: WidgetProps {
                    config: Rc::new(config.clone()),
                    texts: Rc::new(texts("en", &config)),
                    id: "lf".into(),
                    on_event: Default::default(),
                    body: None,
                },
                initial: Some(Rc::new(Prefetched {
                    article: Rc::new(article.clone()),
                    related: None,
                })),
                prerender,
            },
        )
        .render();
        root
    };
    let live = render(false);
    let plain = render(true);
    yew::scheduler::flush().await;
    for (root, is_plain) in [(&live, false), (&plain, true)] {
        let form = root
            .query_selector("form.byline-form")
            .unwrap()
            .expect("form");
        assert_eq!(form.get_attribute("method").as_deref(), Some("post"));
        assert_eq!(
            form.get_attribute("action").as_deref(),
            Some("/wp-comments-post.php")
        );
        assert_eq!(form.has_attribute("novalidate"), !is_plain);
        let named = |name: &str| {
            root.query_selector(&format!("[name='{name}']"))
                .unwrap()
                .unwrap_or_else(|| panic!("no field named {name}"))
        };
        for name in ["comment", "author", "email", "url"] {
            assert_eq!(
                named(name).has_attribute("required"),
                is_plain && name != "url"
            );
            assert_eq!(named(name).has_attribute("maxlength"), is_plain);
        }
        assert_eq!(
            named("email").get_attribute("type").as_deref(),
            Some("email")
        );
        let hidden = |name: &str| named(name).unchecked_into::<HtmlInputElement>();
        assert_eq!(hidden("comment_post_ID").value(), "4711");
        assert_eq!(hidden("comment_parent").value(), "0");
        assert_eq!(hidden("wp-comment-cookies-consent").value(), "yes");
        let submit = root.query_selector("button[type='submit']").unwrap();
        assert!(submit.is_some());
        assert!(root
            .query_selector(".byline-honeypot[aria-hidden='true']")
            .unwrap()
            .is_some());
    }
    live.remove();
    plain.remove();
}
