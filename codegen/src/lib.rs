//! Generates Rust data models (serde structs and enums) from API descriptions: OpenAPI 3.x and
//! Swagger 2.0 specs, in YAML or JSON, one file or many joined by `$ref`s, and the markdown model docs
//! that openapi-generator writes for its SDKs.
//!
//! Use it from a build script as you would prost-build. In `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! serde = "1"
//! serde_json = "1"
//! uuid = { version = "1", features = ["serde"] }      # if the spec uses format: uuid
//! chrono = { version = "0.4", features = ["serde"] }  # if the spec uses date or date-time
//!
//! [build-dependencies]
//! modelgen = "0.1"
//! ```
//!
//! In `build.rs`:
//!
//! ```no_run
//! let result = modelgen::Config::new()
//!     .input("spec/openapi.yaml")
//!     // Where real payloads contradict the spec (say why, with the evidence):
//!     .replace_field_type("task", "output", "any")
//!     .build(); // writes $OUT_DIR/models.rs; reruns when a file it read changes
//! if let Err(error) = result {
//!     eprintln!("{error}"); // every problem, with file, line and column
//!     std::process::exit(1);
//! }
//! ```
//!
//! And in the crate: `include!(concat!(env!("OUT_DIR"), "/models.rs"));`.
//!
//! [`Config::generate`] returns the code without writing anything, for tests and tools:
//!
//! ```no_run
//! let generated = modelgen::Config::new().input("spec/openapi.yaml").generate()?;
//! println!("{} types, {} lines", generated.model.types.len(), generated.code.lines().count());
//! for warning in &generated.warnings {
//!     eprintln!("{warning}");
//! }
//! # Ok::<(), modelgen::Error>(())
//! ```
//!
//! What the generated code looks like, and every choice [`Config`] offers, is in the README; the
//! `modelgen` command line offers the same choices, plus `diff` (what changed between two versions
//! of a spec) and `ir` (the [`ir::Model`] as JSON).
//!
//! # Errors
//!
//! Every problem in the input is reported at once, each as a [`Diagnostic`] naming the file and the
//! line and column (or JSON pointer) where it is; [`Error`] prints them one per line. Nothing is
//! written when there is an error.
//!
//! # Stability
//!
//! Within a minor version of the generator, the same input and configuration give the same names and
//! types; see the README's section on semver for what may change between versions. Only the items
//! documented here are public API.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// The public API is `Config` and what its methods take and return, the diagnostics, and the IR
// (`ir`, the data `modelgen ir` prints). The other modules are public only for the CLI, the
// project's tests and tools: hidden from the docs and outside the semver promise.
#[cfg(feature = "markdown")]
#[doc(hidden)]
pub mod crosscheck;
mod diagnostic;
#[cfg(feature = "diff")]
#[doc(hidden)]
pub mod diff;
#[doc(hidden)]
pub mod emit;
#[doc(hidden)]
pub mod examples;
mod hash;
#[doc(hidden)]
pub mod input;
pub mod ir;
#[doc(hidden)]
pub mod naming;
mod overrides;
#[doc(hidden)]
pub mod rust;
#[doc(hidden)]
pub mod select;
#[doc(hidden)]
pub mod split;
#[doc(hidden)]
pub mod text;
#[doc(hidden)]
pub mod write;

pub use diagnostic::{Diagnostic, Error, Location, Result};
#[doc(hidden)]
pub use emit::Options;
pub use emit::{DateLibrary, DateTimeType, FloatType, OptionalStyle, Uses, UuidType};
pub use overrides::{Override, Target, UnknownFields};

/// The result of a generation.
#[derive(Clone, Debug)]
pub struct Generated {
    /// The formatted Rust code.
    pub code: String,
    /// Where the code of each type of [`Generated::model`] lies in [`Generated::code`], in the
    /// model's order; what comes before the first is the header and the support code.
    pub items: Vec<std::ops::Range<usize>>,
    /// Every input file read: a build script reruns when one of them changes.
    pub files: Vec<PathBuf>,
    /// The crates the code needs besides `serde`.
    pub uses: Uses,
    /// The test-support file of [`Config::round_trip_file`], when asked for.
    pub round_trip: Option<String>,
    /// The model the code was generated from (after overrides).
    pub model: ir::Model,
    /// How long each stage took, in order.
    pub stages: Vec<Stage>,
    /// What the input could not express exactly (a type the docs name but do not include, an example that contradicts its schema).
    pub warnings: Vec<Diagnostic>,
}

