//! What the client's layer costs over plain `reqwest`, and whether retries
//! under rate limiting lose or repeat calls.
//!
//! `cargo bench -p heygen-api --bench overhead` starts an HTTP/1.1 server on
//! 127.0.0.1 answering the seed operation (`POST
//! /v3/video-agents/{session_id}/stop`), then:
//!
//! 1. **Overhead.** The same calls are made (a) through `heygen_api::Client`
//!    (auth, retry class and policy armed but never triggered,
//!    bounded body, typed decoding into the envelope) and (b) through plain
//!    `reqwest` sending the identical request (checked header for header)
//!    and decoding with `serde_json` into an equivalent struct. Blocks of
//!    calls alternate between (a) and (b), in `ab`/`ba` order by round, at
//!    concurrency 1 and 64, in one process.
//! 2. **Rate limiting.** The server refuses a share of requests with 429 and
//!    `Retry-After: 0` (a few with `1`), counts executions per
//!    `Idempotency-Key`, and the bench checks that every call the client saw
//!    succeed ran exactly once on the server and every call that failed ran
//!    never.
//!
//! The client runs on a current-thread runtime on the main thread, the
//! server on a one-worker runtime of its own: one core each on a two-core
//! machine. Allocations are counted on the client thread only.
//!
//! Knobs (environment): `BENCH_ROUNDS` (default 100), `BENCH_CALLS` calls per
//! block (default 500, and at least 10 per concurrent task). Blocks much
//! shorter than that measure the switch between the two clients too: the
//! first calls after the other client's block find less of their own code
//! and data in the caches, and (a) has more code of its own (BENCHMARKS.md
//! has the measurements). `BENCH_429_SHARE` (default 0.2),
//! `BENCH_429_SLOW_SHARE` share of 429s that say `Retry-After: 1` (default
//! 0.05), `BENCH_RL_CALLS` (default 2000). `BENCH_ONLY=a` (or `b`) makes
//! `BENCH_ROUNDS x BENCH_CALLS` calls of one side alone at concurrency
//! `BENCH_CONCURRENCY` (default 1) and stops: for `perf` or `strace -c`, not for comparing.
//! `BENCH_AA=1` makes (b) a second heygen-api client: an A/A run, whose
//! ratios show what the method itself adds (they should be 1).
//!
//! Prints tables and writes `target/bench-summary/overhead.json`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use heygen_api::types::StopSessionRequest;
use reqwest::header::{HeaderName, HeaderValue, ACCEPT, USER_AGENT};
use serde::{Deserialize, Serialize};
use serde_json::json;

mod common;
use common::{machine, write_summary};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

// ---------------------------------------------------------------- allocator

/// Counts allocations made on threads that opt in (the client's).
struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);
static ALLOC_BYTES: AtomicU64 = AtomicU64::new(0);

thread_local! {
    static COUNTED: Cell<bool> = const { Cell::new(false) };
}

