//! What each OpenAPI 3.1 construct HeyGen uses becomes in Rust.
//!
//! The fixtures under `tests/fixtures/` are invented APIs written in
//! HeyGen's FastAPI/pydantic style. `full-3.1.yaml` holds every construct;
//! the compiled and exercised client generated from it is the
//! `heygen-fixture-client` crate beside this one.

use std::path::Path;
use std::sync::OnceLock;

use heygen_api_gen::{generate, load_file, load_str, Generated, Options};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn full() -> &'static Generated {
    static FULL: OnceLock<Generated> = OnceLock::new();
    FULL.get_or_init(|| {
        let spec = load_file(&fixture("full-3.1.yaml")).expect("full fixture loads");
        generate(&spec, &Options::default()).expect("full fixture generates")
    })
}

/// The surface line of one type, e.g. `struct X { a: String }`.
fn surface_type(g: &Generated, name: &str) -> String {
    let struct_prefix = format!("struct {name} ");
    let enum_prefix = format!("enum {name} ");
    g.surface
        .types
        .iter()
        .find(|l| l.starts_with(&struct_prefix) || l.starts_with(&enum_prefix))
        .unwrap_or_else(|| panic!("no type {name} in the surface"))
        .clone()
}

fn seed() -> Generated {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/heygen-api.yaml");
    generate(&load_file(&path).expect("seed loads"), &Options::default()).expect("seed generates")
}

#[test]
fn type_array_with_null_is_an_option() {
    // The seed's `StandardAPIError.param: type: [string, 'null']`.
    let g = seed();
    // Optional and nullable, in a response: one `Option`, `None` for an
    // absent field and for `null` alike.
    assert!(surface_type(&g, "StandardApiError").contains("param?: Option<String>"));
    assert!(surface_type(full(), "RenderDetail").contains("title?: Option<String>"));
}

#[test]
fn any_of_null_is_an_option_of_the_other_branch() {
    let g = full();
    let create = surface_type(g, "CreateRenderRequest");
    // anyOf [{type: string}, {type: 'null'}], default null: `null` is the
    // default, so it is the same as absent: one `Option`, `None` not sent.
    assert!(create.contains("folder_id?: Option<String>"), "{create}");
    // anyOf [{$ref: CaptionStyle}, {type: 'null'}]
    assert!(
        create.contains("captions?: Option<CaptionStyle>"),
        "{create}"
    );
    // minLength/maxLength inside the non-null branch survive as a checked newtype.
    assert!(
        create.contains("title?: Option<CreateRenderRequestTitle>"),
        "{create}"
    );
    assert!(flat_contains(&g.code, "longer than 200 characters"));
    assert!(flat_contains(&g.code, "shorter than 1 characters"));
}

#[test]
fn const_tags_are_kept_as_single_value_enums() {
    let g = full();
    assert_eq!(
        surface_type(g, "MediaInputUrlType"),
        "enum MediaInputUrlType = \"url\" | Unknown(String)"
    );
    // The tag is implied by the union's variant (`MediaInput::Url`): the
    // payload type has no field for it.
    assert!(!surface_type(g, "MediaInputUrl").contains("type_"));
}

#[test]
fn discriminated_unions_are_enums_chosen_by_their_tag() {
    let g = full();
    // Nested field unions, whole-body unions and named unions alike.
    assert_eq!(
        surface_type(g, "MediaInput"),
        "enum MediaInput (tag \"type\") = Url(MediaInputUrl) | Asset(MediaInputAsset) | Base64(MediaInputBase64) | Unknown(serde_json::Value)"
    );
    assert!(surface_type(g, "CreateClipBody").starts_with("enum CreateClipBody (tag \"type\")"));
    assert!(
        surface_type(g, "CreateLookRequest").starts_with("enum CreateLookRequest (tag \"type\")")
    );
    assert!(surface_type(g, "RenderSceneCharacter")
        .starts_with("enum RenderSceneCharacter (tag \"type\")"));
    // The hand-written dispatch reads the tag, not the first variant that fits.
    assert!(flat_contains(
        &g.code,
        "impl<'de> ::serde::Deserialize<'de> for MediaInput"
    ));
    assert!(flat_contains(&g.code, "::std::option::Option::Some(\"asset_id\") => {\n                    ::serde_json::from_value(value)\n                        .map(Self::Asset)"));
}

