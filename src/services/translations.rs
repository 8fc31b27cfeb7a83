//! Translation files, `locales/<tag>.json` beside `byline.js`: fetched once per language
//! for every widget on the page. English is built in and never fetched; a file that cannot
//! be loaded leaves that language in English, with one console warning.

use crate::core::i18n::{parse_translation, Translation};
use crate::services::http;
use std::cell::RefCell;
use std::rc::Rc;

/// Where a language's file stands.
enum Entry {
    Loading,
    /// `None`: it could not be loaded (English is used).
    Done(Option<Rc<Translation>>),
}

thread_local! {
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
    static FILES: RefCell<Vec<(&'static str, Entry)>> = const { RefCell::new(Vec::new()) };
}

/// Sets the URL the files are found relative to (any file of the build, e.g. byline.css).
pub fn set_base(url: &str) {
    BASE.with(|b| *b.borrow_mut() = url.to_owned());
}

/// `Some(result)` once `tag`'s file has been dealt with (`None` inside: English is used);
/// `None` while it is loading or not requested yet.
pub fn loaded(tag: &str) -> Option<Option<Rc<Translation>>> {
    FILES.with(|files| {
        files
            .try_borrow()
            .ok()?
            .iter()
            .find_map(|(t, entry)| match entry {
                Entry::Done(result) if *t == tag => Some(result.clone()),
                _ => None,
            })
    })
}

/// Loads `tag`'s file unless it is loaded or loading, then calls `done` (also when it failed).
pub fn load(tag: &'static str, done: impl FnOnce() + 'static) {
    let requested = FILES.with(|files| {
        let mut files = files.borrow_mut();
        let known = files.iter().any(|(t, _)| *t == tag);
        if !known {
            files.push((tag, Entry::Loading));
        }
        known
    });
    if requested {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch(tag).await;
        if let Err(message) = &result {
            gloo_console::warn!(message);
        }
        FILES.with(|files| {
            if let Some(entry) = files.borrow_mut().iter_mut().find(|(t, _)| *t == tag) {
                entry.1 = Entry::Done(result.ok().map(Rc::new));
            }
        });
        done();
    });
}

async fn fetch(tag: &str) -> Result<Translation, String> {
    let base = BASE.with(|b| b.borrow().clone());
    let url = web_sys::Url::new_with_base(&format!("locales/{tag}.json"), &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| format!("locales/{tag}.json"));
    let failed = |why: String| {
        format!(
            "Byline: the \"{tag}\" translation ({url}) could not be used: {why}; showing English."
        )
    };
    let response = http::get_ok(&url, "application/json")
        .await
        .map_err(failed)?;
    parse_translation(&response.body).map_err(|e| failed(e.to_string()))
}
