//! The hand-written layer under the generated client.
//!
//! Generated code reaches into this module in a few places only:
//! [`pre`] and [`exec`] (from the `ClientHooks` impl), [`finish`] (from every
//! builder's `send`), [`encode_path`], and the traits [`GeneratedClient`],
//! [`Envelope`], [`Paged`] and [`Job`] that it implements. Everything else
//! here is ordinary hand-written API.

mod config;
mod error;
mod multipart;
mod pages;
mod policy;
mod response;
mod transport;
mod wait;

pub use config::{ClientBuilder, GeneratedClient, Idempotency, Inner, DEFAULT_BASE_URL};
pub use error::{ApiError, Error, Result};
pub use multipart::MultipartRequest;
pub use pages::{Page, PageStream, Paged};
pub use policy::RetryPolicy;
pub use response::{finish, Envelope, Response};
pub use transport::{encode_path, exec, pre};
pub use wait::{wait_for, Job, WaitOptions, WaitOutcome, WaitProgress};

/// A boxed, sendable future, as the generated page fetchers return.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;
