#![cfg(not(target_arch = "wasm32"))]
//! Reproducers found by the property tests (tests/properties.rs) and the fuzz targets
//! (fuzz/), kept as plain tests so they stay fixed.

use byline::core::thread::{build, parse_page, Reply};
use byline::prerender::html::reply_body;

fn reply(id: u64, parent: u64) -> Reply {
    Reply {
        id,
        parent,
        author: format!("Author {id}"),
        author_url: None,
        date: None,
        paragraphs: vec![format!("Reply {id}.")],
        body: Default::default(),
    }
}

/// Ids in the built thread: (top-level id, answer ids).
fn shape(replies: &[Reply]) -> Vec<(u64, Vec<u64>)> {
    build(replies)
        .iter()
        .map(|n| (n.reply.id, n.answers.iter().map(|(a, _)| a.id).collect()))
        .collect()
}

/// A loop of parents with a reply hanging below it: every reply used to vanish (each
/// member of the loop walked to the other as its root, so no node was ever made).
#[test]
fn a_parent_loop_with_an_answer_below_keeps_every_reply() {
    let replies = [reply(1, 2), reply(2, 1), reply(3, 1)];
    assert_eq!(shape(&replies), vec![(1, vec![3]), (2, vec![])]);
}

/// A pure loop: both replies are top-level, as before.
#[test]
fn a_parent_loop_breaks_into_top_level_replies() {
    let replies = [reply(1, 2), reply(2, 1)];
    assert_eq!(shape(&replies), vec![(1, vec![]), (2, vec![])]);
}

/// An id listed twice is one comment: it used to be shown twice when the two listings had
/// different parents (and once when both were top-level).
#[test]
fn a_repeated_id_is_shown_once_as_first_listed() {
    let replies = [reply(5, 0), reply(5, 3), reply(3, 0)];
    assert_eq!(shape(&replies), vec![(5, vec![]), (3, vec![])]);
    let replies = [reply(4, 0), reply(4, 0)];
    assert_eq!(shape(&replies), vec![(4, vec![])]);
}

/// Parent 0 means top-level even when a reply has id 0: it used to adopt every top-level
/// reply as its answer.
#[test]
fn parent_zero_is_top_level_even_with_a_reply_of_id_zero() {
    let page = parse_page(
        r#"[{"id":0,"content":{"rendered":""}},{"id":4,"content":{"rendered":""}}]"#,
        &reply_body,
    )
    .unwrap();
    assert_eq!(shape(&page), vec![(0, vec![]), (4, vec![])]);
}
