//! What the stand-in answers: its whole behaviour as one function of its
//! state and a request, so that it can be read (and unit-tested) apart
//! from the HTTP server around it.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};

use super::multipart;
use crate::types::{AssetBase64, CreateVideoFromImageImage, CreateVideoV3RequestBody};

/// HeyGen's documented cap on `POST /v3/assets`.
pub(super) const MAX_ASSET_BYTES: usize = 32 * 1024 * 1024;

/// How renders progress, from the moment a video is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderTimes {
    /// How long a new video stays `pending`.
    pub pending: Duration,
    /// How long it is `processing` after that.
    pub processing: Duration,
    /// How long a `completed` video still reads `video_url: null`.
    pub url_lag: Duration,
}

impl Default for RenderTimes {
    /// Instant renders: a video is `completed`, with its link, at once.
    fn default() -> Self {
        RenderTimes {
            pending: Duration::ZERO,
            processing: Duration::ZERO,
            url_lag: Duration::ZERO,
        }
    }
}

/// What downloads of a rendered video serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VideoFile {
    /// [`SAMPLE_MP4`](crate::testing::SAMPLE_MP4): a small, valid MP4.
    Sample,
    /// `n` bytes of [`generated_byte`](crate::testing::generated_byte), streamed
    /// without being held in memory.
    Generated(u64),
}

#[derive(Debug)]
pub(super) struct Video {
    created: Instant,
    created_unix: u64,
    title: Option<String>,
    failure: Option<(String, String)>,
    /// Part of the download link; a new one makes the old link expire.
    pub(super) token: u64,
}

#[derive(Debug)]
pub(super) struct State {
    pub(super) api_key: String,
    pub(super) files_url: String,
    pub(super) sessions: BTreeSet<String>,
    /// One entry per scripted 429: its `Retry-After` in seconds.
    pub(super) rate_limits: VecDeque<u64>,
    /// Scripted failures: the next requests' statuses.
    pub(super) failures: VecDeque<u16>,
    /// Scripted stalls of `GET /v3/videos/{id}`.
    pub(super) poll_delays: VecDeque<Duration>,
    pub(super) render: RenderTimes,
    /// Failure code and message for the next videos created.
    pub(super) failing_renders: VecDeque<(String, String)>,
    pub(super) videos: BTreeMap<String, Video>,
    pub(super) assets: BTreeSet<String>,
    pub(super) expire_downloads: u32,
    pub(super) file: VideoFile,
    pub(super) cut_downloads_at: Option<u64>,
    pub(super) next_id: u64,
}

impl State {
    pub(super) fn new(api_key: String, files_url: String) -> State {
        State {
            api_key,
            files_url,
            sessions: BTreeSet::from([super::DEMO_SESSION.to_string()]),
            rate_limits: VecDeque::new(),
            failures: VecDeque::new(),
            poll_delays: VecDeque::new(),
            render: RenderTimes::default(),
            failing_renders: VecDeque::new(),
            videos: BTreeMap::new(),
            assets: BTreeSet::new(),
            expire_downloads: 0,
            file: VideoFile::Sample,
            cut_downloads_at: None,
            next_id: 1,
        }
    }

    fn fresh_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }
}

/// A request as the rules see it.
pub(super) struct Request<'a> {
    pub(super) method: &'a str,
    pub(super) path: &'a str,
    pub(super) query: &'a str,
    pub(super) header: &'a dyn Fn(&str) -> Option<String>,
    pub(super) body: &'a [u8],
}

/// What the stand-in answers.
#[derive(Debug)]
pub(super) struct Answer {
    pub(super) status: u16,
    pub(super) headers: Vec<(&'static str, String)>,
    pub(super) body: Body,
    /// Answer only after this long (a stalled poll).
    pub(super) delay: Duration,
}

#[derive(Debug, PartialEq)]
pub(super) enum Body {
    Json(String),
    Text(&'static str),
    /// A video file: `size` bytes of `file`, cut after `cut_at` if set.
    File {
        file: VideoFile,
        cut_at: Option<u64>,
    },
}

impl Answer {
    fn json(status: u16, body: Value) -> Answer {
        Answer {
            status,
            headers: Vec::new(),
            body: Body::Json(body.to_string()),
            delay: Duration::ZERO,
        }
    }

    fn error(status: u16, code: &str, message: &str, param: Option<&str>) -> Answer {
        Answer::json(
            status,
            json!({ "error": { "code": code, "message": message, "param": param, "doc_url": null } }),
        )
    }

    fn data(data: Value) -> Answer {
        Answer::json(200, json!({ "data": data }))
    }

