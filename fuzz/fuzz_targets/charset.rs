//! The encoding of a fetched text (`core::charset`): the first line is the Content-Type
//! header, the rest the body's first bytes. No panic, deterministic, and a label is never
//! blank and only ever letters, digits and `-_.:` (no quotes, separators or spaces).
#![no_main]

use byline::core::charset::declared_charset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|b| *b == b'\n').unwrap_or(data.len());
    let Ok(content_type) = std::str::from_utf8(&data[..split]) else {
        return;
    };
    let start = data.get(split + 1..).unwrap_or(&[]);
    let label = declared_charset(content_type, start);
    assert_eq!(
        label,
        declared_charset(content_type, start),
        "not deterministic"
    );
    if let Some(label) = label {
        assert!(!label.is_empty(), "blank label");
        assert!(
            label
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c)),
            "not a bare label: {label:?}"
        );
    }
});