fn note(size: usize) {
    if COUNTED.try_with(Cell::get).unwrap_or(false) {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        ALLOC_BYTES.fetch_add(size as u64, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn alloc_snapshot() -> (u64, u64) {
    (
        ALLOCS.load(Ordering::Relaxed),
        ALLOC_BYTES.load(Ordering::Relaxed),
    )
}

// ------------------------------------------------------------------- server

#[derive(Default)]
struct KeyStats {
    attempts: u32,
    successes: u32,
}

struct Server {
    /// Share of requests answered 429; 0 in the overhead runs.
    share_429: Mutex<f64>,
    /// Share of those 429s that say `Retry-After: 1` rather than `0`.
    slow_share: f64,
    /// Per-`Idempotency-Key` bookkeeping, only while rate limiting.
    keys: Mutex<HashMap<String, KeyStats>>,
    /// Header names of the next request, when asked for.
    capture: Mutex<Option<Vec<String>>>,
    rng: AtomicU64,
    slow_429s: AtomicU64,
}

impl Server {
    fn next_unit(&self) -> f64 {
        // splitmix64 on a counter: deterministic and lock-free.
        let mut z = self
            .rng
            .fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
            .wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

async fn stop(
    State(server): State<Arc<Server>>,
    UrlPath(session_id): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    if let Some(slot) = server.capture.lock().expect("lock").as_mut() {
        if slot.is_empty() {
            let mut names: Vec<String> = headers.keys().map(|k| k.as_str().to_string()).collect();
            names.sort();
            *slot = names;
        }
    }
    let share = *server.share_429.lock().expect("lock");
    if share == 0.0 {
        let body = format!(r#"{{"data":{{"session_id":"{session_id}"}}}}"#);
        return (
            [(axum::http::header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
    }
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let refuse = server.next_unit() < share;
    let slow = refuse && server.next_unit() < server.slow_share;
    {
        let mut keys = server.keys.lock().expect("lock");
        let stats = keys.entry(key.clone()).or_default();
        stats.attempts += 1;
        if !refuse {
            stats.successes += 1;
        }
    }
    if refuse {
        if slow {
            server.slow_429s.fetch_add(1, Ordering::Relaxed);
        }
        let body = r#"{"error":{"code":"rate_limit_exceeded","message":"Too many requests.","param":null,"doc_url":null}}"#;
        (
            StatusCode::TOO_MANY_REQUESTS,
            [
                (
                    axum::http::header::CONTENT_TYPE,
                    "application/json".to_string(),
                ),
                (
                    axum::http::header::RETRY_AFTER,
                    if slow { "1" } else { "0" }.to_string(),
                ),
                (HeaderName::from_static("x-request-id"), key),
            ],
            body,
        )
            .into_response()
    } else {
        let body = format!(r#"{{"data":{{"session_id":"{session_id}"}}}}"#);
        (
            [
                (
                    axum::http::header::CONTENT_TYPE,
                    "application/json".to_string(),
                ),
                (HeaderName::from_static("x-request-id"), key),
            ],
            body,
        )
            .into_response()
    }
}

/// Starts the server on its own one-worker runtime; returns its base URL.
fn start_server(
    runtime: &tokio::runtime::Runtime,
    server: Arc<Server>,
) -> Result<String, BoxError> {
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))?;
    let addr = listener.local_addr()?;
    let app = axum::Router::new()
        .route("/v3/video-agents/{session_id}/stop", post(stop))
        .with_state(server);
    runtime.spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            eprintln!("bench server stopped: {e}");
        }
    });
    Ok(format!("http://{addr}"))
}

// ------------------------------------------------------------------ clients

#[derive(Serialize)]
struct PlainRequest {}

#[derive(Deserialize)]
struct PlainEnvelope {
    data: Option<PlainSession>,
}

#[derive(Deserialize)]
struct PlainSession {
    session_id: String,
}

/// Plain reqwest, sending what the layer sends: the same method, path,
/// `accept`, `content-type`, `x-api-key`, `user-agent` and the JSON body
/// `{}`. (The seed's operation does not declare `Idempotency-Key`, so the
/// layer sends none.)
struct Plain {
    http: reqwest::Client,
    base: String,
    api_key: HeaderValue,
    user_agent: HeaderValue,
}

impl Plain {
    async fn call(&self, session_id: &str) -> Result<String, BoxError> {
        let response = self
            .http
            .post(format!("{}/v3/video-agents/{session_id}/stop", self.base))
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(HeaderName::from_static("x-api-key"), self.api_key.clone())
            .header(USER_AGENT, self.user_agent.clone())
            .json(&PlainRequest {})
            .send()
            .await?;
        if !response.status().is_success() {
            return Err(format!("status {}", response.status()).into());
        }
        let body = response.bytes().await?;
        let envelope: PlainEnvelope = serde_json::from_slice(&body)?;
        Ok(envelope.data.ok_or("no data")?.session_id)
    }
}

fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.finish()
}

/// The size of one call's future on each side: every `.await` that starts
/// it copies that many bytes, and every layer that holds a future it also
/// awaits doubles it.
fn future_sizes(clients: &Clients) -> (usize, usize) {
    let a = std::mem::size_of_val(&layered_call(&clients.layered, "s"));
    let b = std::mem::size_of_val(&clients.plain.call("s"));
    (a, b)
}

async fn layered_call(client: &heygen_api::Client, session_id: &str) -> Result<String, BoxError> {
    let data = client
        .stop_video_agent_session()
        .session_id(session_id)
        .body(StopSessionRequest::default())
        .send()
        .await?
        .into_data()?;
    Ok(data.session_id)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Layered,
    Plain,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Layered => "(a) heygen-api",
            Kind::Plain => "(b) plain reqwest",
        }
    }
}

struct Clients {
    layered: heygen_api::Client,
    plain: Plain,
    /// With `BENCH_AA`, (b) is this second layered client (its own
    /// connection pool): an A/A run, to show the method has no bias.
    twin: Option<heygen_api::Client>,
}

impl Clients {
    async fn call(&self, kind: Kind) -> Result<(), BoxError> {
        let id = match kind {
            Kind::Layered => layered_call(&self.layered, "s").await?,
            Kind::Plain => match &self.twin {
                Some(twin) => layered_call(twin, "s").await?,
                None => self.plain.call("s").await?,
            },
        };
        if id != "s" {
            return Err(format!("unexpected session id {id}").into());
        }
        Ok(())
    }
}

// ---------------------------------------------------------------- workloads

struct Block {
    elapsed: Duration,
    latencies_ns: Vec<u64>,
    allocs: u64,
    alloc_bytes: u64,
}

/// `calls` calls by `concurrency` tasks on the current thread.
async fn run_block(
    clients: &Arc<Clients>,
    kind: Kind,
    concurrency: usize,
    calls: usize,
) -> Result<Block, BoxError> {
    let remaining = Arc::new(AtomicUsize::new(calls));
    let before = alloc_snapshot();
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(concurrency);
    for _ in 0..concurrency {
        let clients = clients.clone();
        let remaining = remaining.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(calls / concurrency + 1);
            while remaining
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
                .is_ok()
            {
                let t = Instant::now();
                clients.call(kind).await?;
                latencies.push(t.elapsed().as_nanos() as u64);
            }
            Ok::<_, BoxError>(latencies)
        }));
    }
    let mut latencies_ns = Vec::with_capacity(calls);
    for task in tasks {
        latencies_ns.extend(task.await??);
    }
    let elapsed = started.elapsed();
    let after = alloc_snapshot();
    Ok(Block {
        elapsed,
        latencies_ns,
        allocs: after.0 - before.0,
        alloc_bytes: after.1 - before.1,
    })
}

