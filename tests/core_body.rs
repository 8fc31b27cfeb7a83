#![cfg(not(target_arch = "wasm32"))]
//! The allowlists of CONTRACT 3b (article bodies) and 5b (replies), row by row, through the
//! native HTML5 parser (`prerender::html`, html5ever); tests/web_body.rs runs the same rules
//! over the browser's `DOMParser`, and compares both.

use byline::core::body::{
    self, Body, HtmlNode, Node, NodeView, Rules, MAX_BYTES, MAX_DEPTH, MAX_ELEMENTS,
};
use byline::core::body_rules::{attribute_names, safe_srcset};
use byline::prerender::html::{article_body, reply_body};

#[path = "support/body_markup.rs"]
mod body_markup;
use body_markup::{attributes, markup};

fn article(html: &str) -> String {
    markup(&article_body(html))
}

fn reply(html: &str) -> String {
    markup(&reply_body(html))
}

#[test]
fn blocks_are_kept_and_h1_becomes_h2() {
    assert_eq!(
        article("<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6><p>G<br>H</p><hr>"),
        "<h2>A</h2><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6><p>G<br>H</p><hr>"
    );
    assert_eq!(
        article(
            "<ul><li>a</li></ul><ol start=\"3\" reversed type=\"a\" class=\"x\"><li>b</li></ol>"
        ),
        "<ul><li>a</li></ul><ol start=\"3\" reversed=\"\"><li>b</li></ol>"
    );
    assert_eq!(
        article("<ol start=\"x\"><li>b</li></ol>"),
        "<ol><li>b</li></ol>"
    );
    assert_eq!(
        article("<dl><dt>T</dt><dd>D</dd></dl><pre>  code\n  more</pre>"),
        "<dl><dt>T</dt><dd>D</dd></dl><pre>  code\n  more</pre>"
    );
}

#[test]
fn links_keep_safe_addresses_and_titles_only() {
    for href in [
        "https://a.example/x",
        "http://a.example/",
        "mailto:desk@a.example",
        "tel:+441234",
        "/relative/path",
        "page.html",
        "#section",
    ] {
        assert_eq!(
            article(&format!("<p><a href=\"{href}\" title=\"T\" target=\"_blank\" rel=\"x\" onclick=\"alert(1)\">go</a></p>")),
            format!("<p><a href=\"{href}\" title=\"T\">go</a></p>"),
            "{href}"
        );
    }
    for href in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "jav&#x0A;ascript:alert(1)",
        " &#14; javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "http://",
        "",
    ] {
        assert_eq!(
            article(&format!("<p><a href=\"{href}\">words</a></p>")),
            "<p>words</p>",
            "{href}: the link goes, its text stays"
        );
    }
}

#[test]
fn inline_elements_keep_their_listed_attributes() {
    for tag in [
        "em", "strong", "b", "i", "u", "s", "mark", "sub", "sup", "small", "cite", "code", "kbd",
    ] {
        assert_eq!(
            article(&format!(
                "<p><{tag} class=\"c\" id=\"i\" style=\"color:red\" data-x=\"1\">w</{tag}></p>"
            )),
            format!("<p><{tag}>w</{tag}></p>")
        );
    }
    assert_eq!(
        article("<p><abbr title=\"British Broadcasting\" class=\"x\">BBC</abbr> <q cite=\"https://s.example/\">q</q> <q cite=\"javascript:x\">r</q></p>"),
        "<p><abbr title=\"British Broadcasting\">BBC</abbr> <q cite=\"https://s.example/\">q</q> <q>r</q></p>"
    );
    assert_eq!(
        article("<p><del datetime=\"2026-12-01\" cite=\"x\">a</del><ins datetime=\"2026-12-02\">b</ins><time datetime=\"2026-12-03T10:00Z\" title=\"t\">c</time></p>"),
        "<p><del datetime=\"2026-12-01\">a</del><ins datetime=\"2026-12-02\">b</ins><time datetime=\"2026-12-03T10:00Z\">c</time></p>"
    );
}

