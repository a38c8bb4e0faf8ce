//! Where a document comes from: a URL, a file (OpenAPI JSON or YAML, or a
//! documentation page), or a directory of pages merged into one document.
//! Every parse goes through `heygen-api-gen`.

use std::path::Path;
use std::time::{Duration, Instant};

use heygen_api_gen::{load, merge, Spec};
use serde_json::Value;

use crate::{fail, progress, Result};

/// The index of HeyGen's v3 reference: a Markdown list of links to each
/// page's Markdown, every reference page holding one OpenAPI YAML block cut
/// from `/openapi/external-api.json`. The pages are fetched and merged.
/// (`docs.heygen.com` serves the older v1/v2 reference.) Overridden by
/// `--from` or by the `HEYGEN_OPENAPI_URL` environment variable.
pub const DEFAULT_SPEC_URL: &str = "https://developers.heygen.com/llms.txt";

/// Pages fetched at once from an index.
const FETCH_THREADS: usize = 4;

/// Per-page timeout when fetching an index's pages.
const PAGE_TIMEOUT: Duration = Duration::from_secs(30);

/// The environment variable that overrides [`DEFAULT_SPEC_URL`].
pub const SPEC_URL_ENV: &str = "HEYGEN_OPENAPI_URL";

/// Where HeyGen publishes each reference page: a saved page `NAME.md` is
/// the copy of `PUBLISHED_PAGES` + `NAME.md`, and the lock records it so.
pub const PUBLISHED_PAGES: &str = "https://developers.heygen.com/reference/";

/// Largest document we download (HeyGen's is well under 2 MiB).
const MAX_DOWNLOAD: u64 = 64 * 1024 * 1024;

/// A loaded, normalised document and the text it was read from.
pub struct Loaded {
    pub spec: Spec,
    /// Where it came from, as given (URL or path).
    pub source: String,
    /// The pages it was merged from, each as published: the URL an index
    /// linked to, or for a directory of saved pages [`PUBLISHED_PAGES`] and
    /// the file's name. Empty for a single document.
    pub pages: Vec<String>,
    /// Whether every merged input was a documentation page.
    pub all_pages: bool,
}

/// The source to vendor when `--from` is not given.
pub fn default_source() -> String {
    match std::env::var(SPEC_URL_ENV) {
        Ok(url) if !url.trim().is_empty() => url.trim().to_string(),
        _ => DEFAULT_SPEC_URL.to_string(),
    }
}

pub fn is_url(source: &str) -> bool {
    source.starts_with("http://") || source.starts_with("https://")
}

/// Loads and normalises a document from a URL, a file or a directory.
pub fn load_source(source: &str) -> Result<Loaded> {
    let (spec, pages, all_pages) = if is_url(source) {
        let text = download(source)?;
        if is_index(source, &text) {
            let (spec, pages) = load_index(source, &text)?;
            (spec, pages, true)
        } else {
            let raw = parse_text(&text, source)?;
            (heygen_api_gen::from_value(raw, source)?, Vec::new(), false)
        }
    } else {
        let path = Path::new(source);
        let meta =
            std::fs::metadata(path).map_err(|e| fail(format!("{source}: cannot read: {e}")))?;
        if meta.is_dir() {
            load_dir(path)?
        } else {
            let text = read_text(path)?;
            let raw = parse_text(&text, source)?;
            (heygen_api_gen::from_value(raw, source)?, Vec::new(), false)
        }
    };
    Ok(Loaded {
        spec,
        source: source.to_string(),
        pages,
        all_pages,
    })
}

