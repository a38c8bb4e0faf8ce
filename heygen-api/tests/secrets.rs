//! Credentials go on the wire in the right header and nowhere else: not in
//! `Debug` or `Display` of the client, the builder or any error, and not in
//! tracing output at any level.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use heygen_api::runtime::RetryPolicy;
use heygen_api::types::StopSessionRequest;
use heygen_api::{Client, Error, Idempotency};
use support::{refused_url, sequence, stop, Reply, Seen, TestServer};

const KEY: &str = "sk-SECRET-5b1f0c7e9a";
const TOKEN: &str = "oat-SECRET-2d8e4a6c10";
const OK: &str = r#"{"data":{"session_id":"s"}}"#;

fn fast() -> RetryPolicy {
    RetryPolicy {
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(50),
        ..RetryPolicy::default()
    }
}

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(KEY), "{what} shows the API key: {text}");
    assert!(
        !text.contains(TOKEN),
        "{what} shows the bearer token: {text}"
    );
    // Not even a telling part of it.
    assert!(
        !text.contains("SECRET"),
        "{what} shows part of a credential: {text}"
    );
}

fn assert_error_clean(what: &str, err: &Error) {
    assert_clean(&format!("{what} (Display)"), &err.to_string());
    assert_clean(&format!("{what} (Debug)"), &format!("{err:?}"));
    assert_clean(&format!("{what} (alternate Debug)"), &format!("{err:#?}"));
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        assert_clean(&format!("{what} (source)"), &format!("{s} / {s:?}"));
        source = s.source();
    }
}

#[tokio::test]
async fn the_api_key_is_sent_as_x_api_key_only() {
    let _ = capture();
    let server = TestServer::start(|_: &Seen| Reply::json(200, OK)).await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .build()
        .expect("client");
    stop(&client, "s").await.expect("ok");
    let seen = &server.requests()[0];
    assert_eq!(seen.header("x-api-key"), Some(KEY));
    assert_eq!(seen.header("authorization"), None);
}

#[tokio::test]
async fn the_bearer_token_is_sent_as_authorization_only() {
    let _ = capture();
    let server = TestServer::start(|_: &Seen| Reply::json(200, OK)).await;
    let client = Client::builder()
        .bearer_token(TOKEN)
        .base_url(server.url())
        .build()
        .expect("client");
    stop(&client, "s").await.expect("ok");
    let seen = &server.requests()[0];
    assert_eq!(
        seen.header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert_eq!(seen.header("x-api-key"), None);
}

#[test]
fn builders_and_clients_never_print_the_credential() {
    let _ = capture();
    let with_key = Client::builder()
        .api_key(KEY)
        .base_url("http://127.0.0.1:9");
    let with_token = Client::builder()
        .bearer_token(TOKEN)
        .base_url("http://127.0.0.1:9");
    let bad_key = Client::builder().api_key(format!("{KEY}\n"));
    for (what, text) in [
        ("builder with a key", format!("{with_key:?} {with_key:#?}")),
        (
            "builder with a token",
            format!("{with_token:?} {with_token:#?}"),
        ),
        ("builder with an invalid key", format!("{bad_key:?}")),
    ] {
        assert_clean(what, &text);
    }
    // A password in the base URL is refused, and printed nowhere.
    let in_url = Client::builder()
        .api_key("k")
        .base_url(format!("https://user:{TOKEN}@example.com"));
    assert_clean("builder with a password in its URL", &format!("{in_url:?}"));
    let err = in_url.build().expect_err("credentials in the URL");
    assert!(matches!(err, Error::Config(_)));
    assert_error_clean("the config error for a password in the URL", &err);
    // The same for URLs that do not parse at all: a port out of range, a
    // space in the host, an empty host, no scheme.
    for url in [
        format!("https://user:{TOKEN}@example.com:99999"),
        format!("https://user:{TOKEN}@exa mple.com/v3"),
        format!("https://user:{TOKEN}@"),
        format!("user:{TOKEN}@example.com"),
        format!("https://user:{TOKEN}@@example.com?x#y"),
    ] {
        let builder = Client::builder().api_key("k").base_url(url.clone());
        assert_clean(
            &format!("builder with {url:?}"),
            &format!("{builder:?} {builder:#?}"),
        );
        let err = builder.build().expect_err("not a usable URL");
        assert!(matches!(err, Error::Config(_)), "{err:?}");
        assert_error_clean(&format!("the config error for {url:?}"), &err);
    }

    let err = bad_key.build().expect_err("a newline cannot be sent");
    assert!(matches!(err, Error::Config(_)));
    assert_error_clean("the config error for an invalid key", &err);

    let key_client = with_key.build().expect("client");
    let token_client = with_token.build().expect("client");
    for (what, client) in [
        ("client with a key", &key_client),
        ("client with a token", &token_client),
    ] {
        assert_clean(what, &format!("{client:?} {client:#?}"));
        let opted_out = client.with_idempotency(Idempotency::Disabled);
        assert_clean(what, &format!("{opted_out:?}"));
        let call = client.stop_video_agent_session().session_id("s");
        assert_clean("a request builder", &format!("{call:?}"));
    }
}

/// A `Write` that appends into a shared buffer, for a tracing fmt layer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("lock")).into_owned()
    }
}

