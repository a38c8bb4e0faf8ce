//! `cargo run -p heygen-api --example quickstart`, as a user runs it: the
//! embedded flow without a key, and one-line failures for bad settings.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The example's binary, built once by cargo for this test's profile.
fn quickstart() -> Command {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    let binary = BINARY.get_or_init(|| {
        // This test runs from <target>/<profile>/deps/; examples land in
        // <target>/<profile>/examples/.
        let exe = std::env::current_exe().expect("test binary path");
        let profile_dir = exe
            .parent()
            .and_then(|deps| deps.parent())
            .expect("<target>/<profile>");
        let target_dir = profile_dir.parent().expect("<target>");
        let release = profile_dir.file_name().is_some_and(|n| n == "release");
        let mut build = Command::new(env!("CARGO"));
        build
            .args([
                "build",
                "--quiet",
                "-p",
                "heygen-api",
                "--example",
                "quickstart",
            ])
            .arg("--manifest-path")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
            .arg("--target-dir")
            .arg(target_dir);
        if release {
            build.arg("--release");
        }
        let status = build.status().expect("run cargo build");
        assert!(status.success(), "cargo build --example quickstart failed");
        profile_dir
            .join("examples")
            .join(format!("quickstart{}", std::env::consts::EXE_SUFFIX))
    });
    let mut command = Command::new(binary);
    command
        .env_remove("HEYGEN_API_KEY")
        .env_remove("HEYGEN_BASE_URL")
        .env_remove("HEYGEN_MAX_RETRIES");
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_in_order(haystack: &str, needles: &[&str]) {
    let mut rest = haystack;
    for needle in needles {
        match rest.find(needle) {
            Some(i) => rest = &rest[i + needle.len()..],
            None => panic!("{needle:?} missing (or out of order) in:\n{haystack}"),
        }
    }
}

#[test]
fn without_a_key_it_runs_the_whole_flow_against_the_embedded_stand_in() {
    let out: Output = quickstart().output().expect("run quickstart");
    let stdout = text(&out.stdout);
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{stdout}\nstderr:\n{}",
        out.status,
        text(&out.stderr)
    );
    assert_in_order(
        &stdout,
        &[
            "mode: embedded",
            "http://127.0.0.1:",
            // authentication: refused, then accepted
            "error: status 401 code authentication_failed",
            "ok: StopSessionResponse { session_id: \"sess_demo\" }",
            // the scripted 429: a progress line while waiting, then success
            "Retry-After: 1",
            "retrying",
            // Retry-After: 1 is a floor under the 1 s ±25 % backoff.
            "wait_ms=1",
            "ok: StopSessionResponse { session_id: \"sess_demo\" }",
            "took 1.",
            // the unknown session
            "error: status 404 code not_found message \"Session not found.\"",
            "the stand-in answered: 401, 200, 429, 200, 404",
        ],
    );
}

#[test]
fn a_session_id_argument_is_the_one_stopped() {
    let out = quickstart()
        .arg("sess_mine")
        .output()
        .expect("run quickstart");
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("StopSessionResponse { session_id: \"sess_mine\" }"));
}

fn assert_one_line_failure(out: &Output, expect: &str) {
    assert!(
        !out.status.success(),
        "expected a failure, got {:?}",
        out.status
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
    assert!(stderr.contains(expect), "stderr: {stderr}");
    assert!(
        text(&out.stdout).trim().is_empty(),
        "stdout: {}",
        text(&out.stdout)
    );
}

#[test]
fn a_malformed_base_url_is_one_line_and_a_non_zero_exit() {
    let out = quickstart()
        .env("HEYGEN_BASE_URL", "not a url")
        .output()
        .expect("run quickstart");
    assert_one_line_failure(&out, "HEYGEN_BASE_URL");
    // The same with a key: nothing is sent anywhere.
    let out = quickstart()
        .env("HEYGEN_API_KEY", "k")
        .env("HEYGEN_BASE_URL", "ftp://example.com")
        .output()
        .expect("run quickstart");
    assert_one_line_failure(&out, "HEYGEN_BASE_URL");
}

#[test]
fn an_empty_key_is_one_line_and_a_non_zero_exit() {
    let out = quickstart()
        .env("HEYGEN_API_KEY", "")
        .output()
        .expect("run quickstart");
    assert_one_line_failure(&out, "API key is empty");
}

#[test]
fn with_a_key_it_calls_the_configured_server() {
    // "Live" mode, pointed at a stand-in instead of HeyGen: the typed error
    // for the placeholder session, and a non-zero exit.
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let heygen = runtime
        .block_on(heygen_api::testing::FakeHeyGen::start())
        .expect("stand-in");
    let out = quickstart()
        .env("HEYGEN_API_KEY", heygen.api_key())
        .env("HEYGEN_BASE_URL", heygen.url())
        .output()
        .expect("run quickstart");
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout:\n{stdout}\nstderr:\n{}",
        text(&out.stderr)
    );
    assert_in_order(
        &stdout,
        &[
            "mode: live",
            &heygen.url(),
            "sess_placeholder",
            "error: status 404 code not_found",
        ],
    );
    let seen = heygen.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].target, "/v3/video-agents/sess_placeholder/stop");

    let out = quickstart()
        .arg("sess_demo")
        .env("HEYGEN_API_KEY", heygen.api_key())
        .env("HEYGEN_BASE_URL", heygen.url())
        .output()
        .expect("run quickstart");
    assert!(out.status.success(), "stdout:\n{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("ok: StopSessionResponse { session_id: \"sess_demo\" }"));
}

#[test]
fn against_a_gateway_answering_502_the_post_is_sent_once_and_the_error_reported_once() {
    // HeyGen's reference does not declare `Idempotency-Key` for this POST,
    // so a 502 (after which the server may have done the work) is not
    // retried, however many retries are allowed.
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let requests = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
                head.push(byte[0]);
            }
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let body = "<html><body><h1>502 Bad Gateway</h1></body></html>";
            let _ = write!(
                stream,
                "HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let out = quickstart()
        .env("HEYGEN_API_KEY", "test-key")
        .env("HEYGEN_BASE_URL", &url)
        .env("HEYGEN_MAX_RETRIES", "2")
        .output()
        .expect("run quickstart");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "stdout:\n{stdout}");
    assert_eq!(
        stdout.matches("error: status 502").count(),
        1,
        "stdout:\n{stdout}"
    );
    assert_eq!(
        requests.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "the POST reached the server more than once"
    );
}
