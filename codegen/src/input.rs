//! Readers of API descriptions. Each turns files into an [`crate::ir::Model`] and knows nothing of Rust.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Result};

use crate::ir::Model;

pub mod document;
pub mod json;
pub mod markdown;
pub mod openapi;
pub mod swagger;
pub mod yaml;

/// What a reader produces: the model and every file it read (for `cargo:rerun-if-changed`).
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The model.
    pub model: Model,
    /// Every file read, the root first, then in the order they were first reached.
    pub files: Vec<PathBuf>,
    /// What the reader could not express exactly, or passed over: not errors, but worth a look
    /// (docs that list no enum values, files that are not model docs).
    pub warnings: Vec<Diagnostic>,
}

/// Reads the API description at `path`, choosing the reader from what the path is: a directory or a
/// `.md` file is openapi-generator model docs, anything else an OpenAPI spec. Any problem is an
/// error.
pub fn load(path: &Path) -> Result<Loaded> {
    if is_markdown(path) {
        markdown::load(path)
    } else {
        openapi::load(path)
    }
}

/// Reads the API description at `path` as far as it can (see [`openapi::load_lenient`]): the model,
/// and the problems found in its types, which a replacement of those types makes moot.
pub fn load_lenient(path: &Path) -> Result<(Loaded, Vec<openapi::Problem>)> {
    if is_markdown(path) {
        Ok((markdown::load(path)?, Vec::new()))
    } else {
        openapi::load_lenient(path)
    }
}

fn is_markdown(path: &Path) -> bool {
    path.is_dir()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}
