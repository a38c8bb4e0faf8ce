//! The test server of `heygen-api/tests/support`, shared, plus a client of
//! the fixture API pointed at it.
#![allow(dead_code)]

use std::time::Duration;

use heygen_fixture_client::Client;

#[path = "../../../../heygen-api/tests/support/mod.rs"]
mod server;
pub use server::*;

/// A client for `server` with a test key and short retry backoff.
pub fn client(server: &TestServer) -> Client {
    let policy = heygen_api::runtime::RetryPolicy {
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(20),
        ..Default::default()
    };
    Client::builder()
        .api_key("test-key")
        .base_url(server.url())
        .retry_policy(policy)
        .build()
        .expect("client")
}

/// `value` with every `null` member left out, at any depth: how a response
/// compares, `null` and absent being the same to the generated types.
pub fn without_nulls(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}
