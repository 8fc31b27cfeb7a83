#![cfg(not(target_arch = "wasm32"))]
//! Native tests for `byline::core::reply`: validation (WordPress's UTF-8 byte limits), the two
//! wire encodings, and the classification of every answer WordPress 6.1 gave
//! (`/work/shared/wordpress/responses.txt`), CONTRACT section 5.

use byline::core::reply::{
    classify, encode_form, encode_json, form_encode, is_invalid_nonce, is_plausible_email,
    is_web_url, parse_nonce, parse_retry_after, server_text, validate, validate_field, Answer,
    Draft, Failure, Field, FieldError, Notice, Outcome, Rules, Submission, Visibility, Wire,
    HONEYPOT_FIELD,
};
use serde_json::{json, Value};

const STRICT: Rules = Rules {
    require_name_email: true,
};
const LAX: Rules = Rules {
    require_name_email: false,
};

fn draft(comment: &str, name: &str, email: &str, website: &str) -> Draft {
    Draft {
        comment: comment.to_owned(),
        name: name.to_owned(),
        email: email.to_owned(),
        website: website.to_owned(),
    }
}

fn valid_draft() -> Draft {
    draft("Nice piece.", "Alice", "alice@example.com", "")
}

fn too_long(max: usize, count: usize) -> Option<FieldError> {
    Some(FieldError::TooLong { max, count })
}

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

#[test]
fn fields_are_in_form_order_with_wordpress_limits_and_ids() {
    assert_eq!(
        Field::ALL,
        [Field::Comment, Field::Name, Field::Email, Field::Website]
    );
    let limits: Vec<usize> = Field::ALL.iter().map(|f| f.byte_limit()).collect();
    assert_eq!(limits, vec![65_525, 245, 100, 200]);
    let ids: Vec<&str> = Field::ALL.iter().map(|f| f.id()).collect();
    assert_eq!(ids, vec!["comment", "author", "email", "url"]);
}

#[test]
fn draft_get_set_and_emptiness() {
    let mut d = Draft::default();
    assert!(d.is_empty());
    for (i, f) in Field::ALL.iter().enumerate() {
        d.set(*f, format!("v{i}"));
    }
    assert_eq!(d, draft("v0", "v1", "v2", "v3"));
    for (i, f) in Field::ALL.iter().enumerate() {
        assert_eq!(d.get(*f), format!("v{i}"));
    }
    assert!(!d.is_empty());
    assert!(draft("  ", "\n", "\t", " ").is_empty());
    assert!(!draft("", "", "", "x").is_empty());
}

#[test]
fn rules_say_which_fields_are_required() {
    assert!(STRICT.is_required(Field::Comment));
    assert!(STRICT.is_required(Field::Name));
    assert!(STRICT.is_required(Field::Email));
    assert!(!STRICT.is_required(Field::Website));
    assert!(LAX.is_required(Field::Comment));
    assert!(!LAX.is_required(Field::Name));
    assert!(!LAX.is_required(Field::Email));
    assert!(!LAX.is_required(Field::Website));
}

// ---------------------------------------------------------------------------------------------
// Validation: required
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_required_fields_are_required() {
    assert_eq!(
        validate_field(Field::Comment, "", STRICT),
        Some(FieldError::Required)
    );
    assert_eq!(
        validate_field(Field::Name, "", STRICT),
        Some(FieldError::Required)
    );
    assert_eq!(
        validate_field(Field::Email, "", STRICT),
        Some(FieldError::Required)
    );
    assert_eq!(validate_field(Field::Website, "", STRICT), None);
}

#[test]
fn whitespace_only_is_required() {
    for blank in [" ", "   ", "\n", "\t \n", "\r\n\r\n", "\u{a0}", "\u{3000}"] {
        for field in [Field::Comment, Field::Name, Field::Email] {
            assert_eq!(
                validate_field(field, blank, STRICT),
                Some(FieldError::Required),
                "{field:?} {blank:?}"
            );
        }
        assert_eq!(validate_field(Field::Website, blank, STRICT), None);
        assert_eq!(validate_field(Field::Name, blank, LAX), None);
        assert_eq!(validate_field(Field::Email, blank, LAX), None);
    }
}

#[test]
fn comment_is_required_even_when_name_and_email_are_optional() {
    assert_eq!(
        validate_field(Field::Comment, "  ", LAX),
        Some(FieldError::Required)
    );
    assert_eq!(
        validate(&draft("", "", "", ""), LAX),
        vec![(Field::Comment, FieldError::Required)]
    );
}

