//! One call of an operation, as its caller awaits it: the generated
//! request future, turned into this crate's `Response` and [`Error`], within
//! the client's overall deadline.

use std::future::Future;
use std::task::Poll;
use std::time::Duration;

use reqwest::StatusCode;

use super::config::Inner;
use super::error::{CallFacts, Error};
use super::options::CallOptions;
use super::policy::RetryClass;
use super::response::{api_error, error_of, settle, Response, Settled};

/// What a generated `send` tells the layer about the call it starts: the
/// operation, and its retry class as the generator read it from the spec.
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct CallSpec {
    pub operation_id: &'static str,
    pub class: RetryClass,
    /// What the caller set for this call only.
    pub options: CallOptions,
}

/// Starts one call of an operation: the generated `send` hands over the
/// request future progenitor built, and gets back a future of this crate's
/// types. That future ends with the facts [`exec`](super::exec) knew about
/// the call (none if it failed before anything was sent) beside its result:
/// they travel as a value, so an error can say whether it is worth retrying
/// however the generated code awaits. The client's overall deadline covers every attempt, every wait and
/// reading an error body.
///
/// The returned future holds `call` in place, once: an `async fn` here
/// would keep both the argument and the future it awaits, and every layer
/// of that doubles what is copied on each call (see BENCHMARKS.md).
#[doc(hidden)]
#[inline]
pub fn send<T, F>(inner: &Inner, deadline: Option<Duration>, call: F) -> Call<'_, T, F>
where
    F: Future<Output = Sent<T>>,
{
    Call {
        call,
        limit: deadline.or(inner.0.deadline),
        deadline: None,
        error_body: None,
        error_head: None,
        facts: None,
        polled: false,
        _types: std::marker::PhantomData,
    }
}

/// What a generated request future ends with: the call's facts, if
/// [`exec`](super::exec) was reached, and progenitor's result.
#[doc(hidden)]
pub type Sent<T> = (
    Option<CallFacts>,
    Result<Response<T>, progenitor_client::Error<()>>,
);

/// The error of a non-success answer, once its body has been read.
type ErrorBody = std::pin::Pin<Box<dyn Future<Output = Error> + Send>>;

pin_project_lite::pin_project! {
    /// The future a generated `send` returns; see [`send`].
    #[doc(hidden)]
    #[must_use = "a call does nothing until it is awaited"]
    pub struct Call<'a, T, F> {
        #[pin]
        call: F,
        // Started on the first poll, where a runtime is sure to exist;
        // boxed, as only clients with a deadline have one.
        deadline: Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
        // A non-success answer whose body is being read (boxed: rare, and
        // it would otherwise grow every call's future), and its head, kept
        // for an error should the deadline pass before the body arrives.
        error_body: Option<ErrorBody>,
        error_head: Option<Box<(StatusCode, reqwest::header::HeaderMap)>>,
        facts: Option<CallFacts>,
        // The call's deadline: its own, or else the client's.
        limit: Option<Duration>,
        polled: bool,
        // The client the generated future borrows, for as long as it does.
        _types: std::marker::PhantomData<(fn() -> T, &'a Inner)>,
    }
}

impl<T, F> Future for Call<'_, T, F>
where
    F: Future<Output = Sent<T>>,
{
    type Output = Result<Response<T>, Error>;

    fn poll(self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let limit = *this.limit;
        let first = !*this.polled;
        if first {
            *this.polled = true;
            if let Some(limit) = limit {
                *this.deadline = Some(Box::pin(tokio::time::sleep(limit)));
            }
        }
        let result = match this.error_body.as_mut() {
            Some(reading) => reading.as_mut().poll(cx).map(Err),
            None => match this.call.as_mut().poll(cx) {
                Poll::Pending => Poll::Pending,
                Poll::Ready((facts, result)) => {
                    *this.facts = facts;
                    match settle(result) {
                        Settled::Done(result) => Poll::Ready(result),
                        Settled::ReadBody(response) => {
                            if limit.is_some() {
                                let head = (response.status(), response.headers().clone());
                                *this.error_head = Some(Box::new(head));
                            }
                            let reading = this.error_body.insert(Box::pin(error_of(response)));
                            reading.as_mut().poll(cx).map(Err)
                        }
                    }
                }
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
