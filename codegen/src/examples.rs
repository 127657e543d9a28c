//! Checks the examples of an API description against its own types, before any code exists.
//!
//! An example the models cannot read is a bug of the spec. The checker follows what the generated
//! models accept, so it flags exactly what would fail to deserialize: a wrong JSON type, a missing
//! required field, `null` where a required field may not be `null`, a malformed UUID, date or
//! date-time, an integer out of range, and a property the schema does not list (the model would drop
//! it, so the example would not be written back unchanged, which its doctest checks). It is as
//! tolerant as the models where they are tolerant: unknown enum values and union tags are fine, and
//! optional fields may be `null`.

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::ir::{Model, Presence, Primitive, Repr, Struct, TypeId, TypeKind, TypeRef, Union};

/// The problems of `example` as a value of type `id`, each as `path: what`; empty when it fits.
pub fn check(model: &Model, id: TypeId, example: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    check_ref(model, &TypeRef::Named(id), example, "", &mut problems, 0);
    problems
}

/// The first few problems in one line: a broken example of a big schema can have hundreds.
pub fn summary(problems: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut text = problems
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > SHOWN {
        text.push_str(&format!("; and {} more", problems.len() - SHOWN));
    }
    text
}

/// Every example of `model` that does not fit its type, as warnings naming the type's origin.
pub fn warnings(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, def) in model.types.iter().enumerate() {
        for (n, example) in def.examples.iter().enumerate() {
            let problems = check(model, TypeId(i), example);
            if !problems.is_empty() {
                let (file, pointer) = def.origin.split_once('#').unwrap_or((&def.origin, ""));
                out.push(
                    Diagnostic::new(
                        file,
                        format!(
                            "example {} of `{}` does not fit its schema: {}",
                            n + 1,
                            def.name,
                            summary(&problems)
                        ),
                    )
                    .at_pointer(format!("#{pointer}")),
                );
            }
        }
    }
    out
}

/// How deep a value is followed: examples are small, and recursive types must end.
const MAX_DEPTH: usize = 64;

fn check_ref(
    model: &Model,
    ty: &TypeRef,
    v: &Value,
    path: &str,
    out: &mut Vec<String>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let at = |p: &str| {
        if p.is_empty() {
            "/".to_owned()
        } else {
            p.to_owned()
        }
    };
    let mut wrong = |expected: &str| {
        out.push(format!(
            "{}: expected {expected}, found {}",
            at(path),
            kind(v)
        ))
    };
    if v.is_null() && model.accepts_null(ty) {
        return;
    }
    match model.resolve(ty) {
        TypeRef::Any => {}
        TypeRef::Nullable(inner) => check_ref(model, inner, v, path, out, depth + 1),
        TypeRef::Tuple(items) => match v {
            Value::Array(values) if values.len() == items.len() => {
                for (i, (item, item_value)) in items.iter().zip(values).enumerate() {
                    check_ref(
                        model,
                        item,
                        item_value,
                        &format!("{path}/{i}"),
                        out,
                        depth + 1,
                    );
                }
            }
            Value::Array(values) => wrong(&format!(
                "an array of {} items, not {}",
                items.len(),
                values.len()
            )),
            _ => wrong("an array"),
        },
        TypeRef::Object => {
            if !v.is_object() {
                wrong("an object");
            }
        }
        TypeRef::Array(item) => match v {
            Value::Array(items) => {
                for (i, item_value) in items.iter().enumerate() {
                    check_ref(
                        model,
                        item,
                        item_value,
                        &format!("{path}/{i}"),
                        out,
                        depth + 1,
                    );
                }
            }
            _ => wrong("an array"),
        },
        TypeRef::Map(value) => match v {
            Value::Object(map) => {
                for (k, item_value) in map {
                    check_ref(
                        model,
                        value,
                        item_value,
                        &format!("{path}/{k}"),
                        out,
                        depth + 1,
                    );
                }
            }
            _ => wrong("an object"),
        },
        TypeRef::Primitive(p) => {
            if let Some(expected) = primitive_problem(*p, v) {
                wrong(expected);
            }
        }
        TypeRef::Named(id) => match &model.get(*id).kind {
            TypeKind::Struct(s) => check_struct(model, s, v, path, out, depth),
            TypeKind::Enum(e) => {
                let (fits, expected) = match e.repr() {
                    Repr::String => (v.is_string(), "a string"),
                    Repr::Integer => (v.is_i64(), "an integer"),
                    Repr::Number => (v.is_number(), "a number"),
                    Repr::Boolean => (v.is_boolean(), "a boolean"),
                    Repr::Mixed => (
                        v.is_string() || v.is_number() || v.is_boolean(),
                        "a string, number or boolean",
                    ),
                };
                if !fits {
                    wrong(expected);
                }
            }
            TypeKind::Union(u) => check_union(model, u, v, path, out, depth),
            // Only a loop of aliases, which the model's check rejects, ends at an alias.
            TypeKind::Alias(_) => {}
        },
    }
}

