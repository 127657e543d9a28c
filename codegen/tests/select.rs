//! `Config::only`: what each selector keeps, closed over references, and errors for stale ones.

mod support;

use support::TempDir;

const SPEC: &str = r#"
openapi: 3.0.3
info: {title: shop, version: '1'}
paths:
  /pets:
    get:
      operationId: list_pets
      tags: [pets]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/pet'}}
  /pets/{id}/owner:
    get:
      operationId: get_owner
      tags: [owners]
      responses:
        '200':
          description: ok
          content:
            application/json: {schema: {$ref: '#/components/schemas/owner'}}
  /orders:
    post:
      operationId: create_order
      tags: [orders]
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                pet: {$ref: '#/components/schemas/pet'}
      responses:
        '201':
          description: ok
          content:
            application/json: {schema: {$ref: '#/components/schemas/order'}}
components:
  schemas:
    pet:
      type: object
      properties:
        name: {type: string}
        tag: {$ref: '#/components/schemas/tag'}
    tag: {type: string, enum: [a, b]}
    owner:
      type: object
      properties:
        pets: {type: array, items: {$ref: '#/components/schemas/pet'}}
    order:
      type: object
      properties:
        id: {type: string}
        broken: {type: strange}
    unused: {type: object, properties: {x: {type: integer}}}
"#;

/// The source names of the types generated with `selectors`, or the error.
fn kept(selectors: &[&str]) -> String {
    let dir = TempDir::new("select");
    dir.write(&[("openapi.yaml", SPEC)]);
    let mut config = modelgen::Config::new();
    config.input(dir.path().join("openapi.yaml"));
    for s in selectors {
        config.only(s);
    }
    match config.load() {
        Ok(loaded) => loaded
            .model
            .types
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        Err(e) => e
            .to_string()
            .replace(&format!("{}/", dir.path().display()), ""),
    }
}

#[test]
fn a_schema_keeps_what_it_reaches() {
    assert_eq!(kept(&["schema=owner"]), "pet tag owner");
    // By Rust name too.
    assert_eq!(kept(&["schema=Pet"]), "pet tag");
}

#[test]
fn operations_by_tag_id_and_path() {
    assert_eq!(kept(&["tag=pets"]), "pet tag");
    assert_eq!(kept(&["operation=get_owner"]), "pet tag owner");
    assert_eq!(kept(&["path=/pets/{id}/owner"]), "pet tag owner");
    assert_eq!(kept(&["path=/pets*"]), "pet tag owner");
    // A bare name is a schema, else an operation, else a tag.
    assert_eq!(kept(&["unused"]), "unused");
    assert_eq!(kept(&["list_pets", "owners"]), "pet tag owner");
}

#[test]
fn a_problem_outside_the_selection_does_not_stop_it() {
    // `order` has a broken property: everything that reaches it fails, the rest generates.
    assert!(kept(&[]).contains("unknown type `strange`"));
    assert!(kept(&["tag=orders"]).contains("unknown type `strange`"));
    assert_eq!(kept(&["tag=pets", "unused"]), "pet tag unused");
}

#[test]
fn a_selector_that_matches_nothing_is_an_error() {
    assert_eq!(
        kept(&["tag=cats", "schema=pet"]),
        "error: openapi.yaml: --only tag=cats: nothing in the input matches"
    );
}

#[test]
fn the_output_does_not_depend_on_the_order_of_selectors() {
    let generate = |selectors: &[&str]| {
        let dir = TempDir::new("select-order");
        dir.write(&[("openapi.yaml", SPEC)]);
        let mut config = modelgen::Config::new();
        config.input(dir.path().join("openapi.yaml"));
        for s in selectors {
            config.only(s);
        }
        config.generate().unwrap().code
    };
    assert_eq!(
        generate(&["tag=owners", "unused"]),
        generate(&["unused", "tag=owners"])
    );
}
