//! How a schema becomes a type.
//!
//! A schema is read through its `$ref` and `allOf` as a list of **parts** ([`Part`]): the types it
//! refers to, its own keywords, and its `oneOf`/`anyOf`. What the parts are decides the type:
//! - nothing but annotations (`description`, `nullable`, `readOnly`, `default`, `required`, ...): any
//!   JSON value;
//! - one referenced type, plus annotations: that type itself, not a copy. The annotations apply where
//!   it is used (a `nullable` makes the use accept `null`, a `description` documents the field); a
//!   `required` list is not applied (the referenced type's field stays optional, which reads and
//!   writes the same JSON);
//! - objects (`properties`, referenced structs): one struct with every part's properties. A property
//!   that two parts declare is the conjunction of both declarations: a type of its own when that
//!   takes one, else the more specific of the two (an enum over a string, a format over plain text);
//! - a union (`oneOf`/`anyOf`, or a 3.1 `type` list of several types) with nothing else: the union;
//!   with properties around it (`allOf: [base, {oneOf: [A, B]}]`, or `properties` next to `oneOf`):
//!   a union whose variants are each the base merged with one member, so each variant is a complete
//!   struct and the union keeps its discriminator. A union whose members only list `required`
//!   properties says which properties must be present and is left out;
//! - an enum (`enum`, `const`, or a `oneOf` of `const` branches, named by their `title`), alone or
//!   next to a plain `type`: the enum;
//! - an array, a tuple (`prefixItems`), a map or a scalar: that, with no type of its own.
//!
//! `oneOf`/`anyOf` with a single member besides `{type: 'null'}` is that member, nullable. A
//! discriminator without a `mapping` tags each member with the value its own schema declares for the
//! tag property (a one-value `enum` or a `const`), else with the schema's name, as OpenAPI says.

use std::collections::{BTreeMap, BTreeSet};

use crate::hash::{HashMap, HashSet};
use std::rc::Rc;

use serde_json::{Map, Value};

use super::{Loader, Loc};
use crate::ir::{
    Access, Alias, Constraints, Enum, EnumValue, Field, Presence, Primitive, Repr, Struct, TypeDef,
    TypeId, TypeKind, TypeRef, Union, Variant,
};
use crate::text::decode_html_entities;

/// One location of a schema, and whether its unions are left out (the base of a union whose members
/// are each merged with it).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct Piece {
    pub(super) loc: Loc,
    pub(super) skip_unions: bool,
}

impl Piece {
    pub(super) fn whole(loc: Loc) -> Piece {
        Piece {
            loc,
            skip_unions: false,
        }
    }
}

/// A part of a schema, seen through `$ref` and `allOf`.
#[derive(Clone, Debug)]
enum Part {
    /// A referenced schema, a type of its own.
    Ref { target: Loc, id: TypeId },
    /// The keywords of a schema, but for `$ref`, `allOf`, `oneOf` and `anyOf`.
    Own(Loc),
    /// The `oneOf`/`anyOf` of a schema.
    Union(Loc),
    /// The annotations of a schema whose structure is elsewhere (a `oneOf: [X, {type: 'null'}]`).
    Note(Loc),
}

impl Part {
    fn loc(&self) -> &Loc {
        match self {
            Part::Ref { target, .. } => target,
            Part::Own(loc) | Part::Union(loc) | Part::Note(loc) => loc,
        }
    }
}

/// What a part contributes to the type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Shape {
    /// Only annotations.
    Annotation,
    /// Any JSON value (a referenced schema with no structure).
    Any,
    /// A string, number, integer or boolean.
    Scalar,
    /// An array.
    Array,
    /// A fixed-length array (`prefixItems`).
    Tuple,
    /// A closed list of values.
    Enum,
    /// An object: properties, a map, or a free-form object.
    Object,
    /// One of several types.
    Union,
}

/// A schema's parts, and whether any of them allows `null`.
#[derive(Default)]
pub(super) struct Flat {
    parts: Vec<Part>,
    nullable: bool,
}

/// How a use of a schema refers to it.
enum Plan {
    /// Any JSON value.
    Any,
    /// A type of the model, as it is.
    Named(TypeId),
    /// An array, tuple, map or scalar, written in place.
    Inline(Loc),
    /// A struct, enum or union of its own.
    Own,
}

/// Properties gathered from the parts of a struct: each with the locations that declare it and the
/// name its inline types build on.
#[derive(Default)]
struct Gathered {
    properties: Vec<(String, Vec<(Loc, String)>)>,
    /// The index of each property in `properties`.
    index: HashMap<String, usize>,
    required: BTreeSet<String>,
    additional: Option<(Loc, String)>,
    free: bool,
}

impl Loader {
    /// Lowers every queued type, including those the lowering itself reaches.
    pub(super) fn lower_queued(&mut self) {
        while let Some((id, pieces)) = self.queue.pop_front() {
            self.current = Some(id);
            self.current_field = None;
            let name = self.types[id.0].name.clone();
            let (kind, nullable) = self.lower(&pieces, &name);
            let flat_docs = self.annotations(&pieces);
            let def = &mut self.types[id.0];
            def.kind = kind;
            def.nullable |= nullable;
            def.doc = flat_docs.doc;
            def.deprecated = flat_docs.deprecated;
            def.examples = flat_docs.examples;
        }
        self.current = None;
    }

    /// The type of a use of the schema made of `pieces` (a field, an item, a variant): a reference to
    /// a type of the model, or an array, map or scalar in place. A struct, enum or union gets a type
    /// of its own, named `title` or `name`.
    pub(super) fn type_of(&mut self, pieces: &[Loc], name: &str) -> TypeRef {
        let pieces: Vec<Piece> = pieces.iter().cloned().map(Piece::whole).collect();
        self.type_of_pieces(&pieces, name)
    }

