//! The runtime layer against a real HTTP server on 127.0.0.1: construction,
//! credentials, idempotency keys, retries, timeouts and error kinds.

mod support;

use std::time::{Duration, Instant, SystemTime};

use heygen_api::runtime::RetryPolicy;
use heygen_api::types::{StopSessionRequest, StopVideoAgentSessionResponse};
use heygen_api::RetryClass;
use heygen_api::{Client, Error, Idempotency, Response};
use support::{refused_url, sequence, stop, Reply, Seen, TestServer};

const OK: &str = r#"{"data":{"session_id":"s"}}"#;

/// Retries that do not wait long, for tests where the wait is not the point.
fn fast() -> RetryPolicy {
    RetryPolicy {
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(50),
        ..RetryPolicy::default()
    }
}

fn client(server: &TestServer) -> Client {
    Client::builder()
        .api_key("test-key")
        .base_url(server.url())
        .retry_policy(fast())
        .build()
        .expect("client")
}

/// A client that treats a caller's key as making the seed's POST safe to
/// repeat: it stands in for an operation that declares `Idempotency-Key`.
fn trusted(server: &TestServer) -> Client {
    Client::builder()
        .api_key("test-key")
        .base_url(server.url())
        .retry_policy(fast())
        .trust_caller_idempotency_keys(true)
        .build()
        .expect("client")
}

async fn stop_keyed(
    client: &Client,
    id: &str,
) -> Result<Response<StopVideoAgentSessionResponse>, Error> {
    client
        .stop_video_agent_session()
        .session_id(id)
        .idempotency_key("caller-key-1")
        .body(StopSessionRequest::default())
        .send()
        .await
}

fn keys(seen: &[Seen]) -> Vec<Option<String>> {
    seen.iter()
        .map(|r| r.header("idempotency-key").map(String::from))
        .collect()
}

fn api(err: &Error) -> &heygen_api::ApiError {
    err.api()
        .unwrap_or_else(|| panic!("expected Error::Api, got {err:?}"))
}

// ---- Retry-After -------------------------------------------------------

#[tokio::test]
async fn rate_limit_with_retry_after_seconds_waits_then_succeeds() {
    let server = TestServer::start(sequence(vec![
        Reply::json(
            429,
            r#"{"error":{"code":"rate_limit_exceeded","message":"slow down"}}"#,
        )
        .header("retry-after", "1"),
        Reply::json(200, OK),
    ]))
    .await;
    // The default policy: the wait comes from Retry-After, not the backoff.
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .build()
        .expect("client");
    stop(&client, "s").await.expect("the retry succeeds");
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    let gap = seen[1].at.duration_since(seen[0].at);
    assert!(
        gap >= Duration::from_secs(1),
        "second attempt came after {gap:?}, before the advised 1 s"
    );
    assert_eq!(
        keys(&seen)[0],
        keys(&seen)[1],
        "a retry reuses the call's Idempotency-Key"
    );
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let server = TestServer::start(|req: &Seen| {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let _ = req;
        if N.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
            // Whole seconds only: two seconds ahead is at least one second away.
            let when = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
            Reply::json(429, "{}").header("retry-after", &when)
        } else {
            Reply::json(200, OK)
        }
    })
    .await;
    stop(&client(&server), "s")
        .await
        .expect("the retry succeeds");
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    let gap = seen[1].at.duration_since(seen[0].at);
    assert!(
        gap >= Duration::from_secs(1),
        "second attempt came after {gap:?}, before the advised date"
    );
}

#[tokio::test]
async fn retry_after_beyond_the_maximum_returns_at_once() {
    let server =
        TestServer::start(|_: &Seen| Reply::json(429, "{}").header("retry-after", "3600")).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .build()
        .expect("client");
    let started = Instant::now();
    let err = stop(&client, "s").await.expect_err("429");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "waited {:?} for advice beyond the maximum",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 1);
    assert_eq!(api(&err).status, 429);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert!(err.is_retryable());
}

