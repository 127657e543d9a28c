//! Times generation of the Onfido models, stage by stage: `cargo bench -p modelgen`.
//!
//! A bench binary rather than criterion, to keep the generator's dev-dependencies light: it runs
//! each stage a fixed number of times after a warm-up and prints the median with the spread.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const RUNS: usize = 30;

fn time<T>(label: &str, mut f: impl FnMut() -> T) -> Duration {
    black_box(f());
    let mut samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    samples.sort();
    let median = samples[RUNS / 2];
    println!(
        "{label:<34} median {:>8.2} ms   min {:>8.2} ms   max {:>8.2} ms   ({RUNS} runs)",
        ms(median),
        ms(samples[0]),
        ms(samples[RUNS - 1])
    );
    median
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
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
