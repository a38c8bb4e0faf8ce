//! Smaller code for rustc to read: a struct's derived `Deserialize` and a
//! string enum's `Deserialize`, `Display`, `FromStr` and `TryFrom`s become
//! one call each of the runtime's `deserialize_struct!` and `string_enum!`
//! (see `heygen-api`'s `runtime/derive.rs` for why and what they keep).
//!
//! Only the shapes those macros reproduce exactly are changed: a struct
//! with named fields whose only `serde` attributes are `rename`, `default`
//! (with or without a path) and `skip_serializing_if`, and which keeps a
//! derived `Serialize` (whose `serde` attributes stay); a string enum of
//! unit variants, at most one `Unknown(String)` read `untagged`, with
//! typify's four impls present. Anything else keeps serde's derive.

use std::collections::BTreeSet;

use syn::ext::IdentExt;

use crate::syntax::{derives, drop_derive, is_option, path_ends_with};

/// The pass, on the generated `types`.
pub(super) fn pass(file: &mut syn::File, runtime: &syn::Path) {
    let Some(items) = super::generated::module_items(&mut file.items, "types") else {
        return;
    };
    // Each macro call goes right after its type, keyed by the type's name.
    let mut added: Vec<(syn::Ident, syn::Item)> = Vec::new();
    let mut enums: BTreeSet<String> = BTreeSet::new();
    for item in items.iter_mut() {
        match item {
            syn::Item::Struct(s) => {
                if let Some(fields) = struct_fields(s) {
                    drop_derive(&mut s.attrs, "Deserialize");
                    let name = &s.ident;
                    added.push((
                        name.clone(),
                        syn::parse_quote! {
                            #runtime::deserialize_struct!(#name { #(#fields),* });
                        },
                    ));
                }
            }
            syn::Item::Enum(e) if string_enum(e).is_some() => {
                enums.insert(e.ident.to_string());
            }
            _ => {}
        }
    }
    // An enum is changed only when typify's four impls are all there to go.
    let enums: BTreeSet<String> = enums
        .into_iter()
        .filter(|name| {
            let found = items
                .iter()
                .filter(|item| enum_impl_of(item).as_deref() == Some(name.as_str()))
                .count();
            found == 4
        })
        .collect();
    items.retain(|item| !enum_impl_of(item).is_some_and(|name| enums.contains(&name)));
    for item in items.iter_mut() {
        let syn::Item::Enum(e) = item else { continue };
        if !enums.contains(&e.ident.to_string()) {
            continue;
        }
        let Some((variants, unknown)) = string_enum(e) else {
            continue;
        };
        drop_derive(&mut e.attrs, "Deserialize");
        let name = &e.ident;
        let unknown = unknown.map(|v| quote::quote!(unknown #v));
        added.push((
            name.clone(),
            syn::parse_quote! {
                #runtime::string_enum!(#name { #(#variants),* } #unknown);
            },
        ));
    }
    let mut added: std::collections::BTreeMap<syn::Ident, syn::Item> = added.into_iter().collect();
    let old = std::mem::take(items);
    for item in old {
        let name = match &item {
            syn::Item::Struct(s) => Some(s.ident.clone()),
            syn::Item::Enum(e) => Some(e.ident.clone()),
            _ => None,
        };
        items.push(item);
        if let Some(call) = name.and_then(|n| added.remove(&n)) {
            items.push(call);
        }
    }
}

/// `field: "wire" req|opt|def(path)` for each field of a struct the macro
/// reads as serde's derive would; `None` for any other struct.
fn struct_fields(s: &syn::ItemStruct) -> Option<Vec<proc_macro2::TokenStream>> {
    if !s.generics.params.is_empty()
        || s.attrs.iter().any(|a| a.path().is_ident("serde"))
        || !derives(&s.attrs, "Deserialize")
        || !derives(&s.attrs, "Serialize")
    {
        return None;
    }
    let syn::Fields::Named(named) = &s.fields else {
        return None;
    };
    named
        .named
        .iter()
        .map(|field| {
            let ident = field.ident.as_ref()?;
            let attrs = field_serde(&field.attrs)?;
            let wire = attrs.rename.unwrap_or_else(|| ident.unraw().to_string());
            let how = match attrs.default {
                Some(Some(path)) => quote::quote!(def(#path)),
                Some(None) => quote::quote!(opt),
                // serde's derive reads an absent `Option` as `None`.
                None if is_option(&field.ty) => quote::quote!(opt),
                None => quote::quote!(req),
            };
            Some(quote::quote!(#ident: #wire #how))
        })
        .collect()
}

/// A field's `serde` attributes, if they are only ones the macro keeps.
struct FieldSerde {
    rename: Option<String>,
    /// `default` (`Some(None)`) or `default = "path"` (`Some(Some(path))`).
    default: Option<Option<syn::Path>>,
}

fn field_serde(attrs: &[syn::Attribute]) -> Option<FieldSerde> {
    let mut out = FieldSerde {
        rename: None,
        default: None,
    };
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let value = |meta: &syn::meta::ParseNestedMeta<'_>| -> syn::Result<syn::LitStr> {
                meta.value()?.parse()
            };
            if meta.path.is_ident("rename") {
                out.rename = Some(value(&meta)?.value());
            } else if meta.path.is_ident("default") {
                out.default = Some(if meta.input.peek(syn::Token![=]) {
                    Some(value(&meta)?.parse()?)
                } else {
                    None
                });
            } else if meta.path.is_ident("skip_serializing_if") {
                value(&meta)?;
            } else {
                return Err(meta.error("kept for serde's derive"));
            }
            Ok(())
        })
        .ok()?;
    }
    Some(out)
}

/// `Variant = "wire"` for each unit variant and the name of the
/// `Unknown(String)` variant, for an enum the macro reproduces.
fn string_enum(e: &syn::ItemEnum) -> Option<(Vec<proc_macro2::TokenStream>, Option<syn::Ident>)> {
    if !e.generics.params.is_empty()
        || e.attrs.iter().any(|a| a.path().is_ident("serde"))
        || !derives(&e.attrs, "Deserialize")
        || e.variants.is_empty()
    {
        return None;
    }
    let mut table = Vec::new();
    let mut unknown = None;
    for variant in &e.variants {
        let serde = field_serde_of_variant(&variant.attrs)?;
        match &variant.fields {
            syn::Fields::Unit if !serde.untagged => {
                let ident = &variant.ident;
                let wire = serde.rename.unwrap_or_else(|| ident.unraw().to_string());
                table.push(quote::quote!(#ident = #wire));
            }
            syn::Fields::Unnamed(one)
                if serde.untagged
                    && serde.rename.is_none()
                    && unknown.is_none()
                    && one.unnamed.len() == 1
                    && crate::syntax::type_is(&one.unnamed[0].ty, &["String"]) =>
            {
                unknown = Some(variant.ident.clone());
            }
            _ => return None,
        }
    }
    (!table.is_empty()).then_some((table, unknown))
}

struct VariantSerde {
    rename: Option<String>,
    untagged: bool,
}

fn field_serde_of_variant(attrs: &[syn::Attribute]) -> Option<VariantSerde> {
    let mut out = VariantSerde {
        rename: None,
        untagged: false,
    };
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                out.rename = Some(meta.value()?.parse::<syn::LitStr>()?.value());
            } else if meta.path.is_ident("untagged") {
                out.untagged = true;
            } else {
                return Err(meta.error("kept for serde's derive"));
            }
            Ok(())
        })
        .ok()?;
    }
    Some(out)
}

