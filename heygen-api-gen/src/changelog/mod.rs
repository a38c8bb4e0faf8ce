//! What changed between two versions of the document, as a client user sees
//! it: operations, parameters and fields added or removed; type,
//! required-ness, nullability and enum-value changes; each marked breaking
//! or not.
//!
//! Both documents are read in their *normalised* form (`Spec::normalised`,
//! OpenAPI 3.0 spelling: nullability is always `nullable: true`), with
//! `$ref`s followed, so the changelog is the generator's own reading of the
//! spec rather than a second interpretation of the 3.1 text.
//!
//! What counts as breaking for a user of the generated client:
//! - a removed operation, parameter, field, response or schema;
//! - a renamed operationId (the Rust method is named after it);
//! - a new required request parameter, body or body field;
//! - a request parameter or field that becomes required, or stops accepting
//!   `null`;
//! - a response field that becomes optional or may now be `null`;
//! - an enum value removed from a request (added values are never breaking:
//!   the client keeps values it does not know; removed response values are
//!   values the client will simply not see);
//! - a new union variant in a response (the client may not decode it), a
//!   removed one in a request;
//! - any change of type or format (the Rust type changes).
//!
//! Everything added as optional is not breaking.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::Value;

use crate::openapi::HTTP_METHODS;
use crate::refs;

/// Which way data flows through the schema being compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// Sent by the client: parameters and request bodies.
    Request,
    /// Received by the client: success responses.
    Response,
}

/// The kind of one change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// An operation (path and method) that only the new document has.
    OperationAdded,
    /// An operation that only the old document has.
    OperationRemoved,
    /// The same path and method under another `operationId` (the Rust method
    /// is named after it).
    OperationRenamed,
    /// A parameter of an operation that only the new document has.
    ParameterAdded,
    /// A parameter of an operation that only the old document has.
    ParameterRemoved,
    /// A request body where the old document had none.
    RequestBodyAdded,
    /// No request body where the old document had one.
    RequestBodyRemoved,
    /// A response status code that only the new document has.
    ResponseAdded,
    /// A response status code that only the old document has.
    ResponseRemoved,
    /// A property of an object schema that only the new document has.
    FieldAdded,
    /// A property of an object schema that only the old document has.
    FieldRemoved,
    /// Another type or format (the Rust type changes).
    TypeChanged,
    /// A parameter, body or field that became required or optional.
    RequiredChanged,
    /// A schema that started or stopped allowing `null`.
    NullabilityChanged,
    /// A value an enum did not have.
    EnumValueAdded,
    /// A value an enum no longer has.
    EnumValueRemoved,
    /// A branch of a `oneOf`/`anyOf` union the old document did not have.
    VariantAdded,
    /// A branch of a union the new document no longer has.
    VariantRemoved,
    /// A component schema that only the new document has.
    SchemaAdded,
    /// A component schema that only the old document has.
    SchemaRemoved,
}

/// One change, where it is, and whether it breaks a client user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed.
    pub kind: Kind,
    /// `POST /v3/videos`, `POST /v3/videos request body.title`,
    /// `VideoStatus.progress`, ...
    pub location: String,
    /// Set for changes inside a schema: the direction it was compared in.
    pub direction: Option<Direction>,
    /// One human sentence: "field `title` added (optional)".
    pub detail: String,
    /// Whether code using the client built from the old document may stop
    /// compiling or working (the rules are in the module docs).
    pub breaking: bool,
}

/// Every change between two documents, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changelog {
    /// Every change found: operations first, then component schemas.
    pub changes: Vec<Change>,
}

impl Changelog {
    /// Whether the two documents describe the same API for a client user.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many of the changes are breaking.
    pub fn breaking(&self) -> usize {
        self.changes.iter().filter(|c| c.breaking).count()
    }

