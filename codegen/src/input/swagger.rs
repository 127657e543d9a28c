//! Converts a Swagger 2.0 document into the OpenAPI 3.0 document it stands for, so the 3.x loader reads
//! it unchanged.
//!
//! Every node of the converted document remembers the node of the 2.0 file it came from (its JSON
//! pointer and so its line and column: [`Document::source_pointer`]), so a diagnostic about
//! `#/components/schemas/Pet/properties/x` names `#/definitions/Pet/properties/x` and its line.
//!
//! What is converted (Swagger 2.0 → OpenAPI 3.0):
//! - `definitions`, `parameters`, `responses` and `securityDefinitions` become `components`
//!   (`schemas`, `parameters` or `requestBodies` for body parameters, `responses`, `securitySchemes`);
//!   `$ref`s to them are rewritten everywhere; `host`, `basePath` and `schemes` become `servers`;
//! - an operation's `in: body` parameter becomes its `requestBody`, one media type per `consumes`
//!   (the operation's, else the spec's, else `application/json`); `in: formData` parameters become the
//!   properties of an object schema sent as `multipart/form-data` or `application/x-www-form-urlencoded`;
//!   other parameters move `type`, `format`, `items` and their constraints into `schema`, and
//!   `collectionFormat` (`csv` when absent) into `style`/`explode` (for form arrays, an `encoding`);
//!   path-level body and form parameters reach every operation (`swagger/operations.rs`);
//! - a response's `schema` becomes its `content`, one media type per `produces`, and `examples` the
//!   media types' `example`; headers get a `schema`;
//! - in schemas, `x-nullable` becomes `nullable`, `discriminator: prop` becomes
//!   `discriminator: {propertyName: prop}`, and `type: file` becomes `type: string, format: binary`;
//!   the rest (`allOf`, constraints, `x-` extensions…) is carried over as it is, and so are `info`,
//!   `tags`, `security`, `externalDocs` and every `x-` extension.
//!
//! What has no 3.0 form (`collectionFormat: tsv`, an operation's `schemes`, …) is dropped with a
//! warning. A file reached by `$ref` from a 2.0 spec is converted the same way: its `definitions` move
//! to `components/schemas` as the rewritten `$ref`s expect, and any other node is converted as what
//! its shape says it is (parameter, response, path item or schema).

use crate::hash::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde_json::{Map, Value};

use super::document::{escape_pointer, Document};
use crate::diagnostic::{Diagnostic, LineStarts};

mod operations;

/// The OpenAPI version a converted document declares.
const OPENAPI_VERSION: &str = "3.0.3";

/// The HTTP methods a Swagger 2.0 path item may hold.
const METHODS: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch"];

/// Whether `value` is a Swagger 2.0 document (`swagger: "2.0"`, or the number 2.0 of an unquoted
/// YAML `swagger: 2.0`).
pub fn is_swagger(value: &Value) -> bool {
    match value.get("swagger") {
        Some(Value::String(v)) => v == "2.0",
        Some(Value::Number(n)) => n.as_f64() == Some(2.0),
        _ => false,
    }
}

/// The document parsed from `path` (whose text is `text`) as OpenAPI 3.0 when it is a Swagger 2.0
/// document or a file reached from one (`reached_from_swagger`), with what the conversion could not
/// carry over exactly (not errors, but worth a look); any other document as it is.
pub fn convert(
    path: &Path,
    text: &str,
    document: Document,
    reached_from_swagger: bool,
) -> (Document, Vec<Diagnostic>) {
    convert_with(path, text, document, reached_from_swagger, None)
}

/// Like [`convert`]; other files the conversion looks into are taken from `memory` when it is given
/// (never from the file system), as the loader reads files held in memory.
pub(crate) fn convert_with(
    path: &Path,
    text: &str,
    document: Document,
    reached_from_swagger: bool,
    memory: Option<&HashMap<PathBuf, String>>,
) -> (Document, Vec<Diagnostic>) {
    let root = is_swagger(&document.value);
    if !root && (!reached_from_swagger || document.value.get("openapi").is_some()) {
        return (document, Vec::new());
    }
    // The document as written is kept for positions; the conversion takes a copy apart.
    let value = document.value.clone();
    let mut converter = Converter {
        path,
        text,
        source: &document,
        locals: Value::Null,
        definitions: HashSet::default(),
        origins: HashMap::default(),
        warnings: Vec::new(),
        consumes: Vec::new(),
        produces: Vec::new(),
        peeked: HashMap::default(),
        memory,
        lines: std::cell::OnceCell::new(),
        host: None,
        base_path: String::new(),
        schemes: Vec::new(),
        lost_schemes: None,
    };
    let value = if root {
        converter.root(value)
    } else {
        converter.fragment(value)
    };
    if let Some((first, count)) = converter.lost_schemes.take() {
        converter.warn(
            &first,
            format!("`schemes` of {count} operation(s) have no OpenAPI 3.0 form in a spec without `host`: left out (the first is here)"),
        );
    }
    let Converter {
        origins, warnings, ..
    } = converter;
    (Document::converted(value, document, origins), warnings)
}

