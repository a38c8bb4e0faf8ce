#[allow(unused_imports)]
use crate::runtime::__private::encode_path;
#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///`CreateKeyedRenderIdempotencyKey`
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct CreateKeyedRenderIdempotencyKey(::std::string::String);
    impl ::std::ops::Deref for CreateKeyedRenderIdempotencyKey {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<CreateKeyedRenderIdempotencyKey>
    for ::std::string::String {
        fn from(value: CreateKeyedRenderIdempotencyKey) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for CreateKeyedRenderIdempotencyKey {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 255usize {
                return Err("longer than 255 characters".into());
            }
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            static PATTERN: ::std::sync::LazyLock<::regress::Regex> = ::std::sync::LazyLock::new(||
            { ::regress::Regex::new("^[A-Za-z0-9_:.-]+$").unwrap() });
            if PATTERN.find(value).is_none() {
                return Err("doesn't match pattern \"^[A-Za-z0-9_:.-]+$\"".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for CreateKeyedRenderIdempotencyKey {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String>
    for CreateKeyedRenderIdempotencyKey {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for CreateKeyedRenderIdempotencyKey {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    ///`ListRendersResponse`
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct ListRendersResponse {
        pub data: ::std::vec::Vec<Render>,
        pub has_more: bool,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub next_token: ::std::option::Option<::std::string::String>,
    }
    crate::runtime::__private::deserialize_struct!(
        ListRendersResponse { data : "data" req, has_more : "has_more" req, next_token :
        "next_token" opt }
    );
    ///`RenameRenderBody`
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct RenameRenderBody {
        pub title: ::std::string::String,
    }
    crate::runtime::__private::deserialize_struct!(
        RenameRenderBody { title : "title" req }
    );
    impl RenameRenderBody {
        pub fn builder() -> builder::RenameRenderBody {
            Default::default()
        }
    }
    ///`Render`
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct Render {
        pub render_id: ::std::string::String,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub title: ::std::option::Option<::std::string::String>,
    }
    crate::runtime::__private::deserialize_struct!(
        Render { render_id : "render_id" req, title : "title" opt }
    );
    ///`RenderEnvelope`
    #[derive(::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct RenderEnvelope {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub data: ::std::option::Option<Render>,
    }
    crate::runtime::__private::deserialize_struct!(RenderEnvelope { data : "data" opt });
    ///`RenderRequest`
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct RenderRequest {
        pub scene: ::std::string::String,
    }
    crate::runtime::__private::deserialize_struct!(
        RenderRequest { scene : "scene" req }
    );
    impl RenderRequest {
        pub fn builder() -> builder::RenderRequest {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        crate::runtime::__private::type_builder!(
            RenameRenderBody { title : ::std::string::String =
            Err("no value supplied for title".to_string()) =>
            plain(::std::string::String) }
        );
        crate::runtime::__private::type_builder!(
            RenderRequest { scene : ::std::string::String =
            Err("no value supplied for scene".to_string()) =>
            plain(::std::string::String) }
        );
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
    impl ::std::fmt::Display for CreateKeyedRenderIdempotencyKey {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(&self.0)
        }
    }
}
#[derive(Clone, Debug)]
/**Client for Render Farm

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
    pub(crate) fn new(baseurl: &str, inner: crate::runtime::__private::Inner) -> Self {
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
    pub(crate) fn new_with_client(
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
    /**Start a render (honours Idempotency-Key)

Sends a `POST` request to `/v1/keyed-renders`

Arguments:
- `idempotency_key`: Replays the first result for 24 hours.
- `body`

**Retries:** keyed. HeyGen honours `Idempotency-Key` here: the client sends one key per call (or yours, from `.idempotency_key(...)`) and reuses it on every retry, so it retries after a 429, a 5xx, a 409 `request_in_progress` or a lost connection and the server still runs the call once.*/
    pub fn create_keyed_render(&self) -> builder::CreateKeyedRender<'_> {
        builder::CreateKeyedRender::new(self)
    }
    /**Sends a `GET` request to `/v1/render-queue`

**Retries:** idempotent by method. The client retries it after a 429, a 5xx, a 409 `request_in_progress` or a lost connection.*/
    pub fn list_renders(&self) -> builder::ListRenders<'_> {
        builder::ListRenders::new(self)
    }
    /**Start a render (not idempotent; declares no key)

Sends a `POST` request to `/v1/renders`

Arguments:
- `idempotency_key`: Sent as given. HeyGen does not document this operation as honouring an `Idempotency-Key`, so setting one does not make the client retry it after a 5xx (unless the client trusts caller keys), and the client sets none itself.
- `body`

**Retries:** not idempotent. HeyGen does not document `Idempotency-Key` here, so the client retries it only after a 429 or when nothing was sent (connection refused, DNS, TLS). After a 5xx or a lost connection the call may have done its work: check before sending it again.*/
    pub fn create_render(&self) -> builder::CreateRender<'_> {
        builder::CreateRender::new(self)
    }
    /**Sends a `GET` request to `/v1/renders/{render_id}`

**Retries:** idempotent by method. The client retries it after a 429, a 5xx, a 409 `request_in_progress` or a lost connection.*/
    pub fn get_render(&self) -> builder::GetRender<'_> {
        builder::GetRender::new(self)
    }
    /**Rename a render (honours Idempotency-Key)

Sends a `PATCH` request to `/v1/renders/{render_id}`

**Retries:** keyed. HeyGen honours `Idempotency-Key` here: the client sends one key per call (or yours, from `.idempotency_key(...)`) and reuses it on every retry, so it retries after a 429, a 5xx, a 409 `request_in_progress` or a lost connection and the server still runs the call once.*/
    pub fn rename_render(&self) -> builder::RenameRender<'_> {
        builder::RenameRender::new(self)
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
    crate::runtime::__private::operation_builder! {
        #[doc =
        "Builder for [`Client::create_keyed_render`]\n\n[`Client::create_keyed_render`]: super::Client::create_keyed_render"]
        CreateKeyedRender, options { idempotency_key : Option <
        types::CreateKeyedRenderIdempotencyKey > = Ok(None) =>
        some(types::CreateKeyedRenderIdempotencyKey), body :
        types::builder::RenderRequest = Ok(::std::default::Default::default()) =>
        body(types::RenderRequest, types::builder::RenderRequest) } options(timeout,
        deadline, max_retries, header, call_options)
    }
    impl<'a> CreateKeyedRender<'a> {
        ///Sends a `POST` request to `/v1/keyed-renders`
        #[inline]
        pub fn send(
            self,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<
                crate::runtime::__private::Response<types::RenderEnvelope>,
                crate::runtime::__private::Error,
            >,
        > + 'a {
            let Self { client, idempotency_key, body, options } = self;
            let body = body
                .and_then(|v| {
                    types::RenderRequest::try_from(v).map_err(|e| e.to_string())
                });
            crate::runtime::__private::operation(
                client,
                "create_keyed_render",
                crate::runtime::__private::RetryClass::Keyed,
                options,
                |status| matches!(status, 200u16),
                crate::runtime::__private::Response::from_response,
                move || {
                    let idempotency_key = crate::runtime::__private::valid(
                        &idempotency_key,
                        "",
                    )?;
                    let body = crate::runtime::__private::valid(&body, "")?;
                    let url = crate::runtime::__private::url(
                        &client.baseurl,
                        &client.inner,
                        format_args!("/v1/keyed-renders"),
                    )?;
                    let mut header_map = ::reqwest::header::HeaderMap::new();
                    if let Some(value) = &idempotency_key {
                        header_map
                            .append("idempotency-key", value.to_string().try_into()?);
                    }
                    ::std::result::Result::Ok(
                        crate::runtime::__private::merge_headers(
                                client.client.post(url).json(&body),
                                header_map,
                            )
                            .build()?,
                    )
                },
            )
        }
    }
    crate::runtime::__private::operation_builder! {
        #[doc =
        "Builder for [`Client::list_renders`]\n\n[`Client::list_renders`]: super::Client::list_renders"]
        ListRenders, options { limit : Option < i64 > = Ok(None) => some(i64), token :
        Option < ::std::string::String > = Ok(None) => some(::std::string::String) }
        options(timeout, deadline, max_retries, header, call_options)
    }
    impl<'a> ListRenders<'a> {
        ///Sends a `GET` request to `/v1/render-queue`
        #[inline]
        pub fn send(
            self,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<
                crate::runtime::__private::Response<types::ListRendersResponse>,
                crate::runtime::__private::Error,
            >,
        > + 'a {
            let Self { client, limit, token, options } = self;
            crate::runtime::__private::operation(
                client,
                "list_renders",
                crate::runtime::__private::RetryClass::Idempotent,
                options,
                |status| matches!(status, 200u16),
                crate::runtime::__private::Response::from_response,
                move || {
                    let limit = crate::runtime::__private::valid(&limit, "")?;
                    let token = crate::runtime::__private::valid(&token, "")?;
                    let url = crate::runtime::__private::url(
                        &client.baseurl,
                        &client.inner,
                        format_args!("/v1/render-queue"),
                    )?;
                    ::std::result::Result::Ok(
                        client
                            .client
                            .get(url)
                            .query(&progenitor_client::QueryParam::new("limit", &limit))
                            .query(&progenitor_client::QueryParam::new("token", &token))
                            .build()?,
                    )
                },
            )
        }
    }
    crate::runtime::__private::operation_builder! {
        #[doc =
        "Builder for [`Client::create_render`]\n\n[`Client::create_render`]: super::Client::create_render"]
        CreateRender, options { idempotency_key : Option < ::std::string::String > =
        Ok(None) => some(::std::string::String), body : types::builder::RenderRequest =
        Ok(::std::default::Default::default()) => body(types::RenderRequest,
        types::builder::RenderRequest) } options(timeout, deadline, max_retries, header,
        call_options)
    }
    impl<'a> CreateRender<'a> {
        ///Sends a `POST` request to `/v1/renders`
        #[inline]
        pub fn send(
            self,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<
                crate::runtime::__private::Response<types::RenderEnvelope>,
                crate::runtime::__private::Error,
            >,
        > + 'a {
            let Self { client, idempotency_key, body, options } = self;
            let body = body
                .and_then(|v| {
                    types::RenderRequest::try_from(v).map_err(|e| e.to_string())
                });
            crate::runtime::__private::operation(
                client,
                "create_render",
                crate::runtime::__private::RetryClass::NonIdempotent,
                options,
                |status| matches!(status, 200u16),
                crate::runtime::__private::Response::from_response,
                move || {
                    let idempotency_key = crate::runtime::__private::valid(
                        &idempotency_key,
                        "",
                    )?;
                    let body = crate::runtime::__private::valid(&body, "")?;
                    let url = crate::runtime::__private::url(
                        &client.baseurl,
                        &client.inner,
                        format_args!("/v1/renders"),
                    )?;
                    let mut header_map = ::reqwest::header::HeaderMap::new();
                    if let Some(value) = &idempotency_key {
                        header_map
                            .append("Idempotency-Key", value.to_string().try_into()?);
                    }
                    ::std::result::Result::Ok(
                        crate::runtime::__private::merge_headers(
                                client.client.post(url).json(&body),
                                header_map,
                            )
                            .build()?,
                    )
                },
            )
        }
    }
    crate::runtime::__private::operation_builder! {
        #[doc =
        "Builder for [`Client::get_render`]\n\n[`Client::get_render`]: super::Client::get_render"]
        GetRender, options { render_id : ::std::string::String =
        Err(::std::string::String::new()) => plain(::std::string::String) }
        options(timeout, deadline, max_retries, header, call_options)
    }
    impl<'a> GetRender<'a> {
        ///Sends a `GET` request to `/v1/renders/{render_id}`
        #[inline]
        pub fn send(
            self,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<
                crate::runtime::__private::Response<types::RenderEnvelope>,
                crate::runtime::__private::Error,
            >,
        > + 'a {
            let Self { client, render_id, options } = self;
            crate::runtime::__private::operation(
                client,
                "get_render",
                crate::runtime::__private::RetryClass::Idempotent,
                options,
                |status| matches!(status, 200u16),
                crate::runtime::__private::Response::from_response,
                move || {
                    let render_id = crate::runtime::__private::valid(
                        &render_id,
                        "render_id was not initialized",
                    )?;
                    let url = crate::runtime::__private::url(
                        &client.baseurl,
                        &client.inner,
                        format_args!("/v1/renders/{}", encode_path(& render_id)),
                    )?;
                    ::std::result::Result::Ok(client.client.get(url).build()?)
                },
            )
        }
    }
    crate::runtime::__private::operation_builder! {
        #[doc =
        "Builder for [`Client::rename_render`]\n\n[`Client::rename_render`]: super::Client::rename_render"]
        RenameRender, options { render_id : ::std::string::String =
        Err(::std::string::String::new()) => plain(::std::string::String),
        idempotency_key : Option < ::std::string::String > = Ok(None) =>
        some(::std::string::String), body : types::builder::RenameRenderBody =
        Ok(::std::default::Default::default()) => body(types::RenameRenderBody,
        types::builder::RenameRenderBody) } options(timeout, deadline, max_retries,
        header, call_options)
    }
    impl<'a> RenameRender<'a> {
        ///Sends a `PATCH` request to `/v1/renders/{render_id}`
        #[inline]
        pub fn send(
            self,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<
                crate::runtime::__private::Response<types::RenderEnvelope>,
                crate::runtime::__private::Error,
            >,
        > + 'a {
            let Self { client, render_id, idempotency_key, body, options } = self;
            let body = body
                .and_then(|v| {
                    types::RenameRenderBody::try_from(v).map_err(|e| e.to_string())
                });
            crate::runtime::__private::operation(
                client,
                "rename_render",
                crate::runtime::__private::RetryClass::Keyed,
                options,
                |status| matches!(status, 200u16),
                crate::runtime::__private::Response::from_response,
                move || {
                    let render_id = crate::runtime::__private::valid(
                        &render_id,
                        "render_id was not initialized",
                    )?;
                    let idempotency_key = crate::runtime::__private::valid(
                        &idempotency_key,
                        "",
                    )?;
                    let body = crate::runtime::__private::valid(&body, "")?;
                    let url = crate::runtime::__private::url(
                        &client.baseurl,
                        &client.inner,
                        format_args!("/v1/renders/{}", encode_path(& render_id)),
                    )?;
                    let mut header_map = ::reqwest::header::HeaderMap::new();
                    if let Some(value) = &idempotency_key {
                        header_map
                            .append("Idempotency-Key", value.to_string().try_into()?);
                    }
                    ::std::result::Result::Ok(
                        crate::runtime::__private::merge_headers(
                                client.client.patch(url).json(&body),
                                header_map,
                            )
                            .build()?,
                    )
                },
            )
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
            options: ::std::default::Default::default(),
        };
        crate::runtime::__private::pre(&self.inner, request, &call)
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
            options: ::std::default::Default::default(),
        };
        async move {
            crate::runtime::__private::exec(
                    &self.inner,
                    &self.client,
                    request,
                    &call,
                    None,
                    &mut None,
                )
                .await
        }
    }
}
impl crate::runtime::__private::GeneratedClient for Client {
    fn from_parts(
        base_url: &str,
        http: reqwest::Client,
        inner: crate::runtime::__private::Inner,
        _: crate::runtime::__private::Sealed,
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
crate::runtime::__private::envelope!(
    types::RenderEnvelope => types::Render, | envelope | envelope.data
);
crate::runtime::__private::envelope!(
    types::ListRendersResponse => ::std::vec::Vec < types::Render >, | envelope |
    ::std::option::Option::Some(envelope.data)
);
crate::runtime::__private::paged!(
    ListRenders, types::Render, | page : types::ListRendersResponse | { let (next_token,
    has_more) = (page.next_token.map(| t | t.to_string()),
    ::std::option::Option::Some(page.has_more)); Ok(crate ::runtime::__private::Page {
    items : page.data, has_more, next_token }) }
);
pub mod retry_class {
    //! How safe it is to send an operation's request again: the one
    //! definition. The generator compiles this file as its own module, and
    //! emits it word for word into a client generated with its runtime in the
    //! same crate (`heygen-api`, whose runtime re-exports it), so the class the
    //! generator decides and the class the runtime acts on are one type. It
    //! depends on nothing beyond `core`.
    /// How safe it is to send an operation's request again, decided by the
    /// generator from the spec and stated in each operation's docs.
    ///
    /// | class | which operations | retried on |
    /// |---|---|---|
    /// | [`Idempotent`](RetryClass::Idempotent) | `GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS` | 429, 500/502/503/504, 409 `request_in_progress`, connection refused or lost |
    /// | [`Keyed`](RetryClass::Keyed) | a `POST`/`PATCH` whose spec declares an `Idempotency-Key` header | the same, always with the call's one key |
    /// | [`NonIdempotent`](RetryClass::NonIdempotent) | every other `POST`/`PATCH` | 429, and failures where nothing was sent (connection refused, DNS, TLS handshake) |
    ///
    /// A `POST` that HeyGen does not document as honouring `Idempotency-Key`
    /// (creating a video, say) may already have done its work, and billed it,
    /// when a gateway answers 502: sending it again could do it twice.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum RetryClass {
        /// The method is idempotent: sending it twice has the effect of once.
        Idempotent,
        /// The operation honours `Idempotency-Key`: every attempt of one call
        /// carries the same key, and the server runs it at most once.
        Keyed,
        /// Neither: the request may do its work each time it arrives.
        NonIdempotent,
    }
    impl RetryClass {
        /// The variant's name, as generated code spells it.
        pub fn variant(self) -> &'static str {
            match self {
                RetryClass::Idempotent => "Idempotent",
                RetryClass::Keyed => "Keyed",
                RetryClass::NonIdempotent => "NonIdempotent",
            }
        }
        /// What the class means for a caller: the paragraph of each
        /// operation's docs.
        pub fn doc(self) -> &'static str {
            match self {
                RetryClass::Idempotent => {
                    "**Retries:** idempotent by method. The client retries it after a 429, a 5xx, a 409 `request_in_progress` or a lost connection."
                }
                RetryClass::Keyed => {
                    "**Retries:** keyed. HeyGen honours `Idempotency-Key` here: the client sends one key per call (or yours, from `.idempotency_key(...)`) and reuses it on every retry, so it retries after a 429, a 5xx, a 409 `request_in_progress` or a lost connection and the server still runs the call once."
                }
                RetryClass::NonIdempotent => {
                    "**Retries:** not idempotent. HeyGen does not document `Idempotency-Key` here, so the client retries it only after a 429 or when nothing was sent (connection refused, DNS, TLS). After a 5xx or a lost connection the call may have done its work: check before sending it again."
                }
            }
        }
    }
}
