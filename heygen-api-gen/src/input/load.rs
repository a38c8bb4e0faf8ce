//! Reading a document: OpenAPI YAML or JSON, or a documentation page that
//! embeds one YAML block (the format of HeyGen's per-operation pages).

use serde_json::Value;

use crate::error::{GenError, Result};

/// Deepest nesting of a document we accept. Real specs stay far below; the
/// bound keeps hostile input from exhausting the stack in later passes.
pub(crate) const MAX_DEPTH: usize = 96;

/// Stack of the thread a document is parsed on. serde_yaml and serde_json
/// stop at 128 levels of nesting, but in an unoptimised build those 128
/// levels alone took more than 512 KiB of stack, before `MAX_DEPTH` is
/// checked. Only the pages actually used are committed.
const PARSE_STACK: usize = 16 * 1024 * 1024;

/// Parses a document's text. JSON is tried when the text starts with `{`;
/// everything else is read as YAML (a superset of JSON). Runs on a thread of
/// its own, so the caller's stack size cannot decide whether deeply nested
/// text is an error or a crash.
pub fn parse_document(text: &str, origin: &str) -> Result<Value> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("heygen-api-gen-parse".into())
            .stack_size(PARSE_STACK)
            .spawn_scoped(scope, || parse_here(text, origin))
            .map_err(|e| {
                GenError::new(origin, "", format!("cannot start the parsing thread: {e}"))
            })?;
        worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

fn parse_here(text: &str, origin: &str) -> Result<Value> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let value: Value = if trimmed.starts_with('{') {
        serde_json::from_str(trimmed).map_err(|e| {
            GenError::new(
                origin,
                "",
                format!(
                    "not valid JSON (line {}, column {}): {e}",
                    e.line(),
                    e.column()
                ),
            )
        })?
    } else {
        let yaml = parse_yaml(trimmed).map_err(|e| {
            GenError::new(
                origin,
                &yaml_error_pointer(&e),
                format!("not valid YAML: {e}"),
            )
        })?;
        yaml_to_json(yaml, origin, "", 0)?
    };
    if !value.is_object() {
        return Err(GenError::new(
            origin,
            "",
            "expected an OpenAPI document (a mapping at the top level)",
        ));
    }
    Ok(value)
}

/// serde_yaml names where a value failed as `a.b[2].c: message`; that is
/// the pointer `/a/b/2/c`. Syntax errors have no path (their line and
/// column are in the message): the pointer is the whole document's, "".
fn yaml_error_pointer(e: &serde_yaml::Error) -> String {
    let text = e.to_string();
    let Some((path, _)) = text.split_once(": ") else {
        return String::new();
    };
    if path.is_empty() || path.contains(' ') {
        return String::new();
    }
    let mut pointer = String::new();
    for part in path.split('.') {
        let (name, indexes) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            pointer = crate::pointer::child(&pointer, name);
        }
        for index in indexes.split(['[', ']']).filter(|s| !s.is_empty()) {
            pointer = crate::pointer::child(&pointer, index);
        }
    }
    pointer
}

/// `serde_yaml::Value` has no room for an integer beyond 64 bits and fails
/// the whole document on one (a `maximum: 99999999999999999999` is enough).
/// Such an integer is read as the number it is: the failing scalar gets a
/// `.0` and the text is parsed again.
fn parse_yaml(text: &str) -> Result<serde_yaml::Value, serde_yaml::Error> {
    let mut text = std::borrow::Cow::Borrowed(text);
    for _ in 0..10_000 {
        let err = match serde_yaml::from_str(&text) {
            Ok(v) => return Ok(v),
            Err(e) => e,
        };
        let message = err.to_string();
        let oversized = message.contains("as u128") || message.contains("as i128");
        let Some(at) = err.location().map(|l| l.index()).filter(|_| oversized) else {
            return Err(err);
        };
        let bytes = text.as_bytes();
        let mut end = at;
        if bytes.get(end).is_some_and(|b| *b == b'-' || *b == b'+') {
            end += 1;
        }
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        if end == at || !text.is_char_boundary(end) {
            return Err(err);
        }
        let mut mended = text.into_owned();
        mended.insert_str(end, ".0");
        text = std::borrow::Cow::Owned(mended);
    }
    serde_yaml::from_str(&text)
}

