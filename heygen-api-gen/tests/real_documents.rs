//! Documents as real authors write them: HeyGen's published pages, and the
//! mistakes and constructs seen in other real OpenAPI documents. Each case
//! is a small invented document under `tests/fixtures/real/`; each either
//! generates (and the fixture client compiles it) or is skipped with a
//! warning that names where.

use std::path::{Path, PathBuf};

use heygen_api_gen::{generate, load, merge, Generated, Options, Spec, Warning};

fn real(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name)
}

/// A directory of pages, merged as `cargo xtask update-spec --from DIR` does.
fn pages(dir: &Path) -> Spec {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let docs: Vec<(String, serde_json::Value)> = files
        .iter()
        .map(|f| {
            let origin = f.display().to_string();
            let text = std::fs::read_to_string(f).unwrap();
            let block = load::extract_from_page(&text, &origin).unwrap();
            (
                origin.clone(),
                load::parse_document(&block, &origin).unwrap(),
            )
        })
        .collect();
    let merged = merge::merge_documents(&docs).unwrap();
    heygen_api_gen::from_value(merged, &dir.display().to_string()).unwrap()
}

fn gen(spec: &Spec) -> Generated {
    generate(spec, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn with_reason<'a>(warnings: &'a [Warning], needle: &str) -> Vec<&'a Warning> {
    warnings
        .iter()
        .filter(|w| w.reason.contains(needle))
        .collect()
}

#[test]
fn heygen_pages_with_ref_object_mappings_generate() {
    let spec = pages(&real("heygen-pages"));
    let g = gen(&spec);
    let notes = with_reason(&g.warnings, "mapping value written as `{$ref");
    assert_eq!(notes.len(), 5, "{:#?}", g.warnings);
    let colour = notes
        .iter()
        .find(|w| w.pointer.ends_with("/discriminator/mapping/colour"))
        .expect("the colour mapping is noted");
    assert_eq!(
        colour.pointer,
        "/components/schemas/MakeClipRequest/properties/backdrop/discriminator/mapping/colour"
    );
    assert!(
        colour
            .to_string()
            .contains("heygen-pages: at /components/schemas/MakeClipRequest"),
        "{colour}"
    );
    assert_eq!(g.operations(), 4, "{:#?}", g.surface.operations);
    let source = g
        .surface
        .types
        .iter()
        .find(|t| t.starts_with("enum MakeClipRequestSource "))
        .expect("the union is an enum");
    assert!(source.contains("(tag \"kind\")"), "{source}");
}

fn constructs() -> &'static Generated {
    static G: std::sync::OnceLock<Generated> = std::sync::OnceLock::new();
    G.get_or_init(|| {
        let spec = heygen_api_gen::load_file(&real("constructs-3.1.yaml")).unwrap_or_else(|e| panic!("{e}"));
        gen(&spec)
    })
}

#[test]
fn dump_constructs() {
    let g = constructs();
    for w in &g.warnings {
        eprintln!("W {w}");
    }
    for l in g.surface.render().lines() {
        eprintln!("S {l}");
    }
    std::fs::write("/tmp/i12-constructs.rs", &g.code).unwrap();
}
