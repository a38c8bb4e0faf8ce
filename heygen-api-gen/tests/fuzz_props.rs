//! Property tests: loading, normalising and generating never panic and never
//! hang, whatever the document. Every input ends in `Ok` or a `GenError`.
//!
//! Documents are drawn from strategies shaped like OpenAPI (versions, paths,
//! operations, schemas with type arrays, `anyOf`/`oneOf` with nulls, `const`,
//! `$ref`s to existing, missing and cyclic targets, random keys), then
//! sometimes mangled; arbitrary text goes to `load_str` as well. Deep
//! documents run on a thread with a 512 KiB stack, so the depth bound is
//! shown to hold where a stack overflow would otherwise abort the process.
//!
//! Case counts are set explicitly so the file finishes in seconds in CI.

use std::panic::{catch_unwind, AssertUnwindSafe};

use heygen_api_gen::{from_value, generate, load_str, GenError, Options};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Map, Value};

/// Stack for the deep cases: small enough that an unbounded recursion over a
/// few hundred levels would overflow it.
const SMALL_STACK: usize = 512 * 1024;

/// Runs the whole pipeline the way `build.rs` does and reports a panic as a
/// test failure naming the input. Returns how far the document got. An
/// error that names a node must name one that exists: in the document as
/// given, or (for the generator's own checks) in its normalised form.
fn pipeline_value(doc: Value) -> Stage {
    let shown = truncate(&doc.to_string());
    let original = doc.clone();
    let (stage, error) = pipeline_inner(doc, &shown);
    if let Some((e, normalised)) = error {
        let resolves = e.pointer.is_empty()
            || names_a_node(&original, &e.pointer)
            || normalised.is_some_and(|n| names_a_node(&n, &e.pointer));
        assert!(
            resolves,
            "the error's pointer `{}` names no node of the document: {e}\non {shown}",
            e.pointer
        );
    }
    stage
}

/// `pointer` resolves in `doc`, or names a missing member of a node that
/// does (an error about a required key that is absent).
fn names_a_node(doc: &Value, pointer: &str) -> bool {
    if doc.pointer(pointer).is_some() {
        return true;
    }
    pointer.rsplit_once('/').is_some_and(|(parent, _)| {
        doc.pointer(parent)
            .is_some_and(|p| p.is_object() || p.is_array())
    })
}

/// Like [`pipeline_value`], naming the input by `shown` (printing a very
/// deep document would itself recurse as deep).
fn pipeline_labelled(doc: Value, shown: String) -> Stage {
    pipeline_inner(doc, &shown).0
}

/// The stage reached, and the error with the normalised document if
/// normalising succeeded.
fn pipeline_inner(doc: Value, shown: &str) -> (Stage, Option<(GenError, Option<Value>)>) {
    let outcome = catch_unwind(AssertUnwindSafe(move || {
        let spec = match from_value(doc, "fuzz.json") {
            Ok(spec) => spec,
            Err(e) => return (Stage::Rejected, Some((e, None))),
        };
        match generate(&spec, &Options::default()) {
            Ok(_) => (Stage::Generated, None),
            Err(e) => (Stage::Normalised, Some((e, Some(spec.normalised)))),
        }
    }));
    match outcome {
        Ok(result) => {
            if let Some((e, _)) = &result.1 {
                assert!(
                    !e.message.is_empty(),
                    "an error must say what was wrong: {e:?}"
                );
            }
            result
        }
        Err(_) => panic!("the pipeline panicked on {shown}"),
    }
}

fn pipeline_text(text: &str) -> Stage {
    let outcome = catch_unwind(AssertUnwindSafe(|| -> Result<Stage, GenError> {
        let spec = load_str(text, "fuzz.yaml")?;
        generate(&spec, &Options::default())
            .map(|_| Stage::Generated)
            .or(Ok(Stage::Normalised))
    }));
    match outcome {
        Ok(Ok(stage)) => stage,
        Ok(Err(_)) => Stage::Rejected,
        Err(_) => panic!("the pipeline panicked on the text {:?}", truncate(text)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Rejected,
    Normalised,
    Generated,
}

fn truncate(s: &str) -> String {
    s.chars().take(2000).collect()
}

/// Runs `f` on a thread with a small stack; a stack overflow aborts the
/// whole test process, which is the failure this guards against.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .name("small-stack".into())
        .stack_size(SMALL_STACK)
        .spawn(f)
        .expect("spawn")
        .join()
        .unwrap_or_else(|p| std::panic::resume_unwind(p))
}

// ---------------------------------------------------------------------------
// Strategies

/// Names that schemas are stored under and referred to. `Missing` is never
/// defined, so a reference to it dangles.
const NAMES: [&str; 5] = ["A", "B", "C", "Node", "Missing"];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-z_]{1,8}",
        1 => any::<String>(),
        1 => Just("type".to_string()),
        1 => Just("$ref".to_string()),
        1 => Just("properties".to_string()),
        1 => Just("".to_string()),
    ]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[a-z]{0,6}".prop_map(Value::String),
    ]
}

