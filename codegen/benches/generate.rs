//! Times generation of the Onfido models, stage by stage: `cargo bench -p modelgen`.
//!
//! A bench binary rather than criterion, to keep the generator's dev-dependencies light: it runs
//! each stage a fixed number of times after a warm-up and prints the median with the spread.
//!
//! It also times the JSON parser against the YAML parser on the same JSON text: the bundled Onfido
//! spec rendered as JSON, and each spec listed in `MODELGEN_BENCH_SPECS` (paths separated as in
//! `PATH`), such as GitHub's 13 MB description:
//! `MODELGEN_BENCH_SPECS=/path/api.github.com.json cargo bench -p modelgen --bench generate`;
//! it then times their whole generation too.
//!
//! Then it times whole generations of synthetic specs of 500 to 5,000 schemas (`support/synth.rs`;
//! `MODELGEN_BENCH_SYNTH=500,2000` for other sizes, `0` for none) and fits the growth exponent of the
//! median time against the number of types: 1 is linear.

#[path = "support/synth.rs"]
mod synth;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const RUNS: usize = 30;

fn time<T>(label: &str, f: impl FnMut() -> T) -> Duration {
    time_runs(label, RUNS, f).0
}

/// Runs `f` `runs` times after a warm-up; prints and returns the median and the fastest run.
fn time_runs<T>(label: &str, runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    black_box(f());
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            // The result is dropped after the clock stops: freeing a large value is not its making.
            let start = Instant::now();
            let out = black_box(f());
            let elapsed = start.elapsed();
            drop(out);
            elapsed
        })
        .collect();
    samples.sort();
    let median = samples[runs / 2];
    println!(
        "{label:<34} median {:>8.2} ms   min {:>8.2} ms   max {:>8.2} ms   ({runs} runs)",
        ms(median),
        ms(samples[0]),
        ms(samples[runs - 1])
    );
    (median, samples[0])
}

fn print_speed(mb: f64, (median, min): (Duration, Duration)) {
    println!(
        "{:<34} {:>8.1} MB/s at the median, {:.1} MB/s at best",
        "",
        mb / median.as_secs_f64(),
        mb / min.as_secs_f64()
    );
}

