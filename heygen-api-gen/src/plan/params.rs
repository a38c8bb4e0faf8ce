//! An operation's parameters and request body as progenitor can map them:
//! what is cheap to mend is mended, optional parameters it cannot send are
//! left out with a note, and an operation it cannot send at all is skipped.

use serde_json::{json, Map, Value};

use super::naming;
use crate::openapi::media_base;
use crate::pointer::child;
use crate::refs::resolved;

pub(super) type Skip = (String, String);

/// Where an operation sits and what it is read against.
pub(super) struct Operation<'a> {
    /// Lower case.
    pub method: &'a str,
    pub pointer: &'a str,
    /// The pointer of its path item.
    pub path_pointer: &'a str,
    /// The path item's parameters, which the operation may override.
    pub shared: Option<&'a Value>,
    /// A document holding the components references are resolved in.
    pub components: &'a Value,
}

/// What adapting operations did: (pointer, what was done) notes, and the
/// query parameters it renamed, (name progenitor sees, name on the wire).
#[derive(Default)]
pub(super) struct Adapted {
    pub notes: Vec<(String, String)>,
    pub renamed: Vec<(String, String)>,
}

/// Makes one operation something progenitor can map: mends what is cheap to
/// mend, drops optional parameters it cannot send, and says `Err` when the
/// operation must be left out.
pub(super) fn adapt(
    op: &mut Map<String, Value>,
    at: &Operation<'_>,
    done: &mut Adapted,
) -> std::result::Result<(), Skip> {
    let op_pointer = at.pointer;
    if op.contains_key(crate::openapi::WEBSOCKET) {
        return Err((
            child(op_pointer, crate::openapi::WEBSOCKET),
            "a websocket upgrade (`x-dropshot-websocket`); the client makes plain HTTP calls"
                .into(),
        ));
    }

    let params = operation_params(op, at);
    let kept = mappable_params(params, at, done)?;
    if kept.is_empty() {
        op.remove("parameters");
    } else {
        op.insert("parameters".into(), Value::Array(kept));
    }

    adapt_body(op, at, &mut done.notes);
    Ok(())
}

/// The operation's parameters and those of its path item it does not
/// override, resolved, each with its pointer: the path item's are copied
/// into each operation, so each decision is made per operation.
fn operation_params(op: &Map<String, Value>, at: &Operation<'_>) -> Vec<(String, Value)> {
    let Operation {
        pointer: op_pointer,
        path_pointer,
        shared,
        components,
        ..
    } = *at;
    let mut params: Vec<(String, Value)> = Vec::new();
    let own = op
        .get("parameters")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (i, p) in own.iter().enumerate() {
        let pointer = child(&child(op_pointer, "parameters"), &i.to_string());
        params.push((pointer, resolved(components, p, "parameters")));
    }
    let key = |p: &Value| {
        (
            p.get("name").and_then(Value::as_str).map(String::from),
            p.get("in").and_then(Value::as_str).map(String::from),
        )
    };
    let own_keys: Vec<_> = params.iter().map(|(_, p)| key(p)).collect();
    for (i, p) in shared
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let p = resolved(components, p, "parameters");
        if !own_keys.contains(&key(&p)) {
            let pointer = child(&child(path_pointer, "parameters"), &i.to_string());
            params.push((pointer, p));
        }
    }

    params
}

