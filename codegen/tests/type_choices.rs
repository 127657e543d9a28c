//! The type choices of a generation: optional fields as `Nullable<T>` or `Option<T>` (per crate,
//! type or field), dates from chrono, `time` or `String`, uuids as `Uuid` or `String`. Small specs
//! show the emitted items of each choice; the generated `Cargo.toml` lists exactly the crates the
//! chosen types need; and the Onfido spec, generated with the choices, builds warning-free and reads
//! and writes back the real Onfido payloads (`onfido_crates_with_type_choices`, slow: two crates).

mod support;

// Builds generated crates the way the real-world corpus check does, in the same target directory.
#[allow(dead_code)]
#[path = "../../tools/realworld/src/cargo.rs"]
mod cargo_run;

#[allow(dead_code)]
#[path = "../../build/onfido.rs"]
mod onfido;

use std::path::{Path, PathBuf};

use expect_test::{expect, Expect};
use modelgen::emit::{Optionals, Options};
use modelgen::ir::Model;
use modelgen::{DateLibrary, OptionalStyle, Target, Uses, UuidType};
use support::{model_items, spec_with_schemas, TempDir};

fn load(schemas: &str) -> Model {
    let dir = TempDir::new("choices");
    dir.write(&[("openapi.yaml", &spec_with_schemas(schemas))]);
    modelgen::input::openapi::load(&dir.path().join("openapi.yaml"))
        .unwrap()
        .model
}

/// Generates `schemas` with `options` and compares the items of the spec's types; gives the crates
/// the code uses.
fn check(schemas: &str, options: &Options, want: Expect) -> Uses {
    let model = load(schemas);
    let (code, uses) = modelgen::generate_model(&model, options, "test.yaml").unwrap();
    want.assert_eq(&model_items(&model, &code));
    uses
}

fn optional(style: OptionalStyle, exceptions: &[(&str, OptionalStyle)]) -> Optionals {
    Optionals {
        style,
        exceptions: exceptions
            .iter()
            .map(|(target, style)| {
                let target = match target.split_once('.') {
                    Some((t, f)) => Target::Field(t.to_owned(), f.to_owned()),
                    None => Target::Type(target.to_string()),
                };
                (target, *style)
            })
            .collect(),
    }
}

const SETTINGS: &str = r#"
settings:
  type: object
  required: [name, note]
  properties:
    name: {type: string, minLength: 1}
    note: {type: string, nullable: true}
    retries: {type: integer, format: int32, default: 3}
    label: {type: string, nullable: true, maxLength: 8}
"#;

#[test]
fn optional_fields_can_be_options() {
    let options = Options {
        optional: optional(OptionalStyle::Option, &[]),
        validation: true,
        ..Options::default()
    };
    check(
        SETTINGS,
        &options,
        expect![[r#"
            /// The `settings` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct Settings {
                pub name: String,
                pub note: Option<String>,
                /// Defaults to `3` when absent (absent stays absent when written back).
                pub retries: Option<i32>,
                pub label: Option<String>,
            }
            impl Settings {
                /// With the required fields; every optional one is absent.
                pub fn new(name: String, note: Option<String>) -> Self {
                    Self {
                        name,
                        note,
                        retries: Option::None,
                        label: Option::None,
                    }
                }
                /// `retries`, or the spec's default `3` when it is absent or `null`.
                pub fn retries_or_default(&self) -> i32 {
                    match &self.retries {
                        Option::Some(value) => *value,
                        Option::None => 3,
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
                        2,
                        &[&self.retries, &self.label],
                    )?;
                    object.field("name", &self.name)?;
                    object.field("note", &self.note)?;
                    object.optional("retries", &self.retries)?;
                    object.optional("label", &self.label)?;
                    object.end()
                }
            }
            impl Validate for Settings {
                fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                    {
                        let path = &support::join(path, "name");
                        let v = &self.name;
                        support::flag(out, path, v.chars().count() < 1, "shorter than 1 characters");
                    }
                    {
                        let path = &support::join(path, "label");
                        if let ::std::option::Option::Some(v) = &self.label {
                            support::flag(
                                out,
                                path,
                                v.chars().count() > 8,
                                "longer than 8 characters",
                            );
                        }
                    }
                }
            }
        "#]],
    );
}

