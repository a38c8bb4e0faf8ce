//! Synthetic OpenAPI 3.1 documents in HeyGen's style, of any size, for
//! measuring what generation costs as an API grows.
//!
//! The shapes are those of HeyGen's FastAPI/pydantic document (and of the
//! `full-3.1.yaml` fixture): nullable fields as `anyOf [T, {type: 'null'}]`,
//! string enums, discriminated `oneOf` unions whose variants carry a `const`
//! tag, cursor lists (`limit`/`token` in, `data`/`has_more`/`next_token`
//! out), inline `{data: $ref}` success envelopes and `{error: $ref
//! StandardAPIError}` error bodies, a `Retry-After` header on 429.
//!
//! Operations come in groups of six per resource (list, create, get,
//! update, delete, and an action such as cancel), so the mix stays the same
//! whatever the size. The output is deterministic: the same `operations`
//! gives the same document, byte for byte once serialised.

use heck::{ToPascalCase, ToSnakeCase};
use serde_json::{json, Map, Value};

/// Nouns the resources are named after; past the end of the list they are
/// reused with a number (`Render`, ..., `Render2`).
const NOUNS: [&str; 24] = [
    "render",
    "clip",
    "narrator",
    "voice",
    "sticker",
    "glossary",
    "webhook",
    "dubbing_job",
    "upload",
    "folder",
    "brand_kit",
    "template",
    "caption",
    "playlist",
    "scene",
    "storyboard",
    "soundtrack",
    "overlay",
    "thumbnail",
    "workspace",
    "member",
    "invite",
    "audit_event",
    "export",
];

/// Actions on one resource, by position in its group of six.
const ACTIONS: [&str; 4] = ["cancel", "retry", "archive", "duplicate"];

/// A document of exactly `operations` operations (at least one).
pub fn synthetic_spec(operations: usize) -> Value {
    let operations = operations.max(1);
    let mut paths = Map::new();
    let mut schemas = Map::new();
    let mut tags = Vec::new();
    shared_schemas(&mut schemas);

    let mut remaining = operations;
    let mut index = 0usize;
    while remaining > 0 {
        let take = remaining.min(6);
        let resource = Resource::new(index);
        tags.push(json!({ "name": resource.tag, "description": format!("Create, list and manage {}", resource.plural_words) }));
        resource.schemas(&mut schemas);
        resource.operations(take, &mut paths);
        remaining -= take;
        index += 1;
    }

    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Synthetic HeyGen-style API",
            "version": "1.0.0",
            "description": format!("Generated document with {operations} operations, for benchmarks."),
        },
        "servers": [{ "url": "https://api.example.invalid", "description": "Production" }],
        "security": [{ "ApiKeyAuth": [] }, { "BearerAuth": [] }],
        "tags": tags,
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "ApiKeyAuth": { "type": "apiKey", "in": "header", "name": "x-api-key", "description": "API key." },
                "BearerAuth": { "type": "http", "scheme": "bearer", "description": "OAuth2 bearer token." },
            },
        },
    })
}

struct Resource {
    /// `render` or `render_2`.
    snake: String,
    /// `Render` or `Render2`.
    pascal: String,
    /// `renders` or `renders-2`, as a path segment.
    segment: String,
    /// `Renders` (tag).
    tag: String,
    /// `renders` for prose.
    plural_words: String,
    /// Position, to vary shapes between resources.
    index: usize,
}

impl Resource {
    fn new(index: usize) -> Resource {
        let noun = NOUNS[index % NOUNS.len()];
        let round = index / NOUNS.len();
        let snake = if round == 0 {
            noun.to_string()
        } else {
            format!("{noun}_{}", round + 1)
        };
        let pascal = snake.to_pascal_case();
        let plural = format!("{noun}s");
        let segment = if round == 0 {
            plural.replace('_', "-")
        } else {
            format!("{}-{}", plural.replace('_', "-"), round + 1)
        };
        let tag = if round == 0 {
            plural.to_pascal_case()
        } else {
            format!("{} {}", plural.to_pascal_case(), round + 1)
        };
        Resource {
            snake,
            pascal,
            segment,
            tag,
            plural_words: plural.replace('_', " "),
            index,
        }
    }

