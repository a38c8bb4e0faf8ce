//! The semantic changelog on fixture pairs: every kind of change, with the
//! breaking flag a client user should see.

use std::path::PathBuf;

use heygen_api_gen::changelog::{changelog, Changelog, Kind};

fn pair(name: &str) -> Changelog {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff");
    let old = heygen_api_gen::load_file(&dir.join(format!("{name}-old.yaml"))).unwrap();
    let new = heygen_api_gen::load_file(&dir.join(format!("{name}-new.yaml"))).unwrap();
    changelog(&old.normalised, &new.normalised)
}

/// Asserts the changelog holds exactly these (kind, location, breaking)
/// triples, in any order.
fn assert_changes(log: &Changelog, expected: &[(Kind, &str, bool)]) {
    let mut actual: Vec<(Kind, String, bool)> = log
        .changes
        .iter()
        .map(|c| (c.kind, c.location.clone(), c.breaking))
        .collect();
    let mut want: Vec<(Kind, String, bool)> = expected
        .iter()
        .map(|(k, l, b)| (*k, l.to_string(), *b))
        .collect();
    actual.sort();
    want.sort();
    assert_eq!(actual, want, "changelog was:\n{}", log.render());
}

#[test]
fn operations_added_removed_renamed_and_schemas() {
    let log = pair("operations");
    assert_changes(
        &log,
        &[
            (Kind::OperationAdded, "POST /v1/avatars", false),
            (Kind::OperationRemoved, "DELETE /v1/avatars/{id}", true),
            (Kind::OperationRenamed, "GET /v1/avatars/{id}", true),
            (Kind::SchemaRemoved, "Legacy", true),
            (Kind::SchemaAdded, "Fresh", false),
        ],
    );
    assert_eq!(log.breaking(), 3);
}

#[test]
fn parameters() {
    let log = pair("parameters");
    let op = "GET /v1/videos";
    assert_changes(
        &log,
        &[
            (Kind::ParameterRemoved, op, true),
            (Kind::ParameterAdded, op, true),   // required `q`
            (Kind::ParameterAdded, op, false),  // optional `page`
            (Kind::RequiredChanged, op, true),  // `sort` now required
            (Kind::RequiredChanged, op, false), // `X-Trace` now optional
            (
                Kind::TypeChanged,
                "GET /v1/videos query parameter `cursor`",
                true,
            ),
            (
                Kind::EnumValueRemoved,
                "GET /v1/videos query parameter `status`",
                true,
            ),
            (
                Kind::EnumValueAdded,
                "GET /v1/videos query parameter `status`",
                false,
            ),
        ],
    );
    let text = log.render();
    assert!(
        text.contains("query parameter `q` added (required)"),
        "{text}"
    );
    assert!(
        text.contains("query parameter `sort` is now required"),
        "{text}"
    );
}

#[test]
fn request_body_fields() {
    let log = pair("request");
    assert_changes(
        &log,
        &[
            (Kind::FieldAdded, "CreateVideo.avatar_id", true),
            (Kind::FieldAdded, "CreateVideo.background", false),
            (Kind::FieldRemoved, "CreateVideo.test", true),
            (Kind::RequiredChanged, "CreateVideo.caption", true),
            (Kind::TypeChanged, "CreateVideo.dimension", true),
            (Kind::EnumValueRemoved, "CreateVideo.quality", true),
            (Kind::EnumValueAdded, "CreateVideo.quality", false),
            (Kind::NullabilityChanged, "CreateVideo.callback_url", true),
            (Kind::NullabilityChanged, "CreateVideo.folder_id", false),
        ],
    );
}

/// The old side is OpenAPI 3.0 (`nullable: true`), the new side 3.1
/// (`type: [string, 'null']`): both are compared in normalised form.
#[test]
fn response_fields() {
    let log = pair("response");
    assert_changes(
        &log,
        &[
            (Kind::TypeChanged, "Video.created_at", true),
            (Kind::RequiredChanged, "Video.duration", true),
            (Kind::FieldRemoved, "Video.legacy_flag", true),
            (Kind::EnumValueRemoved, "Video.status", false),
            (Kind::EnumValueAdded, "Video.status", false),
            (Kind::FieldAdded, "Video.tags", false),
            (Kind::FieldAdded, "Video.title", false),
            (Kind::NullabilityChanged, "Video.thumbnail", false),
            (Kind::NullabilityChanged, "Video.url", true),
        ],
    );
    assert!(
        log.render()
            .contains("Video.url (response): may now be null"),
        "{}",
        log.render()
    );
}

