//! Bodies carry exactly what was set, in both directions.
//!
//! typify maps an optional property to what is convenient to read, and in
//! doing so loses what was on the wire:
//! - a property with a schema `default` becomes a plain field filled with the
//!   default, so a request the caller built without it still sends it (and
//!   keeps sending the old value after the server changes its default);
//! - an optional array or map is skipped when empty, so a caller's `[]`
//!   ("none") is not sent and the server applies its own;
//! - an optional property that admits `null` becomes one `Option`, so an
//!   explicit `null` (in a `PATCH`: "clear it") is sent as nothing at all;
//! - an optional property that admits `null` and has another default is
//!   filled with that default, and sent although nobody set it.
//!
//! Here, on typify's output and by its syntax (serde attributes read with
//! `parse_nested_meta`), each such field becomes one `Option`: `None` is
//! not sent, and reads both an absent field and `null`. Only where the
//! document gives `null` a meaning of its own (an optional property that
//! admits `null` and declares no default, as an update's "clear it" does)
//! is the field the runtime's three-state `Nullable` instead: absent,
//! `null`, or a value. A field with a default documents it and gets a
//! `*_or_default()` accessor. The builders in `types::builder` and the
//! `Default` impls follow the new field types.

use std::collections::BTreeMap;

use quote::{format_ident, quote};
use serde_json::Value;
use syn::visit_mut::VisitMut;

use crate::plan::{naming, Plan};

/// How a field's type changes.
struct Change {
    /// 0: the type stays (only its serde attributes and defaults change);
    /// 1: `T` -> `Option<T>`.
    layers: usize,
    /// typify's `Option<T>` becomes `Nullable<T>`, telling absent from
    /// `null`.
    tri_state: bool,
    /// The value of the field's type that typify filled in, when it did
    /// (`defaults::f` or `Default::default`): the `*_or_default` accessor.
    default: Option<syn::ExprPath>,
    /// The schema's default, for the field's docs.
    schema_default: Option<Value>,
    /// typify named a function for the default (`default = "defaults::f"`).
    named_default: bool,
}

/// The serde attributes of a generated field, as typify writes them.
#[derive(Default)]
struct SerdeField {
    rename: Option<syn::LitStr>,
    /// `Some(None)`: `default`; `Some(Some(path))`: `default = "path"`.
    default: Option<Option<syn::LitStr>>,
    skip_if: Option<String>,
}

fn serde_field(attrs: &[syn::Attribute]) -> Option<SerdeField> {
    let mut out = SerdeField::default();
    for a in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let parsed = a.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                out.rename = Some(meta.value()?.parse()?);
            } else if meta.path.is_ident("default") {
                out.default = Some(if meta.input.peek(syn::Token![=]) {
                    Some(meta.value()?.parse()?)
                } else {
                    None
                });
            } else if meta.path.is_ident("skip_serializing_if") {
                let path: syn::LitStr = meta.value()?.parse()?;
                out.skip_if = Some(path.value());
            } else {
                return Err(meta.error("an attribute this pass does not rewrite"));
            }
            Ok(())
        });
        // Anything else (flatten, with, ...): leave the field as typify made it.
        parsed.ok()?;
    }
    Some(out)
}

/// Schemas by the name typify gives their type, from the prepared document:
/// components, the properties of components that are inline objects
/// (`{Parent}{Property}`), and inline JSON request bodies (`{OpId}Body`).
fn schemas_by_type(doc: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let components = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object);
    for (name, schema) in components.into_iter().flatten() {
        let name = naming::component_type(name);
        for (prop, p) in schema
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let inner = single_branch(p);
            if inner.get("properties").is_some() {
                out.insert(naming::property_type(&name, prop), inner.clone());
            }
        }
        out.insert(name, schema.clone());
    }
    for op in crate::openapi::operations(doc) {
        if let Some(body) = op
            .op
            .pointer("/requestBody/content/application~1json/schema")
        {
            if body.get("$ref").is_none() {
                out.insert(naming::body_type(op.id), body.clone());
            }
        }
    }
    out
}

/// `{allOf: [X], nullable}` and `{anyOf: [X]}` as X.
fn single_branch(schema: &Value) -> &Value {
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some([one]) = schema.get(key).and_then(Value::as_array).map(Vec::as_slice) {
            return single_branch(one);
        }
    }
    schema
}

