//! What the changelog reports: changes, their kind and direction.

use std::fmt;

/// Which way data flows through the schema being compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// Sent by the client: parameters and request bodies.
    Request,
    /// Received by the client: success responses.
    Response,
}

/// The kind of one change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// An operation (path and method) that only the new document has.
    OperationAdded,
    /// An operation that only the old document has.
    OperationRemoved,
    /// The same path and method under another `operationId` (the Rust method
    /// is named after it).
    OperationRenamed,
    /// A parameter of an operation that only the new document has.
    ParameterAdded,
    /// A parameter of an operation that only the old document has.
    ParameterRemoved,
    /// A request body where the old document had none.
    RequestBodyAdded,
    /// No request body where the old document had one.
    RequestBodyRemoved,
    /// A response status code that only the new document has.
    ResponseAdded,
    /// A response status code that only the old document has.
    ResponseRemoved,
    /// A property of an object schema that only the new document has.
    FieldAdded,
    /// A property of an object schema that only the old document has.
    FieldRemoved,
    /// Another type or format (the Rust type changes).
    TypeChanged,
    /// A parameter, body or field that became required or optional.
    RequiredChanged,
    /// A schema that started or stopped allowing `null`.
    NullabilityChanged,
    /// A value an enum did not have.
    EnumValueAdded,
    /// A value an enum no longer has.
    EnumValueRemoved,
    /// A branch of a `oneOf`/`anyOf` union the old document did not have.
    VariantAdded,
    /// A branch of a union the new document no longer has.
    VariantRemoved,
    /// A component schema that only the new document has.
    SchemaAdded,
    /// A component schema that only the old document has.
    SchemaRemoved,
}

/// One change, where it is, and whether it breaks a client user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed.
    pub kind: Kind,
    /// `POST /v3/videos`, `POST /v3/videos request body.title`,
    /// `VideoStatus.progress`, ...
    pub location: String,
    /// Set for changes inside a schema: the direction it was compared in.
    pub direction: Option<Direction>,
    /// One human sentence: "field `title` added (optional)".
    pub detail: String,
    /// Whether code using the client built from the old document may stop
    /// compiling or working (the rules are in the module docs).
    pub breaking: bool,
}

/// Every change between two documents, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changelog {
    /// Every change found: operations first, then component schemas.
    pub changes: Vec<Change>,
}

impl Changelog {
    /// Whether the two documents describe the same API for a client user.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many of the changes are breaking.
    pub fn breaking(&self) -> usize {
        self.changes.iter().filter(|c| c.breaking).count()
    }

    /// The printed changelog: a header line, then one line per change.
    pub fn render(&self) -> String {
        if self.changes.is_empty() {
            return "no API changes\n".to_string();
        }
        let mut out = format!(
            "{} API change{} ({} breaking):\n",
            self.changes.len(),
            if self.changes.len() == 1 { "" } else { "s" },
            self.breaking()
        );
        for c in &self.changes {
            out.push_str(&format!("  {c}\n"));
        }
        out
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mark = if self.breaking {
            "BREAKING  "
        } else {
            "compatible"
        };
        let dir = match self.direction {
            Some(Direction::Request) => " (request)",
            Some(Direction::Response) => " (response)",
            None => "",
        };
        write!(f, "{mark} {}{dir}: {}", self.location, self.detail)
    }
}
