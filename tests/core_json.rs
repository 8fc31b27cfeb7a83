#![cfg(not(target_arch = "wasm32"))]
//! Native tests for `byline::core::json`: the grammar of RFC 8259, escapes, numbers, errors
//! with positions, the nesting limit, and agreement with `serde_json` on arbitrary documents.

use byline::core::json::{parse, quote, Value, MAX_DEPTH};
use proptest::prelude::*;

#[path = "support/json_same.rs"]
mod json_same;
use json_same::same;

fn ok(text: &str) -> Value {
    parse(text).unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
}

fn reason(text: &str) -> &'static str {
    parse(text)
        .map(|v| panic!("{text:?} should not parse, got {v:?}"))
        .unwrap_err()
        .reason
}

#[test]
fn scalars() {
    assert_eq!(ok("null"), Value::Null);
    assert_eq!(ok(" true "), Value::Bool(true));
    assert_eq!(ok("\n\tfalse\r\n"), Value::Bool(false));
    assert_eq!(ok(r#""text""#), Value::String("text".into()));
    assert_eq!(ok("0").as_u64(), Some(0));
    assert_eq!(ok("4711").as_u64(), Some(4711));
    assert_eq!(ok("18446744073709551615").as_u64(), Some(u64::MAX));
    assert_eq!(ok("18446744073709551616").as_u64(), None);
    assert_eq!(ok("-1").as_u64(), None);
    assert_eq!(ok("1.0").as_u64(), None);
}

#[test]
fn numbers_keep_their_literal_and_convert_to_floats() {
    for (text, expected) in [
        ("0", 0.0),
        ("-0", 0.0),
        ("12.5", 12.5),
        ("-3.25", -3.25),
        ("1e3", 1000.0),
        ("1E+3", 1000.0),
        ("25e-1", 2.5),
        ("1764000000000", 1_764_000_000_000.0),
        ("123456789012345678901234567890", 1.2345678901234568e29),
        ("0.000001", 0.000001),
        ("1e400", f64::INFINITY),
        ("1e-400", 0.0),
        // Found by the fuzzer: zero times a huge power of ten is zero, not NaN.
        ("0e111111", 0.0),
        ("-0.0E+999", 0.0),
    ] {
        let value = ok(text);
        let Value::Number(n) = &value else {
            panic!("{text} is a number")
        };
        assert_eq!(n.as_str(), text);
        let got = n.as_f64();
        let close = got == expected || ((got - expected) / expected).abs() < 1e-12;
        assert!(close, "{text}: {got} != {expected}");
    }
}

#[test]
fn invalid_numbers() {
    for text in [
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "1e+",
        "+1",
        "0x10",
        "1.2.3",
        "NaN",
        "-Infinity",
    ] {
        assert!(parse(text).is_err(), "{text:?} is not a JSON number");
    }
}

#[test]
fn string_escapes() {
    assert_eq!(
        ok(r#""a\"b\\c\/d\b\f\n\r\t""#),
        Value::String("a\"b\\c/d\u{8}\u{c}\n\r\t".into())
    );
    assert_eq!(ok(r#""\u00e9\u4E2D""#), Value::String("é中".into()));
    assert_eq!(ok(r#""\ud83d\ude00""#), Value::String("😀".into()));
    assert_eq!(ok(r#""😀 가""#), Value::String("😀 가".into()));
    // Lone surrogates become U+FFFD instead of failing the whole document.
    assert_eq!(ok(r#""\ud83d""#), Value::String("\u{fffd}".into()));
    assert_eq!(ok(r#""\ude00x""#), Value::String("\u{fffd}x".into()));
    assert_eq!(ok(r#""\ud83d\u0041""#), Value::String("\u{fffd}A".into()));
    assert_eq!(reason(r#""\x""#), "invalid escape");
    assert_eq!(reason(r#""\u12""#), "invalid escape");
    assert_eq!(reason(r#""\u12g4""#), "invalid escape");
    assert_eq!(reason("\"a\nb\""), "control character in string");
    assert_eq!(reason("\"open"), "EOF while parsing a string");
}

#[test]
fn arrays_and_objects() {
    assert_eq!(ok("[]"), Value::Array(vec![]));
    assert_eq!(ok(" [ 1 , [ ] , { } ] ").as_array().map(Vec::len), Some(3));
    let doc = ok(r#"{"a": 1, "b": {"c": [true, null]}, "a": "last"}"#);
    assert_eq!(doc.get("a").and_then(Value::as_str), Some("last"));
    assert_eq!(
        doc.get("b").and_then(|b| b.get("c")),
        Some(&Value::Array(vec![Value::Bool(true), Value::Null]))
    );
    assert_eq!(doc.get("missing"), None);
    assert_eq!(ok("[1]").get("a"), None);
    let names: Vec<_> = doc
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(names, ["a", "b", "a"]);
}

#[test]
fn structural_errors_say_what_and_where() {
    assert_eq!(reason(""), "EOF while parsing a value");
    assert_eq!(reason("   "), "EOF while parsing a value");
    assert_eq!(reason("[1,]"), "expected value");
    assert_eq!(reason("[1 2]"), "expected `,` or `]`");
    assert_eq!(reason("[1"), "EOF while parsing a list");
    assert_eq!(reason(r#"{"a" 1}"#), "expected `:`");
    assert_eq!(reason(r#"{"a":1"#), "EOF while parsing an object");
    assert_eq!(reason(r#"{"a":1 "b":2}"#), "expected `,` or `}`");
    assert_eq!(reason("{a:1}"), "key must be a string");
    assert_eq!(reason("{} {}"), "trailing characters");
    assert_eq!(reason("<html>"), "expected value");
    assert_eq!(reason("tru"), "expected value");
    let error = parse("{\n  \"headline\": ,\n}").unwrap_err();
    assert_eq!((error.line, error.column), (2, 15));
    assert_eq!(error.to_string(), "expected value at line 2 column 15");
    let error = parse("[\"가나다\" x]").unwrap_err();
    assert_eq!(
        (error.line, error.column),
        (1, 8),
        "columns count characters"
    );
}

#[test]
fn nesting_limit_refuses_instead_of_overflowing() {
    let deep_ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&deep_ok).is_ok());
    let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(reason(&too_deep), "nested too deeply");
    assert_eq!(reason(&"{\"a\":".repeat(100_000)), "nested too deeply");
}

#[test]
fn writer_escapes_and_round_trips() {
    assert_eq!(quote("plain"), r#""plain""#);
    assert_eq!(
        quote("\"\\\n\r\t\u{8}\u{c}\u{1}\u{1f} é/<"),
        r#""\"\\\n\r\t\b\f\u0001\u001f é/<""#
    );
    let value = Value::object([
        ("id", Some(7u64).into()),
        ("none", None::<u64>.into()),
        ("text", "a\"b".into()),
        ("flag", true.into()),
    ]);
    assert_eq!(
        value.to_json(),
        r#"{"id":7,"none":null,"text":"a\"b","flag":true}"#
    );
    assert_eq!(ok(&value.to_json()), value);
}

/// Arbitrary JSON documents, built and printed by `serde_json`.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        (-1e12f64..1e12).prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|members| serde_json::Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn reads_what_serde_json_writes(doc in any_json(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&doc).unwrap()
        } else {
            doc.to_string()
        };
        let ours = parse(&text);
        prop_assert!(ours.is_ok(), "{:?}: {:?}", text, ours);
        let ours = ours.unwrap();
        prop_assert!(same(&ours, &doc), "{:?} read as {:?}", text, ours);
        // What we write, serde_json reads back as the same document.
        let written: serde_json::Value = serde_json::from_str(&ours.to_json()).unwrap();
        prop_assert!(same(&ours, &written));
    }

    #[test]
    fn accepts_what_serde_json_accepts(text in "[\\[\\]{}\":,0-9.eE+\\- tfalsenru\\\\a-c\u{e9}]{0,24}") {
        // Arbitrary near-JSON: both parsers agree on whether it is JSON.
        prop_assert_eq!(parse(&text).is_ok(), serde_json::from_str::<serde_json::Value>(&text).is_ok(), "{:?}", text);
    }

    #[test]
    fn never_panics_and_is_deterministic(text in "\\PC{0,64}") {
        prop_assert_eq!(parse(&text), parse(&text));
    }

    #[test]
    fn quote_round_trips_any_string(s in any::<String>()) {
        prop_assert_eq!(parse(&quote(&s)), Ok(Value::String(s.clone())));
        prop_assert_eq!(serde_json::from_str::<String>(&quote(&s)).unwrap(), s);
    }
}
