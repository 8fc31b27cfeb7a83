#![cfg(not(target_arch = "wasm32"))]
//! Native tests for `byline::core::i18n`: the key list, English and every translation file in
//! `locales/` against it, which file a language needs, reading translation files, publisher
//! overrides, plural variants and placeholder filling.

use byline::core::config::valid_language_tag;
use byline::core::i18n::{
    english as english_text, fill, parse_translation, pick_plural, translation_for, TextKey, Texts,
    Translation, TranslationError, KEY_COUNT, TRANSLATIONS,
};
use std::collections::{BTreeSet, HashSet};
use std::rc::Rc;

const PLURAL_CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// One language as the widget shows it: English, or a translation file from `locales/` (a
/// key the file lacks reads "", which the completeness test reports).
struct Locale {
    tag: String,
    rtl: bool,
    translation: Option<Rc<Translation>>,
    texts: Vec<String>,
}

fn english() -> Locale {
    Locale {
        tag: "en".to_owned(),
        rtl: false,
        translation: None,
        texts: TextKey::ALL
            .iter()
            .map(|k| english_text(*k).to_owned())
            .collect(),
    }
}

/// The translation file for `tag`, read and parsed as the widget does.
fn translation(tag: &str) -> Translation {
    let path = format!("{}/locales/{tag}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_translation(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// English first, then every language in `TRANSLATIONS`, from its file.
fn locales() -> Vec<Locale> {
    let mut all = vec![english()];
    for tag in TRANSLATIONS {
        let file = translation(tag);
        let texts = TextKey::ALL
            .iter()
            .map(|k| file.get(*k).unwrap_or("").to_owned())
            .collect();
        all.push(Locale {
            tag: (*tag).to_owned(),
            rtl: Texts::new(tag, None, Vec::new()).rtl,
            translation: Some(Rc::new(file)),
            texts,
        });
    }
    all
}

fn text(locale: &Locale, key: TextKey) -> &str {
    &locale.texts[key as usize]
}

/// The `{name}` placeholders of a string.
fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            let name = &rest[..close];
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                out.insert(name.to_owned());
            }
        }
    }
    out
}

/// The plural variants `(category, text)` of a pattern; empty when it is not a plural pattern.
fn variants(s: &str) -> Vec<(&str, &str)> {
    s.split('|')
        .filter_map(|v| v.split_once(':'))
        .filter(|(c, _)| PLURAL_CATEGORIES.contains(c))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

#[test]
fn key_count_matches_the_key_list() {
    assert_eq!(KEY_COUNT, TextKey::ALL.len());
    assert_ne!(TextKey::ALL.len(), 0);
}

#[test]
fn keys_are_listed_in_table_order() {
    for (i, key) in TextKey::ALL.iter().enumerate() {
        assert_eq!(*key as usize, i, "{key:?} is out of table order");
    }
}

#[test]
fn keys_are_unique() {
    let set: HashSet<TextKey> = TextKey::ALL.iter().copied().collect();
    assert_eq!(set.len(), TextKey::ALL.len());
}

#[test]
fn attribute_names_are_unique() {
    let mut seen = HashSet::new();
    for key in TextKey::ALL {
        assert!(
            seen.insert(key.attribute()),
            "duplicate attribute {}",
            key.attribute()
        );
    }
}

#[test]
fn attribute_names_are_kebab_case() {
    for key in TextKey::ALL {
        let a = key.attribute();
        assert!(!a.is_empty(), "{key:?}");
        assert!(
            a.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{a} has characters other than a-z, 0-9 and -"
        );
        assert!(
            a.starts_with(|c: char| c.is_ascii_lowercase()),
            "{a} must start with a letter"
        );
        assert!(!a.ends_with('-'), "{a} ends with -");
        assert!(!a.contains("--"), "{a} has an empty word");
    }
}

#[test]
fn attribute_names_match_the_variant_names() {
    // "ReplyCount" <-> "reply-count": the documented attribute is derivable from the key.
    for key in TextKey::ALL {
        let variant = format!("{key:?}");
        let mut kebab = String::new();
        for (i, c) in variant.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    kebab.push('-');
                }
                kebab.push(c.to_ascii_lowercase());
            } else {
                kebab.push(c);
            }
        }
        assert_eq!(key.attribute(), kebab);
    }
}

