//! Generates the Onfido models from `spec/onfido/` into `OUT_DIR` at build time.

fn main() {
    let result = modelgen::Config::new()
        .input("spec/onfido/openapi.yaml")
        .replace(modelgen::Override {
            // The spec declares a task's `output` as `type: object`, but real webhook payloads send a
            // list there: onfido-node's test/media/studio_webhook_event_with_list_in_output.json
            // (tests/fixtures/samples/WebhookEvent__onfido-node-media-studio-list-output.json).
            target: modelgen::Target::Field("webhook_event_payload_resource".into(), "output".into()),
            ty: "any".into(),
            reason: Some(
                "the spec says `object`, but the API sends lists too (a task's output can be any JSON value)."
                    .into(),
            ),
        })
        .build();
    if let Err(error) = result {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
