//! `modelgen check` on broken inputs: one case per class of problem, each naming file and location.

mod support;

use std::process::Command;

use support::{spec_with_schemas, TempDir};

/// Runs `modelgen check` on `openapi.yaml` (or `target`) among `files`; returns exit code and stderr,
/// with the temporary directory removed from paths.
fn check(files: &[(&str, &str)], target: &str) -> (Option<i32>, String) {
    let dir = TempDir::new("diag");
    dir.write(files);
    let output = Command::new(env!("CARGO_BIN_EXE_modelgen"))
        .arg("check")
        .arg(dir.path().join(target))
        .output()
        .unwrap();
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&format!("{}/", dir.path().display()), "");
    (output.status.code(), stderr)
}

fn assert_reports(files: &[(&str, &str)], target: &str, wanted: &[&str]) {
    let (code, stderr) = check(files, target);
    assert_eq!(code, Some(1), "{stderr}");
    for want in wanted {
        assert!(stderr.contains(want), "missing {want:?} in:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn yaml_syntax() {
    assert_reports(
        &[(
            "openapi.yaml",
            "openapi: 3.0.0\ninfo: {title: t\npaths: {}\n",
        )],
        "openapi.yaml",
        &["error: openapi.yaml:3:", "YAML syntax error"],
    );
}

#[test]
fn unresolved_ref_with_the_chain_that_reached_it() {
    assert_reports(
        &[
            (
                "openapi.yaml",
                &spec_with_schemas("a: {$ref: 'defs.yaml#/b'}"),
            ),
            (
                "defs.yaml",
                "b:\n  properties:\n    c: {$ref: 'defs.yaml#/nope'}\n",
            ),
        ],
        "openapi.yaml",
        &[
            "error: defs.yaml:3:8 (#/b/properties/c): unresolved $ref \"defs.yaml#/nope\"",
            "reached through `a` (",
            "then `b` (",
        ],
    );
}

#[test]
fn wrong_shape() {
    assert_reports(
        &[("openapi.yaml", &spec_with_schemas("a:\n  type: object\n  properties:\n    b: just text"))],
        "openapi.yaml",
        &["error: openapi.yaml:9:12 (#/components/schemas/a/properties/b): a property schema must be a mapping"],
    );
    assert_reports(
        &[("openapi.yaml", &spec_with_schemas("a:\n  type: object\n  properties: [b, c]\n  required: b"))],
        "openapi.yaml",
        &[
            "openapi.yaml:8:19 (#/components/schemas/a/properties): `properties` must be a mapping of property names to schemas",
            "openapi.yaml:9:17 (#/components/schemas/a/required): `required` must be a list of property names",
        ],
    );
}

#[test]
fn unsupported_construct() {
    assert_reports(
        &[("openapi.yaml", "swagger: '1.2'\n")],
        "openapi.yaml",
        &["unsupported Swagger version: expected Swagger 2.0 or OpenAPI 3.x"],
    );
}

#[test]
fn an_inline_schema_is_reported_once() {
    let (code, stderr) = check(
        &[("openapi.yaml", &spec_with_schemas("a:\n  properties:\n    b:\n      properties: {c: {type: string}}\n      required: c"))],
        "openapi.yaml",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr.matches("`required` must be a list").count(),
        1,
        "{stderr}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let (code, stderr) = check(
        &[(
            "openapi.yaml",
            &spec_with_schemas("a: {$ref: '#/x'}\nb: {type: strin}\nc: {$ref: '#/y'}"),
        )],
        "openapi.yaml",
    );
    assert_eq!(code, Some(1));
    assert_eq!(stderr.matches("error: ").count(), 3, "{stderr}");
}

#[test]
fn markdown_docs() {
    assert_reports(
        &[(
            "docs/Pet.md",
            "# Pet\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**tags** | **Array&lt;Tag** | | [optional]\n",
        )],
        "docs",
        &["docs/Pet.md:7:", "Array<Tag"],
    );
}

#[test]
fn a_good_input_passes() {
    let (code, stderr) = check(
        &[("openapi.yaml", &spec_with_schemas("a: {type: string}"))],
        "openapi.yaml",
    );
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn what_docs_cannot_say_is_a_warning_not_an_error() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown/ruby");
    let output = Command::new(env!("CARGO_BIN_EXE_modelgen"))
        .arg("check")
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "PetStatus.md:5:1: `PetStatus` has an empty table (an enum whose values the ruby docs \
             do not list, a oneOf of scalars, or an object without properties): read as any JSON value"
        ),
        "{stderr}"
    );
    // The same with --strict is an error.
    let output = Command::new(env!("CARGO_BIN_EXE_modelgen"))
        .args(["check", "--strict"])
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("PetStatus.md:5:1: `PetStatus` has an empty table"),
        "{stderr}"
    );
}

#[test]
fn examples_that_contradict_their_schema_are_warned() {
    let schemas = "run:\n  type: object\n  required: [id]\n  example: {id: 7, at: '2020-01-01', tags: [a, 1]}\n  properties:\n    id: {type: string, format: uuid}\n    at: {type: string, format: date-time}\n    tags: {type: array, items: {type: string}}\nok:\n  type: object\n  example: {n: 1}\n  properties: {n: {type: integer}}";
    let (code, stderr) = check(
        &[("openapi.yaml", &spec_with_schemas(schemas))],
        "openapi.yaml",
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "openapi.yaml (#/components/schemas/run): example 1 of `run` does not fit its schema: \
             /id: expected a UUID, found 7; /at: expected an RFC 3339 date-time, found the string \"2020-01-01\"; \
             /tags/1: expected a string, found 1"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("`ok`"), "{stderr}");
}