#[derive(Default)]
struct Series {
    calls: usize,
    elapsed: Duration,
    latencies_ns: Vec<u64>,
    block_rps: Vec<f64>,
    allocs_per_call: Vec<f64>,
    bytes_per_call: Vec<f64>,
}

impl Series {
    fn add(&mut self, block: Block) {
        let n = block.latencies_ns.len();
        self.calls += n;
        self.elapsed += block.elapsed;
        self.block_rps.push(n as f64 / block.elapsed.as_secs_f64());
        self.allocs_per_call.push(block.allocs as f64 / n as f64);
        self.bytes_per_call
            .push(block.alloc_bytes as f64 / n as f64);
        self.latencies_ns.extend(block.latencies_ns);
    }
    fn rps(&self) -> f64 {
        self.calls as f64 / self.elapsed.as_secs_f64()
    }
    fn percentile_us(&mut self, p: f64) -> f64 {
        self.latencies_ns.sort_unstable();
        let i = ((self.latencies_ns.len() as f64 - 1.0) * p).round() as usize;
        self.latencies_ns[i] as f64 / 1000.0
    }
}

struct OverheadResult {
    concurrency: usize,
    calls_per_block: usize,
    layered: Series,
    plain: Series,
    /// (a)/(b) throughput of each round's adjacent blocks.
    round_ratios: Vec<f64>,
}

