//! `multipart/form-data` operations (uploads), which progenitor cannot
//! generate. The generator emits one method per such operation that returns
//! this builder; sending goes through the same credentials, retry policy and
//! error handling as every other call.

use std::fmt;
use std::marker::PhantomData;

use reqwest::multipart::{Form, Part};
use reqwest::Method;
use serde::de::DeserializeOwned;

use super::call::{send, CallSpec};
use super::config::{GeneratedClient, Inner};
use super::error::{CallFacts, Error};
use super::response::Response;
use super::transport::{exec, pre};

/// A multipart call being put together.
pub struct MultipartRequest<'a, C, T> {
    client: &'a C,
    method: Method,
    url: String,
    call: CallSpec,
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
        call: CallSpec,
        required: &[&'static str],
    ) -> Self {
        MultipartRequest {
            client,
            method: Method::from_bytes(method.as_bytes()).unwrap_or(Method::POST),
            url,
            call,
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
            .file_name(safe_file_name(&file_name.into()))
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
        let call = self.call;
        let mut builder = http.request(self.method, &self.url).multipart(self.form);
        if let Some(key) = &self.idempotency_key {
            builder = builder.header("idempotency-key", key);
        }
        let request = builder
            .build()
            .map_err(|e| Error::InvalidRequest(e.to_string()))?;
        // The same path as every generated call: errors (capped, redirects,
        // keeping the status) are made by `send`, inside the deadline.
        let deadline = call.options.deadline_value();
        send(inner, deadline, async move {
            let mut facts = None;
            let result = form_call(inner, http, request, call, &mut facts).await;
            (facts, result)
        })
        .await
    }
}

/// The request code of a multipart call, as the generator writes it for
/// every other operation: `pre`, `exec`, then the answer decoded.
async fn form_call<T: DeserializeOwned>(
    inner: &Inner,
    http: &reqwest::Client,
    mut request: reqwest::Request,
    call: CallSpec,
    facts: &mut Option<CallFacts>,
) -> Result<Response<T>, progenitor_client::Error<()>> {
    pre::<()>(inner, &mut request, &call)?;
    let response = exec(inner, http, request, &call, None, facts)
        .await
        .map_err(progenitor_client::Error::CommunicationError)?;
    if !response.status().is_success() {
        return Err(progenitor_client::Error::UnexpectedResponse(response));
    }
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .bytes()
        .await
        .map_err(progenitor_client::Error::ResponseBodyError)?;
    // An upload answered with no body decodes as `null` (the unit
    // type when the spec documents none).
    let text: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        &body
    };
    match serde_json::from_slice(text) {
        Ok(value) => Ok(Response::new(value, status, headers)),
        Err(e) => Err(progenitor_client::Error::InvalidResponsePayload(body, e)),
    }
}

/// A file name as it may appear in a part's `Content-Disposition`: line
/// breaks, quotes, backslashes and other control characters become `_`, so
/// that no name can end the header or add one (reqwest escapes a line
/// break with a backslash, which some parsers read as the end of a line).
fn safe_file_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '"' | '\\') {
                '_'
            } else {
                c
            }
        })
        .collect();
    if safe.trim().is_empty() {
        "file".to_string()
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn file_names_cannot_break_the_part_header() {
        assert_eq!(safe_file_name("a.png"), "a.png");
        assert_eq!(
            safe_file_name("x.png\r\nContent-Type: text/html"),
            "x.png__Content-Type: text/html"
        );
        assert_eq!(safe_file_name("a\"b\\c\nd\u{7f}.png"), "a_b_c_d_.png");
        assert_eq!(safe_file_name("été.png"), "été.png");
        assert_eq!(safe_file_name("\r\n"), "__");
        assert_eq!(safe_file_name(""), "file");
    }
}