/// Reads a file as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String> {
    let origin = path.display();
    let bytes = std::fs::read(path).map_err(|e| fail(format!("{origin}: cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "{origin}: expected UTF-8 text; invalid byte at offset {}",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Parses a document or a documentation page. A file named like a page
/// (`.md`, `.mdx`, `.txt`) must hold a page, so that one without a YAML block
/// is reported as such instead of as "not an OpenAPI document".
pub fn parse_text(text: &str, origin: &str) -> Result<Value> {
    let lower = origin.to_ascii_lowercase();
    let named_like_page = [".md", ".mdx", ".markdown", ".txt"]
        .iter()
        .any(|ext| lower.ends_with(ext));
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let bare = start.starts_with('{') || start.starts_with("openapi:");
    let raw = if load::looks_like_page(text) || (named_like_page && !bare) {
        let block = load::extract_from_page(text, origin)?;
        load::parse_document(&block, origin)?
    } else {
        load::parse_document(text, origin)?
    };
    Ok(raw)
}

/// Merges every file of a directory (sorted by name; hidden files skipped)
/// into one document. Returns it with what each file is a copy of (a page's
/// published URL, or the file's name for a bare document) and whether every
/// file was a page.
fn load_dir(dir: &Path) -> Result<(Spec, Vec<String>, bool)> {
    let origin = dir.display().to_string();
    let entries =
        std::fs::read_dir(dir).map_err(|e| fail(format!("{origin}: cannot list: {e}")))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| fail(format!("{origin}: cannot list: {e}")))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !entry.path().is_file() {
            continue;
        }
        files.push((name, entry.path()));
    }
    files.sort();
    if files.is_empty() {
        return Err(fail(format!("{origin}: expected documentation pages or OpenAPI documents; the directory has no files")));
    }
    let mut docs = Vec::new();
    let mut pages = Vec::new();
    let mut all_pages = true;
    for (name, path) in &files {
        let file_origin = path.display().to_string();
        let text = read_text(path)?;
        if load::looks_like_page(&text) {
            pages.push(format!("{PUBLISHED_PAGES}{name}"));
        } else {
            all_pages = false;
            pages.push(name.clone());
        }
        docs.push((file_origin.clone(), parse_text(&text, &file_origin)?));
    }
    progress(&format!("merging {} documents from {origin}", docs.len()));
    let (merged, origins) = merge::merge_with_origins(&docs)?;
    let spec = heygen_api_gen::from_merged(merged, &origin, origins)?;
    Ok((spec, pages, all_pages))
}

/// An `llms.txt`-style index: Markdown that links to pages and holds no
/// OpenAPI document of its own.
fn is_index(url: &str, text: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') || start.starts_with("openapi:") || load::looks_like_page(text) {
        return false;
    }
    path.ends_with("llms.txt") || !index_links(url, text).is_empty()
}

/// The `.md` pages an index links to, as absolute URLs, in order, once each.
pub fn index_links(index_url: &str, text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, _) in text.match_indices("](") {
        let rest = &text[i + 2..];
        let Some(end) = rest.find(')') else { continue };
        let target = rest[..end].split_whitespace().next().unwrap_or("");
        let bare = target.split(['#', '?']).next().unwrap_or(target);
        if !(bare.ends_with(".md") || bare.ends_with(".mdx")) {
            continue;
        }
        let absolute = resolve_url(index_url, target);
        if !out.contains(&absolute) {
            out.push(absolute);
        }
    }
    out
}

fn resolve_url(base: &str, target: &str) -> String {
    if is_url(target) {
        return target.to_string();
    }
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(base.len());
    if target.starts_with('/') {
        return format!("{}{target}", &base[..host_end]);
    }
    let dir_end = base[host_end..]
        .rfind('/')
        .map(|i| host_end + i + 1)
        .unwrap_or(base.len());
    let dir = &base[..dir_end];
    let sep = if dir.ends_with('/') { "" } else { "/" };
    format!("{dir}{sep}{}", target.trim_start_matches("./"))
}