    /// The printed changelog: a header line, then one line per change.
    pub fn render(&self) -> String {
        if self.changes.is_empty() {
            return "no API changes\n".to_string();
        }
        let mut out = format!(
            "{} API change{} ({} breaking):\n",
            self.changes.len(),
            if self.changes.len() == 1 { "" } else { "s" },
            self.breaking()
        );
        for c in &self.changes {
            out.push_str(&format!("  {c}\n"));
        }
        out
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mark = if self.breaking {
            "BREAKING  "
        } else {
            "compatible"
        };
        let dir = match self.direction {
            Some(Direction::Request) => " (request)",
            Some(Direction::Response) => " (response)",
            None => "",
        };
        write!(f, "{mark} {}{dir}: {}", self.location, self.detail)
    }
}

/// Compares two normalised documents.
pub fn changelog(old: &Value, new: &Value) -> Changelog {
    let mut walker = Walker {
        old,
        new,
        changes: Vec::new(),
        seen: BTreeSet::new(),
        visited: BTreeSet::new(),
    };
    walker.operations();
    walker.component_schemas();
    Changelog {
        changes: walker.changes,
    }
}

struct Walker<'a> {
    old: &'a Value,
    new: &'a Value,
    changes: Vec<Change>,
    seen: BTreeSet<(String, String, Option<Direction>)>,
    /// (old schema name, new schema name, direction) pairs already compared:
    /// reports a shared schema once, and ends recursion in recursive ones.
    visited: BTreeSet<(String, String, Direction)>,
}

/// The parts of a schema the changelog compares, with `$ref` and `allOf`
/// flattened.
#[derive(Default)]
struct View {
    name: Option<String>,
    ty: Option<String>,
    format: Option<String>,
    nullable: bool,
    enum_values: Option<Vec<Value>>,
    properties: BTreeMap<String, Value>,
    required: BTreeSet<String>,
    items: Option<Value>,
    additional: Option<Value>,
    variants: Option<Vec<Value>>,
}

impl<'a> Walker<'a> {
    fn push(
        &mut self,
        kind: Kind,
        location: &str,
        direction: Option<Direction>,
        detail: String,
        breaking: bool,
    ) {
        if self
            .seen
            .insert((location.to_string(), detail.clone(), direction))
        {
            self.changes.push(Change {
                kind,
                location: location.to_string(),
                direction,
                detail,
                breaking,
            });
        }
    }

    fn operations(&mut self) {
        let old_ops = operations(self.old);
        let new_ops = operations(self.new);
        let keys: BTreeSet<&(String, String)> = old_ops.keys().chain(new_ops.keys()).collect();
        for key in keys {
            let loc = format!("{} {}", key.1.to_uppercase(), key.0);
            match (old_ops.get(key), new_ops.get(key)) {
                (Some(o), None) => self.push(
                    Kind::OperationRemoved,
                    &loc,
                    None,
                    format!("operation `{}` removed", op_id(o.op)),
                    true,
                ),
                (None, Some(n)) => self.push(
                    Kind::OperationAdded,
                    &loc,
                    None,
                    format!("operation `{}` added", op_id(n.op)),
                    false,
                ),
                (Some(o), Some(n)) => {
                    if op_id(o.op) != op_id(n.op) {
                        self.push(
                            Kind::OperationRenamed,
                            &loc,
                            None,
                            format!(
                                "operationId changed from `{}` to `{}`",
                                op_id(o.op),
                                op_id(n.op)
                            ),
                            true,
                        );
                    }
                    self.parameters(&loc, o, n);
                    self.request_body(&loc, o.op, n.op);
                    self.responses(&loc, o.op, n.op);
                }
                (None, None) => {}
            }
        }
    }

