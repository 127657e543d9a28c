//! Turns source names into Rust identifiers and decides where `#[serde(rename)]` is needed.
//!
//! This is the one place that knows Rust's naming rules. Type names are UpperCamelCase with the input's
//! capitals kept inside words (`document_CDQ_reasons` and `DocumentCDQReasons` both give
//! `DocumentCDQReasons`, as openapi-generator names its docs), so a model has one Rust name whichever
//! input it came from. Names that collide after conversion are told apart deterministically: the
//! source names are sorted, the first keeps the plain name and the others get `2`, `3`, … appended; the
//! doc comment of a renamed type says so.

use std::collections::{BTreeMap, BTreeSet};

use crate::ir::Model;

/// Words that cannot be raw identifiers (`r#self` is invalid), so get a trailing `_`.
const NOT_RAW: &[&str] = &["crate", "self", "super", "Self", "_"];

/// Rust keywords of every edition, strict and reserved.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Type names the generated code itself uses, which a model must not take.
pub const RESERVED_TYPE_NAMES: &[&str] = &["Nullable", "Validate", "Violation"];

/// Splits a source name into ASCII words: at every character that is not a letter or digit, and
/// between a lowercase letter or digit and an uppercase letter (`workflowRun` -> `workflow`, `Run`).
/// Letters and digits outside ASCII are spelled in ASCII first ([`transliterate`]), so every word is
/// made of ASCII letters and digits only.
fn words(source: &str) -> Vec<String> {
    let ascii = transliterate(source);
    let mut out = Vec::new();
    for part in ascii.split(|c: char| !c.is_ascii_alphanumeric()) {
        let bytes = part.as_bytes();
        let mut start = 0;
        for i in 1..bytes.len() {
            let (a, b) = (bytes[i - 1], bytes[i]);
            if (a.is_ascii_lowercase() || a.is_ascii_digit()) && b.is_ascii_uppercase() {
                out.push(part[start..i].to_owned());
                start = i;
            }
        }
        if start < part.len() {
            out.push(part[start..].to_owned());
        }
    }
    out
}

/// `source` with letters and digits outside ASCII spelled in ASCII: accents dropped (`é` -> `e`),
/// ligatures and special letters spelled out (`ß` -> `ss`, `æ` -> `ae`), superscripts and fractions
/// as digits or words (`²` -> `2`, `½` -> ` half `); any other letter or digit becomes its code point
/// (`名` -> ` u540d `). Other characters are kept: they separate words.
pub fn transliterate(source: &str) -> String {
    if source.is_ascii() {
        return source.to_owned();
    }
    let mut out = String::with_capacity(source.len() + 8);
    for c in source.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(ascii) = ascii_letter(c) {
            out.push_str(ascii);
        } else if c.is_alphanumeric() {
            out.push_str(&format!(" u{:x} ", c as u32));
        } else {
            out.push(' ');
        }
    }
    out
}

/// The ASCII spelling of a letter or digit of the Latin-1 and Latin Extended-A blocks, and of the
/// common superscripts and fractions.
fn ascii_letter(c: char) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("ÀÁÂÃÄÅĀĂĄ", "A"),
        ("àáâãäåāăąª", "a"),
        ("ÇĆĈĊČ", "C"),
        ("çćĉċč", "c"),
        ("ĎĐÐ", "D"),
        ("ďđð", "d"),
        ("ÈÉÊËĒĔĖĘĚ", "E"),
        ("èéêëēĕėęě", "e"),
        ("ĜĞĠĢ", "G"),
        ("ĝğġģ", "g"),
        ("ĤĦ", "H"),
        ("ĥħ", "h"),
        ("ÌÍÎÏĨĪĬĮİ", "I"),
        ("ìíîïĩīĭįı", "i"),
        ("Ĵ", "J"),
        ("ĵ", "j"),
        ("Ķ", "K"),
        ("ķĸ", "k"),
        ("ĹĻĽĿŁ", "L"),
        ("ĺļľŀł", "l"),
        ("ÑŃŅŇŊ", "N"),
        ("ñńņňŉŋ", "n"),
        ("ÒÓÔÕÖØŌŎŐ", "O"),
        ("òóôõöøōŏőº", "o"),
        ("ŔŖŘ", "R"),
        ("ŕŗř", "r"),
        ("ŚŜŞŠ", "S"),
        ("śŝşšſ", "s"),
        ("ŢŤŦ", "T"),
        ("ţťŧ", "t"),
        ("ÙÚÛÜŨŪŬŮŰŲ", "U"),
        ("ùúûüũūŭůűųµ", "u"),
        ("Ŵ", "W"),
        ("ŵ", "w"),
        ("ÝŶŸ", "Y"),
        ("ýÿŷ", "y"),
        ("ŹŻŽ", "Z"),
        ("źżž", "z"),
        ("Æ", "AE"),
        ("æ", "ae"),
        ("Œ", "OE"),
        ("œ", "oe"),
        ("ß", "ss"),
        ("Þ", "Th"),
        ("þ", "th"),
        ("Ĳ", "IJ"),
        ("ĳ", "ij"),
        ("¹", "1"),
        ("²", "2"),
        ("³", "3"),
        ("¼", " quarter "),
        ("½", " half "),
        ("¾", " three quarters "),
    ];
    TABLE
        .iter()
        .find(|(chars, _)| chars.contains(c))
        .map(|(_, ascii)| *ascii)
}

