//! Parses YAML 1.2 (and so JSON) into a `serde_json::Value`, remembering the line and column of every node.
//!
//! Built on `saphyr-parser`'s event stream. Scalars are typed by the YAML 1.2 core schema (so `yes` is a
//! string and `2022-12-05T16:41:43Z` stays text). Aliases are expanded with a budget, so a "billion
//! laughs" document is an error instead of an out-of-memory kill. Keys must be scalars and unique.
//!
//! JSON is YAML too, but spec files that start with `{` or `[` go to the JSON parser (`json.rs`) first:
//! it is faster and decodes escapes this parser does not (see `document::parse`).

use std::collections::HashMap;
use std::path::Path;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use serde_json::{Map, Number, Value};

use super::document::Positions;
// The loader names these through this module.
pub use super::document::{escape_pointer, Document};
use crate::diagnostic::{Diagnostic, Error, Result};

/// Most nodes that alias expansion (and the copies anchors keep) may add to one document. Real
/// specs use a handful of aliases; a document that needs more than this is hostile or broken.
const ALIAS_BUDGET: usize = super::limits::MAX_ALIAS_NODES;

/// Most sequences and mappings open at once, as in the JSON parser.
const MAX_NESTING: usize = super::limits::MAX_DOCUMENT_NESTING;

/// Parses `text`, read from `file` (named in errors).
pub fn parse(file: &Path, text: &str) -> Result<Document> {
    let mut builder = Builder {
        file,
        text,
        positions: Positions::default(),
        anchors: HashMap::new(),
        budget: ALIAS_BUDGET,
        depth: 0,
    };
    let mut parser = Parser::new_from_str(text);
    let mut events = std::iter::from_fn(|| parser.next_event());
    let mut value = None;
    while let Some(event) = events.next() {
        let (event, span) = event.map_err(|e| {
            let m = e.marker();
            Error::one(
                Diagnostic::new(file, format!("YAML syntax error: {}", e.info())).at_line(
                    m.line(),
                    m.col() + 1,
                    Some(text),
                ),
            )
        })?;
        match event {
            Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                if value.is_some() {
                    return Err(builder
                        .error(
                            span,
                            "a spec file must hold one YAML document, found a second",
                        )
                        .into());
                }
                value = Some(builder.node(&mut events)?);
            }
            _ => {
                return Err(builder
                    .error(span, "unexpected YAML event outside a document")
                    .into())
            }
        }
    }
    builder.positions.shrink_to_fit();
    Ok(Document::new(
        value.unwrap_or(Value::Null),
        builder.positions,
    ))
}

type Events<'a> =
    dyn Iterator<Item = std::result::Result<(Event<'a>, Span), saphyr_parser::ScanError>> + 'a;

struct Builder<'t> {
    file: &'t Path,
    text: &'t str,
    positions: Positions,
    /// Each anchored node, with its size in nodes and how deep it nests.
    anchors: HashMap<usize, (Value, Size)>,
    budget: usize,
    /// Sequences and mappings open around the node being read.
    depth: usize,
}

