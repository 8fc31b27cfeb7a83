//! Fire-and-forget browser timers, through `gloo-timers`.

use gloo_timers::callback::Timeout;

/// Runs `f` once, `ms` milliseconds from now. Boxed, so every caller shares one piece of glue.
pub fn after(ms: u32, f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    Timeout::new(ms, f).forget();
}
