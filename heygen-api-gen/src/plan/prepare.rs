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

use serde_json::{json, Map, Value};

use super::model::{BodyKind, FormField, MultipartForm, OperationPlan, Plan, Success};
use super::naming;
use super::params::{adapt, Adapted, Operation};
use super::responses::{self, Names};
use super::retry_class::RetryClass;
use crate::error::{GenError, Result};
use crate::openapi::{media_base, HTTP_METHODS};
use crate::pointer::child;
use crate::refs::resolved;
use crate::warning::Warning;

pub(crate) const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";

/// The request body types progenitor sends, in the order one is chosen.
const SENT_AS_IS: [(&str, BodyKind); 4] = [
    ("application/json", BodyKind::Json),
    ("application/x-www-form-urlencoded", BodyKind::Form),
    ("application/octet-stream", BodyKind::Bytes),
    ("text/plain", BodyKind::Text),
];

/// Returns progenitor's view of `normalised` and the plan of every
/// operation in it (envelopes, pages and jobs are planned by
/// `settle` once progenitor's view is final).
pub(crate) fn prepare(normalised: &Value, origin: &str) -> Result<(Value, Plan)> {
    let mut doc = normalised.clone();
    let mut hoisted: Vec<(String, Value)> = Vec::new();
    let mut plan = Plan::default();
    let mut adapted = Adapted::default();
    let mut names = Names::of(&doc);
    split_nullable_unions(&mut doc, &mut names);
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
                *p = resolved(&components, p, "parameters");
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
            // Two operations one method: progenitor refuses the document
            // without saying where, so say it here.
            let rust_method = naming::operation_method(&op_id);
            if let Some(other) = plan.by_rust_method(&rust_method) {
                return Err(GenError::new(
                    origin,
                    &child(&op_pointer, "operationId"),
                    format!("operationId `{op_id}` gives the client method `{rust_method}`, which {} {} has already; expected unique operationIds", other.method.to_uppercase(), other.path),
                ));
            }
            let located = |pointer: &str, reason: String| {
                let mut w = Warning::new(origin, pointer, reason);
                w.method = method.to_uppercase();
                w.path = path.clone();
                w.operation_id = op_id.clone();
                w
            };
            let at = Operation {
                method,
                pointer: &op_pointer,
                path_pointer: &pp,
                shared: shared_params.as_ref(),
                components: &components,
            };
            let outcome = adapt(op, &at, &mut adapted);
            for (pointer, reason) in adapted.notes.drain(..) {
                plan.warnings.push(located(&pointer, reason));
            }
            if let Err((pointer, reason)) = outcome {
                plan.warnings
                    .push(located(&pointer, format!("operation left out: {reason}")).skipping());
                remove.push(method);
                continue;
            }

            let success = responses::shape(op, &op_id, &components, &mut names, &mut hoisted);
            // A query or header value cannot be `null`; absence says it.
            // (progenitor cannot map nullable parameter types either.)
            if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
                for p in params.iter_mut() {
                    *p = resolved(&components, p, "parameters");
                    if let Some(schema) = p.get_mut("schema") {
                        strip_nullable(schema);
                    }
                }
            }
            let declares_key = declares_key(op, shared_params.as_ref(), &components);
            let retry_class = retry_class(method, declares_key);
            let body = match plan_body(op, shared_params.as_ref(), &components) {
                Ok(body) => body,
                Err(found) => {
                    plan.warnings.push(
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
            };
            if matches!(body, BodyKind::Multipart(_)) {
                remove.push(method);
            } else if (method == "post" || method == "patch") && !declares_key {
                offer_idempotency_key(op);
            }
            plan.operations.push(OperationPlan {
                builder: naming::operation_builder(&op_id),
                rust_method,
                id: op_id,
                method: method.to_string(),
                path: path.clone(),
                retry_class,
                body,
                success: success.map(|component| Success {
                    type_name: naming::component_type(&component),
                    component,
                    envelope: false,
                }),
                paging: None,
            });
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
    plan.renamed = adapted.renamed;
    Ok((doc, plan))
}

/// The operation's parameters and its path item's, resolved.
fn all_params(op: &Map<String, Value>, shared: Option<&Value>, components: &Value) -> Vec<Value> {
    op.get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .chain(
            shared
                .iter()
                .flat_map(|v| v.as_array().into_iter().flatten()),
        )
        .map(|p| resolved(components, p, "parameters"))
        .collect()
}

/// The class of an operation: idempotent by its (lower-case) method, else
/// keyed when it declares an `Idempotency-Key` header, else neither.
fn retry_class(method: &str, declares_key: bool) -> RetryClass {
    match method {
        "get" | "head" | "put" | "delete" | "options" => RetryClass::Idempotent,
        _ if declares_key => RetryClass::Keyed,
        _ => RetryClass::NonIdempotent,
    }
}

/// Whether the operation declares an `Idempotency-Key` header parameter,
/// which is how HeyGen marks the operations that honour one.
fn declares_key(op: &Map<String, Value>, shared: Option<&Value>, components: &Value) -> bool {
    all_params(op, shared, components).iter().any(|p| {
        p.get("in").and_then(Value::as_str) == Some("header")
            && p.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| n.eq_ignore_ascii_case(IDEMPOTENCY_HEADER))
    })
}

