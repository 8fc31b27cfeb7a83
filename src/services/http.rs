//! One request function over `fetch` (through `gloo-net`), with a timeout and abort, returning
//! the status, the headers the widget reads and the body as text (in its declared encoding).
//! Every caller goes through [`request`].

use crate::core::charset::declared_charset;
pub use gloo_net::http::Method;
use gloo_net::http::{Request, RequestBuilder};
use gloo_timers::callback::Timeout;
use std::cell::Cell;
use std::fmt;
use std::rc::Rc;
use web_sys::{AbortController, RequestRedirect, ResponseType};

/// How long a request may take before it is abandoned.
pub const TIMEOUT_MS: u32 = 15_000;

/// What came back.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    /// True when the request was redirected (a followed 302 from `wp-comments-post.php`).
    pub redirected: bool,
    /// The final URL (after redirects).
    pub url: String,
    pub content_type: String,
    pub retry_after: Option<String>,
    pub total_pages: Option<String>,
    /// `X-WP-Total`: the number of items in a collection.
    pub total: Option<String>,
    pub body: String,
}

/// Why nothing usable came back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HttpError {
    /// The browser is offline.
    Offline,
    /// No answer within the time limit.
    Timeout,
    /// The connection failed, CORS refused, or the request could not be made.
    Network(String),
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::Offline => write!(f, "the browser is offline"),
            HttpError::Timeout => write!(f, "no answer within {} s", TIMEOUT_MS / 1000),
            HttpError::Network(detail) => write!(f, "network error ({detail})"),
        }
    }
}

/// A request to make.
pub struct HttpRequest<'a> {
    pub method: Method,
    pub url: &'a str,
    pub accept: &'a str,
    /// Content type and body.
    pub body: Option<(&'a str, String)>,
    /// Follow redirects (`false`: a redirect is answered as status 302 with no body, which
    /// works across origins too).
    pub follow: bool,
    /// A WordPress `wp_rest` nonce, sent as `X-WP-Nonce` (a signed-in reader), and only to
    /// the page's own origin: it lets whoever receives it act as the reader there.
    pub wp_nonce: Option<&'a str>,
}

impl<'a> HttpRequest<'a> {
    /// A GET accepting `accept`.
    pub fn get(url: &'a str, accept: &'a str) -> Self {
        HttpRequest {
            method: Method::GET,
            url,
            accept,
            body: None,
            follow: true,
            wp_nonce: None,
        }
    }
}

/// A GET whose answer counts only when it is a 2xx; the error says what went wrong, for a
/// console message ("the server answered HTTP 404", "the browser is offline", …).
pub async fn get_ok(url: &str, accept: &str) -> Result<HttpResponse, String> {
    let response = request(HttpRequest::get(url, accept))
        .await
        .map_err(|e| e.to_string())?;
    if !(200..300).contains(&response.status) {
        return Err(format!("the server answered HTTP {}", response.status));
    }
    Ok(response)
}

/// True when `url` (absolute, or relative to the page) is on the page's own origin.
pub fn is_same_origin(url: &str) -> bool {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return false;
    };
    let (Ok(page), Ok(origin)) = (location.href(), location.origin()) else {
        return false;
    };
    web_sys::Url::new_with_base(url, &page).is_ok_and(|target| target.origin() == origin)
}

fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// Sends the request; resolves with whatever status the server answered.
pub async fn request(req: HttpRequest<'_>) -> Result<HttpResponse, HttpError> {
    if is_offline() {
        return Err(HttpError::Offline);
    }
    let network = |e: &dyn fmt::Display| HttpError::Network(e.to_string());
    let controller = AbortController::new().map_err(|_| network(&"no AbortController"))?;
    let mut builder = RequestBuilder::new(req.url)
        .method(req.method)
        .header("Accept", req.accept)
        .abort_signal(Some(&controller.signal()));
    if !req.follow {
        builder = builder.redirect(RequestRedirect::Manual);
    }
    if let Some(nonce) = req.wp_nonce.filter(|_| is_same_origin(req.url)) {
        builder = builder.header("X-WP-Nonce", nonce);
    }
    let request = match req.body {
        Some((content_type, body)) => builder
            .header("Content-Type", content_type)
            .body(body)
            .map_err(|e| network(&e))?,
        None => builder.build().map_err(|e| network(&e))?,
    };
    // Dropping the timer (when the answer came first) cancels it.
    let timed_out = Rc::new(Cell::new(false));
    let _timeout = {
        let timed_out = timed_out.clone();
        Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    send_and_read(request).await.map_err(|error| {
        if timed_out.get() {
            HttpError::Timeout
        } else if is_offline() {
            HttpError::Offline
        } else {
            network(&error)
        }
    })
}

async fn send_and_read(request: Request) -> Result<HttpResponse, gloo_net::Error> {
    let response = request.send().await?;
    if response.type_() == ResponseType::Opaqueredirect {
        return Ok(HttpResponse {
            status: 302,
            redirected: true,
            url: String::new(),
            content_type: String::new(),
            retry_after: None,
            total_pages: None,
            total: None,
            body: String::new(),
        });
    }
    let headers = response.headers();
    let content_type = headers.get("content-type").unwrap_or_default();
    let bytes = response.binary().await?;
    let body =
        decode(&bytes, &content_type).map_err(|e| gloo_net::Error::GlooError(format!("{e:?}")))?;
    Ok(HttpResponse {
        status: response.status(),
        redirected: response.redirected(),
        url: response.url(),
        content_type,
        retry_after: headers.get("retry-after"),
        total_pages: headers.get("x-wp-totalpages"),
        total: headers.get("x-wp-total"),
        body,
    })
}

/// The body as text in its declared encoding (`core::charset`), UTF-8 when none is declared
/// or the browser does not know the label. `gloo-net`'s `text()` always reads UTF-8.
fn decode(bytes: &[u8], content_type: &str) -> Result<String, wasm_bindgen::JsValue> {
    let start = &bytes[..bytes.len().min(256)];
    let decoder = declared_charset(content_type, start)
        .and_then(|label| web_sys::TextDecoder::new_with_label(&label).ok())
        .map_or_else(web_sys::TextDecoder::new, Ok)?;
    decoder.decode_with_u8_array(bytes)
}
