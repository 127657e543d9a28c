//! Broken input never panics: the bundled Onfido spec cut short at many points, and with bytes
//! replaced, gives a model or an error, never a crash.

mod support;

use std::panic;

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
