//! Retry classes decided by the generator from the spec, against a real
//! server on 127.0.0.1 that creates (and would bill) a render for every
//! request it executes, then loses the answer behind a gateway's 502.
//!
//! The fixture (`tests/fixtures/retry-3.1.yaml`) has one operation of each
//! class: `createRender` declares no `Idempotency-Key`, `createKeyedRender`
//! and `renameRender` (a PATCH) declare one, `getRender` is a GET.

mod support;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use heygen_api::runtime::{Error, RetryClass, MAX_EMPTY_PAGES};
use heygen_fixture_client::retry::types::RenderRequest;
use heygen_fixture_client::retry::Client;
use serde_json::json;
use support::{Reply, Seen, TestServer};

/// The server's book of executed work: renders created, and the result
/// stored per `Idempotency-Key` (replayed on a repeat, as HeyGen does).
#[derive(Default)]
struct Farm {
    created: u32,
    by_key: HashMap<String, String>,
}

/// Executes every request it gets (once per key when it carries one), then
/// answers the first `fail_first` requests with a 502 as if a gateway lost
/// the answer.
async fn farm(fail_first: usize) -> (TestServer, Arc<Mutex<Farm>>) {
    let book = Arc::new(Mutex::new(Farm::default()));
    let in_server = book.clone();
    let server = TestServer::start_counted(move |n, req: &Seen| {
        let mut farm = in_server.lock().expect("farm");
        let key = req.header("idempotency-key").map(String::from);
        let stored = key.as_ref().and_then(|k| farm.by_key.get(k)).cloned();
        let body = match stored {
            Some(body) => body,
            None => {
                farm.created += 1;
                let body = json!({"data": {"render_id": format!("r{}", farm.created)}}).to_string();
                if let Some(key) = key {
                    farm.by_key.insert(key, body.clone());
                }
                body
            }
        };
        if n < fail_first {
            Reply::raw(502, "text/html", "<h1>502 Bad Gateway</h1>")
        } else {
            Reply::json(200, body)
        }
    })
    .await;
    (server, book)
}

fn client(server: &TestServer) -> Client {
    Client::builder()
        .api_key("test-key")
        .base_url(server.url())
        .retry_policy(heygen_api::runtime::RetryPolicy {
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
            ..Default::default()
        })
        .build()
        .expect("client")
}

fn scene() -> RenderRequest {
    RenderRequest {
        scene: "intro".into(),
    }
}

#[tokio::test]
async fn an_operation_without_a_declared_key_runs_once_after_a_502() {
    let (server, farm) = farm(1).await;
    let err = client(&server)
        .create_render()
        .body(scene())
        .send()
        .await
        .expect_err("the 502 reaches the caller");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(server.count(), 1, "the POST was sent again");
    assert_eq!(farm.lock().unwrap().created, 1, "exactly one render");
    assert!(!err.is_retryable());
    assert_eq!(err.retry_class(), Some(RetryClass::NonIdempotent));
    assert_eq!(
        server.requests()[0].header("idempotency-key"),
        None,
        "no key of the client's own where the server would ignore it"
    );
}

#[tokio::test]
async fn a_declared_key_makes_the_retry_safe_and_the_work_runs_once() {
    let (server, farm) = farm(2).await;
    let render = client(&server)
        .create_keyed_render()
        .body(scene())
        .send()
        .await
        .expect("retried until the answer arrives")
        .into_data()
        .expect("data");
    assert_eq!(render.render_id, "r1", "the first execution's result");
    let seen = server.requests();
    assert_eq!(seen.len(), 3);
    let key = seen[0]
        .header("idempotency-key")
        .expect("a key")
        .to_string();
    assert!(seen
        .iter()
        .all(|r| r.header("idempotency-key") == Some(&key)));
    assert_eq!(farm.lock().unwrap().created, 1, "exactly one render");
}

