//! The emitter's lossless and forward-compatible features on small specs, one case per feature:
//! defaults, read-only/write-only fields, deprecation, examples, validation, constructors and the
//! round-trip dispatch. Each case snapshots only the items of the spec's own types (the support types
//! every file starts with are left out).

mod support;

use expect_test::{expect, Expect};
use modelgen::emit::{self, Options};
use modelgen::input::openapi;
use modelgen::ir::Model;
use support::{model_items, spec_with_schemas, TempDir};

fn load(schemas: &str) -> Model {
    let dir = TempDir::new("emit");
    dir.write(&[("openapi.yaml", &spec_with_schemas(schemas))]);
    openapi::load(&dir.path().join("openapi.yaml"))
        .unwrap()
        .model
}

/// Generates `schemas` with `options` and compares the items of the spec's types.
fn check_with(schemas: &str, options: &Options, want: Expect) {
    let model = load(schemas);
    let code = modelgen::generate_model(&model, options, "test.yaml")
        .unwrap()
        .0;
    want.assert_eq(&model_items(&model, &code));
}

fn check(schemas: &str, want: Expect) {
    check_with(schemas, &Options::default(), want);
}

fn validating() -> Options {
    Options {
        validation: true,
        ..Options::default()
    }
}

#[test]
fn defaults_give_accessors_and_leave_the_field_absent() {
    check(
        r#"
mode: {type: string, enum: [fast, slow]}
settings:
  type: object
  properties:
    asynchronous: {type: boolean, default: true}
    retries: {type: integer, format: int32, default: 3}
    label: {type: string, default: none}
    mode: {$ref: '#/components/schemas/mode', default: slow}
    window: {type: object, default: {from: 1}}
"#,
        expect![[r#"
            /// The `mode` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum Mode {
                /// `fast`
                Fast,
                /// `slow`
                Slow,
                /// A value this version of the API description does not list, kept as sent.
                Unknown(::std::string::String),
            }
            impl Mode {
                /// The value as it appears in JSON.
                pub fn as_str(&self) -> &str {
                    match self {
                        Self::Fast => "fast",
                        Self::Slow => "slow",
                        Self::Unknown(value) => value,
                    }
                }
            }
            impl ::std::convert::From<&str> for Mode {
                fn from(value: &str) -> Self {
                    match value {
                        "fast" => Self::Fast,
                        "slow" => Self::Slow,
                        other => Self::Unknown(other.to_owned()),
                    }
                }
            }
            impl ::std::fmt::Display for Mode {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
            impl ::serde::Serialize for Mode {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }
            /// The `settings` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Default)]
            pub struct Settings {
                /// Defaults to `true` when absent (absent stays absent when written back).
                pub asynchronous: Nullable<bool>,
                /// Defaults to `3` when absent (absent stays absent when written back).
                pub retries: Nullable<i32>,
                /// Defaults to `"none"` when absent (absent stays absent when written back).
                pub label: Nullable<String>,
                /// Defaults to `"slow"` when absent (absent stays absent when written back).
                pub mode: Nullable<Mode>,
                /// Defaults to `{"from":1}` when absent (absent stays absent when written back).
                pub window: Nullable<::serde_json::Map<String, ::serde_json::Value>>,
            }
            impl Settings {
                /// `asynchronous`, or the spec's default `true` when it is absent or `null`.
                pub fn asynchronous_or_default(&self) -> bool {
                    match &self.asynchronous {
                        Nullable::Value(value) => *value,
                        Nullable::Absent | Nullable::Null => true,
                    }
                }
                /// `retries`, or the spec's default `3` when it is absent or `null`.
                pub fn retries_or_default(&self) -> i32 {
                    match &self.retries {
                        Nullable::Value(value) => *value,
                        Nullable::Absent | Nullable::Null => 3,
                    }
                }
                /// `label`, or the spec's default `"none"` when it is absent or `null`.
                pub fn label_or_default(&self) -> String {
                    match &self.label {
                        Nullable::Value(value) => value.clone(),
                        Nullable::Absent | Nullable::Null => "none".to_owned(),
                    }
                }
                /// `mode`, or the spec's default `"slow"` when it is absent or `null`.
                pub fn mode_or_default(&self) -> Mode {
                    match &self.mode {
                        Nullable::Value(value) => value.clone(),
                        Nullable::Absent | Nullable::Null => Mode::from("slow"),
                    }
                }
            }
            impl ::serde::Serialize for Settings {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(
                        serializer,
                        "Settings",
                        0,
                        &[&self.asynchronous, &self.retries, &self.label, &self.mode, &self.window],
                    )?;
                    object.optional("asynchronous", &self.asynchronous)?;
                    object.optional("retries", &self.retries)?;
                    object.optional("label", &self.label)?;
                    object.optional("mode", &self.mode)?;
                    object.optional("window", &self.window)?;
                    object.end()
                }
            }
        "#]],
    );
}

#[test]
fn required_fields_of_one_direction_are_optional_and_not_asked_for_by_new() {
    check(
        r#"
account:
  type: object
  required: [id, password, name]
  properties:
    id: {type: string, readOnly: true}
    password: {type: string, writeOnly: true}
    name: {type: string}
    created_at: {type: string, format: date-time, readOnly: true}
"#,
        expect![[r#"
            /// The `account` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct Account {
                /// Read-only, and required in responses: the API always sends it, and a request leaves it out, so the field is optional here.
                pub id: Nullable<String>,
                /// Write-only, and required in requests: the API never returns it, so the field is optional here.
                pub password: Nullable<String>,
                pub name: String,
                /// Read-only: sent by the API in responses.
                pub created_at: Nullable<::chrono::DateTime<::chrono::FixedOffset>>,
            }
            impl Account {
                /// With the required fields; every optional one is absent.
                pub fn new(name: String) -> Self {
                    Self {
                        id: Nullable::Absent,
                        password: Nullable::Absent,
                        name,
                        created_at: Nullable::Absent,
                    }
                }
            }
            impl ::serde::Serialize for Account {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(
                        serializer,
                        "Account",
                        1,
                        &[&self.id, &self.password, &self.created_at],
                    )?;
                    object.optional("id", &self.id)?;
                    object.optional("password", &self.password)?;
                    object.field("name", &self.name)?;
                    object.optional("created_at", &self.created_at)?;
                    object.end()
                }
            }
        "#]],
    );
}

#[test]
fn a_default_for_every_required_field_gives_a_default_impl() {
    check(
        r#"
page:
  type: object
  required: [size]
  properties:
    size: {type: integer, default: 20}
    cursor: {type: string}
"#,
        expect![[r#"
            /// The `page` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct Page {
                /// Defaults to `20` when absent (absent stays absent when written back).
                pub size: i64,
                pub cursor: Nullable<String>,
            }
            impl Page {
                /// With the required fields; every optional one is absent.
                pub fn new(size: i64) -> Self {
                    Self {
                        size,
                        cursor: Nullable::Absent,
                    }
                }
            }
            impl ::serde::Serialize for Page {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(
                        serializer,
                        "Page",
                        1,
                        &[&self.cursor],
                    )?;
                    object.field("size", &self.size)?;
                    object.optional("cursor", &self.cursor)?;
                    object.end()
                }
            }
        "#]],
    );
}

#[test]
fn deprecation_is_marked_and_allowed_only_inside_generated_items() {
    check(
        r#"
old_thing:
  type: object
  deprecated: true
  properties:
    a: {type: string}
holder:
  type: object
  required: [legacy]
  properties:
    legacy: {$ref: '#/components/schemas/old_thing'}
    gone: {type: string, deprecated: true}
    fine: {type: string}
"#,
        expect![[r#"
            /// The `old_thing` schema.
            ///
            /// **Deprecated** in the API description.
            #[deprecated(note = "deprecated in the API description")]
            #[allow(deprecated)]
            #[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
            pub struct OldThing {
                pub a: Nullable<String>,
            }
            #[allow(deprecated)]
            impl ::serde::Serialize for OldThing {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(
                        serializer,
                        "OldThing",
                        0,
                        &[&self.a],
                    )?;
                    object.optional("a", &self.a)?;
                    object.end()
                }
            }
            /// The `holder` schema.
            #[allow(deprecated)]
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct Holder {
                pub legacy: OldThing,
                /// **Deprecated** in the API description.
                #[deprecated(note = "deprecated in the API description")]
                pub gone: Nullable<String>,
                pub fine: Nullable<String>,
            }
            #[allow(deprecated)]
            impl Holder {
                /// With the required fields; every optional one is absent.
                pub fn new(legacy: OldThing) -> Self {
                    Self {
                        legacy,
                        gone: Nullable::Absent,
                        fine: Nullable::Absent,
                    }
                }
            }
            #[allow(deprecated)]
            impl ::serde::Serialize for Holder {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(
                        serializer,
                        "Holder",
                        1,
                        &[&self.gone, &self.fine],
                    )?;
                    object.field("legacy", &self.legacy)?;
                    object.optional("gone", &self.gone)?;
                    object.optional("fine", &self.fine)?;
                    object.end()
                }
            }
        "#]],
    );
}

#[test]
fn examples_become_doctests_and_bad_ones_are_flagged_not_dropped() {
    let options = Options {
        doctest_crate: Some("api".to_owned()),
        ..Options::default()
    };
    check_with(
        r#"
point:
  type: object
  required: [x]
  properties:
    x: {type: integer, example: 3}
    label: {type: string, example: 4.5}
  example: {x: 1, label: origin}
broken:
  type: object
  required: [id]
  properties:
    id: {type: string, format: uuid}
  examples:
    - {id: not-a-uuid}
    - {id: 9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e, extra: 1}
"#,
        &options,
        expect![[r##"
            /// The `point` schema.
            ///
            /// # Examples
            ///
            /// From the API description, read and written back unchanged:
            ///
            /// ```
            /// let json: serde_json::Value = serde_json::from_str(r#"{"x":1,"label":"origin"}"#).unwrap();
            /// let value: api::Point = serde_json::from_value(json.clone()).unwrap();
            /// let back = serde_json::to_value(&value).unwrap();
            /// assert!(api::support::__examples::same(&back, &json), "{back}");
            /// ```
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct Point {
                /// Example: `3`.
                pub x: i64,
                /// Example: `4.5`.
                pub label: Nullable<String>,
            }
            impl Point {
                /// With the required fields; every optional one is absent.
                pub fn new(x: i64) -> Self {
                    Self { x, label: Nullable::Absent }
                }
            }
            impl ::serde::Serialize for Point {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(
                        serializer,
                        "Point",
                        1,
                        &[&self.label],
                    )?;
                    object.field("x", &self.x)?;
                    object.optional("label", &self.label)?;
                    object.end()
                }
            }
            /// The `broken` schema.
            ///
            /// # Examples
            ///
            /// From the API description, which this example contradicts (so it is no test): /id: expected a UUID, found the string "not-a-uuid".
            ///
            /// ```text
            /// {"id":"not-a-uuid"}
            /// ```
            ///
            /// From the API description, which this example contradicts (so it is no test): /extra: not a property of the schema, so it is dropped when written back.
            ///
            /// ```text
            /// {"id":"9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e","extra":1}
            /// ```
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct Broken {
                pub id: ::uuid::Uuid,
            }
            impl Broken {
                /// With the required fields; every optional one is absent.
                pub fn new(id: ::uuid::Uuid) -> Self {
                    Self { id }
                }
            }
            impl ::serde::Serialize for Broken {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(serializer, "Broken", 1, &[])?;
                    object.field("id", &self.id)?;
                    object.end()
                }
            }
        "##]],
    );
}

#[test]
fn examples_without_a_crate_name_are_shown_as_json() {
    check(
        r#"
tag: {type: string, example: vip}
"#,
        expect![[r#"
            /// The `tag` schema.
            ///
            /// # Examples
            ///
            /// ```json
            /// "vip"
            /// ```
            pub type Tag = String;
        "#]],
    );
}

#[test]
fn validation_checks_every_constraint_and_recurses() {
    check_with(
        r#"
item:
  type: object
  required: [code]
  properties:
    code: {type: string, minLength: 2, maxLength: 8, pattern: '^[A-Z]+$'}
    again: {type: string, pattern: '^[A-Z]+$'}
    ratio: {type: number, minimum: 0, maximum: 1, exclusiveMaximum: true}
    count: {type: integer, format: int32, minimum: 1}
    big: {type: integer, maximum: 100}
    lookahead: {type: string, pattern: '^(?=a)a$'}
order:
  type: object
  properties:
    items:
      type: array
      minItems: 1
      maxItems: 10
      uniqueItems: true
      items: {$ref: '#/components/schemas/item'}
    note: {type: string}
"#,
        &validating(),
        expect![[r#"
            /// The `item` schema.
            #[derive(Clone, Debug, PartialEq)]
            pub struct Item {
                pub code: String,
                pub again: Nullable<String>,
                pub ratio: Nullable<f64>,
                pub count: Nullable<i32>,
                pub big: Nullable<i64>,
                pub lookahead: Nullable<String>,
            }
            impl Item {
                /// With the required fields; every optional one is absent.
                pub fn new(code: String) -> Self {
                    Self {
                        code,
                        again: Nullable::Absent,
                        ratio: Nullable::Absent,
                        count: Nullable::Absent,
                        big: Nullable::Absent,
                        lookahead: Nullable::Absent,
                    }
                }
            }
            impl ::serde::Serialize for Item {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(
                        serializer,
                        "Item",
                        1,
                        &[&self.again, &self.ratio, &self.count, &self.big, &self.lookahead],
                    )?;
                    object.field("code", &self.code)?;
                    object.optional("again", &self.again)?;
                    object.optional("ratio", &self.ratio)?;
                    object.optional("count", &self.count)?;
                    object.optional("big", &self.big)?;
                    object.optional("lookahead", &self.lookahead)?;
                    object.end()
                }
            }
            impl Validate for Item {
                fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                    {
                        let path = &support::join(path, "code");
                        let v = &self.code;
                        support::flag(out, path, v.chars().count() < 2, "shorter than 2 characters");
                        support::flag(out, path, v.chars().count() > 8, "longer than 8 characters");
                        static PATTERN: ::std::sync::OnceLock<::regex_lite::Regex> = ::std::sync::OnceLock::new();
                        let pattern = PATTERN
                            .get_or_init(|| {
                                ::regex_lite::Regex::new("^[A-Z]+$")
                                    .expect("the generator compiled this pattern")
                            });
                        support::flag(
                            out,
                            path,
                            !pattern.is_match(v),
                            concat!("does not match the pattern `", "^[A-Z]+$", "`"),
                        );
                    }
                    {
                        let path = &support::join(path, "again");
                        if let Nullable::Value(v) = &self.again {
                            static PATTERN: ::std::sync::OnceLock<::regex_lite::Regex> = ::std::sync::OnceLock::new();
                            let pattern = PATTERN
                                .get_or_init(|| {
                                    ::regex_lite::Regex::new("^[A-Z]+$")
                                        .expect("the generator compiled this pattern")
                                });
                            support::flag(
                                out,
                                path,
                                !pattern.is_match(v),
                                concat!("does not match the pattern `", "^[A-Z]+$", "`"),
                            );
                        }
                    }
                    {
                        let path = &support::join(path, "ratio");
                        if let Nullable::Value(v) = &self.ratio {
                            support::flag(out, path, (*v) < 0.0, "less than 0");
                            support::flag(out, path, (*v) >= 1.0, "not less than 1");
                        }
                    }
                    {
                        let path = &support::join(path, "count");
                        if let Nullable::Value(v) = &self.count {
                            support::flag(out, path, (*v as f64) < 1.0, "less than 1");
                        }
                    }
                    {
                        let path = &support::join(path, "big");
                        if let Nullable::Value(v) = &self.big {
                            support::flag(out, path, (*v as f64) > 100.0, "more than 100");
                        }
                    }
                }
            }
            /// The `order` schema.
            #[derive(Clone, Debug, PartialEq, Default)]
            pub struct Order {
                pub items: Nullable<Vec<Item>>,
                pub note: Nullable<String>,
            }
            impl ::serde::Serialize for Order {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(
                        serializer,
                        "Order",
                        0,
                        &[&self.items, &self.note],
                    )?;
                    object.optional("items", &self.items)?;
                    object.optional("note", &self.note)?;
                    object.end()
                }
            }
            impl Validate for Order {
                fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                    {
                        let path = &support::join(path, "items");
                        if let Nullable::Value(v) = &self.items {
                            support::flag(out, path, v.is_empty(), "empty");
                            support::flag(out, path, v.len() > 10, "more than 10 items");
                            support::flag(
                                out,
                                path,
                                (1..v.len()).any(|i| v[..i].contains(&v[i])),
                                "items are not unique",
                            );
                        }
                        self.items.validate_into(path, out);
                    }
                }
            }
        "#]],
    );
}

#[test]
fn validation_rejects_unknown_enum_values_and_union_tags() {
    check_with(
        r#"
colour: {type: string, enum: [red]}
cat: {type: object, required: [kind], properties: {kind: {type: string}}}
pet:
  oneOf: [{$ref: '#/components/schemas/cat'}]
  discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/cat'}}
"#,
        &validating(),
        expect![[r#"
            /// The `colour` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum Colour {
                /// `red`
                Red,
                /// A value this version of the API description does not list, kept as sent.
                Unknown(::std::string::String),
            }
            impl Colour {
                /// The value as it appears in JSON.
                pub fn as_str(&self) -> &str {
                    match self {
                        Self::Red => "red",
                        Self::Unknown(value) => value,
                    }
                }
            }
            impl ::std::convert::From<&str> for Colour {
                fn from(value: &str) -> Self {
                    match value {
                        "red" => Self::Red,
                        other => Self::Unknown(other.to_owned()),
                    }
                }
            }
            impl ::std::fmt::Display for Colour {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
            impl ::serde::Serialize for Colour {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }
            impl Validate for Colour {
                fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                    if let Self::Unknown(value) = self {
                        out.push(
                            Violation::new(
                                path,
                                format!("`{value}` is not a value the API description lists"),
                            ),
                        );
                    }
                }
            }
            /// The `cat` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct Cat {
                pub kind: String,
            }
            impl Cat {
                /// With the required fields; every optional one is absent.
                pub fn new(kind: String) -> Self {
                    Self { kind }
                }
            }
            impl ::serde::Serialize for Cat {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(serializer, "Cat", 1, &[])?;
                    object.field("kind", &self.kind)?;
                    object.end()
                }
            }
            impl Validate for Cat {
                fn validate_into(&self, _: &str, _: &mut ::std::vec::Vec<Violation>) {}
            }
            /// The `pet` schema.
            ///
            /// Tagged by the `kind` property, which each variant's type keeps as a field.
            #[derive(Clone, Debug, PartialEq, Eq)]
            pub enum Pet {
                /// `cat`
                Cat(Cat),
                /// A `kind` this version of the API description does not list, kept as sent.
                Unknown(::serde_json::Value),
            }
            impl ::serde::Serialize for Pet {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    match self {
                        Self::Cat(value) => ::serde::Serialize::serialize(value, serializer),
                        Self::Unknown(value) => ::serde::Serialize::serialize(value, serializer),
                    }
                }
            }
            impl Validate for Pet {
                fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                    match self {
                        Self::Cat(value) => value.validate_into(path, out),
                        Self::Unknown(_) => {
                            out.push(
                                Violation::new(
                                    path,
                                    concat!("a `", "kind", "` the API description does not list"),
                                ),
                            )
                        }
                    }
                }
            }
        "#]],
    );
}

