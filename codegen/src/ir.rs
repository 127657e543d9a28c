//! The language-neutral model that every input produces and every output consumes.
//!
//! The IR knows nothing of YAML, markdown or Rust syntax. Types are referred to by [`TypeId`], an index
//! into [`Model::types`], allocated for every named schema before any schema is lowered, so forward and
//! circular references need no special handling. Everything is ordered (`Vec`, never hash order), so the
//! same input always gives the same IR, and the IR serializes to stable JSON (`modelgen ir`).

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Everything an input describes: the named types of one API.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Model {
    /// The API's title (`info.title`), when the input has one.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub title: Option<String>,
    /// The API's version (`info.version`), when the input has one.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub version: Option<String>,
    /// The named types; a [`TypeId`] is an index into this list.
    pub types: Vec<TypeDef>,
}

impl Model {
    /// The type that `id` refers to.
    pub fn get(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    /// What `ty` stands for once the aliases it names are followed: `ty` itself unless it names an
    /// alias, else the alias's target, resolved in turn (never a [`TypeRef::Named`] alias). The one
    /// place that follows chains of aliases. [`Model::check`] rejects loops of aliases; on a model it
    /// would reject, the chain is followed as many steps as there are types, and a type id out of
    /// range ends it, so this never loops or panics.
    pub fn resolve<'a>(&'a self, ty: &'a TypeRef) -> &'a TypeRef {
        resolve_in(&self.types, ty, |_| false)
    }

    /// [`Model::resolve`], stopping at an alias for which `stop` is true (an output that writes it
    /// as a type of its own: see [`Model::newtypes`]).
    pub fn resolve_until<'a>(
        &'a self,
        ty: &'a TypeRef,
        stop: impl Fn(TypeId) -> bool,
    ) -> &'a TypeRef {
        resolve_in(&self.types, ty, stop)
    }

    /// The shape `def` has once aliases are followed: its own kind, or for an alias of a named type,
    /// the kind of the type the chain ends at (see [`Model::resolve`]).
    pub fn resolve_kind<'a>(&'a self, def: &'a TypeDef) -> &'a TypeKind {
        match &def.kind {
            TypeKind::Alias(a) => match self.resolve(&a.ty) {
                TypeRef::Named(id) => self.types.get(id.0).map_or(&def.kind, |t| &t.kind),
                _ => &def.kind,
            },
            kind => kind,
        }
    }

    /// The type whose source name is `name`, if there is one.
    pub fn find(&self, name: &str) -> Option<TypeId> {
        self.types.iter().position(|t| t.name == name).map(TypeId)
    }

    /// Records at each use of a type whether it accepts `null`, so that no later stage has to follow
    /// references to know: a field whose type is nullable gets a nullable [`Presence`]; an array
    /// item, map value or tuple item whose type is nullable becomes [`TypeRef::Nullable`]; an alias of
    /// a nullable type, and an untagged union with a nullable variant, are nullable themselves. A
    /// [`TypeRef::Nullable`] at the top of a field, alias or variant moves into the field's presence or
    /// the type's [`TypeDef::nullable`]. Readers call it last; it is idempotent.
    pub fn normalize(&mut self) {
        // Nullability flows from a type to the aliases and untagged unions that hold it.
        loop {
            let mut changed = false;
            for i in 0..self.types.len() {
                // Only what is declared nullable: `any` holds `null` too, but says nothing.
                let declared = |ty: &TypeRef| match ty {
                    TypeRef::Named(id) => self.types.get(id.0).is_some_and(|t| t.nullable),
                    TypeRef::Nullable(_) => true,
                    _ => false,
                };
                let nullable = match &self.types[i].kind {
                    TypeKind::Alias(a) => declared(&a.ty),
                    TypeKind::Union(u) if u.discriminator.is_none() => {
                        u.variants.iter().any(|v| declared(&v.ty))
                    }
                    _ => false,
                };
                if nullable && !self.types[i].nullable {
                    self.types[i].nullable = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let nullable: Vec<bool> = self.types.iter().map(|t| t.nullable).collect();
        for def in &mut self.types {
            match &mut def.kind {
                TypeKind::Struct(s) => {
                    for field in &mut s.fields {
                        if let TypeRef::Nullable(inner) = &field.ty {
                            field.ty = (**inner).clone();
                            field.presence = Presence::new(field.presence.is_required(), true);
                        }
                        if matches!(field.ty, TypeRef::Named(id) if nullable.get(id.0) == Some(&true))
                        {
                            field.presence = Presence::new(field.presence.is_required(), true);
                        }
                        nest(&mut field.ty, &nullable);
                    }
                    if let Some(additional) = &mut s.additional {
                        nest_item(additional, &nullable);
                    }
                }
                TypeKind::Alias(a) => {
                    if let TypeRef::Nullable(inner) = &a.ty {
                        a.ty = (**inner).clone();
                    }
                    nest(&mut a.ty, &nullable);
                }
                TypeKind::Union(u) => {
                    for v in &mut u.variants {
                        if let TypeRef::Nullable(inner) = &v.ty {
                            v.ty = (**inner).clone();
                        }
                        nest(&mut v.ty, &nullable);
                    }
                }
                TypeKind::Enum(_) => {}
            }
        }
    }

    /// The problems that would make the generated code wrong, each with the type it is in: a type id
    /// out of range, a loop of aliases with no struct, enum or union in it (`a: {$ref: b}`, `b: {$ref:
    /// a}`), two types of one source name, an enum value, union tag or property listed twice, an enum value not
    /// of the enum's [`Repr`] (or `null`), a bound that is not a finite number. (An alias that holds
    /// itself through containers is no problem: see [`Model::newtypes`].) Readers never
    /// produce them from a valid input; a hand-edited IR or a broken spec can.
    pub fn check(&self) -> Vec<(TypeId, String)> {
        let mut problems = Vec::new();
        let n = self.types.len();
        let mut names = std::collections::BTreeMap::new();
        for (i, def) in self.types.iter().enumerate() {
            let id = TypeId(i);
            if let Some(first) = names.insert(def.name.as_str(), i) {
                problems.push((
                    id,
                    format!("two types are named `{}` (#{first} and #{i})", def.name),
                ));
            }
            let mut refs = Vec::new();
            match &def.kind {
                TypeKind::Struct(s) => {
                    refs.extend(s.fields.iter().map(|f| &f.ty));
                    refs.extend(s.additional.iter());
                }
                TypeKind::Union(u) => {
                    refs.extend(u.variants.iter().map(|v| &v.ty));
                    let mut tags = std::collections::BTreeSet::new();
                    for tag in u.variants.iter().filter_map(|v| v.tag.as_deref()) {
                        if !tags.insert(tag) {
                            problems.push((id, format!("the union tag `{tag}` is listed twice")));
                        }
                    }
                }
                TypeKind::Alias(a) => refs.push(&a.ty),
                TypeKind::Enum(e) => {
                    // Scalars by their JSON text, in one pass (an enum may list many values);
                    // objects and arrays, whose equality ignores key order, one by one.
                    let mut scalars = std::collections::HashSet::new();
                    for (j, v) in e.values.iter().enumerate() {
                        let twice = match &v.value {
                            Value::Object(_) | Value::Array(_) => {
                                e.values[..j].iter().any(|w| w.value == v.value)
                            }
                            scalar => !scalars.insert(scalar.to_string()),
                        };
                        if twice {
                            problems
                                .push((id, format!("the enum value {} is listed twice", v.value)));
                        }
                        if !e.repr.holds(&v.value) {
                            problems.push((
                                id,
                                format!(
                                    "the enum value {} is not of its type ({:?})",
                                    v.value, e.repr
                                ),
                            ));
                        }
                    }
                }
            }
            if let TypeKind::Struct(s) = &def.kind {
                for (j, f) in s.fields.iter().enumerate() {
                    if s.fields[..j].iter().any(|g| g.wire_name == f.wire_name) {
                        problems.push((
                            id,
                            format!("the property `{}` is listed twice", f.wire_name),
                        ));
                    }
                    if !f.constraints.is_finite() {
                        problems.push((
                            id,
                            format!("a bound of `{}` is not a finite number", f.wire_name),
                        ));
                    }
                }
            }
            for r in refs {
                if let Some(bad) = out_of_range(r, n) {
                    problems.push((id, format!("refers to type #{bad}, which does not exist")));
                }
            }
        }
        if problems.is_empty() {
            problems.extend(self.alias_loops());
        }
        if problems.is_empty() {
            problems.extend(self.member_loops());
        }
        problems
    }

    /// Unions that are one of their own members, through unions, aliases and `null`s alone (`u:
    /// {oneOf: [{$ref: u}, {type: string}]}`): reading one would try itself on the same value
    /// forever. Each loop is reported once, with the chain of names. Runs once
    /// [`Model::alias_loops`] found none, so every loop found has a union in it.
    fn member_loops(&self) -> Vec<(TypeId, String)> {
        fn target(ty: &TypeRef) -> Option<usize> {
            let mut ty = ty;
            while let TypeRef::Nullable(inner) = ty {
                ty = inner;
            }
            match ty {
                TypeRef::Named(id) => Some(id.0),
                _ => None,
            }
        }
        let n = self.types.len();
        let edges: Vec<Vec<usize>> = self
            .types
            .iter()
            .map(|def| match &def.kind {
                TypeKind::Union(u) => u.variants.iter().filter_map(|v| target(&v.ty)).collect(),
                TypeKind::Alias(a) => target(&a.ty).into_iter().collect(),
                TypeKind::Struct(_) | TypeKind::Enum(_) => Vec::new(),
            })
            .map(|targets: Vec<usize>| targets.into_iter().filter(|&t| t < n).collect())
            .collect();
        let mut state = vec![0u8; n]; // 0 unseen, 1 on the current path, 2 done
        let mut out = Vec::new();
        for root in 0..n {
            if state[root] != 0 {
                continue;
            }
            let mut frames = vec![(root, 0usize)];
            state[root] = 1;
            while let Some(&mut (node, ref mut next)) = frames.last_mut() {
                let Some(&to) = edges[node].get(*next) else {
                    state[node] = 2;
                    frames.pop();
                    continue;
                };
                *next += 1;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        frames.push((to, 0));
                    }
                    1 => {
                        let from = frames.iter().position(|f| f.0 == to).unwrap_or(0);
                        let chain: Vec<&str> = frames[from..]
                            .iter()
                            .map(|f| f.0)
                            .chain(std::iter::once(to))
                            .map(|t| self.types[t].name.as_str())
                            .collect();
                        out.push((
                            TypeId(to),
                            format!(
                                "a union that is one of its own members, with no schema in between: {}",
                                chain.join(" -> ")
                            ),
                        ));
                    }
                    _ => {}
                }
            }
        }
        out
    }

    /// Which aliases must be types of their own rather than aliases: those that hold themselves
    /// through arrays, maps, tuples or `null`s alone (`a: {type: array, items: {$ref: a}}`), which no
    /// language with type aliases but no recursive ones can write (`type A = Vec<A>` is a cycle in
    /// Rust). One alias per loop suffices (the one each loop is first found at, in type order), so
    /// the others stay aliases. Indexed by [`TypeId`].
    pub fn newtypes(&self) -> Vec<bool> {
        let n = self.types.len();
        let edges: Vec<Vec<usize>> = self
            .types
            .iter()
            .map(|def| match &def.kind {
                TypeKind::Alias(a) => {
                    let mut named = Vec::new();
                    a.ty.named(&mut named);
                    named
                        .into_iter()
                        .map(|id| id.0)
                        .filter(|&t| t < n && matches!(self.types[t].kind, TypeKind::Alias(_)))
                        .collect()
                }
                _ => Vec::new(),
            })
            .collect();
        let mut state = vec![0u8; n]; // 0 unseen, 1 on the current path, 2 done
        let mut newtype = vec![false; n];
        for root in 0..n {
            if state[root] != 0 {
                continue;
            }
            // Each frame is a type and how many of its edges were followed.
            let mut frames = vec![(root, 0usize)];
            state[root] = 1;
            while let Some(&mut (node, ref mut next)) = frames.last_mut() {
                let Some(&to) = edges[node].get(*next) else {
                    state[node] = 2;
                    frames.pop();
                    continue;
                };
                *next += 1;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        frames.push((to, 0));
                    }
                    // Every loop has an edge back to a type on the current path: that type breaks it.
                    1 => newtype[to] = true,
                    _ => {}
                }
            }
        }
        newtype
    }

    /// Loops of aliases (through `null`s too): each is reported once, at its first type, with the
    /// chain of names.
    fn alias_loops(&self) -> Vec<(TypeId, String)> {
        // `null or` adds no value to a loop: `a: {oneOf: [null, $ref: a]}` has only `null`.
        let target = |id: TypeId| match &self.types[id.0].kind {
            TypeKind::Alias(Alias { ty }) => {
                let mut ty = ty;
                while let TypeRef::Nullable(inner) = ty {
                    ty = inner;
                }
                match ty {
                    TypeRef::Named(next) => Some(*next),
                    _ => None,
                }
            }
            _ => None,
        };
        let mut state = vec![0u8; self.types.len()]; // 0 unseen, 1 on the current path, 2 done
        let mut out = Vec::new();
        for start in 0..self.types.len() {
            let mut path = Vec::new();
            let mut at = Some(TypeId(start));
            while let Some(id) = at {
                match state[id.0] {
                    2 => break,
                    1 => {
                        let from = path.iter().position(|p| *p == id).unwrap_or(0);
                        let chain: Vec<&str> = path[from..]
                            .iter()
                            .chain(std::iter::once(&id))
                            .map(|t: &TypeId| self.types[t.0].name.as_str())
                            .collect();
                        out.push((
                            path[from],
                            format!(
                                "a loop of references with no schema in between: {}",
                                chain.join(" -> ")
                            ),
                        ));
                        break;
                    }
                    _ => {
                        state[id.0] = 1;
                        path.push(id);
                        at = target(id);
                    }
                }
            }
            for id in path {
                state[id.0] = 2;
            }
        }
        out
    }

    /// Keeps the types whose entry in `keep` is `true`, in their order, and renumbers the references
    /// to them. A reference to a type that is dropped becomes [`TypeRef::Any`] (callers keep every
    /// type that a kept one refers to, so none is left).
    pub fn retain(&mut self, keep: &[bool]) {
        let mut new_id = vec![None; self.types.len()];
        let mut next = 0;
        for (i, slot) in new_id.iter_mut().enumerate() {
            if keep.get(i).copied().unwrap_or(false) {
                *slot = Some(TypeId(next));
                next += 1;
            }
        }
        fn remap(ty: &mut TypeRef, new_id: &[Option<TypeId>]) {
            match ty {
                TypeRef::Named(id) => match new_id.get(id.0).copied().flatten() {
                    Some(new) => *id = new,
                    None => *ty = TypeRef::Any,
                },
                TypeRef::Array(t) | TypeRef::Map(t) | TypeRef::Nullable(t) => remap(t, new_id),
                TypeRef::Tuple(items) => items.iter_mut().for_each(|t| remap(t, new_id)),
                TypeRef::Primitive(_) | TypeRef::Object | TypeRef::Any => {}
            }
        }
        let types = std::mem::take(&mut self.types);
        for (i, mut def) in types.into_iter().enumerate() {
            if new_id[i].is_none() {
                continue;
            }
            match &mut def.kind {
                TypeKind::Struct(s) => {
                    s.fields.iter_mut().for_each(|f| remap(&mut f.ty, &new_id));
                    if let Some(a) = &mut s.additional {
                        remap(a, &new_id);
                    }
                }
                TypeKind::Union(u) => u
                    .variants
                    .iter_mut()
                    .for_each(|v| remap(&mut v.ty, &new_id)),
                TypeKind::Alias(a) => remap(&mut a.ty, &new_id),
                TypeKind::Enum(_) => {}
            }
            self.types.push(def);
        }
    }

    /// Whether a value of `ty` may be `null` (before [`Model::normalize`] has run, too).
    pub fn accepts_null(&self, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::Named(id) => self.get(*id).nullable,
            TypeRef::Nullable(_) | TypeRef::Any => true,
            _ => false,
        }
    }
}

