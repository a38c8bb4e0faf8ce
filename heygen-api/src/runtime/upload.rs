//! The parts of a multipart upload: text, bytes, a file streamed from disk,
//! or a reader. Each becomes a `reqwest` part when the form is built, once
//! per attempt where the part can be read again (text, bytes, a path).

use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_core::Stream;
use reqwest::multipart::{Form, Part};
use tokio::io::AsyncRead;

use super::error::Error;

/// How an upload is going: reported as its file parts are read into the
/// request. On a retry the count starts again from zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct UploadProgress {
    /// Bytes of the file parts handed to the connection so far.
    pub sent: u64,
    /// The size of every file part together.
    pub total: u64,
}

/// The upload's progress callback, shared by every part and attempt.
pub(crate) type OnProgress = Arc<dyn Fn(UploadProgress) + Send + Sync>;

/// A reader given once: taken by the first attempt, so a form that holds
/// one cannot be built twice.
type OnceReader = Mutex<Option<Pin<Box<dyn AsyncRead + Send>>>>;

/// One field of the form.
pub(crate) enum Field {
    Text(String),
    Bytes {
        file_name: String,
        mime: String,
        bytes: Bytes,
    },
    Path {
        file_name: String,
        mime: String,
        path: PathBuf,
    },
    Reader {
        file_name: String,
        mime: String,
        len: u64,
        reader: OnceReader,
    },
    /// A part made by the caller: sent as it is, once, with no size known.
    Part(Mutex<Option<Part>>),
}

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Field::Text(_) => f.write_str("Text"),
            Field::Bytes { file_name, .. } => write!(f, "Bytes({file_name})"),
            Field::Path { path, .. } => write!(f, "Path({})", path.display()),
            Field::Reader { file_name, .. } => write!(f, "Reader({file_name})"),
            Field::Part(_) => f.write_str("Part"),
        }
    }
}

impl Field {
    /// Whether the part can be made again for a retry.
    pub(crate) fn replayable(&self) -> bool {
        !matches!(self, Field::Reader { .. } | Field::Part(_))
    }

    /// The part's size, as sent; a file's is read from the disk now.
    pub(crate) fn size(&self) -> Result<u64, Error> {
        Ok(match self {
            Field::Text(text) => text.len() as u64,
            Field::Bytes { bytes, .. } => bytes.len() as u64,
            // Opened, not only looked up: a file that cannot be read is
            // an error now, before anything is sent.
            Field::Path { path, .. } => std::fs::File::open(path)
                .and_then(|file| file.metadata())
                .map_err(|source| Error::File {
                    path: path.clone(),
                    source,
                })?
                .len(),
            Field::Reader { len, .. } => *len,
            Field::Part(_) => 0,
        })
    }

    fn is_file(&self) -> bool {
        !matches!(self, Field::Text(_))
    }
}

/// Builds the form from its fields, for one attempt. A path is opened
/// again each time, and read as the connection takes it, never whole.
pub(crate) fn build_form(
    fields: &[(String, Field)],
    progress: Option<&OnProgress>,
) -> Result<Form, Error> {
    let total = fields
        .iter()
        .filter(|(_, field)| field.is_file())
        .map(|(_, field)| field.size())
        .sum::<Result<u64, Error>>()?;
    let sent = Arc::new(AtomicU64::new(0));
    let counted = |stream: ByteStream, len: u64| {
        let body = match progress {
            Some(report) => reqwest::Body::wrap_stream(Counted {
                inner: stream,
                sent: sent.clone(),
                total,
                report: report.clone(),
            }),
            None => reqwest::Body::wrap_stream(stream),
        };
        Part::stream_with_length(body, len)
    };
    let mut form = Form::new();
    for (name, field) in fields {
        let part = match field {
            Field::Text(text) => Part::text(text.clone()),
            Field::Bytes {
                file_name,
                mime,
                bytes,
            } => with_meta(
                counted(chunks_of(bytes.clone()), bytes.len() as u64),
                file_name,
                mime,
            )?,
            Field::Path {
                file_name,
                mime,
                path,
            } => {
                let file = std::fs::File::open(path).map_err(|source| Error::File {
                    path: path.clone(),
                    source,
                })?;
                let len = field.size()?;
                let reader = tokio::fs::File::from_std(file);
                with_meta(counted(read_stream(Box::pin(reader)), len), file_name, mime)?
            }
            Field::Reader {
                file_name,
                mime,
                len,
                reader,
            } => {
                let reader = take(reader).ok_or_else(|| {
                    Error::InvalidRequest("the upload's reader was already read".into())
                })?;
                with_meta(counted(read_stream(reader), *len), file_name, mime)?
            }
            Field::Part(part) => take(part).ok_or_else(|| {
                Error::InvalidRequest("the upload's part was already sent".into())
            })?,
        };
        form = form.part(name.clone(), part);
    }
    Ok(form)
}

fn take<T>(slot: &Mutex<Option<T>>) -> Option<T> {
    slot.lock().unwrap_or_else(|e| e.into_inner()).take()
}

fn with_meta(part: Part, file_name: &str, mime: &str) -> Result<Part, Error> {
    part.file_name(safe_file_name(file_name))
        .mime_str(mime)
        .map_err(|_| Error::InvalidRequest(format!("`{mime}` is not a MIME type")))
}

type ByteStream = Pin<Box<dyn Stream<Item = std::io::Result<Bytes>> + Send>>;

/// Bytes in memory as a stream of pieces, each a view of the one buffer:
/// progress moves as the connection takes them.
fn chunks_of(bytes: Bytes) -> ByteStream {
    struct Chunks(Bytes);
    impl Stream for Chunks {
        type Item = std::io::Result<Bytes>;
        fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
            if self.0.is_empty() {
                return Poll::Ready(None);
            }
            let n = self.0.len().min(CHUNK);
            Poll::Ready(Some(Ok(self.0.split_to(n))))
        }
    }
    Box::pin(Chunks(bytes))
}

