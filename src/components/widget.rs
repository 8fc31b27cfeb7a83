//! The root component: loads the article and lays out the parts. It reports its state to
//! the embedding code, which owns the host element.

use crate::components::article::ArticleView;
use crate::components::status::{ErrorState, Loading};
use crate::core::article::Article;
use crate::core::config::Config;
use crate::core::i18n::Texts;
use crate::hooks::{use_article, ArticleState};
use std::rc::Rc;
use yew::prelude::*;

/// What the widget tells the embedding code.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    Loading,
    Ready(Rc<Article>),
    Failed,
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub config: Rc<Config>,
    pub texts: Rc<Texts>,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let WidgetProps {
        config,
        texts,
        on_event,
    } = props;
    let (state, retry) = use_article(&config.article);
    {
        let on_event = on_event.clone();
        use_effect_with(state.clone(), move |state| {
            on_event.emit(match state {
                ArticleState::Loading => WidgetEvent::Loading,
                ArticleState::Ready(article) => WidgetEvent::Ready(article.clone()),
                ArticleState::Failed(_) => WidgetEvent::Failed,
            });
        });
    }
    let content = match &state {
        ArticleState::Loading => html! { <Loading texts={texts.clone()} /> },
        ArticleState::Failed(_) => html! { <ErrorState texts={texts.clone()} on_retry={retry} /> },
        ArticleState::Ready(article) => html! {
            <ArticleView article={article.clone()} texts={texts.clone()} />
        },
    };
    html! {
        <div class="byline" lang={texts.lang.clone()} dir={if texts.rtl { "rtl" } else { "ltr" }}
             data-theme={config.theme.as_str()}>
            { content }
        </div>
    }
}
