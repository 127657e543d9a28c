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

/// Splits a source name into words: at every character that is not alphanumeric, and between a
/// lowercase letter or digit and an uppercase letter (`workflowRun` -> `workflow`, `Run`).
fn words(source: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in source.split(|c: char| !c.is_alphanumeric()) {
        let mut start = 0;
        let chars: Vec<(usize, char)> = part.char_indices().collect();
        for w in chars.windows(2) {
            let ((_, a), (i, b)) = (w[0], w[1]);
            if (a.is_lowercase() || a.is_ascii_digit()) && b.is_uppercase() {
                out.push(&part[start..i]);
                start = i;
            }
        }
        if start < part.len() {
            out.push(&part[start..]);
        }
    }
    out
}

/// UpperCamelCase, keeping capitals inside words: `workflow_run` -> `WorkflowRun`,
/// `document_CDQ_reasons` -> `DocumentCDQReasons`, `en_US` -> `EnUS`. A name that would start with a
/// digit gets a leading `V` (`3d` -> `V3d`); an empty one becomes `Empty`.
pub fn upper_camel(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for word in words(source) {
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
    out
}

/// snake_case: `applicantId` -> `applicant_id`, `CDQReasons` -> `cdq_reasons`, `class` -> `class`.
/// A name that would start with a digit gets a leading `_`.
pub fn snake(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 4);
    for word in words(source) {
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
        out.insert(0, '_');
    }
    out
}

/// A field identifier for a JSON name, and whether `#[serde(rename)]` is needed to keep the wire name.
/// Keywords become raw identifiers (`type` -> `r#type`), which serde reads without the `r#`; the few
/// words that cannot be raw get a trailing underscore (`self` -> `self_`).
pub fn field_ident(wire: &str) -> (String, bool) {
    let base = snake(wire);
    let ident = escape_keyword(base);
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

/// Gives each of `sources` a distinct UpperCamelCase identifier, avoiding `taken`. Colliding names are
/// resolved in sorted order of their source names: the first keeps the plain name, the others get
/// `2`, `3`, … appended. Returns the identifiers in the order of `sources`.
pub fn distinct_camel<'a>(
    sources: impl IntoIterator<Item = &'a str>,
    taken: &[&str],
) -> Vec<String> {
    let sources: Vec<&str> = sources.into_iter().collect();
    let mut by_camel: BTreeMap<String, BTreeSet<(&str, usize)>> = BTreeMap::new();
    for (i, s) in sources.iter().enumerate() {
        by_camel.entry(upper_camel(s)).or_default().insert((s, i));
    }
    let mut used: BTreeSet<String> = by_camel.keys().cloned().collect();
    used.extend(taken.iter().map(|s| (*s).to_owned()));
    let mut out = vec![String::new(); sources.len()];
    for (camel, group) in &by_camel {
        for (rank, (_, i)) in group.iter().enumerate() {
            let blocked = taken.contains(&camel.as_str());
            out[*i] = if rank == 0 && !blocked {
                camel.clone()
            } else {
                let mut n = (rank + 1).max(2);
                loop {
                    let candidate = format!("{camel}{n}");
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

/// The Rust names of all types of a model, indexed by [`crate::ir::TypeId`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeNames {
    names: Vec<String>,
}

impl TypeNames {
    /// Names every type of `model`, resolving collisions as described in the module docs.
    pub fn new(model: &Model) -> Self {
        TypeNames {
            names: distinct_camel(
                model.types.iter().map(|t| t.name.as_str()),
                RESERVED_TYPE_NAMES,
            ),
        }
    }

    /// The Rust name of type `id`.
    pub fn get(&self, id: crate::ir::TypeId) -> &str {
        &self.names[id.0]
    }

    /// Whether the Rust name of `id` is not the plain conversion of its source name (it collided).
    pub fn is_disambiguated(&self, model: &Model, id: crate::ir::TypeId) -> bool {
        self.names[id.0] != upper_camel(&model.get(id).name)
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

    #[test]
    fn reserved_names_are_avoided() {
        assert_eq!(
            distinct_camel(["nullable"], RESERVED_TYPE_NAMES),
            ["Nullable2"]
        );
    }
}
