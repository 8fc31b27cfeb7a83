//! The loading placeholder and the error state with Retry.

use crate::core::i18n::{TextKey, Texts};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    pub texts: Rc<Texts>,
}

/// Placeholder bars the shape of an article, announced politely.
#[component]
pub fn Loading(props: &LoadingProps) -> Html {
    html! {
        <div class="byline-loading" role="status">
            <span class="byline-visually-hidden">{ props.texts.get(TextKey::Loading) }</span>
            <span class="byline-skeleton byline-skeleton--headline" aria-hidden="true"></span>
            <span class="byline-skeleton" aria-hidden="true"></span>
            <span class="byline-skeleton" aria-hidden="true"></span>
            <span class="byline-skeleton byline-skeleton--short" aria-hidden="true"></span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorStateProps {
    pub texts: Rc<Texts>,
    pub on_retry: Callback<()>,
}

/// A short message and a Retry button (the details go to the console).
#[component]
pub fn ErrorState(props: &ErrorStateProps) -> Html {
    let onclick = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="byline-error" role="alert">
            <p class="byline-error-message">{ props.texts.get(TextKey::ArticleError) }</p>
            <button type="button" class="byline-button byline-retry" {onclick}>
                { props.texts.get(TextKey::Retry) }
            </button>
        </div>
    }
}
