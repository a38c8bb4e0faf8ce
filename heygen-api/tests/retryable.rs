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
    // A 429: retried for every other operation, but a streamed multipart
    // body cannot be sent twice.
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
        .file("file", "a.png", b"png".to_vec(), "image/png")
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
        .file("file", "a.png", b"png".to_vec(), "image/png")
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
