//! `multipart/form-data` operations (uploads), which progenitor cannot
//! generate. The generator emits one method per such operation that returns
//! this builder; sending goes through the same credentials, retry policy and
//! error handling as every other call.

use std::fmt;
use std::marker::PhantomData;

use reqwest::multipart::{Form, Part};
use reqwest::Method;
use serde::de::DeserializeOwned;

use super::config::GeneratedClient;
use super::error::{snippet, Error};
use super::response::{api_error, transport, Response};
use super::transport::{exec, pre};

/// A multipart call being put together.
pub struct MultipartRequest<'a, C, T> {
    client: &'a C,
    method: Method,
    url: String,
    operation_id: &'static str,
    form: Form,
    required: Vec<&'static str>,
    given: Vec<String>,
    idempotency_key: Option<String>,
    _response: PhantomData<fn() -> T>,
}

impl<C, T> fmt::Debug for MultipartRequest<'_, C, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MultipartRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("fields", &self.given)
            .finish()
    }
}

impl<'a, C: GeneratedClient, T: DeserializeOwned> MultipartRequest<'a, C, T> {
    #[doc(hidden)]
    pub fn new(
        client: &'a C,
        method: &str,
        url: String,
        operation_id: &'static str,
        required: &[&'static str],
    ) -> Self {
        MultipartRequest {
            client,
            method: Method::from_bytes(method.as_bytes()).unwrap_or(Method::POST),
            url,
            operation_id,
            form: Form::new(),
            required: required.to_vec(),
            given: Vec::new(),
            idempotency_key: None,
            _response: PhantomData,
        }
    }

    /// Adds a text field.
    pub fn text(mut self, name: &str, value: impl Into<String>) -> Self {
        self.form = self.form.text(name.to_string(), value.into());
        self.given.push(name.to_string());
        self
    }

    /// Adds a file field from bytes in memory.
    pub fn file(
        mut self,
        name: &str,
        file_name: impl Into<String>,
        bytes: impl Into<Vec<u8>>,
        mime: &str,
    ) -> Result<Self, Error> {
        let part = Part::bytes(bytes.into())
            .file_name(file_name.into())
            .mime_str(mime)
            .map_err(|_| Error::InvalidRequest(format!("`{mime}` is not a MIME type")))?;
        self.form = self.form.part(name.to_string(), part);
        self.given.push(name.to_string());
        Ok(self)
    }

    /// Adds any part (for streaming a large file, say).
    pub fn part(mut self, name: &str, part: Part) -> Self {
        self.form = self.form.part(name.to_string(), part);
        self.given.push(name.to_string());
        self
    }

    /// Sets the call's `Idempotency-Key`.
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }

    /// Sends the form. A multipart body is a stream and is sent once: it is
    /// never retried.
    pub async fn send(self) -> Result<Response<T>, Error> {
        if let Some(missing) = self
            .required
            .iter()
            .find(|r| !self.given.iter().any(|g| g == *r))
        {
            return Err(Error::InvalidRequest(format!(
                "the form field `{missing}` is required"
            )));
        }
        let http = self.client.http();
        let inner = self.client.inner();
        let mut builder = http.request(self.method, &self.url).multipart(self.form);
        if let Some(key) = &self.idempotency_key {
            builder = builder.header("idempotency-key", key);
        }
        let mut request = builder
            .build()
            .map_err(|e| Error::InvalidRequest(e.to_string()))?;
        pre::<()>(inner, &mut request, self.operation_id).map_err(|e| match e {
            progenitor_client::Error::InvalidRequest(why) => Error::InvalidRequest(why),
            other => Error::InvalidRequest(other.to_string()),
        })?;
        let response = exec(inner, http, request, self.operation_id)
            .await
            .map_err(transport)?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(transport)?;
        if !status.is_success() {
            return Err(api_error(status, &headers, &body));
        }
        let text: &[u8] = if body.is_empty() { b"null" } else { &body };
        let value = serde_json::from_slice(text).map_err(|source| Error::Decode {
            snippet: snippet(&body),
            source,
        })?;
        Ok(Response::new(value, status, headers))
    }
}
