//! The reply form's state and side effects: draft restore and autosave, saved details,
//! one request per send (adding the sent reply to the reader's pending list) and the
//! reply events.

use crate::core::events::WidgetEvent;
use crate::core::form::{Action, FormState};
use crate::core::reply::{self, classify, Answer, Notice, Outcome, Submission, Visibility, Wire};
use crate::core::saved::{self, PendingReply, SavedDraft};
use crate::services::http::{self, HttpError, HttpRequest, Method};
use crate::services::{storage, timer};
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The longest a change waits before the draft is saved.
const AUTOSAVE_DELAY_MS: u32 = 400;

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

/// Where and how replies go.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplyTarget {
    /// `None`: demo mode.
    pub endpoint: Option<String>,
    pub post_id: String,
    pub wire: Wire,
    /// Names this article in storage keys.
    pub article_key: String,
    /// `data-reply-nonce`: sent as `X-WP-Nonce`, so a signed-in reader posts as themselves.
    pub nonce: Option<String>,
    /// `data-reply-nonce-src`: asked for a fresh nonce when WordPress refuses this one.
    pub nonce_src: Option<String>,
}

/// The form's state; sending, restoring and autosaving run behind it.
#[hook]
pub fn use_reply(
    target: &ReplyTarget,
    initial: FormState,
    on_pending: &Callback<PendingReply>,
    on_event: &Callback<WidgetEvent>,
) -> UseReducerHandle<FormState> {
    let form = use_reducer(move || initial);

    // Restore the draft and the saved details for this article.
    {
        let dispatcher = form.dispatcher();
        use_effect_with(target.article_key.clone(), move |key| {
            let now = storage::now();
            if let Some(saved) =
                storage::get(&saved::draft_key(key)).and_then(|t| saved::draft_from_json(&t, now))
            {
                let parent = (saved.parent > 0).then_some((saved.parent, saved.parent_name));
                dispatcher.dispatch(Action::Restore(saved.draft, parent));
            }
            if let Some(details) =
                storage::get(saved::DETAILS_KEY).and_then(|t| saved::details_from_json(&t))
            {
                dispatcher.dispatch(Action::Prefill(details));
            }
        });
    }

    // Autosave: a change is written at most AUTOSAVE_DELAY_MS later, also while the reader
    // keeps typing, and at once when the page is hidden or left (a closed tab, a reload) or
    // the form goes away (the host removed or re-mounted).
    let unsaved = use_mut_ref(|| None::<(String, SavedDraft)>);
    let timer_running = use_mut_ref(|| false);
    {
        let unsaved = unsaved.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let document = window.as_ref().and_then(|w| w.document());
            let targets: Vec<(web_sys::EventTarget, &'static str)> = window
                .map(|w| (w.into(), "pagehide"))
                .into_iter()
                .chain(document.map(|d| (d.into(), "visibilitychange")))
                .collect();
            let listeners: Vec<EventListener> = targets
                .iter()
                .map(|(target, kind)| {
                    let unsaved = unsaved.clone();
                    EventListener::new(target, *kind, move |_| flush_draft(&unsaved))
                })
                .collect();
            move || {
                drop(listeners);
                flush_draft(&unsaved);
            }
        });
    }
    {
        let key = saved::draft_key(&target.article_key);
        let unsaved = unsaved.clone();
        // Only the reply itself: name, email and website are stored when a reply is sent
        // with "Save my name…" ticked, never before.
        let mut draft = form.draft.clone();
        draft.name.clear();
        draft.email.clear();
        draft.website.clear();
        let to_store = SavedDraft {
            draft,
            parent: form.parent.as_ref().map_or(0, |(id, _)| *id),
            parent_name: form
                .parent
                .as_ref()
                .map_or_else(String::new, |(_, name)| name.clone()),
        };
        use_effect_with(to_store, move |to_store| {
            *unsaved.borrow_mut() = Some((key, to_store.clone()));
            if !timer_running.replace(true) {
                // Left to fire even after an unmount: it then finds nothing unsaved.
                timer::after(AUTOSAVE_DELAY_MS, move || {
                    *timer_running.borrow_mut() = false;
                    flush_draft(&unsaved);
                });
            }
        });
    }

    // One request per send: runs when the state machine asks for a send. A nonce fetched
    // when WordPress refused the page's is kept for the sends after it.
    let fresh_nonce = use_mut_ref(|| None::<String>);
    {
        let state = form.clone();
        let target = target.clone();
        let on_pending = on_pending.clone();
        let on_event = on_event.clone();
        use_effect_with(form.send_count, move |count| {
            if *count > 0 {
                yew::platform::spawn_local(send(state, target, fresh_nonce, on_pending, on_event));
            }
        });
    }

    form
}

