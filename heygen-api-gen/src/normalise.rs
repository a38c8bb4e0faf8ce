//! Maps an OpenAPI 3.1 document (as FastAPI/pydantic write them) onto the
//! OpenAPI 3.0 that progenitor reads, without losing meaning: every 3.1
//! construct either has a 3.0 spelling or is reported as an error.
//!
//! The pass works on `serde_json::Value` so that it sees every key, including
//! the ones `openapiv3` would silently drop (`const`, `examples`, numeric
//! `exclusiveMinimum`, `type: 'null'`).

use std::cell::RefCell;

use serde_json::{json, Map, Value};

use crate::error::{child, GenError, Result};
use crate::load::MAX_DEPTH;
use crate::refs::{self, Stop};
use crate::warning::Warning;

/// The keys of an OpenAPI path item that are operations, in the order the
/// specification lists them. The one list of HTTP methods in this crate:
/// every module that walks `paths` iterates or matches against it.
pub(crate) const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Keywords of JSON Schema 2020-12 that have no OpenAPI 3.0 meaning and that
/// would change what values are valid. Dropping them would silently widen a
/// type, so they are errors.
const UNMAPPABLE: [&str; 7] = [
    "if",
    "then",
    "else",
    "dependentSchemas",
    "patternProperties",
    "unevaluatedItems",
    "$dynamicRef",
];

/// Annotations that carry no type information and no 3.0 spelling.
const DROPPED: [&str; 8] = [
    "$schema",
    "$id",
    "$comment",
    "$anchor",
    "contentEncoding",
    "contentSchema",
    "unevaluatedProperties",
    "dependentRequired",
];

/// 3.0 documents go through the same pass: it leaves their spelling alone.
pub(crate) struct Normaliser<'a> {
    origin: &'a str,
    warnings: RefCell<Vec<Warning>>,
}

