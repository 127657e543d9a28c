//! The markdown reader: every dialect's fixture set, small cases from memory, and the errors it reports.

use std::path::{Path, PathBuf};

use expect_test::{expect, Expect};
use modelgen::input::markdown::{self, Dialect, DocsLoad, Options, Source};
use modelgen::ir::{Enum, Model, Presence, TypeKind, TypeRef};

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

fn ty(model: &Model, t: &TypeRef) -> String {
    match t {
        TypeRef::Named(id) => model.get(*id).name.clone(),
        TypeRef::Primitive(p) => format!("{p:?}").to_lowercase(),
        TypeRef::Array(t) => format!("[{}]", ty(model, t)),
        TypeRef::Map(t) => format!("{{{}}}", ty(model, t)),
        TypeRef::Object => "object".to_owned(),
        TypeRef::Any => "any".to_owned(),
    }
}

/// A compact, stable rendering of what was read: one line per type and per field, then the
/// skipped files and the losses.
fn render(docs: &DocsLoad) -> String {
    let model = &docs.loaded.model;
    let mut out = format!("dialect {}\n", docs.dialect);
    for t in &model.types {
        let origin = Path::new(&t.origin)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc = t
            .doc
            .as_deref()
            .map(|d| format!(" -- {d}"))
            .unwrap_or_default();
        match &t.kind {
            TypeKind::Struct(s) => {
                out += &format!("{} struct @{origin}{doc}\n", t.name);
                for f in &s.fields {
                    let presence = match f.presence {
                        Presence::Required => "required",
                        Presence::RequiredNullable => "required nullable",
                        Presence::Optional => "optional",
                        Presence::OptionalNullable => "optional nullable",
                    };
                    out += &format!("  {}: {} {presence}", f.wire_name, ty(model, &f.ty));
                    if f.access != modelgen::ir::Access::ReadWrite {
                        out += &format!(" {:?}", f.access);
                    }
                    if let Some(d) = &f.default {
                        out += &format!(" = {d}");
                    }
                    if let Some(d) = &f.doc {
                        out += &format!(" -- {d}");
                    }
                    if let Some(n) = &f.note {
                        out += &format!(" (note: {n})");
                    }
                    out += "\n";
                }
            }
            TypeKind::Enum(Enum::String(v)) => out += &format!("{} enum {v:?}{doc}\n", t.name),
            TypeKind::Enum(Enum::Integer(v)) => out += &format!("{} int enum {v:?}{doc}\n", t.name),
            TypeKind::Union(u) => {
                let vs: Vec<String> = u.variants.iter().map(|v| ty(model, &v.ty)).collect();
                out += &format!("{} union by {:?} {vs:?}{doc}\n", t.name, u.discriminator);
            }
            TypeKind::Alias(a) => out += &format!("{} alias {}{doc}\n", t.name, ty(model, &a.ty)),
        }
    }
    for s in &docs.skipped {
        let name = s.file.file_name().map(|n| n.to_string_lossy().into_owned());
        out += &format!("skipped {}\n", name.unwrap_or_default());
    }
    for l in &docs.losses {
        let name = l.file.file_name().map(|n| n.to_string_lossy().into_owned());
        out += &format!(
            "loss {}:{}: {}\n",
            name.unwrap_or_default(),
            l.location.line.unwrap_or(0),
            l.message
        );
    }
    out
}

fn check_dir(dir: &str, dialect: Dialect, expect: Expect) {
    let docs = match markdown::load_with(&fixtures(dir), &Options::default()) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(docs.dialect, dialect, "{dir}");
    expect.assert_eq(&render(&docs));
}

/// Reads in-memory docs `(file name, text)` and renders the result or the error.
fn check(dialect: Option<Dialect>, files: &[(&str, &str)], expect: Expect) {
    let sources = files
        .iter()
        .map(|(name, text)| Source {
            path: Path::new("docs").join(name),
            text: (*text).to_owned(),
        })
        .collect();
    let got = match markdown::from_sources(sources, &Options { dialect }) {
        Ok(d) => render(&d),
        Err(e) => e.to_string(),
    };
    expect.assert_eq(&got);
}

const TS: Option<Dialect> = Some(Dialect::TypeScript);

fn ts_table(rows: &str) -> String {
    format!(
        "# Thing\n\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n{rows}\n"
    )
}

