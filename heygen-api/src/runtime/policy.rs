//! When to retry, as a pure function of what happened. No I/O here, so every
//! rule is unit-tested without a server.

use std::time::{Duration, SystemTime};

/// The one definition lives with the generator
/// (`heygen-api-gen/src/plan/retry_class.rs`), which emits it into the
/// generated code: the class it decides per operation and the class this
/// policy acts on are one type.
pub use crate::generated::retry_class::RetryClass;

impl RetryClass {
    /// The class a method has when the spec says nothing more.
    pub fn for_method(method: &reqwest::Method) -> RetryClass {
        use reqwest::Method;
        match *method {
            Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS => {
                RetryClass::Idempotent
            }
            _ => RetryClass::NonIdempotent,
        }
    }

    /// One line for docs and logs.
    pub fn describe(self) -> &'static str {
        match self {
            RetryClass::Idempotent => "idempotent by method: retried on 429, 5xx, 409 `request_in_progress` and lost connections",
            RetryClass::Keyed => "keyed: one `Idempotency-Key` per call, reused by every retry; retried on 429, 5xx, 409 `request_in_progress` and lost connections",
            RetryClass::NonIdempotent => "not idempotent: retried only on 429 and when nothing was sent (connection refused, DNS, TLS)",
        }
    }
}

/// How a client retries.
///
/// The defaults follow HeyGen's own CLI (2 retries, 1 s·2ⁿ backoff with
/// ±25 % jitter, 30 s cap, `Retry-After` honoured up to 30 s, and as a floor
/// under the backoff). What is retried depends on the operation's
/// [`RetryClass`]: a `POST` is repeated after a 5xx or a lost connection
/// only when its operation honours `Idempotency-Key` and the request
/// carries one, so a retry never creates a second video.
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// Backoff before the first retry when the server gives no `Retry-After`.
    pub base_delay: Duration,
    /// Longest backoff between two attempts.
    pub max_delay: Duration,
    /// Longest `Retry-After` the client waits for; longer advice ends the
    /// call at once with the server's answer.
    pub max_retry_after: Duration,
    /// Share of the backoff that is randomised, either way (0.25 = ±25 %).
    pub jitter: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(30),
            jitter: 0.25,
        }
    }
}

/// What one attempt came to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Outcome {
    /// The server answered with this status.
    Status {
        status: u16,
        retry_after: Option<Duration>,
        /// A 409 whose error code is `request_in_progress`.
        in_progress: bool,
    },
    /// No connection could be made: the request never reached the server.
    ConnectFailed,
    /// The connection broke after the request may have been sent, before
    /// an answer came: the request may have been processed.
    ConnectionLost,
    /// The attempt's own timeout fired.
    TimedOut,
    /// Any other failure (a redirect loop, a request that cannot be sent).
    OtherFailure,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Decision {
    Return,
    RetryAfter(Duration),
}

impl RetryPolicy {
    /// Decides what to do after attempt number `retries_done + 1`.
    ///
    /// `repeatable` says whether sending the request again cannot do the
    /// work twice: an idempotent method, or a keyed operation whose request
    /// carries its key (see [`RetryClass`]). `jitter_sample` gives a number
    /// uniform in [-1, 1]; it is asked only when a retry is decided, so a
    /// success costs no random numbers.
    pub(crate) fn decide(
        &self,
        retries_done: u32,
        repeatable: bool,
        outcome: Outcome,
        jitter_sample: impl FnOnce() -> f64,
    ) -> Decision {
        if retries_done >= self.max_retries {
            return Decision::Return;
        }
        let backoff = std::cell::LazyCell::new(|| self.backoff(retries_done, jitter_sample()));
        // `Retry-After` is a floor under the jittered backoff, never a
        // replacement: a `0` or a past date from every rate-limited task at
        // once would otherwise send them all back in lockstep.
        let advised = |retry_after: Option<Duration>| match retry_after {
            Some(wait) if wait > self.max_retry_after => Decision::Return,
            Some(wait) => Decision::RetryAfter(wait.max(*backoff)),
            None => Decision::RetryAfter(*backoff),
        };
        match outcome {
            // The server refused before doing any work: safe for any method.
            Outcome::Status {
                status: 429,
                retry_after,
                ..
            } => advised(retry_after),
            Outcome::Status {
                status: 500 | 502 | 503 | 504,
                retry_after,
                ..
            } if repeatable => advised(retry_after),
            Outcome::Status {
                status: 409,
                in_progress: true,
                retry_after,
            } if repeatable => advised(retry_after),
            // No connection was made, so nothing was sent: safe for any
            // method.
            Outcome::ConnectFailed => Decision::RetryAfter(*backoff),
            // Whether or not the request arrived, sending it again cannot
            // do the work twice.
            Outcome::ConnectionLost if repeatable => Decision::RetryAfter(*backoff),
            _ => Decision::Return,
        }
    }