#[test]
fn string_enums_keep_their_values_and_unknown_ones() {
    let g = full();
    assert_eq!(
        surface_type(g, "RenderStatus"),
        "enum RenderStatus = \"pending\" | \"processing\" | \"completed\" | \"failed\" | Unknown(String)"
    );
    assert!(surface_type(g, "SessionStatus").contains("\"waiting_for_input\""));
}

#[test]
fn pydantic_titles_do_not_become_colliding_type_names() {
    let g = full();
    for generic in ["Type", "Object", "Dimension", "Output", "Consent"] {
        assert!(
            !g.surface
                .types
                .iter()
                .any(|l| l.starts_with(&format!("struct {generic} "))
                    || l.starts_with(&format!("enum {generic} "))),
            "a type named {generic} was generated from a title"
        );
    }
    // The inline objects titled "Type" in two schemas stay two types.
    assert!(surface_type(g, "CaptionStyle").contains("type_?: Option<CaptionStyleType>"));
    assert!(surface_type(g, "BrandFont").contains("type_?: Option<BrandFontType>"));
}

#[test]
fn additional_properties_false_never_rejects_unknown_fields() {
    let g = full();
    assert!(!flat_contains(&g.code, "#[serde(deny_unknown_fields)]"));
    // ... while the JSON Schema (behind the `schemars` feature) still says
    // `additionalProperties: false`.
    assert!(flat_contains(
        &g.code,
        "#[cfg_attr(feature = \"schemars\", schemars(deny_unknown_fields))]\n    pub struct StopStudioSessionRequest {}"
    ));
    assert!(flat_contains(
        &g.code,
        "#[derive(::serde::Serialize, Clone, Debug, Default)]\n    #[cfg_attr(feature = \"schemars\", derive(schemars::JsonSchema))]"
    ));
    // Its `Deserialize` is the runtime's compact one, which skips unknown
    // keys (`runtime/derive.rs`).
    assert!(flat_contains(
        &g.code,
        "crate::runtime::__private::deserialize_struct!(StopStudioSessionRequest {});"
    ));
    // An empty-object body is still a struct (serialises as `{}`), not a map.
    assert_eq!(
        surface_type(g, "StopStudioSessionRequest"),
        "struct StopStudioSessionRequest {  }"
    );
}

#[test]
fn defaults_examples_and_bounds_are_carried() {
    let g = full();
    // A default is the server's to apply: not sent unless set, documented,
    // and read back through an accessor.
    let create = surface_type(g, "CreateRenderRequest");
    assert!(
        create.contains("aspect_ratio?: Option<AspectRatio>"),
        "{create}"
    );
    assert!(create.contains("test_mode?: Option<bool>"), "{create}");
    assert!(flat_contains(
        &g.code,
        "(the server's default applies: `\"16:9\"`)"
    ));
    assert!(flat_contains(
        &g.code,
        "pub fn aspect_ratio_or_default(&self) -> AspectRatio"
    ));
    assert!(flat_contains(
        &g.code,
        ".unwrap_or_else(defaults::create_render_request_aspect_ratio)"
    ));
    // `examples: [...]` becomes documentation, never a type.
    assert!(!flat_contains(&g.code, "examples"));
    // Integer query parameter with minimum 1 / maximum 100.
    assert!(flat_contains(&g.code, "(::std::num::NonZeroU64)"));
    // Numeric `exclusiveMinimum: 0` (3.1) maps without failing.
    assert!(surface_type(g, "CreateSpeechRequest").contains("speed?: Option<f64>"));
}

#[test]
fn cursor_lists_get_page_streams() {
    let g = full();
    // `Paged` and `stream` come from the runtime's `paged!`.
    assert!(flat_contains(
        &g.code,
        "crate::runtime::__private::paged!(ListRenders, types::RenderSummary,"
    ));
    let streams = flat(&g.code).matches("__private::paged!(").count();
    assert_eq!(
        streams, 18,
        "every cursor list of the fixture gets a stream"
    );
    // The batch read's list sits inside `data`, beside its own cursor.
    assert!(flat_contains(
        &g.code,
        "paged!(GetRenderBatch, types::RenderBatchItem,"
    ));
    // A list without a cursor does not.
    assert!(!flat_contains(&g.code, "paged!(ListWebhookEventTypes"));
}

