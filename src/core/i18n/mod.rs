//! Interface strings: one key list, English built in, translations read from
//! `locales/<tag>.json` (fetched beside byline.js when a widget needs one), `data-text-<key>`
//! overrides and plural-aware formatting. Plural categories come from the browser
//! (`Intl.PluralRules`); this module only picks the matching variant.

mod en;

use serde_json::Value;
use std::fmt;
use std::rc::Rc;

macro_rules! text_keys {
    ($($variant:ident => $attr:literal,)*) => {
        /// Every interface string. The attribute name is the `data-text-<key>` suffix.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum TextKey { $($variant,)* }

        impl TextKey {
            /// All keys, in table order.
            pub const ALL: &'static [TextKey] = &[$(TextKey::$variant,)*];

            /// The key as written in `data-text-<key>`.
            pub fn attribute(self) -> &'static str {
                match self { $(TextKey::$variant => $attr,)* }
            }

            /// The key for a `data-text-<key>` suffix.
            pub fn from_attribute(name: &str) -> Option<TextKey> {
                match name { $($attr => Some(TextKey::$variant),)* _ => None }
            }
        }
    };
}

text_keys! {
    Loading => "loading",
    Retry => "retry",
    ArticleError => "article-error",
    Crashed => "crashed",
    By => "by",
    And => "and",
    Updated => "updated",
    ReadingTime => "reading-time",
    ShowMore => "show-more",
    PublishedBy => "published-by",
    Canonical => "canonical",
    RelatedHeading => "related-heading",
    RelatedCount => "related-count",
    ReplyHeading => "reply-heading",
    ReplyNotes => "reply-notes",
    RequiredNote => "required-note",
    Required => "required",
    Comment => "comment",
    Name => "name",
    Email => "email",
    Website => "website",
    SaveDetails => "save-details",
    Submit => "submit",
    Sending => "sending",
    ErrorSummaryTitle => "error-summary-title",
    ErrorPrefix => "error-prefix",
    CommentRequired => "comment-required",
    NameRequired => "name-required",
    EmailRequired => "email-required",
    EmailInvalid => "email-invalid",
    WebsiteInvalid => "website-invalid",
    TooLong => "too-long",
    Published => "published",
    AwaitingModeration => "awaiting-moderation",
    DemoMode => "demo-mode",
    DraftRestored => "draft-restored",
    Duplicate => "duplicate",
    Flood => "flood",
    RateLimited => "rate-limited",
    LoginRequired => "login-required",
    RepliesClosed => "replies-closed",
    InvalidPost => "invalid-post",
    ServerError => "server-error",
    NetworkError => "network-error",
    Offline => "offline",
    Timeout => "timeout",
    ReplyCount => "reply-count",
    ShowMoreReplies => "show-more-replies",
    Reply => "reply",
    ReplyingTo => "replying-to",
    CancelReply => "cancel-reply",
    InReplyTo => "in-reply-to",
    Pending => "pending",
    LoggedInAs => "logged-in-as",
}

/// Number of keys; the English table has exactly this many entries.
pub const KEY_COUNT: usize = TextKey::ALL.len();

/// The built-in English string for a key (the fallback for every language).
pub fn english(key: TextKey) -> &'static str {
    en::TEXTS[key as usize]
}

/// The languages with a translation file, `locales/<tag>.json` beside `byline.js`.
pub const TRANSLATIONS: &[&str] = &[
    "ar", "de", "es", "fr", "he", "ja", "ko", "pt", "ru", "uk", "zh",
];

/// The translation file a BCP 47 tag needs (by its primary language); `None` for English and
/// for languages without one, which render in English.
pub fn translation_for(tag: &str) -> Option<&'static str> {
    let primary = match primary_subtag(tag) {
        // The withdrawn code for Hebrew, still found in old pages.
        iw if iw.eq_ignore_ascii_case("iw") => "he",
        primary => primary,
    };
    TRANSLATIONS
        .iter()
        .find(|t| t.eq_ignore_ascii_case(primary))
        .copied()
}

/// The language part of a tag: `pt` of `pt-BR` (or of `pt_BR`).
fn primary_subtag(tag: &str) -> &str {
    tag.trim().split(['-', '_']).next().unwrap_or("")
}

/// The strings of one translation file. Keys it lacks (or does not know) fall back to
/// English, so an older or partial file still works.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Translation {
    texts: Vec<(TextKey, String)>,
}

impl Translation {
    /// The translated string for a key, if the file has one (the last, if it repeats).
    pub fn get(&self, key: TextKey) -> Option<&str> {
        last_for(&self.texts, key)
    }
}

/// The last string given for `key` in a list of key/string pairs (a later one wins).
fn last_for(entries: &[(TextKey, String)], key: TextKey) -> Option<&str> {
    entries
        .iter()
        .rev()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.as_str())
}

/// Why a translation file could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum TranslationError {
    /// The file is not JSON (serde's reason, with line and column).
    NotJson(String),
    /// The JSON has no `"texts"` object.
    NoTexts,
}

impl fmt::Display for TranslationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TranslationError::NotJson(e) => write!(f, "it is not JSON ({e})"),
            TranslationError::NoTexts => {
                f.write_str("it has no \"texts\" object of key/string pairs")
            }
        }
    }
}

