//! Rich bodies in the browser (CONTRACT 3b, 5b): the allowlist over `DOMParser`
//! (`services::html`) and the body component, against the native side, hostile input, and
//! the body source rules (`embed::body`). Run with
//! `cargo test --target wasm32-unknown-unknown --test web_body`.
//!
//! tests/fixtures/prerender/bodies.json holds generated HTML (valid and malformed) and the
//! markup the native side made of each (html5ever, the same allowlist, Yew's server
//! renderer); a native test keeps it current. Here the browser parses the same HTML, the
//! component renders it, and both DOMs must be the same, node for node.
#![cfg(target_arch = "wasm32")]

use byline::components::article::{ArticleView, ArticleViewProps};
use byline::components::rich_body::{RichBody, RichBodyProps};
use byline::core::body::Body;
use byline::core::config::BodySource;
use byline::embed::body::read;
use byline::services::html::{article_body, reply_body};
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{DomParser, Element, Node, SupportedType};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/dom.rs"]
mod dom;
use dom::{all, container, english, q, sleep, text};

const BODIES: &str = include_str!("fixtures/prerender/bodies.json");
const RSNAKE: &str = include_str!("../../shared/data/xss-rsnake.txt");

/// A node exactly: names, attributes sorted by name, texts as they are.
fn exact(node: &Node, out: &mut String) {
    match node.node_type() {
        Node::TEXT_NODE => {
            out.push_str(&format!("{:?}", node.node_value().unwrap_or_default()));
        }
        Node::ELEMENT_NODE => {
            let el: &Element = node.unchecked_ref();
            let mut attributes: Vec<(String, String)> = el
                .get_attribute_names()
                .iter()
                .filter_map(|n| n.as_string())
                .map(|n| {
                    let v = el.get_attribute(&n).unwrap_or_default();
                    (n, v)
                })
                .collect();
            attributes.sort();
            out.push_str(&format!("<{}{attributes:?}>", el.local_name()));
            children(node, out);
            out.push_str(&format!("</{}>", el.local_name()));
        }
        _ => out.push_str("<?>"),
    }
}

fn children(node: &Node, out: &mut String) {
    let list = node.child_nodes();
    for i in 0..list.length() {
        exact(&list.item(i).unwrap(), out);
    }
}

/// What a browser reads from the native side's markup.
fn parsed(markup: &str) -> String {
    let doc = DomParser::new()
        .unwrap()
        .parse_from_string(
            &format!("<!DOCTYPE html><body>{markup}"),
            SupportedType::TextHtml,
        )
        .unwrap();
    let mut out = String::new();
    children(doc.body().unwrap().unchecked_ref(), &mut out);
    out
}

