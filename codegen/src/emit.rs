//! Builds the Rust code of a model: structs, enums, unions and aliases with serde support.
//!
//! Rules the generated code follows (the crate docs of a generated crate repeat them for users):
//! - a required field is `T`; a required nullable field is `Option<T>` (serialized as `null`);
//! - every optional field is a `Nullable<T>` (emitted with the models) that keeps *absent*, `null` and a value
//!   apart, because real payloads send `null` for optional fields whatever the spec says, and a
//!   round trip must give back exactly what was read; unless [`Options::optional`] makes it (for the
//!   crate, a type or a field) an `Option<T>` that reads both as `None` and leaves `None` out;
//! - dates, date-times and uuids are the types [`Options::dates`] and [`Options::uuid`] choose;
//!   `time` types go through the serde adapters of the support module `__time` (RFC 3339 and
//!   `YYYY-MM-DD`), wherever they are;
//! - a type that accepts `null` accepts it at each use: `Option<T>` in a required field, an item or a
//!   map value, `Nullable<T>` in an optional field; its own definition never does;
//! - string, integer, number and mixed enums have a fallback variant that keeps a value the spec does
//!   not list; a boolean enum is a `bool`;
//! - a tagged union (`oneOf` + `discriminator`) keeps the tag inside the variant's struct, so the
//!   variant types also read and write the tag when used alone; an unknown tag is kept as JSON;
//! - an untagged union picks the variant that keeps every property of the payload (the rule is in
//!   the docs of the `unions` module, and in README);
//! - every `Serialize` and `Deserialize` impl is written out, none derived (a struct's read key by
//!   key by the rules of serde's derive; see the `structs` module), so a models crate needs no
//!   `serde_derive` and rustc checks far less code than serde's derives spell;
//! - the prelude's `String`, `Vec`, `Option` and `Box` are written short, unless a model takes one of
//!   those names, in which case that one is written in full (`::std::string::String`); every other
//!   path is absolute, so no model name can shadow what the code means.
//!
//! Names, derives, boxing and the Rust type of every field come from [`crate::rust::View`].
//! Structs and enums of strings or integers, most of a crate, are written as text already laid out
//! as prettyplease would lay it out (the `text` module): building, parsing and printing their
//! tokens was most of the generator's time. The rest (unions, other enums, aliases, validation,
//! the support module) is built as tokens and formatted by prettyplease. [`emit_formatted`] gives
//! the formatted code of each type; [`emit`] all of it as tokens. [`round_trip_dispatch`] builds a
//! test-support file beside the models.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::ir::{Model, Repr, TypeDef, TypeId, TypeKind, TypeRef};
use crate::naming;
use crate::rust::{Ty, TypeOptions, View};

pub use crate::rust::{DateLibrary, DateTimeType, FloatType, OptionalStyle, Optionals, UuidType};

mod dispatch;
mod docs;
mod enums;
mod structs;
mod support;
mod text;
mod unions;
mod validate;

pub use dispatch::round_trip_dispatch;
pub use docs::doc_attrs;

pub(crate) use validate::unsupported_patterns;

/// Options of the emitter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The Rust type of `format: date-time`.
    pub date_time: DateTimeType,
    /// The Rust type of `format: float`.
    pub float: FloatType,
    /// Where dates and date-times come from.
    pub dates: DateLibrary,
    /// The Rust type of `format: uuid`.
    pub uuid: UuidType,
    /// How optional fields are represented.
    pub optional: Optionals,
    /// The path of the crate the code ends up in (`onfido_models`). When set, a schema's examples
    /// become doctests that read them and write them back, so `cargo test` checks the spec's
    /// examples; otherwise they are shown as JSON in the docs.
    pub doctest_crate: Option<String>,
    /// Emit the `Validate` trait and its impls, which check the spec's constraints on demand.
    pub validation: bool,
}

impl Options {
    /// The choices of Rust types these options make.
    pub fn types(&self) -> TypeOptions {
        TypeOptions {
            date_time: self.date_time,
            float: self.float,
            dates: self.dates,
            uuid: self.uuid,
            optional: self.optional.clone(),
        }
    }
}

/// Which crates the generated code uses, so `--crate` can write exactly those dependencies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Uses {
    /// `uuid::Uuid` appears.
    pub uuid: bool,
    /// `chrono` types appear.
    pub chrono: bool,
    /// `time` types appear (with its `serde`, `formatting` and `parsing` features).
    pub time: bool,
    /// `time::Date` appears, whose `YYYY-MM-DD` format is written with `time`'s `macros` feature.
    pub time_macros: bool,
    /// `serde_json` types appear (free-form values, unions, number enums).
    pub json: bool,
    /// Validation checks a `pattern` (with `regex-lite`).
    pub regex: bool,
}

