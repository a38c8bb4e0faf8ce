use std::fmt;

/// Why a document could not be turned into a client.
///
/// Every error names the document it came from, the JSON pointer of the node
/// at fault (empty for the whole document) and what was expected there, so a
/// build failure reads as one paragraph a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenError {
    /// File name, URL or other description of where the document came from.
    pub origin: String,
    /// JSON pointer (RFC 6901) of the offending node.
    pub pointer: String,
    /// What was wrong, and what was expected instead.
    pub message: String,
}

impl GenError {
    pub(crate) fn new(origin: &str, pointer: &str, message: impl Into<String>) -> Self {
        GenError {
            origin: origin.to_string(),
            pointer: pointer.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for GenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            write!(f, "{}: {}", self.origin, self.message)
        } else {
            write!(f, "{}: at {}: {}", self.origin, self.pointer, self.message)
        }
    }
}

impl std::error::Error for GenError {}

/// The crate's result: every fallible step fails with a [`GenError`].
pub type Result<T, E = GenError> = std::result::Result<T, E>;
