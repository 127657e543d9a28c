//! The Rust view of a model: the name, derives and boxing of every type, and the exact Rust type of
//! every field, item and variant, decided once from the IR.
//!
//! The emitter writes what this view says; `diff` and `crosscheck` compare what it says. So a rule
//! such as "an optional field is `Nullable<T>`" (or `Option<T>`, as [`Optionals`] choose), "a reference that closes a cycle is boxed" or "an
//! alias is the type it names" lives here once, and the three cannot drift apart.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::ir::{
    Access, Field, Model, Presence, Primitive, Repr, TypeDef, TypeId, TypeKind, TypeRef,
};
use crate::naming::TypeNames;
use crate::overrides::Target;

/// The Rust type of `format: date-time`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DateTimeType {
    /// `chrono::DateTime<chrono::FixedOffset>`: keeps the offset the API sent, so a value is written
    /// back as it was read (`+02:00` stays `+02:00`; `Z` is written `+00:00`, the same instant).
    #[default]
    FixedOffset,
    /// `chrono::DateTime<chrono::Utc>`: every value in UTC, written with `Z`; the sender's offset
    /// is lost (the instant is kept).
    Utc,
}

/// The Rust type of `type: number, format: float`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FloatType {
    /// `f64` (default): the JSON number an API sends, say `0.6512`, is read and written back as the
    /// same text, also through `serde_json::Value`.
    #[default]
    F64,
    /// `f32`, as the format says: half the memory, but a value converted to `f64` (as
    /// `serde_json::to_value` does) shows the binary rounding (`0.651199996471405`).
    F32,
}

/// The crate, if any, that dates and date-times come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DateLibrary {
    /// `chrono` (default): `format: date-time` is a `chrono::DateTime` (see [`DateTimeType`]) and
    /// `format: date` a `chrono::NaiveDate`.
    #[default]
    Chrono,
    /// `time`: `format: date-time` is a `time::OffsetDateTime`, read and written as RFC 3339 (with
    /// `time::serde::rfc3339`), and `format: date` a `time::Date`, read and written as `YYYY-MM-DD`.
    /// The instant and the offset are kept; the text is written in `time`'s one form (`Z` for a
    /// zero offset, the fraction of a second without trailing zeros), so `+00:00` comes back as `Z`
    /// and `.120` as `.12`.
    Time,
    /// `String`: dates and date-times are kept as the text sent, unchecked, and written back
    /// byte for byte.
    String,
}

/// The Rust type of `format: uuid`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum UuidType {
    /// `uuid::Uuid` (default): checked when read, written in lower case with hyphens.
    #[default]
    Uuid,
    /// `String`: the text sent, unchecked, written back as it was.
    String,
}

/// How an optional field is represented.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum OptionalStyle {
    /// `Nullable<T>` (default): *absent*, `null` and a value are three states, so a payload read and
    /// written back keeps `null` where it had `null`, and a `PATCH` can clear a field.
    #[default]
    Nullable,
    /// `Option<T>`: *absent* and `null` both read as `None`, and `None` is left out when written
    /// (`skip_serializing_if = "Option::is_none"`), so a `null` sent is not sent back.
    Option,
}

impl OptionalStyle {
    /// Whether this is the default, [`OptionalStyle::Nullable`].
    pub fn is_nullable(&self) -> bool {
        *self == OptionalStyle::Nullable
    }
}

/// Which style each optional field gets: one for the crate, and exceptions for whole types (every
/// optional field of the struct) or single fields. A field's own choice beats its type's, which beats
/// the crate's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Optionals {
    /// The style of every optional field without an exception.
    pub style: OptionalStyle,
    /// Exceptions, by type (source or Rust name) or by type and field (JSON name).
    pub exceptions: Vec<(Target, OptionalStyle)>,
}

/// The choices of Rust types that a generation can make.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TypeOptions {
    /// The type of `format: date-time` when dates come from chrono.
    pub date_time: DateTimeType,
    /// The type of `format: float`.
    pub float: FloatType,
    /// Where dates and date-times come from.
    pub dates: DateLibrary,
    /// The type of `format: uuid`.
    pub uuid: UuidType,
    /// How optional fields are represented.
    pub optional: Optionals,
}

