//! The JSON parser against the YAML parser, serde_json and real specs: same values, same positions, no
//! panics on random and mutated input.

mod support;

use std::path::{Path, PathBuf};

use modelgen::input::{document, json, yaml};
use serde_json::{Map, Number, Value};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// Every node's JSON pointer, in document order.
fn pointers(value: &Value) -> Vec<String> {
    fn walk(value: &Value, pointer: &mut String, out: &mut Vec<String>) {
        out.push(pointer.clone());
        let len = pointer.len();
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    pointer.push_str(&format!("/{i}"));
                    walk(item, pointer, out);
                    pointer.truncate(len);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    pointer.push('/');
                    pointer.push_str(&yaml::escape_pointer(key));
                    walk(item, pointer, out);
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut String::new(), &mut out);
    out
}

/// Parses `text` with both parsers and checks they agree on the value and on every node's position.
fn check_same_as_yaml(name: &str, text: &str) -> usize {
    let file = Path::new(name);
    let from_json = json::parse(file, text).unwrap();
    let from_yaml = yaml::parse(file, text).unwrap();
    assert!(from_json.value == from_yaml.value, "{name}: values differ");
    let all = pointers(&from_json.value);
    for pointer in &all {
        let (j, y) = (from_json.position(pointer), from_yaml.position(pointer));
        assert!(j.is_some(), "{name}: no position for {pointer}");
        assert_eq!(j, y, "{name}: positions of {pointer} differ");
    }
    all.len()
}

#[test]
fn json_and_yaml_parsers_agree_on_the_onfido_spec_as_json() {
    let bundled = repo("codegen/tests/fixtures/onfido-2026-02-bundled.yaml");
    let spec = yaml::parse(&bundled, &std::fs::read_to_string(&bundled).unwrap())
        .unwrap()
        .value;
    let pretty = serde_json::to_string_pretty(&spec).unwrap();
    let nodes = check_same_as_yaml("onfido.json", &pretty);
    assert!(nodes > 9_000, "{nodes}");
    // One line of 400 KB, and CRLF line ends.
    check_same_as_yaml("onfido.min.json", &serde_json::to_string(&spec).unwrap());
    check_same_as_yaml("onfido.crlf.json", &pretty.replace('\n', "\r\n"));
}

#[test]
fn json_and_yaml_parsers_agree_on_small_cases() {
    let cases = [
        "\u{feff}{\"a\": [1, {\"b\": \"é\"}]}",
        "{\"ü👍\": [\"€\", 2.5, -3, null], \"x\": {\"ä\": true}}",
        "[[], {}, [[1]], {\"a\": {}}]\n",
        "\t{ \"a\" :\n\t\t1 ,\"b\":\"a\\\"b\"}",
    ];
    for (i, text) in cases.iter().enumerate() {
        check_same_as_yaml(&format!("case{i}.json"), text);
    }
}

#[test]
fn a_spec_with_surrogate_pairs_loads() {
    // The YAML parser stops at `\ud83d\udc4d` ("invalid Unicode character escape code").
    let loaded = modelgen::input::load(&repo("codegen/tests/fixtures/json/escapes.json")).unwrap();
    let text = serde_json::to_string(&loaded.model).unwrap();
    for expected in [
        "👍 or 👎",
        "\"𝄞\"",
        "\"été\"",
        "\"café\"",
        "Escapes — a JSON spec",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
}

#[test]
fn the_loader_reads_json_and_yaml_flow_mappings() {
    let dir = support::TempDir::new("json-input");
    let flow = "{openapi: 3.0.3, info: {title: t, version: '1'}, paths: {},\n components: {schemas: {a: {type: string}}}}";
    let json_spec = r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
 "components": {"schemas": {"a": {"type": "string", "description": "\ud83d\ude00"}}}}"#;
    let broken = "{\"openapi\": \"3.0.3\",\n \"info\": {\"title\": \"t\" \"version\": \"1\"}}";
    dir.write(&[
        ("flow.yaml", flow),
        ("flow.json", flow),
        ("spec.yaml", json_spec),
        ("broken.yaml", broken),
    ]);
    let load = |name: &str| modelgen::input::load(&dir.path().join(name));
    assert_eq!(load("flow.yaml").unwrap().model.types.len(), 1);
    assert_eq!(load("spec.yaml").unwrap().model.types.len(), 1);
    let err = load("flow.json").unwrap_err().to_string();
    assert!(
        err.contains(
            "flow.json:1:2: JSON syntax error: expected `}` or a string key, found `openapi`"
        ),
        "{err}"
    );
    let err = load("broken.yaml").unwrap_err().to_string();
    assert!(
        err.contains(
            "broken.yaml:2:24: JSON syntax error: expected `,` or `}` after an object member"
        ),
        "{err}"
    );
}

#[test]
fn discord_spec_parses() {
    let path = Path::new("/work/shared/corpus/realworld/discord/openapi.json");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {} is not here", path.display());
        return;
    };
    let doc = json::parse(path, &text).unwrap();
    let reference: Value = serde_json::from_str(&text).unwrap();
    assert!(doc.value == reference);
    check_same_as_yaml("discord.json", &text);
}

