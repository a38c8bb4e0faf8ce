//! `cargo xtask` end to end: the real binary against temporary copies of the
//! repository layout (`--root`), and a local HTTP server on 127.0.0.1 for
//! downloads.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const SPEC: &str = "openapi/heygen-api.yaml";
const LOCK: &str = "openapi/heygen-api.lock";
const SURFACE: &str = "openapi/heygen-api.surface";
const VERDICT: &str = "openapi/heygen-api.skip";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> String {
    manifest_dir()
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// HeyGen's four published pages, as `shared/` beside the repository
/// holds them: the input the committed `openapi/` was vendored from.
fn heygen_pages() -> String {
    let dir = manifest_dir().join("../../shared/heygen-pages");
    assert!(
        dir.is_dir(),
        "{} is missing: these tests need the shared folder beside the repository",
        dir.display()
    );
    dir.display().to_string()
}

fn committed(file: &str) -> Vec<u8> {
    std::fs::read(manifest_dir().join("..").join(file)).unwrap()
}

/// A temporary repository root with an `openapi/` directory.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    /// Nothing vendored yet.
    fn empty() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("openapi")).unwrap();
        Repo { dir }
    }

    /// A copy of the committed spec, lock, surface snapshot and verdict.
    fn committed() -> Repo {
        let repo = Repo::empty();
        for file in [SPEC, LOCK, SURFACE, VERDICT] {
            std::fs::write(repo.path().join(file), committed(file)).unwrap();
        }
        repo
    }

    /// With the client crate's manifest as committed, whose `ops-*`
    /// features `update-spec` writes and `drift` checks.
    fn with_manifest(self) -> Repo {
        let manifest = self.path().join("heygen-api/Cargo.toml");
        std::fs::create_dir_all(manifest.parent().unwrap()).unwrap();
        std::fs::write(&manifest, committed("heygen-api/Cargo.toml")).unwrap();
        self
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn read(&self, file: &str) -> Vec<u8> {
        std::fs::read(self.path().join(file)).unwrap()
    }

    fn read_str(&self, file: &str) -> String {
        String::from_utf8(self.read(file)).unwrap()
    }

    /// Every file under `openapi/` (temporary files included) and its bytes.
    fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        for entry in std::fs::read_dir(self.path().join("openapi")).unwrap() {
            let entry = entry.unwrap();
            out.insert(
                entry.file_name().to_string_lossy().into_owned(),
                std::fs::read(entry.path()).unwrap(),
            );
        }
        out
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        // Compiling the candidate client takes a minute: only the test of
        // that check runs it (`run_checked`).
        let mut args = args.to_vec();
        if args.first() == Some(&"update-spec") {
            args.push("--no-build-check");
        }
        self.run_checked(&args, env)
    }

    fn run_checked(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_xtask"));
        cmd.arg("--root").arg(self.path()).args(args);
        cmd.env_remove("HEYGEN_OPENAPI_URL")
            .env_remove("XTASK_FAIL_AFTER_STAGING")
            .env_remove("XTASK_FAIL_AT_RENAME");
        for (k, v) in env {
            cmd.env(k, v);
        }
        Run(cmd.output().unwrap())
    }
}

struct Run(Output);

impl Run {
    fn ok(&self) -> bool {
        self.0.status.success()
    }
    fn code(&self) -> Option<i32> {
        self.0.status.code()
    }
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    fn show(&self) -> String {
        format!(
            "exit {:?}\n--- stdout\n{}--- stderr\n{}",
            self.code(),
            self.stdout(),
            self.stderr()
        )
    }
    #[track_caller]
    fn assert_ok(&self) -> &Self {
        assert!(self.ok(), "expected success:\n{}", self.show());
        self
    }
    /// Failed with exit 1 and an `error:` line containing `needle`.
    #[track_caller]
    fn assert_error(&self, needle: &str) -> &Self {
        assert_eq!(self.code(), Some(1), "expected exit 1:\n{}", self.show());
        let line = self
            .stderr()
            .lines()
            .find(|l| l.starts_with("error: "))
            .map(String::from);
        let line = line.unwrap_or_else(|| panic!("expected an `error:` line:\n{}", self.show()));
        assert!(
            line.contains(needle),
            "expected `{needle}` in the error:\n{}",
            self.show()
        );
        self
    }
}

/// Serves `responses` in order, one per connection, on 127.0.0.1; gives up
/// after ten seconds. Returns the base URL.
fn serve(responses: Vec<(u16, Vec<u8>)>) -> (String, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let handle = std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut responses = responses.into_iter();
        let Some(mut next) = responses.next() else {
            return;
        };
        while Instant::now() < deadline {
            let Ok((mut stream, _)) = listener.accept() else {
                std::thread::sleep(Duration::from_millis(10));
                continue;
            };
            stream.set_nonblocking(false).unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut request = Vec::new();
            let mut buf = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let (status, body) = &next;
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
            let _ = stream.flush();
            match responses.next() {
                Some(r) => next = r,
                None => return,
            }
        }
    });
    (url, handle)
}

