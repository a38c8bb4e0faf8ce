//! The one error type every call returns.

use std::fmt;
use std::time::Duration;

use reqwest::StatusCode;

use super::policy::{Outcome, RetryClass, RetryPolicy};

/// `Result` with this crate's [`enum@Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Longest piece of a response body an error keeps.
pub(crate) const SNIPPET_BYTES: usize = 512;

/// Everything that can go wrong with a call, in one type to match on.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with a status that is not a success. Its body,
    /// when it is HeyGen's `{"error": {...}}`, is decoded into the fields.
    Api(Box<ApiError>),
    /// The attempt's timeout fired (calls that time out are not retried).
    Timeout(reqwest::Error),
    /// No answer: connection refused, reset, DNS, TLS, or a body cut short.
    Transport(TransportError),
    /// The server answered with a redirect. The client never follows one:
    /// HeyGen's API does not redirect, and following would carry the API key
    /// to wherever `Location` points.
    Redirect {
        /// The 3xx status.
        status: StatusCode,
        /// Where the server pointed, if it said.
        location: Option<String>,
        /// HeyGen's `x-request-id`, when the response had one.
        request_id: Option<String>,
    },
    /// The call's overall deadline ([`ClientBuilder::deadline`]) passed
    /// before it ended.
    ///
    /// [`ClientBuilder::deadline`]: super::ClientBuilder::deadline
    DeadlineExceeded {
        /// The deadline that passed.
        deadline: Duration,
    },
    /// A page stream's server handed back a cursor the stream had already
    /// followed: going on would list the same pages for ever.
    CursorCycle {
        /// Pages fetched before the cycle showed.
        pages: u64,
    },
    /// A page stream received too many empty pages in a row that still
    /// claimed more would follow.
    EmptyPages {
        /// Empty pages received in a row.
        pages: u64,
    },
    /// A success response whose body is not the documented JSON.
    Decode {
        /// The start of the body, as text (lossy), at most 512 bytes.
        snippet: String,
        /// What serde said.
        source: serde_json::Error,
    },
    /// A success response without the `data` its envelope should carry.
    MissingData {
        /// HeyGen's `x-request-id`, when the response had one.
        request_id: Option<String>,
    },
    /// The request could not be built: a missing required parameter, an
    /// invalid value, an invalid `Idempotency-Key`.
    InvalidRequest(String),
    /// The client could not be configured (missing key, bad base URL).
    Config(String),
    /// A waited-for job ended in a failure state.
    JobFailed {
        /// The job's id, when its resource has one.
        id: Option<String>,
        /// The status it ended in (e.g. `failed`).
        status: String,
        /// HeyGen's machine-readable reason (`failure_code`), when given.
        code: Option<String>,
        /// HeyGen's human-readable reason (`failure_message`), when given.
        message: Option<String>,
        /// The resource as last read, as JSON.
        resource: Box<serde_json::Value>,
    },
    /// A response body was larger than the client's limit.
    ResponseTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// A download ended before the size its server announced
    /// (`Content-Length`). Nothing was left at the target path.
    IncompleteDownload {
        /// The announced size.
        expected: u64,
        /// What arrived.
        written: u64,
    },
    /// An upload's body is larger than the client's
    /// [`max_upload_bytes`](super::ClientBuilder::max_upload_bytes); nothing was
    /// sent.
    UploadTooLarge {
        /// The body's size in bytes.
        size: u64,
        /// The client's limit.
        limit: u64,
    },
    /// A local file could not be read or written (a download's target, an
    /// upload's source).
    File {
        /// The file.
        path: std::path::PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A wait ran past its deadline.
    WaitTimedOut {
        /// The job's id, when a poll read it.
        id: Option<String>,
        /// The last status seen, if any.
        last_status: Option<String>,
        /// How long the wait lasted.
        waited: Duration,
    },
}

/// A non-success answer from the API.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// HeyGen's machine-readable code, e.g. `not_found`, `rate_limit_exceeded`.
    pub code: Option<String>,
    /// HeyGen's human-readable message.
    pub message: Option<String>,
    /// The request field at fault, when HeyGen names one.
    pub param: Option<String>,
    /// A link to documentation of the error.
    pub doc_url: Option<String>,
    /// HeyGen's `x-request-id`: quote it to HeyGen support.
    pub request_id: Option<String>,
    /// How long the server asked the client to wait (`Retry-After`).
    pub retry_after: Option<Duration>,
    /// The start of the body (at most 512 bytes), for bodies that are not
    /// HeyGen's error JSON, such as a proxy's HTML page.
    pub snippet: String,
    /// The whole body, when it is JSON (bounded to 64 KiB when read).
    pub body: Option<serde_json::Value>,
    /// Why the body could not be read to its end (a timeout while it
    /// stalled, a connection cut), when that happened. The status, request
    /// id and `Retry-After` arrived with the head and are kept regardless.
    pub body_error: Option<String>,
    pub(crate) call: Option<CallFacts>,
}

