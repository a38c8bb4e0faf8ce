//! Nothing doubled, nothing lost: one client shared by hundreds of tasks
//! against a server that rate-limits and fails, sometimes after doing the
//! work.
//!
//! The server emulates HeyGen's idempotency: it remembers the result of every
//! `Idempotency-Key` it executed and answers a repeat of that key with the
//! first result instead of executing again. Each task stops its own session
//! (`sess_<n>`), so the server can count executions per call as well as per
//! key: "executed twice" is then visible even if a broken client sent two
//! different keys for one call.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use heygen_api::runtime::{RetryBudget, RetryPolicy};
use heygen_api::types::StopSessionRequest;
use heygen_api::{Client, Error, Idempotency};

/// Faults a call may meet before the server lets it through. Below the
/// client's `max_retries`, so every call can succeed.
const MAX_FAULTS_PER_CALL: u32 = 7;
const MAX_RETRIES: u32 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    /// 429 with `Retry-After: 0`, before any work.
    RateLimited,
    /// 503 before any work.
    Unavailable,
    /// The work is done, then the answer is lost: 503.
    UnavailableAfterWork,
}

#[derive(Default)]
struct Ledger {
    rng: u64,
    /// Result body stored per executed `Idempotency-Key`.
    results: HashMap<String, String>,
    /// Executions per session (one session per call).
    executions_by_session: HashMap<String, u32>,
    /// Keys each session's attempts carried (`None`: no key).
    keys_by_session: HashMap<String, HashSet<Option<String>>>,
    attempts_by_session: HashMap<String, u32>,
    faults_by_session: HashMap<String, u32>,
    /// Sessions answered with 503 after their work was done.
    failed_after_work: HashSet<String>,
    /// Requests seen for a session after it was answered with a 503.
    after_503: HashMap<String, u32>,
    answered_503: HashSet<String>,
    replays: u32,
    /// Sessions answered with a stored result.
    replayed: HashSet<String>,
    counts: HashMap<&'static str, u32>,
}

impl Ledger {
    /// xorshift64*: the fault pattern is random but needs no extra crate.
    fn roll(&mut self) -> u32 {
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) as u32 % 100
    }

    /// 30 % rate limited, 10 % 503 before work, 15 % 503 after work.
    fn fault_for(&mut self, session: &str) -> Option<Fault> {
        let faults = self
            .faults_by_session
            .entry(session.to_string())
            .or_default();
        if *faults >= MAX_FAULTS_PER_CALL {
            return None;
        }
        let roll = self.roll();
        let fault = match roll {
            0..30 => Some(Fault::RateLimited),
            30..40 => Some(Fault::Unavailable),
            40..55 => Some(Fault::UnavailableAfterWork),
            _ => None,
        };
        if fault.is_some() {
            *self
                .faults_by_session
                .entry(session.to_string())
                .or_default() += 1;
        }
        fault
    }

    fn execute(&mut self, session: &str, key: Option<&str>) -> String {
        *self
            .executions_by_session
            .entry(session.to_string())
            .or_default() += 1;
        let body = format!(r#"{{"data":{{"session_id":"{session}"}}}}"#);
        if let Some(key) = key {
            self.results.insert(key.to_string(), body.clone());
        }
        body
    }
}

type Shared = Arc<Mutex<Ledger>>;

async fn stop(
    State(ledger): State<Shared>,
    Path(session): Path<String>,
    headers: HeaderMap,
    _body: Bytes,
) -> Response {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let mut l = ledger.lock().expect("ledger");
    *l.attempts_by_session.entry(session.clone()).or_default() += 1;
    l.keys_by_session
        .entry(session.clone())
        .or_default()
        .insert(key.clone());
    if l.answered_503.contains(&session) {
        *l.after_503.entry(session.clone()).or_default() += 1;
    }
    let fault = l.fault_for(&session);
    if fault == Some(Fault::RateLimited) {
        *l.counts.entry("429").or_default() += 1;
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [("retry-after", "0"), ("content-type", "application/json")],
            RATE_LIMITED,
        )
            .into_response();
    }
    if fault == Some(Fault::Unavailable) {
        *l.counts.entry("503 before work").or_default() += 1;
        l.answered_503.insert(session);
        return unavailable();
    }
    // HeyGen answers a key it has executed with the stored result.
    if let Some(stored) = key.as_ref().and_then(|k| l.results.get(k)).cloned() {
        l.replays += 1;
        l.replayed.insert(session);
        return json(StatusCode::OK, stored);
    }
    let body = l.execute(&session, key.as_deref());
    if fault == Some(Fault::UnavailableAfterWork) {
        *l.counts.entry("503 after work").or_default() += 1;
        l.failed_after_work.insert(session.clone());
        l.answered_503.insert(session);
        return unavailable();
    }
    json(StatusCode::OK, body)
}

