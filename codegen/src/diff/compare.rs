//! Walks two models side by side and collects the changes: type matching, rename detection, and the
//! comparison of fields, values, variants and alias targets.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{Change, ChangeKind, Diff, Kind, ModelInfo, Names, Options, Repr, TypeDiff};
use crate::ir::{self, Model, Primitive, TypeId, TypeKind, TypeRef};
use crate::rust::{self, Ty, View};

/// Matches the types of the two models, compares each pair and drops what [`Options`] leaves out.
pub(super) fn run(old: &Model, new: &Model, options: &Options) -> Diff {
    let old_names = Names::new(old);
    let new_names = Names::new(new);
    let old_view = View::new(old, options.types.clone());
    let new_view = View::new(new, options.types.clone());
    // Rust names are distinct within a model (naming numbers collisions), so these maps are total.
    let old_by: BTreeMap<&str, usize> = index(&old_names);
    let new_by: BTreeMap<&str, usize> = index(&new_names);
    let removed: Vec<usize> = old_by
        .iter()
        .filter(|(name, _)| !new_by.contains_key(*name))
        .map(|(_, &i)| i)
        .collect();
    let added: Vec<usize> = new_by
        .iter()
        .filter(|(name, _)| !old_by.contains_key(*name))
        .map(|(_, &i)| i)
        .collect();
    let renames = renames(old, &old_names, &removed, new, &new_names, &added);

    // When old references are compared with new ones, a renamed type goes by its new name, so a
    // field of a renamed type is not reported as retyped on top of the rename itself.
    let mut compare_names = old_names.0.clone();
    for (&o, &n) in &renames {
        compare_names[o] = new_names.0[n].clone();
    }
    let cx = Cx {
        old,
        new,
        old_view: &old_view,
        new_view: &new_view,
        old_names: &old_names,
        new_names: &new_names,
        compare_names: &Names(compare_names),
    };

    let renamed_from: BTreeMap<usize, usize> = renames.iter().map(|(&o, &n)| (n, o)).collect();
    let mut types = Vec::new();
    for (name, &n) in &new_by {
        let changes = if let Some(&o) = old_by.get(name).or_else(|| renamed_from.get(&n)) {
            cx.types(o, n)
        } else {
            vec![Change::new(ChangeKind::TypeAdded {
                kind: kind_of(&new.types[n].kind),
            })]
        };
        types.push(TypeDiff {
            name: (*name).to_owned(),
            changes,
        });
    }
    for &o in removed.iter().filter(|o| !renames.contains_key(o)) {
        types.push(TypeDiff {
            name: old_names.0[o].clone(),
            changes: vec![Change::new(ChangeKind::TypeRemoved {
                kind: kind_of(&old.types[o].kind),
            })],
        });
    }
    for t in &mut types {
        t.changes
            .retain(|c| options.notes || c.class != super::Class::Note);
    }
    types.retain(|t| !t.changes.is_empty());
    types.sort_by(|a, b| a.name.cmp(&b.name));

    Diff {
        old: info(old),
        new: info(new),
        types,
    }
}

fn index(names: &Names) -> BTreeMap<&str, usize> {
    names
        .0
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect()
}

fn info(model: &Model) -> ModelInfo {
    ModelInfo {
        title: model.title.clone(),
        version: model.version.clone(),
    }
}

fn kind_of(kind: &TypeKind) -> Kind {
    match kind {
        TypeKind::Struct(_) => Kind::Struct,
        TypeKind::Enum(_) => Kind::Enum,
        TypeKind::Union(_) => Kind::Union,
        TypeKind::Alias(_) => Kind::Alias,
    }
}

/// Pairs removed with added types that are renames: a removed type whose shape exactly one added type
/// has, and no other removed type has. Anything less clear stays a removal plus an addition, because
/// a wrong rename would hide a real removal. Returns old index -> new index.
fn renames(
    old: &Model,
    old_names: &Names,
    removed: &[usize],
    new: &Model,
    new_names: &Names,
    added: &[usize],
) -> BTreeMap<usize, usize> {
    let mut old_shapes: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &o in removed {
        if let Some(s) = shape(&old.types[o].kind, old_names) {
            old_shapes.entry(s).or_default().push(o);
        }
    }
    let mut new_shapes: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &n in added {
        if let Some(s) = shape(&new.types[n].kind, new_names) {
            new_shapes.entry(s).or_default().push(n);
        }
    }
    old_shapes
        .iter()
        .filter_map(
            |(s, olds)| match (olds.as_slice(), new_shapes.get(s)?.as_slice()) {
                ([o], [n]) => Some((*o, *n)),
                _ => None,
            },
        )
        .collect()
}