/// What the client knew about the call an error came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[doc(hidden)]
pub struct CallFacts {
    pub(crate) class: RetryClass,
    /// Whether the client's policy treats sending it again as safe.
    pub(crate) repeatable: bool,
    /// Whether the request could be sent again at all (a streamed body,
    /// such as an upload's, cannot).
    pub(crate) resendable: bool,
    pub(crate) idempotency_key: Option<String>,
}

/// A request that got no answer: why, and what the client knew of the call.
#[derive(Debug)]
pub struct TransportError {
    source: reqwest::Error,
    pub(crate) call: Option<CallFacts>,
    /// The failure came while a success body was being read, after the
    /// client's retries were over: it did not retry it.
    pub(crate) after_answer: bool,
}

impl TransportError {
    pub(crate) fn new(source: reqwest::Error) -> Self {
        TransportError {
            source,
            call: None,
            after_answer: false,
        }
    }

    /// The error as reqwest reported it.
    pub fn reqwest(&self) -> &reqwest::Error {
        &self.source
    }

    /// No connection could be made (refused, DNS, TLS handshake): the
    /// request was not sent.
    pub fn is_connect(&self) -> bool {
        self.source.is_connect()
    }

    /// The error as reqwest reported it.
    pub fn into_reqwest(self) -> reqwest::Error {
        self.source
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.source, f)
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

impl ApiError {
    /// Decodes the body as `T`: for an operation whose errors have their own
    /// schema, read them as the generated type for it.
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        self.body.as_ref().and_then(|b| T::deserialize(b).ok())
    }
}

