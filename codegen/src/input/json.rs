//! Parses JSON (RFC 8259) into a `serde_json::Value`, remembering the line and column of every node.
//!
//! Written here rather than borrowed: `serde_json` gives no positions, and the YAML parser, which
//! read JSON specs before, did not decode UTF-16 surrogate pairs (`"\ud83d\udc4d"`) and read at about
//! 30 MB/s; this one reads GitHub's 13 MB description at over 100 MB/s, about as fast as `serde_json`
//! builds the same `Value` (most of the time goes to allocating it). The result is the same
//! [`Document`] the YAML parser gives, with each node's position where that parser puts it (the first
//! character of the value; for an object member, of the value, not the key), so a diagnostic points
//! at the same place whichever parser read the file.
//!
//! - Values are read as `serde_json` reads them: object keys in input order; an integer that fits an
//!   `i64` or `u64` is one, any other number (`1.0`, `1e3`, `-0`, `18446744073709551616`) an `f64`,
//!   correctly rounded, and a number beyond the `f64` range is an error. Strings take every escape,
//!   surrogate pairs included; a lone surrogate is an error.
//! - Unlike `serde_json`, a key twice in one object is an error (as in the YAML reader), and a byte
//!   order mark at the start is skipped (and not counted in columns, as the YAML reader does).
//! - Lines end at `\n` (so `\r\n` files count as expected); columns count characters, not bytes.
//! - Nesting is limited to [`DEFAULT_MAX_DEPTH`] (1,000) arrays and objects, an error beyond it. The
//!   parser is a loop with a stack of open containers, not recursion, so no input can overflow the
//!   thread's stack, and no input makes it panic: every problem is an error with file, line, column
//!   and the source line.

use std::path::Path;

use serde_json::map::Entry;
use serde_json::{Map, Number, Value};

use super::document::{Document, Positions};
use crate::diagnostic::{Diagnostic, Result};

/// Most arrays and objects that may be open at once. Real specs nest a few dozen deep; the bound
/// keeps dropping or walking a parsed value (recursive in `serde_json` and in the loader) safe.
pub const DEFAULT_MAX_DEPTH: usize = super::limits::MAX_DOCUMENT_NESTING;

/// Parses `text`, read from `file` (named in errors), with nesting limited to [`DEFAULT_MAX_DEPTH`].
pub fn parse(file: &Path, text: &str) -> Result<Document> {
    parse_with_max_depth(file, text, DEFAULT_MAX_DEPTH)
}

/// Parses `text` with at most `max_depth` arrays and objects open at once.
pub fn parse_with_max_depth(file: &Path, text: &str, max_depth: usize) -> Result<Document> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: bom,
        line: 1,
        line_start: bom,
        wide: 0,
        max_depth,
        positions: Positions::default(),
    };
    match parser.document() {
        Ok(value) => {
            parser.positions.shrink_to_fit();
            Ok(Document::new(value, parser.positions))
        }
        Err(failure) => {
            let (line, column) = line_col(text.as_bytes(), bom, failure.at);
            Err(Diagnostic::new(file, failure.message)
                .at_line(line, column, Some(text))
                .into())
        }
    }
}

/// Why parsing stopped, and at which byte.
struct Failure {
    at: usize,
    message: String,
}

/// A container being read: where its items or members start in the shared lists, and the index of
/// its position entry.
enum Frame {
    Array {
        start: usize,
        entry: usize,
    },
    Object {
        start: usize,
        /// The key whose value is being read, and the byte where it starts.
        key: String,
        key_at: usize,
        entry: usize,
    },
}

/// An object member read, and the byte where its key starts (for a duplicate key's error).
struct Member {
    key: String,
    value: Value,
    at: usize,
}