/// Any JSON value, small.
fn junk() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn reference() -> impl Strategy<Value = Value> {
    prop_oneof![
        5 => prop::sample::select(&NAMES[..]).prop_map(|n| json!({ "$ref": format!("#/components/schemas/{n}") })),
        1 => Just(json!({ "$ref": "https://example.com/other.yaml#/Thing" })),
        1 => Just(json!({ "$ref": "#/paths" })),
        1 => Just(json!({ "$ref": "#/components/schemas/A/properties/x" })),
        1 => Just(json!({ "$ref": 7 })),
        1 => any::<String>().prop_map(|s| json!({ "$ref": s })),
        1 => prop::sample::select(&NAMES[..]).prop_map(|n| json!({
            "$ref": format!("#/components/schemas/{n}"), "description": "with siblings", "nullable": true
        })),
    ]
}

fn type_name() -> impl Strategy<Value = Value> {
    prop::sample::select(
        &[
            "string", "integer", "number", "boolean", "object", "array", "null", "bogus",
        ][..],
    )
    .prop_map(|t| Value::String(t.to_string()))
}

fn leaf_schema() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => type_name().prop_map(|t| json!({ "type": t })),
        3 => prop::collection::vec(type_name(), 0..4).prop_map(|ts| json!({ "type": ts })),
        2 => scalar().prop_map(|c| json!({ "const": c })),
        2 => prop::collection::vec(scalar(), 0..4).prop_map(|e| json!({ "enum": e })),
        1 => junk().prop_map(|e| json!({ "enum": e })),
        3 => reference(),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(json!({ "type": "string", "format": "date-time" })),
        1 => Just(json!({ "type": "number", "exclusiveMinimum": 0, "maximum": 4 })),
        1 => Just(json!({ "type": "string", "contentMediaType": "image/png" })),
        1 => Just(json!({ "type": "null" })),
        1 => prop::sample::select(
            &["if", "prefixItems", "$defs", "patternProperties", "$dynamicRef", "$schema", "title", "examples"][..]
        )
        .prop_map(|k| json!({ "type": "object", k: {} })),
        1 => junk(),
    ]
}

fn schema() -> impl Strategy<Value = Value> {
    leaf_schema().prop_recursive(6, 48, 5, |inner| {
        prop_oneof![
            3 => (prop::collection::vec((key(), inner.clone()), 0..5), prop::collection::vec(key(), 0..3), any::<bool>())
                .prop_map(|(props, required, typed)| {
                    let mut s = json!({ "properties": Value::Object(props.into_iter().collect()), "required": required });
                    if typed { s["type"] = json!("object"); }
                    s
                }),
            2 => inner.clone().prop_map(|i| json!({ "type": "array", "items": i })),
            1 => inner.clone().prop_map(|i| json!({ "items": i })),
            3 => (prop::sample::select(&["anyOf", "oneOf", "allOf"][..]), prop::collection::vec(inner.clone(), 0..4), any::<bool>())
                .prop_map(|(k, mut branches, with_null)| {
                    if with_null { branches.push(json!({ "type": "null" })); }
                    json!({ k: branches, "title": "Union", "description": "d", "default": null })
                }),
            1 => inner.clone().prop_map(|i| json!({ "type": "object", "additionalProperties": i })),
            1 => inner.clone().prop_map(|i| json!({ "not": i })),
            1 => (inner.clone(), any::<bool>()).prop_map(|(mut i, n)| {
                if let Some(o) = i.as_object_mut() { o.insert("nullable".into(), Value::Bool(n)); }
                i
            }),
            1 => prop::collection::vec(inner.clone(), 1..4).prop_map(|variants| {
                json!({
                    "oneOf": variants,
                    "discriminator": { "propertyName": "type", "mapping": {
                        "a": "#/components/schemas/A", "b": "#/components/schemas/Missing", "c": "#/nowhere"
                    } }
                })
            }),
            1 => (inner.clone(), junk()).prop_map(|(i, example)| json!({ "allOf": [i], "example": example })),
        ]
    })
}

