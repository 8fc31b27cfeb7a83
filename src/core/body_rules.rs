//! The allowlists of CONTRACT 3b (article bodies) and 5b (replies): which elements are kept,
//! with which attributes, where; what becomes a link (embeds), text (smileys) or nothing.
//! Everything else is unwrapped: its content stays, the element does not.

use super::body::{attribute_value, Context, Element, HtmlNode, Node, NodeView, Rules, Walk};
use super::text::safe_url;

/// Byline's class for a WordPress pullquote.
pub const PULLQUOTE: &str = "byline-pullquote";
/// Byline's class for an embed turned into a link (the figure holding the link).
pub const EMBED: &str = "byline-embed";
/// Byline's class for the link an embed became.
pub const EMBED_LINK: &str = "byline-embed-link";
/// The `rel` of every link in a reply.
pub const REPLY_REL: &str = "nofollow ugc noopener";

/// Where an element may stand, for [`Context`].
pub(crate) type Place = Context;

/// Elements dropped with everything inside them (both rule sets).
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "object", "embed", "applet", "form", "input",
    "button", "select", "option", "optgroup", "textarea", "datalist", "fieldset", "legend",
    "output", "meter", "progress", "canvas", "title", "head", "meta", "link", "base", "noembed",
    "noframes", "frame", "frameset", "param", "source", "track", "svg", "math",
];

/// Elements the article body keeps (after `h1` -> `h2`, `picture` -> its `img`).
const ARTICLE_TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "pre",
    "hr",
    "br",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "mark",
    "sub",
    "sup",
    "small",
    "cite",
    "code",
    "kbd",
    "abbr",
    "q",
    "del",
    "ins",
    "time",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
];

/// Elements a reply keeps (after `acronym` -> `abbr`, `strike` -> `s`).
const REPLY_TAGS: &[&str] = &[
    "p",
    "br",
    "a",
    "abbr",
    "b",
    "blockquote",
    "cite",
    "code",
    "del",
    "em",
    "i",
    "q",
    "s",
    "strong",
    "ul",
    "ol",
    "li",
    "pre",
];

/// Block-level elements: never kept inside a paragraph, heading or inline element.
const BLOCKS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "pre",
    "hr",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
];

/// Every attribute an element of a rebuilt body may carry, in the order they are written
/// (`class` holds Byline's mark).
pub fn attribute_names(element: &str) -> &'static [&'static str] {
    match element {
        "a" => &["href", "title", "rel", "class"],
        "img" => &[
            "src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding",
        ],
        "ol" => &["start", "reversed"],
        "abbr" => &["title"],
        "q" | "blockquote" => &["cite"],
        "del" | "ins" | "time" => &["datetime"],
        "th" => &["scope", "colspan", "rowspan"],
        "td" => &["colspan", "rowspan"],
        "figure" => &["class"],
        _ => &[],
    }
}

pub(crate) fn is_dropped(name: &str) -> bool {
    DROPPED.contains(&name)
}

/// Inside these only inline content is kept.
pub(crate) fn makes_phrasing(name: &str) -> bool {
    !BLOCKS.contains(&name) || matches!(name, "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre")
}

/// Table parts between which no text stands.
pub(crate) fn is_table_structure(name: &str) -> bool {
    matches!(name, "table" | "thead" | "tbody" | "tfoot" | "tr")
}

/// The allowlist's own name for an input element name, when the rules keep it.
fn allowed(rules: Rules, name: &str) -> Option<&'static str> {
    let (list, renamed): (&[&'static str], Option<&'static str>) = match rules {
        Rules::Article => (ARTICLE_TAGS, (name == "h1").then_some("h2")),
        Rules::Reply => (
            REPLY_TAGS,
            match name {
                "acronym" => Some("abbr"),
                "strike" => Some("s"),
                _ => None,
            },
        ),
    };
    renamed.or_else(|| list.iter().copied().find(|t| *t == name))
}

/// True when `name` may stand in `place` (so that a browser parsing the markup again keeps
/// it there).
fn fits(name: &str, place: Place) -> bool {
    if place.phrasing && BLOCKS.contains(&name) {
        return false;
    }
    let parent = place.parent.unwrap_or("");
    match name {
        "li" => matches!(parent, "ul" | "ol"),
        "dt" | "dd" => parent == "dl",
        "caption" | "thead" | "tbody" | "tfoot" => parent == "table",
        "tr" => matches!(parent, "table" | "thead" | "tbody" | "tfoot"),
        "td" | "th" => parent == "tr",
        "figcaption" => parent == "figure",
        "a" => !place.in_link,
        _ => !is_table_structure(parent),
    }
}

