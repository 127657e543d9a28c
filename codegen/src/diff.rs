//! The semantic diff of two models: what changed for a user of the generated Rust crate, and whether
//! it breaks them.
//!
//! Types are matched by their Rust name ([`crate::naming::TypeNames`]), fields by their wire name, and
//! type references are compared by the Rust names of the types they point at, because [`TypeId`]s of
//! two models have nothing to do with each other. A type that disappears while exactly one type of
//! the same shape appears (and that type matches no other removed one) is reported as renamed.
//!
//! # What "breaking" means
//!
//! The generated crate is an ordinary Rust API, so a change is [`Class::Breaking`] when code that
//! compiled against the models generated from the old spec may fail to compile against the new ones
//! (the rules of the Cargo book's "SemVer compatibility" chapter), or when the new models reject, or
//! decode differently, a payload the old ones accepted. Everything else that changes the generated
//! code or the API's contract is [`Class::NonBreaking`]; reworded descriptions are [`Class::Note`]s
//! and are left out unless [`Options::notes`] asks for them.
//!
//! The rules follow from how the emitter shapes fields: a required field is a plain `T`, a required
//! nullable field is `Option<T>`, an optional field (nullable or not) is the tri-state `Nullable<T>`
//! (absent / null / value) with `#[serde(default)]`, or an `Option<T>` where [`Options::types`]
//! chooses [`OptionalStyle::Option`]; string and integer enums get a fallback
//! `Unknown(String)` / `Unknown(i64)` variant; neither structs nor enums are `#[non_exhaustive]`, and
//! a struct derives `Default` only when all its fields are optional. [`ChangeKind::class`] gives the
//! reasoning for every kind of change, next to the rule.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ir::{Access, Model, Presence, TypeId};
use crate::rust::OptionalStyle;

mod compare;
mod render;
#[cfg(test)]
mod tests;

/// Compares two models and reports the changes a Rust user needs to know about (no [`Class::Note`]s).
pub fn diff(old: &Model, new: &Model) -> Diff {
    diff_with(old, new, &Options::default())
}

/// Compares two models, as [`diff`], with options.
pub fn diff_with(old: &Model, new: &Model, options: &Options) -> Diff {
    compare::run(old, new, options)
}

/// What [`diff_with`] reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Also report doc-only changes ([`Class::Note`]).
    pub notes: bool,
    /// The Rust type choices the generated code makes (dates, uuid, float, optional fields), so
    /// that types compare as the emitter writes them.
    pub types: crate::rust::TypeOptions,
}

impl Options {
    /// Reports doc-only changes too (`&mut self` setter, as the crate's builders).
    pub fn notes(&mut self, notes: bool) -> &mut Self {
        self.notes = notes;
        self
    }
}

/// The changes between two models, grouped by type.
///
/// This is also the JSON output of `modelgen diff --format json`. The format is stable: fields and
/// change kinds may be added, existing ones keep their names and meaning. An example:
///
/// ```json
/// {
///   "old": { "title": "Onfido Public API v3.6", "version": "v3.6" },
///   "new": { "title": "Onfido Public API v3.6", "version": "v3.6" },
///   "types": [
///     {
///       "name": "Webhook",
///       "changes": [
///         { "class": "breaking", "change": "field_added", "field": "name",
///           "ty": "String", "presence": "optional" }
///       ]
///     }
///   ]
/// }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Diff {
    /// Title and version of the old model.
    pub old: ModelInfo,
    /// Title and version of the new model.
    pub new: ModelInfo,
    /// The types with at least one change, sorted by Rust name.
    pub types: Vec<TypeDiff>,
}

impl Diff {
    /// Some change is [`Class::Breaking`] (`--fail-on breaking`).
    pub fn has_breaking(&self) -> bool {
        self.count(Class::Breaking) > 0
    }

    /// Some change is more than a [`Class::Note`] (`--fail-on any`).
    pub fn has_changes(&self) -> bool {
        self.count(Class::Breaking) + self.count(Class::NonBreaking) > 0
    }

    /// How many changes are of `class`.
    pub fn count(&self, class: Class) -> usize {
        self.changes().filter(|(_, c)| c.class == class).count()
    }

    /// Every change with the Rust name of its type, in report order.
    pub fn changes(&self) -> impl Iterator<Item = (&str, &Change)> {
        self.types
            .iter()
            .flat_map(|t| t.changes.iter().map(move |c| (t.name.as_str(), c)))
    }

    /// The readable report (the same as `Display`): one block per type, a summary line at the end.
    pub fn to_text(&self) -> String {
        self.to_string()
    }

    /// The JSON report, pretty-printed.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(self)
    }
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        render::text(self, f)
    }
}

