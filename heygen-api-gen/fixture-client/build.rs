//! Generates clients against heygen-api's runtime: the full-size fixture in
//! HeyGen's style, the edge-case fixture, a directory of pages in HeyGen's
//! published layout, and the constructs real documents use.

use std::path::{Path, PathBuf};

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let options = heygen_api_gen::Options {
        runtime: "::heygen_api::runtime".into(),
        mocks: true,
        ..heygen_api_gen::Options::default()
    };
    let fixtures = Path::new("../tests/fixtures");
    for (spec, file) in [
        ("full-3.1.yaml", "client.rs"),
        ("edge-3.1.yaml", "edge.rs"),
        ("retry-3.1.yaml", "retry.rs"),
        ("real/heygen-pages", "pages.rs"),
        ("real/constructs-3.1.yaml", "constructs.rs"),
        ("real/rewrites-3.1.yaml", "rewrites.rs"),
        ("real/nullable-3.1.yaml", "nullable.rs"),
    ] {
        let spec = fixtures.join(spec);
        println!("cargo:rerun-if-changed={}", spec.display());
        let loaded = if spec.is_dir() {
            load_pages(&spec)
        } else {
            heygen_api_gen::load_file(&spec)
        };
        let loaded = loaded.unwrap_or_else(|e| panic!("{e}"));
        let generated =
            heygen_api_gen::generate(&loaded, &options).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(out.join(file), generated.code).expect("write generated client");
        if file == "rewrites.rs" {
            // The same document with one operation's rewrite failing (the
            // test hook): it must compile without that operation.
            let failing = heygen_api_gen::Options {
                fail_rewrite_of: vec!["list_shelf".into()],
                ..options.clone()
            };
            let without =
                heygen_api_gen::generate(&loaded, &failing).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(out.join("rewrites_skipping.rs"), without.code)
                .expect("write the client without list_shelf");
        }
        if file == "client.rs" {
            // The same document with two operation groups, as `heygen-api`
            // builds with `ops-renders` and `ops-voices` only.
            let subset = heygen_api_gen::Options {
                tags: Some(["Renders", "Voices"].map(String::from).into()),
                ..options.clone()
            };
            let only_some =
                heygen_api_gen::generate(&loaded, &subset).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(out.join("subset.rs"), only_some.code).expect("write the subset");
            std::fs::write(out.join("mocks.rs"), generated.mocks).expect("write generated mocks");
            std::fs::write(out.join("reencode.rs"), reencode_table(&generated.surface))
                .expect("write the re-encoding table");
        }
    }
}

/// Merges a directory of pages the way `cargo xtask update-spec --from DIR`
/// does.
fn load_pages(dir: &Path) -> heygen_api_gen::Result<heygen_api_gen::Spec> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list the pages")
        .map(|e| e.expect("a page").path())
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let origin = file.display().to_string();
        let text = std::fs::read_to_string(&file).expect("read a page");
        let block = heygen_api_gen::load::extract_from_page(&text, &origin)?;
        docs.push((
            origin.clone(),
            heygen_api_gen::load::parse_document(&block, &origin)?,
        ));
    }
    let merged = heygen_api_gen::merge::merge_documents(&docs)?;
    heygen_api_gen::from_value(merged, &dir.display().to_string())
}

/// A function that decodes JSON as the generated type of a given name and
/// encodes it again, for the round-trip property tests, which pick types by
/// the schema names of the spec.
fn reencode_table(surface: &heygen_api_gen::Surface) -> String {
    let mut arms = String::new();
    for line in &surface.types {
        let Some(rest) = line
            .strip_prefix("struct ")
            .or_else(|| line.strip_prefix("enum "))
        else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        arms.push_str(&format!(
            "        \"{name}\" => go::<types::{name}>(value),\n"
        ));
    }
    format!(
        "/// `None` when no generated type has this name.\n\
         pub fn reencode(name: &str, value: &::serde_json::Value) -> Option<Result<::serde_json::Value, String>> {{\n\
         fn go<T: ::serde::de::DeserializeOwned + ::serde::Serialize>(value: &::serde_json::Value) -> Option<Result<::serde_json::Value, String>> {{\n\
         let decoded: T = match ::serde_json::from_value(value.clone()) {{ Ok(v) => v, Err(e) => return Some(Err(e.to_string())) }};\n\
         Some(::serde_json::to_value(&decoded).map_err(|e| e.to_string()))\n\
         }}\n\
         match name {{\n{arms}        _ => None,\n    }}\n}}\n\
         /// Every name [`reencode`] knows.\n\
         pub const NAMES: &[&str] = &[{names}];\n",
        names = surface
            .types
            .iter()
            .filter_map(|l| l.strip_prefix("struct ").or_else(|| l.strip_prefix("enum ")))
            .map(|r| format!("{:?}", r.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>()))
            .collect::<Vec<_>>()
            .join(", ")
    )
}