fn allows_null(doc: &Value, schema: &Value, depth: usize) -> bool {
    if depth > 16 {
        return false;
    }
    if schema.get("nullable") == Some(&Value::Bool(true)) {
        return true;
    }
    if let Some(target) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| crate::refs::target(doc, r))
    {
        return allows_null(doc, target, depth + 1);
    }
    if schema
        .get("enum")
        .and_then(Value::as_array)
        .is_some_and(|e| e.contains(&Value::Null))
    {
        return true;
    }
    ["anyOf", "oneOf"].iter().any(|k| {
        schema
            .get(*k)
            .and_then(Value::as_array)
            .is_some_and(|bs| bs.iter().any(|b| allows_null(doc, b, depth + 1)))
    })
}

/// The pass, on the generated `types`; `view` is progenitor's view of the
/// document, whose schemas say what admits `null`.
pub(super) fn pass(file: &mut syn::File, plan: &Plan, view: &Value, runtime: &syn::Path) {
    let requests = super::request_builders::request_roots(file);
    let responses = plan
        .operations
        .iter()
        .filter_map(|op| op.success.as_ref().map(|s| s.type_name.clone()))
        .collect();
    if let Some(items) = super::generated::module_items(&mut file.items, "types") {
        // `null` keeps a meaning of its own only in what is sent: a type a
        // response also reaches reads `null` and absent alike.
        let defined = items
            .iter()
            .filter_map(|i| match i {
                syn::Item::Struct(s) => Some(s.ident.to_string()),
                syn::Item::Enum(e) => Some(e.ident.to_string()),
                syn::Item::Type(t) => Some(t.ident.to_string()),
                _ => None,
            })
            .collect();
        let sent = super::request_builders::closure(items, &defined, requests);
        let read = super::request_builders::closure(items, &defined, responses);
        let sent_only = |name: &str| sent.contains(name) && !read.contains(name);
        keep_what_was_sent(items, view, runtime, &sent_only);
    }
}

