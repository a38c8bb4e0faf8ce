//! Successful responses, and turning progenitor's results into ours.

use std::fmt;
use std::ops::Deref;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::error::{snippet, ApiError, Error, TransportError};
use super::policy::retry_after;

/// A decoded success body with its status and headers.
pub struct Response<T> {
    inner: T,
    status: StatusCode,
    headers: HeaderMap,
}

/// A body of the form `{"data": ...}`, as HeyGen wraps every success.
/// Implemented by the generator for every such response type.
pub trait Envelope {
    /// What `data` holds.
    type Data;
    /// `data`, if the server sent it.
    fn into_data(self) -> Option<Self::Data>;
}

impl<T> Response<T> {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// HeyGen's `x-request-id`, when present.
    pub fn request_id(&self) -> Option<&str> {
        request_id(&self.headers)
    }

    /// The decoded body.
    pub fn into_inner(self) -> T {
        self.inner
    }

    /// The body's `data`, or [`Error::MissingData`] when the envelope is empty.
    pub fn into_data(self) -> Result<T::Data, Error>
    where
        T: Envelope,
    {
        let Response { inner, headers, .. } = self;
        inner.into_data().ok_or_else(|| Error::MissingData {
            request_id: request_id(&headers).map(String::from),
        })
    }
}

impl<T> Deref for Response<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T: fmt::Debug> fmt::Debug for Response<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("request_id", &self.request_id())
            .field("body", &self.inner)
            .finish()
    }
}

pub(crate) fn request_id(headers: &HeaderMap) -> Option<&str> {
    // A constant name: looking up by `&str` would parse it on every call.
    const REQUEST_ID: reqwest::header::HeaderName =
        reqwest::header::HeaderName::from_static("x-request-id");
    headers.get(&REQUEST_ID).and_then(|v| v.to_str().ok())
}

/// HeyGen's error body: `{"error": {"code", "message", "param", "doc_url"}}`.
#[derive(Deserialize)]
struct ErrorEnvelope {
    error: serde_json::Value,
}

#[derive(Deserialize)]
struct StandardError {
    code: Option<String>,
    message: Option<String>,
    param: Option<String>,
    doc_url: Option<String>,
}

/// Builds the error for a non-success answer. Never fails: a body that is
/// not HeyGen's JSON (a proxy's HTML page, nothing at all) still gives the
/// status, the request id and a snippet.
pub(crate) fn api_error(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Error {
    let retry_after = retry_after(headers);
    let mut error = ApiError {
        status,
        code: None,
        message: None,
        param: None,
        doc_url: None,
        request_id: request_id(headers).map(String::from),
        retry_after,
        snippet: snippet(body),
        body: None,
        body_error: None,
        call: None,
    };
    if let Ok(whole) = serde_json::from_slice::<serde_json::Value>(body) {
        if let Ok(envelope) = ErrorEnvelope::deserialize(&whole) {
            if let Ok(standard) = StandardError::deserialize(&envelope.error) {
                error.code = standard.code;
                error.message = standard.message;
                error.param = standard.param;
                error.doc_url = standard.doc_url;
            }
        }
        // Kept whole, so an operation's other error shapes decode as
        // themselves: `api.decode::<types::TheirError>()`.
        error.body = Some(whole);
    }
    Error::Api(Box::new(error))
}

/// Reads at most `limit` bytes of a body; the rest is not read. Returns
/// what arrived, and the error that stopped the read early, if one did.
pub(crate) async fn read_bounded(
    mut response: reqwest::Response,
    limit: usize,
) -> (Bytes, Option<reqwest::Error>) {
    let mut buf = Vec::new();
    while buf.len() < limit {
        match response.chunk().await {
            Ok(Some(chunk)) => buf.extend_from_slice(&chunk[..chunk.len().min(limit - buf.len())]),
            Ok(None) => break,
            Err(e) => return (Bytes::from(buf), Some(e)),
        }
    }
    (Bytes::from(buf), None)
}

/// The error a body read fails with once the response is larger than the
/// client's `max_response_bytes` (see `transport::limit_body`).
#[derive(Debug)]
pub(crate) struct BodyTooLarge {
    pub(crate) limit: usize,
}

impl fmt::Display for BodyTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the response body is larger than the limit of {} bytes",
            self.limit
        )
    }
}

impl std::error::Error for BodyTooLarge {}

