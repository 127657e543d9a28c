//! Reads openapi-generator model docs (`docs/WorkflowRun.md` and siblings) into the IR: one type per
//! model doc, in any of the dialects of [`Dialect`], recognised from the files themselves.
//!
//! Files are sorted by name and every model doc gets its [`crate::ir::TypeId`] before any is lowered,
//! so links between docs resolve in any order. What the docs cannot say exactly (a JSON name guessed
//! from a Java name, enum values a dialect does not list) is kept in the IR as a note and reported in
//! [`DocsLoad::losses`]; files that are not model docs (`DefaultApi.md`, `README.md`) are listed in
//! [`DocsLoad::skipped`], not treated as errors.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::input::Loaded;

mod dialect;
mod doc;
mod lower;
mod text;
mod types;

pub use dialect::Dialect;

/// How to read a set of docs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The dialect to read; `None` recognises it from the files.
    pub dialect: Option<Dialect>,
    /// What the docs do not say is an error instead of any JSON value with a warning: a model they
    /// link to but do not include, a type spelling this reader does not know, a doc whose table is
    /// empty, a union whose members are not listed.
    pub strict: bool,
}

/// One doc's text, with the path diagnostics name it by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The file; its stem is the model's name.
    pub path: PathBuf,
    /// Its contents.
    pub text: String,
}

/// A file that was read but is not a model doc.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The file.
    pub file: PathBuf,
    /// Why it is not a model doc.
    pub reason: String,
}

/// The result of reading docs: the model, and everything the reader had to leave out or guess.
#[derive(Clone, Debug)]
pub struct DocsLoad {
    /// The model and the files read.
    pub loaded: Loaded,
    /// The dialect the docs were read as.
    pub dialect: Dialect,
    /// Files that are not model docs, in file-name order.
    pub skipped: Vec<Skipped>,
    /// What the docs cannot express and the reader had to approximate, each pointing at its place.
    pub losses: Vec<Diagnostic>,
}

/// Reads the model docs in directory `path` (every `*.md` directly inside it; `path/Model` for php's
/// layout), or the single doc `path` (whatever its extension).
/// What was approximated or skipped is in [`Loaded::warnings`].
pub fn load(path: &Path) -> Result<Loaded> {
    load_with(path, &Options::default()).map(DocsLoad::into_loaded)
}

impl DocsLoad {
    /// The model and files, with what was approximated or skipped as [`Loaded::warnings`].
    pub fn into_loaded(self) -> Loaded {
        let docs = self;
        let mut loaded = docs.loaded;
        loaded.warnings = docs.losses;
        loaded.warnings.extend(
            docs.skipped
                .into_iter()
                .map(|s| Diagnostic::new(s.file, format!("skipped: {}", s.reason))),
        );
        loaded
    }
}

/// Like [`load`], with options, and returning what was skipped or approximated.
pub fn load_with(path: &Path, options: &Options) -> Result<DocsLoad> {
    let read = |p: &Path| {
        super::read_text(p)
            .map_err(|e| Error::one(Diagnostic::new(p, format!("cannot read the file: {e}"))))
    };
    let mut root = path.to_path_buf();
    let mut paths = Vec::new();
    if path.is_dir() {
        // php writes docs/Model/*.md and docs/Api/*.md.
        let php_models = path.join("Model");
        if php_models.is_dir() {
            root = php_models;
        }
        let entries = std::fs::read_dir(&root).map_err(|e| Error::io(&root, &e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&root, &e))?;
            let p = entry.path();
            if p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("md")) {
                paths.push(p);
            }
        }
        paths.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    } else {
        paths.push(path.to_path_buf());
    }
    let mut sources = Vec::with_capacity(paths.len());
    for p in paths {
        let text = read(&p)?;
        sources.push(Source { path: p, text });
    }
    let mut docs = from_sources(sources, options)?;
    if root.is_dir() {
        // A new doc in the directory must re-run a build script too.
        docs.loaded.files.insert(0, root);
    }
    Ok(docs)
}

/// Reads docs from memory: the pure stage of [`load_with`], used by tests. Sources are sorted by file
/// name, so ids do not depend on the order given.
pub fn from_sources(mut sources: Vec<Source>, options: &Options) -> Result<DocsLoad> {
    sources.sort_by(|a, b| a.path.file_name().cmp(&b.path.file_name()));
    let dialect = options
        .dialect
        .unwrap_or_else(|| Dialect::detect(sources.iter().map(|s| s.text.as_str())));
    let mut docs = lower::lower(&sources, dialect, options.strict)?;
    docs.loaded.model.normalize();
    Ok(docs)
}

/// Whether `text` looks like an openapi-generator model doc: a title, then a `## Properties` table,
/// an `## Enum` list, rust's `## Enum Variants` or ruby's oneOf listing.
pub fn looks_like_doc(text: &str) -> bool {
    let mut title = false;
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("# ") {
            title = true;
        } else if title
            && (matches!(line, "## Properties" | "## Enum" | "## Enum Variants")
                || line.contains("`openapi_one_of`"))
        {
            return true;
        }
    }
    false
}