/// A Rust type, as the generated code spells it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    /// A type of the model, by id.
    Named(TypeId),
    /// `Box<T>`, where a reference closes a cycle of types that hold each other directly.
    Boxed(Box<Ty>),
    /// `String` (also `uri`, `byte` and `binary`, which stay text).
    String,
    /// `uuid::Uuid`.
    Uuid,
    /// `chrono::DateTime<..>`.
    DateTime(DateTimeType),
    /// `chrono::NaiveDate`.
    Date,
    /// `time::OffsetDateTime`, read and written as RFC 3339.
    OffsetDateTime,
    /// `time::Date`, read and written as `YYYY-MM-DD`.
    TimeDate,
    /// `bool`.
    Bool,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// `Vec<T>`.
    Vec(Box<Ty>),
    /// `BTreeMap<String, T>`.
    Map(Box<Ty>),
    /// `serde_json::Map<String, serde_json::Value>`.
    JsonMap,
    /// `serde_json::Value`.
    Value,
    /// `(A, B, ..)`.
    Tuple(Vec<Ty>),
    /// `Option<T>`: `null` or a value.
    Option(Box<Ty>),
    /// `Nullable<T>`: absent, `null` or a value (optional fields).
    Nullable(Box<Ty>),
}

/// Which traits a type derives besides `Clone, Debug, PartialEq` and serde's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Derives {
    /// `Eq`: no float inside.
    pub eq: bool,
    /// `Hash`: `Eq`, and no JSON value inside.
    pub hash: bool,
    /// `Default`: a struct with no required field.
    pub default: bool,
}

/// The longest tuple written as a Rust tuple: the standard library implements `Debug`, `PartialEq`
/// and the rest for tuples of up to 12 items. A longer one (`prefixItems` of 13 or more) is a `Vec` of
/// JSON values, which reads and writes the same array.
pub const MAX_TUPLE: usize = 12;

/// The Rust view of a model (see the module docs).
#[derive(Clone, Debug)]
pub struct View<'m> {
    /// The model.
    pub model: &'m Model,
    /// The Rust name of every type.
    pub names: TypeNames,
    /// The type choices.
    pub options: TypeOptions,
    eq: Vec<bool>,
    hash: Vec<bool>,
    /// References `(from, to)` that are boxed to break a cycle of direct containment.
    boxed: BTreeSet<(TypeId, TypeId)>,
    /// The optional style of the types that have one of their own.
    type_styles: BTreeMap<TypeId, OptionalStyle>,
    /// The optional style of the fields `(type, JSON name)` that have one of their own.
    field_styles: BTreeMap<(TypeId, String), OptionalStyle>,
    /// Aliases written as a struct of one field (see [`Model::newtypes`]).
    newtype: Vec<bool>,
}

impl<'m> View<'m> {
    /// Decides names, derives and boxing for every type of `model`.
    pub fn new(model: &'m Model, options: TypeOptions) -> Self {
        let (eq, hash) = derivable(model);
        let (mut type_styles, mut field_styles) = (BTreeMap::new(), BTreeMap::new());
        // A name that is not in the model (left out by `only`) has nothing to style; `Config`
        // reports names that are in no input.
        for (target, style) in &options.optional.exceptions {
            match target {
                Target::Type(name) => {
                    if let Some(id) = crate::overrides::find_type(model, name) {
                        type_styles.insert(id, *style);
                    }
                }
                Target::Field(name, field) => {
                    if let Some(id) = crate::overrides::find_type(model, name) {
                        field_styles.insert((id, field.clone()), *style);
                    }
                }
            }
        }
        let newtype = model.newtypes();
        View {
            model,
            names: TypeNames::new(model),
            options,
            eq,
            hash,
            boxed: cycles(model, &newtype),
            newtype,
            type_styles,
            field_styles,
        }
    }