/// UpperCamelCase, keeping capitals inside words: `workflow_run` -> `WorkflowRun`,
/// `document_CDQ_reasons` -> `DocumentCDQReasons`, `en_US` -> `EnUS`. A name that would start with a
/// digit gets a leading `V` (`3d` -> `V3d`); an empty one becomes `Empty`.
pub fn upper_camel(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for word in &words(source) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    if out.is_empty() {
        return "Empty".to_owned();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    if out == "Self" {
        out.push('_');
    }
    out
}

/// snake_case: `applicantId` -> `applicant_id`, `CDQReasons` -> `cdq_reasons`, `class` -> `class`.
/// A name that would start with a digit gets a leading `_`.
pub fn snake(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 4);
    for word in &words(source) {
        // Split acronyms followed by a word: `CDQReasons` -> `CDQ`, `Reasons`.
        let chars: Vec<char> = word.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let prev_upper = i > 0 && chars[i - 1].is_uppercase();
            let starts_word = i == 0 || (c.is_uppercase() && prev_upper && next_lower);
            if starts_word && !out.is_empty() {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        }
    }
    if out.is_empty() {
        return "empty".to_owned();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        // Digits alone would be `_9`, which clippy asks to name (`just_underscores_and_digits`).
        let prefix = if out.contains(|c: char| c.is_ascii_alphabetic()) {
            "_"
        } else {
            "v"
        };
        out.insert_str(0, prefix);
    }
    out
}

/// A field identifier for a JSON name, and whether `#[serde(rename)]` is needed to keep the wire name.
/// Keywords become raw identifiers (`type` -> `r#type`), which serde reads without the `r#`; the few
/// words that cannot be raw get a trailing underscore (`self` -> `self_`).
pub fn field_ident(wire: &str) -> (String, bool) {
    let ident = identifier(wire, Position::Field);
    let plain = ident.strip_prefix("r#").unwrap_or(&ident);
    let needs_rename = plain != wire;
    (ident, needs_rename)
}

/// Escapes a keyword: raw identifier where allowed, trailing `_` otherwise.
pub fn escape_keyword(ident: String) -> String {
    if NOT_RAW.contains(&ident.as_str()) {
        format!("{ident}_")
    } else if KEYWORDS.contains(&ident.as_str()) {
        format!("r#{ident}")
    } else {
        ident
    }
}

/// Where an identifier stands in the generated code, which decides its case and how a keyword is
/// escaped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Position {
    /// A struct, enum or type alias: UpperCamelCase.
    Type,
    /// An enum or union variant: UpperCamelCase.
    Variant,
    /// A struct field: snake_case.
    Field,
    /// A method: snake_case.
    Method,
    /// A module: snake_case.
    Module,
}

/// Any string as a valid Rust identifier for `position`, never a bare keyword: UpperCamelCase for
/// types and variants (`workflow_run` -> `WorkflowRun`, `Self` -> `Self_`, `3d` -> `V3d`, `名` ->
/// `U540d`, `` -> `Empty`), snake_case for fields, methods and modules (`applicantId` ->
/// `applicant_id`, `type` -> `r#type`, `self` -> `self_`, `3d` -> `_3d`). The result is ASCII. Two
/// strings may give one identifier: [`distinct_camel`], [`variant_names`] and [`FieldNames`] tell them
/// apart.
pub fn identifier(source: &str, position: Position) -> String {
    match position {
        Position::Type | Position::Variant => upper_camel(source),
        Position::Field | Position::Method | Position::Module => escape_keyword(snake(source)),
    }
}

