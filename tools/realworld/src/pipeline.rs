//! One spec through the whole check: generate (timed), write the crate and a round-trip runner beside
//! it, build both with warnings denied (timed, with peak memory), and round-trip the spec's examples
//! and the fixtures through the generated types.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use modelgen::ir::{Model, TypeId, TypeKind, TypeRef};
use serde_json::{json, Value};

use crate::cargo;
use crate::classify;
use crate::compare::{self, escape, first_difference};

/// An API description to check.
#[derive(Clone, Debug)]
pub struct Spec {
    /// A short name (`stripe`): the folder under the work directory, and the crate's name.
    pub name: String,
    /// The root file of the description.
    pub input: PathBuf,
    /// A JSON file of real objects, `{"resources": {"schema_name": {...}}}` (Stripe's fixtures).
    pub fixtures: Option<PathBuf>,
}

/// Where and how to check.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Each spec gets the folder `work/<name>/`: its workspace and `report.md`.
    pub work: PathBuf,
    /// The target directory shared by every build.
    pub target: PathBuf,
    /// The `cargo` to run.
    pub cargo: PathBuf,
    /// The lock file the generated workspaces start from (see [`cargo::workspace`]).
    pub lock: PathBuf,
    /// Also run clippy, warnings denied.
    pub clippy: bool,
    /// How many in-process generations to time (the median is reported).
    pub generation_runs: usize,
    /// Build the round-trip runner and run the round trips (the slowest step: it compiles the
    /// reading and writing of every type).
    pub round_trips: bool,
    /// Write the models as this many crates (`generate --crate --parts`); 1 for one crate.
    pub parts: usize,
}

/// What checking one spec found.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The spec's short name.
    pub name: String,
    /// The root file.
    pub input: PathBuf,
    /// The `openapi` field of the root file.
    pub openapi: Option<String>,
    /// Types in the model.
    pub types: usize,
    /// Files read.
    pub files: usize,
    /// The generation, or why it failed.
    pub generation: Generation,
    /// `cargo build` of the models crate.
    pub build: Option<Build>,
    /// `cargo clippy` of the models crate, when asked for.
    pub clippy: Option<Build>,
    /// `cargo build` of the round-trip runner (the dispatch file and a `main`).
    pub runner: Option<Build>,
    /// The schema examples.
    pub examples: Tally,
    /// The fixtures, when the spec has some.
    pub fixtures: Option<Tally>,
    /// Every round trip that failed.
    pub failures: Vec<Failure>,
    /// Every example that contradicts its own schema (not tried).
    pub contradictions: Vec<Contradiction>,
    /// The generator's warnings.
    pub warnings: Vec<modelgen::Diagnostic>,
    /// Anything else worth knowing about this run (examples that cannot be reached by name, an
    /// unreadable fixtures file).
    pub notes: Vec<String>,
}

