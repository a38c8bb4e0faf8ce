//! Create → wait → download against the stand-in, and what a real network
//! does to each step: failed renders, polls that time out, a `video_url`
//! that lags, downloads cut off midway, files larger than any API answer.

use std::time::Duration;

use heygen_api::testing::{generated_byte, FakeHeyGen, Origin, RenderTimes, VideoFile, SAMPLE_MP4};
use heygen_api::types::VideoDetail;
use heygen_api::{Client, Error, WaitOptions};

async fn create(client: &Client) -> String {
    heygen_api::testing::create_demo_video(client)
        .await
        .expect("created")
}

/// Quick polls, as a test can afford.
fn fast() -> WaitOptions {
    WaitOptions::default().interval(Duration::from_millis(10), Duration::from_millis(40))
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("heygen-workflow-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_video_is_created_waited_for_and_downloaded_whole() {
    let heygen = FakeHeyGen::start().await.unwrap();
    heygen.render_times(RenderTimes {
        pending: Duration::from_millis(30),
        processing: Duration::from_millis(60),
        url_lag: Duration::ZERO,
    });
    let client = heygen.client();
    let id = create(&client).await;
    let mut statuses = Vec::new();
    let video = client
        .wait_for_video(&id)
        .options(fast())
        .on_progress(|p| {
            if p.changed {
                statuses.push(p.status.clone().unwrap());
            }
        })
        .await
        .expect("completed");
    assert_eq!(statuses, ["pending", "processing", "completed"]);
    let dir = temp("whole");
    let target = dir.join("video.mp4");
    let mut last = None;
    let saved = client
        .download_video(&video, &target)
        .on_progress(|p| last = Some((p.written, p.total)))
        .await
        .expect("downloaded");
    let size = SAMPLE_MP4.len() as u64;
    assert_eq!(saved.bytes, size);
    assert_eq!(
        last,
        Some((size, Some(size))),
        "progress reaches the whole size"
    );
    assert_eq!(std::fs::read(&target).unwrap(), SAMPLE_MP4);
    // No temporary file is left beside it.
    assert_eq!(files_in(&dir), ["video.mp4"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_failed_render_is_a_typed_error_with_its_code() {
    let heygen = FakeHeyGen::start().await.unwrap();
    heygen.fail_next_render("script_rejected", "The script breaks the content policy.");
    let client = heygen.client();
    let id = create(&client).await;
    let err = client
        .wait_for_video(&id)
        .options(fast())
        .await
        .expect_err("failed");
    let Error::JobFailed {
        id: failed_id,
        status,
        code,
        message,
        ..
    } = &err
    else {
        panic!("expected JobFailed, got {err:?}")
    };
    assert_eq!(failed_id.as_deref(), Some(id.as_str()));
    assert_eq!(status, "failed");
    assert_eq!(code.as_deref(), Some("script_rejected"));
    assert_eq!(
        message.as_deref(),
        Some("The script breaks the content policy.")
    );
    assert!(err.to_string().contains("script_rejected"), "{err}");
}

#[tokio::test]
async fn one_timed_out_poll_does_not_end_the_wait() {
    let heygen = FakeHeyGen::start().await.unwrap();
    heygen.render_times(RenderTimes {
        processing: Duration::from_millis(100),
        ..RenderTimes::default()
    });
    // Timeouts are never retried by the client itself: the wait shrugs
    // the timed-out poll off and polls again.
    let client = heygen
        .client_builder()
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let id = create(&client).await;
    heygen.stall_next_polls(1, Duration::from_secs(2));
    let mut failed_polls = 0;
    let video = client
        .wait_for_video(&id)
        .options(fast())
        .on_progress(|p| failed_polls = p.failed_polls)
        .await
        .expect("the wait outlives one timed-out poll");
    assert_eq!(video.status.to_string(), "completed");
    assert_eq!(failed_polls, 1);
}

#[tokio::test]
async fn a_bound_of_consecutive_failed_polls_ends_the_wait_with_the_last_error() {
    let heygen = FakeHeyGen::start().await.unwrap();
    heygen.render_times(RenderTimes {
        processing: Duration::from_secs(60),
        ..RenderTimes::default()
    });
    let client = heygen.client_builder().max_retries(0).build().unwrap();
    let id = create(&client).await;
    let before = heygen.requests().len();
    heygen.fail_next(10, 503);
    let err = client
        .wait_for_video(&id)
        .options(fast().max_poll_failures(3))
        .await
        .expect_err("gave up");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503), "{err:?}");
    // Three failures shrugged off, the fourth ends it.
    assert_eq!(heygen.requests().len() - before, 4);
}

#[tokio::test]
async fn a_poll_answering_404_ends_the_wait_at_once() {
    let heygen = FakeHeyGen::start().await.unwrap();
    let client = heygen.client();
    let err = client
        .wait_for_video("v_missing")
        .options(fast())
        .await
        .expect_err("404");
    assert_eq!(err.code(), Some("not_found"));
    assert_eq!(heygen.requests().len(), 1);
}

#[tokio::test]
async fn a_lagging_video_url_is_waited_for() {
    let heygen = FakeHeyGen::start().await.unwrap();
    heygen.render_times(RenderTimes {
        url_lag: Duration::from_millis(150),
        ..RenderTimes::default()
    });
    let client = heygen.client();
    let id = create(&client).await;
    let mut completed_without_link = 0;
    let video = client
        .wait_for_video(&id)
        .options(fast())
        .on_progress(|p| {
            if p.status.as_deref() == Some("completed") {
                completed_without_link += 1;
            }
        })
        .await
        .expect("completed");
    assert!(video.video_url.is_some());
    assert!(
        completed_without_link >= 2,
        "{completed_without_link} polls"
    );
}

#[tokio::test]
async fn the_wait_times_out_with_the_video_id_and_last_status() {
    let heygen = FakeHeyGen::start().await.unwrap();
    heygen.render_times(RenderTimes {
        processing: Duration::from_secs(60),
        ..RenderTimes::default()
    });
    let client = heygen.client();
    let id = create(&client).await;
    let err = client
        .wait_for_video(&id)
        .options(fast())
        .timeout(Duration::from_millis(150))
        .await
        .expect_err("timed out");
    let Error::WaitTimedOut {
        id: waited_id,
        last_status,
        ..
    } = &err
    else {
        panic!("expected WaitTimedOut, got {err:?}")
    };
    assert_eq!(waited_id.as_deref(), Some(id.as_str()));
    assert_eq!(last_status.as_deref(), Some("processing"));
}

async fn completed(client: &Client) -> VideoDetail {
    let id = create(client).await;
    client
        .wait_for_video(&id)
        .options(fast())
        .await
        .expect("completed")
}

#[tokio::test]
async fn a_download_cut_off_midway_leaves_nothing_at_the_target() {
    let heygen = FakeHeyGen::start().await.unwrap();
    heygen.serve_video(VideoFile::Generated(1024 * 1024));
    heygen.cut_downloads_at(Some(300 * 1024));
    let client = heygen.client();
    let video = completed(&client).await;
    let dir = temp("cut");
    let target = dir.join("video.mp4");
    let mut written = 0;
    let err = client
        .download_video(&video, &target)
        .on_progress(|p| written = p.written)
        .await
        .expect_err("cut off");
    assert!(written > 0 && written < 1024 * 1024, "{written}");
    assert!(
        matches!(err, Error::Transport(_) | Error::IncompleteDownload { .. }),
        "{err:?}"
    );
    assert!(!target.exists());
    assert!(files_in(&dir).is_empty(), "{:?}", files_in(&dir));
    // An earlier file at the target is left as it was.
    std::fs::write(&target, b"the previous take").unwrap();
    client
        .download_video(&video, &target)
        .await
        .expect_err("cut off");
    assert_eq!(std::fs::read(&target).unwrap(), b"the previous take");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_download_larger_than_the_response_limit_arrives_whole() {
    let heygen = FakeHeyGen::start().await.unwrap();
    let size: u64 = 70 * 1024 * 1024;
    heygen.serve_video(VideoFile::Generated(size));
    // The API's own limit stays in force for API answers only.
    let client = heygen
        .client_builder()
        .max_response_bytes(64 * 1024 * 1024)
        .build()
        .unwrap();
    let video = completed(&client).await;
    let dir = temp("large");
    let target = dir.join("video.mp4");
    let saved = client
        .download_video(&video, &target)
        .await
        .expect("downloaded");
    assert_eq!(saved.bytes, size);
    let bytes = std::fs::read(&target).unwrap();
    assert_eq!(bytes.len() as u64, size);
    assert!(bytes
        .iter()
        .enumerate()
        .step_by(4093)
        .all(|(i, b)| *b == generated_byte(i as u64)));
    assert_eq!(bytes[bytes.len() - 1], generated_byte(size - 1));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn an_expired_link_is_read_again_once_and_no_credential_reaches_the_file_host() {
    let heygen = FakeHeyGen::start().await.unwrap();
    let client = heygen.client();
    let video = completed(&client).await;
    let dir = temp("expired");
    heygen.expire_next_downloads(1);
    client
        .download_video(&video, dir.join("a.mp4"))
        .await
        .expect("refreshed");
    // Two expiries in a row: one refresh only, then the host's 403.
    heygen.expire_next_downloads(2);
    let err = client
        .download_video(&video, dir.join("b.mp4"))
        .await
        .expect_err("still expired");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(403));
    let files: Vec<_> = heygen
        .requests()
        .into_iter()
        .filter(|r| r.origin == Origin::Files)
        .collect();
    assert_eq!(
        files.iter().map(|r| r.status).collect::<Vec<_>>(),
        [403, 200, 403, 403]
    );
    assert!(files
        .iter()
        .all(|r| r.header("x-api-key").is_none() && r.header("authorization").is_none()));
    assert_eq!(files_in(&dir), ["a.mp4"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn progress_counts_polls_and_marks_each_status_change() {
    let heygen = FakeHeyGen::start().await.unwrap();
    heygen.render_times(RenderTimes {
        processing: Duration::from_millis(60),
        ..RenderTimes::default()
    });
    let client = heygen.client();
    let id = create(&client).await;
    let mut seen = Vec::new();
    client
        .wait_for_video(&id)
        .options(fast())
        // No deadline the clock can hold: the wait still ends when the
        // video does.
        .timeout(Duration::MAX)
        .on_progress(|p| seen.push((p.polls, p.status.clone().unwrap(), p.changed)))
        .await
        .expect("completed");
    assert!(seen.len() >= 3, "{seen:?}");
    for (i, (polls, _, _)) in seen.iter().enumerate() {
        assert_eq!(*polls as usize, i + 1, "{seen:?}");
    }
    assert!(seen[0].2, "the first poll is a change");
    let changes: Vec<&str> = seen
        .iter()
        .filter(|(_, _, changed)| *changed)
        .map(|(_, s, _)| s.as_str())
        .collect();
    assert_eq!(changes, ["processing", "completed"], "{seen:?}");
}

#[tokio::test]
async fn an_uncured_429_does_not_end_a_wait() {
    let heygen = FakeHeyGen::start().await.unwrap();
    // The client waits out no `Retry-After` over 10 ms itself: the 429
    // reaches the wait, which waits the second it asks for and polls on.
    let client = heygen
        .client_builder()
        .max_retry_after(Duration::from_millis(10))
        .build()
        .unwrap();
    let id = create(&client).await;
    heygen.rate_limit_next(1, Duration::from_secs(1));
    let mut failed = 0;
    let video = client
        .wait_for_video(&id)
        .options(fast())
        .on_progress(|p| failed = p.failed_polls)
        .await
        .expect("the wait outlives a 429");
    assert_eq!(video.status.to_string(), "completed");
    assert_eq!(failed, 1);
}

#[tokio::test]
async fn a_file_host_error_other_than_an_expired_link_is_not_refreshed() {
    let heygen = FakeHeyGen::start().await.unwrap();
    let client = heygen.client();
    let mut video = completed(&client).await;
    let failing = support_server(500).await;
    video.video_url = Some(format!("{}/v.mp4", failing.0));
    let reads_before = gets(&heygen);
    let dir = temp("file-host-500");
    let err = client
        .download_video(&video, dir.join("v.mp4"))
        .await
        .expect_err("500");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert_eq!(gets(&heygen), reads_before, "a 500 is not an expired link");
    // A link that is no http(s) URL is refused before anything is sent.
    video.video_url = Some("ftp://files.example/v.mp4".into());
    let err = client
        .download_video(&video, dir.join("v.mp4"))
        .await
        .expect_err("refused");
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert!(files_in(&dir).is_empty());
    std::fs::remove_dir_all(dir).unwrap();
    drop(failing);
}

#[tokio::test]
async fn the_builders_debug_names_the_video_and_not_its_link() {
    let heygen = FakeHeyGen::start().await.unwrap();
    let client = heygen.client();
    let video = completed(&client).await;
    let wait = format!("{:?}", client.wait_for_video(&video.id));
    assert!(
        wait.contains(&video.id) && wait.contains("VideoWait"),
        "{wait}"
    );
    let download = format!("{:?}", client.download_video(&video, "v.mp4"));
    assert!(
        download.contains(&video.id) && download.contains("v.mp4"),
        "{download}"
    );
    assert!(
        !download.contains("token="),
        "the presigned link is shown: {download}"
    );
}

/// Reads of a video the stand-in answered.
fn gets(heygen: &FakeHeyGen) -> usize {
    heygen
        .requests()
        .iter()
        .filter(|r| r.origin == Origin::Api && r.method == "GET")
        .count()
}

/// A server on 127.0.0.1 answering every request with `status`; the
/// returned handle stops it when dropped.
async fn support_server(status: u16) -> (String, tokio::task::JoinHandle<()>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf).await;
            let _ = stream
                .write_all(
                    format!(
                        "HTTP/1.1 {status} Oops\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                    )
                    .as_bytes(),
                )
                .await;
        }
    });
    (url, task)
}
