//! Waiting for an asynchronous job (a video, a translation, a lipsync, an
//! agent session) to reach a state where the caller has something to do.

use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

use serde::Serialize;

use super::error::Error;

/// A resource that is a job, as the generator detects it: a string (or
/// string enum) `status`, on the `data` of a `GET` that reads one resource
/// by id, or on a schema that lists its terminal statuses
/// (`x-terminal-statuses`). Maybe a numeric `progress`.
pub trait Job {
    /// The status as HeyGen spells it (`pending`, `completed`, ...).
    fn status(&self) -> Option<String>;
    /// Percentage done, where the resource reports one.
    fn progress(&self) -> Option<f64>;
    /// Every status the schema declares (its enum); empty when the status
    /// is a free string. A status outside a non-empty list is unknown.
    fn known_statuses() -> &'static [&'static str]
    where
        Self: Sized,
    {
        &[]
    }
    /// Statuses the spec says end the job (`x-terminal-statuses`).
    fn terminal_statuses() -> &'static [&'static str]
    where
        Self: Sized,
    {
        &[]
    }
}

/// How a wait ended, when it ended without an error: each case says what
/// the job is doing, so a job someone else stopped is never mistaken for a
/// finished one. A failed status is [`Error::JobFailed`] instead.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum WaitOutcome<T> {
    /// A completed status ([`WaitOptions::completed`]): the result is ready.
    Completed(T),
    /// The service waits for the caller ([`WaitOptions::needs_caller`],
    /// e.g. a chat-mode session's `waiting_for_input`).
    NeedsCaller { status: String, resource: T },
    /// Stopped or paused ([`WaitOptions::halted`]): it will not go on
    /// unless someone resumes it.
    Halted { status: String, resource: T },
    /// A status this client cannot place: one the resource's schema does
    /// not declare (HeyGen added it since), or a terminal status the spec
    /// lists that is neither completed nor failed. Returned at once unless
    /// [`WaitOptions::keep_waiting_on_unknown`] is set.
    Unknown { status: String, resource: T },
}

impl<T> WaitOutcome<T> {
    /// The resource, if the job completed.
    pub fn completed(self) -> Option<T> {
        match self {
            WaitOutcome::Completed(resource) => Some(resource),
            _ => None,
        }
    }
    /// The resource as last read, whatever the outcome.
    pub fn resource(&self) -> &T {
        match self {
            WaitOutcome::Completed(resource)
            | WaitOutcome::NeedsCaller { resource, .. }
            | WaitOutcome::Halted { resource, .. }
            | WaitOutcome::Unknown { resource, .. } => resource,
        }
    }
    /// The resource as last read, whatever the outcome.
    pub fn into_resource(self) -> T {
        match self {
            WaitOutcome::Completed(resource)
            | WaitOutcome::NeedsCaller { resource, .. }
            | WaitOutcome::Halted { resource, .. }
            | WaitOutcome::Unknown { resource, .. } => resource,
        }
    }
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
    /// agent session's `waiting_for_input`): [`WaitOutcome::NeedsCaller`].
    pub needs_caller: Vec<String>,
    /// Statuses of a job stopped or paused: [`WaitOutcome::Halted`].
    pub halted: Vec<String>,
    /// Poll on through statuses the schema does not declare instead of
    /// returning [`WaitOutcome::Unknown`] (off by default).
    pub keep_waiting_on_unknown: bool,
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
            needs_caller: owned(&["waiting_for_input", "requires_action"]),
            halted: owned(&["stopped", "paused"]),
            keep_waiting_on_unknown: false,
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

/// Polls `poll` until the resource reaches a status that ends the wait, and
/// says which ([`WaitOutcome`]): completed, waiting for the caller, stopped
/// or paused, or unknown. A failed status gives [`Error::JobFailed`]; the
/// deadline gives [`Error::WaitTimedOut`]; an error from a poll (after the
/// client's own retries) is returned as is. Any other declared status (or
/// any status at all, for a free-string status) means "still running".
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
) -> Result<WaitOutcome<T>, Error>
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
            let listed = |list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(s));
            let status = s.clone();
            if is(&options.completed) {
                return Ok(WaitOutcome::Completed(resource));
            }
            if is(&options.failed) {
                let resource = serde_json::to_value(&resource).unwrap_or(serde_json::Value::Null);
                return Err(Error::JobFailed {
                    status,
                    resource: Box::new(resource),
                });
            }
            if is(&options.needs_caller) {
                return Ok(WaitOutcome::NeedsCaller { status, resource });
            }
            if is(&options.halted) {
                return Ok(WaitOutcome::Halted { status, resource });
            }
            let known = T::known_statuses();
            let undeclared = !known.is_empty() && !listed(known);
            let terminal = listed(T::terminal_statuses());
            if terminal || (undeclared && !options.keep_waiting_on_unknown) {
                return Ok(WaitOutcome::Unknown { status, resource });
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