impl TypeRef {
    /// Every named type this reference mentions, at any depth, in order.
    pub fn named(&self, out: &mut Vec<TypeId>) {
        match self {
            TypeRef::Named(id) => out.push(*id),
            TypeRef::Array(t) | TypeRef::Map(t) | TypeRef::Nullable(t) => t.named(out),
            TypeRef::Tuple(items) => items.iter().for_each(|t| t.named(out)),
            TypeRef::Primitive(_) | TypeRef::Object | TypeRef::Any => {}
        }
    }
}

/// [`Model::resolve_until`] over a list of types that is not a model yet (a reader's, while
/// lowering, before any check): the same chain, the same bounds.
pub fn resolve_in<'a>(
    types: &'a [TypeDef],
    mut ty: &'a TypeRef,
    stop: impl Fn(TypeId) -> bool,
) -> &'a TypeRef {
    for _ in 0..=types.len() {
        match ty {
            TypeRef::Named(id) if stop(*id) => return ty,
            TypeRef::Named(id) => match types.get(id.0).map(|t| &t.kind) {
                Some(TypeKind::Alias(a)) => ty = &a.ty,
                _ => return ty,
            },
            _ => return ty,
        }
    }
    ty
}

/// The first type id in `ty` that is not below `n`.
fn out_of_range(ty: &TypeRef, n: usize) -> Option<usize> {
    match ty {
        TypeRef::Named(id) => (id.0 >= n).then_some(id.0),
        TypeRef::Array(t) | TypeRef::Map(t) | TypeRef::Nullable(t) => out_of_range(t, n),
        TypeRef::Tuple(items) => items.iter().find_map(|t| out_of_range(t, n)),
        TypeRef::Primitive(_) | TypeRef::Object | TypeRef::Any => None,
    }
}

