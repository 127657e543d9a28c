//! Deterministic random inputs for the property tests: a xorshift generator with a fixed seed, hostile
//! strings (keywords, symbols, digits first, combining marks, CJK, emoji, the empty string) and random
//! IR models of every kind.

use modelgen::ir::{
    Access, Alias, Constraints, Enum, EnumValue, Field, Model, Presence, Primitive, Repr, Struct,
    TypeDef, TypeId, TypeKind, TypeRef, Union, Variant,
};
use serde_json::{json, Value};

/// xorshift64*: small, fast, and the same sequence on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True once in `n` times.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Names that mean something to Rust or to the generated code.
pub const HOSTILE_NAMES: &[&str] = &[
    "",
    "_",
    "__",
    "Self",
    "self",
    "super",
    "crate",
    "type",
    "r#type",
    "fn",
    "async",
    "await",
    "gen",
    "try",
    "dyn",
    "union",
    "macro_rules",
    "static",
    "'static",
    "abstract",
    "become",
    "yield",
    "mod",
    "use",
    "impl",
    "true",
    "false",
    "Self_",
    "self_",
    "3d",
    "1st",
    "0",
    "-1",
    "+1",
    "1.5",
    "1e10",
    "Nullable",
    "nullable",
    "Validate",
    "Violation",
    "String",
    "Vec",
    "Option",
    "Box",
    "Result",
    "From",
    "Into",
    "Default",
    "Clone",
    "Debug",
    "PartialEq",
    "Eq",
    "Hash",
    "Value",
    "Map",
    "Number",
    "Error",
    "Formatter",
    "Serialize",
    "Deserialize",
    "Serializer",
    "Deserializer",
    "D",
    "S",
    "T",
    "T0",
    "T1",
    "Some",
    "None",
    "Ok",
    "Err",
    "__union",
    "__examples",
    "Unknown",
    "UnknownValue",
    "Other",
    "Unknown2",
    "additional_properties",
    "additionalProperties",
    "new",
    "as_str",
    "value",
    "from",
    "fmt",
    "serialize",
    "deserialize",
    "validate",
    "validate_into",
    "join",
    "flag",
    "path",
    "out",
    "v",
    "std",
    "core",
    "alloc",
    "serde",
    "serde_json",
    "chrono",
    "uuid",
    "main",
    "r#",
    "a-b",
    "a.b",
    "a b",
    "A_B",
    "a__b",
    "x_or_default",
    "x",
    "X",
    "é",
    "ß",
    "名前",
    "数据",
    "😀",
    "👨‍👩‍👧",
    "שלום",
    "e\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\0",
    "\n",
    "\t",
    "*/",
    "/*",
    "`",
    "\"",
    "\\",
    "{",
    "}",
    "#",
    "#[doc]",
    "<html>",
    "Unknown(String)",
    "ǅ",
    "ⅷ",
    "½",
    "²",
    "\u{345}",
    "ꙮ",
    "𝔘",
    "İ",
    "ﬃ",
];

/// Pieces a random string is made of.
const PIECES: &[&str] = &[
    "a", "b", "Z", "q", "_", "-", ".", " ", "0", "1", "9", "$", "@", "/", ":", "*", "+", "!", "?",
    "'", "\"", "\\", "`", "(", ")", "[", "]", "{", "}", "<", ">", "&", "#", "%", "^", "|", "~",
    ",", ";", "=", "\u{301}", "\u{345}", "\u{200d}", "名", "字", "😀", "🦀", "é", "Ω", "ß", "ǅ",
    "ⅷ", "½", "Self", "self", "type", "crate", "super", "r#", "Id", "ID", "x", "\t", "\n",
];

/// A random string: a hostile name, a mix of pieces, or a random code point run.
pub fn string(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => (*rng.pick(HOSTILE_NAMES)).to_owned(),
        1 => (0..rng.below(6)).map(|_| *rng.pick(PIECES)).collect(),
        2 => (0..rng.below(5))
            .filter_map(|_| char::from_u32(rng.below(0x3_0000) as u32))
            .collect(),
        _ => {
            let mut s = (*rng.pick(HOSTILE_NAMES)).to_owned();
            let piece = rng.pick::<&str>(PIECES);
            s.push_str(piece);
            s
        }
    }
}

/// Text for docs that rustdoc or a comment could trip on.
const ODD_DOCS: &[&str] = &[
    "*/ /* not closed",
    "```\nfn main() { panic!() }\n```",
    "```rust\nlet x = 1;",
    "<html><body>",
    "<b>bold</b> & <i>",
    "`unbalanced",
    "[link] and [a](b) and [[x]]",
    "    indented: a doctest?",
    "# Heading\n---\n> quote",
    "http://x.y/z?a=b&c=d. https://e.f",
    "<https://g.h>",
    "\"quoted\" 'single' \\ backslash",
    "line\r\nwith CRLF",
    "nul \0 byte",
    "#[doc = \"x\"]",
    "{{}} %s {0}",
    "名前 😀 e\u{301}",
    "",
    "   ",
    "\n\n",
];

