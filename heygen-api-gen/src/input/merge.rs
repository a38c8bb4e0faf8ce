//! Unites per-operation documents (HeyGen's documentation pages each embed
//! the whole document's header and the one operation they describe) into
//! one OpenAPI document.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::error::{GenError, Result};
use crate::pointer::child;

/// Merges documents given as `(origin, document)`, in the order given (the
/// caller sorts them, by file name for a directory, so the result does not
/// depend on the order a file system lists them).
///
/// - `openapi`, `info`, `servers`, `security` and every other top-level member
///   come from the first document; documents whose `openapi` versions differ
///   in major or minor number are an error;
/// - `paths` are united; one path and method described differently by two
///   documents is an error that names both;
/// - every kind of `components` (schemas, securitySchemes, parameters, ...) is
///   united by name; one name defined differently by two documents is an
///   error that names both and the component;
/// - `tags` are united by name (first description wins: tags are
///   documentation).
pub fn merge_documents(docs: &[(String, Value)]) -> Result<Value> {
    merge_with_origins(docs).map(|(doc, _)| doc)
}

/// Like [`merge_documents`], and also says which document each operation
/// (`/paths/<path>/<method>`) and component (`/components/<kind>/<name>`)
/// came from, so that a warning or an error about the merged document can
/// name the page. See [`crate::from_merged`].
pub fn merge_with_origins(docs: &[(String, Value)]) -> Result<(Value, BTreeMap<String, String>)> {
    let Some((first_origin, first)) = docs.first() else {
        return Err(GenError::new(
            "",
            "",
            "expected at least one document to merge; found none",
        ));
    };
    let Some(first_obj) = first.as_object() else {
        return Err(GenError::new(
            first_origin,
            "",
            "expected an OpenAPI document (a mapping at the top level)",
        ));
    };
    let mut out: Map<String, Value> = first_obj.clone();
    out.insert("paths".into(), Value::Object(Map::new()));
    out.remove("components");
    out.remove("tags");
    let first_version = version_prefix(first);

    // JSON pointer of each merged node -> the origin that supplied it.
    let mut owners: BTreeMap<String, String> = BTreeMap::new();
    let mut paths: Map<String, Value> = Map::new();
    let mut components: Map<String, Value> = Map::new();
    let mut tags: Vec<Value> = Vec::new();

    for (origin, doc) in docs {
        let Some(obj) = doc.as_object() else {
            return Err(GenError::new(
                origin,
                "",
                "expected an OpenAPI document (a mapping at the top level)",
            ));
        };
        if version_prefix(doc) != first_version {
            return Err(GenError::new(
                origin,
                "/openapi",
                format!(
                    "documents disagree on the OpenAPI version: {first_origin} has {}, {origin} has {}",
                    show(first.get("openapi")),
                    show(doc.get("openapi"))
                ),
            ));
        }
        if let Some(items) = obj.get("paths").and_then(Value::as_object) {
            for (path, item) in items {
                let pp = child("/paths", path);
                let Some(item) = item.as_object() else {
                    return Err(GenError::new(origin, &pp, "expected a path item object"));
                };
                let target = paths
                    .entry(path.clone())
                    .or_insert_with(|| Value::Object(Map::new()));
                let Some(target) = target.as_object_mut() else {
                    continue;
                };
                for (key, value) in item {
                    let pointer = child(&pp, key);
                    let what = format!("`{} {path}`", key.to_uppercase());
                    unite(target, key, value, &pointer, origin, &mut owners, &what)?;
                }
            }
        }
        if let Some(kinds) = obj.get("components").and_then(Value::as_object) {
            for (kind, entries) in kinds {
                let kp = child("/components", kind);
                let target = components
                    .entry(kind.clone())
                    .or_insert_with(|| Value::Object(Map::new()));
                let (Some(target), Some(entries)) = (target.as_object_mut(), entries.as_object())
                else {
                    return Err(GenError::new(
                        origin,
                        &kp,
                        "expected a mapping of named components",
                    ));
                };
                for (name, value) in entries {
                    let pointer = child(&kp, name);
                    let what = format!("{} `{name}`", singular(kind));
                    unite(target, name, value, &pointer, origin, &mut owners, &what)?;
                }
            }
        }
        for tag in obj
            .get("tags")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = tag.get("name");
            if !tags.iter().any(|t| t.get("name") == name) {
                tags.push(tag.clone());
            }
        }
    }

    out.insert("paths".into(), Value::Object(paths));
    if !components.is_empty() {
        out.insert("components".into(), Value::Object(components));
    }
    if !tags.is_empty() {
        out.insert("tags".into(), Value::Array(tags));
    }
    Ok((Value::Object(out), owners))
}

