//! How safe it is to send an operation's request again: the one
//! definition. The generator compiles this file as its own module, and
//! emits it word for word into a client generated with its runtime in the
//! same crate (`heygen-api`, whose runtime re-exports it), so the class the
//! generator decides and the class the runtime acts on are one type. It
//! depends on nothing beyond `core`.

/// How safe it is to send an operation's request again, decided by the
/// generator from the spec and stated in each operation's docs.
///
/// | class | which operations | retried on |
/// |---|---|---|
/// | [`Idempotent`](RetryClass::Idempotent) | `GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS` | 429, 500/502/503/504, 409 `request_in_progress`, connection refused or lost |
/// | [`Keyed`](RetryClass::Keyed) | a `POST`/`PATCH` whose spec declares an `Idempotency-Key` header | the same, always with the call's one key |
/// | [`NonIdempotent`](RetryClass::NonIdempotent) | every other `POST`/`PATCH` | 429, and failures where nothing was sent (connection refused, DNS, TLS handshake) |
///
/// A `POST` that HeyGen does not document as honouring `Idempotency-Key`
/// (creating a video, say) may already have done its work, and billed it,
/// when a gateway answers 502: sending it again could do it twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryClass {
    /// The method is idempotent: sending it twice has the effect of once.
    Idempotent,
    /// The operation honours `Idempotency-Key`: every attempt of one call
    /// carries the same key, and the server runs it at most once.
    Keyed,
    /// Neither: the request may do its work each time it arrives.
    NonIdempotent,
}

impl RetryClass {
    /// The variant's name, as generated code spells it.
    pub fn variant(self) -> &'static str {
        match self {
            RetryClass::Idempotent => "Idempotent",
            RetryClass::Keyed => "Keyed",
            RetryClass::NonIdempotent => "NonIdempotent",
        }
    }

    /// What the class means for a caller: the paragraph of each
    /// operation's docs.
    pub fn doc(self) -> &'static str {
        match self {
            RetryClass::Idempotent => "**Retries:** idempotent by method. The client retries it after a 429, a 5xx, a 409 `request_in_progress` or a lost connection.",
            RetryClass::Keyed => "**Retries:** keyed. HeyGen honours `Idempotency-Key` here: the client sends one key per call (or yours, from `.idempotency_key(...)`) and reuses it on every retry, so it retries after a 429, a 5xx, a 409 `request_in_progress` or a lost connection and the server still runs the call once.",
            RetryClass::NonIdempotent => "**Retries:** not idempotent. HeyGen does not document `Idempotency-Key` here, so the client retries it only after a 429 or when nothing was sent (connection refused, DNS, TLS). After a 5xx or a lost connection the call may have done its work: check before sending it again.",
        }
    }
}
