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
    // What the compiler rejected in this document's client, recorded beside
    // it by `cargo xtask update-spec`: left out or read loosely here too,
    // without running the compiler.
    let verdict_path = spec_path.with_extension("skip");
    println!("cargo:rerun-if-changed={}", verdict_path.display());
    let verdict = match std::fs::read_to_string(&verdict_path) {
        Ok(text) => match heygen_api_gen::Verdict::parse(&text) {
            Ok(verdict) => verdict,
            Err(why) => {
                build_print::error!("heygen-api: {}: {why}", verdict_path.display());
                std::process::exit(1);
            }
        },
        Err(_) => heygen_api_gen::Verdict::default(),
    };
    // For `cargo xtask`'s tests of that verdict: a candidate document's
    // client made not to compile. Read only for a candidate.
    println!("cargo:rerun-if-env-changed=HEYGEN_API_GEN_BREAK_SCHEMAS");
    let break_schemas: Vec<String> = match std::env::var("HEYGEN_API_GEN_BREAK_SCHEMAS") {
        Ok(names) if std::env::var_os("HEYGEN_API_SPEC").is_some() => {
            names.split(',').map(str::to_string).collect()
        }
        _ => Vec::new(),
    };

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let generated = heygen_api_gen::load_file(&spec_path).and_then(|spec| {
        let options = heygen_api_gen::Options {
            // Mocks only when the `mock` feature is on: they cost as much again.
            mocks: std::env::var_os("CARGO_FEATURE_MOCK").is_some(),
            tags: match heygen_api_gen::tags_for_features(&spec, &features_on()) {
                Ok(tags) => tags,
                Err(why) => {
                    build_print::error!("heygen-api: {why}");
                    std::process::exit(1);
                }
            },
            verdict,
            break_schemas,
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
    // The hand-written video workflow (`src/videos.rs`) is built on Get
    // Video: compiled only when the client has it, whatever the document
    // and the operation groups.
    println!("cargo::rustc-check-cfg=cfg(heygen_get_video)");
    let has_get_video = generated
        .surface
        .operations
        .iter()
        .any(|op| op.ends_with("-> get_video_v3"))
        && generated
            .surface
            .types
            .iter()
            .any(|t| t.starts_with("struct VideoDetail "));
    if has_get_video {
        println!("cargo::rustc-cfg=heygen_get_video");
    }
    for (name, text) in [
        ("heygen_api.rs", &generated.code),
        ("heygen_api_mock.rs", &generated.mocks),
    ] {
        if let Err(e) = std::fs::write(out_dir.join(name), text) {
            build_print::error!("cannot write {name} to OUT_DIR: {e}");
            std::process::exit(1);
        }
    }
    // Left-out operations, each with its location (the committed surface
    // snapshot records them too): they change what a user can call. Mended
    // mistakes in HeyGen's document change nothing a user sees, and a
    // document the size of HeyGen's has dozens: one line counts them, and
    // `cargo xtask update-spec` lists them where the document is vendored.
    let (skipped, mended): (Vec<_>, Vec<_>) = generated.warnings.iter().partition(|w| w.skipped);
    for w in &skipped {
        build_print::warn!("heygen-api: {w}");
    }
    if !mended.is_empty() {
        build_print::info!(
            "heygen-api: {} parts of the document were read as their one obvious meaning (listed by `cargo xtask update-spec`)",
            mended.len()
        );
    }
    build_print::info!(
        "heygen-api: generated {} operations and {} types from {} in {} ms",
        generated.operations(),
        generated.types(),
        spec_path.display(),
        generated.millis
    );
}

/// The cargo features that are on, by their names in `Cargo.toml` (cargo
/// gives a build script `CARGO_FEATURE_OPS_VIDEO_AGENT` for
/// `ops-video-agent`; the names this crate uses hold no `_`).
fn features_on() -> std::collections::BTreeSet<String> {
    std::env::vars_os()
        .filter_map(|(name, _)| {
            let name = name.to_str()?.strip_prefix("CARGO_FEATURE_")?.to_owned();
            Some(name.to_lowercase().replace('_', "-"))
        })
        .collect()
}