/// Whether `name` can stand as an identifier in Rust code (a raw one when it starts with `r#`): an
/// ASCII letter or `_` then letters, digits and `_`; not `_` alone; a keyword only raw, and never
/// one of the words that cannot be raw.
pub fn is_identifier(name: &str) -> bool {
    let (raw, plain) = match name.strip_prefix("r#") {
        Some(plain) => (true, plain),
        None => (false, name),
    };
    let mut chars = plain.chars();
    let well_formed = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && plain != "_";
    let keyword = KEYWORDS.contains(&plain);
    well_formed && !NOT_RAW.contains(&plain) && (raw || !keyword)
}

/// The identifier token for a name this module made (`r#type` becomes a raw identifier). Every name
/// that reaches the generated code goes through here. Every name this module makes is an identifier
/// ([`is_identifier`]; the property tests check it over thousands of random strings); anything else
/// is spelled as one by [`identifier`] rather than panicking, so no input can crash the generator.
pub fn ident(name: &str) -> proc_macro2::Ident {
    let span = proc_macro2::Span::call_site();
    let spelled;
    let name = if is_identifier(name) {
        name
    } else {
        let position = if name.starts_with(|c: char| c.is_ascii_uppercase()) {
            Position::Type
        } else {
            Position::Field
        };
        spelled = identifier(name, position);
        spelled.as_str()
    };
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, span),
        None => proc_macro2::Ident::new(name, span),
    }
}

/// The variant names of an enum's values, distinct and in the order of `values`: the value's own
/// name where the input gives one (a `title`), else the value in UpperCamelCase (`in_progress` ->
/// `InProgress`, `1.5` -> `V1_5`, `-1` -> `Minus1`, `true` -> `True`, `""` -> `Empty`, `*` ->
/// `Asterisk`). Values that would get the same name are spelled in full, every symbol named
/// (`1-0` -> `V1Dash0`, `+1` -> `Plus1`); what still collides is numbered from 2.
pub fn variant_names(values: &[crate::ir::EnumValue]) -> Vec<String> {
    let short: Vec<String> = values
        .iter()
        .map(|v| match &v.name {
            Some(name) => upper_camel(name),
            None => value_name(&v.value, false),
        })
        .collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for name in &short {
        *count.entry(name.as_str()).or_default() += 1;
    }
    let full: Vec<String> = values
        .iter()
        .zip(&short)
        .map(|(v, name)| {
            if count[name.as_str()] == 1 {
                name.clone()
            } else {
                value_name(&v.value, true)
            }
        })
        .collect();
    // Still equal: number them, in the order of the values' JSON text.
    let mut groups: BTreeMap<&str, Vec<(String, usize)>> = BTreeMap::new();
    for (i, (name, v)) in full.iter().zip(values).enumerate() {
        groups
            .entry(name)
            .or_default()
            .push((v.value.to_string(), i));
    }
    let mut used: BTreeSet<String> = full.iter().cloned().collect();
    let mut out = full.clone();
    for (name, mut group) in groups {
        group.sort();
        for (place, (_, i)) in group.iter().enumerate().skip(1) {
            let stem = name.trim_end_matches('_');
            let mut n = place + 1;
            loop {
                let candidate = format!("{stem}{n}");
                if used.insert(candidate.clone()) {
                    out[*i] = candidate;
                    break;
                }
                n += 1;
            }
        }
    }
    out
}

