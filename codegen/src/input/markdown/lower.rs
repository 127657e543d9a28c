//! Turns parsed docs into IR types: allocates an id for every model doc (and every inline enum of a
//! java doc) first, then lowers tables and enum lists, resolving links to ids.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::dialect::Dialect;
use super::doc::{Block, Doc, Section, Table};
use super::text::{decode, description, split_row, unbold, Cell};
use super::types::{parse_cell, Ty, TypeCell};
use super::{DocsLoad, Skipped, Source};
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::input::Loaded;
use crate::ir::{
    Access, Alias, Constraints, Enum, Field, Model, Presence, Struct, TypeDef, TypeId, TypeKind,
    TypeRef, Union, Variant,
};
use crate::naming;

/// What a doc describes, found from its sections before anything is lowered.
enum Shape<'d> {
    /// A `## Properties` table.
    Struct(&'d Table),
    /// A `## Enum` bullet list.
    Enum(&'d [Block]),
    /// rust's `## Enum Variants` table.
    EnumTable(&'d Table),
    /// ruby's `openapi_one_of` listing, with the discriminator when one is shown.
    OneOf(&'d Block, Option<String>),
}

/// One doc with its parse and shape.
struct Entry<'a> {
    path: &'a Path,
    stem: String,
    src: &'a str,
    doc: &'a Doc<'a>,
    shape: Shape<'a>,
}

/// A java inline enum (`## Enum: ResultEnum`), which becomes a type of its own.
struct InlineEnum<'a> {
    owner: usize,
    name: String,
    table: &'a Table,
}

/// Where lowering is, for diagnostics.
struct Ctx<'a> {
    dialect: Dialect,
    path: &'a Path,
    src: &'a str,
    /// Model doc stems to ids.
    stems: &'a BTreeMap<String, TypeId>,
    /// The same, keyed by the Rust name of the stem, for links spelled in another case.
    camel: &'a BTreeMap<String, TypeId>,
    /// Inline enums of this doc, by the name the doc gives them.
    inline: BTreeMap<&'a str, TypeId>,
    errors: &'a mut Vec<Diagnostic>,
    losses: &'a mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn at(&self, line: usize, column: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.path, message).at_line(line, column, Some(self.src))
    }

    fn error(&mut self, line: usize, column: usize, message: impl Into<String>) {
        let d = self.at(line, column, message);
        self.errors.push(d);
    }

    fn loss(&mut self, line: usize, message: impl Into<String>) {
        let d = self.at(line, 1, message);
        self.losses.push(d);
    }
}

