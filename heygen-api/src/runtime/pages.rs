//! Following HeyGen's cursors: `limit` and `token` in, `data`, `has_more`
//! and `next_token` out.

use std::collections::VecDeque;
use std::fmt;
use std::hash::BuildHasher;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::error::Error;

/// A boxed, sendable future, as the generated page fetchers return.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// One page as the stream sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<I> {
    /// The page's `data`.
    pub items: Vec<I>,
    /// The page's `has_more`, when the response has one.
    pub has_more: Option<bool>,
    /// The page's `next_token`, when the response has one.
    pub next_token: Option<String>,
}

/// Implemented by the generator for the builder of every paginated
/// operation (see the README for the detection rule).
pub trait Paged<'a>: Clone + Send + 'a {
    /// What one page lists.
    type Item: Send + 'a;
    /// The same request, asking for the page after `token`.
    fn with_token(self, token: String) -> Self;
    /// Sends the request and splits the answer into a [`Page`].
    fn fetch(self) -> BoxFuture<'a, Result<Page<Self::Item>, Error>>;
}

/// Empty pages in a row, each with a cursor and `has_more` not `false`, that
/// a stream accepts before it gives up with [`Error::EmptyPages`]. A server
/// that filters after paging can return a few; a hundred means it is stuck.
pub const MAX_EMPTY_PAGES: u64 = 100;

type Fetcher<'a, I> =
    Box<dyn FnMut(Option<String>) -> BoxFuture<'a, Result<Page<I>, Error>> + Send + 'a>;

/// Every item of every page, as a [`futures_core::Stream`]. Pages are
/// fetched one at a time, only when the items before them have been taken,
/// so a stream that is dropped, or cut short with `take`, fetches no further.
///
/// The stream ends after a page with `has_more: false`, a page without a
/// (non-empty) `next_token`, and after the first error. Errors come after the
/// client's own retries: a 429 or a 5xx that a retry cures never reaches the
/// stream. Two server faults that would otherwise list for ever end it with
/// an error: a cursor the stream has already followed ([`Error::CursorCycle`],
/// a cycle of any length), and more than [`MAX_EMPTY_PAGES`] empty pages in
/// a row that each claim more will follow ([`Error::EmptyPages`]). Between
/// two pages the stream yields to the runtime, so a fast server cannot hold
/// one `poll` for ever.
pub struct PageStream<'a, I> {
    fetch: Fetcher<'a, I>,
    buffer: VecDeque<I>,
    in_flight: Option<BoxFuture<'a, Result<Page<I>, Error>>>,
    /// The cursor of the page in flight (`None` for the first page).
    current_token: Option<String>,
    next_token: Option<String>,
    /// The cursors followed so far, in bounded memory: one seen again
    /// means a cycle.
    seen: CursorMemory,
    empty_in_a_row: u64,
    /// A fault found while reading a page, reported after its items.
    fault: Option<Error>,
    done: bool,
    pages: u64,
}

impl<I> fmt::Debug for PageStream<'_, I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PageStream")
            .field("buffered", &self.buffer.len())
            .field("pages_fetched", &self.pages)
            .field("done", &self.done)
            .finish()
    }
}

// Items are only ever moved out of the buffer, never pinned.
impl<I> Unpin for PageStream<'_, I> {}

impl<'a, I: Send + 'a> PageStream<'a, I> {
    /// A stream over the pages of `request`, starting where it starts (a
    /// `token` set on it is honoured).
    pub fn new<B: Paged<'a, Item = I>>(request: B) -> Self {
        let fetch: Fetcher<'a, I> = Box::new(move |token| {
            let request = request.clone();
            match token {
                Some(token) => request.with_token(token).fetch(),
                None => request.fetch(),
            }
        });
        PageStream {
            fetch,
            buffer: VecDeque::new(),
            in_flight: None,
            current_token: None,
            next_token: None,
            seen: CursorMemory::default(),
            empty_in_a_row: 0,
            fault: None,
            done: false,
            pages: 0,
        }
    }

    /// The next item, or `None` at the end; no extra crate needed.
    pub async fn next(&mut self) -> Option<Result<I, Error>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next_item(cx)).await
    }

    /// Every remaining item, or the first error.
    pub async fn collect_all(mut self) -> Result<Vec<I>, Error> {
        let mut all = Vec::new();
        while let Some(item) = self.next().await {
            all.push(item?);
        }
        Ok(all)
    }

    /// How many pages have been fetched so far.
    pub fn pages_fetched(&self) -> u64 {
        self.pages
    }

    fn poll_next_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<I, Error>>> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            if let Some(fault) = self.fault.take() {
                return Poll::Ready(Some(Err(fault)));
            }
            if self.done {
                return Poll::Ready(None);
            }
            if self.in_flight.is_none() {
                let token = self.next_token.take();
                self.current_token = token.clone();
                self.in_flight = Some((self.fetch)(token));
            }
            let Some(fut) = self.in_flight.as_mut() else {
                return Poll::Ready(None);
            };
            match fut.as_mut().poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Err(e)) => {
                    self.in_flight = None;
                    self.done = true;
                    return Poll::Ready(Some(Err(e)));
                }
                Poll::Ready(Ok(page)) => {
                    self.in_flight = None;
                    self.pages += 1;
                    if let Some(token) = self.current_token.take() {
                        self.seen.followed(&token);
                    }
                    let empty = page.items.is_empty();
                    self.buffer.extend(page.items);
                    let next = page.next_token.filter(|t| !t.is_empty());
                    // `has_more: false` ends the listing even if a token came
                    // along; a token is needed to go on either way.
                    match (page.has_more, next) {
                        (Some(false), _) | (_, None) => self.done = true,
                        (_, Some(token)) if self.seen.is_repeat(&token) => {
                            self.fault = Some(Error::CursorCycle { pages: self.pages });
                            self.done = true;
                        }
                        (_, Some(token)) => {
                            self.empty_in_a_row = if empty { self.empty_in_a_row + 1 } else { 0 };
                            if self.empty_in_a_row > MAX_EMPTY_PAGES {
                                self.fault = Some(Error::EmptyPages {
                                    pages: self.empty_in_a_row,
                                });
                                self.done = true;
                            } else {
                                self.next_token = Some(token);
                            }
                        }
                    }
                    if self.buffer.is_empty() && !self.done {
                        // Nothing to hand out yet: let other tasks run
                        // before the next page is asked for.
                        cx.waker().wake_by_ref();
                        return Poll::Pending;
                    }
                }
            }
        }
    }
}

