//! `generate --crate DIR --parts N`: the models as several crates. Types that refer to one another
//! in a cycle share a part, a part refers only to parts before it, the parts hold every type once,
//! and the same input gives the same files. (That the parts compile, clippy- and rustdoc-clean, is
//! checked on Onfido by `generated_crates`.)

mod support;

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::{Path, PathBuf};
use std::process::Command;

use modelgen::ir::{Model, TypeRef};
use modelgen::split::{partition, Partition};
use support::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Cycles (`node` -> `node`, `a` -> `b` -> `a`), a chain, an inline type, a union and types no one
/// refers to.
const SPEC: &str = r#"
openapi: 3.0.3
info: {title: parts, version: "1"}
paths: {}
components:
  schemas:
    node:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/node'}}
        label: {type: string}
    a:
      type: object
      properties:
        b: {$ref: '#/components/schemas/b'}
        tail: {$ref: '#/components/schemas/chain1'}
    b:
      type: object
      properties:
        a: {$ref: '#/components/schemas/a'}
        kind: {type: string, enum: [x, y]}
    chain1:
      type: object
      properties:
        next: {$ref: '#/components/schemas/chain2'}
        extra: {type: object, properties: {n: {type: integer}}}
    chain2:
      type: object
      properties:
        next: {$ref: '#/components/schemas/chain3'}
    chain3:
      type: object
      properties:
        pet: {$ref: '#/components/schemas/pet'}
    pet:
      oneOf:
        - {$ref: '#/components/schemas/cat'}
        - {$ref: '#/components/schemas/dog'}
    cat: {type: object, properties: {meows: {type: boolean}}}
    dog: {type: object, properties: {barks: {type: boolean}}}
    lonely: {type: string, enum: [one, two]}
    map_of_nodes: {type: object, additionalProperties: {$ref: '#/components/schemas/node'}}
"#;

/// The named types each type refers to, at any depth.
fn refs(model: &Model) -> Vec<Vec<usize>> {
    fn walk(ty: &TypeRef, out: &mut Vec<usize>) {
        match ty {
            TypeRef::Named(id) => out.push(id.0),
            TypeRef::Array(t) | TypeRef::Map(t) | TypeRef::Nullable(t) => walk(t, out),
            TypeRef::Tuple(items) => items.iter().for_each(|t| walk(t, out)),
            _ => {}
        }
    }
    model
        .types
        .iter()
        .map(|def| {
            let mut out = Vec::new();
            match &def.kind {
                modelgen::ir::TypeKind::Struct(s) => {
                    s.fields.iter().for_each(|f| walk(&f.ty, &mut out));
                    s.additional.iter().for_each(|t| walk(t, &mut out));
                }
                modelgen::ir::TypeKind::Union(u) => {
                    u.variants.iter().for_each(|v| walk(&v.ty, &mut out))
                }
                modelgen::ir::TypeKind::Alias(a) => walk(&a.ty, &mut out),
                modelgen::ir::TypeKind::Enum(_) => {}
            }
            out
        })
        .collect()
}

/// What every partition must be: references go to the same part or an earlier one, and each part's
/// `needs` lists exactly the other parts its types refer to.
fn check(model: &Model, split: &Partition) {
    assert_eq!(split.part_of.len(), model.types.len());
    let mut needs = vec![Vec::new(); split.needs.len()];
    for (i, targets) in refs(model).iter().enumerate() {
        for &j in targets {
            let (from, to) = (split.part_of[i], split.part_of[j]);
            assert!(
                to <= from,
                "`{}` (part {from}) refers to `{}` in a later part ({to})",
                model.types[i].name,
                model.types[j].name
            );
            if to != from && !needs[from].contains(&to) {
                needs[from].push(to);
            }
        }
    }
    for list in &mut needs {
        list.sort_unstable();
    }
    assert_eq!(split.needs, needs);
    // Every part holds a type.
    for part in 0..split.needs.len() {
        assert!(split.part_of.contains(&part), "part {part} is empty");
    }
}

fn generate(spec: &Path) -> modelgen::Generated {
    modelgen::Config::new().input(spec).generate().unwrap()
}

fn sizes(generated: &modelgen::Generated) -> Vec<usize> {
    generated.items.iter().map(|r| r.len()).collect()
}

#[test]
fn cycles_share_a_part_and_parts_refer_only_backwards() {
    let dir = TempDir::new("split");
    dir.write(&[("spec.yaml", SPEC)]);
    let generated = generate(&dir.path().join("spec.yaml"));
    let model = &generated.model;
    let id = |name: &str| model.types.iter().position(|t| t.name == name).unwrap();
    for parts in 1..=model.types.len() + 2 {
        let split = partition(model, &sizes(&generated), parts);
        check(model, &split);
        assert!(split.needs.len() <= parts);
        assert_eq!(split.part_of[id("a")], split.part_of[id("b")]);
    }
    // As many parts as types: each component alone, so the cycle `a`/`b` makes one part fewer.
    let split = partition(model, &vec![1; model.types.len()], model.types.len());
    assert_eq!(split.needs.len(), model.types.len() - 1);
}

