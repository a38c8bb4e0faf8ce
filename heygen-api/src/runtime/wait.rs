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
    /// The job's id (its `id` field), for errors that name it.
    fn id(&self) -> Option<String> {
        None
    }
    /// Why it failed, machine-readable (HeyGen's `failure_code`).
    fn failure_code(&self) -> Option<String> {
        None
    }
    /// Why it failed, for people (HeyGen's `failure_message`).
    fn failure_message(&self) -> Option<String> {
        None
    }
    /// Where its result can be downloaded (`video_url`, `url`, ...), once
    /// there. Such links are often presigned and expire.
    fn output_url(&self) -> Option<String> {
        None
    }
    /// Whether the resource has a result link at all: a completed job
    /// whose link has not appeared yet is then polled a little longer
    /// ([`WaitOptions::output_grace`]).
    fn has_output_url() -> bool
    where
        Self: Sized,
    {
        false
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
    /// Polls in a row that may fail transiently (a timeout, a lost
    /// connection, a body cut short, a 5xx, a 429 the client did not wait
    /// out) before the wait gives up with the last poll's error. A poll
    /// that succeeds starts the count again. Other errors (a 404, a bad
    /// key) end the wait at once.
    pub max_poll_failures: u32,
    /// How long a completed job whose result link ([`Job::output_url`]) is
    /// still missing is polled on: the link can lag the status. After
    /// that the wait returns the job as it is.
    pub output_grace: Duration,
}

