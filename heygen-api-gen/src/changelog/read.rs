//! Reading one document for the changelog: its operations, their
//! parameters and media, and schemas seen through `$ref` and `allOf`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::openapi::HTTP_METHODS;
use crate::refs;

/// The parts of a schema the changelog compares, with `$ref` and `allOf`
/// flattened.
#[derive(Default)]
pub(super) struct View {
    pub(super) name: Option<String>,
    pub(super) ty: Option<String>,
    pub(super) format: Option<String>,
    pub(super) nullable: bool,
    pub(super) enum_values: Option<Vec<Value>>,
    pub(super) properties: BTreeMap<String, Value>,
    pub(super) required: BTreeSet<String>,
    pub(super) items: Option<Value>,
    pub(super) additional: Option<Value>,
    pub(super) variants: Option<Vec<Value>>,
}

/// An operation and the parameters its path item declares for every method.
pub(super) struct Op<'a> {
    pub(super) op: &'a Value,
    pub(super) shared: Option<&'a Value>,
}

pub(super) fn operations(doc: &Value) -> BTreeMap<(String, String), Op<'_>> {
    let mut out = BTreeMap::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (path, item) in paths {
        let shared = item.get("parameters");
        for method in HTTP_METHODS {
            if let Some(op) = item.get(method) {
                out.insert((path.clone(), method.to_string()), Op { op, shared });
            }
        }
    }
    out
}

pub(super) fn op_id(op: &Value) -> &str {
    op.get("operationId").and_then(Value::as_str).unwrap_or("")
}

/// `(in, name)` -> parameter; operation-level parameters override the path's.
pub(super) fn params<'a>(doc: &'a Value, op: &Op<'a>) -> BTreeMap<(String, String), &'a Value> {
    let mut out = BTreeMap::new();
    let lists = [op.shared, op.op.get("parameters")];
    for list in lists.into_iter().flatten() {
        for p in list.as_array().into_iter().flatten() {
            let p = resolve(doc, p).0;
            let (Some(loc), Some(name)) = (
                p.get("in").and_then(Value::as_str),
                p.get("name").and_then(Value::as_str),
            ) else {
                continue;
            };
            out.insert((loc.to_string(), name.to_string()), p);
        }
    }
    out
}

/// Follows a chain of `$ref`s; returns the target and the name of the first
/// reference (the last pointer token).
pub(super) fn resolve<'a>(doc: &'a Value, node: &'a Value) -> (&'a Value, Option<String>) {
    let w = refs::walk(doc, node, "#");
    let name = w
        .first
        .and_then(|r| r.rsplit('/').next())
        .map(|s| s.replace("~1", "/").replace("~0", "~"));
    (w.end, name)
}

/// The media type and schema of a body or response: JSON first.
pub(super) fn media(holder: &Value) -> (Option<&str>, Option<&Value>) {
    let Some(content) = holder.get("content").and_then(Value::as_object) else {
        return (None, None);
    };
    let base = |mt: &str| mt.split(';').next().unwrap_or(mt).trim().to_string();
    let pick = content
        .iter()
        .find(|(mt, _)| base(mt) == "application/json" || base(mt).ends_with("+json"))
        .or_else(|| content.iter().next());
    match pick {
        Some((mt, m)) => (Some(mt.as_str()), m.get("schema")),
        None => (None, None),
    }
}

pub(super) fn view(doc: &Value, schema: &Value, depth: usize) -> View {
    let mut v = View {
        nullable: schema.get("nullable") == Some(&Value::Bool(true)),
        ..View::default()
    };
    if depth > 16 {
        return v;
    }
    let (target, name) = resolve(doc, schema);
    v.name = name;
    if !std::ptr::eq(target, schema) {
        let inner = view(doc, target, depth + 1);
        let nullable = v.nullable || inner.nullable;
        let name = v.name.take();
        v = inner;
        v.nullable = nullable;
        v.name = name;
        return v;
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        if all.len() == 1 {
            v.name = resolve(doc, &all[0]).1;
        }
        for branch in all {
            let b = view(doc, branch, depth + 1);
            v.nullable |= b.nullable && all.len() == 1;
            v.ty = v.ty.or(b.ty);
            v.format = v.format.or(b.format);
            v.enum_values = v.enum_values.or(b.enum_values);
            v.properties.extend(b.properties);
            v.required.extend(b.required);
            v.items = v.items.or(b.items);
            v.additional = v.additional.or(b.additional);
            v.variants = v.variants.or(b.variants);
        }
    }
    if let Some(t) = schema.get("type").and_then(Value::as_str) {
        v.ty = Some(t.to_string());
    }
    if let Some(f) = schema.get("format").and_then(Value::as_str) {
        v.format = Some(f.to_string());
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        v.enum_values = Some(e.clone());
    }
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (k, p) in props {
            v.properties.insert(k.clone(), p.clone());
        }
    }
    for r in schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(r) = r.as_str() {
            v.required.insert(r.to_string());
        }
    }
    if let Some(items) = schema.get("items") {
        v.items = Some(items.clone());
    }
    if let Some(add) = schema.get("additionalProperties").filter(|a| a.is_object()) {
        v.additional = Some(add.clone());
    }
    if let Some(branches) = schema
        .get("anyOf")
        .or(schema.get("oneOf"))
        .and_then(Value::as_array)
    {
        v.variants = Some(branches.clone());
    }
    if v.ty.is_none() {
        v.ty = if !v.properties.is_empty() || v.additional.is_some() {
            Some("object".into())
        } else if v.items.is_some() {
            Some("array".into())
        } else if v.variants.is_some() {
            Some("union".into())
        } else {
            None
        };
    }
    v
}

pub(super) fn variant_key(doc: &Value, branch: &Value) -> String {
    match resolve(doc, branch) {
        (_, Some(name)) => format!("`{name}`"),
        (target, None) => {
            let ty = target
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("inline schema");
            format!("`{ty}`")
        }
    }
}
