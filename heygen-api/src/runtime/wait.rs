//! Waiting for an asynchronous job (a video, a translation, a lipsync, an
//! agent session) to reach a state where the caller has something to do.

use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

use serde::Serialize;

use super::error::Error;

/// A resource with a status, as the generator detects it: a type with a
/// `status` field (and maybe a numeric `progress`).
pub trait Job {
    /// The status as HeyGen spells it (`pending`, `completed`, ...).
    fn status(&self) -> Option<String>;
    /// Percentage done, where the resource reports one.
    fn progress(&self) -> Option<f64>;
}

/// How to wait.
#[derive(Debug, Clone)]
pub struct WaitOptions {
    /// Pause before the second poll.
    pub initial_interval: Duration,
    /// Longest pause between polls.
    pub max_interval: Duration,
    /// Each pause is the previous one times this.
    pub multiplier: f64,
    /// Give up after this long.
    pub timeout: Duration,
    /// Statuses that mean the job is done.
    pub completed: Vec<String>,
    /// Statuses that mean the job failed.
    pub failed: Vec<String>,
    /// Statuses where the service waits for the caller (e.g. a chat-mode
    /// agent session's `waiting_for_input`); the wait ends with the resource.
    pub needs_caller: Vec<String>,
}

impl Default for WaitOptions {
    fn default() -> Self {
        let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        WaitOptions {
            initial_interval: Duration::from_secs(2),
            max_interval: Duration::from_secs(30),
            multiplier: 1.5,
            timeout: Duration::from_secs(60 * 60),
            completed: owned(&[
                "completed",
                "complete",
                "succeeded",
                "success",
                "done",
                "finished",
                "ready",
            ]),
            failed: owned(&[
                "failed",
                "failure",
                "error",
                "cancelled",
                "canceled",
                "expired",
                "rejected",
            ]),
            needs_caller: owned(&["waiting_for_input", "requires_action", "paused", "stopped"]),
        }
    }
}

impl WaitOptions {
    /// Sets the overall deadline.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }
    /// Sets the first and the longest pause between polls.
    pub fn interval(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_interval = initial;
        self.max_interval = max.max(initial);
        self
    }

    /// The pause after `current`: `current × multiplier`, at most
    /// `max_interval`, a zero interval stays zero (polls then follow each other at once).
    pub fn next_interval(&self, current: Duration) -> Duration {
        let factor = if self.multiplier.is_finite() {
            self.multiplier.max(1.0)
        } else {
            1.0
        };
        Duration::try_from_secs_f64(current.as_secs_f64() * factor)
            .unwrap_or(self.max_interval)
            .min(self.max_interval)
    }
}

/// What the progress callback sees after each poll.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitProgress {
    /// The status just read.
    pub status: Option<String>,
    /// The resource's progress percentage, if it has one.
    pub progress: Option<f64>,
    /// Polls so far, including this one.
    pub polls: u32,
    /// Time since the wait began.
    pub elapsed: Duration,
}

/// Polls `poll` until the resource reaches a completed status, or one where
/// it waits for the caller, and returns it. A failed status gives
/// [`Error::JobFailed`]; the deadline gives [`Error::WaitTimedOut`]; an
/// error from a poll (after the client's own retries) is returned as is.
///
/// The first poll is immediate; the pauses between polls start at
/// `initial_interval` and grow by `multiplier` up to `max_interval`. The
/// deadline bounds the whole wait: a poll still in flight when it passes is
/// abandoned. `on_progress` sees the status and progress after every poll.
/// Dropping the returned future stops the polling.
pub async fn wait_for<T, F, Fut>(
    mut poll: F,
    options: WaitOptions,
    mut on_progress: impl FnMut(&WaitProgress),
) -> Result<T, Error>
where
    T: Job + Serialize,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    let started = Instant::now();
    // A timeout too large for the clock means "no deadline" (30 years).
    let deadline = started
        .checked_add(options.timeout)
        .unwrap_or_else(|| started + Duration::from_secs(30 * 365 * 86_400));
    let timed_out = |last_status: Option<String>| Error::WaitTimedOut {
        last_status,
        waited: started.elapsed(),
    };
    let mut interval = options.initial_interval;
    let mut polls = 0u32;
    let mut last_status = None;
    loop {
        let resource = match tokio::time::timeout_at(deadline, poll()).await {
            Ok(resource) => resource?,
            Err(_) => return Err(timed_out(last_status)),
        };
        polls += 1;
        let status = resource.status();
        on_progress(&WaitProgress {
            status: status.clone(),
            progress: resource.progress(),
            polls,
            elapsed: started.elapsed(),
        });
        if let Some(s) = &status {
            let is = |list: &[String]| list.iter().any(|x| x.eq_ignore_ascii_case(s));
            if is(&options.completed) || is(&options.needs_caller) {
                return Ok(resource);
            }
            if is(&options.failed) {
                let resource = serde_json::to_value(&resource).unwrap_or(serde_json::Value::Null);
                return Err(Error::JobFailed {
                    status: s.clone(),
                    resource: Box::new(resource),
                });
            }
        }
        last_status = status;
        let now = Instant::now();
        if now >= deadline {
            return Err(timed_out(last_status));
        }
        tokio::time::sleep(interval.min(deadline - now)).await;
        interval = options.next_interval(interval);
    }
}
