//! The GOV.UK-style error summary: a focused box at the top of the form listing each
//! error as a link that moves focus to its field.

use crate::core::i18n::{TextKey, Texts};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub id: AttrValue,
    /// (field element id, message) in form order.
    pub errors: Vec<(AttrValue, AttrValue)>,
    /// Changes each time the summary must take focus.
    pub focus: u32,
    pub texts: Rc<Texts>,
}

#[component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.focus, move |focus| {
            if *focus > 0 {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    if props.errors.is_empty() {
        return Html::default();
    }
    let title_id = format!("{}-title", props.id);
    let links = props.errors.iter().map(|(field_id, message)| {
        let target = field_id.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let root = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".byline-root").ok().flatten());
            let field =
                root.and_then(|r| r.query_selector(&format!("[id='{target}']")).ok().flatten());
            if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = field.focus();
            }
        });
        html! { <li><a href={format!("#{field_id}")} {onclick}>{ message.clone() }</a></li> }
    });
    html! {
        <div class="byline-error-summary" id={props.id.clone()} tabindex="-1" ref={node}
             aria-labelledby={title_id.clone()}>
            <h3 class="byline-error-summary-title" id={title_id}>{ props.texts.get(TextKey::ErrorSummaryTitle) }</h3>
            <ul class="byline-error-summary-list">{ for links }</ul>
        </div>
    }
}
