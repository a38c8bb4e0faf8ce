//! Documents as real authors write them: HeyGen's published pages, and the
//! mistakes and constructs seen in other real OpenAPI documents. Each case
//! is a small invented document under `tests/fixtures/real/`; each either
//! generates (and the fixture client compiles it) or is skipped with a
//! warning that names where.

mod support;

use std::path::{Path, PathBuf};

use heygen_api_gen::{generate, merge, Generated, Options, Spec, Warning};
use support::pages;

fn real(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name)
}

fn gen(spec: &Spec) -> Generated {
    generate(spec, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn with_reason<'a>(warnings: &'a [Warning], needle: &str) -> Vec<&'a Warning> {
    warnings
        .iter()
        .filter(|w| w.reason.contains(needle))
        .collect()
}

#[test]
fn heygen_pages_with_ref_object_mappings_generate() {
    let spec = pages(&real("heygen-pages"));
    let g = gen(&spec);
    let notes = with_reason(&g.warnings, "mapping value written as `{$ref");
    assert_eq!(notes.len(), 5, "{:#?}", g.warnings);
    let colour = notes
        .iter()
        .find(|w| w.pointer.ends_with("/discriminator/mapping/colour"))
        .expect("the colour mapping is noted");
    assert_eq!(
        colour.pointer,
        "/components/schemas/MakeClipRequest/properties/backdrop/discriminator/mapping/colour"
    );
    assert!(
        colour
            .to_string()
            .contains("heygen-pages/make-clip.md: at /components/schemas/MakeClipRequest"),
        "{colour}"
    );
    assert_eq!(g.operations(), 4, "{:#?}", g.surface.operations);
    let source = g
        .surface
        .types
        .iter()
        .find(|t| t.starts_with("enum MakeClipRequestSource "))
        .expect("the union is an enum");
    assert!(source.contains("(tag \"kind\")"), "{source}");
}

fn constructs() -> &'static Generated {
    static G: std::sync::OnceLock<Generated> = std::sync::OnceLock::new();
    G.get_or_init(|| {
        let spec = heygen_api_gen::load_file(&real("constructs-3.1.yaml"))
            .unwrap_or_else(|e| panic!("{e}"));
        gen(&spec)
    })
}

fn warning<'a>(g: &'a Generated, pointer: &str) -> &'a Warning {
    g.warnings
        .iter()
        .find(|w| w.pointer == pointer)
        .unwrap_or_else(|| panic!("no warning at {pointer}: {:#?}", g.warnings))
}

fn has_op(g: &Generated, id: &str) -> bool {
    g.surface
        .operations
        .iter()
        .any(|o| o.contains(&format!(" {id} -> ")))
}

#[test]
fn every_warning_names_origin_pointer_and_operation() {
    let g = constructs();
    assert!(!g.warnings.is_empty());
    for w in &g.warnings {
        assert!(w.origin.ends_with("constructs-3.1.yaml"), "{w}");
        assert!(w.pointer.starts_with('/'), "{w}");
        if w.pointer.starts_with("/paths/") && !w.reason.contains("read as the template") {
            assert!(!w.method.is_empty() && !w.operation_id.is_empty(), "{w}");
        }
        assert!(w.to_string().contains(&w.pointer), "{w}");
    }
}

#[test]
fn cookie_parameters_are_dropped_or_skip_their_operation() {
    let g = constructs();
    let w = warning(g, "/paths/~1v1~1harvests/get/parameters/3");
    assert!(
        !w.skipped
            && w.reason
                .contains("optional cookie parameter `orchard_session` left out"),
        "{w}"
    );
    let w = warning(g, "/paths/~1v1~1me/get/parameters/0");
    assert!(w.skipped, "{w}");
    assert_eq!(w.operation(), "GET /v1/me (whoAmI)");
    assert!(!has_op(g, "whoAmI"));
    assert!(g
        .surface
        .skipped
        .iter()
        .any(|l| l.starts_with("skipped GET /v1/me whoAmI: ")));
}

