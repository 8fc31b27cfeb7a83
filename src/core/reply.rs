//! The reply: fields, validation (WordPress's rules, UTF-8 byte limits), the two wire
//! encodings and the classification of every server answer into an [`Outcome`].

use super::text::html_to_text;
use serde::Serialize;
use serde_json::Value;

/// A form field, in the order of the form (and of the error summary).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Comment,
    Name,
    Email,
    Website,
}

impl Field {
    /// All fields in form order.
    pub const ALL: [Field; 4] = [Field::Comment, Field::Name, Field::Email, Field::Website];

    /// The largest value WordPress stores, in UTF-8 bytes.
    pub fn byte_limit(self) -> usize {
        match self {
            Field::Comment => 65_525,
            Field::Name => 245,
            Field::Email => 100,
            Field::Website => 200,
        }
    }

    /// Short id used in element ids.
    pub fn id(self) -> &'static str {
        match self {
            Field::Comment => "comment",
            Field::Name => "author",
            Field::Email => "email",
            Field::Website => "url",
        }
    }
}

/// What the reader typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub comment: String,
    pub name: String,
    pub email: String,
    pub website: String,
}

impl Draft {
    /// The value of one field.
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Comment => &self.comment,
            Field::Name => &self.name,
            Field::Email => &self.email,
            Field::Website => &self.website,
        }
    }

    /// Sets one field.
    pub fn set(&mut self, field: Field, value: String) {
        match field {
            Field::Comment => self.comment = value,
            Field::Name => self.name = value,
            Field::Email => self.email = value,
            Field::Website => self.website = value,
        }
    }

    /// True when nothing has been typed.
    pub fn is_empty(&self) -> bool {
        Field::ALL.iter().all(|f| self.get(*f).trim().is_empty())
    }
}

/// Why a field's value is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    Required,
    EmailInvalid,
    WebsiteInvalid,
    /// Longer than the byte limit.
    TooLong {
        max: usize,
        count: usize,
    },
    /// The server's own message for this field.
    Server(String),
}

/// Which fields are required.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    pub require_name_email: bool,
}

impl Rules {
    /// True when the field must be filled in.
    pub fn is_required(self, field: Field) -> bool {
        match field {
            Field::Comment => true,
            Field::Name | Field::Email => self.require_name_email,
            Field::Website => false,
        }
    }
}

/// Checks one field; `None` when it is acceptable.
pub fn validate_field(field: Field, value: &str, rules: Rules) -> Option<FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return rules.is_required(field).then_some(FieldError::Required);
    }
    let count = value.len();
    let max = field.byte_limit();
    if count > max {
        return Some(FieldError::TooLong { max, count });
    }
    match field {
        Field::Email if !is_plausible_email(value) => Some(FieldError::EmailInvalid),
        Field::Website if !is_web_url(value) => Some(FieldError::WebsiteInvalid),
        _ => None,
    }
}

/// Every field's error, in form order.
pub fn validate(draft: &Draft, rules: Rules) -> Vec<(Field, FieldError)> {
    Field::ALL
        .iter()
        .filter_map(|f| validate_field(*f, draft.get(*f), rules).map(|e| (*f, e)))
        .collect()
}

/// One `@`, a non-empty local part, a dot-separated domain of non-empty labels, no spaces.
pub fn is_plausible_email(value: &str) -> bool {
    let mut parts = value.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty())
}

/// An `http://` or `https://` URL with a host.
pub fn is_web_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// Everything that goes over the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission<'a> {
    /// The post id at the endpoint (sent as a number when it is one).
    pub post_id: &'a str,
    /// The id of the reply being answered, or 0.
    pub parent: u64,
    pub draft: &'a Draft,
    /// The "save my details" box.
    pub save_details: bool,
    /// What the hidden honeypot field holds: empty for a person. When a bot fills it, it is
    /// sent as `byline_hp` (the server refuses the reply); otherwise the field is not sent.
    pub honeypot: &'a str,
}

/// The honeypot's name on the wire (`json` and `form`), read by the WordPress plugin.
pub const HONEYPOT_FIELD: &str = "byline_hp";

/// The body of `POST /wp/v2/comments`, fields in the contract's order.
#[derive(Serialize)]
struct RestComment<'a> {
    post: PostId<'a>,
    parent: u64,
    content: &'a str,
    author_name: &'a str,
    author_email: &'a str,
    author_url: &'a str,
    /// Only when filled in: a person's reply carries exactly the contract's fields.
    #[serde(skip_serializing_if = "str::is_empty")]
    byline_hp: &'a str,
}

