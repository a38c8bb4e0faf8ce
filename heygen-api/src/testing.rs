//! A stand-in for HeyGen on 127.0.0.1 (cargo feature `testing`).
//!
//! [`FakeHeyGen`](crate::testing::FakeHeyGen) is a small in-process HTTP server that answers the seed
//! operation as the vendored spec documents it, so examples, doc tests and
//! your own tests can run the real client end to end without a key or a
//! network:
//!
//! - every request must carry its API key as `x-api-key` (or
//!   `Authorization: Bearer`), or it gets `401 authentication_failed`;
//! - [`FakeHeyGen::rate_limit_next`](crate::testing::FakeHeyGen::rate_limit_next) scripts `429 rate_limit_exceeded`
//!   answers with a `Retry-After`;
//! - `POST /v3/video-agents/{session_id}/stop` takes `{}` (any field is
//!   `400 invalid_parameter`, as `additionalProperties: false` says) and
//!   answers `{"data": {"session_id": ...}}` for a known session,
//!   `404 not_found` otherwise;
//! - any other route is `404 not_found`, naming the method and path.
//!
//! Every answer carries an `x-request-id`. The server runs on the tokio
//! runtime it is started on and stops when the [`FakeHeyGen`](crate::testing::FakeHeyGen) is dropped.
//!
//! ```
//! use std::time::Duration;
//! use heygen_api::testing::FakeHeyGen;
//! use heygen_api::types::StopSessionRequest;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let heygen = FakeHeyGen::start().await?;
//! heygen.add_session("sess_42");
//!
//! // What a user writes, pointed at the stand-in.
//! let client = heygen_api::Client::builder()
//!     .api_key(heygen.api_key())
//!     .base_url(heygen.url())
//!     .build()?;
//! let stopped = client
//!     .stop_video_agent_session()
//!     .session_id("sess_42")
//!     .body(StopSessionRequest::default())
//!     .send()
//!     .await?
//!     .into_data()?;
//! assert_eq!(stopped.session_id, "sess_42");
//!
//! // One 429 with `Retry-After: 0`: the client waits and retries by itself.
//! heygen.rate_limit_next(1, Duration::ZERO);
//! client.stop_video_agent_session().session_id("sess_42").body(StopSessionRequest::default()).send().await?;
//!
//! // An unknown session is a typed error.
//! let err = client
//!     .stop_video_agent_session()
//!     .session_id("nope")
//!     .body(StopSessionRequest::default())
//!     .send()
//!     .await
//!     .unwrap_err();
//! assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
//! assert_eq!(err.code(), Some("not_found"));
//!
//! let seen: Vec<u16> = heygen.requests().iter().map(|r| r.status).collect();
//! assert_eq!(seen, [200, 429, 200, 404]);
//! # Ok(())
//! # }
//! ```

use std::collections::{BTreeSet, VecDeque};
use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::{Client, ClientBuilder};

/// The API key a [`FakeHeyGen`] accepts unless given another.
pub const API_KEY: &str = "heygen-test-key";

/// The session a [`FakeHeyGen`] knows from the start.
pub const DEMO_SESSION: &str = "sess_demo";

/// Longest request head, and longest body, the stand-in reads.
const MAX_HEAD: usize = 64 * 1024;
const MAX_BODY: usize = 1024 * 1024;

/// A request the stand-in answered.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// `POST`, `GET`, ...
    pub method: String,
    /// The raw request target, e.g. `/v3/video-agents/sess_1/stop`.
    pub target: String,
    /// Header names (lower case) and values.
    pub headers: Vec<(String, String)>,
    /// The request body.
    pub body: Vec<u8>,
    /// The status it was answered with.
    pub status: u16,
}

impl Recorded {
    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug)]
struct State {
    api_key: String,
    sessions: BTreeSet<String>,
    /// One entry per scripted 429: its `Retry-After` in seconds.
    rate_limits: VecDeque<u64>,
    requests: Vec<Recorded>,
    next_id: u64,
}

/// An in-process stand-in for HeyGen's API on 127.0.0.1. See the
/// [module docs](self).
pub struct FakeHeyGen {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    task: tokio::task::JoinHandle<()>,
}

impl fmt::Debug for FakeHeyGen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeHeyGen")
            .field("url", &self.url())
            .finish_non_exhaustive()
    }
}

impl Drop for FakeHeyGen {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FakeHeyGen {
    /// Starts a stand-in on a free port of 127.0.0.1 that accepts
    /// [`API_KEY`] and knows session [`DEMO_SESSION`]. Must be called on a
    /// tokio runtime, which serves it.
    pub async fn start() -> std::io::Result<FakeHeyGen> {
        Self::start_with_key(API_KEY).await
    }