async fn rendered(body: Body) -> (Element, String) {
    let root = container();
    yew::Renderer::<RichBody>::with_root_and_props(
        root.clone(),
        RichBodyProps {
            body: Rc::new(body),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let mut out = String::new();
    children(&root, &mut out);
    (root, out)
}

#[wasm_bindgen_test]
async fn the_browser_and_the_native_side_make_the_same_body() {
    let fixture: Value = serde_json::from_str(BODIES).expect("bodies.json");
    let cases = fixture["cases"].as_array().expect("cases");
    assert!(cases.len() > 300);
    let mut differences = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let html = case["html"].as_str().unwrap();
        for (rules, body) in [("article", article_body(html)), ("reply", reply_body(html))] {
            let (root, live) = rendered(body).await;
            let native = parsed(case[rules].as_str().unwrap());
            if live != native {
                differences.push(format!(
                    "case {i} ({rules}) {html:?}\n  native:  {native}\n  browser: {live}"
                ));
            }
            root.remove();
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} differ:\n{}",
        differences.len(),
        cases.len() * 2,
        differences.join("\n")
    );
}

const VECTORS: &[&str] = &[
    "<noscript><p title=\"</noscript><img src=x onerror=window.__byline_xss=1>\"></noscript>",
    "<template><img src=x onerror=window.__byline_xss=1></template>",
    "<svg><p><style><img src=x onerror=window.__byline_xss=1></style></p></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__byline_xss=1>",
    "<svg></p><style><a id=\"</style><img src=1 onerror=window.__byline_xss=1>\">",
    "<a href=\"jav&#x09;ascript:window.__byline_xss=1\">a</a>",
    "<a href=\"&#106;avascript:window.__byline_xss=1\">b</a>",
    "<img src=x onerror=window.__byline_xss=1>",
    "<style></style><img src=x onerror=window.__byline_xss=1>",
    "<form><form><p>nested</p></form></form>",
    "<p title=\"</script><script>window.__byline_xss=1</script>\">t</p>",
    "<scr<script>ipt>window.__byline_xss=1</script>",
    "<iframe src=\"javascript:window.__byline_xss=1\"></iframe>",
    "<iframe srcdoc=\"<script>parent.__byline_xss=1</script>\"></iframe>",
    "<video><source onerror=\"window.__byline_xss=1\"></video>",
];

/// No handler attribute and no `javascript:`/`data:` address anywhere under `root`.
fn assert_inert(root: &Element, source: &str) {
    for el in all(root, "*") {
        for name in el
            .get_attribute_names()
            .iter()
            .filter_map(|n| n.as_string())
        {
            assert!(
                !name.starts_with("on"),
                "{source}: {name} on <{}>",
                el.local_name()
            );
            let value: String = el
                .get_attribute(&name)
                .unwrap_or_default()
                .to_ascii_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect();
            assert!(
                !value.contains("javascript:") && !value.contains("data:"),
                "{source}: {name}={value}"
            );
        }
        assert!(
            !matches!(
                el.local_name().as_str(),
                "script" | "iframe" | "object" | "embed" | "style" | "svg" | "math" | "form"
            ),
            "{source}: <{}>",
            el.local_name()
        );
    }
}

#[wasm_bindgen_test]
async fn hostile_bodies_and_replies_never_run() {
    let flag = || js_sys::Reflect::get(&dom::window(), &"__byline_xss".into()).unwrap();
    let alerted = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        let _ = js_sys::Reflect::set(&dom::window(), &"__byline_xss".into(), &1.into());
    });
    js_sys::Reflect::set(&dom::window(), &"alert".into(), alerted.as_ref()).unwrap();
    let sources: Vec<&str> = VECTORS
        .iter()
        .copied()
        .chain(RSNAKE.lines().filter(|l| !l.trim().is_empty()))
        .collect();
    assert!(sources.len() > 60);
    let mut roots = Vec::new();
    for source in &sources {
        for body in [article_body(source), reply_body(source)] {
            let (root, _) = rendered(body).await;
            assert_inert(&root, source);
            roots.push(root);
        }
    }
    // Whatever would load or run has had its chance.
    sleep(300).await;
    assert!(flag().is_undefined(), "a vector ran");
    for root in roots {
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn the_article_shows_the_rich_body_marked_as_the_body() {
    let article = byline::core::article::from_document(
        r#"{"@type": "NewsArticle", "headline": "H", "articleBody": "Plain text body."}"#,
    )
    .unwrap();
    let html = include_str!("fixtures/body/wordpress-core-blocks.html");
    let root = container();
    yew::Renderer::<ArticleView>::with_root_and_props(
        root.clone(),
        ArticleViewProps {
            article: Rc::new(article),
            texts: english(),
            body: Some(Rc::new(article_body(html))),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let body = q(&root, ".byline-body[itemprop='articleBody']");
    assert!(!text(&body).contains("Plain text body."));
    assert_eq!(text(&q(&body, "h2")), "What changes");
    assert_eq!(all(&body, "li").len(), 2);
    let image = q(&body, "figure > img");
    assert_eq!(image.get_attribute("width").as_deref(), Some("1024"));
    assert_eq!(image.get_attribute("height").as_deref(), Some("683"));
    assert_eq!(image.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(
        text(&q(&body, "figure > figcaption")),
        "The ferry at the north quay."
    );
    let wrapper = q(&body, ".byline-table");
    assert_eq!(wrapper.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(all(&wrapper, "td").len(), 4);
    assert!(q(&body, "figure.byline-pullquote blockquote").is_connected());
    let embeds = all(&body, "figure.byline-embed > a.byline-embed-link");
    assert_eq!(embeds.len(), 2);
    assert_eq!(text(&embeds[0]), "The new ferry, first crossing");
    root.remove();
}

/// A host in the page holding `inner`, with `data-article-body` when given.
fn host(inner: &str, attribute: Option<&str>) -> Element {
    let host = container();
    host.set_attribute("data-byline", "").unwrap();
    if let Some(value) = attribute {
        host.set_attribute("data-article-body", value).unwrap();
    }
    host.set_inner_html(inner);
    host
}

fn first_text(body: &Option<Rc<Body>>) -> String {
    let mut out = String::new();
    for t in body.as_ref().map(|b| b.texts()).unwrap_or_default() {
        out.push_str(t);
    }
    out.trim().to_owned()
}

#[wasm_bindgen_test]
fn the_body_source_follows_data_article_body() {
    // Default: the host's own [itemprop="articleBody"].
    let own = host(
        "<p>Intro</p><div itemprop=\"articleBody\"><p>Own <a href=\"/x\">body</a></p></div>",
        None,
    );
    let body = read(&own, &BodySource::Default, false, None);
    assert_eq!(first_text(&body), "Own body");
    // `text`: always the JSON-LD text.
    assert!(read(&own, &BodySource::Text, false, None).is_none());
    // No articleBody in the host: the text, or what the host gave before.
    let bare = host("<p>Only a fallback</p>", None);
    assert!(read(&bare, &BodySource::Default, false, None).is_none());
    let before = Rc::new(article_body("<p>Remembered</p>"));
    assert_eq!(
        first_text(&read(&bare, &BodySource::Default, false, Some(&before))),
        "Remembered"
    );
    // #id: a <template> or any element, inside or outside the host.
    let outside = container();
    outside.set_inner_html(
        "<template id=\"rich-t\"><h2>From a template</h2><img src=x onerror=alert(1)></template><div id=\"rich-d\"><p>From a div</p></div><script id=\"rich-s\" type=\"text/html\"><p>x</p></script><div id=\"rich-e\"> <span></span> </div>",
    );
    assert_eq!(
        first_text(&read(
            &bare,
            &BodySource::ElementId("rich-t".into()),
            false,
            None
        )),
        "From a template"
    );
    assert_eq!(
        first_text(&read(
            &bare,
            &BodySource::ElementId("rich-d".into()),
            false,
            None
        )),
        "From a div"
    );
    let inside = host("<div id=\"rich-in\"><p>Inside the host</p></div>", None);
    assert_eq!(
        first_text(&read(
            &inside,
            &BodySource::ElementId("rich-in".into()),
            false,
            None
        )),
        "Inside the host"
    );
    // Nowhere, a script, an empty element: the text (with one warning each).
    for id in ["rich-none", "rich-s", "rich-e"] {
        assert!(
            read(&bare, &BodySource::ElementId(id.into()), false, None).is_none(),
            "{id}"
        );
    }
    // A pre-rendered host reads the body its markup carries first.
    let prerendered = host(
        "<div class=\"byline-body byline-rich\" itemprop=\"articleBody\"><figure class=\"byline-pullquote\"><blockquote><p>Pre</p></blockquote></figure></div>",
        Some("#rich-d"),
    );
    let body = read(
        &prerendered,
        &BodySource::ElementId("rich-d".into()),
        true,
        None,
    )
    .unwrap();
    assert_eq!(first_text(&Some(body.clone())), "Pre");
    assert_eq!(
        body,
        Rc::new(article_body(
            "<figure class=\"wp-block-pullquote\"><blockquote><p>Pre</p></blockquote></figure>"
        ))
    );
    for el in [own, bare, outside, inside, prerendered] {
        el.remove();
    }
}
