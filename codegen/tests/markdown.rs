//! The markdown reader: every dialect's fixture set, small cases from memory, and the errors it reports.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

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
        let doc = support::type_flags(t)
            + &t.doc
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
                    out += &support::field_flags(f);
                    if let Some(d) = &f.doc {
                        out += &format!(" -- {d}");
                    }
                    if let Some(n) = &f.note {
                        out += &format!(" (note: {n})");
                    }
                    out += "\n";
                }
            }
            // Values with a name or docs of their own show them all.
            TypeKind::Enum(e) if e.values.iter().any(|v| v.name.is_some() || v.doc.is_some()) => {
                out += &format!("{} enum {:?}{doc}\n", t.name, e.values)
            }
            TypeKind::Enum(e) => match (e.as_strings(), e.as_integers()) {
                (Some(v), _) if e.repr() == modelgen::ir::Repr::String => {
                    out += &format!("{} enum {v:?}{doc}\n", t.name)
                }
                (_, Some(v)) => out += &format!("{} int enum {v:?}{doc}\n", t.name),
                _ => out += &format!("{} enum {:?}{doc}\n", t.name, e.values),
            },
            TypeKind::Union(u) => {
                let vs: Vec<String> = u
                    .variants
                    .iter()
                    .map(|v| match &v.tag {
                        Some(tag) => format!("{tag}: {}", ty(model, &v.ty)),
                        None => ty(model, &v.ty),
                    })
                    .collect();
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
    let got = match markdown::from_sources(
        sources,
        &Options {
            dialect,
            ..Options::default()
        },
    ) {
        Ok(d) => render(&d),
        Err(e) => e.to_string(),
    };
    expect.assert_eq(&got);
}

