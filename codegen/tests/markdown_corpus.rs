//! The whole typescript-axios doc set of the Onfido API, read end to end.

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
    assert!(docs.losses.is_empty(), "{:?}", docs.losses);
    let (mut structs, mut enums, mut other) = (0, 0, 0);
    for t in &docs.loaded.model.types {
        match t.kind {
            TypeKind::Struct(_) => structs += 1,
            TypeKind::Enum(_) => enums += 1,
            TypeKind::Union(_) | TypeKind::Alias(_) => other += 1,
        }
    }
    assert_eq!((structs, enums, other), (294, 12, 0));
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