/// The limit, if `e` failed because the body went over it.
fn too_large(e: &reqwest::Error) -> Option<usize> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if let Some(found) = err.downcast_ref::<BodyTooLarge>() {
            return Some(found.limit);
        }
        source = err.source();
    }
    None
}

/// Longest error body read; HeyGen's are a few hundred bytes.
const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// What a generated `send` produced, in this crate's types where that needs
/// no more reading.
pub(crate) enum Settled<T> {
    Done(Result<Response<T>, Error>),
    /// A non-success answer: its body is read by [`error_of`].
    ReadBody(reqwest::Response),
}

/// Converts what a generated `send` produced into this crate's types; a
/// non-success answer (other than a redirect) still has its body to read.
pub(crate) fn settle<T>(result: Result<Response<T>, progenitor_client::Error<()>>) -> Settled<T> {
    use progenitor_client::Error as P;
    Settled::Done(match result {
        Ok(response) => Ok(response),
        Err(P::UnexpectedResponse(response)) => {
            let status = response.status();
            if !status.is_redirection() {
                return Settled::ReadBody(response);
            }
            let headers = response.headers();
            Err(Error::Redirect {
                status,
                location: headers
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .map(String::from),
                request_id: request_id(headers).map(String::from),
            })
        }
        Err(P::ErrorResponse(value)) => Err(api_error(value.status(), value.headers(), b"")),
        // A success whose body broke off: the client's retries were over
        // when it was read.
        Err(P::ResponseBodyError(e)) => Err(match transport(e) {
            Error::Transport(mut t) => {
                t.after_answer = true;
                Error::Transport(t)
            }
            other => other,
        }),
        Err(P::CommunicationError(e)) | Err(P::InvalidUpgrade(e)) => Err(transport(e)),
        Err(P::InvalidResponsePayload(body, source)) => Err(Error::Decode {
            snippet: snippet(&body),
            source,
        }),
        Err(P::InvalidRequest(why)) | Err(P::Custom(why)) => Err(Error::InvalidRequest(why)),
    })
}

/// The error for a non-success answer, with as much of its body as arrives
/// (at most [`ERROR_BODY_LIMIT`] bytes).
pub(crate) async fn error_of(mut response: reqwest::Response) -> Error {
    let status = response.status();
    let headers = std::mem::take(response.headers_mut());
    let read_early = response
        .extensions()
        .get::<BodyReadFailed>()
        .map(|f| f.0.clone());
    let (body, failed) = read_bounded(response, ERROR_BODY_LIMIT).await;
    // The status, request id and `Retry-After` came with the head: a body
    // that stalls, breaks off or runs over the limit does not hide them.
    let mut error = api_error(status, &headers, &body);
    if let Error::Api(api) = &mut error {
        api.body_error = match failed {
            Some(e) if too_large(&e).is_none() => Some(if e.is_timeout() {
                "timed out while the body was arriving".to_string()
            } else {
                e.to_string()
            }),
            _ => read_early,
        };
    }
    error
}

pub(crate) fn transport(e: reqwest::Error) -> Error {
    if let Some(limit) = too_large(&e) {
        Error::ResponseTooLarge { limit }
    } else if e.is_timeout() {
        Error::Timeout(e)
    } else {
        Error::Transport(TransportError::new(e))
    }
}

impl<T> Response<T> {
    pub(crate) fn new(inner: T, status: StatusCode, headers: HeaderMap) -> Self {
        Response {
            inner,
            status,
            headers,
        }
    }
}

