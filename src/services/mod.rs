//! Browser I/O behind small functions that return core types.

pub mod events;
pub mod html;
pub mod http;
pub mod intl;
pub mod page;
pub mod storage;
pub mod timer;
pub mod translations;
pub mod xml;
