//! The reply section: "Leave a Reply", the WordPress fields, the error summary, the status
//! message with Retry, and the reader's own replies awaiting moderation.

use crate::components::error_summary::ErrorSummary;
use crate::components::field::{Control, FormField};
use crate::components::reply_item::pending_item;
use crate::core::events::WidgetEvent;
use crate::core::form::{Action, FormState, Status};
use crate::core::i18n::{TextKey, Texts};
use crate::core::reply::{validate, Failure, Field, FieldError, Notice, Rules, Visibility};
use crate::core::saved::PendingReply;
use crate::hooks::{send_trapped, use_refocus, use_reply, Pending, ReplyTarget};
use crate::services::{intl, timer};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How long the status regions are on the page, empty, before a restored draft is announced.
const ANNOUNCE_DELAY_MS: u32 = 500;

#[derive(Properties, PartialEq)]
pub struct ReplyFormProps {
    /// Unique per widget: prefixes every element id.
    pub id: AttrValue,
    pub target: ReplyTarget,
    pub rules: Rules,
    pub texts: Rc<Texts>,
    pub pending: Pending,
    /// Show the reader's pending replies under the form (when no thread shows them).
    pub show_pending: bool,
    /// The reply the reader chose to answer, with a counter that changes on each choice.
    #[prop_or_default]
    pub reply_to: Option<(u64, AttrValue, u32)>,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
    /// Where the form posts without scripts (`Config::form_action`): it then carries
    /// WordPress's hidden `comment_post_ID` and `comment_parent` fields.
    #[prop_or_default]
    pub action: Option<AttrValue>,
    /// The signed-in reader's name: no name, email or website fields, a "Logged in as" note.
    #[prop_or_default]
    pub reply_as: Option<AttrValue>,
    /// The pre-rendered form, working without scripts: the browser's own validation
    /// (`required`, `maxlength`, `type="email"`) instead of the widget's (`novalidate`).
    #[prop_or_default]
    pub plain: bool,
}

/// The `maxlength` of a field in a plain form: WordPress limits UTF-8 bytes, `maxlength`
/// counts UTF-16 code units. One code unit is at most 3 UTF-8 bytes (a character outside
/// the BMP is 2 units for 4 bytes), so a third of the byte limit can never exceed it:
/// comment 21,841, name 81, website 66. An email address WordPress accepts is ASCII only
/// (`is_email`), one byte a character, so the email field keeps its whole 100. The live
/// widget sets no `maxlength`; it counts the bytes itself and says how many are too many.
pub fn plain_maxlength(field: Field) -> u32 {
    match field {
        Field::Email => field.byte_limit() as u32,
        _ => (field.byte_limit() / 3) as u32,
    }
}

/// The message for a field error.
pub fn field_message(texts: &Texts, field: Field, error: &FieldError) -> String {
    match error {
        FieldError::Required => texts
            .get(match field {
                Field::Comment => TextKey::CommentRequired,
                Field::Name => TextKey::NameRequired,
                Field::Email | Field::Website => TextKey::EmailRequired,
            })
            .to_owned(),
        FieldError::EmailInvalid => texts.get(TextKey::EmailInvalid).to_owned(),
        FieldError::WebsiteInvalid => texts.get(TextKey::WebsiteInvalid).to_owned(),
        FieldError::TooLong { max, count } => texts.format(
            TextKey::TooLong,
            &[
                ("field", label_of(texts, field)),
                (
                    "max",
                    &intl::format_number(*max, texts.lang_of(TextKey::TooLong)),
                ),
                (
                    "count",
                    &intl::format_number(*count, texts.lang_of(TextKey::TooLong)),
                ),
            ],
        ),
        FieldError::Server(message) => message.clone(),
    }
}

fn label_of(texts: &Texts, field: Field) -> &str {
    texts.get(match field {
        Field::Comment => TextKey::Comment,
        Field::Name => TextKey::Name,
        Field::Email => TextKey::Email,
        Field::Website => TextKey::Website,
    })
}

