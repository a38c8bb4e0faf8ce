//! Small readings of schemas that the normaliser's keyword rules share:
//! what a `type` list or a `null` branch means, whether a default fits.

use serde_json::{json, Map, Value};

/// What follows the keywords: `null` branches of combinators become
/// `nullable`, and objects and arrays written without `type` get one.
#[inline(never)]
pub(super) fn finish_schema(mut out: Map<String, Value>, mut nullable: bool) -> Value {
    // A combinator with a `null` branch is how pydantic spells Optional.
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(branches)) = out.get(key) else {
            continue;
        };
        let (nulls, rest): (Vec<&Value>, Vec<&Value>) =
            branches.iter().partition(|b| is_null_schema(b));
        if nulls.is_empty() {
            continue;
        }
        nullable = true;
        let rest: Vec<Value> = rest.into_iter().cloned().collect();
        out.remove(key);
        if rest.len() == 1 {
            let only = rest.into_iter().next().unwrap_or_default();
            if only.get("$ref").is_some() {
                out.insert("allOf".into(), json!([only]));
            } else if let Value::Object(branch) = only {
                // The non-null branch holds the type and its constraints
                // (`minLength` and friends); the outer schema keeps its
                // description and default.
                for (k, v) in branch {
                    if k == "description" && out.contains_key("description") {
                        continue;
                    }
                    out.insert(k, v);
                }
                if out.get("nullable") == Some(&Value::Bool(true)) {
                    out.remove("nullable");
                }
            }
        } else if !rest.is_empty() {
            out.insert(key.into(), Value::Array(rest));
        }
    }

    // Objects and arrays written without `type` (legal in 3.1).
    if !out.contains_key("type")
        && !out.contains_key("allOf")
        && !out.contains_key("anyOf")
        && !out.contains_key("oneOf")
    {
        if out.contains_key("properties") || out.contains_key("additionalProperties") {
            out.insert("type".into(), json!("object"));
        } else if out.contains_key("items") {
            out.insert("type".into(), json!("array"));
        }
    }
    if out.get("type") == Some(&json!("array")) && !out.contains_key("items") {
        out.insert("items".into(), json!({}));
    }
    if nullable {
        out.insert("nullable".into(), Value::Bool(true));
        if out
            .get("enum")
            .is_some_and(|e| e.as_array().is_some_and(|a| a.iter().all(Value::is_null)))
        {
            out.remove("enum");
        }
    }
    Value::Object(out)
}

/// Whether a `default` has a type the schema's `type` allows (the cheap part
/// of validation: the rest is the server's business).
pub(super) fn default_fits(schema: &Map<String, Value>, value: &Value) -> bool {
    let allowed: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return true,
    };
    let found = json_type(value);
    allowed.iter().any(|t| {
        *t == found
            || (*t == "number" && found == "integer")
            || (*t == "integer" && value.as_f64().is_some_and(|f| f.fract() == 0.0))
        // `default: null` beside a non-null type is how many generators say
        // "absent"; it is left for typify, which reads it that way.
    }) || value.is_null()
}

pub(super) fn type_words(schema: &Map<String, Value>) -> String {
    match schema.get("type") {
        Some(Value::String(t)) => format!("`{t}`"),
        Some(other) => format!("`{other}`"),
        None => "value".into(),
    }
}

pub(super) fn short(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 40 {
        format!("{}...", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

pub(super) fn first_example(examples: &Value) -> Option<Value> {
    match examples {
        Value::Array(a) => a.first().cloned(),
        Value::Object(o) => o.values().next().and_then(|e| e.get("value")).cloned(),
        _ => None,
    }
}

pub(super) fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
        Value::Null => "null",
    }
}

pub(super) fn is_null_schema(s: &Value) -> bool {
    // Branches are normalised before this check, so `{type: 'null'}` arrives
    // here as `{nullable: true}` with nothing else that admits a value.
    match s.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(ts)) => ts.iter().all(|t| t == "null"),
        Some(_) => false,
        None => {
            s.get("nullable") == Some(&Value::Bool(true))
                && [
                    "$ref",
                    "allOf",
                    "anyOf",
                    "oneOf",
                    "properties",
                    "items",
                    "additionalProperties",
                    "not",
                ]
                .iter()
                .all(|k| s.get(k).is_none())
                && s.get("enum").is_none_or(|e| e == &json!([null]))
        }
    }
}
