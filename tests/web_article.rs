//! Component tests in headless Chromium: the article view and the widget's error state
//! with Retry. Run with `cargo test --target wasm32-unknown-unknown --test web_article`.
#![cfg(target_arch = "wasm32")]

use byline::components::article::ArticleView;
use byline::components::widget::{Widget, WidgetProps};
use byline::core::article::from_document;
use byline::core::config::{Config, Source};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/dom.rs"]
mod dom;
use dom::{container, document, english, sleep, texts_of};

const ARTICLE: &str = r#"{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "Bridge <b>reopens</b> after repairs",
  "alternativeHeadline": "Traffic returns to the river crossing",
  "author": [{"@type": "Person", "name": "Ana Ruiz", "url": "https://example.com/ana"}, "Lee Park"],
  "datePublished": "2024-03-05T09:30:00Z",
  "dateModified": "2024-03-06T10:00:00Z",
  "image": {"@type": "ImageObject", "url": "https://example.com/bridge.jpg", "width": 800, "height": 450, "caption": "The bridge at dawn"},
  "articleBody": "First paragraph.\n\n“A quotation that stands alone.”\n\nThird paragraph.",
  "articleSection": "Local",
  "publisher": {"@type": "Organization", "name": "The Daily Test"},
  "url": "https://example.com/bridge"
}"#;

#[wasm_bindgen_test]
async fn article_view_renders_every_part() {
    let root = render_article(ARTICLE).await;

    let headline = root.query_selector("h1.byline-headline").unwrap().unwrap();
    assert_eq!(
        headline.text_content().unwrap(),
        "Bridge <b>reopens</b> after repairs"
    );
    assert!(
        headline.query_selector("b").unwrap().is_none(),
        "markup must stay text"
    );
    assert_eq!(
        texts_of(&root, ".byline-standfirst"),
        ["Traffic returns to the river crossing"]
    );
    assert_eq!(texts_of(&root, ".byline-section"), ["Local"]);
    assert_eq!(texts_of(&root, ".byline-author"), ["Ana Ruiz", "Lee Park"]);
    let link = root.query_selector("a.byline-author").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "https://example.com/ana"
    );
    assert_eq!(
        texts_of(&root, ".byline-authors"),
        ["By Ana Ruiz and Lee Park"]
    );

    let published = root
        .query_selector("time.byline-published")
        .unwrap()
        .unwrap();
    assert_eq!(
        published.get_attribute("datetime").unwrap(),
        "2024-03-05T09:30:00Z"
    );
    assert!(published.text_content().unwrap().contains("2024"));
    assert_ne!(published.text_content().unwrap(), "2024-03-05T09:30:00Z");
    assert!(root
        .query_selector("time.byline-modified")
        .unwrap()
        .is_some());

    assert_eq!(
        texts_of(&root, ".byline-body > p.byline-paragraph").len(),
        2
    );
    assert_eq!(
        texts_of(&root, ".byline-body > blockquote.byline-quote"),
        ["“A quotation that stands alone.”"]
    );
    let image = root.query_selector("img.byline-image").unwrap().unwrap();
    assert_eq!(image.get_attribute("width").as_deref(), Some("800"));
    assert_eq!(image.get_attribute("height").as_deref(), Some("450"));
    assert_eq!(
        texts_of(&root, "figcaption.byline-caption"),
        ["The bridge at dawn"]
    );
    assert_eq!(texts_of(&root, ".byline-reading-time"), ["1 minute read"]);
    assert_eq!(
        texts_of(&root, ".byline-publisher"),
        ["Published by The Daily Test"]
    );
    root.remove();
}

