//! Checks a normalised document must pass before anything reads it:
//! references resolve, inheritance has no cycles, nesting is bounded, and
//! discriminators name branches that exist.

use serde_json::{json, Value};

use crate::error::{GenError, Result};
use crate::input::load::MAX_DEPTH;
use crate::pointer::child;
use crate::refs::{self, Stop};

/// Every `$ref` must point inside the document, at something that exists,
/// and a schema may not be a bare reference to itself (it would describe no
/// value at all, and generators loop on it).
pub(super) fn check_refs(
    node: &Value,
    origin: &str,
    root: &Value,
    pointer: &str,
    depth: usize,
) -> Result<()> {
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
pub(super) fn check_inheritance_cycles(doc: &Value, origin: &str) -> Result<()> {
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

pub(super) fn check_depth(node: &Value, origin: &str, pointer: &str, depth: usize) -> Result<()> {
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
pub(super) fn fix_discriminators(doc: &mut Value, origin: &str) -> Result<()> {
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
                        if let Some(t) = target.as_str().and_then(crate::pointer::of_reference) {
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
