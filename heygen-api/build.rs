//! Generates the client from the vendored spec. All logic lives in
//! `heygen-api-gen`, which `cargo xtask` uses too.

use std::path::PathBuf;

fn main() {
    // `HEYGEN_API_SPEC` lets `cargo xtask` check that a candidate document
    // compiles before it is vendored; users never set it.
    println!("cargo:rerun-if-env-changed=HEYGEN_API_SPEC");
    let spec_path = match std::env::var_os("HEYGEN_API_SPEC") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from("openapi/heygen-api.yaml"),
    };
    println!("cargo:rerun-if-changed={}", spec_path.display());

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let generated = heygen_api_gen::load_file(&spec_path).and_then(|spec| {
        let options = heygen_api_gen::Options {
            // Mocks only when the `mock` feature is on: they cost as much again.
            mocks: std::env::var_os("CARGO_FEATURE_MOCK").is_some(),
            tags: chosen_tags(&spec),
            ..heygen_api_gen::Options::default()
        };
        heygen_api_gen::generate(&spec, &options)
    });
    let generated = match generated {
        Ok(g) => g,
        Err(e) => {
            build_print::error!("cannot generate the HeyGen client: {e}");
            std::process::exit(1);
        }
    };
    for (name, text) in [
        ("heygen_api.rs", &generated.code),
        ("heygen_api_mock.rs", &generated.mocks),
    ] {
        if let Err(e) = std::fs::write(out_dir.join(name), text) {
            build_print::error!("cannot write {name} to OUT_DIR: {e}");
            std::process::exit(1);
        }
    }
    // Left-out operations and mended mistakes, each with its location; the
    // committed surface snapshot records the skipped operations too.
    for w in &generated.warnings {
        build_print::warn!("heygen-api: {w}");
    }
    build_print::info!(
        "heygen-api: generated {} operations and {} types from {} in {} ms",
        generated.operations(),
        generated.types(),
        spec_path.display(),
        generated.millis
    );
}

/// The tags whose `ops-*` features are on, or `None` for every operation
/// (the default `all-operations` feature). A feature that names no tag of
/// the spec stops the build: it would silently generate nothing.
fn chosen_tags(spec: &heygen_api_gen::Spec) -> Option<std::collections::BTreeSet<String>> {
    if std::env::var_os("CARGO_FEATURE_ALL_OPERATIONS").is_some() {
        return None;
    }
    let env_name =
        |feature: &str| format!("CARGO_FEATURE_{}", feature.to_uppercase().replace('-', "_"));
    let groups = heygen_api_gen::operation_groups(spec);
    let known: Vec<String> = groups.iter().map(|g| env_name(&g.feature)).collect();
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("CARGO_FEATURE_OPS_") && !known.iter().any(|k| *k == name) {
            let features: Vec<&str> = groups.iter().map(|g| g.feature.as_str()).collect();
            build_print::error!(
                "heygen-api: the feature `{}` names no tag of {}; its operation groups are: {}",
                name["CARGO_FEATURE_".len()..]
                    .to_lowercase()
                    .replace('_', "-"),
                spec.origin,
                features.join(", ")
            );
            std::process::exit(1);
        }
    }
    let tags = groups
        .into_iter()
        .filter(|g| std::env::var_os(env_name(&g.feature)).is_some())
        .flat_map(|g| g.tags)
        .collect();
    Some(tags)
}
