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
//! the same type.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde_json::{Map, Value};

use super::yaml::{self, escape_pointer};
use super::Loaded;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::ir::{
    Access, Alias, Constraints, Enum, Field, Model, Presence, Primitive, Struct, TypeDef, TypeId,
    TypeKind, TypeRef, Union, Variant,
};
use crate::text::decode_html_entities;

/// The HTTP methods of a path item, in the order openapi-generator visits them.
const METHODS: &[&str] = &[
    "get", "head", "post", "put", "delete", "options", "patch", "trace",
];

/// Loads the spec whose root document is `path`, following every `$ref`.
pub fn load(path: &Path) -> Result<Loaded> {
    let mut loader = Loader::default();
    let root = loader.open(path).map_err(|d| Error::one(*d))?;
    loader.check_version(root)?;
    loader.walk_root(root);
    loader.lower_queued();
    if !loader.errors.is_empty() {
        return Err(Error {
            diagnostics: loader.errors,
        });
    }
    let info = loader.docs[root].parsed.value.get("info");
    let text = |key: &str| {
        info.and_then(|i| i.get(key))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let model = Model {
        title: text("title"),
        version: text("version"),
        types: loader.types,
    };
    Ok(Loaded {
        model,
        files: loader.docs.iter().map(|d| d.path.clone()).collect(),
        warnings: Vec::new(),
    })
}

/// One file of the spec.
struct Doc {
    /// The path as reached (the root as given, others joined to the referring file's directory).
    path: PathBuf,
    text: String,
    parsed: yaml::Document,
}

impl Doc {
    /// The mapping at `pointer`, if the node there is one.
    fn object(&self, pointer: &str) -> Option<&Map<String, Value>> {
        self.parsed
            .value
            .pointer(pointer)
            .and_then(Value::as_object)
    }
}

/// A node in one of the files.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Loc {
    doc: usize,
    pointer: String,
}

impl Loc {
    fn child(&self, key: &str) -> Loc {
        Loc {
            doc: self.doc,
            pointer: format!("{}/{}", self.pointer, escape_pointer(key)),
        }
    }

    fn index(&self, i: usize) -> Loc {
        Loc {
            doc: self.doc,
            pointer: format!("{}/{i}", self.pointer),
        }
    }
}

/// A lookup that fails with one diagnostic (boxed: diagnostics are large and lookups are hot).
type Found<T> = std::result::Result<T, Box<Diagnostic>>;

#[derive(Default)]
struct Loader {
    /// Shared, so a schema can be looked at while the loader changes (no subtree is cloned).
    docs: Vec<Rc<Doc>>,
    by_path: HashMap<PathBuf, usize>,
    types: Vec<TypeDef>,
    /// The type made for each schema location, named or inline.
    by_loc: HashMap<Loc, TypeId>,
    /// Source names in use, to give a second schema of the same name a `_1` suffix.
    names: HashSet<String>,
    /// Types allocated but not lowered yet, with their schema and the name their inline parts build on.
    queue: VecDeque<(TypeId, Loc)>,
    /// For each type, the type whose lowering reached it first (`None` for the spec's own roots), so
    /// an error can show the chain of references that led to it.
    parents: Vec<Option<TypeId>>,
    /// The type being lowered.
    current: Option<TypeId>,
    errors: Vec<Diagnostic>,
}

/// Properties and `required` gathered from a schema and its `allOf` members.
#[derive(Default)]
struct Gathered {
    fields: Vec<Field>,
    required: BTreeSet<String>,
    additional: Option<TypeRef>,
}

