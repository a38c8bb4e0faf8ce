//! Maps an OpenAPI 3.1 document (as FastAPI/pydantic write them) onto the
//! OpenAPI 3.0 that progenitor reads, without losing meaning: every 3.1
//! construct either has a 3.0 spelling or is reported as an error.
//!
//! The pass works on `serde_json::Value` so that it sees every key, including
//! the ones `openapiv3` would silently drop (`const`, `examples`, numeric
//! `exclusiveMinimum`, `type: 'null'`).

use std::cell::RefCell;

use serde_json::{json, Map, Value};

use super::mend;
use super::schema::{finish_schema, first_example, json_type};
use super::validate::{check_depth, check_inheritance_cycles, check_refs, fix_discriminators};
use crate::error::{GenError, Result};
use crate::input::load::MAX_DEPTH;
use crate::openapi::HTTP_METHODS;
use crate::pointer::child;
use crate::warning::Warning;

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
    super::mend::mend(&mut out, origin, &mut warnings);
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
        if let Some(reason) = mend::unsatisfiable_restriction(&mut out) {
            self.warn(pointer, reason);
        }
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
            "default" => match mend::bad_default(obj, value) {
                Some(reason) => self.warn(p, reason),
                None => {
                    out.insert(key.clone(), value.clone());
                }
            },
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
