//! `validate()` on the Onfido models: the spec's constraints, checked on demand, with paths.

use onfido_models::*;

#[test]
fn violations_are_listed_with_their_paths() {
    let mut tags: Vec<serde_json::Value> = (0..31).map(|i| format!("tag{i}").into()).collect();
    tags[0] = "".into();
    tags[1] = "x".repeat(129).into();
    let json = serde_json::json!({
        "id": "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e",
        "applicant_id": "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e",
        "workflow_id": "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e",
        "status": "paused",
        "customer_user_id": "u".repeat(257),
        "tags": tags,
    });
    // Reading is as tolerant as the API: nothing here stops deserialization.
    let run: WorkflowRun = serde_json::from_value(json).unwrap();
    let violations: Vec<String> = run
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        violations,
        [
            "tags: more than 30 items",
            "tags[0]: shorter than 1 characters",
            "tags[1]: longer than 128 characters",
            "customer_user_id: longer than 256 characters",
            "status: `paused` is not a value the API description lists",
        ]
    );
}

#[test]
fn nested_models_and_patterns_are_checked() {
    let licence: UsDrivingLicenceBuilder = serde_json::from_value(serde_json::json!({
        "id_number": "1", "issue_state": "california"
    }))
    .unwrap();
    let violations: Vec<String> = licence
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        violations
            .iter()
            .any(|v| v.starts_with("issue_state: does not match the pattern")),
        "{violations:?}"
    );
}

#[test]
fn constraints_of_named_scalars_apply_to_the_fields_that_use_them() {
    let applicant: ApplicantBuilder = serde_json::from_value(
        serde_json::json!({"first_name": "Ann<script>", "last_name": "Lee"}),
    )
    .unwrap();
    let violations: Vec<String> = applicant
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(violations.len(), 1, "{violations:?}");
    assert!(
        violations[0].starts_with("first_name: does not match the pattern"),
        "{violations:?}"
    );
}

#[test]
fn valid_payloads_pass() {
    let run: WorkflowRun = serde_json::from_str(include_str!(
        "fixtures/samples/WorkflowRun__onfido-node-test-examples.json"
    ))
    .unwrap();
    assert_eq!(run.validate(), Ok(()));
}
