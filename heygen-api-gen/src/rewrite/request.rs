//! Edits of one operation's request code (`send_raw`): the runtime's
//! hooks, `Response` and URL building, and less work per call.

use quote::{format_ident, quote, ToTokens};
use syn::visit_mut::VisitMut;

use crate::syntax::{binds, is_name, path_ends_with};

/// Work progenitor's request building does on every call and need not:
/// - the URL written out whole and parsed by reqwest, host and all: see
///   `url_from_parsed_base`;
/// - `encode_path(&value.to_string())` -> `encode_path(&value)`: the
///   runtime's `encode_path` encodes any `Display` as the URL is formatted;
/// - `HeaderMap::with_capacity(n)` -> `HeaderMap::new()`: most calls set
///   none of an operation's optional headers, and an empty map allocates
///   nothing (the first insert sizes it as `with_capacity` would have).
pub(super) struct FewerAllocations<'a> {
    pub(super) runtime: &'a syn::Path,
    pub(super) names: &'a super::bindings::Bindings,
}

/// The arguments of a `format!`, which syn keeps as tokens.
type FormatArgs = syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>;

impl FewerAllocations<'_> {
    /// `<builder>.headers(header_map)` -> `merge_headers(<builder>,
    /// header_map)`, which skips reqwest's merge for the usual empty map.
    fn skip_empty_header_merge(&self, expr: &mut syn::Expr) {
        let syn::Expr::MethodCall(call) = expr else {
            return;
        };
        let merges_the_map = call.method == "headers"
            && call.args.len() == 1
            && matches!(call.args.first(), Some(syn::Expr::Path(p)) if p.path.is_ident("header_map"));
        if merges_the_map {
            let builder = &call.receiver;
            let runtime = self.runtime;
            *expr = syn::parse_quote!(#runtime::merge_headers(#builder, header_map));
        }
    }

    /// `format!("{}/path/{}", client.baseurl, encode_path(..))` ->
    /// `url(&client.baseurl, &client.inner, format_args!("/path/{}", ..))?`:
    /// the runtime parses the path against the base URL parsed when the
    /// client was built, where reqwest would parse the whole URL, host
    /// included, on every call.
    fn url_from_parsed_base(&self, expr: &mut syn::Expr) {
        let syn::Expr::Macro(mac) = expr else {
            return;
        };
        if !path_ends_with(&mac.mac.path, &["format"]) {
            return;
        }
        let Ok(args) = mac.mac.parse_body_with(FormatArgs::parse_terminated) else {
            return;
        };
        let mut args = args.into_iter();
        let (Some(syn::Expr::Lit(template)), Some(syn::Expr::Field(base))) =
            (args.next(), args.next())
        else {
            return;
        };
        let client = &self.names.client;
        let on_baseurl = matches!(&base.member, syn::Member::Named(name) if name == "baseurl")
            && is_name(&base.base, &client.to_string());
        let syn::Lit::Str(template) = &template.lit else {
            return;
        };
        let template = template.value();
        let (true, Some(path)) = (on_baseurl, template.strip_prefix("{}")) else {
            return;
        };
        let runtime = self.runtime;
        let mut path_args = FormatArgs::new();
        path_args.push(syn::parse_quote!(#path));
        path_args.extend(args);
        *expr = syn::parse_quote! {
            #runtime::url(&#client.baseurl, &#client.inner, format_args!(#path_args))?
        };
    }
}

impl VisitMut for FewerAllocations<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        self.skip_empty_header_merge(expr);
        self.url_from_parsed_base(expr);
    }

    // progenitor builds the URL in `format!`, whose arguments syn keeps as
    // tokens: read them as expressions to reach the `encode_path` calls.
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if !path_ends_with(&mac.path, &["format"]) {
            return;
        }
        if let Ok(mut args) = mac.parse_body_with(FormatArgs::parse_terminated) {
            for arg in args.iter_mut() {
                self.visit_expr_mut(arg);
            }
            mac.tokens = args.to_token_stream();
        }
    }

    fn visit_expr_call_mut(&mut self, call: &mut syn::ExprCall) {
        syn::visit_mut::visit_expr_call_mut(self, call);
        let syn::Expr::Path(callee) = &*call.func else {
            return;
        };
        if path_ends_with(&callee.path, &["HeaderMap", "with_capacity"]) {
            let mut path = callee.path.clone();
            if let Some(last) = path.segments.last_mut() {
                last.ident = format_ident!("new");
            }
            *call.func = syn::parse_quote!(#path);
            call.args.clear();
            return;
        }
        if !path_ends_with(&callee.path, &["encode_path"]) || call.args.len() != 1 {
            return;
        }
        let Some(syn::Expr::Reference(reference)) = call.args.first_mut() else {
            return;
        };
        if let syn::Expr::MethodCall(m) = &*reference.expr {
            if m.method == "to_string" && m.args.is_empty() {
                reference.expr = m.receiver.clone();
            }
        }
    }
}