#[test]
fn object_query_parameters_are_sent_as_their_style_says_or_dropped() {
    let g = constructs();
    // deepObject and exploded form objects of scalars: one parameter a field.
    let w = warning(g, "/paths/~1v1~1harvests/get/parameters/4");
    assert!(
        w.reason
            .contains("sent as one parameter per field: `filter[variety]`"),
        "{w}"
    );
    assert!(flat(&g.code).contains("\"filter[variety]\","));
    assert!(has_setter(&g.code, "filter_variety"));
    let w = warning(g, "/paths/~1v1~1harvests/get/parameters/6");
    assert!(w.reason.contains("`from`, `to`"), "{w}");
    assert!(has_setter(&g.code, "from"));
    // A nested object has no query spelling: dropped, being optional.
    let w = warning(g, "/paths/~1v1~1harvests/get/parameters/7");
    assert!(
        w.reason
            .contains("optional query parameter `shape` left out"),
        "{w}"
    );
    assert!(warning(g, "/paths/~1v1~1harvests/get/parameters/5")
        .reason
        .contains("`X-Crates`"));
    assert!(has_op(g, "listHarvests"));
    assert!(!g.code.contains("\"X-Crates\""));
    assert!(!g.code.contains("\"shape"));
}

#[test]
fn colliding_query_parameters_get_distinct_rust_names_and_keep_their_wire_names() {
    let g = constructs();
    for (wire, method) in [
        ("StartTime", "start_time"),
        ("StartTime<", "start_time_lt"),
        ("StartTime>", "start_time_gt"),
    ] {
        assert!(has_setter(&g.code, method), "{method}");
        // Formatting may break the call over lines: compare without spaces.
        let flat: String = g.code.split_whitespace().collect();
        let call = format!("QueryParam::new(\"{wire}\",&{method}");
        assert!(
            flat.contains(&format!("{call})")) || flat.contains(&format!("{call},)")),
            "{wire}"
        );
    }
}

#[test]
fn a_get_body_without_schema_is_no_body_and_binary_bodies_are_bytes() {
    let g = constructs();
    assert!(warning(g, "/paths/~1v1~1harvests/get/requestBody")
        .reason
        .contains("sent without a body"));
    assert!(warning(g, "/paths/~1v1~1photos/post/requestBody/content")
        .reason
        .contains("image/jpeg"));
    assert!(has_op(g, "uploadPhoto") && has_op(g, "putBlob"));
    assert_eq!(g.code.matches("\"application/octet-stream\"").count(), 2);
}

#[test]
fn a_json_body_without_schema_is_any_value() {
    let g = constructs();
    assert!(warning(g, "/paths/~1v1~1notes/post/requestBody")
        .reason
        .contains("any JSON value"));
    assert!(has_op(g, "postNote"));
}

#[test]
fn a_path_parameter_that_is_a_union_of_strings_is_a_string() {
    let g = constructs();
    assert!(
        warning(g, "/paths/~1v1~1trees~1{tree_ref}/get/parameters/0/schema")
            .reason
            .contains("union of strings")
    );
    // The builder's field and setter (the runtime's `operation_builder!`).
    assert!(
        flat(&g.code).contains("tree_ref:::std::string::String=Err(::std::string::String::new())=>plain(::std::string::String)"),
        "tree_ref is not a String"
    );
}

#[test]
fn a_ref_success_body_keeps_its_component_name() {
    // `ResponseBody_Tree_` used to be referenced as `ResponseBodyTree`, a
    // component the document does not have.
    let g = constructs();
    assert!(g.code.contains("Response<types::ResponseBodyTree>"));
}

#[test]
fn only_string_statuses_make_a_job() {
    let g = constructs();
    // Tree.status is an object, Crate.status a list, Picker.status a tagged union.
    // (The fixture client compiles this code.)
    assert!(
        !g.code.contains("Job for"),
        "a non-string status became a Job"
    );
    let full = heygen_api_gen::load_file(&real("../full-3.1.yaml")).unwrap();
    assert!(
        gen(&full).code.contains("Job for types::"),
        "string statuses still make jobs"
    );
}

