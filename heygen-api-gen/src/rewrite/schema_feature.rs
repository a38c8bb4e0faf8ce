//! Puts the generated types' JSON Schemas behind a `schemars` cargo feature
//! of the crate that includes the code: `derive(schemars::JsonSchema)`,
//! `#[schemars(...)]` and hand-written `impl JsonSchema` all compile only
//! with it. The derive is a large share of the code rustc expands for a
//! type, and most callers never ask a type for its schema.
//!
//! Works on syntax: a derive list is split, an attribute is wrapped in
//! `cfg_attr`, an impl gets a `cfg`.

use syn::punctuated::Punctuated;
use syn::visit_mut::VisitMut;

use crate::syntax::path_ends_with;

/// The cargo feature the schemas are behind.
pub(crate) const FEATURE: &str = "schemars";

/// The pass.
pub(super) fn pass(file: &mut syn::File, _plan: &crate::plan::Plan) {
    gate_schemas(file);
}

/// Gates every JSON Schema item of `file` on [`FEATURE`].
pub(crate) fn gate_schemas(file: &mut syn::File) {
    Gate.visit_file_mut(file);
}

struct Gate;

impl VisitMut for Gate {
    fn visit_item_struct_mut(&mut self, item: &mut syn::ItemStruct) {
        gate_attributes(&mut item.attrs);
        syn::visit_mut::visit_item_struct_mut(self, item);
    }

    fn visit_item_enum_mut(&mut self, item: &mut syn::ItemEnum) {
        gate_attributes(&mut item.attrs);
        syn::visit_mut::visit_item_enum_mut(self, item);
    }

    fn visit_field_mut(&mut self, field: &mut syn::Field) {
        gate_attributes(&mut field.attrs);
        syn::visit_mut::visit_field_mut(self, field);
    }

    fn visit_variant_mut(&mut self, variant: &mut syn::Variant) {
        gate_attributes(&mut variant.attrs);
        syn::visit_mut::visit_variant_mut(self, variant);
    }

    fn visit_item_impl_mut(&mut self, imp: &mut syn::ItemImpl) {
        let implements_schema = matches!(
            &imp.trait_,
            Some((path, _)) if path_ends_with(path, &["JsonSchema"])
        );
        if implements_schema {
            imp.attrs
                .push(syn::parse_quote!(#[cfg(feature = #FEATURE)]));
        } else {
            syn::visit_mut::visit_item_impl_mut(self, imp);
        }
    }
}

/// `#[derive(.., JsonSchema)]` loses the derive to a
/// `#[cfg_attr(feature, derive(JsonSchema))]` of its own; `#[schemars(..)]`
/// becomes `#[cfg_attr(feature, schemars(..))]`.
fn gate_attributes(attrs: &mut Vec<syn::Attribute>) {
    let mut gated = Vec::new();
    attrs.retain_mut(|attr| {
        if attr.path().is_ident("schemars") {
            let syn::Meta::List(list) = &attr.meta else {
                return true;
            };
            let tokens = &list.tokens;
            gated.push(syn::parse_quote!(#[cfg_attr(feature = #FEATURE, schemars(#tokens))]));
            return false;
        }
        if !attr.path().is_ident("derive") {
            return true;
        }
        type Paths = Punctuated<syn::Path, syn::Token![,]>;
        let Ok(derives) = attr.parse_args_with(Paths::parse_terminated) else {
            return true;
        };
        let (schema, rest): (Vec<syn::Path>, Vec<syn::Path>) = derives
            .into_iter()
            .partition(|p| path_ends_with(p, &["JsonSchema"]));
        if schema.is_empty() {
            return true;
        }
        gated.push(syn::parse_quote!(#[cfg_attr(feature = #FEATURE, derive(#(#schema),*))]));
        if rest.is_empty() {
            return false;
        }
        *attr = syn::parse_quote!(#[derive(#(#rest),*)]);
        true
    });
    // After the derives: `#[schemars(..)]` must follow the derive that
    // declares it.
    attrs.extend(gated);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(source: &str) -> syn::File {
        syn::parse_str(source).expect("valid Rust")
    }

    fn gated(source: &str) -> syn::File {
        let mut file = parsed(source);
        gate_schemas(&mut file);
        file
    }

    #[test]
    fn derives_attributes_and_impls_are_gated() {
        let out = gated(
            r#"
            #[derive(Clone, schemars::JsonSchema, Debug)]
            #[schemars(deny_unknown_fields)]
            pub struct A { #[schemars(skip)] pub x: u8 }
            #[derive(::schemars::JsonSchema)]
            pub enum B { #[schemars(rename = "b")] One }
            impl ::schemars::JsonSchema for C { }
            impl Clone for D { }
            "#,
        );
        let want = parsed(
            r#"
            #[derive(Clone, Debug)]
            #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
            #[cfg_attr(feature = "schemars", schemars(deny_unknown_fields))]
            pub struct A { #[cfg_attr(feature = "schemars", schemars(skip))] pub x: u8 }
            #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
            pub enum B { #[cfg_attr(feature = "schemars", schemars(rename = "b"))] One }
            #[cfg(feature = "schemars")]
            impl ::schemars::JsonSchema for C { }
            impl Clone for D { }
            "#,
        );
        assert_eq!(prettyplease::unparse(&out), prettyplease::unparse(&want));
    }
}
