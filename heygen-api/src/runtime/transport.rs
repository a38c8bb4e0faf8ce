//! What happens to every request on its way out: credentials, the
//! `Idempotency-Key`, retries, tracing, and a bound on the response size.

use std::cell::RefCell;
use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::Poll;

use reqwest::header::{HeaderName, HeaderValue, AUTHORIZATION, USER_AGENT};
use reqwest::{Method, StatusCode};
use tracing::Instrument;

use super::config::{Credential, Idempotency, Inner, Settings};
use super::error::{CallFacts, Error};
use super::policy::{retry_after, Decision, Outcome, RetryClass};
use super::response::{api_error, error_of, read_bounded, settle, BodyTooLarge, Response, Settled};

const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");
const API_KEY: HeaderName = HeaderName::from_static("x-api-key");

/// What a generated `send` tells the layer about the call it starts: the
/// operation, and its retry class as the generator read it from the spec.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct CallSpec {
    pub operation_id: &'static str,
    pub class: RetryClass,
}

// What a call's error says about its retries (class, whether the request
// could be repeated, the key sent) is known inside `exec`, and wanted by the
// `Call` that makes the error. The two meet on one thread, in the call's
// first poll (the generated code reaches `exec` without waiting): `Call`
// names itself in `CALL_TOKEN` while it polls, `exec` leaves its facts in
// `CALL_FACTS` under that token as it starts, and `Call` takes them as soon
// as the poll returns. Two thread-local cells touched once per call, rather
// than a task-local state swapped in and out on every poll.
thread_local! {
    static CALL_TOKEN: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    static CALL_FACTS: RefCell<Option<(u64, CallFacts)>> = const { RefCell::new(None) };
}

fn new_call_token() -> u64 {
    // 0 is "no call": `exec` reached through the plain `ClientHooks` path.
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Starts one call of an operation: the generated `send` hands over the
/// request future progenitor built, and gets back a future of this crate's
/// types. The client's overall deadline covers every attempt, every wait and
/// reading an error body.
///
/// The returned future holds `call` in place, once: an `async fn` here
/// would keep both the argument and the future it awaits, and every layer
/// of that doubles what is copied on each call (see BENCHMARKS.md).
#[doc(hidden)]
#[inline]
pub fn send<T, F>(inner: &Inner, call: F) -> Call<'_, T, F>
where
    F: Future<Output = Result<Response<T>, progenitor_client::Error<()>>>,
{
    Call {
        call,
        token: new_call_token(),
        deadline: None,
        error_body: None,
        error_head: None,
        facts: None,
        inner,
        polled: false,
        _types: std::marker::PhantomData,
    }
}

/// The error of a non-success answer, once its body has been read.
type ErrorBody = std::pin::Pin<Box<dyn Future<Output = Error> + Send>>;

pin_project_lite::pin_project! {
    /// The future a generated `send` returns; see [`send`].
    #[doc(hidden)]
    #[must_use = "a call does nothing until it is awaited"]
    pub struct Call<'a, T, F> {
        #[pin]
        call: F,
        token: u64,
        // Started on the first poll, where a runtime is sure to exist;
        // boxed, as only clients with a deadline have one.
        deadline: Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
        // A non-success answer whose body is being read (boxed: rare, and
        // it would otherwise grow every call's future), and its head, kept
        // for an error should the deadline pass before the body arrives.
        error_body: Option<ErrorBody>,
        error_head: Option<Box<(StatusCode, reqwest::header::HeaderMap)>>,
        facts: Option<CallFacts>,
        inner: &'a Inner,
        polled: bool,
        _types: std::marker::PhantomData<fn() -> T>,
    }
}

