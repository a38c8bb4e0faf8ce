//! `.stream()` on the generated list builders, against a real server: which
//! pages are fetched, with which cursor, and when the stream ends.

mod support;

use std::collections::BTreeMap;

use futures_util::StreamExt;
use heygen_api::runtime::Error;
use heygen_fixture_client::types::{RenderStatus, RenderSummary};
use serde_json::{json, Value};
use support::{Reply, TestServer};

fn render(id: &str) -> Value {
    json!({"render_id": id, "status": "completed", "created_at": "2024-05-01T12:00:00Z"})
}

fn renders(ids: &[&str]) -> Vec<Value> {
    ids.iter().map(|id| render(id)).collect()
}

/// A listing served by cursor: `pages[token]` is the body for that cursor
/// (`""` for the first page, sent without a token). An unknown cursor is a
/// 404, so a request the test did not expect fails loudly.
async fn listing(pages: Vec<(&str, Value)>) -> TestServer {
    let pages: BTreeMap<String, Value> =
        pages.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    TestServer::start_counted(move |_, req| {
        assert_eq!(req.path(), "/v1/renders");
        let token = req.query("token").unwrap_or_default();
        match pages.get(&token) {
            Some(body) => Reply::value(200, body),
            None => Reply::json(
                404,
                r#"{"error":{"code":"not_found","message":"No such cursor."}}"#,
            ),
        }
    })
    .await
}

fn tokens(server: &TestServer) -> Vec<Option<String>> {
    server.requests().iter().map(|r| r.query("token")).collect()
}

fn ids(items: &[RenderSummary]) -> Vec<&str> {
    items.iter().map(|r| r.render_id.as_str()).collect()
}

#[tokio::test]
async fn follows_the_cursor_to_an_empty_last_page_and_sends_limit_every_time() {
    // The second cursor looks like a real one: it needs percent-encoding.
    let server = listing(vec![
        (
            "",
            json!({"data": renders(&["r1", "r2"]), "has_more": true, "next_token": "c/2+x=="}),
        ),
        (
            "c/2+x==",
            json!({"data": renders(&["r3", "r4"]), "has_more": true, "next_token": "c3"}),
        ),
        (
            "c3",
            json!({"data": [], "has_more": false, "next_token": null}),
        ),
    ])
    .await;
    let client = support::client(&server);
    let mut stream = client
        .list_renders()
        .limit(std::num::NonZeroU64::new(2).unwrap())
        .stream();
    let mut got = Vec::new();
    while let Some(item) = stream.next().await {
        got.push(item.expect("item"));
    }
    assert_eq!(ids(&got), ["r1", "r2", "r3", "r4"]);
    assert_eq!(stream.pages_fetched(), 3);
    assert_eq!(
        tokens(&server),
        [None, Some("c/2+x==".into()), Some("c3".into())]
    );
    for req in server.requests() {
        assert_eq!(req.method, "GET");
        assert_eq!(req.query("limit").as_deref(), Some("2"), "{}", req.target);
        assert_eq!(req.header("x-api-key"), Some("test-key"));
    }
    // The end is sticky: no request after it.
    assert!(stream.next().await.is_none());
    assert_eq!(server.count(), 3);
}

#[tokio::test]
async fn every_filter_set_on_the_builder_is_kept_on_later_pages() {
    let server = listing(vec![
        (
            "",
            json!({"data": renders(&["r1"]), "has_more": true, "next_token": "p2"}),
        ),
        ("p2", json!({"data": renders(&["r2"]), "has_more": false})),
    ])
    .await;
    let client = support::client(&server);
    let all = client
        .list_renders()
        .folder_id("fld_1")
        .status(RenderStatus::Unknown("archived".into()))
        .stream()
        .collect_all()
        .await
        .expect("all");
    assert_eq!(ids(&all), ["r1", "r2"]);
    for req in server.requests() {
        assert_eq!(req.query("folder_id").as_deref(), Some("fld_1"));
        assert_eq!(req.query("status").as_deref(), Some("archived"));
        assert_eq!(req.query("limit"), None);
    }
    assert_eq!(tokens(&server), [None, Some("p2".into())]);
}

#[tokio::test]
async fn has_more_false_ends_the_listing_even_with_a_next_token() {
    let server = listing(vec![
        (
            "",
            json!({"data": renders(&["r1", "r2"]), "has_more": false, "next_token": "never"}),
        ),
        ("never", json!({"data": renders(&["x"]), "has_more": false})),
    ])
    .await;
    let all = support::client(&server)
        .list_renders()
        .stream()
        .collect_all()
        .await
        .expect("all");
    assert_eq!(ids(&all), ["r1", "r2"]);
    assert_eq!(tokens(&server), [None]);
}

