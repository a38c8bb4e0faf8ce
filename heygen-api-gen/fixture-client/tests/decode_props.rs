//! Property tests: decoding any JSON into the generated response types never
//! panics (it is `Ok` or `Err`), and what decodes round-trips.
//!
//! Inputs are arbitrary JSON built from the fixture's own vocabulary (so many
//! of them get deep into the types), and mutations of valid responses: a
//! field dropped, an unknown field added, a value swapped for another type,
//! an enum or tag value the client does not know, a `null`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use heygen_fixture_client::types;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Decodes `value` as `T`: never a panic. When it decodes, serializing and
/// decoding again gives the same JSON (the value survives a round trip).
/// Returns whether it decoded.
fn decodes_as<T: DeserializeOwned + Serialize>(value: &Value) -> bool {
    let name = std::any::type_name::<T>();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        serde_json::from_value::<T>(value.clone())
    }));
    let decoded = match outcome {
        Ok(Ok(v)) => v,
        Ok(Err(_)) => return false,
        Err(_) => panic!("decoding {name} panicked on {value}"),
    };
    let first = serde_json::to_value(&decoded)
        .unwrap_or_else(|e| panic!("{name} decoded from {value} cannot serialize: {e}"));
    let again: T = serde_json::from_value(first.clone()).unwrap_or_else(|e| {
        panic!("{name} serialized as {first} does not decode again: {e} (from {value})")
    });
    let second = serde_json::to_value(&again).expect("serializes");
    assert_eq!(first, second, "{name} does not round-trip (from {value})");
    // Bytes too: the path a real response takes. serde_json's
    // `float_roundtrip` (on in the workspace) reads every float back as the
    // one it wrote, so this is exact equality.
    let text = serde_json::to_vec(&decoded).expect("serializes");
    let from_bytes: T = serde_json::from_slice(&text)
        .unwrap_or_else(|e| panic!("{name}: {e} on {}", String::from_utf8_lossy(&text)));
    let through_bytes = serde_json::to_value(&from_bytes).expect("serializes");
    assert_eq!(
        through_bytes, first,
        "{name} differs through bytes (from {value})"
    );
    true
}

/// Every type under test, at once. Returns how many decoded.
fn decode_all(value: &Value) -> usize {
    [
        decodes_as::<types::GetRenderResponse>(value),
        decodes_as::<types::ListRendersResponse>(value),
        decodes_as::<types::RenderDetail>(value),
        decodes_as::<types::MediaInput>(value),
        decodes_as::<types::ClipSource>(value),
        decodes_as::<types::RenderSceneCharacter>(value),
        decodes_as::<types::CreateLookRequest>(value),
        decodes_as::<types::GetClipResponse>(value),
        decodes_as::<types::GetWebhookEventResponse>(value),
        decodes_as::<types::ListUploadsResponse>(value),
    ]
    .into_iter()
    .filter(|ok| *ok)
    .count()
}

// ---------------------------------------------------------------------------
// Valid responses, written in the form the types serialize back to
// (timestamps in UTC with `Z`, numbers as floats where the schema says
// `number`), so that decoding and serializing gives the input back exactly.

fn status() -> impl Strategy<Value = Value> {
    prop::sample::select(&["pending", "processing", "completed", "failed"][..])
        .prop_map(|s| json!(s))
}

