//! A discriminated union's tag is implied by its variant: the payload type
//! of `Body::Avatar(AvatarVideo { .. })` has no `type` field to set (and
//! none to set wrongly); encoding writes the tag from the variant, and
//! decoding chooses the variant by it (`open_types`).
//!
//! A payload that is also used outside its union (a field of another type,
//! a body of its own, a variant of a second union) keeps its tag field: on
//! its own, nothing else would write the tag. Its variant still encodes
//! with the variant's tag, which is the same value.

use std::collections::BTreeSet;

use quote::quote;
use syn::visit::Visit;
use syn::visit_mut::VisitMut;

use super::generated::module_items;
use super::open_types::TagDispatch;

/// The pass, on the unions `open_types` dispatches by tag.
pub(super) fn pass(file: &mut syn::File, unions: &[TagDispatch], runtime: &syn::Path) {
    let shared = shared_payloads(file, unions);
    let Some(types) = module_items(&mut file.items, "types") else {
        return;
    };
    for union in unions {
        for (_, payload) in &union.payloads {
            if shared.contains(payload) {
                continue;
            }
            if let Some(field) = tag_field(types, payload, &union.tag) {
                drop_field(types, payload, &field);
            }
        }
        serialize_with_tag(types, union, runtime);
    }
}

/// Payloads named anywhere but in their own union, their own impls and
/// their builder.
fn shared_payloads(file: &syn::File, unions: &[TagDispatch]) -> BTreeSet<String> {
    let unions_names: BTreeSet<String> = unions.iter().map(|u| u.enum_name.to_string()).collect();
    let payloads: BTreeSet<String> = unions
        .iter()
        .flat_map(|u| u.payloads.iter().map(|(_, p)| p.clone()))
        .collect();
    let mut uses = Uses {
        counts: Default::default(),
        skip_impls_of: payloads.union(&unions_names).cloned().collect(),
        in_types: false,
    };
    uses.visit_file(file);
    payloads
        .into_iter()
        .filter(|p| {
            let in_variants = unions
                .iter()
                .flat_map(|u| &u.payloads)
                .filter(|(_, q)| q == p)
                .count();
            uses.counts.get(p).copied().unwrap_or(0) > in_variants
        })
        .collect()
}

/// How often each type is named, leaving out the impls of the payloads and
/// unions themselves (their own business: `Default`, conversions, the
/// union's `From<Payload>`) and typify's builders (which mirror the types).
struct Uses {
    counts: std::collections::BTreeMap<String, usize>,
    skip_impls_of: BTreeSet<String>,
    in_types: bool,
}

impl<'ast> Visit<'ast> for Uses {
    fn visit_item_impl(&mut self, imp: &'ast syn::ItemImpl) {
        if crate::syntax::last_ident(&imp.self_ty).is_some_and(|n| self.skip_impls_of.contains(&n))
        {
            return;
        }
        syn::visit::visit_item_impl(self, imp);
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if m.ident == "builder" && self.in_types {
            return;
        }
        let outer = self.in_types;
        self.in_types |= m.ident == "types";
        syn::visit::visit_item_mod(self, m);
        self.in_types = outer;
    }

    fn visit_type_path(&mut self, p: &'ast syn::TypePath) {
        if let Some(last) = p.path.segments.last() {
            *self.counts.entry(last.ident.to_string()).or_default() += 1;
        }
        syn::visit::visit_type_path(self, p);
    }
}

/// The Rust name of the payload's field whose wire name is `tag`.
fn tag_field(types: &[syn::Item], payload: &str, tag: &str) -> Option<syn::Ident> {
    types.iter().find_map(|item| match item {
        syn::Item::Struct(s) if s.ident == payload => s.fields.iter().find_map(|f| {
            let ident = f.ident.clone()?;
            let wire = crate::syntax::serde_rename(&f.attrs)
                .unwrap_or_else(|| ident.to_string().trim_start_matches("r#").to_string());
            (wire == tag).then_some(ident)
        }),
        _ => None,
    })
}

/// Removes `field` from the payload struct, from its builder, and from
/// every struct literal and setter that names it.
fn drop_field(types: &mut [syn::Item], payload: &str, field: &syn::Ident) {
    let mut dropper = DropField { payload, field };
    for item in types.iter_mut() {
        match item {
            syn::Item::Mod(m) if m.ident == "builder" || m.ident == "defaults" => {
                for item in m.content.iter_mut().flat_map(|(_, items)| items) {
                    dropper.item(item);
                }
            }
            _ => dropper.item(item),
        }
    }
}

