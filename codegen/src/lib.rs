//! Generates Rust data models from API descriptions: OpenAPI 3.x specs and openapi-generator model docs.
//!
//! The pipeline: `input::*` reads files into an [`ir::Model`], [`naming`] decides Rust names, `emit`
//! builds tokens and `render` formats them. Use [`Config`] from a build script, as with prost-build.

pub mod diagnostic;
pub mod input;
pub mod ir;
pub mod naming;
pub mod text;

pub use diagnostic::{Diagnostic, Error, Location, Result};