#[test]
fn optional_style_per_type_and_per_field() {
    // The crate says `Option`; `settings` says `Nullable`, except its field `label`.
    let options = Options {
        optional: optional(
            OptionalStyle::Option,
            &[
                ("settings", OptionalStyle::Nullable),
                ("Settings.label", OptionalStyle::Option),
            ],
        ),
        ..Options::default()
    };
    check(
        SETTINGS,
        &options,
        expect![[r#"
            /// The `settings` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct Settings {
                pub name: String,
                pub note: Option<String>,
                /// Defaults to `3` when absent (absent stays absent when written back).
                pub retries: Nullable<i32>,
                pub label: Option<String>,
            }
            impl Settings {
                /// With the required fields; every optional one is absent.
                pub fn new(name: String, note: Option<String>) -> Self {
                    Self {
                        name,
                        note,
                        retries: Nullable::Absent,
                        label: Option::None,
                    }
                }
                /// `retries`, or the spec's default `3` when it is absent or `null`.
                pub fn retries_or_default(&self) -> i32 {
                    match &self.retries {
                        Nullable::Value(value) => *value,
                        Nullable::Absent | Nullable::Null => 3,
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
                        2,
                        &[&self.retries, &self.label],
                    )?;
                    object.field("name", &self.name)?;
                    object.field("note", &self.note)?;
                    object.optional("retries", &self.retries)?;
                    object.optional("label", &self.label)?;
                    object.end()
                }
            }
        "#]],
    );
}

const DATED: &str = r#"
created_at: {type: string, format: date-time}
event:
  type: object
  required: [at, id, seen]
  properties:
    at: {$ref: '#/components/schemas/created_at'}
    id: {type: string, format: uuid}
    seen: {type: string, format: date-time, nullable: true}
    day: {type: string, format: date}
    history: {type: array, items: {type: string, format: date-time}}
    by_name: {type: object, additionalProperties: {type: string, format: date}}
when:
  oneOf:
    - {type: string, format: date}
    - {type: integer}
"#;

#[test]
fn dates_from_the_time_crate() {
    let options = Options {
        dates: DateLibrary::Time,
        ..Options::default()
    };
    let uses = check(
        DATED,
        &options,
        expect![[r#"
            /// The `created_at` schema.
            pub type CreatedAt = ::time::OffsetDateTime;
            /// The `event` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct Event {
                pub at: CreatedAt,
                pub id: ::uuid::Uuid,
                pub seen: Option<::time::OffsetDateTime>,
                pub day: Nullable<::time::Date>,
                pub history: Nullable<Vec<::time::OffsetDateTime>>,
                pub by_name: Nullable<::std::collections::BTreeMap<String, ::time::Date>>,
            }
            impl Event {
                /// With the required fields; every optional one is absent.
                pub fn new(
                    at: CreatedAt,
                    id: ::uuid::Uuid,
                    seen: Option<::time::OffsetDateTime>,
                ) -> Self {
                    Self {
                        at,
                        id,
                        seen,
                        day: Nullable::Absent,
                        history: Nullable::Absent,
                        by_name: Nullable::Absent,
                    }
                }
            }
            impl ::serde::Serialize for Event {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(
                        serializer,
                        "Event",
                        3,
                        &[&self.day, &self.history, &self.by_name],
                    )?;
                    object.field_by::<support::__time::Rfc3339, _>("at", &self.at)?;
                    object.field("id", &self.id)?;
                    object
                        .field_by::<
                            support::__time::OptionOf<support::__time::Rfc3339>,
                            _,
                        >("seen", &self.seen)?;
                    object
                        .optional_by::<
                            support::__time::NullableOf<support::__time::Day>,
                            _,
                        >("day", &self.day)?;
                    object
                        .optional_by::<
                            support::__time::NullableOf<
                                support::__time::VecOf<support::__time::Rfc3339>,
                            >,
                            _,
                        >("history", &self.history)?;
                    object
                        .optional_by::<
                            support::__time::NullableOf<
                                support::__time::MapOf<support::__time::Day>,
                            >,
                            _,
                        >("by_name", &self.by_name)?;
                    object.end()
                }
            }
            /// The `when` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            #[allow(clippy::large_enum_variant)]
            pub enum When {
                /// A `Date`.
                Date(::time::Date),
                /// A `Integer`.
                Integer(i64),
            }
            impl ::serde::Serialize for When {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    match self {
                        Self::Date(value) => {
                            support::__time::serialize::<
                                support::__time::Day,
                                _,
                                _,
                            >(value, serializer)
                        }
                        Self::Integer(value) => ::serde::Serialize::serialize(value, serializer),
                    }
                }
            }
        "#]],
    );
    assert!(uses.time && uses.time_macros && uses.uuid && !uses.chrono);
}

