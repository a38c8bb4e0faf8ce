//! The vendored files, their provenance record, and replacing them together.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::{fail, Result};

pub const SPEC: &str = "openapi/heygen-api.yaml";
pub const LOCK: &str = "openapi/heygen-api.lock";
pub const SURFACE: &str = "openapi/heygen-api.surface";
/// What the compiler rejected in the vendored document's client.
pub const VERDICT: &str = "openapi/heygen-api.skip";

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
    /// The published pages the document was merged from (empty for one
    /// document).
    pub pages: Vec<String>,
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
             {}\
             sha256 = {}\n\
             openapi = {}\n\
             title = {}\n\
             version = {}\n\
             operations = {}\n\
             types = {}\n\
             surface-sha256 = {}\n",
            q(&self.source),
            if self.pages.is_empty() {
                String::new()
            } else {
                format!("pages = {}\n", serde_json::json!(self.pages))
            },
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
        let mut pages = Vec::new();
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
            if key.trim() == "pages" {
                pages = serde_json::from_str::<Vec<String>>(value).map_err(|e| {
                    fail(format!(
                        "{origin}: line {}: expected a list of quoted strings: {e}",
                        i + 1
                    ))
                })?;
                continue;
            }
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
            pages,
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

/// Test hook: the Nth rename of `replace_all` (counting from 1) fails as if
/// the OS refused it; `N:exit` ends the process there instead, as if it had
/// been killed, leaving the journal for the next run.
pub const FAIL_AT_RENAME_ENV: &str = "XTASK_FAIL_AT_RENAME";

/// Written beside the targets while they are being replaced: what to put
/// back if the replacement does not finish.
const JOURNAL: &str = ".update-spec.journal";

/// One target in the journal: its previous content (a hard link or copy
/// next to it; `None` if it did not exist) and its staged replacement.
struct Entry {
    target: PathBuf,
    backup: Option<PathBuf>,
    staged: PathBuf,
}

impl Entry {
    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "target": self.target.to_string_lossy(),
            "backup": self.backup.as_ref().map(|b| b.to_string_lossy()),
            "staged": self.staged.to_string_lossy(),
        })
    }

    fn from_json(v: &serde_json::Value) -> Option<Entry> {
        let path = |k: &str| v.get(k)?.as_str().map(PathBuf::from);
        Some(Entry {
            target: path("target")?,
            backup: match v.get("backup")? {
                serde_json::Value::Null => None,
                _ => Some(path("backup")?),
            },
            staged: path("staged")?,
        })
    }
}

/// Replaces every `(path, text)` together. Each new text is written to a
/// temporary file in the target's directory and flushed to disk; the old
/// files are kept beside them and listed in a journal before the first
/// rename. A failure at any point puts the old files back, and a run that
/// was killed midway is rolled back by the next [`recover`]: either every
/// target has its new bytes or every target has its old bytes.
pub fn replace_all(files: &[(PathBuf, String)]) -> Result<()> {
    let Some(dir) = files.first().and_then(|(t, _)| t.parent()) else {
        return Ok(());
    };
    recover(dir)?;
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let outcome = stage(files, &mut staged).and_then(|()| {
        if std::env::var_os(FAIL_AFTER_STAGING_ENV).is_some() {
            Err(fail(format!("stopping after staging the new files, before replacing any ({FAIL_AFTER_STAGING_ENV} is set)")))
        } else {
            Ok(())
        }
    });
    let mut entries = Vec::new();
    let outcome = outcome.and_then(|()| {
        for (tmp, target) in &staged {
            let backup = back_up(target)?;
            entries.push(Entry {
                target: target.clone(),
                backup,
                staged: tmp.clone(),
            });
        }
        write_journal(dir, &entries)
    });
    if let Err(e) = outcome {
        roll_back(&entries);
        for (tmp, _) in &staged {
            let _ = fs::remove_file(tmp);
        }
        let _ = fs::remove_file(dir.join(JOURNAL));
        return Err(e);
    }
    let fault = std::env::var(FAIL_AT_RENAME_ENV).ok();
    for (i, entry) in entries.iter().enumerate() {
        let renamed = match fault
            .as_deref()
            .map(|f| f.split_once(':').unwrap_or((f, "")))
        {
            Some((n, how)) if n.parse() == Ok(i + 1) => {
                if how == "exit" {
                    std::process::exit(3);
                }
                Err(std::io::Error::other(format!(
                    "{FAIL_AT_RENAME_ENV} is set"
                )))
            }
            _ => fs::rename(&entry.staged, &entry.target),
        };
        if let Err(e) = renamed {
            roll_back(&entries);
            sync_dir(dir);
            let _ = fs::remove_file(dir.join(JOURNAL));
            return Err(fail(format!(
                "cannot replace {}: {e}; the previous files were put back",
                entry.target.display()
            )));
        }
    }
    sync_dir(dir);
    // The commit point: from here on, the new files stay.
    fs::remove_file(dir.join(JOURNAL)).map_err(|e| {
        fail(format!(
            "cannot remove {}: {e}",
            dir.join(JOURNAL).display()
        ))
    })?;
    sync_dir(dir);
    for entry in &entries {
        if let Some(backup) = &entry.backup {
            let _ = fs::remove_file(backup);
        }
    }
    Ok(())
}