/// The tokens of every type of `model`, plus the support code they need.
pub fn emit(model: &Model, options: &Options) -> (TokenStream, Uses) {
    let view = View::new(model, options.types());
    let deprecated = deprecated_users(model);
    let reports = validate::reporters(&view, options);
    let cx = Context::new(&view, &deprecated, &reports, options);
    let items: Vec<TokenStream> = (0..model.types.len())
        .map(|i| cx.items(TypeId(i), options).into_tokens())
        .collect();
    let flags = cx.flags();
    let head = head(&view, options, &flags);
    (quote! { #head #(#items)* }, flags.uses)
}

/// The code of one type, in order: items written as laid-out text (see the `text` module), and
/// items as tokens, which prettyplease lays out.
pub(crate) struct Code {
    parts: Vec<Part>,
}

enum Part {
    /// Items laid out, each ending with a newline, a blank line between two.
    Text(String),
    Tokens(TokenStream),
}

impl Code {
    fn text(text: String) -> Self {
        Code {
            parts: vec![Part::Text(text)],
        }
    }

    fn tokens(tokens: TokenStream) -> Self {
        Code {
            parts: vec![Part::Tokens(tokens)],
        }
    }

    /// The code a writer wrote: as text when it is laid out, else as tokens for prettyplease.
    fn from_writer(w: text::Writer) -> Self {
        match w.finish() {
            (text, true) => Code::text(text),
            (text, false) => Code::tokens(lex(&text)),
        }
    }

    fn push_tokens(&mut self, tokens: TokenStream) {
        if !tokens.is_empty() {
            self.parts.push(Part::Tokens(tokens));
        }
    }

    /// The items formatted, a blank line between two.
    fn format(self) -> Result<String, syn::Error> {
        let mut texts = Vec::with_capacity(self.parts.len());
        for part in self.parts {
            match part {
                Part::Text(text) => texts.push(text),
                Part::Tokens(tokens) if tokens.is_empty() => {}
                Part::Tokens(tokens) => texts.push(format_items(tokens)?),
            }
        }
        Ok(texts.join("\n"))
    }

    /// The items as tokens (text parsed: doc comments become `#[doc]` attributes).
    fn into_tokens(self) -> TokenStream {
        self.parts
            .into_iter()
            .map(|part| match part {
                Part::Text(text) => lex(&text),
                Part::Tokens(tokens) => tokens,
            })
            .collect()
    }
}

/// The tokens of code the generator wrote as text (doc comments become `#[doc]` attributes).
fn lex(text: &str) -> TokenStream {
    text.parse()
        .unwrap_or_else(|e| panic!("internal error: generated code does not lex: {e}\n{text}"))
}

/// A failure of the generator itself (a bug, never the input's fault), with the type whose code it
/// was generating, so the report points at the input that triggered it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmitError {
    /// The `origin` of the type being generated (`file#/pointer`), when the failure is in one.
    pub origin: Option<String>,
    /// What went wrong, starting `internal error:`.
    pub message: String,
}

impl EmitError {
    fn general(message: String) -> Self {
        EmitError {
            origin: None,
            message,
        }
    }
}

/// The code of every type, formatted: the support code first, then one entry per type of `model`
/// (its definition and impls), in order. Types are emitted and formatted on every core of the
/// machine; the result does not depend on how many there are.
pub fn emit_formatted(model: &Model, options: &Options) -> Result<(Vec<String>, Uses), EmitError> {
    let view = View::new(model, options.types());
    let deprecated = deprecated_users(model);
    let reports = validate::reporters(&view, options);
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let (bodies, workers) = in_order(
        model.types.len(),
        threads,
        || Context::new(&view, &deprecated, &reports, options),
        |cx, i| emit_one(cx, model, TypeId(i), options),
        |cx| cx.flags(),
    )?;
    let mut flags = Flags::default();
    for worker in workers {
        flags.merge(worker);
    }
    let head = format_items(head(&view, options, &flags)).map_err(|e| {
        EmitError::general(format!(
            "internal error: the support code does not parse: {e}"
        ))
    })?;
    let mut texts = Vec::with_capacity(bodies.len() + 1);
    if !head.is_empty() {
        texts.push(head);
    }
    texts.extend(bodies);
    Ok((texts, flags.uses))
}

/// `work` on each of `0..n`, on up to `threads` threads (at most 8, and one per [`BLOCK`] items),
/// each with its own state made by `start`; returns the results in order, and what `end` makes of
/// each thread's state. If some items fail, the error is that of the first of them in order,
/// however the work was shared out.
///
/// Threads take blocks of items in order from a shared counter, so a stretch of large items does
/// not leave one core with most of the work. When an item fails, no thread takes a new block; every
/// block before the failing one had been taken, and is finished or fails itself, so the first
/// failure in order is always among those seen.
fn in_order<S, T: Send, W: Send>(
    n: usize,
    threads: usize,
    start: impl Fn() -> S + Sync,
    work: impl Fn(&S, usize) -> Result<T, EmitError> + Sync,
    end: impl Fn(S) -> W + Sync,
) -> Result<(Vec<T>, Vec<W>), EmitError> {
    let threads = threads.clamp(1, 8).min(n.div_ceil(BLOCK).max(1));
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let worker = || {
        let state = start();
        let mut blocks = Vec::new();
        let mut error = None;
        while error.is_none() && !failed.load(Ordering::Relaxed) {
            let first = next.fetch_add(BLOCK, Ordering::Relaxed);
            if first >= n {
                break;
            }
            let mut done = Vec::with_capacity(BLOCK);
            for i in first..(first + BLOCK).min(n) {
                match work(&state, i) {
                    Ok(item) => done.push(item),
                    Err(e) => {
                        failed.store(true, Ordering::Relaxed);
                        error = Some((i, e));
                        break;
                    }
                }
            }
            blocks.push((first, done));
        }
        (blocks, error, end(state))
    };
    let finished: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                // Formatting is recursive (`syn` and prettyplease walk nested types), so the workers
                // get the stack the deepest types the input limits allow need, not the 2 MiB default.
                std::thread::Builder::new()
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, worker)
                    .map_err(|e| EmitError::general(format!("cannot start a thread: {e}")))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h?.join().map_err(|panic| {
                    EmitError::general(format!(
                        "internal error: a thread panicked: {}",
                        panic_message(&*panic)
                    ))
                })
            })
            .collect()
    });
    let mut blocks = Vec::new();
    let mut ends = Vec::with_capacity(threads);
    let mut first_error: Option<(usize, EmitError)> = None;
    for result in finished {
        let (done, error, state) = result?;
        blocks.extend(done);
        ends.push(state);
        if let Some((i, e)) = error {
            if first_error.as_ref().is_none_or(|(j, _)| i < *j) {
                first_error = Some((i, e));
            }
        }
    }
    if let Some((_, e)) = first_error {
        return Err(e);
    }
    blocks.sort_unstable_by_key(|(first, _)| *first);
    let items = blocks.into_iter().flat_map(|(_, done)| done).collect();
    Ok((items, ends))
}

