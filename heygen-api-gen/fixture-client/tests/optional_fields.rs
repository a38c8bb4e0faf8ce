//! Optional fields and implied union tags, on the wire: what a request
//! sends is what the caller set (no filled-in defaults, `null` only where
//! asked for), responses read `null` and absent alike and re-encode what
//! they hold, and a union writes and checks its variant's tag.

mod support;

use heygen_api::Nullable;
use heygen_fixture_client::nullable::types::{
    Clip, ClipEnvelope, ClipUpdate, CreateClipBody, FromAvatar, FromText,
};
use heygen_fixture_client::nullable::Client;
use serde_json::{json, Value};
use support::{Reply, Seen, TestServer};

const CLIP: &str = r#"{"data":{"id":"c1","status":"queued","url":null}}"#;

fn client(url: &str) -> Client {
    Client::builder()
        .api_key("k")
        .base_url(url)
        .build()
        .unwrap()
}

fn sent(seen: &Seen) -> Value {
    serde_json::from_slice(&seen.body).unwrap()
}

#[tokio::test]
async fn a_request_carries_what_was_set_and_the_tag_of_its_variant() {
    let server = TestServer::start(|_: &Seen| Reply::json(200, CLIP)).await;
    let body: FromAvatar = FromAvatar::builder()
        .avatar_id("a1")
        .script("Hello")
        .try_into()
        .unwrap();
    let clip = client(&server.url())
        .create_clip()
        .body(body)
        .send()
        .await
        .unwrap()
        .into_data()
        .unwrap();
    assert_eq!(clip.url, None);
    // No `ratio` although its default is "16:9"; no `tags`; the tag from
    // the variant.
    assert_eq!(
        sent(&server.requests()[0]),
        json!({"kind": "avatar", "avatar_id": "a1", "script": "Hello"})
    );
    // A list set empty is sent empty.
    let body: FromAvatar = FromAvatar::builder()
        .avatar_id("a1")
        .tags(Vec::<String>::new())
        .try_into()
        .unwrap();
    client(&server.url())
        .create_clip()
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(
        sent(&server.requests()[1]),
        json!({"kind": "avatar", "avatar_id": "a1", "tags": []})
    );
}

#[tokio::test]
async fn null_is_sent_only_where_the_caller_asks_for_it() {
    let server = TestServer::start(|_: &Seen| Reply::json(200, CLIP)).await;
    let client = client(&server.url());
    for (update, wire) in [
        (ClipUpdate::default(), json!({})),
        (
            ClipUpdate {
                title: Nullable::Null,
                ..Default::default()
            },
            json!({"title": null}),
        ),
        (
            ClipUpdate {
                title: "New".to_string().into(),
                folder_id: Some("f1".into()),
            },
            json!({"title": "New", "folder_id": "f1"}),
        ),
    ] {
        client
            .update_clip()
            .clip_id("c1")
            .body(update)
            .send()
            .await
            .unwrap();
        let seen = server.requests();
        assert_eq!(sent(seen.last().unwrap()), wire);
    }
}

#[test]
fn responses_read_null_and_absent_alike_and_re_encode_what_they_hold() {
    for text in [
        json!({"id": "c", "status": "done", "url": null}),
        json!({"id": "c", "status": "done", "url": null, "duration": null, "title": null}),
    ] {
        let clip: Clip = serde_json::from_value(text).unwrap();
        assert_eq!(clip.duration, None);
        assert_eq!(clip.title, None);
        // `url` is required: always written, `null` when `None`.
        assert_eq!(
            serde_json::to_value(&clip).unwrap(),
            json!({"id": "c", "status": "done", "url": null})
        );
    }
    let full = json!({"id": "c", "status": "done", "url": "https://f/c.mp4", "duration": 1.5, "title": "T"});
    let clip: Clip = serde_json::from_value(full.clone()).unwrap();
    assert_eq!(clip.url.as_deref(), Some("https://f/c.mp4"));
    assert_eq!(serde_json::to_value(&clip).unwrap(), full);
    let envelope: ClipEnvelope = serde_json::from_str(CLIP).unwrap();
    assert_eq!(envelope.data.unwrap().id, "c1");
}

#[test]
fn a_union_checks_its_tag_and_keeps_one_it_does_not_know() {
    let avatar = json!({"kind": "avatar", "avatar_id": "a1"});
    let body: CreateClipBody = serde_json::from_value(avatar.clone()).unwrap();
    assert!(matches!(&body, CreateClipBody::Avatar(a) if a.avatar_id == "a1"));
    assert_eq!(serde_json::to_value(&body).unwrap(), avatar);
    // The tag chooses, not the fields: text fields under an avatar tag do
    // not make a text clip.
    let wrong = json!({"kind": "avatar", "text": "hi"});
    assert!(serde_json::from_value::<CreateClipBody>(wrong).is_err());
    let text = json!({"kind": "text", "text": "hi", "speed": 1.25});
    let body: CreateClipBody = serde_json::from_value(text.clone()).unwrap();
    assert!(matches!(&body, CreateClipBody::Text(t) if t.text == "hi"));
    assert_eq!(serde_json::to_value(&body).unwrap(), text);
    let unknown = json!({"kind": "sketch", "strokes": [1, 2]});
    let body: CreateClipBody = serde_json::from_value(unknown.clone()).unwrap();
    assert!(matches!(body, CreateClipBody::Unknown(_)));
    assert_eq!(serde_json::to_value(&body).unwrap(), unknown);
    // `FromText` is also a body of its own, so it keeps its tag field.
    let caption: FromText = serde_json::from_value(json!({"kind": "text", "text": "x"})).unwrap();
    assert_eq!(
        serde_json::to_value(&caption).unwrap(),
        json!({"kind": "text", "text": "x"})
    );
}