    fn schemas(&self, schemas: &mut Map<String, Value>) {
        let p = &self.pascal;
        let status = format!("{p}Status");
        let states: &[&str] = match self.index % 3 {
            0 => &["pending", "processing", "completed", "failed"],
            1 => &[
                "queued",
                "running",
                "waiting_for_input",
                "completed",
                "failed",
                "cancelled",
            ],
            _ => &["draft", "ready", "archived"],
        };
        schemas.insert(
            status.clone(),
            json!({ "title": status, "type": "string", "enum": states, "description": format!("Lifecycle state of a {}.", self.snake) }),
        );

        // A discriminated union of two or three variants, each tagged by a
        // `const` `type`.
        let mut variants = vec![
            (
                "url",
                json!({
                    "url": { "type": "string", "format": "uri", "maxLength": 2048, "title": "Url", "description": "HTTPS URL of the media" },
                }),
                vec!["url"],
            ),
            (
                "asset_id",
                json!({
                    "asset_id": { "type": "string", "minLength": 1, "title": "Asset Id", "description": "Upload identifier" },
                }),
                vec!["asset_id"],
            ),
        ];
        if self.index.is_multiple_of(2) {
            variants.push((
                "base64",
                json!({
                    "data": { "type": "string", "contentEncoding": "base64", "title": "Data", "description": "Base64 bytes" },
                    "media_type": { "type": "string", "title": "Media Type", "examples": ["image/png"] },
                }),
                vec!["data", "media_type"],
            ));
        }
        let mut mapping = Map::new();
        let mut one_of = Vec::new();
        for (tag, props, required) in variants {
            let name = format!("{p}Source{}", tag.to_pascal_case());
            let mut properties = Map::new();
            properties.insert(
                "type".into(),
                json!({ "const": tag, "type": "string", "title": "Type" }),
            );
            properties.extend(props.as_object().expect("object").clone());
            properties.insert(
                "title".into(),
                json!({ "anyOf": [{ "type": "string", "maxLength": 200 }, { "type": "null" }], "default": null, "title": "Title", "description": "Display title" }),
            );
            let mut req = vec!["type"];
            req.extend(required);
            schemas.insert(
                name.clone(),
                json!({
                    "title": name,
                    "type": "object",
                    "additionalProperties": false,
                    "description": format!("{} source given as {tag}.", self.pascal),
                    "properties": properties,
                    "required": req,
                }),
            );
            let reference = format!("#/components/schemas/{name}");
            mapping.insert(tag.into(), json!(reference));
            one_of.push(json!({ "$ref": reference }));
        }
        let source = json!({
            "title": "Source",
            "description": "Where the media comes from.",
            "oneOf": one_of,
            "discriminator": { "propertyName": "type", "mapping": mapping },
        });

        let nullable = |schema: Value, title: &str, description: &str| json!({ "anyOf": [schema, { "type": "null" }], "default": null, "title": title, "description": description });

        schemas.insert(
            p.clone(),
            json!({
                "title": p,
                "type": "object",
                "description": format!("A {}.", self.snake.replace('_', " ")),
                "properties": {
                    "id": { "type": "string", "title": "Id", "description": "Identifier", "examples": [format!("{}_01HZX", &self.snake[..3])] },
                    "status": { "$ref": format!("#/components/schemas/{status}") },
                    "title": nullable(json!({ "type": "string" }), "Title", "Display title"),
                    "progress": nullable(json!({ "type": "number", "minimum": 0, "maximum": 1 }), "Progress", "Completion between 0 and 1"),
                    "visibility": nullable(json!({ "$ref": "#/components/schemas/Visibility" }), "Visibility", "Who can see it"),
                    "duration_seconds": { "type": ["number", "null"], "title": "Duration Seconds", "description": "Length, once known" },
                    "tags": { "type": "array", "items": { "type": "string" }, "title": "Tags", "default": [] },
                    "metadata": nullable(json!({ "type": "object", "additionalProperties": { "type": "string" } }), "Metadata", "Caller-supplied key/value pairs"),
                    "created_at": { "type": "integer", "title": "Created At", "description": "Unix timestamp (seconds)" },
                    "failure": nullable(json!({ "$ref": "#/components/schemas/StandardAPIError" }), "Failure", "Why it failed, when it did"),
                },
                "required": ["id", "status", "created_at"],
            }),
        );

        let create = format!("Create{p}Request");
        schemas.insert(
            create.clone(),
            json!({
                "title": create,
                "type": "object",
                "additionalProperties": false,
                "description": format!("Request body for creating a {}.", self.snake.replace('_', " ")),
                "properties": {
                    "title": { "type": "string", "minLength": 1, "maxLength": 200, "title": "Title" },
                    "source": source,
                    "visibility": nullable(json!({ "$ref": "#/components/schemas/Visibility" }), "Visibility", "Who can see it"),
                    "callback_url": nullable(json!({ "type": "string", "format": "uri" }), "Callback Url", "Webhook called when done"),
                    "priority": { "type": "integer", "minimum": 0, "maximum": 10, "default": 5, "title": "Priority" },
                    "tags": { "type": "array", "items": { "type": "string", "maxLength": 50 }, "maxItems": 20, "title": "Tags" },
                },
                "required": ["title", "source"],
            }),
        );

        let update = format!("Update{p}Request");
        schemas.insert(
            update.clone(),
            json!({
                "title": update,
                "type": "object",
                "additionalProperties": false,
                "description": format!("Fields to change on a {}; omitted fields are kept.", self.snake.replace('_', " ")),
                "properties": {
                    "title": nullable(json!({ "type": "string", "maxLength": 200 }), "Title", "New title"),
                    "visibility": nullable(json!({ "$ref": "#/components/schemas/Visibility" }), "Visibility", "New visibility"),
                    "tags": nullable(json!({ "type": "array", "items": { "type": "string" } }), "Tags", "Replacement tags"),
                },
            }),
        );
    }