impl Outcome {
    fn new(spec: &Spec) -> Self {
        Outcome {
            name: spec.name.clone(),
            input: spec.input.clone(),
            openapi: None,
            types: 0,
            files: 0,
            generation: Generation::Failed(Vec::new()),
            build: None,
            clippy: None,
            runner: None,
            examples: Tally::default(),
            fixtures: None,
            failures: Vec::new(),
            contradictions: Vec::new(),
            warnings: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The spec failed to generate, or a crate failed to build: what makes the command fail.
    /// Failed round trips do not; they are the work list.
    pub fn failed(&self) -> bool {
        matches!(self.generation, Generation::Failed(_))
            || [&self.build, &self.clippy, &self.runner]
                .into_iter()
                .flatten()
                .any(|b| !b.ok)
    }
}

/// How generation went.
#[derive(Clone, Debug)]
pub enum Generation {
    /// Every problem the generator reported.
    Failed(Vec<modelgen::Diagnostic>),
    /// The code was generated.
    Done {
        /// The median time of the runs.
        median: Duration,
        /// Each run's time.
        runs: Vec<Duration>,
        /// The stages of the first run.
        stages: Vec<(String, Duration)>,
        /// Lines of Rust generated.
        lines: usize,
    },
}

/// One `cargo` step.
#[derive(Clone, Debug)]
pub struct Build {
    /// What ran (`cargo build -p stripe-models`).
    pub command: String,
    /// It succeeded.
    pub ok: bool,
    /// Wall time, in seconds.
    pub seconds: f64,
    /// Peak memory of cargo and rustc, in KiB.
    pub peak_kib: Option<u64>,
    /// The compiler's errors and warnings.
    pub messages: Vec<Message>,
    /// Cargo's own standard error, when the step failed (resolution, manifest and I/O errors are
    /// not compiler messages).
    pub stderr: String,
    /// Registry crates that were compiled during this step (a timed step should compile none).
    pub compiled_dependencies: Vec<String>,
}

/// One compiler diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// `error` or `warning` (with `-D warnings`, lints are errors).
    pub level: String,
    /// The error code or lint name (`E0277`, `dead_code`, `clippy::large_enum_variant`), or empty.
    pub code: String,
    /// The one-line message.
    pub text: String,
    /// The message as the compiler prints it, with the source lines.
    pub rendered: String,
}

/// Counts of round trips.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Written back exactly as read.
    pub passed: usize,
    /// Tried.
    pub tried: usize,
    /// Contradict their own schema, so not tried (examples only).
    pub contradicting: usize,
}

/// A round trip that failed.
#[derive(Clone, Debug)]
pub struct Failure {
    /// What was read: `example 1 of \`pet\`` or `fixture \`pet\``.
    pub what: String,
    /// The schema it was read as.
    pub type_name: String,
    /// The class, for grouping: `read: <serde error, particulars masked>` or
    /// `changed: <kind of difference>`.
    pub class: String,
    /// Where: the first difference, or the deepest part of the value that fails to read on its own.
    pub pointer: String,
    /// The serde error, or what was read and written back there.
    pub detail: String,
    /// For fixtures: the generator's own check of the fixture against its schema (`None` when the
    /// schema is unknown), which tells a spec that contradicts real data from a generator bug.
    pub schema_problems: Option<Vec<String>>,
}

/// An example that contradicts its own schema, as the generator's checker says.
#[derive(Clone, Debug)]
pub struct Contradiction {
    /// The schema.
    pub type_name: String,
    /// Which of its examples (1-based).
    pub index: usize,
    /// The checker's problems, each `pointer: what`.
    pub problems: Vec<String>,
}

