//! Replacements for types and field types where an API description is wrong, applied to the IR.
//!
//! A replacement names its target by source name (`webhook_event_payload_resource`) or Rust name
//! (`WebhookEventPayloadResource`), and gives the new type as a small expression:
//! `any`, `object`, `string`, `uuid`, `date-time`, `date`, `uri`, `byte`, `binary`, `boolean`,
//! `integer`/`int64`, `int32`, `number`/`double`, `float`, `[T]` (array of T), `{T}` (map of T), or the
//! name of a type of the model. A replacement whose target is not in the model is an error, so a stale
//! override is noticed when the spec changes.

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::ir::{Alias, Model, Primitive, TypeId, TypeKind, TypeRef};
use crate::naming::upper_camel;

/// Which structs keep the properties their schema does not list, in a flattened map, so a payload
/// read and written back loses nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum UnknownFields {
    /// Only structs whose schema allows `additionalProperties` (the default).
    #[default]
    AsDeclared,
    /// Also these types (source or Rust names).
    Types(Vec<String>),
    /// Every struct.
    All,
}

/// Gives the structs `which` selects a map for unlisted properties.
pub fn keep_unknown_fields(model: &mut Model, which: &UnknownFields, source: &str) -> Result<()> {
    let ids: Vec<TypeId> = match which {
        UnknownFields::AsDeclared => return Ok(()),
        UnknownFields::All => (0..model.types.len()).map(TypeId).collect(),
        UnknownFields::Types(names) => {
            let mut ids = Vec::new();
            let mut errors = Vec::new();
            for name in names {
                match find(model, name) {
                    Ok(id) if matches!(model.get(id).kind, TypeKind::Struct(_)) => ids.push(id),
                    Ok(_) => errors.push(Diagnostic::new(
                        source,
                        format!("unknown fields: `{name}` is not a struct"),
                    )),
                    Err(message) => errors.push(Diagnostic::new(
                        source,
                        format!("unknown fields: {message}"),
                    )),
                }
            }
            if !errors.is_empty() {
                return Err(Error {
                    diagnostics: errors,
                });
            }
            ids
        }
    };
    for id in ids {
        if let TypeKind::Struct(s) = &mut model.types[id.0].kind {
            s.additional.get_or_insert(TypeRef::Any);
        }
    }
    Ok(())
}

/// Checks that every target names a struct of `model` and, for a field, a field of it (by JSON
/// name); `what` names the option in errors.
pub fn check_targets(model: &Model, targets: &[&Target], what: &str, source: &str) -> Result<()> {
    let mut errors = Vec::new();
    for target in targets {
        let name = match target {
            Target::Type(name) | Target::Field(name, _) => name,
        };
        let problem = match (find(model, name), target) {
            (Err(message), _) => Some(message),
            (Ok(id), target) => match (&model.get(id).kind, target) {
                (TypeKind::Struct(s), Target::Field(_, field)) => {
                    (!s.fields.iter().any(|f| f.wire_name == *field))
                        .then(|| format!("`{name}` has no field `{field}`"))
                }
                (TypeKind::Struct(_), Target::Type(_)) => None,
                _ => Some(format!("`{name}` is not a struct")),
            },
        };
        if let Some(problem) = problem {
            errors.push(Diagnostic::new(source, format!("{what}: {problem}")));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error {
            diagnostics: errors,
        })
    }
}

/// What a replacement (or a choice of optional style) applies to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A whole type, which becomes an alias of the new type.
    Type(String),
    /// One field of a struct: type name, JSON name of the field.
    Field(String, String),
}

/// One replacement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    /// What is replaced.
    pub target: Target,
    /// The new type, as an expression: `any`, `object`, `string`, `uuid`, `date-time`, `date`,
    /// `uri`, `byte`, `binary`, `boolean`, `integer`/`int64`, `int32`, `number`/`double`, `float`,
    /// `[T]` (array of T), `{T}` (map of T), or the name of a type of the model.
    pub ty: String,
    /// Why, for the generated docs (the evidence that the spec is wrong).
    pub reason: Option<String>,
}

/// Applies `overrides` to `model` in order. `source` names the input in errors.
pub fn apply(model: &mut Model, overrides: &[Override], source: &str) -> Result<()> {
    let mut errors = Vec::new();
    for o in overrides {
        if let Err(message) = apply_one(model, o) {
            errors.push(Diagnostic::new(source, format!("override: {message}")));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error {
            diagnostics: errors,
        })
    }
}

