//! Component tests in headless Chromium: the approved-replies thread (ThreadView) built from
//! a WordPress REST comments page, and its wiring in the Discussion (Reply button -> form).
//! Run with `cargo test --target wasm32-unknown-unknown --test web_thread`.
#![cfg(target_arch = "wasm32")]

use byline::components::discussion::{Discussion, DiscussionProps};
use byline::components::thread::{ThreadView, ThreadViewProps};
use byline::core::reply::{Rules, Wire};
use byline::core::saved::PendingReply;
use byline::core::thread::parse_page;
use byline::hooks::{ReplyTarget, Thread};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/dom.rs"]
mod dom;
use dom::{all, container, document, english, q, q_opt, sleep, text, texts_of};

/// A WordPress-like `/wp/v2/comments` page: nested parents, hostile and broken HTML.
fn page() -> String {
    serde_json::json!([
        {
            "id": 1, "post": 42, "parent": 0, "author_name": "Ana Ruiz",
            "author_url": "https://ana.example/",
            "date": "2024-03-05T10:30:00", "date_gmt": "2024-03-05T09:30:00",
            "content": {"rendered": "<p>First <script>alert(1)</script>paragraph.</p>\n<p>Second <iframe src=\"https://evil.example/\"></iframe>paragraph.</p>\n"},
            "status": "approved", "type": "comment"
        },
        {
            "id": 2, "post": 42, "parent": 1, "author_name": "Lee Park", "author_url": "",
            "date_gmt": "2024-03-05T10:00:00",
            "content": {"rendered": "<p>Unclosed <b>bold and <em>emphasis"}
        },
        {
            "id": 3, "post": 42, "parent": 2, "author_name": "Kim", "author_url": "javascript:alert(1)",
            "date_gmt": "2024-03-05T11:00:00",
            "content": {"rendered": "<p>Deeper <img src=x onerror=alert(1)>reply &amp; more &#8217;quoted&#8217;</p>"}
        },
        {
            "id": 4, "post": 42, "parent": 0, "author_name": "<b>Eve</b>",
            "author_url": "data:text/html,<script>alert(1)</script>",
            "date_gmt": "2024-03-06T08:00:00",
            "content": {"rendered": "<p>a < b and c > d</p><p>A broken <a href='https://x.example' tag</p>"}
        },
        {
            "id": 5, "post": 42, "parent": 999, "author_name": "Orphan",
            "content": {"rendered": "<p>My parent is not on this page.</p>"}
        },
        {
            "id": 6, "post": 42, "parent": 0,
            "content": {"rendered": "<p>No name given.</p>"}
        },
        {
            "id": 7, "post": 42, "parent": 4, "author_name": "Ana Ruiz",
            "content": {"rendered": "<div><scr<script>ipt>alert(2)</script></div><p>Answer to Eve.</p>"}
        }
    ])
    .to_string()
}

fn thread(json: &str, total: Option<u64>, pages: u32, loaded_pages: u32) -> Rc<Thread> {
    Rc::new(Thread {
        replies: parse_page(json, &byline::services::html::reply_body).unwrap(),
        total,
        pages,
        loaded_pages,
    })
}

/// What the callbacks received.
#[derive(Default)]
struct Calls {
    more: Cell<u32>,
    replies: RefCell<Vec<(u64, String)>>,
}

async fn render(
    thread: Rc<Thread>,
    pending: Vec<PendingReply>,
    replies_open: bool,
) -> (Element, Rc<Calls>) {
    let root = container();
    let calls = Rc::new(Calls::default());
    let on_more = {
        let calls = calls.clone();
        Callback::from(move |()| calls.more.set(calls.more.get() + 1))
    };
    let on_reply = {
        let calls = calls.clone();
        Callback::from(move |(id, name): (u64, AttrValue)| {
            calls.replies.borrow_mut().push((id, name.to_string()))
        })
    };
    yew::Renderer::<ThreadView>::with_root_and_props(
        root.clone(),
        ThreadViewProps {
            id: "th".into(),
            thread,
            pending: Rc::new(pending),
            texts: english(),
            replies_open,
            on_more,
            on_reply,
        },
    )
    .render();
    yew::scheduler::flush().await;
    (root, calls)
}

