//! Runs `cargo` on generated crates: warnings denied, one target directory shared between runs so
//! the dependencies build once, the versions of the repository's `Cargo.lock`, and the wall time and
//! peak memory of each run.
//!
//! Shared by the real-world corpus check and `codegen/tests/generated_crates.rs` (which includes this
//! file by `#[path]`), so both build generated crates the same way and reuse each other's artifacts.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// What one `cargo` run did.
#[derive(Clone, Debug)]
pub struct Run {
    /// Cargo exited with success.
    pub success: bool,
    /// Standard output (with `--message-format json`, one JSON message a line).
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Wall time, in seconds.
    pub seconds: f64,
    /// The largest resident set of cargo or any process it waited for (rustc), in KiB, when
    /// `/usr/bin/time` is there to measure it.
    pub peak_kib: Option<u64>,
}

/// The repository's `Cargo.lock`: generated crates build with the dependency versions the repository
/// itself is tested with, and every workspace made here resolves to the same ones.
pub fn repository_lock() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("Cargo.lock"))
        .find(|lock| lock.is_file())
        .unwrap_or_else(|| PathBuf::from("Cargo.lock"))
}

/// Makes `dir` a workspace of the crates in `members` (folders of `dir`), with `extra` at the end of
/// its manifest (profiles), pinned to the versions of `lock` when `dir` has no lock file yet (cargo
/// drops the entries it does not need).
pub fn workspace(dir: &Path, members: &[&str], extra: &str, lock: &Path) -> std::io::Result<()> {
    let list: Vec<String> = members.iter().map(|m| format!("{m:?}")).collect();
    let manifest = format!(
        "[workspace]\nmembers = [{}]\nresolver = \"2\"\n{extra}",
        list.join(", ")
    );
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("Cargo.toml"), manifest)?;
    let own_lock = dir.join("Cargo.lock");
    if !own_lock.exists() && lock.is_file() {
        std::fs::copy(lock, own_lock)?;
    }
    Ok(())
}

/// Runs `cargo <args>` in `dir` with `target` as target directory, warnings denied for rustc and
/// rustdoc, and no incremental compilation (a build's time is that of a clean build of the crate).
pub fn cargo(cargo: &Path, dir: &Path, target: &Path, args: &[&str]) -> std::io::Result<Run> {
    const TIME: &str = "/usr/bin/time";
    let measure = Path::new(TIME).is_file();
    // Tests run in parallel threads of one process: one file per run.
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, Ordering::Relaxed);
    let time_file = target.join(format!(".cargo-time-{}-{run}", std::process::id()));
    let mut command = if measure {
        std::fs::create_dir_all(target)?;
        let mut command = Command::new(TIME);
        command
            .args(["-f", "%e %M", "-o"])
            .arg(&time_file)
            .arg(cargo);
        command
    } else {
        Command::new(cargo)
    };
    let started = Instant::now();
    let output = command
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("RUSTFLAGS", "-D warnings")
        .env("RUSTDOCFLAGS", "-D warnings")
        .env("CARGO_INCREMENTAL", "0")
        .output()?;
    let mut seconds = started.elapsed().as_secs_f64();
    let mut peak_kib = None;
    if measure {
        // `time` appends a line of its own when the command fails ("Command exited with non-zero
        // status 101"): the figures are on the last line.
        let text = std::fs::read_to_string(&time_file).unwrap_or_default();
        let _ = std::fs::remove_file(&time_file);
        if let Some((wall, kib)) = text.lines().last().and_then(|l| l.split_once(' ')) {
            seconds = wall.trim().parse().unwrap_or(seconds);
            peak_kib = kib.trim().parse().ok();
        }
    }
    Ok(Run {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        seconds,
        peak_kib,
    })
}