/// The title and version of a compared model.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelInfo {
    /// `info.title`, when the input has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `info.version`, when the input has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The changes of one type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TypeDiff {
    /// The Rust name: in the new model, or in the old one for a removed type.
    pub name: String,
    /// The changes: those of the type itself first, then those of its fields, values or variants.
    pub changes: Vec<Change>,
}

/// One change and what it means for a user of the generated crate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Whether it breaks users ([`ChangeKind::class`]); repeated here so JSON readers need not know
    /// the rules.
    pub class: Class,
    /// What changed.
    #[serde(flatten)]
    pub kind: ChangeKind,
}

impl Change {
    /// A change, classified by [`ChangeKind::class`].
    pub fn new(kind: ChangeKind) -> Self {
        Change {
            class: kind.class(),
            kind,
        }
    }
}

/// How a change affects a user of the generated crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// Code written against the old models may stop compiling, or a payload the old models accepted
    /// may be rejected or decoded differently.
    Breaking,
    /// The generated code or the wire contract changes, but code written against the old models
    /// keeps compiling and decoding as before.
    NonBreaking,
    /// Only doc comments change. Not reported unless [`Options::notes`] is set.
    Note,
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Class::Breaking => "breaking",
            Class::NonBreaking => "non-breaking",
            Class::Note => "note",
        })
    }
}

/// Which of the four IR kinds a type is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A struct.
    Struct,
    /// A string or integer enum.
    Enum,
    /// A union (`oneOf` / `anyOf`).
    Union,
    /// An alias.
    Alias,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Struct => "struct",
            Kind::Enum => "enum",
            Kind::Union => "union",
            Kind::Alias => "alias",
        })
    }
}

pub use crate::ir::Repr;

/// What changed. Types are written as the Rust types the emitter generates, without paths
/// (`Vec<String>`, `BTreeMap<String, Uuid>`, `DateTime<FixedOffset>`, model types by Rust name), and
/// field types without the `Option` / `Nullable` wrapper that the [`Presence`] adds. Fields are
/// named by wire name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ChangeKind {
    /// A type appeared.
    TypeAdded {
        /// Its kind.
        kind: Kind,
    },
    /// A type disappeared.
    TypeRemoved {
        /// Its kind.
        kind: Kind,
    },
    /// A type disappeared and one of identical shape appeared under another Rust name.
    TypeRenamed {
        /// The old Rust name.
        from: String,
    },
    /// A type is now of another kind (a struct became an enum, ...). Its contents are not compared.
    KindChanged {
        /// The old kind.
        from: Kind,
        /// The new kind.
        to: Kind,
    },
    /// A type became deprecated, or stopped being so.
    TypeDeprecated {
        /// Whether it is deprecated now.
        deprecated: bool,
    },
    /// A type's description changed.
    TypeDocChanged,
    /// A struct gained a field.
    FieldAdded {
        /// Wire name.
        field: String,
        /// Declared type.
        ty: String,
        /// Presence.
        presence: Presence,
    },
    /// A struct lost a field.
    FieldRemoved {
        /// Wire name.
        field: String,
        /// Declared type.
        ty: String,
        /// Presence.
        presence: Presence,
    },
    /// A field's declared type changed.
    FieldTypeChanged {
        /// Wire name.
        field: String,
        /// Old declared type.
        from: String,
        /// New declared type.
        to: String,
    },
    /// A field became required or optional, nullable or not.
    FieldPresenceChanged {
        /// Wire name.
        field: String,
        /// Old presence.
        from: Presence,
        /// New presence.
        to: Presence,
        /// The style of the field when optional (in the new model); left out when `nullable`.
        #[serde(default, skip_serializing_if = "OptionalStyle::is_nullable")]
        optional: OptionalStyle,
    },
    /// A field's `default` changed.
    FieldDefaultChanged {
        /// Wire name.
        field: String,
        /// Old default.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<Value>,
        /// New default.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<Value>,
    },
    /// A field became read-only, write-only or read-write.
    FieldAccessChanged {
        /// Wire name.
        field: String,
        /// Old access.
        from: Access,
        /// New access.
        to: Access,
    },
    /// A field became deprecated, or stopped being so.
    FieldDeprecated {
        /// Wire name.
        field: String,
        /// Whether it is deprecated now.
        deprecated: bool,
    },
    /// A field's description changed.
    FieldDocChanged {
        /// Wire name.
        field: String,
    },
    /// A field's validation keywords (length, pattern, range, ...) changed.
    FieldConstraintsChanged {
        /// Wire name.
        field: String,
    },
    /// A string format that the emitter maps to `String` changed (`uri`, `byte`, `binary` or none;
    /// also `uuid`, `date-time` and `date` when the type choices make them `String`s), so the Rust
    /// type stayed. Written with the format: `String(uri)`, `Vec<String(byte)>`.
    FormatChanged {
        /// Wire name of the field; `None` for an alias's target.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        field: Option<String>,
        /// Old type, with formats.
        from: String,
        /// New type, with formats.
        to: String,
    },
    /// The type of properties outside the listed fields (`additionalProperties`) changed, appeared or
    /// disappeared.
    AdditionalChanged {
        /// The old type, if any were allowed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        /// The new type, if any are allowed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<String>,
    },
    /// An enum switched between string and integer values. Its values are not compared.
    EnumReprChanged {
        /// The old representation.
        from: Repr,
        /// The new representation.
        to: Repr,
    },
    /// An enum gained a value.
    EnumValueAdded {
        /// The value (a JSON string or integer).
        value: Value,
    },
    /// An enum lost a value.
    EnumValueRemoved {
        /// The value (a JSON string or integer).
        value: Value,
    },
    /// A union's discriminator property changed, appeared or disappeared.
    DiscriminatorChanged {
        /// The old property.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        /// The new property.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<String>,
    },
    /// A union gained a variant.
    VariantAdded {
        /// The discriminator value, for a tagged variant.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tag: Option<String>,
        /// The variant's type.
        ty: String,
    },
    /// A union lost a variant.
    VariantRemoved {
        /// The discriminator value, for a tagged variant.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tag: Option<String>,
        /// The variant's type.
        ty: String,
    },
    /// A tagged variant now carries another type.
    VariantTypeChanged {
        /// The discriminator value.
        tag: String,
        /// The old type.
        from: String,
        /// The new type.
        to: String,
    },
    /// The variants of an untagged union are the same but in another order.
    VariantsReordered {
        /// The old order.
        from: Vec<String>,
        /// The new order.
        to: Vec<String>,
    },
    /// An alias points at another type.
    AliasTargetChanged {
        /// The old target.
        from: String,
        /// The new target.
        to: String,
    },
    /// A type started or stopped accepting `null`.
    NullableChanged {
        /// Whether it is nullable now.
        nullable: bool,
    },
}

