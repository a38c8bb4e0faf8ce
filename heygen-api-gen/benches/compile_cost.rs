//! What a user pays to compile the client, as the document grows: for
//! synthetic HeyGen-style documents of 100, 300 and 1000 operations, the
//! generated lines, the time of `cargo build -p heygen-api` (the crate
//! alone: its dependencies are built once, beforehand) and the peak memory
//! of that build.
//!
//! Then the recompile of `heygen-api` alone for one document
//! (`BENCH_RECOMPILE`, default the 88-operation fixture
//! `heygen-api-gen/tests/fixtures/full-3.1.yaml`): what a user waits for once
//! the spec changes, without incremental compilation, with and without the
//! `schemars` feature, median of `BENCH_RECOMPILE_RUNS` (3) builds; and with
//! only two of its operation groups (`BENCH_RECOMPILE_TAGS`, default
//! `Renders,Voices`), as a user who turns off default features and picks
//! their `ops-*` features compiles it. (The fixture's tags have no features in
//! `heygen-api/Cargo.toml`, so that build is fed the document those
//! features generate from, `heygen_api_gen::only_tags`.)
//!
//! `cargo bench -p heygen-api-gen --features tooling --bench compile_cost`. It builds in its own
//! target directory (`<target>/bench-compile`, kept between runs), feeding
//! each document to `heygen-api`'s `build.rs` through `HEYGEN_API_SPEC`.
//! Peak memory is GNU time's maximum resident set of the build's processes
//! (the largest `rustc`), so `/usr/bin/time` must exist. `BENCH_SIZES`
//! picks the sizes (default `100,300,1000`; `none` for the recompile alone).
//!
//! Prints a table and writes `target/bench-summary/compile_cost.json`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use heygen_api_gen::synthetic::synthetic_spec;
use serde_json::json;

#[path = "../../heygen-api/benches/common/mod.rs"]
mod common;
use common::{machine, write_summary};

struct Build {
    seconds: f64,
    peak_rss_mib: f64,
}

/// `cargo build -p heygen-api` with `spec`, timed, under GNU time.
fn build(
    workspace: &Path,
    target: &Path,
    spec: &Path,
) -> Result<Build, Box<dyn std::error::Error>> {
    build_with(workspace, target, spec, &[], true)
}