impl Loader {
    /// Reads and parses a file once; later calls return the same document.
    fn open(&mut self, path: &Path) -> Found<usize> {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if let Some(&doc) = self.by_path.get(&key) {
            return Ok(doc);
        }
        let text = std::fs::read_to_string(path)
            .map_err(|e| Box::new(Diagnostic::new(path, format!("cannot read the file: {e}"))))?;
        let parsed = super::document::parse(path, &text).map_err(|e| {
            Box::new(
                e.diagnostics
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| Diagnostic::new(path, "cannot parse the file")),
            )
        })?;
        self.docs.push(Rc::new(Doc {
            path: path.to_path_buf(),
            text,
            parsed,
        }));
        let doc = self.docs.len() - 1;
        self.by_path.insert(key, doc);
        Ok(doc)
    }

    fn node(&self, loc: &Loc) -> Option<&Value> {
        self.docs[loc.doc].parsed.value.pointer(&loc.pointer)
    }

    fn object(&self, loc: &Loc) -> Option<&Map<String, Value>> {
        self.node(loc).and_then(Value::as_object)
    }

    /// Reports keywords of the schema at `loc` whose value has the wrong shape (`properties: [a]`),
    /// which would otherwise be ignored.
    fn check_shape(&mut self, loc: &Loc, schema: &Map<String, Value>) {
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
            self.errors.push(d);
        }
    }

    /// A diagnostic at `loc`, with line, column and source line where the parser recorded them.
    fn diag(&self, loc: &Loc, message: impl Into<String>) -> Diagnostic {
        let doc = &self.docs[loc.doc];
        let pointer = format!("#{}", loc.pointer);
        let mut d = Diagnostic::new(&doc.path, message).at_pointer(pointer);
        if let Some((line, col)) = doc.parsed.position(&loc.pointer) {
            d = d.at_line(line, col, Some(&doc.text));
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
            at = self.parents[id.0];
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
            pointer: String::new(),
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
                    "Swagger 2.0 is not supported: expected an OpenAPI 3.x document",
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
        let target = Loc { doc, pointer };
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
        let mut loc = loc.clone();
        let mut seen = HashSet::new();
        while let Some(reference) = self.ref_of(&loc) {
            if !seen.insert(loc.clone()) {
                return Err(Box::new(
                    self.diag(&loc, format!("circular $ref \"{reference}\"")),
                ));
            }
            loc = self.resolve(&loc, &reference)?;
        }
        Ok(loc)
    }

    /// The `$ref` of the node at `loc`, if it is a reference.
    fn ref_of(&self, loc: &Loc) -> Option<String> {
        self.object(loc)?.get("$ref")?.as_str().map(str::to_owned)
    }

    /// The type of the schema a `$ref` names, allocating and queueing it when first reached.
    fn named(&mut self, target: Loc) -> TypeId {
        if let Some(&id) = self.by_loc.get(&target) {
            return id;
        }
        let name = self.ref_name(&target);
        self.allocate(target, &name)
    }

    /// The source name of a referenced schema: `components/schemas/X` is `X`, a whole file is its stem,
    /// anything else the last pointer segment.
    fn ref_name(&self, target: &Loc) -> String {
        match target.pointer.rsplit_once('/') {
            Some((_, last)) => last.replace("~1", "/").replace("~0", "~"),
            None => {
                let path = &self.docs[target.doc].path;
                path.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            }
        }
    }

    /// Allocates a type for the schema at `loc` under a free variant of `name`, and queues it.
    fn allocate(&mut self, loc: Loc, name: &str) -> TypeId {
        let mut unique = name.to_owned();
        let mut n = 1;
        while !self.names.insert(unique.clone()) {
            unique = format!("{name}_{n}");
            n += 1;
        }
        let origin = format!("{}#{}", self.docs[loc.doc].path.display(), loc.pointer);
        let id = TypeId(self.types.len());
        self.types.push(TypeDef {
            name: unique,
            origin,
            doc: None,
            deprecated: false,
            examples: Vec::new(),
            kind: TypeKind::Alias(Alias {
                ty: TypeRef::Any,
                nullable: false,
            }),
        });
        self.by_loc.insert(loc.clone(), id);
        self.queue.push_back((id, loc));
        self.parents.push(self.current);
        id
    }

    /// Registers the schemas the spec names and those its operations use, in document order.
    fn walk_root(&mut self, root: usize) {
        let root = Loc {
            doc: root,
            pointer: String::new(),
        };
        let schemas = root.child("components").child("schemas");
        for key in self.keys(&schemas) {
            self.named(schemas.child(&key));
        }
        let paths = root.child("paths");
        for path in self.keys(&paths) {
            self.walk_path_item(&paths.child(&path), &path);
        }
        // OpenAPI 3.1 webhooks are path items too.
        let webhooks = root.child("webhooks");
        for name in self.keys(&webhooks) {
            self.walk_path_item(&webhooks.child(&name), &name);
        }
        for section in ["responses", "requestBodies"] {
            let at = root.child("components").child(section);
            for key in self.keys(&at) {
                self.walk_body(&at.child(&key), &key);
            }
        }
    }

    fn keys(&self, loc: &Loc) -> Vec<String> {
        self.object(loc)
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn walk_operation(&mut self, op: &Loc, path: &str, method: &str) {
        let op_id = self
            .object(op)
            .and_then(|o| o.get("operationId"))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("{method}{}", naming_path(path)));
        let params = op.child("parameters");
        if let Some(n) = self.node(&params).and_then(Value::as_array).map(Vec::len) {
            for i in 0..n {
                if let Ok(param) = self.deref(&params.index(i)) {
                    let schema = param.child("schema");
                    if self.ref_of(&schema).is_some() {
                        self.type_of(&schema, &format!("{op_id}_{i}_parameter"));
                    }
                }
            }
        }
        let body = op.child("requestBody");
        if self.node(&body).is_some() {
            self.walk_body(&body, &format!("{op_id}_request"));
        }
        let responses = op.child("responses");
        for status in self.keys(&responses) {
            self.walk_body(
                &responses.child(&status),
                &format!("{op_id}_{status}_response"),
            );
        }
        // Callbacks hold path items of their own (the webhook payloads an API sends).
        let callbacks = op.child("callbacks");
        for name in self.keys(&callbacks) {
            let callback = match self.deref(&callbacks.child(&name)) {
                Ok(callback) => callback,
                Err(d) => {
                    self.errors.push(*d);
                    continue;
                }
            };
            for expression in self.keys(&callback) {
                self.walk_path_item(&callback.child(&expression), &format!("{op_id}_{name}"));
            }
        }
    }

    fn walk_path_item(&mut self, item: &Loc, path: &str) {
        let item = match self.deref(item) {
            Ok(item) => item,
            Err(d) => return self.errors.push(*d),
        };
        for method in METHODS {
            let op = item.child(method);
            if self.node(&op).is_some() {
                self.walk_operation(&op, path, method);
            }
        }
    }

    /// A request body or response: registers the schema of each media type.
    fn walk_body(&mut self, body: &Loc, fallback: &str) {
        let body = match self.deref(body) {
            Ok(body) => body,
            Err(d) => return self.errors.push(*d),
        };
        let content = body.child("content");
        for media in self.keys(&content) {
            let schema = content.child(&media).child("schema");
            if self.node(&schema).is_some() {
                self.type_of(&schema, fallback);
            }
        }
    }

    fn lower_queued(&mut self) {
        while let Some((id, loc)) = self.queue.pop_front() {
            self.current = Some(id);
            let name = self.types[id.0].name.clone();
            let doc = Rc::clone(&self.docs[loc.doc]);
            let empty = Map::new();
            let schema = doc.object(&loc.pointer).unwrap_or(&empty);
            let (kind, nullable) = self.lower_kind(&loc, &name);
            let def = &mut self.types[id.0];
            def.kind = match kind {
                TypeKind::Alias(alias) => TypeKind::Alias(Alias {
                    nullable: alias.nullable || nullable,
                    ..alias
                }),
                other => other,
            };
            def.doc = description(schema);
            def.deprecated = schema
                .get("deprecated")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            def.examples = examples(schema);
        }
        self.current = None;
    }

    /// What the named schema at `loc` is, and whether it allows `null`.
    fn lower_kind(&mut self, loc: &Loc, name: &str) -> (TypeKind, bool) {
        let doc = Rc::clone(&self.docs[loc.doc]);
        let Some(schema) = doc.object(&loc.pointer) else {
            self.errors
                .push(self.diag(loc, "a schema must be a mapping"));
            return (alias(TypeRef::Any), false);
        };
        self.check_shape(loc, schema);
        let (types, nullable) = schema_types(schema);
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            return match self.resolve(loc, reference) {
                Ok(target) => (alias(TypeRef::Named(self.named(target))), nullable),
                Err(d) => {
                    self.errors.push(*d);
                    (alias(TypeRef::Any), nullable)
                }
            };
        }
        if let Some(target) = self.single_ref_all_of(loc, schema) {
            return (alias(target), nullable);
        }
        if schema.contains_key("allOf") {
            return (TypeKind::Struct(self.lower_struct(loc, name)), nullable);
        }
        if schema.contains_key("oneOf") || schema.contains_key("anyOf") {
            return (self.lower_union(loc, schema, name), nullable);
        }
        if let Some(values) = schema.get("enum") {
            return (
                self.lower_enum(loc, values, &types),
                nullable || values.as_array().is_some_and(|v| v.contains(&Value::Null)),
            );
        }
        let is_object = types.iter().any(|t| t == "object") || schema.contains_key("properties");
        if is_object && has_properties(schema) {
            return (TypeKind::Struct(self.lower_struct(loc, name)), nullable);
        }
        (alias(self.lower_ref_inner(loc, schema, name)), nullable)
    }

    /// `allOf: [$ref]` without properties of its own: a reference (the idiom that only attaches a
    /// description or `nullable` to a reference).
    fn single_ref_all_of(&mut self, loc: &Loc, schema: &Map<String, Value>) -> Option<TypeRef> {
        let members = schema.get("allOf")?.as_array()?;
        if members.len() != 1 || has_properties(schema) {
            return None;
        }
        let member = loc.child("allOf").index(0);
        let reference = self.ref_of(&member)?;
        match self.resolve(&member, &reference) {
            Ok(target) => Some(TypeRef::Named(self.named(target))),
            Err(d) => {
                self.errors.push(*d);
                Some(TypeRef::Any)
            }
        }
    }

    fn lower_struct(&mut self, loc: &Loc, name: &str) -> Struct {
        let mut gathered = Gathered::default();
        self.gather(loc, name, &mut gathered, &mut HashSet::new());
        let Gathered {
            mut fields,
            required,
            additional,
        } = gathered;
        for field in &mut fields {
            let required = required.contains(&field.wire_name);
            field.presence = Presence::new(required, field.presence.is_nullable());
        }
        Struct { fields, additional }
    }

    /// Collects the properties of the schema at `loc` and, recursively, of its `allOf` members. A later
    /// declaration of a property replaces an earlier one in place.
    fn gather(&mut self, loc: &Loc, name: &str, out: &mut Gathered, seen: &mut HashSet<Loc>) {
        if !seen.insert(loc.clone()) {
            return self.errors.push(self.diag(loc, "allOf includes itself"));
        }
        let doc = Rc::clone(&self.docs[loc.doc]);
        let Some(schema) = doc.object(&loc.pointer) else {
            return self
                .errors
                .push(self.diag(loc, "a schema must be a mapping"));
        };
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            match self.resolve(loc, reference) {
                Ok(target) => {
                    // The referenced schema is a type of its own too; its inline parts are named after it.
                    let id = self.named(target.clone());
                    let target_name = self.types[id.0].name.clone();
                    self.gather(&target, &target_name, out, seen);
                }
                Err(d) => self.errors.push(*d),
            }
            return;
        }
        if let Some(members) = schema.get("allOf").and_then(Value::as_array) {
            for i in 0..members.len() {
                let member = loc.child("allOf").index(i);
                let member_name = if self.ref_of(&member).is_some() {
                    name.to_owned()
                } else {
                    format!("{name}_allOf")
                };
                self.gather(&member, &member_name, out, seen);
            }
        }
        for key in ["oneOf", "anyOf"] {
            if schema.contains_key(key) {
                self.errors.push(self.diag(
                    &loc.child(key),
                    format!("unsupported construct: `{key}` inside an object merged by `allOf`"),
                ));
            }
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            out.required
                .extend(required.iter().filter_map(Value::as_str).map(str::to_owned));
        }
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for key in properties.keys() {
                let field = self.lower_field(&loc.child("properties").child(key), key, name);
                match out.fields.iter_mut().find(|f| f.wire_name == *key) {
                    Some(existing) => *existing = field,
                    None => out.fields.push(field),
                }
            }
        }
        match schema.get("additionalProperties") {
            Some(Value::Bool(true)) => out.additional = Some(TypeRef::Any),
            Some(Value::Object(ap)) if ap.is_empty() => out.additional = Some(TypeRef::Any),
            Some(Value::Object(_)) => {
                let ap = loc.child("additionalProperties");
                out.additional = Some(self.type_of(&ap, &format!("{name}_value")));
            }
            _ => {}
        }
    }

    fn lower_field(&mut self, loc: &Loc, wire_name: &str, parent: &str) -> Field {
        let doc = Rc::clone(&self.docs[loc.doc]);
        let empty = Map::new();
        let schema = doc.object(&loc.pointer).unwrap_or(&empty);
        if self.node(loc).is_some_and(|v| !v.is_object()) {
            self.errors
                .push(self.diag(loc, "a property schema must be a mapping"));
        }
        let (_, mut nullable) = schema_types(schema);
        let ty = self.type_of(loc, &format!("{parent}_{wire_name}"));
        // `oneOf: [X, {type: 'null'}]` (OpenAPI 3.1) makes the field nullable.
        nullable |= ["oneOf", "anyOf"].iter().any(|k| {
            schema
                .get(*k)
                .and_then(Value::as_array)
                .is_some_and(|m| m.iter().any(is_null_schema))
        });
        let access = match (bool_key(schema, "readOnly"), bool_key(schema, "writeOnly")) {
            (true, false) => Access::ReadOnly,
            (false, true) => Access::WriteOnly,
            _ => Access::ReadWrite,
        };
        Field {
            wire_name: wire_name.to_owned(),
            ty,
            presence: Presence::new(false, nullable),
            default: schema.get("default").cloned(),
            access,
            deprecated: bool_key(schema, "deprecated"),
            doc: description(schema),
            constraints: self.field_constraints(loc, schema),
            examples: examples(schema),
            note: None,
        }
    }

    /// The constraints of a property: its own, or, when it only refers to a named scalar (`first_name:
    /// {$ref: applicant_first_name}`), those of the scalar, which the IR's alias does not carry.
    fn field_constraints(&mut self, loc: &Loc, schema: &Map<String, Value>) -> Constraints {
        let own = constraints(schema);
        if !own.is_empty() {
            return own;
        }
        let reference = match schema.get("allOf").and_then(Value::as_array) {
            Some(members) if members.len() == 1 => self
                .ref_of(&loc.child("allOf").index(0))
                .map(|r| (loc.child("allOf").index(0), r)),
            _ => self.ref_of(loc).map(|r| (loc.clone(), r)),
        };
        let Some((at, reference)) = reference else {
            return own;
        };
        // Errors were reported when the type was resolved; here a failure only means no constraints.
        let Ok(target) = self.resolve(&at, &reference).and_then(|t| self.deref(&t)) else {
            return own;
        };
        let doc = Rc::clone(&self.docs[target.doc]);
        match doc.object(&target.pointer) {
            Some(target) if !has_properties(target) => constraints(target),
            _ => own,
        }
    }

    /// The type of the schema at `loc` as a field, item or variant uses it; inline objects, enums and
    /// unions become named types called `title` or `name`.
    fn type_of(&mut self, loc: &Loc, name: &str) -> TypeRef {
        let doc = Rc::clone(&self.docs[loc.doc]);
        let Some(schema) = doc.object(&loc.pointer) else {
            if self.node(loc).is_some_and(|v| v != &Value::Bool(true)) {
                self.errors
                    .push(self.diag(loc, "a schema must be a mapping"));
            }
            return TypeRef::Any;
        };
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            return match self.resolve(loc, reference) {
                Ok(target) => TypeRef::Named(self.named(target)),
                Err(d) => {
                    self.errors.push(*d);
                    TypeRef::Any
                }
            };
        }
        if let Some(target) = self.single_ref_all_of(loc, schema) {
            return target;
        }
        if let Some(members) = ["oneOf", "anyOf"]
            .iter()
            .find_map(|k| schema.get(*k).and_then(Value::as_array))
        {
            // `oneOf: [X, {type: 'null'}]` is X, nullable (the field records the null).
            let key = if schema.contains_key("oneOf") {
                "oneOf"
            } else {
                "anyOf"
            };
            let non_null: Vec<usize> = (0..members.len())
                .filter(|&i| !is_null_schema(&members[i]))
                .collect();
            if let [only] = non_null[..] {
                return self.type_of(&loc.child(key).index(only), name);
            }
        }
        let composite = schema.contains_key("allOf")
            || schema.contains_key("oneOf")
            || schema.contains_key("anyOf")
            || schema
                .get("enum")
                .is_some_and(|e| e.as_array().is_some_and(|v| v.iter().any(|x| !x.is_null())))
            || has_properties(schema);
        if composite {
            if let Some(&id) = self.by_loc.get(loc) {
                return TypeRef::Named(id);
            }
            let title = schema
                .get("title")
                .and_then(Value::as_str)
                .map(|t| t.replace(' ', "_"));
            return TypeRef::Named(self.allocate(loc.clone(), title.as_deref().unwrap_or(name)));
        }
        // Named and inline types are checked when lowered; what is left is checked here.
        self.check_shape(loc, schema);
        self.lower_ref_inner(loc, schema, name)
    }

    /// Arrays, maps, free-form objects and scalars.
    fn lower_ref_inner(&mut self, loc: &Loc, schema: &Map<String, Value>, name: &str) -> TypeRef {
        let (types, _) = schema_types(schema);
        let ty = types.first().map(String::as_str);
        match ty {
            Some("array") => match schema.get("items") {
                Some(_) => TypeRef::Array(Box::new(
                    self.type_of(&loc.child("items"), &format!("{name}_inner")),
                )),
                None => TypeRef::Array(Box::new(TypeRef::Any)),
            },
            Some("object") | None if schema.contains_key("additionalProperties") => {
                match schema.get("additionalProperties") {
                    Some(Value::Object(ap)) if !ap.is_empty() => {
                        let value = self
                            .type_of(&loc.child("additionalProperties"), &format!("{name}_value"));
                        TypeRef::Map(Box::new(value))
                    }
                    _ => TypeRef::Object,
                }
            }
            Some("object") => TypeRef::Object,
            None => TypeRef::Any,
            Some(other) => match primitive(other, schema.get("format").and_then(Value::as_str)) {
                Some(p) => TypeRef::Primitive(p),
                None => {
                    self.errors.push(self.diag(&loc.child("type"), format!("unknown type `{other}`: expected string, integer, number, boolean, array, object or null")));
                    TypeRef::Any
                }
            },
        }
    }

    fn lower_enum(&mut self, loc: &Loc, values: &Value, types: &[String]) -> TypeKind {
        let Some(values) = values.as_array() else {
            self.errors
                .push(self.diag(&loc.child("enum"), "`enum` must be a list"));
            return alias(TypeRef::Any);
        };
        let values: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
        let integer = types.first().is_some_and(|t| t == "integer")
            || (types.is_empty() && values.iter().all(|v| v.is_i64()));
        if integer {
            if let Some(ints) = values
                .iter()
                .map(|v| v.as_i64())
                .collect::<Option<Vec<_>>>()
            {
                return TypeKind::Enum(Enum::Integer(ints));
            }
        }
        let mut strings = Vec::new();
        for v in values {
            match v {
                Value::String(s) => strings.push(s.clone()),
                Value::Number(n) => strings.push(n.to_string()),
                Value::Bool(b) => strings.push(b.to_string()),
                _ => {
                    self.errors.push(self.diag(
                        &loc.child("enum"),
                        "unsupported construct: enum values must be strings or integers",
                    ));
                    return alias(TypeRef::Any);
                }
            }
        }
        let mut seen = HashSet::new();
        strings.retain(|s| seen.insert(s.clone()));
        TypeKind::Enum(Enum::String(strings))
    }

    fn lower_union(&mut self, loc: &Loc, schema: &Map<String, Value>, name: &str) -> TypeKind {
        let key = if schema.contains_key("oneOf") {
            "oneOf"
        } else {
            "anyOf"
        };
        let Some(members) = schema.get(key).and_then(Value::as_array).cloned() else {
            self.errors.push(self.diag(
                &loc.child(key),
                format!("`{key}` must be a list of schemas"),
            ));
            return alias(TypeRef::Any);
        };
        let discriminator = schema
            .get("discriminator")
            .and_then(|d| d.get("propertyName"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let mut variants = Vec::new();
        let mut mapped = HashSet::new();
        if discriminator.is_some() {
            let mapping = loc.child("discriminator").child("mapping");
            for tag in self.keys(&mapping) {
                let Some(target) = self
                    .node(&mapping.child(&tag))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                else {
                    continue;
                };
                // A bare name in a mapping means a schema of `components/schemas`.
                let target_is_local =
                    target.contains('#') || target.contains('.') || target.contains('/');
                let reference = if target_is_local {
                    target
                } else {
                    format!("#/components/schemas/{target}")
                };
                // Bare names were turned into pointers into the root document, which is document 0.
                let at = mapping.child(&tag);
                let at = if reference.starts_with("#/components") && !target_is_local {
                    Loc {
                        doc: 0,
                        pointer: at.pointer,
                    }
                } else {
                    at
                };
                match self.resolve(&at, &reference) {
                    Ok(target) => {
                        let id = self.named(target);
                        mapped.insert(id);
                        variants.push(Variant {
                            tag: Some(tag),
                            ty: TypeRef::Named(id),
                        });
                    }
                    Err(d) => self.errors.push(*d),
                }
            }
        }
        for (i, member) in members.iter().enumerate() {
            if is_null_schema(member) {
                continue;
            }
            let ty = self.type_of(&loc.child(key).index(i), &format!("{name}_{key}_{i}"));
            if let TypeRef::Named(id) = ty {
                if mapped.contains(&id) {
                    continue;
                }
            }
            let tag = match (&discriminator, &ty) {
                (Some(_), TypeRef::Named(id)) => Some(self.types[id.0].name.clone()),
                _ => None,
            };
            variants.push(Variant { tag, ty });
        }
        TypeKind::Union(Union {
            discriminator,
            variants,
        })
    }
}

fn alias(ty: TypeRef) -> TypeKind {
    TypeKind::Alias(Alias {
        ty,
        nullable: false,
    })
}

/// The `type` keyword as a list (3.1 allows one), without `"null"`, and whether `null` is allowed
/// (`nullable: true` in 3.0, `"null"` in the list in 3.1).
fn schema_types(schema: &Map<String, Value>) -> (Vec<String>, bool) {
    let mut nullable = bool_key(schema, "nullable");
    let types = match schema.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    let types: Vec<String> = types
        .into_iter()
        .filter(|t| {
            let null = t == "null";
            nullable |= null;
            !null
        })
        .collect();
    (types, nullable)
}

fn is_null_schema(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
}

fn has_properties(schema: &Map<String, Value>) -> bool {
    schema
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|p| !p.is_empty())
}

