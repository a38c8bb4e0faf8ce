//! Any HeyGen endpoint, vendored or not, through the client's credentials,
//! retries, limits and errors: what [`Client::request`](crate::Client::request)
//! returns.

use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderValue, ACCEPT, CONTENT_TYPE};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::call::{send, CallSpec};
use super::config::Inner;
use super::error::{CallFacts, Error};
use super::options::CallOptions;
use super::policy::RetryClass;
use super::response::{read_json, Response};
use super::transport::{exec, pre};
use super::url::url;

/// A request to a path of HeyGen's API that the generated client does not
/// cover (yet): an operation HeyGen publishes but this crate has not
/// vendored, say. Built by [`Client::request`](crate::Client::request).
///
/// It goes the way every generated call goes: the client's credentials and
/// base URL, its retry policy and budget, the response size limit, the
/// deadline, tracing, and [`enum@Error`]. Its [`RetryClass`] is
/// [`NonIdempotent`](RetryClass::NonIdempotent) (retried only after a 429
/// or when nothing was sent) unless you say it is
/// [`idempotent`](Self::idempotent) or give it an
/// [`idempotency_key`](Self::idempotency_key).
///
/// The path is joined to the base URL as generated paths are: it must start
/// with `/`, and a segment that is `.` or `..` (even percent-encoded), a
/// `\`, a `?` or `#`, or a control character is refused before anything is
/// sent. No path can name another scheme or host.
///
/// ```no_run
/// # async fn run() -> Result<(), heygen_api::Error> {
/// let client = heygen_api::Client::builder().api_key("...").build()?;
/// let voices = client
///     .request(heygen_api::Method::GET, "/v3/voices")
///     .query(&[("limit", "10")])
///     .idempotent()
///     .send_json()
///     .await?;
/// println!("{}", voices["data"]);
/// # Ok(()) }
/// ```
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct ApiRequest<'a> {
    parts: Parts<'a>,
    idempotent: bool,
    options: CallOptions,
    // The first mistake in the builder chain, reported by `send`.
    invalid: Option<String>,
}

impl<'a> ApiRequest<'a> {
    pub(crate) fn new(
        http: &'a reqwest::Client,
        inner: &'a Inner,
        base_url: &'a str,
        method: Method,
        path: &str,
    ) -> Self {
        ApiRequest {
            parts: Parts {
                http,
                inner,
                base_url,
                method,
                path: path.to_string(),
                query: String::new(),
                body: None,
                idempotency_key: None,
            },
            idempotent: false,
            options: CallOptions::new(),
            invalid: check_path(path).err(),
        }
    }

    /// Adds query parameters: anything `serde` writes as pairs (a slice of
    /// tuples, a map, a struct of plain fields). May be called again to add
    /// more.
    pub fn query<Q: Serialize + ?Sized>(mut self, query: &Q) -> Self {
        match serde_urlencoded::to_string(query) {
            Ok(pairs) if pairs.is_empty() => {}
            Ok(pairs) => {
                if !self.parts.query.is_empty() {
                    self.parts.query.push('&');
                }
                self.parts.query.push_str(&pairs);
            }
            Err(e) => self.fail(format!("the query cannot be encoded: {e}")),
        }
        self
    }

    /// Sends `body` as JSON. It is encoded now, once, and the same bytes go
    /// with every attempt.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.parts.body = Some(Bytes::from(bytes)),
            Err(e) => self.fail(format!("the body cannot be encoded as JSON: {e}")),
        }
        self
    }

    /// Says that sending the request twice does what sending it once does,
    /// so the client may retry it after a 5xx or a lost connection too.
    pub fn idempotent(mut self) -> Self {
        self.idempotent = true;
        self
    }

    /// Sends this `Idempotency-Key` with every attempt, and treats the
    /// request as safe to retry: only say so for an endpoint HeyGen
    /// documents as honouring the header.
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.parts.idempotency_key = Some(key.into());
        self
    }

    /// How long each attempt may take, instead of the client's timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options = self.options.timeout(timeout);
        self
    }

    /// How long the whole call may take, instead of the client's deadline.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.options = self.options.deadline(deadline);
        self
    }

    /// How many times the call may be sent again, instead of the client's
    /// limit.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.options = self.options.max_retries(retries);
        self
    }

    /// Adds a header; see [`CallOptions::header`] for those refused.
    pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        self.options = self.options.header(name, value);
        self
    }

    /// Replaces the call's options.
    pub fn call_options(mut self, options: CallOptions) -> Self {
        self.options = options;
        self
    }

    fn fail(&mut self, why: String) {
        self.invalid.get_or_insert(why);
    }

    /// Sends the request and decodes a success's JSON body as `T` (an empty
    /// body reads as `null`, so `()` and `Option<_>` accept it).
    pub async fn send<T: DeserializeOwned>(self) -> Result<Response<T>, Error> {
        if let Some(why) = self.invalid {
            return Err(Error::InvalidRequest(why));
        }
        let class = if self.parts.idempotency_key.is_some() {
            RetryClass::Keyed
        } else if self.idempotent {
            RetryClass::Idempotent
        } else {
            RetryClass::NonIdempotent
        };
        let spec = CallSpec {
            operation_id: "custom_request",
            class,
            options: self.options,
        };
        let deadline = spec.options.deadline_value();
        let parts = self.parts;
        send(parts.inner, deadline, async move {
            let mut facts = None;
            let result = parts.call(&spec, &mut facts).await;
            (facts, result)
        })
        .await
    }

    /// [`send`](Self::send), with the body as untyped JSON.
    pub async fn send_json(self) -> Result<Response<serde_json::Value>, Error> {
        self.send().await
    }
}