#[test]
fn identical_documents_have_no_changes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let spec = heygen_api_gen::load_file(&dir.join("full-3.1.yaml")).unwrap();
    let log = changelog(&spec.normalised, &spec.normalised);
    assert!(log.is_empty(), "{}", log.render());
    assert_eq!(log.render(), "no API changes\n");
}

/// A recursive schema (a tree) terminates and still reports a change deep
/// inside it once.
#[test]
fn recursive_schemas_terminate() {
    let doc = |leaf_type: &str| {
        serde_json::json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {"/tree": {"get": {"operationId": "getTree", "responses": {"200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}}}}}},
            "components": {"schemas": {"Node": {"type": "object", "properties": {
                "value": {"type": leaf_type},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}}}
        })
    };
    let old = heygen_api_gen::from_value(doc("string"), "old").unwrap();
    let new = heygen_api_gen::from_value(doc("integer"), "new").unwrap();
    let log = changelog(&old.normalised, &new.normalised);
    assert_changes(&log, &[(Kind::TypeChanged, "Node.value", true)]);
}

/// Request bodies and success responses appearing and disappearing, and
/// union variants in both directions: what breaks depends on who sends.
#[test]
fn bodies_responses_and_union_variants() {
    let doc = |new: bool| {
        let pet_variants = if new {
            serde_json::json!([{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Bird"}])
        } else {
            serde_json::json!([{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}])
        };
        let body = |schema: &str, required: bool| serde_json::json!({"required": required, "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}});
        let ok = |schema: &str| serde_json::json!({"description": "ok", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}});
        let mut create_owner =
            serde_json::json!({"operationId": "createOwner", "responses": {"200": ok("Cat")}});
        let mut update_owner =
            serde_json::json!({"operationId": "updateOwner", "responses": {"200": ok("Cat")}});
        let mut replace_pets =
            serde_json::json!({"operationId": "replacePets", "responses": {"200": ok("Cat")}});
        let mut delete_pet = serde_json::json!({"operationId": "deletePet", "responses": {"204": {"description": "gone"}}});
        if new {
            create_owner["requestBody"] = body("Cat", true);
            update_owner["requestBody"] = body("Cat", false);
            delete_pet["responses"] = serde_json::json!({"200": ok("Cat")});
        } else {
            replace_pets["requestBody"] = body("Cat", false);
        }
        let mut schemas = serde_json::json!({
            "Pet": {"oneOf": pet_variants.clone()},
            "PetInput": {"oneOf": pet_variants},
            "Cat": {"type": "object", "properties": {"purrs": {"type": "boolean"}}},
            "Dog": {"type": "object", "properties": {"barks": {"type": "boolean"}}},
        });
        if new {
            schemas["Bird"] =
                serde_json::json!({"type": "object", "properties": {"sings": {"type": "boolean"}}});
        }
        serde_json::json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/v1/pets": {
                    "post": {"operationId": "createPet", "requestBody": body("PetInput", true), "responses": {"200": ok("Pet")}},
                    "put": replace_pets
                },
                "/v1/pets/{id}": {
                    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                    "delete": delete_pet
                },
                "/v1/owners": {"post": create_owner, "patch": update_owner}
            },
            "components": {"schemas": schemas}
        })
    };
    let old = heygen_api_gen::from_value(doc(false), "old").unwrap();
    let new = heygen_api_gen::from_value(doc(true), "new").unwrap();
    let log = changelog(&old.normalised, &new.normalised);
    assert_changes(
        &log,
        &[
            // A required body breaks every existing call; an optional one none.
            (Kind::RequestBodyAdded, "POST /v1/owners", true),
            (Kind::RequestBodyAdded, "PATCH /v1/owners", false),
            (Kind::RequestBodyRemoved, "PUT /v1/pets", true),
            (Kind::ResponseRemoved, "DELETE /v1/pets/{id}", true),
            (Kind::ResponseAdded, "DELETE /v1/pets/{id}", false),
            // Received: a new variant is one the client may not know; one it
            // no longer receives costs nothing. Sent: the other way round.
            (Kind::VariantAdded, "Pet", true),
            (Kind::VariantRemoved, "Pet", false),
            (Kind::VariantAdded, "PetInput", false),
            (Kind::VariantRemoved, "PetInput", true),
            (Kind::SchemaAdded, "Bird", false),
        ],
    );
}
