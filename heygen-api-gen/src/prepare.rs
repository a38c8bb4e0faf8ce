//! Shapes a normalised document into what progenitor should see. Where
//! `normalise` keeps meaning and only changes spelling, this pass makes the
//! client-design choices that a generator cannot know:
//!
//! - every inline success schema gets a unique component name, so typify can
//!   never map one operation's response onto another type of the same name;
//! - error responses are left to the hand-written layer, which decodes every
//!   non-2xx answer the same way (HeyGen's `{error: {...}}`), keeps the status
//!   and the request id, and survives a proxy's HTML page;
//! - every operation gets a retry class: idempotent by method, keyed (a
//!   `POST`/`PATCH` that declares an `Idempotency-Key` header parameter,
//!   which is how HeyGen marks the operations that honour one), or neither;
//!   the runtime retries each class differently;
//! - `POST`/`PATCH` operations that do not declare `Idempotency-Key` get an
//!   optional one all the same, so a caller who knows better can send it;
//! - `multipart/form-data` operations are taken out of progenitor's view and
//!   described for the generator's own multipart methods.

use heck::ToPascalCase;
use serde_json::{json, Map, Value};

use crate::error::{child, GenError, Result};

pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";

/// A `multipart/form-data` operation, generated outside progenitor.
#[derive(Debug, Clone)]
pub struct MultipartOperation {
    pub operation_id: String,
    pub method: String,
    pub path: String,
    pub summary: Option<String>,
    pub path_params: Vec<String>,
    /// (name, required, is_file)
    pub fields: Vec<(String, bool, bool)>,
    /// Component name of the success body, when it is JSON.
    pub response_type: Option<String>,
    pub retry_class: RetryClass,
}

/// How safe it is to send an operation's request again; mirrors the
/// runtime's `RetryClass`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryClass {
    /// `GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS`.
    Idempotent,
    /// A `POST`/`PATCH` that declares an `Idempotency-Key` header parameter.
    Keyed,
    /// Any other operation.
    NonIdempotent,
}

impl RetryClass {
    /// The name of the runtime's variant.
    pub fn variant(self) -> &'static str {
        match self {
            RetryClass::Idempotent => "Idempotent",
            RetryClass::Keyed => "Keyed",
            RetryClass::NonIdempotent => "NonIdempotent",
        }
    }

    /// What the class means for a caller, for the operation's docs.
    pub fn doc(self) -> &'static str {
        match self {
            RetryClass::Idempotent => "**Retries:** idempotent by method. The client retries it after a 429, a 5xx, a 409 `request_in_progress` or a lost connection.",
            RetryClass::Keyed => "**Retries:** keyed. HeyGen honours `Idempotency-Key` here: the client sends one key per call (or yours, from `.idempotency_key(...)`) and reuses it on every retry, so it retries after a 429, a 5xx, a 409 `request_in_progress` or a lost connection and the server still runs the call once.",
            RetryClass::NonIdempotent => "**Retries:** not idempotent. HeyGen does not document `Idempotency-Key` here, so the client retries it only after a 429 or when nothing was sent (connection refused, DNS, TLS). After a 5xx or a lost connection the call may have done its work: check before sending it again.",
        }
    }
}

pub struct Prepared {
    pub doc: Value,
    pub multipart: Vec<MultipartOperation>,
    /// Every operation's retry class, by operationId (multipart included).
    pub retry_classes: Vec<(String, RetryClass)>,
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

pub fn prepare(normalised: &Value, origin: &str) -> Result<Prepared> {
    let mut doc = normalised.clone();
    let mut hoisted: Vec<(String, Value)> = Vec::new();
    let mut multipart = Vec::new();
    let mut retry_classes = Vec::new();
    let mut taken: Vec<String> = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|m| m.keys().map(|k| k.to_pascal_case()).collect())
        .unwrap_or_default();
    let components = doc.get("components").cloned().unwrap_or(json!({}));