struct Converter<'a> {
    path: &'a Path,
    text: &'a str,
    /// The file as written, for the positions of warnings.
    source: &'a Document,
    /// The file's `parameters` section (as `{parameters: …}`), which operations refer to.
    locals: Value,
    /// The names of the file's `definitions`.
    definitions: HashSet<String>,
    /// For each node of the converted document, the pointer of the node it came from.
    origins: HashMap<String, String>,
    warnings: Vec<Diagnostic>,
    /// The spec's own `consumes` and `produces`.
    consumes: Vec<String>,
    produces: Vec<String>,
    /// Other files read to see what kind of parameter a `$ref` to them names.
    peeked: HashMap<PathBuf, Option<Rc<Value>>>,
    /// The files held in memory, when the loader reads from memory.
    memory: Option<&'a HashMap<PathBuf, String>>,
    /// Where the lines of `text` start, found at the first warning.
    lines: std::cell::OnceCell<LineStarts>,
    /// The spec's `host`, `basePath` and `schemes`, for operations with `schemes` of their own.
    host: Option<String>,
    base_path: String,
    schemes: Vec<String>,
    /// Operations whose `schemes` could not be kept (no `host` to build a URL with): the first, and
    /// how many, so the spec gets one warning.
    lost_schemes: Option<(String, usize)>,
}

