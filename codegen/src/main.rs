//! The `modelgen` command line: generate Rust models from an API description.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use lexopt::prelude::*;

const USAGE: &str = "\
modelgen: Rust data models from OpenAPI 3.x and Swagger 2.0 specs and openapi-generator model docs

INPUT is an OpenAPI 3.0/3.1 or Swagger 2.0 file (YAML or JSON; files it `$ref`s are read too), or a
directory of openapi-generator markdown model docs (`docs/`, any SDK language), or one such `.md` file.

Usage:
  modelgen generate <INPUT> --out <FILE.rs> [OPTIONS]
  modelgen generate <INPUT> --crate <DIR> [--name <NAME>] [OPTIONS]
  modelgen check <INPUT>
  modelgen ir <INPUT>
  modelgen diff <OLD> <NEW> [--format text|json] [--fail-on breaking|any|never]
  modelgen crosscheck <DOCS> <SPEC> [--fail-on-disagreement]
  modelgen help [COMMAND]

Commands:
  generate   Read INPUT and write the models as one Rust file or as a complete crate
  check      Read INPUT and report its problems, writing nothing
  ir         Print the model read from INPUT as JSON
  diff       Show how the models change from OLD to NEW, and which changes break users
  crosscheck Compare the models of SDK markdown docs with those of a spec for the same API

Run `modelgen <COMMAND> --help` for the options of a command.
";

const GENERATE_USAGE: &str = "\
modelgen generate: read an API description and write Rust models

Usage:
  modelgen generate <INPUT> --out <FILE.rs> [OPTIONS]
  modelgen generate <INPUT> --crate <DIR> [--name <NAME>] [OPTIONS]

INPUT is an OpenAPI 3.0/3.1 or Swagger 2.0 file, YAML or JSON (files it `$ref`s are read too), or
openapi-generator markdown model docs: a directory of them, or one doc (a file is read as a doc or a
spec by its content, whatever its extension).

Output (one of):
  --out <FILE.rs>      Write the models as one file, as a build script would (for `include!`)
  --crate <DIR>        Write a crate: DIR/Cargo.toml (exactly the dependencies the code needs) and
                       DIR/src/lib.rs
  --name <NAME>        The crate's package name (default: DIR's file name)
  --parts <N>          With --crate: split the models into N crates (DIR/parts/NAME-part-K) that
                       DIR's crate re-exports, so rustc checks each apart: less memory per process
                       on specs of thousands of types. The spec's examples stay JSON in the docs,
                       not doctests

Options:
  --replace-field <TYPE.FIELD=TYPE>
                       Replace the type of a field where the spec is wrong, e.g.
                       --replace-field 'task.output=any'. TYPE is any, object, string, uuid,
                       date-time, date, uri, byte, binary, boolean, integer, int32, number, float,
                       [T] (array), {T} (map), or a type name of the spec. Repeatable.
  --replace-type <TYPE=TYPE>
                       Replace a whole type by another. Repeatable.
  --keep-unknown-fields <TYPE>
                       Keep the properties TYPE's schema does not list in a flattened map, so they
                       survive a round trip. Repeatable; `--keep-unknown-fields '*'` for every struct.
  --date-time <fixed-offset|utc>
                       The Rust type of `format: date-time`: chrono's DateTime<FixedOffset>, which
                       keeps the offset as sent (default), or DateTime<Utc>
  --dates <chrono|time|string>
                       Where `format: date` and `date-time` come from: chrono (default; see
                       --date-time), the time crate (time::OffsetDateTime as RFC 3339, which keeps
                       the instant and offset but writes `Z` for +00:00 and no trailing zeros in
                       fractions; time::Date as YYYY-MM-DD), or String (the text as sent)
  --uuid <uuid|string> The Rust type of `format: uuid`: uuid::Uuid (default) or String
  --optional <nullable|option>
                       Optional fields are Nullable<T> (default: absent, null and a value stay
                       apart) or Option<T> (absent and null read as None; None is not written)
  --optional-for <TYPE[.FIELD]=nullable|option>
                       The style of the optional fields of one struct, or of one field (JSON
                       name), instead of --optional's. Repeatable
  --only <SELECTOR>    Generate only this and the types it reaches: schema=NAME, tag=NAME,
                       operation=ID, path=PATH (path=/v1/x* for the paths under it), or a bare name
                       (a schema, else an operation id, else a tag). Repeatable
  --float <f64|f32>    The Rust type of `format: float`: f64 (default), which writes back the number
                       as sent, or f32
  --validation         Also emit the `Validate` trait, which checks the spec's constraints on demand
  --strict             Docs only: stop on what the docs do not say (a model they link to but do not
                       include, a type spelling not understood, a doc that lists nothing) instead of
                       reading it as serde_json::Value with a warning
  -v, --verbose        Print the time of each stage (load, overrides, emit, format) and counts
  -h, --help           Show this help

