//! Bytes → `serde_json::from_slice` into the fixture client's generated
//! response types; what decodes must serialize and decode again.
#![no_main]

use heygen_fixture_client::types;
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use serde::Serialize;

fn check<T: DeserializeOwned + Serialize>(data: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<T>(data) {
        let json = serde_json::to_value(&value).expect("a decoded value serializes");
        let again: T = serde_json::from_value(json.clone()).expect("a serialized value decodes again");
        assert_eq!(serde_json::to_value(&again).expect("serializes"), json, "round trip changed the value");
    }
}

fuzz_target!(|data: &[u8]| {
    check::<types::GetRenderResponse>(data);
    check::<types::ListRendersResponse>(data);
    check::<types::RenderDetail>(data);
    check::<types::MediaInput>(data);
    check::<types::ClipSource>(data);
    check::<types::RenderSceneCharacter>(data);
    check::<types::GetClipResponse>(data);
    check::<types::GetWebhookEventResponse>(data);
});
