//! Models the random property tests (`emit_property.rs`) once broke the emitter with, each kept as a
//! small IR in JSON in `fixtures/emit-regressions/`: every one emits code that parses with every
//! option, and all of them compile as crates with warnings denied (one `cargo clippy` run).

mod support;

// Builds generated crates the way `generated_crates.rs` does, in the same target directory.
#[allow(dead_code)]
#[path = "../../tools/realworld/src/cargo.rs"]
mod cargo_run;

use std::path::{Path, PathBuf};

use modelgen::emit::{self, Options};
use modelgen::ir::Model;
use modelgen::rust::Optionals;
use modelgen::{DateLibrary, DateTimeType, FloatType, OptionalStyle, UuidType};
use support::TempDir;

fn fixtures() -> Vec<(String, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/emit-regressions");
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().replace('-', "_"),
                p,
            )
        })
        .collect();
    out.sort();
    out
}

fn load(path: &Path) -> Model {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Option combinations: validation and doctests on and off, both date-time and float types, and
/// `time` dates with string uuids and `Option` fields.
fn all_options(krate: &str) -> Vec<Options> {
    let mut out = Vec::new();
    for validation in [false, true] {
        for doctest_crate in [None, Some(krate.to_owned())] {
            // The last combination is the one compiled: the crate's dependencies are chrono's.
            for (date_time, float, dates, uuid, style) in [
                (
                    DateTimeType::FixedOffset,
                    FloatType::F64,
                    DateLibrary::Time,
                    UuidType::String,
                    OptionalStyle::Option,
                ),
                (
                    DateTimeType::FixedOffset,
                    FloatType::F64,
                    DateLibrary::Chrono,
                    UuidType::Uuid,
                    OptionalStyle::Nullable,
                ),
                (
                    DateTimeType::Utc,
                    FloatType::F32,
                    DateLibrary::Chrono,
                    UuidType::Uuid,
                    OptionalStyle::Nullable,
                ),
            ] {
                out.push(Options {
                    date_time,
                    float,
                    dates,
                    uuid,
                    optional: Optionals {
                        style,
                        exceptions: Vec::new(),
                    },
                    doctest_crate: doctest_crate.clone(),
                    validation,
                });
            }
        }
    }
    out
}

/// Emits `model` with every option and returns the generated file of the last run; panics if some
/// code does not parse.
fn emit_model(model: &Model) -> String {
    assert_eq!(model.check(), [], "the model is meant to pass the check");
    let mut last = String::new();
    for options in all_options("models") {
        let (tokens, _) = emit::emit(model, &options);
        syn::parse2::<syn::File>(tokens).unwrap();
        let (code, _) = modelgen::generate_model(model, &options, "t.yaml").unwrap();
        if let Err(e) = syn::parse_file(&code) {
            panic!("{e}\n{code}");
        }
        last = code;
    }
    last
}

/// [`emit_model`] of the model of `ir` (the JSON of `modelgen ir`).
fn emit_ok(ir: &str) -> String {
    emit_model(&serde_json::from_str(ir).unwrap())
}

#[test]
fn every_regression_emits_code_that_parses() {
    for (name, path) in fixtures() {
        eprintln!("{name}");
        emit_model(&load(&path));
    }
}

/// The regressions as crates (validation on, doctests on), in one workspace: one `cargo clippy` run.
#[test]
fn every_regression_compiles_warning_free() {
    let dir = TempDir::new("emit-regressions");
    let mut members = Vec::new();
    for (name, path) in fixtures() {
        let model = load(&path);
        let options = Options {
            validation: true,
            doctest_crate: Some(name.clone()),
            ..Options::default()
        };
        let (code, uses) = modelgen::generate_model(&model, &options, "t.yaml").unwrap();
        modelgen::write::write_crate(&dir.path().join(&name), &name, &code, uses, "t.yaml")
            .unwrap();
        members.push(name);
    }
    let members: Vec<&str> = members.iter().map(String::as_str).collect();
    cargo_run::workspace(dir.path(), &members, "", &cargo_run::repository_lock()).unwrap();
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/generated-crates");
    let run = cargo_run::cargo(
        env!("CARGO").as_ref(),
        dir.path(),
        &target,
        &["clippy", "--quiet", "--workspace", "--", "-D", "warnings"],
    )
    .unwrap();
    assert!(run.success, "{}\n{}", run.stdout, run.stderr);
}

/// The problems `Model::check` finds in the model of `ir`, as text.
fn problems(ir: &str) -> Vec<String> {
    let model: Model = serde_json::from_str(ir).unwrap();
    model.check().into_iter().map(|(_, p)| p).collect()
}

#[test]
fn a_carriage_return_alone_in_a_doc_ends_the_line() {
    let code = emit_ok(
        r#"{"types": [{"name": "u", "origin": "", "doc": "one\rtwo",
            "kind": {"kind": "union", "discriminator": "kind",
                     "variants": [{"tag": "\r胥", "ty": {"type": "primitive", "of": "uuid"}}]}}]}"#,
    );
    assert!(code.contains("/// one\n/// two\n"), "{code}");
    assert!(!code
        .lines()
        .any(|l| l.trim_start().starts_with("///") && l.contains('\r')));
}