    fn operations(&self, take: usize, paths: &mut Map<String, Value>) {
        let collection = format!("/v{}/{}", 1 + self.index % 3, self.segment);
        let id_param = format!("{}_id", self.snake);
        let item = format!("{collection}/{{{id_param}}}");
        let action = ACTIONS[self.index % ACTIONS.len()];
        let words = self.snake.replace('_', " ");
        let plural_pascal = format!("{}s", self.pascal);
        let resource_ref = json!({ "$ref": format!("#/components/schemas/{}", self.pascal) });
        let status_ref = format!("#/components/schemas/{}Status", self.pascal);
        let path_param = json!({
            "name": id_param, "in": "path", "required": true,
            "schema": { "type": "string", "title": id_param.to_pascal_case() }, "description": format!("{} ID", self.pascal),
        });

        for position in 0..take {
            let (path, method, op) = match position {
                0 => (
                    collection.clone(),
                    "get",
                    self.op(
                        &format!("list{plural_pascal}"),
                        &format!("List {}", self.plural_words),
                        &format!("Lists {}, newest first.", self.plural_words),
                        vec![
                            json!({ "name": "limit", "in": "query", "required": false, "description": "Maximum number of items to return",
                                    "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 10, "title": "Limit" } }),
                            json!({ "name": "token", "in": "query", "required": false, "description": "Opaque pagination cursor from a previous next_token",
                                    "schema": { "anyOf": [{ "type": "string" }, { "type": "null" }], "title": "Token" } }),
                            json!({ "name": "status", "in": "query", "required": false, "description": "Only items in this state",
                                    "schema": { "anyOf": [{ "$ref": status_ref }, { "type": "null" }], "title": "Status" } }),
                        ],
                        None,
                        "200",
                        json!({
                            "type": "object",
                            "properties": {
                                "data": { "type": "array", "items": resource_ref.clone() },
                                "has_more": { "type": "boolean" },
                                "next_token": { "type": ["string", "null"] },
                            },
                        }),
                        &["400", "401", "429"],
                    ),
                ),
                1 => (
                    collection.clone(),
                    "post",
                    self.op(
                        &format!("create{}", self.pascal),
                        &format!("Create {words}"),
                        &format!("Creates a {words}; work continues asynchronously."),
                        vec![],
                        Some(format!("Create{}Request", self.pascal)),
                        if self.index.is_multiple_of(2) { "201" } else { "200" },
                        envelope(resource_ref.clone()),
                        &["400", "401", "403", "422", "429"],
                    ),
                ),
                2 => (
                    item.clone(),
                    "get",
                    self.op(
                        &format!("get{}", self.pascal),
                        &format!("Get {words}"),
                        &format!("Returns one {words} with its current state."),
                        vec![path_param.clone()],
                        None,
                        "200",
                        envelope(resource_ref.clone()),
                        &["401", "404", "429"],
                    ),
                ),
                3 => (
                    item.clone(),
                    "patch",
                    self.op(
                        &format!("update{}", self.pascal),
                        &format!("Update {words}"),
                        &format!("Changes the given fields of a {words}."),
                        vec![path_param.clone()],
                        Some(format!("Update{}Request", self.pascal)),
                        "200",
                        envelope(resource_ref.clone()),
                        &["400", "401", "404", "422", "429"],
                    ),
                ),
                4 => (
                    item.clone(),
                    "delete",
                    self.op(
                        &format!("delete{}", self.pascal),
                        &format!("Delete {words}"),
                        &format!("Deletes a {words}."),
                        vec![path_param.clone()],
                        None,
                        "200",
                        envelope(json!({ "$ref": "#/components/schemas/DeletedResource" })),
                        &["401", "404", "409", "429"],
                    ),
                ),
                _ => (
                    format!("{item}/{action}"),
                    "post",
                    self.op(
                        &format!("{action}{}", self.pascal),
                        &format!("{} {words}", action.to_pascal_case()),
                        &format!("Asks to {action} a {words}; answers with its new state."),
                        vec![path_param.clone()],
                        None,
                        "200",
                        envelope(json!({
                            "type": "object",
                            "title": format!("{}{}Result", action.to_pascal_case(), self.pascal),
                            "properties": {
                                "id": { "type": "string", "title": "Id" },
                                "status": { "$ref": status_ref },
                                "message": { "anyOf": [{ "type": "string" }, { "type": "null" }], "default": null, "title": "Message" },
                            },
                            "required": ["id", "status"],
                        })),
                        &["401", "404", "409", "429"],
                    ),
                ),
            };
            let entry = paths.entry(path).or_insert_with(|| json!({}));
            entry
                .as_object_mut()
                .expect("object")
                .insert(method.into(), op);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn op(
        &self,
        operation_id: &str,
        summary: &str,
        description: &str,
        parameters: Vec<Value>,
        body: Option<String>,
        success: &str,
        success_schema: Value,
        errors: &[&str],
    ) -> Value {
        let mut responses = Map::new();
        responses.insert(
            success.into(),
            json!({ "description": "Successful response", "content": { "application/json": { "schema": success_schema } } }),
        );
        for status in errors {
            responses.insert((*status).into(), error_response(status, &self.snake));
        }
        let mut op = json!({
            "tags": [self.tag],
            "summary": summary,
            "description": description,
            "operationId": operation_id,
            "responses": responses,
            "security": [{ "ApiKeyAuth": [] }, { "BearerAuth": [] }],
        });
        let obj = op.as_object_mut().expect("object");
        if !parameters.is_empty() {
            obj.insert("parameters".into(), Value::Array(parameters));
        }
        if let Some(body) = body {
            obj.insert(
                "requestBody".into(),
                json!({ "required": true, "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{body}") } } } }),
            );
        }
        op
    }
}

