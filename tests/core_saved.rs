#![cfg(not(target_arch = "wasm32"))]
//! Native tests for `byline::core::saved`: what the widget keeps in `localStorage` (drafts,
//! saved details, pending replies), their keys and their 30-day expiry (CONTRACT section 5).

use byline::core::reply::Draft;
use byline::core::saved::{
    details_from_json, details_to_json, draft_from_json, draft_key, draft_to_json,
    pending_from_json, pending_key, pending_to_json, PendingReply, SavedDraft, DETAILS_KEY, TTL_MS,
};
use serde_json::{json, Value};

/// 2026-11-27T23:23:11Z in milliseconds.
const NOW: f64 = 1_795_821_791_000.0;
const MINUTE: f64 = 60_000.0;
const DAY: f64 = 24.0 * 60.0 * MINUTE;

fn draft(comment: &str, name: &str, email: &str, website: &str) -> Draft {
    Draft {
        comment: comment.to_owned(),
        name: name.to_owned(),
        email: email.to_owned(),
        website: website.to_owned(),
    }
}

fn saved_draft() -> SavedDraft {
    SavedDraft {
        draft: draft(
            "Half a thought \"quoted\"\nand a second line é 가 😀",
            "Alice",
            "alice@example.com",
            "https://alice.example",
        ),
        parent: 42,
        parent_name: "Bo".to_owned(),
    }
}

fn pending(content: &str, saved: f64) -> PendingReply {
    PendingReply {
        id: Some(9),
        parent: 2,
        author: "Alice".to_owned(),
        content: content.to_owned(),
        date: "2026-11-27T23:23:11Z".to_owned(),
        local_only: false,
        approved: false,
        saved,
    }
}

// ---------------------------------------------------------------------------------------------
// Keys and TTL
// ---------------------------------------------------------------------------------------------

#[test]
fn keys() {
    assert_eq!(draft_key("post-4"), "byline:draft:post-4");
    assert_eq!(
        draft_key("https://example.com/a?b=1"),
        "byline:draft:https://example.com/a?b=1"
    );
    assert_eq!(pending_key("post-4"), "byline:pending:post-4");
    assert_eq!(DETAILS_KEY, "byline:details");
    assert_ne!(draft_key("a"), draft_key("b"));
    assert_ne!(draft_key("a"), pending_key("a"));
}

#[test]
fn ttl_is_thirty_days() {
    assert_eq!(TTL_MS, 30.0 * DAY);
    assert_eq!(TTL_MS, 2_592_000_000.0);
}

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

#[test]
fn draft_round_trip() {
    let saved = saved_draft();
    let text = draft_to_json(&saved, NOW);
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["saved"].as_f64(), Some(NOW));
    assert_eq!(value["parent"], json!(42));
    assert_eq!(draft_from_json(&text, NOW), Some(saved.clone()));
    assert_eq!(draft_from_json(&text, NOW + 10.0 * DAY), Some(saved));
}

#[test]
fn draft_keeps_values_as_typed() {
    let saved = SavedDraft {
        draft: draft("  spaced  \n", "", "", ""),
        parent: 0,
        parent_name: String::new(),
    };
    let text = draft_to_json(&saved, NOW);
    assert_eq!(draft_from_json(&text, NOW), Some(saved));
}

#[test]
fn draft_with_only_some_fields_round_trips() {
    for saved in [
        SavedDraft {
            draft: draft("Only a comment", "", "", ""),
            parent: 0,
            parent_name: String::new(),
        },
        SavedDraft {
            draft: draft("", "Only a name", "", ""),
            parent: 0,
            parent_name: String::new(),
        },
        SavedDraft {
            draft: draft("", "", "", "https://only.example"),
            parent: 3,
            parent_name: String::new(),
        },
    ] {
        let text = draft_to_json(&saved, NOW);
        assert_eq!(draft_from_json(&text, NOW), Some(saved));
    }
}

#[test]
fn draft_expires_after_thirty_days() {
    let text = draft_to_json(&saved_draft(), NOW);
    assert_eq!(
        draft_from_json(&text, NOW + TTL_MS - 1.0),
        Some(saved_draft()),
        "just before the TTL: kept"
    );
    assert_eq!(
        draft_from_json(&text, NOW + TTL_MS),
        None,
        "exactly at the TTL: expired"
    );
    assert_eq!(draft_from_json(&text, NOW + TTL_MS + 1.0), None);
    assert_eq!(draft_from_json(&text, NOW + 365.0 * DAY), None);
}

