#[allow(unused_imports)]
use crate::runtime::__private::encode_path;
#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///Asset input via base64-encoded content.
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(deny_unknown_fields))]
    pub struct AssetBase64 {
        ///Base64-encoded file content
        pub data: ::std::string::String,
        ///MIME type of the encoded content (e.g. "image/png")
        pub media_type: ::std::string::String,
    }
    crate::runtime::__private::deserialize_struct!(
        AssetBase64 { data : "data" req, media_type : "media_type" req }
    );
    impl AssetBase64 {
        pub fn builder() -> builder::AssetBase64 {
            Default::default()
        }
    }
    ///Input type discriminator
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum AssetBase64Type {
        #[serde(rename = "base64")]
        Base64,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        AssetBase64Type { Base64 = "base64" } unknown Unknown
    );
    ///Asset input via HeyGen asset ID (from POST /v1/asset).
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(deny_unknown_fields))]
    pub struct AssetId {
        ///HeyGen asset ID from POST /v1/asset upload endpoint
        pub asset_id: ::std::string::String,
    }
    crate::runtime::__private::deserialize_struct!(
        AssetId { asset_id : "asset_id" req }
    );
    impl AssetId {
        pub fn builder() -> builder::AssetId {
            Default::default()
        }
    }
    ///Input type discriminator
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum AssetIdType {
        #[serde(rename = "asset_id")]
        AssetId,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        AssetIdType { AssetId = "asset_id" } unknown Unknown
    );
    ///Asset input via publicly accessible HTTPS URL.
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(deny_unknown_fields))]
    pub struct AssetUrl {
        ///Publicly accessible HTTPS URL for the asset
        pub url: ::std::string::String,
    }
    crate::runtime::__private::deserialize_struct!(AssetUrl { url : "url" req });
    impl AssetUrl {
        pub fn builder() -> builder::AssetUrl {
            Default::default()
        }
    }
    ///Input type discriminator
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum AssetUrlType {
        #[serde(rename = "url")]
        Url,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        AssetUrlType { Url = "url" } unknown Unknown
    );
    ///Background configuration for the generated video.
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct BackgroundSetting {
        ///HeyGen asset ID of the background image. Used when type is 'image'. Mutually exclusive with url.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub asset_id: ::std::option::Option<::std::string::String>,
        ///Background type. 'color' uses a solid hex color; 'image' uses an image from url or asset_id.
        #[serde(rename = "type")]
        pub type_: BackgroundSettingType,
        ///URL of the background image. Used when type is 'image'. Mutually exclusive with asset_id.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub url: ::std::option::Option<::std::string::String>,
        ///Hex color code (e.g. '#ff0000'). Required when type is 'color'.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub value: ::std::option::Option<::std::string::String>,
    }
    crate::runtime::__private::deserialize_struct!(
        BackgroundSetting { asset_id : "asset_id" opt, type_ : "type" req, url : "url"
        opt, value : "value" opt }
    );
    impl BackgroundSetting {
        pub fn builder() -> builder::BackgroundSetting {
            Default::default()
        }
    }
    ///Background type. 'color' uses a solid hex color; 'image' uses an image from url or asset_id.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum BackgroundSettingType {
        #[serde(rename = "color")]
        Color,
        #[serde(rename = "image")]
        Image,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        BackgroundSettingType { Color = "color", Image = "image" } unknown Unknown
    );
    ///`CreateAvatarVideoResponse`
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct CreateAvatarVideoResponse {
        ///Resolved output format for the video.
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        ///
        ///`None`: not sent (the server's default applies: `"mp4"`); reads `null` too.
        pub output_format: ::std::option::Option<VideoOutputFormat>,
        ///Initial video status (e.g. 'waiting').
        pub status: ::std::string::String,
        ///Unique identifier for the created video.
        pub video_id: ::std::string::String,
    }
    crate::runtime::__private::deserialize_struct!(
        CreateAvatarVideoResponse { output_format : "output_format" opt, status :
        "status" req, video_id : "video_id" req }
    );
    /**Create a video from a HeyGen avatar (video or photo avatar).

Provide an avatar_id to use a previously created avatar. The server
automatically selects the appropriate engine based on the avatar type
(video avatar or photo avatar).*/
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct CreateVideoFromAvatar {
        ///Output video aspect ratio.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub aspect_ratio: ::std::option::Option<VideoAspectRatio>,
        ///HeyGen asset ID of an uploaded audio file. Mutually exclusive with script.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub audio_asset_id: ::std::option::Option<::std::string::String>,
        ///Public URL of an audio file to lip-sync. Mutually exclusive with script.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub audio_url: ::std::option::Option<::std::string::String>,
        ///HeyGen avatar ID (video avatar or photo avatar look ID).
        pub avatar_id: ::std::string::String,
        ///Background settings for the video.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub background: ::std::option::Option<BackgroundSetting>,
        ///Caller-defined identifier echoed back in the webhook payload.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub callback_id: ::std::option::Option<::std::string::String>,
        ///Webhook URL to receive a POST notification when the video is ready.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub callback_url: ::std::option::Option<::std::string::String>,
        ///Avatar expressiveness level. Photo avatars only. Defaults to 'low' when omitted.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expressiveness: ::std::option::Option<Expressiveness>,
        ///Natural-language prompt controlling avatar body motion. Photo avatars only.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub motion_prompt: ::std::option::Option<::std::string::String>,
        ///Output container. 'webm' returns a video with a transparent background (alpha channel); 'mp4' (default) returns a standard video. 'webm' requires an avatar that supports matting. When 'webm' is selected, any 'background' value is rejected and background removal is applied automatically — the caller does not need to set 'remove_background'.
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        ///
        ///`None`: not sent (the server's default applies: `"mp4"`); reads `null` too.
        pub output_format: ::std::option::Option<VideoOutputFormat>,
        ///Remove the avatar background. Video avatars must be trained with matting enabled.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub remove_background: ::std::option::Option<bool>,
        ///Output video resolution.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub resolution: ::std::option::Option<VideoResolution>,
        ///Text script for the avatar to speak. Pair with voice_id, or omit voice_id when using avatar_id to use the avatar's default voice. Mutually exclusive with audio_url/audio_asset_id.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub script: ::std::option::Option<CreateVideoFromAvatarScript>,
        ///Display title for the video in the HeyGen dashboard.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub title: ::std::option::Option<::std::string::String>,
        ///Voice ID for text-to-speech. Required when script is provided, unless avatar_id is set (the avatar's default voice is used as fallback).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub voice_id: ::std::option::Option<::std::string::String>,
        ///Voice tuning parameters (speed, pitch, locale).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub voice_settings: ::std::option::Option<VoiceSettingsInput>,
    }
    crate::runtime::__private::deserialize_struct!(
        CreateVideoFromAvatar { aspect_ratio : "aspect_ratio" opt, audio_asset_id :
        "audio_asset_id" opt, audio_url : "audio_url" opt, avatar_id : "avatar_id" req,
        background : "background" opt, callback_id : "callback_id" opt, callback_url :
        "callback_url" opt, expressiveness : "expressiveness" opt, motion_prompt :
        "motion_prompt" opt, output_format : "output_format" opt, remove_background :
        "remove_background" opt, resolution : "resolution" opt, script : "script" opt,
        title : "title" opt, voice_id : "voice_id" opt, voice_settings : "voice_settings"
        opt }
    );
    impl CreateVideoFromAvatar {
        pub fn builder() -> builder::CreateVideoFromAvatar {
            Default::default()
        }
    }
    ///Text script for the avatar to speak. Pair with voice_id, or omit voice_id when using avatar_id to use the avatar's default voice. Mutually exclusive with audio_url/audio_asset_id.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct CreateVideoFromAvatarScript(::std::string::String);
    impl ::std::ops::Deref for CreateVideoFromAvatarScript {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<CreateVideoFromAvatarScript> for ::std::string::String {
        fn from(value: CreateVideoFromAvatarScript) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for CreateVideoFromAvatarScript {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for CreateVideoFromAvatarScript {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for CreateVideoFromAvatarScript {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for CreateVideoFromAvatarScript {
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
    ///Must be 'avatar' for avatar-based video creation.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum CreateVideoFromAvatarType {
        #[serde(rename = "avatar")]
        Avatar,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        CreateVideoFromAvatarType { Avatar = "avatar" } unknown Unknown
    );
    /**Create a video by animating an arbitrary image.

Provide an image via URL, asset ID, or inline base64. The image will be
animated with lip-sync to the provided audio or generated speech.*/
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct CreateVideoFromImage {
        ///Output video aspect ratio.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub aspect_ratio: ::std::option::Option<VideoAspectRatio>,
        ///HeyGen asset ID of an uploaded audio file. Mutually exclusive with script.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub audio_asset_id: ::std::option::Option<::std::string::String>,
        ///Public URL of an audio file to lip-sync. Mutually exclusive with script.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub audio_url: ::std::option::Option<::std::string::String>,
        ///Background settings for the video.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub background: ::std::option::Option<BackgroundSetting>,
        ///Caller-defined identifier echoed back in the webhook payload.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub callback_id: ::std::option::Option<::std::string::String>,
        ///Webhook URL to receive a POST notification when the video is ready.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub callback_url: ::std::option::Option<::std::string::String>,
        ///Avatar expressiveness level. Defaults to 'low' when omitted.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub expressiveness: ::std::option::Option<Expressiveness>,
        ///Image to animate. Accepts URL, asset ID, or base64-encoded data.
        pub image: CreateVideoFromImageImage,
        ///Natural-language prompt controlling avatar body motion.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub motion_prompt: ::std::option::Option<::std::string::String>,
        ///Output container. 'webm' returns a video with a transparent background (alpha channel); 'mp4' (default) returns a standard video. 'webm' requires an avatar that supports matting. When 'webm' is selected, any 'background' value is rejected and background removal is applied automatically — the caller does not need to set 'remove_background'.
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        ///
        ///`None`: not sent (the server's default applies: `"mp4"`); reads `null` too.
        pub output_format: ::std::option::Option<VideoOutputFormat>,
        ///Remove the avatar background. Video avatars must be trained with matting enabled.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub remove_background: ::std::option::Option<bool>,
        ///Output video resolution.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub resolution: ::std::option::Option<VideoResolution>,
        ///Text script for the avatar to speak. Pair with voice_id, or omit voice_id when using avatar_id to use the avatar's default voice. Mutually exclusive with audio_url/audio_asset_id.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub script: ::std::option::Option<CreateVideoFromImageScript>,
        ///Display title for the video in the HeyGen dashboard.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub title: ::std::option::Option<::std::string::String>,
        ///Voice ID for text-to-speech. Required when script is provided, unless avatar_id is set (the avatar's default voice is used as fallback).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub voice_id: ::std::option::Option<::std::string::String>,
        ///Voice tuning parameters (speed, pitch, locale).
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub voice_settings: ::std::option::Option<VoiceSettingsInput>,
    }
    crate::runtime::__private::deserialize_struct!(
        CreateVideoFromImage { aspect_ratio : "aspect_ratio" opt, audio_asset_id :
        "audio_asset_id" opt, audio_url : "audio_url" opt, background : "background" opt,
        callback_id : "callback_id" opt, callback_url : "callback_url" opt,
        expressiveness : "expressiveness" opt, image : "image" req, motion_prompt :
        "motion_prompt" opt, output_format : "output_format" opt, remove_background :
        "remove_background" opt, resolution : "resolution" opt, script : "script" opt,
        title : "title" opt, voice_id : "voice_id" opt, voice_settings : "voice_settings"
        opt }
    );
    impl CreateVideoFromImage {
        pub fn builder() -> builder::CreateVideoFromImage {
            Default::default()
        }
    }
    ///Image to animate. Accepts URL, asset ID, or base64-encoded data.
    #[derive(Clone, Debug)]
    ///
    ///Chosen by its `type` tag; a tag this client does not know is kept in `Unknown`.
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(untagged))]
    pub enum CreateVideoFromImageImage {
        Url(AssetUrl),
        Id(AssetId),
        Base64(AssetBase64),
        /// A variant this client does not know yet, kept as sent.
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::serde_json::Value),
    }
    impl ::std::convert::From<AssetUrl> for CreateVideoFromImageImage {
        fn from(value: AssetUrl) -> Self {
            Self::Url(value)
        }
    }
    impl ::std::convert::From<AssetId> for CreateVideoFromImageImage {
        fn from(value: AssetId) -> Self {
            Self::Id(value)
        }
    }
    impl ::std::convert::From<AssetBase64> for CreateVideoFromImageImage {
        fn from(value: AssetBase64) -> Self {
            Self::Base64(value)
        }
    }
    ///Text script for the avatar to speak. Pair with voice_id, or omit voice_id when using avatar_id to use the avatar's default voice. Mutually exclusive with audio_url/audio_asset_id.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct CreateVideoFromImageScript(::std::string::String);
    impl ::std::ops::Deref for CreateVideoFromImageScript {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<CreateVideoFromImageScript> for ::std::string::String {
        fn from(value: CreateVideoFromImageScript) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for CreateVideoFromImageScript {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() < 1usize {
                return Err("shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for CreateVideoFromImageScript {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for CreateVideoFromImageScript {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for CreateVideoFromImageScript {
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
    ///Must be 'image' for image-based video creation.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum CreateVideoFromImageType {
        #[serde(rename = "image")]
        Image,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        CreateVideoFromImageType { Image = "image" } unknown Unknown
    );
    ///`CreateVideoResponse`
    #[derive(::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct CreateVideoResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub data: ::std::option::Option<CreateAvatarVideoResponse>,
    }
    crate::runtime::__private::deserialize_struct!(
        CreateVideoResponse { data : "data" opt }
    );
    ///Discriminated union for POST /v3/videos request body.
    #[derive(Clone, Debug)]
    ///
    ///Chosen by its `type` tag; a tag this client does not know is kept in `Unknown`.
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(untagged))]
    pub enum CreateVideoV3RequestBody {
        Avatar(CreateVideoFromAvatar),
        Image(CreateVideoFromImage),
        /// A variant this client does not know yet, kept as sent.
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::serde_json::Value),
    }
    impl ::std::convert::From<CreateVideoFromAvatar> for CreateVideoV3RequestBody {
        fn from(value: CreateVideoFromAvatar) -> Self {
            Self::Avatar(value)
        }
    }
    impl ::std::convert::From<CreateVideoFromImage> for CreateVideoV3RequestBody {
        fn from(value: CreateVideoFromImage) -> Self {
            Self::Image(value)
        }
    }
    /**Engine-specific voice settings for ElevenLabs-backed voices.

Inherits the ElevenLabs tuning fields (model, stability, similarity_boost, style,
use_speaker_boost) along with the eleven_v3 stability validator from
:class:`movio.api_service.app.api_types.video.ElevenLabsSettings`.*/
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct ElevenLabsEngineSettings {
        ///The model ID to use for ElevenLabs.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<ElevenLabsModel>,
        ///The similarity boost parameter for ElevenLabs.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub similarity_boost: ::std::option::Option<f64>,
        ///The stability parameter for ElevenLabs.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stability: ::std::option::Option<f64>,
        ///The style parameter for ElevenLabs.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub style: ::std::option::Option<f64>,
        ///Whether to use speaker boost for ElevenLabs.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub use_speaker_boost: ::std::option::Option<bool>,
    }
    crate::runtime::__private::deserialize_struct!(
        ElevenLabsEngineSettings { model : "model" opt, similarity_boost :
        "similarity_boost" opt, stability : "stability" opt, style : "style" opt,
        use_speaker_boost : "use_speaker_boost" opt }
    );
    impl ElevenLabsEngineSettings {
        pub fn builder() -> builder::ElevenLabsEngineSettings {
            Default::default()
        }
    }
    ///Engine type discriminator. Must be 'elevenlabs' for ElevenLabs-backed voices.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum ElevenLabsEngineSettingsEngineType {
        #[serde(rename = "elevenlabs")]
        Elevenlabs,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        ElevenLabsEngineSettingsEngineType { Elevenlabs = "elevenlabs" } unknown Unknown
    );
    /**ElevenLabs model IDs exposed on the public API.

Only current models are included — deprecated models (monolingual_v1, multilingual_v1,
turbo_v2) are not accepted. The web auto-remaps them to newer equivalents; the API
should not offer models we wouldn't recommend using.*/
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum ElevenLabsModel {
        #[serde(rename = "eleven_multilingual_v2")]
        ElevenMultilingualV2,
        #[serde(rename = "eleven_turbo_v2_5")]
        ElevenTurboV25,
        #[serde(rename = "eleven_flash_v2_5")]
        ElevenFlashV25,
        #[serde(rename = "eleven_v3")]
        ElevenV3,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        ElevenLabsModel { ElevenMultilingualV2 = "eleven_multilingual_v2", ElevenTurboV25
        = "eleven_turbo_v2_5", ElevenFlashV25 = "eleven_flash_v2_5", ElevenV3 =
        "eleven_v3" } unknown Unknown
    );
    ///Avatar expressiveness level for photo avatars.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum Expressiveness {
        #[serde(rename = "high")]
        High,
        #[serde(rename = "medium")]
        Medium,
        #[serde(rename = "low")]
        Low,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        Expressiveness { High = "high", Medium = "medium", Low = "low" } unknown Unknown
    );
    /**Engine-specific voice settings for Fish Audio-backed voices.

Inherits Fish's tuning fields (model, stability, similarity).*/
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct FishEngineSettings {
        ///Fish Audio model version (default 's1').
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub model: ::std::option::Option<FishModel>,
        ///Similarity parameter; how closely to match the source voice.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub similarity: ::std::option::Option<f64>,
        ///Stability parameter; higher is more consistent.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub stability: ::std::option::Option<f64>,
    }
    crate::runtime::__private::deserialize_struct!(
        FishEngineSettings { model : "model" opt, similarity : "similarity" opt,
        stability : "stability" opt }
    );
    impl FishEngineSettings {
        pub fn builder() -> builder::FishEngineSettings {
            Default::default()
        }
    }
    ///Engine type discriminator. Must be 'fish' for Fish Audio-backed voices.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum FishEngineSettingsEngineType {
        #[serde(rename = "fish")]
        Fish,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        FishEngineSettingsEngineType { Fish = "fish" } unknown Unknown
    );
    ///Fish Audio model version. Mirrors the choices exposed on the web (FISH_MODELS).
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum FishModel {
        #[serde(rename = "s1")]
        S1,
        #[serde(rename = "s2-pro")]
        S2Pro,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        FishModel { S1 = "s1", S2Pro = "s2-pro" } unknown Unknown
    );
    ///`GetVideoV3Response`
    #[derive(::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct GetVideoV3Response {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub data: ::std::option::Option<VideoDetail>,
    }
    crate::runtime::__private::deserialize_struct!(
        GetVideoV3Response { data : "data" opt }
    );
    ///`StandardApiError`
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct StandardApiError {
        ///Machine-readable error code
        pub code: ::std::string::String,
        ///Link to error documentation
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub doc_url: ::std::option::Option<::std::string::String>,
        ///Human-readable error message
        pub message: ::std::string::String,
        ///Which request field caused the error
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub param: ::std::option::Option<::std::string::String>,
    }
    crate::runtime::__private::deserialize_struct!(
        StandardApiError { code : "code" req, doc_url : "doc_url" opt, message :
        "message" req, param : "param" opt }
    );
    /**Engine-selection for Starfish-backed voices.

Starfish has no user-tunable settings today; set ``engine_type='starfish'`` to force
Starfish routing on voices that support multiple engines.*/
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct StarfishEngineSettings {}
    crate::runtime::__private::deserialize_struct!(StarfishEngineSettings {});
    impl StarfishEngineSettings {
        pub fn builder() -> builder::StarfishEngineSettings {
            Default::default()
        }
    }
    ///Engine type discriminator. Must be 'starfish' for Starfish-backed voices.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum StarfishEngineSettingsEngineType {
        #[serde(rename = "starfish")]
        Starfish,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        StarfishEngineSettingsEngineType { Starfish = "starfish" } unknown Unknown
    );
    ///Request body for stopping a session (empty — no fields required).
    #[derive(::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(deny_unknown_fields))]
    pub struct StopSessionRequest {}
    crate::runtime::__private::deserialize_struct!(StopSessionRequest {});
    impl StopSessionRequest {
        pub fn builder() -> builder::StopSessionRequest {
            Default::default()
        }
    }
    ///Response from stopping a session.
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct StopSessionResponse {
        ///Session ID
        pub session_id: ::std::string::String,
    }
    crate::runtime::__private::deserialize_struct!(
        StopSessionResponse { session_id : "session_id" req }
    );
    ///`StopVideoAgentSessionResponse`
    #[derive(::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct StopVideoAgentSessionResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub data: ::std::option::Option<StopSessionResponse>,
    }
    crate::runtime::__private::deserialize_struct!(
        StopVideoAgentSessionResponse { data : "data" opt }
    );
    ///`UploadAssetResponse`
    #[derive(::serde::Serialize, Clone, Debug, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct UploadAssetResponse {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub data: ::std::option::Option<UploadAssetV3Response>,
    }
    crate::runtime::__private::deserialize_struct!(
        UploadAssetResponse { data : "data" opt }
    );
    ///Response from uploading an asset via POST /v3/assets.
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct UploadAssetV3Response {
        ///Unique asset identifier for use in other endpoints like POST /v3/video-agents
        pub asset_id: ::std::string::String,
        ///Detected MIME type of the file
        pub mime_type: ::std::string::String,
        ///File size in bytes
        pub size_bytes: i64,
        ///Public URL of the uploaded asset
        pub url: ::std::string::String,
    }
    crate::runtime::__private::deserialize_struct!(
        UploadAssetV3Response { asset_id : "asset_id" req, mime_type : "mime_type" req,
        size_bytes : "size_bytes" req, url : "url" req }
    );
    ///Output video aspect ratio.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum VideoAspectRatio {
        #[serde(rename = "16:9")]
        X169,
        #[serde(rename = "9:16")]
        X916,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        VideoAspectRatio { X169 = "16:9", X916 = "9:16" } unknown Unknown
    );
    /**Video resource returned by list and detail endpoints.

If ``output_language`` is present the video is a translated video;
otherwise it is a generated video.*/
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct VideoDetail {
        ///Presigned URL to download the video file with captions burned in
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub captioned_video_url: ::std::option::Option<::std::string::String>,
        ///Unix timestamp when video generation finished
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub completed_at: ::std::option::Option<i64>,
        ///Unix timestamp of creation
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub created_at: ::std::option::Option<i64>,
        ///Video duration in seconds
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub duration: ::std::option::Option<f64>,
        ///Machine-readable failure reason. Only present when status is failed.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub failure_code: ::std::option::Option<::std::string::String>,
        ///Human-readable failure description. Only present when status is failed.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub failure_message: ::std::option::Option<::std::string::String>,
        ///ID of containing folder
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub folder_id: ::std::option::Option<::std::string::String>,
        ///URL to animated GIF preview
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub gif_url: ::std::option::Option<::std::string::String>,
        ///Unique video identifier
        pub id: ::std::string::String,
        ///BCP-47 output language code. Present only for translated videos.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub output_language: ::std::option::Option<::std::string::String>,
        ///Current video status
        pub status: VideoStatus,
        ///Presigned URL to download the SRT subtitle file
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub subtitle_url: ::std::option::Option<::std::string::String>,
        ///URL to video thumbnail image
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub thumbnail_url: ::std::option::Option<::std::string::String>,
        ///Video title
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub title: ::std::option::Option<::std::string::String>,
        ///URL to the video page in the HeyGen app
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub video_page_url: ::std::option::Option<::std::string::String>,
        ///Presigned URL to download the video file
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub video_url: ::std::option::Option<::std::string::String>,
    }
    crate::runtime::__private::deserialize_struct!(
        VideoDetail { captioned_video_url : "captioned_video_url" opt, completed_at :
        "completed_at" opt, created_at : "created_at" opt, duration : "duration" opt,
        failure_code : "failure_code" opt, failure_message : "failure_message" opt,
        folder_id : "folder_id" opt, gif_url : "gif_url" opt, id : "id" req,
        output_language : "output_language" opt, status : "status" req, subtitle_url :
        "subtitle_url" opt, thumbnail_url : "thumbnail_url" opt, title : "title" opt,
        video_page_url : "video_page_url" opt, video_url : "video_url" opt }
    );
    ///Output container for the generated video.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum VideoOutputFormat {
        #[serde(rename = "mp4")]
        Mp4,
        #[serde(rename = "webm")]
        Webm,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        VideoOutputFormat { Mp4 = "mp4", Webm = "webm" } unknown Unknown
    );
    ///Output video resolution.
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum VideoResolution {
        #[serde(rename = "4k")]
        X4k,
        #[serde(rename = "1080p")]
        X1080p,
        #[serde(rename = "720p")]
        X720p,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        VideoResolution { X4k = "4k", X1080p = "1080p", X720p = "720p" } unknown Unknown
    );
    ///`VideoStatus`
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub enum VideoStatus {
        #[serde(rename = "pending")]
        Pending,
        #[serde(rename = "processing")]
        Processing,
        #[serde(rename = "completed")]
        Completed,
        #[serde(rename = "failed")]
        Failed,
        /// A value this client does not know yet, kept as sent.
        #[serde(untagged)]
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::std::string::String),
    }
    crate::runtime::__private::string_enum!(
        VideoStatus { Pending = "pending", Processing = "processing", Completed =
        "completed", Failed = "failed" } unknown Unknown
    );
    /**Voice tuning parameters for text-to-speech.

Applies only when 'script' + 'voice_id' are provided — not when audio_url/audio_asset_id
is used (uploaded audio bypasses TTS).*/
    #[derive(::serde::Serialize, Clone, Debug)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct VoiceSettingsInput {
        ///Engine-specific voice tuning, discriminated by 'engine_type'. Use the variant matching the engine backing the chosen voice (e.g. engine_type='elevenlabs' for ElevenLabs-backed voices). The request is rejected if the voice_id is not compatible with the selected engine.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub engine_settings: ::std::option::Option<VoiceSettingsInputEngineSettings>,
        ///Locale/accent hint for multi-lingual voices (e.g. 'en-US').
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub locale: ::std::option::Option<::std::string::String>,
        ///Pitch adjustment in semitones. -50 to +50.
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        ///
        ///`None`: not sent (the server's default applies: `0`); reads `null` too.
        pub pitch: ::std::option::Option<f64>,
        ///Playback speed multiplier. 0.5 (half speed) to 1.5 (1.5x speed).
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        ///
        ///`None`: not sent (the server's default applies: `1`); reads `null` too.
        pub speed: ::std::option::Option<f64>,
        ///Voice audio volume. 1.0 = full, 0.0 = silent. Useful when mixing spoken voice with background audio.
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        ///
        ///`None`: not sent (the server's default applies: `1`); reads `null` too.
        pub volume: ::std::option::Option<f64>,
    }
    crate::runtime::__private::deserialize_struct!(
        VoiceSettingsInput { engine_settings : "engine_settings" opt, locale : "locale"
        opt, pitch : "pitch" opt, speed : "speed" opt, volume : "volume" opt }
    );
    impl ::std::default::Default for VoiceSettingsInput {
        fn default() -> Self {
            Self {
                engine_settings: Default::default(),
                locale: Default::default(),
                pitch: ::std::default::Default::default(),
                speed: ::std::default::Default::default(),
                volume: ::std::default::Default::default(),
            }
        }
    }
    impl VoiceSettingsInput {
        pub fn builder() -> builder::VoiceSettingsInput {
            Default::default()
        }
    }
    ///`VoiceSettingsInputEngineSettings`
    #[derive(Clone, Debug)]
    ///
    ///Chosen by its `engine_type` tag; a tag this client does not know is kept in `Unknown`.
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(untagged))]
    pub enum VoiceSettingsInputEngineSettings {
        ElevenLabsEngineSettings(ElevenLabsEngineSettings),
        FishEngineSettings(FishEngineSettings),
        StarfishEngineSettings(StarfishEngineSettings),
        /// A variant this client does not know yet, kept as sent.
        #[cfg_attr(feature = "schemars", schemars(skip))]
        Unknown(::serde_json::Value),
    }
    impl ::std::convert::From<ElevenLabsEngineSettings>
    for VoiceSettingsInputEngineSettings {
        fn from(value: ElevenLabsEngineSettings) -> Self {
            Self::ElevenLabsEngineSettings(value)
        }
    }
    impl ::std::convert::From<FishEngineSettings> for VoiceSettingsInputEngineSettings {
        fn from(value: FishEngineSettings) -> Self {
            Self::FishEngineSettings(value)
        }
    }
    impl ::std::convert::From<StarfishEngineSettings>
    for VoiceSettingsInputEngineSettings {
        fn from(value: StarfishEngineSettings) -> Self {
            Self::StarfishEngineSettings(value)
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct AssetBase64 {
            data: ::std::result::Result<::std::string::String, ::std::string::String>,
            media_type: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AssetBase64 {
            fn default() -> Self {
                Self {
                    data: Err("no value supplied for data".to_string()),
                    media_type: Err("no value supplied for media_type".to_string()),
                }
            }
        }
        impl AssetBase64 {
            pub fn data<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.data = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for data: {e}")
                    });
                self
            }
            pub fn media_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.media_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for media_type: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AssetBase64> for super::AssetBase64 {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AssetBase64,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    data: value.data?,
                    media_type: value.media_type?,
                })
            }
        }
        impl ::std::convert::From<super::AssetBase64> for AssetBase64 {
            fn from(value: super::AssetBase64) -> Self {
                Self {
                    data: Ok(value.data),
                    media_type: Ok(value.media_type),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct AssetId {
            asset_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AssetId {
            fn default() -> Self {
                Self {
                    asset_id: Err("no value supplied for asset_id".to_string()),
                }
            }
        }
        impl AssetId {
            pub fn asset_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.asset_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for asset_id: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AssetId> for super::AssetId {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AssetId,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { asset_id: value.asset_id? })
            }
        }
        impl ::std::convert::From<super::AssetId> for AssetId {
            fn from(value: super::AssetId) -> Self {
                Self {
                    asset_id: Ok(value.asset_id),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct AssetUrl {
            url: ::std::result::Result<::std::string::String, ::std::string::String>,
        }
        impl ::std::default::Default for AssetUrl {
            fn default() -> Self {
                Self {
                    url: Err("no value supplied for url".to_string()),
                }
            }
        }
        impl AssetUrl {
            pub fn url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for url: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AssetUrl> for super::AssetUrl {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AssetUrl,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self { url: value.url? })
            }
        }
        impl ::std::convert::From<super::AssetUrl> for AssetUrl {
            fn from(value: super::AssetUrl) -> Self {
                Self { url: Ok(value.url) }
            }
        }
        #[derive(Clone, Debug)]
        pub struct BackgroundSetting {
            asset_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            type_: ::std::result::Result<
                super::BackgroundSettingType,
                ::std::string::String,
            >,
            url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            value: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for BackgroundSetting {
            fn default() -> Self {
                Self {
                    asset_id: Ok(Default::default()),
                    type_: Err("no value supplied for type_".to_string()),
                    url: Ok(Default::default()),
                    value: Ok(Default::default()),
                }
            }
        }
        impl BackgroundSetting {
            pub fn asset_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.asset_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for asset_id: {e}")
                    });
                self
            }
            pub fn type_<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::BackgroundSettingType>,
                T::Error: ::std::fmt::Display,
            {
                self.type_ = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for type_: {e}")
                    });
                self
            }
            pub fn url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.url = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for url: {e}")
                    });
                self
            }
            pub fn value<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.value = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for value: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<BackgroundSetting> for super::BackgroundSetting {
            type Error = super::error::ConversionError;
            fn try_from(
                value: BackgroundSetting,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    asset_id: value.asset_id?,
                    type_: value.type_?,
                    url: value.url?,
                    value: value.value?,
                })
            }
        }
        impl ::std::convert::From<super::BackgroundSetting> for BackgroundSetting {
            fn from(value: super::BackgroundSetting) -> Self {
                Self {
                    asset_id: Ok(value.asset_id),
                    type_: Ok(value.type_),
                    url: Ok(value.url),
                    value: Ok(value.value),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateVideoFromAvatar {
            aspect_ratio: ::std::result::Result<
                ::std::option::Option<super::VideoAspectRatio>,
                ::std::string::String,
            >,
            audio_asset_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            audio_url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            avatar_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            background: ::std::result::Result<
                ::std::option::Option<super::BackgroundSetting>,
                ::std::string::String,
            >,
            callback_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            callback_url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            expressiveness: ::std::result::Result<
                ::std::option::Option<super::Expressiveness>,
                ::std::string::String,
            >,
            motion_prompt: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            output_format: ::std::result::Result<
                ::std::option::Option<super::VideoOutputFormat>,
                ::std::string::String,
            >,
            remove_background: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            resolution: ::std::result::Result<
                ::std::option::Option<super::VideoResolution>,
                ::std::string::String,
            >,
            script: ::std::result::Result<
                ::std::option::Option<super::CreateVideoFromAvatarScript>,
                ::std::string::String,
            >,
            title: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            voice_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            voice_settings: ::std::result::Result<
                ::std::option::Option<super::VoiceSettingsInput>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CreateVideoFromAvatar {
            fn default() -> Self {
                Self {
                    aspect_ratio: Ok(Default::default()),
                    audio_asset_id: Ok(Default::default()),
                    audio_url: Ok(Default::default()),
                    avatar_id: Err("no value supplied for avatar_id".to_string()),
                    background: Ok(Default::default()),
                    callback_id: Ok(Default::default()),
                    callback_url: Ok(Default::default()),
                    expressiveness: Ok(Default::default()),
                    motion_prompt: Ok(Default::default()),
                    output_format: Ok(::std::default::Default::default()),
                    remove_background: Ok(Default::default()),
                    resolution: Ok(Default::default()),
                    script: Ok(Default::default()),
                    title: Ok(Default::default()),
                    voice_id: Ok(Default::default()),
                    voice_settings: Ok(Default::default()),
                }
            }
        }
        impl CreateVideoFromAvatar {
            pub fn aspect_ratio<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::VideoAspectRatio>,
                T::Error: ::std::fmt::Display,
            {
                self.aspect_ratio = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for aspect_ratio: {e}")
                    });
                self
            }
            pub fn audio_asset_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.audio_asset_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for audio_asset_id: {e}"
                        )
                    });
                self
            }
            pub fn audio_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.audio_url = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for audio_url: {e}")
                    });
                self
            }
            pub fn avatar_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.avatar_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for avatar_id: {e}")
                    });
                self
            }
            pub fn background<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::BackgroundSetting>,
                T::Error: ::std::fmt::Display,
            {
                self.background = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for background: {e}")
                    });
                self
            }
            pub fn callback_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.callback_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for callback_id: {e}")
                    });
                self
            }
            pub fn callback_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.callback_url = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for callback_url: {e}")
                    });
                self
            }
            pub fn expressiveness<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::Expressiveness>,
                T::Error: ::std::fmt::Display,
            {
                self.expressiveness = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for expressiveness: {e}"
                        )
                    });
                self
            }
            pub fn motion_prompt<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.motion_prompt = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for motion_prompt: {e}")
                    });
                self
            }
            pub fn output_format<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::VideoOutputFormat>,
                T::Error: ::std::fmt::Display,
            {
                self.output_format = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for output_format: {e}")
                    });
                self
            }
            pub fn remove_background<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.remove_background = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for remove_background: {e}"
                        )
                    });
                self
            }
            pub fn resolution<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::VideoResolution>,
                T::Error: ::std::fmt::Display,
            {
                self.resolution = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for resolution: {e}")
                    });
                self
            }
            pub fn script<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::CreateVideoFromAvatarScript>,
                T::Error: ::std::fmt::Display,
            {
                self.script = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for script: {e}")
                    });
                self
            }
            pub fn title<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.title = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for title: {e}")
                    });
                self
            }
            pub fn voice_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.voice_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for voice_id: {e}")
                    });
                self
            }
            pub fn voice_settings<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::VoiceSettingsInput>,
                T::Error: ::std::fmt::Display,
            {
                self.voice_settings = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for voice_settings: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateVideoFromAvatar>
        for super::CreateVideoFromAvatar {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateVideoFromAvatar,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    aspect_ratio: value.aspect_ratio?,
                    audio_asset_id: value.audio_asset_id?,
                    audio_url: value.audio_url?,
                    avatar_id: value.avatar_id?,
                    background: value.background?,
                    callback_id: value.callback_id?,
                    callback_url: value.callback_url?,
                    expressiveness: value.expressiveness?,
                    motion_prompt: value.motion_prompt?,
                    output_format: value.output_format?,
                    remove_background: value.remove_background?,
                    resolution: value.resolution?,
                    script: value.script?,
                    title: value.title?,
                    voice_id: value.voice_id?,
                    voice_settings: value.voice_settings?,
                })
            }
        }
        impl ::std::convert::From<super::CreateVideoFromAvatar>
        for CreateVideoFromAvatar {
            fn from(value: super::CreateVideoFromAvatar) -> Self {
                Self {
                    aspect_ratio: Ok(value.aspect_ratio),
                    audio_asset_id: Ok(value.audio_asset_id),
                    audio_url: Ok(value.audio_url),
                    avatar_id: Ok(value.avatar_id),
                    background: Ok(value.background),
                    callback_id: Ok(value.callback_id),
                    callback_url: Ok(value.callback_url),
                    expressiveness: Ok(value.expressiveness),
                    motion_prompt: Ok(value.motion_prompt),
                    output_format: Ok(value.output_format),
                    remove_background: Ok(value.remove_background),
                    resolution: Ok(value.resolution),
                    script: Ok(value.script),
                    title: Ok(value.title),
                    voice_id: Ok(value.voice_id),
                    voice_settings: Ok(value.voice_settings),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CreateVideoFromImage {
            aspect_ratio: ::std::result::Result<
                ::std::option::Option<super::VideoAspectRatio>,
                ::std::string::String,
            >,
            audio_asset_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            audio_url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            background: ::std::result::Result<
                ::std::option::Option<super::BackgroundSetting>,
                ::std::string::String,
            >,
            callback_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            callback_url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            expressiveness: ::std::result::Result<
                ::std::option::Option<super::Expressiveness>,
                ::std::string::String,
            >,
            image: ::std::result::Result<
                super::CreateVideoFromImageImage,
                ::std::string::String,
            >,
            motion_prompt: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            output_format: ::std::result::Result<
                ::std::option::Option<super::VideoOutputFormat>,
                ::std::string::String,
            >,
            remove_background: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            resolution: ::std::result::Result<
                ::std::option::Option<super::VideoResolution>,
                ::std::string::String,
            >,
            script: ::std::result::Result<
                ::std::option::Option<super::CreateVideoFromImageScript>,
                ::std::string::String,
            >,
            title: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            voice_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            voice_settings: ::std::result::Result<
                ::std::option::Option<super::VoiceSettingsInput>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CreateVideoFromImage {
            fn default() -> Self {
                Self {
                    aspect_ratio: Ok(Default::default()),
                    audio_asset_id: Ok(Default::default()),
                    audio_url: Ok(Default::default()),
                    background: Ok(Default::default()),
                    callback_id: Ok(Default::default()),
                    callback_url: Ok(Default::default()),
                    expressiveness: Ok(Default::default()),
                    image: Err("no value supplied for image".to_string()),
                    motion_prompt: Ok(Default::default()),
                    output_format: Ok(::std::default::Default::default()),
                    remove_background: Ok(Default::default()),
                    resolution: Ok(Default::default()),
                    script: Ok(Default::default()),
                    title: Ok(Default::default()),
                    voice_id: Ok(Default::default()),
                    voice_settings: Ok(Default::default()),
                }
            }
        }
        impl CreateVideoFromImage {
            pub fn aspect_ratio<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::VideoAspectRatio>,
                T::Error: ::std::fmt::Display,
            {
                self.aspect_ratio = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for aspect_ratio: {e}")
                    });
                self
            }
            pub fn audio_asset_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.audio_asset_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for audio_asset_id: {e}"
                        )
                    });
                self
            }
            pub fn audio_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.audio_url = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for audio_url: {e}")
                    });
                self
            }
            pub fn background<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::BackgroundSetting>,
                T::Error: ::std::fmt::Display,
            {
                self.background = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for background: {e}")
                    });
                self
            }
            pub fn callback_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.callback_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for callback_id: {e}")
                    });
                self
            }
            pub fn callback_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.callback_url = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for callback_url: {e}")
                    });
                self
            }
            pub fn expressiveness<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::Expressiveness>,
                T::Error: ::std::fmt::Display,
            {
                self.expressiveness = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for expressiveness: {e}"
                        )
                    });
                self
            }
            pub fn image<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::CreateVideoFromImageImage>,
                T::Error: ::std::fmt::Display,
            {
                self.image = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for image: {e}")
                    });
                self
            }
            pub fn motion_prompt<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.motion_prompt = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for motion_prompt: {e}")
                    });
                self
            }
            pub fn output_format<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::VideoOutputFormat>,
                T::Error: ::std::fmt::Display,
            {
                self.output_format = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for output_format: {e}")
                    });
                self
            }
            pub fn remove_background<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.remove_background = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for remove_background: {e}"
                        )
                    });
                self
            }
            pub fn resolution<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::VideoResolution>,
                T::Error: ::std::fmt::Display,
            {
                self.resolution = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for resolution: {e}")
                    });
                self
            }
            pub fn script<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::CreateVideoFromImageScript>,
                T::Error: ::std::fmt::Display,
            {
                self.script = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for script: {e}")
                    });
                self
            }
            pub fn title<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.title = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for title: {e}")
                    });
                self
            }
            pub fn voice_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.voice_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for voice_id: {e}")
                    });
                self
            }
            pub fn voice_settings<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::VoiceSettingsInput>,
                T::Error: ::std::fmt::Display,
            {
                self.voice_settings = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for voice_settings: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CreateVideoFromImage>
        for super::CreateVideoFromImage {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CreateVideoFromImage,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    aspect_ratio: value.aspect_ratio?,
                    audio_asset_id: value.audio_asset_id?,
                    audio_url: value.audio_url?,
                    background: value.background?,
                    callback_id: value.callback_id?,
                    callback_url: value.callback_url?,
                    expressiveness: value.expressiveness?,
                    image: value.image?,
                    motion_prompt: value.motion_prompt?,
                    output_format: value.output_format?,
                    remove_background: value.remove_background?,
                    resolution: value.resolution?,
                    script: value.script?,
                    title: value.title?,
                    voice_id: value.voice_id?,
                    voice_settings: value.voice_settings?,
                })
            }
        }
        impl ::std::convert::From<super::CreateVideoFromImage> for CreateVideoFromImage {
            fn from(value: super::CreateVideoFromImage) -> Self {
                Self {
                    aspect_ratio: Ok(value.aspect_ratio),
                    audio_asset_id: Ok(value.audio_asset_id),
                    audio_url: Ok(value.audio_url),
                    background: Ok(value.background),
                    callback_id: Ok(value.callback_id),
                    callback_url: Ok(value.callback_url),
                    expressiveness: Ok(value.expressiveness),
                    image: Ok(value.image),
                    motion_prompt: Ok(value.motion_prompt),
                    output_format: Ok(value.output_format),
                    remove_background: Ok(value.remove_background),
                    resolution: Ok(value.resolution),
                    script: Ok(value.script),
                    title: Ok(value.title),
                    voice_id: Ok(value.voice_id),
                    voice_settings: Ok(value.voice_settings),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ElevenLabsEngineSettings {
            model: ::std::result::Result<
                ::std::option::Option<super::ElevenLabsModel>,
                ::std::string::String,
            >,
            similarity_boost: ::std::result::Result<
                ::std::option::Option<f64>,
                ::std::string::String,
            >,
            stability: ::std::result::Result<
                ::std::option::Option<f64>,
                ::std::string::String,
            >,
            style: ::std::result::Result<
                ::std::option::Option<f64>,
                ::std::string::String,
            >,
            use_speaker_boost: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ElevenLabsEngineSettings {
            fn default() -> Self {
                Self {
                    model: Ok(Default::default()),
                    similarity_boost: Ok(Default::default()),
                    stability: Ok(Default::default()),
                    style: Ok(Default::default()),
                    use_speaker_boost: Ok(Default::default()),
                }
            }
        }
        impl ElevenLabsEngineSettings {
            pub fn model<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::ElevenLabsModel>,
                T::Error: ::std::fmt::Display,
            {
                self.model = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for model: {e}")
                    });
                self
            }
            pub fn similarity_boost<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f64>,
                T::Error: ::std::fmt::Display,
            {
                self.similarity_boost = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for similarity_boost: {e}"
                        )
                    });
                self
            }
            pub fn stability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f64>,
                T::Error: ::std::fmt::Display,
            {
                self.stability = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for stability: {e}")
                    });
                self
            }
            pub fn style<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f64>,
                T::Error: ::std::fmt::Display,
            {
                self.style = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for style: {e}")
                    });
                self
            }
            pub fn use_speaker_boost<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.use_speaker_boost = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for use_speaker_boost: {e}"
                        )
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ElevenLabsEngineSettings>
        for super::ElevenLabsEngineSettings {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ElevenLabsEngineSettings,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    model: value.model?,
                    similarity_boost: value.similarity_boost?,
                    stability: value.stability?,
                    style: value.style?,
                    use_speaker_boost: value.use_speaker_boost?,
                })
            }
        }
        impl ::std::convert::From<super::ElevenLabsEngineSettings>
        for ElevenLabsEngineSettings {
            fn from(value: super::ElevenLabsEngineSettings) -> Self {
                Self {
                    model: Ok(value.model),
                    similarity_boost: Ok(value.similarity_boost),
                    stability: Ok(value.stability),
                    style: Ok(value.style),
                    use_speaker_boost: Ok(value.use_speaker_boost),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct FishEngineSettings {
            model: ::std::result::Result<
                ::std::option::Option<super::FishModel>,
                ::std::string::String,
            >,
            similarity: ::std::result::Result<
                ::std::option::Option<f64>,
                ::std::string::String,
            >,
            stability: ::std::result::Result<
                ::std::option::Option<f64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for FishEngineSettings {
            fn default() -> Self {
                Self {
                    model: Ok(Default::default()),
                    similarity: Ok(Default::default()),
                    stability: Ok(Default::default()),
                }
            }
        }
        impl FishEngineSettings {
            pub fn model<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::FishModel>,
                T::Error: ::std::fmt::Display,
            {
                self.model = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for model: {e}")
                    });
                self
            }
            pub fn similarity<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f64>,
                T::Error: ::std::fmt::Display,
            {
                self.similarity = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for similarity: {e}")
                    });
                self
            }
            pub fn stability<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f64>,
                T::Error: ::std::fmt::Display,
            {
                self.stability = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for stability: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<FishEngineSettings> for super::FishEngineSettings {
            type Error = super::error::ConversionError;
            fn try_from(
                value: FishEngineSettings,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    model: value.model?,
                    similarity: value.similarity?,
                    stability: value.stability?,
                })
            }
        }
        impl ::std::convert::From<super::FishEngineSettings> for FishEngineSettings {
            fn from(value: super::FishEngineSettings) -> Self {
                Self {
                    model: Ok(value.model),
                    similarity: Ok(value.similarity),
                    stability: Ok(value.stability),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct StarfishEngineSettings {}
        #[allow(unused_variables)]
        impl ::std::default::Default for StarfishEngineSettings {
            fn default() -> Self {
                Self {}
            }
        }
        impl StarfishEngineSettings {}
        #[allow(unused_variables)]
        impl ::std::convert::TryFrom<StarfishEngineSettings>
        for super::StarfishEngineSettings {
            type Error = super::error::ConversionError;
            fn try_from(
                value: StarfishEngineSettings,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {})
            }
        }
        #[allow(unused_variables)]
        impl ::std::convert::From<super::StarfishEngineSettings>
        for StarfishEngineSettings {
            fn from(value: super::StarfishEngineSettings) -> Self {
                Self {}
            }
        }
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
        #[derive(Clone, Debug)]
        pub struct VoiceSettingsInput {
            engine_settings: ::std::result::Result<
                ::std::option::Option<super::VoiceSettingsInputEngineSettings>,
                ::std::string::String,
            >,
            locale: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            pitch: ::std::result::Result<
                ::std::option::Option<f64>,
                ::std::string::String,
            >,
            speed: ::std::result::Result<
                ::std::option::Option<f64>,
                ::std::string::String,
            >,
            volume: ::std::result::Result<
                ::std::option::Option<f64>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for VoiceSettingsInput {
            fn default() -> Self {
                Self {
                    engine_settings: Ok(Default::default()),
                    locale: Ok(Default::default()),
                    pitch: Ok(::std::default::Default::default()),
                    speed: Ok(::std::default::Default::default()),
                    volume: Ok(::std::default::Default::default()),
                }
            }
        }
        impl VoiceSettingsInput {
            pub fn engine_settings<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::VoiceSettingsInputEngineSettings>,
                T::Error: ::std::fmt::Display,
            {
                self.engine_settings = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for engine_settings: {e}"
                        )
                    });
                self
            }
            pub fn locale<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.locale = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for locale: {e}")
                    });
                self
            }
            pub fn pitch<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f64>,
                T::Error: ::std::fmt::Display,
            {
                self.pitch = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for pitch: {e}")
                    });
                self
            }
            pub fn speed<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f64>,
                T::Error: ::std::fmt::Display,
            {
                self.speed = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for speed: {e}")
                    });
                self
            }
            pub fn volume<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<f64>,
                T::Error: ::std::fmt::Display,
            {
                self.volume = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for volume: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<VoiceSettingsInput> for super::VoiceSettingsInput {
            type Error = super::error::ConversionError;
            fn try_from(
                value: VoiceSettingsInput,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    engine_settings: value.engine_settings?,
                    locale: value.locale?,
                    pitch: value.pitch?,
                    speed: value.speed?,
                    volume: value.volume?,
                })
            }
        }
        impl ::std::convert::From<super::VoiceSettingsInput> for VoiceSettingsInput {
            fn from(value: super::VoiceSettingsInput) -> Self {
                Self {
                    engine_settings: Ok(value.engine_settings),
                    locale: Ok(value.locale),
                    pitch: Ok(value.pitch),
                    speed: Ok(value.speed),
                    volume: Ok(value.volume),
                }
            }
        }
    }
    /// Generation of default values for serde.
    pub mod defaults {
        pub(super) fn default_i64<T, const V: i64>() -> T
        where
            T: ::std::convert::TryFrom<i64>,
            <T as ::std::convert::TryFrom<i64>>::Error: ::std::fmt::Debug,
        {
            T::try_from(V).unwrap()
        }
        pub(super) fn create_avatar_video_response_output_format() -> super::VideoOutputFormat {
            super::VideoOutputFormat::Mp4
        }
        pub(super) fn create_video_from_avatar_output_format() -> super::VideoOutputFormat {
            super::VideoOutputFormat::Mp4
        }
        pub(super) fn create_video_from_image_output_format() -> super::VideoOutputFormat {
            super::VideoOutputFormat::Mp4
        }
        pub(super) fn voice_settings_input_pitch() -> f64 {
            0_f64
        }
        pub(super) fn voice_settings_input_speed() -> f64 {
            1_f64
        }
        pub(super) fn voice_settings_input_volume() -> f64 {
            1_f64
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
    impl<'de> ::serde::Deserialize<'de> for CreateVideoFromImageImage {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            match value.get("type").and_then(::serde_json::Value::as_str) {
                ::std::option::Option::Some("url") => {
                    ::serde_json::from_value(value)
                        .map(Self::Url)
                        .map_err(::serde::de::Error::custom)
                }
                ::std::option::Option::Some("asset_id") => {
                    ::serde_json::from_value(value)
                        .map(Self::Id)
                        .map_err(::serde::de::Error::custom)
                }
                ::std::option::Option::Some("base64") => {
                    ::serde_json::from_value(value)
                        .map(Self::Base64)
                        .map_err(::serde::de::Error::custom)
                }
                _ => ::std::result::Result::Ok(Self::Unknown(value)),
            }
        }
    }
    impl<'de> ::serde::Deserialize<'de> for CreateVideoV3RequestBody {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            match value.get("type").and_then(::serde_json::Value::as_str) {
                ::std::option::Option::Some("avatar") => {
                    ::serde_json::from_value(value)
                        .map(Self::Avatar)
                        .map_err(::serde::de::Error::custom)
                }
                ::std::option::Option::Some("image") => {
                    ::serde_json::from_value(value)
                        .map(Self::Image)
                        .map_err(::serde::de::Error::custom)
                }
                _ => ::std::result::Result::Ok(Self::Unknown(value)),
            }
        }
    }
    impl<'de> ::serde::Deserialize<'de> for VoiceSettingsInputEngineSettings {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(
                deserializer,
            )?;
            match value.get("engine_type").and_then(::serde_json::Value::as_str) {
                ::std::option::Option::Some("elevenlabs") => {
                    ::serde_json::from_value(value)
                        .map(Self::ElevenLabsEngineSettings)
                        .map_err(::serde::de::Error::custom)
                }
                ::std::option::Option::Some("fish") => {
                    ::serde_json::from_value(value)
                        .map(Self::FishEngineSettings)
                        .map_err(::serde::de::Error::custom)
                }
                ::std::option::Option::Some("starfish") => {
                    ::serde_json::from_value(value)
                        .map(Self::StarfishEngineSettings)
                        .map_err(::serde::de::Error::custom)
                }
                _ => ::std::result::Result::Ok(Self::Unknown(value)),
            }
        }
    }
    impl ::serde::Serialize for CreateVideoFromImageImage {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            match self {
                Self::Url(payload) => {
                    crate::runtime::__private::serialize_tagged(
                        serializer,
                        "type",
                        "url",
                        payload,
                    )
                }
                Self::Id(payload) => {
                    crate::runtime::__private::serialize_tagged(
                        serializer,
                        "type",
                        "asset_id",
                        payload,
                    )
                }
                Self::Base64(payload) => {
                    crate::runtime::__private::serialize_tagged(
                        serializer,
                        "type",
                        "base64",
                        payload,
                    )
                }
                Self::Unknown(value) => ::serde::Serialize::serialize(value, serializer),
            }
        }
    }
    impl ::serde::Serialize for CreateVideoV3RequestBody {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            match self {
                Self::Avatar(payload) => {
                    crate::runtime::__private::serialize_tagged(
                        serializer,
                        "type",
                        "avatar",
                        payload,
                    )
                }
                Self::Image(payload) => {
                    crate::runtime::__private::serialize_tagged(
                        serializer,
                        "type",
                        "image",
                        payload,
                    )
                }
                Self::Unknown(value) => ::serde::Serialize::serialize(value, serializer),
            }
        }
    }
    impl ::serde::Serialize for VoiceSettingsInputEngineSettings {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            match self {
                Self::ElevenLabsEngineSettings(payload) => {
                    crate::runtime::__private::serialize_tagged(
                        serializer,
                        "engine_type",
                        "elevenlabs",
                        payload,
                    )
                }
                Self::FishEngineSettings(payload) => {
                    crate::runtime::__private::serialize_tagged(
                        serializer,
                        "engine_type",
                        "fish",
                        payload,
                    )
                }
                Self::StarfishEngineSettings(payload) => {
                    crate::runtime::__private::serialize_tagged(
                        serializer,
                        "engine_type",
                        "starfish",
                        payload,
                    )
                }
                Self::Unknown(value) => ::serde::Serialize::serialize(value, serializer),
            }
        }
    }
    impl ::std::fmt::Display for CreateVideoFromAvatarScript {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl ::std::fmt::Display for CreateVideoFromImageScript {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl CreateAvatarVideoResponse {
        ///`output_format` as set, or the default the server applies when it is not sent.
        pub fn output_format_or_default(&self) -> VideoOutputFormat {
            self.output_format
                .clone()
                .unwrap_or_else(defaults::create_avatar_video_response_output_format)
        }
    }
    impl CreateVideoFromAvatar {
        ///`output_format` as set, or the default the server applies when it is not sent.
        pub fn output_format_or_default(&self) -> VideoOutputFormat {
            self.output_format
                .clone()
                .unwrap_or_else(defaults::create_video_from_avatar_output_format)
        }
    }
    impl CreateVideoFromImage {
        ///`output_format` as set, or the default the server applies when it is not sent.
        pub fn output_format_or_default(&self) -> VideoOutputFormat {
            self.output_format
                .clone()
                .unwrap_or_else(defaults::create_video_from_image_output_format)
        }
    }
    impl VoiceSettingsInput {
        ///`pitch` as set, or the default the server applies when it is not sent.
        pub fn pitch_or_default(&self) -> f64 {
            self.pitch.clone().unwrap_or_else(defaults::voice_settings_input_pitch)
        }
        ///`speed` as set, or the default the server applies when it is not sent.
        pub fn speed_or_default(&self) -> f64 {
            self.speed.clone().unwrap_or_else(defaults::voice_settings_input_speed)
        }
        ///`volume` as set, or the default the server applies when it is not sent.
        pub fn volume_or_default(&self) -> f64 {
            self.volume.clone().unwrap_or_else(defaults::voice_settings_input_volume)
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
    /**Stop Video Agent Session

Halts an active agent run at its next checkpoint. Partial results are preserved.

Sends a `POST` request to `/v3/video-agents/{session_id}/stop`

Arguments:
- `session_id`: Session ID
- `idempotency_key`: Sent as given. HeyGen does not document this operation as honouring an `Idempotency-Key`, so setting one does not make the client retry it after a 5xx (unless the client trusts caller keys), and the client sets none itself.
- `body`
```text
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
    /**Create Video

Creates a video from a HeyGen avatar or an arbitrary image. Supports scripts or pre-recorded audio for lip-sync. Supports the Avatar IV engine and the upcoming Avatar V, while Avatar III video generation requires the legacy API (v1 or v2).

Sends a `POST` request to `/v3/videos`

Arguments:
- `idempotency_key`: Sent as given. HeyGen does not document this operation as honouring an `Idempotency-Key`, so setting one does not make the client retry it after a 5xx (unless the client trusts caller keys), and the client sets none itself.
- `body`
```text
let response = client.create_video()
    .idempotency_key(idempotency_key)
    .body(body)
    .send()
    .await;
```*/
    /**

**Retries:** not idempotent. HeyGen does not document `Idempotency-Key` here, so the client retries it only after a 429 or when nothing was sent (connection refused, DNS, TLS). After a 5xx or a lost connection the call may have done its work: check before sending it again.*/
    pub fn create_video(&self) -> builder::CreateVideo<'_> {
        builder::CreateVideo::new(self)
    }
    /**Get Video

Returns details for a video including status, video_url, thumbnail_url, duration, and failure info if applicable.

Sends a `GET` request to `/v3/videos/{video_id}`

Arguments:
- `video_id`: Unique video identifier
```text
let response = client.get_video_v3()
    .video_id(video_id)
    .send()
    .await;
```*/
    /**

**Retries:** idempotent by method. The client retries it after a 429, a 5xx, a 409 `request_in_progress` or a lost connection.*/
    pub fn get_video_v3(&self) -> builder::GetVideoV3<'_> {
        builder::GetVideoV3::new(self)
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
        options: crate::runtime::__private::CallOptions,
    }
    impl<'a> StopVideoAgentSession<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                session_id: Err(::std::string::String::new()),
                idempotency_key: Ok(None),
                body: Ok(::std::default::Default::default()),
                options: ::std::default::Default::default(),
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
            mut self,
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
                options: ::std::mem::take(&mut self.options),
            };
            let deadline = call.options.deadline_value();
            crate::runtime::__private::send(
                &client.inner,
                deadline,
                async move {
                    let mut facts = ::std::option::Option::None;
                    let result = self.send_raw(call, &mut facts).await;
                    (facts, result)
                },
            )
        }
        async fn send_raw(
            self,
            call: crate::runtime::__private::CallSpec,
            facts: &mut ::std::option::Option<crate::runtime::__private::CallFacts>,
        ) -> ::std::result::Result<
            crate::runtime::__private::Response<types::StopVideoAgentSessionResponse>,
            progenitor_client::Error<()>,
        > {
            let Self { client, session_id, idempotency_key, body, .. } = self;
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
            crate::runtime::__private::pre(&client.inner, &mut request, &call)?;
            let result = crate::runtime::__private::exec(
                    &client.inner,
                    &client.client,
                    request,
                    &call,
                    ::std::option::Option::Some(&build_request),
                    facts,
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
        /// How long each attempt of this call may take, instead of the client's timeout.
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.options = self.options.timeout(timeout);
            self
        }
        /// How long this call may take in all, retries included, instead of the client's deadline.
        pub fn deadline(mut self, deadline: ::std::time::Duration) -> Self {
            self.options = self.options.deadline(deadline);
            self
        }
        /// How many times this call may be sent again, instead of the client's limit.
        pub fn max_retries(mut self, retries: u32) -> Self {
            self.options = self.options.max_retries(retries);
            self
        }
        /// Adds a header to this call; see [`CallOptions::header`](crate::CallOptions::header) for the headers it refuses.
        pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
            self.options = self.options.header(name, value);
            self
        }
        /// Replaces this call's options with `options`.
        pub fn call_options(
            mut self,
            options: crate::runtime::__private::CallOptions,
        ) -> Self {
            self.options = options;
            self
        }
    }
    /**Builder for [`Client::create_video`]

[`Client::create_video`]: super::Client::create_video*/
    #[derive(Debug, Clone)]
    pub struct CreateVideo<'a> {
        client: &'a super::Client,
        idempotency_key: Result<Option<::std::string::String>, String>,
        body: Result<types::CreateVideoV3RequestBody, String>,
        options: crate::runtime::__private::CallOptions,
    }
    impl<'a> CreateVideo<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                idempotency_key: Ok(None),
                body: Err(::std::string::String::new()),
                options: ::std::default::Default::default(),
            }
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
            V: std::convert::TryInto<types::CreateVideoV3RequestBody>,
        {
            self.body = value
                .try_into()
                .map_err(|_| {
                    "conversion to `CreateVideoV3RequestBody` for body failed"
                        .to_string()
                });
            self
        }
        ///Sends a `POST` request to `/v3/videos`
        /**

**Retries:** not idempotent. HeyGen does not document `Idempotency-Key` here, so the client retries it only after a 429 or when nothing was sent (connection refused, DNS, TLS). After a 5xx or a lost connection the call may have done its work: check before sending it again.*/
        #[inline]
        pub fn send(
            mut self,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<
                crate::runtime::__private::Response<types::CreateVideoResponse>,
                crate::runtime::__private::Error,
            >,
        > + 'a {
            let client = self.client;
            let call = crate::runtime::__private::CallSpec {
                operation_id: "create_video",
                class: crate::runtime::__private::RetryClass::NonIdempotent,
                options: ::std::mem::take(&mut self.options),
            };
            let deadline = call.options.deadline_value();
            crate::runtime::__private::send(
                &client.inner,
                deadline,
                async move {
                    let mut facts = ::std::option::Option::None;
                    let result = self.send_raw(call, &mut facts).await;
                    (facts, result)
                },
            )
        }
        async fn send_raw(
            self,
            call: crate::runtime::__private::CallSpec,
            facts: &mut ::std::option::Option<crate::runtime::__private::CallFacts>,
        ) -> ::std::result::Result<
            crate::runtime::__private::Response<types::CreateVideoResponse>,
            progenitor_client::Error<()>,
        > {
            let Self { client, idempotency_key, body, .. } = self;
            let idempotency_key = idempotency_key.map_err(Error::InvalidRequest)?;
            let body = body
                .map_err(|e: ::std::string::String| Error::InvalidRequest(
                    if e.is_empty() { "body was not initialized".to_string() } else { e },
                ))?;
            let build_request = || -> ::std::result::Result<
                reqwest::Request,
                progenitor_client::Error<()>,
            > {
                let url = crate::runtime::__private::url(
                    &client.baseurl,
                    &client.inner,
                    format_args!("/v3/videos"),
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
            crate::runtime::__private::pre(&client.inner, &mut request, &call)?;
            let result = crate::runtime::__private::exec(
                    &client.inner,
                    &client.client,
                    request,
                    &call,
                    ::std::option::Option::Some(&build_request),
                    facts,
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
        /// How long each attempt of this call may take, instead of the client's timeout.
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.options = self.options.timeout(timeout);
            self
        }
        /// How long this call may take in all, retries included, instead of the client's deadline.
        pub fn deadline(mut self, deadline: ::std::time::Duration) -> Self {
            self.options = self.options.deadline(deadline);
            self
        }
        /// How many times this call may be sent again, instead of the client's limit.
        pub fn max_retries(mut self, retries: u32) -> Self {
            self.options = self.options.max_retries(retries);
            self
        }
        /// Adds a header to this call; see [`CallOptions::header`](crate::CallOptions::header) for the headers it refuses.
        pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
            self.options = self.options.header(name, value);
            self
        }
        /// Replaces this call's options with `options`.
        pub fn call_options(
            mut self,
            options: crate::runtime::__private::CallOptions,
        ) -> Self {
            self.options = options;
            self
        }
    }
    /**Builder for [`Client::get_video_v3`]

[`Client::get_video_v3`]: super::Client::get_video_v3*/
    #[derive(Debug, Clone)]
    pub struct GetVideoV3<'a> {
        client: &'a super::Client,
        video_id: Result<::std::string::String, String>,
        options: crate::runtime::__private::CallOptions,
    }
    impl<'a> GetVideoV3<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                video_id: Err(::std::string::String::new()),
                options: ::std::default::Default::default(),
            }
        }
        pub fn video_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.video_id = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for video_id failed"
                        .to_string()
                });
            self
        }
        ///Sends a `GET` request to `/v3/videos/{video_id}`
        /**

**Retries:** idempotent by method. The client retries it after a 429, a 5xx, a 409 `request_in_progress` or a lost connection.*/
        #[inline]
        pub fn send(
            mut self,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<
                crate::runtime::__private::Response<types::GetVideoV3Response>,
                crate::runtime::__private::Error,
            >,
        > + 'a {
            let client = self.client;
            let call = crate::runtime::__private::CallSpec {
                operation_id: "get_video_v3",
                class: crate::runtime::__private::RetryClass::Idempotent,
                options: ::std::mem::take(&mut self.options),
            };
            let deadline = call.options.deadline_value();
            crate::runtime::__private::send(
                &client.inner,
                deadline,
                async move {
                    let mut facts = ::std::option::Option::None;
                    let result = self.send_raw(call, &mut facts).await;
                    (facts, result)
                },
            )
        }
        async fn send_raw(
            self,
            call: crate::runtime::__private::CallSpec,
            facts: &mut ::std::option::Option<crate::runtime::__private::CallFacts>,
        ) -> ::std::result::Result<
            crate::runtime::__private::Response<types::GetVideoV3Response>,
            progenitor_client::Error<()>,
        > {
            let Self { client, video_id, .. } = self;
            let video_id = video_id
                .map_err(|e: ::std::string::String| Error::InvalidRequest(
                    if e.is_empty() {
                        "video_id was not initialized".to_string()
                    } else {
                        e
                    },
                ))?;
            let build_request = || -> ::std::result::Result<
                reqwest::Request,
                progenitor_client::Error<()>,
            > {
                let url = crate::runtime::__private::url(
                    &client.baseurl,
                    &client.inner,
                    format_args!("/v3/videos/{}", encode_path(& video_id)),
                )?;
                let mut header_map = ::reqwest::header::HeaderMap::new();
                #[allow(unused_mut)]
                let mut request = crate::runtime::__private::merge_headers(
                        client
                            .client
                            .get(url)
                            .header(
                                ::reqwest::header::ACCEPT,
                                ::reqwest::header::HeaderValue::from_static(
                                    "application/json",
                                ),
                            ),
                        header_map,
                    )
                    .build()?;
                ::std::result::Result::Ok(request)
            };
            let mut request = build_request()?;
            crate::runtime::__private::pre(&client.inner, &mut request, &call)?;
            let result = crate::runtime::__private::exec(
                    &client.inner,
                    &client.client,
                    request,
                    &call,
                    ::std::option::Option::Some(&build_request),
                    facts,
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
        /// How long each attempt of this call may take, instead of the client's timeout.
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.options = self.options.timeout(timeout);
            self
        }
        /// How long this call may take in all, retries included, instead of the client's deadline.
        pub fn deadline(mut self, deadline: ::std::time::Duration) -> Self {
            self.options = self.options.deadline(deadline);
            self
        }
        /// How many times this call may be sent again, instead of the client's limit.
        pub fn max_retries(mut self, retries: u32) -> Self {
            self.options = self.options.max_retries(retries);
            self
        }
        /// Adds a header to this call; see [`CallOptions::header`](crate::CallOptions::header) for the headers it refuses.
        pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
            self.options = self.options.header(name, value);
            self
        }
        /// Replaces this call's options with `options`.
        pub fn call_options(
            mut self,
            options: crate::runtime::__private::CallOptions,
        ) -> Self {
            self.options = options;
            self
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
    /**Upload Asset

Sends a `POST` request to `/v3/assets` as `multipart/form-data`.

Form fields:
- `file` (file, required)

**Retries:** not idempotent. HeyGen does not document `Idempotency-Key` here, so the client retries it only after a 429 or when nothing was sent (connection refused, DNS, TLS). After a 5xx or a lost connection the call may have done its work: check before sending it again. A form read from a path or from bytes is built again for a retry; one with a reader is sent once.*/
    pub fn upload_asset(
        &self,
    ) -> crate::runtime::__private::MultipartRequest<
        '_,
        Self,
        types::UploadAssetResponse,
    > {
        let url = crate::runtime::__private::url(
            &self.baseurl,
            &self.inner,
            format_args!("/v3/assets",),
        );
        let call = crate::runtime::__private::CallSpec {
            operation_id: "upload_asset",
            class: crate::runtime::__private::RetryClass::NonIdempotent,
            options: ::std::default::Default::default(),
        };
        crate::runtime::__private::MultipartRequest::new(
            self,
            "POST",
            url,
            call,
            &["file"],
        )
    }
}
impl crate::runtime::__private::Envelope for types::StopVideoAgentSessionResponse {
    type Data = types::StopSessionResponse;
    fn into_data(self) -> ::std::option::Option<Self::Data> {
        self.data
    }
}
impl crate::runtime::__private::Envelope for types::CreateVideoResponse {
    type Data = types::CreateAvatarVideoResponse;
    fn into_data(self) -> ::std::option::Option<Self::Data> {
        self.data
    }
}
impl crate::runtime::__private::Envelope for types::GetVideoV3Response {
    type Data = types::VideoDetail;
    fn into_data(self) -> ::std::option::Option<Self::Data> {
        self.data
    }
}
impl crate::runtime::__private::Envelope for types::UploadAssetResponse {
    type Data = types::UploadAssetV3Response;
    fn into_data(self) -> ::std::option::Option<Self::Data> {
        self.data
    }
}
impl crate::runtime::__private::Job for types::VideoDetail {
    fn status(&self) -> ::std::option::Option<::std::string::String> {
        Some(self.status.to_string())
    }
    fn progress(&self) -> ::std::option::Option<f64> {
        None
    }
    fn known_statuses() -> &'static [&'static str] {
        &["pending", "processing", "completed", "failed"]
    }
    fn terminal_statuses() -> &'static [&'static str] {
        &[]
    }
    fn id(&self) -> ::std::option::Option<::std::string::String> {
        ::std::option::Option::Some(self.id.clone())
    }
    fn failure_code(&self) -> ::std::option::Option<::std::string::String> {
        self.failure_code.as_ref().cloned()
    }
    fn failure_message(&self) -> ::std::option::Option<::std::string::String> {
        self.failure_message.as_ref().cloned()
    }
    fn output_url(&self) -> ::std::option::Option<::std::string::String> {
        self.video_url.as_ref().cloned()
    }
    fn has_output_url() -> bool {
        true
    }
}
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
