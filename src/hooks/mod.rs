//! Hooks: the only way components reach the services.

mod use_article;
mod use_pending;
mod use_refocus;
mod use_related;
mod use_reply;
mod use_thread;

pub use use_article::{use_article, ArticleState};
pub use use_pending::{use_pending, Pending};
pub use use_refocus::use_refocus;
pub use use_related::{use_related, RelatedQuery, RelatedState};
pub use use_reply::{send_trapped, use_reply, ReplyTarget};
pub use use_thread::{use_thread, Thread};
