//! Every resource bound of `modelgen::input::limits` is an error naming the file and the place,
//! from the command line (exit 1, never a crash) and in-process, however far past it the input goes.

mod support;

use std::path::Path;
use std::process::Command;

use support::TempDir;

/// Runs `modelgen check` on `target` among `files`; returns the exit code and stderr, with the
/// temporary directory removed from paths.
fn check(files: &[(&str, &str)], target: &str) -> (Option<i32>, String) {
    let dir = TempDir::new("limits");
    dir.write(files);
    run_check(dir.path(), target)
}

fn run_check(dir: &Path, target: &str) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_modelgen"))
        .arg("check")
        .arg(dir.join(target))
        .output()
        .unwrap();
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&format!("{}/", dir.display()), "");
    (output.status.code(), stderr)
}

/// `modelgen check` exits 1 (not 101, a panic, nor a signal) with every one of `wanted` in stderr.
fn assert_rejects(files: &[(&str, &str)], target: &str, wanted: &[&str]) {
    let (code, stderr) = check(files, target);
    assert_eq!(code, Some(1), "{stderr}");
    for want in wanted {
        assert!(stderr.contains(want), "missing {want:?} in:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

const HEAD: &str = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n";

#[test]
fn json_nested_100_000_deep() {
    let text = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_rejects(
        &[("openapi.json", &text)],
        "openapi.json",
        &["error: openapi.json:1:1001: JSON nested deeper than 1000 arrays and objects"],
    );
}

#[test]
fn yaml_flow_nested_100_000_deep() {
    let text = format!(
        "{HEAD}components:\n  schemas:\n    a: {}1{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    // The YAML parser's own bound comes first: 255 flow collections.
    assert_rejects(
        &[("openapi.yaml", &text)],
        "openapi.yaml",
        &["error: openapi.yaml:6:263: YAML syntax error: recursion limit exceeded"],
    );
}

#[test]
fn yaml_block_nested_100_000_deep() {
    // `- - - x` is a sequence of a sequence of …, one level per `- `.
    let text = format!(
        "{HEAD}components:\n  schemas:\n    a:\n      {}x\n",
        "- ".repeat(100_000)
    );
    assert_rejects(
        &[("openapi.yaml", &text)],
        "openapi.yaml",
        &[
            "error: openapi.yaml:7:",
            "YAML nested too deep: more than 1000",
        ],
    );
}

#[test]
fn yaml_aliases_cannot_nest_past_the_limit() {
    // An anchor 900 deep is within the limit, and so is an alias of it 150 deep, alone; the
    // alias's copy would be 1,050 deep.
    let text = format!(
        "{HEAD}x:\n  a0: &a0\n    {}1\n  a1:\n    {}*a0\n",
        "- ".repeat(900),
        "- ".repeat(150)
    );
    assert_rejects(
        &[("openapi.yaml", &text)],
        "openapi.yaml",
        &["error: openapi.yaml:8:305: YAML nested too deep: more than 1000"],
    );
}

#[test]
fn inline_schemas_10_000_deep() {
    // As JSON, 10,000 schemas inside one another pass the document's nesting limit first.
    let mut schema = String::from(r#"{"type": "string"}"#);
    for _ in 0..10_000 {
        schema = format!(r#"{{"type": "array", "items": {schema}}}"#);
    }
    let text = format!(
        r#"{{"openapi": "3.0.0", "info": {{"title": "t", "version": "1"}}, "paths": {{}},
"components": {{"schemas": {{"a": {schema}}}}}}}"#
    );
    assert_rejects(
        &[("openapi.json", &text)],
        "openapi.json",
        &[
            "error: openapi.json:2:",
            "JSON nested deeper than 1000 arrays and objects",
        ],
    );
}

/// A schema whose properties nest `depth` objects deep, each written inline, as YAML.
fn nested_properties(depth: usize) -> String {
    let mut text = format!("{HEAD}components:\n  schemas:\n    a:\n");
    let mut indent = String::from("      ");
    for _ in 0..depth {
        text.push_str(&format!("{indent}properties:\n{indent}  p:\n"));
        indent.push_str("    ");
    }
    text.push_str(&format!("{indent}type: string\n"));
    text
}

#[test]
fn inline_schemas_nested_past_the_lowering_limit() {
    // 100 objects inside one another are 200 levels of YAML: within the document's limit, past
    // the limit of schemas nested inline.
    let text = nested_properties(100);
    assert_rejects(
        &[("openapi.yaml", &text)],
        "openapi.yaml",
        &[
            "error: openapi.yaml:",
            "/properties/p/properties/p",
            "schemas nested too deep: more than 64 schemas written inline inside one another",
        ],
    );
    // Arrays of arrays are lowered in place: the same limit.
    let mut schema = String::from("{type: string}");
    for _ in 0..100 {
        schema = format!("{{type: array, items: {schema}}}");
    }
    assert_rejects(
        &[(
            "openapi.yaml",
            &format!("{HEAD}components:\n  schemas:\n    a: {schema}\n"),
        )],
        "openapi.yaml",
        &["error: openapi.yaml:6:", "schemas nested too deep"],
    );
}

#[test]
fn inline_schemas_within_the_limit_generate() {
    let dir = TempDir::new("limits-ok");
    dir.write(&[("openapi.yaml", &nested_properties(60))]);
    let generated = modelgen::Config::new()
        .input(dir.path().join("openapi.yaml"))
        .generate()
        .unwrap();
    assert_eq!(generated.model.types.len(), 60);
}

#[test]
fn ref_chains_past_the_limit() {
    // 1,000 schemas, each the next one.
    let mut text = format!("{HEAD}components:\n  schemas:\n");
    for i in 0..1_000 {
        text.push_str(&format!(
            "    s{i}: {{$ref: '#/components/schemas/s{}'}}\n",
            i + 1
        ));
    }
    text.push_str("    s1000: {type: string}\n");
    assert_rejects(
        &[("openapi.yaml", &text)],
        "openapi.yaml",
        &[
            "error: openapi.yaml:",
            "$ref chain too long: more than 64 schemas each built on the next",
        ],
    );
    // A path item that is a reference to a reference to …
    let mut text = String::from(
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /p: {$ref: '#/x/r0'}\nx:\n",
    );
    for i in 0..1_000 {
        text.push_str(&format!("  r{i}: {{$ref: '#/x/r{}'}}\n", i + 1));
    }
    text.push_str("  r1000: {get: {responses: {'200': {description: ok}}}}\n");
    assert_rejects(
        &[("openapi.yaml", &text)],
        "openapi.yaml",
        &[
            "error: openapi.yaml:4:7 (#/paths/~1p): $ref chain too long: more than 64 `$ref`s to `$ref`s",
        ],
    );
}

#[test]
fn ref_cycles_name_the_cycle() {
    let text = format!(
        "{}/p: {{$ref: '#/x/a'}}\nx:\n  a: {{$ref: '#/x/b'}}\n  b: {{$ref: '#/x/c'}}\n  c: {{$ref: '#/x/a'}}\n",
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  "
    );
    assert_rejects(
        &[("openapi.yaml", &text)],
        "openapi.yaml",
        &["circular $ref \"#/x/b\": #/x/a -> #/x/b -> #/x/c -> #/x/a"],
    );
}

#[test]
fn files_larger_than_the_limit_are_not_read() {
    let dir = TempDir::new("limits-big");
    let path = dir.path().join("openapi.yaml");
    // Sparse: no disk space is used, and the size alone is refused, before reading.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(modelgen::input::limits::MAX_FILE_BYTES + 1)
        .unwrap();
    drop(file);
    let (code, stderr) = run_check(dir.path(), "openapi.yaml");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("error: openapi.yaml: cannot read the file: the file is larger than the limit of 256 MiB"),
        "{stderr}"
    );
}

#[test]
fn specs_reaching_more_files_than_the_limit() {
    let dir = TempDir::new("limits-files");
    let n = modelgen::input::limits::MAX_FILES;
    let mut root = format!("{HEAD}components:\n  schemas:\n");
    for i in 0..n {
        root.push_str(&format!("    s{i}: {{$ref: 's{i}.yaml'}}\n"));
        std::fs::write(dir.path().join(format!("s{i}.yaml")), "type: string\n").unwrap();
    }
    std::fs::write(dir.path().join("openapi.yaml"), root).unwrap();
    let (code, stderr) = run_check(dir.path(), "openapi.yaml");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "unresolved $ref \"s{}.yaml\": s{}.yaml: not read: the spec reaches more than the limit of 10000 files",
            n - 1,
            n - 1
        )),
        "{stderr}"
    );
}