/// The rewrite; `sent_only` says which structs only requests reach (the
/// only ones whose fields may tell `null` from absent).
pub(crate) fn keep_what_was_sent(
    items: &mut Vec<syn::Item>,
    doc: &Value,
    runtime: &syn::Path,
    sent_only: &dyn Fn(&str) -> bool,
) {
    let schemas = schemas_by_type(doc);
    // serde takes the function as a string.
    let is_absent = {
        let mut path: Vec<String> = runtime
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        path.extend(["Nullable".to_string(), "is_absent".to_string()]);
        let lead = if runtime.leading_colon.is_some() {
            "::"
        } else {
            ""
        };
        syn::LitStr::new(
            &format!("{lead}{}", path.join("::")),
            proc_macro2::Span::call_site(),
        )
    };
    // Struct -> field -> change.
    let mut changes: BTreeMap<String, BTreeMap<String, Change>> = BTreeMap::new();
    for item in items.iter_mut() {
        let syn::Item::Struct(s) = item else { continue };
        let syn::Fields::Named(named) = &mut s.fields else {
            continue;
        };
        let schema = schemas.get(&s.ident.to_string());
        let may_tell_null = sent_only(&s.ident.to_string());
        let mut changed = BTreeMap::new();
        for f in named.named.iter_mut() {
            let Some(ident) = f.ident.clone() else {
                continue;
            };
            let Some(serde) = serde_field(&f.attrs) else {
                continue;
            };
            let wire = serde
                .rename
                .as_ref()
                .map(syn::LitStr::value)
                .unwrap_or_else(|| ident.to_string().trim_start_matches("r#").to_string());
            let prop = schema
                .and_then(|s| s.get("properties"))
                .and_then(|p| p.get(&wire));
            let required = schema
                .and_then(|s| s.get("required"))
                .and_then(Value::as_array)
                .is_some_and(|r| r.iter().any(|n| n.as_str() == Some(wire.as_str())));
            if required {
                continue;
            }
            let nullable = prop.is_some_and(|p| allows_null(doc, p, 0));
            let is_option = crate::syntax::is_option(&f.ty);
            let skips_empty = serde
                .skip_if
                .as_deref()
                .is_some_and(|p| p.ends_with("is_empty"));
            let filled = serde.default.is_some() && !is_option;
            let declares_default = prop.is_some_and(|p| p.get("default").is_some());
            let change = if is_option
                && nullable
                && may_tell_null
                && !declares_default
                && serde.default.is_none()
            {
                // `null` means something of its own here (no default says
                // it is the same as absent): all three states are kept.
                Change {
                    layers: 0,
                    tri_state: true,
                    default: None,
                    schema_default: None,
                    named_default: false,
                }
            } else if is_option && matches!(serde.default, Some(Some(_))) {
                // A nullable property with a non-null default: typify fills
                // it in; it is sent only when set.
                Change {
                    layers: 0,
                    tri_state: false,
                    default: None,
                    schema_default: prop.and_then(|p| p.get("default")).cloned(),
                    named_default: true,
                }
            } else if filled || skips_empty {
                let default = match &serde.default {
                    Some(Some(path)) => path.parse().ok(),
                    _ => Some(syn::parse_quote!(::std::default::Default::default)),
                };
                Change {
                    layers: 1,
                    tri_state: false,
                    default,
                    schema_default: prop.and_then(|p| p.get("default")).cloned(),
                    named_default: matches!(serde.default, Some(Some(_))),
                }
            } else {
                continue;
            };
            let rename = serde.rename.iter();
            f.attrs.retain(|a| !a.path().is_ident("serde"));
            if change.tri_state {
                let inner = crate::syntax::last_generic(&f.ty, 0).unwrap_or_else(|| f.ty.clone());
                f.ty = syn::parse_quote! { #runtime::Nullable<#inner> };
                f.attrs.push(syn::parse_quote! {
                    #[serde(#(rename = #rename,)* default, skip_serializing_if = #is_absent)]
                });
            } else {
                f.ty = wrap(&f.ty, change.layers);
                f.attrs.push(syn::parse_quote! {
                    #[serde(#(rename = #rename,)* default, skip_serializing_if = "::std::option::Option::is_none")]
                });
            }
            let doc = match (change.tri_state, &change.schema_default) {
                (true, _) => "`Absent`: not sent; `Null`: sent as `null`; `Value(v)`: sent as `v`."
                    .to_string(),
                (_, Some(d)) => format!(
                    "`None`: not sent (the server's default applies: `{d}`); reads `null` too."
                ),
                (_, None) if nullable => {
                    "`None`: not sent; reads an absent field and `null` alike.".to_string()
                }
                (_, None) => "`None`: not sent; an empty collection is sent as `[]`.".to_string(),
            };
            if f.attrs.iter().any(|a| a.path().is_ident("doc")) {
                f.attrs.push(syn::parse_quote! { #[doc = ""] });
            }
            f.attrs.push(syn::parse_quote! { #[doc = #doc] });
            changed.insert(ident.to_string(), change);
        }
        if !changed.is_empty() {
            changes.insert(s.ident.to_string(), changed);
        }
    }
    if changes.is_empty() {
        return;
    }

    // Accessors for the defaults typify used to fill in.
    for (name, fields) in &changes {
        let ident = format_ident!("{}", name);
        let accessors = fields.iter().filter_map(|(field, c)| {
            // Only where there is a default to tell of: an optional list
            // without one reads as "not set", not as an empty list.
            let path = c
                .default
                .as_ref()
                .filter(|_| c.layers == 1 && (c.schema_default.is_some() || c.named_default))?;
            let field = syn::parse_str::<syn::Ident>(field).ok()?;
            let accessor = format_ident!(
                "{}_or_default",
                field
                    .to_string()
                    .trim_start_matches("r#")
                    .trim_end_matches('_')
            );
            let ty = items.iter().find_map(|i| match i {
                syn::Item::Struct(s) if s.ident == *name => match &s.fields {
                    syn::Fields::Named(n) => n
                        .named
                        .iter()
                        .find(|f| f.ident.as_ref() == Some(&field))
                        .and_then(|f| crate::syntax::last_generic(&f.ty, 0)),
                    _ => None,
                },
                _ => None,
            })?;
            let doc =
                format!("`{field}` as set, or the default the server applies when it is not sent.");
            Some(quote! {
                #[doc = #doc]
                pub fn #accessor(&self) -> #ty {
                    self.#field.clone().unwrap_or_else(#path)
                }
            })
        });
        let accessors: Vec<_> = accessors.collect();
        if !accessors.is_empty() {
            items.push(syn::parse_quote! {
                impl #ident {
                    #(#accessors)*
                }
            });
        }
    }

    for item in items.iter_mut() {
        match item {
            syn::Item::Impl(imp) => fix_default_impl(imp, &changes),
            // typify's `defaults::*` functions build the structs whose
            // schemas give an object default: their literals set the fields
            // as typify typed them.
            syn::Item::Mod(m) if m.ident == "defaults" => {
                let mut literals = WrapChangedFields(&changes, runtime);
                for item in m.content.iter_mut().flat_map(|(_, items)| items) {
                    literals.visit_item_mut(item);
                }
            }
            syn::Item::Mod(m) if m.ident == "builder" => {
                for item in m.content.iter_mut().flat_map(|(_, items)| items) {
                    match item {
                        syn::Item::Struct(s) => {
                            let Some(fields) = changes.get(&s.ident.to_string()) else {
                                continue;
                            };
                            for f in s.fields.iter_mut() {
                                let Some(c) =
                                    f.ident.as_ref().and_then(|i| fields.get(&i.to_string()))
                                else {
                                    continue;
                                };
                                // `Result<T, String>` -> `Result<Option<T>, String>`.
                                if let Some(inner) = crate::syntax::last_generic(&f.ty, 0) {
                                    let wrapped = if c.tri_state {
                                        let value =
                                            crate::syntax::last_generic(&inner, 0).unwrap_or(inner);
                                        syn::parse_quote! { #runtime::Nullable<#value> }
                                    } else {
                                        wrap(&inner, c.layers)
                                    };
                                    f.ty = syn::parse_quote! { ::std::result::Result<#wrapped, ::std::string::String> };
                                }
                            }
                        }
                        syn::Item::Impl(imp) => {
                            fix_default_impl(imp, &changes);
                            fix_setters(imp, &changes, runtime);
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// In struct literals of a changed struct (`super::Terms { days: 5_i64 }`),
/// each changed field's value in as many `Some` as its type gained layers.
struct WrapChangedFields<'a>(
    &'a BTreeMap<String, BTreeMap<String, Change>>,
    &'a syn::Path,
);

impl VisitMut for WrapChangedFields<'_> {
    fn visit_expr_struct_mut(&mut self, lit: &mut syn::ExprStruct) {
        syn::visit_mut::visit_expr_struct_mut(self, lit);
        let Some(fields) = lit
            .path
            .segments
            .last()
            .and_then(|s| self.0.get(&s.ident.to_string()))
        else {
            return;
        };
        for field in lit.fields.iter_mut() {
            let syn::Member::Named(name) = &field.member else {
                continue;
            };
            let Some(change) = fields.get(&name.to_string()) else {
                continue;
            };
            // A shorthand `Terms { days }` names its value: write it out.
            field.colon_token.get_or_insert_with(Default::default);
            if change.tri_state {
                let (value, runtime) = (&field.expr, self.1);
                field.expr = syn::parse_quote! { #runtime::Nullable::from_option(#value) };
            }
            for _ in 0..change.layers {
                let value = &field.expr;
                field.expr = syn::parse_quote! { ::std::option::Option::Some(#value) };
            }
        }
    }
}

fn wrap(ty: &syn::Type, layers: usize) -> syn::Type {
    let mut ty = ty.clone();
    for _ in 0..layers {
        ty = syn::parse_quote! { ::std::option::Option<#ty> };
    }
    ty
}

/// `impl Default for X` initialises a changed field to nothing (`None`):
/// the default is the server's to apply.
fn fix_default_impl(imp: &mut syn::ItemImpl, changes: &BTreeMap<String, BTreeMap<String, Change>>) {
    let is_default = imp
        .trait_
        .as_ref()
        .and_then(|(p, _)| p.segments.last())
        .is_some_and(|s| s.ident == "Default");
    if !is_default {
        return;
    }
    let Some(fields) = crate::syntax::last_ident(&imp.self_ty).and_then(|n| changes.get(&n)) else {
        return;
    };
    struct Inits<'a>(&'a BTreeMap<String, Change>);
    impl VisitMut for Inits<'_> {
        fn visit_field_value_mut(&mut self, fv: &mut syn::FieldValue) {
            let syn::Member::Named(name) = &fv.member else {
                return;
            };
            if !self.0.contains_key(&name.to_string()) {
                return;
            }
            let in_ok = matches!(&fv.expr, syn::Expr::Call(c)
                if matches!(&*c.func, syn::Expr::Path(p) if p.path.is_ident("Ok")));
            fv.expr = if in_ok {
                syn::parse_quote! { Ok(::std::default::Default::default()) }
            } else {
                syn::parse_quote! { ::std::default::Default::default() }
            };
        }
    }
    Inits(fields).visit_item_impl_mut(imp);
}

/// A builder's setter takes what the field now holds.
fn fix_setters(
    imp: &mut syn::ItemImpl,
    changes: &BTreeMap<String, BTreeMap<String, Change>>,
    runtime: &syn::Path,
) {
    if imp.trait_.is_some() {
        return;
    }
    let Some(fields) = crate::syntax::last_ident(&imp.self_ty).and_then(|n| changes.get(&n)) else {
        return;
    };
    for item in imp.items.iter_mut() {
        let syn::ImplItem::Fn(f) = item else { continue };
        let Some(c) = fields.get(&f.sig.ident.to_string()) else {
            continue;
        };
        for t in crate::syntax::try_into_targets(f) {
            *t = if c.tri_state {
                let value = crate::syntax::last_generic(t, 0).unwrap_or_else(|| t.clone());
                syn::parse_quote! { #runtime::Nullable<#value> }
            } else {
                wrap(t, c.layers)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    fn rewrite(file: syn::File, doc: serde_json::Value) -> String {
        let mut items = file.items;
        super::keep_what_was_sent(
            &mut items,
            &doc,
            &syn::parse_quote!(crate::runtime::__private),
            &|_| true,
        );
        let mut file: syn::File = syn::parse_quote! {};
        file.items = items;
        prettyplease::unparse(&file)
    }

    #[test]
    fn defaults_empty_lists_and_meaningful_nulls_each_get_their_type() {
        let file: syn::File = syn::parse_quote! {
            pub struct Job {
                #[serde(default = "defaults::job_mode")]
                pub mode: Mode,
                #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
                pub tags: ::std::vec::Vec<String>,
                #[serde(skip_serializing_if = "::std::option::Option::is_none")]
                pub note: ::std::option::Option<String>,
                #[serde(skip_serializing_if = "::std::option::Option::is_none")]
                pub folder: ::std::option::Option<String>,
                #[serde(flatten)]
                pub extra: ::serde_json::Map<String, ::serde_json::Value>,
                pub id: String,
            }
            impl ::std::default::Default for Job {
                fn default() -> Self {
                    Self { mode: defaults::job_mode(), tags: Default::default(), note: Default::default(), folder: Default::default(), extra: Default::default(), id: Default::default() }
                }
            }
            pub mod builder {
                pub struct Job {
                    mode: ::std::result::Result<super::Mode, ::std::string::String>,
                }
                impl ::std::default::Default for Job {
                    fn default() -> Self {
                        Self { mode: Ok(super::defaults::job_mode()) }
                    }
                }
                impl Job {
                    pub fn mode<T>(mut self, value: T) -> Self
                    where
                        T: ::std::convert::TryInto<super::Mode>,
                        T::Error: ::std::fmt::Display,
                    {
                        self
                    }
                }
            }
        };
        let doc = json!({"components": {"schemas": {"Job": {
            "required": ["id"],
            "properties": {
                "mode": {"type": "string", "default": "fast"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "note": {"type": "string", "nullable": true},
                "folder": {"type": "string"},
                "id": {"type": "string"}
            }
        }}}});
        let text = rewrite(file, doc);
        let squashed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for wanted in [
            "pub mode: ::std::option::Option<Mode>",
            "the server's default applies: `\"fast\"`",
            "pub tags: ::std::option::Option<::std::vec::Vec<String>>",
            // Nullable with no default: `null` means something of its own.
            "pub note: crate::runtime::__private::Nullable<String>",
            "skip_serializing_if = \"crate::runtime::__private::Nullable::is_absent\"",
            // Not nullable: stays one `Option`.
            "pub folder: ::std::option::Option<String>",
            // An attribute this pass does not know: left as typify made it.
            "#[serde(flatten)] pub extra",
            "pub id: String",
            "Self { mode: ::std::default::Default::default(),",
            "Self { mode: Ok(::std::default::Default::default()), }",
            "T: ::std::convert::TryInto<::std::option::Option<super::Mode>>",
            "pub fn mode_or_default(&self) -> Mode { self.mode.clone().unwrap_or_else(defaults::job_mode) }",
        ] {
            assert!(squashed.contains(wanted), "missing {wanted:?} in\n{text}");
        }
        assert!(!text.contains("Vec::is_empty"), "{text}");
        // No default to tell of: no accessor pretending there is one.
        assert!(!text.contains("tags_or_default"), "{text}");
    }
}
