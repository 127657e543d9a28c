//! The Onfido docs against the Onfido spec of the same release, in each of the seven languages: the
//! cross-check's numbers, and the typescript docs model turned into Rust through the same emitter as
//! the spec.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use modelgen::crosscheck::{crosscheck, Summary, Tally};
use modelgen::input::{markdown, openapi};
use modelgen::ir::{Model, TypeKind};
use modelgen::naming::TypeNames;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn docs_model() -> Model {
    match markdown::load(&root().join("tests/fixtures/docs-typescript")) {
        Ok(l) => l.model,
        Err(e) => panic!("{e}"),
    }
}

fn spec_model() -> Model {
    match openapi::load(&root().join("../spec/onfido/openapi.yaml")) {
        Ok(l) => l.model,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn onfido_docs_agree_with_the_spec_up_to_what_docs_cannot_express() {
    let report = crosscheck(&docs_model(), &spec_model());
    let text = report.to_string();
    assert_eq!(
        report.summary,
        Summary {
            models: Tally {
                agree: 170,
                docs_cannot_express: 266,
                disagree: 0,
            },
            fields: Tally {
                agree: 1030,
                docs_cannot_express: 387,
                disagree: 0,
            },
            only_in_docs: 0,
            only_in_spec: 130,
        },
        "{text}"
    );
    // A few lines of the rendering, one per kind of difference the docs cannot express.
    for line in [
        "~ workflow_version_id: type: docs double, spec int64 (docs show one number type for several)",
        "~ applicant_id: type: docs string, spec uuid (docs show string formats as plain strings)",
        "~ docs describe a struct, spec a union",
        "~ no doc of its own: the docs show it as operation parameters (a file upload form)",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

/// Every language's docs (openapi-generator 7.16.0, Onfido's settings) against the spec: no true
/// disagreement, and the numbers of the table in the issue's closing note.
#[test]
fn every_language_agrees_with_the_spec_up_to_what_docs_cannot_express() {
    let spec = spec_model();
    let mut table = String::from(
        "language | models agree / cannot express / disagree | fields agree / cannot express / disagree\n",
    );
    for lang in ["typescript", "python", "java", "ruby", "php", "rust", "go"] {
        let dir = match lang {
            "typescript" => root().join("tests/fixtures/docs-typescript"),
            _ => root().join("tests/fixtures/onfido-docs").join(lang),
        };
        let docs = match markdown::load(&dir) {
            Ok(l) => l.model,
            Err(e) => panic!("{e}"),
        };
        let report = crosscheck(&docs, &spec);
        let Summary { models, fields, .. } = report.summary;
        assert_eq!(
            (models.disagree, fields.disagree),
            (0, 0),
            "{lang}:\n{report}"
        );
        table += &format!(
            "{lang} | {} / {} / {} | {} / {} / {}\n",
            models.agree,
            models.docs_cannot_express,
            models.disagree,
            fields.agree,
            fields.docs_cannot_express,
            fields.disagree
        );
    }
    expect_test::expect![[r#"
        language | models agree / cannot express / disagree | fields agree / cannot express / disagree
        typescript | 170 / 266 / 0 | 1030 / 387 / 0
        python | 185 / 251 / 0 | 1156 / 261 / 0
        java | 263 / 186 / 0 | 1253 / 164 / 0
        ruby | 174 / 262 / 0 | 1156 / 261 / 0
        php | 162 / 274 / 0 | 1111 / 306 / 0
        rust | 164 / 272 / 0 | 1117 / 300 / 0
        go | 153 / 283 / 0 | 1063 / 354 / 0
    "#]].assert_eq(&table);
}

#[test]
fn a_changed_doc_is_a_disagreement() {
    let mut docs = docs_model();
    let Some(run) = docs.find("WorkflowRun") else {
        panic!("no WorkflowRun");
    };
    let TypeKind::Struct(s) = &mut docs.types[run.0].kind else {
        panic!("WorkflowRun is not a struct");
    };
    // Drop `tags` and make `workflow_id` optional, as a stale doc might.
    s.fields.retain(|f| f.wire_name != "tags");
    for f in &mut s.fields {
        if f.wire_name == "workflow_id" {
            f.presence = modelgen::ir::Presence::Optional;
        }
    }
    let report = crosscheck(&docs, &spec_model());
    assert_eq!(report.summary.models.disagree, 1);
    assert_eq!(report.summary.fields.disagree, 2);
    let text = report.to_string();
    assert!(text.contains("! tags: missing in docs"), "{text}");
    assert!(
        text.contains("! workflow_id: docs say optional, spec required"),
        "{text}"
    );
}

const GENERATED: &str = "tests/generated/onfido_docs.rs";

/// The code generated from the docs is checked in (and compiled with `#![deny(warnings)]` by
/// `tests/docs_models.rs`); this fails when it is stale.
#[test]
fn docs_generate_one_rust_type_per_model_and_the_checked_in_code_is_fresh() {
    let model = docs_model();
    let (code, uses) =
        match modelgen::generate_model(&model, &modelgen::Options::default(), "docs-typescript") {
            Ok(out) => out,
            Err(e) => panic!("{e}"),
        };
    // Everything is a string or number in typescript docs: only serde_json is needed.
    assert!(!uses.uuid && !uses.chrono, "{uses:?}");
    let file = match syn::parse_file(&code) {
        Ok(f) => f,
        Err(e) => panic!("{e}"),
    };
    let items: BTreeSet<String> = file
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Struct(s) => Some(s.ident.to_string()),
            syn::Item::Enum(e) => Some(e.ident.to_string()),
            syn::Item::Type(t) => Some(t.ident.to_string()),
            _ => None,
        })
        .collect();
    let names = TypeNames::new(&model);
    let wanted: BTreeSet<String> = (0..model.types.len())
        .map(|i| names.get(modelgen::ir::TypeId(i)).to_owned())
        .collect();
    assert_eq!(wanted.len(), 306);
    let missing: Vec<&String> = wanted.difference(&items).collect();
    assert!(missing.is_empty(), "{missing:?}");

    let path = root().join(GENERATED);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != code {
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            if let Err(e) = std::fs::write(&path, &code) {
                panic!("{}: {e}", path.display());
            }
        } else {
            panic!(
                "{GENERATED} is stale; refresh it with `UPDATE_EXPECT=1 cargo test -p modelgen --test crosscheck_onfido`"
            );
        }
    }
}
