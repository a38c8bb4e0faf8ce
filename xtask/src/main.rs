//! `cargo xtask`: vendor HeyGen's OpenAPI document, catch drift, diff two
//! documents, expand the generated client.
//!
//! Every parse, merge, normalisation, generation and comparison is
//! `heygen-api-gen`'s: this crate only moves bytes and reports.

mod features;
mod judge;
mod source;
mod vendor;

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use heygen_api_gen::{canonical::canonical_yaml, changelog::changelog, Generated, Options, Spec};

use crate::vendor::{Lock, LOCK, SPEC, SURFACE, VERDICT};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "Repository tasks for the HeyGen API client: vendor the OpenAPI document, check it for drift, diff two documents, expand the generated client."
)]
struct Cli {
    /// Repository root (default: the workspace that holds this xtask).
    #[arg(long, global = true, hide = true, value_name = "DIR")]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Vendor a new OpenAPI document into openapi/heygen-api.yaml.
    ///
    /// The document is loaded, normalised and generated in memory first; only
    /// when all of that succeeds are openapi/heygen-api.yaml (canonical YAML),
    /// openapi/heygen-api.lock (provenance) and openapi/heygen-api.surface
    /// (API surface snapshot) replaced, atomically. The changelog against the
    /// previously vendored document is printed.
    ///
    /// Passing the vendored file itself (`--from openapi/heygen-api.yaml`)
    /// refreshes the lock and the surface snapshot after a generator change
    /// and keeps the recorded source.
    UpdateSpec {
        /// A URL, an OpenAPI JSON/YAML file (3.0 or 3.1), a documentation page
        /// (markdown with one OpenAPI YAML block), or a directory of pages to
        /// merge. A URL may also be an `llms.txt` index: every page it links
        /// to that holds an OpenAPI block is fetched and merged. Default:
        /// $HEYGEN_OPENAPI_URL, else HeyGen's index,
        /// https://developers.heygen.com/llms.txt.
        #[arg(long, value_name = "URL|FILE|DIR")]
        from: Option<String>,
        /// Do not compile the client from the new document before vendoring
        /// it. By default `cargo check -p heygen-api` runs with
        /// HEYGEN_API_SPEC pointing at the candidate, and a document whose
        /// client does not compile is not vendored.
        #[arg(long)]
        no_build_check: bool,
        /// The default now; kept so that scripts using it keep working.
        #[arg(long, hide = true)]
        check_build: bool,
        /// Fail on any warning (an operation left out, a mistake mended)
        /// instead of vendoring the document with it.
        #[arg(long)]
        strict: bool,
    },
    /// Check that the vendored files agree with each other and the generator.
    ///
    /// Fails (exit 1) when openapi/heygen-api.yaml does not match the hash in
    /// its lock (a hand edit), when openapi/heygen-api.surface differs from
    /// what the current generator produces (shown as a unified diff), or, with
    /// --against, when the upstream document differs from the vendored one
    /// (shown as a changelog). Prints one line and exits 0 when all agree.
    Drift {
        /// Also compare the vendored document with this URL, file or directory.
        #[arg(long, value_name = "URL|FILE|DIR")]
        against: Option<String>,
    },
    /// Print the semantic changelog from OLD to NEW.
    ///
    /// Operations, parameters and fields added or removed; type,
    /// required-ness, nullability and enum-value changes; each marked
    /// BREAKING or compatible for a user of the generated client.
    Diff {
        /// The earlier document (URL, file or directory of pages).
        #[arg(value_name = "OLD")]
        old: String,
        /// The later document (URL, file or directory of pages).
        #[arg(value_name = "NEW")]
        new: String,
    },
    /// Write the generated client source to a file for reading.
    Expand {
        /// Where to write it (default: target/heygen-api.expanded.rs under the root).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Another document to generate from (a file), instead of the
        /// vendored one and its recorded verdict: how the benches' documents
        /// are counted (`cargo xtask expand --spec heygen-api-gen/tests/fixtures/full-3.1.yaml`).
        #[arg(long, value_name = "FILE")]
        spec: Option<PathBuf>,
    },
}

