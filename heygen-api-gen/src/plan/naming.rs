//! The one place that knows how progenitor and typify name what they
//! generate. Every Rust name the generator predicts (a client method, a
//! builder, a type) comes from here; the emitters check each prediction
//! against the generated syntax, so a progenitor or typify that names
//! things differently fails generation instead of losing an impl.
//!
//! Mirrors `sanitize` in progenitor-impl's and typify-impl's `util.rs`
//! (0.15 and 0.8): quotes dropped, characters that cannot continue an
//! identifier read as word breaks, the case applied, a leading digit
//! prefixed, a keyword suffixed with `_`.

use heck::{ToPascalCase, ToSnakeCase};

/// Which case a name is given.
#[derive(Clone, Copy)]
enum Case {
    Pascal,
    Snake,
}

/// The keywords a name may not be (typify's `accept_as_ident`).
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

fn sanitize(input: &str, case: Case, leading_digit: &str) -> String {
    let apply = |s: &str| match case {
        Case::Pascal => s.to_pascal_case(),
        Case::Snake => s.to_snake_case(),
    };
    let out = match input {
        "+1" => "plus1".to_string(),
        "-1" => "minus1".to_string(),
        _ => {
            let cleaned: String = input
                .replace('\'', "")
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || c == '_' {
                        c
                    } else {
                        '-'
                    }
                })
                .collect();
            apply(&cleaned)
        }
    };
    let out = match out.chars().next() {
        None => apply("x"),
        Some(c) if c.is_alphabetic() || c == '_' => out,
        Some(_) => format!("{leading_digit}{out}"),
    };
    if KEYWORDS.contains(&out.as_str()) {
        format!("{out}_")
    } else {
        out
    }
}

/// progenitor's name of an operation: its `Client` method, its mock and
/// the `operation_id` of its `OperationInfo` (`getTool` -> `get_tool`).
pub(crate) fn operation_method(operation_id: &str) -> String {
    sanitize(operation_id, Case::Snake, "_")
}

/// progenitor's builder struct of an operation (`getTool` -> `GetTool`):
/// the Pascal case of the method name.
pub(crate) fn operation_builder(operation_id: &str) -> String {
    sanitize(&operation_method(operation_id), Case::Pascal, "_")
}

/// typify's type of a component schema (`video_status` -> `VideoStatus`).
pub(crate) fn component_type(schema_name: &str) -> String {
    sanitize(schema_name, Case::Pascal, "X")
}

/// typify's type of an inline object in a property of a named type
/// (`Video` and `meta` -> `VideoMeta`).
pub(crate) fn property_type(parent_type: &str, property: &str) -> String {
    sanitize(&format!("{parent_type}-{property}"), Case::Pascal, "X")
}

/// progenitor's type of an inline JSON request body (`createVideo` ->
/// `CreateVideoBody`).
pub(crate) fn body_type(operation_id: &str) -> String {
    sanitize(&format!("{operation_id}-body"), Case::Pascal, "X")
}

/// The component name `prepare` gives an inline success body, before
/// typify names its type (`createVideo` -> `CreateVideoResponse`).
pub(crate) fn response_component(operation_id: &str) -> String {
    format!("{}Response", operation_id.to_pascal_case())
}

/// The component that holds a nullable union's branches once `prepare`
/// splits it (`Output` -> `OutputValue`).
pub(crate) fn union_value_component(schema_name: &str) -> String {
    format!("{}Value", schema_name.to_pascal_case())
}

/// The Rust name of a parameter, as progenitor's builder method has it.
pub(crate) fn parameter(name: &str) -> String {
    sanitize(name, Case::Snake, "_")
}

/// Where a Rust name of a generated client comes from.
#[cfg(feature = "tooling")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameOrigin {
    /// An operation's method, builder or inline body or response type.
    Operation {
        /// Its method, upper case.
        method: String,
        /// Its path, as the document writes it.
        path: String,
        /// Its operationId.
        operation_id: String,
    },
    /// A component schema's type.
    Schema(String),
}

/// The operation or component schema of `doc` (normalised) that the
/// generated item `name` (a method, builder or type) is named after.
#[cfg(feature = "tooling")]
pub fn origin_of_rust_name(doc: &serde_json::Value, name: &str) -> Option<NameOrigin> {
    let by_operation = crate::openapi::operations(doc).into_iter().find(|o| {
        [
            operation_method(o.id),
            operation_builder(o.id),
            body_type(o.id),
            component_type(&response_component(o.id)),
        ]
        .iter()
        .any(|n| n == name)
    });
    if let Some(o) = by_operation {
        return Some(NameOrigin::Operation {
            method: o.method.to_uppercase(),
            path: o.path.to_string(),
            operation_id: o.id.to_string(),
        });
    }
    let components = doc.pointer("/components/schemas")?.as_object()?;
    if let Some(k) = components.keys().find(|k| component_type(k) == name) {
        return Some(NameOrigin::Schema(k.clone()));
    }
    // A type typify made of an inline property (`{Parent}{Property}`)
    // comes from its parent component.
    components.iter().find_map(|(k, schema)| {
        let parent = component_type(k);
        let inline = schema
            .get("properties")?
            .as_object()?
            .keys()
            .any(|p| property_type(&parent, p) == name);
        inline.then(|| NameOrigin::Schema(k.clone()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "tooling")]
    #[test]
    fn generated_names_lead_back_to_the_document() {
        let doc = serde_json::json!({
            "paths": {"/v1/env": {"get": {"operationId": "fromEnv"}}},
            "components": {"schemas": {"video_status": {}}}
        });
        let op = NameOrigin::Operation {
            method: "GET".into(),
            path: "/v1/env".into(),
            operation_id: "fromEnv".into(),
        };
        assert_eq!(origin_of_rust_name(&doc, "from_env"), Some(op.clone()));
        assert_eq!(origin_of_rust_name(&doc, "FromEnv"), Some(op.clone()));
        assert_eq!(origin_of_rust_name(&doc, "FromEnvResponse"), Some(op));
        assert_eq!(
            origin_of_rust_name(&doc, "VideoStatus"),
            Some(NameOrigin::Schema("video_status".into()))
        );
        assert_eq!(origin_of_rust_name(&doc, "send"), None);
    }

    #[test]
    fn names_follow_progenitor_and_typify() {
        assert_eq!(operation_method("getTool"), "get_tool");
        assert_eq!(operation_method("List.Videos v2"), "list_videos_v2");
        assert_eq!(operation_method("2fa"), "_2fa");
        assert_eq!(operation_method("type"), "type_");
        assert_eq!(operation_builder("getTool"), "GetTool");
        assert_eq!(operation_builder("List.Videos v2"), "ListVideosV2");
        assert_eq!(component_type("video_status"), "VideoStatus");
        assert_eq!(component_type("2d"), "X2d");
        assert_eq!(property_type("Video", "meta_data"), "VideoMetaData");
        assert_eq!(body_type("createVideo"), "CreateVideoBody");
        assert_eq!(response_component("createVideo"), "CreateVideoResponse");
    }
}
