//! Related stories: first line the feed's URL (the base), the rest a JSON Feed or ItemList.
//! No panic, deterministic, at most `limit` stories, titles non-empty, URLs absolute http(s).
#![no_main]

use byline::core::feed;
use byline::core::url::same_page_key;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(input) = common::text(data) else {
        return;
    };
    let (base, json) = common::first_line(input);
    let _ = feed::detect(json);
    let parsed = feed::parse_json(json);
    assert_eq!(parsed, feed::parse_json(json), "not deterministic");
    let Ok(items) = parsed else { return };
    let current = vec![base.to_owned()];
    for limit in [0, 3, 20] {
        let stories = feed::select(items.clone(), base, &current, limit);
        assert_eq!(stories, feed::select(items.clone(), base, &current, limit));
        assert!(stories.len() <= limit);
        for story in &stories {
            assert!(!story.title.trim().is_empty(), "empty title");
            common::assert_absolute(&story.url);
            assert_ne!(same_page_key(&story.url), same_page_key(base));
            if let Some(image) = &story.image {
                common::assert_absolute(image);
            }
            if let Some(summary) = &story.summary {
                assert!(!summary.is_empty());
                assert!(summary.chars().count() <= feed::SUMMARY_CHARS + 1);
            }
        }
    }
});