async fn overhead(
    clients: &Arc<Clients>,
    concurrency: usize,
    rounds: usize,
    calls: usize,
) -> Result<OverheadResult, BoxError> {
    // Warm both pools to `concurrency` connections.
    for kind in [Kind::Layered, Kind::Plain] {
        run_block(clients, kind, concurrency, concurrency * 20).await?;
    }
    // Enough calls that every task makes several: a block of 64 tasks
    // making one call each would time their start and end, not the calls.
    let calls = calls.max(10 * concurrency);
    let mut result = OverheadResult {
        concurrency,
        calls_per_block: calls,
        layered: Series::default(),
        plain: Series::default(),
        round_ratios: Vec::new(),
    };
    for round in 0..rounds {
        let order = if round % 2 == 0 {
            [Kind::Layered, Kind::Plain]
        } else {
            [Kind::Plain, Kind::Layered]
        };
        let mut rps = [0.0; 2];
        for kind in order {
            let block = run_block(clients, kind, concurrency, calls).await?;
            let r = calls as f64 / block.elapsed.as_secs_f64();
            match kind {
                Kind::Layered => {
                    rps[0] = r;
                    result.layered.add(block);
                }
                Kind::Plain => {
                    rps[1] = r;
                    result.plain.add(block);
                }
            }
        }
        result.round_ratios.push(rps[0] / rps[1]);
    }
    Ok(result)
}

struct RateLimitResult {
    calls: usize,
    concurrency: usize,
    succeeded: usize,
    failed_429: usize,
    failed_other: usize,
    attempts: u64,
    retries: u64,
    slow_429s: u64,
    distinct_keys: usize,
    duplicated: usize,
    lost: usize,
    phantom: usize,
    elapsed: Duration,
}

async fn rate_limited(
    clients: &Arc<Clients>,
    server: &Arc<Server>,
    calls: usize,
    concurrency: usize,
) -> Result<RateLimitResult, BoxError> {
    server.keys.lock().expect("lock").clear();
    server.slow_429s.store(0, Ordering::Relaxed);
    let remaining = Arc::new(AtomicUsize::new(calls));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let clients = clients.clone();
        let remaining = remaining.clone();
        tasks.push(tokio::spawn(async move {
            // (key the server saw, succeeded?) for each call; a failure that
            // never reached the server has no key.
            type Seen = (Option<String>, Result<(), Option<u16>>);
            let mut seen: Vec<Seen> = Vec::new();
            while remaining
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
                .is_ok()
            {
                // A key of the caller's own, for the server's bookkeeping
                // per call (the operation declares none, so the client adds
                // none; a 429 is retried all the same).
                let key = format!("bench-{:016x}{:016x}", random_u64(), random_u64());
                let result = clients
                    .layered
                    .stop_video_agent_session()
                    .session_id("s")
                    .idempotency_key(key)
                    .body(StopSessionRequest::default())
                    .send()
                    .await;
                match result {
                    Ok(response) => seen.push((response.request_id().map(String::from), Ok(()))),
                    Err(e) => seen.push((
                        e.request_id().map(String::from),
                        Err(e.status().map(|s| s.as_u16())),
                    )),
                }
            }
            seen
        }));
    }
    let mut outcomes = Vec::with_capacity(calls);
    for task in tasks {
        outcomes.extend(task.await?);
    }
    let elapsed = started.elapsed();

    let keys = std::mem::take(&mut *server.keys.lock().expect("lock"));
    let attempts: u64 = keys.values().map(|k| u64::from(k.attempts)).sum();
    let mut client_ok = HashSet::new();
    let (mut succeeded, mut failed_429, mut failed_other, mut lost) = (0, 0, 0, 0);
    for (key, outcome) in &outcomes {
        match outcome {
            Ok(()) => {
                succeeded += 1;
                match key.as_deref().and_then(|k| keys.get(k)) {
                    Some(stats) if stats.successes == 1 => {
                        client_ok.insert(key.clone().unwrap_or_default());
                    }
                    // Seen as a success by the client, yet not executed
                    // exactly once on the server.
                    _ => lost += 1,
                }
            }
            Err(status) => {
                if *status == Some(429) {
                    failed_429 += 1;
                } else {
                    failed_other += 1;
                }
                // A call reported failed must not have run on the server.
                if key
                    .as_deref()
                    .and_then(|k| keys.get(k))
                    .is_some_and(|s| s.successes > 0)
                {
                    lost += 1;
                }
            }
        }
    }
    let duplicated = keys.values().filter(|k| k.successes > 1).count();
    // Executions the client never heard of.
    let phantom = keys
        .iter()
        .filter(|(k, s)| s.successes > 0 && !client_ok.contains(*k))
        .count();
    Ok(RateLimitResult {
        calls,
        concurrency,
        succeeded,
        failed_429,
        failed_other,
        attempts,
        retries: attempts - keys.len() as u64,
        slow_429s: server.slow_429s.load(Ordering::Relaxed),
        distinct_keys: keys.len(),
        duplicated,
        lost,
        phantom,
        elapsed,
    })
}

