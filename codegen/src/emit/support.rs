//! The support code a generated file starts with: `Nullable`, and the helpers the models' impls and
//! doctests call (in a hidden module, so they take no name of the user's).

use proc_macro2::TokenStream;
use quote::quote;

/// `Nullable<T>`, the type of every optional field, or (`every` false) of those the generator was
/// told to keep so.
pub(super) fn nullable(every: bool) -> TokenStream {
    let which = if every {
        quote! {
            /// Every optional field of the models is a `Nullable`, so a payload read and written back keeps
        }
    } else {
        quote! {
            /// The optional fields chosen to keep `null` apart are `Nullable`s (the others are
            /// `Option`s, which read `null` as absent), so a payload read and written back keeps
        }
    };
    quote! {
        /// A field that may be absent from a payload, present as `null`, or present with a value.
        ///
        #which
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

/// How structs are read and written (see [`super::structs`]): a `Deserialize` impl of one line hands
/// the object to the struct's `FromObject` impl, which reads its keys one by one; a `Serialize` impl
/// writes the fields through `Fields`. A derived `Deserialize` also reads a struct from an array and
/// spells a field enum with three visitors: more than half of a generated crate's build went to
/// checking that code. `nullable`: the support code has `Nullable`.
pub(super) fn objects(nullable: bool) -> TokenStream {
    let nullable_optional = nullable.then(|| {
        quote! {
            impl<T> Optional for super::Nullable<T> {
                fn is_absent(&self) -> bool {
                    self.is_absent()
                }
            }
        }
    });
    quote! {
        /// Helpers of the structs' `Serialize` and `Deserialize` impls; not part of the models.
        #[doc(hidden)]
        pub mod __object {
            use ::serde::de::{Deserialize, Deserializer, Error, IgnoredAny, MapAccess, Visitor};
            use ::serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};
            use ::std::marker::PhantomData;
            use ::std::option::Option::{self, None, Some};
            use ::std::result::Result::{self, Err, Ok};
            use ::std::collections::BTreeMap;
            use ::std::string::String;

            /// A struct read from a JSON object.
            pub trait FromObject<'de>: Sized {
                /// The struct's name, for errors.
                const NAME: &'static str;

                /// Reads the struct from the keys and values of `object`.
                fn from_object<A: MapAccess<'de>>(object: Object<'de, A>) -> Result<Self, A::Error>;
            }

            /// Reads struct `T` from an object.
            pub fn read<'de, T: FromObject<'de>, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
                deserializer.deserialize_map(ObjectVisitor(PhantomData))
            }

            struct ObjectVisitor<T>(PhantomData<T>);

            impl<'de, T: FromObject<'de>> Visitor<'de> for ObjectVisitor<T> {
                type Value = T;

                fn expecting(&self, formatter: &mut ::std::fmt::Formatter) -> ::std::fmt::Result {
                    ::std::write!(formatter, "struct {}", T::NAME)
                }

                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                    T::from_object(Object { map, key: None, missing: None })
                }
            }

            /// The keys and values of an object, read in turn.
            pub struct Object<'de, A: MapAccess<'de>> {
                map: A,
                /// The key read last.
                key: Option<Key<'de>>,
                /// The first required field found absent.
                missing: Option<A::Error>,
            }

            impl<'de, A: MapAccess<'de>> Object<'de, A> {
                /// Reads the next key; `false` at the end of the object.
                pub fn next_key(&mut self) -> Result<bool, A::Error> {
                    self.key = self.map.next_key()?;
                    Ok(self.key.is_some())
                }

                /// The key read last.
                pub fn key(&self) -> &str {
                    self.key.as_ref().map_or("", Key::as_str)
                }

                /// Reads the value of the key into the field's `slot`; a second value is an error.
                pub fn read<T: Deserialize<'de>>(&mut self, slot: &mut Option<T>, name: &'static str) -> Result<(), A::Error> {
                    if slot.is_some() {
                        return Err(A::Error::duplicate_field(name));
                    }
                    *slot = Some(self.map.next_value()?);
                    Ok(())
                }

                /// Reads the value of the key.
                pub fn value<T: Deserialize<'de>>(&mut self) -> Result<T, A::Error> {
                    self.map.next_value()
                }

                /// Skips the value of a key the struct does not list.
                pub fn skip(&mut self) -> Result<(), A::Error> {
                    self.map.next_value::<IgnoredAny>().map(|_| ())
                }

                /// Keeps the key and its value in the struct's map of the properties it does not
                /// list.
                pub fn keep<T: Deserialize<'de>>(&mut self, properties: &mut BTreeMap<String, T>) -> Result<(), A::Error> {
                    let value = self.map.next_value()?;
                    properties.insert(self.take_key(), value);
                    Ok(())
                }

                /// The key read last, owned.
                pub fn take_key(&mut self) -> String {
                    self.key.take().map(Key::into_string).unwrap_or_default()
                }

                /// Settles a required field at the end of the object: an absent one reads as
                /// "nothing" if its type can (as an `Option` reads `None`); else it is the error
                /// [`Object::missing`] returns, unless an earlier field was.
                pub fn settle<T: Deserialize<'de>>(&mut self, slot: &mut Option<T>, name: &'static str) {
                    if slot.is_none() {
                        match T::deserialize(Missing(name, PhantomData)) {
                            Ok(value) => *slot = Some(value),
                            Err(error) => {
                                self.missing.get_or_insert(error);
                            }
                        }
                    }
                }

                /// Settles a required field read through an adapter: an absent one is the error
                /// [`Object::missing`] returns, unless an earlier field was.
                pub fn expect<T>(&mut self, slot: &Option<T>, name: &'static str) {
                    if slot.is_none() {
                        self.missing.get_or_insert_with(|| A::Error::missing_field(name));
                    }
                }

                /// The error of the first required field found absent.
                pub fn missing(&mut self) -> A::Error {
                    self.missing.take().unwrap_or_else(|| A::Error::custom("a required field is missing"))
                }
            }

            /// A key of an object, borrowed from the input where the input allows.
            pub enum Key<'de> {
                /// A key borrowed from the input.
                Borrowed(&'de str),
                /// A key the input could not lend (it had escapes, or the input is a stream).
                Owned(String),
            }

            impl Key<'_> {
                /// The key.
                pub fn as_str(&self) -> &str {
                    match self {
                        Key::Borrowed(key) => key,
                        Key::Owned(key) => key,
                    }
                }

                /// The key, owned.
                pub fn into_string(self) -> String {
                    match self {
                        Key::Borrowed(key) => key.into(),
                        Key::Owned(key) => key,
                    }
                }
            }

            impl<'de> Deserialize<'de> for Key<'de> {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    deserializer.deserialize_identifier(KeyVisitor)
                }
            }

            struct KeyVisitor;

            impl<'de> Visitor<'de> for KeyVisitor {
                type Value = Key<'de>;

                fn expecting(&self, formatter: &mut ::std::fmt::Formatter) -> ::std::fmt::Result {
                    formatter.write_str("a key")
                }

                fn visit_borrowed_str<E: Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                    Ok(Key::Borrowed(key))
                }

                fn visit_str<E: Error>(self, key: &str) -> Result<Key<'de>, E> {
                    Ok(Key::Owned(key.into()))
                }

                fn visit_string<E: Error>(self, key: String) -> Result<Key<'de>, E> {
                    Ok(Key::Owned(key))
                }

                // Formats that spell keys as bytes: a key that is no UTF-8 matches no field.
                fn visit_borrowed_bytes<E: Error>(self, key: &'de [u8]) -> Result<Key<'de>, E> {
                    Ok(match ::std::str::from_utf8(key) {
                        Ok(key) => Key::Borrowed(key),
                        Err(_) => Key::Owned(String::from_utf8_lossy(key).into_owned()),
                    })
                }

                fn visit_bytes<E: Error>(self, key: &[u8]) -> Result<Key<'de>, E> {
                    Ok(Key::Owned(String::from_utf8_lossy(key).into_owned()))
                }
            }

            /// An optional field: written only when present.
            pub trait Optional {
                /// Whether the field is absent (and so not written).
                fn is_absent(&self) -> bool;
            }

            impl<T> Optional for Option<T> {
                fn is_absent(&self) -> bool {
                    self.is_none()
                }
            }

            #nullable_optional

            /// The fields of a struct being written: as a struct, or as a map when the struct keeps
            /// properties its schema does not list (as serde's derive does with a flattened map).
            pub enum Fields<S: Serializer> {
                /// Fields of a struct.
                Struct(S::SerializeStruct),
                /// Entries of a map.
                Map(S::SerializeMap),
            }

            impl<S: Serializer> Fields<S> {
                /// Starts struct `name`, which has `required` fields always written and the
                /// `optional` ones written when present.
                pub fn new(serializer: S, name: &'static str, required: usize, optional: &[&dyn Optional]) -> Result<Self, S::Error> {
                    serializer.serialize_struct(name, required + present(optional)).map(Fields::Struct)
                }

                /// Starts a struct that keeps `properties` properties it does not list, as a map.
                pub fn with_properties(serializer: S, required: usize, optional: &[&dyn Optional], properties: usize) -> Result<Self, S::Error> {
                    let len = required + present(optional) + properties;
                    serializer.serialize_map(Some(len)).map(Fields::Map)
                }

                /// Writes a field.
                pub fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), S::Error> {
                    match self {
                        Fields::Struct(fields) => fields.serialize_field(name, value),
                        Fields::Map(entries) => entries.serialize_entry(name, value),
                    }
                }

                /// Writes an optional field, unless it is absent.
                pub fn optional<T: Serialize + Optional>(&mut self, name: &'static str, value: &T) -> Result<(), S::Error> {
                    if value.is_absent() {
                        self.skip(name)
                    } else {
                        self.field(name, value)
                    }
                }

                /// Leaves out an absent field.
                pub fn skip(&mut self, name: &'static str) -> Result<(), S::Error> {
                    match self {
                        Fields::Struct(fields) => fields.skip_field(name),
                        Fields::Map(_) => Ok(()),
                    }
                }

                /// Writes the properties the struct does not list.
                pub fn properties<T: Serialize>(&mut self, properties: &BTreeMap<String, T>) -> Result<(), S::Error> {
                    for (key, value) in properties {
                        self.property(key, value)?;
                    }
                    Ok(())
                }

                /// Writes a property the struct does not list.
                pub fn property<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), S::Error> {
                    match self {
                        Fields::Struct(_) => Err(::serde::ser::Error::custom("a struct without a map of properties cannot write one")),
                        Fields::Map(entries) => entries.serialize_entry(key, value),
                    }
                }

                /// Ends the struct.
                pub fn end(self) -> Result<S::Ok, S::Error> {
                    match self {
                        Fields::Struct(fields) => fields.end(),
                        Fields::Map(entries) => entries.end(),
                    }
                }
            }

            /// How many of `optional` are present.
            fn present(optional: &[&dyn Optional]) -> usize {
                optional.iter().filter(|field| !field.is_absent()).count()
            }

            /// What an absent field reads as: nothing, which only types like `Option` accept.
            struct Missing<E>(&'static str, PhantomData<E>);

            impl<'de, E: Error> Deserializer<'de> for Missing<E> {
                type Error = E;

                fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, E> {
                    Err(E::missing_field(self.0))
                }

                fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
                    visitor.visit_none()
                }

                ::serde::forward_to_deserialize_any! {
                    bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
                    byte_buf unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
                    identifier ignored_any
                }
            }
        }
    }
}

