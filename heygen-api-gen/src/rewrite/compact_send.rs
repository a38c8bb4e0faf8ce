//! An operation's `send` in one function: the request-building code, a
//! closure, handed to the runtime's `operation`, which builds, adds
//! credentials, sends, retries and decodes (the parts every operation
//! repeated in its own `send_raw`).
//!
//! Made from the `send_raw` that the other rewrites of `send.rs` leave,
//! when it has exactly their shape:
//!
//! ```text
//! let Self { client, a, b, .. } = self;
//! let a = <checked a>.map_err(..)?;            // one per parameter
//! let build_request = || -> Result<Request, Error<()>> { .. };
//! let mut request = build_request()?;
//! pre(..)?;
//! let result = exec(..).await;
//! let response = result?;
//! match response.status().as_u16() { 200u16 => Response::from_response(response).await, _ => Err(..) }
//! ```
//!
//! Anything else (a body that can be sent once only, several decoders)
//! keeps the long form.

use quote::quote;
use syn::visit::Visit;

use super::bindings::Bindings;
use crate::syntax::{binds, is_name};

/// What the compact `send` needs besides `send_raw`.
pub(super) struct Parts<'a> {
    pub runtime: &'a syn::Path,
    pub operation_id: &'a str,
    pub class: &'a syn::Ident,
    pub success: &'a syn::Type,
    pub attrs: &'a [syn::Attribute],
    pub outlives: Option<&'a syn::Lifetime>,
}

