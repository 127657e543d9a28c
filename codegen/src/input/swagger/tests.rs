//! Each conversion rule on a reduced Swagger 2.0 document.

use super::*;
use crate::input::document;
use serde_json::json;

/// Converts the 2.0 document `text` (read as `t.yaml`): the value and the warnings' messages.
fn convert_text(text: &str) -> (Value, Vec<String>) {
    let (document, warnings) = convert_doc(text);
    let warnings = warnings
        .iter()
        .map(|w| {
            format!(
                "{}: {}",
                w.location.pointer.clone().unwrap_or_default(),
                w.message
            )
        })
        .collect();
    (document.value, warnings)
}

fn convert_doc(text: &str) -> (Document, Vec<Diagnostic>) {
    let path = Path::new("t.yaml");
    let doc = document::parse(path, text).unwrap();
    let converted = convert(path, text, doc, false);
    assert!(converted.0.is_converted(), "not converted");
    converted
}

/// Whether the document parsed from `text` is converted.
fn converts(text: &str, reached_from_swagger: bool) -> bool {
    let path = Path::new("t.yaml");
    let doc = document::parse(path, text).unwrap();
    convert(path, text, doc, reached_from_swagger)
        .0
        .is_converted()
}

/// The converted node at `pointer`, which must exist.
fn at(value: &Value, pointer: &str) -> Value {
    value
        .pointer(pointer)
        .unwrap_or_else(|| panic!("nothing at {pointer} in {value:#}"))
        .clone()
}

const HEAD: &str = "swagger: '2.0'\ninfo: {title: t, version: '1'}\n";

fn spec(rest: &str) -> String {
    format!("{HEAD}{rest}")
}

#[test]
fn only_swagger_documents_are_converted() {
    assert!(!converts("openapi: 3.0.3", false));
    assert!(!converts("swagger: '1.2'", false));
    assert!(converts("swagger: 2.0", false));
    // A file reached from a 2.0 spec is converted, unless it is an OpenAPI 3 document itself.
    assert!(converts("type: object", true));
    assert!(!converts("openapi: 3.0.3", true));
}

#[test]
fn the_root_becomes_openapi_3_with_info_servers_and_extensions_kept() {
    let (v, warnings) = convert_text(&spec(
        "host: api.example.com\nbasePath: /v2\nschemes: [https, http]\nx-logo: {url: l.png}\n\
         tags: [{name: pet}]\npaths: {}\nnonsense: 1\n",
    ));
    assert_eq!(v["openapi"], "3.0.3");
    assert_eq!(v["info"], json!({"title": "t", "version": "1"}));
    assert_eq!(
        v["servers"],
        json!([{"url": "https://api.example.com/v2"}, {"url": "http://api.example.com/v2"}])
    );
    assert_eq!(v["x-logo"], json!({"url": "l.png"}));
    assert_eq!(v["tags"], json!([{"name": "pet"}]));
    assert!(v.get("swagger").is_none() && v.get("nonsense").is_none());
    assert_eq!(
        warnings,
        ["#/nonsense: `nonsense` is not a Swagger 2.0 field: left out of the conversion"]
    );
}

#[test]
fn definitions_become_component_schemas_and_refs_follow() {
    let (v, warnings) = convert_text(&spec(
        "paths: {}\ndefinitions:\n  Pet:\n    type: object\n    properties:\n      \
         owner: {$ref: '#/definitions/Owner'}\n      tags: {$ref: '#/definitions/Owner/properties/tags'}\n      \
         other: {$ref: 'other.yaml#/definitions/X'}\n      whole: {$ref: 'pet.yaml'}\n  \
         Owner: {properties: {tags: {type: array, items: {type: string}}}}\n",
    ));
    assert!(warnings.is_empty(), "{warnings:?}");
    let pet = at(&v, "/components/schemas/Pet/properties");
    assert_eq!(pet["owner"], json!({"$ref": "#/components/schemas/Owner"}));
    assert_eq!(
        pet["tags"],
        json!({"$ref": "#/components/schemas/Owner/properties/tags"})
    );
    assert_eq!(
        pet["other"],
        json!({"$ref": "other.yaml#/components/schemas/X"})
    );
    assert_eq!(pet["whole"], json!({"$ref": "pet.yaml"}));
    assert!(v.get("definitions").is_none());
}

