#![cfg(not(target_arch = "wasm32"))]
//! Native tests for `byline::core::article`: every field of CONTRACT section 3 in every shape,
//! discovery of the article in JSON-LD, and the errors of section 8.

use byline::core::article::{
    from_document, from_documents, text_of, Article, ArticleError, Author, Image, ARTICLE_TYPES,
};
use byline::core::text::Block;
use serde_json::{json, Value};

/// Parses one document given as a `serde_json::Value`.
fn parse(doc: Value) -> Result<Article, ArticleError> {
    from_document(&doc.to_string())
}

/// A NewsArticle with the given extra fields (headline "H" unless overridden).
fn article_with(fields: Value) -> Article {
    let mut doc =
        json!({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H"});
    for (k, v) in fields.as_object().expect("fields object") {
        doc[k] = v.clone();
    }
    parse(doc).expect("article parses")
}

fn author(name: &str, url: Option<&str>) -> Author {
    Author {
        name: name.to_owned(),
        url: url.map(str::to_owned),
    }
}

fn image(url: &str, width: Option<u32>, height: Option<u32>, caption: Option<&str>) -> Image {
    Image {
        url: url.to_owned(),
        width,
        height,
        caption: caption.map(str::to_owned),
    }
}

// ---------------------------------------------------------------------------------------------
// Finding the article
// ---------------------------------------------------------------------------------------------

#[test]
fn article_types_are_the_contract_list() {
    assert_eq!(
        ARTICLE_TYPES,
        &[
            "Article",
            "NewsArticle",
            "ReportageNewsArticle",
            "AnalysisNewsArticle",
            "OpinionNewsArticle",
            "BlogPosting"
        ]
    );
}

#[test]
fn every_article_type_is_recognised() {
    for t in ARTICLE_TYPES {
        let a = parse(json!({"@type": t, "headline": format!("A {t}")}))
            .unwrap_or_else(|e| panic!("{t}: {e}"));
        assert_eq!(a.headline, format!("A {t}"));
    }
}

#[test]
fn every_article_type_is_recognised_inside_a_type_array() {
    for t in ARTICLE_TYPES {
        let a = parse(json!({"@type": ["CreativeWork", t], "headline": "In array"}))
            .unwrap_or_else(|e| panic!("{t}: {e}"));
        assert_eq!(a.headline, "In array");
    }
}

#[test]
fn full_iri_types_are_recognised() {
    for t in ARTICLE_TYPES {
        for iri in [
            format!("https://schema.org/{t}"),
            format!("http://schema.org/{t}"),
            format!("schema:{t}"),
        ] {
            let a = parse(json!({"@type": iri, "headline": "IRI"}))
                .unwrap_or_else(|e| panic!("{iri}: {e}"));
            assert_eq!(a.headline, "IRI");
        }
    }
    let a = parse(json!({"@type": ["https://schema.org/WebPage", "https://schema.org/NewsArticle"], "headline": "IRI array"}))
        .unwrap();
    assert_eq!(a.headline, "IRI array");
}

#[test]
fn other_types_are_not_articles() {
    for t in [
        "WebPage",
        "Organization",
        "Person",
        "BreadcrumbList",
        "NewsArticles",
        "newsarticle",
        "Articles",
    ] {
        assert_eq!(
            parse(json!({"@type": t, "headline": "Not me"})),
            Err(ArticleError::NoArticle),
            "{t}"
        );
    }
    assert_eq!(
        parse(json!({"headline": "No type"})),
        Err(ArticleError::NoArticle)
    );
    assert_eq!(
        parse(json!({"@type": 7, "headline": "Bad type"})),
        Err(ArticleError::NoArticle)
    );
    assert_eq!(
        parse(json!({"@type": [], "headline": "Empty"})),
        Err(ArticleError::NoArticle)
    );
}

#[test]
fn article_is_found_inside_graph() {
    let a = parse(json!({
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Site"},
            {"@type": "WebPage", "name": "Page", "headline": "Page headline"},
            {"@type": "NewsArticle", "headline": "From the graph"}
        ]
    }))
    .unwrap();
    assert_eq!(a.headline, "From the graph");
}

#[test]
fn article_is_found_in_a_top_level_array() {
    let a = parse(json!([
        {"@type": "Organization", "name": "Publisher"},
        {"@type": "BlogPosting", "headline": "From the array"}
    ]))
    .unwrap();
    assert_eq!(a.headline, "From the array");
}

#[test]
fn article_is_found_in_a_graph_inside_an_array() {
    let a = parse(json!([
        {"@type": "WebSite"},
        {"@graph": [{"@type": "Person", "name": "P"}, {"@type": "Article", "headline": "Nested"}]}
    ]))
    .unwrap();
    assert_eq!(a.headline, "Nested");
}

#[test]
fn first_article_wins() {
    let a = parse(json!([
        {"@type": "NewsArticle", "headline": "First"},
        {"@type": "NewsArticle", "headline": "Second"}
    ]))
    .unwrap();
    assert_eq!(a.headline, "First");
    let a = parse(json!({"@graph": [
        {"@type": "WebPage"},
        {"@type": "OpinionNewsArticle", "headline": "First in graph"},
        {"@type": "Article", "headline": "Second in graph"}
    ]}))
    .unwrap();
    assert_eq!(a.headline, "First in graph");
}

#[test]
fn an_article_object_itself_wins_over_its_graph() {
    let a = parse(json!({
        "@type": "NewsArticle",
        "headline": "Outer",
        "@graph": [{"@type": "NewsArticle", "headline": "Inner"}]
    }))
    .unwrap();
    assert_eq!(a.headline, "Outer");
}

#[test]
fn non_object_documents_have_no_article() {
    assert_eq!(
        from_document("\"NewsArticle\""),
        Err(ArticleError::NoArticle)
    );
    assert_eq!(from_document("42"), Err(ArticleError::NoArticle));
    assert_eq!(from_document("null"), Err(ArticleError::NoArticle));
    assert_eq!(from_document("[]"), Err(ArticleError::NoArticle));
    assert_eq!(from_document("{}"), Err(ArticleError::NoArticle));
}

#[test]
fn invalid_json_document_is_an_error_with_detail() {
    match from_document("{\"@type\": \"NewsArticle\", ") {
        Err(ArticleError::InvalidJson(detail)) => assert!(!detail.is_empty()),
        other => panic!("expected InvalidJson, got {other:?}"),
    }
    assert!(matches!(
        from_document(""),
        Err(ArticleError::InvalidJson(_))
    ));
}

// ---------------------------------------------------------------------------------------------
// Several documents (the page's JSON-LD blocks)
// ---------------------------------------------------------------------------------------------

const ARTICLE_DOC: &str = r#"{"@type": "NewsArticle", "headline": "Found"}"#;
const OTHER_DOC: &str = r#"{"@type": "Organization", "name": "Org"}"#;
const BROKEN_DOC: &str = r#"{"@type": "NewsArticle", "headline": "#;

#[test]
fn documents_none_is_no_json_ld() {
    assert_eq!(
        from_documents(Vec::<&str>::new()),
        Err(ArticleError::NoJsonLd)
    );
}

#[test]
fn documents_invalid_block_is_skipped_when_a_later_block_has_an_article() {
    let a = from_documents([BROKEN_DOC, OTHER_DOC, ARTICLE_DOC]).unwrap();
    assert_eq!(a.headline, "Found");
}

#[test]
fn documents_first_article_across_blocks_wins() {
    let second = r#"{"@type": "NewsArticle", "headline": "Second"}"#;
    assert_eq!(
        from_documents([OTHER_DOC, ARTICLE_DOC, second])
            .unwrap()
            .headline,
        "Found"
    );
}

#[test]
fn documents_all_invalid_is_invalid_json() {
    assert!(matches!(
        from_documents([BROKEN_DOC, "not json"]),
        Err(ArticleError::InvalidJson(_))
    ));
}

#[test]
fn documents_without_an_article_is_no_article() {
    assert_eq!(
        from_documents([OTHER_DOC, "[]", "{}"]),
        Err(ArticleError::NoArticle)
    );
}

#[test]
fn documents_invalid_json_is_reported_before_no_article_whatever_the_order() {
    // The broken block may well have been the article: that is what the publisher must fix.
    assert!(matches!(
        from_documents([BROKEN_DOC, OTHER_DOC]),
        Err(ArticleError::InvalidJson(_))
    ));
    assert!(matches!(
        from_documents([OTHER_DOC, BROKEN_DOC]),
        Err(ArticleError::InvalidJson(_))
    ));
}

#[test]
fn documents_first_invalid_json_detail_is_kept() {
    let first = from_document(BROKEN_DOC).unwrap_err();
    assert_eq!(from_documents([OTHER_DOC, BROKEN_DOC, "nope"]), Err(first));
}

#[test]
fn documents_first_article_without_headline_is_reported_not_skipped() {
    let no_headline = r#"{"@type": "NewsArticle", "description": "D"}"#;
    assert_eq!(
        from_documents([no_headline, ARTICLE_DOC]),
        Err(ArticleError::MissingHeadline)
    );
    let bad_headline = r#"{"@type": "NewsArticle", "headline": true}"#;
    assert_eq!(
        from_documents([OTHER_DOC, bad_headline, ARTICLE_DOC]),
        Err(ArticleError::HeadlineNotText)
    );
}

// ---------------------------------------------------------------------------------------------
// headline
// ---------------------------------------------------------------------------------------------

#[test]
fn headline_missing_null_or_blank_is_missing_headline() {
    assert_eq!(
        parse(json!({"@type": "NewsArticle"})),
        Err(ArticleError::MissingHeadline)
    );
    assert_eq!(
        parse(json!({"@type": "NewsArticle", "headline": null})),
        Err(ArticleError::MissingHeadline)
    );
    assert_eq!(
        parse(json!({"@type": "NewsArticle", "headline": "   "})),
        Err(ArticleError::MissingHeadline)
    );
    assert_eq!(
        parse(json!({"@type": "NewsArticle", "headline": []})),
        Err(ArticleError::MissingHeadline)
    );
}

#[test]
fn headline_object_or_bool_is_not_text() {
    for headline in [
        json!({"text": "x"}),
        json!(true),
        json!(false),
        json!([true]),
        json!([{}]),
    ] {
        assert_eq!(
            parse(json!({"@type": "NewsArticle", "headline": headline})),
            Err(ArticleError::HeadlineNotText),
            "{headline}"
        );
    }
}

#[test]
fn headline_number_is_rendered_as_text() {
    assert_eq!(article_with(json!({"headline": 2024})).headline, "2024");
    assert_eq!(article_with(json!({"headline": 1.5})).headline, "1.5");
}

#[test]
fn headline_array_uses_the_first_text() {
    assert_eq!(
        article_with(json!({"headline": ["First", "Second"]})).headline,
        "First"
    );
    assert_eq!(
        article_with(json!({"headline": ["", null, "Third"]})).headline,
        "Third"
    );
}

#[test]
fn headline_value_object_is_text() {
    assert_eq!(
        article_with(json!({"headline": {"@value": "Typed", "@language": "en"}})).headline,
        "Typed"
    );
}

#[test]
fn headline_is_trimmed_and_kept_as_plain_text() {
    assert_eq!(
        article_with(json!({"headline": "  Bridge <b>reopens</b> &amp; more  "})).headline,
        "Bridge <b>reopens</b> &amp; more"
    );
}

// ---------------------------------------------------------------------------------------------
// standfirst
// ---------------------------------------------------------------------------------------------

#[test]
fn standfirst_prefers_alternative_headline_to_description() {
    let a = article_with(json!({"alternativeHeadline": "Alt", "description": "Desc"}));
    assert_eq!(a.standfirst.as_deref(), Some("Alt"));
}

#[test]
fn standfirst_falls_back_to_description() {
    assert_eq!(
        article_with(json!({"description": "Desc"}))
            .standfirst
            .as_deref(),
        Some("Desc")
    );
    assert_eq!(
        article_with(json!({"alternativeHeadline": "  ", "description": "Desc"}))
            .standfirst
            .as_deref(),
        Some("Desc")
    );
    assert_eq!(
        article_with(json!({"alternativeHeadline": null, "description": ["Desc", "Other"]}))
            .standfirst
            .as_deref(),
        Some("Desc")
    );
}

#[test]
fn standfirst_absent() {
    assert_eq!(article_with(json!({})).standfirst, None);
    assert_eq!(
        article_with(json!({"description": {"x": 1}})).standfirst,
        None
    );
}

// ---------------------------------------------------------------------------------------------
// author
// ---------------------------------------------------------------------------------------------

#[test]
fn author_as_string() {
    assert_eq!(
        article_with(json!({"author": "Ana Ruiz"})).authors,
        vec![author("Ana Ruiz", None)]
    );
}

#[test]
fn author_as_person_with_url() {
    let a = article_with(
        json!({"author": {"@type": "Person", "name": "Ana Ruiz", "url": "https://example.com/ana"}}),
    );
    assert_eq!(
        a.authors,
        vec![author("Ana Ruiz", Some("https://example.com/ana"))]
    );
}

#[test]
fn author_as_organization() {
    let a = article_with(json!({"author": {"@type": "Organization", "name": "Newsroom"}}));
    assert_eq!(a.authors, vec![author("Newsroom", None)]);
}

#[test]
fn author_array_mixed_shapes_in_order() {
    let a = article_with(json!({"author": [
        {"@type": "Person", "name": "Ana Ruiz", "url": "/people/ana"},
        "Lee Park",
        {"@type": "Organization", "name": "Wire Service", "url": "https://wire.example/"}
    ]}));
    assert_eq!(
        a.authors,
        vec![
            author("Ana Ruiz", Some("/people/ana")),
            author("Lee Park", None),
            author("Wire Service", Some("https://wire.example/")),
        ]
    );
}

#[test]
fn author_without_name_is_skipped() {
    let a = article_with(json!({"author": [
        {"@type": "Person", "url": "https://example.com/nobody"},
        {"@type": "Person", "name": "  "},
        "",
        null,
        {"@type": "Person", "name": "Kept"}
    ]}));
    assert_eq!(a.authors, vec![author("Kept", None)]);
    assert!(article_with(json!({"author": {"@type": "Person"}}))
        .authors
        .is_empty());
    assert!(article_with(json!({})).authors.is_empty());
}

#[test]
fn author_unsafe_url_is_dropped_but_author_kept() {
    let a = article_with(json!({"author": [
        {"name": "Eve", "url": "javascript:alert(1)"},
        {"name": "Mallory", "url": "data:text/html,x"}
    ]}));
    assert_eq!(
        a.authors,
        vec![author("Eve", None), author("Mallory", None)]
    );
}

#[test]
fn author_url_from_array_but_not_from_id() {
    // An author's "@id" is a node identifier (Yoast: ".../#/schema/person/..."), not a page.
    let a = article_with(json!({"author": [
        {"name": "By id", "@id": "https://example.com/#/schema/person/1"},
        {"name": "By array", "url": ["javascript:x", "https://example.com/lee"]}
    ]}));
    assert_eq!(
        a.authors,
        vec![
            author("By id", None),
            author("By array", Some("https://example.com/lee"))
        ]
    );
}

#[test]
fn author_name_is_trimmed_plain_text() {
    let a = article_with(json!({"author": {"name": "  <b>Ana</b>  "}}));
    assert_eq!(a.authors, vec![author("<b>Ana</b>", None)]);
}

// ---------------------------------------------------------------------------------------------
// dates
// ---------------------------------------------------------------------------------------------

#[test]
fn dates_are_kept_verbatim() {
    let a = article_with(json!({
        "datePublished": "2024-03-05T09:30:00+01:00",
        "dateModified": "2024-03-06"
    }));
    assert_eq!(
        a.date_published.as_deref(),
        Some("2024-03-05T09:30:00+01:00")
    );
    assert_eq!(a.date_modified.as_deref(), Some("2024-03-06"));
}

#[test]
fn dates_not_parsed_here_even_when_odd() {
    let a = article_with(json!({"datePublished": "5 March 2024", "dateModified": "not a date"}));
    assert_eq!(a.date_published.as_deref(), Some("5 March 2024"));
    assert_eq!(a.date_modified.as_deref(), Some("not a date"));
}

#[test]
fn dates_absent_or_blank() {
    let a = article_with(json!({"datePublished": "", "dateModified": null}));
    assert_eq!(a.date_published, None);
    assert_eq!(a.date_modified, None);
}

// ---------------------------------------------------------------------------------------------
// image
// ---------------------------------------------------------------------------------------------

#[test]
fn image_as_url() {
    assert_eq!(
        article_with(json!({"image": "https://example.com/lead.jpg"})).image,
        Some(image("https://example.com/lead.jpg", None, None, None))
    );
    assert_eq!(
        article_with(json!({"image": "/img/lead.jpg"})).image,
        Some(image("/img/lead.jpg", None, None, None))
    );
}

#[test]
fn image_object_with_url_and_numeric_size_and_caption() {
    let a = article_with(json!({"image": {
        "@type": "ImageObject",
        "url": "https://example.com/lead.jpg",
        "width": 1200,
        "height": 675,
        "caption": "The baths at dawn"
    }}));
    assert_eq!(
        a.image,
        Some(image(
            "https://example.com/lead.jpg",
            Some(1200),
            Some(675),
            Some("The baths at dawn")
        ))
    );
}

#[test]
fn image_object_with_content_url() {
    let a = article_with(
        json!({"image": {"@type": "ImageObject", "contentUrl": "https://example.com/c.jpg"}}),
    );
    assert_eq!(
        a.image,
        Some(image("https://example.com/c.jpg", None, None, None))
    );
}

#[test]
fn image_object_url_preferred_to_content_url() {
    let a = article_with(
        json!({"image": {"url": "https://example.com/u.jpg", "contentUrl": "https://example.com/c.jpg"}}),
    );
    assert_eq!(a.image.unwrap().url, "https://example.com/u.jpg");
}

#[test]
fn image_size_as_strings() {
    let a = article_with(json!({"image": {"url": "/a.jpg", "width": "1200", "height": "675px"}}));
    assert_eq!(
        (
            a.image.as_ref().unwrap().width,
            a.image.as_ref().unwrap().height
        ),
        (Some(1200), Some(675))
    );
    let a =
        article_with(json!({"image": {"url": "/a.jpg", "width": " 1200px ", "height": "675 px"}}));
    assert_eq!(
        (
            a.image.as_ref().unwrap().width,
            a.image.as_ref().unwrap().height
        ),
        (Some(1200), Some(675))
    );
}

#[test]
fn image_size_as_quantitative_value() {
    let a = article_with(json!({"image": {
        "url": "/a.jpg",
        "width": {"@type": "QuantitativeValue", "value": 1200, "unitCode": "E37"},
        "height": {"@type": "QuantitativeValue", "value": "675"}
    }}));
    let img = a.image.unwrap();
    assert_eq!((img.width, img.height), (Some(1200), Some(675)));
}

#[test]
fn image_size_fractions_are_rounded() {
    let a = article_with(json!({"image": {"url": "/a.jpg", "width": 1199.6, "height": "674.4"}}));
    let img = a.image.unwrap();
    assert_eq!((img.width, img.height), (Some(1200), Some(674)));
}

#[test]
fn image_size_needs_both_valid_dimensions() {
    for (w, h) in [
        (json!(1200), Value::Null),
        (json!(1200), json!("tall")),
        (json!(0), json!(675)),
        (json!(-5), json!(675)),
        (json!("abc"), json!(675)),
        (json!(true), json!(675)),
        (json!(1200), json!(100_001)),
    ] {
        let a = article_with(json!({"image": {"url": "/a.jpg", "width": w, "height": h}}));
        let img = a.image.expect("image kept without size");
        assert_eq!(
            (img.width, img.height),
            (None, None),
            "width {w}, height {h}"
        );
        assert_eq!(img.url, "/a.jpg");
    }
}

#[test]
fn image_array_first_usable_wins() {
    let a = article_with(json!({"image": [
        "https://example.com/first.jpg",
        "https://example.com/second.jpg"
    ]}));
    assert_eq!(a.image.unwrap().url, "https://example.com/first.jpg");
    let a = article_with(json!({"image": [
        "javascript:alert(1)",
        {"@type": "ImageObject"},
        {"@type": "ImageObject", "url": "https://example.com/obj.jpg", "width": 800, "height": 450},
        "https://example.com/later.jpg"
    ]}));
    assert_eq!(
        a.image,
        Some(image(
            "https://example.com/obj.jpg",
            Some(800),
            Some(450),
            None
        ))
    );
}

#[test]
fn image_unsafe_url_is_dropped() {
    assert_eq!(
        article_with(json!({"image": "javascript:alert(1)"})).image,
        None
    );
    assert_eq!(
        article_with(json!({"image": "data:image/png;base64,AAAA"})).image,
        None
    );
    assert_eq!(
        article_with(json!({"image": {"url": "JaVaScRiPt:alert(1)", "width": 10, "height": 10}}))
            .image,
        None
    );
    assert_eq!(article_with(json!({"image": ["vbscript:x"]})).image, None);
}

#[test]
fn image_absent_or_unusable() {
    assert_eq!(article_with(json!({})).image, None);
    assert_eq!(article_with(json!({"image": null})).image, None);
    assert_eq!(article_with(json!({"image": 42})).image, None);
    assert_eq!(article_with(json!({"image": []})).image, None);
    assert_eq!(
        article_with(json!({"image": {"caption": "No URL"}})).image,
        None
    );
}

#[test]
fn image_caption_falls_back_to_name_and_is_text() {
    let a = article_with(json!({"image": {"url": "/a.jpg", "name": "Named"}}));
    assert_eq!(a.image.unwrap().caption.as_deref(), Some("Named"));
    let a = article_with(json!({"image": {"url": "/a.jpg", "caption": "Cap", "name": "Named"}}));
    assert_eq!(a.image.unwrap().caption.as_deref(), Some("Cap"));
    let a =
        article_with(json!({"image": {"url": "/a.jpg", "caption": {"@value": "Typed caption"}}}));
    assert_eq!(a.image.unwrap().caption.as_deref(), Some("Typed caption"));
}

#[test]
fn image_url_is_cleaned() {
    let a = article_with(json!({"image": "  https://example.com/a\tb.jpg \n"}));
    assert_eq!(a.image.unwrap().url, "https://example.com/ab.jpg");
}

// ---------------------------------------------------------------------------------------------
// articleBody
// ---------------------------------------------------------------------------------------------

#[test]
fn body_is_split_into_paragraphs_and_quotes() {
    let a = article_with(json!({
        "articleBody": "First paragraph\nwraps.\n\n“A quotation that stands alone.”\n\n“A,” he said, “B.”"
    }));
    assert_eq!(
        a.body,
        vec![
            Block::Paragraph("First paragraph wraps.".into()),
            Block::Quote("“A quotation that stands alone.”".into()),
            Block::Paragraph("“A,” he said, “B.”".into()),
        ]
    );
}

#[test]
fn body_with_single_newlines_splits_on_them() {
    let a = article_with(json!({"articleBody": "One.\nTwo."}));
    assert_eq!(
        a.body,
        vec![
            Block::Paragraph("One.".into()),
            Block::Paragraph("Two.".into())
        ]
    );
}

#[test]
fn body_absent_or_blank_is_empty() {
    assert!(article_with(json!({})).body.is_empty());
    assert!(article_with(json!({"articleBody": "  \n\n "}))
        .body
        .is_empty());
    assert!(article_with(json!({"articleBody": null})).body.is_empty());
}

#[test]
fn body_is_plain_text_not_html() {
    let a = article_with(json!({"articleBody": "<img src=x onerror=alert(1)>"}));
    assert_eq!(
        a.body,
        vec![Block::Paragraph("<img src=x onerror=alert(1)>".into())]
    );
}

// ---------------------------------------------------------------------------------------------
// articleSection, publisher, url, identifier, discussionUrl
// ---------------------------------------------------------------------------------------------

#[test]
fn section_as_string_or_array_first() {
    assert_eq!(
        article_with(json!({"articleSection": "World"}))
            .section
            .as_deref(),
        Some("World")
    );
    assert_eq!(
        article_with(json!({"articleSection": ["World", "Europe"]}))
            .section
            .as_deref(),
        Some("World")
    );
    assert_eq!(article_with(json!({"articleSection": []})).section, None);
    assert_eq!(article_with(json!({})).section, None);
}

#[test]
fn publisher_as_object_or_string() {
    assert_eq!(
        article_with(json!({"publisher": {"@type": "Organization", "name": "The Daily Test", "logo": {"url": "/l.png"}}}))
            .publisher
            .as_deref(),
        Some("The Daily Test")
    );
    assert_eq!(
        article_with(json!({"publisher": "The Daily Test"}))
            .publisher
            .as_deref(),
        Some("The Daily Test")
    );
    assert_eq!(
        article_with(json!({"publisher": [{"@type": "Organization"}, {"name": "Second"}]}))
            .publisher
            .as_deref(),
        Some("Second")
    );
    assert_eq!(
        article_with(json!({"publisher": {"@type": "Organization"}})).publisher,
        None
    );
    assert_eq!(article_with(json!({})).publisher, None);
}

#[test]
fn url_safe_is_kept() {
    assert_eq!(
        article_with(json!({"url": "https://example.com/news/1"}))
            .url
            .as_deref(),
        Some("https://example.com/news/1")
    );
    assert_eq!(
        article_with(json!({"url": "/news/1"})).url.as_deref(),
        Some("/news/1")
    );
    assert_eq!(
        article_with(json!({"url": ["javascript:x", "https://example.com/2"]}))
            .url
            .as_deref(),
        Some("https://example.com/2")
    );
}

#[test]
fn url_unsafe_is_dropped() {
    for url in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "",
    ] {
        assert_eq!(article_with(json!({"url": url})).url, None, "{url:?}");
    }
    assert_eq!(article_with(json!({"url": 5})).url, None);
}