#[test]
fn websocket_operations_are_skipped_and_dropshot_pagination_is_plain() {
    let g = constructs();
    let w = warning(g, "/paths/~1v1~1orchard-feed/get/x-dropshot-websocket");
    assert!(w.skipped && w.reason.contains("websocket"), "{w}");
    assert!(has_op(g, "listPickers"));
    assert!(
        !g.code.contains("futures"),
        "progenitor's pagination code needs `futures`"
    );
}

#[test]
fn harmless_mistakes_are_dropped_with_a_warning() {
    let g = constructs();
    let p = "/components/schemas/Harvest";
    assert!(warning(g, &format!("{p}/properties/crates/default"))
        .reason
        .contains("\"ten\" is not a valid `integer`"));
    assert!(warning(g, &format!("{p}/properties/picked_by/required"))
        .reason
        .contains("`required: <bool>`"));
    assert!(warning(g, &format!("{p}/properties/extra/format"))
        .reason
        .contains("`format` on an object"));
    assert!(warning(g, &format!("{p}/x-internal-model"))
        .reason
        .contains("holds a `$ref`"));
}

#[test]
fn integers_beyond_64_bits_are_numbers() {
    let spec = heygen_api_gen::load_file(&real("constructs-3.1.yaml")).unwrap();
    let max = spec
        .raw
        .pointer("/components/schemas/Harvest/properties/weight/maximum")
        .unwrap();
    assert_eq!(max.as_f64(), Some(99999999999999999999999.0));
    let negative =
        heygen_api_gen::load::parse_document("a: -99999999999999999999999\n", "n.yaml").unwrap();
    assert_eq!(negative["a"].as_f64(), Some(-99999999999999999999999.0));
}

#[test]
fn literal_path_templates_become_parameters() {
    let g = constructs();
    let w = warning(g, "/paths/~1v2~1crate~1<crate_id>");
    assert!(w.reason.contains("`/v2/crate/{crate_id}`"), "{w}");
    assert!(g
        .surface
        .operations
        .iter()
        .any(|o| o == "op GET /v2/crate/{crate_id} getCrate -> get_crate"));
    assert!(has_setter(&g.code, "crate_id"));
}

#[test]
fn prefix_items_and_unsatisfiable_schemas_warn() {
    let g = constructs();
    assert!(warning(
        g,
        "/components/schemas/Harvest/properties/position/prefixItems"
    )
    .reason
    .contains("array of any JSON value"));
    assert!(g
        .surface
        .types
        .iter()
        .any(|t| t.contains("position: Vec<serde_json::Value>")
            || t.contains("position?: Option<Vec<serde_json::Value>>")));
    assert!(warning(g, "/components/schemas/Lid")
        .reason
        .contains("unsatisfiable"));
    let lid = g
        .surface
        .types
        .iter()
        .find(|t| t.starts_with("enum Lid "))
        .unwrap();
    assert!(
        lid.contains("\"open\"") && lid.contains("\"sealed\""),
        "{lid}"
    );
}

#[test]
fn operations_progenitor_cannot_map_are_found_and_skipped() {
    let spec = heygen_api_gen::load_file(&real("progenitor-fails.yaml")).unwrap();
    let g = gen(&spec);
    let skipped: Vec<String> = g
        .warnings
        .iter()
        .filter(|w| w.skipped)
        .map(|w| w.operation())
        .collect();
    assert_eq!(
        skipped,
        ["POST /firings (startFiring)", "GET /kilns/{kiln} (getKiln)"],
        "{:#?}",
        g.warnings
    );
    for w in g.warnings.iter().filter(|w| w.skipped) {
        assert!(
            w.reason
                .starts_with("operation left out: progenitor cannot map it: "),
            "{w}"
        );
        assert!(
            w.pointer == "/paths/~1firings/post" || w.pointer == "/paths/~1kilns~1{kiln}/get",
            "{w}"
        );
    }
    assert!(has_op(&g, "listFirings") && has_op(&g, "getFiring"));
}

