//! Any text -> core::json. No panic, deterministic, agrees with serde_json (what it accepts
//! we accept as the same document), and what we write reads back equal.
#![no_main]

use byline::core::json::parse;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
#[path = "../../tests/support/json_same.rs"]
mod json_same;
use json_same::same;

fuzz_target!(|data: &[u8]| {
    let Some(input) = common::text(data) else {
        return;
    };
    let ours = parse(input);
    assert_eq!(ours, parse(input), "not deterministic");
    if let Ok(theirs) = serde_json::from_str::<serde_json::Value>(input) {
        let Ok(value) = &ours else {
            panic!("serde_json accepts what we refuse: {ours:?}");
        };
        assert!(
            same(value, &theirs),
            "read differently: {value:?} vs {theirs:?}"
        );
    }
    if let Ok(value) = ours {
        assert_eq!(parse(&value.to_json()), Ok(value.clone()), "round trip");
    }
});
