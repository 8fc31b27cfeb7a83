#![cfg(not(target_arch = "wasm32"))]
//! Native tests for `byline::core::config`: every attribute of CONTRACT section 2, each valid
//! value, and each invalid value falling back to the default with exactly one warning.

use byline::core::config::{
    valid_language_tag, BodySource, Config, ConfigWarning, Loading, ReplyFormat, Source, Theme,
    DEFAULT_RELATED_LIMIT, MAX_RELATED_LIMIT,
};
use byline::core::i18n::TextKey;

fn parse(attrs: &[(&str, &str)]) -> (Config, Vec<ConfigWarning>) {
    Config::from_attributes(attrs.iter().copied())
}

/// Parses one attribute that must be valid: no warning.
fn valid(name: &str, value: &str) -> Config {
    let (config, warnings) = parse(&[(name, value)]);
    assert!(
        warnings.is_empty(),
        "{name}={value:?} should be valid, got {warnings:?}"
    );
    config
}

/// Parses one attribute that must be invalid: the default config and exactly one warning that
/// names the attribute, the value and the fallback, both as fields and in its Display text.
fn invalid(name: &str, value: &str, fallback: &str) -> ConfigWarning {
    let (config, warnings) = parse(&[(name, value)]);
    assert_eq!(
        config,
        Config::default(),
        "{name}={value:?} must fall back to the default"
    );
    assert_eq!(
        warnings.len(),
        1,
        "{name}={value:?}: exactly one warning, got {warnings:?}"
    );
    let warning = warnings.into_iter().next().unwrap();
    assert_eq!(warning.attribute, name.to_ascii_lowercase());
    assert_eq!(warning.value, value);
    assert_eq!(warning.fallback, fallback);
    let text = warning.to_string();
    assert!(
        text.contains(&warning.attribute),
        "{text:?} should name the attribute"
    );
    assert!(
        text.contains(&format!("\"{value}\"")),
        "{text:?} should quote the value"
    );
    assert!(text.contains(fallback), "{text:?} should name the fallback");
    assert!(
        text.contains(warning.expected),
        "{text:?} should say what is expected"
    );
    warning
}

// ---------------------------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------------------------

#[test]
fn defaults_match_the_contract() {
    let c = Config::default();
    assert_eq!(c.article, Source::JsonLd);
    assert_eq!(c.related, None);
    assert_eq!(c.related_limit, 5);
    assert_eq!(c.reply_endpoint, None);
    assert_eq!(c.reply_format, ReplyFormat::Json);
    assert_eq!(c.post_id, None);
    assert!(c.require_name_email);
    assert!(c.replies_open);
    assert_eq!(c.replies_src, None);
    assert_eq!(c.lang, None);
    assert!(c.texts.is_empty());
    assert_eq!(c.theme, Theme::Auto);
    assert!(!c.shadow);
    assert_eq!(c.loading, None);
    assert_eq!(c.loading_for(false), Loading::Eager);
    assert_eq!(c.loading_for(true), Loading::Idle);
    assert_eq!(c.reply_action, None);
    assert_eq!(c.reply_nonce, None);
    assert_eq!(c.reply_as, None);
    assert_eq!(DEFAULT_RELATED_LIMIT, 5);
    assert_eq!(MAX_RELATED_LIMIT, 20);
}

#[test]
fn no_attributes_gives_defaults_without_warnings() {
    let (config, warnings) = parse(&[]);
    assert_eq!(config, Config::default());
    assert!(warnings.is_empty());
}

#[test]
fn only_data_byline_gives_defaults_without_warnings() {
    let (config, warnings) = parse(&[("data-byline", "")]);
    assert_eq!(config, Config::default());
    assert!(warnings.is_empty());
}

// ---------------------------------------------------------------------------------------------
// data-article
// ---------------------------------------------------------------------------------------------

#[test]
fn article_jsonld_any_case_or_empty() {
    for v in ["jsonld", "JSONLD", "JsonLd", "  jsonld  ", ""] {
        assert_eq!(valid("data-article", v).article, Source::JsonLd, "{v:?}");
    }
}

#[test]
fn article_element_id() {
    assert_eq!(
        valid("data-article", "#article-data").article,
        Source::ElementId("article-data".into())
    );
    assert_eq!(
        valid("data-article", " #x ").article,
        Source::ElementId("x".into())
    );
}

