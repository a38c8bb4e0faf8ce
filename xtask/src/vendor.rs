//! The vendored files, their provenance record, and replacing them together.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::{fail, Result};

pub const SPEC: &str = "openapi/heygen-api.yaml";
pub const LOCK: &str = "openapi/heygen-api.lock";
pub const SURFACE: &str = "openapi/heygen-api.surface";

/// Test hook: stage the new files, then fail before renaming any of them.
pub const FAIL_AFTER_STAGING_ENV: &str = "XTASK_FAIL_AFTER_STAGING";

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// `openapi/heygen-api.lock`: where the vendored document came from, its
/// hash, and a summary of the client generated from it. Plain `key = value`
/// lines (values are TOML/JSON strings or integers), no timestamps, so that
/// vendoring the same input twice writes the same bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    pub source: String,
    pub sha256: String,
    pub openapi: String,
    pub title: String,
    pub version: String,
    pub operations: usize,
    pub types: usize,
    pub surface_sha256: String,
}

impl Lock {
    pub fn render(&self) -> String {
        let q = |s: &str| serde_json::Value::String(s.to_string()).to_string();
        format!(
            "# Provenance of openapi/heygen-api.yaml. Written by `cargo xtask update-spec`; checked by `cargo xtask drift`.\n\
             source = {}\n\
             sha256 = {}\n\
             openapi = {}\n\
             title = {}\n\
             version = {}\n\
             operations = {}\n\
             types = {}\n\
             surface-sha256 = {}\n",
            q(&self.source),
            q(&self.sha256),
            q(&self.openapi),
            q(&self.title),
            q(&self.version),
            self.operations,
            self.types,
            q(&self.surface_sha256),
        )
    }

    pub fn parse(text: &str, origin: &str) -> Result<Lock> {
        let mut fields = std::collections::BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                return Err(fail(format!(
                    "{origin}: line {}: expected `key = value`",
                    i + 1
                )));
            };
            let value = value.trim();
            let value = if value.starts_with('"') {
                serde_json::from_str::<String>(value).map_err(|e| {
                    fail(format!(
                        "{origin}: line {}: expected a quoted string: {e}",
                        i + 1
                    ))
                })?
            } else {
                value.to_string()
            };
            fields.insert(key.trim().to_string(), value);
        }
        let get = |k: &str| -> Result<String> {
            fields
                .get(k)
                .cloned()
                .ok_or_else(|| fail(format!("{origin}: expected a `{k}` entry")))
        };
        let count = |k: &str| -> Result<usize> {
            get(k)?
                .parse()
                .map_err(|_| fail(format!("{origin}: expected `{k}` to be a number")))
        };
        Ok(Lock {
            source: get("source")?,
            sha256: get("sha256")?,
            openapi: get("openapi")?,
            title: get("title")?,
            version: get("version")?,
            operations: count("operations")?,
            types: count("types")?,
            surface_sha256: get("surface-sha256")?,
        })
    }
}

/// Replaces every `(path, text)` together: each new text is written to a
/// temporary file in the target's directory and flushed to disk; only when
/// all are staged are they renamed over the targets. A failure before the
/// renames removes the temporary files and leaves every target as it was.
pub fn replace_all(files: &[(PathBuf, String)]) -> Result<()> {
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let outcome = stage(files, &mut staged).and_then(|()| {
        if std::env::var_os(FAIL_AFTER_STAGING_ENV).is_some() {
            Err(fail(format!("stopping after staging the new files, before replacing any ({FAIL_AFTER_STAGING_ENV} is set)")))
        } else {
            Ok(())
        }
    });
    if let Err(e) = outcome {
        for (tmp, _) in &staged {
            let _ = fs::remove_file(tmp);
        }
        return Err(e);
    }
    for (i, (tmp, target)) in staged.iter().enumerate() {
        if let Err(e) = fs::rename(tmp, target) {
            for (tmp, _) in &staged[i..] {
                let _ = fs::remove_file(tmp);
            }
            return Err(fail(format!("cannot replace {}: {e}", target.display())));
        }
    }
    let mut dirs: Vec<&Path> = staged.iter().filter_map(|(_, t)| t.parent()).collect();
    dirs.dedup();
    for dir in dirs {
        // Makes the renames durable; not every platform can open a directory.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

fn stage(files: &[(PathBuf, String)], staged: &mut Vec<(PathBuf, PathBuf)>) -> Result<()> {
    for (target, text) in files {
        let dir = target.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)
            .map_err(|e| fail(format!("cannot create {}: {e}", dir.display())))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let _ = fs::remove_file(&tmp); // a leftover of a killed run with the same pid
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| fail(format!("cannot create {}: {e}", tmp.display())))?;
        staged.push((tmp.clone(), target.clone()));
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| fail(format!("cannot write {}: {e}", tmp.display())))?;
    }
    Ok(())
}

/// `path` relative to `base` (both made absolute first), with `..` where
/// needed; `path` unchanged when there is no common root.
pub fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let (Ok(path), Ok(base)) = (fs::canonicalize(path), fs::canonicalize(base)) else {
        return path.to_path_buf();
    };
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return path;
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c.as_os_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_round_trips() {
        let lock = Lock {
            source: "https://example.test/a \"b\".json".into(),
            sha256: "ab".into(),
            openapi: "3.1.0".into(),
            title: "T".into(),
            version: "1".into(),
            operations: 3,
            types: 7,
            surface_sha256: "cd".into(),
        };
        assert_eq!(Lock::parse(&lock.render(), "lock").unwrap(), lock);
    }

    #[test]
    fn lock_missing_entry_is_an_error() {
        let err = Lock::parse("source = \"x\"\n", "the.lock").unwrap_err();
        assert!(
            err.to_string()
                .contains("the.lock: expected a `sha256` entry"),
            "{err}"
        );
    }
}