fn build_with(
    workspace: &Path,
    target: &Path,
    spec: &Path,
    features: &[&str],
    incremental: bool,
) -> Result<Build, Box<dyn std::error::Error>> {
    let rss_file = target.join("peak-rss");
    let started = Instant::now();
    let status = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&rss_file)
        .arg(env!("CARGO"))
        .args(["build", "--quiet", "-p", "heygen-api", "--target-dir"])
        .arg(target)
        .arg(format!("--features={}", features.join(",")))
        .current_dir(workspace)
        .env("HEYGEN_API_SPEC", spec)
        .env("CARGO_INCREMENTAL", if incremental { "1" } else { "0" })
        .status()?;
    let seconds = started.elapsed().as_secs_f64();
    if !status.success() {
        return Err(format!("cargo build with {} failed", spec.display()).into());
    }
    let kib: f64 = std::fs::read_to_string(&rss_file)?
        .lines()
        .filter_map(|l| l.trim().parse::<f64>().ok())
        .next_back()
        .ok_or("GNU time wrote no peak RSS")?;
    Ok(Build {
        seconds,
        peak_rss_mib: kib / 1024.0,
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if !Path::new("/usr/bin/time").exists() {
        return Err(
            "this bench needs GNU time at /usr/bin/time (Debian: apt-get install time)".into(),
        );
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let exe = std::env::current_exe()?;
    let target_root = exe
        .ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"));
    let target = target_root.join("bench-compile");
    std::fs::create_dir_all(&target)?;
    // `BENCH_SIZES=none` measures the recompile alone.
    let sizes: Vec<usize> = match std::env::var("BENCH_SIZES") {
        Ok(v) if v.trim() == "none" => Vec::new(),
        v => v
            .ok()
            .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .filter(|v: &Vec<usize>| !v.is_empty())
            .unwrap_or_else(|| vec![100, 300, 1000]),
    };

    // Dependencies first, with the vendored spec: not part of any figure.
    let vendored = workspace.join("openapi/heygen-api.yaml");
    eprintln!("compile_cost: building dependencies once");
    build(&workspace, &target, &vendored)?;

    let mut rows = Vec::new();
    for &n in &sizes {
        let doc = synthetic_spec(n);
        let spec_path = target.join(format!("synthetic-{n}.json"));
        std::fs::write(&spec_path, serde_json::to_vec(&doc)?)?;
        let spec = heygen_api_gen::from_value(doc, &format!("synthetic-{n}"))?;
        let generated = heygen_api_gen::generate(&spec, &heygen_api_gen::Options::default())?;
        let lines = generated.code.lines().count();
        eprintln!("compile_cost: {n} operations, {lines} generated lines: building");
        let b = build(&workspace, &target, &spec_path)?;
        rows.push((n, lines, generated.types(), b));
    }
    let recompiles = recompile(&workspace, &target)?;
    // Leave the bench's target as it found the vendored spec.
    build(&workspace, &target, &vendored)?;

    println!("\n| operations | types | generated lines | build s | peak RSS MiB | s per 100 ops |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for (n, lines, types, b) in &rows {
        println!(
            "| {n} | {types} | {lines} | {:.1} | {:.0} | {:.2} |",
            b.seconds,
            b.peak_rss_mib,
            b.seconds / *n as f64 * 100.0
        );
    }
    // Growth exponent between the smallest and largest size: 1.0 is linear.
    let exponent = match (rows.first(), rows.last()) {
        (Some(a), Some(z)) if z.0 > a.0 => {
            Some((z.3.seconds / a.3.seconds).ln() / (z.0 as f64 / a.0 as f64).ln())
        }
        _ => None,
    };
    if let Some(e) = exponent {
        println!("\nbuild time grows as operations^{e:.2} (1.00 is linear)");
    }
    println!("\n| recompile of heygen-api | generated lines | features | build s (median) | peak RSS MiB |");
    println!("|---|---:|---|---:|---:|");
    for r in &recompiles {
        println!(
            "| {} | {} | {} | {:.1} | {:.0} |",
            r.spec, r.lines, r.features, r.seconds, r.peak_rss_mib
        );
    }
    let summary = json!({
        "machine": machine(),
        "recompile": recompiles.iter().map(|r| json!({
            "spec": r.spec, "generated_lines": r.lines, "features": r.features,
            "build_seconds_median": r.seconds, "peak_rss_mib": r.peak_rss_mib,
        })).collect::<Vec<_>>(),
        "rows": rows.iter().map(|(n, lines, types, b)| json!({
            "operations": n, "types": types, "generated_lines": lines,
            "build_seconds": b.seconds, "peak_rss_mib": b.peak_rss_mib,
        })).collect::<Vec<_>>(),
        "time_growth_exponent": exponent,
    });
    let path = write_summary("compile_cost", &summary)?;
    eprintln!("compile_cost: summary in {}", path.display());
    Ok(())
}

struct Recompile {
    spec: String,
    lines: usize,
    features: String,
    seconds: f64,
    peak_rss_mib: f64,
}

/// Rebuilds `heygen-api` alone, as after a change of the spec: the build
/// script has run, the crate is compiled again from scratch.
fn recompile(
    workspace: &Path,
    target: &Path,
) -> Result<Vec<Recompile>, Box<dyn std::error::Error>> {
    let spec = std::env::var_os("BENCH_RECOMPILE")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace.join("heygen-api-gen/tests/fixtures/full-3.1.yaml"));
    let runs: usize = std::env::var("BENCH_RECOMPILE_RUNS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(3);
    let loaded = heygen_api_gen::load_file(&spec)?;
    let lines = heygen_api_gen::generate(&loaded, &heygen_api_gen::Options::default())?
        .code
        .lines()
        .count();
    let tags: std::collections::BTreeSet<String> = std::env::var("BENCH_RECOMPILE_TAGS")
        .unwrap_or_else(|_| "Renders,Voices".into())
        .split(',')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let subset = heygen_api_gen::only_tags(&loaded.normalised, &tags);
    let subset_spec = target.join("subset.json");
    std::fs::write(&subset_spec, serde_json::to_vec(&subset)?)?;
    let subset_lines = heygen_api_gen::generate(
        &heygen_api_gen::load_file(&subset_spec)?,
        &heygen_api_gen::Options::default(),
    )?
    .code
    .lines()
    .count();
    let tag_list: Vec<&str> = tags.iter().map(String::as_str).collect();
    let subset_label = format!("only tags {}", tag_list.join(", "));
    let touched = workspace.join("heygen-api/src/lib.rs");
    let mut out = Vec::new();
    for (spec, lines, features, label) in [
        (&spec, lines, &[][..], "default".to_string()),
        (&spec, lines, &["schemars"][..], "schemars".to_string()),
        (&subset_spec, subset_lines, &[][..], subset_label),
    ] {
        eprintln!(
            "compile_cost: recompiling with {} ({label})",
            spec.display()
        );
        build_with(workspace, target, spec, features, false)?;
        let mut builds = Vec::new();
        for _ in 0..runs {
            // A new modification time: cargo compiles the crate again; the
            // build script, which depends only on the spec, does not run.
            let file = std::fs::File::options().append(true).open(&touched)?;
            file.set_modified(std::time::SystemTime::now())?;
            builds.push(build_with(workspace, target, spec, features, false)?);
        }
        builds.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
        let median = &builds[builds.len() / 2];
        out.push(Recompile {
            spec: spec
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            lines,
            features: label,
            seconds: median.seconds,
            peak_rss_mib: median.peak_rss_mib,
        });
    }
    Ok(out)
}