    fn type_of_pieces(&mut self, pieces: &[Piece], name: &str) -> TypeRef {
        if let Some(&id) = self.by_loc.get(pieces) {
            return TypeRef::Named(id);
        }
        if self.nesting_here() >= MAX_SCHEMA_NESTING {
            let loc = pieces[pieces.len() - 1].loc.clone();
            let d = self.diag(
                &loc,
                format!("schemas nested too deep: more than {MAX_SCHEMA_NESTING} schemas written inline inside one another"),
            );
            self.error(d);
            return TypeRef::Any;
        }
        let flat = self.flatten(pieces);
        match self.plan(&flat) {
            Plan::Any => TypeRef::Any,
            Plan::Named(id) => TypeRef::Named(id),
            Plan::Inline(loc) => {
                // An array's items (or a map's values) are one schema deeper, lowered in place.
                self.nesting += 1;
                let ty = self.inline_type(&loc, name);
                self.nesting -= 1;
                ty
            }
            Plan::Own => {
                let title = pieces
                    .iter()
                    .rev()
                    .find_map(|p| self.object(&p.loc)?.get("title")?.as_str())
                    .map(|t| t.trim().replace(' ', "_"))
                    .filter(|t| !t.is_empty());
                let name = title.as_deref().unwrap_or(name).to_owned();
                TypeRef::Named(self.allocate(pieces.to_vec(), &name, true))
            }
        }
    }

    /// What the schema made of `pieces` is, and whether it allows `null`.
    fn lower(&mut self, pieces: &[Piece], name: &str) -> (TypeKind, bool) {
        let flat = self.flatten(pieces);
        let nullable = flat.nullable;
        let real = self.real_parts(&flat);
        let kind = match self.plan(&flat) {
            Plan::Any => alias(TypeRef::Any),
            Plan::Named(id) => alias(TypeRef::Named(id)),
            Plan::Inline(loc) => alias(self.inline_type(&loc, name)),
            Plan::Own => self.lower_own(pieces, &real, name),
        };
        (kind, nullable)
    }

    fn lower_own(&mut self, pieces: &[Piece], real: &[(Part, Shape)], name: &str) -> TypeKind {
        let union = real.iter().find(|(_, s)| *s == Shape::Union);
        let objects: Vec<&Part> = real
            .iter()
            .filter(|(_, s)| *s == Shape::Object)
            .map(|(p, _)| p)
            .collect();
        if let Some((union, _)) = union {
            if real.iter().filter(|(_, s)| *s == Shape::Union).count() > 1 {
                let loc = union.loc().clone();
                self.warn(
                    &loc,
                    "more than one union in one schema: only the first is kept",
                );
            }
            let with_fields = objects.iter().any(|p| self.declares_fields(p));
            let base: Vec<Piece> = if with_fields {
                pieces
                    .iter()
                    .map(|p| Piece {
                        loc: p.loc.clone(),
                        skip_unions: true,
                    })
                    .collect()
            } else {
                Vec::new()
            };
            return match union {
                Part::Ref { id, .. } if base.is_empty() => alias(TypeRef::Named(*id)),
                Part::Ref { target, .. } => {
                    let target = target.clone();
                    match self.union_site(&target) {
                        Some(site) => self.lower_union(&site, name, &base),
                        None => alias(TypeRef::Any),
                    }
                }
                Part::Own(loc) => self.lower_type_list(loc, name),
                Part::Union(loc) | Part::Note(loc) => {
                    let loc = loc.clone();
                    self.lower_union(&loc, name, &base)
                }
            };
        }
        if !objects.is_empty() {
            let parts: Vec<Part> = real.iter().map(|(p, _)| p.clone()).collect();
            return self.lower_struct(&parts, name);
        }
        if let Some((part, _)) = real.iter().find(|(_, s)| *s == Shape::Enum) {
            return match part {
                Part::Ref { id, .. } => alias(TypeRef::Named(*id)),
                other => {
                    let loc = other.loc().clone();
                    self.lower_enum(&loc)
                }
            };
        }
        match real.first() {
            Some((Part::Ref { id, .. }, _)) => alias(TypeRef::Named(*id)),
            Some((part, _)) => {
                let loc = part.loc().clone();
                alias(self.inline_type(&loc, name))
            }
            None => alias(TypeRef::Any),
        }
    }

    /// How a use refers to the schema whose parts are `flat` (see [`Plan`]).
    fn plan(&mut self, flat: &Flat) -> Plan {
        let real = self.real_parts(flat);
        match real.as_slice() {
            [] => Plan::Any,
            [(Part::Ref { id, .. }, _)] => Plan::Named(*id),
            [(Part::Own(loc), shape)] => match shape {
                Shape::Scalar | Shape::Array | Shape::Tuple | Shape::Any => {
                    Plan::Inline(loc.clone())
                }
                Shape::Object if !self.declares_fields(&real[0].0) => Plan::Inline(loc.clone()),
                _ => Plan::Own,
            },
            _ => {
                let has = |wanted: Shape| real.iter().any(|(_, s)| *s == wanted);
                if has(Shape::Union) || has(Shape::Object) {
                    return Plan::Own;
                }
                // Several scalars, arrays or enums: the most specific one.
                let pick = real
                    .iter()
                    .find(|(_, s)| *s == Shape::Enum)
                    .or_else(|| real.iter().find(|(p, _)| matches!(p, Part::Ref { .. })))
                    .or_else(|| real.iter().find(|(p, _)| self.has_format(p)))
                    .unwrap_or(&real[0]);
                match &pick.0 {
                    Part::Ref { id, .. } => Plan::Named(*id),
                    Part::Own(loc) if pick.1 != Shape::Enum => Plan::Inline(loc.clone()),
                    _ => Plan::Own,
                }
            }
        }
    }

    /// The parts that say something about structure. A bare `type` (`{type: object}` next to a
    /// `$ref`, `{type: string}` next to an enum) says nothing the others do not, so it counts only
    /// when it is alone.
    fn real_parts(&mut self, flat: &Flat) -> Vec<(Part, Shape)> {
        let mut real: Vec<(Part, Shape)> = flat
            .parts
            .iter()
            .map(|p| (p.clone(), self.shape(p)))
            .filter(|(_, s)| *s != Shape::Annotation)
            .collect();
        if real.len() > 1 {
            let bare: Vec<bool> = real.iter().map(|(p, _)| self.is_bare(p)).collect();
            if bare.iter().any(|b| !b) {
                let mut i = 0;
                real.retain(|_| {
                    i += 1;
                    !bare[i - 1]
                });
            }
        }
        real
    }