/// The `li` of the reply with this id.
fn item(root: &Element, id: u64) -> Element {
    q(root, &format!("li#th-comment-{id}"))
}

/// The reply's own paragraphs (not those of its answers).
fn own_paragraphs(li: &Element) -> Vec<String> {
    all(
        li,
        ":scope > p.byline-reply-text, :scope > .byline-reply-content > p",
    )
    .iter()
    .map(text)
    .collect()
}

fn pending(id: Option<u64>, parent: u64, content: &str, approved: bool) -> PendingReply {
    PendingReply {
        id,
        parent,
        author: "Reader".into(),
        content: content.into(),
        date: "2024-03-07T12:00:00.000Z".into(),
        local_only: false,
        approved,
        saved: js_sys::Date::now(),
    }
}

// ---------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn replies_nest_one_level_and_keep_only_the_comment_allowlist() {
    let (root, _) = render(thread(&page(), Some(7), 1, 1), vec![], true).await;

    // Top level: 1, 4, 5 (unknown parent) and 6, in order; 2, 3 under 1 and 7 under 4.
    let top: Vec<String> = all(&root, "ol.byline-thread-list > li.byline-reply-item")
        .iter()
        .map(|li| li.id())
        .collect();
    assert_eq!(
        top,
        [
            "th-comment-1",
            "th-comment-4",
            "th-comment-5",
            "th-comment-6"
        ]
    );
    let answers_of = |id: u64| -> Vec<String> {
        all(&item(&root, id), "ol.byline-thread-answers > li")
            .iter()
            .map(|li| li.id())
            .collect()
    };
    assert_eq!(answers_of(1), ["th-comment-2", "th-comment-3"]);
    assert_eq!(answers_of(4), ["th-comment-7"]);
    assert!(answers_of(5).is_empty());
    assert_eq!(
        all(&root, "ol.byline-thread-answers ol").len(),
        0,
        "one visual level only"
    );

    // A deeper reply says whom it answers; a direct answer does not need to.
    assert_eq!(
        texts_of(&item(&root, 3), ".byline-in-reply-to"),
        ["In reply to Lee Park"]
    );
    assert!(q_opt(&item(&root, 2), ".byline-in-reply-to").is_none());
    assert!(q_opt(&item(&root, 7), ".byline-in-reply-to").is_none());

    // The comment allowlist (CONTRACT 5b): emphasis stays, nothing else the server sent
    // becomes an element; no handler attribute anywhere.
    assert!(
        all(
            &root,
            ".byline-reply-item script, .byline-reply-item iframe, .byline-reply-item img, .byline-reply-content div, [onerror], [onclick]"
        )
        .is_empty(),
        "no element from the content: {}",
        root.inner_html()
    );
    assert_eq!(
        own_paragraphs(&item(&root, 1)),
        ["First paragraph.", "Second paragraph."]
    );
    assert_eq!(
        own_paragraphs(&item(&root, 2)),
        ["Unclosed bold and emphasis"]
    );
    assert_eq!(
        own_paragraphs(&item(&root, 3)),
        ["Deeper reply & more ’quoted’"]
    );
    assert_eq!(
        own_paragraphs(&item(&root, 4)),
        // An unclosed tag runs to the next '>', as a browser would read it: an empty link,
        // dropped; the space before it is the paragraph's own.
        ["a < b and c > d", "A broken "]
    );
    // "<scr<script>" is an unknown element: unwrapped, its text stays (outside a paragraph).
    assert_eq!(own_paragraphs(&item(&root, 7)), ["Answer to Eve."]);
    assert_eq!(
        text(&q(&item(&root, 7), ".byline-reply-content")),
        "ipt>alert(2)Answer to Eve."
    );

    // Authors: a link only for a safe http(s) URL; markup in names is text.
    let ana = q(
        &item(&root, 1),
        ":scope > .byline-reply-meta a.byline-reply-author",
    );
    assert_eq!(
        ana.get_attribute("href").as_deref(),
        Some("https://ana.example/")
    );
    assert_eq!(
        ana.get_attribute("rel").as_deref(),
        Some("nofollow ugc noopener")
    );
    assert_eq!(text(&ana), "Ana Ruiz");
    for id in [2, 3, 4] {
        let meta = q(&item(&root, id), ":scope > .byline-reply-meta");
        assert!(q_opt(&meta, "a").is_none(), "reply {id} has no author link");
        assert_eq!(q(&meta, ".byline-reply-author").local_name(), "span");
    }
    assert_eq!(
        text(&q(
            &item(&root, 4),
            ":scope > .byline-reply-meta .byline-reply-author"
        )),
        "Eve"
    );
    assert_eq!(
        text(&q(
            &item(&root, 6),
            ":scope > .byline-reply-meta .byline-reply-author"
        )),
        "Anonymous"
    );
    assert!(all(&root, "[href^='javascript'], [href^='data']").is_empty());

    // Dates: date_gmt as UTC, localised; none when the server sent none.
    let time = q(
        &item(&root, 1),
        ":scope > .byline-reply-meta time.byline-reply-date",
    );
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2024-03-05T09:30:00Z")
    );
    assert!(text(&time).contains("2024"), "{}", text(&time));
    assert!(q_opt(&item(&root, 5), "time").is_none());

    // The section is labelled by its heading.
    let section = q(&root, "section.byline-thread");
    assert_eq!(
        section.get_attribute("aria-labelledby").as_deref(),
        Some("th-thread")
    );
    assert_eq!(text(&q(&root, "h2#th-thread")), "7 replies");
    root.remove();
}