/// progenitor's `client.pre(&mut request, &info).await` and
/// `client.exec(request, &info).await` -> the runtime's `pre` and `exec`,
/// given the operation's `CallSpec` (`call`, a parameter of `send_raw`) and
/// the place its facts go back to (`facts`, another).
pub(super) struct CallRuntimeHooks<'a> {
    pub(super) runtime: &'a syn::Path,
    pub(super) names: &'a super::bindings::Bindings,
    // Whether `build_request` (see `wrap_request_building`) exists, to make
    // a retry's request.
    pub(super) rebuildable: bool,
    pub(super) found: Vec<&'static str>,
}

impl VisitMut for CallRuntimeHooks<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        let syn::Expr::Await(awaited) = expr else {
            return;
        };
        let syn::Expr::MethodCall(hook) = &*awaited.base else {
            return;
        };
        let super::bindings::Bindings {
            client,
            call,
            facts,
            build_request,
            ..
        } = self.names;
        let on_client = is_name(&hook.receiver, &client.to_string());
        let Some(request) = hook.args.first() else {
            return;
        };
        if !on_client || hook.args.len() != 2 {
            return;
        }
        let runtime = self.runtime;
        if hook.method == "pre" {
            self.found.push("pre");
            *expr = syn::parse_quote!(#runtime::pre(&#client.inner, #request, &#call));
        } else if hook.method == "exec" {
            self.found.push("exec");
            let rebuild = if self.rebuildable {
                quote!(::std::option::Option::Some(&#build_request))
            } else {
                quote!(::std::option::Option::None)
            };
            *expr = syn::parse_quote!(
                #runtime::exec(&#client.inner, &#client.client, #request, &#call, #rebuild, #facts).await
            );
        }
    }
}

/// Removes progenitor's `client.post(&result, &info).await?;` and the
/// `info` only it then uses: the client's `post` hook is progenitor's
/// no-op, and the await would keep `result` alive in every call's future.
pub(super) fn drop_post_hook(block: &mut syn::Block, client: &syn::Ident) {
    let client = client.to_string();
    let is_post = |stmt: &syn::Stmt| {
        let syn::Stmt::Expr(syn::Expr::Try(tried), _) = stmt else {
            return false;
        };
        let syn::Expr::Await(awaited) = &*tried.expr else {
            return false;
        };
        matches!(&*awaited.base, syn::Expr::MethodCall(call)
            if call.method == "post"
                && is_name(&call.receiver, &client))
    };
    let before = block.stmts.len();
    block.stmts.retain(|stmt| !is_post(stmt));
    if block.stmts.len() < before {
        block.stmts.retain(|stmt| !binds(stmt, "info"));
    }
}

/// Puts progenitor's request building (from `let url = ...` to
/// `let mut request = ....build()?;`) in a closure, `build_request`, called
/// once for the first attempt and again only if a retry is made: the
/// runtime then keeps no copy of a request that is almost never resent.
/// Returns whether it did. It does not when the statements are not found
/// in that shape, or when they move a value the closure could not give a
/// second time (a streamed body): the runtime then copies the request.
pub(super) fn wrap_request_building(
    block: &mut syn::Block,
    names: &super::bindings::Bindings,
) -> bool {
    let (url, request, build_request) =
        (names.url.to_string(), &names.request, &names.build_request);
    let Some(first) = block.stmts.iter().position(|s| binds(s, &url)) else {
        return false;
    };
    let Some(last) = block
        .stmts
        .iter()
        .skip(first)
        .position(|s| binds(s, &request.to_string()))
        .map(|i| first + i)
    else {
        return false;
    };
    let mut building: Vec<syn::Stmt> = block.stmts[first..=last].to_vec();
    let mut borrow = BorrowOptionals {
        moves_a_value: false,
    };
    for stmt in &mut building {
        borrow.visit_stmt_mut(stmt);
    }
    if borrow.moves_a_value {
        return false;
    }
    let closure: syn::Stmt = syn::parse_quote! {
        let #build_request = || -> ::std::result::Result<
            reqwest::Request,
            progenitor_client::Error<()>,
        > {
            #(#building)*
            ::std::result::Result::Ok(#request)
        };
    };
    let first_request: syn::Stmt = syn::parse_quote! {
        let mut #request = #build_request()?;
    };
    block.stmts.splice(first..=last, [closure, first_request]);
    true
}

/// In request building that becomes a closure: `if let Some(x) = param`
/// borrows `param` instead of moving it, and a value handed over whole
/// (`.body(param)`, a stream) is noted: such a closure could run once only.
struct BorrowOptionals {
    moves_a_value: bool,
}

impl VisitMut for BorrowOptionals {
    fn visit_expr_let_mut(&mut self, binding: &mut syn::ExprLet) {
        if let syn::Expr::Path(p) = &*binding.expr {
            if p.path.get_ident().is_some() {
                let bound = p.clone();
                *binding.expr = syn::parse_quote!(&#bound);
            }
        }
        syn::visit_mut::visit_expr_let_mut(self, binding);
    }

    fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
        let hands_over = call.method == "body"
            && matches!(call.args.first(), Some(syn::Expr::Path(p)) if p.path.get_ident().is_some());
        self.moves_a_value |= hands_over;
        syn::visit_mut::visit_expr_method_call_mut(self, call);
    }
}

/// `ResponseValue::from_response` / `empty` / `stream` -> the runtime's.
pub(super) struct ToRuntimeResponse<'a>(pub(super) &'a syn::Path);

impl VisitMut for ToRuntimeResponse<'_> {
    fn visit_expr_path_mut(&mut self, p: &mut syn::ExprPath) {
        let segments: Vec<String> = p
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        if segments.len() == 2 && segments[0] == "ResponseValue" {
            let runtime = self.0;
            let function = &p.path.segments[1].ident;
            *p = syn::parse_quote! { #runtime::Response::#function };
        }
        syn::visit_mut::visit_expr_path_mut(self, p);
    }
}

/// Removes the statements that add header `name` to progenitor's header
/// map (`header_map.append("api-version", ...)`), and only those.
pub(super) struct DropHeader(pub(super) &'static str);

impl DropHeader {
    fn sets_header(&self, stmt: &syn::Stmt) -> bool {
        let syn::Stmt::Expr(syn::Expr::MethodCall(m), _) = stmt else {
            return false;
        };
        // The name is a literal, or `HeaderName::from_static("...")`.
        let name = match m.args.first() {
            Some(syn::Expr::Call(c)) => c.args.first(),
            other => other,
        };
        matches!(m.method.to_string().as_str(), "append" | "insert")
            && matches!(name, Some(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }))
                if s.value().eq_ignore_ascii_case(self.0))
    }
}

impl VisitMut for DropHeader {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        block.stmts.retain(|stmt| !self.sets_header(stmt));
        syn::visit_mut::visit_block_mut(self, block);
    }
}
