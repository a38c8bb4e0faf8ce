//! Forward compatibility, applied to every type typify generates.
//!
//! HeyGen adds fields and enum values without notice. A response must still
//! decode, and a value the client does not know must reach the caller as it
//! was sent, not be mapped to a known one or fail the call:
//! - `deny_unknown_fields` (typify's spelling of `additionalProperties:
//!   false`) moves from serde to schemars: the JSON Schema keeps it, decoding
//!   no longer rejects new response fields;
//! - string enums get `Unknown(String)`, kept verbatim, shown by `Display`,
//!   and written back unchanged when serialised;
//! - tagged unions get `Unknown(serde_json::Value)` holding the whole object;
//! - unions whose variants are named schemas tagged by a `const` property
//!   (pydantic's discriminated unions) are chosen by that tag, not by trying
//!   each variant in turn: typify makes them `untagged`, which picks the
//!   first variant whose fields happen to fit.

use std::collections::BTreeMap;

use quote::quote;

/// The pass: opens up the generated `types`; returns the unions it
/// dispatches by tag.
pub(super) fn pass(file: &mut syn::File, _plan: &crate::plan::Plan) -> Vec<TagDispatch> {
    super::generated::module_items(&mut file.items, "types")
        .map(open_up)
        .unwrap_or_default()
}

