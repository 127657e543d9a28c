//! Swagger 2.0 input end to end: a reduced 2.0 spec gives the same IR and code as its hand-written 3.0
//! equivalent, names, types, nullability and bodies come out as in 3.0, diagnostics point into the 2.0
//! file, and multi-file 2.0 specs convert every file.

mod support;

use std::path::{Path, PathBuf};

use expect_test::{expect, Expect};
use modelgen::input::{self, document, swagger};
use serde_json::Value;
use support::{describe, TempDir};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/swagger")
        .join(name)
}

/// The IR as JSON, without each type's `origin` (which names the file and its own pointers).
fn ir_without_origins(path: &Path) -> Value {
    let loaded = input::load(path).unwrap_or_else(|e| panic!("{e}"));
    let mut ir = serde_json::to_value(&loaded.model).unwrap();
    for def in ir["types"].as_array_mut().unwrap() {
        def.as_object_mut().unwrap().remove("origin");
    }
    ir
}

/// Loads `spec.yaml` from `files`: the IR's short form, or the errors; then the warnings.
fn check_files(files: &[(&str, &str)], want: Expect) {
    let dir = TempDir::new("swagger");
    dir.write(files);
    let prefix = format!("{}/", dir.path().display());
    let got = match input::load(&dir.path().join("spec.yaml")) {
        Ok(loaded) => {
            let mut out = describe(&loaded.model);
            for w in &loaded.warnings {
                out.push_str(&format!("warning: {w}\n"));
            }
            out
        }
        Err(e) => e.to_string(),
    };
    want.assert_eq(&got.replace(&prefix, ""));
}

#[test]
fn a_2_0_spec_gives_the_ir_and_code_of_its_3_0_equivalent() {
    let swagger = fixture("petstore.yaml");
    let openapi = fixture("petstore-3.0.yaml");
    assert_eq!(ir_without_origins(&swagger), ir_without_origins(&openapi));
    let code = |path: &Path| {
        let generated = modelgen::Config::new().input(path).generate().unwrap();
        // The first line names the input file.
        generated.code.split_once('\n').unwrap().1.to_owned()
    };
    assert!(
        code(&swagger) == code(&openapi),
        "the generated code differs"
    );
}

/// Checks that every node of the converted `path` comes from a node of the file as written (so each
/// diagnostic names a pointer the user can find), and returns how many nodes there are.
fn check_origins(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let original = document::parse(path, &text).unwrap();
    let value = original.value.clone();
    let (converted, _) = swagger::convert(path, &text, original, false);
    let mut pointers = Vec::new();
    walk(&converted.value, String::new(), &mut pointers);
    let missing: Vec<String> = pointers
        .iter()
        .filter(|p| value.pointer(&converted.source_pointer(p)).is_none())
        .map(|p| format!("{p} -> {}", converted.source_pointer(p)))
        .collect();
    assert!(missing.is_empty(), "{}: {missing:#?}", path.display());
    pointers.len()
}

fn walk(v: &Value, pointer: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, c) in map {
                walk(c, format!("{pointer}/{}", document::escape_pointer(k)), out)
            }
        }
        Value::Array(items) => {
            for (i, c) in items.iter().enumerate() {
                walk(c, format!("{pointer}/{i}"), out)
            }
        }
        _ => {}
    }
    out.push(pointer);
}

#[test]
fn every_converted_node_comes_from_a_node_of_the_2_0_file() {
    let nodes = check_origins(&fixture("petstore.yaml"));
    assert!(nodes > 200, "{nodes}");
}

