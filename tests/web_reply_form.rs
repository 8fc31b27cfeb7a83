//! Component tests in headless Chromium: the reply form in each of its states (pristine,
//! errors shown, sending, sent, failed), the honeypot, "save my details" and optional
//! name/email. Run with `cargo test --target wasm32-unknown-unknown --test web_reply_form`.
//!
//! The wasm-bindgen-test server answers any POST with an empty 404, which is how the
//! "failed" state is reached without a reply server of our own.
#![cfg(target_arch = "wasm32")]

use byline::components::reply_form::ReplyForm;
use byline::core::i18n::Texts;
use byline::core::reply::{Rules, Wire};
use byline::hooks::{use_pending, ReplyTarget};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/dom.rs"]
mod dom;
use dom::{all, container, count, document, q, q_opt, sleep, text, window};

// ---------------------------------------------------------------------------------------
// Harness

#[derive(Properties, PartialEq)]
struct HarnessProps {
    /// Prefixes element ids and names the article in storage keys.
    article: String,
    endpoint: Option<String>,
    require_name_email: bool,
}

/// `Pending` comes from a hook, so the form is rendered by a component that calls it. The
/// `.byline-root` wrapper is what the error summary's links look for.
#[component]
fn Harness(props: &HarnessProps) -> Html {
    let pending = use_pending(&props.article);
    let target = ReplyTarget {
        endpoint: props.endpoint.clone(),
        post_id: "42".into(),
        wire: Wire::Json,
        article_key: props.article.clone(),
        nonce: None,
        nonce_src: None,
    };
    html! {
        <div class="byline byline-root">
            <ReplyForm id={props.article.clone()} {target}
                rules={Rules { require_name_email: props.require_name_email }}
                texts={Rc::new(Texts::new("en", None, vec![]))} {pending} show_pending={true} />
        </div>
    }
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

async fn mount(article: &str, endpoint: Option<&str>, require_name_email: bool) -> Element {
    let root = container();
    yew::Renderer::<Harness>::with_root_and_props(
        root.clone(),
        HarnessProps {
            article: article.into(),
            endpoint: endpoint.map(Into::into),
            require_name_email,
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn attr(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

/// Dispatches a bubbling event (as the browser does for typing, `input`).
fn fire(el: &Element, kind: &str) {
    let f = js_sys::Function::new_with_args(
        "el, kind",
        "el.dispatchEvent(new Event(kind, { bubbles: true, cancelable: true }));",
    );
    f.call2(&JsValue::NULL, el, &JsValue::from_str(kind))
        .unwrap();
}

/// Types `value` into the field with this element id, as one `input` event.
fn type_into(root: &Element, id: &str, value: &str) {
    let el = q(root, &format!("[id='{id}']"));
    if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    } else {
        el.dyn_ref::<HtmlInputElement>().unwrap().set_value(value);
    }
    fire(&el, "input");
}

fn value_of(root: &Element, id: &str) -> String {
    let el = q(root, &format!("[id='{id}']"));
    match el.dyn_ref::<HtmlTextAreaElement>() {
        Some(area) => area.value(),
        None => el.dyn_ref::<HtmlInputElement>().unwrap().value(),
    }
}

fn submit_button(root: &Element) -> HtmlElement {
    q(root, "button.byline-submit").dyn_into().unwrap()
}

fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
}

/// How many requests the page has made to `path` (Resource Timing records each fetch).
fn requests_to(path: &str) -> u32 {
    let f = js_sys::Function::new_with_args(
        "path",
        "return performance.getEntriesByType('resource')\
            .filter(e => new URL(e.name).pathname === path).length;",
    );
    f.call1(&JsValue::NULL, &JsValue::from_str(path))
        .unwrap()
        .as_f64()
        .unwrap() as u32
}

/// Polls (flushing the scheduler) until `done` holds.
async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..1000 {
        yew::scheduler::flush().await;
        if done() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting for {what}");
}

fn active_element() -> Option<Element> {
    document().active_element()
}

fn is_active(el: &Element) -> bool {
    active_element().is_some_and(|a| a.is_same_node(Some(el)))
}

fn fill_valid(root: &Element, id: &str, comment: &str) {
    type_into(root, &format!("{id}-comment"), comment);
    type_into(root, &format!("{id}-author"), "Ana Ruiz");
    type_into(root, &format!("{id}-email"), "ana@example.com");
}

const DEMO: &str =
    "Demo mode: no reply endpoint is configured, so your reply was kept in this browser only.";
const SERVER_ERROR: &str = "The server could not take your reply. Your text is safe; try again.";

// ---------------------------------------------------------------------------------------
// Pristine

#[wasm_bindgen_test]
async fn pristine_form_has_four_labelled_fields_and_no_errors() {
    storage().clear().unwrap();
    let id = "rf-pristine";
    let root = mount(id, None, true).await;

    assert_eq!(text(&q(&root, "h2.byline-reply-heading")), "Leave a Reply");
    let section = q(&root, "section.byline-reply");
    assert_eq!(
        attr(&section, "aria-labelledby").as_deref(),
        Some("rf-pristine-heading")
    );
    let notes = text(&q(&root, ".byline-notes"));
    assert!(
        notes.contains("Your email address will not be published."),
        "{notes}"
    );
    assert!(notes.contains("Required fields are marked *"), "{notes}");

    // The four fields, in order, each with a label pointing at it.
    let fields = [
        ("comment", "textarea", "Comment", true),
        ("author", "input", "Name", true),
        ("email", "input", "Email", true),
        ("url", "input", "Website", false),
    ];
    let controls = all(&root, ".byline-field textarea, .byline-field input");
    assert_eq!(
        controls
            .iter()
            .map(|c| attr(c, "id").unwrap())
            .collect::<Vec<_>>(),
        fields
            .iter()
            .map(|f| format!("{id}-{}", f.0))
            .collect::<Vec<_>>()
    );
    for (field, tag, label, required) in fields {
        let field_id = format!("{id}-{field}");
        let control = q(&root, &format!("[id='{field_id}']"));
        assert_eq!(control.local_name(), tag);
        assert_eq!(attr(&control, "name").as_deref(), Some(field));
        let label_el = q(&root, &format!("label[for='{field_id}']"));
        let label_text = text(&label_el);
        assert!(label_text.starts_with(label), "{label_text}");
        if required {
            assert_eq!(label_text, format!("{label} * (required)"));
            let star = q(&label_el, ".byline-required");
            assert_eq!(attr(&star, "aria-hidden").as_deref(), Some("true"));
            assert_eq!(
                text(&q(&label_el, ".byline-visually-hidden")),
                " (required)"
            );
            assert_eq!(attr(&control, "aria-required").as_deref(), Some("true"));
        } else {
            assert_eq!(label_text, label);
            assert_eq!(attr(&control, "aria-required"), None);
        }
        assert_eq!(attr(&control, "aria-invalid"), None, "{field}");
        assert_eq!(attr(&control, "aria-describedby"), None, "{field}");
        assert_eq!(value_of(&root, &field_id), "");
    }
    assert_eq!(
        attr(&q(&root, "[id='rf-pristine-email']"), "type").as_deref(),
        Some("email")
    );
    assert_eq!(
        attr(&q(&root, "[id='rf-pristine-url']"), "type").as_deref(),
        Some("url")
    );
    assert_eq!(count(&root, ".byline-required"), 3);

    // No errors, no status, an enabled submit button.
    assert_eq!(count(&root, ".byline-error-summary"), 0);
    assert_eq!(count(&root, ".byline-field-error"), 0);
    assert_eq!(count(&root, "[aria-invalid]"), 0);
    assert_eq!(count(&root, ".byline-status"), 0);
    assert_eq!(count(&root, ".byline-pending"), 0);
    let button = submit_button(&root);
    assert_eq!(attr(&button, "type").as_deref(), Some("submit"));
    assert_eq!(text(&button), "Post Comment");
    assert!(!button.has_attribute("disabled"));
    assert_eq!(attr(&button, "aria-busy"), None);

    // The live regions are there before anything is announced in them.
    let status = q(&root, ".byline-status-region");
    assert_eq!(attr(&status, "role").as_deref(), Some("status"));
    assert_eq!(attr(&status, "aria-live").as_deref(), Some("polite"));
    assert_eq!(
        attr(&q(&root, ".byline-alert-region"), "role").as_deref(),
        Some("alert")
    );

    // The checkbox, unticked, with its label; the honeypot hidden from everyone.
    let save: HtmlInputElement = q(&root, "[id='rf-pristine-save']").dyn_into().unwrap();
    assert!(!save.checked());
    assert_eq!(
        text(&q(&root, "label[for='rf-pristine-save']")),
        "Save my name, email, and website in this browser for the next time I comment."
    );
    let trap = q(&root, ".byline-honeypot");
    assert_eq!(attr(&trap, "aria-hidden").as_deref(), Some("true"));
    assert_eq!(attr(&q(&trap, "input"), "tabindex").as_deref(), Some("-1"));
    assert!(q(&root, "form").has_attribute("novalidate"));
    root.remove();
}

// ---------------------------------------------------------------------------------------
// Errors shown

#[wasm_bindgen_test]
async fn submitting_the_empty_form_shows_the_summary_and_field_errors() {
    storage().clear().unwrap();
    let id = "rf-errors";
    let root = mount(id, Some("/byline-test-errors"), true).await;

    // Submit as the browser does: a submit event on the form.
    fire(&q(&root, "form"), "submit");
    yew::scheduler::flush().await;

    let summary = q(&root, ".byline-error-summary");
    assert_eq!(attr(&summary, "tabindex").as_deref(), Some("-1"));
    assert_eq!(text(&q(&summary, "h3")), "There is a problem");
    assert_eq!(
        attr(&summary, "aria-labelledby"),
        attr(&q(&summary, "h3"), "id")
    );
    assert!(
        is_active(&summary),
        "the summary takes focus, not {:?}",
        active_element().map(|e| e.outer_html())
    );
    let links = all(&summary, "a");
    assert_eq!(
        links
            .iter()
            .map(|a| attr(a, "href").unwrap())
            .collect::<Vec<_>>(),
        [
            "#rf-errors-comment",
            "#rf-errors-author",
            "#rf-errors-email"
        ],
        "links in field order"
    );
    assert_eq!(
        links.iter().map(text).collect::<Vec<_>>(),
        [
            "Enter your comment",
            "Enter your name",
            "Enter your email address"
        ]
    );

    for (field, message) in [
        ("comment", "Enter your comment"),
        ("author", "Enter your name"),
        ("email", "Enter your email address"),
    ] {
        let control = q(&root, &format!("[id='{id}-{field}']"));
        assert_eq!(
            attr(&control, "aria-invalid").as_deref(),
            Some("true"),
            "{field}"
        );
        let described = attr(&control, "aria-describedby").expect("aria-describedby");
        assert_eq!(described, format!("{id}-{field}-error"));
        let error = q(&root, &format!("[id='{described}']"));
        assert_eq!(text(&error), format!("Error: {message}"));
        assert!(error.closest(".byline-field--error").unwrap().is_some());
    }
    let website = q(&root, "[id='rf-errors-url']");
    assert_eq!(
        attr(&website, "aria-invalid"),
        None,
        "an empty website is fine"
    );
    assert_eq!(count(&root, ".byline-field-error"), 3);
    // Nothing was sent while errors stand.
    assert_eq!(count(&root, ".byline-status"), 0);
    sleep(50).await;
    assert_eq!(requests_to("/byline-test-errors"), 0);

    // A summary link moves focus to its field.
    click(&links[1]);
    assert!(is_active(&q(&root, "[id='rf-errors-author']")));

    // Fixing the comment removes its error live; the others stay.
    type_into(&root, "rf-errors-comment", "A considered reply.");
    yew::scheduler::flush().await;
    let comment = q(&root, "[id='rf-errors-comment']");
    assert_eq!(attr(&comment, "aria-invalid"), None);
    assert_eq!(attr(&comment, "aria-describedby"), None);
    assert!(q_opt(&root, "[id='rf-errors-comment-error']").is_none());
    assert_eq!(
        all(&root, ".byline-error-summary a")
            .iter()
            .map(text)
            .collect::<Vec<_>>(),
        ["Enter your name", "Enter your email address"]
    );

    // A field shown wrong is re-validated as it changes: the message follows the value.
    type_into(&root, "rf-errors-email", "ana@example");
    yew::scheduler::flush().await;
    assert_eq!(
        text(&q(&root, "[id='rf-errors-email-error']")),
        "Error: Enter an email address in the correct format, like name@example.com"
    );
    // After a send attempt every changed field is checked live (CONTRACT 5), including
    // one that was fine when the form was sent.
    type_into(&root, "rf-errors-url", "javascript:alert(1)");
    yew::scheduler::flush().await;
    assert_eq!(
        attr(&q(&root, "[id='rf-errors-url']"), "aria-invalid").as_deref(),
        Some("true")
    );

    // Submitting again (with the button) lists what is still wrong and focuses the summary.
    click(&comment);
    click(&submit_button(&root));
    yew::scheduler::flush().await;
    let summary = q(&root, ".byline-error-summary");
    assert!(is_active(&summary));
    assert_eq!(
        all(&summary, "a")
            .iter()
            .map(|a| attr(a, "href").unwrap())
            .collect::<Vec<_>>(),
        ["#rf-errors-author", "#rf-errors-email", "#rf-errors-url"]
    );
    assert_eq!(
        text(&q(&root, "[id='rf-errors-url-error']")),
        "Error: Enter a website address that starts with http:// or https://, or leave it empty"
    );
    sleep(50).await;
    assert_eq!(requests_to("/byline-test-errors"), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn byte_limit_message_says_the_limit() {
    storage().clear().unwrap();
    let id = "rf-bytes";
    let root = mount(id, Some("/byline-test-bytes"), true).await;
    type_into(&root, "rf-bytes-comment", "Hello");
    type_into(&root, "rf-bytes-author", &"한".repeat(82)); // 246 bytes
    type_into(&root, "rf-bytes-email", "ana@example.com");
    click(&submit_button(&root));
    yew::scheduler::flush().await;
    assert_eq!(
        all(&root, ".byline-error-summary a").iter().map(text).collect::<Vec<_>>(),
        ["Name must be 245 bytes or fewer; it is 246 bytes now (accented letters and other scripts use 2 to 4 bytes per character)"]
    );
    // 81 Korean characters (243 bytes) are accepted, live.
    type_into(&root, "rf-bytes-author", &"한".repeat(81));
    yew::scheduler::flush().await;
    assert_eq!(count(&root, ".byline-error-summary"), 0);
    root.remove();
}

// ---------------------------------------------------------------------------------------
// Sending

#[wasm_bindgen_test]
async fn sending_disables_the_button_and_a_burst_sends_once() {
    storage().clear().unwrap();
    let id = "rf-sending";
    let path = "/byline-test-sending";
    let root = mount(id, Some(path), true).await;
    fill_valid(&root, id, "One request only, please.");
    yew::scheduler::flush().await;

    // Ten clicks before the browser gets a chance to answer (or even to re-render).
    let button = submit_button(&root);
    for _ in 0..10 {
        button.click();
    }
    yew::scheduler::flush().await;
    // The request cannot have been answered yet: no task has run since the click.
    let button = submit_button(&root);
    assert!(button.has_attribute("disabled"));
    assert_eq!(attr(&button, "aria-busy").as_deref(), Some("true"));
    assert_eq!(text(&button), "Sending…");
    assert_eq!(count(&root, ".byline-error-summary"), 0);
    // More presses while in flight change nothing.
    fire(&q(&root, "form"), "submit");
    button.click();
    yew::scheduler::flush().await;

    // The test server answers 404; the form settles and is usable again.
    wait_for("the send to settle", || {
        q_opt(&root, ".byline-status").is_some()
    })
    .await;
    let button = submit_button(&root);
    assert!(!button.has_attribute("disabled"));
    assert_eq!(attr(&button, "aria-busy"), None);
    assert_eq!(text(&button), "Post Comment");
    sleep(50).await;
    assert_eq!(requests_to(path), 1, "exactly one request for the burst");
    root.remove();
}

// ---------------------------------------------------------------------------------------
// Sent (demo mode)

/// Replies held over 30 days are forgotten: gone from the page and from storage.
#[wasm_bindgen_test]
async fn expired_pending_replies_leave_storage() {
    storage().clear().unwrap();
    let day = 24.0 * 60.0 * 60.0 * 1000.0;
    let entry = |content: &str, age_days: f64| {
        format!(
            r#"{{"id":null,"parent":0,"author":"Ana","content":"{content}","date":"2024-01-01T00:00:00Z","local":true,"approved":false,"saved":{}}}"#,
            js_sys::Date::now() - age_days * day
        )
    };
    let old_only = format!("[{}]", entry("Old", 31.0));
    storage()
        .set_item("byline:pending:rf-old", &old_only)
        .unwrap();
    let mixed = format!("[{},{}]", entry("Old", 31.0), entry("Recent", 2.0));
    storage()
        .set_item("byline:pending:rf-mixed", &mixed)
        .unwrap();

    let root = mount("rf-old", None, true).await;
    assert_eq!(count(&root, "li.byline-pending"), 0);
    assert_eq!(storage().get_item("byline:pending:rf-old").unwrap(), None);

    let root = mount("rf-mixed", None, true).await;
    assert_eq!(count(&root, "li.byline-pending"), 1);
    let kept = storage()
        .get_item("byline:pending:rf-mixed")
        .unwrap()
        .unwrap();
    assert!(kept.contains("Recent") && !kept.contains("Old"), "{kept}");
}

#[wasm_bindgen_test]
async fn demo_mode_keeps_the_reply_in_this_browser() {
    storage().clear().unwrap();
    let id = "rf-demo";
    let root = mount(id, None, true).await;
    fill_valid(&root, id, "First paragraph.\n\nSecond paragraph.");
    click(&submit_button(&root));
    wait_for("the demo status", || {
        q_opt(&root, ".byline-status--success").is_some()
    })
    .await;

    let status = q(&root, ".byline-status-region .byline-status--success");
    assert_eq!(text(&status), DEMO);
    assert_eq!(count(&root, ".byline-alert-region *"), 0);
    // The comment is cleared, the details stay.
    assert_eq!(value_of(&root, "rf-demo-comment"), "");
    assert_eq!(value_of(&root, "rf-demo-author"), "Ana Ruiz");
    assert_eq!(value_of(&root, "rf-demo-email"), "ana@example.com");
    assert_eq!(count(&root, "[aria-invalid]"), 0);
    assert!(!submit_button(&root).has_attribute("disabled"));

    // The reply is shown as pending under the form...
    let pending = all(&root, "ol.byline-pending-list > li.byline-pending");
    assert_eq!(pending.len(), 1);
    assert_eq!(text(&q(&pending[0], ".byline-reply-author")), "Ana Ruiz");
    assert!(q(&pending[0], "time.byline-reply-date").has_attribute("datetime"));
    assert_eq!(
        text(&q(&pending[0], ".byline-pending-label")),
        "Awaiting moderation"
    );
    assert_eq!(
        all(&pending[0], ".byline-reply-text")
            .iter()
            .map(text)
            .collect::<Vec<_>>(),
        ["First paragraph.", "Second paragraph."]
    );
    // ...and kept in localStorage for this article.
    let stored = storage()
        .get_item("byline:pending:rf-demo")
        .unwrap()
        .expect("pending stored");
    let list: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["content"], "First paragraph.\n\nSecond paragraph.");
    assert_eq!(list[0]["author"], "Ana Ruiz");
    assert_eq!(list[0]["local"], true);
    assert_eq!(list[0]["parent"], 0);
    // No draft is left behind, and the details were not saved (box unticked).
    sleep(450).await;
    assert_eq!(storage().get_item("byline:draft:rf-demo").unwrap(), None);
    assert_eq!(storage().get_item("byline:details").unwrap(), None);
    root.remove();

    // The pending reply is still there on the next visit.
    let again = mount(id, None, true).await;
    assert_eq!(count(&again, "li.byline-pending"), 1);
    again.remove();
}

// ---------------------------------------------------------------------------------------
// Failed

#[wasm_bindgen_test]
async fn a_404_without_an_error_object_fails_and_keeps_the_text() {
    storage().clear().unwrap();
    let id = "rf-failed";
    let path = "/definitely-missing";
    let root = mount(id, Some(path), true).await;
    let comment = "Please do not lose this.";
    fill_valid(&root, id, comment);
    // Pressed from the keyboard: the button is disabled while sending, which drops focus.
    submit_button(&root).focus().unwrap();
    click(&submit_button(&root));
    wait_for("the failure message", || {
        q_opt(&root, ".byline-status--error").is_some()
    })
    .await;
    assert!(
        is_active(&submit_button(&root)),
        "focus is back on the button, not on the page"
    );

    // An empty 404 is Failure::Server(404): the "try again" message with Retry.
    let alert = q(&root, ".byline-alert-region");
    assert_eq!(text(&q(&alert, ".byline-status--error p")), SERVER_ERROR);
    let retry = q(&alert, "button.byline-retry");
    assert_eq!(text(&retry), "Retry");
    assert_eq!(count(&root, ".byline-status-region *"), 0);
    // The text stays in the form and in the saved draft.
    assert_eq!(value_of(&root, "rf-failed-comment"), comment);
    assert_eq!(value_of(&root, "rf-failed-author"), "Ana Ruiz");
    assert_eq!(count(&root, ".byline-pending"), 0);
    assert_eq!(
        storage().get_item("byline:pending:rf-failed").unwrap(),
        None
    );
    sleep(450).await;
    let draft = storage()
        .get_item("byline:draft:rf-failed")
        .unwrap()
        .expect("draft saved");
    let draft: serde_json::Value = serde_json::from_str(&draft).unwrap();
    assert_eq!(draft["comment"], comment);
    // Name, email and website are kept only when the reader ticked "save my details".
    assert_eq!(draft["name"], "");
    assert_eq!(requests_to(path), 1);

    // Retry sends the same text again (and fails the same way).
    click(&retry);
    yew::scheduler::flush().await;
    assert!(submit_button(&root).has_attribute("disabled"));
    assert_eq!(
        count(&root, ".byline-status"),
        0,
        "the old message goes while sending"
    );
    wait_for("the second failure", || {
        q_opt(&root, ".byline-status--error").is_some()
    })
    .await;
    assert_eq!(requests_to(path), 2);
    assert_eq!(value_of(&root, "rf-failed-comment"), comment);
    assert!(
        is_active(&submit_button(&root)),
        "Retry was removed while sending: focus goes to the submit button"
    );
    root.remove();
}

// ---------------------------------------------------------------------------------------
// Drafts

#[wasm_bindgen_test]
async fn a_saved_draft_is_restored_with_an_announcement() {
    storage().clear().unwrap();
    let saved = serde_json::json!({
        "comment": "Where was I?", "name": "Lee", "email": "", "website": "",
        "parent": 0, "saved": js_sys::Date::now(),
    });
    storage()
        .set_item("byline:draft:rf-restore", &saved.to_string())
        .unwrap();
    let root = mount("rf-restore", None, true).await;
    wait_for("the restored draft", || {
        value_of(&root, "rf-restore-comment") == "Where was I?"
    })
    .await;
    assert_eq!(value_of(&root, "rf-restore-author"), "Lee");
    // The live region is on the page empty first, so the note is announced as a change.
    let region = q(&root, ".byline-status-region[role=status]");
    assert_eq!(text(&region), "");
    wait_for("the announcement", || {
        text(&region) == "Your unsent reply has been restored."
    })
    .await;
    root.remove();

    // An expired draft (older than 30 days) is not restored.
    storage().clear().unwrap();
    let old = serde_json::json!({
        "comment": "Too old", "name": "", "email": "", "website": "", "parent": 0,
        "saved": js_sys::Date::now() - 31.0 * 24.0 * 3600.0 * 1000.0,
    });
    storage()
        .set_item("byline:draft:rf-old", &old.to_string())
        .unwrap();
    let root = mount("rf-old", None, true).await;
    sleep(20).await;
    yew::scheduler::flush().await;
    assert_eq!(value_of(&root, "rf-old-comment"), "");
    assert_eq!(count(&root, ".byline-status"), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_restored_answer_says_whom_it_answers() {
    storage().clear().unwrap();
    let saved = serde_json::json!({
        "comment": "I agree with you", "name": "", "email": "", "website": "",
        "parent": 12, "parent_name": "Bo Jensen", "saved": js_sys::Date::now(),
    });
    storage()
        .set_item("byline:draft:rf-answer", &saved.to_string())
        .unwrap();
    let root = mount("rf-answer", None, true).await;
    wait_for("the restored draft", || {
        value_of(&root, "rf-answer-comment") == "I agree with you"
    })
    .await;
    let replying = text(&q(&root, ".byline-replying-to"));
    assert!(replying.starts_with("Replying to Bo Jensen"), "{replying}");
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_autosaves_the_draft_after_a_pause() {
    storage().clear().unwrap();
    let root = mount("rf-autosave", None, true).await;
    let stored = || {
        storage()
            .get_item("byline:draft:rf-autosave")
            .unwrap()
            .map(|d| serde_json::from_str::<serde_json::Value>(&d).unwrap())
    };
    type_into(&root, "rf-autosave-comment", "Half a tho");
    yew::scheduler::flush().await;
    assert_eq!(stored(), None, "not on every keystroke");
    sleep(500).await;
    assert_eq!(stored().expect("saved")["comment"], "Half a tho");
    // Emptying the comment forgets the draft.
    type_into(&root, "rf-autosave-comment", "   ");
    yew::scheduler::flush().await;
    sleep(500).await;
    assert_eq!(stored(), None);
    root.remove();
}

/// Steady typing never pauses: the draft is still saved within the delay, and at once
/// when the page is left. Name, email and website are never part of it.
#[wasm_bindgen_test]
async fn steady_typing_and_leaving_the_page_keep_the_draft() {
    storage().clear().unwrap();
    let id = "rf-steady";
    let root = mount(id, None, true).await;
    let stored = || {
        storage()
            .get_item("byline:draft:rf-steady")
            .unwrap()
            .map(|d| serde_json::from_str::<serde_json::Value>(&d).unwrap())
    };
    click(&q(&root, "input[type=checkbox]"));
    type_into(&root, &format!("{id}-author"), "Ana Ruiz");
    type_into(&root, &format!("{id}-email"), "ana@example.com");
    let mut typed = String::new();
    for word in ["One ", "two ", "three ", "four ", "five ", "six "] {
        typed.push_str(word);
        type_into(&root, &format!("{id}-comment"), &typed);
        yew::scheduler::flush().await;
        sleep(120).await;
    }
    let saved = stored().expect("saved while typing");
    assert!(
        saved["comment"].as_str().unwrap().starts_with("One two"),
        "{saved}"
    );
    assert_eq!(saved["name"], "", "details wait for a send");
    assert_eq!(saved["email"], "");

    type_into(&root, &format!("{id}-comment"), "Last words before closing");
    yew::scheduler::flush().await;
    window()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    assert_eq!(stored().unwrap()["comment"], "Last words before closing");
    root.remove();
}

// ---------------------------------------------------------------------------------------
// Honeypot

#[wasm_bindgen_test]
async fn the_honeypot_is_sent_for_the_server_to_refuse_and_looks_successful() {
    storage().clear().unwrap();
    let id = "rf-honeypot";
    let path = "/byline-test-honeypot";
    let root = mount(id, Some(path), true).await;
    type_into(&root, "rf-honeypot-comment", "Buy cheap watches");
    // A bot fills every field, the hidden one too.
    q(&root, "[id='rf-honeypot-hp']")
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .set_value("https://spam.example");
    click(&submit_button(&root));
    yew::scheduler::flush().await;
    assert_eq!(
        text(&q(&root, ".byline-status-region .byline-status--success")),
        "Thank you. Your reply is awaiting moderation."
    );
    // No validation errors either, although name and email are empty.
    assert_eq!(count(&root, ".byline-error-summary"), 0);
    assert!(!submit_button(&root).has_attribute("disabled"));
    // Sent once (with byline_hp: the encoding is tested natively), whatever the answer (this
    // server's is a 404), and not shown as a pending reply.
    wait_for("the trapped reply sent", || requests_to(path) == 1).await;
    sleep(200).await;
    assert_eq!(requests_to(path), 1, "sent once");
    assert_eq!(
        text(&q(&root, ".byline-status-region .byline-status--success")),
        "Thank you. Your reply is awaiting moderation."
    );
    assert_eq!(count(&root, ".byline-pending"), 0);
    assert_eq!(
        storage().get_item("byline:pending:rf-honeypot").unwrap(),
        None
    );
    root.remove();
}

// ---------------------------------------------------------------------------------------
// Save my details

#[wasm_bindgen_test]
async fn save_details_toggles_stores_and_prefills() {
    storage().clear().unwrap();
    let root = mount("rf-save", None, true).await;
    let checkbox = || -> HtmlInputElement { q(&root, "[id='rf-save-save']").dyn_into().unwrap() };
    assert!(!checkbox().checked());
    click(&checkbox());
    yew::scheduler::flush().await;
    assert!(checkbox().checked());
    click(&checkbox());
    yew::scheduler::flush().await;
    assert!(!checkbox().checked());
    click(&checkbox());
    yew::scheduler::flush().await;
    assert!(checkbox().checked());

    fill_valid(&root, "rf-save", "Remember me.");
    type_into(&root, "rf-save-url", "https://ana.example");
    click(&submit_button(&root));
    wait_for("the demo status", || {
        q_opt(&root, ".byline-status--success").is_some()
    })
    .await;
    let details = storage()
        .get_item("byline:details")
        .unwrap()
        .expect("details saved");
    let details: serde_json::Value = serde_json::from_str(&details).unwrap();
    assert_eq!(
        details,
        serde_json::json!({"name": "Ana Ruiz", "email": "ana@example.com", "website": "https://ana.example"})
    );
    root.remove();

    // The next visit (another article on the site) is prefilled and the box ticked.
    let next = mount("rf-save-next", None, true).await;
    wait_for("the prefill", || {
        value_of(&next, "rf-save-next-author") == "Ana Ruiz"
    })
    .await;
    assert_eq!(value_of(&next, "rf-save-next-email"), "ana@example.com");
    assert_eq!(value_of(&next, "rf-save-next-url"), "https://ana.example");
    assert_eq!(value_of(&next, "rf-save-next-comment"), "");
    let next_box: HtmlInputElement = q(&next, "[id='rf-save-next-save']").dyn_into().unwrap();
    assert!(next_box.checked());
    // No "restored" announcement for details alone.
    assert_eq!(count(&next, ".byline-status"), 0);

    // Unticking and sending forgets them.
    click(&next_box);
    yew::scheduler::flush().await;
    type_into(&next, "rf-save-next-comment", "Forget me.");
    click(&submit_button(&next));
    wait_for("the demo status", || {
        q_opt(&next, ".byline-status--success").is_some()
    })
    .await;
    assert_eq!(storage().get_item("byline:details").unwrap(), None);
    next.remove();
}

// ---------------------------------------------------------------------------------------
// data-require-name-email="false"

#[wasm_bindgen_test]
async fn name_and_email_can_be_optional() {
    storage().clear().unwrap();
    let id = "rf-optional";
    let root = mount(id, None, false).await;
    assert_eq!(
        count(&root, ".byline-required"),
        1,
        "only the comment is marked"
    );
    assert!(q_opt(&root, "label[for='rf-optional-comment'] .byline-required").is_some());
    for field in ["author", "email", "url"] {
        let control = q(&root, &format!("[id='{id}-{field}']"));
        assert_eq!(attr(&control, "aria-required"), None, "{field}");
    }
    assert_eq!(text(&q(&root, "label[for='rf-optional-author']")), "Name");
    let notes = text(&q(&root, ".byline-notes"));
    // The comment is still required and marked *, so the note stays (CONTRACT 5).
    assert!(notes.contains("Required fields are marked *"), "{notes}");

    // The empty form: only the comment is wrong.
    click(&submit_button(&root));
    yew::scheduler::flush().await;
    assert_eq!(
        all(&root, ".byline-error-summary a")
            .iter()
            .map(text)
            .collect::<Vec<_>>(),
        ["Enter your comment"]
    );
    // A wrong email is still wrong when given.
    type_into(&root, "rf-optional-email", "not an email");
    type_into(&root, "rf-optional-comment", "Anonymous thoughts.");
    click(&submit_button(&root));
    yew::scheduler::flush().await;
    assert_eq!(
        all(&root, ".byline-error-summary a")
            .iter()
            .map(|a| attr(a, "href").unwrap())
            .collect::<Vec<_>>(),
        ["#rf-optional-email"]
    );
    // Without it, a comment alone is sent.
    type_into(&root, "rf-optional-email", "");
    click(&submit_button(&root));
    wait_for("the demo status", || {
        q_opt(&root, ".byline-status--success").is_some()
    })
    .await;
    assert_eq!(text(&q(&root, ".byline-status--success")), DEMO);
    assert_eq!(count(&root, "li.byline-pending"), 1);
    root.remove();
}
