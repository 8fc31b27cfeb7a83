//! Field readers for JSON written by others (WordPress answers, old or hand-edited storage
//! entries), for serde's `deserialize_with`: a field of an unexpected shape reads as absent
//! or empty instead of refusing the whole object, so one odd field never loses the rest.
//!
//! Every JSON document is parsed once into a [`serde_json::Value`]; the derived types then
//! read from that value. Each reader takes the field as a value and matches its shape, so the
//! wasm build carries one deserializer backend, not one per type.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A string, else `None`.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => Some(s),
        _ => None,
    })
}

/// A string, else empty.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(text(d)?.unwrap_or_default())
}

/// A whole number from 0 up, else `None`.
pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(Value::deserialize(d)?.as_u64())
}

/// A whole number from 0 up, else 0.
pub fn count_or_zero<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(count(d)?.unwrap_or(0))
}

/// An id: a whole number, or a string holding one (WordPress sends numbers).
pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => s.trim().parse().ok(),
        other => other.as_u64(),
    })
}

/// Any number, else `None`.
pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Ok(Value::deserialize(d)?.as_f64())
}

/// `true` or `false`, else `false`.
pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Value::deserialize(d)?.as_bool().unwrap_or(false))
}

/// An object's members, else none.
pub fn members<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<serde_json::Map<String, Value>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    })
}
