//! Helpers of tests/prerender.rs: a fresh copy of the fixture site, reading hosts back out of a
//! written page (with lol_html, as the pre-renderer reads pages), the XSS pages, generated
//! cases and the fixture files the browser-side tests compare against.

#![allow(dead_code)]

pub mod bodies;

use byline::components::widget::Prefetched;
use byline::core::config::Config;
use byline::core::feed::{self, Story, Syntax};
use byline::prerender::page::MARK;
use byline::prerender::render::widget_markup;
use byline::prerender::run::texts_for;
use byline::prerender::xml;
use lol_html::html_content::ContentType;
use lol_html::{element, text, HtmlRewriter, Settings};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/prerender")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("fixture folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A fresh copy of `tests/fixtures/prerender/site` in a temporary folder.
pub fn site() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "byline-prerender-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&fixtures().join("site"), &dir);
    dir
}

pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Runs lol_html over `html` with the given handlers, discarding the output.
fn read_with(html: &str, settings: Settings<'_, '_>) {
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(html.as_bytes()).expect("html");
    rewriter.end().expect("html");
}

/// (start tag span, inner content span) of the n-th host (1-based).
fn host_spans(html: &str, n: usize) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    let found = Rc::new(RefCell::new((
        0usize,
        None::<(std::ops::Range<usize>, usize)>,
        None::<usize>,
    )));
    let state = found.clone();
    read_with(
        html,
        Settings::new().append_element_content_handler(element!("[data-byline]", move |el| {
            let mut s = state.borrow_mut();
            s.0 += 1;
            if s.0 == n {
                let tag = el.source_location().bytes();
                s.1 = Some((tag.clone(), tag.end));
                let state = state.clone();
                let _ = el.on_end_tag(lol_html::end_tag!(move |end| {
                    state.borrow_mut().2 = Some(end.source_location().bytes().start);
                    Ok(())
                }));
            }
            Ok(())
        })),
    );
    let s = found.borrow();
    let (tag, inner_start) = s.1.clone().unwrap_or_else(|| panic!("no host {n}"));
    let inner_end = s.2.unwrap_or(inner_start);
    (tag, inner_start..inner_end)
}

/// The inner content of the n-th host, as written.
pub fn host_markup(html: &str, n: usize) -> String {
    html[host_spans(html, n).1].to_owned()
}

/// The start tag of the n-th host, as written.
pub fn host_start_tag(html: &str, n: usize) -> String {
    html[host_spans(html, n).0].to_owned()
}

/// The page with every host emptied and unmarked: what must not change. (The mark is
/// taken out as text: removing it with lol_html would write the whole start tag anew.)
pub fn without_hosts(html: &str) -> String {
    let html = html.replace(&format!(" {MARK}=\"{}\"", env!("CARGO_PKG_VERSION")), "");
    let mut out = Vec::new();
    let mut rewriter = HtmlRewriter::new(
        Settings::new().append_element_content_handler(element!("[data-byline]", |el| {
            el.set_inner_content("", ContentType::Text);
            Ok(())
        })),
        |c: &[u8]| out.extend_from_slice(c),
    );
    rewriter.write(html.as_bytes()).expect("html");
    rewriter.end().expect("html");
    String::from_utf8(out).expect("utf-8")
}

pub fn count_elements(html: &str, selector: &str) -> usize {
    let n = Rc::new(RefCell::new(0));
    let counter = n.clone();
    read_with(
        html,
        Settings::new().append_element_content_handler(element!(selector, move |_| {
            *counter.borrow_mut() += 1;
            Ok(())
        })),
    );
    let n = *n.borrow();
    n
}

/// The text of the first element matching `selector`, entities decoded.
pub fn element_text(html: &str, selector: &str) -> Option<String> {
    let found = Rc::new(RefCell::new((0usize, None::<String>)));
    let (a, b) = (found.clone(), found.clone());
    read_with(
        html,
        Settings::new()
            .append_element_content_handler(element!(selector, move |_| {
                let mut s = a.borrow_mut();
                s.0 += 1;
                if s.0 == 1 {
                    s.1 = Some(String::new());
                }
                Ok(())
            }))
            .append_element_content_handler(text!(selector, move |t| {
                let mut s = b.borrow_mut();
                if s.0 == 1 {
                    if let Some(text) = s.1.as_mut() {
                        text.push_str(t.as_str());
                    }
                }
                Ok(())
            })),
    );
    let s = found.borrow();
    s.1.as_deref().map(byline::core::text::decode_entities)
}

