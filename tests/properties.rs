#![cfg(not(target_arch = "wasm32"))]
//! Property tests (proptest) for every pure parser and validator of the core: arbitrary
//! JSON-LD, attributes, Unicode form input, server answers, feeds, reply pages and text.
//! Each property says: no panic, the same input gives the same output, and the invariant the
//! contract promises (an accepted URL is http, https or relative; a validated reply fits the
//! byte limits; one send at a time; tags never reach the reader as markup).
//!
//! 256 cases per property by default; `PROPTEST_CASES=5000 cargo test --test properties`
//! for a longer run.

use byline::core::article::{self, Article, ARTICLE_TYPES};
use byline::core::config::{Config, Source, MAX_RELATED_LIMIT};
use byline::core::feed::{self, SUMMARY_CHARS};
use byline::core::form::{Action, FormState};
use byline::core::i18n::{self, TextKey};
use byline::core::reply::{
    self, Answer, Draft, Failure, Field, Notice, Outcome, Rules, Submission, Visibility, Wire,
};
use byline::core::saved;
use byline::core::text::{self, Block};
use byline::core::thread::{self, Reply};
use byline::core::url;
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashSet};

/// 256 cases unless `PROPTEST_CASES` says otherwise.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    config
}

// ---------------------------------------------------------------------------------------
// Strategies: strings
// ---------------------------------------------------------------------------------------

/// URLs of every kind a hostile or careless page could give.
const URLS: &[&str] = &[
    "https://news.example/2025/03/12/story",
    "http://news.example/a.jpg",
    "HTTPS://NEWS.EXAMPLE/UPPER.JPG",
    "/images/lead.jpg",
    "lead.jpg",
    "../up/one.jpg",
    "./here.jpg",
    "//cdn.example/x.png",
    "?page=2",
    "#comments",
    "",
    " ",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\u{1}javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\r\nscript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:image/svg+xml;base64,PHN2Zz4=",
    " d\ta\nta:text/html,x",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "mailto:a@b.example",
    "https:",
    "http:/one-slash",
    "https://news.example/a b",
    "https://news.example/\u{0}",
    "https://user:pass@news.example:8080/p?q=1#f",
    "\u{a0}javascript:alert(1)",
    "\u{feff}https://news.example/",
    "a b:c",
    "1http://x",
];

/// Text of every kind: markup, entities, quotes, RTL, emoji, controls.
const TEXTS: &[&str] = &[
    "Article",
    "NewsArticle",
    "Harbour seals return to the estuary",
    "  padded  ",
    "<b>bold</b> move",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&lt;b&gt;not a tag&lt;/b&gt;",
    "&amp;&#8217;&#x1F600;&#0;&#99999999999;&bogus;&",
    "“A quotation.”",
    "Line one\nLine two\n\nSecond paragraph",
    "\r\n\r\n",
    "שלום עולם",
    "مرحبا",
    "日本語のテキスト",
    "😀👍🏽",
    "\u{0}\u{1}\u{7f}\u{200b}\u{2028}\u{feff}",
    "Error: <strong>ERROR</strong>: Please type your comment text.",
    "1200px",
    "-5",
    "1e309",
];

/// Characters that stress the byte limits and the trimming.
const CHARS: &[char] = &[
    'a', 'Z', '0', ' ', '\t', '\n', '\r', '\u{0}', '\u{a0}', '\u{3000}', 'é', '€', '😀', '<', '>',
    '&', ';', '#', ':', '/', '"', '\'', '\u{202e}',
];

fn char_soup() -> impl Strategy<Value = String> {
    vec(select(CHARS), 0..40).prop_map(String::from_iter)
}

/// Arbitrary Unicode, interesting fixed strings, character soup and huge repeats.
/// Some `data-text-<key>` names, so generated translation files hit known keys.
const TEXT_KEY_NAMES: &[&str] = &["submit", "retry", "loading", "reply-count", "by", "crashed"];

fn odd_string() -> BoxedStrategy<String> {
    prop_oneof![
        3 => any::<String>(),
        3 => select(TEXTS).prop_map(str::to_owned),
        3 => select(URLS).prop_map(str::to_owned),
        2 => char_soup(),
        1 => (select(TEXTS), 0usize..1_000).prop_map(|(s, n)| s.repeat(n)),
    ]
    .boxed()
}

fn url_string() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(URLS).prop_map(str::to_owned),
        1 => odd_string(),
        1 => (select(URLS), char_soup()).prop_map(|(u, s)| format!("{u}{s}")),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------------------
// Strategies: JSON
// ---------------------------------------------------------------------------------------

fn object(pairs: impl IntoIterator<Item = (String, Value)>) -> Value {
    Value::Object(Map::from_iter(pairs))
}

/// Keys that the parsers read, and arbitrary ones.
const KEYS: &[&str] = &[
    "@type",
    "@graph",
    "@id",
    "@value",
    "@context",
    "mainEntity",
    "headline",
    "alternativeHeadline",
    "description",
    "author",
    "name",
    "url",
    "image",
    "contentUrl",
    "width",
    "height",
    "caption",
    "value",
    "articleBody",
    "articleSection",
    "datePublished",
    "dateModified",
    "publisher",
    "identifier",
    "discussionUrl",
    "items",
    "itemListElement",
    "item",
    "title",
    "summary",
    "content_html",
    "content_text",
    "external_url",
    "code",
    "message",
    "data",
    "params",
    "status",
    "id",
    "parent",
    "content",
    "rendered",
    "author_name",
    "author_url",
    "date_gmt",
];

fn key() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(KEYS).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
    .boxed()
}

fn json_leaf() -> BoxedStrategy<Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(Value::from),
        1 => (0.0f64..200_000.0).prop_map(Value::from),
        6 => odd_string().prop_map(Value::String),
    ]
    .boxed()
}

/// `@type` values: article types (plain, prefixed, in arrays) and others.
fn type_value() -> BoxedStrategy<Value> {
    let name = prop_oneof![
        select(ARTICLE_TYPES).prop_map(str::to_owned),
        select(ARTICLE_TYPES).prop_map(|t| format!("schema:{t}")),
        select(ARTICLE_TYPES).prop_map(|t| format!("https://schema.org/{t}")),
        select(
            &[
                "Person",
                "WebPage",
                "ImageObject",
                "ItemList",
                "article",
                ""
            ][..]
        )
        .prop_map(str::to_owned),
    ];
    prop_oneof![
        3 => name.clone().prop_map(Value::String),
        1 => vec(name, 0..3).prop_map(|v| json!(v)),
    ]
    .boxed()
}