/// Checks the version and rewrites the document into OpenAPI 3.0.3; also
/// says what it mended or dropped on the way.
pub(crate) fn normalise_with_warnings(doc: &Value, origin: &str) -> Result<(Value, Vec<Warning>)> {
    // `from_value` callers skip the loader, which checks this for text.
    if !doc.is_object() {
        return Err(GenError::new(
            origin,
            "",
            "expected an OpenAPI document (a mapping at the top level)",
        ));
    }
    let version = doc.get("openapi").and_then(Value::as_str).ok_or_else(|| {
        let found = if doc.get("swagger").is_some() {
            "a Swagger 2 document"
        } else {
            "no `openapi` field"
        };
        GenError::new(
            origin,
            "/openapi",
            format!("expected an OpenAPI 3.0 or 3.1 document, found {found}"),
        )
    })?;
    let supported = ["3.0", "3.1"].iter().any(|v| {
        version == *v
            || version
                .strip_prefix(v)
                .is_some_and(|rest| rest.starts_with('.'))
    });
    if !supported {
        return Err(GenError::new(
            origin,
            "/openapi",
            format!("expected OpenAPI version 3.0.x or 3.1.x, found `{version}`"),
        ));
    }
    for key in ["info", "paths"] {
        if !doc.get(key).is_some_and(Value::is_object) {
            return Err(GenError::new(
                origin,
                &format!("/{key}"),
                format!("expected the required `{key}` object"),
            ));
        }
    }
    // Bounded before anything copies or walks the document: a clone of a
    // value nested hundreds of levels deep overflows a small stack.
    check_depth(doc, origin, "", 0)?;
    // Optional, but an object where present: later passes add to it.
    if doc.get("components").is_some_and(|c| !c.is_object()) {
        return Err(GenError::new(
            origin,
            "/components",
            "expected `components` to be an object",
        ));
    }
    let mut out = doc.clone();
    let mut warnings = Vec::new();
    crate::mend::mend(&mut out, origin, &mut warnings);
    check_refs(&out, origin, &out, "", 0)?;

    let n = Normaliser {
        origin,
        warnings: RefCell::new(warnings),
    };
    let obj = out.as_object_mut().expect("checked by the loader");
    obj.insert("openapi".into(), json!("3.0.3"));
    // 3.1-only top-level members: webhooks are events HeyGen sends to the
    // user, not operations a client calls.
    obj.remove("webhooks");
    obj.remove("jsonSchemaDialect");
    if let Some(info) = obj.get_mut("info").and_then(Value::as_object_mut) {
        info.remove("summary");
        if let Some(license) = info.get_mut("license").and_then(Value::as_object_mut) {
            license.remove("identifier");
        }
    }

    if let Some(schemas) = obj
        .get_mut("components")
        .and_then(|c| c.get_mut("schemas"))
        .and_then(Value::as_object_mut)
    {
        for (name, schema) in schemas.iter_mut() {
            let p = child("/components/schemas", name);
            *schema = n.schema(schema, &p, 0)?;
        }
    }
    if let Some(components) = obj.get_mut("components").and_then(Value::as_object_mut) {
        for kind in ["parameters", "headers"] {
            if let Some(map) = components.get_mut(kind).and_then(Value::as_object_mut) {
                for (name, item) in map.iter_mut() {
                    let p = child(&child("/components", kind), name);
                    n.parameter_like(item, &p)?;
                }
            }
        }
        if let Some(map) = components
            .get_mut("requestBodies")
            .and_then(Value::as_object_mut)
        {
            for (name, item) in map.iter_mut() {
                n.content_holder(item, &child("/components/requestBodies", name))?;
            }
        }
        if let Some(map) = components
            .get_mut("responses")
            .and_then(Value::as_object_mut)
        {
            for (name, item) in map.iter_mut() {
                n.response(item, &child("/components/responses", name))?;
            }
        }
        components.remove("pathItems");
    }

    let paths = obj
        .get_mut("paths")
        .and_then(Value::as_object_mut)
        .expect("checked above");
    for (path, item) in paths.iter_mut() {
        let pp = child("/paths", path);
        let Some(item) = item.as_object_mut() else {
            return Err(GenError::new(origin, &pp, "expected a path item object"));
        };
        if item.contains_key("$ref") {
            return Err(GenError::new(
                origin,
                &pp,
                "expected an inline path item; `$ref` path items are not supported",
            ));
        }
        if let Some(params) = item.get_mut("parameters").and_then(Value::as_array_mut) {
            for (i, p) in params.iter_mut().enumerate() {
                n.parameter_like(p, &child(&child(&pp, "parameters"), &i.to_string()))?;
            }
        }
        for method in HTTP_METHODS {
            if let Some(op) = item.get_mut(method) {
                n.operation(op, &child(&pp, method), method, path)?;
            }
        }
    }
    fix_discriminators(&mut out, origin)?;
    check_inheritance_cycles(&out, origin)?;
    let warnings = n
        .warnings
        .into_inner()
        .into_iter()
        .map(|w| w.locate(&out))
        .collect();
    Ok((out, warnings))
}