const RATE_LIMITED: &str =
    r#"{"error":{"code":"rate_limit_exceeded","message":"slow down","param":null,"doc_url":null}}"#;

fn unavailable() -> Response {
    json(
        StatusCode::SERVICE_UNAVAILABLE,
        r#"{"error":{"code":"service_unavailable","message":"try again","param":null,"doc_url":null}}"#.to_string(),
    )
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [("content-type", "application/json")], body).into_response()
}

async fn start(seed: u64) -> (String, Shared) {
    let ledger: Shared = Arc::new(Mutex::new(Ledger {
        rng: seed | 1,
        ..Ledger::default()
    }));
    let app = Router::new()
        .route("/v3/video-agents/{session}/stop", post(stop))
        .with_state(ledger.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (url, ledger)
}

/// The seed's operation does not declare `Idempotency-Key`, so it is
/// retried after a 503 only when the client is told to trust the caller's
/// keys; `keyed` does that, standing in for an operation that declares one.
fn client(url: &str, keyed: bool) -> Client {
    Client::builder()
        .api_key("test-key")
        .base_url(url)
        .timeout(Duration::from_secs(20))
        .trust_caller_idempotency_keys(keyed)
        // This test is about keys, not about the client-wide cap.
        .retry_budget(RetryBudget::unlimited())
        .retry_policy(RetryPolicy {
            max_retries: MAX_RETRIES,
            base_delay: Duration::ZERO,
            max_delay: Duration::ZERO,
            jitter: 0.0,
            ..RetryPolicy::default()
        })
        .build()
        .expect("client")
}

fn seed() -> u64 {
    std::env::var("CONCURRENCY_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1234_abcd)
}

/// Runs `calls` concurrent stop calls through one shared client and returns
/// each call's outcome, by session.
async fn run(client: Client, calls: usize, keyed: bool) -> Vec<(String, Result<String, Error>)> {
    let mut tasks = Vec::with_capacity(calls);
    for n in 0..calls {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let session = format!("sess_{n}");
            let mut call = client
                .stop_video_agent_session()
                .session_id(&session)
                .body(StopSessionRequest::default());
            if keyed {
                call = call.idempotency_key(format!("call-{n}"));
            }
            let outcome = call
                .send()
                .await
                .and_then(|r| r.into_data())
                .map(|d| d.session_id);
            (session, outcome)
        }));
    }
    let mut out = Vec::with_capacity(calls);
    for t in tasks {
        out.push(t.await.expect("task"));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_keys_every_call_succeeds_and_nothing_runs_twice() {
    const CALLS: usize = 500;
    let (url, ledger) = start(seed()).await;
    let outcomes = tokio::time::timeout(
        Duration::from_secs(60),
        run(client(&url, true), CALLS, true),
    )
    .await
    .expect("finishes");

    let l = ledger.lock().expect("ledger");
    eprintln!(
        "with keys: {} attempts, {:?}, {} replays",
        l.attempts_by_session.values().sum::<u32>(),
        l.counts,
        l.replays
    );
    // The faults this test is about really happened.
    assert!(
        l.counts.get("429").copied().unwrap_or(0) > 50,
        "{:?}",
        l.counts
    );
    assert!(
        l.counts.get("503 before work").copied().unwrap_or(0) > 10,
        "{:?}",
        l.counts
    );
    assert!(
        l.counts.get("503 after work").copied().unwrap_or(0) > 10,
        "{:?}",
        l.counts
    );

    // Nothing lost: every call succeeded, with its own session's result.
    for (session, outcome) in &outcomes {
        match outcome {
            Ok(id) => assert_eq!(id, session, "a call got another call's result"),
            Err(e) => panic!("{session} failed although it could succeed: {e:?}"),
        }
    }
    // Nothing doubled: every call's attempts carried one key, and every
    // call's work ran exactly once.
    assert_eq!(l.keys_by_session.len(), CALLS);
    for (session, keys) in &l.keys_by_session {
        assert_eq!(
            keys.len(),
            1,
            "{session} was sent with several keys: {keys:?}"
        );
        assert!(
            keys.iter().all(Option::is_some),
            "{session} was sent without a key"
        );
    }
    for (session, _) in &outcomes {
        let n = l.executions_by_session.get(session).copied().unwrap_or(0);
        assert_eq!(n, 1, "{session} executed {n} times");
    }
    // The server cannot run a key twice (it replays a stored key before
    // doing any work), so what the client controls is when it repeats a key:
    // exactly the calls whose work was done but whose answer was lost, and
    // no call that had already been answered with success.
    assert!(l.replays > 10, "replays: {}", l.replays);
    let mut replayed: Vec<&String> = l.replayed.iter().collect();
    let mut lost: Vec<&String> = l.failed_after_work.iter().collect();
    replayed.sort();
    lost.sort();
    assert_eq!(
        replayed, lost,
        "replayed calls differ from the calls whose answer was lost"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_keys_server_errors_are_not_retried() {
    const CALLS: usize = 300;
    let (url, ledger) = start(seed() ^ 0xdead_beef).await;
    let client = client(&url, false).with_idempotency(Idempotency::Disabled);
    let outcomes = tokio::time::timeout(Duration::from_secs(60), run(client, CALLS, false))
        .await
        .expect("finishes");

    let l = ledger.lock().expect("ledger");
    eprintln!(
        "without keys: {} attempts, {:?}",
        l.attempts_by_session.values().sum::<u32>(),
        l.counts
    );
    assert!(
        l.counts.get("429").copied().unwrap_or(0) > 30,
        "{:?}",
        l.counts
    );
    assert!(
        l.counts.get("503 before work").copied().unwrap_or(0) > 5,
        "{:?}",
        l.counts
    );
    assert!(
        l.counts.get("503 after work").copied().unwrap_or(0) > 5,
        "{:?}",
        l.counts
    );

    let mut failed = 0;
    for (session, outcome) in &outcomes {
        let keys = &l.keys_by_session[session];
        assert_eq!(
            keys,
            &HashSet::from([None]),
            "{session} carried a key although keys are disabled"
        );
        let executed = l.executions_by_session.get(session).copied().unwrap_or(0);
        assert!(executed <= 1, "{session} executed {executed} times");
        match outcome {
            Ok(id) => {
                assert_eq!(id, session);
                assert_eq!(
                    executed, 1,
                    "{session} succeeded without its work being done"
                );
            }
            Err(Error::Api(api)) => {
                failed += 1;
                assert_eq!(
                    api.status.as_u16(),
                    503,
                    "{session}: only a 503 may end a call here: {api:?}"
                );
                assert!(
                    l.answered_503.contains(session),
                    "{session} failed without a 503 from the server"
                );
            }
            Err(e) => panic!("{session}: expected success or Error::Api 503, got {e:?}"),
        }
    }
    // A 503 ends the call: the server never hears of that call again, so a
    // body whose work was done is never executed a second time.
    assert!(
        l.after_503.is_empty(),
        "503s were retried without a key: {:?}",
        l.after_503
    );
    assert_eq!(
        failed,
        l.answered_503.len(),
        "every 503 reached its caller as an error"
    );
    let lost_work = outcomes
        .iter()
        .filter(|(s, o)| o.is_err() && l.failed_after_work.contains(s))
        .count();
    eprintln!(
        "without keys: {failed} calls ended in 503, {lost_work} of them after the work was done"
    );
}
