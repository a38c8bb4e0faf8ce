//! The clients of `tests/fixtures/real/` against a local server: what the
//! generator mended is what goes on the wire.

mod support;

use heygen_fixture_client::{constructs, pages};
use support::{Reply, TestServer};

fn client<C: heygen_api::runtime::GeneratedClient>(server: &TestServer) -> C {
    heygen_api::runtime::ClientBuilder::<C>::new()
        .api_key("k")
        .base_url(server.url())
        .build()
        .expect("client")
}

#[tokio::main(flavor = "current_thread")]
#[test]
async fn colliding_query_parameters_go_out_under_their_own_names() {
    let server = TestServer::start(|_| Reply::json(200, "[]")).await;
    let c: constructs::Client = client(&server);
    c.list_harvests()
        .start_time("a")
        .start_time_lt("b")
        .start_time_gt("c")
        .filter_variety("pink lady")
        .from("monday")
        .send()
        .await
        .expect("200");
    let seen = &server.requests()[0];
    assert_eq!(seen.query("StartTime").as_deref(), Some("a"));
    assert_eq!(seen.query("StartTime<").as_deref(), Some("b"));
    assert_eq!(seen.query("StartTime>").as_deref(), Some("c"));
    assert_eq!(seen.query("filter[variety]").as_deref(), Some("pink lady"));
    assert_eq!(seen.query("from").as_deref(), Some("monday"));
    assert_eq!(seen.query("to"), None);
    assert!(
        seen.body.is_empty(),
        "a GET body without a schema is no body"
    );
}

#[tokio::main(flavor = "current_thread")]
#[test]
async fn an_image_body_is_sent_as_bytes_and_a_literal_template_is_a_parameter() {
    let server = TestServer::start(|seen| {
        if seen.path().starts_with("/v2/crate/") {
            Reply::json(200, r#"{"id": "c1", "status": ["stacked"]}"#)
        } else {
            Reply::json(201, r#"{"id": "p1"}"#)
        }
    })
    .await;
    let c: constructs::Client = client(&server);
    let jpeg = vec![0xFFu8, 0xD8, 0xFF, 0xE0, 0, 1, 2];
    let stored = c
        .upload_photo()
        .body(jpeg.clone())
        .send()
        .await
        .expect("201")
        .into_inner();
    assert_eq!(stored.id, "p1");
    let crate_ = c
        .get_crate()
        .crate_id("c 1")
        .send()
        .await
        .expect("200")
        .into_inner();
    assert_eq!(crate_.id.as_deref(), Some("c1"));
    let seen = server.requests();
    assert_eq!(seen[0].body, jpeg);
    assert_eq!(
        seen[0].header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(seen[1].path(), "/v2/crate/c%201");
}

#[tokio::main(flavor = "current_thread")]
#[test]
async fn a_union_mapped_with_ref_objects_is_chosen_by_its_tag() {
    let server = TestServer::start(|_| {
        Reply::json(
            200,
            r#"{"data": {"clip_id": "k1", "state": "done", "output": {"via": "stream", "playlist": "p.m3u8"}}}"#,
        )
    })
    .await;
    let c: pages::Client = client(&server);
    let clip = c
        .read_clip()
        .clip_id("k1")
        .send()
        .await
        .expect("200")
        .into_data()
        .expect("data");
    match clip.output {
        Some(pages::types::ClipOutput::StreamOutput(s)) => assert_eq!(s.playlist, "p.m3u8"),
        other => panic!("expected the stream output, got {other:?}"),
    }
}