fn version() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        4 => Just(Some(json!("3.1.0"))),
        3 => Just(Some(json!("3.0.3"))),
        1 => Just(Some(json!("3.1"))),
        1 => Just(Some(json!("2.0"))),
        1 => Just(Some(json!("4.0.0"))),
        1 => Just(Some(json!(3.1))),
        1 => any::<String>().prop_map(|s| Some(Value::String(s))),
        1 => Just(None),
    ]
}

fn parameter() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => ("[a-z_]{1,6}", prop::sample::select(&["path", "query", "header", "cookie", "body"][..]), any::<bool>(), schema())
            .prop_map(|(name, place, required, schema)| json!({ "name": name, "in": place, "required": required, "schema": schema })),
        1 => Just(json!({ "name": "x", "in": "query", "content": { "application/json": {} } })),
        1 => Just(json!({ "$ref": "#/components/parameters/Shared" })),
        1 => Just(json!({ "$ref": "#/components/parameters/Missing" })),
        1 => junk(),
    ]
}

fn media_type() -> impl Strategy<Value = String> {
    prop::sample::select(
        &[
            "application/json",
            "application/json; charset=utf-8",
            "application/problem+json",
            "multipart/form-data",
            "application/octet-stream",
            "text/plain",
            "application/xml",
        ][..],
    )
    .prop_map(String::from)
}

fn content() -> impl Strategy<Value = Value> {
    prop::collection::vec((media_type(), schema(), any::<bool>()), 0..3).prop_map(|entries| {
        let mut m = Map::new();
        for (mt, schema, with_examples) in entries {
            let mut media = json!({ "schema": schema });
            if with_examples {
                media["examples"] = json!({ "one": { "value": { "data": 1 } } });
            }
            m.insert(mt, media);
        }
        Value::Object(m)
    })
}

fn operation() -> impl Strategy<Value = Value> {
    (
        prop::option::of("[a-zA-Z_]{1,12}"),
        prop::collection::vec(parameter(), 0..3),
        prop::option::of(content()),
        prop::collection::vec(
            (
                prop::sample::select(&["200", "201", "204", "2XX", "404", "default", "x"][..]),
                content(),
            ),
            0..3,
        ),
        0..8u8,
    )
        .prop_map(|(id, params, body, responses, quirk)| {
            let mut op = Map::new();
            if let Some(id) = id {
                op.insert("operationId".into(), json!(id));
            }
            op.insert("parameters".into(), Value::Array(params));
            if let Some(body) = body {
                op.insert(
                    "requestBody".into(),
                    json!({ "required": true, "content": body }),
                );
            }
            let mut rs = Map::new();
            for (code, c) in responses {
                rs.insert(
                    code.to_string(),
                    json!({ "description": "r", "content": c }),
                );
            }
            op.insert("responses".into(), Value::Object(rs));
            match quirk {
                0 => {
                    op.remove("responses");
                }
                1 => {
                    op.insert(
                        "requestBody".into(),
                        json!({ "$ref": "#/components/requestBodies/Shared" }),
                    );
                }
                2 => {
                    op.insert(
                        "responses".into(),
                        json!({ "200": { "$ref": "#/components/responses/Ok" } }),
                    );
                }
                3 => {
                    op.insert("callbacks".into(), json!({ "cb": {} }));
                }
                _ => {}
            }
            Value::Object(op)
        })
}

fn path_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "/v[0-9]/[a-z]{1,6}(/\\{[a-z_]{1,5}\\})?",
        1 => any::<String>(),
        1 => Just("/".to_string()),
    ]
}

fn path_item() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => prop::collection::vec((prop::sample::select(&["get", "post", "put", "patch", "delete", "head", "trace", "summary"][..]), operation()), 0..4)
            .prop_map(|ops| Value::Object(ops.into_iter().map(|(m, o)| (m.to_string(), o)).collect())),
        1 => Just(json!({ "$ref": "#/components/pathItems/P" })),
        1 => junk(),
    ]
}