#[test]
fn an_enum_value_not_of_the_enums_repr_is_rejected() {
    // The value tables pair each listed value with its variant: a value the table skips would pair
    // the others with the wrong variants.
    for (repr, value) in [
        ("integer", r#""a""#),
        ("integer", "1.5"),
        ("integer", "18446744073709551615"),
        ("string", "1"),
        ("number", "true"),
        ("boolean", r#""true""#),
        ("mixed", "null"),
        ("mixed", "[1]"),
    ] {
        let ir = format!(
            r#"{{"types": [{{"name": "e", "origin": "",
                "kind": {{"kind": "enum", "repr": "{repr}", "values": [{{"value": 1}}, {{"value": {value}}}]}}}}]}}"#
        );
        let found = problems(&ir);
        assert!(
            found.iter().any(|p| p.contains("is not of its type")),
            "{repr} {value}: {found:?}"
        );
    }
}

#[test]
fn a_bound_that_is_not_finite_is_rejected() {
    let mut model: Model = serde_json::from_str(
        r#"{"types": [{"name": "s", "origin": "", "kind": {"kind": "struct", "fields": [
            {"wire_name": "n", "ty": {"type": "primitive", "of": "double"}, "presence": "required"}]}}]}"#,
    )
    .unwrap();
    assert_eq!(model.check(), []);
    let modelgen::ir::TypeKind::Struct(s) = &mut model.types[0].kind else {
        unreachable!()
    };
    s.fields[0].constraints.maximum = Some(f64::INFINITY);
    assert_eq!(model.check().len(), 1, "{:?}", model.check());
}

#[test]
fn an_empty_tuple_is_an_empty_array() {
    // `()` reads and writes `null`, and its `validate_into` is a clippy lint (`unit_arg`).
    let code = emit_ok(
        r#"{"types": [{"name": "s", "origin": "", "kind": {"kind": "struct", "fields": [
            {"wire_name": "t", "ty": {"type": "tuple", "of": []}, "presence": "required"}]}}]}"#,
    );
    assert!(code.contains("pub t: [(); 0],"), "{code}");
}

#[test]
fn a_property_listed_twice_is_rejected() {
    // serde would read the second never (an unreachable pattern in the generated crate).
    let found = problems(
        r##"{"types": [{"name": "s", "origin": "", "kind": {"kind": "struct", "fields": [
            {"wire_name": "#", "ty": {"type": "any"}, "presence": "optional"},
            {"wire_name": "#", "ty": {"type": "any"}, "presence": "optional"}]}}]}"##,
    );
    assert_eq!(found, ["the property `#` is listed twice"]);
}

