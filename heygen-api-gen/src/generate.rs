//! Runs progenitor on a prepared document and ties the result to the
//! hand-written runtime.
//!
//! The seam is small on purpose. Generated code calls the runtime in four
//! places only: the `ClientHooks` impl (auth, idempotency, retries), each
//! builder's `send` (through the runtime's `send`, which turns progenitor's
//! results into the one `Error` and a `Response`), `encode_path`, and the
//! traits that give envelopes, pages and multipart calls their behaviour.

use std::collections::BTreeMap;
use std::time::Instant;

use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};
use serde_json::Value;
use syn::visit_mut::VisitMut;

use crate::error::{GenError, Result};
use crate::prepare::{prepare, MultipartOperation, RetryClass};
use crate::surface::Surface;
use crate::syntax::{binds, is_name, path_ends_with};
use crate::Spec;

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
}

impl Default for Options {
    fn default() -> Self {
        Options {
            runtime: "crate::runtime".to_string(),
            mocks: false,
            tags: None,
            fail_rewrite_of: Vec::new(),
        }
    }
}

/// A rewrite that could not handle one operation's request code: the
/// operation is left out, as one progenitor rejects is.
#[derive(Debug)]
struct RewriteFailed {
    /// progenitor's name of the operation (`get_tool`).
    operation: String,
    why: String,
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
    pub warnings: Vec<crate::Warning>,
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

/// What one builder's `send` returns, read back from progenitor's output.
struct SendInfo {
    builder: syn::Ident,
    /// `types::X` for JSON bodies, `ByteStream` or `()` otherwise.
    success: syn::Type,
    /// The builder's field that holds the call's `CallOptions`.
    options: syn::Ident,
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
            selected = crate::select::only_tags(&spec.normalised, tags);
            &selected
        }
        None => &spec.normalised,
    };
    let mut prepared = prepare(doc, origin)?;
    let mut warnings = spec.warnings.clone();
    warnings.append(&mut prepared.warnings);
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
    let (mut file, mock_tokens, sends, dispatched, classes) = loop {
        let (tokens, mock_tokens) = generate_skipping(
            &mut prepared.doc,
            &settings,
            options.mocks,
            origin,
            &mut warnings,
        )?;
        // Warnings about this round's code are kept only if it is the last.
        let mut found = Vec::new();
        let mut file = parse_generated(tokens, origin, &prepared, &mut found)?;
        let classes = progenitor_classes(&prepared.retry_classes);
        let mut dispatched = BTreeMap::new();
        match rewrite(
            &mut file,
            &runtime,
            &prepared.doc,
            &classes,
            &mut dispatched,
            &options.fail_rewrite_of,
        ) {
            Ok(sends) => {
                warnings.append(&mut found);
                break (file, mock_tokens, sends, dispatched, classes);
            }
            Err(failed) if rewrite_skips < MAX_REWRITE_SKIPS => {
                rewrite_skips += 1;
                leave_out(&mut prepared.doc, &failed, origin, &mut warnings)?;
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
    document_client_methods(&mut file, &classes);
    crate::request_builders::keep_request_builders(&mut file);
    crate::schema_feature::gate_schemas(&mut file);
    let structs = struct_fields(&file);
    let string_enums = string_enums(&file);
    let glue = glue(
        &runtime,
        &sends,
        &structs,
        &string_enums,
        &prepared.doc,
        &prepared.multipart,
    );
    let glue: syn::File = syn::parse2(glue).map_err(|e| {
        GenError::new(
            origin,
            "",
            format!("internal error: glue code does not parse: {e}"),
        )
    })?;
    file.items.extend(glue.items);

    let mut surface =
        Surface::from_generated(&prepared.doc, &file, &prepared.multipart, &dispatched);
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
            WireNames(&prepared.renamed).visit_file_mut(&mut mocks);
            rewrite_mocks(&mut mocks, &runtime, &prepared.doc);
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

/// progenitor's output as syntax, its name mapping for renamed query
/// parameters undone, with a warning for each enum nothing decodes into.
fn parse_generated(
    tokens: TokenStream,
    origin: &str,
    prepared: &crate::prepare::Prepared,
    warnings: &mut Vec<crate::Warning>,
) -> Result<syn::File> {
    let mut file: syn::File = syn::parse2(tokens).map_err(|e| {
        GenError::new(
            origin,
            "",
            format!("progenitor produced unparsable code: {e}"),
        )
    })?;
    for name in empty_enums(&file) {
        let component = prepared
            .doc
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .and_then(|m| {
                m.keys()
                    .find(|k| heck::ToPascalCase::to_pascal_case(k.as_str()) == name)
            })
            .map(|k| crate::error::child("/components/schemas", k))
            .unwrap_or_default();
        warnings.push(crate::Warning::new(
            origin,
            &component,
            format!("unsatisfiable schema: no value is valid for it, so `{name}` is an enum without variants that nothing decodes into"),
        ));
    }
    WireNames(&prepared.renamed).visit_file_mut(&mut file);
    Ok(file)
}

/// Leaves out the operation a rewrite failed on, with a warning that
/// locates it, as progenitor's rejections are left out.
fn leave_out(
    doc: &mut Value,
    failed: &RewriteFailed,
    origin: &str,
    warnings: &mut Vec<crate::Warning>,
) -> Result<()> {
    let found = crate::prepare::operations(doc)
        .into_iter()
        .find(|o| progenitor_operation_id(o.id) == failed.operation)
        .map(|o| (o.path.to_string(), o.method.to_string()));
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
    let pointer = crate::error::child(&crate::error::child("/paths", &path), &method);
    warnings.push(
        crate::Warning::new(
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
    drop_operation(doc, &path, &method);
    Ok(())
}

/// Removes the operation `method` of `path` from the document.
fn drop_operation(doc: &mut Value, path: &str, method: &str) {
    if let Some(item) = doc
        .get_mut("paths")
        .and_then(|p| p.get_mut(path))
        .and_then(Value::as_object_mut)
    {
        item.remove(method);
    }
}

type Tokens = (TokenStream, Option<TokenStream>);

/// Runs progenitor (and its mocks) on a prepared document; the error is
/// progenitor's or typify's own message.
fn run_progenitor(
    doc: &Value,
    settings: &progenitor_impl::GenerationSettings,
    mocks: bool,
) -> std::result::Result<Tokens, String> {
    let openapi: openapiv3::OpenAPI = serde_json::from_value(doc.clone())
        .map_err(|e| format!("not valid OpenAPI 3.0 once normalised: {e}"))?;
    let mut generator = progenitor_impl::Generator::new(settings);
    let tokens = guarded(|| generator.generate_tokens(&openapi))?;
    let mock_tokens = if mocks {
        Some(guarded(|| generator.httpmock(&openapi, "crate"))?)
    } else {
        None
    };
    Ok((tokens, mock_tokens))
}

/// Generates the document; when progenitor fails on it, finds the
/// operations it fails on (halving the set of operations until each culprit
/// stands alone) and generates the rest without them, with a warning for
/// each. Its messages name no location, so the search is what locates them.
fn generate_skipping(
    doc: &mut Value,
    settings: &progenitor_impl::GenerationSettings,
    mocks: bool,
    origin: &str,
    warnings: &mut Vec<crate::Warning>,
) -> Result<Tokens> {
    let first = match run_progenitor(doc, settings, mocks) {
        Ok(tokens) => return Ok(tokens),
        Err(e) => e,
    };
    let all: Vec<(String, String)> = crate::prepare::operations(doc)
        .iter()
        .map(|o| (o.path.to_string(), o.method.to_string()))
        .collect();
    if let Err(e) = run_progenitor(&only(doc, &[]), settings, mocks) {
        // A component schema typify cannot map: find which (replacing
        // schemas by "any value" until the components map) and read those
        // as any JSON value.
        let bare = only(doc, &[]);
        let names: Vec<String> = bare
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        let fixes = |set: &[String]| run_progenitor(&as_any(&bare, set), settings, mocks).is_ok();
        if names.is_empty() || !fixes(&names) {
            let pointer = culprit_component(doc).unwrap_or_else(|| "/components".to_string());
            return Err(GenError::new(
                origin,
                &pointer,
                format!("progenitor could not map the document's components: {e}"),
            ));
        }
        for name in schema_culprits(&[], &names, &fixes) {
            let pointer = crate::error::child("/components/schemas", &name);
            warnings.push(crate::Warning::new(
                origin,
                &pointer,
                format!("schema read as any JSON value (`serde_json::Value`): typify cannot map it: {e}"),
            ));
            *doc = as_any(doc, &[name]);
        }
        if let Ok(tokens) = run_progenitor(doc, settings, mocks) {
            return Ok(tokens);
        }
    }
    let mut culprits = Vec::new();
    find_culprits(doc, &all, settings, mocks, &mut culprits);
    if culprits.is_empty() {
        return Err(GenError::new(
            origin,
            "/paths",
            format!(
                "progenitor could not map the operations together, though each maps alone: {first}"
            ),
        ));
    }
    for ((path, method), why) in culprits {
        let pointer = crate::error::child(&crate::error::child("/paths", &path), &method);
        warnings.push(
            crate::Warning::new(
                origin,
                &pointer,
                format!("operation left out: progenitor cannot map it: {why}"),
            )
            .skipping()
            .locate(doc),
        );
        drop_operation(doc, &path, &method);
    }
    run_progenitor(doc, settings, mocks).map_err(|e| {
        GenError::new(
            origin,
            "/paths",
            format!(
                "progenitor could not map the document without the operations it failed on: {e}"
            ),
        )
    })
}

fn find_culprits(
    doc: &Value,
    ops: &[(String, String)],
    settings: &progenitor_impl::GenerationSettings,
    mocks: bool,
    out: &mut Vec<((String, String), String)>,
) {
    if ops.is_empty() {
        return;
    }
    let Err(e) = run_progenitor(&only(doc, ops), settings, mocks) else {
        return;
    };
    if ops.len() == 1 {
        out.push((ops[0].clone(), e));
        return;
    }
    let (a, b) = ops.split_at(ops.len() / 2);
    find_culprits(doc, a, settings, mocks, out);
    find_culprits(doc, b, settings, mocks, out);
}

/// The component schemas (a smallest set found by halving) that, read as
/// any value, make the components map. `fixed` are already replaced and do
/// not suffice; replacing `fixed` and `candidates` does.
fn schema_culprits(
    fixed: &[String],
    candidates: &[String],
    fixes: &dyn Fn(&[String]) -> bool,
) -> Vec<String> {
    if candidates.len() <= 1 {
        return candidates.to_vec();
    }
    let (a, b) = candidates.split_at(candidates.len() / 2);
    let with = |extra: &[String]| -> Vec<String> { fixed.iter().chain(extra).cloned().collect() };
    if fixes(&with(a)) {
        return schema_culprits(fixed, a, fixes);
    }
    let in_b = schema_culprits(&with(a), b, fixes);
    if fixes(&with(&in_b)) {
        return in_b;
    }
    let mut out = schema_culprits(&with(&in_b), a, fixes);
    out.extend(in_b);
    out
}

/// The document with the named component schemas replaced by `{}`.
fn as_any(doc: &Value, names: &[String]) -> Value {
    let mut out = doc.clone();
    if let Some(schemas) = out
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for name in names {
            if let Some(s) = schemas.get_mut(name) {
                *s = serde_json::json!({});
            }
        }
    }
    out
}

/// The document with only the given operations (and all its components).
fn only(doc: &Value, ops: &[(String, String)]) -> Value {
    let mut out = doc.clone();
    if let Some(paths) = out.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            if let Some(item) = item.as_object_mut() {
                item.retain(|k, _| {
                    !crate::normalise::HTTP_METHODS.contains(&k.as_str())
                        || ops.iter().any(|(p, m)| p == path && m == k)
                });
            }
        }
        paths.retain(|_, item| {
            item.as_object().is_some_and(|o| {
                o.keys()
                    .any(|k| crate::normalise::HTTP_METHODS.contains(&k.as_str()))
            })
        });
    }
    out
}

/// The first component schema that is not an OpenAPI 3.0 schema on its own.
fn culprit_component(doc: &Value) -> Option<String> {
    let schemas = doc.pointer("/components/schemas")?.as_object()?;
    schemas.iter().find_map(|(name, schema)| {
        serde_json::from_value::<openapiv3::ReferenceOr<openapiv3::Schema>>(schema.clone())
            .is_err()
            .then(|| crate::error::child("/components/schemas", name))
    })
}

/// progenitor reports some unsupported shapes by panicking; turn that into
/// an error message.
fn guarded<T>(f: impl FnOnce() -> progenitor_impl::Result<T>) -> std::result::Result<T, String> {
    let previous = std::panic::take_hook();
    if std::env::var_os("HEYGEN_GEN_PANICS").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(previous);
    match outcome {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(tidy(&e.to_string())),
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown cause");
            Err(tidy(what))
        }
    }
}

/// typify's messages can be a multi-line `Debug` dump of a schema; the
/// pointer says where, so one line of it is enough.
fn tidy(message: &str) -> String {
    let flat: String = message.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 160 {
        format!("{}...", flat.chars().take(160).collect::<String>())
    } else {
        flat
    }
}

/// Edits progenitor's output in place:
/// - responses never reject unknown fields (forward compatibility);
/// - string enums keep values they do not know;
/// - bodies keep absent, `null` and `[]` apart (`fidelity`);
/// - every builder's `send` returns the runtime's `Response`/`Error`;
/// - path segments go through the runtime's stricter `encode_path`.
fn rewrite(
    file: &mut syn::File,
    runtime: &syn::Path,
    doc: &Value,
    classes: &BTreeMap<String, RetryClass>,
    dispatched: &mut BTreeMap<String, String>,
    fail_rewrite_of: &[String],
) -> std::result::Result<Vec<SendInfo>, RewriteFailed> {
    let mut sends = Vec::new();
    for item in &mut file.items {
        match item {
            syn::Item::Mod(m) if m.ident == "types" => {
                if let Some((_, items)) = &mut m.content {
                    dispatched.extend(crate::open_types::open_up(items));
                    crate::newtypes::display_string_newtypes(items);
                    crate::fidelity::keep_what_was_sent(items, doc);
                }
            }
            syn::Item::Mod(m) if m.ident == "builder" => {
                if let Some((_, items)) = &mut m.content {
                    let mut with_options = Vec::new();
                    for item in items.iter_mut() {
                        if let syn::Item::Impl(imp) = item {
                            if let Some(info) =
                                rewrite_send(imp, runtime, classes, fail_rewrite_of)?
                            {
                                with_options.push((info.builder.clone(), info.options.clone()));
                                sends.push(info);
                            }
                        }
                    }
                    for item in items.iter_mut() {
                        if let syn::Item::Struct(s) = item {
                            if let Some((_, field)) =
                                with_options.iter().find(|(builder, _)| *builder == s.ident)
                            {
                                add_options_field(s, field, runtime);
                            }
                        }
                    }
                }
            }
            // progenitor's constructors take any `reqwest::Client` and the
            // settings, credentials included: one that follows redirects
            // would carry the key to another host. Only the builder
            // (through `GeneratedClient::from_parts`) makes a client.
            syn::Item::Impl(imp)
                if imp.trait_.is_none()
                    && matches!(&*imp.self_ty, syn::Type::Path(p) if p.path.is_ident("Client")) =>
            {
                for item in &mut imp.items {
                    if let syn::ImplItem::Fn(f) = item {
                        if f.sig.ident == "new" || f.sig.ident == "new_with_client" {
                            f.vis = syn::parse_quote! { pub(crate) };
                        }
                    }
                }
            }
            // `use progenitor_client::{encode_path, ...}` -> drop ours in.
            syn::Item::Use(u)
                if matches!(u.vis, syn::Visibility::Inherited)
                    && use_names(&u.tree, "encode_path") =>
            {
                *item = syn::parse_quote! {
                    #[allow(unused_imports)]
                    use progenitor_client::{ClientHooks, OperationInfo, RequestBuilderExt};
                };
            }
            _ => {}
        }
    }
    file.items.insert(
        0,
        syn::parse_quote! {
            #[allow(unused_imports)]
            use #runtime::encode_path;
        },
    );
    Ok(sends)
}

/// The operation ids progenitor writes into `OperationInfo` (its snake-case
/// sanitising of each operationId), with the class `prepare` gave each.
/// Every id found in the generated code must be here: `rewrite` checks, so
/// a progenitor that names operations differently fails generation instead
/// of silently giving an operation the wrong class.
fn progenitor_classes(classes: &[(String, RetryClass)]) -> BTreeMap<String, RetryClass> {
    classes
        .iter()
        .map(|(id, class)| (progenitor_operation_id(id), *class))
        .collect()
}

fn progenitor_operation_id(id: &str) -> String {
    let cleaned: String = id
        .replace('\'', "")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let snake = cleaned.to_snake_case();
    match snake.chars().next() {
        None => "x".to_string(),
        Some(c) if c.is_alphabetic() || c == '_' => snake,
        Some(_) => format!("_{snake}"),
    }
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

/// Adds the retry class to the docs of every `Client` method that starts
/// an operation.
fn document_client_methods(file: &mut syn::File, classes: &BTreeMap<String, RetryClass>) {
    for item in &mut file.items {
        let syn::Item::Impl(imp) = item else { continue };
        let is_client = imp.trait_.is_none()
            && matches!(&*imp.self_ty, syn::Type::Path(p) if p.path.is_ident("Client"));
        if !is_client {
            continue;
        }
        for item in &mut imp.items {
            if let syn::ImplItem::Fn(f) = item {
                // progenitor's usage sketch names variables it never
                // defines: shown as text, not as an `ignore`d Rust example.
                for attr in &mut f.attrs {
                    if let syn::Meta::NameValue(nv) = &mut attr.meta {
                        if let syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(text),
                            ..
                        }) = &nv.value
                        {
                            if nv.path.is_ident("doc") && text.value().contains("```ignore") {
                                let shown = text.value().replace("```ignore", "```text");
                                nv.value = syn::parse_quote! { #shown };
                            }
                        }
                    }
                }
                if let Some(class) = classes.get(&f.sig.ident.to_string()) {
                    let doc = format!("\n\n{}", class.doc());
                    f.attrs.push(syn::parse_quote! { #[doc = #doc] });
                }
            }
        }
    }
}

fn rewrite_send(
    imp: &mut syn::ItemImpl,
    runtime: &syn::Path,
    classes: &BTreeMap<String, RetryClass>,
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
    let class = *classes.get(&operation_id).ok_or_else(|| {
        failed(format!("progenitor generated the operation `{operation_id}`, which the retry classes do not know"))
    })?;
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
    let names = crate::bindings::Bindings::read(&original.block).ok_or_else(|| {
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
    let borrowed = imp.generics.lifetimes().next().map(|l| &l.lifetime);
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
    add_call_options(imp, runtime, &options_field);
    Ok(Some(SendInfo {
        builder,
        success,
        options: options_field,
    }))
}

/// The field that holds a call's own options (`CallOptions`), under the
/// name `Bindings` chose free of the builder's parameters.
fn add_options_field(s: &mut syn::ItemStruct, name: &syn::Ident, runtime: &syn::Path) {
    if let syn::Fields::Named(fields) = &mut s.fields {
        fields
            .named
            .push(syn::parse_quote!(#name: #runtime::CallOptions));
    }
}

/// Per-call options on an operation's builder: the field starts empty in
/// `new`, `send_raw` leaves it to `send` (which moves it into the call's
/// `CallSpec`), and the setters `timeout`, `deadline`, `max_retries`,
/// `header` and `call_options` fill it. A setter whose name a parameter
/// already uses is left out: `call_options` still reaches every option.
fn add_call_options(imp: &mut syn::ItemImpl, runtime: &syn::Path, field: &syn::Ident) {
    let taken: Vec<String> = imp
        .items
        .iter()
        .filter_map(|i| match i {
            syn::ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
            _ => None,
        })
        .collect();
    for item in &mut imp.items {
        let syn::ImplItem::Fn(f) = item else { continue };
        if f.sig.ident == "new" {
            for stmt in &mut f.block.stmts {
                if let syn::Stmt::Expr(syn::Expr::Struct(init), _) = stmt {
                    init.fields
                        .push(syn::parse_quote!(#field: ::std::default::Default::default()));
                }
            }
        } else if f.sig.ident == "send_raw" {
            // `let Self { client, .. } = self;`: the options went to `send`.
            for stmt in &mut f.block.stmts {
                if let syn::Stmt::Local(local) = stmt {
                    if let syn::Pat::Struct(pattern) = &mut local.pat {
                        if pattern.path.is_ident("Self") && pattern.rest.is_none() {
                            pattern.rest = Some(syn::PatRest {
                                attrs: Vec::new(),
                                dot2_token: Default::default(),
                            });
                        }
                    }
                }
            }
        }
    }
    let setters: [(&str, syn::ImplItem); 5] = [
        (
            "timeout",
            syn::parse_quote! {
                /// How long each attempt of this call may take, instead of the client's timeout.
                pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
                    self.#field = self.#field.timeout(timeout);
                    self
                }
            },
        ),
        (
            "deadline",
            syn::parse_quote! {
                /// How long this call may take in all, retries included, instead of the client's deadline.
                pub fn deadline(mut self, deadline: ::std::time::Duration) -> Self {
                    self.#field = self.#field.deadline(deadline);
                    self
                }
            },
        ),
        (
            "max_retries",
            syn::parse_quote! {
                /// How many times this call may be sent again, instead of the client's limit.
                pub fn max_retries(mut self, retries: u32) -> Self {
                    self.#field = self.#field.max_retries(retries);
                    self
                }
            },
        ),
        (
            "header",
            syn::parse_quote! {
                /// Adds a header to this call; see [`CallOptions::header`](crate::CallOptions::header) for the headers it refuses.
                pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
                    self.#field = self.#field.header(name, value);
                    self
                }
            },
        ),
        (
            "call_options",
            syn::parse_quote! {
                /// Replaces this call's options with `options`.
                pub fn call_options(mut self, options: #runtime::CallOptions) -> Self {
                    self.#field = options;
                    self
                }
            },
        ),
    ];
    for (name, setter) in setters {
        if !taken.iter().any(|t| t == name) {
            imp.items.push(setter);
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

/// Work progenitor's request building does on every call and need not:
/// - the URL written out whole and parsed by reqwest, host and all: see
///   `url_from_parsed_base`;
/// - `encode_path(&value.to_string())` -> `encode_path(&value)`: the
///   runtime's `encode_path` encodes any `Display` as the URL is formatted;
/// - `HeaderMap::with_capacity(n)` -> `HeaderMap::new()`: most calls set
///   none of an operation's optional headers, and an empty map allocates
///   nothing (the first insert sizes it as `with_capacity` would have).
struct FewerAllocations<'a> {
    runtime: &'a syn::Path,
    names: &'a crate::bindings::Bindings,
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
struct CallRuntimeHooks<'a> {
    runtime: &'a syn::Path,
    names: &'a crate::bindings::Bindings,
    // Whether `build_request` (see `wrap_request_building`) exists, to make
    // a retry's request.
    rebuildable: bool,
    found: Vec<&'static str>,
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
        let crate::bindings::Bindings {
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
fn drop_post_hook(block: &mut syn::Block, client: &syn::Ident) {
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
fn wrap_request_building(block: &mut syn::Block, names: &crate::bindings::Bindings) -> bool {
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
struct ToRuntimeResponse<'a>(&'a syn::Path);

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

fn success_type(output: &syn::ReturnType) -> Option<syn::Type> {
    let syn::ReturnType::Type(_, ty) = output else {
        return None;
    };
    let result = last_generic(ty, 0)?;
    last_generic(&result, 0)
}

/// The `n`th generic argument of the last path segment of a type.
pub(crate) fn last_generic(ty: &syn::Type, n: usize) -> Option<syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let syn::PathArguments::AngleBracketed(args) = &p.path.segments.last()?.arguments else {
        return None;
    };
    args.args
        .iter()
        .filter_map(|a| match a {
            syn::GenericArgument::Type(t) => Some(t.clone()),
            _ => None,
        })
        .nth(n)
}

/// Struct name -> (field name -> field type), for every struct in `types`,
/// with the field types qualified (`types::X`) for use outside that module.
pub(crate) fn struct_fields(file: &syn::File) -> BTreeMap<String, Vec<(String, syn::Type)>> {
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
fn empty_enums(file: &syn::File) -> Vec<String> {
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
fn type_name(ty: &syn::Type) -> Option<String> {
    let syn::Type::Path(p) = ty else { return None };
    let segs: Vec<_> = p.path.segments.iter().collect();
    if segs.len() == 2 && segs[0].ident == "types" {
        Some(segs[1].ident.to_string())
    } else {
        None
    }
}

/// The type under any `Option`s, and how many there were.
fn peel_options(ty: &syn::Type) -> (syn::Type, usize) {
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
fn flatten(expr: TokenStream, ty: &syn::Type) -> TokenStream {
    match peel_options(ty).1 {
        0 => quote! { ::std::option::Option::Some(#expr) },
        1 => quote! { #expr },
        n => {
            let flattens = (1..n).map(|_| quote! { .flatten() });
            quote! { #expr #(#flattens)* }
        }
    }
}

fn is_vec(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Vec"))
}

pub(crate) fn is_option(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

fn glue(
    runtime: &syn::Path,
    sends: &[SendInfo],
    structs: &BTreeMap<String, Vec<(String, syn::Type)>>,
    string_enums: &BTreeMap<String, Vec<String>>,
    doc: &Value,
    multipart: &[MultipartOperation],
) -> TokenStream {
    let field = |ty: &str, name: &str| {
        structs
            .get(ty)
            .and_then(|f| f.iter().find(|(n, _)| n == name))
            .map(|(_, t)| t.clone())
    };

    // Envelopes: every success type with a `data` field, multipart
    // operations' included.
    let mut envelopes = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let success_names = sends
        .iter()
        .filter_map(|send| type_name(&send.success))
        .chain(multipart.iter().filter_map(|op| op.response_type.clone()));
    for name in success_names {
        let Some(data_ty) = field(&name, "data") else {
            continue;
        };
        if !seen.insert(name.clone()) {
            continue;
        }
        let ident = format_ident!("{}", name);
        // `data: null` and no `data` are both "no data" here.
        let (data, _) = peel_options(&data_ty);
        let body = flatten(quote! { self.data }, &data_ty);
        envelopes.push(quote! {
            impl #runtime::Envelope for types::#ident {
                type Data = #data;
                fn into_data(self) -> ::std::option::Option<Self::Data> { #body }
            }
        });
    }

    // Pages: a `token` query parameter and a response whose list sits beside
    // `next_token` and/or `has_more`: either `data` is the list, or `data`
    // is an object holding it as `items` (HeyGen's batch reads).
    let mut pages = Vec::new();
    let paged_ops = paged_operations(doc);
    for send in sends {
        let Some(name) = type_name(&send.success) else {
            continue;
        };
        let builder_snake = send.builder.to_string().to_snake_case();
        if !paged_ops
            .iter()
            .any(|op| op.to_snake_case() == builder_snake)
        {
            continue;
        }
        let Some(data_ty) = field(&name, "data") else {
            continue;
        };
        let (data_inner, data_layers) = peel_options(&data_ty);
        // Reads the cursor fields of `holder` (a type) out of `at` (a value).
        let cursor_of = |holder: &str, at: TokenStream| {
            let next = field(holder, "next_token").map(|t| {
                let value = flatten(quote! { #at.next_token }, &t);
                quote! { #value.map(|t| t.to_string()) }
            });
            let more = field(holder, "has_more").map(|t| flatten(quote! { #at.has_more }, &t));
            if next.is_none() && more.is_none() {
                return None;
            }
            let none = quote! { None };
            Some((next.unwrap_or(none.clone()), more.unwrap_or(none)))
        };
        let data = flatten(quote! { page.data }, &data_ty);
        let (item_ty, body) = if is_vec(&data_inner) {
            let Some(item_ty) = last_generic(&data_inner, 0) else {
                continue;
            };
            let Some((next, more)) = cursor_of(&name, quote! { page }) else {
                continue;
            };
            let items = if data_layers == 0 {
                quote! { page.data }
            } else {
                quote! { #data.unwrap_or_default() }
            };
            let body = quote! {
                let (next_token, has_more) = (#next, #more);
                Ok(#runtime::Page { items: #items, has_more, next_token })
            };
            (item_ty, body)
        } else {
            let Some(holder) = type_name(&data_inner) else {
                continue;
            };
            let Some(items_ty) = field(&holder, "items") else {
                continue;
            };
            let (list, _) = peel_options(&items_ty);
            let Some(item_ty) = last_generic(&list, 0).filter(|_| is_vec(&list)) else {
                continue;
            };
            let Some((next, more)) = cursor_of(&holder, quote! { data }) else {
                continue;
            };
            let items = flatten(quote! { data.items }, &items_ty);
            let items = if peel_options(&items_ty).1 == 0 {
                quote! { data.items }
            } else {
                quote! { #items.unwrap_or_default() }
            };
            let body = quote! {
                let ::std::option::Option::Some(data) = #data else {
                    return Ok(#runtime::Page { items: ::std::vec::Vec::new(), has_more: Some(false), next_token: None });
                };
                let (next_token, has_more) = (#next, #more);
                Ok(#runtime::Page { items: #items, has_more, next_token })
            };
            (item_ty, body)
        };
        let builder = &send.builder;
        let resp = format_ident!("{}", name);
        pages.push(quote! {
            impl<'a> #runtime::Paged<'a> for builder::#builder<'a> {
                type Item = #item_ty;
                fn with_token(self, token: ::std::string::String) -> Self {
                    self.token(token)
                }
                fn fetch(self) -> #runtime::BoxFuture<'a, ::std::result::Result<#runtime::Page<Self::Item>, #runtime::Error>> {
                    ::std::boxed::Box::pin(async move {
                        let page: types::#resp = self.send().await?.into_inner();
                        #body
                    })
                }
            }
            impl<'a> builder::#builder<'a> {
                /// Every item of every page, following `next_token` until the
                /// server says there are no more. Pages are fetched lazily:
                /// a stream that is dropped or `take`n fetches no further.
                pub fn stream(self) -> #runtime::PageStream<'a, #item_ty> {
                    #runtime::PageStream::new(self)
                }
            }
        });
    }

    // Jobs: a resource whose `status` is a string (or a string enum), and
    // which is either the `data` of a `GET` that reads one resource by id or
    // lists its terminal statuses in the spec (`x-terminal-statuses`).
    let mut job_types: BTreeMap<String, Vec<String>> = terminal_statuses(doc);
    let reads_by_id = reads_by_id(doc);
    for send in sends {
        let builder_snake = send.builder.to_string().to_snake_case();
        if !reads_by_id
            .iter()
            .any(|op| op.to_snake_case() == builder_snake)
        {
            continue;
        }
        let Some(data) = type_name(&send.success).and_then(|n| field(&n, "data")) else {
            continue;
        };
        if let Some(name) = type_name(&peel_options(&data).0) {
            job_types.entry(name).or_default();
        }
    }
    let mut jobs = Vec::new();
    for (name, terminal) in &job_types {
        let Some(fields) = structs.get(name) else {
            continue;
        };
        let Some((_, status_ty)) = fields.iter().find(|(n, _)| n == "status") else {
            continue;
        };
        let (status_inner, _) = peel_options(status_ty);
        let is_string = matches!(&status_inner, syn::Type::Path(p)
            if p.path.segments.last().is_some_and(|s| s.ident == "String"));
        let known: Vec<&String> = match type_name(&status_inner).and_then(|n| string_enums.get(&n))
        {
            Some(values) => values.iter().collect(),
            None if is_string => Vec::new(),
            None => continue,
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
        let failure_message =
            text_field(&["failure_message", "error_message"]).unwrap_or_else(none);
        let output = text_field(JOB_OUTPUT_URLS);
        let has_output = output.is_some();
        let output = output.unwrap_or_else(none);
        jobs.push(quote! {
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
        });
    }

    let multipart_methods = multipart.iter().map(|op| multipart_method(runtime, op));

    quote! {
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
    }
}

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

/// operationIds of `GET`s that read one resource by id (a path parameter).
fn reads_by_id(doc: &Value) -> Vec<String> {
    crate::prepare::operations(doc)
        .into_iter()
        .filter(|o| o.method == "get" && o.path.contains('{'))
        .map(|o| o.id.to_string())
        .collect()
}

/// Component types whose schema lists its terminal statuses
/// (`x-terminal-statuses: [...]`), with that list.
fn terminal_statuses(doc: &Value) -> BTreeMap<String, Vec<String>> {
    use heck::ToPascalCase;
    doc.pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(name, schema)| {
            let list = schema.get("x-terminal-statuses")?.as_array()?;
            let list = list
                .iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect();
            Some((name.to_pascal_case(), list))
        })
        .collect()
}

/// String enums of the generated types (unit variants, plus the `Unknown`
/// that `open_types` adds) -> their values on the wire.
pub(crate) fn string_enums(file: &syn::File) -> BTreeMap<String, Vec<String>> {
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
                        crate::surface::serde_rename(&v.attrs)
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

/// operationIds whose query has `token` (the cursor).
fn paged_operations(doc: &Value) -> Vec<String> {
    crate::prepare::operations(doc)
        .into_iter()
        .filter(|o| {
            let own =
                o.op.get("parameters")
                    .and_then(Value::as_array)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
            own.iter().chain(o.shared_params).any(|p| {
                let p = resolve_param(doc, p);
                p.get("in").and_then(Value::as_str) == Some("query")
                    && p.get("name").and_then(Value::as_str) == Some("token")
            })
        })
        .map(|o| o.id.to_string())
        .collect()
}

fn resolve_param<'a>(doc: &'a Value, p: &'a Value) -> &'a Value {
    match p
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
    {
        Some(ptr) => doc.pointer(ptr).unwrap_or(p),
        None => p,
    }
}

fn multipart_method(runtime: &syn::Path, op: &MultipartOperation) -> TokenStream {
    let name = format_ident!("{}", op.operation_id.to_snake_case());
    let op_id = op.operation_id.to_snake_case();
    let variant = format_ident!("{}", op.retry_class.variant());
    let method = op.method.to_uppercase();
    let args: Vec<syn::Ident> = op
        .path_params
        .iter()
        .map(|p| format_ident!("{}", p.to_snake_case()))
        .collect();
    let mut fmt = op.path.clone();
    for p in &op.path_params {
        fmt = fmt.replace(&format!("{{{p}}}"), "{}");
    }
    let response = match &op.response_type {
        Some(t) => {
            let t = format_ident!("{}", t);
            quote! { types::#t }
        }
        None => quote! { () },
    };
    let mut doc = format!(
        "{}\n\nSends a `{method}` request to `{}` as `multipart/form-data`.\n\nForm fields:",
        op.summary.clone().unwrap_or_default(),
        op.path
    );
    for (field, required, is_file) in &op.fields {
        let kind = if *is_file { "file" } else { "text" };
        let req = if *required { "required" } else { "optional" };
        doc.push_str(&format!("\n- `{field}` ({kind}, {req})"));
    }
    doc.push_str("\n\n");
    doc.push_str(op.retry_class.doc());
    doc.push_str(" A form read from a path or from bytes is built again for a retry; one with a reader is sent once.");
    let required_fields: Vec<&String> = op.fields.iter().filter(|f| f.1).map(|f| &f.0).collect();
    quote! {
        #[doc = #doc]
        pub fn #name(&self, #(#args: &str),*) -> #runtime::MultipartRequest<'_, Self, #response> {
            // A path parameter that cannot be one segment fails here, and
            // the call with it, before anything is sent.
            let url = #runtime::url(&self.baseurl, &self.inner, format_args!(#fmt, #(encode_path(#args)),*));
            let call = #runtime::CallSpec {
                operation_id: #op_id,
                class: #runtime::RetryClass::#variant,
                options: ::std::default::Default::default(),
            };
            #runtime::MultipartRequest::new(self, #method, url, call, &[#(#required_fields),*])
        }
    }
}

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

fn rewrite_mocks(file: &mut syn::File, runtime: &syn::Path, doc: &Value) {
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
    let ops = crate::prepare::operations(doc).into_iter().map(|o| {
        let (id, path) = (o.id, o.path);
        let method = o.method.to_uppercase();
        let mock = id.to_snake_case();
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

/// Removes the statements that add header `name` to progenitor's header
/// map (`header_map.append("api-version", ...)`), and only those.
struct DropHeader(&'static str);

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