// ---------------------------------------------------------------- update-spec

#[test]
fn vendor_from_heygen_pages_reproduces_the_committed_files() {
    let repo = Repo::empty();
    repo.run(&["update-spec", "--from", &heygen_pages()])
        .assert_ok();
    assert!(
        repo.read(SPEC) == committed(SPEC),
        "the vendored spec differs from the committed one"
    );
    assert_eq!(
        repo.read_str(SURFACE),
        String::from_utf8(committed(SURFACE)).unwrap()
    );
    // The lock too: it records the pages as published, not where they were
    // read from.
    assert_eq!(
        repo.read_str(LOCK),
        String::from_utf8(committed(LOCK)).unwrap()
    );
}

#[test]
fn rerun_with_the_same_input_changes_nothing() {
    let repo = Repo::committed();
    let first = repo.run(&["update-spec", "--from", &heygen_pages()]);
    first.assert_ok();
    assert!(
        first.stdout().contains("no API changes"),
        "{}",
        first.show()
    );
    assert!(repo.read(SPEC) == committed(SPEC) && repo.read(SURFACE) == committed(SURFACE));
    let before = repo.snapshot();
    let run = repo.run(&["update-spec", "--from", &heygen_pages()]);
    run.assert_ok();
    assert!(run.stdout().contains("no API changes"), "{}", run.show());
    assert!(run.stdout().contains("nothing written"), "{}", run.show());
    assert!(
        repo.snapshot() == before,
        "a re-run changed the vendored files"
    );
}

#[test]
fn vendor_from_a_json_openapi_3_1_file() {
    let repo = Repo::empty();
    let run = repo.run(&["update-spec", "--from", &fixture("openapi-3.1.json")]);
    run.assert_ok();
    assert!(
        run.stderr().contains("generated 2 operations"),
        "{}",
        run.show()
    );
    let spec = repo.read_str(SPEC);
    assert!(
        spec.starts_with("components:\n"),
        "not canonical YAML:\n{spec}"
    );
    assert!(spec.contains("\nopenapi: 3.1.0\n"), "{spec}");
    let surface = repo.read_str(SURFACE);
    assert!(
        surface.contains("op GET /v3/voices listVoices -> list_voices\n"),
        "{surface}"
    );
    assert!(
        surface.contains("op DELETE /v3/voices/{voice_id} deleteVoice -> delete_voice\n"),
        "{surface}"
    );
    assert!(repo.read_str(LOCK).contains("openapi = \"3.1.0\""));
    // The canonical form is a fixed point, and the result is drift-free.
    let again = repo.run(&["update-spec", "--from", &fixture("openapi-3.1.json")]);
    again.assert_ok();
    assert!(
        again.stdout().contains("nothing written"),
        "{}",
        again.show()
    );
    repo.run(&["drift"]).assert_ok();
}

#[test]
fn vendor_merges_a_directory_of_pages() {
    // From the seed alone, so that the changelog shows what the pages add.
    let repo = Repo::empty();
    repo.run(&["update-spec", "--from", &fixture("seed-page.txt")])
        .assert_ok();
    let run = repo.run(&["update-spec", "--from", &fixture("pages")]);
    run.assert_ok();
    assert!(
        run.stderr().contains("merging 2 documents"),
        "{}",
        run.show()
    );
    // The changelog against the committed (seed) document.
    assert!(
        run.stdout()
            .contains("compatible GET /v3/videos/{video_id}: operation `getVideo` added"),
        "{}",
        run.show()
    );
    let surface = repo.read_str(SURFACE);
    assert!(
        surface.contains("op GET /v3/videos/{video_id} getVideo -> get_video\n"),
        "{surface}"
    );
    assert!(
        surface.contains("op POST /v3/video-agents/{session_id}/stop stopVideoAgentSession"),
        "{surface}"
    );
    assert!(surface.contains("struct VideoDetail {"), "{surface}");
    // The lock records the pages as HeyGen publishes them, not the folder
    // they were saved in (nor the source of the document it replaced).
    let lock = repo.read_str(LOCK);
    assert!(
        lock.contains("source = \"https://developers.heygen.com/reference/\"\n"),
        "{lock}"
    );
    assert!(
        lock.contains(
            "pages = [\"https://developers.heygen.com/reference/get-video.md\",\"https://developers.heygen.com/reference/stop-video-agent-session.md\"]\n"
        ),
        "{lock}"
    );
    assert!(!lock.contains("fixtures"), "{lock}");
    let spec = repo.read_str(SPEC);
    assert!(
        spec.contains("    Videos") || spec.contains("name: Videos"),
        "tags not merged:\n{spec}"
    );
    repo.run(&["drift"]).assert_ok();
}

