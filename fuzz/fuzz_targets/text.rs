//! Text helpers: html_to_text, decode_entities, split_paragraphs, safe_url,
//! date::is_real_calendar_date and url::resolve (first line the base, second the reference).
//! No panic, simple invariants.
#![no_main]

use byline::core::date::is_real_calendar_date;
use byline::core::text::{
    decode_entities, html_to_text, is_quotation, safe_url, split_paragraphs, Block,
};
use byline::core::url::resolve;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(input) = common::text(data) else {
        return;
    };

    let plain = html_to_text(input);
    assert_eq!(plain.trim(), plain);
    assert!(!plain.contains("\n\n\n"));
    if common::markup_only(input) {
        assert!(!common::has_tag(&plain), "a tag survived: {plain:?}");
    }

    let decoded = decode_entities(input);
    assert!(decoded.len() <= input.len());
    if !input.contains('&') {
        assert_eq!(decoded, input);
    }

    let blocks = split_paragraphs(input);
    for block in &blocks {
        let t = block.text();
        assert!(!t.is_empty() && t.trim() == t && !t.contains(['\n', '\r']));
        assert_eq!(matches!(block, Block::Quote(_)), is_quotation(t));
    }
    assert_eq!(blocks.is_empty(), input.trim().is_empty());
    let words_in: Vec<&str> = input.split_whitespace().collect();
    let words_out: Vec<&str> = blocks
        .iter()
        .flat_map(|b| b.text().split_whitespace())
        .collect();
    assert_eq!(words_in, words_out);

    if let Some(clean) = safe_url(input) {
        common::assert_safe_url(&clean);
    }

    // Only an ISO date shape (YYYY-MM-DD) can be judged impossible.
    if !is_real_calendar_date(input) {
        let b = input.trim().as_bytes();
        assert!(b.len() >= 10 && b[4] == b'-' && b[7] == b'-', "{input:?}");
        assert!(b[..4].iter().all(u8::is_ascii_digit), "{input:?}");
    }

    let (base, rest) = common::first_line(input);
    let (reference, _) = common::first_line(rest);
    let resolved = resolve(base, reference);
    assert_eq!(resolved, resolve(base, reference));
    let lower = base.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let resolved = resolved.expect("a web base resolves every reference");
        assert!(!resolved.is_empty());
    }
});