/// A post id: a number when it is one (as WordPress expects), else the text as given.
#[derive(Serialize)]
#[serde(untagged)]
enum PostId<'a> {
    Number(u64),
    Text(&'a str),
}

/// `json`: the WordPress REST body, in the contract's field order.
pub fn encode_json(s: &Submission) -> String {
    let post_id = s.post_id.trim();
    let body = RestComment {
        post: post_id
            .parse()
            .map_or(PostId::Text(post_id), PostId::Number),
        parent: s.parent,
        content: s.draft.comment.trim(),
        author_name: s.draft.name.trim(),
        author_email: s.draft.email.trim(),
        author_url: s.draft.website.trim(),
        byline_hp: s.honeypot,
    };
    // Serialising strings and integers cannot fail.
    serde_json::to_string(&body).unwrap_or_default()
}

/// `form`: `wp-comments-post.php` names, URL-encoded.
pub fn encode_form(s: &Submission) -> String {
    let mut pairs = vec![
        ("comment", s.draft.comment.trim().to_owned()),
        ("author", s.draft.name.trim().to_owned()),
        ("email", s.draft.email.trim().to_owned()),
        ("url", s.draft.website.trim().to_owned()),
        ("comment_post_ID", s.post_id.trim().to_owned()),
        ("comment_parent", s.parent.to_string()),
    ];
    if s.save_details {
        pairs.push(("wp-comment-cookies-consent", "yes".to_owned()));
    }
    if !s.honeypot.is_empty() {
        pairs.push((HONEYPOT_FIELD, s.honeypot.to_owned()));
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// `application/x-www-form-urlencoded` encoding of one name or value.
pub fn form_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The wire format, as the answer is read differently for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wire {
    Json,
    Form,
}

/// What the server answered (or did not), as the transport saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer<'a> {
    Response {
        status: u16,
        /// The request was redirected and this is the final answer.
        redirected: bool,
        /// The final URL (after redirects).
        final_url: &'a str,
        /// `Retry-After` in seconds, when sent.
        retry_after: Option<u32>,
        body: &'a str,
    },
    Offline,
    Timeout,
    NetworkError,
}

/// Whether a sent reply is visible yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// Published (`"status": "approved"`).
    Approved,
    /// Held for moderation.
    Held,
    /// Sent; the server did not say (form mode without a moderation hint).
    Unknown,
}

/// A message of its own (not on a field), with the server's text when it sent one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Duplicate(Option<String>),
    Flood(Option<String>),
    RateLimited {
        retry_after: Option<u32>,
        text: Option<String>,
    },
    LoginRequired(Option<String>),
    Closed(Option<String>),
    /// The post id is wrong: also a console error for the publisher.
    InvalidPost(Option<String>),
    /// Any other refusal: the server's message.
    Other(String),
}

/// A failure where trying again may help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// 5xx, or an answer that could not be read.
    Server(u16),
    Network,
    Offline,
    Timeout,
}

/// What became of a send.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Sent {
        visibility: Visibility,
        /// The created comment as the server returned it (`json` mode).
        comment: Option<Value>,
    },
    /// Refused: messages for fields and/or one message of its own.
    Refused {
        fields: Vec<(Field, String)>,
        notice: Option<Notice>,
    },
    Failed(Failure),
}

impl Outcome {
    /// `detail.kind` of `byline:reply-failed`, or `None` for a success.
    pub fn failure_kind(&self) -> Option<&'static str> {
        match self {
            Outcome::Sent { .. } => None,
            Outcome::Refused { .. } | Outcome::Failed(Failure::Server(_)) => Some("server"),
            Outcome::Failed(Failure::Network | Failure::Offline) => Some("network"),
            Outcome::Failed(Failure::Timeout) => Some("timeout"),
        }
    }
}

/// Server text as plain text: tags stripped, entities decoded, WordPress's "Error:" prefix
/// removed.
pub fn server_text(message: &str) -> String {
    let text = html_to_text(message).replace("\n\n", " ");
    let text = text.trim();
    text.strip_prefix("Error:")
        .or_else(|| text.strip_prefix("ERROR:"))
        .unwrap_or(text)
        .trim()
        .to_owned()
}