#[test]
fn identifier_as_string_number_or_property_value() {
    assert_eq!(
        article_with(json!({"identifier": "4711"}))
            .identifier
            .as_deref(),
        Some("4711")
    );
    assert_eq!(
        article_with(json!({"identifier": 4711}))
            .identifier
            .as_deref(),
        Some("4711")
    );
    assert_eq!(
        article_with(
            json!({"identifier": {"@type": "PropertyValue", "propertyID": "wp", "value": 4711}})
        )
        .identifier
        .as_deref(),
        Some("4711")
    );
    assert_eq!(
        article_with(
            json!({"identifier": {"@type": "PropertyValue", "propertyID": "wp", "value": "post-9"}})
        )
        .identifier
        .as_deref(),
        Some("post-9")
    );
    assert_eq!(
        article_with(json!({"identifier": [{"@type": "PropertyValue"}, "second"]}))
            .identifier
            .as_deref(),
        Some("second")
    );
    assert_eq!(article_with(json!({})).identifier, None);
    assert_eq!(article_with(json!({"identifier": ""})).identifier, None);
}

#[test]
fn discussion_url_safe_kept_unsafe_dropped() {
    assert_eq!(
        article_with(json!({"discussionUrl": "https://example.com/wp-json/wp/v2/comments"}))
            .discussion_url
            .as_deref(),
        Some("https://example.com/wp-json/wp/v2/comments")
    );
    assert_eq!(
        article_with(json!({"discussionUrl": "/wp-json/wp/v2/comments"}))
            .discussion_url
            .as_deref(),
        Some("/wp-json/wp/v2/comments")
    );
    assert_eq!(
        article_with(json!({"discussionUrl": "javascript:alert(1)"})).discussion_url,
        None
    );
    assert_eq!(article_with(json!({})).discussion_url, None);
}

