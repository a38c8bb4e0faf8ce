//! Debugging aid: `cargo run -p heygen-api-gen --example surface SPEC` prints the surface.
fn main() {
    let path = std::env::args().nth(1).expect("usage: surface SPEC");
    match heygen_api_gen::load_file(std::path::Path::new(&path))
        .and_then(|s| heygen_api_gen::generate(&s, &Default::default()))
    {
        Ok(g) => print!("{}", g.surface.render()),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1)
        }
    }
}