fn envelope(data: Value) -> Value {
    json!({ "type": "object", "properties": { "data": data } })
}

fn error_response(status: &str, snake: &str) -> Value {
    let (description, code, message) = match status {
        "400" => (
            "Invalid request parameters",
            "invalid_parameter",
            "The request body failed validation.".to_string(),
        ),
        "401" => (
            "Authentication failed",
            "authentication_failed",
            "Invalid or expired API key. Verify your x-api-key header.".to_string(),
        ),
        "403" => (
            "Forbidden",
            "forbidden",
            "Your plan does not include this feature.".to_string(),
        ),
        "404" => (
            "Resource not found",
            "not_found",
            format!("{} not found.", snake.to_snake_case().replace('_', " ")),
        ),
        "409" => (
            "Conflict",
            "conflict",
            "The resource is not in a state that allows this operation.".to_string(),
        ),
        "422" => (
            "Validation error",
            "validation_error",
            "One or more fields are invalid.".to_string(),
        ),
        _ => (
            "Rate limit exceeded",
            "rate_limit_exceeded",
            "Too many requests. Retry after the duration specified in the Retry-After header."
                .to_string(),
        ),
    };
    let mut response = json!({
        "description": description,
        "content": {
            "application/json": {
                "schema": { "type": "object", "properties": { "error": { "$ref": "#/components/schemas/StandardAPIError" } } },
                "example": { "error": { "code": code, "message": message, "param": null, "doc_url": null } },
            },
        },
    });
    if status == "429" {
        response.as_object_mut().expect("object").insert(
            "headers".into(),
            json!({ "Retry-After": { "description": "Seconds to wait before retrying", "schema": { "type": "integer" } } }),
        );
    }
    response
}