/// Returns the unions it dispatches by tag.
pub(crate) fn open_up(items: &mut Vec<syn::Item>) -> Vec<TagDispatch> {
    for item in items.iter_mut() {
        if let syn::Item::Impl(imp) = item {
            schemars_one(imp);
        }
    }
    let dispatch = tag_dispatch(items);
    let mut string_enums = Vec::new();
    for item in items.iter_mut() {
        match item {
            syn::Item::Struct(s) => drop_deny_unknown(&mut s.attrs),
            syn::Item::Enum(e) => {
                drop_deny_unknown(&mut e.attrs);
                if e.variants.iter().any(|v| v.ident == "Unknown") {
                    continue;
                }
                if let Some(d) = dispatch.iter().find(|d| d.enum_name == e.ident) {
                    crate::syntax::drop_derive(&mut e.attrs, "Deserialize");
                    let doc = format!("Chosen by its `{}` tag; a tag this client does not know is kept in `Unknown`.", d.tag);
                    e.attrs.push(syn::parse_quote! { #[doc = ""] });
                    e.attrs.push(syn::parse_quote! { #[doc = #doc] });
                    e.variants.push(syn::parse_quote! {
                        /// A variant this client does not know yet, kept as sent.
                        #[schemars(skip)]
                        Unknown(::serde_json::Value)
                    });
                    continue;
                }
                let all_unit = e
                    .variants
                    .iter()
                    .all(|v| matches!(v.fields, syn::Fields::Unit));
                let serde = crate::syntax::serde(&e.attrs);
                let tagged = serde.tag.is_some();
                let untagged = serde.untagged;
                if all_unit && !untagged && !e.variants.is_empty() {
                    crate::syntax::drop_derive(&mut e.attrs, "Copy");
                    e.variants.push(syn::parse_quote! {
                        /// A value this client does not know yet, kept as sent.
                        #[serde(untagged)]
                        #[schemars(skip)]
                        Unknown(::std::string::String)
                    });
                    string_enums.push(e.ident.clone());
                } else if tagged {
                    crate::syntax::drop_derive(&mut e.attrs, "Copy");
                    e.variants.push(syn::parse_quote! {
                        /// A variant this client does not know yet, kept as sent.
                        #[serde(untagged)]
                        #[schemars(skip)]
                        Unknown(::serde_json::Value)
                    });
                }
            }
            _ => {}
        }
    }
    for item in items.iter_mut() {
        let syn::Item::Impl(imp) = item else { continue };
        let syn::Type::Path(p) = &*imp.self_ty else {
            continue;
        };
        let Some(name) = p.path.segments.last().map(|s| s.ident.clone()) else {
            continue;
        };
        if !string_enums.contains(&name) {
            continue;
        }
        let Some(trait_path) = imp.trait_.as_ref().map(|t| t.0.clone()) else {
            continue;
        };
        let is = |name: &str| trait_path.segments.last().is_some_and(|s| s.ident == name);
        for f in imp.items.iter_mut() {
            let syn::ImplItem::Fn(f) = f else { continue };
            if is("Display") && f.sig.ident == "fmt" {
                add_arm(
                    &mut f.block,
                    syn::parse_quote! { Self::Unknown(ref value) => f.write_str(value), },
                    false,
                );
            } else if is("FromStr") && f.sig.ident == "from_str" {
                add_arm(
                    &mut f.block,
                    syn::parse_quote! { other => Ok(Self::Unknown(other.to_string())), },
                    true,
                );
            }
        }
    }
    dispatch
}

/// serde's `deny_unknown_fields` would reject new response fields; the
/// schema keeps saying `additionalProperties: false` through schemars' own
/// attribute, which changes the JSON Schema and nothing else.
fn drop_deny_unknown(attrs: &mut [syn::Attribute]) {
    for a in attrs.iter_mut() {
        if crate::syntax::serde(std::slice::from_ref(a)).deny_unknown_fields {
            *a = syn::parse_quote! { #[schemars(deny_unknown_fields)] };
        }
    }
}

/// Adds an arm to the first `match` in a function body; with `replace_wild`
/// the new arm takes the place of a trailing `_ =>` arm.
fn add_arm(block: &mut syn::Block, arm: syn::Arm, replace_wild: bool) {
    struct V {
        arm: Option<syn::Arm>,
        replace_wild: bool,
    }
    impl syn::visit_mut::VisitMut for V {
        fn visit_expr_match_mut(&mut self, m: &mut syn::ExprMatch) {
            let Some(arm) = self.arm.take() else { return };
            if self.replace_wild {
                if let Some(last) = m.arms.last() {
                    if matches!(last.pat, syn::Pat::Wild(_)) {
                        m.arms.pop();
                    }
                }
            }
            m.arms.push(arm);
        }
    }
    let mut v = V {
        arm: Some(arm),
        replace_wild,
    };
    syn::visit_mut::visit_block_mut(&mut v, block);
}

/// typify writes a manual `JsonSchema` impl for enumerated non-string
/// values (integer enums) in schemars 0.8's API; rewrite it for schemars 1:
/// the base type's schema with the `enum` (or `not: {enum}`) values added.
fn schemars_one(imp: &mut syn::ItemImpl) {
    let Some((trait_path, _)) = &imp.trait_ else {
        return;
    };
    if !crate::syntax::path_ends_with(trait_path, &["schemars", "JsonSchema"]) {
        return;
    }
    // schemars 0.8's generator type: the impl is in the old API.
    if !crate::syntax::impl_mentions_path(imp, &["gen", "SchemaGenerator"]) {
        return;
    }
    struct Collect {
        base: Option<syn::Type>,
        values: Vec<syn::LitStr>,
        name: Option<syn::LitStr>,
    }
    impl<'ast> syn::visit::Visit<'ast> for Collect {
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if let Some(q) = &p.qself {
                if self.base.is_none()
                    && p.path
                        .segments
                        .last()
                        .is_some_and(|s| s.ident == "json_schema")
                {
                    self.base = Some((*q.ty).clone());
                }
            }
            syn::visit::visit_expr_path(self, p);
        }
        fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
            let is_from_str = matches!(&*c.func, syn::Expr::Path(p)
                if crate::syntax::path_ends_with(&p.path, &["serde_json", "from_str"]));
            if is_from_str {
                if let Some(syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                })) = c.args.first()
                {
                    self.values.push(s.clone());
                }
            }
            syn::visit::visit_expr_call(self, c);
        }
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            if m.method == "to_string" && self.name.is_none() {
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) = &*m.receiver
                {
                    self.name = Some(s.clone());
                }
            }
            syn::visit::visit_expr_method_call(self, m);
        }
    }
    let mut found = Collect {
        base: None,
        values: Vec::new(),
        name: None,
    };
    syn::visit::visit_item_impl(&mut found, imp);
    let (Some(base), Some(name)) = (found.base, found.name) else {
        return;
    };
    let values = found.values;
    // typify writes `schema.subschemas().not = Some(..)` for `not: {enum}`.
    let negated = assigns_field(imp, "not");
    let insert = if negated {
        quote! { schema.insert("not".into(), ::serde_json::json!({ "enum": values })); }
    } else {
        quote! { schema.insert("enum".into(), ::serde_json::Value::Array(values)); }
    };
    let self_ty = &imp.self_ty;
    *imp = syn::parse_quote! {
        impl ::schemars::JsonSchema for #self_ty {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#name)
            }
            fn json_schema(generator: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                let mut schema = <#base as ::schemars::JsonSchema>::json_schema(generator);
                let values: ::std::vec::Vec<::serde_json::Value> = ::std::vec![
                    #( ::serde_json::from_str(#values).expect("typify writes valid JSON") ),*
                ];
                #insert
                schema
            }
        }
    };
}

/// Whether `imp` assigns to a field named `field` (`x.field = ...`).
fn assigns_field(imp: &syn::ItemImpl, field: &str) -> bool {
    struct Find<'a>(&'a str, bool);
    impl<'ast> syn::visit::Visit<'ast> for Find<'_> {
        fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
            if let syn::Expr::Field(f) = &*a.left {
                self.1 |= matches!(&f.member, syn::Member::Named(n) if n == self.0);
            }
            syn::visit::visit_expr_assign(self, a);
        }
    }
    let mut find = Find(field, false);
    syn::visit::visit_item_impl(&mut find, imp);
    find.1
}

/// An untagged union whose variants carry distinct `const` tags.
pub(crate) struct TagDispatch {
    pub(crate) enum_name: syn::Ident,
    /// Wire name of the tag property.
    pub(crate) tag: String,
    /// Tag value -> variant.
    pub(crate) variants: Vec<(String, syn::Ident)>,
    /// Variant -> the struct it wraps.
    pub(crate) payloads: Vec<(syn::Ident, String)>,
}