Options are given as flags only (no configuration file): a build script sets the same options
through `modelgen::Config`.

On failure nothing is written, the problems are printed with file and location, and the exit code
is 1 (2 for a usage error).
";

const CHECK_USAGE: &str = "\
modelgen check: read an API description and report its problems, writing nothing

Usage:
  modelgen check <INPUT> [OPTIONS]

Does everything `generate` does (read, resolve `$ref`s, apply replacements, build the code) except
writing. Prints a one-line summary and exits 0 when INPUT is fine; prints every problem with its file
and location and exits 1 when it is not.

Options:
  --replace-field <TYPE.FIELD=TYPE>, --replace-type <TYPE=TYPE>, --keep-unknown-fields <TYPE>
                       As for `generate`. Repeatable.
  --strict             As for `generate`
  -h, --help           Show this help
";

const IR_USAGE: &str = "\
modelgen ir: print the model read from an API description

Usage:
  modelgen ir <INPUT> [OPTIONS]

Prints the intermediate representation every input is read into, after replacements, as pretty
JSON: the named types with their fields, enum values, union variants and aliases. Useful to see how
the generator understood a spec, and to diff two specs with your own tools.

Options:
  --replace-field <TYPE.FIELD=TYPE>, --replace-type <TYPE=TYPE>, --keep-unknown-fields <TYPE>
                       As for `generate`. Repeatable; applied before printing.
  --strict             As for `generate`
  -h, --help           Show this help
";

const DIFF_USAGE: &str = "\
modelgen diff: show how the Rust models change between two versions of an API description

Usage:
  modelgen diff <OLD> <NEW> [OPTIONS]

Types are matched by Rust name and fields by JSON name. Each change is classed for users of the
generated crate: breaking (code may stop compiling, or payloads decode differently: removed or
renamed types and fields, changed types, required <-> optional, new fields, new or removed enum values
and union variants), non-breaking (new types, deprecations, string formats, defaults, read/write
access, validation keywords), or note (reworded descriptions, shown with --notes).

Options:
  --format <text|json> Output format (default: text). JSON is `modelgen::diff::Diff`.
  --fail-on <breaking|any|never>
                       Exit 1 when some change is breaking / when anything changed (notes aside) /
                       never (default: never)
  --notes              Also show reworded descriptions
  --replace-field <TYPE.FIELD=TYPE>, --replace-type <TYPE=TYPE>, --keep-unknown-fields <TYPE>
                       As for `generate`, applied to both OLD and NEW. Repeatable.
  --optional, --optional-for, --dates, --date-time, --uuid, --float
                       The type choices of `generate`, so that fields compare as the generated code
                       has them (with --optional option, optional <-> required nullable keeps the
                       field an Option<T>)
  -h, --help           Show this help

Exit code: 0, or 1 when the --fail-on condition is met; 2 when an input cannot be read or the
command line is wrong.
";

const CROSSCHECK_USAGE: &str = "\
modelgen crosscheck: compare an SDK's markdown model docs with the spec they were generated from

Usage:
  modelgen crosscheck <DOCS> <SPEC> [--fail-on-disagreement]

Reads both, matches models by Rust name and fields by JSON name, and reports every model and field
where they differ: missing model or field, type mismatch, required mismatch. Differences that the
docs cannot express (formats shown as `string`, inline enums, unions flattened into one table, no
nullable marker) are reported apart from real disagreements.

Options:
  --fail-on-disagreement
                       Exit 1 when some model or field truly disagrees
  -h, --help           Show this help