#[test]
fn typescript_fixtures() {
    check_dir(
        "markdown/typescript",
        Dialect::TypeScript,
        expect![[r#"
            dialect typescript
            Owner struct @Owner.md:1
              name: string required
              address_lines: [string] optional
            Pet struct @Pet.md:1 -- A pet for sale, with its owner's details.
              id: string required ReadOnly -- The pet's id.
              class: string optional -- Zoological class.
              tags: [string] optional -- Tags, e.g. `cute`.
              owner: Owner optional
              status: PetStatus required
              metadata: {any} optional -- Free-form metadata.
              scores: [[double]] optional -- Score rows.
              nickname: string optional -- May be null.
              created_at: string optional
              friendly: boolean optional = true
              history: [PetStatus] optional
              extra: [{any}] optional -- Status is 'error' & "bad".
              payload: any optional
              size: string optional = "small"
            PetStatus enum ["available", "pending", "sold"] -- The status of a pet.
            Priority int enum [1, 2, 3]
            skipped DefaultApi.md
        "#]],
    );
}

#[test]
fn python_fixtures() {
    check_dir(
        "markdown/python",
        Dialect::Python,
        expect![[r#"
        dialect python
        Owner struct @Owner.md:1
          name: string required
          address_lines: [string] optional
        Pet struct @Pet.md:1 -- A pet for sale, with its owner's details.
          id: string required ReadOnly -- The pet's id.
          class: string optional -- Zoological class.
          tags: [string] optional -- Tags, e.g. `cute`.
          owner: Owner optional
          status: PetStatus required
          metadata: {object} optional -- Free-form metadata.
          scores: [[double]] optional -- Score rows.
          nickname: string optional -- May be null.
          created_at: datetime optional
          friendly: boolean optional = true
          history: [PetStatus] optional
          born_on: date optional
          extra: [{object}] optional
        PetStatus enum ["available", "pending", "sold"] -- The status of a pet.
    "#]],
    );
}

#[test]
fn java_fixtures() {
    check_dir(
        "markdown/java",
        Dialect::Java,
        expect![[r#"
        dialect java
        Owner struct @Owner.md:3
          name: string required (note: The JSON name is a guess: the java docs show the field as `name`.)
          address_lines: [string] optional (note: The JSON name is a guess: the java docs show the field as `addressLines`.)
        Pet struct @Pet.md:3 -- A pet for sale, with its owner's details.
          id: uuid required ReadOnly -- The pet's id. (note: The JSON name is a guess: the java docs show the field as `id`.)
          class: string optional -- Zoological class. (note: The JSON name is a guess: the java docs show the field as `propertyClass`.)
          tags: [string] optional -- Tags, e.g. `cute`. (note: The JSON name is a guess: the java docs show the field as `tags`.)
          owner: Owner optional (note: The JSON name is a guess: the java docs show the field as `owner`.)
          status: PetStatus required (note: The JSON name is a guess: the java docs show the field as `status`.)
          metadata: {object} optional -- Free-form metadata. (note: The JSON name is a guess: the java docs show the field as `metadata`.)
          scores: [[double]] optional -- Score rows. (note: The JSON name is a guess: the java docs show the field as `scores`.)
          nickname: string optional -- May be null. (note: The JSON name is a guess: the java docs show the field as `nickname`.)
          created_at: datetime optional (note: The JSON name is a guess: the java docs show the field as `createdAt`.)
          friendly: boolean optional = false (note: The JSON name is a guess: the java docs show the field as `friendly`.)
          history: [PetStatus] optional (note: The JSON name is a guess: the java docs show the field as `history`.)
          born_on: date optional (note: The JSON name is a guess: the java docs show the field as `bornOn`.)
          size: PetSize optional -- Size class. (note: The JSON name is a guess: the java docs show the field as `size`.)
        PetStatus enum ["available", "pending", "sold"]
        PetSize enum ["small", "large"] -- Values of `SizeEnum` in `Pet`: an inline enum of the docs.
    "#]],
    );
}

#[test]
fn ruby_fixtures() {
    check_dir(
        "markdown/ruby",
        Dialect::Ruby,
        expect![[r#"
        dialect ruby
        Animal union by Some("kind") ["Owner", "Pet"]
        Owner struct @Owner.md:1
          name: string required
          address_lines: [string] optional
        Pet struct @Pet.md:1
          id: string required ReadOnly -- The pet's id.
          class: string optional -- Zoological class.
          tags: [string] optional -- Tags, e.g. `cute`.
          owner: Owner optional
          status: PetStatus required
          metadata: {object} optional -- Free-form metadata.
          scores: [[double]] optional -- Score rows.
          nickname: string optional -- May be null.
          created_at: datetime optional
          friendly: boolean optional = true
          history: [PetStatus] optional
          born_on: date optional
          count: int64 optional
        PetStatus alias string -- The docs list no values for this enum; it is read as a string.
        loss PetStatus.md:1: ruby docs list no enum values: `PetStatus` is read as a string (or it is an empty object)
    "#]],
    );
}

#[test]
fn php_fixtures() {
    check_dir(
        "markdown/php",
        Dialect::Php,
        expect![[r#"
        dialect php
        Owner struct @Owner.md:1
          name: string required
          address_lines: [string] optional
        Pet struct @Pet.md:1
          id: string required ReadOnly -- The pet's id.
          class: string optional -- Zoological class.
          tags: [string] optional -- Tags, e.g. `cute`.
          owner: Owner optional
          status: PetStatus required
          metadata: {any} optional -- Free-form metadata.
          scores: [[double]] optional -- Score rows.
          nickname: string optional -- May be null.
          created_at: datetime optional
          friendly: boolean optional = true
          history: [PetStatus] optional
          count: int64 optional
        PetStatus alias string -- The docs list no values for this enum; it is read as a string.
        loss PetStatus.md:1: php docs list no enum values: `PetStatus` is read as a string (or it is an empty object)
    "#]],
    );
}

#[test]
fn rust_fixtures() {
    check_dir(
        "markdown/rust",
        Dialect::Rust,
        expect![[r#"
        dialect rust
        Animal alias any -- A union whose members the docs do not list; read as any JSON value.
        Owner struct @Owner.md:1
          name: string required
          address_lines: [string] optional
        Pet struct @Pet.md:1
          id: uuid required ReadOnly -- The pet's id.
          class: string optional -- Zoological class.
          tags: [string] optional -- Tags, e.g. `cute`.
          owner: Owner optional
          status: PetStatus required
          metadata: {any} optional -- Free-form metadata.
          scores: [[double]] optional -- Score rows.
          nickname: string required nullable -- May be null.
          created_at: string optional
          friendly: boolean optional = true
          history: [PetStatus] optional
          payload: any optional
          count: int32 optional
        PetStatus enum ["available", "pending", "sold"]
        loss Animal.md:5: `Animal` is a oneOf whose members the rust docs do not list: read as any value
    "#]],
    );
}

#[test]
fn go_fixtures() {
    check_dir(
        "markdown/go",
        Dialect::Go,
        expect![[r#"
        dialect go
        Owner struct @Owner.md:1
          name: string required (note: The JSON name is a guess: the go docs show the field as `Name`.)
          address_lines: [string] optional (note: The JSON name is a guess: the go docs show the field as `AddressLines`.)
        Pet struct @Pet.md:1
          id: string required ReadOnly -- The pet's id. (note: The JSON name is a guess: the go docs show the field as `Id`.)
          class: string optional -- Zoological class. (note: The JSON name is a guess: the go docs show the field as `Class`.)
          tags: [string] optional -- Tags, e.g. `cute`. (note: The JSON name is a guess: the go docs show the field as `Tags`.)
          owner: Owner optional (note: The JSON name is a guess: the go docs show the field as `Owner`.)
          status: PetStatus required (note: The JSON name is a guess: the go docs show the field as `Status`.)
          metadata: {any} optional -- Free-form metadata. (note: The JSON name is a guess: the go docs show the field as `Metadata`.)
          scores: [[float]] optional -- Score rows. (note: The JSON name is a guess: the go docs show the field as `Scores`.)
          nickname: string optional nullable -- May be null. (note: The JSON name is a guess: the go docs show the field as `Nickname`.)
          created_at: datetime optional (note: The JSON name is a guess: the go docs show the field as `CreatedAt`.)
          friendly: boolean optional = true (note: The JSON name is a guess: the go docs show the field as `Friendly`.)
          history: [PetStatus] optional (note: The JSON name is a guess: the go docs show the field as `History`.)
          labels: {Owner} optional (note: The JSON name is a guess: the go docs show the field as `Labels`.)
          count: int32 required nullable (note: The JSON name is a guess: the go docs show the field as `Count`.)
        PetStatus enum ["available", "pending", "sold"]
    "#]],
    );
}

#[test]
fn wrong_cell_count_is_an_error_with_line() {
    check(
        TS,
        &[("Thing.md", &ts_table("**a** | **string** | [optional]"))],
        expect![[r#"
            error: docs/Thing.md:8:1: table row has 3 cells, the header has 4
             8 | **a** | **string** | [optional]
               | ^"#]],
    );
}

#[test]
fn unbalanced_type_is_an_error_with_column() {
    check(
        TS,
        &[(
            "Thing.md",
            &ts_table("**a** | **Array&lt;Tag** |  | [optional]"),
        )],
        expect![[r#"
            error: docs/Thing.md:8:23: unbalanced type "Array<Tag": expected ">"
             8 | **a** | **Array&lt;Tag** |  | [optional]
               |                       ^"#]],
    );
}

#[test]
fn link_to_a_missing_model_is_an_error() {
    check(
        TS,
        &[(
            "Thing.md",
            &ts_table("**a** | [**Tag**](Tag.md) |  | [optional]"),
        )],
        expect![[r#"
            error: docs/Thing.md:8:9: link to "Tag.md", which is not a model doc here (type "Tag")
             8 | **a** | [**Tag**](Tag.md) |  | [optional]
               |         ^"#]],
    );
}

#[test]
fn all_errors_of_a_phase_are_reported_together() {
    check(
        TS,
        &[
            ("A.md", &ts_table("**a** | **Map&lt;string** |  | ")),
            (
                "B.md",
                &ts_table("**b** | **Nope** |  | \n**c** | **string**"),
            ),
        ],
        expect![[r#"
            error: docs/A.md:8:24: unbalanced type "Map<string": expected ">"
             8 | **a** | **Map&lt;string** |  | 
               |                        ^
            error: docs/B.md:8:9: unknown type "Nope": no model doc Nope.md here
             8 | **b** | **Nope** |  | 
               |         ^
            error: docs/B.md:9:1: table row has 2 cells, the header has 4
             9 | **c** | **string**
               | ^"#]],
    );
}

#[test]
fn unknown_enum_item_is_an_error() {
    check(
        TS,
        &[("E.md", "# E\n\n## Enum\n\n* `A` = 'a'\n")],
        expect![[r#"
        error: docs/E.md:5:1: enum item not understood: expected * `Name` (value: `'value'`)
         5 | * `A` = 'a'
           | ^"#]],
    );
}

#[test]
fn single_field_cases() {
    for (row, want) in [
        (
            "**a** | **string** |  | [default to undefined]",
            "a: string required",
        ),
        (
            "**a** | **number** |  | [optional] [default to 3]",
            "a: double optional = 3",
        ),
        (
            "**a** | **string** |  | [optional] [default to &#39;x&#39;]",
            "a: string optional = \"x\"",
        ),
        (
            "**a** | **string** |  | [optional] [default to plain]",
            "a: string optional = \"plain\"",
        ),
        (
            "**a** | **Array&lt;number&gt;** |  | [optional] [default to [1, 2]]",
            "a: [double] optional = [1,2]",
        ),
        (
            "**a** | **object** |  | [optional] [readonly] ",
            "a: object optional ReadOnly",
        ),
        (
            "**_default** | **boolean** |  | ",
            "default: boolean required",
        ),
        (
            "**x-id** | **string** | a \\| b | ",
            "x-id: string required -- a | b",
        ),
    ] {
        let docs = markdown::from_sources(
            vec![Source {
                path: "Thing.md".into(),
                text: ts_table(row),
            }],
            &Options { dialect: TS },
        );
        let got = match docs {
            Ok(d) => render(&d),
            Err(e) => e.to_string(),
        };
        let field = got.lines().nth(2).unwrap_or("").trim();
        assert_eq!(field, want, "{row}");
    }
}

#[test]
fn dialect_is_recognised_from_one_file_each() {
    for (dialect, text) in [
        (
            Dialect::TypeScript,
            "**a** | **Array&lt;string&gt;** |  | [default to undefined]",
        ),
        (Dialect::Python, "**a** | **List[str]** |  | "),
        (
            Dialect::Java,
            "|**a** | **List&lt;String&gt;** |  |  |\n## Enum: AEnum",
        ),
        (Dialect::Ruby, "# Onfido::Thing\n| ---- | ---- |"),
        (Dialect::Php, "# # Thing\n**a** | **\\DateTime** | |"),
        (
            Dialect::Rust,
            "**a** | Option<**Vec<String>**> |  | [optional]",
        ),
        (
            Dialect::Go,
            "**A** | Pointer to **[]string** |  | [optional]",
        ),
    ] {
        assert_eq!(Dialect::detect([text]), dialect, "{text}");
    }
}
