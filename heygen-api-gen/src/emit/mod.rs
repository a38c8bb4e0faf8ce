//! Code the generator writes itself, from the [`Plan`]: the impls that tie
//! progenitor's `Client` to the runtime, envelopes, pages, jobs, multipart
//! methods, and the surface snapshot. Which types and builders get an impl
//! is the plan's decision; the generated syntax is read only to write that
//! impl correctly, and an impl the plan asks for that the syntax cannot
//! carry is an error.

mod context;
mod jobs;
mod multipart;
mod pages;
pub(crate) mod surface;
pub(crate) mod types;

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

pub(crate) use context::Emit;
use types::{flatten, peel_options, type_name};

/// The glue, or what the generated code lacks that the plan promised.
pub(crate) fn glue(emit: &Emit<'_>) -> Result<TokenStream, String> {
    let runtime = emit.runtime;
    let plan = emit.plan;
    // A builder the plan expects and progenitor did not generate under that
    // name is reported first: it names both.
    let sends_seen: BTreeSet<String> = emit.sends.iter().map(|s| s.builder.to_string()).collect();
    for op in plan.progenitor_operations() {
        if !sends_seen.contains(&op.builder) {
            return Err(format!(
                "the plan expects progenitor's builder `{}` for `{}`, and progenitor generated none of that name (it generated {:?})",
                op.builder, op.id, sends_seen
            ));
        }
    }
    let mut envelopes = Vec::new();
    let mut pages = Vec::new();
    let mut enveloped = BTreeSet::new();
    // In the builders' order, then the multipart operations', as before
    // the plan: the order of the impls is part of the golden files.
    for send in emit.sends {
        let builder = send.builder.to_string();
        let op = plan.by_builder(&builder).ok_or_else(|| {
            format!("progenitor generated the builder `{builder}`, which the plan does not know")
        })?;
        let actual = type_name(&send.success);
        let planned = op.success.as_ref().map(|s| s.type_name.clone());
        if actual.is_some() && actual != planned {
            let planned_impls = match (&op.paging, op.success.as_ref().is_some_and(|s| s.envelope))
            {
                (Some(_), _) => " (the plan's `Paged` and `Envelope` impls have no type to go on)",
                (None, true) => " (the plan's `Envelope` impl has no type to go on)",
                (None, false) => "",
            };
            return Err(format!(
                "the `send` of `{builder}` returns `{}`, where the plan expects `{}`{planned_impls}",
                actual.unwrap_or_default(),
                planned.unwrap_or_else(|| "no JSON body".into())
            ));
        }
        if let Some(success) = &op.success {
            envelope(
                emit,
                &success.type_name,
                success.envelope,
                &mut enveloped,
                &mut envelopes,
            )?;
        }
        if let Some(paging) = &op.paging {
            pages.push(pages::paged(emit, op, paging).map_err(|why| {
                format!(
                    "the plan pages `{}` (builder `{builder}`), but {why}",
                    op.id
                )
            })?);
        }
    }
    for (op, _) in plan.multipart() {
        if let Some(success) = &op.success {
            envelope(
                emit,
                &success.type_name,
                success.envelope,
                &mut enveloped,
                &mut envelopes,
            )?;
        }
    }
    let jobs = plan
        .jobs
        .iter()
        .map(|job| {
            jobs::job(emit, job)
                .map_err(|why| format!("the plan makes `{}` a job, but {why}", job.type_name))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let multipart_methods = plan
        .multipart()
        .map(|(op, form)| multipart::method(runtime, op, form));

    let retry_class = shared_retry_class(runtime)?;
    let code = quote! {
        impl ClientHooks<#runtime::Inner> for Client {
            async fn pre<E>(
                &self,
                request: &mut reqwest::Request,
                info: &OperationInfo,
            ) -> ::std::result::Result<(), progenitor_client::Error<E>> {
                // Reached only by code that bypasses the builders' `send`,
                // which passes each operation's own class: here the method
                // decides it.
                let call = #runtime::CallSpec {
                    operation_id: info.operation_id,
                    class: #runtime::RetryClass::for_method(request.method()),
                    options: ::std::default::Default::default(),
                };
                #runtime::pre(&self.inner, request, &call)
            }
            // No generated code calls this after the rewrite (every `send`
            // calls the runtime's `exec` itself); it is here because the
            // trait asks for it.
            #[allow(refining_impl_trait)]
            fn exec(
                &self,
                request: reqwest::Request,
                info: &OperationInfo,
            ) -> impl ::std::future::Future<Output = reqwest::Result<reqwest::Response>> + Send {
                let call = #runtime::CallSpec {
                    operation_id: info.operation_id,
                    class: #runtime::RetryClass::for_method(request.method()),
                    options: ::std::default::Default::default(),
                };
                async move {
                    // Such code has no `send` to hand the call's facts to.
                    #runtime::exec(&self.inner, &self.client, request, &call, None, &mut None).await
                }
            }
        }

        impl #runtime::GeneratedClient for Client {
            fn from_parts(base_url: &str, http: reqwest::Client, inner: #runtime::Inner, _: #runtime::Sealed) -> Self {
                Self::new_with_client(base_url, http, inner)
            }
            fn base_url(&self) -> &str { &self.baseurl }
            fn http(&self) -> &reqwest::Client { &self.client }
            fn inner(&self) -> &#runtime::Inner { &self.inner }
        }

        impl Client {
            /// A builder for a client: credentials, base URL, timeouts,
            /// retries, user agent, or your own `reqwest::Client`.
            pub fn builder() -> #runtime::ClientBuilder<Self> {
                #runtime::ClientBuilder::new()
            }

            /// A client configured from the environment: `HEYGEN_API_KEY`
            /// (required), `HEYGEN_BASE_URL`, `HEYGEN_MAX_RETRIES`.
            pub fn from_env() -> ::std::result::Result<Self, #runtime::Error> {
                #runtime::ClientBuilder::from_env()?.build()
            }

            /// A copy of this client (sharing its connection pool) that
            /// applies `policy` to the `Idempotency-Key` of mutating calls.
            pub fn with_idempotency(&self, policy: #runtime::Idempotency) -> Self {
                Self::new_with_client(&self.baseurl, self.client.clone(), self.inner.with_idempotency(policy))
            }

            /// The base URL requests go to.
            pub fn base_url(&self) -> &str { &self.baseurl }

            #(#multipart_methods)*
        }

        #(#envelopes)*
        #(#pages)*
        #(#jobs)*
        #retry_class
    };
    Ok(code)
}