pub fn doc(rng: &mut Rng) -> Option<String> {
    match rng.below(3) {
        0 => None,
        1 => Some((*rng.pick(ODD_DOCS)).to_owned()),
        _ => Some(format!("{} {}", rng.pick(ODD_DOCS), string(rng))),
    }
}

/// A random JSON value, scalars most of the time.
pub fn value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 1 { 7 } else { 9 }) {
        0 => Value::Null,
        1 => json!(rng.one_in(2)),
        2 => json!(*rng.pick(&[0i64, 1, -1, i64::MIN, i64::MAX, 42])),
        3 => json!(*rng.pick(&[0.5f64, -1.25, 1e300, 3.0, f64::MIN_POSITIVE])),
        4 => json!(u64::MAX),
        5 | 6 => Value::String(string(rng)),
        7 => Value::Array((0..rng.below(3)).map(|_| value(rng, depth + 1)).collect()),
        _ => {
            let mut map = serde_json::Map::new();
            for _ in 0..rng.below(3) {
                map.insert(string(rng), value(rng, depth + 1));
            }
            Value::Object(map)
        }
    }
}

const PRIMITIVES: &[Primitive] = &[
    Primitive::String,
    Primitive::Uuid,
    Primitive::DateTime,
    Primitive::Date,
    Primitive::Uri,
    Primitive::Byte,
    Primitive::Binary,
    Primitive::Boolean,
    Primitive::Int32,
    Primitive::Int64,
    Primitive::Float,
    Primitive::Double,
];

/// A random reference to one of `n` types (or to a type out of range, rarely).
pub fn type_ref(rng: &mut Rng, n: usize, depth: usize) -> TypeRef {
    let leaf = depth >= 3;
    match rng.below(if leaf { 4 } else { 9 }) {
        0 | 1 if n > 0 => TypeRef::Named(TypeId(rng.below(n))),
        0 | 1 => TypeRef::Any,
        2 => TypeRef::Primitive(*rng.pick(PRIMITIVES)),
        3 => rng.pick(&[TypeRef::Object, TypeRef::Any]).clone(),
        4 => TypeRef::Array(Box::new(type_ref(rng, n, depth + 1))),
        5 => TypeRef::Map(Box::new(type_ref(rng, n, depth + 1))),
        6 => TypeRef::Nullable(Box::new(type_ref(rng, n, depth + 1))),
        7 => TypeRef::Tuple(
            (0..rng.below(4))
                .map(|_| type_ref(rng, n, depth + 1))
                .collect(),
        ),
        // Now and then a type that does not exist.
        _ if rng.one_in(10) => TypeRef::Named(TypeId(n)),
        _ => TypeRef::Named(TypeId(rng.below(n.max(1)))),
    }
}

fn constraints(rng: &mut Rng, depth: usize) -> Constraints {
    if rng.one_in(2) {
        return Constraints::default();
    }
    fn opt(rng: &mut Rng, v: u64) -> Option<u64> {
        rng.one_in(2).then_some(v)
    }
    let patterns = [
        "^[a-z]+$",
        "(unclosed",
        "\"quote\" \\d{2}",
        "(?<name>x)",
        "}{",
        "",
        "名+",
        "\\p{L}",
        "`",
        "\n",
    ];
    Constraints {
        min_length: {
            let v = rng.below(5) as u64;
            opt(rng, v)
        },
        max_length: {
            let v = *rng.pick(&[0, 3, u64::MAX]);
            opt(rng, v)
        },
        pattern: rng.one_in(2).then(|| (*rng.pick(&patterns)).to_owned()),
        minimum: rng.one_in(2).then(|| match rng.below(40) {
            // Now and then a bound no JSON has (an IR built in code might).
            0 => *rng.pick(&[f64::NAN, f64::INFINITY]),
            _ => *rng.pick(&[-1.5, 0.0, 1e300, -0.0]),
        }),
        maximum: rng.one_in(2).then(|| *rng.pick(&[2.0, 1e-300, 7.0])),
        exclusive_minimum: rng.one_in(2),
        exclusive_maximum: rng.one_in(2),
        min_items: {
            let v = rng.below(3) as u64;
            opt(rng, v)
        },
        max_items: opt(rng, 5),
        unique_items: rng.one_in(3),
        items: (depth == 0 && rng.one_in(3)).then(|| Box::new(constraints(rng, depth + 1))),
    }
}

fn field(rng: &mut Rng, n: usize, names: &[String]) -> Field {
    let presence = *rng.pick(&[
        Presence::Required,
        Presence::RequiredNullable,
        Presence::Optional,
        Presence::OptionalNullable,
    ]);
    let wire_name = if !names.is_empty() && rng.one_in(4) {
        // The name of an earlier field, changed a little or not at all: collisions.
        let base = rng.pick(names).clone();
        match rng.below(3) {
            0 => base.to_uppercase(),
            1 => format!("{base}_"),
            _ => base.replace('_', "-"),
        }
    } else {
        string(rng)
    };
    let ty = type_ref(rng, n, 0);
    let default = match rng.below(4) {
        0 => Some(value(rng, 0)),
        _ => None,
    };
    Field {
        wire_name,
        ty,
        presence,
        default,
        access: *rng.pick(&[Access::ReadWrite, Access::ReadOnly, Access::WriteOnly]),
        deprecated: rng.one_in(4),
        doc: doc(rng),
        constraints: constraints(rng, 0),
        examples: (0..rng.below(2)).map(|_| value(rng, 0)).collect(),
        note: rng.one_in(5).then(|| string(rng)),
    }
}

