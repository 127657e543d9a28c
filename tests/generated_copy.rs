//! The checked-in copy of the generated models (`generated/onfido.rs`) matches what `build.rs` writes,
//! so a change of spec or generator shows up as a readable diff in review.
//!
//! It is also the semver test of the generator (README, "Versions and generated code"): a generator
//! change that renames or retypes anything in the Onfido models fails here, and must wait for a major
//! version.
//!
//! Refresh it with `UPDATE_EXPECT=1 cargo test -p onfido-models --test generated_copy`.

use std::path::Path;

#[test]
fn checked_in_copy_is_fresh_semver_of_generated_code() {
    let fresh = include_str!(concat!(env!("OUT_DIR"), "/models.rs"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/onfido.rs");
    let copy = std::fs::read_to_string(&path).unwrap_or_default();
    if copy == fresh {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    let first = copy
        .lines()
        .zip(fresh.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| copy.lines().count().min(fresh.lines().count()));
    panic!(
        "generated/onfido.rs is stale (first difference at line {}): the generator or the spec changed \
         the generated code. If it renames or retypes anything for the same spec, it breaks users (semver).\n\
         Refresh it with: UPDATE_EXPECT=1 cargo test -p onfido-models --test generated_copy",
        first + 1
    );
}
