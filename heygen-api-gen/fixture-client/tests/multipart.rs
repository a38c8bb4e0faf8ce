//! The generated `create_upload` (a `multipart/form-data` operation) against
//! a real server: what goes on the wire, what is refused before sending, and
//! how the answer decodes.

mod support;

use heygen_api::runtime::Error;
use heygen_fixture_client::types::{CreateUploadResponse, MediaKind, UploadStatus};
use serde_json::json;
use support::{Reply, Seen, TestServer};

/// Not valid UTF-8, with a CR LF and dashes inside: the bytes must arrive as
/// they were given.
const VIDEO: &[u8] = b"\x00\x00\x00\x18ftypmp42\r\n--\xff\xfe\x80binary";

fn upload_created() -> Reply {
    Reply::value(
        201,
        &json!({"data": {"upload_id": "up_1", "filename": "clip.mp4", "kind": "video", "status": "scanning",
                         "size_bytes": VIDEO.len(), "created_at": "2024-05-01T12:00:00Z",
                         "virus_scan": {"engine": "future-field"}}}),
    )
}

/// One part of a multipart body.
#[derive(Debug)]
struct Part {
    headers: String,
    body: Vec<u8>,
}

impl Part {
    fn disposition(&self) -> &str {
        self.headers
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))
            .unwrap_or_default()
    }
    fn content_type(&self) -> Option<&str> {
        self.headers
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-type:"))
            .map(|l| l["content-type:".len()..].trim())
    }
}

