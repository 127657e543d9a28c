//! Unions (`oneOf`/`anyOf`): one variant per member.
//!
//! **Tagged** (a `discriminator`): the tag property picks the variant; each variant's struct keeps the
//! tag as a field of its own, so a variant type read alone round-trips too; an unknown tag is kept as
//! JSON in a fallback variant.
//!
//! **Untagged**: a payload may fit several members, and picking the wrong one would drop what the
//! others keep. So the generated `Deserialize` reads the payload once as JSON, then tries the members
//! from the narrowest to the broadest and takes the first that *keeps every property*: written back,
//! it has the same properties and items at every depth, and `null` in the same places. When none
//! keeps everything, the first that reads the payload at all wins, so nothing that one member accepts
//! is rejected. The order, decided when generating (input order among equals):
//! 1. objects that keep nothing beyond their fields, those with more required fields first; formatted
//!    strings (uuid, date-time, date); integers; enums; booleans; arrays and tuples;
//! 2. objects that keep unlisted properties, plain strings, floating-point numbers;
//! 3. members that take anything: free-form objects, maps, any JSON value.
//!
//! A payload written for any member thus round-trips unchanged whenever that member keeps it.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{doc_attrs, fallback_name, Context};
use crate::ir::{Primitive, TypeId, TypeKind, TypeRef, Union};
use crate::naming;