#[test]
fn bare_names_as_refs_are_read_as_definitions() {
    let (v, warnings) = convert_text(&spec(
        "paths: {}\ndefinitions:\n  A: {properties: {b: {$ref: B}}}\n  B: {type: string}\n",
    ));
    assert_eq!(
        at(&v, "/components/schemas/A/properties/b"),
        json!({"$ref": "#/components/schemas/B"})
    );
    assert_eq!(warnings, ["#/definitions/A/properties/b/$ref: `$ref: B` is not a JSON reference: read as `#/definitions/B`"]);
}

#[test]
fn x_nullable_becomes_nullable_on_schemas_and_properties() {
    let (v, _) = convert_text(&spec(
        "paths: {}\ndefinitions:\n  A:\n    type: object\n    x-nullable: true\n    properties:\n      \
         b: {type: string, x-nullable: true}\n      c: {$ref: '#/definitions/A', x-nullable: false}\n",
    ));
    let a = at(&v, "/components/schemas/A");
    assert_eq!(a["nullable"], true);
    assert!(a.get("x-nullable").is_none());
    assert_eq!(
        a["properties"]["b"],
        json!({"type": "string", "nullable": true})
    );
    assert_eq!(
        a["properties"]["c"],
        json!({"$ref": "#/components/schemas/A", "nullable": false})
    );
}

#[test]
fn a_discriminator_name_becomes_a_discriminator_object() {
    let (v, _) = convert_text(&spec(
        "paths: {}\ndefinitions:\n  Pet:\n    type: object\n    discriminator: petType\n    \
         required: [petType]\n    properties: {petType: {type: string}}\n  \
         Cat: {allOf: [{$ref: '#/definitions/Pet'}, {properties: {indoor: {type: boolean}}}]}\n",
    ));
    assert_eq!(
        at(&v, "/components/schemas/Pet/discriminator"),
        json!({"propertyName": "petType"})
    );
    assert_eq!(
        at(&v, "/components/schemas/Cat/allOf"),
        json!([{"$ref": "#/components/schemas/Pet"}, {"properties": {"indoor": {"type": "boolean"}}}])
    );
}

