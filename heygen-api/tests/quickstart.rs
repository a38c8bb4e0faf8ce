//! `cargo run -p heygen-api --example quickstart`, as a user runs it:
//! create, wait and download against the embedded stand-in without a key;
//! against a server on another port with one (the stand-in, started here,
//! told to misbehave); and one-line failures for bad input.

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

use heygen_api::testing::{FakeHeyGen, Origin, RenderTimes, SAMPLE_MP4};

fn assert_one_line_failure(out: &Output, code: i32, expect: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
    assert!(stderr.contains(expect), "stderr: {stderr}");
}

#[test]
fn without_a_key_it_creates_waits_and_downloads_against_the_embedded_stand_in() {
    let dir = tempdir();
    let out_file = dir.join("video.mp4");
    let started = std::time::Instant::now();
    let out: Output = quickstart()
        .arg("--out")
        .arg(&out_file)
        .output()
        .expect("run quickstart");
    let stdout = text(&out.stdout);
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{stdout}\nstderr:\n{}",
        out.status,
        text(&out.stderr)
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert_in_order(
        &stdout,
        &[
            "mode: embedded",
            "http://127.0.0.1:",
            "created video v_",
            " s  pending",
            " s  processing",
            " s  completed",
            "rendered in",
            "video id  v_",
            &format!("file      {}", out_file.display()),
            &format!("size      {} bytes", SAMPLE_MP4.len()),
            "duration  2.0 s",
        ],
    );
    assert_eq!(std::fs::read(&out_file).expect("the video"), SAMPLE_MP4);
}

/// Runs the example in live mode against `heygen` (another port of this
/// machine) with `args`, while this test's runtime serves the stand-in.
fn live(runtime: &tokio::runtime::Runtime, heygen: &FakeHeyGen, args: &[&str]) -> Output {
    let mut command = quickstart();
    command
        .env("HEYGEN_API_KEY", heygen.api_key())
        .env("HEYGEN_BASE_URL", heygen.url())
        .args(args);
    runtime
        .block_on(runtime.spawn_blocking(move || command.output()))
        .expect("join")
        .expect("run quickstart")
}

fn stand_in() -> (tokio::runtime::Runtime, FakeHeyGen) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let heygen = runtime
        .block_on(FakeHeyGen::start_with_key("live-key"))
        .expect("stand-in");
    (runtime, heygen)
}

#[test]
fn live_a_502_on_create_video_reaches_the_server_once_and_is_reported_once() {
    let (runtime, heygen) = stand_in();
    heygen.fail_next(1, 502);
    let dir = tempdir();
    let target = dir.join("v.mp4");
    let out = live(
        &runtime,
        &heygen,
        &["--avatar-id", "a1", "--out", target.to_str().unwrap()],
    );
    assert_one_line_failure(&out, 1, "HeyGen answered 502");
    let posts = heygen
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.target == "/v3/videos")
        .count();
    assert_eq!(
        posts, 1,
        "Create Video declares no Idempotency-Key: never sent twice"
    );
    assert!(!target.exists());
}