#[test]
fn real_specs_split_into_parts_of_about_the_same_size() {
    for spec in [
        fixture("onfido-2026-02-bundled.yaml"),
        fixture("kitchen-sink.yaml"),
        fixture("constructs-3.1.json"),
    ] {
        let generated = generate(&spec);
        let sizes = sizes(&generated);
        let total: usize = sizes.iter().sum();
        for parts in [2, 3, 4, 8] {
            let split = partition(&generated.model, &sizes, parts);
            check(&generated.model, &split);
            if spec.ends_with("onfido-2026-02-bundled.yaml") {
                // Onfido's biggest component is small against its whole: every part is made.
                assert_eq!(split.needs.len(), parts);
                for part in 0..parts {
                    let size: usize = (0..sizes.len())
                        .filter(|&i| split.part_of[i] == part)
                        .map(|i| sizes[i])
                        .sum();
                    assert!(
                        size * parts < total * 2,
                        "part {part} of {parts}: {size} of {total} bytes"
                    );
                }
            }
        }
    }
}

fn modelgen(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_modelgen"))
        .args(args)
        .output()
        .unwrap()
}

fn generate_parts(spec: &Path, dir: &Path, parts: &str) -> std::process::Output {
    modelgen(&[
        "generate".as_ref(),
        spec.as_os_str(),
        "--crate".as_ref(),
        dir.as_os_str(),
        "--name".as_ref(),
        "api".as_ref(),
        "--parts".as_ref(),
        parts.as_ref(),
    ])
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_parts_hold_every_type_once_and_the_same_input_gives_the_same_files() {
    let dir = TempDir::new("split-cli");
    let spec = fixture("onfido-2026-02-bundled.yaml");
    let out = dir.path().join("api");
    let output = generate_parts(&spec, &out, "4");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let part = |k: usize| out.join(format!("parts/api-part-{k}"));
    let libs: Vec<String> = (1..=4).map(|k| read(&part(k).join("src/lib.rs"))).collect();
    // Each type's code, as the one-file output has it, is in exactly one part.
    let generated = generate(&spec);
    for (i, range) in generated.items.iter().enumerate() {
        let code = &generated.code[range.clone()];
        let holders = libs.iter().filter(|lib| lib.contains(code)).count();
        assert_eq!(
            holders, 1,
            "`{}` is in {holders} parts",
            generated.model.types[i].name
        );
    }
    // The support code is in the first part only; the others import it.
    assert!(libs[0].contains("pub mod support {"));
    for lib in &libs[1..] {
        assert!(!lib.contains("pub mod support {"));
        assert!(lib.contains("use api_part_1::*;"));
    }
    let facade = read(&out.join("src/lib.rs"));
    for k in 1..=4 {
        assert!(facade.contains(&format!("pub use api_part_{k}::*;")));
        assert!(read(&out.join("Cargo.toml")).contains(&format!(
            "api-part-{k} = {{ path = \"parts/api-part-{k}\" }}"
        )));
    }
    // Again: the same bytes.
    let again = dir.path().join("again");
    assert!(generate_parts(&spec, &again, "4").status.success());
    for k in 1..=4 {
        let path = format!("parts/api-part-{k}/src/lib.rs");
        assert_eq!(read(&out.join(&path)), read(&again.join(&path)));
    }
    // Fewer parts: the parts of the earlier run that are left over go.
    assert!(generate_parts(&spec, &out, "2").status.success());
    assert!(part(2).exists());
    assert!(!part(3).exists() && !part(4).exists());
    assert!(!read(&out.join("src/lib.rs")).contains("api_part_3"));
    // One crate again: no parts left, and the crate holds every type itself.
    assert!(generate_parts(&spec, &out, "1").status.success());
    assert!(!out.join("parts").exists());
    assert!(read(&out.join("src/lib.rs")).contains("pub mod support {"));
}

#[test]
fn a_big_crate_in_one_piece_comes_with_a_note_suggesting_parts() {
    let dir = TempDir::new("split-note");
    let spec = dir.path().join("synth.json");
    // About 205,000 lines of Rust: just over the size of one suggested part.
    std::fs::write(&spec, synth::spec(1_000, 3)).unwrap();
    let output = generate_parts(&spec, &dir.path().join("one"), "1");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("lines of Rust in one crate"), "{stderr}");
    assert!(stderr.contains("`--parts 2`"), "{stderr}");
    // Split, or small: no note.
    let output = generate_parts(&spec, &dir.path().join("two"), "2");
    assert!(!String::from_utf8_lossy(&output.stderr).contains("note:"));
    let output = generate_parts(
        &fixture("kitchen-sink.yaml"),
        &dir.path().join("small"),
        "1",
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains("note:"));
}

#[test]
fn parts_need_a_crate_and_a_count() {
    let dir = TempDir::new("split-usage");
    let spec = fixture("kitchen-sink.yaml");
    let out = dir.path().join("models.rs");
    let output = modelgen(&[
        "generate".as_ref(),
        spec.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--parts".as_ref(),
        "2".as_ref(),
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--parts needs --crate"));
    assert!(!out.exists());
    for bad in ["0", "65", "two"] {
        let output = generate_parts(&spec, &dir.path().join("c"), bad);
        assert!(!output.status.success());
        assert!(
            String::from_utf8_lossy(&output.stderr)
                .contains("--parts expects a number from 1 to 64"),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!dir.path().join("c").exists());
    }
}