/// Every test in this file runs under one process-wide subscriber that
/// records everything at TRACE into a buffer. (A per-test `set_default`
/// subscriber can miss events: callsites first hit by a test on another
/// thread may cache "not interested".)
fn capture() -> Captured {
    static CAPTURED: OnceLock<Captured> = OnceLock::new();
    CAPTURED
        .get_or_init(|| {
            let captured = Captured::default();
            let writer = captured.clone();
            let subscriber = tracing_subscriber::fmt()
                .with_max_level(tracing::Level::TRACE)
                .with_ansi(false)
                .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
                .with_writer(move || writer.clone())
                .finish();
            tracing::subscriber::set_global_default(subscriber)
                .expect("the only global subscriber");
            captured
        })
        .clone()
}

#[tokio::test]
async fn no_credential_in_errors_or_tracing_output() {
    let captured = capture();
    let mut errors: Vec<(&str, Error)> = Vec::new();
    for credential in [Credential::Key, Credential::Token] {
        // Success after a retry (a 429 is retried for every operation).
        let server = TestServer::start(sequence(vec![
            Reply::json(429, "{}").header("retry-after", "0"),
            Reply::json(200, OK),
        ]))
        .await;
        stop(&client(credential, &server.url()), "s")
            .await
            .expect("retried, then ok");

        let server = TestServer::start(|_: &Seen| {
            Reply::json(401, r#"{"error":{"code":"authentication_failed","message":"Invalid or expired API key."}}"#)
        })
        .await;
        errors.push((
            "401",
            stop(&client(credential, &server.url()), "s")
                .await
                .expect_err("401"),
        ));

        let server =
            TestServer::start(|_: &Seen| Reply::json(429, "{}").header("retry-after", "0")).await;
        errors.push((
            "429 exhausted",
            stop(&client(credential, &server.url()), "s")
                .await
                .expect_err("429"),
        ));

        errors.push((
            "refused",
            stop(&client(credential, &refused_url().await), "s")
                .await
                .expect_err("refused"),
        ));

        let server =
            TestServer::start(|_: &Seen| Reply::json(200, OK).delayed(Duration::from_secs(10)))
                .await;
        // The one call that should time out gets a short timeout: the
        // others keep the default, which no loaded machine reaches.
        let impatient = client_builder(credential, &server.url())
            .timeout(Duration::from_millis(300))
            .build()
            .expect("client");
        errors.push(("timeout", stop(&impatient, "s").await.expect_err("timeout")));

        let server = TestServer::start(|_: &Seen| Reply::json(200, "{\"data\":")).await;
        errors.push((
            "decode",
            stop(&client(credential, &server.url()), "s")
                .await
                .expect_err("decode"),
        ));

        let invalid = client(credential, "http://127.0.0.1:9")
            .stop_video_agent_session()
            .session_id("s")
            .idempotency_key("not valid")
            .body(StopSessionRequest::default())
            .send()
            .await
            .expect_err("invalid key");
        errors.push(("invalid request", invalid));
    }
    for (what, err) in &errors {
        assert_error_clean(what, err);
        tracing::error!(error = %err, debug = ?err, "{what}");
    }

    let logs = captured.text();
    assert_clean("tracing output", &logs);
    for field in [
        "operation=\"stop_video_agent_session\"",
        "attempt=1",
        "attempt=2",
        "status=200",
        "status=401",
    ] {
        assert!(
            logs.contains(field),
            "tracing output lacks `{field}`:\n{logs}"
        );
    }
    assert!(logs.contains("retrying"), "a retry is logged:\n{logs}");
    assert!(
        !logs.contains("attempt=0"),
        "attempts are numbered from 1:\n{logs}"
    );
}

#[derive(Clone, Copy)]
enum Credential {
    Key,
    Token,
}

fn client_builder(credential: Credential, url: &str) -> heygen_api::ClientBuilder<Client> {
    let builder = match credential {
        Credential::Key => Client::builder().api_key(KEY),
        Credential::Token => Client::builder().bearer_token(TOKEN),
    };
    builder.base_url(url).retry_policy(fast())
}

fn client(credential: Credential, url: &str) -> Client {
    client_builder(credential, url).build().expect("client")
}
