//! A client generated with some operation groups only (`heygen-api`'s
//! `ops-*` features): their operations work as in the whole client, the
//! others and the types only they reach are not there.

mod support;

use heygen_fixture_client::subset;
use support::{sequence, Reply, TestServer};

#[tokio::test]
async fn a_chosen_group_calls_as_the_whole_client_does() {
    let server = TestServer::start(sequence(vec![Reply::json(
        200,
        r#"{"data":{"render_id":"r1","status":"completed","progress":1.0,"created_at":"2026-11-30T10:00:00Z"}}"#,
    )]))
    .await;
    let client = subset::Client::builder()
        .api_key("test-key")
        .base_url(server.url())
        .build()
        .expect("client");
    let render = client
        .get_render()
        .render_id("r1")
        .send()
        .await
        .expect("the call succeeds")
        .into_data()
        .expect("data");
    assert_eq!(render.render_id, "r1");
    assert_eq!(render.status, subset::types::RenderStatus::Completed);
    let seen = server.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].path(), "/v1/renders/r1");
    assert_eq!(seen[0].header("x-api-key"), Some("test-key"));
}

#[test]
fn only_the_chosen_groups_are_generated() {
    let code = include_str!(concat!(env!("OUT_DIR"), "/subset.rs"));
    let whole = include_str!(concat!(env!("OUT_DIR"), "/client.rs"));
    for kept in ["pub fn get_render(", "pub fn list_voices("] {
        assert!(code.contains(kept), "{kept} is missing");
    }
    // `Dubbing` and `Glossaries` operations, and a type only they reach.
    for left_out in [
        "pub fn list_dubbing_jobs(",
        "pub fn list_glossaries(",
        "pub struct DubbingJob ",
    ] {
        assert!(whole.contains(left_out), "the whole client has {left_out}");
        assert!(!code.contains(left_out), "{left_out} is generated");
    }
    assert!(
        code.len() * 2 < whole.len(),
        "{} of {} bytes",
        code.len(),
        whole.len()
    );
}
