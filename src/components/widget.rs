//! The root component: loads the article and lays out the parts. It reports its state to
//! the embedding code, which owns the host element.

use crate::components::article::ArticleView;
use crate::components::discussion::Discussion;
use crate::components::related::Related;
use crate::components::status::{ErrorState, Loading};
use crate::core::article::Article;
use crate::core::body::Body;
use crate::core::config::{Config, ReplyFormat};
use crate::core::events::WidgetEvent;
use crate::core::feed::Story;
use crate::core::i18n::Texts;
use crate::core::reply::{Rules, Wire};
use crate::hooks::{use_article, use_related, ArticleState, RelatedQuery, ReplyTarget};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    pub config: Rc<Config>,
    pub texts: Rc<Texts>,
    /// Unique on the page: prefixes the ids of the widget's elements.
    #[prop_or(AttrValue::from("byline"))]
    pub id: AttrValue,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
    /// The article body rebuilt from the host's body source (CONTRACT 3b), read by the
    /// embedding code (or the pre-renderer) before the host's content was replaced.
    #[prop_or_default]
    pub body: Option<Rc<Body>>,
}

/// A widget given its data up front ([`PrefetchedWidget`]).
#[derive(Properties, PartialEq, Clone)]
pub struct PrefetchedWidgetProps {
    pub widget: WidgetProps,
    /// Data for the first paint, read before the widget was made (the pre-renderer reads it
    /// from the page): no loading state, and nothing is loaded again for it.
    #[prop_or_default]
    pub initial: Option<Rc<Prefetched>>,
    /// Renders the markup the pre-renderer writes into a page (CONTRACT 9): the thread is
    /// left out (it stays client-side) and the reply form is a plain HTML form posting to
    /// `data-reply-action` with the browser's own validation, or left out without one.
    #[prop_or_default]
    pub prerender: bool,
}

/// What the widget shows at once instead of loading it.
#[derive(Clone, Debug, PartialEq)]
pub struct Prefetched {
    pub article: Rc<Article>,
    /// The related stories, already selected; `None`: loaded as usual.
    pub related: Option<Rc<Vec<Story>>>,
}

/// `data-replies-src`, else in `json` mode the endpoint's collection for this post.
fn thread_source(config: &Config, target: &ReplyTarget) -> Option<String> {
    if let Some(source) = &config.replies_src {
        return Some(source.clone());
    }
    match (target.wire, &target.endpoint) {
        (Wire::Json, Some(endpoint)) => {
            crate::core::thread::default_source(endpoint, &target.post_id)
        }
        _ => None,
    }
}

/// Where replies to this article go: `data-reply-endpoint`, else the article's
/// `discussionUrl`, else demo mode; the post id is `data-post-id`, else the article's
/// `identifier`, else its `url`.
pub fn reply_target(config: &Config, article: &Article) -> ReplyTarget {
    let post_id = config
        .post_id
        .clone()
        .or_else(|| article.identifier.clone())
        .or_else(|| article.url.clone())
        .unwrap_or_default();
    let article_key = if post_id.is_empty() {
        article.headline.clone()
    } else {
        post_id.clone()
    };
    ReplyTarget {
        endpoint: config
            .reply_endpoint
            .clone()
            .or_else(|| article.discussion_url.clone()),
        post_id,
        wire: match config.reply_format {
            ReplyFormat::Json => Wire::Json,
            ReplyFormat::Form => Wire::Form,
        },
        article_key,
        nonce: config.reply_nonce.clone(),
        nonce_src: config.reply_nonce_src.clone(),
    }
}

#[derive(Properties, PartialEq, Clone, Default)]
pub struct WidgetSlotProps {
    /// The widget to show; `None` leaves the slot empty.
    #[prop_or_default]
    pub widget: Option<WidgetProps>,
}

/// A reusable place for one widget. Yew never releases the event listeners of an app's
/// root element, so the embedding code keeps emptied slots and reuses them for the next
/// host instead of creating a new app each time (no listener leak across mounts).
#[component]
pub fn WidgetSlot(props: &WidgetSlotProps) -> Html {
    match &props.widget {
        Some(p) => html! {
            <Widget key={p.id.to_string()} config={p.config.clone()} texts={p.texts.clone()}
                id={p.id.clone()} on_event={p.on_event.clone()} body={p.body.clone()} />
        },
        None => Html::default(),
    }
}

