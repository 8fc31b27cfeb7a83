//! Dates, numbers and plural categories through the browser's `Intl`.
//! Every call is guarded: an unusual language tag never throws into Rust.

use js_sys::{Array, Date, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `new Intl.<name>(lang, options)`, or `None` when the browser refuses.
fn construct(name: &str, lang: &str, options: &[(&str, &str)]) -> Option<Object> {
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

/// True when the browser accepts `lang` as a locale.
pub fn is_supported(lang: &str) -> bool {
    construct("DateTimeFormat", lang, &[]).is_some()
}

/// A parsed date, or `None` when the browser cannot read the string.
fn parse_date(iso: &str) -> Option<Date> {
    let date = Date::new(&JsValue::from_str(iso.trim()));
    (!date.get_time().is_nan()).then_some(date)
}

/// The machine-readable form for `<time datetime>`: the string as given when the browser
/// reads it as a date.
pub fn valid_datetime(iso: &str) -> Option<String> {
    parse_date(iso).map(|_| iso.trim().to_owned())
}

/// A long, localised date (with the time when the source has one). Date-only values are
/// shown in UTC so they never slip to the previous day.
pub fn format_date(iso: &str, lang: &str) -> Option<String> {
    let date = parse_date(iso)?;
    let has_time = iso.contains('T');
    let options: &[(&str, &str)] = if has_time {
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