/// One stage of a generation and its duration (`modelgen generate --verbose` prints them).
#[derive(Clone, Debug)]
pub struct Stage {
    /// What the stage does.
    pub name: &'static str,
    /// How long it took.
    pub time: Duration,
}

/// What to generate from, and how. Setters take and return `&mut Self`, so calls chain.
///
/// The input is bounded (document nesting, `$ref` chains, schemas nested inline, file size and
/// count, …) by the constants of [`input::limits`], which are not configurable: each is far above
/// what real specs reach, and input past one is an error naming the file and the place.
#[derive(Clone, Debug)]
pub struct Config {
    input: Option<PathBuf>,
    overrides: Vec<Override>,
    unknown_fields: UnknownFields,
    options: Options,
    file_name: String,
    round_trip_file: Option<String>,
    input_options: input::Options,
    only: Vec<select::Selector>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            input: None,
            overrides: Vec::new(),
            unknown_fields: UnknownFields::AsDeclared,
            options: Options::default(),
            file_name: "models.rs".to_owned(),
            round_trip_file: None,
            input_options: input::Options::default(),
            only: Vec::new(),
        }
    }
}

impl Config {
    /// A configuration with no input yet.
    pub fn new() -> Self {
        Config::default()
    }

    /// The API description to read: an OpenAPI file (YAML or JSON; other files it `$ref`s are read
    /// too), or openapi-generator model docs (a directory of them, or one doc).
    pub fn input(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.input = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the type of field `field` (its JSON name) of type `type_name` (source or Rust name) by
    /// the type expression `ty` (see [`Override::ty`]).
    pub fn replace_field_type(&mut self, type_name: &str, field: &str, ty: &str) -> &mut Self {
        self.overrides.push(Override {
            target: Target::Field(type_name.to_owned(), field.to_owned()),
            ty: ty.to_owned(),
            reason: None,
        });
        self
    }

    /// Replaces the whole type `type_name` by the type expression `ty`.
    pub fn replace_type(&mut self, type_name: &str, ty: &str) -> &mut Self {
        self.overrides.push(Override {
            target: Target::Type(type_name.to_owned()),
            ty: ty.to_owned(),
            reason: None,
        });
        self
    }

    /// Adds a replacement with its reason, which the generated docs quote.
    pub fn replace(&mut self, o: Override) -> &mut Self {
        self.overrides.push(o);
        self
    }

    /// Keeps the properties that type `type_name`'s schema does not list, in a flattened
    /// `additional_properties` map, so they survive a round trip. Repeatable.
    pub fn keep_unknown_fields(&mut self, type_name: &str) -> &mut Self {
        match &mut self.unknown_fields {
            UnknownFields::Types(names) => names.push(type_name.to_owned()),
            UnknownFields::All => {}
            UnknownFields::AsDeclared => {
                self.unknown_fields = UnknownFields::Types(vec![type_name.to_owned()])
            }
        }
        self
    }

    /// The Rust type of `format: date-time` (default: `DateTime<FixedOffset>`, which keeps offsets).
    pub fn date_time(&mut self, ty: DateTimeType) -> &mut Self {
        self.options.date_time = ty;
        self
    }

    /// Where dates and date-times come from: chrono (default), the `time` crate, or `String`s kept
    /// as sent (see [`DateLibrary`]). [`Config::date_time`] chooses among chrono's date-times.
    pub fn dates(&mut self, library: DateLibrary) -> &mut Self {
        self.options.dates = library;
        self
    }

    /// The Rust type of `format: uuid`: `uuid::Uuid` (default) or `String` (see [`UuidType`]).
    pub fn uuid(&mut self, ty: UuidType) -> &mut Self {
        self.options.uuid = ty;
        self
    }

    /// How every optional field is represented: `Nullable<T>` (default; absent, `null` and a value
    /// stay apart) or `Option<T>` (absent and `null` both read as `None`; `None` is left out when
    /// written). A required nullable field is an `Option<T>` either way.
    ///
    /// ```no_run
    /// modelgen::Config::new()
    ///     .input("spec/openapi.yaml")
    ///     .optional(modelgen::OptionalStyle::Option)
    ///     // A PATCH body must tell "clear it" (null) from "leave it" (absent):
    ///     .optional_for("applicant_updater", modelgen::OptionalStyle::Nullable)
    ///     .build()
    ///     .unwrap();
    /// ```
    pub fn optional(&mut self, style: OptionalStyle) -> &mut Self {
        self.options.optional.style = style;
        self
    }

    /// The style of the optional fields of one struct (`"Type"`, by source or Rust name) or of one
    /// field (`"Type.field"`, the field by its JSON name), instead of the crate's
    /// ([`Config::optional`]). A field's own choice beats its type's. Repeatable; a name that is not
    /// in the input is an error.
    pub fn optional_for(&mut self, target: &str, style: OptionalStyle) -> &mut Self {
        let target = match target.split_once('.') {
            Some((type_name, field)) => Target::Field(type_name.to_owned(), field.to_owned()),
            None => Target::Type(target.to_owned()),
        };
        self.options.optional.exceptions.push((target, style));
        self
    }

    /// The choices of Rust types made so far (for [`diff::Options::types`], so that a diff shows
    /// fields as the code generated with this configuration has them).
    pub fn type_options(&self) -> rust::TypeOptions {
        self.options.types()
    }

    /// Generates only what `selector` selects and the types it reaches: a schema (`schema=NAME`, by
    /// source or Rust name), the operations of a tag (`tag=NAME`), an operation (`operation=ID`), the
    /// operations of a path (`path=/v1/customers/{customer}`, or `path=/v1/customers*` for the paths
    /// under it), or a bare name (a schema, else an operation id, else a tag). Repeatable; without
    /// it, everything is generated. A selector that matches nothing is an error.
    ///
    /// ```no_run
    /// // build.rs: a Stripe user who needs charges and customers compiles those.
    /// modelgen::Config::new()
    ///     .input("spec3.yaml")
    ///     .only("tag=Charges")
    ///     .only("customer")
    ///     .build()
    ///     .unwrap();
    /// ```
    pub fn only(&mut self, selector: &str) -> &mut Self {
        self.only.push(select::Selector::parse(selector));
        self
    }

    /// The Rust type of `type: number, format: float` (default: `f64`, which writes back the number
    /// the API sent; `f32` halves the memory but shows its rounding once converted to `f64`).
    pub fn float(&mut self, ty: FloatType) -> &mut Self {
        self.options.float = ty;
        self
    }

    /// The path of the crate the generated code is compiled in (`my_models`). With it, each schema
    /// example becomes a doctest that reads it and writes it back, so `cargo test` checks the spec's
    /// examples against the models; without it, examples are shown as JSON.
    pub fn doctest_crate(&mut self, path: &str) -> &mut Self {
        self.options.doctest_crate = Some(path.to_owned());
        self
    }

    /// Emits the `Validate` trait: `value.validate()` lists every broken constraint of the spec
    /// (lengths, patterns, ranges, item counts, unlisted enum values) with its path. Off by default;
    /// deserializing never validates either way.
    pub fn validation(&mut self, on: bool) -> &mut Self {
        self.options.validation = on;
        self
    }

    /// Also writes, beside the models, a test-support file named `name` with functions that read JSON
    /// as the type of a schema given by name (`round_trip`, `validate`, `TYPE_NAMES`; see
    /// [`emit::round_trip_dispatch`]), for tests that make instances from the spec itself. Needs
    /// [`Config::doctest_crate`], the path the file names the models by.
    pub fn round_trip_file(&mut self, name: &str) -> &mut Self {
        self.round_trip_file = Some(name.to_owned());
        self
    }

    /// Keeps unlisted properties in every struct (see [`Config::keep_unknown_fields`]).
    pub fn keep_all_unknown_fields(&mut self) -> &mut Self {
        self.unknown_fields = UnknownFields::All;
        self
    }

    /// Model docs only: what the docs do not say (a model they link to but do not include, a type
    /// spelling the reader does not know, a doc that lists nothing) is an error, instead of
    /// `serde_json::Value` with a warning. Off by default.
    pub fn strict(&mut self, on: bool) -> &mut Self {
        self.input_options.strict = on;
        self
    }

    /// The file name [`Config::build`] writes in `OUT_DIR` (default `models.rs`).
    pub fn out_file_name(&mut self, name: &str) -> &mut Self {
        self.file_name = name.to_owned();
        self
    }

    fn input_path(&self) -> Result<&Path> {
        self.input.as_deref().ok_or_else(|| {
            Error::one(Diagnostic::new(
                "<config>",
                "no input: call `Config::input` first",
            ))
        })
    }

    /// Reads the input and applies the overrides, without generating code.
    #[doc(hidden)]
    pub fn load(&self) -> Result<input::Loaded> {
        let path = self.input_path()?;
        input::on_big_stack(|| {
            let (mut loaded, problems) = input::load_lenient(path, &self.input_options)?;
            self.correct(&mut loaded, problems, path)?;
            Ok(loaded)
        })
    }

    /// Applies the replacements, the unknown-fields choice and the selection (`only`) to a freshly
    /// read model, then checks it. A problem the reader found in a type (or field) that a
    /// replacement replaced, or that the selection leaves out, is moot; any other is an error.
    fn correct(
        &self,
        loaded: &mut input::Loaded,
        problems: Vec<input::openapi::Problem>,
        path: &Path,
    ) -> Result<()> {
        let source = path.display().to_string();
        let model = &mut loaded.model;
        overrides::apply(model, &self.overrides, &source)?;
        overrides::keep_unknown_fields(model, &self.unknown_fields, &source)?;
        let targets: Vec<&Target> = self
            .options
            .optional
            .exceptions
            .iter()
            .map(|(t, _)| t)
            .collect();
        overrides::check_targets(model, &targets, "optional", &source)?;
        let replaced = overrides::replaced(model, &self.overrides);
        let kept = select::kept(model, &loaded.operations, &self.only, &source)?;
        let left: Vec<Diagnostic> = problems
            .into_iter()
            .filter(|p| {
                // A problem inside a type that `only` leaves out does not matter either.
                let dropped = match (&kept, p.within.first()) {
                    (Some(kept), Some((id, _))) => !kept.get(id.0).copied().unwrap_or(true),
                    _ => false,
                };
                !dropped
                    && !p.within.iter().any(|(id, field)| {
                        replaced.contains(&(*id, None))
                            || field
                                .as_ref()
                                .is_some_and(|f| replaced.contains(&(*id, Some(f.clone()))))
                    })
            })
            .map(|p| p.diagnostic)
            .collect();
        if !left.is_empty() {
            return Err(Error { diagnostics: left });
        }
        if let Some(kept) = &kept {
            model.retain(kept);
            loaded.operations.clear();
        }
        // A replacement may point a field at a nullable type: record that at the use again.
        model.normalize();
        let wrong: Vec<Diagnostic> = model
            .check()
            .into_iter()
            .map(|(id, message)| at_origin(&model.get(id).origin, message))
            .collect();
        if wrong.is_empty() {
            Ok(())
        } else {
            Err(Error { diagnostics: wrong })
        }
    }

    /// Generates the code in memory. Touches no file but the inputs.
    pub fn generate(&self) -> Result<Generated> {
        let path = self.input_path()?;
        self.generate_with(path, || input::load_lenient(path, &self.input_options))
    }

    /// Like [`Config::generate`], from spec files held in memory (the first is the root; `$ref`s reach
    /// only the others, by their paths as given). The input set by [`Config::input`] is ignored. For
    /// fuzzing and tests.
    #[doc(hidden)]
    pub fn generate_spec_in_memory(&self, files: &[(PathBuf, String)]) -> Result<Generated> {
        let root = files
            .first()
            .map_or(Path::new("<memory>"), |(p, _)| p.as_path());
        self.generate_with(root, || input::openapi::load_lenient_from_memory(files))
    }

    /// Like [`Config::generate`], from model docs held in memory. For fuzzing and tests.
    #[cfg(feature = "markdown")]
    #[doc(hidden)]
    pub fn generate_docs_in_memory(&self, docs: Vec<input::markdown::Source>) -> Result<Generated> {
        let root = docs
            .first()
            .map_or_else(|| PathBuf::from("<memory>"), |d| d.path.clone());
        let options = input::markdown::Options {
            dialect: None,
            strict: self.input_options.strict,
        };
        self.generate_with(&root, || {
            let loaded = input::markdown::from_sources(docs, &options)?.into_loaded();
            Ok((loaded, Vec::new()))
        })
    }

    /// Loads with `load` and generates, on a thread with a stack the input limits fit in (see
    /// [`input::limits::STACK_BYTES`]).
    fn generate_with(
        &self,
        path: &Path,
        load: impl FnOnce() -> Result<(input::Loaded, Vec<input::openapi::Problem>)> + Send,
    ) -> Result<Generated> {
        input::on_big_stack(|| self.generate_here(path, load))
    }

    fn generate_here(
        &self,
        path: &Path,
        load: impl FnOnce() -> Result<(input::Loaded, Vec<input::openapi::Problem>)>,
    ) -> Result<Generated> {
        let source = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut stages = Vec::new();
        let mut clock = Instant::now();
        let mut lap = |name: &'static str| {
            stages.push(Stage {
                name,
                time: clock.elapsed(),
            });
            clock = Instant::now();
        };
        if self.options.dates != DateLibrary::Chrono
            && self.options.date_time != DateTimeType::default()
        {
            return Err(Error::one(Diagnostic::new(
                "<config>",
                "`date_time` chooses among chrono's date-times: it needs `DateLibrary::Chrono` (`--dates chrono`)",
            )));
        }
        let (mut loaded, problems) = load()?;
        lap("load (read, parse, resolve $refs, lower to IR)");
        self.correct(&mut loaded, problems, path)?;
        lap("overrides and checks");
        loaded.warnings.extend(examples::warnings(&loaded.model));
        if self.options.validation {
            loaded
                .warnings
                .extend(emit::unsupported_patterns(&loaded.model));
        }
        lap("check examples and patterns");
        let (code, items, uses) = generate_normalized(&mut loaded.model, &self.options, &source)?;
        lap("emit and format (prettyplease), on every core");
        let round_trip = match (&self.round_trip_file, &self.options.doctest_crate) {
            (None, _) => None,
            (Some(_), Some(krate)) => Some(render(
                emit::round_trip_dispatch(&loaded.model, &self.options, krate),
                &source,
            )?),
            (Some(_), None) => return Err(Error::one(Diagnostic::new(
                "<config>",
                "`round_trip_file` needs `doctest_crate`: the file names the models by their crate",
            ))),
        };
        Ok(Generated {
            code,
            items,
            round_trip,
            files: loaded.files,
            uses,
            model: loaded.model,
            stages,
            warnings: loaded.warnings,
        })
    }

