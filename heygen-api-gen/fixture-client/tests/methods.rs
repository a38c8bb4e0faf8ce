//! Kinds of operation the seed spec lacks, against a real server: a `PATCH`
//! (mutating, so keyed and retried like a `POST`), a binary download
//! (`ByteStream`, bounded like any body), an empty `204` (`()`), and the
//! caller's `Idempotency-Key` on a multipart upload.

mod support;

use futures_util::StreamExt;
use heygen_api::runtime::{Error, RetryPolicy};
use heygen_fixture_client::edge;
use support::{sequence, Reply, Seen, TestServer};

fn edge_client(server: &TestServer, max_response_bytes: usize) -> edge::Client {
    edge::Client::builder()
        .api_key("test-key")
        .base_url(server.url())
        .retry_policy(RetryPolicy {
            base_delay: std::time::Duration::from_millis(5),
            max_delay: std::time::Duration::from_millis(20),
            ..RetryPolicy::default()
        })
        .max_response_bytes(max_response_bytes)
        .build()
        .expect("client")
}

/// Everything a `ByteStream` yields, or the first error.
async fn collect(
    stream: progenitor_client::ByteStream,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut stream = stream.into_inner();
    let mut out = Vec::new();
    while let Some(chunk) = stream.next().await {
        out.extend_from_slice(&chunk?);
    }
    Ok(out)
}

#[tokio::test]
async fn a_patch_that_declares_no_key_is_sent_once_and_streams_its_body() {
    // `patchExotic` declares no `Idempotency-Key`: a 503 may come after the
    // change was made, so it is not repeated (the retry fixture's keyed
    // PATCH is, in `retry_classes.rs`).
    let server = TestServer::start(sequence(vec![
        Reply::json(503, r#"{"error":{"code":"unavailable"}}"#),
        Reply::raw(200, "text/plain", "patched"),
    ]))
    .await;
    let client = edge_client(&server, 1 << 20);
    let Err(err) = client
        .patch_exotic()
        .id(7)
        .body(edge::types::PatchExoticBody::default())
        .send()
        .await
    else {
        panic!("the 503 reaches the caller");
    };
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert!(!err.is_retryable());
    let response = client
        .patch_exotic()
        .id(7)
        .body(edge::types::PatchExoticBody::default())
        .send()
        .await
        .expect("the next call gets the 200");
    assert_eq!(
        collect(response.into_inner()).await.expect("body"),
        b"patched"
    );
    let seen = server.requests();
    assert_eq!(seen.len(), 2, "one request per call");
    assert!(seen.iter().all(|r| r.method == "PATCH"));
    assert!(
        seen.iter().all(|r| r.header("idempotency-key").is_none()),
        "no key of the client's own where none is declared"
    );
}

#[tokio::test]
async fn a_download_streams_the_bytes_as_sent() {
    // Not UTF-8, not JSON: nothing may decode or re-encode it.
    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let body = bytes.clone();
    let server = TestServer::start(move |_: &Seen| {
        Reply::raw(200, "application/octet-stream", body.clone())
    })
    .await;
    let response = edge_client(&server, 1 << 20)
        .download_item()
        .item_id(uuid::Uuid::nil())
        .send()
        .await
        .expect("download");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/octet-stream"
    );
    assert_eq!(collect(response.into_inner()).await.expect("bytes"), bytes);
    assert_eq!(
        server.requests()[0].target,
        format!("/items/{}/file", uuid::Uuid::nil())
    );
}

#[tokio::test]
async fn a_download_is_bounded_by_max_response_bytes() {
    let server = TestServer::start(|_: &Seen| {
        Reply::raw(200, "application/octet-stream", vec![7u8; 64 * 1024])
    })
    .await;
    let response = edge_client(&server, 4096)
        .download_item()
        .item_id(uuid::Uuid::nil())
        .send()
        .await
        .expect("the head is within any limit");
    let err = collect(response.into_inner())
        .await
        .expect_err("64 KiB through a 4 KiB limit");
    let mut chain = vec![err.to_string()];
    let mut source = err.source();
    while let Some(e) = source {
        chain.push(e.to_string());
        source = e.source();
    }
    assert!(
        chain
            .iter()
            .any(|m| m.contains("larger than the limit of 4096 bytes")),
        "{chain:?}"
    );
}

#[tokio::test]
async fn an_empty_204_is_unit_with_its_status_and_headers() {
    let server = TestServer::start(|_: &Seen| {
        Reply::raw(204, "text/plain", "").header("x-request-id", "req_204")
    })
    .await;
    let response = edge_client(&server, 1 << 20)
        .delete_exotic()
        .id(3)
        .send()
        .await
        .expect("deleted");
    assert_eq!(response.status(), 204);
    assert_eq!(response.request_id(), Some("req_204"));
    let () = response.into_inner();
    let seen = server.requests();
    assert_eq!(
        (seen[0].method.as_str(), seen[0].target.as_str()),
        ("DELETE", "/exotic/3")
    );
    assert_eq!(
        seen[0].header("idempotency-key"),
        None,
        "a DELETE is idempotent without a key"
    );

    // An error status is still an error, with its body's code.
    let server = TestServer::start(|_: &Seen| {
        Reply::json(
            404,
            r#"{"error":{"code":"not_found","message":"no such thing"}}"#,
        )
    })
    .await;
    let err = edge_client(&server, 1 << 20)
        .delete_exotic()
        .id(4)
        .send()
        .await
        .expect_err("404");
    assert_eq!(err.code(), Some("not_found"));
}

#[tokio::test]
async fn a_multipart_upload_sends_the_callers_key_once() {
    let server =
        TestServer::start(|_: &Seen| Reply::json(503, r#"{"error":{"code":"unavailable"}}"#)).await;
    let err = support::client(&server)
        .create_upload()
        .file("file", "clip.mp4", &b"\x00bytes"[..], "video/mp4")
        .expect("a valid MIME type")
        .text("purpose", "clip")
        .idempotency_key("upload:clip-1.v2")
        .send()
        .await
        .expect_err("503");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    let seen = server.requests();
    // A form is a stream: sent once, even with a key that would make a
    // retry safe.
    assert_eq!(seen.len(), 1, "a multipart body is never sent twice");
    assert_eq!(seen[0].header("idempotency-key"), Some("upload:clip-1.v2"));

    // A key HeyGen would refuse is refused here, before anything is sent.
    let err = support::client(&server)
        .create_upload()
        .file("file", "clip.mp4", &b"\x00bytes"[..], "video/mp4")
        .expect("a valid MIME type")
        .text("purpose", "clip")
        .idempotency_key("not a key")
        .send()
        .await
        .expect_err("invalid key");
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert_eq!(server.requests().len(), 1);
}
