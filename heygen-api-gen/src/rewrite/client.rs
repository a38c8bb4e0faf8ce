//! Passes on progenitor's `Client` and the file around it: wire names of
//! renamed query parameters, who may construct a client, whose
//! `encode_path` runs, and the retry class in each method's docs.

use syn::visit_mut::VisitMut;

use crate::plan::Plan;

/// Query parameters the plan renamed are sent under their wire names.
pub(super) fn wire_names(file: &mut syn::File, plan: &Plan) {
    WireNames(&plan.renamed).visit_file_mut(file);
}

/// progenitor's constructors take any `reqwest::Client` and the settings,
/// credentials included: one that follows redirects would carry the key
/// to another host. Only the builder (through
/// `GeneratedClient::from_parts`) makes a client.
pub(super) fn private_constructors(file: &mut syn::File, _plan: &Plan) {
    for f in client_methods(file) {
        if f.sig.ident == "new" || f.sig.ident == "new_with_client" {
            f.vis = syn::parse_quote! { pub(crate) };
        }
    }
}

/// The methods of progenitor's inherent `impl Client`.
fn client_methods(file: &mut syn::File) -> impl Iterator<Item = &mut syn::ImplItemFn> {
    file.items
        .iter_mut()
        .filter_map(|item| match item {
            syn::Item::Impl(imp)
                if imp.trait_.is_none()
                    && matches!(&*imp.self_ty, syn::Type::Path(p) if p.path.is_ident("Client")) =>
            {
                Some(imp.items.iter_mut())
            }
            _ => None,
        })
        .flatten()
        .filter_map(|item| match item {
            syn::ImplItem::Fn(f) => Some(f),
            _ => None,
        })
}

/// `use progenitor_client::{encode_path, ...}` -> the runtime's stricter
/// `encode_path`, and progenitor's traits the glue implements.
pub(super) fn runtime_encode_path(file: &mut syn::File, _plan: &Plan, runtime: &syn::Path) {
    for item in &mut file.items {
        let imports_it = matches!(item, syn::Item::Use(u)
            if matches!(u.vis, syn::Visibility::Inherited) && use_names(&u.tree, "encode_path"));
        if imports_it {
            *item = syn::parse_quote! {
                #[allow(unused_imports)]
                use progenitor_client::{ClientHooks, OperationInfo, RequestBuilderExt};
            };
        }
    }
    file.items.insert(
        0,
        syn::parse_quote! {
            #[allow(unused_imports)]
            use #runtime::encode_path;
        },
    );
}

/// Adds the retry class to the docs of every `Client` method that starts
/// an operation.
pub(super) fn document_methods(file: &mut syn::File, plan: &Plan) {
    for f in client_methods(file) {
        let class = plan
            .by_rust_method(&f.sig.ident.to_string())
            .map(|op| op.retry_class.doc());
        // The retry class joins the last paragraph of the docs, in the same
        // string: one comment per method.
        let last_doc = f
            .attrs
            .iter_mut()
            .rev()
            .find_map(|attr| match &mut attr.meta {
                syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(text),
                        ..
                    }) => Some((text.value(), &mut nv.value)),
                    _ => None,
                },
                _ => None,
            });
        match last_doc {
            Some((text, value)) => {
                // progenitor's usage sketch (`client.op().a(a).send().await`)
                // names variables it never defines and repeats the
                // `Arguments` list above it: left out.
                let mut text = match text.find("```ignore") {
                    Some(at) => text[..at].trim_end().to_string(),
                    None => text,
                };
                if let Some(class) = class {
                    text = format!("{text}\n\n{class}");
                }
                *value = syn::parse_quote! { #text };
            }
            None => {
                if let Some(class) = class {
                    f.attrs.push(syn::parse_quote! { #[doc = #class] });
                }
            }
        }
    }
}

/// Query parameters whose names collide in Rust were renamed for progenitor
/// (`StartTime<` -> `StartTime_lt`); the string it sends is the wire name.
struct WireNames<'a>(&'a [(String, String)]);

impl VisitMut for WireNames<'_> {
    fn visit_lit_str_mut(&mut self, lit: &mut syn::LitStr) {
        let value = lit.value();
        if let Some((_, wire)) = self.0.iter().find(|(seen, _)| *seen == value) {
            *lit = syn::LitStr::new(wire, lit.span());
        }
    }
}

/// Whether a `use` tree imports `name`.
fn use_names(tree: &syn::UseTree, name: &str) -> bool {
    match tree {
        syn::UseTree::Path(p) => use_names(&p.tree, name),
        syn::UseTree::Name(n) => n.ident == name,
        syn::UseTree::Rename(r) => r.ident == name,
        syn::UseTree::Group(g) => g.items.iter().any(|t| use_names(t, name)),
        syn::UseTree::Glob(_) => false,
    }
}
