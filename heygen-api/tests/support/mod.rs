//! A tiny HTTP/1.1 server on 127.0.0.1 for tests: it records every request
//! exactly as it arrived (raw request target included) and answers with
//! whatever the test's handler returns. The fixture client's tests use it
//! too (`heygen-api-gen/fixture-client/tests/support`).
#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The seed's operation for session `id`, with an empty body: the call most
/// tests make.
pub async fn stop(
    client: &heygen_api::Client,
    id: &str,
) -> Result<heygen_api::Response<heygen_api::types::StopVideoAgentSessionResponse>, heygen_api::Error>
{
    client
        .stop_video_agent_session()
        .session_id(id)
        .body(heygen_api::types::StopSessionRequest::default())
        .send()
        .await
}

/// A client for `url` with `key` and two retries a few milliseconds apart:
/// what the tests of retries use, so that they take no seconds.
pub fn fast_client(url: &str, key: &str) -> heygen_api::Client {
    fast_client_builder(url, key).build().unwrap()
}

/// The builder of [`fast_client`], for a test to add to.
pub fn fast_client_builder(url: &str, key: &str) -> heygen_api::ClientBuilder<heygen_api::Client> {
    heygen_api::Client::builder()
        .api_key(key)
        .base_url(url)
        .retry_policy(heygen_api::RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
            ..Default::default()
        })
}

/// One request as received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// The raw request target, e.g. `/v3/video-agents/a%2Fb/stop`.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub at: Instant,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }

    /// Every value of a query parameter, percent-decoded.
    pub fn query_all(&self, name: &str) -> Vec<String> {
        let Some((_, query)) = self.target.split_once('?') else {
            return Vec::new();
        };
        query
            .split('&')
            .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
            .filter(|(k, _)| decode(k) == name)
            .map(|(_, v)| decode(v))
            .collect()
    }

    /// The one value of a query parameter.
    pub fn query(&self, name: &str) -> Option<String> {
        let mut all = self.query_all(name);
        assert!(
            all.len() <= 1,
            "`{name}` sent {} times in {}",
            all.len(),
            self.target
        );
        all.pop()
    }
}

/// A query parameter's name or value, decoded (`+` is a space).
fn decode(s: &str) -> String {
    String::from_utf8(percent_decode(&s.replace('+', " "))).expect("utf-8 query")
}

/// Percent-decodes what a client sent. A `%` that does not start an escape
/// (two hex digits) fails the test: a client never sends one.
pub fn percent_decode(s: &str) -> Vec<u8> {
    for (i, _) in s.match_indices('%') {
        assert!(
            s.as_bytes()
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)),
            "a `%` that is no escape in {s:?}"
        );
    }
    percent_encoding::percent_decode_str(s).collect()
}

/// What to answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub delay: Duration,
    /// Close the connection without answering.
    pub hang_up: bool,
    /// Send the head (announcing a longer body) and `body`, then keep the
    /// connection open without sending the rest: a body that never ends.
    pub stall: bool,
}

impl Reply {
    pub fn json(status: u16, body: impl Into<String>) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.into().into_bytes(),
            delay: Duration::ZERO,
            hang_up: false,
            stall: false,
        }
    }
    pub fn value(status: u16, body: &serde_json::Value) -> Reply {
        Reply::json(status, body.to_string())
    }
    pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            hang_up: false,
            stall: false,
        }
    }
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
    pub fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
    /// Close the connection without answering.
    pub fn hung_up(mut self) -> Reply {
        self.hang_up = true;
        self
    }
    /// Send the head and `body`, then never finish the body.
    pub fn stalled(mut self) -> Reply {
        self.stall = true;
        self
    }
}

/// A URL on 127.0.0.1 where nothing listens: connecting is refused.
pub async fn refused_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    format!("http://{addr}")
}

type Handler = Arc<dyn Fn(usize, &Seen) -> Reply + Send + Sync>;

pub struct TestServer {
    addr: std::net::SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl TestServer {
    /// Starts a server; `handler(request)` answers each request.
    pub async fn start(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> TestServer {
        Self::start_counted(move |_, request| handler(request)).await
    }

    /// Starts a server; `handler(n, request)` answers the `n`th request
    /// (counting from 0).
    pub async fn start_counted(
        handler: impl Fn(usize, &Seen) -> Reply + Send + Sync + 'static,
    ) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("addr");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let handler: Handler = Arc::new(handler);
        let seen_in = seen.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let _ = stream.set_nodelay(true);
                let handler = handler.clone();
                let seen = seen_in.clone();
                tokio::spawn(async move {
                    let _ = serve(stream, handler, seen).await;
                });
            }
        });
        TestServer { addr, seen, task }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.seen.lock().expect("lock").clone()
    }

    pub fn count(&self) -> usize {
        self.seen.lock().expect("lock").len()
    }
}

