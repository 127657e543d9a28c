//! One small pair of models per kind of change, written in a compact notation and checked against
//! the text report.
//!
//! The notation, parsed by [`model`]: `struct Pet { name: string, tag?: string?, *: i64 }` (a `?`
//! after the name: optional; after the type: nullable; `*`: additional properties),
//! `enum Color = red | green` (integers when every value is one), `union Shape = Circle | Square`,
//! `union Pay(kind) = card: Card | bank: Bank` (tagged), `alias Id = uuid` (`uuid?`: nullable).
//! Types: `string uuid date-time date uri byte binary bool i32 i64 f32 f64 object any`, `[T]` (array),
//! `{T}` (map), or a type's source name.

use expect_test::{expect, Expect};

use super::*;
use crate::ir::{self, Field, Struct, TypeDef, TypeKind, TypeRef, Variant};

fn check(old: &str, new: &str, expect: Expect) {
    check_models(&model(old), &model(new), expect);
}

/// Diffs with notes, so doc-only cases show up too.
fn check_models(old: &Model, new: &Model, expect: Expect) {
    let diff = diff_with(old, new, Options::default().notes(true));
    expect.assert_eq(&diff.to_text());
}

// ---- the notation --------------------------------------------------------------------------------

fn tokens(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() || c == '_' || c == '-' {
            let mut word = c.to_string();
            while let Some(&n) = chars.peek() {
                if n.is_alphanumeric() || n == '_' || n == '-' {
                    word.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(word);
        } else {
            out.push(c.to_string());
        }
    }
    out
}

struct Parser {
    tokens: Vec<String>,
    pos: usize,
    /// The finished types, in source order (a name's index is its `TypeId`).
    types: Vec<TypeDef>,
}

/// A type reference before names are resolved: named references hold the source name.
enum Ty {
    Named(String),
    Primitive(ir::Primitive),
    Array(Box<Ty>),
    Map(Box<Ty>),
    Object,
    Any,
}

impl Parser {
    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.pos).map(String::as_str)
    }

    fn next(&mut self) -> String {
        let t = self.tokens[self.pos].clone();
        self.pos += 1;
        t
    }

    fn eat(&mut self, t: &str) -> bool {
        if self.peek() == Some(t) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, t: &str) {
        assert!(
            self.eat(t),
            "expected {t:?} at token {}: {:?}",
            self.pos,
            self.peek()
        );
    }

    fn ty(&mut self) -> Ty {
        use ir::Primitive as P;
        if self.eat("[") {
            let item = self.ty();
            self.expect("]");
            return Ty::Array(Box::new(item));
        }
        if self.eat("{") {
            let value = self.ty();
            self.expect("}");
            return Ty::Map(Box::new(value));
        }
        let word = self.next();
        let p = match word.as_str() {
            "string" => P::String,
            "uuid" => P::Uuid,
            "date-time" => P::DateTime,
            "date" => P::Date,
            "uri" => P::Uri,
            "byte" => P::Byte,
            "binary" => P::Binary,
            "bool" => P::Boolean,
            "i32" => P::Int32,
            "i64" => P::Int64,
            "f32" => P::Float,
            "f64" => P::Double,
            "object" => return Ty::Object,
            "any" => return Ty::Any,
            _ => return Ty::Named(word),
        };
        Ty::Primitive(p)
    }

    fn item(&mut self) -> (String, TypeKindSrc) {
        let keyword = self.next();
        let name = self.next();
        let kind = match keyword.as_str() {
            "struct" => {
                self.expect("{");
                let mut fields = Vec::new();
                let mut additional = None;
                while !self.eat("}") {
                    if self.eat("*") {
                        self.expect(":");
                        additional = Some(self.ty());
                    } else {
                        let wire = self.next();
                        let optional = self.eat("?");
                        self.expect(":");
                        let ty = self.ty();
                        let nullable = self.eat("?");
                        fields.push((wire, ty, Presence::new(!optional, nullable)));
                    }
                    self.eat(",");
                }
                TypeKindSrc::Struct(fields, additional)
            }
            "enum" => {
                self.expect("=");
                let mut values = vec![self.next()];
                while self.eat("|") {
                    values.push(self.next());
                }
                TypeKindSrc::Enum(values)
            }
            "union" => {
                let discriminator = if self.eat("(") {
                    let d = self.next();
                    self.expect(")");
                    Some(d)
                } else {
                    None
                };
                self.expect("=");
                let mut variants = Vec::new();
                loop {
                    let tag = if discriminator.is_some() {
                        let tag = self.next();
                        self.expect(":");
                        Some(tag)
                    } else {
                        None
                    };
                    variants.push((tag, self.ty()));
                    if !self.eat("|") {
                        break;
                    }
                }
                TypeKindSrc::Union(discriminator, variants)
            }
            "alias" => {
                self.expect("=");
                let ty = self.ty();
                TypeKindSrc::Alias(ty, self.eat("?"))
            }
            other => panic!("unknown item {other:?}"),
        };
        self.eat(";");
        (name, kind)
    }
}

