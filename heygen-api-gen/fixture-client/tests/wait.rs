//! `runtime::wait_for` polling generated "get" calls against a real server.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use heygen_api::runtime::{wait_for, Error, Job, WaitOptions, WaitOutcome, WaitProgress};
use heygen_fixture_client::types::{RenderDetail, RenderStatus, SessionStatus, StudioSession};
use heygen_fixture_client::Client;
use serde_json::{json, Value};
use support::{Reply, TestServer};

fn fast() -> WaitOptions {
    WaitOptions::default()
        .interval(Duration::from_millis(10), Duration::from_millis(50))
        .timeout(Duration::from_secs(10))
}

fn render(status: &str, progress: f64) -> Value {
    json!({"data": {"render_id": "r1", "status": status, "progress": progress, "created_at": "2024-05-01T12:00:00Z"}})
}

/// Serves `/v1/renders/r1`: the `n`th poll gets `states[n]`, the last one
/// for ever after.
async fn render_server(states: Vec<Value>) -> TestServer {
    TestServer::start_counted(move |n, req| {
        assert_eq!((req.method.as_str(), req.path()), ("GET", "/v1/renders/r1"));
        Reply::value(200, &states[n.min(states.len() - 1)])
    })
    .await
}

async fn get_render(client: &Client) -> Result<RenderDetail, Error> {
    client
        .get_render()
        .render_id("r1")
        .send()
        .await?
        .into_data()
}

/// Collects what the progress callback saw.
fn recorder() -> (Arc<Mutex<Vec<WaitProgress>>>, impl FnMut(&WaitProgress)) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    (seen, move |p: &WaitProgress| {
        sink.lock().unwrap().push(p.clone())
    })
}

#[tokio::test]
async fn waits_through_pending_and_processing_to_completed() {
    let server = render_server(vec![
        render("pending", 0.0),
        render("processing", 10.0),
        render("processing", 60.0),
        render("completed", 100.0),
    ])
    .await;
    let client = support::client(&server);
    let (seen, on_progress) = recorder();
    let done = wait_for(|| get_render(&client), fast(), on_progress)
        .await
        .expect("no error")
        .completed()
        .expect("completed");
    assert_eq!(done.status, RenderStatus::Completed);
    assert_eq!(done.progress, 100.0);
    let seen = seen.lock().unwrap();
    let statuses: Vec<&str> = seen.iter().map(|p| p.status.as_deref().unwrap()).collect();
    assert_eq!(
        statuses,
        ["pending", "processing", "processing", "completed"]
    );
    let progress: Vec<Option<f64>> = seen.iter().map(|p| p.progress).collect();
    assert_eq!(progress, [Some(0.0), Some(10.0), Some(60.0), Some(100.0)]);
    let polls: Vec<u32> = seen.iter().map(|p| p.polls).collect();
    assert_eq!(polls, [1, 2, 3, 4]);
    assert!(seen.windows(2).all(|w| w[0].elapsed < w[1].elapsed));
    assert_eq!(server.count(), 4);
}

#[tokio::test]
async fn pauses_between_polls_grow_up_to_the_maximum() {
    let mut states = vec![render("processing", 50.0); 7];
    states.push(render("completed", 100.0));
    let server = render_server(states).await;
    let client = support::client(&server);
    let (seen, on_progress) = recorder();
    wait_for(|| get_render(&client), fast(), on_progress)
        .await
        .expect("completed");
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 8);
    // 10, 15, 22.5, 33.75, then the 50 ms cap. A sleep never ends early, so
    // each gap is at least its pause (whatever the machine's load).
    let pauses = [10.0, 15.0, 22.5, 33.75, 50.0, 50.0, 50.0];
    for (i, pair) in seen.windows(2).enumerate() {
        let gap = (pair[1].elapsed - pair[0].elapsed).as_secs_f64() * 1000.0;
        assert!(
            gap >= pauses[i] - 0.5,
            "pause {i} was {gap:.1} ms, expected at least {} ms",
            pauses[i]
        );
    }
    let options = fast();
    let mut pause = options.initial_interval;
    let mut schedule = Vec::new();
    for _ in 0..6 {
        schedule.push(pause.as_micros());
        pause = options.next_interval(pause);
    }
    assert_eq!(schedule, [10_000, 15_000, 22_500, 33_750, 50_000, 50_000]);
}