/// Sends one request of each kind and returns the header names the server
/// saw, so the comparison is known to be like for like.
async fn header_names(
    clients: &Arc<Clients>,
    server: &Arc<Server>,
    kind: Kind,
) -> Result<Vec<String>, BoxError> {
    *server.capture.lock().expect("lock") = Some(Vec::new());
    clients.call(kind).await?;
    Ok(server
        .capture
        .lock()
        .expect("lock")
        .take()
        .unwrap_or_default())
}

// --------------------------------------------------------------------- main

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn main() -> Result<(), BoxError> {
    // Under `cargo test --benches` run a token amount of work.
    let smoke = std::env::args().any(|a| a == "--test" || a == "--smoke");
    let rounds: usize = if smoke {
        2
    } else {
        env_or("BENCH_ROUNDS", 100)
    };
    let calls: usize = if smoke {
        128
    } else {
        env_or("BENCH_CALLS", 500)
    };
    let rl_calls: usize = if smoke {
        200
    } else {
        env_or("BENCH_RL_CALLS", 2000)
    };
    let share_429: f64 = env_or("BENCH_429_SHARE", 0.2);
    let slow_share: f64 = env_or("BENCH_429_SLOW_SHARE", 0.05);

    let server_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("bench-server")
        .enable_all()
        .build()?;
    let server = Arc::new(Server {
        share_429: Mutex::new(0.0),
        slow_share,
        keys: Mutex::new(HashMap::new()),
        capture: Mutex::new(None),
        rng: AtomicU64::new(0x5EED),
        slow_429s: AtomicU64::new(0),
    });
    let base = start_server(&server_rt, server.clone())?;

    let client_rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    COUNTED.with(|c| c.set(true));
    client_rt.block_on(async {
        let layered = heygen_api::Client::builder()
            .api_key("k")
            .base_url(base.as_str())
            .build()?;
        // The same reqwest settings the builder uses, and the same TLS
        // provider, which this crate's reqwest leaves to the application
        // (heygen-api passes it to each client it builds).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .connect_timeout(Duration::from_secs(10))
            .build()?;
        let plain = Plain {
            http,
            base: base.clone(),
            api_key: HeaderValue::from_static("k"),
            user_agent: HeaderValue::from_str(&format!(
                "heygen-api-rust/{}",
                env!("CARGO_PKG_VERSION")
            ))?,
        };
        let twin = match std::env::var_os("BENCH_AA") {
            Some(_) => {
                println!("BENCH_AA: (b) is a second heygen-api client, not plain reqwest");
                Some(
                    heygen_api::Client::builder()
                        .api_key("k")
                        .base_url(base.as_str())
                        .build()?,
                )
            }
            None => None,
        };
        let clients = Arc::new(Clients {
            layered,
            plain,
            twin,
        });

        let names_a = header_names(&clients, &server, Kind::Layered).await?;
        let names_b = header_names(&clients, &server, Kind::Plain).await?;
        println!("request headers (a): {}", names_a.join(", "));
        println!("request headers (b): {}", names_b.join(", "));
        if names_a != names_b {
            return Err::<(), BoxError>("(a) and (b) do not send the same headers".into());
        }

        // For profiling one side alone (`perf`, `strace -c`): calls of one
        // kind, no comparison and no summary.
        if let Ok(only) = std::env::var("BENCH_ONLY") {
            let kind = match only.as_str() {
                "a" => Kind::Layered,
                "b" => Kind::Plain,
                other => return Err(format!("BENCH_ONLY is `a` or `b`, not `{other}`").into()),
            };
            let (size_a, size_b) = future_sizes(&clients);
            println!("future of one call: (a) {size_a} bytes, (b) {size_b} bytes");
            let concurrency = env_or("BENCH_CONCURRENCY", 1usize);
            let block = run_block(&clients, kind, concurrency, rounds * calls).await?;
            println!(
                "{}: {} calls in {:.3} s, {:.1} allocations per call",
                kind.label(),
                block.latencies_ns.len(),
                block.elapsed.as_secs_f64(),
                block.allocs as f64 / block.latencies_ns.len() as f64
            );
            return Ok(());
        }

        let mut results = Vec::new();
        for concurrency in [1, 64] {
            results.push(overhead(&clients, concurrency, rounds, calls).await?);
        }

        *server.share_429.lock().expect("lock") = share_429;
        let rl = rate_limited(&clients, &server, rl_calls, 64).await?;
        *server.share_429.lock().expect("lock") = 0.0;

        report(
            &mut results,
            &rl,
            rounds,
            calls,
            share_429,
            slow_share,
            smoke,
        )
    })?;
    Ok(())
}