impl<T, F> Future for Call<'_, T, F>
where
    F: Future<Output = Result<Response<T>, progenitor_client::Error<()>>>,
{
    type Output = Result<Response<T>, Error>;

    fn poll(self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let limit = this.inner.0.deadline;
        let first = !*this.polled;
        if first {
            *this.polled = true;
            if let Some(limit) = limit {
                *this.deadline = Some(Box::pin(tokio::time::sleep(limit)));
            }
        }
        let result = match this.error_body.as_mut() {
            Some(reading) => reading.as_mut().poll(cx).map(Err),
            // `exec` starts, and leaves its facts, in the first poll: the
            // generated code reaches it without waiting for anything.
            None => match if first {
                poll_as(*this.token, this.call.as_mut(), cx, this.facts)
            } else {
                this.call.as_mut().poll(cx)
            } {
                Poll::Pending => Poll::Pending,
                Poll::Ready(result) => match settle(result) {
                    Settled::Done(result) => Poll::Ready(result),
                    Settled::ReadBody(response) => {
                        if limit.is_some() {
                            let head = (response.status(), response.headers().clone());
                            *this.error_head = Some(Box::new(head));
                        }
                        let reading = this.error_body.insert(Box::pin(error_of(response)));
                        reading.as_mut().poll(cx).map(Err)
                    }
                },
            },
        };
        match result {
            Poll::Ready(Ok(response)) => Poll::Ready(Ok(response)),
            Poll::Ready(Err(e)) => Poll::Ready(Err(match this.facts.take() {
                Some(facts) => e.with_call(facts),
                None => e,
            })),
            Poll::Pending => {
                let expired = this
                    .deadline
                    .as_mut()
                    .is_some_and(|sleep| sleep.as_mut().poll(cx).is_ready());
                match limit {
                    // The head of an error arrived and its body did not:
                    // the status, request id and `Retry-After` are kept.
                    Some(_) if expired && this.error_head.is_some() => {
                        let head = this.error_head.take().expect("checked");
                        let mut error = api_error(head.0, &head.1, b"");
                        if let Error::Api(api) = &mut error {
                            api.body_error = Some(
                                "the call's deadline passed while the body was arriving".into(),
                            );
                        }
                        Poll::Ready(Err(match this.facts.take() {
                            Some(facts) => error.with_call(facts),
                            None => error,
                        }))
                    }
                    Some(deadline) if expired => {
                        Poll::Ready(Err(Error::DeadlineExceeded { deadline }))
                    }
                    _ => Poll::Pending,
                }
            }
        }
    }
}

/// Polls a call's generated future as the call `token`, and keeps the
/// facts its `exec` left.
fn poll_as<F: Future>(
    token: u64,
    call: std::pin::Pin<&mut F>,
    cx: &mut std::task::Context<'_>,
    facts: &mut Option<CallFacts>,
) -> Poll<F::Output> {
    let outer = CALL_TOKEN.with(|t| t.replace(token));
    let polled = call.poll(cx);
    CALL_TOKEN.with(|t| t.set(outer));
    if let Some((left_by, left)) = CALL_FACTS.with(|f| f.borrow_mut().take()) {
        if left_by == token {
            *facts = Some(left);
        }
    }
    polled
}

/// Adds credentials and the `Idempotency-Key`; called by the generated
/// request code before the first attempt.
#[doc(hidden)]
// The error type is progenitor's, fixed by the code that calls this.
#[allow(clippy::result_large_err)]
pub fn pre<E>(
    inner: &Inner,
    request: &mut reqwest::Request,
    spec: CallSpec,
) -> Result<(), progenitor_client::Error<E>> {
    let settings = &inner.0;
    if request.url().path().contains(UNSENDABLE_SEGMENT) {
        return Err(progenitor_client::Error::InvalidRequest(
            "a path parameter cannot be empty, `.` or `..`: it would not reach the server as one path segment".into(),
        ));
    }
    let mutating = matches!(*request.method(), Method::POST | Method::PATCH);
    let class = spec.class;
    let headers = request.headers_mut();
    authorize(settings, headers);
    match headers.get(&IDEMPOTENCY_KEY) {
        Some(given) if mutating => check_idempotency_key(given.as_bytes())
            .map_err(progenitor_client::Error::InvalidRequest)?,
        // Only operations that declare the header get a key from the
        // client: elsewhere HeyGen ignores it, and a key would only suggest
        // a safety that is not there.
        None if class == RetryClass::Keyed && settings.idempotency == Idempotency::Auto => {
            headers.insert(IDEMPOTENCY_KEY, new_idempotency_key());
        }
        _ => {}
    }
    Ok(())
}

/// The credential and the user agent, as every request carries them.
fn authorize(settings: &Settings, headers: &mut reqwest::header::HeaderMap) {
    match &settings.credential {
        Credential::ApiKey(key) => {
            headers.insert(API_KEY, key.clone());
        }
        Credential::Bearer(token) => {
            headers.insert(AUTHORIZATION, token.clone());
        }
    }
    // Nothing before this sets one: reqwest adds a client's default user
    // agent only when sending, to a request that has none.
    headers.insert(USER_AGENT, settings.user_agent.clone());
}

/// Builds a request again for a retry: the generated request code, run a
/// second time, then what [`pre`] added to the first, the same
/// `Idempotency-Key` included. `None` if it cannot be built.
fn build_again(
    settings: &Settings,
    rebuild: &Rebuild<'_>,
    key: Option<&str>,
) -> Option<reqwest::Request> {
    let mut request = rebuild().ok()?;
    let headers = request.headers_mut();
    authorize(settings, headers);
    if let Some(key) = key {
        headers.insert(IDEMPOTENCY_KEY, HeaderValue::from_str(key).ok()?);
    }
    Some(request)
}

