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
        crate::runtime::__private::type_builder!(
            AssetBase64 { data : ::std::string::String = Err("no value supplied for data"
            .to_string()) => plain(::std::string::String), media_type :
            ::std::string::String = Err("no value supplied for media_type".to_string())
            => plain(::std::string::String) }
        );
        crate::runtime::__private::type_builder!(
            AssetId { asset_id : ::std::string::String =
            Err("no value supplied for asset_id".to_string()) =>
            plain(::std::string::String) }
        );
        crate::runtime::__private::type_builder!(
            AssetUrl { url : ::std::string::String = Err("no value supplied for url"
            .to_string()) => plain(::std::string::String) }
        );
        crate::runtime::__private::type_builder!(
            BackgroundSetting { asset_id : ::std::option::Option < ::std::string::String
            > = Ok(Default::default()) => some(::std::string::String), type_ :
            super::BackgroundSettingType = Err("no value supplied for type_".to_string())
            => plain(super::BackgroundSettingType), url : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), value : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String) }
        );
        crate::runtime::__private::type_builder!(
            CreateVideoFromAvatar { aspect_ratio : ::std::option::Option <
            super::VideoAspectRatio > = Ok(Default::default()) =>
            some(super::VideoAspectRatio), audio_asset_id : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), audio_url : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), avatar_id : ::std::string::String =
            Err("no value supplied for avatar_id".to_string()) =>
            plain(::std::string::String), background : ::std::option::Option <
            super::BackgroundSetting > = Ok(Default::default()) =>
            some(super::BackgroundSetting), callback_id : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), callback_url : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), expressiveness : ::std::option::Option <
            super::Expressiveness > = Ok(Default::default()) =>
            some(super::Expressiveness), motion_prompt : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), output_format : ::std::option::Option <
            super::VideoOutputFormat > = Ok(::std::default::Default::default()) =>
            some(super::VideoOutputFormat), remove_background : ::std::option::Option <
            bool > = Ok(Default::default()) => some(bool), resolution :
            ::std::option::Option < super::VideoResolution > = Ok(Default::default()) =>
            some(super::VideoResolution), script : ::std::option::Option <
            super::CreateVideoFromAvatarScript > = Ok(Default::default()) =>
            some(super::CreateVideoFromAvatarScript), title : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), voice_id : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), voice_settings : ::std::option::Option <
            super::VoiceSettingsInput > = Ok(Default::default()) =>
            some(super::VoiceSettingsInput) }
        );
        crate::runtime::__private::type_builder!(
            CreateVideoFromImage { aspect_ratio : ::std::option::Option <
            super::VideoAspectRatio > = Ok(Default::default()) =>
            some(super::VideoAspectRatio), audio_asset_id : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), audio_url : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), background : ::std::option::Option <
            super::BackgroundSetting > = Ok(Default::default()) =>
            some(super::BackgroundSetting), callback_id : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), callback_url : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), expressiveness : ::std::option::Option <
            super::Expressiveness > = Ok(Default::default()) =>
            some(super::Expressiveness), image : super::CreateVideoFromImageImage =
            Err("no value supplied for image".to_string()) =>
            plain(super::CreateVideoFromImageImage), motion_prompt :
            ::std::option::Option < ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), output_format : ::std::option::Option <
            super::VideoOutputFormat > = Ok(::std::default::Default::default()) =>
            some(super::VideoOutputFormat), remove_background : ::std::option::Option <
            bool > = Ok(Default::default()) => some(bool), resolution :
            ::std::option::Option < super::VideoResolution > = Ok(Default::default()) =>
            some(super::VideoResolution), script : ::std::option::Option <
            super::CreateVideoFromImageScript > = Ok(Default::default()) =>
            some(super::CreateVideoFromImageScript), title : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), voice_id : ::std::option::Option <
            ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), voice_settings : ::std::option::Option <
            super::VoiceSettingsInput > = Ok(Default::default()) =>
            some(super::VoiceSettingsInput) }
        );
        crate::runtime::__private::type_builder!(
            ElevenLabsEngineSettings { model : ::std::option::Option <
            super::ElevenLabsModel > = Ok(Default::default()) =>
            some(super::ElevenLabsModel), similarity_boost : ::std::option::Option < f64
            > = Ok(Default::default()) => some(f64), stability : ::std::option::Option <
            f64 > = Ok(Default::default()) => some(f64), style : ::std::option::Option <
            f64 > = Ok(Default::default()) => some(f64), use_speaker_boost :
            ::std::option::Option < bool > = Ok(Default::default()) => some(bool) }
        );
        crate::runtime::__private::type_builder!(
            FishEngineSettings { model : ::std::option::Option < super::FishModel > =
            Ok(Default::default()) => some(super::FishModel), similarity :
            ::std::option::Option < f64 > = Ok(Default::default()) => some(f64),
            stability : ::std::option::Option < f64 > = Ok(Default::default()) =>
            some(f64) }
        );
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
        crate::runtime::__private::type_builder!(
            VoiceSettingsInput { engine_settings : ::std::option::Option <
            super::VoiceSettingsInputEngineSettings > = Ok(Default::default()) =>
            some(super::VoiceSettingsInputEngineSettings), locale : ::std::option::Option
            < ::std::string::String > = Ok(Default::default()) =>
            some(::std::string::String), pitch : ::std::option::Option < f64 > =
            Ok(::std::default::Default::default()) => some(f64), speed :
            ::std::option::Option < f64 > = Ok(::std::default::Default::default()) =>
            some(f64), volume : ::std::option::Option < f64 > =
            Ok(::std::default::Default::default()) => some(f64) }
        );
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