#[test]
fn the_operation_group_features_follow_the_document_and_drift_checks_them() {
    const MANIFEST: &str = "heygen-api/Cargo.toml";
    let repo = Repo::committed().with_manifest();
    repo.run(&["drift"]).assert_ok();
    repo.run(&["update-spec", "--from", &fixture("pages")])
        .assert_ok();
    let manifest = repo.read_str(MANIFEST);
    let groups = "# BEGIN operation groups\n\
        ## `Video Agent`: 1 operation.\nops-video-agent = []\n\
        ## `Videos`: 1 operation.\nops-videos = []\n\
        # END operation groups\n";
    assert!(manifest.contains(groups), "{manifest}");
    // Nothing else in the manifest changed.
    let committed_text = String::from_utf8(committed(MANIFEST)).unwrap();
    let outside = |t: &str| {
        let (head, rest) = t.split_once("# BEGIN operation groups").unwrap();
        let (_, tail) = rest.split_once("# END operation groups").unwrap();
        format!("{head}{tail}")
    };
    assert_eq!(outside(&manifest), outside(&committed_text));
    repo.run(&["drift"]).assert_ok();

    // A group removed by hand is drift.
    let edited = manifest.replace("ops-videos = []\n", "");
    std::fs::write(repo.path().join(MANIFEST), edited).unwrap();
    let run = repo.run(&["drift"]);
    run.assert_error("operation-group features differ");
    assert!(
        run.stdout().contains("ops-video-agent, ops-videos"),
        "{}",
        run.show()
    );
}

#[test]
fn pages_that_disagree_are_an_error_naming_both() {
    let repo = Repo::committed();
    let before = repo.snapshot();
    let run = repo.run(&["update-spec", "--from", &fixture("pages-conflict")]);
    run.assert_error("documents disagree on schema `StandardAPIError`");
    run.assert_error("a-stop-video-agent-session.md");
    run.assert_error("b-get-video.md");
    assert!(repo.snapshot() == before, "the vendored files changed");
}

#[test]
fn bad_inputs_leave_the_vendored_files_byte_identical() {
    let cases = [
        (
            "bad/not-utf8.yaml",
            "expected UTF-8 text; invalid byte at offset",
        ),
        ("bad/no-yaml-block.md", "found none"),
        ("bad/invalid.yaml", "not valid YAML"),
        ("bad/swagger-2.yaml", "found a Swagger 2 document"),
        (
            "bad/openapi-4.yaml",
            "expected OpenAPI version 3.0.x or 3.1.x, found `4.0.0`",
        ),
        (
            "bad/dangling-ref.yaml",
            "dangling reference `#/components/schemas/Missing`",
        ),
        (
            "bad/duplicate-operation-id.yaml",
            "at /paths/~1v1~1b/get/operationId: operationId `getThing` gives the client method `get_thing`, which GET /v1/a has already",
        ),
        ("does-not-exist.yaml", "cannot read"),
    ];
    let repo = Repo::committed();
    let before = repo.snapshot();
    for (file, needle) in cases {
        let run = repo.run(&["update-spec", "--from", &fixture(file)]);
        run.assert_error(needle);
        assert!(
            run.stderr().contains(file.trim_start_matches("bad/")),
            "the error should name {file}:\n{}",
            run.show()
        );
        assert!(
            repo.snapshot() == before,
            "{file}: the vendored files changed"
        );
    }
}

#[test]
fn a_failure_after_staging_leaves_the_files_and_no_temporary_files() {
    let repo = Repo::committed();
    let before = repo.snapshot();
    let run = repo.run_env(
        &["update-spec", "--from", &fixture("pages")],
        &[("XTASK_FAIL_AFTER_STAGING", "1")],
    );
    run.assert_error("stopping after staging");
    assert!(
        repo.snapshot() == before,
        "files changed or temporary files were left: {:?}",
        repo.snapshot().keys()
    );
    // Without the hook the same command goes through.
    repo.run(&["update-spec", "--from", &fixture("pages")])
        .assert_ok();
    assert!(repo.snapshot() != before);
    assert_eq!(repo.snapshot().len(), 4, "{:?}", repo.snapshot().keys());
}

#[test]
fn a_rename_that_fails_midway_puts_every_file_back() {
    // Three files, three renames: a failure at the second leaves one file
    // already replaced unless it is put back.
    for n in ["1", "2", "3"] {
        let repo = Repo::committed();
        let before = repo.snapshot();
        let run = repo.run_env(
            &["update-spec", "--from", &fixture("pages")],
            &[("XTASK_FAIL_AT_RENAME", n)],
        );
        run.assert_error("the previous files were put back");
        assert!(
            repo.snapshot() == before,
            "rename {n} failed: files changed or were left behind: {:?}",
            repo.snapshot().keys()
        );
    }
}