/// The generated code that builds an operation's request, for a retry to
/// run again (see `heygen-api-gen`'s `wrap_request_building`).
pub type Rebuild<'a> =
    dyn Fn() -> Result<reqwest::Request, progenitor_client::Error<()>> + Sync + 'a;

/// HeyGen accepts 1 to 255 characters of `[A-Za-z0-9_:.-]`.
pub(crate) fn check_idempotency_key(key: &[u8]) -> Result<(), String> {
    let ok = !key.is_empty()
        && key.len() <= 255
        && key
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'.' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(
            "an Idempotency-Key must be 1 to 255 characters of A-Z, a-z, 0-9, `_`, `:`, `.` or `-`"
                .into(),
        )
    }
}

/// 128 random bits as hex. `RandomState` is seeded from the operating
/// system's randomness once per thread; mixing in a process-wide counter and
/// the clock keeps keys distinct even where that seed is reused.
fn new_idempotency_key() -> HeaderValue {
    const PREFIX: &[u8] = b"heygen-rs-";
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // Written into a stack buffer: one allocation per key, in HeaderValue.
    let mut key = [0u8; 42];
    key[..PREFIX.len()].copy_from_slice(PREFIX);
    let bits = (u128::from(random_u64()) << 64) | u128::from(random_u64());
    for (i, byte) in key[PREFIX.len()..].iter_mut().enumerate() {
        *byte = HEX[((bits >> (124 - 4 * i)) & 0xf) as usize];
    }
    HeaderValue::from_bytes(&key).expect("ASCII hex is a valid header value")
}

pub(crate) fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.finish()
}