fn has_class<N: HtmlNode>(node: &N, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
}

/// The rebuilt form of one input element `name` in `place`: kept, unwrapped, turned into a
/// link or text, or nothing.
pub(crate) fn element<N: HtmlNode>(
    walk: &mut Walk,
    node: &N,
    name: &str,
    place: Place,
) -> Vec<Node> {
    if walk.rules == Rules::Article {
        match name {
            "iframe" => {
                let url = node.attribute("src").and_then(|s| safe_url(&s));
                return url
                    .map(|u| embed(&u, node.attribute("title"), Vec::new(), place))
                    .unwrap_or_default();
            }
            "video" | "audio" => {
                let source = node.children().into_iter().find_map(|c| match c.view() {
                    NodeView::Element { name, .. } if name == "source" => {
                        c.attribute("src").and_then(|s| safe_url(&s))
                    }
                    _ => None,
                });
                return match node.attribute("src").and_then(|s| safe_url(&s)).or(source) {
                    Some(url) => embed(&url, node.attribute("title"), Vec::new(), place),
                    None => walk.children(node, place.unwrapped()),
                };
            }
            "picture" => {
                let image = node.children().into_iter().find(
                    |c| matches!(c.view(), NodeView::Element { name, html: true } if name == "img"),
                );
                return image.map(|i| self::image(&i, place)).unwrap_or_default();
            }
            "img" => return image(node, place),
            "figure" if has_class(node, "wp-block-embed") => {
                if let Some(nodes) = embed_figure(walk, node, place) {
                    return nodes;
                }
            }
            _ => {}
        }
    } else if name == "img" {
        return match node.attribute("alt") {
            Some(alt) if has_class(node, "wp-smiley") => vec![Node::Text(attribute_value(&alt))],
            _ => Vec::new(),
        };
    }
    let Some(tag) = allowed(walk.rules, name).filter(|t| fits(t, place)) else {
        return walk.children(node, place.unwrapped());
    };
    if tag == "tr" && place.parent == Some("table") {
        // A row straight in a table: a browser reading the markup puts it in a body.
        let row = walk.keep(node, "tr", Vec::new(), place.inside("tbody"));
        return vec![Node::Element(Element::new(
            "tbody",
            vec![Node::Element(row)],
        ))];
    }
    let Some(attributes) = attributes(walk.rules, tag, node) else {
        return walk.children(node, place.unwrapped());
    };
    let mut kept = walk.keep(node, tag, attributes, place);
    kept.mark = match tag {
        "figure" if has_class(node, "wp-block-pullquote") || has_class(node, PULLQUOTE) => {
            Some(PULLQUOTE)
        }
        "figure" if has_class(node, EMBED) => Some(EMBED),
        "a" if walk.rules == Rules::Article && has_class(node, EMBED_LINK) => Some(EMBED_LINK),
        _ => None,
    };
    match tag {
        // Nothing to read: an empty paragraph, heading, link or figure goes.
        "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "a" | "figure" if is_blank(&kept.children) => {
            Vec::new()
        }
        "pre" => {
            // A browser drops a line feed right after `<pre>` when it reads the markup.
            if let Some(Node::Text(first)) = kept.children.first_mut() {
                if first.starts_with('\n') {
                    first.remove(0);
                }
                if first.is_empty() {
                    kept.children.remove(0);
                }
            }
            vec![Node::Element(kept)]
        }
        _ => vec![Node::Element(kept)],
    }
}

/// Only spaces and line breaks.
fn is_blank(children: &[Node]) -> bool {
    children.iter().all(|c| match c {
        Node::Text(t) => t.trim().is_empty(),
        Node::Element(e) => e.name == "br",
    })
}

