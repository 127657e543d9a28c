//! Broken and hostile input never panics, and code that is generated parses: the bundled Onfido
//! spec cut short and with bytes replaced; percent escapes in `$ref`s; names and values of every
//! script and symbol; `$ref` loops; random mutations of several fixtures, specs and docs alike.

mod support;

use std::panic;
use std::path::{Path, PathBuf};

use modelgen::input::markdown::Source;

use support::TempDir;

#[test]
fn truncated_and_corrupted_specs_give_errors_not_panics() {
    let spec = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/onfido-2026-02-bundled.yaml"),
    )
    .unwrap();
    let dir = TempDir::new("robust");
    let path = dir.path().join("openapi.yaml");
    let mut cases: Vec<String> = Vec::new();
    // Cuts at 25 points spread over the file (on character boundaries).
    for i in 1..=25 {
        let mut cut = spec.len() * i / 26;
        while !spec.is_char_boundary(cut) {
            cut -= 1;
        }
        cases.push(spec[..cut].to_owned());
    }
    // The same spec with one structural character replaced at 15 points.
    let bytes = spec.as_bytes();
    let mut state = 0x2545_f491_u64;
    for _ in 0..15 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let at = (state % bytes.len() as u64) as usize;
        let mut mutated = bytes.to_vec();
        mutated[at] = b"{}[]:-'\"&*!|>#"[(state >> 32) as usize % 14];
        cases.push(String::from_utf8_lossy(&mutated).into_owned());
    }
    for (i, text) in cases.iter().enumerate() {
        std::fs::write(&path, text).unwrap();
        let result = panic::catch_unwind(|| {
            modelgen::Config::new()
                .input(&path)
                .generate()
                .map(|g| g.code.len())
        });
        assert!(result.is_ok(), "case {i} panicked");
    }
}

/// What one generation did: code (which must parse), an error (the diagnostics' text), or a panic.
enum Outcome {
    Code(String),
    Error(String),
}

/// Generates from spec files held in memory (the first is the root), in-process. Panics with the
/// case's label if the generator panics or if the code it gives does not parse as Rust.
fn generate(label: &str, files: &[(&str, &str)]) -> Outcome {
    let files: Vec<(PathBuf, String)> = files
        .iter()
        .map(|(p, t)| (PathBuf::from(p), (*t).to_owned()))
        .collect();
    let result = panic::catch_unwind(|| modelgen::Config::new().generate_spec_in_memory(&files));
    sound(label, result)
}

/// Generates from model docs held in memory, as [`generate`] does from specs.
fn generate_docs(label: &str, docs: &[(String, String)]) -> Outcome {
    let sources: Vec<Source> = docs
        .iter()
        .map(|(p, t)| Source {
            path: PathBuf::from(p),
            text: t.clone(),
        })
        .collect();
    let result = panic::catch_unwind(|| modelgen::Config::new().generate_docs_in_memory(sources));
    sound(label, result)
}

fn sound(
    label: &str,
    result: std::thread::Result<modelgen::Result<modelgen::Generated>>,
) -> Outcome {
    match result {
        Err(_) => panic!("{label}: the generator panicked"),
        // A panic while emitting is caught and reported as an internal error: a bug all the same.
        Ok(Err(e))
            if e.diagnostics
                .iter()
                .any(|d| d.message.starts_with("internal error")) =>
        {
            panic!("{label}: {e}")
        }
        Ok(Err(e)) => Outcome::Error(e.to_string()),
        Ok(Ok(generated)) => {
            if let Err(e) = syn::parse_file(&generated.code) {
                panic!(
                    "{label}: the generated code does not parse: {e}\n{}",
                    generated.code
                );
            }
            Outcome::Code(generated.code)
        }
    }
}

fn expect_error(label: &str, files: &[(&str, &str)], wanted: &[&str]) {
    match generate(label, files) {
        Outcome::Code(_) => panic!("{label}: generated code, expected an error"),
        Outcome::Error(e) => {
            for want in wanted {
                assert!(e.contains(want), "{label}: missing {want:?} in:\n{e}");
            }
        }
    }
}