/// Uniform in [-1, 1], for backoff jitter.
fn jitter_sample() -> f64 {
    (random_u64() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
}

/// Whether sending this request again cannot do its work twice.
fn repeatable(settings: &Settings, class: RetryClass, keyed: bool) -> bool {
    match class {
        RetryClass::Idempotent => true,
        RetryClass::Keyed => keyed,
        // A key on an operation that does not declare one may be ignored.
        RetryClass::NonIdempotent => keyed && settings.trust_caller_keys,
    }
}

/// Sends a request, retrying what is safe to retry; called by the generated
/// `ClientHooks::exec`. The final answer, success or not, is returned to the
/// generated code, and from there to [`send`], which makes the error.
///
/// Not an `async fn`: the first attempt is handed to reqwest (which boxes
/// the request) before the future exists, so the future carries no
/// request, only what a retry needs.
#[doc(hidden)]
pub fn exec<'a>(
    inner: &'a Inner,
    http: &'a reqwest::Client,
    request: reqwest::Request,
    spec: CallSpec,
    rebuild: Option<&'a Rebuild<'a>>,
) -> impl Future<Output = reqwest::Result<reqwest::Response>> + Send + 'a {
    let settings = &inner.0;
    let CallSpec {
        operation_id,
        class,
    } = spec;
    let token = CALL_TOKEN.with(|t| t.get());
    let key = request.headers().get(&IDEMPOTENCY_KEY);
    let repeatable = repeatable(settings, class, key.is_some());
    // Read only to keep a retry's wait within the deadline.
    // tokio's clock, as the deadline's timer and the retry waits use: with
    // a paused clock (tests) the three agree.
    let started_call = settings.deadline.map(|_| tokio::time::Instant::now());
    // The key a retry must send again.
    let key = key.and_then(|k| k.to_str().ok()).map(String::from);
    // What a retry sends: the request built again by the generated code,
    // or else a copy kept now. A body that is a stream can be neither: such
    // a request gets exactly one attempt.
    // Boxed: it is made only where a request cannot be built again, and
    // every call's future would otherwise carry room for it.
    let mut spare = match rebuild {
        Some(_) => None,
        None => Spare::of(&request).map(Box::new),
    };
    let resendable = rebuild.is_some() || spare.is_some();
    if token != 0 {
        // Known now and unchanged by retries: left for the `Call` at once,
        // in the poll that started it.
        let facts = CallFacts {
            class,
            repeatable,
            resendable,
            idempotency_key: key.clone(),
        };
        CALL_FACTS.with(|f| *f.borrow_mut() = Some((token, facts)));
    }
    // One span per call, and inside it one per attempt: a field recorded
    // twice on one span would be printed twice by most subscribers.
    let span = if tracing::level_enabled!(tracing::Level::INFO) {
        tracing::info_span!(
            "heygen_api.request",
            operation = operation_id,
            method = %request.method(),
            attempts = tracing::field::Empty,
            status = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        )
    } else {
        tracing::Span::none()
    };
    // Without a subscriber that wants these spans, none of their work is
    // done: no attempt spans, no clock, no fields recorded.
    let traced = !span.is_disabled();
    let started = traced.then(tokio::time::Instant::now);
    let mut sending = http.execute(request);
    async move {
        let mut retries_done = 0u32;
        loop {
            let attempt = retries_done + 1;
            let attempt_span = traced.then(|| {
                tracing::info_span!(
                    parent: &span,
                    "heygen_api.attempt",
                    attempt,
                    status = tracing::field::Empty
                )
            });
            let sent = match &attempt_span {
                Some(attempt_span) => sending.instrument(attempt_span.clone()).await,
                None => sending.await,
            };
            let (outcome, result) = match sent {
                Err(e) => (failure(&e), Err(e)),
                // A 409 is retried only if it is `request_in_progress`, so
                // its body is read here. Boxed: rare, and inline it would
                // grow every call's future.
                Ok(response) if response.status() == StatusCode::CONFLICT => {
                    let (response, in_progress) = Box::pin(peek_in_progress(response))
                        .instrument(attempt_span.clone().unwrap_or_else(tracing::Span::none))
                        .await;
                    (answered(&response, in_progress), Ok(response))
                }
                Ok(response) => (answered(&response, false), Ok(response)),
            };
            if let (Some(attempt_span), Outcome::Status { status, .. }) = (&attempt_span, outcome) {
                attempt_span.record("status", status);
            }
            let mut decision = if resendable {
                settings
                    .retry
                    .decide(retries_done, repeatable, outcome, jitter_sample)
            } else {
                Decision::Return
            };
            if let Decision::RetryAfter(wait) = decision {
                // A wait that would end past the deadline is not made: the
                // last answer is worth more than `DeadlineExceeded`.
                let past_deadline = match (settings.deadline, started_call) {
                    // Saturating: a `Retry-After` near `u64::MAX` seconds
                    // with no cap is a wait past any deadline, not a panic.
                    (Some(deadline), Some(started)) => {
                        started.elapsed().saturating_add(wait) >= deadline
                    }
                    _ => false,
                };
                if past_deadline || !settings.budget.can_pay() {
                    decision = Decision::Return;
                }
            }
            if let Decision::RetryAfter(wait) = decision {
                let in_attempt = attempt_span.clone().unwrap_or_else(tracing::Span::none);
                in_attempt.in_scope(|| {
                    tracing::info!(outcome = ?outcome, wait_ms = wait.as_millis() as u64, "retrying");
                });
                // Dropping the call's future drops this sleep: the wait is
                // cancelled with it. Boxed, and the next request made only
                // after it: retries are rare, and every call's future would
                // otherwise carry room for both.
                Box::pin(tokio::time::sleep(wait)).await;
                // Charged now that the retry is about to be sent: a caller
                // that dropped the call during the wait paid nothing, and
                // calls that drained the bucket meanwhile leave this one
                // with its last answer.
                let next = if settings.budget.try_withdraw() {
                    match rebuild {
                        Some(rebuild) => build_again(settings, rebuild, key.as_deref()),
                        None => spare.take().map(|spare| spare.into_request()),
                    }
                } else {
                    None
                };
                // Without a next request (the budget ran dry, or it cannot
                // be built again), the last answer is the call's.
                if let Some(request) = next {
                    drop(result);
                    retries_done += 1;
                    if rebuild.is_none() {
                        spare = Spare::of(&request).map(Box::new);
                    }
                    sending = http.execute(request);
                    continue;
                }
            }
            if let Some(started) = started {
                span.record("attempts", attempt);
                span.record("elapsed_ms", started.elapsed().as_millis() as u64);
                if let Ok(response) = &result {
                    span.record("status", response.status().as_u16());
                }
                if let Some(attempt_span) = &attempt_span {
                    attempt_span.in_scope(|| tracing::debug!(outcome = ?outcome, "done"));
                }
            }
            if result.as_ref().is_ok_and(|r| r.status().is_success()) {
                settings.budget.deposit(retries_done);
            }
            return result.map(|r| limit_body(r, settings.max_response_bytes));
        }
    }
}

/// What is kept of a request so that it can be sent again, where the
/// generated code cannot build it again (multipart, code that bypasses the
/// builders' `send`). Taken before every attempt, it costs three
/// allocations (the URL, the header list, the body) where
/// `Request::try_clone` costs six, and becomes a request again only when a
/// retry happens.
enum Spare {
    Parts {
        method: Method,
        url: reqwest::Url,
        // A list, not a `HeaderMap`: one allocation instead of two.
        headers: Vec<(HeaderName, HeaderValue)>,
        body: Option<bytes::Bytes>,
        version: reqwest::Version,
        timeout: Option<std::time::Duration>,
    },
    // A large body is shared rather than copied (boxed: every call's
    // future has room for a spare).
    Whole(Box<reqwest::Request>),
}