#[wasm_bindgen_test]
async fn heading_counts_x_wp_total_not_the_loaded_page() {
    let json = page();
    for (total, expected) in [
        (Some(57), "57 replies"),
        (Some(1), "1 reply"),
        (Some(1234), "1,234 replies"),
        (None, "7 replies"),
    ] {
        let (root, _) = render(thread(&json, total, 1, 1), vec![], true).await;
        assert_eq!(
            text(&q(&root, "h2.byline-thread-heading")),
            expected,
            "{total:?}"
        );
        root.remove();
    }
    let one = serde_json::json!([{"id": 9, "content": {"rendered": "Only"}}]).to_string();
    let (root, _) = render(thread(&one, None, 1, 1), vec![], true).await;
    assert_eq!(text(&q(&root, "h2.byline-thread-heading")), "1 reply");
    root.remove();
}

/// en.rs has "zero:No replies", but English has no CLDR `zero` category
/// (`Intl.PluralRules('en').select(0)` is "other"), so an empty thread is headed "0 replies".
#[wasm_bindgen_test]
async fn an_empty_thread_says_no_replies() {
    let (root, _) = render(thread("[]", Some(0), 1, 1), vec![], true).await;
    let heading = text(&q(&root, "h2.byline-thread-heading"));
    root.remove();
    assert_eq!(heading, "No replies");
}

#[wasm_bindgen_test]
async fn show_more_replies_appears_while_pages_remain() {
    let (root, calls) = render(thread(&page(), Some(120), 3, 1), vec![], true).await;
    let more: HtmlElement = q(&root, "button.byline-more-replies").dyn_into().unwrap();
    assert_eq!(text(&more), "Show more replies");
    assert_eq!(more.get_attribute("type").as_deref(), Some("button"));
    more.click();
    yew::scheduler::flush().await;
    assert_eq!(calls.more.get(), 1);
    root.remove();

    for (pages, loaded) in [(3, 3), (1, 1)] {
        let (root, _) = render(thread(&page(), Some(7), pages, loaded), vec![], true).await;
        assert!(
            q_opt(&root, ".byline-more-replies").is_none(),
            "{pages}/{loaded}"
        );
        root.remove();
    }
}

