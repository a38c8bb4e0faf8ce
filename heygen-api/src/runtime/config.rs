//! Building a client: credentials, base URL, timeouts, retries.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderValue;

use super::budget::{Bucket, RetryBudget};
use super::error::Error;
use super::policy::RetryPolicy;

/// Where requests go unless told otherwise.
pub const DEFAULT_BASE_URL: &str = "https://api.heygen.com";
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Implemented by the generated `Client`, so the builder can make one.
pub trait GeneratedClient: Sized {
    /// Only [`ClientBuilder::build`] can call this: [`Sealed`] cannot be
    /// made outside this crate, so no client exists whose HTTP client
    /// follows redirects with the credentials.
    #[doc(hidden)]
    fn from_parts(base_url: &str, http: reqwest::Client, inner: Inner, _: Sealed) -> Self;
    #[doc(hidden)]
    fn base_url(&self) -> &str;
    #[doc(hidden)]
    fn http(&self) -> &reqwest::Client;
    #[doc(hidden)]
    fn inner(&self) -> &Inner;
}

/// How calls to operations that honour `Idempotency-Key` (the
/// [`Keyed`](super::RetryClass::Keyed) class) get their key.
///
/// HeyGen runs such a call at most once per key and endpoint within 24 hours
/// and answers a repeat with the first result, so a key makes retrying it
/// safe. A key given on the call's builder (`.idempotency_key(...)`) always
/// wins over this policy. Operations whose spec does not declare the header
/// get no key from the client: HeyGen does not honour it there.
#[derive(Clone, PartialEq, Eq, Default)]
pub enum Idempotency {
    /// A fresh random key per logical call, reused by all of its retries.
    #[default]
    Auto,
    /// No key: such calls are then retried only on 429, where the server
    /// has refused without doing any work, and when nothing was sent.
    Disabled,
}

impl fmt::Debug for Idempotency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Idempotency::Auto => f.write_str("Auto"),
            Idempotency::Disabled => f.write_str("Disabled"),
        }
    }
}

/// HeyGen's documented limit on an upload (`POST /v3/assets`): 32 MB.
pub const DEFAULT_MAX_UPLOAD_BYTES: u64 = 32 * 1024 * 1024;

/// Proof that a client is being made by [`ClientBuilder::build`]: its field
/// is private, so code outside this crate cannot make one.
#[doc(hidden)]
#[derive(Debug)]
pub struct Sealed(());

/// A credential. Its value is never printed.
#[derive(Clone)]
pub(crate) enum Credential {
    ApiKey(HeaderValue),
    Bearer(HeaderValue),
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::ApiKey(_) => f.write_str("ApiKey(<redacted>)"),
            Credential::Bearer(_) => f.write_str("Bearer(<redacted>)"),
        }
    }
}

/// Settings the generated client carries for the layer (progenitor's
/// "inner type"). Cheap to clone: one `Arc`.
#[derive(Clone, Debug)]
pub struct Inner(pub(crate) Arc<Settings>);

#[derive(Clone, Debug)]
pub(crate) struct Settings {
    pub(crate) base: BaseUrl,
    pub(crate) credential: Credential,
    pub(crate) retry: RetryPolicy,
    pub(crate) idempotency: Idempotency,
    pub(crate) user_agent: HeaderValue,
    pub(crate) max_response_bytes: usize,
    pub(crate) max_upload_bytes: u64,
    pub(crate) budget: Bucket,
    pub(crate) deadline: Option<Duration>,
    pub(crate) trust_caller_keys: bool,
    /// Per-attempt and connect timeouts, for the download client (the
    /// API's HTTP client may be the caller's own).
    pub(crate) timeout: Duration,
    pub(crate) connect_timeout: Duration,
    pub(crate) downloads: super::http::DownloadHttp,
}

impl Inner {
    #[doc(hidden)]
    pub fn with_idempotency(&self, policy: Idempotency) -> Inner {
        let mut settings = (*self.0).clone();
        settings.idempotency = policy;
        Inner(Arc::new(settings))
    }
}

/// `url` with any user name and password replaced, for printing. Read as
/// text, not parsed: a URL that does not parse (a port out of range, a
/// space in the host) may still carry a password.
fn without_userinfo(url: &str) -> std::borrow::Cow<'_, str> {
    let (scheme, rest) = match url.find("://") {
        Some(i) => url.split_at(i + 3),
        None => ("", url),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}redacted@{}", &rest[at + 1..]).into(),
        None => url.into(),
    }
}