#[test]
fn quotes_figures_and_pullquotes() {
    assert_eq!(
        article("<blockquote cite=\"https://s.example/q\" class=\"wp-block-quote\"><p>Q</p></blockquote><blockquote cite=\"data:x\"><p>R</p></blockquote>"),
        "<blockquote cite=\"https://s.example/q\"><p>Q</p></blockquote><blockquote><p>R</p></blockquote>"
    );
    assert_eq!(
        article("<figure class=\"wp-block-pullquote\"><blockquote><p>P</p><cite>C</cite></blockquote></figure>"),
        "<figure class=\"byline-pullquote\"><blockquote><p>P</p><cite>C</cite></blockquote></figure>"
    );
    assert_eq!(
        article("<figure class=\"other\"><p>F</p><figcaption class=\"x\">Cap</figcaption></figure><figcaption>loose</figcaption>"),
        "<figure><p>F</p><figcaption>Cap</figcaption></figure>loose"
    );
}

#[test]
fn images_keep_safe_sources_and_reserve_their_space() {
    assert_eq!(
        article("<img src=\"https://i.example/a.jpg\" width=\"640\" height=\"480\" class=\"x\" onerror=\"alert(1)\" loading=\"eager\" style=\"x\">"),
        "<img src=\"https://i.example/a.jpg\" alt=\"\" width=\"640\" height=\"480\" loading=\"lazy\" decoding=\"async\">"
    );
    assert_eq!(
        article("<img src=\"/a.jpg\" alt=\"A map\" width=\"100%\" height=\"-3\">"),
        "<img src=\"/a.jpg\" alt=\"A map\" loading=\"lazy\" decoding=\"async\">"
    );
    // An unsafe source: the picture goes, its text stays.
    assert_eq!(
        article("<p><img src=\"javascript:alert(1)\" alt=\"A map\"></p>"),
        "<p>A map</p>"
    );
    assert_eq!(
        article("<p>x<img src=\"data:image/png;base64,AAAA\"></p>"),
        "<p>x</p>"
    );
    assert_eq!(
        article("<img src=\"/a.jpg\" alt=\"\" srcset=\"/a-1x.jpg 1x, https://i.example/a-2x.jpg 2x\" sizes=\"100vw\">"),
        "<img src=\"/a.jpg\" alt=\"\" srcset=\"/a-1x.jpg 1x, https://i.example/a-2x.jpg 2x\" sizes=\"100vw\" loading=\"lazy\" decoding=\"async\">"
    );
    // One unsafe candidate: no srcset and no sizes.
    assert_eq!(
        article("<img src=\"/a.jpg\" alt=\"\" srcset=\"/a-1x.jpg 1x, javascript:alert(1) 2x\" sizes=\"100vw\">"),
        "<img src=\"/a.jpg\" alt=\"\" loading=\"lazy\" decoding=\"async\">"
    );
    assert_eq!(
        article("<picture><source srcset=\"/a.webp\" type=\"image/webp\"><img src=\"/a.jpg\" alt=\"P\"></picture>"),
        "<img src=\"/a.jpg\" alt=\"P\" loading=\"lazy\" decoding=\"async\">"
    );
}

#[test]
fn srcset_candidates_are_checked_one_by_one() {
    assert_eq!(
        safe_srcset("a.jpg 640w,b.jpg 1280w").as_deref(),
        Some("a.jpg 640w, b.jpg 1280w")
    );
    assert_eq!(
        safe_srcset("a.jpg, b.jpg 2x").as_deref(),
        Some("a.jpg, b.jpg 2x")
    );
    assert_eq!(safe_srcset("data:image/png;base64,AAA 1x"), None);
    assert_eq!(safe_srcset("a.jpg 640q"), None);
    assert_eq!(safe_srcset("  ,  "), None);
}

