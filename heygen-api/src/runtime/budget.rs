//! A client-wide cap on retries: a token bucket that retries draw from and
//! successes refill, in the manner of AWS's "standard" retry mode.
//!
//! Per-call limits (`max_retries`) bound what one call does; they do not stop
//! a thousand tasks from each retrying twice into a failing region, which
//! triples the load on it exactly when it can least take it. With the bucket,
//! once failures outnumber successes the retries stop until calls succeed
//! again, and each call then returns its first error at once.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// How many retries a client (and all its clones) may make in a row when
/// calls keep failing.
///
/// Defaults: 500 tokens, 5 per retry, 1 back for each call that succeeds
/// without a retry and the retry cost back for one that succeeds after a
/// retry. From full, that allows 100 retries in a burst of failures; after
/// that a retry needs five first-attempt successes. These are the numbers of
/// AWS's standard mode, which was tuned for the same problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryBudget {
    /// Tokens the bucket holds when full (and at start).
    pub capacity: u32,
    /// Tokens one retry takes.
    pub retry_cost: u32,
    /// Tokens a call that succeeds at its first attempt puts back.
    pub success_refill: u32,
}

impl Default for RetryBudget {
    fn default() -> Self {
        RetryBudget {
            capacity: 500,
            retry_cost: 5,
            success_refill: 1,
        }
    }
}

impl RetryBudget {
    /// No client-wide cap: only `max_retries` limits retries.
    pub fn unlimited() -> Self {
        RetryBudget {
            capacity: u32::MAX,
            retry_cost: 0,
            success_refill: 0,
        }
    }
}

/// The bucket itself, shared by a client and its clones.
#[derive(Debug, Clone)]
pub(crate) struct Bucket {
    config: RetryBudget,
    tokens: Arc<AtomicU32>,
}

impl Bucket {
    pub(crate) fn new(config: RetryBudget) -> Self {
        let tokens = Arc::new(AtomicU32::new(config.capacity));
        Bucket { config, tokens }
    }

    /// Takes the cost of one retry; `false` (and nothing taken) when the
    /// bucket cannot pay for it.
    pub(crate) fn try_withdraw(&self) -> bool {
        let cost = self.config.retry_cost;
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost))
            .is_ok()
    }

    /// Whether the bucket could pay for one retry now (nothing is taken:
    /// the retry is charged when it is sent, so that a call dropped while
    /// it waits costs nothing).
    pub(crate) fn can_pay(&self) -> bool {
        self.tokens.load(Ordering::Acquire) >= self.config.retry_cost
    }

    /// A call succeeded after `retries` retries.
    pub(crate) fn deposit(&self, retries: u32) {
        let amount = if retries == 0 {
            self.config.success_refill
        } else {
            self.config.retry_cost
        };
        if amount == 0 {
            return;
        }
        let capacity = self.config.capacity;
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                Some(t.saturating_add(amount).min(capacity))
            });
    }

    #[cfg(test)]
    pub(crate) fn tokens(&self) -> u32 {
        self.tokens.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_stop_when_the_bucket_is_empty_and_successes_refill_it() {
        let bucket = Bucket::new(RetryBudget {
            capacity: 12,
            retry_cost: 5,
            success_refill: 1,
        });
        assert!(bucket.try_withdraw());
        assert!(bucket.try_withdraw());
        assert!(!bucket.try_withdraw(), "2 tokens cannot pay for a retry");
        assert_eq!(bucket.tokens(), 2);
        bucket.deposit(0);
        bucket.deposit(0);
        bucket.deposit(0);
        assert!(bucket.try_withdraw());
        bucket.deposit(1);
        bucket.deposit(1);
        bucket.deposit(1);
        assert_eq!(bucket.tokens(), 12, "never above capacity");
    }

    #[test]
    fn clones_share_one_bucket() {
        let a = Bucket::new(RetryBudget {
            capacity: 5,
            retry_cost: 5,
            success_refill: 1,
        });
        let b = a.clone();
        assert!(a.try_withdraw());
        assert!(!b.try_withdraw());
    }

    #[test]
    fn unlimited_never_refuses() {
        let bucket = Bucket::new(RetryBudget::unlimited());
        for _ in 0..10_000 {
            assert!(bucket.try_withdraw());
        }
    }
}
