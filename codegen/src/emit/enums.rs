//! Enums: one variant per listed value, and a fallback variant that keeps any other value as sent,
//! so a value added to the API later reads and writes back unchanged.
//!
//! The value table is written twice, once each way (`as_str`/`value` and `From`); serde goes through
//! those. By the values' JSON type:
//! - strings: `Unknown(String)`, `as_str()`, `From<&str>`, `Display`;
//! - integers: `Unknown(i64)`, `value()`, `From<i64>`;
//! - numbers with fractions: `Unknown(serde_json::Number)`, `as_f64()`; a value is matched by its
//!   JSON text, so `1` and `1.0` stay apart and each is written back as read;
//! - several JSON types: `Unknown(serde_json::Value)`;
//! - booleans: no enum at all: a `bool` (an enum of `true` alone would only reject `false`, which the
//!   API description already says it never sends).

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;
use serde_json::Value;

use super::docs::doc_values;
use super::structs::{
    close_impl_fn, name_text, open_deserialize, open_impl, open_serialize, string_lit,
};
use super::text::{fits, Writer, INDENT};
use super::{doc_attrs, fallback_name, Code, Context};
use crate::ir::{Enum, Repr, TypeDef, TypeId};
use crate::naming;

impl Context<'_> {
    pub(super) fn enum_def(
        &self,
        id: TypeId,
        ident: &Ident,
        docs: TokenStream,
        e: &Enum,
    ) -> TokenStream {
        let Enum { repr, values } = e;
        let repr = *repr;
        if repr == Repr::Boolean {
            let listed: Vec<String> = values.iter().map(|v| format!("`{}`", v.value)).collect();
            let note = doc_attrs(&format!(
                "The API description lists {}.",
                listed.join(" and ")
            ));
            // A paragraph of its own: the docs before may end in a quote or a list.
            return quote! {
                #docs
                #[doc = ""]
                #note
                pub type #ident = bool;
            };
        }
        let names = naming::variant_names(values);
        let unknown = fallback_name(&names);
        let idents: Vec<Ident> = names.iter().map(|n| naming::ident(n)).collect();
        let variant_docs: Vec<TokenStream> = values
            .iter()
            .map(|v| {
                let value = match &v.value {
                    Value::String(s) if s.is_empty() => "The empty string.".to_owned(),
                    Value::String(s) => format!("`{s}`"),
                    other => format!("`{other}`"),
                };
                match &v.doc {
                    Some(doc) => doc_attrs(&format!("{doc}\n\nValue: {value}")),
                    None => doc_attrs(&value),
                }
            })
            .collect();
        let mut allow = self.allows(id);
        if values.is_empty() {
            // With no listed value, each `match` has the fallback's arm alone.
            allow.extend(quote!(#[allow(clippy::match_single_binding, clippy::infallible_destructuring_match)]));
        }
        let variants = quote! {
            #(#variant_docs #idents,)*
        };
        match repr {
            Repr::String | Repr::Integer => {
                unreachable!("enums of strings and integers are written as text (`enum_items`)")
            }
            Repr::Number => {
                self.use_json();
                let texts: Vec<String> = values.iter().map(|v| v.value.to_string()).collect();
                let floats: Vec<Literal> = values
                    .iter()
                    .map(|v| Literal::f64_unsuffixed(v.value.as_f64().unwrap_or_default()))
                    .collect();
                let writes: Vec<TokenStream> =
                    values.iter().map(|v| write_scalar(&v.value)).collect();
                quote! {
                    #docs
                    #[derive(Clone, Debug, PartialEq, Eq, Hash)]
                    pub enum #ident {
                        #variants
                        /// A value this version of the API description does not list, kept as sent.
                        #unknown(::serde_json::Number),
                    }

                    #allow
                    impl #ident {
                        /// The value as a number (`NaN` for an unlisted value beyond `f64`).
                        pub fn as_f64(&self) -> f64 {
                            match self {
                                #(Self::#idents => #floats,)*
                                Self::#unknown(value) => value.as_f64().unwrap_or(f64::NAN),
                            }
                        }
                    }

                    #allow
                    impl ::serde::Serialize for #ident {
                        fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                            match self {
                                #(Self::#idents => #writes,)*
                                Self::#unknown(value) => ::serde::Serialize::serialize(value, serializer),
                            }
                        }
                    }

                    #allow
                    impl<'de> ::serde::Deserialize<'de> for #ident {
                        fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                            let value = <::serde_json::Number as ::serde::Deserialize>::deserialize(deserializer)?;
                            ::std::result::Result::Ok(match value.to_string().as_str() {
                                #(#texts => Self::#idents,)*
                                _ => Self::#unknown(value),
                            })
                        }
                    }
                }
            }
            Repr::Mixed | Repr::Boolean => {
                self.use_json();
                let writes: Vec<TokenStream> =
                    values.iter().map(|v| write_scalar(&v.value)).collect();
                let reads: Vec<TokenStream> =
                    values.iter().map(|v| read_pattern(&v.value)).collect();
                quote! {
                    #docs
                    #[derive(Clone, Debug, PartialEq, Eq)]
                    pub enum #ident {
                        #variants
                        /// A value this version of the API description does not list, kept as sent.
                        #unknown(::serde_json::Value),
                    }

                    #allow
                    impl ::serde::Serialize for #ident {
                        fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                            match self {
                                #(Self::#idents => #writes,)*
                                Self::#unknown(value) => ::serde::Serialize::serialize(value, serializer),
                            }
                        }
                    }

                    #allow
                    impl<'de> ::serde::Deserialize<'de> for #ident {
                        fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                            use ::serde_json::Value;
                            let value = <Value as ::serde::Deserialize>::deserialize(deserializer)?;
                            let listed = match &value {
                                #(#reads => ::std::option::Option::Some(Self::#idents),)*
                                _ => ::std::option::Option::None,
                            };
                            ::std::result::Result::Ok(match listed {
                                ::std::option::Option::Some(listed) => listed,
                                ::std::option::Option::None => Self::#unknown(value),
                            })
                        }
                    }
                }
            }
        }
    }
}