/// The parameters progenitor can send: object queries flattened, query
/// names that collide in Rust renamed, optional ones it cannot send left
/// out with a note; `Err` for a required one it cannot send.
fn mappable_params(
    params: Vec<(String, Value)>,
    at: &Operation<'_>,
    done: &mut Adapted,
) -> std::result::Result<Vec<Value>, Skip> {
    let components = at.components;
    let Adapted { notes, renamed } = done;
    let params = flatten_object_queries(params, components, notes);
    let mut kept = Vec::new();
    let mut rust_names: Vec<String> = Vec::new();
    for (pointer, mut p) in params {
        let name = p
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let location = p
            .get("in")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let required = p.get("required") == Some(&Value::Bool(true));
        let schema = p
            .get("schema")
            .map(|s| resolved(components, s, "schemas"))
            .unwrap_or(json!({}));
        // progenitor sends query parameters in `form` style only, and
        // panics on an object even in that style.
        let is_object = schema.get("type") == Some(&json!("object"))
            || schema.get("properties").is_some()
            || p.get("style") == Some(&json!("deepObject"));
        let unsupported = match location.as_str() {
            "cookie" => Some("cookie parameters are not supported"),
            "query" if is_object => {
                Some("object-valued (`deepObject`) query parameters are not supported")
            }
            "header" if schema.get("type") == Some(&json!("array")) => {
                Some("array-valued header parameters are not supported")
            }
            _ => None,
        };
        if let Some(why) = unsupported {
            if required {
                return Err((
                    pointer,
                    format!("required {location} parameter `{name}`: {why}"),
                ));
            }
            notes.push((
                pointer,
                format!("optional {location} parameter `{name}` left out: {why}"),
            ));
            continue;
        }
        if location == "path" {
            let branches = schema
                .get("anyOf")
                .or(schema.get("oneOf"))
                .and_then(Value::as_array);
            if let Some(branches) = branches {
                let all_strings = branches.iter().all(|b| {
                    resolved(components, b, "schemas").get("type") == Some(&json!("string"))
                });
                if all_strings {
                    notes.push((
                        child(&pointer, "schema"),
                        format!("path parameter `{name}`: a union of strings is a string"),
                    ));
                    p["schema"] = json!({"type": "string"});
                }
            }
        }
        let mut rust = naming::parameter(&name);
        if location == "query" && rust_names.contains(&rust) {
            let wanted = distinct_name(&name);
            let mut new_name = wanted.clone();
            let mut n = 2;
            while rust_names.contains(&naming::parameter(&new_name)) {
                new_name = format!("{wanted}_{n}");
                n += 1;
            }
            notes.push((
                pointer.clone(),
                format!(
                    "query parameter `{name}` has the same Rust name as another; its builder method is `{}`",
                    naming::parameter(&new_name)
                ),
            ));
            renamed.push((new_name.clone(), name.clone()));
            p["name"] = Value::String(new_name.clone());
            rust = naming::parameter(&new_name);
        }
        rust_names.push(rust);
        kept.push(p);
    }
    Ok(kept)
}

/// Mends the request body: a body without a schema on a method without one
/// is dropped, an undescribed JSON or text body is any value, a binary body
/// of any type is sent as bytes.
fn adapt_body(op: &mut Map<String, Value>, at: &Operation<'_>, notes: &mut Vec<(String, String)>) {
    let Operation {
        method,
        pointer: op_pointer,
        components,
        ..
    } = *at;
    let Some(body) = op.get("requestBody") else {
        return;
    };
    let body_pointer = child(op_pointer, "requestBody");
    let mut body = resolved(components, body, "requestBodies");
    let content = body
        .get("content")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let no_schema = content.values().all(|m| m.get("schema").is_none());
    if no_schema && matches!(method, "get" | "head" | "delete" | "options") {
        notes.push((
            body_pointer,
            format!(
                "a request body without a schema on {}: sent without a body",
                method.to_uppercase()
            ),
        ));
        op.remove("requestBody");
        return;
    }
    if no_schema && !content.is_empty() {
        // A JSON or text body the document does not describe: any value.
        let mut described = false;
        if let Some(content) = body.get_mut("content").and_then(Value::as_object_mut) {
            for (mt, media) in content.iter_mut() {
                // A media type that is not an object is not ours to mend.
                let Some(media) = media.as_object_mut() else {
                    continue;
                };
                let base = media_base(mt);
                if base == "application/json" || base.ends_with("+json") {
                    media.insert("schema".into(), json!({}));
                    described = true;
                } else if base == "text/plain" {
                    media.insert("schema".into(), json!({"type": "string"}));
                    described = true;
                }
            }
        }
        if described {
            notes.push((
                body_pointer.clone(),
                "a request body without a schema: any JSON value (`serde_json::Value`)".into(),
            ));
            op.insert("requestBody".into(), body.clone());
        }
    }
    let has = |want: &dyn Fn(&str) -> bool| content.keys().any(|mt| want(media_base(mt)));
    let structured = has(&|mt| {
        mt == "application/json"
            || mt.ends_with("+json")
            || mt == "application/x-www-form-urlencoded"
            || mt == "multipart/form-data"
    });
    let binary = has(&|mt| {
        mt == "application/octet-stream"
            || mt.starts_with("image/")
            || mt.starts_with("audio/")
            || mt.starts_with("video/")
            || mt == "application/pdf"
            || mt == "*/*"
    });
    if !structured && binary {
        // progenitor sends `application/octet-stream` bodies as bytes; any
        // other binary type is the same bytes.
        let types: Vec<&String> = content.keys().collect();
        if !(types.len() == 1 && media_base(types[0]) == "application/octet-stream") {
            notes.push((
                child(&body_pointer, "content"),
                format!("request body {types:?} is sent as bytes (`application/octet-stream`)"),
            ));
        }
        body["content"] = json!({
            "application/octet-stream": { "schema": { "type": "string", "format": "binary" } }
        });
        op.insert("requestBody".into(), body);
    }
}