#[test]
fn tables_keep_their_family_and_cell_attributes() {
    assert_eq!(
        article("<table class=\"t\" border=\"1\"><caption>C</caption><thead><tr><th scope=\"COL\" colspan=\"2\" style=\"x\">H</th></tr></thead><tbody><tr><td colspan=\"1\" rowspan=\"2\" width=\"9\">a</td><td colspan=\"0\">b</td></tr></tbody><tfoot><tr><th scope=\"bogus\">F</th></tr></tfoot></table>"),
        "<table><caption>C</caption><thead><tr><th scope=\"col\" colspan=\"2\">H</th></tr></thead><tbody><tr><td colspan=\"1\" rowspan=\"2\">a</td><td>b</td></tr></tbody><tfoot><tr><th>F</th></tr></tfoot></table>"
    );
    // No tbody in the source: the parser makes one, as a browser does.
    assert_eq!(
        article("<table><tr><td>a</td></tr></table>"),
        "<table><tbody><tr><td>a</td></tr></tbody></table>"
    );
    // Stray text in a table is moved before it by the parser; unknown parts are unwrapped.
    assert_eq!(
        article("<table><tr><td><div>a</div></td></tr>stray</table>"),
        "stray<table><tbody><tr><td>a</td></tr></tbody></table>"
    );
}