#[tokio::test]
async fn retries_exhausted_return_the_last_error_with_its_retry_after() {
    let server = TestServer::start(sequence(vec![
        Reply::json(
            503,
            r#"{"error":{"code":"unavailable","message":"attempt 1"}}"#,
        )
        .header("retry-after", "0"),
        Reply::json(
            503,
            r#"{"error":{"code":"unavailable","message":"attempt 2"}}"#,
        )
        .header("retry-after", "0"),
        Reply::json(
            503,
            r#"{"error":{"code":"unavailable","message":"attempt 3"}}"#,
        )
        .header("retry-after", "7")
        .header("x-request-id", "req_3"),
    ]))
    .await;
    let err = stop_keyed(&trusted(&server), "s")
        .await
        .expect_err("503 every time");
    assert_eq!(
        server.requests().len(),
        3,
        "the first attempt and the default 2 retries"
    );
    let e = api(&err);
    assert_eq!(e.status, 503);
    assert_eq!(e.message.as_deref(), Some("attempt 3"));
    assert_eq!(e.code.as_deref(), Some("unavailable"));
    assert_eq!(err.request_id(), Some("req_3"));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
}

// On a paused clock, time moves only when every task waits: the 200 ms
// run out while the call sleeps on its `Retry-After`, never before the 429
// has arrived.
#[tokio::test(start_paused = true)]
async fn dropping_the_future_cancels_the_wait() {
    let server =
        TestServer::start(|_: &Seen| Reply::json(429, "{}").header("retry-after", "1")).await;
    let client = client(&server);
    let gave_up = tokio::time::timeout(Duration::from_millis(200), stop(&client, "s")).await;
    assert!(
        gave_up.is_err(),
        "the call should still be waiting out the Retry-After"
    );
    tokio::time::sleep(Duration::from_millis(1300)).await;
    assert_eq!(
        server.requests().len(),
        1,
        "a dropped call must not send its retry"
    );
}

// ---- Idempotency keys and what is retried --------------------------------

#[tokio::test]
async fn server_errors_retry_a_post_with_the_same_idempotency_key() {
    let server = TestServer::start(sequence(vec![
        Reply::json(503, "{}"),
        Reply::json(503, "{}"),
        Reply::json(200, OK),
    ]))
    .await;
    stop_keyed(&trusted(&server), "s")
        .await
        .expect("third attempt succeeds");
    let keys = keys(&server.requests());
    assert_eq!(keys.len(), 3);
    let first = keys[0].clone().expect("an Idempotency-Key on a POST");
    assert!(
        keys.iter().all(|k| k.as_deref() == Some(first.as_str())),
        "keys differ between attempts: {keys:?}"
    );
}

#[tokio::test]
async fn every_status_the_layer_retries() {
    for status in [500u16, 502, 503, 504] {
        let server = TestServer::start(sequence(vec![
            Reply::json(status, "{}"),
            Reply::json(200, OK),
        ]))
        .await;
        stop_keyed(&trusted(&server), "s")
            .await
            .unwrap_or_else(|e| panic!("{status} then 200: {e}"));
        assert_eq!(server.requests().len(), 2, "{status} is retried");
    }
    for status in [400u16, 401, 403, 404, 409, 422, 501] {
        let server = TestServer::start(sequence(vec![
            Reply::json(status, "{}"),
            Reply::json(200, OK),
        ]))
        .await;
        let err = stop_keyed(&trusted(&server), "s")
            .await
            .expect_err("not retried");
        assert_eq!(api(&err).status, status);
        assert_eq!(server.requests().len(), 1, "{status} is not retried");
    }
}

#[tokio::test]
async fn an_operation_that_declares_no_key_gets_none_from_the_client() {
    // The seed's POST does not declare `Idempotency-Key`: HeyGen does not
    // honour one there, so the client sends none of its own (the fixture
    // client's tests show keys on operations that declare one).
    let server = TestServer::start(|_: &Seen| Reply::json(200, OK)).await;
    let client = client(&server);
    stop(&client, "a").await.expect("ok");
    assert_eq!(keys(&server.requests()), vec![None]);
}