/// The `Envelope` impl of a success type, once per type; checks that the
/// type has a `data` field exactly when the plan says it is an envelope.
fn envelope(
    emit: &Emit<'_>,
    name: &str,
    planned: bool,
    seen: &mut BTreeSet<String>,
    out: &mut Vec<TokenStream>,
) -> Result<(), String> {
    let data_ty = emit.types.field(name, "data");
    let Some(data_ty) = data_ty.filter(|_| planned) else {
        return match (planned, emit.types.fields(name).is_some()) {
            (true, _) => Err(format!(
                "the plan makes `{name}` an envelope, and the generated type has no field `data`"
            )),
            (false, true) if emit.types.field(name, "data").is_some() => Err(format!(
                "the generated type `{name}` has a field `data` the plan did not expect"
            )),
            _ => Ok(()),
        };
    };
    if !seen.insert(name.to_string()) {
        return Ok(());
    }
    let runtime = emit.runtime;
    let ident = format_ident!("{}", name);
    // `data: null` and no `data` are both "no data" here.
    let (data, _) = peel_options(&data_ty);
    let body = flatten(quote! { envelope.data }, &data_ty);
    out.push(quote! {
        #runtime::envelope!(types::#ident => #data, |envelope| #body);
    });
    Ok(())
}

/// The source of the one `RetryClass`, which the generator compiles too.
const RETRY_CLASS_SOURCE: &str = include_str!("../plan/retry_class.rs");

/// `pub mod retry_class { .. }` holding the generator's own `RetryClass`,
/// when the runtime is in the crate being generated (`crate::...`): that
/// runtime re-exports it, so both use one definition. A client generated
/// for another crate uses that crate's runtime, which has its own.
fn shared_retry_class(runtime: &syn::Path) -> Result<TokenStream, String> {
    let in_this_crate = runtime.leading_colon.is_none()
        && runtime.segments.first().is_some_and(|s| s.ident == "crate");
    if !in_this_crate {
        return Ok(TokenStream::new());
    }
    let file = syn::parse_file(RETRY_CLASS_SOURCE)
        .map_err(|e| format!("internal error: retry_class.rs does not parse: {e}"))?;
    let (attrs, items) = (&file.attrs, &file.items);
    Ok(quote! {
        pub mod retry_class {
            #(#attrs)*
            #(#items)*
        }
    })
}
