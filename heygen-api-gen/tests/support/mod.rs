//! What several test files of the generator share.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use heygen_api_gen::{load, merge, Spec};

/// A directory of pages, merged as `cargo xtask update-spec --from DIR` does.
pub fn pages(dir: &Path) -> Spec {
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
    let (merged, origins) = merge::merge_with_origins(&docs).unwrap();
    heygen_api_gen::from_merged(merged, &dir.display().to_string(), origins).unwrap()
}