fn timestamp() -> impl Strategy<Value = Value> {
    (
        2000u32..2100,
        1u32..13,
        1u32..29,
        0u32..24,
        0u32..60,
        0u32..60,
    )
        .prop_map(|(y, mo, d, h, mi, s)| {
            json!(format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z"))
        })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![3 => "[a-z0-9_]{1,12}", 1 => any::<String>().prop_filter("non-empty", |s| !s.is_empty())]
}

fn render_summary() -> impl Strategy<Value = Value> {
    (
        text(),
        status(),
        timestamp(),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(|(id, status, at, title, thumb)| {
            let mut m = json!({ "render_id": id, "status": status, "created_at": at });
            if let Some(t) = title {
                m["title"] = json!(t);
            }
            if let Some(t) = thumb {
                m["thumbnail_url"] = json!(t);
            }
            m
        })
}

fn render_detail() -> impl Strategy<Value = Value> {
    (
        render_summary(),
        0.0f64..=100.0,
        prop::option::of((1u64..10_000, 1u64..10_000)),
        prop::option::of(0.0f64..1e6),
        prop::option::of((text(), prop::option::of(text()))),
        prop::collection::btree_map(
            "[a-z]{1,5}",
            prop_oneof![
                text().prop_map(Value::String),
                any::<i64>().prop_map(Value::from)
            ],
            0..3,
        ),
        prop::option::of(timestamp()),
        prop::option::of((prop::option::of(text()), prop::option::of(timestamp()))),
    )
        .prop_map(
            |(summary, progress, dimension, duration, error, metadata, completed, output)| {
                let mut m = summary;
                m.as_object_mut().expect("object").remove("thumbnail_url");
                m["progress"] = json!(progress);
                if let Some((w, h)) = dimension {
                    m["dimension"] = json!({ "width": w, "height": h });
                }
                if let Some(d) = duration {
                    m["duration_seconds"] = json!(d);
                }
                if let Some((code, detail)) = error {
                    m["error"] = json!({ "code": code });
                    if let Some(d) = detail {
                        m["error"]["detail"] = json!(d);
                    }
                }
                if !metadata.is_empty() {
                    m["metadata"] = Value::Object(metadata.into_iter().collect());
                }
                if let Some(c) = completed {
                    m["completed_at"] = c;
                }
                if let Some((url, expires)) = output {
                    let mut o = Map::new();
                    if let Some(u) = url {
                        o.insert("video_url".into(), json!(u));
                    }
                    if let Some(e) = expires {
                        o.insert("expires_at".into(), e);
                    }
                    m["output"] = Value::Object(o);
                }
                m
            },
        )
}

fn media_input() -> impl Strategy<Value = Value> {
    prop_oneof![
        "https://[a-z]{1,10}\\.example/[a-z0-9]{1,10}\\.mp4"
            .prop_map(|u| json!({ "type": "url", "url": u })),
        "upl_[A-Za-z0-9]{1,8}".prop_map(|a| json!({ "type": "asset_id", "asset_id": a })),
        (
            "[A-Za-z0-9+/]{0,40}",
            prop::sample::select(&["image/png", "video/mp4"][..])
        )
            .prop_map(|(d, mt)| json!({ "type": "base64", "data": d, "media_type": mt })),
    ]
}

/// A valid response of one of the types under test, and which it is.
fn valid() -> impl Strategy<Value = (&'static str, Value)> {
    prop_oneof![
        render_detail().prop_map(|d| ("GetRenderResponse", json!({ "data": d }))),
        (
            prop::collection::vec(render_summary(), 1..4),
            any::<bool>(),
            prop::option::of(text())
        )
            .prop_map(|(items, more, token)| {
                let mut m = json!({ "data": items, "has_more": more });
                if let Some(t) = token {
                    m["next_token"] = json!(t);
                }
                ("ListRendersResponse", m)
            }),
        media_input().prop_map(|m| ("MediaInput", m)),
    ]
}

fn exact_round_trip(kind: &str, value: &Value) {
    fn check<T: DeserializeOwned + Serialize>(value: &Value) {
        let name = std::any::type_name::<T>();
        let decoded: T = serde_json::from_value(value.clone())
            .unwrap_or_else(|e| panic!("valid {name} {value} rejected: {e}"));
        assert_eq!(
            &serde_json::to_value(&decoded).expect("serializes"),
            value,
            "{name} does not give its input back"
        );
    }
    match kind {
        "GetRenderResponse" => check::<types::GetRenderResponse>(value),
        "ListRendersResponse" => check::<types::ListRendersResponse>(value),
        "MediaInput" => check::<types::MediaInput>(value),
        other => unreachable!("{other}"),
    }
}

#[test]
fn valid_responses_round_trip_exactly() {
    runner(256)
        .run(&valid(), |(kind, value)| {
            exact_round_trip(kind, &value);
            assert!(decode_all(&value) >= 1);
            Ok(())
        })
        .unwrap();
}

/// Adds a field no schema names to every object in `value`.
fn add_unknown_fields(value: &mut Value, extra: &Value) {
    match value {
        Value::Object(o) => {
            o.values_mut().for_each(|c| add_unknown_fields(c, extra));
            o.insert("zz_field_from_the_future".into(), extra.clone());
        }
        Value::Array(a) => a.iter_mut().for_each(|c| add_unknown_fields(c, extra)),
        _ => {}
    }
}

#[test]
fn unknown_fields_never_reject_a_valid_response() {
    // Forward compatibility: a response that grew fields still decodes as
    // its own type, at every level (`deny_unknown_fields` anywhere fails it).
    runner(256)
        .run(&(valid(), any_json()), |((kind, mut value), extra)| {
            add_unknown_fields(&mut value, &extra);
            let decoded = match kind {
                "GetRenderResponse" => decodes_as::<types::GetRenderResponse>(&value),
                "ListRendersResponse" => decodes_as::<types::ListRendersResponse>(&value),
                "MediaInput" => decodes_as::<types::MediaInput>(&value),
                other => unreachable!("{other}"),
            };
            assert!(decoded, "{kind} with unknown fields rejected: {value}");
            Ok(())
        })
        .unwrap();
}

// ---------------------------------------------------------------------------
// Mutations

#[derive(Debug, Clone)]
enum Mutation {
    Drop,
    AddUnknown(String, Value),
    Swap(Value),
    UnknownString(String),
    Null,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => Just(Mutation::Drop),
        2 => ("[a-z_]{1,10}", any_json()).prop_map(|(k, v)| Mutation::AddUnknown(k, v)),
        2 => any_json().prop_map(Mutation::Swap),
        2 => prop_oneof![Just("unknown".to_string()), Just("".to_string()), Just("url".to_string()), any::<String>()]
            .prop_map(Mutation::UnknownString),
        2 => Just(Mutation::Null),
    ]
}

/// Applies `m` at the node numbered `at` (depth-first, root is 0).
fn apply(value: &mut Value, at: usize, m: &Mutation) {
    fn walk(v: &mut Value, at: &mut usize, m: &Mutation, done: &mut bool) {
        if *done {
            return;
        }
        if *at == 0 {
            *done = true;
            match m {
                Mutation::Drop => match v {
                    Value::Object(o) => {
                        if let Some(k) = o.keys().next().cloned() {
                            o.remove(&k);
                        }
                    }
                    Value::Array(a) => {
                        a.pop();
                    }
                    _ => *v = Value::Null,
                },
                Mutation::AddUnknown(k, x) => match v {
                    Value::Object(o) => {
                        o.insert(k.clone(), x.clone());
                    }
                    Value::Array(a) => a.push(x.clone()),
                    _ => *v = json!({ k.clone(): x.clone() }),
                },
                Mutation::Swap(x) => *v = x.clone(),
                Mutation::UnknownString(s) => *v = Value::String(s.clone()),
                Mutation::Null => *v = Value::Null,
            }
            return;
        }
        *at -= 1;
        match v {
            Value::Object(o) => o.values_mut().for_each(|c| walk(c, at, m, done)),
            Value::Array(a) => a.iter_mut().for_each(|c| walk(c, at, m, done)),
            _ => {}
        }
    }
    let mut at = at;
    walk(value, &mut at, m, &mut false);
}

fn count(v: &Value) -> usize {
    1 + match v {
        Value::Object(m) => m.values().map(count).sum(),
        Value::Array(a) => a.iter().map(count).sum(),
        _ => 0,
    }
}

#[test]
fn mutated_responses_never_panic() {
    let decoded = std::cell::Cell::new(0usize);
    let total = std::cell::Cell::new(0usize);
    runner(512)
        .run(
            &(
                valid(),
                prop::collection::vec((any::<prop::sample::Index>(), mutation()), 1..4),
            ),
            |((_, mut value), ms)| {
                for (at, m) in &ms {
                    let at = at.index(count(&value));
                    apply(&mut value, at, m);
                }
                decoded.set(decoded.get() + decode_all(&value));
                total.set(total.get() + 1);
                Ok(())
            },
        )
        .unwrap();
    let (decoded, total) = (decoded.get(), total.get());
    eprintln!("mutated: {total} values, {decoded} successful decodes across the types");
    assert!(
        decoded > 0,
        "no mutation decoded at all: the mutations are too hostile to test round trips"
    );
}

// ---------------------------------------------------------------------------
// Arbitrary JSON, biased towards the fixture's own keys and values.

const KEYS: [&str; 24] = [
    "data",
    "render_id",
    "status",
    "progress",
    "created_at",
    "completed_at",
    "title",
    "type",
    "url",
    "asset_id",
    "media_type",
    "error",
    "code",
    "detail",
    "metadata",
    "dimension",
    "width",
    "height",
    "has_more",
    "next_token",
    "output",
    "video_url",
    "narrator_id",
    "clip_id",
];
const STRINGS: [&str; 14] = [
    "pending",
    "completed",
    "url",
    "asset_id",
    "base64",
    "narrator",
    "sticker",
    "image",
    "prompt",
    "2024-01-01T00:00:00Z",
    "2024-13-45T99:00:00Z",
    "not a date",
    "",
    "https://x.example/a.mp4",
];

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(1e308)),
        prop::sample::select(&STRINGS[..]).prop_map(|s| json!(s)),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec(
                (prop_oneof![4 => prop::sample::select(&KEYS[..]).prop_map(String::from), 1 => any::<String>()], inner),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

#[test]
fn arbitrary_json_never_panics() {
    runner(512)
        .run(&any_json(), |value| {
            decode_all(&value);
            decode_all(&json!({ "data": value }));
            Ok(())
        })
        .unwrap();
}

/// Arbitrary bytes through `from_slice`, the path a response body takes.
#[test]
fn arbitrary_bytes_never_panic() {
    runner(512)
        .run(&prop::collection::vec(any::<u8>(), 0..512), |bytes| {
            let outcome = catch_unwind(|| {
                let _ = serde_json::from_slice::<types::GetRenderResponse>(&bytes);
                let _ = serde_json::from_slice::<types::ListRendersResponse>(&bytes);
                let _ = serde_json::from_slice::<types::MediaInput>(&bytes);
            });
            prop_assert!(
                outcome.is_ok(),
                "panicked on {:?}",
                String::from_utf8_lossy(&bytes)
            );
            Ok(())
        })
        .unwrap();
}

/// Deeply nested JSON is an error from serde's recursion limit, never a stack
/// overflow, even inside the open `Unknown` variants and `metadata` maps that
/// keep arbitrary values.
#[test]
fn deep_json_is_an_error_not_an_overflow() {
    std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(|| {
            for depth in [10usize, 100, 127, 200, 10_000] {
                let nested = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
                for doc in [
                    format!(r#"{{"type":"other","x":{nested}}}"#),
                    format!(
                        r#"{{"data":{{"render_id":"r","status":"pending","progress":1.0,"created_at":"2024-01-01T00:00:00Z","metadata":{{"m":{nested}}}}}}}"#
                    ),
                ] {
                    // serde_json skips unknown fields without recursing, so
                    // a type that ignores the deep value may decode; one that
                    // keeps it (`Unknown`, `metadata`) must hit the limit.
                    let media = serde_json::from_str::<types::MediaInput>(&doc);
                    let render = serde_json::from_str::<types::GetRenderResponse>(&doc);
                    if depth > 128 {
                        let kept = if doc.contains("metadata") { render.is_err() } else { media.is_err() };
                        assert!(kept, "depth {depth} must hit the recursion limit: {doc:.80}");
                    }
                }
            }
        })
        .expect("spawn")
        .join()
        .expect("no panic");
}