/// Normalizes the parts of `ty` below its top (see [`Model::normalize`]).
fn nest(ty: &mut TypeRef, nullable: &[bool]) {
    match ty {
        TypeRef::Array(item) | TypeRef::Map(item) => nest_item(item, nullable),
        TypeRef::Tuple(items) => items.iter_mut().for_each(|t| nest_item(t, nullable)),
        TypeRef::Nullable(inner) => nest(inner, nullable),
        TypeRef::Named(_) | TypeRef::Primitive(_) | TypeRef::Object | TypeRef::Any => {}
    }
}

/// Normalizes a nested position: an item or value of a nullable type is [`TypeRef::Nullable`].
fn nest_item(ty: &mut TypeRef, nullable: &[bool]) {
    nest(ty, nullable);
    let wrap = match ty {
        TypeRef::Named(id) => nullable.get(id.0) == Some(&true),
        _ => false,
    };
    if wrap {
        *ty = TypeRef::Nullable(Box::new(ty.clone()));
    }
    if let TypeRef::Nullable(inner) = ty {
        if let TypeRef::Nullable(innermost) = &**inner {
            *ty = TypeRef::Nullable(innermost.clone());
        }
    }
}

/// Index of a type in [`Model::types`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct TypeId(pub usize);

/// One named type.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct TypeDef {
    /// The name as the input spells it (`workflow_run`, `Applicants_list`, `DocumentCDQReasons`), or the
    /// name given to an inline schema (`workflow_run_link_language`). The naming stage derives the Rust
    /// name from it.
    pub name: String,
    /// Where the type is defined: `file#/json/pointer` for a spec, `file:line` for docs.
    pub origin: String,
    /// The input gives the type no name of its own: its name was made from its `title` or from where
    /// it is (`{parent}_{property}`). When two names give the same Rust name, a type with a name of
    /// its own keeps it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub inline: bool,
    /// The description, as plain text (markdown allowed, HTML entities already decoded).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub doc: Option<String>,
    /// `deprecated: true` in the input.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub deprecated: bool,
    /// The schema allows `null` (`nullable: true`, `type: [.., "null"]`, a `oneOf` with a `null`
    /// member). Every reference to the type accepts `null` too: [`Model::normalize`] records that at
    /// each use (a field's [`Presence`], [`TypeRef::Nullable`] elsewhere), so the type's own
    /// definition never carries it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub nullable: bool,
    /// Example values of the whole type (`example`, `examples`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub examples: Vec<Value>,
    /// What the type is.
    pub kind: TypeKind,
}