enum TypeKindSrc {
    Struct(Vec<(String, Ty, Presence)>, Option<Ty>),
    Enum(Vec<String>),
    Union(Option<String>, Vec<(Option<String>, Ty)>),
    Alias(Ty, bool),
}

/// Parses the notation of the module docs into a model.
fn model(src: &str) -> Model {
    let mut p = Parser {
        tokens: tokens(src),
        pos: 0,
        types: Vec::new(),
    };
    let mut items = Vec::new();
    while p.peek().is_some() {
        items.push(p.item());
    }
    let names: Vec<String> = items.iter().map(|(n, _)| n.clone()).collect();
    let resolve = |t: Ty| -> TypeRef {
        fn go(t: Ty, names: &[String]) -> TypeRef {
            match t {
                Ty::Named(n) => TypeRef::Named(ir::TypeId(
                    names
                        .iter()
                        .position(|x| *x == n)
                        .unwrap_or_else(|| panic!("unknown type {n:?}")),
                )),
                Ty::Primitive(p) => TypeRef::Primitive(p),
                Ty::Array(t) => TypeRef::Array(Box::new(go(*t, names))),
                Ty::Map(t) => TypeRef::Map(Box::new(go(*t, names))),
                Ty::Object => TypeRef::Object,
                Ty::Any => TypeRef::Any,
            }
        }
        go(t, &names)
    };
    for (name, kind) in items {
        let kind = match kind {
            TypeKindSrc::Struct(fields, additional) => TypeKind::Struct(Struct {
                fields: fields
                    .into_iter()
                    .map(|(wire_name, ty, presence)| Field::new(wire_name, resolve(ty), presence))
                    .collect(),
                additional: additional.map(resolve),
            }),
            TypeKindSrc::Enum(values) => {
                let ints: Option<Vec<i64>> = values.iter().map(|v| v.parse().ok()).collect();
                TypeKind::Enum(match ints {
                    Some(ints) => ir::Enum::integers(ints),
                    None => ir::Enum::strings(values),
                })
            }
            TypeKindSrc::Union(discriminator, variants) => TypeKind::Union(ir::Union {
                discriminator,
                variants: variants
                    .into_iter()
                    .map(|(tag, ty)| Variant {
                        tag,
                        ty: resolve(ty),
                    })
                    .collect(),
            }),
            TypeKindSrc::Alias(ty, nullable) => {
                let mut def = TypeDef::new(
                    name.clone(),
                    format!("test#/{name}"),
                    TypeKind::Alias(ir::Alias { ty: resolve(ty) }),
                );
                def.nullable = nullable;
                p.types.push(def);
                continue;
            }
        };
        p.types
            .push(TypeDef::new(name.clone(), format!("test#/{name}"), kind));
    }
    Model {
        title: None,
        version: None,
        types: p.types,
    }
}

/// The first field of the first type, to edit what the notation cannot say.
fn first_field(m: &mut Model) -> &mut Field {
    match &mut m.types[0].kind {
        TypeKind::Struct(s) => &mut s.fields[0],
        _ => panic!("first type is not a struct"),
    }
}

// ---- types ---------------------------------------------------------------------------------------