#[test]
fn from_attribute_round_trips() {
    for key in TextKey::ALL {
        assert_eq!(
            TextKey::from_attribute(key.attribute()),
            Some(*key),
            "{key:?}"
        );
    }
}

#[test]
fn from_attribute_rejects_unknown_names() {
    for name in [
        "",
        "foo",
        "Submit",
        "SUBMIT",
        "submit ",
        " submit",
        "data-text-submit",
        "reply_count",
    ] {
        assert_eq!(TextKey::from_attribute(name), None, "{name:?}");
    }
}

#[test]
fn contract_examples_exist() {
    assert_eq!(TextKey::from_attribute("submit"), Some(TextKey::Submit));
    assert_eq!(TextKey::Submit.attribute(), "submit");
}

// ---------------------------------------------------------------------------------------------
// Locales
// ---------------------------------------------------------------------------------------------

#[test]
fn english_is_the_first_locale() {
    assert_eq!(english().tag, "en");
    assert!(!english().rtl);
}

#[test]
fn locale_tags_are_unique_valid_language_tags() {
    let mut seen = HashSet::new();
    for locale in &locales() {
        assert!(valid_language_tag(&locale.tag), "{}", locale.tag);
        assert!(!locale.tag.contains('_'), "{} must use hyphens", locale.tag);
        assert!(
            seen.insert(locale.tag.to_ascii_lowercase()),
            "duplicate locale {}",
            locale.tag
        );
    }
}

#[test]
fn every_locale_has_a_non_empty_string_for_every_key() {
    for locale in &locales() {
        assert_eq!(locale.texts.len(), TextKey::ALL.len());
        for key in TextKey::ALL {
            let s = text(locale, *key);
            assert!(!s.trim().is_empty(), "{}: {:?} is empty", locale.tag, key);
            assert_eq!(
                s,
                s.trim(),
                "{}: {:?} has surrounding whitespace",
                locale.tag,
                key
            );
        }
    }
}

#[test]
fn every_locale_uses_the_same_placeholders_as_english() {
    for locale in &locales() {
        for key in TextKey::ALL {
            assert_eq!(
                placeholders(text(locale, *key)),
                placeholders(english_text(*key)),
                "{}: {:?} placeholders differ from English",
                locale.tag,
                key
            );
        }
    }
}

#[test]
fn every_plural_variant_uses_the_placeholders_of_englishs_other_variant() {
    for locale in &locales() {
        for key in TextKey::ALL {
            let en_vars = variants(english_text(*key));
            let Some((_, en_other)) = en_vars.iter().find(|(c, _)| *c == "other") else {
                continue;
            };
            let en_placeholders = placeholders(en_other);
            for (category, variant) in variants(text(locale, *key)) {
                // "zero:No replies" may drop {n}; no variant may add a placeholder.
                let extra: Vec<_> = placeholders(variant)
                    .difference(&en_placeholders)
                    .cloned()
                    .collect();
                assert!(
                    extra.is_empty(),
                    "{}: {:?} {category} adds {extra:?}",
                    locale.tag,
                    key
                );
            }
        }
    }
}

#[test]
fn plural_patterns_have_other_when_english_does() {
    for locale in &locales() {
        for key in TextKey::ALL {
            let en_has_other = variants(english_text(*key))
                .iter()
                .any(|(c, _)| *c == "other");
            if !en_has_other {
                continue;
            }
            let vars = variants(text(locale, *key));
            assert!(
                vars.iter().any(|(c, _)| *c == "other"),
                "{}: {:?} is plural in English but has no `other` variant",
                locale.tag,
                key
            );
            let mut seen = HashSet::new();
            for (c, v) in &vars {
                assert!(seen.insert(*c), "{}: {:?} repeats {c}", locale.tag, key);
                assert!(
                    !v.trim().is_empty(),
                    "{}: {:?} {c} is empty",
                    locale.tag,
                    key
                );
            }
        }
    }
}

