//! Host attributes -> Config: one attribute a line, `name=value`. No panic, deterministic,
//! related limit at most 20, at most one warning per attribute, kept URLs safe.
#![no_main]

use byline::core::config::{Config, Source, MAX_RELATED_LIMIT};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(input) = common::text(data) else {
        return;
    };
    let attributes: Vec<(&str, &str)> = input
        .split('\n')
        .map(|line| line.split_once('=').unwrap_or((line, "")))
        .collect();
    let (config, warnings) = Config::from_attributes(attributes.iter().copied());
    assert_eq!(
        (config.clone(), warnings.clone()),
        Config::from_attributes(attributes.iter().copied())
    );
    assert!(config.related_limit <= MAX_RELATED_LIMIT);
    assert!(warnings.len() <= attributes.len());
    for warning in &warnings {
        let given = attributes
            .iter()
            .filter(|(n, _)| n.to_ascii_lowercase() == warning.attribute)
            .count();
        let warned = warnings
            .iter()
            .filter(|w| w.attribute == warning.attribute)
            .count();
        assert!(
            warned <= given,
            "{warned} warnings for {} given {given} times",
            warning.attribute
        );
        let _ = warning.to_string();
    }
    for source in [Some(&config.article), config.related.as_ref()]
        .into_iter()
        .flatten()
    {
        if let Source::Url(u) = source {
            common::assert_safe_url(u);
        }
    }
    for u in [&config.reply_endpoint, &config.replies_src]
        .into_iter()
        .flatten()
    {
        common::assert_safe_url(u);
    }
});
