//! The readable text form of a [`Diff`]: one block per type, one line per change, a summary.
//!
//! ```text
//! 3.6.0 -> 3.7.0
//!
//! + BiometricToken (struct)  [non-breaking]
//! ~ Webhook
//!   + field name: String (optional)  [breaking]
//!   ~ field url: required -> optional (T -> Nullable<T>)  [breaking]
//! - OldThing (enum)  [breaking]
//!
//! 3 changes in 3 types: 2 breaking, 1 non-breaking
//! ```

use std::fmt::{self, Write as _};

use serde_json::Value;

use super::{wrapped, ChangeKind, Class, Diff};
use crate::ir::{Access, Presence};
use crate::naming;

pub(super) fn text(diff: &Diff, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    if diff.old.version.is_some() || diff.new.version.is_some() {
        let v = |v: &Option<String>| v.clone().unwrap_or_else(|| "(no version)".to_owned());
        writeln!(f, "{} -> {}", v(&diff.old.version), v(&diff.new.version))?;
        writeln!(f)?;
    }
    for t in &diff.types {
        // A type that only appeared or disappeared takes one line; anything else gets a block.
        match t.changes.as_slice() {
            [c] if matches!(
                c.kind,
                ChangeKind::TypeAdded { .. } | ChangeKind::TypeRemoved { .. }
            ) =>
            {
                let (sigil, kind) = match &c.kind {
                    ChangeKind::TypeAdded { kind } => ('+', kind),
                    ChangeKind::TypeRemoved { kind } => ('-', kind),
                    _ => continue,
                };
                writeln!(f, "{sigil} {} ({kind})  [{}]", t.name, c.class)?;
            }
            changes => {
                writeln!(f, "~ {}", t.name)?;
                for c in changes {
                    writeln!(f, "  {}  [{}]", line(&c.kind), c.class)?;
                }
            }
        }
    }
    if !diff.types.is_empty() {
        writeln!(f)?;
    }
    summary(diff, f)
}

