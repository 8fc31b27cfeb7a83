//! Dates, numbers and plural categories through the browser's `Intl`.
//! Every call is guarded: an unusual language tag never throws into Rust.

use crate::core::date::is_real_calendar_date;
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

/// A parsed date, or `None` when the browser cannot read the string or it names a day
/// that does not exist.
fn parse_date(iso: &str) -> Option<Date> {
    if !is_real_calendar_date(iso) {
        return None;
    }
    let date = Date::new(&JsValue::from_str(iso.trim()));
    (!date.get_time().is_nan()).then_some(date)
}

/// True when the value carries a time of day, not only a date.
fn has_time(value: &str) -> bool {
    value.contains(':')
}

/// The machine-readable form for `<time datetime>`: ISO 8601 as given, or as the browser
/// normalises it (RSS dates such as "Thu, 06 Nov 2025 08:15:00 GMT" become
/// "2025-11-06T08:15:00.000Z").
pub fn valid_datetime(value: &str) -> Option<String> {
    let date = parse_date(value)?;
    let trimmed = value.trim();
    let is_iso =
        trimmed.len() >= 10 && trimmed.as_bytes()[4] == b'-' && trimmed.as_bytes()[7] == b'-';
    if is_iso {
        return Some(trimmed.to_owned());
    }
    let iso: String = date.to_iso_string().into();
    Some(if has_time(trimmed) {
        iso
    } else {
        iso[..10].to_owned()
    })
}

/// A long, localised date (with the time when the source has one). Date-only values are
/// shown in UTC so they never slip to the previous day.
pub fn format_date(iso: &str, lang: &str) -> Option<String> {
    let date = parse_date(iso)?;
    let options: &[(&str, &str)] = if has_time(iso) {
        &[("dateStyle", "long"), ("timeStyle", "short")]
    } else {
        &[("dateStyle", "long"), ("timeZone", "UTC")]
    };
    let format = construct("DateTimeFormat", lang, options)?;
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
