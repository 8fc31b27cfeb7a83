//! RSS 2.0, RSS 1.0 (RDF) and Atom through the browser's `DOMParser` (`services::xml`), then
//! `core::feed::select`, then the Related component. Run with
//! `cargo test --target wasm32-unknown-unknown --test web_feeds`.
#![cfg(target_arch = "wasm32")]

use byline::components::related::{Related, RelatedProps};
use byline::core::feed::{detect, select, FeedError, RawItem, Story, Syntax};
use byline::services::xml::parse;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/dom.rs"]
mod dom;
use dom::{all, document, english};

const BASE: &str = "https://news.example/feeds/local.xml";

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Local news</title>
    <link>https://news.example/</link>
    <description>Stories from the river towns</description>
    <item>
      <title>Council &amp; mayor agree &#8217;final&#8217; budget</title>
      <link>https://news.example/budget</link>
      <description><![CDATA[<p>The <b>vote</b> was close.</p><p>Fees rise &amp; parks stay open.</p><script>alert(1)</script>]]></description>
      <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
      <enclosure url="https://news.example/img/budget.jpg" type="image/jpeg" length="12345"/>
    </item>
    <item>
      <title>Ferry timetable changes</title>
      <link>../news/ferry</link>
      <description>Escaped &lt;em&gt;markup&lt;/em&gt; in the text</description>
      <dc:date>2024-03-04T08:00:00Z</dc:date>
      <media:content url="//cdn.news.example/ferry.jpg" medium="image" width="640" height="360"/>
    </item>
    <item>
      <link>https://news.example/untitled</link>
      <description>An item without a title</description>
    </item>
    <item>
      <title>An item without a link</title>
    </item>
    <item>
      <title>Guid as the permalink</title>
      <guid isPermaLink="true">https://news.example/guid-story</guid>
    </item>
    <item>
      <title>Guid with no isPermaLink attribute</title>
      <guid>https://news.example/guid-default</guid>
    </item>
    <item>
      <title>Podcast episode</title>
      <link>https://news.example/podcast</link>
      <enclosure url="https://news.example/episode.mp3" type="audio/mpeg" length="1"/>
      <media:thumbnail url="https://news.example/img/podcast.png"/>
    </item>
    <item>
      <title>Script link</title>
      <link>javascript:alert(1)</link>
    </item>
  </channel>
</rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Local news</title>
  <link rel="self" href="https://news.example/feeds/atom.xml"/>
  <updated>2024-03-05T10:00:00Z</updated>
  <entry>
    <title>Bridge reopens</title>
    <link rel="self" href="https://news.example/api/bridge"/>
    <link rel="alternate" type="text/html" href="https://news.example/bridge"/>
    <link rel="enclosure" type="image/png" href="https://news.example/img/bridge.png"/>
    <id>tag:news.example,2024:bridge</id>
    <published>2024-03-01T07:00:00Z</published>
    <updated>2024-03-05T09:30:00Z</updated>
    <summary type="html">&lt;p&gt;Traffic &amp;amp; trains &lt;b&gt;return&lt;/b&gt;.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title type="text">Link without rel</title>
    <link href="stories/no-rel"/>
    <id>tag:news.example,2024:no-rel</id>
    <published>2024-03-02T07:00:00Z</published>
    <summary>Plain text with a &lt;tag&gt; that stays text</summary>
  </entry>
  <entry>
    <title>Content instead of summary</title>
    <link rel="alternate" href="https://news.example/content"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML <em>body</em>.</p></div></content>
  </entry>
  <entry>
    <link rel="alternate" href="https://news.example/untitled"/>
  </entry>
</feed>"#;

const RDF: &str = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example/">
    <title>Local news</title>
    <link>https://news.example/</link>
    <items><rdf:Seq><rdf:li rdf:resource="https://news.example/one"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://news.example/one">
    <title>RDF one</title>
    <link>https://news.example/one</link>
    <description>First &amp; only</description>
    <dc:date>2024-03-05T09:30:00Z</dc:date>
  </item>
  <item rdf:about="https://news.example/two">
    <title>RDF two</title>
    <link>/two</link>
  </item>
</rdf:RDF>"#;

fn titles(items: &[RawItem]) -> Vec<Option<&str>> {
    items.iter().map(|i| i.title.as_deref()).collect()
}

// ---------------------------------------------------------------------------------------
// RSS 2.0

