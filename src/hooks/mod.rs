//! Hooks: the only way components reach the services.

mod use_article;
mod use_related;
mod use_reply;

pub use use_article::{use_article, ArticleState};
pub use use_related::{use_related, RelatedQuery};
pub use use_reply::{use_reply, ReplyHandle, ReplyTarget};