impl TypeDef {
    /// A type with a name, an origin and a kind, and nothing else (no docs, examples, deprecation;
    /// not nullable; not inline).
    pub fn new(name: impl Into<String>, origin: impl Into<String>, kind: TypeKind) -> Self {
        TypeDef {
            name: name.into(),
            origin: origin.into(),
            inline: false,
            doc: None,
            deprecated: false,
            nullable: false,
            examples: Vec::new(),
            kind,
        }
    }
}

/// The shape of a named type.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
pub enum TypeKind {
    /// An object with known properties.
    Struct(Struct),
    /// A set of listed values (strings, numbers, booleans or a mix).
    Enum(Enum),
    /// One of several types (`oneOf`/`anyOf`).
    Union(Union),
    /// Another name for a type (`allOf: [$ref]`, a named array, a named map, a named primitive).
    Alias(Alias),
}

/// An object with known properties.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Struct {
    /// The properties, in input order.
    pub fields: Vec<Field>,
    /// The type of properties not listed in `fields` (`additionalProperties`), if the input allows any.
    /// `None` means the input says nothing or forbids them.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub additional: Option<TypeRef>,
}

/// One property of a struct.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Field {
    /// The JSON name.
    pub wire_name: String,
    /// The value's type.
    pub ty: TypeRef,
    /// Whether the field must be present and whether it may be `null`.
    pub presence: Presence,
    /// The value the field takes when absent (`default`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub default: Option<Value>,
    /// `readOnly` / `writeOnly`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Access::is_read_write")
    )]
    pub access: Access,
    /// `deprecated: true` in the input.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub deprecated: bool,
    /// The description (HTML entities decoded).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub doc: Option<String>,
    /// Validation keywords.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Constraints::is_empty")
    )]
    pub constraints: Constraints,
    /// Example values (`example`, `examples`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub examples: Vec<Value>,
    /// Something the input could not say exactly, recorded for humans (for example a JSON name recovered
    /// from a language-specific name in docs). Emitted as a doc note.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub note: Option<String>,
}