/// The kept attributes of an allowed element; `None` when the element itself must go (a
/// link without a usable address).
fn attributes<N: HtmlNode>(
    rules: Rules,
    tag: &'static str,
    node: &N,
) -> Option<Vec<(&'static str, String)>> {
    let text = |name: &'static str| node.attribute(name).map(|v| (name, attribute_value(&v)));
    let url = |name: &'static str| {
        node.attribute(name)
            .and_then(|v| safe_url(&v).map(|u| (name, u)))
    };
    let number = |name: &'static str, range: std::ops::RangeInclusive<i64>| {
        let n = whole_number(node.attribute(name)?.trim())?;
        range.contains(&n).then(|| (name, n.to_string()))
    };
    let kept: Vec<Option<(&'static str, String)>> = match (rules, tag) {
        (Rules::Article, "a") => {
            let href = node.attribute("href").and_then(|h| link_url(&h, true))?;
            vec![Some(("href", href)), text("title")]
        }
        (Rules::Reply, "a") => {
            let href = node.attribute("href").and_then(|h| link_url(&h, false))?;
            vec![Some(("href", href)), Some(("rel", REPLY_REL.to_owned()))]
        }
        (Rules::Article, "ol") => vec![
            number("start", -1_000_000_000..=1_000_000_000),
            node.attribute("reversed")
                .map(|_| ("reversed", String::new())),
        ],
        (_, "abbr") => vec![text("title")],
        (_, "q" | "blockquote") => vec![url("cite")],
        (_, "del") | (Rules::Article, "ins" | "time") => vec![text("datetime")],
        (Rules::Article, "th") => vec![
            node.attribute("scope")
                .map(|s| s.trim().to_ascii_lowercase())
                .filter(|s| matches!(s.as_str(), "row" | "col" | "rowgroup" | "colgroup"))
                .map(|s| ("scope", s)),
            number("colspan", 1..=1000),
            number("rowspan", 0..=65534),
        ],
        (Rules::Article, "td") => vec![number("colspan", 1..=1000), number("rowspan", 0..=65534)],
        _ => Vec::new(),
    };
    Some(kept.into_iter().flatten().collect())
}

/// A whole number of at most nine digits, with an optional minus sign (read by hand: the
/// standard parser costs the bundle more).
fn whole_number(text: &str) -> Option<i64> {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        sign * digits
            .bytes()
            .fold(0i64, |n, b| n * 10 + i64::from(b - b'0')),
    )
}

/// A link's address: a safe URL, or (in an article) also `mailto:` and `tel:`, in a reply
/// only absolute `http(s)` and `mailto:`.
fn link_url(raw: &str, article: bool) -> Option<String> {
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    let other_scheme = lower.starts_with("mailto:") || (article && lower.starts_with("tel:"));
    if other_scheme {
        let rest = &cleaned[cleaned.find(':')? + 1..];
        return (!rest.is_empty() && !cleaned.chars().any(char::is_control)).then_some(cleaned);
    }
    let url = safe_url(&cleaned)?;
    let absolute = lower.starts_with("http://") || lower.starts_with("https://");
    (article || absolute).then_some(url)
}

/// An image: its safe source, `alt` (empty when missing), the size it reserves, and
/// `srcset`/`sizes` when every candidate is safe; always lazy and asynchronous. Without a
/// usable source, its `alt` text stays.
fn image<N: HtmlNode>(node: &N, place: Place) -> Vec<Node> {
    let alt = node
        .attribute("alt")
        .map(|a| attribute_value(&a))
        .unwrap_or_default();
    let Some(src) = node.attribute("src").and_then(|s| safe_url(&s)) else {
        return if alt.trim().is_empty() || place.parent.is_some_and(is_table_structure) {
            Vec::new()
        } else {
            vec![Node::Text(alt)]
        };
    };
    let size = |name: &'static str| {
        let v = node.attribute(name)?;
        let v = v.trim();
        (!v.is_empty() && v.len() <= 5 && v.bytes().all(|b| b.is_ascii_digit()))
            .then(|| (name, v.to_owned()))
    };
    let srcset = node.attribute("srcset").and_then(|s| safe_srcset(&s));
    let mut attributes = vec![("src", src), ("alt", alt)];
    attributes.extend(size("width"));
    attributes.extend(size("height"));
    if let Some(srcset) = srcset {
        attributes.push(("srcset", srcset));
        attributes.extend(
            node.attribute("sizes")
                .map(|s| ("sizes", attribute_value(s.trim()))),
        );
    }
    attributes.push(("loading", "lazy".to_owned()));
    attributes.push(("decoding", "async".to_owned()));
    if place.parent.is_some_and(is_table_structure) {
        return Vec::new();
    }
    vec![Node::Element(Element {
        name: "img",
        attributes,
        mark: None,
        children: Vec::new(),
    })]
}

