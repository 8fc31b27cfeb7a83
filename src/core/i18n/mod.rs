//! Interface strings: one key list, one table per locale, `data-text-<key>` overrides and
//! plural-aware formatting. Plural categories come from the browser (`Intl.PluralRules`);
//! this module only picks the matching variant.

mod ar;
mod de;
mod en;
mod es;
mod fr;
mod he;
mod ja;
mod ko;
mod pt;
mod ru;
mod uk;
mod zh;

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
}

/// Number of keys; every locale table has exactly this many entries.
pub const KEY_COUNT: usize = TextKey::ALL.len();

/// One built-in locale.
pub struct Locale {
    /// BCP 47 tag (primary language, optionally with region).
    pub tag: &'static str,
    /// Right-to-left script.
    pub rtl: bool,
    /// The strings, in [`TextKey::ALL`] order.
    pub texts: [&'static str; KEY_COUNT],
}

/// The built-in locales; the first is the fallback.
pub const LOCALES: &[&Locale] = &[
    &en::LOCALE,
    &ar::LOCALE,
    &de::LOCALE,
    &es::LOCALE,
    &fr::LOCALE,
    &he::LOCALE,
    &ja::LOCALE,
    &ko::LOCALE,
    &pt::LOCALE,
    &ru::LOCALE,
    &uk::LOCALE,
    &zh::LOCALE,
];

/// The best built-in locale for a BCP 47 tag: exact match, then the primary language,
/// else English.
pub fn locale_for(tag: &str) -> &'static Locale {
    let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
    let primary = tag.split('-').next().unwrap_or("");
    LOCALES
        .iter()
        .find(|l| l.tag.eq_ignore_ascii_case(&tag))
        .or_else(|| LOCALES.iter().find(|l| l.tag.eq_ignore_ascii_case(primary)))
        .copied()
        .unwrap_or(LOCALES[0])
}

/// The strings a widget uses: a locale plus the publisher's overrides.
#[derive(Clone, Debug, PartialEq)]
pub struct Texts {
    /// The language tag the widget renders in (`lang` attribute, `Intl`).
    pub lang: String,
    pub rtl: bool,
    table: &'static [&'static str; KEY_COUNT],
    overrides: Vec<(TextKey, String)>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag)
    }
}

impl Texts {
    /// Strings for `lang`, with overrides taking precedence.
    pub fn new(lang: &str, overrides: Vec<(TextKey, String)>) -> Texts {
        let locale = locale_for(lang);
        Texts {
            lang: lang.to_owned(),
            rtl: locale.rtl || is_rtl_language(lang),
            table: &locale.texts,
            overrides,
        }
    }

    /// The raw string for a key (a plural pattern stays unresolved).
    pub fn get(&self, key: TextKey) -> &str {
        self.overridden(key).unwrap_or(self.table[key as usize])
    }

    /// The publisher's `data-text-<key>` for `key`, if any.
    pub fn overridden(&self, key: TextKey) -> Option<&str> {
        self.overrides
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
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
