//! The compiler's recorded verdict, applied by the generator: the
//! operations it names are left out, the schemas it names read as
//! `serde_json::Value`, each with a warning that locates it.
//! (`xtask/tests/cli.rs` finds a verdict with the real compiler.)

use heygen_api_gen::{generate, load_str, Options, Verdict};

const DOC: &str = r#"
openapi: 3.0.3
info: {title: Gauges, version: 1.0.0}
paths:
  /v1/gauges/{gauge_id}:
    get:
      operationId: getGauge
      parameters:
        - {name: gauge_id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: The gauge.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Gauge'}
  /v1/readings:
    get:
      operationId: listReadings
      responses:
        '200':
          description: Readings.
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Reading'}
components:
  schemas:
    Gauge:
      type: object
      required: [id]
      properties:
        id: {type: string}
    Reading:
      type: object
      properties:
        value: {type: number}
"#;

#[test]
fn a_recorded_verdict_leaves_out_and_reads_loosely_with_located_warnings() {
    let spec = load_str(DOC, "gauges.yaml").unwrap();
    // The test hook breaks `Gauge`; the verdict reads it as any value, so
    // the broken type is never generated.
    let options = Options {
        verdict: Verdict {
            operations: vec!["listReadings".into()],
            schemas: vec!["Gauge".into()],
        },
        break_schemas: vec!["Gauge".into()],
        ..Options::default()
    };
    let generated = generate(&spec, &options).unwrap();
    assert!(!generated.code.contains("broken_by_a_test_hook"));
    let squashed: String = generated
        .code
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // `Gauge` holds any JSON value now, not the fields its schema gave.
    assert!(
        !squashed.contains("pub id: ::std::string::String"),
        "{squashed}"
    );
    assert!(!generated.code.contains("fn list_readings"));
    assert!(generated.code.contains("fn get_gauge"));
    let gauge = generated
        .warnings
        .iter()
        .find(|w| w.pointer == "/components/schemas/Gauge")
        .expect("a warning for Gauge");
    assert!(
        gauge.reason.contains("read as `serde_json::Value`"),
        "{gauge}"
    );
    assert!(gauge.to_string().contains("gauges.yaml"), "{gauge}");
    let readings = generated
        .warnings
        .iter()
        .find(|w| w.skipped)
        .expect("a warning for listReadings");
    assert_eq!(readings.operation_id, "listReadings");
    assert_eq!(readings.pointer, "/paths/~1v1~1readings/get");
    assert!(generated
        .surface
        .skipped
        .iter()
        .any(|s| s.contains("listReadings")));

    // Without the verdict, the hook's breakage is there to be found.
    let broken = Options {
        break_schemas: vec!["Gauge".into()],
        ..Options::default()
    };
    let generated = generate(&spec, &broken).unwrap();
    assert!(generated.code.contains("broken_by_a_test_hook"));
}
