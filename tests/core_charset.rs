//! The encoding of fetched texts (`core::charset`): the header first, then the XML
//! declaration, else UTF-8.

use byline::core::charset::declared_charset;

#[test]
fn the_content_type_charset_wins() {
    let xml = br#"<?xml version="1.0" encoding="ISO-8859-1"?><rss/>"#;
    assert_eq!(
        declared_charset("application/rss+xml; charset=windows-1252", xml).as_deref(),
        Some("windows-1252")
    );
    assert_eq!(
        declared_charset("text/xml;Charset=\"Shift_JIS\"", b"").as_deref(),
        Some("Shift_JIS")
    );
    assert_eq!(
        declared_charset("application/json; charset=utf-8", b"{}").as_deref(),
        Some("utf-8")
    );
}

#[test]
fn the_xml_declaration_speaks_when_the_header_does_not() {
    for (start, label) in [
        (
            &br#"<?xml version="1.0" encoding="ISO-8859-1"?><rss/>"#[..],
            "ISO-8859-1",
        ),
        (
            &b"<?xml version='1.0' encoding = 'koi8-r' ?>\n<rss/>"[..],
            "koi8-r",
        ),
        (
            &b"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>"[..],
            "UTF-8",
        ),
    ] {
        assert_eq!(
            declared_charset("application/rss+xml", start).as_deref(),
            Some(label)
        );
        assert_eq!(declared_charset("", start).as_deref(), Some(label));
    }
}

#[test]
fn otherwise_none_which_means_utf_8() {
    for start in [
        &b"<rss version=\"2.0\"/>"[..],
        &b"<?xml version=\"1.0\"?><rss/>"[..],
        &b"<?xml version=\"1.0\" encoding=\"\"?>"[..],
        &b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\""[..],
        &b"  <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"[..],
        &b"{\"items\":[]}"[..],
        &b""[..],
        &b"<?xml \xff\xfe encoding=\"x\"?>"[..],
    ] {
        assert_eq!(declared_charset("text/xml", start), None, "{start:?}");
    }
    assert_eq!(declared_charset("text/xml; charset=", b""), None);
    assert_eq!(declared_charset("text/xml; boundary=x", b""), None);
}
