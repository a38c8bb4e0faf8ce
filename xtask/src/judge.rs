//! The compiler as the last judge of a candidate document: `heygen-api` is
//! compiled against it; each error in the generated code is traced to the
//! operation or component schema it came from (through the generator's
//! naming), which is then left out or read as `serde_json::Value`, and the
//! document is generated and compiled again, a bounded number of times.
//! What the compiler rejected is the [`Verdict`] recorded beside the
//! vendored document, so `heygen-api`'s build script generates the same
//! client without running the compiler.

use std::path::Path;
use std::time::Instant;

use heygen_api_gen::{NameOrigin, Verdict};

use crate::{fail, progress, Result};

/// Rounds of compile, trace, leave out: each costs a `cargo check`.
pub const MAX_ROUNDS: usize = 3;

/// What one compilation said.
pub enum Compiled {
    Yes,
    No {
        /// The parts of the document the errors trace to, each with the
        /// first message that named it.
        culprits: Vec<(NameOrigin, String)>,
        /// Errors in code no part of the document owns.
        untraced: Vec<String>,
    },
}

/// Compiles `heygen-api` against a candidate document and the verdict so
/// far: its `build.rs` reads `HEYGEN_API_SPEC`, and the verdict beside it.
pub fn compile(
    root: &Path,
    text: &str,
    verdict: &Verdict,
    doc: &serde_json::Value,
) -> Result<Compiled> {
    // `--root` may be a copy of the repository's `openapi/` alone; the crate
    // to compile is then the one of the workspace that holds this xtask.
    let workspace = if root.join("Cargo.toml").is_file() {
        root.to_path_buf()
    } else {
        crate::default_root()
    };
    let dir = workspace.join("target").join("xtask");
    std::fs::create_dir_all(&dir)
        .map_err(|e| fail(format!("cannot create {}: {e}", dir.display())))?;
    let candidate = dir.join(format!("candidate-heygen-api-{}.yaml", std::process::id()));
    let candidate_verdict = candidate.with_extension("skip");
    for (path, contents) in [
        (&candidate, text.to_string()),
        (&candidate_verdict, verdict.to_text()),
    ] {
        std::fs::write(path, contents)
            .map_err(|e| fail(format!("cannot write {}: {e}", path.display())))?;
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    progress("compiling heygen-api against the new document (cargo check -p heygen-api; skip with --no-build-check)");
    let started = Instant::now();
    let output = std::process::Command::new(cargo)
        .args([
            "check",
            "--package",
            "heygen-api",
            "--quiet",
            "--message-format=short",
        ])
        .env("HEYGEN_API_SPEC", &candidate)
        .current_dir(&workspace)
        .output();
    let _ = std::fs::remove_file(&candidate);
    let _ = std::fs::remove_file(&candidate_verdict);
    let output = output.map_err(|e| fail(format!("cannot run cargo: {e}")))?;
    if output.status.success() {
        progress(&format!(
            "heygen-api compiles against the new document ({} ms)",
            started.elapsed().as_millis()
        ));
        return Ok(Compiled::Yes);
    }
    let messages = String::from_utf8_lossy(&output.stderr);
    let (culprits, untraced) = culprits(&messages, doc);
    Ok(Compiled::No { culprits, untraced })
}

/// For each `file:line:col: error...` of the compiler, the part of the
/// document the generated code around that line came from: the innermost
/// enclosing item (a type, a builder, a method) whose name the generator's
/// naming leads back to an operation or a schema.
pub fn culprits(
    messages: &str,
    doc: &serde_json::Value,
) -> (Vec<(NameOrigin, String)>, Vec<String>) {
    let mut found: Vec<(NameOrigin, String)> = Vec::new();
    let mut untraced = Vec::new();
    for line in messages.lines() {
        let Some((location, message)) = line.split_once(": error") else {
            continue;
        };
        let message = message
            .trim_start_matches(|c| c != ':')
            .trim_start_matches(": ");
        let mut parts = location.rsplitn(3, ':');
        let (Some(_col), Some(row), Some(file)) = (parts.next(), parts.next(), parts.next()) else {
            untraced.push(line.to_string());
            continue;
        };
        if !file.ends_with("heygen_api.rs") {
            untraced.push(line.to_string());
            continue;
        }
        let (Ok(row), Ok(code)) = (row.parse::<usize>(), std::fs::read_to_string(file)) else {
            untraced.push(line.to_string());
            continue;
        };
        let origin = enclosing_items(&code, row)
            .iter()
            .find_map(|item| heygen_api_gen::origin_of_rust_name(doc, item));
        match origin {
            Some(origin) if !found.iter().any(|(o, _)| *o == origin) => {
                found.push((origin, message.to_string()))
            }
            Some(_) => {}
            None => untraced.push(line.to_string()),
        }
    }
    (found, untraced)
}

/// The names of the items around line `row` (1-based), innermost first:
/// each line above it that is less indented than everything since and
/// starts an item.
fn enclosing_items(code: &str, row: usize) -> Vec<String> {
    let lines: Vec<&str> = code.lines().take(row).collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut out = Vec::new();
    let mut limit = lines.last().map_or(usize::MAX, |l| indent(l) + 1);
    for line in lines.iter().rev() {
        if line.trim().is_empty() || indent(line) >= limit {
            continue;
        }
        if let Some(name) = item_name(line) {
            out.push(name);
            limit = indent(line);
        }
    }
    out
}

/// The name a line of code starts an item of: `pub struct Name`, `pub enum
/// Name`, `fn name`, or the type an `impl` is for.
fn item_name(line: &str) -> Option<String> {
    let line = line
        .trim_start()
        .trim_start_matches("pub(crate) ")
        .trim_start_matches("pub ");
    let ident = |rest: &str| -> Option<String> {
        let name: String = rest
            .trim_start_matches("::")
            .rsplit("::")
            .next()?
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        (!name.is_empty()).then_some(name)
    };
    for keyword in ["struct ", "enum ", "fn ", "async fn ", "mod "] {
        if let Some(rest) = line.strip_prefix(keyword) {
            return ident(rest);
        }
    }
    let rest = line.strip_prefix("impl")?;
    // `impl<'a> Builder<'a> {` or `impl Trait<X> for Type {`.
    let rest = match rest.strip_prefix('<') {
        Some(generics) => generics.split_once('>').map(|(_, r)| r)?,
        None => rest,
    };
    let subject = match rest.split_once(" for ") {
        Some((_, subject)) => subject,
        None => rest,
    };
    let subject = subject.trim().split(['<', ' ', '{']).next()?;
    ident(subject)
}

/// Where a traced part of the document is, for messages.
pub fn describe(origin: &NameOrigin) -> String {
    match origin {
        NameOrigin::Operation {
            method,
            path,
            operation_id,
        } => format!(
            "operation {method} {path} ({operation_id}) at /paths/{}/{}",
            path.replace('~', "~0").replace('/', "~1"),
            method.to_lowercase()
        ),
        NameOrigin::Schema(name) => format!("schema /components/schemas/{name}"),
    }
}

/// Whether the verdict already names `origin`.
pub fn convicted(verdict: &Verdict, origin: &NameOrigin) -> bool {
    match origin {
        NameOrigin::Operation { operation_id, .. } => verdict.operations.contains(operation_id),
        NameOrigin::Schema(name) => verdict.schemas.contains(name),
    }
}

/// Adds what the compiler rejected to the verdict: an operation is left
/// out, a schema read as any JSON value.
pub fn convict(verdict: &mut Verdict, origin: &NameOrigin) {
    match origin {
        NameOrigin::Operation { operation_id, .. } => verdict.operations.push(operation_id.clone()),
        NameOrigin::Schema(name) => verdict.schemas.push(name.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::{enclosing_items, item_name};

    #[test]
    fn the_items_around_a_line_are_read_innermost_first() {
        let code = "pub mod builder {\n    impl<'a> CreateFoo<'a> {\n        async fn send_raw(self) {\n            let x = broken;\n        }\n    }\n}\npub mod types {\n    impl ::std::convert::From<A> for B {\n        fn from(v: A) -> Self {\n            v\n        }\n    }\n}\n";
        assert_eq!(
            enclosing_items(code, 4),
            ["send_raw", "CreateFoo", "builder"]
        );
        assert_eq!(enclosing_items(code, 11), ["from", "B", "types"]);
        assert_eq!(
            item_name("    pub struct Thing {").as_deref(),
            Some("Thing")
        );
        assert_eq!(
            item_name("impl ::serde::Serialize for super::Body {").as_deref(),
            Some("Body")
        );
        assert_eq!(item_name("let x = 1;"), None);
    }
}
