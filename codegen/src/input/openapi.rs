//! Loads an OpenAPI 3.0/3.1 spec (YAML or JSON, one file or many joined by `$ref`) into the IR.
//!
//! Naming follows openapi-generator's bundler, so a multi-file spec gives the same schema names as its
//! bundled form: `components/schemas/X` is `X`; a `$ref` to a whole file is named by the file stem and a
//! `$ref` to `file#/a/b` by the last pointer segment; an inline object takes its `title` (spaces become
//! `_`) or `{parent}_{property}` (`_inner` for array items, `_allOf` inside an `allOf` member); an
//! inline request or response body takes its `title` or `{operationId}_request` /
//! `{operationId}_{status}_response`. A source name already taken by another schema gets `_1`, `_2`, ….
//! Inline enums and unions are named like inline objects, so they become types of their own.
//!
//! Every schema location is lowered once: a location reached twice (through two `allOf`s, say) gives
//! the same type. How each construct is lowered is in the `lower` module; which parts of a spec are
//! visited, in `walk`.
//!
//! A problem in one schema does not stop the others: every problem is collected with the type (and
//! field) it was found in, so that a configuration that replaces that type can let generation go on
//! ([`load_lenient`]).

use std::collections::VecDeque;

use crate::hash::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde_json::{Map, Value};

use super::yaml::{self, escape_pointer};
use super::{Loaded, Operation};
use crate::diagnostic::{Diagnostic, Error, LineStarts, Result};
use crate::ir::{Model, TypeDef, TypeId};

mod lower;
mod walk;

/// Loads the spec whose root document is `path`, following every `$ref`. Any problem is an error.
pub fn load(path: &Path) -> Result<Loaded> {
    let (loaded, problems) = load_lenient(path)?;
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(Error {
            diagnostics: problems.into_iter().map(|p| p.diagnostic).collect(),
        })
    }
}

/// A problem found while lowering, and where in the model: the types (and fields) that were being
/// lowered when it was found, innermost first. A replacement of one of them makes it moot.
#[derive(Clone, Debug)]
pub struct Problem {
    /// What is wrong, and where in the input.
    pub diagnostic: Diagnostic,
    /// The type being lowered and the types that reached it, innermost first, each with the field
    /// (JSON name) being lowered in it, if any.
    pub within: Vec<(TypeId, Option<String>)>,
}

/// Loads the spec as far as it can: the model, with every schema that failed replaced by `any`, and
/// the problems found. Fails outright only when the root document cannot be read or is not an OpenAPI
/// document.
pub fn load_lenient(path: &Path) -> Result<(Loaded, Vec<Problem>)> {
    load_with(Loader::default(), path)
}

/// Like [`load_lenient`], from files held in memory: the first is the root, and a `$ref` reaches
/// only the others (by their paths, as given), never the file system. For fuzzing and tests.
#[doc(hidden)]
pub fn load_lenient_from_memory(files: &[(PathBuf, String)]) -> Result<(Loaded, Vec<Problem>)> {
    let Some((root, _)) = files.first() else {
        return Err(Error::one(Diagnostic::new("<memory>", "no input file")));
    };
    let loader = Loader {
        memory: Some(files.iter().cloned().collect()),
        ..Loader::default()
    };
    load_with(loader, root)
}

