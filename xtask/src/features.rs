//! The `ops-*` features of `heygen-api/Cargo.toml`, one per tag of the
//! vendored document (see `heygen_api_gen::operation_groups`). Cargo reads
//! features from the manifest only, so `update-spec` writes them there with
//! the document, and `drift` checks that they still match it.

use std::path::{Path, PathBuf};

use heygen_api_gen::{OperationGroup, Spec};

use crate::{fail, Result};

/// The client crate's manifest, relative to the repository root.
pub const MANIFEST: &str = "heygen-api/Cargo.toml";
const BEGIN: &str = "# BEGIN operation groups\n";
const END: &str = "# END operation groups\n";

/// The client crate's manifest as it is, and as `spec`'s operation groups
/// would have it.
pub struct Manifest {
    pub path: PathBuf,
    pub current: String,
    pub wanted: String,
    /// The features `wanted` declares.
    pub features: Vec<String>,
}

/// The manifest to keep in step with `spec`, if `root` holds the client
/// crate (a root that is a copy of `openapi/` alone has none).
pub fn manifest(root: &Path, spec: &Spec) -> Result<Option<Manifest>> {
    let path = root.join(MANIFEST);
    if !path.is_file() {
        return Ok(None);
    }
    let current = std::fs::read_to_string(&path)
        .map_err(|e| fail(format!("{MANIFEST}: cannot read: {e}")))?;
    let groups = heygen_api_gen::operation_groups(spec);
    let wanted = with_groups(&current, &groups)?;
    Ok(Some(Manifest {
        path,
        current,
        wanted,
        features: groups.into_iter().map(|g| g.feature).collect(),
    }))
}

/// `manifest` with its operation-group features replaced by `groups`.
pub fn with_groups(manifest: &str, groups: &[OperationGroup]) -> Result<String> {
    let (Some(begin), Some(end)) = (manifest.find(BEGIN), manifest.find(END)) else {
        return Err(fail(format!(
            "{MANIFEST}: no `{}` ... `{}` lines around the operation-group features",
            BEGIN.trim_end(),
            END.trim_end()
        )));
    };
    let body_start = begin + BEGIN.len();
    if end < body_start {
        return Err(fail(format!(
            "{MANIFEST}: `{}` comes before `{}`",
            END.trim_end(),
            BEGIN.trim_end()
        )));
    }
    let mut out = String::with_capacity(manifest.len());
    out.push_str(&manifest[..body_start]);
    for group in groups {
        let tags: Vec<String> = group.tags.iter().map(|t| format!("`{t}`")).collect();
        let noun = if group.operations == 1 {
            "operation"
        } else {
            "operations"
        };
        out.push_str(&format!(
            "## {}: {} {noun}.\n{} = []\n",
            tags.join(", "),
            group.operations,
            group.feature
        ));
    }
    out.push_str(&manifest[end..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(feature: &str, tags: &[&str], operations: usize) -> OperationGroup {
        OperationGroup {
            feature: feature.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            operations,
        }
    }

    #[test]
    fn replaces_only_what_is_between_the_markers() {
        let manifest = "[features]\ndefault = [\"all-operations\"]\n# BEGIN operation groups\nops-old = []\n# END operation groups\n\n[dependencies]\n";
        let groups = [
            group("ops-video-agent", &["Video Agent"], 1),
            group("ops-voices", &["Voices", "voices"], 3),
        ];
        let out = with_groups(manifest, &groups).unwrap();
        assert_eq!(
            out,
            "[features]\ndefault = [\"all-operations\"]\n# BEGIN operation groups\n## `Video Agent`: 1 operation.\nops-video-agent = []\n## `Voices`, `voices`: 3 operations.\nops-voices = []\n# END operation groups\n\n[dependencies]\n"
        );
        assert_eq!(with_groups(&out, &groups).unwrap(), out);
    }

    #[test]
    fn a_manifest_without_markers_or_with_them_swapped_is_an_error() {
        let err = with_groups("[features]\n", &[]).unwrap_err().to_string();
        assert!(err.contains("BEGIN operation groups"), "{err}");
        let swapped = "# END operation groups\n# BEGIN operation groups\n";
        let err = with_groups(swapped, &[]).unwrap_err().to_string();
        assert!(err.contains("comes before"), "{err}");
    }

    #[test]
    fn an_empty_block_is_filled() {
        let manifest = "# BEGIN operation groups\n# END operation groups\n";
        let out = with_groups(manifest, &[group("ops-voices", &["Voices"], 2)]).unwrap();
        assert_eq!(
            out,
            "# BEGIN operation groups\n## `Voices`: 2 operations.\nops-voices = []\n# END operation groups\n"
        );
        assert_eq!(with_groups(manifest, &[]).unwrap(), manifest);
    }
}
