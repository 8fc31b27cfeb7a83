//! Byline: an embeddable news-article widget.
//!
//! Layout (docs/architecture.md): `core` is pure Rust and holds every rule of the
//! contract; `services` wrap browser I/O; `hooks` and `components` are the Yew UI; `embed`
//! is the only part that touches the host page.

pub mod core;

// The components (with the hooks and services below them) build on every target: in the
// browser they render live; natively the pre-renderer renders them to a string with Yew's
// server renderer, where effects never run.
pub mod components;
pub mod hooks;
pub mod services;

#[cfg(target_arch = "wasm32")]
pub mod embed;

/// The page-build pre-renderer (CONTRACT 9): native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;

/// The widget's allocator: talc, smaller than Rust's default for wasm (dlmalloc) by 1.3 KB
/// brotli (docs/performance.md). Native builds keep the system allocator.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