/// The base URL, parsed once when the client is built, so that a call's URL
/// is its path parsed against it (see `transport::url`). It holds no user
/// name or password: `build` refuses those.
#[derive(Clone)]
pub(crate) struct BaseUrl {
    /// As the generated client holds it (trimmed of trailing `/`).
    pub(crate) text: String,
    pub(crate) url: reqwest::Url,
}

impl fmt::Debug for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Builds a client. Obtain one with `Client::builder()`.
///
/// Defaults: base URL `https://api.heygen.com`; 60 s per attempt and 10 s to
/// connect; no overall deadline; 2 retries, within a client-wide
/// [`RetryBudget`]; `Retry-After` honoured up to 30 s; an `Idempotency-Key`
/// on every call of an operation that declares one; redirects not followed;
/// responses up to 64 MiB.
///
/// The builder is the only way to make a client: the generated code's own
/// constructors, which would take any `reqwest::Client` with the settings,
/// are not public, and the hook the builder uses cannot be called from
/// outside the crate.
///
/// ```compile_fail
/// let client = heygen_api::Client::builder().api_key("k").build().unwrap();
/// let inner = heygen_api::runtime::GeneratedClient::inner(&client).clone();
/// let _ = heygen_api::Client::new_with_client("https://example.com", reqwest::Client::new(), inner);
/// ```
///
/// ```compile_fail
/// let client = heygen_api::Client::builder().api_key("k").build().unwrap();
/// let inner = heygen_api::runtime::GeneratedClient::inner(&client).clone();
/// let _ = heygen_api::Client::new("https://example.com", inner);
/// ```
///
/// ```compile_fail
/// use heygen_api::runtime::{GeneratedClient, __private::Sealed};
/// let client = heygen_api::Client::builder().api_key("k").build().unwrap();
/// let inner = GeneratedClient::inner(&client).clone();
/// let _ = heygen_api::Client::from_parts("https://example.com", reqwest::Client::new(), inner, Sealed(()));
/// ```
///
/// What does compile, for comparison: the builder.
///
/// ```
/// let client = heygen_api::Client::builder().api_key("k").build().unwrap();
/// let inner = heygen_api::runtime::GeneratedClient::inner(&client).clone();
/// drop((client, inner));
/// ```
pub struct ClientBuilder<C> {
    credential: Option<std::result::Result<Credential, String>>,
    base_url: String,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
    idempotency: Idempotency,
    user_agent: String,
    http: Option<reqwest::ClientBuilder>,
    max_response_bytes: usize,
    max_upload_bytes: u64,
    budget: RetryBudget,
    deadline: Option<Duration>,
    trust_caller_keys: bool,
    _client: PhantomData<fn() -> C>,
}

impl<C> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let credential = match &self.credential {
            None => "none",
            Some(Ok(Credential::ApiKey(_))) => "api key <redacted>",
            Some(Ok(Credential::Bearer(_))) => "bearer token <redacted>",
            Some(Err(_)) => "invalid <redacted>",
        };
        f.debug_struct("ClientBuilder")
            .field("credential", &credential)
            .field("base_url", &without_userinfo(&self.base_url))
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("retry", &self.retry)
            .field("idempotency", &self.idempotency)
            .field("user_agent", &self.user_agent)
            .field("custom_http_client", &self.http.is_some())
            .field("budget", &self.budget)
            .field("deadline", &self.deadline)
            .field("trust_caller_keys", &self.trust_caller_keys)
            .finish()
    }
}

impl<C: GeneratedClient> Default for ClientBuilder<C> {
    fn default() -> Self {
        Self::new()
    }
}

fn secret_header(value: &str, what: &str) -> std::result::Result<HeaderValue, String> {
    if value.trim().is_empty() {
        return Err(format!("the {what} is empty"));
    }
    let mut header = HeaderValue::from_str(value).map_err(|_| {
        format!("the {what} contains characters that cannot be sent in an HTTP header")
    })?;
    header.set_sensitive(true);
    Ok(header)
}

