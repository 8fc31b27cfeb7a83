//! Invariants shared by the fuzz targets (the same ones tests/properties.rs checks): a
//! violated invariant panics, so libFuzzer reports it as a crash.
#![allow(dead_code)]

use byline::core::text::safe_url;

/// The input as text (the parsers take `&str`; invalid UTF-8 never reaches them).
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// An accepted URL: clean as `safe_url` leaves it, scheme http or https when it has one,
/// and no script or data scheme hidden by whitespace, controls or case.
pub fn assert_safe_url(u: &str) {
    assert_eq!(safe_url(u).as_deref(), Some(u), "not a clean URL: {u:?}");
    let squashed: String = u
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    for bad in ["javascript:", "data:", "vbscript:", "file:"] {
        assert!(!squashed.starts_with(bad), "dangerous URL accepted: {u:?}");
    }
    if let Some(i) = u.find([':', '/', '?', '#']) {
        if u[i..].starts_with(':') {
            let scheme = u[..i].to_ascii_lowercase();
            assert!(
                scheme == "http" || scheme == "https",
                "scheme {scheme:?} in {u:?}"
            );
        }
    }
}

/// An absolute http(s) URL.
pub fn assert_absolute(u: &str) {
    let lower = u.to_ascii_lowercase();
    assert!(
        lower.starts_with("http://") || lower.starts_with("https://"),
        "not absolute http(s): {u:?}"
    );
}

/// A '<' followed by a letter, '/', '!' or '?' with a '>' after it: a tag.
pub fn has_tag(text: &str) -> bool {
    text.match_indices('<').any(|(i, _)| {
        text[i + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
            && text[i..].contains('>')
    })
}

/// True when `s` has no character reference (nor a JSON `\u` escape that could hide one) and
/// every '<' in it starts a tag. Only then is "no tag in the output" a fair demand: a stray
/// '<' next to a removed tag forms a new one ("<<b>i>" reads "<i>", as a browser shows it),
/// and "&lt;i&gt;" is the text "<i>"; both are shown as text, never parsed.
pub fn markup_only(s: &str) -> bool {
    !s.contains('&')
        && !s.contains("\\u")
        && s.match_indices('<').all(|(i, _)| {
            s[i + 1..]
                .starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
        })
}

/// Splits "first line\nrest".
pub fn first_line(input: &str) -> (&str, &str) {
    input.split_once('\n').unwrap_or((input, ""))
}