#[test]
fn a_nullable_union_component_is_not_its_own_option() {
    let g = constructs();
    let types = &g.surface.types;
    assert!(
        types
            .iter()
            .any(|t| t == "struct Season(Option<SeasonValue>)"),
        "{types:#?}"
    );
    assert!(
        types
            .iter()
            .any(|t| t.starts_with("enum SeasonValue (untagged) = ")),
        "{types:#?}"
    );
    assert!(
        !types.iter().any(|t| t.starts_with("enum Season ")),
        "{types:#?}"
    );
}

#[test]
fn a_schema_typify_cannot_map_is_any_value_and_named() {
    let g = constructs();
    let w = warning(g, "/components/schemas/NotAString");
    assert!(
        w.reason.starts_with(
            "schema read as any JSON value (`serde_json::Value`): typify cannot map it: "
        ),
        "{w}"
    );
    assert!(!w.reason.contains('\n') && w.reason.len() < 260, "{w}");
    assert!(g
        .surface
        .types
        .iter()
        .any(|t| t == "struct NotAString(serde_json::Value)"));
}

#[test]
fn an_unsatisfiable_schema_is_a_warning_not_a_silent_empty_enum() {
    let g = constructs();
    let w = warning(g, "/components/schemas/Impossible");
    assert!(w.reason.contains("unsatisfiable schema"), "{w}");
}

#[test]
fn every_error_names_a_pointer_or_a_line() {
    // Each document error of the pipeline, from the loader to progenitor:
    // a pointer into the document, or (for text that does not parse at
    // all) the line and column.
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&bad)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut cases: Vec<(String, heygen_api_gen::GenError)> = Vec::new();
    for f in files {
        let e = heygen_api_gen::load_file(&f)
            .and_then(|s| generate(&s, &Options::default()))
            .expect_err("a bad fixture");
        cases.push((f.display().to_string(), e));
    }
    let inline = [
        ("duplicate ids", "openapi: 3.0.3\ninfo: {title: t, version: v}\npaths:\n  /a: {get: {operationId: x, responses: {'200': {description: ok}}}}\n  /b: {get: {operationId: x, responses: {'200': {description: ok}}}}\n"),
        ("duplicate key", "openapi: 3.0.3\ninfo: {title: t, version: v}\npaths:\n  /a:\n    get: {responses: {}}\n    get: {responses: {}}\n"),
        ("no responses", "openapi: 3.0.3\ninfo: {title: t, version: v}\npaths:\n  /a: {get: {operationId: x}}\n"),
        ("if/then", "openapi: 3.1.0\ninfo: {title: t, version: v}\npaths: {}\ncomponents: {schemas: {A: {if: {}, then: {}}}}\n"),
        ("not a mapping", "openapi: 3.0.3\ninfo: {title: t, version: v}\npaths: {/a: 3}\n"),
    ];
    for (name, doc) in inline {
        let e = heygen_api_gen::load_str(doc, name)
            .and_then(|s| generate(&s, &Options::default()))
            .expect_err(name);
        cases.push((name.to_string(), e));
    }
    for (name, e) in &cases {
        assert!(
            e.pointer.starts_with('/') || e.message.contains("line"),
            "{name}: no location in {e:?}"
        );
        assert!(
            !e.message.contains('\n'),
            "{name}: a multi-line message: {e}"
        );
    }
}

