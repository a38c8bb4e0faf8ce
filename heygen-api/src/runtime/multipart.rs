//! `multipart/form-data` operations (uploads), which progenitor cannot
//! generate. The generator emits one method per such operation that returns
//! this builder; sending goes through the same credentials, retry policy,
//! options and error handling as every other call.

use std::fmt;
use std::marker::PhantomData;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use reqwest::multipart::Part;
use reqwest::Method;
use serde::de::DeserializeOwned;
use tokio::io::AsyncRead;

use super::call::{send, CallSpec};
use super::config::{GeneratedClient, Inner};
use super::error::{CallFacts, Error};
use super::options::CallOptions;
use super::response::{read_json, Response};
use super::transport::{exec, pre, Rebuild};
use super::upload::{build_form, file_name_of, mime_of, Field, OnProgress, UploadProgress};

/// The slowest rate an upload's default timeout allows for: each attempt
/// gets the client's timeout plus the time the body takes at this rate, so
/// that a 32 MB file on a slow link is not cut off at the 60 s meant for a
/// JSON call.
const SLOWEST_UPLOAD_BYTES_PER_SEC: u64 = 256 * 1024;

/// A multipart call being put together: add its fields, then
/// [`send`](Self::send).
///
/// Files come from a path (streamed from disk, never read whole), from
/// bytes, or from a reader of known length. A body over the client's
/// [`max_upload_bytes`](super::ClientBuilder::max_upload_bytes) is refused
/// before anything is sent. A form made only of text, bytes and paths is
/// built again for a retry, so a 429 or a refused connection is retried
/// as for any call of the operation's class; a form with a reader or a raw
/// [`Part`] is sent once.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let heygen = heygen_api::testing::FakeHeyGen::start().await?;
/// # let client = heygen.client();
/// # let dir = std::env::temp_dir().join(format!("heygen-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// # let path = dir.join("face.png");
/// # std::fs::write(&path, b"\x89PNG\r\n\x1a\n...")?;
/// let asset = client
///     .upload_asset()
///     .file_path("file", &path)
///     .on_progress(|p| eprintln!("{} of {} bytes", p.sent, p.total))
///     .send()
///     .await?
///     .into_data()?;
/// assert!(asset.asset_id.starts_with("asset_"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok(())
/// # }
/// ```
pub struct MultipartRequest<'a, C, T> {
    client: &'a C,
    method: Method,
    url: Result<reqwest::Url, String>,
    call: CallSpec,
    fields: Vec<(String, Field)>,
    required: Vec<&'static str>,
    idempotency_key: Option<String>,
    progress: Option<OnProgress>,
    _response: PhantomData<fn() -> T>,
}

impl<C, T> fmt::Debug for MultipartRequest<'_, C, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MultipartRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("fields", &self.fields)
            .field("options", &self.call.options)
            .finish()
    }
}

impl<'a, C: GeneratedClient, T: DeserializeOwned> MultipartRequest<'a, C, T> {
    #[doc(hidden)]
    pub fn new(
        client: &'a C,
        method: &str,
        url: Result<reqwest::Url, progenitor_client::Error<()>>,
        call: CallSpec,
        required: &[&'static str],
    ) -> Self {
        MultipartRequest {
            client,
            method: Method::from_bytes(method.as_bytes()).unwrap_or(Method::POST),
            url: url.map_err(|e| e.to_string()),
            call,
            fields: Vec::new(),
            required: required.to_vec(),
            idempotency_key: None,
            progress: None,
            _response: PhantomData,
        }
    }

    fn add(mut self, name: &str, field: Field) -> Self {
        self.fields.push((name.to_string(), field));
        self
    }

    /// Adds a text field.
    pub fn text(self, name: &str, value: impl Into<String>) -> Self {
        self.add(name, Field::Text(value.into()))
    }

    /// Adds a file field from bytes in memory, under `file_name`, of type
    /// `mime`.
    pub fn file(
        self,
        name: &str,
        file_name: impl Into<String>,
        bytes: impl Into<Bytes>,
        mime: &str,
    ) -> Result<Self, Error> {
        check_mime(mime)?;
        Ok(self.add(
            name,
            Field::Bytes {
                file_name: file_name.into(),
                mime: mime.to_string(),
                bytes: bytes.into(),
            },
        ))
    }

    /// Adds a file field read from `path` as the request is sent, in
    /// pieces: the file is never held in memory whole. It is sent under its
    /// own name, with the MIME type of its extension
    /// (`application/octet-stream` if unknown; see
    /// [`file_path_as`](Self::file_path_as)).
    pub fn file_path(self, name: &str, path: impl AsRef<Path>) -> Self {
        let path = path.as_ref();
        let file_name = file_name_of(path);
        let mime = mime_of(&file_name).to_string();
        self.add(
            name,
            Field::Path {
                file_name,
                mime,
                path: path.to_path_buf(),
            },
        )
    }

    /// [`file_path`](Self::file_path), with the MIME type given.
    pub fn file_path_as(
        self,
        name: &str,
        path: impl AsRef<Path>,
        mime: &str,
    ) -> Result<Self, Error> {
        check_mime(mime)?;
        let path = path.as_ref();
        Ok(self.add(
            name,
            Field::Path {
                file_name: file_name_of(path),
                mime: mime.to_string(),
                path: path.to_path_buf(),
            },
        ))
    }

    /// Adds a file field read from `reader`, which must yield exactly `len`
    /// bytes. A reader can be read once: the call is not retried.
    pub fn file_reader(
        self,
        name: &str,
        file_name: impl Into<String>,
        reader: impl AsyncRead + Send + 'static,
        len: u64,
        mime: &str,
    ) -> Result<Self, Error> {
        check_mime(mime)?;
        Ok(self.add(
            name,
            Field::Reader {
                file_name: file_name.into(),
                mime: mime.to_string(),
                len,
                reader: Mutex::new(Some(Box::pin(reader))),
            },
        ))
    }

    /// Adds a part made with `reqwest` as it is. Its size is not known to
    /// the upload limit, and the call is not retried.
    pub fn part(self, name: &str, part: Part) -> Self {
        self.add(name, Field::Part(Mutex::new(Some(part))))
    }

    /// Calls `report` as the file parts are sent, with the bytes sent so
    /// far and the total.
    pub fn on_progress(mut self, report: impl Fn(UploadProgress) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(report));
        self
    }

