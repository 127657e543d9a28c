//! Helpers shared by the integration tests: specs written to temporary directories, and a compact
//! text form of the IR for snapshots.

#![allow(dead_code)]

pub mod random;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use modelgen::ir::{Access, Constraints, Field, Model, Presence, Repr, TypeDef, TypeKind, TypeRef};

/// A fresh directory under the system temp dir, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("modelgen-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `files` (relative path, content) into the directory.
    pub fn write(&self, files: &[(&str, &str)]) {
        for (name, text) in files {
            let path = self.0.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An OpenAPI document whose `components/schemas` is `schemas` (YAML, indented by the caller or not).
pub fn spec_with_schemas(schemas: &str) -> String {
    let indented: String = schemas.lines().map(|l| format!("    {l}\n")).collect();
    format!("openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{indented}")
}

/// The IR as short lines: one per type, one per field, variant or value. Every IR field that is
/// not at its default shows: a type's `nullable`, `deprecated`, `inline`, examples and docs; a
/// field's access, default, deprecation, constraints, examples, note and docs; an enum value's name
/// and docs. (Origins, which name files, are left out.)
pub fn describe(model: &Model) -> String {
    let mut out = String::new();
    for def in &model.types {
        let _ = write!(out, "{}", def.name);
        let mut flags = type_flags(def);
        if let Some(doc) = &def.doc {
            let _ = write!(flags, " /// {}", doc.replace('\n', " "));
        }
        match &def.kind {
            TypeKind::Struct(s) => {
                out.push_str(": struct");
                if let Some(extra) = &s.additional {
                    let _ = write!(out, " +{{{}}}", ty(model, extra));
                }
                let _ = writeln!(out, "{flags}");
                for f in &s.fields {
                    let presence = match f.presence {
                        Presence::Required => "required",
                        Presence::RequiredNullable => "required nullable",
                        Presence::Optional => "optional",
                        Presence::OptionalNullable => "optional nullable",
                    };
                    let _ = write!(out, "  {}: {} {presence}", f.wire_name, ty(model, &f.ty));
                    if f.access != Access::ReadWrite {
                        let _ = write!(out, " {:?}", f.access);
                    }
                    if let Some(default) = &f.default {
                        let _ = write!(out, " = {default}");
                    }
                    out.push_str(&field_flags(f));
                    if let Some(note) = &f.note {
                        let _ = write!(out, " (note: {note})");
                    }
                    if let Some(doc) = &f.doc {
                        let _ = write!(out, " /// {}", doc.replace('\n', " "));
                    }
                    out.push('\n');
                }
            }
            TypeKind::Enum(e) => {
                let values: Vec<String> = e
                    .values
                    .iter()
                    .map(|v| {
                        let mut text = v.value.to_string();
                        if let Some(name) = &v.name {
                            let _ = write!(text, " ({name})");
                        }
                        if let Some(doc) = &v.doc {
                            let _ = write!(text, " /// {doc}");
                        }
                        text
                    })
                    .collect();
                let repr = match e.repr {
                    Repr::String => "enum",
                    Repr::Integer => "int enum",
                    Repr::Number => "number enum",
                    Repr::Boolean => "bool enum",
                    Repr::Mixed => "mixed enum",
                };
                let _ = writeln!(out, ": {repr} [{}]{flags}", values.join(", "));
            }
            TypeKind::Union(u) => {
                let _ = writeln!(out, ": union tag={:?}{flags}", u.discriminator);
                for v in &u.variants {
                    let _ = writeln!(out, "  {:?} => {}", v.tag, ty(model, &v.ty));
                }
            }
            TypeKind::Alias(a) => {
                let _ = writeln!(out, ": alias {}{flags}", ty(model, &a.ty));
            }
        }
    }
    out
}

/// A type's flags that are not at their default: ` nullable`, ` deprecated`, ` inline` (named by
/// the reader, not the input) and its examples.
pub fn type_flags(def: &TypeDef) -> String {
    let mut flags = String::new();
    if def.nullable {
        flags.push_str(" nullable");
    }
    if def.deprecated {
        flags.push_str(" deprecated");
    }
    if def.inline {
        flags.push_str(" inline");
    }
    for e in &def.examples {
        let _ = write!(flags, " e.g. {e}");
    }
    flags
}

/// A field's deprecation, constraints and examples, when it has some.
pub fn field_flags(f: &Field) -> String {
    let mut out = String::new();
    if f.deprecated {
        out.push_str(" deprecated");
    }
    if !f.constraints.is_empty() {
        let _ = write!(out, " {}", constraints(&f.constraints));
    }
    for e in &f.examples {
        let _ = write!(out, " e.g. {e}");
    }
    out
}

fn constraints(c: &Constraints) -> String {
    let mut parts = Vec::new();
    let mut push = |name: &str, value: Option<String>| {
        if let Some(v) = value {
            parts.push(format!("{name}={v}"));
        }
    };
    push("minLength", c.min_length.map(|v| v.to_string()));
    push("maxLength", c.max_length.map(|v| v.to_string()));
    push("pattern", c.pattern.clone());
    let min = if c.exclusive_minimum {
        "exclusiveMinimum"
    } else {
        "minimum"
    };
    push(min, c.minimum.map(|v| v.to_string()));
    let max = if c.exclusive_maximum {
        "exclusiveMaximum"
    } else {
        "maximum"
    };
    push(max, c.maximum.map(|v| v.to_string()));
    push("minItems", c.min_items.map(|v| v.to_string()));
    push("maxItems", c.max_items.map(|v| v.to_string()));
    if c.unique_items {
        parts.push("uniqueItems".to_owned());
    }
    if let Some(items) = &c.items {
        parts.push(format!("items({})", constraints(items)));
    }
    format!("[{}]", parts.join(" "))
}

/// A type reference in the IR's own terms (source names, IR primitives).
pub fn ty(model: &Model, t: &TypeRef) -> String {
    match t {
        TypeRef::Named(id) => model.get(*id).name.clone(),
        TypeRef::Primitive(p) => format!("{p:?}").to_lowercase(),
        TypeRef::Array(item) => format!("[{}]", ty(model, item)),
        TypeRef::Tuple(items) => {
            let items: Vec<String> = items.iter().map(|t| ty(model, t)).collect();
            format!("({})", items.join(", "))
        }
        TypeRef::Map(value) => format!("{{{}}}", ty(model, value)),
        TypeRef::Nullable(inner) => format!("{}?", ty(model, inner)),
        TypeRef::Object => "object".to_owned(),
        TypeRef::Any => "any".to_owned(),
    }
}

/// The items of `code` that define or implement one of the model's types, or are pattern functions.
pub fn model_items(model: &Model, code: &str) -> String {
    let names = modelgen::naming::TypeNames::new(model);
    let ours: Vec<&str> = (0..model.types.len())
        .map(|i| names.get(modelgen::ir::TypeId(i)))
        .collect();
    let mut file = syn::parse_file(code).unwrap();
    let last = |ty: &syn::Type| match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    };
    let items: Vec<syn::Item> = std::mem::take(&mut file.items)
        .into_iter()
        .filter(|item| match item {
            syn::Item::Struct(s) => ours.contains(&s.ident.to_string().as_str()),
            syn::Item::Enum(e) => ours.contains(&e.ident.to_string().as_str()),
            syn::Item::Type(t) => ours.contains(&t.ident.to_string().as_str()),
            syn::Item::Impl(i) => {
                i.generics.params.is_empty()
                    && last(&i.self_ty).is_some_and(|n| ours.contains(&n.as_str()))
            }
            syn::Item::Fn(f) => f.sig.ident.to_string().starts_with("validation_pattern"),
            _ => false,
        })
        .collect();
    file.items = items;
    prettyplease::unparse(&file)
}

/// Checks that generated code (a file body, without its header comment) is as prettyplease lays it
/// out, item by item with a blank line between two: structs and enums are written as text by the
/// generator's own layout rules, which must agree. `Err` shows the first line that differs.
pub fn laid_out_as_prettyplease(body: &str) -> Result<(), String> {
    let tokens: proc_macro2::TokenStream =
        body.parse().map_err(|e| format!("does not lex: {e}"))?;
    let formatted =
        modelgen::emit::format_items(tokens).map_err(|e| format!("does not parse: {e}"))?;
    if formatted == body {
        return Ok(());
    }
    let line = body
        .lines()
        .zip(formatted.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| body.lines().count().min(formatted.lines().count()));
    let show = |text: &str| {
        let lines: Vec<&str> = text.lines().collect();
        lines[line.saturating_sub(8)..(line + 8).min(lines.len())].join("\n")
    };
    Err(format!(
        "line {} differs from prettyplease's layout ({} bytes against {}).\n--- generated:\n{}\n--- prettyplease:\n{}",
        line + 1,
        body.len(),
        formatted.len(),
        show(body),
        show(&formatted)
    ))
}
