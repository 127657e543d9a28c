//! Turns parsed docs into IR types: allocates an id for every model doc (and every inline enum of a
//! java doc) first, then lowers tables and enum lists, resolving links to ids. Inline enums that rust
//! docs list in a description (`(enum: a, b)`) get their ids as they are found, after all others.
//!
//! What the docs cannot say becomes the best type they support, with a warning (a loss): a model they
//! link to but do not include, or a type spelling this reader does not know, is any JSON value; so is
//! a doc whose table is empty (an enum of ruby or php, a oneOf of scalars). With
//! [`super::Options::strict`] those are errors instead.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::dialect::Dialect;
use super::doc::{Block, Doc, Section, Table};
use super::text::{decode, description, split_row, unbold, Cell};
use super::types::{parse_cell, Ty, TypeCell};
use super::{DocsLoad, Skipped, Source};
use crate::diagnostic::{Diagnostic, Error, LineStarts, Result};
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
    /// rust's `## Enum Variants` table: `| Name | Value |` for an enum (empty for a oneOf with a
    /// discriminator), `| Name | Description |` with the member types for a oneOf without.
    EnumTable(&'d Table),
    /// ruby's `openapi_one_of` listing, with the discriminator and its mapping when shown.
    OneOf(&'d Block, Option<String>, Option<&'d Block>),
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
    /// Types found while lowering (rust's inline enums); the first has id `extra_base`.
    extra: &'a mut Vec<TypeDef>,
    extra_base: usize,
    /// What would be a loss is an error.
    strict: bool,
    /// The values a rust row lists in its description (`(enum: a, b)`), while that row is lowered:
    /// its type name, which has no doc, is an inline enum of these values.
    row_values: Option<Vec<String>>,
    errors: &'a mut Vec<Diagnostic>,
    losses: &'a mut Vec<Diagnostic>,
    /// Where the lines of `src` start, found at the first diagnostic.
    lines: std::cell::OnceCell<LineStarts>,
}

impl Ctx<'_> {
    fn at(&self, line: usize, column: usize, message: impl Into<String>) -> Diagnostic {
        let lines = self.lines.get_or_init(|| LineStarts::new(self.src));
        Diagnostic::new(self.path, message).at_line_in(line, column, self.src, lines)
    }

    fn error(&mut self, line: usize, column: usize, message: impl Into<String>) {
        let d = self.at(line, column, message);
        self.errors.push(d);
    }

    /// Something the docs do not say (`what`): an error when reading strictly, else a loss, the
    /// thing being read as any JSON value.
    fn gap(&mut self, line: usize, column: usize, what: &str) {
        if self.strict {
            let d = self.at(line, column, what);
            self.errors.push(d);
        } else {
            let d = self.at(line, column, format!("{what}: read as any JSON value"));
            self.losses.push(d);
        }
    }

    /// Adds a type found while lowering and returns its id.
    fn add(&mut self, def: TypeDef) -> TypeId {
        self.extra.push(def);
        TypeId(self.extra_base + self.extra.len() - 1)
    }
}

pub(super) fn lower(sources: &[Source], dialect: Dialect, strict: bool) -> Result<DocsLoad> {
    let mut errors = Vec::new();
    let mut extra = Vec::new();
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
                .map(|h| inline_enum_name(&h.text))
                .unwrap_or_default();
            if let Some(table) = s.tables.first() {
                inline.push(InlineEnum { owner, name, table });
            }
        }
    }

    let extra_base = entries.len() + inline.len();
    let mut types = Vec::with_capacity(extra_base);
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
            extra: &mut extra,
            extra_base,
            strict,
            row_values: None,
            errors: &mut errors,
            losses: &mut losses,
            lines: std::cell::OnceCell::new(),
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
            extra: &mut extra,
            extra_base,
            strict,
            row_values: None,
            errors: &mut errors,
            losses: &mut losses,
            lines: std::cell::OnceCell::new(),
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
    types.append(&mut extra);
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
            operations: Vec::new(),
        },
        dialect,
        skipped,
        losses,
    })
}

