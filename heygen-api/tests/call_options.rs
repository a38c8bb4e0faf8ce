//! Per-call options on generated builders, against a real local server:
//! a timeout shorter and one longer than the client's, a deadline, a retry
//! limit, extra headers, and the headers a call may not set.

mod support;

use std::time::{Duration, Instant};

use heygen_api::{CallOptions, Client, Error};
use support::{sequence, Reply, Seen, TestServer};

const VIDEO: &str = r#"{"data":{"id":"v1","status":"processing"}}"#;

fn client(url: &str, timeout: Duration) -> Client {
    support::fast_client_builder(url, "k")
        .timeout(timeout)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_shorter_timeout_for_one_call_ends_it_sooner() {
    let server =
        TestServer::start(|_: &Seen| Reply::json(200, VIDEO).delayed(Duration::from_secs(3))).await;
    let client = client(&server.url(), Duration::from_secs(30));
    let started = Instant::now();
    let err = client
        .get_video_v3()
        .video_id("v1")
        .timeout(Duration::from_millis(200))
        .max_retries(0)
        .send()
        .await
        .expect_err("timed out");
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_longer_timeout_for_one_call_outlasts_the_clients() {
    let server =
        TestServer::start(|_: &Seen| Reply::json(200, VIDEO).delayed(Duration::from_millis(700)))
            .await;
    let client = client(&server.url(), Duration::from_millis(200));
    // The client's own timeout fails the call...
    let err = client
        .get_video_v3()
        .video_id("v1")
        .max_retries(0)
        .send()
        .await
        .expect_err("client timeout");
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    // ...and one call given longer succeeds, with every attempt given longer.
    let video = client
        .get_video_v3()
        .video_id("v1")
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .expect("longer timeout");
    assert_eq!(video.status().as_u16(), 200);
}

#[tokio::test]
async fn max_retries_zero_sends_once_where_the_client_would_retry() {
    let server = TestServer::start(|_: &Seen| {
        Reply::json(503, r#"{"error":{"code":"unavailable","message":"busy"}}"#)
    })
    .await;
    let client = client(&server.url(), Duration::from_secs(5));
    let err = client
        .get_video_v3()
        .video_id("v1")
        .max_retries(0)
        .send()
        .await
        .expect_err("503");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.count(), 1, "one attempt");
    // The client's own limit: two retries.
    client
        .get_video_v3()
        .video_id("v1")
        .send()
        .await
        .expect_err("503");
    assert_eq!(server.count(), 4);
    // A higher limit for one call.
    client
        .get_video_v3()
        .video_id("v1")
        .max_retries(4)
        .send()
        .await
        .expect_err("503");
    assert_eq!(server.count(), 9);
}

#[tokio::test]
async fn a_deadline_for_one_call_covers_its_retries() {
    let server = TestServer::start(|_: &Seen| {
        Reply::json(503, r#"{"error":{"code":"unavailable","message":"busy"}}"#)
            .delayed(Duration::from_millis(300))
    })
    .await;
    let client = client(&server.url(), Duration::from_secs(5));
    let started = Instant::now();
    let err = client
        .get_video_v3()
        .video_id("v1")
        .max_retries(10)
        .deadline(Duration::from_millis(500))
        .send()
        .await
        .expect_err("deadline");
    assert!(
        matches!(err, Error::DeadlineExceeded { .. } | Error::Api(_)),
        "{err:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert!(server.count() <= 2, "{}", server.count());
}

#[tokio::test]
async fn extra_headers_reach_every_attempt() {
    let server = TestServer::start(sequence(vec![
        Reply::json(503, r#"{"error":{"code":"unavailable","message":"busy"}}"#),
        Reply::json(200, VIDEO),
    ]))
    .await;
    let client = client(&server.url(), Duration::from_secs(5));
    client
        .get_video_v3()
        .video_id("v1")
        .header("x-trace-id", "trace-1")
        .call_options(CallOptions::new().header("x-trace-id", "trace-2"))
        .send()
        .await
        .expect("retried to success");
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    for request in &seen {
        // `call_options` replaced what `.header` set before it.
        assert_eq!(request.header("x-trace-id"), Some("trace-2"));
        assert_eq!(request.header("x-api-key"), Some("k"));
    }
}

#[tokio::test]
async fn credential_and_owned_headers_are_refused_before_anything_is_sent() {
    let server = TestServer::start(|_: &Seen| Reply::json(200, VIDEO)).await;
    let client = client(&server.url(), Duration::from_secs(5));
    for name in [
        "X-Api-Key",
        "authorization",
        "Idempotency-Key",
        "user-agent",
    ] {
        let err = client
            .get_video_v3()
            .video_id("v1")
            .header(name, "attacker-value")
            .send()
            .await
            .expect_err(name);
        assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
        let shown = err.to_string();
        assert!(shown.contains(&name.to_ascii_lowercase()), "{shown}");
        assert!(!shown.contains("attacker-value"), "{shown}");
    }
    assert_eq!(server.count(), 0);
}
