#[allow(unused_imports)]
use crate::runtime::__private::encode_path;
#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///`StandardApiError`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct StandardApiError {
        ///Machine-readable error code
        pub code: ::std::string::String,
        ///Link to error documentation
        #[serde(
            default,
            skip_serializing_if = "::std::option::Option::is_none",
            deserialize_with = "nullable::deserialize"
        )]
        ///
        ///`None`: not sent; `Some(None)`: sent as `null`.
        pub doc_url: ::std::option::Option<::std::option::Option<::std::string::String>>,
        ///Human-readable error message
        pub message: ::std::string::String,
        ///Which request field caused the error
        #[serde(
            default,
            skip_serializing_if = "::std::option::Option::is_none",
            deserialize_with = "nullable::deserialize"
        )]
        ///
        ///`None`: not sent; `Some(None)`: sent as `null`.
        pub param: ::std::option::Option<::std::option::Option<::std::string::String>>,
    }
    ///Request body for stopping a session (empty — no fields required).
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(deny_unknown_fields))]
    pub struct StopSessionRequest {}
    impl StopSessionRequest {
        pub fn builder() -> builder::StopSessionRequest {
            Default::default()
        }
    }
    ///Response from stopping a session.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct StopSessionResponse {
        ///Session ID
        pub session_id: ::std::string::String,
    }
    ///`StopVideoAgentSessionResponse`
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct StopVideoAgentSessionResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub data: ::std::option::Option<StopSessionResponse>,
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct StopSessionRequest {}
        impl ::std::default::Default for StopSessionRequest {
            fn default() -> Self {
                Self {}
            }
        }
        impl StopSessionRequest {}
        impl ::std::convert::TryFrom<StopSessionRequest> for super::StopSessionRequest {
            type Error = super::error::ConversionError;
            fn try_from(
                _value: StopSessionRequest,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {})
            }
        }
        impl ::std::convert::From<super::StopSessionRequest> for StopSessionRequest {
            fn from(_value: super::StopSessionRequest) -> Self {
                Self {}
            }
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
    /// Tells an explicit `null` (`Some(None)`) from an absent field
    /// (`None`, through `#[serde(default)]`).
    mod nullable {
        pub(super) fn deserialize<'de, D, T>(
            deserializer: D,
        ) -> ::std::result::Result<
            ::std::option::Option<::std::option::Option<T>>,
            D::Error,
        >
        where
            D: ::serde::Deserializer<'de>,
            T: ::serde::Deserialize<'de>,
        {
            <::std::option::Option<T> as ::serde::Deserialize>::deserialize(deserializer)
                .map(::std::option::Option::Some)
        }
    }
}
#[derive(Clone, Debug)]
/**Client for HeyGen External API

HeyGen's external API for programmatic AI video creation. See https://docs.heygen.com for full documentation.

Version: 1.0.0*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
    pub(crate) inner: crate::runtime::__private::Inner,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str, inner: crate::runtime::__private::Inner) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap(), inner)
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(
        baseurl: &str,
        client: reqwest::Client,
        inner: crate::runtime::__private::Inner,
    ) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
            inner,
        }
    }
}
impl ClientInfo<crate::runtime::__private::Inner> for Client {
    fn api_version() -> &'static str {
        "1.0.0"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &crate::runtime::__private::Inner {
        &self.inner
    }
}
const _: () = {
    #[allow(dead_code)]
    fn assert_client_hooks()
    where
        Client: ClientHooks<crate::runtime::__private::Inner>,
    {}
};
impl Client {
    /**Stop Video Agent Session

Halts an active agent run at its next checkpoint. Partial results are preserved.

Sends a `POST` request to `/v3/video-agents/{session_id}/stop`

Arguments:
- `session_id`: Session ID
- `idempotency_key`: Sent as given. HeyGen does not document this operation as honouring an `Idempotency-Key`, so setting one does not make the client retry it after a 5xx (unless the client trusts caller keys), and the client sets none itself.
- `body`
```ignore
let response = client.stop_video_agent_session()
    .session_id(session_id)
    .idempotency_key(idempotency_key)
    .body(body)
    .send()
    .await;
```*/
    /**

**Retries:** not idempotent. HeyGen does not document `Idempotency-Key` here, so the client retries it only after a 429 or when nothing was sent (connection refused, DNS, TLS). After a 5xx or a lost connection the call may have done its work: check before sending it again.*/
    pub fn stop_video_agent_session(&self) -> builder::StopVideoAgentSession<'_> {
        builder::StopVideoAgentSession::new(self)
    }
}
/// Types for composing operation parameters.
#[allow(clippy::all)]
pub mod builder {
    use super::types;
    #[allow(unused_imports)]
    use super::{
        encode_path, ByteStream, ClientInfo, ClientHooks, Error, OperationInfo,
        RequestBuilderExt, ResponseValue,
    };
    /**Builder for [`Client::stop_video_agent_session`]

[`Client::stop_video_agent_session`]: super::Client::stop_video_agent_session*/
    #[derive(Debug, Clone)]
    pub struct StopVideoAgentSession<'a> {
        client: &'a super::Client,
        session_id: Result<::std::string::String, String>,
        idempotency_key: Result<Option<::std::string::String>, String>,
        body: Result<types::builder::StopSessionRequest, String>,
    }
    impl<'a> StopVideoAgentSession<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                session_id: Err(::std::string::String::new()),
                idempotency_key: Ok(None),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn session_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.session_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for session_id failed"
                        .to_string()
                });
            self
        }
        pub fn idempotency_key<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.idempotency_key = value
                .try_into()
                .map(Some)
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for idempotency_key failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::StopSessionRequest>,
            <V as std::convert::TryInto<
                types::StopSessionRequest,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `StopSessionRequest` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::StopSessionRequest,
            ) -> types::builder::StopSessionRequest,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/v3/video-agents/{session_id}/stop`
        /**

**Retries:** not idempotent. HeyGen does not document `Idempotency-Key` here, so the client retries it only after a 429 or when nothing was sent (connection refused, DNS, TLS). After a 5xx or a lost connection the call may have done its work: check before sending it again.*/
        #[inline]
        pub fn send(
            self,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<
                crate::runtime::__private::Response<
                    types::StopVideoAgentSessionResponse,
                >,
                crate::runtime::__private::Error,
            >,
        > + 'a {
            let client = self.client;
            let call = crate::runtime::__private::CallSpec {
                operation_id: "stop_video_agent_session",
                class: crate::runtime::__private::RetryClass::NonIdempotent,
            };
            crate::runtime::__private::send(&client.inner, self.send_raw(call))
        }
        async fn send_raw(
            self,
            call: crate::runtime::__private::CallSpec,
        ) -> ::std::result::Result<
            crate::runtime::__private::Response<types::StopVideoAgentSessionResponse>,
            progenitor_client::Error<()>,
        > {
            let Self { client, session_id, idempotency_key, body } = self;
            let session_id = session_id
                .map_err(|e: ::std::string::String| Error::InvalidRequest(
                    if e.is_empty() {
                        "session_id was not initialized".to_string()
                    } else {
                        e
                    },
                ))?;
            let idempotency_key = idempotency_key.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::StopSessionRequest::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let build_request = || -> ::std::result::Result<
                reqwest::Request,
                progenitor_client::Error<()>,
            > {
                let url = crate::runtime::__private::url(
                    &client.baseurl,
                    &client.inner,
                    format_args!("/v3/video-agents/{}/stop", encode_path(& session_id)),
                )?;
                let mut header_map = ::reqwest::header::HeaderMap::new();
                if let Some(value) = &idempotency_key {
                    header_map.append("Idempotency-Key", value.to_string().try_into()?);
                }
                #[allow(unused_mut)]
                let mut request = crate::runtime::__private::merge_headers(
                        client
                            .client
                            .post(url)
                            .header(
                                ::reqwest::header::ACCEPT,
                                ::reqwest::header::HeaderValue::from_static(
                                    "application/json",
                                ),
                            )
                            .json(&body),
                        header_map,
                    )
                    .build()?;
                ::std::result::Result::Ok(request)
            };
            let mut request = build_request()?;
            crate::runtime::__private::pre(&client.inner, &mut request, call)?;
            let result = crate::runtime::__private::exec(
                    &client.inner,
                    &client.client,
                    request,
                    call,
                    ::std::option::Option::Some(&build_request),
                )
                .await;
            let response = result?;
            match response.status().as_u16() {
                200u16 => {
                    crate::runtime::__private::Response::from_response(response).await
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
impl ClientHooks<crate::runtime::__private::Inner> for Client {
    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        info: &OperationInfo,
    ) -> ::std::result::Result<(), progenitor_client::Error<E>> {
        let call = crate::runtime::__private::CallSpec {
            operation_id: info.operation_id,
            class: crate::runtime::__private::RetryClass::for_method(request.method()),
        };
        crate::runtime::__private::pre(&self.inner, request, call)
    }
    #[allow(refining_impl_trait)]
    fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> impl ::std::future::Future<Output = reqwest::Result<reqwest::Response>> + Send {
        let call = crate::runtime::__private::CallSpec {
            operation_id: info.operation_id,
            class: crate::runtime::__private::RetryClass::for_method(request.method()),
        };
        crate::runtime::__private::exec(&self.inner, &self.client, request, call, None)
    }
}
impl crate::runtime::__private::GeneratedClient for Client {
    fn from_parts(
        base_url: &str,
        http: reqwest::Client,
        inner: crate::runtime::__private::Inner,
    ) -> Self {
        Self::new_with_client(base_url, http, inner)
    }
    fn base_url(&self) -> &str {
        &self.baseurl
    }
    fn http(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &crate::runtime::__private::Inner {
        &self.inner
    }
}
impl Client {
    /// A builder for a client: credentials, base URL, timeouts,
    /// retries, user agent, or your own `reqwest::Client`.
    pub fn builder() -> crate::runtime::__private::ClientBuilder<Self> {
        crate::runtime::__private::ClientBuilder::new()
    }
    /// A client configured from the environment: `HEYGEN_API_KEY`
    /// (required), `HEYGEN_BASE_URL`, `HEYGEN_MAX_RETRIES`.
    pub fn from_env() -> ::std::result::Result<Self, crate::runtime::__private::Error> {
        crate::runtime::__private::ClientBuilder::from_env()?.build()
    }
    /// A copy of this client (sharing its connection pool) that
    /// applies `policy` to the `Idempotency-Key` of mutating calls.
    pub fn with_idempotency(
        &self,
        policy: crate::runtime::__private::Idempotency,
    ) -> Self {
        Self::new_with_client(
            &self.baseurl,
            self.client.clone(),
            self.inner.with_idempotency(policy),
        )
    }
    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.baseurl
    }
}
impl crate::runtime::__private::Envelope for types::StopVideoAgentSessionResponse {
    type Data = types::StopSessionResponse;
    fn into_data(self) -> ::std::option::Option<Self::Data> {
        self.data
    }
}
