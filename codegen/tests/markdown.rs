//! The markdown reader: every dialect's fixture set, small cases from memory, and the errors it reports.

use std::path::{Path, PathBuf};

use expect_test::{expect, Expect};
use modelgen::input::markdown::{self, Dialect, DocsLoad, Options, Source};
use modelgen::ir::{Model, Presence, TypeKind, TypeRef};

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
        TypeRef::Tuple(items) => {
            let items: Vec<String> = items.iter().map(|t| ty(model, t)).collect();
            format!("({})", items.join(", "))
        }
        TypeRef::Nullable(t) => format!("{}?", ty(model, t)),
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
            TypeKind::Enum(e) => match (e.as_strings(), e.as_integers()) {
                (Some(v), _) if e.repr() == modelgen::ir::Repr::String => {
                    out += &format!("{} enum {v:?}{doc}\n", t.name)
                }
                (_, Some(v)) => out += &format!("{} int enum {v:?}{doc}\n", t.name),
                _ => out += &format!("{} enum {:?}{doc}\n", t.name, e.values),
            },
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
            Animal struct @Animal.md:1
              name: string required
              address_lines: [string] optional
              id: string required ReadOnly -- The pet's id.
              status: PetStatus required
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
              born_on: string optional
              count: double optional
              labels: {Owner} optional
            PetStatus enum ["available", "pending", "sold"] -- The status of a pet.
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
            Animal struct @Animal.md:1
              name: string required
              address_lines: [string] optional
              id: string required ReadOnly -- The pet's id.
              status: PetStatus required
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
              count: int64 optional
              payload: object optional
              size: string optional
              labels: {Owner} optional
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
            Animal struct @Animal.md:3
              name: string required (note: The JSON name is a guess: the java docs show the field as `name`.)
              address_lines: [string] optional (note: The JSON name is a guess: the java docs show the field as `addressLines`.)
              id: uuid required ReadOnly -- The pet's id. (note: The JSON name is a guess: the java docs show the field as `id`.)
              status: PetStatus required (note: The JSON name is a guess: the java docs show the field as `status`.)
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
              count: int32 optional (note: The JSON name is a guess: the java docs show the field as `count`.)
              extra: [{object}] optional (note: The JSON name is a guess: the java docs show the field as `extra`.)
              payload: object optional (note: The JSON name is a guess: the java docs show the field as `payload`.)
              labels: {Owner} optional (note: The JSON name is a guess: the java docs show the field as `labels`.)
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
              extra: [{object}] optional
              payload: object optional
              size: string optional
              labels: {Owner} optional
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
            Animal struct @Animal.md:1
              name: string required
              address_lines: [string] optional
              id: string required ReadOnly -- The pet's id.
              status: PetStatus required
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
              born_on: datetime optional
              extra: [{any}] optional
              payload: any optional
              size: string optional
              labels: {Owner} optional
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
              nickname: string optional -- May be null.
              created_at: string optional
              friendly: boolean optional = true
              history: [PetStatus] optional
              payload: any optional
              count: int32 optional
              born_on: string optional
              extra: [{any}] optional
              size: string optional
              labels: {Owner} optional
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
            Animal struct @Animal.md:1
              name: string required (note: The JSON name is a guess: the go docs show the field as `Name`.)
              address_lines: [string] optional (note: The JSON name is a guess: the go docs show the field as `AddressLines`.)
              id: string required ReadOnly -- The pet's id. (note: The JSON name is a guess: the go docs show the field as `Id`.)
              status: PetStatus required (note: The JSON name is a guess: the go docs show the field as `Status`.)
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
              count: int32 optional (note: The JSON name is a guess: the go docs show the field as `Count`.)
              born_on: string optional (note: The JSON name is a guess: the go docs show the field as `BornOn`.)
              extra: [{any}] optional (note: The JSON name is a guess: the go docs show the field as `Extra`.)
              payload: any optional (note: The JSON name is a guess: the go docs show the field as `Payload`.)
              size: string optional (note: The JSON name is a guess: the go docs show the field as `Size`.)
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
fn integer_enums_are_integer_and_quoted_digits_are_strings() {
    check(
        TS,
        &[
            ("Priority.md", "# Priority\n\n## Enum\n\n* `NUMBER_1` (value: `1`)\n\n* `NUMBER_2` (value: `2`)\n"),
            ("Code.md", "# Code\n\n## Enum\n\n* `_1` (value: `'1'`)\n\n* `UnknownDefaultOpenApi` (value: `'11184809'`)\n"),
        ],
        expect![[r#"
            dialect typescript
            Code enum ["1"]
            Priority int enum [1, 2]
        "#]],
    );
}

#[test]
fn rust_option_without_optional_note_is_required_nullable() {
    let table = "# Thing\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**a** | Option<**String**> |  | \n**b** | Option<**String**> |  | [optional]\n**c** | **i64** |  | \n";
    check(
        Some(Dialect::Rust),
        &[("Thing.md", table)],
        expect![[r#"
        dialect rust
        Thing struct @Thing.md:1
          a: string required nullable
          b: string optional
          c: int64 required
    "#]],
    );
}

#[test]
fn go_nullable_without_pointer_is_required_nullable() {
    let table = "# Thing\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**Count** | **NullableInt32** |  | \n**Other** | Pointer to [**NullableThing**](Thing.md) |  | [optional] \n";
    check(
        Some(Dialect::Go),
        &[("Thing.md", table)],
        expect![[r#"
        dialect go
        Thing struct @Thing.md:1
          count: int32 required nullable (note: The JSON name is a guess: the go docs show the field as `Count`.)
          other: Thing optional nullable (note: The JSON name is a guess: the go docs show the field as `Other`.)
    "#]],
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

#[test]
fn the_generic_loader_reads_a_docs_directory() {
    match modelgen::input::load(&fixtures("docs-typescript")) {
        Ok(l) => assert_eq!(l.model.types.len(), 306),
        Err(e) => panic!("{e}"),
    }
}

/// Every line of every dialect fixture cut short at many places: the reader may report errors but
/// must never panic.
#[test]
fn truncated_lines_never_panic() {
    let mut files = Vec::new();
    for dialect in [
        "typescript",
        "python",
        "java",
        "ruby",
        "php/Model",
        "rust",
        "go",
    ] {
        let dir = fixtures("markdown").join(dialect);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            panic!("{}", dir.display());
        };
        for entry in entries.flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                files.push((entry.path(), text));
            }
        }
    }
    let mut runs = 0;
    for (path, text) in &files {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let cuts: Vec<usize> = line.char_indices().map(|(k, _)| k).step_by(5).collect();
            for cut in cuts {
                let mut mangled = lines.clone();
                mangled[i] = &line[..cut];
                let source = Source {
                    path: path.clone(),
                    text: mangled.join("\n"),
                };
                // Whatever the outcome, it is a value, not a panic.
                let _ = markdown::from_sources(vec![source], &Options::default());
                runs += 1;
            }
        }
    }
    assert!(runs > 1000, "{runs}");
}

/// Each dialect's fixtures against the spec they were written from (`fixtures/markdown/pets.yaml`).
fn check_against_spec(dir: &str, expect: Expect) {
    let docs = match markdown::load(&fixtures("markdown").join(dir)) {
        Ok(d) => d.model,
        Err(e) => panic!("{e}"),
    };
    let spec = match modelgen::input::openapi::load(&fixtures("markdown/pets.yaml")) {
        Ok(s) => s.model,
        Err(e) => panic!("{e}"),
    };
    expect.assert_eq(&modelgen::crosscheck::crosscheck(&docs, &spec).to_string());
}

#[test]
fn typescript_against_spec() {
    check_against_spec(
        "typescript",
        expect![[r#"
        models: 2 agree, 3 differ only by what docs cannot express, 0 disagree (0 only in docs, 1 only in spec)
        fields: 11 agree, 8 differ only by what docs cannot express, 0 disagree

        Animal (Animal): differs only by what docs cannot express
          ~ docs describe a struct, spec a union

        Pet (Pet): differs only by what docs cannot express
          ~ id: type: docs string, spec uuid (docs show string formats as plain strings)
          ~ metadata: type: docs {string: any}, spec object (docs do not tell a free-form object from a map)
          ~ nickname: docs say not nullable, spec nullable
          ~ created_at: type: docs string, spec datetime (docs show string formats as plain strings)
          ~ extra: type: docs [{string: any}], spec [object] (docs do not tell a free-form object from a map)
          ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)
          ~ born_on: type: docs string, spec date (docs show string formats as plain strings)
          ~ count: type: docs double, spec int32 (docs show one number type for several)

        PetSize (spec Pet_size): differs only by what docs cannot express
          ~ no doc of its own: the docs show it as string
    "#]],
    );
}

#[test]
fn python_against_spec() {
    check_against_spec(
        "python",
        expect![[r#"
        models: 2 agree, 3 differ only by what docs cannot express, 0 disagree (0 only in docs, 1 only in spec)
        fields: 12 agree, 7 differ only by what docs cannot express, 0 disagree

        Animal (Animal): differs only by what docs cannot express
          ~ docs describe a struct, spec a union

        Pet (Pet): differs only by what docs cannot express
          ~ id: type: docs string, spec uuid (docs show string formats as plain strings)
          ~ metadata: type: docs {string: object}, spec object (docs do not tell a free-form object from a map)
          ~ nickname: docs say not nullable, spec nullable
          ~ extra: type: docs [{string: object}], spec [object] (docs do not tell a free-form object from a map)
          ~ count: type: docs int64, spec int32 (docs show one number type for several)
          ~ payload: type: docs object, spec any (docs show an untyped value as object)
          ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)

        PetSize (spec Pet_size): differs only by what docs cannot express
          ~ no doc of its own: the docs show it as string
    "#]],
    );
}

#[test]
fn java_against_spec() {
    check_against_spec(
        "java",
        expect![[r#"
        models: 3 agree, 2 differ only by what docs cannot express, 0 disagree (0 only in docs, 0 only in spec)
        fields: 15 agree, 4 differ only by what docs cannot express, 0 disagree

        Animal (Animal): differs only by what docs cannot express
          ~ docs describe a struct, spec a union

        Pet (Pet): differs only by what docs cannot express
          ~ metadata: type: docs {string: object}, spec object (docs do not tell a free-form object from a map)
          ~ nickname: docs say not nullable, spec nullable
          ~ extra: type: docs [{string: object}], spec [object] (docs do not tell a free-form object from a map)
          ~ payload: type: docs object, spec any (docs show an untyped value as object)
    "#]],
    );
}

#[test]
fn ruby_against_spec() {
    check_against_spec(
        "ruby",
        expect![[r#"
        models: 2 agree, 3 differ only by what docs cannot express, 0 disagree (0 only in docs, 1 only in spec)
        fields: 12 agree, 7 differ only by what docs cannot express, 0 disagree

        Pet (Pet): differs only by what docs cannot express
          ~ id: type: docs string, spec uuid (docs show string formats as plain strings)
          ~ metadata: type: docs {string: object}, spec object (docs do not tell a free-form object from a map)
          ~ nickname: docs say not nullable, spec nullable
          ~ count: type: docs int64, spec int32 (docs show one number type for several)
          ~ extra: type: docs [{string: object}], spec [object] (docs do not tell a free-form object from a map)
          ~ payload: type: docs object, spec any (docs show an untyped value as object)
          ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)

        PetSize (spec Pet_size): differs only by what docs cannot express
          ~ no doc of its own: the docs show it as string

        PetStatus (PetStatus): differs only by what docs cannot express
          ~ docs describe an alias, spec an enum
    "#]],
    );
}

#[test]
fn php_against_spec() {
    check_against_spec(
        "php",
        expect![[r#"
        models: 1 agree, 4 differ only by what docs cannot express, 0 disagree (0 only in docs, 1 only in spec)
        fields: 12 agree, 7 differ only by what docs cannot express, 0 disagree

        Animal (Animal): differs only by what docs cannot express
          ~ docs describe a struct, spec a union

        Pet (Pet): differs only by what docs cannot express
          ~ id: type: docs string, spec uuid (docs show string formats as plain strings)
          ~ metadata: type: docs {string: any}, spec object (docs do not tell a free-form object from a map)
          ~ nickname: docs say not nullable, spec nullable
          ~ count: type: docs int64, spec int32 (docs show one number type for several)
          ~ born_on: type: docs datetime, spec date (docs show dates as date-times)
          ~ extra: type: docs [{string: any}], spec [object] (docs do not tell a free-form object from a map)
          ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)

        PetSize (spec Pet_size): differs only by what docs cannot express
          ~ no doc of its own: the docs show it as string

        PetStatus (PetStatus): differs only by what docs cannot express
          ~ docs describe an alias, spec an enum
    "#]],
    );
}

#[test]
fn rust_against_spec() {
    check_against_spec(
        "rust",
        expect![[r#"
        models: 2 agree, 3 differ only by what docs cannot express, 0 disagree (0 only in docs, 1 only in spec)
        fields: 13 agree, 6 differ only by what docs cannot express, 0 disagree

        Animal (Animal): differs only by what docs cannot express
          ~ docs describe an alias, spec a union

        Pet (Pet): differs only by what docs cannot express
          ~ metadata: type: docs {string: any}, spec object (docs do not tell a free-form object from a map)
          ~ nickname: docs say not nullable, spec nullable
          ~ created_at: type: docs string, spec datetime (docs show string formats as plain strings)
          ~ born_on: type: docs string, spec date (docs show string formats as plain strings)
          ~ extra: type: docs [{string: any}], spec [object] (docs do not tell a free-form object from a map)
          ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)

        PetSize (spec Pet_size): differs only by what docs cannot express
          ~ no doc of its own: the docs show it as string
    "#]],
    );
}

#[test]
fn go_against_spec() {
    check_against_spec(
        "go",
        expect![[r#"
        models: 2 agree, 3 differ only by what docs cannot express, 0 disagree (0 only in docs, 1 only in spec)
        fields: 13 agree, 6 differ only by what docs cannot express, 0 disagree

        Animal (Animal): differs only by what docs cannot express
          ~ docs describe a struct, spec a union

        Pet (Pet): differs only by what docs cannot express
          ~ id: type: docs string, spec uuid (docs show string formats as plain strings)
          ~ metadata: type: docs {string: any}, spec object (docs do not tell a free-form object from a map)
          ~ scores: type: docs [[float]], spec [[double]] (docs show one number type for several)
          ~ born_on: type: docs string, spec date (docs show string formats as plain strings)
          ~ extra: type: docs [{string: any}], spec [object] (docs do not tell a free-form object from a map)
          ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)

        PetSize (spec Pet_size): differs only by what docs cannot express
          ~ no doc of its own: the docs show it as string
    "#]],
    );
}
