//! The approved replies: a count heading, each reply with author, date and plain text,
//! answers nested one level, the reader's own pending replies in place, "Show more
//! replies" paging, and a Reply button on each reply.

use crate::components::article::plural;
use crate::components::reply_item::{content, meta, pending_item};
use crate::core::i18n::{TextKey, Texts};
use crate::core::saved::PendingReply;
use crate::core::thread::{build, Reply};
use crate::hooks::{use_refocus, Thread};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThreadViewProps {
    pub id: AttrValue,
    pub thread: Rc<Thread>,
    pub pending: Rc<Vec<PendingReply>>,
    pub texts: Rc<Texts>,
    pub replies_open: bool,
    pub on_more: Callback<()>,
    /// The reader wants to answer this reply (id, author).
    pub on_reply: Callback<(u64, AttrValue)>,
}

#[component]
pub fn ThreadView(props: &ThreadViewProps) -> Html {
    let ThreadViewProps {
        id,
        thread,
        pending,
        texts,
        replies_open,
        on_more,
        on_reply,
    } = props;
    let nodes = use_memo(thread.clone(), |t| build(&t.replies));
    let listed: Vec<u64> = thread.replies.iter().map(|r| r.id).collect();
    let waiting: Vec<&PendingReply> = pending
        .iter()
        .filter(|p| !p.is_listed(&thread.replies))
        .collect();

    let reply_button = |reply: &Reply| {
        if !*replies_open {
            return Html::default();
        }
        let on_reply = on_reply.clone();
        let target = (reply.id, AttrValue::from(reply.author.clone()));
        let onclick = Callback::from(move |_: MouseEvent| on_reply.emit(target.clone()));
        html! {
            <button type="button" class="byline-link-button byline-reply-button" {onclick}>
                { texts.get(TextKey::Reply) }
                <span class="byline-visually-hidden">{ format!(" ({})", texts.format(TextKey::ReplyingTo, &[("name", &reply.author)])) }</span>
            </button>
        }
    };
    // Replies published at once count before the server lists them (as after a reload).
    let published_here = waiting.iter().filter(|p| p.approved).count();
    let count = thread.total.unwrap_or(thread.replies.len() as u64) as usize + published_here;
    let heading_id = format!("{id}-thread");
    let items = nodes.iter().map(|node| {
        let answers_pending: Vec<&&PendingReply> = waiting
            .iter()
            .filter(|p| p.parent == node.reply.id || node.answers.iter().any(|(a, _)| a.id == p.parent))
            .collect();
        html! {
            <li class="byline-reply-item" id={format!("{id}-comment-{}", node.reply.id)}>
                { meta(&node.reply.author, node.reply.author_url.as_deref(), node.reply.date.as_deref(), texts) }
                { content(&node.reply.body, &node.reply.paragraphs) }
                { reply_button(&node.reply) }
                if !node.answers.is_empty() || !answers_pending.is_empty() {
                    <ol class="byline-thread-answers">
                        { for node.answers.iter().map(|(answer, to)| html! {
                            <li class="byline-reply-item" id={format!("{id}-comment-{}", answer.id)}>
                                { meta(&answer.author, answer.author_url.as_deref(), answer.date.as_deref(), texts) }
                                if let Some(name) = to {
                                    <p class="byline-in-reply-to">{ texts.format(TextKey::InReplyTo, &[("name", name)]) }</p>
                                }
                                { content(&answer.body, &answer.paragraphs) }
                                { reply_button(answer) }
                            </li>
                        }) }
                        { for answers_pending.iter().map(|p| {
                            let answered = node.answers.iter().find(|(a, _)| a.id == p.parent);
                            pending_item(p, answered.map(|(a, _)| a.author.as_str()), texts)
                        }) }
                    </ol>
                }
            </li>
        }
    });
    let top_pending = waiting
        .iter()
        .filter(|p| p.parent == 0 || !listed.contains(&p.parent))
        .map(|p| pending_item(p, None, texts));
    // "Show more replies" goes once the last page is in: the reader continues from the heading.
    let heading = use_node_ref();
    use_refocus(
        heading.clone(),
        !thread.has_more() && thread.loaded_pages > 1,
    );
    html! {
        <section class="byline-thread" aria-labelledby={heading_id.clone()}>
            <h2 class="byline-thread-heading" id={heading_id} ref={heading} tabindex="-1">{ plural(texts, TextKey::ReplyCount, count) }</h2>
            <ol class="byline-thread-list">
                { for items }
                { for top_pending }
            </ol>
            if thread.has_more() {
                <button type="button" class="byline-button byline-more-replies" onclick={on_more.reform(|_: MouseEvent| ())}>
                    { texts.get(TextKey::ShowMoreReplies) }
                </button>
            }
        </section>
    }
}