/// Sends what a bot typed with the honeypot it filled in (`byline_hp`), so the server refuses
/// it too; the answer is not read (the form looks successful whatever it is).
pub async fn send_trapped(target: ReplyTarget, draft: reply::Draft, parent: u64, honeypot: String) {
    let Some(endpoint) = &target.endpoint else {
        return;
    };
    let submission = Submission {
        post_id: &target.post_id,
        parent,
        draft: &draft,
        save_details: false,
        honeypot: &honeypot,
    };
    let _ = post(&target, endpoint, &submission, target.nonce.as_deref()).await;
}

/// One POST of a submission in the target's wire format.
async fn post(
    target: &ReplyTarget,
    endpoint: &str,
    submission: &Submission<'_>,
    nonce: Option<&str>,
) -> Result<http::HttpResponse, HttpError> {
    let (content_type, body) = match target.wire {
        Wire::Json => ("application/json", reply::encode_json(submission)),
        Wire::Form => (
            "application/x-www-form-urlencoded",
            reply::encode_form(submission),
        ),
    };
    http::request(HttpRequest {
        method: Method::POST,
        url: endpoint,
        accept: "application/json",
        body: Some((content_type, body)),
        // wp-comments-post.php answers success with a 302: not following it keeps the
        // answer readable even when WordPress redirects to another origin.
        follow: target.wire == Wire::Json,
        wp_nonce: nonce,
    })
    .await
}

/// A fresh `wp_rest` nonce from `data-reply-nonce-src` (same origin only), or `None`.
async fn fetch_nonce(target: &ReplyTarget) -> Option<String> {
    let source = target.nonce_src.as_deref()?;
    if !http::is_same_origin(source) {
        return None;
    }
    let response = http::get_ok(source, "text/plain").await.ok()?;
    reply::parse_nonce(&response.body)
}

