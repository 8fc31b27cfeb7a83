//! The allowlists of CONTRACT 3b (article bodies) and 5b (replies): which elements are kept,
//! with which attributes, where; what becomes a link (embeds), text (smileys) or nothing.
//! Everything else is unwrapped: its content stays, the element does not. The kept elements
//! are one table (`body_tags`): each with its rule sets, its place and its attributes.

use super::body::{
    attribute_value, push_text, Context, Element, HtmlNode, Node, NodeView, Rules, Walk,
};
pub(crate) use super::body_tags::{is_dropped, Tag, LINK, PHRASING, TABLE_PART};
use super::body_tags::{
    tag_named, ARTICLE, BLANK_GOES, BLOCK, FIGCAPTION, FIGURE_TAG, IMG, REPLY, ROW, TABLE, TBODY,
};
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

/// Every attribute an element of a rebuilt body may carry, in the order they are written
/// (`class` holds Byline's mark).
pub fn attribute_names(element: &str) -> &'static [&'static str] {
    tag_named(element).map_or(&[], |t| t.attributes)
}

/// The allowlist's entry for an input element name, when the rules keep it.
fn allowed(rules: Rules, name: &str) -> Option<&'static Tag> {
    let (set, name) = match (rules, name) {
        (Rules::Article, "h1") => (ARTICLE, "h2"),
        (Rules::Article, _) => (ARTICLE, name),
        (Rules::Reply, "acronym") => (REPLY, "abbr"),
        (Rules::Reply, "strike") => (REPLY, "s"),
        (Rules::Reply, _) => (REPLY, name),
    };
    tag_named(name).filter(|t| t.flags & set != 0)
}

/// True when `tag` may stand in `place` (so that a browser parsing the markup again keeps
/// it there).
fn fits(tag: &Tag, place: Place) -> bool {
    if place.phrasing && tag.flags & BLOCK != 0 {
        false
    } else if tag.flags & LINK != 0 {
        !place.in_link
    } else if tag.needs != 0 {
        place.parent & tag.needs != 0
    } else {
        place.parent & TABLE_PART == 0
    }
}

fn has_class<N: HtmlNode>(node: &N, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
}

