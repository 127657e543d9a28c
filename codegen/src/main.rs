//! The `modelgen` command line: generate Rust models from an API description.

use std::path::PathBuf;
use std::process::ExitCode;

use lexopt::prelude::*;

const USAGE: &str = "\
modelgen: Rust data models from OpenAPI 3.x specs

Usage:
  modelgen generate <INPUT> --out <FILE.rs> [OPTIONS]
  modelgen generate <INPUT> --crate <DIR> [--name <NAME>] [OPTIONS]
  modelgen help [COMMAND]

Commands:
  generate   Read INPUT and write the models as one Rust file or as a complete crate

Run `modelgen <COMMAND> --help` for the options of a command.
";

const GENERATE_USAGE: &str = "\
modelgen generate: read an API description and write Rust models

Usage:
  modelgen generate <INPUT> --out <FILE.rs> [OPTIONS]
  modelgen generate <INPUT> --crate <DIR> [--name <NAME>] [OPTIONS]

INPUT is an OpenAPI 3.0/3.1 file, YAML or JSON; files it `$ref`s are read too.

Output (one of):
  --out <FILE.rs>      Write the models as one file, as a build script would (for `include!`)
  --crate <DIR>        Write a crate: DIR/Cargo.toml (exactly the dependencies the code needs) and
                       DIR/src/lib.rs
  --name <NAME>        The crate's package name (default: DIR's file name)

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
  -h, --help           Show this help

On failure nothing is written, the problems are printed with file and location, and the exit code
is 1 (2 for a usage error).
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
        "help" => {
            let topic = parser.next()?;
            match topic {
                Some(Value(c)) if c == "generate" => print!("{GENERATE_USAGE}"),
                _ => print!("{USAGE}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Failure::Usage(format!("unknown command `{other}`"))),
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
            Long("replace-field") => {
                let (target, ty) = split_assignment("--replace-field", &parser.value()?.string()?)?;
                let (type_name, field) = target.split_once('.').ok_or_else(|| {
                    Failure::Usage(format!(
                        "--replace-field expects TYPE.FIELD=TYPE, got `{target}`"
                    ))
                })?;
                config.replace_field_type(type_name, field, &ty);
            }
            Long("replace-type") => {
                let (type_name, ty) =
                    split_assignment("--replace-type", &parser.value()?.string()?)?;
                config.replace_type(&type_name, &ty);
            }
            Long("keep-unknown-fields") => match parser.value()?.string()?.as_str() {
                "*" => {
                    config.keep_all_unknown_fields();
                }
                name => {
                    config.keep_unknown_fields(name);
                }
            },
            Value(path) if input.is_none() => input = Some(path.into()),
            other => return Err(other.unexpected().into()),
        }
    }
    let input = input.ok_or_else(|| Failure::Usage("generate needs an INPUT".to_owned()))?;
    config.input(&input);
    match (out, crate_dir) {
        (Some(out), None) => {
            config.write(&out)?;
        }
        (None, Some(dir)) => {
            let generated = config.generate()?;
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
            let source = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            modelgen::write::write_crate(&dir, &name, &generated.code, generated.uses, &source)?;
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
    }
    Ok(ExitCode::SUCCESS)
}
