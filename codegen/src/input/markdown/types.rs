//! The Type cell of a properties row: the generators' type spellings (`[**Array&lt;Tag&gt;**](Tag.md)`,
//! `Option<**Vec<String>**>`, `Pointer to **NullableString**`, `map[string]interface{}`,
//! `**\Onfido\Model\X[]**`) parsed into a type expression whose model names are not yet resolved.

use crate::ir::TypeRef;

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
    while text[start..end].starts_with("Option<") && text[start..end].ends_with('>') {
        options += 1;
        start += "Option<".len();
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

    fn expr(&mut self) -> Step<Ty> {
        self.skip_ws();
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
        while self.rest().starts_with("[]") {
            self.pos += 2;
            ty = Ty::Array(Box::new(ty));
        }
        Ok(ty)
    }

    /// A name with its generic arguments.
    fn apply(&self, name: &str, mut args: Vec<Ty>, at: usize) -> Step<Ty> {
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
        match last {
            "Array" | "List" | "list" | "Vec" | "Set" | "set" | "ArrayList" | "Seq" => {
                Ok(Ty::Array(Box::new(container(1, &mut args)?)))
            }
            // php spells lists `array<T>` and maps `array<string,T>`.
            "array" if args.len() == 1 => Ok(Ty::Array(Box::new(container(1, &mut args)?))),
            "Map" | "Dict" | "dict" | "Hash" | "HashMap" | "BTreeMap" | "Record" | "map"
            | "array" => Ok(Ty::Map(Box::new(container(2, &mut args)?))),
            _ => Err((at, format!("unknown generic type {name:?}"))),
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
        check(
            T,
            "**Foo&lt;a&gt;**",
            "error at 2: unknown generic type \"Foo\"",
        );
        check(
            T,
            "**Array&lt;a, b&gt;**",
            "error at 2: Array takes 1 type argument(s), found 2",
        );
    }
}