impl ChangeKind {
    /// Whether this change breaks users of the generated crate; the reasoning is in the comments.
    pub fn class(&self) -> Class {
        match self {
            // A new type is a new item: nothing that compiled before refers to it.
            ChangeKind::TypeAdded { .. } => Class::NonBreaking,
            // Code that names the type stops compiling. A rename is a removal plus an addition for
            // everyone who wrote the old name.
            ChangeKind::TypeRemoved { .. } | ChangeKind::TypeRenamed { .. } => Class::Breaking,
            // A struct, an enum and a type alias are used in incompatible ways (field access,
            // `match`, ...), and the JSON shape changes too.
            ChangeKind::KindChanged { .. } => Class::Breaking,
            // The emitter says "Deprecated" in the doc comment (no `#[deprecated]`, so no new
            // warning), yet a deprecation announces a future removal, which is worth a line even
            // when descriptions are not shown.
            ChangeKind::TypeDeprecated { .. } | ChangeKind::FieldDeprecated { .. } => {
                Class::NonBreaking
            }
            // Only the doc comment changes.
            ChangeKind::TypeDocChanged | ChangeKind::FieldDocChanged { .. } => Class::Note,
            // A new required field breaks struct literals, and old payloads without it no longer
            // deserialize. A new optional field (`Nullable<T>` with `#[serde(default)]`) reads old
            // payloads and is absent when written, so the wire contract is unchanged; this is the
            // change APIs make most, and a CI gate that failed on each one would be switched off.
            // It does break a struct literal that lists every field (the structs are not
            // `#[non_exhaustive]`); the report shows the presence, and the README tells users to
            // build all-optional structs with `..Default::default()`.
            ChangeKind::FieldAdded { presence, .. } if !presence.is_required() => {
                Class::NonBreaking
            }
            ChangeKind::FieldAdded { .. } => Class::Breaking,
            // Code that reads or sets the field stops compiling.
            ChangeKind::FieldRemoved { .. } => Class::Breaking,
            // The Rust type of the field changes: reads, writes and literals stop compiling.
            ChangeKind::FieldTypeChanged { .. } => Class::Breaking,
            // Presence decides the Rust wrapper: `T` (required), `Option<T>` (required, nullable),
            // `Nullable<T>` (optional, with or without null). Every change of wrapper is a type
            // change; optional <-> optional-nullable keeps `Nullable<T>`, which already has a
            // `Null` state, so code keeps compiling and decoding.
            // With `Option` style, an optional field is an `Option<T>` like a required nullable one:
            // the type stays (the wire contract changes, which the report shows).
            ChangeKind::FieldPresenceChanged {
                from, to, optional, ..
            } => {
                if wrapper(*from, *optional) == wrapper(*to, *optional) {
                    Class::NonBreaking
                } else {
                    Class::Breaking
                }
            }
            // The generated code changes at most in its docs (the emitter notes defaults and
            // read-only / write-only there; it does not enforce validation keywords), so nothing
            // stops compiling or decoding. But unlike a reworded description these change the
            // contract: what the API assumes for an absent field, which way a field travels, which
            // values the API accepts. A user should hear of them, so they are not mere notes.
            ChangeKind::FieldDefaultChanged { .. }
            | ChangeKind::FieldAccessChanged { .. }
            | ChangeKind::FieldConstraintsChanged { .. } => Class::NonBreaking,
            // `uri`, `byte`, `binary` and plain strings are all `String` in Rust: the code keeps
            // compiling and decoding; the meaning of the text changed.
            ChangeKind::FormatChanged { .. } => Class::NonBreaking,
            // Additional properties become a flattened map field: gaining, losing or retyping it is
            // the same as for any other field.
            ChangeKind::AdditionalChanged { .. } => Class::Breaking,
            // String and integer enums are different Rust types (the `Unknown` payload changes) and
            // different JSON.
            ChangeKind::EnumReprChanged { .. } => Class::Breaking,
            // The `Unknown(..)` fallback means an old crate still *reads* payloads with the new
            // value, but the new crate has a new variant, and an exhaustive `match` over the enum
            // (allowed: it is not `#[non_exhaustive]`) stops compiling. Code that matched
            // `Unknown("new_value")` also silently stops seeing it.
            ChangeKind::EnumValueAdded { .. } => Class::Breaking,
            // The variant disappears: code naming it stops compiling, and the value now decodes as
            // `Unknown`.
            ChangeKind::EnumValueRemoved { .. } => Class::Breaking,
            // The union's JSON representation changes: payloads decode differently or not at all.
            ChangeKind::DiscriminatorChanged { .. } => Class::Breaking,
            // As for enum values: a new variant breaks exhaustive `match`es, a removed one breaks
            // code naming it. (A tagged union has an `Unknown(Value)` fallback, so an old crate
            // still reads a new tag; an untagged one has none, so an old crate may fail to read a
            // value of the new variant.)
            ChangeKind::VariantAdded { .. } | ChangeKind::VariantRemoved { .. } => Class::Breaking,
            // The variant's payload type changes.
            ChangeKind::VariantTypeChanged { .. } => Class::Breaking,
            // In an untagged union the first variant that fits wins, so a value that fits several
            // variants may now decode as another one.
            ChangeKind::VariantsReordered { .. } => Class::Breaking,
            // The alias denotes another Rust type.
            ChangeKind::AliasTargetChanged { .. } => Class::Breaking,
            // The type's own definition stays; the fields and items that use it change their
            // wrapper (`T` <-> `Option<T>`), and each of those is reported and classed on its own.
            ChangeKind::NullableChanged { .. } => Class::NonBreaking,
        }
    }
}