/// The UpperCamelCase name of an enum value; `spell` names every symbol instead of dropping it.
fn value_name(value: &serde_json::Value, spell: bool) -> String {
    use serde_json::Value;
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Bool(true) => return "True".to_owned(),
        Value::Bool(false) => return "False".to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Null => return "Null".to_owned(),
        other => other.to_string(),
    };
    if text.is_empty() {
        return "Empty".to_owned();
    }
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        for part in words(word) {
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                out.push(first.to_ascii_uppercase());
                out.push_str(chars.as_str());
            }
        }
        word.clear();
    };
    for (i, &c) in chars.iter().enumerate() {
        let digit_before = i > 0 && chars[i - 1].is_ascii_digit();
        let digit_after = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out);
        let name = match c {
            // A sign before a number says which number it is.
            '-' if i == 0 || !digit_before && digit_after => Some("Minus"),
            '+' if i == 0 || !digit_before && digit_after => Some("Plus"),
            _ if spell => symbol_name(c),
            // Between two digits a separator is part of the number: `1.5` is not `15`.
            _ if digit_before && digit_after => {
                out.push('_');
                None
            }
            _ => None,
        };
        if let Some(name) = name {
            out.push_str(name);
        }
    }
    flush(&mut word, &mut out);
    if out.is_empty() && !spell {
        // Nothing but symbols: name them.
        return value_name(value, true);
    }
    if out.is_empty() {
        // Nothing but symbols that have no name: spell them by code point.
        out = chars.iter().map(|c| format!("U{:X}", *c as u32)).collect();
    }
    if out.starts_with(|c: char| c.is_ascii_digit() || c == '_') {
        out.insert(0, 'V');
    }
    if out == "Self" {
        out.push('_');
    }
    out
}

/// The name of a symbol in an enum value.
fn symbol_name(c: char) -> Option<&'static str> {
    Some(match c {
        '*' => "Asterisk",
        '+' => "Plus",
        '-' => "Dash",
        '.' => "Dot",
        ',' => "Comma",
        ':' => "Colon",
        ';' => "Semicolon",
        '/' => "Slash",
        '\\' => "Backslash",
        '@' => "At",
        '#' => "Hash",
        '%' => "Percent",
        '&' => "And",
        '=' => "Equals",
        '<' => "LessThan",
        '>' => "GreaterThan",
        '!' => "Bang",
        '?' => "Question",
        '~' => "Tilde",
        '$' => "Dollar",
        '^' => "Caret",
        '|' => "Pipe",
        '_' => "Underscore",
        ' ' => "Space",
        '\'' => "Quote",
        '"' => "DoubleQuote",
        '`' => "Backtick",
        '(' => "OpenParen",
        ')' => "CloseParen",
        '[' => "OpenBracket",
        ']' => "CloseBracket",
        '{' => "OpenBrace",
        '}' => "CloseBrace",
        _ => return None,
    })
}

/// Gives each of `sources` a distinct UpperCamelCase identifier, avoiding `taken`. Colliding names are
/// resolved in sorted order of their source names: the first keeps the plain name, the others get
/// `2`, `3`, … appended. Returns the identifiers in the order of `sources`.
pub fn distinct_camel<'a>(
    sources: impl IntoIterator<Item = &'a str>,
    taken: &[&str],
) -> Vec<String> {
    let ranked: Vec<(&str, u8)> = sources.into_iter().map(|s| (s, 0)).collect();
    distinct_camel_ranked(&ranked, taken)
}

/// As [`distinct_camel`], where among colliding names a lower rank comes first, whatever the
/// source names' order (a schema with a name of its own before one named from its title).
pub fn distinct_camel_ranked(sources: &[(&str, u8)], taken: &[&str]) -> Vec<String> {
    let mut by_camel: BTreeMap<String, BTreeSet<(u8, &str, usize)>> = BTreeMap::new();
    for (i, (s, rank)) in sources.iter().enumerate() {
        by_camel
            .entry(upper_camel(s))
            .or_default()
            .insert((*rank, s, i));
    }
    let mut used: BTreeSet<String> = by_camel.keys().cloned().collect();
    used.extend(taken.iter().map(|s| (*s).to_owned()));
    let mut out = vec![String::new(); sources.len()];
    for (camel, group) in &by_camel {
        for (place, (_, _, i)) in group.iter().enumerate() {
            let blocked = taken.contains(&camel.as_str());
            out[*i] = if place == 0 && !blocked {
                camel.clone()
            } else {
                // `Self_` numbered is `Self2`: an underscore before a digit is no camel case.
                let stem = camel.trim_end_matches('_');
                let mut n = (place + 1).max(2);
                loop {
                    let candidate = format!("{stem}{n}");
                    if used.insert(candidate.clone()) {
                        break candidate;
                    }
                    n += 1;
                }
            };
        }
    }
    out
}

