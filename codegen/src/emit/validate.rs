//! The opt-in `Validate` trait of the generated code: the spec's constraints checked on demand.
//!
//! Deserializing stays as tolerant as the API; `value.validate()` then lists every broken
//! constraint with its path (`tags[3]: longer than 128 characters`): `minLength`, `maxLength`,
//! `pattern` (with `regex-lite`, only when a pattern exists), `minimum`/`maximum` (exclusive or not),
//! `minItems`/`maxItems`/`uniqueItems`, the constraints of array items, and enum values or union tags
//! the spec does not list. A pattern `regex-lite` cannot compile is left unchecked and reported when
//! generating.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Context, DateTimeType, OptionalStyle, Uses};
use crate::ir::{
    Constraints, Field, Presence, Primitive, Repr, Struct, TypeId, TypeKind, TypeRef, Union,
};
use crate::naming;
use crate::rust::presence as effective_presence;

/// What a constraint applies to, from the type it constrains.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Text,
    Number,
    List,
    Other,
}

impl Context<'_> {
    fn shape(&self, ty: &TypeRef) -> Shape {
        match self.view.resolve_ref(ty) {
            TypeRef::Primitive(
                Primitive::String | Primitive::Uri | Primitive::Byte | Primitive::Binary,
            ) => Shape::Text,
            TypeRef::Primitive(
                Primitive::Int32 | Primitive::Int64 | Primitive::Float | Primitive::Double,
            ) => Shape::Number,
            TypeRef::Array(_) => Shape::List,
            _ => Shape::Other,
        }
    }

    /// Whether `ty` is an `f64`, directly or through aliases.
    fn is_double(&self, ty: &TypeRef) -> bool {
        match self.view.resolve_ref(ty) {
            TypeRef::Primitive(Primitive::Double) => true,
            TypeRef::Primitive(Primitive::Float) => {
                self.view.primitive(Primitive::Float) == crate::rust::Ty::F64
            }
            _ => false,
        }
    }

    /// The checks of `constraints` on the value bound to `v` (a reference), at path `path`.
    fn checks(&self, ty: &TypeRef, c: &Constraints) -> Vec<TokenStream> {
        let mut checks = Vec::new();
        // Calls, not `if`s: a lone `if` inside `if let` is a lint in edition 2024 crates.
        let push = |checks: &mut Vec<TokenStream>, cond: TokenStream, message: String| {
            self.flagged.set(true);
            checks.push(quote!(support::flag(out, path, #cond, #message);));
        };
        match self.shape(ty) {
            Shape::Text => {
                // `len < 0` and `len > usize::MAX` never hold (and are lints): no check.
                if let Some(n) = c.min_length.filter(|&n| n > 0) {
                    let lit = Literal::u64_unsuffixed(n);
                    push(
                        &mut checks,
                        quote!(v.chars().count() < #lit),
                        format!("shorter than {n} characters"),
                    );
                }
                if let Some(n) = c.max_length.filter(|&n| n < usize::MAX as u64) {
                    let lit = Literal::u64_unsuffixed(n);
                    push(
                        &mut checks,
                        quote!(v.chars().count() > #lit),
                        format!("longer than {n} characters"),
                    );
                }
                if let Some(pattern) = c
                    .pattern
                    .as_ref()
                    .filter(|p| regex_lite::Regex::new(p).is_ok())
                {
                    self.note_pattern();
                    // The check calls the support code's `flag` too.
                    self.flagged.set(true);
                    checks.push(quote! {
                        static PATTERN: ::std::sync::OnceLock<::regex_lite::Regex> = ::std::sync::OnceLock::new();
                        let pattern = PATTERN.get_or_init(|| {
                            ::regex_lite::Regex::new(#pattern).expect("the generator compiled this pattern")
                        });
                        support::flag(out, path, !pattern.is_match(v), concat!("does not match the pattern `", #pattern, "`"));
                    });
                }
            }
            Shape::Number => {
                // `f64 as f64` is a clippy lint (`unnecessary_cast`) in the generated crate.
                let number = if self.is_double(ty) {
                    quote!((*v))
                } else {
                    quote!((*v as f64))
                };
                let bound =
                    |checks: &mut Vec<TokenStream>, value: f64, exclusive: bool, low: bool| {
                        let lit = Literal::f64_unsuffixed(value);
                        let (cond, word) = match (low, exclusive) {
                            (true, false) => (quote!(#number < #lit), "less than"),
                            (true, true) => (quote!(#number <= #lit), "not more than"),
                            (false, false) => (quote!(#number > #lit), "more than"),
                            (false, true) => (quote!(#number >= #lit), "not less than"),
                        };
                        push(checks, cond, format!("{word} {value}"));
                    };
                if let Some(min) = c.minimum {
                    bound(&mut checks, min, c.exclusive_minimum, true);
                }
                if let Some(max) = c.maximum {
                    bound(&mut checks, max, c.exclusive_maximum, false);
                }
            }
            Shape::List => {
                match c.min_items {
                    None | Some(0) => {}
                    // `len() < 1` is a clippy lint (`len_zero`) in the generated crate.
                    Some(1) => push(&mut checks, quote!(v.is_empty()), "empty".to_owned()),
                    Some(n) => {
                        let lit = Literal::u64_unsuffixed(n);
                        push(
                            &mut checks,
                            quote!(v.len() < #lit),
                            format!("fewer than {n} items"),
                        );
                    }
                }
                if let Some(n) = c.max_items.filter(|&n| n < usize::MAX as u64) {
                    let lit = Literal::u64_unsuffixed(n);
                    push(
                        &mut checks,
                        quote!(v.len() > #lit),
                        format!("more than {n} items"),
                    );
                }
                if c.unique_items {
                    push(
                        &mut checks,
                        quote!((1..v.len()).any(|i| v[..i].contains(&v[i]))),
                        "items are not unique".to_owned(),
                    );
                }
                if let (Some(items), TypeRef::Array(item_ty)) = (&c.items, ty) {
                    let inner = self.checks(item_ty, items);
                    if !inner.is_empty() {
                        checks.push(quote! {
                            for (i, v) in v.iter().enumerate() {
                                let path = &format!("{path}[{i}]");
                                #(#inner)*
                            }
                        });
                    }
                }
            }
            Shape::Other => {}
        }
        checks
    }

    /// Whether a value of `ty` can break a constraint: whether a type it names can (see
    /// [`reporters`]).
    fn ty_reports(&self, ty: &TypeRef) -> bool {
        let mut named = Vec::new();
        super::collect_named(ty, &mut named);
        named
            .iter()
            .any(|id| self.reports.get(id.0).copied().unwrap_or(true))
    }

    fn note_pattern(&self) {
        let mut uses = self.uses.get();
        uses.regex = true;
        self.uses.set(uses);
    }

    /// `impl Validate` for type `id`, or nothing for aliases (the aliased type's impl serves) and
    /// boolean enums (a `bool`, whose impl is the support code's).
    pub(super) fn validate_impl(&self, id: TypeId) -> TokenStream {
        let kind = &self.model.get(id).kind;
        match kind {
            TypeKind::Alias(_) if !self.view.is_newtype(id) => return TokenStream::new(),
            TypeKind::Enum(e) if e.repr() == Repr::Boolean => return TokenStream::new(),
            _ => {}
        }
        let ident = self.ident(id);
        let allow = self.allows(id);
        if !self.reports[id.0] {
            // Nothing in the value can break a constraint: one line says so.
            return quote! {
                #allow
                impl Validate for #ident {
                    fn validate_into(&self, _: &str, _: &mut ::std::vec::Vec<Violation>) {}
                }
            };
        }
        let body = match kind {
            TypeKind::Struct(s) => self.struct_checks(id, s),
            TypeKind::Enum(e) => {
                let names = naming::variant_names(&e.values);
                let unknown = super::fallback_name(&names);
                let shown = match e.repr() {
                    Repr::String => quote!(format!(
                        "`{value}` is not a value the API description lists"
                    )),
                    _ => quote!(format!("{value} is not a value the API description lists")),
                };
                if e.values.is_empty() {
                    // Every value is unlisted: the fallback is the only variant.
                    quote! {
                        let Self::#unknown(value) = self;
                        out.push(Violation::new(path, #shown));
                    }
                } else {
                    quote! {
                        if let Self::#unknown(value) = self {
                            out.push(Violation::new(path, #shown));
                        }
                    }
                }
            }
            TypeKind::Union(u) => self.union_checks(u),
            // A newtype checks what it holds.
            TypeKind::Alias(_) => quote!(self.0.validate_into(path, out);),
        };
        quote! {
            #allow
            impl Validate for #ident {
                fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                    #body
                }
            }
        }
    }

    /// The checks of a struct that [`reporters`] marks: at least one field or the additional
    /// properties can break a constraint.
    fn struct_checks(&self, id: TypeId, s: &Struct) -> TokenStream {
        let Struct { fields, additional } = s;
        let names = naming::FieldNames::new(s);
        let mut out = Vec::new();
        for (field, ident) in fields.iter().zip(&names.fields) {
            out.extend(self.field_checks(id, field, &naming::ident(ident)));
        }
        if let (Some(name), Some(value)) = (&names.additional, additional) {
            if self.ty_reports(value) {
                let name = naming::ident(name);
                out.push(quote! {
                    for (key, value) in &self.#name {
                        value.validate_into(&support::join(path, key), out);
                    }
                });
            }
        }
        quote!(#(#out)*)
    }

    fn field_checks(
        &self,
        owner: TypeId,
        field: &Field,
        ident: &proc_macro2::Ident,
    ) -> Option<TokenStream> {
        let wire = &field.wire_name;
        let checks = self.checks(&field.ty, &field.constraints);
        if checks.is_empty() {
            // Only what the field's type checks, if anything.
            return self
                .ty_reports(&field.ty)
                .then(|| quote!(self.#ident.validate_into(&support::join(path, #wire), out);));
        }
        let checks = match effective_presence(field) {
            Presence::Required => quote! {
                let v = &self.#ident;
                #(#checks)*
            },
            Presence::RequiredNullable => quote! {
                if let ::std::option::Option::Some(v) = &self.#ident {
                    #(#checks)*
                }
            },
            Presence::Optional | Presence::OptionalNullable => {
                match self.view.optional_style(owner, field) {
                    OptionalStyle::Nullable => quote! {
                        if let Nullable::Value(v) = &self.#ident {
                            #(#checks)*
                        }
                    },
                    OptionalStyle::Option => quote! {
                        if let ::std::option::Option::Some(v) = &self.#ident {
                            #(#checks)*
                        }
                    },
                }
            }
        };
        let nested = self
            .ty_reports(&field.ty)
            .then(|| quote!(self.#ident.validate_into(path, out);));
        Some(quote! {
            {
                let path = &support::join(path, #wire);
                #checks
                #nested
            }
        })
    }

    fn union_checks(&self, u: &Union) -> TokenStream {
        let Union {
            discriminator,
            variants: _,
        } = u;
        let names = self.union_variant_names(u);
        let arms = names
            .iter()
            .map(|name| quote!(Self::#name(value) => value.validate_into(path, out),));
        let fallback = discriminator.as_ref().map(|tag| {
            let unknown =
                super::fallback_name(&names.iter().map(ToString::to_string).collect::<Vec<_>>());
            quote! {
                Self::#unknown(_) => out.push(Violation::new(
                    path,
                    concat!("a `", #tag, "` the API description does not list"),
                )),
            }
        });
        // Only a union that can report gets here (see `reporters`): it has a member or a fallback.
        quote! {
            match self {
                #(#arms)*
                #fallback
            }
        }
    }
}

/// For each type, whether its `Validate` impl can find a violation: a constraint of its own (a field
/// check, an unlisted enum value, an unlisted union tag), or one of a type it holds. Types for which
/// it is `false` get an impl that checks nothing, and their fields are not visited. Empty when
/// `options` ask for no validation.
pub(super) fn reporters(view: &crate::rust::View, options: &super::Options) -> Vec<bool> {
    if !options.validation {
        return Vec::new();
    }
    let model = view.model;
    let n = model.types.len();
    // Start from every type's own checks, then spread to the types that hold a reporting one until
    // nothing changes (the least fixpoint: a cycle of types without checks finds nothing).
    let mut reports = vec![false; n];
    {
        let none = vec![false; n];
        let cx = Context::new(view, &none, &none, options);
        for (i, def) in model.types.iter().enumerate() {
            reports[i] = match &def.kind {
                TypeKind::Struct(s) => s
                    .fields
                    .iter()
                    .any(|f| !cx.checks(&f.ty, &f.constraints).is_empty()),
                // Every enum but a boolean one keeps unlisted values, which are reported.
                TypeKind::Enum(e) => e.repr() != Repr::Boolean,
                TypeKind::Union(u) => u.discriminator.is_some(),
                TypeKind::Alias(_) => false,
            };
        }
    }
    // Spread along the reverse references, so each type is visited once.
    let mut holders: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, def) in model.types.iter().enumerate() {
        let mut held = Vec::new();
        for ty in crate::rust::direct_refs(def) {
            super::collect_named(ty, &mut held);
        }
        for id in held {
            if let Some(list) = holders.get_mut(id.0) {
                list.push(i);
            }
        }
    }
    let mut work: Vec<usize> = (0..n).filter(|&i| reports[i]).collect();
    while let Some(i) = work.pop() {
        for &holder in &holders[i] {
            if !reports[holder] {
                reports[holder] = true;
                work.push(holder);
            }
        }
    }
    reports
}

/// A warning for each `pattern` that `regex-lite` cannot compile (so it is not checked).
pub(crate) fn unsupported_patterns(model: &crate::ir::Model) -> Vec<crate::Diagnostic> {
    fn walk(c: &Constraints, out: &mut Vec<String>) {
        if let Some(p) = &c.pattern {
            if let Err(e) = regex_lite::Regex::new(p) {
                out.push(format!("`{p}` ({e})"));
            }
        }
        if let Some(items) = &c.items {
            walk(items, out);
        }
    }
    let mut out = Vec::new();
    for def in &model.types {
        if let TypeKind::Struct(s) = &def.kind {
            for field in &s.fields {
                let mut bad = Vec::new();
                walk(&field.constraints, &mut bad);
                for pattern in bad {
                    let (file, pointer) = def.origin.split_once('#').unwrap_or((&def.origin, ""));
                    out.push(
                        crate::Diagnostic::new(
                            file,
                            format!(
                                "`{}.{}`: pattern {pattern} is not checked by `validate()`",
                                def.name, field.wire_name
                            ),
                        )
                        .at_pointer(format!("#{pointer}")),
                    );
                }
            }
        }
    }
    out
}

/// The trait, the violation type and the impls for containers and scalars, given what the code uses.
pub(super) fn support(
    uses: Uses,
    date_time: DateTimeType,
    nullable: bool,
    flagged: bool,
    tuples: &std::collections::BTreeSet<usize>,
) -> TokenStream {
    let tuple_impls = tuples.iter().map(|&n| {
        let params: Vec<proc_macro2::Ident> =
            (0..n).map(|i| quote::format_ident!("T{}", i)).collect();
        let index = (0..n).map(syn::Index::from);
        let at = (0..n).map(|i| format!("[{i}]"));
        if n == 0 {
            // The empty tuple is `[(); 0]` (see `Context::ty`): nothing to check.
            return quote! {
                impl Validate for [(); 0] {
                    fn validate_into(&self, _: &str, _: &mut ::std::vec::Vec<Violation>) {}
                }
            };
        }
        quote! {
            impl<#(#params: Validate),*> Validate for (#(#params,)*) {
                fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                    #(self.#index.validate_into(&format!("{path}{}", #at), out);)*
                }
            }
        }
    });
    let flag = flagged.then(|| {
        quote! {
            /// Records a violation at `path` when `broken`.
            #[doc(hidden)]
            pub fn flag(out: &mut ::std::vec::Vec<Violation>, path: &str, broken: bool, message: &str) {
                if broken {
                    out.push(Violation::new(path, message));
                }
            }
        }
    });
    let uuid = uses.uuid.then(|| quote!(::uuid::Uuid,));
    let json = uses.json.then(|| {
        quote!(::serde_json::Value, ::serde_json::Map<::std::string::String, ::serde_json::Value>,)
    });
    let chrono = uses.chrono.then(|| match date_time {
        DateTimeType::FixedOffset => quote!(
            ::chrono::DateTime<::chrono::FixedOffset>,
            ::chrono::NaiveDate,
        ),
        DateTimeType::Utc => quote!(::chrono::DateTime<::chrono::Utc>, ::chrono::NaiveDate,),
    });
    let time = uses
        .time
        .then(|| quote!(::time::OffsetDateTime, ::time::Date,));
    let nullable = nullable.then(|| {
        quote! {
            impl<T: Validate> Validate for Nullable<T> {
                fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                    if let Nullable::Value(value) = self {
                        value.validate_into(path, out);
                    }
                }
            }
        }
    });
    quote! {
        /// A value that breaks a constraint of the API description, and where.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Violation {
            /// Where: `tags[3]`, `address.postcode`; empty for the value itself.
            pub path: ::std::string::String,
            /// What is wrong: `longer than 128 characters`.
            pub message: ::std::string::String,
        }

        impl Violation {
            /// A violation at `path` (for impls of `Validate` written by hand, too).
            pub fn new(path: &str, message: impl ::std::convert::Into<::std::string::String>) -> Self {
                Violation { path: path.to_owned(), message: message.into() }
            }
        }

        impl ::std::fmt::Display for Violation {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                if self.path.is_empty() {
                    f.write_str(&self.message)
                } else {
                    write!(f, "{}: {}", self.path, self.message)
                }
            }
        }

        /// Checks the constraints of the API description (lengths, patterns, ranges, item counts, listed
        /// enum values). Deserializing never does: the models read whatever the API sends.
        pub trait Validate {
            /// Adds every violation of `self`, found at `path`, to `out`.
            fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>);

            /// Every violation, or `Ok` when there is none.
            fn validate(&self) -> ::std::result::Result<(), ::std::vec::Vec<Violation>> {
                let mut out = ::std::vec::Vec::new();
                self.validate_into("", &mut out);
                if out.is_empty() { ::std::result::Result::Ok(()) } else { ::std::result::Result::Err(out) }
            }
        }

        #flag

        /// `path.key`, or `key` at the top.
        #[doc(hidden)]
        pub fn join(path: &str, key: &str) -> ::std::string::String {
            if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
        }

        impl<T: Validate> Validate for ::std::vec::Vec<T> {
            fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                for (i, item) in self.iter().enumerate() {
                    item.validate_into(&format!("{path}[{i}]"), out);
                }
            }
        }

        impl<T: Validate> Validate for ::std::collections::BTreeMap<::std::string::String, T> {
            fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                for (key, value) in self {
                    value.validate_into(&join(path, key), out);
                }
            }
        }

        impl<T: Validate> Validate for ::std::option::Option<T> {
            fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                if let ::std::option::Option::Some(value) = self {
                    value.validate_into(path, out);
                }
            }
        }

        #nullable

        impl<T: Validate> Validate for ::std::boxed::Box<T> {
            fn validate_into(&self, path: &str, out: &mut ::std::vec::Vec<Violation>) {
                (**self).validate_into(path, out);
            }
        }

        /// Scalars and free-form JSON have no constraints of their own: their fields' checks cover them.
        macro_rules! no_constraints {
            ($($ty:ty,)*) => {
                $(impl Validate for $ty {
                    fn validate_into(&self, _: &str, _: &mut ::std::vec::Vec<Violation>) {}
                })*
            };
        }

        no_constraints!(
            ::std::string::String, bool, i32, i64, f32, f64,
            #json #uuid #chrono #time
        );

        #(#tuple_impls)*
    }
}
