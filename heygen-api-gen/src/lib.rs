//! Turns HeyGen's OpenAPI document into the Rust source of a typed client.
//!
//! One path for everyone: `heygen-api`'s `build.rs` and the `xtask` tools
//! both call [`load_file`] (or [`load_str`]) and [`generate`], so the client a
//! user compiles and the surface a reviewer reads come from the same code.
//!
//! The pipeline: [`load`] reads YAML, JSON or a documentation page;
//! `normalise` mends the mistakes with one obvious reading (`mend`) and
//! maps OpenAPI 3.1 onto the 3.0 progenitor reads; `prepare` makes the
//! client-shaping choices and leaves out what the client cannot send;
//! `generate` runs progenitor (narrowing a failure down to the operations at
//! fault, which it leaves out) and adds the glue that ties the generated
//! `Client` to the hand-written runtime. What is left out or mended is a
//! [`Warning`] in [`Generated::warnings`], never silent.

#![deny(missing_docs)]

mod bindings;
#[cfg(feature = "tooling")]
pub mod canonical;
#[cfg(feature = "tooling")]
pub mod changelog;
mod error;
mod fidelity;
mod generate;
pub mod load;
mod mend;
pub mod merge;
mod newtypes;
mod normalise;
mod open_types;
mod prepare;
mod refs;
mod request_builders;
mod schema_feature;
mod select;
mod surface;
mod syntax;
#[cfg(feature = "tooling")]
pub mod synthetic;
mod warning;

use std::path::Path;

use serde_json::Value;

pub use error::{GenError, Result};
pub use generate::{generate, Generated, Options};
pub use select::{feature_name, only_tags, operation_groups, tags_for_features, OperationGroup};
pub use surface::Surface;
pub use warning::Warning;

/// A document that loaded and normalised cleanly.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Where it came from (a path or URL), used in every error.
    pub origin: String,
    /// The document as read, before normalisation (what gets vendored).
    pub raw: Value,
    /// The same document in OpenAPI 3.0 spelling.
    pub normalised: Value,
    /// What normalisation mended or dropped, in document order.
    pub warnings: Vec<Warning>,
    /// For a document merged from pages: the page each operation and
    /// component came from (see [`merge::merge_with_origins`]); warnings and
    /// errors name that page instead of `origin`.
    pub origins: std::collections::BTreeMap<String, String>,
}

impl Spec {
    /// The page the node at `pointer` came from, or the document's origin.
    pub(crate) fn origin_of(&self, pointer: &str) -> &str {
        merge::origin_of(&self.origins, pointer).unwrap_or(&self.origin)
    }
}

/// Reads a spec file: OpenAPI YAML/JSON, or a documentation page holding one
/// OpenAPI YAML block.
pub fn load_file(path: &Path) -> Result<Spec> {
    let origin = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| GenError::new(&origin, "", format!("cannot read the file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        GenError::new(
            &origin,
            "",
            format!(
                "expected UTF-8 text; invalid byte at offset {}",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    load_str(&text, &origin)
}

/// Like [`load_file`], for text already in memory.
pub fn load_str(text: &str, origin: &str) -> Result<Spec> {
    let raw = if load::looks_like_page(text) {
        let block = load::extract_from_page(text, origin)?;
        load::parse_document(&block, origin)?
    } else {
        load::parse_document(text, origin)?
    };
    from_value(raw, origin)
}

/// Normalises a parsed document.
pub fn from_value(raw: Value, origin: &str) -> Result<Spec> {
    from_merged(raw, origin, Default::default())
}

/// Normalises a document merged from pages by
/// [`merge::merge_with_origins`]; errors and warnings name the page.
pub fn from_merged(
    raw: Value,
    origin: &str,
    origins: std::collections::BTreeMap<String, String>,
) -> Result<Spec> {
    let (normalised, mut warnings) =
        normalise::normalise_with_warnings(&raw, origin).map_err(|mut e| {
            if let Some(page) = merge::origin_of(&origins, &e.pointer) {
                e.origin = page.to_string();
            }
            e
        })?;
    for w in &mut warnings {
        if let Some(page) = merge::origin_of(&origins, &w.pointer) {
            w.origin = page.to_string();
        }
    }
    Ok(Spec {
        origin: origin.to_string(),
        raw,
        normalised,
        warnings,
        origins,
    })
}
