//! Every public way of obtaining a `Client` gives one that follows no
//! redirect, so its credential cannot reach another host; and building one
//! leaves the process's TLS provider alone. (That progenitor's own
//! constructors are not public is checked by `compile_fail` doc tests on
//! `ClientBuilder`.)

mod support;

use heygen_api::testing::FakeHeyGen;
use heygen_api::{Client, Error, Idempotency};
use support::{stop, Reply, Seen, TestServer};

const OK: &str = r#"{"data":{"session_id":"s"}}"#;

#[tokio::test]
async fn credentials_stay_with_the_api_host_through_every_public_constructor() {
    let elsewhere = TestServer::start(|_: &Seen| Reply::json(200, OK)).await;
    let target = format!("{}/v3/video-agents/s/stop", elsewhere.url());
    let server =
        TestServer::start(move |_: &Seen| Reply::json(307, "").header("location", &target)).await;
    let url = server.url();
    let built = Client::builder()
        .api_key("secret-key")
        .base_url(&url)
        .build()
        .unwrap();
    // A caller's reqwest builder follows redirects by default: the
    // client's own "none" is set on it last.
    let own_reqwest = Client::builder()
        .api_key("secret-key")
        .base_url(&url)
        .http_client_builder(reqwest::Client::builder())
        .build()
        .unwrap();
    let from_env = {
        // This test binary is its own process; no other test reads these.
        std::env::set_var("HEYGEN_API_KEY", "secret-key");
        std::env::set_var("HEYGEN_BASE_URL", &url);
        let client = Client::from_env().unwrap();
        std::env::remove_var("HEYGEN_API_KEY");
        std::env::remove_var("HEYGEN_BASE_URL");
        client
    };
    let stand_in = FakeHeyGen::start().await.unwrap();
    let via_stand_in = stand_in.client_builder().base_url(&url).build().unwrap();
    let ways = [
        ("Client::builder().build()", built.clone()),
        ("a clone", built.clone()),
        (
            "with_idempotency",
            built.with_idempotency(Idempotency::Disabled),
        ),
        ("http_client_builder", own_reqwest),
        ("Client::from_env", from_env),
        ("FakeHeyGen::client_builder", via_stand_in),
    ];
    for (way, client) in &ways {
        let err = stop(client, "s").await.expect_err("not followed");
        assert!(
            matches!(err, Error::Redirect { .. }),
            "{way}: expected Error::Redirect, got {err:?}"
        );
    }
    assert_eq!(server.count(), ways.len());
    assert_eq!(
        elsewhere.count(),
        0,
        "a request followed the redirect: {:?}",
        elsewhere
            .requests()
            .iter()
            .map(|r| r.header("x-api-key").map(String::from))
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn building_clients_installs_no_process_wide_tls_provider() {
    let heygen = FakeHeyGen::start().await.unwrap();
    let client = heygen.client();
    let _ = Client::builder()
        .api_key("k")
        .base_url("https://api.heygen.com")
        .build()
        .unwrap();
    // A download builds the download client too.
    let id = heygen_api::testing::create_demo_video(&client)
        .await
        .unwrap();
    let video = client.wait_for_video(&id).await.unwrap();
    let dir = std::env::temp_dir().join(format!("heygen-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    client
        .download_video(&video, dir.join("v.mp4"))
        .await
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        rustls::crypto::CryptoProvider::get_default().is_none(),
        "the client installed a process-wide provider"
    );
    // So the application can install its own, whichever it is.
    assert!(rustls::crypto::ring::default_provider()
        .install_default()
        .is_ok());
    // And clients still build afterwards, with a caller's reqwest builder
    // (which now uses the process's provider) as without.
    Client::builder()
        .api_key("k")
        .http_client_builder(reqwest::Client::builder())
        .build()
        .unwrap();
    Client::builder().api_key("k").build().unwrap();
}