/// A small deterministic generator (xorshift64*), so a failure is reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const CHARS: &[char] = &[
    'a',
    'Z',
    '0',
    ' ',
    '"',
    '\\',
    '/',
    '\n',
    '\t',
    '\u{0}',
    '\u{1f}',
    '\u{7f}',
    'é',
    '€',
    '\u{2028}',
    '\u{feff}',
    '👍',
    '\u{10FFFF}',
    '{',
    ']',
    ':',
    ',',
    '~',
];

fn random_string(rng: &mut Rng) -> String {
    (0..rng.below(8)).map(|_| rng.pick(CHARS)).collect()
}

fn random_number(rng: &mut Rng) -> Number {
    match rng.below(6) {
        0 => Number::from(rng.below(100) as u64),
        1 => Number::from(rng.next() as i64),
        2 => Number::from(rng.next()),
        3 => Number::from_f64(rng.below(2000) as f64 / 8.0 - 100.0).unwrap(),
        4 => Number::from_f64(rng.pick(&[0.0, -0.0, 1e300, -1e-300, 5e-324, f64::MAX])).unwrap(),
        _ => {
            let f = f64::from_bits(rng.next());
            Number::from_f64(if f.is_finite() { f } else { 0.5 }).unwrap()
        }
    }
}

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    let kinds = if depth == 0 { 5 } else { 7 };
    match rng.below(kinds) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 | 3 => Value::Number(random_number(rng)),
        4 => Value::String(random_string(rng)),
        5 => Value::Array(
            (0..rng.below(5))
                .map(|_| random_value(rng, depth - 1))
                .collect(),
        ),
        _ => {
            let mut map = Map::new();
            for _ in 0..rng.below(5) {
                map.insert(random_string(rng), random_value(rng, depth - 1));
            }
            Value::Object(map)
        }
    }
}

/// `text` with every non-ASCII character written as `\u` escapes (surrogate pairs above U+FFFF),
/// hex digits in either case. serde_json writes non-ASCII characters only inside strings.
fn ascii_escaped(text: &str, rng: &mut Rng) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let mut units = [0; 2];
        for unit in c.encode_utf16(&mut units) {
            if rng.below(2) == 0 {
                out.push_str(&format!("\\u{unit:04x}"));
            } else {
                out.push_str(&format!("\\u{unit:04X}"));
            }
        }
    }
    out
}

/// Equal, but floats only to the last few bits: serde_json's default float reading is not always
/// correctly rounded, the parser's is.
fn nearly_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            x == y || (x - y).abs() <= 1e-15 * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| nearly_equal(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, a), (kb, b))| ka == kb && nearly_equal(a, b))
        }
        _ => a == b,
    }
}

#[test]
fn random_values_read_back_equal() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let file = Path::new("random.json");
    for round in 0..3000 {
        let value = random_value(&mut rng, 4);
        let compact = serde_json::to_string(&value).unwrap();
        let texts = [
            serde_json::to_string_pretty(&value).unwrap(),
            ascii_escaped(&compact, &mut rng),
            compact,
        ];
        for text in &texts {
            match json::parse(file, text) {
                Ok(doc) => assert!(doc.value == value, "round {round}: {text}"),
                Err(e) => panic!("round {round}: {text}\n{e}"),
            }
        }
    }
}

#[test]
fn mutated_json_gives_a_value_or_an_error_as_serde_json_does() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let file = Path::new("mutated.json");
    let interesting = b"{}[],:\"\\ -+.eE019tfnu\n\xc3\xa9\xf0";
    let (mut ok, mut err) = (0, 0);
    for round in 0..20_000 {
        let value = random_value(&mut rng, 3);
        let text = if rng.below(2) == 0 {
            serde_json::to_string(&value).unwrap()
        } else {
            ascii_escaped(&serde_json::to_string_pretty(&value).unwrap(), &mut rng)
        };
        let mut bytes = text.into_bytes();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(bytes.len() + 1);
            let byte = if rng.below(4) == 0 {
                rng.next() as u8
            } else {
                rng.pick(interesting)
            };
            match rng.below(4) {
                0 if at < bytes.len() => bytes[at] = byte,
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                2 => bytes.truncate(at),
                _ => bytes.insert(at, byte),
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        let reference = serde_json::from_str::<Value>(&text);
        match json::parse(file, &text) {
            Ok(doc) => {
                ok += 1;
                let reference = reference.unwrap_or_else(|e| {
                    panic!("round {round}: accepted what serde_json rejects ({e}): {text:?}")
                });
                assert!(
                    nearly_equal(&doc.value, &reference),
                    "round {round}: {text:?}"
                );
            }
            Err(e) => {
                err += 1;
                let message = e.to_string();
                assert!(message.starts_with("error: mutated.json:"), "{message}");
                assert!(
                    reference.is_err() || message.contains("duplicate key"),
                    "round {round}: rejected what serde_json reads: {text:?}\n{message}"
                );
            }
        }
    }
    // Both outcomes are exercised.
    assert!(ok > 1000 && err > 1000, "{ok} ok, {err} errors");
}

#[test]
fn the_spec_reader_picks_json_by_the_first_character() {
    let file = Path::new("t.yaml");
    let doc = document::parse(file, "\u{feff}\n  [1, {\"a\": \"\\ud83d\\udc4d\"}]").unwrap();
    assert_eq!(doc.value, serde_json::json!([1, {"a": "👍"}]));
    assert_eq!(doc.position("/1/a"), Some((2, 13)));
}
