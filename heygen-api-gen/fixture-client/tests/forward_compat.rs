//! The generated types keep working when the service grows: unknown fields,
//! enum values and union variants are accepted and kept, nulls and missing
//! optional fields are both fine.

mod support;

use heygen_fixture_client::types::{
    CreateStudioSessionRequest, GetRenderResponse, MediaInput, RenderDetail, RenderStatus,
    SendMessageRequest,
};
use serde_json::{json, Value};
use support::{without_nulls, Reply, TestServer};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(value: &Value) -> (T, Value) {
    let typed: T = serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("{value} does not decode: {e}"));
    let back = serde_json::to_value(&typed).expect("serialise");
    (typed, back)
}

#[test]
fn a_response_with_unknown_fields_still_decodes() {
    let body = json!({
        "data": {
            "render_id": "r1", "status": "completed", "progress": 100, "created_at": "2024-05-01T12:00:00Z",
            "output": {"video_url": "https://cdn.example/r1.mp4", "hdr": true},
            "carbon_grams": 1.5,
            "chapters": [{"at": 0, "title": "Intro"}]
        },
        "meta": {"request_cost": 3}
    });
    let (parsed, _) = round_trip::<GetRenderResponse>(&body);
    let render = parsed.data.expect("data");
    assert_eq!(render.render_id, "r1");
    assert_eq!(
        render.output.and_then(|o| o.video_url).as_deref(),
        Some("https://cdn.example/r1.mp4")
    );
}

#[test]
fn an_unknown_enum_value_is_kept_shown_and_sent_back_unchanged() {
    let status: RenderStatus = serde_json::from_value(json!("archived")).expect("decodes");
    assert_eq!(status, RenderStatus::Unknown("archived".into()));
    assert_eq!(status.to_string(), "archived");
    assert_eq!(serde_json::to_value(&status).unwrap(), json!("archived"));
    // Known values are still their variants, both ways.
    let known: RenderStatus = serde_json::from_value(json!("processing")).unwrap();
    assert_eq!(known, RenderStatus::Processing);
    assert_eq!(serde_json::to_value(&known).unwrap(), json!("processing"));

    let render = json!({"render_id": "r1", "status": "archived", "progress": 100.0, "created_at": "2024-05-01T12:00:00Z"});
    let (typed, back) = round_trip::<RenderDetail>(&render);
    assert_eq!(typed.status, RenderStatus::Unknown("archived".into()));
    assert_eq!(back, render);
}

#[test]
fn a_union_picks_its_variant_by_the_type_tag() {
    let url = json!({"type": "url", "url": "https://cdn.example/a.png"});
    let (typed, back) = round_trip::<MediaInput>(&url);
    assert!(
        matches!(&typed, MediaInput::Url(u) if u.url.as_str() == "https://cdn.example/a.png"),
        "{typed:?}"
    );
    assert_eq!(back, url);

    let asset = json!({"type": "asset_id", "asset_id": "as_1"});
    let (typed, back) = round_trip::<MediaInput>(&asset);
    assert!(
        matches!(&typed, MediaInput::Asset(a) if a.asset_id.as_str() == "as_1"),
        "{typed:?}"
    );
    assert_eq!(back, asset);

    let inline = json!({"type": "base64", "data": "aGVsbG8=", "media_type": "text/plain"});
    let (typed, back) = round_trip::<MediaInput>(&inline);
    assert!(
        matches!(&typed, MediaInput::Base64(b) if b.media_type == "text/plain"),
        "{typed:?}"
    );
    assert_eq!(back, inline);
}

#[test]
fn the_tag_wins_even_when_another_variant_would_fit() {
    // Also a valid `url` variant by its fields (its `type` would decode as an
    // unknown value); the tag says asset.
    let both = json!({"type": "asset_id", "asset_id": "as_1", "url": "https://cdn.example/a.png"});
    let typed: MediaInput = serde_json::from_value(both).expect("decodes");
    assert!(
        matches!(&typed, MediaInput::Asset(a) if a.asset_id.as_str() == "as_1"),
        "{typed:?}"
    );
    let back = serde_json::to_value(&typed).unwrap();
    assert_eq!(back, json!({"type": "asset_id", "asset_id": "as_1"}));
}

#[test]
fn an_unknown_union_tag_is_kept_whole() {
    let s3 =
        json!({"type": "s3", "bucket": "media", "key": "a/b.mp4", "url": "https://cdn.example/x"});
    let (typed, back) = round_trip::<MediaInput>(&s3);
    let MediaInput::Unknown(kept) = &typed else {
        panic!("expected Unknown, got {typed:?}")
    };
    assert_eq!(kept, &s3);
    assert_eq!(back, s3);

    // Inside a request body too.
    let request = json!({"prompt": "A teaser", "attachments": [s3.clone(), {"type": "url", "url": "https://cdn.example/a.png"}]});
    let (typed, back) = round_trip::<CreateStudioSessionRequest>(&request);
    let attachments = typed.attachments.expect("attachments");
    assert!(matches!(attachments[0], MediaInput::Unknown(_)));
    assert!(matches!(attachments[1], MediaInput::Url(_)));
    assert_eq!(back["attachments"], request["attachments"]);
}

