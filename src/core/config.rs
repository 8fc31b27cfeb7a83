//! Host attributes -> [`Config`], with one [`ConfigWarning`] per invalid value.
//! Every attribute of CONTRACT section 2 is read here and nowhere else.

use super::i18n::TextKey;
use super::text::safe_url;
use std::fmt;

/// Where the article comes from (`data-article`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The first Article in the page's JSON-LD blocks.
    JsonLd,
    /// A URL to fetch.
    Url(String),
    /// The id of an inline `<script>` element.
    ElementId(String),
}

/// Where the article body's HTML comes from (`data-article-body`, CONTRACT 3b).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodySource {
    /// The first `[itemprop="articleBody"]` inside the host's own content, else the text.
    Default,
    /// Always the JSON-LD `articleBody` text.
    Text,
    /// The element with this id (a `<template>` or any element, anywhere in the page).
    ElementId(String),
}

/// Wire format of the reply (`data-reply-format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyFormat {
    Json,
    Form,
}

/// Colour scheme (`data-theme`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The value written to the root's `data-theme`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// When the widget starts (`data-loading`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loading {
    /// At once.
    Eager,
    /// When the host nears the viewport.
    Lazy,
    /// When the browser is idle, or the reader nears or touches the reply form; the default
    /// of a pre-rendered host (CONTRACT 9).
    Idle,
}

/// The widget's settings, parsed from the host element's attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub article: Source,
    pub related: Option<Source>,
    pub related_limit: u8,
    pub reply_endpoint: Option<String>,
    pub reply_format: ReplyFormat,
    /// `data-reply-action`: where a pre-rendered form posts when scripts do not run; in
    /// `form` mode the endpoint when absent (see [`Config::form_action`]).
    pub reply_action: Option<String>,
    /// `data-reply-nonce`: a WordPress `wp_rest` nonce, sent as `X-WP-Nonce` so a signed-in
    /// reader posts as themselves.
    pub reply_nonce: Option<String>,
    /// `data-reply-nonce-src`: where a fresh nonce is fetched when WordPress refuses the
    /// page's (WordPress's `admin-ajax.php?action=rest-nonce`).
    pub reply_nonce_src: Option<String>,
    /// `data-reply-as`: the signed-in reader's display name; the form then asks for no
    /// name, email or website.
    pub reply_as: Option<String>,
    pub post_id: Option<String>,
    pub require_name_email: bool,
    pub replies_open: bool,
    pub replies_src: Option<String>,
    /// `data-lang` when valid; resolution against the page happens in `embed`.
    pub lang: Option<String>,
    /// `data-text-<key>` overrides.
    pub texts: Vec<(TextKey, String)>,
    pub theme: Theme,
    pub shadow: bool,
    /// `data-loading` as written; `None` means the default (eager, or idle on a
    /// pre-rendered host: see [`Config::loading_for`]).
    pub loading: Option<Loading>,
    /// `data-article-body`: where the body's HTML is read from.
    pub article_body: BodySource,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            article: Source::JsonLd,
            related: None,
            related_limit: DEFAULT_RELATED_LIMIT,
            reply_endpoint: None,
            reply_format: ReplyFormat::Json,
            reply_action: None,
            reply_nonce: None,
            reply_nonce_src: None,
            reply_as: None,
            post_id: None,
            require_name_email: true,
            replies_open: true,
            replies_src: None,
            lang: None,
            texts: Vec::new(),
            theme: Theme::Auto,
            shadow: false,
            loading: None,
            article_body: BodySource::Default,
        }
    }
}

/// Default of `data-related-limit`.
pub const DEFAULT_RELATED_LIMIT: u8 = 5;
/// Largest `data-related-limit`.
pub const MAX_RELATED_LIMIT: u8 = 20;

/// An attribute whose value was invalid, and what was used instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigWarning {
    pub attribute: String,
    pub value: String,
    pub fallback: String,
    /// What the attribute accepts.
    pub expected: &'static str,
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Byline: {}=\"{}\" is not valid (expected {}); using {} instead.",
            self.attribute, self.value, self.expected, self.fallback
        )
    }
}