/// The tags the widget renders; anything else inside a host came from data.
const WIDGET_TAGS: &[&str] = &[
    "div",
    "article",
    "header",
    "footer",
    "section",
    "p",
    "h1",
    "h2",
    "h3",
    "span",
    "a",
    "time",
    "figure",
    "figcaption",
    "img",
    "ul",
    "ol",
    "li",
    "blockquote",
    "form",
    "label",
    "textarea",
    "input",
    "button",
    // A rich body's allowlist (CONTRACT 3b).
    "h4",
    "h5",
    "h6",
    "dl",
    "dt",
    "dd",
    "pre",
    "hr",
    "br",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "mark",
    "sub",
    "sup",
    "small",
    "cite",
    "code",
    "kbd",
    "abbr",
    "q",
    "del",
    "ins",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
];

/// What in the hosts could run or load something: unknown elements, event handler or style
/// attributes, and links or sources that are not http(s) or relative.
pub fn unsafe_markup(html: &str) -> Vec<String> {
    let findings = Rc::new(RefCell::new(Vec::new()));
    let f = findings.clone();
    let check = move |el: &mut lol_html::html_content::Element| {
        let tag = el.tag_name();
        let mut f = f.borrow_mut();
        if !WIDGET_TAGS.contains(&tag.as_str()) {
            f.push(format!("element <{tag}>"));
        }
        for attribute in el.attributes() {
            let name = attribute.name();
            let value = attribute.value();
            if name.starts_with("on") || name == "style" || name == "srcdoc" {
                f.push(format!("attribute {name}={value:?} on <{tag}>"));
            }
            if matches!(
                name.as_str(),
                "href" | "src" | "action" | "formaction" | "srcset" | "poster"
            ) {
                let cleaned: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let scheme = cleaned.split_once(':').map(|(s, _)| s.to_owned());
                let safe = match scheme {
                    // A rich body's links may also mail or call (CONTRACT 3b, 5b).
                    Some(s) if !s.contains('/') && !s.contains('?') && !s.contains('#') => {
                        s == "http"
                            || s == "https"
                            || (name == "href" && (s == "mailto" || s == "tel"))
                    }
                    _ => true,
                };
                if !safe {
                    f.push(format!("{name}={value:?} on <{tag}>"));
                }
            }
        }
    };
    // Page-data scripts kept in a host are the publisher's own; the XSS pages have none.
    read_with(
        html,
        Settings::new().append_element_content_handler(element!("[data-byline] *", move |el| {
            check(el);
            Ok(())
        })),
    );
    let out = findings.borrow().clone();
    out
}

pub fn xss_vectors() -> Vec<String> {
    fs::read_to_string(fixtures().join("xss-rsnake.txt"))
        .expect("vectors")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// JSON safe as the text of a `<script>` element (as a CMS prints it).
pub fn script_json(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn hostile_article(payload: &str) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": payload,
        "description": payload,
        "articleSection": payload,
        "datePublished": "2025-04-01T09:00:00Z",
        "dateModified": payload,
        "url": payload,
        "discussionUrl": payload,
        "author": [{"@type": "Person", "name": payload, "url": payload}, payload],
        "image": {"@type": "ImageObject", "url": payload, "caption": payload, "width": 640, "height": 360},
        "publisher": {"@type": "Organization", "name": payload},
        "articleBody": format!("{payload}\n\n\"{payload}\"\n\n{payload}"),
    })
}

pub fn hostile_page(payload: &str, i: usize) -> String {
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>x</title>
<script type="application/ld+json">{}</script></head>
<body>
<div data-byline data-related="xss-{i}.rss" data-reply-action="/wp-comments-post.php" data-post-id="{}" data-reply-as="{}"></div>
<div data-byline data-related="xss-{i}.json" data-reply-format="form" data-reply-endpoint="/wp-comments-post.php"></div>
</body></html>
"#,
        script_json(&hostile_article(payload)),
        xml_escape(payload),
        xml_escape(payload),
    )
}

pub fn hostile_rss(payload: &str) -> String {
    let p = xml_escape(payload);
    format!(
        r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>{p}</title>
<item><title>{p}</title><link>https://news.example/a</link><description>{p}</description><pubDate>{p}</pubDate><media:content url="{p}" medium="image"/></item>
<item><title>{p}</title><link>{p}</link><description>&lt;p&gt;{p}&lt;/p&gt;</description></item>
<item><title><![CDATA[{payload_cdata}]]></title><link>https://news.example/b</link><enclosure url="https://news.example/{p}.jpg" type="image/jpeg"/></item>
</channel></rss>"#,
        payload_cdata = payload.replace("]]>", "]]&gt;")
    )
}

pub fn hostile_json_feed(payload: &str) -> String {
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": payload,
        "items": [
            {"id": "1", "url": "https://news.example/a", "title": payload, "summary": payload, "image": payload, "date_published": payload},
            {"id": "2", "url": payload, "title": payload},
            {"id": "3", "url": "https://news.example/c", "title": payload, "content_html": payload, "image": format!("https://news.example/{payload}")}
        ]
    })
    .to_string()
}

