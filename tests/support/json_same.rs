//! Shared by tests/core_json.rs and the `json` fuzz target: do `core::json` and `serde_json`
//! read a text as the same document? Numbers agree as integers and, as floats, to 1e-9;
//! objects agree on their names (the last of a repeated name counts, as in `serde_json`).

use byline::core::json::Value;

/// True when our value and serde_json's are the same document.
pub fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        (Value::Number(a), serde_json::Value::Number(b)) => {
            let x = a.as_f64();
            let y = b.as_f64().unwrap_or(f64::NAN);
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
