//! `realworld`: checks the generator on real public API descriptions and prints one table.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use lexopt::prelude::*;
use realworld::{report, Entry, Settings, Spec};

const USAGE: &str = "\
realworld: the real-world corpus check of modelgen

For each real public API description: generate a crate (the median time of in-process runs), build it
with warnings denied (time and peak memory), and round-trip through the generated types every schema
example that fits its own schema, plus Stripe's fixture objects. Prints one markdown table (also
written to target/realworld/summary.md) and writes target/realworld/<spec>/report.md with every
failure grouped by cause.

Usage:
  cargo run --release -p realworld -- [--only <SPEC>]... [--corpus <DIR>] [--clippy] [--runs <N>]
                                      [--no-round-trips] [--parts <N>]

Options:
  --only <SPEC>    Check only this spec (repeatable, or comma-separated):
                   onfido, discord, digitalocean, stripe, github
  --corpus <DIR>   The folder of the real-world specs (stripe/, discord/, digitalocean/); default:
                   $REALWORLD_CORPUS, else ../shared/corpus/realworld from the repository root.
                   A spec that is not there is skipped with a message.
  --clippy         Also run clippy on each crate, warnings denied
  --runs <N>       In-process generations to time per spec (default 3; the median is shown)
  --no-round-trips Generate and build only: skip the round-trip runner, whose build (the reading
                   and writing of every type) takes longer than that of the models
  --parts <N>      Write each crate as N crates re-exported by one (`generate --crate --parts`);
                   the build time and peak memory are then those of all of them
  -h, --help       Show this help

Onfido's spec is the copy in codegen/tests/fixtures. GitHub's description is read from
<corpus>/github/api.github.com.json, else fetched once with `npm pack @octokit/openapi@23.0.2` into
target/realworld/cache/.

Exit code: 1 when a spec fails to generate or a crate fails to build (round-trip failures are the
work list, reported but not failing), 2 for a usage error.
";

/// The specs known to the check, in the order they run (smallest first).
const SPECS: [&str; 5] = ["onfido", "discord", "digitalocean", "stripe", "github"];

