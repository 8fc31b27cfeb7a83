//! Plain-text helpers shared by every parser: paragraph splitting, quotation detection,
//! URL safety, HTML entity decoding and tag stripping. No browser types here.

/// One block of an article body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// An ordinary paragraph.
    Paragraph(String),
    /// A paragraph that is wholly a quotation (rendered as `<blockquote>`).
    Quote(String),
}

impl Block {
    /// The block's text.
    pub fn text(&self) -> &str {
        match self {
            Block::Paragraph(t) | Block::Quote(t) => t,
        }
    }
}

/// Splits an article body into blocks: on blank lines, or on single newlines when the
/// body has no blank line. Lines inside a paragraph are joined with a space.
pub fn split_paragraphs(body: &str) -> Vec<Block> {
    let body = body.replace("\r\n", "\n").replace('\r', "\n");
    // A blank line counts only between two lines of text (one or several blank lines in a row).
    let lines: Vec<&str> = body.split('\n').collect();
    let is_text = |l: &&str| !l.trim().is_empty();
    let has_blank_line = match (
        lines.iter().position(is_text),
        lines.iter().rposition(is_text),
    ) {
        (Some(first), Some(last)) => lines[first..last].iter().any(|l| !is_text(l)),
        _ => false,
    };
    let mut blocks = Vec::new();
    let mut current = String::new();
    for line in body.split('\n') {
        let line = line.trim();
        if line.is_empty() || !has_blank_line {
            push_paragraph(&mut blocks, &mut current);
        }
        if !line.is_empty() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    push_paragraph(&mut blocks, &mut current);
    blocks
}

fn push_paragraph(blocks: &mut Vec<Block>, current: &mut String) {
    if current.is_empty() {
        return;
    }
    let text = std::mem::take(current);
    blocks.push(if is_quotation(&text) {
        Block::Quote(text)
    } else {
        Block::Paragraph(text)
    });
}

/// Opening quotation marks and the marks that close them.
const QUOTE_PAIRS: &[(char, &[char])] = &[
    ('“', &['”']),
    ('”', &['”']),
    ('„', &['“', '”']),
    ('"', &['"']),
    ('«', &['»']),
    ('»', &['«']),
    ('‘', &['’']),
    ('‚', &['‘', '’']),
    ('‹', &['›']),
    ('「', &['」']),
    ('『', &['』']),
];

/// True when the paragraph is wholly one quotation: it opens with a quotation mark whose
/// first closing mark is the paragraph's last character.
pub fn is_quotation(paragraph: &str) -> bool {
    let text = paragraph.trim();
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let Some((_, closers)) = QUOTE_PAIRS.iter().find(|(open, _)| *open == first) else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    if rest.len() < 2 {
        return false;
    }
    match rest.iter().position(|c| closers.contains(c)) {
        Some(i) => i == rest.len() - 1,
        None => false,
    }
}

/// Returns the URL cleaned as a browser would read it (surrounding whitespace and control
/// characters trimmed, tabs and newlines removed) when it is `http:`, `https:` or relative;
/// `None` for anything else (`javascript:`, `data:`, ...) and for empty input.
pub fn safe_url(raw: &str) -> Option<String> {
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() || cleaned.chars().any(|c| c.is_control()) {
        return None;
    }
    let scheme_end = cleaned.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if cleaned[i..].starts_with(':') => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            let is_scheme = scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            if !is_scheme {
                // Not a scheme (e.g. "a b:c"): browsers would treat it as a relative path only
                // if the part before ':' contains no scheme-invalid character; be strict.
                return None;
            }
            // "http://" alone (or with only a path, query or fragment) names no host.
            let host = cleaned[i + 1..].trim_start_matches(['/', '\\']);
            let has_host = host.chars().next().is_some_and(|c| !matches!(c, '?' | '#'));
            (matches!(scheme.as_str(), "http" | "https") && has_host).then_some(cleaned)
        }
        _ => Some(cleaned),
    }
}

/// Decodes HTML character references: the common named ones and all numeric ones.
/// Unknown references are left as they are.
pub fn decode_entities(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = if rest[1..].starts_with('#') {
            numeric_reference_end(rest)
        } else {
            rest[1..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(rest.len(), |i| i + 1)
        };
        let name = &rest[1..end];
        let decoded = decode_reference(name);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                if rest.starts_with(';') {
                    rest = &rest[1..];
                }
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// End (byte index) of a numeric reference at the start of `rest` ("&#123" or "&#x1F"): it
/// stops at the last digit, as browsers read it (the `;` is optional).
fn numeric_reference_end(rest: &str) -> usize {
    let hex = rest[2..].starts_with(['x', 'X']);
    let start = if hex { 3 } else { 2 };
    let digits = rest[start..]
        .find(|c: char| {
            !if hex {
                c.is_ascii_hexdigit()
            } else {
                c.is_ascii_digit()
            }
        })
        .unwrap_or(rest.len() - start);
    start + digits
}

fn decode_reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (num, 10),
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        // Too large for u32: not a character, like any value above U+10FFFF.
        let code = u32::from_str_radix(digits, radix).unwrap_or(u32::MAX);
        return Some(match char::from_u32(code) {
            Some(c) if code != 0 => c,
            _ => '\u{FFFD}',
        });
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        _ => return None,
    })
}

/// Reduces an HTML fragment to plain text: tags removed (block-level ones become blank-line
/// paragraph breaks), `<script>` and `<style>` contents dropped, entities decoded, runs of
/// spaces collapsed. The result is for rendering as text, never as HTML.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let starts_tag = rest[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        let gt = rest.find('>');
        let (true, Some(gt)) = (starts_tag, gt) else {
            // "a < b" or an unclosed tag: the '<' is text.
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let is_closing = rest[1..].starts_with('/');
        let tag_name: String = rest[1..gt]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &rest[gt + 1..];
        if matches!(tag_name.as_str(), "script" | "style") && !is_closing {
            rest = skip_past_closing_tag(rest, &tag_name);
            continue;
        }
        out.push_str(match tag_name.as_str() {
            "br" => "\n",
            "p" | "div" | "li" | "ul" | "ol" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5"
            | "h6" | "tr" | "table" | "section" | "article" | "pre" | "hr" => "\n\n",
            // Inline tags are removed without a trace ("<em>un</em>likely" is "unlikely").
            _ => "",
        });
    }
    out.push_str(rest);
    normalize_spaces(&decode_entities(&out))
}

/// Skips everything up to and including `</name ...>`; the whole rest when it never closes.
fn skip_past_closing_tag<'a>(rest: &'a str, name: &str) -> &'a str {
    let close = format!("</{name}");
    let lower = rest.to_ascii_lowercase();
    match lower.find(&close) {
        Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
        None => "",
    }
}

/// Collapses runs of spaces and tabs within lines and runs of blank lines to one, and trims.
fn normalize_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.split('\n') {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(&line);
    }
    out
}

/// Estimated reading time in whole minutes (at least 1) at 230 words a minute; each
/// CJK ideograph or kana counts as half a word.
pub fn reading_minutes<'a>(texts: impl IntoIterator<Item = &'a str>) -> u32 {
    let mut half_words: u64 = 0;
    for text in texts {
        for word in text.split_whitespace() {
            let cjk = word.chars().filter(|c| is_cjk(*c)).count() as u64;
            half_words += if cjk > 0 { cjk } else { 2 };
        }
    }
    let words = half_words / 2;
    (words.div_ceil(230)).clamp(1, u32::MAX as u64) as u32
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}
