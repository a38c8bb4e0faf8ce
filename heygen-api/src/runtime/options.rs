//! Settings for one call, over the client's: a longer or shorter timeout,
//! an overall deadline, how many retries, and extra headers.

use std::time::Duration;

use reqwest::header::{HeaderName, HeaderValue};

/// Headers a call cannot be given through [`CallOptions::header`]: the
/// credentials, which the client alone sends (and only to its base URL),
/// and the headers whose value the client decides (the body's type and
/// length, the key a retry must repeat, the agent, the answer it decodes).
const OWNED_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "x-api-key",
    "cookie",
    "idempotency-key",
    "user-agent",
    "accept",
    "content-type",
    "content-length",
    "transfer-encoding",
    "host",
    "connection",
    "te",
    "upgrade",
    "expect",
];

/// What one call may change of the client's settings. Every generated
/// operation builder has the same setters (`.timeout(..)`, `.deadline(..)`,
/// `.max_retries(..)`, `.header(..)`), and so has
/// [`Client::request`](crate::Client::request); build one of these to hand
/// the same options to several calls.
///
/// The retry class of the operation, the client's retry budget and the
/// rules for credentials are not options: they hold for every call.
///
/// ```
/// use std::time::Duration;
/// let options = heygen_api::CallOptions::new()
///     .timeout(Duration::from_secs(300))
///     .max_retries(0)
///     .header("x-trace-id", "abc-123");
/// assert_eq!(options.timeout_value(), Some(Duration::from_secs(300)));
/// ```
#[derive(Clone, Debug, Default)]
pub struct CallOptions {
    timeout: Option<Duration>,
    deadline: Option<Duration>,
    max_retries: Option<u32>,
    headers: Vec<(HeaderName, HeaderValue)>,
    // The first header refused, reported when the call is sent: setters
    // return `Self`, so a builder chain stays one expression.
    refused: Option<String>,
}

impl CallOptions {
    /// The client's settings, unchanged.
    pub fn new() -> Self {
        Self::default()
    }

    /// How long each attempt may take (connect, send, answer), instead of
    /// the client's [`timeout`](super::ClientBuilder::timeout); longer or
    /// shorter.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// How long the whole call may take, every attempt and wait between
    /// them included, instead of the client's
    /// [`deadline`](super::ClientBuilder::deadline).
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// How many times this call may be sent again, instead of the client's
    /// [`max_retries`](super::ClientBuilder::max_retries). `0` sends it
    /// once. What is retried still depends on the operation's
    /// [`RetryClass`](super::RetryClass), and each retry still draws on the
    /// client's [`RetryBudget`](super::RetryBudget).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// Adds a header to every attempt of the call. Credentials and the
    /// headers the client sets itself (`Authorization`, `X-Api-Key`,
    /// `Cookie`, `Idempotency-Key`, `User-Agent`, `Accept`,
    /// `Content-Type`, `Content-Length`, `Host`, and the connection's own)
    /// are refused: the call then fails with [`Error::InvalidRequest`]
    /// before anything is sent, naming the header but never its value.
    /// Give an `Idempotency-Key` with the builder's `.idempotency_key(..)`.
    ///
    /// [`Error::InvalidRequest`]: crate::Error::InvalidRequest
    pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        if self.refused.is_some() {
            return self;
        }
        let name = name.as_ref();
        let parsed = match HeaderName::from_bytes(name.as_bytes()) {
            Ok(parsed) => parsed,
            Err(_) => {
                self.refused = Some(format!("`{name}` is not a valid header name"));
                return self;
            }
        };
        if OWNED_HEADERS.contains(&parsed.as_str()) {
            self.refused = Some(format!(
                "the header `{parsed}` is the client's to send: it cannot be set per call"
            ));
            return self;
        }
        match HeaderValue::from_str(value.as_ref()) {
            Ok(mut value) => {
                // Whatever it holds, it is not printed by `Debug`.
                value.set_sensitive(true);
                self.headers.push((parsed, value));
            }
            Err(_) => {
                self.refused = Some(format!(
                    "the value of the header `{parsed}` holds characters a header cannot carry"
                ));
            }
        }
        self
    }

    /// The per-attempt timeout set, if any.
    pub fn timeout_value(&self) -> Option<Duration> {
        self.timeout
    }

    /// The deadline set, if any.
    pub fn deadline_value(&self) -> Option<Duration> {
        self.deadline
    }

    /// The retry limit set, if any.
    pub fn max_retries_value(&self) -> Option<u32> {
        self.max_retries
    }

    /// Why a header was refused, if one was.
    pub(crate) fn refused(&self) -> Option<&str> {
        self.refused.as_deref()
    }

    /// Puts the timeout and headers on a request about to be sent.
    pub(crate) fn apply(&self, request: &mut reqwest::Request) {
        if let Some(timeout) = self.timeout {
            *request.timeout_mut() = Some(timeout);
        }
        if !self.headers.is_empty() {
            let headers = request.headers_mut();
            for (name, value) in &self.headers {
                headers.append(name.clone(), value.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_set_reads_back() {
        let options = CallOptions::new()
            .timeout(Duration::from_secs(3))
            .deadline(Duration::from_secs(9))
            .max_retries(1);
        assert_eq!(options.timeout_value(), Some(Duration::from_secs(3)));
        assert_eq!(options.deadline_value(), Some(Duration::from_secs(9)));
        assert_eq!(options.max_retries_value(), Some(1));
        let none = CallOptions::new();
        assert_eq!(none.timeout_value(), None);
        assert_eq!(none.deadline_value(), None);
        assert_eq!(none.max_retries_value(), None);
    }

    #[test]
    fn owned_headers_are_refused_by_any_spelling() {
        for name in [
            "Authorization",
            "X-API-KEY",
            "idempotency-key",
            "Content-Type",
        ] {
            let options = CallOptions::new().header(name, "secret-value");
            let why = options.refused().expect(name);
            assert!(why.contains(&name.to_ascii_lowercase()), "{why}");
            assert!(!why.contains("secret-value"), "{why}");
            assert!(options.headers.is_empty());
        }
    }

    #[test]
    fn other_headers_are_kept_in_order_and_hidden_from_debug() {
        let options = CallOptions::new()
            .header("x-trace", "value-one")
            .header("x-trace", "value-two");
        assert!(options.refused().is_none());
        let mut request =
            reqwest::Request::new(reqwest::Method::GET, "http://127.0.0.1:9/".parse().unwrap());
        options.apply(&mut request);
        let values: Vec<_> = request.headers().get_all("x-trace").iter().collect();
        assert_eq!(values, ["value-one", "value-two"]);
        assert!(!format!("{options:?}").contains("value-one"));
    }

    #[test]
    fn a_bad_name_or_value_is_refused_and_the_first_reason_kept() {
        let options = CallOptions::new()
            .header("bad name", "v")
            .header("x-api-key", "k");
        assert!(options
            .refused()
            .unwrap()
            .contains("not a valid header name"));
        let options = CallOptions::new().header("x-ok", "line\nbreak");
        assert!(options.refused().unwrap().contains("x-ok"));
    }
}
