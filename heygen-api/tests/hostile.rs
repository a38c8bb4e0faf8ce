//! Hostile input: path parameters that try to leave their segment, and
//! responses that are broken, huge, endless or not text. Every case ends in
//! a typed error with a bounded snippet, never a panic.

mod support;

use std::time::Duration;

use heygen_api::runtime::RetryPolicy;
use heygen_api::{Client, Error};
use support::{percent_decode, stop, Reply, Seen, TestServer};

/// Snippets keep at most 512 bytes of the body; a little slack for trimming
/// and a replacement character at the cut.
const SNIPPET_MAX: usize = 512 + 8;

fn client_with(
    url: &str,
    configure: impl FnOnce(heygen_api::ClientBuilder<Client>) -> heygen_api::ClientBuilder<Client>,
) -> Client {
    let builder = Client::builder()
        .api_key("k")
        .base_url(url)
        .retry_policy(RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        });
    configure(builder).build().expect("client")
}

// ---- Path parameters -----------------------------------------------------

#[tokio::test]
async fn hostile_session_ids_stay_one_segment() {
    let server =
        TestServer::start(|_: &Seen| Reply::json(200, r#"{"data":{"session_id":"s"}}"#)).await;
    let client = client_with(&server.url(), |b| b);
    let ids = [
        "a/b",
        "../../v1/admin",
        "a/../b",
        "..a",
        "a..",
        "./x",
        "x/.",
        "what?now=1",
        "frag#ment",
        "100%",
        "%2F",
        "%2e%2e",
        "with space",
        "tab\there",
        "plus+sign",
        "semi;colon",
        "é-ü-日本",
        "emoji-🎬",
        "back\\slash",
        "quote\"s",
        "new\nline",
        "ctrl\u{0}nul",
    ];
    for id in ids {
        stop(&client, id)
            .await
            .unwrap_or_else(|e| panic!("{id:?}: {e}"));
        let seen = server.requests();
        let target = &seen.last().expect("a request").target;
        let segments: Vec<&str> = target.split('/').collect();
        assert_eq!(
            segments.len(),
            5,
            "{id:?} went to {target}, not one segment"
        );
        assert_eq!(
            segments[..3],
            ["", "v3", "video-agents"],
            "{id:?} went to {target}"
        );
        assert_eq!(segments[4], "stop", "{id:?} went to {target}");
        let segment = segments[3];
        assert!(
            !segment.contains(['?', '#', ' ']),
            "{id:?} left a raw delimiter in {target}"
        );
        assert!(segment.is_ascii(), "{id:?} sent non-ASCII in {target}");
        assert_eq!(
            percent_decode(segment),
            id.as_bytes(),
            "{id:?} arrived as {segment}"
        );
    }
}

#[tokio::test]
async fn dot_and_empty_session_ids_are_refused_before_sending() {
    // `.` and `..` cannot be one segment: URL parsers (the client's own
    // included) remove them even percent-encoded, so the request would go to
    // another endpoint. An empty id would leave `//` in the path.
    let server =
        TestServer::start(|_: &Seen| Reply::json(200, r#"{"data":{"session_id":"s"}}"#)).await;
    let client = client_with(&server.url(), |b| b);
    for id in [".", "..", ""] {
        let err = stop(&client, id).await.expect_err("refused");
        assert!(
            matches!(err, Error::InvalidRequest(_)),
            "{id:?} gave {err:?}"
        );
    }
    assert!(
        server.requests().is_empty(),
        "sent: {:?}",
        server.requests()
    );
    // The refusal does not leak into later calls.
    stop(&client, "s")
        .await
        .expect("an ordinary id after a refused one");
    assert_eq!(server.requests()[0].target, "/v3/video-agents/s/stop");
}

// ---- Hostile bodies -----------------------------------------------------------

/// The bodies a broken server or a proxy in between might send.
fn hostile_bodies() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let mut invalid_utf8 = b"{\"data\":{\"session_id\":\"".to_vec();
    invalid_utf8.extend(std::iter::repeat_n([0xff, 0xfe, 0xc3], 400).flatten());
    invalid_utf8.extend_from_slice(b"\"}}");
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body>",
    );
    html.push_str(&"<p>Something went wrong upstream.</p>".repeat(100));
    html.push_str("</body></html>");
    vec![
        (
            "truncated JSON",
            "application/json",
            br#"{"data":{"session_id":"se"#.to_vec(),
        ),
        (
            "wrong types",
            "application/json",
            br#"{"data":{"session_id":42}}"#.to_vec(),
        ),
        ("wrong shape", "application/json", br#"[1,2,3]"#.to_vec()),
        ("HTML page", "text/html", html.into_bytes()),
        ("empty body", "application/json", Vec::new()),
        ("invalid UTF-8", "application/json", invalid_utf8),
        (
            "binary junk",
            "application/octet-stream",
            (0..=255u8).cycle().take(4096).collect(),
        ),
        (
            "deeply nested",
            "application/json",
            "[".repeat(100_000).into_bytes(),
        ),
    ]
}

fn assert_bounded(what: &str, snippet: &str) {
    assert!(
        snippet.len() <= SNIPPET_MAX,
        "{what}: snippet of {} bytes",
        snippet.len()
    );
}

#[tokio::test]
async fn hostile_success_bodies_are_decode_errors() {
    for (what, content_type, body) in hostile_bodies() {
        let server =
            TestServer::start(move |_: &Seen| Reply::raw(200, content_type, body.clone())).await;
        let err = stop(&client_with(&server.url(), |b| b), "s")
            .await
            .expect_err(what);
        match &err {
            Error::Decode { snippet, .. } => assert_bounded(what, snippet),
            other => panic!("{what}: expected Error::Decode, got {other:?}"),
        }
        assert!(
            err.to_string().len() < 4096,
            "{what}: a message of {} bytes",
            err.to_string().len()
        );
    }
}

#[tokio::test]
async fn hostile_error_bodies_are_api_errors() {
    for status in [400u16, 404, 429, 500, 503] {
        for (what, content_type, body) in hostile_bodies() {
            let server =
                TestServer::start(move |_: &Seen| Reply::raw(status, content_type, body.clone()))
                    .await;
            let err = stop(&client_with(&server.url(), |b| b), "s")
                .await
                .expect_err(what);
            let Error::Api(api) = &err else {
                panic!("{status} {what}: expected Error::Api, got {err:?}")
            };
            assert_eq!(api.status, status, "{what}");
            assert_bounded(what, &api.snippet);
            assert_eq!(api.code, None, "{status} {what}");
            assert!(
                err.to_string().len() < 4096,
                "{what}: a message of {} bytes",
                err.to_string().len()
            );
        }
    }
}

#[tokio::test]
async fn an_error_body_of_the_wrong_shape_keeps_status_and_snippet() {
    let server = TestServer::start(|_: &Seen| {
        Reply::json(
            422,
            r#"{"error":{"code":7,"message":["not","a","string"]}}"#,
        )
        .header("x-request-id", "req_x")
    })
    .await;
    let err = stop(&client_with(&server.url(), |b| b), "s")
        .await
        .expect_err("422");
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.status, 422);
    assert_eq!(api.code, None);
    assert_eq!(api.request_id.as_deref(), Some("req_x"));
    assert!(api.body.is_some(), "the odd error object is kept as JSON");
}

const TEN_MB: usize = 10 * 1024 * 1024;

fn huge_json() -> Vec<u8> {
    let mut body = b"{\"data\":{\"session_id\":\"".to_vec();
    body.resize(TEN_MB, b'x');
    body.extend_from_slice(b"\"}}");
    body
}

#[tokio::test]
async fn a_body_over_the_limit_is_response_too_large() {
    let body = huge_json();
    let server =
        TestServer::start(move |_: &Seen| Reply::raw(200, "application/json", body.clone())).await;
    let client = client_with(&server.url(), |b| b.max_response_bytes(1024 * 1024));
    let err = stop(&client, "s").await.expect_err("too large");
    match err {
        Error::ResponseTooLarge { limit } => assert_eq!(limit, 1024 * 1024),
        other => panic!("expected Error::ResponseTooLarge, got {other:?}"),
    }

    // An error status with a huge body is still the API error it is.
    let body = vec![b'x'; TEN_MB];
    let server =
        TestServer::start(move |_: &Seen| Reply::raw(500, "text/plain", body.clone())).await;
    let client = client_with(&server.url(), |b| b.max_response_bytes(1024 * 1024));
    let err = stop(&client, "s").await.expect_err("500");
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.status, 500);
    assert_bounded("huge 500", &api.snippet);
}

#[tokio::test]
async fn a_big_body_under_the_default_limit_decodes() {
    let body = huge_json();
    let server =
        TestServer::start(move |_: &Seen| Reply::raw(200, "application/json", body.clone())).await;
    let data = stop(&client_with(&server.url(), |b| b), "s")
        .await
        .expect("10 MB is under 64 MiB")
        .into_data()
        .expect("data");
    assert_eq!(
        data.session_id.len(),
        TEN_MB - "{\"data\":{\"session_id\":\"".len()
    );

    let junk = vec![b'x'; TEN_MB];
    let server =
        TestServer::start(move |_: &Seen| Reply::raw(200, "application/json", junk.clone())).await;
    match stop(&client_with(&server.url(), |b| b), "s").await {
        Err(Error::Decode { snippet, .. }) => assert_bounded("10 MB of junk", &snippet),
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

// The clock is paused: it moves only when every task waits, so the 300 ms
// can only run out once the server has sent all it will send, however
// loaded the machine is.
#[tokio::test(start_paused = true)]
async fn a_body_that_never_ends_times_out() {
    let server = TestServer::start(move |_: &Seen| {
        Reply::raw(200, "application/json", "{\"data\":{").stalled()
    })
    .await;
    let client = client_with(&server.url(), |b| b.timeout(Duration::from_millis(300)));
    let err = stop(&client, "s").await.expect_err("stalled");
    assert!(
        matches!(err, Error::Timeout(_)),
        "expected Error::Timeout, got {err:?}"
    );
    assert_eq!(
        server.requests().len(),
        1,
        "a timed-out call is not retried"
    );
}

#[tokio::test]
async fn an_error_whose_body_stalls_keeps_what_arrived() {
    // The status line and headers arrive; the body then never ends. The
    // error is still the server's answer, not a bare timeout.
    for status in [404u16, 409, 500, 503] {
        let server = TestServer::start(move |_: &Seen| {
            Reply::raw(status, "application/json", "{\"error\":{\"code\":")
                .header("x-request-id", "req_stalled")
                .header("retry-after", "7")
                .stalled()
        })
        .await;
        let client = client_with(&server.url(), |b| {
            b.timeout(Duration::from_millis(300))
                .retry_policy(RetryPolicy {
                    base_delay: Duration::from_millis(10),
                    ..RetryPolicy::default()
                })
        });
        let err = stop(&client, "s").await.expect_err("stalled");
        let Error::Api(api) = &err else {
            panic!("{status}: expected Error::Api, got {err:?}");
        };
        assert_eq!(api.status.as_u16(), status);
        assert_eq!(err.request_id(), Some("req_stalled"), "{status}");
        assert_eq!(err.retry_after(), Some(Duration::from_secs(7)), "{status}");
        assert!(
            api.body_error
                .as_deref()
                .is_some_and(|why| why.contains("timed out")),
            "{status}: {api:?}"
        );
        // The seed's POST is not idempotent: a 5xx is not retried.
        assert_eq!(server.requests().len(), 1, "{status}");
    }
}

#[tokio::test]
async fn an_error_whose_body_stalls_past_the_deadline_keeps_what_arrived() {
    // The same with the call's overall deadline the first limit to pass:
    // the error is still the server's answer, not a bare DeadlineExceeded.
    for status in [404u16, 503] {
        let server = TestServer::start(move |_: &Seen| {
            Reply::raw(status, "application/json", "{\"error\":{\"code\":")
                .header("x-request-id", "req_stalled")
                .header("retry-after", "7")
                .stalled()
        })
        .await;
        let client = client_with(&server.url(), |b| {
            b.timeout(Duration::from_secs(30))
                .deadline(Duration::from_millis(300))
        });
        let err = stop(&client, "s").await.expect_err("stalled");
        let Error::Api(api) = &err else {
            panic!("{status}: expected Error::Api, got {err:?}");
        };
        assert_eq!(api.status.as_u16(), status);
        assert_eq!(err.request_id(), Some("req_stalled"), "{status}");
        assert_eq!(err.retry_after(), Some(Duration::from_secs(7)), "{status}");
        assert!(
            api.body_error
                .as_deref()
                .is_some_and(|why| why.contains("deadline")),
            "{status}: {api:?}"
        );
        assert!(err.retry_class().is_some(), "the call's facts are kept");
    }
}
