//! Forward compatibility, applied to every type typify generates.
//!
//! HeyGen adds fields and enum values without notice. A response must still
//! decode, and a value the client does not know must reach the caller as it
//! was sent, not be mapped to a known one or fail the call:
//! - `deny_unknown_fields` (typify's spelling of `additionalProperties:
//!   false`) is removed: it would reject every new response field;
//! - string enums get `Unknown(String)`, kept verbatim, shown by `Display`,
//!   and written back unchanged when serialised;
//! - tagged unions get `Unknown(serde_json::Value)` holding the whole object.

use quote::ToTokens;

pub(crate) fn open_up(items: &mut [syn::Item]) {
    let mut string_enums = Vec::new();
    for item in items.iter_mut() {
        match item {
            syn::Item::Struct(s) => drop_deny_unknown(&mut s.attrs),
            syn::Item::Enum(e) => {
                drop_deny_unknown(&mut e.attrs);
                if e.variants.iter().any(|v| v.ident == "Unknown") {
                    continue;
                }
                let all_unit = e.variants.iter().all(|v| matches!(v.fields, syn::Fields::Unit));
                let tagged = e.attrs.iter().any(|a| a.path().is_ident("serde") && a.to_token_stream().to_string().contains("tag ="));
                let untagged = e.attrs.iter().any(|a| a.path().is_ident("serde") && a.to_token_stream().to_string().contains("untagged"));
                if all_unit && !untagged && !e.variants.is_empty() {
                    drop_copy(&mut e.attrs);
                    e.variants.push(syn::parse_quote! {
                        /// A value this client does not know yet, kept as sent.
                        #[serde(untagged)]
                        Unknown(::std::string::String)
                    });
                    string_enums.push(e.ident.clone());
                } else if tagged {
                    drop_copy(&mut e.attrs);
                    e.variants.push(syn::parse_quote! {
                        /// A variant this client does not know yet, kept as sent.
                        #[serde(untagged)]
                        Unknown(::serde_json::Value)
                    });
                }
            }
            _ => {}
        }
    }
    for item in items.iter_mut() {
        let syn::Item::Impl(imp) = item else { continue };
        let syn::Type::Path(p) = &*imp.self_ty else { continue };
        let Some(name) = p.path.segments.last().map(|s| s.ident.clone()) else { continue };
        if !string_enums.contains(&name) {
            continue;
        }
        let Some(trait_path) = imp.trait_.as_ref().map(|t| t.0.to_token_stream().to_string()) else { continue };
        for f in imp.items.iter_mut() {
            let syn::ImplItem::Fn(f) = f else { continue };
            if trait_path.ends_with("Display") && f.sig.ident == "fmt" {
                add_arm(&mut f.block, syn::parse_quote! { Self::Unknown(ref value) => f.write_str(value), }, false);
            } else if trait_path.ends_with("FromStr") && f.sig.ident == "from_str" {
                add_arm(&mut f.block, syn::parse_quote! { other => Ok(Self::Unknown(other.to_string())), }, true);
            }
        }
    }
}

fn drop_deny_unknown(attrs: &mut Vec<syn::Attribute>) {
    attrs.retain(|a| !(a.path().is_ident("serde") && a.to_token_stream().to_string().contains("deny_unknown_fields")));
}

fn drop_copy(attrs: &mut [syn::Attribute]) {
    for a in attrs.iter_mut() {
        if !a.path().is_ident("derive") {
            continue;
        }
        let Ok(list) = a.parse_args_with(syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated) else {
            continue;
        };
        let kept: Vec<syn::Path> = list.into_iter().filter(|p| !p.is_ident("Copy")).collect();
        *a = syn::parse_quote! { #[derive(#(#kept),*)] };
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
    let mut v = V { arm: Some(arm), replace_wild };
    syn::visit_mut::visit_block_mut(&mut v, block);
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
        let mut file = super::file_with_nothing();
        file.items = items;
        let text = prettyplease::unparse(&file);
        assert!(text.contains("Unknown(::std::string::String)"), "{text}");
        assert!(!text.contains("Copy"), "{text}");
        assert!(text.contains("Self::Unknown(ref value) => f.write_str(value)"), "{text}");
        assert!(text.contains("other => Ok(Self::Unknown(other.to_string()))"), "{text}");
        assert!(!text.contains("invalid value"), "{text}");
    }
}
#[cfg(test)]
fn file_with_nothing() -> syn::File {
    syn::parse_quote! {}
}
