//! Builds the Rust tokens of a model: structs, enums, unions and aliases with serde support.
//!
//! Rules the generated code follows (the crate docs of a generated crate repeat them for users):
//! - a required field is `T`; a required nullable field is `Option<T>` (serialized as `null`);
//! - every optional field is a `Nullable<T>` (emitted with the models) that keeps *absent*, `null` and a value
//!   apart, because real payloads send `null` for optional fields whatever the spec says, and a
//!   round trip must give back exactly what was read;
//! - string and integer enums have an `Unknown` variant that keeps a value the spec does not list;
//! - a tagged union (`oneOf` + `discriminator`) keeps the tag inside the variant's struct, so the
//!   variant types also read and write the tag when used alone; an unknown tag is kept as JSON;
//! - the prelude's `String`, `Vec`, `Option` and `Box` are written short, unless a model takes one of
//!   those names, in which case that one is written in full (`::std::string::String`); every other
//!   path is absolute, so no model name can shadow what the code means.
//!
//! `emit` only builds tokens; [`crate::render`] formats them. [`round_trip_dispatch`] builds a
//! test-support file beside the models.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use crate::ir::{
    Access, Alias, Enum, Field, Model, Presence, Primitive, Struct, TypeDef, TypeId, TypeKind,
    TypeRef, Union,
};
use crate::naming::{self, TypeNames};

mod dispatch;
mod validate;

pub use dispatch::round_trip_dispatch;

pub(crate) use validate::unsupported_patterns;

/// Options of the emitter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The Rust type of `format: date-time`.
    pub date_time: DateTimeType,
    /// The path of the crate the code ends up in (`onfido_models`). When set, a schema's examples
    /// become doctests that read them and write them back, so `cargo test` checks the spec's
    /// examples; otherwise they are shown as JSON in the docs.
    pub doctest_crate: Option<String>,
    /// Emit the `Validate` trait and its impls, which check the spec's constraints on demand.
    pub validation: bool,
}

/// The Rust type of `format: date-time`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateTimeType {
    /// `chrono::DateTime<chrono::FixedOffset>`: keeps the offset the API sent, so a value is written
    /// back as it was read (`+02:00` stays `+02:00`; `Z` is written `+00:00`, the same instant).
    #[default]
    FixedOffset,
    /// `chrono::DateTime<chrono::Utc>`: every value in UTC, written with `Z`; the sender's offset
    /// is lost (the instant is kept).
    Utc,
}

/// Which crates the generated code uses, so `--crate` can write exactly those dependencies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Uses {
    /// `uuid::Uuid` appears.
    pub uuid: bool,
    /// `chrono` types appear.
    pub chrono: bool,
    /// `serde_json` types appear (free-form values, tagged unions).
    pub json: bool,
    /// Validation checks a `pattern` (with `regex-lite`).
    pub regex: bool,
}