impl Converter<'_> {
    /// Records that the node at `new` came from the node at `old`, unless its nearest recorded
    /// ancestor already says so (most nodes keep their place under their parent, and so need no entry
    /// of their own).
    fn origin(&mut self, new: &str, old: &str) {
        if !self.derives(new, old) {
            self.origins.insert(new.to_owned(), old.to_owned());
        }
    }

    /// Whether the origins recorded so far put the node at `new` at `old`.
    fn derives(&self, new: &str, old: &str) -> bool {
        let mut end = new.len();
        loop {
            if let Some(origin) = self.origins.get(&new[..end]) {
                let suffix = &new[end..];
                return old.len() == origin.len() + suffix.len()
                    && old.starts_with(origin.as_str())
                    && old.ends_with(suffix);
            }
            match new[..end].rfind('/') {
                Some(i) => end = i,
                None => return false,
            }
        }
    }

    fn warn(&mut self, old: &str, message: impl Into<String>) {
        let mut d = Diagnostic::new(self.path, message).at_pointer(format!("#{old}"));
        if let Some((line, column)) = self.source.position(old) {
            let lines = self.lines.get_or_init(|| LineStarts::new(self.text));
            d = d.at_line_in(line, column, self.text, lines);
        }
        self.warnings.push(d);
    }

    /// `value`, which is at `old`, unchanged at `new`.
    fn copy(&mut self, old: &str, new: &str, value: Value) -> Value {
        self.origin(new, old);
        value
    }

    /// Inserts `value` (from `old`) at `key` of `out`, which is at `new`.
    fn put(&mut self, out: &mut Map<String, Value>, new: &str, key: &str, old: &str, value: Value) {
        self.origin(&child(new, key), old);
        out.insert(key.to_owned(), value);
    }

    /// Keeps what conversion needs to look up while the document is taken apart: the `parameters`
    /// that operations refer to, and the names of the `definitions`.
    fn remember(&mut self, doc: &Map<String, Value>) {
        if let Some(parameters) = doc.get("parameters") {
            let mut locals = Map::new();
            locals.insert("parameters".to_owned(), parameters.clone());
            self.locals = Value::Object(locals);
        }
        if let Some(definitions) = doc.get("definitions").and_then(Value::as_object) {
            self.definitions = definitions.keys().cloned().collect();
        }
        self.consumes = strings(doc.get("consumes"));
        self.produces = strings(doc.get("produces"));
    }

    fn root(&mut self, value: Value) -> Value {
        self.origin("", "");
        let Value::Object(doc) = value else {
            return value;
        };
        self.remember(&doc);
        let mut out = Map::new();
        let version = Value::String(OPENAPI_VERSION.to_owned());
        self.put(&mut out, "", "openapi", "/swagger", version);
        if let Some(servers) = self.servers(&doc) {
            out.insert("servers".to_owned(), servers);
        }
        let mut components = Map::new();
        self.origin("/components", "");
        for (key, value) in doc {
            let old = child("", &key);
            match key.as_str() {
                "swagger" | "host" | "basePath" | "schemes" | "consumes" | "produces" => {}
                "info" | "tags" | "security" | "externalDocs" => {
                    let v = self.copy(&old, &old, value);
                    out.insert(key, v);
                }
                "paths" => {
                    let v = self.paths(value);
                    out.insert(key, v);
                }
                "definitions" | "parameters" | "responses" | "securityDefinitions" => {
                    self.section(&key, value, &mut components)
                }
                _ if key.starts_with("x-") => {
                    let v = self.copy(&old, &old, value);
                    out.insert(key, v);
                }
                _ => self.warn(
                    &old,
                    format!("`{key}` is not a Swagger 2.0 field: left out of the conversion"),
                ),
            }
        }
        if !components.is_empty() {
            out.insert("components".to_owned(), Value::Object(components));
        }
        Value::Object(out)
    }

    /// One of the sections that become `components`: `definitions`, `parameters`, `responses`,
    /// `securityDefinitions`, at the root of this file.
    fn section(&mut self, key: &str, value: Value, components: &mut Map<String, Value>) {
        let old = child("", key);
        let Value::Object(entries) = value else {
            return self.warn(&old, format!("`{key}` must be a mapping: left out"));
        };
        if entries.get("$ref").is_some_and(Value::is_string) {
            return self.warn(&child(&old, "$ref"), format!("`{key}` as a `$ref` is a convention of bundling tools, not Swagger 2.0: not followed (bundle the spec first)"));
        }
        let group = match key {
            "definitions" => "schemas",
            "responses" => "responses",
            "securityDefinitions" => "securitySchemes",
            _ => "parameters",
        };
        self.origin(&format!("/components/{group}"), &old);
        if key == "parameters" {
            self.origin("/components/requestBodies", &old);
        }
        for (name, entry) in entries {
            let entry_old = child(&old, &name);
            let (target, converted) = match key {
                "definitions" => {
                    let new = format!("/components/schemas/{}", escape_pointer(&name));
                    ("schemas", self.schema(&entry_old, &new, entry))
                }
                "responses" => {
                    let new = format!("/components/responses/{}", escape_pointer(&name));
                    let produces = self.produces.clone();
                    let response = self.response(&entry_old, &new, entry, &produces);
                    ("responses", response)
                }
                "securityDefinitions" => {
                    let new = format!("/components/securitySchemes/{}", escape_pointer(&name));
                    let scheme = self.security_scheme(&entry_old, &new, entry);
                    ("securitySchemes", scheme)
                }
                _ => match (
                    entry.get("in").and_then(Value::as_str).map(str::to_owned),
                    entry,
                ) {
                    (Some(location), Value::Object(fields)) if location == "body" => {
                        let new = format!("/components/requestBodies/{}", escape_pointer(&name));
                        let consumes = self.consumes.clone();
                        let body = self.request_body(&entry_old, &new, fields, &consumes);
                        ("requestBodies", body)
                    }
                    // Form fields have no component of their own: each operation that refers to
                    // one gets it as a property of its request body.
                    (Some(location), _) if location == "formData" => continue,
                    (_, entry) => {
                        let new = format!("/components/parameters/{}", escape_pointer(&name));
                        ("parameters", self.parameter_or_ref(&entry_old, &new, entry))
                    }
                },
            };
            let group = components
                .entry(target.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(group) = group {
                group.insert(name, converted);
            }
        }
    }

    /// A parameter, or a `$ref` to one.
    fn parameter_or_ref(&mut self, old: &str, new: &str, value: Value) -> Value {
        match value {
            Value::Object(fields) => match fields.get("$ref").and_then(Value::as_str) {
                Some(reference) => self.reference(old, new, reference),
                None => self.parameter(old, new, fields),
            },
            other => self.copy(old, new, other),
        }
    }

    /// `{$ref: …}` with the reference rewritten for the converted files.
    fn reference(&mut self, old: &str, new: &str, reference: &str) -> Value {
        self.origin(new, old);
        let target = rewrite_ref(reference);
        self.origin(&child(new, "$ref"), &child(old, "$ref"));
        let mut out = Map::new();
        out.insert("$ref".to_owned(), Value::String(target));
        Value::Object(out)
    }

    /// `servers` from the spec's `host`, `basePath` and `schemes`.
    fn servers(&mut self, doc: &Map<String, Value>) -> Option<Value> {
        self.host = doc.get("host").and_then(Value::as_str).map(str::to_owned);
        self.base_path = doc
            .get("basePath")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        self.schemes = strings(doc.get("schemes"));
        if self.host.is_none() && self.base_path.is_empty() {
            return None;
        }
        let from = if self.host.is_some() {
            "/host"
        } else {
            "/basePath"
        };
        let schemes = self.schemes.clone();
        Some(self.server_list(from, "/servers", &schemes))
    }

    /// The `servers` list at `new` for `schemes`, from the node at `old`.
    fn server_list(&mut self, old: &str, new: &str, schemes: &[String]) -> Value {
        let base = &self.base_path;
        let urls: Vec<String> = match &self.host {
            Some(host) if schemes.is_empty() => vec![format!("//{host}{base}")],
            Some(host) => schemes
                .iter()
                .map(|s| format!("{s}://{host}{base}"))
                .collect(),
            None => vec![base.clone()],
        };
        self.origin(new, old);
        let servers = urls
            .into_iter()
            .enumerate()
            .map(|(i, url)| {
                let at = index(new, i);
                self.origin(&at, old);
                self.origin(&child(&at, "url"), old);
                let mut server = Map::new();
                server.insert("url".to_owned(), Value::String(url));
                Value::Object(server)
            })
            .collect();
        Value::Array(servers)
    }

    fn security_scheme(&mut self, old: &str, new: &str, value: Value) -> Value {
        let Value::Object(mut scheme) = value else {
            return self.copy(old, new, value);
        };
        self.origin(new, old);
        let mut out = Map::new();
        let kind = scheme
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let type_at = child(old, "type");
        let text = |s: &str| Value::String(s.to_owned());
        match kind.as_str() {
            "basic" => {
                self.put(&mut out, new, "type", &type_at, text("http"));
                self.put(&mut out, new, "scheme", &type_at, text("basic"));
            }
            "oauth2" => {
                self.put(&mut out, new, "type", &type_at, text("oauth2"));
                let flow = scheme.get("flow").and_then(Value::as_str).unwrap_or("");
                let flow_at = child(old, "flow");
                let name = match flow {
                    "implicit" => "implicit",
                    "password" => "password",
                    "application" => "clientCredentials",
                    "accessCode" => "authorizationCode",
                    _ => {
                        let message = format!("unknown OAuth2 flow `{flow}`: left out");
                        self.warn(&flow_at, message);
                        ""
                    }
                };
                if !name.is_empty() {
                    let flows_new = child(new, "flows");
                    let flow_new = child(&flows_new, name);
                    self.origin(&flows_new, &flow_at);
                    self.origin(&flow_new, &flow_at);
                    let mut settings = Map::new();
                    for key in ["authorizationUrl", "tokenUrl", "scopes"] {
                        if let Some(v) = scheme.remove(key) {
                            let v = self.copy(&child(old, key), &child(&flow_new, key), v);
                            settings.insert(key.to_owned(), v);
                        }
                    }
                    // 3.0 requires `scopes`; 2.0 does too, but not every spec has them.
                    settings
                        .entry("scopes".to_owned())
                        .or_insert_with(|| Value::Object(Map::new()));
                    let mut flows = Map::new();
                    flows.insert(name.to_owned(), Value::Object(settings));
                    out.insert("flows".to_owned(), Value::Object(flows));
                }
            }
            _ => {
                for key in ["type", "name", "in"] {
                    if let Some(v) = scheme.remove(key) {
                        let v = self.copy(&child(old, key), &child(new, key), v);
                        out.insert(key.to_owned(), v);
                    }
                }
            }
        }
        for (key, v) in scheme {
            if key == "description" || key.starts_with("x-") {
                let v = self.copy(&child(old, &key), &child(new, &key), v);
                out.insert(key, v);
            }
        }
        Value::Object(out)
    }

    /// A schema: `x-nullable`, a name as `discriminator` and `type: file` become their 3.0 forms,
    /// `$ref`s are rewritten, the rest is kept.
    fn schema(&mut self, old: &str, new: &str, value: Value) -> Value {
        self.origin(new, old);
        self.subschema(old, new, value)
    }

    /// A schema whose place is already recorded: the subschemas of a schema keep their place under
    /// it, so they need no origin of their own.
    fn subschema(&mut self, old: &str, new: &str, value: Value) -> Value {
        let Value::Object(schema) = value else {
            return value;
        };
        let file = schema.get("type").and_then(Value::as_str) == Some("file");
        let has_nullable = schema.contains_key("nullable");
        let mut out = Map::new();
        for (key, v) in schema {
            // Most keywords keep their place and value: their pointers are made only when needed.
            let key_old = || child(old, &key);
            let key_new = || child(new, &key);
            let converted = match (key.as_str(), v) {
                ("$ref", Value::String(reference)) => {
                    let at = key_old();
                    Value::String(self.schema_ref(&at, &reference))
                }
                ("properties", Value::Object(properties)) => {
                    let (key_old, key_new) = (key_old(), key_new());
                    let mut converted = Map::new();
                    for (name, property) in properties {
                        let p = self.subschema(
                            &child(&key_old, &name),
                            &child(&key_new, &name),
                            property,
                        );
                        converted.insert(name, p);
                    }
                    Value::Object(converted)
                }
                ("items" | "additionalProperties" | "not", v @ Value::Object(_)) => {
                    self.subschema(&key_old(), &key_new(), v)
                }
                ("items" | "allOf" | "anyOf" | "oneOf", Value::Array(members)) => {
                    let (key_old, key_new) = (key_old(), key_new());
                    let members = members
                        .into_iter()
                        .enumerate()
                        .map(|(i, m)| self.subschema(&index(&key_old, i), &index(&key_new, i), m))
                        .collect();
                    Value::Array(members)
                }
                ("x-nullable", v) => {
                    if !has_nullable {
                        let v = self.copy(&key_old(), &child(new, "nullable"), v);
                        out.insert("nullable".to_owned(), v);
                    }
                    continue;
                }
                ("discriminator", Value::String(name)) => {
                    let (key_old, key_new) = (key_old(), key_new());
                    self.origin(&key_new, &key_old);
                    self.origin(&child(&key_new, "propertyName"), &key_old);
                    let mut d = Map::new();
                    d.insert("propertyName".to_owned(), Value::String(name));
                    Value::Object(d)
                }
                ("type", _) if file => {
                    let at = key_old();
                    self.put(&mut out, new, "type", &at, "string".into());
                    self.put(&mut out, new, "format", &at, "binary".into());
                    continue;
                }
                ("format", _) if file => continue,
                // The node keeps its place under the schema, whose origin places it.
                (_, v) => v,
            };
            out.insert(key, converted);
        }
        Value::Object(out)
    }

    /// A schema's `$ref` for the converted files; a bare name (`$ref: Pet`, which some 2.0 tools
    /// accept) is read as `#/definitions/Pet`.
    fn schema_ref(&mut self, old: &str, reference: &str) -> String {
        let bare = !reference.is_empty()
            && !reference.contains(['#', '/', '.'])
            && self.definitions.contains(reference);
        if bare {
            self.warn(
                old,
                format!("`$ref: {reference}` is not a JSON reference: read as `#/definitions/{reference}`"),
            );
            return format!("#/components/schemas/{}", escape_pointer(reference));
        }
        rewrite_ref(reference)
    }

    /// A file reached from a 2.0 spec that is not a 2.0 document itself: its sections move as a 2.0
    /// document's do, and any other node is converted as what its shape says it is.
    fn fragment(&mut self, value: Value) -> Value {
        let Value::Object(map) = value else {
            return self.node("", "", value);
        };
        let sections = ["definitions", "parameters", "responses"];
        let has_sections = sections
            .iter()
            .any(|s| map.get(*s).is_some_and(Value::is_object))
            && kind(&map).is_none();
        if !has_sections {
            return self.node("", "", Value::Object(map));
        }
        self.remember(&map);
        self.origin("", "");
        self.origin("/components", "");
        let mut out = Map::new();
        let mut components = Map::new();
        for (key, v) in map {
            let at = child("", &key);
            if sections.contains(&key.as_str()) && v.is_object() {
                self.section(&key, v, &mut components);
            } else if key.starts_with("x-") {
                let v = self.copy(&at, &at, v);
                out.insert(key, v);
            } else {
                let v = self.node(&at, &at, v);
                out.insert(key, v);
            }
        }
        out.insert("components".to_owned(), Value::Object(components));
        Value::Object(out)
    }

    /// A node of a fragment file, converted as what its shape says it is.
    fn node(&mut self, old: &str, new: &str, value: Value) -> Value {
        match value {
            Value::Object(map) => match kind(&map) {
                Some(Kind::Parameter) => match map.get("in").and_then(Value::as_str) {
                    Some("body") => {
                        let consumes = self.consumes.clone();
                        self.request_body(old, new, map, &consumes)
                    }
                    _ => self.parameter(old, new, map),
                },
                Some(Kind::PathItem) => self.path_item(old, new, Value::Object(map)),
                Some(Kind::Response) => {
                    let produces = self.produces.clone();
                    self.response(old, new, Value::Object(map), &produces)
                }
                Some(Kind::Schema) => self.schema(old, new, Value::Object(map)),
                None => {
                    self.origin(new, old);
                    let mut out = Map::new();
                    for (key, v) in map {
                        let v = if key.starts_with("x-") {
                            v
                        } else {
                            self.node(&child(old, &key), &child(new, &key), v)
                        };
                        out.insert(key, v);
                    }
                    Value::Object(out)
                }
            },
            Value::Array(items) => {
                self.origin(new, old);
                let items = items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| self.node(&index(old, i), &index(new, i), v))
                    .collect();
                Value::Array(items)
            }
            other => self.copy(old, new, other),
        }
    }
}

