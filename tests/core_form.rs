#![cfg(not(target_arch = "wasm32"))]
//! Native tests for `byline::core::form`: the reply form's state machine (CONTRACT section 5:
//! GOV.UK error pattern, live re-validation, one send at a time, nothing typed is lost).

use byline::core::form::{Action, FormState, Status};
use byline::core::reply::{Draft, Failure, Field, FieldError, Notice, Outcome, Rules, Visibility};

const STRICT: Rules = Rules {
    require_name_email: true,
};
const LAX: Rules = Rules {
    require_name_email: false,
};

fn draft(comment: &str, name: &str, email: &str, website: &str) -> Draft {
    Draft {
        comment: comment.to_owned(),
        name: name.to_owned(),
        email: email.to_owned(),
        website: website.to_owned(),
    }
}

/// A form with the given values typed in.
fn typed(comment: &str, name: &str, email: &str, website: &str) -> FormState {
    let mut form = FormState::new(STRICT);
    form.apply(Action::Edit(Field::Comment, comment.to_owned()));
    form.apply(Action::Edit(Field::Name, name.to_owned()));
    form.apply(Action::Edit(Field::Email, email.to_owned()));
    form.apply(Action::Edit(Field::Website, website.to_owned()));
    form
}

fn valid_form() -> FormState {
    typed(
        "Nice piece.",
        "Alice",
        "alice@example.com",
        "https://alice.example",
    )
}

fn sent(visibility: Visibility) -> Outcome {
    Outcome::Sent {
        visibility,
        comment: None,
    }
}

fn shown_fields(form: &FormState) -> Vec<Field> {
    form.errors.iter().map(|(f, _)| *f).collect()
}

#[test]
fn a_new_form_is_empty_and_idle() {
    let form = FormState::new(STRICT);
    assert_eq!(form.draft, Draft::default());
    assert!(!form.save_details);
    assert_eq!(form.parent, None);
    assert!(form.errors.is_empty());
    assert!(!form.sending);
    assert_eq!(form.send_count, 0);
    assert_eq!(form.summary_focus, 0);
    assert_eq!(form.status, None);
    assert_eq!(form.rules, STRICT);
    assert_eq!(FormState::new(LAX).rules, LAX);
}

#[test]
fn edit_sets_the_value_and_shows_no_error_before_a_send() {
    let mut form = FormState::new(STRICT);
    form.apply(Action::Edit(Field::Email, "not an email".to_owned()));
    assert_eq!(form.draft.email, "not an email");
    assert!(form.errors.is_empty(), "no error before the first send");
    form.apply(Action::Edit(Field::Comment, "x".repeat(70_000)));
    assert!(form.errors.is_empty());
    assert_eq!(form.send_count, 0);
    assert_eq!(form.summary_focus, 0);
}

#[test]
fn edit_keeps_the_value_as_typed() {
    let mut form = FormState::new(STRICT);
    form.apply(Action::Edit(
        Field::Comment,
        "  two\n\nparagraphs  ".to_owned(),
    ));
    assert_eq!(form.draft.comment, "  two\n\nparagraphs  ");
}

#[test]
fn submit_with_errors_lists_them_in_form_order_focuses_the_summary_and_sends_nothing() {
    let mut form = typed("", "", "a@b", "example.com");
    form.apply(Action::Submit);
    assert_eq!(
        form.errors,
        vec![
            (Field::Comment, FieldError::Required),
            (Field::Name, FieldError::Required),
            (Field::Email, FieldError::EmailInvalid),
            (Field::Website, FieldError::WebsiteInvalid),
        ]
    );
    assert_eq!(form.summary_focus, 1);
    assert!(!form.sending);
    assert_eq!(form.send_count, 0);
    assert_eq!(form.error(Field::Email), Some(&FieldError::EmailInvalid));
    assert_eq!(form.error(Field::Comment), Some(&FieldError::Required));

    // Each refused submit focuses the summary again, still without sending.
    form.apply(Action::Submit);
    assert_eq!(form.summary_focus, 2);
    assert_eq!(form.send_count, 0);
    assert!(!form.sending);
}