impl Builder<'_> {
    fn error(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.file, message).at_line(
            span.start.line(),
            span.start.col() + 1,
            Some(self.text),
        )
    }

    fn next<'a>(&self, events: &mut Events<'a>) -> Result<(Event<'a>, Span)> {
        match events.next() {
            Some(Ok(ev)) => Ok(ev),
            Some(Err(e)) => {
                let m = e.marker();
                Err(
                    Diagnostic::new(self.file, format!("YAML syntax error: {}", e.info()))
                        .at_line(m.line(), m.col() + 1, Some(self.text))
                        .into(),
                )
            }
            None => {
                Err(Diagnostic::new(self.file, "YAML document ends in the middle of a node").into())
            }
        }
    }

    /// Reads the node that starts with the next event.
    fn node<'a>(&mut self, events: &mut Events<'a>) -> Result<Value> {
        let (event, span) = self.next(events)?;
        self.node_from(event, span, events)
    }

    fn node_from<'a>(
        &mut self,
        event: Event<'a>,
        span: Span,
        events: &mut Events<'a>,
    ) -> Result<Value> {
        let entry = self.positions.open(span.start.line(), span.start.col() + 1);
        if matches!(event, Event::SequenceStart(..) | Event::MappingStart(..)) {
            if self.depth >= MAX_NESTING {
                return Err(self.too_deep(span).into());
            }
            self.depth += 1;
        }
        let (value, anchor) = match event {
            Event::Scalar(text, style, anchor, tag) => {
                let explicit_str = tag
                    .as_ref()
                    .is_some_and(|t| t.is_yaml_core_schema() && t.suffix == "str");
                let value = if style == ScalarStyle::Plain && !explicit_str {
                    plain_scalar(&text)
                } else {
                    Value::String(text.into_owned())
                };
                (value, anchor)
            }
            Event::SequenceStart(anchor, _) => {
                let mut items = Vec::new();
                loop {
                    let (event, span) = self.next(events)?;
                    if matches!(event, Event::SequenceEnd) {
                        break;
                    }
                    items.push(self.node_from(event, span, events)?);
                }
                self.depth -= 1;
                (Value::Array(items), anchor)
            }
            Event::MappingStart(anchor, _) => {
                let mut map = Map::new();
                loop {
                    let (event, key_span) = self.next(events)?;
                    let key = match event {
                        Event::MappingEnd => break,
                        Event::Scalar(text, ..) => text.into_owned(),
                        _ => {
                            return Err(self
                                .error(key_span, "mapping keys must be plain text")
                                .into())
                        }
                    };
                    if map.contains_key(&key) {
                        return Err(self
                            .error(key_span, format!("duplicate key `{key}`"))
                            .into());
                    }
                    let value = self.node(events)?;
                    map.insert(key, value);
                }
                self.depth -= 1;
                (Value::Object(map), anchor)
            }
            Event::Alias(id) => {
                let Some(&(_, size)) = self.anchors.get(&id) else {
                    return Err(self.error(span, "alias refers to an unknown anchor").into());
                };
                if self.depth + size.depth > MAX_NESTING {
                    return Err(self.too_deep(span).into());
                }
                self.spend(size.nodes, span)?;
                return Ok(self.anchors[&id].0.clone());
            }
            _ => return Err(self.error(span, "unexpected YAML event").into()),
        };
        self.positions.close(entry);
        if anchor != 0 {
            // The copy kept for aliases costs what an alias's copy costs.
            let size = size_of(&value);
            self.spend(size.nodes, span)?;
            self.anchors.insert(anchor, (value.clone(), size));
        }
        Ok(value)
    }

    /// Takes `nodes` from the alias budget, or fails at `span`.
    fn spend(&mut self, nodes: usize, span: Span) -> Result<()> {
        if nodes > self.budget {
            return Err(self
                .error(
                    span,
                    format!("alias expansion exceeds the limit of {ALIAS_BUDGET} nodes"),
                )
                .into());
        }
        self.budget -= nodes;
        Ok(())
    }

    fn too_deep(&self, span: Span) -> Diagnostic {
        self.error(
            span,
            format!("YAML nested too deep: more than {MAX_NESTING} sequences and mappings inside one another"),
        )
    }
}

/// How many nodes a value holds, and how many sequences and mappings deep it nests.
#[derive(Clone, Copy, Debug)]
struct Size {
    nodes: usize,
    depth: usize,
}