struct DropField<'a> {
    payload: &'a str,
    field: &'a syn::Ident,
}

impl DropField<'_> {
    fn item(&mut self, item: &mut syn::Item) {
        match item {
            syn::Item::Struct(s) if s.ident == self.payload => {
                if let syn::Fields::Named(named) = &mut s.fields {
                    named.named = std::mem::take(&mut named.named)
                        .into_iter()
                        .filter(|f| f.ident.as_ref() != Some(self.field))
                        .collect();
                }
            }
            syn::Item::Impl(imp) => {
                let own =
                    crate::syntax::last_ident(&imp.self_ty).is_some_and(|n| n == self.payload);
                if own {
                    imp.items.retain(|i| {
                        !matches!(i, syn::ImplItem::Fn(f) if f.sig.ident == *self.field && imp_is_builder_setter(f))
                    });
                }
                let mut literals = DropInLiterals {
                    payload: self.payload,
                    field: self.field,
                    in_own_impl: own,
                    emptied: false,
                };
                literals.visit_item_impl_mut(imp);
                if literals.emptied {
                    // A payload whose only field was its tag: the
                    // conversions no longer read their argument.
                    imp.attrs
                        .push(syn::parse_quote! { #[allow(unused_variables)] });
                }
            }
            other => {
                let mut literals = DropInLiterals {
                    payload: self.payload,
                    field: self.field,
                    in_own_impl: false,
                    emptied: false,
                };
                literals.visit_item_mut(other);
            }
        }
    }
}

/// A builder's setter: `fn field<T>(mut self, value: T) -> Self`.
fn imp_is_builder_setter(f: &syn::ImplItemFn) -> bool {
    f.sig.inputs.len() == 2 && matches!(f.sig.inputs.first(), Some(syn::FnArg::Receiver(_)))
}

/// Removes the field from struct literals of the payload (`Payload { .. }`,
/// or `Self { .. }` inside the payload's or its builder's impls).
struct DropInLiterals<'a> {
    payload: &'a str,
    field: &'a syn::Ident,
    in_own_impl: bool,
    /// A literal lost its last field.
    emptied: bool,
}

impl VisitMut for DropInLiterals<'_> {
    fn visit_expr_struct_mut(&mut self, lit: &mut syn::ExprStruct) {
        syn::visit_mut::visit_expr_struct_mut(self, lit);
        let names_payload =
            lit.path.segments.last().is_some_and(|s| {
                s.ident == self.payload || (self.in_own_impl && s.ident == "Self")
            });
        if names_payload {
            let before = lit.fields.len();
            lit.fields = std::mem::take(&mut lit.fields)
                .into_iter()
                .filter(|fv| !matches!(&fv.member, syn::Member::Named(n) if n == self.field))
                .collect();
            self.emptied |= before > 0 && lit.fields.is_empty() && lit.rest.is_none();
        }
    }
}

/// Replaces the union's derived (untagged) `Serialize` by one that writes
/// each variant with its tag.
fn serialize_with_tag(types: &mut Vec<syn::Item>, union: &TagDispatch, runtime: &syn::Path) {
    let name = &union.enum_name;
    let Some(syn::Item::Enum(e)) = types
        .iter_mut()
        .find(|i| matches!(i, syn::Item::Enum(e) if e.ident == *name))
    else {
        return;
    };
    crate::syntax::drop_derive(&mut e.attrs, "Serialize");
    // `untagged` was for the derived `Serialize`; the JSON Schema keeps it.
    for attr in e.attrs.iter_mut() {
        if attr.path().is_ident("serde")
            && crate::syntax::serde(std::slice::from_ref(attr)).untagged
        {
            *attr = syn::parse_quote! { #[schemars(untagged)] };
        }
    }
    let tag = &union.tag;
    let arms = union.variants.iter().map(|(value, variant)| {
        quote! {
            Self::#variant(payload) => #runtime::serialize_tagged(serializer, #tag, #value, payload),
        }
    });
    types.push(syn::parse_quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    #(#arms)*
                    Self::Unknown(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }
    });
}
