//! Which character encoding a fetched text is in. Browsers' `Response.text()` always reads
//! UTF-8; feeds from older publishing systems are still ISO-8859-1, windows-1252 or Shift_JIS.

/// The encoding label for a response: the `charset` of its `Content-Type`, else the
/// `encoding` of an XML declaration at its start, else `None` (UTF-8). Labels are returned
/// as written (letters, digits, `-_.:` only), for the browser's `TextDecoder`, which knows
/// the real ones; an unknown label means UTF-8 there.
pub fn declared_charset(content_type: &str, start: &[u8]) -> Option<String> {
    header_charset(content_type).or_else(|| xml_declared_encoding(start))
}

fn header_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).trim().to_owned())
            .filter(|v| is_label(v))
    })
}

/// An encoding name as XML and the Encoding Standard write them (`ISO-8859-1`, `x-sjis`).
fn is_label(value: &str) -> bool {
    !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

/// `encoding="…"` in `<?xml … ?>` at the very start (after a UTF-8 byte-order mark).
fn xml_declared_encoding(start: &[u8]) -> Option<String> {
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    let declaration = start.strip_prefix(b"<?xml")?;
    let end = declaration.windows(2).position(|w| w == b"?>")?;
    let declaration = std::str::from_utf8(&declaration[..end]).ok()?;
    let after = &declaration[declaration.find("encoding")? + "encoding".len()..];
    let value = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let value = &value[1..];
    let label = value[..value.find(quote)?].trim();
    is_label(label).then(|| label.to_owned())
}