/// Bodies up to this size are copied into the spare; larger ones are
/// shared by `Request::try_clone`.
const SPARE_COPY_LIMIT: usize = 64 * 1024;

impl Spare {
    /// `None` for a request whose body is a stream: it can be sent once.
    // The requests reaching `exec` are built by a `RequestBuilder`, so the
    // only extension they carry is the timeout, which is kept.
    fn of(request: &reqwest::Request) -> Option<Spare> {
        let body = match request.body() {
            None => None,
            Some(body) => match body.as_bytes() {
                None => return None,
                Some(bytes) if bytes.len() > SPARE_COPY_LIMIT => {
                    return request.try_clone().map(|r| Spare::Whole(Box::new(r)))
                }
                Some(bytes) => Some(bytes::Bytes::copy_from_slice(bytes)),
            },
        };
        Some(Spare::Parts {
            method: request.method().clone(),
            url: request.url().clone(),
            headers: request
                .headers()
                .iter()
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect(),
            body,
            version: request.version(),
            timeout: request.timeout().copied(),
        })
    }

    fn into_request(self) -> reqwest::Request {
        match self {
            Spare::Whole(request) => *request,
            Spare::Parts {
                method,
                url,
                headers,
                body,
                version,
                timeout,
            } => {
                let mut request = reqwest::Request::new(method, url);
                let map = request.headers_mut();
                map.reserve(headers.len());
                for (name, value) in headers {
                    map.append(name, value);
                }
                *request.body_mut() = body.map(reqwest::Body::from);
                *request.version_mut() = version;
                if timeout.is_some() {
                    *request.timeout_mut() = timeout;
                }
                request
            }
        }
    }
}

/// What an answer means for retrying.
fn answered(response: &reqwest::Response, in_progress: bool) -> Outcome {
    let status = response.status();
    Outcome::Status {
        status: status.as_u16(),
        // A success is never retried: its headers need no reading.
        retry_after: if status.is_success() {
            None
        } else {
            retry_after(response.headers())
        },
        in_progress,
    }
}

/// What a failed `execute` means for retrying.
pub(crate) fn failure(e: &reqwest::Error) -> Outcome {
    if e.is_timeout() {
        Outcome::TimedOut
    } else if e.is_connect() {
        Outcome::ConnectFailed
    } else if e.is_request() || e.is_body() {
        // Sent (perhaps), then the connection broke before an answer.
        Outcome::ConnectionLost
    } else {
        Outcome::OtherFailure
    }
}

/// Reads a 409's body to see whether it is HeyGen's `request_in_progress`,
/// and rebuilds the response around the bytes read. A body that fails to
/// arrive whole leaves a 409 that is not retried, with what did arrive: the
/// status and headers are not lost to the read error.
async fn peek_in_progress(response: reqwest::Response) -> (reqwest::Response, bool) {
    let url = response.url().clone();
    let status = response.status();
    let version = response.version();
    let headers = response.headers().clone();
    let (body, failed) = read_bounded(response, 64 * 1024).await;
    if let Some(e) = &failed {
        tracing::debug!(error = %e, "the body of a 409 could not be read whole");
    }
    let in_progress = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| {
            v.pointer("/error/code")
                .and_then(|c| c.as_str())
                .map(|c| c == "request_in_progress")
        })
        .unwrap_or(false);
    let mut rebuilt = http::Response::new(reqwest::Body::from(body));
    *rebuilt.status_mut() = status;
    *rebuilt.version_mut() = version;
    *rebuilt.headers_mut() = headers;
    keep_url(rebuilt.extensions_mut(), url);
    if let Some(e) = &failed {
        rebuilt
            .extensions_mut()
            .insert(BodyReadFailed(if e.is_timeout() {
                "timed out while the body was arriving".to_string()
            } else {
                e.to_string()
            }));
    }
    (
        reqwest::Response::from(rebuilt),
        in_progress && failed.is_none(),
    )
}

/// Carried by a response whose body was read early and broke off, so that
/// the error made of it says so.
#[derive(Clone, Debug)]
pub(crate) struct BodyReadFailed(pub(crate) String);

/// A response rebuilt from parts forgets its URL unless it is put back,
/// and errors would then name `no.url.provided.local`.
fn keep_url(extensions: &mut http::Extensions, url: reqwest::Url) {
    use reqwest::ResponseBuilderExt;
    if let Ok(carrier) = http::Response::builder().url(url).body(()) {
        extensions.extend(carrier.into_parts().0.extensions);
    }
}

