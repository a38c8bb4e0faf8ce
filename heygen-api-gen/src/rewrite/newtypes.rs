//! typify makes a newtype of every string schema with a `pattern`,
//! `minLength` or `maxLength` (`struct ToolId(String)`), with `Deref`,
//! `FromStr` and `TryFrom` but no `Display`. Such a type can be a path
//! parameter, which the request code formats into the URL (see the
//! runtime's `encode_path`), and a user prints ids: each gets a `Display`
//! that writes the string it holds.

/// The pass, on the generated `types`.
pub(super) fn pass(file: &mut syn::File, _plan: &crate::plan::Plan) {
    if let Some(items) = super::generated::module_items(&mut file.items, "types") {
        display_string_newtypes(items);
    }
}

/// Adds `impl Display` to every tuple struct around one `String` in
/// `items` (the generated `types` module) that has none.
pub(crate) fn display_string_newtypes(items: &mut Vec<syn::Item>) {
    let has_display: std::collections::BTreeSet<String> = items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Impl(imp) => {
                let (trait_path, _) = imp.trait_.as_ref()?;
                let is_display = trait_path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "Display");
                match (&*imp.self_ty, is_display) {
                    (syn::Type::Path(p), true) => p.path.get_ident().map(|i| i.to_string()),
                    _ => None,
                }
            }
            _ => None,
        })
        .collect();
    let newtypes: Vec<syn::Ident> = items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Struct(s)
                if s.generics.params.is_empty() && !has_display.contains(&s.ident.to_string()) =>
            {
                let syn::Fields::Unnamed(fields) = &s.fields else {
                    return None;
                };
                let only = (fields.unnamed.len() == 1).then(|| &fields.unnamed[0])?;
                crate::syntax::type_is(&only.ty, &["String"]).then(|| s.ident.clone())
            }
            _ => None,
        })
        .collect();
    for ident in newtypes {
        items.push(syn::parse_quote! {
            impl ::std::fmt::Display for #ident {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(&self.0)
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn string_newtypes_get_display_once() {
        let mut items: Vec<syn::Item> = vec![
            syn::parse_quote!(
                pub struct ToolId(::std::string::String);
            ),
            syn::parse_quote!(
                pub struct Shown(::std::string::String);
            ),
            syn::parse_quote!(impl ::std::fmt::Display for Shown { fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result { Ok(()) } }),
            syn::parse_quote!(
                pub struct Count(i64);
            ),
            syn::parse_quote!(
                pub struct Named {
                    pub id: ::std::string::String,
                }
            ),
        ];
        super::display_string_newtypes(&mut items);
        let displays: Vec<String> = items
            .iter()
            .filter_map(|i| match i {
                syn::Item::Impl(imp) if imp.trait_.is_some() => {
                    Some(quote::quote!(#imp).to_string())
                }
                _ => None,
            })
            .collect();
        assert_eq!(displays.len(), 2, "{displays:?}");
        assert!(displays[1].contains("for ToolId"), "{displays:?}");
    }
}