// ---------------------------------------------------------------------------------------------
// A complete article, and text_of
// ---------------------------------------------------------------------------------------------

#[test]
fn complete_article_reads_every_field() {
    let a = parse(json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Bridge reopens after repairs",
        "alternativeHeadline": "Traffic returns to the river crossing",
        "description": "Not used",
        "author": [{"@type": "Person", "name": "Ana Ruiz", "url": "https://example.com/ana"}, "Lee Park"],
        "datePublished": "2024-03-05T09:30:00Z",
        "dateModified": "2024-03-06T10:00:00Z",
        "image": {"@type": "ImageObject", "url": "https://example.com/bridge.jpg", "width": 800, "height": 450, "caption": "The bridge at dawn"},
        "articleBody": "First paragraph.\n\n“A quotation that stands alone.”\n\nThird paragraph.",
        "articleSection": "Local",
        "publisher": {"@type": "Organization", "name": "The Daily Test"},
        "url": "https://example.com/bridge",
        "identifier": 4711,
        "discussionUrl": "https://example.com/wp-json/wp/v2/comments"
    }))
    .unwrap();
    assert_eq!(
        a,
        Article {
            headline: "Bridge reopens after repairs".into(),
            standfirst: Some("Traffic returns to the river crossing".into()),
            authors: vec![
                author("Ana Ruiz", Some("https://example.com/ana")),
                author("Lee Park", None)
            ],
            date_published: Some("2024-03-05T09:30:00Z".into()),
            date_modified: Some("2024-03-06T10:00:00Z".into()),
            image: Some(image(
                "https://example.com/bridge.jpg",
                Some(800),
                Some(450),
                Some("The bridge at dawn")
            )),
            body: vec![
                Block::Paragraph("First paragraph.".into()),
                Block::Quote("“A quotation that stands alone.”".into()),
                Block::Paragraph("Third paragraph.".into()),
            ],
            section: Some("Local".into()),
            publisher: Some("The Daily Test".into()),
            url: Some("https://example.com/bridge".into()),
            identifier: Some("4711".into()),
            discussion_url: Some("https://example.com/wp-json/wp/v2/comments".into()),
        }
    );
}