#[test]
fn dates_and_uuids_as_strings() {
    let options = Options {
        dates: DateLibrary::String,
        uuid: UuidType::String,
        ..Options::default()
    };
    let uses = check(
        DATED,
        &options,
        expect![[r#"
            /// The `created_at` schema.
            pub type CreatedAt = String;
            /// The `event` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            pub struct Event {
                pub at: CreatedAt,
                pub id: String,
                pub seen: Option<String>,
                pub day: Nullable<String>,
                pub history: Nullable<Vec<String>>,
                pub by_name: Nullable<::std::collections::BTreeMap<String, String>>,
            }
            impl Event {
                /// With the required fields; every optional one is absent.
                pub fn new(at: CreatedAt, id: String, seen: Option<String>) -> Self {
                    Self {
                        at,
                        id,
                        seen,
                        day: Nullable::Absent,
                        history: Nullable::Absent,
                        by_name: Nullable::Absent,
                    }
                }
            }
            impl ::serde::Serialize for Event {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    let mut object = support::__object::Fields::new(
                        serializer,
                        "Event",
                        3,
                        &[&self.day, &self.history, &self.by_name],
                    )?;
                    object.field("at", &self.at)?;
                    object.field("id", &self.id)?;
                    object.field("seen", &self.seen)?;
                    object.optional("day", &self.day)?;
                    object.optional("history", &self.history)?;
                    object.optional("by_name", &self.by_name)?;
                    object.end()
                }
            }
            /// The `when` schema.
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            #[allow(clippy::large_enum_variant)]
            pub enum When {
                /// A `Date`.
                Date(String),
                /// A `Integer`.
                Integer(i64),
            }
            impl ::serde::Serialize for When {
                fn serialize<__S: ::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::std::result::Result<__S::Ok, __S::Error> {
                    match self {
                        Self::Date(value) => ::serde::Serialize::serialize(value, serializer),
                        Self::Integer(value) => ::serde::Serialize::serialize(value, serializer),
                    }
                }
            }
        "#]],
    );
    assert!(!uses.time && !uses.chrono && !uses.uuid);
}

/// The `Cargo.toml` that `--crate` writes for a generation with `options`.
fn manifest(schemas: &str, options: &Options) -> String {
    let model = load(schemas);
    let (code, uses) = modelgen::generate_model(&model, options, "test.yaml").unwrap();
    let dir = TempDir::new("manifest");
    modelgen::write::write_crate(dir.path(), "dated", &code, uses, "test.yaml").unwrap();
    let text = std::fs::read_to_string(dir.path().join("Cargo.toml")).unwrap();
    text.split_once("[dependencies]\n").unwrap().1.to_owned()
}