/// The chooser of untagged unions (see [`super::unions`]): the first candidate that reads the value
/// and writes back every property of it wins; else the first that reads it at all.
/// With `nulls_absent` (some optional field is an `Option`, which drops a `null` it read), a `null`
/// property counts as absent.
pub(super) fn untagged(nulls_absent: bool) -> TokenStream {
    let same_objects = if nulls_absent {
        quote! {
            (Value::Object(x), Value::Object(y)) => {
                let present = |m: &::serde_json::Map<::std::string::String, Value>| m.values().filter(|v| !v.is_null()).count();
                present(x) == present(y)
                    && x.iter().filter(|(_, v)| !v.is_null()).all(|(k, v)| y.get(k).is_some_and(|w| same_keys(v, w)))
            }
        }
    } else {
        quote! {
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len()
                    && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_keys(v, w)))
            }
        }
    };
    let doc = if nulls_absent {
        quote! {
            /// Whether `a` and `b` have the same properties and items at every depth (a `null`
            /// property counts as absent: an optional `Option` field does not write it back), and
            /// `null` in the same places otherwise (other values may be spelled differently).
        }
    } else {
        quote! {
            /// Whether `a` and `b` have the same properties and items at every depth, and `null`
            /// in the same places (other values may be spelled differently).
        }
    };
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

            #doc
            fn same_keys(a: &::serde_json::Value, b: &::serde_json::Value) -> bool {
                use ::serde_json::Value;
                match (a, b) {
                    #same_objects
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
/// another spelling of the same value (`Z` for `+00:00`, `07.5Z` for `07.500Z`). `keeps_offset`: the
/// models read date-times as `DateTime<FixedOffset>`, so the offset must come back too; with
/// `DateTime<Utc>` only the instant must. With `nulls_absent`, a `null` property counts as absent
/// (see [`untagged`]).
pub(super) fn examples(nulls_absent: bool, keeps_offset: bool) -> TokenStream {
    let same_objects = if nulls_absent {
        quote! {
            (Value::Object(x), Value::Object(y)) => {
                let present = |m: &::serde_json::Map<::std::string::String, Value>| m.values().filter(|v| !v.is_null()).count();
                present(x) == present(y)
                    && x.iter().filter(|(_, v)| !v.is_null()).all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
            }
        }
    } else {
        quote! {
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
            }
        }
    };
    let what = if keeps_offset {
        "the same instant with the same offset"
    } else {
        "the same instant"
    };
    let doc = format!(" Whether `a` and `b` are the same JSON: date-times when they are {what}, numbers by value.");
    quote! {
        /// Helpers of the examples' doctests; not part of the models.
        #[doc(hidden)]
        pub mod __examples {
            /// The models keep a date-time's offset (`DateTime<FixedOffset>`), not only its instant.
            const KEEPS_OFFSET: bool = #keeps_offset;

            #[doc = #doc]
            pub fn same(a: &::serde_json::Value, b: &::serde_json::Value) -> bool {
                use ::serde_json::Value;
                match (a, b) {
                    #same_objects
                    (Value::Array(x), Value::Array(y)) => {
                        x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w))
                    }
                    (Value::String(x), Value::String(y)) => x == y || same_date_time(x, y),
                    // JSON has one kind of number: `3` and `3.0` are the same (an `f64` field writes
                    // the second).
                    (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
                    _ => a == b,
                }
            }

            fn same_date_time(x: &str, y: &str) -> bool {
                match (date_time(x), date_time(y)) {
                    (::std::option::Option::Some((a, a_offset)), ::std::option::Option::Some((b, b_offset))) => {
                        a == b && (!KEEPS_OFFSET || a_offset == b_offset)
                    }
                    _ => false,
                }
            }

            /// The digits of `text` from `from` to `to` as a number.
            fn number(text: &str, from: usize, to: usize) -> ::std::option::Option<i64> {
                let digits = text.get(from..to)?;
                if digits.bytes().all(|c| c.is_ascii_digit()) {
                    digits.parse().ok()
                } else {
                    ::std::option::Option::None
                }
            }

            /// An RFC 3339 date-time as its instant (seconds since 1970, nanoseconds) and its offset
            /// in seconds; `None` for other text.
            fn date_time(text: &str) -> ::std::option::Option<((i64, u32), i64)> {
                let b = text.as_bytes();
                let shape = b.len() >= 20
                    && b[4] == b'-'
                    && b[7] == b'-'
                    && matches!(b[10], b'T' | b't' | b' ')
                    && b[13] == b':'
                    && b[16] == b':';
                if !shape {
                    return ::std::option::Option::None;
                }
                let (year, month, day) = (number(text, 0, 4)?, number(text, 5, 7)?, number(text, 8, 10)?);
                let (hour, minute, second) = (number(text, 11, 13)?, number(text, 14, 16)?, number(text, 17, 19)?);
                let mut rest = &text[19..];
                let mut nanos: u32 = 0;
                if let ::std::option::Option::Some(fraction) = rest.strip_prefix('.') {
                    let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
                    if digits == 0 {
                        return ::std::option::Option::None;
                    }
                    // Nanoseconds: the first nine digits, padded with zeros.
                    for place in 0..9 {
                        let digit = if place < digits { fraction.as_bytes()[place] - b'0' } else { 0 };
                        nanos = nanos * 10 + u32::from(digit);
                    }
                    rest = &fraction[digits..];
                }
                let offset = match rest {
                    "Z" | "z" => 0,
                    _ => {
                        let sign = match rest.as_bytes().first() {
                            ::std::option::Option::Some(b'+') => 1,
                            ::std::option::Option::Some(b'-') => -1,
                            _ => return ::std::option::Option::None,
                        };
                        if rest.len() != 6 || rest.as_bytes()[3] != b':' {
                            return ::std::option::Option::None;
                        }
                        sign * (number(rest, 1, 3)? * 3600 + number(rest, 4, 6)? * 60)
                    }
                };
                // Days since 1970-01-01 of the civil date (the algorithm of `days_from_civil`).
                let y = if month <= 2 { year - 1 } else { year };
                let era = y.div_euclid(400);
                let year_of_era = y - era * 400;
                let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
                let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
                let days = era * 146_097 + day_of_era - 719_468;
                let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset;
                ::std::option::Option::Some(((seconds, nanos), offset))
            }
        }
    }
}