    fn parameters(&mut self, loc: &str, o: &Op<'a>, n: &Op<'a>) {
        let old = params(self.old, o);
        let new = params(self.new, n);
        let keys: BTreeSet<&(String, String)> = old.keys().chain(new.keys()).collect();
        for key in keys {
            let what = format!("{} parameter `{}`", key.0, key.1);
            let required = |p: &Value| {
                p.get("required")
                    .and_then(Value::as_bool)
                    .unwrap_or(key.0 == "path")
            };
            match (old.get(key), new.get(key)) {
                (Some(_), None) => self.push(
                    Kind::ParameterRemoved,
                    loc,
                    None,
                    format!("{what} removed"),
                    true,
                ),
                (None, Some(p)) => {
                    let req = required(p);
                    let detail = format!(
                        "{what} added ({})",
                        if req { "required" } else { "optional" }
                    );
                    self.push(Kind::ParameterAdded, loc, None, detail, req)
                }
                (Some(op), Some(np)) => {
                    match (required(op), required(np)) {
                        (false, true) => self.push(
                            Kind::RequiredChanged,
                            loc,
                            None,
                            format!("{what} is now required"),
                            true,
                        ),
                        (true, false) => self.push(
                            Kind::RequiredChanged,
                            loc,
                            None,
                            format!("{what} is now optional"),
                            false,
                        ),
                        _ => {}
                    }
                    let null = Value::Null;
                    let os = op.get("schema").unwrap_or(&null);
                    let ns = np.get("schema").unwrap_or(&null);
                    self.schema(os, ns, Direction::Request, &format!("{loc} {what}"), 0);
                }
                (None, None) => {}
            }
        }
    }

    fn request_body(&mut self, loc: &str, o: &'a Value, n: &'a Value) {
        let ob = o.get("requestBody").map(|b| resolve(self.old, b).0);
        let nb = n.get("requestBody").map(|b| resolve(self.new, b).0);
        let required = |b: &Value| b.get("required").and_then(Value::as_bool).unwrap_or(false);
        match (ob, nb) {
            (Some(_), None) => self.push(
                Kind::RequestBodyRemoved,
                loc,
                None,
                "request body removed".into(),
                true,
            ),
            (None, Some(b)) => {
                let req = required(b);
                let detail = format!(
                    "request body added ({})",
                    if req { "required" } else { "optional" }
                );
                self.push(Kind::RequestBodyAdded, loc, None, detail, req)
            }
            (Some(ob), Some(nb)) => {
                match (required(ob), required(nb)) {
                    (false, true) => self.push(
                        Kind::RequiredChanged,
                        loc,
                        None,
                        "request body is now required".into(),
                        true,
                    ),
                    (true, false) => self.push(
                        Kind::RequiredChanged,
                        loc,
                        None,
                        "request body is now optional".into(),
                        false,
                    ),
                    _ => {}
                }
                let (omt, os) = media(ob);
                let (nmt, ns) = media(nb);
                if omt != nmt {
                    let detail = format!(
                        "request body media type changed from `{}` to `{}`",
                        omt.unwrap_or("none"),
                        nmt.unwrap_or("none")
                    );
                    self.push(Kind::TypeChanged, loc, None, detail, true);
                } else if let (Some(os), Some(ns)) = (os, ns) {
                    self.schema(
                        os,
                        ns,
                        Direction::Request,
                        &format!("{loc} request body"),
                        0,
                    );
                }
            }
            (None, None) => {}
        }
    }

