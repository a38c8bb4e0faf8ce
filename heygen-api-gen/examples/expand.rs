//! Debugging aid: `cargo run -p heygen-api-gen --example expand SPEC [--normalised]`.
fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: expand SPEC [--normalised|--mocks]");
    let normalised = std::env::args().any(|a| a == "--normalised");
    let mocks = std::env::args().any(|a| a == "--mocks");
    let spec = heygen_api_gen::load_file(std::path::Path::new(&path));
    let result = spec.and_then(|spec| {
        if normalised {
            Ok(serde_json::to_string_pretty(&spec.normalised).unwrap_or_default())
        } else {
            heygen_api_gen::generate(&spec, &Default::default()).map(|g| {
                if mocks {
                    g.mocks
                } else {
                    g.code
                }
            })
        }
    });
    match result {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1)
        }
    }
}