";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}\n\nRun `modelgen --help` for usage.");
            ExitCode::from(2)
        }
        Err(Failure::Input(error)) => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    /// The command line is wrong.
    Usage(String),
    /// The input is wrong, or an output could not be written.
    Input(modelgen::Error),
}

impl From<lexopt::Error> for Failure {
    fn from(e: lexopt::Error) -> Self {
        Failure::Usage(e.to_string())
    }
}

impl From<modelgen::Error> for Failure {
    fn from(e: modelgen::Error) -> Self {
        Failure::Input(e)
    }
}

fn run() -> Result<ExitCode, Failure> {
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next()? {
        Some(Value(command)) => command.string()?,
        Some(Long("help") | Short('h')) | None => {
            print!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Some(Long("version") | Short('V')) => {
            println!("modelgen {}", env!("CARGO_PKG_VERSION"));
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => return Err(other.unexpected().into()),
    };
    match command.as_str() {
        "generate" => generate(&mut parser),
        "check" => check(&mut parser),
        "ir" => ir(&mut parser),
        "diff" => diff(&mut parser),
        "crosscheck" => crosscheck(&mut parser),
        "help" => {
            let topic = parser.next()?;
            match topic {
                Some(Value(c)) if c == "generate" => print!("{GENERATE_USAGE}"),
                Some(Value(c)) if c == "crosscheck" => print!("{CROSSCHECK_USAGE}"),
                Some(Value(c)) if c == "check" => print!("{CHECK_USAGE}"),
                Some(Value(c)) if c == "ir" => print!("{IR_USAGE}"),
                Some(Value(c)) if c == "diff" => print!("{DIFF_USAGE}"),
                _ => print!("{USAGE}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Failure::Usage(format!("unknown command `{other}`"))),
    }
}

/// `nullable` or `option`, the value of `option`.
fn optional_style(option: &str, text: &str) -> Result<modelgen::OptionalStyle, Failure> {
    match text {
        "nullable" => Ok(modelgen::OptionalStyle::Nullable),
        "option" => Ok(modelgen::OptionalStyle::Option),
        other => Err(Failure::Usage(format!(
            "{option} is nullable or option, not `{other}`"
        ))),
    }
}

/// Splits `left=right` of a repeatable option.
fn split_assignment(option: &str, text: &str) -> Result<(String, String), Failure> {
    text.split_once('=')
        .map(|(l, r)| (l.trim().to_owned(), r.trim().to_owned()))
        .ok_or_else(|| Failure::Usage(format!("{option} expects NAME=TYPE, got `{text}`")))
}

fn generate(parser: &mut lexopt::Parser) -> Result<ExitCode, Failure> {
    let mut input: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut crate_dir: Option<PathBuf> = None;
    let mut name: Option<String> = None;
    let mut parts = 1;
    let mut verbose = false;
    let mut config = modelgen::Config::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("help") | Short('h') => {
                print!("{GENERATE_USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            Long("out") | Short('o') => out = Some(parser.value()?.into()),
            Long("crate") => crate_dir = Some(parser.value()?.into()),
            Long("name") => name = Some(parser.value()?.string()?),
            Long("parts") => {
                let value = parser.value()?.string()?;
                parts = match value.parse::<usize>() {
                    Ok(n) if (1..=64).contains(&n) => n,
                    _ => {
                        return Err(Failure::Usage(format!(
                            "--parts expects a number from 1 to 64, got `{value}`"
                        )))
                    }
                };
            }
            Long("verbose") | Short('v') => verbose = true,
            Long("validation") => {
                config.validation(true);
            }
            Long("strict") => {
                config.strict(true);
            }
            Long("only") => {
                config.only(&parser.value()?.string()?);
            }
            Long(option) if TYPE_OPTIONS.contains(&option) => {
                let option = option.to_owned();
                type_option(&mut config, &option, &parser.value()?.string()?)?;
            }
            Long(option) if MODEL_OPTIONS.contains(&option) => {
                let option = option.to_owned();
                model_option(&mut config, &option, &parser.value()?.string()?)?;
            }
            Value(path) if input.is_none() => input = Some(path.into()),
            other => return Err(other.unexpected().into()),
        }
    }
    let input = input.ok_or_else(|| Failure::Usage("generate needs an INPUT".to_owned()))?;
    config.input(&input);
    let started = Instant::now();
    let generated = match (out, crate_dir) {
        (Some(_), None) if parts != 1 => {
            return Err(Failure::Usage("--parts needs --crate".to_owned()))
        }
        (Some(out), None) => {
            let generated = config.generate()?;
            modelgen::write::write_if_changed(&out, &generated.code)?;
            generated
        }
        (None, Some(dir)) => {
            let name = match name {
                Some(name) => name,
                None => dir
                    .canonicalize()
                    .unwrap_or_else(|_| dir.clone())
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .ok_or_else(|| {
                        Failure::Usage("cannot take a crate name from DIR: pass --name".to_owned())
                    })?,
            };
            // The crate's own doctests check the spec's examples. A part cannot name the crate that
            // re-exports it, so split crates keep the examples as JSON in the docs.
            if parts == 1 {
                config.doctest_crate(&name.replace('-', "_"));
            }
            let generated = config.generate()?;
            let source = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if parts == 1 {
                modelgen::write::write_crate(
                    &dir,
                    &name,
                    &generated.code,
                    generated.uses,
                    &source,
                )?;
                // rustc needs about 7 KiB per line of these models (Stripe's 424,000 lines, 3.2 GiB;
                // GitHub's 752,000, 5.2 GiB), more than many CI runners have.
                let lines = generated.code.lines().count();
                if lines > LINES_PER_PART {
                    let suggested = lines.div_ceil(LINES_PER_PART);
                    eprintln!(
                        "note: {lines} lines of Rust in one crate: rustc may need several GiB of memory \
                         to build it. `--parts {suggested}` writes it as {suggested} crates that build \
                         one at a time (README, \"Big crates in parts\")."
                    );
                }
            } else {
                let written =
                    modelgen::write::write_crate_parts(&dir, &name, &generated, parts, &source)?;
                if verbose {
                    eprintln!(
                        "{written} part crates written under {}",
                        dir.join("parts").display()
                    );
                }
            }
            generated
        }
        (Some(_), Some(_)) => {
            return Err(Failure::Usage(
                "give either --out or --crate, not both".to_owned(),
            ))
        }
        (None, None) => {
            return Err(Failure::Usage(
                "generate needs --out <FILE.rs> or --crate <DIR>".to_owned(),
            ))
        }
    };
    print_warnings(&generated.warnings);
    if verbose {
        report(&generated, started);
    }
    Ok(ExitCode::SUCCESS)
}

/// What the input could not express exactly, on standard error.
/// The size of generated crate above which `generate --crate` suggests `--parts`, and the size of a
/// part it suggests: about 1.5 GiB of rustc's memory in a debug build (BENCHMARKS.md).
const LINES_PER_PART: usize = 200_000;

fn print_warnings(warnings: &[modelgen::Diagnostic]) {
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
}

/// `--verbose`: what was read and generated, and how long each stage took (on standard error).
fn report(generated: &modelgen::Generated, started: Instant) {
    for stage in &generated.stages {
        eprintln!("{:>9.2} ms  {}", stage.time.as_secs_f64() * 1e3, stage.name);
    }
    eprintln!(
        "{:>9.2} ms  in all: {} files read, {} types, {} lines of Rust",
        started.elapsed().as_secs_f64() * 1e3,
        generated.files.len(),
        generated.model.types.len(),
        generated.code.lines().count()
    );
}

/// The options that choose Rust types, as `generate` and `diff` read them.
const TYPE_OPTIONS: [&str; 6] = [
    "float",
    "dates",
    "date-time",
    "uuid",
    "optional",
    "optional-for",
];

/// Applies one of [`TYPE_OPTIONS`] to `config`.
fn type_option(config: &mut modelgen::Config, option: &str, text: &str) -> Result<(), Failure> {
    match option {
        "float" => {
            let ty = match text {
                "f64" => modelgen::FloatType::F64,
                "f32" => modelgen::FloatType::F32,
                other => {
                    return Err(Failure::Usage(format!(
                        "--float is f64 or f32, not `{other}`"
                    )))
                }
            };
            config.float(ty);
        }
        "dates" => {
            let library = match text {
                "chrono" => modelgen::DateLibrary::Chrono,
                "time" => modelgen::DateLibrary::Time,
                "string" => modelgen::DateLibrary::String,
                other => {
                    return Err(Failure::Usage(format!(
                        "--dates is chrono, time or string, not `{other}`"
                    )))
                }
            };
            config.dates(library);
        }
        "uuid" => {
            let ty = match text {
                "uuid" => modelgen::UuidType::Uuid,
                "string" => modelgen::UuidType::String,
                other => {
                    return Err(Failure::Usage(format!(
                        "--uuid is uuid or string, not `{other}`"
                    )))
                }
            };
            config.uuid(ty);
        }
        "optional" => {
            let style = optional_style("--optional", text)?;
            config.optional(style);
        }
        "optional-for" => {
            let (target, style) = split_assignment("--optional-for", text)?;
            let style = optional_style("--optional-for", &style)?;
            config.optional_for(&target, style);
        }
        "date-time" => {
            let ty = match text {
                "fixed-offset" => modelgen::DateTimeType::FixedOffset,
                "utc" => modelgen::DateTimeType::Utc,
                other => {
                    return Err(Failure::Usage(format!(
                        "--date-time is fixed-offset or utc, not `{other}`"
                    )))
                }
            };
            config.date_time(ty);
        }
        other => return Err(Failure::Usage(format!("unknown option `--{other}`"))),
    }
    Ok(())
}

/// The options that change the model, as `generate` reads them: `--replace-field`,
/// `--replace-type`, `--keep-unknown-fields`.
const MODEL_OPTIONS: [&str; 3] = ["replace-field", "replace-type", "keep-unknown-fields"];

/// Applies one of [`MODEL_OPTIONS`] to `config`.
fn model_option(config: &mut modelgen::Config, option: &str, text: &str) -> Result<(), Failure> {
    if option == "keep-unknown-fields" {
        if text == "*" {
            config.keep_all_unknown_fields();
        } else {
            config.keep_unknown_fields(text);
        }
    } else if option == "replace-field" {
        let (target, ty) = split_assignment("--replace-field", text)?;
        let (type_name, field) = target.split_once('.').ok_or_else(|| {
            Failure::Usage(format!(
                "--replace-field expects TYPE.FIELD=TYPE, got `{target}`"
            ))
        })?;
        config.replace_field_type(type_name, field, &ty);
    } else {
        let (type_name, ty) = split_assignment("--replace-type", text)?;
        config.replace_type(&type_name, &ty);
    }
    Ok(())
}

/// Reads the arguments of a command taking one INPUT and [`MODEL_OPTIONS`]; `None` when `--help` was
/// asked for (and printed).
fn single_input(
    parser: &mut lexopt::Parser,
    command: &str,
    usage: &str,
) -> Result<Option<modelgen::Config>, Failure> {
    let mut input: Option<PathBuf> = None;
    let mut config = modelgen::Config::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("help") | Short('h') => {
                print!("{usage}");
                return Ok(None);
            }
            Long(option) if MODEL_OPTIONS.contains(&option) => {
                let option = option.to_owned();
                model_option(&mut config, &option, &parser.value()?.string()?)?;
            }
            Long("strict") => {
                config.strict(true);
            }
            Value(path) if input.is_none() => input = Some(path.into()),
            other => return Err(other.unexpected().into()),
        }
    }
    let input = input.ok_or_else(|| Failure::Usage(format!("{command} needs an INPUT")))?;
    config.input(&input);
    Ok(Some(config))
}

fn check(parser: &mut lexopt::Parser) -> Result<ExitCode, Failure> {
    let Some(config) = single_input(parser, "check", CHECK_USAGE)? else {
        return Ok(ExitCode::SUCCESS);
    };
    // `generate` runs every phase but writing, including the check that the code parses.
    let generated = config.generate()?;
    print_warnings(&generated.warnings);
    println!(
        "ok: {} types from {} files",
        generated.model.types.len(),
        generated.files.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn ir(parser: &mut lexopt::Parser) -> Result<ExitCode, Failure> {
    let Some(config) = single_input(parser, "ir", IR_USAGE)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let loaded = config.load()?;
    let written = serde_json::to_string_pretty(&loaded.model)
        .map_err(|e| e.to_string())
        .and_then(|json| write_stdout(&format!("{json}\n")));
    match written {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("error: cannot print the model: {e}");
            Ok(ExitCode::from(1))
        }
    }
}

/// When `modelgen diff` exits 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FailOn {
    Breaking,
    Any,
    Never,
}

fn diff(parser: &mut lexopt::Parser) -> Result<ExitCode, Failure> {
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut json = false;
    let mut fail_on = FailOn::Never;
    let mut options = modelgen::diff::Options::default();
    let mut config = modelgen::Config::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("help") | Short('h') => {
                print!("{DIFF_USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            Long("format") => {
                json = match parser.value()?.string()?.as_str() {
                    "text" => false,
                    "json" => true,
                    other => {
                        return Err(Failure::Usage(format!(
                            "--format expects text or json, got `{other}`"
                        )))
                    }
                }
            }
            Long("fail-on") => {
                fail_on = match parser.value()?.string()?.as_str() {
                    "breaking" => FailOn::Breaking,
                    "any" => FailOn::Any,
                    "never" => FailOn::Never,
                    other => {
                        return Err(Failure::Usage(format!(
                            "--fail-on expects breaking, any or never, got `{other}`"
                        )))
                    }
                }
            }
            Long("notes") => {
                options.notes(true);
            }
            Long(option) if TYPE_OPTIONS.contains(&option) => {
                let option = option.to_owned();
                type_option(&mut config, &option, &parser.value()?.string()?)?;
            }
            Long(option) if MODEL_OPTIONS.contains(&option) => {
                let option = option.to_owned();
                model_option(&mut config, &option, &parser.value()?.string()?)?;
            }
            Value(path) if inputs.len() < 2 => inputs.push(path.into()),
            other => return Err(other.unexpected().into()),
        }
    }
    let [old, new] = <[PathBuf; 2]>::try_from(inputs)
        .map_err(|_| Failure::Usage("diff needs an OLD and a NEW input".to_owned()))?;
    // Types compare as the emitter writes them with the same choices.
    options.types = config.type_options();
    // Exit code 1 means "the fail condition is met", so an unreadable input must exit otherwise.
    let load = |path: &PathBuf| {
        let mut config = config.clone();
        config.input(path);
        config.load()
    };
    let (old, new) = match (load(&old), load(&new)) {
        (Ok(old), Ok(new)) => (old.model, new.model),
        (old, new) => {
            for error in [old.err(), new.err()].into_iter().flatten() {
                eprintln!("{error}");
            }
            return Ok(ExitCode::from(2));
        }
    };
    let diff = modelgen::diff::diff_with(&old, &new, &options);
    let report = if json {
        diff.to_json()
            .map(|text| text + "\n")
            .map_err(|e| e.to_string())
    } else {
        Ok(diff.to_text())
    };
    if let Err(e) = report.and_then(|text| write_stdout(&text)) {
        eprintln!("error: cannot print the diff: {e}");
        return Ok(ExitCode::from(2));
    }
    let fail = match fail_on {
        FailOn::Breaking => diff.has_breaking(),
        FailOn::Any => diff.has_changes(),
        FailOn::Never => false,
    };
    Ok(if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes a command's output. A reader that stops early (`modelgen ir spec.yaml | head`) closes the
/// pipe; that is no error worth reporting, and `print!` would panic on it.
fn write_stdout(text: &str) -> Result<(), String> {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

fn crosscheck(parser: &mut lexopt::Parser) -> Result<ExitCode, Failure> {
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut fail = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("help") | Short('h') => {
                print!("{CROSSCHECK_USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            Long("fail-on-disagreement") => fail = true,
            Value(path) if inputs.len() < 2 => inputs.push(path.into()),
            other => return Err(other.unexpected().into()),
        }
    }
    let [docs, spec] = <[PathBuf; 2]>::try_from(inputs)
        .map_err(|_| Failure::Usage("crosscheck needs DOCS and SPEC".to_owned()))?;
    let docs = modelgen::input::load(&docs)?;
    let spec = modelgen::input::load(&spec)?;
    let report = modelgen::crosscheck::crosscheck(&docs.model, &spec.model);
    if let Err(e) = write_stdout(&report.to_string()) {
        eprintln!("error: cannot print the report: {e}");
        return Ok(ExitCode::from(1));
    }
    let disagree = report.summary.models.disagree + report.summary.fields.disagree;
    Ok(if fail && disagree > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
