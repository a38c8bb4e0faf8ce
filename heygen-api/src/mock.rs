//! Typed [`httpmock`] mocks for every operation, for your own tests
//! (cargo feature `mock`).
//!
//! [`MockServerExt`](crate::mock::MockServerExt) adds one method per operation to
//! [`httpmock::MockServer`]; each takes a closure over a typed `When`
//! (the operation's method and path are already set; path parameters,
//! headers and the body are typed setters) and a typed `Then` (`ok` takes
//! the documented success body; [`ApiErrorThen`](crate::mock::ApiErrorThen) adds HeyGen's error
//! envelope and rate limits). [`client`](crate::mock::client) points a [`Client`] at the server.
//! Everything here is generated from the vendored spec, so it covers
//! whatever operations that spec has.
//!
//! ```
//! use heygen_api::mock::{self, ApiErrorThen, MockServerExt};
//! use heygen_api::types::{StopSessionRequest, StopSessionResponse, StopVideoAgentSessionResponse};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let server = httpmock::MockServer::start_async().await;
//! let stopped = server.stop_video_agent_session(|when, then| {
//!     when.session_id("sess_1");
//!     then.ok(&StopVideoAgentSessionResponse {
//!         data: Some(StopSessionResponse { session_id: "sess_1".into() }),
//!     });
//! });
//! let missing = server.stop_video_agent_session(|when, then| {
//!     when.session_id("gone");
//!     then.error(404, "not_found", "Session not found.");
//! });
//!
//! let client = mock::client(&server);
//! let data = client
//!     .stop_video_agent_session()
//!     .session_id("sess_1")
//!     .body(StopSessionRequest::default())
//!     .send()
//!     .await
//!     .unwrap()
//!     .into_data()
//!     .unwrap();
//! assert_eq!(data.session_id, "sess_1");
//!
//! let err = client
//!     .stop_video_agent_session()
//!     .session_id("gone")
//!     .body(StopSessionRequest::default())
//!     .send()
//!     .await
//!     .unwrap_err();
//! assert_eq!(err.code(), Some("not_found"));
//!
//! stopped.assert();
//! missing.assert();
//! # }
//! ```
//!
//! # Requests no mock matches
//!
//! httpmock answers them `404` with `{"message":"Request did not match any
//! route or mock"}`, which names nothing. Call [`reject_unmatched`](crate::mock::reject_unmatched) after
//! your last mock: the server then answers such a request `404` with
//! HeyGen's error envelope, code [`UNMATCHED`](crate::mock::UNMATCHED), and a message naming the
//! request, the operation its method and path belong to, and the mock
//! method that sets it up. `mock.assert()` on the mock you meant shows how
//! the closest request differed from what it expected.
//!
//! ```
//! use heygen_api::mock::{self, MockServerExt};
//! use heygen_api::types::{StopSessionRequest, StopSessionResponse, StopVideoAgentSessionResponse};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let server = httpmock::MockServer::start_async().await;
//! server.stop_video_agent_session(|when, then| {
//!     when.session_id("sess_1");
//!     then.ok(&StopVideoAgentSessionResponse {
//!         data: Some(StopSessionResponse { session_id: "sess_1".into() }),
//!     });
//! });
//! mock::reject_unmatched(&server);
//!
//! let err = mock::client(&server)
//!     .stop_video_agent_session()
//!     .session_id("other")
//!     .body(StopSessionRequest::default())
//!     .send()
//!     .await
//!     .unwrap_err();
//! assert_eq!(err.code(), Some(mock::UNMATCHED));
//! // "HeyGen answered 404 Not Found (mock_unmatched): no mock matched
//! //  POST /v3/video-agents/other/stop, a request for stopVideoAgentSession ..."
//! assert!(err.to_string().contains("POST /v3/video-agents/other/stop"));
//! assert!(err.to_string().contains("stop_video_agent_session"));
//! # }
//! ```

use std::time::Duration;

use crate::{Client, ClientBuilder};

include!(concat!(env!("OUT_DIR"), "/heygen_api_mock.rs"));

/// The API key [`client`] sends. The mocks do not check it unless a test
/// asks them to (`when.into_inner().header("x-api-key", API_KEY)`).
pub const API_KEY: &str = "heygen-mock-key";

/// The error code [`reject_unmatched`] answers with.
pub const UNMATCHED: &str = "mock_unmatched";

/// A client for `server`: its base URL, the key [`API_KEY`], and the
/// library's default retry policy (so a mocked `429` is retried as in
/// production; use [`client_builder`] to change that).
pub fn client(server: &httpmock::MockServer) -> Client {
    client_builder(server)
        .build()
        .expect("a mock server's base URL is a valid http URL")
}

/// A builder already pointed at `server` with [`API_KEY`], for tests that
/// need other settings (`.max_retries(0)`, timeouts, ...).
pub fn client_builder(server: &httpmock::MockServer) -> ClientBuilder<Client> {
    Client::builder()
        .api_key(API_KEY)
        .base_url(server.base_url())
}

