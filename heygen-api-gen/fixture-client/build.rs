use std::path::{Path, PathBuf};

fn main() {
    let spec = Path::new("../tests/fixtures/full-3.1.yaml");
    println!("cargo:rerun-if-changed={}", spec.display());
    let options = heygen_api_gen::Options { runtime: "::heygen_api::runtime".into() };
    let generated = heygen_api_gen::load_file(spec)
        .and_then(|s| heygen_api_gen::generate(&s, &options))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("client.rs"), generated.code).expect("write client.rs");
}