impl Error {
    /// The HTTP status, for errors that come from a response.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Timeout(e) => e.status(),
            Error::Transport(e) => e.source.status(),
            Error::Redirect { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// HeyGen's error code (`not_found`, `authentication_failed`, ...).
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.code.as_deref(),
            _ => None,
        }
    }

    /// HeyGen's `x-request-id` for the failed call, when known.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.request_id.as_deref(),
            Error::MissingData { request_id } | Error::Redirect { request_id, .. } => {
                request_id.as_deref()
            }
            _ => None,
        }
    }

    /// The server's `Retry-After`, when it sent one.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api(e) => e.retry_after,
            _ => None,
        }
    }

    /// The API error's details, when this is one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// Whether the client's own retry policy would send this call again
    /// after this error, had it attempts left: the same rule, for the same
    /// operation class ([`RetryClass`]).
    ///
    /// - A 429, or a failure where nothing was sent (connection refused,
    ///   DNS, TLS): yes, for every operation.
    /// - A 5xx, a 409 `request_in_progress` or a lost connection: only for
    ///   idempotent methods and for keyed operations that carried their key.
    ///   For a keyed operation, send it again with the same key
    ///   ([`Error::idempotency_key`]): a fresh key makes it a new call.
    /// - A timeout, a redirect, a 4xx or a decoding error: no.
    /// - A request the client cannot send again (a streamed upload), and a
    ///   success whose body broke off while it was read: no, as the client
    ///   did not retry them.
    pub fn is_retryable(&self) -> bool {
        let repeatable = |call: &Option<CallFacts>| call.as_ref().is_some_and(|c| c.repeatable);
        if self.call().is_some_and(|c| !c.resendable) {
            return false;
        }
        match self {
            Error::Transport(e) if e.after_answer => false,
            Error::Api(e) => {
                let outcome = Outcome::Status {
                    status: e.status.as_u16(),
                    retry_after: None,
                    in_progress: e.status == StatusCode::CONFLICT
                        && e.code.as_deref() == Some("request_in_progress"),
                };
                RetryPolicy::retries(repeatable(&e.call), outcome)
            }
            Error::Transport(e) => {
                let outcome = super::policy::failure(&e.source);
                RetryPolicy::retries(repeatable(&e.call), outcome)
            }
            _ => false,
        }
    }

    /// The retry class of the operation the error came from, when known.
    pub fn retry_class(&self) -> Option<RetryClass> {
        self.call().map(|c| c.class)
    }

    /// The `Idempotency-Key` the failed call carried, if any. Sending the
    /// call again with this key (`.idempotency_key(...)` on its builder)
    /// lets the server recognise it as the same call.
    pub fn idempotency_key(&self) -> Option<&str> {
        self.call().and_then(|c| c.idempotency_key.as_deref())
    }

    fn call(&self) -> Option<&CallFacts> {
        match self {
            Error::Api(e) => e.call.as_ref(),
            Error::Transport(e) => e.call.as_ref(),
            _ => None,
        }
    }

    /// Records what the client knew of the call, for `is_retryable`.
    pub(crate) fn with_call(mut self, facts: CallFacts) -> Self {
        match &mut self {
            Error::Api(e) => e.call = Some(facts),
            Error::Transport(e) => e.call = Some(facts),
            _ => {}
        }
        self
    }

    /// Whether the call's timeout fired.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(e) => fmt::Display::fmt(e, f),
            Error::Timeout(e) => write!(f, "the request timed out: {e}"),
            Error::Transport(e) => write!(f, "the request failed before a response arrived: {e}"),
            Error::Redirect {
                status, location, ..
            } => {
                write!(f, "the server answered {status} (a redirect, which the client does not follow)")?;
                if let Some(to) = location {
                    write!(f, " to {to:?}")?;
                }
                Ok(())
            }
            Error::DeadlineExceeded { deadline } => write!(
                f,
                "the call did not end within its deadline of {:.1} s",
                deadline.as_secs_f64()
            ),
            Error::CursorCycle { pages } => write!(
                f,
                "the listing returned a cursor it had already returned, after {pages} pages; stopped to avoid listing the same pages for ever"
            ),
            Error::EmptyPages { pages } => write!(
                f,
                "the listing returned {pages} empty pages in a row that each claimed more would follow; stopped"
            ),
            Error::Decode { snippet, source } => {
                write!(f, "the response body is not the documented JSON ({source}); it starts with: {snippet:?}")
            }
            Error::MissingData { request_id } => {
                write!(f, "the response has no `data`")?;
                if let Some(id) = request_id {
                    write!(f, " (request id {id})")?;
                }
                Ok(())
            }
            Error::InvalidRequest(why) => write!(f, "invalid request: {why}"),
            Error::Config(why) => write!(f, "cannot configure the HeyGen client: {why}"),
            Error::ResponseTooLarge { limit } => write!(
                f,
                "the response body is larger than the limit of {limit} bytes"
            ),
            Error::IncompleteDownload { expected, written } => write!(
                f,
                "the download ended after {written} of {expected} bytes"
            ),
            Error::File { path, source } => write!(f, "{}: {source}", path.display()),
            Error::UploadTooLarge { size, limit } => write!(
                f,
                "the upload is {size} bytes, over the client's limit of {limit} bytes: nothing was sent"
            ),
            Error::JobFailed {
                id,
                status,
                code,
                message,
                ..
            } => {
                match id {
                    Some(id) => write!(f, "job {id} ended with status `{status}`")?,
                    None => write!(f, "the job ended with status `{status}`")?,
                }
                if let Some(code) = code {
                    write!(f, ": {code}")?;
                }
                if let Some(message) = message {
                    write!(f, " ({message})")?;
                }
                Ok(())
            }
            Error::WaitTimedOut {
                id,
                last_status,
                waited,
            } => {
                write!(f, "gave up waiting")?;
                if let Some(id) = id {
                    write!(f, " for {id}")?;
                }
                write!(f, " after {:.1} s", waited.as_secs_f64())?;
                if let Some(s) = last_status {
                    write!(f, " (last status `{s}`)")?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HeyGen answered {}", self.status)?;
        if let Some(code) = &self.code {
            write!(f, " ({code})")?;
        }
        match &self.message {
            Some(message) => write!(f, ": {message}")?,
            None if !self.snippet.is_empty() => {
                write!(f, "; body starts with: {:?}", self.snippet)?
            }
            None => {}
        }
        if let Some(param) = &self.param {
            write!(f, " [param: {param}]")?;
        }
        if let Some(wait) = self.retry_after {
            write!(f, " (retry after {} s)", wait.as_secs_f64())?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        if let Some(why) = &self.body_error {
            write!(f, " (the body could not be read: {why})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Timeout(e) => Some(e),
            Error::Transport(e) => Some(e),
            Error::Decode { source, .. } => Some(source),
            Error::File { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The start of a body as text (lossy), at most [`SNIPPET_BYTES`] bytes and
/// cut on a character boundary. Invalid bytes become U+FFFD, three bytes
/// each, so the text is cut again after the conversion.
pub(crate) fn snippet(body: &[u8]) -> String {
    let cut = &body[..body.len().min(SNIPPET_BYTES)];
    let text = String::from_utf8_lossy(cut);
    let text = text.trim();
    let mut end = text.len().min(SNIPPET_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_error_says_what_the_system_said() {
        let err = Error::File {
            path: "/no/such/dir/v.mp4".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such directory"),
        };
        assert_eq!(err.to_string(), "/no/such/dir/v.mp4: no such directory");
        let source = std::error::Error::source(&err).expect("the io error");
        assert_eq!(source.to_string(), "no such directory");
        let incomplete = Error::IncompleteDownload {
            expected: 10,
            written: 4,
        };
        assert_eq!(
            incomplete.to_string(),
            "the download ended after 4 of 10 bytes"
        );
        assert!(std::error::Error::source(&incomplete).is_none());
    }

    use super::*;

    #[test]
    fn snippets_are_bounded_in_bytes_whatever_the_body() {
        assert_eq!(snippet(b"  short  "), "short");
        assert_eq!(snippet(&[b'a'; 2000]).len(), SNIPPET_BYTES);
        let invalid = snippet(&[0xff; 2000]);
        assert!(invalid.len() <= SNIPPET_BYTES, "{}", invalid.len());
        assert!(invalid.chars().all(|c| c == char::REPLACEMENT_CHARACTER));
        // A multi-byte character across the cut is dropped, not split.
        let mut body = vec![b'a'; SNIPPET_BYTES - 1];
        body.extend_from_slice("é".as_bytes());
        let text = snippet(&body);
        assert!(text.len() <= SNIPPET_BYTES);
        assert!(text.starts_with("aaa"));
    }
}
