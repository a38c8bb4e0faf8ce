//! `Client::from_env`. In a test binary of its own: `set_var` is not safe
//! while other threads may read the environment (reqwest reads proxy
//! settings from it whenever a client is built), and here no other test runs.

mod support;

use heygen_api::{Client, Error};
use support::{stop, Reply, Seen, TestServer};

/// The only test of this binary: keep it so.
#[tokio::test]
async fn from_env_reads_key_base_url_and_max_retries() {
    std::env::remove_var("HEYGEN_API_KEY");
    std::env::remove_var("HEYGEN_BASE_URL");
    std::env::remove_var("HEYGEN_MAX_RETRIES");
    match Client::from_env() {
        Err(Error::Config(why)) => assert!(why.contains("HEYGEN_API_KEY"), "{why}"),
        other => panic!("expected Error::Config naming HEYGEN_API_KEY, got {other:?}"),
    }
    std::env::set_var("HEYGEN_API_KEY", "");
    assert!(
        matches!(Client::from_env(), Err(Error::Config(_))),
        "an empty key is not a key"
    );

    std::env::set_var("HEYGEN_API_KEY", "env-key-1");
    let client = Client::from_env().expect("client");
    assert_eq!(client.base_url(), "https://api.heygen.com");

    let server = TestServer::start(|_: &Seen| Reply::json(503, "{}")).await;
    std::env::set_var("HEYGEN_BASE_URL", server.url());
    std::env::set_var("HEYGEN_MAX_RETRIES", "0");
    let client = Client::from_env().expect("client");
    assert_eq!(client.base_url(), server.url());
    stop(&client, "s").await.expect_err("503");
    let seen = server.requests();
    assert_eq!(seen.len(), 1, "HEYGEN_MAX_RETRIES=0 allows no retry");
    assert_eq!(seen[0].header("x-api-key"), Some("env-key-1"));

    std::env::set_var("HEYGEN_MAX_RETRIES", "1");
    let server =
        TestServer::start(|_: &Seen| Reply::json(429, "{}").header("retry-after", "0")).await;
    std::env::set_var("HEYGEN_BASE_URL", format!("{}/", server.url()));
    stop(&Client::from_env().expect("client"), "s")
        .await
        .expect_err("429");
    assert_eq!(
        server.requests().len(),
        2,
        "HEYGEN_MAX_RETRIES=1 allows one retry"
    );

    std::env::set_var("HEYGEN_MAX_RETRIES", "lots");
    match Client::from_env() {
        Err(Error::Config(why)) => assert!(why.contains("HEYGEN_MAX_RETRIES"), "{why}"),
        other => panic!("expected Error::Config naming HEYGEN_MAX_RETRIES, got {other:?}"),
    }

    std::env::remove_var("HEYGEN_API_KEY");
    std::env::remove_var("HEYGEN_BASE_URL");
    std::env::remove_var("HEYGEN_MAX_RETRIES");
}