#[wasm_bindgen_test]
fn rss_items_are_read_with_their_raw_fields() {
    assert_eq!(detect(RSS), Ok(Syntax::Xml));
    let items = parse(RSS).unwrap();
    assert_eq!(
        items.len(),
        8,
        "every <item>, the channel's own fields are not items"
    );
    assert_eq!(
        titles(&items),
        [
            Some("Council & mayor agree ’final’ budget"),
            Some("Ferry timetable changes"),
            None,
            Some("An item without a link"),
            Some("Guid as the permalink"),
            Some("Guid with no isPermaLink attribute"),
            Some("Podcast episode"),
            Some("Script link"),
        ]
    );
    let budget = &items[0];
    assert_eq!(budget.url.as_deref(), Some("https://news.example/budget"));
    assert_eq!(
        budget.summary.as_deref(),
        Some("<p>The <b>vote</b> was close.</p><p>Fees rise &amp; parks stay open.</p><script>alert(1)</script>"),
        "CDATA is kept as the HTML it is"
    );
    assert!(budget.summary_is_html);
    assert_eq!(
        budget.date.as_deref(),
        Some("Tue, 05 Mar 2024 09:30:00 GMT")
    );
    assert_eq!(
        budget.image.as_deref(),
        Some("https://news.example/img/budget.jpg")
    );

    let ferry = &items[1];
    assert_eq!(ferry.url.as_deref(), Some("../news/ferry"));
    assert_eq!(
        ferry.summary.as_deref(),
        Some("Escaped <em>markup</em> in the text")
    );
    assert_eq!(
        ferry.date.as_deref(),
        Some("2024-03-04T08:00:00Z"),
        "dc:date"
    );
    assert_eq!(
        ferry.image.as_deref(),
        Some("//cdn.news.example/ferry.jpg"),
        "media:content"
    );

    assert_eq!(
        items[2].url.as_deref(),
        Some("https://news.example/untitled")
    );
    assert_eq!(items[3].url, None);
    assert_eq!(
        items[4].url.as_deref(),
        Some("https://news.example/guid-story")
    );
    assert_eq!(
        items[5].url.as_deref(),
        Some("https://news.example/guid-default")
    );
    // An audio enclosure is not a picture; the media:thumbnail is.
    assert_eq!(
        items[6].image.as_deref(),
        Some("https://news.example/img/podcast.png")
    );
    assert_eq!(items[7].url.as_deref(), Some("javascript:alert(1)"));
}

#[wasm_bindgen_test]
fn rss_selection_resolves_filters_and_reduces_html() {
    let items = parse(RSS).unwrap();
    let stories = select(items, BASE, &["https://news.example/podcast/".into()], 10);
    assert_eq!(
        stories.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(),
        [
            "Council & mayor agree ’final’ budget",
            "Ferry timetable changes",
            "Guid as the permalink",
            "Guid with no isPermaLink attribute",
        ],
        "untitled, link-less, current-article and javascript: items are skipped; feed order kept"
    );
    let budget = &stories[0];
    assert_eq!(
        budget.summary.as_deref(),
        Some("The vote was close. Fees rise & parks stay open."),
        "tags stripped, script dropped, entities decoded"
    );
    assert_eq!(
        budget.date.as_deref(),
        Some("Tue, 05 Mar 2024 09:30:00 GMT")
    );
    let ferry = &stories[1];
    assert_eq!(
        ferry.url, "https://news.example/news/ferry",
        "resolved against the feed URL"
    );
    assert_eq!(
        ferry.image.as_deref(),
        Some("https://cdn.news.example/ferry.jpg")
    );
    assert_eq!(ferry.summary.as_deref(), Some("Escaped markup in the text"));
    assert_eq!(stories[2].url, "https://news.example/guid-story");

    // The limit.
    let two = select(parse(RSS).unwrap(), BASE, &[], 2);
    assert_eq!(two.len(), 2);
    assert!(select(parse(RSS).unwrap(), BASE, &[], 0).is_empty());
}

/// `<guid isPermaLink="false">` is an identifier, not a link (RSS 2.0). XML attribute names
/// are case-sensitive, and `services::xml` asks for `ispermalink`, so the attribute is never
/// seen: the identifier is taken as the story's URL and, being relative-looking, resolved
/// into a link to a page that does not exist.
#[wasm_bindgen_test]
fn guid_that_is_not_a_permalink_is_not_a_link() {
    let feed = r#"<rss version="2.0"><channel>
        <item><title>Not a permalink</title><guid isPermaLink="false">12345</guid></item>
    </channel></rss>"#;
    let items = parse(feed).unwrap();
    assert_eq!(items[0].url, None);
    assert!(select(items, BASE, &[], 10).is_empty());
}

