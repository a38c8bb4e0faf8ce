//! Each builder's `send`: progenitor's becomes a private `send_raw` that
//! calls the runtime's hooks with the operation's retry class, and a new
//! `send` returns the runtime's future.

use std::collections::BTreeMap;

use quote::{format_ident, quote};
use syn::visit_mut::VisitMut;

use super::generated::module_items;
use super::request::{
    drop_post_hook, wrap_request_building, CallRuntimeHooks, DropHeader, FewerAllocations,
    ToRuntimeResponse,
};
use crate::plan::Plan;
use crate::syntax::{last_generic, path_ends_with};

/// A rewrite that could not handle one operation's request code: the
/// operation is left out, as one progenitor rejects is.
#[derive(Debug)]
pub(crate) struct RewriteFailed {
    /// progenitor's name of the operation (`get_tool`).
    pub operation: String,
    pub why: String,
}

/// What one builder's `send` returns, read back from progenitor's output.
pub(crate) struct SendInfo {
    pub builder: syn::Ident,
    /// `types::X` for JSON bodies, `ByteStream` or `()` otherwise.
    pub success: syn::Type,
    /// The builder's field that holds the call's `CallOptions`.
    pub options: syn::Ident,
}

/// Rewrites the `send` of every builder; the builders' `send` types, in
/// their order.
pub(super) fn rewrite_sends(
    file: &mut syn::File,
    plan: &Plan,
    runtime: &syn::Path,
    fail_rewrite_of: &[String],
) -> Result<Vec<SendInfo>, RewriteFailed> {
    let mut sends: Vec<SendInfo> = Vec::new();
    let builders = module_items(&mut file.items, "builder");
    for item in builders.into_iter().flatten() {
        if let syn::Item::Impl(imp) = item {
            if let Some(info) = rewrite_send(imp, runtime, plan, fail_rewrite_of)? {
                sends.push(info);
            }
        }
    }
    for item in module_items(&mut file.items, "builder")
        .into_iter()
        .flatten()
    {
        if let syn::Item::Struct(s) = item {
            if let Some(info) = sends.iter().find(|info| info.builder == s.ident) {
                super::options::add_options_field(s, &info.options, runtime);
            }
        }
    }
    Ok(sends)
}

/// The `operation_id` of the `OperationInfo` a generated `send_raw` builds.
fn operation_info_id(block: &syn::Block) -> Option<String> {
    struct Find(Option<String>);
    impl<'ast> syn::visit::Visit<'ast> for Find {
        fn visit_expr_struct(&mut self, e: &'ast syn::ExprStruct) {
            if e.path
                .segments
                .last()
                .is_some_and(|s| s.ident == "OperationInfo")
            {
                for field in &e.fields {
                    let is_id =
                        matches!(&field.member, syn::Member::Named(n) if n == "operation_id");
                    if let (
                        true,
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }),
                    ) = (is_id, &field.expr)
                    {
                        self.0 = Some(s.value());
                    }
                }
            }
            syn::visit::visit_expr_struct(self, e);
        }
    }
    let mut find = Find(None);
    syn::visit::Visit::visit_block(&mut find, block);
    find.0
}