/// Sends the current draft and settles the form with the outcome. A signed-in reader whose
/// nonce WordPress refuses (`rest_cookie_invalid_nonce`) is sent once more with a fresh one.
async fn send(
    form: UseReducerHandle<FormState>,
    target: ReplyTarget,
    fresh_nonce: Rc<RefCell<Option<String>>>,
    on_pending: Callback<PendingReply>,
    on_event: Callback<WidgetEvent>,
) {
    let draft = form.draft.clone();
    let parent = form.parent.as_ref().map_or(0, |(id, _)| *id);
    let save_details = form.save_details;
    let submission = Submission {
        post_id: &target.post_id,
        parent,
        draft: &draft,
        save_details,
        honeypot: "",
    };
    let Some(endpoint) = &target.endpoint else {
        on_pending.emit(pending_reply(None, parent, &draft, true));
        finish_success(&target, &draft, save_details);
        form.dispatch(Action::SettleDemo);
        on_event.emit(WidgetEvent::ReplySent {
            status: "demo",
            response: None,
        });
        return;
    };
    let nonce = fresh_nonce
        .borrow()
        .clone()
        .or_else(|| target.nonce.clone());
    let mut result = post(&target, endpoint, &submission, nonce.as_deref()).await;
    let refused_nonce =
        nonce.is_some() && matches!(&result, Ok(r) if reply::is_invalid_nonce(r.status, &r.body));
    if refused_nonce {
        if let Some(fresh) = fetch_nonce(&target).await {
            *fresh_nonce.borrow_mut() = Some(fresh.clone());
            result = post(&target, endpoint, &submission, Some(&fresh)).await;
        }
    }
    let answer = match &result {
        Ok(r) => Answer::Response {
            status: r.status,
            redirected: r.redirected,
            final_url: &r.url,
            retry_after: r.retry_after.as_deref().and_then(retry_after_seconds),
            body: &r.body,
        },
        Err(HttpError::Offline) => Answer::Offline,
        Err(HttpError::Timeout) => Answer::Timeout,
        Err(HttpError::Network(_)) => Answer::NetworkError,
    };
    let outcome = classify(target.wire, &answer);
    match &outcome {
        Outcome::Sent {
            visibility,
            comment,
        } => {
            let id = comment
                .as_ref()
                .and_then(|c| c.get("id"))
                .and_then(|v| v.as_u64());
            let mut sent = pending_reply(id, parent, &draft, false);
            sent.approved = *visibility == Visibility::Approved;
            on_pending.emit(sent);
            finish_success(&target, &draft, save_details);
            let status = match visibility {
                Visibility::Approved => "approved",
                Visibility::Held => "hold",
                Visibility::Unknown => "sent",
            };
            let response = result
                .as_ref()
                .ok()
                .filter(|_| comment.is_some())
                .map(|r| r.body.clone());
            on_event.emit(WidgetEvent::ReplySent { status, response });
        }
        failure => {
            if let Outcome::Refused {
                notice: Some(Notice::InvalidPost(_)),
                ..
            } = failure
            {
                gloo_console::error!(format!(
                        "Byline: {endpoint} refused post id \"{}\": check data-post-id (or the article's identifier).",
                        target.post_id
                    ));
            }
            if let Err(error) = &result {
                gloo_console::warn!(format!(
                    "Byline: the reply could not be sent to {endpoint}: {error}."
                ));
            }
            on_event.emit(WidgetEvent::ReplyFailed(
                failure.failure_kind().unwrap_or("server"),
            ));
        }
    }
    if let Outcome::Refused {
        notice:
            Some(Notice::RateLimited {
                retry_after: Some(seconds),
                ..
            }),
        ..
    } = &outcome
    {
        form.dispatch(Action::HoldUntil(
            storage::now() + f64::from(*seconds) * 1000.0,
        ));
    }
    form.dispatch(Action::Settle(outcome));
}

/// Writes the unsaved draft, if any: an empty comment removes the stored draft.
fn flush_draft(unsaved: &std::cell::RefCell<Option<(String, SavedDraft)>>) {
    let Some((key, draft)) = unsaved.borrow_mut().take() else {
        return;
    };
    if draft.draft.comment.trim().is_empty() {
        storage::remove(&key);
    } else {
        storage::set(&key, &saved::draft_to_json(&draft, storage::now()));
    }
}

/// `Retry-After` as seconds: delta-seconds, or an HTTP date read by the browser.
fn retry_after_seconds(value: &str) -> Option<u32> {
    reply::parse_retry_after(value).or_else(|| {
        let at = js_sys::Date::parse(value);
        (!at.is_nan()).then(|| ((at - js_sys::Date::now()) / 1000.0).ceil().max(0.0) as u32)
    })
}

/// After a successful send: the draft goes; details are saved or forgotten as ticked.
/// The stored draft goes only when it is the text that was sent: what the reader typed while
/// the request was in flight stays saved.
fn finish_success(target: &ReplyTarget, draft: &reply::Draft, save_details: bool) {
    let key = saved::draft_key(&target.article_key);
    let stored = storage::get(&key).and_then(|t| saved::draft_from_json(&t, storage::now()));
    if stored.is_none_or(|s| s.draft.comment == draft.comment) {
        storage::remove(&key);
    }
    if save_details {
        storage::set(saved::DETAILS_KEY, &saved::details_to_json(draft));
    } else {
        storage::remove(saved::DETAILS_KEY);
    }
}

/// The reader's reply as it waits for moderation.
fn pending_reply(
    id: Option<u64>,
    parent: u64,
    draft: &reply::Draft,
    local_only: bool,
) -> PendingReply {
    PendingReply {
        id,
        parent,
        author: draft.name.trim().to_owned(),
        content: draft.comment.trim().to_owned(),
        date: js_sys::Date::new_0().to_iso_string().into(),
        local_only,
        approved: false,
        saved: storage::now(),
    }
}
