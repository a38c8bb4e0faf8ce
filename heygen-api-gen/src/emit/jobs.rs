//! `Job` for the types the plan says are jobs: what `wait_for` reads of
//! one (its status, progress, id, failure and result link), from fields
//! whose names HeyGen uses.

use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::context::Emit;
use super::types::{flatten, peel_options, type_name};
use crate::plan::JobPlan;

/// The fields that hold a job's result as a download link, the first one
/// present winning: a video's, an audio's or an image's URL, then the
/// generic names.
const JOB_OUTPUT_URLS: &[&str] = &[
    "video_url",
    "audio_url",
    "image_url",
    "output_url",
    "result_url",
    "download_url",
    "url",
];

/// The `Job` impl of `job`'s type; `Err` says what the generated type lacks
/// that the plan promised.
pub(super) fn job(emit: &Emit<'_>, job: &JobPlan) -> Result<TokenStream, String> {
    let runtime = emit.runtime;
    let name = &job.type_name;
    let terminal = &job.terminal;
    let fields = emit
        .types
        .fields(name)
        .ok_or_else(|| format!("the job type `{name}` is not a struct of the generated types"))?;
    let (_, status_ty) = fields
        .iter()
        .find(|(n, _)| n == "status")
        .ok_or_else(|| format!("the job type `{name}` has no field `status`"))?;
    let (status_inner, _) = peel_options(status_ty);
    let is_string = crate::syntax::type_is(&status_inner, &["String"]);
    let known: Vec<&String> =
        match type_name(&status_inner).and_then(|n| emit.types.string_enums.get(&n)) {
            Some(values) => values.iter().collect(),
            None if is_string => Vec::new(),
            None => {
                return Err(format!(
                    "the `status` of the job type `{name}` is neither a string nor a string enum"
                ))
            }
        };
    let ident = format_ident!("{}", name);
    let status = match peel_options(status_ty).1 {
        0 => quote! { Some(self.status.to_string()) },
        1 => quote! { self.status.as_ref().map(|s| s.to_string()) },
        _ => quote! { self.status.as_ref().and_then(|s| s.as_ref()).map(|s| s.to_string()) },
    };
    let progress = fields
        .iter()
        .find(|(n, _)| n == "progress")
        .filter(|(_, t)| {
            crate::syntax::type_is(
                &peel_options(t).0,
                &["f64", "f32", "i64", "u64", "i32", "u32"],
            )
        })
        .map(|(_, t)| {
            let value = flatten(quote! { self.progress }, t);
            quote! { #value.map(|p| p as f64) }
        })
        .unwrap_or_else(|| quote! { None });
    // Text fields the wait reports: the job's id, HeyGen's failure
    // code and message, and the URL of its result (which can lag the
    // completed status). Each is a string field under any `Option`s.
    let text_field = |names: &[&str]| {
        names.iter().find_map(|name| {
            let (_, ty) = fields.iter().find(|(n, _)| n == name)?;
            let (inner, layers) = peel_options(ty);
            if !crate::syntax::type_is(&inner, &["String"]) {
                return None;
            }
            let field = format_ident!("{}", name);
            let value = if layers == 0 {
                quote! { ::std::option::Option::Some(self.#field.clone()) }
            } else {
                let ands = (1..layers).map(|_| quote! { .and_then(|v| v.as_ref()) });
                quote! { self.#field.as_ref() #(#ands)* .cloned() }
            };
            Some(value)
        })
    };
    let none = || quote! { ::std::option::Option::None };
    // `id`, or the `<x>_id` whose `<x>` the type is named after
    // (`render_id` of `RenderDetail`, `session_id` of `StudioSession`).
    let snake = name.to_snake_case();
    let own_id: Vec<&str> = fields
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| {
            n.strip_suffix("_id")
                .is_some_and(|stem| !stem.is_empty() && snake.contains(stem))
        })
        .collect();
    let id = text_field(&["id"])
        .or_else(|| text_field(&own_id))
        .unwrap_or_else(none);
    let failure_code = text_field(&["failure_code", "error_code"]).unwrap_or_else(none);
    let failure_message = text_field(&["failure_message", "error_message"]).unwrap_or_else(none);
    let output = text_field(JOB_OUTPUT_URLS);
    let has_output = output.is_some();
    let output = output.unwrap_or_else(none);
    Ok(quote! {
        impl #runtime::Job for types::#ident {
            fn status(&self) -> ::std::option::Option<::std::string::String> { #status }
            fn progress(&self) -> ::std::option::Option<f64> { #progress }
            fn known_statuses() -> &'static [&'static str] { &[#(#known),*] }
            fn terminal_statuses() -> &'static [&'static str] { &[#(#terminal),*] }
            fn id(&self) -> ::std::option::Option<::std::string::String> { #id }
            fn failure_code(&self) -> ::std::option::Option<::std::string::String> { #failure_code }
            fn failure_message(&self) -> ::std::option::Option<::std::string::String> { #failure_message }
            fn output_url(&self) -> ::std::option::Option<::std::string::String> { #output }
            fn has_output_url() -> bool { #has_output }
        }
    })
}
