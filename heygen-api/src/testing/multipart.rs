//! Just enough of `multipart/form-data` for the stand-in's upload route:
//! the parts of a whole body in memory.

/// One part of a form.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Part {
    pub(super) content_type: Option<String>,
    pub(super) file_name: Option<String>,
    pub(super) bytes: Vec<u8>,
}

/// The part named `name` of a `multipart/form-data` body, if the body is
/// one and has it.
pub(super) fn file_part(content_type: &str, body: &[u8], name: &str) -> Option<Part> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    let boundary = params.split(';').find_map(|p| {
        let (key, value) = p.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_string())
    })?;
    let delimiter = format!("--{boundary}");
    let mut rest = body;
    // Everything before the first delimiter is preamble.
    rest = &rest[find(rest, delimiter.as_bytes())? + delimiter.len()..];
    loop {
        if rest.starts_with(b"--") {
            return None;
        }
        let rest_after_crlf = rest.strip_prefix(b"\r\n")?;
        let head_end = find(rest_after_crlf, b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&rest_after_crlf[..head_end]).into_owned();
        let content = &rest_after_crlf[head_end + 4..];
        let end_marker = format!("\r\n{delimiter}");
        let end = find(content, end_marker.as_bytes())?;
        let mut part_name = None;
        let mut file_name = None;
        let mut part_type = None;
        for line in head.split("\r\n") {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            if key.trim().eq_ignore_ascii_case("content-disposition") {
                part_name = param(value, "name");
                file_name = param(value, "filename");
            } else if key.trim().eq_ignore_ascii_case("content-type") {
                part_type = Some(value.trim().to_string());
            }
        }
        if part_name.as_deref() == Some(name) {
            return Some(Part {
                content_type: part_type,
                file_name,
                bytes: content[..end].to_vec(),
            });
        }
        rest = &content[end + end_marker.len()..];
    }
}

/// `key="value"` (or unquoted) among a header's `;`-separated parameters.
fn param(header: &str, key: &str) -> Option<String> {
    header.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_named_part() {
        let body = b"preamble\r\n--XY\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhello\r\n--XY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--XY--\r\n";
        let part = file_part("multipart/form-data; boundary=XY", body, "file").unwrap();
        assert_eq!(part.bytes, b"\x89PNG");
        assert_eq!(part.file_name.as_deref(), Some("a.png"));
        assert_eq!(part.content_type.as_deref(), Some("image/png"));
        assert!(file_part("multipart/form-data; boundary=XY", body, "other").is_none());
        assert!(file_part("application/json", body, "file").is_none());
        assert!(file_part("multipart/form-data; boundary=XY", b"--XY", "file").is_none());
    }
}