/// A `srcset` rebuilt from its candidates when every URL is safe and every descriptor is a
/// width (`640w`) or a density (`2x`); `None` otherwise.
pub fn safe_srcset(value: &str) -> Option<String> {
    let mut candidates = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let (mut url, after) = rest.split_at(end);
        let mut descriptor = "";
        rest = after;
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            descriptor = rest[..end].trim();
            rest = &rest[end..];
        }
        let valid_descriptor = descriptor.is_empty()
            || descriptor
                .strip_suffix('w')
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            || descriptor.strip_suffix('x').is_some_and(is_density);
        let url = safe_url(url)?;
        if !valid_descriptor {
            return None;
        }
        candidates.push(if descriptor.is_empty() {
            url
        } else {
            format!("{url} {descriptor}")
        });
    }
    (!candidates.is_empty()).then(|| candidates.join(", "))
}

/// A pixel density such as `2` or `1.5`: digits with at most one point, not zero (checked by
/// hand: float parsing would cost the bundle several kilobytes).
fn is_density(n: &str) -> bool {
    let (whole, fraction) = n.split_once('.').unwrap_or((n, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    n != "." && digits(whole) && digits(fraction) && n.bytes().any(|b| (b'1'..=b'9').contains(&b))
}

/// The host of an absolute URL, in lower case.
pub fn host_of(url: &str) -> Option<String> {
    let after = &url[url.find("://")? + 3..];
    let authority = after.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = match host.rfind(':') {
        Some(i) if !host.ends_with(']') => &host[..i],
        _ => host,
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// An embed as a link to the embedded page, named by its title or the link's host: in a
/// figure (with its caption) where blocks may stand, the bare link inline, its name alone
/// inside another link.
fn embed(url: &str, title: Option<String>, caption: Vec<Node>, place: Place) -> Vec<Node> {
    let name = title
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .or_else(|| host_of(url))
        .unwrap_or_else(|| url.to_owned());
    if place.in_link {
        return vec![Node::Text(name)];
    }
    let link = Element {
        name: "a",
        attributes: vec![("href", url.to_owned())],
        mark: Some(EMBED_LINK),
        children: vec![Node::Text(name)],
    };
    if place.phrasing || place.parent.is_some_and(is_table_structure) {
        return vec![Node::Element(link)];
    }
    let mut children = vec![Node::Element(link)];
    if !is_blank(&caption) {
        children.push(Node::Element(Element::new("figcaption", caption)));
    }
    vec![Node::Element(Element {
        name: "figure",
        attributes: Vec::new(),
        mark: Some(EMBED),
        children,
    })]
}

/// WordPress's embed figure: the URL its wrapper holds (as text, or an `iframe`'s source, or
/// the last link in it, as the X/Twitter embed has it) and the figure's caption. `None` when
/// it holds no usable URL (it is then read as an ordinary figure).
fn embed_figure<N: HtmlNode>(walk: &mut Walk, node: &N, place: Place) -> Option<Vec<Node>> {
    let mut wrapper_text = None;
    let mut frame: Option<(String, Option<String>)> = None;
    let mut last_link = None;
    let mut caption = None;
    let mut stack: Vec<(N, bool)> = node
        .children()
        .into_iter()
        .rev()
        .map(|c| (c, false))
        .collect();
    while let Some((next, in_caption)) = stack.pop() {
        let NodeView::Element { name, html: true } = next.view() else {
            continue;
        };
        if name == "figcaption" && caption.is_none() && !in_caption {
            caption = Some(next);
            continue;
        }
        if has_class(&next, "wp-block-embed__wrapper") && wrapper_text.is_none() {
            let text = walk.text_of(&next);
            let text = text.trim();
            let lower = text.to_ascii_lowercase();
            if (lower.starts_with("http://") || lower.starts_with("https://"))
                && !text.contains(char::is_whitespace)
            {
                wrapper_text = safe_url(text);
            }
        }
        match name.as_str() {
            "iframe" if frame.is_none() => {
                frame = next
                    .attribute("src")
                    .and_then(|s| safe_url(&s))
                    .map(|u| (u, next.attribute("title")));
            }
            "a" => {
                if let Some(href) = next.attribute("href").and_then(|h| link_url(&h, false)) {
                    last_link = Some(href);
                }
            }
            _ => {}
        }
        if !is_dropped(&name) {
            stack.extend(next.children().into_iter().rev().map(|c| (c, in_caption)));
        }
    }
    let (url, title) = match (wrapper_text, frame, last_link) {
        (Some(url), frame, _) => (url, frame.and_then(|(_, t)| t)),
        (None, Some((url, title)), _) => (url, title),
        (None, None, Some(url)) => (url, None),
        (None, None, None) => return None,
    };
    let inside = place.inside("figure").inside("figcaption");
    let caption = caption
        .map(|c| walk.children(&c, inside))
        .unwrap_or_default();
    Some(embed(&url, title, caption, place))
}
