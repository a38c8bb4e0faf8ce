//! `Client::request`: any path of the API with the client's credentials,
//! retries and errors, against a real local server.

mod support;

use heygen_api::{Client, Error, Method};
use support::{sequence, Reply, Seen, TestServer};

fn client(url: &str) -> Client {
    support::fast_client(url, "key-123")
}

#[tokio::test]
async fn the_key_is_sent_and_a_429_is_retried() {
    let server = TestServer::start(sequence(vec![
        Reply::json(429, r#"{"error":{"code":"rate_limited","message":"slow"}}"#)
            .header("retry-after", "0"),
        Reply::json(200, r#"{"data":{"voice_id":"v1"}}"#),
    ]))
    .await;
    let response = client(&server.url())
        .request(Method::POST, "/v3/voices/clone")
        .query(&[("dry_run", "true"), ("tag", "a b")])
        .json(&serde_json::json!({"name": "mine"}))
        .send_json()
        .await
        .expect("retried to success");
    assert_eq!(response["data"]["voice_id"], "v1");
    let seen = server.requests();
    assert_eq!(seen.len(), 2, "the 429 and the retry");
    for request in &seen {
        assert_eq!(request.method, "POST");
        assert_eq!(request.target, "/v3/voices/clone?dry_run=true&tag=a+b");
        assert_eq!(request.header("x-api-key"), Some("key-123"));
        assert_eq!(request.header("content-type"), Some("application/json"));
        assert_eq!(request.body, br#"{"name":"mine"}"#);
        assert_eq!(request.header("idempotency-key"), None);
    }
}

#[tokio::test]
async fn a_502_on_a_post_without_a_key_is_sent_once() {
    let server = TestServer::start(|_: &Seen| {
        Reply::json(502, r#"{"error":{"code":"bad_gateway","message":"down"}}"#)
    })
    .await;
    let err = client(&server.url())
        .request(Method::POST, "/v3/avatars")
        .json(&serde_json::json!({}))
        .send_json()
        .await
        .expect_err("502");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(server.count(), 1);
    assert!(!err.is_retryable(), "{err:?}");
}

#[tokio::test]
async fn a_key_or_idempotent_makes_a_5xx_worth_retrying() {
    let server = TestServer::start(sequence(vec![
        Reply::json(502, r#"{"error":{"code":"bad_gateway","message":"down"}}"#),
        Reply::json(200, r#"{"data":{}}"#),
    ]))
    .await;
    client(&server.url())
        .request(Method::POST, "/v3/avatars")
        .idempotency_key("create-avatar-1")
        .send_json()
        .await
        .expect("retried");
    let keys: Vec<_> = server
        .requests()
        .iter()
        .map(|r| r.header("idempotency-key").map(String::from))
        .collect();
    assert_eq!(keys, vec![Some("create-avatar-1".to_string()); 2]);

    let server = TestServer::start(sequence(vec![
        Reply::json(503, r#"{"error":{"code":"unavailable","message":"busy"}}"#),
        Reply::json(200, r#"{"data":[]}"#),
    ]))
    .await;
    client(&server.url())
        .request(Method::GET, "/v3/voices")
        .idempotent()
        .send_json()
        .await
        .expect("retried");
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn errors_are_typed() {
    let server = TestServer::start(|_: &Seen| {
        Reply::json(
            404,
            r#"{"error":{"code":"not_found","message":"no such voice","param":"voice_id"}}"#,
        )
        .header("x-request-id", "req-9")
    })
    .await;
    let err = client(&server.url())
        .request(Method::GET, "/v3/voices/nope")
        .send::<serde_json::Value>()
        .await
        .expect_err("404");
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.status.as_u16(), 404);
    assert_eq!(api.code.as_deref(), Some("not_found"));
    assert_eq!(api.param.as_deref(), Some("voice_id"));
    assert_eq!(err.request_id(), Some("req-9"));

    // A success body that is not the type asked for is a decode error.
    let server = TestServer::start(|_: &Seen| Reply::json(200, r#"{"data":"x"}"#)).await;
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Wanted {
        data: Vec<u32>,
    }
    let err = client(&server.url())
        .request(Method::GET, "/v3/x")
        .send::<Wanted>()
        .await
        .expect_err("decode");
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
}

#[tokio::test]
async fn paths_that_leave_the_api_are_refused_before_anything_is_sent() {
    let server = TestServer::start(|_: &Seen| Reply::json(200, "{}")).await;
    let client = client(&server.url());
    for path in [
        "/../x",
        "https://evil/x",
        "//evil/x",
        "/v3/%2e%2e/x",
        "v3/x",
        "/v3/x?token=1",
    ] {
        let err = client
            .request(Method::GET, path)
            .send_json()
            .await
            .expect_err(path);
        assert!(matches!(err, Error::InvalidRequest(_)), "{path}: {err:?}");
    }
    assert_eq!(server.count(), 0);
    // The base URL's own path is kept, as for generated calls.
    let prefixed = Client::builder()
        .api_key("k")
        .base_url(format!("{}/proxy", server.url()))
        .build()
        .unwrap();
    prefixed
        .request(Method::GET, "/v3/x")
        .send_json()
        .await
        .expect("200");
    assert_eq!(server.requests()[0].target, "/proxy/v3/x");
}

#[tokio::test]
async fn queries_add_up_and_a_body_that_cannot_be_encoded_is_refused() {
    let server = TestServer::start(|_: &Seen| Reply::json(200, "{}")).await;
    let client = client(&server.url());
    client
        .request(Method::GET, "/v3/x")
        .query(&[("a", "1")])
        .query(&[] as &[(&str, &str)])
        .query(&[("b", "2")])
        .send_json()
        .await
        .expect("200");
    assert_eq!(server.requests()[0].target, "/v3/x?a=1&b=2");
    // JSON objects need string keys: this map cannot be encoded.
    let bad: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
    let err = client
        .request(Method::POST, "/v3/x")
        .json(&bad)
        .send_json()
        .await
        .expect_err("not encodable");
    assert!(
        matches!(&err, Error::InvalidRequest(why) if why.contains("JSON")),
        "{err:?}"
    );
    assert_eq!(server.count(), 1, "nothing more was sent");
}

#[tokio::test]
async fn an_empty_success_body_reads_as_null() {
    let server = TestServer::start(|_: &Seen| Reply::raw(204, "application/json", "")).await;
    let response = client(&server.url())
        .request(Method::DELETE, "/v3/x/1")
        .idempotent()
        .send::<()>()
        .await
        .expect("204");
    assert_eq!(response.status().as_u16(), 204);
}
