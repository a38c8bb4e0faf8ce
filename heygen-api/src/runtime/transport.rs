//! What happens to every request on its way out: credentials, the
//! `Idempotency-Key`, retries, tracing, and a bound on the response size.

use std::cell::RefCell;
use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use reqwest::header::{HeaderName, HeaderValue, AUTHORIZATION, USER_AGENT};
use reqwest::{Method, StatusCode};
use tracing::Instrument;

use super::config::{Credential, Idempotency, Inner, Settings};
use super::error::{CallFacts, Error};
use super::policy::{parse_retry_after, Decision, Outcome, RetryClass};
use super::response::{finish, read_bounded, BodyTooLarge, Response};

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

/// The call in progress on this task. progenitor's hooks see only an
/// operation id, so `send` puts the call's class here for `pre` and `exec`,
/// and `exec` leaves what it decided for the error `send` returns.
struct CallState {
    spec: CallSpec,
    started: Instant,
    facts: RefCell<Option<CallFacts>>,
}

tokio::task_local! {
    static CALL: CallState;
}

fn current_class(method: &Method) -> RetryClass {
    CALL.try_with(|c| c.spec.class)
        .unwrap_or_else(|_| RetryClass::for_method(method))
}

/// Runs one call of an operation: the generated `send` hands over the
/// request future progenitor built, and gets back this crate's types. Also
/// applies the client's overall deadline, which covers every attempt, every
/// wait and reading an error body.
#[doc(hidden)]
pub async fn send<T, F>(inner: &Inner, spec: CallSpec, call: F) -> Result<Response<T>, Error>
where
    F: Future<Output = Result<Response<T>, progenitor_client::Error<()>>>,
{
    let state = CallState {
        spec,
        started: Instant::now(),
        facts: RefCell::new(None),
    };
    let work = CALL.scope(state, async {
        let result = finish(call.await).await;
        let facts = CALL.with(|c| c.facts.borrow_mut().take());
        match (result, facts) {
            (Err(e), Some(facts)) => Err(e.with_call(facts)),
            (result, _) => result,
        }
    });
    match inner.0.deadline {
        None => work.await,
        Some(deadline) => tokio::time::timeout(deadline, work)
            .await
            .unwrap_or(Err(Error::DeadlineExceeded { deadline })),
    }
}

