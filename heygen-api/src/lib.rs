#![doc = include_str!("../README.md")]
#![warn(missing_debug_implementations)]

/// The client progenitor generates from `openapi/heygen-api.yaml` at build
/// time (see `build.rs`). Nothing in it is written by hand.
#[allow(
    clippy::all,
    clippy::pedantic,
    missing_docs,
    missing_debug_implementations,
    unused_imports,
    unused_mut,
    dead_code,
    // Descriptions come from the spec's prose, which is not rustdoc.
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks
)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/heygen_api.rs"));
}

pub mod runtime;

/// Waiting for a video and downloading it: [`Client::wait_for_video`] and
/// [`Client::download_video`].
// Present when the generated client has HeyGen's Get Video (`build.rs`
// decides, from what was generated): the operation group may be off, and
// a document may not have it.
#[cfg(heygen_get_video)]
pub mod videos;

/// Typed [`httpmock`] mocks for every operation, for your own tests.
// The lints are allowed for the generated half that `src/mock.rs` includes.
#[cfg(feature = "mock")]
#[allow(
    clippy::all,
    missing_docs,
    missing_debug_implementations,
    unused_imports,
    dead_code
)]
pub mod mock;

/// An in-process stand-in for HeyGen on 127.0.0.1, for examples and tests.
#[cfg(feature = "testing")]
pub mod testing;

/// The `schemars` the generated types derive `JsonSchema` with (feature
/// `schemars`), so that `heygen_api::schemars::schema_for!(heygen_api::types::X)`
/// needs no extra dependency.
#[cfg(feature = "schemars")]
pub use schemars;

pub use generated::{builder, types, Client};
/// The HTTP method [`Client::request`] takes.
pub use reqwest::Method;

impl Client {
    /// A request to any path of HeyGen's API, with this client's
    /// credentials, retries, limits and errors: for an endpoint HeyGen
    /// publishes that this crate does not cover yet. See [`ApiRequest`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let heygen = heygen_api::testing::FakeHeyGen::start().await?;
    /// # let client = heygen.client();
    /// let video = client
    ///     .request(heygen_api::Method::GET, "/v3/videos/no-such-video")
    ///     .idempotent()
    ///     .send_json()
    ///     .await;
    /// assert_eq!(video.unwrap_err().status().map(|s| s.as_u16()), Some(404));
    /// # Ok(())
    /// # }
    /// ```
    pub fn request(&self, method: Method, path: &str) -> ApiRequest<'_> {
        use runtime::GeneratedClient;
        ApiRequest::new(self.http(), self.inner(), self.base_url(), method, path)
    }
}
pub use runtime::{
    wait_for, ApiError, ApiRequest, CallOptions, ClientBuilder, DownloadProgress, Downloaded,
    Error, Idempotency, Job, Nullable, Page, PageStream, Response, Result, RetryBudget, RetryClass,
    RetryPolicy, TransportError, UploadProgress, WaitOptions, WaitOutcome, WaitProgress,
};