impl Field {
    /// A field with only a name, a type and a presence: no default, docs, constraints or examples.
    pub fn new(wire_name: impl Into<String>, ty: TypeRef, presence: Presence) -> Self {
        Field {
            wire_name: wire_name.into(),
            ty,
            presence,
            default: None,
            access: Access::ReadWrite,
            deprecated: false,
            doc: None,
            constraints: Constraints::default(),
            examples: Vec::new(),
            note: None,
        }
    }
}

/// Whether a field must be present, and whether it may be `null`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Presence {
    /// Listed in `required`, never `null`.
    Required,
    /// Listed in `required`, may be `null`.
    RequiredNullable,
    /// May be absent; the input does not allow `null`.
    Optional,
    /// May be absent, may be `null`.
    OptionalNullable,
}

impl Presence {
    /// Builds the presence from the two input keywords.
    pub fn new(required: bool, nullable: bool) -> Self {
        match (required, nullable) {
            (true, false) => Presence::Required,
            (true, true) => Presence::RequiredNullable,
            (false, false) => Presence::Optional,
            (false, true) => Presence::OptionalNullable,
        }
    }

    /// The field is listed as required.
    pub fn is_required(self) -> bool {
        matches!(self, Presence::Required | Presence::RequiredNullable)
    }

    /// The input allows `null`.
    pub fn is_nullable(self) -> bool {
        matches!(
            self,
            Presence::RequiredNullable | Presence::OptionalNullable
        )
    }
}

