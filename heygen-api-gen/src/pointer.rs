//! JSON pointers (RFC 6901) and the URI fragments of local references: the
//! one place that escapes, splits and decodes them.

/// Appends one reference token to a JSON pointer, escaping as RFC 6901 says.
pub(crate) fn child(pointer: &str, token: &str) -> String {
    let escaped = token.replace('~', "~0").replace('/', "~1");
    format!("{pointer}/{escaped}")
}

/// Splits a pointer into its unescaped reference tokens.
pub(crate) fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The pointer of an operation: `/paths/~1v1~1videos/get`.
pub(crate) fn operation(path: &str, method: &str) -> String {
    child(&child("/paths", path), method)
}

/// The JSON pointer a local reference names: `#/components/schemas/A%20B`
/// is `/components/schemas/A B`. `None` for a reference that does not start
/// with `#` (another document, which this crate does not read). The one
/// percent-decoder of the crate.
pub(crate) fn of_reference(reference: &str) -> Option<String> {
    let fragment = reference.strip_prefix('#')?;
    Some(
        percent_encoding::percent_decode_str(fragment)
            .decode_utf8_lossy()
            .into_owned(),
    )
}