#[test]
fn types_keep_their_2_0_origin() {
    let loaded = input::load(&fixture("petstore.yaml")).unwrap();
    let origin = |name: &str| {
        let def = loaded.model.types.iter().find(|t| t.name == name).unwrap();
        def.origin.rsplit_once('#').unwrap().1.to_owned()
    };
    assert_eq!(origin("Pet"), "/definitions/Pet");
    assert_eq!(
        origin("placeOrder_request"),
        "/paths/~1store~1order/post/parameters/0/schema"
    );
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn the_reduced_petstore_reads_as_3_0_would() {
    let loaded = input::load(&fixture("petstore.yaml")).unwrap();
    expect![[r#"
        Order: struct
          id: int64 optional
          shipDate: datetime optional
          status: Order_status optional /// Order Status
          complete: boolean optional = false
        Category: struct
          id: int64 optional
          name: string optional
        Nickname: alias string nullable
        Pet: struct
          id: int64 optional
          category: Category optional
          name: string required e.g. "doggie"
          petType: string required
          nickname: Nickname optional nullable
          photoUrls: [string] required
          tags: [Tag] optional
          status: Pet_status optional /// pet status in the store
          birthday: date optional nullable
        Cat: struct
          id: int64 optional
          category: Category optional
          name: string required e.g. "doggie"
          petType: string required
          nickname: Nickname optional nullable
          photoUrls: [string] required
          tags: [Tag] optional
          status: Pet_status optional /// pet status in the store
          birthday: date optional nullable
          indoor: boolean optional
        Tag: struct
          id: int64 optional
          name: string optional
        ApiResponse: struct
          code: int32 optional
          type: string optional
          message: string optional
        updatePetWithForm_request: struct inline
          name: string optional /// Updated name of the pet
          status: string required
        uploadFile_request: struct inline
          additionalMetadata: string optional
          file: binary optional
        placeOrder_request: struct inline
          petId: int64 required
          quantity: int32 optional nullable
        Order_status: enum ["placed", "approved", "delivered"] inline /// Order Status
        Pet_status: enum ["available", "pending", "sold"] inline /// pet status in the store
    "#]]
    .assert_eq(&describe(&loaded.model));
}

#[test]
fn errors_in_converted_nodes_name_the_2_0_pointer_and_line() {
    check_files(
        &[(
            "spec.yaml",
            r#"swagger: '2.0'
info: {title: t, version: '1'}
paths:
  /p:
    post:
      parameters:
        - name: body
          in: body
          schema:
            properties:
              n: {type: intger}
      responses: {200: {description: ok}}
definitions:
  Pet:
    properties:
      x:
        type: strin
      owner:
        $ref: '#/definitions/Owner'
"#,
        )],
        expect![[r##"
            error: spec.yaml:17:15 (#/definitions/Pet/properties/x/type): unknown type `strin`: expected string, integer, number, boolean, array, object or null
             17 |         type: strin
                |               ^
            error: spec.yaml:19:9 (#/definitions/Pet/properties/owner): unresolved $ref "#/components/schemas/Owner": spec.yaml has nothing at #/components/schemas/Owner
             19 |         $ref: '#/definitions/Owner'
                |         ^
            error: spec.yaml:11:25 (#/paths/~1p/post/parameters/0/schema/properties/n/type): unknown type `intger`: expected string, integer, number, boolean, array, object or null
             11 |               n: {type: intger}
                |                         ^"##]],
    );
}

#[test]
fn what_has_no_3_0_form_is_a_warning_with_its_place() {
    check_files(
        &[(
            "spec.yaml",
            r#"swagger: '2.0'
info: {title: t, version: '1'}
paths:
  /p:
    get:
      parameters:
        - {name: t, in: query, type: array, items: {type: string}, collectionFormat: tsv}
      responses: {200: {description: ok, schema: {$ref: '#/definitions/A'}}}
definitions:
  A: {type: object, properties: {a: {type: string}}}
"#,
        )],
        expect![[r#"
            A: struct
              a: string optional
            warning: spec.yaml:7:86 (#/paths/~1p/get/parameters/0/collectionFormat): `collectionFormat: tsv` has no OpenAPI 3.0 form for a parameter in `query`: left out
             7 |         - {name: t, in: query, type: array, items: {type: string}, collectionFormat: tsv}
               |                                                                                      ^
        "#]],
    );
}

#[test]
fn every_file_of_a_multi_file_2_0_spec_is_converted() {
    check_files(
        &[
            (
                "spec.yaml",
                r#"swagger: '2.0'
info: {title: t, version: '1'}
paths:
  /pets:
    $ref: 'paths/pets.yaml'
definitions:
  Owner:
    $ref: 'definitions.yaml#/definitions/Owner'
"#,
            ),
            (
                "paths/pets.yaml",
                r#"post:
  operationId: addPet
  parameters:
    - $ref: '../parameters.yaml#/parameters/PetBody'
    - $ref: '../parameters.yaml#/parameters/Limit'
  responses:
    '200':
      description: ok
      schema:
        $ref: '../pet.yaml'
"#,
            ),
            (
                "parameters.yaml",
                r#"parameters:
  PetBody:
    name: body
    in: body
    schema:
      $ref: 'pet.yaml'
  Limit:
    name: limit
    in: query
    type: integer
"#,
            ),
            (
                "pet.yaml",
                r#"type: object
required: [name]
properties:
  name: {type: string}
  photo: {type: file}
  owner: {$ref: 'definitions.yaml#/definitions/Owner'}
"#,
            ),
            (
                "definitions.yaml",
                r#"definitions:
  Owner:
    type: object
    properties:
      nick: {type: string, x-nullable: true}
      kind: {type: wrong}
"#,
            ),
        ],
        expect![[r#"
            error: definitions.yaml:6:20 (#/definitions/Owner/properties/kind/type): unknown type `wrong`: expected string, integer, number, boolean, array, object or null
             6 |       kind: {type: wrong}
               |                    ^
               reached through `Owner` (spec.yaml#/definitions/Owner)
                          then `Owner_1` (definitions.yaml#/definitions/Owner)"#]],
    );
    check_files(
        &[
            (
                "spec.yaml",
                r#"swagger: '2.0'
info: {title: t, version: '1'}
paths:
  /pets:
    $ref: 'paths/pets.yaml'
"#,
            ),
            (
                "paths/pets.yaml",
                r#"post:
  operationId: addPet
  parameters:
    - $ref: '../parameters.yaml#/parameters/PetBody'
  responses:
    '200':
      description: ok
      schema:
        $ref: '../pet.yaml'
"#,
            ),
            (
                "parameters.yaml",
                r#"parameters:
  PetBody:
    name: body
    in: body
    schema:
      $ref: 'pet.yaml'
"#,
            ),
            (
                "pet.yaml",
                r#"type: object
required: [name]
properties:
  name: {type: string}
  photo: {type: file}
  owner: {$ref: 'definitions.yaml#/definitions/Owner'}
"#,
            ),
            (
                "definitions.yaml",
                r#"definitions:
  Owner:
    type: object
    properties:
      nick: {type: string, x-nullable: true}
"#,
            ),
        ],
        expect![[r##"
            pet: struct
              name: string required
              photo: binary optional
              owner: Owner optional
            Owner: struct
              nick: string optional nullable
        "##]],
    );
}

/// Real Swagger 2.0 descriptions, too big to commit: set `MODELGEN_SWAGGER_SPECS` to a directory
/// of them (see README's Swagger 2.0 note for where they come from); skipped when unset.
#[test]
fn real_2_0_specs_load_and_generate_when_present() {
    let Some(dir) = std::env::var_os("MODELGEN_SWAGGER_SPECS") else {
        eprintln!("MODELGEN_SWAGGER_SPECS is not set: no real Swagger 2.0 specs checked");
        return;
    };
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let spec = path
            .extension()
            .is_some_and(|e| e == "json" || e == "yaml" || e == "yml");
        if !spec {
            continue;
        }
        let nodes = check_origins(&path);
        let generated = match modelgen::Config::new().input(&path).generate() {
            Ok(generated) => generated,
            // A description without schemas (only examples, say) has nothing to generate.
            Err(e) if e.to_string().contains("no schema found") => {
                eprintln!("{}: no schema, nothing to generate", path.display());
                continue;
            }
            Err(e) => panic!("{}: {e}", path.display()),
        };
        eprintln!(
            "{}: {nodes} nodes, {} types, {} warnings",
            path.display(),
            generated.model.types.len(),
            generated.warnings.len()
        );
        checked += 1;
    }
    assert!(checked > 0, "no spec in {}", Path::new(&dir).display());
}

/// Every node of the reduced petstore replaced in turn by a value of each other shape: conversion and
/// loading give warnings or errors, never a panic.
#[test]
fn any_node_of_any_shape_gives_warnings_or_errors_not_panics() {
    let path = fixture("petstore.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let original = document::parse(&path, &text).unwrap().value;
    let mut pointers = Vec::new();
    walk(&original, String::new(), &mut pointers);
    let shapes = [
        serde_json::json!("file"),
        serde_json::json!([{"in": "body"}, 7]),
        serde_json::json!({"$ref": "#/definitions/Pet", "in": "formData", "type": "file"}),
    ];
    let dir = TempDir::new("swagger-shapes");
    let spec = dir.path().join("spec.json");
    let mut cases = 0;
    for pointer in &pointers {
        for shape in &shapes {
            let mut value = original.clone();
            *value.pointer_mut(pointer).unwrap() = shape.clone();
            let text = serde_json::to_string(&value).unwrap();
            std::fs::write(&spec, &text).unwrap();
            let result =
                std::panic::catch_unwind(|| input::load(&spec).map(|l| l.model.types.len()));
            assert!(result.is_ok(), "{pointer} = {shape} panicked");
            cases += 1;
        }
    }
    assert!(cases > 600, "{cases}");
}
