//! Server answers -> Outcome, for both wires. Input: a first line `STATUS [RETRY-AFTER] [r]`
//! (r: the request was redirected), a second line the final URL, then the body.
//! No panic, deterministic, 5xx always a server failure, no tag in the texts shown.
#![no_main]

use byline::core::reply::{classify, Answer, Failure, Notice, Outcome, Wire};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fn notice_text(notice: &Notice) -> Option<&str> {
    match notice {
        Notice::Duplicate(t)
        | Notice::Flood(t)
        | Notice::LoginRequired(t)
        | Notice::Closed(t)
        | Notice::InvalidPost(t) => t.as_deref(),
        Notice::RateLimited { text, .. } => text.as_deref(),
        Notice::Other(t) => Some(t),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(input) = common::text(data) else {
        return;
    };
    let (head, rest) = common::first_line(input);
    let (final_url, body) = common::first_line(rest);
    let mut tokens = head.split_whitespace();
    let status = tokens
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .unwrap_or(head.len() as u16 % 600);
    let retry_after = tokens.next().and_then(|s| s.parse::<u32>().ok());
    let redirected = tokens.any(|t| t == "r");
    let answer = Answer::Response {
        status,
        redirected,
        final_url,
        retry_after,
        body,
    };
    let markup_only = common::markup_only(body);
    for wire in [Wire::Json, Wire::Form] {
        let outcome = classify(wire, &answer);
        assert_eq!(outcome, classify(wire, &answer), "not deterministic");
        if status >= 500 {
            assert_eq!(outcome, Outcome::Failed(Failure::Server(status)));
        }
        if let Outcome::Refused { fields, notice } = &outcome {
            let texts = fields
                .iter()
                .map(|(_, t)| t.as_str())
                .chain(notice.as_ref().and_then(notice_text));
            for text in texts {
                assert_eq!(text.trim(), text);
                if markup_only {
                    assert!(!common::has_tag(text), "a tag reached the reader: {text:?}");
                }
            }
        }
    }
});