    /// Sets the call's `Idempotency-Key`.
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }

    /// How long each attempt may take. By default an upload gets the
    /// client's timeout plus the time its body takes at 256 KiB/s.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.call.options = std::mem::take(&mut self.call.options).timeout(timeout);
        self
    }

    /// How long the whole call may take, instead of the client's deadline.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.call.options = std::mem::take(&mut self.call.options).deadline(deadline);
        self
    }

    /// How many times the call may be sent again, instead of the client's
    /// limit.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.call.options = std::mem::take(&mut self.call.options).max_retries(retries);
        self
    }

    /// Adds a header; see [`CallOptions::header`] for those refused.
    pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        self.call.options = std::mem::take(&mut self.call.options).header(name, value);
        self
    }

    /// Replaces the call's options.
    pub fn call_options(mut self, options: CallOptions) -> Self {
        self.call.options = options;
        self
    }

    /// Sends the form.
    pub async fn send(mut self) -> Result<Response<T>, Error> {
        let url = self.url.clone().map_err(Error::InvalidRequest)?;
        if let Some(missing) = self
            .required
            .iter()
            .find(|r| !self.fields.iter().any(|(name, _)| name == *r))
        {
            return Err(Error::InvalidRequest(format!(
                "the form field `{missing}` is required"
            )));
        }
        let inner = self.client.inner();
        let size = self
            .fields
            .iter()
            .map(|(_, field)| field.size())
            .sum::<Result<u64, Error>>()?;
        let limit = inner.0.max_upload_bytes;
        if size > limit {
            return Err(Error::UploadTooLarge { size, limit });
        }
        if self.call.options.timeout_value().is_none() {
            let transfer = Duration::from_secs(size / SLOWEST_UPLOAD_BYTES_PER_SEC);
            self.call.options = std::mem::take(&mut self.call.options)
                .timeout(inner.0.timeout.saturating_add(transfer));
        }
        let form = Form {
            http: self.client.http(),
            inner,
            method: self.method,
            url,
            fields: self.fields,
            idempotency_key: self.idempotency_key,
            progress: self.progress,
        };
        let call = self.call;
        // The same path as every generated call: errors (capped, redirects,
        // keeping the status) are made by `send`, inside the deadline.
        let deadline = call.options.deadline_value();
        send(inner, deadline, async move {
            let mut facts = None;
            let result = form.call(&call, &mut facts).await;
            (facts, result)
        })
        .await
    }
}

fn check_mime(mime: &str) -> Result<(), Error> {
    mime.parse::<reqwest::header::HeaderValue>()
        .ok()
        .filter(|_| mime.contains('/') && !mime.contains(['\r', '\n']))
        .map(|_| ())
        .ok_or_else(|| Error::InvalidRequest(format!("`{mime}` is not a MIME type")))
}

/// A checked form and where it goes.
struct Form<'a> {
    http: &'a reqwest::Client,
    inner: &'a Inner,
    method: Method,
    url: reqwest::Url,
    fields: Vec<(String, Field)>,
    idempotency_key: Option<String>,
    progress: Option<OnProgress>,
}

// The error type is progenitor's, as `Rebuild` fixes it for every call.
#[allow(clippy::result_large_err)]
impl Form<'_> {
    /// The request, its file parts opened again.
    fn build(&self) -> Result<reqwest::Request, progenitor_client::Error<()>> {
        let form = build_form(&self.fields, self.progress.as_ref())
            .map_err(|e| progenitor_client::Error::InvalidRequest(e.to_string()))?;
        let mut builder = self
            .http
            .request(self.method.clone(), self.url.clone())
            .multipart(form);
        if let Some(key) = &self.idempotency_key {
            builder = builder.header("idempotency-key", key);
        }
        Ok(builder.build()?)
    }

    /// The request code of a multipart call, as the generator writes it for
    /// every other operation: `pre`, `exec`, then the answer decoded.
    async fn call<T: DeserializeOwned>(
        &self,
        call: &CallSpec,
        facts: &mut Option<CallFacts>,
    ) -> Result<Response<T>, progenitor_client::Error<()>> {
        let mut request = self.build()?;
        pre::<()>(self.inner, &mut request, call)?;
        let rebuild = || self.build();
        let replayable = self.fields.iter().all(|(_, field)| field.replayable());
        let rebuild: Option<&Rebuild<'_>> = if replayable { Some(&rebuild) } else { None };
        let response = exec(self.inner, self.http, request, call, rebuild, facts)
            .await
            .map_err(progenitor_client::Error::CommunicationError)?;
        read_json(response).await
    }
}