/// Checks one spec; never panics on a bad spec, crate or value: every problem is in the outcome.
pub fn check(spec: &Spec, settings: &Settings) -> Outcome {
    let mut outcome = Outcome::new(spec);
    outcome.openapi = openapi_version(&spec.input);
    let dir = settings.work.join(&spec.name);
    let package = format!("{}-models", spec.name);
    let krate = package.replace('-', "_");
    let runner = format!("{}-round-trip", spec.name);

    let mut config = modelgen::Config::new();
    config
        .input(&spec.input)
        .doctest_crate(&krate)
        .round_trip_file("round_trip.rs");
    let started = Instant::now();
    let generated = match config.generate() {
        Ok(generated) => generated,
        Err(error) => {
            outcome.generation = Generation::Failed(error.diagnostics);
            return outcome;
        }
    };
    let mut runs = vec![started.elapsed()];
    for _ in 1..settings.generation_runs.max(1) {
        let started = Instant::now();
        let _ = config.generate();
        runs.push(started.elapsed());
    }
    let mut sorted = runs.clone();
    sorted.sort();
    outcome.generation = Generation::Done {
        median: sorted[sorted.len() / 2],
        runs,
        stages: generated
            .stages
            .iter()
            .map(|s| (s.name.to_owned(), s.time))
            .collect(),
        lines: generated.code.lines().count(),
    };
    outcome.types = generated.model.types.len();
    outcome.files = generated.files.len();
    outcome.warnings = generated.warnings.clone();

    if let Err(e) = write_workspace(&dir, &package, &runner, &generated, spec, settings) {
        outcome.build = Some(Build::not_run(
            "write the crates",
            format!("cannot write {}: {e}", dir.display()),
        ));
        return outcome;
    }
    let run = |args: &[&str]| -> Build {
        let command = format!("cargo {}", args.join(" "));
        match cargo::cargo(&settings.cargo, &dir, &settings.target, args) {
            Ok(run) => Build::from_run(command, run),
            Err(e) => Build::not_run(&command, format!("cannot run cargo: {e}")),
        }
    };

    // The dependencies first, untimed, so the timed build is that of the generated code alone.
    let mut deps = vec!["build", "--message-format", "json", "-p", "serde"];
    for (used, name) in [
        (generated.uses.json, "serde_json"),
        (generated.uses.uuid, "uuid"),
        (generated.uses.chrono, "chrono"),
        (generated.uses.regex, "regex-lite"),
    ] {
        if used {
            deps.extend(["-p", name]);
        }
    }
    let warm = run(&deps);
    if !warm.ok {
        outcome.build = Some(warm);
        return outcome;
    }
    // The models crate, and its parts when split (each a package of the workspace).
    let mut packages = vec![package.clone()];
    let mut libs = vec![dir.join("models/src/lib.rs")];
    if let Ok(parts) = std::fs::read_dir(dir.join("models/parts")) {
        let mut parts: Vec<PathBuf> = parts.flatten().map(|e| e.path()).collect();
        parts.sort();
        for part in parts {
            packages.extend(part.file_name().map(|n| n.to_string_lossy().into_owned()));
            libs.push(part.join("src/lib.rs"));
        }
    }
    let selected: Vec<&str> = packages.iter().flat_map(|p| ["-p", p.as_str()]).collect();
    // An unchanged crate would not be compiled again: its time would be that of doing nothing.
    let build = {
        libs.iter().for_each(|lib| touch(lib));
        let mut args = vec!["build", "--message-format", "json"];
        args.extend(&selected);
        run(&args)
    };
    let built = build.ok;
    outcome.build = Some(build);
    if built && settings.clippy {
        libs.iter().for_each(|lib| touch(lib));
        let mut args = vec!["clippy", "--message-format", "json"];
        args.extend(&selected);
        args.extend(["--", "-D", "warnings"]);
        outcome.clippy = Some(run(&args));
    }
    if !built || !settings.round_trips {
        return outcome;
    }
    let runner_build = run(&["build", "--message-format", "json", "-p", &runner]);
    let runner_ok = runner_build.ok;
    outcome.runner = Some(runner_build);
    if !runner_ok {
        return outcome;
    }
    let binary = settings
        .target
        .join("debug")
        .join(format!("{runner}{}", std::env::consts::EXE_SUFFIX));
    round_trips(&mut outcome, &generated.model, spec, &binary);
    outcome
}

impl Build {
    fn not_run(command: &str, why: String) -> Self {
        Build {
            command: command.to_owned(),
            ok: false,
            seconds: 0.0,
            peak_kib: None,
            messages: Vec::new(),
            stderr: why,
            compiled_dependencies: Vec::new(),
        }
    }

    fn from_run(command: String, run: cargo::Run) -> Self {
        let (messages, compiled_dependencies) = parse_messages(&run.stdout);
        Build {
            command,
            ok: run.success,
            seconds: run.seconds,
            peak_kib: run.peak_kib,
            messages,
            stderr: if run.success {
                String::new()
            } else {
                run.stderr
            },
            compiled_dependencies,
        }
    }
}

