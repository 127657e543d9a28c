//! What a check prints: one markdown table for every spec, the first error lines of the specs that
//! failed, and a report per spec with every failure grouped by cause.

use std::fmt::Write as _;
use std::time::Duration;

use crate::classify;
use crate::pipeline::{Build, Generation, Outcome, Tally};

/// One row of the table: a spec checked, or skipped and why.
#[derive(Clone, Debug)]
pub enum Entry {
    /// The spec was checked.
    Checked(Box<Outcome>),
    /// The spec was not there (or could not be fetched).
    Skipped {
        /// The spec's short name.
        name: String,
        /// Why.
        why: String,
    },
}

/// The table of every spec, in markdown.
pub fn table(entries: &[Entry], clippy: bool) -> String {
    let mut header = vec![
        "spec",
        "OpenAPI",
        "types",
        "generate (median of runs)",
        "build",
        "peak build memory",
    ];
    if clippy {
        header.push("clippy");
    }
    header.extend([
        "examples round-tripped / tried / contradicting",
        "fixtures round-tripped / tried",
        "result",
    ]);
    let mut out = format!("| {} |\n|", header.join(" | "));
    for (i, _) in header.iter().enumerate() {
        out.push_str(if (2..header.len() - 1).contains(&i) {
            " ---: |"
        } else {
            " --- |"
        });
    }
    out.push('\n');
    for entry in entries {
        let cells = match entry {
            Entry::Skipped { name, why } => {
                let mut cells = vec![name.clone()];
                cells.resize(header.len() - 1, "-".to_owned());
                cells.push(format!("skipped: {why}"));
                cells
            }
            Entry::Checked(outcome) => row(outcome, clippy),
        };
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

fn row(o: &Outcome, clippy: bool) -> Vec<String> {
    let dash = || "-".to_owned();
    let generation = match &o.generation {
        Generation::Done { median, .. } => seconds(median.as_secs_f64()),
        Generation::Failed(_) => "FAILED".to_owned(),
    };
    let (build, memory) = match &o.build {
        Some(b) if b.ok => (seconds(b.seconds), b.peak_kib.map_or_else(dash, memory)),
        Some(b) => ("FAILED".to_owned(), b.peak_kib.map_or_else(dash, memory)),
        None => (dash(), dash()),
    };
    let mut cells = vec![
        o.name.clone(),
        o.openapi.clone().unwrap_or_else(dash),
        match o.generation {
            Generation::Done { .. } => o.types.to_string(),
            Generation::Failed(_) => dash(),
        },
        generation,
        build,
        memory,
    ];
    if clippy {
        cells.push(match &o.clippy {
            Some(b) if b.ok => "ok".to_owned(),
            Some(b) => format!("FAILED ({} messages)", b.messages.len()),
            None => dash(),
        });
    }
    let tried = o.runner.as_ref().is_some_and(|r| r.ok);
    let Tally {
        passed,
        tried: examples,
        contradicting,
    } = o.examples;
    cells.push(if tried {
        format!("{passed} / {examples} / {contradicting}")
    } else {
        dash()
    });
    cells.push(match &o.fixtures {
        Some(f) if tried => format!("{} / {}", f.passed, f.tried),
        _ => dash(),
    });
    cells.push(status(o).to_owned());
    cells
}

/// What failed first, or `ok`.
fn status(o: &Outcome) -> &'static str {
    match (&o.generation, &o.build, &o.clippy, &o.runner) {
        (Generation::Failed(_), ..) => "generation FAILED",
        (_, Some(b), ..) if !b.ok => "build FAILED",
        (_, _, Some(c), _) if !c.ok => "clippy FAILED",
        (_, _, _, Some(r)) if !r.ok => "round-trip runner build FAILED",
        _ => "ok",
    }
}

/// For each spec that failed to generate or build, its first error lines.
pub fn first_errors(entries: &[Entry]) -> String {
    const LINES: usize = 12;
    let mut out = String::new();
    for entry in entries {
        let Entry::Checked(o) = entry else { continue };
        if !o.failed() {
            continue;
        }
        let text = match (&o.generation, failed_build(o)) {
            (Generation::Failed(diagnostics), _) => diagnostics
                .iter()
                .map(|d| format!("error: {d}"))
                .collect::<Vec<_>>()
                .join("\n"),
            (_, Some(b)) => build_errors(b),
            _ => continue,
        };
        let lines: Vec<&str> = text.lines().collect();
        let _ = writeln!(out, "\n{} ({}):\n```", o.name, status(o));
        for line in lines.iter().take(LINES) {
            let _ = writeln!(out, "{line}");
        }
        if lines.len() > LINES {
            let _ = writeln!(out, "… {} more lines", lines.len() - LINES);
        }
        out.push_str("```\n");
    }
    out
}

fn failed_build(o: &Outcome) -> Option<&Build> {
    [&o.build, &o.clippy, &o.runner]
        .into_iter()
        .flatten()
        .find(|b| !b.ok)
}

/// The errors of a failed build: the compiler's, or cargo's own when there are none.
fn build_errors(b: &Build) -> String {
    let errors: Vec<&str> = b
        .messages
        .iter()
        .filter(|m| m.level == "error")
        .map(|m| m.rendered.as_str())
        .collect();
    if errors.is_empty() {
        b.stderr.clone()
    } else {
        errors.join("")
    }
}

/// The report of one spec, in markdown: the figures, then every problem grouped by cause, the
/// largest group first, each with one example in full.
pub fn spec_report(o: &Outcome) -> String {
    let mut out = format!("# Real-world corpus: {}\n\n", o.name);
    let _ = writeln!(
        out,
        "- input: `{}` (OpenAPI {}, {} files read)",
        o.input.display(),
        o.openapi.as_deref().unwrap_or("?"),
        o.files
    );
    let _ = writeln!(out, "- result: {}", status(o));
    match &o.generation {
        Generation::Done {
            median,
            runs,
            stages,
            lines,
        } => {
            let runs: Vec<String> = runs.iter().map(|r| seconds(r.as_secs_f64())).collect();
            let _ = writeln!(
                out,
                "- generation: {} types, {lines} lines of Rust; median {} of {} runs ({})",
                o.types,
                seconds(median.as_secs_f64()),
                runs.len(),
                runs.join(", ")
            );
            for (name, time) in stages {
                let _ = writeln!(out, "  - {}: {name}", millis(*time));
            }
        }
        Generation::Failed(d) => {
            let _ = writeln!(out, "- generation: FAILED, {} errors", d.len());
        }
    }
    for (label, build) in [
        ("build of the models", &o.build),
        ("clippy", &o.clippy),
        ("build of the round-trip runner", &o.runner),
    ] {
        if let Some(b) = build {
            let _ = writeln!(
                out,
                "- {label} (`{}`, warnings denied): {}, {}, peak memory {}, {} compiler messages",
                b.command,
                if b.ok { "ok" } else { "FAILED" },
                seconds(b.seconds),
                b.peak_kib.map_or_else(|| "?".to_owned(), memory),
                b.messages.len()
            );
            if !b.compiled_dependencies.is_empty() {
                let _ = writeln!(
                    out,
                    "  - dependencies compiled during this step (its time includes theirs): {}",
                    b.compiled_dependencies.join(", ")
                );
            }
        }
    }
    let e = o.examples;
    let _ = writeln!(
        out,
        "- examples: {} of {} round-tripped; {} contradict their schema (not tried)",
        e.passed, e.tried, e.contradicting
    );
    if let Some(f) = o.fixtures {
        let _ = writeln!(out, "- fixtures: {} of {} round-tripped", f.passed, f.tried);
    }
    for note in &o.notes {
        let _ = writeln!(out, "- note: {note}");
    }

    if let Generation::Failed(diagnostics) = &o.generation {
        out.push_str("\n## Generation errors\n");
        for (class, group) in groups(diagnostics, |d| classify::class(&d.message)) {
            let _ = writeln!(out, "\n### {} × {class}\n", group.len());
            out.push_str("```text\n");
            for d in group {
                let _ = writeln!(out, "error: {d}");
            }
            out.push_str("```\n");
        }
    }
    for (label, build) in [
        ("Build of the models", &o.build),
        ("Clippy", &o.clippy),
        ("Build of the round-trip runner", &o.runner),
    ] {
        let Some(b) = build else { continue };
        if b.messages.is_empty() && b.ok {
            continue;
        }
        let _ = writeln!(out, "\n## {label}: compiler messages by kind\n");
        if b.messages.is_empty() {
            let _ = writeln!(
                out,
                "No compiler message; cargo said:\n\n```text\n{}\n```",
                b.stderr.trim_end()
            );
        }
        let by_kind = groups(&b.messages, |m| {
            let code = if m.code.is_empty() { "-" } else { &m.code };
            format!("{} `{code}`: {}", m.level, classify::class(&m.text))
        });
        for (class, group) in by_kind {
            let _ = writeln!(out, "### {} × {class}\n", group.len());
            let _ = writeln!(out, "```text\n{}\n```\n", cut_lines(&group[0].rendered, 40));
        }
    }

    if !o.failures.is_empty() {
        out.push_str("\n## Round-trip failures by class\n\n");
        out.push_str("| count | class | one example |\n| ---: | --- | --- |\n");
        let by_class = groups(&o.failures, |f| f.class.clone());
        for (class, group) in &by_class {
            let f = group[0];
            let _ = writeln!(
                out,
                "| {} | {} | {} at `{}`: {} |",
                group.len(),
                cell(class),
                f.what,
                f.pointer,
                cell(&f.detail)
            );
        }
        out.push_str("\n### Every failure\n\n");
        for (class, group) in &by_class {
            let _ = writeln!(out, "#### {class}\n");
            for f in group {
                let _ = write!(out, "- {} at `{}`: {}", f.what, f.pointer, f.detail);
                match &f.schema_problems {
                    Some(p) if p.is_empty() => out.push_str(" [fits its schema]"),
                    Some(p) => {
                        let _ = write!(
                            out,
                            " [contradicts its schema: {}]",
                            modelgen::examples::summary(p)
                        );
                    }
                    None => {}
                }
                out.push('\n');
            }
            out.push('\n');
        }
    }

    if !o.contradictions.is_empty() {
        out.push_str("\n## Examples that contradict their schema (not tried)\n\n");
        let by_class = groups(&o.contradictions, |c| {
            let first = c.problems.first().map(String::as_str).unwrap_or_default();
            let what = first.split_once(": ").map_or(first, |(_, what)| what);
            classify::class(what)
        });
        for (class, group) in by_class {
            let _ = writeln!(out, "### {} × {class}\n", group.len());
            for c in group {
                let _ = writeln!(
                    out,
                    "- example {} of `{}`: {}",
                    c.index,
                    c.type_name,
                    modelgen::examples::summary(&c.problems)
                );
            }
            out.push('\n');
        }
    }

    if !o.warnings.is_empty() {
        out.push_str("\n## Generator warnings by kind\n\n");
        // The head of a message names its kind; the rest, its particulars.
        let head = |w: &modelgen::Diagnostic| {
            let head = w
                .message
                .split_once(": ")
                .map_or(w.message.as_str(), |(h, _)| h);
            classify::class(head)
        };
        for (class, group) in groups(&o.warnings, head) {
            let _ = writeln!(
                out,
                "- {} × {class}; for example: {}",
                group.len(),
                cell(&group[0].to_string())
            );
        }
    }
    out
}

/// `items` grouped by `key`: the largest group first, then in order of first appearance.
fn groups<T>(items: &[T], key: impl Fn(&T) -> String) -> Vec<(String, Vec<&T>)> {
    let mut out: Vec<(String, Vec<&T>)> = Vec::new();
    for item in items {
        let k = key(item);
        match out.iter_mut().find(|(existing, _)| *existing == k) {
            Some((_, group)) => group.push(item),
            None => out.push((k, vec![item])),
        }
    }
    // A stable sort keeps the order of first appearance among equal counts.
    out.sort_by_key(|(_, group)| std::cmp::Reverse(group.len()));
    out
}

/// Text fit for a table cell: one line, no bar.
fn cell(text: &str) -> String {
    let one_line = text.lines().collect::<Vec<_>>().join(" ");
    one_line.replace('|', "\\|")
}

fn cut_lines(text: &str, max: usize) -> String {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    if lines.len() <= max {
        return lines.join("\n");
    }
    format!(
        "{}\n… {} more lines",
        lines[..max].join("\n"),
        lines.len() - max
    )
}

/// Seconds with three significant digits or so: `0.412 s`, `4.12 s`, `41.2 s`, `412 s`.
pub fn seconds(s: f64) -> String {
    if s < 1.0 {
        format!("{s:.3} s")
    } else if s < 10.0 {
        format!("{s:.2} s")
    } else if s < 100.0 {
        format!("{s:.1} s")
    } else {
        format!("{s:.0} s")
    }
}

fn millis(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// KiB as MiB or GiB.
pub fn memory(kib: u64) -> String {
    let mib = kib as f64 / 1024.0;
    if mib < 1024.0 {
        format!("{mib:.0} MiB")
    } else {
        format!("{:.2} GiB", mib / 1024.0)
    }
}