#[test]
fn minimal_article_has_only_a_headline() {
    let a = parse(json!({"@type": "Article", "headline": "Only"})).unwrap();
    assert_eq!(
        a,
        Article {
            headline: "Only".into(),
            ..Article::default()
        }
    );
}

#[test]
fn text_of_shapes() {
    let text = |v: Value| text_of(&v);
    assert_eq!(text(json!(" a ")).as_deref(), Some("a"));
    assert_eq!(text(json!(3)).as_deref(), Some("3"));
    assert_eq!(text(json!({"@value": "v"})).as_deref(), Some("v"));
    assert_eq!(text(json!([null, " ", "x"])).as_deref(), Some("x"));
    assert_eq!(text(json!("")), None);
    assert_eq!(text(json!(true)), None);
    assert_eq!(text(Value::Null), None);
    assert_eq!(text(json!({"name": "n"})), None);
}

// ---------------------------------------------------------------------------------------------
// Error messages say what to fix
// ---------------------------------------------------------------------------------------------

#[test]
fn error_messages_say_what_to_fix() {
    let no_json_ld = ArticleError::NoJsonLd.to_string();
    assert!(no_json_ld.contains("application/ld+json"), "{no_json_ld}");

    let invalid = ArticleError::InvalidJson("expected value at line 1 column 1".into()).to_string();
    assert!(invalid.contains("not valid JSON"), "{invalid}");
    assert!(
        invalid.contains("expected value at line 1 column 1"),
        "{invalid}"
    );

    let no_article = ArticleError::NoArticle.to_string();
    assert!(no_article.contains("@type"), "{no_article}");
    for t in ARTICLE_TYPES {
        assert!(no_article.contains(t), "{no_article} should list {t}");
    }

    let missing = ArticleError::MissingHeadline.to_string();
    assert!(missing.contains("\"headline\""), "{missing}");
    assert!(missing.contains("required"), "{missing}");

    let not_text = ArticleError::HeadlineNotText.to_string();
    assert!(not_text.contains("\"headline\""), "{not_text}");
    assert!(not_text.contains("not text"), "{not_text}");
}