// ---- generated cases --------------------------------------------------------------------

/// A small deterministic generator (xorshift), so the fixture is stable.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15 | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "storm",
    "Brücke",
    "<b>bold</b>",
    "&amp;",
    "\"quoted\"",
    "it's",
    "naïve",
    "日本語",
    "עברית",
    "العربية",
    "😀",
    "a&b",
    "<script>x</script>",
    "javascript:alert(1)",
    "  spaced  ",
    "tab\there",
    "Ünïcödé",
    "x > y",
    "1 < 2",
    "{n}",
    "{name}",
    "'single'",
    "Straße",
    "café",
];
const LANGS: &[&str] = &["en", "de", "fr", "es", "ar", "he", "ja"];

fn words(rng: &mut Rng, min: usize, max: usize) -> String {
    let n = min + rng.below(max - min + 1);
    (0..n)
        .map(|_| *rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn date(rng: &mut Rng) -> String {
    let (y, m, d) = (2000 + rng.below(30), 1 + rng.below(12), 1 + rng.below(28));
    match rng.below(4) {
        0 => format!("{y:04}-{m:02}-{d:02}"),
        1 => format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:00Z",
            rng.below(24),
            rng.below(60)
        ),
        2 => format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+0{}:00",
            rng.below(24),
            rng.below(60),
            rng.below(60),
            rng.below(10)
        ),
        _ => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            format!(
                "{d:02} {} {y} {:02}:{:02}:00 GMT",
                MONTHS[m - 1],
                rng.below(24),
                rng.below(60)
            )
        }
    }
}

/// One generated article with its host attributes and related stories.
#[derive(Clone, Debug)]
pub struct Case {
    pub headline: String,
    pub article: Value,
    pub attributes: Vec<(String, String)>,
    pub lang: String,
    pub id: String,
    pub stories: Option<Vec<Story>>,
}

