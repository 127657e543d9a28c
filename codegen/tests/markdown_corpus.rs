//! The whole doc sets of the Onfido API that openapi-generator writes in each of the seven languages,
//! read end to end; and those of other versions and of another API.

use std::path::Path;

use modelgen::input::markdown::{self, Dialect, Options};
use modelgen::ir::TypeKind;

fn corpus() -> markdown::DocsLoad {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docs-typescript");
    match markdown::load_with(&dir, &Options::default()) {
        Ok(docs) => docs,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn every_model_doc_becomes_one_type() {
    let docs = corpus();
    assert_eq!(docs.dialect, Dialect::TypeScript);
    assert_eq!(docs.loaded.model.types.len(), 306);
    let skipped: Vec<String> = docs
        .skipped
        .iter()
        .filter_map(|s| s.file.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(skipped, ["DefaultApi.md", "SOURCES.md"]);
    // A oneOf of an array and an object, which typescript writes as an empty table.
    let losses: Vec<String> = docs.losses.iter().map(|l| l.message.clone()).collect();
    expect_test::expect![[r#"
        [
            "`CompleteTaskDataBuilder` has an empty table (an enum whose values the typescript docs do not list, a oneOf of scalars, or an object without properties): read as any JSON value",
        ]
    "#]].assert_debug_eq(&losses);
    let (mut structs, mut enums, mut other) = (0, 0, 0);
    for t in &docs.loaded.model.types {
        match t.kind {
            TypeKind::Struct(_) => structs += 1,
            TypeKind::Enum(_) => enums += 1,
            TypeKind::Union(_) | TypeKind::Alias(_) => other += 1,
        }
    }
    assert_eq!((structs, enums, other), (293, 12, 1));
}

#[test]
fn links_resolve_to_the_linked_docs() {
    let docs = corpus();
    let model = &docs.loaded.model;
    let Some(run) = model.find("WorkflowRun") else {
        panic!("no WorkflowRun")
    };
    let TypeKind::Struct(s) = &model.get(run).kind else {
        panic!("WorkflowRun is not a struct")
    };
    let names: Vec<String> = s
        .fields
        .iter()
        .map(|f| match &f.ty {
            modelgen::ir::TypeRef::Named(id) => format!("{}: {}", f.wire_name, model.get(*id).name),
            other => format!("{}: {other:?}", f.wire_name),
        })
        .collect();
    expect_test::expect![[r#"
        [
            "applicant_id: Primitive(String)",
            "workflow_id: Primitive(String)",
            "tags: Array(Primitive(String))",
            "customer_user_id: Primitive(String)",
            "link: WorkflowRunLink",
            "created_at: Primitive(String)",
            "updated_at: Primitive(String)",
            "id: Primitive(String)",
            "workflow_version_id: Primitive(Double)",
            "dashboard_url: Primitive(String)",
            "status: WorkflowRunStatus",
            "output: Object",
            "reasons: Array(Primitive(String))",
            "error: WorkflowRunError",
            "sdk_token: Primitive(String)",
        ]
    "#]]
    .assert_debug_eq(&names);
    let Some(status) = model.find("WorkflowRunStatus") else {
        panic!("no WorkflowRunStatus")
    };
    expect_test::expect![[r#"
        Enum(
            Enum {
                repr: String,
                values: [
                    EnumValue {
                        value: String("processing"),
                        name: None,
                        doc: None,
                    },
                    EnumValue {
                        value: String("awaiting_input"),
                        name: None,
                        doc: None,
                    },
                    EnumValue {
                        value: String("awaiting_client_input"),
                        name: None,
                        doc: None,
                    },
                    EnumValue {
                        value: String("approved"),
                        name: None,
                        doc: None,
                    },
                    EnumValue {
                        value: String("declined"),
                        name: None,
                        doc: None,
                    },
                    EnumValue {
                        value: String("review"),
                        name: None,
                        doc: None,
                    },
                    EnumValue {
                        value: String("abandoned"),
                        name: None,
                        doc: None,
                    },
                    EnumValue {
                        value: String("error"),
                        name: None,
                        doc: None,
                    },
                ],
            },
        )
    "#]]
    .assert_debug_eq(&model.get(status).kind);
}

fn fixtures(dir: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

/// One line per doc set: the dialect recognised, the types read, whether every model doc has its
/// type, what was skipped, and the losses by kind.
fn summary(dir: &str) -> String {
    let docs = match markdown::load_with(&fixtures(dir), &Options::default()) {
        Ok(docs) => docs,
        Err(e) => panic!("{dir}: {e}"),
    };
    let model = &docs.loaded.model;
    let skipped: Vec<&std::path::Path> = docs.skipped.iter().map(|s| s.file.as_path()).collect();
    // Every file read that is not skipped is a model doc with a type of its name.
    let missing: Vec<String> = docs
        .loaded
        .files
        .iter()
        .filter(|f| f.is_file() && !skipped.contains(&f.as_path()))
        .filter_map(|f| f.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|stem| model.find(stem).is_none())
        .collect();
    assert!(missing.is_empty(), "{dir}: no type for {missing:?}");
    let mut kinds = std::collections::BTreeMap::<&str, usize>::new();
    for l in &docs.losses {
        let kind = if l.message.contains("has an empty table") {
            "empty table"
        } else if l.message.contains("is a oneOf whose members") {
            "unlisted oneOf"
        } else if l.message.contains("not among the docs read")
            || l.message.contains("no model doc")
        {
            "missing model"
        } else {
            "other"
        };
        *kinds.entry(kind).or_default() += 1;
    }
    let skipped: Vec<String> = docs
        .skipped
        .iter()
        .filter_map(|s| s.file.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    format!(
        "{dir}: {}, {} types, skipped {skipped:?}, losses {kinds:?}\n",
        docs.dialect,
        model.types.len()
    )
}

#[test]
fn every_language_reads_every_onfido_model_doc() {
    let mut out = summary("docs-typescript");
    for lang in ["python", "java", "ruby", "php", "rust", "go"] {
        out += &summary(&format!("onfido-docs/{lang}"));
    }
    expect_test::expect![[r#"
        docs-typescript: typescript, 306 types, skipped ["DefaultApi.md", "SOURCES.md"], losses {"empty table": 1}
        onfido-docs/python: python, 306 types, skipped ["DefaultApi.md"], losses {"empty table": 1}
        onfido-docs/java: java, 345 types, skipped ["DefaultApi.md"], losses {"empty table": 1}
        onfido-docs/ruby: ruby, 306 types, skipped ["DefaultApi.md"], losses {"empty table": 12}
        onfido-docs/php: php, 306 types, skipped [], losses {"empty table": 13}
        onfido-docs/rust: rust, 306 types, skipped ["DefaultApi.md"], losses {"unlisted oneOf": 1}
        onfido-docs/go: go, 306 types, skipped ["DefaultAPI.md"], losses {"empty table": 1}
    "#]].assert_eq(&out);
}

#[test]
fn docs_of_other_generator_versions_and_of_another_api_are_read() {
    let mut out = String::new();
    for dir in [
        "onfido-docs/versions/7.0.0/python",
        "onfido-docs/versions/7.23.0/go",
        "onfido-docs/versions/7.26.0/rust",
    ] {
        out += &summary(dir);
    }
    for lang in ["typescript", "python", "java", "ruby", "php", "rust"] {
        out += &summary(&format!("discord-docs/{lang}"));
    }
    expect_test::expect![[r#"
        onfido-docs/versions/7.0.0/python: python, 4 types, skipped [], losses {"empty table": 2, "missing model": 5}
        onfido-docs/versions/7.23.0/go: go, 3 types, skipped [], losses {"missing model": 2}
        onfido-docs/versions/7.26.0/rust: rust, 10 types, skipped [], losses {"missing model": 6, "unlisted oneOf": 1}
        discord-docs/typescript: typescript, 104 types, skipped [], losses {"empty table": 2}
        discord-docs/python: python, 104 types, skipped [], losses {"empty table": 2}
        discord-docs/java: java, 104 types, skipped [], losses {"empty table": 2}
        discord-docs/ruby: ruby, 149 types, skipped [], losses {}
        discord-docs/php: php, 104 types, skipped [], losses {"empty table": 2}
        discord-docs/rust: rust, 180 types, skipped [], losses {"missing model": 4}
    "#]].assert_eq(&out);
}