fn expect_code(label: &str, files: &[(&str, &str)]) -> String {
    match generate(label, files) {
        Outcome::Code(code) => code,
        Outcome::Error(e) => panic!("{label}: expected code, got:\n{e}"),
    }
}

fn spec(schemas: &str) -> String {
    format!("openapi: 3.0.0\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}")
}

#[test]
fn percent_escapes_in_refs() {
    // Each `$ref` of `a.p`, with what the error must say (`None`: it resolves).
    let cases: &[(&str, Option<&str>)] = &[
        (
            "#/components/schemas/x%1é",
            Some("unresolved $ref \"#/components/schemas/x%1é\""),
        ),
        (
            "#/components/schemas/%zz",
            Some("unresolved $ref \"#/components/schemas/%zz\""),
        ),
        (
            "#/components/schemas/%",
            Some("unresolved $ref \"#/components/schemas/%\""),
        ),
        (
            "#/components/schemas/b%",
            Some("unresolved $ref \"#/components/schemas/b%\""),
        ),
        ("#/components/schemas/%E2%82", Some("unresolved $ref")),
        ("#/components/schemas/%C3%A9", None),
        ("#/components/schemas/%62", None),
        ("#%2Fcomponents%2Fschemas%2Fb", None),
        ("%", Some("unresolved $ref \"%\"")),
        ("%zz#/b", Some("unresolved $ref \"%zz#/b\"")),
        ("#/components/schemas/b/%7e1", Some("unresolved $ref")),
        (
            "#components/schemas/b",
            Some("the fragment must be a JSON pointer starting with `/`"),
        ),
    ];
    for (reference, error) in cases {
        let text = spec(&format!(
            "    a:\n      properties:\n        p: {{$ref: '{reference}'}}\n    b: {{type: string}}\n    é: {{type: integer}}\n"
        ));
        let label = format!("$ref {reference:?}");
        match error {
            Some(wanted) => expect_error(
                &label,
                &[("openapi.yaml", &text)],
                &[
                    "error: openapi.yaml:8:12 (#/components/schemas/a/properties/p)",
                    wanted,
                ],
            ),
            None => {
                expect_code(&label, &[("openapi.yaml", &text)]);
            }
        }
    }
}

