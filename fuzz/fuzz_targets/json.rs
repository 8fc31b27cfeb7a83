//! Any text -> core::json. No panic, deterministic, agrees with serde_json (what it accepts
//! we accept as the same document), and what we write reads back equal.
#![no_main]

use byline::core::json::{parse, Value};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// True when our value and serde_json's are the same document.
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        (Value::Number(a), serde_json::Value::Number(b)) => {
            let (x, y) = (a.as_f64(), b.as_f64().unwrap_or(f64::NAN));
            a.as_u64() == b.as_u64() && (x == y || ((x - y) / y).abs() < 1e-9)
        }
        (Value::String(a), serde_json::Value::String(b)) => a == b,
        (Value::Array(a), serde_json::Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), serde_json::Value::Object(b)) => {
            b.iter().all(|(k, v)| a.get(k).is_some_and(|x| same(x, v)))
                && a.iter().all(|(k, _)| b.contains_key(k))
        }
        _ => false,
    }
}

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
        assert!(same(value, &theirs), "read differently: {value:?} vs {theirs:?}");
    }
    if let Ok(value) = ours {
        assert_eq!(parse(&value.to_json()), Ok(value.clone()), "round trip");
    }
});
