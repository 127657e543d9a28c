//! Readers of API descriptions. Each turns files into an [`crate::ir::Model`] and knows nothing of Rust.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Result};

use crate::ir::Model;

pub mod document;
pub mod json;
pub mod limits;
#[cfg(feature = "markdown")]
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
    /// The operations of a spec (none for docs), with the types each uses: what `Config::only`
    /// selects by tag, path or operation id.
    pub operations: Vec<Operation>,
}

/// One operation of a spec: a method of a path (or of a webhook or callback).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Operation {
    /// The `operationId`, or `{method}{Path}` when there is none.
    pub id: String,
    /// The HTTP method (`get`).
    pub method: String,
    /// The path (`/v1/customers/{customer}`), or the webhook's or callback's name.
    pub path: String,
    /// The operation's tags.
    pub tags: Vec<String>,
    /// The types its parameters, request body, responses and callbacks use directly.
    pub types: Vec<crate::ir::TypeId>,
}

/// How to read an input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Docs: what they do not say is an error instead of any JSON value with a warning (see
    /// `markdown::Options::strict`). Specs are read the same either way.
    pub strict: bool,
}

/// Reads the API description at `path`: a directory is openapi-generator model docs; a file is a doc
/// or a spec by its content (see [`is_doc`]). Any problem is an error.
pub fn load(path: &Path) -> Result<Loaded> {
    load_with(path, &Options::default())
}

/// Like [`load`], with options.
pub fn load_with(path: &Path, options: &Options) -> Result<Loaded> {
    let (loaded, problems) = load_lenient(path, options)?;
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(crate::diagnostic::Error {
            diagnostics: problems.into_iter().map(|p| p.diagnostic).collect(),
        })
    }
}

/// Reads the API description at `path` as far as it can (see [`openapi::load_lenient`]): the model,
/// and the problems found in its types, which a replacement of those types makes moot.
pub fn load_lenient(path: &Path, options: &Options) -> Result<(Loaded, Vec<openapi::Problem>)> {
    on_big_stack(|| load_lenient_here(path, options))
}

fn load_lenient_here(path: &Path, options: &Options) -> Result<(Loaded, Vec<openapi::Problem>)> {
    if path.is_dir() || is_doc(path) {
        Ok((load_docs(path, options)?, Vec::new()))
    } else {
        openapi::load_lenient(path)
    }
}

#[cfg(feature = "markdown")]
fn load_docs(path: &Path, options: &Options) -> Result<Loaded> {
    let docs = markdown::Options {
        dialect: None,
        strict: options.strict,
    };
    markdown::load_with(path, &docs).map(markdown::DocsLoad::into_loaded)
}

#[cfg(not(feature = "markdown"))]
fn load_docs(path: &Path, _: &Options) -> Result<Loaded> {
    Err(crate::diagnostic::Error::one(crate::diagnostic::Diagnostic::new(
        path.display().to_string(),
        "this is a directory or a model doc, not an OpenAPI file: reading openapi-generator model docs \
         needs modelgen's `markdown` feature (on by default)",
    )))
}

/// Runs `f` on a thread with a stack of [`limits::STACK_BYTES`], whatever the caller's (a test
/// thread has 2 MiB): reading and lowering walk documents recursively, and the stack that
/// documents nested up to the limits need must not depend on who calls. A panic is passed on.
pub(crate) fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let mut f = Some(f);
    let started = std::thread::scope(|scope| {
        let slot = &mut f;
        let thread = std::thread::Builder::new()
            .name("modelgen".to_owned())
            .stack_size(limits::STACK_BYTES)
            .spawn_scoped(scope, move || slot.take().map(|f| f()));
        thread.ok().map(|handle| {
            handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    });
    match (started.flatten(), f) {
        (Some(out), _) => out,
        // No thread to be had (the system is out of them): the caller's stack it is.
        (None, Some(f)) => f(),
        (None, None) => unreachable!("the thread ran the work and returned its result"),
    }
}

/// Reads the text file at `path`, failing on a file larger than [`limits::MAX_FILE_BYTES`] (without
/// reading more than that, so a device or a growing file cannot exhaust memory) or not UTF-8. The
/// error is what went wrong, for a diagnostic on `path`.
pub(crate) fn read_text(path: &Path) -> std::result::Result<String, String> {
    use std::io::Read;
    let too_big = || {
        format!(
            "the file is larger than the limit of {} MiB",
            limits::MAX_FILE_BYTES >> 20
        )
    };
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    if file
        .metadata()
        .is_ok_and(|m| m.len() > limits::MAX_FILE_BYTES)
    {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    file.take(limits::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|_| "stream did not contain valid UTF-8".to_owned())
}

/// Whether the file at `path` is a model doc rather than a spec. Its content decides: a spec has a
/// top-level `openapi` (or `swagger`) key, a doc a title and a properties table or enum list, so a
/// doc saved as `.txt` is still read as a doc. Only when the content says neither (or cannot be
/// read: the reader will say why) does the extension `.md` decide.
pub fn is_doc(path: &Path) -> bool {
    let by_extension = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let Ok(text) = read_text(path) else {
        return by_extension;
    };
    let text = text.trim_start_matches('\u{feff}');
    let yaml = text
        .lines()
        .any(|l| l.starts_with("openapi:") || l.starts_with("swagger:"));
    let json = text.trim_start().starts_with('{')
        && (text.contains("\"openapi\"") || text.contains("\"swagger\""));
    let spec = yaml || json;
    if spec {
        return false;
    }
    #[cfg(feature = "markdown")]
    if markdown::looks_like_doc(text) {
        return true;
    }
    by_extension
}
