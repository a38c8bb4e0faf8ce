//! One run of progenitor and typify, their panics and multi-line messages
//! turned into one-line errors.

use proc_macro2::TokenStream;
use serde_json::Value;

/// progenitor's client and, when asked for, its mocks.
pub(crate) type Tokens = (TokenStream, Option<TokenStream>);

/// Runs progenitor (and its mocks) on a prepared document; the error is
/// progenitor's or typify's own message.
pub(super) fn run_progenitor(
    doc: &Value,
    settings: &progenitor_impl::GenerationSettings,
    mocks: bool,
) -> std::result::Result<Tokens, String> {
    let openapi: openapiv3::OpenAPI = serde_json::from_value(doc.clone())
        .map_err(|e| format!("not valid OpenAPI 3.0 once normalised: {e}"))?;
    let mut generator = progenitor_impl::Generator::new(settings);
    let tokens = guarded(|| generator.generate_tokens(&openapi))?;
    let mock_tokens = if mocks {
        Some(guarded(|| generator.httpmock(&openapi, "crate"))?)
    } else {
        None
    };
    Ok((tokens, mock_tokens))
}

/// progenitor reports some unsupported shapes by panicking; turn that into
/// an error message.
fn guarded<T>(f: impl FnOnce() -> progenitor_impl::Result<T>) -> std::result::Result<T, String> {
    let previous = std::panic::take_hook();
    if std::env::var_os("HEYGEN_GEN_PANICS").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(previous);
    match outcome {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(tidy(&e.to_string())),
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown cause");
            Err(tidy(what))
        }
    }
}

/// typify's messages can be a multi-line `Debug` dump of a schema; the
/// pointer says where, so one line of it is enough.
fn tidy(message: &str) -> String {
    let flat: String = message.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 160 {
        format!("{}...", flat.chars().take(160).collect::<String>())
    } else {
        flat
    }
}

/// Removes the operation `method` of `path` from the document.
pub(crate) fn drop_operation(doc: &mut Value, path: &str, method: &str) {
    if let Some(item) = doc
        .get_mut("paths")
        .and_then(|p| p.get_mut(path))
        .and_then(Value::as_object_mut)
    {
        item.remove(method);
    }
}