/// The last "Show more replies" disappears with its page: the heading takes the focus
/// instead of the top of the page.
#[wasm_bindgen_test]
async fn the_last_page_of_replies_moves_focus_to_the_heading() {
    let root = container();
    let props = |loaded: u32| ThreadViewProps {
        id: "th".into(),
        thread: thread(&page(), Some(14), 2, loaded),
        pending: Rc::new(Vec::new()),
        texts: english(),
        replies_open: true,
        on_more: Callback::noop(),
        on_reply: Callback::noop(),
    };
    let mut app = yew::Renderer::<ThreadView>::with_root_and_props(root.clone(), props(1)).render();
    yew::scheduler::flush().await;
    let heading = q(&root, "h2.byline-thread-heading");
    let is_focused = |el: &Element| {
        document()
            .active_element()
            .is_some_and(|a| a.is_same_node(Some(el)))
    };
    assert!(!is_focused(&heading), "a first page takes no focus");
    let more: HtmlElement = q(&root, "button.byline-more-replies").dyn_into().unwrap();
    more.focus().unwrap();
    app.update(props(2));
    yew::scheduler::flush().await;
    assert!(q_opt(&root, ".byline-more-replies").is_none());
    assert!(is_focused(&heading));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn reply_buttons_emit_the_id_and_author() {
    let (root, calls) = render(thread(&page(), None, 1, 1), vec![], true).await;
    let buttons = all(&root, "button.byline-reply-button");
    assert_eq!(buttons.len(), 7, "one per reply, answers included");
    let kim: HtmlElement = q(&item(&root, 3), ":scope > button.byline-reply-button")
        .dyn_into()
        .unwrap();
    assert_eq!(kim.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(text(&kim), "Reply (Replying to Kim)");
    assert_eq!(
        text(&q(&kim, ".byline-visually-hidden")),
        " (Replying to Kim)"
    );
    kim.click();
    q(&item(&root, 1), ":scope > button.byline-reply-button")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(
        *calls.replies.borrow(),
        [(3, "Kim".to_owned()), (1, "Ana Ruiz".to_owned())]
    );
    root.remove();

    // Replies closed: no Reply buttons.
    let (root, _) = render(thread(&page(), None, 1, 1), vec![], false).await;
    assert!(all(&root, "button.byline-reply-button").is_empty());
    root.remove();
}

#[wasm_bindgen_test]
async fn the_readers_pending_replies_appear_in_place() {
    let waiting = vec![
        pending(Some(100), 3, "My answer to Kim.", false),
        pending(None, 0, "A new top-level reply.", false),
        pending(Some(2), 1, "Already listed by the server.", false),
        pending(Some(101), 4, "Published at once.", true),
    ];
    let (root, _) = render(thread(&page(), None, 1, 1), waiting, true).await;

    // Under the top-level reply of the reply it answers, with the label.
    let in_one = all(
        &item(&root, 1),
        "ol.byline-thread-answers > li.byline-pending",
    );
    assert_eq!(in_one.len(), 1);
    assert_eq!(
        texts_of(&in_one[0], ".byline-reply-text"),
        ["My answer to Kim."]
    );
    assert_eq!(
        texts_of(&in_one[0], ".byline-pending-label"),
        ["Awaiting moderation"]
    );
    assert_eq!(texts_of(&in_one[0], ".byline-reply-author"), ["Reader"]);
    // Kim's reply is itself an answer: like a listed reply there, it says whom it answers.
    assert_eq!(
        texts_of(&in_one[0], ".byline-in-reply-to"),
        ["In reply to Kim"]
    );
    // Top-level pending replies come after the listed ones.
    let last = all(&root, "ol.byline-thread-list > li").pop().unwrap();
    assert!(last.class_list().contains("byline-pending"));
    assert_eq!(
        texts_of(&last, ".byline-reply-text"),
        ["A new top-level reply."]
    );
    // One the server lists is not shown twice.
    assert!(!text(&root).contains("Already listed by the server."));
    // A reply published at once has no "awaiting moderation" label.
    let in_four = all(
        &item(&root, 4),
        "ol.byline-thread-answers > li.byline-pending",
    );
    assert_eq!(in_four.len(), 1);
    assert!(q_opt(&in_four[0], ".byline-pending-label").is_none());
    assert!(
        q_opt(&in_four[0], ".byline-in-reply-to").is_none(),
        "it answers a top-level reply"
    );
    assert_eq!(all(&root, "li.byline-pending").len(), 3);
    // The published one counts already (7 listed + 1); held ones do not.
    assert_eq!(texts_of(&root, "h2.byline-thread-heading"), ["8 replies"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn five_hundred_replies_render() {
    let replies: Vec<serde_json::Value> = (1..=500u64)
        .map(|id| {
            // Every fifth reply starts a conversation; the others answer the one before.
            let parent = if id % 5 == 1 { 0 } else { id - 1 };
            serde_json::json!({
                "id": id, "parent": parent, "author_name": format!("Reader {id}"),
                "date_gmt": "2024-03-05T09:30:00",
                "content": {"rendered": format!("<p>Reply number {id}.</p>")}
            })
        })
        .collect();
    let json = serde_json::Value::Array(replies).to_string();
    let started = js_sys::Date::now();
    let (root, _) = render(thread(&json, Some(500), 1, 1), vec![], true).await;
    let took = js_sys::Date::now() - started;
    assert_eq!(all(&root, "li.byline-reply-item").len(), 500);
    assert_eq!(all(&root, "ol.byline-thread-list > li").len(), 100);
    assert_eq!(all(&root, "ol.byline-thread-answers > li").len(), 400);
    assert_eq!(all(&root, ".byline-in-reply-to").len(), 300);
    assert_eq!(
        texts_of(&item(&root, 500), ".byline-in-reply-to"),
        ["In reply to Reader 499"]
    );
    assert_eq!(text(&q(&root, "h2")), "500 replies");
    web_sys::console::log_1(&format!("500 replies rendered in {took} ms (debug build)").into());
    root.remove();
}

// ---------------------------------------------------------------------------------------
// In the Discussion: the thread loads, and Reply points the form at the reply.

#[wasm_bindgen_test]
async fn reply_in_the_discussion_points_the_form_at_the_reply() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    // A data: URL stands in for the comments endpoint (no X-WP-* headers: one page).
    let source = format!(
        "data:application/json,{}",
        String::from(js_sys::encode_uri_component(&page()))
    );
    let root = container();
    root.set_class_name("byline byline-root");
    yew::Renderer::<Discussion>::with_root_and_props(
        root.clone(),
        DiscussionProps {
            id: "dc".into(),
            target: ReplyTarget {
                endpoint: None,
                post_id: "42".into(),
                wire: Wire::Json,
                article_key: "web-thread-discussion".into(),
                nonce: None,
                nonce_src: None,
            },
            rules: Rules {
                require_name_email: true,
            },
            replies_open: true,
            thread_source: Some(source),
            texts: english(),
            on_event: Default::default(),
            action: None,
            reply_as: None,
            prerender: false,
        },
    )
    .render();
    for _ in 0..500 {
        yew::scheduler::flush().await;
        if q_opt(&root, "section.byline-thread").is_some() {
            break;
        }
        sleep(10).await;
    }
    assert_eq!(text(&q(&root, "h2.byline-thread-heading")), "7 replies");
    assert!(
        q_opt(&root, ".byline-pending-list").is_none(),
        "the thread shows pending replies, not the form"
    );
    assert!(q_opt(&root, ".byline-more-replies").is_none());

    q(&root, "li#dc-comment-3 > button.byline-reply-button")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(
        texts_of(&root, ".byline-replying-to"),
        ["Replying to Kim Cancel reply"]
    );
    let comment = q(&root, "[id='dc-reply-comment']");
    assert!(
        document()
            .active_element()
            .is_some_and(|a| a.is_same_node(Some(&comment))),
        "the comment field takes focus"
    );
    // Cancel reply forgets it; its button goes, and the reply keeps the focus.
    let cancel: HtmlElement = q(&root, ".byline-replying-to button").dyn_into().unwrap();
    cancel.focus().unwrap();
    cancel.click();
    yew::scheduler::flush().await;
    assert!(q_opt(&root, ".byline-replying-to").is_none());
    assert!(
        document()
            .active_element()
            .is_some_and(|a| a.is_same_node(Some(&comment))),
        "the comment field has the focus after Cancel reply"
    );
    root.remove();
}