impl<'a, I: Send + 'a> futures_core::Stream for PageStream<'a, I> {
    type Item = Result<I, Error>;
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_next_item(cx)
    }
}

/// Cursors a stream has followed, in memory that does not grow with the
/// listing (a server handing out fresh, large cursors for ever cannot grow
/// it): hashes of the last [`RECENT_CURSORS`], which catch a short cycle at
/// its first repeat, and Brent's tortoise, one saved cursor moved to every
/// power-of-two position, which catches a cycle of any length within about
/// twice its length.
#[derive(Debug, Default)]
struct CursorMemory {
    hasher: std::collections::hash_map::RandomState,
    recent: VecDeque<u64>,
    tortoise: Option<u64>,
    /// Cursors followed since the tortoise last moved, and when it moves next.
    since_tortoise: u64,
    next_move: u64,
}

/// Cursors remembered exactly (as 64-bit hashes).
const RECENT_CURSORS: usize = 256;

impl CursorMemory {
    fn hash(&self, cursor: &str) -> u64 {
        self.hasher.hash_one(cursor)
    }

    /// `cursor` was just followed.
    fn followed(&mut self, cursor: &str) {
        let h = self.hash(cursor);
        if self.recent.len() == RECENT_CURSORS {
            self.recent.pop_front();
        }
        self.recent.push_back(h);
        self.since_tortoise += 1;
        if self.tortoise.is_none() || self.since_tortoise >= self.next_move {
            self.tortoise = Some(h);
            self.since_tortoise = 0;
            self.next_move = (self.next_move * 2).max(1);
        }
    }

    /// Whether following `cursor` would go round a cycle.
    fn is_repeat(&self, cursor: &str) -> bool {
        let h = self.hash(cursor);
        self.tortoise == Some(h) || self.recent.contains(&h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows `cursor(n)` for n = 0, 1, ... until a repeat shows; returns
    /// how many were followed.
    fn pages_until_cycle(cursor: impl Fn(u64) -> String, limit: u64) -> Option<u64> {
        let mut memory = CursorMemory::default();
        for n in 0..limit {
            let c = cursor(n);
            if memory.is_repeat(&c) {
                return Some(n);
            }
            memory.followed(&c);
        }
        None
    }

    #[test]
    fn cycles_of_any_length_are_caught_in_bounded_memory() {
        // Short cycles: at the first repeat.
        for len in 1..=3 {
            assert_eq!(
                pages_until_cycle(|n| format!("c{}", n % len), 100),
                Some(len)
            );
        }
        // A cycle longer than the exact memory, after a long tail: within
        // the tail plus about twice its length.
        let (tail, len) = (5_000u64, 3_000u64);
        let cursor = |n: u64| {
            if n < tail {
                format!("t{n}")
            } else {
                format!("c{}", (n - tail) % len)
            }
        };
        let found = pages_until_cycle(cursor, 100_000).expect("caught");
        assert!(
            found > tail + len && found <= 2 * (tail + len) + len,
            "{found}"
        );
        // Fresh cursors never end the stream, and memory stays bounded.
        let mut memory = CursorMemory::default();
        for n in 0..100_000u64 {
            let c = format!("{n:0>1000}");
            assert!(!memory.is_repeat(&c));
            memory.followed(&c);
        }
        assert_eq!(memory.recent.len(), RECENT_CURSORS);
    }
}
