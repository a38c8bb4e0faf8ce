//! A refused connection is retried: seen at the server, which starts
//! listening only once the client has logged the retry (see TESTING.md:
//! this promise survived mutation testing until this test). The only test
//! of this binary: it installs the process-wide tracing subscriber.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use heygen_api::runtime::RetryPolicy;
use heygen_api::Client;
use support::stop;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpSocket};

#[tokio::test(flavor = "current_thread")]
async fn a_refused_connection_is_retried() {
    // A bound socket that does not listen refuses connections, and keeps
    // the port for the listener that replaces it.
    let socket = TcpSocket::new_v4().expect("socket");
    socket.bind("127.0.0.1:0".parse().unwrap()).expect("bind");
    let url = format!("http://{}", socket.local_addr().expect("addr"));
    let socket = Arc::new(Mutex::new(Some(socket)));
    let (listening, listener) = tokio::sync::oneshot::channel::<TcpListener>();
    let listening = Arc::new(Mutex::new(Some(listening)));

    // The client's log line announcing the retry (the `retrying` event)
    // starts listening, before the backoff it then sleeps: the retry finds
    // the listener there, however loaded the machine is.
    let log = Arc::new(Mutex::new(Vec::<u8>::new()));
    let writer = {
        let log = log.clone();
        move || TriggerOnRetry {
            log: log.clone(),
            socket: socket.clone(),
            listening: listening.clone(),
        }
    };
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_ansi(false)
        .with_writer(writer)
        .finish();
    // Process-wide, in a binary with this one test: a per-test subscriber
    // can miss events whose callsites another thread cached as unwanted.
    tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");

    let server = tokio::spawn(async move {
        let listener = listener.await.expect("the client announced a retry");
        let (mut stream, _) = listener.accept().await.expect("accept");
        let head = support::read_request(&mut stream).await;
        let body = r#"{"data":{"session_id":"s"}}"#;
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(answer.as_bytes()).await.expect("answer");
        head
    });
    let client = Client::builder()
        .api_key("k")
        .base_url(url)
        .retry_policy(RetryPolicy {
            max_retries: 1,
            base_delay: Duration::from_millis(50),
            jitter: 0.0,
            ..RetryPolicy::default()
        })
        .build()
        .expect("client");
    let result = stop(&client, "s").await;
    let log = String::from_utf8_lossy(&log.lock().unwrap()).to_string();
    let data = result
        .unwrap_or_else(|e| panic!("the refused attempt was not retried: {e:?}\nlog:\n{log}"))
        .into_data()
        .expect("data");
    assert_eq!(data.session_id, "s");
    let head = server.await.expect("the retry reached the server");
    assert!(head.starts_with("post "), "{head}");
}

struct TriggerOnRetry {
    log: Arc<Mutex<Vec<u8>>>,
    socket: Arc<Mutex<Option<TcpSocket>>>,
    listening: Arc<Mutex<Option<tokio::sync::oneshot::Sender<TcpListener>>>>,
}

impl std::io::Write for TriggerOnRetry {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut log = self.log.lock().unwrap();
        log.extend_from_slice(buf);
        if String::from_utf8_lossy(&log).contains("retrying") {
            if let Some(socket) = self.socket.lock().unwrap().take() {
                let listener = socket.listen(8).expect("listen");
                if let Some(tx) = self.listening.lock().unwrap().take() {
                    let _ = tx.send(listener);
                }
            }
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
