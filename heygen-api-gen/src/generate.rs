//! The orchestration: load is done, this runs every later step in order
//! and retries what can be retried.
//!
//! plan ([`crate::plan::prepare`]) -> progenitor on the plan's view (the
//! operations it rejects found by halving and left out) -> the rewrite
//! passes ([`crate::rewrite::run`], in the order listed there; an operation
//! whose request code they cannot rewrite is left out and progenitor runs
//! again) -> the plan settled on the final view -> the glue emitted from
//! the plan ([`crate::emit`]) -> prettyplease.
//!
//! Generated code names the hand-written runtime only through its hidden
//! seam module, `<runtime>::__private` (`crate::runtime::__private` in
//! `heygen-api`): each builder's request code calls its `pre`, `exec` and
//! `send` with the operation's `CallSpec`, and the glue implements its
//! traits (`GeneratedClient`, `Envelope`, `Paged`, `Job`).

use std::time::Instant;

use proc_macro2::TokenStream;
use quote::quote;
use syn::visit_mut::VisitMut;

use crate::emit::surface::Surface;
use crate::emit::types::{empty_enums, Types};
use crate::error::{GenError, Result};
use crate::plan::{naming, Plan};
use crate::rewrite::RewriteFailed;
use crate::spec::Spec;

/// What the generated code is wired to.
#[derive(Debug, Clone)]
pub struct Options {
    /// Path of the module that holds the hand-written runtime (`Inner`,
    /// `Error`, `Response`, ...): `crate::runtime` inside `heygen-api`,
    /// `::heygen_api::runtime` for a client generated into another crate.
    pub runtime: String,
    /// Also generate typed `httpmock` mocks (`Generated::mocks`). They cost
    /// about as much again as the client, so only builds that use them ask.
    pub mocks: bool,
    /// Generate only the operations with one of these tags (and those with
    /// no tag), and only the types they reach; `None` generates every
    /// operation. See [`operation_groups`](crate::operation_groups).
    pub tags: Option<std::collections::BTreeSet<String>>,
    /// For tests of the skipping machinery: the rewrite of these operations'
    /// request code (by progenitor's name, `get_tool`) fails as if it met a
    /// construct it cannot handle.
    #[doc(hidden)]
    pub fail_rewrite_of: Vec<String>,
    /// For tests of the naming checks: renames a type in progenitor's
    /// output (`(from, to)`), as a typify that names it differently would.
    #[doc(hidden)]
    pub rename_generated_type: Option<(String, String)>,
    /// What the compiler rejected in this document's client before
    /// (`cargo xtask update-spec` records it beside the document): those
    /// operations are left out and those schemas read as
    /// `serde_json::Value`, each with a warning.
    pub verdict: crate::Verdict,
    /// For tests of the compiler's verdict: the types of these component
    /// schemas are generated with a field of a type that does not exist, so
    /// that the client does not compile.
    #[doc(hidden)]
    pub break_schemas: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            runtime: "crate::runtime".to_string(),
            mocks: false,
            tags: None,
            fail_rewrite_of: Vec::new(),
            rename_generated_type: None,
            verdict: crate::Verdict::default(),
            break_schemas: Vec::new(),
        }
    }
}

/// How many operations a document may lose to failed rewrites before the
/// generator gives up on it: each one costs a run of progenitor.
const MAX_REWRITE_SKIPS: usize = 16;

/// Generated source and what it contains.
#[derive(Debug, Clone)]
pub struct Generated {
    /// Formatted Rust source of the client, ready to `include!`.
    pub code: String,
    /// Formatted Rust source of typed `httpmock` mocks for every operation;
    /// empty unless `Options::mocks` asked for them.
    pub mocks: String,
    /// The public surface: operations and types.
    pub surface: Surface,
    /// Milliseconds spent preparing, generating and formatting.
    pub millis: u128,
    /// What was mended, dropped or skipped, each with its location; the
    /// skipped operations are also in `surface.skipped`.
    pub warnings: Vec<crate::warning::Warning>,
}

impl Generated {
    /// How many operations the client has (skipped ones not counted).
    pub fn operations(&self) -> usize {
        self.surface.operations.len()
    }
    /// How many types the client has.
    pub fn types(&self) -> usize {
        self.surface.types.len()
    }
}

/// Stack of the thread that generation runs on. progenitor and typify
/// recurse through every level of schema nesting, at tens of KiB a level in
/// an unoptimised build (a schema 45 levels deep, under `MAX_DEPTH`,
/// overflowed the 2 MiB a spawned thread gets by default). Only the pages
/// actually used are committed.
const GENERATION_STACK: usize = 64 * 1024 * 1024;

/// Generates the client on a thread of its own, so the caller's stack size
/// (a test thread, a build script, a small worker) cannot decide whether a
/// document within the depth bound overflows it.
pub fn generate(spec: &Spec, options: &Options) -> Result<Generated> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("heygen-api-gen".into())
            .stack_size(GENERATION_STACK)
            .spawn_scoped(scope, || generate_here(spec, options))
            .map_err(|e| {
                GenError::new(
                    &spec.origin,
                    "",
                    format!("cannot start the generation thread: {e}"),
                )
            })?;
        worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

