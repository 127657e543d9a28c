//! Property tests of naming: thousands of random Unicode strings (ASCII, symbols, keywords, digits
//! first, combining marks, CJK, emoji, the empty string) each give an identifier that parses as one,
//! is no bare keyword, and the helpers that must give distinct names give distinct names.

mod support;

use std::collections::BTreeSet;

use modelgen::ir::{EnumValue, Field, Presence, Struct, TypeRef};
use modelgen::naming::{self, FieldNames, Position};
use support::random::{self, Rng, HOSTILE_NAMES};

const SEED: u64 = 0x001D_E471_F1E5;

/// `name` is UpperCamelCase as rustc's `non_camel_case_types` sees it: once the underscores at its
/// ends are trimmed, no `__` and no `_` next to a letter (`Self_` and `V1_5` are fine, `Self_2` is
/// not).
fn assert_camel(name: &str, source: &str) {
    let chars: Vec<char> = name.trim_matches('_').chars().collect();
    let bad = chars.windows(2).any(|w| {
        w[0] == '_' && (w[1] == '_' || w[1].is_alphabetic()) || w[1] == '_' && w[0].is_alphabetic()
    });
    assert!(!bad, "{source:?} gave {name:?}, no camel case");
    let inner = name.trim_matches('_');
    assert!(
        inner.starts_with(|c: char| c.is_ascii_uppercase()),
        "{source:?} gave {name:?}"
    );
}

/// `name` is snake_case as rustc's `non_snake_case` sees it (no capital, no `__`), and not the
/// underscores and digits alone that clippy asks to name (`_9`).
fn assert_snake(name: &str, source: &str) {
    let plain = name.strip_prefix("r#").unwrap_or(name);
    let inner = plain.trim_matches('_');
    assert!(
        !inner.contains("__"),
        "{source:?} gave {name:?}, no snake case"
    );
    assert!(
        !inner.contains(|c: char| c.is_ascii_uppercase()),
        "{source:?} gave {name:?}"
    );
    assert!(
        plain.contains(|c: char| c.is_ascii_alphabetic()),
        "{source:?} gave {name:?}, underscores and digits alone"
    );
}

/// `name` is one identifier token of Rust: it parses as `syn::Ident` (which refuses bare keywords),
/// and prints back as itself.
fn assert_identifier(name: &str, source: &str) {
    let parsed = syn::parse_str::<syn::Ident>(name)
        .unwrap_or_else(|e| panic!("{source:?} gave {name:?}, no identifier: {e}"));
    assert_eq!(parsed.to_string(), name, "{source:?}");
    assert!(naming::is_identifier(name), "{source:?} gave {name:?}");
    // The token the emitter builds from it is the same identifier.
    assert_eq!(naming::ident(name).to_string(), name, "{source:?}");
}

/// Every position's identifier of `source` is valid; types and variants are UpperCamelCase, fields
/// snake_case, all ASCII.
fn check_positions(source: &str) {
    for position in [
        Position::Type,
        Position::Variant,
        Position::Field,
        Position::Method,
        Position::Module,
    ] {
        let name = naming::identifier(source, position);
        assert_identifier(&name, source);
        let plain = name.strip_prefix("r#").unwrap_or(&name);
        assert!(plain.is_ascii(), "{source:?} gave {name:?}");
        match position {
            Position::Type | Position::Variant => assert_camel(&name, source),
            _ => assert_snake(&name, source),
        }
    }
    let (field, _) = naming::field_ident(source);
    assert_identifier(&field, source);
}

fn strings(rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n).map(|_| random::string(rng)).collect()
}

#[test]
fn hostile_names_give_identifiers_in_every_position() {
    for source in HOSTILE_NAMES {
        check_positions(source);
    }
    // The words that cannot be raw and those that must be, by position.
    assert_eq!(naming::identifier("Self", Position::Type), "Self_");
    assert_eq!(naming::identifier("self", Position::Field), "self_");
    assert_eq!(naming::identifier("super", Position::Module), "super_");
    assert_eq!(naming::identifier("crate", Position::Field), "crate_");
    assert_eq!(naming::identifier("_", Position::Field), "empty");
    assert_eq!(naming::identifier("type", Position::Field), "r#type");
    assert_eq!(naming::identifier("3d", Position::Field), "_3d");
    assert_eq!(naming::identifier("3d", Position::Type), "V3d");
    assert_eq!(naming::identifier("名前", Position::Type), "U540dU524d");
    assert_eq!(naming::identifier("", Position::Variant), "Empty");
}

#[test]
fn random_strings_give_identifiers_in_every_position() {
    let mut rng = Rng::new(SEED);
    for source in strings(&mut rng, 20_000) {
        check_positions(&source);
    }
}

