//! Generating some operations rather than all: `heygen-api`'s `ops-*` cargo
//! features, one per tag of the document, so that a program calling a few
//! operations does not compile the types of all of them.
//!
//! The operations kept are those with a chosen tag, and those with no tag at
//! all (which no feature could name). The component schemas kept are those
//! the kept operations reach, through `$ref`s and discriminator mappings;
//! the others would only be compiled.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::openapi::HTTP_METHODS;
use crate::spec::Spec;

/// The operations of one tag, and the cargo feature that generates them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationGroup {
    /// The `ops-*` feature: the tag in lower case, words joined by `-`.
    pub feature: String,
    /// The tags it stands for, as the document writes them (two tags that
    /// differ only in case or punctuation share a feature).
    pub tags: Vec<String>,
    /// How many operations carry one of those tags.
    pub operations: usize,
}

/// The cargo feature of a tag: `Video Agent` is `ops-video-agent`.
pub fn feature_name(tag: &str) -> String {
    let mut slug = String::new();
    for c in tag.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "ops-untitled".to_string()
    } else {
        format!("ops-{slug}")
    }
}

/// The operation groups of a document, by feature name.
pub fn operation_groups(spec: &Spec) -> Vec<OperationGroup> {
    let mut groups: BTreeMap<String, OperationGroup> = BTreeMap::new();
    for operation in operations(&spec.normalised) {
        let mut features = BTreeSet::new();
        for tag in tags_of(operation) {
            let feature = feature_name(tag);
            let group = groups
                .entry(feature.clone())
                .or_insert_with(|| OperationGroup {
                    feature: feature.clone(),
                    tags: Vec::new(),
                    operations: 0,
                });
            if !group.tags.iter().any(|t| t == tag) {
                group.tags.push(tag.to_string());
            }
            features.insert(feature);
        }
        for feature in features {
            if let Some(group) = groups.get_mut(&feature) {
                group.operations += 1;
            }
        }
    }
    groups.into_values().collect()
}

/// The tags to generate for the cargo features of `heygen-api` that are on
/// (as cargo names them to a build script: `all-operations`, `ops-*`; the
/// others are ignored): `None` for every operation. A feature `ops-*` that
/// names no group of `spec` is an error: it is left over from another
/// document and would silently generate nothing.
pub fn tags_for_features(
    spec: &Spec,
    features_on: &BTreeSet<String>,
) -> Result<Option<BTreeSet<String>>, String> {
    if features_on.contains("all-operations") {
        return Ok(None);
    }
    let groups = operation_groups(spec);
    let unknown: Vec<&str> = features_on
        .iter()
        .filter(|f| f.starts_with("ops-") && !groups.iter().any(|g| g.feature == **f))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        let known: Vec<&str> = groups.iter().map(|g| g.feature.as_str()).collect();
        return Err(format!(
            "the feature `{}` names no tag of {}; its operation groups are: {}",
            unknown.join("`, `"),
            spec.origin,
            known.join(", ")
        ));
    }
    Ok(Some(
        groups
            .into_iter()
            .filter(|g| features_on.contains(&g.feature))
            .flat_map(|g| g.tags)
            .collect(),
    ))
}

/// `doc` with only the operations that carry one of `tags` or none, and
/// only the component schemas those reach: what [`Options::tags`]
/// generates from.
///
/// [`Options::tags`]: crate::Options::tags
pub fn only_tags(doc: &Value, tags: &BTreeSet<String>) -> Value {
    let mut doc = doc.clone();
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            item.retain(|key, operation| {
                let is_operation = HTTP_METHODS.contains(&key.as_str());
                let untagged = tags_of(operation).next().is_none();
                !is_operation || untagged || tags_of(operation).any(|t| tags.contains(t))
            });
        }
        paths.retain(|_, item| {
            item.as_object()
                .is_some_and(|item| item.keys().any(|k| HTTP_METHODS.contains(&k.as_str())))
        });
    }
    let reached = reached_schemas(&doc);
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        schemas.retain(|name, _| reached.contains(name));
    }
    doc
}