**Retries:** not idempotent. HeyGen does not document `Idempotency-Key` here, so the client retries it only after a 429 or when nothing was sent (connection refused, DNS, TLS). After a 5xx or a lost connection the call may have done its work: check before sending it again.*/
    pub fn create_video(&self) -> builder::CreateVideo<'_> {
        builder::CreateVideo::new(self)
    }
    /**Get Video

Returns details for a video including status, video_url, thumbnail_url, duration, and failure info if applicable.

Sends a `GET` request to `/v3/videos/{video_id}`

Arguments:
- `video_id`: Unique video identifier

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
    crate::runtime::__private::operation_builder! {
        #[doc =
        "Builder for [`Client::stop_video_agent_session`]\n\n[`Client::stop_video_agent_session`]: super::Client::stop_video_agent_session"]
        StopVideoAgentSession, options { session_id : ::std::string::String =
        Err(::std::string::String::new()) => plain(::std::string::String),
        idempotency_key : Option < ::std::string::String > = Ok(None) =>
        some(::std::string::String), body : types::builder::StopSessionRequest =
        Ok(::std::default::Default::default()) => body(types::StopSessionRequest,
        types::builder::StopSessionRequest) } options(timeout, deadline, max_retries,
        header, call_options)
    }
    impl<'a> StopVideoAgentSession<'a> {
        ///Sends a `POST` request to `/v3/video-agents/{session_id}/stop`
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
            let Self { client, session_id, idempotency_key, body, options } = self;
            let body = body
                .and_then(|v| {
                    types::StopSessionRequest::try_from(v).map_err(|e| e.to_string())
                });
            crate::runtime::__private::operation(
                client,
                "stop_video_agent_session",
                crate::runtime::__private::RetryClass::NonIdempotent,
                options,
                |status| matches!(status, 200u16),
                crate::runtime::__private::Response::from_response,
                move || {
                    let session_id = crate::runtime::__private::valid(
                        &session_id,
                        "session_id was not initialized",
                    )?;
                    let idempotency_key = crate::runtime::__private::valid(
                        &idempotency_key,
                        "",
                    )?;
                    let body = crate::runtime::__private::valid(&body, "")?;
                    let url = crate::runtime::__private::url(
                        &client.baseurl,
                        &client.inner,
                        format_args!(
                            "/v3/video-agents/{}/stop", encode_path(& session_id)
                        ),
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
        "Builder for [`Client::create_video`]\n\n[`Client::create_video`]: super::Client::create_video"]
        CreateVideo, options { idempotency_key : Option < ::std::string::String > =
        Ok(None) => some(::std::string::String), body : types::CreateVideoV3RequestBody =
        Err(::std::string::String::new()) => plain(types::CreateVideoV3RequestBody) }
        options(timeout, deadline, max_retries, header, call_options)
    }
    impl<'a> CreateVideo<'a> {
        ///Sends a `POST` request to `/v3/videos`
        #[inline]
        pub fn send(
            self,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<
                crate::runtime::__private::Response<types::CreateVideoResponse>,
                crate::runtime::__private::Error,
            >,
        > + 'a {
            let Self { client, idempotency_key, body, options } = self;
            crate::runtime::__private::operation(
                client,
                "create_video",
                crate::runtime::__private::RetryClass::NonIdempotent,
                options,
                |status| matches!(status, 200u16),
                crate::runtime::__private::Response::from_response,
                move || {
                    let idempotency_key = crate::runtime::__private::valid(
                        &idempotency_key,
                        "",
                    )?;
                    let body = crate::runtime::__private::valid(
                        &body,
                        "body was not initialized",
                    )?;
                    let url = crate::runtime::__private::url(
                        &client.baseurl,
                        &client.inner,
                        format_args!("/v3/videos"),
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
        "Builder for [`Client::get_video_v3`]\n\n[`Client::get_video_v3`]: super::Client::get_video_v3"]
        GetVideoV3, options { video_id : ::std::string::String =
        Err(::std::string::String::new()) => plain(::std::string::String) }
        options(timeout, deadline, max_retries, header, call_options)
    }
    impl<'a> GetVideoV3<'a> {
        ///Sends a `GET` request to `/v3/videos/{video_id}`
        #[inline]
        pub fn send(
            self,
        ) -> impl ::std::future::Future<
            Output = ::std::result::Result<
                crate::runtime::__private::Response<types::GetVideoV3Response>,
                crate::runtime::__private::Error,
            >,
        > + 'a {
            let Self { client, video_id, options } = self;
            crate::runtime::__private::operation(
                client,
                "get_video_v3",
                crate::runtime::__private::RetryClass::Idempotent,
                options,
                |status| matches!(status, 200u16),
                crate::runtime::__private::Response::from_response,
                move || {
                    let video_id = crate::runtime::__private::valid(
                        &video_id,
                        "video_id was not initialized",
                    )?;
                    let url = crate::runtime::__private::url(
                        &client.baseurl,
                        &client.inner,
                        format_args!("/v3/videos/{}", encode_path(& video_id)),
                    )?;
                    ::std::result::Result::Ok(client.client.get(url).build()?)
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
crate::runtime::__private::envelope!(
    types::StopVideoAgentSessionResponse => types::StopSessionResponse, | envelope |
    envelope.data
);
crate::runtime::__private::envelope!(
    types::CreateVideoResponse => types::CreateAvatarVideoResponse, | envelope | envelope
    .data
);
crate::runtime::__private::envelope!(
    types::GetVideoV3Response => types::VideoDetail, | envelope | envelope.data
);
crate::runtime::__private::envelope!(
    types::UploadAssetResponse => types::UploadAssetV3Response, | envelope | envelope
    .data
);
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