/// The enum an impl of `Display`, `FromStr`, `TryFrom<&str>` or
/// `TryFrom<String>` is for: typify's four impls of a string enum.
fn enum_impl_of(item: &syn::Item) -> Option<String> {
    let syn::Item::Impl(imp) = item else {
        return None;
    };
    let (trait_path, _) = imp.trait_.as_ref()?;
    let last = trait_path.segments.last()?;
    let is_one = match last.ident.to_string().as_str() {
        "Display" => path_ends_with(trait_path, &["fmt", "Display"]),
        "FromStr" => path_ends_with(trait_path, &["str", "FromStr"]),
        "TryFrom" => {
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return None;
            };
            match args.args.first()? {
                syn::GenericArgument::Type(syn::Type::Reference(r)) => {
                    crate::syntax::type_is(&r.elem, &["str"])
                }
                syn::GenericArgument::Type(ty) => crate::syntax::type_is(ty, &["String"]),
                _ => false,
            }
        }
        _ => false,
    };
    if !is_one {
        return None;
    }
    match &*imp.self_ty {
        syn::Type::Path(p) => p.path.get_ident().map(ToString::to_string),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    fn run(items: Vec<syn::Item>) -> String {
        let mut file: syn::File = syn::parse_quote! {
            pub mod types {}
        };
        if let Some(syn::Item::Mod(m)) = file.items.first_mut() {
            m.content.as_mut().expect("inline").1 = items;
        }
        super::pass(&mut file, &syn::parse_quote!(rt));
        crate::syntax::display(&file)
    }

    #[test]
    fn plain_structs_use_the_macro_and_others_keep_serde_derive() {
        let out = run(vec![
            syn::parse_quote! {
                #[derive(::serde::Deserialize, ::serde::Serialize, Clone)]
                pub struct Clip {
                    pub id: ::std::string::String,
                    #[serde(rename = "type")]
                    pub kind: ::std::string::String,
                    #[serde(default, skip_serializing_if = "Vec::is_empty")]
                    pub tags: Vec<String>,
                    #[serde(default = "defaults::speed")]
                    pub speed: f64,
                    pub note: ::std::option::Option<String>,
                }
            },
            syn::parse_quote! {
                #[derive(::serde::Deserialize, ::serde::Serialize)]
                pub struct Extra {
                    #[serde(flatten)]
                    pub rest: ::serde_json::Map<String, ::serde_json::Value>,
                }
            },
            syn::parse_quote! {
                #[derive(::serde::Deserialize, ::serde::Serialize)]
                #[serde(transparent)]
                pub struct Id { pub id: String }
            },
            syn::parse_quote! {
                #[derive(::serde::Deserialize)]
                pub struct NoSerialize { pub id: String }
            },
        ]);
        let compact = out.replace(char::is_whitespace, "");
        assert!(
            compact.contains(
                "rt::deserialize_struct!(Clip{id:\"id\"req,kind:\"type\"req,tags:\"tags\"opt,speed:\"speed\"def(defaults::speed),note:\"note\"opt});"
            ),
            "{out}"
        );
        assert!(
            compact.contains("#[derive(::serde::Serialize,Clone)]pubstructClip"),
            "{out}"
        );
        for kept in ["Extra", "Id", "NoSerialize"] {
            assert!(
                !compact.contains(&format!("deserialize_struct!({kept}")),
                "{out}"
            );
        }
        assert_eq!(compact.matches("::serde::Deserialize").count(), 3, "{out}");
    }

    #[test]
    fn string_enums_use_the_macro_only_with_typify_s_four_impls() {
        let impls = |name: &str| -> Vec<syn::Item> {
            let name = quote::format_ident!("{name}");
            vec![
                syn::parse_quote!(impl ::std::fmt::Display for #name { fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result { Ok(()) } }),
                syn::parse_quote!(impl ::std::str::FromStr for #name { type Err = (); fn from_str(v: &str) -> Result<Self, ()> { Err(()) } }),
                syn::parse_quote!(impl ::std::convert::TryFrom<&str> for #name { type Error = (); fn try_from(v: &str) -> Result<Self, ()> { Err(()) } }),
                syn::parse_quote!(impl ::std::convert::TryFrom<::std::string::String> for #name { type Error = (); fn try_from(v: String) -> Result<Self, ()> { Err(()) } }),
            ]
        };
        let mut items: Vec<syn::Item> = vec![
            syn::parse_quote! {
                #[derive(::serde::Deserialize, ::serde::Serialize, Clone)]
                pub enum Status {
                    #[serde(rename = "pending")]
                    Pending,
                    Done,
                    #[serde(untagged)]
                    Unknown(::std::string::String),
                }
            },
            syn::parse_quote! {
                #[derive(::serde::Deserialize, ::serde::Serialize)]
                pub enum Partial {
                    #[serde(rename = "a")]
                    A,
                }
            },
            syn::parse_quote! {
                #[derive(::serde::Deserialize, ::serde::Serialize)]
                pub enum Aliased {
                    #[serde(rename = "a", alias = "b")]
                    A,
                }
            },
        ];
        items.extend(impls("Status"));
        items.extend(impls("Aliased"));
        // `Partial` has a `Display` only: typify's shape is not all there.
        items.push(impls("Partial").remove(0));
        let out = run(items);
        let compact = out.replace(char::is_whitespace, "");
        assert!(
            compact.contains(
                "rt::string_enum!(Status{Pending=\"pending\",Done=\"Done\"}unknownUnknown);"
            ),
            "{out}"
        );
        assert_eq!(compact.matches("forStatus").count(), 0, "{out}");
        assert!(!compact.contains("string_enum!(Partial"), "{out}");
        assert!(!compact.contains("string_enum!(Aliased"), "{out}");
        assert_eq!(compact.matches("forAliased").count(), 4, "{out}");
        assert_eq!(compact.matches("forPartial").count(), 1, "{out}");
    }

    #[test]
    fn enums_the_macro_would_misread_keep_serde_derive() {
        let kept: Vec<syn::ItemEnum> = vec![
            // A container attribute the macro does not apply.
            syn::parse_quote! {
                #[derive(::serde::Deserialize, ::serde::Serialize)]
                #[serde(rename_all = "snake_case")]
                pub enum E { A }
            },
            // No `Deserialize` to replace.
            syn::parse_quote! {
                #[derive(::serde::Serialize)]
                pub enum E { A }
            },
            // Generic.
            syn::parse_quote! {
                #[derive(::serde::Deserialize)]
                pub enum E<T> { A, Unknown(T) }
            },
            // A unit variant read `untagged`.
            syn::parse_quote! {
                #[derive(::serde::Deserialize)]
                pub enum E { A, #[serde(untagged)] B }
            },
            // Catch-alls that are not one untagged `String`.
            syn::parse_quote! {
                #[derive(::serde::Deserialize)]
                pub enum E { A, #[serde(untagged)] Unknown(i64) }
            },
            syn::parse_quote! {
                #[derive(::serde::Deserialize)]
                pub enum E { A, #[serde(untagged)] Unknown(String, String) }
            },
            syn::parse_quote! {
                #[derive(::serde::Deserialize)]
                pub enum E { A, #[serde(untagged, rename = "x")] Unknown(String) }
            },
            syn::parse_quote! {
                #[derive(::serde::Deserialize)]
                pub enum E { A, #[serde(untagged)] One(String), #[serde(untagged)] Two(String) }
            },
            syn::parse_quote! {
                #[derive(::serde::Deserialize)]
                pub enum E { A, Value(String) }
            },
            // Nothing but the catch-all.
            syn::parse_quote! {
                #[derive(::serde::Deserialize)]
                pub enum E { #[serde(untagged)] Unknown(String) }
            },
        ];
        for e in kept {
            let shown = crate::syntax::display(&e);
            assert!(super::string_enum(&e).is_none(), "{shown}");
        }
        let read: syn::ItemEnum = syn::parse_quote! {
            #[derive(::serde::Deserialize)]
            pub enum E { A, #[serde(untagged)] Unknown(::std::string::String) }
        };
        assert!(super::string_enum(&read).is_some());
    }
}