fn load_with(mut loader: Loader, path: &Path) -> Result<(Loaded, Vec<Problem>)> {
    let root = loader.open(path).map_err(|d| Error::one(*d))?;
    loader.check_version(root)?;
    loader.walk_root(root);
    loader.lower_queued();
    loader.finish();
    if loader.types.is_empty() {
        loader.nothing_found(root);
    }
    let info = loader.docs[root].parsed.value.get("info");
    let text = |key: &str| {
        info.and_then(|i| i.get(key))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let mut model = Model {
        title: text("title"),
        version: text("version"),
        types: loader.types,
    };
    model.normalize();
    let loaded = Loaded {
        model,
        files: loader.docs.iter().map(|d| d.path.clone()).collect(),
        warnings: loader.warnings,
        operations: loader.operations,
    };
    Ok((loaded, loader.problems))
}

/// One file of the spec.
struct Doc {
    /// The path as reached (the root as given, others joined to the referring file's directory).
    path: PathBuf,
    text: String,
    /// Where the lines of `text` start, found at the first diagnostic.
    lines: std::cell::OnceCell<LineStarts>,
    parsed: yaml::Document,
}

impl Doc {
    /// The mapping at `pointer`, if the node there is one.
    fn object(&self, pointer: &str) -> Option<&Map<String, Value>> {
        super::document::lookup(&self.parsed.value, pointer).and_then(Value::as_object)
    }
}

/// A node in one of the files. The pointer is shared: locations are cloned into many keys and
/// caches, and a clone is then a count, not a copy.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Loc {
    doc: usize,
    pointer: Rc<str>,
}

impl Loc {
    fn child(&self, key: &str) -> Loc {
        Loc {
            doc: self.doc,
            pointer: format!("{}/{}", self.pointer, escape_pointer(key)).into(),
        }
    }

    fn index(&self, i: usize) -> Loc {
        Loc {
            doc: self.doc,
            pointer: format!("{}/{i}", self.pointer).into(),
        }
    }
}

/// A lookup that fails with one diagnostic (boxed: diagnostics are large and lookups are hot).
type Found<T> = std::result::Result<T, Box<Diagnostic>>;

#[derive(Default)]
struct Loader {
    /// Files held in memory, by path, read instead of the file system (see
    /// [`load_lenient_from_memory`]).
    memory: Option<HashMap<PathBuf, String>>,
    /// Shared, so a schema can be looked at while the loader changes (no subtree is cloned).
    docs: Vec<Rc<Doc>>,
    by_path: HashMap<PathBuf, usize>,
    /// The same, by each path as a `$ref` spelled it (normalized): the file system is asked for the
    /// canonical path once per spelling, not once per `$ref`.
    by_spelling: HashMap<PathBuf, usize>,
    types: Vec<TypeDef>,
    /// The type made for each schema, named or inline. A schema is one location, or several whose
    /// conjunction it is (a property declared by two `allOf` members; a union member merged with the
    /// properties around the union).
    by_loc: HashMap<Vec<lower::Piece>, TypeId>,
    /// Source names in use, to give a second schema of the same name a `_1` suffix.
    names: HashSet<String>,
    /// For each source name given a suffix, the next suffix to try.
    name_suffixes: HashMap<String, usize>,
    /// Types allocated but not lowered yet, with their schema.
    queue: VecDeque<(TypeId, Vec<lower::Piece>)>,
    /// The parts of each schema, once worked out.
    flats: HashMap<Vec<lower::Piece>, Rc<lower::Flat>>,
    /// What each referenced schema is, once worked out.
    shapes: HashMap<Loc, lower::Shape>,
    /// Schemas whose keywords were checked (each is looked at many times, reported once).
    checked: HashSet<Loc>,
    /// `$ref`s being followed recursively by lowering (see `Loader::hop_in`).
    hops: usize,
    /// Schemas written inline inside one another around the one being lowered, below the nearest
    /// type (see `Loader::nest_in`).
    nesting: usize,
    /// For each type, how many inline schemas deep below a named schema it is (0 for a named one).
    depths: Vec<usize>,
    /// Problems reported so far, to report each once.
    reported: HashSet<(PathBuf, Option<String>, String)>,
    /// For each type, the type (and field) whose lowering reached it first (`None` for the spec's own
    /// roots), so an error can show the chain of references that led to it.
    parents: Vec<Option<(TypeId, Option<String>)>>,
    /// The type being lowered.
    current: Option<TypeId>,
    /// The field (JSON name) being lowered in the current type.
    current_field: Option<String>,
    /// Variants of tagged unions whose tag is only the schema's name, for [`Loader::finish`] to
    /// replace by the tag the variant's own schema declares: union, variant index.
    named_tags: Vec<(TypeId, usize)>,
    problems: Vec<Problem>,
    warnings: Vec<Diagnostic>,
    /// The operations walked, with the types each uses directly.
    operations: Vec<Operation>,
    /// The path items being walked (a callback's inside its operation's).
    open_path_items: Vec<Loc>,
    /// Callback path items walked so far, each once per operation that reaches it.
    callback_walks: usize,
    /// The operations being walked (a callback's operation inside its operation).
    open_operations: Vec<Operation>,
}