impl Config {
    /// Parses the host's attributes (name, value pairs, names as the DOM reports them).
    /// Unknown attributes are ignored; invalid values fall back to the default with a warning.
    pub fn from_attributes<'a>(
        attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Config, Vec<ConfigWarning>) {
        let mut config = Config::default();
        let mut warnings = Vec::new();
        for (name, value) in attributes {
            let name = name.to_ascii_lowercase();
            let mut warn = |fallback: &str, expected: &'static str| {
                warnings.push(ConfigWarning {
                    attribute: name.clone(),
                    value: value.to_owned(),
                    fallback: fallback.to_owned(),
                    expected,
                })
            };
            let trimmed = value.trim();
            match name.as_str() {
                "data-article" => match parse_source(trimmed, true) {
                    Some(source) => config.article = source,
                    None => warn("\"jsonld\"", "\"jsonld\", a URL or #id"),
                },
                "data-related" => match parse_source(trimmed, false) {
                    Some(source) => config.related = Some(source),
                    None if trimmed.is_empty() => {}
                    None => warn("no related stories", "an http(s) or relative URL or #id"),
                },
                "data-related-limit" => match trimmed.parse::<u8>() {
                    Ok(n) if n <= MAX_RELATED_LIMIT => config.related_limit = n,
                    _ => warn("5", "a whole number from 0 to 20"),
                },
                "data-reply-endpoint" => match safe_url(trimmed) {
                    Some(url) => config.reply_endpoint = Some(url),
                    None if trimmed.is_empty() => {}
                    None => warn(
                        "the article's discussionUrl, else demo mode",
                        "an http(s) or relative URL",
                    ),
                },
                "data-reply-format" => match trimmed.to_ascii_lowercase().as_str() {
                    "json" => config.reply_format = ReplyFormat::Json,
                    "form" => config.reply_format = ReplyFormat::Form,
                    _ => warn("\"json\"", "\"json\" or \"form\""),
                },
                "data-post-id" => {
                    if trimmed.is_empty() {
                        warn("the article's identifier or url", "a post id");
                    } else {
                        config.post_id = Some(trimmed.to_owned());
                    }
                }
                "data-require-name-email" => match parse_bool(trimmed) {
                    Some(b) => config.require_name_email = b,
                    None => warn("\"true\"", "\"true\" or \"false\""),
                },
                "data-replies" => match trimmed.to_ascii_lowercase().as_str() {
                    "open" => config.replies_open = true,
                    "closed" => config.replies_open = false,
                    _ => warn("\"open\"", "\"open\" or \"closed\""),
                },
                "data-replies-src" => match safe_url(trimmed) {
                    Some(url) => config.replies_src = Some(url),
                    None => warn("the default thread source", "an http(s) or relative URL"),
                },
                "data-lang" => match valid_language_tag(trimmed) {
                    // "pt_BR" passes the check; Intl only accepts "pt-BR".
                    true => config.lang = Some(trimmed.replace('_', "-")),
                    false => warn(
                        "the page's language",
                        "a BCP 47 language tag such as \"en\" or \"pt-BR\"",
                    ),
                },
                "data-theme" => match trimmed.to_ascii_lowercase().as_str() {
                    "auto" => config.theme = Theme::Auto,
                    "light" => config.theme = Theme::Light,
                    "dark" => config.theme = Theme::Dark,
                    _ => warn("\"auto\"", "\"auto\", \"light\" or \"dark\""),
                },
                "data-isolate" => match trimmed.to_ascii_lowercase().as_str() {
                    "none" => config.shadow = false,
                    "shadow" => config.shadow = true,
                    _ => warn("\"none\"", "\"none\" or \"shadow\""),
                },
                "data-loading" => match trimmed.to_ascii_lowercase().as_str() {
                    "eager" => config.loading = Some(Loading::Eager),
                    "lazy" => config.loading = Some(Loading::Lazy),
                    "idle" => config.loading = Some(Loading::Idle),
                    _ => warn(
                        "the default (\"eager\", or \"idle\" when pre-rendered)",
                        "\"eager\", \"lazy\" or \"idle\"",
                    ),
                },
                "data-article-body" => match trimmed.strip_prefix('#') {
                    _ if trimmed.is_empty() => config.article_body = BodySource::Default,
                    _ if trimmed.eq_ignore_ascii_case("text") => {
                        config.article_body = BodySource::Text
                    }
                    Some(id) if !id.is_empty() && !id.contains(char::is_whitespace) => {
                        config.article_body = BodySource::ElementId(id.to_owned())
                    }
                    _ => warn(
                        "the host's [itemprop=\"articleBody\"], else the articleBody text",
                        "\"text\" or #id",
                    ),
                },
                "data-reply-action" => match safe_url(trimmed) {
                    Some(url) => config.reply_action = Some(url),
                    None if trimmed.is_empty() => {}
                    None => warn("no plain form", "an http(s) or relative URL"),
                },
                "data-reply-nonce" => {
                    if !trimmed.is_empty() {
                        config.reply_nonce = Some(trimmed.to_owned());
                    }
                }
                "data-reply-nonce-src" => match safe_url(trimmed) {
                    Some(url) => config.reply_nonce_src = Some(url),
                    None if trimmed.is_empty() => {}
                    None => warn("no fresh nonce", "an http(s) or relative URL"),
                },
                "data-reply-as" => {
                    if !trimmed.is_empty() {
                        config.reply_as = Some(trimmed.to_owned());
                    }
                }
                other => {
                    if let Some(key) = other.strip_prefix("data-text-") {
                        match TextKey::from_attribute(key) {
                            // An empty string would leave a button or label without a name.
                            Some(_) if trimmed.is_empty() => {
                                warn("the built-in text", "a text that is not blank")
                            }
                            Some(key) => config.texts.push((key, value.to_owned())),
                            None => warn(
                                "nothing (ignored)",
                                "a known text key (Byline's docs list them)",
                            ),
                        }
                    }
                }
            }
        }
        (config, warnings)
    }
}

