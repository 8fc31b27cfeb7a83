//! The calendar check for ISO dates (`core::date`): the browser rolls impossible days over.

use byline::core::date::is_real_calendar_date;

#[test]
fn real_dates_pass() {
    for value in [
        "2024-02-29",
        "2000-02-29T12:00:00Z",
        "2023-01-31",
        "2023-04-30T09:00:00+02:00",
        "2023-12-31",
        " 2023-06-15 ",
    ] {
        assert!(is_real_calendar_date(value), "{value}");
    }
}

#[test]
fn impossible_days_and_months_fail() {
    for value in [
        "2023-02-29",
        "1900-02-29",
        "2024-02-30",
        "2024-04-31T09:00:00Z",
        "2024-06-31",
        "2024-13-01",
        "2024-00-10",
        "2024-01-00",
        "2024-01-32",
    ] {
        assert!(!is_real_calendar_date(value), "{value}");
    }
}

#[test]
fn other_formats_are_left_to_the_browser() {
    for value in [
        "Thu, 06 Nov 2025 08:15:00 GMT",
        "2024",
        "2024-03",
        "not a date",
        "",
        "20240-01-01",
        "2024/02/30",
    ] {
        assert!(is_real_calendar_date(value), "{value}");
    }
}
