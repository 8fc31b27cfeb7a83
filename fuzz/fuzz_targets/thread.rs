//! A page of approved replies -> thread. No panic, deterministic, every reply (each id
//! once) exactly once in the tree, author links absolute http(s), paragraphs trimmed.
#![no_main]

use byline::core::thread::{build, parse_page};
use byline::prerender::html::reply_body;
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(input) = common::text(data) else {
        return;
    };
    let page = parse_page(input, &reply_body);
    assert_eq!(page, parse_page(input, &reply_body), "not deterministic");
    let Ok(replies) = page else { return };
    for reply in &replies {
        assert!(!reply.author.is_empty());
        if let Some(u) = &reply.author_url {
            common::assert_safe_url(u);
            common::assert_absolute(u);
        }
        for p in &reply.paragraphs {
            assert!(!p.is_empty() && p.trim() == p);
        }
    }
    let nodes = build(&replies);
    assert_eq!(nodes, build(&replies));
    let mut seen = HashSet::new();
    let mut expected: Vec<u64> = replies
        .iter()
        .map(|r| r.id)
        .filter(|id| seen.insert(*id))
        .collect();
    let mut shown: Vec<u64> = nodes
        .iter()
        .flat_map(|n| std::iter::once(n.reply.id).chain(n.answers.iter().map(|(a, _)| a.id)))
        .collect();
    expected.sort_unstable();
    shown.sort_unstable();
    assert_eq!(shown, expected, "replies lost or repeated");
});
