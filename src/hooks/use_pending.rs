//! The reader's own replies awaiting moderation for one article, kept in `localStorage`
//! for 30 days or until the server lists them.

use crate::core::saved::{self, PendingReply};
use crate::core::thread::Reply;
use crate::services::storage;
use std::rc::Rc;
use yew::prelude::*;

/// The pending list and what can change it.
#[derive(Clone, PartialEq)]
pub struct Pending {
    pub list: Rc<Vec<PendingReply>>,
    /// Adds a reply just sent.
    pub add: Callback<PendingReply>,
    /// Drops the replies the server now lists.
    pub listed: Callback<Vec<Reply>>,
}

#[hook]
pub fn use_pending(article_key: &str) -> Pending {
    let key = saved::pending_key(article_key);
    let list = {
        let key = key.clone();
        use_state(move || {
            let Some(stored) = storage::get(&key) else {
                return Rc::default();
            };
            let list = saved::pending_from_json(&stored, storage::now());
            // Expired or unreadable entries leave the reader's storage, not only the page.
            if list.is_empty() {
                storage::remove(&key);
            } else if saved::pending_to_json(&list) != stored {
                storage::set(&key, &saved::pending_to_json(&list));
            }
            Rc::new(list)
        })
    };
    let store = {
        let list = list.clone();
        let key = key.clone();
        move |next: Vec<PendingReply>| {
            if next.is_empty() {
                storage::remove(&key);
            } else {
                storage::set(&key, &saved::pending_to_json(&next));
            }
            list.set(Rc::new(next));
        }
    };
    let add = {
        let list = list.clone();
        let store = store.clone();
        Callback::from(move |reply: PendingReply| {
            let mut next = (**list).clone();
            next.push(reply);
            store(next);
        })
    };
    let listed = {
        let list = list.clone();
        Callback::from(move |replies: Vec<Reply>| {
            let next: Vec<PendingReply> = list
                .iter()
                .filter(|p| !p.is_listed(&replies))
                .cloned()
                .collect();
            if next.len() != list.len() {
                store(next);
            }
        })
    };
    Pending {
        list: (*list).clone(),
        add,
        listed,
    }
}