fn operations(doc: &Value) -> impl Iterator<Item = &Value> {
    doc.get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|paths| paths.values())
        .filter_map(Value::as_object)
        .flat_map(|item| {
            item.iter()
                .filter(|(key, _)| HTTP_METHODS.contains(&key.as_str()))
                .map(|(_, operation)| operation)
        })
}

fn tags_of(operation: &Value) -> impl Iterator<Item = &str> {
    operation
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// The names of the component schemas the paths of `doc` reach.
fn reached_schemas(doc: &Value) -> BTreeSet<String> {
    let mut reached = BTreeSet::new();
    let mut pending: Vec<&Value> = doc.get("paths").into_iter().collect();
    // Other components (parameters, responses, bodies) are followed too:
    // they are not types, but schemas are reached through them.
    let mut seen_pointers = BTreeSet::new();
    while let Some(node) = pending.pop() {
        for reference in references(node) {
            let Some(pointer) = crate::pointer::of_reference(reference) else {
                continue;
            };
            // A reference into a component reaches the whole component.
            let tokens = crate::pointer::tokens(&pointer);
            let Some(component) = tokens.get(..3) else {
                continue;
            };
            let root = component
                .iter()
                .fold(String::new(), |p, t| crate::pointer::child(&p, t));
            if !seen_pointers.insert(root.clone()) {
                continue;
            }
            if component[0] == "components" && component[1] == "schemas" {
                reached.insert(component[2].clone());
            }
            if let Some(target) = doc.pointer(&root) {
                pending.push(target);
            }
        }
    }
    reached
}

/// Every `$ref` under `node`, and every discriminator mapping's target.
fn references(node: &Value) -> Vec<&str> {
    let mut found = Vec::new();
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match node {
            Value::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value) {
                        ("$ref", Value::String(reference)) => found.push(reference.as_str()),
                        ("mapping", Value::Object(mapping)) => {
                            found.extend(mapping.values().filter_map(Value::as_str));
                            stack.extend(mapping.values().filter(|v| !v.is_string()));
                        }
                        _ => stack.push(value),
                    }
                }
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> Value {
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/v1/renders": {
                    "get": {"operationId": "list_renders", "tags": ["Render Jobs"],
                        "responses": {"200": {"$ref": "#/components/responses/Renders"}}},
                    "post": {"operationId": "create_render", "tags": ["Render Jobs"],
                        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewRender"}}}},
                        "responses": {"201": {"description": "ok"}}}
                },
                "/v1/voices": {
                    "get": {"operationId": "list_voices", "tags": ["Voices"],
                        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Voice"}}}}}}
                },
                "/v1/ping": {
                    "parameters": [],
                    "get": {"operationId": "ping", "responses": {"200": {"description": "ok"}}}
                }
            },
            "components": {
                "responses": {"Renders": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Render"}}}}},
                "schemas": {
                    "Render": {"type": "object", "allOf": [{"$ref": "#/components/schemas/Base"}],
                        "properties": {"scene": {"$ref": "#/components/schemas/Scene/properties/kind"}}},
                    "Base": {"type": "object"},
                    "Scene": {"type": "object", "properties": {"kind": {"type": "string"}, "shot": {"$ref": "#/components/schemas/Shot"}}},
                    "Shot": {"type": "string"},
                    "NewRender": {"oneOf": [{"$ref": "#/components/schemas/Still"}],
                        "discriminator": {"propertyName": "type", "mapping": {"still": "#/components/schemas/Still", "clip": "#/components/schemas/Clip~1Part",
                            "sticker": {"$ref": "#/components/schemas/Sticker"}}}},
                    "Sticker": {"type": "object"},
                    "Still": {"type": "object"},
                    "Clip/Part": {"type": "object"},
                    "Voice": {"type": "object", "properties": {"accent": {"$ref": "#/components/schemas/Accent"}}},
                    "Accent": {"type": "string"},
                    "Orphan": {"type": "string"},
                    "Renders": {"type": "string"}
                }
            }
        })
    }

    fn spec(doc: Value) -> Spec {
        Spec {
            origin: "test".into(),
            raw: doc.clone(),
            normalised: doc,
            warnings: Vec::new(),
            origins: Default::default(),
        }
    }

    #[test]
    fn feature_names_are_slugs_of_tags() {
        assert_eq!(feature_name("Video Agent"), "ops-video-agent");
        assert_eq!(
            feature_name("  Assets & Uploads (v3) "),
            "ops-assets-uploads-v3"
        );
        assert_eq!(feature_name("Lipsync"), "ops-lipsync");
        assert_eq!(feature_name("★"), "ops-untitled");
    }

    #[test]
    fn groups_count_operations_per_tag() {
        let mut doc = doc();
        doc["paths"]["/v1/voices"]["get"]["tags"] = json!(["Voices", "voices"]);
        let groups = operation_groups(&spec(doc));
        assert_eq!(
            groups,
            vec![
                OperationGroup {
                    feature: "ops-render-jobs".into(),
                    tags: vec!["Render Jobs".into()],
                    operations: 2
                },
                OperationGroup {
                    feature: "ops-voices".into(),
                    tags: vec!["Voices".into(), "voices".into()],
                    operations: 1
                },
            ]
        );
    }

    fn on(features: &[&str]) -> BTreeSet<String> {
        features.iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn features_choose_tags() {
        let mut doc = doc();
        doc["paths"]["/v1/voices"]["get"]["tags"] = json!(["Voices", "voices"]);
        let spec = spec(doc);
        assert_eq!(
            tags_for_features(&spec, &on(&["all-operations", "ops-voices"])),
            Ok(None)
        );
        assert_eq!(
            tags_for_features(&spec, &on(&["ops-voices", "mock", "schemars"])),
            Ok(Some(on(&["Voices", "voices"])))
        );
        assert_eq!(
            tags_for_features(&spec, &on(&[])),
            Ok(Some(BTreeSet::new()))
        );
        let err = tags_for_features(&spec, &on(&["ops-voices", "ops-dubbing"])).unwrap_err();
        assert!(err.contains("`ops-dubbing` names no tag of test"), "{err}");
        assert!(err.contains("ops-render-jobs, ops-voices"), "{err}");
    }

    fn kept(doc: &Value) -> (Vec<String>, Vec<String>) {
        let operations = operations(doc)
            .filter_map(|o| o["operationId"].as_str().map(String::from))
            .collect();
        let schemas = doc["components"]["schemas"]
            .as_object()
            .map(|s| s.keys().cloned().collect())
            .unwrap_or_default();
        (operations, schemas)
    }

    #[test]
    fn one_tag_keeps_its_operations_the_untagged_and_what_they_reach() {
        let only = only_tags(&doc(), &BTreeSet::from(["Render Jobs".to_string()]));
        let (mut operations, schemas) = kept(&only);
        operations.sort();
        assert_eq!(operations, ["create_render", "list_renders", "ping"]);
        // Through a response component, a pointer into another schema, a
        // nested reference, an `allOf` list, discriminator mappings (an
        // escaped name, a mapping written as a `$ref` object). `Renders`,
        // named like the response component, is not reached.
        assert_eq!(
            schemas,
            [
                "Base",
                "Clip/Part",
                "NewRender",
                "Render",
                "Scene",
                "Shot",
                "Sticker",
                "Still"
            ]
        );
    }

    #[test]
    fn no_tag_keeps_only_untagged_operations_and_no_schema() {
        let only = only_tags(&doc(), &BTreeSet::new());
        let (operations, schemas) = kept(&only);
        assert_eq!(operations, ["ping"]);
        assert!(schemas.is_empty(), "{schemas:?}");
        assert!(only["paths"].get("/v1/voices").is_none());
    }

    #[test]
    fn every_tag_keeps_everything_but_orphans() {
        let tags = BTreeSet::from(["Render Jobs".to_string(), "Voices".to_string()]);
        let only = only_tags(&doc(), &tags);
        let (operations, schemas) = kept(&only);
        assert_eq!(operations.len(), 4);
        assert_eq!(schemas.len(), 10, "{schemas:?}");
        assert!(!schemas.contains(&"Orphan".to_string()));
        assert!(!schemas.contains(&"Renders".to_string()));
    }
}
