//! What a widget tells the embedding code: its state changes and the outcome of each send.
//! Defined here, below the hooks and components that raise them, so that imports only point
//! down (`hooks/` never imports `components/`).

use super::article::Article;
use std::rc::Rc;

/// One thing the widget reports; `embed` turns these into host state and `byline:*` events.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    Loading,
    Ready(Rc<Article>),
    Failed,
    /// `byline:reply-sent`: the status and the server's JSON answer, when there was one.
    ReplySent {
        status: &'static str,
        response: Option<String>,
    },
    /// `byline:reply-failed` with its `kind`.
    ReplyFailed(&'static str),
}
