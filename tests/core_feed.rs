//! JSON Feed and ItemList reading and the choice of stories (`core::feed`); RSS and Atom go
//! through the browser's DOMParser and are tested in tests/web_feeds.rs.

use byline::core::feed::{parse_json, select, RawItem};

const BASE: &str = "https://news.example/feeds/world.json";

fn item(title: &str, title_is_html: bool) -> RawItem {
    RawItem {
        title: Some(title.into()),
        title_is_html,
        url: Some("https://news.example/a".into()),
        ..RawItem::default()
    }
}

#[test]
fn html_titles_are_shown_as_text_with_entities_decoded() {
    // WordPress writes `<title type="html"><![CDATA[It&#8217;s official]]></title>` in Atom.
    let stories = select(
        vec![
            item("It&#8217;s official: the ferry returns", true),
            item("Fish &amp; chips: the <em>real</em> cost", true),
            item("<b></b> &nbsp; ", true),
        ],
        BASE,
        &[],
        5,
    );
    let titles: Vec<&str> = stories.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "It\u{2019}s official: the ferry returns",
            "Fish & chips: the real cost"
        ],
        "a title that is empty once its tags are gone is skipped"
    );
}

#[test]
fn plain_titles_keep_what_looks_like_markup() {
    let stories = select(vec![item("Why <b> & &amp; differ", false)], BASE, &[], 5);
    assert_eq!(stories[0].title, "Why <b> & &amp; differ");
}

#[test]
fn json_feed_urls_must_be_strings() {
    let items = parse_json(
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
            {"id":"1","title":"A number","url":42},
            {"id":"2","title":"Falls back to external_url","url":42,"external_url":"https://elsewhere.example/b"},
            {"id":"3","title":"A string","url":" https://news.example/c "}
        ]}"#,
    )
    .expect("a JSON Feed");
    let urls: Vec<Option<&str>> = items.iter().map(|i| i.url.as_deref()).collect();
    assert_eq!(
        urls,
        [
            None,
            Some("https://elsewhere.example/b"),
            Some("https://news.example/c")
        ]
    );
    let stories = select(items, BASE, &[], 5);
    assert_eq!(stories.len(), 2, "the item without a URL is skipped");
}

#[test]
fn the_current_article_is_skipped_however_its_url_is_written() {
    let current = ["https://news.example/world/port".to_owned()];
    let items: Vec<RawItem> = [
        "https://news.example/world/port",
        "https://NEWS.example/world/port/",
        "https://news.example:443/world/port",
        "https://news.example/world/./port",
        "https://news.example/world/x/../port#comments",
        "https://news.example/world/port-2",
        "http://news.example:443/world/port",
    ]
    .iter()
    .map(|url| RawItem {
        title: Some((*url).into()),
        url: Some((*url).into()),
        ..RawItem::default()
    })
    .collect();
    let kept: Vec<String> = select(items, BASE, &current, 10)
        .into_iter()
        .map(|s| s.url)
        .collect();
    assert_eq!(
        kept,
        [
            "https://news.example/world/port-2",
            "http://news.example:443/world/port"
        ]
    );
}