/// What a node of a fragment file is, judged by its fields.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Parameter,
    PathItem,
    Response,
    Schema,
}

fn kind(map: &Map<String, Value>) -> Option<Kind> {
    let text = |k: &str| map.get(k).and_then(Value::as_str);
    let locations = ["query", "header", "path", "formData", "body"];
    if text("name").is_some() && text("in").is_some_and(|l| locations.contains(&l)) {
        return Some(Kind::Parameter);
    }
    let operation = |v: &Value| v.get("responses").is_some_and(Value::is_object);
    if METHODS.iter().any(|m| map.get(*m).is_some_and(operation)) {
        return Some(Kind::PathItem);
    }
    let schema_keys = [
        "$ref",
        "type",
        "properties",
        "allOf",
        "items",
        "additionalProperties",
        "enum",
        "format",
        "x-nullable",
        "discriminator",
    ];
    if schema_keys.iter().any(|k| map.contains_key(*k)) {
        return Some(Kind::Schema);
    }
    let response_keys = ["schema", "headers", "examples"];
    if text("description").is_some()
        && response_keys
            .iter()
            .any(|k| map.get(*k).is_some_and(Value::is_object))
    {
        return Some(Kind::Response);
    }
    None
}

/// A `$ref` pointing into the converted files: `#/definitions/X` is `#/components/schemas/X`, and so
/// on for `parameters` and `responses`, in this file or another.
fn rewrite_ref(reference: &str) -> String {
    let Some((file, fragment)) = reference.split_once('#') else {
        return reference.to_owned();
    };
    let moves = [
        ("/definitions/", "/components/schemas/"),
        ("/parameters/", "/components/parameters/"),
        ("/responses/", "/components/responses/"),
    ];
    for (from, to) in moves {
        if let Some(rest) = fragment.strip_prefix(from) {
            return format!("{file}#{to}{rest}");
        }
    }
    reference.to_owned()
}

/// A list of strings (`consumes`, `schemes`), or none.
fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// The pointer of `key` under `pointer` (built often: most keys need no escape).
fn child(pointer: &str, key: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + 1 + key.len());
    out.push_str(pointer);
    out.push('/');
    if key.contains(['~', '/']) {
        out.push_str(&escape_pointer(key));
    } else {
        out.push_str(key);
    }
    out
}

fn index(pointer: &str, i: usize) -> String {
    format!("{pointer}/{i}")
}

#[cfg(test)]
mod tests;