/// Reads the server's answer.
pub fn classify(wire: Wire, answer: &Answer) -> Outcome {
    let (status, redirected, final_url, retry_after, body) = match *answer {
        Answer::Offline => return Outcome::Failed(Failure::Offline),
        Answer::Timeout => return Outcome::Failed(Failure::Timeout),
        Answer::NetworkError => return Outcome::Failed(Failure::Network),
        Answer::Response {
            status,
            redirected,
            final_url,
            retry_after,
            body,
        } => (status, redirected, final_url, retry_after, body),
    };
    let parsed: Option<Value> = serde_json::from_str(body.trim()).ok();
    let error = parsed.as_ref().and_then(WpError::of);
    // An error object sent with a 2xx (as wp-comments-post.php does) counts with the status
    // in its `data.status` when that is 409, 429 or 403: they then read as in `json` mode.
    let status = match &error {
        Some(e) if (200..300).contains(&status) => e
            .status
            .filter(|s| matches!(s, 403 | 409 | 429))
            .unwrap_or(status),
        _ => status,
    };
    if status >= 500 {
        return Outcome::Failed(Failure::Server(status));
    }
    if status == 429 {
        let text = error
            .as_ref()
            .map(|e| server_text(&e.message))
            .filter(|t| !t.is_empty());
        return refused(Notice::RateLimited { retry_after, text });
    }
    match (wire, error) {
        (_, Some(error))
            if !(200..300).contains(&status) || wire == Wire::Form || error.code == "wp_die" =>
        {
            classify_error(wire, status, &error)
        }
        (Wire::Json, _) if (200..300).contains(&status) => {
            // Success is the created comment as a JSON object. Anything else (a captive
            // portal's HTML page, or the collection array a followed 301/302 fetched with GET)
            // could not be read: nothing says the reply was stored, so it must not be cleared.
            let Some(comment) = parsed.filter(Value::is_object) else {
                return Outcome::Failed(Failure::Server(status));
            };
            let approved = comment
                .get("status")
                .and_then(Value::as_str)
                .is_some_and(|s| s == "approved");
            Outcome::Sent {
                visibility: if approved {
                    Visibility::Approved
                } else {
                    Visibility::Held
                },
                comment: Some(comment),
            }
        }
        (Wire::Form, _) if (200..400).contains(&status) || redirected => {
            let visibility = if final_url.contains("unapproved=") {
                Visibility::Held
            } else {
                Visibility::Unknown
            };
            Outcome::Sent {
                visibility,
                comment: None,
            }
        }
        _ => classify_status(status, body),
    }
}

fn refused(notice: Notice) -> Outcome {
    Outcome::Refused {
        fields: Vec::new(),
        notice: Some(notice),
    }
}

/// A WordPress error object `{code, message, data}`, read leniently from the parsed answer:
/// only `code` is required; a field of another shape reads as absent.
struct WpError {
    code: String,
    message: String,
    /// `rest_invalid_param`: the refused parameters and why.
    params: Vec<(String, String)>,
    /// `data.status`: the status WordPress meant (`wp_die` answers often come with HTTP 200).
    status: Option<u16>,
}

impl WpError {
    fn of(value: &Value) -> Option<WpError> {
        let data = value.get("data");
        Some(WpError {
            code: value.get("code")?.as_str()?.to_owned(),
            message: value
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            params: data
                .and_then(|d| d.get("params"))
                .and_then(Value::as_object)
                .map(|map| {
                    map.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_owned()))
                        .collect()
                })
                .unwrap_or_default(),
            status: data
                .and_then(|d| d.get("status"))
                .and_then(Value::as_u64)
                .and_then(|s| u16::try_from(s).ok()),
        })
    }
}

fn field_for_param(param: &str) -> Option<Field> {
    match param {
        "content" => Some(Field::Comment),
        "author_name" => Some(Field::Name),
        "author_email" => Some(Field::Email),
        "author_url" => Some(Field::Website),
        _ => None,
    }
}

fn on_fields(fields: &[Field], text: String) -> Outcome {
    Outcome::Refused {
        fields: fields.iter().map(|f| (*f, text.clone())).collect(),
        notice: None,
    }
}