/// Caps how much of a body can be read: a hostile or broken server cannot
/// make the client buffer more than `limit` bytes. Going over fails the read
/// with [`BodyTooLarge`], which `settle` turns into `Error::ResponseTooLarge`.
fn limit_body(response: reqwest::Response, limit: usize) -> reqwest::Response {
    use http_body_util::BodyExt;
    // A body with a declared length within the limit needs no wrapper: the
    // HTTP layer yields exactly that many bytes and never more. Skipping the
    // rebuild saves a URL clone, an extension map and two boxes per call.
    if response.content_length().is_some_and(|n| n <= limit as u64) {
        return response;
    }
    let url = response.url().clone();
    let response: http::Response<reqwest::Body> = response.into();
    let (mut parts, body) = response.into_parts();
    keep_url(&mut parts.extensions, url);
    let limited = http_body_util::Limited::new(body, limit).map_err(move |e| {
        if e.is::<http_body_util::LengthLimitError>() {
            Box::new(BodyTooLarge { limit }) as Box<dyn std::error::Error + Send + Sync>
        } else {
            e
        }
    });
    reqwest::Response::from(http::Response::from_parts(
        parts,
        reqwest::Body::wrap(limited),
    ))
}

/// `builder.headers(map)`, skipped for an empty map: reqwest's merge walks
/// and drops even an empty one, on every call of every operation whose
/// optional headers are not set.
#[doc(hidden)]
#[inline]
pub fn merge_headers(
    builder: reqwest::RequestBuilder,
    map: reqwest::header::HeaderMap,
) -> reqwest::RequestBuilder {
    if map.is_empty() {
        builder
    } else {
        builder.headers(map)
    }
}

/// The URL of one call: the operation's `path` (its parameters already
/// encoded by [`encode_path`]) after the client's base URL `baseurl`.
///
/// The path is parsed against the base URL the client parsed once when it
/// was built, so scheme, host and port are not parsed again on every call
/// (reqwest, given the whole URL as text, would). A `baseurl` other than
/// the one the client was built with, or a path that would read as a host
/// (`//...`), is parsed whole instead.
#[doc(hidden)]
// The error type is progenitor's, fixed by the code that calls this.
#[allow(clippy::result_large_err)]
pub fn url<E>(
    baseurl: &str,
    inner: &Inner,
    path: std::fmt::Arguments<'_>,
) -> Result<reqwest::Url, progenitor_client::Error<E>> {
    use std::fmt::Write;
    let base = &inner.0.base;
    let invalid = |e: &dyn std::fmt::Display| {
        progenitor_client::Error::InvalidRequest(format!("cannot make the request's URL: {e}"))
    };
    if baseurl == base.text {
        let stem = base.url.path().trim_end_matches('/');
        let mut relative = String::with_capacity(stem.len() + 64);
        relative.push_str(stem);
        relative.write_fmt(path).map_err(|e| invalid(&e))?;
        if !relative.starts_with("//") {
            return reqwest::Url::options()
                .base_url(Some(&base.url))
                .parse(&relative)
                .map_err(|e| invalid(&e));
        }
    }
    let mut whole = String::with_capacity(baseurl.len() + 64);
    whole.push_str(baseurl);
    whole.write_fmt(path).map_err(|e| invalid(&e))?;
    reqwest::Url::parse(&whole).map_err(|e| invalid(&e))
}

/// What [`encode_path`] returns for a value that cannot be one path segment
/// (empty, `.` or `..`: URL parsers drop dot segments even when they are
/// percent-encoded). [`pre`] refuses any request whose path holds it, before
/// anything is sent. A real value never encodes to it: its `!` is escaped.
const UNSENDABLE_SEGMENT: &str = "!unsendable-path-segment!";

/// Percent-encodes one path segment so that it stays one segment: `/`, `?`,
/// `#`, `%`, spaces and non-ASCII are escaped. `""`, `.` and `..` cannot be
/// one segment at all; the request carrying them fails in [`pre`].
///
/// The encoding happens as the URL is formatted: no string is built for
/// the value or for its encoding.
#[doc(hidden)]
pub fn encode_path<T: std::fmt::Display + ?Sized>(value: &T) -> PathSegment<'_, T> {
    PathSegment(value)
}

/// A value as one percent-encoded path segment; see [`encode_path`].
#[doc(hidden)]
pub struct PathSegment<'a, T: ?Sized>(&'a T);

impl<T: std::fmt::Display + ?Sized> std::fmt::Debug for PathSegment<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PathSegment({self})")
    }
}

impl<T: std::fmt::Display + ?Sized> std::fmt::Display for PathSegment<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        let mut out = SegmentWriter {
            out: f,
            seen: 0,
            held_dots: 0,
        };
        write!(out, "{}", self.0)?;
        if out.seen == out.held_dots {
            // Nothing, `.` or `..`: held back so far, and never written.
            out.out.write_str(UNSENDABLE_SEGMENT)?;
        }
        Ok(())
    }
}

