//! Everything below the article about replies: the approved thread (with the reader's own
//! pending replies in place) and the reply form, or the "Replies are closed" note.

use crate::components::reply_form::ReplyForm;
use crate::components::thread::ThreadView;
use crate::core::events::WidgetEvent;
use crate::core::i18n::{TextKey, Texts};
use crate::core::reply::Rules;
use crate::hooks::{use_pending, use_thread, ReplyTarget};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiscussionProps {
    pub id: AttrValue,
    pub target: ReplyTarget,
    pub rules: Rules,
    pub replies_open: bool,
    /// Where approved replies come from (none: no thread).
    pub thread_source: Option<String>,
    pub texts: Rc<Texts>,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
    /// Where a plain (script-free) form posts: `Config::form_action`.
    #[prop_or_default]
    pub action: Option<AttrValue>,
    /// The signed-in reader's name (`data-reply-as`): no name, email or website fields.
    #[prop_or_default]
    pub reply_as: Option<AttrValue>,
    /// The pre-renderer's markup: no thread, and the form only when it can post (`action`).
    #[prop_or_default]
    pub prerender: bool,
}

#[component]
pub fn Discussion(props: &DiscussionProps) -> Html {
    let DiscussionProps {
        id,
        target,
        rules,
        replies_open,
        thread_source,
        texts,
        on_event,
        action,
        reply_as,
        prerender,
    } = props;
    // Natively (the pre-renderer) storage is empty: no pending replies.
    let pending = use_pending(&target.article_key);
    let (thread, more) = use_thread(thread_source.clone());
    let reply_to = use_state(|| None::<(u64, AttrValue, u32)>);
    {
        // Replies the server now lists are no longer pending.
        let listed = pending.listed.clone();
        use_effect_with(thread.clone(), move |thread| {
            if let Some(thread) = thread {
                listed.emit(thread.replies.clone());
            }
        });
    }
    let on_reply = {
        let reply_to = reply_to.clone();
        Callback::from(move |(parent, name): (u64, AttrValue)| {
            let count = reply_to.as_ref().map_or(0, |(_, _, n)| n + 1);
            reply_to.set(Some((parent, name, count)));
        })
    };
    html! {
        <>
            if let Some(thread) = thread.clone() {
                <ThreadView id={id.clone()} {thread} pending={pending.list.clone()} texts={texts.clone()}
                    replies_open={*replies_open} on_more={more} {on_reply} />
            }
            if !*replies_open {
                <p class="byline-replies-closed">{ texts.get(TextKey::RepliesClosed) }</p>
            } else if !*prerender || action.is_some() {
                <ReplyForm id={format!("{id}-reply")} target={target.clone()} rules={*rules} texts={texts.clone()}
                    pending={pending.clone()} show_pending={thread.is_none() && !*prerender} reply_to={(*reply_to).clone()}
                    on_event={on_event.clone()} action={action.clone()} reply_as={reply_as.clone()}
                    plain={*prerender} />
            }
        </>
    }
}