    /// The style of optional field `field` of struct `owner` (whether or not it is optional): its
    /// own, else its type's, else the crate's.
    pub fn optional_style(&self, owner: TypeId, field: &Field) -> OptionalStyle {
        if self.field_styles.is_empty() && self.type_styles.is_empty() {
            return self.options.optional.style;
        }
        self.field_styles
            .get(&(owner, field.wire_name.clone()))
            .or_else(|| self.type_styles.get(&owner))
            .copied()
            .unwrap_or(self.options.optional.style)
    }

    /// Whether some optional field of the model is a `Nullable<T>`.
    pub fn uses_nullable(&self) -> bool {
        self.model
            .types
            .iter()
            .enumerate()
            .any(|(i, def)| match &def.kind {
                TypeKind::Struct(s) => s.fields.iter().any(|f| {
                    !presence(f).is_required() && self.optional_style(TypeId(i), f).is_nullable()
                }),
                _ => false,
            })
    }

    /// Whether some optional field of the model is an `Option<T>`.
    pub fn uses_option_style(&self) -> bool {
        self.model
            .types
            .iter()
            .enumerate()
            .any(|(i, def)| match &def.kind {
                TypeKind::Struct(s) => s.fields.iter().any(|f| {
                    !presence(f).is_required() && !self.optional_style(TypeId(i), f).is_nullable()
                }),
                _ => false,
            })
    }

    /// Whether alias `id` is written as a struct of one field, `pub struct A(pub Vec<A>);`, because
    /// it holds itself through containers alone and Rust has no recursive type alias.
    pub fn is_newtype(&self, id: TypeId) -> bool {
        self.newtype.get(id.0).copied().unwrap_or(false)
    }

    /// [`Model::resolve`] as the Rust code sees it: a newtype is a type of its own, so the chain of
    /// aliases stops there.
    pub fn resolve_ref<'a>(&'a self, ty: &'a TypeRef) -> &'a TypeRef {
        self.model.resolve_until(ty, |id| self.is_newtype(id))
    }

    /// The Rust name of type `id`.
    pub fn name(&self, id: TypeId) -> &str {
        self.names.get(id)
    }

    /// What type `id` derives.
    pub fn derives(&self, id: TypeId) -> Derives {
        let default = match self.model.types.get(id.0).map(|t| &t.kind) {
            Some(TypeKind::Struct(s)) => s.fields.iter().all(|f| !presence(f).is_required()),
            _ => false,
        };
        Derives {
            eq: self.eq.get(id.0).copied().unwrap_or(false),
            hash: self.hash.get(id.0).copied().unwrap_or(false),
            default,
        }
    }

    /// The Rust type of a field of struct `owner`, with the wrapper its presence gives.
    pub fn field(&self, owner: TypeId, field: &Field) -> Ty {
        let inner = self.reference(owner, &field.ty);
        match presence(field) {
            Presence::Required => inner,
            Presence::RequiredNullable => Ty::Option(Box::new(inner)),
            Presence::Optional | Presence::OptionalNullable => {
                match self.optional_style(owner, field) {
                    OptionalStyle::Nullable => Ty::Nullable(Box::new(inner)),
                    OptionalStyle::Option => Ty::Option(Box::new(inner)),
                }
            }
        }
    }

    /// The Rust type of a reference made from inside type `owner`: boxed where it closes a cycle,
    /// at the top or inside the `Option`s and tuples that hold a value in place (as [`held`] follows
    /// them).
    pub fn reference(&self, owner: TypeId, ty: &TypeRef) -> Ty {
        match ty {
            TypeRef::Named(id) if self.boxed.contains(&(owner, *id)) => {
                Ty::Boxed(Box::new(Ty::Named(*id)))
            }
            TypeRef::Nullable(inner) => Ty::Option(Box::new(self.reference(owner, inner))),
            TypeRef::Tuple(items) if items.len() <= MAX_TUPLE => {
                Ty::Tuple(items.iter().map(|t| self.reference(owner, t)).collect())
            }
            other => self.plain(other),
        }
    }

