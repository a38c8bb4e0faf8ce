//! A 200 MB upload from a path is streamed: the process's resident memory
//! grows by less than 20 MB while it is sent. A test binary of its own, so
//! that no other test's allocations are counted. Linux only (it reads
//! `/proc/self/status`).

#![cfg(target_os = "linux")]

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

const SIZE: u64 = 200 * 1024 * 1024;
const MAX_GROWTH: u64 = 20 * 1024 * 1024;

/// Resident memory now, in bytes.
fn resident() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS");
    kib * 1024
}

/// A server that reads one request, counts its body's bytes without
/// keeping them, and answers like HeyGen's upload.
async fn discarding_server() -> (String, Arc<AtomicU64>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let received = Arc::new(AtomicU64::new(0));
    let counter = received.clone();
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            stream.read_exact(&mut byte).await.unwrap();
            head.push(byte[0]);
        }
        let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
        let length: u64 = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .map(|v| v.trim().parse().unwrap())
            .expect("a length: every part's size is known");
        let mut buf = vec![0u8; 64 * 1024];
        let mut left = length;
        while left > 0 {
            let n = stream.read(&mut buf).await.unwrap();
            assert!(n > 0, "the body ended early");
            left -= n as u64;
            counter.fetch_add(n as u64, Ordering::Relaxed);
        }
        let body = r#"{"data":{"asset_id":"asset_big","mime_type":"video/mp4","size_bytes":1,"url":"https://files.example/a"}}"#;
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(answer.as_bytes()).await.unwrap();
    });
    (url, received)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_200_mb_path_upload_keeps_memory_growth_under_20_mb() {
    let dir = std::env::temp_dir().join(format!("heygen-upload-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.mp4");
    {
        let mut file = std::fs::File::create(&path).unwrap();
        let piece = vec![0x5au8; 1024 * 1024];
        for _ in 0..SIZE / piece.len() as u64 {
            file.write_all(&piece).unwrap();
        }
    }
    let (url, received) = discarding_server().await;
    let client = heygen_api::Client::builder()
        .api_key("k")
        .base_url(url)
        .max_upload_bytes(SIZE + 1024 * 1024)
        .build()
        .unwrap();

    let before = resident();
    let peak = Arc::new(AtomicU64::new(before));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, done) = (peak.clone(), done.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                peak.fetch_max(resident(), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };
    let result = client.upload_asset().file_path("file", &path).send().await;
    done.store(true, Ordering::Relaxed);
    sampler.join().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();

    let asset = result.expect("uploaded").into_data().expect("data");
    assert_eq!(asset.asset_id, "asset_big");
    assert!(
        received.load(Ordering::Relaxed) > SIZE,
        "the whole file arrived"
    );
    let growth = peak.load(Ordering::Relaxed).saturating_sub(before);
    eprintln!(
        "resident memory: {} MiB before, peak growth {:.1} MiB while sending {} MiB",
        before / (1024 * 1024),
        growth as f64 / (1024.0 * 1024.0),
        SIZE / (1024 * 1024)
    );
    assert!(
        growth < MAX_GROWTH,
        "resident memory grew by {growth} bytes while uploading"
    );
}
