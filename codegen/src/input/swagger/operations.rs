//! Paths, operations, parameters, request bodies and responses: the parts of a Swagger 2.0 document
//! whose shape changes in OpenAPI 3.0.

use std::path::Path;
use std::rc::Rc;

use serde_json::{Map, Value};

use super::{child, index, rewrite_ref, strings, Converter, METHODS};
use crate::input::document;

/// The media type of bodies when neither the operation nor the spec lists one.
const DEFAULT_MEDIA_TYPE: &str = "application/json";

/// The media types of form bodies.
const MULTIPART: &str = "multipart/form-data";
const URLENCODED: &str = "application/x-www-form-urlencoded";

/// The fields of a non-body parameter (and of a header, or of `items`) that describe its value, and
/// so move into its `schema`.
const VALUE_FIELDS: &[&str] = &[
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
];

/// Most `$ref` hops followed to see what a referenced parameter is.
const MAX_HOPS: usize = 8;

/// A parameter of a path item or operation, with what its `$ref` leads to.
#[derive(Clone)]
struct Param {
    /// Its fields: its own, or those of the parameter it refers to.
    fields: Map<String, Value>,
    /// Where in this file its fields are: the parameter, the local parameter it refers to, or (for a
    /// parameter of another file) the `$ref` itself.
    old: String,
    /// Where the parameter (or its `$ref`) is listed.
    entry: String,
    /// The `$ref` as written, when the parameter is a reference.
    reference: Option<String>,
}

impl Param {
    fn location(&self) -> Option<&str> {
        self.fields.get("in").and_then(Value::as_str)
    }

    fn name(&self) -> Option<&str> {
        self.fields.get("name").and_then(Value::as_str)
    }

    fn same(&self, other: &Param) -> bool {
        self.name() == other.name() && self.location() == other.location()
    }
}

/// The parameters of an operation, sorted by what they become.
#[derive(Default)]
struct Sorted {
    /// Parameters that stay parameters.
    plain: Vec<Param>,
    /// The body parameter: the request body.
    body: Vec<Param>,
    /// Form fields: the properties of the request body.
    form: Vec<Param>,
}