#[test]
fn article_error_is_a_std_error() {
    fn takes_error(_: &dyn std::error::Error) {}
    takes_error(&ArticleError::NoArticle);
}

// ---------------------------------------------------------------------------------------------
// Node references (CONTRACT 3): `{"@id": ...}` read through the node it names
// ---------------------------------------------------------------------------------------------

/// The JSON-LD a WordPress SEO plugin prints: an Article in a `@graph` pointing at its
/// WebPage, ImageObject, Organization and Person by `@id`.
fn wordpress_seo_graph() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/e2e/fixtures/jsonld/wordpress-seo-graph.json"
    );
    std::fs::read_to_string(path).expect("fixture")
}

#[test]
fn wordpress_seo_graph_follows_every_reference() {
    let a = from_document(&wordpress_seo_graph()).expect("article");
    assert_eq!(
        a.headline,
        "Tide tables rewritten after the harbour wall moves"
    );
    assert_eq!(
        a.image,
        Some(image(
            "https://news.example/wp-content/uploads/2026/11/harbour.jpg",
            Some(1600),
            Some(900),
            Some("The harbour wall at low water")
        ))
    );
    assert_eq!(
        a.authors,
        vec![author(
            "Morwenna Trevithick",
            Some("https://news.example/author/morwenna/")
        )]
    );
    assert_eq!(a.publisher.as_deref(), Some("The Estuary Courier"));
    // No description on the Article: the WebPage it is part of has one.
    assert_eq!(
        a.standfirst.as_deref(),
        Some(
            "Surveyors found the wall had shifted 40 cm; every table since 2019 is being redrawn."
        )
    );
    // articleSection as an array: the first wins.
    assert_eq!(a.section.as_deref(), Some("Coast"));
    // No url on the Article, and its @id is not one.
    assert_eq!(a.url, None);
}

