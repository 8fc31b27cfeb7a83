//! "Related stories": a list of real links with date, summary and a lazy thumbnail. Each
//! click (a middle click too) fires `byline:related-click` before the browser follows the link.

use crate::components::article::plural;
use crate::core::feed::Story;
use crate::core::i18n::{TextKey, Texts};
use crate::core::text::safe_url;
use crate::services::{events, intl};
use js_sys::Reflect;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelatedProps {
    pub id: AttrValue,
    pub stories: Rc<Vec<Story>>,
    pub texts: Rc<Texts>,
}

/// Fires `byline:related-click`; a listener may change `detail.url` (to add its own
/// tracking parameters, say), and a safe new URL is what the browser then follows.
fn announce_click(event: &MouseEvent, url: &str, position: usize) {
    // Yew listens at the widget's root, so the link is found from the event's target.
    let Some(link) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a").ok().flatten())
    else {
        return;
    };
    let Some(host) = events::host_of(&link) else {
        return;
    };
    let detail = events::detail(&[
        ("url", JsValue::from_str(url)),
        ("position", JsValue::from_f64(position as f64)),
    ]);
    events::dispatch(&host, "byline:related-click", &detail);
    let changed = Reflect::get(&detail, &JsValue::from_str("url"))
        .ok()
        .and_then(|v| v.as_string());
    if let Some(new_url) = changed.filter(|u| u != url).and_then(|u| safe_url(&u)) {
        let _ = link.set_attribute("href", &new_url);
    }
}

#[component]
pub fn Related(props: &RelatedProps) -> Html {
    let RelatedProps { id, stories, texts } = props;
    let heading_id = format!("{id}-related");
    let items = stories.iter().enumerate().map(|(i, story)| {
        let onclick = {
            let url = story.url.clone();
            Callback::from(move |e: MouseEvent| announce_click(&e, &url, i + 1))
        };
        // A middle click opens the story in a new tab without a `click` event.
        let onauxclick = {
            let url = story.url.clone();
            Callback::from(move |e: MouseEvent| {
                if e.button() == 1 {
                    announce_click(&e, &url, i + 1)
                }
            })
        };
        let date = story.date.as_deref().and_then(|d| {
            let label = intl::format_date(d, &texts.lang)?;
            Some(html! { <time class="byline-related-date" datetime={intl::valid_datetime(d)}>{ label }</time> })
        });
        html! {
            <li class="byline-related-item">
                if let Some(image) = &story.image {
                    <img class="byline-related-thumb" src={image.clone()} alt="" width="160" height="90"
                         loading="lazy" decoding="async" />
                }
                <div class="byline-related-text">
                    <a class="byline-related-link" href={story.url.clone()} {onclick} {onauxclick}>{ &story.title }</a>
                    { date.unwrap_or_default() }
                    if let Some(summary) = &story.summary {
                        <p class="byline-related-summary">{ summary }</p>
                    }
                </div>
            </li>
        }
    });
    html! {
        <section class="byline-related" aria-labelledby={heading_id.clone()}>
            <h2 class="byline-related-heading" id={heading_id}>
                { texts.get(TextKey::RelatedHeading) }
                <span class="byline-visually-hidden">{ format!(" ({})", plural(texts, TextKey::RelatedCount, stories.len())) }</span>
            </h2>
            <ul class="byline-related-list">{ for items }</ul>
        </section>
    }
}
