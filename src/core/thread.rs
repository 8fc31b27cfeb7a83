//! Approved replies from a WordPress REST comments collection -> a thread one visual level
//! deep. Every field is data from outside: the content is rebuilt from the comment allowlist
//! (CONTRACT 5b, by the side's HTML reader), URLs are checked, a missing or odd `parent`
//! makes a reply top-level.

use super::body::Body;
use super::text::{decode_entities, html_to_text, safe_url, split_paragraphs};
use serde_json::Value;
use std::fmt;
use std::rc::Rc;

/// One approved reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub id: u64,
    /// 0 for a top-level reply.
    pub parent: u64,
    pub author: String,
    /// A link only when the URL is safe.
    pub author_url: Option<String>,
    /// ISO 8601 in UTC (`date_gmt` with `Z` added when it has no zone).
    pub date: Option<String>,
    /// Plain-text paragraphs (what the reply says, for matching the reader's own).
    pub paragraphs: Vec<String>,
    /// `content.rendered` rebuilt from the comment allowlist.
    pub body: Rc<Body>,
}

/// A top-level reply and every reply below it, flattened to one level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadNode {
    pub reply: Reply,
    /// Answers in order; each with the name it answers when that is not the top reply.
    pub answers: Vec<(Reply, Option<String>)>,
}

/// Why a page of replies could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThreadError {
    InvalidJson(String),
    NotAList,
}

impl fmt::Display for ThreadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThreadError::InvalidJson(d) => write!(f, "the answer is not JSON ({d})"),
            ThreadError::NotAList => write!(f, "the answer is not a list of comments"),
        }
    }
}

/// A number given as a number or a numeric string.
fn id_of(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn date_of(v: Option<&Value>) -> Option<String> {
    let date = v?.as_str()?.trim();
    if date.is_empty() {
        return None;
    }
    let has_zone = date.ends_with('Z') || date.rfind(['+', '-']).is_some_and(|i| i > 10);
    Some(if has_zone {
        date.to_owned()
    } else {
        format!("{date}Z")
    })
}

/// Reads one page of a WordPress comments collection (`GET /wp/v2/comments`). Every field is
/// read leniently from the parsed value: a field of another shape reads as absent, so one odd
/// field never hides the reply. `read_html` rebuilds a reply's content by the reply rules
/// (the browser's or the native parser: `services::html`, `prerender::html`).
pub fn parse_page(json: &str, read_html: &dyn Fn(&str) -> Body) -> Result<Vec<Reply>, ThreadError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| ThreadError::InvalidJson(e.to_string()))?;
    let Value::Array(items) = value else {
        return Err(ThreadError::NotAList);
    };
    Ok(items
        .iter()
        .filter_map(|item| {
            let id = id_of(item.get("id"))?;
            // `{"rendered": "<p>…</p>"}` as WordPress sends it, or a plain string.
            let rendered = item
                .get("content")
                .and_then(|c| c.get("rendered").or(Some(c)))
                .and_then(Value::as_str)
                .unwrap_or("");
            let paragraphs: Vec<String> = split_paragraphs(&html_to_text(rendered))
                .into_iter()
                .map(|b| b.text().to_owned())
                .collect();
            let author = item
                .get("author_name")
                .and_then(Value::as_str)
                .map(html_to_text)
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "Anonymous".to_owned());
            Some(Reply {
                id,
                parent: id_of(item.get("parent")).unwrap_or(0),
                author,
                author_url: item
                    .get("author_url")
                    .and_then(Value::as_str)
                    .and_then(|u| safe_url(&decode_entities(u)))
                    .filter(|u| {
                        let lower = u.to_ascii_lowercase();
                        lower.starts_with("http://") || lower.starts_with("https://")
                    }),
                date: date_of(item.get("date_gmt")).or_else(|| date_of(item.get("date"))),
                paragraphs,
                body: Rc::new(read_html(rendered)),
            })
        })
        .collect())
}

/// Groups replies under their top-level ancestor (one visual level); a reply whose parent is
/// 0, unknown or itself is top-level, and so is every reply of a parent loop (the loop is
/// broken there). An id listed twice is the same comment: its first listing counts. Order
/// within each group is the order given.
pub fn build(replies: &[Reply]) -> Vec<ThreadNode> {
    // Plain index vectors rather than hash maps: a page holds 50 replies, and each hash map
    // type costs the bundle about a kilobyte.
    let mut listed: Vec<&Reply> = Vec::with_capacity(replies.len());
    for reply in replies {
        if !listed.iter().any(|r| r.id == reply.id) {
            listed.push(reply);
        }
    }
    let parent: Vec<Option<usize>> = listed
        .iter()
        .map(|reply| {
            if reply.parent == 0 || reply.parent == reply.id {
                return None;
            }
            listed.iter().position(|r| r.id == reply.parent)
        })
        .collect();
    // Replies whose ancestors lead back to themselves (bounded walks, so they end).
    let looped: Vec<bool> = (0..listed.len())
        .map(|start| {
            let mut current = parent[start];
            for _ in 0..listed.len() {
                match current {
                    Some(p) if p == start => return true,
                    Some(p) => current = parent[p],
                    None => return false,
                }
            }
            false
        })
        .collect();
    // The top-most ancestor: the first with no listed parent, or the first in a loop.
    let root: Vec<usize> = (0..listed.len())
        .map(|start| {
            let mut current = start;
            for _ in 0..listed.len() {
                match parent[current].filter(|_| !looped[current]) {
                    Some(p) => current = p,
                    None => break,
                }
            }
            current
        })
        .collect();
    let mut nodes: Vec<ThreadNode> = Vec::new();
    let mut node_of: Vec<Option<usize>> = vec![None; listed.len()];
    for (i, reply) in listed.iter().enumerate() {
        if root[i] == i {
            node_of[i] = Some(nodes.len());
            nodes.push(ThreadNode {
                reply: (*reply).clone(),
                answers: Vec::new(),
            });
        }
    }
    for (i, reply) in listed.iter().enumerate() {
        if root[i] == i {
            continue;
        }
        let answers_to = parent[i]
            .filter(|p| *p != root[i])
            .map(|p| listed[p].author.clone());
        if let Some(node) = node_of[root[i]].and_then(|n| nodes.get_mut(n)) {
            node.answers.push(((*reply).clone(), answers_to));
        }
    }
    nodes
}

/// The default thread source in `json` mode: the endpoint with
/// `post=<id>&per_page=50&order=asc` (only for a numeric post id).
pub fn default_source(endpoint: &str, post_id: &str) -> Option<String> {
    let id: u64 = post_id.trim().parse().ok()?;
    let separator = if endpoint.contains('?') { '&' } else { '?' };
    Some(format!(
        "{endpoint}{separator}post={id}&per_page=50&order=asc"
    ))
}

/// The URL of page `page` (1-based) of a thread source.
pub fn page_url(source: &str, page: u32) -> String {
    if page <= 1 {
        return source.to_owned();
    }
    let separator = if source.contains('?') { '&' } else { '?' };
    format!("{source}{separator}page={page}")
}