/// The tokens of every type of `model`, plus the support types they need.
pub fn emit(model: &Model, options: &Options) -> (TokenStream, Uses) {
    let cx = Context::new(model, options);
    let mut items = vec![support()];
    if options.doctest_crate.is_some() && model.types.iter().any(|t| !t.examples.is_empty()) {
        items.push(examples_support());
        cx.use_json();
    }
    for (i, def) in model.types.iter().enumerate() {
        items.push(cx.type_def(TypeId(i), def));
    }
    if options.validation {
        for i in 0..model.types.len() {
            items.push(cx.validate_impl(TypeId(i)));
        }
        items.insert(
            1,
            validate::support(cx.uses.get(), options.date_time, cx.flagged.get()),
        );
    }
    let uses = cx.uses.get();
    (quote! { #(#items)* }, uses)
}

struct Context<'m> {
    model: &'m Model,
    names: TypeNames,
    /// Types whose every value can derive `Eq`, and `Hash`.
    eq: Vec<bool>,
    hash: Vec<bool>,
    /// Field, alias and variant edges that must be boxed to break a cycle of direct containment.
    boxed: BTreeSet<(TypeId, TypeId)>,
    uses: std::cell::Cell<Uses>,
    prelude: Prelude,
    date_time: DateTimeType,
    doctest_crate: Option<String>,
    /// `#[allow(deprecated)]` when the model has deprecated items, so the crate's own code that names
    /// them builds without warnings (users still get them).
    allow_deprecated: TokenStream,
    /// Some `validate` check was emitted (so the support code's `flag` is used).
    flagged: std::cell::Cell<bool>,
}

/// How field and alias types spell the prelude's types.
struct Prelude {
    string: TokenStream,
    vec: TokenStream,
    option: TokenStream,
    boxed: TokenStream,
}

impl Prelude {
    fn new(names: &TypeNames, model: &Model) -> Self {
        let taken: BTreeSet<&str> = (0..model.types.len())
            .map(|i| names.get(TypeId(i)))
            .collect();
        let pick = |short: &str, full: TokenStream| {
            if taken.contains(short) {
                full
            } else {
                let ident = format_ident!("{}", short);
                quote!(#ident)
            }
        };
        Prelude {
            string: pick("String", quote!(::std::string::String)),
            vec: pick("Vec", quote!(::std::vec::Vec)),
            option: pick("Option", quote!(::std::option::Option)),
            boxed: pick("Box", quote!(::std::boxed::Box)),
        }
    }
}

impl<'m> Context<'m> {
    fn new(model: &'m Model, options: &Options) -> Self {
        let names = TypeNames::new(model);
        let (eq, hash) = derivable(model);
        let prelude = Prelude::new(&names, model);
        Context {
            model,
            prelude,
            date_time: options.date_time,
            doctest_crate: options.doctest_crate.clone(),
            flagged: std::cell::Cell::new(false),
            allow_deprecated: any_deprecated(model)
                .then(|| quote!(#[allow(deprecated)]))
                .into_iter()
                .collect(),
            names,
            eq,
            hash,
            boxed: cycles(model),
            uses: std::cell::Cell::new(Uses::default()),
        }
    }

    fn ident(&self, id: TypeId) -> Ident {
        format_ident!("{}", self.names.get(id))
    }

    fn type_def(&self, id: TypeId, def: &TypeDef) -> TokenStream {
        let TypeDef {
            name,
            origin: _,
            doc,
            deprecated,
            examples,
            kind,
        } = def;
        let mut text = doc
            .clone()
            .unwrap_or_else(|| format!("The `{name}` schema."));
        if self.names.is_disambiguated(self.model, id) {
            text.push_str(&format!(
                "\n\nNamed `{}` because another schema's name also converts to `{}`; see the naming rules of the generator.",
                self.names.get(id),
                naming::upper_camel(name)
            ));
        }
        if *deprecated {
            text.push_str("\n\n**Deprecated** in the API description.");
        }
        let mut docs = doc_attrs(&text);
        docs.extend(self.examples_doc(id, examples));
        if *deprecated {
            docs.extend(quote!(#[deprecated(note = "deprecated in the API description")]));
        }
        docs.extend(self.allow_deprecated.clone());
        let ident = self.ident(id);
        match kind {
            TypeKind::Struct(s) => self.struct_def(id, &ident, docs, s),
            TypeKind::Enum(e) => enum_def(&ident, docs, e),
            TypeKind::Union(u) => self.union_def(id, &ident, docs, u),
            TypeKind::Alias(a) => self.alias_def(id, &ident, docs, a),
        }
    }

    /// The docs of a type's examples: doctests that read each one and write it back unchanged when
    /// the crate path is known, JSON blocks otherwise. Built as raw lines: the code blocks must stay
    /// code, where a description's would be neutralised.
    fn examples_doc(&self, id: TypeId, examples: &[serde_json::Value]) -> TokenStream {
        if examples.is_empty() {
            return TokenStream::new();
        }
        let mut lines = vec![String::new(), "# Examples".to_owned()];
        for example in examples {
            let json = example.to_string();
            lines.push(String::new());
            let problems = crate::examples::check(self.model, id, example);
            match &self.doctest_crate {
                _ if !problems.is_empty() => {
                    lines.push(format!(
                        "From the API description, which this example contradicts (so it is no test): {}.",
                        crate::examples::summary(&problems).replace('`', "'")
                    ));
                    lines.push(String::new());
                    lines.extend(["```text".to_owned(), json, "```".to_owned()]);
                }
                Some(krate) => {
                    let hashes = "#".repeat(raw_hashes(&json));
                    let ty = format!("{krate}::{}", self.names.get(id));
                    lines.extend([
                        "From the API description, read and written back unchanged:".to_owned(),
                        String::new(),
                        "```".to_owned(),
                        format!("let json: serde_json::Value = serde_json::from_str(r{hashes}\"{json}\"{hashes}).unwrap();"),
                        format!("let value: {ty} = serde_json::from_value(json.clone()).unwrap();"),
                        "let back = serde_json::to_value(&value).unwrap();".to_owned(),
                        format!("assert!({krate}::__examples::same(&back, &json), \"{{back}}\");"),
                        "```".to_owned(),
                    ]);
                }
                None => lines.extend(["```json".to_owned(), json, "```".to_owned()]),
            }
        }
        let attrs = lines.iter().map(|line| {
            let line = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            quote!(#[doc = #line])
        });
        quote!(#(#attrs)*)
    }

    fn derives(&self, id: TypeId, default: bool) -> TokenStream {
        let eq = self.eq[id.0].then(|| quote!(Eq,));
        let hash = self.hash[id.0].then(|| quote!(Hash,));
        let default = default.then(|| quote!(Default,));
        quote! {
            #[derive(Clone, Debug, PartialEq, #eq #hash #default ::serde::Serialize, ::serde::Deserialize)]
        }
    }

    fn struct_def(&self, id: TypeId, ident: &Ident, docs: TokenStream, s: &Struct) -> TokenStream {
        let Struct { fields, additional } = s;
        let (idents, mut taken) = field_idents(fields);
        let mut out = Vec::new();
        for (field, ident) in fields.iter().zip(&idents) {
            out.push(self.field(id, field, ident));
        }
        let extra = additional
            .as_ref()
            .map(|value| (unique_ident("additional_properties", &mut taken), value));
        if let Some((name, value)) = &extra {
            let ty = self.type_ref(id, value);
            let string = &self.prelude.string;
            out.push(quote! {
                /// Properties the API description does not list, kept as sent.
                #[serde(flatten)]
                pub #name: ::std::collections::BTreeMap<#string, #ty>,
            });
        }
        let default = fields.iter().all(|f| !effective_presence(f).is_required());
        let derives = self.derives(id, default);
        let methods = self.struct_methods(
            id,
            ident,
            fields,
            &idents,
            extra.as_ref().map(|(name, _)| name),
        );
        quote! {
            #docs
            #derives
            pub struct #ident {
                #(#out)*
            }

            #methods
        }
    }

    /// `new` with the required fields (when there are some: a struct without any derives `Default`),
    /// and a `*_or_default` accessor for each optional field whose default the spec gives.
    fn struct_methods(
        &self,
        id: TypeId,
        ident: &Ident,
        fields: &[Field],
        idents: &[String],
        extra: Option<&Ident>,
    ) -> TokenStream {
        let mut methods = Vec::new();
        let required: Vec<(&Field, Ident)> = fields
            .iter()
            .zip(idents)
            .filter(|(f, _)| effective_presence(f).is_required())
            .map(|(f, i)| (f, field_ident(i)))
            .collect();
        if !required.is_empty() {
            let option = &self.prelude.option;
            let params = required.iter().map(|(f, i)| {
                let ty = self.type_ref(id, &f.ty);
                match effective_presence(f) {
                    Presence::RequiredNullable => quote!(#i: #option<#ty>),
                    _ => quote!(#i: #ty),
                }
            });
            let inits = fields.iter().zip(idents).map(|(f, i)| {
                let i = field_ident(i);
                if effective_presence(f).is_required() {
                    quote!(#i)
                } else {
                    quote!(#i: Nullable::Absent)
                }
            });
            let rest = extra.map(|name| quote!(#name: ::std::default::Default::default(),));
            let names: Vec<String> = required
                .iter()
                .map(|(f, _)| format!("`{}`", f.wire_name))
                .collect();
            let doc = doc_attrs(&format!(
                "A value with the required fields ({}) and every optional one absent; set others with \
                 struct update syntax: `{ident} {{ field: value.into(), ..{ident}::new(..) }}`.",
                names.join(", ")
            ));
            let many = (required.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
            methods.push(quote! {
                #doc
                #many
                pub fn new(#(#params),*) -> Self {
                    Self { #(#inits,)* #rest }
                }
            });
        }
        for (f, i) in fields.iter().zip(idents) {
            let Some(default) = &f.default else { continue };
            if effective_presence(f).is_required() {
                continue;
            }
            let Some((value, copy)) = self.default_expr(&f.ty, default) else {
                continue;
            };
            let field = field_ident(i);
            let method = format_ident!("{}_or_default", i.strip_prefix("r#").unwrap_or(i));
            let ty = self.type_ref(id, &f.ty);
            let read = if copy {
                quote!(*value)
            } else {
                quote!(value.clone())
            };
            let doc = doc_attrs(&format!(
                "`{}`, or the spec's default `{default}` when it is absent or `null`.",
                f.wire_name
            ));
            methods.push(quote! {
                #doc
                pub fn #method(&self) -> #ty {
                    match &self.#field {
                        Nullable::Value(value) => #read,
                        Nullable::Absent | Nullable::Null => #value,
                    }
                }
            });
        }
        if methods.is_empty() {
            return TokenStream::new();
        }
        let allow = &self.allow_deprecated;
        quote! {
            #allow
            impl #ident {
                #(#methods)*
            }
        }
    }

    /// The Rust expression of a spec default for type `ty`, and whether the type is `Copy`; `None`
    /// where the generator does not build one (the docs still state the default).
    fn default_expr(&self, ty: &TypeRef, value: &serde_json::Value) -> Option<(TokenStream, bool)> {
        use serde_json::Value as J;
        match (ty, value) {
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
                TypeKind::Enum(Enum::String(_)) => {
                    let ident = self.ident(*id);
                    let s = value.as_str()?;
                    Some((quote!(#ident::from(#s)), false))
                }
                TypeKind::Enum(Enum::Integer(_)) => {
                    let ident = self.ident(*id);
                    let n = Literal::i64_unsuffixed(value.as_i64()?);
                    Some((quote!(#ident::from(#n)), true))
                }
                TypeKind::Alias(Alias {
                    ty,
                    nullable: false,
                }) => self.default_expr(ty, value),
                _ => None,
            },
            _ => None,
        }
    }

    fn field(&self, owner: TypeId, field: &Field, ident_text: &str) -> TokenStream {
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
        let ident = field_ident(ident_text);
        let plain = ident_text.strip_prefix("r#").unwrap_or(ident_text);
        let rename = (plain != wire_name).then(|| quote!(rename = #wire_name,));
        let rename_attr = (plain != wire_name).then(|| quote!(#[serde(rename = #wire_name)]));
        let inner = self.type_ref(owner, ty);
        let mut text = doc.clone().unwrap_or_default();
        let mut notes = Vec::new();
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
        if text.is_empty() {
            text = format!("The `{wire_name}` property.");
        }
        let mut docs = doc_attrs(&text);
        if *deprecated {
            docs.extend(quote!(#[deprecated(note = "deprecated in the API description")]));
        }
        let option = &self.prelude.option;
        match effective_presence(field) {
            Presence::Required => quote! {
                #docs
                #rename_attr
                pub #ident: #inner,
            },
            Presence::RequiredNullable => quote! {
                #docs
                #rename_attr
                pub #ident: #option<#inner>,
            },
            Presence::Optional | Presence::OptionalNullable => quote! {
                #docs
                #[serde(#rename default, skip_serializing_if = "Nullable::is_absent")]
                pub #ident: Nullable<#inner>,
            },
        }
    }

    /// The Rust type of a reference made from inside type `owner`: boxed where it closes a cycle.
    fn type_ref(&self, owner: TypeId, ty: &TypeRef) -> TokenStream {
        match ty {
            TypeRef::Named(id) if self.boxed.contains(&(owner, *id)) => {
                let ident = self.ident(*id);
                let boxed = &self.prelude.boxed;
                quote!(#boxed<#ident>)
            }
            other => self.plain_type(other),
        }
    }

    /// The Rust type of a reference, never boxed: containers allocate, so they break cycles themselves.
    fn plain_type(&self, ty: &TypeRef) -> TokenStream {
        match ty {
            TypeRef::Named(id) => {
                let ident = self.ident(*id);
                quote!(#ident)
            }
            TypeRef::Primitive(p) => self.primitive(*p),
            TypeRef::Array(item) => {
                let item = self.plain_type(item);
                let vec = &self.prelude.vec;
                quote!(#vec<#item>)
            }
            TypeRef::Map(value) => {
                let value = self.plain_type(value);
                let string = &self.prelude.string;
                quote!(::std::collections::BTreeMap<#string, #value>)
            }
            TypeRef::Object => {
                self.use_json();
                let string = &self.prelude.string;
                quote!(::serde_json::Map<#string, ::serde_json::Value>)
            }
            TypeRef::Any => {
                self.use_json();
                quote!(::serde_json::Value)
            }
        }
    }

    fn use_json(&self) {
        let mut uses = self.uses.get();
        uses.json = true;
        self.uses.set(uses);
    }

    fn primitive(&self, p: Primitive) -> TokenStream {
        let mut uses = self.uses.get();
        let ty = match p {
            Primitive::String | Primitive::Uri | Primitive::Byte | Primitive::Binary => {
                self.prelude.string.clone()
            }
            Primitive::Uuid => {
                uses.uuid = true;
                quote!(::uuid::Uuid)
            }
            Primitive::DateTime => {
                uses.chrono = true;
                match self.date_time {
                    DateTimeType::FixedOffset => quote!(::chrono::DateTime<::chrono::FixedOffset>),
                    DateTimeType::Utc => quote!(::chrono::DateTime<::chrono::Utc>),
                }
            }
            Primitive::Date => {
                uses.chrono = true;
                quote!(::chrono::NaiveDate)
            }
            Primitive::Boolean => quote!(bool),
            Primitive::Int32 => quote!(i32),
            Primitive::Int64 => quote!(i64),
            Primitive::Float => quote!(f32),
            Primitive::Double => quote!(f64),
        };
        self.uses.set(uses);
        ty
    }

    fn alias_def(&self, id: TypeId, ident: &Ident, docs: TokenStream, a: &Alias) -> TokenStream {
        let Alias { ty, nullable } = a;
        let inner = self.type_ref(id, ty);
        let option = &self.prelude.option;
        let ty = if *nullable {
            quote!(#option<#inner>)
        } else {
            inner
        };
        quote! {
            #docs
            pub type #ident = #ty;
        }
    }

    /// The variant names of a union: its tags, or the names of the variants' types.
    fn union_variant_names(&self, u: &Union) -> Vec<Ident> {
        let labels: Vec<String> = u
            .variants
            .iter()
            .map(|v| match (&v.tag, &v.ty) {
                (Some(tag), _) => tag.clone(),
                (None, TypeRef::Named(target)) => self.names.get(*target).to_owned(),
                (None, other) => ref_label(other),
            })
            .collect();
        naming::distinct_camel(labels.iter().map(String::as_str), &[])
            .iter()
            .map(|n| format_ident!("{}", n))
            .collect()
    }

    fn union_def(&self, id: TypeId, ident: &Ident, docs: TokenStream, u: &Union) -> TokenStream {
        let Union {
            discriminator,
            variants,
        } = u;
        let idents = self.union_variant_names(u);
        let variant_names: Vec<String> = idents.iter().map(ToString::to_string).collect();
        let types: Vec<TokenStream> = variants.iter().map(|v| self.type_ref(id, &v.ty)).collect();
        let variant_docs: Vec<TokenStream> = variants
            .iter()
            .map(|v| match &v.tag {
                Some(tag) => doc_attrs(&format!("`{tag}`")),
                None => doc_attrs(&format!("A `{}`.", ref_label(&v.ty))),
            })
            .collect();
        let eq = self.eq[id.0].then(|| quote!(Eq,));
        let hash = self.hash[id.0].then(|| quote!(Hash,));
        let Some(tag_name) = discriminator else {
            return quote! {
                #docs
                #[derive(Clone, Debug, PartialEq, #eq #hash ::serde::Serialize, ::serde::Deserialize)]
                #[serde(untagged)]
                pub enum #ident {
                    #(#variant_docs #idents(#types),)*
                }
            };
        };
        self.use_json();
        let unknown = fallback_name(&variant_names);
        let tags: Vec<&str> = variants
            .iter()
            .map(|v| v.tag.as_deref().unwrap_or_default())
            .collect();
        // A variant whose struct lacks the tag property gets the tag written back on output.
        let carries_tag: Vec<bool> = variants
            .iter()
            .map(|v| match &v.ty {
                TypeRef::Named(target) => self.has_field(*target, tag_name),
                _ => false,
            })
            .collect();
        let serialize_arms = idents.iter().zip(&tags).zip(&carries_tag).map(|((ident, tag), carries)| {
            if *carries {
                quote!(Self::#ident(value) => ::serde::Serialize::serialize(value, serializer),)
            } else {
                quote!(Self::#ident(value) => {
                    let mut json = ::serde_json::to_value(value).map_err(::serde::ser::Error::custom)?;
                    if let ::serde_json::Value::Object(map) = &mut json {
                        map.insert(#tag_name.into(), ::serde_json::Value::String(#tag.into()));
                    }
                    ::serde::Serialize::serialize(&json, serializer)
                })
            }
        });
        let deserialize_arms = idents.iter().zip(&tags).zip(&types).map(|((ident, tag), ty)| {
            quote!(#tag => <#ty as ::serde::Deserialize>::deserialize(value).map(Self::#ident),)
        });
        let unknown_doc = doc_attrs(&format!(
            "A `{tag_name}` this version of the API description does not list, kept as sent."
        ));
        let allow = &self.allow_deprecated;
        quote! {
            #docs
            ///
            #[doc = concat!("Tagged by the `", #tag_name, "` property, which each variant's type keeps as a field.")]
            #[derive(Clone, Debug, PartialEq, #eq)]
            pub enum #ident {
                #(#variant_docs #idents(#types),)*
                #unknown_doc
                #unknown(::serde_json::Value),
            }

            #allow
            impl ::serde::Serialize for #ident {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    match self {
                        #(#serialize_arms)*
                        Self::#unknown(value) => ::serde::Serialize::serialize(value, serializer),
                    }
                }
            }

            #allow
            impl<'de> ::serde::Deserialize<'de> for #ident {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                    let tag = match value.get(#tag_name) {
                        ::std::option::Option::Some(::serde_json::Value::String(tag)) => tag.clone(),
                        _ => return ::std::result::Result::Ok(Self::#unknown(value)),
                    };
                    let result = match tag.as_str() {
                        #(#deserialize_arms)*
                        _ => return ::std::result::Result::Ok(Self::#unknown(value)),
                    };
                    result.map_err(::serde::de::Error::custom)
                }
            }
        }
    }

    fn has_field(&self, id: TypeId, wire_name: &str) -> bool {
        match &self.model.get(id).kind {
            TypeKind::Struct(s) => s.fields.iter().any(|f| f.wire_name == wire_name),
            TypeKind::Alias(Alias {
                ty: TypeRef::Named(target),
                ..
            }) => self.has_field(*target, wire_name),
            _ => false,
        }
    }
}

fn enum_def(ident: &Ident, docs: TokenStream, e: &Enum) -> TokenStream {
    match e {
        Enum::String(values) => {
            let names = enum_variant_names(e);
            let unknown = fallback_name(&names);
            let idents: Vec<Ident> = names.iter().map(|n| format_ident!("{}", n)).collect();
            let docs_v = values.iter().map(|v| {
                if v.is_empty() {
                    doc_attrs("The empty string.")
                } else {
                    doc_attrs(&format!("`{v}`"))
                }
            });
            quote! {
                #docs
                #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
                pub enum #ident {
                    #(#docs_v #idents,)*
                    /// A value this version of the API description does not list, kept as sent.
                    #unknown(::std::string::String),
                }

                impl #ident {
                    /// The value as it appears in JSON.
                    pub fn as_str(&self) -> &str {
                        match self {
                            #(Self::#idents => #values,)*
                            Self::#unknown(value) => value,
                        }
                    }
                }

                impl ::std::convert::From<&str> for #ident {
                    fn from(value: &str) -> Self {
                        match value {
                            #(#values => Self::#idents,)*
                            other => Self::#unknown(other.to_owned()),
                        }
                    }
                }

                impl ::std::fmt::Display for #ident {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }

                impl ::serde::Serialize for #ident {
                    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                        serializer.serialize_str(self.as_str())
                    }
                }

                impl<'de> ::serde::Deserialize<'de> for #ident {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                        let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                        ::std::result::Result::Ok(match value.as_str() {
                            #(#values => Self::#idents,)*
                            _ => Self::#unknown(value),
                        })
                    }
                }
            }
        }
        Enum::Integer(values) => {
            let names = enum_variant_names(e);
            let unknown = fallback_name(&names);
            let idents: Vec<Ident> = names.iter().map(|n| format_ident!("{}", n)).collect();
            let lits: Vec<Literal> = values.iter().map(|v| Literal::i64_unsuffixed(*v)).collect();
            let docs_v = values.iter().map(|v| doc_attrs(&format!("`{v}`")));
            quote! {
                #docs
                #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
                pub enum #ident {
                    #(#docs_v #idents,)*
                    /// A value this version of the API description does not list, kept as sent.
                    #unknown(i64),
                }

                impl #ident {
                    /// The value as it appears in JSON.
                    pub fn value(self) -> i64 {
                        match self {
                            #(Self::#idents => #lits,)*
                            Self::#unknown(value) => value,
                        }
                    }
                }

                impl ::std::convert::From<i64> for #ident {
                    fn from(value: i64) -> Self {
                        match value {
                            #(#lits => Self::#idents,)*
                            other => Self::#unknown(other),
                        }
                    }
                }

                impl ::serde::Serialize for #ident {
                    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                        serializer.serialize_i64(self.value())
                    }
                }

                impl<'de> ::serde::Deserialize<'de> for #ident {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                        <i64 as ::serde::Deserialize>::deserialize(deserializer).map(Self::from)
                    }
                }
            }
        }
    }
}

/// The presence a field has in Rust: a required field that only travels one way (`readOnly` or
/// `writeOnly`) is optional, so the same struct serves requests and responses without the caller
/// inventing a value the server ignores.
fn effective_presence(field: &Field) -> Presence {
    match (field.access, field.presence) {
        (Access::ReadWrite, presence) => presence,
        (_, Presence::Required | Presence::Optional) => Presence::Optional,
        (_, Presence::RequiredNullable | Presence::OptionalNullable) => Presence::OptionalNullable,
    }
}

fn field_ident(text: &str) -> Ident {
    syn::parse_str(text).unwrap_or_else(|_| format_ident!("field_{}", text.len()))
}

/// How many `#` a raw string literal holding `text` needs.
fn raw_hashes(text: &str) -> usize {
    let mut most = 0;
    for (i, _) in text.match_indices('"') {
        let run = text[i + 1..].chars().take_while(|&c| c == '#').count();
        most = most.max(run + 1);
    }
    most
}

/// Whether any type or field of the model is deprecated.
fn any_deprecated(model: &Model) -> bool {
    model.types.iter().any(|t| {
        t.deprecated
            || matches!(&t.kind, TypeKind::Struct(s) if s.fields.iter().any(|f| f.deprecated))
    })
}

/// The variant names of an enum's listed values: the values in UpperCamelCase (`V1`, `Minus1` for
/// integers), told apart where they collide.
fn enum_variant_names(e: &Enum) -> Vec<String> {
    match e {
        Enum::String(values) => naming::distinct_camel(values.iter().map(String::as_str), &[]),
        Enum::Integer(values) => {
            let labels: Vec<String> = values
                .iter()
                .map(|v| {
                    if *v < 0 {
                        format!("Minus{}", v.unsigned_abs())
                    } else {
                        format!("V{v}")
                    }
                })
                .collect();
            naming::distinct_camel(labels.iter().map(String::as_str), &[])
        }
    }
}

/// The name of an enum's catch-all variant.
fn enum_fallback(e: &Enum) -> Ident {
    fallback_name(&enum_variant_names(e))
}

/// The name of an enum's or union's catch-all variant: `Unknown`, unless a listed value took it.
fn fallback_name(taken: &[String]) -> Ident {
    let name = ["Unknown", "UnknownValue", "Other"]
        .into_iter()
        .find(|n| !taken.iter().any(|t| t == n))
        .map(str::to_owned)
        .unwrap_or_else(|| format!("Unknown{}", taken.len()));
    format_ident!("{}", name)
}

/// A short label for an unnamed union member: `String`, `Integer`, `Array`, ….
fn ref_label(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(_) => "Named".to_owned(),
        TypeRef::Primitive(p) => match p {
            Primitive::Boolean => "Boolean",
            Primitive::Int32 | Primitive::Int64 => "Integer",
            Primitive::Float | Primitive::Double => "Number",
            _ => "String",
        }
        .to_owned(),
        TypeRef::Array(_) => "Array".to_owned(),
        TypeRef::Map(_) | TypeRef::Object => "Object".to_owned(),
        TypeRef::Any => "Value".to_owned(),
    }
}

/// The identifiers of a struct's fields, and the set of names taken. A field whose JSON name is
/// already a valid identifier keeps it; the others are converted and, on a collision, numbered
/// (`fooBar` becomes `foo_bar_2` when there is also a `foo_bar`).
fn field_idents(fields: &[Field]) -> (Vec<String>, BTreeSet<String>) {
    let bases: Vec<String> = fields
        .iter()
        .map(|f| naming::field_ident(&f.wire_name).0)
        .collect();
    let exact = |i: usize| bases[i].strip_prefix("r#").unwrap_or(&bases[i]) == fields[i].wire_name;
    let mut taken = BTreeSet::new();
    let mut idents = vec![String::new(); fields.len()];
    for i in (0..fields.len()).filter(|&i| exact(i)) {
        idents[i] = unique_name(&bases[i], &mut taken);
    }
    for i in (0..fields.len()).filter(|&i| !exact(i)) {
        idents[i] = unique_name(&bases[i], &mut taken);
    }
    (idents, taken)
}

fn unique_name(base: &str, taken: &mut BTreeSet<String>) -> String {
    let mut name = base.to_owned();
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}

fn unique_ident(base: &str, taken: &mut BTreeSet<String>) -> Ident {
    format_ident!("{}", unique_name(base, taken))
}

/// Which types can derive `Eq` and `Hash`: a fixpoint from "all can", removing any type that holds a
/// float (neither), or JSON values (no `Hash`).
fn derivable(model: &Model) -> (Vec<bool>, Vec<bool>) {
    let n = model.types.len();
    let (mut eq, mut hash) = (vec![true; n], vec![true; n]);
    loop {
        let mut changed = false;
        for (i, def) in model.types.iter().enumerate() {
            let refs = direct_refs(def);
            let e = refs.iter().all(|r| ref_is(r, &eq, false));
            let h = e && refs.iter().all(|r| ref_is(r, &hash, true));
            let (e, h) = match &def.kind {
                // Tagged unions hold `serde_json::Value` in their fallback variant.
                TypeKind::Union(Union {
                    discriminator: Some(_),
                    ..
                }) => (e, false),
                TypeKind::Enum(_) => (true, true),
                _ => (e, h),
            };
            if eq[i] != e || hash[i] != h {
                eq[i] = e;
                hash[i] = h;
                changed = true;
            }
        }
        if !changed {
            return (eq, hash);
        }
    }
}

fn ref_is(ty: &TypeRef, table: &[bool], for_hash: bool) -> bool {
    match ty {
        TypeRef::Named(id) => table[id.0],
        TypeRef::Primitive(Primitive::Float | Primitive::Double) => false,
        TypeRef::Primitive(_) => true,
        TypeRef::Array(item) | TypeRef::Map(item) => ref_is(item, table, for_hash),
        TypeRef::Object | TypeRef::Any => !for_hash,
    }
}

/// The type references a definition holds.
fn direct_refs(def: &TypeDef) -> Vec<&TypeRef> {
    match &def.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .map(|f| &f.ty)
            .chain(s.additional.iter())
            .collect(),
        TypeKind::Enum(_) => Vec::new(),
        TypeKind::Union(u) => u.variants.iter().map(|v| &v.ty).collect(),
        TypeKind::Alias(a) => vec![&a.ty],
    }
}

/// The edges `(from, to)` of direct containment (not through `Vec` or a map) that close a cycle, which
/// must be boxed for the types to have a size.
fn cycles(model: &Model) -> BTreeSet<(TypeId, TypeId)> {
    let mut edges: BTreeMap<TypeId, Vec<TypeId>> = BTreeMap::new();
    for (i, def) in model.types.iter().enumerate() {
        let targets = direct_refs(def).into_iter().filter_map(|r| match r {
            TypeRef::Named(id) => Some(*id),
            _ => None,
        });
        edges.entry(TypeId(i)).or_default().extend(targets);
    }
    let reaches = |from: TypeId, to: TypeId| -> bool {
        let mut stack = vec![from];
        let mut seen = BTreeSet::new();
        while let Some(at) = stack.pop() {
            if at == to {
                return true;
            }
            if seen.insert(at) {
                stack.extend(edges.get(&at).into_iter().flatten().copied());
            }
        }
        false
    };
    let mut boxed = BTreeSet::new();
    for (&from, targets) in &edges {
        for &to in targets {
            // Aliases cannot hold a box of themselves meaningfully, so only structs and unions box.
            let boxes = !matches!(model.get(from).kind, TypeKind::Alias(_));
            if boxes && reaches(to, from) {
                boxed.insert((from, to));
            }
        }
    }
    boxed
}

/// `#[doc]` attributes for a description, made safe for rustdoc: no line is indented (an indented
/// block would become a doctest), code fences are marked `text`, bare URLs become autolinks, and `[`,
/// `]` and `<` that are not markdown links are escaped so they cannot become broken intra-doc links or
/// HTML tags.
pub fn doc_attrs(text: &str) -> TokenStream {
    let cleaned = sanitize_doc(text);
    let lines = cleaned.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        let lit = Literal::string(&line);
        quote!(#[doc = #lit])
    });
    quote!(#(#lines)*)
}

fn sanitize_doc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_fence = false;
    for line in text.trim().lines() {
        let line = line.trim();
        if let Some(lang) = line.strip_prefix("```") {
            if !in_fence && (lang.is_empty() || lang != "text") {
                out.push_str("```text\n");
            } else {
                out.push_str("```\n");
            }
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push_str(line);
        } else {
            out.push_str(&escape_doc_line(line));
        }
        out.push('\n');
    }
    if in_fence {
        out.push_str("```\n");
    }
    out
}

fn escape_doc_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == ')' || c == '>' || c == '"' || c == '\'')
                .unwrap_or(rest.len());
            let url = rest[..end].trim_end_matches(['.', ',', ';', ':']);
            let preceded = out.ends_with('(') || out.ends_with('<');
            if preceded {
                out.push_str(url);
            } else {
                out.push('<');
                out.push_str(url);
                out.push('>');
            }
            rest = &rest[url.len()..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '[' => {
                // A markdown link `[text](url)` stays; any other bracket is escaped.
                let is_link = rest
                    .find("](")
                    .is_some_and(|close| !rest[1..close].contains(['[', ']']));
                out.push_str(if is_link { "[" } else { "\\[" });
            }
            ']' => {
                let is_link = rest.starts_with("](");
                out.push_str(if is_link { "]" } else { "\\]" });
            }
            '<' => {
                if rest.starts_with("<http://") || rest.starts_with("<https://") {
                    out.push('<');
                } else {
                    out.push_str("&lt;");
                }
            }
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// What the example doctests share: a JSON comparison that accepts a date-time written back in
/// another form (`Z` for `+00:00`, `07Z` for `07.000Z`), which is the same instant.
fn examples_support() -> TokenStream {
    quote! {
        /// Helpers of the examples' doctests; not part of the models.
        #[doc(hidden)]
        pub mod __examples {
            /// Whether `a` and `b` are the same JSON, date-times compared as instants.
            pub fn same(a: &::serde_json::Value, b: &::serde_json::Value) -> bool {
                use ::serde_json::Value;
                match (a, b) {
                    (Value::Object(x), Value::Object(y)) => {
                        x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
                    }
                    (Value::Array(x), Value::Array(y)) => {
                        x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w))
                    }
                    (Value::String(x), Value::String(y)) => x == y || instant(x) == instant(y),
                    _ => a == b,
                }
            }

            /// An RFC 3339 date-time in one spelling: `Z` as `+00:00`, no all-zero fraction.
            fn instant(text: &str) -> ::std::string::String {
                let is_date_time = text.len() >= 20 && text.as_bytes().get(10) == ::std::option::Option::Some(&b'T');
                if !is_date_time {
                    return text.to_owned();
                }
                let mut out = text.replace('Z', "+00:00");
                if let ::std::option::Option::Some(dot) = out.find('.') {
                    let digits = out[dot + 1..].chars().take_while(char::is_ascii_digit).count();
                    if out[dot + 1..dot + 1 + digits].chars().all(|c| c == '0') {
                        out.replace_range(dot..dot + 1 + digits, "");
                    }
                }
                out
            }
        }
    }
}

/// The support types every generated file starts with.
fn support() -> TokenStream {
    quote! {
        /// A field that may be absent from a payload, present as `null`, or present with a value.
        ///
        /// Every optional field of the models is a `Nullable`, so a payload read and written back keeps
        /// `null` where it had `null` and omits what it omitted (a `PATCH` can clear a field by sending
        /// `Nullable::Null`). Use [`Nullable::as_option`] or [`Nullable::into_option`] when the
        /// difference does not matter.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Nullable<T> {
            /// The field is not in the payload.
            #[default]
            Absent,
            /// The field is in the payload as `null`.
            Null,
            /// The field has a value.
            Value(T),
        }

        impl<T> Nullable<T> {
            /// Whether the field is absent (used to skip it when serializing).
            pub fn is_absent(&self) -> bool {
                matches!(self, Self::Absent)
            }

            /// Whether the field is `null`.
            pub fn is_null(&self) -> bool {
                matches!(self, Self::Null)
            }

            /// The value, if there is one.
            pub fn as_option(&self) -> ::std::option::Option<&T> {
                match self {
                    Self::Value(value) => ::std::option::Option::Some(value),
                    Self::Absent | Self::Null => ::std::option::Option::None,
                }
            }

            /// The value, if there is one.
            pub fn into_option(self) -> ::std::option::Option<T> {
                match self {
                    Self::Value(value) => ::std::option::Option::Some(value),
                    Self::Absent | Self::Null => ::std::option::Option::None,
                }
            }
        }

        impl<T> ::std::convert::From<T> for Nullable<T> {
            fn from(value: T) -> Self {
                Self::Value(value)
            }
        }

        impl<T> ::std::convert::From<::std::option::Option<T>> for Nullable<T> {
            /// `None` becomes `Null`: an explicit "no value".
            fn from(value: ::std::option::Option<T>) -> Self {
                match value {
                    ::std::option::Option::Some(value) => Self::Value(value),
                    ::std::option::Option::None => Self::Null,
                }
            }
        }

        impl<T: ::serde::Serialize> ::serde::Serialize for Nullable<T> {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    Self::Value(value) => serializer.serialize_some(value),
                    Self::Absent | Self::Null => serializer.serialize_none(),
                }
            }
        }

        impl<'de, T: ::serde::Deserialize<'de>> ::serde::Deserialize<'de> for Nullable<T> {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                <::std::option::Option<T> as ::serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    }
}