async fn serve(
    mut stream: tokio::net::TcpStream,
    handler: Handler,
    seen: Arc<Mutex<Vec<Seen>>>,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    loop {
        // Read one request: head, then Content-Length bytes of body.
        let head_end = loop {
            if let Some(pos) = find(&buf, b"\r\n\r\n") {
                break pos;
            }
            let mut chunk = [0u8; 8192];
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                return Ok(());
            }
            buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let mut lines = head.split("\r\n");
        let request_line = lines.next().unwrap_or_default();
        let mut parts = request_line.split(' ');
        let method = parts.next().unwrap_or_default().to_string();
        let target = parts.next().unwrap_or_default().to_string();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| {
                l.split_once(':')
                    .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            })
            .collect();
        let length: usize = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        let chunked = headers
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
        let body_start = head_end + 4;
        let body = if chunked {
            loop {
                if let Some((body, used)) = dechunk(&buf[body_start..]) {
                    buf.drain(..body_start + used);
                    break body;
                }
                let mut chunk = [0u8; 8192];
                let n = stream.read(&mut chunk).await?;
                if n == 0 {
                    return Ok(());
                }
                buf.extend_from_slice(&chunk[..n]);
            }
        } else {
            while buf.len() < body_start + length {
                let mut chunk = [0u8; 8192];
                let n = stream.read(&mut chunk).await?;
                if n == 0 {
                    return Ok(());
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            let body = buf[body_start..body_start + length].to_vec();
            buf.drain(..body_start + length);
            body
        };
        let request = Seen {
            method,
            target,
            headers,
            body,
            at: Instant::now(),
        };
        let n = {
            let mut seen = seen.lock().expect("lock");
            seen.push(request.clone());
            seen.len() - 1
        };
        let reply = handler(n, &request);
        if !reply.delay.is_zero() {
            tokio::time::sleep(reply.delay).await;
        }
        if reply.hang_up {
            return Ok(());
        }
        // A stalled reply promises far more than it sends.
        let announced = if reply.stall {
            reply.body.len() + (1 << 20)
        } else {
            reply.body.len()
        };
        let mut out = format!(
            "HTTP/1.1 {} X\r\ncontent-length: {}\r\n",
            reply.status, announced
        );
        for (k, v) in &reply.headers {
            out.push_str(&format!("{k}: {v}\r\n"));
        }
        out.push_str("\r\n");
        // One write: a head and a body in two small segments would meet
        // Nagle's algorithm and a delayed ACK, 40 ms per response.
        let mut bytes = out.into_bytes();
        bytes.extend_from_slice(&reply.body);
        stream.write_all(&bytes).await?;
        stream.flush().await?;
        if reply.stall {
            // Hold the connection open until the test ends.
            std::future::pending::<()>().await;
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A whole chunked body and the bytes it took, or `None` if more is needed.
fn dechunk(raw: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let line_end = at + find(&raw[at..], b"\r\n")?;
        let size_field = std::str::from_utf8(&raw[at..line_end]).ok()?;
        let size = usize::from_str_radix(size_field.split(';').next()?.trim(), 16).ok()?;
        let start = line_end + 2;
        if size == 0 {
            // No trailers: the body ends with an empty line.
            return (raw.len() >= start + 2).then(|| (out, start + 2));
        }
        if raw.len() < start + size + 2 {
            return None;
        }
        out.extend_from_slice(&raw[start..start + size]);
        at = start + size + 2;
    }
}

/// A handler that answers the n-th request with `replies[n]`, and every
/// request after the last with the last reply.
pub fn sequence(replies: Vec<Reply>) -> impl Fn(&Seen) -> Reply + Send + Sync + 'static {
    assert!(!replies.is_empty(), "a sequence needs at least one reply");
    let next = std::sync::atomic::AtomicUsize::new(0);
    move |_req| {
        let n = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        replies[n.min(replies.len() - 1)].clone()
    }
}

/// For tests that drive a raw socket themselves: reads one request (head and `Content-Length` body) and returns its head.
pub async fn read_request(stream: &mut TcpStream) -> String {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(pos) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos + 4;
        }
        let n = stream.read(&mut chunk).await.expect("read request");
        assert!(n > 0, "the client closed before sending a request");
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map(|v| v.trim().parse().expect("content-length"))
        .unwrap_or(0);
    while buf.len() < head_end + length {
        let n = stream.read(&mut chunk).await.expect("read body");
        assert!(n > 0, "the client closed mid-body");
        buf.extend_from_slice(&chunk[..n]);
    }
    head
}
