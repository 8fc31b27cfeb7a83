//! The page-build pre-renderer (CONTRACT 9), native only: reads a page's hosts and their
//! data with the same `core` readers as the browser, renders the same components with Yew's
//! server renderer, and writes the markup into each host. Nothing is fetched.

pub mod html;
pub mod page;
pub mod render;
pub mod run;
pub mod xml;

pub use run::{run, Line, Report};
