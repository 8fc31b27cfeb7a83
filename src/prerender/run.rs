//! `scripts/prerender [--root DIR] FILE.html...`: each file is read, each host rendered from
//! the page's own data or local files (nothing is fetched), and the file replaced in one
//! rename. A host that cannot be rendered is left as it was, with one line saying why.

use super::html::{self, Found};
use super::page::{self, Host, Page};
use super::render::widget_markup;
use super::xml;
use crate::components::widget::Prefetched;
use crate::core::article::{self, Article};
use crate::core::body::{cut_warning, Body, Rules, SourceProblem};
use crate::core::config::{BodySource, Config, Source};
use crate::core::feed::{self, FeedError, Story, Syntax};
use crate::core::i18n::{parse_translation, translation_for, Texts};
use crate::core::url::resolve;
use crate::services::intl;
use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

/// The translation files, built in (`locales/<tag>.json`, as the browser loads them).
const LOCALES: &[(&str, &str)] = &[
    ("ar", include_str!("../../locales/ar.json")),
    ("de", include_str!("../../locales/de.json")),
    ("es", include_str!("../../locales/es.json")),
    ("fr", include_str!("../../locales/fr.json")),
    ("he", include_str!("../../locales/he.json")),
    ("ja", include_str!("../../locales/ja.json")),
    ("ko", include_str!("../../locales/ko.json")),
    ("pt", include_str!("../../locales/pt.json")),
    ("ru", include_str!("../../locales/ru.json")),
    ("uk", include_str!("../../locales/uk.json")),
    ("zh", include_str!("../../locales/zh.json")),
];

/// Largest data file read (an article or a feed).
pub const MAX_DATA_BYTES: u64 = 64 * 1024 * 1024;

/// One line of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// An error makes the exit status 1; a warning (a host deliberately left to the browser)
    /// does not.
    pub error: bool,
    pub text: String,
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.error { "error" } else { "warning" };
        write!(f, "prerender: {kind}: {}", self.text)
    }
}

/// What happened to the files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub lines: Vec<Line>,
    /// Hosts written.
    pub rendered: usize,
    /// Files replaced.
    pub written: usize,
}

impl Report {
    pub fn failed(&self) -> bool {
        self.lines.iter().any(|l| l.error)
    }
    fn error(&mut self, text: String) {
        self.lines.push(Line { error: true, text });
    }
    fn warning(&mut self, text: String) {
        self.lines.push(Line { error: false, text });
    }
}

/// Why a host stays as it was.
enum Skip {
    /// Something is wrong: an error line.
    Failed(String),
    /// Left to the browser on purpose: a warning line.
    ClientSide(String),
}

/// Pre-renders `files`; `root` is where `/`-rooted URLs are found (each file's folder when
/// `None`).
pub fn run(files: &[PathBuf], root: Option<&Path>) -> Report {
    let mut report = Report::default();
    for file in files {
        process(file, root, &mut report);
    }
    report
}

fn process(file: &Path, root: Option<&Path>, report: &mut Report) {
    let name = file.display().to_string();
    let html = match read_page(file) {
        Ok(html) => html,
        Err(why) => return report.error(format!("{name}: {why}")),
    };
    let page = match page::scan(&html) {
        Ok(page) => page,
        Err(why) => return report.error(format!("{name}: {why}")),
    };
    let folder = file
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let root = root
        .map(Path::to_path_buf)
        .unwrap_or_else(|| folder.clone());
    let place = Place::new(file, &folder, &root);
    // The same page as a tree, for the hosts' body sources (CONTRACT 3b).
    let tree = html::parse(&html);
    let mut markup = HashMap::new();
    for host in &page.hosts {
        let mut notes = Vec::new();
        let data = PageData {
            page: &page,
            tree: &tree,
        };
        let result = render_host(&data, host, &place, &mut notes);
        for note in notes {
            report.warning(format!("{name}: {}: {note}", host.describe()));
        }
        match result {
            Ok(inner) => {
                markup.insert(host.number, inner);
            }
            Err(Skip::Failed(why)) => report.error(format!(
                "{name}: {}: not pre-rendered: {why}",
                host.describe()
            )),
            Err(Skip::ClientSide(why)) => report.warning(format!(
                "{name}: {}: left to the browser: {why}",
                host.describe()
            )),
        }
    }
    if markup.is_empty() {
        return;
    }
    let out = match page::rewrite(&html, &page, &markup) {
        Ok(out) => out,
        Err(why) => return report.error(format!("{name}: {why}")),
    };
    if out == html.as_bytes() {
        report.rendered += markup.len();
        return;
    }
    match replace_file(file, &out) {
        Ok(()) => {
            report.rendered += markup.len();
            report.written += 1;
        }
        Err(why) => report.error(format!("{name}: {why}; the file is unchanged")),
    }
}

