//! What a user pays to build on this crate, next to what they would pay for
//! async-openai or for plain reqwest: three hello-world binaries, each built
//! clean in a target directory of its own, in one run, in debug and in
//! release.
//!
//! - `heygen`: `heygen-api` (this workspace's, by path) with a full-size
//!   HeyGen-style document (`BENCH_SPEC`, default
//!   `heygen-api-gen/tests/fixtures/full-3.1.yaml`, fed to its `build.rs`
//!   through `HEYGEN_API_SPEC`), resolved from the workspace's `Cargo.lock`;
//! - `async-openai`: the newest release crates.io has, with its `full`
//!   feature (its whole API; the default features have no client);
//! - `reqwest`: reqwest (rustls), serde_json and tokio, as a client written
//!   by hand would start.
//!
//! For each build: CPU seconds (user + system of cargo and everything it
//! ran, from GNU time), wall seconds, the peak resident set of the largest
//! process, and how many crates were compiled; then the ratios heygen ÷
//! async-openai. Then the recompile of the `heygen` binary after its spec
//! changes, and the lines and bytes of the generated client.
//!
//! `cargo bench -p heygen-api-gen --features tooling --bench side_by_side`
//! (about 15 minutes on 2 cores; crates.io must be reachable for the first
//! run). Writes `target/bench-summary/side_by_side.json`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::{json, Value};

#[path = "../../heygen-api/benches/common/mod.rs"]
mod common;
use common::{machine, write_summary};

/// One clean build.
struct Build {
    cpu_s: f64,
    wall_s: f64,
    peak_rss_mib: f64,
    crates: usize,
}

