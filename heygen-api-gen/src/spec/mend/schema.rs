//! Mends of one schema, made while `normalise` walks it: restrictions no
//! value can meet, and defaults that are no value of their schema. Each
//! returns the warning's reason; the walk reports it where it is.

use serde_json::{Map, Value};

use crate::spec::schema::{default_fits, short, type_words};

/// An object that allows no properties at all beside a `oneOf`/`anyOf`
/// of objects: every branch merged with it admits nothing, and typify
/// made an enum without variants. The outer restriction is what the
/// author did not mean; it is dropped.
pub(in crate::spec) fn unsatisfiable_restriction(out: &mut Map<String, Value>) -> Option<String> {
    let closed = out.get("additionalProperties") == Some(&Value::Bool(false))
        && out
            .get("properties")
            .is_none_or(|p| p.as_object().is_some_and(Map::is_empty));
    let union = ["oneOf", "anyOf"].iter().find(|k| {
        out.get(**k)
            .is_some_and(|v| v.as_array().is_some_and(|a| !a.is_empty()))
    })?;
    if !closed {
        return None;
    }
    out.remove("additionalProperties");
    out.remove("properties");
    Some(format!("unsatisfiable schema: `additionalProperties: false` with no properties beside `{union}` admits no value; the outer restriction is dropped"))
}

/// A `default` that is not a valid value of its schema: dropped, since
/// typify would fail on it and it is no value the server can mean.
pub(in crate::spec) fn bad_default(schema: &Map<String, Value>, value: &Value) -> Option<String> {
    (!default_fits(schema, value)).then(|| {
        format!(
            "`default` {} is not a valid {}; dropped",
            short(value),
            type_words(schema)
        )
    })
}
