//! The walk that compares two documents: operations (parameters, bodies,
//! responses) and the component schemas they reach, each schema pair once.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::model::{Change, Direction, Kind};
use super::read::{media, op_id, operations, params, resolve, variant_key, view, Op};

pub(super) struct Walker<'a> {
    old: &'a Value,
    new: &'a Value,
    changes: Vec<Change>,
    seen: BTreeSet<(String, String, Option<Direction>)>,
    /// (old schema name, new schema name, direction) pairs already compared:
    /// reports a shared schema once, and ends recursion in recursive ones.
    visited: BTreeSet<(String, String, Direction)>,
}

impl<'a> Walker<'a> {
    /// Every change from `old` to `new`, operations first.
    pub(super) fn compare(old: &'a Value, new: &'a Value) -> Vec<Change> {
        let mut walker = Walker {
            old,
            new,
            changes: Vec::new(),
            seen: BTreeSet::new(),
            visited: BTreeSet::new(),
        };
        walker.operations();
        walker.component_schemas();
        walker.changes
    }
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
