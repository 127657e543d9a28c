//! A synthetic OpenAPI spec of any size, with the shapes of the Onfido spec: resources with ids,
//! timestamps and links, string enums, nested inline objects, arrays and maps of other schemas,
//! `allOf` of a shared base, nullable fields, discriminated `oneOf` unions, descriptions and
//! examples. The same `count` and `seed` always give the same text.
//!
//! Used by the bench (`cargo bench -p modelgen`) and by the example that writes it out:
//! `cargo run --release -p modelgen --example synth -- 5000 > synth-5000.json`.

use serde_json::{json, Map, Value};

/// A small deterministic generator (xorshift64*), so the spec needs no dependency and never changes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const WORDS: &[&str] = &[
    "applicant",
    "document",
    "report",
    "check",
    "workflow",
    "task",
    "address",
    "location",
    "device",
    "consent",
    "webhook",
    "breakdown",
    "result",
    "watchlist",
    "identity",
    "record",
    "media",
    "photo",
    "video",
    "signature",
    "issuer",
    "country",
    "status",
    "reason",
    "source",
    "match",
    "score",
    "payload",
    "output",
    "input",
];

fn word(rng: &mut Rng) -> &'static str {
    WORDS[rng.below(WORDS.len())]
}

fn name(rng: &mut Rng, parts: usize) -> String {
    (0..parts).map(|_| word(rng)).collect::<Vec<_>>().join("_")
}

fn description(rng: &mut Rng) -> String {
    format!(
        "The {} of the {}, as the {} reports it.",
        word(rng),
        word(rng),
        word(rng)
    )
}

/// One property schema; `earlier` are the names of schemas already written, for references.
fn property(rng: &mut Rng, earlier: &[String], depth: usize) -> Value {
    let mut schema = match rng.below(16) {
        0 => {
            json!({"type": "string", "format": "uuid", "example": "4f6d3c2a-8f1b-4c3e-9a7d-2b5e6f1a0c9d"})
        }
        1 => json!({"type": "string", "format": "date-time"}),
        2 => json!({"type": "string", "format": "date"}),
        3 => {
            let values: Vec<String> = (0..2 + rng.below(6))
                .map(|i| format!("{}_{i}", word(rng)))
                .collect();
            json!({"type": "string", "enum": values})
        }
        4 => json!({"type": "integer"}),
        5 => json!({"type": "number", "format": "float"}),
        6 => json!({"type": "boolean"}),
        7 => json!({"type": "string", "format": "uri"}),
        8 if depth < 2 => {
            let mut properties = Map::new();
            for _ in 0..2 + rng.below(4) {
                let key = name(rng, 1);
                properties.insert(key, property(rng, earlier, depth + 1));
            }
            json!({"type": "object", "properties": properties})
        }
        9 if !earlier.is_empty() => {
            let target = &earlier[rng.below(earlier.len())];
            json!({"type": "array", "items": {"$ref": format!("#/components/schemas/{target}")}})
        }
        10 if !earlier.is_empty() => {
            let target = &earlier[rng.below(earlier.len())];
            json!({"$ref": format!("#/components/schemas/{target}")})
        }
        11 if !earlier.is_empty() => {
            let target = &earlier[rng.below(earlier.len())];
            json!({"type": "object", "additionalProperties": {"$ref": format!("#/components/schemas/{target}")}})
        }
        12 => json!({"type": "array", "items": {"type": "string"}}),
        13 => json!({"type": "object", "additionalProperties": true}),
        _ => json!({"type": "string", "maxLength": 100}),
    };
    if let Some(object) = schema.as_object_mut() {
        if !object.contains_key("$ref") {
            if rng.chance(60) {
                object.insert("description".into(), description(rng).into());
            }
            if rng.chance(15) {
                object.insert("nullable".into(), true.into());
            }
        }
    }
    schema
}

/// A spec of `count` schemas (a union and its three members count as four), about one in eight a
/// discriminated union, and an operation for every tenth schema.
pub fn spec(count: usize, seed: u64) -> String {
    let mut rng = Rng(seed | 1);
    let mut schemas = Map::new();
    let mut names: Vec<String> = Vec::new();
    schemas.insert(
        "resource_base".into(),
        json!({
            "type": "object",
            "required": ["id", "created_at"],
            "properties": {
                "id": {"type": "string", "format": "uuid", "readOnly": true, "description": "The unique identifier."},
                "created_at": {"type": "string", "format": "date-time", "readOnly": true},
                "href": {"type": "string", "readOnly": true, "description": "The API endpoint to retrieve it."}
            }
        }),
    );
    while schemas.len() < count {
        let index = names.len();
        let schema_name = format!("{}_{index}", name(&mut rng, 2));
        let schema = if index >= 8 && rng.chance(12) {
            // A union of three plain objects, told apart by their `type`.
            let tag = "type";
            let mut members = Vec::new();
            let mut mapping = Map::new();
            for m in 0..3 {
                let member = format!("{schema_name}_{m}");
                let value = format!("{}_{m}", word(&mut rng));
                let mut properties = Map::new();
                properties.insert(tag.into(), json!({"type": "string", "enum": [value]}));
                for _ in 0..3 + rng.below(5) {
                    let key = name(&mut rng, 1);
                    properties.insert(key, property(&mut rng, &names, 1));
                }
                schemas.insert(
                    member.clone(),
                    json!({"type": "object", "required": [tag], "properties": properties}),
                );
                mapping.insert(value, format!("#/components/schemas/{member}").into());
                members.push(json!({"$ref": format!("#/components/schemas/{member}")}));
            }
            json!({
                "description": description(&mut rng),
                "oneOf": members,
                "discriminator": {"propertyName": tag, "mapping": mapping}
            })
        } else {
            let mut properties = Map::new();
            for _ in 0..4 + rng.below(12) {
                let parts = 1 + rng.below(2);
                let key = name(&mut rng, parts);
                properties.insert(key, property(&mut rng, &names, 0));
            }
            let required: Vec<&String> = properties.keys().filter(|_| rng.chance(30)).collect();
            let own = json!({"type": "object", "required": required, "properties": properties});
            if rng.chance(30) {
                json!({
                    "description": description(&mut rng),
                    "allOf": [{"$ref": "#/components/schemas/resource_base"}, own]
                })
            } else {
                let mut own = own;
                own["description"] = description(&mut rng).into();
                own
            }
        };
        schemas.insert(schema_name.clone(), schema);
        names.push(schema_name);
    }
    let paths: Map<String, Value> = names
        .iter()
        .step_by(10)
        .map(|n| {
            let operation = json!({
                "operationId": format!("find_{n}"),
                "tags": [n.split('_').next().unwrap_or("misc")],
                "responses": {"200": {
                    "description": "OK",
                    "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{n}")}}}
                }}
            });
            (format!("/{n}/{{id}}"), json!({"get": operation}))
        })
        .collect();
    let spec = json!({
        "openapi": "3.0.3",
        "info": {"title": format!("Synthetic API of {count} schemas"), "version": "1.0.0"},
        "paths": paths,
        "components": {"schemas": schemas}
    });
    serde_json::to_string_pretty(&spec).expect("a JSON value serializes")
}
