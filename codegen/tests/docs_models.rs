//! Compiles the Rust generated from the Onfido typescript docs with every warning denied, and reads a
//! real payload with it. `tests/crosscheck_onfido.rs` keeps the generated file fresh.
#![deny(warnings)]

// The models are only partly used here; a test binary would call every unused one dead code. Enum
// variants keep the spec's capitals (`ABW` for a country code), which clippy's style lint dislikes.
#[allow(dead_code, clippy::upper_case_acronyms)]
#[rustfmt::skip]
#[path = "generated/onfido_docs.rs"]
mod onfido_docs;

#[test]
fn a_workflow_run_reads_and_writes_back_unchanged() {
    let json = r#"{"id":"r1","applicant_id":"a1","workflow_id":"w1","status":"awaiting_input","tags":["x"],"workflow_version_id":3.0}"#;
    let run: onfido_docs::WorkflowRun = match serde_json::from_str(json) {
        Ok(run) => run,
        Err(e) => panic!("{e}"),
    };
    let back = serde_json::to_value(&run).ok();
    assert_eq!(back, serde_json::from_str::<serde_json::Value>(json).ok());
}