fn bool_key(schema: &Map<String, Value>, key: &str) -> bool {
    schema.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn primitive(ty: &str, format: Option<&str>) -> Option<Primitive> {
    Some(match (ty, format) {
        ("string", Some("uuid")) => Primitive::Uuid,
        ("string", Some("date-time")) => Primitive::DateTime,
        ("string", Some("date")) => Primitive::Date,
        ("string", Some("uri" | "url")) => Primitive::Uri,
        ("string", Some("byte")) => Primitive::Byte,
        ("string", Some("binary")) => Primitive::Binary,
        ("string", _) => Primitive::String,
        ("integer", Some("int32")) => Primitive::Int32,
        ("integer", _) => Primitive::Int64,
        ("number", Some("float")) => Primitive::Float,
        ("number", _) => Primitive::Double,
        ("boolean", _) => Primitive::Boolean,
        _ => return None,
    })
}

fn description(schema: &Map<String, Value>) -> Option<String> {
    let text = schema.get("description").and_then(Value::as_str)?.trim();
    (!text.is_empty()).then(|| decode_html_entities(text))
}

fn examples(schema: &Map<String, Value>) -> Vec<Value> {
    let mut out: Vec<Value> = schema.get("example").cloned().into_iter().collect();
    match schema.get("examples") {
        Some(Value::Array(items)) => out.extend(items.iter().cloned()),
        Some(Value::Object(named)) => {
            out.extend(named.values().filter_map(|e| e.get("value")).cloned())
        }
        _ => {}
    }
    out
}

fn constraints(schema: &Map<String, Value>) -> Constraints {
    let uint = |k: &str| schema.get(k).and_then(Value::as_u64);
    let num = |k: &str| schema.get(k).and_then(Value::as_f64);
    // 3.0 has boolean `exclusiveMinimum` next to `minimum`; 3.1 has the bound itself.
    let (minimum, exclusive_minimum) = match schema.get("exclusiveMinimum") {
        Some(Value::Number(n)) => (n.as_f64(), true),
        Some(Value::Bool(b)) => (num("minimum"), *b),
        _ => (num("minimum"), false),
    };
    let (maximum, exclusive_maximum) = match schema.get("exclusiveMaximum") {
        Some(Value::Number(n)) => (n.as_f64(), true),
        Some(Value::Bool(b)) => (num("maximum"), *b),
        _ => (num("maximum"), false),
    };
    Constraints {
        min_length: uint("minLength"),
        max_length: uint("maxLength"),
        pattern: schema
            .get("pattern")
            .and_then(Value::as_str)
            .map(str::to_owned),
        minimum,
        maximum,
        exclusive_minimum,
        exclusive_maximum,
        min_items: uint("minItems"),
        max_items: uint("maxItems"),
        unique_items: bool_key(schema, "uniqueItems"),
        items: schema
            .get("items")
            .and_then(Value::as_object)
            .map(|items| Box::new(constraints(items)))
            .filter(|c| !c.is_empty()),
    }
}

/// `/workflow_runs/{id}` -> `WorkflowRunsId`, for operations without an `operationId`.
fn naming_path(path: &str) -> String {
    crate::naming::upper_camel(path)
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

fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