impl Context<'_> {
    /// The variant names of a union: its tags, or the names of the variants' types.
    pub(super) fn union_variant_names(&self, u: &Union) -> Vec<Ident> {
        let labels: Vec<String> = u
            .variants
            .iter()
            .map(|v| match (&v.tag, &v.ty) {
                (Some(tag), _) => tag.clone(),
                (None, TypeRef::Named(target)) => self.view.name(*target).to_owned(),
                (None, other) => ref_label(other),
            })
            .collect();
        naming::distinct_camel(labels.iter().map(String::as_str), &[])
            .iter()
            .map(|n| naming::ident(n))
            .collect()
    }

    pub(super) fn union_def(
        &self,
        id: TypeId,
        ident: &Ident,
        docs: TokenStream,
        u: &Union,
    ) -> TokenStream {
        let Union {
            discriminator,
            variants,
        } = u;
        let idents = self.union_variant_names(u);
        let rust_types: Vec<crate::rust::Ty> = variants
            .iter()
            .map(|v| self.view.reference(id, &v.ty))
            .collect();
        let types: Vec<TokenStream> = rust_types.iter().map(|t| self.ty(t)).collect();
        let variant_docs: Vec<TokenStream> = variants
            .iter()
            .map(|v| match &v.tag {
                Some(tag) => doc_attrs(&format!("`{tag}`")),
                None => doc_attrs(&format!("A `{}`.", self.label(&v.ty))),
            })
            .collect();
        let mut derives = self.derives(id, false);
        // Members are the spec's, of any size: boxing the large ones would change every use.
        if variants.len() > 1 {
            derives.extend(quote!(#[allow(clippy::large_enum_variant)]));
        }
        let allow = self.allows(id);
        let Some(tag_name) = discriminator else {
            self.use_json();
            self.untagged.set(true);
            let name = self.view.name(id);
            let mut order: Vec<usize> = (0..variants.len()).collect();
            order.sort_by_key(|&i| self.breadth(&variants[i].ty));
            let reads = order.iter().map(|&i| {
                let (variant, ty) = (&idents[i], &types[i]);
                let read = self.deserialize_call(&rust_types[i], ty, quote!(value));
                quote!(|value| #read.map(Self::#variant))
            });
            let writes = rust_types
                .iter()
                .map(|t| self.serialize_call(t, quote!(value), quote!(serializer)));
            // A union of no member has no value: a `match` on a reference to it needs a `*`.
            let serialize_body = if idents.is_empty() {
                quote! {
                    let _ = serializer;
                    match *self {}
                }
            } else {
                quote! {
                    match self {
                        #(Self::#idents(value) => #writes,)*
                    }
                }
            };
            return quote! {
                #docs
                #derives
                pub enum #ident {
                    #(#variant_docs #idents(#types),)*
                }

                #allow
                impl ::serde::Serialize for #ident {
                    fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                        #serialize_body
                    }
                }

                #allow
                impl<'de> ::serde::Deserialize<'de> for #ident {
                    fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                        let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                        support::__union::choose(&value, #name, &[#(#reads),*]).map_err(::serde::de::Error::custom)
                    }
                }
            };
        };
        self.use_json();
        let variant_names: Vec<String> = idents.iter().map(ToString::to_string).collect();
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
        let serialize_arms = idents.iter().zip(&tags).zip(&carries_tag).zip(&rust_types).map(|(((ident, tag), carries), rust)| {
            if *carries {
                let write = self.serialize_call(rust, quote!(value), quote!(serializer));
                quote!(Self::#ident(value) => #write,)
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
        // A tag listed twice reads as its first variant (the IR check reports such a spec).
        let mut seen = std::collections::BTreeSet::new();
        let deserialize_arms: Vec<TokenStream> = idents
            .iter()
            .zip(&tags)
            .zip(types.iter().zip(&rust_types))
            .filter(|((_, tag), _)| seen.insert(**tag))
            .map(|((ident, tag), (ty, rust))| {
                let read = self.deserialize_call(rust, ty, quote!(value));
                quote!(#tag => #read.map(Self::#ident),)
            })
            .collect();
        // With no variant listed, every value is unknown (and a `match` of one arm that returns
        // would leave unreachable code).
        let deserialize_body = if deserialize_arms.is_empty() {
            quote!(::std::result::Result::Ok(Self::#unknown(value)))
        } else {
            quote! {
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
        };
        let tagged_doc = doc_attrs(&format!(
            "Tagged by the `{tag_name}` property, which each variant's type keeps as a field."
        ));
        let unknown_doc = doc_attrs(&format!(
            "A `{tag_name}` this version of the API description does not list, kept as sent."
        ));
        quote! {
            #docs
            ///
            #tagged_doc
            #derives
            pub enum #ident {
                #(#variant_docs #idents(#types),)*
                #unknown_doc
                #unknown(::serde_json::Value),
            }

            #allow
            impl ::serde::Serialize for #ident {
                fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                    match self {
                        #(#serialize_arms)*
                        Self::#unknown(value) => ::serde::Serialize::serialize(value, serializer),
                    }
                }
            }

            #allow
            impl<'de> ::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                    let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                    #deserialize_body
                }
            }
        }
    }

    fn has_field(&self, id: TypeId, wire_name: &str) -> bool {
        match self.model.resolve_kind(self.model.get(id)) {
            TypeKind::Struct(s) => s.fields.iter().any(|f| f.wire_name == wire_name),
            _ => false,
        }
    }

    /// How broad a member of an untagged union is: members are tried in increasing order, so the
    /// first that keeps a payload whole is the narrowest that does (see the module docs). Objects
    /// that keep nothing extra come first among themselves by decreasing number of required fields.
    fn breadth(&self, ty: &TypeRef) -> (u8, usize) {
        const NARROW: u8 = 0;
        const BROAD: u8 = 1;
        const ANYTHING: u8 = 2;
        match self.model.resolve(ty) {
            TypeRef::Named(id) => {
                match &self.model.get(*id).kind {
                    TypeKind::Struct(s) if s.fields.is_empty() => (ANYTHING, 0),
                    TypeKind::Struct(s) if s.additional.is_some() => (BROAD, 0),
                    TypeKind::Struct(s) => {
                        let required = s
                            .fields
                            .iter()
                            .filter(|f| crate::rust::presence(f).is_required())
                            .count();
                        (NARROW, usize::MAX - required)
                    }
                    // Only a loop of aliases, which the model's check rejects, ends at an alias.
                    TypeKind::Alias(_) => (ANYTHING, 0),
                    TypeKind::Enum(_) | TypeKind::Union(_) => (NARROW, usize::MAX),
                }
            }
            TypeRef::Nullable(inner) => self.breadth(inner),
            TypeRef::Primitive(
                Primitive::String | Primitive::Uri | Primitive::Byte | Primitive::Binary,
            )
            | TypeRef::Primitive(Primitive::Float | Primitive::Double) => (BROAD, 0),
            TypeRef::Primitive(_) | TypeRef::Array(_) | TypeRef::Tuple(_) => (NARROW, usize::MAX),
            TypeRef::Map(_) | TypeRef::Object | TypeRef::Any => (ANYTHING, 0),
        }
    }

    /// A short label for a member in docs: the type's Rust name, or what it is.
    fn label(&self, ty: &TypeRef) -> String {
        match ty {
            TypeRef::Named(id) => self.view.name(*id).to_owned(),
            other => ref_label(other),
        }
    }
}

/// A short label for an unnamed union member: `String`, `Integer`, `Array`, ….
fn ref_label(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(_) => "Named".to_owned(),
        TypeRef::Primitive(p) => match p {
            Primitive::Boolean => "Boolean",
            Primitive::Int32 | Primitive::Int64 => "Integer",
            Primitive::Float | Primitive::Double => "Number",
            Primitive::Uuid => "Uuid",
            Primitive::DateTime => "DateTime",
            Primitive::Date => "Date",
            Primitive::String | Primitive::Uri | Primitive::Byte | Primitive::Binary => "String",
        }
        .to_owned(),
        TypeRef::Array(_) => "Array".to_owned(),
        TypeRef::Tuple(_) => "Tuple".to_owned(),
        TypeRef::Map(_) | TypeRef::Object => "Object".to_owned(),
        TypeRef::Nullable(inner) => ref_label(inner),
        TypeRef::Any => "Value".to_owned(),
    }
}
