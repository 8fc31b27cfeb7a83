//! Loads the related-stories feed once per source; a failing feed hides the section and
//! logs one warning naming the URL and the reason.

use crate::core::config::Source;
use crate::core::feed::{self, FeedError, Story, Syntax};
use crate::services::http;
use crate::services::{page, xml};
use std::rc::Rc;
use yew::prelude::*;

/// What the related section needs to know.
#[derive(Clone, Debug, PartialEq)]
pub struct RelatedQuery {
    pub source: Source,
    pub limit: usize,
    /// The article's canonical URL: it and the page's own URL are skipped in the feed
    /// (both made absolute when the feed is loaded, never while rendering).
    pub article_url: Option<String>,
}

const ACCEPT: &str = "application/feed+json, application/json, application/ld+json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/// The related stories of [`use_related`].
#[derive(Clone, Debug, PartialEq)]
pub struct RelatedState {
    /// The stories to show, once loaded; `None` while loading or when there is nothing to show.
    pub stories: Option<Rc<Vec<Story>>>,
    /// True when nothing is on its way: no query, or the current query has loaded or failed.
    pub settled: bool,
}

/// The related stories for `query`. With `initial` (selected before the widget was made, e.g.
/// by the pre-renderer) they show at once and the first query is not loaded; a later query
/// loads as usual.
#[hook]
pub fn use_related(query: Option<RelatedQuery>, initial: Option<Rc<Vec<Story>>>) -> RelatedState {
    let prefetched = initial.is_some();
    let stories = use_state_eq(move || initial.filter(|list| !list.is_empty()));
    let skip_first = use_mut_ref(move || prefetched);
    // The query whose answer is in: settled when it is the current one.
    let answered = use_state_eq(|| None::<RelatedQuery>);
    let settled = match &query {
        Some(q) if q.limit > 0 => {
            answered.as_ref() == Some(q) || (prefetched && *skip_first.borrow())
        }
        _ => true,
    };
    {
        let stories = stories.clone();
        let answered = answered.clone();
        use_effect_with(query, move |query| {
            let skip = skip_first.replace(false);
            if !skip {
                stories.set(None);
            } else if let Some(query) = query {
                answered.set(Some(query.clone()));
            }
            let mut cancelled = None;
            if let Some(query) = query.clone().filter(|q| q.limit > 0 && !skip) {
                let flag = Rc::new(std::cell::Cell::new(false));
                cancelled = Some(flag.clone());
                yew::platform::spawn_local(async move {
                    let result = load(&query).await;
                    if flag.get() {
                        return;
                    }
                    match result {
                        Ok(list) if !list.is_empty() => stories.set(Some(Rc::new(list))),
                        Ok(_) => {}
                        Err(warning) => gloo_console::warn!(warning),
                    }
                    answered.set(Some(query));
                });
            }
            move || {
                if let Some(flag) = cancelled {
                    flag.set(true);
                }
            }
        });
    }
    RelatedState {
        stories: (*stories).clone(),
        settled,
    }
}

async fn load(query: &RelatedQuery) -> Result<Vec<Story>, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "Byline: no document".to_owned())?;
    let (text, base, name) = match &query.source {
        Source::Url(url) => {
            let absolute = page::absolute_url(&document, url).unwrap_or_else(|| url.clone());
            let hidden = |reason: String| {
                format!("Byline: related stories from {absolute} are hidden: {reason}.")
            };
            let response = http::get_ok(url, ACCEPT).await.map_err(hidden)?;
            (response.body, absolute.clone(), absolute)
        }
        Source::ElementId(id) => {
            let text = page::inline_script(&document, id).ok_or_else(|| {
                format!("Byline: related stories are hidden: data-related=\"#{id}\" names no <script> element.")
            })?;
            let base = document.base_uri().ok().flatten().unwrap_or_default();
            (text, base, format!("#{id}"))
        }
        Source::JsonLd => return Ok(Vec::new()),
    };
    let parsed: Result<Vec<feed::RawItem>, FeedError> = match feed::detect(&text) {
        Ok(Syntax::Json) => feed::parse_json(&text),
        Ok(Syntax::Xml) => xml::parse(&text),
        Err(e) => Err(e),
    };
    let items =
        parsed.map_err(|e| format!("Byline: related stories from {name} are hidden: {e}."))?;
    // The article's own addresses, absolute: its canonical URL and the page's.
    let canonical = query
        .article_url
        .as_deref()
        .and_then(|u| page::absolute_url(&document, u));
    let current: Vec<String> = [canonical, document.url().ok()]
        .into_iter()
        .flatten()
        .collect();
    Ok(feed::select(items, &base, &current, query.limit))
}