/// The HTML element children of `node` named `name`.
fn children_named<'a, N: HtmlNode + 'a>(node: &N, name: &'a str) -> impl Iterator<Item = N> + 'a {
    node.children()
        .into_iter()
        .filter(move |c| matches!(c.view(), NodeView::Element { name: n, html: true } if n == name))
}

/// A safe URL from an attribute of `node`.
fn safe_attribute<N: HtmlNode>(node: &N, name: &str) -> Option<String> {
    safe_url(&node.attribute(name)?)
}

/// Adds the rebuilt form of one input element `name` in `place` to `out`: kept, unwrapped,
/// turned into a link or text, or nothing.
pub(crate) fn element<N: HtmlNode>(
    walk: &mut Walk,
    node: &N,
    name: &str,
    place: Place,
    out: &mut Vec<Node>,
) {
    let article = walk.rules == Rules::Article;
    if article {
        match name {
            "iframe" => {
                if let Some(url) = safe_attribute(node, "src") {
                    embed(url, node.attribute("title"), Vec::new(), place, out);
                }
                return;
            }
            "video" | "audio" => {
                let source = children_named(node, "source").find_map(|c| safe_attribute(&c, "src"));
                match safe_attribute(node, "src").or(source) {
                    Some(url) => embed(url, node.attribute("title"), Vec::new(), place, out),
                    None => walk.children(node, place.unwrapped(), out),
                }
                return;
            }
            "picture" => {
                if let Some(image) = children_named(node, "img").next() {
                    self::image(&image, place, out);
                }
                return;
            }
            "img" => return image(node, place, out),
            "figure"
                if has_class(node, "wp-block-embed") && embed_figure(walk, node, place, out) =>
            {
                return;
            }
            _ => {}
        }
    } else if name == "img" {
        if let Some(alt) = node.attribute("alt") {
            if has_class(node, "wp-smiley") {
                push_text(out, &attribute_value(&alt));
            }
        }
        return;
    }
    let Some(tag) = allowed(walk.rules, name).filter(|t| fits(t, place)) else {
        return walk.children(node, place.unwrapped(), out);
    };
    if tag.flags & ROW != 0 && place.parent & TABLE != 0 {
        // A row straight in a table: a browser reading the markup puts it in a body.
        let row = walk.keep(node, tag, Vec::new(), place.inside(&TBODY));
        out.push(Node::Element(Element::new(
            "tbody",
            vec![Node::Element(row)],
        )));
        return;
    }
    let Some(attributes) = attributes(article, tag, node) else {
        return walk.children(node, place.unwrapped(), out);
    };
    let mut kept = walk.keep(node, tag, attributes, place);
    kept.mark = match tag.name {
        "figure" if has_class(node, "wp-block-pullquote") || has_class(node, PULLQUOTE) => {
            Some(PULLQUOTE)
        }
        "figure" if has_class(node, EMBED) => Some(EMBED),
        "a" if article && has_class(node, EMBED_LINK) => Some(EMBED_LINK),
        _ => None,
    };
    if tag.flags & BLANK_GOES != 0 && is_blank(&kept.children) {
        // Nothing to read: an empty paragraph, heading, link or figure goes.
        return;
    }
    if tag.name == "pre" {
        // A browser drops a line feed right after `<pre>` when it reads the markup, so a `pre`
        // whose text starts with line feeds would read back with one fewer: none are kept.
        if let Some(Node::Text(first)) = kept.children.first_mut() {
            let kept_from = first.len() - first.trim_start_matches('\n').len();
            first.drain(..kept_from);
            if first.is_empty() {
                kept.children.remove(0);
            }
        }
    }
    out.push(Node::Element(kept));
}

/// Only spaces and line breaks.
fn is_blank(children: &[Node]) -> bool {
    children.iter().all(|c| match c {
        Node::Text(t) => t.trim().is_empty(),
        Node::Element(e) => e.name == "br",
    })
}

/// The kept attributes of an allowed element, in the table's order; `None` when the element
/// itself must go (a link or an image without a usable address).
fn attributes<N: HtmlNode>(
    article: bool,
    tag: &Tag,
    node: &N,
) -> Option<Vec<(&'static str, String)>> {
    let mut kept = Vec::new();
    for &name in tag.attributes {
        let raw = || node.attribute(name);
        let value = match name {
            "href" => Some(link_url(&raw()?, article)?),
            "src" => Some(safe_url(&raw()?)?),
            "alt" => Some(raw().map(|v| attribute_value(&v)).unwrap_or_default()),
            "width" | "height" => raw()
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty() && v.len() <= 5 && all_digits(v)),
            "srcset" => raw().and_then(|v| safe_srcset(&v)),
            "sizes" if kept.last().is_some_and(|(n, _)| *n == "srcset") => {
                raw().map(|v| attribute_value(v.trim()))
            }
            "loading" => Some("lazy".to_owned()),
            "decoding" => Some("async".to_owned()),
            "rel" => (!article).then(|| REPLY_REL.to_owned()),
            "title" if article || tag.name != "a" => raw().map(|v| attribute_value(&v)),
            "datetime" => raw().map(|v| attribute_value(&v)),
            "cite" => raw().and_then(|v| safe_url(&v)),
            "start" if article => number(raw(), -1_000_000_000, 1_000_000_000),
            "reversed" if article => raw().map(|_| String::new()),
            "scope" => raw()
                .map(|s| s.trim().to_ascii_lowercase())
                .filter(|s| matches!(s.as_str(), "row" | "col" | "rowgroup" | "colgroup")),
            "colspan" => number(raw(), 1, 1000),
            "rowspan" => number(raw(), 0, 65534),
            _ => None,
        };
        if let Some(value) = value {
            kept.push((name, value));
        }
    }
    Some(kept)
}