/// A JSON-LD value: objects that sometimes are articles, `@graph`s, authors and images in
/// every shape, arbitrary keys and values.
fn jsonld_value() -> BoxedStrategy<Value> {
    json_leaf()
        .prop_recursive(4, 32, 4, |inner| {
            let author = prop_oneof![
                odd_string().prop_map(Value::String),
                (odd_string(), url_string(), type_value()).prop_map(|(name, url, t)| {
                    json!({"@type": t, "name": name, "url": url})
                }),
                (inner.clone(), inner.clone())
                    .prop_map(|(name, url)| json!({"name": name, "url": url})),
                vec(inner.clone(), 0..3).prop_map(Value::Array),
                inner.clone(),
            ];
            let image = prop_oneof![
                url_string().prop_map(Value::String),
                (url_string(), inner.clone(), inner.clone(), inner.clone()).prop_map(
                    |(u, w, h, c)| json!({"@type": "ImageObject", "url": u, "width": w, "height": h, "caption": c})
                ),
                url_string().prop_map(|u| json!({"contentUrl": u, "width": "1200px", "height": {"value": 800}})),
                url_string().prop_map(|u| json!({"@id": u})),
                vec(url_string().prop_map(Value::String), 0..3).prop_map(Value::Array),
                inner.clone(),
            ];
            let article = (
                type_value(),
                prop_oneof![3 => odd_string().prop_map(Value::String), 1 => inner.clone()],
                option::of(vec(author, 0..3)),
                option::of(image),
                option::of(url_string()),
                option::of(url_string()),
                btree_map(key(), inner.clone(), 0..4),
            )
                .prop_map(|(t, headline, authors, image, url, discussion, extra)| {
                    let mut map: Map<String, Value> = Map::from_iter(extra);
                    map.insert("@type".into(), t);
                    map.insert("headline".into(), headline);
                    if let Some(mut authors) = authors {
                        let one = authors.len() == 1;
                        map.insert(
                            "author".into(),
                            if one { authors.remove(0) } else { Value::Array(authors) },
                        );
                    }
                    if let Some(image) = image {
                        map.insert("image".into(), image);
                    }
                    if let Some(url) = url {
                        map.insert("url".into(), Value::String(url));
                    }
                    if let Some(url) = discussion {
                        map.insert("discussionUrl".into(), json!({"url": url}));
                    }
                    Value::Object(map)
                });
            prop_oneof![
                2 => vec(inner.clone(), 0..5).prop_map(Value::Array),
                3 => btree_map(key(), inner.clone(), 0..5).prop_map(object),
                3 => article,
                1 => vec(inner.clone(), 0..4).prop_map(|g| json!({"@context": "https://schema.org", "@graph": g})),
                1 => inner.clone().prop_map(|m| json!({"@type": "WebPage", "mainEntity": m})),
            ]
        })
        .boxed()
}

/// A document: the value as JSON (compact or pretty), sometimes cut short or raw text.
fn json_document(value: BoxedStrategy<Value>) -> BoxedStrategy<String> {
    prop_oneof![
        6 => value.clone().prop_map(|v| v.to_string()),
        1 => value.clone().prop_map(|v| serde_json::to_string_pretty(&v).unwrap()),
        1 => (value, any::<prop::sample::Index>()).prop_map(|(v, i)| {
            let s = v.to_string();
            let cut = i.index(s.len() + 1);
            s.char_indices().map(|(i, _)| i).take_while(|i| *i <= cut).last().map_or(s.clone(), |c| s[..c].to_owned())
        }),
        1 => odd_string(),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------

/// An accepted URL: `safe_url` keeps it as it is, its scheme (when it has one) is http or
/// https, and no `javascript:`/`data:`/`vbscript:` hides in it behind whitespace, controls
/// or case.
fn check_url(u: &str) -> Result<(), TestCaseError> {
    let clean = text::safe_url(u);
    prop_assert_eq!(clean.as_deref(), Some(u), "not a clean URL: {:?}", u);
    let squashed: String = u
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r') && !c.is_control() && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    for bad in ["javascript:", "data:", "vbscript:", "file:"] {
        prop_assert!(
            !squashed.starts_with(bad),
            "dangerous URL accepted: {:?}",
            u
        );
    }
    if let Some(i) = u.find([':', '/', '?', '#']) {
        if u[i..].starts_with(':') {
            let scheme = u[..i].to_ascii_lowercase();
            prop_assert!(
                scheme == "http" || scheme == "https",
                "scheme {:?} accepted: {:?}",
                scheme,
                u
            );
        }
    }
    Ok(())
}

/// An absolute web URL (for related stories and reply authors).
fn check_absolute(u: &str) -> Result<(), TestCaseError> {
    let lower = u.to_ascii_lowercase();
    prop_assert!(
        lower.starts_with("http://") || lower.starts_with("https://"),
        "not absolute http(s): {:?}",
        u
    );
    Ok(())
}

fn check_article(article: &Article) -> Result<(), TestCaseError> {
    prop_assert!(!article.headline.is_empty());
    prop_assert_eq!(article.headline.trim(), article.headline.as_str());
    for author in &article.authors {
        prop_assert!(!author.name.trim().is_empty());
        if let Some(u) = &author.url {
            check_url(u)?;
        }
    }
    if let Some(image) = &article.image {
        check_url(&image.url)?;
        prop_assert_eq!(image.width.is_some(), image.height.is_some());
        for d in [image.width, image.height].into_iter().flatten() {
            prop_assert!((1..=100_000).contains(&d));
        }
    }
    for u in [&article.url, &article.discussion_url]
        .into_iter()
        .flatten()
    {
        check_url(u)?;
    }
    for block in &article.body {
        prop_assert!(!block.text().is_empty());
        prop_assert_eq!(block.text().trim(), block.text());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Article (JSON-LD)
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn article_from_arbitrary_jsonld(doc in json_document(jsonld_value())) {
        let first = article::from_document(&doc);
        prop_assert_eq!(&first, &article::from_document(&doc), "not deterministic");
        if let Ok(article) = &first {
            check_article(article)?;
        }
    }

    #[test]
    fn article_from_several_documents(docs in vec(json_document(jsonld_value()), 0..4)) {
        let first = article::from_documents(docs.iter().map(String::as_str));
        prop_assert_eq!(&first, &article::from_documents(docs.iter().map(String::as_str)));
        match &first {
            Ok(article) => check_article(article)?,
            Err(article::ArticleError::NoJsonLd) => prop_assert!(docs.is_empty()),
            Err(_) => {}
        }
    }

    /// Every article-shaped object with a text headline is found, wherever it sits.
    #[test]
    fn article_with_text_headline_is_found(
        headline in "[A-Za-z0-9][A-Za-z0-9 ]{0,30}",
        t in select(ARTICLE_TYPES),
        wrap in 0usize..4,
        noise in vec(json_leaf(), 0..3),
    ) {
        let node = json!({"@type": t, "headline": headline});
        let doc = match wrap {
            0 => node,
            1 => json!({"@graph": [noise, node]}),
            2 => json!([{"@type": "WebPage", "mainEntity": node}]),
            _ => json!({"@context": "https://schema.org", "@graph": [{"@graph": [node]}]}),
        };
        let article = article::from_document(&doc.to_string());
        prop_assert_eq!(article.map(|a| a.headline), Ok(headline.trim().to_owned()));
    }
}

// ---------------------------------------------------------------------------------------
// Config (host attributes)
// ---------------------------------------------------------------------------------------

const ATTRIBUTE_NAMES: &[&str] = &[
    "data-article",
    "data-related",
    "data-related-limit",
    "data-reply-endpoint",
    "data-reply-format",
    "data-post-id",
    "data-require-name-email",
    "data-replies",
    "data-replies-src",
    "data-lang",
    "data-theme",
    "data-isolate",
    "data-loading",
    "DATA-THEME",
    "Data-Related-Limit",
    "data-text-",
    "data-text-nonsense",
    "id",
    "class",
];

const ATTRIBUTE_VALUES: &[&str] = &[
    "",
    " ",
    "true",
    "FALSE",
    "yes",
    "0",
    "5",
    " 20 ",
    "21",
    "-1",
    "255",
    "256",
    "1e1",
    "json",
    "FORM",
    "jsonld",
    "JSONLD",
    "#article-data",
    "#",
    "# x",
    "open",
    "closed",
    "en",
    "pt_BR",
    "zh-Hant-TW",
    "x-klingon",
    "e",
    "toolongtag",
    "auto",
    "dark",
    "shadow",
    "lazy",
    "eager",
    "4711",
];

fn attribute_name() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(ATTRIBUTE_NAMES).prop_map(str::to_owned),
        2 => select(TextKey::ALL).prop_map(|k| format!("data-text-{}", k.attribute())),
        1 => any::<String>(),
        1 => char_soup().prop_map(|s| format!("data-{s}")),
    ]
    .boxed()
}