fn generate_here(spec: &Spec, options: &Options) -> Result<Generated> {
    generate_located(spec, options).map_err(|mut e| {
        e.origin = spec.origin_of(&e.pointer).to_string();
        e
    })
}

fn generate_located(spec: &Spec, options: &Options) -> Result<Generated> {
    let started = Instant::now();
    let origin = spec.origin.as_str();
    let selected;
    let doc = match &options.tags {
        Some(tags) => {
            selected = crate::plan::select::only_tags(&spec.normalised, tags);
            &selected
        }
        None => &spec.normalised,
    };
    let mut judged_warnings = Vec::new();
    let judged;
    let doc = if options.verdict.is_empty() {
        doc
    } else {
        judged = apply_verdict(doc, &options.verdict, origin, &mut judged_warnings);
        &judged
    };
    let (mut view, mut plan) = crate::plan::prepare(doc, origin)?;
    let mut warnings = spec.warnings.clone();
    warnings.append(&mut judged_warnings);
    warnings.append(&mut plan.warnings);
    // Generated code names the runtime only through its one hidden seam
    // module, so what it depends on is listed in one place.
    let seam = format!("{}::__private", options.runtime);
    let runtime: syn::Path = syn::parse_str(&seam).map_err(|_| {
        GenError::new(
            origin,
            "",
            format!("runtime path `{}` is not a Rust path", options.runtime),
        )
    })?;

    let mut settings = progenitor_impl::GenerationSettings::new();
    settings
        .with_interface(progenitor_impl::InterfaceStyle::Builder)
        .with_tag(progenitor_impl::TagStyle::Merged)
        .with_hooks(progenitor_impl::HooksMode::Expected)
        .with_inner_type(quote! { #runtime::Inner })
        .with_derive("schemars::JsonSchema");
    // A rewrite that fails on an operation leaves that operation out, and
    // the document is generated again without it.
    let mut rewrite_skips = 0;
    let (mut file, mock_tokens, rewritten) = loop {
        let (tokens, mock_tokens) = crate::progenitor::generate_skipping(
            &mut view,
            &settings,
            options.mocks,
            origin,
            &mut warnings,
        )?;
        // Warnings about this round's code are kept only if it is the last.
        let mut found = Vec::new();
        let mut file = parse_generated(tokens, origin, &view, &mut found)?;
        if let Some((from, to)) = &options.rename_generated_type {
            RenameIdent { from, to }.visit_file_mut(&mut file);
        }
        break_schemas(&mut file, &options.break_schemas);
        let cx = crate::rewrite::Context {
            plan: &plan,
            runtime: &runtime,
            view: &view,
            fail_rewrite_of: &options.fail_rewrite_of,
        };
        match crate::rewrite::run(&mut file, &cx) {
            Ok(rewritten) => {
                warnings.append(&mut found);
                break (file, mock_tokens, rewritten);
            }
            Err(failed) if rewrite_skips < MAX_REWRITE_SKIPS => {
                rewrite_skips += 1;
                leave_out(&mut view, &plan, &failed, origin, &mut warnings)?;
            }
            Err(failed) => {
                return Err(GenError::new(
                    origin,
                    "/paths",
                    format!(
                        "the rewrites failed on more than {MAX_REWRITE_SKIPS} operations; the last, `{}`: {}",
                        failed.operation, failed.why
                    ),
                ))
            }
        }
    };
    // What progenitor kept is final: the plan forgets what it dropped and
    // decides envelopes, pages and jobs.
    crate::plan::settle(&mut plan, &view);
    let types = Types::read(&file);
    let emit = crate::emit::Emit {
        runtime: &runtime,
        plan: &plan,
        types: &types,
        sends: &rewritten.sends,
    };
    let glue = crate::emit::glue(&emit).map_err(|why| {
        GenError::new(
            origin,
            "",
            format!("the generated code does not match the plan: {why}"),
        )
    })?;
    let glue: syn::File = syn::parse2(glue).map_err(|e| {
        GenError::new(
            origin,
            "",
            format!("internal error: glue code does not parse: {e}"),
        )
    })?;
    file.items.extend(glue.items);

    let mut surface = Surface::from_generated(&plan, &file, &rewritten.dispatched);
    surface.skipped = warnings
        .iter()
        .filter(|w| w.skipped)
        .map(|w| {
            format!(
                "skipped {} {} {}: {}",
                w.method, w.path, w.operation_id, w.reason
            )
        })
        .collect();
    surface.skipped.sort();
    let code = prettyplease::unparse(&file);
    let mocks = match mock_tokens {
        Some(tokens) => {
            let mut mocks: syn::File = syn::parse2(tokens).map_err(|e| {
                GenError::new(
                    origin,
                    "",
                    format!("progenitor produced unparsable mocks: {e}"),
                )
            })?;
            crate::rewrite::rewrite_mocks(&mut mocks, &plan, &runtime, &view);
            prettyplease::unparse(&mocks)
        }
        None => String::new(),
    };
    for w in &mut warnings {
        w.origin = spec.origin_of(&w.pointer).to_string();
    }
    Ok(Generated {
        code,
        mocks,
        surface,
        millis: started.elapsed().as_millis(),
        warnings,
    })
}

/// progenitor's output as syntax, with a warning for each enum nothing
/// decodes into.
fn parse_generated(
    tokens: TokenStream,
    origin: &str,
    view: &serde_json::Value,
    warnings: &mut Vec<crate::warning::Warning>,
) -> Result<syn::File> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| {
        GenError::new(
            origin,
            "",
            format!("progenitor produced unparsable code: {e}"),
        )
    })?;
    for name in empty_enums(&file) {
        let component = view
            .pointer("/components/schemas")
            .and_then(serde_json::Value::as_object)
            .and_then(|m| m.keys().find(|k| naming::component_type(k) == name))
            .map(|k| crate::pointer::child("/components/schemas", k))
            .unwrap_or_default();
        warnings.push(crate::warning::Warning::new(
            origin,
            &component,
            format!("unsatisfiable schema: no value is valid for it, so `{name}` is an enum without variants that nothing decodes into"),
        ));
    }
    Ok(file)
}