/// Rolls back a replacement that a killed run left unfinished in `dir`, if
/// there is one.
pub fn recover(dir: &Path) -> Result<()> {
    let path = dir.join(JOURNAL);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(fail(format!("cannot read {}: {e}", path.display()))),
    };
    let entries: Option<Vec<Entry>> = serde_json::from_str::<Vec<serde_json::Value>>(&text)
        .ok()
        .and_then(|list| list.iter().map(Entry::from_json).collect());
    let Some(entries) = entries else {
        return Err(fail(format!(
            "{}: not a journal this tool wrote; restore the vendored files from git and delete it",
            path.display()
        )));
    };
    crate::progress(&format!(
        "an earlier update-spec stopped midway; putting back the files it was replacing ({})",
        path.display()
    ));
    roll_back(&entries);
    sync_dir(dir);
    fs::remove_file(&path).map_err(|e| fail(format!("cannot remove {}: {e}", path.display())))?;
    sync_dir(dir);
    Ok(())
}

/// Puts every entry's old content back, and removes its staged file.
fn roll_back(entries: &[Entry]) {
    for entry in entries {
        match &entry.backup {
            // Also right for a target not renamed yet: the backup has its bytes.
            Some(backup) if backup.exists() => {
                // Renaming a hard link onto its twin (a target not replaced
                // yet) succeeds without removing it.
                if fs::rename(backup, &entry.target).is_ok() {
                    let _ = fs::remove_file(backup);
                }
            }
            Some(_) => {}
            None => {
                let _ = fs::remove_file(&entry.target);
            }
        }
        let _ = fs::remove_file(&entry.staged);
    }
}

/// Keeps `target`'s current content under a second name, if it exists.
fn back_up(target: &Path) -> Result<Option<PathBuf>> {
    if !target.exists() {
        return Ok(None);
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let backup = dir.join(format!(".{name}.{}.old", std::process::id()));
    let _ = fs::remove_file(&backup);
    // A hard link costs nothing; a copy where links are not supported.
    fs::hard_link(target, &backup)
        .or_else(|_| fs::copy(target, &backup).map(|_| ()))
        .map_err(|e| fail(format!("cannot keep a copy of {}: {e}", target.display())))?;
    Ok(Some(backup))
}

fn write_journal(dir: &Path, entries: &[Entry]) -> Result<()> {
    let path = dir.join(JOURNAL);
    let list: Vec<serde_json::Value> = entries.iter().map(Entry::to_json).collect();
    let text = serde_json::to_string_pretty(&list).expect("JSON values serialize");
    let mut file =
        File::create(&path).map_err(|e| fail(format!("cannot create {}: {e}", path.display())))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| fail(format!("cannot write {}: {e}", path.display())))?;
    sync_dir(dir);
    Ok(())
}

/// Makes renames in `dir` durable; not every platform can open a directory.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
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
        let mut lock = Lock {
            source: "https://example.test/a \"b\".json".into(),
            pages: Vec::new(),
            sha256: "ab".into(),
            openapi: "3.1.0".into(),
            title: "T".into(),
            version: "1".into(),
            operations: 3,
            types: 7,
            surface_sha256: "cd".into(),
        };
        assert_eq!(Lock::parse(&lock.render(), "lock").unwrap(), lock);
        assert!(!lock.render().contains("pages"));
        lock.pages = vec!["https://example.test/p/a.md".into(), "b \"c\".md".into()];
        assert!(lock
            .render()
            .contains("pages = [\"https://example.test/p/a.md\""));
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
