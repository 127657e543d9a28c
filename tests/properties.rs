//! Property test: random instances of every Onfido schema, made from the spec's model (the IR the
//! generator reads, with the same configuration, never from the generated types), read into the
//! generated type of their schema and written back unchanged.
//!
//! Two kinds of instances, from fixed seeds:
//! - *valid* ones, which keep every constraint and list only known enum values: they must round-trip
//!   and `Validate` must find nothing wrong with them;
//! - *loose* ones, as a newer or sloppier API sends them: `null` in optional fields the spec does not
//!   call nullable, enum values and report kinds the spec does not list, and properties it does not list
//!   (where the unknown-fields opt-in is on): they must round-trip too.
//!
//! Equality is exact JSON equality: the generator writes date-times in the form chrono writes them back
//! (a zero offset as `Z`) and numbers that `f32` holds exactly, so that any change a round trip makes
//! is a real loss.

#[path = "../build/onfido.rs"]
mod onfido;

// `TYPE_NAMES`, `round_trip(name, json)` and `validate(name, json)`, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/round_trip.rs"));

use std::path::Path;

use modelgen::ir::{
    Alias, Constraints, Field, Model, Presence, Primitive, Repr, Struct, TypeKind, TypeRef, Union,
};
use serde_json::{json, Map, Value};

/// Instances per schema and kind.
const PER_SCHEMA: u64 = 2;
/// Below this depth, optional fields are left out and arrays are empty, so recursion ends.
const MAX_DEPTH: usize = 5;

fn model() -> Model {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    onfido::config(root).load().unwrap().model
}

/// SplitMix64: tiny, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `1/n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

struct Gen<'m> {
    model: &'m Model,
    rng: Rng,
    /// Make loose instances (see the module docs) rather than valid ones.
    loose: bool,
}

/// Strings tried, in order, for a field with a `pattern`; a new pattern in the spec that none of them
/// matches fails the test, asking for a candidate here.
const PATTERN_CANDIDATES: &[&str] = &["GBR", "CA", "task_123", "1 Main Street", "Flat 2"];