/// A canonical text of what a type looks like on the wire and in Rust, ignoring docs, examples and
/// field order. `None` for a struct without fields: every empty struct looks alike, so its shape
/// says nothing about identity.
fn shape(kind: &TypeKind, names: &Names) -> Option<String> {
    Some(match kind {
        TypeKind::Struct(s) => {
            if s.fields.is_empty() && s.additional.is_none() {
                return None;
            }
            let mut fields: Vec<String> = s
                .fields
                .iter()
                .map(|f| {
                    format!(
                        "{}:{}:{:?}",
                        f.wire_name,
                        ty(&f.ty, names, Notation::Format(Strings::default())),
                        f.presence
                    )
                })
                .collect();
            fields.sort();
            let additional = s
                .additional
                .as_ref()
                .map(|t| ty(t, names, Notation::Format(Strings::default())));
            format!("struct {fields:?} {additional:?}")
        }
        TypeKind::Enum(e) => {
            let (repr, mut values) = enum_values(e);
            values.sort_by_key(|v| v.to_string());
            format!("enum {repr:?} {values:?}")
        }
        TypeKind::Union(u) => {
            let variants: Vec<(Option<&String>, String)> = u
                .variants
                .iter()
                .map(|v| {
                    (
                        v.tag.as_ref(),
                        ty(&v.ty, names, Notation::Format(Strings::default())),
                    )
                })
                .collect();
            format!("union {:?} {variants:?}", u.discriminator)
        }
        TypeKind::Alias(a) => format!(
            "alias {}",
            ty(&a.ty, names, Notation::Format(Strings::default()))
        ),
    })
}

fn enum_values(e: &ir::Enum) -> (Repr, Vec<Value>) {
    (e.repr(), e.values.iter().map(|v| v.value.clone()).collect())
}

/// How [`ty`] writes a type reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Notation {
    /// The Rust type the emitter generates, without paths: `String` for every string format,
    /// `DateTime<FixedOffset>`, `BTreeMap<String, T>`. Two references with the same Rust notation
    /// are the same Rust type.
    Rust,
    /// As [`Notation::Rust`], but string formats the emitter maps to `String` keep their format:
    /// `String(uri)`, `String(byte)`, `String(binary)`, and `String(uuid)`, `String(date-time)`,
    /// `String(date)` where the type choices make those `String`s too.
    Format(Strings),
}

/// Which formats the type choices make `String`s (see [`Notation::Format`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Strings {
    uuid: bool,
    dates: bool,
}

impl Strings {
    fn of(types: &rust::TypeOptions) -> Self {
        Strings {
            uuid: types.uuid == rust::UuidType::String,
            dates: types.dates == rust::DateLibrary::String,
        }
    }
}

/// A type reference in the diff's notation. The emitter may also box a reference to break a cycle of
/// types; that depends on the whole model and is not shown.
pub(super) fn ty(t: &TypeRef, names: &Names, notation: Notation) -> String {
    match t {
        TypeRef::Named(id) => names.get(*id),
        TypeRef::Primitive(p) => primitive(*p, notation).to_owned(),
        TypeRef::Array(item) => format!("Vec<{}>", ty(item, names, notation)),
        TypeRef::Tuple(items) => {
            let items: Vec<String> = items.iter().map(|t| ty(t, names, notation)).collect();
            format!("({})", items.join(", "))
        }
        TypeRef::Map(value) => format!("BTreeMap<String, {}>", ty(value, names, notation)),
        TypeRef::Nullable(inner) => format!("Option<{}>", ty(inner, names, notation)),
        TypeRef::Object => "Map<String, Value>".to_owned(),
        TypeRef::Any => "Value".to_owned(),
    }
}