impl Build {
    fn json(&self) -> Value {
        json!({
            "cpu_s": round(self.cpu_s),
            "wall_s": round(self.wall_s),
            "peak_rss_mib": round(self.peak_rss_mib),
            "crates": self.crates,
        })
    }
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A hello-world crate named `name` in `dir`, depending on `deps`, whose
/// `main` is `main`.
fn hello(dir: &Path, name: &str, deps: &str, main: &str) -> std::io::Result<PathBuf> {
    let root = dir.join(name);
    std::fs::create_dir_all(root.join("src"))?;
    std::fs::write(
        root.join("Cargo.toml"),
        format!(
            "[package]\nname = \"hello-{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{deps}\n\n[workspace]\n"
        ),
    )?;
    std::fs::write(root.join("src/main.rs"), main)?;
    Ok(root)
}

/// `cargo build` of the crate at `root`, clean, in `target`, under GNU time.
fn build(
    root: &Path,
    target: &Path,
    release: bool,
    env: &[(&str, &Path)],
) -> Result<Build, Box<dyn std::error::Error>> {
    let _ = std::fs::remove_dir_all(target);
    let times = target.with_extension("time");
    let log = target.with_extension("log");
    let mut command = Command::new("/usr/bin/time");
    command
        .arg("-f")
        .arg("%U %S %e %M")
        .arg("-o")
        .arg(&times)
        .arg(env!("CARGO"))
        .arg("build")
        .arg("--target-dir")
        .arg(target)
        .args(release.then_some("--release"))
        .current_dir(root)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR")
        .env("CARGO_INCREMENTAL", "0");
    for (k, v) in env {
        command.env(k, v);
    }
    let started = Instant::now();
    let output = command.output()?;
    let wall = started.elapsed().as_secs_f64();
    std::fs::write(&log, &output.stderr)?;
    if !output.status.success() {
        return Err(format!(
            "{}: cargo build failed (log: {})",
            root.display(),
            log.display()
        )
        .into());
    }
    let line = std::fs::read_to_string(&times)?
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    let fields: Vec<f64> = line
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    let [user, system, _elapsed, kib] = fields[..] else {
        return Err(format!("GNU time wrote `{line}`").into());
    };
    let crates = String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|l| l.trim_start().starts_with("Compiling "))
        .count();
    Ok(Build {
        cpu_s: user + system,
        wall_s: wall,
        peak_rss_mib: kib / 1024.0,
        crates,
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if !Path::new("/usr/bin/time").exists() {
        return Err(
            "this bench needs GNU time at /usr/bin/time (Debian: apt-get install time)".into(),
        );
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()?;
    let spec = match std::env::var_os("BENCH_SPEC") {
        Some(path) => PathBuf::from(path).canonicalize()?,
        None => workspace.join("heygen-api-gen/tests/fixtures/full-3.1.yaml"),
    };
    let exe = std::env::current_exe()?;
    let bench_root = exe
        .ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"))
        .join("bench-side-by-side");
    std::fs::create_dir_all(&bench_root)?;

    let heygen = hello(
        &bench_root,
        "heygen",
        &format!(
            "heygen-api = {{ path = {:?} }}",
            workspace.join("heygen-api").display().to_string()
        ),
        "fn main() {\n    let client = heygen_api::Client::builder().api_key(\"k\").build().unwrap();\n    println!(\"{}\", client.base_url());\n}\n",
    )?;
    // The versions this repository is tested with, not the newest.
    std::fs::copy(workspace.join("Cargo.lock"), heygen.join("Cargo.lock"))?;
    let openai = hello(
        &bench_root,
        "async-openai",
        // Its whole API, as the heygen binary has HeyGen's whole document
        // (its default features have no client at all).
        "async-openai = { version = \"*\", features = [\"full\"] }",
        "fn main() {\n    let client = async_openai::Client::new();\n    std::hint::black_box(&client);\n    println!(\"ok\");\n}\n",
    )?;
    let plain = hello(
        &bench_root,
        "reqwest",
        "reqwest = { version = \"0.13\", default-features = false, features = [\"json\", \"rustls\"] }\nserde_json = \"1\"\ntokio = { version = \"1\", features = [\"rt-multi-thread\", \"macros\"] }",
        "#[tokio::main]\nasync fn main() {\n    let client = reqwest::Client::new();\n    println!(\"{:?}\", client);\n    println!(\"{}\", serde_json::json!({\"ok\": true}));\n}\n",
    )?;

    let env: Vec<(&str, &Path)> = vec![("HEYGEN_API_SPEC", spec.as_path())];
    let mut results = serde_json::Map::new();
    println!(
        "side by side: hello-world binaries built clean, each in its own target dir ({}):",
        spec.display()
    );
    println!("profile  binary          CPU s   wall s  peak RSS MiB  crates");
    for release in [false, true] {
        let profile = if release { "release" } else { "debug" };
        let mut row = serde_json::Map::new();
        for (name, root, env) in [
            ("heygen", &heygen, &env[..]),
            ("async-openai", &openai, &[][..]),
            ("reqwest", &plain, &[][..]),
        ] {
            let target = bench_root.join(format!("target-{name}-{profile}"));
            let b = build(root, &target, release, env)?;
            println!(
                "{profile:<8} {name:<14} {:>6.1}  {:>7.1}  {:>12.0}  {:>6}",
                b.cpu_s, b.wall_s, b.peak_rss_mib, b.crates
            );
            row.insert(name.to_string(), b.json());
        }
        let ratio = |field: &str| {
            let h = row["heygen"][field].as_f64().unwrap_or(0.0);
            let o = row["async-openai"][field].as_f64().unwrap_or(1.0);
            // Through text: two decimals, without a float's tail.
            format!("{:.2}", h / o).parse::<f64>().unwrap_or(0.0)
        };
        let ratios = json!({
            "cpu": ratio("cpu_s"),
            "wall": ratio("wall_s"),
            "peak_rss": ratio("peak_rss_mib"),
        });
        let shown = |k: &str| format!("{:.2}", ratios[k].as_f64().unwrap_or(0.0));
        println!(
            "{profile:<8} heygen / async-openai: CPU {}, wall {}, peak RSS {}",
            shown("cpu"),
            shown("wall"),
            shown("peak_rss")
        );
        row.insert("heygen_over_async_openai".into(), ratios);
        results.insert(profile.into(), Value::Object(row));
    }

    // The recompile a user waits for when the spec changes: the debug
    // target of `heygen` is kept; touching the spec reruns the build script
    // and recompiles heygen-api and the binary.
    let target = bench_root.join("target-heygen-debug");
    let copy = bench_root.join("spec-copy.yaml");
    std::fs::copy(&spec, &copy)?;
    let env_copy: Vec<(&str, &Path)> = vec![("HEYGEN_API_SPEC", copy.as_path())];
    // First against the copy, so that the change below is the only one.
    let mut command = Command::new(env!("CARGO"));
    command
        .args(["build", "--quiet", "--target-dir"])
        .arg(&target)
        .current_dir(&heygen)
        .env("HEYGEN_API_SPEC", &copy)
        .env("CARGO_INCREMENTAL", "0");
    command.status()?;
    let mut text = std::fs::read_to_string(&copy)?;
    text.push_str("\n# changed\n");
    std::fs::write(&copy, text)?;
    let started = Instant::now();
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--target-dir"])
        .arg(&target)
        .current_dir(&heygen)
        .envs(env_copy.iter().map(|(k, v)| (*k, *v)))
        .env("CARGO_INCREMENTAL", "0")
        .status()?;
    if !status.success() {
        return Err("the recompile failed".into());
    }
    let recompile = started.elapsed().as_secs_f64();
    println!("recompile of heygen after a spec change (debug): {recompile:.1} s wall");

    // The generated client.
    let generated = std::fs::read_dir(target.join("debug/build"))?
        .filter_map(Result::ok)
        .map(|e| e.path().join("out/heygen_api.rs"))
        .filter(|p| p.is_file())
        .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    let (lines, bytes) = match &generated {
        Some(path) => {
            let code = std::fs::read_to_string(path)?;
            (code.lines().count(), code.len())
        }
        None => (0, 0),
    };
    println!("generated client: {lines} lines, {bytes} bytes");

    let summary = json!({
        "machine": machine(),
        "spec": spec.display().to_string(),
        "builds": results,
        "recompile_after_spec_change_s": round(recompile),
        "generated": {"lines": lines, "bytes": bytes},
    });
    let path = write_summary("side_by_side", &summary)?;
    println!("summary written to {}", path.display());
    Ok(())
}