#[test]
fn an_alias_that_holds_itself_through_containers_is_a_newtype() {
    // `pub type A = Vec<A>;` is a cycle rustc rejects: one alias of each loop is a struct instead.
    let alias = |ty: &str| {
        format!(r#"{{"name": "a", "origin": "", "kind": {{"kind": "alias", "ty": {ty}}}}}"#)
    };
    for (ty, want) in [
        (
            r#"{"type": "array", "of": {"type": "named", "of": 0}}"#,
            "pub struct A(pub Vec<A>);",
        ),
        (
            r#"{"type": "tuple", "of": [{"type": "nullable", "of": {"type": "named", "of": 0}}]}"#,
            "pub struct A(pub (Option<Box<A>>,));",
        ),
        (
            r#"{"type": "tuple", "of": [{"type": "any"}, {"type": "map", "of": {"type": "named", "of": 1}}]}"#,
            "pub struct A(pub (::serde_json::Value, ::std::collections::BTreeMap<String, B>));",
        ),
    ] {
        let ir = format!(
            r#"{{"types": [{}, {{"name": "b", "origin": "", "kind": {{"kind": "alias", "ty": {{"type": "named", "of": 0}}}}}}]}}"#,
            alias(ty)
        );
        let code = emit_ok(&ir);
        assert!(code.contains(want), "{ty}:\n{code}");
        // Read and written as its one field.
        assert!(
            code.contains("::serde::Serialize::serialize(&self.0, serializer)"),
            "{code}"
        );
        assert!(code.contains(".map(Self)"), "{code}");
        assert!(code.contains("pub type B = A;"), "{code}");
    }
}

/// The doctests' comparison (`__examples::same`), run: with `DateTime<FixedOffset>` a date-time
/// written back must keep its offset (another spelling of it is fine); with `DateTime<Utc>` the
/// instant is enough. Two crates, one `cargo test` run.
#[test]
fn examples_compare_date_times_with_their_offset() {
    let model: Model = serde_json::from_str(
        r#"{"types": [{"name": "s", "origin": "", "examples": [{"at": "2020-01-01T10:00:00+02:00"}],
            "kind": {"kind": "struct", "fields": [
                {"wire_name": "at", "ty": {"type": "primitive", "of": "date_time"}, "presence": "required"}]}}]}"#,
    )
    .unwrap();
    let dir = TempDir::new("examples-same");
    let mut members = Vec::new();
    for (name, date_time, keeps) in [
        ("fixed_offset", DateTimeType::FixedOffset, true),
        ("utc", DateTimeType::Utc, false),
    ] {
        let options = Options {
            date_time,
            doctest_crate: Some(name.to_owned()),
            ..Options::default()
        };
        let (code, uses) = modelgen::generate_model(&model, &options, "t.yaml").unwrap();
        let crate_dir = dir.path().join(name);
        modelgen::write::write_crate(&crate_dir, name, &code, uses, "t.yaml").unwrap();
        let tests = format!(
            r#"
#[cfg(test)]
mod same_tests {{
    fn same(a: &str, b: &str) -> bool {{
        crate::support::__examples::same(&serde_json::json!(a), &serde_json::json!(b))
    }}

    #[test]
    fn date_times() {{
        // Other spellings of one value.
        assert!(same("2020-01-01T10:00:00+02:00", "2020-01-01T10:00:00.000+02:00"));
        assert!(same("2020-01-01T10:00:00.5Z", "2020-01-01T10:00:00.500+00:00"));
        assert!(same("2020-01-01t10:00:00z", "2020-01-01T10:00:00+00:00"));
        assert!(same("2020-01-01T10:00:00-00:00", "2020-01-01T10:00:00Z"));
        assert!(same("2019-12-31T23:30:00-01:00", "2020-01-01T00:30:00Z") != {keeps});
        // The same instant at another offset: kept only by `DateTime<Utc>`.
        assert_eq!(same("2020-01-01T10:00:00+02:00", "2020-01-01T08:00:00Z"), !{keeps});
        // Not the same instant, or no date-time.
        assert!(!same("2020-01-01T10:00:00+02:00", "2020-01-01T10:00:00Z"));
        assert!(!same("2020-01-01T10:00:00.5Z", "2020-01-01T10:00:00.05Z"));
        assert!(!same("2020-01-01T10:00:00Z and more", "2020-01-01T10:00:00Z"));
        assert!(!same("a", "b"));
    }}
}}
"#
        );
        let lib = crate_dir.join("src/lib.rs");
        let text = std::fs::read_to_string(&lib).unwrap() + &tests;
        std::fs::write(lib, text).unwrap();
        members.push(name);
    }
    cargo_run::workspace(dir.path(), &members, "", &cargo_run::repository_lock()).unwrap();
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/generated-crates");
    let run = cargo_run::cargo(
        env!("CARGO").as_ref(),
        dir.path(),
        &target,
        &["test", "--quiet", "--workspace", "--lib"],
    )
    .unwrap();
    assert!(run.success, "{}\n{}", run.stdout, run.stderr);
}

#[test]
fn text_after_a_quote_or_a_list_item_starts_a_paragraph() {
    // Doc lines are unindented, so such text would continue the quote or item lazily
    // (`clippy::doc_lazy_continuation`).
    let code = emit_ok(
        r#"{"types": [{"name": "listed", "origin": "",
            "doc": "- one\n  more of one\n> a quote\nafter the quote\n1. first\n2) second\nafter",
            "kind": {"kind": "struct", "fields": []}}]}"#,
    );
    let want = "/// - one\n///\n/// more of one\n/// > a quote\n///\n/// after the quote\n\
                /// 1. first\n/// 2) second\n///\n/// after\n";
    assert!(code.contains(want), "{code}");
}

#[test]
fn generating_a_model_the_check_rejects_is_an_error() {
    let model: Model = serde_json::from_str(
        r#"{"types": [{"name": "a", "origin": "", "kind": {"kind": "alias", "ty": {"type": "named", "of": 7}}}]}"#,
    )
    .unwrap();
    let error = modelgen::generate_model(&model, &Options::default(), "t.yaml").unwrap_err();
    assert_eq!(
        error.to_string(),
        "error: t.yaml: `a`: refers to type #7, which does not exist"
    );
}