    /// Generates and writes the code to `path` (atomically, and only if its bytes change).
    pub fn write(&self, path: &Path) -> Result<Generated> {
        let generated = self.generate()?;
        write::write_if_changed(path, &generated.code)?;
        Ok(generated)
    }

    /// For build scripts: writes the code to `$OUT_DIR/models.rs` (see [`Config::out_file_name`])
    /// and tells Cargo to rerun when any input file changes.
    pub fn build(&self) -> Result<Generated> {
        let out_dir = std::env::var_os("OUT_DIR")
            .map(PathBuf::from)
            .ok_or_else(|| {
                Error::one(Diagnostic::new(
                    "<env>",
                    "OUT_DIR is not set: `build` is for build scripts",
                ))
            })?;
        // Print the inputs first, so a failing spec is still watched and fixed on the next build.
        if let Some(input) = &self.input {
            println!("cargo:rerun-if-changed={}", input.display());
        }
        let generated = self.generate()?;
        for file in &generated.files {
            println!("cargo:rerun-if-changed={}", file.display());
        }
        for warning in &generated.warnings {
            // Cargo shows one line per `cargo:warning`.
            for line in warning.to_string().lines() {
                println!("cargo:warning={line}");
            }
        }
        write::write_if_changed(&out_dir.join(&self.file_name), &generated.code)?;
        if let (Some(name), Some(code)) = (&self.round_trip_file, &generated.round_trip) {
            write::write_if_changed(&out_dir.join(name), code)?;
        }
        Ok(generated)
    }
}

