//! Clients generated at build time from heygen-api-gen's fixture specs.

#[allow(clippy::all, dead_code, unused_imports, unused_mut)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/client.rs"));
}
pub use generated::{builder, types, Client};

/// The edge-case fixture's client (`tests/fixtures/edge-3.1.yaml`).
#[allow(clippy::all, dead_code, unused_imports, unused_mut)]
pub mod edge {
    include!(concat!(env!("OUT_DIR"), "/edge.rs"));
}

/// Typed `httpmock` mocks for the full fixture, generated as for
/// `heygen_api::mock`; they proves the mock generator on a HeyGen-sized spec.
#[allow(clippy::all, dead_code, unused_imports, unused_mut)]
pub mod mocks {
    pub use heygen_api::mock::{ApiErrorThen, Operation};
    include!(concat!(env!("OUT_DIR"), "/mocks.rs"));
}

/// The full fixture's client with only its `Renders` and `Voices`
/// operations, and the types they reach: as `heygen-api` is built with only
/// some `ops-*` features.
#[allow(clippy::all, dead_code, unused_imports, unused_mut)]
pub mod subset {
    include!(concat!(env!("OUT_DIR"), "/subset.rs"));
}

/// One operation of each retry class (`tests/fixtures/retry-3.1.yaml`).
#[allow(clippy::all, dead_code, unused_imports, unused_mut)]
pub mod retry {
    include!(concat!(env!("OUT_DIR"), "/retry.rs"));
}

/// Decodes JSON as a generated type named at run time, and encodes it again:
/// the round-trip property tests pick types by the spec's schema names.
#[doc(hidden)]
pub mod reencode {
    use super::types;
    include!(concat!(env!("OUT_DIR"), "/reencode.rs"));
}

/// The client of a directory of pages in HeyGen's published layout
/// (`tests/fixtures/real/heygen-pages`), whose discriminator mappings are
/// written as `$ref` objects.
#[allow(clippy::all, dead_code, unused_imports, unused_mut)]
pub mod pages {
    include!(concat!(env!("OUT_DIR"), "/pages.rs"));
}

/// The client of `tests/fixtures/real/constructs-3.1.yaml`: what documents
/// written by others do, mended or left out with a warning.
#[allow(clippy::all, dead_code, unused_imports, unused_mut)]
pub mod constructs {
    include!(concat!(env!("OUT_DIR"), "/constructs.rs"));
}

/// The client of `tests/fixtures/real/rewrites-3.1.yaml`: constructs the
/// generator's rewrites must hold for (constrained path parameters,
/// defaults that build structs, parameters named like progenitor's own
/// bindings).
#[allow(clippy::all, dead_code, unused_imports, unused_mut)]
pub mod rewrites {
    include!(concat!(env!("OUT_DIR"), "/rewrites.rs"));
}

/// The same document generated with the rewrite of `list_shelf` failing
/// (`Options::fail_rewrite_of`): that operation is left out, the rest
/// compiles.
#[allow(clippy::all, dead_code, unused_imports, unused_mut)]
pub mod rewrites_skipping {
    include!(concat!(env!("OUT_DIR"), "/rewrites_skipping.rs"));
}

/// The client of `tests/fixtures/real/nullable-3.1.yaml`: optional and
/// nullable fields as FastAPI writes them, and a union whose tag its
/// variant implies.
#[allow(clippy::all, dead_code, unused_imports, unused_mut)]
pub mod nullable {
    include!(concat!(env!("OUT_DIR"), "/nullable.rs"));
}
