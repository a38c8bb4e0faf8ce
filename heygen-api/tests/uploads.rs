//! Uploads against real local servers: from a path, bytes or a reader; the
//! upload limit; progress; a retried 429 resending the same bytes; file
//! names that cannot break a part header.

mod support;

use std::sync::{Arc, Mutex};

use heygen_api::{Client, Error, UploadProgress};
use support::{sequence, Reply, Seen, TestServer};

const ASSET: &str = r#"{"data":{"asset_id":"asset_1","mime_type":"video/mp4","size_bytes":1,"url":"https://files.example/a"}}"#;

fn client(url: &str) -> Client {
    support::fast_client(url, "k")
}

/// A temporary directory of this test's own, removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("heygen-uploads-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The content and headers of the form part named `name`.
fn part<'a>(body: &'a [u8], name: &str) -> (String, &'a [u8]) {
    let marker = format!("name=\"{name}\"");
    let at = body
        .windows(marker.len())
        .position(|w| w == marker.as_bytes())
        .unwrap_or_else(|| panic!("no part {name}"));
    let line_start = body[..at]
        .windows(2)
        .rposition(|w| w == b"\r\n")
        .map_or(0, |i| i + 2);
    let head_end = at
        + body[at..]
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap();
    let head = String::from_utf8_lossy(&body[line_start..head_end]).into_owned();
    let content = &body[head_end + 4..];
    let end = content
        .windows(4)
        .position(|w| w == b"\r\n--")
        .unwrap_or(content.len());
    (head, &content[..end])
}

fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 31 % 251) as u8).collect()
}

