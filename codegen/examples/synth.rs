//! Writes the synthetic spec of the benchmarks to standard output:
//! `cargo run --release -p modelgen --example synth -- COUNT [SEED] > synth.json`.

#[path = "../benches/support/synth.rs"]
mod synth;

fn main() {
    let mut args = std::env::args().skip(1);
    let count = args.next().and_then(|a| a.parse().ok());
    let seed = args.next().map_or(Some(1), |a| a.parse().ok());
    let (Some(count), Some(seed)) = (count, seed) else {
        eprintln!("usage: synth COUNT [SEED]   (COUNT schemas, as JSON on standard output)");
        std::process::exit(2);
    };
    println!("{}", synth::spec(count, seed));
}