/// The object of `members`, or an error at the first key that repeats an earlier one.
fn object(members: impl ExactSizeIterator<Item = Member>) -> Result<Map<String, Value>, Failure> {
    let mut map = Map::with_capacity(members.len());
    for Member { key, value, at } in members {
        match map.entry(key) {
            Entry::Vacant(slot) => {
                slot.insert(value);
            }
            Entry::Occupied(slot) => {
                return Err(Failure {
                    at,
                    message: format!("duplicate key `{}`", slot.key()),
                })
            }
        }
    }
    Ok(map)
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    /// The next byte to read.
    pos: usize,
    /// The line of `pos`, 1-based.
    line: usize,
    /// The byte where `pos`'s line starts (after a byte order mark on the first line).
    line_start: usize,
    /// UTF-8 continuation bytes between `line_start` and `pos`, so a column counts characters, not
    /// bytes. Only strings hold non-ASCII text, and they count it as they are read.
    wide: usize,
    max_depth: usize,
    positions: Positions,
}

impl<'t> Parser<'t> {
    fn document(&mut self) -> Result<Value, Failure> {
        // The open containers, innermost last, and the items and members read into them so far, all
        // in two shared lists: a container is built once, at its size, when it closes.
        let mut stack: Vec<Frame> = Vec::new();
        let mut items: Vec<Value> = Vec::new();
        let mut members: Vec<Member> = Vec::new();
        'value: loop {
            self.skip_whitespace();
            let entry = self.positions.open(self.line, self.column());
            let mut value = match self.peek() {
                Some(b'{') => {
                    self.check_depth(stack.len())?;
                    self.pos += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        Value::Object(Map::new())
                    } else {
                        let (key, key_at) = self.key("`}` or a string key")?;
                        stack.push(Frame::Object {
                            start: members.len(),
                            key,
                            key_at,
                            entry,
                        });
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    self.check_depth(stack.len())?;
                    self.pos += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        Value::Array(Vec::new())
                    } else {
                        stack.push(Frame::Array {
                            start: items.len(),
                            entry,
                        });
                        continue 'value;
                    }
                }
                Some(b'"') => Value::String(self.string()?),
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.literal("true", Value::Bool(true))?,
                Some(b'f') => self.literal("false", Value::Bool(false))?,
                Some(b'n') => self.literal("null", Value::Null)?,
                _ => return Err(self.unexpected(self.pos, "a JSON value")),
            };
            // Close the containers this value completes, then read what follows it.
            loop {
                match stack.last_mut() {
                    None => {
                        self.skip_whitespace();
                        if self.pos < self.bytes.len() {
                            return Err(self
                                .unexpected(self.pos, "the end of the file after the JSON value"));
                        }
                        return Ok(value);
                    }
                    Some(Frame::Array { start, entry }) => {
                        items.push(value);
                        self.skip_whitespace();
                        match self.peek() {
                            Some(b',') => {
                                self.pos += 1;
                                continue 'value;
                            }
                            Some(b']') => {
                                self.pos += 1;
                                self.positions.close(*entry);
                                value = Value::Array(items.split_off(*start));
                                stack.pop();
                            }
                            _ => {
                                return Err(
                                    self.unexpected(self.pos, "`,` or `]` after an array item")
                                )
                            }
                        }
                    }
                    Some(Frame::Object {
                        start,
                        key,
                        key_at,
                        entry,
                    }) => {
                        members.push(Member {
                            key: std::mem::take(key),
                            value,
                            at: *key_at,
                        });
                        self.skip_whitespace();
                        match self.peek() {
                            Some(b',') => {
                                self.pos += 1;
                                self.skip_whitespace();
                                (*key, *key_at) = self.key(
                                    "a string key after `,` (JSON allows no trailing comma)",
                                )?;
                                continue 'value;
                            }
                            Some(b'}') => {
                                self.pos += 1;
                                self.positions.close(*entry);
                                value = Value::Object(object(members.drain(*start..))?);
                                stack.pop();
                            }
                            _ => {
                                return Err(
                                    self.unexpected(self.pos, "`,` or `}` after an object member")
                                )
                            }
                        }
                    }
                }
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The column of `pos`, 1-based, in characters.
    fn column(&self) -> usize {
        (self.pos - self.line_start).saturating_sub(self.wide) + 1
    }

    fn skip_whitespace(&mut self) {
        loop {
            // Pretty-printed specs are half indentation: skip spaces eight at a time.
            while let Some(chunk) = self.bytes.get(self.pos..).and_then(<[u8]>::first_chunk) {
                let spaces =
                    (u64::from_le_bytes(*chunk) ^ (ONES * b' ' as u64)).trailing_zeros() / 8;
                self.pos += spaces as usize;
                if spaces < 8 {
                    break;
                }
            }
            match self.peek() {
                Some(b' ' | b'\t' | b'\r') => self.pos += 1,
                Some(b'\n') => {
                    self.pos += 1;
                    self.line += 1;
                    self.line_start = self.pos;
                    self.wide = 0;
                }
                _ => return,
            }
        }
    }

    fn check_depth(&self, open: usize) -> Result<(), Failure> {
        if open < self.max_depth {
            return Ok(());
        }
        Err(Failure {
            at: self.pos,
            message: format!(
                "JSON nested deeper than {} arrays and objects",
                self.max_depth
            ),
        })
    }

    /// Reads an object key and the `:` after it; `pos` is at the key's first character. Returns the
    /// key and where it starts.
    fn key(&mut self, expected: &str) -> Result<(String, usize), Failure> {
        let start = self.pos;
        if self.peek() != Some(b'"') {
            return Err(self.unexpected(start, expected));
        }
        let key = self.string()?;
        self.skip_whitespace();
        if self.peek() != Some(b':') {
            return Err(self.unexpected(self.pos, "`:` after the key"));
        }
        self.pos += 1;
        Ok((key, start))
    }

    /// Reads a string; `pos` is at the opening quote.
    fn string(&mut self) -> Result<String, Failure> {
        let open = self.pos;
        let start = open + 1;
        // Most strings have no escape: find the closing quote and copy the text between.
        let mut i = plain_text_end(self.bytes, start);
        let mut out = match self.bytes.get(i) {
            Some(b'"') => {
                let s = self.slice(start, i)?.to_owned();
                self.finish_string(start, i);
                return Ok(s);
            }
            Some(b'\\') => {
                let mut out = String::with_capacity(i - start + 16);
                out.push_str(self.slice(start, i)?);
                out
            }
            Some(_) => return Err(self.control_character(i)),
            None => return Err(self.unterminated(open)),
        };
        // Escapes: copy plain runs, decode each escape.
        loop {
            match self.bytes.get(i) {
                Some(b'"') => {
                    self.finish_string(start, i);
                    return Ok(out);
                }
                Some(b'\\') => i = self.escape(i, &mut out)?,
                Some(_) => {
                    let run = i;
                    i = plain_text_end(self.bytes, i);
                    if i == run {
                        return Err(self.control_character(i));
                    }
                    out.push_str(self.slice(run, i)?);
                }
                None => return Err(self.unterminated(open)),
            }
        }
    }

    /// Moves past a string's closing quote at `close`, counting its non-ASCII characters for columns.
    fn finish_string(&mut self, start: usize, close: usize) {
        let text = self.bytes.get(start..close).unwrap_or_default();
        if !text.is_ascii() {
            self.wide += text.iter().filter(|&&b| b & 0xC0 == 0x80).count();
        }
        self.pos = close + 1;
    }

    /// Decodes the escape at `at` (a backslash) into `out`; returns the byte after it.
    fn escape(&self, at: usize, out: &mut String) -> Result<usize, Failure> {
        let c = match self.bytes.get(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let (c, len) = self.unicode_escape(at)?;
                out.push(c);
                return Ok(at + len);
            }
            Some(_) => {
                let shown = self
                    .char_at(at + 1)
                    .map_or(String::new(), |c| c.to_string());
                return Err(Failure {
                    at,
                    message: format!(
                        "JSON syntax error: `\\{shown}` is not an escape (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
                    ),
                });
            }
            None => return Err(self.unterminated(at)),
        };
        out.push(c);
        Ok(at + 2)
    }

