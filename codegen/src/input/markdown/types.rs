//! The Type cell of a properties row: the generators' type spellings (`[**Array&lt;Tag&gt;**](Tag.md)`,
//! `Option<**Vec<String>**>`, `Pointer to **NullableString**`, `map[string]interface{}`,
//! `**\Onfido\Model\X[]**`, `Option<**chrono::DateTime<chrono::FixedOffset>**>`) parsed into a type
//! expression whose model names are not yet resolved.
//!
//! Wrappers that only say how a language holds a value (`Box<…>`, `Rc<…>`, an inner `Option<…>`) are
//! looked through; paths (`models::`, `crate::models::`, `::std::collections::`, `\Onfido\Model\`)
//! are read by their last segment. A generic this reader does not know is kept as
//! [`Ty::Unsupported`], which the lowering reads as any JSON value with a warning.

use crate::ir::{Primitive, TypeRef};

use super::dialect::Dialect;
use super::text::decode;

/// A type expression as a doc spells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    /// A scalar or free-form type the dialect names.
    Known(TypeRef),
    /// A model (or an inline enum of the same doc), by the name the doc shows (`models::Tag`).
    Named(String),
    /// An array.
    Array(Box<Ty>),
    /// A map with string keys.
    Map(Box<Ty>),
    /// A type that may also be `null` (typescript's `X | null`).
    Nullable(Box<Ty>),
    /// A generic type this reader does not know (`Foo<Bar>`), or a union of several types
    /// (`string | number`), as written.
    Unsupported(String),
}

/// Everything a Type cell says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeCell {
    /// The type.
    pub ty: Ty,
    /// The link target (`Tag.md`, `#ResultEnum`), when the type is a link.
    pub link: Option<String>,
    /// How many `Option<…>` wrap the type (rust: optional, or nullable).
    pub options: usize,
    /// `Pointer to` precedes the type (go: optional).
    pub pointer: bool,
}

/// A Type cell that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeError {
    /// Byte offset in the raw cell text where the problem is.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses the raw text of a Type cell.
pub fn parse_cell(raw: &str, dialect: Dialect) -> Result<TypeCell, TypeError> {
    let mapped = decode(raw);
    let err = |at: usize, message: String| TypeError {
        offset: mapped.raw(at),
        message,
    };
    let text = mapped.text.as_str();
    let (mut start, mut end) = (0, text.len());
    let trim = |start: &mut usize, end: &mut usize| {
        let piece = &text[*start..*end];
        *start += piece.len() - piece.trim_start().len();
        *end = *start + piece.trim().len();
    };
    trim(&mut start, &mut end);

    let mut pointer = false;
    if text[start..end].starts_with("Pointer to ") {
        pointer = true;
        start += "Pointer to ".len();
        trim(&mut start, &mut end);
    }
    let mut options = 0;
    // `Option<…>` says optional or nullable; `Box<…>` only how rust holds a recursive field.
    while text[start..end].ends_with('>') {
        let wrapper = ["Option<", "Box<"]
            .into_iter()
            .find(|w| text[start..end].starts_with(w));
        let Some(wrapper) = wrapper else { break };
        options += usize::from(wrapper == "Option<");
        start += wrapper.len();
        end -= 1;
        trim(&mut start, &mut end);
    }
    let mut link = None;
    let piece = &text[start..end];
    if piece.starts_with('[') && piece.ends_with(')') {
        if let Some(k) = piece.rfind("](") {
            link = Some(piece[k + 2..piece.len() - 1].trim().to_owned());
            end = start + k;
            start += 1;
        }
    }
    let piece = &text[start..end];
    if piece.starts_with("**") && piece.ends_with("**") && piece.len() >= 4 {
        start += 2;
        end -= 2;
    }
    trim(&mut start, &mut end);
    let mut parser = Parser {
        text: &text[..end],
        pos: start,
        dialect,
        depth: 0,
    };
    let ty = parser.expr().map_err(|(at, m)| err(at, m))?;
    parser.skip_ws();
    if parser.pos < end {
        let rest = &text[parser.pos..end];
        let message = if rest.starts_with(['>', ']', '}']) {
            format!(
                "unbalanced type {:?}: unexpected {:?}",
                &text[start..end],
                &rest[..1]
            )
        } else {
            format!("unexpected {rest:?} after the type")
        };
        return Err(err(parser.pos, message));
    }
    Ok(TypeCell {
        ty,
        link,
        options,
        pointer,
    })
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    dialect: Dialect,
    /// Types open around the one being read (the parser is recursive; see [`MAX_NESTING`]).
    depth: usize,
}

