//! A call's URL: the base URL the client parsed once, and the operation's
//! path with each parameter percent-encoded as one segment.

use super::config::Inner;

/// `builder.headers(map)`, skipped for an empty map: reqwest's merge walks
/// and drops even an empty one, on every call of every operation whose
/// optional headers are not set.
#[doc(hidden)]
#[inline]
pub fn merge_headers(
    builder: reqwest::RequestBuilder,
    map: reqwest::header::HeaderMap,
) -> reqwest::RequestBuilder {
    if map.is_empty() {
        builder
    } else {
        builder.headers(map)
    }
}

/// The URL of one call: the operation's `path` (its parameters already
/// encoded by [`encode_path`]) after the client's base URL `baseurl`.
///
/// The path is parsed against the base URL the client parsed once when it
/// was built, so scheme, host and port are not parsed again on every call
/// (reqwest, given the whole URL as text, would). A `baseurl` other than
/// the one the client was built with, or a path that would read as a host
/// (`//...`), is parsed whole instead.
#[doc(hidden)]
// The error type is progenitor's, fixed by the code that calls this.
#[allow(clippy::result_large_err)]
pub fn url<E>(
    baseurl: &str,
    inner: &Inner,
    path: std::fmt::Arguments<'_>,
) -> Result<reqwest::Url, progenitor_client::Error<E>> {
    use std::fmt::Write;
    let base = &inner.0.base;
    // Formatting fails only where `encode_path` refuses a segment.
    let unsendable = |_| {
        progenitor_client::Error::InvalidRequest(
            "a path parameter cannot be empty, `.` or `..`: it would not reach the server as one path segment".into(),
        )
    };
    let invalid = |e: &dyn std::fmt::Display| {
        progenitor_client::Error::InvalidRequest(format!("cannot make the request's URL: {e}"))
    };
    if baseurl == base.text {
        let stem = base.url.path().trim_end_matches('/');
        let mut relative = String::with_capacity(stem.len() + 64);
        relative.push_str(stem);
        relative.write_fmt(path).map_err(unsendable)?;
        if !relative.starts_with("//") {
            return reqwest::Url::options()
                .base_url(Some(&base.url))
                .parse(&relative)
                .map_err(|e| invalid(&e));
        }
    }
    let mut whole = String::with_capacity(baseurl.len() + 64);
    whole.push_str(baseurl);
    whole.write_fmt(path).map_err(unsendable)?;
    reqwest::Url::parse(&whole).map_err(|e| invalid(&e))
}

/// Percent-encodes one path segment so that it stays one segment: `/`, `?`,
/// `#`, `%`, spaces and non-ASCII are escaped. `""`, `.` and `..` cannot be
/// one segment at all: formatting one fails, and so does [`url`], before
/// anything is sent.
///
/// The encoding happens as the URL is formatted: no string is built for
/// the value or for its encoding.
#[doc(hidden)]
pub fn encode_path<T: std::fmt::Display + ?Sized>(value: &T) -> PathSegment<'_, T> {
    PathSegment(value)
}

/// A value as one percent-encoded path segment; see [`encode_path`].
#[doc(hidden)]
pub struct PathSegment<'a, T: ?Sized>(&'a T);

impl<T: std::fmt::Display + ?Sized> std::fmt::Debug for PathSegment<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The value as given: a refused one has no encoding to show.
        write!(f, "PathSegment({})", self.0)
    }
}

impl<T: std::fmt::Display + ?Sized> std::fmt::Display for PathSegment<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        let mut out = SegmentWriter {
            out: f,
            seen: 0,
            held_dots: 0,
        };
        write!(out, "{}", self.0)?;
        if out.seen == out.held_dots {
            // Nothing, `.` or `..`: held back so far, and never written.
            // Formatting fails, and `url` says why: there is no request.
            return Err(std::fmt::Error);
        }
        Ok(())
    }
}

/// Escapes what it is given into `out`. Leading dots are held back until
/// a byte that is not one arrives, so that `.` and `..` are never written.
struct SegmentWriter<'f, 'a> {
    out: &'f mut std::fmt::Formatter<'a>,
    seen: usize,
    held_dots: usize,
}

