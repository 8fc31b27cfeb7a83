//! Yew function components, one per file.

pub mod article;
pub mod status;
pub mod widget;