/// The document with the compiler's earlier verdict applied: its operations
/// left out, its schemas read as any value; a warning locates each. A name
/// the document no longer has is only a warning: the next `update-spec`
/// writes the verdict again.
fn apply_verdict(
    doc: &serde_json::Value,
    verdict: &crate::Verdict,
    origin: &str,
    warnings: &mut Vec<crate::warning::Warning>,
) -> serde_json::Value {
    const WHY: &str = "the code generated for it did not compile (found by `cargo xtask update-spec`, recorded beside the document)";
    let mut out = crate::progenitor::as_any(doc, &verdict.schemas);
    for name in &verdict.schemas {
        let pointer = crate::pointer::child("/components/schemas", name);
        let reason = if doc.pointer(&pointer).is_some() {
            format!("read as `serde_json::Value`: {WHY}")
        } else {
            "the recorded verdict names a schema the document does not have".to_string()
        };
        warnings.push(crate::warning::Warning::new(origin, &pointer, reason));
    }
    for id in &verdict.operations {
        let found = crate::openapi::operations(doc)
            .into_iter()
            .find(|o| o.id == id.as_str())
            .map(|o| (o.path.to_string(), o.method.to_string()));
        match found {
            Some((path, method)) => {
                let pointer = crate::pointer::operation(&path, &method);
                warnings.push(
                    crate::warning::Warning::new(
                        origin,
                        &pointer,
                        format!("operation left out: {WHY}"),
                    )
                    .skipping()
                    .locate(doc),
                );
                crate::progenitor::drop_operation(&mut out, &path, &method);
            }
            None => warnings.push(crate::warning::Warning::new(
                origin,
                "/paths",
                format!(
                    "the recorded verdict names an operation `{id}` the document does not have"
                ),
            )),
        }
    }
    out
}

/// The test hook of [`Options::break_schemas`].
fn break_schemas(file: &mut syn::File, schemas: &[String]) {
    if schemas.is_empty() {
        return;
    }
    let names: Vec<String> = schemas.iter().map(|s| naming::component_type(s)).collect();
    for item in crate::rewrite::types_items(file).into_iter().flatten() {
        if let syn::Item::Struct(s) = item {
            if names.contains(&s.ident.to_string()) {
                if let syn::Fields::Named(fields) = &mut s.fields {
                    fields
                        .named
                        .push(syn::parse_quote!(pub broken_by_a_test_hook: NoSuchTypeAnywhere));
                }
            }
        }
    }
}

/// The test hook of [`Options::rename_generated_type`]: every identifier
/// `from` becomes `to`.
struct RenameIdent<'a> {
    from: &'a str,
    to: &'a str,
}

impl VisitMut for RenameIdent<'_> {
    fn visit_ident_mut(&mut self, ident: &mut proc_macro2::Ident) {
        if ident == self.from {
            *ident = proc_macro2::Ident::new(self.to, ident.span());
        }
    }
}

/// Leaves out the operation a rewrite failed on, with a warning that
/// locates it, as progenitor's rejections are left out.
fn leave_out(
    doc: &mut serde_json::Value,
    plan: &Plan,
    failed: &RewriteFailed,
    origin: &str,
    warnings: &mut Vec<crate::warning::Warning>,
) -> Result<()> {
    let found = plan
        .by_rust_method(&failed.operation)
        .map(|o| (o.path.clone(), o.method.clone()));
    let Some((path, method)) = found else {
        return Err(GenError::new(
            origin,
            "/paths",
            format!(
                "internal error: the rewrite of `{}` failed ({}), and no operation of the document has that name",
                failed.operation, failed.why
            ),
        ));
    };
    let pointer = crate::pointer::operation(&path, &method);
    warnings.push(
        crate::warning::Warning::new(
            origin,
            &pointer,
            format!(
                "operation left out: the generator cannot rewrite its request code: {}",
                failed.why
            ),
        )
        .skipping()
        .locate(doc),
    );
    crate::progenitor::drop_operation(doc, &path, &method);
    Ok(())
}
