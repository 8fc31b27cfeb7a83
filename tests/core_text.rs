#![cfg(not(target_arch = "wasm32"))]
//! Native tests for `byline::core::text`: paragraph splitting, quotation detection, URL safety,
//! entity decoding, HTML-to-text and reading time (CONTRACT sections 3 and 5).

use byline::core::text::{
    decode_entities, html_to_text, is_quotation, reading_minutes, safe_url, split_paragraphs, Block,
};
use std::time::{Duration, Instant};

fn p(text: &str) -> Block {
    Block::Paragraph(text.to_owned())
}

fn q(text: &str) -> Block {
    Block::Quote(text.to_owned())
}

fn texts(blocks: &[Block]) -> Vec<&str> {
    blocks.iter().map(Block::text).collect()
}

// ---------------------------------------------------------------------------------------------
// split_paragraphs
// ---------------------------------------------------------------------------------------------

#[test]
fn split_on_blank_lines() {
    assert_eq!(
        split_paragraphs("First paragraph.\n\nSecond paragraph.\n\nThird."),
        vec![p("First paragraph."), p("Second paragraph."), p("Third.")]
    );
}

#[test]
fn split_joins_wrapped_lines_within_a_paragraph_with_a_space() {
    assert_eq!(
        split_paragraphs("The harbour seals\nreturned this spring.\n\nCounts rose\nagain\nin May."),
        vec![
            p("The harbour seals returned this spring."),
            p("Counts rose again in May.")
        ]
    );
}

#[test]
fn split_on_single_newlines_when_there_is_no_blank_line() {
    assert_eq!(
        split_paragraphs("One.\nTwo.\nThree."),
        vec![p("One."), p("Two."), p("Three.")]
    );
}

#[test]
fn split_single_paragraph_without_newlines() {
    assert_eq!(
        split_paragraphs("Just one paragraph."),
        vec![p("Just one paragraph.")]
    );
}

#[test]
fn split_handles_crlf_line_endings() {
    assert_eq!(
        split_paragraphs("First\r\nline.\r\n\r\nSecond."),
        vec![p("First line."), p("Second.")]
    );
    assert_eq!(
        split_paragraphs("One.\r\nTwo.\r\nThree."),
        vec![p("One."), p("Two."), p("Three.")]
    );
}

#[test]
fn split_handles_bare_cr_line_endings() {
    assert_eq!(split_paragraphs("A\rb\r\rC"), vec![p("A b"), p("C")]);
}

#[test]
fn split_treats_whitespace_only_lines_as_blank() {
    assert_eq!(
        split_paragraphs("First\nline.\n   \t \nSecond\nline."),
        vec![p("First line."), p("Second line.")]
    );
}

#[test]
fn split_treats_several_blank_lines_as_one_break() {
    assert_eq!(
        split_paragraphs("One.\n\n\n\nTwo."),
        vec![p("One."), p("Two.")]
    );
}

#[test]
fn split_with_only_multi_line_gaps_still_joins_wrapped_lines() {
    // The body does have blank lines (two in a row), so single newlines are line wraps.
    assert_eq!(
        split_paragraphs("Wrapped\nline.\n\n\nNext\nparagraph."),
        vec![p("Wrapped line."), p("Next paragraph.")]
    );
    assert_eq!(
        split_paragraphs("Wrapped\nline.\n  \n\t\nNext."),
        vec![p("Wrapped line."), p("Next.")]
    );
}

#[test]
fn split_trims_lines_and_ignores_leading_and_trailing_blank_lines() {
    assert_eq!(
        split_paragraphs("\n\n   First.  \n\n  Second.   \n\n\n"),
        vec![p("First."), p("Second.")]
    );
}

#[test]
fn split_leading_and_trailing_blank_lines_do_not_count_as_paragraph_breaks() {
    // Blank lines only around the text, not between lines: single newlines split.
    assert_eq!(
        split_paragraphs("\n\nOne.\nTwo.\n\n"),
        vec![p("One."), p("Two.")]
    );
}

#[test]
fn split_empty_and_blank_bodies_give_no_blocks() {
    assert!(split_paragraphs("").is_empty());
    assert!(split_paragraphs("   ").is_empty());
    assert!(split_paragraphs("\n\n \r\n\t\n").is_empty());
}