/// The serde adapters of the `time` types (`serialize_with` / `deserialize_with`), for any field or
/// variant that holds one, however deep: `time::OffsetDateTime` as RFC 3339 (with
/// `time::serde::rfc3339`), `time::Date` as `YYYY-MM-DD`, and containers of them. `Tuple{n}` for
/// the tuple lengths in `tuples`; `Day` only when `date` (it needs `time`'s `macros` feature). With
/// `objects`, struct fields read through the adapters too (see [`objects`]).
pub(super) fn time(
    date: bool,
    nullable: bool,
    objects: bool,
    tuples: &std::collections::BTreeSet<usize>,
) -> TokenStream {
    let day = date.then(|| {
        quote! {
            /// `time::Date` as `YYYY-MM-DD`.
            pub struct Day;

            impl Adapter<::time::Date> for Day {
                fn ser<S: ::serde::Serializer>(value: &::time::Date, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    let format = ::time::macros::format_description!("[year]-[month]-[day]");
                    let text = value.format(&format).map_err(::serde::ser::Error::custom)?;
                    serializer.serialize_str(&text)
                }

                fn de<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<::time::Date, D::Error> {
                    let format = ::time::macros::format_description!("[year]-[month]-[day]");
                    let text = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                    ::time::Date::parse(&text, &format).map_err(::serde::de::Error::custom)
                }
            }
        }
    });
    let nullable_of = nullable.then(|| {
        quote! {
            /// `Nullable<T>`, `T` through `A`.
            pub struct NullableOf<A>(::std::marker::PhantomData<A>);

            impl<A: Adapter<T>, T> Adapter<super::Nullable<T>> for NullableOf<A> {
                fn ser<S: ::serde::Serializer>(value: &super::Nullable<T>, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    match value {
                        super::Nullable::Value(value) => serializer.serialize_some(&By::<A, T>(value, ::std::marker::PhantomData)),
                        super::Nullable::Absent | super::Nullable::Null => serializer.serialize_none(),
                    }
                }

                fn de<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<super::Nullable<T>, D::Error> {
                    let value = <::std::option::Option<Owned<A, T>> as ::serde::Deserialize>::deserialize(deserializer)?;
                    ::std::result::Result::Ok(value.map(|v| v.0).into())
                }
            }

        }
    });
    let object_reads = objects.then(|| {
        quote! {
            impl<S: ::serde::Serializer> super::__object::Fields<S> {
                /// Writes a field through adapter `A`.
                pub fn field_by<A: Adapter<T>, T>(&mut self, name: &'static str, value: &T) -> ::std::result::Result<(), S::Error> {
                    self.field(name, &By::<A, T>(value, ::std::marker::PhantomData))
                }

                /// Writes an optional field through adapter `A`, unless it is absent.
                pub fn optional_by<A: Adapter<T>, T: super::__object::Optional>(&mut self, name: &'static str, value: &T) -> ::std::result::Result<(), S::Error> {
                    if value.is_absent() {
                        self.skip(name)
                    } else {
                        self.field_by::<A, T>(name, value)
                    }
                }

                /// Writes the properties the struct does not list, each value through adapter `A`.
                pub fn properties_by<A: Adapter<T>, T>(&mut self, properties: &::std::collections::BTreeMap<::std::string::String, T>) -> ::std::result::Result<(), S::Error> {
                    for (key, value) in properties {
                        self.property(key, &By::<A, T>(value, ::std::marker::PhantomData))?;
                    }
                    ::std::result::Result::Ok(())
                }
            }

            impl<'de, M: ::serde::de::MapAccess<'de>> super::__object::Object<'de, M> {
                /// Reads the value of a key through adapter `A` into the field's `slot`; a second
                /// value is an error.
                pub fn read_by<A: Adapter<T>, T>(&mut self, slot: &mut ::std::option::Option<T>, name: &'static str) -> ::std::result::Result<(), M::Error> {
                    if slot.is_some() {
                        return ::std::result::Result::Err(::serde::de::Error::duplicate_field(name));
                    }
                    *slot = ::std::option::Option::Some(self.value_by::<A, T>()?);
                    ::std::result::Result::Ok(())
                }

                /// Keeps the key and its value, read through adapter `A`, in the struct's map of the
                /// properties it does not list.
                pub fn keep_by<A: Adapter<T>, T>(&mut self, properties: &mut ::std::collections::BTreeMap<::std::string::String, T>) -> ::std::result::Result<(), M::Error> {
                    let value = self.value_by::<A, T>()?;
                    properties.insert(self.take_key(), value);
                    ::std::result::Result::Ok(())
                }

                /// Reads the value of the key through adapter `A`.
                pub fn value_by<A: Adapter<T>, T>(&mut self) -> ::std::result::Result<T, M::Error> {
                    self.value::<Owned<A, T>>().map(|value| value.0)
                }
            }
        }
    });
    let tuple_impls = tuples.iter().map(|&n| {
        let name = quote::format_ident!("Tuple{}", n);
        let adapters: Vec<proc_macro2::Ident> = (0..n).map(|i| quote::format_ident!("A{}", i)).collect();
        let types: Vec<proc_macro2::Ident> = (0..n).map(|i| quote::format_ident!("T{}", i)).collect();
        let index = (0..n).map(syn::Index::from);
        let parts: Vec<proc_macro2::Ident> = (0..n).map(|i| quote::format_ident!("v{}", i)).collect();
        let doc = format!("A tuple of {n}, each item through its adapter.");
        quote! {
            #[doc = #doc]
            pub struct #name<#(#adapters),*>(::std::marker::PhantomData<(#(#adapters,)*)>);

            impl<#(#types,)* #(#adapters: Adapter<#types>),*> Adapter<(#(#types,)*)> for #name<#(#adapters),*> {
                fn ser<S: ::serde::Serializer>(value: &(#(#types,)*), serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    ::serde::Serialize::serialize(&(#(By::<#adapters, #types>(&value.#index, ::std::marker::PhantomData),)*), serializer)
                }

                fn de<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<(#(#types,)*), D::Error> {
                    let (#(#parts,)*) = <(#(Owned<#adapters, #types>,)*) as ::serde::Deserialize>::deserialize(deserializer)?;
                    ::std::result::Result::Ok((#(#parts.0,)*))
                }
            }
        }
    });
    quote! {
        /// Helpers of the generated code: `time` types as RFC 3339 and `YYYY-MM-DD`; not part of
        /// the models.
        #[doc(hidden)]
        pub mod __time {
            /// How a value of type `T` is written and read.
            pub trait Adapter<T> {
                /// Writes `value`.
                fn ser<S: ::serde::Serializer>(value: &T, serializer: S) -> ::std::result::Result<S::Ok, S::Error>;
                /// Reads a value.
                fn de<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<T, D::Error>;
            }

            /// Writes `value` through adapter `A` (for `serialize_with`).
            pub fn serialize<A: Adapter<T>, T, S: ::serde::Serializer>(value: &T, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                A::ser(value, serializer)
            }

            /// Reads a value through adapter `A` (for the unions' impls).
            pub fn deserialize<'de, A: Adapter<T>, T, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<T, D::Error> {
                A::de(deserializer)
            }

            /// A value written through `A`.
            struct By<'a, A, T>(&'a T, ::std::marker::PhantomData<A>);

            impl<A: Adapter<T>, T> ::serde::Serialize for By<'_, A, T> {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    A::ser(self.0, serializer)
                }
            }

            /// A value read through `A`.
            struct Owned<A, T>(T, ::std::marker::PhantomData<A>);

            impl<'de, A: Adapter<T>, T> ::serde::Deserialize<'de> for Owned<A, T> {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    A::de(deserializer).map(|value| Owned(value, ::std::marker::PhantomData))
                }
            }

            /// A value without `time` types: serde's own impls.
            pub struct Same;

            impl<T: ::serde::Serialize + ::serde::de::DeserializeOwned> Adapter<T> for Same {
                fn ser<S: ::serde::Serializer>(value: &T, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    value.serialize(serializer)
                }

                fn de<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<T, D::Error> {
                    T::deserialize(deserializer)
                }
            }

            /// `time::OffsetDateTime` as RFC 3339.
            pub struct Rfc3339;

            impl Adapter<::time::OffsetDateTime> for Rfc3339 {
                fn ser<S: ::serde::Serializer>(value: &::time::OffsetDateTime, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    ::time::serde::rfc3339::serialize(value, serializer)
                }

                fn de<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<::time::OffsetDateTime, D::Error> {
                    ::time::serde::rfc3339::deserialize(deserializer)
                }
            }

            #day

            /// `Option<T>`, `T` through `A`.
            pub struct OptionOf<A>(::std::marker::PhantomData<A>);

            impl<A: Adapter<T>, T> Adapter<::std::option::Option<T>> for OptionOf<A> {
                fn ser<S: ::serde::Serializer>(value: &::std::option::Option<T>, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    match value {
                        ::std::option::Option::Some(value) => serializer.serialize_some(&By::<A, T>(value, ::std::marker::PhantomData)),
                        ::std::option::Option::None => serializer.serialize_none(),
                    }
                }

                fn de<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<::std::option::Option<T>, D::Error> {
                    let value = <::std::option::Option<Owned<A, T>> as ::serde::Deserialize>::deserialize(deserializer)?;
                    ::std::result::Result::Ok(value.map(|v| v.0))
                }
            }

            #nullable_of

            /// `Vec<T>`, each item through `A`.
            pub struct VecOf<A>(::std::marker::PhantomData<A>);

            impl<A: Adapter<T>, T> Adapter<::std::vec::Vec<T>> for VecOf<A> {
                fn ser<S: ::serde::Serializer>(value: &::std::vec::Vec<T>, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    serializer.collect_seq(value.iter().map(|v| By::<A, T>(v, ::std::marker::PhantomData)))
                }

                fn de<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<::std::vec::Vec<T>, D::Error> {
                    let items = <::std::vec::Vec<Owned<A, T>> as ::serde::Deserialize>::deserialize(deserializer)?;
                    ::std::result::Result::Ok(items.into_iter().map(|v| v.0).collect())
                }
            }

            /// A map of strings to `T`, each value through `A`.
            pub struct MapOf<A>(::std::marker::PhantomData<A>);

            impl<A: Adapter<T>, T> Adapter<::std::collections::BTreeMap<::std::string::String, T>> for MapOf<A> {
                fn ser<S: ::serde::Serializer>(value: &::std::collections::BTreeMap<::std::string::String, T>, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    serializer.collect_map(value.iter().map(|(k, v)| (k, By::<A, T>(v, ::std::marker::PhantomData))))
                }

                fn de<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<::std::collections::BTreeMap<::std::string::String, T>, D::Error> {
                    let map = <::std::collections::BTreeMap<::std::string::String, Owned<A, T>> as ::serde::Deserialize>::deserialize(deserializer)?;
                    ::std::result::Result::Ok(map.into_iter().map(|(k, v)| (k, v.0)).collect())
                }
            }

            /// `Box<T>`, `T` through `A`.
            pub struct BoxOf<A>(::std::marker::PhantomData<A>);

            impl<A: Adapter<T>, T> Adapter<::std::boxed::Box<T>> for BoxOf<A> {
                fn ser<S: ::serde::Serializer>(value: &::std::boxed::Box<T>, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    A::ser(value, serializer)
                }

                fn de<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<::std::boxed::Box<T>, D::Error> {
                    A::de(deserializer).map(::std::boxed::Box::new)
                }
            }

            #(#tuple_impls)*

            #object_reads
        }
    }
}