#[test]
fn optional_name_and_email_are_still_validated_when_given() {
    assert_eq!(
        validate_field(Field::Email, "not-an-email", LAX),
        Some(FieldError::EmailInvalid)
    );
    assert_eq!(
        validate_field(Field::Name, &"a".repeat(246), LAX),
        too_long(245, 246)
    );
    assert_eq!(
        validate_field(
            Field::Email,
            &format!("{}@example.com", "a".repeat(89)),
            LAX
        ),
        too_long(100, 101)
    );
    assert_eq!(validate_field(Field::Email, "a@b.c", LAX), None);
    assert_eq!(validate_field(Field::Name, "Ann", LAX), None);
    assert_eq!(
        validate(&draft("Hi", "", "nope", ""), LAX),
        vec![(Field::Email, FieldError::EmailInvalid)]
    );
    assert!(validate(&draft("Hi", "", "", ""), LAX).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Validation: byte limits
// ---------------------------------------------------------------------------------------------

#[test]
fn name_limit_ascii_at_the_boundary() {
    assert_eq!(validate_field(Field::Name, &"a".repeat(245), STRICT), None);
    assert_eq!(
        validate_field(Field::Name, &"a".repeat(246), STRICT),
        too_long(245, 246)
    );
}

#[test]
fn name_limit_two_byte_characters() {
    assert_eq!("é".len(), 2);
    let ok = "é".repeat(122);
    assert_eq!(ok.len(), 244);
    assert_eq!(validate_field(Field::Name, &ok, STRICT), None);
    let over = "é".repeat(123);
    assert_eq!(
        validate_field(Field::Name, &over, STRICT),
        too_long(245, 246)
    );
    // 122 "é" + 1 ASCII = exactly 245 bytes.
    assert_eq!(validate_field(Field::Name, &format!("{ok}a"), STRICT), None);
}

#[test]
fn name_limit_three_byte_korean_syllables() {
    assert_eq!("가".len(), 3);
    // responses.txt r18: WordPress accepted an author of 245 bytes of Korean.
    let ok = "가".repeat(81);
    assert_eq!(ok.len(), 243);
    assert_eq!(validate_field(Field::Name, &ok, STRICT), None);
    assert_eq!(
        validate_field(Field::Name, &"가".repeat(82), STRICT),
        too_long(245, 246)
    );
    // 81 syllables + 2 ASCII = 245 bytes: the limit itself.
    assert_eq!(
        validate_field(Field::Name, &format!("{ok}ab"), STRICT),
        None
    );
    assert_eq!(
        validate_field(Field::Name, &format!("{ok}abc"), STRICT),
        too_long(245, 246)
    );
}

#[test]
fn name_limit_four_byte_emoji() {
    assert_eq!("😀".len(), 4);
    assert_eq!(validate_field(Field::Name, &"😀".repeat(61), STRICT), None);
    assert_eq!(
        validate_field(Field::Name, &"😀".repeat(62), STRICT),
        too_long(245, 248)
    );
}

#[test]
fn limits_count_bytes_not_characters() {
    // 82 characters is far below 245 characters, yet refused: bytes are what count.
    let name = "가".repeat(82);
    assert_eq!(name.chars().count(), 82);
    assert!(matches!(
        validate_field(Field::Name, &name, STRICT),
        Some(FieldError::TooLong { .. })
    ));
}

#[test]
fn leading_and_trailing_spaces_are_trimmed_before_counting() {
    let padded = format!("   {}   ", "a".repeat(245));
    assert_eq!(validate_field(Field::Name, &padded, STRICT), None);
    let padded = format!("\n\t{}\n ", "가".repeat(81));
    assert_eq!(validate_field(Field::Name, &padded, STRICT), None);
    let padded = format!("  {}  ", "a".repeat(246));
    assert_eq!(
        validate_field(Field::Name, &padded, STRICT),
        too_long(245, 246)
    );
    // Inner spaces count.
    let inner = format!("{} {}", "a".repeat(122), "a".repeat(123));
    assert_eq!(
        validate_field(Field::Name, &inner, STRICT),
        too_long(245, 246)
    );
}

#[test]
fn email_limit_is_100_bytes() {
    let domain = "@example.com";
    let ok = format!("{}{domain}", "a".repeat(100 - domain.len()));
    assert_eq!(ok.len(), 100);
    assert_eq!(validate_field(Field::Email, &ok, STRICT), None);
    let over = format!("{}{domain}", "a".repeat(101 - domain.len()));
    assert_eq!(
        validate_field(Field::Email, &over, STRICT),
        too_long(100, 101)
    );
    // Trimmed before counting.
    assert_eq!(
        validate_field(Field::Email, &format!("  {ok}  "), STRICT),
        None
    );
}

#[test]
fn website_limit_is_200_bytes() {
    let prefix = "https://example.com/";
    let ok = format!("{prefix}{}", "a".repeat(200 - prefix.len()));
    assert_eq!(ok.len(), 200);
    assert_eq!(validate_field(Field::Website, &ok, STRICT), None);
    let over = format!("{prefix}{}", "a".repeat(201 - prefix.len()));
    assert_eq!(
        validate_field(Field::Website, &over, STRICT),
        too_long(200, 201)
    );
    // Multi-byte path: 20 + 60 × 3 = 200 bytes, 61 × 3 = 203.
    let ok = format!("{prefix}{}", "가".repeat(60));
    assert_eq!(validate_field(Field::Website, &ok, STRICT), None);
    let over = format!("{prefix}{}", "가".repeat(61));
    assert_eq!(
        validate_field(Field::Website, &over, STRICT),
        too_long(200, 203)
    );
}

#[test]
fn comment_limit_is_65525_bytes() {
    assert_eq!(
        validate_field(Field::Comment, &"a".repeat(65_525), STRICT),
        None
    );
    assert_eq!(
        validate_field(Field::Comment, &"a".repeat(65_526), STRICT),
        too_long(65_525, 65_526)
    );
    // 21,841 × 3 = 65,523 bytes + "ab" = 65,525.
    let korean = format!("{}ab", "가".repeat(21_841));
    assert_eq!(korean.len(), 65_525);
    assert_eq!(validate_field(Field::Comment, &korean, STRICT), None);
    assert_eq!(
        validate_field(Field::Comment, &format!("{korean}c"), STRICT),
        too_long(65_525, 65_526)
    );
    // 16,381 emoji = 65,524 bytes; one more = 65,528.
    assert_eq!(
        validate_field(Field::Comment, &"😀".repeat(16_381), STRICT),
        None
    );
    assert_eq!(
        validate_field(Field::Comment, &"😀".repeat(16_382), STRICT),
        too_long(65_525, 65_528)
    );
    // Surrounding blank lines are not counted.
    let padded = format!("\n\n{}\n\n", "a".repeat(65_525));
    assert_eq!(validate_field(Field::Comment, &padded, STRICT), None);
}

#[test]
fn too_long_comes_before_format_checks() {
    // A 101-byte string that is not an email either: the length is what is reported.
    assert_eq!(
        validate_field(Field::Email, &"x".repeat(101), STRICT),
        too_long(100, 101)
    );
    assert_eq!(
        validate_field(Field::Website, &"x".repeat(201), STRICT),
        too_long(200, 201)
    );
}

// ---------------------------------------------------------------------------------------------
// Validation: email and website formats
// ---------------------------------------------------------------------------------------------

#[test]
fn plausible_emails_are_accepted() {
    for ok in [
        "a@b.c",
        "alice@example.com",
        "first.last+tag@mail.example.co.uk",
        "o'brien@example.ie",
        "ünïcödé@exämple.de",
        "UPPER@EXAMPLE.COM",
    ] {
        assert!(is_plausible_email(ok), "{ok}");
        assert_eq!(validate_field(Field::Email, ok, STRICT), None, "{ok}");
    }
    // Surrounding spaces are trimmed, not refused.
    assert_eq!(validate_field(Field::Email, "  a@b.c \n", STRICT), None);
}

#[test]
fn implausible_emails_are_refused() {
    for bad in [
        "a@b",
        "alice@localhost",
        "a@@b.c",
        "a@b@c.d",
        "a b@c.d",
        "a@b .c",
        "a@b.c d",
        "a\t@b.c",
        "a@.b",
        "@b.c",
        "a@b.",
        "a@b..c",
        "a@",
        "@",
        "plainaddress",
        "a.b.c",
    ] {
        assert!(!is_plausible_email(bad), "{bad}");
        assert_eq!(
            validate_field(Field::Email, bad, STRICT),
            Some(FieldError::EmailInvalid),
            "{bad}"
        );
    }
}

#[test]
fn web_urls_are_accepted() {
    for ok in [
        "http://example.com",
        "https://example.com",
        "https://example.com/path?q=1#f",
        "HTTP://EXAMPLE.COM",
        "HTTPS://Example.com/A",
        "Https://example.com",
        "https://example.com:8443/",
        "http://127.0.0.1:8090/",
        "https://bücher.example/",
    ] {
        assert!(is_web_url(ok), "{ok}");
        assert_eq!(validate_field(Field::Website, ok, STRICT), None, "{ok}");
    }
    assert_eq!(
        validate_field(Field::Website, "  https://example.com  ", STRICT),
        None
    );
}

#[test]
fn non_web_urls_are_refused() {
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "example.com",
        "www.example.com",
        "http://",
        "https://",
        "https:///path",
        "http://?q",
        "http://#x",
        "ftp://example.com",
        "data:text/html,<script>alert(1)</script>",
        "//example.com",
        "https://exa mple.com",
        "mailto:a@b.c",
        "http:example.com",
    ] {
        assert!(!is_web_url(bad), "{bad}");
        assert_eq!(
            validate_field(Field::Website, bad, STRICT),
            Some(FieldError::WebsiteInvalid),
            "{bad}"
        );
    }
}

#[test]
fn validate_reports_every_error_in_form_order() {
    let all_wrong = draft("", &"n".repeat(246), "a@b", "example.com");
    assert_eq!(
        validate(&all_wrong, STRICT),
        vec![
            (Field::Comment, FieldError::Required),
            (Field::Name, too_long(245, 246).unwrap()),
            (Field::Email, FieldError::EmailInvalid),
            (Field::Website, FieldError::WebsiteInvalid),
        ]
    );
    assert_eq!(
        validate(&draft("", "", "", ""), STRICT),
        vec![
            (Field::Comment, FieldError::Required),
            (Field::Name, FieldError::Required),
            (Field::Email, FieldError::Required),
        ]
    );
    // Only some fields wrong: still in form order, the rest absent.
    assert_eq!(
        validate(&draft("Hi", "", "a@b.c", "javascript:alert(1)"), STRICT),
        vec![
            (Field::Name, FieldError::Required),
            (Field::Website, FieldError::WebsiteInvalid),
        ]
    );
    assert!(validate(&valid_draft(), STRICT).is_empty());
    assert!(validate(
        &draft("Hi", "Bo", "bo@example.org", "https://bo.example"),
        STRICT
    )
    .is_empty());
}

// ---------------------------------------------------------------------------------------------
// Wire: json
// ---------------------------------------------------------------------------------------------

fn submission<'a>(post_id: &'a str, parent: u64, d: &'a Draft, save: bool) -> Submission<'a> {
    Submission {
        post_id,
        parent,
        draft: d,
        save_details: save,
        honeypot: "",
    }
}

#[test]
fn json_body_exact_with_numeric_post_id() {
    let d = draft("Nice piece.", "Alice", "alice@example.com", "");
    assert_eq!(
        encode_json(&submission("4", 0, &d, false)),
        r#"{"post":4,"parent":0,"content":"Nice piece.","author_name":"Alice","author_email":"alice@example.com","author_url":""}"#
    );
}

#[test]
fn json_body_with_parent_and_website() {
    let d = draft("Agreed", "Bo", "bo@example.org", "https://bo.example/");
    assert_eq!(
        encode_json(&submission("123", 42, &d, true)),
        r#"{"post":123,"parent":42,"content":"Agreed","author_name":"Bo","author_email":"bo@example.org","author_url":"https://bo.example/"}"#
    );
}

#[test]
fn json_body_numeric_post_id_is_trimmed_and_a_number() {
    let d = valid_draft();
    let body = encode_json(&submission(" 17 ", 0, &d, false));
    assert!(body.starts_with(r#"{"post":17,"parent":0,"#), "{body}");
    let value: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(value["post"], json!(17));
    assert!(value["post"].is_u64());
}

#[test]
fn json_body_non_numeric_post_id_is_a_string() {
    let d = valid_draft();
    for (id, expected) in [
        ("my-slug", r#""my-slug""#),
        ("12a", r#""12a""#),
        ("-3", r#""-3""#),
        ("a\"b", r#""a\"b""#),
    ] {
        let body = encode_json(&submission(id, 0, &d, false));
        assert!(
            body.starts_with(&format!(r#"{{"post":{expected},"parent":0,"#)),
            "{body}"
        );
        let value: Value = serde_json::from_str(&body).expect("valid JSON");
        assert_eq!(value["post"], json!(id));
    }
}

#[test]
fn json_body_escapes_quotes_newlines_and_keeps_unicode() {
    let d = draft(
        "  He said \"hi\"\nthen left\t\\o/  ",
        " Zoë 가 😀 ",
        " zoe@example.com ",
        " https://example.com/?a=1&b=\"2\" ",
    );
    let body = encode_json(&submission("9", 3, &d, false));
    assert_eq!(
        body,
        "{\"post\":9,\"parent\":3,\"content\":\"He said \\\"hi\\\"\\nthen left\\t\\\\o/\",\
         \"author_name\":\"Zoë 가 😀\",\"author_email\":\"zoe@example.com\",\
         \"author_url\":\"https://example.com/?a=1&b=\\\"2\\\"\"}"
    );
    let value: Value = serde_json::from_str(&body).expect("valid JSON");
    assert_eq!(value["content"], json!("He said \"hi\"\nthen left\t\\o/"));
    assert_eq!(value["author_name"], json!("Zoë 가 😀"));
    assert_eq!(value["author_email"], json!("zoe@example.com"));
    assert_eq!(
        value["author_url"],
        json!("https://example.com/?a=1&b=\"2\"")
    );
}

#[test]
fn json_body_escapes_control_characters_and_cannot_be_broken_out_of() {
    let d = draft(
        "a\u{1}b</script>\r\n\"},\"post\":1,\"x\":\"",
        "N",
        "n@e.st",
        "",
    );
    let body = encode_json(&submission("5", 0, &d, false));
    let value: Value = serde_json::from_str(&body).expect("valid JSON");
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 6);
    assert_eq!(value["post"], json!(5));
    assert_eq!(
        value["content"],
        json!("a\u{1}b</script>\r\n\"},\"post\":1,\"x\":\"")
    );
    assert!(!body.contains('\u{1}'));
    assert!(body.contains("\\u0001"));
}

#[test]
fn json_body_field_order_is_the_contracts() {
    let d = valid_draft();
    let body = encode_json(&submission("1", 0, &d, true));
    let order = [
        "\"post\"",
        "\"parent\"",
        "\"content\"",
        "\"author_name\"",
        "\"author_email\"",
        "\"author_url\"",
    ];
    let positions: Vec<usize> = order.iter().map(|k| body.find(k).unwrap()).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
    // save_details never goes over the json wire.
    assert!(!body.contains("consent"));
}

#[test]
fn json_body_carries_a_filled_honeypot_last_and_an_empty_one_not_at_all() {
    let d = valid_draft();
    let mut trapped = submission("4", 0, &d, false);
    trapped.honeypot = "https://spam.example";
    assert_eq!(
        encode_json(&trapped),
        r#"{"post":4,"parent":0,"content":"Nice piece.","author_name":"Alice","author_email":"alice@example.com","author_url":"","byline_hp":"https://spam.example"}"#
    );
    assert_eq!(HONEYPOT_FIELD, "byline_hp");
    // A person's reply (honeypot empty) has exactly the contract's six fields.
    let body = encode_json(&submission("4", 0, &d, false));
    let value: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(value.as_object().unwrap().len(), 6);
    assert!(!body.contains("byline_hp"));
}

// ---------------------------------------------------------------------------------------------
// Wire: form
// ---------------------------------------------------------------------------------------------

#[test]
fn form_body_carries_a_filled_honeypot_last_and_an_empty_one_not_at_all() {
    let d = draft("Nice piece.", "Alice", "alice@example.com", "");
    let mut trapped = submission("4", 0, &d, true);
    trapped.honeypot = "a b&c";
    assert_eq!(
        encode_form(&trapped),
        "comment=Nice+piece.&author=Alice&email=alice%40example.com&url=&comment_post_ID=4\
         &comment_parent=0&wp-comment-cookies-consent=yes&byline_hp=a+b%26c"
    );
    assert!(!encode_form(&submission("4", 0, &d, true)).contains("byline_hp"));
}

// ---------------------------------------------------------------------------------------------
// Nonces (a signed-in reader)
// ---------------------------------------------------------------------------------------------

#[test]
fn an_invalid_nonce_is_recognised_by_code_and_status_only() {
    let refused = r#"{"code":"rest_cookie_invalid_nonce","message":"Cookie check failed","data":{"status":403}}"#;
    assert!(is_invalid_nonce(403, refused));
    assert!(is_invalid_nonce(403, &format!("  {refused}\n")));
    assert!(!is_invalid_nonce(400, refused), "another status");
    assert!(!is_invalid_nonce(
        403,
        r#"{"code":"rest_comment_closed","message":"Sorry, comments are closed for this item."}"#
    ));
    assert!(
        !is_invalid_nonce(403, "rest_cookie_invalid_nonce"),
        "not JSON"
    );
    assert!(
        !is_invalid_nonce(403, r#"{"code":7}"#),
        "a code that is not text"
    );
    assert!(!is_invalid_nonce(403, ""));
}

#[test]
fn a_fresh_nonce_is_plain_alphanumeric_text() {
    assert_eq!(parse_nonce("0a1b2c3d4e"), Some("0a1b2c3d4e".to_owned()));
    assert_eq!(parse_nonce(" 0a1b2c3d4e\n"), Some("0a1b2c3d4e".to_owned()));
    // WordPress's answer to a reader who is logged out, an error page, markup, nothing.
    for refused in [
        "0",
        "-1",
        "",
        "<html><body>Error</body></html>",
        "abc def ghi",
        "0a1b2c3d4e\r\nX-Evil: 1",
    ] {
        assert_eq!(parse_nonce(refused), None, "{refused:?}");
    }
    assert_eq!(parse_nonce(&"a".repeat(65)), None, "too long");
}

#[test]
fn form_body_exact_without_consent() {
    let d = draft("Nice piece.", "Alice", "alice@example.com", "");
    assert_eq!(
        encode_form(&submission("4", 0, &d, false)),
        "comment=Nice+piece.&author=Alice&email=alice%40example.com&url=&comment_post_ID=4&comment_parent=0"
    );
}

#[test]
fn form_body_exact_with_consent_and_parent() {
    let d = draft("Agreed", "Bo", "bo@example.org", "https://bo.example/");
    assert_eq!(
        encode_form(&submission("123", 42, &d, true)),
        "comment=Agreed&author=Bo&email=bo%40example.org&url=https%3A%2F%2Fbo.example%2F\
         &comment_post_ID=123&comment_parent=42&wp-comment-cookies-consent=yes"
    );
}

#[test]
fn form_body_encodes_spaces_utf8_and_separators() {
    let d = draft(
        "  a & b = c + d\nnew line 100% é 가 😀  ",
        " Zoë O'Brien ",
        " z@e.st ",
        " https://e.st/?q=a&b=c#f ",
    );
    assert_eq!(
        encode_form(&submission(" 7 ", 0, &d, false)),
        "comment=a+%26+b+%3D+c+%2B+d%0Anew+line+100%25+%C3%A9+%EA%B0%80+%F0%9F%98%80\
         &author=Zo%C3%AB+O%27Brien&email=z%40e.st\
         &url=https%3A%2F%2Fe.st%2F%3Fq%3Da%26b%3Dc%23f&comment_post_ID=7&comment_parent=0"
    );
}

#[test]
fn form_body_has_exactly_the_wordpress_names() {
    let d = valid_draft();
    let names = |save: bool| -> Vec<String> {
        encode_form(&submission("4", 0, &d, save))
            .split('&')
            .map(|pair| pair.split('=').next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names(false),
        vec![
            "comment",
            "author",
            "email",
            "url",
            "comment_post_ID",
            "comment_parent"
        ]
    );
    assert_eq!(
        names(true),
        vec![
            "comment",
            "author",
            "email",
            "url",
            "comment_post_ID",
            "comment_parent",
            "wp-comment-cookies-consent"
        ]
    );
    // Values with '&' and '=' never add pairs.
    let tricky = draft("a&b=c&d", "x=y", "e@x.y", "");
    let body = encode_form(&submission("4", 0, &tricky, true));
    assert_eq!(body.matches('&').count(), 6);
    assert_eq!(body.matches('=').count(), 7);
    assert_eq!(body.matches("wp-comment-cookies-consent=yes").count(), 1);
}

#[test]
fn form_encode_follows_the_urlencoded_serializer() {
    assert_eq!(form_encode(""), "");
    assert_eq!(
        form_encode("AZaz09*-._"),
        "AZaz09*-._",
        "unreserved bytes pass through"
    );
    assert_eq!(form_encode(" "), "+");
    assert_eq!(form_encode("a b  c"), "a+b++c");
    assert_eq!(form_encode("+"), "%2B");
    assert_eq!(form_encode("&"), "%26");
    assert_eq!(form_encode("="), "%3D");
    assert_eq!(form_encode("%"), "%25");
    assert_eq!(form_encode("~"), "%7E");
    assert_eq!(
        form_encode("/?#[]@!$'()"),
        "%2F%3F%23%5B%5D%40%21%24%27%28%29"
    );
    assert_eq!(form_encode("\r\n"), "%0D%0A");
    assert_eq!(form_encode("é"), "%C3%A9");
    assert_eq!(form_encode("가"), "%EA%B0%80");
    assert_eq!(form_encode("😀"), "%F0%9F%98%80");
    assert_eq!(form_encode("’"), "%E2%80%99");
    // Uppercase hex digits.
    assert_eq!(form_encode("\u{ff}"), "%C3%BF");
}

// ---------------------------------------------------------------------------------------------
// classify: helpers and bodies taken from responses.txt
// ---------------------------------------------------------------------------------------------

fn response(status: u16, body: &str) -> Answer<'_> {
    Answer::Response {
        status,
        redirected: false,
        final_url: "http://127.0.0.1:8090/wp-json/wp/v2/comments",
        retry_after: None,
        body,
    }
}

fn wp_error(code: &str, message: &str, status: u16) -> String {
    json!({"code": code, "message": message, "data": {"status": status}}).to_string()
}

fn fields(list: &[(Field, &str)]) -> Outcome {
    Outcome::Refused {
        fields: list.iter().map(|(f, m)| (*f, (*m).to_owned())).collect(),
        notice: None,
    }
}

fn notice(n: Notice) -> Outcome {
    Outcome::Refused {
        fields: vec![],
        notice: Some(n),
    }
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

const DUP_RAW: &str =
    "Duplicate comment detected; it looks as though you&#8217;ve already said that!";
const DUP_TEXT: &str =
    "Duplicate comment detected; it looks as though you\u{2019}ve already said that!";
const FLOOD: &str = "You are posting comments too quickly. Slow down.";
const LENGTH: &str = "Comment field exceeds maximum length allowed.";
const NO_POST: &str = "Sorry, you are not allowed to create this comment without a post.";
const CLOSED: &str = "Sorry, comments are closed for this item.";
const AUTHOR_DATA: &str = "Creating a comment requires valid author name and email values.";

/// r01/r14/r15/r16: the created comment, as WordPress 6.1 returns it.
fn created_comment(id: u64, status: &str) -> Value {
    json!({
        "id": id,
        "post": 4,
        "parent": 0,
        "author": 0,
        "author_name": "Alice",
        "author_url": "",
        "date": "2026-11-27T23:23:11",
        "date_gmt": "2026-11-27T23:23:11",
        "content": {"rendered": "<p>Nice piece.</p>\n"},
        "link": "http://127.0.0.1:8090/2026/11/27/widget-test/#comment-2",
        "status": status,
        "type": "comment",
        "author_avatar_urls": {"24": "http://2.gravatar.com/avatar/x?s=24&d=mm&r=g"},
        "meta": [],
        "_links": {"self": [{"href": "http://127.0.0.1:8090/wp-json/wp/v2/comments/2"}]}
    })
}

// ---------------------------------------------------------------------------------------------
// classify: json wire
// ---------------------------------------------------------------------------------------------

#[test]
fn r01_created_and_held() {
    let comment = created_comment(2, "hold");
    let body = comment.to_string();
    assert_eq!(
        classify(Wire::Json, &response(201, &body)),
        Outcome::Sent {
            visibility: Visibility::Held,
            comment: serde_json::from_str(&body).ok(),
        }
    );
}

#[test]
fn r17_created_and_approved() {
    let comment = created_comment(8, "approved");
    let body = comment.to_string();
    assert_eq!(
        classify(Wire::Json, &response(201, &body)),
        Outcome::Sent {
            visibility: Visibility::Approved,
            comment: serde_json::from_str(&body).ok(),
        }
    );
}

#[test]
fn json_success_with_any_other_status_is_held() {
    for status in ["hold", "unapproved", "spam", ""] {
        let comment = created_comment(3, status);
        let body = comment.to_string();
        assert!(
            matches!(
                classify(Wire::Json, &response(201, &body)),
                Outcome::Sent {
                    visibility: Visibility::Held,
                    comment: Some(_)
                }
            ),
            "{status}"
        );
    }
    // No status at all.
    let outcome = classify(Wire::Json, &response(201, r#"{"id": 5}"#));
    assert_eq!(
        outcome,
        Outcome::Sent {
            visibility: Visibility::Held,
            comment: serde_json::from_str(r#"{"id": 5}"#).ok(),
        }
    );
    assert_eq!(outcome.failure_kind(), None);
}

#[test]
fn json_2xx_without_a_comment_object_is_not_a_success() {
    // A captive portal's page, or the collection a followed 301/302 fetched with GET: nothing
    // says the reply was stored, so it must not be reported sent (which clears the draft).
    let portal = "<html><body><h1>Sign in to the hotel Wi-Fi</h1></body></html>";
    assert_eq!(
        classify(Wire::Json, &response(200, portal)),
        Outcome::Failed(Failure::Server(200))
    );
    let redirected_get = Answer::Response {
        status: 200,
        redirected: true,
        final_url: "https://example.com/wp-json/wp/v2/comments",
        retry_after: None,
        body: "[]",
    };
    assert_eq!(
        classify(Wire::Json, &redirected_get),
        Outcome::Failed(Failure::Server(200))
    );
    assert_eq!(
        classify(Wire::Json, &response(201, "not json")),
        Outcome::Failed(Failure::Server(201))
    );
    assert_eq!(
        classify(Wire::Json, &response(200, "")),
        Outcome::Failed(Failure::Server(200))
    );
    for outcome in [
        classify(Wire::Json, &response(200, portal)),
        classify(Wire::Json, &response(201, "null")),
    ] {
        assert_eq!(outcome.failure_kind(), Some("server"));
    }
}

#[test]
fn r02_duplicate_with_entity_decoded() {
    let body = wp_error("comment_duplicate", DUP_RAW, 409);
    let outcome = classify(Wire::Json, &response(409, &body));
    assert_eq!(outcome, notice(Notice::Duplicate(some(DUP_TEXT))));
    let Outcome::Refused {
        notice: Some(Notice::Duplicate(Some(text))),
        ..
    } = &outcome
    else {
        panic!("{outcome:?}")
    };
    assert!(text.contains('\u{2019}'));
    assert!(!text.contains("&#8217;"));
    assert_eq!(outcome.failure_kind(), Some("server"));
}

#[test]
fn r03_flood_is_a_400_with_its_own_message() {
    let body = wp_error("comment_flood", FLOOD, 400);
    assert_eq!(
        classify(Wire::Json, &response(400, &body)),
        notice(Notice::Flood(some(FLOOD)))
    );
}

#[test]
fn json_429_honours_retry_after() {
    let body = wp_error("rest_too_many_requests", "Too many requests.", 429);
    let answer = Answer::Response {
        status: 429,
        redirected: false,
        final_url: "",
        retry_after: Some(30),
        body: &body,
    };
    assert_eq!(
        classify(Wire::Json, &answer),
        notice(Notice::RateLimited {
            retry_after: Some(30),
            text: some("Too many requests."),
        })
    );
    // A proxy's 429 with no body and no Retry-After.
    assert_eq!(
        classify(Wire::Json, &response(429, "")),
        notice(Notice::RateLimited {
            retry_after: None,
            text: None,
        })
    );
    // A proxy's 429 with an HTML body and Retry-After.
    let answer = Answer::Response {
        status: 429,
        redirected: false,
        final_url: "",
        retry_after: Some(120),
        body: "<html><body><h1>429 Too Many Requests</h1></body></html>",
    };
    assert!(matches!(
        classify(Wire::Json, &answer),
        Outcome::Refused {
            notice: Some(Notice::RateLimited {
                retry_after: Some(120),
                ..
            }),
            ..
        }
    ));
}

#[test]
fn r04_invalid_content_goes_on_the_comment() {
    let body = wp_error(
        "rest_comment_content_invalid",
        "Invalid comment content.",
        400,
    );
    assert_eq!(
        classify(Wire::Json, &response(400, &body)),
        fields(&[(Field::Comment, "Invalid comment content.")])
    );
}

#[test]
fn r05_r06_author_data_required_goes_on_name_and_email() {
    let body = wp_error("rest_comment_author_data_required", AUTHOR_DATA, 400);
    assert_eq!(
        classify(Wire::Json, &response(400, &body)),
        fields(&[(Field::Name, AUTHOR_DATA), (Field::Email, AUTHOR_DATA)])
    );
}

#[test]
fn r07_invalid_param_goes_on_the_named_field_with_its_message() {
    let body = json!({
        "code": "rest_invalid_param",
        "message": "Invalid parameter(s): author_email",
        "data": {
            "status": 400,
            "params": {"author_email": "Invalid email address."},
            "details": {"author_email": {"code": "rest_invalid_email", "message": "Invalid email address.", "data": null}}
        }
    })
    .to_string();
    assert_eq!(
        classify(Wire::Json, &response(400, &body)),
        fields(&[(Field::Email, "Invalid email address.")])
    );
}

#[test]
fn invalid_param_maps_every_known_param() {
    let body = json!({
        "code": "rest_invalid_param",
        "message": "Invalid parameter(s): content, author_name, author_email, author_url",
        "data": {"status": 400, "params": {
            "content": "Bad &amp; content.",
            "author_name": "Bad name.",
            "author_email": "Bad email.",
            "author_url": "Bad url."
        }}
    })
    .to_string();
    let Outcome::Refused { fields, notice } = classify(Wire::Json, &response(400, &body)) else {
        panic!()
    };
    assert_eq!(notice, None);
    let mut sorted = fields.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        vec![
            (Field::Comment, "Bad & content.".to_owned()),
            (Field::Name, "Bad name.".to_owned()),
            (Field::Email, "Bad email.".to_owned()),
            (Field::Website, "Bad url.".to_owned()),
        ]
    );
}

#[test]
fn invalid_param_with_only_unknown_params_shows_the_message() {
    let body = json!({
        "code": "rest_invalid_param",
        "message": "Invalid parameter(s): post",
        "data": {"status": 400, "params": {"post": "post is not of type integer."}}
    })
    .to_string();
    assert_eq!(
        classify(Wire::Json, &response(400, &body)),
        notice(Notice::Other("Invalid parameter(s): post".to_owned()))
    );
    // An empty param message falls back to the main message.
    let body = json!({
        "code": "rest_invalid_param",
        "message": "Invalid parameter(s): author_url",
        "data": {"status": 400, "params": {"author_url": ""}}
    })
    .to_string();
    assert_eq!(
        classify(Wire::Json, &response(400, &body)),
        fields(&[(Field::Website, "Invalid parameter(s): author_url")])
    );
}

#[test]
fn r08_r09_column_lengths_go_on_their_fields() {
    for (code, field) in [
        ("comment_author_column_length", Field::Name),
        ("comment_content_column_length", Field::Comment),
        ("comment_author_email_column_length", Field::Email),
        ("comment_author_url_column_length", Field::Website),
    ] {
        let body = wp_error(code, LENGTH, 400);
        assert_eq!(
            classify(Wire::Json, &response(400, &body)),
            fields(&[(field, LENGTH)]),
            "{code}"
        );
    }
}

#[test]
fn r10_r12_invalid_post_id() {
    let body = wp_error("rest_comment_invalid_post_id", NO_POST, 403);
    assert_eq!(
        classify(Wire::Json, &response(403, &body)),
        notice(Notice::InvalidPost(some(NO_POST)))
    );
}

#[test]
fn r11_closed() {
    let body = wp_error("rest_comment_closed", CLOSED, 403);
    assert_eq!(
        classify(Wire::Json, &response(403, &body)),
        notice(Notice::Closed(some(CLOSED)))
    );
}

#[test]
fn login_required_401() {
    let message = "Sorry, you must be logged in to comment.";
    let body = wp_error("rest_comment_login_required", message, 401);
    assert_eq!(
        classify(Wire::Json, &response(401, &body)),
        notice(Notice::LoginRequired(some(message)))
    );
}

#[test]
fn r13b_unknown_code_shows_the_servers_message() {
    let body = wp_error("rest_invalid_json", "Invalid JSON body passed.", 400);
    assert_eq!(
        classify(Wire::Json, &response(400, &body)),
        notice(Notice::Other("Invalid JSON body passed.".to_owned()))
    );
    let body = wp_error(
        "some_plugin_code",
        "<p>Blocked by <em>Akismet</em> &amp; friends.</p>",
        400,
    );
    assert_eq!(
        classify(Wire::Json, &response(400, &body)),
        notice(Notice::Other("Blocked by Akismet & friends.".to_owned()))
    );
}

#[test]
fn c05_cross_origin_error_reads_the_same() {
    let body = wp_error("rest_comment_invalid_post_id", NO_POST, 403);
    let answer = Answer::Response {
        status: 403,
        redirected: false,
        final_url: "http://127.0.0.1:8090/wp-json/wp/v2/comments",
        retry_after: None,
        body: &body,
    };
    assert_eq!(
        classify(Wire::Json, &answer),
        notice(Notice::InvalidPost(some(NO_POST)))
    );
}

#[test]
fn server_errors_are_failures_whatever_the_body() {
    let html = "<!DOCTYPE html><html><head><title>Error</title></head><body>\
                <h1>There has been a critical error on this website.</h1></body></html>";
    let json_error = wp_error(
        "internal_server_error",
        "<p>There has been a critical error on this website.</p>",
        500,
    );
    for wire in [Wire::Json, Wire::Form] {
        for status in [500, 502, 503, 504] {
            for body in [html, json_error.as_str(), "", "Bad Gateway"] {
                let outcome = classify(wire, &response(status, body));
                assert_eq!(
                    outcome,
                    Outcome::Failed(Failure::Server(status)),
                    "{wire:?} {status} {body}"
                );
                assert_eq!(outcome.failure_kind(), Some("server"));
            }
        }
    }
    // Even a comment-shaped body with a 5xx is not a success.
    let comment = created_comment(2, "approved").to_string();
    assert_eq!(
        classify(Wire::Json, &response(503, &comment)),
        Outcome::Failed(Failure::Server(503))
    );
}

#[test]
fn transport_failures() {
    for wire in [Wire::Json, Wire::Form] {
        assert_eq!(
            classify(wire, &Answer::Offline),
            Outcome::Failed(Failure::Offline)
        );
        assert_eq!(
            classify(wire, &Answer::Timeout),
            Outcome::Failed(Failure::Timeout)
        );
        assert_eq!(
            classify(wire, &Answer::NetworkError),
            Outcome::Failed(Failure::Network)
        );
    }
}

#[test]
fn failure_kind_mapping() {
    assert_eq!(
        Outcome::Sent {
            visibility: Visibility::Held,
            comment: None
        }
        .failure_kind(),
        None
    );
    assert_eq!(
        Outcome::Sent {
            visibility: Visibility::Unknown,
            comment: None
        }
        .failure_kind(),
        None
    );
    assert_eq!(notice(Notice::Closed(None)).failure_kind(), Some("server"));
    assert_eq!(
        fields(&[(Field::Email, "x")]).failure_kind(),
        Some("server")
    );
    assert_eq!(
        Outcome::Failed(Failure::Server(502)).failure_kind(),
        Some("server")
    );
    assert_eq!(
        Outcome::Failed(Failure::Network).failure_kind(),
        Some("network")
    );
    assert_eq!(
        Outcome::Failed(Failure::Offline).failure_kind(),
        Some("network")
    );
    assert_eq!(
        Outcome::Failed(Failure::Timeout).failure_kind(),
        Some("timeout")
    );
}

#[test]
fn json_error_status_without_error_object() {
    assert_eq!(
        classify(Wire::Json, &response(409, "")),
        notice(Notice::Duplicate(None))
    );
    assert_eq!(
        classify(Wire::Json, &response(401, "")),
        notice(Notice::LoginRequired(None))
    );
    assert_eq!(
        classify(Wire::Json, &response(403, "")),
        notice(Notice::Closed(None))
    );
    // An empty 4xx is something to retry, not a message.
    assert_eq!(
        classify(Wire::Json, &response(400, "")),
        Outcome::Failed(Failure::Server(400))
    );
    assert_eq!(
        classify(Wire::Json, &response(404, "   ")),
        Outcome::Failed(Failure::Server(404))
    );
}

// ---------------------------------------------------------------------------------------------
// classify: form wire
// ---------------------------------------------------------------------------------------------

const POST_PAGE: &str = "<!DOCTYPE html><html lang=\"en-US\"><head><title>widget test</title>\
    </head><body><article><h1>widget test</h1><p>Body</p></article>\
    <div id=\"comments\"><form action=\"/wp-comments-post.php\"></form></div></body></html>";

#[test]
fn f01_followed_redirect_is_sent() {
    let answer = Answer::Response {
        status: 200,
        redirected: true,
        final_url: "http://127.0.0.1:8090/2026/11/27/widget-test/#comment-6",
        retry_after: None,
        body: POST_PAGE,
    };
    let outcome = classify(Wire::Form, &answer);
    assert_eq!(
        outcome,
        Outcome::Sent {
            visibility: Visibility::Unknown,
            comment: None,
        }
    );
    assert_eq!(outcome.failure_kind(), None);
}

#[test]
fn f14_redirect_with_unapproved_is_held() {
    let answer = Answer::Response {
        status: 200,
        redirected: true,
        final_url: "http://127.0.0.1:8090/2026/11/27/widget-test/?unapproved=11&moderation-hash=b50ae06ff72f3fc23795ec07aff9729c#comment-11",
        retry_after: None,
        body: POST_PAGE,
    };
    assert_eq!(
        classify(Wire::Form, &answer),
        Outcome::Sent {
            visibility: Visibility::Held,
            comment: None,
        }
    );
}

#[test]
fn f01_unfollowed_302_is_sent() {
    let answer = Answer::Response {
        status: 302,
        redirected: false,
        final_url: "http://127.0.0.1:8090/wp-comments-post.php",
        retry_after: None,
        body: "",
    };
    assert_eq!(
        classify(Wire::Form, &answer),
        Outcome::Sent {
            visibility: Visibility::Unknown,
            comment: None,
        }
    );
}

#[test]
fn form_2xx_that_is_not_an_error_object_is_sent() {
    for body in ["OK", "{\"ok\":true}", POST_PAGE] {
        assert!(
            matches!(
                classify(Wire::Form, &response(200, body)),
                Outcome::Sent {
                    visibility: Visibility::Unknown,
                    comment: None
                }
            ),
            "{body}"
        );
    }
}

#[test]
fn f10_empty_200_is_sent_as_the_contract_says() {
    // responses.txt f10/fj10: an unknown comment_post_ID makes wp-comments-post.php exit with an
    // empty 200. The contract counts "any 2xx that is not an error object" as success, so this
    // reads as sent (the server said nothing else).
    assert_eq!(
        classify(Wire::Form, &response(200, "")),
        Outcome::Sent {
            visibility: Visibility::Unknown,
            comment: None,
        }
    );
}

fn wp_die(message: &str, status: u16) -> String {
    wp_error("wp_die", message, status)
}

#[test]
fn fj02_duplicate() {
    let body = wp_die(&format!("<p>{DUP_RAW}</p>"), 409);
    assert_eq!(
        classify(Wire::Form, &response(409, &body)),
        notice(Notice::Duplicate(some(DUP_TEXT)))
    );
}

#[test]
fn fj03_flood_429() {
    let body = wp_die(&format!("<p>{FLOOD}</p>"), 429);
    assert_eq!(
        classify(Wire::Form, &response(429, &body)),
        notice(Notice::RateLimited {
            retry_after: None,
            text: some(FLOOD),
        })
    );
    let answer = Answer::Response {
        status: 429,
        redirected: false,
        final_url: "",
        retry_after: Some(15),
        body: &body,
    };
    assert_eq!(
        classify(Wire::Form, &answer),
        notice(Notice::RateLimited {
            retry_after: Some(15),
            text: some(FLOOD),
        })
    );
}

#[test]
fn fj04_no_content_goes_on_the_comment_without_error_prefix() {
    let body = wp_die(
        "<p><strong>Error:</strong> Please type your comment text.</p>",
        200,
    );
    assert_eq!(
        classify(Wire::Form, &response(200, &body)),
        fields(&[(Field::Comment, "Please type your comment text.")])
    );
}

#[test]
fn fj05_required_fields_go_on_name_and_email() {
    let body = wp_die(
        "<p><strong>Error:</strong> Please fill the required fields.</p>",
        200,
    );
    assert_eq!(
        classify(Wire::Form, &response(200, &body)),
        fields(&[
            (Field::Name, "Please fill the required fields."),
            (Field::Email, "Please fill the required fields.")
        ])
    );
}

#[test]
fn fj07_bad_email() {
    let body = wp_die(
        "<p><strong>Error:</strong> Please enter a valid email address.</p>",
        200,
    );
    assert_eq!(
        classify(Wire::Form, &response(200, &body)),
        fields(&[(Field::Email, "Please enter a valid email address.")])
    );
}

#[test]
fn fj08_long_author() {
    let body = wp_die("<p><strong>Error:</strong> Your name is too long.</p>", 200);
    assert_eq!(
        classify(Wire::Form, &response(200, &body)),
        fields(&[(Field::Name, "Your name is too long.")])
    );
}

#[test]
fn f09_long_comment_email_and_url() {
    for (message, field) in [
        ("Your comment is too long.", Field::Comment),
        ("Your email address is too long.", Field::Email),
        ("Your URL is too long.", Field::Website),
    ] {
        let body = wp_die(&format!("<p><strong>Error:</strong> {message}</p>"), 200);
        assert_eq!(
            classify(Wire::Form, &response(200, &body)),
            fields(&[(field, message)]),
            "{message}"
        );
    }
}

#[test]
fn older_wordpress_wordings_go_on_their_fields() {
    // WordPress before 5.5: "<strong>ERROR</strong>: please …" (colon outside the tag).
    for (message, expected) in [
        (
            "<p><strong>ERROR</strong>: please type a comment.</p>",
            None,
        ),
        (
            "<p><strong>ERROR</strong>: please type your comment text.</p>",
            Some(vec![Field::Comment]),
        ),
        (
            "<p><strong>ERROR</strong>: please fill the required fields (name, email).</p>",
            Some(vec![Field::Name, Field::Email]),
        ),
        (
            "<p><strong>ERROR</strong>: please enter a valid email address.</p>",
            Some(vec![Field::Email]),
        ),
        (
            "<p><strong>Error</strong>: Please fill the required fields.</p>",
            Some(vec![Field::Name, Field::Email]),
        ),
    ] {
        let body = wp_die(message, 200);
        let outcome = classify(Wire::Form, &response(200, &body));
        let Outcome::Refused { fields, notice } = outcome else {
            panic!("{message}: {outcome:?}")
        };
        match expected {
            Some(expected) => {
                assert_eq!(notice, None, "{message}");
                let got: Vec<Field> = fields.iter().map(|(f, _)| *f).collect();
                assert_eq!(got, expected, "{message}");
                for (_, text) in &fields {
                    assert!(
                        text.to_lowercase().starts_with("please "),
                        "{message}: {text}"
                    );
                    assert!(!text.contains('<') && !text.contains("ERROR"), "{text}");
                }
            }
            None => assert_eq!(
                notice,
                Some(Notice::Other("please type a comment.".to_owned())),
                "{message}"
            ),
        }
    }
}

#[test]
fn fj11_closed_403() {
    let body = wp_die(&format!("<p>{CLOSED}</p>"), 403);
    assert_eq!(
        classify(Wire::Form, &response(403, &body)),
        notice(Notice::Closed(some(CLOSED)))
    );
}

#[test]
fn form_wp_die_with_an_unknown_message_is_shown_as_text() {
    let body = wp_die(
        "<p><strong>Error:</strong> Your comment was <em>blocked</em> &amp; logged.</p>",
        200,
    );
    assert_eq!(
        classify(Wire::Form, &response(200, &body)),
        notice(Notice::Other(
            "Your comment was blocked & logged.".to_owned()
        ))
    );
}

#[test]
fn form_mode_reads_rest_style_codes_too() {
    let body = wp_error("comment_duplicate", DUP_RAW, 409);
    assert_eq!(
        classify(Wire::Form, &response(409, &body)),
        notice(Notice::Duplicate(some(DUP_TEXT)))
    );
    let body = wp_error("rest_comment_closed", CLOSED, 403);
    assert_eq!(
        classify(Wire::Form, &response(403, &body)),
        notice(Notice::Closed(some(CLOSED)))
    );
}

#[test]
fn form_non_json_400_proxy_page_is_not_a_success_and_never_html() {
    let page = "<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n\
                <center><h1>400 Bad Request</h1></center>\r\n<hr><center>nginx</center>\r\n\
                </body>\r\n</html>\r\n";
    for wire in [Wire::Form, Wire::Json] {
        let outcome = classify(wire, &response(400, page));
        assert_eq!(outcome.failure_kind(), Some("server"), "{outcome:?}");
        match &outcome {
            Outcome::Failed(Failure::Server(400)) => {}
            Outcome::Refused {
                fields,
                notice: Some(Notice::Other(text)),
            } => {
                assert!(fields.is_empty());
                assert!(!text.is_empty());
                assert!(!text.contains('<') && !text.contains('>'), "{text}");
            }
            other => panic!("{other:?}"),
        }
    }
    // A huge unreadable page is something to retry.
    let huge = format!("<html><body>{}</body></html>", "junk ".repeat(200));
    assert_eq!(
        classify(Wire::Form, &response(400, &huge)),
        Outcome::Failed(Failure::Server(400))
    );
    // A short plain-text refusal is shown as it is.
    assert_eq!(
        classify(Wire::Form, &response(400, "Request blocked")),
        notice(Notice::Other("Request blocked".to_owned()))
    );
}

#[test]
fn form_error_statuses_without_a_body() {
    assert_eq!(
        classify(Wire::Form, &response(409, "")),
        notice(Notice::Duplicate(None))
    );
    assert_eq!(
        classify(Wire::Form, &response(403, "")),
        notice(Notice::Closed(None))
    );
    assert_eq!(
        classify(Wire::Form, &response(401, "")),
        notice(Notice::LoginRequired(None))
    );
    assert_eq!(
        classify(Wire::Form, &response(429, "")),
        notice(Notice::RateLimited {
            retry_after: None,
            text: None
        })
    );
    // f12: 405 with an empty body.
    assert_eq!(
        classify(Wire::Form, &response(405, "")),
        Outcome::Failed(Failure::Server(405))
    );
}

#[test]
fn messages_are_never_html() {
    let nasty = "<p><strong>Error:</strong> <script>alert(1)</script><img src=x onerror=alert(2)>Bad &lt;b&gt; thing.</p>";
    for (wire, status, code) in [
        (Wire::Json, 400, "some_code"),
        (Wire::Json, 409, "comment_duplicate"),
        (Wire::Form, 200, "wp_die"),
        (Wire::Form, 403, "wp_die"),
    ] {
        let body = wp_error(code, nasty, status);
        let outcome = classify(wire, &response(status, &body));
        let text = match &outcome {
            Outcome::Refused {
                notice: Some(Notice::Other(t)),
                ..
            } => t.clone(),
            Outcome::Refused {
                notice: Some(Notice::Duplicate(Some(t)) | Notice::Closed(Some(t))),
                ..
            } => t.clone(),
            other => panic!("{wire:?} {status}: {other:?}"),
        };
        assert_eq!(text, "Bad <b> thing.", "{wire:?} {status}");
    }
}

// ---------------------------------------------------------------------------------------------
// server_text and Retry-After
// ---------------------------------------------------------------------------------------------

#[test]
fn server_text_strips_tags_decodes_entities_and_the_error_prefix() {
    assert_eq!(server_text(DUP_RAW), DUP_TEXT);
    assert_eq!(
        server_text("<p><strong>Error:</strong> Please type your comment text.</p>"),
        "Please type your comment text."
    );
    assert_eq!(
        server_text("<strong>ERROR:</strong> Old-style prefix."),
        "Old-style prefix."
    );
    assert_eq!(
        server_text("<p>Tom &amp; Jerry&hellip;</p>"),
        "Tom & Jerry…"
    );
    assert_eq!(server_text("<p>One.</p><p>Two.</p>"), "One. Two.");
    assert_eq!(server_text("  plain  "), "plain");
    assert_eq!(server_text(""), "");
    assert_eq!(server_text("<p></p>"), "");
    assert_eq!(server_text("<script>evil()</script>Safe."), "Safe.");
    assert_eq!(
        server_text("&lt;b&gt;not a tag&lt;/b&gt;"),
        "<b>not a tag</b>"
    );
    // "Error:" inside a sentence stays.
    assert_eq!(server_text("An Error: occurred."), "An Error: occurred.");
}

#[test]
fn retry_after_delta_seconds() {
    assert_eq!(parse_retry_after("30"), Some(30));
    assert_eq!(parse_retry_after(" 0 "), Some(0));
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    assert_eq!(parse_retry_after("-5"), None);
    assert_eq!(parse_retry_after(""), None);
    assert_eq!(parse_retry_after("1.5"), None);
}

#[test]
fn form_errors_sent_with_200_count_with_their_data_status() {
    // wp-comments-post.php often answers 200; data.status says what it meant. A translated
    // message (no English text to recognise) is still read by its status.
    let flood = wp_die("<p>Vous publiez des commentaires trop rapidement.</p>", 429);
    assert_eq!(
        classify(Wire::Form, &response(200, &flood)),
        notice(Notice::RateLimited {
            retry_after: None,
            text: some("Vous publiez des commentaires trop rapidement."),
        })
    );
    let duplicate = wp_die("<p>Commentaire en double détecté.</p>", 409);
    assert_eq!(
        classify(Wire::Form, &response(200, &duplicate)),
        notice(Notice::Duplicate(some("Commentaire en double détecté.")))
    );
    let closed = wp_die("<p>Sorry, comments are closed for this item.</p>", 403);
    assert_eq!(
        classify(Wire::Form, &response(200, &closed)),
        notice(Notice::Closed(some(
            "Sorry, comments are closed for this item."
        )))
    );
    // Other statuses change nothing: a 200 with data.status 404 is not read as a 404.
    let other = wp_error("rest_cookie_invalid_nonce", "", 404);
    assert_eq!(
        classify(Wire::Form, &response(200, &other)),
        classify(
            Wire::Form,
            &response(200, &wp_error("rest_cookie_invalid_nonce", "", 200))
        )
    );
    // A data.status that is not a 4xx changes nothing.
    let odd = wp_die("<p><strong>Error:</strong> Your name is too long.</p>", 500);
    assert!(matches!(
        classify(Wire::Form, &response(200, &odd)),
        Outcome::Refused { ref fields, .. } if fields.len() == 1 && fields[0].0 == Field::Name
    ));
}