#[test]
fn article_url() {
    for url in [
        "https://example.com/articles/1.jsonld",
        "http://example.com/a.json",
        "/articles/1.json",
        "articles/1.json",
        "//cdn.example/a.json",
    ] {
        assert_eq!(
            valid("data-article", url).article,
            Source::Url(url.into()),
            "{url}"
        );
    }
}

#[test]
fn article_invalid_values_fall_back_to_jsonld() {
    for v in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:application/json,{}",
        "#",
        "#a b",
        "vbscript:x",
    ] {
        invalid("data-article", v, "\"jsonld\"");
    }
}

#[test]
fn article_javascript_warning_text() {
    let w = invalid("data-article", "javascript:alert(1)", "\"jsonld\"");
    assert_eq!(
        w.to_string(),
        format!(
            "Byline: data-article=\"javascript:alert(1)\" is not valid (expected {}); using \"jsonld\" instead.",
            w.expected
        )
    );
}

// ---------------------------------------------------------------------------------------------
// data-related
// ---------------------------------------------------------------------------------------------

#[test]
fn related_url_or_id() {
    assert_eq!(
        valid("data-related", "/feeds/world.json").related,
        Some(Source::Url("/feeds/world.json".into()))
    );
    assert_eq!(
        valid("data-related", "https://example.com/feed.xml").related,
        Some(Source::Url("https://example.com/feed.xml".into()))
    );
    assert_eq!(
        valid("data-related", "#related").related,
        Some(Source::ElementId("related".into()))
    );
}

#[test]
fn related_empty_means_none_without_warning() {
    assert_eq!(valid("data-related", "").related, None);
    assert_eq!(valid("data-related", "   ").related, None);
}

#[test]
fn related_invalid_values_mean_no_related_section() {
    for v in ["javascript:alert(1)", "data:text/xml,<rss/>", "#", "#a b"] {
        invalid("data-related", v, "no related stories");
    }
}

// ---------------------------------------------------------------------------------------------
// data-related-limit
// ---------------------------------------------------------------------------------------------

#[test]
fn related_limit_valid_range() {
    assert_eq!(valid("data-related-limit", "0").related_limit, 0);
    assert_eq!(valid("data-related-limit", "1").related_limit, 1);
    assert_eq!(valid("data-related-limit", "20").related_limit, 20);
    assert_eq!(valid("data-related-limit", " 7 ").related_limit, 7);
    for n in 0..=20u8 {
        assert_eq!(valid("data-related-limit", &n.to_string()).related_limit, n);
    }
}

#[test]
fn related_limit_invalid_values_fall_back_to_5() {
    for v in ["21", "-1", "abc", "", "5.5", "1e1", "256", "99999999999"] {
        let w = invalid("data-related-limit", v, "5");
        assert!(w.to_string().contains("using 5 instead"), "{w}");
    }
}

// ---------------------------------------------------------------------------------------------
// data-reply-endpoint
// ---------------------------------------------------------------------------------------------

#[test]
fn reply_endpoint_url() {
    assert_eq!(
        valid("data-reply-endpoint", "/wp-json/wp/v2/comments")
            .reply_endpoint
            .as_deref(),
        Some("/wp-json/wp/v2/comments")
    );
    assert_eq!(
        valid(
            "data-reply-endpoint",
            " https://example.com/wp-comments-post.php "
        )
        .reply_endpoint
        .as_deref(),
        Some("https://example.com/wp-comments-post.php")
    );
}

#[test]
fn reply_endpoint_empty_is_demo_mode_without_warning() {
    assert_eq!(valid("data-reply-endpoint", "").reply_endpoint, None);
}

#[test]
fn reply_endpoint_unsafe_falls_back_to_demo_mode() {
    for v in ["javascript:alert(1)", "data:,x", "mailto:x@example.com"] {
        invalid(
            "data-reply-endpoint",
            v,
            "the article's discussionUrl, else demo mode",
        );
    }
}

// ---------------------------------------------------------------------------------------------
// data-reply-format
// ---------------------------------------------------------------------------------------------

