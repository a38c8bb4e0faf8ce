//! Generates two clients against heygen-api's runtime: the full-size fixture
//! in HeyGen's style, and the edge-case fixture.

use std::path::{Path, PathBuf};

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let options = heygen_api_gen::Options {
        runtime: "::heygen_api::runtime".into(),
        mocks: true,
    };
    for (spec, file) in [
        ("full-3.1.yaml", "client.rs"),
        ("edge-3.1.yaml", "edge.rs"),
        ("retry-3.1.yaml", "retry.rs"),
    ] {
        let spec = Path::new("../tests/fixtures").join(spec);
        println!("cargo:rerun-if-changed={}", spec.display());
        let generated = heygen_api_gen::load_file(&spec)
            .and_then(|s| heygen_api_gen::generate(&s, &options))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(out.join(file), generated.code).expect("write generated client");
        if file == "client.rs" {
            std::fs::write(out.join("mocks.rs"), generated.mocks).expect("write generated mocks");
        }
    }
}
