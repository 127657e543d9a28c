//! A parsed spec file (its value and where each node starts), whichever parser read it.
//!
//! Positions are kept compact: one entry per node in document order (line, column, and the index
//! just past the node's descendants), not a map from JSON pointer to position. A pointer is looked up
//! by walking the value and the entries side by side, which costs a little per diagnostic and saves
//! building a pointer string for every node of every file (see `json.rs` for the figures).

use crate::hash::HashMap;
use std::borrow::Cow;
use std::cell::RefCell;
use std::path::Path;

use serde_json::Value;

use super::{json, yaml};
use crate::diagnostic::Result;

/// A parsed document: its value and where each node starts.
#[derive(Debug, Default)]
pub struct Document {
    /// The document's content.
    pub value: Value,
    /// Where each node of `value` starts, in document order (a node, then its children).
    positions: Positions,
    /// For a document converted from the form its file is written in (Swagger 2.0): that form, which
    /// positions and diagnostics name.
    source: Option<Box<Source>>,
    /// The children of each wide container looked into, by its entry: found once, so a file with
    /// many problems in one mapping does not cost time quadratic in the mapping.
    children: RefCell<HashMap<usize, Children>>,
}

/// Where the children of a container are: each one's entry and, for a mapping, each key's index.
#[derive(Debug, Default)]
struct Children {
    entries: Vec<usize>,
    keys: HashMap<String, usize>,
}

/// Containers with more children than this are looked into through [`Children`].
const WIDE: usize = 32;

/// The document as its file is written, and where each node of the converted one came from.
#[derive(Debug)]
struct Source {
    document: Document,
    /// The pointer in `document` of each converted node whose place changed; a node not listed is
    /// where its nearest listed ancestor's origin puts it.
    origins: HashMap<String, String>,
}

impl Document {
    /// A document from a value and the positions recorded while parsing it.
    pub(crate) fn new(value: Value, positions: Positions) -> Self {
        Document {
            value,
            positions,
            source: None,
            children: RefCell::default(),
        }
    }

    /// `value`, converted from `source` (the document as its file is written); `origins` maps
    /// pointers of `value` to the pointers of `source` they came from.
    pub(crate) fn converted(
        value: Value,
        source: Document,
        origins: HashMap<String, String>,
    ) -> Self {
        Document {
            value,
            positions: Positions::default(),
            source: Some(Box::new(Source {
                document: source,
                origins,
            })),
            children: RefCell::default(),
        }
    }

    /// Whether the document was converted from the form its file is written in.
    pub fn is_converted(&self) -> bool {
        self.source.is_some()
    }

    /// The pointer of the node at `pointer` in the file as written: the same pointer, unless the
    /// document was converted, when it is the pointer of the node (or nearest ancestor) it came from.
    pub fn source_pointer<'p>(&self, pointer: &'p str) -> Cow<'p, str> {
        let Some(source) = &self.source else {
            return pointer.into();
        };
        let mut end = pointer.len();
        loop {
            if let Some(origin) = source.origins.get(&pointer[..end]) {
                return format!("{origin}{}", &pointer[end..]).into();
            }
            match pointer[..end].rfind('/') {
                Some(i) => end = i,
                None => return pointer.into(),
            }
        }
    }

    /// The 1-based line and column where the node at `pointer` (`/a/b/0`, `` for the root) starts,
    /// or of its nearest ancestor that has one. A node copied from a YAML alias has the alias's
    /// position; a node of a converted document has the position of the node it came from.
    pub fn position(&self, pointer: &str) -> Option<(usize, usize)> {
        if let Some(source) = &self.source {
            return source.document.position(&self.source_pointer(pointer));
        }
        let entries = &self.positions.entries;
        let mut at = 0;
        let mut found = entries.first()?;
        if pointer.is_empty() {
            return Some(found.line_col());
        }
        let mut segments = pointer.strip_prefix('/')?.split('/');
        let mut value = &self.value;
        loop {
            let Some(segment) = segments.next() else {
                return Some(found.line_col());
            };
            let wide = match value {
                Value::Object(map) => map.len() > WIDE,
                Value::Array(items) => items.len() > WIDE,
                _ => false,
            };
            if wide {
                let mut cache = self.children.borrow_mut();
                let kids = cache
                    .entry(at)
                    .or_insert_with(|| children(value, entries, at, found.end));
                let child = match value {
                    Value::Object(map) => unescape_pointer(segment).and_then(|key| {
                        Some((*kids.keys.get(key.as_ref())?, map.get(key.as_ref())?))
                    }),
                    Value::Array(items) => {
                        array_index(segment).and_then(|i| Some((i, items.get(i)?)))
                    }
                    _ => None,
                };
                let Some((index, child)) = child else {
                    return Some(found.line_col());
                };
                // A node without recorded children (a YAML alias's copy) has no entry for it.
                let Some(e) = kids
                    .entries
                    .get(index)
                    .and_then(|&e| Some((e, entries.get(e)?)))
                else {
                    return Some(found.line_col());
                };
                (at, found) = e;
                value = child;
                continue;
            }
            let child = match value {
                Value::Object(map) => unescape_pointer(segment).and_then(|key| {
                    map.iter()
                        .enumerate()
                        .find_map(|(i, (k, v))| (*k == key).then_some((i, v)))
                }),
                Value::Array(items) => array_index(segment).and_then(|i| Some((i, items.get(i)?))),
                _ => None,
            };
            let Some((index, child)) = child else {
                return Some(found.line_col());
            };
            // The children follow their parent; each one's `end` is where its next sibling starts.
            let mut entry = at + 1;
            for _ in 0..index {
                match entries.get(entry) {
                    Some(e) if e.end < found.end => entry = e.end,
                    _ => return Some(found.line_col()),
                }
            }
            if entry >= found.end {
                // A node without recorded children (a YAML alias's copy).
                return Some(found.line_col());
            }
            let Some(e) = entries.get(entry) else {
                return Some(found.line_col());
            };
            at = entry;
            found = e;
            value = child;
        }
    }
}