/// The ArticleView of this JSON-LD document, rendered in English into a new container.
async fn render_article(json: &str) -> web_sys::Element {
    let root = container();
    yew::Renderer::<ArticleView>::with_root_and_props(
        root.clone(),
        byline::components::article::ArticleViewProps {
            article: Rc::new(from_document(json).unwrap()),
            texts: english(),
            body: None,
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

/// A headline-only article (a live blog's shell, a brief): no "1 minute read" for nothing.
#[wasm_bindgen_test]
async fn an_article_without_a_body_has_no_reading_time() {
    let root =
        render_article(r#"{"@type": "NewsArticle", "headline": "Polls close at ten"}"#).await;
    assert_eq!(
        texts_of(&root, "h1.byline-headline"),
        ["Polls close at ten"]
    );
    assert!(texts_of(&root, ".byline-reading-time").is_empty());
    root.remove();
}

#[wasm_bindgen_test]
async fn long_bodies_render_in_pages() {
    let body: Vec<String> = (0..2500).map(|i| format!("Paragraph {i}.")).collect();
    let json = serde_json::json!({"@type": "Article", "headline": "Long", "articleBody": body.join("\n\n")});
    let root = render_article(&json.to_string()).await;
    assert_eq!(
        root.query_selector_all(".byline-paragraph")
            .unwrap()
            .length(),
        1000
    );
    let more: HtmlElement = root
        .query_selector(".byline-more")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(more.text_content().unwrap(), "Show 1,000 more paragraphs");
    more.click();
    yew::scheduler::flush().await;
    more.click();
    yew::scheduler::flush().await;
    assert_eq!(
        root.query_selector_all(".byline-paragraph")
            .unwrap()
            .length(),
        2500
    );
    assert!(root.query_selector(".byline-more").unwrap().is_none());
    root.remove();
}

/// Waits for the widget to leave its loading state (fetches and effects are asynchronous).
async fn settle(root: &Element) {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if root.query_selector(".byline-loading").unwrap().is_none() {
            return;
        }
        sleep(10).await;
    }
    panic!("the widget never left its loading state");
}

#[wasm_bindgen_test]
async fn error_state_offers_retry_that_loads_again() {
    let root = container();
    let config = Config {
        article: Source::ElementId("late-article".into()),
        ..Config::default()
    };
    yew::Renderer::<Widget>::with_root_and_props(
        root.clone(),
        WidgetProps {
            config: Rc::new(config),
            texts: english(),
            id: "t".into(),
            on_event: Default::default(),
            body: None,
        },
    )
    .render();
    settle(&root).await;
    let error = root
        .query_selector(".byline-error[role=alert]")
        .unwrap()
        .expect("error state");
    assert!(error
        .text_content()
        .unwrap()
        .contains("could not be loaded"));
    assert!(root.query_selector("h1").unwrap().is_none());
    let retry_button = || -> HtmlElement {
        root.query_selector("button.byline-retry")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap()
    };
    let focused = |el: &HtmlElement| {
        document()
            .active_element()
            .is_some_and(|a| a.is_same_node(Some(el)))
    };
    assert!(!focused(&retry_button()), "a first failure takes no focus");

    // A keyboard reader's Retry that fails again: their button was replaced, and the new
    // one has the focus (not the top of the page).
    let first = retry_button();
    first.focus().unwrap();
    first.click();
    settle(&root).await;
    assert!(!first.is_connected(), "the error state was rebuilt");
    assert!(focused(&retry_button()), "focus is back on Retry");

    // The article appears in the page; Retry picks it up.
    let script = document().create_element("script").unwrap();
    script.set_attribute("type", "application/ld+json").unwrap();
    script.set_attribute("id", "late-article").unwrap();
    script.set_text_content(Some(ARTICLE));
    document().body().unwrap().append_child(&script).unwrap();
    let retry: HtmlElement = root
        .query_selector("button.byline-retry")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(retry.text_content().unwrap(), "Retry");
    retry.click();
    settle(&root).await;
    assert!(root.query_selector(".byline-error").unwrap().is_none());
    assert_eq!(
        texts_of(&root, "h1.byline-headline"),
        ["Bridge <b>reopens</b> after repairs"]
    );
    script.remove();
    root.remove();
}

#[wasm_bindgen_test]
async fn widget_reports_a_missing_url_as_an_error() {
    let root = container();
    let config = Config {
        article: Source::Url("/definitely-missing-article.json".into()),
        ..Config::default()
    };
    yew::Renderer::<Widget>::with_root_and_props(
        root.clone(),
        WidgetProps {
            config: Rc::new(config),
            texts: english(),
            id: "t".into(),
            on_event: Default::default(),
            body: None,
        },
    )
    .render();
    settle(&root).await;
    assert!(root.query_selector(".byline-error").unwrap().is_some());
    let theme = root.query_selector(".byline").unwrap().unwrap();
    assert_eq!(theme.get_attribute("data-theme").as_deref(), Some("auto"));
    assert_eq!(theme.get_attribute("lang").as_deref(), Some("en"));
    root.remove();
}
