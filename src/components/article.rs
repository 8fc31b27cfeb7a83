//! The article: header (section, headline, standfirst, byline, dates, reading time), lead
//! image, body and footer. Text is always rendered as text.

use crate::components::rich_body;
use crate::core::article::{Article, Author, Image};
use crate::core::body::Body;
use crate::core::i18n::{TextKey, Texts};
use crate::core::text::{reading_minutes, Block};
use crate::services::intl;
use std::rc::Rc;
use yew::prelude::*;

/// Paragraphs rendered at once; longer bodies grow by this many on request, so a huge
/// article never freezes the page.
pub const PARAGRAPHS_PER_PAGE: usize = 1000;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Rc<Article>,
    pub texts: Rc<Texts>,
    /// The body rebuilt from its HTML source (CONTRACT 3b); `None`: the `articleBody` text.
    #[prop_or_default]
    pub body: Option<Rc<Body>>,
}

#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let ArticleViewProps {
        article,
        texts,
        body,
    } = props;
    let rich = body.clone().filter(|b| !b.is_empty());
    let shown = use_state(|| PARAGRAPHS_PER_PAGE);
    let minutes = use_memo((article.clone(), rich.clone()), |(a, rich)| match rich {
        Some(rich) => reading_minutes(rich.texts()),
        None => reading_minutes(a.body.iter().map(Block::text)),
    });
    let hidden = match rich {
        Some(_) => 0,
        None => article.body.len().saturating_sub(*shown),
    };
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PARAGRAPHS_PER_PAGE))
    };
    html! {
        <article class="byline-article">
            <header class="byline-header">
                if let Some(section) = &article.section {
                    <p class="byline-section">{ section }</p>
                }
                <h1 class="byline-headline">{ &article.headline }</h1>
                if let Some(standfirst) = &article.standfirst {
                    <p class="byline-standfirst">{ standfirst }</p>
                }
                <p class="byline-meta">
                    { authors(&article.authors, texts) }
                    { published(article, texts) }
                    { updated(article, texts) }
                    // No body, nothing to read: no reading time.
                    if !article.body.is_empty() || rich.is_some() {
                        <span class="byline-reading-time">{ plural(texts, TextKey::ReadingTime, *minutes as usize) }</span>
                    }
                </p>
            </header>
            if let Some(image) = &article.image {
                { figure(image) }
            }
            if let Some(rich) = rich {
                // Marked as the body it is: read again from here, it gives the same body.
                <div class="byline-body byline-rich" itemprop="articleBody">
                    { rich_body::nodes(&rich) }
                </div>
            } else {
                <div class="byline-body">
                    { for article.body.iter().take(*shown).map(block) }
                </div>
            }
            if hidden > 0 {
                <button type="button" class="byline-button byline-more" onclick={show_more}>
                    { plural(texts, TextKey::ShowMore, hidden.min(PARAGRAPHS_PER_PAGE)) }
                </button>
            }
            if article.publisher.is_some() || article.url.is_some() {
                <footer class="byline-footer">
                    if let Some(publisher) = &article.publisher {
                        <p class="byline-publisher">{ texts.format(TextKey::PublishedBy, &[("name", publisher)]) }</p>
                    }
                    if let Some(url) = &article.url {
                        <a class="byline-canonical" href={url.clone()} rel="canonical">{ texts.get(TextKey::Canonical) }</a>
                    }
                </footer>
            }
        </article>
    }
}

/// A plural-aware string with `{n}` in the number format of the string's language.
pub fn plural(texts: &Texts, key: TextKey, n: usize) -> String {
    let lang = texts.lang_of(key);
    let category = intl::plural_category(n, lang);
    texts.count(key, n, &category, &intl::format_number(n, lang))
}

fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph(text) => html! { <p class="byline-paragraph">{ text }</p> },
        Block::Quote(text) => {
            html! { <blockquote class="byline-quote"><p>{ text }</p></blockquote> }
        }
    }
}

/// "By A, B and C", each a link when it has a safe URL.
fn authors(authors: &[Author], texts: &Texts) -> Html {
    if authors.is_empty() {
        return Html::default();
    }
    let (before, after) = texts
        .get(TextKey::By)
        .split_once("{names}")
        .unwrap_or(("", ""));
    let last = authors.len() - 1;
    let names = authors.iter().enumerate().map(|(i, author)| {
        let separator = match i {
            0 => String::new(),
            i if i == last => format!(" {} ", texts.get(TextKey::And)),
            _ => ", ".to_owned(),
        };
        let name = match &author.url {
            Some(url) => html! { <a class="byline-author" href={url.clone()} rel="author">{ &author.name }</a> },
            None => html! { <span class="byline-author">{ &author.name }</span> },
        };
        html! { <>{ separator }{ name }</> }
    });
    html! {
        <span class="byline-authors">{ before }{ for names }{ after }</span>
    }
}

fn time(class: &'static str, iso: &str, texts: &Texts) -> Option<Html> {
    let datetime = intl::valid_datetime(iso)?;
    let label = intl::format_date(iso, &texts.lang)?;
    Some(html! { <time class={class} datetime={datetime}>{ label }</time> })
}

fn published(article: &Article, texts: &Texts) -> Html {
    article
        .date_published
        .as_deref()
        .and_then(|iso| time("byline-published", iso, texts))
        .unwrap_or_default()
}

fn updated(article: &Article, texts: &Texts) -> Html {
    let Some(modified) = article.date_modified.as_deref() else {
        return Html::default();
    };
    if article.date_published.as_deref() == Some(modified) {
        return Html::default();
    }
    let Some(time) = time("byline-modified", modified, texts) else {
        return Html::default();
    };
    let (before, after) = texts
        .get(TextKey::Updated)
        .split_once("{date}")
        .unwrap_or(("", ""));
    html! { <span class="byline-updated">{ before }{ time }{ after }</span> }
}

fn figure(image: &Image) -> Html {
    let width = image.width.map(|w| w.to_string());
    let height = image.height.map(|h| h.to_string());
    let alt = image.caption.clone().unwrap_or_default();
    html! {
        <figure class="byline-figure">
            <img class="byline-image" src={image.url.clone()} width={width} height={height}
                 alt={alt} decoding="async" />
            if let Some(caption) = &image.caption {
                <figcaption class="byline-caption">{ caption }</figcaption>
            }
        </figure>
    }
}
