//! Compares a value with what a round trip wrote back: where they first differ, and how.

use serde_json::Value;

/// The first place, in document order, where the value written back differs from the one read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// JSON pointer into the value read (`""` for the whole value).
    pub pointer: String,
    /// What kind of change it is, for grouping (`member dropped (null)`, `string changed`).
    pub class: String,
    /// What was read there (`absent` when nothing was).
    pub read: String,
    /// What was written back there (`absent` when nothing was).
    pub written: String,
}

/// Where `written` first differs from `read`, or `None` when they are the same JSON. Objects are
/// compared as JSON compares them, without regard to the order of their members; numbers compare
/// exactly, so `1.0` written back as `1` is a difference, with one exception (see [`same`]).
pub fn first_difference(read: &Value, written: &Value) -> Option<Difference> {
    if same(read, written) {
        return None;
    }
    Some(walk(read, written, String::new()))
}

/// `read` and `written` are the same JSON. The round trip goes through `serde_json::Value`, which
/// holds an `f32` as the `f64` it widens to (`0.6027456` comes back as `0.6027455925941467`), where
/// writing text prints the `f32` as it was read. So a number written back as exactly the widened
/// `f32` of the number read, when that `f32` prints as the number read, is the same number.
pub fn same(read: &Value, written: &Value) -> bool {
    match (read, written) {
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(v, w)| same(v, w))
        }
        (Value::Number(a), Value::Number(b)) if a != b => {
            match (a.as_f64(), b.as_f64(), a.is_f64() && b.is_f64()) {
                (Some(a), Some(b), true) => {
                    let narrow = a as f32;
                    f64::from(narrow) == b && narrow.to_string().parse::<f64>() == Ok(a)
                }
                _ => false,
            }
        }
        _ => read == written,
    }
}

fn walk(read: &Value, written: &Value, pointer: String) -> Difference {
    match (read, written) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let here = format!("{pointer}/{}", escape(key));
                match b.get(key) {
                    None => return member(&here, Some(value), None),
                    Some(other) if !same(value, other) => return walk(value, other, here),
                    Some(_) => {}
                }
            }
            let (key, value) = b
                .iter()
                .find(|(key, _)| !a.contains_key(*key))
                .expect("unequal objects with the same members differ in a member");
            member(&format!("{pointer}/{}", escape(key)), None, Some(value))
        }
        (Value::Array(a), Value::Array(b)) => {
            if let Some(i) = (0..a.len().min(b.len())).find(|&i| !same(&a[i], &b[i])) {
                return walk(&a[i], &b[i], format!("{pointer}/{i}"));
            }
            Difference {
                pointer,
                class: "array length changed".to_owned(),
                read: format!("{} items", a.len()),
                written: format!("{} items", b.len()),
            }
        }
        _ => {
            let class = if kind(read) == kind(written) {
                format!("{} changed", kind(read))
            } else {
                format!("{} became {}", kind(read), kind(written))
            };
            Difference {
                pointer,
                class,
                read: short(read),
                written: short(written),
            }
        }
    }
}

fn member(pointer: &str, read: Option<&Value>, written: Option<&Value>) -> Difference {
    let class = match (read, written) {
        (Some(value), None) => format!("member dropped ({})", kind(value)),
        (None, Some(value)) => format!("member added ({})", kind(value)),
        _ => unreachable!("a member is either dropped or added"),
    };
    Difference {
        pointer: pointer.to_owned(),
        class,
        read: read.map_or_else(|| "absent".to_owned(), short),
        written: written.map_or_else(|| "absent".to_owned(), short),
    }
}

/// The JSON kind of a value: `null`, `boolean`, `number`, `string`, `array` or `object`.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A value as JSON text, cut to a length a report line can hold.
pub fn short(value: &Value) -> String {
    const MAX: usize = 120;
    let text = value.to_string();
    if text.chars().count() <= MAX {
        return text;
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{cut}…")
}

/// Escapes a key for a JSON pointer (RFC 6901): `~` as `~0`, `/` as `~1`.
pub fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(read: Value, written: Value, expected: Option<(&str, &str)>) {
        let got = first_difference(&read, &written);
        let got = got.as_ref().map(|d| (d.pointer.as_str(), d.class.as_str()));
        assert_eq!(got, expected);
    }

    #[test]
    fn differences() {
        check(json!({"a": 1, "b": [1]}), json!({"b": [1], "a": 1}), None);
        check(
            json!({"a": {"b": null}}),
            json!({"a": {}}),
            Some(("/a/b", "member dropped (null)")),
        );
        check(
            json!({"a": 1}),
            json!({"a": 1, "x/y": null}),
            Some(("/x~1y", "member added (null)")),
        );
        check(
            json!({"t": "2020-01-01T00:00:00+00:00"}),
            json!({"t": "2020-01-01T00:00:00Z"}),
            Some(("/t", "string changed")),
        );
        check(
            json!([1, 2.0]),
            json!([1, 2]),
            Some(("/1", "number changed")),
        );
        check(
            json!([1, 2]),
            json!([1]),
            Some(("", "array length changed")),
        );
        // An `f32` widened by `serde_json::Value` is the number read; one that lost digits is not.
        check(json!(0.6027456), json!(0.6027455925941467), None);
        check(
            json!(0.123456789),
            json!(f64::from(0.123456789_f64 as f32)),
            Some(("", "number changed")),
        );
        check(
            json!({"a": "1"}),
            json!({"a": 1}),
            Some(("/a", "string became number")),
        );
    }
}