// What the generated `send`s call in place of progenitor's `ResponseValue`
// constructors, so a body is decoded once into the type callers get.
#[doc(hidden)]
impl<T: serde::de::DeserializeOwned> Response<T> {
    pub async fn from_response(
        mut response: reqwest::Response,
    ) -> Result<Self, progenitor_client::Error<()>> {
        let status = response.status();
        // Taken, not cloned: reading the body does not need them.
        let headers = std::mem::take(response.headers_mut());
        // Frame by frame rather than `bytes()`, whose future holds a second
        // copy of the response: this one is in every call's future. A body
        // in one frame (the usual case) is kept as it arrived.
        let mut whole: Option<Bytes> = None;
        let mut more: Vec<u8> = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => match &whole {
                    None => whole = Some(chunk),
                    Some(first) => {
                        if more.is_empty() {
                            more.extend_from_slice(first);
                        }
                        more.extend_from_slice(&chunk);
                    }
                },
                Ok(None) => break,
                // Named by its URL, as `bytes()` would have it.
                Err(e) => {
                    let e = e.with_url(response.url().clone());
                    return Err(progenitor_client::Error::ResponseBodyError(e));
                }
            }
        }
        let bytes = if more.is_empty() {
            whole.unwrap_or_default()
        } else {
            Bytes::from(more)
        };
        // A 204 or 205 has no body by definition, even when the operation
        // documents JSON for its other success codes: read it as `{}` (an
        // envelope without `data`) or `null`.
        let no_content =
            matches!(status.as_u16(), 204 | 205) && bytes.iter().all(u8::is_ascii_whitespace);
        let decoded = if no_content {
            serde_json::from_slice(b"{}").or_else(|_| serde_json::from_slice(b"null"))
        } else {
            serde_json::from_slice(&bytes)
        };
        match decoded {
            Ok(inner) => Ok(Response {
                inner,
                status,
                headers,
            }),
            Err(e) => Err(progenitor_client::Error::InvalidResponsePayload(bytes, e)),
        }
    }
}

#[doc(hidden)]
impl Response<()> {
    pub fn empty(response: reqwest::Response) -> Self {
        let status = response.status();
        let (parts, _) = http::Response::<reqwest::Body>::from(response).into_parts();
        Response {
            inner: (),
            status,
            headers: parts.headers,
        }
    }
}

#[doc(hidden)]
impl Response<progenitor_client::ByteStream> {
    pub fn stream(response: reqwest::Response) -> Self {
        let status = response.status();
        let (parts, body) = http::Response::<reqwest::Body>::from(response).into_parts();
        let stream = http_body_util::BodyDataStream::new(body);
        Response {
            inner: progenitor_client::ByteStream::new(Box::pin(stream)),
            status,
            headers: parts.headers,
        }
    }
}

/// A call's final answer as `T`: a success's JSON body decoded (an empty
/// body reads as `null`, for the unit type and `Option`), anything else
/// left for `send` to make the error of.
pub(crate) async fn read_json<T: DeserializeOwned>(
    response: reqwest::Response,
) -> Result<Response<T>, progenitor_client::Error<()>> {
    if !response.status().is_success() {
        return Err(progenitor_client::Error::UnexpectedResponse(response));
    }
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .bytes()
        .await
        .map_err(progenitor_client::Error::ResponseBodyError)?;
    let text: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        &body
    };
    match serde_json::from_slice(text) {
        Ok(value) => Ok(Response::new(value, status, headers)),
        Err(e) => Err(progenitor_client::Error::InvalidResponsePayload(body, e)),
    }
}

/// Carried by a response whose body was read early and broke off, so that
/// the error made of it says so.
#[derive(Clone, Debug)]
pub(crate) struct BodyReadFailed(pub(crate) String);

/// A response rebuilt from parts forgets its URL unless it is put back,
/// and errors would then name `no.url.provided.local`.
pub(crate) fn keep_url(extensions: &mut http::Extensions, url: reqwest::Url) {
    use reqwest::ResponseBuilderExt;
    if let Ok(carrier) = http::Response::builder().url(url).body(()) {
        extensions.extend(carrier.into_parts().0.extensions);
    }
}

/// Caps how much of a body can be read: a hostile or broken server cannot
/// make the client buffer more than `limit` bytes. Going over fails the read
/// with [`BodyTooLarge`], which `settle` turns into `Error::ResponseTooLarge`.
pub(crate) fn limit_body(response: reqwest::Response, limit: usize) -> reqwest::Response {
    use http_body_util::BodyExt;
    // A body with a declared length within the limit needs no wrapper: the
    // HTTP layer yields exactly that many bytes and never more. Skipping the
    // rebuild saves a URL clone, an extension map and two boxes per call.
    if response.content_length().is_some_and(|n| n <= limit as u64) {
        return response;
    }
    let url = response.url().clone();
    let response: http::Response<reqwest::Body> = response.into();
    let (mut parts, body) = response.into_parts();
    keep_url(&mut parts.extensions, url);
    let limited = http_body_util::Limited::new(body, limit).map_err(move |e| {
        if e.is::<http_body_util::LengthLimitError>() {
            Box::new(BodyTooLarge { limit }) as Box<dyn std::error::Error + Send + Sync>
        } else {
            e
        }
    });
    reqwest::Response::from(http::Response::from_parts(
        parts,
        reqwest::Body::wrap(limited),
    ))
}