#[test]
fn references_resolve_wherever_the_node_sits() {
    // The node may come before or after the article, at any depth of the graph.
    let doc = json!([
        {"@type": "Person", "@id": "#p", "name": "Ada", "url": "https://example.com/ada"},
        {"@graph": [
            {"@type": "NewsArticle", "headline": "H", "author": [{"@id": "#p"}, {"@id": "#q", "name": "Bea"}],
             "publisher": {"@id": "#o"}, "image": [{"@id": "#i"}]},
            {"@type": "Organization", "@id": "#o", "name": "Org"},
            {"@type": "ImageObject", "@id": "#i", "contentUrl": "https://example.com/i.jpg", "width": "800", "height": "600"}
        ]}
    ]);
    let a = parse(doc).expect("article");
    // "#q" names no node: its own name is kept, with no link.
    assert_eq!(
        a.authors,
        vec![
            author("Ada", Some("https://example.com/ada")),
            author("Bea", None)
        ]
    );
    assert_eq!(a.publisher.as_deref(), Some("Org"));
    assert_eq!(
        a.image,
        Some(image(
            "https://example.com/i.jpg",
            Some(800),
            Some(600),
            None
        ))
    );
}

#[test]
fn an_id_is_never_a_url_to_show_link_or_load() {
    // Dangling references: nothing to read, and the @id itself is never used.
    let a = article_with(json!({
        "author": {"@id": "https://example.com/#/schema/person/1"},
        "image": {"@id": "https://example.com/photo.jpg"},
        "publisher": {"@id": "https://example.com/#org"},
        "url": {"@id": "https://example.com/story"},
        "mainEntityOfPage": {"@id": "https://example.com/story"}
    }));
    assert_eq!(a.authors, vec![]);
    assert_eq!(a.image, None);
    assert_eq!(a.publisher, None);
    assert_eq!(a.url, None);
    assert_eq!(a.standfirst, None);
}

