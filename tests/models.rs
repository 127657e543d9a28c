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

/// How a struct reads an object: its keys in any order, the rules serde's derive has (a key met
/// twice and an absent required field are errors, unknown keys are skipped), keys borrowed or owned,
/// from text or from a `serde_json::Value`; anything but an object is an error naming the struct.
#[test]
fn structs_read_objects_by_the_rules_of_serde_derive() {
    const ID: &str = "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e";
    let read = |json: &str| serde_json::from_str::<WorkflowRun>(json);
    let text = format!(
        r#"{{"workflow_id": "{ID}", "unknown": {{"deep": [1, {{"x": null}}]}}, "id": "{ID}", "applicant_id": "{ID}", "reasons": null}}"#
    );
    let run = read(&text).unwrap();
    assert!(run.reasons.is_null() && run.tags.is_absent());
    // The same object as a `Value` (owned keys), and with a key spelled with an escape.
    assert_eq!(
        serde_json::from_value::<WorkflowRun>(serde_json::from_str(&text).unwrap()).unwrap(),
        run
    );
    let escaped = text.replace(r#""applicant_id""#, r#""applicant\u005fid""#);
    assert_eq!(read(&escaped).unwrap(), run);
    // A reader, which lends no keys.
    assert_eq!(
        serde_json::from_reader::<_, WorkflowRun>(text.as_bytes()).unwrap(),
        run
    );

    let twice = text.replace(r#""reasons": null"#, r#""reasons": null, "reasons": []"#);
    let err = read(&twice).unwrap_err().to_string();
    assert!(err.contains("duplicate field `reasons`"), "{err}");
    let err = read(&format!(r#"{{"id": "{ID}", "applicant_id": "{ID}"}}"#))
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field `workflow_id`"), "{err}");
    let err = read(&format!(r#"["{ID}", "{ID}", "{ID}"]"#))
        .unwrap_err()
        .to_string();
    assert!(err.contains("expected struct WorkflowRun"), "{err}");
    let err = read(&text.replace(r#""reasons": null"#, r#""reasons": 3"#))
        .unwrap_err()
        .to_string();
    assert!(err.contains("invalid type: integer `3`"), "{err}");
}

/// A struct that keeps the properties its schema does not list reads them into its map, typed, and
/// writes them back in place.
#[test]
fn unlisted_properties_are_kept_in_the_map() {
    let json = serde_json::json!({
        "id": "check_1",
        "href": "/v3/checks/check_1",
        "vendor": {"name": "x", "scores": [0.5]},
        "status": "complete"
    });
    let object: WebhookEventPayloadObject = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(object.id, "check_1");
    assert_eq!(
        object.additional_properties.keys().collect::<Vec<_>>(),
        ["vendor"]
    );
    assert_eq!(serde_json::to_value(&object).unwrap(), json);
}

/// Keys given as bytes (as some formats spell them) read as the text they hold.
#[test]
fn keys_may_come_as_bytes() {
    use serde::de::value::MapDeserializer;
    use serde::Deserialize;
    let entries = vec![
        (b"message".as_slice(), serde_json::json!("boom")),
        (b"\xff".as_slice(), serde_json::json!("x")),
    ];
    let map = MapDeserializer::<_, serde_json::Error>::new(entries.into_iter());
    let error = WorkflowRunError::deserialize(map).unwrap();
    assert_eq!(error.message, Nullable::Value("boom".to_owned()));
    assert!(error.r#type.is_absent());
}