impl Gen<'_> {
    fn value(&mut self, ty: &TypeRef, constraints: &Constraints, depth: usize) -> Value {
        match ty {
            TypeRef::Named(id) => self.named(*id, constraints, depth),
            TypeRef::Primitive(p) => self.primitive(*p, constraints),
            TypeRef::Array(item) => {
                let min = constraints.min_items.unwrap_or(0);
                let max = constraints.max_items.unwrap_or(3).min(3).max(min);
                let len = if depth >= MAX_DEPTH {
                    min
                } else {
                    min + self.rng.below(max - min + 1)
                };
                let item_constraints = constraints.items.as_deref().cloned().unwrap_or_default();
                (0..len)
                    .map(|_| self.value(item, &item_constraints, depth + 1))
                    .collect()
            }
            TypeRef::Map(value) => {
                let len = if depth >= MAX_DEPTH {
                    0
                } else {
                    self.rng.below(3)
                };
                let map: Map<String, Value> = (0..len)
                    .map(|i| {
                        let v = self.value(value, &Constraints::default(), depth + 1);
                        (format!("key_{i}"), v)
                    })
                    .collect();
                Value::Object(map)
            }
            TypeRef::Tuple(items) => items
                .iter()
                .map(|item| self.value(item, &Constraints::default(), depth + 1))
                .collect(),
            TypeRef::Nullable(inner) => {
                if self.rng.one_in(4) {
                    Value::Null
                } else {
                    self.value(inner, constraints, depth)
                }
            }
            TypeRef::Object => {
                let len = self.rng.below(3);
                Value::Object(
                    (0..len)
                        .map(|i| (format!("k{i}"), self.any(depth + 1)))
                        .collect(),
                )
            }
            TypeRef::Any => self.any(depth),
        }
    }

    /// A value of a named type; `constraints` are those of the field that holds it, which apply to
    /// the aliased scalar of an alias.
    fn named(
        &mut self,
        id: modelgen::ir::TypeId,
        constraints: &Constraints,
        depth: usize,
    ) -> Value {
        let def = self.model.get(id);
        match &def.kind {
            TypeKind::Struct(s) => self.object(s, depth),
            TypeKind::Enum(e) => {
                if self.loose && self.rng.one_in(4) {
                    match e.repr() {
                        Repr::String => json!("a_value_from_a_future_release"),
                        Repr::Boolean => json!(true),
                        _ => json!(987_654),
                    }
                } else {
                    self.rng.pick(&e.values).value.clone()
                }
            }
            TypeKind::Union(Union {
                discriminator: Some(tag),
                variants,
            }) => {
                if self.loose && self.rng.one_in(5) {
                    return json!({ tag.as_str(): "a_kind_from_a_future_release", "score": 1 });
                }
                let variant = self.rng.pick(variants);
                let mut value = self.value(&variant.ty, &Constraints::default(), depth + 1);
                if let (Value::Object(map), Some(tag_value)) = (&mut value, &variant.tag) {
                    map.insert(tag.clone(), json!(tag_value));
                }
                value
            }
            TypeKind::Union(Union {
                discriminator: None,
                variants,
            }) => {
                let variant = self.rng.pick(variants);
                self.value(&variant.ty, &Constraints::default(), depth + 1)
            }
            TypeKind::Alias(Alias { ty }) => self.value(ty, constraints, depth),
        }
    }

    fn object(&mut self, s: &Struct, depth: usize) -> Value {
        let Struct { fields, additional } = s;
        let mut map = Map::new();
        for f in fields {
            if let Some(value) = self.field(f, depth) {
                map.insert(f.wire_name.clone(), value);
            }
        }
        if let Some(extra) = additional {
            // Typed maps are part of the spec; `any` maps are the unknown-fields opt-in, which only
            // loose instances exercise.
            let count = match extra {
                TypeRef::Any if !self.loose => 0,
                _ => self.rng.below(3),
            };
            for i in 0..count {
                let value = self.value(extra, &Constraints::default(), depth + 1);
                map.insert(format!("x_unlisted_{i}"), value);
            }
        }
        Value::Object(map)
    }

    /// A field's value, or `None` to leave it out.
    fn field(&mut self, f: &Field, depth: usize) -> Option<Value> {
        let deep = depth >= MAX_DEPTH;
        match f.presence {
            Presence::Required => {}
            Presence::RequiredNullable if self.rng.one_in(4) => return Some(Value::Null),
            Presence::RequiredNullable => {}
            Presence::Optional | Presence::OptionalNullable if deep || self.rng.one_in(2) => {
                return None
            }
            // The API sends `null` for optional fields whatever the spec says; `Nullable` keeps it.
            Presence::Optional if self.loose && self.rng.one_in(4) => return Some(Value::Null),
            Presence::OptionalNullable if self.rng.one_in(3) => return Some(Value::Null),
            Presence::Optional | Presence::OptionalNullable => {}
        }
        Some(self.value(&f.ty, &f.constraints, depth + 1))
    }

    fn primitive(&mut self, p: Primitive, c: &Constraints) -> Value {
        let r = &mut self.rng;
        match p {
            Primitive::String | Primitive::Uri | Primitive::Byte | Primitive::Binary => {
                if let Some(pattern) = &c.pattern {
                    let regex = regex_lite::Regex::new(pattern).unwrap();
                    let candidates: Vec<&&str> = PATTERN_CANDIDATES
                        .iter()
                        .filter(|s| regex.is_match(s) && fits_length(s, c))
                        .collect();
                    assert!(
                        !candidates.is_empty(),
                        "no candidate string matches `{pattern}`: add one to PATTERN_CANDIDATES"
                    );
                    return json!(**r.pick(&candidates));
                }
                let min = c.min_length.unwrap_or(0);
                let max = c.max_length.unwrap_or(12).min(12).max(min);
                let len = min + r.below(max - min + 1);
                // Non-ASCII letters too: lengths are counted in characters.
                const ALPHABET: &[char] = &['a', 'b', 'Z', '7', ' ', '_', 'é', 'ß', '"', '\\'];
                json!((0..len).map(|_| *r.pick(ALPHABET)).collect::<String>())
            }
            Primitive::Uuid => {
                let hex = format!("{:016x}{:016x}", r.next(), r.next());
                json!(format!(
                    "{}-{}-{}-{}-{}",
                    &hex[0..8],
                    &hex[8..12],
                    &hex[12..16],
                    &hex[16..20],
                    &hex[20..32]
                ))
            }
            Primitive::DateTime => {
                // Offsets as `DateTime<FixedOffset>` writes them: a zero offset as `Z` (this test
                // found that `+00:00` is written back as `Z`: the same instant, other text).
                let offset = *r.pick(&["Z", "+02:00", "-05:30"]);
                json!(format!(
                    "20{:02}-{:02}-{:02}T{:02}:{:02}:{:02}{offset}",
                    r.below(40),
                    1 + r.below(12),
                    1 + r.below(28),
                    r.below(24),
                    r.below(60),
                    r.below(60)
                ))
            }
            Primitive::Date => json!(format!(
                "19{:02}-{:02}-{:02}",
                r.below(100),
                1 + r.below(12),
                1 + r.below(28)
            )),
            Primitive::Boolean => json!(r.one_in(2)),
            Primitive::Int32 => json!(r.next() as i32),
            Primitive::Int64 => json!(r.next() as i64),
            Primitive::Float | Primitive::Double => {
                // Quarters in the allowed range: exact in `f32`, so written back as read.
                let min = c.minimum.unwrap_or(-1000.0);
                let max = c.maximum.unwrap_or(1000.0);
                let steps = ((max - min) * 4.0) as u64;
                json!(min + r.below(steps + 1) as f64 / 4.0)
            }
        }
    }

    fn any(&mut self, depth: usize) -> Value {
        let r = &mut self.rng;
        match if depth >= MAX_DEPTH {
            r.below(4)
        } else {
            r.below(6)
        } {
            0 => Value::Null,
            1 => json!(r.one_in(2)),
            2 => json!(r.below(1000)),
            3 => json!("text"),
            4 => Value::Array(vec![self.any(depth + 1), self.any(depth + 1)]),
            _ => json!({ "nested": self.any(depth + 1) }),
        }
    }
}

