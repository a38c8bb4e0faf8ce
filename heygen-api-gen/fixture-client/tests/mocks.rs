//! The typed mocks generated for the full fixture drive a page stream and a
//! typed error: the mock generator works on a HeyGen-sized spec, not only on
//! the seed.

use futures_util::StreamExt;
use heygen_fixture_client::mocks::{ApiErrorThen, MockServerExt};
use heygen_fixture_client::{types, Client};

fn summary(id: &str) -> serde_json::Value {
    serde_json::json!({"render_id": id, "status": "completed", "created_at": "2026-01-01T00:00:00Z"})
}

fn page(ids: &[&str], next: Option<&str>) -> types::ListRendersResponse {
    serde_json::from_value(serde_json::json!({
        "data": ids.iter().map(|id| summary(id)).collect::<Vec<_>>(),
        "has_more": next.is_some(),
        "next_token": next,
    }))
    .expect("a valid page")
}

#[tokio::test]
async fn typed_mocks_serve_a_two_page_listing_and_an_error() {
    let server = httpmock::MockServer::start_async().await;
    let second = server.list_renders(|when, then| {
        when.token("cursor-2");
        then.ok(&page(&["r3"], None));
    });
    let first = server.list_renders(|when, then| {
        when.token(None);
        then.ok(&page(&["r1", "r2"], Some("cursor-2")));
    });
    let missing = server.get_render(|when, then| {
        when.render_id("nope");
        then.error(404, "not_found", "Render not found.");
    });

    let client: Client = Client::builder()
        .api_key("k")
        .base_url(server.base_url())
        .build()
        .expect("client");
    let ids: Vec<String> = client
        .list_renders()
        .stream()
        .map(|item| item.expect("item").render_id)
        .collect()
        .await;
    assert_eq!(ids, ["r1", "r2", "r3"]);
    first.assert();
    second.assert();

    let err = client
        .get_render()
        .render_id("nope")
        .send()
        .await
        .expect_err("404");
    assert_eq!(err.code(), Some("not_found"));
    missing.assert();
}
