//! Gives focus back when the control the reader used has gone (removed or disabled), so a
//! keyboard or screen-reader user is not sent back to the top of the page.

use web_sys::HtmlElement;
use yew::prelude::*;

/// Whenever `wanted` becomes true (and on mount when it starts true), focuses `target` if
/// focus has fallen back to the page: nothing focused, or `<body>` (where the browser puts it
/// when the focused element is removed or disabled, in a shadow root too).
#[hook]
pub fn use_refocus(target: NodeRef, wanted: bool) {
    use_effect_with(wanted, move |wanted| {
        let Some(element) = target.cast::<HtmlElement>().filter(|_| *wanted) else {
            return;
        };
        let lost = element.owner_document().is_some_and(|document| {
            match (document.active_element(), document.body()) {
                (None, _) => true,
                (Some(active), Some(body)) => active.is_same_node(Some(&body)),
                (Some(_), None) => false,
            }
        });
        if lost {
            let _ = element.focus();
        }
    });
}
