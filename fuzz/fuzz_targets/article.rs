//! schema.org JSON-LD -> Article: no panic, deterministic, every accepted URL safe.
#![no_main]

use byline::core::article;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(input) = common::text(data) else {
        return;
    };
    let result = article::from_document(input);
    assert_eq!(result, article::from_document(input), "not deterministic");
    // The same text as several blocks (split on a form feed).
    let _ = article::from_documents(input.split('\u{c}'));
    let Ok(article) = result else { return };
    assert!(!article.headline.is_empty() && article.headline.trim() == article.headline);
    for author in &article.authors {
        assert!(!author.name.trim().is_empty());
        if let Some(u) = &author.url {
            common::assert_safe_url(u);
        }
    }
    if let Some(image) = &article.image {
        common::assert_safe_url(&image.url);
        assert_eq!(image.width.is_some(), image.height.is_some());
    }
    for u in [&article.url, &article.discussion_url]
        .into_iter()
        .flatten()
    {
        common::assert_safe_url(u);
    }
    for block in &article.body {
        assert!(!block.text().is_empty() && block.text().trim() == block.text());
    }
});