#[test]
fn names_and_values_of_every_kind_give_code_that_parses() {
    let names = [
        "m²", "½-½", "Self", "self", "_", "1abc", "", "super", "crate", "r#type", "__", "é",
        "日本", "🦀", "a b", "-", "$", "Option", "String", "Box", "Vec", "Result", "type", "async",
        "ß", "ǅ", "I", "Ⅻ", "x-y_z", "A_B", "a-b", "0", "-1", "1.5", "null", "true", "\\t", "'",
        "\"", "<>", "::", "#", "/", "~", "%20", "Nullable", "serde", "std", "core", "Default",
    ];
    let quoted: Vec<String> = names
        .iter()
        .map(|n| format!("\"{}\"", n.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    // As property names, as enum values, as schema names, and all at once.
    let properties: String = quoted
        .iter()
        .map(|n| format!("        {n}: {{type: string}}\n"))
        .collect();
    let enum_values = quoted.join(", ");
    let schemas: String = quoted
        .iter()
        .map(|n| format!("    {n}: {{type: object, properties: {{x: {{type: integer}}}}}}\n"))
        .collect();
    let refs: String = names
        .iter()
        .filter(|n| !n.is_empty())
        .map(|n| {
            let pointer = n.replace('~', "~0").replace('/', "~1").replace('%', "%25");
            format!(
                "        \"r{}\": {{$ref: \"#/components/schemas/{}\"}}\n",
                n.replace('\\', "\\\\").replace('"', "\\\""),
                pointer.replace('\\', "\\\\").replace('"', "\\\"")
            )
        })
        .collect();
    let cases = [
        ("property names", spec(&format!("    a:\n      properties:\n{properties}"))),
        (
            "string enum values",
            spec(&format!("    a: {{type: string, enum: [{enum_values}]}}\n")),
        ),
        ("schema names", spec(&schemas)),
        (
            "all at once",
            spec(&format!(
                "{schemas}    all:\n      properties:\n{properties}{refs}    e: {{enum: [{enum_values}]}}\n"
            )),
        ),
    ];
    for (label, text) in cases {
        expect_code(label, &[("openapi.yaml", &text)]);
    }
}

#[test]
fn ref_loops_through_refs_only_are_errors_naming_the_cycle() {
    // Schemas that are only references to one another.
    expect_error(
        "schemas",
        &[(
            "openapi.yaml",
            &spec(
                "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/C'}\n    C: {$ref: '#/components/schemas/A'}\n",
            ),
        )],
        &[
            "error: openapi.yaml (#/components/schemas/A): a loop of references with no schema in between: A -> B -> C -> A",
        ],
    );
    // Across files.
    expect_error(
        "files",
        &[
            ("openapi.yaml", &spec("    A: {$ref: 'b.yaml'}\n")),
            ("b.yaml", "$ref: 'c.yaml'\n"),
            ("c.yaml", "$ref: 'openapi.yaml#/components/schemas/A'\n"),
        ],
        &["a loop of references with no schema in between: A -> b -> c -> A"],
    );
    // A path item (not a schema) that refers to itself through others.
    expect_error(
        "path item",
        &[(
            "openapi.yaml",
            "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /p: {$ref: '#/x/a'}\nx:\n  a: {$ref: '#/x/b'}\n  b: {$ref: '#/x/c'}\n  c: {$ref: '#/x/a'}\n",
        )],
        &["circular $ref \"#/x/b\": #/x/a -> #/x/b -> #/x/c -> #/x/a"],
    );
}

/// A small deterministic generator (xorshift64), so every run tries the same cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Text that the readers treat specially, spliced into the inputs.
const PIECES: &[&str] = &[
    "%",
    "%zz",
    "%1é",
    "é",
    "m²",
    "½-½",
    "\u{feff}",
    "\t",
    "{",
    "}",
    "[",
    "]",
    ":",
    "- ",
    "'",
    "\"",
    "&a",
    "*a",
    "!!str ",
    "|",
    ">",
    "#",
    "$ref: '#/'",
    "$ref: '#/components/schemas/%'",
    "allOf: [",
    "type: ",
    "null",
    "~",
    "\\",
    "&lt;",
    "&gt;",
    "**",
    "|",
    "Array<",
    ">",
    "[]",
    "Self",
    "self",
    "_",
    "1abc",
    "",
    "\n",
    "\r\n",
    "\u{0}",
    "🦀",
];

/// One random change of `text`: a byte, a piece of text, a line dropped, doubled or moved, or a cut.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.is_empty() {
        return PIECES[rng.below(PIECES.len())].to_owned();
    }
    let at = rng.below(lines.len());
    match rng.below(6) {
        0 => {
            // A byte replaced (the result is read as UTF-8 with replacement, as a reader would not).
            let mut bytes = text.as_bytes().to_vec();
            let i = rng.below(bytes.len());
            bytes[i] = (rng.next() >> 24) as u8;
            String::from_utf8_lossy(&bytes).into_owned()
        }
        1 => {
            let mut out = text.to_owned();
            let mut i = rng.below(out.len() + 1);
            while !out.is_char_boundary(i) {
                i -= 1;
            }
            out.insert_str(i, PIECES[rng.below(PIECES.len())]);
            out
        }
        2 => {
            lines.remove(at);
            lines.concat()
        }
        3 => {
            let line = lines[rng.below(lines.len())];
            lines.insert(at, line);
            lines.concat()
        }
        4 => {
            let other = rng.below(lines.len());
            lines.swap(at, other);
            lines.concat()
        }
        _ => lines[..at].concat(),
    }
}

