//! The support code a generated file starts with: `Nullable`, and the helpers the models' impls and
//! doctests call (in a hidden module, so they take no name of the user's).

use proc_macro2::TokenStream;
use quote::quote;

/// `Nullable<T>`, the type of every optional field.
pub(super) fn nullable() -> TokenStream {
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

/// The chooser of untagged unions (see [`super::unions`]): the first candidate that reads the value
/// and writes back every property of it wins; else the first that reads it at all.
pub(super) fn untagged() -> TokenStream {
    quote! {
        /// Helpers of the generated impls; not part of the models.
        #[doc(hidden)]
        pub mod __union {
            /// Reads a JSON value as one variant of a union.
            pub type Read<T> = fn(&::serde_json::Value) -> ::std::result::Result<T, ::serde_json::Error>;

            /// Reads `value` as the first of `candidates` that keeps every property of it (at any
            /// depth), or else as the first that reads it at all.
            pub fn choose<T: ::serde::Serialize>(
                value: &::serde_json::Value,
                type_name: &str,
                candidates: &[Read<T>],
            ) -> ::std::result::Result<T, ::std::string::String> {
                let mut first = ::std::option::Option::None;
                let mut errors = ::std::vec::Vec::new();
                for read in candidates {
                    match read(value) {
                        ::std::result::Result::Ok(candidate) => {
                            if keeps_all(&candidate, value) {
                                return ::std::result::Result::Ok(candidate);
                            }
                            if first.is_none() {
                                first = ::std::option::Option::Some(candidate);
                            }
                        }
                        ::std::result::Result::Err(error) => errors.push(error.to_string()),
                    }
                }
                first.ok_or_else(|| {
                    ::std::format!("the value fits no variant of `{type_name}`: {}", errors.join("; "))
                })
            }

            fn keeps_all<T: ::serde::Serialize>(value: &T, original: &::serde_json::Value) -> bool {
                ::serde_json::to_value(value).is_ok_and(|back| same_keys(&back, original))
            }

            /// Whether `a` and `b` have the same properties and items at every depth, and `null`
            /// in the same places (other values may be spelled differently).
            fn same_keys(a: &::serde_json::Value, b: &::serde_json::Value) -> bool {
                use ::serde_json::Value;
                match (a, b) {
                    (Value::Object(x), Value::Object(y)) => {
                        x.len() == y.len()
                            && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_keys(v, w)))
                    }
                    (Value::Array(x), Value::Array(y)) => {
                        x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same_keys(v, w))
                    }
                    (Value::Object(_) | Value::Array(_) | Value::Null, _)
                    | (_, Value::Object(_) | Value::Array(_) | Value::Null) => a == b,
                    _ => true,
                }
            }
        }
    }
}
/// What the example doctests share: a JSON comparison that accepts a date-time written back in
/// another form (`Z` for `+00:00`, `07Z` for `07.000Z`), which is the same instant.
pub(super) fn examples() -> TokenStream {
    quote! {
        /// Helpers of the examples' doctests; not part of the models.
        #[doc(hidden)]
        pub mod __examples {
            /// Whether `a` and `b` are the same JSON, date-times compared as instants and numbers
            /// by value.
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
                    // JSON has one kind of number: `3` and `3.0` are the same (an `f64` field writes
                    // the second).
                    (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
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
