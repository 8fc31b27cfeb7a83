//! Generated HTML bodies (valid and malformed) and the markup the native side makes of them
//! (html5ever, the allowlist, Yew's server renderer): tests/fixtures/prerender/bodies.json,
//! which tests/web_body.rs compares with what the browser makes of the same HTML.

use byline::components::rich_body::{RichBody, RichBodyProps};
use byline::core::body::Body;
use byline::prerender::html::{article_body, reply_body};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Value};
use std::rc::Rc;

/// Element names the generator uses: kept, renamed, unwrapped, dropped, embeds, foreign.
const TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "pre",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "code",
    "abbr",
    "q",
    "del",
    "time",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "span",
    "section",
    "x-card",
    "font",
    "marquee",
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "button",
    "select",
    "textarea",
    "svg",
    "math",
    "object",
    "iframe",
    "video",
    "picture",
    "strike",
    "acronym",
    "title",
    "textarea",
    // With the attributes that make them what they are.
    "a href=\"https://a.example/x\"",
    "a href=\"/rel\" title=\"T\"",
    "a href=\"javascript:alert(1)\"",
    "a href=\"mailto:a@b.example\" class=\"byline-embed-link\"",
    "figure class=\"wp-block-embed\"",
    "figure class=\"wp-block-pullquote\"",
    "figure class=\"byline-embed\"",
    "div class=\"wp-block-embed__wrapper\"",
    "ol start=\"3\" reversed",
    "th scope=\"col\" colspan=\"2\"",
    "td rowspan=\"2\"",
    "iframe src=\"https://v.example/e\" title=\"A clip\"",
    "video src=\"/v.mp4\"",
    "q cite=\"https://c.example/\"",
    "blockquote cite=\"javascript:x\"",
];

const VOID: &[&str] = &[
    "br",
    "hr",
    "img",
    "input",
    "source",
    "wbr",
    "img src=\"https://i.example/a.jpg\" alt=\"A\" width=\"10\" height=\"10\"",
    "img src=\"/a.jpg\" srcset=\"/a.jpg 1x, /b.jpg 2x\" sizes=\"50vw\"",
    "img class=\"wp-smiley\" alt=\"🙂\" src=\"/s.png\"",
    "source src=\"https://a.example/a.mp3\"",
];

const ATTRIBUTES: &[&str] = &[
    "href=\"https://a.example/x?y=1&amp;z=2\"",
    "href=\"/rel\"",
    "href=\"#frag\"",
    "href=\"mailto:a@b.example\"",
    "href=\"tel:+1\"",
    "href=\"javascript:alert(1)\"",
    "href=\"jav&#x09;ascript:alert(1)\"",
    "href=\"data:text/html,x\"",
    "src=\"https://i.example/a.jpg\"",
    "src=\"javascript:alert(1)\"",
    "src=x onerror=alert(1)",
    "srcset=\"/a.jpg 1x, /b.jpg 2x\"",
    "srcset=\"/a.jpg 1x, javascript:x 2x\"",
    "sizes=\"100vw\"",
    "alt=\"An alt\"",
    "width=\"640\"",
    "height=\"48x\"",
    "title=\"A &quot;title&quot;\"",
    "class=\"wp-block-pullquote\"",
    "class=\"wp-block-embed\"",
    "class=\"wp-block-embed__wrapper\"",
    "class=\"wp-smiley\"",
    "start=\"4\"",
    "reversed",
    "colspan=\"2\"",
    "rowspan=\"x\"",
    "scope=\"col\"",
    "datetime=\"2026-12-01\"",
    "cite=\"https://c.example/\"",
    "style=\"color:red\"",
    "onclick=\"alert(1)\"",
    "id=\"i\"",
    "data-x=\"1\"",
];

const TEXTS: &[&str] = &[
    "word",
    " ",
    "\n",
    "two words",
    "a &amp; b",
    "&lt;b&gt;",
    "&nbsp;",
    "é ü 中文",
    "a\r\nb",
    "&#13;",
    "x < y",
    "https://www.youtube.com/watch?v=abc",
    "'\"",
];

/// Malformed pieces: stray end tags, half tags, comments, entities.
const BROKEN: &[&str] = &[
    "</p>",
    "</div>",
    "</li>",
    "</table>",
    "<p",
    "<a href='x",
    "<!-- c -->",
    "<!-->",
    "</",
    "<b><i>mis</b>nested</i>",
    "&am",
    "<![CDATA[x]]>",
    "<td>",
    "<tr>",
];

fn leaf() -> BoxedStrategy<String> {
    prop_oneof![
        4 => prop::sample::select(TEXTS).prop_map(str::to_owned),
        1 => prop::sample::select(BROKEN).prop_map(str::to_owned),
        1 => (prop::sample::select(VOID), prop::collection::vec(prop::sample::select(ATTRIBUTES), 0..3))
            .prop_map(|(tag, attrs)| format!("<{tag} {}>", attrs.join(" "))),
    ]
    .boxed()
}

/// HTML fragments: elements with attributes around generated content, sometimes unclosed.
pub fn html() -> BoxedStrategy<String> {
    leaf()
        .prop_recursive(5, 60, 6, |inner| {
            (
                prop::sample::select(TAGS),
                prop::collection::vec(prop::sample::select(ATTRIBUTES), 0..3),
                prop::collection::vec(inner, 0..5),
                prop::bool::weighted(0.85),
            )
                .prop_map(|(tag, attrs, children, closed)| {
                    let name = tag.split(' ').next().unwrap_or(tag);
                    let close = if closed {
                        format!("</{name}>")
                    } else {
                        String::new()
                    };
                    format!("<{tag} {}>{}{close}", attrs.join(" "), children.concat())
                })
        })
        .prop_map(|s| s.replace("< >", "<>"))
        .boxed()
}

/// Yew's server rendering of the body component.
pub fn server_markup(body: Body) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    runtime.block_on(
        yew::LocalServerRenderer::<RichBody>::with_props(RichBodyProps {
            body: Rc::new(body),
        })
        .hydratable(false)
        .render(),
    )
}

/// tests/fixtures/prerender/bodies.json: generated sources with the native markup of each,
/// by both rule sets.
pub fn bodies_fixture() -> String {
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[23; 32]),
    );
    let strategy = prop::collection::vec(html(), 1..4).prop_map(|parts| parts.concat());
    let mut cases: Vec<Value> = Vec::new();
    let wordpress = include_str!("../fixtures/body/wordpress-core-blocks.html").to_owned();
    let mut sources = vec![wordpress];
    for _ in 0..300 {
        sources.push(strategy.new_tree(&mut runner).expect("a value").current());
    }
    for source in sources {
        cases.push(json!({
            "html": source,
            "article": server_markup(article_body(&source)),
            "reply": server_markup(reply_body(&source)),
        }));
    }
    serde_json::to_string_pretty(&json!({ "cases": cases })).expect("json") + "\n"
}
