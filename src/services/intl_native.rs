//! Dates, numbers and plural categories through ICU4X with compiled CLDR data (the
//! pre-renderer), written to read exactly as Chromium's `Intl` writes them (`intl_browser.rs`):
//! - dates: `dateStyle: "long"`, and with a time `timeStyle: "short"`, in UTC, in the
//!   locale's default calendar (Persian for `fa`, Buddhist for `th`);
//! - V8 writes U+0020 where ICU puts a narrow no-break space (U+202F) in a date ("8:15 AM",
//!   "2025 г."); done here too;
//! - Spanish: Chromium's `timeStyle: "short"` pattern is `H:mm` ("a las 8:15"); ICU4X's
//!   minute-precision time is `HH:mm`: the leading zero of the hour is dropped;
//! - a language ICU has no data for falls back to English (Chromium falls back to the
//!   browser's own locale, `en-US` in a headless browser).
//!
//! Known remaining differences (measured against Chromium 156): Hindi long dates (CLDR has
//! "6 नवंबर, 2025", Chromium "6 नवंबर 2025"); none for en, de, fr, es, ar, he, ja, pt, zh, ko,
//! ru, uk, it, nl, pl, tr, fa, th.

use super::{utc_parts, Instant};
use icu_datetime::fieldsets::{self, YMD, YMDT};
use icu_datetime::input::{Date, DateTime, Time};
use icu_datetime::options::TimePrecision;
use icu_datetime::DateTimeFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The formatters of one language.
struct Formatters {
    date: DateTimeFormatter<YMD>,
    date_time: DateTimeFormatter<YMDT>,
    plurals: PluralRules,
    numbers: DecimalFormatter,
    spanish: bool,
}

thread_local! {
    /// Made once per language tag; `None`: not a usable tag.
    static MADE: RefCell<HashMap<String, Option<Rc<Formatters>>>> = RefCell::new(HashMap::new());
}

fn make(locale: &Locale) -> Option<Formatters> {
    Some(Formatters {
        date: DateTimeFormatter::try_new(locale.into(), YMD::long()).ok()?,
        date_time: DateTimeFormatter::try_new(
            locale.into(),
            fieldsets::YMDT::long().with_time_precision(TimePrecision::Minute),
        )
        .ok()?,
        plurals: PluralRules::try_new(locale.into(), Default::default()).ok()?,
        numbers: DecimalFormatter::try_new(locale.into(), Default::default()).ok()?,
        spanish: locale.id.language.as_str() == "es",
    })
}

/// A date only the root locale writes like this: a language without CLDR data gives it.
fn is_root_output(formatters: &Formatters) -> bool {
    let Ok(date) = Date::try_new_iso(2025, 3, 1) else {
        return false;
    };
    formatters.date.format(&date).to_string() == "2025 M03 1"
}

fn formatters(lang: &str) -> Option<Rc<Formatters>> {
    if let Some(made) = MADE.with(|m| m.borrow().get(lang).cloned()) {
        return made;
    }
    let made = lang
        .trim()
        .replace('_', "-")
        .parse::<Locale>()
        .ok()
        .and_then(|locale| {
            let own = make(&locale)?;
            if locale.id.language.as_str() != "und" && is_root_output(&own) {
                make(&"en".parse().ok()?)
            } else {
                Some(own)
            }
        })
        .map(Rc::new);
    MADE.with(|m| m.borrow_mut().insert(lang.to_owned(), made.clone()));
    made
}

/// True when `lang` is a well-formed locale tag.
pub fn is_supported(lang: &str) -> bool {
    formatters(lang).is_some()
}

/// Drops a zero-padded hour ("a las 08:15" -> "a las 8:15") at the end of the text.
fn unpad_final_hour(text: &str) -> String {
    let b = text.as_bytes();
    let n = b.len();
    let ends_in_clock = n >= 6
        && b[n - 6] == b' '
        && b[n - 5] == b'0'
        && b[n - 4].is_ascii_digit()
        && b[n - 3] == b':'
        && b[n - 2].is_ascii_digit()
        && b[n - 1].is_ascii_digit();
    if ends_in_clock {
        format!("{}{}", &text[..n - 5], &text[n - 4..])
    } else {
        text.to_owned()
    }
}

/// A long date (and the time of day), in UTC.
pub fn format_instant(instant: Instant, lang: &str) -> Option<String> {
    let f = formatters(lang)?;
    let (y, mo, d, h, mi, _, _) = utc_parts(instant.ms);
    let date = Date::try_new_iso(i32::try_from(y).ok()?, mo, d).ok()?;
    let text = if instant.has_time {
        let time = Time::try_new(h, mi, 0, 0).ok()?;
        let text = f.date_time.format(&DateTime { date, time }).to_string();
        if f.spanish {
            unpad_final_hour(&text)
        } else {
            text
        }
    } else {
        f.date.format(&date).to_string()
    };
    Some(text.replace('\u{202f}', " "))
}

/// The CLDR plural category (`one`, `few`, `other`, ...) of `n` in `lang`.
pub fn plural_category(n: usize, lang: &str) -> String {
    let Some(f) = formatters(lang) else {
        return "other".to_owned();
    };
    match f.plurals.category_for(n) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
    .to_owned()
}

/// `n` with the language's digit grouping.
pub fn format_number(n: usize, lang: &str) -> String {
    match formatters(lang) {
        Some(f) => f.numbers.format(&Decimal::from(n as u64)).to_string(),
        None => n.to_string(),
    }
}