/// Fetches every page an index links to ([`FETCH_THREADS`] at a time, each
/// within [`PAGE_TIMEOUT`]), keeps those holding an OpenAPI block and merges
/// them like a directory of pages. A page that cannot be fetched is an error:
/// vendoring a document with an operation silently missing would be worse.
fn load_index(url: &str, text: &str) -> Result<(Spec, Vec<String>)> {
    let links = index_links(url, text);
    if links.is_empty() {
        return Err(fail(format!(
            "{url}: expected an index of links to Markdown pages (`[title](page.md)`); found none"
        )));
    }
    progress(&format!(
        "fetching {} linked pages from {url}, {FETCH_THREADS} at a time",
        links.len()
    ));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(PAGE_TIMEOUT))
        .http_status_as_error(false)
        .user_agent(concat!("heygen-api-xtask/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let results: std::sync::Mutex<Vec<(usize, Result<String>)>> = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..FETCH_THREADS.min(links.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(link) = links.get(i) else { break };
                let fetched = fetch_page(&agent, link);
                let n = done.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                progress(&format!("fetched {n}/{} pages", links.len()));
                if let Ok(mut r) = results.lock() {
                    r.push((i, fetched));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by_key(|(i, _)| *i);
    let mut docs = Vec::new();
    let mut pages = Vec::new();
    let mut others = 0;
    for (i, page) in results {
        let page = page?;
        let origin = &links[i];
        if !load::looks_like_page(&page) {
            others += 1;
            continue;
        }
        pages.push(origin.clone());
        docs.push((origin.clone(), parse_text(&page, origin)?));
    }
    if docs.is_empty() {
        return Err(fail(format!(
            "{url}: none of the {} linked pages holds an OpenAPI YAML block",
            links.len()
        )));
    }
    progress(&format!(
        "merging {} pages with an OpenAPI block ({others} without one skipped)",
        docs.len()
    ));
    let (merged, origins) = merge::merge_with_origins(&docs)?;
    Ok((heygen_api_gen::from_merged(merged, url, origins)?, pages))
}

fn fetch_page(agent: &ureq::Agent, url: &str) -> Result<String> {
    let mut response = agent
        .get(url)
        .header("Accept", "text/markdown, text/plain;q=0.9, */*;q=0.1")
        .call()
        .map_err(|e| {
            fail(format!(
                "GET {url}: fetching a page of the index failed: {e}"
            ))
        })?;
    let status = response.status();
    if !status.is_success() {
        return Err(fail(format!(
            "GET {url}: the server answered HTTP {} {} for a page of the index",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        )));
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_DOWNLOAD)
        .read_to_vec()
        .map_err(|e| fail(format!("GET {url}: reading the page failed: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "GET {url}: expected UTF-8 text; invalid byte at offset {}",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Downloads a document. HTTP errors, non-UTF-8 bodies and oversized
/// documents are errors that name the URL.
pub fn download(url: &str) -> Result<String> {
    progress(&format!("downloading {url}"));
    let started = Instant::now();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(120)))
        .timeout_connect(Some(Duration::from_secs(20)))
        .http_status_as_error(false)
        .user_agent(concat!("heygen-api-xtask/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header(
            "Accept",
            "application/json, application/yaml, text/yaml, text/plain;q=0.5, */*;q=0.1",
        )
        .call()
        .map_err(|e| fail(format!("GET {url}: download failed: {e}")))?;
    let status = response.status();
    if !status.is_success() {
        let reason = status.canonical_reason().unwrap_or("");
        return Err(fail(format!(
            "GET {url}: the server answered HTTP {} {reason}",
            status.as_u16()
        )));
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_DOWNLOAD)
        .read_to_vec()
        .map_err(|e| fail(format!("GET {url}: reading the response failed: {e}")))?;
    progress(&format!(
        "downloaded {} bytes in {} ms",
        bytes.len(),
        started.elapsed().as_millis()
    ));
    String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "GET {url}: expected UTF-8 text; invalid byte at offset {}",
            e.utf8_error().valid_up_to()
        ))
    })
}