/// The Rust names of a struct's fields, and of the map that keeps the properties it does not list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldNames {
    /// One per field, in order (`r#type` for a keyword).
    pub fields: Vec<String>,
    /// The map's name (`additional_properties`), when the struct keeps unlisted properties.
    pub additional: Option<String>,
}

impl FieldNames {
    /// Names the fields of `s`. A field whose JSON name is already a valid identifier keeps it; the
    /// others are converted and, on a collision, numbered (`fooBar` becomes `foo_bar_2` when there is
    /// also a `foo_bar`).
    pub fn new(s: &crate::ir::Struct) -> Self {
        let bases: Vec<String> = s
            .fields
            .iter()
            .map(|f| field_ident(&f.wire_name).0)
            .collect();
        let exact =
            |i: usize| bases[i].strip_prefix("r#").unwrap_or(&bases[i]) == s.fields[i].wire_name;
        let mut taken = BTreeSet::new();
        let mut next = BTreeMap::new();
        let mut fields = vec![String::new(); s.fields.len()];
        for i in (0..s.fields.len()).filter(|&i| exact(i)) {
            fields[i] = unique_name(&bases[i], &mut taken, &mut next);
        }
        for i in (0..s.fields.len()).filter(|&i| !exact(i)) {
            fields[i] = unique_name(&bases[i], &mut taken, &mut next);
        }
        let additional = s
            .additional
            .as_ref()
            .map(|_| unique_name("additional_properties", &mut taken, &mut next));
        FieldNames { fields, additional }
    }
}

/// `base`, or `base_2`, `base_3`, … : the first whose identifier is not in `taken`. Identifiers are
/// compared without their `r#`, which is only spelling: `r#type` and `type_2` are distinct, `r#type`
/// numbered is `type_2`, no keyword. `next` remembers, for each stem, the number below which every
/// name is taken (`taken` only grows), so many fields of one base cost linear time, not quadratic.
fn unique_name(
    base: &str,
    taken: &mut BTreeSet<String>,
    next: &mut BTreeMap<String, usize>,
) -> String {
    let plain = base.strip_prefix("r#").unwrap_or(base);
    if taken.insert(plain.to_owned()) {
        return base.to_owned();
    }
    // `self_` numbered is `self_2`: a double underscore is no snake case.
    let stem = plain.trim_end_matches('_');
    let n = next.entry(stem.to_owned()).or_insert(2);
    loop {
        let name = format!("{stem}_{n}");
        *n += 1;
        if taken.insert(name.clone()) {
            return name;
        }
    }
}

/// The Rust names of all types of a model, indexed by [`crate::ir::TypeId`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeNames {
    names: Vec<String>,
}

impl TypeNames {
    /// Names every type of `model`, resolving collisions as described in the module docs.
    pub fn new(model: &Model) -> Self {
        let sources: Vec<(&str, u8)> = model
            .types
            .iter()
            .map(|t| (t.name.as_str(), u8::from(t.inline)))
            .collect();
        TypeNames {
            names: distinct_camel_ranked(&sources, RESERVED_TYPE_NAMES),
        }
    }

    /// The Rust name of type `id` (`__MissingType` for an id out of range, which a checked model
    /// never has).
    pub fn get(&self, id: crate::ir::TypeId) -> &str {
        self.names.get(id.0).map_or("__MissingType", String::as_str)
    }