#[test]
fn submit_with_errors_reports_byte_limits() {
    let mut form = typed("Hi", &"가".repeat(82), "a@b.c", "");
    form.apply(Action::Submit);
    assert_eq!(
        form.errors,
        vec![(
            Field::Name,
            FieldError::TooLong {
                max: 245,
                count: 246
            }
        )]
    );
    assert_eq!(form.send_count, 0);
}

#[test]
fn submit_valid_starts_one_send() {
    let mut form = valid_form();
    form.apply(Action::Submit);
    assert!(form.errors.is_empty());
    assert!(form.sending);
    assert_eq!(form.send_count, 1);
    assert_eq!(form.summary_focus, 0);
    assert_eq!(form.status, None);
}

#[test]
fn submit_while_sending_does_nothing() {
    let mut form = valid_form();
    form.apply(Action::Submit);
    let before = form.clone();
    form.apply(Action::Submit);
    assert_eq!(form, before);
}

#[test]
fn a_burst_of_submits_sends_exactly_once() {
    let mut form = valid_form();
    for _ in 0..10 {
        form.apply(Action::Submit);
    }
    assert_eq!(form.send_count, 1);
    assert!(form.sending);
    assert_eq!(form.summary_focus, 0);
}

#[test]
fn a_burst_with_errors_never_sends() {
    let mut form = typed("", "", "", "");
    for _ in 0..10 {
        form.apply(Action::Submit);
    }
    assert_eq!(form.send_count, 0);
    assert!(!form.sending);
    assert_eq!(form.summary_focus, 10);
}

#[test]
fn after_settling_a_new_submit_sends_again() {
    let mut form = valid_form();
    form.apply(Action::Submit);
    form.apply(Action::Settle(Outcome::Failed(Failure::Timeout)));
    assert!(!form.sending);
    form.apply(Action::Submit);
    assert!(form.sending);
    assert_eq!(form.send_count, 2);
    assert_eq!(form.status, None, "retrying clears the old failure");
}

#[test]
fn submit_in_lax_mode_needs_only_the_comment() {
    let mut form = FormState::new(LAX);
    form.apply(Action::Edit(Field::Comment, "Hi".to_owned()));
    form.apply(Action::Submit);
    assert!(form.errors.is_empty());
    assert_eq!(form.send_count, 1);

    let mut form = FormState::new(LAX);
    form.apply(Action::Edit(Field::Comment, "Hi".to_owned()));
    form.apply(Action::Edit(Field::Email, "a@b".to_owned()));
    form.apply(Action::Submit);
    assert_eq!(form.errors, vec![(Field::Email, FieldError::EmailInvalid)]);
    assert_eq!(form.send_count, 0);
}

// ---------------------------------------------------------------------------------------------
// Live re-validation
// ---------------------------------------------------------------------------------------------

#[test]
fn editing_before_any_send_adds_no_error() {
    let mut form = typed("", "", "", "");
    form.apply(Action::Edit(Field::Email, "broken".to_owned()));
    form.apply(Action::Edit(
        Field::Website,
        "javascript:alert(1)".to_owned(),
    ));
    assert!(
        form.errors.is_empty(),
        "nothing is shown before the first send"
    );
}

#[test]
fn after_a_send_attempt_every_changed_field_is_checked_live() {
    let mut form = typed("", "Alice", "alice@example.com", "");
    form.apply(Action::Submit);
    assert_eq!(shown_fields(&form), vec![Field::Comment]);
    // CONTRACT 5: "on submit and then live on each changed field".
    form.apply(Action::Edit(Field::Email, "broken".to_owned()));
    form.apply(Action::Edit(
        Field::Website,
        "javascript:alert(1)".to_owned(),
    ));
    form.apply(Action::Edit(Field::Name, String::new()));
    assert_eq!(
        shown_fields(&form),
        vec![Field::Comment, Field::Name, Field::Email, Field::Website],
        "errors stay in form order"
    );
    // Fixed, then broken again: checked again.
    form.apply(Action::Edit(Field::Name, "Joan".to_owned()));
    assert_eq!(form.error(Field::Name), None);
    form.apply(Action::Edit(Field::Name, "   ".to_owned()));
    assert_eq!(form.error(Field::Name), Some(&FieldError::Required));
    assert_eq!(form.summary_focus, 1, "live edits never steal focus");
}