pub(super) fn lower(sources: &[Source], dialect: Dialect) -> Result<DocsLoad> {
    let mut errors = Vec::new();
    let mut losses = Vec::new();
    let mut skipped = Vec::new();
    let mut entries = Vec::new();
    let docs: Vec<Doc<'_>> = sources.iter().map(|s| Doc::parse(&s.text)).collect();
    for (source, doc) in sources.iter().zip(&docs) {
        let stem = source
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match shape(doc) {
            Some(shape) => entries.push(Entry {
                path: &source.path,
                stem,
                src: &source.text,
                doc,
                shape,
            }),
            None => skipped.push(Skipped {
                file: source.path.clone(),
                reason:
                    "no `## Properties` table, `## Enum` list or oneOf listing: not a model doc"
                        .to_owned(),
            }),
        }
    }
    let mut stems = BTreeMap::new();
    let mut camel = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        stems.insert(e.stem.clone(), TypeId(i));
        camel
            .entry(naming::upper_camel(&e.stem))
            .or_insert(TypeId(i));
    }
    let mut inline = Vec::new();
    for (owner, e) in entries.iter().enumerate() {
        for s in e
            .doc
            .sections_where(|h| h.level == 2 && h.text.starts_with("Enum:"))
        {
            let name = s
                .heading
                .as_ref()
                .map(|h| h.text.trim_start_matches("Enum:").trim().to_owned())
                .unwrap_or_default();
            if let Some(table) = s.tables.first() {
                inline.push(InlineEnum { owner, name, table });
            }
        }
    }

    let mut types = Vec::with_capacity(entries.len() + inline.len());
    for (owner, e) in entries.iter().enumerate() {
        let mut ctx = Ctx {
            dialect,
            path: e.path,
            src: e.src,
            stems: &stems,
            camel: &camel,
            inline: inline
                .iter()
                .enumerate()
                .filter(|(_, ie)| ie.owner == owner)
                .map(|(k, ie)| (ie.name.as_str(), TypeId(entries.len() + k)))
                .collect(),
            errors: &mut errors,
            losses: &mut losses,
        };
        types.push(lower_entry(e, &mut ctx));
    }
    for ie in &inline {
        let Some(owner) = entries.get(ie.owner) else {
            continue;
        };
        let mut ctx = Ctx {
            dialect,
            path: owner.path,
            src: owner.src,
            stems: &stems,
            camel: &camel,
            inline: BTreeMap::new(),
            errors: &mut errors,
            losses: &mut losses,
        };
        let values = table_values(owner.doc, ie.table, &mut ctx);
        let short = ie.name.strip_suffix("Enum").unwrap_or(&ie.name);
        types.push(TypeDef {
            name: format!("{}{}", owner.stem, short),
            origin: format!("{}:{}", owner.path.display(), ie.table.line),
            inline: true,
            doc: Some(format!(
                "Values of `{}` in `{}`: an inline enum of the docs.",
                ie.name, owner.stem
            )),
            deprecated: false,
            nullable: false,
            examples: Vec::new(),
            kind: TypeKind::Enum(values),
        });
    }
    if !errors.is_empty() {
        return Err(Error {
            diagnostics: errors,
        });
    }
    Ok(DocsLoad {
        loaded: Loaded {
            model: Model {
                title: None,
                version: None,
                types,
            },
            files: sources
                .iter()
                .map(|s| s.path.clone())
                .collect::<Vec<PathBuf>>(),
            warnings: Vec::new(),
        },
        dialect,
        skipped,
        losses,
    })
}

/// The shape of a doc, or `None` when it is not a model doc.
fn shape<'d>(doc: &'d Doc<'_>) -> Option<Shape<'d>> {
    for s in &doc.sections {
        let Some(h) = &s.heading else { continue };
        match h.text.as_str() {
            "Properties" => {
                if let Some(t) = s.tables.first() {
                    return Some(Shape::Struct(t));
                }
            }
            "Enum" if !s.items.is_empty() => return Some(Shape::Enum(&s.items)),
            "Enum Variants" => {
                if let Some(t) = s.tables.first() {
                    return Some(Shape::EnumTable(t));
                }
            }
            _ => {}
        }
    }
    let blocks = || doc.sections.iter().flat_map(|s: &Section| &s.code);
    let one_of = blocks().find(|b| b.raw.contains(".openapi_one_of"))?;
    let discriminator = blocks()
        .find(|b| b.raw.contains(".openapi_discriminator_name"))
        .and_then(|b| symbols(&b.raw).into_iter().next());
    Some(Shape::OneOf(one_of, discriminator))
}

/// The quoted ruby symbols (`:'DocumentReport'`) of the comment lines of a code block.
fn symbols(code: &str) -> Vec<String> {
    code.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let rest = &l[l.find(":'").or_else(|| l.find(":\""))? + 2..];
            let end = rest.find(['\'', '"'])?;
            Some(rest[..end].to_owned())
        })
        .collect()
}