impl Config {
    /// When this host starts: `data-loading` as written, else eager, or idle when the host
    /// was pre-rendered.
    pub fn loading_for(&self, prerendered: bool) -> Loading {
        self.loading.unwrap_or(if prerendered {
            Loading::Idle
        } else {
            Loading::Eager
        })
    }

    /// Where a plain (script-free) form posts: `data-reply-action`, else in `form` mode the
    /// reply endpoint; none in `json` mode without `data-reply-action`.
    pub fn form_action(&self) -> Option<&str> {
        self.reply_action.as_deref().or(match self.reply_format {
            ReplyFormat::Form => self.reply_endpoint.as_deref(),
            ReplyFormat::Json => None,
        })
    }
}

/// `jsonld` (only where allowed), `#id`, or a safe URL.
fn parse_source(value: &str, allow_jsonld: bool) -> Option<Source> {
    if allow_jsonld && (value.is_empty() || value.eq_ignore_ascii_case("jsonld")) {
        return Some(Source::JsonLd);
    }
    if let Some(id) = value.strip_prefix('#') {
        return (!id.is_empty() && !id.contains(char::is_whitespace))
            .then(|| Source::ElementId(id.to_owned()));
    }
    if value.is_empty() {
        return None;
    }
    safe_url(value).map(Source::Url)
}

fn parse_bool(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// A structural check of a BCP 47 tag: subtags of 1-8 ASCII letters or digits separated by
/// hyphens, the first 2-8 letters (or `i`/`x` for private use).
pub fn valid_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let Some(first) = parts.next() else {
        return false;
    };
    let first_ok = ((2..=8).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic()))
        || first.eq_ignore_ascii_case("x")
        || first.eq_ignore_ascii_case("i");
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}