#[test]
fn multipart_upload_is_a_working_method_not_a_gap() {
    let g = full();
    assert!(g
        .surface
        .operations
        .iter()
        .any(|l| l == "op POST /v1/uploads createUpload -> create_upload (multipart)"));
    assert!(flat_contains(&g.code, "pub fn create_upload(&self,) -> crate::runtime::__private::MultipartRequest<'_, Self, types::CreateUploadResponse"));
    assert!(flat_contains(&g.code, "&[\"file\", \"purpose\"]"));
}

#[test]
fn delete_and_post_with_and_without_bodies() {
    let g = full();
    let body_setter = |builder: &str| has_field(&builder_call(&g.code, builder), "body");
    assert!(body_setter("DeleteRenders"), "DELETE with a body");
    assert!(!body_setter("DeleteSticker"), "DELETE without a body");
    assert!(
        body_setter("StopStudioSession"),
        "POST with an empty-object body"
    );
    assert!(!body_setter("CancelRender"), "POST without a body");
}

#[test]
fn mutating_calls_take_an_idempotency_key() {
    let g = seed();
    assert!(flat_contains(
        &g.code,
        "idempotency_key: Option<::std::string::String> = Ok(None) => some(::std::string::String)"
    ));
    assert!(flat_contains(
        &g.code,
        "header_map.append(\"Idempotency-Key\""
    ));
}

#[test]
fn success_and_error_schemas_never_share_a_name() {
    // progenitor names every inline response `{OperationId}Response`; typify
    // then reuses the first for the second. The 2xx type must be the `data`
    // envelope, and no error envelope may be decoded as a success.
    let g = seed();
    assert_eq!(
        surface_type(&g, "StopVideoAgentSessionResponse"),
        "struct StopVideoAgentSessionResponse { data?: Option<StopSessionResponse> }"
    );
    assert!(flat_contains(
        &g.code,
        "|status| matches!(status, 200u16), crate::runtime::__private::Response::from_response,"
    ));
    // progenitor's `api-version` header is gone: HeyGen has none.
    assert!(!flat_contains(&g.code, "api-version"));
}

#[test]
fn openapi_30_documents_work_too() {
    let spec = load_file(&fixture("small-3.0.yaml")).expect("3.0 loads");
    let g = generate(&spec, &Options::default()).expect("3.0 generates");
    assert_eq!(g.operations(), 5);
    assert!(flat_contains(&g.code, "__private::paged!("));
    assert!(g.surface.types.iter().any(|l| l.contains("?: Option<")));
}

#[test]
fn generation_is_deterministic() {
    let spec = load_file(&fixture("full-3.1.yaml")).expect("loads");
    let again = generate(&spec, &Options::default()).expect("generates");
    assert_eq!(again.code, full().code);
    assert_eq!(again.surface, full().surface);
}

#[test]
fn the_runtime_path_is_configurable() {
    let spec = load_file(&fixture("small-3.0.yaml")).expect("loads");
    let g = generate(
        &spec,
        &Options {
            runtime: "::heygen_api::runtime".into(),
            ..Options::default()
        },
    )
    .expect("generates");
    assert!(flat_contains(
        &g.code,
        "impl ClientHooks<::heygen_api::runtime::__private::Inner> for Client"
    ));
    assert!(!flat_contains(&g.code, "crate::runtime"));
}

// ---- bad input: one clear error naming file, pointer and expectation ----

fn error_for(name: &str) -> heygen_api_gen::GenError {
    let path = fixture(&format!("bad/{name}"));
    match load_file(&path).and_then(|s| generate(&s, &Options::default())) {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => {
            assert_eq!(
                e.origin,
                path.display().to_string(),
                "the error names the file"
            );
            e
        }
    }
}

#[test]
fn unknown_version_is_rejected() {
    let e = error_for("unknown-version.yaml");
    assert_eq!(e.pointer, "/openapi");
    assert!(
        e.message
            .contains("expected an OpenAPI 3.0 or 3.1 document"),
        "{e}"
    );
    let e = load_str(
        "openapi: 4.0.0\ninfo: {title: t, version: v}\npaths: {}\n",
        "mem",
    )
    .expect_err("4.0");
    assert!(e.message.contains("found `4.0.0`"), "{e}");
}

#[test]
fn dangling_reference_names_its_pointer() {
    let e = error_for("dangling-ref.yaml");
    assert_eq!(
        e.pointer,
        "/components/schemas/Render/properties/output/properties/thumbnails/items/$ref"
    );
    assert!(
        e.message
            .contains("dangling reference `#/components/schemas/Thumbnail`"),
        "{e}"
    );
}