#[test]
fn non_plural_strings_are_not_accidentally_plural_patterns() {
    for locale in &locales() {
        for key in TextKey::ALL {
            let en_plural = !variants(english_text(*key)).is_empty();
            let plural = !variants(text(locale, *key)).is_empty();
            assert_eq!(plural, en_plural, "{}: {:?}", locale.tag, key);
        }
    }
}

#[test]
fn english_plural_keys() {
    let plural: Vec<TextKey> = TextKey::ALL
        .iter()
        .copied()
        .filter(|k| !variants(english_text(*k)).is_empty())
        .collect();
    assert_eq!(
        plural,
        vec![
            TextKey::ReadingTime,
            TextKey::ShowMore,
            TextKey::RelatedCount,
            TextKey::RateLimited,
            TextKey::ReplyCount
        ]
    );
}

#[test]
fn english_contract_strings() {
    let en = Texts::new("en", None, vec![]);
    assert_eq!(en.get(TextKey::ReplyHeading), "Leave a Reply");
    assert_eq!(
        en.get(TextKey::ReplyNotes),
        "Your email address will not be published."
    );
    assert_eq!(
        en.get(TextKey::RequiredNote),
        "Required fields are marked *"
    );
    assert_eq!(
        en.get(TextKey::SaveDetails),
        "Save my name, email, and website in this browser for the next time I comment."
    );
    assert_eq!(en.get(TextKey::RepliesClosed), "Replies are closed.");
    assert_eq!(en.get(TextKey::ShowMoreReplies), "Show more replies");
    assert_eq!(
        en.get(TextKey::Crashed),
        "This content could not be displayed."
    );
    assert_eq!(en.get(TextKey::Comment), "Comment");
    assert_eq!(en.get(TextKey::Name), "Name");
    assert_eq!(en.get(TextKey::Email), "Email");
    assert_eq!(en.get(TextKey::Website), "Website");
}

// ---------------------------------------------------------------------------------------------
// translation_for: which file a language needs
// ---------------------------------------------------------------------------------------------

#[test]
fn translation_for_every_translated_language_names_its_file() {
    for tag in TRANSLATIONS {
        assert_eq!(translation_for(tag), Some(*tag));
        assert_eq!(translation_for(&tag.to_ascii_uppercase()), Some(*tag));
        assert_eq!(translation_for(&format!("{tag}-ZZ")), Some(*tag));
        assert_eq!(translation_for(&format!("  {tag}_ZZ ")), Some(*tag));
    }
    assert_eq!(translation_for("pt-BR"), Some("pt"));
    assert_eq!(translation_for("zh-Hant-TW"), Some("zh"));
}

#[test]
fn translation_for_english_and_unknown_languages_is_none() {
    for tag in [
        "en",
        "en-GB",
        "EN",
        "en_GB",
        "en-US-u-ca-buddhist",
        "zz",
        "zz-ZZ",
        "",
        "   ",
        "x-private",
        "not a tag",
        "dee",
        "d",
    ] {
        assert_eq!(translation_for(tag), None, "{tag:?}");
    }
}