impl std::fmt::Write for SegmentWriter<'_, '_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() && bytes[i] == b'.' && self.seen == self.held_dots && self.seen < 2 {
            self.seen += 1;
            self.held_dots += 1;
            i += 1;
        }
        if i == bytes.len() {
            return Ok(());
        }
        if self.held_dots > 0 {
            self.out.write_str(&"..."[..self.held_dots])?;
            self.held_dots = 0;
        }
        self.seen += bytes.len() - i;
        let keep = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~' | b'.');
        let mut run = i;
        for (j, &b) in bytes.iter().enumerate().skip(i) {
            if keep(b) {
                continue;
            }
            // A run of kept bytes is ASCII, so it starts and ends on
            // character boundaries.
            if j > run {
                self.out.write_str(&s[run..j])?;
            }
            let escaped = [b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]];
            self.out
                .write_str(std::str::from_utf8(&escaped).map_err(|_| std::fmt::Error)?)?;
            run = j + 1;
        }
        match s.get(run..) {
            Some(rest) if !rest.is_empty() => self.out.write_str(rest),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the tests read for a segment `encode_path` refuses.
    const REFUSED: &str = "<refused>";

    fn encoded(value: &(impl std::fmt::Display + ?Sized)) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        match write!(out, "{}", encode_path(value)) {
            Ok(()) => out,
            Err(_) => REFUSED.to_string(),
        }
    }

    #[test]
    fn path_segments_stay_single() {
        assert_eq!(encoded("abc-123_x.y~"), "abc-123_x.y~");
        assert_eq!(encoded("a/b"), "a%2Fb");
        assert_eq!(encoded(".."), REFUSED);
        assert_eq!(encoded("."), REFUSED);
        assert_eq!(encoded(""), REFUSED);
        assert_eq!(encoded("..."), "...");
        assert_eq!(encoded(".a"), ".a");
        assert_eq!(encoded("..a"), "..a");
        assert_eq!(encoded("./"), ".%2F");
        assert_eq!(encoded("a!b"), "a%21b");
        assert_eq!(encoded("a?b#c%d e"), "a%3Fb%23c%25d%20e");
        assert_eq!(encoded("é"), "%C3%A9");
        assert_eq!(encoded(&42), "42");
        assert_eq!(encoded(&-1.5), "-1.5");
    }

    /// A call's URL, made from the path and the base URL parsed once, is the
    /// URL reqwest would have parsed from the two written one after the
    /// other; a path that would read as a host never makes one.
    #[test]
    fn urls_against_the_parsed_base_are_the_whole_urls() {
        use crate::runtime::GeneratedClient;
        let bases = [
            "http://127.0.0.1:8080",
            "https://api.heygen.com/",
            "http://h:1/prefix",
            "http://h:1/prefix/v/",
            "HTTP://Example.COM:80/A",
            "http://[::1]:9/p",
        ];
        let paths = [
            "/v3/video-agents/s/stop",
            "/v1/x/a%2Fb/c%20d",
            "/v2/%C3%A9/x",
            "/",
            "//elsewhere.example/v1/x",
        ];
        for base in bases {
            let client = crate::Client::builder()
                .api_key("k")
                .base_url(base)
                .build()
                .expect("client");
            let (text, inner) = (client.base_url(), client.inner());
            for path in paths {
                let made: reqwest::Url =
                    url::<()>(text, inner, format_args!("{path}")).expect("url");
                let whole = reqwest::Url::parse(&format!("{text}{path}")).expect("whole");
                assert_eq!(made, whole, "{base} + {path}");
                assert_eq!(made.host(), whole.host(), "{base} + {path}");
                // Another base than the client's own is parsed whole.
                let other = "http://other.example:81/o";
                let made = url::<()>(other, inner, format_args!("{path}")).expect("url");
                let whole = reqwest::Url::parse(&format!("{other}{path}")).expect("whole");
                assert_eq!(made, whole, "{other} + {path}");
            }
        }
    }

    /// A value whose `Display` writes in pieces: dots split across writes
    /// are still recognised as the whole value.
    #[test]
    fn segments_written_in_pieces() {
        struct Pieces(&'static [&'static str]);
        impl std::fmt::Display for Pieces {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.iter().try_for_each(|p| f.write_str(p))
            }
        }
        assert_eq!(encoded(&Pieces(&[".", "."])), REFUSED);
        assert_eq!(encoded(&Pieces(&["", "", "."])), REFUSED);
        assert_eq!(encoded(&Pieces(&[".", ".", "."])), "...");
        assert_eq!(encoded(&Pieces(&[".", "x", "/"])), ".x%2F");
        assert_eq!(encoded(&Pieces(&["a", "", "."])), "a.");
    }

    /// Every string of up to four characters from an alphabet of the
    /// interesting cases, written whole and split in two at every byte
    /// boundary, encodes as the plain one-pass reading says it should.
    #[test]
    fn encoding_matches_the_one_pass_reading() {
        fn reference(segment: &str) -> String {
            if matches!(segment, "" | "." | "..") {
                return REFUSED.to_string();
            }
            segment
                .bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~' | b'.') {
                        char::from(b).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect()
        }
        struct Split<'a>(&'a str, usize);
        impl std::fmt::Display for Split<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0[..self.1])?;
                f.write_str(&self.0[self.1..])
            }
        }
        let alphabet = [".", "a", "/", "é", "%", "-"];
        let mut values = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = values
                .iter()
                .flat_map(|v| alphabet.iter().map(move |c| format!("{v}{c}")))
                .collect();
            values.extend(longer);
        }
        values.sort();
        values.dedup();
        assert!(values.len() > 1000);
        for value in &values {
            let want = reference(value);
            assert_eq!(encoded(value.as_str()), want, "{value:?}");
            for at in (0..=value.len()).filter(|&i| value.is_char_boundary(i)) {
                assert_eq!(encoded(&Split(value, at)), want, "{value:?} split at {at}");
            }
        }
    }
}