#[test]
fn reply_format_json_or_form_any_case() {
    for v in ["json", "JSON", " Json "] {
        assert_eq!(
            valid("data-reply-format", v).reply_format,
            ReplyFormat::Json,
            "{v:?}"
        );
    }
    for v in ["form", "FORM", " Form "] {
        assert_eq!(
            valid("data-reply-format", v).reply_format,
            ReplyFormat::Form,
            "{v:?}"
        );
    }
}

#[test]
fn reply_format_invalid_falls_back_to_json() {
    for v in ["xml", "", "urlencoded", "json form"] {
        invalid("data-reply-format", v, "\"json\"");
    }
}

// ---------------------------------------------------------------------------------------------
// data-post-id
// ---------------------------------------------------------------------------------------------

#[test]
fn post_id_kept_trimmed() {
    assert_eq!(
        valid("data-post-id", "4711").post_id.as_deref(),
        Some("4711")
    );
    assert_eq!(
        valid("data-post-id", " 4711 ").post_id.as_deref(),
        Some("4711")
    );
    assert_eq!(
        valid("data-post-id", "https://example.com/news/1")
            .post_id
            .as_deref(),
        Some("https://example.com/news/1")
    );
}

#[test]
fn post_id_blank_falls_back_to_the_article() {
    for v in ["", "   "] {
        invalid("data-post-id", v, "the article's identifier or url");
    }
}

// ---------------------------------------------------------------------------------------------
// data-require-name-email
// ---------------------------------------------------------------------------------------------

#[test]
fn require_name_email_true_false_any_case() {
    for v in ["true", "TRUE", " True ", ""] {
        assert!(
            valid("data-require-name-email", v).require_name_email,
            "{v:?}"
        );
    }
    for v in ["false", "FALSE", " False "] {
        assert!(
            !valid("data-require-name-email", v).require_name_email,
            "{v:?}"
        );
    }
}

#[test]
fn require_name_email_invalid_falls_back_to_true() {
    for v in ["yes", "no", "0", "1", "off"] {
        invalid("data-require-name-email", v, "\"true\"");
    }
}

// ---------------------------------------------------------------------------------------------
// data-replies
// ---------------------------------------------------------------------------------------------

#[test]
fn replies_open_or_closed_any_case() {
    for v in ["open", "OPEN", " Open "] {
        assert!(valid("data-replies", v).replies_open, "{v:?}");
    }
    for v in ["closed", "CLOSED", " Closed "] {
        assert!(!valid("data-replies", v).replies_open, "{v:?}");
    }
}

#[test]
fn replies_invalid_falls_back_to_open() {
    for v in ["close", "false", "", "shut"] {
        invalid("data-replies", v, "\"open\"");
    }
}

// ---------------------------------------------------------------------------------------------
// data-replies-src
// ---------------------------------------------------------------------------------------------

#[test]
fn replies_src_url() {
    let url = "/wp-json/wp/v2/comments?post=4711&per_page=50&order=asc";
    assert_eq!(
        valid("data-replies-src", url).replies_src.as_deref(),
        Some(url)
    );
    assert_eq!(
        valid(
            "data-replies-src",
            "https://example.com/wp-json/wp/v2/comments"
        )
        .replies_src
        .as_deref(),
        Some("https://example.com/wp-json/wp/v2/comments")
    );
}

#[test]
fn replies_src_invalid_falls_back_to_default_source() {
    for v in ["javascript:alert(1)", "data:application/json,[]", ""] {
        invalid("data-replies-src", v, "the default thread source");
    }
}

// ---------------------------------------------------------------------------------------------
// data-lang
// ---------------------------------------------------------------------------------------------

#[test]
fn lang_valid_tags_are_kept() {
    for tag in [
        "en",
        "de",
        "pt-BR",
        "zh-Hant-TW",
        "es-419",
        "sr-Latn-RS",
        "EN-gb",
        "fil",
    ] {
        assert_eq!(valid("data-lang", tag).lang.as_deref(), Some(tag), "{tag}");
    }
    assert_eq!(valid("data-lang", " fr-CA ").lang.as_deref(), Some("fr-CA"));
}

#[test]
fn lang_underscore_separators_are_normalised_to_hyphens() {
    // Accepted as a tag, so it must reach the browser's Intl in a form Intl accepts.
    assert_eq!(valid("data-lang", "pt_BR").lang.as_deref(), Some("pt-BR"));
    assert_eq!(
        valid("data-lang", "zh_Hant_TW").lang.as_deref(),
        Some("zh-Hant-TW")
    );
}

