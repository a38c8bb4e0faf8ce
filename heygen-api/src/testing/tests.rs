//! The stand-in's rules, without a server.

use std::time::Duration;

use super::rules::{api, files, Answer, Body, Request, State};
use super::*;

fn state() -> State {
    let mut state = State::new("k".into(), "http://files.test".into());
    state.sessions.insert("s 1".into());
    state
}

fn call(state: &mut State, method: &str, target: &str, key: bool, body: &[u8]) -> Answer {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let header = |name: &str| (key && name == "x-api-key").then(|| "k".to_string());
    let request = Request {
        method,
        path,
        query,
        header: &header,
        body,
    };
    if path.starts_with("/v3/") {
        api(state, &request)
    } else {
        files(state, &request)
    }
}

fn json(answer: &Answer) -> serde_json::Value {
    serde_json::from_str(answer.text()).expect("JSON")
}

#[test]
fn sessions_keys_and_scripted_trouble() {
    let mut s = state();
    let stop = "/v3/video-agents/s%201/stop";
    assert_eq!(call(&mut s, "POST", stop, true, b"{}").status, 200);
    assert_eq!(call(&mut s, "POST", stop, false, b"{}").status, 401);
    let extra = call(&mut s, "POST", stop, true, br#"{"x":1}"#);
    assert_eq!(extra.status, 400);
    assert_eq!(json(&extra)["error"]["param"], "x");
    let unknown = call(&mut s, "POST", "/v3/video-agents/other/stop", true, b"{}");
    assert_eq!(unknown.status, 404);
    assert_eq!(call(&mut s, "GET", "/v3/nothing", true, b"").status, 404);
    s.rate_limits.push_back(1);
    s.failures.push_back(502);
    let limited = call(&mut s, "POST", stop, true, b"{}");
    assert_eq!(
        (limited.status, limited.headers.clone()),
        (429, vec![("retry-after", "1".to_string())])
    );
    assert_eq!(call(&mut s, "POST", stop, true, b"{}").status, 502);
    assert_eq!(call(&mut s, "POST", stop, true, b"{}").status, 200);
}

#[test]
fn create_video_checks_the_body_against_the_generated_types() {
    let mut s = state();
    let post = |s: &mut State, body: serde_json::Value| {
        call(s, "POST", "/v3/videos", true, body.to_string().as_bytes())
    };
    let ok = post(
        &mut s,
        serde_json::json!({"type": "avatar", "avatar_id": "a1", "script": "Hi"}),
    );
    assert_eq!(ok.status, 200, "{}", ok.text());
    assert!(json(&ok)["data"]["video_id"]
        .as_str()
        .unwrap()
        .starts_with("v_"));
    for bad in [
        serde_json::json!({"type": "avatar", "script": "Hi"}),
        serde_json::json!({"type": "avatar", "avatar_id": "", "script": "Hi"}),
        serde_json::json!({"type": "avatar", "avatar_id": "a1"}),
        serde_json::json!({"type": "avatar", "avatar_id": "a1", "script": "Hi", "audio_url": "https://x"}),
        serde_json::json!({"type": "hologram", "avatar_id": "a1", "script": "Hi"}),
        serde_json::json!({"type": "image", "image": {"type": "asset_id", "asset_id": "nope"}, "script": "Hi"}),
    ] {
        let answer = post(&mut s, bad.clone());
        assert_eq!(answer.status, 400, "{bad}: {}", answer.text());
        assert_eq!(json(&answer)["error"]["code"], "invalid_parameter");
    }
}

#[test]
fn renders_follow_the_schedule_and_links_expire() {
    let mut s = state();
    s.render = RenderTimes {
        pending: Duration::from_millis(40),
        processing: Duration::from_millis(40),
        url_lag: Duration::from_millis(40),
    };
    let created = call(
        &mut s,
        "POST",
        "/v3/videos",
        true,
        br#"{"type":"avatar","avatar_id":"a","script":"x"}"#,
    );
    let id = json(&created)["data"]["video_id"]
        .as_str()
        .unwrap()
        .to_string();
    let read = |s: &mut State| json(&call(s, "GET", &format!("/v3/videos/{id}"), true, b""));
    assert_eq!(read(&mut s)["data"]["status"], "pending");
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(read(&mut s)["data"]["status"], "processing");
    std::thread::sleep(Duration::from_millis(40));
    let lagging = read(&mut s);
    assert_eq!(lagging["data"]["status"], "completed");
    assert!(lagging["data"]["video_url"].is_null());
    std::thread::sleep(Duration::from_millis(40));
    let link = read(&mut s)["data"]["video_url"]
        .as_str()
        .unwrap()
        .to_string();
    let target = link.strip_prefix("http://files.test").unwrap();
    s.expire_downloads = 1;
    assert_eq!(call(&mut s, "GET", target, false, b"").status, 403);
    // The old link stays dead; the video's next read has a new one.
    assert_eq!(call(&mut s, "GET", target, false, b"").status, 403);
    let fresh = read(&mut s)["data"]["video_url"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(fresh, link);
    let download = call(
        &mut s,
        "GET",
        fresh.strip_prefix("http://files.test").unwrap(),
        false,
        b"",
    );
    assert_eq!(download.status, 200);
    assert!(matches!(
        download.body,
        Body::File {
            file: VideoFile::Sample,
            cut_at: None
        }
    ));
}

#[test]
fn a_failed_render_carries_its_code() {
    let mut s = state();
    s.failing_renders.push_back((
        "avatar_unavailable".into(),
        "The avatar was removed.".into(),
    ));
    let created = call(
        &mut s,
        "POST",
        "/v3/videos",
        true,
        br#"{"type":"avatar","avatar_id":"a","script":"x"}"#,
    );
    let id = json(&created)["data"]["video_id"].clone();
    let read = json(&call(
        &mut s,
        "GET",
        &format!("/v3/videos/{}", id.as_str().unwrap()),
        true,
        b"",
    ));
    assert_eq!(read["data"]["status"], "failed");
    assert_eq!(read["data"]["failure_code"], "avatar_unavailable");
    assert!(read["data"]["video_url"].is_null());
}

#[test]
fn the_sample_is_an_mp4() {
    // An ISO base media file: its first box is `ftyp`.
    assert_eq!(&SAMPLE_MP4[4..8], b"ftyp");
    assert!(SAMPLE_MP4.len() < 16 * 1024);
    assert_eq!(generated_byte(250), 250);
    assert_eq!(generated_byte(251), 0);
    assert_eq!(pattern()[300], generated_byte(300));
}