#[test]
fn names_not_made_by_naming_still_give_identifiers() {
    // `ident` is total: a string that is no identifier is spelled as one instead of panicking.
    let mut rng = Rng::new(SEED ^ 1);
    for source in strings(&mut rng, 5_000) {
        let token = naming::ident(&source).to_string();
        assert_identifier(&token, &source);
    }
    assert_eq!(naming::ident("r#type").to_string(), "r#type");
    assert_eq!(naming::ident("r#self").to_string(), "r_self");
    assert_eq!(naming::ident("Self").to_string(), "Self_");
}

#[test]
fn type_names_are_distinct_identifiers() {
    let mut rng = Rng::new(SEED ^ 2);
    for _ in 0..2_000 {
        let count = 1 + rng.below(8);
        let mut sources = strings(&mut rng, count);
        // Spellings of one name, which convert alike.
        let first = sources[0].clone();
        sources.push(first.to_uppercase());
        sources.push(format!("{first}_"));
        sources.push("Nullable".to_owned());
        let names = naming::distinct_camel(
            sources.iter().map(String::as_str),
            naming::RESERVED_TYPE_NAMES,
        );
        let mut seen = BTreeSet::new();
        for (name, source) in names.iter().zip(&sources) {
            assert_identifier(name, source);
            assert_camel(name, source);
            assert!(
                !naming::RESERVED_TYPE_NAMES.contains(&name.as_str()),
                "{source:?} gave {name:?}"
            );
            assert!(
                seen.insert(name.clone()),
                "{name} twice in {sources:?} -> {names:?}"
            );
        }
    }
}

#[test]
fn variant_names_are_distinct_identifiers() {
    let mut rng = Rng::new(SEED ^ 3);
    for _ in 0..2_000 {
        let mut values: Vec<EnumValue> = Vec::new();
        for _ in 0..rng.below(8) {
            let value = random::value(&mut rng, 2);
            if values.iter().any(|v| v.value == value) {
                continue;
            }
            let mut v = EnumValue::new(value);
            if rng.one_in(4) {
                v.name = Some(random::string(&mut rng));
            }
            values.push(v);
        }
        let names = naming::variant_names(&values);
        assert_eq!(names.len(), values.len());
        let mut seen = BTreeSet::new();
        for (name, v) in names.iter().zip(&values) {
            assert_identifier(name, &v.value.to_string());
            assert_camel(name, &v.value.to_string());
            assert!(seen.insert(name), "{name} twice in {names:?} ({values:?})");
        }
    }
}

#[test]
fn field_names_are_distinct_identifiers_and_renamed_when_changed() {
    let mut rng = Rng::new(SEED ^ 4);
    for _ in 0..2_000 {
        let mut wire: Vec<String> = Vec::new();
        for _ in 0..1 + rng.below(8) {
            let name = match rng.below(4) {
                0 if !wire.is_empty() => format!("{}_2", rng.pick(&wire)),
                1 if !wire.is_empty() => rng.pick(&wire).to_uppercase(),
                _ => random::string(&mut rng),
            };
            if !wire.contains(&name) {
                wire.push(name);
            }
        }
        let s = Struct {
            fields: wire
                .iter()
                .map(|w| Field::new(w.clone(), TypeRef::Any, Presence::Required))
                .collect(),
            additional: rng.one_in(2).then_some(TypeRef::Any),
        };
        let names = FieldNames::new(&s);
        let mut seen = BTreeSet::new();
        for (name, w) in names
            .fields
            .iter()
            .chain(&names.additional)
            .zip(wire.iter().chain(Some(&"<additional>".to_owned())))
        {
            assert_identifier(name, w);
            assert_snake(name, w);
            let plain = name.strip_prefix("r#").unwrap_or(name);
            assert!(
                seen.insert(plain.to_owned()),
                "{name} twice: {wire:?} -> {names:?}"
            );
        }
    }
}

#[test]
fn raw_and_numbered_field_names_do_not_collide() {
    // `Type` converts to `r#type`, taken by `type`; numbered, it must not become a second `type_2`.
    let s = Struct {
        fields: ["type", "type_2", "Type"]
            .iter()
            .map(|w| Field::new(*w, TypeRef::Any, Presence::Required))
            .collect(),
        additional: None,
    };
    assert_eq!(FieldNames::new(&s).fields, ["r#type", "type_2", "type_3"]);
}

#[test]
fn numbered_names_keep_their_case() {
    // A trailing `_` (an escaped keyword) is dropped before the number; digits alone get a letter.
    let s = Struct {
        fields: ["self", "Self", "9", "9 "]
            .iter()
            .map(|w| Field::new(*w, TypeRef::Any, Presence::Required))
            .collect(),
        additional: None,
    };
    assert_eq!(
        FieldNames::new(&s).fields,
        ["self_", "self_2", "v9", "v9_2"]
    );
    assert_eq!(
        naming::distinct_camel(["Self", "self"], &[]),
        ["Self_", "Self2"]
    );
    let values: Vec<EnumValue> = ["Self", "self"]
        .iter()
        .map(|v| EnumValue::new(serde_json::json!(v)))
        .collect();
    assert_eq!(naming::variant_names(&values), ["Self_", "Self2"]);
}