/// Chooses the request body progenitor sends (leaving only that media type
/// in the operation) or describes a multipart form; `Err` with the media
/// types found when the client can send none of them.
fn plan_body(
    op: &mut Map<String, Value>,
    shared: Option<&Value>,
    components: &Value,
) -> std::result::Result<BodyKind, Vec<String>> {
    let Some(body) = op.get("requestBody").cloned() else {
        return Ok(BodyKind::None);
    };
    let body = resolved(components, &body, "requestBodies");
    let content = body
        .get("content")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let pick = SENT_AS_IS.iter().find_map(|(want, kind)| {
        content
            .iter()
            .find(|(mt, _)| media_base(mt) == *want)
            .map(|found| (found, kind))
    });
    if let Some(((mt, media), kind)) = pick {
        let mut body = body.clone();
        body["content"] = json!({ mt.clone(): media.clone() });
        op.insert("requestBody".into(), body);
        return Ok(kind.clone());
    }
    if let Some((_, media)) = content
        .iter()
        .find(|(mt, _)| media_base(mt) == "multipart/form-data")
    {
        let schema = media
            .get("schema")
            .map(|s| resolved(components, s, "schemas"))
            .unwrap_or(json!({}));
        return Ok(BodyKind::Multipart(multipart_form(
            op, &schema, shared, components,
        )));
    }
    if content.is_empty() {
        Ok(BodyKind::None)
    } else {
        Err(content.keys().cloned().collect())
    }
}

/// The form of a `multipart/form-data` operation whose body is `schema`.
fn multipart_form(
    op: &Map<String, Value>,
    schema: &Value,
    shared: Option<&Value>,
    components: &Value,
) -> MultipartForm {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let fields = schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(name, s)| {
            let s = resolved(components, s, "schemas");
            let is_file = s
                .get("format")
                .is_some_and(|f| f == "binary" || f == "byte")
                || s.pointer("/items/format").is_some_and(|f| f == "binary");
            FormField {
                name: name.clone(),
                required: required.contains(&name.as_str()),
                is_file,
            }
        })
        .collect();
    let mut path_params: Vec<String> = Vec::new();
    for p in all_params(op, shared, components) {
        if p.get("in").and_then(Value::as_str) == Some("path") {
            if let Some(name) = p.get("name").and_then(Value::as_str) {
                if !path_params.iter().any(|n| n == name) {
                    path_params.push(name.to_string());
                }
            }
        }
    }
    MultipartForm {
        summary: op
            .get("summary")
            .or(op.get("description"))
            .and_then(Value::as_str)
            .map(String::from),
        path_params,
        fields,
    }
}

/// `POST`/`PATCH` operations that do not declare `Idempotency-Key` get an
/// optional one all the same, so a caller who knows better can send it.
fn offer_idempotency_key(op: &mut Map<String, Value>) {
    let params = op.entry("parameters").or_insert_with(|| json!([]));
    let Some(params) = params.as_array_mut() else {
        return;
    };
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

/// A component that is a nullable union of two or more branches (`oneOf:
/// [A, B, null]`) made typify emit both `enum X` and `struct X(Option<X>)`,
/// which does not compile. The union becomes a component of its own,
/// `XValue`, and `X` the nullable reference to it.
fn split_nullable_unions(doc: &mut Value, names: &mut Names) {
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
        let value_name = names.unique(naming::union_value_component(name));
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