#[tokio::test]
async fn a_post_that_declares_no_key_is_not_repeated_after_a_5xx() {
    for status in [500u16, 502, 503, 504] {
        let server = TestServer::start(sequence(vec![
            Reply::json(status, "{}"),
            Reply::json(200, OK),
        ]))
        .await;
        let err = stop(&client(&server), "s").await.expect_err("not retried");
        assert_eq!(api(&err).status, status);
        assert_eq!(server.requests().len(), 1, "{status} ran the POST twice");
        assert!(!err.is_retryable(), "{status}: is_retryable must agree");
        assert_eq!(err.retry_class(), Some(RetryClass::NonIdempotent));
        // A caller's key does not change that: the server may ignore it.
        let server = TestServer::start(sequence(vec![
            Reply::json(status, "{}"),
            Reply::json(200, OK),
        ]))
        .await;
        let err = stop_keyed(&client(&server), "s")
            .await
            .expect_err("not retried");
        assert_eq!(server.requests().len(), 1, "{status} with a caller key");
        assert!(!err.is_retryable());
        assert_eq!(err.idempotency_key(), Some("caller-key-1"));
    }
}

#[tokio::test]
async fn opted_out_calls_send_no_key_and_are_not_retried_on_5xx() {
    let server =
        TestServer::start(sequence(vec![Reply::json(503, "{}"), Reply::json(200, OK)])).await;
    let client = client(&server).with_idempotency(Idempotency::Disabled);
    let err = stop(&client, "s").await.expect_err("503, not retried");
    assert_eq!(api(&err).status, 503);
    let seen = server.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].header("idempotency-key"), None);

    // The builder's policy does the same.
    let server =
        TestServer::start(sequence(vec![Reply::json(503, "{}"), Reply::json(200, OK)])).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .retry_policy(fast())
        .idempotency(Idempotency::Disabled)
        .build()
        .expect("client");
    stop(&client, "s").await.expect_err("503, not retried");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn opted_out_calls_are_still_retried_on_429() {
    let server = TestServer::start(sequence(vec![
        Reply::json(429, "{}").header("retry-after", "0"),
        Reply::json(200, OK),
    ]))
    .await;
    let client = client(&server).with_idempotency(Idempotency::Disabled);
    stop(&client, "s")
        .await
        .expect("429 is retried for any request");
    assert_eq!(keys(&server.requests()), vec![None, None]);
}

#[tokio::test]
async fn a_callers_key_is_sent_and_reused_even_when_opted_out() {
    let server =
        TestServer::start(sequence(vec![Reply::json(502, "{}"), Reply::json(200, OK)])).await;
    let client = trusted(&server).with_idempotency(Idempotency::Disabled);
    client
        .stop_video_agent_session()
        .session_id("s")
        .idempotency_key("order-42:stop.v1")
        .body(StopSessionRequest::default())
        .send()
        .await
        .expect("retried with the caller's key");
    let keys = keys(&server.requests());
    assert_eq!(keys, vec![Some("order-42:stop.v1".to_string()); 2]);
}

#[tokio::test]
async fn an_invalid_key_fails_before_anything_is_sent() {
    let server = TestServer::start(|_: &Seen| Reply::json(200, OK)).await;
    let client = client(&server);
    let long = "k".repeat(256);
    for bad in [
        "",
        "has space",
        "new\nline",
        "ünïcode",
        "semi;colon",
        long.as_str(),
    ] {
        let err = client
            .stop_video_agent_session()
            .session_id("s")
            .idempotency_key(bad)
            .body(StopSessionRequest::default())
            .send()
            .await
            .expect_err("invalid key");
        assert!(
            matches!(err, Error::InvalidRequest(_)),
            "{bad:?} gave {err:?}"
        );
    }
    assert!(
        server.requests().is_empty(),
        "no request may be sent with an invalid key"
    );
}

