//! A builder's setter for an optional field takes the value: `.script("Hi")`,
//! not `.script(Some("Hi".parse()?))`. typify's setters take whatever
//! converts into the field's type, `Option<T>` for an optional field, which
//! neither a `&str` nor a constrained newtype's text does.
//!
//! An optional field is one that is not sent when `None`
//! (`skip_serializing_if = "Option::is_none"`): leaving it unset is how a
//! caller says "absent", so its setter needs no `None`. A required nullable
//! field (always sent, `None` as `null`) keeps the `Option` setter.

use std::collections::{BTreeMap, BTreeSet};

use syn::visit_mut::VisitMut;

use super::generated::module_items;

/// The pass.
pub(super) fn pass(file: &mut syn::File, _plan: &crate::plan::Plan) {
    let Some(types) = module_items(&mut file.items, "types") else {
        return;
    };
    let optional = optional_fields(types);
    if optional.is_empty() {
        return;
    }
    let Some(builders) = module_items(types, "builder") else {
        return;
    };
    for item in builders.iter_mut() {
        let syn::Item::Impl(imp) = item else { continue };
        if imp.trait_.is_some() {
            continue;
        }
        let Some(fields) = crate::syntax::last_ident(&imp.self_ty).and_then(|n| optional.get(&n))
        else {
            continue;
        };
        for item in imp.items.iter_mut() {
            if let syn::ImplItem::Fn(f) = item {
                if fields.contains(&f.sig.ident.to_string()) {
                    take_the_value(f);
                }
            }
        }
    }
}

/// Struct -> its fields that are skipped when `None`.
fn optional_fields(types: &[syn::Item]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for item in types {
        let syn::Item::Struct(s) = item else { continue };
        let fields: BTreeSet<String> = s
            .fields
            .iter()
            .filter(|f| crate::syntax::is_option(&f.ty) && skipped_when_none(&f.attrs))
            .filter_map(|f| f.ident.as_ref().map(ToString::to_string))
            .collect();
        if !fields.is_empty() {
            out.insert(s.ident.to_string(), fields);
        }
    }
    out
}

fn skipped_when_none(attrs: &[syn::Attribute]) -> bool {
    let mut skipped = false;
    for a in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = a.parse_nested_meta(|meta| {
            if meta.path.is_ident("skip_serializing_if") {
                let path: syn::LitStr = meta.value()?.parse()?;
                skipped |= path.value().ends_with("Option::is_none");
            } else if meta.input.peek(syn::Token![=]) {
                // Another `key = value`: read past its value.
                let _: syn::Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
    }
    skipped
}

/// `where T: TryInto<Option<X>>` -> `TryInto<X>`, and the value converted
/// is wrapped in `Some`. A setter not in that shape is left as it is.
fn take_the_value(f: &mut syn::ImplItemFn) {
    let mut unwrapped = false;
    for t in crate::syntax::try_into_targets(f) {
        if crate::syntax::is_option(t) {
            if let Some(inner) = crate::syntax::last_generic(t, 0) {
                *t = inner;
                unwrapped = true;
            }
        }
    }
    if unwrapped {
        WrapConversion.visit_block_mut(&mut f.block);
    }
}

/// `value.try_into()` -> `value.try_into().map(Some)`.
struct WrapConversion;

impl VisitMut for WrapConversion {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let syn::Expr::MethodCall(call) = expr {
            if call.method == "try_into" && call.args.is_empty() {
                *expr = syn::parse_quote! { #call.map(::std::option::Option::Some) };
                return;
            }
        }
        syn::visit_mut::visit_expr_mut(self, expr);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn optional_setters_take_the_value_and_required_ones_do_not_change() {
        let mut file: syn::File = syn::parse_quote! {
            pub mod types {
                pub struct Video {
                    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
                    pub title: ::std::option::Option<::std::string::String>,
                    pub note: ::std::option::Option<::std::string::String>,
                }
                pub mod builder {
                    impl Video {
                        pub fn title<T>(mut self, value: T) -> Self
                        where
                            T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                            T::Error: ::std::fmt::Display,
                        {
                            self.title = value.try_into().map_err(|e| format!("{e}"));
                            self
                        }
                        pub fn note<T>(mut self, value: T) -> Self
                        where
                            T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                            T::Error: ::std::fmt::Display,
                        {
                            self.note = value.try_into().map_err(|e| format!("{e}"));
                            self
                        }
                    }
                }
            }
        };
        let plan = crate::plan::Plan::default();
        super::pass(&mut file, &plan);
        let text = prettyplease::unparse(&file);
        let squashed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            squashed.contains("T: ::std::convert::TryInto<::std::string::String>"),
            "{text}"
        );
        assert!(
            squashed.contains("self.title = value .try_into() .map(::std::option::Option::Some)")
                || squashed.contains("value.try_into().map(::std::option::Option::Some)"),
            "{text}"
        );
        // The required nullable `note` keeps its `Option` setter.
        assert!(
            squashed.contains(
                "T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>"
            ),
            "{text}"
        );
    }
}