fn shared_schemas(schemas: &mut Map<String, Value>) {
    schemas.insert(
        "StandardAPIError".into(),
        json!({
            "type": "object",
            "properties": {
                "code": { "type": "string", "description": "Machine-readable error code", "example": "invalid_parameter" },
                "message": { "type": "string", "description": "Human-readable error message" },
                "param": { "type": ["string", "null"], "description": "Which request field caused the error" },
                "doc_url": { "type": ["string", "null"], "description": "Link to error documentation" },
            },
            "required": ["code", "message"],
        }),
    );
    schemas.insert(
        "DeletedResource".into(),
        json!({
            "title": "DeletedResource",
            "type": "object",
            "description": "Acknowledgement returned by delete operations.",
            "properties": {
                "id": { "type": "string", "title": "Id" },
                "deleted": { "type": "boolean", "default": true, "title": "Deleted" },
            },
            "required": ["id"],
        }),
    );
    schemas.insert(
        "Visibility".into(),
        json!({ "title": "Visibility", "type": "string", "enum": ["private", "workspace", "public"], "description": "Who can see a resource." }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn operation_count(doc: &Value) -> usize {
        doc["paths"]
            .as_object()
            .unwrap()
            .values()
            .map(|item| item.as_object().unwrap().len())
            .sum()
    }

    #[test]
    fn exact_size_and_deterministic() {
        for n in [1, 5, 6, 7, 100, 301] {
            let doc = synthetic_spec(n);
            assert_eq!(operation_count(&doc), n, "{n}");
            assert_eq!(doc, synthetic_spec(n));
        }
    }

    #[test]
    fn generates_a_client() {
        let spec = crate::from_value(synthetic_spec(30), "synthetic-30").expect("normalises");
        let generated = crate::generate(&spec, &crate::Options::default()).expect("generates");
        assert_eq!(generated.operations(), 30);
        assert!(generated.code.contains("pub fn list_renders"));
        assert!(generated.code.contains("pub struct RenderSourceUrl"));
    }
}
