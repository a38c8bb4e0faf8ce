//! What generating a client costs: load and normalise (`from_value`), then
//! `generate`, for the vendored spec and synthetic HeyGen-style specs of
//! 100, 300 and 1000 operations.
//!
//! `cargo bench -p heygen-api-gen --bench generate` prints a table and writes
//! `target/bench-summary/generate.json`. `BENCH_RUNS=n` sets the runs per
//! size (default 5); sizes are interleaved round by round so that noise from
//! other work on the machine spreads over all of them. `BENCH_SIZES=100,1000`
//! picks the synthetic sizes (default 100,300,1000).

use std::path::{Path, PathBuf};
use std::time::Instant;

use heygen_api_gen::synthetic::synthetic_spec;
use serde_json::json;

#[path = "../../heygen-api/benches/common/mod.rs"]
mod common;
use common::{machine, write_summary};

struct Case {
    name: String,
    operations: usize,
    /// The vendored file, loaded from disk each run; otherwise synthetic.
    file: Option<PathBuf>,
    normalise_ms: Vec<f64>,
    generate_ms: Vec<f64>,
    total_ms: Vec<f64>,
    code_bytes: usize,
    code_lines: usize,
    mock_bytes: usize,
    types: usize,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let vendored = Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/heygen-api.yaml");
    let mut cases = vec![Case::new("vendored", 0, Some(vendored))];
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![100, 300, 1000]);
    for n in sizes {
        cases.push(Case::new(&format!("synthetic-{n}"), n, None));
    }

    // One warm-up pass (page faults, lazy statics), not recorded.
    for case in &mut cases {
        case.run(false)?;
    }
    for _ in 0..runs {
        for case in &mut cases {
            case.run(true)?;
        }
    }

    println!();
    println!("generator cost (median of {runs} runs; optimised build of heygen-api-gen)");
    println!(
        "{:<15} {:>5} {:>6} {:>12} {:>12} {:>10} {:>9} {:>11} {:>9}",
        "spec",
        "ops",
        "types",
        "normalise ms",
        "generate ms",
        "total ms",
        "ms/op",
        "code bytes",
        "lines"
    );
    let mut rows = Vec::new();
    for case in &cases {
        let total = median(&case.total_ms);
        let per_op = total / case.operations as f64;
        println!(
            "{:<15} {:>5} {:>6} {:>12.1} {:>12.1} {:>10.1} {:>9.3} {:>11} {:>9}",
            case.name,
            case.operations,
            case.types,
            median(&case.normalise_ms),
            median(&case.generate_ms),
            total,
            per_op,
            case.code_bytes,
            case.code_lines
        );
        rows.push(json!({
            "spec": case.name,
            "operations": case.operations,
            "types": case.types,
            "runs": case.total_ms.len(),
            "normalise_ms_median": median(&case.normalise_ms),
            "generate_ms_median": median(&case.generate_ms),
            "total_ms_median": total,
            "total_ms_all": case.total_ms,
            "ms_per_operation": per_op,
            "code_bytes": case.code_bytes,
            "code_lines": case.code_lines,
            "mock_bytes": case.mock_bytes,
        }));
    }

    // Growth: how the cost per operation moves between sizes. 1.0 means
    // linear; the exponent k in time ∝ n^k says the same over the range.
    let synthetic: Vec<&Case> = cases.iter().filter(|c| c.file.is_none()).collect();
    let mut growth = Vec::new();
    println!();
    println!(
        "{:<28} {:>14} {:>14} {:>9}",
        "growth", "per-op ratio", "time ratio", "exponent"
    );
    let ends = [synthetic[0], synthetic[synthetic.len() - 1]];
    let end_to_end = if synthetic.len() > 2 {
        Some(&ends[..])
    } else {
        None
    };
    for pair in synthetic.windows(2).chain(end_to_end) {
        let (a, b) = (pair[0], pair[1]);
        let (ta, tb) = (median(&a.total_ms), median(&b.total_ms));
        let size_ratio = b.operations as f64 / a.operations as f64;
        let time_ratio = tb / ta;
        let per_op_ratio = time_ratio / size_ratio;
        let exponent = time_ratio.ln() / size_ratio.ln();
        let label = format!("{} -> {} ops", a.operations, b.operations);
        println!("{label:<28} {per_op_ratio:>14.2} {time_ratio:>14.2} {exponent:>9.2}");
        growth.push(json!({
            "from_operations": a.operations,
            "to_operations": b.operations,
            "time_ratio": time_ratio,
            "per_operation_ratio": per_op_ratio,
            "exponent": exponent,
        }));
    }
    let largest = synthetic[synthetic.len() - 1];
    let largest_ms = median(&largest.total_ms);
    let target_ok = largest_ms < 3000.0;
    println!();
    println!(
        "target: {} operations under 3000 ms -> {:.0} ms ({})",
        largest.operations,
        largest_ms,
        if target_ok { "met" } else { "MISSED" }
    );

    let summary = json!({
        "bench": "generate",
        "profile": if cfg!(debug_assertions) { "debug" } else { "optimised" },
        "runs": runs,
        "machine": machine(),
        "cases": rows,
        "growth": growth,
        "target_1000_ops_under_3s": target_ok,
    });
    let path = write_summary("generate", &summary)?;
    println!("summary written to {}", path.display());
    Ok(())
}

impl Case {
    fn new(name: &str, operations: usize, file: Option<PathBuf>) -> Case {
        Case {
            name: name.into(),
            operations,
            file,
            normalise_ms: Vec::new(),
            generate_ms: Vec::new(),
            total_ms: Vec::new(),
            code_bytes: 0,
            code_lines: 0,
            mock_bytes: 0,
            types: 0,
        }
    }

    fn run(&mut self, record: bool) -> Result<(), Box<dyn std::error::Error>> {
        let (spec, normalise_ms) = match &self.file {
            Some(path) => {
                let started = Instant::now();
                let spec = heygen_api_gen::load_file(path)?;
                (spec, ms(started))
            }
            None => {
                // Building the synthetic document is not part of the cost.
                let raw = synthetic_spec(self.operations);
                let started = Instant::now();
                let spec = heygen_api_gen::from_value(raw, &self.name)?;
                (spec, ms(started))
            }
        };
        let started = Instant::now();
        let generated = heygen_api_gen::generate(&spec, &heygen_api_gen::Options::default())?;
        let generate_ms = ms(started);
        self.operations = generated.operations();
        self.types = generated.types();
        self.code_bytes = generated.code.len();
        self.code_lines = generated.code.lines().count();
        self.mock_bytes = generated.mocks.len();
        if record {
            self.normalise_ms.push(normalise_ms);
            self.generate_ms.push(generate_ms);
            self.total_ms.push(normalise_ms + generate_ms);
        }
        Ok(())
    }
}

fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}
