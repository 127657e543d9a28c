//! Models the random property tests (`emit_property.rs`) once broke the emitter with, each kept as a
//! small IR in JSON: `Model::check` rejects it, or the emitted code parses (with every option).

use modelgen::emit::{self, Options};
use modelgen::ir::Model;
use modelgen::{DateTimeType, FloatType};

/// Emits the model of `ir` (the JSON of `modelgen ir`) with validation and doctests on and off, and
/// returns the generated file of the last run; panics if some code does not parse.
fn emit_ok(ir: &str) -> String {
    let model: Model = serde_json::from_str(ir).unwrap();
    assert_eq!(model.check(), [], "the model is meant to pass the check");
    let mut last = String::new();
    for validation in [false, true] {
        for doctest_crate in [None, Some("models".to_owned())] {
            let options = Options {
                date_time: DateTimeType::FixedOffset,
                float: FloatType::F64,
                doctest_crate,
                validation,
            };
            let (tokens, _) = emit::emit(&model, &options);
            syn::parse2::<syn::File>(tokens).unwrap();
            let (code, _) = modelgen::generate_model(&model, &options, "t.yaml").unwrap();
            if let Err(e) = syn::parse_file(&code) {
                panic!("{e}\n{code}");
            }
            last = code;
        }
    }
    last
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
