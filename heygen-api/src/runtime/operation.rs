//! An operation's call when its request code can run again, which is every
//! generated `send` but those with a body that can be sent once: the
//! generated code hands over that code as a closure, and this does the
//! rest the same way for all of them.

use std::future::Future;

use super::call::{send, Call, CallSpec, Sent};
use super::config::{GeneratedClient, Inner};
use super::error::CallFacts;
use super::options::CallOptions;
use super::policy::RetryClass;
use super::response::Response;
use super::transport::{exec, pre, Rebuild};

/// Starts one call of an operation whose request code can run again (every
/// generated `send` but those with a body that can be sent once): `build`
/// is that code, `success` says which statuses `decode` reads. Checks,
/// credentials, the `Idempotency-Key`, retries and decoding happen here,
/// once for all operations, instead of in each generated `send`.
#[doc(hidden)]
#[inline]
pub fn operation<'a, C, T, B, D, Fut>(
    client: &'a C,
    operation_id: &'static str,
    class: RetryClass,
    options: CallOptions,
    success: fn(u16) -> bool,
    decode: D,
    build: B,
) -> Call<'a, T, impl Future<Output = Sent<T>> + 'a>
where
    C: GeneratedClient,
    T: 'a,
    B: Fn() -> Result<reqwest::Request, progenitor_client::Error<()>> + Send + Sync + 'a,
    D: FnOnce(reqwest::Response) -> Fut + Send + 'a,
    Fut: Future<Output = Result<Response<T>, progenitor_client::Error<()>>> + Send + 'a,
{
    let inner = client.inner();
    let http = client.http();
    let deadline = options.deadline_value();
    let call = CallSpec {
        operation_id,
        class,
        options,
    };
    send(inner, deadline, async move {
        let mut facts = None;
        let result = attempt(inner, http, &call, &mut facts, &build, success, decode).await;
        (facts, result)
    })
}

/// The first attempt of a call and, within `exec`, its retries.
// The error type is progenitor's, fixed by the generated code.
#[allow(clippy::result_large_err)]
async fn attempt<T, Fut>(
    inner: &Inner,
    http: &reqwest::Client,
    call: &CallSpec,
    facts: &mut Option<CallFacts>,
    build: &Rebuild<'_>,
    success: fn(u16) -> bool,
    decode: impl FnOnce(reqwest::Response) -> Fut,
) -> Result<Response<T>, progenitor_client::Error<()>>
where
    Fut: Future<Output = Result<Response<T>, progenitor_client::Error<()>>>,
{
    // Every attempt asks for JSON unless the operation's code asked for
    // something else (the generated code leaves this header to us).
    let build = || {
        let mut request = build()?;
        request
            .headers_mut()
            .entry(reqwest::header::ACCEPT)
            .or_insert(reqwest::header::HeaderValue::from_static(
                "application/json",
            ));
        Ok(request)
    };
    let mut request = build()?;
    pre(inner, &mut request, call)?;
    let response = exec(inner, http, request, call, Some(&build), facts).await?;
    if success(response.status().as_u16()) {
        decode(response).await
    } else {
        Err(progenitor_client::Error::UnexpectedResponse(response))
    }
}

/// A parameter as the builder holds it, checked: its value, or the call's
/// `InvalidRequest` (`unset` when it was required and never set).
#[doc(hidden)]
// The error type is progenitor's, fixed by the code that calls this.
#[allow(clippy::result_large_err)]
pub fn valid<'v, T>(
    value: &'v Result<T, String>,
    unset: &str,
) -> Result<&'v T, progenitor_client::Error<()>> {
    value.as_ref().map_err(|why| {
        progenitor_client::Error::InvalidRequest(if why.is_empty() {
            unset.to_string()
        } else {
            why.clone()
        })
    })
}

/// A success without a body, as `operation` decodes it.
#[doc(hidden)]
pub async fn read_empty(
    response: reqwest::Response,
) -> Result<Response<()>, progenitor_client::Error<()>> {
    Ok(Response::empty(response))
}

/// A success read as a stream of bytes, as `operation` decodes it.
#[doc(hidden)]
pub async fn read_stream(
    response: reqwest::Response,
) -> Result<Response<progenitor_client::ByteStream>, progenitor_client::Error<()>> {
    Ok(Response::stream(response))
}