#[test]
fn draft_from_the_future_is_rejected_beyond_a_minute() {
    // Clock skew of up to a minute is tolerated.
    let text = draft_to_json(&saved_draft(), NOW + MINUTE);
    assert_eq!(draft_from_json(&text, NOW), Some(saved_draft()));
    let text = draft_to_json(&saved_draft(), NOW + 30_000.0);
    assert_eq!(draft_from_json(&text, NOW), Some(saved_draft()));
    // Beyond that, the timestamp is not to be trusted (it would never expire).
    let text = draft_to_json(&saved_draft(), NOW + MINUTE + 1.0);
    assert_eq!(draft_from_json(&text, NOW), None);
    let text = draft_to_json(&saved_draft(), NOW + 100.0 * 365.0 * DAY);
    assert_eq!(draft_from_json(&text, NOW), None);
}

#[test]
fn garbage_is_no_draft() {
    for garbage in [
        "",
        "   ",
        "{",
        "not json",
        "null",
        "42",
        "\"text\"",
        "[]",
        "[{\"comment\":\"x\",\"saved\":1795821791000}]",
        "{}",
        "{\"comment\":\"x\"}",
        "{\"comment\":\"x\",\"saved\":\"yesterday\"}",
        "{\"comment\":\"x\",\"saved\":null}",
    ] {
        assert_eq!(draft_from_json(garbage, NOW), None, "{garbage}");
    }
}

#[test]
fn wrong_types_are_read_as_empty() {
    let text = json!({"comment": 5, "name": ["x"], "email": null, "website": true,
                      "parent": "abc", "saved": NOW})
    .to_string();
    assert_eq!(draft_from_json(&text, NOW), None);
    let text = json!({"comment": "Kept", "name": 5, "parent": -3, "saved": NOW}).to_string();
    assert_eq!(
        draft_from_json(&text, NOW),
        Some(SavedDraft {
            draft: draft("Kept", "", "", ""),
            parent: 0,
            parent_name: String::new(),
        })
    );
}

#[test]
fn empty_draft_is_no_draft() {
    let empty = SavedDraft {
        draft: Draft::default(),
        parent: 0,
        parent_name: String::new(),
    };
    assert_eq!(draft_from_json(&draft_to_json(&empty, NOW), NOW), None);
    // Blank fields count as empty, even with a parent.
    let blank = SavedDraft {
        draft: draft("  \n ", " ", "\t", ""),
        parent: 12,
        parent_name: String::new(),
    };
    assert_eq!(draft_from_json(&draft_to_json(&blank, NOW), NOW), None);
}

// ---------------------------------------------------------------------------------------------
// Saved details
// ---------------------------------------------------------------------------------------------

#[test]
fn details_round_trip_trimmed() {
    let typed = draft(
        "This comment is not a detail",
        "  Zoë 가  ",
        " zoe@example.com\n",
        "\thttps://zoe.example ",
    );
    let text = details_to_json(&typed);
    assert_eq!(
        details_from_json(&text),
        Some(draft(
            "",
            "Zoë 가",
            "zoe@example.com",
            "https://zoe.example"
        ))
    );
}

#[test]
fn details_store_nothing_but_name_email_and_website() {
    let text = details_to_json(&draft("secret comment", "N", "n@e.st", ""));
    assert!(!text.contains("secret"), "{text}");
    let value: Value = serde_json::from_str(&text).unwrap();
    let mut keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, vec!["email", "name", "website"]);
}

#[test]
fn details_never_expire_and_ignore_a_comment_in_storage() {
    let text = json!({"name": "N", "email": "n@e.st", "website": "", "comment": "x"}).to_string();
    assert_eq!(details_from_json(&text), Some(draft("", "N", "n@e.st", "")));
}

