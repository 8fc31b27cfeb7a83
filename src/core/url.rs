//! Resolving a reference against a base URL (RFC 3986, section 5), for feed links that are
//! relative to the feed. Only absolute `http(s)` results are kept by callers.

/// Splits `scheme://authority` from the rest of an absolute URL.
fn split_origin(base: &str) -> Option<(&str, &str)> {
    let scheme_end = base.find("://")?;
    let after = &base[scheme_end + 3..];
    let path_start = after
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| scheme_end + 3 + i);
    Some((&base[..path_start], &base[path_start..]))
}

/// Removes `.` and `..` segments from a path.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i == segments.len() - 1;
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

/// `reference` resolved against the absolute `base`; `None` when `base` is not absolute
/// and `reference` is relative.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let reference = reference.trim();
    if let Some(colon) = reference.find(':') {
        let scheme = &reference[..colon];
        if !scheme.is_empty()
            && scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        {
            return Some(reference.to_owned());
        }
    }
    let (origin, rest) = split_origin(base)?;
    if let Some(net) = reference.strip_prefix("//") {
        let scheme = &origin[..origin.find(':')?];
        return Some(format!("{scheme}://{net}"));
    }
    let base_path = rest.split(['?', '#']).next().unwrap_or("");
    let base_query = rest
        .split('#')
        .next()
        .unwrap_or("")
        .strip_prefix(base_path)
        .unwrap_or("");
    if reference.is_empty() {
        return Some(format!("{origin}{base_path}{base_query}"));
    }
    if reference.starts_with('#') {
        return Some(format!("{origin}{base_path}{base_query}{reference}"));
    }
    if reference.starts_with('?') {
        return Some(format!("{origin}{base_path}{reference}"));
    }
    let (ref_path, ref_tail) = match reference.find(['?', '#']) {
        Some(i) => (&reference[..i], &reference[i..]),
        None => (reference, ""),
    };
    let path = if ref_path.starts_with('/') {
        remove_dot_segments(ref_path)
    } else {
        let dir = match base_path.rfind('/') {
            Some(i) => &base_path[..=i],
            None => "/",
        };
        remove_dot_segments(&format!("{dir}{ref_path}"))
    };
    Some(format!("{origin}{path}{ref_tail}"))
}

/// A URL without its fragment, trailing slash, default port and `.`/`..` segments, in lower
/// case, for comparing links to the same page.
pub fn same_page_key(url: &str) -> String {
    let without_fragment = url
        .split('#')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let key = match split_origin(&without_fragment) {
        Some((origin, rest)) => {
            let origin = origin
                .strip_suffix(":80")
                .filter(|o| o.starts_with("http:"))
                .or_else(|| {
                    origin
                        .strip_suffix(":443")
                        .filter(|o| o.starts_with("https:"))
                })
                .unwrap_or(origin);
            let (path, query) = rest.split_at(rest.find('?').unwrap_or(rest.len()));
            let path = if path.is_empty() {
                String::new()
            } else {
                remove_dot_segments(path)
            };
            format!("{origin}{path}{query}")
        }
        None => without_fragment,
    };
    key.trim_end_matches('/').to_owned()
}
