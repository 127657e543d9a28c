//! The language-neutral model that every input produces and every output consumes.
//!
//! The IR knows nothing of YAML, markdown or Rust syntax. Types are referred to by [`TypeId`], an index
//! into [`Model::types`], allocated for every named schema before any schema is lowered, so forward and
//! circular references need no special handling. Everything is ordered (`Vec`, never hash order), so the
//! same input always gives the same IR, and the IR serializes to stable JSON (`modelgen ir`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Everything an input describes: the named types of one API.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// The API's title (`info.title`), when the input has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The API's version (`info.version`), when the input has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The named types; a [`TypeId`] is an index into this list.
    pub types: Vec<TypeDef>,
}

impl Model {
    /// The type that `id` refers to.
    pub fn get(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    /// The type whose source name is `name`, if there is one.
    pub fn find(&self, name: &str) -> Option<TypeId> {
        self.types.iter().position(|t| t.name == name).map(TypeId)
    }
}

/// Index of a type in [`Model::types`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TypeId(pub usize);

/// One named type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TypeDef {
    /// The name as the input spells it (`workflow_run`, `Applicants_list`, `DocumentCDQReasons`), or the
    /// name given to an inline schema (`workflow_run_link_language`). The naming stage derives the Rust
    /// name from it.
    pub name: String,
    /// Where the type is defined: `file#/json/pointer` for a spec, `file:line` for docs.
    pub origin: String,
    /// The description, as plain text (markdown allowed, HTML entities already decoded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// `deprecated: true` in the input.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deprecated: bool,
    /// Example values of the whole type (`example`, `examples`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Value>,
    /// What the type is.
    pub kind: TypeKind,
}

/// The shape of a named type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeKind {
    /// An object with known properties.
    Struct(Struct),
    /// A closed set of string or integer values.
    Enum(Enum),
    /// One of several types (`oneOf`/`anyOf`).
    Union(Union),
    /// Another name for a type (`allOf: [$ref]`, a named array, a named map, a named primitive).
    Alias(Alias),
}

/// An object with known properties.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Struct {
    /// The properties, in input order.
    pub fields: Vec<Field>,
    /// The type of properties not listed in `fields` (`additionalProperties`), if the input allows any.
    /// `None` means the input says nothing or forbids them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional: Option<TypeRef>,
}

/// One property of a struct.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The JSON name.
    pub wire_name: String,
    /// The value's type.
    pub ty: TypeRef,
    /// Whether the field must be present and whether it may be `null`.
    pub presence: Presence,
    /// The value the field takes when absent (`default`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    /// `readOnly` / `writeOnly`.
    #[serde(default, skip_serializing_if = "Access::is_read_write")]
    pub access: Access,
    /// `deprecated: true` in the input.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deprecated: bool,
    /// The description (HTML entities decoded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// Validation keywords.
    #[serde(default, skip_serializing_if = "Constraints::is_empty")]
    pub constraints: Constraints,
    /// Example values (`example`, `examples`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Value>,
    /// Something the input could not say exactly, recorded for humans (for example a JSON name recovered
    /// from a language-specific name in docs). Emitted as a doc note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    fn is_read_write(&self) -> bool {
        *self == Access::ReadWrite
    }
}

/// Validation keywords of a field or of array items.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Constraints {
    /// `minLength`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    /// `maxLength`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    /// `pattern`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// `minimum` (`exclusiveMinimum` in [`Constraints::exclusive_minimum`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<f64>,
    /// `maximum`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<f64>,
    /// The minimum is exclusive.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive_minimum: bool,
    /// The maximum is exclusive.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive_maximum: bool,
    /// `minItems`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u64>,
    /// `maxItems`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
    /// `uniqueItems`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unique_items: bool,
    /// The constraints of an array's items (`items: {maxLength: 128}`), when it has some.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<Constraints>>,
}

impl Constraints {
    /// No keyword is set.
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// A closed set of values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "repr", content = "values", rename_all = "snake_case")]
pub enum Enum {
    /// String values, in input order.
    String(Vec<String>),
    /// Integer values, in input order.
    Integer(Vec<i64>),
}

/// One of several types.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Union {
    /// The property whose value says which variant a value is (`discriminator.propertyName`); `None`
    /// for an untagged union, where the first variant that fits wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discriminator: Option<String>,
    /// The variants, in input order.
    pub variants: Vec<Variant>,
}

/// One variant of a union.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    /// The discriminator value of this variant (tagged unions only). Several values may lead to the
    /// same type: each is a variant of its own, so the value survives a round trip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// The variant's type.
    pub ty: TypeRef,
}

/// Another name for a type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alias {
    /// The aliased type.
    pub ty: TypeRef,
    /// The aliased value may be `null`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nullable: bool,
}

/// A reference to a type, as fields, items and variants use it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "of", rename_all = "snake_case")]
pub enum TypeRef {
    /// A named type of the model.
    Named(TypeId),
    /// A scalar.
    Primitive(Primitive),
    /// A JSON array.
    Array(Box<TypeRef>),
    /// A JSON object with arbitrary keys and values of one type (`additionalProperties: T`).
    Map(Box<TypeRef>),
    /// A JSON object with arbitrary keys and values (`type: object` without properties).
    Object,
    /// Any JSON value (no `type`, or a payload the input does not describe).
    Any,
}

/// A scalar type, with its format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