/// A failure, printed as `error: ...` on one paragraph.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<heygen_api_gen::GenError> for Error {
    fn from(e: heygen_api_gen::GenError) -> Self {
        Error(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

pub fn fail(message: impl Into<String>) -> Error {
    Error(message.into())
}

/// A progress line for a slow step, on stderr.
pub fn progress(message: &str) {
    eprintln!("xtask: {message}");
}

/// How a command ended when it did not fail outright.
enum Outcome {
    Ok,
    /// Drift was found: already reported on stdout.
    Drift(String),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let root = cli.root.clone().unwrap_or_else(default_root);
    let result = match cli.command {
        Command::UpdateSpec {
            from,
            no_build_check,
            check_build: _,
            strict,
        } => update_spec(&root, from, !no_build_check, strict).map(|()| Outcome::Ok),
        Command::Drift { against } => drift(&root, against.as_deref()),
        Command::Diff { old, new } => diff(&old, &new).map(|()| Outcome::Ok),
        Command::Expand { out, spec } => expand(&root, out, spec).map(|()| Outcome::Ok),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Drift(summary)) => {
            eprintln!("error: {summary}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's directory.
fn default_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

fn generate(spec: &Spec, verdict: &heygen_api_gen::Verdict) -> Result<Generated> {
    progress(&format!("generating the client from {}", spec.origin));
    let started = Instant::now();
    let options = Options {
        verdict: verdict.clone(),
        ..Options::default()
    };
    let generated = heygen_api_gen::generate(spec, &options)?;
    progress(&format!(
        "generated {} and {} in {} ms",
        count(generated.operations(), "operation"),
        count(generated.types(), "type"),
        started.elapsed().as_millis()
    ));
    for w in &generated.warnings {
        eprintln!("warning: {w}");
    }
    if !generated.warnings.is_empty() {
        progress(&format!(
            "{} ({} left out of the client); see the warnings above",
            count(generated.warnings.len(), "warning"),
            count(
                generated.warnings.iter().filter(|w| w.skipped).count(),
                "operation"
            )
        ));
    }
    Ok(generated)
}

/// `1 operation`, `2 operations`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn str_at<'a>(doc: &'a serde_json::Value, pointer: &str) -> &'a str {
    doc.pointer(pointer)
        .and_then(serde_json::Value::as_str)
        .unwrap_or("")
}

fn update_spec(root: &Path, from: Option<String>, check_build: bool, strict: bool) -> Result<()> {
    let spec_path = root.join(SPEC);
    // Before anything reads the vendored files: a run killed midway is undone.
    if let Some(dir) = spec_path.parent() {
        vendor::recover(dir)?;
    }
    let lock_path = root.join(LOCK);
    let surface_path = root.join(SURFACE);
    let source = from.unwrap_or_else(source::default_source);

    // Refreshing from the vendored file itself keeps the recorded source.
    let refresh = !source::is_url(&source)
        && spec_path.exists()
        && std::fs::canonicalize(&source).ok() == std::fs::canonicalize(&spec_path).ok();
    let previous_lock = std::fs::read_to_string(&lock_path)
        .ok()
        .and_then(|t| Lock::parse(&t, LOCK).ok());
    let loaded = source::load_source(&source)?;
    // A directory of saved pages is recorded as what it is a copy of:
    // HeyGen's published pages, not a path that exists on one machine.
    let (recorded_source, recorded_pages) = match (&previous_lock, refresh) {
        (Some(lock), true) => (lock.source.clone(), lock.pages.clone()),
        _ if source::is_url(&source) => (source.clone(), loaded.pages.clone()),
        _ if loaded.all_pages && !loaded.pages.is_empty() && Path::new(&source).is_dir() => {
            (source::PUBLISHED_PAGES.to_string(), loaded.pages.clone())
        }
        _ => (
            vendor::relative_to(Path::new(&source), root)
                .display()
                .to_string(),
            loaded.pages.clone(),
        ),
    };

    // What gets vendored is the canonical text; read it back through the same
    // loader and generate from that, so the lock and the snapshot describe
    // exactly the bytes on disk.
    let text = canonical_yaml(&loaded.spec.raw);
    let vendored = heygen_api_gen::load_str(&text, &loaded.source)?;
    if vendored.raw != loaded.spec.raw {
        return Err(fail(format!(
            "{}: internal error: the canonical YAML of this document does not read back as the same document",
            loaded.source
        )));
    }
    // The same document, so the pages it was merged from still locate its
    // warnings.
    let vendored =
        heygen_api_gen::from_merged(vendored.raw, &loaded.source, loaded.spec.origins.clone())?;
    let mut verdict = heygen_api_gen::Verdict::default();
    let mut generated = generate(&vendored, &verdict)?;
    if strict && !generated.warnings.is_empty() {
        let skipped = generated.warnings.iter().filter(|w| w.skipped).count();
        return Err(fail(format!(
            "{}: {} ({} left out), listed above; --strict vendors only documents without any",
            loaded.source,
            count(generated.warnings.len(), "warning"),
            count(skipped, "operation")
        )));
    }
    if check_build {
        // The compiler judges last: what it rejects is traced to its
        // operation or schema, left out or read loosely, and generated again.
        for round in 1..=judge::MAX_ROUNDS {
            match judge::compile(root, &text, &verdict, &vendored.normalised)? {
                judge::Compiled::Yes => break,
                judge::Compiled::No { culprits, untraced } => {
                    let located: Vec<String> = culprits
                        .iter()
                        .map(|(origin, message)| format!("{} ({message})", judge::describe(origin)))
                        .collect();
                    // No progress (everything named was already left out)
                    // is as final as running out of rounds.
                    let progress = culprits
                        .iter()
                        .any(|(origin, _)| !judge::convicted(&verdict, origin));
                    if !untraced.is_empty() || !progress || round == judge::MAX_ROUNDS {
                        for line in &untraced {
                            eprintln!("{line}");
                        }
                        return Err(fail(format!(
                            "the client generated from the new document does not compile{}{}; nothing was vendored",
                            if located.is_empty() { String::new() } else { format!(": {}", located.join("; ")) },
                            if untraced.is_empty() { String::new() } else { format!(" (and {} in the generator's own code, above)", count(untraced.len(), "error")) },
                        )));
                    }
                    for ((origin, _), line) in culprits.iter().zip(&located) {
                        eprintln!(
                            "warning: the compiler rejected the code of {line}: {}",
                            match origin {
                                heygen_api_gen::NameOrigin::Operation { .. } => "left out",
                                heygen_api_gen::NameOrigin::Schema(_) =>
                                    "read as serde_json::Value",
                            }
                        );
                        judge::convict(&mut verdict, origin);
                    }
                    generated = generate(&vendored, &verdict)?;
                }
            }
        }
    }
    let surface = generated.surface.render();
    let lock = Lock {
        source: recorded_source,
        pages: recorded_pages,
        sha256: vendor::sha256_hex(text.as_bytes()),
        openapi: str_at(&vendored.raw, "/openapi").to_string(),
        title: str_at(&vendored.raw, "/info/title").to_string(),
        version: str_at(&vendored.raw, "/info/version").to_string(),
        operations: generated.operations(),
        types: generated.types(),
        surface_sha256: vendor::sha256_hex(surface.as_bytes()),
    }
    .render();

    // The changelog against what is vendored now.
    match std::fs::read(&spec_path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(old_text) => match heygen_api_gen::load_str(&old_text, SPEC) {
                Ok(old) => print!(
                    "{}",
                    changelog(&old.normalised, &vendored.normalised).render()
                ),
                Err(e) => {
                    println!("(no changelog: the previously vendored document does not load: {e})")
                }
            },
            Err(_) => println!("(no changelog: the previously vendored document is not UTF-8)"),
        },
        Err(_) => println!("(no changelog: nothing was vendored before)"),
    }

    let mut files = vec![
        (spec_path, text),
        (lock_path, lock),
        (surface_path, surface),
        (root.join(VERDICT), verdict.to_text()),
    ];
    // The operation-group features, replaced with the document they name.
    if let Some(manifest) = features::manifest(root, &vendored)? {
        files.push((manifest.path, manifest.wanted));
    }
    let unchanged = files
        .iter()
        .all(|(path, text)| std::fs::read(path).ok().as_deref() == Some(text.as_bytes()));
    if unchanged {
        println!("{SPEC}, {LOCK} and {SURFACE} are up to date; nothing written");
        return Ok(());
    }
    vendor::replace_all(&files)?;
    println!(
        "vendored {} into {SPEC} (sha256 {}): {}, {}",
        loaded.source,
        &vendor::sha256_hex(files[0].1.as_bytes())[..12],
        count(generated.operations(), "operation"),
        count(generated.types(), "type")
    );
    Ok(())
}

fn drift(root: &Path, against: Option<&str>) -> Result<Outcome> {
    let spec_path = root.join(SPEC);
    let bytes = std::fs::read(&spec_path)
        .map_err(|e| fail(format!("{}: cannot read: {e}", spec_path.display())))?;
    let lock_text = std::fs::read_to_string(root.join(LOCK)).map_err(|e| {
        fail(format!(
            "{LOCK}: cannot read: {e}; run `cargo xtask update-spec` to write it"
        ))
    })?;
    let lock = Lock::parse(&lock_text, LOCK)?;
    let mut problems: Vec<String> = Vec::new();

    let sha = vendor::sha256_hex(&bytes);
    if sha != lock.sha256 {
        println!(
            "{SPEC} does not match its lock: its SHA-256 is {sha}, {LOCK} records {} (from {}).\n\
             The vendored document was edited by hand. Vendor changes with `cargo xtask update-spec --from FILE|URL`.",
            lock.sha256, lock.source
        );
        problems.push(format!(
            "{SPEC} was edited by hand (its hash does not match {LOCK})"
        ));
    }

    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "{SPEC}: expected UTF-8 text; invalid byte at offset {}",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let vendored = heygen_api_gen::load_str(&text, SPEC)?;
    let generated = generate(&vendored, &recorded_verdict(root)?)?;
    let current = generated.surface.render();
    let committed = std::fs::read_to_string(root.join(SURFACE)).unwrap_or_default();
    if current != committed {
        let diff = similar::TextDiff::from_lines(&committed, &current);
        print!(
            "{}",
            diff.unified_diff().context_radius(2).header(
                &format!("{SURFACE} (committed)"),
                &format!("{SURFACE} (generated now)")
            )
        );
        println!(
            "The committed surface snapshot differs from what the current generator produces from {SPEC}.\n\
             If the change is intended, refresh it with `cargo xtask update-spec --from {SPEC}` and commit it."
        );
        problems.push(format!("{SURFACE} differs from the generated surface"));
    }

    if let Some(manifest) = features::manifest(root, &vendored)? {
        if manifest.wanted != manifest.current {
            println!(
                "The operation-group features of {} are not those of {SPEC}, whose tags make: {}.
                 Write them with `cargo xtask update-spec --from {SPEC}` and commit the manifest.",
                features::MANIFEST,
                manifest.features.join(", ")
            );
            problems.push(format!(
                "{}'s operation-group features differ from the document's tags",
                features::MANIFEST
            ));
        }
    }

    let mut upstream_note = String::new();
    if let Some(against) = against {
        let upstream = source::load_source(against)?;
        if canonical_yaml(&upstream.spec.raw) != text {
            let log = changelog(&vendored.normalised, &upstream.spec.normalised);
            println!("{against} differs from the vendored {SPEC}:");
            if log.is_empty() {
                println!("no API changes (documentation or other non-API differences only)");
            } else {
                print!("{}", log.render());
            }
            println!("Vendor it with `cargo xtask update-spec --from {against}`.");
            problems.push(format!(
                "{against} differs from the vendored document ({})",
                count(log.breaking(), "breaking change")
            ));
        } else {
            upstream_note = format!(", and matches {against}");
        }
    }

    if problems.is_empty() {
        println!(
            "drift: none: {SPEC} matches its lock (sha256 {}), {SURFACE} matches the generator ({}, {}){upstream_note}",
            &sha[..12],
            count(generated.operations(), "operation"),
            count(generated.types(), "type")
        );
        Ok(Outcome::Ok)
    } else {
        Ok(Outcome::Drift(format!("drift: {}", problems.join("; "))))
    }
}

fn diff(old: &str, new: &str) -> Result<()> {
    let old = source::load_source(old)?;
    let new = source::load_source(new)?;
    print!(
        "{}",
        changelog(&old.spec.normalised, &new.spec.normalised).render()
    );
    // Operations the client leaves out change its API as much as the
    // document does.
    let skipped = |spec: &Spec| -> Result<Vec<String>> {
        let g = heygen_api_gen::generate(spec, &Options::default())?;
        Ok(g.surface.skipped)
    };
    let (before, after) = (skipped(&old.spec)?, skipped(&new.spec)?);
    for line in after.iter().filter(|l| !before.contains(l)) {
        println!("  BREAKING   newly {line}");
    }
    for line in before.iter().filter(|l| !after.contains(l)) {
        println!("  compatible no longer {line}");
    }
    Ok(())
}

/// The verdict recorded beside the vendored document (none if there is no
/// file), as `heygen-api`'s build script reads it.
fn recorded_verdict(root: &Path) -> Result<heygen_api_gen::Verdict> {
    match std::fs::read_to_string(root.join(VERDICT)) {
        Ok(text) => {
            heygen_api_gen::Verdict::parse(&text).map_err(|why| fail(format!("{VERDICT}: {why}")))
        }
        Err(_) => Ok(heygen_api_gen::Verdict::default()),
    }
}

fn expand(root: &Path, out: Option<PathBuf>, other: Option<PathBuf>) -> Result<()> {
    let generated = match other {
        Some(path) => generate(
            &heygen_api_gen::load_file(&path)?,
            &heygen_api_gen::Verdict::default(),
        )?,
        None => {
            let spec = heygen_api_gen::load_file(&root.join(SPEC))?;
            generate(&spec, &recorded_verdict(root)?)?
        }
    };
    let out = out.unwrap_or_else(|| root.join("target").join("heygen-api.expanded.rs"));
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| fail(format!("cannot create {}: {e}", dir.display())))?;
    }
    std::fs::write(&out, &generated.code)
        .map_err(|e| fail(format!("cannot write {}: {e}", out.display())))?;
    println!(
        "wrote {} ({} lines)",
        out.display(),
        generated.code.lines().count()
    );
    Ok(())
}