/// Generates formatted code for a model; `source` names the input in the header comment. The model
/// is normalized first ([`ir::Model::normalize`], which readers do already: an IR built by hand may
/// not be). A model that [`ir::Model::check`] rejects is an error (with each problem and its type),
/// never a panic.
#[doc(hidden)]
pub fn generate_model(
    model: &ir::Model,
    options: &Options,
    source: &str,
) -> Result<(String, Uses)> {
    // A model from the readers is normalized and checked already; one built by hand may be neither
    // (a type that does not exist), which the emitter does not expect.
    generate_normalized(&mut model.clone(), options, source).map(|(code, _, uses)| (code, uses))
}

/// [`generate_model`] on a model it may normalize in place (the readers' own, already normalized:
/// normalizing again changes nothing, and saves copying it).
fn generate_normalized(
    model: &mut ir::Model,
    options: &Options,
    source: &str,
) -> Result<(String, Vec<std::ops::Range<usize>>, Uses)> {
    model.normalize();
    let model = &*model;
    let broken: Vec<Diagnostic> = model
        .check()
        .into_iter()
        .map(|(id, message)| match model.types.get(id.0) {
            Some(def) if !def.origin.is_empty() => at_origin(&def.origin, message),
            // A model built by hand may say nowhere where its types come from.
            def => Diagnostic::new(
                source,
                format!("`{}`: {message}", def.map_or("?", |t| t.name.as_str())),
            ),
        })
        .collect();
    if !broken.is_empty() {
        return Err(Error {
            diagnostics: broken,
        });
    }
    let (texts, uses) = emit::emit_formatted(model, options).map_err(|e| {
        Error::one(match &e.origin {
            Some(origin) => at_origin(origin, e.message),
            None => Diagnostic::new(source, e.message),
        })
    })?;
    let (code, items) = with_header(&texts, model.types.len(), source);
    Ok((code, items, uses))
}