#[test]
fn lang_invalid_falls_back_to_the_page_language() {
    for v in [
        "",
        "e",
        "english language",
        "en-",
        "123",
        "en--GB",
        "toolongtag",
        "ελ",
    ] {
        invalid("data-lang", v, "the page's language");
    }
}

#[test]
fn valid_language_tag_accepts_structurally_valid_tags() {
    for tag in [
        "en",
        "EN",
        "en-GB",
        "en-gb",
        "pt-BR",
        "zh-Hant-TW",
        "de-DE-1996",
        "es-419",
        "sr-Latn-RS",
        "en-US-u-ca-buddhist",
        "x-private",
        "i-klingon",
        "abcdefgh",
        "en_GB",
    ] {
        assert!(valid_language_tag(tag), "{tag} should be valid");
    }
}

#[test]
fn valid_language_tag_rejects_malformed_tags() {
    for tag in [
        "",
        "e",
        "1",
        "12",
        "e1",
        "abcdefghi",
        "-en",
        "en-",
        "en--GB",
        "en-GB-abcdefghi",
        "en GB",
        "en.GB",
        " en",
        "ελ",
        "en-ÜS",
        "a-b",
    ] {
        assert!(!valid_language_tag(tag), "{tag:?} should be invalid");
    }
}

// ---------------------------------------------------------------------------------------------
// data-theme, data-isolate, data-loading
// ---------------------------------------------------------------------------------------------

#[test]
fn theme_values_any_case() {
    for (v, theme) in [
        ("auto", Theme::Auto),
        ("AUTO", Theme::Auto),
        ("light", Theme::Light),
        (" Light ", Theme::Light),
        ("dark", Theme::Dark),
        ("DARK", Theme::Dark),
    ] {
        assert_eq!(valid("data-theme", v).theme, theme, "{v:?}");
    }
}

#[test]
fn theme_invalid_falls_back_to_auto() {
    for v in ["blue", "", "system", "light dark"] {
        invalid("data-theme", v, "\"auto\"");
    }
}

#[test]
fn theme_as_str() {
    assert_eq!(Theme::Auto.as_str(), "auto");
    assert_eq!(Theme::Light.as_str(), "light");
    assert_eq!(Theme::Dark.as_str(), "dark");
}

#[test]
fn isolate_none_or_shadow_any_case() {
    for v in ["none", "NONE", " None "] {
        assert!(!valid("data-isolate", v).shadow, "{v:?}");
    }
    for v in ["shadow", "SHADOW", " Shadow "] {
        assert!(valid("data-isolate", v).shadow, "{v:?}");
    }
}

#[test]
fn isolate_invalid_falls_back_to_none() {
    for v in ["iframe", "", "true", "shadow-dom"] {
        invalid("data-isolate", v, "\"none\"");
    }
}

#[test]
fn loading_eager_lazy_or_idle_any_case() {
    for (values, expected) in [
        (["eager", "EAGER", " Eager "], Loading::Eager),
        (["lazy", "LAZY", " Lazy "], Loading::Lazy),
        (["idle", "IDLE", " Idle "], Loading::Idle),
    ] {
        for v in values {
            let c = valid("data-loading", v);
            assert_eq!(c.loading, Some(expected), "{v:?}");
            // Written out, it wins over the pre-rendered default.
            assert_eq!(c.loading_for(true), expected, "{v:?}");
            assert_eq!(c.loading_for(false), expected, "{v:?}");
        }
    }
}

#[test]
fn loading_invalid_falls_back_to_the_default() {
    for v in ["auto", "", "later"] {
        let w = invalid(
            "data-loading",
            v,
            "the default (\"eager\", or \"idle\" when pre-rendered)",
        );
        assert_eq!(w.expected, "\"eager\", \"lazy\" or \"idle\"");
    }
}

