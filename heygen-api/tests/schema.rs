//! Every request type has a JSON Schema (the generated types derive
//! `schemars::JsonSchema`, re-exported as `heygen_api::schemars`), and it
//! says what the vendored spec says.

use std::collections::BTreeSet;

use heygen_api::schemars::{schema_for, Schema};
use heygen_api::types::{StandardApiError, StopSessionRequest, StopSessionResponse};
use serde_json::Value;

/// The vendored spec, as JSON.
fn spec() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/heygen-api.yaml");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("parse {path}: {e}"))
}

fn component(spec: &Value, name: &str) -> Value {
    spec.pointer(&format!("/components/schemas/{name}"))
        .cloned()
        .unwrap_or_else(|| panic!("no schema {name}"))
}

/// `type` as a set: `"string"` and `["string", "null"]` alike.
fn types(schema: &Value) -> BTreeSet<String> {
    match schema.get("type") {
        Some(Value::String(t)) => BTreeSet::from([t.clone()]),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        _ => BTreeSet::new(),
    }
}

fn keys(schema: &Value, field: &str) -> BTreeSet<String> {
    match schema.get(field) {
        Some(Value::Object(map)) => map.keys().cloned().collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        _ => BTreeSet::new(),
    }
}

/// The generated type's schema agrees with the spec's on the object's
/// type, its properties, which are required, and each property's type
/// (nullability included).
fn assert_agrees(name: &str, ours: Schema, spec: &Value) {
    let ours = ours.to_value();
    let theirs = component(spec, name);
    assert_eq!(
        types(&ours),
        types(&theirs),
        "{name}: type\nours: {ours:#}\nspec: {theirs:#}"
    );
    assert_eq!(
        keys(&ours, "properties"),
        keys(&theirs, "properties"),
        "{name}: properties\nours: {ours:#}"
    );
    assert_eq!(
        keys(&ours, "required"),
        keys(&theirs, "required"),
        "{name}: required\nours: {ours:#}"
    );
    for property in keys(&theirs, "properties") {
        let a = &ours["properties"][&property];
        let b = &theirs["properties"][&property];
        assert_eq!(
            types(a),
            types(b),
            "{name}.{property}: type\nours: {a:#}\nspec: {b:#}"
        );
    }
}

#[test]
fn stop_session_request_is_an_object_without_properties() {
    let spec = spec();
    let schema = schema_for!(StopSessionRequest);
    assert_agrees("StopSessionRequest", schema.clone(), &spec);
    let value = schema.to_value();
    assert_eq!(value["type"], "object");
    assert!(keys(&value, "properties").is_empty(), "{value:#}");
    assert_eq!(
        component(&spec, "StopSessionRequest")["additionalProperties"],
        false
    );
}

#[test]
fn stop_session_response_requires_a_string_session_id() {
    let spec = spec();
    let schema = schema_for!(StopSessionResponse);
    assert_agrees("StopSessionResponse", schema.clone(), &spec);
    let value = schema.to_value();
    assert_eq!(
        keys(&value, "required"),
        BTreeSet::from(["session_id".to_string()])
    );
    assert_eq!(value["properties"]["session_id"]["type"], "string");
}

#[test]
fn standard_api_error_param_and_doc_url_are_nullable() {
    let spec = spec();
    let schema = schema_for!(StandardApiError);
    assert_agrees("StandardAPIError", schema.clone(), &spec);
    let value = schema.to_value();
    let nullable_string = BTreeSet::from(["string".to_string(), "null".to_string()]);
    assert_eq!(types(&value["properties"]["param"]), nullable_string);
    assert_eq!(types(&value["properties"]["doc_url"]), nullable_string);
}

#[test]
fn create_video_bodies_agree_with_the_spec() {
    use heygen_api::types::{
        CreateVideoFromAvatar, CreateVideoFromImage, CreateVideoV3RequestBody,
    };
    let spec = spec();
    // Fields and which are required (nullable types are spelt as `anyOf`
    // in the spec and as type lists here).
    for (name, ours) in [
        ("CreateVideoFromAvatar", schema_for!(CreateVideoFromAvatar)),
        ("CreateVideoFromImage", schema_for!(CreateVideoFromImage)),
    ] {
        let ours = ours.to_value();
        let theirs = component(&spec, name);
        for field in ["properties", "required"] {
            // `type` is the union's tag: the variant implies it, so the
            // payload type has no field for it (the union writes it).
            let mut ours = keys(&ours, field);
            assert!(!ours.contains("type"), "{name}: {field}");
            ours.insert("type".to_string());
            assert_eq!(ours, keys(&theirs, field), "{name}: {field}");
        }
    }
    // The union offers exactly the two variants the spec maps.
    let union = schema_for!(CreateVideoV3RequestBody).to_value();
    let text = union.to_string();
    for variant in ["CreateVideoFromAvatar", "CreateVideoFromImage"] {
        assert!(text.contains(variant), "{variant} missing: {union:#}");
    }
}

#[test]
fn every_request_body_of_the_spec_is_a_checked_type() {
    // When the spec grows a request body, add its type to a test above.
    let checked = BTreeSet::from([
        "StopSessionRequest".to_string(),
        "CreateVideoV3RequestBody".to_string(),
    ]);
    let spec = spec();
    let mut bodies = BTreeSet::new();
    for item in spec["paths"].as_object().expect("paths").values() {
        for op in item.as_object().expect("path item").values() {
            if let Some(Value::String(r)) =
                op.pointer("/requestBody/content/application~1json/schema/$ref")
            {
                bodies.insert(r.rsplit('/').next().unwrap_or_default().to_string());
            }
        }
    }
    assert_eq!(bodies, checked);
}
