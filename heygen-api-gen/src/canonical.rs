//! The one written form of a vendored document.
//!
//! `openapi/heygen-api.yaml` is always exactly `canonical_yaml(&spec.raw)`:
//! keys sorted at every level, `serde_yaml`'s formatting, a trailing newline.
//! Vendoring the same document twice therefore writes the same bytes, and a
//! diff of the vendored file shows content changes only, never reordering.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

/// The canonical YAML text of a document (sorted keys, stable formatting).
///
/// Keys are sorted here rather than relying on how `serde_json` happens to
/// be built (`preserve_order` would keep insertion order).
pub fn canonical_yaml(doc: &Value) -> String {
    // Serialising a JSON value to YAML cannot fail: every key is a string and
    // every number finite.
    serde_yaml::to_string(&Sorted(doc)).unwrap_or_default()
}

struct Sorted<'a>(&'a Value);

impl Serialize for Sorted<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                let mut out = serializer.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    out.serialize_entry(k, &Sorted(v))?;
                }
                out.end()
            }
            Value::Array(items) => {
                let mut out = serializer.serialize_seq(Some(items.len()))?;
                for v in items {
                    out.serialize_element(&Sorted(v))?;
                }
                out.end()
            }
            other => other.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sorts_keys_and_round_trips() {
        let doc = json!({
            "zeta": 1, "alpha": {"b": [1, 2.5, "3"], "a": null},
            "responses": {"200": {"description": "multi\nline\n"}},
            "flag": "yes", "version": "3.1.0", "empty": {}
        });
        let text = canonical_yaml(&doc);
        assert!(
            text.find("alpha:").unwrap() < text.find("zeta:").unwrap(),
            "{text}"
        );
        let back = crate::load::parse_document(&text, "test").unwrap();
        assert_eq!(back, doc);
        assert_eq!(canonical_yaml(&back), text);
    }
}
