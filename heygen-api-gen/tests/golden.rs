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
        // Every `send` goes through the runtime's `operation` (or, for request
        // code that cannot run twice, its `send`).
        assert!(
            seam_items.contains("operation") || seam_items.contains("send"),
            "{golden}: {seam_items:?}"
        );
    }
}

/// The items of `progenitor_client` that generated code may name: the other
/// half of the seam. A progenitor upgrade that starts naming something new
/// fails here, and the runtime (`heygen-api/src/runtime`) is checked for
/// what that item means before it is added; one that drops an item fails to
/// compile `heygen-api`.
const PROGENITOR_CLIENT_ITEMS: &[&str] = &[
    // Re-exported at the crate root, as progenitor always does.
    "ByteStream",
    "ClientInfo",
    "Error",
    "ResponseValue",
    // The hooks trait the generated `Client` implements, and its argument.
    "ClientHooks",
    "OperationInfo",
    // `.form_urlencoded()` and query encoding on request builders.
    "RequestBuilderExt",
    "QueryParam",
];

#[test]
fn generated_code_names_only_the_listed_progenitor_client_items() {
    for (_, golden) in CASES {
        let code = std::fs::read_to_string(dir().join(golden)).expect("golden file");
        let file = syn::parse_file(&code).expect("golden parses");
        let named = progenitor_client_items(&file);
        assert!(named.contains("Error"), "{golden}: {named:?}");
        let unlisted: Vec<&String> = named
            .iter()
            .filter(|n| !PROGENITOR_CLIENT_ITEMS.contains(&n.as_str()))
            .collect();
        assert!(
            unlisted.is_empty(),
            "{golden} names progenitor_client items outside the seam: {unlisted:?}"
        );
    }
}

/// Every item named as `progenitor_client::X`, in paths and in `use` trees.
fn progenitor_client_items(file: &syn::File) -> std::collections::BTreeSet<String> {
    struct Walk(std::collections::BTreeSet<String>);
    fn use_tree(tree: &syn::UseTree, under: bool, out: &mut std::collections::BTreeSet<String>) {
        match tree {
            syn::UseTree::Path(p) => {
                if under {
                    out.insert(p.ident.to_string());
                }
                use_tree(&p.tree, p.ident == "progenitor_client", out);
            }
            syn::UseTree::Name(n) if under => {
                out.insert(n.ident.to_string());
            }
            syn::UseTree::Rename(r) if under => {
                out.insert(r.ident.to_string());
            }
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| use_tree(t, under, out)),
            syn::UseTree::Glob(_) if under => {
                out.insert("*".to_string());
            }
            _ => {}
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Walk {
        fn visit_path(&mut self, path: &'ast syn::Path) {
            let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            for pair in segments.windows(2) {
                if pair[0] == "progenitor_client" {
                    self.0.insert(pair[1].clone());
                }
            }
            syn::visit::visit_path(self, path);
        }
        fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
            use_tree(&item.tree, false, &mut self.0);
        }
    }
    let mut walk = Walk(Default::default());
    syn::visit::Visit::visit_file(&mut walk, file);
    walk.0
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