impl Normaliser<'_> {
    fn err(&self, pointer: &str, message: impl Into<String>) -> GenError {
        GenError::new(self.origin, pointer, message)
    }

    fn warn(&self, pointer: &str, reason: impl Into<String>) {
        self.warnings
            .borrow_mut()
            .push(Warning::new(self.origin, pointer, reason));
    }

    fn operation(&self, op: &mut Value, pointer: &str, method: &str, path: &str) -> Result<()> {
        let Some(op) = op.as_object_mut() else {
            return Err(self.err(pointer, "expected an operation object"));
        };
        if !op.get("operationId").is_some_and(Value::is_string) {
            // FastAPI always writes one; a document without falls back to a
            // name made from method and path, which is stable across runs.
            let made: String = format!("{method}_{path}")
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            op.insert("operationId".into(), Value::String(made));
        }
        if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
            for (i, p) in params.iter_mut().enumerate() {
                self.parameter_like(p, &child(&child(pointer, "parameters"), &i.to_string()))?;
            }
        }
        if let Some(body) = op.get_mut("requestBody") {
            self.content_holder(body, &child(pointer, "requestBody"))?;
        }
        if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
            for (code, r) in responses.iter_mut() {
                self.response(r, &child(&child(pointer, "responses"), code))?;
            }
        } else {
            return Err(self.err(
                &child(pointer, "responses"),
                "expected the required `responses` object",
            ));
        }
        // Callbacks describe requests the server makes, not the client.
        op.remove("callbacks");
        Ok(())
    }

    fn response(&self, r: &mut Value, pointer: &str) -> Result<()> {
        if r.get("$ref").is_some() {
            return Ok(());
        }
        self.content_holder(r, pointer)?;
        if let Some(headers) = r.get_mut("headers").and_then(Value::as_object_mut) {
            for (name, h) in headers.iter_mut() {
                self.parameter_like(h, &child(&child(pointer, "headers"), name))?;
            }
        }
        Ok(())
    }

    /// Request bodies and responses: `content.<media type>.schema`.
    fn content_holder(&self, holder: &mut Value, pointer: &str) -> Result<()> {
        if holder.get("$ref").is_some() {
            return Ok(());
        }
        if let Some(content) = holder.get_mut("content").and_then(Value::as_object_mut) {
            for (mt, media) in content.iter_mut() {
                let mp = child(&child(pointer, "content"), mt);
                if let Some(media) = media.as_object_mut() {
                    if let Some(schema) = media.get_mut("schema") {
                        *schema = self.schema(schema, &child(&mp, "schema"), 0)?;
                    }
                    if let Some(examples) = media.remove("examples") {
                        if !media.contains_key("example") {
                            if let Some(first) = first_example(&examples) {
                                media.insert("example".into(), first);
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Parameters and headers carry a `schema` (or, rarely, `content`).
    fn parameter_like(&self, p: &mut Value, pointer: &str) -> Result<()> {
        if p.get("$ref").is_some() {
            return Ok(());
        }
        let Some(obj) = p.as_object_mut() else {
            return Err(self.err(pointer, "expected a parameter object"));
        };
        if obj.contains_key("content") && !obj.contains_key("schema") {
            return Err(self.err(
                &child(pointer, "content"),
                "expected a `schema` for this parameter; parameters described by `content` are not supported",
            ));
        }
        if let Some(schema) = obj.get_mut("schema") {
            *schema = self.schema(schema, &child(pointer, "schema"), 0)?;
        }
        if let Some(examples) = obj.remove("examples") {
            if !obj.contains_key("example") {
                if let Some(first) = first_example(&examples) {
                    obj.insert("example".into(), first);
                }
            }
        }
        Ok(())
    }

    /// Rewrites one schema (recursively) into its OpenAPI 3.0 spelling.
    ///
    /// Only the recursive keywords are handled in this frame; the rest lives
    /// in helpers that are never inlined, so each level of nesting costs
    /// little stack (an unoptimised build spent over 11 KiB a level here, and
    /// a schema `MAX_DEPTH` levels deep overflowed a 512 KiB thread stack).
    pub(crate) fn schema(&self, schema: &Value, pointer: &str, depth: usize) -> Result<Value> {
        if depth > MAX_DEPTH {
            return Err(self.err(
                pointer,
                format!("schema nested deeper than {MAX_DEPTH} levels"),
            ));
        }
        let obj = match schema {
            Value::Bool(true) => return Ok(json!({})),
            Value::Bool(false) => return Ok(json!({"not": {}})),
            Value::Object(o) => o,
            _ => return Err(self.err(pointer, "expected a schema object")),
        };
        if let Some(decided) = self.schema_head(obj, pointer) {
            return decided;
        }
        let mut out = Map::new();
        let mut nullable = obj.get("nullable") == Some(&Value::Bool(true));
        for (key, value) in obj {
            let p = child(pointer, key);
            match key.as_str() {
                "properties" => {
                    let Some(props) = value.as_object() else {
                        return Err(self.err(&p, "expected a mapping of property schemas"));
                    };
                    let mut np = Map::new();
                    for (name, s) in props {
                        np.insert(name.clone(), self.schema(s, &child(&p, name), depth + 1)?);
                    }
                    out.insert(key.clone(), Value::Object(np));
                }
                "items" | "not" => {
                    out.insert(key.clone(), self.schema(value, &p, depth + 1)?);
                }
                "additionalProperties" => {
                    let v = match value {
                        Value::Bool(b) => Value::Bool(*b),
                        other => self.schema(other, &p, depth + 1)?,
                    };
                    out.insert(key.clone(), v);
                }
                "allOf" | "anyOf" | "oneOf" => {
                    let Some(list) = value.as_array() else {
                        return Err(self.err(&p, "expected a list of schemas"));
                    };
                    let mut branches = Vec::new();
                    for (i, s) in list.iter().enumerate() {
                        branches.push(self.schema(s, &child(&p, &i.to_string()), depth + 1)?);
                    }
                    out.insert(key.clone(), Value::Array(branches));
                }
                _ => self.keyword(obj, key, value, &p, &mut out, &mut nullable)?,
            }
        }
        self.unsatisfiable(&mut out, pointer);
        Ok(finish_schema(out, nullable))
    }

    /// Unmappable keywords, `$defs`, and references with their siblings:
    /// `Some` when they decide the schema on their own.
    #[inline(never)]
    fn schema_head(&self, obj: &Map<String, Value>, pointer: &str) -> Option<Result<Value>> {
        for key in UNMAPPABLE {
            if obj.contains_key(key) {
                return Some(Err(self.err(
                    &child(pointer, key),
                    format!("`{key}` has no OpenAPI 3.0 equivalent; expected a schema without it"),
                )));
            }
        }
        if obj.contains_key("prefixItems") {
            // A tuple whose positions have different types: typify has no
            // tuple type for it, so it is an array of any JSON value.
            self.warn(
                &child(pointer, "prefixItems"),
                "`prefixItems` (a tuple) is read as an array of any JSON value",
            );
            let mut out = Map::new();
            out.insert("type".into(), json!("array"));
            out.insert("items".into(), json!({}));
            if let Some(d) = obj.get("description") {
                out.insert("description".into(), d.clone());
            }
            let nullable = obj.get("nullable") == Some(&Value::Bool(true))
                || obj
                    .get("type")
                    .and_then(Value::as_array)
                    .is_some_and(|t| t.contains(&json!("null")));
            if nullable {
                out.insert("nullable".into(), Value::Bool(true));
            }
            return Some(Ok(Value::Object(out)));
        }
        if obj.contains_key("$defs") {
            return Some(Err(self.err(
                &child(pointer, "$defs"),
                "expected schemas under `components/schemas`; nested `$defs` are not supported",
            )));
        }

        if let Some(reference) = obj.get("$ref") {
            // 3.1 lets a reference carry siblings; 3.0 ignores them. Keep
            // the ones that matter by wrapping the reference in `allOf`.
            let nullable = obj.get("nullable") == Some(&Value::Bool(true));
            let mut keep = Map::new();
            for key in [
                "description",
                "default",
                "deprecated",
                "readOnly",
                "writeOnly",
            ] {
                if let Some(v) = obj.get(key) {
                    keep.insert(key.into(), v.clone());
                }
            }
            if !nullable && keep.is_empty() {
                return Some(Ok(json!({ "$ref": reference })));
            }
            keep.insert("allOf".into(), json!([{ "$ref": reference }]));
            if nullable {
                keep.insert("nullable".into(), Value::Bool(true));
            }
            return Some(Ok(Value::Object(keep)));
        }
        None
    }

    /// An object that allows no properties at all beside a `oneOf`/`anyOf`
    /// of objects: every branch merged with it admits nothing, and typify
    /// made an enum without variants. The outer restriction is what the
    /// author did not mean; it is dropped.
    #[inline(never)]
    fn unsatisfiable(&self, out: &mut Map<String, Value>, pointer: &str) {
        let closed = out.get("additionalProperties") == Some(&Value::Bool(false))
            && out
                .get("properties")
                .is_none_or(|p| p.as_object().is_some_and(Map::is_empty));
        let union = ["oneOf", "anyOf"].iter().find(|k| {
            out.get(**k)
                .is_some_and(|v| v.as_array().is_some_and(|a| !a.is_empty()))
        });
        if let (true, Some(union)) = (closed, union) {
            self.warn(
                pointer,
                format!("unsatisfiable schema: `additionalProperties: false` with no properties beside `{union}` admits no value; the outer restriction is dropped"),
            );
            out.remove("additionalProperties");
            out.remove("properties");
        }
    }

    /// One keyword of a schema that holds no subschema.
    #[inline(never)]
    fn keyword(
        &self,
        obj: &Map<String, Value>,
        key: &String,
        value: &Value,
        p: &str,
        out: &mut Map<String, Value>,
        nullable: &mut bool,
    ) -> Result<()> {
        match key.as_str() {
            k if DROPPED.contains(&k) => {}
            // pydantic titles every nested schema ("Type", "Object");
            // typify would turn them into colliding type names.
            "title" => {}
            "nullable" => {}
            "type" => match value {
                Value::String(t) if t == "null" => *nullable = true,
                Value::String(_) => {
                    out.insert(key.clone(), value.clone());
                }
                Value::Array(types) => {
                    let mut kinds = Vec::new();
                    for t in types {
                        match t.as_str() {
                            Some("null") => *nullable = true,
                            Some(t) => kinds.push(t.to_string()),
                            None => return Err(self.err(p, "expected type names")),
                        }
                    }
                    match kinds.len() {
                        0 => {}
                        1 => {
                            out.insert("type".into(), Value::String(kinds.remove(0)));
                        }
                        _ => {
                            let branches: Vec<Value> =
                                kinds.into_iter().map(|k| json!({"type": k})).collect();
                            out.insert("anyOf".into(), Value::Array(branches));
                        }
                    }
                }
                _ => return Err(self.err(p, "expected a type name or a list of type names")),
            },
            "const" => {
                if value.is_null() {
                    *nullable = true;
                    out.insert("enum".into(), json!([null]));
                } else {
                    out.insert("enum".into(), json!([value]));
                    if !obj.contains_key("type") {
                        out.insert("type".into(), json!(json_type(value)));
                    }
                }
            }
            "enum" => {
                let Some(values) = value.as_array() else {
                    return Err(self.err(p, "expected a list of values"));
                };
                let mut kept = Vec::new();
                for v in values {
                    if v.is_null() {
                        *nullable = true;
                    } else {
                        kept.push(v.clone());
                    }
                }
                if !obj.contains_key("type") {
                    if let Some(first) = kept.first() {
                        out.insert("type".into(), json!(json_type(first)));
                    }
                }
                out.insert("enum".into(), Value::Array(kept));
            }
            "examples" => {
                if !obj.contains_key("example") {
                    if let Some(first) = value.as_array().and_then(|a| a.first()) {
                        out.insert("example".into(), first.clone());
                    }
                }
            }
            "exclusiveMinimum" | "exclusiveMaximum" => match value {
                Value::Bool(_) => {
                    out.insert(key.clone(), value.clone());
                }
                Value::Number(_) => {
                    let bound = if key == "exclusiveMinimum" {
                        "minimum"
                    } else {
                        "maximum"
                    };
                    out.insert(bound.into(), value.clone());
                    out.insert(key.clone(), Value::Bool(true));
                }
                _ => return Err(self.err(p, "expected a number or a boolean")),
            },
            "contentMediaType" => {
                if !obj.contains_key("format") {
                    out.insert("format".into(), json!("binary"));
                }
            }
            "required" if value.is_boolean() => {
                // `required: true` belongs to parameters; inside a schema it
                // says nothing (the parent's `required` list decides).
                self.warn(
                    p,
                    "`required: <bool>` inside a schema has no meaning; dropped (list the property in the parent's `required` instead)",
                );
            }
            "format" if obj.get("type") == Some(&json!("object")) => {
                self.warn(p, "`format` on an object schema has no meaning; dropped");
            }
            "default" if !default_fits(obj, value) => {
                self.warn(
                    p,
                    format!(
                        "`default` {} is not a valid {}; dropped",
                        short(value),
                        type_words(obj)
                    ),
                );
            }
            "required" => {
                if !value
                    .as_array()
                    .is_some_and(|a| a.iter().all(Value::is_string))
                {
                    return Err(self.err(p, "expected a list of property names"));
                }
                out.insert(key.clone(), value.clone());
            }
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
        Ok(())
    }
}

/// What follows the keywords: `null` branches of combinators become
/// `nullable`, and objects and arrays written without `type` get one.
#[inline(never)]
fn finish_schema(mut out: Map<String, Value>, mut nullable: bool) -> Value {
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
fn default_fits(schema: &Map<String, Value>, value: &Value) -> bool {
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

fn type_words(schema: &Map<String, Value>) -> String {
    match schema.get("type") {
        Some(Value::String(t)) => format!("`{t}`"),
        Some(other) => format!("`{other}`"),
        None => "value".into(),
    }
}

fn short(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 40 {
        format!("{}...", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

fn first_example(examples: &Value) -> Option<Value> {
    match examples {
        Value::Array(a) => a.first().cloned(),
        Value::Object(o) => o.values().next().and_then(|e| e.get("value")).cloned(),
        _ => None,
    }
}

fn json_type(v: &Value) -> &'static str {
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

fn is_null_schema(s: &Value) -> bool {
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

/// Every `$ref` must point inside the document, at something that exists,
/// and a schema may not be a bare reference to itself (it would describe no
/// value at all, and generators loop on it).
fn check_refs(node: &Value, origin: &str, root: &Value, pointer: &str, depth: usize) -> Result<()> {
    if depth > MAX_DEPTH {
        return Err(GenError::new(
            origin,
            pointer,
            format!("document nested deeper than {MAX_DEPTH} levels"),
        ));
    }
    match node {
        Value::Object(map) => {
            if let Some(r) = map.get("$ref") {
                let here = child(pointer, "$ref");
                let shown = r.as_str().unwrap_or_default();
                // What the first reference is wrong about is an error here;
                // a later one in a chain is reported where it stands.
                let w = refs::walk(root, node, "#");
                match (w.stop, w.first) {
                    (Stop::NotString, None) => {
                        return Err(GenError::new(origin, &here, "expected a string reference"));
                    }
                    (Stop::OutOfScope, None) => {
                        return Err(GenError::new(
                            origin,
                            &here,
                            format!("expected a reference inside this document (`#/...`), found `{shown}`"),
                        ));
                    }
                    (Stop::Dangling, None) => {
                        return Err(GenError::new(
                            origin,
                            &here,
                            format!("dangling reference `{shown}`: nothing at that pointer"),
                        ));
                    }
                    (Stop::Cycle, _) => {
                        return Err(GenError::new(
                            origin,
                            &here,
                            format!(
                                "reference cycle through `{shown}`: expected it to reach a schema"
                            ),
                        ));
                    }
                    (Stop::TooLong, _) => {
                        return Err(GenError::new(
                            origin,
                            &here,
                            format!(
                                "a chain of more than {} references from `{shown}`: expected it to reach a schema sooner",
                                refs::MAX_CHAIN
                            ),
                        ));
                    }
                    _ => {}
                }
            }
            for (k, v) in map {
                // `example` values are data, not schema: a `$ref` key inside
                // one is just a string.
                if k == "example"
                    || k == "examples"
                    || k == "default"
                    || k == "const"
                    || k == "enum"
                {
                    // Data, not schema: not checked for references, but
                    // still bounded, as later passes clone it recursively.
                    check_depth(v, origin, &child(pointer, k), depth + 1)?;
                    continue;
                }
                check_refs(v, origin, root, &child(pointer, k), depth + 1)?;
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                check_refs(v, origin, root, &child(pointer, &i.to_string()), depth + 1)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Fails when a value nests deeper than `MAX_DEPTH`, counting from `depth`.
/// A schema that is, through `allOf`, part of itself describes no finite
/// type (typify recurses on it until the stack runs out). Recursion through
/// a property or an array item is fine: that is a tree, not a loop.
fn check_inheritance_cycles(doc: &Value, origin: &str) -> Result<()> {
    let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return Ok(());
    };
    // The component schemas each one merges in through `allOf` (or is).
    fn merged_refs<'a>(schema: &'a Value, out: &mut Vec<&'a str>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        if let Some(name) = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/components/schemas/"))
        {
            out.push(name);
        }
        for branch in schema
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            merged_refs(branch, out, depth + 1);
        }
    }
    let edges: std::collections::BTreeMap<&str, Vec<&str>> = schemas
        .iter()
        .map(|(name, schema)| {
            let mut out = Vec::new();
            merged_refs(schema, &mut out, 0);
            (name.as_str(), out)
        })
        .collect();
    // Depth-first search with colours; the path is kept to name the loop.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks: std::collections::BTreeMap<&str, Mark> =
        edges.keys().map(|k| (*k, Mark::New)).collect();
    for start in edges.keys() {
        if marks[start] != Mark::New {
            continue;
        }
        // (node, index of the next edge to follow)
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        marks.insert(start, Mark::Open);
        while let Some((node, next)) = stack.last().copied() {
            let targets = edges.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if next == targets.len() {
                marks.insert(node, Mark::Done);
                stack.pop();
                continue;
            }
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            let target = targets[next];
            match marks.get(target).copied() {
                Some(Mark::Open) => {
                    let from = stack.iter().position(|(n, _)| *n == target).unwrap_or(0);
                    let mut path: Vec<&str> = stack[from..].iter().map(|(n, _)| *n).collect();
                    path.push(target);
                    return Err(GenError::new(
                        origin,
                        &child("/components/schemas", target),
                        format!(
                            "`allOf` cycle {}: expected every schema to be more than a merge of itself",
                            path.join(" -> ")
                        ),
                    ));
                }
                Some(Mark::New) => {
                    marks.insert(target, Mark::Open);
                    stack.push((target, 0));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

fn check_depth(node: &Value, origin: &str, pointer: &str, depth: usize) -> Result<()> {
    if depth > MAX_DEPTH {
        return Err(GenError::new(
            origin,
            pointer,
            format!("document nested deeper than {MAX_DEPTH} levels"),
        ));
    }
    match node {
        Value::Object(map) => {
            for (k, v) in map {
                check_depth(v, origin, &child(pointer, k), depth + 1)?;
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                check_depth(v, origin, &child(pointer, &i.to_string()), depth + 1)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// typify recognises an internally tagged enum when every variant requires
/// the tag property and pins it to one value. pydantic writes the tag as
/// `const` in each variant and repeats it in `discriminator.mapping`; make
/// sure every mapped variant pins its value, so the union becomes a Rust enum
/// chosen by its tag rather than an untagged guess.
fn fix_discriminators(doc: &mut Value, origin: &str) -> Result<()> {
    let mut fixes: Vec<(String, String, Value)> = Vec::new();
    collect_discriminators(doc, "", &mut fixes, 0);
    for (target, property, value) in fixes {
        let Some(schema) = doc.pointer_mut(&target) else {
            return Err(GenError::new(
                origin,
                &target,
                "discriminator mapping points at nothing",
            ));
        };
        let Some(obj) = schema.as_object_mut() else {
            continue;
        };
        if obj.contains_key("allOf") || obj.contains_key("oneOf") || obj.contains_key("anyOf") {
            continue;
        }
        let props = obj.entry("properties").or_insert_with(|| json!({}));
        if let Some(props) = props.as_object_mut() {
            let tag = props
                .entry(property.clone())
                .or_insert_with(|| json!({"type": "string"}));
            if let Some(tag) = tag.as_object_mut() {
                tag.insert("enum".into(), json!([value]));
                tag.entry("type").or_insert(json!("string"));
                tag.remove("default");
            }
        }
        let required = obj.entry("required").or_insert_with(|| json!([]));
        if let Some(required) = required.as_array_mut() {
            if !required
                .iter()
                .any(|r| r == &Value::String(property.clone()))
            {
                required.push(Value::String(property));
            }
        }
        obj.entry("type").or_insert(json!("object"));
    }
    Ok(())
}

fn collect_discriminators(
    node: &Value,
    pointer: &str,
    out: &mut Vec<(String, String, Value)>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match node {
        Value::Object(map) => {
            if let (Some(disc), Some(Value::Array(_))) = (
                map.get("discriminator"),
                map.get("oneOf").or(map.get("anyOf")),
            ) {
                let property = disc
                    .get("propertyName")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                if let Some(mapping) = disc.get("mapping").and_then(Value::as_object) {
                    for (value, target) in mapping {
                        if let Some(t) = target.as_str().and_then(refs::pointer) {
                            out.push((t, property.to_string(), Value::String(value.clone())));
                        }
                    }
                }
            }
            for (k, v) in map {
                if k == "example" || k == "default" {
                    continue;
                }
                collect_discriminators(v, &child(pointer, k), out, depth + 1);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_discriminators(v, &child(pointer, &i.to_string()), out, depth + 1);
            }
        }
        _ => {}
    }
}
