//! Bytes -> model docs in memory -> IR -> emitted code, which must parse; an error must not be an
//! internal error.
//!
//! The input is split at NUL bytes into docs, each named after its `# Title` line (as
//! openapi-generator names them, so links between docs resolve), else `Model{i}.md`.

#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use modelgen::input::markdown::Source;

fuzz_target!(|data: &[u8]| {
    let docs: Vec<Source> = data
        .split(|&b| b == 0)
        .enumerate()
        .map(|(i, part)| {
            let text = String::from_utf8_lossy(part).into_owned();
            let title = text
                .lines()
                .find_map(|l| l.strip_prefix("# "))
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty() && !t.contains(['/', '\\']) && t.len() < 100)
                .unwrap_or_else(|| format!("Model{i}"));
            Source {
                path: PathBuf::from(format!("{title}.md")),
                text,
            }
        })
        .collect();
    match modelgen::Config::new().generate_docs_in_memory(docs) {
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
