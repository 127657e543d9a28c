//! Generated code compiles warning-free, clippy-clean and rustdoc-clean as a crate of its own:
//! the kitchen-sink fixture (every construct, snapshotted), the bundled Onfido spec and the Onfido
//! typescript docs, each through `modelgen generate --crate`; and the crates of real model docs, in
//! every language and generator version of the fixtures, compile warning-free.

mod support;

// Builds generated crates the way the real-world corpus check does, in the same target directory.
#[allow(dead_code)]
#[path = "../../tools/realworld/src/cargo.rs"]
mod cargo_run;

use std::path::{Path, PathBuf};
use std::process::Command;

use expect_test::expect_file;
use support::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn modelgen(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_modelgen"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `cargo <args>` in `dir` with warnings denied, sharing one target directory between runs so
/// the dependencies build once.
fn cargo(dir: &Path, args: &[&str]) {
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/generated-crates");
    let run = cargo_run::cargo(env!("CARGO").as_ref(), dir, &target, args).unwrap();
    assert!(
        run.success,
        "cargo {args:?} failed in {}:\n{}\n{}",
        dir.display(),
        run.stdout,
        run.stderr
    );
}

fn generate_crate(input: &Path, dir: &Path, name: &str) {
    // With `--validation`, so the optional `Validate` code is checked too.
    let output = modelgen(&[
        "generate".as_ref(),
        input.as_os_str(),
        "--crate".as_ref(),
        dir.as_os_str(),
        "--name".as_ref(),
        name.as_ref(),
        "--validation".as_ref(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn kitchen_sink_snapshot() {
    let generated = modelgen::Config::new()
        .input(fixture("kitchen-sink.yaml"))
        .generate()
        .unwrap();
    expect_file!["fixtures/kitchen-sink.rs"].assert_eq(&generated.code);
}

#[test]
fn generated_crates_build_warning_free() {
    let dir = TempDir::new("crates");
    let sink = dir.path().join("kitchen_sink");
    let onfido = dir.path().join("onfido_bundled");
    generate_crate(&fixture("kitchen-sink.yaml"), &sink, "kitchen-sink");
    generate_crate(
        &fixture("onfido-2026-02-bundled.yaml"),
        &onfido,
        "onfido-bundled",
    );
    // Every constraint, default, deprecation and example kind, with a broken example or two.
    let lossless = dir.path().join("lossless");
    generate_crate(&fixture("lossless.yaml"), &lossless, "lossless");
    // Constructs of public 3.0 and 3.1 specs; their examples are written for the member or variant
    // that must keep them whole.
    generate_crate(
        &fixture("constructs-3.0.yaml"),
        &dir.path().join("constructs30"),
        "constructs30",
    );
    generate_crate(
        &fixture("constructs-3.1.json"),
        &dir.path().join("constructs31"),
        "constructs31",
    );
    // The same Onfido models as three crates and one that re-exports them (`--parts`): the parts
    // are path dependencies inside the workspace, so its members too.
    let output = modelgen(&[
        "generate".as_ref(),
        fixture("onfido-2026-02-bundled.yaml").as_os_str(),
        "--crate".as_ref(),
        dir.path().join("onfido_parts").as_os_str(),
        "--name".as_ref(),
        "onfido-parts".as_ref(),
        "--parts".as_ref(),
        "3".as_ref(),
        "--validation".as_ref(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // One workspace, so one `cargo` run checks them all.
    cargo_run::workspace(
        dir.path(),
        &[
            "kitchen_sink",
            "onfido_bundled",
            "lossless",
            "constructs30",
            "constructs31",
            "onfido_parts",
        ],
        "",
        &cargo_run::repository_lock(),
    )
    .unwrap();
    cargo(
        dir.path(),
        &["clippy", "--quiet", "--workspace", "--", "-D", "warnings"],
    );
    cargo(dir.path(), &["doc", "--quiet", "--workspace", "--no-deps"]);
    // The schemas' examples are doctests of the generated crates.
    cargo(
        dir.path(),
        &[
            "test",
            "--quiet",
            "--doc",
            "-p",
            "kitchen-sink",
            "-p",
            "lossless",
            "-p",
            "constructs30",
            "-p",
            "constructs31",
        ],
    );
}

/// The docs openapi-generator writes, as a new user would try them: Onfido's in all seven languages,
/// Discord's (a subset) in three, and `pets.yaml`'s in every language and every version whose tables
/// differ. Each gives a crate with a type per model doc that compiles with warnings denied
/// (`cargo check`, one workspace, so one run).
#[test]
fn crates_of_real_docs_build_warning_free() {
    let dir = TempDir::new("docs-crates");
    let mut sets: Vec<(String, PathBuf)> =
        vec![("onfido-typescript".into(), fixture("docs-typescript"))];
    // Each Onfido set is ~300 models: two more languages by default, all six others with
    // `MODELGEN_ALL_DOCS=1 cargo test -p modelgen --test generated_crates real_docs` (README).
    let onfido_langs: &[&str] = if std::env::var_os("MODELGEN_ALL_DOCS").is_some() {
        &["python", "java", "ruby", "php", "rust", "go"]
    } else {
        &["rust", "go"]
    };
    for lang in onfido_langs {
        sets.push((format!("onfido-{lang}"), fixture("onfido-docs").join(lang)));
    }
    // Three languages of another API are enough here; `markdown_corpus` reads all six.
    for lang in ["java", "php", "rust"] {
        sets.push((
            format!("discord-{lang}"),
            fixture("discord-docs").join(lang),
        ));
    }
    for lang in ["typescript", "python", "java", "ruby", "php", "rust", "go"] {
        sets.push((format!("pets-{lang}"), fixture("markdown").join(lang)));
    }
    let versions = fixture("markdown/versions");
    for version in std::fs::read_dir(&versions).unwrap().flatten() {
        for lang in std::fs::read_dir(version.path()).unwrap().flatten() {
            let name = format!(
                "pets-{}-{}",
                lang.file_name().to_string_lossy(),
                version.file_name().to_string_lossy().replace('.', "-")
            );
            sets.push((name, lang.path()));
        }
    }
    let mut members = Vec::new();
    for (name, docs) in &sets {
        // With `--validation`, though docs state no constraints: the support code must still build.
        let crate_dir = dir.path().join(name);
        let output = modelgen(&[
            "generate".as_ref(),
            docs.as_os_str(),
            "--crate".as_ref(),
            crate_dir.as_os_str(),
            "--name".as_ref(),
            name.as_ref(),
            "--validation".as_ref(),
        ]);
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        members.push(format!("{name:?}"));
    }
    std::fs::write(
        dir.path().join("Cargo.toml"),
        format!(
            "[workspace]\nmembers = [{}]\nresolver = \"2\"\n",
            members.join(", ")
        ),
    )
    .unwrap();
    cargo(dir.path(), &["check", "--quiet", "--workspace"]);
}

#[test]
fn a_failed_run_writes_nothing() {
    let dir = TempDir::new("fail");
    dir.write(&[(
        "bad.yaml",
        "openapi: 3.0.0\ncomponents:\n  schemas:\n    a: {$ref: '#/nope'}\n",
    )]);
    let out = dir.path().join("models.rs");
    let output = modelgen(&[
        "generate".as_ref(),
        dir.path().join("bad.yaml").as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bad.yaml:4:8 (#/components/schemas/a): unresolved $ref \"#/nope\""),
        "{stderr}"
    );
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file is left behind"
    );
}

#[test]
fn generation_is_byte_identical_across_runs() {
    let config = modelgen::Config::new()
        .input(fixture("onfido-2026-02-bundled.yaml"))
        .clone();
    let first = config.generate().unwrap().code;
    let second = config.generate().unwrap().code;
    assert!(first == second);
}

#[test]
fn date_times_can_be_utc() {
    let mut config = modelgen::Config::new();
    config.input(fixture("kitchen-sink.yaml"));
    let fixed = config.generate().unwrap().code;
    config.date_time(modelgen::DateTimeType::Utc);
    let utc = config.generate().unwrap().code;
    assert!(fixed.contains("pub at: ::chrono::DateTime<::chrono::FixedOffset>,"));
    assert!(utc.contains("pub at: ::chrono::DateTime<::chrono::Utc>,"));
    assert!(!utc.contains("FixedOffset"));
}
