//! What the widget reads back from `localStorage` (drafts, saved details, pending replies),
//! through their serde types: no panic on any text, deterministic, nothing expired or empty
//! kept, and whatever is read writes back to text that reads the same.
#![no_main]

use byline::core::saved::{
    details_from_json, details_to_json, draft_from_json, draft_to_json, pending_from_json,
    pending_to_json, TTL_MS,
};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// A fixed "now" inside the range the widget sees (the year 2026).
const NOW: f64 = 1_790_000_000_000.0;

fuzz_target!(|data: &[u8]| {
    let Some(input) = common::text(data) else {
        return;
    };
    let draft = draft_from_json(input, NOW);
    assert_eq!(draft, draft_from_json(input, NOW), "draft not deterministic");
    if let Some(draft) = draft {
        assert!(!draft.draft.is_empty(), "an empty draft was restored");
        assert_eq!(
            draft_from_json(&draft_to_json(&draft, NOW), NOW),
            Some(draft.clone()),
            "draft round trip"
        );
    }
    let details = details_from_json(input);
    assert_eq!(details, details_from_json(input), "details not deterministic");
    if let Some(details) = details {
        assert!(details.comment.is_empty(), "details carry a comment");
        // Written trimmed, so a second round trip changes nothing.
        let once = details_from_json(&details_to_json(&details));
        assert_eq!(
            once.as_ref().and_then(|d| details_from_json(&details_to_json(d))),
            once,
            "details round trip"
        );
    }
    let pending = pending_from_json(input, NOW);
    assert_eq!(pending, pending_from_json(input, NOW), "pending not deterministic");
    for reply in &pending {
        assert!(!reply.content.is_empty(), "an empty pending reply was kept");
        assert!(NOW - reply.saved < TTL_MS, "an expired pending reply was kept");
    }
    let again = pending_from_json(&pending_to_json(&pending), NOW);
    assert_eq!(
        again.len(),
        pending.len(),
        "pending round trip lost entries"
    );
});