/// The document that supplied the node at `pointer`: the origin recorded
/// for the longest prefix of it.
pub(crate) fn origin_of<'a>(
    origins: &'a BTreeMap<String, String>,
    pointer: &str,
) -> Option<&'a str> {
    origins
        .iter()
        .filter(|(prefix, _)| {
            pointer == prefix.as_str()
                || pointer
                    .strip_prefix(prefix.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        })
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(_, origin)| origin.as_str())
}

/// Inserts `value` under `key` unless another document already put a
/// different value there.
fn unite(
    target: &mut Map<String, Value>,
    key: &str,
    value: &Value,
    pointer: &str,
    origin: &str,
    owners: &mut BTreeMap<String, String>,
    what: &str,
) -> Result<()> {
    match target.get(key) {
        Some(existing) if existing != value => {
            let other = owners
                .get(pointer)
                .map(String::as_str)
                .unwrap_or("an earlier document");
            Err(GenError::new(
                origin,
                pointer,
                format!("documents disagree on {what}: {other} and {origin} define it differently"),
            ))
        }
        Some(_) => Ok(()),
        None => {
            target.insert(key.to_string(), value.clone());
            owners.insert(pointer.to_string(), origin.to_string());
            Ok(())
        }
    }
}

fn version_prefix(doc: &Value) -> Option<String> {
    let v = doc.get("openapi")?.as_str()?;
    Some(v.split('.').take(2).collect::<Vec<_>>().join("."))
}

fn show(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => format!("`{s}`"),
        Some(other) => format!("`{other}`"),
        None => "no `openapi` field".to_string(),
    }
}

fn singular(kind: &str) -> String {
    match kind {
        "schemas" => "schema".into(),
        "securitySchemes" => "security scheme".into(),
        "parameters" => "parameter".into(),
        "responses" => "response".into(),
        "requestBodies" => "request body".into(),
        "headers" => "header".into(),
        "examples" => "example".into(),
        other => format!("component ({other})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn page(path: &str, op: &str, schema: Value) -> Value {
        json!({
            "openapi": "3.1.0",
            "info": {"title": "T", "version": "1"},
            "tags": [{"name": "A"}],
            "paths": {path: {"get": {"operationId": op, "responses": {}}}},
            "components": {"schemas": {"Shared": schema, op: {"type": "object"}}}
        })
    }

    #[test]
    fn unites_paths_components_and_tags() {
        let a = page("/a", "opA", json!({"type": "string"}));
        let b = page("/b", "opB", json!({"type": "string"}));
        let merged = merge_documents(&[("a.txt".into(), a), ("b.txt".into(), b)]).unwrap();
        assert!(merged.pointer("/paths/~1a/get").is_some());
        assert!(merged.pointer("/paths/~1b/get").is_some());
        assert!(merged.pointer("/components/schemas/opA").is_some());
        assert!(merged.pointer("/components/schemas/opB").is_some());
        assert_eq!(merged["tags"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn disagreeing_schema_names_both_origins() {
        let a = page("/a", "opA", json!({"type": "string"}));
        let b = page("/b", "opB", json!({"type": "integer"}));
        let err = merge_documents(&[("a.txt".into(), a), ("b.txt".into(), b)]).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("a.txt") && text.contains("b.txt") && text.contains("schema `Shared`"),
            "{text}"
        );
    }

    #[test]
    fn same_operation_twice_differently_is_an_error() {
        let a = page("/a", "opA", json!({"type": "string"}));
        let b = page("/a", "opB", json!({"type": "string"}));
        let err = merge_documents(&[("a.txt".into(), a), ("b.txt".into(), b)]).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("`GET /a`"), "{message}");
    }
}