    /// The Rust type of a reference, never boxed: containers allocate, so they break cycles themselves.
    pub fn plain(&self, ty: &TypeRef) -> Ty {
        match ty {
            TypeRef::Named(id) => Ty::Named(*id),
            TypeRef::Primitive(p) => self.primitive(*p),
            TypeRef::Array(item) => Ty::Vec(Box::new(self.plain(item))),
            TypeRef::Tuple(items) if items.len() > MAX_TUPLE => Ty::Vec(Box::new(Ty::Value)),
            TypeRef::Tuple(items) => Ty::Tuple(items.iter().map(|t| self.plain(t)).collect()),
            TypeRef::Map(value) => Ty::Map(Box::new(self.plain(value))),
            TypeRef::Nullable(inner) => Ty::Option(Box::new(self.plain(inner))),
            TypeRef::Object => Ty::JsonMap,
            TypeRef::Any => Ty::Value,
        }
    }

    /// The Rust type of a scalar.
    pub fn primitive(&self, p: Primitive) -> Ty {
        match p {
            Primitive::String | Primitive::Uri | Primitive::Byte | Primitive::Binary => Ty::String,
            Primitive::Uuid => match self.options.uuid {
                UuidType::Uuid => Ty::Uuid,
                UuidType::String => Ty::String,
            },
            Primitive::DateTime => match self.options.dates {
                DateLibrary::Chrono => Ty::DateTime(self.options.date_time),
                DateLibrary::Time => Ty::OffsetDateTime,
                DateLibrary::String => Ty::String,
            },
            Primitive::Date => match self.options.dates {
                DateLibrary::Chrono => Ty::Date,
                DateLibrary::Time => Ty::TimeDate,
                DateLibrary::String => Ty::String,
            },
            Primitive::Boolean => Ty::Bool,
            Primitive::Int32 => Ty::I32,
            Primitive::Int64 => Ty::I64,
            Primitive::Float => match self.options.float {
                FloatType::F64 => Ty::F64,
                FloatType::F32 => Ty::F32,
            },
            Primitive::Double => Ty::F64,
        }
    }

    /// The Rust type an alias stands for (`pub type A = T;`); `None` for the other kinds and for a
    /// newtype ([`View::is_newtype`]), which is a type of its own.
    pub fn alias_target(&self, id: TypeId) -> Option<Ty> {
        match &self.model.types.get(id.0)?.kind {
            TypeKind::Alias(_) if self.is_newtype(id) => None,
            TypeKind::Alias(a) => Some(self.reference(id, &a.ty)),
            TypeKind::Enum(e) if e.repr() == Repr::Boolean => Some(Ty::Bool),
            _ => None,
        }
    }

    /// `ty` with every alias replaced by what it stands for (boxes dropped): two types with the same
    /// resolved form are the same Rust type.
    pub fn resolve(&self, ty: &Ty) -> Ty {
        self.resolve_within(ty, 0)
    }