#[test]
fn new_sets_optional_fields_absent_and_unknown_fields_empty() {
    let dir = TempDir::new("emit");
    dir.write(&[(
        "openapi.yaml",
        &spec_with_schemas(
            r#"
event:
  type: object
  required: [id]
  properties:
    id: {type: string}
    note: {type: string}
"#,
        ),
    )]);
    let generated = modelgen::Config::new()
        .input(dir.path().join("openapi.yaml"))
        .keep_all_unknown_fields()
        .generate()
        .unwrap();
    expect![[r#"
        /// The `event` schema.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Event {
            pub id: String,
            pub note: Nullable<String>,
            /// Properties the API description does not list, kept as sent.
            pub additional_properties: ::std::collections::BTreeMap<String, ::serde_json::Value>,
        }
        impl Event {
            /// With the required fields; every optional one is absent.
            pub fn new(id: String) -> Self {
                Self {
                    id,
                    note: Nullable::Absent,
                    additional_properties: ::std::default::Default::default(),
                }
            }
        }
        impl ::serde::Serialize for Event {
            fn serialize<__S: ::serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::std::result::Result<__S::Ok, __S::Error> {
                let mut object = support::__object::Fields::with_properties(
                    serializer,
                    1,
                    &[&self.note],
                    self.additional_properties.len(),
                )?;
                object.field("id", &self.id)?;
                object.optional("note", &self.note)?;
                object.properties(&self.additional_properties)?;
                object.end()
            }
        }
    "#]]
    .assert_eq(&model_items(&generated.model, &generated.code));
}

#[test]
fn the_round_trip_dispatch_names_every_type_by_its_schema() {
    let model = load(
        r#"
old: {type: object, deprecated: true, properties: {a: {type: string}}}
colour: {type: string, enum: [red]}
"#,
    );
    let tokens = emit::round_trip_dispatch(&model, &validating(), "api");
    let code = modelgen::render(tokens, "test.yaml").unwrap();
    expect![[r#"
        // @generated by modelgen 0.1.0 from test.yaml. Do not edit: change the input and regenerate.

        /// The schema name of every generated type.
        pub const TYPE_NAMES: &[&str] = &["old", "colour"];

        /// Reads `json` as the type whose schema is `type_name` and writes it back.
        #[allow(deprecated)]
        pub fn round_trip(
            type_name: &str,
            json: ::serde_json::Value,
        ) -> ::std::result::Result<::serde_json::Value, ::std::string::String> {
            fn go<T: ::serde::de::DeserializeOwned + ::serde::Serialize>(
                json: ::serde_json::Value,
            ) -> ::std::result::Result<::serde_json::Value, ::std::string::String> {
                let value: T = ::serde_json::from_value(json).map_err(|e| e.to_string())?;
                ::serde_json::to_value(&value).map_err(|e| e.to_string())
            }
            match type_name {
                "old" => go::<api::Old>(json),
                "colour" => go::<api::Colour>(json),
                _ => {
                    drop(json);
                    ::std::result::Result::Err(::std::format!("no type `{type_name}`"))
                }
            }
        }

        /// Reads `json` as the type whose schema is `type_name` and lists its violations.
        #[allow(deprecated)]
        pub fn validate(
            type_name: &str,
            json: ::serde_json::Value,
        ) -> ::std::result::Result<
            ::std::vec::Vec<::std::string::String>,
            ::std::string::String,
        > {
            fn go<T: ::serde::de::DeserializeOwned + api::Validate>(
                json: ::serde_json::Value,
            ) -> ::std::result::Result<
                ::std::vec::Vec<::std::string::String>,
                ::std::string::String,
            > {
                let value: T = ::serde_json::from_value(json).map_err(|e| e.to_string())?;
                ::std::result::Result::Ok(
                    match api::Validate::validate(&value) {
                        ::std::result::Result::Ok(()) => ::std::vec::Vec::new(),
                        ::std::result::Result::Err(violations) => {
                            violations.iter().map(|v| v.to_string()).collect()
                        }
                    },
                )
            }
            match type_name {
                "old" => go::<api::Old>(json),
                "colour" => go::<api::Colour>(json),
                _ => {
                    drop(json);
                    ::std::result::Result::Err(::std::format!("no type `{type_name}`"))
                }
            }
        }
    "#]].assert_eq(&code);
}

/// The `impl Validate` block of type `name` in `code`.
fn validate_impl<'c>(code: &'c str, name: &str) -> &'c str {
    let start = code
        .find(&format!("impl Validate for {name} {{"))
        .unwrap_or_else(|| panic!("no impl Validate for {name}"));
    let end = code[start..].find("\n}\n").expect("the impl ends") + start;
    &code[start..end]
}

#[test]
fn validation_visits_only_what_can_break_a_constraint() {
    let model = load(
        r#"
status: {type: string, enum: [ok]}
tagged: {type: object, properties: {status: {$ref: '#/components/schemas/status'}}}
holder:
  type: object
  properties:
    many: {type: array, items: {$ref: '#/components/schemas/tagged'}}
    by_key: {type: object, additionalProperties: {$ref: '#/components/schemas/tagged'}}
    plain: {$ref: '#/components/schemas/plain'}
    name: {type: string}
plain: {type: object, properties: {name: {type: string}, next: {$ref: '#/components/schemas/plain'}}}
ping: {type: object, properties: {pong: {$ref: '#/components/schemas/pong'}}}
pong: {type: object, properties: {ping: {$ref: '#/components/schemas/ping'}, n: {type: integer}}}
"#,
    );
    let code = modelgen::generate_model(&model, &validating(), "test.yaml")
        .unwrap()
        .0;
    let empty = "fn validate_into(&self, _: &str, _: &mut ::std::vec::Vec<Violation>) {}";
    // Types that hold nothing checkable, even through a cycle, check nothing.
    for name in ["Plain", "Ping", "Pong"] {
        assert!(validate_impl(&code, name).contains(empty), "{name}");
    }
    // A type that holds an enum (directly, in a list, in a map) visits those fields and only those.
    let tagged = validate_impl(&code, "Tagged");
    assert!(tagged.contains("self.status.validate_into(&support::join(path, \"status\"), out);"));
    let holder = validate_impl(&code, "Holder");
    assert!(holder.contains("self.many.validate_into(&support::join(path, \"many\"), out);"));
    assert!(holder.contains("self.by_key.validate_into(&support::join(path, \"by_key\"), out);"));
    assert!(!holder.contains("\"plain\""), "{holder}");
    assert!(!holder.contains("\"name\""), "{holder}");
}
