//! `Error::is_retryable()` says what the client itself would do: where the
//! client did not send a call again, it says no.

mod support;

use std::time::Duration;

use heygen_api::Client;
use support::{refused_url, stop, Reply, Seen, TestServer};

fn client(url: &str) -> Client {
    Client::builder()
        .api_key("k")
        .base_url(url)
        .max_retries(2)
        .build()
        .unwrap()
}

#[tokio::test]
async fn is_retryable_is_false_for_an_upload_the_client_could_not_send_again() {
    // A 429: retried for every other call, but an upload read from a
    // reader cannot be sent twice.
    let server = TestServer::start(|_: &Seen| {
        Reply::json(
            429,
            r#"{"error":{"code":"rate_limit_exceeded","message":"slow down"}}"#,
        )
        .header("retry-after", "0")
    })
    .await;
    let err = client(&server.url())
        .upload_asset()
        .file_reader("file", "a.png", &b"png"[..], 3, "image/png")
        .unwrap()
        .send()
        .await
        .expect_err("429");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(server.count(), 1, "sent once");
    assert!(!err.is_retryable(), "{err:?}");
    // A JSON call to the same 429 is retried, and says so.
    let err = stop(&client(&server.url()), "s").await.expect_err("429");
    assert_eq!(server.count(), 4);
    assert!(err.is_retryable());

    // Connection refused: the same.
    let refused = refused_url().await;
    let err = client(&refused)
        .upload_asset()
        .file_reader("file", "a.png", &b"png"[..], 3, "image/png")
        .unwrap()
        .send()
        .await
        .expect_err("refused");
    assert!(!err.is_retryable(), "{err:?}");
    let err = stop(&client(&refused), "s").await.expect_err("refused");
    assert!(err.is_retryable(), "{err:?}");
}

#[tokio::test]
async fn is_retryable_is_false_for_a_success_whose_body_broke_off() {
    use tokio::io::AsyncWriteExt;
    // A 200 that announces 100 bytes, sends 8 and hangs up.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let served = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = served.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let _ = support::read_request(&mut stream).await;
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"data\":")
                .await;
            let _ = stream.shutdown().await;
        }
    });
    let err = client(&url)
        .get_video_v3()
        .video_id("v1")
        .send()
        .await
        .expect_err("cut off");
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(served.load(std::sync::atomic::Ordering::SeqCst), 1);
    assert!(!err.is_retryable(), "{err:?}");
}

/// What an error says about retries travels with the call's result, not
/// beside it: request code that waits before it reaches `exec`, and is
/// polled on other threads in between, still gets the facts `exec` knew.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_facts_survive_request_code_that_waits_before_sending() {
    use heygen_api::runtime::{__private as seam, GeneratedClient};
    let server = TestServer::start(|_: &Seen| {
        Reply::json(502, r#"{"error":{"code":"bad_gateway","message":"down"}}"#)
    })
    .await;
    // Leaked, so that the call can move to a spawned task of its own.
    let client: &'static Client = Box::leak(Box::new(client(&server.url())));
    let url = format!("{}/v3/videos/v", server.url());
    let spec = seam::CallSpec {
        operation_id: "get_video",
        class: heygen_api::RetryClass::Idempotent,
        options: Default::default(),
    };
    let inner = client.inner();
    let http = client.http();
    let call = seam::send::<serde_json::Value, _>(inner, None, async move {
        let mut facts = None;
        let result = async {
            for _ in 0..3 {
                tokio::task::yield_now().await;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
            let mut request = reqwest::Request::new(reqwest::Method::GET, url.parse().unwrap());
            seam::pre::<()>(inner, &mut request, &spec)?;
            let response = seam::exec(inner, http, request, &spec, None, &mut facts)
                .await
                .map_err(progenitor_client::Error::CommunicationError)?;
            Err(progenitor_client::Error::UnexpectedResponse(response))
        }
        .await;
        (facts, result)
    });
    let err = tokio::spawn(call).await.unwrap().expect_err("502");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(server.count(), 3, "the first attempt and two retries");
    assert_eq!(err.retry_class(), Some(heygen_api::RetryClass::Idempotent));
    assert!(err.is_retryable(), "{err:?}");
}
