//! No value of any response header, and no setting, makes the client
//! panic: a property test over `Retry-After` (any text, huge numbers,
//! fractions, dates) and every duration setting (zero to `Duration::MAX`),
//! against a real server on 127.0.0.1. Each call ends in a result or, for
//! advice the settings tell it to wait out, is still waiting when the test
//! stops looking; neither is a panic.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use heygen_api::runtime::RetryPolicy;
use heygen_api::Client;
use proptest::prelude::*;
use support::{stop, Reply, Seen, TestServer};

fn retry_after() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => any::<u64>().prop_map(|n| n.to_string()),
        3 => Just(u64::MAX.to_string()),
        1 => Just("18446744073709551616".to_string()),
        1 => any::<f64>().prop_map(|f| f.to_string()),
        1 => Just("1e400".to_string()),
        1 => Just("-1".to_string()),
        1 => Just("NaN".to_string()),
        1 => Just("Fri, 31 Dec 9999 23:59:59 GMT".to_string()),
        1 => Just("Thu, 01 Jan 1970 00:00:00 GMT".to_string()),
        1 => "[ -~]{0,40}",
    ]
}

fn duration() -> impl Strategy<Value = Duration> {
    prop_oneof![
        1 => Just(Duration::ZERO),
        3 => Just(Duration::MAX),
        1 => Just(Duration::from_nanos(1)),
        1 => (0u64..5_000).prop_map(Duration::from_millis),
        1 => any::<u64>().prop_map(Duration::from_secs),
    ]
}

#[derive(Debug, Clone)]
struct Settings {
    timeout: Duration,
    connect_timeout: Duration,
    deadline: Option<Duration>,
    base_delay: Duration,
    max_delay: Duration,
    max_retry_after: Duration,
    jitter: f64,
    max_retries: u32,
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        (duration(), duration(), proptest::option::of(duration())),
        (duration(), duration(), duration()),
        (any::<f64>(), 0u32..4),
    )
        .prop_map(
            |(
                (timeout, connect_timeout, deadline),
                (base_delay, max_delay, max_retry_after),
                (jitter, max_retries),
            )| Settings {
                timeout,
                connect_timeout,
                deadline,
                base_delay,
                max_delay,
                max_retry_after,
                jitter,
                max_retries,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn no_retry_after_and_no_setting_panics_a_call(advice in retry_after(), s in settings()) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let header = Arc::new(Mutex::new(advice.clone()));
            let served = header.clone();
            let server = TestServer::start(move |_: &Seen| {
                let value = served.lock().unwrap().clone();
                let reply = Reply::json(429, r#"{"error":{"code":"rate_limit_exceeded","message":"no"}}"#);
                // A value no header can hold is left out, as no server
                // could send it.
                if reqwest::header::HeaderValue::from_str(&value).is_ok() {
                    reply.header("retry-after", &value)
                } else {
                    reply
                }
            })
            .await;
            let mut builder = Client::builder()
                .api_key("k")
                .base_url(server.url())
                .timeout(s.timeout)
                .connect_timeout(s.connect_timeout)
                .retry_policy(RetryPolicy {
                    max_retries: s.max_retries,
                    base_delay: s.base_delay,
                    max_delay: s.max_delay,
                    max_retry_after: s.max_retry_after,
                    jitter: s.jitter,
                });
            if let Some(deadline) = s.deadline {
                builder = builder.deadline(deadline);
            }
            let client = builder.build().expect("any durations make a client");
            // A panic inside the call would unwind through here and fail
            // the case; a long wait is cut short by this test, not by it.
            let call = tokio::spawn(async move { stop(&client, "s").await.map(|_| ()) });
            // Still waiting after that, as told to, is no panic either.
            if let Ok(joined) = tokio::time::timeout(Duration::from_millis(300), call).await {
                prop_assert!(joined.is_ok(), "the call panicked: {joined:?}");
            }
            Ok(())
        })?;
    }
}