#[tokio::test]
async fn each_call_of_a_keyed_operation_gets_its_own_key_and_a_callers_key_wins() {
    let (server, _) = farm(0).await;
    let client = client(&server);
    for _ in 0..2 {
        client
            .create_keyed_render()
            .body(scene())
            .send()
            .await
            .expect("ok");
    }
    client
        .create_keyed_render()
        .idempotency_key("order-7:render.v1")
        .body(scene())
        .send()
        .await
        .expect("ok");
    let keys: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.header("idempotency-key").expect("a key").to_string())
        .collect();
    assert_ne!(keys[0], keys[1]);
    assert!(keys[0].starts_with("heygen-rs-"), "{keys:?}");
    assert_eq!(keys[2], "order-7:render.v1");
}

#[tokio::test]
async fn a_keyed_patch_is_retried_with_one_key() {
    let (server, farm) = farm(1).await;
    client(&server)
        .rename_render()
        .render_id("r1")
        .body_map(|b| b.title("Final cut"))
        .send()
        .await
        .expect("retried");
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].method, "PATCH");
    assert!(seen[0].header("idempotency-key").is_some());
    assert_eq!(
        seen[0].header("idempotency-key"),
        seen[1].header("idempotency-key")
    );
    assert_eq!(farm.lock().unwrap().created, 1);
}

#[tokio::test]
async fn a_callers_key_on_a_patch_is_checked_before_anything_is_sent() {
    // POST and PATCH are the methods a key can make safe to repeat: a key
    // HeyGen would refuse is refused here first, on a PATCH as on a POST.
    let (server, _) = farm(0).await;
    for bad in ["has space", "", "ü"] {
        let err = client(&server)
            .rename_render()
            .render_id("r1")
            .idempotency_key(bad)
            .body_map(|b| b.title("Final cut"))
            .send()
            .await
            .expect_err("refused");
        assert!(matches!(err, Error::InvalidRequest(_)), "{bad:?}: {err:?}");
    }
    assert_eq!(server.requests().len(), 0);
    client(&server)
        .rename_render()
        .render_id("r1")
        .idempotency_key("mine:1")
        .body_map(|b| b.title("Final cut"))
        .send()
        .await
        .expect("a valid key goes through");
    assert_eq!(
        server.requests()[0].header("idempotency-key"),
        Some("mine:1")
    );
}