#[test]
fn random_mutations_of_the_fixtures_never_panic() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let read = |p: &str| std::fs::read_to_string(fixtures.join(p)).unwrap();
    let specs = [
        ("openapi.yaml", read("constructs-3.0.yaml")),
        ("openapi.json", read("constructs-3.1.json")),
        ("openapi.yaml", read("kitchen-sink.yaml")),
        ("openapi.yaml", read("lossless.yaml")),
        ("openapi.yaml", read("swagger/petstore.yaml")),
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut code, mut errors) = (0, 0);
    for case in 0..250 {
        let (name, text) = &specs[case % specs.len()];
        let mut mutated = mutate(text, &mut rng);
        for _ in 0..rng.below(3) {
            mutated = mutate(&mutated, &mut rng);
        }
        match generate(&format!("spec case {case}"), &[(name, &mutated)]) {
            Outcome::Code(_) => code += 1,
            Outcome::Error(_) => errors += 1,
        }
    }
    // The mutations are neither all harmless nor all fatal.
    assert!(
        code > 25 && errors > 25,
        "{code} generated, {errors} errors"
    );

    let dir = fixtures.join("markdown/typescript");
    let mut docs: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    docs.sort();
    let (mut code, mut errors) = (0, 0);
    for case in 0..100 {
        let mut mutated = docs.clone();
        for _ in 0..=rng.below(3) {
            let i = rng.below(mutated.len());
            mutated[i].1 = mutate(&mutated[i].1, &mut rng);
        }
        match generate_docs(&format!("docs case {case}"), &mutated) {
            Outcome::Code(_) => code += 1,
            Outcome::Error(_) => errors += 1,
        }
    }
    assert!(code > 10, "{code} generated, {errors} errors");
}

#[test]
fn a_broken_model_is_an_error_at_its_type() {
    // A model no reader makes (a field of a type that does not exist), given to the library: an
    // error at the type's origin, not a panic in the emitter.
    use modelgen::ir::{Field, Model, Presence, Struct, TypeDef, TypeId, TypeKind, TypeRef};
    let mut model = Model::default();
    model.types.push(TypeDef::new(
        "Pet",
        "spec/pets.yaml#/components/schemas/Pet",
        TypeKind::Struct(Struct {
            fields: vec![Field::new(
                "owner",
                TypeRef::Named(TypeId(7)),
                Presence::Required,
            )],
            additional: None,
        }),
    ));
    let error = modelgen::generate_model(&model, &modelgen::Options::default(), "pets.yaml")
        .unwrap_err()
        .to_string();
    assert!(
        error
            == "error: spec/pets.yaml (#/components/schemas/Pet): refers to type #7, which does not exist",
        "{error}"
    );
}

#[test]
fn specs_in_memory_read_no_file() {
    // A Swagger 2.0 body parameter in another file: the conversion looks into that file to see it
    // is a body, and in memory it finds it there, not on disk.
    let root = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /p:\n    post:\n      parameters: [{$ref: 'params.yaml#/Body'}]\n      responses: {'200': {description: ok}}\n";
    let params = "Body: {name: body, in: body, schema: {title: Payload, type: object, properties: {a: {type: string}}}}\n";
    let code = expect_code(
        "swagger in memory",
        &[("openapi.yaml", root), ("params.yaml", params)],
    );
    assert!(code.contains("pub struct Payload"), "{code}");
    // A file that is not held in memory is not read from disk, even if it exists there.
    expect_error(
        "not in memory",
        &[(
            "openapi.yaml",
            &spec(&format!(
                "    a: {{$ref: '{}/Cargo.toml'}}\n",
                env!("CARGO_MANIFEST_DIR")
            )),
        )],
        &["Cargo.toml: cannot read the file: not found"],
    );
}