#[test]
fn unparsable_yaml_is_an_error() {
    let e = error_for("not-yaml.yaml");
    assert!(e.message.starts_with("not valid YAML"), "{e}");
    assert!(e.message.contains("line 11"), "{e}");
}

#[test]
fn reference_cycles_and_deep_nesting_are_errors_not_overflows() {
    let e = error_for("ref-cycle.yaml");
    assert!(e.message.contains("reference cycle"), "{e}");
    let e = error_for("deep-nesting.json");
    assert!(
        e.message.contains("recursion limit") || e.message.contains("nested deeper"),
        "{e}"
    );
    // Deep YAML too, built here so the bound is what is tested.
    let mut doc = String::from("openapi: 3.1.0\ninfo: {title: t, version: v}\npaths: {}\ncomponents:\n  schemas:\n    Deep: ");
    for _ in 0..300 {
        doc.push_str("{type: array, items: ");
    }
    doc.push_str("{type: string}");
    for _ in 0..300 {
        doc.push('}');
    }
    doc.push('\n');
    let e = load_str(&doc, "deep.yaml").expect_err("too deep");
    assert!(
        e.message.contains("deeper") || e.message.contains("recursion"),
        "{e}"
    );
}

#[test]
fn external_references_and_missing_sections_are_errors() {
    let e = error_for("external-ref.yaml");
    assert!(
        e.message
            .contains("expected a reference inside this document"),
        "{e}"
    );
    let e = error_for("no-paths.yaml");
    assert!(e.message.contains("expected the required"), "{e}");
}

#[test]
fn constructs_without_a_mapping_are_errors_not_silent_drops() {
    let doc = r#"
openapi: 3.1.0
info: {title: t, version: v}
paths: {}
components:
  schemas:
    Shape:
      type: object
      if: {properties: {kind: {const: a}}}
      then: {required: [a]}
"#;
    let e = load_str(doc, "cond.yaml").expect_err("if/then");
    assert_eq!(e.pointer, "/components/schemas/Shape/if");
    assert!(e.message.contains("no OpenAPI 3.0 equivalent"), "{e}");

    let doc = r#"
openapi: 3.1.0
info: {title: t, version: v}
paths:
  /things:
    post:
      operationId: postThing
      requestBody:
        content:
          application/xml: {schema: {type: string}}
      responses: {'200': {description: ok}}
"#;
    // An operation the client cannot send is left out, not the document.
    let spec = load_str(doc, "xml.yaml").expect("loads");
    let g = generate(&spec, &Options::default()).expect("the rest generates");
    assert_eq!(g.operations(), 0);
    let w = &g.warnings[0];
    assert!(w.skipped, "{w}");
    assert_eq!(w.pointer, "/paths/~1things/post/requestBody");
    assert_eq!(w.operation(), "POST /things (postThing)");
    assert!(w.reason.contains("application/xml"), "{w}");
    assert!(g
        .surface
        .render()
        .contains("skipped POST /things postThing: "));
}

#[test]
fn pages_with_a_yaml_block_load_like_documents() {
    let page = format!(
        "# A page\n\nSome prose.\n\n````yaml /openapi.json get /x\n{}````\n",
        std::fs::read_to_string(fixture("small-3.0.yaml")).expect("read")
    );
    let spec = load_str(&page, "page.md").expect("page loads");
    assert_eq!(spec.raw["openapi"], "3.0.3");
    let e =
        load_str("# Just prose\n\n```yaml\nnot: openapi\n```\n", "prose.md").expect_err("no block");
    assert!(e.message.contains("found none"), "{e}");
}

#[test]
fn edge_cases_generate_formats_arrays_and_shared_parameters() {
    // Compiled (against the runtime) by heygen-fixture-client as `edge`.
    let spec = load_file(&fixture("edge-3.1.yaml")).expect("edge loads");
    let g = generate(&spec, &Options::default()).expect("edge generates");
    let formats = surface_type(&g, "Formats");
    for field in [
        "u: uuid::Uuid",
        "d: chrono::naive::NaiveDate",
        "Ipv4Addr>",
        "u8?: Option<u8>",
        "f?: Option<f32>",
    ] {
        assert!(formats.contains(field), "{field} in {formats}");
    }
    // Nullable array and component-referenced query parameters are plain optional parameters.
    assert!(flat_contains(
        &g.code,
        "=> some(::std::vec::Vec<::std::string::String>)"
    ));
    // A 200 with bytes beside a bodiless 202 still generates.
    assert!(g
        .surface
        .operations
        .iter()
        .any(|l| l.contains("downloadItem")));
    // Integer enums get a schemars 1 schema, not typify's 0.8-style impl.
    assert!(flat_contains(
        &g.code,
        "fn schema_name() -> ::std::borrow::Cow<'static, str>"
    ));
    assert!(!flat_contains(&g.code, "schemars::gen::"));
}