#[test]
fn errors_and_warnings_of_merged_pages_name_the_page() {
    let page = |path: &str, id: &str, schema: serde_json::Value| {
        serde_json::json!({
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {path: {"get": {"operationId": id, "responses": {"200": {"description": "ok",
                "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{id}")}}}}}}}},
            "components": {"schemas": {id: schema}}
        })
    };
    let a = page("/a", "A", serde_json::json!({"type": "object"}));
    let b = page(
        "/b",
        "B",
        serde_json::json!({"type": "object", "format": "json"}),
    );
    let (merged, origins) =
        merge::merge_with_origins(&[("a.md".into(), a.clone()), ("b.md".into(), b)]).unwrap();
    let g = gen(&heygen_api_gen::from_merged(merged, "pages/", origins).unwrap());
    assert_eq!(g.warnings.len(), 1, "{:#?}", g.warnings);
    assert_eq!(g.warnings[0].origin, "b.md");

    let c = page(
        "/c",
        "C",
        serde_json::json!({"$ref": "#/components/schemas/Nowhere"}),
    );
    let (merged, origins) =
        merge::merge_with_origins(&[("a.md".into(), a), ("c.md".into(), c)]).unwrap();
    let e = heygen_api_gen::from_merged(merged, "pages/", origins).unwrap_err();
    assert_eq!(e.origin, "c.md", "{e}");
    assert_eq!(e.pointer, "/components/schemas/C/$ref");
}

#[test]
fn a_media_type_that_is_not_an_object_is_an_error_or_a_skip_not_a_panic() {
    // Found by fuzz_props: `content: {application/json: [..]}` was indexed
    // as an object in `prepare`.
    let text = r#"
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a/{id}:
    post:
      operationId: postA
      parameters:
        - {in: path, name: id, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json: [one, two, null]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: [string, 'null']}}
"#;
    let outcome = heygen_api_gen::load_str(text, "list-media.yaml")
        .and_then(|spec| generate(&spec, &Options::default()));
    if let Err(e) = outcome {
        assert!(!e.message.is_empty());
    }
}

/// The rewrites fixture: every construct in it generates, nothing skipped.
#[test]
fn the_rewrite_constructs_generate_with_nothing_skipped() {
    let spec = heygen_api_gen::load_file(&real("rewrites-3.1.yaml")).expect("loads");
    let g = gen(&spec);
    assert!(g.warnings.iter().all(|w| !w.skipped), "{:?}", g.warnings);
    for op in ["get_tool", "list_shelf", "create_loan"] {
        assert!(g.code.contains(&format!("pub fn {op}(")), "{op} missing");
    }
}

/// An operation whose request code a rewrite cannot handle is left out,
/// with a warning locating it and a `skipped` line in the surface, and the
/// rest of the document is generated (the fixture client compiles the
/// result: `rewrites_skipping`).
#[test]
fn a_rewrite_that_fails_on_an_operation_skips_that_operation_only() {
    let spec = heygen_api_gen::load_file(&real("rewrites-3.1.yaml")).expect("loads");
    let options = Options {
        fail_rewrite_of: vec!["list_shelf".into()],
        ..Options::default()
    };
    let g = generate(&spec, &options).expect("generated without it");
    let skipped: Vec<&Warning> = g.warnings.iter().filter(|w| w.skipped).collect();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    let w = skipped[0];
    assert_eq!(w.pointer, "/paths/~1shelves~1{shelf}~1tools/get");
    assert_eq!(
        (w.method.as_str(), w.path.as_str(), w.operation_id.as_str()),
        ("GET", "/shelves/{shelf}/tools", "listShelf")
    );
    assert!(w.origin.ends_with("rewrites-3.1.yaml"), "{}", w.origin);
    assert!(
        w.reason.contains("cannot rewrite its request code"),
        "{}",
        w.reason
    );
    assert!(g
        .surface
        .render()
        .contains("skipped GET /shelves/{shelf}/tools listShelf: "));
    assert!(!g.code.contains("pub fn list_shelf("));
    assert!(g.code.contains("pub fn get_tool("));
    assert!(g.code.contains("pub fn create_loan("));
}

fn flat(code: &str) -> String {
    code.split_whitespace().collect()
}

/// Whether an operation builder has a setter `name`: written out, or a
/// field of the runtime's `operation_builder!` (which writes one setter per
/// field).
fn has_setter(code: &str, name: &str) -> bool {
    let flat = flat(code);
    code.contains(&format!("pub fn {name}<"))
        || flat.split("operation_builder!{").skip(1).any(|call| {
            let fields = call.split("}options(").next().unwrap_or("");
            fields.contains(&format!("{{{name}:")) || fields.contains(&format!(",{name}:"))
        })
}
