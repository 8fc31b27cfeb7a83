//! The element table of the body allowlists (CONTRACT 3b and 5b): every element a rebuilt
//! body may hold, with the rule sets that keep it, where it may stand and the attributes it
//! may carry; and the elements dropped with their content. `body_rules` reads it.

/// Elements dropped with everything inside them (both rule sets).
pub(crate) const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "object", "embed", "applet", "form", "input",
    "button", "select", "option", "optgroup", "textarea", "datalist", "fieldset", "legend",
    "output", "meter", "progress", "canvas", "title", "head", "meta", "link", "base", "noembed",
    "noframes", "frame", "frameset", "param", "source", "track", "svg", "math",
];

/// Kept in an article body.
pub(crate) const ARTICLE: u16 = 1;
/// Kept in a reply.
pub(crate) const REPLY: u16 = 1 << 1;
/// Block-level: never kept inside a paragraph, heading or inline element.
pub(crate) const BLOCK: u16 = 1 << 2;
/// Inside it only inline content is kept.
pub(crate) const PHRASING: u16 = 1 << 3;
/// A table part between whose children no text stands (`table`, `thead`, `tbody`, `tfoot`,
/// `tr`).
pub(crate) const TABLE_PART: u16 = 1 << 4;
/// A list (`ul`, `ol`): holds `li`.
pub(crate) const LIST: u16 = 1 << 5;
/// A description list: holds `dt`, `dd`.
pub(crate) const DL: u16 = 1 << 6;
/// A table: holds `caption`, `thead`, `tbody`, `tfoot`.
pub(crate) const TABLE: u16 = 1 << 7;
/// Holds rows (`table`, `thead`, `tbody`, `tfoot`).
pub(crate) const ROWS: u16 = 1 << 8;
/// A row: holds `th`, `td`.
pub(crate) const ROW: u16 = 1 << 9;
/// A figure: holds `figcaption`.
pub(crate) const FIGURE: u16 = 1 << 10;
/// A link: never inside another link.
pub(crate) const LINK: u16 = 1 << 11;
/// Dropped when nothing but spaces and line breaks is in it.
pub(crate) const BLANK_GOES: u16 = 1 << 12;

/// A kept element: its name, its flags, the flag its parent must have (0: any parent but a
/// [`TABLE_PART`]), and every attribute it may carry, in the order they are written (`class`
/// holds Byline's mark).
pub(crate) struct Tag {
    pub name: &'static str,
    pub flags: u16,
    pub needs: u16,
    pub attributes: &'static [&'static str],
}

const fn tag(name: &'static str, flags: u16) -> Tag {
    Tag {
        name,
        flags,
        needs: 0,
        attributes: &[],
    }
}

const fn child(name: &'static str, flags: u16, needs: u16) -> Tag {
    Tag {
        name,
        flags,
        needs,
        attributes: &[],
    }
}

const fn with(name: &'static str, flags: u16, attributes: &'static [&'static str]) -> Tag {
    Tag {
        name,
        flags,
        needs: 0,
        attributes,
    }
}

pub(crate) const AR: u16 = ARTICLE | REPLY;
pub(crate) const INLINE: u16 = ARTICLE | PHRASING;
pub(crate) const HEADING: u16 = ARTICLE | BLOCK | PHRASING | BLANK_GOES;
pub(crate) const TABLE_BLOCK: u16 = ARTICLE | BLOCK | TABLE_PART | ROWS;
pub(crate) const CELL: &[&str] = &["colspan", "rowspan"];

pub(crate) const FIGURE_TAG: Tag =
    with("figure", ARTICLE | BLOCK | FIGURE | BLANK_GOES, &["class"]);
pub(crate) const FIGCAPTION: Tag = child("figcaption", ARTICLE | BLOCK, FIGURE);
pub(crate) const TBODY: Tag = child("tbody", TABLE_BLOCK, TABLE);
pub(crate) const IMG: Tag = with(
    "img",
    INLINE,
    &[
        "src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding",
    ],
);

/// Every element a rebuilt body may hold (after `h1` -> `h2`, `picture` -> its `img`,
/// `acronym` -> `abbr`, `strike` -> `s`).
pub(crate) const TAGS: &[Tag] = &[
    tag("p", AR | BLOCK | PHRASING | BLANK_GOES),
    tag("h2", HEADING),
    tag("h3", HEADING),
    tag("h4", HEADING),
    tag("h5", HEADING),
    tag("h6", HEADING),
    tag("ul", AR | BLOCK | LIST),
    with("ol", AR | BLOCK | LIST, &["start", "reversed"]),
    child("li", AR | BLOCK, LIST),
    tag("dl", ARTICLE | BLOCK | DL),
    child("dt", ARTICLE | BLOCK, DL),
    child("dd", ARTICLE | BLOCK, DL),
    tag("pre", AR | BLOCK | PHRASING),
    tag("hr", ARTICLE | BLOCK),
    tag("br", AR | PHRASING),
    with(
        "a",
        AR | PHRASING | LINK | BLANK_GOES,
        &["href", "title", "rel", "class"],
    ),
    tag("em", AR | PHRASING),
    tag("strong", AR | PHRASING),
    tag("b", AR | PHRASING),
    tag("i", AR | PHRASING),
    tag("u", INLINE),
    tag("s", AR | PHRASING),
    tag("mark", INLINE),
    tag("sub", INLINE),
    tag("sup", INLINE),
    tag("small", INLINE),
    tag("cite", AR | PHRASING),
    tag("code", AR | PHRASING),
    tag("kbd", INLINE),
    with("abbr", AR | PHRASING, &["title"]),
    with("q", AR | PHRASING, &["cite"]),
    with("del", AR | PHRASING, &["datetime"]),
    with("ins", INLINE, &["datetime"]),
    with("time", INLINE, &["datetime"]),
    with("blockquote", AR | BLOCK, &["cite"]),
    FIGURE_TAG,
    FIGCAPTION,
    IMG,
    tag("table", TABLE_BLOCK | TABLE),
    child("caption", ARTICLE | BLOCK, TABLE),
    child("thead", TABLE_BLOCK, TABLE),
    TBODY,
    child("tfoot", TABLE_BLOCK, TABLE),
    child("tr", ARTICLE | BLOCK | TABLE_PART | ROW, ROWS),
    Tag {
        name: "th",
        flags: ARTICLE | BLOCK,
        needs: ROW,
        attributes: &["scope", "colspan", "rowspan"],
    },
    Tag {
        name: "td",
        flags: ARTICLE | BLOCK,
        needs: ROW,
        attributes: CELL,
    },
];

/// The table's entry for `name`.
pub(crate) fn tag_named(name: &str) -> Option<&'static Tag> {
    TAGS.iter().find(|t| t.name == name)
}

/// Dropped with everything inside it.
pub(crate) fn is_dropped(name: &str) -> bool {
    DROPPED.contains(&name)
}