#[test]
fn the_crate_depends_on_what_the_chosen_types_need() {
    let chrono = Options::default();
    let time = Options {
        dates: DateLibrary::Time,
        ..Options::default()
    };
    let strings = Options {
        dates: DateLibrary::String,
        uuid: UuidType::String,
        ..Options::default()
    };
    expect![[r#"
        serde = "1"
        serde_json = "1"
        uuid = { version = "1", default-features = false, features = ["serde", "std"] }
        chrono = { version = "0.4", default-features = false, features = ["serde", "std"] }
    "#]]
    .assert_eq(&manifest(DATED, &chrono));
    expect![[r#"
        serde = "1"
        serde_json = "1"
        uuid = { version = "1", default-features = false, features = ["serde", "std"] }
        time = { version = "0.3", features = ["serde", "formatting", "parsing", "macros"] }
    "#]]
    .assert_eq(&manifest(DATED, &time));
    expect![[r#"
        serde = "1"
        serde_json = "1"
    "#]]
    .assert_eq(&manifest(DATED, &strings));
    // Date-times alone need no `macros` (the `YYYY-MM-DD` format is written with them).
    expect![[r#"
        serde = "1"
        time = { version = "0.3", features = ["serde", "formatting", "parsing"] }
    "#]]
    .assert_eq(&manifest("stamp: {type: string, format: date-time}", &time));
}

fn config(schemas: &str) -> (TempDir, modelgen::Config) {
    let dir = TempDir::new("choices-config");
    dir.write(&[("openapi.yaml", &spec_with_schemas(schemas))]);
    let mut config = modelgen::Config::new();
    config.input(dir.path().join("openapi.yaml"));
    (dir, config)
}

#[test]
fn optional_style_targets_must_exist() {
    let (dir, mut config) = config(SETTINGS);
    config
        .optional_for("settings.label", OptionalStyle::Option)
        .optional_for("Settings", OptionalStyle::Option)
        .optional_for("setting", OptionalStyle::Option)
        .optional_for("settings.lable", OptionalStyle::Option);
    let error = config.generate().unwrap_err().to_string();
    let input = dir.path().join("openapi.yaml").display().to_string();
    let error = error.replace(&input, "openapi.yaml");
    expect![[r#"
        error: openapi.yaml: optional: the input has no type `setting`
        error: openapi.yaml: optional: `settings` has no field `lable`"#]]
    .assert_eq(&error);
}

#[test]
fn utc_date_times_are_a_chrono_choice() {
    let (_dir, mut config) = config(DATED);
    config
        .dates(DateLibrary::Time)
        .date_time(modelgen::DateTimeType::Utc);
    expect!["error: <config>: `date_time` chooses among chrono's date-times: it needs `DateLibrary::Chrono` (`--dates chrono`)"].assert_eq(&config.generate().unwrap_err().to_string());
}

#[test]
fn optional_style_from_the_command_line() {
    let dir = TempDir::new("choices-cli");
    dir.write(&[("openapi.yaml", &spec_with_schemas(SETTINGS))]);
    let out = dir.path().join("models.rs");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_modelgen"))
            .arg("generate")
            .arg(dir.path().join("openapi.yaml"))
            .arg("--out")
            .arg(&out)
            .args(args)
            .output()
            .unwrap()
    };
    let ok = run(&[
        "--optional",
        "option",
        "--optional-for",
        "settings.retries=nullable",
        "--dates",
        "string",
        "--uuid",
        "string",
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let code = std::fs::read_to_string(&out).unwrap();
    assert!(code.contains("pub retries: Nullable<i32>,"), "{code}");
    assert!(code.contains("pub label: Option<String>,"), "{code}");
    let bad = run(&["--optional", "maybe"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr)
        .contains("--optional is nullable or option, not `maybe`"));
    let bad = run(&["--dates", "jiff"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr)
        .contains("--dates is chrono, time or string, not `jiff`"));
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Writes the crate `name` of the Onfido models (the repository's own configuration, overrides
/// included) with the type choices `choose` makes, and its test `samples.rs`.
fn onfido_crate(dir: &Path, name: &str, choose: impl FnOnce(&mut modelgen::Config), test: &str) {
    let mut config = onfido::config(&repository());
    config.doctest_crate(&name.replace('-', "_"));
    choose(&mut config);
    let generated = config.generate().unwrap();
    let crate_dir = dir.join(name);
    modelgen::write::write_crate(
        &crate_dir,
        name,
        &generated.code,
        generated.uses,
        "openapi.yaml",
    )
    .unwrap();
    std::fs::create_dir_all(crate_dir.join("tests")).unwrap();
    std::fs::write(crate_dir.join("tests/samples.rs"), test).unwrap();
}

/// The round-trip part of a generated crate's sample test: `same` is the comparison it makes.
fn sample_test(krate: &str, same: &str, checks: &str) -> String {
    let samples = repository().join("tests/fixtures/samples");
    format!(
        r##"//! The real Onfido payloads, read and written back.

use serde_json::Value;
use {krate}::*;

fn sample(name: &str) -> Value {{
    let path = std::path::Path::new({samples:?}).join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}}

{same}

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(json: &Value) -> T {{
    let model: T = serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("deserialize: {{e}}"));
    let back = serde_json::to_value(&model).unwrap();
    assert!(same(json, &back), "round trip changed the payload:\n in: {{json:#}}\nout: {{back:#}}");
    model
}}

#[test]
fn samples_round_trip() {{
    let applicant: Applicant = round_trip(&sample("Applicant__onfido-node-test-examples.json"));
    let check: Check = round_trip(&sample("Check__onfido-node-test-examples.json"));
    let _: Document = round_trip(&sample("Document__onfido-node-test-examples.json"));
    let report = sample("DocumentReport__onfido-node-test-examples.json");
    let _: DocumentReport = round_trip(&report);
    let _: Report = round_trip(&report);
    let run: WorkflowRun = round_trip(&sample("WorkflowRun__onfido-node-test-examples.json"));
    for output in [
        "WorkflowRunOutputDocumentReport__onfido-node-test-examples.json",
        "WorkflowRunOutputProfileDataCapture__onfido-java-media.json",
        "WorkflowRunOutputProfileDataCapture__onfido-node-test-examples.json",
    ] {{
        let mut json = sample("WorkflowRun__onfido-node-test-examples.json");
        json["output"] = sample(output);
        let _: WorkflowRun = round_trip(&json);
    }}
    for event in [
        "WebhookEvent__onfido-node-classic-verifier-test.json",
        "WebhookEvent__onfido-node-media-studio-list-output.json",
        "WebhookEvent__onfido-node-studio-verifier-test.json",
    ] {{
        let _: WebhookEvent = round_trip(&sample(event));
    }}
{checks}
}}
"##
    )
}

/// Equal as JSON, a `null` property counting as absent, and two RFC 3339 date-times equal when
/// they are the same instant with the same offset (`time` writes `Z` for `+00:00`).
const SAME_LENIENT: &str = r#"fn same(a: &Value, b: &Value) -> bool {
    let present = |m: &serde_json::Map<String, Value>| {
        m.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>()
    };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let (x, y) = (present(x), present(y));
            x.len() == y.len() && x.iter().all(|(k, v)| y.iter().any(|(l, w)| k == l && same(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w)),
        (Value::String(x), Value::String(y)) if x != y => {
            let parse = |s: &str| time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok();
            match (parse(x), parse(y)) {
                (Some(p), Some(q)) => p == q && p.offset() == q.offset(),
                _ => false,
            }
        }
        _ => a == b,
    }
}"#;

/// Equal as JSON, exactly: `null` where there was `null`, the date-times' text byte for byte.
const SAME_EXACT: &str = r#"fn same(a: &Value, b: &Value) -> bool {
    a == b
}"#;

/// Every place a `time` type can be (aliases, `Option`, `Nullable`, items, map values, flattened
/// unlisted properties, tuple items, union variants), in a crate of its own with a test that reads
/// and writes them and shows what `time` keeps of the text; and the kitchen sink with every choice
/// that is not the default. Both build warning-free and pass their tests and doctests.
#[test]
fn time_types_wherever_they_can_be() {
    let workspace = TempDir::new("dated-crate");
    let dir = &workspace.path().join("dated");
    let spec = r#"
openapi: 3.1.0
info: {title: dated, version: '1'}
paths: {}
components:
  schemas:
    created_at: {type: string, format: date-time}
    event:
      type: object
      required: [at, seen, span]
      properties:
        at: {$ref: '#/components/schemas/created_at'}
        seen: {type: [string, 'null'], format: date-time}
        day: {type: string, format: date}
        history: {type: array, items: {type: string, format: date-time}}
        by_name: {type: object, additionalProperties: {type: string, format: date}}
        span:
          type: array
          prefixItems: [{type: string, format: date}, {type: integer}]
          items: false
        when: {$ref: '#/components/schemas/when'}
        note: {type: string}
    when:
      oneOf:
        - {type: string, format: date}
        - {type: integer}
    stamps:
      type: object
      properties: {id: {type: string}}
      additionalProperties: {type: string, format: date-time}
"#;
    let input = TempDir::new("dated-spec");
    input.write(&[("openapi.yaml", spec)]);
    let mut config = modelgen::Config::new();
    config
        .input(input.path().join("openapi.yaml"))
        .dates(DateLibrary::Time)
        .optional(OptionalStyle::Option)
        .optional_for("event.day", OptionalStyle::Nullable)
        .validation(true)
        .doctest_crate("dated")
        .round_trip_file("round_trip.rs");
    let generated = config.generate().unwrap();
    modelgen::write::write_crate(
        dir,
        "dated",
        &generated.code,
        generated.uses,
        "openapi.yaml",
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("tests")).unwrap();
    let test = r#"//! `time` types wherever they can be, read and written back.

use dated::*;
use serde_json::json;

#[test]
fn time_keeps_the_instant_and_the_offset_but_not_the_text() {
    let sent = json!({
        "at": "2024-05-01T10:00:00.120+02:00",
        "seen": null,
        "day": "2024-05-01",
        "history": ["2024-05-01T08:00:00+00:00", "2024-05-01T08:00:00.000-00:00"],
        "by_name": {"a": "2024-01-02"},
        "span": ["2024-05-03", 3],
        "when": "2024-05-04",
        "note": null
    });
    let event: Event = serde_json::from_value(sent).unwrap();
    assert_eq!(event.at.offset().whole_hours(), 2);
    assert_eq!(event.at.millisecond(), 120);
    assert_eq!(event.day, Nullable::Value(time::macros::date!(2024 - 05 - 01)));
    assert_eq!(event.when, Some(When::Date(time::macros::date!(2024 - 05 - 04))));
    assert!(event.note.is_none());
    let back = serde_json::to_value(&event).unwrap();
    assert_eq!(
        back,
        json!({
            "at": "2024-05-01T10:00:00.12+02:00",
            "seen": null,
            "day": "2024-05-01",
            "history": ["2024-05-01T08:00:00Z", "2024-05-01T08:00:00Z"],
            "by_name": {"a": "2024-01-02"},
            "span": ["2024-05-03", 3],
            "when": "2024-05-04"
        })
    );
    let read_back: Event = serde_json::from_value(back).unwrap();
    assert_eq!(read_back, event);
    assert!(event.validate().is_ok());
}

#[test]
fn absent_and_null_read_alike_unless_the_field_is_nullable() {
    let event: Event = serde_json::from_value(json!({
        "at": "2024-05-01T10:00:00Z", "seen": "2024-05-01T10:00:00Z", "span": ["2024-05-03", 3], "day": null
    }))
    .unwrap();
    assert!(event.day.is_null() && event.note.is_none() && event.when.is_none());
    let fresh = Event::new(event.at, event.seen, event.span);
    assert!(fresh.day.is_absent() && fresh.history.is_none());
    assert_eq!(
        serde_json::to_value(&fresh).unwrap(),
        json!({"at": "2024-05-01T10:00:00Z", "seen": "2024-05-01T10:00:00Z", "span": ["2024-05-03", 3]})
    );
    let when: When = serde_json::from_value(json!(5)).unwrap();
    assert_eq!(when, When::Integer(5));
}

#[test]
fn unlisted_date_times_and_bad_ones() {
    let sent = json!({"id": "x", "t1": "2024-05-01T10:00:00+01:00"});
    let stamps: Stamps = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(serde_json::to_value(&stamps).unwrap(), sent);
    assert!(serde_json::from_value::<Stamps>(json!({"t1": "yesterday"})).is_err());
    assert!(serde_json::from_value::<Event>(json!({
        "at": "2024-05-01T10:00:00Z", "seen": null, "span": ["2024-13-03", 3]
    }))
    .is_err());
}
"#;
    std::fs::write(dir.join("tests/dated.rs"), test).unwrap();
    // The dispatch by schema name reads an alias of a `time` type as its uses do.
    let dispatch = format!(
        "{}\n{}",
        generated.round_trip.unwrap(),
        r#"
#[test]
fn dispatch_by_schema_name() {
    let at = serde_json::json!("2024-05-01T10:00:00.5+02:00");
    assert_eq!(round_trip("created_at", at.clone()), Ok(at.clone()));
    assert_eq!(validate("created_at", at), Ok(Vec::new()));
    let when = serde_json::json!("2024-05-04");
    assert_eq!(round_trip("when", when.clone()), Ok(when));
    assert!(round_trip("created_at", serde_json::json!("noon")).is_err());
}
"#
    );
    std::fs::write(dir.join("tests/dispatch.rs"), dispatch).unwrap();
    // The kitchen sink (a schema named `Option` among them) with every non-default choice, through
    // the command line, with validation and its examples' doctests.
    let sink = workspace.path().join("kitchen_sink");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_modelgen"))
        .arg("generate")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kitchen-sink.yaml"))
        .arg("--crate")
        .arg(&sink)
        .args([
            "--name",
            "kitchen-sink",
            "--validation",
            "--optional",
            "option",
            "--dates",
            "time",
            "--uuid",
            "string",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let code = std::fs::read_to_string(sink.join("src/lib.rs")).unwrap();
    // A schema is named `Option`: the fields and the reading slots spell the prelude's in full.
    assert!(code.contains(": ::std::option::Option<"));
    assert!(code.contains(" = ::std::option::Option::None;"));
    cargo_run::workspace(
        workspace.path(),
        &["dated", "kitchen_sink"],
        "",
        &cargo_run::repository_lock(),
    )
    .unwrap();
    cargo(
        workspace.path(),
        &["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"],
    );
    cargo(workspace.path(), &["test", "--quiet"]);
}

/// The Onfido spec with the type choices, as two crates built in one workspace: optional fields as
/// `Option` (but `Nullable` for one type and one field), dates from `time` and uuids as `String`;
/// and dates as `String` (optional fields as `Nullable`, the default). Each builds warning-free
/// (`-D warnings`), its examples' doctests pass, and the real Onfido payloads read and
/// write back: with `Option`s, a `null` sent is not written back and `time` writes its own form
/// of a date-time (same instant, same offset); with `String` dates, everything comes back exactly.
#[test]
fn onfido_crates_with_type_choices() {
    let dir = TempDir::new("choices-crates");
    let options = "onfido-options";
    onfido_crate(
        dir.path(),
        options,
        |config| {
            config
                .optional(OptionalStyle::Option)
                .optional_for("workflow_run", OptionalStyle::Nullable)
                .optional_for("applicant.dob", OptionalStyle::Nullable)
                .dates(DateLibrary::Time)
                .uuid(UuidType::String);
        },
        &sample_test(
            "onfido_options",
            SAME_LENIENT,
            r#"    // The exceptions are `Nullable`s, the rest `Option`s, uuids `String`s, date-times `time`'s.
    assert!(applicant.dob.is_null());
    let id: String = applicant.id;
    assert!(!id.is_empty());
    let created: Option<time::OffsetDateTime> = applicant.created_at;
    assert!(created.is_some());
    let result: Option<CheckResponseResult> = check.result;
    assert!(result.is_none(), "the sample sends null");
    assert!(run.output.is_null() && run.link.is_null());"#,
        ),
    );
    let strings = "onfido-strings";
    onfido_crate(
        dir.path(),
        strings,
        |config| {
            config.dates(DateLibrary::String);
        },
        &sample_test(
            "onfido_strings",
            SAME_EXACT,
            r#"    let json = sample("Applicant__onfido-node-test-examples.json");
    assert_eq!(applicant.created_at.as_option().map(String::as_str), json["created_at"].as_str());
    let _: ::uuid::Uuid = check.id;
    assert!(run.output.is_null());"#,
        ),
    );
    cargo_run::workspace(
        dir.path(),
        &[options, strings],
        "",
        &cargo_run::repository_lock(),
    )
    .unwrap();
    // Warnings are denied (`RUSTFLAGS`); clippy runs on the small crates of
    // `time_types_wherever_they_can_be`, whose code has every construct these have.
    cargo(dir.path(), &["test", "--quiet", "--workspace"]);
}

/// Runs `cargo <args>` in `dir` with warnings denied, in the target directory the other generated
/// crates use, so the dependencies build once.
fn cargo(dir: &Path, args: &[&str]) {
    let target = repository().join("target/generated-crates");
    let run = cargo_run::cargo(env!("CARGO").as_ref(), dir, &target, args).unwrap();
    assert!(
        run.success,
        "cargo {args:?} failed in {}:\n{}\n{}",
        dir.display(),
        run.stdout,
        run.stderr
    );
}

#[test]
fn diff_compares_fields_as_the_chosen_style() {
    let dir = TempDir::new("choices-diff");
    dir.write(&[
        (
            "old.yaml",
            &spec_with_schemas(
                "pet: {type: object, required: [a], properties: {a: {type: string, nullable: true}}}",
            ),
        ),
        (
            "new.yaml",
            &spec_with_schemas("pet: {type: object, properties: {a: {type: string}}}"),
        ),
    ]);
    let diff = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_modelgen"))
            .arg("diff")
            .arg(dir.path().join("old.yaml"))
            .arg(dir.path().join("new.yaml"))
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    expect![[r#"
        1 -> 1

        ~ Pet
          ~ field a: required, nullable -> optional (Option<T> -> Nullable<T>)  [breaking]

        1 change in 1 type: 1 breaking
    "#]]
    .assert_eq(&diff(&[]));
    expect![[r#"
        1 -> 1

        ~ Pet
          ~ field a: required, nullable -> optional (Option<T> -> Option<T>)  [non-breaking]

        1 change in 1 type: 1 non-breaking
    "#]]
    .assert_eq(&diff(&["--optional", "option"]));
    expect![[r#"
        1 -> 1

        ~ Pet
          ~ field a: required, nullable -> optional (Option<T> -> Option<T>)  [non-breaking]

        1 change in 1 type: 1 non-breaking
    "#]]
    .assert_eq(&diff(&["--optional-for", "pet.a=option"]));
}