    /// Whether this policy retries `outcome` at all, the attempt count and
    /// the server's advice aside: the rule behind `Error::is_retryable`.
    pub(crate) fn retries(repeatable: bool, outcome: Outcome) -> bool {
        let unlimited = RetryPolicy {
            max_retries: 1,
            max_retry_after: Duration::MAX,
            ..RetryPolicy::default()
        };
        matches!(
            unlimited.decide(0, repeatable, outcome, || 0.0),
            Decision::RetryAfter(_)
        )
    }

    /// `base · 2ⁿ`, spread by the jitter, then capped: the cap is the
    /// longest wait there is, jitter included.
    pub(crate) fn backoff(&self, retries_done: u32, jitter_sample: f64) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(1u32.checked_shl(retries_done.min(16)).unwrap_or(u32::MAX));
        let factor = 1.0 + self.jitter.clamp(0.0, 1.0) * jitter_sample.clamp(-1.0, 1.0);
        // Past twice the cap, the jitter (at most ±100 %) cannot bring a
        // wait back under it; and no setting may overflow the product.
        let base = exp.min(self.max_delay.saturating_mul(2));
        let spread = Duration::try_from_secs_f64(base.as_secs_f64() * factor.max(0.0))
            .unwrap_or(Duration::MAX);
        spread.min(self.max_delay)
    }
}

/// The `Retry-After` of an answer's headers, if it has a readable one.
pub(crate) fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    headers
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, SystemTime::now()))
}

