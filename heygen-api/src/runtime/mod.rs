//! The hand-written layer under the generated client: credentials, retries,
//! idempotency keys, the one error type, pagination and waiting.
//!
//! Generated code reaches this module only through [`__private`], which
//! re-exports exactly what it names: [`pre`] and [`exec`] (from each
//! builder's request code, with the operation's [`RetryClass`] in a
//! [`CallSpec`]), [`send`] (from every builder's `send`), [`encode_path`],
//! the traits it implements
//! ([`GeneratedClient`], [`Envelope`], [`Paged`], [`Job`]) and the types in
//! its signatures. Everything else here is ordinary hand-written API.

mod budget;
mod config;
mod download;
mod error;
mod multipart;
mod pages;
mod policy;
mod response;
mod transport;
mod wait;

pub use budget::RetryBudget;
pub use config::{ClientBuilder, GeneratedClient, Idempotency, Inner, DEFAULT_BASE_URL};
pub use download::{download_output, download_to_file, DownloadProgress, Downloaded};
pub use error::{ApiError, Error, Result, TransportError};
pub use multipart::MultipartRequest;
pub use pages::{Page, PageStream, Paged, MAX_EMPTY_PAGES};
pub use policy::{RetryClass, RetryPolicy};
pub use response::{Envelope, Response};
pub use transport::{
    encode_path, exec, merge_headers, pre, send, url, Call, CallSpec, PathSegment, Rebuild,
};
pub use wait::{wait_for, Job, WaitOptions, WaitOutcome, WaitProgress};

/// A boxed, sendable future, as the generated page fetchers return.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// Everything generated code names in this crate, and nothing else: the one
/// seam between the two halves. Not for use by hand; it may change with any
/// release. `heygen-api-gen/tests/golden.rs` checks that generated code
/// names nothing outside it.
#[doc(hidden)]
pub mod __private {
    pub use super::config::Sealed;
    pub use super::{
        encode_path, exec, merge_headers, pre, send, url, BoxFuture, CallSpec, ClientBuilder,
        Envelope, Error, GeneratedClient, Idempotency, Inner, Job, MultipartRequest, Page,
        PageStream, Paged, Response, RetryClass,
    };
}
