//! Downloading a job's result (a rendered video, say) from the presigned
//! link HeyGen hands out, to a file.
//!
//! The link points at another host (a file store, not the API), so the
//! download goes through an HTTP client of its own: it never carries the
//! API key or a bearer token, it follows the store's redirects, and it takes
//! no limit from `max_response_bytes` (a video is often larger than any API
//! answer). What arrives is written to a temporary file beside the target
//! and renamed into place only once complete and checked against
//! `Content-Length`, so an interrupted download leaves nothing at the
//! target path.

use std::future::Future;
use std::path::{Path, PathBuf};

use reqwest::StatusCode;
use tokio::io::AsyncWriteExt;

use super::config::Inner;
use super::error::Error;
use super::response::{error_of, transport};
use super::wait::Job;

/// A download's progress, reported after every piece written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DownloadProgress {
    /// Bytes written so far.
    pub written: u64,
    /// The whole size, when the server said (`Content-Length`).
    pub total: Option<u64>,
}

/// A finished download.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Downloaded {
    /// Where the file is.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
}

/// Streams `url` to `path`: without credentials, following the host's
/// redirects, through a temporary file beside `path` renamed into place
/// once whole and checked against `Content-Length`. `on_progress` sees the
/// bytes written after every piece.
pub async fn download_to_file(
    inner: &Inner,
    url: &str,
    path: &Path,
    on_progress: &mut (dyn FnMut(&DownloadProgress) + Send),
) -> Result<Downloaded, Error> {
    let settings = &inner.0;
    let http = settings
        .downloads
        .get(settings.connect_timeout, settings.timeout)?;
    let parsed = reqwest::Url::parse(url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
        .ok_or_else(|| Error::InvalidRequest("the download link is not an http(s) URL".into()))?;
    let mut response = http
        .get(parsed)
        .header(reqwest::header::USER_AGENT, settings.user_agent.clone())
        .send()
        .await
        .map_err(transport)?;
    if !response.status().is_success() {
        return Err(error_of(response).await);
    }
    let total = response.content_length();
    let mut part = PartFile::create(path).await?;
    let mut written: u64 = 0;
    on_progress(&DownloadProgress { written, total });
    while let Some(chunk) = response.chunk().await.map_err(transport)? {
        part.write(&chunk).await?;
        written += chunk.len() as u64;
        on_progress(&DownloadProgress { written, total });
    }
    if let Some(expected) = total {
        if expected != written {
            return Err(Error::IncompleteDownload { expected, written });
        }
    }
    part.finish().await?;
    Ok(Downloaded {
        path: path.to_path_buf(),
        bytes: written,
    })
}

/// Downloads `job`'s result ([`Job::output_url`]) to `path`. A presigned
/// link expires: when the file store answers 403, 404 or 410, the job is
/// read again with `refresh` and its fresh link tried once more.
pub async fn download_output<T, F, Fut>(
    inner: &Inner,
    job: &T,
    refresh: F,
    path: &Path,
    on_progress: &mut (dyn FnMut(&DownloadProgress) + Send),
) -> Result<Downloaded, Error>
where
    T: Job,
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    let first = match job.output_url() {
        Some(url) => download_to_file(inner, &url, path, on_progress).await,
        None => Err(no_link(job)),
    };
    match first {
        Err(Error::Api(api)) if is_expired(api.status) => {
            tracing::info!(status = %api.status, "the download link was refused; reading the job again for a fresh one");
            let fresh = refresh().await?;
            match fresh.output_url() {
                Some(url) => download_to_file(inner, &url, path, on_progress).await,
                None => Err(no_link(&fresh)),
            }
        }
        other => other,
    }
}

fn no_link<T: Job>(job: &T) -> Error {
    let what = match job.id() {
        Some(id) => format!("{id} has no download link yet"),
        None => "the job has no download link yet".to_string(),
    };
    let status = job
        .status()
        .map(|s| format!(" (status `{s}`)"))
        .unwrap_or_default();
    Error::InvalidRequest(format!("{what}{status}"))
}

/// What a file store answers for a presigned link that has expired.
fn is_expired(status: StatusCode) -> bool {
    matches!(status.as_u16(), 403 | 404 | 410)
}

/// The file being written: a temporary name beside the target, removed
/// unless [`finish`](Self::finish) renames it into place, whether the
/// download fails, errors or is dropped midway.
struct PartFile {
    file: Option<tokio::fs::File>,
    temp: PathBuf,
    target: PathBuf,
}

impl PartFile {
    async fn create(target: &Path) -> Result<PartFile, Error> {
        let name = target.file_name().ok_or_else(|| {
            Error::InvalidRequest(format!("`{}` names no file", target.display()))
        })?;
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{:016x}.part", super::transport::random_u64()));
        let temp = target.with_file_name(temp_name);
        let file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .await
            .map_err(|e| Error::File {
                path: temp.clone(),
                source: e,
            })?;
        Ok(PartFile {
            file: Some(file),
            temp,
            target: target.to_path_buf(),
        })
    }

    async fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let file = self.file.as_mut().expect("written before finish");
        file.write_all(bytes).await.map_err(|e| Error::File {
            path: self.temp.clone(),
            source: e,
        })
    }

    async fn finish(mut self) -> Result<(), Error> {
        let mut file = self.file.take().expect("finished once");
        let temp = self.temp.clone();
        let io = |e| Error::File {
            path: temp.clone(),
            source: e,
        };
        file.flush().await.map_err(io)?;
        file.sync_all().await.map_err(io)?;
        drop(file);
        tokio::fs::rename(&self.temp, &self.target)
            .await
            .map_err(|e| Error::File {
                path: self.target.clone(),
                source: e,
            })?;
        // Renamed: nothing left to remove.
        self.temp = PathBuf::new();
        Ok(())
    }
}

impl Drop for PartFile {
    fn drop(&mut self) {
        if !self.temp.as_os_str().is_empty() {
            // Best effort: the target was never touched either way.
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}
