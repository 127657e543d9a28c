//! The OpenAPI loader on small specs written for each feature: one helper, many short cases.

mod support;

use expect_test::{expect, Expect};
use modelgen::input::openapi;
use support::{describe, spec_with_schemas, TempDir};

/// Loads `components/schemas` = `schemas` and compares the IR's short form.
fn check(schemas: &str, want: Expect) {
    check_files(&[("openapi.yaml", &spec_with_schemas(schemas))], want);
}

/// Loads `openapi.yaml` from `files` and compares the IR's short form (or the error).
fn check_files(files: &[(&str, &str)], want: Expect) {
    let dir = TempDir::new("case");
    dir.write(files);
    let got = match openapi::load(&dir.path().join("openapi.yaml")) {
        Ok(loaded) => describe(&loaded.model),
        Err(e) => e
            .to_string()
            .replace(&format!("{}/", dir.path().display()), ""),
    };
    want.assert_eq(&got);
}

#[test]
fn objects_required_and_formats() {
    check(
        r#"
thing:
  type: object
  required: [id, at]
  properties:
    id: {type: string, format: uuid}
    at: {type: string, format: date-time}
    day: {type: string, format: date}
    n32: {type: integer, format: int32}
    n64: {type: integer}
    f: {type: number, format: float}
    d: {type: number}
    b: {type: boolean}
    raw: {type: string, format: byte}
    file: {type: string, format: binary}
    link: {type: string, format: uri}
"#,
        expect![[r#"
            thing: struct
              id: uuid required
              at: datetime required
              day: date optional
              n32: int32 optional
              n64: int64 optional
              f: float optional
              d: double optional
              b: boolean optional
              raw: byte optional
              file: binary optional
              link: uri optional
        "#]],
    );
}

#[test]
fn nullable_and_optional_are_kept_apart() {
    check(
        r#"
t:
  type: object
  required: [a, b]
  properties:
    a: {type: string}
    b: {type: string, nullable: true}
    c: {type: string}
    d: {type: string, nullable: true}
    e: {type: [string, "null"]}
"#,
        expect![[r#"
            t: struct
              a: string required
              b: string required nullable
              c: string optional
              d: string optional nullable
              e: string optional nullable
        "#]],
    );
}

#[test]
fn all_of_merges_members_and_their_required() {
    check(
        r#"
shared:
  type: object
  required: [id]
  properties:
    id: {type: string}
    note: {type: string}
response:
  allOf:
    - $ref: '#/components/schemas/shared'
    - type: object
      required: [note]
      properties:
        extra: {type: integer}
"#,
        expect![[r#"
            shared: struct
              id: string required
              note: string optional
            response: struct
              id: string required
              note: string required
              extra: int64 optional
        "#]],
    );
}

#[test]
fn all_of_with_one_ref_only_attaches_a_description() {
    check(
        r#"
status: {type: string, enum: [a, b]}
run:
  type: object
  properties:
    status:
      allOf: [{$ref: '#/components/schemas/status'}]
      description: The status of the run.
    link:
      type: object
      nullable: true
      allOf: [{$ref: '#/components/schemas/status'}]
"#,
        expect![[r#"
            status: enum ["a", "b"]
            run: struct
              status: status optional /// The status of the run.
              link: status optional nullable
        "#]],
    );
}

#[test]
fn discriminated_one_of_maps_each_value_to_a_variant() {
    check(
        r#"
report:
  oneOf:
    - $ref: '#/components/schemas/doc_report'
    - $ref: '#/components/schemas/face_report'
  discriminator:
    propertyName: name
    mapping:
      document: '#/components/schemas/doc_report'
      document_video: '#/components/schemas/doc_report'
      face: face_report
doc_report:
  type: object
  required: [name]
  properties: {name: {type: string}}
face_report:
  type: object
  properties: {name: {type: string}, score: {type: number}}
"#,
        expect![[r#"
            report: union tag=Some("name")
              Some("document") => doc_report
              Some("document_video") => doc_report
              Some("face") => face_report
            doc_report: struct
              name: string required
            face_report: struct
              name: string optional
              score: double optional
        "#]],
    );
}

#[test]
fn one_of_without_discriminator_is_untagged() {
    check(
        r#"
id_or_obj:
  oneOf:
    - {type: string}
    - {type: object, properties: {id: {type: string}}}
"#,
        expect![[r#"
            id_or_obj: union tag=None
              None => string
              None => id_or_obj_oneOf_1
            id_or_obj_oneOf_1: struct inline
              id: string optional
        "#]],
    );
}

#[test]
fn inline_types_are_named_after_parent_and_property() {
    check(
        r#"
workflow_run_link:
  type: object
  properties:
    language: {type: string, enum: [en_US, de_DE], nullable: true}
    nested:
      type: object
      properties: {depth: {type: integer, enum: [1, 2]}}
    items:
      type: array
      items: {type: object, properties: {x: {type: string}}}
    titled:
      type: object
      title: Some Title
      properties: {y: {type: string}}
"#,
        expect![[r#"
            workflow_run_link: struct
              language: workflow_run_link_language optional nullable
              nested: workflow_run_link_nested optional
              items: [workflow_run_link_items_inner] optional
              titled: Some_Title optional
            workflow_run_link_language: enum ["en_US", "de_DE"] nullable inline
            workflow_run_link_nested: struct inline
              depth: workflow_run_link_nested_depth optional
            workflow_run_link_items_inner: struct inline
              x: string optional
            Some_Title: struct inline
              y: string optional
            workflow_run_link_nested_depth: int enum [1, 2] inline
        "#]],
    );
}

#[test]
fn maps_free_form_objects_and_untyped_values() {
    check(
        r#"
bag:
  type: object
  properties:
    counts: {type: object, additionalProperties: {type: integer}}
    free: {type: object}
    free_too: {type: object, additionalProperties: true}
    anything: {description: no type at all}
    list_of_maps: {type: array, items: {type: object, additionalProperties: {type: string}}}
open:
  type: object
  additionalProperties: true
  properties: {known: {type: string}}
"#,
        expect![[r#"
            bag: struct
              counts: {int64} optional
              free: object optional
              free_too: object optional
              anything: any optional /// no type at all
              list_of_maps: [{string}] optional
            open: struct +{any}
              known: string optional
        "#]],
    );
}

#[test]
fn refs_across_files_relative_to_the_referring_file_and_chains() {
    check_files(
        &[
            (
                "openapi.yaml",
                r#"
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /runs:
    get:
      operationId: list_runs
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: schemas/runs/run.yaml}
"#,
            ),
            (
                "schemas/runs/run.yaml",
                r#"
type: object
properties:
  link: {$ref: 'definitions.yaml#/run_link'}
  status: {$ref: '../common.yaml#/status_alias'}
"#,
            ),
            (
                "schemas/runs/definitions.yaml",
                "run_link: {type: object, properties: {url: {type: string}}}\n",
            ),
            (
                "schemas/common.yaml",
                "status_alias: {$ref: '#/status'}\nstatus: {type: string, enum: [ok]}\n",
            ),
        ],
        expect![[r#"
            run: struct
              link: run_link optional
              status: status_alias optional
            run_link: struct
              url: string optional
            status_alias: alias status
            status: enum ["ok"]
        "#]],
    );
}

#[test]
fn inline_bodies_take_their_title_or_the_operation_id() {
    check_files(
        &[(
            "openapi.yaml",
            r#"
openapi: 3.0.0
info: {title: t, version: '1'}
paths:
  /things:
    post:
      operationId: create_thing
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {a: {type: string}}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, title: Things list, properties: {b: {type: string}}}
"#,
        )],
        expect![[r#"
            create_thing_request: struct inline
              a: string optional
            Things_list: struct inline
              b: string optional
        "#]],
    );
}

#[test]
fn a_second_schema_with_a_taken_name_gets_a_suffix() {
    check_files(
        &[
            (
                "openapi.yaml",
                r#"
openapi: 3.0.0
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: 'a/item.yaml'}}}}
        '400': {description: ok, content: {application/json: {schema: {$ref: 'b/item.yaml'}}}}
"#,
            ),
            (
                "a/item.yaml",
                "type: object\nproperties: {x: {type: string}}\n",
            ),
            (
                "b/item.yaml",
                "type: object\nproperties: {y: {type: string}}\n",
            ),
        ],
        expect![[r#"
            item: struct
              x: string optional
            item_1: struct
              y: string optional
        "#]],
    );
}

#[test]
fn unresolved_refs_name_the_file_pointer_line_and_the_chain_of_refs() {
    check_files(
        &[
            (
                "openapi.yaml",
                &spec_with_schemas("a: {$ref: 'defs.yaml#/b'}\n"),
            ),
            (
                "defs.yaml",
                "b:\n  type: object\n  properties:\n    c: {$ref: '#/missing'}\n",
            ),
        ],
        expect![[r##"
            error: defs.yaml:4:8 (#/b/properties/c): unresolved $ref "#/missing": defs.yaml has nothing at #/missing
             4 |     c: {$ref: '#/missing'}
               |        ^
               reached through `a` (openapi.yaml#/components/schemas/a)
                          then `b` (defs.yaml#/b)"##]],
    );
}

#[test]
fn missing_files_and_bad_documents_are_errors_not_panics() {
    check_files(
        &[(
            "openapi.yaml",
            &spec_with_schemas("a: {$ref: 'nowhere.yaml'}\n"),
        )],
        expect![[r#"
            error: openapi.yaml:6:8 (#/components/schemas/a): unresolved $ref "nowhere.yaml": nowhere.yaml: cannot read the file: No such file or directory (os error 2)
             6 |     a: {$ref: 'nowhere.yaml'}
               |        ^"#]],
    );
    check_files(
        &[("openapi.yaml", "swagger: '1.2'\n")],
        expect!["error: openapi.yaml:1:1 (#): unsupported Swagger version: expected Swagger 2.0 or OpenAPI 3.x\n 1 | swagger: '1.2'\n   | ^"],
    );
    check_files(
        &[("openapi.yaml", &spec_with_schemas("a: {type: strin}\n"))],
        expect![[r#"
            error: openapi.yaml:6:15 (#/components/schemas/a/type): unknown type `strin`: expected string, integer, number, boolean, array, object or null
             6 |     a: {type: strin}
               |               ^"#]],
    );
}

#[test]
fn json_specs_load_like_yaml_ones() {
    check_files(
        &[(
            "openapi.yaml",
            r#"{
  "openapi": "3.1.0",
  "info": {"title": "t", "version": "1"},
  "components": {"schemas": {
    "pet": {"type": "object", "required": ["id"], "properties": {
      "id": {"type": "string", "format": "uuid"},
      "tag": {"type": ["string", "null"]}
    }}
  }}
}"#,
        )],
        expect![[r#"
            pet: struct
              id: uuid required
              tag: string optional nullable
        "#]],
    );
}

/// The IR of the constructs fixtures (one schema per construct found in public specs); the crates
/// generated from them are built and their examples round-tripped in `generated_crates`.
#[test]
fn constructs_of_public_specs() {
    for (file, snapshot) in [
        (
            "constructs-3.0.yaml",
            expect_test::expect_file!["fixtures/constructs-3.0.ir"],
        ),
        (
            "constructs-3.1.json",
            expect_test::expect_file!["fixtures/constructs-3.1.ir"],
        ),
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(file);
        let loaded = openapi::load(&path).unwrap_or_else(|e| panic!("{e}"));
        snapshot.assert_eq(&describe(&loaded.model));
    }
}

/// A loop of `$ref`s with no schema in between has no Rust form: an error naming the loop.
#[test]
fn a_reference_loop_is_an_error_naming_the_loop() {
    let dir = TempDir::new("loop");
    dir.write(&[(
        "openapi.yaml",
        &spec_with_schemas("a: {$ref: '#/components/schemas/b'}\nb: {$ref: '#/components/schemas/c'}\nc: {$ref: '#/components/schemas/a'}\nok: {type: object, properties: {x: {$ref: '#/components/schemas/a'}}}"),
    )]);
    let error = modelgen::Config::new()
        .input(dir.path().join("openapi.yaml"))
        .generate()
        .unwrap_err()
        .to_string()
        .replace(&format!("{}/", dir.path().display()), "");
    expect!["error: openapi.yaml (#/components/schemas/a): a loop of references with no schema in between: a -> b -> c -> a"]
    .assert_eq(error.trim_end());
}

/// A schema the loader cannot lower stops generation, unless the configuration replaces it (or the
/// field that holds it): then the rest generates.
#[test]
fn a_replacement_reaches_what_the_loader_rejects() {
    let dir = TempDir::new("replace");
    dir.write(&[(
        "openapi.yaml",
        &spec_with_schemas("broken: {type: strange}\nholder:\n  type: object\n  properties:\n    bad: {type: object, properties: {x: {type: weird}}}\n    good: {type: string}"),
    )]);
    let path = dir.path().join("openapi.yaml");
    let stopped = modelgen::Config::new().input(&path).generate().unwrap_err();
    assert_eq!(stopped.diagnostics.len(), 2, "{stopped}");
    let generated = modelgen::Config::new()
        .input(&path)
        .replace_type("broken", "any")
        .replace_field_type("holder", "bad", "object")
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(generated
        .code
        .contains("pub type Broken = ::serde_json::Value;"));
    assert!(generated.code.contains("pub good: Nullable<String>,"));
    // Replacing something else leaves the problem an error.
    let still = modelgen::Config::new()
        .input(&path)
        .replace_type("broken", "any")
        .generate()
        .unwrap_err();
    assert!(
        still.to_string().contains("unknown type `weird`"),
        "{still}"
    );
}

/// Every operation given as a `$ref` to a file of its own, the components map and a `properties`
/// map given as `$ref`s: all followed, nothing lost.
#[test]
fn refs_wherever_multi_file_specs_put_them() {
    check_files(
        &[
            (
                "openapi.yaml",
                "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      $ref: 'ops/list_pets.yaml'\n  /owners:\n    $ref: 'paths/owners.yaml'\ncomponents:\n  schemas:\n    $ref: 'schemas.yaml'\n",
            ),
            (
                "ops/list_pets.yaml",
                "operationId: list_pets\nresponses:\n  '200':\n    $ref: '../responses/pets.yaml'\n",
            ),
            (
                "responses/pets.yaml",
                "description: pets\ncontent:\n  application/json:\n    schema:\n      type: array\n      items: {$ref: '../models/pet.yaml'}\n",
            ),
            (
                "models/pet.yaml",
                "type: object\nproperties:\n  $ref: 'pet_properties.yaml'\n",
            ),
            ("models/pet_properties.yaml", "name: {type: string}\nage: {type: integer}\n"),
            (
                "paths/owners.yaml",
                "post:\n  operationId: add_owner\n  requestBody:\n    content:\n      application/json:\n        schema: {type: object, properties: {name: {type: string}}}\n  responses: {'204': {description: ok}}\n",
            ),
            ("schemas.yaml", "tag: {type: string, enum: [a, b]}\n"),
        ],
        expect![[r#"
            tag: enum ["a", "b"]
            pet: struct
              name: string optional
              age: int64 optional
            add_owner_request: struct inline
              name: string optional
        "#]],
    );
}

/// An input with operations but no schema that was found is an error, not an empty crate.
#[test]
fn nothing_found_is_an_error() {
    check_files(
        &[(
            "openapi.yaml",
            "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      responses: {'200': {description: ok}}\n",
        )],
        expect![[r#"
            error: openapi.yaml:1:1 (#): no schema found, though the spec has 1 paths and 0 component schemas: nothing to generate
             1 | openapi: 3.0.0
               | ^"#]],
    );
}

/// One schema under two media types (here a YAML alias) is one type, not `x` and `x_1`.
#[test]
fn a_body_schema_under_two_media_types_is_one_type() {
    check_files(
        &[(
            "openapi.yaml",
            "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n      operationId: send\n      requestBody:\n        content:\n          application/json: {schema: &b {type: object, properties: {a: {type: string}}}}\n          application/xml: {schema: *b}\n      responses: {'204': {description: ok}}\n",
        )],
        expect![[r#"
            send_request: struct inline
              a: string optional
        "#]],
    );
}
