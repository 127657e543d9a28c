//! The openapi-generator languages whose model docs can be read, how to recognise each from the files,
//! and what each one's property names and scalar type names mean.

use std::fmt;

use crate::ir::{Primitive, TypeRef};
use crate::naming;

/// The generator (language) that wrote a set of model docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dialect {
    /// `typescript-axios` (and the other TypeScript generators, which share its doc template).
    TypeScript,
    /// `python` (pydantic v2).
    Python,
    /// `java` (okhttp-gson).
    Java,
    /// `ruby` (faraday).
    Ruby,
    /// `php`.
    Php,
    /// `rust`.
    Rust,
    /// `go`.
    Go,
}

impl Dialect {
    /// Every dialect, in the order ties are broken when recognising one.
    pub const ALL: [Dialect; 7] = [
        Dialect::TypeScript,
        Dialect::Python,
        Dialect::Java,
        Dialect::Ruby,
        Dialect::Php,
        Dialect::Rust,
        Dialect::Go,
    ];

    /// The generator's name, as in `openapi-generator generate -g NAME`.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::TypeScript => "typescript",
            Dialect::Python => "python",
            Dialect::Java => "java",
            Dialect::Ruby => "ruby",
            Dialect::Php => "php",
            Dialect::Rust => "rust",
            Dialect::Go => "go",
        }
    }

    /// The JSON name of a property named `shown` in the doc, and whether it is only a guess.
    pub fn wire_name(self, shown: &str) -> (String, bool) {
        match self {
            // Reserved words get a `_` prefix (`_class`); other leading underscores are real.
            Dialect::TypeScript | Dialect::Ruby => {
                let reserved = if self == Dialect::TypeScript {
                    TS_RESERVED
                } else {
                    RUBY_RESERVED
                };
                match shown.strip_prefix('_') {
                    Some(rest) if reserved.contains(&rest) => (rest.to_owned(), false),
                    _ => (shown.to_owned(), false),
                }
            }
            Dialect::Python => match shown.strip_prefix("var_") {
                Some(rest) if PYTHON_RESERVED.contains(&rest) => (rest.to_owned(), false),
                _ => (shown.to_owned(), false),
            },
            Dialect::Java => {
                // Reserved words become `propertyClass`; the rest is camelCase of the JSON name.
                let unreserved = shown
                    .strip_prefix("property")
                    .map(naming::snake)
                    .filter(|rest| JAVA_RESERVED.contains(&rest.as_str()));
                (unreserved.unwrap_or_else(|| naming::snake(shown)), true)
            }
            Dialect::Go => (naming::snake(shown), true),
            // rust shows keywords as raw identifiers (`r#type`).
            Dialect::Rust => (shown.strip_prefix("r#").unwrap_or(shown).to_owned(), false),
            Dialect::Php => (shown.to_owned(), false),
        }
    }

    /// The IR type of a scalar or free-form type name of this dialect, or `None` for a model name.
    pub fn scalar(self, name: &str) -> Option<TypeRef> {
        use Primitive as P;
        let p = |p: Primitive| Some(TypeRef::Primitive(p));
        // Names whose meaning depends on the language come first.
        match (self, name) {
            (Dialect::Java, "Integer") => return p(P::Int32),
            (Dialect::Java, "Float") => return p(P::Float),
            (Dialect::Java, "Date") => return p(P::DateTime),
            (Dialect::Ruby, "Time") => return p(P::DateTime),
            (Dialect::Ruby | Dialect::Java, "Object") => return Some(TypeRef::Object),
            (Dialect::Rust, "Value" | "serde_json::Value") => return Some(TypeRef::Any),
            _ => {}
        }
        match name {
            // python's pydantic types (`StrictStr`) in the docs of some versions.
            "string" | "String" | "str" | "StrictStr" => p(P::String),
            "boolean" | "Boolean" | "bool" | "StrictBool" => p(P::Boolean),
            "number" | "float" | "Float" | "float64" | "f64" | "double" | "Double"
            | "BigDecimal" | "decimal" | "Decimal" | "decimal.Decimal" | "Number"
            | "StrictFloat" => p(P::Double),
            "float32" | "f32" => p(P::Float),
            "int" | "Int" | "Integer" | "integer" | "Long" | "long" | "int64" | "i64" | "u64"
            | "isize" | "usize" | "BigInteger" | "StrictInt" => p(P::Int64),
            "int32" | "i32" | "u32" | "Int32" | "i16" | "u16" | "i8" | "u8" | "Short" => {
                p(P::Int32)
            }
            "UUID" | "uuid::Uuid" | "Uuid" | "uuid" => p(P::Uuid),
            "OffsetDateTime"
            | "datetime"
            | "DateTime"
            | "\\DateTime"
            | "time.Time"
            | "Time"
            | "chrono::DateTime"
            | "NaiveDateTime"
            | "chrono::NaiveDateTime" => p(P::DateTime),
            "LocalDate" | "date" | "Date" | "NaiveDate" | "chrono::NaiveDate" => p(P::Date),
            "URI" | "URL" | "java.net.URI" => p(P::Uri),
            "File" | "Blob" | "binary" | "bytearray" | "bytes" | "*os.File" | "os.File"
            | "std::path::PathBuf" | "\\SplFileObject" | "SplFileObject" | "StrictBytes" => {
                p(P::Binary)
            }
            "object" | "Object" | "AnyValue" => Some(TypeRef::Object),
            "any" | "AnyType" | "Any" | "mixed" => Some(TypeRef::Any),
            _ => None,
        }
    }

    /// The type a go `NullableX` wrapper of a scalar stands for (`NullableBool`, `NullableInt32`,
    /// `NullableTime`); `None` for other names, and in other dialects.
    pub fn nullable_scalar(self, name: &str) -> Option<TypeRef> {
        let rest = name
            .strip_prefix("Nullable")
            .filter(|_| self == Dialect::Go)?;
        let mut chars = rest.chars();
        let lower: String = chars
            .next()
            .map(|c| c.to_ascii_lowercase())
            .into_iter()
            .chain(chars)
            .collect();
        self.scalar(&lower).or_else(|| self.scalar(rest))
    }

    /// How strongly the text of one doc suggests each dialect.
    fn score(text: &str) -> [u32; 7] {
        let mut score = [0u32; 7];
        let mut add = |d: Dialect, markers: &[&str], weight: u32| {
            for m in markers {
                if text.contains(m) {
                    score[d as usize] += weight;
                }
            }
        };
        add(
            Dialect::TypeScript,
            &[
                "[default to undefined]",
                "```typescript",
                "{ [key: string]:",
            ],
            5,
        );
        add(Dialect::TypeScript, &["**number**", "**Array&lt;"], 2);
        add(Dialect::Python, &["```python", "**List[", "**Dict["], 5);
        add(
            Dialect::Python,
            &["**str**", "**datetime**", "**float**"],
            2,
        );
        add(
            Dialect::Java,
            &["## Enum: ", "\n|------------ | ------------- |"],
            5,
        );
        add(
            Dialect::Java,
            &[
                "**List&lt;",
                "**Map&lt;",
                "**OffsetDateTime**",
                "**UUID**",
                "**LocalDate**",
                "**BigDecimal**",
            ],
            2,
        );
        add(
            Dialect::Ruby,
            &["```ruby", "\n| ---- | ---- |", "openapi_one_of"],
            5,
        );
        add(Dialect::Ruby, &["**Hash&lt;", "**Time**"], 2);
        add(
            Dialect::Php,
            &["\n# # ", "../../README.md#models", "**\\"],
            5,
        );
        add(Dialect::Php, &["[]**", "**int**", "**bool**"], 1);
        add(
            Dialect::Rust,
            &["## Enum Variants", "Option<**", "Option<[**"],
            5,
        );
        add(
            Dialect::Rust,
            &["**Vec<", "**i32**", "**i64**", "**f64**", "models::"],
            2,
        );
        add(
            Dialect::Go,
            &["Pointer to ", "## Methods", "**map[string]"],
            5,
        );
        add(
            Dialect::Go,
            &["**[]", "**int32**", "**time.Time**", "**Nullable"],
            2,
        );
        // A module-qualified title is ruby's (`# Onfido::WorkflowRun`).
        if text
            .lines()
            .any(|l| l.starts_with("# ") && !l.starts_with("# # ") && l.contains("::"))
        {
            score[Dialect::Ruby as usize] += 5;
        }
        score
    }

    /// The dialect that a set of docs was most likely written in; TypeScript when nothing tells.
    pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Dialect {
        let mut total = [0u32; 7];
        for text in texts {
            let text = format!("\n{text}");
            for (t, s) in total.iter_mut().zip(Dialect::score(&text)) {
                *t += s;
            }
        }
        let mut best = Dialect::TypeScript;
        for d in Dialect::ALL {
            if total[d as usize] > total[best as usize] {
                best = d;
            }
        }
        best
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Words typescript generators prefix with `_` (a subset: the ones that can be JSON property names).
const TS_RESERVED: &[&str] = &[
    "abstract",
    "await",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "double",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "final",
    "finally",
    "float",
    "for",
    "function",
    "goto",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "int",
    "interface",
    "let",
    "long",
    "native",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "transient",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "volatile",
    "while",
    "with",
    "yield",
];

/// Words the ruby generator prefixes with `_`.
const RUBY_RESERVED: &[&str] = &[
    "__file__", "__line__", "alias", "and", "begin", "break", "case", "class", "def", "defined?",
    "do", "else", "elsif", "end", "ensure", "false", "for", "if", "in", "module", "next", "nil",
    "not", "or", "redo", "rescue", "retry", "return", "self", "super", "then", "true", "undef",
    "unless", "until", "when", "while", "yield",
];

/// Words the python generator prefixes with `var_`.
const PYTHON_RESERVED: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "exec", "false", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "none", "nonlocal", "not", "or", "pass", "print", "raise", "return", "self",
    "true", "try", "while", "with", "yield", "property", "schema", "base64", "json", "date",
    "float",
];

/// Words the java generator prefixes with `property`.
const JAVA_RESERVED: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "try",
    "void",
    "volatile",
    "while",
    "object",
    "list",
    "file",
    "localdate",
    "localtime",
    "offsetdatetime",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_names_give_json_names() {
        for (d, shown, want, guess) in [
            (Dialect::TypeScript, "_class", "class", false),
            (Dialect::TypeScript, "_links", "_links", false),
            (Dialect::Python, "var_class", "class", false),
            (Dialect::Python, "var_x", "var_x", false),
            (Dialect::Ruby, "_class", "class", false),
            (Dialect::Java, "propertyClass", "class", true),
            (Dialect::Java, "applicantId", "applicant_id", true),
            (Dialect::Java, "propertyId", "property_id", true),
            (Dialect::Go, "ApplicantId", "applicant_id", true),
            (Dialect::Php, "class", "class", false),
            (Dialect::Rust, "type", "type", false),
        ] {
            assert_eq!(d.wire_name(shown), (want.to_owned(), guess), "{d} {shown}");
        }
    }
}