#[tokio::test]
async fn a_get_is_retried_after_a_502() {
    let (server, _) = farm(1).await;
    client(&server)
        .get_render()
        .render_id("r1")
        .send()
        .await
        .expect("retried");
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn trusting_caller_keys_is_an_explicit_choice() {
    let (server, farm) = farm(1).await;
    let trusting = Client::builder()
        .api_key("test-key")
        .base_url(server.url())
        .retry_policy(heygen_api::runtime::RetryPolicy {
            base_delay: Duration::from_millis(5),
            ..Default::default()
        })
        .trust_caller_idempotency_keys(true)
        .build()
        .expect("client");
    trusting
        .create_render()
        .idempotency_key("mine-1")
        .body(scene())
        .send()
        .await
        .expect("retried with the caller's key");
    assert_eq!(server.count(), 2);
    assert_eq!(farm.lock().unwrap().created, 1);
}

#[test]
fn the_class_is_stated_in_each_method_s_docs() {
    let code = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/retry.rs")).expect("generated");
    for (method, class) in [
        ("pub fn create_render(", "**Retries:** not idempotent"),
        ("pub fn create_keyed_render(", "**Retries:** keyed"),
        ("pub fn rename_render(", "**Retries:** keyed"),
        ("pub fn get_render(", "**Retries:** idempotent by method"),
    ] {
        let at = code.find(method).unwrap_or_else(|| panic!("{method}"));
        let docs = &code[code[..at].rfind("/**").expect("docs")..at];
        assert!(docs.contains(class), "{method}: {docs}");
    }
}

// ---- Page streams that would never end -----------------------------------

/// A listing whose cursors go `c0 -> c1 -> ... -> c{len-1} -> c0`, each page
/// with one item and `has_more: true`.
async fn cycling(len: usize) -> TestServer {
    TestServer::start(move |req: &Seen| {
        let at = match req.query("token") {
            None => 0,
            Some(t) => t.trim_start_matches('c').parse::<usize>().expect("cursor") + 1,
        };
        let next = format!("c{}", at % len);
        Reply::value(
            200,
            &json!({"data": [{"render_id": format!("r{at}")}], "has_more": true, "next_token": next}),
        )
    })
    .await
}

#[tokio::test]
async fn a_cursor_cycle_ends_the_stream_with_an_error() {
    for len in [1usize, 2, 3] {
        let server = cycling(len).await;
        let client = client(&server);
        let mut stream = client.list_renders().stream();
        let mut items = 0;
        let err = loop {
            match stream.next().await {
                Some(Ok(_)) => items += 1,
                Some(Err(e)) => break e,
                None => panic!("cycle of {len}: ended without an error"),
            }
            assert!(items < 100, "cycle of {len}: still listing");
        };
        assert!(matches!(err, Error::CursorCycle { .. }), "{err:?}");
        assert!(stream.next().await.is_none(), "nothing after the error");
        assert_eq!(server.count(), len + 1, "cycle of {len}");
    }
}

#[tokio::test]
async fn endless_empty_pages_end_the_stream_with_an_error() {
    let server = TestServer::start(|req: &Seen| {
        let n: u64 = req
            .query("token")
            .map(|t| t.parse().expect("cursor"))
            .unwrap_or(0);
        Reply::value(
            200,
            &json!({"data": [], "has_more": true, "next_token": (n + 1).to_string()}),
        )
    })
    .await;
    let client = client(&server);
    let err = client
        .list_renders()
        .stream()
        .collect_all()
        .await
        .expect_err("1000 empty pages are not a listing");
    assert!(matches!(err, Error::EmptyPages { .. }), "{err:?}");
    assert_eq!(server.count() as u64, MAX_EMPTY_PAGES + 1);
}

/// A retry's request is built again by the generated code, not copied: it
/// must still be the same request, byte for byte, as the first attempt
/// (method, target, every header but none added twice, body), the client's
/// own key or the caller's included.
#[tokio::test]
async fn a_retry_resends_the_same_request() {
    fn same(seen: &[support::Seen]) {
        assert_eq!(seen.len(), 2, "one retry");
        let (first, second) = (&seen[0], &seen[1]);
        assert_eq!(first.method, second.method);
        assert_eq!(first.target, second.target);
        assert_eq!(first.body, second.body);
        let mut a = first.headers.clone();
        let mut b = second.headers.clone();
        a.sort();
        b.sort();
        assert_eq!(a, b, "headers");
        let mut names: Vec<&str> = a.iter().map(|(k, _)| k.as_str()).collect();
        let all = names.len();
        names.dedup();
        assert_eq!(names.len(), all, "a header sent twice: {a:?}");
    }

    // The client's own key, on a keyed POST with a body.
    let (server, _) = farm(1).await;
    client(&server)
        .create_keyed_render()
        .body(scene())
        .send()
        .await
        .expect("retried");
    let seen = server.requests();
    assert!(seen[0].header("idempotency-key").is_some());
    assert!(seen[0].header("x-api-key").is_some());
    same(&seen);

    // The caller's key, on a PATCH with a path parameter that needs encoding.
    let (server, _) = farm(1).await;
    client(&server)
        .rename_render()
        .render_id("r 1/x")
        .idempotency_key("caller-key-1")
        .body_map(|b| b.title("Final cut"))
        .send()
        .await
        .expect("retried");
    let seen = server.requests();
    assert_eq!(seen[0].header("idempotency-key"), Some("caller-key-1"));
    assert!(seen[0].target.contains("r%201%2Fx"), "{}", seen[0].target);
    same(&seen);

    // A GET, no body.
    let (server, _) = farm(1).await;
    client(&server)
        .get_render()
        .render_id("r1")
        .send()
        .await
        .expect("retried");
    same(&server.requests());
}