/// A Rust type written with the names of `names` (so that a renamed type can go by its new name).
fn rust_text(t: &Ty, names: &Names) -> String {
    let inner = |t: &Ty| rust_text(t, names);
    match t {
        Ty::Named(id) => names.get(*id),
        Ty::Boxed(t) => format!("Box<{}>", inner(t)),
        Ty::Vec(t) => format!("Vec<{}>", inner(t)),
        Ty::Map(t) => format!("BTreeMap<String, {}>", inner(t)),
        Ty::Option(t) => format!("Option<{}>", inner(t)),
        Ty::Nullable(t) => format!("Nullable<{}>", inner(t)),
        Ty::Tuple(items) => {
            let items: Vec<String> = items.iter().map(inner).collect();
            format!("({})", items.join(", "))
        }
        Ty::String => "String".to_owned(),
        Ty::Uuid => "Uuid".to_owned(),
        Ty::DateTime(rust::DateTimeType::FixedOffset) => "DateTime<FixedOffset>".to_owned(),
        Ty::DateTime(rust::DateTimeType::Utc) => "DateTime<Utc>".to_owned(),
        Ty::Date => "NaiveDate".to_owned(),
        Ty::OffsetDateTime => "OffsetDateTime".to_owned(),
        Ty::TimeDate => "Date".to_owned(),
        Ty::Bool => "bool".to_owned(),
        Ty::I32 => "i32".to_owned(),
        Ty::I64 => "i64".to_owned(),
        Ty::F32 => "f32".to_owned(),
        Ty::F64 => "f64".to_owned(),
        Ty::JsonMap => "Map<String, Value>".to_owned(),
        Ty::Value => "Value".to_owned(),
    }
}

fn primitive(p: Primitive, notation: Notation) -> &'static str {
    match (p, notation) {
        (Primitive::Uri, Notation::Format(_)) => "String(uri)",
        (Primitive::Byte, Notation::Format(_)) => "String(byte)",
        (Primitive::Binary, Notation::Format(_)) => "String(binary)",
        (Primitive::Uuid, Notation::Format(Strings { uuid: true, .. })) => "String(uuid)",
        (Primitive::DateTime, Notation::Format(Strings { dates: true, .. })) => "String(date-time)",
        (Primitive::Date, Notation::Format(Strings { dates: true, .. })) => "String(date)",
        (Primitive::String | Primitive::Uri | Primitive::Byte | Primitive::Binary, _) => "String",
        (Primitive::Uuid, _) => "Uuid",
        (Primitive::DateTime, _) => "DateTime<FixedOffset>",
        (Primitive::Date, _) => "NaiveDate",
        (Primitive::Boolean, _) => "bool",
        (Primitive::Int32, _) => "i32",
        (Primitive::Int64, _) => "i64",
        (Primitive::Float, _) => "f32",
        (Primitive::Double, _) => "f64",
    }
}

/// Descriptions compare equal when they differ only in whitespace: inputs re-wrap text freely, and a
/// re-wrapped paragraph is no news.
fn same_doc(a: &Option<String>, b: &Option<String>) -> bool {
    let words = |d: &Option<String>| -> Vec<String> {
        d.as_deref()
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    };
    words(a) == words(b)
}

/// The two models and their names, for comparing one matched pair of types.
struct Cx<'a> {
    old: &'a Model,
    new: &'a Model,
    /// The Rust view of each model: what the emitter writes for a reference.
    old_view: &'a View<'a>,
    new_view: &'a View<'a>,
    /// Rust names of the old model, for showing old types.
    old_names: &'a Names,
    /// Rust names of the new model.
    new_names: &'a Names,
    /// Rust names of the old model with renamed types under their new name, for comparing.
    compare_names: &'a Names,
}