impl Default for WaitOptions {
    fn default() -> Self {
        let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        WaitOptions {
            initial_interval: Duration::from_secs(2),
            max_interval: Duration::from_secs(30),
            multiplier: 1.5,
            // HeyGen renders take 5 to 15 minutes, sometimes over 20; its
            // advice is a limit of 15 to 20 minutes.
            timeout: Duration::from_secs(20 * 60),
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
            max_poll_failures: 5,
            output_grace: Duration::from_secs(60),
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

    /// Sets how many polls in a row may fail transiently
    /// ([`max_poll_failures`](Self::max_poll_failures)).
    pub fn max_poll_failures(mut self, failures: u32) -> Self {
        self.max_poll_failures = failures;
        self
    }
    /// Sets how long a completed job's missing result link is waited for
    /// ([`output_grace`](Self::output_grace)).
    pub fn output_grace(mut self, grace: Duration) -> Self {
        self.output_grace = grace;
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
#[non_exhaustive]
pub struct WaitProgress {
    /// The status just read.
    pub status: Option<String>,
    /// The resource's progress percentage, if it has one.
    pub progress: Option<f64>,
    /// Polls so far, including this one.
    pub polls: u32,
    /// Time since the wait began.
    pub elapsed: Duration,
    /// Whether the status differs from the previous poll's (always true
    /// for the first poll).
    pub changed: bool,
    /// Polls that failed transiently and were shrugged off so far.
    pub failed_polls: u32,
}

/// Whether a poll's error may pass (the next poll can succeed), and how long
/// the server asked to be left alone. A 429 reaches the wait only when the
/// client did not wait it out itself (its `Retry-After` over the client's
/// cap, or retries spent); a 5xx, a timeout, a lost connection or a body
/// cut short say nothing about the job.
fn transient(error: &Error) -> Option<Duration> {
    match error {
        Error::Timeout(_)
        | Error::Transport(_)
        | Error::Decode { .. }
        | Error::DeadlineExceeded { .. } => Some(Duration::ZERO),
        Error::Api(api) => {
            let status = api.status.as_u16();
            (status == 429 || status == 408 || api.status.is_server_error())
                .then(|| api.retry_after.unwrap_or(Duration::ZERO))
        }
        _ => None,
    }
}

/// Polls `poll` until the resource reaches a status that ends the wait, and
/// says which ([`WaitOutcome`]): completed, waiting for the caller, stopped
/// or paused, or unknown. A failed status gives [`Error::JobFailed`] with
/// the job's id and failure code and message; the deadline gives
/// [`Error::WaitTimedOut`] with the id and last status seen. Any other
/// declared status (or any status at all, for a free-string status) means
/// "still running".
///
/// A poll that fails transiently (see [`WaitOptions::max_poll_failures`])
/// does not end the wait: the next poll comes after the usual pause, or
/// after the server's `Retry-After` if that is longer. Past that many
/// failures in a row, the last error is returned as is. A completed job
/// whose result link lags is polled for up to [`WaitOptions::output_grace`]
/// more.
///
/// The first poll is immediate; the pauses between polls start at
/// `initial_interval` and grow by `multiplier` up to `max_interval`. The
/// deadline bounds the whole wait: a poll still in flight when it passes is
/// abandoned. `on_progress` sees the status and progress after every poll
/// that answered. Dropping the returned future stops the polling.
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
    let mut interval = options.initial_interval;
    let mut polls = 0u32;
    let mut failures_in_a_row = 0u32;
    let mut failed_polls = 0u32;
    let mut last_status: Option<String> = None;
    let mut id: Option<String> = None;
    let mut completed_at: Option<Instant> = None;
    let timed_out = |id: Option<String>, last_status: Option<String>| Error::WaitTimedOut {
        id,
        last_status,
        waited: started.elapsed(),
    };
    loop {
        let answered = match tokio::time::timeout_at(deadline, poll()).await {
            Ok(answered) => answered,
            Err(_) => return Err(timed_out(id, last_status)),
        };
        let mut pause = interval;
        match answered {
            Err(error) => {
                let Some(asked) = transient(&error) else {
                    return Err(error);
                };
                failures_in_a_row += 1;
                failed_polls += 1;
                if failures_in_a_row > options.max_poll_failures {
                    return Err(error);
                }
                tracing::warn!(
                    failures_in_a_row,
                    error = %error,
                    "a poll failed; the wait goes on"
                );
                pause = pause.max(asked);
            }
            Ok(resource) => {
                failures_in_a_row = 0;
                polls += 1;
                let status = resource.status();
                if id.is_none() {
                    id = resource.id();
                }
                on_progress(&WaitProgress {
                    status: status.clone(),
                    progress: resource.progress(),
                    polls,
                    elapsed: started.elapsed(),
                    changed: polls == 1 || status != last_status,
                    failed_polls,
                });
                if let Some(s) = &status {
                    match classify::<T>(&options, s) {
                        Step::Completed
                            if T::has_output_url()
                                && resource.output_url().is_none()
                                && completed_at.get_or_insert_with(Instant::now).elapsed()
                                    < options.output_grace =>
                        {
                            // The link lags the status: poll again soon.
                            pause = options.initial_interval;
                        }
                        Step::Completed => return Ok(WaitOutcome::Completed(resource)),
                        Step::Failed => {
                            return Err(Error::JobFailed {
                                id: resource.id().or(id),
                                status: s.clone(),
                                code: resource.failure_code(),
                                message: resource.failure_message(),
                                resource: Box::new(
                                    serde_json::to_value(&resource)
                                        .unwrap_or(serde_json::Value::Null),
                                ),
                            })
                        }
                        Step::NeedsCaller => {
                            return Ok(WaitOutcome::NeedsCaller {
                                status: s.clone(),
                                resource,
                            })
                        }
                        Step::Halted => {
                            return Ok(WaitOutcome::Halted {
                                status: s.clone(),
                                resource,
                            })
                        }
                        Step::Unknown => {
                            return Ok(WaitOutcome::Unknown {
                                status: s.clone(),
                                resource,
                            })
                        }
                        Step::Running => {}
                    }
                }
                last_status = status;
                interval = options.next_interval(interval);
            }
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(timed_out(id, last_status));
        }
        tokio::time::sleep(pause.min(deadline - now)).await;
    }
}

/// What a status means for the wait.
enum Step {
    Running,
    Completed,
    Failed,
    NeedsCaller,
    Halted,
    Unknown,
}

fn classify<T: Job>(options: &WaitOptions, status: &str) -> Step {
    let is = |list: &[String]| list.iter().any(|x| x.eq_ignore_ascii_case(status));
    let listed = |list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(status));
    if is(&options.completed) {
        return Step::Completed;
    }
    if is(&options.failed) {
        return Step::Failed;
    }
    if is(&options.needs_caller) {
        return Step::NeedsCaller;
    }
    if is(&options.halted) {
        return Step::Halted;
    }
    let known = T::known_statuses();
    let undeclared = !known.is_empty() && !listed(known);
    let terminal = listed(T::terminal_statuses());
    if terminal || (undeclared && !options.keep_waiting_on_unknown) {
        Step::Unknown
    } else {
        Step::Running
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A job that tells only its status.
    #[derive(Serialize)]
    struct Bare;

    impl Job for Bare {
        fn status(&self) -> Option<String> {
            Some("running".into())
        }
        fn progress(&self) -> Option<f64> {
            None
        }
    }

    #[test]
    fn a_job_without_those_fields_reports_none_of_them() {
        assert_eq!(Bare.id(), None);
        assert_eq!(Bare.failure_code(), None);
        assert_eq!(Bare.failure_message(), None);
        assert_eq!(Bare.output_url(), None);
        assert!(!Bare::has_output_url());
        assert!(Bare::known_statuses().is_empty() && Bare::terminal_statuses().is_empty());
    }

    #[test]
    fn the_setters_set_what_they_name() {
        let o = WaitOptions::default()
            .max_poll_failures(9)
            .output_grace(Duration::from_secs(7))
            .timeout(Duration::from_secs(3))
            .interval(Duration::from_secs(4), Duration::from_secs(2));
        assert_eq!(o.max_poll_failures, 9);
        assert_eq!(o.output_grace, Duration::from_secs(7));
        assert_eq!(o.timeout, Duration::from_secs(3));
        assert_eq!(
            (o.initial_interval, o.max_interval),
            (Duration::from_secs(4), Duration::from_secs(4))
        );
        let d = WaitOptions::default();
        assert_eq!(
            (d.timeout, d.max_poll_failures, d.output_grace),
            (Duration::from_secs(1200), 5, Duration::from_secs(60))
        );
    }
}
