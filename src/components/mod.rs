//! Yew function components, one per file.

pub mod article;
pub mod error_summary;
pub mod field;
pub mod related;
pub mod reply_form;
pub mod status;
pub mod widget;