impl Loader {
    /// Reads and parses a file once; later calls return the same document.
    fn open(&mut self, path: &Path) -> Found<usize> {
        if let Some(&doc) = self.by_spelling.get(path) {
            return Ok(doc);
        }
        let key = match &self.memory {
            Some(_) => path.to_path_buf(),
            None => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        };
        if let Some(&doc) = self.by_path.get(&key) {
            self.by_spelling.insert(path.to_path_buf(), doc);
            return Ok(doc);
        }
        if self.docs.len() >= super::limits::MAX_FILES {
            return Err(Box::new(Diagnostic::new(
                path,
                format!(
                    "not read: the spec reaches more than the limit of {} files through `$ref`s",
                    super::limits::MAX_FILES
                ),
            )));
        }
        let text = match &self.memory {
            Some(files) => files.get(path).cloned().ok_or_else(|| {
                Box::new(Diagnostic::new(path, "cannot read the file: not found"))
            })?,
            None => super::read_text(path).map_err(|e| {
                Box::new(Diagnostic::new(path, format!("cannot read the file: {e}")))
            })?,
        };
        if text.len() as u64 > super::limits::MAX_FILE_BYTES {
            return Err(Box::new(Diagnostic::new(
                path,
                format!(
                    "cannot read the file: it is larger than the limit of {} MiB",
                    super::limits::MAX_FILE_BYTES >> 20
                ),
            )));
        }
        let parsed = super::document::parse(path, &text).map_err(|e| {
            Box::new(
                e.diagnostics
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| Diagnostic::new(path, "cannot parse the file")),
            )
        })?;
        // A Swagger 2.0 file, and every file it reaches, is read as the OpenAPI 3.0 it stands for.
        let from_swagger = self.docs.first().is_some_and(|d| d.parsed.is_converted());
        let (parsed, warnings) =
            super::swagger::convert_with(path, &text, parsed, from_swagger, self.memory.as_ref());
        self.warnings.extend(warnings);
        self.docs.push(Rc::new(Doc {
            path: path.to_path_buf(),
            text,
            lines: std::cell::OnceCell::new(),
            parsed,
        }));
        let doc = self.docs.len() - 1;
        self.by_path.insert(key, doc);
        self.by_spelling.insert(path.to_path_buf(), doc);
        Ok(doc)
    }

    fn node(&self, loc: &Loc) -> Option<&Value> {
        super::document::lookup(&self.docs[loc.doc].parsed.value, &loc.pointer)
    }

    fn object(&self, loc: &Loc) -> Option<&Map<String, Value>> {
        self.node(loc).and_then(Value::as_object)
    }

    /// Reports keywords of the schema at `loc` whose value has the wrong shape (`properties: [a]`),
    /// which would otherwise be ignored.
    fn check_shape(&mut self, loc: &Loc, schema: &Map<String, Value>) {
        if !self.checked.insert(loc.clone()) {
            return;
        }
        let expect = |key: &str, ok: fn(&Value) -> bool, what: &str| -> Option<(String, String)> {
            let v = schema.get(key)?;
            (!ok(v)).then(|| (key.to_owned(), format!("`{key}` must be {what}")))
        };
        let problems = [
            expect(
                "properties",
                Value::is_object,
                "a mapping of property names to schemas",
            ),
            expect(
                "required",
                |v| v.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
                "a list of property names",
            ),
            expect("allOf", Value::is_array, "a list of schemas"),
            expect("oneOf", Value::is_array, "a list of schemas"),
            expect("anyOf", Value::is_array, "a list of schemas"),
            expect(
                "type",
                |v| v.is_string() || v.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
                "a type name or a list of them",
            ),
            expect("items", |v| v.is_object() || v.is_boolean(), "a schema"),
        ];
        for (key, message) in problems.into_iter().flatten() {
            let d = self.diag(&loc.child(&key), message);
            self.error(d);
        }
    }

    /// An input that has operations or schemas but gave no type is read wrong (a `$ref` this loader
    /// does not follow, say): an error, not an empty crate.
    fn nothing_found(&mut self, root: usize) {
        let root = Loc {
            doc: root,
            pointer: "".into(),
        };
        let count = |loader: &Self, at: &Loc| loader.object(at).map_or(0, |o| o.len());
        let paths = count(self, &root.child("paths")) + count(self, &root.child("webhooks"));
        let schemas = count(self, &root.child("components").child("schemas"));
        if paths + schemas > 0 {
            let d = self.diag(
                &root,
                format!("no schema found, though the spec has {paths} paths and {schemas} component schemas: nothing to generate"),
            );
            self.error(d);
        }
    }

    /// Records a problem found while lowering the current type.
    fn error(&mut self, d: Diagnostic) {
        let key = (
            d.file.clone(),
            d.location.pointer.clone(),
            d.message.clone(),
        );
        if !self.reported.insert(key) {
            return;
        }
        let mut within = Vec::new();
        let mut at = self.current.map(|id| (id, self.current_field.clone()));
        while let Some((id, field)) = at {
            if within.len() > self.types.len() {
                break;
            }
            within.push((id, field));
            at = self.parents[id.0].clone();
        }
        self.problems.push(Problem {
            diagnostic: d,
            within,
        });
    }

    /// A warning at `loc`: something the input says that the model cannot say exactly.
    fn warn(&mut self, loc: &Loc, message: impl Into<String>) {
        let mut d = self.diag(loc, message);
        d.via.clear();
        self.warnings.push(d);
    }

    /// A diagnostic at `loc`, with line, column and source line where the parser recorded them.
    fn diag(&self, loc: &Loc, message: impl Into<String>) -> Diagnostic {
        let doc = &self.docs[loc.doc];
        let pointer = format!("#{}", doc.parsed.source_pointer(&loc.pointer));
        let mut d = Diagnostic::new(&doc.path, message).at_pointer(pointer);
        if let Some((line, col)) = doc.parsed.position(&loc.pointer) {
            let lines = doc.lines.get_or_init(|| LineStarts::new(&doc.text));
            d = d.at_line_in(line, col, &doc.text, lines);
        }
        d.via = self.chain();
        d
    }

    /// The schemas that led to the one being lowered, outermost first, when there is more than one.
    fn chain(&self) -> Vec<String> {
        let mut chain = Vec::new();
        let mut at = self.current;
        while let Some(id) = at {
            if chain.len() > 32 {
                break;
            }
            let def = &self.types[id.0];
            chain.push(format!("`{}` ({})", def.name, def.origin));
            at = self.parents[id.0].as_ref().map(|(parent, _)| *parent);
        }
        chain.reverse();
        if chain.len() < 2 {
            chain.clear();
        }
        chain
    }

    fn check_version(&self, root: usize) -> Result<()> {
        let loc = Loc {
            doc: root,
            pointer: "".into(),
        };
        let version = self.object(&loc).and_then(|o| o.get("openapi"));
        match version.and_then(Value::as_str) {
            Some(v) if v.starts_with("3.") => Ok(()),
            Some(v) => Err(self
                .diag(
                    &loc.child("openapi"),
                    format!("unsupported OpenAPI version {v}: expected 3.0 or 3.1"),
                )
                .into()),
            None if self.object(&loc).is_some_and(|o| o.contains_key("swagger")) => Err(self
                .diag(
                    &loc,
                    "unsupported Swagger version: expected Swagger 2.0 or OpenAPI 3.x",
                )
                .into()),
            None => Err(self
                .diag(
                    &loc,
                    "not an OpenAPI document: expected a mapping with an `openapi: 3.x` field",
                )
                .into()),
        }
    }

    /// Resolves a `$ref` string found at `at` to the node it names, loading its file if needed.
    fn resolve(&mut self, at: &Loc, reference: &str) -> Found<Loc> {
        let (file, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        let doc = if file.is_empty() {
            at.doc
        } else {
            let base = self.docs[at.doc].path.parent().unwrap_or(Path::new(""));
            let path = normalize(&base.join(percent_decode(file)));
            self.open(&path).map_err(|e| {
                let message = format!(
                    "unresolved $ref \"{reference}\": {}: {}",
                    e.file.display(),
                    e.message
                );
                Box::new(self.diag(at, message))
            })?
        };
        let pointer = percent_decode(fragment);
        if !pointer.is_empty() && !pointer.starts_with('/') {
            return Err(Box::new(self.diag(at, format!("unresolved $ref \"{reference}\": the fragment must be a JSON pointer starting with `/`"))));
        }
        let target = Loc {
            doc,
            pointer: pointer.into(),
        };
        if self.node(&target).is_none() {
            let file = self.docs[doc].path.display().to_string();
            return Err(Box::new(self.diag(
                at,
                format!(
                    "unresolved $ref \"{reference}\": {file} has nothing at #{}",
                    target.pointer
                ),
            )));
        }
        Ok(target)
    }

    /// Follows `$ref`s from `loc` until a node that is not a reference.
    fn deref(&mut self, loc: &Loc) -> Found<Loc> {
        let start = loc;
        let mut loc = loc.clone();
        let mut seen = Vec::new();
        while let Some(reference) = self.ref_of(&loc) {
            if let Some(first) = seen.iter().position(|l| *l == loc) {
                let cycle: Vec<String> = seen[first..]
                    .iter()
                    .chain([&loc])
                    .map(|l| self.name_of(l))
                    .collect();
                return Err(Box::new(self.diag(
                    &loc,
                    format!("circular $ref \"{reference}\": {}", cycle.join(" -> ")),
                )));
            }
            if seen.len() >= super::limits::MAX_REF_HOPS {
                return Err(Box::new(self.diag(
                    start,
                    format!(
                        "$ref chain too long: more than {} `$ref`s to `$ref`s",
                        super::limits::MAX_REF_HOPS
                    ),
                )));
            }
            seen.push(loc.clone());
            loc = self.resolve(&loc, &reference)?;
        }
        Ok(loc)
    }

    /// `file#/pointer` of a node, as a cycle of `$ref`s names it (the file only when it is not the
    /// root).
    fn name_of(&self, loc: &Loc) -> String {
        let doc = &self.docs[loc.doc];
        let pointer = doc.parsed.source_pointer(&loc.pointer);
        if loc.doc == 0 {
            format!("#{pointer}")
        } else {
            format!("{}#{pointer}", doc.path.display())
        }
    }

    /// The `$ref` of the node at `loc`, if it is a reference.
    fn ref_of(&self, loc: &Loc) -> Option<String> {
        self.object(loc)?.get("$ref")?.as_str().map(str::to_owned)
    }
}

/// Removes `.` and `name/..` from a path without touching the file system, so each file has one
/// spelling in errors and in `cargo:rerun-if-changed`.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Decodes `%XX` escapes (of a `$ref`), byte by byte: an escape that is not two hex digits is kept
/// as it is.
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
