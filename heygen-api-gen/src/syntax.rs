//! Reading the code progenitor and typify write as syntax: serde attributes,
//! paths, literals. Every decision the generator takes about that code goes
//! through these, never through printed tokens, whose spacing an upgrade of
//! either crate may change without a word.

use quote::ToTokens;
use syn::visit::Visit;

/// What a list of `#[serde(...)]` attributes says, as far as the generator
/// cares.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Serde {
    /// `tag = "..."`: an internally tagged enum.
    pub tag: Option<String>,
    /// `untagged`.
    pub untagged: bool,
    /// `rename = "..."`: the name on the wire.
    pub rename: Option<String>,
    /// `deny_unknown_fields`.
    pub deny_unknown_fields: bool,
}

/// Parses every `#[serde(...)]` among `attrs` with `parse_nested_meta`.
/// Items it does not know (`default`, `skip_serializing_if = ...`,
/// `rename(serialize = ...)`) are read past.
pub(crate) fn serde(attrs: &[syn::Attribute]) -> Serde {
    let mut out = Serde::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            let name = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            if meta.input.peek(syn::Token![=]) {
                let value: syn::Expr = meta.value()?.parse()?;
                let text = match value {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(s),
                        ..
                    }) => Some(s.value()),
                    _ => None,
                };
                match name.as_str() {
                    "tag" => out.tag = text,
                    "rename" => out.rename = text,
                    _ => {}
                }
            } else if meta.input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in meta.input);
                let _: proc_macro2::TokenStream = content.parse()?;
            } else {
                match name.as_str() {
                    "untagged" => out.untagged = true,
                    "deny_unknown_fields" => out.deny_unknown_fields = true,
                    _ => {}
                }
            }
            Ok(())
        });
    }
    out
}

/// Whether the segments of `path` end with `suffix`:
/// `::serde_json::from_str` ends with `["serde_json", "from_str"]`.
pub(crate) fn path_ends_with(path: &syn::Path, suffix: &[&str]) -> bool {
    let n = path.segments.len();
    n >= suffix.len()
        && path
            .segments
            .iter()
            .skip(n - suffix.len())
            .zip(suffix)
            .all(|(segment, want)| segment.ident == want)
}

/// Whether `expr` is the bare name `name` (`client`, not `self.client`).
pub(crate) fn is_name(expr: &syn::Expr, name: &str) -> bool {
    matches!(expr, syn::Expr::Path(p) if p.path.is_ident(name))
}

/// Whether `stmt` is `let name = ...;` (or `let mut name`).
pub(crate) fn binds(stmt: &syn::Stmt, name: &str) -> bool {
    matches!(stmt, syn::Stmt::Local(local)
        if matches!(&local.pat, syn::Pat::Ident(p) if p.ident == name))
}

/// Whether `ty` is a path type whose last segment is one of `names`
/// (`f64` for `f64`, `String` for `::std::string::String`).
pub(crate) fn type_is(ty: &syn::Type, names: &[&str]) -> bool {
    match ty {
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| s.arguments.is_none() && names.iter().any(|n| s.ident == n)),
        _ => false,
    }
}

/// Whether any path inside `imp` ends with `suffix`.
pub(crate) fn impl_mentions_path(imp: &syn::ItemImpl, suffix: &[&str]) -> bool {
    struct Find<'a> {
        suffix: &'a [&'a str],
        found: bool,
    }
    impl<'ast> Visit<'ast> for Find<'_> {
        fn visit_path(&mut self, path: &'ast syn::Path) {
            self.found |= path_ends_with(path, self.suffix);
            syn::visit::visit_path(self, path);
        }
    }
    let mut find = Find {
        suffix,
        found: false,
    };
    find.visit_item_impl(imp);
    find.found
}

/// Tokens as text for a person to read (the surface snapshot), never to
/// decide anything by.
pub(crate) fn display<T: ToTokens>(node: &T) -> String {
    format!("{}", node.to_token_stream())
}

/// The `n`th generic argument of the last path segment of a type.
pub(crate) fn last_generic(ty: &syn::Type, n: usize) -> Option<syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let syn::PathArguments::AngleBracketed(args) = &p.path.segments.last()?.arguments else {
        return None;
    };
    args.args
        .iter()
        .filter_map(|a| match a {
            syn::GenericArgument::Type(t) => Some(t.clone()),
            _ => None,
        })
        .nth(n)
}

