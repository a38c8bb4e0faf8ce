//! Operations in, decisions out: small documents planned without running
//! progenitor.

use super::model::FormField;
use super::retry_class::RetryClass;
use super::{settle, BodyKind, OperationPlan, Paging, Plan};

/// Plans a YAML document the way `generate` does, up to progenitor.
fn plan_of(yaml: &str) -> Plan {
    let spec = crate::spec::load_str(yaml, "test.yaml").expect("the document normalises");
    let (view, mut plan) = super::prepare(&spec.normalised, "test.yaml").expect("it plans");
    settle(&mut plan, &view);
    plan
}

fn op<'a>(plan: &'a Plan, id: &str) -> &'a OperationPlan {
    plan.operations
        .iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no operation {id} in {:#?}", plan.operations))
}

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

fn doc(paths: &str, schemas: &str) -> String {
    format!("{HEAD}paths:\n{paths}components:\n  schemas:\n{schemas}")
}

const OK: &str = "      responses: {'204': {description: done}}\n";

#[test]
fn retry_classes_follow_the_method_and_a_declared_key() {
    let paths = format!(
        "  /a:\n    get:\n      operationId: readA\n{OK}    post:\n      operationId: createA\n      parameters:\n        - {{name: Idempotency-Key, in: header, schema: {{type: string}}}}\n{OK}    patch:\n      operationId: changeA\n{OK}    delete:\n      operationId: deleteA\n{OK}"
    );
    let plan = plan_of(&doc(&paths, "    X: {type: string}\n"));
    assert_eq!(op(&plan, "readA").retry_class, RetryClass::Idempotent);
    assert_eq!(op(&plan, "createA").retry_class, RetryClass::Keyed);
    assert_eq!(op(&plan, "changeA").retry_class, RetryClass::NonIdempotent);
    assert_eq!(op(&plan, "deleteA").retry_class, RetryClass::Idempotent);
}

#[test]
fn idents_are_progenitors() {
    let paths = format!("  /a:\n    get:\n      operationId: list.Videos v2\n{OK}");
    let plan = plan_of(&doc(&paths, "    X: {type: string}\n"));
    let listed = op(&plan, "list.Videos v2");
    assert_eq!(listed.rust_method, "list_videos_v2");
    assert_eq!(listed.builder, "ListVideosV2");
}

#[test]
fn two_operations_with_one_rust_name_are_refused() {
    let paths = format!(
        "  /a:\n    get:\n      operationId: getA\n{OK}  /b:\n    get:\n      operationId: get_a\n{OK}"
    );
    let spec = crate::spec::load_str(&doc(&paths, "    X: {type: string}\n"), "t.yaml")
        .expect("normalises");
    let err = super::prepare(&spec.normalised, "t.yaml").unwrap_err();
    assert!(err.to_string().contains("get_a"), "{err}");
}

#[test]
fn body_kinds_and_multipart_forms() {
    let paths = "  /json:\n    post:\n      operationId: sendJson\n      requestBody:\n        content:\n          application/json:\n            schema: {type: object, properties: {a: {type: string}}}\n      responses: {'204': {description: done}}\n  /png/{id}:\n    put:\n      operationId: sendPng\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      requestBody:\n        content:\n          image/png:\n            schema: {type: string, format: binary}\n      responses: {'204': {description: done}}\n  /form/{id}:\n    post:\n      operationId: upload\n      summary: Upload one
      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      requestBody:\n        content:\n          multipart/form-data:\n            schema:\n              type: object\n              required: [file]\n              properties:\n                file: {type: string, format: binary}\n                note: {type: string}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Uploaded'}\n";
    let plan = plan_of(&doc(
        paths,
        "    Uploaded: {type: object, properties: {data: {type: string}}}\n",
    ));
    assert_eq!(op(&plan, "sendJson").body, BodyKind::Json);
    assert_eq!(op(&plan, "sendPng").body, BodyKind::Bytes);
    let upload = op(&plan, "upload");
    let BodyKind::Multipart(form) = &upload.body else {
        panic!("{:?}", upload.body)
    };
    assert_eq!(form.summary.as_deref(), Some("Upload one"));
    assert_eq!(form.path_params, ["id"]);
    assert_eq!(
        form.fields,
        [
            FormField {
                name: "file".into(),
                required: true,
                is_file: true
            },
            FormField {
                name: "note".into(),
                required: false,
                is_file: false
            },
        ]
    );
    let success = upload.success.as_ref().expect("a JSON success body");
    assert_eq!(success.type_name, "Uploaded");
    assert!(success.envelope);
    assert_eq!(upload.retry_class, RetryClass::NonIdempotent);
    assert_eq!(plan.multipart().count(), 1);
}

