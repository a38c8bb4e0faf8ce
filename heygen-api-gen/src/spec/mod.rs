//! A document read and made ready for planning: mended where a mistake
//! has one obvious reading (`mend`), spelled as the OpenAPI 3.0 progenitor
//! reads (`normalise`, with the keyword helpers of `schema`), and checked
//! (`validate`). [`Spec`] is what every later step starts from.

mod mend;
mod normalise;
mod schema;
mod validate;

use std::path::Path;

use serde_json::Value;

use crate::error::{GenError, Result};
use crate::warning::Warning;

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
    /// component came from (see [`merge_with_origins`](crate::merge::merge_with_origins)); warnings and
    /// errors name that page instead of `origin`.
    pub origins: std::collections::BTreeMap<String, String>,
}

impl Spec {
    /// The page the node at `pointer` came from, or the document's origin.
    pub(crate) fn origin_of(&self, pointer: &str) -> &str {
        crate::input::merge::origin_of(&self.origins, pointer).unwrap_or(&self.origin)
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
    let raw = if crate::input::load::looks_like_page(text) {
        let block = crate::input::load::extract_from_page(text, origin)?;
        crate::input::load::parse_document(&block, origin)?
    } else {
        crate::input::load::parse_document(text, origin)?
    };
    from_value(raw, origin)
}

/// Normalises a parsed document.
pub fn from_value(raw: Value, origin: &str) -> Result<Spec> {
    from_merged(raw, origin, Default::default())
}

/// Normalises a document merged from pages by
/// [`merge_with_origins`](crate::merge::merge_with_origins); errors and warnings name the page.
pub fn from_merged(
    raw: Value,
    origin: &str,
    origins: std::collections::BTreeMap<String, String>,
) -> Result<Spec> {
    let (normalised, mut warnings) =
        normalise::normalise_with_warnings(&raw, origin).map_err(|mut e| {
            if let Some(page) = crate::input::merge::origin_of(&origins, &e.pointer) {
                e.origin = page.to_string();
            }
            e
        })?;
    for w in &mut warnings {
        if let Some(page) = crate::input::merge::origin_of(&origins, &w.pointer) {
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