#[test]
fn mocks_are_generated_only_when_asked() {
    let spec = load_file(&fixture("small-3.0.yaml")).expect("loads");
    assert!(generate(&spec, &Options::default())
        .expect("generates")
        .mocks
        .is_empty());
    let with = generate(
        &spec,
        &Options {
            mocks: true,
            ..Options::default()
        },
    )
    .expect("generates");
    assert!(with.mocks.contains("pub trait MockServerExt"));
}

#[test]
fn inheritance_cycles_are_errors_not_stack_overflows() {
    // Found by the property tests: typify recursed on this until the
    // generation thread's 64 MiB stack ran out.
    let doc = r#"
openapi: 3.1.0
info: {title: t, version: v}
paths: {}
components:
  schemas:
    A:
      allOf:
        - $ref: '#/components/schemas/B'
        - {type: object, properties: {n: {type: string}}}
    B:
      allOf:
        - $ref: '#/components/schemas/A'
    Tree:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
"#;
    let e = load_str(doc, "cycle.yaml").expect_err("allOf cycle");
    assert!(e.message.contains("`allOf` cycle A -> B -> A"), "{e}");
    // Recursion through a property is a tree, and fine.
    let tree = doc.replace("    A:\n      allOf:\n        - $ref: '#/components/schemas/B'\n        - {type: object, properties: {n: {type: string}}}\n    B:\n      allOf:\n        - $ref: '#/components/schemas/A'\n", "");
    let spec = load_str(&tree, "tree.yaml").expect("a recursive tree loads");
    generate(&spec, &Options::default()).expect("a recursive tree generates");
}

#[test]
fn empty_collections_are_sent_and_absent_ones_are_not() {
    let g = full();
    // typify's `skip_serializing_if = "Vec::is_empty"` would drop a `[]` the
    // caller set; an optional list is an `Option<Vec<_>>` instead.
    assert!(!flat_contains(&g.code, "Vec::is_empty"));
    let session = surface_type(g, "CreateStudioSessionRequest");
    assert!(
        session.contains("attachments?: Option<Vec<MediaInput>>"),
        "{session}"
    );
    // Builders and `Default` follow the new field types; an optional
    // field's setter takes the value.
    assert!(flat_contains(&g.code, "=> some(super::AspectRatio)"));
}

#[test]
fn job_is_implemented_for_jobs_only() {
    let g = full();
    let jobs: Vec<&str> = g
        .code
        .match_indices("impl crate::runtime::__private::Job for types::")
        .map(|(at, m)| {
            let rest = &g.code[at + m.len()..];
            &rest[..rest.find(' ').unwrap_or(rest.len())]
        })
        .collect();
    // `data` of a `GET` by id, plus `VoiceCloneJob` by `x-terminal-statuses`.
    assert_eq!(
        jobs,
        [
            "Clip",
            "DubbingJob",
            "NarratorLook",
            "RenderDetail",
            "SpeechJob",
            "StudioSession",
            "Upload",
            "VoiceCloneJob"
        ]
    );
}

/// `code` with all whitespace removed: assertions on generated code do not
/// depend on where the formatter breaks lines.
fn flat(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).collect()
}

fn flat_contains(code: &str, needle: &str) -> bool {
    flat(code).contains(&flat(needle))
}

/// The fields of builder `name`'s `operation_builder!` call, flattened
/// (`{a: T = init => kind(..), ...}`).
fn builder_call(code: &str, name: &str) -> String {
    let code = flat(code);
    let at = code
        .find(&format!("]{name},"))
        .or_else(|| code.find(&format!("operation_builder!{{{name},")))
        .unwrap_or_else(|| panic!("no operation_builder! for {name}"));
    let end = code[at..]
        .find("}options(")
        .map(|e| at + e)
        .expect("the call's options");
    code[at..=end].to_string()
}