impl<C: GeneratedClient> ClientBuilder<C> {
    /// A builder with the defaults and no credential.
    pub fn new() -> Self {
        ClientBuilder {
            credential: None,
            base_url: DEFAULT_BASE_URL.to_string(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            retry: RetryPolicy::default(),
            idempotency: Idempotency::Auto,
            user_agent: format!("heygen-api-rust/{}", env!("CARGO_PKG_VERSION")),
            http: None,
            max_response_bytes: 64 * 1024 * 1024,
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            budget: RetryBudget::default(),
            deadline: None,
            trust_caller_keys: false,
            _client: PhantomData,
        }
    }

    /// A builder configured from the environment: `HEYGEN_API_KEY`
    /// (required), `HEYGEN_BASE_URL` and `HEYGEN_MAX_RETRIES` (optional).
    pub fn from_env() -> std::result::Result<Self, Error> {
        let key = std::env::var("HEYGEN_API_KEY").map_err(|e| match e {
            std::env::VarError::NotPresent => {
                Error::Config("HEYGEN_API_KEY is not set: export your HeyGen API key, or build the client with Client::builder().api_key(...)".into())
            }
            std::env::VarError::NotUnicode(_) => Error::Config("HEYGEN_API_KEY is not valid UTF-8".into()),
        })?;
        // A key pasted into a `.env` file often carries a newline.
        let mut builder = Self::new().api_key(key.trim());
        if let Ok(url) = std::env::var("HEYGEN_BASE_URL") {
            if !url.trim().is_empty() {
                builder = builder.base_url(url.trim());
            }
        }
        if let Ok(retries) = std::env::var("HEYGEN_MAX_RETRIES") {
            let n: u32 = retries.trim().parse().map_err(|_| {
                Error::Config(format!(
                    "HEYGEN_MAX_RETRIES must be a whole number, found `{}`",
                    retries.trim()
                ))
            })?;
            builder = builder.max_retries(n);
        }
        Ok(builder)
    }

    /// Authenticate with an API key, sent as `x-api-key`.
    pub fn api_key(mut self, key: impl AsRef<str>) -> Self {
        self.credential = Some(secret_header(key.as_ref(), "API key").map(Credential::ApiKey));
        self
    }

    /// Authenticate with an OAuth access token, sent as `Authorization: Bearer`.
    pub fn bearer_token(mut self, token: impl AsRef<str>) -> Self {
        let value = format!("Bearer {}", token.as_ref());
        let checked = if token.as_ref().trim().is_empty() {
            Err("the bearer token is empty".to_string())
        } else {
            secret_header(&value, "bearer token")
        };
        self.credential = Some(checked.map(Credential::Bearer));
        self
    }

    /// Where requests go: scheme, host, optional port and path prefix.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Limit on each attempt, from sending the request to reading the whole
    /// body. A call that times out is not retried.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Limit on establishing a connection.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How many times a call may be retried after its first attempt.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.retry.max_retries = retries;
        self
    }

    /// The longest `Retry-After` the client will wait for. A longer advice
    /// ends the call at once with the 429, its delay in `Error::retry_after`.
    pub fn max_retry_after(mut self, limit: Duration) -> Self {
        self.retry.max_retry_after = limit;
        self
    }

    /// The whole retry policy at once.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// How calls of keyed operations get their `Idempotency-Key`.
    pub fn idempotency(mut self, policy: Idempotency) -> Self {
        self.idempotency = policy;
        self
    }

    /// The client-wide retry budget, shared by every clone of the client.
    pub fn retry_budget(mut self, budget: RetryBudget) -> Self {
        self.budget = budget;
        self
    }

    /// An overall limit on each call: every attempt, every wait between
    /// attempts, and reading the body. Past it the call ends with
    /// [`Error::DeadlineExceeded`]; a retry whose wait would end past it is
    /// not made, and the call returns its last answer instead.
    ///
    /// None by default: the per-attempt [`timeout`](Self::timeout) and
    /// `max_retries` already bound a call (about 4 minutes with the
    /// defaults), and a deadline that suits a status read would cut an
    /// upload short.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Treat an `Idempotency-Key` that the caller sets on an operation of
    /// the [`NonIdempotent`](super::RetryClass::NonIdempotent) class as
    /// making it safe to retry after a 5xx or a lost connection.
    ///
    /// Off by default, and dangerous: HeyGen's spec does not say that these
    /// operations honour the key. If the server ignores it, a retry after a
    /// gateway's 502 runs the operation again: a second video is created and
    /// billed. Turn it on only for operations you know to deduplicate.
    pub fn trust_caller_idempotency_keys(mut self, trust: bool) -> Self {
        self.trust_caller_keys = trust;
        self
    }

