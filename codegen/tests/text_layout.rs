//! Structs and enums are written as text laid out by the generator's own rules (the `text` module of
//! the emitter), not through prettyplease. These tests check that prettyplease would leave that text
//! as it is, on real specs and on the synthetic one, with the options that change what is written
//! (`time` adapters, `Option` fields, unlisted properties kept, validation, doctests). The random
//! models of `emit_property.rs` check the same on hostile names and shapes.

mod support;

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::Path;

use modelgen::{Config, DateLibrary, DateTimeType, OptionalStyle};

/// The option sets each spec is generated with.
fn configs(input: &Path) -> Vec<Config> {
    let mut plain = Config::new();
    plain.input(input);
    let mut time = Config::new();
    time.input(input)
        .dates(DateLibrary::Time)
        .optional(OptionalStyle::Option)
        .keep_all_unknown_fields()
        .validation(true);
    let mut utc = Config::new();
    utc.input(input)
        .date_time(DateTimeType::Utc)
        .keep_all_unknown_fields()
        .doctest_crate("models");
    vec![plain, time, utc]
}

fn check(input: &Path) {
    for (i, config) in configs(input).iter().enumerate() {
        let generated = config
            .generate()
            .unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let body = generated
            .code
            .split_once("\n\n")
            .map(|(_header, body)| body)
            .unwrap();
        if let Err(e) = support::laid_out_as_prettyplease(body) {
            panic!("{}, options {i}: {e}", input.display());
        }
    }
}

fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

#[test]
fn onfido_is_laid_out_as_prettyplease_would() {
    check(&fixture("onfido-2026-02-bundled.yaml"));
    check(&fixture("onfido-spec-latest/openapi.yaml"));
}

#[test]
fn construct_fixtures_are_laid_out_as_prettyplease_would() {
    for spec in [
        "kitchen-sink.yaml",
        "constructs-3.0.yaml",
        "constructs-3.1.json",
        "lossless.yaml",
        "json/escapes.json",
        "swagger/petstore.yaml",
    ] {
        check(&fixture(spec));
    }
}

#[test]
fn synthetic_spec_is_laid_out_as_prettyplease_would() {
    let dir = support::TempDir::new("text-layout");
    let path = dir.path().join("synth.json");
    std::fs::write(&path, synth::spec(400, 7)).unwrap();
    check(&path);
}