#[test]
fn fixing_a_shown_field_removes_its_error() {
    let mut form = typed("", "", "a@b", "");
    form.apply(Action::Submit);
    assert_eq!(
        shown_fields(&form),
        vec![Field::Comment, Field::Name, Field::Email]
    );
    form.apply(Action::Edit(Field::Name, "Alice".to_owned()));
    assert_eq!(shown_fields(&form), vec![Field::Comment, Field::Email]);
    form.apply(Action::Edit(Field::Email, "a@b.c".to_owned()));
    assert_eq!(shown_fields(&form), vec![Field::Comment]);
    form.apply(Action::Edit(
        Field::Comment,
        "Now I have something to say".to_owned(),
    ));
    assert!(form.errors.is_empty());
    assert_eq!(form.summary_focus, 1);
    assert_eq!(form.send_count, 0, "fixing errors does not send");
}

#[test]
fn making_a_shown_field_wrong_differently_updates_its_error() {
    let mut form = typed("Hi", "Alice", "", "");
    form.apply(Action::Submit);
    assert_eq!(form.errors, vec![(Field::Email, FieldError::Required)]);
    form.apply(Action::Edit(Field::Email, "a@b".to_owned()));
    assert_eq!(form.errors, vec![(Field::Email, FieldError::EmailInvalid)]);
    let long = format!("{}@example.com", "a".repeat(90));
    form.apply(Action::Edit(Field::Email, long));
    assert_eq!(
        form.errors,
        vec![(
            Field::Email,
            FieldError::TooLong {
                max: 100,
                count: 102
            }
        )]
    );
    form.apply(Action::Edit(Field::Email, "   ".to_owned()));
    assert_eq!(form.errors, vec![(Field::Email, FieldError::Required)]);
}

#[test]
fn live_updates_keep_form_order() {
    let mut form = typed("", "", "", "nope");
    form.apply(Action::Submit);
    form.apply(Action::Edit(Field::Name, "가".repeat(100)));
    form.apply(Action::Edit(Field::Comment, "x".to_owned()));
    form.apply(Action::Edit(Field::Website, "ftp://x".to_owned()));
    assert_eq!(
        form.errors,
        vec![
            (
                Field::Name,
                FieldError::TooLong {
                    max: 245,
                    count: 300
                }
            ),
            (Field::Email, FieldError::Required),
            (Field::Website, FieldError::WebsiteInvalid),
        ]
    );
}

#[test]
fn a_shown_server_error_is_revalidated_on_edit() {
    let mut form = valid_form();
    form.apply(Action::Submit);
    form.apply(Action::Settle(Outcome::Refused {
        fields: vec![(Field::Email, "Invalid email address.".to_owned())],
        notice: None,
    }));
    assert_eq!(
        form.error(Field::Email),
        Some(&FieldError::Server("Invalid email address.".to_owned()))
    );
    // Editing the field checks it again with the local rules: valid locally → error gone.
    form.apply(Action::Edit(Field::Email, "alice@example.org".to_owned()));
    assert_eq!(form.error(Field::Email), None);
}

#[test]
fn a_server_error_blocks_sending_the_same_value_until_the_field_changes() {
    let mut form = valid_form();
    form.apply(Action::Submit);
    assert_eq!(form.send_count, 1);
    form.apply(Action::Settle(Outcome::Refused {
        fields: vec![(Field::Email, "Invalid email address.".to_owned())],
        notice: None,
    }));
    let focus = form.summary_focus;
    // Submitting again unchanged: nothing is sent, the error stands, the summary is focused.
    form.apply(Action::Submit);
    assert_eq!(form.send_count, 1, "nothing sent while the error stands");
    assert!(!form.sending);
    assert_eq!(shown_fields(&form), [Field::Email]);
    assert_eq!(form.summary_focus, focus + 1);
    // A new comment does not lift the email's error; a new email does.
    form.apply(Action::Edit(Field::Comment, "Another try.".to_owned()));
    form.apply(Action::Submit);
    assert_eq!(form.send_count, 1);
    form.apply(Action::Edit(Field::Email, "alice@example.org".to_owned()));
    form.apply(Action::Submit);
    assert_eq!(form.send_count, 2);
    assert!(form.sending);
}

