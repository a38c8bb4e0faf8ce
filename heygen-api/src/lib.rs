#![doc = include_str!("../README.md")]
#![warn(missing_debug_implementations)]

/// The client progenitor generates from `openapi/heygen-api.yaml` at build
/// time (see `build.rs`). Nothing in it is written by hand.
#[allow(clippy::all, clippy::pedantic, missing_docs, missing_debug_implementations, unused_imports, dead_code)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/heygen_api.rs"));
}

/// The hand-written layer: credentials, retries, idempotency keys, the one
/// error type, pagination and waiting. Generated code calls into it.
pub mod runtime;

/// Typed [`httpmock`] mocks for every operation, for your own tests.
#[cfg(feature = "mock")]
#[allow(clippy::all, missing_docs, missing_debug_implementations, unused_imports, dead_code)]
pub mod mock {
    include!(concat!(env!("OUT_DIR"), "/heygen_api_mock.rs"));
}

pub use generated::{builder, types, Client};
pub use runtime::{
    ApiError, ClientBuilder, Error, Idempotency, Job, Page, PageStream, Response, Result, WaitOptions, WaitProgress,
};
