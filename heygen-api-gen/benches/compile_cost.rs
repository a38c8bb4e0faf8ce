//! What a user pays to compile the client, as the document grows: for
//! synthetic HeyGen-style documents of 100, 300 and 1000 operations, the
//! generated lines, the time of `cargo build -p heygen-api` (the crate
//! alone: its dependencies are built once, beforehand) and the peak memory
//! of that build.
//!
//! `cargo bench -p heygen-api-gen --bench compile_cost`. It builds in its own
//! target directory (`<target>/bench-compile`, kept between runs), feeding
//! each document to `heygen-api`'s `build.rs` through `HEYGEN_API_SPEC`.
//! Peak memory is GNU time's maximum resident set of the build's processes
//! (the largest `rustc`), so `/usr/bin/time` must exist. `BENCH_SIZES`
//! picks the sizes (default `100,300,1000`).
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
        .current_dir(workspace)
        .env("HEYGEN_API_SPEC", spec)
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
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![100, 300, 1000]);

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
    let summary = json!({
        "machine": machine(),
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
