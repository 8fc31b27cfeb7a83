//! What the widget keeps in `localStorage`, as JSON text: the draft per article, the
//! reader's saved details, and their own replies awaiting moderation. Entries expire after
//! 30 days. Times are milliseconds since the epoch, passed in by the caller.

use super::reply::Draft;
use super::thread::Reply;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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

/// A time in whole milliseconds (what `Date.now()` gives).
fn timestamp(ms: f64) -> u64 {
    ms.max(0.0) as u64
}

/// Writes a time as whole milliseconds, as `Date.now()` gives it.
fn whole_ms<S: serde::Serializer>(ms: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    ms.map(timestamp).serialize(s)
}

/// Written at most a minute ahead of `now` (clocks differ a little) and less than 30 days ago.
fn fresh(saved: Option<f64>, now: f64) -> bool {
    saved.is_some_and(|saved| saved <= now + 60_000.0 && now - saved < TTL_MS)
}

/// A draft as stored under [`draft_key`].
#[derive(Debug, Default, Serialize)]
struct StoredDraft {
    comment: String,
    name: String,
    email: String,
    website: String,
    parent: u64,
    parent_name: String,
    #[serde(serialize_with = "whole_ms")]
    saved: Option<f64>,
}

/// The reader's details as stored under [`DETAILS_KEY`].
#[derive(Debug, Default, Serialize)]
struct StoredDetails {
    name: String,
    email: String,
    website: String,
}

/// One pending reply as stored under [`pending_key`].
#[derive(Debug, Default, Serialize)]
struct StoredPending {
    id: Option<u64>,
    parent: u64,
    author: String,
    content: String,
    date: String,
    local: bool,
    approved: bool,
    #[serde(serialize_with = "whole_ms")]
    saved: Option<f64>,
}

// Reading is lenient: an entry written by an older version or edited by hand reads what it
// can (a field of another shape is empty) instead of losing everything. Each type implements
// `Deserialize` through `serde_json::Value`, which keeps the wasm to one JSON reader.

/// A string field, else empty.
fn string(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

impl StoredDraft {
    fn read(value: &Value) -> StoredDraft {
        StoredDraft {
            comment: string(value, "comment"),
            name: string(value, "name"),
            email: string(value, "email"),
            website: string(value, "website"),
            parent: value.get("parent").and_then(Value::as_u64).unwrap_or(0),
            parent_name: string(value, "parent_name"),
            saved: value.get("saved").and_then(Value::as_f64),
        }
    }
}

impl StoredDetails {
    fn read(value: &Value) -> StoredDetails {
        StoredDetails {
            name: string(value, "name"),
            email: string(value, "email"),
            website: string(value, "website"),
        }
    }
}

impl StoredPending {
    fn read(value: &Value) -> StoredPending {
        StoredPending {
            id: value.get("id").and_then(Value::as_u64),
            parent: value.get("parent").and_then(Value::as_u64).unwrap_or(0),
            author: string(value, "author"),
            content: string(value, "content"),
            date: string(value, "date"),
            local: value.get("local").and_then(Value::as_bool).unwrap_or(false),
            approved: value
                .get("approved")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            saved: value.get("saved").and_then(Value::as_f64),
        }
    }
}

/// The stored pending list: an array of [`StoredPending`] (anything else reads as empty).
#[derive(Debug, Default, Serialize)]
#[serde(transparent)]
struct StoredPendingList(Vec<StoredPending>);

impl StoredPendingList {
    fn read(value: &Value) -> StoredPendingList {
        let items = value.as_array().map(Vec::as_slice).unwrap_or_default();
        StoredPendingList(items.iter().map(StoredPending::read).collect())
    }
}

/// `Deserialize` for a stored type through its lenient `read`.
macro_rules! deserialize_through_value {
    ($($stored:ty),*) => {$(
        impl<'de> Deserialize<'de> for $stored {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(<$stored>::read(&Value::deserialize(d)?))
            }
        }
    )*};
}
deserialize_through_value!(StoredDraft, StoredDetails, StoredPendingList);

/// Serialises any stored entry (strings, numbers and booleans cannot fail).
fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
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
    to_json(&StoredDraft {
        comment: saved.draft.comment.clone(),
        name: saved.draft.name.clone(),
        email: saved.draft.email.clone(),
        website: saved.draft.website.clone(),
        parent: saved.parent,
        parent_name: saved.parent_name.clone(),
        saved: Some(now),
    })
}

/// Reads a draft; `None` when unreadable, expired or empty.
pub fn draft_from_json(text_value: &str, now: f64) -> Option<SavedDraft> {
    let stored: StoredDraft = serde_json::from_str(text_value).ok()?;
    if !fresh(stored.saved, now) {
        return None;
    }
    let draft = Draft {
        comment: stored.comment,
        name: stored.name,
        email: stored.email,
        website: stored.website,
    };
    (!draft.is_empty()).then_some(SavedDraft {
        draft,
        parent: stored.parent,
        parent_name: stored.parent_name,
    })
}

/// The details remembered by "Save my name, email, and website".
pub fn details_to_json(draft: &Draft) -> String {
    to_json(&StoredDetails {
        name: draft.name.trim().to_owned(),
        email: draft.email.trim().to_owned(),
        website: draft.website.trim().to_owned(),
    })
}

/// Reads saved details into an otherwise empty draft.
pub fn details_from_json(text_value: &str) -> Option<Draft> {
    let stored: StoredDetails = serde_json::from_str(text_value).ok()?;
    let draft = Draft {
        comment: String::new(),
        name: stored.name,
        email: stored.email,
        website: stored.website,
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
    let stored: Vec<StoredPending> = list
        .iter()
        .map(|p| StoredPending {
            id: p.id,
            parent: p.parent,
            author: p.author.clone(),
            content: p.content.clone(),
            date: p.date.clone(),
            local: p.local_only,
            approved: p.approved,
            saved: Some(p.saved),
        })
        .collect();
    to_json(&StoredPendingList(stored))
}

/// Reads the pending list, dropping expired and unreadable entries.
pub fn pending_from_json(text_value: &str, now: f64) -> Vec<PendingReply> {
    let Ok(StoredPendingList(items)) = serde_json::from_str(text_value) else {
        return Vec::new();
    };
    items
        .into_iter()
        .filter(|item| fresh(item.saved, now))
        .map(|item| PendingReply {
            id: item.id,
            parent: item.parent,
            author: item.author,
            content: item.content,
            date: item.date,
            local_only: item.local,
            approved: item.approved,
            saved: item.saved.unwrap_or(0.0),
        })
        .filter(|p| !p.content.is_empty())
        .collect()
}