/// Reads a translation file: `{"lang": "de", "texts": {"<key>": "<string>", …}}`, keys as in
/// `data-text-<key>`. Unknown keys, non-string values and blank strings are skipped.
pub fn parse_translation(text: &str) -> Result<Translation, TranslationError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| TranslationError::NotJson(e.to_string()))?;
    let Some(Value::Object(entries)) = value.get("texts") else {
        return Err(TranslationError::NoTexts);
    };
    let texts = entries
        .iter()
        .filter_map(|(name, value)| {
            let key = TextKey::from_attribute(name)?;
            let text = value.as_str().filter(|t| !t.trim().is_empty())?;
            Some((key, text.to_owned()))
        })
        .collect();
    Ok(Translation { texts })
}

/// The strings a widget uses: a locale plus the publisher's overrides.
#[derive(Clone, Debug, PartialEq)]
pub struct Texts {
    /// The language tag the widget renders in (`lang` attribute, `Intl`).
    pub lang: String,
    pub rtl: bool,
    translation: Option<Rc<Translation>>,
    overrides: Vec<(TextKey, String)>,
}

impl Texts {
    /// Strings for `lang`: the publisher's overrides, then the translation (when the
    /// language has one and it loaded), then English.
    pub fn new(
        lang: &str,
        translation: Option<Rc<Translation>>,
        overrides: Vec<(TextKey, String)>,
    ) -> Texts {
        Texts {
            lang: lang.to_owned(),
            rtl: is_rtl_language(lang),
            translation,
            overrides,
        }
    }

    /// The raw string for a key (a plural pattern stays unresolved).
    pub fn get(&self, key: TextKey) -> &str {
        self.overridden(key)
            .or_else(|| self.translation.as_deref().and_then(|t| t.get(key)))
            .unwrap_or_else(|| english(key))
    }

    /// The language of the string [`Texts::get`] gives for `key`: the widget's, or `en` when
    /// it falls back to the built-in English (plural rules and digits must match the words).
    pub fn lang_of(&self, key: TextKey) -> &str {
        let own = self.overridden(key).is_some()
            || self
                .translation
                .as_deref()
                .and_then(|t| t.get(key))
                .is_some()
            || primary_subtag(&self.lang).eq_ignore_ascii_case("en");
        if own {
            &self.lang
        } else {
            "en"
        }
    }

    /// The publisher's `data-text-<key>` for `key`, if any.
    pub fn overridden(&self, key: TextKey) -> Option<&str> {
        last_for(&self.overrides, key)
    }

    /// The string with `{name}` placeholders filled in.
    pub fn format(&self, key: TextKey, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// A plural-aware string: `category` is the CLDR plural category of `count`
    /// (`zero`, `one`, `two`, `few`, `many`, `other`); `{n}` is filled with `count_text`.
    pub fn plural(
        &self,
        key: TextKey,
        category: &str,
        count_text: &str,
        args: &[(&str, &str)],
    ) -> String {
        let pattern = pick_plural(self.get(key), category);
        let mut all = vec![("n", count_text)];
        all.extend_from_slice(args);
        fill(pattern, &all)
    }

    /// A count of things: [`Texts::plural`] with `{n}` = `count_text`, except that a `zero:`
    /// variant wins for 0 in every language ("No replies" reads better than "0 replies"),
    /// not only in those whose plural rules have a zero category.
    pub fn count(&self, key: TextKey, n: usize, category: &str, count_text: &str) -> String {
        let has_zero = self.get(key).split('|').any(|v| v.starts_with("zero:"));
        let category = if n == 0 && has_zero { "zero" } else { category };
        self.plural(key, category, count_text, &[])
    }
}

/// True for languages written right to left, built-in or not (Arabic, Hebrew, Persian,
/// Urdu, Pashto, Sindhi, Uyghur, Yiddish, Dhivehi, Kurdish in Arabic script).
pub fn is_rtl_language(tag: &str) -> bool {
    let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
    let primary = lower.split('-').next().unwrap_or("");
    matches!(
        primary,
        "ar" | "he" | "iw" | "fa" | "ur" | "ps" | "sd" | "ug" | "yi" | "dv" | "ckb"
    ) || lower.split('-').any(|sub| sub == "arab" || sub == "hebr")
}

/// Picks the variant for `category` from `one:…|few:…|other:…`; `other` when the
/// category is absent; the whole string when it has no variants.
pub fn pick_plural<'a>(pattern: &'a str, category: &str) -> &'a str {
    let variants = || {
        pattern.split('|').filter_map(|v| {
            let (cat, text) = v.split_once(':')?;
            matches!(cat, "zero" | "one" | "two" | "few" | "many" | "other").then_some((cat, text))
        })
    };
    if variants().next().is_none() {
        return pattern;
    }
    variants()
        .find(|(c, _)| *c == category)
        .or_else(|| variants().find(|(c, _)| *c == "other"))
        .map(|(_, t)| t)
        .unwrap_or(pattern)
}

/// Replaces each `{name}` with its value, in one pass: values (reader and server text) are
/// inserted literally and never expanded again.
pub fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let arg = rest[1..].find('}').and_then(|close| {
            let name = &rest[1..close + 1];
            let (_, value) = args.iter().find(|(n, _)| *n == name)?;
            Some((close + 2, *value))
        });
        match arg {
            Some((end, value)) => {
                out.push_str(value);
                rest = &rest[end..];
            }
            None => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