#[test]
fn a_run_killed_between_renames_is_rolled_back_by_the_next() {
    let repo = Repo::committed();
    let before = repo.snapshot();
    let run = repo.run_env(
        &["update-spec", "--from", &fixture("pages")],
        &[("XTASK_FAIL_AT_RENAME", "2:exit")],
    );
    assert_eq!(run.code(), Some(3), "{}", run.show());
    // Half done: the spec is new, the lock is old, and the journal says so.
    assert_ne!(repo.read(SPEC), before["heygen-api.yaml"]);
    assert_eq!(repo.read(LOCK), before["heygen-api.lock"]);
    assert!(repo.snapshot().contains_key(".update-spec.journal"));
    // The next run, even one that fails on its input, undoes it first.
    repo.run(&["update-spec", "--from", &fixture("bad/invalid.yaml")])
        .assert_error("not valid YAML");
    assert!(
        repo.snapshot() == before,
        "not rolled back: {:?}",
        repo.snapshot().keys()
    );
}

/// `update-spec` (`--check-build` is the default now, and still accepted)
/// runs `$CARGO check -p heygen-api` with the candidate
/// document in `HEYGEN_API_SPEC`. A stand-in for cargo records what it was
/// given and passes or fails on demand: compiling the real client here
/// would take minutes.
#[cfg(unix)]
#[test]
fn check_build_compiles_the_candidate_and_a_failure_writes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let repo = Repo::committed();
    let before = repo.snapshot();
    let fake = repo.path().join("fake-cargo");
    std::fs::write(
        &fake,
        "#!/bin/sh\nd=$(dirname \"$0\")\necho \"$@\" > \"$d/cargo-args\"\ncp \"$HEYGEN_API_SPEC\" \"$d/cargo-saw.yaml\"\nexit \"$FAKE_CARGO_EXIT\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let fake = fake.display().to_string();
    let args = ["update-spec", "--from", &fixture("pages"), "--check-build"];

    repo.run_checked(&args, &[("CARGO", &fake), ("FAKE_CARGO_EXIT", "1")])
        .assert_error("does not compile");
    assert!(repo.snapshot() == before, "the vendored files changed");
    let given = std::fs::read_to_string(repo.path().join("cargo-args")).unwrap();
    assert!(given.contains("check --package heygen-api"), "{given}");

    repo.run_checked(&args, &[("CARGO", &fake), ("FAKE_CARGO_EXIT", "0")])
        .assert_ok();
    // What was compiled is exactly what got vendored.
    assert_eq!(
        std::fs::read(repo.path().join("cargo-saw.yaml")).unwrap(),
        repo.read(SPEC)
    );
    assert_ne!(repo.read(SPEC), before["heygen-api.yaml"]);
}

#[test]
fn refreshing_from_the_vendored_file_keeps_the_recorded_source() {
    let repo = Repo::committed();
    let lock_before = repo.read_str(LOCK);
    // A stale snapshot, as after a generator change.
    std::fs::write(repo.path().join(SURFACE), "# old\n").unwrap();
    let spec = repo.path().join(SPEC).display().to_string();
    repo.run(&["update-spec", "--from", &spec]).assert_ok();
    assert_eq!(repo.read(SURFACE), committed(SURFACE));
    assert_eq!(repo.read_str(LOCK), lock_before);
}

// ------------------------------------------------------------------ downloads

#[test]
fn downloads_from_a_url_and_records_it() {
    let body = std::fs::read(fixture("openapi-3.1.json")).unwrap();
    let (base, server) = serve(vec![(200, body)]);
    let url = format!("{base}/openapi.json");
    let repo = Repo::empty();
    let run = repo.run(&["update-spec", "--from", &url]);
    run.assert_ok();
    assert!(
        run.stderr().contains(&format!("downloading {url}")),
        "{}",
        run.show()
    );
    assert!(
        repo.read_str(LOCK).contains(&format!("source = \"{url}\"")),
        "{}",
        repo.read_str(LOCK)
    );
    server.join().unwrap();
}

#[test]
fn downloads_from_the_environment_url_without_from() {
    let body = std::fs::read(fixture("seed-page.txt")).unwrap();
    let (base, server) = serve(vec![(200, body)]);
    let url = format!("{base}/stop-video-agent-session.md");
    let repo = Repo::empty();
    repo.run_env(&["update-spec"], &[("HEYGEN_OPENAPI_URL", &url)])
        .assert_ok();
    assert!(repo
        .read_str(SPEC)
        .contains("operationId: stopVideoAgentSession"));
    assert!(repo.read_str(LOCK).contains(&format!("source = \"{url}\"")));
    server.join().unwrap();
}