/// Times both parsers on one JSON text, with fewer runs for large texts.
fn compare_parsers(name: &str, path: &Path, text: &str) {
    let mb = text.len() as f64 / 1e6;
    println!("{name} ({mb:.1} MB):");
    let start = Instant::now();
    let first = modelgen::input::json::parse(path, text);
    let runs = (5.0 / start.elapsed().as_secs_f64().max(1e-6)).clamp(5.0, RUNS as f64) as usize;
    if let Err(e) = first {
        println!("  the JSON parser fails: {e}");
        return;
    }
    let timing = time_runs("  JSON parser", runs, || {
        modelgen::input::json::parse(path, text).unwrap()
    });
    print_speed(mb, timing);
    match modelgen::input::yaml::parse(path, text) {
        Ok(_) => {
            let timing = time_runs("  YAML parser", 5, || {
                modelgen::input::yaml::parse(path, text).unwrap()
            });
            print_speed(mb, timing);
        }
        Err(e) => println!("  the YAML parser fails: {}", e.diagnostics[0].message),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// How many runs fit in about `budget` seconds, given the first one took `first`.
fn runs_for(first: Duration, budget: f64) -> usize {
    (budget / first.as_secs_f64().max(1e-6)).clamp(5.0, RUNS as f64) as usize
}

/// Times `Config::generate` on `path`; returns the number of types and the median.
fn time_generation(label: &str, path: &Path) -> Option<(usize, Duration)> {
    let mut config = modelgen::Config::new();
    config.input(path);
    let start = Instant::now();
    let first = match config.generate() {
        Ok(generated) => generated,
        Err(e) => {
            println!("{label}: does not generate: {e}");
            return None;
        }
    };
    let runs = runs_for(start.elapsed(), 20.0);
    let types = first.model.types.len();
    let lines = first.code.lines().count();
    drop(first);
    let label = format!("{label} ({types} types, {lines} lines)");
    let (median, _) = time_runs(&label, runs, || config.generate().unwrap());
    Some((types, median))
}

/// The least-squares slope of log(time) against log(size).
fn growth_exponent(points: &[(usize, Duration)]) -> f64 {
    let logs: Vec<(f64, f64)> = points
        .iter()
        .map(|(n, t)| ((*n as f64).ln(), t.as_secs_f64().ln()))
        .collect();
    let count = logs.len() as f64;
    let mean_x = logs.iter().map(|p| p.0).sum::<f64>() / count;
    let mean_y = logs.iter().map(|p| p.1).sum::<f64>() / count;
    let covariance: f64 = logs.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let variance: f64 = logs.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    covariance / variance
}

fn synthetic(root: &Path) {
    let sizes: Vec<usize> = match std::env::var("MODELGEN_BENCH_SYNTH") {
        Ok(list) => list
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .filter(|n| *n > 0)
            .collect(),
        Err(_) => vec![500, 1000, 2000, 5000],
    };
    if sizes.is_empty() {
        return;
    }
    let dir = root.join("target/bench-synth");
    std::fs::create_dir_all(&dir).expect("the target directory is writable");
    println!("Synthetic specs (whole generation, in process):");
    let mut points = Vec::new();
    for size in sizes {
        let path = dir.join(format!("synth-{size}.json"));
        let text = synth::spec(size, 1);
        std::fs::write(&path, &text).expect("the target directory is writable");
        let label = format!("  {size} schemas, {:.1} MB", text.len() as f64 / 1e6);
        if let Some(point) = time_generation(&label, &path) {
            points.push(point);
        }
    }
    if points.len() >= 2 {
        println!(
            "  growth: time ~ types^{:.2} (least squares over the medians)",
            growth_exponent(&points)
        );
    }
    println!();
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported and not needed.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let multi = root.join("spec/onfido/openapi.yaml");
    let bundled = root.join("codegen/tests/fixtures/onfido-2026-02-bundled.yaml");

    let loaded = modelgen::input::load(&multi).expect("the Onfido spec loads");
    println!(
        "Onfido spec: {} files, {} types\n",
        loaded.files.len(),
        loaded.model.types.len()
    );
    let label = format!("load multi-file spec ({} files)", loaded.files.len());
    time(&label, || modelgen::input::load(&multi).unwrap());
    time("load bundled spec (one file)", || {
        modelgen::input::load(&bundled).unwrap()
    });
    let text = std::fs::read_to_string(&bundled).unwrap();
    let label = format!("  of which: parse YAML ({} KB)", text.len() / 1024);
    time(&label, || {
        modelgen::input::yaml::parse(&bundled, &text).unwrap()
    });
    let value = modelgen::input::yaml::parse(&bundled, &text).unwrap().value;
    let as_json = serde_json::to_string_pretty(&value).unwrap();
    println!();
    compare_parsers(
        "Onfido bundled spec as JSON",
        Path::new("onfido.json"),
        &as_json,
    );
    let extra = std::env::var_os("MODELGEN_BENCH_SPECS").unwrap_or_default();
    let extra: Vec<_> = std::env::split_paths(&extra)
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    for path in &extra {
        match std::fs::read_to_string(path) {
            Ok(text) => compare_parsers(&path.display().to_string(), path, &text),
            Err(e) => println!("{}: {e}", path.display()),
        }
    }
    println!();
    for path in &extra {
        let label = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        time_generation(&format!("whole generation of {label}"), path);
    }
    synthetic(&root);

    let options = modelgen::Options::default();
    time("emit tokens", || {
        modelgen::emit::emit(&loaded.model, &options)
    });
    time("emit + format (prettyplease)", || {
        modelgen::generate_model(&loaded.model, &options, "openapi.yaml").unwrap()
    });
    let mut config = modelgen::Config::new();
    config.input(&multi);
    time("whole generation (Config::generate)", || {
        config.generate().unwrap()
    });
}