#[test]
fn live_the_download_carries_no_credential_and_an_expired_link_is_refreshed_once() {
    let (runtime, heygen) = stand_in();
    heygen.expire_next_downloads(1);
    let dir = tempdir();
    let target = dir.join("v.mp4");
    let out = live(
        &runtime,
        &heygen,
        &[
            "--avatar-id",
            "a1",
            "--script",
            "Hi",
            "--out",
            target.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "stdout:\n{}\nstderr:\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("mode: live"));
    assert_eq!(std::fs::read(&target).expect("the video"), SAMPLE_MP4);
    let seen = heygen.requests();
    let downloads: Vec<_> = seen.iter().filter(|r| r.origin == Origin::Files).collect();
    assert_eq!(
        downloads.iter().map(|r| r.status).collect::<Vec<_>>(),
        [403, 200],
        "one refused link, one fresh one"
    );
    assert_ne!(downloads[0].target, downloads[1].target);
    for download in &downloads {
        for name in ["x-api-key", "authorization"] {
            assert_eq!(download.header(name), None, "{name} sent to the file host");
        }
    }
    // Every API call carried the key.
    assert!(seen
        .iter()
        .filter(|r| r.origin == Origin::Api)
        .all(|r| r.header("x-api-key") == Some("live-key")));
}

#[test]
fn live_a_failed_render_is_one_line_with_its_code_and_exit_1() {
    let (runtime, heygen) = stand_in();
    heygen.fail_next_render("avatar_unavailable", "The avatar was removed.");
    heygen.render_times(RenderTimes {
        processing: std::time::Duration::from_millis(200),
        ..RenderTimes::default()
    });
    let dir = tempdir();
    let out = live(
        &runtime,
        &heygen,
        &[
            "--avatar-id",
            "a1",
            "--out",
            dir.join("v.mp4").to_str().unwrap(),
        ],
    );
    assert_one_line_failure(
        &out,
        1,
        "failed: avatar_unavailable (The avatar was removed.)",
    );
}

#[test]
fn live_an_image_is_uploaded_and_the_video_made_from_it() {
    let (runtime, heygen) = stand_in();
    let dir = tempdir();
    let image = dir.join("face.png");
    std::fs::write(&image, b"\x89PNG\r\n\x1a\nnot really a picture").unwrap();
    let out = live(
        &runtime,
        &heygen,
        &[
            "--image",
            image.to_str().unwrap(),
            "--out",
            dir.join("v.mp4").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "stderr:\n{}", text(&out.stderr));
    let seen = heygen.requests();
    let upload = seen
        .iter()
        .find(|r| r.target == "/v3/assets")
        .expect("upload");
    assert!(upload
        .header("content-type")
        .is_some_and(|t| t.starts_with("multipart/form-data")));
    let create = seen
        .iter()
        .find(|r| r.target == "/v3/videos")
        .expect("create");
    let body: serde_json::Value = serde_json::from_slice(&create.body).unwrap();
    assert_eq!(body["type"], "image");
    assert_eq!(body["image"]["type"], "asset_id");
}

#[test]
fn bad_input_is_one_line_and_exit_2_before_anything_is_sent() {
    let (runtime, heygen) = stand_in();
    let dir = tempdir();
    let out = live(&runtime, &heygen, &[]);
    assert_one_line_failure(&out, 2, "live mode needs --avatar-id ID or --image PATH");
    let missing = dir.join("missing.png");
    let out = live(&runtime, &heygen, &["--image", missing.to_str().unwrap()]);
    assert_one_line_failure(&out, 2, "--image");
    let unwritable = dir.join("no-such-dir").join("v.mp4");
    let out = live(
        &runtime,
        &heygen,
        &["--avatar-id", "a1", "--out", unwritable.to_str().unwrap()],
    );
    assert_one_line_failure(&out, 2, "--out");
    let out = live(&runtime, &heygen, &["--avatar-id"]);
    assert_one_line_failure(&out, 2, "--avatar-id needs a value");
    let out = live(&runtime, &heygen, &["--frobnicate"]);
    assert_one_line_failure(&out, 2, "unknown argument");
    assert!(heygen.requests().is_empty(), "{:?}", heygen.requests());
}

#[test]
fn help_explains_the_flags() {
    let out = quickstart().arg("--help").output().expect("run quickstart");
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    for flag in [
        "--avatar-id",
        "--voice-id",
        "--script",
        "--image",
        "--out",
        "HEYGEN_API_KEY",
    ] {
        assert!(stdout.contains(flag), "{flag} missing from:\n{stdout}");
    }
}

#[test]
fn a_malformed_base_url_is_one_line_and_exit_2() {
    let out = quickstart()
        .env("HEYGEN_BASE_URL", "not a url")
        .output()
        .expect("run quickstart");
    assert_one_line_failure(&out, 2, "HEYGEN_BASE_URL");
    let out = quickstart()
        .env("HEYGEN_API_KEY", "k")
        .env("HEYGEN_BASE_URL", "ftp://example.com")
        .args(["--avatar-id", "a1"])
        .output()
        .expect("run quickstart");
    assert_one_line_failure(&out, 2, "HEYGEN_BASE_URL");
}

#[test]
fn an_empty_key_is_one_line_and_exit_2() {
    let out = quickstart()
        .env("HEYGEN_API_KEY", "")
        .args(["--avatar-id", "a1"])
        .output()
        .expect("run quickstart");
    assert_one_line_failure(&out, 2, "API key is empty");
}

/// A fresh directory under the target dir, removed when the test ends.
fn tempdir() -> TempDir {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("heygen-quickstart-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    TempDir(dir)
}

struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
