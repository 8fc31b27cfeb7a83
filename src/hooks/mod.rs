//! Hooks: the only way components reach the services.

mod use_article;

pub use use_article::{use_article, ArticleState};