/// The compiler messages in cargo's JSON output, and the registry crates it compiled.
pub fn parse_messages(stdout: &str) -> (Vec<Message>, Vec<String>) {
    let mut messages = Vec::new();
    let mut compiled = Vec::new();
    for line in stdout.lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        match message["reason"].as_str() {
            Some("compiler-message") => {
                let m = &message["message"];
                let text = m["message"].as_str().unwrap_or_default();
                // The closing counts ("aborting due to 3 previous errors") repeat the others.
                let summary = m["spans"].as_array().is_none_or(Vec::is_empty)
                    && (text.starts_with("aborting due to") || text.contains("emitted"));
                if summary {
                    continue;
                }
                messages.push(Message {
                    level: m["level"].as_str().unwrap_or_default().to_owned(),
                    code: m["code"]["code"].as_str().unwrap_or_default().to_owned(),
                    text: text.to_owned(),
                    rendered: m["rendered"].as_str().unwrap_or_default().to_owned(),
                });
            }
            Some("compiler-artifact")
                if message["fresh"] == Value::Bool(false)
                    && message["package_id"]
                        .as_str()
                        .is_some_and(|id| id.starts_with("registry+")) =>
            {
                let name = message["target"]["name"].as_str().unwrap_or_default();
                if !compiled.iter().any(|c| c == name) {
                    compiled.push(name.to_owned());
                }
            }
            _ => {}
        }
    }
    (messages, compiled)
}

/// Sets a file's modification time to now, so cargo compiles its crate again.
fn touch(path: &Path) {
    if let Ok(file) = std::fs::File::options().append(true).open(path) {
        let _ = file.set_modified(std::time::SystemTime::now());
    }
}

/// The `openapi` field of the root file, read with the generator's own parser.
pub fn openapi_version(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let document = modelgen::input::yaml::parse(path, &text).ok()?;
    match &document.value["openapi"] {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// The folder of one spec: a workspace of the models crate (as `modelgen generate --crate` writes
/// it) and the round-trip runner, a binary that reads cases on standard input.
fn write_workspace(
    dir: &Path,
    package: &str,
    runner: &str,
    generated: &modelgen::Generated,
    spec: &Spec,
    settings: &Settings,
) -> std::io::Result<()> {
    let source = spec
        .input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let models = dir.join("models");
    if settings.parts > 1 {
        // The round-trip runner names the types through the crate that re-exports the parts.
        modelgen::write::write_crate_parts(&models, package, generated, settings.parts, &source)
            .map(drop)
    } else {
        // `write_crate` also removes the parts of an earlier run with `--parts`.
        modelgen::write::write_crate(&models, package, &generated.code, generated.uses, &source)
    }
    .map_err(|e| std::io::Error::other(e.to_string()))?;
    let runner_dir = dir.join(runner);
    std::fs::create_dir_all(runner_dir.join("src"))?;
    // The same `serde` features as the models crate, so both builds share its compiled copy.
    let manifest = format!(
        "[package]\nname = \"{runner}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\n{package} = {{ path = \"../models\" }}\n\
         serde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n"
    );
    write_if_changed(&runner_dir.join("Cargo.toml"), &manifest)?;
    write_if_changed(&runner_dir.join("src/main.rs"), RUNNER_MAIN)?;
    let dispatch = generated.round_trip.as_deref().unwrap_or_default();
    write_if_changed(&runner_dir.join("src/round_trip.rs"), dispatch)?;
    // The runner compiles the reading and writing of every type, which takes longer than the models
    // themselves: without debug info it takes less time and memory. The models keep the default
    // profile, as users build them.
    let profile = format!("\n[profile.dev.package.{runner}]\ndebug = 0\n");
    cargo::workspace(dir, &["models", runner], &profile, &settings.lock)
}

fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    modelgen::write::write_if_changed(path, text).map_err(|e| std::io::Error::other(e.to_string()))
}

/// The runner's `main`: one case a line in (`{"type": NAME, "value": JSON}`), one result a line out
/// (`{"ok": JSON}` or `{"err": MESSAGE}`), on a thread with a large stack (deep values of big types
/// in a debug build).
const RUNNER_MAIN: &str = r#"//! Reads JSON values as the generated type of a schema named at run time and writes them back.
//! Input: one case a line, `{"type": NAME, "value": JSON}`. Output: one line each, `{"ok": JSON}`
//! (the value written back) or `{"err": MESSAGE}`.

#[allow(dead_code)]
mod dispatch {
    include!("round_trip.rs");
}

use std::io::{BufRead as _, Write as _};

fn main() {
    let worker = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(run)
        .expect("a thread");
    worker.join().expect("the round trips");
}

fn run() {
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line.expect("standard input");
        let case: serde_json::Value = serde_json::from_str(&line).expect("a case");
        let name = case["type"].as_str().unwrap_or_default();
        let result = match dispatch::round_trip(name, case["value"].clone()) {
            Ok(written) => serde_json::json!({ "ok": written }),
            Err(error) => serde_json::json!({ "err": error }),
        };
        writeln!(out, "{result}").expect("standard output");
        out.flush().expect("standard output");
    }
}
"#;

