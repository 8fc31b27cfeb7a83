//! One labelled form field with its error message, `aria-invalid` and `aria-describedby`.

use crate::core::i18n::{TextKey, Texts};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The control a field renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    TextArea,
    /// An `<input>` of this type.
    Input(&'static str),
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub id: AttrValue,
    pub name: AttrValue,
    pub label: AttrValue,
    pub control: Control,
    pub value: AttrValue,
    pub required: bool,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    pub texts: Rc<Texts>,
    pub on_input: Callback<String>,
    /// Reaches the control (to move focus to it).
    #[prop_or_default]
    pub control_ref: NodeRef,
    /// The HTML `required` attribute (a plain form, validated by the browser).
    #[prop_or_default]
    pub native_required: bool,
    /// The HTML `maxlength` (a plain form).
    #[prop_or_default]
    pub maxlength: Option<u32>,
}

#[component]
pub fn FormField(props: &FieldProps) -> Html {
    let FieldProps {
        id,
        name,
        label,
        control,
        value,
        required,
        error,
        autocomplete,
        texts,
        on_input,
        control_ref,
        native_required,
        maxlength,
    } = props;
    let maxlength = maxlength.map(|n| n.to_string());
    let error_id = format!("{id}-error");
    let invalid = error.is_some().then_some("true");
    let described = error.is_some().then(|| error_id.clone());
    let class = classes!(
        "byline-field",
        error.is_some().then_some("byline-field--error")
    );
    let input = match control {
        Control::TextArea => {
            let on_input = on_input.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                on_input.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
            });
            html! {
                <textarea class="byline-textarea" id={id.clone()} name={name.clone()} rows="8" ref={control_ref.clone()}
                    value={value.clone()} {oninput} required={*native_required} maxlength={maxlength}
                    aria-required={required.then_some("true")}
                    aria-invalid={invalid} aria-describedby={described} autocomplete={autocomplete.clone()} />
            }
        }
        Control::Input(kind) => {
            let on_input = on_input.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                on_input.emit(e.target_unchecked_into::<HtmlInputElement>().value())
            });
            html! {
                <input class="byline-input" type={*kind} id={id.clone()} name={name.clone()} ref={control_ref.clone()}
                    value={value.clone()} {oninput} required={*native_required} maxlength={maxlength}
                    aria-required={required.then_some("true")}
                    aria-invalid={invalid} aria-describedby={described} autocomplete={autocomplete.clone()}
                    spellcheck="false" />
            }
        }
    };
    html! {
        <div {class}>
            <label class="byline-label" for={id.clone()}>
                { label.clone() }
                if *required {
                    <span class="byline-required" aria-hidden="true">{ " *" }</span>
                    <span class="byline-visually-hidden">{ format!(" ({})", texts.get(TextKey::Required)) }</span>
                }
            </label>
            if let Some(error) = error {
                <p class="byline-field-error" id={error_id}>
                    <span class="byline-visually-hidden">{ texts.get(TextKey::ErrorPrefix) }{ " " }</span>
                    { error.clone() }
                </p>
            }
            { input }
        </div>
    }
}
