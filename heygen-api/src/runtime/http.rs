//! The TLS configuration every HTTP client of this crate uses, and the
//! client downloads share.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use super::error::Error;

/// Redirects the file store may answer with before a download gives up.
const MAX_REDIRECTS: usize = 10;

/// TLS for this crate's HTTP clients: rustls with the *ring* provider named
/// here (it builds in a fraction of aws-lc's time) and the platform's
/// certificate verifier. Nothing process-wide is installed: an application
/// that installs its own default provider, before or after, is unaffected.
pub(crate) fn tls_config() -> std::result::Result<rustls::ClientConfig, Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = rustls_platform_verifier::Verifier::new(provider.clone())
        .map_err(|e| Error::Config(format!("cannot load the platform's TLS roots: {e}")))?;
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Config(format!("cannot configure TLS: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    // This crate's reqwest speaks HTTP/1.1 only.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

/// The HTTP client downloads share: built once per client, on first use,
/// without credentials and following redirects.
#[derive(Debug, Clone, Default)]
pub(crate) struct DownloadHttp(Arc<OnceLock<reqwest::Client>>);

impl DownloadHttp {
    pub(crate) fn get(
        &self,
        connect_timeout: Duration,
        read_timeout: Duration,
    ) -> Result<&reqwest::Client, Error> {
        if let Some(client) = self.0.get() {
            return Ok(client);
        }
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(tls_config()?)
            .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
            .connect_timeout(connect_timeout)
            // No overall timeout: a large file takes as long as it takes.
            // A connection that stops delivering still ends the download.
            .read_timeout(read_timeout)
            .build()
            .map_err(|e| Error::Config(format!("cannot build the download client: {e}")))?;
        Ok(self.0.get_or_init(|| client))
    }
}
