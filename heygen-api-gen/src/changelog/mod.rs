//! What changed between two versions of the document, as a client user sees
//! it: operations, parameters and fields added or removed; type,
//! required-ness, nullability and enum-value changes; each marked breaking
//! or not.
//!
//! Both documents are read in their *normalised* form (`Spec::normalised`,
//! OpenAPI 3.0 spelling: nullability is always `nullable: true`), with
//! `$ref`s followed, so the changelog is the generator's own reading of the
//! spec rather than a second interpretation of the 3.1 text.
//!
//! What counts as breaking for a user of the generated client:
//! - a removed operation, parameter, field, response or schema;
//! - a renamed operationId (the Rust method is named after it);
//! - a new required request parameter, body or body field;
//! - a request parameter or field that becomes required, or stops accepting
//!   `null`;
//! - a response field that becomes optional or may now be `null`;
//! - an enum value removed from a request (added values are never breaking:
//!   the client keeps values it does not know; removed response values are
//!   values the client will simply not see);
//! - a new union variant in a response (the client may not decode it), a
//!   removed one in a request;
//! - any change of type or format (the Rust type changes).
//!
//! Everything added as optional is not breaking.

use serde_json::Value;

mod model;
mod read;
mod walk;

pub use model::{Change, Changelog, Direction, Kind};

/// Compares two normalised documents.
pub fn changelog(old: &Value, new: &Value) -> Changelog {
    Changelog {
        changes: walk::Walker::compare(old, new),
    }
}