#[test]
fn details_partial_and_garbage() {
    assert_eq!(
        details_from_json(r#"{"email": "only@e.st"}"#),
        Some(draft("", "", "only@e.st", ""))
    );
    for garbage in [
        "",
        "nope",
        "null",
        "[]",
        "{}",
        r#"{"name": "  "}"#,
        r#"{"name": 5}"#,
    ] {
        assert_eq!(details_from_json(garbage), None, "{garbage}");
    }
    let empty = details_to_json(&Draft::default());
    assert_eq!(details_from_json(&empty), None);
}

// ---------------------------------------------------------------------------------------------
// Pending replies
// ---------------------------------------------------------------------------------------------

#[test]
fn pending_round_trip() {
    let list = vec![
        pending("First <b>reply</b> & \"quotes\"\n가 😀", NOW - DAY),
        PendingReply {
            id: None,
            parent: 0,
            author: String::new(),
            content: "Demo reply".to_owned(),
            date: "2026-11-27T23:24:00Z".to_owned(),
            local_only: true,
            approved: false,
            saved: NOW,
        },
    ];
    let text = pending_to_json(&list);
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    assert!(value.is_array());
    assert_eq!(value[1]["id"], Value::Null);
    assert_eq!(value[1]["local"], json!(true));
    assert_eq!(pending_from_json(&text, NOW), list);
}

#[test]
fn pending_empty_list() {
    assert_eq!(pending_to_json(&[]), "[]");
    assert_eq!(pending_from_json("[]", NOW), vec![]);
}

#[test]
fn pending_expired_items_are_dropped() {
    let list = vec![
        pending("old", NOW - TTL_MS),
        pending("just kept", NOW - TTL_MS + 1.0),
        pending("ancient", NOW - 400.0 * DAY),
        pending("fresh", NOW),
        pending("from the future", NOW + 2.0 * MINUTE),
        pending("slight skew", NOW + MINUTE),
    ];
    let read = pending_from_json(&pending_to_json(&list), NOW);
    let contents: Vec<&str> = read.iter().map(|p| p.content.as_str()).collect();
    assert_eq!(contents, vec!["just kept", "fresh", "slight skew"]);
}

#[test]
fn pending_items_without_content_are_dropped() {
    let text = json!([
        {"id": 1, "parent": 0, "author": "A", "content": "", "date": "d", "local": false, "saved": NOW},
        {"id": 2, "parent": 0, "author": "B", "date": "d", "local": false, "saved": NOW},
        {"id": 3, "parent": 0, "author": "C", "content": 7, "date": "d", "local": false, "saved": NOW},
        {"id": 4, "parent": 0, "author": "D", "content": "kept", "date": "d", "local": false, "saved": NOW},
    ])
    .to_string();
    let read = pending_from_json(&text, NOW);
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].id, Some(4));
    assert_eq!(read[0].content, "kept");
}

#[test]
fn pending_unreadable_items_are_dropped_and_defaults_fill_in() {
    let text = json!([
        "a string",
        42,
        null,
        {"content": "no timestamp"},
        {"content": "bad timestamp", "saved": "now"},
        {"content": "minimal", "saved": NOW},
    ])
    .to_string();
    assert_eq!(
        pending_from_json(&text, NOW),
        vec![PendingReply {
            id: None,
            parent: 0,
            author: String::new(),
            content: "minimal".to_owned(),
            date: String::new(),
            local_only: false,
            approved: false,
            saved: NOW,
        }]
    );
}

#[test]
fn pending_non_array_is_empty() {
    for garbage in [
        "",
        "garbage",
        "{",
        "null",
        "42",
        "\"[]\"",
        "{}",
        r#"{"content": "x", "saved": 1795821791000}"#,
    ] {
        assert_eq!(pending_from_json(garbage, NOW), vec![], "{garbage}");
    }
}

// ---------------------------------------------------------------------------------------------
// When the thread lists a pending reply
// ---------------------------------------------------------------------------------------------

fn listed(id: u64, parent: u64, author: &str, paragraphs: &[&str]) -> byline::core::thread::Reply {
    byline::core::thread::Reply {
        id,
        parent,
        author: author.to_owned(),
        author_url: None,
        date: None,
        paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        body: Default::default(),
    }
}

#[test]
fn a_pending_reply_with_an_id_is_listed_by_its_id_only() {
    let mine = pending("It's a \"fair\" point -- I think...", 1.0);
    assert!(mine.is_listed(&[listed(9, 0, "Someone else", &["Other text"])]));
    assert!(!mine.is_listed(&[listed(
        10,
        2,
        "Alice",
        &["It's a \"fair\" point -- I think..."]
    )]));
}

#[test]
fn a_pending_reply_without_an_id_is_listed_by_parent_author_and_text() {
    let mut mine = pending(
        "It's a \"fair\" point -- I think...\n\nSecond  paragraph.",
        1.0,
    );
    mine.id = None;
    // WordPress's texturize and wpautop: curly quotes, an en dash, an ellipsis, new spacing.
    let as_listed = listed(
        31,
        2,
        "Alice",
        &["It’s a “fair” point – I think…", "Second paragraph."],
    );
    assert!(mine.is_listed(&[listed(30, 2, "Bob", &["Other"]), as_listed.clone()]));
    // Another parent, another author or other words: still pending.
    assert!(!mine.is_listed(&[listed(
        31,
        0,
        "Alice",
        &as_listed
            .paragraphs
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    )]));
    assert!(!mine.is_listed(&[listed(
        31,
        2,
        "Alicia",
        &["It’s a “fair” point – I think…", "Second paragraph."]
    )]));
    assert!(!mine.is_listed(&[listed(31, 2, "Alice", &["It’s a “fair” point – I think…"])]));
    // A reply of punctuation only is never matched on text.
    let mut dots = pending("...", 1.0);
    dots.id = None;
    assert!(!dots.is_listed(&[listed(5, 2, "Alice", &["…"])]));
}