/// `readOnly` / `writeOnly`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Access {
    /// Sent both ways.
    #[default]
    ReadWrite,
    /// Only in responses.
    ReadOnly,
    /// Only in requests.
    WriteOnly,
}

impl Access {
    #[cfg(feature = "serde")]
    fn is_read_write(&self) -> bool {
        *self == Access::ReadWrite
    }
}

/// Validation keywords of a field or of array items.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Constraints {
    /// `minLength`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub min_length: Option<u64>,
    /// `maxLength`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub max_length: Option<u64>,
    /// `pattern`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub pattern: Option<String>,
    /// `minimum` (`exclusiveMinimum` in [`Constraints::exclusive_minimum`]).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub minimum: Option<f64>,
    /// `maximum`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub maximum: Option<f64>,
    /// The minimum is exclusive.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub exclusive_minimum: bool,
    /// The maximum is exclusive.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub exclusive_maximum: bool,
    /// `minItems`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub min_items: Option<u64>,
    /// `maxItems`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub max_items: Option<u64>,
    /// `uniqueItems`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub unique_items: bool,
    /// The constraints of an array's items (`items: {maxLength: 128}`), when it has some.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub items: Option<Box<Constraints>>,
}

impl Constraints {
    /// No keyword is set.
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }

    /// `minimum` and `maximum`, here and in the items' constraints, are finite numbers (JSON has no
    /// other; an IR built in code might).
    pub fn is_finite(&self) -> bool {
        self.minimum.is_none_or(f64::is_finite)
            && self.maximum.is_none_or(f64::is_finite)
            && self.items.as_ref().is_none_or(|c| c.is_finite())
    }
}

