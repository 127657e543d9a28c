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

#[test]
fn every_file_reached_is_reported_for_rerun_if_changed() {
    let spec = repo("spec/onfido");
    let loaded = openapi::load(&spec.join("openapi.yaml")).unwrap();
    let reached: BTreeSet<PathBuf> = loaded
        .files
        .iter()
        .map(|f| f.canonicalize().unwrap())
        .collect();
    assert_eq!(
        reached.len(),
        loaded.files.len(),
        "each file is listed once"
    );
    let mut on_disk = Vec::new();
    let mut dirs = vec![spec.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                on_disk.push(path.canonicalize().unwrap());
            }
        }
    }
    let unreached: Vec<_> = on_disk.iter().filter(|p| !reached.contains(*p)).collect();
    // The spec ships one schema file that nothing references (its bundled form lacks it too).
    assert_eq!(unreached.len(), 1, "{unreached:#?}");
    assert!(unreached[0].ends_with("schemas/us_driving_licence/us_driving_licence.yaml"));
}

/// Every schema of the bundled spec is a public type of the generated code, under the Rust name
/// the checked-in list `fixtures/onfido-type-names.txt` gives it (`source_name RustName` a line,
/// reviewed by hand; refresh with `UPDATE_EXPECT=1` and read the diff).
#[test]
fn every_bundled_schema_is_a_public_type_named_in_upper_camel_case() {
    let bundled =
        openapi::load(&repo("codegen/tests/fixtures/onfido-2026-02-bundled.yaml")).unwrap();
    let generated = modelgen::Config::new()
        .input(repo("spec/onfido/openapi.yaml"))
        .generate()
        .unwrap();
    let items: BTreeSet<&str> = generated
        .code
        .lines()
        .filter_map(|l| {
            ["pub struct ", "pub enum ", "pub type "]
                .iter()
                .find_map(|p| l.strip_prefix(p))
                .and_then(|rest| rest.split([' ', '<', '=', '{', ';']).next())
        })
        .collect();
    let names = modelgen::naming::TypeNames::new(&generated.model);
    let mut listed = String::new();
    for def in &bundled.model.types {
        let Some((_, name)) = def.origin.split_once("#/components/schemas/") else {
            continue;
        };
        if name.contains('/') {
            continue;
        }
        let rust = generated
            .model
            .find(name)
            .map_or("<missing>", |id| names.get(id));
        listed.push_str(&format!("{name} {rust}\n"));
    }
    expect_test::expect_file!["fixtures/onfido-type-names.txt"].assert_eq(&listed);
    // The listed names are those of the code's items.
    let missing: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(_, rust)| rust)
        .filter(|rust| !items.contains(rust))
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}