// ---------------------------------------------------------------------------------------------
// Settle
// ---------------------------------------------------------------------------------------------

#[test]
fn settle_sent_clears_only_the_comment_parent_and_errors() {
    let mut form = valid_form();
    form.apply(Action::SetSaveDetails(true));
    form.apply(Action::ReplyTo(42, "Bo".to_owned()));
    form.apply(Action::Submit);
    assert!(form.sending);
    form.apply(Action::Settle(Outcome::Sent {
        visibility: Visibility::Held,
        comment: serde_json::from_str(r#"{"id": 9, "status": "hold"}"#).ok(),
    }));
    assert!(!form.sending);
    assert_eq!(form.draft.comment, "");
    assert_eq!(form.draft.name, "Alice");
    assert_eq!(form.draft.email, "alice@example.com");
    assert_eq!(form.draft.website, "https://alice.example");
    assert_eq!(form.parent, None);
    assert!(form.errors.is_empty());
    assert!(form.save_details, "the box stays as the reader left it");
    assert_eq!(form.status, Some(Status::Sent(Visibility::Held)));
    assert_eq!(form.send_count, 1);
}

#[test]
fn settle_sent_keeps_the_visibility() {
    for visibility in [Visibility::Approved, Visibility::Held, Visibility::Unknown] {
        let mut form = valid_form();
        form.apply(Action::Submit);
        form.apply(Action::Settle(sent(visibility)));
        assert_eq!(form.status, Some(Status::Sent(visibility)));
    }
}

#[test]
fn settle_demo_is_a_success_of_its_own() {
    let mut form = valid_form();
    form.apply(Action::ReplyTo(3, "Cy".to_owned()));
    form.apply(Action::Submit);
    form.apply(Action::SettleDemo);
    assert!(!form.sending);
    assert_eq!(form.draft.comment, "");
    assert_eq!(form.draft.name, "Alice");
    assert_eq!(form.parent, None);
    assert_eq!(form.status, Some(Status::Demo));
}

#[test]
fn settle_refused_with_fields_shows_server_errors_and_focuses_the_summary() {
    let mut form = valid_form();
    form.apply(Action::Submit);
    let message = "Creating a comment requires valid author name and email values.";
    form.apply(Action::Settle(Outcome::Refused {
        fields: vec![
            (Field::Name, message.to_owned()),
            (Field::Email, message.to_owned()),
        ],
        notice: None,
    }));
    assert!(!form.sending);
    assert_eq!(
        form.errors,
        vec![
            (Field::Name, FieldError::Server(message.to_owned())),
            (Field::Email, FieldError::Server(message.to_owned())),
        ]
    );
    assert_eq!(form.summary_focus, 1);
    assert_eq!(form.status, None);
    // Nothing typed is lost.
    assert_eq!(form.draft, valid_form().draft);
}

#[test]
fn settle_refused_with_a_notice_keeps_the_draft() {
    let mut form = valid_form();
    form.apply(Action::ReplyTo(7, "Di".to_owned()));
    form.apply(Action::Submit);
    let notice = Notice::Duplicate(Some(
        "Duplicate comment detected; it looks as though you\u{2019}ve already said that!"
            .to_owned(),
    ));
    form.apply(Action::Settle(Outcome::Refused {
        fields: vec![],
        notice: Some(notice.clone()),
    }));
    assert!(!form.sending);
    assert!(form.errors.is_empty());
    assert_eq!(form.summary_focus, 0, "a notice alone is not a field error");
    assert_eq!(form.status, Some(Status::Refused(notice)));
    assert_eq!(form.draft, valid_form().draft);
    assert_eq!(form.parent, Some((7, "Di".to_owned())));
}

#[test]
fn settle_failed_keeps_the_draft_intact() {
    for failure in [
        Failure::Server(503),
        Failure::Network,
        Failure::Offline,
        Failure::Timeout,
    ] {
        let mut form = valid_form();
        form.apply(Action::SetSaveDetails(true));
        form.apply(Action::ReplyTo(5, "Ed".to_owned()));
        form.apply(Action::Submit);
        form.apply(Action::Settle(Outcome::Failed(failure)));
        assert!(!form.sending);
        assert_eq!(form.status, Some(Status::Failed(failure)));
        assert_eq!(form.draft, valid_form().draft, "{failure:?}");
        assert_eq!(form.parent, Some((5, "Ed".to_owned())));
        assert!(form.save_details);
        assert!(form.errors.is_empty());
        // Retry sends again.
        form.apply(Action::Submit);
        assert_eq!(form.send_count, 2);
    }
}

// ---------------------------------------------------------------------------------------------
// Restore, prefill, replying to, rules
// ---------------------------------------------------------------------------------------------

#[test]
fn restore_puts_the_draft_back_and_says_so() {
    let mut form = FormState::new(STRICT);
    let saved = draft("Half a thought", "Alice", "", "");
    form.apply(Action::Restore(saved.clone(), Some((12, "Bo".to_owned()))));
    assert_eq!(form.draft, saved);
    assert_eq!(form.parent, Some((12, "Bo".to_owned())));
    assert_eq!(form.status, Some(Status::Restored));
    assert!(form.errors.is_empty());
    assert_eq!(form.send_count, 0);

    let mut form = FormState::new(STRICT);
    form.apply(Action::Restore(saved.clone(), None));
    assert_eq!(form.parent, None);
    assert_eq!(form.status, Some(Status::Restored));
}

#[test]
fn prefill_fills_only_empty_fields_and_ticks_the_box() {
    let mut form = FormState::new(STRICT);
    form.apply(Action::Edit(Field::Name, "Typed Name".to_owned()));
    form.apply(Action::Edit(Field::Comment, "My comment".to_owned()));
    form.apply(Action::Prefill(draft(
        "must not be used",
        "Saved Name",
        "saved@example.com",
        "https://saved.example",
    )));
    assert_eq!(form.draft.comment, "My comment");
    assert_eq!(form.draft.name, "Typed Name");
    assert_eq!(form.draft.email, "saved@example.com");
    assert_eq!(form.draft.website, "https://saved.example");
    assert!(form.save_details);
}

#[test]
fn prefill_never_fills_the_comment() {
    let mut form = FormState::new(STRICT);
    form.apply(Action::Prefill(draft("secret", "N", "n@e.st", "")));
    assert_eq!(form.draft.comment, "");
    assert_eq!(form.draft.name, "N");
    assert_eq!(form.draft.email, "n@e.st");
    assert_eq!(form.draft.website, "");
    assert!(form.save_details);
}

#[test]
fn reply_to_and_cancel() {
    let mut form = FormState::new(STRICT);
    form.apply(Action::ReplyTo(42, "Bo".to_owned()));
    assert_eq!(form.parent, Some((42, "Bo".to_owned())));
    form.apply(Action::ReplyTo(43, "Cy".to_owned()));
    assert_eq!(form.parent, Some((43, "Cy".to_owned())));
    form.apply(Action::CancelReply);
    assert_eq!(form.parent, None);
    form.apply(Action::CancelReply);
    assert_eq!(form.parent, None);
}

#[test]
fn set_save_details() {
    let mut form = FormState::new(STRICT);
    form.apply(Action::SetSaveDetails(true));
    assert!(form.save_details);
    form.apply(Action::SetSaveDetails(false));
    assert!(!form.save_details);
}

#[test]
fn set_rules_revalidates_only_shown_fields() {
    let mut form = typed("", "", "", "");
    form.apply(Action::Submit);
    assert_eq!(
        shown_fields(&form),
        vec![Field::Comment, Field::Name, Field::Email]
    );
    form.apply(Action::SetRules(LAX));
    assert_eq!(form.rules, LAX);
    assert_eq!(form.errors, vec![(Field::Comment, FieldError::Required)]);
    // Back to strict: Name and Email were no longer shown, so they stay hidden until a send.
    form.apply(Action::SetRules(STRICT));
    assert_eq!(form.errors, vec![(Field::Comment, FieldError::Required)]);
    form.apply(Action::Submit);
    assert_eq!(
        shown_fields(&form),
        vec![Field::Comment, Field::Name, Field::Email]
    );
}

#[test]
fn set_rules_on_a_clean_form_shows_nothing() {
    let mut form = FormState::new(LAX);
    form.apply(Action::SetRules(STRICT));
    assert!(form.errors.is_empty());
    assert_eq!(form.summary_focus, 0);
    form.apply(Action::Edit(Field::Comment, "Hi".to_owned()));
    form.apply(Action::Submit);
    assert_eq!(shown_fields(&form), vec![Field::Name, Field::Email]);
}

#[test]
fn a_whole_conversation() {
    let mut form = FormState::new(STRICT);
    form.apply(Action::Prefill(draft("", "Alice", "alice@example.com", "")));
    form.apply(Action::Submit);
    assert_eq!(form.errors, vec![(Field::Comment, FieldError::Required)]);
    form.apply(Action::Edit(Field::Comment, "First".to_owned()));
    assert!(form.errors.is_empty());
    form.apply(Action::Submit);
    form.apply(Action::Submit);
    assert_eq!(form.send_count, 1);
    form.apply(Action::Settle(Outcome::Failed(Failure::Network)));
    assert_eq!(form.draft.comment, "First");
    form.apply(Action::Submit);
    assert_eq!(form.send_count, 2);
    form.apply(Action::Settle(sent(Visibility::Approved)));
    assert_eq!(form.status, Some(Status::Sent(Visibility::Approved)));
    assert_eq!(form.draft, draft("", "Alice", "alice@example.com", ""));
    // The next reply starts clean.
    form.apply(Action::Submit);
    assert_eq!(form.errors, vec![(Field::Comment, FieldError::Required)]);
    assert_eq!(form.status, None);
    assert_eq!(form.send_count, 2);
}

// ---------------------------------------------------------------------------------------------
// Retry-After: honoured, not only quoted

#[test]
fn retry_after_holds_the_next_send_until_it_has_passed() {
    const NOW: f64 = 1_764_000_000_000.0;
    let mut form = valid_form();
    form.apply(Action::SubmitAt(NOW));
    assert_eq!(form.send_count, 1);
    // The server answers 429 with Retry-After: 30; the hook records when sending may resume.
    form.apply(Action::HoldUntil(NOW + 30_000.0));
    form.apply(Action::Settle(Outcome::Refused {
        fields: Vec::new(),
        notice: Some(Notice::RateLimited {
            retry_after: Some(30),
            text: None,
        }),
    }));
    assert!(!form.sending);

    // 12.5 s later: nothing is sent; the message says how long is left (rounded up).
    form.apply(Action::SubmitAt(NOW + 12_500.0));
    assert_eq!(form.send_count, 1, "held back");
    assert!(!form.sending);
    assert_eq!(
        form.status,
        Some(Status::Refused(Notice::RateLimited {
            retry_after: Some(18),
            text: None
        }))
    );
    assert_eq!(form.draft.comment, "Nice piece.", "the text stays");

    // The last moment still waits at least a second; after it, the send goes out.
    form.apply(Action::SubmitAt(NOW + 29_999.0));
    assert_eq!(form.send_count, 1);
    assert!(matches!(
        form.status,
        Some(Status::Refused(Notice::RateLimited {
            retry_after: Some(1),
            ..
        }))
    ));
    form.apply(Action::SubmitAt(NOW + 30_000.0));
    assert_eq!(form.send_count, 2, "sent once the time has passed");
    assert!(form.sending);
    assert_eq!(form.hold_until, None);
}

#[test]
fn without_a_hold_submit_at_is_submit() {
    let mut a = valid_form();
    let mut b = valid_form();
    a.apply(Action::SubmitAt(1.0));
    b.apply(Action::Submit);
    assert_eq!(a, b);
    // An invalid form is still validated (and nothing sent) when no hold stands.
    let mut empty = FormState::new(STRICT);
    empty.apply(Action::SubmitAt(1.0));
    assert_eq!(empty.send_count, 0);
    assert_eq!(empty.summary_focus, 1);
}
