//! `Config::only`: keeps the types a user asks for and everything they reach, and drops the rest.
//!
//! A selection names schemas (by source or Rust name) and operations (by tag, path or `operationId`).
//! The kept types are the named schemas, the types the selected operations use, and every type any of
//! them refers to, at any depth; the model keeps them in their order, so the output is the same for
//! the same selection whatever order it is given in. A selector that matches nothing is an error, so
//! a stale selection is noticed when the spec changes.

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::input::Operation;
use crate::ir::{Model, TypeId, TypeKind, TypeRef};
use crate::naming::upper_camel;

/// One thing to keep.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Selector {
    /// A schema, by source or Rust name (`schema=customer`).
    Schema(String),
    /// The operations with this tag (`tag=Customers`).
    Tag(String),
    /// The operation with this `operationId` (`operation=GetCustomers`).
    Operation(String),
    /// The operations of this path, or of the paths under it when it ends with `*`
    /// (`path=/v1/customers/{customer}`, `path=/v1/customers*`).
    Path(String),
    /// A schema, else an operation id, else a tag, by this name (a bare `customer`).
    Name(String),
}

impl Selector {
    /// Reads `schema=NAME`, `tag=NAME`, `operation=ID`, `path=PATH` or a bare name.
    pub fn parse(text: &str) -> Selector {
        let text = text.trim();
        match text.split_once('=') {
            Some(("schema", name)) => Selector::Schema(name.to_owned()),
            Some(("tag", name)) => Selector::Tag(name.to_owned()),
            Some(("operation", id)) => Selector::Operation(id.to_owned()),
            Some(("path", path)) => Selector::Path(path.to_owned()),
            _ => Selector::Name(text.to_owned()),
        }
    }
}

/// Which types of `model` to keep for `selectors`: what they select and every type that reaches, as a
/// mask for [`Model::retain`]; `None` when there is no selector (keep everything). `source` names
/// the input in errors.
pub fn kept(
    model: &Model,
    operations: &[Operation],
    selectors: &[Selector],
    source: &str,
) -> Result<Option<Vec<bool>>> {
    if selectors.is_empty() {
        return Ok(None);
    }
    let mut roots = BTreeSet::new();
    let mut errors = Vec::new();
    for selector in selectors {
        let found = matches(model, operations, selector);
        if found.is_empty() {
            errors.push(Diagnostic::new(
                source,
                format!(
                    "--only {}: nothing in the input matches",
                    describe(selector)
                ),
            ));
        }
        roots.extend(found);
    }
    if !errors.is_empty() {
        return Err(Error {
            diagnostics: errors,
        });
    }
    Ok(Some(reachable(model, roots)))
}

fn describe(selector: &Selector) -> String {
    match selector {
        Selector::Schema(n) => format!("schema={n}"),
        Selector::Tag(n) => format!("tag={n}"),
        Selector::Operation(n) => format!("operation={n}"),
        Selector::Path(n) => format!("path={n}"),
        Selector::Name(n) => n.clone(),
    }
}

/// The types a selector names directly.
fn matches(model: &Model, operations: &[Operation], selector: &Selector) -> Vec<TypeId> {
    let schema = |name: &str| -> Vec<TypeId> {
        model
            .types
            .iter()
            .enumerate()
            .filter(|(_, t)| t.name == name || upper_camel(&t.name) == name)
            .map(|(i, _)| TypeId(i))
            .collect()
    };
    let of = |ops: &mut dyn Iterator<Item = &Operation>| -> Vec<TypeId> {
        ops.flat_map(|op| op.types.iter().copied()).collect()
    };
    let by_id = |id: &str| of(&mut operations.iter().filter(|op| op.id == id));
    let by_tag = |tag: &str| {
        of(&mut operations
            .iter()
            .filter(|op| op.tags.iter().any(|t| t == tag)))
    };
    match selector {
        Selector::Schema(name) => schema(name),
        Selector::Tag(tag) => by_tag(tag),
        Selector::Operation(id) => by_id(id),
        Selector::Path(path) => match path.strip_suffix('*') {
            Some(prefix) => of(&mut operations.iter().filter(|op| op.path.starts_with(prefix))),
            None => of(&mut operations.iter().filter(|op| op.path == *path)),
        },
        Selector::Name(name) => {
            let found = schema(name);
            if !found.is_empty() {
                return found;
            }
            let found = by_id(name);
            if !found.is_empty() {
                return found;
            }
            by_tag(name)
        }
    }
}

/// Every type reachable from `roots`, as a mask over the model's types.
fn reachable(model: &Model, roots: BTreeSet<TypeId>) -> Vec<bool> {
    let mut keep = vec![false; model.types.len()];
    let mut stack: Vec<TypeId> = roots.into_iter().collect();
    while let Some(id) = stack.pop() {
        match keep.get_mut(id.0) {
            Some(kept) if !*kept => *kept = true,
            _ => continue,
        }
        let def = &model.types[id.0];
        let mut refs: Vec<&TypeRef> = Vec::new();
        match &def.kind {
            TypeKind::Struct(s) => {
                refs.extend(s.fields.iter().map(|f| &f.ty));
                refs.extend(s.additional.iter());
            }
            TypeKind::Union(u) => refs.extend(u.variants.iter().map(|v| &v.ty)),
            TypeKind::Alias(a) => refs.push(&a.ty),
            TypeKind::Enum(_) => {}
        }
        for r in refs {
            named_in(r, &mut stack);
        }
    }
    keep
}

/// Every named type a reference mentions, at any depth.
pub(crate) fn named_in(ty: &TypeRef, out: &mut Vec<TypeId>) {
    match ty {
        TypeRef::Named(id) => out.push(*id),
        TypeRef::Array(t) | TypeRef::Map(t) | TypeRef::Nullable(t) => named_in(t, out),
        TypeRef::Tuple(items) => items.iter().for_each(|t| named_in(t, out)),
        TypeRef::Primitive(_) | TypeRef::Object | TypeRef::Any => {}
    }
}
