//! Bytes → `load_str` → `generate` when the document loads. Any panic or
//! stack overflow is a finding; errors are expected.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(spec) = heygen_api_gen::load_str(text, "fuzz.yaml") {
        // progenitor's own panics are caught inside `generate` and become a
        // `GenError`; anything else escaping is a finding.
        let _ = heygen_api_gen::generate(&spec, &heygen_api_gen::Options::default());
    }
});