/// One value to read as a type.
struct Case {
    what: String,
    type_name: String,
    id: Option<TypeId>,
    value: Value,
    schema_problems: Option<Vec<String>>,
}

/// Round-trips every example that fits its schema and every fixture, and records the results.
fn round_trips(outcome: &mut Outcome, model: &Model, spec: &Spec, binary: &Path) {
    let mut cases = Vec::new();
    let mut unreachable = 0;
    for (i, def) in model.types.iter().enumerate() {
        for (n, example) in def.examples.iter().enumerate() {
            let problems = modelgen::examples::check(model, TypeId(i), example);
            if !problems.is_empty() {
                outcome.examples.contradicting += 1;
                outcome.contradictions.push(Contradiction {
                    type_name: def.name.clone(),
                    index: n + 1,
                    problems,
                });
            } else if model.find(&def.name) != Some(TypeId(i)) {
                // The dispatch reaches the first type of a source name only.
                unreachable += 1;
            } else {
                cases.push(Case {
                    what: format!("example {} of `{}`", n + 1, def.name),
                    type_name: def.name.clone(),
                    id: Some(TypeId(i)),
                    value: example.clone(),
                    schema_problems: None,
                });
            }
        }
    }
    if unreachable > 0 {
        outcome.notes.push(format!(
            "{unreachable} examples not tried: their schema shares its source name with an earlier one, \
             and the dispatch reaches the first only"
        ));
    }
    let examples = cases.len();
    if let Some(path) = &spec.fixtures {
        match read_fixtures(path) {
            Ok(fixtures) => {
                for (name, value) in fixtures {
                    let id = model.find(&name);
                    cases.push(Case {
                        what: format!("fixture `{name}`"),
                        schema_problems: id.map(|id| modelgen::examples::check(model, id, &value)),
                        type_name: name,
                        id,
                        value,
                    });
                }
            }
            Err(e) => outcome.notes.push(e),
        }
        outcome.fixtures = Some(Tally::default());
    }

    let results = run_cases(
        binary,
        cases.iter().map(|c| (c.type_name.as_str(), &c.value)),
    );
    // Where a value fails to read: the deepest of its parts of a named type that fails on its own.
    let mut parts: Vec<(usize, String, &str, &Value)> = Vec::new();
    for (n, (case, result)) in cases.iter().zip(&results).enumerate() {
        if let (Err(_), Some(id)) = (result, case.id) {
            let mut found = Vec::new();
            named_parts(model, &TypeRef::Named(id), &case.value, "", &mut found, 0);
            for (pointer, part, value) in found {
                let name = model.get(part).name.as_str();
                if !pointer.is_empty() && model.find(name) == Some(part) {
                    parts.push((n, pointer, name, value));
                }
            }
        }
    }
    let part_results = run_cases(binary, parts.iter().map(|(_, _, name, v)| (*name, *v)));

    for (n, (case, result)) in cases.iter().zip(results).enumerate() {
        let tally = if n < examples {
            &mut outcome.examples
        } else {
            outcome.fixtures.get_or_insert_with(Tally::default)
        };
        tally.tried += 1;
        let (class, pointer, detail) = match result {
            Ok(written) => match first_difference(&case.value, &written) {
                None => {
                    tally.passed += 1;
                    continue;
                }
                Some(d) => (
                    format!("changed: {}", d.class),
                    d.pointer,
                    format!("read {}, wrote back {}", d.read, d.written),
                ),
            },
            Err(error) => {
                // The deepest failing part, the first in document order among equals.
                let deepest = parts
                    .iter()
                    .zip(&part_results)
                    .enumerate()
                    .filter(|(_, ((case, ..), result))| *case == n && result.is_err())
                    .min_by_key(|(i, ((_, pointer, ..), _))| {
                        (std::cmp::Reverse(pointer.matches('/').count()), *i)
                    })
                    .map(|(_, part)| part);
                match deepest {
                    Some(((_, pointer, name, value), Err(part_error))) => (
                        format!("read: {}", classify::class(part_error)),
                        pointer.clone(),
                        if *part_error == error {
                            format!("{error} (reading {} as `{name}`)", compare::short(value))
                        } else {
                            format!(
                                "{part_error} (reading {} as `{name}`; the whole value: {error})",
                                compare::short(value)
                            )
                        },
                    ),
                    _ => (
                        format!("read: {}", classify::class(&error)),
                        String::new(),
                        error,
                    ),
                }
            }
        };
        outcome.failures.push(Failure {
            what: case.what.clone(),
            type_name: case.type_name.clone(),
            class,
            pointer,
            detail,
            schema_problems: case.schema_problems.clone(),
        });
    }
}

