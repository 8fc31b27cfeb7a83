//! Calendar checks the browser's `Date` parser does not make: it reads "2023-02-29" as
//! 1 March, so an impossible date would be shown as a real, different one.

/// False when `value` starts with an ISO 8601 date (`YYYY-MM-DD`) that is not on the
/// calendar (month 13, 31 April, 29 February outside a leap year); true otherwise,
/// including for values in other formats, which the browser judges alone.
pub fn is_real_calendar_date(value: &str) -> bool {
    let b = value.trim().as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return true;
    };
    if b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(u8::is_ascii_digit) {
        return true;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}
