//! What the widget keeps in `localStorage`, as JSON text: the draft per article, the
//! reader's saved details, and their own replies awaiting moderation. Entries expire after
//! 30 days. Times are milliseconds since the epoch, passed in by the caller.

use super::json::{self, Value};
use super::reply::Draft;
use super::thread::Reply;

/// How long drafts and pending replies are kept.
pub const TTL_MS: f64 = 30.0 * 24.0 * 60.0 * 60.0 * 1000.0;

/// Storage key of the draft for one article.
pub fn draft_key(article: &str) -> String {
    format!("byline:draft:{article}")
}

/// Storage key of the reader's saved name, email and website (one per site, like
/// WordPress's cookies).
pub const DETAILS_KEY: &str = "byline:details";

/// Storage key of the reader's pending replies for one article.
pub fn pending_key(article: &str) -> String {
    format!("byline:pending:{article}")
}

fn text(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

/// A time in whole milliseconds (what `Date.now()` gives).
fn timestamp(ms: f64) -> Value {
    (ms.max(0.0) as u64).into()
}

fn fresh(value: &Value, now: f64) -> bool {
    value
        .get("saved")
        .and_then(Value::as_f64)
        .is_some_and(|saved| saved <= now + 60_000.0 && now - saved < TTL_MS)
}

/// A draft with the reply it answers (id 0: none) and that reply's author.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedDraft {
    pub draft: Draft,
    pub parent: u64,
    /// Shown as "Replying to <name>" when the draft is restored.
    pub parent_name: String,
}

/// Serialises a draft.
pub fn draft_to_json(saved: &SavedDraft, now: f64) -> String {
    Value::object([
        ("comment", saved.draft.comment.as_str().into()),
        ("name", saved.draft.name.as_str().into()),
        ("email", saved.draft.email.as_str().into()),
        ("website", saved.draft.website.as_str().into()),
        ("parent", saved.parent.into()),
        ("parent_name", saved.parent_name.as_str().into()),
        ("saved", timestamp(now)),
    ])
    .to_json()
}

/// Reads a draft; `None` when unreadable, expired or empty.
pub fn draft_from_json(text_value: &str, now: f64) -> Option<SavedDraft> {
    let value: Value = json::parse(text_value).ok()?;
    if !fresh(&value, now) {
        return None;
    }
    let draft = Draft {
        comment: text(&value, "comment"),
        name: text(&value, "name"),
        email: text(&value, "email"),
        website: text(&value, "website"),
    };
    let parent = value.get("parent").and_then(Value::as_u64).unwrap_or(0);
    let parent_name = text(&value, "parent_name");
    (!draft.is_empty()).then_some(SavedDraft {
        draft,
        parent,
        parent_name,
    })
}

/// The details remembered by "Save my name, email, and website".
pub fn details_to_json(draft: &Draft) -> String {
    Value::object([
        ("name", draft.name.trim().into()),
        ("email", draft.email.trim().into()),
        ("website", draft.website.trim().into()),
    ])
    .to_json()
}

/// Reads saved details into an otherwise empty draft.
pub fn details_from_json(text_value: &str) -> Option<Draft> {
    let value: Value = json::parse(text_value).ok()?;
    let draft = Draft {
        comment: String::new(),
        name: text(&value, "name"),
        email: text(&value, "email"),
        website: text(&value, "website"),
    };
    (!draft.is_empty()).then_some(draft)
}

/// One of the reader's own replies that the server has not listed yet.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingReply {
    /// The comment id the server gave, when it gave one.
    pub id: Option<u64>,
    pub parent: u64,
    pub author: String,
    pub content: String,
    /// ISO 8601.
    pub date: String,
    /// Kept in this browser only (demo mode).
    pub local_only: bool,
    /// Published at once: shown as the reader's own until the thread lists it.
    pub approved: bool,
    pub saved: f64,
}

impl PendingReply {
    /// True when the server now lists this reply: by its id when the server gave one;
    /// otherwise (`form` and demo mode) by the same parent, author and text, spacing and
    /// punctuation ignored, because WordPress rewrites quotes, dashes and spacing.
    pub fn is_listed(&self, replies: &[Reply]) -> bool {
        match self.id {
            Some(id) => replies.iter().any(|r| r.id == id),
            None => {
                let author = without_punctuation(&self.author);
                let text = without_punctuation(&self.content);
                !text.is_empty()
                    && replies.iter().any(|r| {
                        r.parent == self.parent
                            && without_punctuation(&r.author) == author
                            && without_punctuation(&r.paragraphs.concat()) == text
                    })
            }
        }
    }
}

/// The text without spacing and punctuation: what survives WordPress's formatting (it
/// turns quotes curly, `--` into dashes, `...` into an ellipsis and re-spaces paragraphs).
/// ASCII and the typographic marks only: full Unicode tables would cost kilobytes of wasm.
fn without_punctuation(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !(c.is_ascii_punctuation()
                || c.is_ascii_whitespace()
                || matches!(
                    c,
                    '\u{a0}'
                        | '‘'
                        | '’'
                        | '‚'
                        | '“'
                        | '”'
                        | '„'
                        | '–'
                        | '—'
                        | '…'
                        | '′'
                        | '″'
                        | '«'
                        | '»'
                        | '\u{2009}'
                        | '\u{202f}'
                ))
        })
        .collect()
}

/// Serialises the pending list.
pub fn pending_to_json(list: &[PendingReply]) -> String {
    Value::Array(
        list.iter()
            .map(|p| {
                Value::object([
                    ("id", p.id.into()),
                    ("parent", p.parent.into()),
                    ("author", p.author.as_str().into()),
                    ("content", p.content.as_str().into()),
                    ("date", p.date.as_str().into()),
                    ("local", p.local_only.into()),
                    ("approved", p.approved.into()),
                    ("saved", timestamp(p.saved)),
                ])
            })
            .collect(),
    )
    .to_json()
}

/// Reads the pending list, dropping expired and unreadable entries.
pub fn pending_from_json(text_value: &str, now: f64) -> Vec<PendingReply> {
    let Ok(Value::Array(items)) = json::parse(text_value) else {
        return Vec::new();
    };
    items
        .iter()
        .filter(|item| fresh(item, now))
        .map(|item| PendingReply {
            id: item.get("id").and_then(Value::as_u64),
            parent: item.get("parent").and_then(Value::as_u64).unwrap_or(0),
            author: text(item, "author"),
            content: text(item, "content"),
            date: text(item, "date"),
            local_only: item.get("local").and_then(Value::as_bool).unwrap_or(false),
            approved: item
                .get("approved")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            saved: item.get("saved").and_then(Value::as_f64).unwrap_or(0.0),
        })
        .filter(|p| !p.content.is_empty())
        .collect()
}