    #[cfg(test)]
    pub(super) fn text(&self) -> &str {
        match &self.body {
            Body::Json(text) => text,
            Body::Text(text) => text,
            Body::File { .. } => "",
        }
    }
}

/// The API's answer to `request`.
pub(super) fn api(state: &mut State, request: &Request<'_>) -> Answer {
    let header = request.header;
    let key_ok = header("x-api-key").as_deref() == Some(state.api_key.as_str())
        || header("authorization")
            .as_deref()
            .and_then(|v| v.strip_prefix("Bearer "))
            == Some(state.api_key.as_str());
    if !key_ok {
        return Answer::error(
            401,
            "authentication_failed",
            "Invalid or expired API key. Verify your x-api-key header.",
            None,
        );
    }
    if let Some(seconds) = state.rate_limits.pop_front() {
        let mut answer = Answer::error(
            429,
            "rate_limit_exceeded",
            "Too many requests. Retry after the duration specified in the Retry-After header.",
            None,
        );
        answer.headers.push(("retry-after", seconds.to_string()));
        return answer;
    }
    if let Some(status) = state.failures.pop_front() {
        return Answer::error(
            status,
            "internal_error",
            "The stand-in was told to fail this request.",
            None,
        );
    }
    let segments: Vec<&str> = request.path.split('/').collect();
    match (request.method, segments.as_slice()) {
        ("POST", ["", "v3", "video-agents", session_id, "stop"]) if !session_id.is_empty() => {
            stop_session(state, session_id, request.body)
        }
        ("POST", ["", "v3", "videos"]) => create_video(state, request.body),
        ("GET", ["", "v3", "videos", video_id]) if !video_id.is_empty() => {
            let mut answer = get_video(state, &decode(video_id));
            answer.delay = state.poll_delays.pop_front().unwrap_or_default();
            answer
        }
        ("POST", ["", "v3", "assets"]) => {
            let content_type = header("content-type").unwrap_or_default();
            upload_asset(state, &content_type, request.body)
        }
        _ => {
            let message = format!(
                "The HeyGen stand-in has no route {} {}.",
                request.method, request.path
            );
            Answer::error(404, "not_found", &message, None)
        }
    }
}

/// The file host's answer: a video's bytes for a current link, `403` for
/// an expired or unknown one (as a presigned link's host answers).
pub(super) fn files(state: &mut State, request: &Request<'_>) -> Answer {
    let denied = || Answer {
        status: 403,
        headers: vec![("content-type", "application/xml".into())],
        body: Body::Text(
            "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>",
        ),
        delay: Duration::ZERO,
    };
    let Some(video_id) = request
        .path
        .strip_prefix("/videos/")
        .and_then(|rest| rest.strip_suffix(".mp4"))
    else {
        return denied();
    };
    let token = request
        .query
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
        .and_then(|t| t.parse::<u64>().ok());
    let expire = state.expire_downloads > 0;
    let fresh = state.fresh_id();
    let Some(video) = state.videos.get_mut(&decode(video_id)) else {
        return denied();
    };
    if token != Some(video.token) {
        return denied();
    }
    if expire {
        // This link has just expired: the video's next read hands out a
        // new one.
        state.expire_downloads -= 1;
        video.token = fresh;
        return denied();
    }
    Answer {
        status: 200,
        headers: vec![("content-type", "video/mp4".into())],
        body: Body::File {
            file: state.file,
            cut_at: state.cut_downloads_at,
        },
        delay: Duration::ZERO,
    }
}

fn decode(segment: &str) -> String {
    percent_encoding::percent_decode_str(segment)
        .decode_utf8_lossy()
        .into_owned()
}

fn stop_session(state: &mut State, session_id: &str, body: &[u8]) -> Answer {
    let fields = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(fields)) => fields,
        _ => {
            return Answer::error(
                400,
                "invalid_parameter",
                "The body must be a JSON object.",
                None,
            )
        }
    };
    if let Some(extra) = fields.keys().next() {
        let message = format!("Unknown field `{extra}`: this request takes no fields.");
        return Answer::error(400, "invalid_parameter", &message, Some(extra));
    }
    let session_id = decode(session_id);
    if state.sessions.contains(&session_id) {
        Answer::data(json!({ "session_id": session_id }))
    } else {
        Answer::error(404, "not_found", "Session not found.", None)
    }
}