/// The objects of a fixtures file, by schema name.
fn read_fixtures(path: &Path) -> Result<Vec<(String, Value)>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("fixtures not read: {}: {e}", path.display()))?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|e| format!("fixtures not read: {}: {e}", path.display()))?;
    match value.get("resources") {
        Some(Value::Object(resources)) => Ok(resources
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()),
        _ => Err(format!(
            "fixtures not read: {}: expected an object with a `resources` object",
            path.display()
        )),
    }
}

/// Runs the round-trip runner on `cases` (schema name, value): one result each, in order. A runner
/// that stops early (a stack overflow) fails its current case and is started again after it.
fn run_cases<'a>(
    binary: &Path,
    cases: impl Iterator<Item = (&'a str, &'a Value)>,
) -> Vec<Result<Value, String>> {
    let lines: Vec<String> = cases
        .map(|(name, value)| json!({ "type": name, "value": value }).to_string())
        .collect();
    let mut results = Vec::with_capacity(lines.len());
    while results.len() < lines.len() {
        let rest = &lines[results.len()..];
        let mut input = rest.join("\n");
        input.push('\n');
        let child = Command::new(binary)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn();
        let mut child = match child {
            Ok(child) => child,
            Err(e) => {
                let why = format!("cannot run {}: {e}", binary.display());
                results.resize(lines.len(), Err(why));
                break;
            }
        };
        let mut stdin = child.stdin.take().expect("piped");
        let writer = std::thread::spawn(move || {
            // A runner that stops early closes the pipe: not an error here.
            let _ = stdin.write_all(input.as_bytes());
        });
        let output = child.wait_with_output();
        let _ = writer.join();
        let output = match output {
            Ok(output) => output,
            Err(e) => {
                let why = format!("cannot run {}: {e}", binary.display());
                results.resize(lines.len(), Err(why));
                break;
            }
        };
        let before = results.len();
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            if results.len() - before == rest.len() {
                break;
            }
            let result: Value = serde_json::from_str(line).unwrap_or(Value::Null);
            results.push(match (result.get("ok"), result.get("err")) {
                (Some(ok), _) => Ok(ok.clone()),
                (None, Some(err)) => Err(err.as_str().unwrap_or_default().to_owned()),
                (None, None) => Err(format!("the runner wrote `{line}`")),
            });
        }
        if results.len() - before < rest.len() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
            results.push(Err(format!(
                "the round-trip runner stopped ({}): {}",
                output.status,
                last.unwrap_or("no message")
            )));
        }
    }
    results
}