#[test]
fn identical_models_have_no_changes() {
    let src = "struct pet { name: string, tags?: [string] }; enum color = red | green";
    check(
        src,
        src,
        expect![[r#"
        no changes
    "#]],
    );
}

#[test]
fn added_type_is_not_breaking() {
    check(
        "struct pet { name: string }",
        "struct pet { name: string }; struct owner { id: uuid }",
        expect![[r#"
            + Owner (struct)  [non-breaking]

            1 change in 1 type: 1 non-breaking
        "#]],
    );
}

#[test]
fn removed_type_is_breaking() {
    check(
        "struct pet { name: string }; enum color = red",
        "struct pet { name: string }",
        expect![[r#"
            - Color (enum)  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn type_with_the_same_shape_under_a_new_name_is_renamed() {
    // `owner` keeps its field type equal through the rename: no extra "field type changed".
    check(
        "struct pet { name: string }; struct owner { pet: pet, pets: [pet] }",
        "struct animal { name: string }; struct owner { pet: animal, pets: [animal] }",
        expect![[r#"
            ~ Animal
              ~ renamed from Pet  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn rename_is_not_guessed_when_two_types_have_the_shape() {
    check(
        "struct pet { name: string }",
        "struct animal { name: string }; struct beast { name: string }",
        expect![[r#"
            + Animal (struct)  [non-breaking]
            + Beast (struct)  [non-breaking]
            - Pet (struct)  [breaking]

            3 changes in 3 types: 1 breaking, 2 non-breaking
        "#]],
    );
}

#[test]
fn rename_is_not_guessed_for_empty_structs() {
    check(
        "struct pet { }",
        "struct animal { }",
        expect![[r#"
            + Animal (struct)  [non-breaking]
            - Pet (struct)  [breaking]

            2 changes in 2 types: 1 breaking, 1 non-breaking
        "#]],
    );
}

#[test]
fn types_match_by_rust_name_not_source_name() {
    // `workflow_run` and `WorkflowRun` are the same Rust type.
    check(
        "struct workflow_run { id: uuid }",
        "struct WorkflowRun { id: uuid }",
        expect![[r#"
            no changes
        "#]],
    );
}

#[test]
fn kind_change_is_breaking_and_hides_contents() {
    check(
        "struct status { code: string }",
        "enum status = ok | failed",
        expect![[r#"
            ~ Status
              ~ kind: struct -> enum  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn type_deprecation_and_doc() {
    let old = model("struct pet { name: string }");
    let mut new = old.clone();
    new.types[0].deprecated = true;
    new.types[0].doc = Some("A pet.".to_owned());
    check_models(
        &old,
        &new,
        expect![[r#"
            ~ Pet
              ~ deprecated  [non-breaking]
              ~ description changed  [note]

            2 changes in 1 type: 1 non-breaking, 1 note
        "#]],
    );
}

// ---- fields --------------------------------------------------------------------------------------

#[test]
fn new_required_field_is_breaking() {
    check(
        "struct pet { name: string }",
        "struct pet { name: string, age: i32 }",
        expect![[r#"
            ~ Pet
              + field age: i32 (required)  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn new_optional_field_breaks_struct_literals() {
    check(
        "struct pet { name?: string }",
        "struct pet { name?: string, tags?: [string] }",
        expect![[r#"
            ~ Pet
              + field tags: Vec<String> (optional)  [non-breaking]

            1 change in 1 type: 1 non-breaking
        "#]],
    );
}

#[test]
fn removed_field_is_breaking() {
    check(
        "struct pet { name: string, nick?: string? }",
        "struct pet { name: string }",
        expect![[r#"
            ~ Pet
              - field nick: String (optional, nullable)  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn field_type_change_is_breaking() {
    check(
        "struct pet { id: string, tags: [string], owner: owner }; struct owner { id: uuid }",
        "struct pet { id: uuid, tags: {string}, owner: person }; struct person { id: i64 }",
        expect![[r#"
            - Owner (struct)  [breaking]
            + Person (struct)  [non-breaking]
            ~ Pet
              ~ field id: String -> Uuid  [breaking]
              ~ field tags: Vec<String> -> BTreeMap<String, String>  [breaking]
              ~ field owner: Owner -> Person  [breaking]

            5 changes in 3 types: 4 breaking, 1 non-breaking
        "#]],
    );
}

#[test]
fn required_to_optional_is_breaking() {
    check(
        "struct pet { name: string }",
        "struct pet { name?: string }",
        expect![[r#"
            ~ Pet
              ~ field name: required -> optional (T -> Nullable<T>)  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn optional_to_required_is_breaking() {
    check(
        "struct pet { name?: string }",
        "struct pet { name: string }",
        expect![[r#"
            ~ Pet
              ~ field name: optional -> required (Nullable<T> -> T)  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn required_field_becoming_nullable_is_breaking() {
    check(
        "struct pet { name: string }",
        "struct pet { name: string? }",
        expect![[r#"
            ~ Pet
              ~ field name: required -> required, nullable (T -> Option<T>)  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn optional_field_becoming_nullable_keeps_its_type() {
    check(
        "struct pet { a?: string, b?: string? }",
        "struct pet { a?: string?, b?: string }",
        expect![[r#"
            ~ Pet
              ~ field a: optional -> optional, nullable (Nullable<T> -> Nullable<T>)  [non-breaking]
              ~ field b: optional, nullable -> optional (Nullable<T> -> Nullable<T>)  [non-breaking]

            2 changes in 1 type: 2 non-breaking
        "#]],
    );
}

#[test]
fn string_format_change_keeps_the_rust_type() {
    check(
        "struct pet { url: string, photos: [byte], born: date-time }; alias link = string",
        "struct pet { url: uri, photos: [binary], born: date }; alias link = uri",
        expect![[r#"
            ~ Link
              ~ target: String -> String(uri)  [non-breaking]
            ~ Pet
              ~ field url: String -> String(uri)  [non-breaking]
              ~ field photos: Vec<String(byte)> -> Vec<String(binary)>  [non-breaking]
              ~ field born: DateTime<FixedOffset> -> NaiveDate  [breaking]

            4 changes in 2 types: 1 breaking, 3 non-breaking
        "#]],
    );
}

#[test]
fn type_and_presence_change_together() {
    check(
        "struct pet { id: string }",
        "struct pet { id?: uuid? }",
        expect![[r#"
            ~ Pet
              ~ field id: String -> Uuid  [breaking]
              ~ field id: required -> optional, nullable (T -> Nullable<T>)  [breaking]

            2 changes in 1 type: 2 breaking
        "#]],
    );
}

#[test]
fn fields_match_by_wire_name_and_show_the_rust_name() {
    check(
        "struct pet { petName: string, type: string }",
        "struct pet { type: string, petName?: string }",
        expect![[r#"
            ~ Pet
              ~ field pet_name ("petName"): required -> optional (T -> Nullable<T>)  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn field_default_access_deprecation_doc_and_constraints() {
    let old = model("struct pet { name?: string }");
    let mut new = old.clone();
    let f = first_field(&mut new);
    f.default = Some(serde_json::json!("rex"));
    f.access = ir::Access::ReadOnly;
    f.deprecated = true;
    f.doc = Some("The name.".to_owned());
    f.constraints.max_length = Some(20);
    check_models(
        &old,
        &new,
        expect![[r#"
            ~ Pet
              ~ field name: default none -> "rex"  [non-breaking]
              ~ field name: read-write -> read-only  [non-breaking]
              ~ field name: deprecated  [non-breaking]
              ~ field name: description changed  [note]
              ~ field name: constraints changed  [non-breaking]

            5 changes in 1 type: 4 non-breaking, 1 note
        "#]],
    );
}

#[test]
fn rewrapped_description_is_no_change() {
    let mut old = model("struct pet { name: string }");
    let mut new = old.clone();
    old.types[0].doc = Some("A pet\nof the shop.".to_owned());
    new.types[0].doc = Some("A pet of the  shop.".to_owned());
    check_models(
        &old,
        &new,
        expect![[r#"
        no changes
    "#]],
    );
}

#[test]
fn notes_are_left_out_by_default() {
    let old = model("struct pet { name: string }");
    let mut new = old.clone();
    new.types[0].doc = Some("A pet.".to_owned());
    first_field(&mut new).doc = Some("The name.".to_owned());
    let d = diff(&old, &new);
    assert!(d.types.is_empty(), "{d}");
    assert!(!d.has_changes());
}

#[test]
fn additional_properties_appear_change_and_go() {
    check(
        "struct a { x: i64 }; struct b { x: i64, *: string }; struct c { x: i64, *: string }",
        "struct a { x: i64, *: any }; struct b { x: i64, *: i64 }; struct c { x: i64 }",
        expect![[r#"
            ~ A
              + additional properties: Value  [breaking]
            ~ B
              ~ additional properties: String -> i64  [breaking]
            ~ C
              - additional properties: String  [breaking]

            3 changes in 3 types: 3 breaking
        "#]],
    );
}

// ---- enums ---------------------------------------------------------------------------------------

#[test]
fn new_enum_value_breaks_exhaustive_matches() {
    check(
        "enum status = pending | done",
        "enum status = pending | running | done",
        expect![[r#"
            ~ Status
              + value "running"  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn removed_enum_value_is_breaking() {
    check(
        "enum level = 1 | 2 | 3",
        "enum level = 1 | 3",
        expect![[r#"
            ~ Level
              - value 2  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn reordered_enum_values_are_no_change() {
    check(
        "enum status = a | b",
        "enum status = b | a",
        expect![[r#"
        no changes
    "#]],
    );
}

#[test]
fn enum_repr_change_is_breaking() {
    check(
        "enum level = low | high",
        "enum level = 1 | 2",
        expect![[r#"
            ~ Level
              ~ values: string -> integer  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

// ---- unions --------------------------------------------------------------------------------------

#[test]
fn union_variants_added_and_removed() {
    check(
        "struct a { x: i64 }; struct b { y: i64 }; struct c { z: i64 }; union u = a | b",
        "struct a { x: i64 }; struct b { y: i64 }; struct c { z: i64 }; union u = a | c",
        expect![[r#"
            ~ U
              + variant C  [breaking]
              - variant B  [breaking]

            2 changes in 1 type: 2 breaking
        "#]],
    );
}

#[test]
fn tagged_variants_match_by_tag() {
    check(
        "struct card { n: string }; struct bank { iban: string }; union pay(kind) = card: card | bank: bank",
        "struct card { n: string }; struct card2 { n: i64 }; union pay(kind) = card: card2 | cash: card",
        expect![[r#"
            - Bank (struct)  [breaking]
            + Card2 (struct)  [non-breaking]
            ~ Pay
              ~ variant "card": Card -> Card2  [breaking]
              + variant "cash" => Card  [breaking]
              - variant "bank" => Bank  [breaking]

            5 changes in 3 types: 4 breaking, 1 non-breaking
        "#]],
    );
}

#[test]
fn discriminator_change_is_breaking() {
    check(
        "struct a { x: i64 }; union u(kind) = a: a",
        "struct a { x: i64 }; union u(type) = a: a",
        expect![[r#"
            ~ U
              ~ discriminator: "kind" -> "type"  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

#[test]
fn reordering_an_untagged_union_is_breaking() {
    check(
        "union id = i64 | string",
        "union id = string | i64",
        expect![[r#"
            ~ Id
              ~ variant order: i64, String -> String, i64  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

// ---- aliases -------------------------------------------------------------------------------------

#[test]
fn alias_target_and_nullability() {
    check(
        "alias id = string; alias tags = [string]",
        "alias id = uuid; alias tags = [string]?",
        expect![[r#"
            ~ Id
              ~ target: String -> Uuid  [breaking]
            ~ Tags
              ~ now accepts null (each use is listed where it changes)  [non-breaking]

            2 changes in 2 types: 1 breaking, 1 non-breaking
        "#]],
    );
}

// ---- output and robustness -----------------------------------------------------------------------

#[test]
fn versions_head_the_text() {
    let mut old = model("struct pet { name: string }");
    let mut new = model("struct pet { name: string, age?: i32 }");
    old.version = Some("1.0".to_owned());
    new.version = Some("1.1".to_owned());
    check_models(
        &old,
        &new,
        expect![[r#"
            1.0 -> 1.1

            ~ Pet
              + field age: i32 (optional)  [non-breaking]

            1 change in 1 type: 1 non-breaking
        "#]],
    );
}

#[test]
fn json_is_stable_and_round_trips() {
    let d = diff(
        &model("struct pet { name: string }; enum color = red"),
        &model("struct pet { name?: string, age: i32 }; enum color = red | blue; alias id = uuid"),
    );
    expect![[r#"
        {
          "old": {},
          "new": {},
          "types": [
            {
              "name": "Color",
              "changes": [
                {
                  "class": "breaking",
                  "change": "enum_value_added",
                  "value": "blue"
                }
              ]
            },
            {
              "name": "Id",
              "changes": [
                {
                  "class": "non_breaking",
                  "change": "type_added",
                  "kind": "alias"
                }
              ]
            },
            {
              "name": "Pet",
              "changes": [
                {
                  "class": "breaking",
                  "change": "field_presence_changed",
                  "field": "name",
                  "from": "required",
                  "to": "optional"
                },
                {
                  "class": "breaking",
                  "change": "field_added",
                  "field": "age",
                  "ty": "i32",
                  "presence": "required"
                }
              ]
            }
          ]
        }"#]]
    .assert_eq(&d.to_json().unwrap());
    let back: Diff = serde_json::from_str(&d.to_json().unwrap()).unwrap();
    assert_eq!(back, d);
}

#[test]
fn fail_conditions() {
    let old = model("struct pet { name: string }");
    let added = model("struct pet { name: string }; struct owner { id: uuid }");
    let removed = model("struct owner { id: uuid }");
    assert!(!diff(&old, &old).has_changes());
    assert!(diff(&old, &added).has_changes());
    assert!(!diff(&old, &added).has_breaking());
    assert!(diff(&old, &removed).has_breaking());
}

#[test]
fn dangling_type_ids_do_not_panic() {
    let mut old = model("struct pet { owner: i64 }");
    let new = old.clone();
    first_field(&mut old).ty = TypeRef::Array(Box::new(TypeRef::Named(ir::TypeId(99))));
    check_models(
        &old,
        &new,
        expect![[r#"
            ~ Pet
              ~ field owner: Vec<<missing type #99>> -> i64  [breaking]

            1 change in 1 type: 1 breaking
        "#]],
    );
}

// ---- what the emitter emits -----------------------------------------------------------------------

#[test]
fn an_alias_is_the_type_it_names() {
    // `pub type FirstName = String;`: a field of either type is a `String`.
    check(
        "struct pet { name: first_name }; alias first_name = string",
        "struct pet { name: string }; alias first_name = string",
        expect![[r#"
            no changes
        "#]],
    );
}

#[test]
fn a_required_read_only_field_is_optional_in_rust_either_way() {
    let old = model("struct pet { id: string }");
    let mut new = model("struct pet { id?: string }");
    first_field(&mut new).access = ir::Access::ReadOnly;
    let mut old_ro = old.clone();
    first_field(&mut old_ro).access = ir::Access::ReadOnly;
    check_models(
        &old_ro,
        &new,
        expect![[r#"
            no changes
        "#]],
    );
}

#[test]
fn date_times_show_as_the_chosen_type() {
    let old = model("struct pet { at: date-time }");
    let new = model("struct pet { at: uuid }");
    let mut options = Options::default();
    options.types.date_time = crate::rust::DateTimeType::Utc;
    let d = diff_with(&old, &new, &options);
    expect![[r#"
        ~ Pet
          ~ field at: DateTime<Utc> -> Uuid  [breaking]

        1 change in 1 type: 1 breaking
    "#]]
    .assert_eq(&d.to_text());
}

#[test]
fn option_style_fields_compare_as_options() {
    let old = model("struct pet { a: string?, b?: string, c?: string, at: date-time, id: uuid }");
    let new = model("struct pet { a?: string, b: string?, c: string, at: date, id: string }");
    let mut options = Options::default();
    options.types.optional = crate::rust::Optionals {
        style: crate::rust::OptionalStyle::Option,
        // `c` alone keeps `Nullable`.
        exceptions: vec![(
            crate::overrides::Target::Field("pet".into(), "c".into()),
            crate::rust::OptionalStyle::Nullable,
        )],
    };
    options.types.dates = crate::rust::DateLibrary::Time;
    options.types.uuid = crate::rust::UuidType::String;
    let d = diff_with(&old, &new, &options);
    expect![[r#"
        ~ Pet
          ~ field a: required, nullable -> optional (Option<T> -> Option<T>)  [non-breaking]
          ~ field b: optional -> required, nullable (Option<T> -> Option<T>)  [non-breaking]
          ~ field c: optional -> required (Nullable<T> -> T)  [breaking]
          ~ field at: OffsetDateTime -> Date  [breaking]
          ~ field id: String(uuid) -> String  [non-breaking]

        5 changes in 1 type: 2 breaking, 3 non-breaking
    "#]]
    .assert_eq(&d.to_text());
    // The style shows in JSON only where it is not the default.
    let json = d.to_json().unwrap();
    assert!(json.contains(r#""optional": "option""#), "{json}");
    assert_eq!(json.matches(r#""optional":"#).count(), 2, "{json}");
}

#[test]
fn formats_made_strings_by_the_type_choices_show_as_formats() {
    let old = model("struct pet { id: uuid, born: date-time, seen: date }");
    let new = model("struct pet { id: string, born: date, seen: date }");
    let mut options = Options::default();
    options.types.dates = crate::rust::DateLibrary::String;
    options.types.uuid = crate::rust::UuidType::String;
    expect![[r#"
        ~ Pet
          ~ field id: String(uuid) -> String  [non-breaking]
          ~ field born: String(date-time) -> String(date)  [non-breaking]

        2 changes in 1 type: 2 non-breaking
    "#]]
    .assert_eq(&diff_with(&old, &new, &options).to_text());
}
