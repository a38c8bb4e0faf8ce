//! When progenitor fails on a document, its message names no location:
//! halving the set of operations (and of component schemas) until each
//! culprit stands alone is what locates them, so they can be left out with
//! a warning instead of failing the whole client.

use serde_json::Value;

use super::run::{drop_operation, run_progenitor, Tokens};
use crate::error::{GenError, Result};
use crate::openapi::HTTP_METHODS;

/// Generates the document; when progenitor fails on it, finds the
/// operations it fails on (halving the set of operations until each culprit
/// stands alone) and generates the rest without them, with a warning for
/// each. Its messages name no location, so the search is what locates them.
pub(crate) fn generate_skipping(
    doc: &mut Value,
    settings: &progenitor_impl::GenerationSettings,
    mocks: bool,
    origin: &str,
    warnings: &mut Vec<crate::warning::Warning>,
) -> Result<Tokens> {
    let first = match run_progenitor(doc, settings, mocks) {
        Ok(tokens) => return Ok(tokens),
        Err(e) => e,
    };
    let all: Vec<(String, String)> = crate::openapi::operations(doc)
        .iter()
        .map(|o| (o.path.to_string(), o.method.to_string()))
        .collect();
    if let Err(e) = run_progenitor(&only(doc, &[]), settings, mocks) {
        // A component schema typify cannot map: find which (replacing
        // schemas by "any value" until the components map) and read those
        // as any JSON value.
        let bare = only(doc, &[]);
        let names: Vec<String> = bare
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        let fixes = |set: &[String]| run_progenitor(&as_any(&bare, set), settings, mocks).is_ok();
        if names.is_empty() || !fixes(&names) {
            let pointer = culprit_component(doc).unwrap_or_else(|| "/components".to_string());
            return Err(GenError::new(
                origin,
                &pointer,
                format!("progenitor could not map the document's components: {e}"),
            ));
        }
        for name in schema_culprits(&[], &names, &fixes) {
            let pointer = crate::pointer::child("/components/schemas", &name);
            warnings.push(crate::warning::Warning::new(
                origin,
                &pointer,
                format!("schema read as any JSON value (`serde_json::Value`): typify cannot map it: {e}"),
            ));
            *doc = as_any(doc, &[name]);
        }
        if let Ok(tokens) = run_progenitor(doc, settings, mocks) {
            return Ok(tokens);
        }
    }
    let mut culprits = Vec::new();
    find_culprits(doc, &all, settings, mocks, &mut culprits);
    if culprits.is_empty() {
        return Err(GenError::new(
            origin,
            "/paths",
            format!(
                "progenitor could not map the operations together, though each maps alone: {first}"
            ),
        ));
    }
    for ((path, method), why) in culprits {
        let pointer = crate::pointer::child(&crate::pointer::child("/paths", &path), &method);
        warnings.push(
            crate::warning::Warning::new(
                origin,
                &pointer,
                format!("operation left out: progenitor cannot map it: {why}"),
            )
            .skipping()
            .locate(doc),
        );
        drop_operation(doc, &path, &method);
    }
    run_progenitor(doc, settings, mocks).map_err(|e| {
        GenError::new(
            origin,
            "/paths",
            format!(
                "progenitor could not map the document without the operations it failed on: {e}"
            ),
        )
    })
}

fn find_culprits(
    doc: &Value,
    ops: &[(String, String)],
    settings: &progenitor_impl::GenerationSettings,
    mocks: bool,
    out: &mut Vec<((String, String), String)>,
) {
    if ops.is_empty() {
        return;
    }
    let Err(e) = run_progenitor(&only(doc, ops), settings, mocks) else {
        return;
    };
    if ops.len() == 1 {
        out.push((ops[0].clone(), e));
        return;
    }
    let (a, b) = ops.split_at(ops.len() / 2);
    find_culprits(doc, a, settings, mocks, out);
    find_culprits(doc, b, settings, mocks, out);
}

/// The component schemas (a smallest set found by halving) that, read as
/// any value, make the components map. `fixed` are already replaced and do
/// not suffice; replacing `fixed` and `candidates` does.
fn schema_culprits(
    fixed: &[String],
    candidates: &[String],
    fixes: &dyn Fn(&[String]) -> bool,
) -> Vec<String> {
    if candidates.len() <= 1 {
        return candidates.to_vec();
    }
    let (a, b) = candidates.split_at(candidates.len() / 2);
    let with = |extra: &[String]| -> Vec<String> { fixed.iter().chain(extra).cloned().collect() };
    if fixes(&with(a)) {
        return schema_culprits(fixed, a, fixes);
    }
    let in_b = schema_culprits(&with(a), b, fixes);
    if fixes(&with(&in_b)) {
        return in_b;
    }
    let mut out = schema_culprits(&with(&in_b), a, fixes);
    out.extend(in_b);
    out
}

/// The document with the named component schemas replaced by `{}`.
pub(crate) fn as_any(doc: &Value, names: &[String]) -> Value {
    let mut out = doc.clone();
    if let Some(schemas) = out
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for name in names {
            if let Some(s) = schemas.get_mut(name) {
                *s = serde_json::json!({});
            }
        }
    }
    out
}

/// The document with only the given operations (and all its components).
fn only(doc: &Value, ops: &[(String, String)]) -> Value {
    let mut out = doc.clone();
    if let Some(paths) = out.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            if let Some(item) = item.as_object_mut() {
                item.retain(|k, _| {
                    !HTTP_METHODS.contains(&k.as_str())
                        || ops.iter().any(|(p, m)| p == path && m == k)
                });
            }
        }
        paths.retain(|_, item| {
            item.as_object()
                .is_some_and(|o| o.keys().any(|k| HTTP_METHODS.contains(&k.as_str())))
        });
    }
    out
}

/// The first component schema that is not an OpenAPI 3.0 schema on its own.
fn culprit_component(doc: &Value) -> Option<String> {
    let schemas = doc.pointer("/components/schemas")?.as_object()?;
    schemas.iter().find_map(|(name, schema)| {
        serde_json::from_value::<openapiv3::ReferenceOr<openapiv3::Schema>>(schema.clone())
            .is_err()
            .then(|| crate::pointer::child("/components/schemas", name))
    })
}