/// Each target on its own: the median per-round throughput ratio (at least
/// 0.97) and the p99 latency ratio (at most 1.05, which a few slow rounds on
/// a shared machine can miss when throughput does not).
fn verdict(median_round_ratio: f64, p99_ratio: f64) -> String {
    let mark = |met: bool| if met { "met" } else { "missed" };
    format!(
        "throughput >= 0.97: {}; p99 <= 1.05: {}",
        mark(median_round_ratio >= 0.97),
        mark(p99_ratio <= 1.05)
    )
}

fn report(
    results: &mut [OverheadResult],
    rl: &RateLimitResult,
    rounds: usize,
    calls: usize,
    share_429: f64,
    slow_share: f64,
    smoke: bool,
) -> Result<(), BoxError> {
    println!();
    let blocks: Vec<String> = results
        .iter()
        .map(|r| {
            format!(
                "{} calls at concurrency {}",
                r.calls_per_block, r.concurrency
            )
        })
        .collect();
    println!(
        "client overhead: {rounds} rounds, (a)/(b) alternating in blocks of {}, one process",
        blocks.join(" and ")
    );
    println!(
        "{:>4}  {:<18} {:>10} {:>10} {:>10} {:>12} {:>12}",
        "conc", "client", "req/s", "p50 us", "p99 us", "allocs/call", "bytes/call"
    );
    let mut rows = Vec::new();
    let mut all_ok = true;
    for r in results.iter_mut() {
        let mut stats = Vec::new();
        for (kind, series) in [(Kind::Layered, &mut r.layered), (Kind::Plain, &mut r.plain)] {
            let (p50, p99) = (series.percentile_us(0.50), series.percentile_us(0.99));
            let allocs = median(&series.allocs_per_call);
            let bytes = median(&series.bytes_per_call);
            println!(
                "{:>4}  {:<18} {:>10.0} {:>10.1} {:>10.1} {:>12.1} {:>12.0}",
                r.concurrency,
                kind.label(),
                series.rps(),
                p50,
                p99,
                allocs,
                bytes
            );
            stats.push((series.rps(), p50, p99, allocs, bytes));
        }
        let throughput_ratio = stats[0].0 / stats[1].0;
        let median_round_ratio = median(&r.round_ratios);
        let p50_ratio = stats[0].1 / stats[1].1;
        let p99_ratio = stats[0].2 / stats[1].2;
        let ok = median_round_ratio >= 0.97 && p99_ratio <= 1.05;
        all_ok &= ok;
        println!(
            "{:>4}  a/b: throughput {:.3} (median of per-round ratios {:.3}, range {:.3}..{:.3}), p50 {:.3}, p99 {:.3}  [{}]",
            r.concurrency,
            throughput_ratio,
            median_round_ratio,
            r.round_ratios.iter().copied().fold(f64::INFINITY, f64::min),
            r.round_ratios.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            p50_ratio,
            p99_ratio,
            verdict(median_round_ratio, p99_ratio)
        );
        let side = |s: &(f64, f64, f64, f64, f64)| json!({ "requests_per_s": s.0, "p50_us": s.1, "p99_us": s.2, "allocs_per_call": s.3, "alloc_bytes_per_call": s.4 });
        rows.push(json!({
            "concurrency": r.concurrency,
            "calls_per_block": r.calls_per_block,
            "heygen_api": side(&stats[0]),
            "plain_reqwest": side(&stats[1]),
            "throughput_ratio": throughput_ratio,
            "throughput_ratio_median_of_rounds": median_round_ratio,
            "throughput_ratio_rounds": r.round_ratios,
            "p50_ratio": p50_ratio,
            "p99_ratio": p99_ratio,
            "targets_met": ok,
        }));
    }

    println!();
    println!(
        "rate limiting: {} calls at concurrency {}, {:.0}% of requests answered 429 ({:.0}% of those with Retry-After: 1, the rest 0), default retry policy (2 retries)",
        rl.calls,
        rl.concurrency,
        share_429 * 100.0,
        slow_share * 100.0
    );
    let consistent = rl.duplicated == 0
        && rl.lost == 0
        && rl.phantom == 0
        && rl.distinct_keys == rl.calls
        && rl.failed_other == 0;
    println!(
        "  succeeded {}, failed with 429 after 2 retries {}, other failures {}; attempts {}, retries {} ({} after Retry-After: 1); {:.2} s",
        rl.succeeded,
        rl.failed_429,
        rl.failed_other,
        rl.attempts,
        rl.retries,
        rl.slow_429s,
        rl.elapsed.as_secs_f64()
    );
    println!(
        "  distinct Idempotency-Keys {} (one per call), executed twice {}, reported-ok-but-not-run or reported-failed-but-run {}, run-but-unreported {}  [{}]",
        rl.distinct_keys,
        rl.duplicated,
        rl.lost,
        rl.phantom,
        if consistent { "no call lost or duplicated" } else { "INCONSISTENT" }
    );

    let summary = json!({
        "bench": "overhead",
        "smoke": smoke,
        "machine": machine(),
        "setup": {
            "client_runtime": "tokio current_thread on the main thread",
            "server_runtime": "tokio multi_thread, 1 worker, axum 0.8, HTTP/1.1 on 127.0.0.1",
            "rounds": rounds,
            "calls_per_block_at_least": calls,
        },
        "overhead": rows,
        "overhead_targets_met": all_ok,
        "rate_limited": {
            "calls": rl.calls,
            "concurrency": rl.concurrency,
            "share_429": share_429,
            "share_429_retry_after_1": slow_share,
            "succeeded": rl.succeeded,
            "failed_429": rl.failed_429,
            "failed_other": rl.failed_other,
            "attempts": rl.attempts,
            "retries": rl.retries,
            "retries_after_1s": rl.slow_429s,
            "distinct_keys": rl.distinct_keys,
            "duplicated": rl.duplicated,
            "lost": rl.lost,
            "phantom": rl.phantom,
            "elapsed_s": rl.elapsed.as_secs_f64(),
            "consistent": consistent,
        },
    });
    let path = write_summary("overhead", &summary)?;
    println!();
    println!("summary written to {}", path.display());
    if !consistent {
        return Err("rate-limited run lost or duplicated calls".into());
    }
    Ok(())
}