/// The parts of `value` that have a named type of their own, with their pointers (`""` for the
/// value), following the model as the generated code reads the value. `null`s are left out (a
/// field's `Nullable` reads them, not the type), and an untagged union is followed only into the
/// one variant whose JSON kind fits the value, when there is exactly one.
fn named_parts<'v>(
    model: &Model,
    ty: &TypeRef,
    value: &'v Value,
    pointer: &str,
    out: &mut Vec<(String, TypeId, &'v Value)>,
    depth: usize,
) {
    const MAX_DEPTH: usize = 64;
    if depth > MAX_DEPTH || value.is_null() {
        return;
    }
    match ty {
        TypeRef::Named(id) => {
            out.push((pointer.to_owned(), *id, value));
            match &model.get(*id).kind {
                TypeKind::Struct(s) => {
                    let Value::Object(map) = value else { return };
                    for (key, item) in map {
                        let here = format!("{pointer}/{}", escape(key));
                        let field = s.fields.iter().find(|f| f.wire_name == *key);
                        if let Some(ty) = field.map(|f| &f.ty).or(s.additional.as_ref()) {
                            named_parts(model, ty, item, &here, out, depth + 1);
                        }
                    }
                }
                TypeKind::Alias(alias) => {
                    named_parts(model, &alias.ty, value, pointer, out, depth + 1);
                }
                TypeKind::Union(union) => {
                    let chosen: Vec<&TypeRef> = match &union.discriminator {
                        Some(tag) => {
                            let tag = value.get(tag).and_then(Value::as_str);
                            union
                                .variants
                                .iter()
                                .filter(|v| tag.is_some() && v.tag.as_deref() == tag)
                                .map(|v| &v.ty)
                                .collect()
                        }
                        None => union
                            .variants
                            .iter()
                            .filter(|v| {
                                json_kind(model, &v.ty, 0)
                                    .is_none_or(|kind| kind == compare::kind(value))
                            })
                            .map(|v| &v.ty)
                            .collect(),
                    };
                    if let [only] = chosen.as_slice() {
                        named_parts(model, only, value, pointer, out, depth + 1);
                    }
                }
                TypeKind::Enum(_) => {}
            }
        }
        TypeRef::Array(item) => {
            if let Value::Array(items) = value {
                for (i, item_value) in items.iter().enumerate() {
                    let here = format!("{pointer}/{i}");
                    named_parts(model, item, item_value, &here, out, depth + 1);
                }
            }
        }
        TypeRef::Tuple(items) => {
            if let Value::Array(values) = value {
                for (i, (item, item_value)) in items.iter().zip(values).enumerate() {
                    let here = format!("{pointer}/{i}");
                    named_parts(model, item, item_value, &here, out, depth + 1);
                }
            }
        }
        TypeRef::Nullable(inner) => named_parts(model, inner, value, pointer, out, depth + 1),
        TypeRef::Map(item) => {
            if let Value::Object(map) = value {
                for (key, item_value) in map {
                    let here = format!("{pointer}/{}", escape(key));
                    named_parts(model, item, item_value, &here, out, depth + 1);
                }
            }
        }
        TypeRef::Primitive(_) | TypeRef::Object | TypeRef::Any => {}
    }
}

/// The JSON kind (as [`compare::kind`] names it) of every value of `ty`, when there is one.
fn json_kind(model: &Model, ty: &TypeRef, depth: usize) -> Option<&'static str> {
    use modelgen::ir::{Primitive, Repr};
    match ty {
        TypeRef::Named(id) => match &model.get(*id).kind {
            TypeKind::Struct(_) => Some("object"),
            TypeKind::Enum(e) => match e.repr {
                Repr::String => Some("string"),
                Repr::Integer | Repr::Number => Some("number"),
                Repr::Boolean => Some("boolean"),
                Repr::Mixed => None,
            },
            TypeKind::Alias(alias) if depth < 16 => json_kind(model, &alias.ty, depth + 1),
            TypeKind::Alias(_) | TypeKind::Union(_) => None,
        },
        TypeRef::Primitive(Primitive::Boolean) => Some("boolean"),
        TypeRef::Primitive(
            Primitive::Int32 | Primitive::Int64 | Primitive::Float | Primitive::Double,
        ) => Some("number"),
        TypeRef::Primitive(_) => Some("string"),
        TypeRef::Array(_) | TypeRef::Tuple(_) => Some("array"),
        TypeRef::Map(_) | TypeRef::Object => Some("object"),
        TypeRef::Nullable(inner) => json_kind(model, inner, depth + 1),
        TypeRef::Any => None,
    }
}
