//! Dates, numbers and plural categories in the widget's language.
//!
//! Two implementations give the same text: in the browser through `Intl` (`intl_browser.rs`),
//! natively, for the pre-renderer, through ICU4X with compiled CLDR data (`intl_native.rs`),
//! so a pre-rendered page and the live widget read identically. Date strings are parsed here,
//! by one parser for both sides, so both see the same instant.
//!
//! Times of day are shown in UTC, with "UTC" after them: the pre-renderer cannot know the
//! reader's time zone, and a widget taking over a pre-rendered page must not change the text
//! (docs/prerendering.md). A date-time written without an offset is read as UTC too.

use crate::core::date::is_real_calendar_date;

#[cfg(target_arch = "wasm32")]
#[path = "intl_browser.rs"]
mod imp;
#[cfg(not(target_arch = "wasm32"))]
#[path = "intl_native.rs"]
mod imp;

pub use imp::{format_number, is_supported, plural_category};

/// What is appended to a formatted time of day: the zone it is shown in.
pub const ZONE_SUFFIX: &str = " UTC";

/// An instant read from a date string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instant {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub ms: i64,
    /// The string gave a time of day (else it is midnight UTC of the day it names).
    pub has_time: bool,
}

/// The civil date and time of an instant in UTC: (year, month, day, hour, minute, second, ms).
pub fn utc_parts(ms: i64) -> (i64, u8, u8, u8, u8, u8, u16) {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    (
        y,
        m,
        d,
        (in_day / 3_600_000) as u8,
        (in_day / 60_000 % 60) as u8,
        (in_day / 1000 % 60) as u8,
        (in_day % 1000) as u16,
    )
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn days_in_month(y: i64, m: u8) -> u8 {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        _ => 28,
    }
}

/// A run of ASCII digits at the start of `s`: (value, digit count, rest).
fn digits(s: &str) -> (u64, usize, &str) {
    let n = s.bytes().take_while(u8::is_ascii_digit).count().min(18);
    let value = s[..n]
        .bytes()
        .fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
    (value, n, &s[n..])
}

/// Two digits (the first two of a longer run: `+0100` is `01`, `00`).
fn two(s: &str) -> Option<(u8, &str)> {
    let b = s.as_bytes();
    (b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit())
        .then(|| ((b[0] - b'0') * 10 + (b[1] - b'0'), &s[2..]))
}

/// A UTC offset in minutes: `Z`, `±HH:MM`, `±HHMM` or `±HH`; the whole rest must be it.
fn offset(s: &str) -> Option<i64> {
    if s.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, rest) = two(&s[1..])?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let m = if rest.is_empty() {
        0
    } else {
        let (m, rest) = two(rest)?;
        if !rest.is_empty() {
            return None;
        }
        m
    };
    (h <= 23 && m <= 59).then(|| sign * (i64::from(h) * 60 + i64::from(m)))
}

/// `HH:MM[:SS[.fff…]]` and what follows: (ms into the day, rest).
fn time_of_day(s: &str) -> Option<(i64, &str)> {
    let (h, rest) = two(s)?;
    let (m, mut rest) = two(rest.strip_prefix(':')?)?;
    let mut sec = 0;
    let mut millis = 0;
    if let Some(after) = rest.strip_prefix(':') {
        let (v, after) = two(after)?;
        sec = v;
        rest = after;
        if let Some(fraction) = rest.strip_prefix(['.', ',']) {
            let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            let first3 = format!("{:0<3}", &fraction[..n.min(3)]);
            millis = first3.parse::<i64>().ok()?;
            rest = &fraction[n..];
        }
    }
    (h <= 23 && m <= 59 && sec <= 59).then(|| {
        (
            ((i64::from(h) * 60 + i64::from(m)) * 60 + i64::from(sec)) * 1000 + millis,
            rest,
        )
    })
}