    let paths = doc
        .get_mut("paths")
        .and_then(Value::as_object_mut)
        .expect("normalised");
    for (path, item) in paths.iter_mut() {
        let pp = child("/paths", path);
        let item = item.as_object_mut().expect("normalised");
        if let Some(params) = item.get_mut("parameters").and_then(Value::as_array_mut) {
            for p in params.iter_mut() {
                *p = resolve(p, &components, "parameters");
                if let Some(schema) = p.get_mut("schema") {
                    strip_nullable(schema);
                }
            }
        }
        let shared_params = item.get("parameters").cloned();
        let mut remove = Vec::new();
        for method in METHODS {
            let Some(op) = item.get_mut(method).and_then(Value::as_object_mut) else {
                continue;
            };
            let op_pointer = child(&pp, method);
            let op_id = op
                .get("operationId")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let type_base = op_id.to_pascal_case();

            // Success responses only; the layer owns everything else.
            let responses = op
                .get_mut("responses")
                .and_then(Value::as_object_mut)
                .expect("normalised");
            let mut kept = Map::new();
            for (code, r) in responses.iter() {
                if is_success(code) {
                    kept.insert(code.clone(), resolve(r, &components, "responses"));
                }
            }
            let mut success_schemas: Vec<Value> = Vec::new();
            for r in kept.values() {
                if let Some(s) = json_schema(r) {
                    if !success_schemas.contains(s) {
                        success_schemas.push(s.clone());
                    }
                }
            }
            let response_type = match success_schemas.len() {
                0 => None,
                1 if success_schemas[0].get("$ref").is_some() => {
                    ref_name(&success_schemas[0]).map(|n| n.to_pascal_case())
                }
                _ => {
                    let schema = if success_schemas.len() == 1 {
                        success_schemas.remove(0)
                    } else {
                        json!({ "anyOf": success_schemas })
                    };
                    let name = unique(&mut taken, format!("{type_base}Response"));
                    hoisted.push((name.clone(), schema));
                    Some(name)
                }
            };
            if let Some(name) = &response_type {
                for r in kept.values_mut() {
                    if let Some(media) = json_media_mut(r) {
                        media.insert(
                            "schema".into(),
                            json!({ "$ref": format!("#/components/schemas/{name}") }),
                        );
                    }
                }
            }
            // progenitor needs one body kind across the success codes: give
            // them all the content of the first that has one (a 202 beside a
            // 200 then decodes the same way instead of failing to generate).
            let kinds: Vec<Option<String>> = kept.values().map(content_kind).collect();
            if kinds.iter().any(|k| k != &kinds[0]) {
                let primary = kept
                    .values()
                    .find(|r| content_kind(r).as_deref() == Some("json"))
                    .or_else(|| kept.values().find(|r| content_kind(r).is_some()))
                    .and_then(|r| r.get("content").cloned());
                if let Some(content) = primary {
                    for r in kept.values_mut() {
                        if let Some(obj) = r.as_object_mut() {
                            obj.insert("content".into(), content.clone());
                        }
                    }
                }
            }
            *responses = kept;

            // A query or header value cannot be `null`; absence says it.
            // (progenitor cannot map nullable parameter types either.)
            if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
                for p in params.iter_mut() {
                    *p = resolve(p, &components, "parameters");
                    if let Some(schema) = p.get_mut("schema") {
                        strip_nullable(schema);
                    }
                }
            }

            let is_mutating = method == "post" || method == "patch";
            let declares_key = op
                .get("parameters")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .chain(
                    shared_params
                        .iter()
                        .flat_map(|v| v.as_array().into_iter().flatten()),
                )
                .any(|p| {
                    let p = resolve(p, &components, "parameters");
                    p.get("in").and_then(Value::as_str) == Some("header")
                        && p.get("name")
                            .and_then(Value::as_str)
                            .is_some_and(|n| n.eq_ignore_ascii_case(IDEMPOTENCY_HEADER))
                });
            let class = match method {
                "get" | "head" | "put" | "delete" | "options" => RetryClass::Idempotent,
                _ if declares_key => RetryClass::Keyed,
                _ => RetryClass::NonIdempotent,
            };
            retry_classes.push((op_id.clone(), class));
            if let Some(body) = op.get("requestBody").cloned() {
                let body = resolve(&body, &components, "requestBodies");
                let content = body
                    .get("content")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                let pick = [
                    "application/json",
                    "application/x-www-form-urlencoded",
                    "application/octet-stream",
                    "text/plain",
                ]
                .into_iter()
                .find_map(|want| content.iter().find(|(mt, _)| media_base(mt) == want));
                if let Some((mt, media)) = pick {
                    let mut body = body.clone();
                    body["content"] = json!({ mt.clone(): media.clone() });
                    op.insert("requestBody".into(), body);
                } else if let Some((_, media)) = content
                    .iter()
                    .find(|(mt, _)| media_base(mt) == "multipart/form-data")
                {
                    let schema = media
                        .get("schema")
                        .map(|s| resolve_schema(s, &components))
                        .unwrap_or(json!({}));
                    let required: Vec<String> = schema
                        .get("required")
                        .and_then(Value::as_array)
                        .map(|r| {
                            r.iter()
                                .filter_map(|v| v.as_str().map(String::from))
                                .collect()
                        })
                        .unwrap_or_default();
                    let fields = schema
                        .get("properties")
                        .and_then(Value::as_object)
                        .map(|props| {
                            props
                                .iter()
                                .map(|(name, s)| {
                                    let s = resolve_schema(s, &components);
                                    let is_file = s
                                        .get("format")
                                        .is_some_and(|f| f == "binary" || f == "byte")
                                        || s.pointer("/items/format")
                                            .is_some_and(|f| f == "binary");
                                    (name.clone(), required.contains(name), is_file)
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    let mut path_params = Vec::new();
                    for p in op
                        .get("parameters")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .chain(
                            shared_params
                                .iter()
                                .flat_map(|v| v.as_array().into_iter().flatten()),
                        )
                    {
                        let p = resolve(p, &components, "parameters");
                        if p.get("in").and_then(Value::as_str) == Some("path") {
                            if let Some(name) = p.get("name").and_then(Value::as_str) {
                                if !path_params.iter().any(|n: &String| n == name) {
                                    path_params.push(name.to_string());
                                }
                            }
                        }
                    }
                    multipart.push(MultipartOperation {
                        operation_id: op_id.clone(),
                        method: method.to_string(),
                        path: path.clone(),
                        summary: op
                            .get("summary")
                            .or(op.get("description"))
                            .and_then(Value::as_str)
                            .map(String::from),
                        path_params,
                        fields,
                        response_type: response_type.clone(),
                        retry_class: class,
                    });
                    remove.push(method);
                    continue;
                } else if !content.is_empty() {
                    let found: Vec<&String> = content.keys().collect();
                    return Err(GenError::new(
                        origin,
                        &child(&op_pointer, "requestBody"),
                        format!(
                            "expected a request body of JSON, form, multipart, octet-stream or text; found {found:?}"
                        ),
                    ));
                }
            }

            if is_mutating && !declares_key {
                let params = op.entry("parameters").or_insert_with(|| json!([]));
                if let Some(params) = params.as_array_mut() {
                    let declared = params.iter().any(|p| {
                        p.get("name")
                            .and_then(Value::as_str)
                            .is_some_and(|n| n.eq_ignore_ascii_case(IDEMPOTENCY_HEADER))
                    });
                    if !declared {
                        params.push(json!({
                            "name": IDEMPOTENCY_HEADER,
                            "in": "header",
                            "required": false,
                            "description": "Sent as given. HeyGen does not document this operation as honouring an `Idempotency-Key`, so setting one does not make the client retry it after a 5xx (unless the client trusts caller keys), and the client sets none itself.",
                            "schema": { "type": "string" }
                        }));
                    }
                }
            }
        }
        for method in remove {
            item.remove(method);
        }
    }
    paths.retain(|_, item| {
        item.as_object()
            .is_some_and(|o| o.keys().any(|k| METHODS.contains(&k.as_str())))
    });

    if !hoisted.is_empty() {
        let schemas = doc
            .as_object_mut()
            .expect("normalised")
            .entry("components")
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .expect("components is an object")
            .entry("schemas")
            .or_insert_with(|| json!({}));
        if let Some(schemas) = schemas.as_object_mut() {
            for (name, schema) in hoisted {
                schemas.insert(name, schema);
            }
        }
    }
    Ok(Prepared {
        doc,
        multipart,
        retry_classes,
    })
}

/// One operation of a document: path, method (lower case), operationId,
/// the operation, and the parameters its path item shares with it.
pub(crate) struct OperationRef<'a> {
    pub path: &'a str,
    pub method: &'a str,
    pub id: &'a str,
    pub op: &'a Value,
    pub shared_params: &'a [Value],
}

/// Every operation of a (normalised) document, in document order.
pub(crate) fn operations(doc: &Value) -> Vec<OperationRef<'_>> {
    let mut out = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        let shared_params = item
            .get("parameters")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for (method, op) in item {
            if !METHODS.contains(&method.as_str()) {
                continue;
            }
            let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            out.push(OperationRef {
                path,
                method,
                id,
                op,
                shared_params,
            });
        }
    }
    out
}