/// Like [`check`], reading strictly.
fn check_strict(dialect: Option<Dialect>, files: &[(&str, &str)], expect: Expect) {
    let sources = files
        .iter()
        .map(|(name, text)| Source {
            path: Path::new("docs").join(name),
            text: (*text).to_owned(),
        })
        .collect();
    let options = Options {
        dialect,
        strict: true,
    };
    let got = match markdown::from_sources(sources, &options) {
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
            Animal struct @Animal.md:1 -- A cat or a dog, told apart by `pet_type`.
              pet_type: string required
              meows: boolean optional
              barks: boolean optional
            Cat struct @Cat.md:1
              pet_type: string required
              meows: boolean optional
            Code int enum [1, 2, 3] -- A numeric code.
            Dog struct @Dog.md:1
              pet_type: string required
              barks: boolean optional
            Either struct @Either.md:1 -- An owner or a cat, with no discriminator.
              name: string required
              address_lines: [string] optional
              pet_type: string required
              meows: boolean optional
            Key alias any -- A name or a number.

            The docs do not say what this type holds; it is read as any JSON value.
            Named struct @Named.md:1 -- An owner with a nickname.
              name: string required
              address_lines: [string] optional
              nickname: string optional
            Owner struct @Owner.md:1
              name: string required
              address_lines: [string] optional
            Pet struct @Pet.md:1 -- A pet for sale, with its owner's details.
              id: string required ReadOnly -- The pet's id.
              name: string required
              class: string optional -- Zoological class.
              type: string optional -- A reserved word in most languages.
              tags: [string] optional -- Tags, e.g. `cute`.
              owner: Owner optional
              status: PetStatus required
              metadata: {any} optional -- Free-form metadata.
              scores: [[double]] optional -- Score rows.
              nickname: string optional -- May be null.
              nullable_required: string required -- Required, and may be null.
              nullable_owner: Owner optional
              created_at: string optional
              born_on: string optional
              friendly: boolean optional = true
              history: [PetStatus] optional
              count: double optional
              big: double optional
              integer: double optional
              ratio: double optional
              weight: double optional
              number: double optional
              photo: string optional
              upload: binary optional
              homepage: string optional
              email: string optional
              ids: [string] optional
              extra: [{any}] optional
              payload: any optional
              size: string optional -- Size class.
              priority: double optional
              labels: {Owner} optional
              counts: {double} optional
              groups: {[string]} optional
              matrix: {{string}} optional
              rows: [{string}] optional
              nullable_tags: [string] optional
              nullable_count: double optional
              nullable_flag: boolean optional
              nullable_at: string optional
              nullable_ratio: double optional
              old: string optional
              secret: string optional
              parent: Pet optional
              animal: Animal optional
              code: Code optional
              key: Key optional
            PetStatus enum ["available", "pending", "sold"] -- The status of a pet.
            skipped DefaultApi.md
            loss Key.md:7: `Key` has an empty table (an enum whose values the typescript docs do not list, a oneOf of scalars, or an object without properties): read as any JSON value
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
            Animal struct @Animal.md:1 -- A cat or a dog, told apart by `pet_type`.
              pet_type: string required
              meows: boolean optional
              barks: boolean optional
            Cat struct @Cat.md:1
              pet_type: string required
              meows: boolean optional
            Code int enum [1, 2, 3] -- A numeric code.
            Dog struct @Dog.md:1
              pet_type: string required
              barks: boolean optional
            Either struct @Either.md:1 -- An owner or a cat, with no discriminator.
              name: string required
              address_lines: [string] optional
              pet_type: string required
              meows: boolean optional
            Key alias any -- A name or a number.

            The docs do not say what this type holds; it is read as any JSON value.
            Named struct @Named.md:1 -- An owner with a nickname.
              name: string required
              address_lines: [string] optional
              nickname: string optional
            Owner struct @Owner.md:1
              name: string required
              address_lines: [string] optional
            Pet struct @Pet.md:1 -- A pet for sale, with its owner's details.
              id: string required ReadOnly -- The pet's id.
              name: string required
              class: string optional -- Zoological class.
              type: string optional -- A reserved word in most languages.
              tags: [string] optional -- Tags, e.g. `cute`.
              owner: Owner optional
              status: PetStatus required
              metadata: {object} optional -- Free-form metadata.
              scores: [[double]] optional -- Score rows.
              nickname: string optional -- May be null.
              nullable_required: string required -- Required, and may be null.
              nullable_owner: Owner optional
              created_at: datetime optional
              born_on: date optional
              friendly: boolean optional = true
              history: [PetStatus] optional
              count: int64 optional
              big: int64 optional
              integer: int64 optional
              ratio: double optional
              weight: double optional
              number: double optional
              photo: binary optional
              upload: binary optional
              homepage: string optional
              email: string optional
              ids: [string] optional
              extra: [{object}] optional
              payload: object optional
              size: string optional = "small" -- Size class.
              priority: int64 optional
              labels: {Owner} optional
              counts: {int64} optional
              groups: {[string]} optional
              matrix: {{string}} optional
              rows: [{string}] optional
              nullable_tags: [string] optional
              nullable_count: int64 optional
              nullable_flag: boolean optional
              nullable_at: datetime optional
              nullable_ratio: double optional
              old: string optional
              secret: string optional
              parent: Pet optional
              animal: Animal optional
              code: Code optional
              key: Key optional
            PetStatus enum ["available", "pending", "sold"] -- The status of a pet.
            skipped DefaultApi.md
            loss Key.md:7: `Key` has an empty table (an enum whose values the python docs do not list, a oneOf of scalars, or an object without properties): read as any JSON value
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
            Animal struct @Animal.md:3 -- A cat or a dog, told apart by `pet_type`.
              pet_type: string required (note: The JSON name is a guess: the java docs show the field as `petType`.)
              meows: boolean optional (note: The JSON name is a guess: the java docs show the field as `meows`.)
              barks: boolean optional (note: The JSON name is a guess: the java docs show the field as `barks`.)
            Cat struct @Cat.md:3
              pet_type: string required (note: The JSON name is a guess: the java docs show the field as `petType`.)
              meows: boolean optional (note: The JSON name is a guess: the java docs show the field as `meows`.)
            Code int enum [1, 2, 3]
            Dog struct @Dog.md:3
              pet_type: string required (note: The JSON name is a guess: the java docs show the field as `petType`.)
              barks: boolean optional (note: The JSON name is a guess: the java docs show the field as `barks`.)
            Either struct @Either.md:3 -- An owner or a cat, with no discriminator.
              name: string required (note: The JSON name is a guess: the java docs show the field as `name`.)
              address_lines: [string] optional (note: The JSON name is a guess: the java docs show the field as `addressLines`.)
              pet_type: string required (note: The JSON name is a guess: the java docs show the field as `petType`.)
              meows: boolean optional (note: The JSON name is a guess: the java docs show the field as `meows`.)
            Key alias any -- A name or a number.

            The docs do not say what this type holds; it is read as any JSON value.
            Named struct @Named.md:3 -- An owner with a nickname.
              name: string required (note: The JSON name is a guess: the java docs show the field as `name`.)
              address_lines: [string] optional (note: The JSON name is a guess: the java docs show the field as `addressLines`.)
              nickname: string optional (note: The JSON name is a guess: the java docs show the field as `nickname`.)
            Owner struct @Owner.md:3
              name: string required (note: The JSON name is a guess: the java docs show the field as `name`.)
              address_lines: [string] optional (note: The JSON name is a guess: the java docs show the field as `addressLines`.)
            Pet struct @Pet.md:3 -- A pet for sale, with its owner's details.
              id: uuid required ReadOnly -- The pet's id. (note: The JSON name is a guess: the java docs show the field as `id`.)
              name: string required (note: The JSON name is a guess: the java docs show the field as `name`.)
              class: string optional -- Zoological class. (note: The JSON name is a guess: the java docs show the field as `propertyClass`.)
              type: string optional -- A reserved word in most languages. (note: The JSON name is a guess: the java docs show the field as `type`.)
              tags: [string] optional -- Tags, e.g. `cute`. (note: The JSON name is a guess: the java docs show the field as `tags`.)
              owner: Owner optional (note: The JSON name is a guess: the java docs show the field as `owner`.)
              status: PetStatus required (note: The JSON name is a guess: the java docs show the field as `status`.)
              metadata: {object} optional -- Free-form metadata. (note: The JSON name is a guess: the java docs show the field as `metadata`.)
              scores: [[double]] optional -- Score rows. (note: The JSON name is a guess: the java docs show the field as `scores`.)
              nickname: string optional -- May be null. (note: The JSON name is a guess: the java docs show the field as `nickname`.)
              nullable_required: string required -- Required, and may be null. (note: The JSON name is a guess: the java docs show the field as `nullableRequired`.)
              nullable_owner: Owner optional (note: The JSON name is a guess: the java docs show the field as `nullableOwner`.)
              created_at: datetime optional (note: The JSON name is a guess: the java docs show the field as `createdAt`.)
              born_on: date optional (note: The JSON name is a guess: the java docs show the field as `bornOn`.)
              friendly: boolean optional (note: The JSON name is a guess: the java docs show the field as `friendly`.)
              history: [PetStatus] optional (note: The JSON name is a guess: the java docs show the field as `history`.)
              count: int32 optional (note: The JSON name is a guess: the java docs show the field as `count`.)
              big: int64 optional (note: The JSON name is a guess: the java docs show the field as `big`.)
              integer: int32 optional (note: The JSON name is a guess: the java docs show the field as `integer`.)
              ratio: float optional (note: The JSON name is a guess: the java docs show the field as `ratio`.)
              weight: double optional (note: The JSON name is a guess: the java docs show the field as `weight`.)
              number: double optional (note: The JSON name is a guess: the java docs show the field as `number`.)
              photo: byte optional (note: The JSON name is a guess: the java docs show the field as `photo`.)
              upload: any optional (note: The JSON name is a guess: the java docs show the field as `upload`.)
              homepage: uri optional (note: The JSON name is a guess: the java docs show the field as `homepage`.)
              email: string optional (note: The JSON name is a guess: the java docs show the field as `email`.)
              ids: [uuid] optional (note: The JSON name is a guess: the java docs show the field as `ids`.)
              extra: [{object}] optional (note: The JSON name is a guess: the java docs show the field as `extra`.)
              payload: object optional (note: The JSON name is a guess: the java docs show the field as `payload`.)
              size: PetSize optional -- Size class. (note: The JSON name is a guess: the java docs show the field as `size`.)
              priority: PetPriority optional (note: The JSON name is a guess: the java docs show the field as `priority`.)
              labels: {Owner} optional (note: The JSON name is a guess: the java docs show the field as `labels`.)
              counts: {int32} optional (note: The JSON name is a guess: the java docs show the field as `counts`.)
              groups: {[string]} optional (note: The JSON name is a guess: the java docs show the field as `groups`.)
              matrix: {{string}} optional (note: The JSON name is a guess: the java docs show the field as `matrix`.)
              rows: [{string}] optional (note: The JSON name is a guess: the java docs show the field as `rows`.)
              nullable_tags: [string] optional (note: The JSON name is a guess: the java docs show the field as `nullableTags`.)
              nullable_count: int32 optional (note: The JSON name is a guess: the java docs show the field as `nullableCount`.)
              nullable_flag: boolean optional (note: The JSON name is a guess: the java docs show the field as `nullableFlag`.)
              nullable_at: datetime optional (note: The JSON name is a guess: the java docs show the field as `nullableAt`.)
              nullable_ratio: double optional (note: The JSON name is a guess: the java docs show the field as `nullableRatio`.)
              old: string optional (note: The JSON name is a guess: the java docs show the field as `old`.)
              secret: string optional (note: The JSON name is a guess: the java docs show the field as `secret`.)
              parent: Pet optional (note: The JSON name is a guess: the java docs show the field as `parent`.)
              animal: Animal optional (note: The JSON name is a guess: the java docs show the field as `animal`.)
              code: Code optional (note: The JSON name is a guess: the java docs show the field as `code`.)
              key: Key optional (note: The JSON name is a guess: the java docs show the field as `key`.)
            PetStatus enum ["available", "pending", "sold"]
            PetSize enum ["small", "large"] inline -- Values of `SizeEnum` in `Pet`: an inline enum of the docs.
            PetPriority int enum [1, 2, 3] inline -- Values of `PriorityEnum` in `Pet`: an inline enum of the docs.
            skipped DefaultApi.md
            loss Key.md:9: `Key` has an empty table (an enum whose values the java docs do not list, a oneOf of scalars, or an object without properties): read as any JSON value
            loss Pet.md:34: unknown type "FileTransfer": no model doc FileTransfer.md here: read as any JSON value
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
            Animal union by Some("pet_type") ["cat: Cat", "dog: Dog"]
            Cat struct @Cat.md:1
              pet_type: string required
              meows: boolean optional
            Code alias any -- The docs do not say what this type holds; it is read as any JSON value.
            Dog struct @Dog.md:1
              pet_type: string required
              barks: boolean optional
            Either union by None ["Cat", "Owner"]
            Key union by None ["int64", "string"]
            Named struct @Named.md:1
              name: string required
              address_lines: [string] optional
              nickname: string optional
            Owner struct @Owner.md:1
              name: string required
              address_lines: [string] optional
            Pet struct @Pet.md:1
              id: string required ReadOnly -- The pet's id.
              name: string required
              class: string optional -- Zoological class.
              type: string optional -- A reserved word in most languages.
              tags: [string] optional -- Tags, e.g. `cute`.
              owner: Owner optional
              status: PetStatus required
              metadata: {object} optional -- Free-form metadata.
              scores: [[double]] optional -- Score rows.
              nickname: string optional -- May be null.
              nullable_required: string required -- Required, and may be null.
              nullable_owner: Owner optional
              created_at: datetime optional
              born_on: date optional
              friendly: boolean optional = true
              history: [PetStatus] optional
              count: int64 optional
              big: int64 optional
              integer: int64 optional
              ratio: double optional
              weight: double optional
              number: double optional
              photo: string optional
              upload: binary optional
              homepage: string optional
              email: string optional
              ids: [string] optional
              extra: [{object}] optional
              payload: object optional
              size: string optional = "small" -- Size class.
              priority: int64 optional
              labels: {Owner} optional
              counts: {int64} optional
              groups: {[string]} optional
              matrix: {{string}} optional
              rows: [{string}] optional
              nullable_tags: [string] optional
              nullable_count: int64 optional
              nullable_flag: boolean optional
              nullable_at: datetime optional
              nullable_ratio: double optional
              old: string optional
              secret: string optional
              parent: Pet optional
              animal: Animal optional
              code: Code optional
              key: Key optional
            PetStatus alias any -- The docs do not say what this type holds; it is read as any JSON value.
            skipped DefaultApi.md
            loss Code.md:5: `Code` has an empty table (an enum whose values the ruby docs do not list, a oneOf of scalars, or an object without properties): read as any JSON value
            loss PetStatus.md:5: `PetStatus` has an empty table (an enum whose values the ruby docs do not list, a oneOf of scalars, or an object without properties): read as any JSON value
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
              pet_type: string required
              meows: boolean optional
              barks: boolean optional
            Cat struct @Cat.md:1
              pet_type: string required
              meows: boolean optional
            Code alias any -- The docs do not say what this type holds; it is read as any JSON value.
            Dog struct @Dog.md:1
              pet_type: string required
              barks: boolean optional
            Either struct @Either.md:1
              name: string required
              address_lines: [string] optional
              pet_type: string required
              meows: boolean optional
            Key alias any -- The docs do not say what this type holds; it is read as any JSON value.
            Named struct @Named.md:1
              name: string required
              address_lines: [string] optional
              nickname: string optional
            Owner struct @Owner.md:1
              name: string required
              address_lines: [string] optional
            Pet struct @Pet.md:1
              id: string required ReadOnly -- The pet's id.
              name: string required
              class: string optional -- Zoological class.
              type: string optional -- A reserved word in most languages.
              tags: [string] optional -- Tags, e.g. `cute`.
              owner: Owner optional
              status: PetStatus required
              metadata: {any} optional -- Free-form metadata.
              scores: [[double]] optional -- Score rows.
              nickname: string optional -- May be null.
              nullable_required: string required -- Required, and may be null.
              nullable_owner: Owner optional
              created_at: datetime optional
              born_on: datetime optional
              friendly: boolean optional = true
              history: [PetStatus] optional
              count: int64 optional
              big: int64 optional
              integer: int64 optional
              ratio: double optional
              weight: double optional
              number: double optional
              photo: string optional
              upload: binary optional
              homepage: string optional
              email: string optional
              ids: [string] optional
              extra: [{any}] optional
              payload: any optional
              size: string optional = "small" -- Size class.
              priority: int64 optional
              labels: {Owner} optional
              counts: {int64} optional
              groups: {[string]} optional
              matrix: {{string}} optional
              rows: [{string}] optional
              nullable_tags: [string] optional
              nullable_count: int64 optional
              nullable_flag: boolean optional
              nullable_at: datetime optional
              nullable_ratio: double optional
              old: string optional
              secret: string optional
              parent: Pet optional
              animal: Animal optional
              code: Code optional
              key: Key optional
            PetStatus alias any -- The docs do not say what this type holds; it is read as any JSON value.
            loss Code.md:5: `Code` has an empty table (an enum whose values the php docs do not list, a oneOf of scalars, or an object without properties): read as any JSON value
            loss Key.md:5: `Key` has an empty table (an enum whose values the php docs do not list, a oneOf of scalars, or an object without properties): read as any JSON value
            loss PetStatus.md:5: `PetStatus` has an empty table (an enum whose values the php docs do not list, a oneOf of scalars, or an object without properties): read as any JSON value
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
            Animal alias any -- The docs do not say what this type holds; it is read as any JSON value.
            Cat struct @Cat.md:1
              pet_type: string required
              meows: boolean optional
            Code int enum [1, 2, 3]
            Dog struct @Dog.md:1
              pet_type: string required
              barks: boolean optional
            Either union by None ["Cat", "Owner"]
            Key union by None ["string", "int32"]
            Named struct @Named.md:1
              name: string required
              address_lines: [string] optional
              nickname: string optional
            Owner struct @Owner.md:1
              name: string required
              address_lines: [string] optional
            Pet struct @Pet.md:1
              id: uuid required ReadOnly -- The pet's id.
              name: string required
              class: string optional -- Zoological class.
              type: string optional -- A reserved word in most languages.
              tags: [string] optional -- Tags, e.g. `cute`.
              owner: Owner optional
              status: PetStatus required
              metadata: {any} optional -- Free-form metadata.
              scores: [[double]] optional -- Score rows.
              nickname: string optional -- May be null.
              nullable_required: string required nullable -- Required, and may be null.
              nullable_owner: Owner optional
              created_at: string optional
              born_on: string optional
              friendly: boolean optional = true
              history: [PetStatus] optional
              count: int32 optional
              big: int64 optional
              integer: int32 optional
              ratio: float optional
              weight: double optional
              number: double optional
              photo: string optional
              upload: binary optional
              homepage: string optional
              email: string optional
              ids: [uuid] optional
              extra: [{any}] optional
              payload: any optional
              size: string optional = "Small" -- Size class.
              priority: int32 optional
              labels: {Owner} optional
              counts: {int32} optional
              groups: {[string]} optional
              matrix: {{string}} optional
              rows: [{string}] optional
              nullable_tags: [string] optional
              nullable_count: int32 optional
              nullable_flag: boolean optional
              nullable_at: string optional
              nullable_ratio: double optional
              old: string optional
              secret: string optional
              parent: Pet optional
              animal: Animal optional
              code: Code optional
              key: Key optional
            PetStatus enum ["available", "pending", "sold"]
            skipped DefaultApi.md
            loss Animal.md:5: `Animal` is a oneOf whose members the rust docs do not list: read as any JSON value
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
              pet_type: string required (note: The JSON name is a guess: the go docs show the field as `PetType`.)
              meows: boolean optional (note: The JSON name is a guess: the go docs show the field as `Meows`.)
              barks: boolean optional (note: The JSON name is a guess: the go docs show the field as `Barks`.)
            Cat struct @Cat.md:1
              pet_type: string required (note: The JSON name is a guess: the go docs show the field as `PetType`.)
              meows: boolean optional (note: The JSON name is a guess: the go docs show the field as `Meows`.)
            Code int enum [1, 2, 3]
            Dog struct @Dog.md:1
              pet_type: string required (note: The JSON name is a guess: the go docs show the field as `PetType`.)
              barks: boolean optional (note: The JSON name is a guess: the go docs show the field as `Barks`.)
            Either struct @Either.md:1
              name: string required (note: The JSON name is a guess: the go docs show the field as `Name`.)
              address_lines: [string] optional (note: The JSON name is a guess: the go docs show the field as `AddressLines`.)
              pet_type: string required (note: The JSON name is a guess: the go docs show the field as `PetType`.)
              meows: boolean optional (note: The JSON name is a guess: the go docs show the field as `Meows`.)
            Key alias any -- The docs do not say what this type holds; it is read as any JSON value.
            Named struct @Named.md:1
              name: string required (note: The JSON name is a guess: the go docs show the field as `Name`.)
              address_lines: [string] optional (note: The JSON name is a guess: the go docs show the field as `AddressLines`.)
              nickname: string optional (note: The JSON name is a guess: the go docs show the field as `Nickname`.)
            Owner struct @Owner.md:1
              name: string required (note: The JSON name is a guess: the go docs show the field as `Name`.)
              address_lines: [string] optional (note: The JSON name is a guess: the go docs show the field as `AddressLines`.)
            Pet struct @Pet.md:1
              id: string required ReadOnly -- The pet's id. (note: The JSON name is a guess: the go docs show the field as `Id`.)
              name: string required (note: The JSON name is a guess: the go docs show the field as `Name`.)
              class: string optional -- Zoological class. (note: The JSON name is a guess: the go docs show the field as `Class`.)
              type: string optional -- A reserved word in most languages. (note: The JSON name is a guess: the go docs show the field as `Type`.)
              tags: [string] optional -- Tags, e.g. `cute`. (note: The JSON name is a guess: the go docs show the field as `Tags`.)
              owner: Owner optional (note: The JSON name is a guess: the go docs show the field as `Owner`.)
              status: PetStatus required (note: The JSON name is a guess: the go docs show the field as `Status`.)
              metadata: {any} optional -- Free-form metadata. (note: The JSON name is a guess: the go docs show the field as `Metadata`.)
              scores: [[float]] optional -- Score rows. (note: The JSON name is a guess: the go docs show the field as `Scores`.)
              nickname: string optional nullable -- May be null. (note: The JSON name is a guess: the go docs show the field as `Nickname`.)
              nullable_required: string required nullable -- Required, and may be null. (note: The JSON name is a guess: the go docs show the field as `NullableRequired`.)
              nullable_owner: Owner optional nullable (note: The JSON name is a guess: the go docs show the field as `NullableOwner`.)
              created_at: datetime optional (note: The JSON name is a guess: the go docs show the field as `CreatedAt`.)
              born_on: string optional (note: The JSON name is a guess: the go docs show the field as `BornOn`.)
              friendly: boolean optional = true (note: The JSON name is a guess: the go docs show the field as `Friendly`.)
              history: [PetStatus] optional (note: The JSON name is a guess: the go docs show the field as `History`.)
              count: int32 optional (note: The JSON name is a guess: the go docs show the field as `Count`.)
              big: int64 optional (note: The JSON name is a guess: the go docs show the field as `Big`.)
              integer: int32 optional (note: The JSON name is a guess: the go docs show the field as `Integer`.)
              ratio: float optional (note: The JSON name is a guess: the go docs show the field as `Ratio`.)
              weight: double optional (note: The JSON name is a guess: the go docs show the field as `Weight`.)
              number: float optional (note: The JSON name is a guess: the go docs show the field as `Number`.)
              photo: string optional (note: The JSON name is a guess: the go docs show the field as `Photo`.)
              upload: binary optional (note: The JSON name is a guess: the go docs show the field as `Upload`.)
              homepage: string optional (note: The JSON name is a guess: the go docs show the field as `Homepage`.)
              email: string optional (note: The JSON name is a guess: the go docs show the field as `Email`.)
              ids: [string] optional (note: The JSON name is a guess: the go docs show the field as `Ids`.)
              extra: [{any}] optional (note: The JSON name is a guess: the go docs show the field as `Extra`.)
              payload: any optional (note: The JSON name is a guess: the go docs show the field as `Payload`.)
              size: string optional = "small" -- Size class. (note: The JSON name is a guess: the go docs show the field as `Size`.)
              priority: int32 optional (note: The JSON name is a guess: the go docs show the field as `Priority`.)
              labels: {Owner} optional (note: The JSON name is a guess: the go docs show the field as `Labels`.)
              counts: {int32} optional (note: The JSON name is a guess: the go docs show the field as `Counts`.)
              groups: {[string]} optional (note: The JSON name is a guess: the go docs show the field as `Groups`.)
              matrix: {{string}} optional (note: The JSON name is a guess: the go docs show the field as `Matrix`.)
              rows: [{string}] optional (note: The JSON name is a guess: the go docs show the field as `Rows`.)
              nullable_tags: [string] optional (note: The JSON name is a guess: the go docs show the field as `NullableTags`.)
              nullable_count: int32 optional nullable (note: The JSON name is a guess: the go docs show the field as `NullableCount`.)
              nullable_flag: boolean optional nullable (note: The JSON name is a guess: the go docs show the field as `NullableFlag`.)
              nullable_at: datetime optional nullable (note: The JSON name is a guess: the go docs show the field as `NullableAt`.)
              nullable_ratio: float optional nullable (note: The JSON name is a guess: the go docs show the field as `NullableRatio`.)
              old: string optional (note: The JSON name is a guess: the go docs show the field as `Old`.)
              secret: string optional (note: The JSON name is a guess: the go docs show the field as `Secret`.)
              parent: Pet optional (note: The JSON name is a guess: the go docs show the field as `Parent`.)
              animal: Animal optional (note: The JSON name is a guess: the go docs show the field as `Animal`.)
              code: Code optional (note: The JSON name is a guess: the go docs show the field as `Code`.)
              key: Key optional (note: The JSON name is a guess: the go docs show the field as `Key`.)
            PetStatus enum ["available", "pending", "sold"]
            skipped DefaultAPI.md
            loss Key.md:5: `Key` has an empty table (an enum whose values the go docs do not list, a oneOf of scalars, or an object without properties): read as any JSON value
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
fn link_to_a_missing_model_is_any_value_with_a_warning() {
    check(
        TS,
        &[(
            "Thing.md",
            &ts_table("**a** | [**Tag**](Tag.md) |  | [optional]"),
        )],
        expect![[r#"
            dialect typescript
            Thing struct @Thing.md:1
              a: any optional
            loss Thing.md:8: `Tag` is linked (Tag.md) but not among the docs read: read as any JSON value
        "#]],
    );
}

#[test]
fn link_to_a_missing_model_is_an_error_when_strict() {
    check_strict(
        TS,
        &[(
            "Thing.md",
            &ts_table("**a** | [**Tag**](Tag.md) |  | [optional]"),
        )],
        expect![[r#"
            error: docs/Thing.md:8:9: `Tag` is linked (Tag.md) but not among the docs read
             8 | **a** | [**Tag**](Tag.md) |  | [optional]
               |         ^"#]],
    );
}

#[test]
fn unknown_generic_is_any_value_with_a_warning_or_an_error_when_strict() {
    let row = ts_table("**a** | **Foo&lt;string&gt;** |  | [optional]");
    check(
        TS,
        &[("Thing.md", &row)],
        expect![[r#"
        dialect typescript
        Thing struct @Thing.md:1
          a: any optional
        loss Thing.md:8: type "Foo<string>" is not one this reader knows: read as any JSON value
    "#]],
    );
    check_strict(
        TS,
        &[("Thing.md", &row)],
        expect![[r#"
        error: docs/Thing.md:8:9: type "Foo<string>" is not one this reader knows
         8 | **a** | **Foo&lt;string&gt;** |  | [optional]
           |         ^"#]],
    );
}

#[test]
fn empty_table_is_any_value_with_a_warning_or_an_error_when_strict() {
    let doc = "# Key\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";
    check(
        TS,
        &[("Key.md", doc)],
        expect![[r#"
        dialect typescript
        Key alias any -- The docs do not say what this type holds; it is read as any JSON value.
        loss Key.md:5: `Key` has an empty table (an enum whose values the typescript docs do not list, a oneOf of scalars, or an object without properties): read as any JSON value
    "#]],
    );
    check_strict(
        TS,
        &[("Key.md", doc)],
        expect![[r#"
        error: docs/Key.md:5:1: `Key` has an empty table (an enum whose values the typescript docs do not list, a oneOf of scalars, or an object without properties)
         5 | Name | Type | Description | Notes
           | ^"#]],
    );
}

#[test]
fn rust_union_members_are_listed_by_type() {
    let doc = "# Key\n\n## Enum Variants\n\n| Name | Description |\n|---- | -----|\n| String | A name or a number. |\n| i32 | A name or a number. |\n| models::Thing | A thing. |\n| Vec<serde_json::Value> | A list. |\n";
    let thing = "# Thing\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**a** | **String** |  | \n";
    check(
        Some(Dialect::Rust),
        &[("Key.md", doc), ("Thing.md", thing)],
        expect![[r#"
            dialect rust
            Key union by None ["string", "int32", "Thing", "[any]"]
            Thing struct @Thing.md:1
              a: string required
        "#]],
    );
}

#[test]
fn rust_inline_enum_values_come_from_the_description() {
    let doc = "# Check\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**result** | Option<**Result**> | The result. (enum: clear, consider) | [optional][default to Clear]\n**report_name** | **ReportName** | (enum: watchlist_aml) | \n**status** | Option<[**models::ReportName**](ReportName.md)> | A model of that name. | [optional]\n";
    let report_name = "# ReportName\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n| Document | document |\n";
    check(
        Some(Dialect::Rust),
        &[("Check.md", doc), ("ReportName.md", report_name)],
        expect![[r#"
            dialect rust
            Check struct @Check.md:1
              result: CheckResult optional = "clear" -- The result.
              report_name: CheckReportName required
              status: ReportName optional -- A model of that name.
            ReportName enum ["document"]
            CheckResult enum ["clear", "consider"] inline -- Values of `Result` in `Check`: an inline enum of the docs.
            CheckReportName enum ["watchlist_aml"] inline -- Values of `ReportName` in `Check`: an inline enum of the docs.
        "#]],
    );
}

#[test]
fn java_inline_enums_of_lists_are_enums_of_their_own() {
    let doc = "# Card\n\n## Properties\n\n| Name | Type | Description | Notes |\n|------------ | ------------- | ------------- | -------------|\n|**availablePayoutMethods** | [**List&lt;AvailablePayoutMethodsEnum&gt;**](#List&lt;AvailablePayoutMethodsEnum&gt;) | Methods. |  [optional] |\n\n\n## Enum: List&lt;AvailablePayoutMethodsEnum&gt;\n\n| Name | Value |\n|---- | -----|\n| INSTANT | &quot;instant&quot; |\n| STANDARD | &quot;standard&quot; |\n";
    check(
        Some(Dialect::Java),
        &[("Card.md", doc)],
        expect![[r#"
            dialect java
            Card struct @Card.md:1
              available_payout_methods: [CardAvailablePayoutMethods] optional -- Methods. (note: The JSON name is a guess: the java docs show the field as `availablePayoutMethods`.)
            CardAvailablePayoutMethods enum ["instant", "standard"] inline -- Values of `AvailablePayoutMethodsEnum` in `Card`: an inline enum of the docs.
        "#]],
    );
}

#[test]
fn ruby_one_of_keeps_the_discriminator_mapping() {
    let doc = "# Onfido::Animal\n\n## Class instance methods\n\n### `openapi_one_of`\n\n```ruby\nOnfido::Animal.openapi_one_of\n# =>\n# [\n#   :'Cat',\n#   :'Dog'\n# ]\n```\n\n### `openapi_discriminator_name`\n\n```ruby\nOnfido::Animal.openapi_discriminator_name\n# => :'pet_type'\n```\n\n### `openapi_discriminator_name`\n\n```ruby\nOnfido::Animal.openapi_discriminator_mapping\n# =>\n# {\n#   :'cat' => :'Cat',\n#   :'kitten' => :'Cat'\n# }\n```\n";
    let cat = "# Onfido::Cat\n\n## Properties\n\n| Name | Type | Description | Notes |\n| ---- | ---- | ----------- | ----- |\n| **pet_type** | **String** |  |  |\n";
    let dog = cat.replace("Cat", "Dog");
    check(
        Some(Dialect::Ruby),
        &[("Animal.md", doc), ("Cat.md", cat), ("Dog.md", &dog)],
        expect![[r#"
            dialect ruby
            Animal union by Some("pet_type") ["cat: Cat", "kitten: Cat", "Dog: Dog"]
            Cat struct @Cat.md:1
              pet_type: string required
            Dog struct @Dog.md:1
              pet_type: string required
        "#]],
    );
}

#[test]
fn typescript_union_with_null_is_nullable_and_its_pipes_stay_in_the_cell() {
    let rows = "**a** | **string | null** |  | \n**b** | **{ [key: string]: string | null; }** | x | [optional]\n**c** | **string | number** |  | [optional]";
    check(
        TS,
        &[("Thing.md", &ts_table(rows))],
        expect![[r#"
        dialect typescript
        Thing struct @Thing.md:1
          a: string required nullable
          b: {string} optional -- x
          c: any optional
        loss Thing.md:10: type "string | number" is not one this reader knows: read as any JSON value
    "#]],
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
            &Options {
                dialect: TS,
                ..Options::default()
            },
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
            if let Ok(mut text) = std::fs::read_to_string(entry.path()) {
                // go's accessor docs, which the reader passes over, would only slow this down.
                if let Some(methods) = text.find("\n## Methods") {
                    text.truncate(methods);
                }
                files.push((entry.path(), text));
            }
        }
    }
    let mut runs = 0;
    for (path, text) in &files {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            // Only the lines the reader looks at: headings, table rows, list items, ruby symbols.
            if !line.starts_with(['#', '|', '*']) || line.starts_with("###") {
                continue;
            }
            let cuts: Vec<usize> = line.char_indices().map(|(k, _)| k).step_by(11).collect();
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
            models: 6 agree, 6 differ only by what docs cannot express, 0 disagree (0 only in docs, 2 only in spec)
            fields: 33 agree, 23 differ only by what docs cannot express, 0 disagree

            Animal (Animal): differs only by what docs cannot express
              ~ docs describe a struct, spec a union

            Either (Either): differs only by what docs cannot express
              ~ docs describe a struct, spec a union

            Key (Key): differs only by what docs cannot express
              ~ docs describe an alias, spec a union

            Pet (Pet): differs only by what docs cannot express
              ~ id: type: docs string, spec uuid (docs show string formats as plain strings)
              ~ metadata: type: docs {string: any}, spec object (docs do not tell a free-form object from a map)
              ~ nickname: docs say not nullable, spec nullable
              ~ nullable_required: docs say not nullable, spec nullable
              ~ nullable_owner: docs say not nullable, spec nullable
              ~ created_at: type: docs string, spec datetime (docs show string formats as plain strings)
              ~ born_on: type: docs string, spec date (docs show string formats as plain strings)
              ~ count: type: docs double, spec int32 (docs show one number type for several)
              ~ big: type: docs double, spec int64 (docs show one number type for several)
              ~ integer: type: docs double, spec int64 (docs show one number type for several)
              ~ ratio: type: docs double, spec float (docs show one number type for several)
              ~ photo: type: docs string, spec byte (docs show string formats as plain strings)
              ~ homepage: type: docs string, spec uri (docs show string formats as plain strings)
              ~ ids: type: docs [string], spec [uuid] (docs show string formats as plain strings)
              ~ extra: type: docs [{string: any}], spec [object] (docs do not tell a free-form object from a map)
              ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)
              ~ priority: type: docs double, spec PetPriority (docs show an inline enum as its value type)
              ~ counts: type: docs {string: double}, spec {string: int32} (docs show one number type for several)
              ~ nullable_tags: docs say not nullable, spec nullable
              ~ nullable_count: type: docs double, spec int32 (docs show one number type for several)
              ~ nullable_count: docs say not nullable, spec nullable
              ~ nullable_flag: docs say not nullable, spec nullable
              ~ nullable_at: type: docs string, spec datetime (docs show string formats as plain strings)
              ~ nullable_at: docs say not nullable, spec nullable
              ~ nullable_ratio: docs say not nullable, spec nullable

            PetPriority (spec Pet_priority): differs only by what docs cannot express
              ~ no doc of its own: the docs show it as double

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
            models: 6 agree, 6 differ only by what docs cannot express, 0 disagree (0 only in docs, 2 only in spec)
            fields: 36 agree, 20 differ only by what docs cannot express, 0 disagree

            Animal (Animal): differs only by what docs cannot express
              ~ docs describe a struct, spec a union

            Either (Either): differs only by what docs cannot express
              ~ docs describe a struct, spec a union

            Key (Key): differs only by what docs cannot express
              ~ docs describe an alias, spec a union

            Pet (Pet): differs only by what docs cannot express
              ~ id: type: docs string, spec uuid (docs show string formats as plain strings)
              ~ metadata: type: docs {string: object}, spec object (docs do not tell a free-form object from a map)
              ~ nickname: docs say not nullable, spec nullable
              ~ nullable_required: docs say not nullable, spec nullable
              ~ nullable_owner: docs say not nullable, spec nullable
              ~ count: type: docs int64, spec int32 (docs show one number type for several)
              ~ ratio: type: docs double, spec float (docs show one number type for several)
              ~ photo: type: docs binary, spec byte (docs show one type for base64 text and raw bytes)
              ~ homepage: type: docs string, spec uri (docs show string formats as plain strings)
              ~ ids: type: docs [string], spec [uuid] (docs show string formats as plain strings)
              ~ extra: type: docs [{string: object}], spec [object] (docs do not tell a free-form object from a map)
              ~ payload: type: docs object, spec any (docs show an untyped value as object)
              ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)
              ~ priority: type: docs int64, spec PetPriority (docs show an inline enum as its value type)
              ~ counts: type: docs {string: int64}, spec {string: int32} (docs show one number type for several)
              ~ nullable_tags: docs say not nullable, spec nullable
              ~ nullable_count: type: docs int64, spec int32 (docs show one number type for several)
              ~ nullable_count: docs say not nullable, spec nullable
              ~ nullable_flag: docs say not nullable, spec nullable
              ~ nullable_at: docs say not nullable, spec nullable
              ~ nullable_ratio: docs say not nullable, spec nullable

            PetPriority (spec Pet_priority): differs only by what docs cannot express
              ~ no doc of its own: the docs show it as int64

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
            models: 8 agree, 4 differ only by what docs cannot express, 0 disagree (0 only in docs, 0 only in spec)
            fields: 43 agree, 13 differ only by what docs cannot express, 0 disagree

            Animal (Animal): differs only by what docs cannot express
              ~ docs describe a struct, spec a union

            Either (Either): differs only by what docs cannot express
              ~ docs describe a struct, spec a union

            Key (Key): differs only by what docs cannot express
              ~ docs describe an alias, spec a union

            Pet (Pet): differs only by what docs cannot express
              ~ metadata: type: docs {string: object}, spec object (docs do not tell a free-form object from a map)
              ~ nickname: docs say not nullable, spec nullable
              ~ nullable_required: docs say not nullable, spec nullable
              ~ nullable_owner: docs say not nullable, spec nullable
              ~ integer: type: docs int32, spec int64 (docs show one number type for several)
              ~ upload: type: docs any, spec binary (docs show a type they cannot spell as any)
              ~ extra: type: docs [{string: object}], spec [object] (docs do not tell a free-form object from a map)
              ~ payload: type: docs object, spec any (docs show an untyped value as object)
              ~ nullable_tags: docs say not nullable, spec nullable
              ~ nullable_count: docs say not nullable, spec nullable
              ~ nullable_flag: docs say not nullable, spec nullable
              ~ nullable_at: docs say not nullable, spec nullable
              ~ nullable_ratio: docs say not nullable, spec nullable
        "#]],
    );
}

#[test]
fn ruby_against_spec() {
    check_against_spec(
        "ruby",
        expect![[r#"
            models: 7 agree, 5 differ only by what docs cannot express, 0 disagree (0 only in docs, 2 only in spec)
            fields: 36 agree, 20 differ only by what docs cannot express, 0 disagree

            Code (Code): differs only by what docs cannot express
              ~ docs describe an alias, spec an enum

            Pet (Pet): differs only by what docs cannot express
              ~ id: type: docs string, spec uuid (docs show string formats as plain strings)
              ~ metadata: type: docs {string: object}, spec object (docs do not tell a free-form object from a map)
              ~ nickname: docs say not nullable, spec nullable
              ~ nullable_required: docs say not nullable, spec nullable
              ~ nullable_owner: docs say not nullable, spec nullable
              ~ count: type: docs int64, spec int32 (docs show one number type for several)
              ~ ratio: type: docs double, spec float (docs show one number type for several)
              ~ photo: type: docs string, spec byte (docs show string formats as plain strings)
              ~ homepage: type: docs string, spec uri (docs show string formats as plain strings)
              ~ ids: type: docs [string], spec [uuid] (docs show string formats as plain strings)
              ~ extra: type: docs [{string: object}], spec [object] (docs do not tell a free-form object from a map)
              ~ payload: type: docs object, spec any (docs show an untyped value as object)
              ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)
              ~ priority: type: docs int64, spec PetPriority (docs show an inline enum as its value type)
              ~ counts: type: docs {string: int64}, spec {string: int32} (docs show one number type for several)
              ~ nullable_tags: docs say not nullable, spec nullable
              ~ nullable_count: type: docs int64, spec int32 (docs show one number type for several)
              ~ nullable_count: docs say not nullable, spec nullable
              ~ nullable_flag: docs say not nullable, spec nullable
              ~ nullable_at: docs say not nullable, spec nullable
              ~ nullable_ratio: docs say not nullable, spec nullable

            PetPriority (spec Pet_priority): differs only by what docs cannot express
              ~ no doc of its own: the docs show it as int64

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
            models: 4 agree, 8 differ only by what docs cannot express, 0 disagree (0 only in docs, 2 only in spec)
            fields: 36 agree, 20 differ only by what docs cannot express, 0 disagree

            Animal (Animal): differs only by what docs cannot express
              ~ docs describe a struct, spec a union

            Code (Code): differs only by what docs cannot express
              ~ docs describe an alias, spec an enum

            Either (Either): differs only by what docs cannot express
              ~ docs describe a struct, spec a union

            Key (Key): differs only by what docs cannot express
              ~ docs describe an alias, spec a union

            Pet (Pet): differs only by what docs cannot express
              ~ id: type: docs string, spec uuid (docs show string formats as plain strings)
              ~ metadata: type: docs {string: any}, spec object (docs do not tell a free-form object from a map)
              ~ nickname: docs say not nullable, spec nullable
              ~ nullable_required: docs say not nullable, spec nullable
              ~ nullable_owner: docs say not nullable, spec nullable
              ~ born_on: type: docs datetime, spec date (docs show dates as date-times)
              ~ count: type: docs int64, spec int32 (docs show one number type for several)
              ~ ratio: type: docs double, spec float (docs show one number type for several)
              ~ photo: type: docs string, spec byte (docs show string formats as plain strings)
              ~ homepage: type: docs string, spec uri (docs show string formats as plain strings)
              ~ ids: type: docs [string], spec [uuid] (docs show string formats as plain strings)
              ~ extra: type: docs [{string: any}], spec [object] (docs do not tell a free-form object from a map)
              ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)
              ~ priority: type: docs int64, spec PetPriority (docs show an inline enum as its value type)
              ~ counts: type: docs {string: int64}, spec {string: int32} (docs show one number type for several)
              ~ nullable_tags: docs say not nullable, spec nullable
              ~ nullable_count: type: docs int64, spec int32 (docs show one number type for several)
              ~ nullable_count: docs say not nullable, spec nullable
              ~ nullable_flag: docs say not nullable, spec nullable
              ~ nullable_at: docs say not nullable, spec nullable
              ~ nullable_ratio: docs say not nullable, spec nullable

            PetPriority (spec Pet_priority): differs only by what docs cannot express
              ~ no doc of its own: the docs show it as int64

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
            models: 7 agree, 5 differ only by what docs cannot express, 0 disagree (0 only in docs, 2 only in spec)
            fields: 40 agree, 16 differ only by what docs cannot express, 0 disagree

            Animal (Animal): differs only by what docs cannot express
              ~ docs describe an alias, spec a union

            Key (Key): differs only by what docs cannot express
              ~ type: docs int32, spec int64 (docs show one number type for several)

            Pet (Pet): differs only by what docs cannot express
              ~ metadata: type: docs {string: any}, spec object (docs do not tell a free-form object from a map)
              ~ nickname: docs say not nullable, spec nullable
              ~ nullable_owner: docs say not nullable, spec nullable
              ~ created_at: type: docs string, spec datetime (docs show string formats as plain strings)
              ~ born_on: type: docs string, spec date (docs show string formats as plain strings)
              ~ integer: type: docs int32, spec int64 (docs show one number type for several)
              ~ photo: type: docs string, spec byte (docs show string formats as plain strings)
              ~ homepage: type: docs string, spec uri (docs show string formats as plain strings)
              ~ extra: type: docs [{string: any}], spec [object] (docs do not tell a free-form object from a map)
              ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)
              ~ priority: type: docs int32, spec PetPriority (docs show an inline enum as its value type)
              ~ nullable_tags: docs say not nullable, spec nullable
              ~ nullable_count: docs say not nullable, spec nullable
              ~ nullable_flag: docs say not nullable, spec nullable
              ~ nullable_at: type: docs string, spec datetime (docs show string formats as plain strings)
              ~ nullable_at: docs say not nullable, spec nullable
              ~ nullable_ratio: docs say not nullable, spec nullable

            PetPriority (spec Pet_priority): differs only by what docs cannot express
              ~ no doc of its own: the docs show it as int32

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
            models: 6 agree, 6 differ only by what docs cannot express, 0 disagree (0 only in docs, 2 only in spec)
            fields: 42 agree, 14 differ only by what docs cannot express, 0 disagree

            Animal (Animal): differs only by what docs cannot express
              ~ docs describe a struct, spec a union

            Either (Either): differs only by what docs cannot express
              ~ docs describe a struct, spec a union

            Key (Key): differs only by what docs cannot express
              ~ docs describe an alias, spec a union

            Pet (Pet): differs only by what docs cannot express
              ~ id: type: docs string, spec uuid (docs show string formats as plain strings)
              ~ metadata: type: docs {string: any}, spec object (docs do not tell a free-form object from a map)
              ~ scores: type: docs [[float]], spec [[double]] (docs show one number type for several)
              ~ born_on: type: docs string, spec date (docs show string formats as plain strings)
              ~ integer: type: docs int32, spec int64 (docs show one number type for several)
              ~ number: type: docs float, spec double (docs show one number type for several)
              ~ photo: type: docs string, spec byte (docs show string formats as plain strings)
              ~ homepage: type: docs string, spec uri (docs show string formats as plain strings)
              ~ ids: type: docs [string], spec [uuid] (docs show string formats as plain strings)
              ~ extra: type: docs [{string: any}], spec [object] (docs do not tell a free-form object from a map)
              ~ size: type: docs string, spec PetSize (docs show an inline enum as its value type)
              ~ priority: type: docs int32, spec PetPriority (docs show an inline enum as its value type)
              ~ nullable_tags: docs say not nullable, spec nullable
              ~ nullable_ratio: type: docs float, spec double (docs show one number type for several)

            PetPriority (spec Pet_priority): differs only by what docs cannot express
              ~ no doc of its own: the docs show it as int32

            PetSize (spec Pet_size): differs only by what docs cannot express
              ~ no doc of its own: the docs show it as string
        "#]],
    );
}

/// Runs `modelgen generate FILE --out models.rs [--strict]` on a copy of Onfido's `WorkflowRun.md`
/// saved as `name`, alone in a directory; returns exit code, stderr and the code written.
fn generate_one_doc(name: &str, strict: bool) -> (Option<i32>, String, String) {
    let dir = support::TempDir::new("one-doc");
    let doc = std::fs::read_to_string(fixtures("docs-typescript/WorkflowRun.md")).unwrap();
    dir.write(&[(name, &doc)]);
    let out = dir.path().join("models.rs");
    let mut command = Command::new(env!("CARGO_BIN_EXE_modelgen"));
    command
        .arg("generate")
        .arg(dir.path().join(name))
        .arg("--out")
        .arg(&out);
    if strict {
        command.arg("--strict");
    }
    let output = command.output().unwrap();
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&format!("{}/", dir.path().display()), "");
    let code = std::fs::read_to_string(&out).unwrap_or_default();
    (output.status.code(), stderr, code)
}

#[test]
fn one_doc_alone_generates_its_struct_and_names_the_models_it_lacks() {
    let mut seen = Vec::new();
    for name in ["WorkflowRun.md", "WorkflowRun.txt", "WorkflowRun"] {
        let (code, stderr, rust) = generate_one_doc(name, false);
        assert_eq!(code, Some(0), "{name}: {stderr}");
        assert!(rust.contains("pub struct WorkflowRun {"), "{name}: {rust}");
        let warnings: Vec<String> = stderr
            .lines()
            .filter(|l| l.starts_with("warning"))
            .map(|l| l.replace(&format!(" {name}:"), " DOC:"))
            .collect();
        seen.push(warnings);
    }
    assert!(seen.iter().all(|w| *w == seen[0]), "{seen:#?}");
    expect![[r#"
        [
            "warning: DOC:12:12: `WorkflowRunLink` is linked (WorkflowRunLink.md) but not among the docs read: read as any JSON value",
            "warning: DOC:18:14: `WorkflowRunStatus` is linked (WorkflowRunStatus.md) but not among the docs read: read as any JSON value",
            "warning: DOC:21:13: `WorkflowRunError` is linked (WorkflowRunError.md) but not among the docs read: read as any JSON value",
        ]
    "#]]
    .assert_debug_eq(&seen[0]);
}

#[test]
fn one_doc_alone_with_strict_stops_on_every_model_it_lacks() {
    let (code, stderr, rust) = generate_one_doc("WorkflowRun.md", true);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(rust.is_empty());
    assert!(
        stderr.contains("error: WorkflowRun.md:12:12: `WorkflowRunLink` is linked (WorkflowRunLink.md) but not among the docs read"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("error: ").count(), 3, "{stderr}");
}

#[test]
fn a_file_is_a_doc_or_a_spec_by_its_content() {
    let dir = support::TempDir::new("sniff");
    let doc = std::fs::read_to_string(fixtures("markdown/typescript/Owner.md")).unwrap();
    let spec = std::fs::read_to_string(fixtures("markdown/pets.yaml")).unwrap();
    dir.write(&[
        ("doc.txt", &doc),
        ("doc.yaml", &doc),
        ("spec.md", &spec),
        ("spec.txt", &spec),
        ("spec.json", "{\"openapi\": \"3.0.0\"}"),
        ("empty.md", ""),
        ("empty.txt", ""),
    ]);
    let is_doc = |name: &str| modelgen::input::is_doc(&dir.path().join(name));
    assert!(is_doc("doc.txt") && is_doc("doc.yaml") && is_doc("empty.md"));
    assert!(
        !is_doc("spec.md") && !is_doc("spec.txt") && !is_doc("spec.json") && !is_doc("empty.txt")
    );
    match modelgen::input::load(&dir.path().join("doc.txt")) {
        Ok(l) => assert_eq!(l.model.types[0].name, "doc"),
        Err(e) => panic!("{e}"),
    }
}

/// The docs of every generator version kept (`fixtures/markdown/versions/`) are read in the dialect
/// of their folder and truly disagree with `pets.yaml` nowhere.
#[test]
fn every_version_agrees_with_the_spec_up_to_what_docs_cannot_express() {
    let spec = match modelgen::input::openapi::load(&fixtures("markdown/pets.yaml")) {
        Ok(s) => s.model,
        Err(e) => panic!("{e}"),
    };
    let mut seen = 0;
    for version in std::fs::read_dir(fixtures("markdown/versions"))
        .unwrap()
        .flatten()
    {
        for lang in std::fs::read_dir(version.path()).unwrap().flatten() {
            let docs = match markdown::load_with(&lang.path(), &Options::default()) {
                Ok(d) => d,
                Err(e) => panic!("{e}"),
            };
            let name = lang.file_name().to_string_lossy().into_owned();
            assert_eq!(docs.dialect.name(), name, "{}", lang.path().display());
            let report = modelgen::crosscheck::crosscheck(&docs.loaded.model, &spec);
            let s = report.summary;
            assert_eq!(
                (s.models.disagree, s.fields.disagree),
                (0, 0),
                "{}:\n{report}",
                lang.path().display()
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 9);
}