#[cfg(test)]
impl Document {
    /// Heap bytes the positions hold, for measurements.
    pub(crate) fn positions_heap_bytes(&self) -> usize {
        self.positions.entries.capacity() * std::mem::size_of::<Entry>()
    }
}

/// The [`Children`] of the container `value`, whose entry is `at` and whose descendants end at
/// `end`. The children follow their parent; each one's `end` is where its next sibling starts.
fn children(value: &Value, entries: &[Entry], at: usize, end: usize) -> Children {
    let mut kids = Children::default();
    let mut entry = at + 1;
    while entry < end {
        kids.entries.push(entry);
        match entries.get(entry) {
            Some(e) if e.end > entry => entry = e.end,
            _ => break,
        }
    }
    if let Value::Object(map) = value {
        kids.keys = map
            .keys()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
    }
    kids
}

/// Where each node starts, in document order.
#[derive(Debug, Default)]
pub(crate) struct Positions {
    entries: Vec<Entry>,
}

/// One node's position, 16 bytes: a spec of a million nodes needs 16 MB, where a map from pointer
/// strings needed about ten times that.
#[derive(Clone, Copy, Debug)]
struct Entry {
    line: u32,
    column: u32,
    /// The index of the first entry after this node's descendants.
    end: usize,
}

impl Entry {
    fn line_col(&self) -> (usize, usize) {
        (self.line as usize, self.column as usize)
    }
}

impl Positions {
    /// Records a node that starts at `line` and `column` (1-based), before its children are
    /// recorded; returns its index for [`Positions::close`].
    pub(crate) fn open(&mut self, line: usize, column: usize) -> usize {
        let index = self.entries.len();
        self.entries.push(Entry {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            end: index + 1,
        });
        index
    }

    /// Marks the node `index` complete: every entry recorded since belongs to its descendants.
    pub(crate) fn close(&mut self, index: usize) {
        let end = self.entries.len();
        if let Some(entry) = self.entries.get_mut(index) {
            entry.end = end;
        }
    }

    /// Gives back the room reserved for entries that never came.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.entries.shrink_to_fit();
    }
}