/// Escapes what it is given into `out`. Leading dots are held back until
/// a byte that is not one arrives, so that `.` and `..` are never written.
struct SegmentWriter<'f, 'a> {
    out: &'f mut std::fmt::Formatter<'a>,
    seen: usize,
    held_dots: usize,
}

impl std::fmt::Write for SegmentWriter<'_, '_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() && bytes[i] == b'.' && self.seen == self.held_dots && self.seen < 2 {
            self.seen += 1;
            self.held_dots += 1;
            i += 1;
        }
        if i == bytes.len() {
            return Ok(());
        }
        if self.held_dots > 0 {
            self.out.write_str(&"..."[..self.held_dots])?;
            self.held_dots = 0;
        }
        self.seen += bytes.len() - i;
        let keep = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~' | b'.');
        let mut run = i;
        for (j, &b) in bytes.iter().enumerate().skip(i) {
            if keep(b) {
                continue;
            }
            // A run of kept bytes is ASCII, so it starts and ends on
            // character boundaries.
            if j > run {
                self.out.write_str(&s[run..j])?;
            }
            let escaped = [b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]];
            self.out
                .write_str(std::str::from_utf8(&escaped).map_err(|_| std::fmt::Error)?)?;
            run = j + 1;
        }
        match s.get(run..) {
            Some(rest) if !rest.is_empty() => self.out.write_str(rest),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(value: &(impl std::fmt::Display + ?Sized)) -> String {
        encode_path(value).to_string()
    }

    #[test]
    fn path_segments_stay_single() {
        assert_eq!(encoded("abc-123_x.y~"), "abc-123_x.y~");
        assert_eq!(encoded("a/b"), "a%2Fb");
        assert_eq!(encoded(".."), UNSENDABLE_SEGMENT);
        assert_eq!(encoded("."), UNSENDABLE_SEGMENT);
        assert_eq!(encoded(""), UNSENDABLE_SEGMENT);
        assert_eq!(encoded("..."), "...");
        assert_eq!(encoded(".a"), ".a");
        assert_eq!(encoded("..a"), "..a");
        assert_eq!(encoded("./"), ".%2F");
        assert_eq!(encoded("a!b"), "a%21b");
        assert_eq!(encoded("a?b#c%d e"), "a%3Fb%23c%25d%20e");
        assert_eq!(encoded("é"), "%C3%A9");
        assert_eq!(encoded(&42), "42");
        assert_eq!(encoded(&-1.5), "-1.5");
    }

    /// A call's URL, made from the path and the base URL parsed once, is the
    /// URL reqwest would have parsed from the two written one after the
    /// other; a path that would read as a host never makes one.
    #[test]
    fn urls_against_the_parsed_base_are_the_whole_urls() {
        use crate::runtime::GeneratedClient;
        let bases = [
            "http://127.0.0.1:8080",
            "https://api.heygen.com/",
            "http://h:1/prefix",
            "http://h:1/prefix/v/",
            "HTTP://Example.COM:80/A",
            "http://[::1]:9/p",
        ];
        let paths = [
            "/v3/video-agents/s/stop",
            "/v1/x/a%2Fb/c%20d",
            "/v2/%C3%A9/x",
            "/",
            "//elsewhere.example/v1/x",
        ];
        for base in bases {
            let client = crate::Client::builder()
                .api_key("k")
                .base_url(base)
                .build()
                .expect("client");
            let (text, inner) = (client.base_url(), client.inner());
            for path in paths {
                let made: reqwest::Url =
                    url::<()>(text, inner, format_args!("{path}")).expect("url");
                let whole = reqwest::Url::parse(&format!("{text}{path}")).expect("whole");
                assert_eq!(made, whole, "{base} + {path}");
                assert_eq!(made.host(), whole.host(), "{base} + {path}");
                // Another base than the client's own is parsed whole.
                let other = "http://other.example:81/o";
                let made = url::<()>(other, inner, format_args!("{path}")).expect("url");
                let whole = reqwest::Url::parse(&format!("{other}{path}")).expect("whole");
                assert_eq!(made, whole, "{other} + {path}");
            }
        }
    }

    /// A value whose `Display` writes in pieces: dots split across writes
    /// are still recognised as the whole value.
    #[test]
    fn segments_written_in_pieces() {
        struct Pieces(&'static [&'static str]);
        impl std::fmt::Display for Pieces {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.iter().try_for_each(|p| f.write_str(p))
            }
        }
        assert_eq!(encoded(&Pieces(&[".", "."])), UNSENDABLE_SEGMENT);
        assert_eq!(encoded(&Pieces(&["", "", "."])), UNSENDABLE_SEGMENT);
        assert_eq!(encoded(&Pieces(&[".", ".", "."])), "...");
        assert_eq!(encoded(&Pieces(&[".", "x", "/"])), ".x%2F");
        assert_eq!(encoded(&Pieces(&["a", "", "."])), "a.");
    }

    /// Every string of up to four characters from an alphabet of the
    /// interesting cases, written whole and split in two at every byte
    /// boundary, encodes as the plain one-pass reading says it should.
    #[test]
    fn encoding_matches_the_one_pass_reading() {
        fn reference(segment: &str) -> String {
            if matches!(segment, "" | "." | "..") {
                return UNSENDABLE_SEGMENT.to_string();
            }
            segment
                .bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~' | b'.') {
                        char::from(b).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect()
        }
        struct Split<'a>(&'a str, usize);
        impl std::fmt::Display for Split<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0[..self.1])?;
                f.write_str(&self.0[self.1..])
            }
        }
        let alphabet = [".", "a", "/", "é", "%", "-"];
        let mut values = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = values
                .iter()
                .flat_map(|v| alphabet.iter().map(move |c| format!("{v}{c}")))
                .collect();
            values.extend(longer);
        }
        values.sort();
        values.dedup();
        assert!(values.len() > 1000);
        for value in &values {
            let want = reference(value);
            assert_eq!(encoded(value.as_str()), want, "{value:?}");
            for at in (0..=value.len()).filter(|&i| value.is_char_boundary(i)) {
                assert_eq!(encoded(&Split(value, at)), want, "{value:?} split at {at}");
            }
        }
    }

    /// A request made again from its spare is the request: method, URL,
    /// every header value in order (repeated names too), body, version and
    /// timeout; a streamed body gives no spare.
    #[test]
    fn spares_make_the_same_request() {
        fn facts(r: &reqwest::Request) -> String {
            format!(
                "{} {} {:?} {:?} {:?} {:?}",
                r.method(),
                r.url(),
                r.headers(),
                r.body().and_then(|b| b.as_bytes()),
                r.version(),
                r.timeout()
            )
        }
        fn request(method: Method, url: &str) -> reqwest::Request {
            reqwest::Request::new(method, url.parse().expect("a valid URL"))
        }
        let plain = request(Method::GET, "http://127.0.0.1:9/v1/a?b=c");
        let mut full = request(Method::POST, "http://127.0.0.1:9/v1/a%2Fb");
        let headers = full.headers_mut();
        headers.append("x-one", HeaderValue::from_static("1"));
        headers.append("x-many", HeaderValue::from_static("a"));
        headers.append("x-many", HeaderValue::from_static("b"));
        headers.append(IDEMPOTENCY_KEY, new_idempotency_key());
        *full.body_mut() = Some(reqwest::Body::from(br#"{"k":[1,2]}"#.to_vec()));
        *full.timeout_mut() = Some(std::time::Duration::from_secs(3));
        *full.version_mut() = reqwest::Version::HTTP_11;
        let mut big = request(Method::PUT, "http://127.0.0.1:9/big");
        *big.body_mut() = Some(reqwest::Body::from(vec![b'x'; SPARE_COPY_LIMIT + 1]));
        for request in [plain, full, big] {
            let spare = Spare::of(&request).expect("a spare");
            assert_eq!(facts(&spare.into_request()), facts(&request));
        }
        let mut streamed = request(Method::POST, "http://127.0.0.1:9/upload");
        *streamed.body_mut() = Some(reqwest::Body::wrap_stream(futures_util::stream::iter(
            vec![Ok::<_, std::io::Error>(bytes::Bytes::from_static(b"x"))],
        )));
        assert!(Spare::of(&streamed).is_none());
    }

    #[test]
    fn idempotency_keys_are_valid_and_distinct() {
        let a = new_idempotency_key();
        let b = new_idempotency_key();
        assert_ne!(a, b);
        assert_eq!(a.len(), 42);
        assert!(a.to_str().is_ok_and(|k| k.starts_with("heygen-rs-")));
        assert!(check_idempotency_key(a.as_bytes()).is_ok());
        assert!(check_idempotency_key(b"").is_err());
        assert!(check_idempotency_key(&[b'a'; 256]).is_err());
        assert!(check_idempotency_key(b"has space").is_err());
        assert!(check_idempotency_key(b"ok:key.v1-2_3").is_ok());
    }

    #[test]
    fn jitter_stays_in_range() {
        for _ in 0..1000 {
            let j = jitter_sample();
            assert!((-1.0..=1.0).contains(&j));
        }
    }
}