fn rewrite_send(
    imp: &mut syn::ItemImpl,
    runtime: &syn::Path,
    plan: &Plan,
    fail_rewrite_of: &[String],
) -> std::result::Result<Option<SendInfo>, RewriteFailed> {
    let builder = match &*imp.self_ty {
        syn::Type::Path(p) => match p.path.segments.last() {
            Some(s) => s.ident.clone(),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    let Some(idx) = imp
        .items
        .iter()
        .position(|i| matches!(i, syn::ImplItem::Fn(f) if f.sig.ident == "send"))
    else {
        return Ok(None);
    };
    let syn::ImplItem::Fn(original) = &mut imp.items[idx] else {
        return Ok(None);
    };
    // progenitor: `-> Result<ResponseValue<T>, Error<E>>`
    let Some(success) = success_type(&original.sig.output) else {
        return Ok(None);
    };
    let Some(operation_id) = operation_info_id(&original.block) else {
        return Ok(None);
    };
    let failed = |why: String| RewriteFailed {
        operation: operation_id.clone(),
        why,
    };
    if fail_rewrite_of.contains(&operation_id) {
        return Err(failed("forced by `Options::fail_rewrite_of`".into()));
    }
    let class = plan
        .by_rust_method(&operation_id)
        .ok_or_else(|| {
            failed(format!(
                "progenitor generated the operation `{operation_id}`, which the plan does not know"
            ))
        })?
        .retry_class;
    let variant = format_ident!("{}", class.variant());
    let class_doc = format!("\n\n{}", class.doc());
    let attrs = std::mem::take(&mut original.attrs);
    original.sig.ident = format_ident!("send_raw");
    original.vis = syn::Visibility::Inherited;
    // Decode into the runtime's `Response` directly (one copy of the headers,
    // not two), and drop progenitor's `api-version` header, which
    // HeyGen does not use.
    original.sig.output = syn::parse_quote! {
        -> ::std::result::Result<#runtime::Response<#success>, progenitor_client::Error<()>>
    };
    // The class reaches `pre` and `exec` as an argument: progenitor's
    // hooks would see only the operation id.
    // progenitor's locals, whatever parameters pushed them aside.
    let names = super::bindings::Bindings::read(&original.block).ok_or_else(|| {
        failed(format!("the request code of `{operation_id}` does not take its builder apart as progenitor writes it"))
    })?;
    let call_arg = &names.call;
    let facts_arg = &names.facts;
    original
        .sig
        .inputs
        .push(syn::parse_quote!(#call_arg: #runtime::CallSpec));
    // What `exec` knew about the call comes back as a value, beside the
    // result, for the error `send` makes of it.
    original.sig.inputs.push(syn::parse_quote!(
        #facts_arg: &mut ::std::option::Option<#runtime::CallFacts>
    ));
    ToRuntimeResponse(runtime).visit_block_mut(&mut original.block);
    DropHeader("api-version").visit_block_mut(&mut original.block);
    FewerAllocations {
        runtime,
        names: &names,
    }
    .visit_block_mut(&mut original.block);
    let rebuildable = wrap_request_building(&mut original.block, &names);
    let mut hooks = CallRuntimeHooks {
        runtime,
        names: &names,
        rebuildable,
        found: Vec::new(),
    };
    hooks.visit_block_mut(&mut original.block);
    drop_post_hook(&mut original.block, &names.client);
    if hooks.found != ["pre", "exec"] {
        return Err(failed(format!(
            "the request code of `{operation_id}` does not call progenitor's `pre` and then `exec` hooks once each (found {:?})",
            hooks.found
        )));
    }
    defer_unset_messages(imp);
    let options_field = names.options.clone();
    // Not an `async fn`: that would hold the runtime's future and copy it
    // once more on every call; this returns it as it is.
    let borrowed = imp.generics.lifetimes().next().map(|l| l.lifetime.clone());
    if rebuildable {
        let send_raw = imp
            .items
            .iter()
            .position(|i| matches!(i, syn::ImplItem::Fn(f) if f.sig.ident == "send_raw"));
        // The retry class is told once, on the `Client` method.
        let docs = attrs.clone();
        let parts = super::compact_send::Parts {
            runtime,
            operation_id: &operation_id,
            class: &variant,
            success: &success,
            attrs: &docs,
            outlives: borrowed.as_ref(),
        };
        let compact = send_raw.and_then(|at| match &imp.items[at] {
            syn::ImplItem::Fn(f) => {
                super::compact_send::compact_send(f, &names, &parts).map(|send| (at, send))
            }
            _ => None,
        });
        if let Some((at, send)) = compact {
            imp.items[at] = syn::ImplItem::Fn(send);
            super::options::add_call_options(imp, runtime, &options_field);
            return Ok(Some(SendInfo {
                builder,
                success,
                options: options_field,
            }));
        }
    }
    let client_field = &names.client;
    let outlives = borrowed.map(|l| quote!(+ #l));
    let wrapper: syn::ImplItem = syn::parse_quote! {
        #(#attrs)*
        #[doc = #class_doc]
        // Inlined into the caller, the future is built where it is awaited
        // instead of being copied there.
        #[inline]
        pub fn send(mut self) -> impl ::std::future::Future<
            Output = ::std::result::Result<#runtime::Response<#success>, #runtime::Error>,
        > #outlives {
            let client = self.#client_field;
            let call = #runtime::CallSpec {
                operation_id: #operation_id,
                class: #runtime::RetryClass::#variant,
                options: ::std::mem::take(&mut self.#options_field),
            };
            let deadline = call.options.deadline_value();
            #runtime::send(&client.inner, deadline, async move {
                let mut facts = ::std::option::Option::None;
                let result = self.send_raw(call, &mut facts).await;
                (facts, result)
            })
        }
    };
    imp.items.insert(idx, wrapper);
    super::options::add_call_options(imp, runtime, &options_field);
    Ok(Some(SendInfo {
        builder,
        success,
        options: options_field,
    }))
}

/// progenitor's builder `new` starts each required field as
/// `Err("<field> was not initialized".to_string())`: an allocation per
/// required field on every call, for a message that is almost never read.
/// The field starts as an empty error instead, and `send_raw` writes the
/// same message only when the field was never set. (A failed conversion's
/// own message is never empty.)
fn defer_unset_messages(imp: &mut syn::ItemImpl) {
    let mut unset = BTreeMap::new();
    for item in &mut imp.items {
        let syn::ImplItem::Fn(f) = item else { continue };
        if f.sig.ident != "new" {
            continue;
        }
        for stmt in &mut f.block.stmts {
            let syn::Stmt::Expr(syn::Expr::Struct(init), _) = stmt else {
                continue;
            };
            for field in &mut init.fields {
                let syn::Member::Named(name) = &field.member else {
                    continue;
                };
                if let Some(message) = unset_message(&field.expr) {
                    unset.insert(name.to_string(), message);
                    field.expr = syn::parse_quote!(Err(::std::string::String::new()));
                }
            }
        }
    }
    if unset.is_empty() {
        return;
    }
    for item in &mut imp.items {
        let syn::ImplItem::Fn(f) = item else { continue };
        if f.sig.ident != "send_raw" {
            continue;
        }
        for stmt in &mut f.block.stmts {
            let syn::Stmt::Local(local) = stmt else {
                continue;
            };
            let syn::Pat::Ident(bound) = &local.pat else {
                continue;
            };
            let Some(message) = unset.get(&bound.ident.to_string()) else {
                continue;
            };
            let Some(init) = &mut local.init else {
                continue;
            };
            let syn::Expr::Try(question) = &mut *init.expr else {
                continue;
            };
            let syn::Expr::MethodCall(call) = &mut *question.expr else {
                continue;
            };
            let is_plain_map = call.method == "map_err"
                && call.args.len() == 1
                && matches!(call.args.first(), Some(syn::Expr::Path(p)) if path_ends_with(&p.path, &["Error", "InvalidRequest"]));
            if is_plain_map {
                call.args[0] = syn::parse_quote! {
                    |e: ::std::string::String| Error::InvalidRequest(if e.is_empty() {
                        #message.to_string()
                    } else {
                        e
                    })
                };
            }
        }
    }
}

/// The message of `Err("...".to_string())`.
fn unset_message(expr: &syn::Expr) -> Option<String> {
    let syn::Expr::Call(err) = expr else {
        return None;
    };
    let syn::Expr::Path(callee) = &*err.func else {
        return None;
    };
    if !path_ends_with(&callee.path, &["Err"]) || err.args.len() != 1 {
        return None;
    }
    let Some(syn::Expr::MethodCall(to_string)) = err.args.first() else {
        return None;
    };
    if to_string.method != "to_string" || !to_string.args.is_empty() {
        return None;
    }
    match &*to_string.receiver {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(message),
            ..
        }) => Some(message.value()),
        _ => None,
    }
}

fn success_type(output: &syn::ReturnType) -> Option<syn::Type> {
    let syn::ReturnType::Type(_, ty) = output else {
        return None;
    };
    let result = last_generic(ty, 0)?;
    last_generic(&result, 0)
}