#[test]
fn reply_action_is_a_safe_url_and_the_form_action_falls_back_to_the_form_endpoint() {
    let c = valid("data-reply-action", " /wp-comments-post.php ");
    assert_eq!(c.reply_action.as_deref(), Some("/wp-comments-post.php"));
    assert_eq!(c.form_action(), Some("/wp-comments-post.php"));
    invalid("data-reply-action", "javascript:alert(1)", "no plain form");
    // Absent: json mode has no plain form; form mode posts to its endpoint.
    let (json, _) = parse(&[("data-reply-endpoint", "/wp-json/wp/v2/comments")]);
    assert_eq!(json.form_action(), None);
    let (form, _) = parse(&[
        ("data-reply-endpoint", "/wp-comments-post.php"),
        ("data-reply-format", "form"),
    ]);
    assert_eq!(form.form_action(), Some("/wp-comments-post.php"));
    let (both, _) = parse(&[
        ("data-reply-endpoint", "/wp-comments-post.php"),
        ("data-reply-format", "form"),
        ("data-reply-action", "/elsewhere.php"),
    ]);
    assert_eq!(both.form_action(), Some("/elsewhere.php"));
}

#[test]
fn signed_in_reader_nonce_and_name() {
    let (c, warnings) = parse(&[
        ("data-reply-nonce", " abc123 "),
        ("data-reply-as", "Ada L."),
    ]);
    assert!(warnings.is_empty());
    assert_eq!(c.reply_nonce.as_deref(), Some("abc123"));
    assert_eq!(c.reply_as.as_deref(), Some("Ada L."));
    let (blank, _) = parse(&[("data-reply-nonce", " "), ("data-reply-as", "")]);
    assert_eq!((blank.reply_nonce, blank.reply_as), (None, None));
}

#[test]
fn nonce_source_is_a_safe_url() {
    let (c, warnings) = parse(&[(
        "data-reply-nonce-src",
        " /wp-admin/admin-ajax.php?action=rest-nonce ",
    )]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        c.reply_nonce_src.as_deref(),
        Some("/wp-admin/admin-ajax.php?action=rest-nonce")
    );
    let (bad, warnings) = parse(&[("data-reply-nonce-src", "javascript:alert(1)")]);
    assert_eq!(bad.reply_nonce_src, None);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].attribute, "data-reply-nonce-src");
    let (blank, warnings) = parse(&[("data-reply-nonce-src", " ")]);
    assert_eq!((blank.reply_nonce_src, warnings.len()), (None, 0));
}

// ---------------------------------------------------------------------------------------------
// data-text-<key>
// ---------------------------------------------------------------------------------------------

#[test]
fn text_submit_override() {
    let c = valid("data-text-submit", "Send");
    assert_eq!(c.texts, vec![(TextKey::Submit, "Send".to_owned())]);
}

#[test]
fn text_overrides_keep_their_value_and_order() {
    let (c, warnings) = parse(&[
        ("data-text-submit", "Send"),
        (
            "data-text-reply-count",
            "one:{n} comment|other:{n} comments",
        ),
        ("data-text-loading", "  Loading…  "),
    ]);
    assert!(warnings.is_empty());
    assert_eq!(
        c.texts,
        vec![
            (TextKey::Submit, "Send".to_owned()),
            (
                TextKey::ReplyCount,
                "one:{n} comment|other:{n} comments".to_owned()
            ),
            (TextKey::Loading, "  Loading…  ".to_owned()),
        ]
    );
}

#[test]
fn text_every_key_can_be_overridden() {
    for key in TextKey::ALL {
        let name = format!("data-text-{}", key.attribute());
        let c = valid(&name, "X");
        assert_eq!(c.texts, vec![(*key, "X".to_owned())], "{name}");
    }
}

#[test]
fn text_unknown_key_warns_and_is_ignored() {
    let w = invalid("data-text-foo", "Bar", "nothing (ignored)");
    assert_eq!(w.attribute, "data-text-foo");
    invalid("data-text-", "Bar", "nothing (ignored)");
    invalid("data-text-Submitt", "Send", "nothing (ignored)");
}

// ---------------------------------------------------------------------------------------------
// Attribute names, unknown attributes, several attributes
// ---------------------------------------------------------------------------------------------

#[test]
fn attribute_names_are_case_insensitive() {
    let (c, warnings) = parse(&[
        ("DATA-THEME", "dark"),
        ("Data-Related-Limit", "3"),
        ("DATA-TEXT-SUBMIT", "Send"),
    ]);
    assert!(warnings.is_empty());
    assert_eq!(c.theme, Theme::Dark);
    assert_eq!(c.related_limit, 3);
    assert_eq!(c.texts, vec![(TextKey::Submit, "Send".to_owned())]);
}