fn attribute_value() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(ATTRIBUTE_VALUES).prop_map(str::to_owned),
        2 => url_string(),
        2 => odd_string(),
        1 => (0u32..1000).prop_map(|n| n.to_string()),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn config_from_arbitrary_attributes(
        attributes in vec((attribute_name(), attribute_value()), 0..12),
    ) {
        let pairs = || attributes.iter().map(|(n, v)| (n.as_str(), v.as_str()));
        let (config, warnings) = Config::from_attributes(pairs());
        prop_assert_eq!((&config, &warnings), (&Config::from_attributes(pairs()).0, &warnings));
        prop_assert_eq!(&warnings, &Config::from_attributes(pairs()).1);
        prop_assert!(config.related_limit <= MAX_RELATED_LIMIT);
        // At most one warning per attribute: alone, and counted by name in the whole list.
        prop_assert!(warnings.len() <= attributes.len());
        for (name, value) in &attributes {
            let (_, alone) = Config::from_attributes([(name.as_str(), value.as_str())]);
            prop_assert!(alone.len() <= 1, "{} warnings for {}={:?}", alone.len(), name, value);
        }
        let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
        for (name, _) in &attributes {
            *by_name.entry(name.to_ascii_lowercase()).or_default() += 1;
        }
        for warning in &warnings {
            let given = by_name.get(&warning.attribute).copied().unwrap_or(0);
            let warned = warnings.iter().filter(|w| w.attribute == warning.attribute).count();
            prop_assert!(warned <= given, "{} warnings for {} given {} times", warned, warning.attribute, given);
            prop_assert!(!warning.to_string().is_empty());
        }
        // Every URL the config keeps is safe.
        for source in [Some(&config.article), config.related.as_ref()].into_iter().flatten() {
            match source {
                Source::Url(u) => check_url(u)?,
                Source::ElementId(id) => {
                    prop_assert!(!id.is_empty() && !id.contains(char::is_whitespace));
                }
                Source::JsonLd => {}
            }
        }
        for u in [&config.reply_endpoint, &config.replies_src].into_iter().flatten() {
            check_url(u)?;
        }
        if let Some(lang) = &config.lang {
            prop_assert!(byline::core::config::valid_language_tag(lang));
            prop_assert!(!lang.contains('_'));
        }
        if let Some(id) = &config.post_id {
            prop_assert!(!id.is_empty());
            prop_assert_eq!(id.trim(), id.as_str());
        }
    }
}

// ---------------------------------------------------------------------------------------
// Reply: validation and the form state machine
// ---------------------------------------------------------------------------------------

fn whitespace() -> impl Strategy<Value = String> {
    vec(
        select(&[' ', '\t', '\n', '\r', '\u{a0}', '\u{3000}', '\u{2028}'][..]),
        0..3,
    )
    .prop_map(String::from_iter)
}

/// A value close to `limit` bytes (a few under or over), of one- to four-byte characters,
/// with whitespace around it; `head` and `tail` keep it an email or URL when wanted.
fn near_limit(limit: usize, head: &'static str, tail: &'static str) -> BoxedStrategy<String> {
    (
        select(&['a', 'é', '€', '😀'][..]),
        -5i64..=5,
        whitespace(),
        whitespace(),
    )
        .prop_map(move |(c, delta, before, after)| {
            let bytes = (limit as i64 + delta - head.len() as i64 - tail.len() as i64).max(0);
            let n = bytes as usize / c.len_utf8();
            format!("{before}{head}{}{tail}{after}", c.to_string().repeat(n))
        })
        .boxed()
}

fn field_value(field: Field) -> BoxedStrategy<String> {
    let typical = match field {
        Field::Comment => &["Nice piece.", "“A quotation.”\n\nAnd more.", "<b>hi</b>"][..],
        Field::Name => &["Alice", "Joan Whitfield", "  Ève  "][..],
        Field::Email => &["alice@example.com", "a@b.c", "no-at-sign", "a@b", "a b@c.d"][..],
        Field::Website => &[
            "https://alice.example",
            "http://x",
            "javascript:alert(1)",
            "ftp://x",
        ][..],
    };
    let sized = match field {
        Field::Comment => near_limit(field.byte_limit(), "", ""),
        Field::Name => near_limit(field.byte_limit(), "", ""),
        Field::Email => near_limit(field.byte_limit(), "", "@example.com"),
        Field::Website => near_limit(field.byte_limit(), "https://", ".example"),
    };
    prop_oneof![
        3 => select(typical).prop_map(str::to_owned),
        2 => sized,
        2 => any::<String>(),
        1 => char_soup(),
        1 => Just(String::new()),
    ]
    .boxed()
}

fn draft() -> BoxedStrategy<Draft> {
    (
        field_value(Field::Comment),
        field_value(Field::Name),
        field_value(Field::Email),
        field_value(Field::Website),
    )
        .prop_map(|(comment, name, email, website)| Draft {
            comment,
            name,
            email,
            website,
        })
        .boxed()
}

fn rules() -> impl Strategy<Value = Rules> {
    any::<bool>().prop_map(|require_name_email| Rules { require_name_email })
}

fn field() -> impl Strategy<Value = Field> {
    select(&Field::ALL[..])
}

