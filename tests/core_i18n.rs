#![cfg(not(target_arch = "wasm32"))]
//! Native tests for `byline::core::i18n`: the key list, every built-in locale against English,
//! locale fallback, publisher overrides, plural variants and placeholder filling.

use byline::core::config::valid_language_tag;
use byline::core::i18n::{
    fill, locale_for, pick_plural, Locale, TextKey, Texts, KEY_COUNT, LOCALES,
};
use std::collections::{BTreeSet, HashSet};

const PLURAL_CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

fn english() -> &'static Locale {
    LOCALES[0]
}

fn text(locale: &Locale, key: TextKey) -> &'static str {
    let i = TextKey::ALL
        .iter()
        .position(|k| *k == key)
        .expect("key in ALL");
    locale.texts[i]
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
    for locale in LOCALES {
        assert!(valid_language_tag(locale.tag), "{}", locale.tag);
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
    for locale in LOCALES {
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
    for locale in LOCALES {
        for key in TextKey::ALL {
            assert_eq!(
                placeholders(text(locale, *key)),
                placeholders(text(english(), *key)),
                "{}: {:?} placeholders differ from English",
                locale.tag,
                key
            );
        }
    }
}

#[test]
fn every_plural_variant_uses_the_placeholders_of_englishs_other_variant() {
    for locale in LOCALES {
        for key in TextKey::ALL {
            let en_vars = variants(text(english(), *key));
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
    for locale in LOCALES {
        for key in TextKey::ALL {
            let en_has_other = variants(text(english(), *key))
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
    for locale in LOCALES {
        for key in TextKey::ALL {
            let en_plural = !variants(text(english(), *key)).is_empty();
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
        .filter(|k| !variants(text(english(), *k)).is_empty())
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
    let en = Texts::new("en", vec![]);
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

#[test]
fn locale_debug_shows_the_tag() {
    assert_eq!(format!("{:?}", english()), "en");
}

// ---------------------------------------------------------------------------------------------
// locale_for
// ---------------------------------------------------------------------------------------------

#[test]
fn locale_for_exact_match() {
    for locale in LOCALES {
        assert_eq!(locale_for(locale.tag).tag, locale.tag);
    }
}

#[test]
fn locale_for_falls_back_to_the_primary_language() {
    assert_eq!(locale_for("en-GB").tag, "en");
    assert_eq!(locale_for("en-US-u-ca-buddhist").tag, "en");
    assert_eq!(locale_for("en_GB").tag, "en");
}

#[test]
fn locale_for_unknown_falls_back_to_english() {
    for tag in ["zz", "zz-ZZ", "", "   ", "x-private", "not a tag"] {
        assert_eq!(locale_for(tag).tag, "en", "{tag:?}");
    }
}

#[test]
fn locale_for_is_case_insensitive_and_trims() {
    assert_eq!(locale_for("EN").tag, "en");
    assert_eq!(locale_for("En-gB").tag, "en");
    assert_eq!(locale_for("  en  ").tag, "en");
    for locale in LOCALES {
        assert_eq!(locale_for(&locale.tag.to_ascii_uppercase()).tag, locale.tag);
    }
}

#[test]
fn locale_for_region_variant_of_every_locale_finds_it() {
    for locale in LOCALES {
        let primary = locale.tag.split('-').next().unwrap();
        assert_eq!(
            locale_for(&format!("{primary}-ZZ"))
                .tag
                .split('-')
                .next()
                .unwrap(),
            primary,
            "{}",
            locale.tag
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------

#[test]
fn texts_keep_the_requested_language_tag() {
    let t = Texts::new("en-GB", vec![]);
    assert_eq!(t.lang, "en-GB");
    assert!(!t.rtl);
    assert_eq!(t.get(TextKey::Submit), "Post Comment");
}

#[test]
fn texts_unknown_language_uses_english_strings() {
    let t = Texts::new("zz", vec![]);
    assert_eq!(t.lang, "zz");
    for key in TextKey::ALL {
        assert_eq!(t.get(*key), text(english(), *key));
    }
}

#[test]
fn texts_override_wins() {
    let t = Texts::new("en", vec![(TextKey::Submit, "Send".into())]);
    assert_eq!(t.get(TextKey::Submit), "Send");
    assert_eq!(t.get(TextKey::Retry), "Retry", "other keys are untouched");
}

#[test]
fn texts_last_override_of_a_key_wins() {
    let t = Texts::new(
        "en",
        vec![
            (TextKey::Submit, "First".into()),
            (TextKey::Submit, "Second".into()),
        ],
    );
    assert_eq!(t.get(TextKey::Submit), "Second");
}

#[test]
fn texts_override_wins_in_every_locale() {
    for locale in LOCALES {
        let t = Texts::new(locale.tag, vec![(TextKey::Retry, "Again".into())]);
        assert_eq!(t.get(TextKey::Retry), "Again", "{}", locale.tag);
    }
}

#[test]
fn texts_override_is_plain_text_used_verbatim() {
    let t = Texts::new("en", vec![(TextKey::Submit, "<b>Send</b> &amp;".into())]);
    assert_eq!(t.get(TextKey::Submit), "<b>Send</b> &amp;");
}

#[test]
fn texts_format_fills_placeholders() {
    let t = Texts::new("en", vec![]);
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
    let t = Texts::new("en", vec![(TextKey::PublishedBy, "From {name}".into())]);
    assert_eq!(
        t.format(TextKey::PublishedBy, &[("name", "The Daily Test")]),
        "From The Daily Test"
    );
}

#[test]
fn texts_plural_picks_the_category_and_fills_n() {
    let t = Texts::new("en", vec![]);
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
    let t = Texts::new("en", vec![]);
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
    let t = Texts::new("en", vec![(TextKey::ReplyCount, "Replies: {n}".into())]);
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
    let en = Texts::new("en", Vec::new());
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
    let ko = Texts::new("ko", Vec::new());
    assert_eq!(ko.count(TextKey::ReplyCount, 0, "other", "0"), "댓글 없음");
    assert_eq!(ko.count(TextKey::ReplyCount, 3, "other", "3"), "댓글 3개");
    // A publisher's override without a zero variant: "0 comments", not the built-in text.
    let custom = Texts::new(
        "en",
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
    assert_eq!(texts.get(TextKey::Flood), text(english(), TextKey::Flood));
}