/// Component schemas, with the cycles the brief names mixed in: a bare
/// A → B → A loop (an error), a self-reference through properties (legal
/// recursion) and a self-reference through array items.
fn components() -> impl Strategy<Value = Value> {
    (prop::collection::vec((prop::sample::select(&NAMES[..4]), schema()), 0..5), 0..6u8).prop_map(|(schemas, cycle)| {
        let mut m: Map<String, Value> = schemas.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        match cycle {
            0 => {
                m.insert("A".into(), json!({ "$ref": "#/components/schemas/B" }));
                m.insert("B".into(), json!({ "$ref": "#/components/schemas/A" }));
            }
            1 => {
                m.insert(
                    "Node".into(),
                    json!({ "type": "object", "properties": {
                        "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } },
                        "parent": { "anyOf": [{ "$ref": "#/components/schemas/Node" }, { "type": "null" }] }
                    } }),
                );
            }
            2 => {
                m.insert("C".into(), json!({ "$ref": "#/components/schemas/C" }));
            }
            3 => {
                m.insert("A".into(), json!({ "allOf": [{ "$ref": "#/components/schemas/B" }] }));
                m.insert("B".into(), json!({ "allOf": [{ "$ref": "#/components/schemas/A" }] }));
            }
            _ => {}
        }
        json!({
            "schemas": m,
            "parameters": { "Shared": { "name": "shared", "in": "query", "schema": { "type": ["string", "null"] } } },
            "requestBodies": { "Shared": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/A" } } } } },
            "responses": { "Ok": { "description": "ok", "content": { "application/json": { "schema": { "type": "object" } } } } }
        })
    })
}

/// Documents for the properties: mostly plausible ones, which get past the
/// checks and exercise normalisation and progenitor, and hostile ones,
/// which exercise the checks.
fn document() -> impl Strategy<Value = Value> {
    prop_oneof![4 => plausible_document(), 1 => hostile_document()]
}

/// Any mix of valid and broken parts: almost all of these fail a check.
fn hostile_document() -> impl Strategy<Value = Value> {
    (
        version(),
        prop::option::weighted(0.9, Just(json!({ "title": "Fuzz", "version": "1", "summary": "s", "license": { "name": "MIT", "identifier": "MIT" } }))),
        prop::option::weighted(0.9, prop::collection::vec((path_key(), path_item()), 0..4)),
        prop::option::weighted(0.8, components()),
        prop::option::of(junk()),
    )
        .prop_map(|(version, info, paths, components, webhooks)| {
            let mut doc = Map::new();
            if let Some(v) = version {
                doc.insert("openapi".into(), v);
            }
            if let Some(info) = info {
                doc.insert("info".into(), info);
            }
            if let Some(paths) = paths {
                doc.insert("paths".into(), Value::Object(paths.into_iter().collect()));
            }
            if let Some(c) = components {
                doc.insert("components".into(), c);
            }
            if let Some(w) = webhooks {
                doc.insert("webhooks".into(), w);
            }
            Value::Object(doc)
        })
}

// Plausible documents: each part is valid on its own, and the references
// all resolve (every name in `DEFINED` is defined), so what is left to fail
// is how the parts combine.

const DEFINED: [&str; 4] = ["A", "B", "C", "Node"];

fn plausible_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => prop::sample::select(&["string", "integer", "number", "boolean"][..])
            .prop_map(|t| json!({ "type": t })),
        2 => prop::sample::select(&["string", "integer", "number", "boolean", "object"][..])
            .prop_map(|t| json!({ "type": [t, "null"] })),
        1 => "[a-z]{1,6}".prop_map(|c| json!({ "const": c })),
        1 => prop::collection::btree_set("[a-z]{1,6}", 1..4)
            .prop_map(|e| json!({ "type": "string", "enum": e })),
        2 => prop::sample::select(&DEFINED[..])
            .prop_map(|n| json!({ "$ref": format!("#/components/schemas/{n}") })),
        1 => Just(json!({ "type": "string", "format": "date-time" })),
        1 => Just(json!({ "type": "number", "exclusiveMinimum": 0, "maximum": 4 })),
        1 => Just(json!({ "type": "object" })),
        1 => Just(json!({ "type": "string", "examples": ["a", "b"] })),
    ]
}