    /// A part that is nothing but a `type` (and annotations).
    fn is_bare(&self, part: &Part) -> bool {
        let Part::Own(loc) = part else {
            return false;
        };
        self.object(loc).is_some_and(|schema| {
            schema.keys().all(|k| {
                !matches!(
                    k.as_str(),
                    "properties"
                        | "additionalProperties"
                        | "patternProperties"
                        | "items"
                        | "prefixItems"
                        | "enum"
                        | "const"
                        | "format"
                )
            }) && schema_types(schema).0.len() <= 1
        })
    }

    fn has_format(&self, part: &Part) -> bool {
        self.object(part.loc())
            .is_some_and(|s| s.contains_key("format"))
    }

    /// Whether an object part lists properties (at any depth of its references).
    fn declares_fields(&mut self, part: &Part) -> bool {
        match part {
            Part::Own(loc) => {
                let loc = loc.clone();
                self.properties_of(&loc)
                    .is_some_and(|(props, _)| !props.is_empty())
            }
            Part::Ref { target, .. } => {
                let target = target.clone();
                if !self.hop_in(&target) {
                    return false;
                }
                let flat = self.flatten(&[Piece::whole(target)]);
                let declares = flat
                    .parts
                    .iter()
                    .filter(|p| matches!(p, Part::Own(_) | Part::Ref { .. }))
                    .any(|p| self.shape(p) == Shape::Object && self.declares_fields(p));
                self.hops -= 1;
                declares
            }
            Part::Union(_) | Part::Note(_) => false,
        }
    }

    /// The `properties` mapping of the schema at `loc` (followed if it is a `$ref`) and its location.
    fn properties_of(&mut self, loc: &Loc) -> Option<(Vec<String>, Loc)> {
        let at = loc.child("properties");
        self.node(&at)?;
        let at = self.follow(&at)?;
        Some((self.keys(&at), at))
    }

    /// The parts of the schema made of `pieces`.
    /// Each schema is flattened once: what flattening reports or allocates happens the first time,
    /// and later calls get the same parts.
    fn flatten(&mut self, pieces: &[Piece]) -> Rc<Flat> {
        if let Some(flat) = self.flats.get(pieces) {
            return Rc::clone(flat);
        }
        let mut flat = Flat::default();
        let mut stack = Vec::new();
        for piece in pieces {
            self.flatten_into(&piece.loc, piece.skip_unions, &mut flat, &mut stack);
        }
        let flat = Rc::new(flat);
        self.flats.insert(pieces.to_vec(), Rc::clone(&flat));
        flat
    }

