//! What happens to every request on its way out: credentials, the
//! `Idempotency-Key`, retries, tracing, and a bound on the response size.

use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use reqwest::header::{HeaderName, HeaderValue, AUTHORIZATION, USER_AGENT};
use reqwest::{Method, StatusCode};
use tracing::Instrument;

use super::call::CallSpec;
use super::config::{Credential, Idempotency, Inner, Settings};
use super::error::CallFacts;
use super::options::CallOptions;
use super::policy::{failure, retry_after, Decision, Outcome, RetryClass, RetryPolicy};
use super::response::{keep_url, limit_body, read_bounded, BodyReadFailed};

const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");
const API_KEY: HeaderName = HeaderName::from_static("x-api-key");

/// Adds credentials, the `Idempotency-Key` and the call's own options;
/// called by the generated request code before the first attempt.
#[doc(hidden)]
// The error type is progenitor's, fixed by the code that calls this.
#[allow(clippy::result_large_err)]
pub fn pre<E>(
    inner: &Inner,
    request: &mut reqwest::Request,
    spec: &CallSpec,
) -> Result<(), progenitor_client::Error<E>> {
    let settings = &inner.0;
    if let Some(why) = spec.options.refused() {
        return Err(progenitor_client::Error::InvalidRequest(why.to_string()));
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
    spec.options.apply(request);
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
    options: &CallOptions,
) -> Option<reqwest::Request> {
    let mut request = rebuild().ok()?;
    let headers = request.headers_mut();
    authorize(settings, headers);
    if let Some(key) = key {
        headers.insert(IDEMPOTENCY_KEY, HeaderValue::from_str(key).ok()?);
    }
    options.apply(&mut request);
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
/// request code. The final answer, success or not, is returned to the
/// generated code, and from there to [`send`](super::send), which makes the
/// error; what the call's retries depend on is left in `facts` before the
/// first attempt starts.
///
/// Not an `async fn`: the first attempt is handed to reqwest (which boxes
/// the request) before the future exists, so the future carries no
/// request, only what a retry needs.
#[doc(hidden)]
pub fn exec<'a>(
    inner: &'a Inner,
    http: &'a reqwest::Client,
    request: reqwest::Request,
    spec: &'a CallSpec,
    rebuild: Option<&'a Rebuild<'a>>,
    facts: &mut Option<CallFacts>,
) -> impl Future<Output = reqwest::Result<reqwest::Response>> + Send + 'a {
    let settings = &inner.0;
    let CallSpec {
        operation_id,
        class,
        ref options,
    } = *spec;
    let deadline = options.deadline_value().or(settings.deadline);
    // The client's policy, unless this call sets its own limit: a copy of
    // a few numbers, made only then.
    let policy = match options.max_retries_value() {
        None => std::borrow::Cow::Borrowed(&settings.retry),
        Some(max_retries) => std::borrow::Cow::Owned(RetryPolicy {
            max_retries,
            ..settings.retry.clone()
        }),
    };
    let key = request.headers().get(&IDEMPOTENCY_KEY);
    let repeatable = repeatable(settings, class, key.is_some());
    // Read only to keep a retry's wait within the deadline.
    // tokio's clock, as the deadline's timer and the retry waits use: with
    // a paused clock (tests) the three agree.
    let started_call = deadline.map(|_| tokio::time::Instant::now());
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
    // Known now and unchanged by retries: handed back at once, for the
    // error the call may end with.
    *facts = Some(CallFacts {
        class,
        repeatable,
        resendable,
        idempotency_key: key.clone(),
    });
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
                policy.decide(retries_done, repeatable, outcome, jitter_sample)
            } else {
                Decision::Return
            };
            if let Decision::RetryAfter(wait) = decision {
                // A wait that would end past the deadline is not made: the
                // last answer is worth more than `DeadlineExceeded`.
                let past_deadline = match (deadline, started_call) {
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
                        Some(rebuild) => build_again(settings, rebuild, key.as_deref(), options),
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

#[cfg(test)]
mod tests {
    use super::*;

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
