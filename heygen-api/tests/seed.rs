//! The seed operation against a real HTTP server on 127.0.0.1.

mod support;

use heygen_api::types::StopSessionRequest;
use heygen_api::{Client, Error};
use support::{Reply, TestServer};

fn client(server: &TestServer) -> Client {
    Client::builder()
        .api_key("test-key-123")
        .base_url(server.url())
        .build()
        .expect("client")
}

#[tokio::test]
async fn stop_session_sends_the_documented_request_and_decodes_the_envelope() {
    let server =
        TestServer::start(|_req| Reply::json(200, r#"{"data":{"session_id":"sess_1"}}"#)).await;
    let client = client(&server);
    let response = client
        .stop_video_agent_session()
        .session_id("sess_1")
        .body(StopSessionRequest::default())
        .send()
        .await
        .expect("success");
    assert_eq!(response.status(), 200);
    let data = response.into_data().expect("data");
    assert_eq!(data.session_id, "sess_1");

    let seen = server.requests();
    assert_eq!(seen.len(), 1);
    let req = &seen[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.target, "/v3/video-agents/sess_1/stop");
    assert_eq!(req.header("x-api-key"), Some("test-key-123"));
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(req.header("api-version"), None);
    // HeyGen's page for this operation declares no `Idempotency-Key`: the
    // client sends none of its own where the server would ignore it.
    assert_eq!(req.header("idempotency-key"), None);
    assert_eq!(req.body, b"{}");
}

#[tokio::test]
async fn not_found_is_a_typed_api_error() {
    let server = TestServer::start(|_req| {
        Reply::json(404, r#"{"error":{"code":"not_found","message":"Session not found.","param":null,"doc_url":null}}"#)
            .header("x-request-id", "req_404")
    })
    .await;
    let err = client(&server)
        .stop_video_agent_session()
        .session_id("missing")
        .body(StopSessionRequest::default())
        .send()
        .await
        .expect_err("404");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.code(), Some("not_found"));
    assert_eq!(err.request_id(), Some("req_404"));
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}")
    };
    assert_eq!(api.message.as_deref(), Some("Session not found."));
    assert_eq!(api.param, None);
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn unauthorized_is_an_error_not_an_empty_success() {
    // progenitor on its own maps this inline `{error}` body onto the success
    // type, so a 401 decoded as `{data: None}`. It must be an error.
    let server = TestServer::start(|_req| {
        Reply::json(
            401,
            r#"{"error":{"code":"authentication_failed","message":"Invalid or expired API key. Verify your x-api-key header.","param":null,"doc_url":null}}"#,
        )
    })
    .await;
    let err = client(&server)
        .stop_video_agent_session()
        .session_id("s")
        .body(StopSessionRequest::default())
        .send()
        .await
        .expect_err("401");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(err.code(), Some("authentication_failed"));
}

#[tokio::test]
async fn error_bodies_decode_as_their_own_schema() {
    let server = TestServer::start(|_req| {
        Reply::json(400, r#"{"error":{"code":"invalid_parameter","message":"bad","param":"session_id","doc_url":null}}"#)
    })
    .await;
    let err = client(&server)
        .stop_video_agent_session()
        .session_id("s")
        .body(StopSessionRequest::default())
        .send()
        .await
        .expect_err("400");
    let api = err.api().expect("an API error");
    assert_eq!(api.param.as_deref(), Some("session_id"));
    // The whole body is kept, so the spec's own error type decodes from it.
    #[derive(serde::Deserialize)]
    struct Envelope {
        error: heygen_api::types::StandardApiError,
    }
    let typed: Envelope = api
        .decode()
        .expect("decodes as the documented error envelope");
    assert_eq!(typed.error.code, "invalid_parameter");
    assert_eq!(typed.error.param.as_deref(), Some("session_id"));
}
