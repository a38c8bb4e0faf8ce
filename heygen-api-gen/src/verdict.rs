//! What the compiler rejected in the client of a document: the operations
//! left out and the component schemas read as `serde_json::Value`, as
//! `cargo xtask update-spec` found them by compiling the client. It is
//! recorded beside the vendored document (`openapi/heygen-api.skip`), so
//! that `heygen-api`'s build script generates the same client offline,
//! without running the compiler itself.

/// The recorded verdict: what generation leaves out or reads loosely
/// because the code generated for it did not compile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdict {
    /// Operations left out, by `operationId`.
    pub operations: Vec<String>,
    /// Component schemas read as `serde_json::Value`, by their name under
    /// `components/schemas`.
    pub schemas: Vec<String>,
}

const HEADER: &str = "# Parts of the document beside this file whose generated code did not compile.\n# Written by `cargo xtask update-spec`; read by heygen-api's build script.\n";

impl Verdict {
    /// Whether nothing was rejected.
    pub fn is_empty(&self) -> bool {
        self.operations.is_empty() && self.schemas.is_empty()
    }

    /// Reads the file's text: `operation <operationId>` and
    /// `schema <name>` lines; `#` starts a comment.
    pub fn parse(text: &str) -> Result<Verdict, String> {
        let mut verdict = Verdict::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            match line.split_once(char::is_whitespace) {
                Some(("operation", id)) => verdict.operations.push(id.trim().to_string()),
                Some(("schema", name)) => verdict.schemas.push(name.trim().to_string()),
                _ => {
                    return Err(format!(
                        "line {}: expected `operation <operationId>` or `schema <name>`, found `{line}`",
                        n + 1
                    ))
                }
            }
        }
        Ok(verdict)
    }

    /// The file's text, sorted, with its header.
    pub fn to_text(&self) -> String {
        let mut operations = self.operations.clone();
        let mut schemas = self.schemas.clone();
        operations.sort();
        operations.dedup();
        schemas.sort();
        schemas.dedup();
        let mut out = HEADER.to_string();
        for id in operations {
            out.push_str(&format!("operation {id}\n"));
        }
        for name in schemas {
            out.push_str(&format!("schema {name}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Verdict;

    #[test]
    fn the_text_reads_back() {
        let verdict = Verdict {
            operations: vec!["createFoo".into()],
            schemas: vec!["Broken".into(), "Also".into()],
        };
        let text = verdict.to_text();
        assert!(text.contains("operation createFoo\n"));
        let read = Verdict::parse(&text).unwrap();
        assert_eq!(read.operations, ["createFoo"]);
        assert_eq!(read.schemas, ["Also", "Broken"]);
        assert!(Verdict::parse("nonsense here")
            .unwrap_err()
            .contains("line 1"));
        assert!(Verdict::parse("# only a comment\n").unwrap().is_empty());
    }
}