#[test]
fn every_translation_has_a_file_and_every_file_is_listed() {
    let dir = format!("{}/locales", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("locales/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let listed: Vec<String> = TRANSLATIONS.iter().map(|t| format!("{t}.json")).collect();
    assert_eq!(files, listed);
}

#[test]
fn every_translation_file_names_its_language() {
    for tag in TRANSLATIONS {
        let path = format!("{}/locales/{tag}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("file");
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(
            value.get("lang").and_then(|v| v.as_str()),
            Some(*tag),
            "{path}"
        );
    }
}

#[test]
fn start_js_preloads_exactly_the_translated_languages() {
    // src/js/start.js fetches the page language's file early; its list must be this one.
    let start = include_str!("../src/js/start.js");
    let list = start
        .split_once("const translations = [")
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(list, _)| list)
        .expect("start.js declares `const translations = [...]`");
    let tags: Vec<&str> = list
        .split(',')
        .map(|t| t.trim().trim_matches('"'))
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(tags, TRANSLATIONS);
}

// ---------------------------------------------------------------------------------------------
// parse_translation: reading a file
// ---------------------------------------------------------------------------------------------

#[test]
fn parse_translation_reads_known_keys() {
    let t = parse_translation(r#"{"lang":"xx","texts":{"submit":"Senden","retry":"Nochmal"}}"#)
        .expect("valid");
    assert_eq!(t.get(TextKey::Submit), Some("Senden"));
    assert_eq!(t.get(TextKey::Retry), Some("Nochmal"));
    assert_eq!(t.get(TextKey::Loading), None);
}

#[test]
fn parse_translation_skips_unknown_keys_blank_and_non_string_values() {
    let t = parse_translation(
        r#"{"texts":{"no-such-key":"x","submit":"  ","retry":7,"loading":null,"name":"Nom"}}"#,
    )
    .expect("valid");
    assert_eq!(t.get(TextKey::Submit), None);
    assert_eq!(t.get(TextKey::Retry), None);
    assert_eq!(t.get(TextKey::Loading), None);
    assert_eq!(t.get(TextKey::Name), Some("Nom"));
}

#[test]
fn parse_translation_a_repeated_key_counts_its_last_value() {
    let t = parse_translation(r#"{"texts":{"submit":"A","submit":"B"}}"#).expect("valid");
    assert_eq!(t.get(TextKey::Submit), Some("B"));
}

#[test]
fn parse_translation_rejects_what_is_not_a_translation() {
    for bad in [
        "",
        "<html>404</html>",
        "{\"texts\":",
        "[]",
        "{}",
        r#"{"texts":[]}"#,
        r#"{"texts":"x"}"#,
        "null",
    ] {
        let error = parse_translation(bad).expect_err(bad);
        assert!(!error.to_string().is_empty());
        match error {
            TranslationError::NotJson(_) => {
                assert!(bad.is_empty() || bad.starts_with('<') || bad.ends_with(':'))
            }
            TranslationError::NoTexts => {}
        }
    }
}

/// A German file with only "submit" in it, and the publisher's own "retry".
fn german_with_retry_override(lang: &str) -> Texts {
    let partial = parse_translation(r#"{"texts":{"submit":"Senden"}}"#).expect("valid");
    Texts::new(
        lang,
        Some(Rc::new(partial)),
        vec![(TextKey::Retry, "Nochmal".into())],
    )
}

#[test]
fn texts_use_the_translation_then_english() {
    let t = german_with_retry_override("de");
    assert_eq!(t.get(TextKey::Submit), "Senden");
    assert_eq!(
        t.get(TextKey::Retry),
        "Nochmal",
        "the publisher's override wins"
    );
    assert_eq!(
        t.get(TextKey::Loading),
        english_text(TextKey::Loading),
        "missing keys are English"
    );
    let without = Texts::new("de", None, Vec::new());
    assert_eq!(
        without.get(TextKey::Submit),
        english_text(TextKey::Submit),
        "a file that failed"
    );
}

#[test]
fn texts_are_right_to_left_for_rtl_languages_with_or_without_a_file() {
    assert!(Texts::new("ar", None, Vec::new()).rtl);
    assert!(Texts::new("he-IL", None, Vec::new()).rtl);
    assert!(Texts::new("fa", None, Vec::new()).rtl);
    assert!(!Texts::new("de", None, Vec::new()).rtl);
}

// ---------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------

#[test]
fn texts_keep_the_requested_language_tag() {
    let t = Texts::new("en-GB", None, vec![]);
    assert_eq!(t.lang, "en-GB");
    assert!(!t.rtl);
    assert_eq!(t.get(TextKey::Submit), "Post Comment");
}

#[test]
fn texts_unknown_language_uses_english_strings() {
    let t = Texts::new("zz", None, vec![]);
    assert_eq!(t.lang, "zz");
    for key in TextKey::ALL {
        assert_eq!(t.get(*key), english_text(*key));
    }
}

#[test]
fn texts_override_wins() {
    let t = Texts::new("en", None, vec![(TextKey::Submit, "Send".into())]);
    assert_eq!(t.get(TextKey::Submit), "Send");
    assert_eq!(t.get(TextKey::Retry), "Retry", "other keys are untouched");
}

#[test]
fn texts_last_override_of_a_key_wins() {
    let t = Texts::new(
        "en",
        None,
        vec![
            (TextKey::Submit, "First".into()),
            (TextKey::Submit, "Second".into()),
        ],
    );
    assert_eq!(t.get(TextKey::Submit), "Second");
}

#[test]
fn texts_override_wins_in_every_locale() {
    for locale in &locales() {
        let t = Texts::new(
            &locale.tag,
            locale.translation.clone(),
            vec![(TextKey::Retry, "Again".into())],
        );
        assert_eq!(t.get(TextKey::Retry), "Again", "{}", locale.tag);
    }
}

#[test]
fn texts_override_is_plain_text_used_verbatim() {
    let t = Texts::new(
        "en",
        None,
        vec![(TextKey::Submit, "<b>Send</b> &amp;".into())],
    );
    assert_eq!(t.get(TextKey::Submit), "<b>Send</b> &amp;");
}

#[test]
fn texts_format_fills_placeholders() {
    let t = Texts::new("en", None, vec![]);
    assert_eq!(
        t.format(TextKey::By, &[("names", "Ana Ruiz and Lee Park")]),
        "By Ana Ruiz and Lee Park"
    );
    assert_eq!(
        t.format(TextKey::ReplyingTo, &[("name", "Ana")]),
        "Replying to Ana"
    );
    assert_eq!(
        t.format(TextKey::TooLong, &[("field", "Name"), ("max", "245"), ("count", "250")]),
        "Name must be 245 bytes or fewer; it is 250 bytes now (accented letters and other scripts use 2 to 4 bytes per character)"
    );
}

#[test]
fn texts_format_uses_overrides() {
    let t = Texts::new(
        "en",
        None,
        vec![(TextKey::PublishedBy, "From {name}".into())],
    );
    assert_eq!(
        t.format(TextKey::PublishedBy, &[("name", "The Daily Test")]),
        "From The Daily Test"
    );
}

#[test]
fn texts_plural_picks_the_category_and_fills_n() {
    let t = Texts::new("en", None, vec![]);
    assert_eq!(
        t.plural(TextKey::ReplyCount, "zero", "0", &[]),
        "No replies"
    );
    assert_eq!(t.plural(TextKey::ReplyCount, "one", "1", &[]), "1 reply");
    assert_eq!(
        t.plural(TextKey::ReplyCount, "other", "1,234", &[]),
        "1,234 replies"
    );
    assert_eq!(
        t.plural(TextKey::ReadingTime, "one", "1", &[]),
        "1 minute read"
    );
    assert_eq!(
        t.plural(TextKey::ReadingTime, "other", "12", &[]),
        "12 minutes read"
    );
    assert_eq!(
        t.plural(TextKey::RateLimited, "other", "30", &[]),
        "Too many replies at once. Try again in 30 seconds."
    );
}

#[test]
fn texts_plural_missing_category_uses_other() {
    let t = Texts::new("en", None, vec![]);
    // English has no "few"/"many"; a browser may still report them for other languages.
    assert_eq!(
        t.plural(TextKey::RelatedCount, "few", "3", &[]),
        "3 stories"
    );
    assert_eq!(
        t.plural(TextKey::RelatedCount, "zero", "0", &[]),
        "0 stories"
    );
}

#[test]
fn texts_plural_with_a_non_plural_override_uses_it_whole() {
    let t = Texts::new(
        "en",
        None,
        vec![(TextKey::ReplyCount, "Replies: {n}".into())],
    );
    assert_eq!(t.plural(TextKey::ReplyCount, "one", "1", &[]), "Replies: 1");
    assert_eq!(
        t.plural(TextKey::ReplyCount, "other", "7", &[]),
        "Replies: 7"
    );
}

#[test]
fn texts_plural_with_a_plural_override() {
    let t = Texts::new(
        "en",
        None,
        vec![(
            TextKey::ReplyCount,
            "one:{n} comment|other:{n} comments".into(),
        )],
    );
    assert_eq!(t.plural(TextKey::ReplyCount, "one", "1", &[]), "1 comment");
    assert_eq!(
        t.plural(TextKey::ReplyCount, "zero", "0", &[]),
        "0 comments"
    );
}

#[test]
fn texts_plural_extra_args() {
    let t = Texts::new(
        "en",
        None,
        vec![(
            TextKey::ReplyCount,
            "one:{n} reply to {title}|other:{n} replies to {title}".into(),
        )],
    );
    assert_eq!(
        t.plural(TextKey::ReplyCount, "other", "3", &[("title", "Bridge")]),
        "3 replies to Bridge"
    );
}

// ---------------------------------------------------------------------------------------------
// pick_plural
// ---------------------------------------------------------------------------------------------

#[test]
fn pick_plural_picks_the_matching_category() {
    let p = "zero:none|one:single|two:pair|few:some|many:lots|other:any";
    for (cat, expected) in [
        ("zero", "none"),
        ("one", "single"),
        ("two", "pair"),
        ("few", "some"),
        ("many", "lots"),
        ("other", "any"),
    ] {
        assert_eq!(pick_plural(p, cat), expected);
    }
}

#[test]
fn pick_plural_falls_back_to_other() {
    assert_eq!(pick_plural("one:a|other:b", "few"), "b");
    assert_eq!(pick_plural("one:a|other:b", "zero"), "b");
    assert_eq!(pick_plural("one:a|other:b", "unknown"), "b");
    assert_eq!(
        pick_plural("other:b|one:a", "one"),
        "a",
        "order does not matter"
    );
}

#[test]
fn pick_plural_without_variants_returns_the_whole_string() {
    assert_eq!(pick_plural("Show more replies", "one"), "Show more replies");
    assert_eq!(pick_plural("Error: try again", "other"), "Error: try again");
    assert_eq!(pick_plural("Note: one|two", "one"), "Note: one|two");
    assert_eq!(pick_plural("", "one"), "");
}

#[test]
fn pick_plural_variant_text_may_contain_colons() {
    assert_eq!(
        pick_plural("one:Note: {n} item|other:Notes: {n} items", "one"),
        "Note: {n} item"
    );
    assert_eq!(
        pick_plural("one:Note: {n} item|other:Notes: {n} items", "other"),
        "Notes: {n} items"
    );
}

#[test]
fn pick_plural_empty_variant() {
    assert_eq!(pick_plural("zero:|other:{n} replies", "zero"), "");
}

// ---------------------------------------------------------------------------------------------
// fill
// ---------------------------------------------------------------------------------------------

#[test]
fn fill_replaces_each_placeholder() {
    assert_eq!(fill("By {names}", &[("names", "Ana")]), "By Ana");
    assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
    assert_eq!(fill("{b} and {a}", &[("a", "1"), ("b", "2")]), "2 and 1");
}

#[test]
fn fill_replaces_every_occurrence() {
    assert_eq!(fill("{n}, {n}, {n}", &[("n", "x")]), "x, x, x");
}

#[test]
fn fill_leaves_unknown_placeholders_and_braces() {
    assert_eq!(fill("Hello {name}", &[]), "Hello {name}");
    assert_eq!(fill("Hello {name}", &[("other", "x")]), "Hello {name}");
    assert_eq!(fill("{ } {} { {", &[("n", "x")]), "{ } {} { {");
    assert_eq!(fill("{{n}}", &[("n", "5")]), "{5}");
}

#[test]
fn fill_without_placeholders_is_unchanged() {
    assert_eq!(fill("Plain text", &[("n", "1")]), "Plain text");
    assert_eq!(fill("", &[("n", "1")]), "");
}

#[test]
fn fill_inserts_values_literally() {
    // Values come from readers and servers (names, titles): they are never expanded again.
    assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "x")]), "{b} x");
    assert_eq!(
        fill("Replying to {name}", &[("name", "{name}")]),
        "Replying to {name}"
    );
    assert_eq!(fill("{name}", &[("name", "<b>&amp;</b>")]), "<b>&amp;</b>");
}

#[test]
fn fill_handles_non_ascii() {
    assert_eq!(
        fill("«{name}» — {n} ответов", &[("name", "Анна"), ("n", "5")]),
        "«Анна» — 5 ответов"
    );
}

#[test]
fn counts_use_the_zero_variant_for_zero_in_every_language() {
    // English plural rules have no zero category ("other" for 0), yet 0 reads "No replies".
    let en = Texts::new("en", None, Vec::new());
    assert_eq!(en.count(TextKey::ReplyCount, 0, "other", "0"), "No replies");
    assert_eq!(en.count(TextKey::ReplyCount, 1, "one", "1"), "1 reply");
    assert_eq!(
        en.count(TextKey::ReplyCount, 1234, "other", "1,234"),
        "1,234 replies"
    );
    // Without a zero variant, 0 follows the language's category.
    assert_eq!(
        en.count(TextKey::RelatedCount, 0, "other", "0"),
        "0 stories"
    );
    let ko = Texts::new("ko", Some(Rc::new(translation("ko"))), Vec::new());
    assert_eq!(ko.count(TextKey::ReplyCount, 0, "other", "0"), "댓글 없음");
    assert_eq!(ko.count(TextKey::ReplyCount, 3, "other", "3"), "댓글 3개");
    // A publisher's override without a zero variant: "0 comments", not the built-in text.
    let custom = Texts::new(
        "en",
        None,
        vec![(
            TextKey::ReplyCount,
            "one:{n} comment|other:{n} comments".to_owned(),
        )],
    );
    assert_eq!(
        custom.count(TextKey::ReplyCount, 0, "other", "0"),
        "0 comments"
    );
    // A "zero:" inside a text is not a variant.
    let odd = Texts::new(
        "en",
        None,
        vec![(TextKey::ReplyCount, "Score zero: {n}".to_owned())],
    );
    assert_eq!(
        odd.count(TextKey::ReplyCount, 0, "other", "0"),
        "Score zero: 0"
    );
}

#[test]
fn overridden_reports_only_the_publishers_texts() {
    let texts = Texts::new(
        "en",
        None,
        vec![
            (TextKey::Duplicate, "First".to_owned()),
            (TextKey::Duplicate, "You said that already.".to_owned()),
        ],
    );
    assert_eq!(
        texts.overridden(TextKey::Duplicate),
        Some("You said that already.")
    );
    assert_eq!(texts.get(TextKey::Duplicate), "You said that already.");
    assert_eq!(texts.overridden(TextKey::Flood), None);
    assert_eq!(texts.get(TextKey::Flood), english_text(TextKey::Flood));
}

#[test]
fn numbers_and_plurals_follow_the_language_of_each_string() {
    // Thai has no translation file: its strings are English, so "1 minute read" needs
    // English plural rules and digits, not Thai ones.
    let thai = Texts::new("th", None, vec![]);
    assert_eq!(thai.lang_of(TextKey::ReadingTime), "en");
    let german = german_with_retry_override("de-AT");
    assert_eq!(german.lang_of(TextKey::Submit), "de-AT", "translated");
    assert_eq!(
        german.lang_of(TextKey::Retry),
        "de-AT",
        "the publisher's own"
    );
    assert_eq!(
        german.lang_of(TextKey::ReadingTime),
        "en",
        "missing: English"
    );
    assert_eq!(
        Texts::new("en-GB", None, vec![]).lang_of(TextKey::ReadingTime),
        "en-GB",
        "English pages keep their regional tag"
    );
}

#[test]
fn the_withdrawn_hebrew_code_finds_the_hebrew_file() {
    assert_eq!(translation_for("iw"), Some("he"));
    assert_eq!(translation_for("iw-IL"), Some("he"));
    assert_eq!(translation_for("pt_BR"), Some("pt"));
    assert_eq!(translation_for("th"), None);
}
