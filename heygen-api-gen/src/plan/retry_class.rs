//! How safe it is to send an operation's request again.
//!
//! This file depends on nothing beyond `core`, so that it can be compiled
//! as the generator's module and, word for word, wherever else the same
//! enum is wanted.

/// How safe it is to send an operation's request again, decided by the
/// generator from the spec and stated in each operation's docs.
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
    /// The class of an operation: idempotent by its (lower-case) method,
    /// else keyed when it declares an `Idempotency-Key` header, else
    /// neither.
    pub fn of(method: &str, declares_key: bool) -> RetryClass {
        match method {
            "get" | "head" | "put" | "delete" | "options" => RetryClass::Idempotent,
            _ if declares_key => RetryClass::Keyed,
            _ => RetryClass::NonIdempotent,
        }
    }

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