/// Size of the pieces a file or reader is read in.
const CHUNK: usize = 64 * 1024;

/// A reader as a stream of pieces of at most [`CHUNK`] bytes.
fn read_stream(reader: Pin<Box<dyn AsyncRead + Send>>) -> ByteStream {
    Box::pin(tokio_util::io::ReaderStream::with_capacity(reader, CHUNK))
}

/// Counts what passes through, for the progress callback.
struct Counted {
    inner: ByteStream,
    sent: Arc<AtomicU64>,
    total: u64,
    report: OnProgress,
}

impl Stream for Counted {
    type Item = std::io::Result<Bytes>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let polled = self.inner.as_mut().poll_next(cx);
        if let Poll::Ready(Some(Ok(piece))) = &polled {
            let sent =
                self.sent.fetch_add(piece.len() as u64, Ordering::Relaxed) + piece.len() as u64;
            (self.report)(UploadProgress {
                sent,
                total: self.total,
            });
        }
        polled
    }
}

/// The file name a path is sent under: its last component.
pub(crate) fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_string())
}

/// The MIME type of a file name's extension, for the kinds HeyGen takes
/// (video, audio, images) and a few common others; anything else is
/// `application/octet-stream`.
pub(crate) fn mime_of(file_name: &str) -> &'static str {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "mp4" | "m4v" => "video/mp4",
        "mov" => "video/quicktime",
        "webm" => "video/webm",
        "avi" => "video/x-msvideo",
        "mkv" => "video/x-matroska",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "m4a" => "audio/mp4",
        "ogg" => "audio/ogg",
        "aac" => "audio/aac",
        "flac" => "audio/flac",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "pdf" => "application/pdf",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "srt" => "application/x-subrip",
        "vtt" => "text/vtt",
        _ => "application/octet-stream",
    }
}

/// A file name as it may appear in a part's `Content-Disposition`: line
/// breaks, quotes, backslashes and other control characters become `_`, so
/// that no name can end the header or add one (reqwest escapes a line
/// break with a backslash, which some parsers read as the end of a line).
pub(crate) fn safe_file_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '"' | '\\') {
                '_'
            } else {
                c
            }
        })
        .collect();
    if safe.is_empty() {
        "file".to_string()
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_cannot_break_a_header() {
        assert_eq!(safe_file_name("a.png"), "a.png");
        assert_eq!(
            safe_file_name("x.png\r\nContent-Type: text/html"),
            "x.png__Content-Type: text/html"
        );
        assert_eq!(safe_file_name("a\"b\\c\nd\u{7f}.png"), "a_b_c_d_.png");
        assert_eq!(safe_file_name("été.png"), "été.png");
        assert_eq!(safe_file_name("\r\n"), "__");
        assert_eq!(safe_file_name(""), "file");
    }

    #[test]
    fn mime_types_follow_the_extension() {
        for (name, mime) in [
            ("clip.MP4", "video/mp4"),
            ("clip.m4v", "video/mp4"),
            ("clip.mov", "video/quicktime"),
            ("clip.webm", "video/webm"),
            ("clip.avi", "video/x-msvideo"),
            ("clip.mkv", "video/x-matroska"),
            ("voice.mp3", "audio/mpeg"),
            ("voice.wav", "audio/wav"),
            ("voice.m4a", "audio/mp4"),
            ("voice.ogg", "audio/ogg"),
            ("voice.aac", "audio/aac"),
            ("voice.flac", "audio/flac"),
            ("face.png", "image/png"),
            ("face.jpg", "image/jpeg"),
            ("face.jpeg", "image/jpeg"),
            ("face.gif", "image/gif"),
            ("face.webp", "image/webp"),
            ("logo.svg", "image/svg+xml"),
            ("script.pdf", "application/pdf"),
            ("script.txt", "text/plain"),
            ("data.csv", "text/csv"),
            ("data.json", "application/json"),
            ("captions.srt", "application/x-subrip"),
            ("captions.vtt", "text/vtt"),
            ("noextension", "application/octet-stream"),
            ("archive.tar.gz", "application/octet-stream"),
        ] {
            assert_eq!(mime_of(name), mime, "{name}");
        }
    }

    #[test]
    fn fields_show_what_they_are_but_not_their_text() {
        let fields = [
            Field::Text("secret words".into()),
            Field::Bytes {
                file_name: "a.png".into(),
                mime: "image/png".into(),
                bytes: Bytes::from_static(b"x"),
            },
            Field::Path {
                file_name: "b.mp4".into(),
                mime: "video/mp4".into(),
                path: "/tmp/b.mp4".into(),
            },
        ];
        let shown = format!("{fields:?}");
        assert_eq!(shown, "[Text, Bytes(a.png), Path(/tmp/b.mp4)]");
        // Only files count towards an upload's progress.
        assert!(!fields[0].is_file() && fields[1].is_file() && fields[2].is_file());
    }

    #[test]
    fn bytes_are_streamed_in_views_of_one_buffer() {
        let bytes = Bytes::from(vec![7u8; CHUNK * 2 + 5]);
        let mut stream = chunks_of(bytes);
        let waker = std::task::Waker::noop();
        let mut cx = Context::from_waker(waker);
        let mut sizes = Vec::new();
        while let Poll::Ready(Some(Ok(piece))) = stream.as_mut().poll_next(&mut cx) {
            sizes.push(piece.len());
        }
        assert_eq!(sizes, [CHUNK, CHUNK, 5]);
    }
}