/// Adds credentials and the `Idempotency-Key`; called by the generated
/// `ClientHooks::pre` before the first attempt.
#[doc(hidden)]
// The error type is progenitor's, fixed by the hook this implements.
#[allow(clippy::result_large_err)]
pub fn pre<E>(
    inner: &Inner,
    request: &mut reqwest::Request,
    _operation_id: &str,
) -> Result<(), progenitor_client::Error<E>> {
    let settings = &inner.0;
    if request.url().path().contains(UNSENDABLE_SEGMENT) {
        return Err(progenitor_client::Error::InvalidRequest(
            "a path parameter cannot be empty, `.` or `..`: it would not reach the server as one path segment".into(),
        ));
    }
    let mutating = matches!(*request.method(), Method::POST | Method::PATCH);
    let class = current_class(request.method());
    let headers = request.headers_mut();
    match &settings.credential {
        Credential::ApiKey(key) => {
            headers.insert(API_KEY, key.clone());
        }
        Credential::Bearer(token) => {
            headers.insert(AUTHORIZATION, token.clone());
        }
    }
    if !headers.contains_key(USER_AGENT) {
        headers.insert(USER_AGENT, settings.user_agent.clone());
    }
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

fn random_u64() -> u64 {
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
fn repeatable(settings: &Settings, class: RetryClass, request: &reqwest::Request) -> bool {
    let keyed = request.headers().contains_key(&IDEMPOTENCY_KEY);
    match class {
        RetryClass::Idempotent => true,
        RetryClass::Keyed => keyed,
        // A key on an operation that does not declare one may be ignored.
        RetryClass::NonIdempotent => keyed && settings.trust_caller_keys,
    }
}

/// Sends a request, retrying what is safe to retry; called by the generated
/// `ClientHooks::exec`. The final answer, success or not, is returned to the
/// generated code, which hands it to `finish`.
#[doc(hidden)]
pub async fn exec(
    inner: &Inner,
    http: &reqwest::Client,
    request: reqwest::Request,
    operation_id: &'static str,
) -> reqwest::Result<reqwest::Response> {
    let settings = &inner.0;
    let method = request.method().clone();
    let class = current_class(&method);
    let repeatable = repeatable(settings, class, &request);
    let started_call = CALL
        .try_with(|c| c.started)
        .unwrap_or_else(|_| Instant::now());
    let _ = CALL.try_with(|c| {
        *c.facts.borrow_mut() = Some(CallFacts {
            class,
            repeatable,
            idempotency_key: request
                .headers()
                .get(&IDEMPOTENCY_KEY)
                .and_then(|k| k.to_str().ok())
                .map(String::from),
        });
    });
    // One span per call, and inside it one per attempt: a field recorded
    // twice on one span would be printed twice by most subscribers.
    let span = tracing::info_span!(
        "heygen_api.request",
        operation = operation_id,
        method = %method,
        attempts = tracing::field::Empty,
        status = tracing::field::Empty,
        elapsed_ms = tracing::field::Empty,
    );
    let call = async {
        let started = Instant::now();
        let mut retries_done = 0u32;
        let mut current = request;
        loop {
            // A body that is a stream cannot be sent twice: such a request
            // gets exactly one attempt.
            let spare = current.try_clone();
            let attempt = retries_done + 1;
            let attempt_span = tracing::info_span!(
                "heygen_api.attempt",
                attempt,
                status = tracing::field::Empty
            );
            let (outcome, result) = attempt_once(http, current)
                .instrument(attempt_span.clone())
                .await;
            if let Outcome::Status { status, .. } = outcome {
                attempt_span.record("status", status);
            }
            let mut decision = match &spare {
                Some(_) => {
                    settings
                        .retry
                        .decide(retries_done, repeatable, outcome, jitter_sample())
                }
                None => Decision::Return,
            };
            if let Decision::RetryAfter(wait) = decision {
                // A wait that would end past the deadline is not made: the
                // last answer is worth more than `DeadlineExceeded`.
                let past_deadline = settings
                    .deadline
                    .is_some_and(|d| started_call.elapsed() + wait >= d);
                if past_deadline || !settings.budget.try_withdraw() {
                    decision = Decision::Return;
                }
            }
            match (decision, spare) {
                (Decision::RetryAfter(wait), Some(next)) => {
                    attempt_span.in_scope(|| {
                        tracing::info!(outcome = ?outcome, wait_ms = wait.as_millis() as u64, "retrying");
                    });
                    // Dropping the call's future drops this sleep: the wait
                    // is cancelled with it.
                    tokio::time::sleep(wait).await;
                    current = next;
                    retries_done += 1;
                }
                _ => {
                    let span = tracing::Span::current();
                    span.record("attempts", attempt);
                    span.record("elapsed_ms", started.elapsed().as_millis() as u64);
                    if let Ok(response) = &result {
                        span.record("status", response.status().as_u16());
                        if response.status().is_success() {
                            settings.budget.deposit(retries_done);
                        }
                    }
                    attempt_span.in_scope(|| tracing::debug!(outcome = ?outcome, "done"));
                    return result.map(|r| limit_body(r, settings.max_response_bytes));
                }
            }
        }
    };
    call.instrument(span).await
}

/// Sends one attempt and says what it came to.
async fn attempt_once(
    http: &reqwest::Client,
    request: reqwest::Request,
) -> (Outcome, reqwest::Result<reqwest::Response>) {
    let response = match http.execute(request).await {
        Ok(response) => response,
        Err(e) => return (failure(&e), Err(e)),
    };
    let status = response.status();
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, std::time::SystemTime::now()));
    // A 409 is retried only if it is `request_in_progress`, so its body is
    // read here.
    let (response, in_progress) = if status == StatusCode::CONFLICT {
        peek_in_progress(response).await
    } else {
        (response, false)
    };
    (
        Outcome::Status {
            status: status.as_u16(),
            retry_after,
            in_progress,
        },
        Ok(response),
    )
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
/// with [`BodyTooLarge`], which `finish` turns into `Error::ResponseTooLarge`.
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

/// What [`encode_path`] returns for a value that cannot be one path segment
/// (empty, `.` or `..`: URL parsers drop dot segments even when they are
/// percent-encoded). [`pre`] refuses any request whose path holds it, before
/// anything is sent. A real value never encodes to it: its `!` is escaped.
const UNSENDABLE_SEGMENT: &str = "!unsendable-path-segment!";

/// Percent-encodes one path segment so that it stays one segment: `/`, `?`,
/// `#`, `%`, spaces and non-ASCII are escaped. `""`, `.` and `..` cannot be
/// one segment at all; the request carrying them fails in [`pre`].
#[doc(hidden)]
pub fn encode_path(segment: &str) -> String {
    if matches!(segment, "" | "." | "..") {
        return UNSENDABLE_SEGMENT.to_string();
    }
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        let keep = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~' | b'.');
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_stay_single() {
        assert_eq!(encode_path("abc-123_x.y~"), "abc-123_x.y~");
        assert_eq!(encode_path("a/b"), "a%2Fb");
        assert_eq!(encode_path(".."), UNSENDABLE_SEGMENT);
        assert_eq!(encode_path("."), UNSENDABLE_SEGMENT);
        assert_eq!(encode_path(""), UNSENDABLE_SEGMENT);
        assert_eq!(encode_path("..."), "...");
        assert_eq!(encode_path("a!b"), "a%21b");
        assert_eq!(encode_path("a?b#c%d e"), "a%3Fb%23c%25d%20e");
        assert_eq!(encode_path("é"), "%C3%A9");
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