    /// Decodes `\uXXXX` at `at`, or a surrogate pair `\uD83D\uDC4D`; returns the character and the
    /// escape's length in bytes.
    fn unicode_escape(&self, at: usize) -> Result<(char, usize), Failure> {
        let unit = self.hex4(at)?;
        let lone = |unit: u32| Failure {
            at,
            message: format!(
                "JSON syntax error: lone UTF-16 surrogate `\\u{unit:04x}`: a high surrogate \
                 (`\\ud800`-`\\udbff`) must be followed by a low one (`\\udc00`-`\\udfff`)"
            ),
        };
        match unit {
            0xD800..=0xDBFF => {
                let follows = self.bytes.get(at + 6..at + 8) == Some(b"\\u");
                let low = if follows { self.hex4(at + 6)? } else { 0 };
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(lone(unit));
                }
                let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                let c = char::from_u32(code).ok_or_else(|| lone(unit))?;
                Ok((c, 12))
            }
            0xDC00..=0xDFFF => Err(lone(unit)),
            _ => Ok((char::from_u32(unit).ok_or_else(|| lone(unit))?, 6)),
        }
    }

    /// The four hex digits of the `\u` escape at `at`.
    fn hex4(&self, at: usize) -> Result<u32, Failure> {
        let digits = self.bytes.get(at + 2..at + 6).unwrap_or_default();
        let mut unit = 0;
        for &d in digits {
            let Some(v) = (d as char).to_digit(16) else {
                break;
            };
            unit = unit * 16 + v;
        }
        if digits.len() == 4 && digits.iter().all(u8::is_ascii_hexdigit) {
            Ok(unit)
        } else {
            Err(Failure {
                at,
                message: "JSON syntax error: `\\u` must be followed by four hex digits".into(),
            })
        }
    }

    /// Reads a number; `pos` is at its first character (`-` or a digit).
    fn number(&mut self) -> Result<Value, Failure> {
        let start = self.pos;
        let mut i = start;
        let negative = self.bytes.get(i) == Some(&b'-');
        if negative {
            i += 1;
        }
        let digits = |mut i: usize| {
            while self.bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            i
        };
        let syntax = |at: usize, what: &str| Failure {
            at,
            message: format!("JSON syntax error: {what}"),
        };
        match self.bytes.get(i) {
            Some(b'0') => {
                i += 1;
                if self.bytes.get(i).is_some_and(u8::is_ascii_digit) {
                    return Err(syntax(
                        start,
                        "a number must not start with `0` followed by digits",
                    ));
                }
            }
            Some(b'1'..=b'9') => i = digits(i),
            _ => return Err(self.unexpected(i, "a digit after `-`")),
        }
        let mut integer = true;
        if self.bytes.get(i) == Some(&b'.') {
            integer = false;
            if !self.bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                return Err(self.unexpected(i + 1, "a digit after the decimal point"));
            }
            i = digits(i + 1);
        }
        if matches!(self.bytes.get(i), Some(b'e' | b'E')) {
            integer = false;
            i += 1;
            if matches!(self.bytes.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if !self.bytes.get(i).is_some_and(u8::is_ascii_digit) {
                return Err(self.unexpected(i, "a digit in the exponent"));
            }
            i = digits(i);
        }
        let text = self.slice(start, i)?;
        self.pos = i;
        if integer {
            // As serde_json: `-0` is the float -0.0, and an integer too large for 64 bits a float.
            if negative {
                if let Ok(n) = text.parse::<i64>() {
                    if n != 0 {
                        return Ok(Value::Number(n.into()));
                    }
                }
            } else if let Ok(n) = text.parse::<u64>() {
                return Ok(Value::Number(n.into()));
            }
        }
        text.parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| Failure {
                at: start,
                message: format!("number `{text}` is out of the range of a 64-bit float"),
            })
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, Failure> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected(self.pos, "a JSON value"))
        }
    }

    /// The text between two bytes known to be ASCII delimiters (so on character boundaries).
    fn slice(&self, start: usize, end: usize) -> Result<&'t str, Failure> {
        self.text.get(start..end).ok_or(Failure {
            at: start,
            message: "JSON syntax error: text is not UTF-8".into(),
        })
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..)?.chars().next()
    }

    fn unexpected(&self, at: usize, expected: &str) -> Failure {
        let found = match self.char_at(at) {
            None if at >= self.bytes.len() => "the end of the file".to_owned(),
            None => "a byte that is not UTF-8".to_owned(),
            Some(c) if c.is_control() || c.is_whitespace() || c == '\u{feff}' => format!("{c:?}"),
            Some(c) => {
                let word: String = self
                    .text
                    .get(at..)
                    .unwrap_or_default()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .take(20)
                    .collect();
                if word.is_empty() {
                    format!("`{c}`")
                } else {
                    format!("`{word}`")
                }
            }
        };
        Failure {
            at,
            message: format!("JSON syntax error: expected {expected}, found {found}"),
        }
    }

    fn unterminated(&self, open: usize) -> Failure {
        Failure {
            at: open,
            message: "JSON syntax error: string not closed before the end of the file".into(),
        }
    }

    fn control_character(&self, at: usize) -> Failure {
        let c = self.bytes.get(at).copied().unwrap_or_default();
        Failure {
            at,
            message: format!(
                "JSON syntax error: control character U+{c:04X} in a string (write it as an escape, \
                 such as `\\n` or `\\u{c:04x}`)"
            ),
        }
    }
}

