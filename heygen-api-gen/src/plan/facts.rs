//! What the runtime's traits are implemented for, read off progenitor's
//! final view: envelopes (a `data` field), pages (a `token` cursor and a
//! list beside `next_token`/`has_more`) and jobs (a string `status`).
//!
//! Each rule predicts what typify makes of a schema, so that the emitters
//! find exactly the fields they were promised: a list is a `Vec` only when
//! it is written inline (a named array schema becomes a newtype), a status
//! is a `String` only when it is an unconstrained inline string, and a
//! string enum (inline or named) becomes an enum of those values.

use serde_json::{Map, Value};

use super::model::{BodyKind, JobPlan, OperationPlan, Paging, Plan};
use super::naming;
use crate::openapi::TERMINAL_STATUSES;
use crate::refs;

/// Completes the plan once progenitor's view is final (operations it
/// could not map are gone, schemas it could not map read as any
/// value): forgets what was dropped, and plans envelopes, pages and jobs.
pub(crate) fn settle(plan: &mut Plan, view: &Value) {
    let kept: Vec<(String, String)> = crate::openapi::operations(view)
        .iter()
        .map(|o| (o.path.to_string(), o.method.to_string()))
        .collect();
    plan.operations.retain(|o| {
        matches!(o.body, BodyKind::Multipart(_))
            || kept.iter().any(|(p, m)| *p == o.path && *m == o.method)
    });
    for op in &mut plan.operations {
        settle_operation(view, op);
    }
    plan.jobs = jobs(view, &plan.operations);
}

/// Plans the envelope and the pages of one operation.
fn settle_operation(view: &Value, op: &mut OperationPlan) {
    let Some(success) = &mut op.success else {
        op.paging = None;
        return;
    };
    let schema = component(view, &success.component);
    let props = schema.and_then(properties);
    let data = props.and_then(|p| p.get("data"));
    success.envelope = data.is_some();
    op.paging = match (data, props) {
        (Some(data), Some(props))
            if !matches!(op.body, BodyKind::Multipart(_))
                && takes_token(view, &op.path, &op.method) =>
        {
            paging(view, &success.type_name, props, data)
        }
        _ => None,
    };
}

/// The jobs: components that list their terminal statuses, and the `data`
/// of each `GET` that reads one resource by id (a path parameter), when
/// its `status` is a string.
fn jobs(view: &Value, operations: &[OperationPlan]) -> Vec<JobPlan> {
    let mut found: std::collections::BTreeMap<String, (Vec<String>, &Value)> = Default::default();
    for (name, schema) in view
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        if let Some(list) = schema.get(TERMINAL_STATUSES).and_then(Value::as_array) {
            let list = list
                .iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect();
            found.insert(naming::component_type(name), (list, schema));
        }
    }
    let reads_by_id = operations.iter().filter(|o| {
        o.method == "get" && o.path.contains('{') && !matches!(o.body, BodyKind::Multipart(_))
    });
    for op in reads_by_id {
        let Some(success) = &op.success else { continue };
        let Some(data) = component(view, &success.component)
            .and_then(properties)
            .and_then(|p| p.get("data"))
        else {
            continue;
        };
        if let Some((type_name, schema)) = named_object(view, &success.type_name, "data", data) {
            found.entry(type_name).or_insert((Vec::new(), schema));
        }
    }
    found
        .into_iter()
        .filter(|(_, (_, schema))| has_string_status(view, schema))
        .map(|(type_name, (terminal, _))| JobPlan {
            type_name,
            terminal,
        })
        .collect()
}

/// How the envelope `props` of type `type_name` pages, if it does.
fn paging(
    view: &Value,
    type_name: &str,
    props: &Map<String, Value>,
    data: &Value,
) -> Option<Paging> {
    let data = single_branch(data);
    if is_inline_array(data) {
        return has_cursor(props).then_some(Paging::DataList);
    }
    let (holder, schema) = named_object(view, type_name, "data", data)?;
    let holder_props = properties(schema)?;
    let items = single_branch(holder_props.get("items")?);
    (is_inline_array(items) && has_cursor(holder_props)).then_some(Paging::DataItems { holder })
}

/// Whether the operation has a `token` query parameter (the cursor).
fn takes_token(view: &Value, path: &str, method: &str) -> bool {
    let Some(op) = view
        .get("paths")
        .and_then(|p| p.get(path))
        .and_then(|i| i.get(method))
    else {
        return false;
    };
    op.get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|p| refs::resolved(view, p, "parameters"))
        .any(|p| {
            p.get("in").and_then(Value::as_str) == Some("query")
                && p.get("name").and_then(Value::as_str) == Some("token")
        })
}

fn has_cursor(props: &Map<String, Value>) -> bool {
    props.contains_key("next_token") || props.contains_key("has_more")
}

/// The component schema `name` of the view.
fn component<'a>(view: &'a Value, name: &str) -> Option<&'a Value> {
    view.pointer("/components/schemas")?.get(name)
}

/// The properties of an object schema (after its references).
fn properties(schema: &Value) -> Option<&Map<String, Value>> {
    schema.get("properties")?.as_object()
}

/// `{allOf: [X], nullable}` and `{anyOf: [X]}` as X: typify reads them as X
/// (under an `Option`).
fn single_branch(schema: &Value) -> &Value {
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some([one]) = schema.get(key).and_then(Value::as_array).map(Vec::as_slice) {
            return single_branch(one);
        }
    }
    schema
}

fn is_inline_array(schema: &Value) -> bool {
    schema.get("$ref").is_none() && schema.get("type").and_then(Value::as_str) == Some("array")
}

/// The type and schema of property `property` (schema `schema`) of type
/// `parent`, when it is an object: a reference to a component is that
/// component's type, an inline object is typify's `{Parent}{Property}`.
fn named_object<'a>(
    view: &'a Value,
    parent: &str,
    property: &str,
    schema: &'a Value,
) -> Option<(String, &'a Value)> {
    let schema = single_branch(schema);
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.strip_prefix("#/components/schemas/")?;
        let target = refs::target(view, reference)?;
        return properties(target).map(|_| (naming::component_type(name), target));
    }
    properties(schema).map(|_| (naming::property_type(parent, property), schema))
}

/// Whether the object `schema` has a `status` typify makes a `String` or a
/// string enum.
fn has_string_status(view: &Value, schema: &Value) -> bool {
    let Some(status) = properties(schema).and_then(|p| p.get("status")) else {
        return false;
    };
    let status = single_branch(status);
    if let Some(reference) = status.get("$ref").and_then(Value::as_str) {
        return refs::target(view, reference).is_some_and(is_string_enum);
    }
    is_string_enum(status) || is_plain_string(status)
}

fn is_string_enum(schema: &Value) -> bool {
    schema
        .get("enum")
        .and_then(Value::as_array)
        .is_some_and(|values| {
            values.iter().any(Value::is_string)
                && values.iter().all(|v| v.is_string() || v.is_null())
        })
}

/// A string typify maps to `String`: no format and no constraint (either
/// makes it a type of its own).
fn is_plain_string(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("string")
        && ["format", "pattern", "minLength", "maxLength", "enum"]
            .iter()
            .all(|k| schema.get(*k).is_none())
}
