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
    /// The article's own URLs (skipped in the feed).
    pub current: Vec<String>,
}

const ACCEPT: &str = "application/feed+json, application/json, application/ld+json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/// The stories to show, once loaded; `None` while loading or when there is nothing to show.
#[hook]
pub fn use_related(query: Option<RelatedQuery>) -> Option<Rc<Vec<Story>>> {
    let stories = use_state_eq(|| None::<Rc<Vec<Story>>>);
    {
        let stories = stories.clone();
        use_effect_with(query, move |query| {
            stories.set(None);
            let mut cancelled = None;
            if let Some(query) = query.clone().filter(|q| q.limit > 0) {
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
                        Err(warning) => web_sys::console::warn_1(&warning.into()),
                    }
                });
            }
            move || {
                if let Some(flag) = cancelled {
                    flag.set(true);
                }
            }
        });
    }
    (*stories).clone()
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
    Ok(feed::select(items, &base, &query.current, query.limit))
}