#[test]
fn download_failures_leave_the_vendored_files_byte_identical() {
    let repo = Repo::committed();
    let before = repo.snapshot();

    let (base, server) = serve(vec![
        (404, b"{\"error\": \"no\"}".to_vec()),
        (500, b"oops".to_vec()),
    ]);
    repo.run(&["update-spec", "--from", &format!("{base}/missing.json")])
        .assert_error("HTTP 404");
    repo.run(&["update-spec", "--from", &format!("{base}/broken.json")])
        .assert_error("HTTP 500");
    server.join().unwrap();

    let (base, server) = serve(vec![(200, vec![b'{', 0xff, 0xfe, b'}'])]);
    repo.run(&["update-spec", "--from", &format!("{base}/binary")])
        .assert_error("expected UTF-8 text");
    server.join().unwrap();

    let (base, server) = serve(vec![(200, b"# A page\n\nno spec here\n".to_vec())]);
    repo.run(&["update-spec", "--from", &format!("{base}/page.md")])
        .assert_error("found none");
    server.join().unwrap();

    // Nothing listens on a port that was just released.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    repo.run(&[
        "update-spec",
        "--from",
        &format!("http://127.0.0.1:{port}/openapi.json"),
    ])
    .assert_error("download failed");

    assert!(repo.snapshot() == before, "the vendored files changed");
}

// ---------------------------------------------------------------------- drift

#[test]
fn drift_is_one_line_when_everything_agrees() {
    let repo = Repo::committed();
    let run = repo.run(&["drift"]);
    run.assert_ok();
    assert_eq!(run.stdout().lines().count(), 1, "{}", run.show());
    assert!(run.stdout().starts_with("drift: none"), "{}", run.show());
}

#[test]
fn the_committed_repository_has_no_drift() {
    let run = Run(Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("drift")
        .output()
        .unwrap());
    run.assert_ok();
}

#[test]
fn drift_catches_a_hand_edit_of_the_spec() {
    let repo = Repo::committed();
    let spec = repo
        .read_str(SPEC)
        .replace("Halts an active agent run", "Stops an active agent run");
    assert_ne!(spec.as_bytes(), committed(SPEC), "the edit did not apply");
    std::fs::write(repo.path().join(SPEC), spec).unwrap();
    let run = repo.run(&["drift"]);
    run.assert_error("edited by hand");
    assert!(
        run.stdout().contains("does not match its lock"),
        "{}",
        run.show()
    );
}

#[test]
fn drift_catches_a_changed_surface_with_a_unified_diff() {
    let repo = Repo::committed();
    let surface = repo
        .read_str(SURFACE)
        .replace("session_id: String }", "session_id: u64 }");
    std::fs::write(repo.path().join(SURFACE), surface).unwrap();
    let run = repo.run(&["drift"]);
    run.assert_error("differs from the generated surface");
    let out = run.stdout();
    assert!(
        out.contains("--- openapi/heygen-api.surface (committed)"),
        "{out}"
    );
    assert!(
        out.contains("+++ openapi/heygen-api.surface (generated now)"),
        "{out}"
    );
    assert!(out.contains("@@"), "{out}");
    assert!(
        out.contains("-struct StopSessionResponse { session_id: u64 }"),
        "{out}"
    );
    assert!(
        out.contains("+struct StopSessionResponse { session_id: String }"),
        "{out}"
    );
}

#[test]
fn drift_against_upstream() {
    let repo = Repo::committed();
    let same = repo.run(&["drift", "--against", &heygen_pages()]);
    same.assert_ok();
    assert!(same.stdout().contains("and matches"), "{}", same.show());

    let other = repo.run(&["drift", "--against", &fixture("pages")]);
    other.assert_error("differs from the vendored document");
    assert!(
        other
            .stdout()
            .contains("operationId changed from `getVideoV3` to `getVideo`"),
        "{}",
        other.show()
    );

    let body = std::fs::read(fixture("openapi-3.1.json")).unwrap();
    let (base, server) = serve(vec![(200, body)]);
    let run = repo.run(&["drift", "--against", &format!("{base}/openapi.json")]);
    run.assert_error("(28 breaking changes)");
    assert!(run.stdout().contains("BREAKING   POST /v3/video-agents/{session_id}/stop: operation `stopVideoAgentSession` removed"), "{}", run.show());
    server.join().unwrap();
}

// ---------------------------------------------------------------- diff, expand

#[test]
fn diff_prints_the_changelog() {
    let repo = Repo::empty();
    let gen_fixtures = manifest_dir().join("../heygen-api-gen/tests/fixtures/diff");
    let old = gen_fixtures.join("request-old.yaml").display().to_string();
    let new = gen_fixtures.join("request-new.yaml").display().to_string();
    let run = repo.run(&["diff", &old, &new]);
    run.assert_ok();
    let out = run.stdout();
    assert!(out.starts_with("9 API changes (6 breaking):"), "{out}");
    assert!(
        out.contains(
            "BREAKING   CreateVideo.avatar_id (request): field `avatar_id` added (required)"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "compatible CreateVideo.background (request): field `background` added (optional)"
        ),
        "{out}"
    );

    let same = repo.run(&[
        "diff",
        &heygen_pages(),
        &manifest_dir().join("..").join(SPEC).display().to_string(),
    ]);
    same.assert_ok();
    assert_eq!(same.stdout(), "no API changes\n");

    repo.run(&[
        "diff",
        &fixture("seed-page.txt"),
        &fixture("bad/invalid.yaml"),
    ])
    .assert_error("not valid YAML");
}