/// A set of listed values (`enum`, `const`, or a `oneOf` of `const` branches).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Enum {
    /// The JSON type of the values (and of values the input does not list).
    pub repr: Repr,
    /// The values, in input order, each once; never `null` (a `null` in the list makes the type
    /// [`TypeDef::nullable`] instead).
    pub values: Vec<EnumValue>,
}

impl Enum {
    /// An enum of `values`, its representation the JSON type they share.
    pub fn new(values: Vec<EnumValue>) -> Self {
        let mut reprs = values.iter().map(|v| Repr::of(&v.value));
        let repr = match reprs.next() {
            None => Repr::String,
            Some(first) => reprs.fold(first, |a, b| match (a, b) {
                (a, b) if a == b => a,
                (Repr::Integer, Repr::Number) | (Repr::Number, Repr::Integer) => Repr::Number,
                _ => Repr::Mixed,
            }),
        };
        Enum { repr, values }
    }

    /// An enum of plain string values.
    pub fn strings<S: Into<String>>(values: impl IntoIterator<Item = S>) -> Self {
        Enum::new(
            values
                .into_iter()
                .map(|v| EnumValue::new(Value::String(v.into())))
                .collect(),
        )
    }

    /// An enum of plain integer values.
    pub fn integers(values: impl IntoIterator<Item = i64>) -> Self {
        Enum::new(
            values
                .into_iter()
                .map(|v| EnumValue::new(Value::from(v)))
                .collect(),
        )
    }

    /// The JSON type of the values.
    pub fn repr(&self) -> Repr {
        self.repr
    }

    /// The values as strings, for a string enum (`None` if some value is not a string).
    pub fn as_strings(&self) -> Option<Vec<&str>> {
        self.values.iter().map(|v| v.value.as_str()).collect()
    }

    /// The values as integers, for an integer enum (`None` if some value is not an integer).
    pub fn as_integers(&self) -> Option<Vec<i64>> {
        self.values.iter().map(|v| v.value.as_i64()).collect()
    }
}

/// One listed value of an [`Enum`].
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct EnumValue {
    /// The value: a string, number or boolean.
    pub value: Value,
    /// The name the input gives it (the `title` of a `oneOf` branch with a `const`), from which the
    /// Rust variant is named; otherwise the variant is named from the value.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub name: Option<String>,
    /// The value's description (of its `oneOf` branch).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub doc: Option<String>,
}

