//! The real-world corpus check's pipeline on a tiny committed spec (see `fixtures/README.md`):
//! generated, built with warnings denied and clippy, its examples and fixtures round-tripped, and
//! every failure reported where it is. The real corpus runs with `cargo run --release -p realworld`.

use std::path::{Path, PathBuf};

use expect_test::expect;
use realworld::pipeline::Generation;
use realworld::{report, Entry, Settings, Spec};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// A fresh work folder, and the target directory that `codegen/tests/generated_crates.rs` uses too,
/// so the dependencies of generated crates are built once for both.
fn settings(tag: &str) -> Settings {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let work = std::env::temp_dir().join(format!("realworld-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    Settings {
        work,
        target: root.join("target/generated-crates"),
        cargo: PathBuf::from(env!("CARGO")),
        lock: realworld::cargo::repository_lock(),
        clippy: true,
        generation_runs: 1,
        round_trips: true,
        parts: 1,
    }
}

#[test]
fn a_tiny_spec_goes_through_the_whole_pipeline() {
    let settings = settings("tiny");
    let spec = Spec {
        name: "tiny".to_owned(),
        input: fixture("tiny/openapi.yaml"),
        fixtures: Some(fixture("tiny/fixtures.json")),
    };
    let outcome = realworld::check(&spec, &settings);
    let _ = std::fs::remove_dir_all(&settings.work);
    assert!(matches!(outcome.generation, Generation::Done { .. }));
    for build in [&outcome.build, &outcome.clippy, &outcome.runner] {
        let build = build.as_ref().expect("the step ran");
        assert!(build.ok, "{}: {build:#?}", build.command);
    }
    assert!(
        outcome
            .build
            .as_ref()
            .unwrap()
            .compiled_dependencies
            .is_empty(),
        "the timed build compiles the generated crate alone"
    );
    assert!(!outcome.failed());
    assert_eq!(outcome.openapi.as_deref(), Some("3.0.3"));

    let failures: Vec<String> = outcome
        .failures
        .iter()
        .map(|f| format!("{} | {} | `{}` | {}", f.what, f.class, f.pointer, f.detail))
        .collect();
    expect![[r#"
        example 1 of `visit` | changed: string changed | `/at` | read "2024-05-06T07:08:09+00:00", wrote back "2024-05-06T07:08:09Z"
        fixture `owner` | read: invalid type: integer `…`, expected a string | `/pets/1` | invalid type: integer `7`, expected a string (reading {"id":5,"name":7} as `pet`)
        fixture `no_such_schema` | read: no type `…` | `` | no type `no_such_schema`"#]]
    .assert_eq(&failures.join("\n"));

    let table = report::table(&[Entry::Checked(Box::new(outcome.clone()))], true);
    let row = table.lines().nth(2).unwrap();
    assert!(row.starts_with("| tiny | 3.0.3 | 5 | "), "{row}");
    assert!(row.ends_with(" | ok | 2 / 3 / 1 | 1 / 3 | ok |"), "{row}");

    let text = report::spec_report(&outcome);
    for line in [
        "| 1 | changed: string changed | example 1 of `visit` at `/at`:",
        "- fixture `owner` at `/pets/1`: invalid type: integer `7`, expected a string",
        "[contradicts its schema: /pets/1/name: expected a string, found 7]",
        "- example 1 of `label`: /text: expected a string, found 5",
    ] {
        assert!(text.contains(line), "no `{line}` in:\n{text}");
    }
}

#[test]
fn a_spec_in_parts_builds_and_round_trips_through_the_crate_that_re_exports_them() {
    let settings = Settings {
        parts: 2,
        ..settings("tiny-parts")
    };
    let spec = Spec {
        name: "tiny".to_owned(),
        input: fixture("tiny/openapi.yaml"),
        fixtures: Some(fixture("tiny/fixtures.json")),
    };
    let outcome = realworld::check(&spec, &settings);
    let parts: Vec<_> = std::fs::read_dir(settings.work.join("tiny/models/parts"))
        .map(|dir| dir.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    let _ = std::fs::remove_dir_all(&settings.work);
    assert_eq!(parts.len(), 2, "{parts:?}");
    for build in [&outcome.build, &outcome.clippy, &outcome.runner] {
        let build = build.as_ref().expect("the step ran");
        assert!(build.ok, "{}: {build:#?}", build.command);
    }
    // The same three failures as in one crate: the parts read and write the same JSON.
    assert_eq!(outcome.failures.len(), 3, "{:#?}", outcome.failures);
    assert!(!outcome.failed());
}

#[test]
fn a_spec_that_does_not_generate_fails_the_check_with_its_errors() {
    let settings = settings("broken");
    let dir = &settings.work;
    std::fs::create_dir_all(dir).unwrap();
    let input = dir.join("broken.yaml");
    std::fs::write(
        &input,
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    a: {$ref: '#/nope'}\n",
    )
    .unwrap();
    let spec = Spec {
        name: "broken".to_owned(),
        input,
        fixtures: None,
    };
    let outcome = realworld::check(&spec, &settings);
    let entries = [Entry::Checked(Box::new(outcome.clone()))];
    let _ = std::fs::remove_dir_all(dir);
    assert!(outcome.failed());
    assert!(outcome.build.is_none(), "nothing is built");
    let table = report::table(&entries, false);
    assert!(
        table.contains("| broken | 3.0.0 | - | FAILED | - | - | - | - | generation FAILED |"),
        "{table}"
    );
    let errors = report::first_errors(&entries);
    assert!(
        errors.contains("broken.yaml:6:8 (#/components/schemas/a): unresolved $ref \"#/nope\""),
        "{errors}"
    );
}