#[test]
fn expand_writes_the_generated_client() {
    let repo = Repo::committed();
    let out = repo.path().join("out/client.rs");
    repo.run(&["expand", "--out", &out.display().to_string()])
        .assert_ok();
    let code = std::fs::read_to_string(&out).unwrap();
    assert!(code.contains("pub struct Client"), "{code}");
    assert!(code.contains("stop_video_agent_session"), "{code}");

    repo.run(&["expand"]).assert_ok();
    assert!(repo.path().join("target/heygen-api.expanded.rs").is_file());

    // Another document: what the benches count (`--spec`).
    let small = manifest_dir().join("../heygen-api-gen/tests/fixtures/small-3.0.yaml");
    let other = repo.path().join("out/small.rs");
    let run = repo.run(&[
        "expand",
        "--spec",
        &small.display().to_string(),
        "--out",
        &other.display().to_string(),
    ]);
    run.assert_ok();
    let code = std::fs::read_to_string(&other).unwrap();
    assert!(!code.contains("stop_video_agent_session"), "{code}");
    assert!(code.contains("pub struct Client"), "{code}");
    let lines = code.lines().count();
    assert!(
        run.stdout().contains(&format!("({lines} lines)")),
        "{}",
        run.show()
    );
}

#[test]
fn every_subcommand_has_help() {
    let repo = Repo::empty();
    for (args, needle) in [
        (vec!["--help"], "update-spec"),
        (vec!["update-spec", "--help"], "--from <URL|FILE|DIR>"),
        (vec!["drift", "--help"], "--against <URL|FILE|DIR>"),
        (vec!["diff", "--help"], "<OLD>"),
        (vec!["expand", "--help"], "--out <FILE>"),
    ] {
        let run = repo.run(&args);
        run.assert_ok();
        assert!(run.stdout().contains(needle), "{args:?}:\n{}", run.show());
    }
    let bad = repo.run(&["update-spec", "--frm", "x"]);
    assert_eq!(bad.code(), Some(2), "{}", bad.show());
}

#[test]
fn vendor_heygen_pages_with_ref_object_mappings() {
    // HeyGen's layout: one page per operation, each a whole document with
    // its own `components`; mapping values written as `{$ref: ...}`.
    let pages = manifest_dir().join("../heygen-api-gen/tests/fixtures/real/heygen-pages");
    let repo = Repo::committed();
    let run = repo.run(&["update-spec", "--from", &pages.display().to_string()]);
    run.assert_ok();
    assert!(
        run.stderr().contains("merging 4 documents"),
        "{}",
        run.show()
    );
    let note = run
        .stderr()
        .lines()
        .find(|l| l.contains("/MakeClipRequest/properties/source/discriminator/mapping/script"))
        .map(String::from)
        .unwrap_or_else(|| panic!("no note for the script mapping:\n{}", run.show()));
    // Named by the page it is on, not only by the directory.
    assert!(
        note.starts_with("warning: ")
            && note.contains("make-clip.md: at /components/schemas/MakeClipRequest"),
        "{note}"
    );
    assert!(
        note.contains("read as the string `#/components/schemas/ScriptSource`"),
        "{note}"
    );
    let surface = repo.read_str(SURFACE);
    for op in ["endStudioSession", "makeClip", "readClip", "sendMedia"] {
        assert!(
            surface.contains(&format!(" {op} -> ")),
            "{op} missing:\n{surface}"
        );
    }
    repo.run(&["drift"]).assert_ok();
}

