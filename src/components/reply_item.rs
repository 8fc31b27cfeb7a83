//! The parts of one reply as readers see it, shared by the thread and the form's list of
//! the reader's own replies: author and date line, paragraphs, and a pending reply.

use crate::components::rich_body;
use crate::core::body::{Body, Node};
use crate::core::body_rules::REPLY_REL;
use crate::core::i18n::{TextKey, Texts};
use crate::core::saved::PendingReply;
use crate::core::text::split_paragraphs;
use crate::services::intl;
use std::rc::Rc;
use yew::prelude::*;

/// "Author · date": the author linked when the reply gives a (safe) URL.
pub fn meta(author: &str, url: Option<&str>, date: Option<&str>, texts: &Texts) -> Html {
    let author = match url {
        Some(url) => {
            html! { <a class="byline-reply-author" href={url.to_owned()} rel={REPLY_REL}>{ author }</a> }
        }
        None => html! { <span class="byline-reply-author">{ author }</span> },
    };
    let time = date.and_then(|d| {
        let label = intl::format_date(d, &texts.lang)?;
        Some(html! { <time class="byline-reply-date" datetime={d.to_owned()}>{ label }</time> })
    });
    html! { <p class="byline-reply-meta">{ author }{ " " }{ time.unwrap_or_default() }</p> }
}

/// A reply's paragraphs, as text.
pub fn paragraphs<'a>(texts: impl IntoIterator<Item = &'a str>) -> Html {
    texts
        .into_iter()
        .map(|p| html! { <p class="byline-reply-text">{ p }</p> })
        .collect()
}

/// A listed reply's content: rebuilt from the comment allowlist (CONTRACT 5b) when it has
/// markup, else its plain-text paragraphs.
pub fn content(body: &Rc<Body>, plain: &[String]) -> Html {
    if body.nodes.iter().any(|n| matches!(n, Node::Element(_))) {
        html! {
            <div class="byline-reply-content byline-rich">{ rich_body::nodes(body) }</div>
        }
    } else {
        paragraphs(plain.iter().map(String::as_str))
    }
}

/// One of the reader's own replies the server has not listed yet, with an "Awaiting
/// moderation" label unless it was published at once; `in_reply_to`: the author it answers
/// when that reply is itself an answer (the thread shows one level of nesting).
pub fn pending_item(p: &PendingReply, in_reply_to: Option<&str>, texts: &Texts) -> Html {
    let blocks = split_paragraphs(&p.content);
    html! {
        <li class="byline-reply-item byline-pending">
            { meta(&p.author, None, Some(&p.date), texts) }
            if let Some(name) = in_reply_to {
                <p class="byline-in-reply-to">{ texts.format(TextKey::InReplyTo, &[("name", name)]) }</p>
            }
            if !p.approved {
                <p class="byline-pending-label">{ texts.get(TextKey::Pending) }</p>
            }
            { paragraphs(blocks.iter().map(|b| b.text())) }
        </li>
    }
}