    /// Whether the Rust name of `id` is not the plain conversion of its source name (it collided).
    pub fn is_disambiguated(&self, model: &Model, id: crate::ir::TypeId) -> bool {
        model
            .types
            .get(id.0)
            .is_some_and(|t| self.get(id) != upper_camel(&t.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_camel_keeps_inner_capitals() {
        for (source, want) in [
            ("workflow_run", "WorkflowRun"),
            ("document_CDQ_reasons", "DocumentCDQReasons"),
            ("DocumentCDQReasons", "DocumentCDQReasons"),
            ("Applicants_list", "ApplicantsList"),
            ("ErrorProperties_1", "ErrorProperties1"),
            (
                "india_pan_report_allOf_breakdown",
                "IndiaPanReportAllOfBreakdown",
            ),
            ("en_US", "EnUS"),
            ("workflow_task.started", "WorkflowTaskStarted"),
            ("3d", "V3d"),
            ("", "Empty"),
            ("Watchlist monitor match", "WatchlistMonitorMatch"),
        ] {
            assert_eq!(upper_camel(source), want, "{source}");
        }
    }

    #[test]
    fn snake_splits_words_and_acronyms() {
        for (source, want) in [
            ("applicant_id", "applicant_id"),
            ("applicantId", "applicant_id"),
            ("CDQReasons", "cdq_reasons"),
            ("completed_at_iso8601", "completed_at_iso8601"),
            ("Other", "other"),
            ("1st", "_1st"),
            ("x-request-id", "x_request_id"),
        ] {
            assert_eq!(snake(source), want, "{source}");
        }
    }

    #[test]
    fn field_idents_escape_keywords_and_say_when_to_rename() {
        assert_eq!(field_ident("type"), ("r#type".to_owned(), false));
        assert_eq!(field_ident("self"), ("self_".to_owned(), true));
        assert_eq!(
            field_ident("applicantId"),
            ("applicant_id".to_owned(), true)
        );
        assert_eq!(field_ident("id"), ("id".to_owned(), false));
    }

    #[test]
    fn colliding_names_are_numbered_in_source_order() {
        let names = distinct_camel(
            [
                "document_properties_with_driving_licence_information",
                "Document_Properties_with_Driving_Licence_Information",
                "address",
            ],
            &[],
        );
        assert_eq!(
            names,
            [
                "DocumentPropertiesWithDrivingLicenceInformation2",
                "DocumentPropertiesWithDrivingLicenceInformation",
                "Address"
            ]
        );
    }

    fn variants(values: &[serde_json::Value]) -> Vec<String> {
        let values: Vec<crate::ir::EnumValue> = values
            .iter()
            .cloned()
            .map(crate::ir::EnumValue::new)
            .collect();
        variant_names(&values)
    }

    #[test]
    fn variant_names_say_what_each_value_is() {
        use serde_json::json;
        assert_eq!(
            variants(&[json!(0.5), json!(1), json!(1.5), json!(15)]),
            ["V0_5", "V1", "V1_5", "V15"]
        );
        assert_eq!(
            variants(&[json!("*"), json!("1-0"), json!("0-1"), json!("½-½")]),
            ["Asterisk", "V1_0", "V0_1", "HalfHalf"]
        );
        assert_eq!(
            variants(&[json!("+1"), json!("-1"), json!(""), json!(-2)]),
            ["Plus1", "Minus1", "Empty", "Minus2"]
        );
        assert_eq!(variants(&[json!(true), json!(false)]), ["True", "False"]);
        // Collisions are spelled out, symbol by symbol.
        assert_eq!(
            variants(&[json!("a-b"), json!("A_B"), json!("a.b")]),
            ["ADashB", "AUnderscoreB", "ADotB"]
        );
        // What still collides is numbered; `Self` is no identifier.
        assert_eq!(variants(&[json!("x"), json!("X")]), ["X2", "X"]);
        assert_eq!(variants(&[json!("Self"), json!("é")]), ["Self_", "E"]);
        assert_eq!(variants(&[json!("→"), json!("名")]), ["U2192", "U540d"]);
    }

    #[test]
    fn names_the_input_gives_win() {
        let value = |v: serde_json::Value, name: Option<&str>| crate::ir::EnumValue {
            value: v,
            name: name.map(str::to_owned),
            doc: None,
        };
        let values = [
            value(serde_json::json!(1), Some("GUILD_TEXT")),
            value(serde_json::json!(2), Some("dm")),
            value(serde_json::json!(3), None),
        ];
        assert_eq!(variant_names(&values), ["GUILDTEXT", "Dm", "V3"]);
    }

    #[test]
    fn every_name_is_an_identifier() {
        for source in [
            "Self", "self", "super", "crate", "_", "3d", "m²", "名前", "", "-", "é",
        ] {
            for name in [upper_camel(source), field_ident(source).0] {
                let ok = syn::parse_str::<syn::Ident>(&name).is_ok()
                    || syn::parse_str::<syn::Ident>(name.trim_start_matches("r#")).is_ok();
                assert!(ok, "{source:?} gave {name:?}");
                assert!(name.trim_start_matches("r#").is_ascii(), "{name}");
            }
        }
    }

    #[test]
    fn reserved_names_are_avoided() {
        assert_eq!(
            distinct_camel(["nullable"], RESERVED_TYPE_NAMES),
            ["Nullable2"]
        );
    }
}