fn outcome() -> BoxedStrategy<Outcome> {
    let visibility = select(&[Visibility::Approved, Visibility::Held, Visibility::Unknown][..]);
    let failure = prop_oneof![
        (100u16..600).prop_map(Failure::Server),
        Just(Failure::Network),
        Just(Failure::Offline),
        Just(Failure::Timeout),
    ];
    prop_oneof![
        visibility.prop_map(|visibility| Outcome::Sent {
            visibility,
            comment: None
        }),
        (
            vec((field(), odd_string()), 0..3),
            option::of(odd_string().prop_map(Notice::Other))
        )
            .prop_map(|(fields, notice)| Outcome::Refused { fields, notice }),
        failure.prop_map(Outcome::Failed),
    ]
    .boxed()
}

fn action() -> BoxedStrategy<Action> {
    let edit = field().prop_flat_map(|f| field_value(f).prop_map(move |v| Action::Edit(f, v)));
    prop_oneof![
        6 => edit,
        1 => any::<bool>().prop_map(Action::SetSaveDetails),
        1 => (draft(), option::of((any::<u64>(), odd_string()))).prop_map(|(d, p)| Action::Restore(d, p)),
        1 => draft().prop_map(Action::Prefill),
        5 => Just(Action::Submit),
        2 => outcome().prop_map(Action::Settle),
        1 => Just(Action::SettleDemo),
        1 => (any::<u64>(), odd_string()).prop_map(|(id, name)| Action::ReplyTo(id, name)),
        1 => Just(Action::CancelReply),
        1 => rules().prop_map(Action::SetRules),
    ]
    .boxed()
}