#[tokio::test]
async fn has_more_true_without_a_token_ends_the_listing() {
    let null = json!({"data": renders(&["r1"]), "has_more": true, "next_token": null});
    let empty = json!({"data": renders(&["r1"]), "has_more": true, "next_token": ""});
    let absent = json!({"data": renders(&["r1"]), "has_more": true});
    for first in [null, empty, absent] {
        let server = listing(vec![("", first.clone())]).await;
        let all = support::client(&server)
            .list_renders()
            .stream()
            .collect_all()
            .await
            .expect("all");
        assert_eq!(ids(&all), ["r1"]);
        assert_eq!(tokens(&server), [None], "{first}");
    }
}

#[tokio::test]
async fn a_token_without_has_more_goes_on() {
    let server = listing(vec![
        ("", json!({"data": renders(&["r1"]), "next_token": "p2"})),
        ("p2", json!({"data": renders(&["r2"]), "next_token": "p3"})),
        ("p3", json!({"data": renders(&["r3"])})),
    ])
    .await;
    let all = support::client(&server)
        .list_renders()
        .stream()
        .collect_all()
        .await
        .expect("all");
    assert_eq!(ids(&all), ["r1", "r2", "r3"]);
    assert_eq!(
        tokens(&server),
        [None, Some("p2".into()), Some("p3".into())]
    );
}

#[tokio::test]
async fn an_empty_page_in_the_middle_does_not_end_the_listing() {
    let server = listing(vec![
        (
            "",
            json!({"data": renders(&["r1"]), "has_more": true, "next_token": "p2"}),
        ),
        (
            "p2",
            json!({"data": [], "has_more": true, "next_token": "p3"}),
        ),
        ("p3", json!({"data": renders(&["r3"]), "has_more": false})),
    ])
    .await;
    let all = support::client(&server)
        .list_renders()
        .stream()
        .collect_all()
        .await
        .expect("all");
    assert_eq!(ids(&all), ["r1", "r3"]);
    assert_eq!(server.count(), 3);
}

#[tokio::test]
async fn a_cursor_that_does_not_advance_ends_the_listing_with_an_error() {
    let server = listing(vec![
        (
            "",
            json!({"data": renders(&["r1"]), "has_more": true, "next_token": "p2"}),
        ),
        (
            "p2",
            json!({"data": renders(&["r2"]), "has_more": true, "next_token": "p2"}),
        ),
    ])
    .await;
    let client = support::client(&server);
    let mut stream = client.list_renders().stream();
    let mut all = Vec::new();
    let err = loop {
        match stream.next().await {
            Some(Ok(item)) => all.push(item),
            Some(Err(e)) => break e,
            None => panic!("the listing ended without reporting the stuck cursor"),
        }
    };
    // Every item that arrived is handed out before the error.
    assert_eq!(ids(&all), ["r1", "r2"]);
    assert!(matches!(err, Error::CursorCycle { pages: 2 }), "{err:?}");
    assert_eq!(tokens(&server), [None, Some("p2".into())]);
}

/// p2 → p3 → p2 (and p2 → p3 → p4 → p2): no single cursor repeats on the
/// next page, so only remembering the cursors seen can stop it. Bounded by
/// requests, not time: a stream that does not stop fails the test.
#[tokio::test]
async fn a_cursor_cycle_ends_the_stream_with_an_error() {
    for cycle in [&["p2", "p3"][..], &["p2", "p3", "p4"][..]] {
        let mut pages = vec![(
            "",
            json!({"data": renders(&["r0"]), "has_more": true, "next_token": cycle[0]}),
        )];
        for (i, &token) in cycle.iter().enumerate() {
            let next = cycle[(i + 1) % cycle.len()];
            pages.push((
                token,
                json!({"data": renders(&[token]), "has_more": true, "next_token": next}),
            ));
        }
        let server = listing(pages).await;
        let client = support::client(&server);
        let mut stream = client.list_renders().stream();
        let mut error = None;
        while let Some(item) = stream.next().await {
            if let Err(e) = item {
                error = Some(e);
                break;
            }
            assert!(
                server.count() <= 2 * cycle.len() + 2,
                "cycle of {}: the stream keeps following it: {:?}",
                cycle.len(),
                tokens(&server)
            );
        }
        assert!(
            error.is_some(),
            "cycle of {}: ended without an error",
            cycle.len()
        );
        assert!(
            stream.next().await.is_none(),
            "the stream ends after its error"
        );
        assert!(server.count() <= cycle.len() + 2, "{:?}", tokens(&server));
    }
}

