//! The runtime's `operation`, which every generated `send` with request
//! code that can run again goes through: what each attempt carries, which
//! statuses it reads as success, and what a parameter that was never set or
//! did not convert becomes.

mod support;

use heygen_api::Client;
use support::{sequence, Reply, Seen, TestServer};

fn client(url: &str) -> Client {
    support::fast_client(url, "k")
}

const VIDEO: &str = r#"{"data":{"id":"v1","status":"completed"}}"#;

#[tokio::test]
async fn every_attempt_asks_for_json_and_carries_the_credential() {
    let server = TestServer::start(sequence(vec![
        Reply::json(503, r#"{"error":{"code":"unavailable","message":"busy"}}"#)
            .header("retry-after", "0"),
        Reply::json(200, VIDEO),
    ]))
    .await;
    let video = client(&server.url())
        .get_video_v3()
        .video_id("v1")
        .send()
        .await
        .expect("the retry succeeds");
    assert_eq!(video.status().as_u16(), 200);
    let seen = server.requests();
    assert_eq!(seen.len(), 2, "one retry");
    for request in &seen {
        assert_eq!(request.header("accept"), Some("application/json"));
        assert_eq!(request.header("x-api-key"), Some("k"));
        assert_eq!(request.path(), "/v3/videos/v1");
    }
}

#[tokio::test]
async fn accept_stays_the_client_s_header() {
    // The runtime, not the generated code, sets `Accept`: a call cannot
    // change it, and is refused before anything is sent.
    let server = TestServer::start(|_: &Seen| Reply::json(200, VIDEO)).await;
    let err = client(&server.url())
        .get_video_v3()
        .video_id("v1")
        .header("accept", "text/html")
        .send()
        .await
        .expect_err("refused");
    assert!(err.to_string().contains("`accept`"), "{err}");
    assert_eq!(server.count(), 0);
}

#[tokio::test]
async fn a_status_the_operation_does_not_document_is_not_read_as_its_type() {
    // Get Video documents 200 only: a 202 with a body of the right shape
    // is still not its success.
    let server = TestServer::start(|_: &Seen| Reply::json(202, VIDEO)).await;
    let err = client(&server.url())
        .get_video_v3()
        .video_id("v1")
        .send()
        .await
        .expect_err("202 is not documented");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(202), "{err:?}");
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn a_required_parameter_never_set_is_named_and_nothing_is_sent() {
    let server = TestServer::start(|_: &Seen| Reply::json(200, VIDEO)).await;
    let err = client(&server.url())
        .get_video_v3()
        .send()
        .await
        .expect_err("video_id was never set");
    let text = err.to_string();
    assert!(text.contains("video_id was not initialized"), "{text}");
    assert_eq!(server.count(), 0);
}