fn apply_one(model: &mut Model, o: &Override) -> std::result::Result<(), String> {
    let ty = parse(&o.ty, model)?;
    let note = o
        .reason
        .as_ref()
        .map(|r| format!("Type replaced by the generator's configuration: {r}"));
    match &o.target {
        Target::Type(name) => {
            let id = find(model, name)?;
            let def = &mut model.types[id.0];
            def.kind = TypeKind::Alias(Alias { ty });
            if let Some(note) = note {
                let doc = def.doc.get_or_insert_with(String::new);
                if !doc.is_empty() {
                    doc.push_str("\n\n");
                }
                doc.push_str(&note);
            }
        }
        Target::Field(name, field) => {
            let id = find(model, name)?;
            let TypeKind::Struct(s) = &mut model.types[id.0].kind else {
                return Err(format!(
                    "`{name}` is not a struct, so it has no field `{field}`"
                ));
            };
            let Some(f) = s.fields.iter_mut().find(|f| f.wire_name == *field) else {
                return Err(format!("`{name}` has no field `{field}`"));
            };
            f.ty = ty;
            if note.is_some() {
                f.note = note;
            }
        }
    }
    Ok(())
}

/// What `overrides` replace in `model`: whole types `(id, None)` and fields `(id, Some(json name))`.
/// A problem of the input found inside one of them does not matter any more.
pub fn replaced(
    model: &Model,
    overrides: &[Override],
) -> std::collections::BTreeSet<(TypeId, Option<String>)> {
    overrides
        .iter()
        .filter_map(|o| match &o.target {
            Target::Type(name) => find(model, name).ok().map(|id| (id, None)),
            Target::Field(name, field) => {
                find(model, name).ok().map(|id| (id, Some(field.clone())))
            }
        })
        .collect()
}

/// The type named `name` (source or Rust name), if the model has one.
pub(crate) fn find_type(model: &Model, name: &str) -> Option<TypeId> {
    find(model, name).ok()
}

fn find(model: &Model, name: &str) -> std::result::Result<TypeId, String> {
    model
        .find(name)
        .or_else(|| {
            model
                .types
                .iter()
                .position(|t| upper_camel(&t.name) == name)
                .map(TypeId)
        })
        .ok_or_else(|| format!("the input has no type `{name}`"))
}

/// Parses a type expression.
pub fn parse(expr: &str, model: &Model) -> std::result::Result<TypeRef, String> {
    let e = expr.trim();
    if let Some(inner) = e.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return Ok(TypeRef::Array(Box::new(parse(inner, model)?)));
    }
    if let Some(inner) = e.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        return Ok(TypeRef::Map(Box::new(parse(inner, model)?)));
    }
    let primitive = match e {
        "any" => return Ok(TypeRef::Any),
        "object" => return Ok(TypeRef::Object),
        "string" => Primitive::String,
        "uuid" => Primitive::Uuid,
        "date-time" => Primitive::DateTime,
        "date" => Primitive::Date,
        "uri" => Primitive::Uri,
        "byte" => Primitive::Byte,
        "binary" => Primitive::Binary,
        "boolean" => Primitive::Boolean,
        "integer" | "int64" => Primitive::Int64,
        "int32" => Primitive::Int32,
        "number" | "double" => Primitive::Double,
        "float" => Primitive::Float,
        "" => return Err(format!("empty type in `{expr}`")),
        name => {
            return find(model, name)
                .map(TypeRef::Named)
                .map_err(|_| format!("unknown type `{name}` in `{expr}`"))
        }
    };
    Ok(TypeRef::Primitive(primitive))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Field, Presence, Struct, TypeDef};

    fn model() -> Model {
        let field = Field::new("output", TypeRef::Object, Presence::Optional);
        Model {
            title: None,
            version: None,
            types: vec![TypeDef::new(
                "task",
                "t.yaml#/task",
                TypeKind::Struct(Struct {
                    fields: vec![field],
                    additional: None,
                }),
            )],
        }
    }

    fn field_override(ty: &str) -> Override {
        Override {
            target: Target::Field("Task".into(), "output".into()),
            ty: ty.into(),
            reason: None,
        }
    }

    #[test]
    fn parses_type_expressions() {
        let m = model();
        assert_eq!(
            parse("[{uuid}]", &m),
            Ok(TypeRef::Array(Box::new(TypeRef::Map(Box::new(
                TypeRef::Primitive(Primitive::Uuid)
            )))))
        );
        assert_eq!(parse("task", &m), Ok(TypeRef::Named(TypeId(0))));
        assert_eq!(parse("Task", &m), Ok(TypeRef::Named(TypeId(0))));
        assert!(parse("nope", &m)
            .unwrap_err()
            .contains("unknown type `nope`"));
    }

    #[test]
    fn replaces_a_field_type_by_rust_or_source_name() {
        let mut m = model();
        apply(&mut m, &[field_override("any")], "spec.yaml").unwrap();
        let TypeKind::Struct(s) = &m.types[0].kind else {
            unreachable!()
        };
        assert_eq!(s.fields[0].ty, TypeRef::Any);
    }

    #[test]
    fn stale_overrides_are_errors() {
        let mut m = model();
        let o = Override {
            target: Target::Field("task".into(), "missing".into()),
            ty: "any".into(),
            reason: None,
        };
        let err = apply(&mut m, &[o], "spec.yaml").unwrap_err().to_string();
        assert_eq!(
            err,
            "error: spec.yaml: override: `task` has no field `missing`"
        );
    }
}