fn fits_length(s: &str, c: &Constraints) -> bool {
    let n = s.chars().count() as u64;
    c.min_length.is_none_or(|m| n >= m) && c.max_length.is_none_or(|m| n <= m)
}

/// Makes instances of every schema, of one kind, and checks each; returns how many it checked.
fn check_all(loose: bool, seed: u64) -> usize {
    let model = model();
    assert_eq!(
        TYPE_NAMES.len(),
        model.types.len(),
        "every schema has a generated type"
    );
    let mut checked = 0;
    let mut failures = Vec::new();
    for (i, def) in model.types.iter().enumerate() {
        for n in 0..PER_SCHEMA {
            let mut gen = Gen {
                model: &model,
                rng: Rng(seed ^ ((i as u64) << 8) ^ n),
                loose,
            };
            let instance = gen.named(modelgen::ir::TypeId(i), &Constraints::default(), 0);
            checked += 1;
            match round_trip(&def.name, instance.clone()) {
                Ok(back) if back == instance => {}
                Ok(back) => failures.push(format!(
                    "{}: changed by a round trip\n in: {instance}\nout: {back}",
                    def.name
                )),
                Err(e) => {
                    failures.push(format!("{}: does not read: {e}\n in: {instance}", def.name))
                }
            }
            if !loose {
                match validate(&def.name, instance.clone()) {
                    Ok(violations) if violations.is_empty() => {}
                    Ok(violations) => failures.push(format!(
                        "{}: a valid instance has violations {violations:?}\n in: {instance}",
                        def.name
                    )),
                    Err(e) => failures.push(format!("{}: {e}", def.name)),
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} instances failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    checked
}

#[test]
fn valid_instances_round_trip_and_validate() {
    let checked = check_all(false, 0x5eed_0001);
    assert!(checked >= 800, "{checked}");
}

#[test]
fn loose_instances_round_trip() {
    let checked = check_all(true, 0x5eed_0002);
    assert!(checked >= 800, "{checked}");
}

#[test]
fn the_dispatch_knows_every_schema_and_only_those() {
    assert!(round_trip("no_such_schema", json!({}))
        .unwrap_err()
        .contains("no type"));
}

#[test]
fn invalid_instances_list_every_violation_with_its_path() {
    let long = "x".repeat(257);
    let tags: Vec<String> = (0..31).map(|i| format!("tag{i}")).collect();
    let json = json!({
        "workflow_id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
        "applicant_id": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
        "tags": tags,
        "customer_user_id": long,
        "link": {"language": "tlh_KLINGON"}
    });
    assert_eq!(
        round_trip("workflow_run_builder", json.clone()),
        Ok(json.clone())
    );
    assert_eq!(
        validate("workflow_run_builder", json).unwrap(),
        [
            "tags: more than 30 items",
            "customer_user_id: longer than 256 characters",
            "link.language: `tlh_KLINGON` is not a value the API description lists",
        ]
    );
}