fn real_fixture(name: &str) -> String {
    manifest_dir()
        .join("../heygen-api-gen/tests/fixtures/real")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn skipped_operations_are_warned_recorded_and_refused_with_strict() {
    let doc = real_fixture("constructs-3.1.yaml");
    let repo = Repo::committed();
    let before = repo.snapshot();
    let strict = repo.run(&["update-spec", "--from", &doc, "--strict"]);
    strict.assert_error("--strict vendors only documents without any");
    strict.assert_error("2 operations left out");
    assert!(
        repo.snapshot() == before,
        "--strict changed the vendored files"
    );

    let run = repo.run(&["update-spec", "--from", &doc]);
    run.assert_ok();
    let warned = run
        .stderr()
        .lines()
        .find(|l| l.contains("whoAmI"))
        .map(String::from)
        .unwrap_or_default();
    assert!(
        warned.starts_with("warning: ")
            && warned.contains(
                "at /paths/~1v1~1me/get/parameters/0: GET /v1/me (whoAmI): operation left out"
            ),
        "{}",
        run.show()
    );
    assert!(
        run.stderr()
            .contains("(2 operations left out of the client); see the warnings above"),
        "{}",
        run.show()
    );
    let surface = repo.read_str(SURFACE);
    assert!(
        surface
            .contains("\nskipped GET /v1/me whoAmI: operation left out: required cookie parameter"),
        "{surface}"
    );
    repo.run(&["drift"]).assert_ok();
}

#[test]
fn diff_shows_newly_skipped_operations() {
    let run = Repo::empty().run(&[
        "diff",
        &fixture("openapi-3.1.json"),
        &real_fixture("constructs-3.1.yaml"),
    ]);
    run.assert_ok();
    assert!(
        run.stdout()
            .contains("BREAKING   newly skipped GET /v1/orchard-feed orchardFeed: "),
        "{}",
        run.show()
    );
}

/// The compiler judges last: `update-spec` compiles the candidate client
/// for real, traces each error to the operation or schema it came from,
/// leaves the operation out and reads the schema as `serde_json::Value`,
/// compiles again, and vendors the result with the verdict recorded beside
/// the document, where `heygen-api`'s build script reads it.
#[test]
fn what_the_compiler_rejects_is_left_out_located_and_recorded() {
    // HeyGen's document (the hand-written workflow needs its Get Video),
    // with an operation whose method clashes with the client's own
    // constructor, and one schema broken by the generator's test hook.
    let repo = Repo::committed();
    let text = String::from_utf8(committed(SPEC)).unwrap().replacen(
        "\npaths:\n",
        "\npaths:\n  /v1/env:\n    get:\n      operationId: fromEnv\n      responses:\n        '200':\n          description: ok\n",
        1,
    );
    assert!(text.contains("fromEnv"));
    let doc = repo.path().join("judged.yaml");
    std::fs::write(&doc, text).unwrap();
    let run = repo.run_checked(
        &["update-spec", "--from", &doc.display().to_string()],
        &[("HEYGEN_API_GEN_BREAK_SCHEMAS", "StopSessionResponse")],
    );
    run.assert_ok();
    let stderr = run.stderr();
    for needle in [
        "the compiler rejected the code of operation GET /v1/env (fromEnv) at /paths/~1v1~1env/get",
        "the compiler rejected the code of schema /components/schemas/StopSessionResponse",
        "read as serde_json::Value",
        "left out",
    ] {
        assert!(
            stderr.contains(needle),
            "expected `{needle}`:\n{}",
            run.show()
        );
    }
    // Never a generated helper's name.
    for helper in ["send_raw", "fn from", "`from_env`"] {
        assert!(
            !stderr.contains(&format!("rejected the code of {helper}")),
            "{}",
            run.show()
        );
    }
    let verdict = repo.read_str(VERDICT);
    assert!(verdict.contains("\noperation fromEnv\n"), "{verdict}");
    assert!(
        verdict.contains("\nschema StopSessionResponse\n"),
        "{verdict}"
    );
    let surface = repo.read_str(SURFACE);
    assert!(surface.contains("skipped GET /v1/env fromEnv"), "{surface}");
    assert!(
        surface.contains("op GET /v3/videos/{video_id}"),
        "{surface}"
    );
    // Generated again from what was recorded, the client is the same.
    repo.run(&["drift"]).assert_ok();
}

/// Past its bound, or for an error no part of the document owns, the
/// judge refuses: nothing is written.
#[cfg(unix)]
#[test]
fn a_client_that_still_does_not_compile_is_refused_with_located_errors() {
    use std::os::unix::fs::PermissionsExt;
    let repo = Repo::committed();
    let before = repo.snapshot();
    let fake = repo.path().join("fake-cargo");
    // Every compilation fails, always in a generated type of the document.
    std::fs::write(
        &fake,
        "#!/bin/sh\nd=$(dirname \"$0\")\nf=\"$d/heygen_api.rs\"\nprintf 'pub mod types {\\n    pub struct StopSessionResponse {\\n        pub value: Nope,\\n    }\\n}\\n' > \"$f\"\necho \"$f:3:20: error[E0412]: cannot find type Nope in this scope\" >&2\nexit 1\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let doc = manifest_dir().join("..").join(SPEC);
    let run = repo.run_checked(
        &["update-spec", "--from", &doc.display().to_string()],
        &[("CARGO", &fake.display().to_string())],
    );
    assert_eq!(run.code(), Some(1), "{}", run.show());
    let last = run
        .stderr()
        .lines()
        .rev()
        .find(|l| l.starts_with("error: "))
        .map(String::from)
        .unwrap_or_default();
    for needle in [
        "does not compile",
        "schema /components/schemas/StopSessionResponse (cannot find type Nope in this scope)",
        "nothing was vendored",
    ] {
        assert!(
            last.contains(needle),
            "expected `{needle}`:\n{}",
            run.show()
        );
    }
    assert!(repo.snapshot() == before, "the vendored files changed");
}

/// Serves `pages` by request path on 127.0.0.1 until `expected` requests
/// were answered (or ten seconds passed); unknown paths are 404s. Returns the
/// base URL and the paths requested.
fn serve_paths(
    pages: impl Fn(&str) -> Option<Vec<u8>> + Send + 'static,
    expected: usize,
) -> (String, JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let handle = std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut seen = Vec::new();
        while Instant::now() < deadline && seen.len() < expected {
            let Ok((mut stream, _)) = listener.accept() else {
                std::thread::sleep(Duration::from_millis(5));
                continue;
            };
            stream.set_nonblocking(false).unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut request = Vec::new();
            let mut buf = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let head = String::from_utf8_lossy(&request);
            let path = head.split_whitespace().nth(1).unwrap_or("").to_string();
            let (status, body) = match pages(&path) {
                Some(body) => (200, body),
                None => (404, b"not here".to_vec()),
            };
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: text/markdown\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
            seen.push(path);
        }
        seen
    });
    (url, handle)
}