    fn flatten_into(
        &mut self,
        loc: &Loc,
        skip_unions: bool,
        flat: &mut Flat,
        stack: &mut Vec<Loc>,
    ) {
        if stack.contains(loc) {
            let d = self.diag(loc, "allOf includes itself");
            return self.error(d);
        }
        let doc = Rc::clone(&self.docs[loc.doc]);
        let Some(node) = crate::input::document::lookup(&doc.parsed.value, &loc.pointer) else {
            return;
        };
        let schema = match node {
            Value::Object(schema) => schema,
            // `true` allows anything, `false` nothing; neither adds structure.
            Value::Bool(_) => return,
            _ => {
                let d = self.diag(loc, "a schema must be a mapping");
                return self.error(d);
            }
        };
        if stack.len() > MAX_ALL_OF_DEPTH {
            let d = self.diag(
                loc,
                format!("schemas nested too deep (more than {MAX_ALL_OF_DEPTH} `allOf` levels)"),
            );
            return self.error(d);
        }
        self.check_shape(loc, schema);
        stack.push(loc.clone());
        let (_, nullable) = schema_types(schema);
        flat.nullable |= nullable
            || schema
                .get("enum")
                .and_then(Value::as_array)
                .is_some_and(|v| v.contains(&Value::Null));
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            match self.resolve(loc, reference) {
                Ok(target) => {
                    let id = self.named(target.clone());
                    if !(skip_unions && self.shape_of_ref(&target) == Shape::Union) {
                        flat.parts.push(Part::Ref { target, id });
                    }
                }
                Err(d) => self.error(*d),
            }
        }
        let union = ["oneOf", "anyOf"].into_iter().find_map(|key| {
            schema
                .get(key)
                .and_then(Value::as_array)
                .map(|members| (key, members))
        });
        let mut own_structure = true;
        if let Some((key, members)) = union {
            flat.nullable |= members.iter().any(is_null_schema);
            let non_null: Vec<usize> = (0..members.len())
                .filter(|&i| !is_null_schema(&members[i]))
                .collect();
            let member = |i: usize| loc.child(key).index(i);
            let tagged = schema.contains_key("discriminator");
            if let ([only], false) = (&non_null[..], tagged) {
                let only = *only;
                // `oneOf: [X, {type: 'null'}]` is X, nullable.
                if !has_structure(schema) {
                    own_structure = false;
                    flat.parts.push(Part::Note(loc.clone()));
                }
                self.flatten_into(&member(only), skip_unions, flat, stack);
            } else if !non_null.is_empty()
                && !non_null.iter().all(|&i| self.only_annotates(&member(i)))
                && !skip_unions
            {
                flat.parts.push(Part::Union(loc.clone()));
            }
        }
        if own_structure
            && schema
                .keys()
                .any(|k| !STRUCTURAL_ELSEWHERE.contains(&k.as_str()))
        {
            flat.parts.push(Part::Own(loc.clone()));
        }
        if let Some(members) = schema.get("allOf").and_then(Value::as_array) {
            for i in 0..members.len() {
                self.flatten_into(&loc.child("allOf").index(i), skip_unions, flat, stack);
            }
        }
        stack.pop();
    }

    /// Whether the schema at `loc` says nothing about structure (`{required: [a]}`).
    fn only_annotates(&self, loc: &Loc) -> bool {
        match self.object(loc) {
            Some(schema) => !has_structure(schema) && !schema.contains_key("$ref"),
            None => false,
        }
    }

    /// What a part contributes (see [`Shape`]).
    fn shape(&mut self, part: &Part) -> Shape {
        match part {
            Part::Note(_) => Shape::Annotation,
            Part::Union(loc) => {
                if self.const_members(loc).is_some() {
                    Shape::Enum
                } else {
                    Shape::Union
                }
            }
            Part::Own(loc) => self.object(loc).map_or(Shape::Any, own_shape),
            Part::Ref { target, .. } => match self.shape_of_ref(target) {
                Shape::Annotation => Shape::Any,
                shape => shape,
            },
        }
    }

    /// The shape of a referenced schema: the broadest shape of its parts.
    fn shape_of_ref(&mut self, target: &Loc) -> Shape {
        if let Some(&shape) = self.shapes.get(target) {
            return shape;
        }
        // A reference cycle without structure in between is reported by the model check; here it
        // only must end.
        self.shapes.insert(target.clone(), Shape::Any);
        if !self.hop_in(target) {
            return Shape::Any;
        }
        let flat = self.flatten(&[Piece::whole(target.clone())]);
        let shape = flat
            .parts
            .iter()
            .map(|p| self.shape(p))
            .max()
            .unwrap_or(Shape::Annotation);
        self.hops -= 1;
        self.shapes.insert(target.clone(), shape);
        shape
    }

    /// The location of the `oneOf`/`anyOf` of a referenced union schema.
    fn union_site(&mut self, target: &Loc) -> Option<Loc> {
        if !self.hop_in(target) {
            return None;
        }
        let flat = self.flatten(&[Piece::whole(target.clone())]);
        let mut site = None;
        for part in &flat.parts {
            match part {
                Part::Union(loc) => site = Some(loc.clone()),
                Part::Ref { target, .. } if self.shape_of_ref(target) == Shape::Union => {
                    let target = target.clone();
                    site = self.union_site(&target);
                }
                _ => continue,
            }
            break;
        }
        self.hops -= 1;
        site
    }

    /// An array, tuple, map or scalar written in place.
    fn inline_type(&mut self, loc: &Loc, name: &str) -> TypeRef {
        let doc = Rc::clone(&self.docs[loc.doc]);
        let Some(schema) = doc.object(&loc.pointer) else {
            return TypeRef::Any;
        };
        let (types, _) = schema_types(schema);
        let ty = types.first().map(String::as_str).or_else(|| {
            if schema.contains_key("items") || schema.contains_key("prefixItems") {
                Some("array")
            } else if schema.contains_key("additionalProperties")
                || schema.contains_key("properties")
            {
                Some("object")
            } else {
                None
            }
        });
        match ty {
            Some("array") => {
                if let Some(prefix) = schema.get("prefixItems").and_then(Value::as_array) {
                    if matches!(schema.get("items"), None | Some(Value::Bool(false))) {
                        let items = (0..prefix.len())
                            .map(|i| {
                                let item = loc.child("prefixItems").index(i);
                                self.type_of(&[item], &format!("{name}_{i}"))
                            })
                            .collect();
                        return TypeRef::Tuple(items);
                    }
                    self.warn(
                        loc,
                        "`prefixItems` followed by more `items`: read as an array of any values",
                    );
                    return TypeRef::Array(Box::new(TypeRef::Any));
                }
                match schema.get("items") {
                    Some(Value::Object(_)) => {
                        let item = self.type_of(&[loc.child("items")], &format!("{name}_inner"));
                        TypeRef::Array(Box::new(self.nullable_item(&loc.child("items"), item)))
                    }
                    _ => TypeRef::Array(Box::new(TypeRef::Any)),
                }
            }
            Some("object") => match schema.get("additionalProperties") {
                Some(Value::Object(ap)) if !ap.is_empty() => {
                    let at = loc.child("additionalProperties");
                    let value = self.type_of(std::slice::from_ref(&at), &format!("{name}_value"));
                    TypeRef::Map(Box::new(self.nullable_item(&at, value)))
                }
                _ => TypeRef::Object,
            },
            None => TypeRef::Any,
            Some(other) => match primitive(other, schema.get("format").and_then(Value::as_str)) {
                Some(p) => TypeRef::Primitive(p),
                None => {
                    let d = self.diag(&loc.child("type"), format!("unknown type `{other}`: expected string, integer, number, boolean, array, object or null"));
                    self.error(d);
                    TypeRef::Any
                }
            },
        }
    }

    /// An item or map value that may be `null` says so in its type.
    fn nullable_item(&mut self, loc: &Loc, ty: TypeRef) -> TypeRef {
        let flat = self.flatten(&[Piece::whole(loc.clone())]);
        if flat.nullable && !matches!(ty, TypeRef::Any | TypeRef::Nullable(_)) {
            TypeRef::Nullable(Box::new(ty))
        } else {
            ty
        }
    }

    fn lower_struct(&mut self, parts: &[Part], name: &str) -> TypeKind {
        let mut gathered = Gathered::default();
        let mut seen = HashSet::default();
        for part in parts {
            self.gather(part, name, &mut gathered, &mut seen);
        }
        let Gathered {
            properties,
            index: _,
            required,
            additional,
            free,
        } = gathered;
        if properties.is_empty() && additional.is_none() && free {
            return alias(TypeRef::Object);
        }
        let mut fields = Vec::with_capacity(properties.len());
        for (key, decls) in properties {
            self.current_field = Some(key.clone());
            let mut field = self.lower_field(&decls, &key);
            self.current_field = None;
            if let Some(field) = &mut field {
                field.presence =
                    Presence::new(required.contains(&key), field.presence.is_nullable());
            }
            fields.extend(field);
        }
        let additional = additional.map(|(at, parent)| {
            let value = self.type_of(std::slice::from_ref(&at), &format!("{parent}_value"));
            self.nullable_item(&at, value)
        });
        TypeKind::Struct(Struct { fields, additional })
    }

    /// Collects the properties, `required` and `additionalProperties` of a part. A later declaration
    /// of a property joins the earlier ones.
    fn gather(&mut self, part: &Part, name: &str, out: &mut Gathered, seen: &mut HashSet<Loc>) {
        match part {
            Part::Ref { target, id } => {
                if !seen.insert(target.clone()) {
                    return;
                }
                // The referenced schema is a type of its own too; its inline parts are named after it.
                let target_name = self.types[id.0].name.clone();
                if !self.hop_in(target) {
                    return;
                }
                let flat = self.flatten(&[Piece::whole(target.clone())]);
                for inner in &flat.parts {
                    self.gather(inner, &target_name, out, seen);
                }
                self.hops -= 1;
            }
            Part::Own(loc) | Part::Note(loc) => {
                let doc = Rc::clone(&self.docs[loc.doc]);
                let Some(schema) = doc.object(&loc.pointer) else {
                    return;
                };
                // Inline parts of an inline `allOf` member are named `{name}_allOf_{property}`,
                // as openapi-generator's bundler names them.
                let name = &format!("{name}{}", "_allOf".repeat(all_of_depth(&loc.pointer)));
                if let Some(required) = schema.get("required").and_then(Value::as_array) {
                    out.required
                        .extend(required.iter().filter_map(Value::as_str).map(str::to_owned));
                }
                if matches!(part, Part::Note(_)) {
                    return;
                }
                let (types, _) = schema_types(schema);
                out.free |= types.iter().any(|t| t == "object");
                if let Some((keys, at)) = self.properties_of(loc) {
                    for key in keys {
                        let decl = (at.child(&key), name.to_owned());
                        match out.index.get(&key) {
                            Some(&i) => out.properties[i].1.push(decl),
                            None => {
                                out.index.insert(key.clone(), out.properties.len());
                                out.properties.push((key, vec![decl]));
                            }
                        }
                    }
                }
                match schema.get("additionalProperties") {
                    Some(Value::Bool(true)) => {
                        out.additional = Some((loc.child("additionalProperties"), name.to_owned()))
                    }
                    Some(Value::Object(_)) => {
                        out.additional = Some((loc.child("additionalProperties"), name.to_owned()))
                    }
                    _ => {}
                }
            }
            // Unions are lowered apart (see `lower_own`); in a struct they only add `required`.
            Part::Union(loc) => {
                let doc = Rc::clone(&self.docs[loc.doc]);
                if let Some(required) = doc
                    .object(&loc.pointer)
                    .and_then(|s| s.get("required"))
                    .and_then(Value::as_array)
                {
                    out.required
                        .extend(required.iter().filter_map(Value::as_str).map(str::to_owned));
                }
            }
        }
    }

    /// The field for a property declared at `decls` (several when `allOf` members declare it
    /// twice); `None` for a property that may not be present (`false`).
    fn lower_field(&mut self, decls: &[(Loc, String)], wire_name: &str) -> Option<Field> {
        if decls
            .iter()
            .all(|(loc, _)| self.node(loc) == Some(&Value::Bool(false)))
        {
            return None;
        }
        let locs: Vec<Loc> = decls.iter().map(|(loc, _)| loc.clone()).collect();
        for loc in &locs {
            if self
                .node(loc)
                .is_some_and(|v| !v.is_object() && !v.is_boolean())
            {
                let d = self.diag(loc, "a property schema must be a mapping");
                self.error(d);
            }
        }
        let parent = &decls[decls.len() - 1].1;
        let ty = self.type_of(&locs, &format!("{parent}_{wire_name}"));
        let pieces: Vec<Piece> = locs.iter().cloned().map(Piece::whole).collect();
        let notes = self.annotations(&pieces);
        let flat = self.flatten(&pieces);
        let mut constraints = Constraints::default();
        for loc in locs.iter().rev() {
            constraints = self.field_constraints(loc);
            if !constraints.is_empty() {
                break;
            }
        }
        Some(Field {
            wire_name: wire_name.to_owned(),
            ty,
            presence: Presence::new(false, flat.nullable),
            default: notes.default,
            access: notes.access,
            deprecated: notes.deprecated,
            doc: notes.doc,
            constraints,
            examples: notes.examples,
            note: None,
        })
    }

    /// The annotations of a schema: those of its own locations, the last one that gives each
    /// winning, then those of the parts that only annotate.
    fn annotations(&mut self, pieces: &[Piece]) -> Notes {
        let mut notes = Notes::default();
        let flat = self.flatten(pieces);
        // The base of a union merged into each member documents the union, not the members.
        let base: Vec<&Loc> = pieces
            .iter()
            .filter(|p| p.skip_unions)
            .map(|p| &p.loc)
            .collect();
        let mut locs: Vec<Loc> = pieces
            .iter()
            .filter(|p| !p.skip_unions)
            .map(|p| p.loc.clone())
            .collect();
        for part in &flat.parts {
            let loc = part.loc();
            if matches!(part, Part::Own(_) | Part::Note(_))
                && !locs.contains(loc)
                && !base
                    .iter()
                    .any(|b| loc.pointer.starts_with(&*b.pointer) && loc.doc == b.doc)
            {
                locs.push(loc.clone());
            }
        }
        for loc in &locs {
            let Some(schema) = self.object(loc) else {
                continue;
            };
            if notes.doc.is_none() {
                notes.doc = description(schema);
            }
            if notes.default.is_none() {
                notes.default = schema.get("default").cloned();
            }
            notes.deprecated |= bool_key(schema, "deprecated");
            if notes.access == Access::ReadWrite {
                notes.access = match (bool_key(schema, "readOnly"), bool_key(schema, "writeOnly")) {
                    (true, false) => Access::ReadOnly,
                    (false, true) => Access::WriteOnly,
                    _ => Access::ReadWrite,
                };
            }
            if notes.examples.is_empty() {
                notes.examples = examples(schema);
            }
        }
        notes
    }

    /// The constraints of a property: its own, or, when it only refers to a named scalar (`first_name:
    /// {$ref: applicant_first_name}`), those of the scalar, which the IR's alias does not carry.
    fn field_constraints(&mut self, loc: &Loc) -> Constraints {
        let own = self.object(loc).map(constraints).unwrap_or_default();
        if !own.is_empty() {
            return own;
        }
        let flat = self.flatten(&[Piece::whole(loc.clone())]);
        for part in &flat.parts {
            if let Part::Ref { target, .. } = part {
                let target = target.clone();
                let inner = self.flatten(&[Piece::whole(target)]);
                for p in &inner.parts {
                    if let Part::Own(at) = p {
                        if let Some(schema) = self.object(at) {
                            if !has_properties(schema) {
                                let c = constraints(schema);
                                if !c.is_empty() {
                                    return c;
                                }
                            }
                        }
                    }
                }
            }
        }
        own
    }

    /// The members of the union at `loc` when every one that is not `null` is a constant (`const`, or
    /// a one-value `enum`): the values, each with its member's title and description.
    fn const_members(&self, loc: &Loc) -> Option<Vec<EnumValue>> {
        let schema = self.object(loc)?;
        let members = ["oneOf", "anyOf"]
            .into_iter()
            .find_map(|k| schema.get(k).and_then(Value::as_array))?;
        let mut values = Vec::new();
        for member in members.iter().filter(|m| !is_null_schema(m)) {
            let member = member.as_object()?;
            let value = match (member.get("const"), member.get("enum")) {
                (Some(c), _) => c.clone(),
                (None, Some(Value::Array(one))) if one.len() == 1 => one[0].clone(),
                _ => return None,
            };
            if !is_scalar(&value) {
                return None;
            }
            values.push(EnumValue {
                value,
                name: member
                    .get("title")
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned),
                doc: description(member),
            });
        }
        (!values.is_empty()).then_some(values)
    }

    /// An enum from `enum`, `const`, or a union of constants at `loc`.
    fn lower_enum(&mut self, loc: &Loc) -> TypeKind {
        let doc = Rc::clone(&self.docs[loc.doc]);
        let Some(schema) = doc.object(&loc.pointer) else {
            return alias(TypeRef::Any);
        };
        let mut values = match (schema.get("const"), schema.get("enum")) {
            (Some(value), _) => vec![EnumValue::new(value.clone())],
            (None, Some(Value::Array(list))) => list.iter().cloned().map(EnumValue::new).collect(),
            (None, Some(_)) => {
                let d = self.diag(&loc.child("enum"), "`enum` must be a list");
                self.error(d);
                return alias(TypeRef::Any);
            }
            (None, None) => self.const_members(loc).unwrap_or_default(),
        };
        values.retain(|v| !v.value.is_null());
        if let Some(bad) = values.iter().position(|v| !is_scalar(&v.value)) {
            self.warn(
                &loc.child("enum").index(bad),
                "an enum value that is an object or array: the values are read as any JSON",
            );
            return alias(TypeRef::Any);
        }
        // Scalars are equal when their JSON text is (`1` and `1.0` differ, as values do): one
        // pass, however many values an enum lists.
        let mut seen = HashSet::default();
        values.retain(|v| seen.insert(v.value.to_string()));
        let mut e = Enum::new(values);
        let (types, _) = schema_types(schema);
        match types.first().map(String::as_str) {
            // Numbers that happen to be whole are still numbers: `1.5` may come.
            Some("number") if e.repr == Repr::Integer => e.repr = Repr::Number,
            // Strings that look like numbers stay strings.
            Some("string") if e.repr != Repr::String => {
                for v in &mut e.values {
                    if !v.value.is_string() {
                        v.value = Value::String(match &v.value {
                            Value::Number(n) => n.to_string(),
                            Value::Bool(b) => b.to_string(),
                            other => other.to_string(),
                        });
                    }
                }
                e = Enum::new(std::mem::take(&mut e.values));
            }
            _ => {}
        }
        TypeKind::Enum(e)
    }

    /// A 3.1 `type` list of several types (`[string, integer]`): a union of those types.
    fn lower_type_list(&mut self, loc: &Loc, name: &str) -> TypeKind {
        let doc = Rc::clone(&self.docs[loc.doc]);
        let Some(schema) = doc.object(&loc.pointer) else {
            return alias(TypeRef::Any);
        };
        let (types, _) = schema_types(schema);
        let format = schema.get("format").and_then(Value::as_str);
        let mut variants = Vec::new();
        for ty in &types {
            let ty = match ty.as_str() {
                "array" => match schema.get("items") {
                    Some(Value::Object(_)) => TypeRef::Array(Box::new(
                        self.type_of(&[loc.child("items")], &format!("{name}_inner")),
                    )),
                    _ => TypeRef::Array(Box::new(TypeRef::Any)),
                },
                "object" => match schema.get("additionalProperties") {
                    Some(Value::Object(ap)) if !ap.is_empty() => {
                        TypeRef::Map(Box::new(self.type_of(
                            &[loc.child("additionalProperties")],
                            &format!("{name}_value"),
                        )))
                    }
                    _ => TypeRef::Object,
                },
                other => match primitive(other, format) {
                    Some(p) => TypeRef::Primitive(p),
                    None => {
                        let d = self.diag(&loc.child("type"), format!("unknown type `{other}`: expected string, integer, number, boolean, array, object or null"));
                        self.error(d);
                        continue;
                    }
                },
            };
            variants.push(Variant { tag: None, ty });
        }
        TypeKind::Union(Union {
            discriminator: None,
            variants,
        })
    }

    /// The union at `loc` (its `oneOf` or `anyOf`). With a `base`, each member is merged with it into
    /// a struct of its own.
    fn lower_union(&mut self, loc: &Loc, name: &str, base: &[Piece]) -> TypeKind {
        let doc = Rc::clone(&self.docs[loc.doc]);
        let Some(schema) = doc.object(&loc.pointer) else {
            return alias(TypeRef::Any);
        };
        let Some((key, members)) = ["oneOf", "anyOf"]
            .into_iter()
            .find_map(|k| schema.get(k).and_then(Value::as_array).map(|m| (k, m)))
        else {
            return alias(TypeRef::Any);
        };
        let discriminator = schema
            .get("discriminator")
            .or_else(|| {
                base.iter()
                    .find_map(|p| self.object(&p.loc)?.get("discriminator"))
            })
            .cloned();
        let tag_name = discriminator
            .as_ref()
            .and_then(|d| d.get("propertyName"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        // The members, by the schema each refers to (if any).
        let mut member_targets = Vec::new();
        for i in 0..members.len() {
            let member = loc.child(key).index(i);
            let target = match self.ref_of(&member) {
                Some(reference) => self.resolve(&member, &reference).ok(),
                None => None,
            };
            member_targets.push(target);
        }
        // Tags from the mapping: tag -> the member (or extra schema) it names.
        let mut tags_of: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut extra: Vec<(String, Loc)> = Vec::new();
        if tag_name.is_some() {
            let mapping_at = self.discriminator_loc(loc, base).child("mapping");
            for tag in self.keys(&mapping_at) {
                let Some(target) = self
                    .node(&mapping_at.child(&tag))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                else {
                    continue;
                };
                let Some(target) = self.mapping_target(&mapping_at.child(&tag), &target) else {
                    continue;
                };
                match member_targets
                    .iter()
                    .position(|t| t.as_ref() == Some(&target))
                {
                    Some(i) => tags_of.entry(i).or_default().push(tag),
                    None => extra.push((tag, target)),
                }
            }
        }
        let mut variants = Vec::new();
        let variant_type = |this: &mut Loader, member: Loc, label: &str| -> TypeRef {
            if base.is_empty() {
                this.type_of(&[member], &format!("{name}_{key}_{label}"))
            } else {
                let mut pieces = base.to_vec();
                pieces.push(Piece::whole(member));
                this.type_of_pieces(&pieces, &format!("{name}_{label}"))
            }
        };
        for (i, member_value) in members.iter().enumerate() {
            if is_null_schema(member_value) {
                continue;
            }
            let member = loc.child(key).index(i);
            let label = match &member_targets[i] {
                Some(target) => self.ref_name(target),
                None => i.to_string(),
            };
            let ty = variant_type(self, member, &label);
            match (&tag_name, tags_of.remove(&i)) {
                (Some(_), Some(tags)) => {
                    for tag in tags {
                        variants.push(Variant {
                            tag: Some(tag),
                            ty: ty.clone(),
                        });
                    }
                }
                (Some(_), None) => {
                    // The schema's name, unless its own schema declares the tag (see `finish`).
                    let tag = match (&member_targets[i], &ty) {
                        (Some(target), _) => self.ref_name(target),
                        (None, TypeRef::Named(id)) => self.types[id.0].name.clone(),
                        (None, _) => label.clone(),
                    };
                    if let Some(union) = self.current {
                        self.named_tags.push((union, variants.len()));
                    }
                    variants.push(Variant { tag: Some(tag), ty });
                }
                (None, _) => variants.push(Variant { tag: None, ty }),
            }
        }
        for (tag, target) in extra {
            let ty = if base.is_empty() {
                TypeRef::Named(self.named(target))
            } else {
                let mut pieces = base.to_vec();
                pieces.push(Piece::whole(target.clone()));
                let label = self.ref_name(&target);
                self.type_of_pieces(&pieces, &format!("{name}_{label}"))
            };
            variants.push(Variant { tag: Some(tag), ty });
        }
        TypeKind::Union(Union {
            discriminator: tag_name,
            variants,
        })
    }

    /// Where the discriminator of the union at `loc` is written (on the union, or around it).
    fn discriminator_loc(&self, loc: &Loc, base: &[Piece]) -> Loc {
        let has = |l: &Loc| {
            self.object(l)
                .is_some_and(|s| s.contains_key("discriminator"))
        };
        if has(loc) {
            return loc.child("discriminator");
        }
        base.iter()
            .map(|p| &p.loc)
            .find(|l| has(l))
            .map_or_else(|| loc.child("discriminator"), |l| l.child("discriminator"))
    }

    /// The schema a discriminator mapping value names: a `$ref`, or a bare name of
    /// `components/schemas` in the root document.
    fn mapping_target(&mut self, at: &Loc, target: &str) -> Option<Loc> {
        let is_reference = target.contains('#') || target.contains('.') || target.contains('/');
        let (at, reference) = if is_reference {
            (at.clone(), target.to_owned())
        } else {
            let root = Loc {
                doc: 0,
                pointer: at.pointer.clone(),
            };
            (root, format!("#/components/schemas/{target}"))
        };
        match self.resolve(&at, &reference) {
            Ok(target) => Some(target),
            Err(d) => {
                self.error(*d);
                None
            }
        }
    }

    /// After lowering: tags that only name their schema become the tag the schema declares; unions
    /// left without variants read any value; an input with operations or schemas that gave no type
    /// at all is an error.
    pub(super) fn finish(&mut self) {
        for (union, index) in std::mem::take(&mut self.named_tags) {
            let TypeKind::Union(u) = &self.types[union.0].kind else {
                continue;
            };
            let (Some(tag_name), Some(variant)) = (&u.discriminator, u.variants.get(index)) else {
                continue;
            };
            let Some(declared) = self.declared_tag(&variant.ty, tag_name) else {
                continue;
            };
            let taken = u
                .variants
                .iter()
                .any(|v| v.tag.as_deref() == Some(&declared));
            if !taken {
                if let TypeKind::Union(u) = &mut self.types[union.0].kind {
                    u.variants[index].tag = Some(declared);
                }
            }
        }
        for def in &mut self.types {
            if matches!(&def.kind, TypeKind::Union(u) if u.variants.is_empty()) {
                def.kind = alias(TypeRef::Any);
            }
        }
    }

    /// The one value a variant's own schema allows for the tag property, if it declares one.
    fn declared_tag(&self, ty: &TypeRef, tag_name: &str) -> Option<String> {
        // Aliases are followed as everywhere (`ir::resolve_in`); a loop of them, which the model's
        // check reports later, ends the chain at an alias.
        let TypeRef::Named(id) = crate::ir::resolve_in(&self.types, ty, |_| false) else {
            return None;
        };
        match &self.types.get(id.0)?.kind {
            TypeKind::Struct(s) => {
                let field = s.fields.iter().find(|f| f.wire_name == tag_name)?;
                let TypeRef::Named(tag_ty) = &field.ty else {
                    return None;
                };
                match &self.types[tag_ty.0].kind {
                    TypeKind::Enum(e) if e.values.len() == 1 => {
                        e.values[0].value.as_str().map(str::to_owned)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Makes the schema at `loc` the type `id`, which was made from an identical schema elsewhere.
    /// How many schemas written inline inside one another lead to the use being lowered, from the
    /// nearest schema with a name of its own.
    fn nesting_here(&self) -> usize {
        self.current.map_or(0, |id| self.depths[id.0]) + self.nesting
    }

    /// Enters one more `$ref` of a chain that lowering follows recursively (a schema built on one
    /// built on another…): false, with a problem at `target`, past [`MAX_REF_HOPS`], so no chain of
    /// references can exhaust the stack. A caller that gets true leaves with `self.hops -= 1`.
    fn hop_in(&mut self, target: &Loc) -> bool {
        if self.hops >= MAX_REF_HOPS {
            let d = self.diag(
                target,
                format!(
                    "$ref chain too long: more than {MAX_REF_HOPS} schemas each built on the next"
                ),
            );
            self.error(d);
            return false;
        }
        self.hops += 1;
        true
    }

    pub(super) fn share(&mut self, loc: Loc, id: TypeId) {
        self.by_loc.entry(vec![Piece::whole(loc)]).or_insert(id);
    }

    /// The type of the schema a `$ref` names, allocating and queueing it when first reached.
    pub(super) fn named(&mut self, target: Loc) -> TypeId {
        let key = vec![Piece::whole(target.clone())];
        if let Some(&id) = self.by_loc.get(&key) {
            return id;
        }
        let name = self.ref_name(&target);
        self.allocate(key, &name, false)
    }

    /// The source name of a referenced schema: `components/schemas/X` is `X`, a whole file is its stem,
    /// anything else the last pointer segment.
    pub(super) fn ref_name(&self, target: &Loc) -> String {
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

    /// Allocates a type for the schema `pieces` under a free variant of `name`, and queues it.
    fn allocate(&mut self, pieces: Vec<Piece>, name: &str, inline: bool) -> TypeId {
        // `name_suffixes` remembers the suffix below which every name is taken (names are never
        // given back), so many schemas of one name cost linear time, not quadratic.
        let mut unique = name.to_owned();
        if !self.names.insert(unique.clone()) {
            let n = self.name_suffixes.entry(name.to_owned()).or_insert(1);
            loop {
                unique = format!("{name}_{n}");
                *n += 1;
                if self.names.insert(unique.clone()) {
                    break;
                }
            }
        }
        let loc = &pieces[pieces.len() - 1].loc;
        let doc = &self.docs[loc.doc];
        let origin = format!(
            "{}#{}",
            doc.path.display(),
            doc.parsed.source_pointer(&loc.pointer)
        );
        let id = TypeId(self.types.len());
        let mut def = TypeDef::new(unique, origin, alias(TypeRef::Any));
        def.inline = inline;
        self.types.push(def);
        self.by_loc.insert(pieces.clone(), id);
        self.queue.push_back((id, pieces));
        let depth = if inline { self.nesting_here() + 1 } else { 0 };
        self.depths.push(depth);
        self.parents
            .push(self.current.map(|id| (id, self.current_field.clone())));
        id
    }
}

/// How many `allOf` members deep a pointer ends (`/x/allOf/1/allOf/0` is 2).
fn all_of_depth(pointer: &str) -> usize {
    let mut rest = pointer;
    let mut depth = 0;
    while let Some((head, index)) = rest.rsplit_once('/') {
        match head.strip_suffix("/allOf") {
            Some(parent) if !index.is_empty() && index.bytes().all(|b| b.is_ascii_digit()) => {
                depth += 1;
                rest = parent;
            }
            _ => break,
        }
    }
    depth
}

use crate::input::limits::{MAX_ALL_OF_DEPTH, MAX_REF_HOPS, MAX_SCHEMA_NESTING};

/// Keywords whose structure is read elsewhere than in a schema's own part.
const STRUCTURAL_ELSEWHERE: &[&str] = &["$ref", "allOf", "oneOf", "anyOf", "discriminator"];

/// Annotations of a schema: what a use of it says besides its type.
#[derive(Default)]
struct Notes {
    doc: Option<String>,
    default: Option<Value>,
    deprecated: bool,
    access: Access,
    examples: Vec<Value>,
}

/// The shape of a schema's own keywords (its `$ref`, `allOf` and unions aside).
fn own_shape(schema: &Map<String, Value>) -> Shape {
    let (types, _) = schema_types(schema);
    if types.len() > 1 {
        return Shape::Union;
    }
    if schema.contains_key("const") || schema.contains_key("enum") {
        return Shape::Enum;
    }
    let ty = types.first().map(String::as_str);
    if ty == Some("object")
        || schema.contains_key("properties")
        || schema.contains_key("additionalProperties")
    {
        return Shape::Object;
    }
    if schema.contains_key("prefixItems") {
        return Shape::Tuple;
    }
    if ty == Some("array") || schema.contains_key("items") {
        return Shape::Array;
    }
    match ty {
        Some("string" | "integer" | "number" | "boolean") => Shape::Scalar,
        // An unknown type is reported when it is lowered.
        Some(_) => Shape::Scalar,
        None => Shape::Annotation,
    }
}

/// Whether a schema says anything about structure (beyond annotations such as `required`).
fn has_structure(schema: &Map<String, Value>) -> bool {
    own_shape(schema) != Shape::Annotation
        || ["$ref", "allOf", "oneOf", "anyOf"]
            .iter()
            .any(|k| schema.contains_key(*k))
}

pub(super) fn alias(ty: TypeRef) -> TypeKind {
    TypeKind::Alias(Alias { ty })
}

fn is_scalar(value: &Value) -> bool {
    matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_))
}

/// The `type` keyword as a list (3.1 allows one), without `"null"`, and whether `null` is allowed
/// (`nullable: true` in 3.0, `"null"` in the list in 3.1).
pub(super) fn schema_types(schema: &Map<String, Value>) -> (Vec<String>, bool) {
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
    match schema.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(ts)) => ts.iter().all(|t| t == "null"),
        _ => false,
    }
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