/// Whether a flattened `operation_builder!` call has the field `field`.
fn has_field(call: &str, field: &str) -> bool {
    call.contains(&format!("{{{field}:")) || call.contains(&format!(",{field}:"))
}

/// Small documents for the decisions of the `prepare` pass that the full
/// fixture does not pin (found by mutation testing, see TESTING.md).
fn generate_yaml(yaml: &str) -> Generated {
    let spec = load_str(yaml, "inline.yaml").expect("loads");
    generate(&spec, &Options::default()).expect("generates")
}

fn type_names(g: &Generated) -> Vec<String> {
    let mut names: Vec<String> = g
        .surface
        .types
        .iter()
        .filter_map(|l| l.split(' ').nth(1).map(String::from))
        .collect();
    names.sort();
    names
}

#[test]
fn response_types_are_reused_or_made_only_when_needed() {
    let g = generate_yaml(
        r##"
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /pets/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get:
      operationId: getPet
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
    delete:
      operationId: deletePet
      responses:
        '204': {description: gone}
  /pets:
    get:
      operationId: countPets
      responses:
        '200':
          description: ok
          content: {application/json: {schema: {type: object, properties: {count: {type: integer}}}}}
components:
  schemas:
    Pet: {type: object, properties: {name: {type: string}}}
"##,
    );
    // A `$ref` success body is the referenced type; no body is no type; an
    // inline body is one struct named after the operation.
    assert_eq!(type_names(&g), ["CountPetsResponse", "Pet"]);
    assert_eq!(
        surface_type(&g, "CountPetsResponse"),
        "struct CountPetsResponse { count?: Option<i64> }"
    );
    assert!(
        g.code.contains("Response<types::Pet>"),
        "get_pet decodes a Pet"
    );
}

#[test]
fn only_post_and_patch_take_an_idempotency_key() {
    let g = full();
    let setter = |builder: &str| has_field(&builder_call(&g.code, builder), "idempotency_key");
    assert!(setter("CancelRender"), "POST");
    assert!(setter("UpdateGlossary"), "PATCH");
    assert!(!setter("GetRender"), "GET");
    assert!(!setter("DeleteSticker"), "DELETE");
}

#[test]
fn multipart_fields_and_path_parameters() {
    let g = generate_yaml(
        r##"
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /folders/{folder_id}/uploads:
    parameters: [{name: folder_id, in: path, required: true, schema: {type: string}}]
    post:
      operationId: uploadToFolder
      parameters:
        - {name: folder_id, in: path, required: true, schema: {type: string}}
        - {name: dry_run, in: query, schema: {type: boolean}}
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [file]
              properties:
                file: {type: string, format: binary}
                thumbnail: {type: string, format: byte}
                extras: {type: array, items: {type: string, format: binary}}
                note: {type: string}
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
"##,
    );
    // One argument per path parameter, declared twice or not, and none for
    // the query.
    let flat = g.code.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("pub fn upload_to_folder( &self, folder_id: &str, ) ->"),
        "{}",
        &flat[flat.find("pub fn upload_to_folder").unwrap_or(0)..][..120]
    );
    for line in [
        "- `file` (file, required)",
        "- `thumbnail` (file, optional)",
        "- `extras` (file, optional)",
        "- `note` (text, optional)",
    ] {
        assert!(g.code.contains(line), "the method's docs lack `{line}`");
    }
}

#[test]
fn every_builder_of_the_full_fixture_is_one_macro_call() {
    // Issue 28: progenitor's and typify's builders are checked against the
    // runtime's `operation_builder!` / `type_builder!` and emitted as one
    // call each; every `send` goes through the runtime's `operation`.
    let g = full();
    let code = flat(&g.code);
    let builders = code.matches("__private::operation_builder!{").count();
    assert_eq!(builders, g.operations() - 1, "all but the multipart upload");
    assert_eq!(code.matches("__private::operation(").count(), builders);
    assert!(!code.contains("asyncfnsend_raw"));
    assert!(!code.contains("<'a>{client:&'asuper::Client"));
    // Request types' builders: all but the three without fields, which
    // typify writes with `_value` and stay as written.
    assert_eq!(code.matches("__private::type_builder!(").count(), 42);
    assert_eq!(code.matches("#[derive(Clone,Debug)]pubstruct").count(), 3);
}