/// The name of a java inline enum from its heading: `Enum: ResultEnum`, or for a list of them
/// `Enum: List&lt;MethodsEnum&gt;` (the doc's type cell is then `List<MethodsEnum>`).
fn inline_enum_name(heading: &str) -> String {
    let text = decode(heading.trim_start_matches("Enum:")).text;
    let text = text.trim();
    ["List<", "Set<"]
        .iter()
        .find_map(|w| text.strip_prefix(w).and_then(|t| t.strip_suffix('>')))
        .unwrap_or(text)
        .trim()
        .to_owned()
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
    let mapping = blocks().find(|b| b.raw.contains(".openapi_discriminator_mapping"));
    Some(Shape::OneOf(one_of, discriminator, mapping))
}

/// The quoted ruby symbols (`:'DocumentReport'`) of each comment line of a code block, line by line.
fn symbol_lines(code: &str) -> Vec<Vec<String>> {
    code.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .map(|l| {
            let mut found = Vec::new();
            let mut rest = l;
            while let Some(k) = rest.find(":'").or_else(|| rest.find(":\"")) {
                let after = &rest[k + 2..];
                let Some(end) = after.find(['\'', '"']) else {
                    break;
                };
                found.push(after[..end].to_owned());
                rest = &after[end + 1..];
            }
            found
        })
        .filter(|found| !found.is_empty())
        .collect()
}

/// The first quoted ruby symbol of each comment line of a code block.
fn symbols(code: &str) -> Vec<String> {
    symbol_lines(code)
        .into_iter()
        .filter_map(|line| line.into_iter().next())
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
        // An empty table says only that the docs do not list what the type holds.
        Shape::Struct(table) if table.rows.is_empty() => {
            // ruby, php and older python and rust docs write every enum so.
            let what = format!(
                "has an empty table (an enum whose values the {} docs do not list, a oneOf of \
                 scalars, or an object without properties)",
                ctx.dialect
            );
            unlisted(&mut def, table.line, &what, ctx)
        }
        Shape::Struct(table) => TypeKind::Struct(lower_struct(e.doc, table, ctx)),
        Shape::Enum(items) => TypeKind::Enum(bullet_values(items, ctx)),
        // rust writes a oneOf with a discriminator as an empty `| Name | Value |` table.
        Shape::EnumTable(table) if table.rows.is_empty() => {
            let what = format!(
                "is a oneOf whose members the {} docs do not list",
                ctx.dialect
            );
            unlisted(&mut def, table.line, &what, ctx)
        }
        Shape::EnumTable(table) if columns(&table.header).iter().any(|c| c == "value") => {
            TypeKind::Enum(table_values(e.doc, table, ctx))
        }
        Shape::EnumTable(table) => TypeKind::Union(table_variants(e.doc, table, ctx)),
        Shape::OneOf(block, discriminator, mapping) => {
            TypeKind::Union(one_of(block, discriminator.as_deref(), *mapping, ctx))
        }
    };
    def
}

/// The members of a `| Name | Description |` table (rust's oneOf without discriminator), whose Name
/// cells are member types: an untagged union.
fn table_variants(doc: &Doc<'_>, table: &Table, ctx: &mut Ctx<'_>) -> Union {
    let header = columns(&table.header);
    let name_col = header.iter().position(|h| h == "name").unwrap_or(0);
    let mut variants = Vec::new();
    for &line in &table.rows {
        let Some(cells) = row_cells(ctx, doc.line(line), line, header.len()) else {
            continue;
        };
        let cell = &cells[name_col];
        if let Some(ty) = cell_type(cell, line, ctx) {
            variants.push(Variant { tag: None, ty });
        }
    }
    Union {
        discriminator: None,
        variants,
    }
}

/// The IR type of a Type cell (or any cell holding a type), or `None` after reporting why not.
fn cell_type(cell: &Cell<'_>, line: usize, ctx: &mut Ctx<'_>) -> Option<TypeRef> {
    match parse_cell(cell.text, ctx.dialect) {
        Ok(TypeCell { ty, link, .. }) => {
            resolve(&ty, link.as_deref(), line, cell.column, ctx).map(|(ty, _)| ty)
        }
        Err(err) => {
            let column = cell.column + cell.text[..err.offset.min(cell.text.len())].chars().count();
            ctx.error(line, column, err.message);
            None
        }
    }
}

