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
    /// The article is shown and its related stories have loaded (or failed, or there are
    /// none): nothing of the first paint is still on its way. A pre-rendered host is taken
    /// over then, so the page does not move.
    Settled,
    Failed,
    /// `byline:reply-sent`: the status and the server's JSON answer, when there was one.
    ReplySent {
        status: &'static str,
        response: Option<String>,
    },
    /// `byline:reply-failed` with its `kind`.
    ReplyFailed(&'static str),
}
