//! One request function over `fetch`, with a timeout and abort, returning the status, the
//! headers the widget reads and the body as text (in its declared encoding). Every caller goes
//! through [`request`].

use crate::core::charset::declared_charset;
use std::fmt;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Request, RequestInit, Response};

/// How long a request may take before it is abandoned.
pub const TIMEOUT_MS: i32 = 15_000;

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
    pub method: &'a str,
    pub url: &'a str,
    pub accept: &'a str,
    /// Content type and body.
    pub body: Option<(&'a str, String)>,
    /// Follow redirects (`false`: a redirect is answered as status 302 with no body, which
    /// works across origins too).
    pub follow: bool,
}

impl<'a> HttpRequest<'a> {
    /// A GET accepting `accept`.
    pub fn get(url: &'a str, accept: &'a str) -> Self {
        HttpRequest {
            method: "GET",
            url,
            accept,
            body: None,
            follow: true,
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

fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

fn describe(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "request failed".to_owned())
}

/// Sends the request; resolves with whatever status the server answered.
pub async fn request(req: HttpRequest<'_>) -> Result<HttpResponse, HttpError> {
    let window = web_sys::window().ok_or_else(|| HttpError::Network("no window".into()))?;
    if is_offline() {
        return Err(HttpError::Offline);
    }
    let controller = AbortController::new().map_err(|e| HttpError::Network(describe(&e)))?;
    let init = RequestInit::new();
    init.set_method(req.method);
    if !req.follow {
        init.set_redirect(web_sys::RequestRedirect::Manual);
    }
    init.set_signal(Some(&controller.signal()));
    let headers = web_sys::Headers::new().map_err(|e| HttpError::Network(describe(&e)))?;
    let _ = headers.set("Accept", req.accept);
    if let Some((content_type, body)) = &req.body {
        let _ = headers.set("Content-Type", content_type);
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let request = Request::new_with_str_and_init(req.url, &init)
        .map_err(|e| HttpError::Network(describe(&e)))?;

    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let on_timeout = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            TIMEOUT_MS,
        )
        .unwrap_or(0);
    let result = fetch_and_read(&window, &request).await;
    window.clear_timeout_with_handle(timer);
    drop(on_timeout);
    result.map_err(|error| {
        if timed_out.get() {
            HttpError::Timeout
        } else if is_offline() {
            HttpError::Offline
        } else {
            HttpError::Network(describe(&error))
        }
    })
}

async fn fetch_and_read(
    window: &web_sys::Window,
    request: &Request,
) -> Result<HttpResponse, JsValue> {
    let response: Response = JsFuture::from(window.fetch_with_request(request))
        .await?
        .dyn_into()?;
    if response.type_() == web_sys::ResponseType::Opaqueredirect {
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
    let header = |name: &str| headers.get(name).ok().flatten();
    let content_type = header("content-type").unwrap_or_default();
    let bytes = js_sys::Uint8Array::new(&JsFuture::from(response.array_buffer()?).await?);
    let body = decode(&bytes, &content_type)?;
    Ok(HttpResponse {
        status: response.status(),
        redirected: response.redirected(),
        url: response.url(),
        content_type,
        retry_after: header("retry-after"),
        total_pages: header("x-wp-totalpages"),
        total: header("x-wp-total"),
        body,
    })
}

/// The body as text in its declared encoding (`core::charset`), UTF-8 when none is declared
/// or the browser does not know the label.
fn decode(bytes: &js_sys::Uint8Array, content_type: &str) -> Result<String, JsValue> {
    let start = bytes.subarray(0, bytes.length().min(256)).to_vec();
    let decoder = declared_charset(content_type, &start)
        .and_then(|label| web_sys::TextDecoder::new_with_label(&label).ok())
        .map_or_else(web_sys::TextDecoder::new, Ok)?;
    decoder.decode_with_buffer_source(bytes)
}
