//! progenitor's `httpmock` output, made to match what the client sends.

use quote::{quote, ToTokens};
use serde_json::Value;
use syn::visit_mut::VisitMut;

use crate::plan::{naming, Plan};

/// Edits progenitor's `httpmock` output:
/// - a path parameter given to a `When` matches that value literally and as
///   the client encodes it (progenitor splices it into the regex raw, so
///   `a.b` also matched `axb` and `a/b` never matched);
/// - every `Then` wrapper implements `ApiErrorThen` (HeyGen's error
///   envelope, rate limits), and `OPERATIONS` lists every operation.
///
/// The module that `include!`s the mocks defines `ApiErrorThen` and
/// `Operation` (`heygen-api/src/mock.rs`).
/// progenitor's mock matcher for an array query parameter calls
/// `to_string()` on the `Vec`, which does not compile; match each item
/// (`?ids=1&ids=2`) instead.
fn match_each_array_item(f: &mut syn::ImplItemFn) {
    // The matcher's value is bounded by `Into<Option<Vec<..>>>`.
    struct MentionsVec(bool);
    impl<'ast> syn::visit::Visit<'ast> for MentionsVec {
        fn visit_path_segment(&mut self, s: &'ast syn::PathSegment) {
            self.0 |= s.ident == "Vec";
            syn::visit::visit_path_segment(self, s);
        }
    }
    let mut vec = MentionsVec(false);
    syn::visit::Visit::visit_generics(&mut vec, &f.sig.generics);
    if !vec.0 {
        return;
    }
    // The parameter's wire name: the first argument of `.query_param(..)`.
    struct QueryName(Option<String>);
    impl<'ast> syn::visit::Visit<'ast> for QueryName {
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            if m.method == "query_param" && self.0.is_none() {
                if let Some(syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                })) = m.args.first()
                {
                    self.0 = Some(s.value());
                }
            }
            syn::visit::visit_expr_method_call(self, m);
        }
    }
    let mut query = QueryName(None);
    syn::visit::Visit::visit_block(&mut query, &f.block);
    let Some(name) = query.0 else {
        return;
    };
    f.block = syn::parse_quote! {{
        if let Some(values) = value.into() {
            let mut when = self.0;
            for item in values {
                when = when.query_param(#name, item.to_string());
            }
            Self(when)
        } else {
            Self(self.0.query_param_missing(#name))
        }
    }};
}

pub(crate) fn rewrite_mocks(file: &mut syn::File, plan: &Plan, runtime: &syn::Path, view: &Value) {
    super::client::wire_names(file, plan);
    struct EscapePathParams<'a>(&'a syn::Path);
    impl VisitMut for EscapePathParams<'_> {
        fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
            if !mac.path.is_ident("format") {
                return;
            }
            let parser = syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
            let Ok(mut args) = syn::parse::Parser::parse2(parser, mac.tokens.clone()) else {
                return;
            };
            let runtime = self.0;
            for arg in args.iter_mut().skip(1) {
                *arg =
                    syn::parse_quote! { regex::escape(&#runtime::encode_path(&#arg).to_string()) };
            }
            mac.tokens = args.to_token_stream();
        }
    }
    let mut thens = Vec::new();
    for item in &mut file.items {
        let syn::Item::Mod(m) = item else { continue };
        if m.ident != "operations" {
            continue;
        }
        for item in m.content.iter_mut().flat_map(|(_, items)| items) {
            match item {
                syn::Item::Impl(imp) => {
                    let is_when = matches!(&*imp.self_ty, syn::Type::Path(p)
                        if p.path.segments.last().is_some_and(|s| ident_ends_with(&s.ident, "When")));
                    if is_when {
                        for item in &mut imp.items {
                            if let syn::ImplItem::Fn(f) = item {
                                if f.sig.ident != "new" {
                                    EscapePathParams(runtime).visit_block_mut(&mut f.block);
                                    match_each_array_item(f);
                                }
                            }
                        }
                    }
                }
                syn::Item::Struct(s) if ident_ends_with(&s.ident, "Then") => {
                    thens.push(s.ident.clone())
                }
                _ => {}
            }
        }
    }
    for then in thens {
        file.items.push(syn::parse_quote! {
            impl ApiErrorThen for operations::#then {
                fn map_then<F: FnOnce(::httpmock::Then) -> ::httpmock::Then>(self, f: F) -> Self {
                    Self::new(f(self.into_inner()))
                }
            }
        });
    }
    // In the view's order, which is progenitor's.
    let ops = crate::openapi::operations(view).into_iter().map(|o| {
        let (id, path) = (o.id, o.path);
        let method = o.method.to_uppercase();
        let mock = plan
            .by_rust_method(&naming::operation_method(id))
            .map(|op| op.rust_method.clone())
            .unwrap_or_else(|| naming::operation_method(id));
        quote! { Operation { id: #id, method: #method, path: #path, mock: #mock } }
    });
    file.items.push(syn::parse_quote! {
        /// Every operation of the spec the mocks were generated from.
        pub const OPERATIONS: &[Operation] = &[#(#ops),*];
    });
}

/// Whether an identifier's name ends with `suffix` (progenitor names mock
/// wrappers `<Operation>When` and `<Operation>Then`).
fn ident_ends_with(ident: &syn::Ident, suffix: &str) -> bool {
    let name = ident.to_string();
    name.ends_with(suffix)
}