impl Context<'_> {
    /// The items of an enum of strings or integers (the common enums), written as text (see the
    /// `text` module); [`Context::enum_def`] builds the others as tokens.
    pub(super) fn enum_items(&self, id: TypeId, def: &TypeDef, e: &Enum) -> Code {
        let values = &e.values;
        let string = e.repr == Repr::String;
        // The literal of each value, and the type of the fallback's value.
        let (literals, held): (Vec<String>, &str) = if string {
            let literals = values.iter().filter_map(|v| v.value.as_str());
            (literals.map(string_lit).collect(), "::std::string::String")
        } else {
            let literals = values.iter().filter_map(|v| v.value.as_i64());
            let literals = literals.map(|n| Literal::i64_unsuffixed(n).to_string());
            (literals.collect(), "i64")
        };
        let names = naming::variant_names(values);
        let unknown = fallback_name(&names).to_string();
        let idents: Vec<String> = names.iter().map(|n| name_text(n)).collect();
        let ident = name_text(self.view.name(id));
        let allows = self.allow_lines(id);
        let mut w = Writer::new();
        self.type_head(&mut w, id, def, &allows);
        w.line(
            0,
            match e.repr {
                Repr::String => "#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]",
                _ => "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]",
            },
        );
        w.unbroken(0, &format!("pub enum {ident} {{"));
        for (value, variant) in values.iter().zip(&idents) {
            let shown = match &value.value {
                Value::String(s) if s.is_empty() => "The empty string.".to_owned(),
                Value::String(s) => format!("`{s}`"),
                other => format!("`{other}`"),
            };
            let doc = match &value.doc {
                Some(doc) => format!("{doc}\n\nValue: {shown}"),
                None => shown,
            };
            w.docs(INDENT, &doc_values(&doc));
            w.unbroken(INDENT, &format!("{variant},"));
        }
        w.line(
            INDENT,
            "/// A value this version of the API description does not list, kept as sent.",
        );
        w.line(INDENT, &format!("{unknown}({held}),"));
        w.line(0, "}");
        let mut impl_allows = allows.clone();
        if values.is_empty() {
            // With no listed value, each `match` has the fallback's arm alone.
            impl_allows.push(
                "#[allow(clippy::match_single_binding, clippy::infallible_destructuring_match)]",
            );
        }
        let arm = |w: &mut Writer, pattern: &str, value: &str| {
            let line = format!("{pattern} => {value}");
            if fits(3 * INDENT, 3 * INDENT + line.len()) {
                w.line_measured(3 * INDENT, &format!("{line},"), line.len());
            } else {
                w.unbroken(3 * INDENT, &format!("{pattern} => {{"));
                w.unbroken(4 * INDENT, value);
                w.line(3 * INDENT, "}");
            }
        };
        open_impl(&mut w, &impl_allows);
        w.unbroken(0, &format!("impl {ident} {{"));
        w.line(INDENT, "/// The value as it appears in JSON.");
        w.line(
            INDENT,
            if string {
                "pub fn as_str(&self) -> &str {"
            } else {
                "pub fn value(self) -> i64 {"
            },
        );
        w.line(2 * INDENT, "match self {");
        for (variant, literal) in idents.iter().zip(&literals) {
            arm(&mut w, &format!("Self::{variant}"), literal);
        }
        w.line(3 * INDENT, &format!("Self::{unknown}(value) => value,"));
        w.line(2 * INDENT, "}");
        close_impl_fn(&mut w);
        open_impl(&mut w, &impl_allows);
        let (from, other) = if string {
            ("&str", "other.to_owned()")
        } else {
            ("i64", "other")
        };
        w.impl_header(&format!("impl ::std::convert::From<{from}>"), &ident);
        w.line(INDENT, &format!("fn from(value: {from}) -> Self {{"));
        w.line(2 * INDENT, "match value {");
        for (variant, literal) in idents.iter().zip(&literals) {
            arm(&mut w, literal, &format!("Self::{variant}"));
        }
        w.line(3 * INDENT, &format!("other => Self::{unknown}({other}),"));
        w.line(2 * INDENT, "}");
        close_impl_fn(&mut w);
        if string {
            open_impl(&mut w, &impl_allows);
            w.impl_header("impl ::std::fmt::Display", &ident);
            w.line(
                INDENT,
                "fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {",
            );
            w.line(2 * INDENT, "f.write_str(self.as_str())");
            close_impl_fn(&mut w);
        }
        open_serialize(&mut w, &impl_allows, &ident);
        w.line(
            2 * INDENT,
            if string {
                "serializer.serialize_str(self.as_str())"
            } else {
                "serializer.serialize_i64(self.value())"
            },
        );
        close_impl_fn(&mut w);
        open_deserialize(&mut w, &impl_allows, &ident);
        if string {
            w.line(
                2 * INDENT,
                "let value = <::std::string::String as ::serde::Deserialize>::deserialize(",
            );
            w.line(3 * INDENT, "deserializer,");
            w.line(2 * INDENT, ")?;");
            w.line(
                2 * INDENT,
                "::std::result::Result::Ok(Self::from(value.as_str()))",
            );
        } else {
            w.line(
                2 * INDENT,
                "<i64 as ::serde::Deserialize>::deserialize(deserializer).map(Self::from)",
            );
        }
        close_impl_fn(&mut w);
        Code::from_writer(w)
    }
}