/// The npm package that ships GitHub's REST description (MIT), and the file in it.
const GITHUB_PACKAGE: &str = "@octokit/openapi@23.0.2";
const GITHUB_TARBALL: &str = "octokit-openapi-23.0.2.tgz";
const GITHUB_FILE: &str = "package/generated/api.github.com.json";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}\n\nRun `cargo run -p realworld -- --help` for usage.");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().unwrap_or(root);
    let mut only: Vec<String> = Vec::new();
    let mut corpus: Option<PathBuf> = None;
    let mut clippy = false;
    let mut runs = 3;
    let mut round_trips = true;
    let mut parts = 1;
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => {
                print!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            Long("only") => {
                let value = parser.value().map_err(|e| e.to_string())?;
                let value = value.string().map_err(|e| e.to_string())?;
                for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                    if !SPECS.contains(&name) {
                        return Err(format!(
                            "unknown spec `{name}`: the specs are {}",
                            SPECS.join(", ")
                        ));
                    }
                    only.push(name.to_owned());
                }
            }
            Long("corpus") => corpus = Some(parser.value().map_err(|e| e.to_string())?.into()),
            Long("clippy") => clippy = true,
            Long("no-round-trips") => round_trips = false,
            Long("parts") => {
                let value = parser.value().map_err(|e| e.to_string())?;
                parts = value
                    .string()
                    .ok()
                    .and_then(|v| v.parse().ok())
                    .filter(|n: &usize| (1..=64).contains(n))
                    .ok_or("--parts expects a number from 1 to 64")?;
            }
            Long("runs") => {
                let value = parser.value().map_err(|e| e.to_string())?;
                runs = value
                    .string()
                    .ok()
                    .and_then(|v| v.parse().ok())
                    .filter(|&n: &usize| n > 0)
                    .ok_or("--runs expects a positive number")?;
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    let corpus = corpus
        .or_else(|| std::env::var_os("REALWORLD_CORPUS").map(PathBuf::from))
        .unwrap_or_else(|| root.join("../shared/corpus/realworld"));
    let work = root.join("target/realworld");
    let settings = Settings {
        target: work.join("target"),
        cargo: std::env::var_os("CARGO").map_or_else(|| PathBuf::from("cargo"), PathBuf::from),
        lock: root.join("Cargo.lock"),
        work: work.clone(),
        clippy,
        generation_runs: runs,
        round_trips,
        parts,
    };
    if !corpus.is_dir() {
        eprintln!(
            "note: no corpus at {}: pass --corpus DIR or set REALWORLD_CORPUS",
            corpus.display()
        );
    }

    let mut entries = Vec::new();
    for name in SPECS {
        if !only.is_empty() && !only.iter().any(|o| o == name) {
            continue;
        }
        let spec = match locate(name, &root, &corpus, &work.join("cache")) {
            Ok(spec) => spec,
            Err(why) => {
                eprintln!("{name}: skipped: {why}");
                entries.push(Entry::Skipped {
                    name: name.to_owned(),
                    why,
                });
                continue;
            }
        };
        eprintln!("{name}: checking {}", spec.input.display());
        let outcome = realworld::check(&spec, &settings);
        let report_path = work.join(name).join("report.md");
        let written = std::fs::create_dir_all(work.join(name))
            .and_then(|()| std::fs::write(&report_path, report::spec_report(&outcome)));
        if let Err(e) = written {
            eprintln!("{name}: cannot write {}: {e}", report_path.display());
        }
        eprintln!(
            "{name}: {} (report: {})",
            if outcome.failed() { "FAILED" } else { "done" },
            report_path.display()
        );
        entries.push(Entry::Checked(Box::new(outcome)));
    }

    let table = report::table(&entries, clippy);
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    let errors = report::first_errors(&entries);
    let summary = format!(
        "{table}{errors}\nGeneration: median of {runs} in-process runs ({profile} build of the generator). \
         Build: `cargo build` of the generated crate alone (dependencies built before), debug, \
         RUSTFLAGS=\"-D warnings\", not incremental. Per-spec reports: target/realworld/<spec>/report.md.\n"
    );
    print!("{summary}");
    if let Err(e) = std::fs::write(work.join("summary.md"), &summary) {
        eprintln!("cannot write {}: {e}", work.join("summary.md").display());
    }
    let failed = entries
        .iter()
        .any(|e| matches!(e, Entry::Checked(o) if o.failed()));
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Where spec `name` is, or why it is skipped.
fn locate(name: &str, root: &Path, corpus: &Path, cache: &Path) -> Result<Spec, String> {
    let spec = |input: PathBuf, fixtures: Option<PathBuf>| Spec {
        name: name.to_owned(),
        input,
        fixtures,
    };
    let in_corpus = |path: &str| -> Result<PathBuf, String> {
        let path = corpus.join(path);
        if path.is_file() {
            Ok(path)
        } else {
            Err(format!("{} not found", path.display()))
        }
    };
    match name {
        // The same bytes as the corpus's onfido/spec-2026-02-bundled.yaml, and always there.
        "onfido" => Ok(spec(
            root.join("codegen/tests/fixtures/onfido-2026-02-bundled.yaml"),
            None,
        )),
        "discord" => Ok(spec(in_corpus("discord/openapi.json")?, None)),
        "digitalocean" => Ok(spec(
            in_corpus("digitalocean/specification/DigitalOcean-public.v2.yaml")?,
            None,
        )),
        "stripe" => Ok(spec(
            in_corpus("stripe/spec3.yaml")?,
            Some(in_corpus("stripe/fixtures3.json")?),
        )),
        "github" => Ok(spec(github(corpus, cache)?, None)),
        other => Err(format!("unknown spec `{other}`")),
    }
}

/// GitHub's REST description: from the corpus if it is there, else from the cache, fetched into it
/// with npm the first time.
fn github(corpus: &Path, cache: &Path) -> Result<PathBuf, String> {
    let local = corpus.join("github/api.github.com.json");
    if local.is_file() {
        return Ok(local);
    }
    let dir = cache.join("github");
    let file = dir.join("api.github.com.json");
    if file.is_file() {
        return Ok(file);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    eprintln!(
        "github: fetching {GITHUB_PACKAGE} with npm into {}",
        dir.display()
    );
    let step = |command: &mut Command, what: &str| -> Result<(), String> {
        let output = command
            .current_dir(&dir)
            .output()
            .map_err(|e| format!("cannot run {what}: {e}"))?;
        if output.status.success() {
            Ok(())
        } else {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
            Err(format!("{what} failed: {}", last.unwrap_or("no message")))
        }
    };
    step(
        Command::new("npm").args(["pack", GITHUB_PACKAGE, "--silent"]),
        "npm pack",
    )?;
    step(
        Command::new("tar").args(["-xzf", GITHUB_TARBALL, GITHUB_FILE]),
        "tar",
    )?;
    std::fs::rename(dir.join(GITHUB_FILE), &file)
        .map_err(|e| format!("cannot move the description into {}: {e}", file.display()))?;
    let _ = std::fs::remove_file(dir.join(GITHUB_TARBALL));
    let _ = std::fs::remove_dir_all(dir.join("package"));
    Ok(file)
}