/// progenitor panics on an object-valued query parameter. One whose fields
/// are all scalars is sent the way its style says as one query parameter
/// per field: `?from=..&to=..` in `form` style (exploded, the default),
/// `?filter[from]=..` in `deepObject` style. Anything else is left for the
/// caller to drop.
fn flatten_object_queries(
    params: Vec<(String, Value)>,
    components: &Value,
    notes: &mut Vec<(String, String)>,
) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for (pointer, p) in params {
        let schema = p
            .get("schema")
            .map(|s| resolved(components, s, "schemas"))
            .unwrap_or(json!({}));
        let style = p.get("style").and_then(Value::as_str).unwrap_or("form");
        let explode = p.get("explode").and_then(Value::as_bool).unwrap_or(true);
        let fields: Vec<(String, Value)> = schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (k.clone(), resolved(components, v, "schemas")))
                    .collect()
            })
            .unwrap_or_default();
        let scalar = |s: &Value| {
            matches!(
                s.get("type").and_then(Value::as_str),
                Some("string" | "integer" | "number" | "boolean")
            )
        };
        let flattenable = p.get("in") == Some(&json!("query"))
            && (schema.get("type") == Some(&json!("object")) || schema.get("properties").is_some())
            && !fields.is_empty()
            && fields.iter().all(|(_, s)| scalar(s))
            && ((style == "form" && explode) || style == "deepObject");
        if !flattenable {
            out.push((pointer, p));
            continue;
        }
        let name = p.get("name").and_then(Value::as_str).unwrap_or_default();
        let required_param = p.get("required") == Some(&Value::Bool(true));
        let required_fields: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut names = Vec::new();
        for (field, field_schema) in &fields {
            let wire = if style == "deepObject" {
                format!("{name}[{field}]")
            } else {
                field.clone()
            };
            let mut q = Map::new();
            q.insert("name".into(), json!(wire));
            q.insert("in".into(), json!("query"));
            q.insert(
                "required".into(),
                json!(required_param && required_fields.contains(&field.as_str())),
            );
            if let Some(d) = field_schema.get("description") {
                q.insert("description".into(), d.clone());
            }
            q.insert("schema".into(), field_schema.clone());
            names.push(format!("`{wire}`"));
            out.push((pointer.clone(), Value::Object(q)));
        }
        notes.push((
            pointer,
            format!(
                "object query parameter `{name}` ({style} style) is sent as one parameter per field: {}",
                names.join(", ")
            ),
        ));
    }
    out
}

/// `StartTime<` -> `StartTime_lt`: a name whose Rust form differs from
/// `StartTime`'s and that says what the symbols said.
fn distinct_name(name: &str) -> String {
    let mut base = String::new();
    let mut suffix: Vec<&str> = Vec::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            base.push(c);
        } else {
            let word = match c {
                '<' => "lt",
                '>' => "gt",
                '=' => "eq",
                '!' => "not",
                '~' => "like",
                '-' | '[' | ']' | '.' | ' ' => continue,
                _ => "x",
            };
            suffix.push(word);
        }
    }
    if suffix.is_empty() {
        suffix.push("2");
    }
    format!("{base}_{}", suffix.join("_"))
}