/// Eight bytes of ones, for testing eight bytes at once.
const ONES: u64 = 0x0101_0101_0101_0101;

/// Where the run of plain string text from `i` ends: at a quote, a backslash, a control character
/// or the end of the text.
fn plain_text_end(bytes: &[u8], mut i: usize) -> usize {
    // Eight bytes at a time. `x - 1` borrows into the high bit of a byte that is zero, `x - 0x20`
    // into that of a byte below 0x20; a borrow can flag the bytes above a stop too, but not below
    // it, so the lowest flag is the first stop.
    const HIGH_BITS: u64 = ONES * 0x80;
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x;
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk) {
        let word = u64::from_le_bytes(*chunk);
        let stops = (word.wrapping_sub(ONES * 0x20) & !word
            | zero_bytes(word ^ (ONES * b'"' as u64))
            | zero_bytes(word ^ (ONES * b'\\' as u64)))
            & HIGH_BITS;
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if STOPS_PLAIN_TEXT[b as usize] {
            break;
        }
        i += 1;
    }
    i
}

/// The bytes that end a run of plain string text: the closing quote, a backslash, and the control
/// characters JSON does not allow unescaped.
const STOPS_PLAIN_TEXT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// The 1-based line and column (in characters) of byte `at`; `bom` bytes at the start are not counted.
fn line_col(bytes: &[u8], bom: usize, at: usize) -> (usize, usize) {
    let before = bytes.get(..at).unwrap_or(bytes);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(bom.min(before.len()), |i| i + 1);
    let column = 1 + before[start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse_ok(text: &str) -> Value {
        match parse(Path::new("t.json"), text) {
            Ok(doc) => doc.value,
            Err(e) => panic!("{text:?} should parse: {e}"),
        }
    }

    /// The first line of the error: `t.json:LINE:COLUMN: message`.
    fn parse_err(text: &str) -> String {
        let err = parse(Path::new("t.json"), text)
            .err()
            .unwrap_or_else(|| panic!("{text:?} should not parse"))
            .to_string();
        let first = err.lines().next().unwrap_or_default();
        first.trim_start_matches("error: t.json:").to_owned()
    }

    #[test]
    fn values_of_every_kind() {
        assert_eq!(
            parse_ok(r#" {"a": [1, "x", null, true, false, {}, []], "b": {"c": -2.5}} "#),
            json!({"a": [1, "x", null, true, false, {}, []], "b": {"c": -2.5}})
        );
        assert_eq!(parse_ok("\"top\""), json!("top"));
        assert_eq!(parse_ok("\r\n\t 7 \n"), json!(7));
    }

    #[test]
    fn keys_keep_their_order() {
        let v = parse_ok(r#"{"z": 1, "a": 2, "m": 3}"#);
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["z", "a", "m"]);
    }

    #[test]
    fn escapes_decode() {
        let cases = [
            (
                r#""\" \\ \/ \b \f \n \r \t""#,
                "\" \\ / \u{8} \u{c} \n \r \t",
            ),
            (r#""\u0041\u00e9\u20AC\u0000""#, "Aé€\u{0}"),
            (r#""\ud83d\udc4d""#, "\u{1F44D}"),
            (r#""a\uD834\uDD1Eb""#, "a\u{1D11E}b"),
            (r#""\udbff\udfff""#, "\u{10FFFF}"),
            (r#""plain é, then \n, then ü""#, "plain é, then \n, then ü"),
            (r#""👍 as UTF-8""#, "👍 as UTF-8"),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_ok(text), json!(expected), "{text}");
        }
    }

    #[test]
    fn numbers_read_as_serde_json_reads_them() {
        let cases = [
            ("0", json!(0)),
            ("-1", json!(-1)),
            ("1.0", json!(1.0)),
            ("1e3", json!(1000.0)),
            ("1E+2", json!(100.0)),
            ("-1.5e-7", json!(-1.5e-7)),
            ("1e-400", json!(0.0)),
            ("18446744073709551615", json!(u64::MAX)),
            ("18446744073709551616", json!(18446744073709551616.0)),
            ("-9223372036854775808", json!(i64::MIN)),
            ("-9223372036854775809", json!(-9223372036854775809.0)),
            (
                "123456789012345678901234567890",
                json!(1.2345678901234568e29),
            ),
        ];
        for (text, expected) in cases {
            let value = parse_ok(text);
            assert_eq!(value, expected, "{text}");
            assert_eq!(
                value,
                serde_json::from_str::<Value>(text).unwrap(),
                "{text}"
            );
        }
        assert!(parse_ok("1.0").is_f64());
        assert!(parse_ok("1").is_u64());
        let zero = parse_ok("-0");
        assert!(zero
            .as_f64()
            .is_some_and(|z| z == 0.0 && z.is_sign_negative()));
        assert_eq!(zero, serde_json::from_str::<Value>("-0").unwrap());
    }

    #[test]
    fn errors_name_line_column_and_cause() {
        let cases = [
            ("", "1:1: JSON syntax error: expected a JSON value, found the end of the file"),
            ("  \n ", "2:2: JSON syntax error: expected a JSON value, found the end of the file"),
            ("[1 2]", "1:4: JSON syntax error: expected `,` or `]` after an array item, found `2`"),
            ("[1,]", "1:4: JSON syntax error: expected a JSON value, found `]`"),
            ("{\"a\": 1,}", "1:9: JSON syntax error: expected a string key after `,` (JSON allows no trailing comma), found `}`"),
            ("{\"a\" 1}", "1:6: JSON syntax error: expected `:` after the key, found `1`"),
            ("{\"a\": 1 \"b\": 2}", "1:9: JSON syntax error: expected `,` or `}` after an object member, found `\"`"),
            ("{a: 1}", "1:2: JSON syntax error: expected `}` or a string key, found `a`"),
            ("['a']", "1:2: JSON syntax error: expected a JSON value, found `'`"),
            ("{\"a\": tru}", "1:7: JSON syntax error: expected a JSON value, found `tru`"),
            ("[nul]", "1:2: JSON syntax error: expected a JSON value, found `nul`"),
            ("{} x", "1:4: JSON syntax error: expected the end of the file after the JSON value, found `x`"),
            ("1 2", "1:3: JSON syntax error: expected the end of the file after the JSON value, found `2`"),
            ("[1", "1:3: JSON syntax error: expected `,` or `]` after an array item, found the end of the file"),
            ("{\"a\"", "1:5: JSON syntax error: expected `:` after the key, found the end of the file"),
            ("01", "1:1: JSON syntax error: a number must not start with `0` followed by digits"),
            ("-", "1:2: JSON syntax error: expected a digit after `-`, found the end of the file"),
            ("[-x]", "1:3: JSON syntax error: expected a digit after `-`, found `x`"),
            ("1.", "1:3: JSON syntax error: expected a digit after the decimal point, found the end of the file"),
            ("1.e5", "1:3: JSON syntax error: expected a digit after the decimal point, found `e5`"),
            ("1e+", "1:4: JSON syntax error: expected a digit in the exponent, found the end of the file"),
            (".5", "1:1: JSON syntax error: expected a JSON value, found `.`"),
            ("+1", "1:1: JSON syntax error: expected a JSON value, found `+`"),
            ("[1e400]", "1:2: number `1e400` is out of the range of a 64-bit float"),
            ("\"abc", "1:1: JSON syntax error: string not closed before the end of the file"),
            ("\"ab\\", "1:4: JSON syntax error: string not closed before the end of the file"),
            ("\"a\nb\"", "1:3: JSON syntax error: control character U+000A in a string (write it as an escape, such as `\\n` or `\\u000a`)"),
            ("\"a\\\"\tb\"", "1:5: JSON syntax error: control character U+0009 in a string (write it as an escape, such as `\\n` or `\\u0009`)"),
            ("\"\\x\"", "1:2: JSON syntax error: `\\x` is not an escape (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
            ("\"\\u12\"", "1:2: JSON syntax error: `\\u` must be followed by four hex digits"),
            ("\"\\u12g4\"", "1:2: JSON syntax error: `\\u` must be followed by four hex digits"),
            ("\"\\ud83d\"", "1:2: JSON syntax error: lone UTF-16 surrogate `\\ud83d`: a high surrogate (`\\ud800`-`\\udbff`) must be followed by a low one (`\\udc00`-`\\udfff`)"),
            ("\"x\\ud83d\\u0041\"", "1:3: JSON syntax error: lone UTF-16 surrogate `\\ud83d`: a high surrogate (`\\ud800`-`\\udbff`) must be followed by a low one (`\\udc00`-`\\udfff`)"),
            ("\"\\ud83d\\ud83d\"", "1:2: JSON syntax error: lone UTF-16 surrogate `\\ud83d`: a high surrogate (`\\ud800`-`\\udbff`) must be followed by a low one (`\\udc00`-`\\udfff`)"),
            ("\"\\udc4d\"", "1:2: JSON syntax error: lone UTF-16 surrogate `\\udc4d`: a high surrogate (`\\ud800`-`\\udbff`) must be followed by a low one (`\\udc00`-`\\udfff`)"),
            ("\"\\ud83d\\u12\"", "1:8: JSON syntax error: `\\u` must be followed by four hex digits"),
            ("{\"a\": 1, \"b\": 2, \"a\": 3}", "1:18: duplicate key `a`"),
            ("{\"é\": 1,\n \"ü\": x}", "2:7: JSON syntax error: expected a JSON value, found `x`"),
            ("{\"é\": \"ü\", \"x\": ?}", "1:17: JSON syntax error: expected a JSON value, found `?`"),
            ("[1,\r\n 2,\r\n x]", "3:2: JSON syntax error: expected a JSON value, found `x`"),
            ("[\u{feff}1]", "1:2: JSON syntax error: expected a JSON value, found '\\u{feff}'"),
            ("[\u{1}]", "1:2: JSON syntax error: expected a JSON value, found '\\u{1}'"),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_err(text), expected, "{text:?}");
        }
    }

    #[test]
    fn eight_byte_scans_stop_at_the_right_byte() {
        // Stops and spaces at every offset of a word, and across words.
        for n in 0..20 {
            let pad = "x".repeat(n);
            assert_eq!(
                parse_ok(&format!("\"{pad}\\n{pad}\"")),
                json!(format!("{pad}\n{pad}"))
            );
            assert_eq!(
                parse_ok(&format!("\"{pad}é{pad}\"")),
                json!(format!("{pad}é{pad}"))
            );
            assert_eq!(
                parse_err(&format!("\"{pad}\u{1f}\"")),
                format!("1:{}: JSON syntax error: control character U+001F in a string (write it as an escape, such as `\\n` or `\\u001f`)", n + 2)
            );
            let spaces = " ".repeat(n);
            let doc = parse(
                Path::new("t.json"),
                &format!("[\n{spaces}1,{spaces}\t{spaces}2]"),
            )
            .unwrap();
            assert_eq!(doc.position("/0"), Some((2, n + 1)));
            assert_eq!(doc.position("/1"), Some((2, 3 * n + 4)));
            assert_eq!(
                parse_err(&format!("{spaces}x")),
                format!(
                    "1:{}: JSON syntax error: expected a JSON value, found `x`",
                    n + 1
                )
            );
        }
    }

    #[test]
    fn errors_show_the_source_line() {
        let err = parse(Path::new("spec.json"), "{\n  \"a\": [1,, 2]\n}")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "error: spec.json:2:11: JSON syntax error: expected a JSON value, found `,`\n \
             2 |   \"a\": [1,, 2]\n   |           ^"
        );
    }

    #[test]
    fn duplicate_keys_are_errors_only_within_one_object() {
        assert_eq!(
            parse_ok(r#"{"a": {"a": 1}, "b": {"a": 2}}"#),
            json!({"a": {"a": 1}, "b": {"a": 2}})
        );
        // Keys compare after decoding.
        assert_eq!(
            parse_err(r#"{"a": 1, "\u0061": 2}"#),
            "1:10: duplicate key `a`"
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_not_counted() {
        let doc = parse(Path::new("t.json"), "\u{feff}{\"a\": 1}").unwrap();
        assert_eq!(doc.value, json!({"a": 1}));
        assert_eq!(doc.position(""), Some((1, 1)));
        assert_eq!(doc.position("/a"), Some((1, 7)));
        assert_eq!(
            parse_err("\u{feff}{\"a\": x}"),
            "1:7: JSON syntax error: expected a JSON value, found `x`"
        );
    }

    #[test]
    fn positions_are_where_values_start() {
        let text = "{\n  \"ééé\": [1, {\"k\": \"v\"}],\n  \"b\":\n    null,\n  \"c~/\": []\n}";
        let doc = parse(Path::new("t.json"), text).unwrap();
        let cases = [
            ("", (1, 1)),
            ("/ééé", (2, 10)),
            ("/ééé/0", (2, 11)),
            ("/ééé/1", (2, 14)),
            ("/ééé/1/k", (2, 20)),
            ("/ééé/1/k/deeper", (2, 20)),
            ("/ééé/2", (2, 10)),
            ("/b", (4, 5)),
            ("/c~0~1", (5, 10)),
            ("/c~0~1/0", (5, 10)),
        ];
        for (pointer, expected) in cases {
            assert_eq!(doc.position(pointer), Some(expected), "{pointer}");
        }
    }

    fn nested(depth: usize) -> String {
        format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
    }

    #[test]
    fn nesting_is_limited() {
        // A small stack, as a test thread may have: neither parsing nor dropping may overflow it.
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                let doc = parse(Path::new("t.json"), &nested(DEFAULT_MAX_DEPTH)).unwrap();
                assert_eq!(doc.position(&"/0".repeat(999)), Some((1, 1000)));
                drop(doc);
                let objects = format!("{}1{}", "{\"a\":".repeat(1000), "}".repeat(1000));
                assert!(parse(Path::new("t.json"), &objects).is_ok());
                for depth in [1001, 100_000, 10_000_000] {
                    assert_eq!(
                        parse_err(&nested(depth)),
                        "1:1001: JSON nested deeper than 1000 arrays and objects"
                    );
                }
                let unclosed = "{\"a\":[".repeat(600);
                assert_eq!(
                    parse_err(&unclosed),
                    "1:3001: JSON nested deeper than 1000 arrays and objects"
                );
            })
            .unwrap()
            .join()
            .unwrap();
        let shallow = parse_with_max_depth(Path::new("t.json"), &nested(3), 2).unwrap_err();
        assert!(shallow
            .to_string()
            .contains("t.json:1:3: JSON nested deeper than 2"));
        assert!(parse_with_max_depth(Path::new("t.json"), "1", 0).is_ok());
    }

    #[test]
    fn positions_take_sixteen_bytes_a_node() {
        let text = format!("[{}]", vec!["{\"a\": [1, 2]}"; 1000].join(","));
        let doc = parse(Path::new("t.json"), &text).unwrap();
        assert_eq!(doc.position("/999/a/1"), Some((1, 2 + 14 * 999 + 10)));
        // 1 + 1000 * 4 nodes.
        assert_eq!(doc.positions_heap_bytes(), 4001 * 16);
    }
}
