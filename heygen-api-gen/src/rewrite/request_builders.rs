//! Keeps typify's builder structs (`types::builder::X`) only for the types a
//! caller constructs: the parameters and bodies of operations, and every
//! type they contain. Nobody builds a response, and the builders were about
//! two fifths of the generated code for a HeyGen-sized document.
//!
//! Works on syntax only: the roots are the types named in the fields of the
//! operation builders (progenitor's `builder` module), the closure follows
//! type paths through the definitions in `types`.

use std::collections::{BTreeSet, VecDeque};

use syn::visit::Visit;

use super::generated::module_items;

/// The pass.
pub(super) fn pass(file: &mut syn::File, _plan: &crate::plan::Plan) {
    keep_request_builders(file);
}

/// Removes the builders of types no request reaches. Returns how many
/// builder structs were removed.
pub(crate) fn keep_request_builders(file: &mut syn::File) -> usize {
    let roots = request_roots(file);
    let Some(types) = module_items(&mut file.items, "types") else {
        return 0;
    };
    let defined: BTreeSet<String> = types.iter().filter_map(item_name).collect();
    let keep = closure(types, &defined, roots);

    let mut removed = 0;
    if let Some(builders) = module_items(types, "builder") {
        let before = builders.len();
        builders.retain(|item| match item {
            syn::Item::Struct(s) => keep.contains(&s.ident.to_string()),
            syn::Item::Impl(imp) => impl_subject(imp).is_none_or(|name| keep.contains(&name)),
            _ => true,
        });
        removed = before - builders.len();
    }
    // `X::builder()` on the types whose builder is gone.
    for item in types.iter_mut() {
        let syn::Item::Impl(imp) = item else { continue };
        if imp.trait_.is_some() {
            continue;
        }
        let Some(name) = self_name(&imp.self_ty) else {
            continue;
        };
        if keep.contains(&name) {
            continue;
        }
        imp.items
            .retain(|i| !matches!(i, syn::ImplItem::Fn(f) if f.sig.ident == "builder"));
    }
    types.retain(|item| !matches!(item, syn::Item::Impl(imp) if imp.trait_.is_none() && imp.items.is_empty()));
    removed
}

fn item_name(item: &syn::Item) -> Option<String> {
    match item {
        syn::Item::Struct(s) => Some(s.ident.to_string()),
        syn::Item::Enum(e) => Some(e.ident.to_string()),
        syn::Item::Type(t) => Some(t.ident.to_string()),
        _ => None,
    }
}

fn self_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
            Some(p.path.segments[0].ident.to_string())
        }
        _ => None,
    }
}

/// The builder an impl in `types::builder` belongs to: its self type, or
/// for `impl TryFrom<X> for super::X` / `impl From<super::X> for X`, `X`.
fn impl_subject(imp: &syn::ItemImpl) -> Option<String> {
    self_name(&imp.self_ty).or_else(|| match &*imp.self_ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    })
}

/// Every type name a piece of syntax mentions, by the last segment of each
/// path (`types::X`, `types::builder::X`, `super::X`, `X` are all `X`).
#[derive(Default)]
struct Mentions(BTreeSet<String>);

impl<'ast> Visit<'ast> for Mentions {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        if let Some(last) = path.segments.last() {
            self.0.insert(last.ident.to_string());
        }
        syn::visit::visit_path(self, path);
    }
}

/// Types named by the fields of the operation builders.
pub(super) fn request_roots(file: &syn::File) -> BTreeSet<String> {
    let mut mentions = Mentions::default();
    for item in &file.items {
        let syn::Item::Mod(m) = item else { continue };
        if m.ident != "builder" {
            continue;
        }
        for item in m.content.iter().flat_map(|(_, items)| items) {
            if let syn::Item::Struct(s) = item {
                for field in &s.fields {
                    mentions.visit_type(&field.ty);
                }
            }
        }
    }
    mentions.0
}

/// `roots` and every type of `types` their definitions reach.
pub(super) fn closure(
    types: &[syn::Item],
    defined: &BTreeSet<String>,
    roots: BTreeSet<String>,
) -> BTreeSet<String> {
    let mut keep = BTreeSet::new();
    let mut queue: VecDeque<String> = roots.into_iter().filter(|r| defined.contains(r)).collect();
    while let Some(name) = queue.pop_front() {
        if !keep.insert(name.clone()) {
            continue;
        }
        let mut mentions = Mentions::default();
        for item in types {
            match item {
                syn::Item::Struct(s) if s.ident == name => {
                    for field in &s.fields {
                        mentions.visit_type(&field.ty);
                    }
                }
                syn::Item::Enum(e) if e.ident == name => {
                    for variant in &e.variants {
                        for field in &variant.fields {
                            mentions.visit_type(&field.ty);
                        }
                    }
                }
                syn::Item::Type(t) if t.ident == name => mentions.visit_type(&t.ty),
                _ => {}
            }
        }
        queue.extend(
            mentions
                .0
                .into_iter()
                .filter(|m| defined.contains(m) && !keep.contains(m)),
        );
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_types_a_request_reaches_keep_their_builders() {
        let mut file: syn::File = syn::parse_quote! {
            pub mod types {
                pub struct Body { pub inner: Inner }
                pub struct Inner { pub tags: Vec<Tag> }
                pub enum Tag { A, B(Leaf) }
                pub struct Leaf { pub x: i64 }
                pub struct Reply { pub data: Option<Body> }
                impl Body { pub fn builder() -> builder::Body { Default::default() } }
                impl Inner { pub fn builder() -> builder::Inner { Default::default() } }
                impl Leaf { pub fn builder() -> builder::Leaf { Default::default() } }
                impl Reply { pub fn builder() -> builder::Reply { Default::default() } }
                impl Reply { pub fn keep_me(&self) {} }
                pub mod builder {
                    pub struct Body { inner: Result<super::Inner, String> }
                    impl Default for Body { fn default() -> Self { todo!() } }
                    impl std::convert::TryFrom<Body> for super::Body { type Error = String; fn try_from(v: Body) -> Result<Self, String> { todo!() } }
                    pub struct Inner { tags: Result<Vec<super::Tag>, String> }
                    pub struct Leaf { x: Result<i64, String> }
                    pub struct Reply { data: Result<Option<super::Body>, String> }
                    impl Default for Reply { fn default() -> Self { todo!() } }
                    impl std::convert::TryFrom<Reply> for super::Reply { type Error = String; fn try_from(v: Reply) -> Result<Self, String> { todo!() } }
                    impl From<super::Reply> for Reply { fn from(v: super::Reply) -> Self { todo!() } }
                }
            }
            pub mod builder {
                pub struct SendBody<'a> { client: &'a super::Client, body: Result<types::builder::Body, String> }
            }
        };
        let removed = keep_request_builders(&mut file);
        let text = quote::quote!(#file).to_string();
        assert_eq!(removed, 4, "{text}");
        assert!(
            text.contains("pub struct Leaf { x"),
            "reached through an enum variant"
        );
        assert!(!text.contains("pub struct Reply { data : Result"), "{text}");
        assert!(!text.contains("-> builder :: Reply"), "{text}");
        assert!(text.contains("fn keep_me"), "{text}");
        assert!(text.contains("-> builder :: Body"), "{text}");
    }
}