/// Reads `Retry-After`: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
/// A date in the past means "now".
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    if let Ok(seconds) = value.parse::<f64>() {
        if seconds.is_finite() && seconds >= 0.0 {
            return Some(Duration::from_secs_f64(seconds.min(1e9)));
        }
        return None;
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16) -> Outcome {
        Outcome::Status {
            status,
            retry_after: None,
            in_progress: false,
        }
    }

    #[test]
    fn rate_limits_are_retried_for_every_method() {
        let p = RetryPolicy::default();
        assert_eq!(
            p.decide(0, false, status(429), || 0.0),
            Decision::RetryAfter(Duration::from_secs(1))
        );
        let advised = Outcome::Status {
            status: 429,
            retry_after: Some(Duration::from_secs(7)),
            in_progress: false,
        };
        assert_eq!(
            p.decide(0, false, advised, || 0.9),
            Decision::RetryAfter(Duration::from_secs(7))
        );
    }

    #[test]
    fn retry_after_is_a_floor_under_the_jittered_backoff() {
        let p = RetryPolicy::default();
        for advice in [Duration::ZERO, Duration::from_micros(100)] {
            let advised = Outcome::Status {
                status: 503,
                retry_after: Some(advice),
                in_progress: false,
            };
            // The backoff before the first retry is 1 s ±25 %.
            assert_eq!(
                p.decide(0, true, advised, || -1.0),
                Decision::RetryAfter(Duration::from_millis(750))
            );
            assert_eq!(
                p.decide(0, true, advised, || 0.6),
                Decision::RetryAfter(Duration::from_millis(1150))
            );
        }
        let longer = Outcome::Status {
            status: 429,
            retry_after: Some(Duration::from_secs(5)),
            in_progress: false,
        };
        assert_eq!(
            p.decide(0, false, longer, || 1.0),
            Decision::RetryAfter(Duration::from_secs(5))
        );
    }

    #[test]
    fn classes_follow_the_method() {
        use reqwest::Method;
        for m in [
            Method::GET,
            Method::HEAD,
            Method::PUT,
            Method::DELETE,
            Method::OPTIONS,
        ] {
            assert_eq!(RetryClass::for_method(&m), RetryClass::Idempotent, "{m}");
        }
        for m in [Method::POST, Method::PATCH] {
            assert_eq!(RetryClass::for_method(&m), RetryClass::NonIdempotent, "{m}");
        }
    }

    #[test]
    fn server_errors_are_retried_only_when_repeatable() {
        let p = RetryPolicy::default();
        for s in [500, 502, 503, 504] {
            assert!(
                matches!(
                    p.decide(0, true, status(s), || 0.0),
                    Decision::RetryAfter(_)
                ),
                "{s}"
            );
            assert_eq!(
                p.decide(0, false, status(s), || 0.0),
                Decision::Return,
                "{s}"
            );
        }
        for s in [400, 401, 403, 404, 409, 422, 501] {
            assert_eq!(
                p.decide(0, true, status(s), || 0.0),
                Decision::Return,
                "{s}"
            );
        }
    }

    #[test]
    fn in_progress_conflicts_wait_for_the_first_attempt() {
        let p = RetryPolicy::default();
        let busy = Outcome::Status {
            status: 409,
            retry_after: None,
            in_progress: true,
        };
        assert!(matches!(
            p.decide(0, true, busy, || 0.0),
            Decision::RetryAfter(_)
        ));
        assert_eq!(p.decide(0, false, busy, || 0.0), Decision::Return);
    }

    #[test]
    fn connection_failures_and_timeouts() {
        let p = RetryPolicy::default();
        // Nothing was sent: any request may go again.
        for repeatable in [true, false] {
            assert!(matches!(
                p.decide(0, repeatable, Outcome::ConnectFailed, || 0.0),
                Decision::RetryAfter(_)
            ));
        }
        assert!(matches!(
            p.decide(0, true, Outcome::ConnectionLost, || 0.0),
            Decision::RetryAfter(_)
        ));
        assert_eq!(
            p.decide(0, false, Outcome::ConnectionLost, || 0.0),
            Decision::Return
        );
        assert_eq!(
            p.decide(0, true, Outcome::TimedOut, || 0.0),
            Decision::Return
        );
        assert_eq!(
            p.decide(0, true, Outcome::OtherFailure, || 0.0),
            Decision::Return
        );
    }

    #[test]
    fn retries_stop_at_the_limit() {
        let p = RetryPolicy {
            max_retries: 2,
            ..RetryPolicy::default()
        };
        assert!(matches!(
            p.decide(1, true, status(503), || 0.0),
            Decision::RetryAfter(_)
        ));
        assert_eq!(p.decide(2, true, status(503), || 0.0), Decision::Return);
        let none = RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        };
        assert_eq!(none.decide(0, true, status(429), || 0.0), Decision::Return);
    }

    #[test]
    fn advice_beyond_the_maximum_returns_at_once() {
        let p = RetryPolicy::default();
        let long = Outcome::Status {
            status: 429,
            retry_after: Some(Duration::from_secs(3600)),
            in_progress: false,
        };
        assert_eq!(p.decide(0, true, long, || 0.0), Decision::Return);
    }

    #[test]
    fn backoff_doubles_caps_and_jitters_within_bounds() {
        let p = RetryPolicy::default();
        assert_eq!(p.backoff(0, 0.0), Duration::from_secs(1));
        assert_eq!(p.backoff(1, 0.0), Duration::from_secs(2));
        assert_eq!(p.backoff(3, 0.0), Duration::from_secs(8));
        assert_eq!(p.backoff(10, 0.0), Duration::from_secs(30));
        assert_eq!(p.backoff(40, 0.0), Duration::from_secs(30));
        // The cap holds with the jitter too (it was 37.5 s).
        assert_eq!(p.backoff(10, 1.0), Duration::from_secs(30));
        assert_eq!(p.backoff(40, 1.0), Duration::from_secs(30));
        // Below the cap, the jitter still spreads both ways.
        assert_eq!(p.backoff(10, -1.0), Duration::from_millis(30_000));
        assert_eq!(p.backoff(4, 1.0), Duration::from_secs(20));
        // No setting overflows it.
        let huge = RetryPolicy {
            base_delay: Duration::MAX,
            max_delay: Duration::MAX,
            jitter: 1.0,
            ..RetryPolicy::default()
        };
        assert_eq!(huge.backoff(u32::MAX, 1.0), Duration::MAX);
        assert_eq!(p.backoff(0, 1.0), Duration::from_millis(1250));
        assert_eq!(p.backoff(0, -1.0), Duration::from_millis(750));
    }

    #[test]
    fn retry_after_in_both_forms() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(parse_retry_after("3", now), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:47 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
    }
}
