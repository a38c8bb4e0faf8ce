//! Promises about what leaves the client, against real servers on
//! 127.0.0.1: credentials never follow a redirect, `Retry-After` never
//! removes the backoff, the retry budget caps a storm, the deadline bounds a
//! call, and a page stream yields between pages.

mod support;

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use heygen_api::runtime::{BoxFuture, Page, PageStream, Paged, RetryPolicy};
use heygen_api::{Client, Error, RetryBudget};
use support::{stop, Reply, Seen, TestServer};

const OK: &str = r#"{"data":{"session_id":"s"}}"#;

// ---- Redirects ---------------------------------------------------------

#[tokio::test]
async fn a_redirect_is_an_error_and_the_credential_goes_nowhere_else() {
    let elsewhere = TestServer::start(|_: &Seen| Reply::json(200, OK)).await;
    let port = elsewhere.url().rsplit(':').next().unwrap().to_string();
    // Another port on the same address, and another host name for it.
    let targets = [
        format!("http://127.0.0.1:{port}/v3/video-agents/s/stop"),
        format!("http://localhost:{port}/v3/video-agents/s/stop"),
    ];
    for status in [301u16, 302, 303, 307, 308] {
        for target in &targets {
            for bearer in [false, true] {
                let location = target.clone();
                let server = TestServer::start(move |_: &Seen| {
                    Reply::json(status, "").header("location", &location)
                })
                .await;
                let builder = Client::builder().base_url(server.url());
                let builder = if bearer {
                    builder.bearer_token("secret-token")
                } else {
                    builder.api_key("secret-key")
                };
                let err = stop(&builder.build().unwrap(), "s")
                    .await
                    .expect_err("a redirect is not followed");
                match &err {
                    Error::Redirect {
                        status: got,
                        location,
                        ..
                    } => {
                        assert_eq!(got.as_u16(), status);
                        assert_eq!(location.as_deref(), Some(target.as_str()));
                    }
                    other => {
                        panic!("{status} to {target}: expected Error::Redirect, got {other:?}")
                    }
                }
                assert!(!err.is_retryable());
                assert_eq!(server.count(), 1);
            }
        }
    }
    assert_eq!(
        elsewhere.count(),
        0,
        "a request reached the redirect's target: {:?}",
        elsewhere
            .requests()
            .iter()
            .map(|r| (r.method.clone(), r.header("x-api-key").map(String::from)))
            .collect::<Vec<_>>()
    );
}

// ---- Backoff -----------------------------------------------------------

#[tokio::test]
async fn retry_after_zero_still_waits_the_jittered_backoff() {
    for advice in ["0", "Sun, 06 Nov 1994 08:49:37 GMT", "0.0001"] {
        let server = TestServer::start(support::sequence(vec![
            Reply::json(429, "{}").header("retry-after", advice),
            Reply::json(200, OK),
        ]))
        .await;
        let client = Client::builder()
            .api_key("k")
            .base_url(server.url())
            .retry_policy(RetryPolicy {
                base_delay: Duration::from_millis(400),
                jitter: 0.25,
                ..RetryPolicy::default()
            })
            .build()
            .unwrap();
        stop(&client, "s").await.expect("retried");
        let seen = server.requests();
        let gap = seen[1].at.duration_since(seen[0].at);
        // The backoff is 400 ms ± 25 %: at least 300 ms, whatever the advice.
        assert!(
            gap >= Duration::from_millis(300),
            "Retry-After: {advice} sent the retry after {gap:?}"
        );
    }
}

// ---- The retry budget ----------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_retry_budget_caps_a_storm_of_failing_calls() {
    const CALLS: usize = 500;
    let server = TestServer::start(|_: &Seen| {
        Reply::json(
            429,
            r#"{"error":{"code":"rate_limit_exceeded","message":"no"}}"#,
        )
        .header("retry-after", "0")
    })
    .await;
    let budget = RetryBudget {
        capacity: 100,
        retry_cost: 5,
        success_refill: 1,
    };
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .retry_policy(RetryPolicy {
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(2),
            ..RetryPolicy::default()
        })
        .retry_budget(budget)
        .build()
        .unwrap();
    let mut tasks = Vec::new();
    for _ in 0..CALLS {
        let client = client.clone();
        tasks.push(tokio::spawn(async move { stop(&client, "s").await }));
    }
    for t in tasks {
        let err = t.await.unwrap().expect_err("429 every time");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    }
    // Without the budget: 500 calls × 3 attempts. With it: 100 / 5 = 20
    // retries in all.
    let retries = server.count() - CALLS;
    assert_eq!(retries, 20, "retries made: {retries}");
}