fn check_struct(
    model: &Model,
    s: &Struct,
    v: &Value,
    path: &str,
    out: &mut Vec<String>,
    depth: usize,
) {
    let Value::Object(map) = v else {
        out.push(format!(
            "{}: expected an object, found {}",
            if path.is_empty() { "/" } else { path },
            kind(v)
        ));
        return;
    };
    for field in &s.fields {
        let field_path = format!("{path}/{}", field.wire_name);
        match (map.get(&field.wire_name), field.presence) {
            (None, Presence::Required) => out.push(format!("{field_path}: required, but missing")),
            // Read as `None` when absent, so written back as `null`: not the example.
            (None, _) if crate::rust::presence(field) == Presence::RequiredNullable => {
                out.push(format!("{field_path}: required, but missing"))
            }
            (Some(Value::Null), Presence::Required) => {
                out.push(format!("{field_path}: may not be null"))
            }
            (None | Some(Value::Null), _) => {}
            (Some(value), _) => check_ref(model, &field.ty, value, &field_path, out, depth + 1),
        }
    }
    for (k, value) in map {
        if s.fields.iter().any(|f| f.wire_name == *k) {
            continue;
        }
        match &s.additional {
            Some(extra) => check_ref(model, extra, value, &format!("{path}/{k}"), out, depth + 1),
            // The model reads past it but cannot write it back, and the example's doctest checks
            // that it is written back unchanged.
            None => out.push(format!(
                "{path}/{k}: not a property of the schema, so it is dropped when written back"
            )),
        }
    }
}

fn check_union(
    model: &Model,
    u: &Union,
    v: &Value,
    path: &str,
    out: &mut Vec<String>,
    depth: usize,
) {
    if let Some(tag_name) = &u.discriminator {
        // An unknown or missing tag is kept as JSON by the models: nothing to check.
        let tag = v.get(tag_name).and_then(Value::as_str);
        if let Some(variant) = u
            .variants
            .iter()
            .find(|var| var.tag.as_deref() == tag && tag.is_some())
        {
            check_ref(model, &variant.ty, v, path, out, depth + 1);
        }
        return;
    }
    let fits = u.variants.iter().any(|var| {
        let mut problems = Vec::new();
        check_ref(model, &var.ty, v, path, &mut problems, depth + 1);
        problems.is_empty()
    });
    if !fits {
        out.push(format!(
            "{}: fits none of the union's variants",
            if path.is_empty() { "/" } else { path }
        ));
    }
}

/// What a scalar should have been, if `v` is not one of type `p`.
fn primitive_problem(p: Primitive, v: &Value) -> Option<&'static str> {
    let ok = match p {
        Primitive::String | Primitive::Uri | Primitive::Byte | Primitive::Binary => v.is_string(),
        Primitive::Uuid => v.as_str().is_some_and(is_uuid),
        Primitive::Date => v.as_str().is_some_and(is_date),
        Primitive::DateTime => v.as_str().is_some_and(is_date_time),
        Primitive::Boolean => v.is_boolean(),
        Primitive::Int32 => v.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        Primitive::Int64 => v.is_i64(),
        Primitive::Float | Primitive::Double => v.is_number(),
    };
    (!ok).then_some(match p {
        Primitive::Uuid => "a UUID",
        Primitive::Date => "a date (YYYY-MM-DD)",
        Primitive::DateTime => "an RFC 3339 date-time",
        Primitive::Boolean => "a boolean",
        Primitive::Int32 => "a 32-bit integer",
        Primitive::Int64 => "an integer",
        Primitive::Float | Primitive::Double => "a number",
        _ => "a string",
    })
}

fn kind(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.chars().count() > 40 => {
            format!("a string {:?}…", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// `8-4-4-4-12` hexadecimal digits (the hyphenated form APIs send; the models read others too).
fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    let lengths = [8, 4, 4, 4, 12];
    if groups.len() == 5 {
        return groups
            .iter()
            .zip(lengths)
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
    }
    s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() == 4 && digits(y) && m.len() == 2 && digits(m) && d.len() == 2 && digits(d)
        && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)) && (1..=31).contains(&d.parse::<u32>().unwrap_or(0)))
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, as RFC 3339 requires (the `T` may be lowercase or a space).
fn is_date_time(s: &str) -> bool {
    if s.len() < 20 || !s.is_char_boundary(10) || !is_date(&s[..10]) {
        return false;
    }
    if !matches!(s.as_bytes()[10], b'T' | b't' | b' ') {
        return false;
    }
    let rest = &s[11..];
    let (time, zone) = match rest.find(['Z', 'z', '+', '-']) {
        Some(i) => rest.split_at(i),
        None => return false,
    };
    let (hms, fraction) = time
        .split_once('.')
        .map_or((time, None), |(a, b)| (a, Some(b)));
    let hms_ok = matches!(hms.split(':').collect::<Vec<_>>().as_slice(), [h, m, sec] if [h, m, sec].iter().all(|p| p.len() == 2 && digits(p)));
    let zone_ok = zone.eq_ignore_ascii_case("z")
        || (zone.len() == 6
            && zone.as_bytes()[3] == b':'
            && digits(&zone[1..3])
            && digits(&zone[4..]));
    hms_ok && fraction.is_none_or(digits) && zone_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalar_formats() {
        assert!(is_uuid("046b6c7f-0b8a-43b9-b35d-6489e6daee91"));
        assert!(!is_uuid("123-abc"));
        assert!(is_date("2000-01-23") && !is_date("2000-13-01") && !is_date("20000123"));
        for ok in [
            "2000-01-23T04:56:07Z",
            "2000-01-23T04:56:07.000+00:00",
            "2022-06-28T15:39:42-05:30",
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
        for bad in [
            "2000-01-23",
            "2000-01-23T04:56Z",
            "2000-01-23T04:56:07",
            "yesterday at noon!!",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }
}