fn check_within_limits(draft: &Draft) -> Result<(), TestCaseError> {
    for f in Field::ALL {
        let len = draft.get(f).trim().len();
        prop_assert!(
            len <= f.byte_limit(),
            "{:?}: {} bytes > {}",
            f,
            len,
            f.byte_limit()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_validated_reply_fits_the_byte_limits(draft in draft(), rules in rules()) {
        let errors = reply::validate(&draft, rules);
        prop_assert_eq!(&errors, &reply::validate(&draft, rules));
        // The list is in form order, one entry per field at most, and agrees with the
        // single-field check the form uses for live re-validation.
        let fields: Vec<Field> = errors.iter().map(|(f, _)| *f).collect();
        let mut sorted = fields.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(&fields, &sorted);
        for f in Field::ALL {
            let single = reply::validate_field(f, draft.get(f), rules);
            prop_assert_eq!(single.as_ref(), errors.iter().find(|(g, _)| *g == f).map(|(_, e)| e));
            if draft.get(f).trim().len() > f.byte_limit() {
                let is_too_long = matches!(single, Some(reply::FieldError::TooLong { .. }));
                prop_assert!(is_too_long);
            }
        }
        if errors.is_empty() {
            check_within_limits(&draft)?;
            // What goes over the wire is the trimmed draft.
            let submission = Submission { post_id: "4711", parent: 0, draft: &draft, save_details: true, honeypot: "" };
            let body: Value = serde_json::from_str(&reply::encode_json(&submission)).unwrap();
            prop_assert_eq!(body["content"].as_str(), Some(draft.comment.trim()));
            prop_assert_eq!(body["author_email"].as_str(), Some(draft.email.trim()));
            let form = reply::encode_form(&submission);
            prop_assert!(form.bytes().all(|b| b.is_ascii_graphic()));
        }
    }

    #[test]
    fn the_form_sends_one_reply_at_a_time(
        start in rules(),
        actions in vec(action(), 0..40),
        burst in 1usize..6,
    ) {
        let mut form = FormState::new(start);
        for action in actions {
            let before = form.clone();
            let is_submit = action == Action::Submit;
            form.apply(action);
            prop_assert!(
                form.send_count == before.send_count || form.send_count == before.send_count + 1
            );
            if form.send_count > before.send_count {
                // A send starts only from an idle form, on Submit, with a valid draft.
                prop_assert!(is_submit && !before.sending && form.sending);
                prop_assert!(reply::validate(&form.draft, form.rules).is_empty());
                check_within_limits(&form.draft)?;
                prop_assert_eq!(form.sent_comment.as_ref(), Some(&form.draft.comment));
            }
            if form.sending && !before.sending {
                prop_assert_eq!(form.send_count, before.send_count + 1);
            }
            if before.sending && is_submit {
                prop_assert_eq!(&form, &before, "Submit while sending changed the form");
            }
            if form.sending {
                // A burst of Submits (double click, Enter held down) sends nothing more.
                let mut again = form.clone();
                for _ in 0..burst {
                    again.apply(Action::Submit);
                }
                prop_assert_eq!(&again, &form);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Server answers
// ---------------------------------------------------------------------------------------

/// Markup without entities or stray '<': every '<' opens a complete tag.
const MARKUP: &[&str] = &[
    "<b>",
    "</b>",
    "<strong>Error</strong>: ",
    "<p>",
    "</p>",
    "<br/>",
    "<br>",
    "<a href=\"https://x.example/?a=1\">",
    "</a>",
    "<script>alert(1)</script>",
    "<style>p{}</style>",
    "<img src=x onerror=alert(1)>",
    "<!-- a comment -->",
    "<?php echo 1 ?>",
    "<!DOCTYPE html>",
    "<div class=\"wp-die-message\">",
    "</div>",
    "<SCRIPT>evil()</SCRIPT>",
    "<a title=\"x>y\">",
];

const WORDS: &[&str] = &[
    "Error:",
    "ERROR:",
    "Please type your comment text.",
    "Please fill the required fields (name, email).",
    "Please enter a valid email address.",
    "Your comment is too long.",
    "Your name is too long.",
    "Your URL is too long.",
    "Sorry, comments are closed for this item.",
    "You are posting comments too quickly. Slow down.",
    "Duplicate comment detected",
    "a > b",
    "x/y",
    "schön",
    "😀",
    " ",
    "\n",
    "\n\n",
];

/// Server text made of tags and plain words only (no '&', no stray '<').
fn tagged_text() -> BoxedStrategy<String> {
    vec(prop_oneof![select(MARKUP), select(WORDS)], 0..8)
        .prop_map(|parts| parts.concat())
        .boxed()
}

/// Server text of any kind: tagged, with entities, stray brackets, arbitrary Unicode.
fn server_message() -> BoxedStrategy<String> {
    prop_oneof![
        3 => tagged_text(),
        1 => vec(prop_oneof![select(MARKUP).prop_map(str::to_owned), select(WORDS).prop_map(str::to_owned), odd_string(), char_soup()], 0..6).prop_map(|p| p.concat()),
        1 => odd_string(),
    ]
    .boxed()
}

const CODES: &[&str] = &[
    "comment_duplicate",
    "comment_flood",
    "rest_comment_content_invalid",
    "comment_content_column_length",
    "rest_comment_author_data_required",
    "comment_author_column_length",
    "comment_author_email_column_length",
    "comment_author_url_column_length",
    "rest_invalid_param",
    "rest_comment_login_required",
    "rest_comment_closed",
    "rest_comment_invalid_post_id",
    "rest_cookie_invalid_nonce",
    "wp_die",
    "",
    "something_else",
];

fn params(message: BoxedStrategy<String>, leaf: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    btree_map(
        prop_oneof![
            select(
                &[
                    "content",
                    "author_name",
                    "author_email",
                    "author_url",
                    "post",
                    "x"
                ][..]
            )
            .prop_map(str::to_owned),
            any::<String>().prop_filter("no '<' or '&' in keys", |k| !k.contains(['<', '&'])),
        ],
        prop_oneof![3 => message.prop_map(Value::String), 1 => leaf],
        0..4,
    )
    .prop_map(object)
    .boxed()
}

/// JSON values that are not text (so they bring no markup).
fn non_text_leaf() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
    ]
    .boxed()
}

/// Answer bodies: WordPress error objects, created comments, HTML pages, JSON-ish junk.
/// `message` gives every text in them and `leaf` every other value.
fn body(message: BoxedStrategy<String>, leaf: BoxedStrategy<Value>) -> BoxedStrategy<String> {
    let error = (
        prop_oneof![4 => select(CODES).prop_map(Value::from), 1 => leaf.clone()],
        prop_oneof![4 => message.clone().prop_map(Value::String), 1 => leaf.clone()],
        option::of(params(message.clone(), leaf.clone())),
        0u16..600,
    )
        .prop_map(|(code, message, params, status)| {
            let mut data = json!({"status": status});
            if let Some(params) = params {
                data["params"] = params;
            }
            json!({"code": code, "message": message, "data": data}).to_string()
        });
    let comment = (
        any::<u64>(),
        prop_oneof![
            select(&["approved", "hold", "spam", "trash", ""][..]).prop_map(Value::from),
            leaf
        ],
    )
        .prop_map(|(id, status)| {
            json!({"id": id, "status": status, "content": {"rendered": "<p>x</p>"}}).to_string()
        });
    let page = message
        .clone()
        .prop_map(|m| format!("<!DOCTYPE html><html><head><title>WordPress › Error</title></head><body>{m}</body></html>"));
    prop_oneof![
        4 => error,
        2 => comment,
        1 => page,
        2 => message,
        1 => select(&["", "[]", "null", "{}", "\"text\"", "{\"code\":", "[{\"id\":1}]", "{\"code\":1}"][..]).prop_map(str::to_owned),
    ]
    .boxed()
}

fn answer_parts() -> impl Strategy<Value = (u16, bool, String, Option<u32>)> {
    (
        100u16..600,
        any::<bool>(),
        prop_oneof![
            select(
                &[
                    "https://news.example/story/#comment-3",
                    "https://news.example/story/?unapproved=3&moderation-hash=abc#comment-3",
                    ""
                ][..]
            )
            .prop_map(str::to_owned),
            odd_string()
        ],
        option::of(any::<u32>()),
    )
}

fn notice_text(notice: &Notice) -> Option<&str> {
    match notice {
        Notice::Duplicate(t)
        | Notice::Flood(t)
        | Notice::LoginRequired(t)
        | Notice::Closed(t)
        | Notice::InvalidPost(t) => t.as_deref(),
        Notice::RateLimited { text, .. } => text.as_deref(),
        Notice::Other(t) => Some(t),
    }
}

/// Every text an outcome shows the reader.
fn outcome_texts(outcome: &Outcome) -> Vec<&str> {
    match outcome {
        Outcome::Refused { fields, notice } => fields
            .iter()
            .map(|(_, t)| t.as_str())
            .chain(notice.as_ref().and_then(notice_text))
            .collect(),
        _ => Vec::new(),
    }
}

/// A '<' followed by a letter, '/', '!' or '?' with a '>' after it: a tag.
fn has_tag(text: &str) -> bool {
    text.match_indices('<').any(|(i, _)| {
        text[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
            && text[i..].contains('>')
    })
}

/// A JSON `\uXXXX` escape in `s` (which could spell '<'); an escaped backslash followed by
/// `u` (`\\u`) is not one.
fn has_unicode_escape(s: &str) -> bool {
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.next() == Some('u') {
            return true;
        }
    }
    false
}

/// True when `s` has no character reference (nor a JSON `\u` escape that could hide one) and
/// every '<' in it starts a tag. Only then is "no tag in the output" a fair demand: a stray '<'
/// next to a removed tag forms a new one ("<<b>i>" reads "<i>", as the browser shows it) and
/// "&lt;i&gt;" is the text "<i>"; both are shown as text, never parsed.
fn markup_only(s: &str) -> bool {
    !s.contains('&')
        && !has_unicode_escape(s)
        && s.match_indices('<').all(|(i, _)| {
            s[i + 1..]
                .starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
        })
}

fn check_classify(
    wire: Wire,
    (status, redirected, final_url, retry_after): &(u16, bool, String, Option<u32>),
    body: &str,
) -> Result<Outcome, TestCaseError> {
    let answer = Answer::Response {
        status: *status,
        redirected: *redirected,
        final_url,
        retry_after: *retry_after,
        body,
    };
    let outcome = reply::classify(wire, &answer);
    prop_assert_eq!(
        &outcome,
        &reply::classify(wire, &answer),
        "not deterministic"
    );
    if *status >= 500 {
        prop_assert_eq!(&outcome, &Outcome::Failed(Failure::Server(*status)));
    }
    if *status == 429 {
        let is_rate_limited = matches!(
            &outcome,
            Outcome::Refused { notice: Some(Notice::RateLimited { retry_after: r, .. }), .. } if r == retry_after
        );
        prop_assert!(is_rate_limited, "429 gave {:?}", outcome);
    }
    match &outcome {
        Outcome::Failed(Failure::Server(s)) => prop_assert_eq!(s, status),
        Outcome::Failed(other) => {
            prop_assert!(false, "transport failure {:?} from a response", other)
        }
        Outcome::Sent { comment, .. } => {
            prop_assert!(*status < 400 || (wire == Wire::Form && *redirected));
            if wire == Wire::Json {
                prop_assert!((200..300).contains(status));
                prop_assert!(comment.as_ref().is_some_and(serde_json::Value::is_object));
            }
        }
        Outcome::Refused { .. } => {}
    }
    let is_sent = matches!(outcome, Outcome::Sent { .. });
    prop_assert_eq!(outcome.failure_kind().is_some(), !is_sent);
    for text in outcome_texts(&outcome) {
        prop_assert_eq!(text.trim(), text);
        // When every '<' of the answer opens a tag, no tag survives into the text.
        if markup_only(body) {
            prop_assert!(!has_tag(text), "a tag reached the reader: {:?}", text);
        }
    }
    Ok(outcome)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_server_answer_is_classified(
        parts in answer_parts(),
        body in prop_oneof![
            6 => body(server_message(), json_leaf()),
            1 => json_document(jsonld_value()),
        ],
    ) {
        for wire in [Wire::Json, Wire::Form] {
            check_classify(wire, &parts, &body)?;
        }
    }

    /// Messages made of tags and words: the reader sees no '<' followed by a letter.
    #[test]
    fn server_markup_never_reaches_the_reader(
        parts in answer_parts(),
        body in body(tagged_text(), non_text_leaf()),
    ) {
        prop_assert!(markup_only(&body), "generator gave {:?}", body);
        for wire in [Wire::Json, Wire::Form] {
            let outcome = check_classify(wire, &parts, &body)?;
            for text in outcome_texts(&outcome) {
                prop_assert!(!text.contains('<'), "{:?} from {:?}", text, body);
            }
        }
    }

    #[test]
    fn transport_failures_are_failures(wire in select(&[Wire::Json, Wire::Form][..])) {
        prop_assert_eq!(reply::classify(wire, &Answer::Offline), Outcome::Failed(Failure::Offline));
        prop_assert_eq!(reply::classify(wire, &Answer::Timeout), Outcome::Failed(Failure::Timeout));
        prop_assert_eq!(reply::classify(wire, &Answer::NetworkError), Outcome::Failed(Failure::Network));
    }

    #[test]
    fn retry_after_parses_only_seconds(value in odd_string()) {
        let parsed = reply::parse_retry_after(&value);
        if let Some(n) = parsed {
            prop_assert_eq!(value.trim().parse::<u32>().ok(), Some(n));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Related stories
// ---------------------------------------------------------------------------------------

fn feed_value() -> BoxedStrategy<Value> {
    let text = || {
        prop_oneof![
            4 => server_message().prop_map(Value::String),
            1 => json_leaf(),
            1 => jsonld_value(),
        ]
    };
    let link = || {
        prop_oneof![
            5 => url_string().prop_map(Value::String),
            1 => url_string().prop_map(|u| json!({"@id": u})),
            1 => url_string().prop_map(|u| json!([u])),
            1 => json_leaf(),
        ]
    };
    let item = btree_map(
        select(
            &[
                "id",
                "title",
                "url",
                "external_url",
                "summary",
                "content_text",
                "content_html",
                "date_published",
                "date_modified",
                "image",
                "banner_image",
            ][..],
        ),
        prop_oneof![text(), link()],
        0..8,
    )
    .prop_map(|m| object(m.into_iter().map(|(k, v)| (k.to_owned(), v))));
    let element = prop_oneof![
        url_string().prop_map(Value::String),
        (any::<u8>(), link(), text(), option::of(text())).prop_map(|(pos, url, name, description)| {
            json!({"@type": "ListItem", "position": pos, "url": url, "name": name, "description": description})
        }),
        (link(), text(), link()).prop_map(|(url, headline, image)| {
            json!({"@type": "ListItem", "item": {"@type": "NewsArticle", "@id": url, "headline": headline, "image": image}})
        }),
        jsonld_value(),
    ];
    prop_oneof![
        3 => vec(item, 0..12).prop_map(|items| json!({"version": "https://jsonfeed.org/version/1.1", "title": "Feed", "items": items})),
        3 => (type_value(), vec(element, 0..12)).prop_map(|(t, list)| {
            let t = if t.is_string() { json!("ItemList") } else { t };
            json!({"@context": "https://schema.org", "@type": t, "itemListElement": list})
        }),
        1 => jsonld_value().prop_map(|v| json!({"@graph": [v, {"@type": "ItemList", "itemListElement": ["/a", "b"]}]})),
        1 => jsonld_value(),
    ]
    .boxed()
}

fn base_url() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(&[
            "https://news.example/feeds/world.json",
            "https://news.example/feeds/",
            "http://news.example",
            "https://news.example/a/b/c?x=1#frag",
            "HTTPS://NEWS.EXAMPLE/FEED",
            "",
            "/feeds/world.json",
            "javascript:alert(1)//",
            "data://x/y",
        ][..]).prop_map(str::to_owned),
        1 => odd_string(),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn related_stories_from_arbitrary_feeds(
        doc in json_document(feed_value()),
        base in base_url(),
        current in vec(url_string(), 0..3),
        limit in 0usize..25,
    ) {
        let _ = feed::detect(&doc);
        let parsed = feed::parse_json(&doc);
        prop_assert_eq!(&parsed, &feed::parse_json(&doc), "not deterministic");
        let Ok(items) = parsed else { return Ok(()) };
        let stories = feed::select(items.clone(), &base, &current, limit);
        prop_assert_eq!(&stories, &feed::select(items, &base, &current, limit));
        prop_assert!(stories.len() <= limit);
        let current_keys: Vec<String> = current.iter().map(|u| url::same_page_key(u)).collect();
        for story in &stories {
            prop_assert!(!story.title.trim().is_empty(), "empty title");
            prop_assert!(story.title.chars().count() <= 301);
            check_absolute(&story.url)?;
            prop_assert!(!current_keys.contains(&url::same_page_key(&story.url)));
            if let Some(image) = &story.image {
                check_absolute(image)?;
            }
            if let Some(summary) = &story.summary {
                prop_assert!(!summary.is_empty());
                prop_assert!(summary.chars().count() <= SUMMARY_CHARS + 1);
            }
            if let Some(date) = &story.date {
                prop_assert!(!date.is_empty());
                prop_assert_eq!(date.trim(), date.as_str());
            }
        }
    }

    #[test]
    fn shorten_keeps_to_the_length(text in odd_string(), max in 0usize..300) {
        let short = feed::shorten(&text, max);
        prop_assert!(short.chars().count() <= max + 1);
        if text.chars().count() <= max {
            prop_assert_eq!(short, text);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Approved replies thread
// ---------------------------------------------------------------------------------------

fn id_value() -> BoxedStrategy<Value> {
    prop_oneof![
        6 => (0u64..8).prop_map(Value::from),
        1 => (0u64..8).prop_map(|n| Value::from(format!(" {n} "))),
        1 => json_leaf(),
    ]
    .boxed()
}

fn comment_value() -> BoxedStrategy<Value> {
    (
        id_value(),
        option::of(id_value()),
        prop_oneof![
            3 => server_message().prop_map(|m| json!({"rendered": m})),
            1 => server_message().prop_map(Value::String),
            1 => jsonld_value(),
        ],
        option::of(prop_oneof![
            server_message().prop_map(Value::String),
            json_leaf()
        ]),
        option::of(url_string()),
        option::of(select(
            &[
                "2025-03-12T09:14:27",
                "2025-03-12T09:14:27+02:00",
                "2025-03-12",
                "",
                " x ",
            ][..],
        )),
    )
        .prop_map(|(id, parent, content, author, url, date)| {
            let mut map = Map::new();
            map.insert("id".into(), id);
            if let Some(parent) = parent {
                map.insert("parent".into(), parent);
            }
            map.insert("content".into(), content);
            if let Some(author) = author {
                map.insert("author_name".into(), author);
            }
            if let Some(url) = url {
                map.insert("author_url".into(), Value::String(url));
            }
            if let Some(date) = date {
                map.insert("date_gmt".into(), Value::from(date));
            }
            Value::Object(map)
        })
        .boxed()
}

fn reply_strategy() -> BoxedStrategy<Reply> {
    (0u64..8, 0u64..10, select(&["Alice", "Bob", "Carol"][..]))
        .prop_map(|(id, parent, author)| Reply {
            id,
            parent,
            author: author.to_owned(),
            author_url: None,
            date: None,
            paragraphs: vec![format!("reply {id} to {parent}")],
            body: Default::default(),
        })
        .boxed()
}

/// Checks that every reply (each id once: a repeated id is the same comment listed twice)
/// appears exactly once in the tree, and nothing else does.
fn check_tree(replies: &[Reply]) -> Result<(), TestCaseError> {
    let nodes = thread::build(replies);
    prop_assert_eq!(&nodes, &thread::build(replies));
    let mut seen: HashSet<u64> = HashSet::new();
    let mut expected: Vec<&Reply> = Vec::new();
    for reply in replies {
        if seen.insert(reply.id) {
            expected.push(reply);
        }
    }
    let mut shown: Vec<&Reply> = Vec::new();
    for node in &nodes {
        shown.push(&node.reply);
        for (answer, _) in &node.answers {
            shown.push(answer);
        }
    }
    let mut shown_ids: Vec<u64> = shown.iter().map(|r| r.id).collect();
    shown_ids.sort_unstable();
    let mut expected_ids: Vec<u64> = expected.iter().map(|r| r.id).collect();
    expected_ids.sort_unstable();
    prop_assert_eq!(
        shown_ids,
        expected_ids,
        "replies lost or repeated in {:?}",
        replies
    );
    for reply in shown {
        prop_assert!(
            expected.contains(&reply),
            "{:?} is not the reply listed first",
            reply
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_page_of_replies_from_arbitrary_json(
        doc in json_document(prop_oneof![
            4 => vec(comment_value(), 0..10).prop_map(Value::Array),
            1 => jsonld_value(),
        ].boxed()),
    ) {
        let page = thread::parse_page(&doc, &byline::prerender::html::reply_body);
        prop_assert_eq!(&page, &thread::parse_page(&doc, &byline::prerender::html::reply_body), "not deterministic");
        let Ok(replies) = page else { return Ok(()) };
        for reply in &replies {
            prop_assert!(!reply.author.is_empty());
            if let Some(u) = &reply.author_url {
                check_url(u)?;
                check_absolute(u)?;
            }
            for p in &reply.paragraphs {
                prop_assert!(!p.is_empty());
                prop_assert_eq!(p.trim(), p.as_str());
            }
        }
        check_tree(&replies)?;
    }

    /// Small ids, so parents form chains, self-references, cycles and repeats.
    #[test]
    fn every_reply_appears_once_in_the_thread(replies in vec(reply_strategy(), 0..12)) {
        check_tree(&replies)?;
    }
}

// ---------------------------------------------------------------------------------------
// Text and URL helpers
// ---------------------------------------------------------------------------------------

fn html() -> BoxedStrategy<String> {
    prop_oneof![
        2 => server_message(),
        1 => odd_string(),
        1 => vec(prop_oneof![select(MARKUP), select(WORDS), select(TEXTS)], 0..12).prop_map(|p| p.concat()),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn html_to_text_gives_tidy_text(input in html()) {
        let out = text::html_to_text(&input);
        prop_assert_eq!(&out, &text::html_to_text(&input));
        prop_assert_eq!(out.trim(), out.as_str());
        prop_assert!(!out.contains("\n\n\n"));
        prop_assert!(!out.contains("  ") && !out.contains(" \n") && !out.contains("\n "));
        if markup_only(&input) {
            prop_assert!(!has_tag(&out), "{:?} -> {:?}", input, out);
        }
    }

    #[test]
    fn script_and_style_contents_are_dropped(
        before in tagged_text(),
        after in tagged_text(),
        tag in select(&["script", "SCRIPT", "style", "Style"][..]),
    ) {
        let input = format!("{before}<{tag} type=\"x\">SECRET(1)</{tag}>{after}");
        prop_assert!(!text::html_to_text(&input).contains("SECRET"));
    }

    #[test]
    fn decode_entities_never_grows(input in html()) {
        let out = text::decode_entities(&input);
        prop_assert!(out.len() <= input.len(), "{:?} -> {:?}", input, out);
        if !input.contains('&') {
            prop_assert_eq!(out, input);
        }
    }

    #[test]
    fn paragraphs_are_trimmed_and_keep_every_word(input in prop_oneof![html(), vec(select(TEXTS), 0..8).prop_map(|t| t.join("\n"))]) {
        let blocks = text::split_paragraphs(&input);
        prop_assert_eq!(&blocks, &text::split_paragraphs(&input));
        for block in &blocks {
            let t = block.text();
            prop_assert!(!t.is_empty());
            prop_assert_eq!(t.trim(), t);
            prop_assert!(!t.contains(['\n', '\r']));
            prop_assert_eq!(matches!(block, Block::Quote(_)), text::is_quotation(t));
        }
        prop_assert_eq!(blocks.is_empty(), input.trim().is_empty());
        let words_in: Vec<&str> = input.split_whitespace().collect();
        let words_out: Vec<&str> = blocks.iter().flat_map(|b| b.text().split_whitespace()).collect();
        prop_assert_eq!(words_in, words_out);
    }

    #[test]
    fn safe_url_is_idempotent_and_safe(input in url_string()) {
        if let Some(clean) = text::safe_url(&input) {
            check_url(&clean)?;
            prop_assert_eq!(text::safe_url(&clean), Some(clean));
        }
    }

    #[test]
    fn resolve_against_a_web_base(
        base in prop_oneof![
            3 => select(&[
                "https://news.example/feeds/world.json",
                "https://news.example",
                "http://news.example/a/b/../c/?q=1#f",
                "https://news.example/a/b/",
            ][..]).prop_map(str::to_owned),
            1 => odd_string(),
        ],
        reference in prop_oneof![url_string(), vec(select(&["..", ".", "a", "", "b c", "%2e%2e"][..]), 0..6).prop_map(|s| s.join("/"))],
    ) {
        let resolved = url::resolve(&base, &reference);
        prop_assert_eq!(&resolved, &url::resolve(&base, &reference));
        let reference = reference.trim();
        let has_scheme = reference.find(':').is_some_and(|i| {
            let s = &reference[..i];
            s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        });
        if has_scheme {
            prop_assert_eq!(resolved.as_deref(), Some(reference));
            return Ok(());
        }
        let base_lower = base.to_ascii_lowercase();
        if !(base_lower.starts_with("http://") || base_lower.starts_with("https://")) {
            return Ok(());
        }
        let resolved = resolved.expect("a web base resolves every reference");
        check_absolute(&resolved)?;
        if !reference.starts_with("//") && !reference.is_empty() && !reference.starts_with(['?', '#']) {
            // The path has no dot segments left.
            let after_origin = &resolved[resolved.find("://").unwrap() + 3..];
            let path = after_origin.find('/').map_or("", |i| &after_origin[i..]);
            let path = path.split(['?', '#']).next().unwrap_or("");
            prop_assert!(path.split('/').all(|s| s != "." && s != ".."), "{:?} + {:?} -> {:?}", base, reference, resolved);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Saved data and text templates
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn saved_data_survives_tampering(stored in json_document(jsonld_value()), now in 0.0f64..4e12) {
        let _ = saved::draft_from_json(&stored, now);
        let _ = saved::details_from_json(&stored);
        let _ = saved::pending_from_json(&stored, now);
    }

    #[test]
    fn a_saved_draft_comes_back(draft in draft(), parent in any::<u64>(), parent_name in any::<String>(), now in 0.0f64..4e12) {
        let kept = saved::SavedDraft { draft: draft.clone(), parent, parent_name };
        let back = saved::draft_from_json(&saved::draft_to_json(&kept, now), now);
        if draft.is_empty() {
            prop_assert_eq!(back, None);
        } else {
            prop_assert_eq!(back, Some(kept));
        }
    }

    #[test]
    fn saved_details_come_back(draft in draft()) {
        let back = saved::details_from_json(&saved::details_to_json(&draft));
        let expected = byline::core::reply::Draft {
            comment: String::new(),
            name: draft.name.trim().to_owned(),
            email: draft.email.trim().to_owned(),
            website: draft.website.trim().to_owned(),
        };
        if expected.is_empty() {
            prop_assert_eq!(back, None);
        } else {
            prop_assert_eq!(back, Some(expected));
        }
    }

    #[test]
    fn pending_replies_come_back(
        items in vec((option::of(any::<u64>()), any::<u64>(), any::<String>(), any::<String>(), any::<String>(), any::<bool>(), any::<bool>(), 0u64..4_000_000_000_000), 0..6),
        now in 0.0f64..4e12,
    ) {
        let list: Vec<saved::PendingReply> = items
            .into_iter()
            .map(|(id, parent, author, content, date, local_only, approved, saved)| saved::PendingReply {
                id, parent, author, content, date, local_only, approved, saved: saved as f64,
            })
            .collect();
        let back = saved::pending_from_json(&saved::pending_to_json(&list), now);
        // Kept: every entry with text that is neither expired nor from the future, in order.
        let expected: Vec<saved::PendingReply> = list
            .into_iter()
            .filter(|p| !p.content.is_empty() && p.saved <= now + 60_000.0 && now - p.saved < saved::TTL_MS)
            .collect();
        prop_assert_eq!(back, expected);
    }

    /// Translation files with arbitrary keys and values: deterministic, and a key shows the
    /// publisher's override, else the file's non-blank string, else English.
    #[test]
    fn translation_files_from_arbitrary_json(
        entries in vec((prop_oneof![select(TEXT_KEY_NAMES).prop_map(str::to_owned), odd_string()], prop_oneof![odd_string().prop_map(Value::String), json_leaf()]), 0..12),
        wrapped in any::<bool>(),
        raw in json_document(jsonld_value()),
    ) {
        let texts: serde_json::Map<String, Value> = entries.into_iter().collect();
        let file = if wrapped { json!({"lang": "xx", "texts": texts}).to_string() } else { raw };
        let parsed = i18n::parse_translation(&file);
        prop_assert_eq!(&parsed, &i18n::parse_translation(&file));
        let Ok(translation) = parsed else { return Ok(()) };
        let shown = i18n::Texts::new("xx", Some(std::rc::Rc::new(translation.clone())), vec![(TextKey::Retry, "Mine".into())]);
        for key in TextKey::ALL {
            let expected = match (*key, translation.get(*key)) {
                (TextKey::Retry, _) => "Mine",
                (_, Some(text)) => {
                    prop_assert!(!text.trim().is_empty());
                    text
                }
                (_, None) => i18n::english(*key),
            };
            prop_assert_eq!(shown.get(*key), expected);
        }
    }

    /// Values (reader and server text) are inserted literally, never expanded again.
    #[test]
    fn fill_inserts_values_literally(pattern in odd_string(), name in odd_string(), value in odd_string()) {
        let out = i18n::fill(&pattern, &[("name", &name), ("x", &value)]);
        prop_assert_eq!(&out, &i18n::fill(&pattern, &[("name", &name), ("x", &value)]));
        let plain = i18n::fill("{name}", &[("name", &name), ("x", &value)]);
        prop_assert_eq!(plain, name);
        let _ = i18n::pick_plural(&pattern, "one");
    }
}

// ---------------------------------------------------------------------------------------
// Encodings and calendar dates

/// A Content-Type with or without a charset, quoted or not.
fn content_type() -> BoxedStrategy<String> {
    prop_oneof![
        odd_string(),
        (
            select(&["text/xml", "application/rss+xml", "application/json", ""][..]),
            select(
                &[
                    "",
                    "; charset=",
                    "; charset=\"",
                    ";Charset= '",
                    "; boundary="
                ][..]
            ),
            odd_string(),
        )
            .prop_map(|(kind, param, value)| format!("{kind}{param}{value}")),
    ]
    .boxed()
}

/// The first bytes of a body, often an XML declaration.
fn body_start() -> BoxedStrategy<Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..300),
        (
            select(&["", "\u{feff}"][..]),
            odd_string(),
            select(&["\"", "'", ""][..])
        )
            .prop_map(|(bom, label, quote)| {
                format!("{bom}<?xml version=\"1.0\" encoding={quote}{label}{quote}?><rss/>")
                    .into_bytes()
            }),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_declared_charset_is_a_bare_label(header in content_type(), start in body_start()) {
        let label = byline::core::charset::declared_charset(&header, &start);
        prop_assert_eq!(&label, &byline::core::charset::declared_charset(&header, &start));
        if let Some(label) = label {
            prop_assert!(!label.is_empty());
            prop_assert!(label.chars().all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c)), "{}", label);
        }
    }

    #[test]
    fn calendar_dates_agree_with_a_day_count(year in 0u32..10_000, month in 0u32..14, day in 0u32..33, rest in odd_string()) {
        let value = format!("{year:04}-{month:02}-{day:02}{}", if rest.starts_with(|c: char| c.is_ascii_digit()) { "" } else { &rest });
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            2 => if leap { 29 } else { 28 },
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => 0,
        };
        prop_assert_eq!(
            byline::core::date::is_real_calendar_date(&value),
            (1..=days).contains(&day),
            "{}", value
        );
    }
}
