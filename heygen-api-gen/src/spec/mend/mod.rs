//! Mends the mistakes real documents make that have one obvious reading:
//! here those of the document as a whole, before anything else reads it
//! (extensions, `$ref`-object mappings, `<id>` path segments), and in
//! `schema` those of one schema, which `normalise` asks about as it walks
//! them (restrictions no value meets, defaults of the wrong type). Each mend
//! is reported as a [`Warning`] so the document's authors can fix it at the
//! source.

mod schema;

use serde_json::{json, Map, Value};

use crate::input::load::MAX_DEPTH;
use crate::openapi::{HTTP_METHODS, TERMINAL_STATUSES, WEBSOCKET};
use crate::pointer::child;
use crate::warning::Warning;

pub(super) use schema::{bad_default, unsatisfiable_restriction};

/// Extensions that carry meaning for the generator and are kept: the
/// websocket marker, and the terminal statuses that make a schema a `Job`
/// (`x-terminal-statuses: [completed, failed]`, a list of strings).
const KEPT: [&str; 2] = [WEBSOCKET, TERMINAL_STATUSES];

/// Keys whose value is a map from names (chosen by the document's author) to
/// objects: a name starting with `x-` there is a name, not an extension.
const NAMED_MAPS: [&str; 14] = [
    "properties",
    "schemas",
    "parameters",
    "responses",
    "requestBodies",
    "headers",
    "securitySchemes",
    "content",
    "mapping",
    "links",
    "callbacks",
    "encoding",
    "variables",
    "scopes",
];

/// Data, not schema: left exactly as written.
const DATA: [&str; 5] = ["example", "examples", "default", "const", "enum"];

pub(crate) fn mend(doc: &mut Value, origin: &str, warnings: &mut Vec<Warning>) {
    strip_extensions(doc, "", false, origin, warnings, 0);
    mapping_refs(doc, "", origin, warnings, 0);
    literal_path_templates(doc, origin, warnings);
}

