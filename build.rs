//! Generates the Onfido models from `spec/onfido/` into `OUT_DIR` at build time, with the
//! configuration in `build/onfido.rs`.

#[path = "build/onfido.rs"]
mod onfido;

fn main() {
    // Relative paths, so the generated header and rerun-if-changed lines do not depend on where the
    // repository is checked out.
    let config = onfido::config(std::path::Path::new(""));
    if let Err(error) = config.build() {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
