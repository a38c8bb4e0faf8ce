//! Edits of progenitor's output, as ordered steps. Each pass is a function
//! of the file and the [`Plan`] (and what else it reads, typed); [`run`]
//! is the one place that says in which order they run, and why there.
//!
//! Every pass finds the node it means (a struct, a method call, an
//! attribute parsed with `parse_nested_meta`), never a substring of
//! printed tokens.

mod bindings;
mod client;
mod compact_builders;
mod compact_send;
mod compact_serde;
mod fidelity;
mod generated;
mod mocks;
mod newtypes;
mod open_types;
mod options;
mod request;
mod request_builders;
mod schema_feature;
mod send;
mod setters;
mod tags;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::plan::Plan;

pub(crate) use mocks::rewrite_mocks;
pub(crate) use send::{RewriteFailed, SendInfo};

/// The items of the generated `types` module, for the test hooks of the
/// orchestration.
pub(crate) fn types_items(file: &mut syn::File) -> Option<&mut Vec<syn::Item>> {
    generated::module_items(&mut file.items, "types")
}

/// What the passes read beside the file and the plan.
pub(crate) struct Context<'a> {
    pub plan: &'a Plan,
    /// The runtime's hidden seam module.
    pub runtime: &'a syn::Path,
    /// progenitor's view of the document (the schemas behind the types).
    pub view: &'a Value,
    /// Test hook: operations (progenitor's names) whose request-code
    /// rewrite fails.
    pub fail_rewrite_of: &'a [String],
}

/// What the passes found that later steps need.
pub(crate) struct Rewritten {
    /// What each builder's `send` returns, in the order of the builders.
    pub sends: Vec<SendInfo>,
    /// The unions read by their tag (enum name -> tag), for the surface.
    pub dispatched: BTreeMap<String, String>,
}

/// Runs every pass, in this order:
///
/// 1. `wire_names`: query parameters the plan renamed (two with one Rust
///    name) are sent under their own names again. First, so that every
///    later pass sees the strings that go on the wire.
/// 2. `open_up`: responses never reject unknown fields, string enums keep
///    values they do not know, tagged unions dispatch on their tag. Before
///    `fidelity`, which must see the enums' final variants. Then
///    `implied_tags`: a union's payloads lose the tag field their variant
///    implies, and the union writes it (before `fidelity`, which rewrites
///    the same builders).
/// 3. `display_string_newtypes`: string newtypes format as their string
///    (constrained path parameters). Independent of its neighbours; among
///    the `types` passes so that they read in one place.
/// 4. `keep_what_was_sent`: bodies carry what was set: a default is not
///    filled in, `[]` is kept apart from absent, and `null` from absent
///    only where the document gives it its own meaning (`Nullable`); mends
///    typify's `Default` and builder setters to match. After 2, before
///    anything reads field types (5's success types, `request_builders`,
///    the emitters). Then `setters_take_values`: a builder's setter for an
///    optional field takes the value, not an `Option` of it.
///    Then `compact_serde`: structs and string enums read JSON through the
///    runtime's `deserialize_struct!`/`string_enum!` (after the field types
///    and serde attributes are final).
/// 5. `rewrite_sends`: every builder's `send` calls the runtime with the
///    operation's retry class (from the plan). The one pass that can fail
///    for one operation: the caller leaves it out and runs progenitor
///    again. A `send` of the usual shape becomes one call of the runtime's
///    `operation` (`compact_send`); others keep the long form.
/// 6. `private_constructors`, `runtime_encode_path`: the client is made by
///    the runtime's builder only, and paths are encoded by the runtime.
///    After 5, whose request code calls `encode_path`.
/// 7. `document_methods`: each `Client` method states its retry class.
/// 8. `keep_request_builders`: builder structs only for request types.
///    After 4, which edits those builders' setters.
/// 9. `gate_schemas`: everything `schemars` behind its feature, so that it
///    also gates what 2 and 4 added.
/// 10. `compact_builders`: each builder that is exactly what the runtime's
///     `operation_builder!`/`type_builder!` write becomes one call of it.
///     Last: it compares whole items, which every pass before may edit.
pub(crate) fn run(file: &mut syn::File, cx: &Context<'_>) -> Result<Rewritten, RewriteFailed> {
    client::wire_names(file, cx.plan);
    let unions = open_types::pass(file, cx.plan);
    tags::pass(file, &unions, cx.runtime);
    let dispatched = unions
        .iter()
        .map(|u| (u.enum_name.to_string(), u.tag.clone()))
        .collect();
    newtypes::pass(file, cx.plan);
    fidelity::pass(file, cx.plan, cx.view, cx.runtime);
    setters::pass(file, cx.plan);
    compact_serde::pass(file, cx.runtime);
    let sends = send::rewrite_sends(file, cx.plan, cx.runtime, cx.fail_rewrite_of)?;
    client::private_constructors(file, cx.plan);
    client::runtime_encode_path(file, cx.plan, cx.runtime);
    client::document_methods(file, cx.plan);
    request_builders::pass(file, cx.plan);
    schema_feature::pass(file, cx.plan);
    compact_builders::pass(file, cx.runtime);
    Ok(Rewritten { sends, dispatched })
}