#[test]
fn the_articles_own_description_wins_over_the_pages() {
    let doc = json!({"@graph": [
        {"@type": "WebPage", "@id": "#page", "description": "Page"},
        {"@type": "Article", "headline": "H", "description": "Own", "isPartOf": {"@id": "#page"}}
    ]});
    assert_eq!(
        parse(doc).expect("article").standfirst.as_deref(),
        Some("Own")
    );
    let doc = json!({"@graph": [
        {"@type": "WebPage", "@id": "#page", "description": "Page"},
        {"@type": "Article", "headline": "H", "mainEntityOfPage": {"@id": "#page"}}
    ]});
    assert_eq!(
        parse(doc).expect("article").standfirst.as_deref(),
        Some("Page")
    );
}

#[test]
fn a_reference_loop_or_self_reference_ends() {
    // A node that refers to itself, and two that refer to each other: read once, no loop.
    let doc = json!({"@graph": [
        {"@type": "Article", "@id": "#a", "headline": "H", "author": {"@id": "#a"},
         "isPartOf": {"@id": "#w"}},
        {"@type": "WebPage", "@id": "#w", "isPartOf": {"@id": "#w"}, "name": "W"}
    ]});
    let a = parse(doc).expect("article");
    assert_eq!(a.headline, "H");
    assert_eq!(a.standfirst, None);
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_before_the_stack_runs_out() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        from_document(&deep),
        Err(ArticleError::InvalidJson(detail)) if detail.contains("recursion limit")
    ));
    let nested_at_the_limit = format!(
        r#"{{"@type":"Article","headline":"H","x":{}{}}}"#,
        "[".repeat(120),
        "]".repeat(120)
    );
    assert_eq!(
        from_document(&nested_at_the_limit).map(|a| a.headline),
        Ok("H".to_owned())
    );
}

