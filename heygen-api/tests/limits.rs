//! Promises that survived mutation testing until these tests pinned them
//! (see TESTING.md): bodies without a `Content-Length` are bounded too, an
//! error body is read only up to its cap, and credentials go out as
//! sensitive header values (a refused connection being retried is in
//! `refused.rs`).
//!
//! The shared test server always announces a `Content-Length`, so the
//! servers here write their answers byte by byte.

mod support;

use std::time::Duration;

use heygen_api::runtime::{GeneratedClient, RetryPolicy};
use heygen_api::{Client, Error};
use support::stop;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

fn no_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 0,
        ..RetryPolicy::default()
    }
}

fn chunk(data: &[u8]) -> Vec<u8> {
    let mut out = format!("{:x}\r\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\r\n");
    out
}

/// A server answering every connection's first request with `status` and a
/// chunked body: `body` in pieces, then the end marker. Returns its URL.
async fn chunked_server(status: u16, body: Vec<u8>) -> String {
    chunked_server_in(status, body, 1024).await
}

/// As [`chunked_server`], with `piece` bytes per chunk, each written and
/// flushed on its own.
async fn chunked_server_in(status: u16, body: Vec<u8>, piece: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let body = body.clone();
            tokio::spawn(async move {
                support::read_request(&mut stream).await;
                let head = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n"
                );
                let _ = stream.write_all(head.as_bytes()).await;
                for part in body.chunks(piece) {
                    let _ = stream.write_all(&chunk(part)).await;
                    let _ = stream.flush().await;
                }
                let _ = stream.write_all(b"0\r\n\r\n").await;
            });
        }
    });
    url
}

#[tokio::test]
async fn a_chunked_success_body_past_the_limit_is_too_large() {
    // Valid JSON the client would decode, were it read whole.
    let body = format!(
        r#"{{"data":{{"session_id":"s"}},"pad":"{}"}}"#,
        "x".repeat(16 * 1024)
    );
    let url = chunked_server(200, body.into_bytes()).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(url)
        .retry_policy(no_retries())
        .max_response_bytes(4096)
        .build()
        .expect("client");
    match stop(&client, "s").await {
        Err(Error::ResponseTooLarge { limit }) => assert_eq!(limit, 4096),
        other => panic!("expected Error::ResponseTooLarge, got {other:?}"),
    }

    // The same body within the limit decodes: the limit, not the framing,
    // made the difference above.
    let body = r#"{"data":{"session_id":"s"},"pad":"x"}"#;
    let url = chunked_server(200, body.as_bytes().to_vec()).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(url)
        .max_response_bytes(4096)
        .build()
        .expect("client");
    let data = stop(&client, "s")
        .await
        .expect("small")
        .into_data()
        .expect("data");
    assert_eq!(data.session_id, "s");
}

/// A success body read frame by frame is decoded whole: many small frames,
/// an empty first frame, a body of one frame.
#[tokio::test]
async fn a_success_body_in_many_frames_decodes_whole() {
    let id = format!("s-{}", "0123456789".repeat(300));
    let body = format!(r#"{{"data":{{"session_id":"{id}"}}}}"#);
    for piece in [1, 7, 64, body.len()] {
        let url = chunked_server_in(200, body.clone().into_bytes(), piece).await;
        let client = Client::builder()
            .api_key("k")
            .base_url(url)
            .retry_policy(no_retries())
            .build()
            .expect("client");
        let data = stop(&client, "s")
            .await
            .unwrap_or_else(|e| panic!("{piece}-byte frames: {e}"))
            .into_data()
            .expect("data");
        assert_eq!(data.session_id, id, "{piece}-byte frames");
    }
}

#[tokio::test]
async fn a_chunked_error_body_is_read_only_up_to_the_limit() {
    // HeyGen's error shape: read whole it would give its `code`; cut at the
    // limit it is not JSON, and the error keeps the status and a snippet.
    let body = format!(
        r#"{{"error":{{"code":"too_long","message":"{}"}}}}"#,
        "x".repeat(16 * 1024)
    );
    let url = chunked_server(500, body.into_bytes()).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(url)
        .retry_policy(no_retries())
        .max_response_bytes(4096)
        .build()
        .expect("client");
    let err = stop(&client, "s").await.expect_err("500");
    let api = err
        .api()
        .unwrap_or_else(|| panic!("expected Error::Api, got {err:?}"));
    assert_eq!(api.status.as_u16(), 500);
    assert_eq!(api.code, None, "the body past 4096 bytes was read");
    assert!(api.snippet.starts_with("{\"error\""), "{}", api.snippet);
}

#[tokio::test]
async fn an_endless_error_body_ends_in_an_api_error() {
    // No size limit of the client's own: only the error body's cap stands
    // between this server and a read that does not end. The server stops
    // after `BODY` bytes without ending the body, so a client reading past
    // the cap waits for the rest until its timeout (Error::Timeout) instead
    // of filling the machine's memory.
    const BODY: usize = 32 << 20;
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let server = tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.expect("accept");
        support::read_request(&mut stream).await;
        let head =
            "HTTP/1.1 500 X\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\n";
        stream.write_all(head.as_bytes()).await.expect("head");
        let piece = chunk(&[b'x'; 8192]);
        let mut sent = 0;
        while sent < BODY && stream.write_all(&piece).await.is_ok() {
            sent += 8192;
        }
        // Until the client hangs up.
        let _ = stream.read(&mut [0u8; 16]).await;
        sent
    });
    let client = Client::builder()
        .api_key("k")
        .base_url(url)
        .retry_policy(no_retries())
        .timeout(Duration::from_secs(20))
        .max_response_bytes(usize::MAX)
        .build()
        .expect("client");
    let err = stop(&client, "s").await.expect_err("500");
    let api = err
        .api()
        .unwrap_or_else(|| panic!("expected Error::Api, got {err:?}"));
    assert_eq!(api.status.as_u16(), 500);
    drop(client);
    // 64 KiB read, plus what the two sockets' buffers held when it stopped.
    let sent = server.await.expect("server");
    assert!(sent < BODY, "the server wrote all of its {sent} bytes");
}