/// The Rust wrapper the emitter puts around a field of this presence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wrapper {
    /// `T`.
    Plain,
    /// `Option<T>`.
    Option,
    /// `Nullable<T>`.
    Nullable,
}

fn wrapper(presence: Presence, optional: OptionalStyle) -> Wrapper {
    match (presence, optional) {
        (Presence::Required, _) => Wrapper::Plain,
        (Presence::RequiredNullable, _) => Wrapper::Option,
        (Presence::Optional | Presence::OptionalNullable, OptionalStyle::Nullable) => {
            Wrapper::Nullable
        }
        (Presence::Optional | Presence::OptionalNullable, OptionalStyle::Option) => Wrapper::Option,
    }
}

/// The Rust type of a field of declared type `ty` (in the diff's notation), `presence` and style.
fn wrapped(presence: Presence, optional: OptionalStyle, ty: &str) -> String {
    match wrapper(presence, optional) {
        Wrapper::Plain => ty.to_owned(),
        Wrapper::Option => format!("Option<{ty}>"),
        Wrapper::Nullable => format!("Nullable<{ty}>"),
    }
}

/// The Rust names of a model's types by id, computed once. Unlike [`crate::naming::TypeNames::get`],
/// looking up an id that is out of range gives a placeholder instead of panicking, so a hand-edited
/// IR (`modelgen ir` output fed back in) cannot crash the diff.
struct Names(Vec<String>);

impl Names {
    fn new(model: &Model) -> Self {
        let names = crate::naming::TypeNames::new(model);
        Names(
            (0..model.types.len())
                .map(|i| names.get(TypeId(i)).to_owned())
                .collect(),
        )
    }

    fn get(&self, id: TypeId) -> String {
        match self.0.get(id.0) {
            Some(name) => name.clone(),
            None => format!("<missing type #{}>", id.0),
        }
    }
}