/// Splits a body by the boundary named in the request's content type,
/// checking the framing RFC 7578 requires on the way.
fn parts(req: &Seen) -> Vec<Part> {
    let content_type = req.header("content-type").expect("content-type");
    let (kind, params) = content_type.split_once(';').expect("a boundary parameter");
    assert_eq!(kind.trim(), "multipart/form-data");
    let boundary = params
        .trim()
        .strip_prefix("boundary=")
        .expect("boundary=")
        .trim_matches('"');
    assert!(!boundary.is_empty());
    let delimiter = format!("--{boundary}").into_bytes();
    let body = &req.body;
    assert!(
        body.starts_with(&delimiter),
        "the body starts with the boundary"
    );
    let close = [b"\r\n".as_slice(), &delimiter, b"--\r\n"].concat();
    assert!(
        body.ends_with(&close),
        "the body ends with the closing boundary"
    );
    let inner = &body[delimiter.len()..body.len() - close.len()];
    let separator = [b"\r\n".as_slice(), &delimiter].concat();
    let mut out = Vec::new();
    let mut rest = inner;
    loop {
        let end = find(rest, &separator).unwrap_or(rest.len());
        let raw = rest[..end]
            .strip_prefix(b"\r\n")
            .expect("CRLF after the boundary");
        let split = find(raw, b"\r\n\r\n").expect("part headers end");
        out.push(Part {
            headers: String::from_utf8(raw[..split].to_vec()).expect("ascii headers"),
            body: raw[split + 4..].to_vec(),
        });
        if end == rest.len() {
            return out;
        }
        rest = &rest[end + separator.len()..];
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[tokio::test]
async fn sends_the_file_and_the_text_fields_as_multipart_form_data() {
    let server = TestServer::start_counted(|_, _| upload_created()).await;
    let client = support::client(&server);
    let response = client
        .create_upload()
        .file("file", "clip.mp4", VIDEO, "video/mp4")
        .expect("a valid MIME type")
        .text("purpose", "clip")
        .text("folder_id", "fld_7")
        .send()
        .await
        .expect("created");

    assert_eq!(response.status(), 201);
    let upload = response.into_data().expect("data");
    assert_eq!(upload.upload_id, "up_1");
    assert_eq!(upload.kind, MediaKind::Video);
    assert_eq!(upload.status, UploadStatus::Scanning);
    assert_eq!(upload.size_bytes, VIDEO.len() as u64);

    let seen = server.requests();
    assert_eq!(seen.len(), 1);
    let req = &seen[0];
    assert_eq!(
        (req.method.as_str(), req.target.as_str()),
        ("POST", "/v1/uploads")
    );
    assert_eq!(req.header("x-api-key"), Some("test-key"));
    assert_eq!(
        req.header("idempotency-key"),
        None,
        "this upload does not declare Idempotency-Key: the client adds none"
    );
    let parts = parts(req);
    assert_eq!(parts.len(), 3, "{parts:?}");
    assert_eq!(
        parts[0].disposition(),
        r#"Content-Disposition: form-data; name="file"; filename="clip.mp4""#
    );
    assert_eq!(parts[0].content_type(), Some("video/mp4"));
    assert_eq!(parts[0].body, VIDEO);
    assert_eq!(
        parts[1].disposition(),
        r#"Content-Disposition: form-data; name="purpose""#
    );
    assert_eq!(parts[1].body, b"clip");
    assert_eq!(
        parts[2].disposition(),
        r#"Content-Disposition: form-data; name="folder_id""#
    );
    assert_eq!(parts[2].body, b"fld_7");
}

#[tokio::test]
async fn a_missing_required_field_is_refused_before_sending() {
    let server = TestServer::start_counted(|_, _| upload_created()).await;
    let client = support::client(&server);
    let err = client
        .create_upload()
        .file("file", "clip.mp4", VIDEO, "video/mp4")
        .expect("a valid MIME type")
        .send()
        .await
        .expect_err("purpose is required");
    let Error::InvalidRequest(why) = &err else {
        panic!("expected InvalidRequest, got {err:?}")
    };
    assert!(why.contains("`purpose`"), "{why}");

    let err = client
        .create_upload()
        .text("purpose", "clip")
        .send()
        .await
        .expect_err("file is required");
    assert!(
        matches!(&err, Error::InvalidRequest(why) if why.contains("`file`")),
        "{err:?}"
    );
    assert_eq!(server.count(), 0);
}

#[tokio::test]
async fn a_bad_mime_type_is_refused() {
    let server = TestServer::start_counted(|_, _| upload_created()).await;
    let client = support::client(&server);
    let err = client
        .create_upload()
        .file("file", "clip.mp4", VIDEO, "not a mime type")
        .expect_err("bad MIME");
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
}

#[tokio::test]
async fn an_error_answer_is_the_typed_api_error_and_is_not_retried() {
    let server = TestServer::start_counted(|_, _| {
        Reply::json(400, r#"{"error":{"code":"invalid_parameter","message":"Unsupported file type.","param":"file"}}"#)
            .header("x-request-id", "req_up")
    })
    .await;
    let err = support::client(&server)
        .create_upload()
        .file("file", "notes.txt", b"hello".to_vec(), "text/plain")
        .expect("mime")
        .text("purpose", "clip")
        .send()
        .await
        .expect_err("400");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(err.code(), Some("invalid_parameter"));
    assert_eq!(err.api().and_then(|a| a.param.as_deref()), Some("file"));
    assert_eq!(err.request_id(), Some("req_up"));
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn a_streamed_body_is_sent_once_even_when_the_server_is_busy() {
    let server = TestServer::start_counted(|_, _| {
        Reply::json(503, r#"{"error":{"code":"unavailable"}}"#).header("retry-after", "0")
    })
    .await;
    let err = support::client(&server)
        .create_upload()
        .file("file", "clip.mp4", VIDEO, "video/mp4")
        .expect("mime")
        .text("purpose", "clip")
        .send()
        .await
        .expect_err("503");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn a_success_body_that_is_not_json_is_a_decode_error() {
    let server = TestServer::start_counted(|_, _| Reply::json(201, "<html>proxy</html>")).await;
    let err = support::client(&server)
        .create_upload()
        .file("file", "a.png", b"\x89PNG".to_vec(), "image/png")
        .expect("mime")
        .text("purpose", "background")
        .send()
        .await
        .expect_err("not JSON");
    assert!(
        matches!(&err, Error::Decode { snippet, .. } if snippet.contains("proxy")),
        "{err:?}"
    );
}

#[test]
fn the_typed_response_is_the_documented_envelope() {
    let body: CreateUploadResponse =
        serde_json::from_value(json!({"data": null})).expect("null data");
    assert!(body.data.is_none());
}
