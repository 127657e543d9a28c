//! The OpenAPI loader on the real Onfido spec: the multi-file spec names its schemas as the bundled one does.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use modelgen::input::openapi;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

#[test]
fn multi_file_spec_names_every_bundled_schema() {
    let multi = openapi::load(&repo("spec/onfido/openapi.yaml")).unwrap();
    let bundled =
        openapi::load(&repo("codegen/tests/fixtures/onfido-2026-02-bundled.yaml")).unwrap();
    let components: BTreeSet<&str> = bundled
        .model
        .types
        .iter()
        .filter(|t| {
            t.origin
                .split_once("#/components/schemas/")
                .is_some_and(|(_, name)| !name.contains('/'))
        })
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(components.len(), 320);
    let multi_names: BTreeSet<&str> = multi.model.types.iter().map(|t| t.name.as_str()).collect();
    let missing: Vec<&&str> = components.difference(&multi_names).collect();
    let extra: Vec<&&str> = multi_names.difference(&components).collect();
    assert!(missing.is_empty(), "missing {missing:#?}\nextra {extra:#?}");
}
