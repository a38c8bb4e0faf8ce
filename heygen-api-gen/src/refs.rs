//! Following `$ref`s: the one place in the crate that does.
//!
//! Every pass that needs what a reference names (normalise checking them,
//! prepare resolving parameters and bodies, the rewrites, the changelog)
//! calls [`walk`] or [`target`], so they agree on what a
//! reference means (a JSON pointer inside the document, written as a URI
//! fragment) and on how far a chain of references is followed.

use serde_json::Value;

/// The longest chain of references followed: a `$ref` to a node that is
/// itself a `$ref`, and so on. `normalise` refuses a document with a longer
/// chain (or a cycle), so on a normalised document a walk never stops
/// halfway; on any other document it stops here instead of looping.
pub(crate) const MAX_CHAIN: usize = 32;

/// The node a local reference names in `doc`, if there is one.
pub(crate) fn target<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    doc.pointer(&crate::pointer::of_reference(reference)?)
}

/// Why a [`walk`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// At a node without `$ref`: the chain is resolved.
    Resolved,
    /// At a `$ref` that is not a string.
    NotString,
    /// At a reference outside the scope asked for (or not local).
    OutOfScope,
    /// At a reference to nothing.
    Dangling,
    /// At a reference already followed in this chain.
    Cycle,
    /// After [`MAX_CHAIN`] references, at yet another.
    TooLong,
}

/// Where a [`walk`] ended.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Walk<'a> {
    /// The last node reached: the resolved node when `stop` is
    /// [`Stop::Resolved`], otherwise the node holding the reference that was
    /// not followed.
    pub end: &'a Value,
    /// The first reference followed, if any was.
    pub first: Option<&'a str>,
    /// Why the walk ended there.
    pub stop: Stop,
}

/// Follows the chain of `$ref`s starting at `node` (which need not be a
/// reference) through `doc`, following only references that start with
/// `scope` (`"#"` for any local reference, `"#/components/parameters/"` for
/// parameters only). Never panics, and ends after at most [`MAX_CHAIN`]
/// steps, on a cycle too.
pub(crate) fn walk<'a>(doc: &'a Value, node: &'a Value, scope: &str) -> Walk<'a> {
    let mut cur = node;
    let mut first = None;
    let mut seen: Vec<String> = Vec::new();
    let stop = loop {
        let Some(r) = cur.get("$ref") else {
            break Stop::Resolved;
        };
        let Some(r) = r.as_str() else {
            break Stop::NotString;
        };
        let Some(p) = crate::pointer::of_reference(r).filter(|_| r.starts_with(scope)) else {
            break Stop::OutOfScope;
        };
        if seen.contains(&p) {
            break Stop::Cycle;
        }
        if seen.len() == MAX_CHAIN {
            break Stop::TooLong;
        }
        let Some(next) = doc.pointer(&p) else {
            break Stop::Dangling;
        };
        first.get_or_insert(r);
        seen.push(p);
        cur = next;
    };
    Walk {
        end: cur,
        first,
        stop,
    }
}

/// What `node` names once the `$ref`s to `#/components/<kind>/...` (and
/// only those) are followed in `root`, a document holding the components;
/// `node` itself when it is no such reference.
pub(crate) fn resolved(root: &Value, node: &Value, kind: &str) -> Value {
    walk(root, node, &format!("#/components/{kind}/"))
        .end
        .clone()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn follows_chains_and_stops_on_what_it_cannot_follow() {
        let doc = json!({
            "a": { "$ref": "#/b" },
            "b": { "$ref": "#/c%20d" },
            "c d": { "type": "string" },
            "self": { "$ref": "#/self" },
            "x": { "$ref": "#/y" },
            "y": { "$ref": "#/x" },
            "dangling": { "$ref": "#/nothing" },
            "number": { "$ref": 1 },
            "external": { "$ref": "other.yaml#/a" },
            "x~1y": { "$ref": "#/a" },
        });
        let start = json!({ "$ref": "#/a" });
        let w = walk(&doc, &start, "#");
        assert_eq!(
            (w.end, w.first, w.stop),
            (&json!({ "type": "string" }), Some("#/a"), Stop::Resolved)
        );
        assert_eq!(walk(&doc, &doc["c d"], "#").end, &doc["c d"]);
        assert_eq!(walk(&doc, &doc["self"], "#").stop, Stop::Cycle);
        assert_eq!(walk(&doc, &doc["x"], "#").stop, Stop::Cycle);
        let w = walk(&doc, &doc["dangling"], "#");
        assert_eq!(
            (w.end, w.first, w.stop),
            (&doc["dangling"], None, Stop::Dangling)
        );
        assert_eq!(walk(&doc, &doc["number"], "#").stop, Stop::NotString);
        assert_eq!(walk(&doc, &doc["external"], "#").stop, Stop::OutOfScope);
        assert_eq!(walk(&doc, &start, "#/c").stop, Stop::OutOfScope);
        assert_eq!(target(&doc, "#/x~01y"), Some(&doc["x~1y"]));
        assert_eq!(target(&doc, "#/x~1y"), None);
    }

    #[test]
    fn chains_longer_than_the_limit_stop_there() {
        let mut doc = serde_json::Map::new();
        for i in 0..=MAX_CHAIN {
            doc.insert(format!("n{i}"), json!({ "$ref": format!("#/n{}", i + 1) }));
        }
        doc.insert(format!("n{}", MAX_CHAIN + 1), json!({ "type": "string" }));
        let doc = Value::Object(doc);
        assert_eq!(
            walk(&doc, &doc["n1"], "#").stop,
            Stop::Resolved,
            "{MAX_CHAIN} references"
        );
        assert_eq!(walk(&doc, &doc["n0"], "#").stop, Stop::TooLong);
    }
}