/// One operation of the spec the mocks were generated from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The spec's `operationId`, e.g. `stopVideoAgentSession`.
    pub id: &'static str,
    /// The HTTP method, upper case.
    pub method: &'static str,
    /// The path template, e.g. `/v3/video-agents/{session_id}/stop`.
    pub path: &'static str,
    /// The [`MockServerExt`] method that mocks it.
    pub mock: &'static str,
}

impl Operation {
    /// Whether a request with this method and path (no query) is a call of
    /// this operation. A template parameter matches one non-empty segment.
    pub fn matches(&self, method: &str, path: &str) -> bool {
        if !self.method.eq_ignore_ascii_case(method) {
            return false;
        }
        let want: Vec<&str> = self.path.split('/').collect();
        let got: Vec<&str> = path.split('/').collect();
        want.len() == got.len()
            && want.iter().zip(&got).all(|(w, g)| {
                let param = w.starts_with('{') && w.ends_with('}');
                if param {
                    !g.is_empty()
                } else {
                    w == g
                }
            })
    }
}

/// HeyGen's error answers for every typed `Then` of [`MockServerExt`].
pub trait ApiErrorThen: Sized {
    /// Applies `f` to the underlying [`httpmock::Then`].
    fn map_then<F: FnOnce(httpmock::Then) -> httpmock::Then>(self, f: F) -> Self;

    /// Answers `status` with HeyGen's envelope:
    /// `{"error": {"code", "message", "param": null, "doc_url": null}}`.
    fn error(self, status: u16, code: &str, message: &str) -> Self {
        let body = error_body(code, message);
        self.map_then(|then| {
            then.status(status)
                .header("content-type", "application/json")
                .json_body(body)
        })
    }

    /// Answers `429 rate_limit_exceeded` with `Retry-After` in whole seconds.
    fn rate_limited(self, retry_after: Duration) -> Self {
        let body = error_body(
            "rate_limit_exceeded",
            "Too many requests. Retry after the duration specified in the Retry-After header.",
        );
        let seconds = retry_after.as_secs().to_string();
        self.map_then(|then| {
            then.status(429)
                .header("content-type", "application/json")
                .header("retry-after", seconds)
                .json_body(body)
        })
    }
}

fn error_body(code: &str, message: &str) -> serde_json::Value {
    serde_json::json!({ "error": { "code": code, "message": message, "param": null, "doc_url": null } })
}

/// Makes `server` answer any request that no earlier mock matched with a
/// `404` in HeyGen's error envelope, code [`UNMATCHED`], whose message names
/// the request and the operation (and its mock method) it would belong to.
///
/// httpmock tries mocks in the order they were made, so call this after
/// your last mock. Returns the catch-all mock: `assert_calls(0)` on it
/// checks that every request was expected.
pub fn reject_unmatched(server: &httpmock::MockServer) -> httpmock::Mock<'_> {
    server.mock(|_when, then| {
        then.respond_with(|request: &httpmock::HttpMockRequest| {
            let method = request.method_str().to_string();
            let uri = request.uri();
            let path = uri.path().to_string();
            let message = unmatched_message(&method, &path, uri.query());
            httpmock::HttpMockResponse::builder()
                .status(404)
                .header("content-type", "application/json")
                .body(error_body(UNMATCHED, &message).to_string())
                .build()
        });
    })
}

fn unmatched_message(method: &str, path: &str, query: Option<&str>) -> String {
    let target = match query {
        Some(q) => format!("{method} {path}?{q}"),
        None => format!("{method} {path}"),
    };
    match OPERATIONS.iter().find(|op| op.matches(method, path)) {
        Some(op) => format!(
            "no mock matched {target}, a request for {} ({} {}): the mocks set with \
             `server.{}(..)` expected other parameters, headers or body; \
             call `.assert()` on the one you meant to see the difference",
            op.id, op.method, op.path, op.mock
        ),
        None => {
            let known: Vec<String> = OPERATIONS
                .iter()
                .map(|op| format!("{} {}", op.method, op.path))
                .collect();
            format!(
                "no mock matched {target}, and no operation of the spec has this method and path \
                 (operations: {})",
                known.join(", ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_cover_the_spec_and_match_their_paths() {
        let stop = OPERATIONS
            .iter()
            .find(|op| op.id == "stopVideoAgentSession")
            .expect("the seed operation");
        assert_eq!(stop.mock, "stop_video_agent_session");
        assert!(stop.matches("POST", "/v3/video-agents/abc/stop"));
        assert!(stop.matches("post", "/v3/video-agents/a%2Fb/stop"));
        assert!(!stop.matches("GET", "/v3/video-agents/abc/stop"));
        assert!(!stop.matches("POST", "/v3/video-agents//stop"));
        assert!(!stop.matches("POST", "/v3/video-agents/a/b/stop"));
    }

    #[test]
    fn unmatched_messages_name_the_operation_or_list_them() {
        let m = unmatched_message("POST", "/v3/video-agents/x/stop", None);
        assert!(
            m.contains("stopVideoAgentSession")
                && m.contains("server.stop_video_agent_session(..)"),
            "{m}"
        );
        let m = unmatched_message("GET", "/nope", Some("a=1"));
        assert!(
            m.contains("GET /nope?a=1") && m.contains("POST /v3/video-agents/{session_id}/stop"),
            "{m}"
        );
    }
}
