//! Byline: an embeddable news-article widget.
//!
//! Layout (see ARCHITECTURE in the README): `core` is pure Rust and holds every rule of the
//! contract; `services` wrap browser I/O; `hooks` and `components` are the Yew UI; `embed`
//! is the only part that touches the host page.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod services;