/// ruby's oneOf listing: the member classes, the discriminator and its mapping (`:'cat' => :'Cat'`).
/// With a discriminator, a member the mapping does not name is tagged by its name, as OpenAPI's
/// implicit mapping does.
fn one_of(
    block: &Block,
    discriminator: Option<&str>,
    mapping: Option<&Block>,
    ctx: &mut Ctx<'_>,
) -> Union {
    let pairs: Vec<(String, String)> = mapping
        .map(|m| symbol_lines(&m.raw))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|line| match <[String; 2]>::try_from(line) {
            Ok([value, class]) => Some((value, class)),
            Err(_) => None,
        })
        .collect();
    let mut variants = Vec::new();
    for name in symbols(&block.raw) {
        let cell = format!("**{name}**");
        let Some(ty) = cell_type(
            &Cell {
                text: &cell,
                column: 1,
            },
            block.line,
            ctx,
        ) else {
            continue;
        };
        let mut tags: Vec<Option<String>> = pairs
            .iter()
            .filter(|(_, class)| *class == name)
            .map(|(value, _)| Some(value.clone()))
            .collect();
        if tags.is_empty() {
            tags.push(discriminator.map(|_| name.clone()));
        }
        for tag in tags {
            variants.push(Variant {
                tag,
                ty: ty.clone(),
            });
        }
    }
    Union {
        discriminator: discriminator.map(str::to_owned),
        variants,
    }
}