/// A whole number of at most nine digits in `min..=max`, written plainly (no sign but a
/// minus, no leading zeros).
fn number(raw: Option<String>, min: i64, max: i64) -> Option<String> {
    let raw = raw?;
    let text = raw.trim();
    let n = whole_number(text)?;
    if !(min..=max).contains(&n) {
        return None;
    }
    let digits = text.trim_start_matches(['-', '+']).trim_start_matches('0');
    Some(match n {
        0 => "0".to_owned(),
        1.. => digits.to_owned(),
        _ => ["-", digits].concat(),
    })
}

/// A whole number of at most nine digits, with an optional minus sign (read by hand: the
/// standard parser costs the bundle more).
fn whole_number(text: &str) -> Option<i64> {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || digits.len() > 9 || !all_digits(digits) {
        return None;
    }
    Some(
        sign * digits
            .bytes()
            .fold(0i64, |n, b| n * 10 + i64::from(b - b'0')),
    )
}

fn all_digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

/// A link's address: a safe URL, or (in an article) also `mailto:` and `tel:`, in a reply
/// only absolute `http(s)` and `mailto:`.
fn link_url(raw: &str, article: bool) -> Option<String> {
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let other_scheme = starts_with_ignoring_case(&cleaned, "mailto:")
        || (article && starts_with_ignoring_case(&cleaned, "tel:"));
    if other_scheme {
        let rest = &cleaned[cleaned.find(':')? + 1..];
        return (!rest.is_empty() && !cleaned.chars().any(char::is_control)).then_some(cleaned);
    }
    let url = safe_url(&cleaned)?;
    (article || is_http(&cleaned)).then_some(url)
}

/// Starts with `http://` or `https://`, in any case.
fn is_http(text: &str) -> bool {
    starts_with_ignoring_case(text, "http://") || starts_with_ignoring_case(text, "https://")
}

/// Starts with the ASCII `prefix`, in any case.
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// An image: its safe source, `alt` (empty when missing), the size it reserves, and
/// `srcset`/`sizes` when every candidate is safe; always lazy and asynchronous. Without a
/// usable source, its `alt` text stays. Nothing of it stands between table rows.
fn image<N: HtmlNode>(node: &N, place: Place, out: &mut Vec<Node>) {
    if place.parent & TABLE_PART != 0 {
        return;
    }
    match attributes(true, &IMG, node) {
        Some(attributes) => out.push(Node::Element(Element {
            name: IMG.name,
            attributes,
            mark: None,
            children: Vec::new(),
        })),
        None => {
            if let Some(alt) = node.attribute("alt").filter(|a| !a.trim().is_empty()) {
                push_text(out, &attribute_value(&alt));
            }
        }
    }
}

/// A `srcset` rebuilt from its candidates when every URL is safe and every descriptor is a
/// width (`640w`) or a density (`2x`); `None` otherwise.
pub fn safe_srcset(value: &str) -> Option<String> {
    let mut kept = String::new();
    let mut any = false;
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
                .is_some_and(|n| !n.is_empty() && all_digits(n))
            || descriptor.strip_suffix('x').is_some_and(is_density);
        let url = safe_url(url)?;
        if !valid_descriptor {
            return None;
        }
        if any {
            kept.push_str(", ");
        }
        any = true;
        kept.push_str(&url);
        if !descriptor.is_empty() {
            kept.push(' ');
            kept.push_str(descriptor);
        }
    }
    any.then_some(kept)
}

/// A pixel density such as `2` or `1.5`: digits with at most one point, not zero (checked by
/// hand: float parsing would cost the bundle several kilobytes).
fn is_density(n: &str) -> bool {
    let (whole, fraction) = n.split_once('.').unwrap_or((n, ""));
    n != "."
        && all_digits(whole)
        && all_digits(fraction)
        && n.bytes().any(|b| (b'1'..=b'9').contains(&b))
}