fn lower_entry(e: &Entry<'_>, ctx: &mut Ctx<'_>) -> TypeDef {
    let title_line = e.doc.title().map_or(1, |h| h.line);
    // The model's own description: the paragraphs between the title and the first section.
    let doc = e
        .doc
        .sections
        .iter()
        .find(|s| s.heading.as_ref().is_some_and(|h| h.level == 1))
        .and_then(|s| {
            let paras: Vec<String> = s
                .paragraphs
                .iter()
                .filter_map(|p| description(&p.raw))
                .collect();
            (!paras.is_empty()).then(|| paras.join("\n\n"))
        });
    let mut def = TypeDef {
        name: e.stem.clone(),
        origin: format!("{}:{}", e.path.display(), title_line),
        inline: false,
        doc,
        deprecated: false,
        nullable: false,
        examples: Vec::new(),
        kind: TypeKind::Alias(Alias { ty: TypeRef::Any }),
    };
    def.kind = match &e.shape {
        Shape::Struct(table) if table.rows.is_empty() && ctx.dialect.enums_without_values() => {
            // ruby and php write enum docs as an empty Properties table: the values are lost.
            ctx.loss(
                title_line,
                format!(
                    "{} docs list no enum values: `{}` is read as a string (or it is an empty object)",
                    ctx.dialect, e.stem
                ),
            );
            append_doc(
                &mut def,
                "The docs list no values for this enum; it is read as a string.",
            );
            TypeKind::Alias(Alias {
                ty: TypeRef::Primitive(crate::ir::Primitive::String),
            })
        }
        Shape::Struct(table) => TypeKind::Struct(lower_struct(e.doc, table, ctx)),
        Shape::Enum(items) => TypeKind::Enum(bullet_values(items, ctx)),
        Shape::EnumTable(table) if table.rows.is_empty() => {
            ctx.loss(
                table.line,
                format!(
                    "`{}` is a oneOf whose members the {} docs do not list: read as any value",
                    e.stem, ctx.dialect
                ),
            );
            append_doc(
                &mut def,
                "A union whose members the docs do not list; read as any JSON value.",
            );
            TypeKind::Alias(Alias { ty: TypeRef::Any })
        }
        Shape::EnumTable(table) => TypeKind::Enum(table_values(e.doc, table, ctx)),
        Shape::OneOf(block, discriminator) => {
            let mut variants = Vec::new();
            for name in symbols(&block.raw) {
                let cell = format!("**{name}**");
                match parse_cell(&cell, ctx.dialect) {
                    Ok(TypeCell { ty, link, .. }) => {
                        if let Some((ty, _)) = resolve(&ty, link.as_deref(), block.line, 1, ctx) {
                            variants.push(Variant { tag: None, ty });
                        }
                    }
                    Err(err) => ctx.error(block.line, 1, err.message),
                }
            }
            TypeKind::Union(Union {
                discriminator: discriminator.clone(),
                variants,
            })
        }
    };
    def
}

fn append_doc(def: &mut TypeDef, note: &str) {
    def.doc = Some(match def.doc.take() {
        Some(d) => format!("{d}\n\n{note}"),
        None => note.to_owned(),
    });
}

/// The bracketed notes of a row: `[optional] [readonly] [default to X]`.
#[derive(Default)]
struct Notes {
    optional: bool,
    readonly: bool,
    deprecated: bool,
    default: Option<String>,
}

