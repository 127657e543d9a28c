//! Which parts of a spec hold schemas: `components`, and the parameters, bodies, responses and
//! callbacks of every operation of `paths` and `webhooks`.
//!
//! Any of these may be a `$ref`, to the same file or another: a path item, an operation (which
//! Redocly-style multi-file specs do, though OpenAPI does not allow it), a response, a whole
//! components map. Each is followed before it is read.

use serde_json::Value;

use super::{Loader, Loc, Operation};
use crate::input::limits::MAX_CALLBACK_WALKS;
use crate::ir::TypeRef;

/// The HTTP methods of a path item, in the order openapi-generator visits them.
const METHODS: &[&str] = &[
    "get", "head", "post", "put", "delete", "options", "patch", "trace",
];

impl Loader {
    /// Registers the schemas the spec names and those its operations use, in document order.
    pub(super) fn walk_root(&mut self, root: usize) {
        let root = Loc {
            doc: root,
            pointer: "".into(),
        };
        let components = self.follow(&root.child("components"));
        if let Some(components) = &components {
            if let Some(schemas) = self.follow(&components.child("schemas")) {
                for key in self.keys(&schemas) {
                    self.named(schemas.child(&key));
                }
            }
        }
        if let Some(paths) = self.follow(&root.child("paths")) {
            for path in self.keys(&paths) {
                self.walk_path_item(&paths.child(&path), &path);
            }
        }
        // OpenAPI 3.1 webhooks are path items too.
        if let Some(webhooks) = self.follow(&root.child("webhooks")) {
            for name in self.keys(&webhooks) {
                self.walk_path_item(&webhooks.child(&name), &name);
            }
        }
        if let Some(components) = &components {
            for section in ["responses", "requestBodies"] {
                if let Some(at) = self.follow(&components.child(section)) {
                    for key in self.keys(&at) {
                        self.walk_body(&at.child(&key), &key);
                    }
                }
            }
        }
    }

    /// The node at `loc` with `$ref`s followed; `None` (and a problem, for a broken `$ref`) when
    /// there is nothing there.
    pub(super) fn follow(&mut self, loc: &Loc) -> Option<Loc> {
        self.node(loc)?;
        match self.deref(loc) {
            Ok(target) => Some(target),
            Err(d) => {
                self.error(*d);
                None
            }
        }
    }

    /// The keys of the mapping at `loc` (not following a `$ref`), in document order.
    pub(super) fn keys(&self, loc: &Loc) -> Vec<String> {
        self.object(loc)
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn walk_path_item(&mut self, item: &Loc, path: &str) {
        let Some(item) = self.follow(item) else {
            return;
        };
        // A callback may refer to a path item that holds it: walked once, not forever.
        if self.open_path_items.contains(&item) {
            self.warn(
                &item,
                "a callback refers to a path item that holds it: a loop, followed once",
            );
            return;
        }
        // Callbacks that refer to path items with callbacks of their own may reach one path item
        // along exponentially many routes: the walks are bounded.
        if !self.open_path_items.is_empty() {
            if self.callback_walks >= MAX_CALLBACK_WALKS {
                let d = self.diag(
                    &item,
                    format!("callbacks reach path items more than {MAX_CALLBACK_WALKS} times: not followed further"),
                );
                self.error(d);
                return;
            }
            self.callback_walks += 1;
        }
        self.open_path_items.push(item.clone());
        self.walk_path_item_once(&item, path);
        self.open_path_items.pop();
    }

    fn walk_path_item_once(&mut self, item: &Loc, path: &str) {
        let shared = self.parameter_count(&item.child("parameters"));
        for method in METHODS {
            let Some(op) = self.follow(&item.child(method)) else {
                continue;
            };
            let op_object = self.object(&op);
            let op_id = op_object
                .and_then(|o| o.get("operationId"))
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| format!("{method}{}", crate::naming::upper_camel(path)));
            let tags = op_object
                .and_then(|o| o.get("tags"))
                .and_then(Value::as_array)
                .map(|tags| {
                    tags.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            self.open_operations.push(Operation {
                id: op_id.clone(),
                method: (*method).to_owned(),
                path: path.to_owned(),
                tags,
                types: Vec::new(),
            });
            for i in 0..shared {
                self.walk_parameter(&item.child("parameters").index(i), &op_id, i);
            }
            self.walk_operation(&op, &op_id);
            if let Some(done) = self.open_operations.pop() {
                self.operations.push(done);
            }
        }
    }

    /// Records that the operations being walked use `ty` (for `--only`).
    fn used(&mut self, ty: &TypeRef) {
        match ty {
            TypeRef::Named(id) => {
                for op in &mut self.open_operations {
                    if !op.types.contains(id) {
                        op.types.push(*id);
                    }
                }
            }
            TypeRef::Array(t) | TypeRef::Map(t) | TypeRef::Nullable(t) => self.used(t),
            TypeRef::Tuple(items) => items.iter().for_each(|t| self.used(t)),
            TypeRef::Primitive(_) | TypeRef::Object | TypeRef::Any => {}
        }
    }

    fn parameter_count(&self, params: &Loc) -> usize {
        self.node(params)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    }

    fn walk_parameter(&mut self, param: &Loc, op_id: &str, i: usize) {
        if let Some(param) = self.follow(param) {
            let schema = param.child("schema");
            if self.ref_of(&schema).is_some() {
                let ty = self.type_of(&[schema], &format!("{op_id}_{i}_parameter"));
                self.used(&ty);
            }
        }
    }

    fn walk_operation(&mut self, op: &Loc, op_id: &str) {
        let params = op.child("parameters");
        for i in 0..self.parameter_count(&params) {
            self.walk_parameter(&params.index(i), op_id, i);
        }
        if let Some(body) = self.follow(&op.child("requestBody")) {
            self.walk_body(&body, &format!("{op_id}_request"));
        }
        if let Some(responses) = self.follow(&op.child("responses")) {
            for status in self.keys(&responses) {
                self.walk_body(
                    &responses.child(&status),
                    &format!("{op_id}_{status}_response"),
                );
            }
        }
        // Callbacks hold path items of their own (the webhook payloads an API sends).
        if let Some(callbacks) = self.follow(&op.child("callbacks")) {
            for name in self.keys(&callbacks) {
                let Some(callback) = self.follow(&callbacks.child(&name)) else {
                    continue;
                };
                for expression in self.keys(&callback) {
                    self.walk_path_item(&callback.child(&expression), &format!("{op_id}_{name}"));
                }
            }
        }
    }

    /// A request body or response: registers the schema of each media type.
    fn walk_body(&mut self, body: &Loc, fallback: &str) {
        let Some(body) = self.follow(body) else {
            return;
        };
        let Some(content) = self.follow(&body.child("content")) else {
            return;
        };
        // The same schema under several media types (a YAML alias, a converted Swagger 2.0 body with
        // several `consumes`) is one type.
        let mut seen: Vec<(Loc, TypeRef)> = Vec::new();
        for media in self.keys(&content) {
            let schema = content.child(&media).child("schema");
            let Some(node) = self.node(&schema) else {
                continue;
            };
            let same = seen
                .iter()
                .find(|(loc, _)| self.node(loc) == Some(node))
                .map(|(_, ty)| ty.clone());
            match same {
                Some(TypeRef::Named(id)) => self.share(schema, id),
                Some(_) => {}
                None => {
                    let ty = self.type_of(std::slice::from_ref(&schema), fallback);
                    self.used(&ty);
                    seen.push((schema, ty));
                }
            }
        }
    }
}
