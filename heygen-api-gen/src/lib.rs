//! Turns HeyGen's OpenAPI document into the Rust source of a typed client.
//!
//! One path for everyone: `heygen-api`'s `build.rs` and the `xtask` tools
//! both call [`load_file`] (or [`load_str`]) and [`generate`], so the client a
//! user compiles and the surface a reviewer reads come from the same code.
//!
//! The pipeline (ARCHITECTURE.md draws it): [`load`] reads YAML, JSON or a
//! documentation page; `spec` mends the mistakes with one obvious reading
//! and maps OpenAPI 3.1 onto the 3.0 progenitor reads; `plan` makes every
//! client-shaping decision once, and leaves out what the client cannot
//! send; `progenitor` runs progenitor (narrowing a failure down to the
//! operations at fault, which it leaves out); `rewrite` edits its output in
//! ordered passes; `emit` adds the glue that ties the generated `Client` to
//! the hand-written runtime, for exactly what the plan lists. What is left
//! out or mended is a [`Warning`] in [`Generated::warnings`], never silent.

#![deny(missing_docs)]

// Shared by every step: errors, warnings, JSON pointers, `$ref`s, the
// OpenAPI vocabulary and reading generated syntax.
mod error;
mod openapi;
mod pointer;
mod refs;
mod syntax;
mod warning;

// The steps, in pipeline order (see ARCHITECTURE.md).
mod emit;
mod generate;
mod input;
mod plan;
mod progenitor;
mod rewrite;
mod spec;
mod verdict;

#[cfg(feature = "tooling")]
pub mod canonical;
#[cfg(feature = "tooling")]
pub mod changelog;
#[cfg(feature = "tooling")]
pub mod synthetic;

pub use emit::surface::Surface;
pub use error::{GenError, Result};
pub use generate::{generate, Generated, Options};
pub use input::{load, merge};
#[cfg(feature = "tooling")]
pub use plan::naming::{origin_of_rust_name, NameOrigin};
pub use plan::select::{
    feature_name, only_tags, operation_groups, tags_for_features, OperationGroup,
};
pub use spec::{from_merged, from_value, load_file, load_str, Spec};
pub use verdict::Verdict;
pub use warning::Warning;
