//! Loads the article from its source (page JSON-LD, inline element or URL), with retry.

use crate::core::article::{self, Article};
use crate::core::config::Source;
use crate::services::http;
use crate::services::page;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Where loading the article stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleState {
    Loading,
    Ready(Rc<Article>),
    /// What failed, as logged to the console.
    Failed(String),
}

/// The article for `source`, and a callback that loads it again. With `initial` (read before
/// the widget was made, e.g. by the pre-renderer) the first state is ready and the source is
/// not loaded again; a later change of source or a retry loads as usual.
#[hook]
pub fn use_article(source: &Source, initial: Option<Rc<Article>>) -> (ArticleState, Callback<()>) {
    let prefetched = initial.is_some();
    let state = use_state_eq(move || match initial {
        Some(article) => ArticleState::Ready(article),
        None => ArticleState::Loading,
    });
    let attempt = use_state(|| 0u32);
    let skip_first = use_mut_ref(move || prefetched);
    {
        let state = state.clone();
        use_effect_with((source.clone(), *attempt), move |(source, _)| {
            let cancelled = Rc::new(Cell::new(false));
            if skip_first.replace(false) {
                return Box::new(move || cancelled.set(true)) as Box<dyn FnOnce()>;
            }
            state.set(ArticleState::Loading);
            let source = source.clone();
            let guard = cancelled.clone();
            yew::platform::spawn_local(async move {
                let result = load(&source).await;
                if guard.get() {
                    return;
                }
                state.set(match result {
                    Ok(article) => ArticleState::Ready(Rc::new(article)),
                    Err(message) => {
                        web_sys::console::error_1(&message.as_str().into());
                        ArticleState::Failed(message)
                    }
                });
            });
            Box::new(move || cancelled.set(true))
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}

/// Reads and parses the article; the error is a message for the publisher's console.
async fn load(source: &Source) -> Result<Article, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "Byline: no document".to_owned())?;
    match source {
        Source::JsonLd => {
            let blocks = page::json_ld_blocks(&document);
            article::from_documents(blocks.iter().map(String::as_str))
                .map_err(|e| format!("Byline: could not read the article from the page: {e}."))
        }
        Source::ElementId(id) => {
            let text = page::inline_json(&document, id).ok_or_else(|| {
                format!(
                    "Byline: data-article=\"#{id}\" does not name a <script type=\"application/ld+json\"> or \"application/json\" element in the page."
                )
            })?;
            article::from_document(&text)
                .map_err(|e| format!("Byline: could not read the article in #{id}: {e}."))
        }
        Source::Url(url) => {
            let response = http::get_ok(url, "application/ld+json, application/json")
                .await
                .map_err(|e| format!("Byline: could not load the article from {url}: {e}."))?;
            article::from_document(&response.body)
                .map_err(|e| format!("Byline: the article at {url} could not be read: {e}."))
        }
    }
}
