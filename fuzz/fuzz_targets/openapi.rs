//! Bytes -> spec files in memory -> load -> IR -> emitted code, which must parse; an error must
//! not be an internal error.
//!
//! The input is split at NUL bytes into files: the first is the root, `openapi.yaml` (the parser,
//! JSON or YAML, is chosen by content, so both are reached), the others `1.yaml`, `2.yaml`, … for
//! `$ref`s to reach. Nothing is read from the file system.

#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files: Vec<(PathBuf, String)> = data
        .split(|&b| b == 0)
        .enumerate()
        .map(|(i, part)| {
            let name = if i == 0 {
                "openapi.yaml".to_owned()
            } else {
                format!("{i}.yaml")
            };
            (
                PathBuf::from(name),
                String::from_utf8_lossy(part).into_owned(),
            )
        })
        .collect();
    match modelgen::Config::new().generate_spec_in_memory(&files) {
        Ok(generated) => {
            if let Err(e) = syn::parse_file(&generated.code) {
                panic!("generated code does not parse: {e}\n{}", generated.code);
            }
        }
        // The generator catches its own panics while emitting and reports them as internal
        // errors: for the fuzzer, those are crashes.
        Err(e) => {
            let internal = e
                .diagnostics
                .iter()
                .any(|d| d.message.starts_with("internal error"));
            assert!(!internal, "{e}");
        }
    }
});