/// Most type constructors nested in one cell.
const MAX_NESTING: usize = crate::input::limits::MAX_MARKDOWN_TYPE_NESTING;

fn too_deep(at: usize) -> (usize, String) {
    (
        at,
        format!("type nested too deep: more than {MAX_NESTING} types inside one another"),
    )
}

type Step<T> = Result<T, (usize, String)>;

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, s: &str) -> bool {
        self.skip_ws();
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, s: &str, opened_at: usize) -> Step<()> {
        if self.eat(s) {
            Ok(())
        } else {
            let whole = self.text.get(opened_at..).unwrap_or("");
            Err((
                self.pos,
                format!("unbalanced type {whole:?}: expected {s:?}"),
            ))
        }
    }

    fn name(&mut self) -> &str {
        self.skip_ws();
        let start = self.pos;
        let rest = self.rest();
        let mut len = 0;
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            // A single `:` ends the name (`key: string`); `::` is a path separator.
            let path_sep = c == ':' && rest[i + 1..].starts_with(':');
            if path_sep {
                chars.next();
                len = i + 2;
            } else if c.is_alphanumeric() || matches!(c, '_' | '.' | '\\' | '*' | '$') {
                len = i + c.len_utf8();
            } else {
                break;
            }
        }
        self.pos += len;
        &self.text[start..start + len]
    }

    /// A type, or typescript's union of types (`Tag | null`).
    fn expr(&mut self) -> Step<Ty> {
        self.skip_ws();
        let at = self.pos;
        let first = self.term()?;
        let mut others = Vec::new();
        let mut null = false;
        while self.eat("|") {
            self.skip_ws();
            if self.rest().starts_with("null")
                && !self.rest()[4..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            {
                self.pos += 4;
                null = true;
            } else {
                others.push(self.term()?);
            }
        }
        Ok(match (others.is_empty(), null) {
            (true, false) => first,
            (true, true) => Ty::Nullable(Box::new(first)),
            (false, _) => Ty::Unsupported(self.text[at..self.pos].trim().to_owned()),
        })
    }

    /// A type without unions.
    fn term(&mut self) -> Step<Ty> {
        self.skip_ws();
        if self.depth >= MAX_NESTING {
            return Err(too_deep(self.pos));
        }
        self.depth += 1;
        let ty = self.term_within();
        self.depth -= 1;
        ty
    }

    fn term_within(&mut self) -> Step<Ty> {
        let at = self.pos;
        let mut ty = if self.eat("[]") {
            Ty::Array(Box::new(self.expr()?))
        } else if self.eat("map[") {
            self.expr()?;
            self.expect("]", at)?;
            Ty::Map(Box::new(self.expr()?))
        } else if self.eat("{") {
            // TypeScript's index signature: `{ [key: string]: T; }`.
            self.expect("[", at)?;
            self.name();
            self.expect(":", at)?;
            self.expr()?;
            self.expect("]", at)?;
            self.expect(":", at)?;
            let value = self.expr()?;
            self.eat(";");
            self.expect("}", at)?;
            Ty::Map(Box::new(value))
        } else {
            let name = self.name().to_owned();
            if name.is_empty() {
                let found = self.rest().chars().next();
                return Err((
                    self.pos,
                    match found {
                        Some(c) => format!("expected a type, found {c:?}"),
                        None => "expected a type".to_owned(),
                    },
                ));
            }
            let mut args = Vec::new();
            if name == "interface" && self.eat("{}") {
                return self.postfix(Ty::Known(TypeRef::Any));
            }
            let close = if self.eat("<") {
                Some(">")
            } else if !self.rest().starts_with("[]") && self.eat("[") {
                Some("]")
            } else {
                None
            };
            if let Some(close) = close {
                loop {
                    args.push(self.expr()?);
                    if !self.eat(",") {
                        break;
                    }
                }
                self.expect(close, at)?;
            }
            self.apply(&name, args, at)?
        };
        ty = self.postfix(ty)?;
        Ok(ty)
    }

    fn postfix(&mut self, mut ty: Ty) -> Step<Ty> {
        let mut depth = self.depth;
        while self.rest().starts_with("[]") {
            if depth >= MAX_NESTING {
                return Err(too_deep(self.pos));
            }
            depth += 1;
            self.pos += 2;
            // java's `byte[]` is base64 text (`format: byte`), not a list of numbers.
            ty = match ty {
                Ty::Named(name) if name == "byte" => Ty::Known(TypeRef::Primitive(Primitive::Byte)),
                ty => Ty::Array(Box::new(ty)),
            };
        }
        Ok(ty)
    }

    /// A name with its generic arguments.
    fn apply(&self, name: &str, mut args: Vec<Ty>, at: usize) -> Step<Ty> {
        // rust-server's turbofish: `chrono::DateTime::<chrono::Utc>`.
        let name = name.strip_suffix("::").unwrap_or(name);
        let last = name.rsplit([':', '\\', '.']).next().unwrap_or(name);
        let container = |n: usize, args: &mut Vec<Ty>| -> Step<Ty> {
            if args.len() != n {
                return Err((
                    at,
                    format!("{name} takes {n} type argument(s), found {}", args.len()),
                ));
            }
            Ok(args.pop().unwrap_or(Ty::Known(TypeRef::Any)))
        };
        if args.is_empty() {
            if let Some(known) = self.dialect.scalar(name) {
                return Ok(Ty::Known(known));
            }
            return Ok(Ty::Named(name.to_owned()));
        }
        // A scalar with parameters: `chrono::DateTime<chrono::FixedOffset>`.
        if let Some(known) = self.dialect.scalar(name) {
            return Ok(Ty::Known(known));
        }
        match last {
            "Array" | "List" | "list" | "Vec" | "Set" | "set" | "ArrayList" | "Seq" | "HashSet"
            | "BTreeSet" | "LinkedHashSet" | "IndexSet" | "Sequence" => {
                Ok(Ty::Array(Box::new(container(1, &mut args)?)))
            }
            // php spells lists `array<T>` and maps `array<string,T>`.
            "array" if args.len() == 1 => Ok(Ty::Array(Box::new(container(1, &mut args)?))),
            "Map" | "Dict" | "dict" | "Hash" | "HashMap" | "BTreeMap" | "IndexMap" | "Record"
            | "map" | "array" | "Mapping" => Ok(Ty::Map(Box::new(container(2, &mut args)?))),
            // Ways a language holds a value, which say nothing of its JSON: looked through. (An
            // `Option` inside a type says its items may be null, which the IR cannot hold.)
            "Option" | "Optional" | "Box" | "Rc" | "Arc" | "JsonNullable" | "Nullable" => {
                container(1, &mut args)
            }
            _ => Ok(Ty::Unsupported(
                self.text.get(at..self.pos).unwrap_or(name).to_owned(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Primitive;

    fn show(ty: &Ty) -> String {
        match ty {
            Ty::Known(TypeRef::Primitive(p)) => format!("{p:?}"),
            Ty::Known(other) => format!("{other:?}"),
            Ty::Named(n) => format!("@{n}"),
            Ty::Array(t) => format!("[{}]", show(t)),
            Ty::Map(t) => format!("{{{}}}", show(t)),
            Ty::Nullable(t) => format!("{}?", show(t)),
            Ty::Unsupported(text) => format!("unsupported {text:?}"),
        }
    }

    fn check(d: Dialect, raw: &str, want: &str) {
        let got = match parse_cell(raw, d) {
            Ok(c) => format!(
                "{}{}{}{}",
                show(&c.ty),
                c.link.map(|l| format!(" -> {l}")).unwrap_or_default(),
                if c.options > 0 {
                    format!(" option*{}", c.options)
                } else {
                    String::new()
                },
                if c.pointer { " pointer" } else { "" },
            ),
            Err(e) => format!("error at {}: {}", e.offset, e.message),
        };
        assert_eq!(got, want, "{d} {raw}");
    }

    #[test]
    fn typescript_spellings() {
        use Dialect::TypeScript as T;
        check(T, "**string**", "String");
        check(T, "**number**", "Double");
        check(T, "**object**", "Object");
        check(T, "**any**", "Any");
        check(T, "**Array&lt;string&gt;**", "[String]");
        check(T, "[**Address**](Address.md)", "@Address -> Address.md");
        check(
            T,
            "[**Array&lt;IdNumber&gt;**](IdNumber.md)",
            "[@IdNumber] -> IdNumber.md",
        );
        check(T, "**{ [key: string]: any; }**", "{Any}");
        check(T, "**Array&lt;{ [key: string]: any; }&gt;**", "[{Any}]");
        check(T, "**Array&lt;Array&lt;number&gt;&gt;**", "[[Double]]");
    }

    #[test]
    fn other_dialect_spellings() {
        check(Dialect::Python, "**List[str]**", "[String]");
        check(Dialect::Python, "**Dict[str, object]**", "{Object}");
        check(
            Dialect::Python,
            "[**List[ReportName]**](ReportName.md)",
            "[@ReportName] -> ReportName.md",
        );
        check(Dialect::Java, "**UUID**", "Uuid");
        check(Dialect::Java, "**OffsetDateTime**", "DateTime");
        check(Dialect::Java, "**LocalDate**", "Date");
        check(Dialect::Java, "**Integer**", "Int32");
        check(Dialect::Java, "**Map&lt;String, Object&gt;**", "{Object}");
        check(
            Dialect::Java,
            "[**ResultEnum**](#ResultEnum)",
            "@ResultEnum -> #ResultEnum",
        );
        check(Dialect::Ruby, "**Hash&lt;String, Object&gt;**", "{Object}");
        check(Dialect::Ruby, "**Time**", "DateTime");
        check(Dialect::Php, "**\\DateTime**", "DateTime");
        check(Dialect::Php, "**string[]**", "[String]");
        check(Dialect::Php, "**string[][]**", "[[String]]");
        check(Dialect::Php, "**array<string,mixed>**", "{Any}");
        check(
            Dialect::Php,
            "[**\\Onfido\\Model\\ReportName[]**](ReportName.md)",
            "[@\\Onfido\\Model\\ReportName] -> ReportName.md",
        );
        check(
            Dialect::Rust,
            "Option<**Vec<String>**>",
            "[String] option*1",
        );
        check(
            Dialect::Rust,
            "Option<[**models::WorkflowRunLink**](workflow_run_link.md)>",
            "@models::WorkflowRunLink -> workflow_run_link.md option*1",
        );
        check(
            Dialect::Rust,
            "[**uuid::Uuid**](uuid::Uuid.md)",
            "Uuid -> uuid::Uuid.md",
        );
        check(Dialect::Rust, "[**serde_json::Value**](.md)", "Any -> .md");
        check(
            Dialect::Rust,
            "**std::collections::HashMap<String, serde_json::Value>**",
            "{Any}",
        );
        check(
            Dialect::Go,
            "Pointer to **NullableString**",
            "@NullableString pointer",
        );
        check(Dialect::Go, "**map[string]interface{}**", "{Any}");
        check(
            Dialect::Go,
            "[**[]ReportName**](ReportName.md)",
            "[@ReportName] -> ReportName.md",
        );
        check(
            Dialect::Go,
            "Pointer to **[][]float32**",
            "[[Float]] pointer",
        );
        check(Dialect::Go, "**time.Time**", "DateTime");
        assert_eq!(
            parse_cell("**int32**", Dialect::Go).map(|c| c.ty),
            Ok(Ty::Known(TypeRef::Primitive(Primitive::Int32)))
        );
    }

    /// Spellings seen in docs of openapi-generator 7.0 to 7.26 (`tests/fixtures/markdown/`).
    #[test]
    fn spellings_of_every_version() {
        use Dialect::{Go, Java, Php, Python, Rust, TypeScript};
        for (d, raw, want) in [
            (Rust, "Option<**chrono::DateTime<chrono::FixedOffset>**>", "DateTime option*1"),
            (Rust, "**chrono::NaiveDate**", "Date"),
            (Rust, "**chrono::DateTime::<chrono::Utc>**", "DateTime"),
            (Rust, "Option<[**crate::models::Pet**](Pet.md)>", "@crate::models::Pet -> Pet.md option*1"),
            (Rust, "Option<Box<[**models::Pet**](Pet.md)>>", "@models::Pet -> Pet.md option*1"),
            (Rust, "**Box<models::Pet>**", "@models::Pet"),
            (Rust, "Option<[**Vec<Vec<f64>>**](Vec.md)>", "[[Double]] -> Vec.md option*1"),
            (
                Rust,
                "Option<[**::std::collections::HashMap<String, serde_json::Value>**](serde_json::Value.md)>",
                "{Any} -> serde_json::Value.md option*1",
            ),
            (
                Rust,
                "Option<[**std::collections::HashMap<String, Vec<String>>**](Vec.md)>",
                "{[String]} -> Vec.md option*1",
            ),
            (Rust, "Option<[**String**](string.md)>", "String -> string.md option*1"),
            (Rust, "Option<[**std::path::PathBuf**](std::path::PathBuf.md)>", "Binary -> std::path::PathBuf.md option*1"),
            (Rust, "**Vec<Option<String>>**", "[String]"),
            (Go, "Pointer to **NullableBool**", "@NullableBool pointer"),
            (Go, "Pointer to **map[string]map[string]string**", "{{String}} pointer"),
            (Go, "Pointer to **[]map[string]interface{}**", "[{Any}] pointer"),
            (Go, "Pointer to ***os.File**", "Binary pointer"),
            (Go, "Pointer to **map[string][]string**", "{[String]} pointer"),
            (Java, "**byte[]**", "Byte"),
            (Java, "**Long**", "Int64"),
            (Java, "**Double**", "Double"),
            (Java, "**URI**", "Uri"),
            (Java, "[**Map&lt;String, Owner&gt;**](Owner.md)", "{@Owner} -> Owner.md"),
            (Java, "**List&lt;Map&lt;String, Object&gt;&gt;**", "[{Object}]"),
            (Php, "**array<string,mixed>[]**", "[{Any}]"),
            (Php, "**array<string,string[]>**", "{[String]}"),
            (Php, "[**array<string,\\Onfido\\Model\\Owner>**](Owner.md)", "{@\\Onfido\\Model\\Owner} -> Owner.md"),
            (Php, "**\\SplFileObject**", "Binary"),
            (Python, "**Dict[str, List[str]]**", "{[String]}"),
            (Python, "**StrictStr**", "String"),
            (Python, "**Union[StrictFloat, StrictInt]**", "unsupported \"Union[StrictFloat, StrictInt]\""),
            (Python, "**bytearray**", "Binary"),
            (Python, "**decimal.Decimal**", "Double"),
            (TypeScript, "**{ [key: string]: string | null; }**", "{String?}"),
            (TypeScript, "[**Array&lt;Tag | null&gt;**](Tag.md)", "[@Tag?] -> Tag.md"),
            (TypeScript, "**string | null**", "String?"),
            (TypeScript, "**string | number**", "unsupported \"string | number\""),
            (TypeScript, "**{ [key: string]: Array&lt;string&gt;; }**", "{[String]}"),
            (TypeScript, "**File**", "Binary"),
        ] {
            check(d, raw, want);
        }
    }

    #[test]
    fn malformed_types_are_errors_with_offsets() {
        use Dialect::TypeScript as T;
        check(
            T,
            "**Array&lt;Tag**",
            "error at 14: unbalanced type \"Array<Tag\": expected \">\"",
        );
        check(
            T,
            "**Array&lt;Tag&gt;&gt;**",
            "error at 18: unbalanced type \"Array<Tag>>\": unexpected \">\"",
        );
        check(T, "****", "error at 2: expected a type");
        check(T, "**Foo&lt;a&gt;**", "unsupported \"Foo<a>\"");
        check(
            T,
            "**Array&lt;a, b&gt;**",
            "error at 2: Array takes 1 type argument(s), found 2",
        );
    }
}