#[tokio::test]
async fn request_in_progress_conflicts_are_retried() {
    let busy = r#"{"error":{"code":"request_in_progress","message":"A request with this key is in progress."}}"#;
    let server =
        TestServer::start(sequence(vec![Reply::json(409, busy), Reply::json(200, OK)])).await;
    stop_keyed(&trusted(&server), "s")
        .await
        .expect("retried after the conflict");
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(keys(&seen)[0], keys(&seen)[1]);

    // Any other conflict is the caller's to handle, with its body intact.
    let other =
        r#"{"error":{"code":"idempotency_key_reused","message":"Different body for this key."}}"#;
    let server = TestServer::start(sequence(vec![
        Reply::json(409, other),
        Reply::json(200, OK),
    ]))
    .await;
    let err = stop_keyed(&trusted(&server), "s").await.expect_err("409");
    assert_eq!(server.requests().len(), 1);
    assert_eq!(err.code(), Some("idempotency_key_reused"));
    assert_eq!(
        api(&err).message.as_deref(),
        Some("Different body for this key.")
    );
}

#[tokio::test]
async fn a_dropped_connection_is_retried_with_the_same_key() {
    // The server reads the request and closes without answering, once.
    let server = TestServer::start(sequence(vec![
        Reply::json(200, OK).hung_up(),
        Reply::json(200, OK),
    ]))
    .await;
    stop_keyed(&trusted(&server), "s")
        .await
        .expect("retried after the hang-up");
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(keys(&seen)[0], keys(&seen)[1]);

    // Without a key the request may have been processed: not retried. Nor
    // is a POST that does not declare a key, whatever the client sends.
    let server = TestServer::start(sequence(vec![
        Reply::json(200, OK).hung_up(),
        Reply::json(200, OK),
    ]))
    .await;
    let err = stop(
        &client(&server).with_idempotency(Idempotency::Disabled),
        "s",
    )
    .await
    .expect_err("hang-up");
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert_eq!(server.requests().len(), 1);
}

// ---- Error kinds ---------------------------------------------------------

#[tokio::test]
async fn connection_refused_is_a_transport_error() {
    let client = Client::builder()
        .api_key("k")
        .base_url(refused_url().await)
        .retry_policy(fast())
        .build()
        .expect("client");
    let err = stop(&client, "s").await.expect_err("refused");
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(!err.is_timeout());
    assert!(err.is_retryable());
    assert_eq!(err.status(), None);
}

#[tokio::test]
async fn a_server_that_never_answers_times_out_and_is_not_retried() {
    let server =
        TestServer::start(|_: &Seen| Reply::json(200, OK).delayed(Duration::from_secs(10))).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .timeout(Duration::from_millis(300))
        .retry_policy(fast())
        .build()
        .expect("client");
    let err = stop(&client, "s").await.expect_err("timeout");
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert!(err.is_timeout());
    assert_eq!(
        server.requests().len(),
        1,
        "a call whose timeout fired is not retried"
    );
}

#[tokio::test]
async fn an_html_502_is_an_api_error_with_a_snippet() {
    let page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    let server = TestServer::start(move |_: &Seen| Reply::raw(502, "text/html", page)).await;
    let err = stop(&client(&server), "s").await.expect_err("502");
    let e = api(&err);
    assert_eq!(e.status, 502);
    assert!(
        e.snippet.contains("502 Bad Gateway"),
        "snippet: {:?}",
        e.snippet
    );
    assert_eq!(e.code, None);
    assert_eq!(e.body, None);
    assert!(err.to_string().contains("502"), "{err}");
    assert_eq!(
        server.requests().len(),
        1,
        "a 502 on a POST that does not declare Idempotency-Key is not retried"
    );
}

// ---- Construction ----------------------------------------------------------