#[test]
fn json_serde_refuses_gives_the_clear_message_never_a_panic() {
    // A lone UTF-16 surrogate escape, a huge number, a wrong type for the whole document,
    // a truncated document: each is "not valid JSON" (with serde's reason) or "no article".
    for text in [
        r#"{"@type":"NewsArticle","headline":"\ud800"}"#,
        r#"{"@type":"NewsArticle","headline":"H","x":1e999999}"#,
        r#"{"@type":"NewsArticle","headline":"H""#,
    ] {
        match from_document(text) {
            Err(ArticleError::InvalidJson(detail)) => {
                assert!(detail.contains("line 1"), "{text}: {detail}");
                let message = ArticleError::InvalidJson(detail).to_string();
                assert!(
                    message.starts_with("the JSON-LD is not valid JSON"),
                    "{message}"
                );
            }
            other => panic!("{text}: expected InvalidJson, got {other:?}"),
        }
    }
    assert_eq!(
        from_document("[1.5, true, null]"),
        Err(ArticleError::NoArticle)
    );
    // A huge integer is text, not a failure.
    let a = from_document(r#"{"@type":"NewsArticle","headline":123456789012345678901234567890}"#)
        .expect("a number headline is text");
    assert!(
        a.headline.starts_with("1.2345678901234568e"),
        "{}",
        a.headline
    );
}

#[test]
fn a_ten_megabyte_document_is_read() {
    let paragraph = "Rangers counted the pups along the estuary again this spring. ".repeat(16);
    let body = vec![paragraph; 11_000].join("\n\n");
    assert!(body.len() > 10_000_000);
    let doc = json!({"@type": "NewsArticle", "headline": "Long", "articleBody": body});
    let a = parse(doc).expect("article");
    assert_eq!(a.body.len(), 11_000);
}