#[test]
fn split_marks_whole_quotation_paragraphs_as_quotes() {
    let blocks = split_paragraphs(
        "The mayor spoke on Tuesday.\n\n“We will rebuild the baths.”\n\n“A,” he said, “B.”",
    );
    assert_eq!(
        blocks,
        vec![
            p("The mayor spoke on Tuesday."),
            q("“We will rebuild the baths.”"),
            p("“A,” he said, “B.”"),
        ]
    );
}

#[test]
fn split_detects_a_quotation_spanning_wrapped_lines() {
    assert_eq!(
        split_paragraphs("Intro.\n\n“We will\nrebuild.”"),
        vec![p("Intro."), q("“We will rebuild.”")]
    );
}

#[test]
fn split_keeps_text_verbatim_including_markup_characters() {
    let blocks = split_paragraphs("<script>alert(1)</script>\n\n&amp; stays");
    assert_eq!(
        texts(&blocks),
        vec!["<script>alert(1)</script>", "&amp; stays"]
    );
}

#[test]
fn split_100_000_paragraphs_quickly_and_correctly() {
    let n = 100_000;
    let body: String = (0..n)
        .map(|i| {
            if i % 10 == 0 {
                format!("“Quote number {i}.”")
            } else {
                format!("Paragraph number {i}\nwraps here.")
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let start = Instant::now();
    let blocks = split_paragraphs(&body);
    let elapsed = start.elapsed();
    assert_eq!(blocks.len(), n);
    for (i, block) in blocks.iter().enumerate() {
        if i % 10 == 0 {
            assert_eq!(block, &q(&format!("“Quote number {i}.”")));
        } else {
            assert_eq!(block, &p(&format!("Paragraph number {i} wraps here.")));
        }
    }
    // Generous even for an unoptimised debug build: the point is "linear, not quadratic".
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

#[test]
fn split_100_000_lines_without_blank_lines_quickly() {
    let n = 100_000;
    let body: String = (0..n)
        .map(|i| format!("Line {i}."))
        .collect::<Vec<_>>()
        .join("\n");
    let start = Instant::now();
    let blocks = split_paragraphs(&body);
    let elapsed = start.elapsed();
    assert_eq!(blocks.len(), n);
    assert_eq!(blocks[0], p("Line 0."));
    assert_eq!(blocks[n - 1], p(&format!("Line {}.", n - 1)));
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

#[test]
fn block_text_returns_the_text_of_either_kind() {
    assert_eq!(p("plain").text(), "plain");
    assert_eq!(q("“quoted”").text(), "“quoted”");
}

// ---------------------------------------------------------------------------------------------
// is_quotation
// ---------------------------------------------------------------------------------------------

#[test]
fn quotation_curly_double_quotes() {
    assert!(is_quotation("“We will rebuild the baths.”"));
}

#[test]
fn quotation_curly_single_quotes() {
    assert!(is_quotation("‘We will rebuild the baths.’"));
}

#[test]
fn quotation_swedish_style_right_double_quotes() {
    assert!(is_quotation("”Vi bygger om badet.”"));
}

#[test]
fn quotation_straight_double_quotes() {
    assert!(is_quotation("\"We will rebuild the baths.\""));
}

#[test]
fn quotation_guillemets_both_directions() {
    assert!(is_quotation("«Nous reconstruirons les bains.»"));
    assert!(is_quotation("« Nous reconstruirons les bains. »"));
    assert!(is_quotation("»Wir bauen das Bad wieder auf.«"));
    assert!(is_quotation("‹Un mot.›"));
}

#[test]
fn quotation_german_low_high_quotes() {
    assert!(is_quotation("„Wir bauen das Bad wieder auf.“"));
    assert!(is_quotation("„Wir bauen das Bad wieder auf.”"));
    assert!(is_quotation("‚Ein Wort.‘"));
}

#[test]
fn quotation_cjk_corner_brackets() {
    assert!(is_quotation("「浴場を再建します。」"));
    assert!(is_quotation("『浴場を再建します。』"));
}

#[test]
fn quotation_allows_nested_other_quotes_inside() {
    assert!(is_quotation("“He told me ‘never again’ and left.”"));
    assert!(is_quotation("„Er sagte ‚nie wieder‘ und ging.“"));
}

#[test]
fn quotation_ignores_surrounding_whitespace() {
    assert!(is_quotation("   “Rebuild it.”  \n"));
}

#[test]
fn not_quotation_two_quotations_with_text_between() {
    assert!(!is_quotation("“A,” he said, “B.”"));
    assert!(!is_quotation("\"A,\" he said, \"B.\""));
    assert!(!is_quotation("«A», dit-il, «B.»"));
    assert!(!is_quotation("„A“, sagte er, „B.“"));
    assert!(!is_quotation("「A」と彼は言った、「B」"));
}

#[test]
fn not_quotation_when_attribution_follows_the_closing_mark() {
    assert!(!is_quotation("“We will rebuild,” said the mayor."));
}

#[test]
fn not_quotation_when_it_does_not_start_with_a_quote() {
    assert!(!is_quotation("The mayor said “we will rebuild.”"));
    assert!(!is_quotation("Plain paragraph."));
}

#[test]
fn not_quotation_when_never_closed() {
    assert!(!is_quotation("“We will rebuild the baths."));
}

#[test]
fn not_quotation_when_closed_with_a_mismatched_mark() {
    assert!(!is_quotation("“Mismatched.»"));
    assert!(!is_quotation("「Mismatched.”"));
}

#[test]
fn not_quotation_when_too_short() {
    assert!(!is_quotation(""));
    assert!(!is_quotation("   "));
    assert!(!is_quotation("“"));
    assert!(!is_quotation("“”"));
    assert!(!is_quotation("\"\""));
    assert!(!is_quotation("\""));
}

#[test]
fn quotation_shortest_accepted_is_one_character_inside() {
    assert!(is_quotation("“a”"));
}

// ---------------------------------------------------------------------------------------------
// safe_url
// ---------------------------------------------------------------------------------------------

#[test]
fn safe_url_accepts_http_and_https() {
    assert_eq!(
        safe_url("http://example.com/a").as_deref(),
        Some("http://example.com/a")
    );
    assert_eq!(
        safe_url("https://example.com/news/1?x=1#top").as_deref(),
        Some("https://example.com/news/1?x=1#top")
    );
}

#[test]
fn safe_url_rejects_http_without_a_host() {
    for url in [
        "http://",
        "https://",
        "http:",
        "HTTPS:///",
        "http://?q=1",
        "https://#top",
        "http:\\\\",
    ] {
        assert_eq!(safe_url(url), None, "{url:?} names no host");
    }
    assert_eq!(
        safe_url("http:/\\example.com").as_deref(),
        Some("http:/\\example.com"),
        "browsers read backslashes as slashes here: a host"
    );
}

#[test]
fn safe_url_accepts_scheme_in_any_case_and_keeps_it_as_given() {
    assert_eq!(
        safe_url("HTTPS://example.com/").as_deref(),
        Some("HTTPS://example.com/")
    );
    assert_eq!(
        safe_url("HtTp://example.com/").as_deref(),
        Some("HtTp://example.com/")
    );
}

#[test]
fn safe_url_accepts_relative_urls() {
    for url in [
        "/feeds/world.json",
        "feeds/world.json",
        "../up/one.json",
        "./here",
        "article.json",
        "//cdn.example/img.jpg",
        "#comments",
        "?page=2",
        "/path:with:colons",
        "a/b:c",
    ] {
        assert_eq!(
            safe_url(url).as_deref(),
            Some(url),
            "{url:?} should be accepted"
        );
    }
}

#[test]
fn safe_url_rejects_javascript_in_all_disguises() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "JAVASCRIPT:alert(1)",
        "jav\tascript:alert(1)",
        "java\nscript:alert(1)",
        "java\r\nscript:alert(1)",
        " javascript:alert(1)",
        "\t\njavascript:alert(1)",
        "\u{1}javascript:alert(1)",
        "\u{0}javascript:alert(1)",
        "\u{1f} javascript:alert(1)",
        "javascript:alert(1)  ",
        "java\u{0}script:alert(1)",
    ] {
        assert_eq!(safe_url(url), None, "{url:?} must be rejected");
    }
}

#[test]
fn safe_url_rejects_other_schemes() {
    for url in [
        "data:text/html,<script>alert(1)</script>",
        "DATA:image/svg+xml;base64,AAAA",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.com/",
        "mailto:someone@example.com",
        "blob:https://example.com/uuid",
        "about:blank",
        "x-custom:thing",
    ] {
        assert_eq!(safe_url(url), None, "{url:?} must be rejected");
    }
}

#[test]
fn safe_url_rejects_empty_and_whitespace() {
    assert_eq!(safe_url(""), None);
    assert_eq!(safe_url(" "), None);
    assert_eq!(safe_url("\t\n\r "), None);
    assert_eq!(safe_url("\u{1}\u{2}"), None);
}

#[test]
fn safe_url_rejects_invalid_scheme_like_prefixes() {
    // Not a valid scheme, but not plainly a relative path either: rejected (strict).
    assert_eq!(safe_url("a b:c"), None);
    assert_eq!(safe_url("1http://example.com"), None);
    assert_eq!(safe_url("\u{a0}javascript:alert(1)"), None);
}

#[test]
fn safe_url_trims_surrounding_whitespace_and_controls() {
    assert_eq!(
        safe_url("  https://example.com/a  ").as_deref(),
        Some("https://example.com/a")
    );
    assert_eq!(
        safe_url("\u{1}\nhttps://example.com/a\u{7f}"),
        None,
        "DEL is a control character and is not trimmed"
    );
    assert_eq!(
        safe_url("\u{1}\n/relative\u{1f}").as_deref(),
        Some("/relative")
    );
}

#[test]
fn safe_url_removes_tabs_and_newlines_inside() {
    assert_eq!(
        safe_url("https://exa\tmple.com/a\nb\r\nc").as_deref(),
        Some("https://example.com/abc")
    );
    assert_eq!(
        safe_url("ht\ttp://example.com/").as_deref(),
        Some("http://example.com/")
    );
    assert_eq!(safe_url("/a\tb").as_deref(), Some("/ab"));
}

#[test]
fn safe_url_rejects_other_control_characters_inside() {
    assert_eq!(safe_url("https://example.com/\u{0}x"), None);
    assert_eq!(safe_url("/a\u{8}b"), None);
}

// ---------------------------------------------------------------------------------------------
// decode_entities
// ---------------------------------------------------------------------------------------------

#[test]
fn decode_named_entities() {
    assert_eq!(decode_entities("&amp;&lt;&gt;&quot;&apos;"), "&<>\"'");
    assert_eq!(decode_entities("a&nbsp;b"), "a\u{a0}b");
    assert_eq!(
        decode_entities("&hellip;&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;&laquo;&raquo;"),
        "…—–‘’“”«»"
    );
    assert_eq!(
        decode_entities("&copy;&reg;&trade;&euro;&pound;&deg;&middot;&bull;&times;"),
        "©®™€£°·•×"
    );
}

#[test]
fn decode_decimal_and_hex_references() {
    assert_eq!(decode_entities("&#65;&#66;"), "AB");
    assert_eq!(decode_entities("&#x41;&#X42;&#x1F600;"), "AB😀");
    assert_eq!(decode_entities("&#x2019;&#x2014;"), "’—");
}

#[test]
fn decode_wordpress_apostrophe() {
    assert_eq!(decode_entities("you&#8217;ve"), "you’ve");
    assert_eq!(
        decode_entities("It looks as though you&#8217;ve already said that!"),
        "It looks as though you’ve already said that!"
    );
}

#[test]
fn decode_leaves_unknown_references_alone() {
    assert_eq!(decode_entities("&foo;"), "&foo;");
    assert_eq!(decode_entities("AT&T"), "AT&T");
    assert_eq!(decode_entities("a & b"), "a & b");
    assert_eq!(decode_entities("&"), "&");
    assert_eq!(decode_entities("&;"), "&;");
    assert_eq!(decode_entities("&#;"), "&#;");
    assert_eq!(decode_entities("&#x;"), "&#x;");
    assert_eq!(decode_entities("&#xZZ;"), "&#xZZ;");
}

#[test]
fn decode_does_not_decode_twice() {
    assert_eq!(decode_entities("&amp;lt;"), "&lt;");
    assert_eq!(decode_entities("&amp;#8217;"), "&#8217;");
}

#[test]
fn decode_references_without_semicolon() {
    assert_eq!(decode_entities("&amp b"), "& b");
    assert_eq!(decode_entities("&#39 end"), "' end");
    assert_eq!(decode_entities("&#x41 end"), "A end");
    assert_eq!(decode_entities("x&lt"), "x<");
    // A numeric reference ends at its last digit, as in browsers.
    assert_eq!(decode_entities("you&#8217ve"), "you’ve");
}

#[test]
fn decode_null_reference_becomes_replacement_character() {
    assert_eq!(decode_entities("&#0;"), "\u{FFFD}");
    assert_eq!(decode_entities("&#0"), "\u{FFFD}");
    assert_eq!(decode_entities("&#x0;"), "\u{FFFD}");
}

#[test]
fn decode_invalid_code_points_become_replacement_character() {
    // Surrogates and values above U+10FFFF are not characters.
    assert_eq!(decode_entities("&#xD800;"), "\u{FFFD}");
    assert_eq!(decode_entities("&#1114112;"), "\u{FFFD}");
    assert_eq!(decode_entities("&#x110000;"), "\u{FFFD}");
    assert_eq!(decode_entities("&#1114111;"), "\u{10FFFF}");
}

#[test]
fn decode_huge_numbers_become_replacement_character() {
    assert_eq!(decode_entities("&#4294967295;"), "\u{FFFD}");
    assert_eq!(decode_entities("&#4294967296;"), "\u{FFFD}");
    assert_eq!(
        decode_entities("a&#99999999999999999999999999;b"),
        "a\u{FFFD}b"
    );
    assert_eq!(decode_entities("&#xFFFFFFFFFFFFFFFFFF;"), "\u{FFFD}");
}

#[test]
fn decode_leading_zeros() {
    assert_eq!(decode_entities("&#000000000000000000039;"), "'");
}

#[test]
fn decode_plain_text_is_unchanged() {
    let text = "No references here: 100% plain, «ünïcödé» 漢字.";
    assert_eq!(decode_entities(text), text);
    assert_eq!(decode_entities(""), "");
}

// ---------------------------------------------------------------------------------------------
// html_to_text
// ---------------------------------------------------------------------------------------------

#[test]
fn html_strips_inline_tags() {
    assert_eq!(
        html_to_text("<strong>Bold</strong> and <em>italic</em>"),
        "Bold and italic"
    );
    assert_eq!(html_to_text("<a href=\"https://x\">link</a>."), "link.");
}

#[test]
fn html_inline_tags_leave_no_space_behind() {
    assert_eq!(html_to_text("un<em>believ</em>able"), "unbelievable");
    assert_eq!(html_to_text("I <em>love</em>, it"), "I love, it");
    assert_eq!(html_to_text("<span>a</span> <span>b</span>"), "a b");
}

#[test]
fn html_paragraphs_become_blank_line_breaks() {
    assert_eq!(html_to_text("<p>One.</p><p>Two.</p>"), "One.\n\nTwo.");
    assert_eq!(html_to_text("<p>One.</p>\n<p>Two.</p>\n"), "One.\n\nTwo.");
    assert_eq!(
        html_to_text("<div>One</div><blockquote>Two</blockquote>"),
        "One\n\nTwo"
    );
}

#[test]
fn html_br_becomes_a_line_break() {
    assert_eq!(
        html_to_text("Line one<br>Line two<br/>Line three<BR />end"),
        "Line one\nLine two\nLine three\nend"
    );
}

#[test]
fn html_output_splits_into_the_same_paragraphs() {
    let text = html_to_text("<p>First<br>wrapped.</p><p>“Quoted.”</p>");
    assert_eq!(
        split_paragraphs(&text),
        vec![p("First wrapped."), q("“Quoted.”")]
    );
}

#[test]
fn html_drops_script_and_style_contents() {
    assert_eq!(html_to_text("a<script>alert(1)</script>b"), "ab");
    assert_eq!(
        html_to_text("a<SCRIPT type=\"x\">alert('<p>')</SCRIPT >b"),
        "ab"
    );
    assert_eq!(html_to_text("a<style>p { color: red }</style>b"), "ab");
    assert_eq!(
        html_to_text("<p>a</p><style>.x{}</style><p>b</p>"),
        "a\n\nb"
    );
}

#[test]
fn html_unclosed_script_drops_the_rest() {
    assert_eq!(html_to_text("kept<script>alert(1)"), "kept");
}

#[test]
fn html_decodes_entities_after_stripping_tags() {
    assert_eq!(
        html_to_text("<p>you&#8217;ve &amp; &lt;b&gt;</p>"),
        "you’ve & <b>"
    );
    // Escaped markup becomes literal text, never a tag.
    assert_eq!(
        html_to_text("&lt;script&gt;x&lt;/script&gt;"),
        "<script>x</script>"
    );
}

#[test]
fn html_wordpress_error_message() {
    assert_eq!(
        html_to_text("<p><strong>Error:</strong> Please type your comment text.</p>"),
        "Error: Please type your comment text."
    );
}

#[test]
fn html_keeps_a_less_than_sign_that_is_not_a_tag() {
    assert_eq!(html_to_text("a < b"), "a < b");
    assert_eq!(html_to_text("1 <2 and 3<= 4"), "1 <2 and 3<= 4");
    assert_eq!(html_to_text("<"), "<");
}

#[test]
fn html_unclosed_tag_is_kept_as_text() {
    assert_eq!(html_to_text("Hello <b"), "Hello <b");
    assert_eq!(html_to_text("<p>Hello</p><em"), "Hello\n\n<em");
}

#[test]
fn html_comments_and_doctype_are_removed() {
    assert_eq!(html_to_text("a<!-- note -->b"), "ab");
    assert_eq!(html_to_text("a <!-- note --> b"), "a b");
    assert_eq!(html_to_text("<!DOCTYPE html><p>x</p>"), "x");
}

#[test]
fn html_collapses_whitespace_and_trims() {
    assert_eq!(
        html_to_text("  <p>  a   \t b  </p>\n\n\n\n<p> c </p>  "),
        "a b\n\nc"
    );
    assert_eq!(html_to_text(""), "");
    assert_eq!(html_to_text("<p></p><br>"), "");
}

#[test]
fn html_plain_text_passes_through() {
    assert_eq!(html_to_text("Just text."), "Just text.");
}

// ---------------------------------------------------------------------------------------------
// reading_minutes
// ---------------------------------------------------------------------------------------------

fn words(n: usize) -> String {
    vec!["word"; n].join(" ")
}

#[test]
fn reading_minutes_is_at_least_one() {
    assert_eq!(reading_minutes(std::iter::empty::<&str>()), 1);
    assert_eq!(reading_minutes([""]), 1);
    assert_eq!(reading_minutes(["One word"]), 1);
}

#[test]
fn reading_minutes_at_230_words_a_minute_rounded_up() {
    assert_eq!(reading_minutes([words(230).as_str()]), 1);
    assert_eq!(reading_minutes([words(231).as_str()]), 2);
    assert_eq!(reading_minutes([words(460).as_str()]), 2);
    assert_eq!(reading_minutes([words(461).as_str()]), 3);
    assert_eq!(reading_minutes([words(2300).as_str()]), 10);
}

#[test]
fn reading_minutes_counts_across_all_texts() {
    let a = words(200);
    let b = words(31);
    assert_eq!(reading_minutes([a.as_str(), b.as_str()]), 2);
    assert_eq!(reading_minutes([a.as_str()]), 1);
}

#[test]
fn reading_minutes_splits_on_any_whitespace() {
    let text = vec!["w"; 231].join("\n\t ");
    assert_eq!(reading_minutes([text.as_str()]), 2);
}

#[test]
fn reading_minutes_counts_cjk_characters_as_half_words() {
    // 460 ideographs = 230 words = 1 minute; 462 = 231 words = 2 minutes.
    let cjk460 = "字".repeat(460);
    let cjk462 = "字".repeat(462);
    assert_eq!(reading_minutes([cjk460.as_str()]), 1);
    assert_eq!(reading_minutes([cjk462.as_str()]), 2);
    // Kana count too.
    let kana = "かカ".repeat(231);
    assert_eq!(reading_minutes([kana.as_str()]), 2);
}

#[test]
fn reading_minutes_mixed_cjk_and_latin() {
    // 230 Latin words + 2 ideographs (1 word) = 231 words.
    let text = format!("{} 漢字", words(230));
    assert_eq!(reading_minutes([text.as_str()]), 2);
}