/// ISO 8601 / RFC 3339: `YYYY-MM-DD`, optionally `T` (or a space) and a time, optionally an
/// offset (none: UTC).
fn parse_iso(s: &str) -> Option<Instant> {
    let (y, ny, rest) = digits(s);
    let (mo, rest) = two(rest.strip_prefix('-')?)?;
    let (d, rest) = two(rest.strip_prefix('-')?)?;
    if ny != 4 || !(1..=12).contains(&mo) || d == 0 || d > days_in_month(y as i64, mo) {
        return None;
    }
    let day_ms = days_from_civil(y as i64, mo, d) * 86_400_000;
    if rest.is_empty() {
        return Some(Instant {
            ms: day_ms,
            has_time: false,
        });
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (time, rest) = time_of_day(rest)?;
    let minutes = if rest.is_empty() { 0 } else { offset(rest)? };
    Some(Instant {
        ms: day_ms + time - minutes * 60_000,
        has_time: true,
    })
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// RFC 2822 / RFC 822 as RSS writes it: `[Day,] DD Mon YYYY HH:MM[:SS] [zone]` (no zone: UTC;
/// a two-digit year is 19xx from 50, else 20xx).
fn parse_rfc2822(s: &str) -> Option<Instant> {
    let s = match s.split_once(',') {
        Some((day, rest)) if day.trim().chars().all(|c| c.is_ascii_alphabetic()) => rest,
        Some(_) => return None,
        None => s,
    };
    let mut parts = s.split_whitespace();
    let (d, nd, rest) = digits(parts.next()?);
    if !(1..=2).contains(&nd) || !rest.is_empty() {
        return None;
    }
    let month_word = parts.next()?.to_ascii_lowercase();
    let month_word = month_word.trim_end_matches('.');
    let mo = MONTHS
        .iter()
        .position(|m| month_word.len() >= 3 && m.starts_with(&month_word[..3]))? as u8
        + 1;
    let (y, ny, rest) = digits(parts.next()?);
    if !rest.is_empty() {
        return None;
    }
    let y = match ny {
        4 => y as i64,
        2 if y >= 50 => 1900 + y as i64,
        2 => 2000 + y as i64,
        _ => return None,
    };
    let d = d as u8;
    if d == 0 || d > days_in_month(y, mo) {
        return None;
    }
    let day_ms = days_from_civil(y, mo, d) * 86_400_000;
    let Some(clock) = parts.next() else {
        return Some(Instant {
            ms: day_ms,
            has_time: false,
        });
    };
    let (time, rest) = time_of_day(clock)?;
    if !rest.is_empty() {
        return None;
    }
    let minutes = match parts.next() {
        None => 0,
        Some(zone) => match zone.to_ascii_uppercase().as_str() {
            "GMT" | "UT" | "UTC" | "Z" => 0,
            "EST" => -300,
            "EDT" => -240,
            "CST" => -360,
            "CDT" => -300,
            "MST" => -420,
            "MDT" => -360,
            "PST" => -480,
            "PDT" => -420,
            other => offset(other)?,
        },
    };
    if parts.next().is_some() {
        return None;
    }
    Some(Instant {
        ms: day_ms + time - minutes * 60_000,
        has_time: true,
    })
}

/// Reads an ISO 8601 or RFC 2822 date; `None` for anything else and for days that do not
/// exist (31 April).
pub fn parse(value: &str) -> Option<Instant> {
    let value = value.trim();
    if !is_real_calendar_date(value) {
        return None;
    }
    parse_iso(value).or_else(|| parse_rfc2822(value))
}

/// True when the value is written as ISO 8601 (kept as given in `datetime`).
fn is_iso(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() >= 10 && b[4] == b'-' && b[7] == b'-'
}

/// The machine-readable form for `<time datetime>`: ISO 8601 as given, or the instant in
/// ISO form (RSS dates such as "Thu, 06 Nov 2025 08:15:00 GMT" become
/// "2025-11-06T08:15:00.000Z", as the browser's `Date.toISOString` writes them).
pub fn valid_datetime(value: &str) -> Option<String> {
    let instant = parse(value)?;
    let trimmed = value.trim();
    if is_iso(trimmed) {
        return Some(trimmed.to_owned());
    }
    let (y, mo, d, h, mi, s, ms) = utc_parts(instant.ms);
    Some(if instant.has_time {
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z")
    } else {
        format!("{y:04}-{mo:02}-{d:02}")
    })
}

/// A long, localised date; with the time of day (in UTC, marked " UTC") when the value has
/// one. `None` when the value is no date or the language is not usable.
pub fn format_date(value: &str, lang: &str) -> Option<String> {
    let instant = parse(value)?;
    let text = imp::format_instant(instant, lang)?;
    Some(if instant.has_time {
        text + ZONE_SUFFIX
    } else {
        text
    })
}