/// Extensions mean nothing to the client, and their contents need not be
/// valid OpenAPI: a `$ref` inside one may point nowhere. They are removed
/// before references are checked; only one that held a reference is worth
/// a warning.
fn strip_extensions(
    node: &mut Value,
    pointer: &str,
    named: bool,
    origin: &str,
    warnings: &mut Vec<Warning>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match node {
        Value::Object(map) => {
            if !named {
                let keys: Vec<String> = map
                    .keys()
                    .filter(|k| k.starts_with("x-") && !KEPT.contains(&k.as_str()))
                    .cloned()
                    .collect();
                for key in keys {
                    let removed = map.remove(&key).unwrap_or_default();
                    if holds_ref(&removed, 0) {
                        warnings.push(Warning::new(
                            origin,
                            &child(pointer, &key),
                            format!("extension `{key}` removed: it holds a `$ref`, and extensions are not part of the API"),
                        ));
                    }
                }
                if let Some(ws) = map.get_mut(WEBSOCKET) {
                    *ws = Value::Bool(true);
                }
            }
            for (key, value) in map.iter_mut() {
                if !named && DATA.contains(&key.as_str()) {
                    continue;
                }
                let is_named = !named && NAMED_MAPS.contains(&key.as_str());
                strip_extensions(
                    value,
                    &child(pointer, key),
                    is_named,
                    origin,
                    warnings,
                    depth + 1,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                strip_extensions(
                    v,
                    &child(pointer, &i.to_string()),
                    false,
                    origin,
                    warnings,
                    depth + 1,
                );
            }
        }
        _ => {}
    }
}

fn holds_ref(v: &Value, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match v {
        Value::Object(m) => m.contains_key("$ref") || m.values().any(|v| holds_ref(v, depth + 1)),
        Value::Array(a) => a.iter().any(|v| holds_ref(v, depth + 1)),
        _ => false,
    }
}

/// HeyGen's pages write `discriminator.mapping` values as `{$ref: "..."}`
/// objects; OpenAPI says they are strings. The reference is the string meant.
fn mapping_refs(
    node: &mut Value,
    pointer: &str,
    origin: &str,
    warnings: &mut Vec<Warning>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match node {
        Value::Object(map) => {
            if let Some(mapping) = map
                .get_mut("discriminator")
                .and_then(|d| d.get_mut("mapping"))
                .and_then(Value::as_object_mut)
            {
                let mp = child(&child(pointer, "discriminator"), "mapping");
                for (value, target) in mapping.iter_mut() {
                    let Some(r) = target
                        .as_object()
                        .filter(|o| o.len() == 1)
                        .and_then(|o| o.get("$ref"))
                        .and_then(Value::as_str)
                        .map(String::from)
                    else {
                        continue;
                    };
                    warnings.push(Warning::new(
                        origin,
                        &child(&mp, value),
                        format!("mapping value written as `{{$ref: \"{r}\"}}`; read as the string `{r}`"),
                    ));
                    *target = Value::String(r);
                }
            }
            for (key, value) in map.iter_mut() {
                if DATA.contains(&key.as_str()) {
                    continue;
                }
                mapping_refs(value, &child(pointer, key), origin, warnings, depth + 1);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                mapping_refs(
                    v,
                    &child(pointer, &i.to_string()),
                    origin,
                    warnings,
                    depth + 1,
                );
            }
        }
        _ => {}
    }
}

/// `/v2/template/<id>` and `/v2/template/:id` are path templates in other
/// notations; read literally they would send `<id>` to the server. They
/// become `{id}`, with a path parameter when the operation declares none.
fn literal_path_templates(doc: &mut Value, origin: &str, warnings: &mut Vec<Warning>) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    let renames: Vec<(String, String, Vec<String>)> = paths
        .keys()
        .filter_map(|path| {
            let mut names = Vec::new();
            let segments: Vec<String> = path
                .split('/')
                .map(|s| {
                    let name = s
                        .strip_prefix('<')
                        .and_then(|s| s.strip_suffix('>'))
                        .or_else(|| s.strip_prefix(':'))
                        .filter(|n| {
                            !n.is_empty()
                                && n.chars()
                                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                        });
                    match name {
                        Some(n) => {
                            names.push(n.to_string());
                            format!("{{{n}}}")
                        }
                        None => s.to_string(),
                    }
                })
                .collect();
            (!names.is_empty()).then(|| (path.clone(), segments.join("/"), names))
        })
        .collect();
    for (old, new, names) in renames {
        if paths.contains_key(&new) {
            warnings.push(Warning::new(
                origin,
                &child("/paths", &old),
                format!(
                    "path `{old}` reads as `{new}`, which the document also has; left as written"
                ),
            ));
            continue;
        }
        let Some(mut item) = paths.remove(&old) else {
            continue;
        };
        if let Some(item) = item.as_object_mut() {
            let methods: Vec<String> = item
                .keys()
                .filter(|k| HTTP_METHODS.contains(&k.as_str()))
                .cloned()
                .collect();
            let shared = item.get("parameters").cloned().unwrap_or(json!([]));
            for method in methods {
                let Some(op) = item.get_mut(&method).and_then(Value::as_object_mut) else {
                    continue;
                };
                let declared = |params: &Value, name: &str| {
                    params.as_array().into_iter().flatten().any(|p| {
                        p.get("in").and_then(Value::as_str) == Some("path")
                            && p.get("name").and_then(Value::as_str) == Some(name)
                    })
                };
                let own = op.entry("parameters").or_insert_with(|| json!([]));
                for name in &names {
                    if declared(own, name) || declared(&shared, name) {
                        continue;
                    }
                    if let Some(list) = own.as_array_mut() {
                        let mut p = Map::new();
                        p.insert("name".into(), json!(name));
                        p.insert("in".into(), json!("path"));
                        p.insert("required".into(), json!(true));
                        p.insert("schema".into(), json!({"type": "string"}));
                        list.push(Value::Object(p));
                    }
                }
            }
        }
        warnings.push(Warning::new(
            origin,
            &child("/paths", &old),
            format!("path `{old}` is read as the template `{new}`"),
        ));
        paths.insert(new, item);
    }
}