    fn responses(&mut self, loc: &str, o: &'a Value, n: &'a Value) {
        let success = |op: &'a Value, doc: &'a Value| -> BTreeMap<String, &'a Value> {
            op.get("responses")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .filter(|(code, _)| code.starts_with('2'))
                .map(|(code, r)| (code.clone(), resolve(doc, r).0))
                .collect()
        };
        let old = success(o, self.old);
        let new = success(n, self.new);
        let codes: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
        for code in codes {
            match (old.get(code), new.get(code)) {
                (Some(_), None) => self.push(
                    Kind::ResponseRemoved,
                    loc,
                    None,
                    format!("response {code} removed"),
                    true,
                ),
                (None, Some(_)) => self.push(
                    Kind::ResponseAdded,
                    loc,
                    None,
                    format!("response {code} added"),
                    false,
                ),
                (Some(or), Some(nr)) => {
                    let (omt, os) = media(or);
                    let (nmt, ns) = media(nr);
                    if omt != nmt {
                        let detail = format!(
                            "response {code} media type changed from `{}` to `{}`",
                            omt.unwrap_or("none"),
                            nmt.unwrap_or("none")
                        );
                        self.push(Kind::TypeChanged, loc, None, detail, true);
                    } else if let (Some(os), Some(ns)) = (os, ns) {
                        self.schema(
                            os,
                            ns,
                            Direction::Response,
                            &format!("{loc} response {code}"),
                            0,
                        );
                    }
                }
                (None, None) => {}
            }
        }
    }

    fn component_schemas(&mut self) {
        let names = |doc: &Value| -> BTreeSet<String> {
            doc.pointer("/components/schemas")
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        };
        let old = names(self.old);
        let new = names(self.new);
        for name in old.difference(&new) {
            self.push(
                Kind::SchemaRemoved,
                name,
                None,
                format!("schema `{name}` removed"),
                true,
            );
        }
        for name in new.difference(&old) {
            self.push(
                Kind::SchemaAdded,
                name,
                None,
                format!("schema `{name}` added"),
                false,
            );
        }
    }

    fn schema(&mut self, o: &Value, n: &Value, dir: Direction, loc: &str, depth: usize) {
        if depth > 64 {
            return;
        }
        let ov = view(self.old, o, 0);
        let nv = view(self.new, n, 0);
        let d = Some(dir);
        let is_request = dir == Direction::Request;

        // Nullability belongs to the place the schema is used.
        match (ov.nullable, nv.nullable) {
            (false, true) => {
                let detail = if is_request {
                    "now accepts null"
                } else {
                    "may now be null"
                };
                self.push(Kind::NullabilityChanged, loc, d, detail.into(), !is_request)
            }
            (true, false) => {
                let detail = if is_request {
                    "no longer accepts null"
                } else {
                    "is no longer null"
                };
                self.push(Kind::NullabilityChanged, loc, d, detail.into(), is_request)
            }
            _ => {}
        }

        // A named schema is compared once per direction, under its own name.
        let mut loc = loc.to_string();
        if let (Some(on), Some(nn)) = (&ov.name, &nv.name) {
            if !self.visited.insert((on.clone(), nn.clone(), dir)) {
                return;
            }
            if on == nn {
                loc = on.clone();
            }
        }
        let loc = loc.as_str();

        let (ot, nt) = (ov.ty.as_deref(), nv.ty.as_deref());
        if let (Some(ot), Some(nt)) = (ot, nt) {
            if ot != nt {
                self.push(
                    Kind::TypeChanged,
                    loc,
                    d,
                    format!("type changed from `{ot}` to `{nt}`"),
                    true,
                );
                return;
            }
        }
        if ov.format != nv.format {
            let detail = format!(
                "format changed from `{}` to `{}`",
                ov.format.as_deref().unwrap_or("none"),
                nv.format.as_deref().unwrap_or("none")
            );
            self.push(Kind::TypeChanged, loc, d, detail, true);
        }

        match (&ov.enum_values, &nv.enum_values) {
            (Some(oe), Some(ne)) => {
                for v in oe.iter().filter(|v| !ne.contains(v)) {
                    self.push(
                        Kind::EnumValueRemoved,
                        loc,
                        d,
                        format!("enum value {v} removed"),
                        is_request,
                    );
                }
                for v in ne.iter().filter(|v| !oe.contains(v)) {
                    self.push(
                        Kind::EnumValueAdded,
                        loc,
                        d,
                        format!("enum value {v} added"),
                        false,
                    );
                }
            }
            (Some(_), None) => self.push(
                Kind::TypeChanged,
                loc,
                d,
                "no longer restricted to enum values".into(),
                true,
            ),
            (None, Some(_)) => self.push(
                Kind::TypeChanged,
                loc,
                d,
                "now restricted to enum values".into(),
                true,
            ),
            (None, None) => {}
        }

        let names: BTreeSet<&String> = ov.properties.keys().chain(nv.properties.keys()).collect();
        for name in names {
            let field = format!("{loc}.{name}");
            let o_req = ov.required.contains(name);
            let n_req = nv.required.contains(name);
            match (ov.properties.get(name), nv.properties.get(name)) {
                (Some(_), None) => self.push(
                    Kind::FieldRemoved,
                    &field,
                    d,
                    format!("field `{name}` removed"),
                    true,
                ),
                (None, Some(_)) => {
                    let detail = format!(
                        "field `{name}` added ({})",
                        if n_req { "required" } else { "optional" }
                    );
                    self.push(Kind::FieldAdded, &field, d, detail, is_request && n_req)
                }
                (Some(op), Some(np)) => {
                    if o_req != n_req {
                        let (detail, breaking) = match (n_req, is_request) {
                            (true, true) => ("is now required", true),
                            (false, true) => ("is now optional", false),
                            (true, false) => ("is now always present", false),
                            (false, false) => ("is now optional (may be absent)", true),
                        };
                        self.push(Kind::RequiredChanged, &field, d, detail.into(), breaking);
                    }
                    self.schema(op, np, dir, &field, depth + 1);
                }
                (None, None) => {}
            }
        }

        if let (Some(oi), Some(ni)) = (&ov.items, &nv.items) {
            self.schema(oi, ni, dir, &format!("{loc}[]"), depth + 1);
        }
        if let (Some(oa), Some(na)) = (&ov.additional, &nv.additional) {
            self.schema(oa, na, dir, &format!("{loc}{{}}"), depth + 1);
        }
        if let (Some(ob), Some(nb)) = (&ov.variants, &nv.variants) {
            let okeys: Vec<String> = ob.iter().map(|b| variant_key(self.old, b)).collect();
            let nkeys: Vec<String> = nb.iter().map(|b| variant_key(self.new, b)).collect();
            for k in okeys.iter().filter(|k| !nkeys.contains(k)) {
                self.push(
                    Kind::VariantRemoved,
                    loc,
                    d,
                    format!("union variant {k} removed"),
                    is_request,
                );
            }
            for k in nkeys.iter().filter(|k| !okeys.contains(k)) {
                self.push(
                    Kind::VariantAdded,
                    loc,
                    d,
                    format!("union variant {k} added"),
                    !is_request,
                );
            }
            // Variants kept by name are compared structurally.
            for (i, k) in okeys.iter().enumerate() {
                if let Some(j) = nkeys.iter().position(|x| x == k) {
                    self.schema(&ob[i], &nb[j], dir, loc, depth + 1);
                }
            }
        }
    }
}

/// An operation and the parameters its path item declares for every method.
struct Op<'a> {
    op: &'a Value,
    shared: Option<&'a Value>,
}

fn operations(doc: &Value) -> BTreeMap<(String, String), Op<'_>> {
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

fn op_id(op: &Value) -> &str {
    op.get("operationId").and_then(Value::as_str).unwrap_or("")
}

/// `(in, name)` -> parameter; operation-level parameters override the path's.
fn params<'a>(doc: &'a Value, op: &Op<'a>) -> BTreeMap<(String, String), &'a Value> {
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
fn resolve<'a>(doc: &'a Value, node: &'a Value) -> (&'a Value, Option<String>) {
    let w = refs::walk(doc, node, "#");
    let name = w
        .first
        .and_then(|r| r.rsplit('/').next())
        .map(|s| s.replace("~1", "/").replace("~0", "~"));
    (w.end, name)
}

/// The media type and schema of a body or response: JSON first.
fn media(holder: &Value) -> (Option<&str>, Option<&Value>) {
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

fn view(doc: &Value, schema: &Value, depth: usize) -> View {
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

fn variant_key(doc: &Value, branch: &Value) -> String {
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