/// Converts YAML to JSON, rejecting what JSON cannot say (non-string keys,
/// tags) instead of guessing, and bounding the depth.
fn yaml_to_json(
    yaml: serde_yaml::Value,
    origin: &str,
    pointer: &str,
    depth: usize,
) -> Result<Value> {
    use serde_yaml::Value as Y;
    if depth > MAX_DEPTH {
        return Err(GenError::new(
            origin,
            pointer,
            format!("document nested deeper than {MAX_DEPTH} levels"),
        ));
    }
    Ok(match yaml {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                let f = n.as_f64().unwrap_or(f64::NAN);
                serde_json::Number::from_f64(f)
                    .map(Value::Number)
                    .ok_or_else(|| GenError::new(origin, pointer, "expected a finite number"))?
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => {
            // A plain loop: an iterator chain costs over a dozen frames per
            // level in an unoptimised build, and `MAX_DEPTH` levels of them
            // overflowed a 512 KiB thread stack.
            let mut out = Vec::with_capacity(items.len());
            for (i, v) in items.into_iter().enumerate() {
                let p = crate::pointer::child(pointer, &i.to_string());
                out.push(yaml_to_json(v, origin, &p, depth + 1)?);
            }
            Value::Array(out)
        }
        Y::Mapping(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                let key = match k {
                    Y::String(s) => s,
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    _ => {
                        return Err(GenError::new(
                            origin,
                            pointer,
                            "expected string keys in every mapping",
                        ))
                    }
                };
                let p = crate::pointer::child(pointer, &key);
                let v = yaml_to_json(v, origin, &p, depth + 1)?;
                out.insert(key, v);
            }
            Value::Object(out)
        }
        Y::Tagged(t) => {
            return Err(GenError::new(
                origin,
                pointer,
                format!("expected plain YAML, found the tag {}", t.tag),
            ))
        }
    })
}

/// Pulls the one OpenAPI YAML block out of a documentation page: a fenced
/// block (three or more backticks) whose info string starts with `yaml` and
/// whose body starts with an `openapi:` key.
pub fn extract_from_page(page: &str, origin: &str) -> Result<String> {
    let mut blocks = Vec::new();
    let mut lines = page.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        let fence_len = trimmed.chars().take_while(|&c| c == '`').count();
        if fence_len < 3 || !trimmed[fence_len..].trim_start().starts_with("yaml") {
            continue;
        }
        let fence = &trimmed[..fence_len];
        let mut body = String::new();
        let mut closed = false;
        for inner in lines.by_ref() {
            if inner.trim() == fence {
                closed = true;
                break;
            }
            body.push_str(inner);
            body.push('\n');
        }
        if !closed {
            return Err(GenError::new(
                origin,
                "",
                "the page's YAML block is never closed",
            ));
        }
        if body.trim_start().starts_with("openapi:") {
            blocks.push(body);
        }
    }
    match blocks.len() {
        1 => Ok(blocks.pop().unwrap_or_default()),
        0 => Err(GenError::new(
            origin,
            "",
            "expected a documentation page with one ```yaml block holding an OpenAPI document; found none",
        )),
        n => Err(GenError::new(
            origin,
            "",
            format!("expected one OpenAPI YAML block in the page, found {n}"),
        )),
    }
}

/// True when the text looks like a documentation page rather than a bare
/// document: it has a fenced YAML block and does not start with `openapi:`/`{`.
pub fn looks_like_page(text: &str) -> bool {
    let start = text.trim_start();
    !(start.starts_with('{') || start.starts_with("openapi:")) && text.contains("```yaml")
}
