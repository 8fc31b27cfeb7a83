//! Loads the approved replies page by page (`X-WP-TotalPages`); a thread that fails to load
//! hides itself with one warning.

use crate::core::thread::{self, Reply};
use crate::services::{html, http};
use std::rc::Rc;
use yew::prelude::*;

/// The replies loaded so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thread {
    pub replies: Vec<Reply>,
    /// `X-WP-Total`, when the server sent it.
    pub total: Option<u64>,
    pub pages: u32,
    pub loaded_pages: u32,
}

impl Thread {
    /// True when another page can be loaded.
    pub fn has_more(&self) -> bool {
        self.loaded_pages < self.pages
    }
}

/// One page: the replies and the page count.
async fn fetch_page(source: &str, page: u32) -> Result<(Vec<Reply>, u32, Option<u64>), String> {
    let url = thread::page_url(source, page);
    let response = http::get_ok(&url, "application/json")
        .await
        .map_err(|e| format!("Byline: the replies at {url} are hidden: {e}."))?;
    let replies = thread::parse_page(&response.body, &html::reply_body)
        .map_err(|e| format!("Byline: the replies at {url} are hidden: {e}."))?;
    let pages = response
        .total_pages
        .as_deref()
        .and_then(|p| p.trim().parse().ok())
        .unwrap_or(1)
        .clamp(1, 10_000);
    let total = response
        .total
        .as_deref()
        .and_then(|t| t.trim().parse().ok());
    if replies.iter().any(|r| r.body.cut) {
        gloo_console::warn!(crate::core::body::cut_warning(
            crate::core::body::Rules::Reply
        ));
    }
    Ok((replies, pages, total))
}

/// The thread for `source` (none while loading or after a failure) and a callback that
/// loads the next page.
#[hook]
pub fn use_thread(source: Option<String>) -> (Option<Rc<Thread>>, Callback<()>) {
    let state = use_state_eq(|| None::<Rc<Thread>>);
    {
        let state = state.clone();
        use_effect_with(source.clone(), move |source| {
            state.set(None);
            if let Some(source) = source.clone() {
                yew::platform::spawn_local(async move {
                    match fetch_page(&source, 1).await {
                        Ok((replies, pages, total)) => state.set(Some(Rc::new(Thread {
                            replies,
                            total,
                            pages,
                            loaded_pages: 1,
                        }))),
                        Err(warning) => gloo_console::warn!(warning),
                    }
                });
            }
        });
    }
    let more = {
        let state = state.clone();
        Callback::from(move |()| {
            let (Some(source), Some(current)) = (source.clone(), (*state).clone()) else {
                return;
            };
            if !current.has_more() {
                return;
            }
            let state = state.clone();
            yew::platform::spawn_local(async move {
                match fetch_page(&source, current.loaded_pages + 1).await {
                    Ok((replies, pages, total)) => {
                        let mut next = (*current).clone();
                        next.replies.extend(
                            replies
                                .into_iter()
                                .filter(|r| current.replies.iter().all(|c| c.id != r.id)),
                        );
                        next.pages = pages;
                        next.total = total.or(next.total);
                        next.loaded_pages += 1;
                        state.set(Some(Rc::new(next)));
                    }
                    Err(warning) => gloo_console::warn!(warning),
                }
            });
        })
    };
    ((*state).clone(), more)
}