#[test]
fn embeds_become_links_to_the_embedded_page() {
    assert_eq!(
        article("<iframe src=\"https://www.youtube.com/embed/x\" title=\"The clip\" onload=\"alert(1)\"></iframe>"),
        "<figure class=\"byline-embed\"><a href=\"https://www.youtube.com/embed/x\" class=\"byline-embed-link\">The clip</a></figure>"
    );
    assert_eq!(
        article("<p>See <iframe src=\"https://maps.example:8443/m\"></iframe></p>"),
        "<p>See <a href=\"https://maps.example:8443/m\" class=\"byline-embed-link\">maps.example</a></p>"
    );
    assert_eq!(article("<iframe src=\"javascript:alert(1)\"></iframe>"), "");
    assert_eq!(
        article("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>"),
        ""
    );
    assert_eq!(
        article("<video src=\"/v.mp4\" controls></video><audio controls><source src=\"https://a.example/a.mp3\"></audio>"),
        "<figure class=\"byline-embed\"><a href=\"/v.mp4\" class=\"byline-embed-link\">/v.mp4</a></figure><figure class=\"byline-embed\"><a href=\"https://a.example/a.mp3\" class=\"byline-embed-link\">a.example</a></figure>"
    );
    assert_eq!(
        article("<video src=\"javascript:x\">Your browser <b>cannot</b> play it</video>"),
        "Your browser <b>cannot</b> play it"
    );
    // An embed figure whose wrapper holds only the URL (an oEmbed WordPress did not resolve).
    assert_eq!(
        article("<figure class=\"wp-block-embed is-provider-youtube\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=abc\n</div><figcaption>A <em>clip</em></figcaption></figure>"),
        "<figure class=\"byline-embed\"><a href=\"https://www.youtube.com/watch?v=abc\" class=\"byline-embed-link\">www.youtube.com</a><figcaption>A <em>clip</em></figcaption></figure>"
    );
    // Without any usable URL, an ordinary figure.
    assert_eq!(
        article("<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">not a url</div></figure>"),
        "<figure>not a url</figure>"
    );
}

#[test]
fn dropped_elements_go_with_their_content() {
    for source in [
        "<script>alert(1)</script>",
        "<style>p{color:red}</style>",
        "<noscript><p>no</p></noscript>",
        "<template><p>t</p></template>",
        "<object data=\"x\"><p>o</p></object>",
        "<embed src=\"x\">",
        "<form action=\"/x\"><p>f</p><input value=\"v\"><button>b</button><select><option>o</option></select><textarea>t</textarea></form>",
        "<svg><text>s</text><script>alert(1)</script></svg>",
        "<math><mi>m</mi></math>",
        "<!-- a comment -->",
    ] {
        assert_eq!(article(&format!("<p>a</p>{source}<p>b</p>")), "<p>a</p><p>b</p>", "{source}");
    }
}

#[test]
fn other_elements_are_unwrapped_and_other_attributes_dropped() {
    assert_eq!(
        article("<div class=\"wp-block-group\"><section id=\"s\"><p style=\"x\" onclick=\"y\" data-a=\"b\" dir=\"rtl\">a <span class=\"s\">b</span> <x-custom>c</x-custom> <font color=\"red\">d</font></p></section></div>"),
        "<p>a b c d</p>"
    );
}

#[test]
fn empty_paragraphs_headings_and_links_are_dropped() {
    assert_eq!(
        article("<p></p><p> &nbsp; </p><p><br></p><p><span> </span></p><h2> </h2><p><a href=\"/x\"></a></p><p>kept</p>"),
        "<p>kept</p>"
    );
}

#[test]
fn structure_a_browser_would_change_on_reading_is_never_made() {
    // Blocks inside a paragraph's inline content, a link in a link, list items outside a list.
    assert_eq!(
        article("<p><marquee><h2>h</h2><ul><li>l</li></ul></marquee></p>"),
        "<p>hl</p>"
    );
    assert_eq!(
        article("<a href=\"/a\"><marquee><a href=\"/b\">in</a></marquee></a>"),
        "<a href=\"/a\">in</a>"
    );
    assert_eq!(article("<div><li>x</li></div>"), "x");
    // A line feed right after <pre> would vanish when the markup is read again.
    assert_eq!(article("<pre>\n\nx</pre>"), "<pre>x</pre>");
    // Nothing left of it: no empty text (the markup could not say it); found by the cross-check.
    let pre = article_body("<pre>&#13;</pre>");
    assert_eq!(
        pre.nodes,
        vec![Node::Element(body::Element::new("pre", Vec::new()))]
    );
    assert_eq!(article("<p>a&#13;b</p>"), "<p>a\nb</p>");
}

/// A tree made by hand (no parser), for shapes a parser never gives.
#[derive(Clone)]
enum Fake {
    Element(&'static str, Vec<Fake>),
    Text(&'static str),
}

impl HtmlNode for Fake {
    fn view(&self) -> NodeView {
        match self {
            Fake::Element(name, _) => NodeView::Element {
                name: (*name).to_owned(),
                html: true,
            },
            Fake::Text(t) => NodeView::Text((*t).to_owned()),
        }
    }
    fn attribute(&self, _: &str) -> Option<String> {
        None
    }
    fn children(&self) -> Vec<Fake> {
        match self {
            Fake::Element(_, c) => c.clone(),
            Fake::Text(_) => Vec::new(),
        }
    }
}

#[test]
fn a_row_straight_in_a_table_gets_a_body_and_text_between_rows_goes() {
    let tree = Fake::Element(
        "body",
        vec![Fake::Element(
            "table",
            vec![
                Fake::Text("stray"),
                Fake::Element("tr", vec![Fake::Element("td", vec![Fake::Text("a")])]),
            ],
        )],
    );
    assert_eq!(
        markup(&body::rebuild(&tree, Rules::Article, false)),
        "<table><tbody><tr><td>a</td></tr></tbody></table>"
    );
}

fn nested(depth: usize, inner: &str) -> String {
    format!("{}{inner}{}", "<div>".repeat(depth), "</div>".repeat(depth))
}

#[test]
fn content_deeper_than_32_elements_is_kept_as_text() {
    // 31 wrappers: the paragraph is the 32nd element and kept.
    assert_eq!(
        article(&nested(MAX_DEPTH - 1, "<p><em>deep</em></p>")),
        "<p>deep</p>"
    );
    // 32 wrappers: the paragraph is the 33rd element, read as text.
    assert_eq!(
        article(&nested(MAX_DEPTH, "<p><em>deep</em><script>x</script></p>")),
        "deep"
    );
    // Deep nesting neither overflows nor loses the text.
    let body = article_body(&nested(5_000, "<p>bottom</p>"));
    assert_eq!(markup(&body), "bottom");
}

#[test]
fn two_megabytes_of_opening_tags_are_cut_early() {
    // 400,000 nested elements: the source is cut after 20,000 start tags, so the parse stays
    // short; past 10,000 elements the rest is dropped.
    let (source, cut) = body::source_document(&"<div>".repeat(MAX_BYTES / 5));
    assert!(cut);
    assert_eq!(source.matches("<div>").count(), 2 * MAX_ELEMENTS);
    let body = article_body(&format!("{}<p>x</p>", "<div>".repeat(MAX_BYTES / 5)));
    assert!(body.cut);
    assert!(body.is_empty());
}

#[test]
fn past_10000_elements_the_rest_is_dropped_and_said() {
    let items = |n: usize| "<b>x</b>".repeat(n);
    let body = article_body(&items(MAX_ELEMENTS));
    assert!(!body.cut);
    assert_eq!(markup(&body).matches("<b>").count(), MAX_ELEMENTS);
    let body = article_body(&items(MAX_ELEMENTS + 1));
    assert!(body.cut, "one more element is past the limit");
    assert_eq!(markup(&body).matches("<b>").count(), MAX_ELEMENTS);
    assert!(body::cut_warning(Rules::Article).contains("10000 elements"));
}

#[test]
fn past_2_mb_of_html_the_rest_is_dropped_and_said() {
    let text = "é".repeat(MAX_BYTES / 2 + 10);
    let body = article_body(&format!("<p>{text}</p>"));
    assert!(body.cut);
    let kept: usize = body.texts().iter().map(|t| t.len()).sum();
    assert!(
        kept <= MAX_BYTES - "<p>".len() && kept > MAX_BYTES - 100,
        "{kept}"
    );
    let (source, cut) = body::source_document(&"a".repeat(MAX_BYTES));
    assert!(!cut);
    assert!(source.ends_with('a'));
}

#[test]
fn a_wordpress_post_of_core_blocks_keeps_its_structure() {
    let html = include_str!("fixtures/body/wordpress-core-blocks.html");
    assert_safe(&article_body(html), "the WordPress post");
    let expected = [
        "<p>The ferry <a href=\"https://www.estuary-gazette.example/ferry\">returns on Monday</a>, the council <em>confirmed</em> on <strong>Friday</strong>.</p>\n\n\n\n",
        "<h2>What changes</h2>\n\n\n\n",
        "<ul>\n<li>Sailings every <a href=\"/timetable\">30 minutes</a></li>\n\n\n\n<li>A new quay at <abbr title=\"North Harbour\">NH</abbr></li>\n</ul>\n\n\n\n",
        "<figure><img src=\"https://www.estuary-gazette.example/wp-content/uploads/2026/12/ferry-1024x683.jpg\" alt=\"The ferry at the quay\" width=\"1024\" height=\"683\" srcset=\"https://www.estuary-gazette.example/wp-content/uploads/2026/12/ferry-1024x683.jpg 1024w, https://www.estuary-gazette.example/wp-content/uploads/2026/12/ferry-300x200.jpg 300w\" sizes=\"(max-width: 1024px) 100vw, 1024px\" loading=\"lazy\" decoding=\"async\"><figcaption>The ferry at the north quay.</figcaption></figure>\n\n\n\n",
        "<blockquote>\n<p>We waited two years for this.</p>\n<cite>A commuter</cite></blockquote>\n\n\n\n",
        "<figure class=\"byline-pullquote\"><blockquote><p>Every thirty minutes, from dawn.</p><cite>The council</cite></blockquote></figure>\n\n\n\n",
        "<figure><table><thead><tr><th>Day</th><th>First sailing</th></tr></thead><tbody><tr><td>Monday</td><td>06:00</td></tr><tr><td>Sunday</td><td>08:00</td></tr></tbody></table><figcaption>The new timetable.</figcaption></figure>\n\n\n\n",
        "<figure class=\"byline-embed\"><a href=\"https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed\" class=\"byline-embed-link\">The new ferry, first crossing</a><figcaption>The first crossing.</figcaption></figure>\n\n\n\n",
        "<figure class=\"byline-embed\"><a href=\"https://twitter.com/estuarygazette/status/1234567890?ref_src=twsrc%5Etfw\" class=\"byline-embed-link\">twitter.com</a></figure>\n\n\n\n",
        "<hr>\n\n\n\n",
        "<figure>\n<figure><img src=\"https://www.estuary-gazette.example/wp-content/uploads/2026/12/quay.jpg\" alt=\"The quay\" width=\"300\" height=\"200\" loading=\"lazy\" decoding=\"async\"></figure>\n\n\n\n<figure><img src=\"https://www.estuary-gazette.example/wp-content/uploads/2026/12/crew.jpg\" alt=\"The crew\" width=\"300\" height=\"200\" loading=\"lazy\" decoding=\"async\"><figcaption>The crew.</figcaption></figure>\n</figure>\n\n\n\n",
        "\n\n<p>Left column.</p>\n\n\n\n\n\n<p>Right column.</p>\n\n\n\n\n\n\n",
    ]
    .concat();
    assert_eq!(article(html), expected);
}

/// Parser-confusion and mutation-XSS vectors: nothing that runs survives, text stays text.
const VECTORS: &[(&str, &str)] = &[
    (
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "",
    ),
    ("<template><img src=x onerror=alert(1)></template>x", "x"),
    // <p> breaks out of the SVG; the <style> after it is raw text, dropped.
    (
        "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",
        "",
    ),
    (
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "",
    ),
    // </p> leaves the SVG: the <style> is HTML, the <img> a real one, without its handler.
    (
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
        "<img src=\"1\" alt=\"\" loading=\"lazy\" decoding=\"async\">\"&gt;",
    ),
    ("<a href=\"jav&#x09;ascript:alert(1)\">a</a>", "a"),
    (
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">b</a>",
        "b",
    ),
    ("<a href=\"java\0script:alert(1)\">c</a>", "c"),
    (
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" alt=\"\" loading=\"lazy\" decoding=\"async\">",
    ),
    (
        "<style></style><img src=x onerror=alert(1)>",
        "<img src=\"x\" alt=\"\" loading=\"lazy\" decoding=\"async\">",
    ),
    ("<p><style></p><img src=x onerror=alert(1)></style></p>", ""),
    ("<form><form><p>nested</p></form></form>", ""),
    (
        "<p title=\"</script><script>alert(1)</script>\">t</p>",
        "<p>t</p>",
    ),
    (
        "<a href=\"https://ok.example/\" title=\"&quot; onmouseover=&quot;alert(1)\">d</a>",
        "<a href=\"https://ok.example/\" title=\"&quot; onmouseover=&quot;alert(1)\">d</a>",
    ),
    ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
    (
        "<!--><img src=x onerror=alert(1)>-->",
        "<img src=\"x\" alt=\"\" loading=\"lazy\" decoding=\"async\">--&gt;",
    ),
    (
        "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
        "",
    ),
    (
        "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
        "",
    ),
];

#[test]
fn mxss_vectors_give_only_safe_markup() {
    for (source, expected) in VECTORS {
        let body = article_body(source);
        assert_eq!(markup(&body), *expected, "{source}");
        assert_safe(&body, source);
        assert_safe(&reply_body(source), source);
    }
}

/// No attribute outside the allowlist, no address with a scheme that runs or embeds.
fn assert_safe(body: &Body, source: &str) {
    for (element, name, value) in attributes(body) {
        assert!(
            attribute_names(element).contains(&name),
            "{source}: {element} {name} is not in the renderer's list"
        );
        assert!(
            matches!(
                name,
                "href"
                    | "title"
                    | "start"
                    | "reversed"
                    | "cite"
                    | "datetime"
                    | "src"
                    | "alt"
                    | "width"
                    | "height"
                    | "srcset"
                    | "sizes"
                    | "loading"
                    | "decoding"
                    | "scope"
                    | "colspan"
                    | "rowspan"
                    | "rel"
            ),
            "{source}: {element} {name}"
        );
        let lower: String = value
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect();
        if matches!(name, "href" | "src" | "cite" | "srcset") {
            for scheme in ["javascript:", "data:", "vbscript:"] {
                assert!(
                    !lower.contains(scheme),
                    "{source}: {element} {name}={value}"
                );
            }
        }
    }
}

#[test]
fn rsnakes_vectors_give_only_safe_markup() {
    let list = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/xss-rsnake.txt"),
    )
    .expect("../shared/data/xss-rsnake.txt next to the repository");
    let mut count = 0;
    for vector in list.lines().filter(|l| !l.trim().is_empty()) {
        assert_safe(&article_body(vector), vector);
        assert_safe(&reply_body(vector), vector);
        count += 1;
    }
    assert!(count > 50, "{count} vectors");
}

#[test]
fn replies_keep_the_comment_allowlist() {
    assert_eq!(
        reply("<p>See <a href=\"https://s.example/\" title=\"t\" rel=\"follow\" target=\"_blank\">this</a> and <a href=\"mailto:a@b.example\">mail</a>.</p>"),
        "<p>See <a href=\"https://s.example/\" rel=\"nofollow ugc noopener\">this</a> and <a href=\"mailto:a@b.example\" rel=\"nofollow ugc noopener\">mail</a>.</p>"
    );
    // Relative, tel: and unsafe links are text in a reply.
    assert_eq!(
        reply("<p><a href=\"/x\">r</a> <a href=\"tel:1\">t</a> <a href=\"javascript:alert(1)\">j</a></p>"),
        "<p>r t j</p>"
    );
    assert_eq!(
        reply("<p><strike>old</strike> <acronym title=\"As Soon As Possible\">ASAP</acronym> <abbr title=\"x\">y</abbr> <b>b</b><i>i</i><em>e</em><strong>s</strong><code>c</code><del datetime=\"2026\">d</del><s>s</s><q cite=\"https://c.example/\">q</q><cite>ci</cite></p>"),
        "<p><s>old</s> <abbr title=\"As Soon As Possible\">ASAP</abbr> <abbr title=\"x\">y</abbr> <b>b</b><i>i</i><em>e</em><strong>s</strong><code>c</code><del datetime=\"2026\">d</del><s>s</s><q cite=\"https://c.example/\">q</q><cite>ci</cite></p>"
    );
    assert_eq!(
        reply("<blockquote cite=\"https://c.example/\"><p>q</p></blockquote><ul><li>a</li></ul><ol><li>b</li></ol><pre>p</pre>"),
        "<blockquote cite=\"https://c.example/\"><p>q</p></blockquote><ul><li>a</li></ul><ol><li>b</li></ol><pre>p</pre>"
    );
    // A smiley is its alt text; any other picture, heading, table or embed is text or nothing.
    assert_eq!(
        reply("<p>Nice <img src=\"https://s.w.org/images/core/emoji/14.0.0/72x72/1f642.png\" alt=\"🙂\" class=\"wp-smiley\" style=\"height: 1em\"> <img src=\"/x.png\" alt=\"x\"></p>"),
        "<p>Nice 🙂 </p>"
    );
    assert_eq!(
        reply("<h2>H</h2><table><tr><td>c</td></tr></table><iframe src=\"https://y.example/\"></iframe><u>u</u><mark>m</mark>"),
        "Hcum"
    );
}

#[test]
fn a_reply_page_carries_each_rebuilt_reply() {
    let json = r#"[{"id": 5, "author_name": "Eve", "content": {"rendered": "<p>Read <a href=\"https://s.example/\">this</a>.</p>\n"}}]"#;
    let replies = byline::core::thread::parse_page(json, &reply_body).expect("page");
    assert_eq!(
        markup(&replies[0].body),
        "<p>Read <a href=\"https://s.example/\" rel=\"nofollow ugc noopener\">this</a>.</p>\n"
    );
    assert_eq!(replies[0].paragraphs, vec!["Read this.".to_owned()]);
}

#[test]
fn the_body_texts_feed_the_reading_time() {
    let body = article_body("<p>one <em>two</em></p><p>three</p>");
    assert_eq!(body.texts(), vec!["one ", "two", "three"]);
    assert!(article_body(" <p> </p> ").is_empty());
    assert!(!article_body("<hr>").is_empty());
    let only_text = Body {
        nodes: vec![Node::Text("  ".into())],
        cut: false,
    };
    assert!(only_text.is_empty());
}