/// A `GET /<path>` with a `token` cursor whose 200 body is `response`.
fn paged(id: &str, path: &str, response: &str) -> String {
    format!("  {path}:\n    get:\n      operationId: {id}\n      parameters:\n        - {{name: token, in: query, schema: {{type: string}}}}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {response}\n")
}

#[test]
fn both_page_shapes_are_planned() {
    let paths = [
        paged(
            "listA",
            "/a",
            "{type: object, properties: {data: {type: array, items: {type: string}}, has_more: {type: boolean}}}",
        ),
        paged(
            "listB",
            "/b",
            "{type: object, properties: {data: {type: object, properties: {items: {type: array, items: {type: string}}, next_token: {type: string}}}}}",
        ),
        paged(
            "listC",
            "/c",
            "{type: object, properties: {data: {$ref: '#/components/schemas/Batch'}}}",
        ),
        // No cursor beside the list: not a page.
        paged(
            "listD",
            "/d",
            "{type: object, properties: {data: {type: array, items: {type: string}}}}",
        ),
    ]
    .concat();
    let plan = plan_of(&doc(
        &paths,
        "    Batch: {type: object, properties: {items: {type: array, items: {type: string}}, has_more: {type: boolean}}}\n",
    ));
    let a = op(&plan, "listA");
    assert_eq!(a.paging, Some(Paging::DataList));
    assert_eq!(a.success.as_ref().unwrap().type_name, "ListAResponse");
    assert_eq!(
        op(&plan, "listB").paging,
        Some(Paging::DataItems {
            holder: "ListBResponseData".into()
        })
    );
    assert_eq!(
        op(&plan, "listC").paging,
        Some(Paging::DataItems {
            holder: "Batch".into()
        })
    );
    assert_eq!(op(&plan, "listD").paging, None);
}

#[test]
fn jobs_are_reads_by_id_with_a_string_status_and_listed_terminal_statuses() {
    let read = |id: &str, path: &str, schema: &str| {
        format!("  {path}:\n    get:\n      operationId: {id}\n      parameters:\n        - {{name: id, in: path, required: true, schema: {{type: string}}}}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{type: object, properties: {{data: {{$ref: '#/components/schemas/{schema}'}}}}}}\n")
    };
    let paths = [
        read("getVideo", "/videos/{id}", "Video"),
        read("getClip", "/clips/{id}", "Clip"),
    ]
    .concat();
    let schemas = "    Video:\n      type: object\n      properties:\n        status: {type: string, enum: [pending, done]}\n    Clip:\n      type: object\n      properties:\n        status: {type: string, format: date-time}\n    Render:\n      type: object\n      x-terminal-statuses: [completed, failed]\n      properties:\n        status: {type: string}\n";
    let plan = plan_of(&doc(&paths, schemas));
    let jobs: Vec<(&str, &[String])> = plan
        .jobs
        .iter()
        .map(|j| (j.type_name.as_str(), j.terminal.as_slice()))
        .collect();
    let terminal = ["completed".to_string(), "failed".to_string()];
    // `Clip`'s status is a date, which typify does not make a string.
    assert_eq!(jobs, [("Render", &terminal[..]), ("Video", &[][..])]);
}

#[test]
fn an_operation_progenitor_dropped_is_forgotten_when_the_plan_settles() {
    let paths = format!(
        "  /a:\n    get:\n      operationId: readA\n{OK}  /b:\n    get:\n      operationId: readB\n{OK}"
    );
    let spec = crate::spec::load_str(&doc(&paths, "    X: {type: string}\n"), "t.yaml")
        .expect("normalises");
    let (mut view, mut plan) = super::prepare(&spec.normalised, "t.yaml").expect("plans");
    crate::progenitor::drop_operation(&mut view, "/b", "get");
    settle(&mut plan, &view);
    let ids: Vec<&str> = plan.operations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["readA"]);
}