impl Converter<'_> {
    pub(super) fn paths(&mut self, value: Value) -> Value {
        let Value::Object(paths) = value else {
            self.warn("/paths", "`paths` must be a mapping: left out");
            return Value::Object(Map::new());
        };
        self.origin("/paths", "/paths");
        let mut out = Map::new();
        for (path, item) in paths {
            let at = child("/paths", &path);
            let v = if path.starts_with("x-") {
                self.copy(&at, &at, item)
            } else if path.starts_with('/') {
                self.path_item(&at, &at, item)
            } else {
                let message = if path == "$ref" {
                    "`paths` as a `$ref` is a convention of bundling tools, not Swagger 2.0: not followed (bundle the spec first)".to_owned()
                } else {
                    format!("`{path}` is not a path (a path starts with `/`): left out")
                };
                self.warn(&at, message);
                continue;
            };
            out.insert(path, v);
        }
        Value::Object(out)
    }

    pub(super) fn path_item(&mut self, old: &str, new: &str, value: Value) -> Value {
        let Value::Object(item) = value else {
            return self.copy(old, new, value);
        };
        self.origin(new, old);
        let mut out = Map::new();
        // Body and form parameters of the path reach each operation's request body; the others stay
        // with the path.
        let mut shared = Sorted::default();
        if let Some(params) = item.get("parameters") {
            let (params_old, params_new) = (child(old, "parameters"), child(new, "parameters"));
            shared = self.sort_parameters(&params_old, params.clone());
            self.origin(&params_new, &params_old);
            let plain = self.plain_parameters(&params_new, std::mem::take(&mut shared.plain));
            if !plain.is_empty() {
                out.insert("parameters".to_owned(), Value::Array(plain));
            }
        }
        for (key, v) in item {
            let (key_old, key_new) = (child(old, &key), child(new, &key));
            match key.as_str() {
                "$ref" => {
                    if let Some(reference) = v.as_str() {
                        self.origin(&key_new, &key_old);
                        out.insert(key, Value::String(rewrite_ref(reference)));
                    }
                }
                "parameters" => {}
                _ if METHODS.contains(&key.as_str()) => {
                    let op = self.operation(&key_old, &key_new, v, &shared);
                    out.insert(key, op);
                }
                _ if key.starts_with("x-") => {
                    let v = self.copy(&key_old, &key_new, v);
                    out.insert(key, v);
                }
                _ => self.warn(
                    &key_old,
                    format!("`{key}` is not a field of a Swagger 2.0 path item: left out"),
                ),
            }
        }
        Value::Object(out)
    }

    fn operation(&mut self, old: &str, new: &str, value: Value, shared: &Sorted) -> Value {
        let Value::Object(mut op) = value else {
            return self.copy(old, new, value);
        };
        self.origin(new, old);
        let consumes = match op.get("consumes") {
            Some(list) => strings(Some(list)),
            None => self.consumes.clone(),
        };
        let produces = match op.get("produces") {
            Some(list) => strings(Some(list)),
            None => self.produces.clone(),
        };
        let params_old = child(old, "parameters");
        let has_parameters = op.contains_key("parameters");
        let mut own = match op.remove("parameters") {
            Some(params) => self.sort_parameters(&params_old, params),
            None => Sorted::default(),
        };
        // The operation's own parameters replace the path's of the same name and place.
        let mut body = std::mem::take(&mut own.body);
        if body.is_empty() {
            body = shared.body.clone();
        }
        let mut form: Vec<Param> = shared
            .form
            .iter()
            .filter(|p| !own.form.iter().any(|o| o.same(p)))
            .cloned()
            .collect();
        form.append(&mut own.form);
        let body_at = if has_parameters {
            params_old.clone()
        } else {
            old.to_owned()
        };
        let body_new = child(new, "requestBody");
        let mut body = body.into_iter();
        let request_body = if let Some(first) = body.next() {
            for extra in body {
                self.warn(
                    &extra.entry,
                    "an operation has one body parameter: this one is left out",
                );
            }
            if let Some(field) = form.first() {
                self.warn(
                    &field.entry,
                    "an operation cannot have both a body and form parameters: the form parameters are left out",
                );
            }
            Some(self.body_parameter(first, &body_new, &consumes))
        } else if !form.is_empty() {
            Some(self.form_body(&body_at, &body_new, form, &consumes))
        } else {
            None
        };
        let mut out = Map::new();
        if has_parameters {
            let params_new = child(new, "parameters");
            self.origin(&params_new, &params_old);
            let plain = self.plain_parameters(&params_new, own.plain);
            if !plain.is_empty() {
                out.insert("parameters".to_owned(), Value::Array(plain));
            }
        }
        if let Some(body) = request_body {
            out.insert("requestBody".to_owned(), body);
        }
        for (key, v) in op {
            let (key_old, key_new) = (child(old, &key), child(new, &key));
            match key.as_str() {
                "responses" => {
                    let v = self.responses(&key_old, &key_new, v, &produces);
                    out.insert(key, v);
                }
                "consumes" | "produces" => {}
                "schemes" => {
                    let schemes = strings(Some(&v));
                    if schemes == self.schemes {
                        continue;
                    }
                    if self.host.is_some() {
                        let servers = self.server_list(&key_old, &child(new, "servers"), &schemes);
                        out.insert("servers".to_owned(), servers);
                    } else {
                        let lost = self.lost_schemes.get_or_insert((key_old, 0));
                        lost.1 += 1;
                    }
                }
                "tags" | "summary" | "description" | "externalDocs" | "operationId"
                | "deprecated" | "security" => {
                    let v = self.copy(&key_old, &key_new, v);
                    out.insert(key, v);
                }
                _ if key.starts_with("x-") => {
                    let v = self.copy(&key_old, &key_new, v);
                    out.insert(key, v);
                }
                _ => self.warn(
                    &key_old,
                    format!("`{key}` is not a field of a Swagger 2.0 operation: left out"),
                ),
            }
        }
        Value::Object(out)
    }

    /// Resolves each parameter of a `parameters` list (at `old`) and sorts them by what they become.
    fn sort_parameters(&mut self, old: &str, value: Value) -> Sorted {
        let mut sorted = Sorted::default();
        let Value::Array(items) = value else {
            self.warn(old, "`parameters` must be a list: left out");
            return sorted;
        };
        for (i, item) in items.into_iter().enumerate() {
            let entry = index(old, i);
            let Some(param) = self.resolve_parameter(&entry, item) else {
                self.warn(&entry, "a parameter must be a mapping: left out");
                continue;
            };
            match param.location() {
                Some("body") => sorted.body.push(param),
                Some("formData") => sorted.form.push(param),
                _ => sorted.plain.push(param),
            }
        }
        sorted
    }

    /// The parameter listed at `entry`: its fields, following a `$ref` to this file or another.
    fn resolve_parameter(&mut self, entry: &str, value: Value) -> Option<Param> {
        let Value::Object(fields) = value else {
            return None;
        };
        let Some(reference) = fields.get("$ref").and_then(Value::as_str) else {
            return Some(Param {
                fields,
                old: entry.to_owned(),
                entry: entry.to_owned(),
                reference: None,
            });
        };
        let mut reference = reference.to_owned();
        let mut param = Param {
            fields,
            old: entry.to_owned(),
            entry: entry.to_owned(),
            reference: Some(reference.clone()),
        };
        // An unresolved reference stays a reference: the loader reports it where it is.
        let mut base = self.path.to_path_buf();
        let mut local = true;
        for _ in 0..MAX_HOPS {
            let (file, fragment) = reference.split_once('#').unwrap_or((&reference, ""));
            let pointer = percent_decode(fragment);
            let target = if file.is_empty() && local {
                self.locals.pointer(&pointer).cloned()
            } else {
                if !file.is_empty() {
                    base = base
                        .parent()
                        .unwrap_or(Path::new(""))
                        .join(percent_decode(file));
                }
                local = false;
                self.peek(&base)
                    .and_then(|doc| doc.pointer(&pointer).cloned())
            };
            let Some(Value::Object(target)) = target else {
                return Some(param);
            };
            if local {
                param.old = pointer;
            }
            match target.get("$ref").and_then(Value::as_str) {
                Some(next) => reference = next.to_owned(),
                None => {
                    param.fields = target;
                    return Some(param);
                }
            }
        }
        Some(param)
    }

    /// The parsed content of another file, read once.
    fn peek(&mut self, path: &Path) -> Option<Rc<Value>> {
        if let Some(doc) = self.peeked.get(path) {
            return doc.clone();
        }
        let text = match self.memory {
            Some(files) => files.get(path).cloned(),
            None => crate::input::read_text(path).ok(),
        };
        let doc = text
            .and_then(|text| document::parse(path, &text).ok())
            .map(|doc| Rc::new(doc.value));
        self.peeked.insert(path.to_path_buf(), doc.clone());
        doc
    }

    /// The parameters that stay parameters, as the list at `new`.
    fn plain_parameters(&mut self, new: &str, params: Vec<Param>) -> Vec<Value> {
        params
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let at = index(new, i);
                match &p.reference {
                    Some(reference) => self.reference(&p.entry, &at, reference),
                    None => self.parameter(&p.old, &at, p.fields),
                }
            })
            .collect()
    }

    /// A query, header or path parameter: the fields that describe its value move into `schema`.
    pub(super) fn parameter(&mut self, old: &str, new: &str, fields: Map<String, Value>) -> Value {
        self.origin(new, old);
        let location = fields
            .get("in")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let array = fields.get("type").and_then(Value::as_str) == Some("array");
        let mut has_format = false;
        let mut out = Map::new();
        let mut value_fields = Map::new();
        for (key, v) in fields {
            match key.as_str() {
                "name" | "in" | "description" | "required" | "allowEmptyValue" => {
                    out.insert(key, v);
                }
                "collectionFormat" => {
                    let at = child(old, &key);
                    self.collection_format(&at, new, &v, &location, &mut out);
                    has_format = true;
                }
                _ if key.starts_with("x-") && key != "x-nullable" => {
                    out.insert(key, v);
                }
                _ => {
                    value_fields.insert(key, v);
                }
            }
        }
        // An array without `collectionFormat` is `csv`, which in a query is not 3.0's default
        // (`explode: true`); in a path or header it is.
        if array && !has_format && location == "query" {
            let csv = Value::String("csv".to_owned());
            self.collection_format(&child(old, "type"), new, &csv, &location, &mut out);
        }
        let schema = self.value_schema(old, &child(new, "schema"), value_fields);
        out.insert("schema".to_owned(), schema);
        Value::Object(out)
    }

    /// Sets `style` and `explode` in `out` (at `new`) for a 2.0 `collectionFormat` (at `old`) of a
    /// parameter or form field in `location`.
    fn collection_format(
        &mut self,
        old: &str,
        new: &str,
        value: &Value,
        location: &str,
        out: &mut Map<String, Value>,
    ) {
        let format = value.as_str().unwrap_or("");
        let query = matches!(location, "query" | "formData");
        let (style, explode) = match format {
            "csv" if query => ("form", false),
            "csv" => ("simple", false),
            "multi" if query => ("form", true),
            "ssv" if query => ("spaceDelimited", false),
            "pipes" if query => ("pipeDelimited", false),
            _ => {
                return self.warn(
                    old,
                    format!(
                        "`collectionFormat: {format}` has no OpenAPI 3.0 form for a parameter in `{location}`: left out"
                    ),
                )
            }
        };
        self.put(out, new, "style", old, Value::String(style.to_owned()));
        self.put(out, new, "explode", old, Value::Bool(explode));
    }

    /// The schema of a non-body parameter, header or `items`, from its value fields (other fields
    /// are left out).
    fn value_schema(&mut self, old: &str, new: &str, fields: Map<String, Value>) -> Value {
        self.origin(new, old);
        let mut out = Map::new();
        let file = fields.get("type").and_then(Value::as_str) == Some("file");
        for (key, v) in fields {
            match key.as_str() {
                "items" => {
                    let (key_old, key_new) = (child(old, &key), child(new, &key));
                    let items = match v {
                        Value::Object(items) => {
                            if items.contains_key("collectionFormat") {
                                self.warn(
                                    &child(&key_old, "collectionFormat"),
                                    "`collectionFormat` of nested arrays has no OpenAPI 3.0 form: left out",
                                );
                            }
                            self.value_schema(&key_old, &key_new, items)
                        }
                        other => other,
                    };
                    out.insert(key, items);
                }
                "type" if file => {
                    let at = child(old, &key);
                    self.put(&mut out, new, "type", &at, "string".into());
                    self.put(&mut out, new, "format", &at, "binary".into());
                }
                "format" if file => {}
                "x-nullable" => {
                    let v = self.copy(&child(old, &key), &child(new, "nullable"), v);
                    out.insert("nullable".to_owned(), v);
                }
                _ if VALUE_FIELDS.contains(&key.as_str()) => {
                    out.insert(key, v);
                }
                _ => {}
            }
        }
        Value::Object(out)
    }

    /// The request body for the body parameter `param`.
    fn body_parameter(&mut self, param: Param, new: &str, consumes: &[String]) -> Value {
        if let Some(reference) = &param.reference {
            let (file, fragment) = reference.split_once('#').unwrap_or((reference, ""));
            let local_component = file.is_empty() && fragment.starts_with("/parameters/");
            if !file.is_empty() || local_component {
                // The parameter became a request body where it is; refer to it there.
                let target = match fragment.strip_prefix("/parameters/") {
                    Some(name) => format!("{file}#/components/requestBodies/{name}"),
                    None => reference.clone(),
                };
                if local_component && !consumes.is_empty() && consumes != self.consumes {
                    self.warn(
                        &param.entry,
                        "the request body is shared with other operations, so it lists the spec's `consumes`, not the operation's",
                    );
                }
                self.origin(new, &param.entry);
                self.origin(&child(new, "$ref"), &child(&param.entry, "$ref"));
                let mut out = Map::new();
                out.insert("$ref".to_owned(), Value::String(target));
                return Value::Object(out);
            }
        }
        self.request_body(&param.old, new, param.fields, consumes)
    }

    /// A request body from the body parameter `fields` at `old`.
    pub(super) fn request_body(
        &mut self,
        old: &str,
        new: &str,
        mut fields: Map<String, Value>,
        consumes: &[String],
    ) -> Value {
        self.origin(new, old);
        let mut out = Map::new();
        for key in ["description", "required"] {
            if let Some(v) = fields.remove(key) {
                out.insert(key.to_owned(), v);
            }
        }
        let schema = fields.remove("schema");
        if schema.is_none() {
            self.warn(
                old,
                "a body parameter needs a `schema`: the body is left untyped",
            );
        }
        let content = self.content(&child(old, "schema"), new, schema, consumes);
        out.insert("content".to_owned(), content);
        for (key, v) in fields {
            if key.starts_with("x-") {
                out.insert(key, v);
            }
        }
        Value::Object(out)
    }

    /// `content` at `new/content`: the schema at `old`, once per media type.
    fn content(
        &mut self,
        old: &str,
        new: &str,
        schema: Option<Value>,
        media_types: &[String],
    ) -> Value {
        let content_new = child(new, "content");
        self.origin(&content_new, old);
        let mut content = Map::new();
        let media_types = media_types_or_default(media_types);
        let last = media_types.len().saturating_sub(1);
        let mut schema = schema;
        for (i, media) in media_types.into_iter().enumerate() {
            let media_new = child(&content_new, &media);
            self.origin(&media_new, old);
            let mut entry = Map::new();
            let this = if i == last {
                schema.take()
            } else {
                schema.clone()
            };
            if let Some(this) = this {
                let this = self.schema(old, &child(&media_new, "schema"), this);
                entry.insert("schema".to_owned(), this);
            }
            content.insert(media, Value::Object(entry));
        }
        Value::Object(content)
    }

    /// The request body of form fields: an object schema with a property per field.
    fn form_body(&mut self, old: &str, new: &str, form: Vec<Param>, consumes: &[String]) -> Value {
        let mut media: Vec<String> = consumes
            .iter()
            .filter(|m| is_form_media_type(m))
            .cloned()
            .collect();
        if media.is_empty() {
            if consumes.iter().any(|m| !m.starts_with("*/")) {
                self.warn(
                    old,
                    format!("form parameters are sent as `{MULTIPART}` or `{URLENCODED}`, which `consumes` does not list"),
                );
            }
            let file = form
                .iter()
                .any(|p| p.fields.get("type").and_then(Value::as_str) == Some("file"));
            media.push(if file { MULTIPART } else { URLENCODED }.to_owned());
        }
        self.origin(new, old);
        let content_new = child(new, "content");
        self.origin(&content_new, old);
        let mut content = Map::new();
        for media_type in media {
            let media_new = child(&content_new, &media_type);
            let schema_new = child(&media_new, "schema");
            self.origin(&media_new, old);
            self.origin(&schema_new, old);
            let properties_new = child(&schema_new, "properties");
            self.origin(&properties_new, old);
            let mut properties = Map::new();
            let mut required = Vec::new();
            // How arrays are sent (`collectionFormat`, `csv` when absent), which only the
            // urlencoded form has a 3.0 form for.
            let encoding_new = child(&media_new, "encoding");
            let mut encoding = Map::new();
            for param in &form {
                let Some(name) = param.name().map(str::to_owned) else {
                    self.warn(&param.entry, "a form parameter needs a `name`: left out");
                    continue;
                };
                let property_new = child(&properties_new, &name);
                let mut fields = param.fields.clone();
                let description = fields.remove("description");
                let mut property = self.value_schema(&param.old, &property_new, fields);
                if let (Value::Object(property), Some(description)) = (&mut property, description) {
                    property.insert("description".to_owned(), description);
                }
                if param.fields.contains_key("allowEmptyValue") {
                    self.warn(
                        &child(&param.old, "allowEmptyValue"),
                        "`allowEmptyValue` of a form field has no OpenAPI 3.0 form: left out",
                    );
                }
                let array = param.fields.get("type").and_then(Value::as_str) == Some("array");
                if array && media_type == URLENCODED {
                    let (at, format) = match param.fields.get("collectionFormat") {
                        Some(format) => (child(&param.old, "collectionFormat"), format.clone()),
                        None => (child(&param.old, "type"), Value::String("csv".to_owned())),
                    };
                    let field_new = child(&encoding_new, &name);
                    self.origin(&encoding_new, old);
                    self.origin(&field_new, &at);
                    let mut field = Map::new();
                    self.collection_format(&at, &field_new, &format, "formData", &mut field);
                    if !field.is_empty() {
                        encoding.insert(name.clone(), Value::Object(field));
                    }
                }
                if param.fields.get("required").and_then(Value::as_bool) == Some(true) {
                    self.origin(
                        &index(&child(&schema_new, "required"), required.len()),
                        &child(&param.old, "required"),
                    );
                    required.push(Value::String(name.clone()));
                }
                properties.insert(name, property);
            }
            let mut schema = Map::new();
            self.put(&mut schema, &schema_new, "type", old, "object".into());
            schema.insert("properties".to_owned(), Value::Object(properties));
            if !required.is_empty() {
                self.origin(&child(&schema_new, "required"), old);
                schema.insert("required".to_owned(), Value::Array(required));
            }
            let mut entry = Map::new();
            entry.insert("schema".to_owned(), Value::Object(schema));
            if !encoding.is_empty() {
                entry.insert("encoding".to_owned(), Value::Object(encoding));
            }
            content.insert(media_type, Value::Object(entry));
        }
        let mut out = Map::new();
        out.insert("content".to_owned(), Value::Object(content));
        Value::Object(out)
    }

    fn responses(&mut self, old: &str, new: &str, value: Value, produces: &[String]) -> Value {
        let Value::Object(responses) = value else {
            return self.copy(old, new, value);
        };
        self.origin(new, old);
        let mut out = Map::new();
        for (status, response) in responses {
            let (status_old, status_new) = (child(old, &status), child(new, &status));
            let v = if status.starts_with("x-") {
                self.copy(&status_old, &status_new, response)
            } else {
                self.response(&status_old, &status_new, response, produces)
            };
            out.insert(status, v);
        }
        Value::Object(out)
    }

    pub(super) fn response(
        &mut self,
        old: &str,
        new: &str,
        value: Value,
        produces: &[String],
    ) -> Value {
        let Value::Object(mut response) = value else {
            return self.copy(old, new, value);
        };
        if let Some(reference) = response.get("$ref").and_then(Value::as_str) {
            return self.reference(old, new, reference);
        }
        self.origin(new, old);
        let examples = response.remove("examples");
        let mut out = Map::new();
        for (key, v) in response {
            let key_old = child(old, &key);
            match key.as_str() {
                "description" => {
                    out.insert(key, v);
                }
                "headers" => {
                    let Value::Object(headers) = v else {
                        self.warn(&key_old, "`headers` must be a mapping: left out");
                        continue;
                    };
                    let key_new = child(new, &key);
                    self.origin(&key_new, &key_old);
                    let mut converted = Map::new();
                    for (name, header) in headers {
                        let h =
                            self.header(&child(&key_old, &name), &child(&key_new, &name), header);
                        converted.insert(name, h);
                    }
                    out.insert(key, Value::Object(converted));
                }
                "schema" => {
                    let content = self.content(&key_old, new, Some(v), produces);
                    out.insert("content".to_owned(), content);
                }
                _ if key.starts_with("x-") => {
                    let v = self.copy(&key_old, &child(new, &key), v);
                    out.insert(key, v);
                }
                _ => self.warn(
                    &key_old,
                    format!("`{key}` is not a field of a Swagger 2.0 response: left out"),
                ),
            }
        }
        if let Some(Value::Object(examples)) = examples {
            let examples_old = child(old, "examples");
            let content_new = child(new, "content");
            if !out.contains_key("content") {
                self.origin(&content_new, &examples_old);
                out.insert("content".to_owned(), Value::Object(Map::new()));
            }
            for (media, example) in examples {
                let media_new = child(&content_new, &media);
                let example_old = child(&examples_old, &media);
                let example = self.copy(&example_old, &child(&media_new, "example"), example);
                let Some(Value::Object(content)) = out.get_mut("content") else {
                    continue;
                };
                let entry = content.entry(media).or_insert_with(|| {
                    self.origins.insert(media_new, example_old);
                    Value::Object(Map::new())
                });
                if let Value::Object(entry) = entry {
                    entry.insert("example".to_owned(), example);
                }
            }
        }
        Value::Object(out)
    }

    fn header(&mut self, old: &str, new: &str, value: Value) -> Value {
        let Value::Object(header) = value else {
            return self.copy(old, new, value);
        };
        self.origin(new, old);
        let mut out = Map::new();
        let mut value_fields = Map::new();
        for (key, v) in header {
            if key == "description" || (key.starts_with("x-") && key != "x-nullable") {
                out.insert(key, v);
            } else if key == "collectionFormat" {
                if v.as_str() != Some("csv") {
                    self.warn(
                        &child(old, &key),
                        format!(
                            "`collectionFormat: {}` has no OpenAPI 3.0 form for a header: left out",
                            v.as_str().unwrap_or("")
                        ),
                    );
                }
            } else {
                value_fields.insert(key, v);
            }
        }
        let schema = self.value_schema(old, &child(new, "schema"), value_fields);
        out.insert("schema".to_owned(), schema);
        Value::Object(out)
    }
}

fn is_form_media_type(media: &str) -> bool {
    let essence = media.split(';').next().unwrap_or("").trim();
    essence.eq_ignore_ascii_case(MULTIPART) || essence.eq_ignore_ascii_case(URLENCODED)
}

fn media_types_or_default(media_types: &[String]) -> Vec<String> {
    if media_types.is_empty() {
        vec![DEFAULT_MEDIA_TYPE.to_owned()]
    } else {
        media_types.to_vec()
    }
}

fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = text.get(i + 1..i + 3);
        if let (b'%', Some(b)) = (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