#[tokio::test]
async fn a_call_dropped_while_it_waits_to_retry_spends_no_retry_budget() {
    // Ten 429s with `Retry-After: 2`, then a 503, then success.
    let server = TestServer::start_counted(|n, _: &Seen| match n {
        0..10 => Reply::json(
            429,
            r#"{"error":{"code":"rate_limit_exceeded","message":"no"}}"#,
        )
        .header("retry-after", "2"),
        10 => Reply::json(503, r#"{"error":{"code":"unavailable","message":"later"}}"#),
        _ => Reply::json(200, r#"{"data":{"id":"v1","status":"completed"}}"#),
    })
    .await;
    // Room for exactly one retry, and nothing refills it.
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .retry_budget(RetryBudget {
            capacity: 5,
            retry_cost: 5,
            success_refill: 0,
        })
        .build()
        .unwrap();
    // Ten callers give up (their own timeout) while the client waits out
    // `Retry-After`: no retry was sent, so none is paid for.
    for _ in 0..10 {
        let call = stop(&client, "s");
        assert!(tokio::time::timeout(Duration::from_millis(50), call)
            .await
            .is_err());
    }
    assert_eq!(server.count(), 10);
    // The one retry the budget holds is still there: a GET's 503 is retried.
    let answer = client.get_video_v3().video_id("v1").send().await;
    assert_eq!(server.count(), 12, "{answer:?}");
    assert!(answer.is_ok(), "{answer:?}");
}

// ---- The deadline --------------------------------------------------------

// Paused clock, as users' tests run: the deadline's timer, the retry waits
// and the check that a wait would end past the deadline all read tokio's
// clock, so a wait past the deadline is not started and the call keeps the
// answer it has.
#[tokio::test(start_paused = true)]
async fn one_clock_a_wait_past_the_deadline_is_not_made_on_a_paused_clock() {
    let server = TestServer::start(|_: &Seen| {
        Reply::json(
            429,
            r#"{"error":{"code":"rate_limit_exceeded","message":"no"}}"#,
        )
        .header("retry-after", "5")
    })
    .await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .max_retry_after(Duration::from_secs(60))
        .deadline(Duration::from_secs(8))
        .build()
        .unwrap();
    let err = stop(&client, "s").await.expect_err("429");
    // At 0 s and 5 s: a third attempt would start at 10 s, past 8 s.
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429), "{err:?}");
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn the_deadline_covers_attempts_and_waits() {
    // Every attempt is slow; the per-attempt timeout alone would allow 10 s.
    let server =
        TestServer::start(|_: &Seen| Reply::json(200, OK).delayed(Duration::from_secs(10))).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .timeout(Duration::from_secs(30))
        .deadline(Duration::from_millis(300))
        .build()
        .unwrap();
    let err = stop(&client, "s").await.expect_err("deadline");
    assert!(
        matches!(err, Error::DeadlineExceeded { deadline } if deadline == Duration::from_millis(300)),
        "{err:?}"
    );

    // A retry whose wait would end past the deadline is not made: the call
    // returns the answer it has.
    let server = TestServer::start(|_: &Seen| {
        Reply::json(
            429,
            r#"{"error":{"code":"rate_limit_exceeded","message":"no"}}"#,
        )
        .header("retry-after", "5")
    })
    .await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .deadline(Duration::from_secs(2))
        .build()
        .unwrap();
    let err = stop(&client, "s").await.expect_err("429");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(server.count(), 1);
}

// ---- Page streams yield --------------------------------------------------

/// A listing whose pages are ready at once (as from a cache or a mock),
/// empty, and always claim more: only the stream's own rules can end it.
#[derive(Clone)]
struct InstantEmptyPages(Arc<AtomicU64>);

impl<'a> Paged<'a> for InstantEmptyPages {
    type Item = u32;
    fn with_token(self, _token: String) -> Self {
        self
    }
    fn fetch(self) -> BoxFuture<'a, Result<Page<u32>, Error>> {
        let n = self.0.fetch_add(1, Ordering::SeqCst) + 1;
        Box::pin(async move {
            Ok(Page {
                items: Vec::new(),
                has_more: Some(true),
                next_token: Some(format!("p{n}")),
            })
        })
    }
}