/// The file's text, when it is an HTML file in UTF-8.
fn read_page(file: &Path) -> Result<String, String> {
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let metadata = fs::metadata(file).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        _ => format!("cannot be read ({e})"),
    })?;
    if !metadata.is_file() {
        return Err("is not a file".to_owned());
    }
    if !matches!(extension.as_str(), "html" | "htm") {
        return Err("is not an HTML file (a .html or .htm name is expected)".to_owned());
    }
    let bytes = fs::read(file).map_err(|e| format!("cannot be read ({e})"))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        "is not an HTML file in UTF-8 (only UTF-8 pages are pre-rendered)".to_owned()
    })?;
    if text.contains('\0') || !text.contains('<') {
        return Err("is not an HTML file (it holds no markup)".to_owned());
    }
    Ok(text)
}

/// Writes `bytes` to a new file beside `file` and renames it over `file`: the file is
/// either wholly old or wholly new. A read-only file is not replaced.
fn replace_file(file: &Path, bytes: &[u8]) -> Result<(), String> {
    let metadata = fs::metadata(file).map_err(|e| format!("cannot be written ({e})"))?;
    if metadata.permissions().readonly() {
        return Err("cannot be written (it is read-only)".to_owned());
    }
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let base = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = folder.join(format!(".{base}.prerender-{}.tmp", std::process::id()));
    let result = (|| {
        let mut out = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        out.write_all(bytes)?;
        out.sync_all()?;
        fs::set_permissions(&temp, metadata.permissions())?;
        fs::rename(&temp, file)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&temp);
        format!("cannot be written ({e})")
    })
}

/// Where a page is, for finding the files its URLs name.
struct Place {
    folder: PathBuf,
    root: PathBuf,
    /// The page's path below the root, as a URL path (`/news/a.html`), when it is there.
    url_path: Option<String>,
}

impl Place {
    fn new(file: &Path, folder: &Path, root: &Path) -> Place {
        let absolute = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let url_path = absolute(file).strip_prefix(absolute(root)).ok().map(|rel| {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            format!("/{}", parts.join("/"))
        });
        Place {
            folder: folder.to_path_buf(),
            root: root.to_path_buf(),
            url_path,
        }
    }

    /// The local file a URL names: `/`-rooted under the root, relative against the page's
    /// folder; `..` never climbs above the root (as in a browser it never climbs above the
    /// site). Absolute `http(s)` URLs are not files: `Err` says so.
    fn file_for(&self, url: &str) -> Result<PathBuf, Skip> {
        let trimmed = url.trim();
        let lower = trimmed.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
        {
            return Err(Skip::ClientSide(format!(
                "{trimmed} is a remote URL, which the pre-renderer never fetches"
            )));
        }
        let path_part = trimmed.split(['?', '#']).next().unwrap_or("");
        let (base, page_path) = match (&self.url_path, path_part.starts_with('/')) {
            (_, true) => (&self.root, "/".to_owned()),
            (Some(page), false) => (&self.root, page.clone()),
            (None, false) => (&self.folder, "/page".to_owned()),
        };
        let resolved = resolve(&format!("file://site{page_path}"), path_part)
            .ok_or_else(|| Skip::Failed(format!("{trimmed} is not a usable URL")))?;
        let path = resolved
            .strip_prefix("file://site")
            .unwrap_or(&resolved)
            .to_owned();
        let mut out = base.clone();
        for segment in percent_decode(&path).split('/') {
            if segment.is_empty() || segment == "." || segment == ".." {
                continue;
            }
            let piece = Path::new(segment);
            if piece
                .components()
                .any(|c| !matches!(c, Component::Normal(_)))
            {
                return Err(Skip::Failed(format!("{trimmed} is not a usable path")));
            }
            out.push(piece);
        }
        Ok(out)
    }
}

fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A data file's text (an article or a feed).
fn read_data(path: &Path, url: &str) -> Result<String, Skip> {
    let failed = |why: String| Skip::Failed(format!("{url} ({}) {why}", path.display()));
    let metadata = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => failed("does not exist".into()),
        _ => failed(format!("cannot be read ({e})")),
    })?;
    if !metadata.is_file() {
        return Err(failed("is not a file".into()));
    }
    if metadata.len() > MAX_DATA_BYTES {
        return Err(failed(format!(
            "is larger than {} MB",
            MAX_DATA_BYTES / 1024 / 1024
        )));
    }
    let bytes = fs::read(path).map_err(|e| failed(format!("cannot be read ({e})")))?;
    String::from_utf8(bytes).map_err(|_| failed("is not UTF-8 text".into()))
}

/// The host's language: `data-lang`, else `<html lang>`, else English; the first usable.
fn language(config: &Config, page: &Page) -> String {
    [config.lang.clone(), page.lang.clone()]
        .into_iter()
        .flatten()
        .map(|tag| tag.trim().replace('_', "-"))
        .find(|tag| !tag.is_empty() && intl::is_supported(tag))
        .unwrap_or_else(|| "en".to_owned())
}

/// The strings for a language (its translation file, else English) and the overrides.
pub fn texts_for(lang: &str, config: &Config) -> Texts {
    let translation = translation_for(lang)
        .and_then(|tag| LOCALES.iter().find(|(t, _)| *t == tag))
        .and_then(|(_, json)| parse_translation(json).ok())
        .map(Rc::new);
    Texts::new(lang, translation, config.texts.clone())
}

/// A page as the scanner read it, and as a tree.
struct PageData<'a> {
    page: &'a Page,
    tree: &'a markup5ever_rcdom::RcDom,
}

/// The host's body from its source; problems and a cut body are noted.
fn read_body(
    data: &PageData,
    host: &Host,
    config: &Config,
    notes: &mut Vec<String>,
) -> Option<Rc<Body>> {
    let body = match html::body_source(data.tree, host.number, &config.article_body) {
        Found::Text => return None,
        Found::Unusable(problem) => {
            notes.push(problem.to_string());
            return None;
        }
        Found::Html(source) => html::article_body(&source),
    };
    if body.is_empty() {
        if let BodySource::ElementId(id) = &config.article_body {
            notes.push(SourceProblem::Empty(id.clone()).to_string());
        }
        return None;
    }
    if body.cut {
        notes.push(cut_warning(Rules::Article));
    }
    Some(Rc::new(body))
}