/// How many items a thread of [`in_order`] takes at a time.
const BLOCK: usize = 16;

/// The formatted code of one type. A bug met on one type is reported with that type, and so with
/// the place of the input that triggered it.
fn emit_one(
    cx: &Context<'_>,
    model: &Model,
    id: TypeId,
    options: &Options,
) -> Result<String, EmitError> {
    let def = model.get(id);
    let failed = |message: String| EmitError {
        origin: Some(def.origin.clone()),
        message,
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        cx.items(id, options).format()
    }))
    .map_err(|panic| {
        failed(format!(
            "internal error: generating `{}` panicked: {}",
            def.name,
            panic_message(&*panic)
        ))
    })?
    .map_err(|e| {
        failed(format!(
            "internal error: the code of `{}` does not parse: {e}",
            def.name
        ))
    })
}

/// The text of a panic's payload.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// The stack of each thread that emits and formats types: 64 MiB of address space, of which only
/// what deep types use is ever touched.
const WORKER_STACK: usize = 64 << 20;

/// Formats the items of `tokens`, one by one, with a blank line between them as a person would.
pub fn format_items(tokens: TokenStream) -> Result<String, syn::Error> {
    let mut file: syn::File = syn::parse2(tokens)?;
    let items = std::mem::take(&mut file.items);
    let texts: Vec<String> = items
        .into_iter()
        .map(|item| {
            file.items = vec![item];
            prettyplease::unparse(&file)
        })
        .collect();
    Ok(texts.join("\n"))
}

