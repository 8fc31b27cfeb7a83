//! A panic anywhere in the widget: log it, and replace every widget's content with a short
//! note so no box is left blank or half-working. The host page is not touched otherwise.

use crate::core::i18n::{locale_for, TextKey};

/// Installs the panic hook (once).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(
            &format!("Byline stopped after an internal error: {info}").into(),
        );
        show_note_everywhere();
    }));
}

fn show_note_everywhere() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-byline-state]") else {
        return;
    };
    for host in (0..hosts.length()).filter_map(|i| hosts.item(i)) {
        let Ok(host) = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(host) else {
            continue;
        };
        let lang = host
            .query_selector(".byline[lang]")
            .ok()
            .flatten()
            .and_then(|root| root.get_attribute("lang"))
            .unwrap_or_default();
        let text = locale_for(&lang).texts[TextKey::Crashed as usize];
        let Ok(note) = document.create_element("p") else {
            continue;
        };
        note.set_class_name("byline-crashed");
        note.set_text_content(Some(text));
        host.set_text_content(None);
        let _ = host.append_child(&note);
        let _ = host.set_attribute("data-byline-state", "crashed");
    }
}
