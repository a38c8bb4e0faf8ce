//! An operation's success responses as progenitor should see them: the
//! error responses left to the runtime, one named success component, and
//! one body kind across the success codes.

use serde_json::{json, Map, Value};

use super::naming;
use crate::openapi::is_json;
use crate::refs::resolved;

/// Names already given to components, by typify's type name, so that a
/// hoisted success body never takes one.
pub(super) struct Names {
    taken: Vec<String>,
}

impl Names {
    pub(super) fn of(doc: &Value) -> Names {
        let taken = doc
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map(|m| m.keys().map(|k| naming::component_type(k)).collect())
            .unwrap_or_default();
        Names { taken }
    }

    /// `wanted`, or `wanted2`, `wanted3`, ... whichever is free; taken.
    pub(super) fn unique(&mut self, wanted: String) -> String {
        let mut name = wanted.clone();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{wanted}{n}");
            n += 1;
        }
        self.taken.push(name.clone());
        name
    }
}

/// Keeps only the success responses of `op`, gives their JSON schema one
/// component name (hoisting an inline schema into `hoisted`), and returns
/// that component's name.
pub(super) fn shape(
    op: &mut Map<String, Value>,
    operation_id: &str,
    components: &Value,
    names: &mut Names,
    hoisted: &mut Vec<(String, Value)>,
) -> Option<String> {
    let responses = op
        .get_mut("responses")
        .and_then(Value::as_object_mut)
        .expect("normalised");
    let mut kept = Map::new();
    for (code, r) in responses.iter() {
        if is_success(code) {
            kept.insert(code.clone(), resolved(components, r, "responses"));
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
    let component = match success_schemas.len() {
        0 => None,
        1 if ref_name(&success_schemas[0]).is_some() => ref_name(&success_schemas[0]),
        _ => {
            let schema = if success_schemas.len() == 1 {
                success_schemas.remove(0)
            } else {
                json!({ "anyOf": success_schemas })
            };
            let name = names.unique(naming::response_component(operation_id));
            hoisted.push((name.clone(), schema));
            Some(name)
        }
    };
    if let Some(name) = &component {
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
    let kinds: Vec<Option<&str>> = kept.values().map(content_kind).collect();
    if kinds.iter().any(|k| k != &kinds[0]) {
        let primary = kept
            .values()
            .find(|r| content_kind(r) == Some("json"))
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
    component
}

fn is_success(code: &str) -> bool {
    code.starts_with('2') && code.len() == 3
}

fn ref_name(schema: &Value) -> Option<String> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
        .map(String::from)
}

/// `json`, `raw` (any other content) or `None` (no body).
fn content_kind(response: &Value) -> Option<&'static str> {
    let content = response.get("content")?.as_object()?;
    if content.is_empty() {
        return None;
    }
    Some(if content.keys().any(|mt| is_json(mt)) {
        "json"
    } else {
        "raw"
    })
}

fn json_schema(response: &Value) -> Option<&Value> {
    let content = response.get("content")?.as_object()?;
    content
        .iter()
        .find(|(mt, _)| is_json(mt))
        .and_then(|(_, m)| m.get("schema"))
}

fn json_media_mut(response: &mut Value) -> Option<&mut Map<String, Value>> {
    let content = response.get_mut("content")?.as_object_mut()?;
    content
        .iter_mut()
        .find(|(mt, _)| is_json(mt))
        .and_then(|(_, m)| m.as_object_mut())
}