impl Cx<'_> {
    /// Whether an old and a new reference denote the same Rust type: aliases are the types they
    /// name (`pub type FirstName = String;` is `String`), as the emitter writes them.
    fn same_ty(&self, old: &TypeRef, new: &TypeRef) -> bool {
        let old = self.old_view.resolve(&self.old_view.plain(old));
        let new = self.new_view.resolve(&self.new_view.plain(new));
        rust_text(&old, self.compare_names) == rust_text(&new, self.new_names)
    }

    /// For references that are the same Rust type: the old and new [`Notation::Format`], if a string
    /// format changed.
    fn format_change(&self, old: &TypeRef, new: &TypeRef) -> Option<(String, String)> {
        let (old, new) = (self.old.resolve(old), self.new.resolve(new));
        let format = Notation::Format(Strings::of(&self.new_view.options));
        let from = ty(old, self.compare_names, format);
        let to = ty(new, self.new_names, format);
        (from != to).then(|| (ty(old, self.old_names, format), to))
    }

    /// An old reference as the emitter writes it (aliases by their names).
    fn old_ty(&self, t: &TypeRef) -> String {
        rust_text(&self.old_view.plain(t), self.old_names)
    }

    /// A new reference as the emitter writes it.
    fn new_ty(&self, t: &TypeRef) -> String {
        rust_text(&self.new_view.plain(t), self.new_names)
    }

    /// The changes between old type `o` and new type `n`, which match by name or were renamed.
    fn types(&self, o: usize, n: usize) -> Vec<Change> {
        let (a, b) = (&self.old.types[o], &self.new.types[n]);
        let mut out = Vec::new();
        let (old_name, new_name) = (&self.old_names.0[o], &self.new_names.0[n]);
        if old_name != new_name {
            out.push(ChangeKind::TypeRenamed {
                from: old_name.clone(),
            });
        }
        if a.deprecated != b.deprecated {
            out.push(ChangeKind::TypeDeprecated {
                deprecated: b.deprecated,
            });
        }
        if !same_doc(&a.doc, &b.doc) {
            out.push(ChangeKind::TypeDocChanged);
        }
        if a.nullable != b.nullable {
            out.push(ChangeKind::NullableChanged {
                nullable: b.nullable,
            });
        }
        match (&a.kind, &b.kind) {
            (TypeKind::Struct(x), TypeKind::Struct(y)) => self.structs(n, x, y, &mut out),
            (TypeKind::Enum(x), TypeKind::Enum(y)) => enums(x, y, &mut out),
            (TypeKind::Union(x), TypeKind::Union(y)) => self.unions(x, y, &mut out),
            (TypeKind::Alias(x), TypeKind::Alias(y)) => self.aliases(x, y, &mut out),
            (x, y) => out.push(ChangeKind::KindChanged {
                from: kind_of(x),
                to: kind_of(y),
            }),
        }
        out.into_iter().map(Change::new).collect()
    }

    /// Fields in the new order (added or changed), then the removed ones in the old order, then
    /// additional properties.
    fn structs(&self, n: usize, a: &ir::Struct, b: &ir::Struct, out: &mut Vec<ChangeKind>) {
        let olds: BTreeMap<&str, &ir::Field> = by_wire(&a.fields);
        let news: BTreeMap<&str, &ir::Field> = by_wire(&b.fields);
        let mut seen = BTreeSet::new();
        for f in &b.fields {
            if !seen.insert(f.wire_name.as_str()) {
                continue;
            }
            match olds.get(f.wire_name.as_str()) {
                Some(old) => self.fields(n, old, f, out),
                None => out.push(ChangeKind::FieldAdded {
                    field: f.wire_name.clone(),
                    ty: self.new_ty(&f.ty),
                    presence: f.presence,
                }),
            }
        }
        let mut seen = BTreeSet::new();
        for f in &a.fields {
            if seen.insert(f.wire_name.as_str()) && !news.contains_key(f.wire_name.as_str()) {
                out.push(ChangeKind::FieldRemoved {
                    field: f.wire_name.clone(),
                    ty: self.old_ty(&f.ty),
                    presence: f.presence,
                });
            }
        }
        let same = match (&a.additional, &b.additional) {
            (None, None) => true,
            (Some(x), Some(y)) => self.same_ty(x, y),
            _ => false,
        };
        if !same {
            out.push(ChangeKind::AdditionalChanged {
                from: a.additional.as_ref().map(|t| self.old_ty(t)),
                to: b.additional.as_ref().map(|t| self.new_ty(t)),
            });
        }
    }

    fn fields(&self, n: usize, a: &ir::Field, b: &ir::Field, out: &mut Vec<ChangeKind>) {
        let field = || b.wire_name.clone();
        if !self.same_ty(&a.ty, &b.ty) {
            out.push(ChangeKind::FieldTypeChanged {
                field: field(),
                from: self.old_ty(&a.ty),
                to: self.new_ty(&b.ty),
            });
        } else if let Some((from, to)) = self.format_change(&a.ty, &b.ty) {
            out.push(ChangeKind::FormatChanged {
                field: Some(field()),
                from,
                to,
            });
        }
        // As the Rust field has it: a required read-only field is optional in Rust either way.
        let (from, to) = (rust::presence(a), rust::presence(b));
        if from != to {
            out.push(ChangeKind::FieldPresenceChanged {
                field: field(),
                from,
                to,
                optional: self.new_view.optional_style(TypeId(n), b),
            });
        }
        if a.default != b.default {
            out.push(ChangeKind::FieldDefaultChanged {
                field: field(),
                from: a.default.clone(),
                to: b.default.clone(),
            });
        }
        if a.access != b.access {
            out.push(ChangeKind::FieldAccessChanged {
                field: field(),
                from: a.access,
                to: b.access,
            });
        }
        if a.deprecated != b.deprecated {
            out.push(ChangeKind::FieldDeprecated {
                field: field(),
                deprecated: b.deprecated,
            });
        }
        if !same_doc(&a.doc, &b.doc) {
            out.push(ChangeKind::FieldDocChanged { field: field() });
        }
        if a.constraints != b.constraints {
            out.push(ChangeKind::FieldConstraintsChanged { field: field() });
        }
    }

    /// Variants are matched by discriminator value when they have one, by type otherwise.
    fn unions(&self, a: &ir::Union, b: &ir::Union, out: &mut Vec<ChangeKind>) {
        if a.discriminator != b.discriminator {
            out.push(ChangeKind::DiscriminatorChanged {
                from: a.discriminator.clone(),
                to: b.discriminator.clone(),
            });
        }
        let key = |v: &ir::Variant, names: &Names| match &v.tag {
            Some(tag) => (Some(tag.clone()), String::new()),
            None => (None, ty(&v.ty, names, Notation::Rust)),
        };
        let olds: BTreeMap<_, &ir::Variant> = a
            .variants
            .iter()
            .map(|v| (key(v, self.compare_names), v))
            .collect();
        let news: BTreeMap<_, &ir::Variant> = b
            .variants
            .iter()
            .map(|v| (key(v, self.new_names), v))
            .collect();
        let mut seen = BTreeSet::new();
        for v in &b.variants {
            let k = key(v, self.new_names);
            if !seen.insert(k.clone()) {
                continue;
            }
            match (olds.get(&k), &v.tag) {
                (Some(old), Some(tag)) if !self.same_ty(&old.ty, &v.ty) => {
                    out.push(ChangeKind::VariantTypeChanged {
                        tag: tag.clone(),
                        from: self.old_ty(&old.ty),
                        to: self.new_ty(&v.ty),
                    })
                }
                (Some(_), _) => {}
                (None, _) => out.push(ChangeKind::VariantAdded {
                    tag: v.tag.clone(),
                    ty: self.new_ty(&v.ty),
                }),
            }
        }
        let mut seen = BTreeSet::new();
        for v in &a.variants {
            let k = key(v, self.compare_names);
            if seen.insert(k.clone()) && !news.contains_key(&k) {
                out.push(ChangeKind::VariantRemoved {
                    tag: v.tag.clone(),
                    ty: self.old_ty(&v.ty),
                });
            }
        }
        // Order only decides anything when no discriminator does.
        if a.discriminator.is_none() && b.discriminator.is_none() {
            let old_order: Vec<_> = a
                .variants
                .iter()
                .map(|v| key(v, self.compare_names))
                .collect();
            let new_order: Vec<_> = b.variants.iter().map(|v| key(v, self.new_names)).collect();
            let same_set = old_order.iter().collect::<BTreeSet<_>>()
                == new_order.iter().collect::<BTreeSet<_>>();
            if same_set && old_order != new_order {
                out.push(ChangeKind::VariantsReordered {
                    from: a.variants.iter().map(|v| self.old_ty(&v.ty)).collect(),
                    to: b.variants.iter().map(|v| self.new_ty(&v.ty)).collect(),
                });
            }
        }
    }

    fn aliases(&self, a: &ir::Alias, b: &ir::Alias, out: &mut Vec<ChangeKind>) {
        if !self.same_ty(&a.ty, &b.ty) {
            out.push(ChangeKind::AliasTargetChanged {
                from: self.old_ty(&a.ty),
                to: self.new_ty(&b.ty),
            });
        } else if let Some((from, to)) = self.format_change(&a.ty, &b.ty) {
            out.push(ChangeKind::FormatChanged {
                field: None,
                from,
                to,
            });
        }
    }
}

/// Fields by wire name; a duplicated name (an input error) keeps its first field.
fn by_wire(fields: &[ir::Field]) -> BTreeMap<&str, &ir::Field> {
    let mut map = BTreeMap::new();
    for f in fields {
        map.entry(f.wire_name.as_str()).or_insert(f);
    }
    map
}

/// Values in the new order that are new, then values in the old order that are gone.
fn enums(a: &ir::Enum, b: &ir::Enum, out: &mut Vec<ChangeKind>) {
    let ((old_repr, olds), (new_repr, news)) = (enum_values(a), enum_values(b));
    if old_repr != new_repr {
        out.push(ChangeKind::EnumReprChanged {
            from: old_repr,
            to: new_repr,
        });
        return;
    }
    let mut seen = Vec::new();
    for v in &news {
        if !olds.contains(v) && !seen.contains(&v) {
            seen.push(v);
            out.push(ChangeKind::EnumValueAdded { value: v.clone() });
        }
    }
    let mut seen = Vec::new();
    for v in &olds {
        if !news.contains(v) && !seen.contains(&v) {
            seen.push(v);
            out.push(ChangeKind::EnumValueRemoved { value: v.clone() });
        }
    }
}