#[tokio::test]
async fn a_404_on_page_two_is_yielded_once_and_ends_the_stream() {
    // No page for "gone": the server answers 404.
    let server = listing(vec![(
        "",
        json!({"data": renders(&["r1", "r2"]), "has_more": true, "next_token": "gone"}),
    )])
    .await;
    let client = support::client(&server);
    let mut stream = client.list_renders().stream();
    assert_eq!(
        stream.next().await.expect("r1").expect("ok").render_id,
        "r1"
    );
    assert_eq!(
        stream.next().await.expect("r2").expect("ok").render_id,
        "r2"
    );
    let err = stream
        .next()
        .await
        .expect("an error item")
        .expect_err("404");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.code(), Some("not_found"));
    assert!(matches!(err, Error::Api(_)));
    assert!(stream.next().await.is_none());
    assert!(stream.next().await.is_none());
    // A 404 is not retried, and nothing is fetched after the error.
    assert_eq!(tokens(&server), [None, Some("gone".into())]);
}

#[tokio::test]
async fn collect_all_returns_the_first_error() {
    let server = listing(vec![(
        "",
        json!({"data": renders(&["r1"]), "has_more": true, "next_token": "gone"}),
    )])
    .await;
    let err = support::client(&server)
        .list_renders()
        .stream()
        .collect_all()
        .await
        .expect_err("404");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn a_rate_limit_on_page_two_is_retried_by_the_client_not_seen_by_the_stream() {
    let server = TestServer::start_counted(|n, req| match (n, req.query("token").as_deref()) {
        (0, None) => Reply::value(
            200,
            &json!({"data": renders(&["r1"]), "has_more": true, "next_token": "p2"}),
        ),
        (1, Some("p2")) => Reply::json(
            429,
            r#"{"error":{"code":"rate_limit_exceeded","message":"Slow down."}}"#,
        )
        .header("retry-after", "0"),
        (2, Some("p2")) => Reply::value(200, &json!({"data": renders(&["r2"]), "has_more": false})),
        _ => Reply::json(500, r#"{"error":{"code":"unexpected_request"}}"#),
    })
    .await;
    let all = support::client(&server)
        .list_renders()
        .stream()
        .collect_all()
        .await
        .expect("the 429 is retried");
    assert_eq!(ids(&all), ["r1", "r2"]);
    assert_eq!(
        tokens(&server),
        [None, Some("p2".into()), Some("p2".into())]
    );
}

#[tokio::test]
async fn a_rate_limit_that_outlasts_the_retries_reaches_the_stream() {
    let server = TestServer::start_counted(|n, _| match n {
        0 => Reply::value(
            200,
            &json!({"data": renders(&["r1"]), "has_more": true, "next_token": "p2"}),
        ),
        _ => Reply::json(429, r#"{"error":{"code":"rate_limit_exceeded"}}"#)
            .header("retry-after", "0"),
    })
    .await;
    let client = support::client(&server);
    let mut stream = client.list_renders().stream();
    assert!(stream.next().await.expect("r1").is_ok());
    let err = stream.next().await.expect("error").expect_err("429");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert!(stream.next().await.is_none());
    // The first page, then page two with the default two retries.
    assert_eq!(server.count(), 1 + 3);
}

#[tokio::test]
async fn take_three_of_a_ten_item_page_fetches_one_page() {
    let ten: Vec<String> = (1..=10).map(|i| format!("r{i}")).collect();
    let ten: Vec<&str> = ten.iter().map(String::as_str).collect();
    let server = listing(vec![
        (
            "",
            json!({"data": renders(&ten), "has_more": true, "next_token": "p2"}),
        ),
        ("p2", json!({"data": renders(&["r11"]), "has_more": false})),
    ])
    .await;
    let client = support::client(&server);
    let first: Vec<_> = client.list_renders().stream().take(3).collect().await;
    let first: Vec<RenderSummary> = first.into_iter().map(|r| r.expect("ok")).collect();
    assert_eq!(ids(&first), ["r1", "r2", "r3"]);
    tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    assert_eq!(tokens(&server), [None]);

    // Taking exactly a page's worth, then dropping the stream, fetches no
    // further either: the next page is only asked for by the eleventh item.
    let mut stream = client.list_renders().stream();
    for _ in 0..10 {
        stream.next().await.expect("item").expect("ok");
    }
    assert_eq!(stream.pages_fetched(), 1);
    drop(stream);
    tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    assert_eq!(tokens(&server), [None, None]);
}

#[tokio::test]
async fn a_token_set_on_the_builder_is_where_the_stream_starts() {
    let server = listing(vec![
        (
            "p2",
            json!({"data": renders(&["r2"]), "has_more": true, "next_token": "p3"}),
        ),
        ("p3", json!({"data": renders(&["r3"]), "has_more": false})),
    ])
    .await;
    let all = support::client(&server)
        .list_renders()
        .token("p2")
        .stream()
        .collect_all()
        .await
        .expect("all");
    assert_eq!(ids(&all), ["r2", "r3"]);
    assert_eq!(tokens(&server), [Some("p2".into()), Some("p3".into())]);
}

#[tokio::test]
async fn streams_are_send_and_run_on_spawned_tasks() {
    let server = listing(vec![
        (
            "",
            json!({"data": renders(&["r1"]), "has_more": true, "next_token": "p2"}),
        ),
        ("p2", json!({"data": renders(&["r2"]), "has_more": false})),
    ])
    .await;
    let client = support::client(&server);
    let task = tokio::spawn(async move {
        let stream = client.list_renders().stream();
        stream
            .map(|r| r.map(|r| r.render_id))
            .collect::<Vec<_>>()
            .await
    });
    let got: Vec<String> = task
        .await
        .expect("join")
        .into_iter()
        .map(|r| r.expect("ok"))
        .collect();
    assert_eq!(got, ["r1", "r2"]);
}

#[tokio::test]
async fn other_listings_stream_too() {
    // A second generated listing, to catch a detection rule that only fits
    // one operation.
    let server = TestServer::start_counted(|_, req| {
        assert_eq!(req.path(), "/v1/uploads");
        match req.query("token").as_deref() {
            None => Reply::value(
                200,
                &json!({"data": [{"upload_id": "u1", "filename": "a.png", "kind": "image", "status": "ready",
                                   "size_bytes": 3, "created_at": "2024-05-01T12:00:00Z"}],
                         "has_more": true, "next_token": "u2"}),
            ),
            Some("u2") => Reply::value(
                200,
                &json!({"data": [{"upload_id": "u2", "filename": "b.wav", "kind": "audio", "status": "scanning",
                                   "size_bytes": 9, "created_at": "2024-05-01T12:00:00Z"}],
                         "has_more": false}),
            ),
            Some(other) => panic!("unexpected cursor {other}"),
        }
    })
    .await;
    let all = support::client(&server)
        .list_uploads()
        .stream()
        .collect_all()
        .await
        .expect("all");
    let got: Vec<&str> = all.iter().map(|u| u.upload_id.as_str()).collect();
    assert_eq!(got, ["u1", "u2"]);
}

#[tokio::test]
async fn a_batch_read_streams_the_items_inside_its_data() {
    // The batch-read shape: `data` is an object whose `items` sit beside
    // its own `has_more` and `next_token`.
    let batch = |items: Value, more: bool, next: Value| {
        json!({"data": {"batch_id": "b/1", "created_at": "2024-05-01T12:00:00Z",
                        "items": items, "has_more": more, "next_token": next}})
    };
    let pages = [
        batch(
            json!([{"render_id": "r1", "status": "completed"}, {"render_id": "r2", "status": "failed", "error": "no voice"}]),
            true,
            json!("p2"),
        ),
        batch(json!([]), true, json!("p3")),
        batch(
            json!([{"render_id": "r3", "status": "pending"}]),
            false,
            Value::Null,
        ),
    ];
    let server = TestServer::start_counted(move |_, req| {
        assert_eq!(req.path(), "/v1/renders/batches/b%2F1");
        assert_eq!(req.query("limit").as_deref(), Some("2"));
        match req.query("token").as_deref() {
            None => Reply::value(200, &pages[0]),
            Some("p2") => Reply::value(200, &pages[1]),
            Some("p3") => Reply::value(200, &pages[2]),
            Some(other) => panic!("unexpected cursor {other}"),
        }
    })
    .await;
    let client = support::client(&server);
    let mut stream = client
        .get_render_batch()
        .batch_id("b/1")
        .limit(std::num::NonZeroU64::new(2).unwrap())
        .stream();
    let mut got = Vec::new();
    while let Some(item) = stream.next().await {
        got.push(item.expect("item"));
    }
    let ids: Vec<&str> = got.iter().map(|i| i.render_id.as_str()).collect();
    assert_eq!(ids, ["r1", "r2", "r3"]);
    assert_eq!(got[1].status, RenderStatus::Failed);
    assert_eq!(got[1].error, Some("no voice".to_string()));
    assert_eq!(stream.pages_fetched(), 3);
    assert_eq!(
        tokens(&server),
        [None, Some("p2".into()), Some("p3".into())]
    );
    assert!(stream.next().await.is_none());
    assert_eq!(server.count(), 3);
}

#[tokio::test]
async fn a_batch_read_without_data_is_an_empty_last_page() {
    let server = TestServer::start_counted(|_, _| Reply::json(200, r#"{"data":null}"#)).await;
    let all = support::client(&server)
        .get_render_batch()
        .batch_id("b1")
        .stream()
        .collect_all()
        .await
        .expect("no error");
    assert!(all.is_empty());
    assert_eq!(server.count(), 1);
}