/// The status text and whether it is an error.
fn status_message(texts: &Texts, status: &Status) -> (String, bool) {
    // A refusal of its own: the publisher's data-text-<key> when set, else WordPress's
    // words, else the built-in text.
    let own = |text: &Option<String>, key: TextKey| {
        texts
            .overridden(key)
            .map(str::to_owned)
            .or_else(|| text.clone())
            .unwrap_or_else(|| texts.get(key).to_owned())
    };
    match status {
        Status::Sent(Visibility::Approved) => (texts.get(TextKey::Published).to_owned(), false),
        Status::Sent(_) => (texts.get(TextKey::AwaitingModeration).to_owned(), false),
        Status::Demo => (texts.get(TextKey::DemoMode).to_owned(), false),
        Status::Restored => (texts.get(TextKey::DraftRestored).to_owned(), false),
        Status::Refused(notice) => {
            let text = match notice {
                Notice::Duplicate(t) => own(t, TextKey::Duplicate),
                Notice::Flood(t) => own(t, TextKey::Flood),
                // "Try again in 0 seconds" says nothing: the general message instead.
                Notice::RateLimited {
                    retry_after: Some(seconds),
                    ..
                } if *seconds > 0 => {
                    let lang = texts.lang_of(TextKey::RateLimited);
                    let category = intl::plural_category(*seconds as usize, lang);
                    texts.plural(TextKey::RateLimited, &category, &seconds.to_string(), &[])
                }
                Notice::RateLimited { text, .. } => own(text, TextKey::Flood),
                Notice::LoginRequired(t) => own(t, TextKey::LoginRequired),
                Notice::Closed(t) => own(t, TextKey::RepliesClosed),
                Notice::InvalidPost(t) => own(t, TextKey::InvalidPost),
                Notice::Other(t) if t.is_empty() => texts.get(TextKey::ServerError).to_owned(),
                Notice::Other(t) => t.clone(),
            };
            (text, true)
        }
        Status::Failed(failure) => (
            texts
                .get(match failure {
                    Failure::Server(_) => TextKey::ServerError,
                    Failure::Network => TextKey::NetworkError,
                    Failure::Offline => TextKey::Offline,
                    Failure::Timeout => TextKey::Timeout,
                })
                .to_owned(),
            true,
        ),
    }
}

