//! The generator configuration of the Onfido models, shared by `build.rs` (which generates them) and
//! the property test (which makes instances from the same model, overrides included).
//!
//! Where real payloads contradict the spec, the configuration corrects the models, each time with the
//! evidence (the payloads are in `tests/fixtures/samples/`, see SOURCES.md there).

use modelgen::{Config, Override, Target};

fn replace_field(type_name: &str, field: &str, ty: &str, reason: &str) -> Override {
    Override {
        target: Target::Field(type_name.into(), field.into()),
        ty: ty.into(),
        reason: Some(reason.into()),
    }
}

/// The configuration, with paths relative to the package root.
pub fn config(root: &std::path::Path) -> Config {
    let mut config = Config::new();
    config.input(root.join("spec/onfido/openapi.yaml"));
    // The spec says a task's `output` is an object; the API also sends lists
    // (WebhookEvent__onfido-node-media-studio-list-output.json: `payload.resource.output` is an array).
    config.replace(replace_field(
        "webhook_event_payload_resource",
        "output",
        "any",
        "the spec says `object`, but the API sends lists too: a task's output can be any JSON value.",
    ));
    // The spec says report ids are UUIDs; the check that onfido-node's tests read back has
    // `"report_ids": ["report-1", "report-2"]` (Check__onfido-node-test-examples.json). Text reads both.
    for type_name in ["check", "check_response"] {
        config.replace(replace_field(
            type_name,
            "report_ids",
            "[string]",
            "the spec says `uuid`, but payloads carry report ids that are not UUIDs.",
        ));
    }
    // The object of a workflow-task webhook event carries task fields that the spec does not list
    // (`task_spec_id`, `task_def_id`, `workflow_run_id` in
    // WebhookEvent__onfido-node-media-studio-list-output.json): keep them.
    config.keep_unknown_fields("webhook_event_payload_object");
    // The spec's examples become doctests of this crate, so `cargo test` checks them;
    // `value.validate()` checks the spec's constraints on demand (reading stays tolerant); the
    // property test reaches each type by its schema name through `round_trip.rs`.
    config
        .doctest_crate("onfido_models")
        .validation(true)
        .round_trip_file("round_trip.rs");
    config
}