/// `POST /v3/videos`: the body must read as the generated request type,
/// with one visual source and something to say.
fn create_video(state: &mut State, body: &[u8]) -> Answer {
    let invalid = |message: &str, param: Option<&str>| {
        Answer::error(400, "invalid_parameter", message, param)
    };
    let request: CreateVideoV3RequestBody = match serde_json::from_slice(body) {
        Ok(request) => request,
        Err(e) => {
            return invalid(
                &format!("The body is not a Create Video request: {e}."),
                None,
            )
        }
    };
    let (title, speech) = match &request {
        CreateVideoV3RequestBody::Avatar(avatar) => {
            if avatar.avatar_id.trim().is_empty() {
                return invalid("avatar_id must not be empty.", Some("avatar_id"));
            }
            (
                avatar.title.clone(),
                [
                    avatar.script.clone().map(|s| s.to_string()),
                    avatar.audio_url.clone(),
                    avatar.audio_asset_id.clone(),
                ],
            )
        }
        CreateVideoV3RequestBody::Image(image) => {
            if let CreateVideoFromImageImage::Id(asset) = &image.image {
                if !state.assets.contains(&asset.asset_id) {
                    return invalid("No asset has this asset_id.", Some("image.asset_id"));
                }
            }
            if let CreateVideoFromImageImage::Base64(AssetBase64 { data, .. }) = &image.image {
                if data.is_empty() {
                    return invalid("image.data must not be empty.", Some("image.data"));
                }
            }
            (
                image.title.clone(),
                [
                    image.script.clone().map(|s| s.to_string()),
                    image.audio_url.clone(),
                    image.audio_asset_id.clone(),
                ],
            )
        }
        _ => {
            return invalid(
                "Exactly one visual source required: avatar_id, image_url, or image_asset_id.",
                Some("type"),
            )
        }
    };
    if speech.iter().flatten().count() != 1 {
        return invalid(
            "Give exactly one of script, audio_url and audio_asset_id.",
            Some("script"),
        );
    }
    let n = state.fresh_id();
    let video_id = format!("v_{n:012x}");
    let failure = state.failing_renders.pop_front();
    state.videos.insert(
        video_id.clone(),
        Video {
            created: Instant::now(),
            created_unix: unix_now(),
            title,
            failure,
            token: n,
        },
    );
    Answer::data(json!({ "video_id": video_id, "status": "waiting", "output_format": "mp4" }))
}

/// `GET /v3/videos/{id}`: the status the render schedule gives now.
fn get_video(state: &mut State, video_id: &str) -> Answer {
    let Some(video) = state.videos.get(video_id) else {
        return Answer::error(404, "not_found", "Video not found.", None);
    };
    let times = state.render;
    let age = video.created.elapsed();
    let rendered = times.pending + times.processing;
    let status = if age < times.pending {
        "pending"
    } else if age < rendered {
        "processing"
    } else if video.failure.is_some() {
        "failed"
    } else {
        "completed"
    };
    let done = matches!(status, "completed" | "failed");
    let link_ready = status == "completed" && age >= rendered + times.url_lag;
    let (failure_code, failure_message) = match (&video.failure, status) {
        (Some((code, message)), "failed") => (Some(code.clone()), Some(message.clone())),
        _ => (None, None),
    };
    Answer::data(json!({
        "id": video_id,
        "title": video.title,
        "status": status,
        "created_at": video.created_unix,
        "completed_at": done.then(|| video.created_unix + rendered.as_secs()),
        "video_url": link_ready.then(|| format!("{}/videos/{video_id}.mp4?token={}", state.files_url, video.token)),
        "thumbnail_url": null,
        "duration": (status == "completed").then_some(super::SAMPLE_MP4_SECONDS),
        "failure_code": failure_code,
        "failure_message": failure_message,
    }))
}

/// `POST /v3/assets`: one `file` part, at most 32 MB.
fn upload_asset(state: &mut State, content_type: &str, body: &[u8]) -> Answer {
    let Some(file) = multipart::file_part(content_type, body, "file") else {
        return Answer::error(
            400,
            "invalid_parameter",
            "Send multipart/form-data with a `file` part.",
            Some("file"),
        );
    };
    if file.bytes.len() > MAX_ASSET_BYTES {
        return Answer::error(
            400,
            "file_too_large",
            "Files are limited to 32 MB.",
            Some("file"),
        );
    }
    let n = state.fresh_id();
    let asset_id = format!("asset_{n:012x}");
    state.assets.insert(asset_id.clone());
    let mime_type = file
        .content_type
        .unwrap_or_else(|| "application/octet-stream".to_string());
    Answer::data(json!({
        "asset_id": asset_id,
        "mime_type": mime_type,
        "size_bytes": file.bytes.len(),
        "url": format!("{}/assets/{asset_id}", state.files_url),
    }))
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}
