//! The house rules of the layout (docs/architecture.md), checked on the sources: imports only
//! point down. `core` knows nothing of the browser or the UI; `services` know nothing of the
//! UI; `hooks` never import `components` or `embed`; `components` never import `embed`.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("source folder readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The lines of the files under `src/<layer>` that mention any of `forbidden`, comments aside.
fn offending_lines(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    sources(&root)
        .into_iter()
        .flat_map(|file| {
            let text = fs::read_to_string(&file).expect("source readable");
            text.lines()
                .enumerate()
                .filter(|(_, line)| !line.trim_start().starts_with("//"))
                .filter(|(_, line)| forbidden.iter().any(|f| line.contains(f)))
                .map(|(n, line)| format!("{}:{}: {}", file.display(), n + 1, line.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn core_uses_no_browser_ui_or_embedding_code() {
    let found = offending_lines(
        "core",
        &[
            "crate::services",
            "crate::components",
            "crate::hooks",
            "crate::embed",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "yew::",
            "gloo",
        ],
    );
    assert!(
        found.is_empty(),
        "core imports upwards:\n{}",
        found.join("\n")
    );
}

#[test]
fn services_do_not_import_the_ui() {
    let found = offending_lines(
        "services",
        &["crate::components", "crate::hooks", "crate::embed"],
    );
    assert!(
        found.is_empty(),
        "services import upwards:\n{}",
        found.join("\n")
    );
}

#[test]
fn hooks_do_not_import_components_or_embedding() {
    let found = offending_lines("hooks", &["crate::components", "crate::embed"]);
    assert!(
        found.is_empty(),
        "hooks import upwards:\n{}",
        found.join("\n")
    );
}

#[test]
fn components_do_not_import_embedding() {
    let found = offending_lines("components", &["crate::embed"]);
    assert!(
        found.is_empty(),
        "components import upwards:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_an_upward_import() {
    // The scan itself must be able to fail: embed imports components, so scanning embed for
    // components finds lines.
    assert!(!offending_lines("embed", &["crate::components"]).is_empty());
}