#[test]
fn unknown_attributes_are_ignored() {
    let (c, warnings) = parse(&[
        ("class", "story"),
        ("id", "main"),
        ("style", "color: red"),
        ("aria-label", "Article"),
        ("data-byline", ""),
        ("data-foo", "bar"),
        ("data-textsubmit", "Send"),
        ("data-articles", "javascript:alert(1)"),
        ("data-theme-extra", "x"),
    ]);
    assert_eq!(c, Config::default());
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_full_embedding_parses_without_warnings() {
    let (c, warnings) = parse(&[
        ("data-byline", ""),
        ("data-article", "jsonld"),
        ("data-related", "/feeds/world.json"),
        ("data-related-limit", "8"),
        ("data-reply-endpoint", "/wp-json/wp/v2/comments"),
        ("data-reply-format", "form"),
        ("data-post-id", "4711"),
        ("data-require-name-email", "false"),
        ("data-replies", "closed"),
        ("data-replies-src", "/wp-json/wp/v2/comments?post=4711"),
        ("data-lang", "de-AT"),
        ("data-text-submit", "Senden"),
        ("data-theme", "dark"),
        ("data-isolate", "shadow"),
        ("data-loading", "lazy"),
        ("data-article-body", "#story-body"),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        c,
        Config {
            article: Source::JsonLd,
            related: Some(Source::Url("/feeds/world.json".into())),
            related_limit: 8,
            reply_endpoint: Some("/wp-json/wp/v2/comments".into()),
            reply_format: ReplyFormat::Form,
            reply_action: None,
            reply_nonce: None,
            reply_nonce_src: None,
            reply_as: None,
            post_id: Some("4711".into()),
            require_name_email: false,
            replies_open: false,
            replies_src: Some("/wp-json/wp/v2/comments?post=4711".into()),
            lang: Some("de-AT".into()),
            texts: vec![(TextKey::Submit, "Senden".into())],
            theme: Theme::Dark,
            shadow: true,
            loading: Some(Loading::Lazy),
            article_body: BodySource::ElementId("story-body".into()),
        }
    );
}

#[test]
fn data_article_body_names_an_element_or_the_text() {
    let body = |value: &str| {
        let (c, warnings) = parse(&[("data-article-body", value)]);
        (c.article_body, warnings.len())
    };
    assert_eq!(
        body("#main-text"),
        (BodySource::ElementId("main-text".into()), 0)
    );
    assert_eq!(body(" TEXT "), (BodySource::Text, 0));
    assert_eq!(body(""), (BodySource::Default, 0));
    for invalid in ["#", "#two words", "main-text", "jsonld"] {
        assert_eq!(body(invalid), (BodySource::Default, 1), "{invalid}");
    }
    let (_, warnings) = parse(&[("data-article-body", "main-text")]);
    assert!(warnings[0]
        .to_string()
        .contains("data-article-body=\"main-text\""));
}

#[test]
fn each_invalid_attribute_warns_once_and_valid_ones_still_apply() {
    let (c, warnings) = parse(&[
        ("data-theme", "blue"),
        ("data-related-limit", "21"),
        ("data-loading", "lazy"),
        ("data-text-foo", "x"),
        ("data-reply-format", "form"),
    ]);
    let attrs: Vec<&str> = warnings.iter().map(|w| w.attribute.as_str()).collect();
    assert_eq!(
        attrs,
        vec!["data-theme", "data-related-limit", "data-text-foo"]
    );
    assert_eq!(c.theme, Theme::Auto);
    assert_eq!(c.related_limit, 5);
    assert_eq!(c.loading, Some(Loading::Lazy));
    assert_eq!(c.reply_format, ReplyFormat::Form);
}

#[test]
fn blank_text_override_warns_and_keeps_the_built_in_text() {
    // A template with a missing string writes data-text-submit="": the button would be
    // left without a name.
    for value in ["", "   ", "\n\t"] {
        let w = invalid("data-text-submit", value, "the built-in text");
        assert_eq!(w.expected, "a text that is not blank");
    }
    invalid("data-text-comment", "", "the built-in text");
}