struct NoopWake;
impl Wake for NoopWake {
    fn wake(self: Arc<Self>) {}
}

#[test]
fn a_stream_yields_between_pages_and_gives_up_on_endless_empty_ones() {
    let fetched = Arc::new(AtomicU64::new(0));
    let mut stream = PageStream::new(InstantEmptyPages(fetched.clone()));
    let waker = Waker::from(Arc::new(NoopWake));
    let mut cx = Context::from_waker(&waker);
    let mut next = Box::pin(stream.next());
    // Each poll may take at most one page before handing the thread back.
    let mut polls = 0u64;
    let outcome = loop {
        polls += 1;
        assert!(polls < 10_000, "never ended");
        if let Poll::Ready(item) = Future::poll(Pin::as_mut(&mut next), &mut cx) {
            break item;
        }
        assert!(
            fetched.load(Ordering::SeqCst) <= polls,
            "{} pages in {polls} polls",
            fetched.load(Ordering::SeqCst)
        );
    };
    assert!(
        matches!(outcome, Some(Err(Error::EmptyPages { .. }))),
        "{outcome:?}"
    );
    assert!(
        polls >= fetched.load(Ordering::SeqCst),
        "{} pages in {polls} polls: the stream held the thread",
        fetched.load(Ordering::SeqCst)
    );
    assert_eq!(
        fetched.load(Ordering::SeqCst),
        heygen_api::runtime::MAX_EMPTY_PAGES + 1
    );
}

/// A listing whose cursors go round a cycle of `len` (each page one item),
/// a long way past the cursors remembered exactly when `len` is large.
#[derive(Clone)]
struct CyclingPages {
    len: u64,
    at: Option<u64>,
    fetched: Arc<AtomicU64>,
}

impl<'a> Paged<'a> for CyclingPages {
    type Item = u64;
    fn with_token(mut self, token: String) -> Self {
        self.at = token.trim_start_matches('c').parse().ok();
        self
    }
    fn fetch(self) -> BoxFuture<'a, Result<Page<u64>, Error>> {
        self.fetched.fetch_add(1, Ordering::SeqCst);
        let at = self.at.map_or(0, |n| n + 1);
        let next = format!("c{}", at % self.len);
        Box::pin(async move {
            Ok(Page {
                items: vec![at],
                has_more: Some(true),
                next_token: Some(next),
            })
        })
    }
}

#[tokio::test]
async fn page_streams_end_on_a_cursor_cycle_of_any_length_in_bounded_memory() {
    for len in [1u64, 3, 1_000] {
        let fetched = Arc::new(AtomicU64::new(0));
        let mut stream = PageStream::new(CyclingPages {
            len,
            at: None,
            fetched: fetched.clone(),
        });
        let mut items = 0u64;
        let end = loop {
            match stream.next().await {
                Some(Ok(_)) => items += 1,
                Some(Err(e)) => break e,
                None => panic!("len {len}: the stream ended without an error"),
            }
        };
        assert!(matches!(end, Error::CursorCycle { .. }), "{end:?}");
        let pages = fetched.load(Ordering::SeqCst);
        // Short cycles at the first repeat; long ones within about twice
        // their length.
        assert!(
            pages > len && pages <= 3 * len + 2,
            "len {len}: {pages} pages"
        );
        assert_eq!(items, pages);
    }
}

// Paused clock: a retry the budget cannot pay for is not waited for either
// (tokio's clock moves only through the waits the client makes).
#[tokio::test(start_paused = true)]
async fn an_empty_retry_budget_returns_the_answer_without_waiting() {
    let server = TestServer::start(|_: &Seen| {
        Reply::json(
            429,
            r#"{"error":{"code":"rate_limit_exceeded","message":"no"}}"#,
        )
        .header("retry-after", "20")
    })
    .await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .max_retry_after(Duration::from_secs(60))
        .retry_budget(RetryBudget {
            capacity: 0,
            retry_cost: 5,
            success_refill: 1,
        })
        .build()
        .unwrap();
    let started = tokio::time::Instant::now();
    let err = stop(&client, "s").await.expect_err("429");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(server.count(), 1);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "waited {:?} for a retry it could not pay for",
        started.elapsed()
    );
}
