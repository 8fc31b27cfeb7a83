//! The pure core: every rule of the contract, with no browser or Yew types, so it is tested
//! natively with `cargo test`.

pub mod article;
pub mod body;
pub mod body_rules;
pub(crate) mod body_tags;
pub mod charset;
pub mod config;
pub mod date;
pub mod events;
pub mod feed;
pub mod feed_xml;
pub mod form;
pub mod i18n;
pub mod reply;
pub mod saved;
pub mod text;
pub mod thread;
pub mod url;
