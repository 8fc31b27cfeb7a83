//! `localStorage`, guarded: a browser that refuses storage (private modes, sandboxed
//! frames, a full quota) never breaks the widget; it only forgets.
//!
//! Kept by hand rather than `gloo-storage`: its `LocalStorage::raw()` throws a JS exception
//! when the browser refuses storage (a sandboxed frame), which would stop the widget.

/// The page's `localStorage`; none outside a browser (the pre-renderer renders the same
/// components natively, where there is nothing to remember).
fn storage() -> Option<web_sys::Storage> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored text for `key`.
pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; false when the browser refused.
pub fn set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}