/// The paths of every `#[derive(...)]` among `attrs`.
fn derive_lists(
    attrs: &[syn::Attribute],
) -> impl Iterator<Item = syn::punctuated::Punctuated<syn::Path, syn::Token![,]>> + '_ {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("derive"))
        .filter_map(|a| {
            a.parse_args_with(syn::punctuated::Punctuated::parse_terminated)
                .ok()
        })
}

/// Whether a `#[derive(...)]` among `attrs` names a path ending in `name`.
pub(crate) fn derives(attrs: &[syn::Attribute], name: &str) -> bool {
    derive_lists(attrs).any(|paths| paths.iter().any(|p| path_ends_with(p, &[name])))
}

/// Removes every path ending in `name` from the `#[derive(...)]`s.
pub(crate) fn drop_derive(attrs: &mut [syn::Attribute], name: &str) {
    for attr in attrs.iter_mut().filter(|a| a.path().is_ident("derive")) {
        let Some(paths) = derive_lists(std::slice::from_ref(attr)).next() else {
            continue;
        };
        let kept: Vec<&syn::Path> = paths
            .iter()
            .filter(|p| !path_ends_with(p, &[name]))
            .collect();
        *attr = syn::parse_quote!(#[derive(#(#kept),*)]);
    }
}

/// Whether a type is an `Option<..>` (by its last segment).
pub(crate) fn is_option(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

/// The `rename` of a `#[serde(...)]` attribute, if any.
pub(crate) fn serde_rename(attrs: &[syn::Attribute]) -> Option<String> {
    serde(attrs).rename
}

/// The last segment of a type's path (`super::X`, `types::X<'a>` are
/// `X`): the type an `impl` is for.
pub(crate) fn last_ident(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// The types a builder setter converts its argument into: `X` of each
/// `where T: TryInto<X>` bound (typify writes one per setter).
pub(crate) fn try_into_targets(f: &mut syn::ImplItemFn) -> Vec<&mut syn::Type> {
    let Some(wc) = &mut f.sig.generics.where_clause else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for pred in wc.predicates.iter_mut() {
        let syn::WherePredicate::Type(pt) = pred else {
            continue;
        };
        for bound in pt.bounds.iter_mut() {
            let syn::TypeParamBound::Trait(tb) = bound else {
                continue;
            };
            let Some(last) = tb.path.segments.last_mut() else {
                continue;
            };
            if last.ident != "TryInto" {
                continue;
            }
            if let syn::PathArguments::AngleBracketed(args) = &mut last.arguments {
                if let Some(syn::GenericArgument::Type(t)) = args.args.first_mut() {
                    out.push(t);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_attributes_are_read_as_syntax() {
        let item: syn::ItemEnum = syn::parse_quote! {
            #[serde(tag = "type", deny_unknown_fields)]
            #[serde(rename(serialize = "a", deserialize = "b"), default)]
            #[serde(skip_serializing_if = "Option::is_none", rename = "wire")]
            enum E { A }
        };
        let s = serde(&item.attrs);
        assert_eq!(s.tag.as_deref(), Some("type"));
        assert_eq!(s.rename.as_deref(), Some("wire"));
        assert!(s.deny_unknown_fields);
        assert!(!s.untagged);
        let untagged: syn::ItemEnum = syn::parse_quote! { #[serde(untagged)] enum U { A(i64) } };
        assert!(serde(&untagged.attrs).untagged);
    }

    #[test]
    fn paths_and_types() {
        let p: syn::Path = syn::parse_quote!(::serde_json::from_str);
        assert!(path_ends_with(&p, &["serde_json", "from_str"]));
        assert!(!path_ends_with(&p, &["serde", "from_str"]));
        let t: syn::Type = syn::parse_quote!(::std::string::String);
        assert!(type_is(&t, &["String"]));
        let v: syn::Type = syn::parse_quote!(Vec<String>);
        assert!(!type_is(&v, &["String"]));
        let imp: syn::ItemImpl = syn::parse_quote! {
            impl X { fn f(g: &mut schemars::gen::SchemaGenerator) {} }
        };
        assert!(impl_mentions_path(&imp, &["gen", "SchemaGenerator"]));
        assert!(!impl_mentions_path(&imp, &["json_schema"]));
    }
}
