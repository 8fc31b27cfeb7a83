//! Translation files (`locales/<tag>.json`): no panic, deterministic, and whatever is accepted
//! only ever yields non-blank strings for known keys, with the override > file > English order.
#![no_main]

use byline::core::i18n::{english, parse_translation, TextKey, Texts};
use libfuzzer_sys::fuzz_target;
use std::rc::Rc;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some(input) = common::text(data) else {
        return;
    };
    let parsed = parse_translation(input);
    assert_eq!(parsed, parse_translation(input), "not deterministic");
    let Ok(translation) = parsed else { return };
    let texts = Texts::new(
        "xx",
        Some(Rc::new(translation.clone())),
        vec![(TextKey::Submit, "Mine".into())],
    );
    for key in TextKey::ALL {
        if let Some(text) = translation.get(*key) {
            assert!(!text.trim().is_empty(), "blank text accepted for {key:?}");
        }
        let shown = texts.get(*key);
        match (*key, translation.get(*key)) {
            (TextKey::Submit, _) => assert_eq!(shown, "Mine"),
            (_, Some(text)) => assert_eq!(shown, text),
            (_, None) => assert_eq!(shown, english(*key)),
        }
    }
});
