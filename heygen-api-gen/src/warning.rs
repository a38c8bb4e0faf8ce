//! What the generator left out or read leniently, and where.
//!
//! Real documents carry mistakes that do not stop a client from being useful
//! (a `default` of the wrong type, a mapping written as a reference object)
//! and operations that progenitor cannot map. Rejecting the whole document
//! for one of them helps nobody: the generator skips or mends the part and
//! says so with a `Warning` that a person can find in the document.

use std::fmt;

use serde_json::Value;

/// One thing the generator skipped, dropped or read leniently.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    /// File name, URL or other description of the document.
    pub origin: String,
    /// JSON pointer (RFC 6901) of the node concerned.
    pub pointer: String,
    /// HTTP method (upper case) of the operation concerned; empty when the
    /// node is not inside an operation (a component schema).
    pub method: String,
    /// Path of that operation.
    pub path: String,
    /// operationId of that operation.
    pub operation_id: String,
    /// What was done, and why.
    pub reason: String,
    /// True when the whole operation was left out of the client.
    pub skipped: bool,
}

impl Warning {
    pub(crate) fn new(origin: &str, pointer: &str, reason: impl Into<String>) -> Self {
        Warning {
            origin: origin.to_string(),
            pointer: pointer.to_string(),
            method: String::new(),
            path: String::new(),
            operation_id: String::new(),
            reason: reason.into(),
            skipped: false,
        }
    }

    pub(crate) fn skipping(mut self) -> Self {
        self.skipped = true;
        self
    }

    /// Fills in the operation from the pointer, when it lies under `/paths`.
    pub(crate) fn locate(mut self, doc: &Value) -> Self {
        if self.method.is_empty() {
            if let Some((path, method, id)) = operation_at(doc, &self.pointer) {
                self.path = path;
                self.method = method.to_uppercase();
                self.operation_id = id;
            }
        }
        self
    }

    /// `METHOD PATH (operationId)`, or empty.
    pub fn operation(&self) -> String {
        if self.method.is_empty() {
            return String::new();
        }
        if self.operation_id.is_empty() {
            format!("{} {}", self.method, self.path)
        } else {
            format!("{} {} ({})", self.method, self.path, self.operation_id)
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if !self.pointer.is_empty() {
            write!(f, ": at {}", self.pointer)?;
        }
        let op = self.operation();
        if !op.is_empty() {
            write!(f, ": {op}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// The (path, method, operationId) a pointer lies in, if any.
pub(crate) fn operation_at(doc: &Value, pointer: &str) -> Option<(String, String, String)> {
    let t = crate::pointer::tokens(pointer);
    if t.len() < 3 || t[0] != "paths" {
        return None;
    }
    let method = t[2].to_ascii_lowercase();
    if !crate::openapi::HTTP_METHODS.contains(&method.as_str()) {
        return None;
    }
    let id = doc
        .get("paths")
        .and_then(|p| p.get(&t[1]))
        .and_then(|i| i.get(&t[2]))
        .and_then(|o| o.get("operationId"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    Some((t[1].clone(), method, id))
}