impl EnumValue {
    /// A value with no name or description.
    pub fn new(value: Value) -> Self {
        EnumValue {
            value,
            name: None,
            doc: None,
        }
    }
}

/// The JSON type of an enum's values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Repr {
    /// Strings.
    #[default]
    String,
    /// Integers (that fit an `i64`).
    Integer,
    /// Numbers, some with a fraction or beyond `i64`.
    Number,
    /// `true` and/or `false`.
    Boolean,
    /// Values of several JSON types.
    Mixed,
}

impl Default for Enum {
    fn default() -> Self {
        Enum::new(Vec::new())
    }
}

impl Repr {
    /// Whether `value` is a value of this representation: a string of [`Repr::String`], an integer
    /// that fits an `i64` of [`Repr::Integer`], and so on; any scalar but `null` for [`Repr::Mixed`].
    pub fn holds(self, value: &Value) -> bool {
        match self {
            Repr::String => value.is_string(),
            Repr::Integer => value.is_i64(),
            Repr::Number => value.is_number(),
            Repr::Boolean => value.is_boolean(),
            Repr::Mixed => value.is_string() || value.is_number() || value.is_boolean(),
        }
    }

    fn of(value: &Value) -> Repr {
        match value {
            Value::String(_) => Repr::String,
            Value::Number(n) if n.is_i64() => Repr::Integer,
            Value::Number(_) => Repr::Number,
            Value::Bool(_) => Repr::Boolean,
            _ => Repr::Mixed,
        }
    }
}

/// One of several types.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Union {
    /// The property whose value says which variant a value is (`discriminator.propertyName`); `None`
    /// for an untagged union, where the first variant that fits wins.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub discriminator: Option<String>,
    /// The variants, in input order.
    pub variants: Vec<Variant>,
}

/// One variant of a union.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Variant {
    /// The discriminator value of this variant (tagged unions only). Several values may lead to the
    /// same type: each is a variant of its own, so the value survives a round trip.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub tag: Option<String>,
    /// The variant's type.
    pub ty: TypeRef,
}

/// Another name for a type.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Alias {
    /// The aliased type (never [`TypeRef::Nullable`]: that is [`TypeDef::nullable`]).
    pub ty: TypeRef,
}

/// A reference to a type, as fields, items and variants use it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "type", content = "of", rename_all = "snake_case")
)]
pub enum TypeRef {
    /// A named type of the model.
    Named(TypeId),
    /// A scalar.
    Primitive(Primitive),
    /// A JSON array.
    Array(Box<TypeRef>),
    /// A JSON array of a fixed length whose items have each their own type (`prefixItems`).
    Tuple(Vec<TypeRef>),
    /// The type or `null`. Only where a field's [`Presence`] cannot say it: array items, map values,
    /// tuple items (see [`Model::normalize`]).
    Nullable(Box<TypeRef>),
    /// A JSON object with arbitrary keys and values of one type (`additionalProperties: T`).
    Map(Box<TypeRef>),
    /// A JSON object with arbitrary keys and values (`type: object` without properties).
    Object,
    /// Any JSON value (no `type`, or a payload the input does not describe).
    Any,
}

/// A scalar type, with its format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Primitive {
    /// `type: string` without a format this IR distinguishes.
    String,
    /// `format: uuid`.
    Uuid,
    /// `format: date-time` (RFC 3339).
    DateTime,
    /// `format: date` (`YYYY-MM-DD`).
    Date,
    /// `format: uri` / `url`.
    Uri,
    /// `format: byte`: base64 text.
    Byte,
    /// `format: binary`: raw bytes (file uploads).
    Binary,
    /// `type: boolean`.
    Boolean,
    /// `type: integer, format: int32`.
    Int32,
    /// `type: integer, format: int64`, or no format.
    Int64,
    /// `type: number, format: float`.
    Float,
    /// `type: number, format: double`, or no format.
    Double,
}