fn summary(diff: &Diff, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let total = diff.changes().count();
    if total == 0 {
        return writeln!(f, "no changes");
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    for (class, one, many) in [
        (Class::Breaking, "breaking", "breaking"),
        (Class::NonBreaking, "non-breaking", "non-breaking"),
        (Class::Note, "note", "notes"),
    ] {
        let n = diff.count(class);
        if n > 0 {
            parts.push(plural(n, one, many));
        }
    }
    writeln!(
        f,
        "{} in {}: {}",
        plural(total, "change", "changes"),
        plural(diff.types.len(), "type", "types"),
        parts.join(", ")
    )
}

/// One change, without its class.
fn line(kind: &ChangeKind) -> String {
    let mut s = String::new();
    // Writing to a `String` cannot fail; the results are ignored for that reason only.
    let _ = match kind {
        ChangeKind::TypeAdded { kind } => write!(s, "+ type ({kind})"),
        ChangeKind::TypeRemoved { kind } => write!(s, "- type ({kind})"),
        ChangeKind::TypeRenamed { from } => write!(s, "~ renamed from {from}"),
        ChangeKind::KindChanged { from, to } => write!(s, "~ kind: {from} -> {to}"),
        ChangeKind::TypeDeprecated { deprecated } => write!(s, "~ {}", deprecation(*deprecated)),
        ChangeKind::TypeDocChanged => write!(s, "~ description changed"),
        ChangeKind::FieldAdded {
            field,
            ty,
            presence,
        } => write!(
            s,
            "+ field {}: {ty} ({})",
            ident(field),
            presence_text(*presence)
        ),
        ChangeKind::FieldRemoved {
            field,
            ty,
            presence,
        } => write!(
            s,
            "- field {}: {ty} ({})",
            ident(field),
            presence_text(*presence)
        ),
        ChangeKind::FieldTypeChanged { field, from, to } => {
            write!(s, "~ field {}: {from} -> {to}", ident(field))
        }
        ChangeKind::FieldPresenceChanged {
            field,
            from,
            to,
            optional,
        } => write!(
            s,
            "~ field {}: {} -> {} ({} -> {})",
            ident(field),
            presence_text(*from),
            presence_text(*to),
            wrapped(*from, *optional, "T"),
            wrapped(*to, *optional, "T"),
        ),
        ChangeKind::FieldDefaultChanged { field, from, to } => write!(
            s,
            "~ field {}: default {} -> {}",
            ident(field),
            json_or_none(from.as_ref()),
            json_or_none(to.as_ref())
        ),
        ChangeKind::FieldAccessChanged { field, from, to } => write!(
            s,
            "~ field {}: {} -> {}",
            ident(field),
            access(*from),
            access(*to)
        ),
        ChangeKind::FieldDeprecated { field, deprecated } => {
            write!(s, "~ field {}: {}", ident(field), deprecation(*deprecated))
        }
        ChangeKind::FieldDocChanged { field } => {
            write!(s, "~ field {}: description changed", ident(field))
        }
        ChangeKind::FieldConstraintsChanged { field } => {
            write!(s, "~ field {}: constraints changed", ident(field))
        }
        ChangeKind::AdditionalChanged { from, to } => match (from, to) {
            (None, Some(to)) => write!(s, "+ additional properties: {to}"),
            (Some(from), None) => write!(s, "- additional properties: {from}"),
            (from, to) => write!(
                s,
                "~ additional properties: {} -> {}",
                or_none(from.as_deref()),
                or_none(to.as_deref())
            ),
        },
        ChangeKind::FormatChanged { field, from, to } => match field {
            Some(field) => write!(s, "~ field {}: {from} -> {to}", ident(field)),
            None => write!(s, "~ target: {from} -> {to}"),
        },
        ChangeKind::EnumReprChanged { from, to } => {
            write!(s, "~ values: {} -> {}", repr(*from), repr(*to))
        }
        ChangeKind::EnumValueAdded { value } => write!(s, "+ value {value}"),
        ChangeKind::EnumValueRemoved { value } => write!(s, "- value {value}"),
        ChangeKind::DiscriminatorChanged { from, to } => write!(
            s,
            "~ discriminator: {} -> {}",
            quoted_or_none(from.as_deref()),
            quoted_or_none(to.as_deref())
        ),
        ChangeKind::VariantAdded { tag, ty } => write!(s, "+ variant {}", variant(tag, ty)),
        ChangeKind::VariantRemoved { tag, ty } => write!(s, "- variant {}", variant(tag, ty)),
        ChangeKind::VariantTypeChanged { tag, from, to } => {
            write!(s, "~ variant {}: {from} -> {to}", Value::from(tag.as_str()))
        }
        ChangeKind::VariantsReordered { from, to } => write!(
            s,
            "~ variant order: {} -> {}",
            from.join(", "),
            to.join(", ")
        ),
        ChangeKind::AliasTargetChanged { from, to } => write!(s, "~ target: {from} -> {to}"),
        ChangeKind::NullableChanged { nullable } => {
            if *nullable {
                write!(
                    s,
                    "~ now accepts null (each use is listed where it changes)"
                )
            } else {
                write!(
                    s,
                    "~ no longer accepts null (each use is listed where it changes)"
                )
            }
        }
    };
    s
}

/// The Rust field name, followed by the wire name when serde renames it.
fn ident(wire: &str) -> String {
    match naming::field_ident(wire) {
        (ident, false) => ident,
        (ident, true) => format!("{ident} ({})", Value::from(wire)),
    }
}

fn presence_text(p: Presence) -> &'static str {
    match p {
        Presence::Required => "required",
        Presence::RequiredNullable => "required, nullable",
        Presence::Optional => "optional",
        Presence::OptionalNullable => "optional, nullable",
    }
}

fn access(a: Access) -> &'static str {
    match a {
        Access::ReadWrite => "read-write",
        Access::ReadOnly => "read-only",
        Access::WriteOnly => "write-only",
    }
}

fn repr(r: super::Repr) -> &'static str {
    match r {
        super::Repr::String => "string",
        super::Repr::Integer => "integer",
        super::Repr::Number => "number",
        super::Repr::Boolean => "boolean",
        super::Repr::Mixed => "mixed",
    }
}

fn deprecation(deprecated: bool) -> &'static str {
    if deprecated {
        "deprecated"
    } else {
        "no longer deprecated"
    }
}

fn variant(tag: &Option<String>, ty: &str) -> String {
    match tag {
        Some(tag) => format!("{} => {ty}", Value::from(tag.as_str())),
        None => ty.to_owned(),
    }
}

fn json_or_none(v: Option<&Value>) -> String {
    v.map_or_else(|| "none".to_owned(), Value::to_string)
}

fn or_none(s: Option<&str>) -> &str {
    s.unwrap_or("none")
}

fn quoted_or_none(s: Option<&str>) -> String {
    s.map_or_else(|| "none".to_owned(), |s| Value::from(s).to_string())
}