#[test]
fn a_loop_of_aliases_through_nulls_alone_is_rejected() {
    // `a: {oneOf: [null, $ref: a]}` holds nothing but `null`; as a newtype, reading `true` would
    // recurse until the stack overflows.
    let found = problems(
        r#"{"types": [{"name": "a", "origin": "", "kind": {"kind": "alias",
            "ty": {"type": "nullable", "of": {"type": "nullable", "of": {"type": "named", "of": 0}}}}}]}"#,
    );
    assert_eq!(
        found,
        ["a loop of references with no schema in between: a -> a"]
    );
}

#[test]
fn a_union_that_is_its_own_member_is_rejected() {
    // Reading it would try itself on the same value until the stack overflows.
    let found = problems(
        r#"{"types": [
            {"name": "u", "origin": "", "kind": {"kind": "union", "variants": [
                {"ty": {"type": "nullable", "of": {"type": "named", "of": 1}}},
                {"ty": {"type": "primitive", "of": "string"}}]}},
            {"name": "a", "origin": "", "kind": {"kind": "alias", "ty": {"type": "named", "of": 0}}}]}"#,
    );
    assert_eq!(
        found,
        ["a union that is one of its own members, with no schema in between: u -> a -> u"]
    );
    // Through an array, it is a tree like any other.
    emit_ok(
        r#"{"types": [{"name": "u", "origin": "", "kind": {"kind": "union", "variants": [
            {"ty": {"type": "array", "of": {"type": "named", "of": 0}}},
            {"ty": {"type": "primitive", "of": "string"}}]}}]}"#,
    );
}

#[test]
fn a_nullable_types_examples_are_read_as_options() {
    // A nullable type takes `null` at each use (an `Option`), not in itself: its `null` example
    // is read as `Option<T>`.
    let code = emit_ok(
        r#"{"types": [{"name": "n", "origin": "", "nullable": true, "examples": [null, 0.5],
            "kind": {"kind": "enum", "repr": "number", "values": [{"value": 0.5}]}}]}"#,
    );
    assert!(
        code.contains(
            "/// let value: Option<models::N> = serde_json::from_value(json.clone()).unwrap();"
        ),
        "{code}"
    );
}

#[test]
fn a_model_not_normalized_is_normalized_before_generating() {
    // A union with a nullable member takes `null` itself: its `null` example is read as an
    // `Option`, as the readers' (normalized) models have it.
    let model: Model = serde_json::from_str(
        r#"{"types": [
            {"name": "u", "origin": "", "examples": [null], "kind": {"kind": "union", "variants": [
                {"ty": {"type": "primitive", "of": "string"}}, {"ty": {"type": "named", "of": 1}}]}},
            {"name": "e", "origin": "", "nullable": true, "kind": {"kind": "struct", "fields": []}}]}"#,
    )
    .unwrap();
    let options = Options {
        doctest_crate: Some("models".to_owned()),
        ..Options::default()
    };
    let (code, _) = modelgen::generate_model(&model, &options, "t.yaml").unwrap();
    assert!(
        code.contains(
            "/// let value: Option<models::U> = serde_json::from_value(json.clone()).unwrap();"
        ),
        "{code}"
    );
}

#[test]
fn a_tuple_longer_than_twelve_is_a_vec_of_values() {
    // The standard library implements `Debug`, `PartialEq` and the rest for tuples of up to 12.
    let items = vec![r#"{"type": "primitive", "of": "uuid"}"#; 13].join(", ");
    let code = emit_ok(&format!(
        r#"{{"types": [{{"name": "s", "origin": "", "kind": {{"kind": "struct", "fields": [
            {{"wire_name": "t", "ty": {{"type": "tuple", "of": [{items}]}}, "presence": "required"}}]}}}}]}}"#
    ));
    assert!(code.contains("pub t: Vec<::serde_json::Value>,"), "{code}");
}

#[test]
fn an_example_missing_a_required_nullable_property_is_no_doctest() {
    // The field reads as `None` when absent and is written back as `null`: not the example.
    let code = emit_ok(
        r#"{"types": [{"name": "s", "origin": "", "examples": [{}],
            "kind": {"kind": "struct", "fields": [
                {"wire_name": "a", "ty": {"type": "any"}, "presence": "required_nullable"}]}}]}"#,
    );
    assert!(
        code.contains("/// From the API description, which this example contradicts (so it is no test): /a: required, but missing."),
        "{code}"
    );
}
