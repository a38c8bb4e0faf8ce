//! The typed mocks (`--features mock`): one test per generated operation,
//! and what a request that no mock matches gets.

use std::time::Duration;

use heygen_api::mock::{self, ApiErrorThen, MockServerExt};
use heygen_api::types::{StopSessionRequest, StopSessionResponse, StopVideoAgentSessionResponse};

fn stopped(session_id: &str) -> StopVideoAgentSessionResponse {
    StopVideoAgentSessionResponse {
        data: Some(StopSessionResponse {
            session_id: session_id.into(),
        }),
    }
}

#[tokio::test]
async fn stop_video_agent_session_success() {
    let server = httpmock::MockServer::start_async().await;
    let m = server.stop_video_agent_session(|when, then| {
        when.session_id("sess_1")
            .body(&StopSessionRequest::default());
        then.ok(&stopped("sess_1"));
    });
    let data = mock::client(&server)
        .stop_video_agent_session()
        .session_id("sess_1")
        .body(StopSessionRequest::default())
        .send()
        .await
        .expect("mocked success")
        .into_data()
        .expect("data");
    assert_eq!(data.session_id, "sess_1");
    m.assert();
}

#[tokio::test]
async fn stop_video_agent_session_not_found() {
    let server = httpmock::MockServer::start_async().await;
    let m = server.stop_video_agent_session(|when, then| {
        when.session_id("gone");
        then.error(404, "not_found", "Session not found.");
    });
    let err = mock::client(&server)
        .stop_video_agent_session()
        .session_id("gone")
        .body(StopSessionRequest::default())
        .send()
        .await
        .expect_err("mocked 404");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.code(), Some("not_found"));
    assert_eq!(
        err.api().and_then(|a| a.message.as_deref()),
        Some("Session not found.")
    );
    m.assert();
}

#[tokio::test]
async fn a_mocked_rate_limit_surfaces_its_retry_after() {
    let server = httpmock::MockServer::start_async().await;
    let m = server.stop_video_agent_session(|_when, then| {
        then.rate_limited(Duration::from_secs(7));
    });
    let client = mock::client_builder(&server)
        .max_retries(0)
        .build()
        .expect("client");
    let err = client
        .stop_video_agent_session()
        .session_id("s")
        .body(StopSessionRequest::default())
        .send()
        .await
        .expect_err("429");
    assert_eq!(err.code(), Some("rate_limit_exceeded"));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
    m.assert_calls(1);
}

#[tokio::test]
async fn path_parameters_match_literally_and_as_sent() {
    let server = httpmock::MockServer::start_async().await;
    // A regex metacharacter in the value must not match any character.
    let dotted = server.stop_video_agent_session(|when, then| {
        when.session_id("a.b");
        then.ok(&stopped("a.b"));
    });
    // A value the client percent-encodes still matches.
    let slashed = server.stop_video_agent_session(|when, then| {
        when.session_id("x/y");
        then.ok(&stopped("x/y"));
    });
    mock::reject_unmatched(&server);
    let client = mock::client(&server);
    let call = |id: &'static str| {
        client
            .stop_video_agent_session()
            .session_id(id)
            .body(StopSessionRequest::default())
            .send()
    };
    assert!(call("a.b").await.is_ok());
    assert_eq!(
        call("axb").await.expect_err("no mock for axb").code(),
        Some(mock::UNMATCHED)
    );
    assert!(call("x/y").await.is_ok());
    dotted.assert_calls(1);
    slashed.assert_calls(1);
}

#[tokio::test]
async fn unmatched_requests_get_a_404_that_names_the_operation() {
    let server = httpmock::MockServer::start_async().await;
    let expected = server.stop_video_agent_session(|when, then| {
        when.session_id("sess_1");
        then.ok(&stopped("sess_1"));
    });
    let catch_all = mock::reject_unmatched(&server);
    let err = mock::client(&server)
        .stop_video_agent_session()
        .session_id("sess_2")
        .body(StopSessionRequest::default())
        .send()
        .await
        .expect_err("unmatched");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.code(), Some(mock::UNMATCHED));
    let text = err.to_string();
    for part in [
        "POST /v3/video-agents/sess_2/stop",
        "stopVideoAgentSession",
        "server.stop_video_agent_session(..)",
    ] {
        assert!(text.contains(part), "{part:?} missing from: {text}");
    }
    expected.assert_calls(0);
    catch_all.assert_calls(1);
}

#[tokio::test]
async fn without_the_catch_all_httpmock_says_only_that_nothing_matched() {
    // Why `reject_unmatched` exists: httpmock's own 404 names nothing.
    let server = httpmock::MockServer::start_async().await;
    let err = mock::client(&server)
        .stop_video_agent_session()
        .session_id("s")
        .body(StopSessionRequest::default())
        .send()
        .await
        .expect_err("unmatched");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.code(), None);
    assert!(
        err.api()
            .is_some_and(|a| a.snippet.contains("did not match")),
        "{err:?}"
    );
}

#[test]
fn every_operation_has_a_mock_method() {
    // `OPERATIONS` against the vendored spec: one entry per operation, no
    // more, no fewer.
    let spec_path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/heygen-api.yaml");
    let spec: serde_json::Value =
        serde_yaml::from_str(&std::fs::read_to_string(spec_path).expect("read the spec"))
            .expect("YAML");
    let mut in_spec = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            // Uploads (multipart) are generated apart from progenitor and
            // have no typed mock yet: httpmock's own `when` matches them.
            let multipart = op
                .pointer("/requestBody/content/multipart~1form-data")
                .is_some();
            if let Some(id) = op.get("operationId").and_then(|v| v.as_str()) {
                if !multipart {
                    in_spec.push((id.to_string(), method.to_uppercase(), path.clone()));
                }
            }
        }
    }
    let mut listed: Vec<(String, String, String)> = mock::OPERATIONS
        .iter()
        .map(|op| (op.id.into(), op.method.into(), op.path.into()))
        .collect();
    in_spec.sort();
    listed.sort();
    assert!(!listed.is_empty());
    assert_eq!(listed, in_spec, "mock::OPERATIONS differs from the spec");

    // And `MockServerExt` has the method each entry names: read from the
    // generated source the trait is compiled from.
    let generated = include_str!(concat!(env!("OUT_DIR"), "/heygen_api_mock.rs"));
    let start = generated
        .find("trait MockServerExt")
        .expect("the generated mocks define MockServerExt");
    let body = &generated[start..];
    let body = &body[..body.find("\nimpl").unwrap_or(body.len())];
    let methods: std::collections::BTreeSet<&str> = body
        .split("fn ")
        .skip(1)
        .filter_map(|rest| {
            rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
        })
        .collect();
    for op in mock::OPERATIONS {
        assert!(
            methods.contains(op.mock),
            "no MockServerExt::{} for {op:?}; the trait has {methods:?}",
            op.mock
        );
    }
    assert_eq!(methods.len(), mock::OPERATIONS.len(), "{methods:?}");
}