/// A model doc with one property of type `ty`.
fn doc_with_type(ty: &str) -> String {
    format!(
        "# Pet\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**tags** | {ty} |  | [optional]\n"
    )
}

#[test]
fn markdown_types_nested_100_000_deep() {
    let cases = [
        format!(
            "**{}string{}**",
            "Array&lt;".repeat(100_000),
            "&gt;".repeat(100_000)
        ),
        format!("**string{}**", "[]".repeat(100_000)),
        format!("**{}string**", "[]".repeat(100_000)),
        format!("**{}string{}**", "map[string]".repeat(100_000), ""),
    ];
    for ty in cases {
        assert_rejects(
            &[("Pet.md", &doc_with_type(&ty))],
            "Pet.md",
            &[
                "error: Pet.md:7:",
                "type nested too deep: more than 64 types inside one another",
            ],
        );
    }
    // Within the limit, a type reads.
    let ty = format!("**{}string{}**", "Array&lt;".repeat(60), "&gt;".repeat(60));
    let (code, stderr) = check(&[("Pet.md", &doc_with_type(&ty))], "Pet.md");
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn documents_at_the_nesting_limit_are_read_in_a_test_thread() {
    // Test threads have 2 MiB of stack: a document just within the limit must fit in it, through
    // parsing, loading, generation and dropping.
    let deep = format!("{}1{}", "[".repeat(990), "]".repeat(990));
    let yaml_block = format!(
        "{HEAD}components:\n  schemas:\n    a:\n      type: object\n      example:\n        {}1\n",
        "- ".repeat(990)
    );
    let yaml_flow = format!(
        "{HEAD}components:\n  schemas:\n    a: {{type: object, example: {}1{}}}\n",
        "[".repeat(250),
        "]".repeat(250)
    );
    let json = format!(
        r#"{{"openapi": "3.0.0", "info": {{"title": "t", "version": "1"}}, "paths": {{}},
"components": {{"schemas": {{"a": {{"type": "object", "example": {deep}}}}}}}}}"#
    );
    for (name, text) in [
        ("openapi.yaml", yaml_block),
        ("openapi.yaml", yaml_flow),
        ("openapi.json", json),
    ] {
        let generated = modelgen::Config::new()
            .generate_spec_in_memory(&[(name.into(), text)])
            .unwrap();
        assert_eq!(generated.model.types.len(), 1, "{name}");
    }
}

