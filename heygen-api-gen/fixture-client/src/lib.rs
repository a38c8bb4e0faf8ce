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