/// What a request is made of.
#[derive(Debug)]
struct Parts<'a> {
    http: &'a reqwest::Client,
    inner: &'a Inner,
    base_url: &'a str,
    method: Method,
    path: String,
    query: String,
    body: Option<Bytes>,
    idempotency_key: Option<String>,
}

// The error type is progenitor's, as `Rebuild` fixes it for every call.
#[allow(clippy::result_large_err)]
impl Parts<'_> {
    /// The request, built the same way for every attempt.
    fn build(&self) -> Result<reqwest::Request, progenitor_client::Error<()>> {
        let mut target = url(self.base_url, self.inner, format_args!("{}", self.path))?;
        if !self.query.is_empty() {
            target.set_query(Some(&self.query));
        }
        let mut request = reqwest::Request::new(self.method.clone(), target);
        let headers = request.headers_mut();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        if let Some(key) = &self.idempotency_key {
            let value = HeaderValue::from_str(key).map_err(|_| {
                progenitor_client::Error::InvalidRequest(
                    "an Idempotency-Key must be 1 to 255 characters of A-Z, a-z, 0-9, `_`, `:`, `.` or `-`".into(),
                )
            })?;
            headers.insert("idempotency-key", value);
        }
        if let Some(body) = &self.body {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            *request.body_mut() = Some(reqwest::Body::from(body.clone()));
        }
        Ok(request)
    }

    async fn call<T: DeserializeOwned>(
        &self,
        spec: &CallSpec,
        facts: &mut Option<CallFacts>,
    ) -> Result<Response<T>, progenitor_client::Error<()>> {
        let mut request = self.build()?;
        pre(self.inner, &mut request, spec)?;
        let rebuild = || self.build();
        let response = exec(self.inner, self.http, request, spec, Some(&rebuild), facts)
            .await
            .map_err(progenitor_client::Error::CommunicationError)?;
        read_json(response).await
    }
}

/// Refuses a path that could leave the API: one not starting with `/`, or
/// holding a dot segment (`.`, `..`, percent-encoded or not), a backslash
/// (which URL parsers read as `/`), a query or fragment (use
/// [`ApiRequest::query`]), or a control character or space.
fn check_path(path: &str) -> Result<(), String> {
    let refuse = |why: &str| Err(format!("the path `{}` {why}", path.escape_debug()));
    if !path.starts_with('/') {
        return refuse("must start with `/`: it is joined to the client's base URL");
    }
    if path.starts_with("//") {
        return refuse("would name a host");
    }
    if path
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || matches!(c, '\\' | '?' | '#'))
    {
        return refuse(
            "holds a space, a control character, `\\`, `?` or `#` (give query parameters with `.query`)",
        );
    }
    for segment in path.split('/') {
        let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
        if decoded == "." || decoded == ".." {
            return refuse("holds a `.` or `..` segment");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_path;

    #[test]
    fn paths_that_could_leave_the_api_are_refused() {
        for bad in [
            "v3/x",
            "//evil.example/x",
            "https://evil/x",
            "/../x",
            "/v3/%2E%2e/x",
            "/v3/./x",
            "/v3/x/..",
            "/v3\\..\\x",
            "/v3/x?y=1",
            "/v3/x#y",
            "/v3/a b",
            "/v3/\r\nx",
        ] {
            assert!(check_path(bad).is_err(), "{bad}");
        }
        for good in ["/v3/videos", "/v3/videos/abc", "/v3/a.b/..c", "/"] {
            assert!(check_path(good).is_ok(), "{good}");
        }
    }
}