// ---------------------------------------------------------------------------------------
// Atom

/// WordPress's Atom titles are `type="html"` (entities inside CDATA): read as HTML. RSS
/// titles are text, shown as the feed gives them.
#[wasm_bindgen_test]
fn html_titles_from_wordpress_feeds_read_as_text() {
    let atom = r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <title type="html"><![CDATA[It&#8217;s official: the ferry returns]]></title>
    <link rel="alternate" type="text/html" href="https://news.example/ferry"/>
  </entry>
  <entry>
    <title type="text">Plain &lt;b&gt; stays</title>
    <link rel="alternate" type="text/html" href="https://news.example/plain"/>
  </entry>
</feed>"#;
    let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>t</title>
  <item><title><![CDATA[Fish &amp; chips &#8211; a <em>history</em>]]></title><link>https://news.example/fish</link></item>
</channel></rss>"#;
    let titles_of = |feed: &str| -> Vec<String> {
        select(parse(feed).unwrap(), BASE, &[], 5)
            .into_iter()
            .map(|s| s.title)
            .collect()
    };
    assert_eq!(
        titles_of(atom),
        ["It\u{2019}s official: the ferry returns", "Plain <b> stays"]
    );
    assert_eq!(
        titles_of(rss),
        ["Fish &amp; chips &#8211; a <em>history</em>"]
    );
}

#[wasm_bindgen_test]
fn atom_entries_use_alternate_links_summary_and_updated() {
    let items = parse(ATOM).unwrap();
    assert_eq!(
        titles(&items),
        [
            Some("Bridge reopens"),
            Some("Link without rel"),
            Some("Content instead of summary"),
            None
        ]
    );
    let bridge = &items[0];
    assert_eq!(
        bridge.url.as_deref(),
        Some("https://news.example/bridge"),
        "rel=alternate, not self"
    );
    assert_eq!(
        bridge.date.as_deref(),
        Some("2024-03-05T09:30:00Z"),
        "updated before published"
    );
    assert_eq!(
        bridge.image.as_deref(),
        Some("https://news.example/img/bridge.png")
    );
    assert!(bridge.summary_is_html);
    assert_eq!(
        bridge.summary.as_deref(),
        Some("<p>Traffic &amp; trains <b>return</b>.</p>")
    );
    let no_rel = &items[1];
    assert_eq!(
        no_rel.url.as_deref(),
        Some("stories/no-rel"),
        "a link without rel is alternate"
    );
    assert_eq!(
        no_rel.date.as_deref(),
        Some("2024-03-02T07:00:00Z"),
        "published when no updated"
    );
    assert!(!no_rel.summary_is_html);
    assert_eq!(
        no_rel.summary.as_deref(),
        Some("Plain text with a <tag> that stays text")
    );
    assert!(items[2].summary_is_html, "xhtml content");

    let stories = select(items, "https://news.example/feeds/atom.xml", &[], 10);
    assert_eq!(stories.len(), 3);
    assert_eq!(
        stories[0].summary.as_deref(),
        Some("Traffic & trains return.")
    );
    assert_eq!(stories[1].url, "https://news.example/feeds/stories/no-rel");
    assert_eq!(
        stories[1].summary.as_deref(),
        Some("Plain text with a <tag> that stays text"),
        "plain text is not reduced as HTML"
    );
    assert_eq!(stories[2].summary.as_deref(), Some("XHTML body."));
}

// ---------------------------------------------------------------------------------------
// RSS 1.0 (RDF)

#[wasm_bindgen_test]
fn rss_1_0_items_are_siblings_of_the_channel() {
    let items = parse(RDF).unwrap();
    assert_eq!(titles(&items), [Some("RDF one"), Some("RDF two")]);
    assert_eq!(items[0].date.as_deref(), Some("2024-03-05T09:30:00Z"));
    assert_eq!(items[0].summary.as_deref(), Some("First & only"));
    let stories = select(items, "https://news.example/feeds/rdf.xml", &[], 10);
    assert_eq!(
        stories.iter().map(|s| s.url.as_str()).collect::<Vec<_>>(),
        ["https://news.example/one", "https://news.example/two"]
    );
}

// ---------------------------------------------------------------------------------------
// Errors

#[wasm_bindgen_test]
fn malformed_xml_is_invalid_xml() {
    for feed in [
        "<rss version=\"2.0\"><channel><item><title>Unclosed</channel></rss>",
        "<rss><channel><item><title>Bad & ampersand</title></item></channel></rss>",
        "<rss><channel><item><title>HTML entity &nbsp;</title></item></channel></rss>",
        "<?xml version=\"1.0\"?>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>",
        "<rss></rss><rss></rss>",
    ] {
        match parse(feed) {
            Err(FeedError::InvalidXml(detail)) => {
                assert!(!detail.is_empty(), "a reason for {feed}");
                assert!(
                    !detail.contains("This page contains") && !detail.contains("Below is"),
                    "only the browser's reason, not its page text: {detail}"
                );
            }
            other => panic!("{feed}: expected InvalidXml, got {other:?}"),
        }
    }
    let message = parse("<rss><channel></rss>").unwrap_err().to_string();
    assert!(
        message.starts_with("the feed is not well-formed XML ("),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn well_formed_xml_that_is_no_feed_is_unknown() {
    for feed in [
        "<html><body><p>Not a feed</p></body></html>",
        "<opml version=\"2.0\"><body/></opml>",
        "<rss version=\"2.0\"></rss>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ] {
        assert_eq!(parse(feed), Err(FeedError::UnknownFormat), "{feed}");
    }
    // An empty channel or feed is a feed with nothing in it.
    assert_eq!(parse("<rss><channel/></rss>"), Ok(vec![]));
    assert_eq!(
        parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"),
        Ok(vec![])
    );
    // A byte-order mark and leading blank lines are tolerated.
    assert_eq!(
        parse("\u{feff}\n  <rss><channel><item><title>BOM</title></item></channel></rss>")
            .unwrap()
            .len(),
        1
    );
}

// ---------------------------------------------------------------------------------------
// A 5 MB feed

#[wasm_bindgen_test]
fn a_five_megabyte_feed_parses_and_selects_the_limit() {
    let filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(6);
    let mut feed = String::with_capacity(5_300_000);
    feed.push_str(r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Big</title>"#);
    for i in 0..10_000 {
        feed.push_str(&format!(
            "<item><title>Story {i} &amp; more</title><link>/stories/{i}</link>\
             <description><![CDATA[<p>{filler}</p><p>Number {i}</p>]]></description>\
             <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>\
             <media:content url=\"/img/{i}.jpg\" medium=\"image\"/><guid>https://news.example/stories/{i}</guid></item>"
        ));
    }
    feed.push_str("</channel></rss>");
    assert!(feed.len() >= 5_000_000, "{} bytes", feed.len());

    let started = js_sys::Date::now();
    let items = parse(&feed).unwrap();
    let parsed_in = js_sys::Date::now() - started;
    assert_eq!(items.len(), 10_000);
    assert_eq!(items[9_999].title.as_deref(), Some("Story 9999 & more"));
    assert_eq!(items[9_999].url.as_deref(), Some("/stories/9999"));

    let stories = select(items, BASE, &["https://news.example/stories/0".into()], 6);
    assert_eq!(stories.len(), 6);
    assert_eq!(
        stories[0].title, "Story 1 & more",
        "the current article is skipped"
    );
    assert_eq!(stories[0].url, "https://news.example/stories/1");
    assert_eq!(
        stories[0].image.as_deref(),
        Some("https://news.example/img/1.jpg")
    );
    let summary = stories[0].summary.as_deref().unwrap();
    assert!(summary.chars().count() <= 241, "shortened: {summary}");
    assert!(summary.ends_with('…'), "{summary}");
    web_sys::console::log_1(&format!("5 MB feed parsed in {parsed_in} ms (debug build)").into());
}

// ---------------------------------------------------------------------------------------
// The Related component

fn container() -> Element {
    let div = document().create_element("div").unwrap();
    div.set_attribute("data-byline", "").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

async fn render_related(stories: Vec<Story>) -> Element {
    let root = container();
    yew::Renderer::<Related>::with_root_and_props(
        root.clone(),
        RelatedProps {
            id: "rel".into(),
            stories: Rc::new(stories),
            texts: english(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn related_renders_links_dates_summaries_and_lazy_thumbnails() {
    // The whole path: the RSS feed above, parsed, selected, rendered.
    let stories = select(parse(RSS).unwrap(), BASE, &[], 3);
    let root = render_related(stories).await;

    let section = root
        .query_selector("section.byline-related")
        .unwrap()
        .unwrap();
    assert_eq!(
        section.get_attribute("aria-labelledby").as_deref(),
        Some("rel-related")
    );
    let heading = root.query_selector("h2#rel-related").unwrap().unwrap();
    assert_eq!(
        heading.text_content().unwrap(),
        "Related stories (3 stories)"
    );
    let items = all(&root, "ul.byline-related-list > li.byline-related-item");
    assert_eq!(items.len(), 3);

    let links = all(&root, "a.byline-related-link");
    assert_eq!(
        links
            .iter()
            .map(|a| a.get_attribute("href").unwrap())
            .collect::<Vec<_>>(),
        [
            "https://news.example/budget",
            "https://news.example/news/ferry",
            "https://news.example/guid-story"
        ]
    );
    assert_eq!(
        links[0].text_content().unwrap(),
        "Council & mayor agree ’final’ budget"
    );
    assert!(links.iter().all(|a| a.get_attribute("target").is_none()));

    let thumbs = all(&root, "img.byline-related-thumb");
    assert_eq!(thumbs.len(), 2, "only stories with an image get one");
    for img in &thumbs {
        assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
        assert_eq!(img.get_attribute("width").as_deref(), Some("160"));
        assert_eq!(img.get_attribute("height").as_deref(), Some("90"));
        assert_eq!(img.get_attribute("alt").as_deref(), Some(""), "decorative");
    }
    assert_eq!(
        thumbs[1].get_attribute("src").as_deref(),
        Some("https://cdn.news.example/ferry.jpg")
    );

    let summaries = all(&root, ".byline-related-summary");
    assert_eq!(
        summaries[0].text_content().unwrap(),
        "The vote was close. Fees rise & parks stay open."
    );
    assert!(all(&root, ".byline-related script, .byline-related b").is_empty());

    let dates = all(&root, "time.byline-related-date");
    assert_eq!(dates.len(), 2, "the third story has no date");
    assert!(dates[0].text_content().unwrap().contains("2024"));
    assert!(dates[1].text_content().unwrap().contains("March"));
    assert_eq!(
        dates[1].get_attribute("datetime").as_deref(),
        Some("2024-03-04T08:00:00Z")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn related_announces_one_story_in_the_singular() {
    let root = render_related(vec![Story {
        title: "Only one".into(),
        url: "https://news.example/only".into(),
        summary: None,
        date: None,
        image: None,
    }])
    .await;
    assert_eq!(
        root.query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Related stories (1 story)"
    );
    assert!(all(&root, "img, time, .byline-related-summary").is_empty());
    root.remove();
}

/// Captures clicks on links before the browser follows them (the test page must stay).
fn block_navigation() -> js_sys::Function {
    let f = js_sys::Function::new_no_args(
        "const stop = (e) => { if (e.target.closest && e.target.closest('a')) e.preventDefault(); };\
         document.addEventListener('click', stop, true);\
         return stop;",
    );
    f.call0(&JsValue::NULL).unwrap().dyn_into().unwrap()
}

fn unblock_navigation(stop: &js_sys::Function) {
    document()
        .remove_event_listener_with_callback_and_bool("click", stop, true)
        .unwrap();
}

/// Records `byline:related-click` on `host`; when `rewrite` is set, the listener appends it
/// to `detail.url` as the contract allows publishers to.
fn record_clicks(host: &Element, rewrite: Option<&str>) -> js_sys::Array {
    let f = js_sys::Function::new_with_args(
        "host, rewrite",
        "const seen = [];\
         host.addEventListener('byline:related-click', (e) => {\
           seen.push({ url: e.detail.url, position: e.detail.position, bubbles: e.bubbles });\
           if (rewrite) e.detail.url = e.detail.url + rewrite;\
         });\
         return seen;",
    );
    let rewrite = rewrite.map_or(JsValue::NULL, JsValue::from_str);
    f.call2(&JsValue::NULL, host, &rewrite)
        .unwrap()
        .dyn_into()
        .unwrap()
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap()
}

fn two_stories() -> Vec<Story> {
    (1..=2)
        .map(|i| Story {
            title: format!("Story {i}"),
            url: format!("https://news.example/story-{i}"),
            summary: None,
            date: None,
            image: None,
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_click_fires_related_click_with_url_and_position() {
    let root = render_related(two_stories()).await;
    let seen = record_clicks(&root, None);
    let stop = block_navigation();
    let links = all(&root, "a.byline-related-link");
    links[1].dyn_ref::<HtmlElement>().unwrap().click();
    unblock_navigation(&stop);
    assert_eq!(seen.length(), 1);
    let event = seen.get(0);
    assert_eq!(
        get(&event, "url").as_string().as_deref(),
        Some("https://news.example/story-2")
    );
    assert_eq!(get(&event, "position").as_f64(), Some(2.0));
    assert_eq!(get(&event, "bubbles").as_bool(), Some(true));
    assert_eq!(
        links[1].get_attribute("href").as_deref(),
        Some("https://news.example/story-2"),
        "the widget adds no parameters of its own"
    );
    root.remove();
}

/// A middle click opens the story in a new tab with no `click` event: `auxclick` announces
/// it; a right click (the context menu) does not.
#[wasm_bindgen_test]
async fn a_middle_click_fires_related_click_too() {
    let root = render_related(two_stories()).await;
    let seen = record_clicks(&root, Some("?utm=x"));
    let links = all(&root, "a.byline-related-link");
    let press = js_sys::Function::new_with_args(
        "el, button",
        "el.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, cancelable: true, button }));",
    );
    press
        .call2(&JsValue::NULL, &links[0], &JsValue::from_f64(2.0))
        .unwrap();
    assert_eq!(seen.length(), 0, "a right click is no visit");
    press
        .call2(&JsValue::NULL, &links[0], &JsValue::from_f64(1.0))
        .unwrap();
    assert_eq!(seen.length(), 1);
    assert_eq!(get(&seen.get(0), "position").as_f64(), Some(1.0));
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("https://news.example/story-1?utm=x"),
        "the new tab opens the listener's URL"
    );
    root.remove();
}

/// The contract lets a listener change `detail.url`; the browser must then follow the new
/// URL. Regression: Yew delegates events (its listener sits, in the capture phase, on the
/// element it renders into), so `event.current_target()` is that element, not the `<a>`;
/// taking the link from it wrote the new URL on the wrong element.
#[wasm_bindgen_test]
async fn a_listener_can_change_where_the_link_goes() {
    let root = render_related(two_stories()).await;
    let seen = record_clicks(&root, Some("?utm=x"));
    let stop = block_navigation();
    let links = all(&root, "a.byline-related-link");
    links[0].dyn_ref::<HtmlElement>().unwrap().click();
    unblock_navigation(&stop);
    assert_eq!(seen.length(), 1);
    assert_eq!(
        (links[0].get_attribute("href"), root.get_attribute("href")),
        (Some("https://news.example/story-1?utm=x".to_owned()), None),
        "(the link's href, the href written on Yew's root element)"
    );
    root.remove();
}

/// RSS dates are RFC 822. `<time datetime>` must be a valid HTML date string (ISO 8601),
/// and a date with a time of day is shown with it whatever the weekday. Regression: the
/// feed's string went into `datetime` as it was, and "has a time" was decided by a `T` in
/// the string (present on Tuesdays, Thursdays and in "GMT" only).
#[wasm_bindgen_test]
async fn rss_dates_are_machine_readable_and_shown_alike() {
    let story = |i: u32, date: &str| Story {
        title: format!("Story {i}"),
        url: format!("https://news.example/story-{i}"),
        summary: None,
        date: Some(date.into()),
        image: None,
    };
    let root = render_related(vec![
        story(1, "Tue, 05 Mar 2024 09:30:00 +0000"),
        story(2, "Wed, 06 Mar 2024 09:30:00 +0000"),
        story(3, "2024-03-07"),
    ])
    .await;
    let dates = all(&root, "time.byline-related-date");
    let labels: Vec<String> = dates.iter().map(|d| d.text_content().unwrap()).collect();
    let attributes: Vec<Option<String>> =
        dates.iter().map(|d| d.get_attribute("datetime")).collect();
    root.remove();
    assert_eq!(
        labels.iter().map(|l| l.contains(':')).collect::<Vec<_>>(),
        [true, true, false],
        "the time is shown when the date has one: {labels:?}"
    );
    assert_eq!(
        attributes,
        [
            Some("2024-03-05T09:30:00.000Z".to_owned()),
            Some("2024-03-06T09:30:00.000Z".to_owned()),
            Some("2024-03-07".to_owned()),
        ],
        "datetime attributes in ISO 8601"
    );
}