pub fn generated_case(seed: u64) -> Case {
    let mut rng = Rng::new(seed);
    let mut headline = words(&mut rng, 1, 6);
    if headline.trim().is_empty() {
        headline = "Headline".into();
    }
    let mut article =
        json!({"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline});
    let a = article.as_object_mut().expect("object");
    if rng.chance(60) {
        a.insert("alternativeHeadline".into(), json!(words(&mut rng, 3, 12)));
    }
    if rng.chance(70) {
        a.insert("datePublished".into(), json!(date(&mut rng)));
    }
    if rng.chance(40) {
        a.insert("dateModified".into(), json!(date(&mut rng)));
    }
    if rng.chance(50) {
        a.insert("articleSection".into(), json!(words(&mut rng, 1, 2)));
    }
    if rng.chance(60) {
        a.insert(
            "url".into(),
            json!(format!("https://news.example/{}", rng.below(1000))),
        );
    }
    if rng.chance(40) {
        a.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": words(&mut rng, 1, 3)}),
        );
    }
    let authors: Vec<Value> = (0..rng.below(4))
        .map(|_| {
            let name = words(&mut rng, 1, 3);
            match rng.below(3) {
                0 => json!(name),
                1 => json!({"@type": "Person", "name": name, "url": format!("https://news.example/p/{}", rng.below(99))}),
                _ => json!({"@type": "Person", "name": name, "url": "javascript:alert(1)"}),
            }
        })
        .collect();
    if !authors.is_empty() {
        a.insert("author".into(), json!(authors));
    }
    if rng.chance(40) {
        a.insert(
            "image".into(),
            json!({"@type": "ImageObject", "url": format!("https://news.example/i/{}.jpg", rng.below(99)),
                   "width": 100 + rng.below(1000), "height": 100 + rng.below(600), "caption": words(&mut rng, 0, 4)}),
        );
    }
    if rng.chance(80) {
        let paragraphs: Vec<String> = (0..1 + rng.below(5))
            .map(|_| {
                let p = words(&mut rng, 1, 10);
                if rng.chance(20) {
                    format!("“{p}”")
                } else {
                    p
                }
            })
            .collect();
        a.insert("articleBody".into(), json!(paragraphs.join("\n\n")));
    }
    let lang = rng.pick(LANGS).to_string();
    let mut attributes = vec![
        ("data-byline".to_owned(), String::new()),
        ("data-lang".to_owned(), lang.clone()),
    ];
    if rng.chance(60) {
        attributes.push(("data-reply-action".into(), "/wp-comments-post.php".into()));
        attributes.push(("data-post-id".into(), format!("{}", rng.below(10_000))));
    }
    if rng.chance(15) {
        attributes.push(("data-replies".into(), "closed".into()));
    }
    if rng.chance(20) {
        attributes.push(("data-reply-as".into(), words(&mut rng, 1, 2)));
    }
    if rng.chance(20) {
        attributes.push(("data-require-name-email".into(), "false".into()));
    }
    if rng.chance(20) {
        attributes.push((
            "data-theme".into(),
            rng.pick(&["light", "dark"]).to_string(),
        ));
    }
    if rng.chance(15) {
        attributes.push(("data-text-submit".into(), words(&mut rng, 1, 2)));
    }
    let stories = rng.chance(60).then(|| {
        (0..rng.below(5))
            .map(|i| Story {
                title: words(&mut rng, 1, 5).trim().to_owned() + &format!(" {i}"),
                url: format!("https://news.example/s/{}", rng.below(500)),
                summary: rng.chance(50).then(|| words(&mut rng, 2, 8)),
                date: rng.chance(60).then(|| date(&mut rng)),
                image: rng
                    .chance(40)
                    .then(|| format!("https://news.example/t/{}.jpg", rng.below(50))),
            })
            .collect()
    });
    Case {
        headline,
        article,
        attributes,
        lang,
        id: format!("byline-{}", 1 + rng.below(9)),
        stories,
    }
}

/// The markup the pre-renderer writes for a case.
pub fn render_case(case: &Case) -> String {
    let (config, _) = Config::from_attributes(
        case.attributes
            .iter()
            .filter(|(n, _)| n != "data-byline")
            .map(|(n, v)| (n.as_str(), v.as_str())),
    );
    let article = byline::core::article::from_document(&case.article.to_string()).expect("article");
    let texts = texts_for(&case.lang, &config);
    widget_markup(
        config,
        texts,
        &case.id,
        Prefetched {
            article: Rc::new(article),
            related: case.stories.clone().map(Rc::new),
        },
        None,
    )
}

fn story_json(s: &Story) -> Value {
    json!({"title": s.title, "url": s.url, "summary": s.summary, "date": s.date, "image": s.image})
}

/// tests/fixtures/prerender/generated.json: cases and their pre-rendered markup.
pub fn generated_fixture() -> String {
    let cases: Vec<Value> = (1..=40u64)
        .map(|seed| {
            let case = generated_case(seed);
            json!({
                "seed": seed,
                "article": case.article.to_string(),
                "attributes": case.attributes,
                "lang": case.lang,
                "id": case.id,
                "stories": case.stories.as_ref().map(|s| s.iter().map(story_json).collect::<Vec<_>>()),
                "markup": render_case(&case),
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "cases": cases })).expect("json") + "\n"
}

/// tests/fixtures/prerender/feeds.json: what the native readers give for each fixture feed.
pub fn feeds_fixture() -> String {
    let base = "https://www.estuary-gazette.example/news/bridge-reopens";
    let feeds: Vec<Value> = [
        "estuary.rss",
        "estuary.atom",
        "estuary.json",
        "estuary-itemlist.jsonld",
    ]
    .iter()
    .map(|name| {
        let text = fs::read_to_string(fixtures().join("site/feeds").join(name)).expect("feed");
        let items = match feed::detect(&text).expect("feed syntax") {
            Syntax::Json => feed::parse_json(&text),
            Syntax::Xml => xml::parse(&text),
        }
        .expect("feed");
        let feed_url = format!("https://www.estuary-gazette.example/feeds/{name}");
        let stories = feed::select(items.clone(), &feed_url, &[base.to_owned()], 20);
        json!({
            "file": name,
            "base": feed_url,
            "current": base,
            "items": items.iter().map(|i| format!("{i:?}")).collect::<Vec<_>>(),
            "stories": stories.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>(),
        })
    })
    .collect();
    let article = fs::read_to_string(fixtures().join("site/data/article.json")).expect("article");
    let parsed = byline::core::article::from_document(&article).expect("article");
    serde_json::to_string_pretty(&json!({
        "feeds": feeds,
        "article": {"file": "data/article.json", "debug": format!("{parsed:?}")},
    }))
    .expect("json")
        + "\n"
}

/// Compares a fixture file with what the code makes now; rewrites it when
/// BYLINE_UPDATE_FIXTURES is set.
pub fn check_fixture(name: &str, current: &str) {
    let path = fixtures().join(name);
    if std::env::var_os("BYLINE_UPDATE_FIXTURES").is_some() {
        fs::write(&path, current).expect("write fixture");
        return;
    }
    let stored = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == current,
        "tests/fixtures/prerender/{name} is stale: run BYLINE_UPDATE_FIXTURES=1 cargo test --offline --test prerender"
    );
}