fn plausible_object(inner: BoxedStrategy<Value>) -> impl Strategy<Value = Value> {
    (
        prop::collection::btree_map("[a-z][a-z_]{0,7}", inner, 0..4),
        any::<bool>(),
    )
        .prop_map(|(props, require_first)| {
            let required: Vec<String> = props
                .keys()
                .take(usize::from(require_first))
                .cloned()
                .collect();
            json!({ "type": "object", "properties": props, "required": required })
        })
}

fn plausible_schema() -> impl Strategy<Value = Value> {
    plausible_leaf().prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            3 => plausible_object(inner.clone()),
            2 => inner.clone().prop_map(|i| json!({ "type": "array", "items": i })),
            2 => prop::collection::vec(inner.clone(), 1..3).prop_map(|mut branches| {
                branches.push(json!({ "type": "null" }));
                json!({ "anyOf": branches, "default": null })
            }),
            1 => prop::collection::btree_set("[a-z]{1,6}", 1..3).prop_map(|tags| {
                let variants: Vec<Value> = tags.iter().map(|t| json!({
                    "type": "object",
                    "required": ["kind"],
                    "properties": { "kind": { "const": t }, "value": { "type": "string" } }
                })).collect();
                json!({ "oneOf": variants, "discriminator": { "propertyName": "kind" } })
            }),
            1 => inner.clone().prop_map(|i| json!({ "type": "object", "additionalProperties": i })),
            1 => inner.clone().prop_map(|i| json!({ "allOf": [i], "description": "wrapped" })),
        ]
    })
}

fn plausible_components() -> impl Strategy<Value = Value> {
    prop::collection::vec(plausible_object(plausible_schema().boxed()), 4).prop_map(|schemas| {
        let m: Map<String, Value> = DEFINED.iter().map(|n| n.to_string()).zip(schemas).collect();
        json!({ "schemas": m })
    })
}

fn plausible_operation(method: &'static str) -> impl Strategy<Value = Value> {
    (
        prop::collection::btree_map(
            "[a-z][a-z_]{0,5}",
            prop::sample::select(&["string", "integer", "boolean"][..]),
            0..3,
        ),
        prop::option::of(plausible_schema()),
        plausible_schema(),
        any::<bool>(),
    )
        .prop_map(move |(query, body, ok, with_error)| {
            let parameters: Vec<Value> = query
                .into_iter()
                .map(|(name, t)| json!({ "name": name, "in": "query", "required": false, "schema": { "type": t } }))
                .collect();
            let mut responses = json!({
                "200": { "description": "ok", "content": { "application/json": { "schema": ok } } }
            });
            if with_error {
                responses["404"] = json!({ "description": "missing", "content": { "application/json": {
                    "schema": { "type": "object", "properties": { "error": { "type": "object" } } }
                } } });
            }
            let mut op = json!({ "parameters": parameters, "responses": responses });
            if let (Some(body), true) = (body, method != "get" && method != "delete") {
                op["requestBody"] = json!({ "required": true, "content": { "application/json": { "schema": body } } });
            }
            op
        })
}

fn plausible_paths() -> impl Strategy<Value = Value> {
    prop::collection::btree_map(
        "/v[0-9]/[a-z]{1,6}",
        (
            prop::sample::select(&["get", "post", "put", "patch", "delete"][..]),
            any::<bool>(),
        )
            .prop_flat_map(|(method, with_id)| (Just(method), Just(with_id), plausible_operation(method))),
        1..4,
    )
    .prop_map(|ops| {
        let mut paths = Map::new();
        for (i, (path, (method, with_id, mut op))) in ops.into_iter().enumerate() {
            // Unique by construction: duplicate ids are a (tested) error of
            // their own, not what these documents are for.
            op["operationId"] = json!(format!("op{i}"));
            let path = if with_id {
                let params = op["parameters"].as_array_mut().expect("parameters");
                params.push(json!({ "name": "item_id", "in": "path", "required": true, "schema": { "type": "string" } }));
                format!("{path}/{{item_id}}")
            } else {
                path
            };
            paths.insert(path, json!({ method: op }));
        }
        Value::Object(paths)
    })
}

fn plausible_document() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(&["3.1.0", "3.0.3"][..]),
        plausible_paths(),
        plausible_components(),
    )
        .prop_map(|(version, paths, components)| {
            json!({
                "openapi": version,
                "info": { "title": "Fuzz", "version": "1" },
                "paths": paths,
                "components": components,
            })
        })
}