    fn resolve_within(&self, ty: &Ty, depth: usize) -> Ty {
        let deeper = |t: &Ty| Box::new(self.resolve_within(t, depth + 1));
        match ty {
            // The end of the chain of aliases (`Model::resolve`), then what that holds, resolved in
            // turn; the depth bounds a model that holds itself through containers alone, which
            // `Model::check` rejects.
            Ty::Named(id) => {
                let start = TypeRef::Named(*id);
                match self.resolve_ref(&start) {
                    TypeRef::Named(end) => match self.alias_target(*end) {
                        Some(target) => target,
                        None => Ty::Named(*end),
                    },
                    _ if depth > self.model.types.len() => ty.clone(),
                    other => self.resolve_within(&self.plain(other), depth + 1),
                }
            }
            Ty::Boxed(inner) => self.resolve_within(inner, depth + 1),
            Ty::Vec(t) => Ty::Vec(deeper(t)),
            Ty::Map(t) => Ty::Map(deeper(t)),
            Ty::Option(t) => Ty::Option(deeper(t)),
            Ty::Nullable(t) => Ty::Nullable(deeper(t)),
            Ty::Tuple(items) => Ty::Tuple(
                items
                    .iter()
                    .map(|t| self.resolve_within(t, depth + 1))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    /// `ty` written as Rust without paths (`Vec<String>`, `DateTime<FixedOffset>`, `Nullable<Pet>`).
    pub fn display<'a>(&'a self, ty: &'a Ty) -> impl fmt::Display + 'a {
        Display { view: self, ty }
    }
}

struct Display<'a> {
    view: &'a View<'a>,
    ty: &'a Ty,
}

impl fmt::Display for Display<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = |ty| Display {
            view: self.view,
            ty,
        };
        match self.ty {
            Ty::Named(id) => f.write_str(self.view.name(*id)),
            Ty::Boxed(t) => write!(f, "Box<{}>", inner(t)),
            Ty::String => f.write_str("String"),
            Ty::Uuid => f.write_str("Uuid"),
            Ty::DateTime(DateTimeType::FixedOffset) => f.write_str("DateTime<FixedOffset>"),
            Ty::DateTime(DateTimeType::Utc) => f.write_str("DateTime<Utc>"),
            Ty::Date => f.write_str("NaiveDate"),
            Ty::OffsetDateTime => f.write_str("OffsetDateTime"),
            Ty::TimeDate => f.write_str("Date"),
            Ty::Bool => f.write_str("bool"),
            Ty::I32 => f.write_str("i32"),
            Ty::I64 => f.write_str("i64"),
            Ty::F32 => f.write_str("f32"),
            Ty::F64 => f.write_str("f64"),
            Ty::Vec(t) => write!(f, "Vec<{}>", inner(t)),
            Ty::Map(t) => write!(f, "BTreeMap<String, {}>", inner(t)),
            Ty::JsonMap => f.write_str("Map<String, Value>"),
            Ty::Value => f.write_str("Value"),
            Ty::Tuple(items) if items.is_empty() => f.write_str("[(); 0]"),
            Ty::Tuple(items) => {
                f.write_str("(")?;
                for (i, t) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}", inner(t))?;
                }
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Ty::Option(t) => write!(f, "Option<{}>", inner(t)),
            Ty::Nullable(t) => write!(f, "Nullable<{}>", inner(t)),
        }
    }
}

/// The presence a field has in Rust: a required field that only travels one way (`readOnly` or
/// `writeOnly`) is optional, so the same struct serves requests and responses without the caller
/// inventing a value the server ignores.
pub fn presence(field: &Field) -> Presence {
    match (field.access, field.presence) {
        (Access::ReadWrite, presence) => presence,
        (_, Presence::Required | Presence::Optional) => Presence::Optional,
        (_, Presence::RequiredNullable | Presence::OptionalNullable) => Presence::OptionalNullable,
    }
}

/// Which types can derive `Eq` and `Hash`: a fixpoint from "all can", removing any type that holds a
/// float (neither), or JSON values (no `Hash`).
fn derivable(model: &Model) -> (Vec<bool>, Vec<bool>) {
    let n = model.types.len();
    let (mut eq, mut hash) = (vec![true; n], vec![true; n]);
    loop {
        let mut changed = false;
        for (i, def) in model.types.iter().enumerate() {
            let refs = direct_refs(def);
            let e = refs.iter().all(|r| ref_is(r, &eq, false));
            let h = e && refs.iter().all(|r| ref_is(r, &hash, true));
            let (e, h) = match &def.kind {
                // Tagged unions hold `serde_json::Value` in their fallback variant.
                TypeKind::Union(u) if u.discriminator.is_some() => (e, false),
                TypeKind::Enum(en) => match en.repr() {
                    // The fallback holds a `serde_json::Number` or `Value`.
                    Repr::Number | Repr::Mixed => (true, false),
                    Repr::String | Repr::Integer | Repr::Boolean => (true, true),
                },
                _ => (e, h),
            };
            if eq[i] != e || hash[i] != h {
                eq[i] = e;
                hash[i] = h;
                changed = true;
            }
        }
        if !changed {
            return (eq, hash);
        }
    }
}