fn enum_values(rng: &mut Rng) -> Vec<EnumValue> {
    let kind = rng.below(5);
    let mut values: Vec<EnumValue> = Vec::new();
    for _ in 0..rng.below(6) {
        let v = match kind {
            0 => Value::String(string(rng)),
            1 => json!(*rng.pick(&[0i64, 1, -1, 2, i64::MIN, i64::MAX, 15])),
            2 => json!(*rng.pick(&[0.5f64, 1.5, -2.25, 1e300, 15.0])),
            3 => json!(rng.one_in(2)),
            _ => match rng.below(4) {
                0 => json!(rng.below(3)),
                1 => json!(rng.one_in(2)),
                2 => json!(0.5),
                _ => Value::String(string(rng)),
            },
        };
        if values.iter().any(|w| w.value == v) && !rng.one_in(8) {
            continue;
        }
        values.push(EnumValue {
            value: v,
            name: rng.one_in(4).then(|| string(rng)),
            doc: doc(rng),
        });
    }
    values
}

/// A random model of up to `max_types` types: every kind, references in every form (loops
/// included), hostile names, colliding names, odd docs. Some are broken (an alias loop, a name given
/// twice, an enum value listed twice, a reference out of range, an enum whose values are not of its
/// representation): `Model::check` must reject those.
pub fn model(rng: &mut Rng, max_types: usize) -> Model {
    let n = 1 + rng.below(max_types);
    let mut names: Vec<String> = Vec::new();
    for _ in 0..n {
        let name = loop {
            let name = if !names.is_empty() && rng.one_in(4) {
                // Another spelling of an earlier name: converts to the same Rust name.
                let base = rng.pick(&names).clone();
                match rng.below(3) {
                    0 => base.to_lowercase(),
                    1 => format!("{base}-"),
                    _ => format!("_{base}"),
                }
            } else {
                string(rng)
            };
            // Mostly distinct source names, so most models pass the check.
            if !names.contains(&name) || rng.one_in(20) {
                break name;
            }
        };
        names.push(name);
    }
    let mut types = Vec::new();
    for name in names {
        let kind = match rng.below(4) {
            0 => {
                let mut fields: Vec<Field> = Vec::new();
                for _ in 0..rng.below(6) {
                    let wire: Vec<String> = fields.iter().map(|f| f.wire_name.clone()).collect();
                    let f = field(rng, n, &wire);
                    // A property listed twice is rejected: now and then only.
                    if !wire.contains(&f.wire_name) || rng.one_in(20) {
                        fields.push(f);
                    }
                }
                TypeKind::Struct(Struct {
                    fields,
                    additional: rng.one_in(3).then(|| type_ref(rng, n, 1)),
                })
            }
            1 => {
                let mut e = Enum::new(enum_values(rng));
                if rng.one_in(10) {
                    e.repr = *rng.pick(&[
                        Repr::String,
                        Repr::Integer,
                        Repr::Number,
                        Repr::Boolean,
                        Repr::Mixed,
                    ]);
                }
                TypeKind::Enum(e)
            }
            2 => {
                let tagged = rng.one_in(2);
                let discriminator = tagged.then(|| string(rng));
                let me = types.len();
                let variants = (0..rng.below(5))
                    .map(|_| {
                        let mut ty = type_ref(rng, n, 1);
                        // A union that is its own member is rejected: mostly, point elsewhere.
                        if matches!(ty, TypeRef::Named(id) if id.0 <= me) && !rng.one_in(6) {
                            ty = TypeRef::Array(Box::new(ty));
                        }
                        Variant {
                            tag: tagged.then(|| string(rng)),
                            ty,
                        }
                    })
                    .collect();
                TypeKind::Union(Union {
                    discriminator,
                    variants,
                })
            }
            _ => TypeKind::Alias(Alias {
                ty: type_ref(rng, n, 0),
            }),
        };
        let mut def = TypeDef::new(name, format!("random#/{}", types.len()), kind);
        def.inline = rng.one_in(3);
        def.doc = doc(rng);
        def.deprecated = rng.one_in(5);
        def.nullable = rng.one_in(6);
        def.examples = (0..rng.below(3)).map(|_| value(rng, 0)).collect();
        types.push(def);
    }
    let mut model = Model {
        title: rng.one_in(2).then(|| string(rng)),
        version: rng.one_in(2).then(|| string(rng)),
        types,
    };
    // Readers normalize; a hand-written IR may not be.
    if rng.one_in(2) {
        model.normalize();
    }
    model
}