/// The [`Size`] of `value`, walked with a stack of its own (not recursion).
fn size_of(value: &Value) -> Size {
    let mut size = Size { nodes: 0, depth: 0 };
    let mut stack = vec![(value, 0usize)];
    while let Some((v, depth)) = stack.pop() {
        size.nodes += 1;
        match v {
            Value::Array(items) => {
                size.depth = size.depth.max(depth + 1);
                stack.extend(items.iter().map(|i| (i, depth + 1)));
            }
            Value::Object(map) => {
                size.depth = size.depth.max(depth + 1);
                stack.extend(map.values().map(|i| (i, depth + 1)));
            }
            _ => {}
        }
    }
    size
}

/// Types a plain scalar by the YAML 1.2 core schema.
fn plain_scalar(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = text.parse::<i64>() {
            return Value::Number(n.into());
        }
        if let Ok(n) = text.trim_start_matches('+').parse::<u64>() {
            return Value::Number(n.into());
        }
    }
    if let Some(hex) = text.strip_prefix("0x") {
        if let Ok(n) = i64::from_str_radix(hex, 16) {
            return Value::Number(n.into());
        }
    }
    if let Some(oct) = text.strip_prefix("0o") {
        if let Ok(n) = i64::from_str_radix(oct, 8) {
            return Value::Number(n.into());
        }
    }
    if is_core_float(text) {
        if let Some(n) = text.parse::<f64>().ok().and_then(Number::from_f64) {
            return Value::Number(n);
        }
    }
    Value::String(text.to_owned())
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`; the infinities and NaN have no JSON form and
/// stay text.
fn is_core_float(text: &str) -> bool {
    let s = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = all_digits(int)
        && frac.is_none_or(all_digits)
        && (!int.is_empty() || frac.is_some_and(|f| !f.is_empty()));
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse_ok(text: &str) -> Value {
        parse(Path::new("t.yaml"), text).unwrap().value
    }

    fn parse_err(text: &str) -> String {
        parse(Path::new("t.yaml"), text).unwrap_err().to_string()
    }

    #[test]
    fn scalars_follow_the_core_schema() {
        assert_eq!(
            parse_ok("a: 1\nb: 1.5\nc: yes\nd: ~\ne: '1'\nf: true\ng: 2022-12-05T16:41:43Z\nh: -3\ni: .5\nj: 1e3"),
            json!({"a": 1, "b": 1.5, "c": "yes", "d": null, "e": "1", "f": true,
                   "g": "2022-12-05T16:41:43Z", "h": -3, "i": 0.5, "j": 1000.0})
        );
    }

    #[test]
    fn json_is_yaml() {
        assert_eq!(
            parse_ok(r#"{"a": [1, "x", null], "b": {"c": false}}"#),
            json!({"a": [1, "x", null], "b": {"c": false}})
        );
    }

    #[test]
    fn key_order_is_kept() {
        let v = parse_ok("z: 1\na: 2\nm: 3");
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["z", "a", "m"]);
    }

    #[test]
    fn positions_are_recorded_per_pointer() {
        let doc = parse(Path::new("t.yaml"), "a:\n  b:\n    - x\n    - y\n").unwrap();
        assert_eq!(doc.position("/a/b/1"), Some((4, 7)));
        assert_eq!(doc.position("/a/b/1/nothing"), Some((4, 7)));
    }

    #[test]
    fn aliases_expand_within_budget() {
        assert_eq!(
            parse_ok("a: &x {k: 1}\nb: *x"),
            json!({"a": {"k": 1}, "b": {"k": 1}})
        );
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let prev = format!("*a{}", i - 1);
            bomb.push_str(&format!(
                "a{i}: &a{i} [{}]\n",
                [prev.as_str(); 10].join(", ")
            ));
        }
        assert!(parse_err(&bomb).contains("alias expansion exceeds the limit"));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let err = parse_err("a: 1\nb: [1, 2\n");
        assert!(err.starts_with("error: t.yaml:"), "{err}");
        assert!(err.contains("YAML syntax error"), "{err}");
        let err = parse_err("a: 1\na: 2\n");
        assert!(err.contains("t.yaml:2:1: duplicate key `a`"), "{err}");
    }
}