/// The support code the emitted types need: `Nullable` unless the crate's optional fields are all
/// `Option`s; the rest as `flags` say. It is a module of its own, so that `include!` puts only
/// `support` and the re-exported types users name (`Nullable`, `Validate`, `Violation`) in the
/// including module.
fn head(view: &View, options: &Options, flags: &Flags) -> TokenStream {
    let model = view.model;
    let nullable = options.optional.style.is_nullable() || view.uses_nullable();
    // Where an optional field is an `Option`, a `null` sent is not written back: the comparisons
    // of the support code then take a `null` property for an absent one.
    let nulls_absent = view.uses_option_style();
    let mut inner = Vec::new();
    let mut exported = Vec::new();
    if nullable {
        inner.push(support::nullable(!nulls_absent));
        exported.push(quote!(Nullable));
    }
    let examples =
        options.doctest_crate.is_some() && model.types.iter().any(|t| !t.examples.is_empty());
    if flags.objects {
        inner.push(support::objects(nullable));
    }
    if flags.untagged {
        inner.push(support::untagged(nulls_absent));
    }
    if examples {
        inner.push(support::examples(
            nulls_absent,
            flags.uses.time || options.date_time == DateTimeType::FixedOffset,
        ));
    }
    // Both the `time` adapters and the validation impls have one item per tuple length.
    let tuples = if flags.uses.time || options.validation {
        tuple_arities(model)
    } else {
        BTreeSet::new()
    };
    if flags.uses.time {
        inner.push(support::time(
            flags.uses.time_macros,
            nullable,
            flags.objects,
            &tuples,
        ));
    }
    if options.validation {
        inner.push(validate::support(
            flags.uses,
            options.date_time,
            nullable,
            flags.flagged,
            &tuples,
        ));
        exported.extend([quote!(Validate), quote!(Violation)]);
    }
    if inner.is_empty() {
        return TokenStream::new();
    }
    // The parts are plain text written here (no spec text), so they need no escaping.
    let mut shared = Vec::new();
    if nullable {
        shared.push("[`Nullable`] for fields that may be absent,");
    }
    if options.validation {
        shared.push("the [`Validate`] trait and its [`Violation`],");
    }
    shared.push("and helpers the models call. Re-exported beside the models.");
    let mut lines = vec![" What the generated models share:".to_owned()];
    for part in shared {
        let last = lines.last_mut().expect("lines starts with one");
        if last.len() + part.len() < 96 {
            last.push(' ');
            last.push_str(part);
        } else {
            lines.push(format!(" {part}"));
        }
    }
    let doc = quote!(#(#[doc = #lines])*);
    let reexport = (!exported.is_empty()).then(|| quote!(pub use support::{#(#exported),*};));
    quote! {
        #doc
        pub mod support {
            #(#inner)*
        }

        #reexport
    }
}

/// What the emitted items need from the support code.
#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    uses: Uses,
    /// Some `validate` check was emitted (so the support code's `flag` is used).
    flagged: bool,
    /// Some untagged union was emitted (so the support code's chooser is needed).
    untagged: bool,
    /// Some struct was emitted (so the support code's object reader is needed).
    objects: bool,
}

impl Flags {
    fn merge(&mut self, other: Flags) {
        let (a, b) = (&mut self.uses, other.uses);
        a.uuid |= b.uuid;
        a.chrono |= b.chrono;
        a.time |= b.time;
        a.time_macros |= b.time_macros;
        a.json |= b.json;
        a.regex |= b.regex;
        self.flagged |= other.flagged;
        self.untagged |= other.untagged;
        self.objects |= other.objects;
    }
}

/// What the item builders share: the Rust view of the model and what the code has used so far.
struct Context<'m> {
    model: &'m Model,
    view: &'m View<'m>,
    uses: Cell<Uses>,
    prelude: Prelude,
    doctest_crate: Option<String>,
    /// Types whose definition or impls name something deprecated (see [`deprecated_users`]).
    deprecated: &'m [bool],
    /// Types whose `Validate` impl can find something (see [`validate::reporters`]); empty without
    /// validation.
    reports: &'m [bool],
    /// Some `validate` check was emitted (so the support code's `flag` is used).
    flagged: Cell<bool>,
    /// Some untagged union was emitted (so the support code's chooser is needed).
    untagged: Cell<bool>,
    /// Some struct was emitted (so the support code's object reader is needed).
    objects: Cell<bool>,
}

/// How field and alias types spell the prelude's types.
struct Prelude {
    string: TokenStream,
    vec: TokenStream,
    option: TokenStream,
    boxed: TokenStream,
}

impl Prelude {
    fn new(view: &View) -> Self {
        let taken: BTreeSet<&str> = (0..view.model.types.len())
            .map(|i| view.name(TypeId(i)))
            .collect();
        let pick = |short: &str, full: TokenStream| {
            if taken.contains(short) {
                full
            } else {
                let ident = naming::ident(short);
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
    fn new(
        view: &'m View<'m>,
        deprecated: &'m [bool],
        reports: &'m [bool],
        options: &Options,
    ) -> Self {
        Context {
            reports,
            model: view.model,
            prelude: Prelude::new(view),
            doctest_crate: options.doctest_crate.clone(),
            deprecated,
            flagged: Cell::new(false),
            untagged: Cell::new(false),
            objects: Cell::new(false),
            view,
            uses: Cell::new(Uses::default()),
        }
    }

    /// The items of type `id`: its definition and impls, and its `Validate` impl when asked for.
    fn items(&self, id: TypeId, options: &Options) -> Code {
        let def = self.model.get(id);
        let mut items = match &def.kind {
            TypeKind::Struct(s) => self.struct_items(id, def, s),
            TypeKind::Enum(e) if matches!(e.repr, Repr::String | Repr::Integer) => {
                self.enum_items(id, def, e)
            }
            _ => Code::tokens(self.type_def(id, def)),
        };
        if options.validation {
            items.push_tokens(self.validate_impl(id));
        }
        if options.doctest_crate.is_some() && !def.examples.is_empty() {
            self.use_json();
        }
        items
    }

    fn flags(&self) -> Flags {
        Flags {
            uses: self.uses.get(),
            flagged: self.flagged.get(),
            untagged: self.untagged.get(),
            objects: self.objects.get(),
        }
    }

    fn ident(&self, id: TypeId) -> Ident {
        naming::ident(self.view.name(id))
    }

    /// The `#[allow]`s the items of type `id` need so the crate's own code builds without warnings:
    /// `deprecated` when they name something deprecated (users of those items still get the
    /// warning), `clippy::type_complexity` when a type they spell is as nested as clippy's lint
    /// counts too much (a spec's nesting is not ours to factor).
    fn allows(&self, id: TypeId) -> TokenStream {
        lex(&self.allow_lines(id).concat())
    }

    /// The attributes of [`Context::allows`], one a line, for code written as text.
    fn allow_lines(&self, id: TypeId) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.deprecated[id.0] {
            out.push("#[allow(deprecated)]");
        }
        if self.is_complex(id) {
            out.push("#[allow(clippy::type_complexity)]");
        }
        out
    }

    /// Whether a type that the items of `id` spell may score above clippy's `type_complexity`
    /// threshold (250; see [`complexity`]), with a margin.
    fn is_complex(&self, id: TypeId) -> bool {
        let def = self.model.get(id);
        let tys: Vec<Ty> = match &def.kind {
            TypeKind::Struct(s) => s
                .fields
                .iter()
                .map(|f| self.view.field(id, f))
                .chain(
                    s.additional
                        .iter()
                        .map(|t| Ty::Map(Box::new(self.view.reference(id, t)))),
                )
                .collect(),
            TypeKind::Union(u) => u
                .variants
                .iter()
                .map(|v| self.view.reference(id, &v.ty))
                .collect(),
            TypeKind::Alias(a) => vec![self.view.reference(id, &a.ty)],
            TypeKind::Enum(_) => Vec::new(),
        };
        tys.iter().any(|t| complexity(t, 1) > 150)
    }

    /// The description of type `id`, with what the generator adds to it.
    fn type_doc(&self, id: TypeId, def: &TypeDef) -> String {
        let TypeDef {
            name,
            doc,
            deprecated,
            nullable,
            ..
        } = def;
        let mut text = doc
            .clone()
            .unwrap_or_else(|| format!("The `{name}` schema."));
        if self.view.names.is_disambiguated(self.model, id) {
            text.push_str(&format!(
                "\n\nNamed `{}` because another schema's name also converts to `{}`; see the naming rules of the generator.",
                self.view.name(id),
                naming::upper_camel(name)
            ));
        }
        if *nullable {
            text.push_str("\n\nThe API description allows `null` wherever this type is used: each use is an `Option`.");
        }
        if *deprecated {
            text.push_str("\n\n**Deprecated** in the API description.");
        }
        text
    }

    fn type_def(&self, id: TypeId, def: &TypeDef) -> TokenStream {
        let TypeDef {
            deprecated,
            examples,
            kind,
            ..
        } = def;
        let mut docs = doc_attrs(&self.type_doc(id, def));
        docs.extend(self.examples_doc(id, examples));
        if *deprecated {
            docs.extend(lex(structs::DEPRECATED));
        }
        docs.extend(self.allows(id));
        let ident = self.ident(id);
        match kind {
            TypeKind::Struct(_) => unreachable!("structs are written as text (`struct_items`)"),
            TypeKind::Enum(e) => self.enum_def(id, &ident, docs, e),
            TypeKind::Union(u) => self.union_def(id, &ident, docs, u),
            TypeKind::Alias(a) if self.view.is_newtype(id) => {
                // Rust has no recursive type alias: a struct of one field, read and written as
                // that field.
                let rust = self.view.reference(id, &a.ty);
                let ty = self.ty(&rust);
                let derives = self.derives(id, false);
                let write = self.serialize_call(&rust, quote!(&self.0), quote!(serializer));
                let read = self.deserialize_call(&rust, &ty, quote!(deserializer));
                let allow = self.allows(id);
                quote! {
                    #docs
                    #derives
                    pub struct #ident(pub #ty);

                    #allow
                    impl ::serde::Serialize for #ident {
                        fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                            #write
                        }
                    }

                    #allow
                    impl<'de> ::serde::Deserialize<'de> for #ident {
                        fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                            #read.map(Self)
                        }
                    }
                }
            }
            TypeKind::Alias(a) => {
                let ty = self.ty(&self.view.reference(id, &a.ty));
                quote! {
                    #docs
                    pub type #ident = #ty;
                }
            }
        }
    }

    /// The derive attribute of type `id`, with `Default` when `default` and the view allows it.
    fn derives(&self, id: TypeId, default: bool) -> TokenStream {
        lex(&self.derive_line(id, default))
    }

    /// [`Context::derives`] as a line of text.
    fn derive_line(&self, id: TypeId, default: bool) -> String {
        let d = self.view.derives(id);
        let mut line = "#[derive(Clone, Debug, PartialEq".to_owned();
        if d.eq {
            line.push_str(", Eq");
        }
        if d.hash {
            line.push_str(", Hash");
        }
        if default && d.default {
            line.push_str(", Default");
        }
        line.push_str(")]");
        line
    }

    /// The tokens of a Rust type, noting the crates it uses.
    fn ty(&self, ty: &Ty) -> TokenStream {
        let p = &self.prelude;
        match ty {
            Ty::Named(id) => {
                let ident = self.ident(*id);
                quote!(#ident)
            }
            Ty::Boxed(inner) => {
                let inner = self.ty(inner);
                let boxed = &p.boxed;
                quote!(#boxed<#inner>)
            }
            Ty::String => p.string.clone(),
            Ty::Uuid => {
                self.note(|u| u.uuid = true);
                quote!(::uuid::Uuid)
            }
            Ty::DateTime(DateTimeType::FixedOffset) => {
                self.note(|u| u.chrono = true);
                quote!(::chrono::DateTime<::chrono::FixedOffset>)
            }
            Ty::DateTime(DateTimeType::Utc) => {
                self.note(|u| u.chrono = true);
                quote!(::chrono::DateTime<::chrono::Utc>)
            }
            Ty::Date => {
                self.note(|u| u.chrono = true);
                quote!(::chrono::NaiveDate)
            }
            Ty::OffsetDateTime => {
                self.note(|u| u.time = true);
                quote!(::time::OffsetDateTime)
            }
            Ty::TimeDate => {
                self.note(|u| {
                    u.time = true;
                    u.time_macros = true;
                });
                quote!(::time::Date)
            }
            Ty::Bool => quote!(bool),
            Ty::I32 => quote!(i32),
            Ty::I64 => quote!(i64),
            Ty::F32 => quote!(f32),
            Ty::F64 => quote!(f64),
            Ty::Vec(item) => {
                let item = self.ty(item);
                let vec = &p.vec;
                quote!(#vec<#item>)
            }
            Ty::Map(value) => {
                let value = self.ty(value);
                let string = &p.string;
                quote!(::std::collections::BTreeMap<#string, #value>)
            }
            Ty::JsonMap => {
                self.use_json();
                let string = &p.string;
                quote!(::serde_json::Map<#string, ::serde_json::Value>)
            }
            Ty::Value => {
                self.use_json();
                quote!(::serde_json::Value)
            }
            // `()` would read and write `null`; an array of no items is `[]` in JSON.
            Ty::Tuple(items) if items.is_empty() => quote!([(); 0]),
            Ty::Tuple(items) => {
                let items = items.iter().map(|t| self.ty(t));
                quote!((#(#items,)*))
            }
            Ty::Option(inner) => {
                let inner = self.ty(inner);
                let option = &p.option;
                quote!(#option<#inner>)
            }
            Ty::Nullable(inner) => {
                let inner = self.ty(inner);
                quote!(Nullable<#inner>)
            }
        }
    }

    /// The serde adapter of `__time` that a value of type `ty` needs, for the `time` types inside it
    /// (serde's own impls of `time` types write no RFC 3339); `None` when there is none inside.
    /// Aliases are followed: `pub type CreatedAt = ::time::OffsetDateTime;` needs one too.
    fn time_adapter(&self, ty: &Ty) -> Option<TokenStream> {
        time_adapter(self.view, ty, &quote!(support::__time))
    }

    /// `<T as ::serde::Deserialize>::deserialize(value)` for a variant of type `ty` (tokens
    /// `ty_tokens`), through the `time` adapter where `ty` holds a `time` type.
    fn deserialize_call(
        &self,
        ty: &Ty,
        ty_tokens: &TokenStream,
        value: TokenStream,
    ) -> TokenStream {
        match self.time_adapter(ty) {
            Some(adapter) => {
                quote!(support::__time::deserialize::<#adapter, #ty_tokens, _>(#value))
            }
            None => quote!(<#ty_tokens as ::serde::Deserialize>::deserialize(#value)),
        }
    }

    /// `::serde::Serialize::serialize(value, serializer)` for a variant of type `ty`, through the
    /// `time` adapter where `ty` holds a `time` type.
    fn serialize_call(&self, ty: &Ty, value: TokenStream, serializer: TokenStream) -> TokenStream {
        match self.time_adapter(ty) {
            Some(adapter) => {
                quote!(support::__time::serialize::<#adapter, _, _>(#value, #serializer))
            }
            None => quote!(::serde::Serialize::serialize(#value, #serializer)),
        }
    }

    /// The tokens of a reference made from inside type `owner` (boxed where it closes a cycle).
    fn type_ref(&self, owner: TypeId, ty: &TypeRef) -> TokenStream {
        self.ty(&self.view.reference(owner, ty))
    }

    fn note(&self, f: impl FnOnce(&mut Uses)) {
        let mut uses = self.uses.get();
        f(&mut uses);
        self.uses.set(uses);
    }

    fn use_json(&self) {
        self.note(|u| u.json = true);
    }
}

/// The serde adapter of the support module `module` (`__time`, or `my_models::__time` from outside
/// the crate) that a value of type `ty` needs for the `time` types inside it; `None` when there is
/// none. Aliases are followed.
pub(crate) fn time_adapter(view: &View, ty: &Ty, module: &TokenStream) -> Option<TokenStream> {
    time_adapter_within(view, ty, module, 0)
}

fn time_adapter_within(view: &View, ty: &Ty, m: &TokenStream, depth: usize) -> Option<TokenStream> {
    let inner = |t: &Ty| time_adapter_within(view, t, m, depth + 1);
    let or_same = |t: &Ty| inner(t).unwrap_or_else(|| quote!(#m::Same));
    match ty {
        Ty::OffsetDateTime => Some(quote!(#m::Rfc3339)),
        Ty::TimeDate => Some(quote!(#m::Day)),
        // A chain of aliases longer than the model is a cycle; `Model::check` reports those.
        Ty::Named(id) if depth <= view.model.types.len() => inner(&view.alias_target(*id)?),
        Ty::Named(_) => None,
        Ty::Boxed(t) => inner(t).map(|a| quote!(#m::BoxOf<#a>)),
        Ty::Vec(t) => inner(t).map(|a| quote!(#m::VecOf<#a>)),
        Ty::Map(t) => inner(t).map(|a| quote!(#m::MapOf<#a>)),
        Ty::Option(t) => inner(t).map(|a| quote!(#m::OptionOf<#a>)),
        Ty::Nullable(t) => inner(t).map(|a| quote!(#m::NullableOf<#a>)),
        Ty::Tuple(items) => items.iter().any(|t| inner(t).is_some()).then(|| {
            let name = naming::ident(&format!("Tuple{}", items.len()));
            let adapters = items.iter().map(or_same);
            quote!(#m::#name<#(#adapters),*>)
        }),
        Ty::String
        | Ty::Uuid
        | Ty::DateTime(_)
        | Ty::Date
        | Ty::Bool
        | Ty::I32
        | Ty::I64
        | Ty::F32
        | Ty::F64
        | Ty::JsonMap
        | Ty::Value => None,
    }
}

/// The score clippy's `type_complexity` lint gives `ty` written at nesting `nest` (1 at the top): ten
/// times the nesting for each path, tuple or array, its generic arguments one level deeper.
fn complexity(ty: &Ty, nest: u64) -> u64 {
    let here = 10 * nest;
    let inner = |t: &Ty| complexity(t, nest + 1);
    match ty {
        Ty::Named(_)
        | Ty::OffsetDateTime
        | Ty::TimeDate
        | Ty::String
        | Ty::Uuid
        | Ty::Date
        | Ty::Bool
        | Ty::I32
        | Ty::I64
        | Ty::F32
        | Ty::F64
        | Ty::Value => here,
        Ty::DateTime(_) => here + 10 * (nest + 1),
        Ty::Boxed(t) | Ty::Vec(t) | Ty::Option(t) | Ty::Nullable(t) => here + inner(t),
        Ty::Map(t) => here + 10 * (nest + 1) + inner(t),
        Ty::JsonMap => here + 20 * (nest + 1),
        Ty::Tuple(items) if items.is_empty() => here + 10 * (nest + 1),
        Ty::Tuple(items) => here + items.iter().map(inner).sum::<u64>(),
    }
}

/// For each type, whether its items name something deprecated: the type itself, one of its fields,
/// or a type it refers to.
fn deprecated_users(model: &Model) -> Vec<bool> {
    let deprecated: Vec<bool> = model.types.iter().map(|t| t.deprecated).collect();
    model
        .types
        .iter()
        .map(|def| {
            let mut named = Vec::new();
            for r in crate::rust::direct_refs(def) {
                collect_named(r, &mut named);
            }
            def.deprecated
                || named.iter().any(|id| deprecated[id.0])
                || matches!(&def.kind, TypeKind::Struct(s) if s.fields.iter().any(|f| f.deprecated))
        })
        .collect()
}

/// The lengths of the tuples the model uses.
fn tuple_arities(model: &Model) -> BTreeSet<usize> {
    fn walk(ty: &TypeRef, out: &mut BTreeSet<usize>) {
        match ty {
            // A long tuple is a `Vec` of JSON values.
            TypeRef::Tuple(items) if items.len() > crate::rust::MAX_TUPLE => {}
            TypeRef::Tuple(items) => {
                out.insert(items.len());
                items.iter().for_each(|t| walk(t, out));
            }
            TypeRef::Array(t) | TypeRef::Map(t) | TypeRef::Nullable(t) => walk(t, out),
            TypeRef::Named(_) | TypeRef::Primitive(_) | TypeRef::Object | TypeRef::Any => {}
        }
    }
    let mut out = BTreeSet::new();
    for def in &model.types {
        for r in crate::rust::direct_refs(def) {
            walk(r, &mut out);
        }
    }
    out
}

/// Every named type a reference mentions in the Rust code, at any depth.
fn collect_named(ty: &TypeRef, out: &mut Vec<TypeId>) {
    match ty {
        TypeRef::Named(id) => out.push(*id),
        TypeRef::Array(t) | TypeRef::Map(t) | TypeRef::Nullable(t) => collect_named(t, out),
        // A long tuple is a `Vec` of JSON values: it names no type.
        TypeRef::Tuple(items) if items.len() > crate::rust::MAX_TUPLE => {}
        TypeRef::Tuple(items) => items.iter().for_each(|t| collect_named(t, out)),
        TypeRef::Primitive(_) | TypeRef::Object | TypeRef::Any => {}
    }
}

/// The name of an enum's or union's catch-all variant: `Unknown`, unless a listed value took it.
fn fallback_name(taken: &[String]) -> Ident {
    let name = ["Unknown", "UnknownValue", "Other"]
        .into_iter()
        .find(|n| !taken.iter().any(|t| t == n))
        .map(str::to_owned)
        .unwrap_or_else(|| {
            let mut n = 2;
            while taken.iter().any(|t| *t == format!("Unknown{n}")) {
                n += 1;
            }
            format!("Unknown{n}")
        });
    naming::ident(&name)
}

#[cfg(test)]
mod tests {
    use super::{in_order, EmitError, BLOCK};

    fn fail(i: usize) -> EmitError {
        EmitError::general(format!("item {i}"))
    }

    #[test]
    fn in_order_keeps_the_order_whatever_the_threads() {
        for threads in [1, 2, 3, 8, 64] {
            for n in [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 10 * BLOCK + 3] {
                let (items, ends) =
                    in_order(n, threads, || (), |(), i| Ok(i * 2), |()| ()).unwrap();
                assert_eq!(items, (0..n).map(|i| i * 2).collect::<Vec<_>>());
                assert!(!ends.is_empty() && ends.len() <= threads.min(8));
            }
        }
    }

    #[test]
    fn in_order_reports_the_first_failure_in_order() {
        // Items fail in several blocks; some take long, so the later ones are met first.
        let failing = [3 * BLOCK + 5, 3 * BLOCK + 9, 7 * BLOCK, 20 * BLOCK + 1];
        for threads in [1, 2, 4] {
            for _ in 0..20 {
                let result = in_order(
                    30 * BLOCK,
                    threads,
                    || (),
                    |(), i| {
                        if i < 4 * BLOCK && i % 7 == 0 {
                            std::thread::sleep(std::time::Duration::from_micros(50));
                        }
                        if failing.contains(&i) {
                            Err(fail(i))
                        } else {
                            Ok(i)
                        }
                    },
                    |()| (),
                );
                assert_eq!(result.unwrap_err(), fail(3 * BLOCK + 5));
            }
        }
    }

    #[test]
    fn in_order_gives_each_thread_its_own_state() {
        let (items, ends) = in_order(
            100 * BLOCK,
            2,
            || std::cell::Cell::new(0usize),
            |count, i| {
                count.set(count.get() + 1);
                Ok(i)
            },
            std::cell::Cell::into_inner,
        )
        .unwrap();
        assert_eq!(items.len(), 100 * BLOCK);
        assert_eq!(ends.iter().sum::<usize>(), 100 * BLOCK);
    }
}
