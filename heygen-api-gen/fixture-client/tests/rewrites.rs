//! The client of `tests/fixtures/real/rewrites-3.1.yaml`, which compiles
//! only because the generator's rewrites hold for every construct in it
//! (see `heygen-api-gen/src/rewrite/bindings.rs`, `newtypes.rs` and `fidelity.rs`),
//! calling a real server.

mod support;

use heygen_fixture_client::rewrites::{types, Client};
use support::{Reply, Seen, TestServer};

fn client(server: &TestServer) -> Client {
    Client::builder()
        .api_key("k")
        .base_url(server.url())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_constrained_path_parameter_is_one_encoded_segment() {
    let server = TestServer::start(|_: &Seen| Reply::json(200, r#"{"id":"T0000abcd"}"#)).await;
    let tool = client(&server)
        .get_tool()
        .tool_id("T0000abcd")
        .send()
        .await
        .expect("ok");
    assert_eq!(tool.id, "T0000abcd");
    // A value the pattern refuses never leaves the client.
    let err = client(&server)
        .get_tool()
        .tool_id("not/a/tool")
        .send()
        .await
        .expect_err("refused");
    assert!(
        matches!(err, heygen_api::Error::InvalidRequest(_)),
        "{err:?}"
    );
    assert_eq!(server.requests().len(), 1);
    assert_eq!(server.requests()[0].target, "/tools/T0000abcd");
    // And the newtype prints as the string it holds.
    let id: types::GetToolToolId = "T0000abcd".parse().unwrap();
    assert_eq!(id.to_string(), "T0000abcd");
}

#[tokio::test]
async fn parameters_named_like_progenitors_own_bindings_reach_the_wire() {
    let server = TestServer::start(|_: &Seen| Reply::json(200, "[]")).await;
    client(&server)
        .list_shelf()
        .shelf("work bench")
        .client("mobile")
        .url("https://example.com/x?y=1")
        .request("r1")
        .response("full")
        .result("all")
        .send()
        .await
        .expect("ok");
    let seen = &server.requests()[0];
    assert_eq!(seen.path(), "/shelves/work%20bench/tools");
    for (name, value) in [
        ("client", "mobile"),
        ("url", "https://example.com/x?y=1"),
        ("request", "r1"),
        ("response", "full"),
        ("result", "all"),
    ] {
        assert_eq!(seen.query(name).as_deref(), Some(value), "{name}");
    }
    // The credential still goes with it: the client is the client.
    assert_eq!(seen.header("x-api-key"), Some("k"));
}

#[tokio::test]
async fn object_defaults_build_the_wrapped_fields() {
    let server =
        TestServer::start(|req: &Seen| Reply::raw(200, "application/json", req.body.clone())).await;
    // Nothing set, nothing sent: the defaults are the server's.
    let loan = client(&server)
        .create_loan()
        .body(types::Loan::default())
        .send()
        .await
        .expect("ok");
    assert_eq!(server.requests()[0].body, b"{}");
    // The schema's object defaults, as typify's `defaults` build them.
    assert_eq!(loan.terms_or_default().days, Some(5));
    assert_eq!(loan.care_or_default().insured, Some(false));
}

#[tokio::test]
async fn a_client_with_an_operation_left_out_still_calls_the_rest() {
    use heygen_fixture_client::rewrites_skipping;
    let server = TestServer::start(|_: &Seen| Reply::json(200, r#"{"id":"T0000abcd"}"#)).await;
    let client = rewrites_skipping::Client::builder()
        .api_key("k")
        .base_url(server.url())
        .build()
        .unwrap();
    let tool = client
        .get_tool()
        .tool_id("T0000abcd")
        .send()
        .await
        .expect("ok");
    assert_eq!(tool.id, "T0000abcd");
}