#[test]
fn explicit_nulls_and_missing_optional_fields_read_alike() {
    let with_nulls = json!({
        "render_id": "r1", "status": "pending", "progress": 0.0, "created_at": "2024-05-01T12:00:00Z",
        "title": null, "completed_at": null, "error": null, "folder_id": null, "duration_seconds": null,
        "output": {"video_url": null, "thumbnail_url": null, "expires_at": null}
    });
    let bare = json!({"render_id": "r1", "status": "pending", "progress": 0.0, "created_at": "2024-05-01T12:00:00Z"});
    let (a, a_back) = round_trip::<RenderDetail>(&with_nulls);
    let (b, b_back) = round_trip::<RenderDetail>(&bare);
    // In a response, `null` and absent are both `None`.
    for render in [&a, &b] {
        assert!(render.title.is_none());
        assert!(render.folder_id.is_none());
        assert!(render.metadata.is_none());
    }
    assert!(a.output.as_ref().is_some_and(|o| o.video_url.is_none()));
    assert!(b.output.is_none());
    // Each is written back as it came, a `null` as absent.
    assert_eq!(without_nulls(&a_back), without_nulls(&with_nulls));
    assert_eq!(b_back, bare);
}

#[test]
fn a_required_field_that_is_missing_is_still_an_error() {
    // Forward compatibility does not mean accepting anything.
    let err =
        serde_json::from_value::<RenderDetail>(json!({"render_id": "r1", "status": "pending"}))
            .expect_err("no created_at");
    assert!(
        err.to_string().contains("created_at") || err.to_string().contains("progress"),
        "{err}"
    );
}

#[test]
fn closed_request_types_still_accept_unknown_fields_when_read() {
    // Both schemas say `additionalProperties: false`.
    let session =
        json!({"prompt": "A teaser", "interactive": true, "priority": "high", "beta": {"x": 1}});
    let (typed, back) = round_trip::<CreateStudioSessionRequest>(&session);
    assert_eq!(typed.prompt.as_str(), "A teaser");
    assert_eq!(typed.interactive, Some(true));
    assert!(back.get("priority").is_none());

    let message = json!({"text": "Use the blue logo", "reply_to": "m_1"});
    let (typed, _) = round_trip::<SendMessageRequest>(&message);
    assert_eq!(typed.text.as_str(), "Use the blue logo");
    assert!(typed.attachments.is_none());
}

#[tokio::test]
async fn the_client_decodes_a_grown_response_from_the_wire() {
    let server = TestServer::start_counted(|_, _| {
        Reply::value(
            200,
            &json!({"data": {"render_id": "r9", "status": "archived", "progress": 100, "created_at": "2024-05-01T12:00:00Z",
                             "storage_tier": "glacier", "error": null}, "warnings": ["deprecated"]}),
        )
    })
    .await;
    let render = support::client(&server)
        .get_render()
        .render_id("r9")
        .send()
        .await
        .expect("ok")
        .into_data()
        .expect("data");
    assert_eq!(render.status, RenderStatus::Unknown("archived".into()));
    assert_eq!(render.status.to_string(), "archived");
    assert!(render.error.is_none(), "an explicit null reads as none");
}

/// An operation documenting JSON on 200 and nothing on 204 (edge fixture's
/// `putExotic`): a 204 is a success whose envelope has no `data`.
#[tokio::test]
async fn no_content_beside_a_json_success_is_a_success() {
    use heygen_fixture_client::edge;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let (mut stream, _) = listener.accept().await.expect("accept");
        let mut buf = vec![0u8; 65536];
        let _ = stream.read(&mut buf).await;
        let _ = stream.write_all(b"HTTP/1.1 204 No Content\r\n\r\n").await;
    });
    let client = edge::Client::builder()
        .api_key("k")
        .base_url(format!("http://{addr}"))
        .build()
        .expect("client");
    let body: edge::types::Exotic =
        serde_json::from_value(serde_json::json!({"kind": 1, "flag": true, "labels": {}}))
            .expect("a valid Exotic");
    let response = client
        .put_exotic()
        .body(body)
        .send()
        .await
        .expect("204 is a success");
    assert_eq!(response.status(), 204);
    assert!(matches!(
        response.into_data(),
        Err(heygen_api::Error::MissingData { .. })
    ));
}

/// An envelope whose `data` is optional and nullable (edge fixture's
/// `getThing`): `null` and absent are both "no data", written back as
/// absent.
#[test]
fn nullable_data_in_an_envelope_is_no_data() {
    use heygen_api::runtime::Envelope;
    use heygen_fixture_client::edge::types::GetThingResponse;
    for body in [json!({"data": null}), json!({})] {
        let (typed, back) = round_trip::<GetThingResponse>(&body);
        assert_eq!(back, json!({}));
        assert!(Envelope::into_data(typed).is_none(), "{body}");
    }
    let (typed, _) = round_trip::<GetThingResponse>(&json!({"data": {"id": "t1"}}));
    let thing = Envelope::into_data(typed).expect("data");
    assert_eq!(thing.id.as_deref(), Some("t1"));
}
