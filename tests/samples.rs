//! Real Onfido payloads (tests/fixtures/samples, see SOURCES.md there) read into their models and
//! written back unchanged.

use std::path::Path;

use onfido_models::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn sample(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/samples")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// Equal as JSON, except that two date-times are equal when they are the same instant at the same
/// offset, spelled otherwise (`2022-06-28T15:39:42Z` is written back as `2022-06-28T15:39:42+00:00`):
/// the models read them as `DateTime<FixedOffset>`, which must keep the offset, and chrono's `==`
/// compares instants alone.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w))
        }
        (Value::String(x), Value::String(y)) if x != y => {
            let instant = |s: &str| {
                chrono::DateTime::parse_from_rfc3339(s)
                    .ok()
                    .map(|t| (t, t.offset().local_minus_utc()))
            };
            instant(x).is_some() && instant(x) == instant(y)
        }
        _ => a == b,
    }
}

fn round_trip<T: DeserializeOwned + Serialize>(json: &Value) -> T {
    let model: T =
        serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("deserialize: {e}"));
    let back = serde_json::to_value(&model).unwrap();
    assert!(
        same(json, &back),
        "round trip changed the payload:\n in: {json:#}\nout: {back:#}"
    );
    model
}

#[test]
fn every_sample_is_covered() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let covered = [
        "Applicant__onfido-node-test-examples.json",
        "Check__onfido-node-test-examples.json",
        "DocumentReport__onfido-node-test-examples.json",
        "Document__onfido-node-test-examples.json",
        "WebhookEvent__onfido-node-classic-verifier-test.json",
        "WebhookEvent__onfido-node-media-studio-list-output.json",
        "WebhookEvent__onfido-node-studio-verifier-test.json",
        "WorkflowRunOutputDocumentReport__onfido-node-test-examples.json",
        "WorkflowRunOutputProfileDataCapture__onfido-java-media.json",
        "WorkflowRunOutputProfileDataCapture__onfido-node-test-examples.json",
        "WorkflowRun__onfido-node-test-examples.json",
    ];
    assert_eq!(names, covered, "a new sample needs a round-trip test");
}

#[test]
fn applicant() {
    let a: Applicant = round_trip(&sample("Applicant__onfido-node-test-examples.json"));
    assert!(
        a.dob.is_null(),
        "the API sends null for an absent date of birth"
    );
}

#[test]
fn check() {
    let c: Check = round_trip(&sample("Check__onfido-node-test-examples.json"));
    assert!(c.result.is_null());
}

#[test]
fn document() {
    let d: Document = round_trip(&sample("Document__onfido-node-test-examples.json"));
    assert!(d.side.is_null());
}

#[test]
fn document_report_alone_and_as_a_report() {
    let json = sample("DocumentReport__onfido-node-test-examples.json");
    round_trip::<DocumentReport>(&json);
    let report: Report = round_trip(&json);
    assert!(matches!(report, Report::Document(_)), "{report:?}");
}

#[test]
fn workflow_run() {
    let run: WorkflowRun = round_trip(&sample("WorkflowRun__onfido-node-test-examples.json"));
    assert_eq!(
        run.status,
        Nullable::Value(WorkflowRunStatus::AwaitingInput)
    );
    assert!(run.output.is_null() && run.link.is_null());
    assert_eq!(run.tags, Nullable::Value(Vec::new()));
}

#[test]
fn workflow_run_outputs_are_free_form_json() {
    for name in [
        "WorkflowRunOutputDocumentReport__onfido-node-test-examples.json",
        "WorkflowRunOutputProfileDataCapture__onfido-java-media.json",
        "WorkflowRunOutputProfileDataCapture__onfido-node-test-examples.json",
    ] {
        let mut run = sample("WorkflowRun__onfido-node-test-examples.json");
        run["output"] = sample(name);
        let run: WorkflowRun = round_trip(&run);
        assert!(
            run.output.as_option().is_some_and(|o| !o.is_empty()),
            "{name}"
        );
    }
}

#[test]
fn webhook_events() {
    for name in [
        "WebhookEvent__onfido-node-classic-verifier-test.json",
        "WebhookEvent__onfido-node-media-studio-list-output.json",
        "WebhookEvent__onfido-node-studio-verifier-test.json",
    ] {
        round_trip::<WebhookEvent>(&sample(name));
    }
}

#[test]
fn unknown_enum_values_survive() {
    let mut json = sample("WorkflowRun__onfido-node-test-examples.json");
    json["status"] = "paused_by_a_future_release".into();
    let run: WorkflowRun = round_trip(&json);
    assert_eq!(
        run.status,
        Nullable::Value(WorkflowRunStatus::Unknown(
            "paused_by_a_future_release".into()
        ))
    );
}

#[test]
fn unknown_report_kinds_survive() {
    let mut json = sample("DocumentReport__onfido-node-test-examples.json");
    json["name"] = "document_from_the_future".into();
    let report: Report = round_trip(&json);
    assert!(matches!(report, Report::Unknown(_)));
}