    /// The `User-Agent` header.
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = agent.into();
        self
    }

    /// Largest response body the client will read before failing the call.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Largest multipart body an upload may send: a bigger one is refused
    /// before anything is sent, with [`Error::UploadTooLarge`]. 32 MiB by
    /// default, the limit HeyGen documents for `POST /v3/assets` (in prose
    /// only, so it is not read from the spec).
    pub fn max_upload_bytes(mut self, limit: u64) -> Self {
        self.max_upload_bytes = limit;
        self
    }

    /// Builds the HTTP client from this `reqwest::ClientBuilder` (for its
    /// proxy, TLS roots, default headers, pool settings). The builder's
    /// own settings are applied on top, last: this builder's timeouts, and
    /// no redirects, so that no request and no credential can follow a
    /// redirect to another host. Without a process-wide rustls provider,
    /// its TLS is this crate's (ring, the platform's verifier).
    pub fn http_client_builder(mut self, builder: reqwest::ClientBuilder) -> Self {
        self.http = Some(builder);
        self
    }

    /// Checks the settings and makes the client.
    pub fn build(self) -> std::result::Result<C, Error> {
        let credential = match self.credential {
            None => return Err(Error::Config(
                "no credential: set HEYGEN_API_KEY, or call .api_key(...) or .bearer_token(...)"
                    .into(),
            )),
            Some(Err(why)) => return Err(Error::Config(why)),
            Some(Ok(c)) => c,
        };
        let base_url = self.base_url.trim_end_matches('/').to_string();
        let base = match reqwest::Url::parse(&base_url) {
            // Not echoed: the message would carry the password.
            Ok(url) if !url.username().is_empty() || url.password().is_some() => {
                return Err(Error::Config(
                    "the base URL carries a user name or password; credentials go in .api_key(...) or .bearer_token(...), as a URL is printed in errors and logs"
                        .into(),
                ))
            }
            // A query or fragment would end up in the middle of every URL.
            Ok(url)
                if matches!(url.scheme(), "http" | "https")
                    && url.has_host()
                    && url.query().is_none()
                    && url.fragment().is_none() =>
            {
                url
            }
            _ => {
                return Err(Error::Config(format!(
                    "the base URL `{}` is not an http(s) URL with a host and no query or fragment",
                    without_userinfo(&base_url)
                )))
            }
        };
        let user_agent = HeaderValue::from_str(&self.user_agent)
            .map_err(|_| Error::Config("the user agent cannot be sent as an HTTP header".into()))?;
        // HeyGen's API does not redirect. Following one would carry
        // `x-api-key` to wherever it points (reqwest strips only
        // `Authorization` across origins) and could turn a POST into a GET:
        // a 3xx ends the call as `Error::Redirect` instead. Set here, last,
        // on a caller's builder too.
        let http = match self.http {
            // A caller's TLS settings are kept where the process has a
            // provider for reqwest to use; without one reqwest would panic.
            Some(builder) if rustls::crypto::CryptoProvider::get_default().is_some() => builder,
            Some(builder) => builder.tls_backend_preconfigured(super::http::tls_config()?),
            None => {
                reqwest::Client::builder().tls_backend_preconfigured(super::http::tls_config()?)
            }
        }
        .timeout(self.timeout)
        .connect_timeout(self.connect_timeout)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| Error::Config(format!("cannot build the HTTP client: {e}")))?;
        let settings = Settings {
            base: BaseUrl {
                text: base_url.clone(),
                url: base,
            },
            credential,
            retry: self.retry,
            idempotency: self.idempotency,
            user_agent,
            max_response_bytes: self.max_response_bytes,
            max_upload_bytes: self.max_upload_bytes,
            budget: Bucket::new(self.budget),
            deadline: self.deadline,
            trust_caller_keys: self.trust_caller_keys,
            timeout: self.timeout,
            connect_timeout: self.connect_timeout,
            downloads: Default::default(),
        };
        Ok(C::from_parts(
            &base_url,
            http,
            Inner(Arc::new(settings)),
            Sealed(()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::without_userinfo;

    #[test]
    fn userinfo_is_redacted_in_text_that_does_not_parse() {
        for (given, shown) in [
            ("https://u:p@h:99999/x", "https://redacted@h:99999/x"),
            ("https://u:p@exa mple.com", "https://redacted@exa mple.com"),
            ("u:p@h.com/p@q", "redacted@h.com/p@q"),
            ("http://a@b@c?x@y", "http://redacted@c?x@y"),
            ("https://api.heygen.com/v3", "https://api.heygen.com/v3"),
            ("http://h/p@q", "http://h/p@q"),
        ] {
            assert_eq!(without_userinfo(given), shown, "{given}");
        }
    }
}
