//! One host's markup: the widget rendered by Yew's server renderer from given data.

use crate::components::widget::{Prefetched, PrefetchedWidget, PrefetchedWidgetProps, WidgetProps};
use crate::core::body::Body;
use crate::core::config::Config;
use crate::core::i18n::Texts;
use std::rc::Rc;
use yew::LocalServerRenderer;

/// The widget's first paint for this data, as the pre-renderer writes it into a host (no
/// hydration markers: the browser replaces it, it does not adopt it); `body`: the article
/// body rebuilt from the host's body source.
pub fn widget_markup(
    config: Config,
    texts: Texts,
    id: &str,
    data: Prefetched,
    body: Option<Rc<Body>>,
) -> String {
    let props = PrefetchedWidgetProps {
        widget: WidgetProps {
            config: Rc::new(config),
            texts: Rc::new(texts),
            id: id.to_owned().into(),
            on_event: Default::default(),
            body,
        },
        initial: Some(Rc::new(data)),
        prerender: true,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a single-threaded runtime can always be built");
    runtime.block_on(
        LocalServerRenderer::<PrefetchedWidget>::with_props(props)
            .hydratable(false)
            .render(),
    )
}