/// Writes a listed value to `serializer` as the API description spells it.
fn write_scalar(value: &Value) -> TokenStream {
    match value {
        Value::String(s) => quote!(serializer.serialize_str(#s)),
        Value::Bool(b) => quote!(serializer.serialize_bool(#b)),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                let lit = Literal::i64_unsuffixed(i);
                quote!(serializer.serialize_i64(#lit))
            } else if let Some(u) = n.as_u64() {
                let lit = Literal::u64_unsuffixed(u);
                quote!(serializer.serialize_u64(#lit))
            } else {
                let lit = Literal::f64_unsuffixed(n.as_f64().unwrap_or_default());
                quote!(serializer.serialize_f64(#lit))
            }
        }
        // Enum values are scalars (the readers keep nothing else); a unit is the closest to null.
        Value::Null | Value::Array(_) | Value::Object(_) => quote!(serializer.serialize_unit()),
    }
}

/// A `match` pattern on `&serde_json::Value` that is the listed value.
fn read_pattern(value: &Value) -> TokenStream {
    match value {
        Value::String(s) if s.is_empty() => quote!(Value::String(text) if text.is_empty()),
        Value::String(s) => quote!(Value::String(text) if text == #s),
        Value::Bool(b) => quote!(Value::Bool(#b)),
        Value::Number(n) => {
            let text = n.to_string();
            quote!(Value::Number(number) if number.to_string() == #text)
        }
        Value::Null | Value::Array(_) | Value::Object(_) => quote!(Value::Null),
    }
}