/// The kind of a type whose doc does not say what it holds: any JSON value, with a loss (`what` says
/// why) and a note in its docs.
fn unlisted(def: &mut TypeDef, line: usize, what: &str, ctx: &mut Ctx<'_>) -> TypeKind {
    ctx.gap(line, 1, &format!("`{}` {what}", def.name));
    append_doc(
        def,
        "The docs do not say what this type holds; it is read as any JSON value.",
    );
    TypeKind::Alias(Alias { ty: TypeRef::Any })
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
    // Java writes collection defaults as constructor calls, and typescript an inline enum's default
    // as the constant of its enum (`SizeEnum_Small`): neither says what the JSON holds.
    if text.starts_with("new ") || is_enum_constant(text) {
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

/// typescript's name of an inline enum's member: `SizeEnum_Small`.
fn is_enum_constant(text: &str) -> bool {
    text.split_once("Enum_").is_some_and(|(enum_name, member)| {
        !enum_name.is_empty()
            && !member.is_empty()
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// A default written as the Rust name of an enum member (`Small`), as rust docs write the default
/// of an inline enum, read back as the member's value (`small`).
fn member_value(default: Value, values: &[String]) -> Value {
    let Value::String(text) = &default else {
        return default;
    };
    if values.contains(text) {
        return default;
    }
    values
        .iter()
        .find(|v| naming::upper_camel(v) == *text)
        .map_or(default, |v| Value::String(v.clone()))
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
        let mut doc = desc_col.and_then(|c| description(cells[c].text));
        let mut listed = Vec::new();
        if ctx.dialect == Dialect::Rust {
            if let Some((rest, values)) = doc.as_deref().and_then(listed_values) {
                listed.clone_from(&values);
                ctx.row_values = Some(values);
                doc = (!rest.is_empty()).then_some(rest);
            }
        }
        let resolved = resolve(
            &parsed.ty,
            parsed.link.as_deref(),
            line,
            type_cell.column,
            ctx,
        );
        // The values made an inline enum when the row's type took them.
        let inline_values = ctx.row_values.take().is_none().then_some(listed);
        let Some((ty, nullable_type)) = resolved else {
            continue;
        };
        let notes = notes_col.map(|c| notes(cells[c].text)).unwrap_or_default();
        let (required, nullable) = match ctx.dialect {
            // rust wraps optional fields in one `Option`, nullable ones in another.
            Dialect::Rust => (
                !notes.optional,
                parsed.options > usize::from(notes.optional) || nullable_type,
            ),
            Dialect::Go => (!notes.optional && !parsed.pointer, nullable_type),
            // typescript says `X | null` where the spec says so (openapi 3.1 docs).
            _ => (!notes.optional, nullable_type),
        };
        let (wire_name, guessed) = ctx.dialect.wire_name(&shown);
        fields.push(Field {
            wire_name,
            ty,
            presence: Presence::new(required, nullable),
            default: notes.default.as_deref().and_then(default_value).map(
                |d| match &inline_values {
                    Some(values) => member_value(d, values),
                    None => d,
                },
            ),
            access: if notes.readonly {
                Access::ReadOnly
            } else {
                Access::ReadWrite
            },
            deprecated: notes.deprecated,
            doc,
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

/// Resolves a parsed type to an IR type; also says whether a go `NullableX` wrapper was seen. A model
/// the docs do not include, or a type this reader does not know, is any JSON value with a loss; when
/// reading strictly it is an error, and the result `None`.
fn resolve(
    ty: &Ty,
    link: Option<&str>,
    line: usize,
    column: usize,
    ctx: &mut Ctx<'_>,
) -> Option<(TypeRef, bool)> {
    match ty {
        Ty::Known(t) => Some((t.clone(), false)),
        // Items that may be null make a list whose items may be null, which the IR cannot say;
        // the list itself is not made nullable by them.
        Ty::Array(t) => {
            resolve(t, link, line, column, ctx).map(|(t, _)| (TypeRef::Array(Box::new(t)), false))
        }
        Ty::Map(t) => {
            resolve(t, link, line, column, ctx).map(|(t, _)| (TypeRef::Map(Box::new(t)), false))
        }
        Ty::Nullable(t) => resolve(t, link, line, column, ctx).map(|(t, _)| (t, true)),
        Ty::Unsupported(text) => {
            let message = format!("type {text:?} is not one this reader knows");
            ctx.gap(line, column, &message);
            (!ctx.strict).then_some((TypeRef::Any, false))
        }
        Ty::Named(name) => {
            let last = name.rsplit([':', '\\', '.']).next().unwrap_or(name);
            let last = last.trim_start_matches('*');
            // rust names an inline enum by the field alone (`ReportName`), which may be a model's
            // name too; models are shown with a path and a link (`[**models::ReportName**](…)`).
            if link.is_none() && !name.contains("::") {
                if let Some(values) = ctx.row_values.take() {
                    return Some((TypeRef::Named(inline_enum(last, values, line, ctx)), false));
                }
            }
            if let Some(id) = find(last, ctx) {
                return Some((TypeRef::Named(id), false));
            }
            if let Some(t) = ctx.dialect.nullable_scalar(last) {
                return Some((t, true));
            }
            if let Some(id) = last
                .strip_prefix("Nullable")
                .filter(|_| ctx.dialect == Dialect::Go)
                .and_then(|rest| find(rest, ctx))
            {
                return Some((TypeRef::Named(id), true));
            }
            // rust links point at snake_case files that do not exist, but the name inside is right;
            // only when the name is unknown does the link decide.
            let target = link
                .and_then(|l| l.strip_suffix(".md"))
                .map(|l| l.rsplit(['/', ':']).next().unwrap_or(l));
            if let Some(id) = target.and_then(|t| find(t, ctx)) {
                return Some((TypeRef::Named(id), false));
            }
            if let Some(values) = ctx.row_values.take() {
                return Some((TypeRef::Named(inline_enum(last, values, line, ctx)), false));
            }
            let message = match link {
                Some(l) if l.ends_with(".md") => {
                    format!("`{last}` is linked ({l}) but not among the docs read")
                }
                _ => format!("unknown type {name:?}: no model doc {last}.md here"),
            };
            ctx.gap(line, column, &message);
            (!ctx.strict).then_some((TypeRef::Any, false))
        }
    }
}

/// A rust inline enum: the values a row's description lists, as a type named after the doc and the
/// type name the row shows (`Check` + `Result`).
fn inline_enum(shown: &str, values: Vec<String>, line: usize, ctx: &mut Ctx<'_>) -> TypeId {
    let owner = ctx
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let members = values.into_iter().map(|v| (v.clone(), v, false)).collect();
    let mut def = TypeDef::new(
        format!("{owner}{shown}"),
        format!("{}:{line}", ctx.path.display()),
        TypeKind::Enum(make_enum(members)),
    );
    def.inline = true;
    def.doc = Some(format!(
        "Values of `{shown}` in `{owner}`: an inline enum of the docs."
    ));
    ctx.add(def)
}

/// A description that ends by listing values, as rust docs write inline enums: the description
/// without the list, and the values (`Size class. (enum: small, large)`).
fn listed_values(description: &str) -> Option<(String, Vec<String>)> {
    let body = description.trim_end().strip_suffix(')')?;
    let start = body.rfind("(enum: ")?;
    let values = body[start + "(enum: ".len()..]
        .split(", ")
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>();
    if values.is_empty() {
        return None;
    }
    Some((body[..start].trim_end().to_owned(), values))
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

/// Builds an enum from `(name, value, quoted)` members, dropping the synthetic catch-all. The one
/// place the reader makes an IR enum.
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
        return make_enum(Vec::new());
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
