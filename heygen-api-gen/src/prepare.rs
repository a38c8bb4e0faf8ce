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

use heck::{ToPascalCase, ToSnakeCase};
use serde_json::{json, Map, Value};

use crate::error::{child, GenError, Result};
use crate::normalise::HTTP_METHODS;
use crate::refs;
use crate::warning::Warning;

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
    /// What was left out or changed, and where.
    pub warnings: Vec<Warning>,
    /// Query parameters renamed so that their Rust names differ:
    /// (name progenitor saw, name on the wire).
    pub renamed: Vec<(String, String)>,
}

pub fn prepare(normalised: &Value, origin: &str) -> Result<Prepared> {
    let mut doc = normalised.clone();
    let mut hoisted: Vec<(String, Value)> = Vec::new();
    let mut multipart = Vec::new();
    let mut retry_classes = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut method_names: Vec<(String, String)> = Vec::new();
    let mut taken: Vec<String> = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|m| m.keys().map(|k| k.to_pascal_case()).collect())
        .unwrap_or_default();
    split_nullable_unions(&mut doc, &mut taken);
    // What references are resolved against, apart from `doc`, whose paths
    // are rewritten while they are read.
    let components = json!({ "components": doc.get("components").cloned().unwrap_or(json!({})) });

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
        for method in HTTP_METHODS {
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
            // Two operations one method: progenitor refuses the document
            // without saying where, so say it here.
            let method_name = op_id.to_snake_case();
            if let Some((other, _)) = method_names.iter().find(|(_, n)| *n == method_name) {
                return Err(GenError::new(
                    origin,
                    &child(&op_pointer, "operationId"),
                    format!("operationId `{op_id}` gives the client method `{method_name}`, which {other} has already; expected unique operationIds"),
                ));
            }
            method_names.push((format!("{} {path}", method.to_uppercase()), method_name));
            let located = |pointer: &str, reason: String| {
                let mut w = Warning::new(origin, pointer, reason);
                w.method = method.to_uppercase();
                w.path = path.clone();
                w.operation_id = op_id.clone();
                w
            };
            let mut notes = Vec::new();
            let adapted = adapt(
                op,
                method,
                &op_pointer,
                &pp,
                shared_params.as_ref(),
                &components,
                &mut notes,
                &mut renamed,
            );
            warnings.extend(notes.into_iter().map(|(p, r)| located(&p, r)));
            if let Err((pointer, reason)) = adapted {
                warnings
                    .push(located(&pointer, format!("operation left out: {reason}")).skipping());
                remove.push(method);
                continue;
            }

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
                1 if ref_name(&success_schemas[0]).is_some() => ref_name(&success_schemas[0]),
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
                        // The Rust name typify gives the component.
                        response_type: response_type.as_ref().map(|n| n.to_pascal_case()),
                        retry_class: class,
                    });
                    remove.push(method);
                    continue;
                } else if !content.is_empty() {
                    let found: Vec<&String> = content.keys().collect();
                    warnings.push(
                        located(
                            &child(&op_pointer, "requestBody"),
                            format!(
                                "operation left out: its request body is {found:?}; the client sends JSON, form, multipart, bytes or text"
                            ),
                        )
                        .skipping(),
                    );
                    remove.push(method);
                    continue;
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
        // Copied into each operation by `adapt`.
        item.remove("parameters");
    }
    paths.retain(|_, item| {
        item.as_object()
            .is_some_and(|o| o.keys().any(|k| HTTP_METHODS.contains(&k.as_str())))
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
        warnings,
        renamed,
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
            if !HTTP_METHODS.contains(&method.as_str()) {
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

/// Follows `$ref`s to `#/components/<kind>/...` (and only those) in
/// `root`, a document holding the components.
fn resolve(v: &Value, root: &Value, kind: &str) -> Value {
    refs::walk(root, v, &format!("#/components/{kind}/"))
        .end
        .clone()
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

/// A reason to leave an operation out: (pointer, why).
type Skip = (String, String);

/// Makes one operation something progenitor can map: mends what is cheap to
/// mend, drops optional parameters it cannot send, and says `Err` when the
/// operation must be left out. `notes` collect (pointer, what was done).
#[allow(clippy::too_many_arguments)]
fn adapt(
    op: &mut Map<String, Value>,
    method: &str,
    op_pointer: &str,
    path_pointer: &str,
    shared: Option<&Value>,
    components: &Value,
    notes: &mut Vec<(String, String)>,
    renamed: &mut Vec<(String, String)>,
) -> std::result::Result<(), Skip> {
    if op.contains_key(crate::mend::WEBSOCKET) {
        return Err((
            child(op_pointer, crate::mend::WEBSOCKET),
            "a websocket upgrade (`x-dropshot-websocket`); the client makes plain HTTP calls"
                .into(),
        ));
    }

    // The path item's parameters are copied into each operation (which may
    // override them), so each decision below is made per operation.
    let mut params: Vec<(String, Value)> = Vec::new();
    let own = op
        .get("parameters")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (i, p) in own.iter().enumerate() {
        let pointer = child(&child(op_pointer, "parameters"), &i.to_string());
        params.push((pointer, resolve(p, components, "parameters")));
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
        let p = resolve(p, components, "parameters");
        if !own_keys.contains(&key(&p)) {
            let pointer = child(&child(path_pointer, "parameters"), &i.to_string());
            params.push((pointer, p));
        }
    }

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
            .map(|s| resolve_schema(s, components))
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
                let all_strings = branches
                    .iter()
                    .all(|b| resolve_schema(b, components).get("type") == Some(&json!("string")));
                if all_strings {
                    notes.push((
                        child(&pointer, "schema"),
                        format!("path parameter `{name}`: a union of strings is a string"),
                    ));
                    p["schema"] = json!({"type": "string"});
                }
            }
        }
        let mut rust = name.to_snake_case();
        if location == "query" && rust_names.contains(&rust) {
            let wanted = distinct_name(&name);
            let mut new_name = wanted.clone();
            let mut n = 2;
            while rust_names.contains(&new_name.to_snake_case()) {
                new_name = format!("{wanted}_{n}");
                n += 1;
            }
            notes.push((
                pointer.clone(),
                format!(
                    "query parameter `{name}` has the same Rust name as another; its builder method is `{}`",
                    new_name.to_snake_case()
                ),
            ));
            renamed.push((new_name.clone(), name.clone()));
            p["name"] = Value::String(new_name.clone());
            rust = new_name.to_snake_case();
        }
        rust_names.push(rust);
        kept.push(p);
    }
    if kept.is_empty() {
        op.remove("parameters");
    } else {
        op.insert("parameters".into(), Value::Array(kept));
    }

    let Some(body) = op.get("requestBody") else {
        return Ok(());
    };
    let body_pointer = child(op_pointer, "requestBody");
    let mut body = resolve(body, components, "requestBodies");
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
        return Ok(());
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
    Ok(())
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
            .map(|s| resolve_schema(s, components))
            .unwrap_or(json!({}));
        let style = p.get("style").and_then(Value::as_str).unwrap_or("form");
        let explode = p.get("explode").and_then(Value::as_bool).unwrap_or(true);
        let fields: Vec<(String, Value)> = schema
            .get("properties")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (k.clone(), resolve_schema(v, components)))
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

/// A component that is a nullable union of two or more branches (`oneOf:
/// [A, B, null]`) made typify emit both `enum X` and `struct X(Option<X>)`,
/// which does not compile. The union becomes a component of its own,
/// `XValue`, and `X` the nullable reference to it.
fn split_nullable_unions(doc: &mut Value, taken: &mut Vec<String>) {
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    let mut added = Vec::new();
    for (name, schema) in schemas.iter_mut() {
        let Some(obj) = schema.as_object_mut() else {
            continue;
        };
        let union = ["oneOf", "anyOf"].into_iter().any(|k| {
            obj.get(k)
                .and_then(Value::as_array)
                .is_some_and(|a| a.len() >= 2)
        });
        if obj.get("nullable") != Some(&Value::Bool(true)) || !union {
            continue;
        }
        let mut inner = obj.clone();
        inner.remove("nullable");
        inner.remove("description");
        let value_name = unique(taken, format!("{}Value", name.to_pascal_case()));
        let mut outer = Map::new();
        if let Some(d) = obj.get("description") {
            outer.insert("description".into(), d.clone());
        }
        outer.insert(
            "allOf".into(),
            json!([{ "$ref": format!("#/components/schemas/{value_name}") }]),
        );
        outer.insert("nullable".into(), Value::Bool(true));
        *schema = Value::Object(outer);
        added.push((value_name, Value::Object(inner)));
    }
    for (name, schema) in added {
        schemas.insert(name, schema);
    }
}
