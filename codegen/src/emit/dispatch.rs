//! A test-support file: functions that read JSON as a generated type chosen by its schema name.
//!
//! A test that makes instances from the spec itself (not from the generated types) needs to reach the
//! generated type of each schema by name. This file, written beside the models by
//! [`crate::Config::round_trip_file`] and `include!`d by such a test, maps every source name to its
//! Rust type. It is not part of the models: a crate's users never see it.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::{time_adapter, Options};
use crate::ir::Model;
use crate::naming::{self, TypeNames};
use crate::rust::{Ty, View};

/// The dispatch functions over every type of `model`, naming the types as `crate_path::Type`:
/// `round_trip(name, json)` reads and writes back, `validate(name, json)` (with
/// [`Options::validation`]) reads and lists the violations, and `TYPE_NAMES` lists the names.
pub fn round_trip_dispatch(model: &Model, options: &Options, crate_path: &str) -> TokenStream {
    let names = TypeNames::new(model);
    let Ok(krate) = syn::parse_str::<syn::Path>(crate_path) else {
        let message = format!("`{crate_path}` is not a Rust path");
        return quote!(::std::compile_error!(#message););
    };
    // An alias of a `time` type reads and writes through the models' adapter, as its uses do.
    let view = View::new(model, options.types());
    let module = quote!(#krate::support::__time);
    let mut seen = BTreeSet::new();
    let mut sources = Vec::new();
    let mut types = Vec::new();
    let mut adapters = Vec::new();
    for (i, def) in model.types.iter().enumerate() {
        // A source name given twice would make an unreachable arm; the first type keeps it.
        if seen.insert(def.name.as_str()) {
            sources.push(def.name.as_str());
            let id = crate::ir::TypeId(i);
            let ident = naming::ident(names.get(id));
            types.push(quote!(#krate::#ident));
            let adapter = time_adapter(&view, &Ty::Named(id), &module);
            adapters.push(adapter);
        }
    }
    if adapters.iter().any(Option::is_some) {
        let adapters: Vec<TokenStream> = adapters
            .into_iter()
            .map(|a| a.unwrap_or_else(|| quote!(#module::Same)))
            .collect();
        return timed_dispatch(
            &krate,
            &module,
            &sources,
            &types,
            &adapters,
            options.validation,
        );
    }
    let validate = options.validation.then(|| {
        quote! {
            /// Reads `json` as the type whose schema is `type_name` and lists its violations.
            #[allow(deprecated)]
            pub fn validate(
                type_name: &str,
                json: ::serde_json::Value,
            ) -> ::std::result::Result<::std::vec::Vec<::std::string::String>, ::std::string::String> {
                fn go<T: ::serde::de::DeserializeOwned + #krate::Validate>(
                    json: ::serde_json::Value,
                ) -> ::std::result::Result<::std::vec::Vec<::std::string::String>, ::std::string::String> {
                    let value: T = ::serde_json::from_value(json).map_err(|e| e.to_string())?;
                    ::std::result::Result::Ok(match #krate::Validate::validate(&value) {
                        ::std::result::Result::Ok(()) => ::std::vec::Vec::new(),
                        ::std::result::Result::Err(violations) => {
                            violations.iter().map(|v| v.to_string()).collect()
                        }
                    })
                }
                match type_name {
                    #(#sources => go::<#types>(json),)*
                    _ => {
                        drop(json);
                        ::std::result::Result::Err(::std::format!("no type `{type_name}`"))
                    }
                }
            }
        }
    });
    quote! {
        /// The schema name of every generated type.
        pub const TYPE_NAMES: &[&str] = &[#(#sources),*];

        /// Reads `json` as the type whose schema is `type_name` and writes it back.
        #[allow(deprecated)]
        pub fn round_trip(
            type_name: &str,
            json: ::serde_json::Value,
        ) -> ::std::result::Result<::serde_json::Value, ::std::string::String> {
            fn go<T: ::serde::de::DeserializeOwned + ::serde::Serialize>(
                json: ::serde_json::Value,
            ) -> ::std::result::Result<::serde_json::Value, ::std::string::String> {
                let value: T = ::serde_json::from_value(json).map_err(|e| e.to_string())?;
                ::serde_json::to_value(&value).map_err(|e| e.to_string())
            }
            match type_name {
                #(#sources => go::<#types>(json),)*
                _ => {
                    drop(json);
                    ::std::result::Result::Err(::std::format!("no type `{type_name}`"))
                }
            }
        }

        #validate
    }
}

/// [`round_trip_dispatch`] for models with `time` types: every type reads and writes through its
/// adapter of the models' `__time` module (`Same` for the types without `time` inside), as its uses
/// in the models do.
fn timed_dispatch(
    krate: &syn::Path,
    module: &TokenStream,
    sources: &[&str],
    types: &[TokenStream],
    adapters: &[TokenStream],
    validation: bool,
) -> TokenStream {
    let validate = validation.then(|| {
        quote! {
            /// Reads `json` as the type whose schema is `type_name` and lists its violations.
            #[allow(deprecated)]
            pub fn validate(
                type_name: &str,
                json: ::serde_json::Value,
            ) -> ::std::result::Result<::std::vec::Vec<::std::string::String>, ::std::string::String> {
                fn go<A: #module::Adapter<T>, T: #krate::Validate>(
                    json: ::serde_json::Value,
                ) -> ::std::result::Result<::std::vec::Vec<::std::string::String>, ::std::string::String> {
                    let value: T = A::de(json).map_err(|e| e.to_string())?;
                    ::std::result::Result::Ok(match #krate::Validate::validate(&value) {
                        ::std::result::Result::Ok(()) => ::std::vec::Vec::new(),
                        ::std::result::Result::Err(violations) => {
                            violations.iter().map(|v| v.to_string()).collect()
                        }
                    })
                }
                match type_name {
                    #(#sources => go::<#adapters, #types>(json),)*
                    _ => {
                        drop(json);
                        ::std::result::Result::Err(::std::format!("no type `{type_name}`"))
                    }
                }
            }
        }
    });
    quote! {
        /// The schema name of every generated type.
        pub const TYPE_NAMES: &[&str] = &[#(#sources),*];

        /// Reads `json` as the type whose schema is `type_name` and writes it back.
        #[allow(deprecated)]
        pub fn round_trip(
            type_name: &str,
            json: ::serde_json::Value,
        ) -> ::std::result::Result<::serde_json::Value, ::std::string::String> {
            fn go<A: #module::Adapter<T>, T>(
                json: ::serde_json::Value,
            ) -> ::std::result::Result<::serde_json::Value, ::std::string::String> {
                let value: T = A::de(json).map_err(|e| e.to_string())?;
                A::ser(&value, ::serde_json::value::Serializer).map_err(|e| e.to_string())
            }
            match type_name {
                #(#sources => go::<#adapters, #types>(json),)*
                _ => {
                    drop(json);
                    ::std::result::Result::Err(::std::format!("no type `{type_name}`"))
                }
            }
        }

        #validate
    }
}