#[test]
fn callbacks_that_loop_or_branch_without_end() {
    // A callback that refers to the path item holding it is followed once.
    let looping = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /p:\n    post:\n      requestBody: {content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}\n      responses: {'200': {description: ok}}\n      callbacks:\n        c:\n          '{$request.body#/url}': {$ref: '#/paths/~1p'}\n";
    let generated = modelgen::Config::new()
        .generate_spec_in_memory(&[("openapi.yaml".into(), looping.to_owned())])
        .unwrap();
    assert_eq!(generated.model.types.len(), 1);
    assert!(
        generated.warnings.iter().any(|w| w
            .to_string()
            .contains("a callback refers to a path item that holds it: a loop, followed once")),
        "{:?}",
        generated.warnings
    );
    // Path items whose two operations each call back the next one twice: 4^8 routes to the last.
    let mut text = String::from(
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /p0: {$ref: '#/x/p0'}\nx:\n",
    );
    for i in 0..8 {
        let next = i + 1;
        text.push_str(&format!("  p{i}:\n"));
        for method in ["get", "put"] {
            text.push_str(&format!(
                "    {method}:\n      responses: {{'200': {{description: ok}}}}\n      callbacks:\n        a: {{'{{$url}}': {{$ref: '#/x/p{next}'}}}}\n        b: {{'{{$url}}': {{$ref: '#/x/p{next}'}}}}\n"
            ));
        }
    }
    text.push_str("  p8:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}\n");
    assert_rejects(
        &[("openapi.yaml", &text)],
        "openapi.yaml",
        &["callbacks reach path items more than 10000 times: not followed further"],
    );
}

#[test]
fn markdown_blocks_nested_100_000_deep() {
    // Lists and quotes nested without end, after the table: read in linear time and memory (each
    // list level's text copied took 9.7 GB and 43 s at this depth).
    for tail in [
        "- ".repeat(100_000),
        ">".repeat(100_000),
        "1. ".repeat(100_000),
    ] {
        let doc = format!("{}\n{tail}x\n", doc_with_type("**String**"));
        let (code, stderr) = check(&[("Pet.md", &doc)], "Pet.md");
        assert_eq!(code, Some(0), "{stderr}");
    }
}

#[test]
fn many_problems_in_one_mapping_each_at_its_line() {
    // 2,000 properties of an unknown type: every problem is reported at its own line (positions in
    // wide mappings and source lines are looked up through indexes found once per file).
    let mut text = format!("{HEAD}components:\n  schemas:\n    p:\n      properties:\n");
    for i in 0..2_000 {
        text.push_str(&format!("        a{i}: {{type: foo}}\n"));
    }
    let (code, stderr) = check(&[("openapi.yaml", &text)], "openapi.yaml");
    assert_eq!(code, Some(1), "{stderr}");
    for i in [0, 1, 999, 1_999] {
        let line = i + 8;
        let column = 8 + format!("a{i}").len() + 10;
        let want = format!(
            "error: openapi.yaml:{line}:{column} (#/components/schemas/p/properties/a{i}/type): unknown type `foo`"
        );
        assert!(stderr.contains(&want), "missing {want:?}");
        assert!(
            stderr.contains(&format!("\n {line} |         a{i}: {{type: foo}}\n")),
            "no source line {line}"
        );
    }
    assert_eq!(stderr.matches("unknown type `foo`").count(), 2_000);
}