#[component]
pub fn ReplyForm(props: &ReplyFormProps) -> Html {
    let ReplyFormProps {
        id,
        target,
        rules,
        texts,
        pending,
        show_pending,
        reply_to,
        on_event,
        action,
        reply_as,
        plain,
    } = props;
    let form = use_reply(target, FormState::new(*rules), &pending.add, on_event);
    let comment_ref = use_node_ref();
    let honeypot = use_node_ref();
    // Only a restored draft waits (and re-renders once): other forms start no timer.
    let regions_settled = use_state(|| false);
    {
        let settled = regions_settled.setter();
        let restored = matches!(form.status, Some(Status::Restored));
        use_effect_with(restored, move |restored| {
            if *restored {
                timer::after(ANNOUNCE_DELAY_MS, move || settled.set(true));
            }
        });
    }
    // The submit button is disabled while a reply is in flight, which drops its focus.
    let submit_ref = use_node_ref();
    use_refocus(submit_ref.clone(), !form.sending && form.send_count > 0);
    {
        let dispatcher = form.dispatcher();
        use_effect_with(*rules, move |rules| {
            dispatcher.dispatch(Action::SetRules(*rules))
        });
    }

    {
        let dispatcher = form.dispatcher();
        let comment = comment_ref.clone();
        use_effect_with(reply_to.clone(), move |reply_to| {
            if let Some((parent, name, _)) = reply_to {
                dispatcher.dispatch(Action::ReplyTo(*parent, name.to_string()));
                if let Some(field) = comment.cast::<web_sys::HtmlElement>() {
                    let _ = field.focus();
                }
            }
        });
    }
    let field_id = |field: Field| format!("{id}-{}", field.id());
    let edit = |field: Field| {
        let dispatcher = form.dispatcher();
        Callback::from(move |value: String| dispatcher.dispatch(Action::Edit(field, value)))
    };
    let error_of = |field: Field| {
        form.error(field)
            .map(|e| AttrValue::from(field_message(texts, field, e)))
    };

    let submit = {
        let form = form.clone();
        let honeypot = honeypot.clone();
        let on_event = on_event.clone();
        let target = target.clone();
        Callback::from(move |()| {
            if form.sending {
                return;
            }
            let trap = honeypot
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            if !trap.is_empty() {
                // A bot filled the hidden field: it is sent as such, so the server refuses the
                // reply too, and the form looks successful whatever the answer.
                let parent = form.parent.as_ref().map_or(0, |(id, _)| *id);
                yew::platform::spawn_local(send_trapped(
                    target.clone(),
                    form.draft.clone(),
                    parent,
                    trap,
                ));
                form.dispatch(Action::Settle(crate::core::reply::Outcome::Sent {
                    visibility: Visibility::Held,
                    comment: None,
                }));
                return;
            }
            if !validate(&form.draft, form.rules).is_empty() {
                on_event.emit(WidgetEvent::ReplyFailed("validation"));
            }
            form.dispatch(Action::SubmitAt(js_sys::Date::now()));
        })
    };
    let onsubmit = submit.reform(|e: SubmitEvent| e.prevent_default());
    let on_retry = submit.reform(|_: MouseEvent| ());
    let on_save = {
        let dispatcher = form.dispatcher();
        Callback::from(move |e: Event| {
            dispatcher.dispatch(Action::SetSaveDetails(
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ))
        })
    };
    let on_cancel_reply = {
        let dispatcher = form.dispatcher();
        let comment = comment_ref.clone();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Action::CancelReply);
            // The button goes with the "Replying to" line: the reply itself keeps the focus.
            if let Some(comment) = comment.cast::<web_sys::HtmlElement>() {
                let _ = comment.focus();
            }
        })
    };

    let summary: Vec<(AttrValue, AttrValue)> = form
        .errors
        .iter()
        .map(|(f, e)| {
            (
                AttrValue::from(field_id(*f)),
                AttrValue::from(field_message(texts, *f, e)),
            )
        })
        .collect();
    let heading_id = format!("{id}-heading");
    // A live region announces changes, not the text it is inserted with: "restored" waits
    // until the (empty) region has been on the page for a moment.
    let status = form
        .status
        .as_ref()
        .filter(|s| *regions_settled || !matches!(s, Status::Restored))
        .map(|s| status_message(texts, s));
    let failed = matches!(form.status, Some(Status::Failed(_)));
    let required = |f: Field| rules.is_required(f);
    let maxlength = |f: Field| plain.then(|| plain_maxlength(f));
    let parent_id = form.parent.as_ref().map_or(0, |(id, _)| *id).to_string();

    html! {
        <section class="byline-reply" aria-labelledby={heading_id.clone()}>
            <h2 class="byline-reply-heading" id={heading_id}>{ texts.get(TextKey::ReplyHeading) }</h2>
            <form class="byline-form" method={action.as_ref().map(|_| "post")} action={action.clone()}
                novalidate={!*plain} {onsubmit}>
                <ErrorSummary id={format!("{id}-summary")} errors={summary} focus={form.summary_focus} texts={texts.clone()} />
                <p class="byline-notes">
                    // The comment is always required (and marked *), so the note always stands.
                    { texts.get(TextKey::ReplyNotes) }{ " " }{ texts.get(TextKey::RequiredNote) }
                </p>
                if let Some((_, name)) = &form.parent {
                    <p class="byline-replying-to">
                        { texts.format(TextKey::ReplyingTo, &[("name", name)]) }{ " " }
                        <button type="button" class="byline-link-button" onclick={on_cancel_reply}>
                            { texts.get(TextKey::CancelReply) }
                        </button>
                    </p>
                }
                if let Some(name) = reply_as {
                    <p class="byline-logged-in">{ texts.format(TextKey::LoggedInAs, &[("name", name)]) }</p>
                }
                <FormField id={field_id(Field::Comment)} name="comment" label={texts.get(TextKey::Comment).to_owned()}
                    control={Control::TextArea} value={form.draft.comment.clone()} required={required(Field::Comment)}
                    control_ref={comment_ref.clone()} native_required={*plain} maxlength={maxlength(Field::Comment)}
                    error={error_of(Field::Comment)} texts={texts.clone()} on_input={edit(Field::Comment)} />
                if reply_as.is_none() {
                    <FormField id={field_id(Field::Name)} name="author" label={texts.get(TextKey::Name).to_owned()}
                        control={Control::Input("text")} value={form.draft.name.clone()} required={required(Field::Name)}
                        native_required={*plain} maxlength={maxlength(Field::Name)}
                        error={error_of(Field::Name)} autocomplete="name" texts={texts.clone()} on_input={edit(Field::Name)} />
                    <FormField id={field_id(Field::Email)} name="email" label={texts.get(TextKey::Email).to_owned()}
                        control={Control::Input("email")} value={form.draft.email.clone()} required={required(Field::Email)}
                        native_required={*plain} maxlength={maxlength(Field::Email)}
                        error={error_of(Field::Email)} autocomplete="email" texts={texts.clone()} on_input={edit(Field::Email)} />
                    <FormField id={field_id(Field::Website)} name="url" label={texts.get(TextKey::Website).to_owned()}
                        control={Control::Input("url")} value={form.draft.website.clone()} required={false}
                        maxlength={maxlength(Field::Website)}
                        error={error_of(Field::Website)} autocomplete="url" texts={texts.clone()} on_input={edit(Field::Website)} />
                }
                if action.is_some() {
                    <input type="hidden" name="comment_post_ID" value={target.post_id.clone()} />
                    <input type="hidden" name="comment_parent" value={parent_id} />
                }
                <div class="byline-honeypot" aria-hidden="true" hidden={*plain}>
                    <label for={format!("{id}-hp")}>{ "Leave this field empty" }</label>
                    <input type="text" id={format!("{id}-hp")} name="byline-hp" tabindex="-1" autocomplete="off" ref={honeypot} />
                </div>
                if reply_as.is_none() {
                    <div class="byline-checkbox">
                        <input type="checkbox" id={format!("{id}-save")} name="wp-comment-cookies-consent" value="yes"
                            checked={form.save_details} onchange={on_save} />
                        <label for={format!("{id}-save")}>{ texts.get(TextKey::SaveDetails) }</label>
                    </div>
                }
                <button type="submit" class="byline-button byline-submit" ref={submit_ref} disabled={form.sending}
                    aria-busy={form.sending.then_some("true")}>
                    { texts.get(if form.sending { TextKey::Sending } else { TextKey::Submit }) }
                </button>
            </form>
            <div class="byline-status-region" role="status" aria-live="polite">
                if let Some((text, false)) = &status {
                    <p class="byline-status byline-status--success">{ text.clone() }</p>
                }
            </div>
            <div class="byline-alert-region" role="alert">
                if let Some((text, true)) = &status {
                    <div class="byline-status byline-status--error">
                        <p>{ text.clone() }</p>
                        if failed {
                            <button type="button" class="byline-button byline-retry" onclick={on_retry}>
                                { texts.get(TextKey::Retry) }
                            </button>
                        }
                    </div>
                }
            </div>
            if *show_pending {
                { pending_list(&pending.list, texts) }
            }
        </section>
    }
}

/// The reader's own replies the server has not published yet.
fn pending_list(pending: &[PendingReply], texts: &Texts) -> Html {
    if pending.is_empty() {
        return Html::default();
    }
    html! {
        <ol class="byline-pending-list">
            { for pending.iter().map(|p| pending_item(p, None, texts)) }
        </ol>
    }
}