/// Replaces the node at a random position (counted depth-first) with junk.
fn mangle(doc: &mut Value, mut index: usize, replacement: Value) {
    fn walk(v: &mut Value, index: &mut usize, replacement: &mut Option<Value>) {
        if replacement.is_none() {
            return;
        }
        if *index == 0 {
            *v = replacement.take().unwrap_or(Value::Null);
            return;
        }
        *index -= 1;
        match v {
            Value::Object(m) => m.values_mut().for_each(|c| walk(c, index, replacement)),
            Value::Array(a) => a.iter_mut().for_each(|c| walk(c, index, replacement)),
            _ => {}
        }
    }
    let mut replacement = Some(replacement);
    walk(doc, &mut index, &mut replacement);
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

// ---------------------------------------------------------------------------
// Properties

/// Documents shaped like OpenAPI: every one ends in `Ok` or a `GenError`.
/// Some are expected to get all the way through generation, so the
/// generator itself is exercised, not only the checks in front of it.
#[test]
fn openapi_shaped_documents_never_panic() {
    let stages: [std::cell::Cell<u32>; 3] = Default::default();
    runner(256)
        .run(&document(), |doc| {
            let stage = pipeline_value(doc);
            stages[stage as usize].set(stages[stage as usize].get() + 1);
            Ok(())
        })
        .unwrap();
    let stages = stages.map(|c| c.get());
    let total: u32 = stages.iter().sum();
    eprintln!(
        "openapi-shaped: {total} documents: rejected {}, reached progenitor {} (of which generated {})",
        stages[0],
        stages[1] + stages[2],
        stages[2]
    );
    assert!(
        2 * (stages[1] + stages[2]) >= total && stages[2] > 0,
        "fewer than half the documents reached the generator: the strategy is too hostile to test it"
    );
}

/// The same documents with one node anywhere replaced by any value.
#[test]
fn mangled_documents_never_panic() {
    runner(256)
        .run(
            &(document(), any::<usize>(), junk()),
            |(mut doc, at, replacement)| {
                let size = count_nodes(&doc);
                mangle(&mut doc, at % size.max(1), replacement);
                pipeline_value(doc);
                Ok(())
            },
        )
        .unwrap();
}

/// Documents go through text too: as JSON and as YAML, whole or cut short.
#[test]
fn documents_as_text_never_panic() {
    runner(128)
        .run(
            &(document(), any::<bool>(), any::<prop::sample::Index>()),
            |(doc, yaml, cut)| {
                let text = if yaml {
                    serde_yaml::to_string(&doc).unwrap_or_default()
                } else {
                    doc.to_string()
                };
                pipeline_text(&text);
                let end = cut.index(text.len() + 1);
                let end = (0..=end)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                pipeline_text(&text[..end]);
                Ok(())
            },
        )
        .unwrap();
}

/// Arbitrary bytes (as lossy UTF-8) and YAML-ish fragments to `load_str`.
#[test]
fn arbitrary_text_never_panics() {
    let fragments = prop::collection::vec(
        prop_oneof![
            any::<String>(),
            prop::sample::select(
                &[
                    "openapi: 3.1.0\n",
                    "info: {title: t, version: '1'}\n",
                    "paths: {}\n",
                    "- ",
                    ": ",
                    "{",
                    "}",
                    "[",
                    "]",
                    "&a ",
                    "*a ",
                    "!!binary ",
                    "!tag ",
                    "? ",
                    "\n  ",
                    "```yaml\n",
                    "```\n",
                    "$ref: '#/x'\n",
                    "~",
                    "\u{feff}",
                    "<<: *a\n",
                    "\"",
                    "'",
                    "%YAML 1.2\n---\n",
                    ".inf",
                    "0x1F",
                ][..],
            )
            .prop_map(String::from),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat());
    runner(512)
        .run(
            &(fragments, prop::collection::vec(any::<u8>(), 0..256)),
            |(text, bytes)| {
                pipeline_text(&text);
                pipeline_text(&String::from_utf8_lossy(&bytes));
                Ok(())
            },
        )
        .unwrap();
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Object(m) => m.values().map(count_nodes).sum(),
        Value::Array(a) => a.iter().map(count_nodes).sum(),
        _ => 0,
    }
}

// ---------------------------------------------------------------------------
// Cycles and depth

fn minimal(schemas: Value, response_schema: Value) -> Value {
    json!({
        "openapi": "3.1.0",
        "info": { "title": "t", "version": "1" },
        "paths": { "/v1/x": { "get": { "operationId": "getX", "responses": {
            "200": { "description": "ok", "content": { "application/json": { "schema": response_schema } } }
        } } } },
        "components": { "schemas": schemas }
    })
}

#[test]
fn bare_reference_cycles_are_errors() {
    let a_b_a = minimal(
        json!({ "A": { "$ref": "#/components/schemas/B" }, "B": { "$ref": "#/components/schemas/A" } }),
        json!({ "$ref": "#/components/schemas/A" }),
    );
    let e = from_value(a_b_a, "cycle.json").expect_err("A -> B -> A describes no value");
    assert!(e.message.contains("cycle"), "{e}");
    let own = minimal(
        json!({ "A": { "$ref": "#/components/schemas/A" } }),
        json!({ "type": "object" }),
    );
    let e = from_value(own, "self.json").expect_err("A -> A describes no value");
    assert!(e.message.contains("cycle"), "{e}");
}

/// The passes after `normalise` follow at most 32 references in a row; a
/// longer chain of bare references is refused with its pointer, so none of
/// them stops halfway. 32 in a row still loads.
#[test]
fn reference_chains_longer_than_the_limit_are_errors() {
    let chain = |n: usize| {
        let mut schemas = serde_json::Map::new();
        for i in 0..n {
            schemas.insert(
                format!("S{i}"),
                json!({ "$ref": format!("#/components/schemas/S{}", i + 1) }),
            );
        }
        schemas.insert(format!("S{n}"), json!({ "type": "string" }));
        minimal(Value::Object(schemas), json!({ "type": "string" }))
    };
    from_value(chain(32), "chain.json").expect("32 references in a row");
    let e = from_value(chain(33), "chain.json").expect_err("33 references in a row");
    assert!(e.message.contains("more than 32 references"), "{e}");
    assert_eq!(e.pointer, "/components/schemas/S0/$ref", "{e}");
}

#[test]
fn recursion_through_properties_generates() {
    let tree = minimal(
        json!({
            "Node": { "type": "object", "required": ["name"], "properties": {
                "name": { "type": "string" },
                "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } },
                "parent": { "anyOf": [{ "$ref": "#/components/schemas/Node" }, { "type": "null" }] }
            } },
            "A": { "type": "object", "properties": { "b": { "$ref": "#/components/schemas/B" } } },
            "B": { "type": "object", "properties": { "a": { "$ref": "#/components/schemas/A" } } }
        }),
        json!({ "$ref": "#/components/schemas/Node" }),
    );
    let spec = from_value(tree, "tree.json").expect("legal recursion normalises");
    let generated = on_small_stack(move || generate(&spec, &Options::default()).map(|g| g.code));
    let code = generated.expect("legal recursion generates");
    assert!(
        code.contains("pub struct Node"),
        "the recursive type is generated"
    );
}

const RESPONSE_SCHEMA: &str = "/paths/~1v1~1x/get/responses/200/content/application~1json/schema";

fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// Moves `value` into `doc` at `pointer`.
fn put(mut doc: Value, pointer: &str, value: Value) -> Value {
    *doc.pointer_mut(pointer).expect("the skeleton has the slot") = value;
    doc
}

/// Builds a value nested `depth` levels deep by wrapping `leaf` with `wrap`.
fn nest(depth: usize, leaf: Value, wrap: impl Fn(Value) -> Value) -> Value {
    (0..depth).fold(leaf, |v, _| wrap(v))
}

/// Deep documents of every shape the passes recurse through, from just under
/// the bound to a few hundred levels past it, on a 512 KiB stack.
#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // Built by moving values into place: `json!` with a value inside
    // serializes it, which would itself recurse as deep as the value.
    type Wrap = fn(Value) -> Value;
    let shapes: Vec<(&str, Wrap)> = vec![
        ("properties", |v| {
            obj([("type", json!("object")), ("properties", obj([("p", v)]))])
        }),
        ("items", |v| obj([("type", json!("array")), ("items", v)])),
        ("anyOf", |v| {
            obj([("anyOf", Value::Array(vec![v, json!({ "type": "null" })]))])
        }),
        ("allOf", |v| obj([("allOf", Value::Array(vec![v]))])),
        ("additionalProperties", |v| {
            obj([("additionalProperties", v)])
        }),
        ("not", |v| obj([("not", v)])),
        ("unknown key", |v| obj([("x-vendor", v)])),
        ("plain arrays", |v| Value::Array(vec![v])),
    ];
    type Place = fn(Value) -> Value;
    let places: Vec<(&str, Place)> = vec![
        ("component", |s| {
            put(
                minimal(json!({ "Deep": null }), json!({ "type": "object" })),
                "/components/schemas/Deep",
                s,
            )
        }),
        ("response", |s| {
            put(minimal(json!({}), Value::Null), RESPONSE_SCHEMA, s)
        }),
        ("example", |s| {
            put(
                minimal(json!({}), json!({ "type": "object", "example": null })),
                &format!("{RESPONSE_SCHEMA}/example"),
                s,
            )
        }),
        ("default", |s| {
            put(
                minimal(
                    json!({ "D": { "type": "object", "default": null } }),
                    json!({ "type": "object" }),
                ),
                "/components/schemas/D/default",
                s,
            )
        }),
        ("enum", |s| {
            put(
                minimal(
                    json!({ "E": { "enum": [null] } }),
                    json!({ "type": "object" }),
                ),
                "/components/schemas/E/enum/0",
                s,
            )
        }),
    ];
    on_small_stack(move || {
        // Up to 300 levels of JSON: deeper, a `serde_json::Value` cannot even
        // be dropped on this stack in an unoptimised build (its `Drop`
        // recurses), whoever owns it. Text goes deeper (see below).
        for depth in [40usize, 90, 100, 150, 300] {
            for (shape, wrap) in &shapes {
                let levels = if *shape == "properties" || *shape == "anyOf" {
                    depth / 2
                } else {
                    depth
                };
                for (place, put) in &places {
                    let doc = put(nest(levels, json!({ "type": "string" }), wrap));
                    let stage = pipeline_labelled(doc, format!("{shape} x{depth} in a {place}"));
                    if depth > 200 {
                        assert_eq!(
                            stage,
                            Stage::Rejected,
                            "{shape} x{depth} in a {place} must be rejected"
                        );
                    }
                }
            }
        }
    });
}