#[tokio::test]
async fn builder_settings_reach_the_wire() {
    let server = TestServer::start(|_: &Seen| Reply::json(200, OK)).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(format!("{}/prefix/", server.url()))
        .user_agent("my-app/1.2")
        .connect_timeout(Duration::from_secs(5))
        .max_retries(0)
        .build()
        .expect("client");
    stop(&client, "s").await.expect("ok");
    let seen = server.requests();
    assert_eq!(seen[0].target, "/prefix/v3/video-agents/s/stop");
    assert_eq!(seen[0].header("user-agent"), Some("my-app/1.2"));

    // max_retries(0): one attempt only.
    let server =
        TestServer::start(sequence(vec![Reply::json(503, "{}"), Reply::json(200, OK)])).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .max_retries(0)
        .build()
        .expect("client");
    stop(&client, "s").await.expect_err("not retried");
    assert_eq!(server.requests().len(), 1);

    // The default user agent names the crate.
    let server = TestServer::start(|_: &Seen| Reply::json(200, OK)).await;
    stop(&client_for(&server.url()), "s").await.expect("ok");
    let agent = server.requests()[0].header("user-agent").map(String::from);
    assert!(
        agent
            .as_deref()
            .is_some_and(|a| a.starts_with("heygen-api-rust/")),
        "{agent:?}"
    );
}

fn client_for(url: &str) -> Client {
    Client::builder()
        .api_key("k")
        .base_url(url)
        .build()
        .expect("client")
}

#[tokio::test]
async fn a_callers_reqwest_client_is_used() {
    let server = TestServer::start(|_: &Seen| Reply::json(200, OK)).await;
    let builder = Client::builder().api_key("k").base_url(server.url());
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-from-my-client", "yes".parse().expect("header"));
    let http = reqwest::Client::builder().default_headers(headers);
    let client = builder.http_client_builder(http).build().expect("client");
    stop(&client, "s").await.expect("ok");
    let seen = server.requests();
    assert_eq!(seen[0].header("x-from-my-client"), Some("yes"));
    assert_eq!(seen[0].header("x-api-key"), Some("k"));
}

#[test]
fn bad_settings_are_config_errors() {
    let cases: Vec<(&str, Result<Client, Error>)> = vec![
        ("no credential", Client::builder().build()),
        ("empty key", Client::builder().api_key("").build()),
        ("blank key", Client::builder().api_key("  ").build()),
        (
            "key with a newline",
            Client::builder().api_key("abc\ndef").build(),
        ),
        ("empty token", Client::builder().bearer_token("").build()),
        (
            "relative base URL",
            Client::builder()
                .api_key("k")
                .base_url("api.heygen.com")
                .build(),
        ),
        (
            "ftp base URL",
            Client::builder()
                .api_key("k")
                .base_url("ftp://example.com")
                .build(),
        ),
        (
            "base URL with a query",
            Client::builder()
                .api_key("k")
                .base_url("https://example.com/api?region=eu")
                .build(),
        ),
        (
            "base URL with a fragment",
            Client::builder()
                .api_key("k")
                .base_url("https://example.com/api#v3")
                .build(),
        ),
        (
            "bad user agent",
            Client::builder().api_key("k").user_agent("a\nb").build(),
        ),
    ];
    for (what, result) in cases {
        match result {
            Err(Error::Config(_)) => {}
            other => panic!("{what}: expected Error::Config, got {other:?}"),
        }
    }
}

// ---- Sharing -------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_are_shared_across_tasks() {
    fn assert_send_sync_clone<T: Send + Sync + Clone + 'static>() {}
    assert_send_sync_clone::<Client>();
    fn assert_send<T: Send>(_: &T) {}

    let server = TestServer::start(|_: &Seen| Reply::json(200, OK)).await;
    let client = client(&server);
    assert_send(&stop(&client, "probe"));
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move {
                client
                    .stop_video_agent_session()
                    .session_id(format!("s{i}"))
                    .body(StopSessionRequest::default())
                    .send()
                    .await
                    .map(|r| r.status())
            })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.expect("task").expect("call"), 200);
    }
    assert_eq!(server.requests().len(), 8);
}
