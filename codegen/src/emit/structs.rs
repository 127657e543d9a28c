//! Structs: fields with their serde attributes, `new` with the required fields, and the
//! `*_or_default` accessors of fields whose default the spec gives.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::{doc_attrs, Context};
use crate::ir::{
    Access, Alias, Field, Presence, Primitive, Repr, Struct, TypeId, TypeKind, TypeRef,
};
use crate::naming;
use crate::rust::presence as effective_presence;
use crate::rust::OptionalStyle;

impl Context<'_> {
    pub(super) fn struct_def(
        &self,
        id: TypeId,
        ident: &Ident,
        docs: TokenStream,
        s: &Struct,
    ) -> TokenStream {
        let Struct { fields, additional } = s;
        let names = naming::FieldNames::new(s);
        let idents = &names.fields;
        let mut out = Vec::new();
        for (field, ident) in fields.iter().zip(idents) {
            out.push(self.field(id, field, ident));
        }
        let extra = names
            .additional
            .as_deref()
            .map(naming::ident)
            .zip(additional.as_ref());
        if let Some((name, value)) = &extra {
            let ty = self.ty(&self.view.reference(id, value));
            let string = &self.prelude.string;
            out.push(quote! {
                /// Properties the API description does not list, kept as sent.
                pub #name: ::std::collections::BTreeMap<#string, #ty>,
            });
        }
        let derives = self.derives(id, true);
        let methods = self.struct_methods(
            id,
            ident,
            fields,
            idents,
            extra.as_ref().map(|(name, _)| name),
        );
        let wire = self.wire_fields(id, s, &names);
        let serialize = self.struct_serialize(id, ident, &wire);
        let deserialize = self.struct_deserialize(id, ident, &wire);
        quote! {
            #docs
            #derives
            pub struct #ident {
                #(#out)*
            }

            #methods

            #serialize

            #deserialize
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
                ident: naming::ident(ident),
                name: field.wire_name.clone(),
                presence: effective_presence(field),
                adapter: self.time_adapter(&self.view.field(id, field)),
            })
            .collect();
        let additional =
            names
                .additional
                .as_deref()
                .zip(s.additional.as_ref())
                .map(|(extra, value)| {
                    let adapter = self.time_adapter(&self.view.reference(id, value));
                    (naming::ident(extra), adapter)
                });
        WireFields { fields, additional }
    }

    /// The `Serialize` impl of a struct: its fields in order, an optional one only when present,
    /// then the properties it does not list (as serde's derive writes a flattened map).
    fn struct_serialize(&self, id: TypeId, ident: &Ident, wire: &WireFields) -> TokenStream {
        let name = self.view.name(id);
        let mut required = 0usize;
        let mut optional = Vec::new();
        let mut writes = Vec::new();
        for WireField {
            ident,
            name: wire,
            presence,
            adapter,
        } in &wire.fields
        {
            let is_optional = matches!(presence, Presence::Optional | Presence::OptionalNullable);
            writes.push(match (is_optional, adapter) {
                (false, None) => quote!(object.field(#wire, &self.#ident)?;),
                (false, Some(adapter)) => {
                    quote!(object.field_by::<#adapter, _>(#wire, &self.#ident)?;)
                }
                (true, None) => quote!(object.optional(#wire, &self.#ident)?;),
                (true, Some(adapter)) => {
                    quote!(object.optional_by::<#adapter, _>(#wire, &self.#ident)?;)
                }
            });
            if is_optional {
                optional.push(quote!(&self.#ident));
            } else {
                required += 1;
            }
        }
        let required = Literal::usize_unsuffixed(required);
        let start = match &wire.additional {
            Some((extra, adapter)) => {
                writes.push(match adapter {
                    Some(adapter) => quote!(object.properties_by::<#adapter, _>(&self.#extra)?;),
                    None => quote!(object.properties(&self.#extra)?;),
                });
                quote! {
                    support::__object::Fields::with_properties(serializer, #required, &[#(#optional),*], self.#extra.len())?
                }
            }
            None => quote! {
                support::__object::Fields::new(serializer, #name, #required, &[#(#optional),*])?
            },
        };
        let object = if writes.is_empty() {
            quote!(let object = #start;)
        } else {
            quote!(let mut object = #start;)
        };
        let allow = self.allows(id);
        quote! {
            #allow
            impl ::serde::Serialize for #ident {
                fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                    #object
                    #(#writes)*
                    object.end()
                }
            }
        }
    }

    /// The `Deserialize` impl of a struct, and the `FromObject` impl it hands the object to: a slot
    /// for each field, filled key by key (a key met twice is an error, as with serde's derive), and
    /// the struct built from the slots (an absent required field is an error; an absent optional
    /// one is its default, absent). Keys the struct does not list are skipped, or kept in its map of
    /// additional properties.
    fn struct_deserialize(&self, id: TypeId, ident: &Ident, wire: &WireFields) -> TokenStream {
        self.objects.set(true);
        let name = self.view.name(id);
        // The object's local name, apart from the slots, which are named as the fields are.
        let taken: Vec<String> = wire
            .fields
            .iter()
            .map(|f| &f.ident)
            .chain(wire.additional.as_ref().map(|(extra, _)| extra))
            .map(ToString::to_string)
            .collect();
        let mut map = "map".to_owned();
        while taken.contains(&map) {
            map.push('_');
        }
        let map = naming::ident(&map);
        let option = &self.prelude.option;
        let mut slots = Vec::new();
        let mut arms = Vec::new();
        let mut settles = Vec::new();
        let mut required = Vec::new();
        let mut inits = Vec::new();
        for WireField {
            ident,
            name: wire,
            presence,
            adapter,
        } in &wire.fields
        {
            slots.push(quote!(let mut #ident = #option::None;));
            arms.push(match &adapter {
                Some(adapter) => quote!(#wire => #map.read_by::<#adapter, _>(&mut #ident, #wire),),
                None => quote!(#wire => #map.read(&mut #ident, #wire),),
            });
            if *presence == Presence::Required {
                settles.push(match &adapter {
                    Some(_) => quote!(#map.expect(&#ident, #wire);),
                    None => quote!(#map.settle(&mut #ident, #wire);),
                });
                required.push(ident.clone());
                inits.push(quote!(#ident,));
            } else {
                inits.push(quote!(#ident: #ident.unwrap_or_default(),));
            }
        }
        let other = match &wire.additional {
            Some((extra, adapter)) => {
                slots.push(quote!(let mut #extra = ::std::collections::BTreeMap::new();));
                inits.push(quote!(#extra,));
                match adapter {
                    Some(adapter) => quote!(#map.keep_by::<#adapter, _>(&mut #extra)),
                    None => quote!(#map.keep(&mut #extra)),
                }
            }
            None => quote!(#map.skip()),
        };
        let each = if arms.is_empty() {
            quote!(#other?;)
        } else {
            quote! {
                match #map.key() {
                    #(#arms)*
                    _ => #other,
                }?;
            }
        };
        // The required fields, settled, are taken out of their slots in one pattern: one early
        // return for all of them (each return drops every slot).
        let take = match required.as_slice() {
            [] => TokenStream::new(),
            [one] => quote! {
                let #option::Some(#one) = #one else {
                    return ::std::result::Result::Err(#map.missing());
                };
            },
            many => quote! {
                let (#(#option::Some(#many),)*) = (#(#many,)*) else {
                    return ::std::result::Result::Err(#map.missing());
                };
            },
        };
        let allow = self.allows(id);
        quote! {
            #allow
            impl<'de> ::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                    support::__object::read(deserializer)
                }
            }

            #allow
            impl<'de> support::__object::FromObject<'de> for #ident {
                const NAME: &'static str = #name;

                fn from_object<__A: ::serde::de::MapAccess<'de>>(
                    mut #map: support::__object::Object<'de, __A>,
                ) -> ::std::result::Result<Self, __A::Error> {
                    #(#slots)*
                    while #map.next_key()? {
                        #each
                    }
                    #(#settles)*
                    #take
                    ::std::result::Result::Ok(Self {
                        #(#inits)*
                    })
                }
            }
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
            .map(|(f, i)| (f, naming::ident(i)))
            .collect();
        if !required.is_empty() {
            let params = required.iter().map(|(f, i)| {
                let ty = self.ty(&self.view.field(id, f));
                quote!(#i: #ty)
            });
            let option = &self.prelude.option;
            let inits = fields.iter().zip(idents).map(|(f, i)| {
                let i = naming::ident(i);
                if effective_presence(f).is_required() {
                    quote!(#i)
                } else {
                    match self.view.optional_style(id, f) {
                        OptionalStyle::Nullable => quote!(#i: Nullable::Absent),
                        OptionalStyle::Option => quote!(#i: #option::None),
                    }
                }
            });
            let rest = extra.map(|name| quote!(#name: ::std::default::Default::default(),));
            let doc = doc_attrs("With the required fields; every optional one is absent.");
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
            let field = naming::ident(i);
            // `self_` gives `self_or_default`: a double underscore is no snake case.
            let plain = i.strip_prefix("r#").unwrap_or(i).trim_end_matches('_');
            let method = naming::ident(&format!("{plain}_or_default"));
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
            let option = &self.prelude.option;
            let arms = match self.view.optional_style(id, f) {
                OptionalStyle::Nullable => quote! {
                    Nullable::Value(value) => #read,
                    Nullable::Absent | Nullable::Null => #value,
                },
                OptionalStyle::Option => quote! {
                    #option::Some(value) => #read,
                    #option::None => #value,
                },
            };
            methods.push(quote! {
                #doc
                pub fn #method(&self) -> #ty {
                    match &self.#field {
                        #arms
                    }
                }
            });
        }
        if methods.is_empty() {
            return TokenStream::new();
        }
        let allow = self.allows(id);
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
        let ident = naming::ident(ident_text);
        let plain = ident_text.strip_prefix("r#").unwrap_or(ident_text);
        let rust = self.ty(&self.view.field(owner, field));
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
        let mut docs = doc_attrs(&text);
        if *deprecated {
            docs.extend(quote!(#[deprecated(note = "deprecated in the API description")]));
        }
        quote! {
            #docs
            pub #ident: #rust,
        }
    }
}

/// A struct's fields as its serde impls read and write them (see [`Context::wire_fields`]).
struct WireFields {
    fields: Vec<WireField>,
    /// The map of the properties the struct does not list, and the adapter of its values.
    additional: Option<(Ident, Option<TokenStream>)>,
}

struct WireField {
    ident: Ident,
    /// The JSON name.
    name: String,
    presence: Presence,
    /// The `time` adapter the field is read and written through.
    adapter: Option<TokenStream>,
}