/// The node at `pointer` (RFC 6901) in `value`. Unlike `serde_json::Value::pointer`, a segment is
/// unescaped only when it holds a `~`, so a lookup allocates nothing in the common case (the loader
/// looks nodes up by pointer all the time).
pub fn lookup<'v>(value: &'v Value, pointer: &str) -> Option<&'v Value> {
    if pointer.is_empty() {
        return Some(value);
    }
    let rest = pointer.strip_prefix('/')?;
    let mut node = value;
    for segment in rest.split('/') {
        node = match node {
            Value::Object(map) => map.get(unescape_pointer(segment)?.as_ref())?,
            Value::Array(items) => items.get(array_index(segment)?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Escapes a key for use in a JSON pointer (RFC 6901).
pub fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The key a pointer segment names, or `None` if the segment is not a valid escape (`~2`).
fn unescape_pointer(segment: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !segment.contains('~') {
        return Some(segment.into());
    }
    let mut key = String::with_capacity(segment.len());
    let mut chars = segment.chars();
    while let Some(c) = chars.next() {
        match c {
            '~' => match chars.next()? {
                '0' => key.push('~'),
                '1' => key.push('/'),
                _ => return None,
            },
            c => key.push(c),
        }
    }
    Some(key.into())
}

/// The index an array pointer segment names: decimal, without leading zeros, as pointers are
/// written.
fn array_index(segment: &str) -> Option<usize> {
    let canonical = segment == "0" || !segment.starts_with('0');
    if canonical && !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
        segment.parse().ok()
    } else {
        None
    }
}

/// Parses a spec file, choosing the parser from its text: JSON when it starts (after a byte order
/// mark and whitespace) with `{` or `[`, YAML otherwise. Text that is not JSON is then tried as YAML
/// (a YAML flow mapping starts with `{` too), unless the file is named `.json`; when both fail, the
/// JSON error is reported.
pub fn parse(file: &Path, text: &str) -> Result<Document> {
    let start = text.strip_prefix('\u{feff}').unwrap_or(text);
    let looks_like_json = start
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .starts_with(['{', '[']);
    if !looks_like_json {
        return yaml::parse(file, text);
    }
    let json_error = match json::parse(file, text) {
        Ok(doc) => return Ok(doc),
        Err(e) => e,
    };
    let named_json = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if named_json {
        return Err(json_error);
    }
    yaml::parse(file, text).map_err(|_| json_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        parse(Path::new("t.yaml"), text).unwrap()
    }

    #[test]
    fn pointers_find_nodes_and_fall_back_to_ancestors() {
        let d = doc("a:\n  b:\n    - x\n    - y\n  c/d: 1\n  e~f: 2\n");
        let cases = [
            ("", Some((1, 1))),
            ("/a", Some((2, 3))),
            ("/a/b/1", Some((4, 7))),
            ("/a/b/1/nothing", Some((4, 7))),
            ("/a/b/2", Some((3, 5))),
            ("/a/b/01", Some((3, 5))),
            ("/a/c~1d", Some((5, 8))),
            ("/a/e~0f", Some((6, 8))),
            ("/a/e~2f", Some((2, 3))),
            ("/a/missing/b", Some((2, 3))),
            ("a", None),
        ];
        for (pointer, expected) in cases {
            assert_eq!(d.position(pointer), expected, "{pointer}");
        }
    }

    #[test]
    fn wide_containers_give_the_positions_narrow_ones_do() {
        // 40 keys and 40 items: looked into through the cache of children, with an alias copy
        // among them (a node without recorded children).
        let mut text = String::from("a:\n");
        for i in 0..40 {
            text.push_str(&format!("  k{i}: {{x: [1, 2]}}\n"));
        }
        text.push_str("  alias: *z\nb:\n");
        for i in 0..40 {
            text.push_str(&format!("  - [{i}, {{y: 1}}]\n"));
        }
        text.push_str("z: &z {q: [7]}\n");
        let text = text.replace("  alias: *z\n", "")
            + "c:\n"
            + &(0..40).map(|i| format!("  c{i}: *z\n")).collect::<String>();
        let d = doc(&text);
        for i in 0..40 {
            let key = format!("k{i}").len();
            assert_eq!(
                d.position(&format!("/a/k{i}")),
                Some((i + 2, key + 5)),
                "k{i}"
            );
            assert_eq!(
                d.position(&format!("/a/k{i}/x/1")),
                Some((i + 2, key + 13)),
                "k{i}/x/1"
            );
            assert_eq!(
                d.position(&format!("/b/{i}/1/y")),
                Some((i + 43, 13 + i.to_string().len() - 1)),
                "b/{i}"
            );
            // Alias copies: the alias's position, deeper pointers too.
            assert_eq!(
                d.position(&format!("/c/c{i}/q/0")),
                d.position(&format!("/c/c{i}")),
                "c{i}"
            );
        }
        assert_eq!(d.position("/a/missing"), Some((2, 3)));
        assert_eq!(d.position("/b/40"), Some((43, 3)));
    }

    #[test]
    fn alias_copies_take_the_alias_position() {
        let d = doc("a: &x {k: [1, 2]}\nb: *x\nc: 3\n");
        assert_eq!(d.position("/a/k/1"), Some((1, 15)));
        assert_eq!(d.position("/b/k/1"), Some((2, 4)));
        assert_eq!(d.position("/c"), Some((3, 4)));
    }

    #[test]
    fn an_empty_document_has_a_root_position_or_none() {
        assert_eq!(Document::default().position(""), None);
        assert_eq!(doc("").position("/a"), None);
    }

    #[test]
    fn the_parser_is_chosen_by_the_first_character() {
        // JSON, with an escape YAML does not read.
        let d = parse(Path::new("t.yaml"), " \n{\"a\": \"\\ud83d\\udc4d\"}").unwrap();
        assert_eq!(d.value["a"], "\u{1F44D}");
        // A YAML flow mapping in a YAML file.
        let d = parse(Path::new("t.yaml"), "{a: 1, b: [x]}").unwrap();
        assert_eq!(d.value, serde_json::json!({"a": 1, "b": ["x"]}));
        // The same in a `.json` file is a JSON error.
        let err = parse(Path::new("t.json"), "{a: 1}")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("error: t.json:1:2: JSON syntax error"),
            "{err}"
        );
        // Neither JSON nor YAML: the JSON error.
        let err = parse(Path::new("t.yaml"), "{\"a\": 1]")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("error: t.yaml:1:8: JSON syntax error"),
            "{err}"
        );
        // Anything else is YAML.
        let d = parse(Path::new("t.json"), "# comment\n{a: 1}").unwrap();
        assert_eq!(d.value, serde_json::json!({"a": 1}));
    }
}