fn render_host(
    data: &PageData,
    host: &Host,
    place: &Place,
    notes: &mut Vec<String>,
) -> Result<String, Skip> {
    let page = data.page;
    if host.nested {
        return Err(Skip::Failed(
            "it is inside another [data-byline] element".into(),
        ));
    }
    if host.void {
        return Err(Skip::Failed(
            "it is a void element (such as <img>), which cannot hold the widget".into(),
        ));
    }
    if host.end_tag.is_none() {
        return Err(Skip::Failed(
            "its end tag is missing, so where it ends is for the browser to guess".into(),
        ));
    }
    if host.template {
        return Err(Skip::Failed(
            "it holds a <template>, page data the pre-renderer cannot carry over".into(),
        ));
    }
    let attributes = host
        .attributes
        .iter()
        .filter(|(n, _)| n.starts_with("data-") && n != page::MARK && n != "data-byline-state")
        .map(|(n, v)| (n.as_str(), v.as_str()));
    let (config, warnings) = Config::from_attributes(attributes);
    // Invalid values fall back to their defaults, as in the browser (which warns in the
    // console): said here as warning lines.
    for warning in warnings {
        notes.push(warning.to_string());
    }
    if config.shadow {
        return Err(Skip::ClientSide(
            "data-isolate=\"shadow\" hosts render in a shadow root, which only the browser makes"
                .into(),
        ));
    }
    let article = read_article(page, &config, place)?;
    let related = match &config.related {
        Some(source) if config.related_limit > 0 => Some(Rc::new(read_related(
            page, source, &article, &config, place,
        )?)),
        _ => None,
    };
    let lang = language(&config, page);
    let texts = texts_for(&lang, &config);
    let id = format!("byline-{}", host.number);
    let body = read_body(data, host, &config, notes);
    let mut inner = widget_markup(
        config,
        texts,
        &id,
        Prefetched {
            article: Rc::new(article),
            related,
        },
        body,
    );
    // Page data in the host stays (the widget keeps it too).
    for &i in &host.scripts {
        inner.push_str(&page.scripts[i].to_html());
    }
    Ok(inner)
}

fn read_article(page: &Page, config: &Config, place: &Place) -> Result<Article, Skip> {
    let failed = |why: String| Skip::Failed(why);
    match &config.article {
        Source::JsonLd => article::from_documents(page.json_ld_blocks())
            .map_err(|e| failed(format!("data-article=\"jsonld\": {e}"))),
        Source::ElementId(id) => {
            let text = page.inline_json(id).ok_or_else(|| {
                failed(format!(
                    "data-article=\"#{id}\" names no <script type=\"application/ld+json\"> or \"application/json\" element in the page"
                ))
            })?;
            article::from_document(text).map_err(|e| failed(format!("data-article=\"#{id}\": {e}")))
        }
        Source::Url(url) => {
            let path = place.file_for(url)?;
            let text = read_data(&path, url)?;
            article::from_document(&text)
                .map_err(|e| failed(format!("data-article=\"{url}\" ({}): {e}", path.display())))
        }
    }
}

fn read_related(
    page: &Page,
    source: &Source,
    article: &Article,
    config: &Config,
    place: &Place,
) -> Result<Vec<Story>, Skip> {
    // The page's address is not known here: the article's canonical URL stands for it (as
    // the base of relative links and as the self-link skipped in the feed).
    let canonical = article
        .url
        .clone()
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let (text, base, name) = match source {
        Source::Url(url) => {
            let path = place.file_for(url)?;
            let text = read_data(&path, url)?;
            let base = canonical
                .as_deref()
                .and_then(|c| resolve(c, url))
                .unwrap_or_default();
            (
                text,
                base,
                format!("data-related=\"{url}\" ({})", path.display()),
            )
        }
        Source::ElementId(id) => {
            let script = page.script_by_id(id).ok_or_else(|| {
                Skip::Failed(format!(
                    "data-related=\"#{id}\" names no <script> element in the page"
                ))
            })?;
            (
                script.text.clone(),
                canonical.clone().unwrap_or_default(),
                format!("data-related=\"#{id}\""),
            )
        }
        Source::JsonLd => return Ok(Vec::new()),
    };
    let parsed: Result<Vec<feed::RawItem>, FeedError> = match feed::detect(&text) {
        Ok(Syntax::Json) => feed::parse_json(&text),
        Ok(Syntax::Xml) => xml::parse(&text),
        Err(e) => Err(e),
    };
    let items = parsed.map_err(|e| Skip::Failed(format!("{name}: {e}")))?;
    let current: Vec<String> = canonical.into_iter().collect();
    Ok(feed::select(
        items,
        &base,
        &current,
        config.related_limit as usize,
    ))
}
