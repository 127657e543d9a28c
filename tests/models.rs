//! The shapes the Onfido models must have, checked by the compiler: a field of the wrong type does
//! not build.

use onfido_models::*;

#[test]
fn workflow_run_has_the_spec_types() {
    let json = serde_json::json!({
        "id": "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e",
        "applicant_id": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
        "workflow_id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
        "created_at": "2022-06-28T15:39:42+02:00",
        "tags": null,
        "output": {"any": ["json", 1]}
    });
    let run: WorkflowRun = serde_json::from_value(json).unwrap();
    let _: uuid::Uuid = run.id;
    let _: uuid::Uuid = run.applicant_id;
    let _: uuid::Uuid = run.workflow_id;
    let created: &chrono::DateTime<chrono::FixedOffset> = run.created_at.as_option().unwrap();
    assert_eq!(
        created.offset().local_minus_utc(),
        7200,
        "the offset is kept"
    );
    let _: &Nullable<WorkflowRunStatus> = &run.status;
    let _: &Nullable<Vec<String>> = &run.tags;
    assert!(run.tags.is_null());
    let output: &serde_json::Map<String, serde_json::Value> = run.output.as_option().unwrap();
    assert_eq!(output["any"][1], 1);
}

#[test]
fn required_fields_are_demanded() {
    let err =
        serde_json::from_str::<WorkflowRun>(r#"{"id": "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e"}"#)
            .unwrap_err();
    assert!(
        err.to_string().contains("missing field `applicant_id`"),
        "{err}"
    );
}

#[test]
fn inline_enums_are_named_after_parent_and_property() {
    let link: WorkflowRunLink = serde_json::from_str(r#"{"language": "de_DE"}"#).unwrap();
    assert_eq!(
        link.language,
        Nullable::Value(WorkflowRunLinkLanguage::DeDE)
    );
}
