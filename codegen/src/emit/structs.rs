//! Structs: fields with their docs, `new` with the required fields, the `*_or_default` accessors
//! of fields whose default the spec gives, and written-out serde impls, all written as text (see
//! the `text` module).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs::doc_values;
use super::text::{fits, flat, Writer, INDENT};
use super::{Code, Context};
use crate::ir::{
    Access, Alias, Field, Presence, Primitive, Repr, Struct, TypeDef, TypeId, TypeKind, TypeRef,
};
use crate::naming;
use crate::rust::presence as effective_presence;
use crate::rust::OptionalStyle;

impl Context<'_> {
    /// The items of a struct, written as text (see the `text` module): its definition, `new` and
    /// the `*_or_default` accessors, and its serde impls.
    pub(super) fn struct_items(&self, id: TypeId, def: &TypeDef, s: &Struct) -> Code {
        let names = naming::FieldNames::new(s);
        let wire = self.wire_fields(id, s, &names);
        let allows = self.allow_lines(id);
        let mut w = Writer::new();
        self.type_head(&mut w, id, def, &allows);
        w.line(0, &self.derive_line(id, true));
        let name = self.view.name(id);
        let ident = name_text(name);
        if s.fields.is_empty() && names.additional.is_none() {
            w.unbroken(0, &format!("pub struct {ident} {{}}"));
        } else {
            w.unbroken(0, &format!("pub struct {ident} {{"));
            for (field, ident) in s.fields.iter().zip(&names.fields) {
                self.field(&mut w, id, field, ident);
            }
            if let Some((extra, value)) = names.additional.as_deref().zip(s.additional.as_ref()) {
                let ty = flat(&self.ty(&self.view.reference(id, value)));
                let string = flat(&self.prelude.string);
                w.line(
                    INDENT,
                    "/// Properties the API description does not list, kept as sent.",
                );
                w.ty(
                    INDENT,
                    &format!("pub {}: ", name_text(extra)),
                    &format!("::std::collections::BTreeMap<{string}, {ty}>"),
                    ",",
                );
            }
            w.line(0, "}");
        }
        self.struct_methods(&mut w, id, &ident, s, &names, &allows);
        self.struct_serialize(&mut w, name, &ident, &wire, &allows);
        self.struct_deserialize(&mut w, name, &ident, &wire, &allows);
        Code::from_writer(w)
    }

    /// What stands before a type's definition written as text: its docs and examples, `deprecated`
    /// and the `allow`s its items need.
    pub(super) fn type_head(&self, w: &mut Writer, id: TypeId, def: &TypeDef, allows: &[&str]) {
        let mut docs = doc_values(&self.type_doc(id, def));
        docs.extend(self.example_doc_values(id, &def.examples));
        w.docs(0, &docs);
        if def.deprecated {
            w.line(0, DEPRECATED);
        }
        for allow in allows {
            w.line(0, allow);
        }
    }

    /// What the serde impls of a struct need of its fields, found once for both impls: each
    /// field's identifier, JSON name, presence and `time` adapter, and the map of unlisted
    /// properties with the adapter of its values.
    fn wire_fields(&self, id: TypeId, s: &Struct, names: &naming::FieldNames) -> WireFields {
        let fields = s
            .fields
            .iter()
            .zip(&names.fields)
            .map(|(field, ident)| WireField {
                ident: name_text(ident),
                name: string_lit(&field.wire_name),
                presence: effective_presence(field),
                adapter: self
                    .time_adapter(&self.view.field(id, field))
                    .map(|a| flat(&a)),
            })
            .collect();
        let additional =
            names
                .additional
                .as_deref()
                .zip(s.additional.as_ref())
                .map(|(extra, value)| {
                    let adapter = self.time_adapter(&self.view.reference(id, value));
                    (name_text(extra), adapter.map(|a| flat(&a)))
                });
        WireFields { fields, additional }
    }

    /// The `Serialize` impl of a struct: its fields in order, an optional one only when present,
    /// then the properties it does not list (as serde's derive writes a flattened map).
    fn struct_serialize(
        &self,
        w: &mut Writer,
        name: &str,
        ident: &str,
        wire: &WireFields,
        allows: &[&str],
    ) {
        let mut required = 0usize;
        let mut optional = Vec::new();
        for field in &wire.fields {
            if field.is_optional() {
                optional.push(format!("&self.{}", field.ident));
            } else {
                required += 1;
            }
        }
        open_serialize(w, allows, ident);
        let body = 2 * INDENT;
        let object = if wire.fields.is_empty() && wire.additional.is_none() {
            "let object = support::__object::Fields::"
        } else {
            "let mut object = support::__object::Fields::"
        };
        let optional = format!("&[{}]", optional.join(", "));
        let (head, args) = match &wire.additional {
            Some((extra, _)) => (
                format!("{object}with_properties"),
                vec![
                    "serializer".to_owned(),
                    required.to_string(),
                    optional,
                    format!("self.{extra}.len()"),
                ],
            ),
            None => (
                format!("{object}new"),
                vec![
                    "serializer".to_owned(),
                    string_lit(name),
                    required.to_string(),
                    optional,
                ],
            ),
        };
        // The slice of optional fields breaks as a list of its own when it does not fit.
        let flat_line = format!("{head}({})?;", args.join(", "));
        if fits(body, body + flat_line.len()) {
            w.line(body, &flat_line);
        } else {
            w.line(body, &format!("{head}("));
            let inner = body + INDENT;
            let last = args.len() - 1;
            for (i, arg) in args.iter().enumerate() {
                let comma = usize::from(i != last);
                if arg.starts_with("&[") && !fits(inner, inner + arg.len() + comma) {
                    let items: Vec<String> = wire
                        .fields
                        .iter()
                        .filter(|f| f.is_optional())
                        .map(|f| format!("&self.{}", f.ident))
                        .collect();
                    w.line(inner, "&[");
                    w.items(inner + INDENT, &items);
                    w.line(inner, "],");
                } else if arg.starts_with('"') {
                    w.unbroken(inner, &format!("{arg},"));
                } else {
                    w.line_measured(inner, &format!("{arg},"), arg.len() + comma);
                }
            }
            w.line(body, ")?;");
        }
        for field in &wire.fields {
            let method = match (field.is_optional(), &field.adapter) {
                (false, None) => "field".to_owned(),
                (false, Some(adapter)) => format!("field_by::<{adapter}, _>"),
                (true, None) => "optional".to_owned(),
                (true, Some(adapter)) => format!("optional_by::<{adapter}, _>"),
            };
            let args = [field.name.clone(), format!("&self.{}", field.ident)];
            w.method_call(body, "object", &method, &args, "?;");
        }
        if let Some((extra, adapter)) = &wire.additional {
            let method = match adapter {
                Some(adapter) => format!("properties_by::<{adapter}, _>"),
                None => "properties".to_owned(),
            };
            w.method_call(body, "object", &method, &[format!("&self.{extra}")], "?;");
        }
        w.line(body, "object.end()");
        close_impl_fn(w);
    }

    /// The `Deserialize` impl of a struct, and the `FromObject` impl it hands the object to: a slot
    /// for each field, filled key by key (a key met twice is an error, as with serde's derive), and
    /// the struct built from the slots (an absent required field is an error; an absent optional
    /// one is its default, absent). Keys the struct does not list are skipped, or kept in its map of
    /// additional properties.
    fn struct_deserialize(
        &self,
        w: &mut Writer,
        name: &str,
        ident: &str,
        wire: &WireFields,
        allows: &[&str],
    ) {
        self.objects.set(true);
        // The object's local name, apart from the slots, which are named as the fields are.
        let mut map = "map".to_owned();
        while wire
            .fields
            .iter()
            .map(|f| &f.ident)
            .chain(wire.additional.as_ref().map(|(extra, _)| extra))
            .any(|taken| *taken == map)
        {
            map.push('_');
        }
        let option = flat(&self.prelude.option);
        open_deserialize(w, allows, ident);
        w.line(2 * INDENT, "support::__object::read(deserializer)");
        close_impl_fn(w);
        open_impl(w, allows);
        w.impl_header("impl<'de> support::__object::FromObject<'de>", ident);
        w.unbroken(
            INDENT,
            &format!("const NAME: &'static str = {};", string_lit(name)),
        );
        w.line(INDENT, "fn from_object<__A: ::serde::de::MapAccess<'de>>(");
        w.line(
            2 * INDENT,
            &format!("mut {map}: support::__object::Object<'de, __A>,"),
        );
        w.line(INDENT, ") -> ::std::result::Result<Self, __A::Error> {");
        let body = 2 * INDENT;
        for field in &wire.fields {
            w.unbroken(body, &format!("let mut {} = {option}::None;", field.ident));
        }
        if let Some((extra, _)) = &wire.additional {
            w.line(
                body,
                &format!("let mut {extra} = ::std::collections::BTreeMap::new();"),
            );
        }
        let (other, other_args) = match &wire.additional {
            Some((extra, Some(adapter))) => (
                format!("keep_by::<{adapter}, _>"),
                vec![format!("&mut {extra}")],
            ),
            Some((extra, None)) => ("keep".to_owned(), vec![format!("&mut {extra}")]),
            None => ("skip".to_owned(), Vec::new()),
        };
        w.line(body, &format!("while {map}.next_key()? {{"));
        let inner = body + INDENT;
        if wire.fields.is_empty() {
            w.method_call(inner, &map, &other, &other_args, "?;");
        } else {
            w.line(inner, &format!("match {map}.key() {{"));
            let arm_indent = inner + INDENT;
            for field in &wire.fields {
                let method = match &field.adapter {
                    Some(adapter) => format!("read_by::<{adapter}, _>"),
                    None => "read".to_owned(),
                };
                let args = [format!("&mut {}", field.ident), field.name.clone()];
                arm(w, arm_indent, &field.name, &map, &method, &args);
            }
            arm(w, arm_indent, "_", &map, &other, &other_args);
            w.line(inner, "}?;");
        }
        w.line(body, "}");
        let mut required = Vec::new();
        for field in &wire.fields {
            if field.presence != Presence::Required {
                continue;
            }
            let (method, slot) = match &field.adapter {
                Some(_) => ("expect", format!("&{}", field.ident)),
                None => ("settle", format!("&mut {}", field.ident)),
            };
            w.method_call(body, &map, method, &[slot, field.name.clone()], ";");
            required.push(field.ident.as_str());
        }
        // The required fields, settled, are taken out of their slots in one pattern: one early
        // return for all of them (each return drops every slot).
        if !required.is_empty() {
            let patterns: Vec<String> = required
                .iter()
                .map(|r| format!("{option}::Some({r})"))
                .collect();
            let values: Vec<String> = required.iter().map(|r| r.to_string()).collect();
            let_else(w, body, &patterns, &values);
            w.line(
                body + INDENT,
                &format!("return ::std::result::Result::Err({map}.missing());"),
            );
            w.line(body, "};");
        }
        let inits: Vec<String> = wire
            .fields
            .iter()
            .map(|f| {
                if f.presence == Presence::Required {
                    f.ident.clone()
                } else {
                    format!("{0}: {0}.unwrap_or_default()", f.ident)
                }
            })
            .chain(wire.additional.iter().map(|(extra, _)| extra.clone()))
            .collect();
        struct_literal(w, body, "::std::result::Result::Ok(", "Self", &inits, ")");
        close_impl_fn(w);
    }

    /// `new` with the required fields (when there are some: a struct without any derives `Default`),
    /// and a `*_or_default` accessor for each optional field whose default the spec gives.
    fn struct_methods(
        &self,
        w: &mut Writer,
        id: TypeId,
        ident: &str,
        s: &Struct,
        names: &naming::FieldNames,
        allows: &[&str],
    ) {
        let option = flat(&self.prelude.option);
        let fields = || s.fields.iter().zip(&names.fields);
        let mut methods = Writer::new();
        let mut any = false;
        let required: Vec<(&Field, String)> = fields()
            .filter(|(f, _)| effective_presence(f).is_required())
            .map(|(f, i)| (f, name_text(i)))
            .collect();
        let method = INDENT;
        let body = 2 * INDENT;
        if !required.is_empty() {
            any = true;
            let params: Vec<(String, String)> = required
                .iter()
                .map(|(f, i)| (i.clone(), flat(&self.ty(&self.view.field(id, f)))))
                .collect();
            let mut inits: Vec<String> = fields()
                .map(|(f, i)| {
                    let i = name_text(i);
                    if effective_presence(f).is_required() {
                        i
                    } else {
                        match self.view.optional_style(id, f) {
                            OptionalStyle::Nullable => format!("{i}: Nullable::Absent"),
                            OptionalStyle::Option => format!("{i}: {option}::None"),
                        }
                    }
                })
                .collect();
            if let Some(extra) = &names.additional {
                inits.push(format!(
                    "{}: ::std::default::Default::default()",
                    name_text(extra)
                ));
            }
            methods.line(
                method,
                "/// With the required fields; every optional one is absent.",
            );
            if required.len() > 7 {
                methods.line(method, "#[allow(clippy::too_many_arguments)]");
            }
            methods.signature(method, "pub fn new", &params, " -> Self {");
            struct_literal(&mut methods, body, "", "Self", &inits, "");
            methods.line(method, "}");
        }
        for (f, i) in fields() {
            let Some(default) = &f.default else { continue };
            if effective_presence(f).is_required() {
                continue;
            }
            let Some((value, copy)) = self.default_expr(&f.ty, default) else {
                continue;
            };
            any = true;
            let field = name_text(i);
            // `self_` gives `self_or_default`: a double underscore is no snake case.
            let plain = i.strip_prefix("r#").unwrap_or(i).trim_end_matches('_');
            let accessor = name_text(&format!("{plain}_or_default"));
            let ty = flat(&self.type_ref(id, &f.ty));
            let read = if copy { "*value" } else { "value.clone()" };
            methods.docs(
                method,
                &doc_values(&format!(
                    "`{}`, or the spec's default `{default}` when it is absent or `null`.",
                    f.wire_name
                )),
            );
            methods.call(
                method,
                &format!("pub fn {accessor}"),
                &["&self".to_owned()],
                &format!(" -> {ty} {{"),
            );
            methods.line(body, &format!("match &self.{field} {{"));
            let value = flat(&value);
            let arms = match self.view.optional_style(id, f) {
                OptionalStyle::Nullable => [
                    ("Nullable::Value(value)".to_owned(), read.to_owned()),
                    ("Nullable::Absent | Nullable::Null".to_owned(), value),
                ],
                OptionalStyle::Option => [
                    (format!("{option}::Some(value)"), read.to_owned()),
                    (format!("{option}::None"), value),
                ],
            };
            for (pattern, value) in &arms {
                value_arm(&mut methods, body + INDENT, pattern, value);
            }
            methods.line(body, "}");
            methods.line(method, "}");
        }
        if !any {
            return;
        }
        open_impl(w, allows);
        w.unbroken(0, &format!("impl {ident} {{"));
        w.append(methods);
        w.line(0, "}");
    }

    /// The Rust expression of a spec default for type `ty`, and whether the type is `Copy`; `None`
    /// where the generator does not build one (the docs still state the default).
    fn default_expr(&self, ty: &TypeRef, value: &serde_json::Value) -> Option<(TokenStream, bool)> {
        use serde_json::Value as J;
        match (self.view.resolve_ref(ty), value) {
            (TypeRef::Primitive(Primitive::Boolean), J::Bool(b)) => Some((quote!(#b), true)),
            (TypeRef::Primitive(Primitive::Int32 | Primitive::Int64), J::Number(n)) => {
                let n = Literal::i64_unsuffixed(n.as_i64()?);
                Some((quote!(#n), true))
            }
            (TypeRef::Primitive(Primitive::Float | Primitive::Double), J::Number(n)) => {
                let n = Literal::f64_unsuffixed(n.as_f64()?);
                Some((quote!(#n), true))
            }
            (
                TypeRef::Primitive(
                    Primitive::String | Primitive::Uri | Primitive::Byte | Primitive::Binary,
                ),
                J::String(s),
            ) => Some((quote!(#s.to_owned()), false)),
            (TypeRef::Array(_), J::Array(items)) if items.is_empty() => {
                Some((quote!(::std::vec::Vec::new()), false))
            }
            (TypeRef::Named(id), value) => match &self.model.get(*id).kind {
                TypeKind::Enum(e) => match e.repr() {
                    Repr::String => {
                        let ident = self.ident(*id);
                        let s = value.as_str()?;
                        Some((quote!(#ident::from(#s)), false))
                    }
                    Repr::Integer => {
                        let ident = self.ident(*id);
                        let n = Literal::i64_unsuffixed(value.as_i64()?);
                        Some((quote!(#ident::from(#n)), true))
                    }
                    Repr::Boolean => {
                        let b = value.as_bool()?;
                        Some((quote!(#b), true))
                    }
                    Repr::Number | Repr::Mixed => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    /// The first paragraph of the description of the type a field holds, when it holds one named type
    /// (maybe nullable): what the schema says of the value is what the field is. Empty otherwise.
    fn referenced_doc(&self, ty: &TypeRef) -> String {
        let mut ty = ty;
        while let TypeRef::Nullable(inner) = ty {
            ty = inner;
        }
        let TypeRef::Named(id) = ty else {
            return String::new();
        };
        let target = self.model.get(*id);
        match (&target.kind, &target.doc) {
            // An alias says nothing of its own: what it stands for may.
            (TypeKind::Alias(Alias { ty }), None) => self.referenced_doc(ty),
            (_, Some(doc)) => doc
                .split("\n\n")
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned(),
            (_, None) => String::new(),
        }
    }

    fn field(&self, w: &mut Writer, owner: TypeId, field: &Field, ident_text: &str) {
        let Field {
            wire_name,
            ty,
            presence,
            default,
            access,
            deprecated,
            doc,
            constraints: _,
            examples,
            note,
        } = field;
        let ident = name_text(ident_text);
        let plain = ident_text.strip_prefix("r#").unwrap_or(ident_text);
        let rust = flat(&self.ty(&self.view.field(owner, field)));
        let mut text = doc.clone().unwrap_or_else(|| self.referenced_doc(ty));
        let mut notes = Vec::new();
        // The impls spell the JSON name; rustdoc readers see it here.
        if plain != wire_name {
            notes.push(format!("`{}` in JSON.", wire_name.replace('`', "")));
        }
        match (access, presence.is_required()) {
            (Access::ReadOnly, true) => notes.push(
                "Read-only, and required in responses: the API always sends it, and a request leaves it out, \
                 so the field is optional here."
                    .to_owned(),
            ),
            (Access::ReadOnly, false) => notes.push("Read-only: sent by the API in responses.".to_owned()),
            (Access::WriteOnly, true) => notes.push(
                "Write-only, and required in requests: the API never returns it, so the field is optional here."
                    .to_owned(),
            ),
            (Access::WriteOnly, false) => notes.push("Write-only: sent in requests, never returned.".to_owned()),
            (Access::ReadWrite, _) => {}
        }
        if let Some(default) = default {
            notes.push(format!(
                "Defaults to `{default}` when absent (absent stays absent when written back)."
            ));
        }
        if *deprecated {
            notes.push("**Deprecated** in the API description.".to_owned());
        }
        if let Some(note) = note {
            notes.push(note.clone());
        }
        if !examples.is_empty() {
            let shown: Vec<String> = examples.iter().map(|e| format!("`{e}`")).collect();
            notes.push(format!("Example: {}.", shown.join(", ")));
        }
        if !notes.is_empty() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&notes.join("\n\n"));
        }
        // A field the description leaves undocumented stays so: a filler ("The `x` property.") would
        // say nothing its name does not.
        w.docs(INDENT, &doc_values(&text));
        if *deprecated {
            w.line(INDENT, DEPRECATED);
        }
        w.ty(INDENT, &format!("pub {ident}: "), &rust, ",");
    }
}

/// A blank line and the `allow`s of an impl block, whose header follows.
pub(super) fn open_impl(w: &mut Writer, allows: &[&str]) {
    w.blank();
    for allow in allows {
        w.line(0, allow);
    }
}

/// `impl ::serde::Serialize for ident {` and the signature of `serialize`, whose body follows.
pub(super) fn open_serialize(w: &mut Writer, allows: &[&str], ident: &str) {
    open_impl(w, allows);
    w.impl_header("impl ::serde::Serialize", ident);
    w.line(INDENT, "fn serialize<__S: ::serde::Serializer>(");
    w.line(2 * INDENT, "&self,");
    w.line(2 * INDENT, "serializer: __S,");
    w.line(INDENT, ") -> ::std::result::Result<__S::Ok, __S::Error> {");
}

/// `impl<'de> ::serde::Deserialize<'de> for ident {` and the signature of `deserialize`, whose
/// body follows.
pub(super) fn open_deserialize(w: &mut Writer, allows: &[&str], ident: &str) {
    open_impl(w, allows);
    w.impl_header("impl<'de> ::serde::Deserialize<'de>", ident);
    w.line(INDENT, "fn deserialize<__D: ::serde::Deserializer<'de>>(");
    w.line(2 * INDENT, "deserializer: __D,");
    w.line(INDENT, ") -> ::std::result::Result<Self, __D::Error> {");
}

/// The end of an impl block's one function, and of the block.
pub(super) fn close_impl_fn(w: &mut Writer) {
    w.line(INDENT, "}");
    w.line(0, "}");
}

/// The attribute of what the API description deprecates.
pub(super) const DEPRECATED: &str = r#"#[deprecated(note = "deprecated in the API description")]"#;

/// The text of the identifier `name` (raw where it is a keyword: `r#type`).
pub(super) fn name_text(name: &str) -> String {
    naming::ident(name).to_string()
}

/// The text of a string literal holding `value`.
pub(super) fn string_lit(value: &str) -> String {
    Literal::string(value).to_string()
}

/// A match arm `pattern => receiver.method(args),`: on one line when it fits (the comma not
/// measured), else the call in a block of its own.
fn arm(
    w: &mut Writer,
    indent: usize,
    pattern: &str,
    receiver: &str,
    method: &str,
    args: &[String],
) {
    let line = format!("{pattern} => {receiver}.{method}({})", args.join(", "));
    if fits(indent, indent + line.len()) {
        w.line_measured(indent, &format!("{line},"), line.len());
    } else {
        w.line(indent, &format!("{pattern} => {{"));
        w.method_call(indent + INDENT, receiver, method, args, "");
        w.line(indent, "}");
    }
}

/// A match arm `pattern => value,` whose value is a literal, a path or a call of one argument
/// (`Kind::from("x")`): on one line when it fits (the comma not measured), else the value in a
/// block of its own, the call broken when it does not fit there.
fn value_arm(w: &mut Writer, indent: usize, pattern: &str, value: &str) {
    let line = format!("{pattern} => {value}");
    if fits(indent, indent + line.len()) {
        return w.line_measured(indent, &format!("{line},"), line.len());
    }
    w.line(indent, &format!("{pattern} => {{"));
    let inner = indent + INDENT;
    match value
        .strip_suffix(')')
        .and_then(|v| v.split_once('('))
        .filter(|(head, arg)| !head.contains('.') && !arg.contains(['(', ',']))
    {
        Some((head, arg)) => w.call(inner, head, &[arg.to_owned()], ""),
        None => w.line(inner, value),
    }
    w.line(indent, "}");
}

/// `before` and a struct literal `path { fields }`, then `tail`: on one line when it fits and the
/// literal is short (prettyplease breaks one wider than 34 columns from its path to its last field
/// and a space), else one field per line.
fn struct_literal(
    w: &mut Writer,
    indent: usize,
    before: &str,
    path: &str,
    fields: &[String],
    tail: &str,
) {
    let head = format!("{before}{path}");
    if fields.is_empty() {
        w.line(indent, &format!("{head} {{}}{tail}"));
        return;
    }
    let joined = fields.join(", ");
    let flat = format!("{head} {{ {joined} }}{tail}");
    if path.len() + " { ".len() + joined.len() < 34 && fits(indent, indent + flat.len()) {
        w.line(indent, &flat);
    } else {
        w.line(indent, &format!("{head} {{"));
        let inner = indent + INDENT;
        for (i, field) in fields.iter().enumerate() {
            let measured = field.len() + usize::from(i + 1 != fields.len());
            match field.split_once(": ") {
                // `name: name.unwrap_or_default()` breaks before the method.
                Some((name, value)) if !fits(inner, inner + measured) => {
                    match value.split_once('.') {
                        Some((receiver, call)) => {
                            w.unbroken(inner, &format!("{name}: {receiver}"));
                            w.line(inner + INDENT, &format!(".{call},"));
                        }
                        None => w.line_measured(inner, &format!("{field},"), measured),
                    }
                }
                _ => w.line_measured(inner, &format!("{field},"), measured),
            }
        }
        w.line(indent, &format!("}}{tail}"));
    }
}

/// `let (patterns) = (values) else {` (one of each: no tuple), as prettyplease breaks it: the
/// pattern when it does not fit with ` = `, the values when they do not fit after it, and `else {`
/// onto a line of its own when ` else ` does not fit after them.
fn let_else(w: &mut Writer, indent: usize, patterns: &[String], values: &[String]) {
    let tuple = |items: &[String]| match items {
        [one] => one.clone(),
        many => format!("({})", many.join(", ")),
    };
    let (pattern, value) = (tuple(patterns), tuple(values));
    let single = patterns.len() == 1;
    let mut line = "let ".to_owned();
    // The pattern, then ` = ` up to where prettyplease may break next.
    if single || fits(indent, indent + line.len() + pattern.len() + 3) {
        line.push_str(&pattern);
    } else {
        w.line(indent, "let (");
        w.items(indent + INDENT, patterns);
        line = ")".to_owned();
    }
    line.push_str(" = ");
    if single || fits(indent, indent + line.len() + value.len()) {
        line.push_str(&value);
    } else {
        // The tuple's `(` follows what prettyplease measured.
        w.line_measured(indent, &format!("{line}("), line.len());
        w.items(indent + INDENT, values);
        line = ")".to_owned();
    }
    if fits(indent, indent + line.len() + " else ".len()) {
        w.line_measured(
            indent,
            &format!("{line} else {{"),
            line.len() + " else ".len(),
        );
    } else {
        w.line(indent, &line);
        w.line(indent, "else {");
    }
}

/// A struct's fields as its serde impls read and write them (see [`Context::wire_fields`]).
struct WireFields {
    fields: Vec<WireField>,
    /// The map of the properties the struct does not list, and the adapter of its values.
    additional: Option<(String, Option<String>)>,
}

struct WireField {
    ident: String,
    /// The JSON name, as a string literal.
    name: String,
    presence: Presence,
    /// The `time` adapter the field is read and written through.
    adapter: Option<String>,
}

impl WireField {
    fn is_optional(&self) -> bool {
        matches!(
            self.presence,
            Presence::Optional | Presence::OptionalNullable
        )
    }
}