fn notes(raw: &str) -> Notes {
    let mut out = Notes::default();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in raw.char_indices() {
        match c {
            '[' => {
                if depth == 0 {
                    start = i + 1;
                }
                depth += 1;
            }
            ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let note = raw[start..i].trim();
                    match note {
                        "optional" => out.optional = true,
                        "readonly" => out.readonly = true,
                        "deprecated" => out.deprecated = true,
                        _ => {
                            if let Some(v) = note.strip_prefix("default to") {
                                out.default = Some(v.trim().to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The default a `[default to X]` note gives: JSON where `X` is JSON, else the text.
fn default_value(raw: &str) -> Option<Value> {
    let text = decode(raw).text;
    let text = text.trim();
    match text {
        "" | "undefined" | "null" | "None" | "nil" => return None,
        "True" => return Some(Value::Bool(true)),
        "False" => return Some(Value::Bool(false)),
        _ => {}
    }
    // Java writes collection defaults as constructor calls, which say nothing about the JSON.
    if text.starts_with("new ") {
        return None;
    }
    if let Some(quoted) = text
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix('\''))
        .filter(|_| text.len() >= 2)
    {
        return Some(Value::String(quoted.to_owned()));
    }
    Some(serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned())))
}

/// The column indices of a table's header cells, by lower-case name.
fn columns(header: &str) -> Vec<String> {
    split_row(header, 0)
        .iter()
        .map(|c| c.text.trim_matches('*').trim().to_ascii_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

fn lower_struct(doc: &Doc<'_>, table: &Table, ctx: &mut Ctx<'_>) -> Struct {
    let header = columns(&table.header);
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(name_col), Some(type_col)) = (col("name"), col("type")) else {
        ctx.error(
            table.line,
            1,
            format!("properties table needs Name and Type columns, found {header:?}"),
        );
        return Struct::default();
    };
    let (desc_col, notes_col) = (col("description"), col("notes"));
    let mut fields = Vec::with_capacity(table.rows.len());
    for &line in &table.rows {
        let Some(cells) = row_cells(ctx, doc.line(line), line, header.len()) else {
            continue;
        };
        let name_cell = &cells[name_col];
        let shown = decode(unbold(name_cell.text)).text;
        if shown.is_empty() {
            ctx.error(line, name_cell.column, "property without a name");
            continue;
        }
        let type_cell = &cells[type_col];
        let parsed = match parse_cell(type_cell.text, ctx.dialect) {
            Ok(p) => p,
            Err(err) => {
                let column = type_cell.column
                    + type_cell.text[..err.offset.min(type_cell.text.len())]
                        .chars()
                        .count();
                ctx.error(line, column, err.message);
                continue;
            }
        };
        let Some((ty, nullable_type)) = resolve(
            &parsed.ty,
            parsed.link.as_deref(),
            line,
            type_cell.column,
            ctx,
        ) else {
            continue;
        };
        let notes = notes_col.map(|c| notes(cells[c].text)).unwrap_or_default();
        let (required, nullable) = match ctx.dialect {
            // rust wraps optional fields in one `Option`, nullable ones in another.
            Dialect::Rust => (
                !notes.optional,
                parsed.options > usize::from(notes.optional),
            ),
            Dialect::Go => (!notes.optional && !parsed.pointer, nullable_type),
            _ => (!notes.optional, false),
        };
        let (wire_name, guessed) = ctx.dialect.wire_name(&shown);
        fields.push(Field {
            wire_name,
            ty,
            presence: Presence::new(required, nullable),
            default: notes.default.as_deref().and_then(default_value),
            access: if notes.readonly {
                Access::ReadOnly
            } else {
                Access::ReadWrite
            },
            deprecated: notes.deprecated,
            doc: desc_col.and_then(|c| description(cells[c].text)),
            constraints: Constraints::default(),
            examples: Vec::new(),
            note: guessed.then(|| {
                format!(
                    "The JSON name is a guess: the {} docs show the field as `{shown}`.",
                    ctx.dialect
                )
            }),
        });
    }
    Struct {
        fields,
        additional: None,
    }
}

/// Resolves a parsed type to an IR type; also says whether a go `NullableX` wrapper was seen.
/// Reports an error and returns `None` when a model is missing.
fn resolve(
    ty: &Ty,
    link: Option<&str>,
    line: usize,
    column: usize,
    ctx: &mut Ctx<'_>,
) -> Option<(TypeRef, bool)> {
    match ty {
        Ty::Known(t) => Some((t.clone(), false)),
        Ty::Array(t) => {
            resolve(t, link, line, column, ctx).map(|(t, n)| (TypeRef::Array(Box::new(t)), n))
        }
        Ty::Map(t) => {
            resolve(t, link, line, column, ctx).map(|(t, n)| (TypeRef::Map(Box::new(t)), n))
        }
        Ty::Named(name) => {
            let last = name.rsplit([':', '\\', '.']).next().unwrap_or(name);
            if let Some(id) = find(last, ctx) {
                return Some((TypeRef::Named(id), false));
            }
            if ctx.dialect == Dialect::Go {
                if let Some(rest) = last.strip_prefix("Nullable") {
                    if let Some(t) = ctx.dialect.scalar(rest) {
                        return Some((t, true));
                    }
                    if let Some(id) = find(rest, ctx) {
                        return Some((TypeRef::Named(id), true));
                    }
                }
            }
            // rust links point at snake_case files that do not exist, but the name inside is right;
            // only when the name is unknown does the link decide.
            let target = link
                .and_then(|l| l.strip_suffix(".md"))
                .map(|l| l.rsplit(['/', ':']).next().unwrap_or(l));
            if let Some(id) = target.and_then(|t| find(t, ctx)) {
                return Some((TypeRef::Named(id), false));
            }
            let message = match link {
                Some(l) if l.ends_with(".md") => {
                    format!("link to {l:?}, which is not a model doc here (type {name:?})")
                }
                _ => format!("unknown type {name:?}: no model doc {last}.md here"),
            };
            ctx.error(line, column, message);
            None
        }
    }
}

fn find(name: &str, ctx: &Ctx<'_>) -> Option<TypeId> {
    ctx.inline
        .get(name)
        .or_else(|| ctx.stems.get(name))
        .or_else(|| ctx.camel.get(&naming::upper_camel(name)))
        .copied()
}

/// Whether an enum member is openapi-generator's synthetic catch-all (enumUnknownDefaultCase), which
/// the emitter replaces with a fallback of its own.
fn is_unknown_default(name: &str, value: &str) -> bool {
    let squash = |s: &str| s.replace('_', "").to_ascii_lowercase();
    squash(name) == "unknowndefaultopenapi"
        || value == "11184809"
        || squash(value) == "unknowndefaultopenapi"
}

/// An enum value as a doc writes it: quoted text is a string, unquoted text may be an integer.
fn enum_value(raw: &str) -> (String, bool) {
    let text = decode(raw.trim().trim_matches('`')).text;
    let t = text.trim();
    for q in ['\'', '"'] {
        if let Some(inner) = t
            .strip_prefix(q)
            .and_then(|s| s.strip_suffix(q))
            .filter(|_| t.len() >= 2)
        {
            return (inner.to_owned(), true);
        }
    }
    (t.to_owned(), false)
}

/// Builds an enum from `(name, value, quoted)` members, dropping the synthetic catch-all.
fn make_enum(members: Vec<(String, String, bool)>) -> Enum {
    let kept: Vec<(String, bool)> = members
        .into_iter()
        .filter(|(n, v, _)| !is_unknown_default(n, v))
        .map(|(_, v, q)| (v, q))
        .collect();
    let ints: Option<Vec<i64>> = kept
        .iter()
        .map(|(v, quoted)| if *quoted { None } else { v.parse().ok() })
        .collect();
    match ints {
        Some(ints) if !ints.is_empty() => Enum::integers(ints),
        _ => Enum::strings(kept.into_iter().map(|(v, _)| v)),
    }
}

/// Values of `` * `Name` (value: `'v'`) `` bullets.
fn bullet_values(items: &[Block], ctx: &mut Ctx<'_>) -> Enum {
    let mut members = Vec::new();
    for item in items {
        let body = item.raw.trim_start_matches(['*', '-', '+']).trim();
        let parsed = body.strip_prefix('`').and_then(|rest| {
            let (name, rest) = rest.split_once('`')?;
            let value = rest
                .trim()
                .strip_prefix("(value:")?
                .trim()
                .strip_suffix(')')?;
            Some((name.to_owned(), value))
        });
        match parsed {
            Some((name, value)) => {
                let (value, quoted) = enum_value(value);
                members.push((name, value, quoted));
            }
            None => ctx.error(
                item.line,
                1,
                "enum item not understood: expected * `Name` (value: `'value'`)",
            ),
        }
    }
    make_enum(members)
}

/// Values of a `| Name | Value |` table (rust enums, java inline enums).
fn table_values(doc: &Doc<'_>, table: &Table, ctx: &mut Ctx<'_>) -> Enum {
    let header = columns(&table.header);
    let name_col = header.iter().position(|h| h == "name").unwrap_or(0);
    let Some(value_col) = header.iter().position(|h| h == "value") else {
        ctx.error(
            table.line,
            1,
            format!("enum table needs a Value column, found {header:?}"),
        );
        return Enum::default();
    };
    let mut members = Vec::new();
    for &line in &table.rows {
        let Some(cells) = row_cells(ctx, doc.line(line), line, header.len()) else {
            continue;
        };
        let (value, quoted) = enum_value(cells[value_col].text);
        members.push((decode(cells[name_col].text).text, value, quoted));
    }
    make_enum(members)
}

/// The cells of table row `text` (at `line`), or `None` after reporting a row whose cell count is not
/// the header's.
fn row_cells<'a>(
    ctx: &mut Ctx<'_>,
    text: &'a str,
    line: usize,
    columns: usize,
) -> Option<Vec<Cell<'a>>> {
    let cells = split_row(text, columns);
    if cells.len() != columns {
        let message = format!(
            "table row has {} cells, the header has {columns}",
            cells.len()
        );
        ctx.error(line, 1, message);
        return None;
    }
    Some(cells)
}