/// Deep text: the parsers' own limits and the loader's bound, on a small
/// stack.
#[test]
fn deep_text_is_an_error_not_a_stack_overflow() {
    on_small_stack(|| {
        for depth in [50usize, 100, 127, 128, 129, 300, 5000] {
            let json_text = format!(
                r#"{{"openapi":"3.1.0","info":{{"title":"t","version":"1"}},"paths":{{}},"x":{}1{}}}"#,
                "[".repeat(depth),
                "]".repeat(depth)
            );
            pipeline_text(&json_text);
            let flow = format!(
                "openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\npaths: {{}}\nx: {}1{}\n",
                "[".repeat(depth),
                "]".repeat(depth)
            );
            pipeline_text(&flow);
            let mut block =
                String::from("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\nx:\n");
            for level in 1..depth.min(400) {
                block.push_str(&"  ".repeat(level));
                block.push_str("k:\n");
            }
            block.push_str(&"  ".repeat(depth.min(400)));
            block.push_str("v\n");
            pipeline_text(&block);
            let schema_depth = format!(
                "openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents: {{schemas: {{D: {}{{type: string}}{}}}}}\n",
                "{items: ".repeat(depth),
                "}".repeat(depth)
            );
            let stage = pipeline_text(&schema_depth);
            if depth > 100 {
                assert_eq!(
                    stage,
                    Stage::Rejected,
                    "a schema {depth} levels deep must be rejected"
                );
            }
        }
    });
}

/// Deterministic check that the strategy reaches generation at all with a
/// good document: the fuzz cases above are then known to exercise progenitor.
#[test]
fn a_plain_document_generates() {
    let doc = minimal(
        json!({ "A": { "type": "object", "properties": { "x": { "type": ["string", "null"] }, "k": { "const": "a" } } } }),
        json!({ "$ref": "#/components/schemas/A" }),
    );
    assert_eq!(pipeline_value(doc), Stage::Generated);
}

/// Found by the mangled plausible documents: `components` as an array made
/// the generator panic where it adds hoisted schemas to it.
#[test]
fn components_that_are_not_an_object_are_an_error() {
    for components in [json!([]), json!("x"), json!(null)] {
        let mut doc = minimal(json!({}), json!({ "type": "object" }));
        doc["components"] = components;
        let e = from_value(doc, "c.json").expect_err("components must be an object");
        assert_eq!(e.pointer, "/components", "{e}");
    }
}