thread_local! {
    static LIVE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Widgets currently mounted on the page.
pub fn live_instances() -> usize {
    LIVE.with(|l| l.get())
}

/// The widget: loads the article and related stories, then shows them with the reply form.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    use_widget(props, None, false)
}

/// The widget with its data given ([`PrefetchedWidgetProps`]): what the pre-renderer renders.
/// It renders the same markup as [`Widget`] once that has loaded the same data.
#[component]
pub fn PrefetchedWidget(props: &PrefetchedWidgetProps) -> Html {
    use_widget(&props.widget, props.initial.clone(), props.prerender)
}

/// The widget's body, shared by [`Widget`] and [`PrefetchedWidget`].
#[hook]
fn use_widget(props: &WidgetProps, initial: Option<Rc<Prefetched>>, prerender: bool) -> Html {
    let WidgetProps {
        config,
        texts,
        id,
        on_event,
        body,
    } = props;
    let prerender = &prerender;
    use_effect_with((), |_| {
        LIVE.with(|l| l.set(l.get() + 1));
        || LIVE.with(|l| l.set(l.get().saturating_sub(1)))
    });
    let (state, retry) = use_article(&config.article, initial.as_ref().map(|i| i.article.clone()));
    let retried = use_mut_ref(|| false);
    let retry = {
        let retried = retried.clone();
        Callback::from(move |()| {
            *retried.borrow_mut() = true;
            retry.emit(());
        })
    };
    {
        let on_event = on_event.clone();
        let retried = retried.clone();
        use_effect_with(state.clone(), move |state| {
            on_event.emit(match state {
                ArticleState::Loading => WidgetEvent::Loading,
                ArticleState::Ready(article) => {
                    // A later failure (a new data-article) is no failed Retry: it takes no focus.
                    *retried.borrow_mut() = false;
                    WidgetEvent::Ready(article.clone())
                }
                ArticleState::Failed(_) => WidgetEvent::Failed,
            });
        });
    }
    let related_query = match (&state, &config.related) {
        (ArticleState::Ready(article), Some(source)) => Some(RelatedQuery {
            source: source.clone(),
            limit: config.related_limit as usize,
            article_url: article.url.clone(),
        }),
        _ => None,
    };
    let related = use_related(
        related_query,
        initial.as_ref().and_then(|i| i.related.clone()),
    );
    {
        let on_event = on_event.clone();
        let settled = matches!(state, ArticleState::Ready(_)) && related.settled;
        use_effect_with(settled, move |settled| {
            if *settled {
                on_event.emit(WidgetEvent::Settled);
            }
        });
    }
    let related = related.stories;
    let content = match &state {
        ArticleState::Loading => html! { <Loading texts={texts.clone()} /> },
        ArticleState::Failed(_) => html! {
            <ErrorState texts={texts.clone()} on_retry={retry} after_retry={*retried.borrow()} />
        },
        ArticleState::Ready(article) => {
            let target = reply_target(config, article);
            html! {
            <>
                <ArticleView article={article.clone()} texts={texts.clone()} body={body.clone()} />
                if let Some(stories) = related {
                    <Related id={id.clone()} stories={stories} texts={texts.clone()} />
                }
                <Discussion id={id.clone()} target={target.clone()}
                    rules={Rules { require_name_email: config.require_name_email && config.reply_as.is_none() }}
                    replies_open={config.replies_open}
                    thread_source={thread_source(config, &target).filter(|_| !*prerender)}
                    action={config.form_action().map(AttrValue::from)}
                    reply_as={config.reply_as.clone().map(AttrValue::from)}
                    prerender={*prerender}
                    texts={texts.clone()} on_event={on_event.clone()} />
            </>
            }
        }
    };
    html! {
        <div class="byline byline-root" lang={texts.lang.clone()} dir={if texts.rtl { "rtl" } else { "ltr" }}
             data-theme={config.theme.as_str()}>
            { content }
        </div>
    }
}