#[test]
fn credentials_are_sensitive_header_values() {
    // Sensitive values are what HTTP/2 keeps out of its header compression
    // table, and what `Debug` of a request or header map prints as
    // `Sensitive`, whoever logs them.
    for (builder, header) in [
        (Client::builder().api_key("key-123"), "x-api-key"),
        (Client::builder().bearer_token("token-456"), "authorization"),
    ] {
        let client = builder.build().expect("client");
        let mut request = reqwest::Request::new(
            reqwest::Method::GET,
            "http://127.0.0.1:9/v3/x".parse().unwrap(),
        );
        let call = heygen_api::runtime::__private::CallSpec {
            operation_id: "x",
            class: heygen_api::runtime::RetryClass::Idempotent,
            options: Default::default(),
        };
        heygen_api::runtime::__private::pre::<()>(client.inner(), &mut request, &call)
            .expect("pre");
        let value = request.headers().get(header).expect(header);
        assert!(value.is_sensitive(), "{header} is not marked sensitive");
        let shown = format!("{:?}", request.headers());
        assert!(
            !shown.contains("key-123") && !shown.contains("token-456"),
            "{shown}"
        );
    }
}

// Paused clock: the 2 s wait passes without being waited for.
#[tokio::test(start_paused = true)]
async fn a_retry_after_equal_to_the_maximum_is_waited_out() {
    // `max_retry_after` is the longest wait honoured: the bound itself is.
    let server = support::TestServer::start(support::sequence(vec![
        support::Reply::json(429, r#"{"error":{"code":"rate_limit_exceeded"}}"#)
            .header("retry-after", "2"),
        support::Reply::json(200, r#"{"data":{"session_id":"s"}}"#),
    ]))
    .await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .retry_policy(RetryPolicy {
            max_retry_after: Duration::from_secs(2),
            ..RetryPolicy::default()
        })
        .build()
        .expect("client");
    let started = tokio::time::Instant::now();
    stop(&client, "s")
        .await
        .expect("the 2 s Retry-After was waited out");
    assert_eq!(server.count(), 2);
    assert!(started.elapsed() >= Duration::from_secs(2));
}

#[tokio::test]
async fn a_long_409_body_reaches_the_error_whole() {
    // A 409 is read before it is answered, to see whether it is HeyGen's
    // `request_in_progress`; what was read is what the caller gets.
    let message = "m".repeat(3000);
    let body = format!(r#"{{"error":{{"message":"{message}","code":"conflict"}}}}"#);
    let server = support::TestServer::start(move |_: &support::Seen| {
        support::Reply::json(409, body.clone())
    })
    .await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .build()
        .expect("client");
    let err = stop(&client, "s").await.expect_err("409");
    assert_eq!(err.code(), Some("conflict"), "{err:?}");
    let api = err.api().expect("api error");
    assert_eq!(api.message.as_deref(), Some(message.as_str()));
    assert_eq!(server.count(), 1, "a plain conflict is not retried");
}

#[tokio::test]
async fn a_body_cut_short_names_the_url_it_came_from() {
    // No `Content-Length`, so the body is wrapped in the size limit: the
    // rebuilt response must keep its URL for the error to name it.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.expect("accept");
        support::read_request(&mut stream).await;
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
        let mut out = head.as_bytes().to_vec();
        out.extend_from_slice(&chunk(br#"{"data":{"session_"#));
        let _ = stream.write_all(&out).await;
        // Closed without the last chunk.
    });
    let client = Client::builder()
        .api_key("k")
        .base_url(&url)
        .retry_policy(no_retries())
        .build()
        .expect("client");
    let err = stop(&client, "s").await.expect_err("cut short");
    let Error::Transport(e) = &err else {
        panic!("expected Error::Transport, got {err:?}")
    };
    let named = e.reqwest().url().map(|u| u.to_string()).unwrap_or_default();
    assert!(
        named.starts_with(&url),
        "the error names {named:?}, not {url}"
    );
}
