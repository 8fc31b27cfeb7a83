//! Yew function components, one per file.

pub mod article;
pub mod discussion;
pub mod error_summary;
pub mod field;
pub mod related;
pub mod reply_form;
pub mod reply_item;
pub mod rich_body;
pub mod status;
pub mod thread;
pub mod widget;