#[test]
fn type_file_becomes_a_binary_string() {
    let (v, _) = convert_text(&spec(
        "paths:\n  /f:\n    get:\n      produces: [application/octet-stream]\n      responses:\n        \
         200: {description: ok, schema: {type: file, format: whatever}}\n",
    ));
    assert_eq!(
        at(&v, "/paths/~1f/get/responses/200/content"),
        json!({"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}})
    );
}

#[test]
fn a_body_parameter_becomes_the_request_body_with_each_consumed_media_type() {
    let body = "- {name: b, in: body, required: true, description: the pet, schema: {$ref: '#/definitions/Pet'}}";
    let op = |consumes: &str| {
        spec(&format!(
            "{consumes}paths:\n  /p:\n    post:\n      parameters:\n        {body}\n        \
             - {{name: q, in: query, type: string}}\n      responses: {{200: {{description: ok}}}}\n"
        ))
    };
    let (v, _) = convert_text(&op(""));
    let post = at(&v, "/paths/~1p/post");
    assert_eq!(
        post["requestBody"],
        json!({"description": "the pet", "required": true, "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}})
    );
    assert_eq!(
        post["parameters"],
        json!([{"name": "q", "in": "query", "schema": {"type": "string"}}])
    );
    let (v, _) = convert_text(&op("consumes: [application/json, application/xml]\n"));
    let content = at(&v, "/paths/~1p/post/requestBody/content");
    let media: Vec<&String> = content.as_object().unwrap().keys().collect();
    assert_eq!(media, ["application/json", "application/xml"]);
    // The operation's own `consumes` wins over the spec's.
    let (v, _) = convert_text(
        &op("consumes: [application/xml]\n")
            .replace("    post:\n", "    post:\n      consumes: [text/plain]\n"),
    );
    assert!(v
        .pointer("/paths/~1p/post/requestBody/content/text~1plain")
        .is_some());
}

#[test]
fn form_parameters_become_an_object_body() {
    let (v, warnings) = convert_text(&spec(
        "paths:\n  /upload:\n    post:\n      parameters:\n        \
         - {name: file, in: formData, type: file, required: true, description: the file}\n        \
         - {name: note, in: formData, type: string, maxLength: 10}\n      \
         responses: {200: {description: ok}}\n  /form:\n    post:\n      \
         consumes: [application/x-www-form-urlencoded]\n      parameters:\n        \
         - {name: n, in: formData, type: integer, format: int32}\n      \
         responses: {200: {description: ok}}\n",
    ));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        at(&v, "/paths/~1upload/post/requestBody"),
        json!({"content": {"multipart/form-data": {"schema": {
            "type": "object",
            "properties": {
                "file": {"type": "string", "format": "binary", "description": "the file"},
                "note": {"type": "string", "maxLength": 10}
            },
            "required": ["file"]
        }}}})
    );
    assert!(v.pointer("/paths/~1upload/post/parameters").is_none());
    assert_eq!(
        at(&v, "/paths/~1form/post/requestBody/content"),
        json!({"application/x-www-form-urlencoded": {"schema": {
            "type": "object", "properties": {"n": {"type": "integer", "format": "int32"}}}}})
    );
}

#[test]
fn form_arrays_keep_their_collection_format_as_an_encoding() {
    let (v, warnings) = convert_text(&spec(
        "paths:\n  /f:\n    post:\n      consumes: [application/x-www-form-urlencoded]\n      parameters:\n        \
         - {name: a, in: formData, type: array, items: {type: string}}\n        \
         - {name: b, in: formData, type: array, items: {type: string}, collectionFormat: multi}\n        \
         - {name: c, in: formData, type: array, items: {type: string}, collectionFormat: tsv}\n      \
         responses: {200: {description: ok}}\n",
    ));
    assert_eq!(
        at(
            &v,
            "/paths/~1f/post/requestBody/content/application~1x-www-form-urlencoded/encoding"
        ),
        json!({"a": {"style": "form", "explode": false}, "b": {"style": "form", "explode": true}})
    );
    assert_eq!(
        warnings,
        ["#/paths/~1f/post/parameters/2/collectionFormat: `collectionFormat: tsv` has no OpenAPI 3.0 form for a parameter in `formData`: left out"]
    );
}

#[test]
fn other_parameters_move_their_type_into_a_schema() {
    let (v, warnings) = convert_text(&spec(
        "paths:\n  /p/{id}:\n    get:\n      parameters:\n        \
         - {name: id, in: path, required: true, type: string, format: uuid, x-example: abc}\n        \
         - {name: tags, in: query, type: array, items: {type: string, enum: [a, b]}, collectionFormat: multi}\n        \
         - {name: ids, in: query, type: array, items: {type: integer}, minItems: 1}\n        \
         - {name: h, in: header, type: array, items: {type: string}, collectionFormat: csv}\n        \
         - {name: t, in: query, type: array, items: {type: string}, collectionFormat: tsv}\n      \
         responses: {200: {description: ok}}\n",
    ));
    let params = at(&v, "/paths/~1p~1{id}/get/parameters");
    assert_eq!(
        params,
        json!([
            {"name": "id", "in": "path", "required": true, "x-example": "abc",
             "schema": {"type": "string", "format": "uuid"}},
            {"name": "tags", "in": "query", "style": "form", "explode": true,
             "schema": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}}},
            {"name": "ids", "in": "query", "style": "form", "explode": false,
             "schema": {"type": "array", "items": {"type": "integer"}, "minItems": 1}},
            {"name": "h", "in": "header", "style": "simple", "explode": false,
             "schema": {"type": "array", "items": {"type": "string"}}},
            {"name": "t", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        ])
    );
    assert_eq!(
        warnings,
        ["#/paths/~1p~1{id}/get/parameters/4/collectionFormat: `collectionFormat: tsv` has no OpenAPI 3.0 form for a parameter in `query`: left out"]
    );
}

#[test]
fn responses_get_content_per_produced_media_type_examples_and_header_schemas() {
    let (v, warnings) = convert_text(&spec(
        "produces: [application/json, application/xml]\npaths:\n  /p:\n    get:\n      responses:\n        \
         200:\n          description: ok\n          schema: {type: array, items: {$ref: '#/definitions/Pet'}}\n          \
         headers: {X-Rate: {type: integer, description: left}}\n          \
         examples: {application/json: [{id: 1}], text/csv: 'id,1'}\n        \
         404: {description: missing}\n        default: {$ref: '#/responses/Error'}\n",
    ));
    assert!(warnings.is_empty(), "{warnings:?}");
    let items = json!({"type": "array", "items": {"$ref": "#/components/schemas/Pet"}});
    assert_eq!(
        at(&v, "/paths/~1p/get/responses"),
        json!({
            "200": {
                "description": "ok",
                "content": {
                    "application/json": {"schema": items, "example": [{"id": 1}]},
                    "application/xml": {"schema": items},
                    "text/csv": {"example": "id,1"}
                },
                "headers": {"X-Rate": {"description": "left", "schema": {"type": "integer"}}}
            },
            "404": {"description": "missing"},
            "default": {"$ref": "#/components/responses/Error"}
        })
    );
}

#[test]
fn root_parameters_and_responses_become_components() {
    let (v, _) = convert_text(&spec(
        "paths:\n  /p:\n    post:\n      parameters:\n        - $ref: '#/parameters/Limit'\n        \
         - $ref: '#/parameters/Body'\n        - $ref: '#/parameters/Field'\n      \
         responses: {400: {$ref: '#/responses/Bad'}}\nparameters:\n  \
         Limit: {name: limit, in: query, type: integer}\n  \
         Body: {name: body, in: body, schema: {type: object, properties: {a: {type: string}}}}\n  \
         Field: {name: f, in: formData, type: string}\nresponses:\n  \
         Bad: {description: bad, schema: {$ref: '#/definitions/Error'}}\n",
    ));
    let components = at(&v, "/components");
    assert_eq!(
        components["parameters"],
        json!({"Limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}})
    );
    assert_eq!(
        components["requestBodies"],
        json!({"Body": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {"a": {"type": "string"}}}}}}})
    );
    assert_eq!(
        components["responses"],
        json!({"Bad": {"description": "bad", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Error"}}}}})
    );
    let post = at(&v, "/paths/~1p/post");
    assert_eq!(
        post["parameters"],
        json!([{"$ref": "#/components/parameters/Limit"}])
    );
    // A body parameter by reference becomes the request body it was turned into; a form field
    // has no component and is copied into the operation's form.
    assert_eq!(
        post["requestBody"],
        json!({"$ref": "#/components/requestBodies/Body"})
    );
}

#[test]
fn referenced_form_fields_are_inlined() {
    let (v, _) = convert_text(&spec(
        "parameters:\n  Field: {name: f, in: formData, type: string, required: true}\npaths:\n  /p:\n    \
         post:\n      parameters: [{$ref: '#/parameters/Field'}]\n      responses: {200: {description: ok}}\n",
    ));
    assert_eq!(
        at(
            &v,
            "/paths/~1p/post/requestBody/content/application~1x-www-form-urlencoded/schema"
        ),
        json!({"type": "object", "properties": {"f": {"type": "string"}}, "required": ["f"]})
    );
    assert!(v.pointer("/components").is_none());
}

#[test]
fn path_level_body_and_form_parameters_reach_each_operation() {
    let (v, _) = convert_text(&spec(
        "paths:\n  /p:\n    parameters:\n      - {name: b, in: body, schema: {type: string}}\n      \
         - {name: id, in: query, type: string}\n    put:\n      responses: {200: {description: ok}}\n    \
         post:\n      parameters: [{name: b, in: body, schema: {type: integer}}]\n      \
         responses: {200: {description: ok}}\n",
    ));
    let item = at(&v, "/paths/~1p");
    assert_eq!(
        item["parameters"],
        json!([{"name": "id", "in": "query", "schema": {"type": "string"}}])
    );
    assert_eq!(
        item["put"]["requestBody"]["content"]["application/json"]["schema"],
        json!({"type": "string"})
    );
    assert_eq!(
        item["post"]["requestBody"]["content"]["application/json"]["schema"],
        json!({"type": "integer"})
    );
}

#[test]
fn what_has_no_3_0_form_is_warned_about() {
    let (_, warnings) = convert_text(&spec(
        "paths:\n  /p:\n    post:\n      consumes: [application/json]\n      parameters:\n        \
         - {name: a, in: body, schema: {type: string}}\n        - {name: b, in: body, schema: {type: string}}\n        \
         - {name: c, in: formData, type: string, allowEmptyValue: true}\n        \
         - {name: d, in: query, type: array, items: {type: array, items: {type: string}, collectionFormat: pipes}}\n      \
         responses: {200: {description: ok}}\n      schemes: [wss]\n      bogus: 1\n",
    ));
    assert_eq!(
        warnings,
        [
            "#/paths/~1p/post/parameters/1: an operation has one body parameter: this one is left out",
            "#/paths/~1p/post/parameters/2: an operation cannot have both a body and form parameters: the form parameters are left out",
            "#/paths/~1p/post/parameters/3/items/collectionFormat: `collectionFormat` of nested arrays has no OpenAPI 3.0 form: left out",
            "#/paths/~1p/post/bogus: `bogus` is not a field of a Swagger 2.0 operation: left out",
            "#/paths/~1p/post/schemes: `schemes` of 1 operation(s) have no OpenAPI 3.0 form in a spec without `host`: left out (the first is here)",
        ]
    );
}

#[test]
fn sections_given_as_refs_are_not_followed() {
    let (v, warnings) = convert_text(&spec(
        "paths: {$ref: paths.yaml, pets: {}}\ndefinitions: {$ref: definitions.yaml}\n",
    ));
    assert_eq!(v["paths"], json!({}));
    assert!(v.get("components").is_none());
    assert_eq!(
        warnings,
        [
            "#/paths/$ref: `paths` as a `$ref` is a convention of bundling tools, not Swagger 2.0: not followed (bundle the spec first)",
            "#/paths/pets: `pets` is not a path (a path starts with `/`): left out",
            "#/definitions/$ref: `definitions` as a `$ref` is a convention of bundling tools, not Swagger 2.0: not followed (bundle the spec first)",
        ]
    );
}

#[test]
fn operation_schemes_become_servers_when_the_spec_has_a_host() {
    let (v, warnings) = convert_text(&spec(
        "host: h.io\nschemes: [https]\npaths:\n  /p:\n    get:\n      schemes: [wss]\n      \
         responses: {200: {description: ok}}\n    put:\n      schemes: [https]\n      \
         responses: {200: {description: ok}}\n",
    ));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        at(&v, "/paths/~1p/get/servers"),
        json!([{"url": "wss://h.io"}])
    );
    assert!(v.pointer("/paths/~1p/put/servers").is_none());
}

#[test]
fn security_definitions_become_security_schemes() {
    let (v, _) = convert_text(&spec(
        "paths: {}\nsecurityDefinitions:\n  basic: {type: basic}\n  key: {type: apiKey, name: X-Key, in: header}\n  \
         oauth: {type: oauth2, flow: accessCode, authorizationUrl: 'https://a', tokenUrl: 'https://t', scopes: {read: r}}\n",
    ));
    assert_eq!(
        at(&v, "/components/securitySchemes"),
        json!({
            "basic": {"type": "http", "scheme": "basic"},
            "key": {"type": "apiKey", "name": "X-Key", "in": "header"},
            "oauth": {"type": "oauth2", "flows": {"authorizationCode": {
                "authorizationUrl": "https://a", "tokenUrl": "https://t", "scopes": {"read": "r"}}}}
        })
    );
}

#[test]
fn converted_nodes_keep_their_original_pointer_and_position() {
    let text = spec(
        "paths:\n  /p:\n    post:\n      parameters:\n        - name: b\n          in: body\n          \
         schema:\n            type: object\n            properties:\n              n: {type: integer}\n      \
         responses: {200: {description: ok}}\ndefinitions:\n  Pet:\n    properties:\n      \
         x:\n        type: string\n        x-nullable: true\n",
    );
    let (doc, _) = convert_doc(&text);
    let doc = &doc;
    let p = "/components/schemas/Pet/properties/x";
    assert_eq!(doc.source_pointer(p), "/definitions/Pet/properties/x");
    // A block mapping starts at its first key.
    assert_eq!(doc.position(p), Some((18, 9)));
    assert_eq!(
        doc.source_pointer(&format!("{p}/nullable")),
        "/definitions/Pet/properties/x/x-nullable"
    );
    assert_eq!(doc.position(&format!("{p}/nullable")), Some((19, 21)));
    // A node the document does not have is named under its nearest converted ancestor.
    assert_eq!(
        doc.source_pointer(&format!("{p}/items")),
        "/definitions/Pet/properties/x/items"
    );
    let n = "/paths/~1p/post/requestBody/content/application~1json/schema/properties/n";
    assert_eq!(
        doc.source_pointer(n),
        "/paths/~1p/post/parameters/0/schema/properties/n"
    );
    assert_eq!(doc.position(n), Some((12, 18)));
    // Every node of the converted document comes from a node of the 2.0 document.
    let original = document::parse(Path::new("t.yaml"), &text).unwrap().value;
    fn walk(v: &Value, p: String, out: &mut Vec<String>) {
        out.push(p.clone());
        match v {
            Value::Object(m) => m.iter().for_each(|(k, c)| walk(c, child(&p, k), out)),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, c)| walk(c, index(&p, i), out)),
            _ => {}
        }
    }
    let mut pointers = Vec::new();
    walk(&doc.value, String::new(), &mut pointers);
    let missing: Vec<String> = pointers
        .iter()
        .map(|p| doc.source_pointer(p).into_owned())
        .filter(|p| original.pointer(p).is_none())
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn fragment_files_convert_their_sections_and_nodes_by_shape() {
    let path = Path::new("t.yaml");
    let fragment = |text: &str| {
        let doc = document::parse(path, text).unwrap();
        convert(path, text, doc, true).0.value
    };
    let v = fragment(
        "definitions:\n  X: {type: object, properties: {a: {type: string, x-nullable: true}, b: {$ref: '#/definitions/X'}}}\n\
         parameters:\n  P: {name: p, in: query, type: integer}\n  B: {name: b, in: body, schema: {type: string}}\n",
    );
    assert_eq!(
        at(&v, "/components/schemas/X/properties"),
        json!({"a": {"type": "string", "nullable": true}, "b": {"$ref": "#/components/schemas/X"}})
    );
    assert_eq!(
        at(&v, "/components/parameters/P"),
        json!({"name": "p", "in": "query", "schema": {"type": "integer"}})
    );
    assert!(v.pointer("/components/requestBodies/B/content").is_some());
    // A whole-file schema, a map of schemas, a path item, a parameter.
    assert_eq!(
        fragment("type: object\ndiscriminator: kind\nproperties: {kind: {type: string}}"),
        json!({"type": "object", "discriminator": {"propertyName": "kind"}, "properties": {"kind": {"type": "string"}}})
    );
    assert_eq!(
        fragment("Pet: {type: file}\nTag: {x-nullable: true}"),
        json!({"Pet": {"type": "string", "format": "binary"}, "Tag": {"nullable": true}})
    );
    assert_eq!(
        fragment("get:\n  responses: {200: {description: ok, schema: {$ref: '#/definitions/X'}}}"),
        json!({"get": {"responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/X"}}}}}}})
    );
    assert_eq!(
        fragment("limit: {name: limit, in: query, type: integer}"),
        json!({"limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}})
    );
}

#[test]
fn parameters_of_other_files_are_read_to_see_what_they_are() {
    let dir = std::env::temp_dir().join(format!("modelgen-swagger-unit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("params.yaml"),
        "parameters:\n  Body: {name: b, in: body, schema: {type: string}}\n  \
         Field: {name: f, in: formData, type: string}\n  Q: {name: q, in: query, type: string}\n\
         Direct: {name: d, in: body, schema: {type: integer}}\n",
    )
    .unwrap();
    let text = spec(
        "paths:\n  /a:\n    post:\n      parameters:\n        - $ref: 'params.yaml#/parameters/Body'\n        \
         - $ref: 'params.yaml#/parameters/Q'\n      responses: {200: {description: ok}}\n  /b:\n    post:\n      \
         parameters:\n        - $ref: 'params.yaml#/parameters/Field'\n      responses: {200: {description: ok}}\n  \
         /c:\n    post:\n      parameters: [{$ref: 'params.yaml#/Direct'}]\n      responses: {200: {description: ok}}\n",
    );
    let path = dir.join("root.yaml");
    let doc = document::parse(&path, &text).unwrap();
    let v = convert(&path, &text, doc, false).0.value;
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        at(&v, "/paths/~1a/post/requestBody"),
        json!({"$ref": "params.yaml#/components/requestBodies/Body"})
    );
    assert_eq!(
        at(&v, "/paths/~1a/post/parameters"),
        json!([{"$ref": "params.yaml#/components/parameters/Q"}])
    );
    assert_eq!(
        at(&v, "/paths/~1b/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties"),
        json!({"f": {"type": "string"}})
    );
    assert_eq!(
        at(&v, "/paths/~1c/post/requestBody"),
        json!({"$ref": "params.yaml#/Direct"})
    );
}

#[test]
fn malformed_documents_give_warnings_not_panics() {
    for text in [
        "swagger: '2.0'\npaths: [1, 2]\ndefinitions: 3\nparameters: {a: 1}\nresponses: {r: [1]}",
        "swagger: '2.0'\npaths: {/a: 1, /b: {get: 2, put: {parameters: 3, responses: 4}}}",
        "swagger: '2.0'\npaths: {/a: {post: {parameters: [1, {in: body}, {in: formData}, {$ref: '#/nowhere'}, {$ref: 'missing.yaml#/x'}], responses: {200: 1}}}}",
        "swagger: '2.0'\nsecurityDefinitions: {a: {type: oauth2, flow: 3}, b: 1}",
        "swagger: '2.0'\npaths: {/a: {parameters: [{$ref: '#/p'}], get: {responses: {200: {description: x, headers: 1, examples: 2}}}}}\np: {$ref: '#/p'}",
        "swagger: 2.0",
    ] {
        let _ = convert_text(text);
    }
}
