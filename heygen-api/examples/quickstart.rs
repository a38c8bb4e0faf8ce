//! From clone to first call:
//!
//! ```text
//! cargo run -p heygen-api --example quickstart [SESSION_ID]
//! ```
//!
//! With `HEYGEN_API_KEY` set, it stops `SESSION_ID` through
//! `Client::from_env()` against HeyGen (or `HEYGEN_BASE_URL`) and prints
//! the typed result or the typed error.
//!
//! Without a key, it starts `heygen_api::testing::FakeHeyGen`, a stand-in
//! for HeyGen on 127.0.0.1, and walks through the flow: a wrong key is
//! refused, the call succeeds, a `429` with `Retry-After: 1` is waited out
//! and retried, and an unknown session comes back as a typed `404`.
//!
//! A malformed `HEYGEN_BASE_URL` or an empty key prints one line and exits
//! with status 2.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use heygen_api::testing::FakeHeyGen;
use heygen_api::types::StopSessionRequest;
use heygen_api::{Client, Error};

/// Stopped when no `SESSION_ID` is given.
const PLACEHOLDER_SESSION: &str = "sess_placeholder";

#[tokio::main]
async fn main() -> ExitCode {
    let session = std::env::args().nth(1);
    // Retries and their waits are logged by the client at INFO.
    tracing_subscriber::fmt()
        .with_target(false)
        .without_time()
        .with_writer(std::io::stdout)
        .init();

    if let Err(message) = check_base_url() {
        eprintln!("quickstart: {message}");
        return ExitCode::from(2);
    }
    match std::env::var_os("HEYGEN_API_KEY") {
        Some(_) => live(session.as_deref().unwrap_or(PLACEHOLDER_SESSION)).await,
        None => embedded(session.as_deref()).await,
    }
}

/// A set `HEYGEN_BASE_URL` must be a usable URL in either mode.
fn check_base_url() -> Result<(), String> {
    let Ok(url) = std::env::var("HEYGEN_BASE_URL") else {
        return Ok(());
    };
    if url.trim().is_empty() {
        return Ok(());
    }
    match Client::builder()
        .api_key("check")
        .base_url(url.trim())
        .build()
    {
        Ok(_) => Ok(()),
        Err(e) => Err(format!("HEYGEN_BASE_URL: {e}")),
    }
}

async fn live(session: &str) -> ExitCode {
    let client = match Client::from_env() {
        Ok(client) => client,
        Err(e) => {
            eprintln!("quickstart: {e}");
            return ExitCode::from(2);
        }
    };
    println!(
        "mode: live — HEYGEN_API_KEY is set; calling {}",
        client.base_url()
    );
    println!("stopping session {session} ...");
    match stop(&client, session, "").await {
        Ok(()) => ExitCode::SUCCESS,
        Err(()) => ExitCode::FAILURE,
    }
}

async fn embedded(session: Option<&str>) -> ExitCode {
    let heygen = match FakeHeyGen::start().await {
        Ok(heygen) => heygen,
        Err(e) => {
            eprintln!("quickstart: cannot start the local stand-in for HeyGen: {e}");
            return ExitCode::FAILURE;
        }
    };
    let session = session.unwrap_or(heygen_api::testing::DEMO_SESSION);
    heygen.add_session(session);
    if std::env::var("HEYGEN_BASE_URL").is_ok_and(|u| !u.trim().is_empty()) {
        println!("note: HEYGEN_BASE_URL is ignored without HEYGEN_API_KEY");
    }
    println!(
        "mode: embedded — HEYGEN_API_KEY is not set; a stand-in for HeyGen answers at {}",
        heygen.url()
    );

    let build = |key: &str| {
        Client::builder()
            .api_key(key)
            .base_url(heygen.url())
            .build()
    };
    let (wrong, client) = match (build("not-the-key"), build(&heygen.api_key())) {
        (Ok(wrong), Ok(client)) => (wrong, client),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("quickstart: {e}");
            return ExitCode::FAILURE;
        }
    };

    println!("\n1. authenticate: the server checks x-api-key");
    let refused = stop(&wrong, session, "   with a wrong key: ")
        .await
        .is_err();
    let first = stop(&client, session, "   with the right key: ").await;

    println!(
        "\n2. rate limit: the next call gets 429 with Retry-After: 1; the client waits and retries"
    );
    heygen.rate_limit_next(1, Duration::from_secs(1));
    let started = Instant::now();
    let retried = stop(&client, session, "   ").await;
    println!("   took {:.1} s", started.elapsed().as_secs_f64());

    println!("\n3. an unknown session is a typed error");
    let unknown = stop(&client, "sess_does_not_exist", "   ").await.is_err();

    let statuses: Vec<String> = heygen
        .requests()
        .iter()
        .map(|r| r.status.to_string())
        .collect();
    println!("\nthe stand-in answered: {}", statuses.join(", "));
    if refused && first.is_ok() && retried.is_ok() && unknown {
        println!("done: set HEYGEN_API_KEY to run the same calls against HeyGen");
        ExitCode::SUCCESS
    } else {
        println!("the flow did not go as expected");
        ExitCode::FAILURE
    }
}

/// Stops `session`, printing the typed result or the typed error after `prefix`.
async fn stop(client: &Client, session: &str, prefix: &str) -> Result<(), ()> {
    let result = client
        .stop_video_agent_session()
        .session_id(session)
        .body(StopSessionRequest::default())
        .send()
        .await
        .and_then(|response| {
            let request_id = response.request_id().map(String::from);
            Ok((response.into_data()?, request_id))
        });
    match result {
        Ok((stopped, request_id)) => {
            println!(
                "{prefix}ok: {stopped:?} (request id {})",
                request_id.as_deref().unwrap_or("none")
            );
            Ok(())
        }
        Err(e) => {
            println!("{prefix}{}", describe(&e));
            Err(())
        }
    }
}

fn describe(e: &Error) -> String {
    match e {
        Error::Api(api) => format!(
            "error: status {} code {} message {:?} request id {}",
            api.status.as_u16(),
            api.code.as_deref().unwrap_or("none"),
            api.message.as_deref().unwrap_or(""),
            api.request_id.as_deref().unwrap_or("none"),
        ),
        other => format!("error: {other}"),
    }
}