    /// Like [`start`](Self::start), accepting `api_key` instead.
    pub async fn start_with_key(api_key: impl Into<String>) -> std::io::Result<FakeHeyGen> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Mutex::new(State {
            api_key: api_key.into(),
            sessions: BTreeSet::from([DEMO_SESSION.to_string()]),
            rate_limits: VecDeque::new(),
            requests: Vec::new(),
            next_id: 1,
        }));
        let shared = state.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = shared.clone();
                tokio::spawn(async move {
                    // A broken connection concerns only its client.
                    let _ = serve(stream, state).await;
                });
            }
        });
        Ok(FakeHeyGen { addr, state, task })
    }

    /// The base URL to give a client, e.g. `http://127.0.0.1:41234`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The API key this stand-in accepts.
    pub fn api_key(&self) -> String {
        self.lock().api_key.clone()
    }

    /// A client builder pointed at this stand-in with its key.
    pub fn client_builder(&self) -> ClientBuilder<Client> {
        Client::builder()
            .api_key(self.api_key())
            .base_url(self.url())
    }

    /// A client pointed at this stand-in with its key and default settings.
    pub fn client(&self) -> Client {
        self.client_builder()
            .build()
            .expect("the stand-in's URL and key are valid")
    }

    /// Makes `session_id` a session that can be stopped.
    pub fn add_session(&self, session_id: impl Into<String>) {
        self.lock().sessions.insert(session_id.into());
    }

    /// Answers the next `count` authenticated requests with
    /// `429 rate_limit_exceeded` and `Retry-After: <whole seconds>`.
    pub fn rate_limit_next(&self, count: usize, retry_after: Duration) {
        let mut state = self.lock();
        state
            .rate_limits
            .extend(std::iter::repeat_n(retry_after.as_secs(), count));
    }

    /// Every request answered so far, oldest first.
    pub fn requests(&self) -> Vec<Recorded> {
        self.lock().requests.clone()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panic elsewhere while holding the lock leaves the data usable.
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// What the stand-in answers.
struct Answer {
    status: u16,
    reason: &'static str,
    headers: Vec<(&'static str, String)>,
    body: String,
}

impl Answer {
    fn json(status: u16, reason: &'static str, body: serde_json::Value) -> Answer {
        Answer {
            status,
            reason,
            headers: Vec::new(),
            body: body.to_string(),
        }
    }

    fn error(
        status: u16,
        reason: &'static str,
        code: &str,
        message: &str,
        param: Option<&str>,
    ) -> Answer {
        Answer::json(
            status,
            reason,
            serde_json::json!({ "error": { "code": code, "message": message, "param": param, "doc_url": null } }),
        )
    }
}

/// The routing and rules: the stand-in's whole behaviour.
fn answer(
    state: &mut State,
    method: &str,
    target: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> Answer {
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let key_ok = header("x-api-key") == Some(state.api_key.as_str())
        || header("authorization").and_then(|v| v.strip_prefix("Bearer "))
            == Some(state.api_key.as_str());
    if !key_ok {
        return Answer::error(
            401,
            "Unauthorized",
            "authentication_failed",
            "Invalid or expired API key. Verify your x-api-key header.",
            None,
        );
    }
    if let Some(seconds) = state.rate_limits.pop_front() {
        let mut answer = Answer::error(
            429,
            "Too Many Requests",
            "rate_limit_exceeded",
            "Too many requests. Retry after the duration specified in the Retry-After header.",
            None,
        );
        answer.headers.push(("retry-after", seconds.to_string()));
        return answer;
    }
    let path = target.split('?').next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').collect();
    match (method, segments.as_slice()) {
        ("POST", ["", "v3", "video-agents", session_id, "stop"]) if !session_id.is_empty() => {
            let fields = match serde_json::from_slice::<serde_json::Value>(body) {
                Ok(serde_json::Value::Object(fields)) => fields,
                _ => {
                    return Answer::error(
                        400,
                        "Bad Request",
                        "invalid_parameter",
                        "The body must be a JSON object.",
                        None,
                    )
                }
            };
            if let Some(extra) = fields.keys().next() {
                let message = format!("Unknown field `{extra}`: this request takes no fields.");
                return Answer::error(
                    400,
                    "Bad Request",
                    "invalid_parameter",
                    &message,
                    Some(extra),
                );
            }
            let session_id = percent_encoding::percent_decode_str(session_id)
                .decode_utf8_lossy()
                .into_owned();
            if state.sessions.contains(&session_id) {
                Answer::json(
                    200,
                    "OK",
                    serde_json::json!({ "data": { "session_id": session_id } }),
                )
            } else {
                Answer::error(404, "Not Found", "not_found", "Session not found.", None)
            }
        }
        _ => {
            let message = format!("The HeyGen stand-in has no route {method} {path}.");
            Answer::error(404, "Not Found", "not_found", &message, None)
        }
    }
}

/// Serves one connection: HTTP/1.1 requests with a `Content-Length` body,
/// kept alive until the client closes it.
async fn serve(mut stream: TcpStream, state: Arc<Mutex<State>>) -> std::io::Result<()> {
    let mut buf = Vec::new();
    loop {
        let head_end = loop {
            if let Some(pos) = find(&buf, b"\r\n\r\n") {
                break pos;
            }
            if buf.len() > MAX_HEAD || !read_more(&mut stream, &mut buf).await? {
                return Ok(());
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
        let mut lines = head.split("\r\n");
        let mut request_line = lines.next().unwrap_or_default().split(' ');
        let method = request_line.next().unwrap_or_default().to_string();
        let target = request_line.next().unwrap_or_default().to_string();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let value = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let chunked =
            value("transfer-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        let length: usize = value("content-length")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let close = value("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let start = head_end + 4;
        if chunked || length > MAX_BODY {
            let why = if chunked {
                "chunked request bodies"
            } else {
                "bodies over 1 MiB"
            };
            let message = format!("The HeyGen stand-in does not accept {why}.");
            write_answer(
                &mut stream,
                &Answer::error(400, "Bad Request", "invalid_request", &message, None),
                0,
            )
            .await?;
            return Ok(());
        }
        while buf.len() < start + length {
            if !read_more(&mut stream, &mut buf).await? {
                return Ok(());
            }
        }
        let body = buf[start..start + length].to_vec();
        buf.drain(..start + length);
        let (answer, id) = {
            let mut state = lock(&state);
            let answer = answer(&mut state, &method, &target, &headers, &body);
            let id = state.next_id;
            state.next_id += 1;
            state.requests.push(Recorded {
                method,
                target,
                headers,
                body,
                status: answer.status,
            });
            (answer, id)
        };
        write_answer(&mut stream, &answer, id).await?;
        if close {
            return Ok(());
        }
    }
}

async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    let mut chunk = [0u8; 8192];
    let n = stream.read(&mut chunk).await?;
    buf.extend_from_slice(&chunk[..n]);
    Ok(n > 0)
}

async fn write_answer(stream: &mut TcpStream, answer: &Answer, id: u64) -> std::io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nx-request-id: req_fake_{id}\r\n",
        answer.status,
        answer.reason,
        answer.body.len()
    );
    for (name, value) in &answer.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    out.push_str(&answer.body);
    stream.write_all(out.as_bytes()).await?;
    stream.flush().await
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State {
            api_key: "k".into(),
            sessions: BTreeSet::from(["s 1".to_string()]),
            rate_limits: VecDeque::new(),
            requests: Vec::new(),
            next_id: 1,
        }
    }

    fn key() -> Vec<(String, String)> {
        vec![("x-api-key".into(), "k".into())]
    }

    #[test]
    fn rules() {
        let mut s = state();
        assert_eq!(
            answer(&mut s, "POST", "/v3/video-agents/s%201/stop", &key(), b"{}").status,
            200
        );
        assert_eq!(
            answer(&mut s, "POST", "/v3/video-agents/other/stop", &key(), b"{}").status,
            404
        );
        assert_eq!(
            answer(&mut s, "POST", "/v3/video-agents/s%201/stop", &[], b"{}").status,
            401
        );
        let bearer = vec![("authorization".to_string(), "Bearer k".to_string())];
        assert_eq!(
            answer(
                &mut s,
                "POST",
                "/v3/video-agents/s%201/stop",
                &bearer,
                b"{}"
            )
            .status,
            200
        );
        let extra = answer(
            &mut s,
            "POST",
            "/v3/video-agents/s%201/stop",
            &key(),
            br#"{"x":1}"#,
        );
        assert_eq!(extra.status, 400);
        assert!(extra.body.contains(r#""param":"x""#), "{}", extra.body);
        assert_eq!(
            answer(&mut s, "POST", "/v3/video-agents/s%201/stop", &key(), b"[]").status,
            400
        );
        let unknown = answer(&mut s, "GET", "/v3/nothing?x=1", &key(), b"");
        assert_eq!(unknown.status, 404);
        assert!(unknown.body.contains("GET /v3/nothing"), "{}", unknown.body);
        s.rate_limits.push_back(1);
        let limited = answer(&mut s, "POST", "/v3/video-agents/s%201/stop", &key(), b"{}");
        assert_eq!(
            (limited.status, limited.headers.clone()),
            (429, vec![("retry-after", "1".to_string())])
        );
        assert_eq!(
            answer(&mut s, "POST", "/v3/video-agents/s%201/stop", &key(), b"{}").status,
            200
        );
    }
}
