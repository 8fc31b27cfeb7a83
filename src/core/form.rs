//! The reply form's state machine: editing, validation shown GOV.UK-style, one send at a
//! time, and what the last send came to. Pure, so every transition is tested natively; the
//! component only renders it and performs the side effects it asks for.

use super::reply::{
    validate, validate_field, Draft, Failure, Field, FieldError, Notice, Outcome, Rules, Visibility,
};

/// The message under the form.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// The reply went through.
    Sent(Visibility),
    /// Demo mode: kept in this browser only.
    Demo,
    /// Refused with a message of its own.
    Refused(Notice),
    /// Nothing arrived: try again.
    Failed(Failure),
    /// A saved draft was put back.
    Restored,
}

/// Everything the form shows.
#[derive(Clone, Debug, PartialEq)]
pub struct FormState {
    pub draft: Draft,
    pub save_details: bool,
    /// The reply being answered: its id and author.
    pub parent: Option<(u64, String)>,
    /// Errors on fields, in form order; shown once a send was attempted.
    pub errors: Vec<(Field, FieldError)>,
    /// A request is in flight.
    pub sending: bool,
    /// Increases with each send the component must perform.
    pub send_count: u32,
    /// Increases each time the error summary must take focus.
    pub summary_focus: u32,
    pub status: Option<Status>,
    pub rules: Rules,
    /// The comment as it was when the last send started.
    pub sent_comment: Option<String>,
    /// A send was tried: from then on every edited field is checked as it changes.
    pub attempted: bool,
    /// The server said to wait (`Retry-After`): no send before this time (ms since the epoch).
    pub hold_until: Option<f64>,
}

/// What can happen to the form.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Field, String),
    SetSaveDetails(bool),
    /// A saved draft (and the reply it answers) came back on load.
    Restore(Draft, Option<(u64, String)>),
    /// Saved details prefill empty fields.
    Prefill(Draft),
    /// The reader pressed send (or Retry).
    Submit,
    /// The reader pressed send at this time (ms since the epoch): held back, with the
    /// rate-limit message and the seconds left, while the server's `Retry-After` runs.
    SubmitAt(f64),
    /// The server asked not to send again before this time (ms since the epoch).
    HoldUntil(f64),
    /// The send came to this.
    Settle(Outcome),
    /// Demo mode: stored locally.
    SettleDemo,
    ReplyTo(u64, String),
    CancelReply,
    SetRules(Rules),
}

impl FormState {
    /// An empty form.
    pub fn new(rules: Rules) -> FormState {
        FormState {
            draft: Draft::default(),
            save_details: false,
            parent: None,
            errors: Vec::new(),
            sending: false,
            send_count: 0,
            summary_focus: 0,
            status: None,
            rules,
            sent_comment: None,
            attempted: false,
            hold_until: None,
        }
    }

    /// The error shown on `field`.
    pub fn error(&self, field: Field) -> Option<&FieldError> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(field, value) => {
                self.draft.set(field, value);
                // Live re-validation once a send was tried (or the field was shown wrong).
                let shown = self.errors.iter().position(|(f, _)| *f == field);
                if self.attempted || shown.is_some() {
                    self.errors.retain(|(f, _)| *f != field);
                    if let Some(error) = validate_field(field, self.draft.get(field), self.rules) {
                        // Kept in field order (an insert, not a sort: no sort code in the wasm).
                        let at = self.errors.partition_point(|(f, _)| *f < field);
                        self.errors.insert(at, (field, error));
                    }
                }
            }
            Action::SetSaveDetails(on) => self.save_details = on,
            Action::Restore(draft, parent) => {
                self.draft = draft;
                self.parent = parent;
                self.status = Some(Status::Restored);
            }
            Action::Prefill(details) => {
                for field in [Field::Name, Field::Email, Field::Website] {
                    if self.draft.get(field).is_empty() {
                        self.draft.set(field, details.get(field).to_owned());
                    }
                }
                self.save_details = true;
            }
            Action::Submit => {
                if self.sending {
                    return;
                }
                self.attempted = true;
                // The server's verdict on a field stands until the reader edits that field:
                // sending the same value again would only be refused again.
                let mut errors = validate(&self.draft, self.rules);
                for (field, error) in self.errors.drain(..) {
                    if matches!(error, FieldError::Server(_))
                        && !errors.iter().any(|(f, _)| *f == field)
                    {
                        let at = errors.partition_point(|(f, _)| *f < field);
                        errors.insert(at, (field, error));
                    }
                }
                self.errors = errors;
                if self.errors.is_empty() {
                    self.sending = true;
                    self.send_count += 1;
                    self.sent_comment = Some(self.draft.comment.clone());
                    self.status = None;
                } else {
                    self.summary_focus += 1;
                    self.status = None;
                }
            }
            Action::SubmitAt(now) => match self.hold_until.filter(|until| now < *until) {
                Some(until) if !self.sending => {
                    let seconds = ((until - now) / 1000.0).ceil().max(1.0) as u32;
                    self.status = Some(Status::Refused(Notice::RateLimited {
                        retry_after: Some(seconds),
                        text: None,
                    }));
                }
                Some(_) => {}
                None => {
                    self.hold_until = None;
                    self.apply(Action::Submit);
                }
            },
            Action::HoldUntil(until) => self.hold_until = Some(until),
            Action::Settle(outcome) => {
                self.sending = false;
                match outcome {
                    Outcome::Sent { visibility, .. } => self.succeed(Status::Sent(visibility)),
                    Outcome::Refused { fields, notice } => {
                        self.errors = fields
                            .into_iter()
                            .map(|(f, message)| (f, FieldError::Server(message)))
                            .collect();
                        if !self.errors.is_empty() {
                            self.summary_focus += 1;
                        }
                        self.status = notice.map(Status::Refused);
                    }
                    Outcome::Failed(failure) => self.status = Some(Status::Failed(failure)),
                }
            }
            Action::SettleDemo => {
                self.sending = false;
                self.succeed(Status::Demo);
            }
            Action::ReplyTo(id, name) => self.parent = Some((id, name)),
            Action::CancelReply => self.parent = None,
            Action::SetRules(rules) => {
                self.rules = rules;
                let shown: Vec<Field> = self.errors.iter().map(|(f, _)| *f).collect();
                self.errors = validate(&self.draft, rules)
                    .into_iter()
                    .filter(|(f, _)| shown.contains(f))
                    .collect();
            }
        }
    }

    /// After a successful send: the comment is cleared (details stay), errors go. Text
    /// typed while the request was in flight is kept.
    fn succeed(&mut self, status: Status) {
        self.attempted = false;
        if self
            .sent_comment
            .take()
            .is_none_or(|sent| sent == self.draft.comment)
        {
            self.draft.comment.clear();
        }
        self.parent = None;
        self.errors.clear();
        self.status = Some(status);
    }
}