/// The compact `send`, or `None` when `send_raw` is not in the shape above.
pub(super) fn compact_send(
    send_raw: &syn::ImplItemFn,
    names: &Bindings,
    parts: &Parts<'_>,
) -> Option<syn::ImplItemFn> {
    let stmts = &send_raw.block.stmts;
    let (destructure, rest) = stmts.split_first()?;
    // `let Self { client, a, b, .. } = self;`, with the options field named.
    let syn::Stmt::Local(local) = destructure else {
        return None;
    };
    let syn::Pat::Struct(mut pattern) = local.pat.clone() else {
        return None;
    };
    if !pattern.path.is_ident("Self") {
        return None;
    }
    let options = &names.options;
    pattern.rest = None;
    pattern.fields.push(syn::FieldPat {
        attrs: Vec::new(),
        member: syn::Member::Named(options.clone()),
        colon_token: None,
        pat: Box::new(syn::parse_quote!(#options)),
    });
    // The checks, until the request-building closure.
    let build_at = rest
        .iter()
        .position(|s| binds(s, &names.build_request.to_string()))?;
    let (checks, tail) = rest.split_at(build_at);
    let runtime = parts.runtime;
    let mut before: Vec<syn::Stmt> = Vec::new();
    let mut inside: Vec<syn::Stmt> = Vec::new();
    for check in checks {
        let (name, value, unset) = read_check(check)?;
        if !is_name(&value, &name.to_string()) {
            before.push(syn::parse_quote!(let #name = #value;));
        }
        inside.push(syn::parse_quote!(let #name = #runtime::valid(&#name, #unset)?;));
    }
    // `let build_request = || -> .. { .. };`
    let [build, first, pre, exec, response, decode] = tail else {
        return None;
    };
    let syn::Stmt::Local(build) = build else {
        return None;
    };
    let syn::Expr::Closure(closure) = &*build.init.as_ref()?.expr else {
        return None;
    };
    let syn::Expr::Block(body) = &*closure.body else {
        return None;
    };
    let request = &names.request;
    let build_request = &names.build_request;
    let expected_first: syn::Stmt = syn::parse_quote!(let mut #request = #build_request()?;);
    if *first != expected_first
        || !calls_runtime(pre, runtime, "pre")
        || !calls_runtime(exec, runtime, "exec")
        || !binds(response, "response")
    {
        return None;
    }
    let (statuses, decoder) = read_decode(decode, runtime)?;
    let mut building = body.block.stmts.clone();
    drop_json_accept(&mut building);
    drop_empty_header_map(&mut building, runtime);
    return_the_request(&mut building, request);
    inside.extend(building);
    let attrs = parts.attrs;
    let success = parts.success;
    let id = parts.operation_id;
    let class = parts.class;
    let outlives = parts.outlives.map(|l| quote!(+ #l));
    let client = &names.client;
    Some(syn::parse_quote! {
        #(#attrs)*
        // Inlined into the caller, the future is built where it is awaited
        // instead of being copied there.
        #[inline]
        pub fn send(self) -> impl ::std::future::Future<
            Output = ::std::result::Result<#runtime::Response<#success>, #runtime::Error>,
        > #outlives {
            let #pattern = self;
            #(#before)*
            #runtime::operation(
                #client,
                #id,
                #runtime::RetryClass::#class,
                #options,
                |status| matches!(status, #(#statuses)|*),
                #decoder,
                move || {
                    #(#inside)*
                },
            )
        }
    })
}

/// `let a = <value>.map_err(<mapper>)?;`: the name, the checked value, and
/// the message for a required parameter never set (the one string literal
/// in the mapper `send.rs`'s `defer_unset_messages` writes; `""` for
/// progenitor's plain `Error::InvalidRequest`).
fn read_check(stmt: &syn::Stmt) -> Option<(syn::Ident, syn::Expr, syn::LitStr)> {
    let syn::Stmt::Local(local) = stmt else {
        return None;
    };
    let syn::Pat::Ident(bound) = &local.pat else {
        return None;
    };
    let syn::Expr::Try(tried) = &*local.init.as_ref()?.expr else {
        return None;
    };
    let syn::Expr::MethodCall(call) = &*tried.expr else {
        return None;
    };
    if call.method != "map_err" || call.args.len() != 1 {
        return None;
    }
    struct Strings(Vec<syn::LitStr>);
    impl<'ast> Visit<'ast> for Strings {
        fn visit_lit_str(&mut self, s: &'ast syn::LitStr) {
            self.0.push(s.clone());
        }
    }
    let mut strings = Strings(Vec::new());
    strings.visit_expr(&call.args[0]);
    let unset = match strings.0.as_slice() {
        [] => syn::parse_quote!(""),
        [one] => one.clone(),
        _ => return None,
    };
    Some((bound.ident.clone(), (*call.receiver).clone(), unset))
}

/// Whether `stmt` is `<runtime>::<function>(..)` (awaited or tried).
fn calls_runtime(stmt: &syn::Stmt, runtime: &syn::Path, function: &str) -> bool {
    let expr = match stmt {
        syn::Stmt::Expr(e, _) => e,
        syn::Stmt::Local(l) => match &l.init {
            Some(init) => &init.expr,
            None => return false,
        },
        _ => return false,
    };
    let mut expr = expr;
    loop {
        match expr {
            syn::Expr::Try(t) => expr = &t.expr,
            syn::Expr::Await(a) => expr = &a.base,
            _ => break,
        }
    }
    let syn::Expr::Call(call) = expr else {
        return false;
    };
    let syn::Expr::Path(p) = &*call.func else {
        return false;
    };
    let wanted: syn::Path = syn::parse_quote!(#runtime::f);
    p.path.segments.len() == wanted.segments.len()
        && p.path.segments.last().is_some_and(|s| s.ident == function)
        && p.path
            .segments
            .iter()
            .zip(&runtime.segments)
            .all(|(a, b)| a.ident == b.ident)
}

/// The success statuses and the decoder of progenitor's final `match`:
/// every arm but the last decodes with the same `Response` constructor, the
/// last is `_ => Err(..)`.
fn read_decode(
    stmt: &syn::Stmt,
    runtime: &syn::Path,
) -> Option<(Vec<syn::Pat>, proc_macro2::TokenStream)> {
    let syn::Stmt::Expr(syn::Expr::Match(m), None) = stmt else {
        return None;
    };
    let (last, arms) = m.arms.split_last()?;
    if !matches!(last.pat, syn::Pat::Wild(_)) || arms.is_empty() {
        return None;
    }
    let mut decoder: Option<String> = None;
    let mut statuses = Vec::new();
    for arm in arms {
        if matches!(arm.pat, syn::Pat::Guard(_)) {
            return None;
        }
        let constructor = constructor_of(&arm.body)?;
        if decoder.get_or_insert_with(|| constructor.clone()) != &constructor {
            return None;
        }
        statuses.push(arm.pat.clone());
    }
    let decoder = match decoder?.as_str() {
        "from_response" => quote!(#runtime::Response::from_response),
        "empty" => quote!(#runtime::read_empty),
        "stream" => quote!(#runtime::read_stream),
        _ => return None,
    };
    Some((statuses, decoder))
}

/// `Response::from_response(response).await` (in a block or not), or
/// `Ok(Response::empty(response))` / `stream`: the constructor's name.
fn constructor_of(body: &syn::Expr) -> Option<String> {
    let mut expr = body;
    if let syn::Expr::Block(b) = expr {
        match b.block.stmts.as_slice() {
            [syn::Stmt::Expr(e, None)] => expr = e,
            _ => return None,
        }
    }
    if let syn::Expr::Await(a) = expr {
        expr = &a.base;
    } else if let syn::Expr::Call(ok) = expr {
        if !matches!(&*ok.func, syn::Expr::Path(p) if p.path.is_ident("Ok")) || ok.args.len() != 1 {
            return None;
        }
        expr = &ok.args[0];
    }
    let syn::Expr::Call(call) = expr else {
        return None;
    };
    let syn::Expr::Path(p) = &*call.func else {
        return None;
    };
    let mut segments = p.path.segments.iter().rev();
    let function = segments.next()?.ident.to_string();
    (segments.next()?.ident == "Response" && call.args.len() == 1).then_some(function)
}

/// Removes `.header(ACCEPT, HeaderValue::from_static("application/json"))`
/// from the request chain: the runtime's `operation` sets that header on
/// every request that has none.
fn drop_json_accept(stmts: &mut [syn::Stmt]) {
    struct Drop;
    impl syn::visit_mut::VisitMut for Drop {
        fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            let syn::Expr::MethodCall(call) = expr else {
                return;
            };
            if call.method != "header" || call.args.len() != 2 {
                return;
            }
            let is_accept = matches!(&call.args[0], syn::Expr::Path(p)
                if p.path.segments.last().is_some_and(|s| s.ident == "ACCEPT"));
            let is_json = match &call.args[1] {
                syn::Expr::Call(c) => {
                    matches!(&*c.func, syn::Expr::Path(p)
                        if p.path.segments.last().is_some_and(|s| s.ident == "from_static"))
                        && matches!(c.args.first(), Some(syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }))
                            if s.value() == "application/json")
                }
                _ => false,
            };
            if is_accept && is_json {
                *expr = (*call.receiver).clone();
            }
        }
    }
    for stmt in stmts {
        syn::visit_mut::VisitMut::visit_stmt_mut(&mut Drop, stmt);
    }
}

/// Without header parameters, progenitor still makes a `HeaderMap` and the
/// rewrites merge it in: `let mut h = HeaderMap::new();` and
/// `merge_headers(chain, h)` go when nothing else names `h`.
fn drop_empty_header_map(stmts: &mut Vec<syn::Stmt>, runtime: &syn::Path) {
    let Some((at, name)) = stmts.iter().enumerate().find_map(|(i, stmt)| {
        let syn::Stmt::Local(local) = stmt else {
            return None;
        };
        let syn::Pat::Ident(bound) = &local.pat else {
            return None;
        };
        let syn::Expr::Call(call) = &*local.init.as_ref()?.expr else {
            return None;
        };
        let new_map = matches!(&*call.func, syn::Expr::Path(p)
            if crate::syntax::path_ends_with(&p.path, &["HeaderMap", "new"]));
        new_map.then(|| (i, bound.ident.clone()))
    }) else {
        return;
    };
    struct Uses<'n>(&'n syn::Ident, usize);
    impl<'ast> Visit<'ast> for Uses<'_> {
        fn visit_ident(&mut self, i: &'ast syn::Ident) {
            if i == self.0 {
                self.1 += 1;
            }
        }
    }
    let mut uses = Uses(&name, 0);
    for stmt in stmts.iter() {
        uses.visit_stmt(stmt);
    }
    // The `let` and the merge: nothing is appended.
    if uses.1 != 2 {
        return;
    }
    struct Unmerge<'n> {
        name: &'n syn::Ident,
        runtime: &'n syn::Path,
        done: bool,
    }
    impl syn::visit_mut::VisitMut for Unmerge<'_> {
        fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            let syn::Expr::Call(call) = expr else { return };
            let merges = matches!(&*call.func, syn::Expr::Path(p)
                if p.path.segments.last().is_some_and(|s| s.ident == "merge_headers")
                    && p.path.segments.len() == self.runtime.segments.len() + 1);
            if merges && call.args.len() == 2 && is_name(&call.args[1], &self.name.to_string()) {
                *expr = call.args[0].clone();
                self.done = true;
            }
        }
    }
    let mut unmerge = Unmerge {
        name: &name,
        runtime,
        done: false,
    };
    for stmt in stmts.iter_mut() {
        syn::visit_mut::VisitMut::visit_stmt_mut(&mut unmerge, stmt);
    }
    if unmerge.done {
        stmts.remove(at);
    }
}

/// `let mut request = <chain>.build()?; Ok(request)` ends as
/// `Ok(<chain>.build()?)`.
fn return_the_request(stmts: &mut Vec<syn::Stmt>, request: &syn::Ident) {
    let n = stmts.len();
    if n < 2 {
        return;
    }
    let returns_it = matches!(&stmts[n - 1], syn::Stmt::Expr(syn::Expr::Call(ok), None)
        if ok.args.len() == 1 && is_name(&ok.args[0], &request.to_string()));
    let built = match &stmts[n - 2] {
        syn::Stmt::Local(local) if binds(&stmts[n - 2], &request.to_string()) => {
            local.init.as_ref().map(|init| (*init.expr).clone())
        }
        _ => None,
    };
    if let (true, Some(built)) = (returns_it, built) {
        stmts.truncate(n - 2);
        stmts.push(syn::Stmt::Expr(
            syn::parse_quote!(::std::result::Result::Ok(#built)),
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use quote::format_ident;

    use super::{compact_send, Parts};
    use crate::rewrite::bindings::Bindings;

    fn names() -> Bindings {
        Bindings {
            client: format_ident!("client"),
            url: format_ident!("url"),
            request: format_ident!("request"),
            call: format_ident!("call"),
            facts: format_ident!("facts"),
            options: format_ident!("options"),
            build_request: format_ident!("build_request"),
        }
    }

    /// A `send_raw` as `send.rs` leaves it, with `decode` as its last arm
    /// before `_` and `extra` after the checks.
    fn send_raw(decode: syn::Arm, extra: Option<syn::Stmt>) -> syn::ImplItemFn {
        let extra = extra.into_iter();
        syn::parse_quote! {
            async fn send_raw(self, call: rt::CallSpec, facts: &mut Option<rt::CallFacts>) -> Result<rt::Response<types::Clip>, progenitor_client::Error<()>> {
                let Self { client, clip_id, body, .. } = self;
                let clip_id = clip_id.map_err(|e: String| Error::InvalidRequest(if e.is_empty() { "clip_id was not initialized".to_string() } else { e }))?;
                let body = body.and_then(|v| types::Trim::try_from(v).map_err(|e| e.to_string())).map_err(Error::InvalidRequest)?;
                #(#extra)*
                let build_request = || -> Result<reqwest::Request, progenitor_client::Error<()>> {
                    let url = rt::url(&client.baseurl, &client.inner, format_args!("/clips/{}", encode_path(&clip_id)))?;
                    let mut header_map = ::reqwest::header::HeaderMap::new();
                    #[allow(unused_mut)]
                    let mut request = rt::merge_headers(
                        client.client.post(url).header(::reqwest::header::ACCEPT, ::reqwest::header::HeaderValue::from_static("application/json")).json(&body),
                        header_map,
                    ).build()?;
                    ::std::result::Result::Ok(request)
                };
                let mut request = build_request()?;
                rt::pre(&client.inner, &mut request, &call)?;
                let result = rt::exec(&client.inner, &client.client, request, &call, Some(&build_request), facts).await;
                let response = result?;
                match response.status().as_u16() {
                    #decode
                    _ => Err(Error::UnexpectedResponse(response)),
                }
            }
        }
    }

    /// Replaces statement `at` of `send_raw`'s body.
    fn with_stmt(mut f: syn::ImplItemFn, at: usize, stmt: syn::Stmt) -> syn::ImplItemFn {
        f.block.stmts[at] = stmt;
        f
    }

    fn json() -> syn::Arm {
        syn::parse_quote!(200u16 => { rt::Response::from_response(response).await })
    }

    fn compact(f: &syn::ImplItemFn) -> Option<String> {
        let runtime: syn::Path = syn::parse_quote!(rt);
        let class = format_ident!("Keyed");
        let success: syn::Type = syn::parse_quote!(types::Clip);
        let lifetime: syn::Lifetime = syn::parse_quote!('a);
        let parts = Parts {
            runtime: &runtime,
            operation_id: "trim_clip",
            class: &class,
            success: &success,
            attrs: &[],
            outlives: Some(&lifetime),
        };
        compact_send(f, &names(), &parts)
            .map(|send| crate::syntax::display(&send).replace(char::is_whitespace, ""))
    }

    #[test]
    fn the_usual_shape_becomes_one_call_of_operation() {
        let arm: syn::Arm =
            syn::parse_quote!(200u16 | 201u16 => { rt::Response::from_response(response).await });
        let send = compact(&send_raw(arm, None)).expect("the usual shape");
        for part in [
            "letSelf{client,clip_id,body,options}=self;",
            "letbody=body.and_then(",
            "rt::operation(client,\"trim_clip\",rt::RetryClass::Keyed,options,|status|matches!(status,200u16|201u16),rt::Response::from_response,move||{",
            "letclip_id=rt::valid(&clip_id,\"clip_idwasnotinitialized\")?;",
            "letbody=rt::valid(&body,\"\")?;",
            "::std::result::Result::Ok(client.client.post(url).json(&body).build()?)",
        ] {
            assert!(send.contains(part), "{part} in {send}");
        }
        // The JSON `Accept` and the empty header map are the runtime's now.
        assert!(!send.contains("ACCEPT"), "{send}");
        assert!(!send.contains("header_map"), "{send}");
    }

    #[test]
    fn each_step_of_the_shape_is_checked() {
        let usual = send_raw(json(), None);
        assert!(compact(&usual).is_some());
        // Statements after the build closure: first request, pre, exec,
        // response (4..=7).
        let changed: [(usize, syn::Stmt); 6] = [
            (4, syn::parse_quote!(let mut request = other()?;)),
            (
                5,
                syn::parse_quote!(other::pre(&client.inner, &mut request, &call)?;),
            ),
            (
                5,
                syn::parse_quote!(rt::preflight(&client.inner, &mut request, &call)?;),
            ),
            (
                6,
                syn::parse_quote!(let result = rt::send(&client.inner, request).await;),
            ),
            (
                6,
                syn::parse_quote!(let result = a::b::exec(&client.inner, request).await;),
            ),
            (7, syn::parse_quote!(let answer = result?;)),
        ];
        for (at, stmt) in changed {
            let shown = crate::syntax::display(&stmt);
            assert!(
                compact(&with_stmt(usual.clone(), at, stmt)).is_none(),
                "{shown}"
            );
        }
        // A check that is not `map_err(..)?`.
        let check: syn::Stmt = syn::parse_quote!(let clip_id = clip_id.map(String::from)?;);
        assert!(compact(&with_stmt(usual.clone(), 1, check)).is_none());
        let two_args: syn::Stmt = syn::parse_quote!(let clip_id = clip_id.map_err(a, b)?;);
        assert!(compact(&with_stmt(usual, 1, two_args)).is_none());
    }

    #[test]
    fn bodiless_and_streamed_successes_decode_with_the_runtime_s_readers() {
        let empty: syn::Arm = syn::parse_quote!(204u16 => Ok(rt::Response::empty(response)),);
        let send = compact(&send_raw(empty, None)).expect("empty");
        assert!(
            send.contains("matches!(status,204u16),rt::read_empty,"),
            "{send}"
        );
        let stream: syn::Arm = syn::parse_quote!(200u16 => Ok(rt::Response::stream(response)),);
        let send = compact(&send_raw(stream, None)).expect("stream");
        assert!(send.contains("rt::read_stream,"), "{send}");
        // Anything else in the arm keeps the long form.
        for arm in [
            syn::parse_quote!(200u16 => Some(rt::Response::empty(response)),),
            syn::parse_quote!(200u16 => Ok(rt::Response::empty(response), 1),),
            syn::parse_quote!(200u16 => { rt::Other::from_response(response).await }),
            syn::parse_quote!(200u16 => { rt::Response::from_response(response, 1).await }),
            syn::parse_quote!(200u16 => { rt::Response::other(response).await }),
        ] {
            let arm: syn::Arm = arm;
            let shown = crate::syntax::display(&arm);
            assert!(compact(&send_raw(arm, None)).is_none(), "{shown}");
        }
        // The last arm must be `_`.
        let mut f = send_raw(json(), None);
        if let Some(syn::Stmt::Expr(syn::Expr::Match(m), None)) = f.block.stmts.last_mut() {
            if let Some(last) = m.arms.last_mut() {
                *last =
                    syn::parse_quote!(201u16 => { rt::Response::from_response(response).await });
            }
        }
        assert!(compact(&f).is_none());
    }

    #[test]
    fn an_accept_other_than_json_and_a_used_header_map_stay() {
        let mut f = send_raw(json(), None);
        // The build closure, with a header parameter and a CSV `Accept`.
        let closure: syn::Stmt = syn::parse_quote! {
            let build_request = || -> Result<reqwest::Request, progenitor_client::Error<()>> {
                let url = rt::url(&client.baseurl, &client.inner, format_args!("/clips"))?;
                let mut header_map = ::reqwest::header::HeaderMap::new();
                header_map.append("X-Tenant", "t".try_into()?);
                #[allow(unused_mut)]
                let mut request = rt::merge_headers(
                    client.client.get(url)
                        .header(::reqwest::header::ACCEPT, ::reqwest::header::HeaderValue::from_static("text/csv"))
                        .header(::reqwest::header::CONTENT_TYPE, ::reqwest::header::HeaderValue::from_static("application/json"))
                        .header(::reqwest::header::ACCEPT, ::reqwest::header::HeaderValue::from_str("application/json")?)
                        .query(::reqwest::header::ACCEPT, ::reqwest::header::HeaderValue::from_static("application/json")),
                    header_map,
                ).build()?;
                ::std::result::Result::Ok(request)
            };
        };
        f.block.stmts[3] = closure;
        let send = compact(&f).expect("the usual shape");
        assert!(send.contains("from_static(\"text/csv\")"), "{send}");
        assert!(send.contains("CONTENT_TYPE"), "{send}");
        assert!(send.contains("from_str(\"application/json\")"), "{send}");
        // Only `.header(..)` calls are read as headers.
        assert!(send.contains(".query(::reqwest::header::ACCEPT"), "{send}");
        assert!(send.contains("header_map.append("), "{send}");
        assert!(send.contains("rt::merge_headers("), "{send}");
        // The request is still returned directly, four statements in.
        assert!(
            send.contains("::std::result::Result::Ok(rt::merge_headers("),
            "{send}"
        );
        assert!(!send.contains("Ok(request)"), "{send}");
    }

    #[test]
    fn only_the_runtime_s_merge_is_undone() {
        let runtime: syn::Path = syn::parse_quote!(rt);
        let mut stmts: Vec<syn::Stmt> = vec![
            syn::parse_quote!(let mut header_map = ::reqwest::header::HeaderMap::new();),
            syn::parse_quote!(let request = x::y::merge_headers(chain, header_map);),
        ];
        super::drop_empty_header_map(&mut stmts, &runtime);
        assert_eq!(stmts.len(), 2);
        stmts[1] = syn::parse_quote!(let request = rt::merge_headers(chain, header_map););
        super::drop_empty_header_map(&mut stmts, &runtime);
        assert_eq!(stmts.len(), 1);
        let shown = crate::syntax::display(&stmts[0]);
        assert_eq!(shown.replace(char::is_whitespace, ""), "letrequest=chain;");
    }

    #[test]
    fn returning_the_request_needs_both_statements() {
        let request = format_ident!("request");
        let tail = || syn::Stmt::Expr(syn::parse_quote!(Ok(request)), None);
        let mut one: Vec<syn::Stmt> = vec![tail()];
        super::return_the_request(&mut one, &request);
        assert_eq!(one.len(), 1);
        let mut two: Vec<syn::Stmt> =
            vec![syn::parse_quote!(let mut request = x.build()?;), tail()];
        super::return_the_request(&mut two, &request);
        assert_eq!(two.len(), 1);
        let mut other: Vec<syn::Stmt> =
            vec![syn::parse_quote!(let mut other = x.build()?;), tail()];
        super::return_the_request(&mut other, &request);
        assert_eq!(other.len(), 2);
    }

    #[test]
    fn other_shapes_keep_the_long_form() {
        let json: syn::Arm =
            syn::parse_quote!(200u16 => { rt::Response::from_response(response).await });
        let extra: syn::Stmt = syn::parse_quote!(let spare = 1;);
        assert!(compact(&send_raw(json.clone(), Some(extra))).is_none());
        // Two decoders for two statuses.
        let mut two = send_raw(json, None);
        if let Some(syn::Stmt::Expr(syn::Expr::Match(m), None)) = two.block.stmts.last_mut() {
            m.arms.insert(
                1,
                syn::parse_quote!(204u16 => Ok(rt::Response::empty(response)),),
            );
        }
        assert!(compact(&two).is_none());
        // An error schema decoded in its own arm.
        let error: syn::Arm = syn::parse_quote!(400u16 => Err(Error::ErrorResponse(rt::Response::from_response(response).await?)),);
        assert!(compact(&send_raw(error, None)).is_none());
    }
}