/// Finds the unions to dispatch by tag, and appends their `Deserialize`.
fn tag_dispatch(items: &mut Vec<syn::Item>) -> Vec<TagDispatch> {
    // Single-value string enums: the `const` tags.
    let mut consts: BTreeMap<String, String> = BTreeMap::new();
    // Struct -> (wire field name -> field type name).
    let mut structs: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for item in items.iter() {
        match item {
            syn::Item::Enum(e)
                if e.variants.len() == 1 && matches!(e.variants[0].fields, syn::Fields::Unit) =>
            {
                if let Some(value) = crate::syntax::serde_rename(&e.variants[0].attrs) {
                    consts.insert(e.ident.to_string(), value);
                }
            }
            syn::Item::Struct(s) => {
                let syn::Fields::Named(named) = &s.fields else {
                    continue;
                };
                let fields = named
                    .named
                    .iter()
                    .filter_map(|f| {
                        let ident = f.ident.as_ref()?.to_string();
                        let wire = crate::syntax::serde_rename(&f.attrs).unwrap_or(ident);
                        let syn::Type::Path(p) = &f.ty else {
                            return None;
                        };
                        Some((wire, p.path.segments.last()?.ident.to_string()))
                    })
                    .collect();
                structs.insert(s.ident.to_string(), fields);
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    for item in items.iter() {
        let syn::Item::Enum(e) = item else { continue };
        let untagged = crate::syntax::serde(&e.attrs).untagged;
        if !untagged || e.variants.is_empty() {
            continue;
        }
        // Each variant wraps one struct; collect (variant, struct fields).
        let mut variants = Vec::new();
        for v in &e.variants {
            let syn::Fields::Unnamed(u) = &v.fields else {
                break;
            };
            if u.unnamed.len() != 1 {
                break;
            }
            let syn::Type::Path(p) = &u.unnamed[0].ty else {
                break;
            };
            let Some(name) = p.path.segments.last().map(|s| s.ident.to_string()) else {
                break;
            };
            let Some(fields) = structs.get(&name) else {
                break;
            };
            variants.push((v.ident.clone(), fields, name));
        }
        if variants.len() != e.variants.len() {
            continue;
        }
        // A property every variant pins to a different value.
        let candidates: Vec<&String> = variants[0].1.iter().map(|(wire, _)| wire).collect();
        'tag: for tag in candidates {
            let mut mapping = Vec::new();
            for (ident, fields, _) in &variants {
                let Some((_, ty)) = fields.iter().find(|(w, _)| w == tag) else {
                    continue 'tag;
                };
                let Some(value) = consts.get(ty) else {
                    continue 'tag;
                };
                if mapping
                    .iter()
                    .any(|(v, _): &(String, syn::Ident)| v == value)
                {
                    continue 'tag;
                }
                mapping.push((value.clone(), ident.clone()));
            }
            found.push(TagDispatch {
                enum_name: e.ident.clone(),
                tag: tag.clone(),
                variants: mapping,
                payloads: variants
                    .iter()
                    .map(|(ident, _, payload)| (ident.clone(), payload.clone()))
                    .collect(),
            });
            break;
        }
    }
    for d in &found {
        let name = &d.enum_name;
        let tag = &d.tag;
        let arms = d.variants.iter().map(|(value, variant)| {
            quote! {
                ::std::option::Option::Some(#value) => ::serde_json::from_value(value)
                    .map(Self::#variant)
                    .map_err(::serde::de::Error::custom),
            }
        });
        items.push(syn::parse_quote! {
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                    match value.get(#tag).and_then(::serde_json::Value::as_str) {
                        #(#arms)*
                        _ => ::std::result::Result::Ok(Self::Unknown(value)),
                    }
                }
            }
        });
    }
    found
}

#[cfg(test)]
mod tests {
    #[test]
    fn string_enums_gain_an_unknown_arm() {
        let file: syn::File = syn::parse_quote! {
            #[derive(Clone, Copy, Debug)]
            pub enum Plan {
                #[serde(rename = "free")]
                Free,
            }
            impl ::std::fmt::Display for Plan {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    match *self {
                        Self::Free => f.write_str("free"),
                    }
                }
            }
            impl ::std::str::FromStr for Plan {
                type Err = String;
                fn from_str(value: &str) -> Result<Self, String> {
                    match value {
                        "free" => Ok(Self::Free),
                        _ => Err("invalid value".into()),
                    }
                }
            }
        };
        let mut items = file.items;
        super::open_up(&mut items);
        let mut file = file_with_nothing();
        file.items = items;
        let text = prettyplease::unparse(&file);
        assert!(text.contains("Unknown(::std::string::String)"), "{text}");
        assert!(!text.contains("Copy"), "{text}");
        assert!(
            text.contains("Self::Unknown(ref value) => f.write_str(value)"),
            "{text}"
        );
        assert!(
            text.contains("other => Ok(Self::Unknown(other.to_string()))"),
            "{text}"
        );
        assert!(!text.contains("invalid value"), "{text}");
    }

    fn file_with_nothing() -> syn::File {
        syn::parse_quote! {}
    }
}