fn strip_nullable(schema: &mut Value) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if obj.remove("nullable").is_some() {
        if let Some(Value::Array(all)) = obj.get("allOf") {
            if all.len() == 1 && obj.len() == 1 {
                *schema = all[0].clone();
            }
        }
    }
}

fn is_success(code: &str) -> bool {
    code.starts_with('2') && code.len() == 3
}

fn media_base(mt: &str) -> &str {
    mt.split(';').next().unwrap_or(mt).trim()
}

fn unique(taken: &mut Vec<String>, wanted: String) -> String {
    let mut name = wanted.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{wanted}{n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

fn ref_name(schema: &Value) -> Option<String> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
        .map(String::from)
}

/// Follows a `$ref` to `#/components/<kind>/<name>`.
fn resolve(v: &Value, components: &Value, kind: &str) -> Value {
    let mut cur = v.clone();
    for _ in 0..16 {
        let Some(r) = cur.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let prefix = format!("#/components/{kind}/");
        let Some(name) = r.strip_prefix(&prefix) else {
            break;
        };
        match components.get(kind).and_then(|m| m.get(name)) {
            Some(next) => cur = next.clone(),
            None => break,
        }
    }
    cur
}

fn resolve_schema(v: &Value, components: &Value) -> Value {
    resolve(v, components, "schemas")
}

/// `json`, `raw` (any other content) or `None` (no body).
fn content_kind(response: &Value) -> Option<String> {
    let content = response.get("content")?.as_object()?;
    if content.is_empty() {
        return None;
    }
    let json = content
        .keys()
        .any(|mt| media_base(mt) == "application/json" || media_base(mt).ends_with("+json"));
    Some(if json { "json" } else { "raw" }.to_string())
}

fn json_schema(response: &Value) -> Option<&Value> {
    let content = response.get("content")?.as_object()?;
    content
        .iter()
        .find(|(mt, _)| media_base(mt) == "application/json" || media_base(mt).ends_with("+json"))
        .and_then(|(_, m)| m.get("schema"))
}

fn json_media_mut(response: &mut Value) -> Option<&mut Map<String, Value>> {
    let content = response.get_mut("content")?.as_object_mut()?;
    content
        .iter_mut()
        .find(|(mt, _)| media_base(mt) == "application/json" || media_base(mt).ends_with("+json"))
        .and_then(|(_, m)| m.as_object_mut())
}