#[tokio::test]
async fn a_429_on_a_path_upload_is_retried_with_the_same_bytes() {
    let dir = TempDir::new("retry");
    let path = dir.0.join("clip.mp4");
    let content = pattern(300 * 1024);
    std::fs::write(&path, &content).unwrap();
    let server = TestServer::start(sequence(vec![
        Reply::json(429, r#"{"error":{"code":"rate_limited","message":"slow"}}"#)
            .header("retry-after", "0"),
        Reply::json(200, ASSET),
    ]))
    .await;
    let asset = client(&server.url())
        .upload_asset()
        .file_path("file", &path)
        .send()
        .await
        .expect("retried to success");
    assert_eq!(asset.status().as_u16(), 200);
    let seen = server.requests();
    assert_eq!(seen.len(), 2, "the 429 and the retry");
    for request in &seen {
        let (head, sent) = part(&request.body, "file");
        assert!(head.contains("filename=\"clip.mp4\""), "{head}");
        assert!(head.contains("video/mp4"), "{head}");
        assert_eq!(sent.len(), content.len());
        assert!(sent == content.as_slice(), "the bytes differ");
    }
}

#[tokio::test]
async fn bytes_are_retried_too_and_a_reader_is_sent_once() {
    let server = TestServer::start(|_: &Seen| {
        Reply::json(429, r#"{"error":{"code":"rate_limited","message":"slow"}}"#)
            .header("retry-after", "0")
    })
    .await;
    let client = client(&server.url());
    let err = client
        .upload_asset()
        .file("file", "a.png", b"png-bytes".to_vec(), "image/png")
        .unwrap()
        .send()
        .await
        .expect_err("429");
    assert_eq!(server.count(), 3, "two retries");
    assert!(err.is_retryable());
    let reader = std::io::Cursor::new(b"reader-bytes".to_vec());
    let err = client
        .upload_asset()
        .file_reader("file", "r.png", reader, 12, "image/png")
        .unwrap()
        .send()
        .await
        .expect_err("429");
    assert_eq!(server.count(), 4, "sent once");
    assert!(!err.is_retryable(), "{err:?}");
    let requests = server.requests();
    let (_, sent) = part(&requests[3].body, "file");
    assert_eq!(sent, b"reader-bytes");
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_before_any_request() {
    let dir = TempDir::new("limit");
    let path = dir.0.join("big.mp4");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(33 * 1024 * 1024)
        .unwrap();
    let server = TestServer::start(|_: &Seen| Reply::json(200, ASSET)).await;
    let err = client(&server.url())
        .upload_asset()
        .file_path("file", &path)
        .send()
        .await
        .expect_err("too large");
    match &err {
        Error::UploadTooLarge { size, limit } => {
            assert!(*size >= 33 * 1024 * 1024);
            assert_eq!(*limit, heygen_api::runtime::DEFAULT_MAX_UPLOAD_BYTES);
        }
        other => panic!("{other:?}"),
    }
    let shown = err.to_string();
    assert!(
        shown.contains(&(33u64 * 1024 * 1024).to_string()),
        "{shown}"
    );
    assert_eq!(server.count(), 0);
    // A client with a higher limit sends it.
    let roomy = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .max_upload_bytes(64 * 1024 * 1024)
        .build()
        .unwrap();
    roomy
        .upload_asset()
        .file_path("file", &path)
        .send()
        .await
        .expect("under the raised limit");
    assert_eq!(server.count(), 1);
    // A file that does not exist is a file error, and nothing is sent.
    let err = roomy
        .upload_asset()
        .file_path("file", dir.0.join("missing.mp4"))
        .send()
        .await
        .expect_err("missing");
    assert!(matches!(err, Error::File { .. }), "{err:?}");
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn progress_reaches_the_full_size() {
    let dir = TempDir::new("progress");
    let path = dir.0.join("voice.wav");
    let content = pattern(1024 * 1024 + 17);
    std::fs::write(&path, &content).unwrap();
    let server = TestServer::start(|_: &Seen| Reply::json(200, ASSET)).await;
    let seen: Arc<Mutex<Vec<UploadProgress>>> = Arc::default();
    let log = seen.clone();
    client(&server.url())
        .upload_asset()
        .file_path("file", &path)
        .on_progress(move |p| log.lock().unwrap().push(p))
        .send()
        .await
        .expect("uploaded");
    let seen = seen.lock().unwrap();
    // Read in 64 KiB pieces: a report per piece (17 here), not per few bytes.
    assert!(seen.len() > 1 && seen.len() <= 40, "{} reports", seen.len());
    let last = seen.last().unwrap();
    assert_eq!(last.sent, content.len() as u64);
    assert_eq!(last.total, content.len() as u64);
    assert!(seen.windows(2).all(|w| w[0].sent < w[1].sent));
    let requests = server.requests();
    let (head, _) = part(&requests[0].body, "file");
    assert!(head.contains("audio/wav"), "{head}");
}

#[tokio::test]
async fn file_names_with_line_breaks_arrive_sanitised() {
    let dir = TempDir::new("names");
    // A name Linux allows, and a header must not carry.
    let path = dir.0.join("a\r\nX-Injected: 1\".png");
    std::fs::write(&path, b"png").unwrap();
    let server = TestServer::start(|_: &Seen| Reply::json(200, ASSET)).await;
    let client = client(&server.url());
    client
        .upload_asset()
        .file_path("file", &path)
        .send()
        .await
        .expect("uploaded");
    client
        .upload_asset()
        .file("file", "b\r\n.png", b"png".to_vec(), "image/png")
        .unwrap()
        .send()
        .await
        .expect("uploaded");
    let seen = server.requests();
    let (head, _) = part(&seen[0].body, "file");
    assert!(
        head.contains("filename=\"a__X-Injected: 1_.png\""),
        "{head}"
    );
    let (head, _) = part(&seen[1].body, "file");
    assert!(head.contains("filename=\"b__.png\""), "{head}");
    for request in &seen {
        let text = String::from_utf8_lossy(&request.body);
        assert!(!text.contains("\r\nX-Injected"), "{text}");
    }
}

#[tokio::test]
async fn a_bad_mime_type_is_refused() {
    let client = client("http://127.0.0.1:9");
    let err = client
        .upload_asset()
        .file("file", "a.png", b"x".to_vec(), "image/png\r\nX: y")
        .expect_err("bad mime");
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
}
