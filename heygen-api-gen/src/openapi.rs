//! The OpenAPI vocabulary every step shares: the methods of a path item,
//! the extensions the generator reads, media types, and a walk over a
//! document's operations.

use serde_json::Value;

/// The keys of an OpenAPI path item that are operations, in the order the
/// specification lists them. The one list of HTTP methods in this crate:
/// every module that walks `paths` iterates or matches against it.
pub(crate) const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// A websocket upgrade (dropshot's extension): kept by `mend`, left out
/// by the plan.
pub(crate) const WEBSOCKET: &str = "x-dropshot-websocket";

/// A schema's list of terminal statuses (HeyGen's jobs): kept by `mend`,
/// read by the plan.
pub(crate) const TERMINAL_STATUSES: &str = "x-terminal-statuses";

/// A media type without its parameters: `application/json; charset=utf-8`
/// is `application/json`.
pub(crate) fn media_base(mt: &str) -> &str {
    mt.split(';').next().unwrap_or(mt).trim()
}

/// Whether a media type is JSON (`application/json`, `...+json`).
pub(crate) fn is_json(mt: &str) -> bool {
    let base = media_base(mt);
    base == "application/json" || base.ends_with("+json")
}

/// One operation of a document: path, method (lower case), operationId and
/// the operation.
pub(crate) struct OperationRef<'a> {
    pub path: &'a str,
    pub method: &'a str,
    pub id: &'a str,
    pub op: &'a Value,
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
            });
        }
    }
    out
}