/// The host of an absolute URL, in lower case.
pub fn host_of(url: &str) -> Option<String> {
    let after = &url[url.find("://")? + 3..];
    let authority = &after[..after
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(after.len())];
    let host = &authority[authority
        .bytes()
        .rposition(|b| b == b'@')
        .map_or(0, |i| i + 1)..];
    let host = match host.bytes().rposition(|b| b == b':') {
        Some(i) if !host.ends_with(']') => &host[..i],
        _ => host,
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// An embed as a link to the embedded page, named by its title or the link's host: in a
/// figure (with its caption) where blocks may stand, the bare link inline, its name alone
/// inside another link.
fn embed(
    url: String,
    title: Option<String>,
    caption: Vec<Node>,
    place: Place,
    out: &mut Vec<Node>,
) {
    let name = title
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .or_else(|| host_of(&url))
        .unwrap_or_else(|| url.clone());
    if place.in_link {
        return push_text(out, &name);
    }
    let link = Node::Element(Element {
        name: "a",
        attributes: vec![("href", url)],
        mark: Some(EMBED_LINK),
        children: vec![Node::Text(name)],
    });
    if place.phrasing || place.parent & TABLE_PART != 0 {
        return out.push(link);
    }
    let mut children = vec![link];
    if !is_blank(&caption) {
        children.push(Node::Element(Element::new("figcaption", caption)));
    }
    out.push(Node::Element(Element {
        name: "figure",
        attributes: Vec::new(),
        mark: Some(EMBED),
        children,
    }));
}

/// WordPress's embed figure: the URL its wrapper holds (as text, or an `iframe`'s source, or
/// the last link in it, as the X/Twitter embed has it) and the figure's caption. False when
/// it holds no usable URL (it is then read as an ordinary figure).
fn embed_figure<N: HtmlNode>(walk: &mut Walk, node: &N, place: Place, out: &mut Vec<Node>) -> bool {
    let mut wrapper_text = None;
    let mut frame: Option<(String, Option<String>)> = None;
    let mut last_link = None;
    let mut caption = None;
    let mut stack = Vec::new();
    descend(&mut stack, node);
    while let Some(next) = stack.pop() {
        let NodeView::Element { name, html: true } = next.view() else {
            continue;
        };
        if name == "figcaption" && caption.is_none() {
            caption = Some(next);
            continue;
        }
        if wrapper_text.is_none() && has_class(&next, "wp-block-embed__wrapper") {
            let text = walk.text_of(&next);
            let text = text.trim();
            if is_http(text) && !text.contains(char::is_whitespace) {
                wrapper_text = safe_url(text);
            }
        }
        match name.as_str() {
            "iframe" if frame.is_none() => {
                frame = safe_attribute(&next, "src").map(|u| (u, next.attribute("title")));
            }
            "a" => {
                if let Some(href) = next.attribute("href").and_then(|h| link_url(&h, false)) {
                    last_link = Some(href);
                }
            }
            _ => {}
        }
        if !is_dropped(&name) {
            descend(&mut stack, &next);
        }
    }
    let (url, title) = match (wrapper_text, frame, last_link) {
        (Some(url), frame, _) => (url, frame.and_then(|(_, t)| t)),
        (None, Some((url, title)), _) => (url, title),
        (None, None, Some(url)) => (url, None),
        (None, None, None) => return false,
    };
    let mut inside = Vec::new();
    if let Some(caption) = caption {
        walk.children(
            &caption,
            place.inside(&FIGURE_TAG).inside(&FIGCAPTION),
            &mut inside,
        );
    }
    embed(url, title, inside, place, out);
    true
}

/// Puts the children of `node` on a depth-first `stack`, the first on top.
pub(crate) fn descend<N: HtmlNode>(stack: &mut Vec<N>, node: &N) {
    let mut children = node.children();
    children.reverse();
    stack.append(&mut children);
}
