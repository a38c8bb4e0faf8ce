//! The generated types read back: struct fields (qualified for use outside
//! `types`), string enums and their values. The emitters read them to write
//! correct code for what the plan chose; they never choose from them.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;
use syn::visit_mut::VisitMut;

use crate::syntax::{is_option, last_generic};

/// What the emitters need to know of the generated `types` module.
pub(crate) struct Types {
    /// Struct name -> (field name, qualified field type).
    structs: BTreeMap<String, Vec<(String, syn::Type)>>,
    /// String enum name -> its values on the wire.
    pub string_enums: BTreeMap<String, Vec<String>>,
}

impl Types {
    pub(crate) fn read(file: &syn::File) -> Types {
        Types {
            structs: struct_fields(file),
            string_enums: string_enums(file),
        }
    }

    /// The fields of struct `ty`, if it is one.
    pub(crate) fn fields(&self, ty: &str) -> Option<&[(String, syn::Type)]> {
        self.structs.get(ty).map(Vec::as_slice)
    }

    /// The type of field `name` of struct `ty`.
    pub(crate) fn field(&self, ty: &str, name: &str) -> Option<syn::Type> {
        self.fields(ty)?
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
    }
}

/// Struct name -> (field name -> field type), for every struct in `types`,
/// with the field types qualified (`types::X`) for use outside that module.
fn struct_fields(file: &syn::File) -> BTreeMap<String, Vec<(String, syn::Type)>> {
    let mut out = BTreeMap::new();
    let names: std::collections::BTreeSet<String> = file
        .items
        .iter()
        .filter_map(|i| match i {
            syn::Item::Mod(m) if m.ident == "types" => m.content.as_ref(),
            _ => None,
        })
        .flat_map(|(_, items)| items)
        .filter_map(|i| match i {
            syn::Item::Struct(s) => Some(s.ident.to_string()),
            syn::Item::Enum(e) => Some(e.ident.to_string()),
            syn::Item::Type(t) => Some(t.ident.to_string()),
            _ => None,
        })
        .collect();
    for item in &file.items {
        let syn::Item::Mod(m) = item else { continue };
        if m.ident != "types" {
            continue;
        }
        for item in m.content.iter().flat_map(|(_, items)| items) {
            if let syn::Item::Struct(s) = item {
                if let syn::Fields::Named(named) = &s.fields {
                    let fields = named
                        .named
                        .iter()
                        .filter_map(|f| {
                            let mut ty = f.ty.clone();
                            Qualify(&names).visit_type_mut(&mut ty);
                            Some((f.ident.as_ref()?.to_string(), ty))
                        })
                        .collect();
                    out.insert(s.ident.to_string(), fields);
                }
            }
        }
    }
    out
}

/// Enums in `types` without a single variant.
pub(crate) fn empty_enums(file: &syn::File) -> Vec<String> {
    file.items
        .iter()
        .filter_map(|i| match i {
            syn::Item::Mod(m) if m.ident == "types" => m.content.as_ref(),
            _ => None,
        })
        .flat_map(|(_, items)| items)
        .filter_map(|i| match i {
            syn::Item::Enum(e) if e.variants.is_empty() => Some(e.ident.to_string()),
            _ => None,
        })
        .collect()
}

/// Prefixes `types::` to bare names of generated types.
struct Qualify<'a>(&'a std::collections::BTreeSet<String>);

impl VisitMut for Qualify<'_> {
    fn visit_type_path_mut(&mut self, tp: &mut syn::TypePath) {
        if tp.qself.is_none()
            && tp.path.leading_colon.is_none()
            && tp.path.segments.len() == 1
            && self.0.contains(&tp.path.segments[0].ident.to_string())
        {
            tp.path.segments.insert(0, syn::parse_quote!(types));
        }
        syn::visit_mut::visit_type_path_mut(self, tp);
    }
}

/// `types::X` -> `X`.
pub(crate) fn type_name(ty: &syn::Type) -> Option<String> {
    let syn::Type::Path(p) = ty else { return None };
    let segs: Vec<_> = p.path.segments.iter().collect();
    if segs.len() == 2 && segs[0].ident == "types" {
        Some(segs[1].ident.to_string())
    } else {
        None
    }
}

/// The type under any `Option`s, and how many there were.
pub(crate) fn peel_options(ty: &syn::Type) -> (syn::Type, usize) {
    let mut ty = ty.clone();
    let mut layers = 0;
    while is_option(&ty) {
        match last_generic(&ty, 0) {
            Some(inner) => ty = inner,
            None => break,
        }
        layers += 1;
    }
    (ty, layers)
}

/// `expr` (of type `ty`) as one `Option` of what is under its `Option`s.
pub(crate) fn flatten(expr: TokenStream, ty: &syn::Type) -> TokenStream {
    match peel_options(ty).1 {
        0 => quote! { ::std::option::Option::Some(#expr) },
        1 => quote! { #expr },
        n => {
            let flattens = (1..n).map(|_| quote! { .flatten() });
            quote! { #expr #(#flattens)* }
        }
    }
}

pub(crate) fn is_vec(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Vec"))
}

/// String enums of the generated types (unit variants, plus the `Unknown`
/// that `open_types` adds) -> their values on the wire.
fn string_enums(file: &syn::File) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for item in &file.items {
        let syn::Item::Mod(m) = item else { continue };
        if m.ident != "types" {
            continue;
        }
        for item in m.content.iter().flat_map(|(_, items)| items) {
            let syn::Item::Enum(e) = item else { continue };
            let mut values = Vec::new();
            let mut string = true;
            for v in &e.variants {
                match &v.fields {
                    syn::Fields::Unit => values.push(
                        crate::syntax::serde_rename(&v.attrs)
                            .unwrap_or_else(|| v.ident.to_string()),
                    ),
                    syn::Fields::Unnamed(u) if v.ident == "Unknown" && u.unnamed.len() == 1 => {}
                    _ => string = false,
                }
            }
            if string && !values.is_empty() {
                out.insert(e.ident.to_string(), values);
            }
        }
    }
    out
}
