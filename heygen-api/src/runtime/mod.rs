//! The hand-written layer under the generated client: credentials, retries,
//! idempotency keys, the one error type, pagination and waiting.
//!
//! Generated code reaches this module only through [`__private`]. Its
//! plumbing (`send`, `pre`, `exec`, `url`, `encode_path`, `merge_headers`
//! and the types in their signatures) is exported there and nowhere else;
//! the traits and types that are also a user's API ([`GeneratedClient`],
//! [`Envelope`], [`Paged`], [`Job`], [`Response`], [`enum@Error`], ...) are
//! public here as well.
//!
//! The files depend on each other in one direction: `policy` and `budget`
//! on nothing, `error` on `policy`, `response` on `error`, `http` and
//! `config` on those, `url`, `transport`, `call` and `multipart` on
//! `config` and `response`, `operation` on `call` and `transport`, and
//! `pages`, `wait` and `download` on `error` (`download` on `config` and
//! `wait` too). `derive` and `builders` hold the macros generated code
//! calls, and use nothing of the others (their macros name `__private`).

mod budget;
mod builders;
mod call;
mod config;
mod derive;
mod download;
mod error;
mod http;
mod multipart;
mod nullable;
mod operation;
mod options;
mod pages;
mod policy;
mod request;
mod response;
mod tagged;
mod transport;
mod upload;
mod url;
mod wait;

pub use budget::RetryBudget;
pub use config::{
    ClientBuilder, GeneratedClient, Idempotency, Inner, DEFAULT_BASE_URL, DEFAULT_MAX_UPLOAD_BYTES,
};
pub use download::{download_output, download_to_file, DownloadProgress, Downloaded};
pub use error::{ApiError, Error, Result, TransportError};
pub use multipart::MultipartRequest;
pub use nullable::Nullable;
pub use options::CallOptions;
pub use pages::{BoxFuture, Page, PageStream, Paged, MAX_EMPTY_PAGES};
pub use policy::{RetryClass, RetryPolicy};
pub use request::ApiRequest;
pub use response::{Envelope, Response};
pub use upload::UploadProgress;
pub use wait::{wait_for, Job, WaitOptions, WaitOutcome, WaitProgress};

/// Everything generated code names in this crate, and nothing else: the one
/// seam between the two halves. Not for use by hand; it may change with any
/// release. `heygen-api-gen/tests/golden.rs` checks that generated code
/// names nothing outside it.
#[doc(hidden)]
pub mod __private {
    pub use super::call::{send, Call, CallSpec, Sent};
    pub use super::config::Sealed;
    pub use super::derive::{deserialize_from_str, fill, required, Key};
    pub use super::error::CallFacts;
    pub use super::operation::{operation, read_empty, read_stream, valid};
    pub use super::tagged::serialize_tagged;
    pub use super::transport::{exec, pre, Rebuild};
    pub use super::url::{encode_path, merge_headers, url, PathSegment};
    pub use super::{
        BoxFuture, CallOptions, ClientBuilder, Envelope, Error, GeneratedClient, Idempotency,
        Inner, Job, MultipartRequest, Nullable, Page, PageStream, Paged, Response, RetryClass,
    };
    pub use crate::__heygen_deserialize_struct as deserialize_struct;
    pub use crate::__heygen_envelope as envelope;
    pub use crate::__heygen_operation_builder as operation_builder;
    pub use crate::__heygen_paged as paged;
    pub use crate::__heygen_string_enum as string_enum;
    pub use crate::__heygen_type_builder as type_builder;
}