fn classify_error(wire: Wire, status: u16, error: &WpError) -> Outcome {
    let text = server_text(&error.message);
    let some_text = Some(text.clone()).filter(|t| !t.is_empty());
    match error.code.as_str() {
        "rest_comment_content_invalid" | "comment_content_column_length" => {
            on_fields(&[Field::Comment], text)
        }
        "rest_comment_author_data_required" => on_fields(&[Field::Name, Field::Email], text),
        "comment_author_column_length" => on_fields(&[Field::Name], text),
        "comment_author_email_column_length" => on_fields(&[Field::Email], text),
        "comment_author_url_column_length" => on_fields(&[Field::Website], text),
        "rest_invalid_param" => {
            // In the form's order (the server's map has no order worth keeping).
            let fields: Vec<(Field, String)> = Field::ALL
                .iter()
                .filter_map(|field| {
                    let (_, message) = error
                        .params
                        .iter()
                        .find(|(param, _)| field_for_param(param) == Some(*field))?;
                    let message = server_text(message);
                    Some((
                        *field,
                        if message.is_empty() {
                            text.clone()
                        } else {
                            message
                        },
                    ))
                })
                .collect();
            if fields.is_empty() {
                refused(Notice::Other(text))
            } else {
                Outcome::Refused {
                    fields,
                    notice: None,
                }
            }
        }
        "comment_duplicate" => refused(Notice::Duplicate(some_text)),
        "comment_flood" => refused(Notice::Flood(some_text)),
        "rest_comment_login_required" => refused(Notice::LoginRequired(some_text)),
        "rest_comment_closed" => refused(Notice::Closed(some_text)),
        "rest_comment_invalid_post_id" => refused(Notice::InvalidPost(some_text)),
        "wp_die" if wire == Wire::Form => classify_classic(status, text),
        _ => match status {
            409 => refused(Notice::Duplicate(some_text)),
            401 => refused(Notice::LoginRequired(some_text)),
            403 => refused(Notice::Closed(some_text)),
            _ if text.is_empty() => classify_status(status, ""),
            _ => refused(Notice::Other(text)),
        },
    }
}

/// `wp-comments-post.php` messages (English, as WordPress sends them).
fn classify_classic(status: u16, text: String) -> Outcome {
    let has = |needle: &str| text.to_ascii_lowercase().contains(needle);
    if has("please type your comment text") || has("your comment is too long") {
        return on_fields(&[Field::Comment], text);
    }
    if has("please fill the required fields") {
        return on_fields(&[Field::Name, Field::Email], text);
    }
    if has("please enter a valid email address") || has("your email address is too long") {
        return on_fields(&[Field::Email], text);
    }
    if has("your name is too long") {
        return on_fields(&[Field::Name], text);
    }
    if has("your url is too long") {
        return on_fields(&[Field::Website], text);
    }
    let some_text = Some(text.clone()).filter(|t| !t.is_empty());
    match status {
        409 => refused(Notice::Duplicate(some_text)),
        403 if has("closed") || some_text.is_none() => refused(Notice::Closed(some_text)),
        401 => refused(Notice::LoginRequired(some_text)),
        _ if has("too quickly") => refused(Notice::Flood(some_text)),
        _ if has("duplicate") => refused(Notice::Duplicate(some_text)),
        _ if text.is_empty() => refused(Notice::Other(String::new())),
        _ => refused(Notice::Other(text)),
    }
}

/// An error answer with no WordPress error object.
fn classify_status(status: u16, body: &str) -> Outcome {
    match status {
        409 => refused(Notice::Duplicate(None)),
        401 => refused(Notice::LoginRequired(None)),
        403 => refused(Notice::Closed(None)),
        400..=499 if looks_like_html_page(body) => Outcome::Failed(Failure::Server(status)),
        400..=499 => {
            let text = server_text(body);
            if text.is_empty() || text.len() > 300 {
                Outcome::Failed(Failure::Server(status))
            } else {
                refused(Notice::Other(text))
            }
        }
        _ => Outcome::Failed(Failure::Server(status)),
    }
}

/// A whole HTML page (a proxy's or server's error page), not a message.
fn looks_like_html_page(body: &str) -> bool {
    let start: String = body
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype") || start.starts_with("<html") || start.contains("<head")
}

/// True when WordPress refused the request's `X-WP-Nonce` (`rest_cookie_invalid_nonce`: the
/// page is older than the nonce's lifetime, or the reader logged in again elsewhere).
pub fn is_invalid_nonce(status: u16, body: &str) -> bool {
    status == 403
        && serde_json::from_str::<Value>(body.trim())
            .ok()
            .as_ref()
            .and_then(WpError::of)
            .is_some_and(|e| e.code == "rest_cookie_invalid_nonce")
}

/// A fresh nonce from WordPress's `rest-nonce` action (its answer is the nonce as text), or
/// `None` when the answer is not one (WordPress answers `0` to a reader who is logged out).
pub fn parse_nonce(body: &str) -> Option<String> {
    let nonce = body.trim();
    (nonce.len() >= 6 && nonce.len() <= 64 && nonce.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| nonce.to_owned())
}

/// `Retry-After` as whole seconds from now: delta-seconds only (the browser converts dates).
pub fn parse_retry_after(value: &str) -> Option<u32> {
    value.trim().parse::<u32>().ok()
}
