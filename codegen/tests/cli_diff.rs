//! The `diff`, `check` and `ir` commands of the `modelgen` binary: output and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use modelgen::input::openapi;

const OLD: &str = "spec/onfido/openapi.yaml";
const NEW: &str = "codegen/tests/fixtures/onfido-spec-latest/openapi.yaml";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn modelgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_modelgen"))
        .current_dir(repo(""))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn diff_prints_the_library_report_and_fails_as_asked() {
    let old = openapi::load(&repo(OLD)).unwrap().model;
    let new = openapi::load(&repo(NEW)).unwrap().model;
    let want = modelgen::diff::diff(&old, &new);

    let text = modelgen(&["diff", OLD, NEW]);
    assert_eq!(text.status.code(), Some(0));
    assert_eq!(stdout(&text), want.to_text());

    let json = modelgen(&[
        "diff",
        OLD,
        NEW,
        "--format",
        "json",
        "--fail-on",
        "breaking",
    ]);
    assert_eq!(json.status.code(), Some(1));
    let got: modelgen::diff::Diff = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(got, want);

    assert_eq!(
        modelgen(&["diff", OLD, OLD, "--fail-on", "any"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        modelgen(&["diff", OLD, NEW, "--fail-on", "never"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn diff_errors_exit_2() {
    let missing = modelgen(&["diff", OLD, "missing.yaml", "--fail-on", "breaking"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("missing.yaml"));
    assert_eq!(modelgen(&["diff", OLD]).status.code(), Some(2));
    assert_eq!(
        modelgen(&["diff", OLD, NEW, "--fail-on", "sometimes"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn check_reads_everything_and_writes_nothing() {
    let ok = modelgen(&["check", NEW]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(stdout(&ok).starts_with("ok: "), "{}", stdout(&ok));
    let bad = modelgen(&["check", "missing.yaml"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("missing.yaml"));
}

#[test]
fn ir_prints_the_model_as_json() {
    // The same path as the library call below, so that type origins agree.
    let path = repo(OLD);
    let out = modelgen(&["ir", &path.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0));
    let model: modelgen::ir::Model = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(model, openapi::load(&path).unwrap().model);
}

#[test]
fn every_new_command_has_help() {
    for command in ["diff", "check", "ir"] {
        let out = modelgen(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout(&out).starts_with(&format!("modelgen {command}:")));
    }
}

#[test]
fn model_options_apply_as_for_generate() {
    let out = modelgen(&["ir", OLD, "--keep-unknown-fields", "*"]);
    assert_eq!(out.status.code(), Some(0));
    let model: modelgen::ir::Model = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(model.types.iter().all(|t| match &t.kind {
        modelgen::ir::TypeKind::Struct(s) => s.additional.is_some(),
        _ => true,
    }));
    // Applied to both sides, an option changes nothing in the diff.
    let same = modelgen(&[
        "diff",
        OLD,
        OLD,
        "--keep-unknown-fields",
        "*",
        "--fail-on",
        "any",
    ]);
    assert_eq!(same.status.code(), Some(0));
}
