//! Dates, numbers and plural categories through the browser's `Intl` (the live widget).
//! Every call is guarded: an unusual language tag never throws into Rust.

use super::Instant;
use js_sys::{Array, Date, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// Formatters already made: building one is the slow part of `Intl`.
    static MADE: std::cell::RefCell<Vec<(String, Object)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `new Intl.<name>(lang, options)`, made once per combination, or `None` when the browser
/// refuses.
fn construct(name: &str, lang: &str, options: &[(&str, &str)]) -> Option<Object> {
    let mut key = format!("{name}|{lang}");
    for (k, v) in options {
        key.extend(["|", k, "=", v]);
    }
    if let Some(made) = MADE.with(|m| {
        m.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, o)| o.clone())
    }) {
        return Some(made);
    }
    let made = make(name, lang, options)?;
    MADE.with(|m| m.borrow_mut().push((key, made.clone())));
    Some(made)
}

fn make(name: &str, lang: &str, options: &[(&str, &str)]) -> Option<Object> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let ctor: Function = Reflect::get(&intl, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    let opts = Object::new();
    for (k, v) in options {
        Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
    }
    let args = Array::of2(&JsValue::from_str(lang), &opts);
    Reflect::construct(&ctor, &args).ok()?.dyn_into().ok()
}

/// `object.method(arg)` as a string.
fn call_string(object: &Object, method: &str, arg: &JsValue) -> Option<String> {
    let f: Function = Reflect::get(object, &JsValue::from_str(method))
        .ok()?
        .dyn_into()
        .ok()?;
    f.call1(object, arg).ok()?.as_string()
}

/// True when the browser accepts `lang` as a locale tag (`Intl.getCanonicalLocales`
/// throws for a malformed one; it builds no formatter, so it is cheap).
pub fn is_supported(lang: &str) -> bool {
    Reflect::get(&js_sys::global(), &JsValue::from_str("Intl"))
        .and_then(|intl| Reflect::get(&intl, &JsValue::from_str("getCanonicalLocales")))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .is_some_and(|f| {
            f.call1(&JsValue::UNDEFINED, &JsValue::from_str(lang))
                .is_ok()
        })
}

/// A long date (and the time of day), in UTC, as `Intl.DateTimeFormat` writes it with
/// `dateStyle: "long"` (and `timeStyle: "short"`).
pub fn format_instant(instant: Instant, lang: &str) -> Option<String> {
    let options: &[(&str, &str)] = if instant.has_time {
        &[
            ("dateStyle", "long"),
            ("timeStyle", "short"),
            ("timeZone", "UTC"),
        ]
    } else {
        &[("dateStyle", "long"), ("timeZone", "UTC")]
    };
    let format = construct("DateTimeFormat", lang, options)?;
    let date = Date::new(&JsValue::from_f64(instant.ms as f64));
    call_string(&format, "format", &date)
}

/// The CLDR plural category (`one`, `few`, `other`, ...) of `n` in `lang`.
pub fn plural_category(n: usize, lang: &str) -> String {
    construct("PluralRules", lang, &[])
        .and_then(|rules| call_string(&rules, "select", &JsValue::from_f64(n as f64)))
        .unwrap_or_else(|| "other".to_owned())
}

/// `n` with the language's digit grouping.
pub fn format_number(n: usize, lang: &str) -> String {
    construct("NumberFormat", lang, &[])
        .and_then(|format| call_string(&format, "format", &JsValue::from_f64(n as f64)))
        .unwrap_or_else(|| n.to_string())
}