#[tokio::test]
async fn a_failed_job_is_an_error_that_carries_the_resource() {
    let mut failed = render("failed", 40.0);
    failed["data"]["error"] =
        json!({"code": "asset_unreachable", "detail": "The clip URL answered 403."});
    let server = render_server(vec![render("processing", 40.0), failed]).await;
    let client = support::client(&server);
    let err = wait_for(|| get_render(&client), fast(), |_| {})
        .await
        .expect_err("failed");
    let Error::JobFailed {
        status, resource, ..
    } = &err
    else {
        panic!("expected JobFailed, got {err:?}")
    };
    assert_eq!(status, "failed");
    assert_eq!(resource["render_id"], "r1");
    assert_eq!(resource["status"], "failed");
    assert_eq!(resource["error"]["code"], "asset_unreachable");
    // The id comes from the resource (`render_id` of `RenderDetail`).
    assert_eq!(err.to_string(), "job r1 ended with status `failed`");
    assert_eq!(server.count(), 2);
}

// Paused clock: the deadline passes only while every task waits, so the
// polls it allows happen however loaded the machine is.
#[tokio::test(start_paused = true)]
async fn a_job_that_never_finishes_times_out_with_its_last_status() {
    let server = render_server(vec![render("pending", 0.0), render("processing", 5.0)]).await;
    let client = support::client(&server);
    let options = fast().timeout(Duration::from_millis(150));
    let started = std::time::Instant::now();
    let err = wait_for(|| get_render(&client), options, |_| {})
        .await
        .expect_err("deadline");
    let Error::WaitTimedOut {
        last_status,
        waited,
        ..
    } = &err
    else {
        panic!("expected WaitTimedOut, got {err:?}")
    };
    assert_eq!(last_status.as_deref(), Some("processing"));
    assert!(*waited >= Duration::from_millis(150), "{waited:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
    let polls = server.count();
    assert!(polls >= 3, "{polls} polls");
    // Nothing polls after the wait has returned.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(server.count(), polls);
}

#[tokio::test]
async fn the_deadline_also_bounds_a_slow_poll() {
    let server = TestServer::start_counted(|n, _| {
        let reply = Reply::value(200, &render("processing", 1.0));
        if n == 0 {
            reply
        } else {
            reply.delayed(Duration::from_secs(3))
        }
    })
    .await;
    let client = support::client(&server);
    let started = std::time::Instant::now();
    let err = wait_for(
        || get_render(&client),
        fast().timeout(Duration::from_millis(100)),
        |_| {},
    )
    .await
    .expect_err("deadline");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert!(
        matches!(err, Error::WaitTimedOut { last_status: Some(ref s), .. } if s == "processing"),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_studio_session_waiting_for_input_ends_the_wait() {
    let session = |status: &str, progress: f64| {
        json!({"data": {"session_id": "s1", "status": status, "progress": progress, "prompt": "A product teaser",
                        "created_at": "2024-05-01T12:00:00Z",
                        "pending_question": if status == "waiting_for_input" { json!("Which logo?") } else { Value::Null }}})
    };
    let states = [
        session("queued", 0.0),
        session("thinking", 5.0),
        session("waiting_for_input", 20.0),
        session("generating", 30.0),
    ];
    let server = TestServer::start_counted(move |n, req| {
        assert_eq!(req.path(), "/v1/studios/sessions/s1");
        Reply::value(200, &states[n.min(3)])
    })
    .await;
    let client = support::client(&server);
    let poll = || async {
        client
            .get_studio_session()
            .session_id("s1")
            .send()
            .await?
            .into_data()
    };
    let (seen, on_progress) = recorder();
    let outcome = wait_for(poll, fast(), on_progress)
        .await
        .expect("needs input");
    let WaitOutcome::NeedsCaller {
        status,
        resource: session,
    } = outcome
    else {
        panic!("expected NeedsCaller, got {outcome:?}")
    };
    assert_eq!(status, "waiting_for_input");
    let session: StudioSession = session;
    assert_eq!(session.status, SessionStatus::WaitingForInput);
    assert_eq!(session.pending_question.as_deref(), Some("Which logo?"));
    assert_eq!(session.progress(), Some(20.0));
    let statuses: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .filter_map(|p| p.status.clone())
        .collect();
    assert_eq!(statuses, ["queued", "thinking", "waiting_for_input"]);
    assert_eq!(server.count(), 3);
}

/// Serves `/v1/studios/sessions/s1` going through `states`, the last one
/// for ever after.
async fn session_server(states: Vec<&'static str>) -> TestServer {
    TestServer::start_counted(move |n, req| {
        assert_eq!(req.path(), "/v1/studios/sessions/s1");
        let status = states[n.min(states.len() - 1)];
        Reply::value(
            200,
            &json!({"data": {"session_id": "s1", "status": status, "progress": 10.0, "prompt": "A teaser",
                             "created_at": "2024-05-01T12:00:00Z"}}),
        )
    })
    .await
}

async fn wait_for_session(
    client: &Client,
    options: WaitOptions,
) -> Result<WaitOutcome<StudioSession>, Error> {
    let poll = || async {
        client
            .get_studio_session()
            .session_id("s1")
            .send()
            .await?
            .into_data()
    };
    wait_for(poll, options, |_| {}).await
}

#[tokio::test]
async fn a_stopped_session_is_halted_not_done() {
    let server = session_server(vec!["thinking", "stopped"]).await;
    let client = support::client(&server);
    let outcome = wait_for_session(&client, fast()).await.expect("no error");
    assert!(
        matches!(&outcome, WaitOutcome::Halted { status, resource } if status == "stopped" && resource.status == SessionStatus::Stopped),
        "{outcome:?}"
    );
    assert!(
        outcome.completed().is_none(),
        "a stopped job is not a result"
    );
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn a_paused_job_is_halted_even_when_its_schema_does_not_declare_it() {
    // `paused` is not a `SessionStatus`: the options' `halted` list is
    // checked before the schema's.
    let server = session_server(vec!["queued", "paused"]).await;
    let client = support::client(&server);
    let outcome = wait_for_session(&client, fast()).await.expect("no error");
    assert!(
        matches!(&outcome, WaitOutcome::Halted { status, .. } if status == "paused"),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn a_status_the_schema_does_not_declare_is_unknown() {
    let server = render_server(vec![render("processing", 10.0), render("archived", 100.0)]).await;
    let client = support::client(&server);
    let outcome = wait_for(|| get_render(&client), fast(), |_| {})
        .await
        .expect("no error");
    let WaitOutcome::Unknown { status, resource } = &outcome else {
        panic!("expected Unknown, got {outcome:?}")
    };
    assert_eq!(status, "archived");
    assert_eq!(resource.status, RenderStatus::Unknown("archived".into()));
    assert_eq!(outcome.resource().render_id, "r1");
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn an_unknown_status_can_be_waited_through_or_named() {
    let server = render_server(vec![render("processing", 10.0), render("archived", 100.0)]).await;
    let client = support::client(&server);
    let mut options = fast().timeout(Duration::from_millis(80));
    options.keep_waiting_on_unknown = true;
    let err = wait_for(|| get_render(&client), options, |_| {})
        .await
        .expect_err("deadline");
    assert!(
        matches!(err, Error::WaitTimedOut { last_status: Some(ref s), .. } if s == "archived"),
        "{err:?}"
    );

    let mut options = fast();
    options.completed.push("archived".into());
    let done = wait_for(|| get_render(&client), options, |_| {})
        .await
        .expect("no error")
        .completed()
        .expect("archived counts as done");
    assert_eq!(done.status, RenderStatus::Unknown("archived".into()));
}

#[tokio::test]
async fn declared_statuses_that_end_nothing_keep_the_wait_going() {
    // `thinking` and `generating` are declared and in no list: still running.
    let server = session_server(vec!["queued", "thinking", "generating", "completed"]).await;
    let client = support::client(&server);
    let outcome = wait_for_session(&client, fast()).await.expect("no error");
    assert!(matches!(outcome, WaitOutcome::Completed(_)), "{outcome:?}");
    assert_eq!(server.count(), 4);
}

#[tokio::test]
async fn a_poll_error_ends_the_wait_with_that_error() {
    let server = TestServer::start_counted(|n, _| match n {
        0 => Reply::value(200, &render("processing", 10.0)),
        _ => Reply::json(
            404,
            r#"{"error":{"code":"not_found","message":"Render not found."}}"#,
        ),
    })
    .await;
    let client = support::client(&server);
    let err = wait_for(|| get_render(&client), fast(), |_| {})
        .await
        .expect_err("404");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(err.code(), Some("not_found"));
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn an_empty_envelope_is_a_poll_error() {
    let server = TestServer::start_counted(|_, _| Reply::json(200, r#"{"data":null}"#)).await;
    let client = support::client(&server);
    let err = wait_for(|| get_render(&client), fast(), |_| {})
        .await
        .expect_err("no data");
    assert!(matches!(err, Error::MissingData { .. }), "{err:?}");
}

#[tokio::test]
async fn dropping_the_wait_stops_the_polling() {
    let server = render_server(vec![render("processing", 10.0)]).await;
    let client = support::client(&server);
    let wait = wait_for(
        || get_render(&client),
        fast().interval(Duration::from_millis(5), Duration::from_millis(10)),
        |_| {},
    );
    let outcome = tokio::time::timeout(Duration::from_millis(120), wait).await;
    assert!(outcome.is_err(), "the wait should still be running");
    // A request already on the wire when the future was dropped may still
    // reach the server; let it land, then no further poll may come (a live
    // loop would poll ~15 more times in 150 ms at these intervals).
    tokio::time::sleep(Duration::from_millis(30)).await;
    let polls = server.count();
    assert!(polls >= 3, "{polls} polls");
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(server.count(), polls);
}

#[tokio::test]
async fn waits_are_send_and_run_on_spawned_tasks() {
    let server = render_server(vec![render("pending", 0.0), render("completed", 100.0)]).await;
    let client = support::client(&server);
    let task = tokio::spawn(async move {
        let poll = || async {
            client
                .get_render()
                .render_id("r1")
                .send()
                .await?
                .into_data()
        };
        wait_for(poll, fast(), |_| {}).await
    });
    assert!(matches!(
        task.await.expect("join").expect("done"),
        WaitOutcome::Completed(RenderDetail {
            status: RenderStatus::Completed,
            ..
        })
    ));
}

/// `is_job!(T)` is whether `T: Job`, decided at compile time without
/// requiring it: the method on `Probe<T>` exists only for jobs, and method
/// resolution falls back to the one on `&Probe<T>` (autoref) for the rest.
struct Probe<T>(std::marker::PhantomData<T>);
trait ViaJob {
    fn is_job(&self) -> bool {
        true
    }
}
impl<T: Job> ViaJob for Probe<T> {}
trait ViaAnything {
    fn is_job(&self) -> bool {
        false
    }
}
impl<T> ViaAnything for &Probe<T> {}
macro_rules! is_job {
    ($t:ty) => {
        (&Probe::<$t>(std::marker::PhantomData)).is_job()
    };
}

#[test]
fn only_jobs_are_jobs() {
    use heygen_fixture_client::types;
    // The `data` of a `GET` by id, with a string-enum status.
    assert!(is_job!(types::RenderDetail));
    assert!(is_job!(types::StudioSession));
    // No `GET` by id, but the spec lists its terminal statuses.
    assert!(is_job!(types::VoiceCloneJob));
    assert_eq!(
        <types::VoiceCloneJob as Job>::terminal_statuses(),
        ["completed", "failed"]
    );
    assert_eq!(
        <types::RenderDetail as Job>::known_statuses(),
        ["pending", "processing", "completed", "failed"]
    );
    // A `status` alone does not make a job: list items, batch items, what a
    // create call answers, a batch read's own `data`.
    assert!(!is_job!(types::RenderSummary));
    assert!(!is_job!(types::RenderBatchItem));
    assert!(!is_job!(types::RenderCreated));
    assert!(!is_job!(types::StudioSessionSummary));
    assert!(!is_job!(types::RenderBatch));
    // The probe itself can say no and yes for the same shape of type.
    assert!(!is_job!(String));
}
