//! The loading placeholder and the error state with Retry.

use crate::core::i18n::{TextKey, Texts};
use crate::hooks::use_refocus;
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
    /// The reader pressed Retry and it failed again: their button was replaced by this one,
    /// which takes the focus back.
    #[prop_or_default]
    pub after_retry: bool,
}

/// A short message and a Retry button (the details go to the console).
#[component]
pub fn ErrorState(props: &ErrorStateProps) -> Html {
    let onclick = props.on_retry.reform(|_: MouseEvent| ());
    let button = use_node_ref();
    use_refocus(button.clone(), props.after_retry);
    html! {
        <div class="byline-error" role="alert">
            <p class="byline-error-message">{ props.texts.get(TextKey::ArticleError) }</p>
            <button type="button" class="byline-button byline-retry" ref={button} {onclick}>
                { props.texts.get(TextKey::Retry) }
            </button>
        </div>
    }
}