fn ref_is(ty: &TypeRef, table: &[bool], for_hash: bool) -> bool {
    match ty {
        TypeRef::Named(id) => table.get(id.0).copied().unwrap_or(false),
        TypeRef::Primitive(Primitive::Float | Primitive::Double) => false,
        TypeRef::Primitive(_) => true,
        TypeRef::Array(item) | TypeRef::Map(item) | TypeRef::Nullable(item) => {
            ref_is(item, table, for_hash)
        }
        // A long tuple is a `Vec` of JSON values (see `MAX_TUPLE`).
        TypeRef::Tuple(items) if items.len() > MAX_TUPLE => !for_hash,
        TypeRef::Tuple(items) => items.iter().all(|t| ref_is(t, table, for_hash)),
        TypeRef::Object | TypeRef::Any => !for_hash,
    }
}

/// The type references a definition holds.
pub(crate) fn direct_refs(def: &TypeDef) -> Vec<&TypeRef> {
    match &def.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .map(|f| &f.ty)
            .chain(s.additional.iter())
            .collect(),
        TypeKind::Enum(_) => Vec::new(),
        TypeKind::Union(u) => u.variants.iter().map(|v| &v.ty).collect(),
        TypeKind::Alias(a) => vec![&a.ty],
    }
}

/// The named types a reference holds directly (not through `Vec` or a map, which allocate).
fn held(ty: &TypeRef, out: &mut Vec<TypeId>) {
    match ty {
        TypeRef::Named(id) => out.push(*id),
        TypeRef::Nullable(inner) => held(inner, out),
        TypeRef::Tuple(items) if items.len() <= MAX_TUPLE => {
            items.iter().for_each(|t| held(t, out))
        }
        TypeRef::Array(_)
        | TypeRef::Map(_)
        | TypeRef::Tuple(_)
        | TypeRef::Primitive(_)
        | TypeRef::Object
        | TypeRef::Any => {}
    }
}

/// The edges `(from, to)` of direct containment that close a cycle, which must be boxed for the types
/// to have a size: the edges inside a strongly connected component of the containment graph.
fn cycles(model: &Model, newtype: &[bool]) -> BTreeSet<(TypeId, TypeId)> {
    let edges: Vec<Vec<usize>> = model
        .types
        .iter()
        .map(|def| {
            let mut targets = Vec::new();
            for r in direct_refs(def) {
                held(r, &mut targets);
            }
            // An id out of range (a hand-edited IR) holds nothing.
            targets
                .into_iter()
                .map(|t| t.0)
                .filter(|&t| t < model.types.len())
                .collect()
        })
        .collect();
    let component = components(&edges);
    let mut boxed = BTreeSet::new();
    for (from, targets) in edges.iter().enumerate() {
        // An alias is the type it names, so it cannot box; the struct or union that holds it does
        // (a newtype is a struct).
        if matches!(model.types[from].kind, TypeKind::Alias(_)) && !newtype[from] {
            continue;
        }
        for &to in targets {
            if component[from] == component[to] {
                boxed.insert((TypeId(from), TypeId(to)));
            }
        }
    }
    boxed
}

/// The strongly connected component of each node (Tarjan's algorithm, iterative so that a deep
/// chain of types cannot overflow the stack). A node alone is its own component, in a cycle only
/// if it has an edge to itself, which the caller sees as `component[from] == component[to]`.
/// Components are numbered as they are completed, so a component's number is above those of every
/// component it has an edge to.
pub(crate) fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // Each frame is a node and how many of its edges were followed.
        let mut frames = vec![(root, 0)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut edge)) = frames.last_mut() {
            if let Some(&to) = edges[node].get(*edge) {
                *edge += 1;
                if index[to] == UNSEEN {
                    index[to] = next_index;
                    low[to] = next_index;
                    next_index += 1;
                    stack.push(to);
                    on_stack[to] = true;
                    frames.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(index[to]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}
