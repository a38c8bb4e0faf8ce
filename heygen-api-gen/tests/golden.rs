//! Golden files: the client generated for small fixtures, committed, so a
//! change to the generator, or an upgrade of progenitor or typify, shows up
//! as a diff a reviewer reads instead of a surprise in users' builds.
//!
//! `GOLDEN_UPDATE=1 cargo test -p heygen-api-gen --test golden` rewrites
//! them after a change you meant; review the diff before committing.

use std::path::{Path, PathBuf};

/// Fixtures small enough to read whole: the vendored document (HeyGen's four published pages), and one
/// operation of each retry class.
const CASES: &[(&str, &str)] = &[
    ("../openapi/heygen-api.yaml", "vendored.rs"),
    ("tests/fixtures/retry-3.1.yaml", "retry.rs"),
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

#[test]
fn generated_code_matches_the_golden_files() {
    let update = std::env::var_os("GOLDEN_UPDATE").is_some();
    let mut stale = Vec::new();
    for (spec, golden) in CASES {
        let spec_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(spec);
        let spec = heygen_api_gen::load_file(&spec_path).expect("fixture loads");
        let generated = heygen_api_gen::generate(&spec, &heygen_api_gen::Options::default())
            .expect("generates");
        let path = dir().join(golden);
        if update {
            std::fs::create_dir_all(dir()).expect("golden dir");
            std::fs::write(&path, &generated.code).expect("write golden");
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != generated.code {
            let first = committed
                .lines()
                .zip(generated.code.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| {
                    committed
                        .lines()
                        .count()
                        .min(generated.code.lines().count())
                });
            stale.push(format!(
                "{}: differs from line {} (committed {} lines, generated {})",
                path.display(),
                first + 1,
                committed.lines().count(),
                generated.code.lines().count()
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "generated code changed; if you meant it, run `GOLDEN_UPDATE=1 cargo test -p heygen-api-gen --test golden` and review the diff:\n{}",
        stale.join("\n")
    );
}

#[test]
fn generated_code_names_the_runtime_only_through_its_seam() {
    // Every path into `runtime` goes through `runtime::__private`, which
    // lists what generated code may use (`heygen-api/src/runtime/mod.rs`).
    for (_, golden) in CASES {
        let code = std::fs::read_to_string(dir().join(golden)).expect("golden file");
        let file = syn::parse_file(&code).expect("golden parses");
        let mut after_runtime = std::collections::BTreeSet::new();
        let mut seam_items = std::collections::BTreeSet::new();
        collect_runtime_paths(&file, &mut after_runtime, &mut seam_items);
        assert_eq!(
            after_runtime.iter().collect::<Vec<_>>(),
            ["__private"],
            "{golden} names runtime items outside the seam"
        );
        assert!(seam_items.contains("send"), "{golden}: {seam_items:?}");
    }
}

/// The segment after each `runtime` in a path, and the item after each
/// `__private`.
fn collect_runtime_paths(
    file: &syn::File,
    after_runtime: &mut std::collections::BTreeSet<String>,
    seam_items: &mut std::collections::BTreeSet<String>,
) {
    struct Walk<'a>(
        &'a mut std::collections::BTreeSet<String>,
        &'a mut std::collections::BTreeSet<String>,
    );
    impl<'ast> syn::visit::Visit<'ast> for Walk<'_> {
        fn visit_path(&mut self, path: &'ast syn::Path) {
            let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            for pair in segments.windows(2) {
                if pair[0] == "runtime" {
                    self.0.insert(pair[1].clone());
                }
                if pair[0] == "__private" {
                    self.1.insert(pair[1].clone());
                }
            }
            syn::visit::visit_path(self, path);
        }
    }
    syn::visit::Visit::visit_file(&mut Walk(after_runtime, seam_items), file);
}