fn heygen_page(name: &str) -> Vec<u8> {
    std::fs::read(
        manifest_dir()
            .join("../heygen-api-gen/tests/fixtures/real/heygen-pages")
            .join(name),
    )
    .unwrap()
}

#[test]
fn vendors_the_pages_an_llms_txt_index_links_to() {
    let listener_port = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let base = listener_port.clone();
    let (url, server) = serve_paths(
        move |path| {
            let base = base.get().cloned().unwrap_or_default();
            Some(match path {
                "/llms.txt" => format!(
                    "# Lumen Studio\n\n## Docs\n\n- [Getting started]({base}/guides/start.md): read first\n\
                     - [End Studio Session]({base}/reference/end-studio-session.md)\n\
                     - [Make Clip](/reference/make-clip.md)\n\
                     - [Read Clip](reference/read-clip.md)\n\
                     - [Send Media]({base}/reference/send-media.md)\n\
                     - [Send Media again]({base}/reference/send-media.md)\n\
                     - [Dashboard](https://lumen.invalid/app)\n"
                )
                .into_bytes(),
                "/guides/start.md" => b"# Getting started\n\nNo API here.\n".to_vec(),
                "/reference/end-studio-session.md" => heygen_page("end-studio-session.md"),
                "/reference/make-clip.md" => heygen_page("make-clip.md"),
                "/reference/read-clip.md" => heygen_page("read-clip.md"),
                "/reference/send-media.md" => heygen_page("send-media.md"),
                _ => return None,
            })
        },
        6,
    );
    listener_port.set(url.clone()).unwrap();
    let repo = Repo::committed();
    let index = format!("{url}/llms.txt");
    let run = repo.run(&["update-spec", "--from", &index]);
    let seen = server.join().unwrap();
    run.assert_ok();
    assert!(
        run.stderr().contains("fetching 5 linked pages"),
        "{}",
        run.show()
    );
    assert!(run.stderr().contains("fetched 5/5 pages"), "{}", run.show());
    assert!(
        run.stderr()
            .contains("merging 4 pages with an OpenAPI block (1 without one skipped)"),
        "{}",
        run.show()
    );
    assert_eq!(seen.len(), 6, "{seen:?}");
    let surface = repo.read_str(SURFACE);
    for op in ["endStudioSession", "makeClip", "readClip", "sendMedia"] {
        assert!(
            surface.contains(&format!(" {op} -> ")),
            "{op} missing:\n{surface}"
        );
    }
    assert!(repo
        .read_str(LOCK)
        .contains(&format!("source = \"{index}\"")));
}

#[test]
fn an_index_page_that_cannot_be_fetched_vendors_nothing() {
    let port = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let base = port.clone();
    let (url, server) = serve_paths(
        move |path| match path {
            "/llms.txt" => Some(
                format!(
                    "- [Make Clip]({}/reference/make-clip.md)\n- [Gone](/reference/gone.md)\n",
                    base.get().cloned().unwrap_or_default()
                )
                .into_bytes(),
            ),
            "/reference/make-clip.md" => Some(heygen_page("make-clip.md")),
            _ => None,
        },
        3,
    );
    port.set(url.clone()).unwrap();
    let repo = Repo::committed();
    let before = repo.snapshot();
    let run = repo.run(&["update-spec", "--from", &format!("{url}/llms.txt")]);
    server.join().unwrap();
    run.assert_error(&format!(
        "GET {url}/reference/gone.md: the server answered HTTP 404"
    ));
    assert!(repo.snapshot() == before, "the vendored files changed");
}