/// A diagnostic at a type's origin, as the IR records it: `file#/pointer` for a spec,
/// `file:line` for a doc.
fn at_origin(origin: &str, message: impl Into<String>) -> Diagnostic {
    if !origin.contains('#') {
        if let Some((file, line)) = origin.rsplit_once(':') {
            if let Ok(line) = line.parse::<usize>() {
                let mut d = Diagnostic::new(file, message);
                d.location.line = Some(line);
                return d;
            }
        }
    }
    let (file, pointer) = origin.split_once('#').unwrap_or((origin, ""));
    let mut d = Diagnostic::new(file, message);
    if !pointer.is_empty() || origin.contains('#') {
        d = d.at_pointer(format!("#{pointer}"));
    }
    d
}

/// Formats tokens as a Rust file with a header naming the generator and the input.
#[doc(hidden)]
pub fn render(tokens: proc_macro2::TokenStream, source: &str) -> Result<String> {
    let body = emit::format_items(tokens).map_err(|e| {
        Error::one(Diagnostic::new(
            source,
            format!("internal error: generated code does not parse: {e}"),
        ))
    })?;
    Ok(with_header(&[body], 0, source).0)
}

/// The file of `texts` (the support code, if any, then the code of each of `types` types) under a
/// header naming the generator and the input, and where each type's code lies in it.
fn with_header(
    texts: &[String],
    types: usize,
    source: &str,
) -> (String, Vec<std::ops::Range<usize>>) {
    let head = format!(
        "// @generated by modelgen {} from {source}. Do not edit: change the input and regenerate.\n\n",
        env!("CARGO_PKG_VERSION")
    );
    // One allocation for the whole file: on big specs it is tens of megabytes.
    let len = head.len() + texts.iter().map(|t| t.len() + 1).sum::<usize>();
    let mut code = String::with_capacity(len);
    code.push_str(&head);
    let first_type = texts.len().saturating_sub(types);
    let mut items = Vec::with_capacity(types);
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            code.push('\n');
        }
        let start = code.len();
        code.push_str(text);
        if i >= first_type {
            items.push(start..code.len());
        }
    }
    (code, items)
}
