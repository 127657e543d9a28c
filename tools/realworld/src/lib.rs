//! The real-world corpus check: for each real public API description, generate a crate with
//! `modelgen`, build it with warnings denied, and round-trip through the generated types every schema
//! example that fits its own schema, and the fixtures of the spec when it has some.
//!
//! `cargo run --release -p realworld -- --help` runs it (see README); the tests run the same
//! pipeline on a tiny committed spec.

pub mod cargo;
pub mod classify;
pub mod compare;
pub mod pipeline;
pub mod report;

pub use pipeline::{check, Outcome, Settings, Spec};
pub use report::Entry;
