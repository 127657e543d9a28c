//! Errors that point into the input: file, line and column (or JSON pointer), message, source line.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in a file a problem is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// 1-based line, when the parser knows it.
    pub line: Option<usize>,
    /// 1-based column, when the parser knows it.
    pub column: Option<usize>,
    /// JSON pointer into the document (`#/components/schemas/x`), for spec inputs.
    pub pointer: Option<String>,
}

/// One problem found in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub file: PathBuf,
    /// Where in the file.
    pub location: Location,
    /// What is wrong, and what was expected.
    pub message: String,
    /// The offending source line, when it is known.
    pub snippet: Option<String>,
    /// The `$ref`s that led here, outermost first (`a.yaml#/x -> b.yaml#/y`).
    pub via: Vec<String>,
}

impl Diagnostic {
    /// A problem in `file` with no position yet.
    pub fn new(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            location: Location::default(),
            message: message.into(),
            snippet: None,
            via: Vec::new(),
        }
    }

    /// Sets the JSON pointer.
    pub fn at_pointer(mut self, pointer: impl Into<String>) -> Self {
        self.location.pointer = Some(pointer.into());
        self
    }

    /// Sets line and column (1-based), and the source line if `source` is given.
    pub fn at_line(mut self, line: usize, column: usize, source: Option<&str>) -> Self {
        self.location.line = Some(line);
        self.location.column = Some(column);
        self.snippet = source
            .and_then(|s| s.lines().nth(line.wrapping_sub(1)))
            .map(str::to_owned);
        self
    }

    /// Like [`Diagnostic::at_line`], finding the source line in `source` through `lines`, its line
    /// starts: for readers that report many problems in one file, where finding each line anew
    /// would take time quadratic in the file.
    pub fn at_line_in(
        mut self,
        line: usize,
        column: usize,
        source: &str,
        lines: &LineStarts,
    ) -> Self {
        self.location.line = Some(line);
        self.location.column = Some(column);
        self.snippet = lines.line(source, line).map(str::to_owned);
        self
    }
}

/// Where each line of a text starts, found once.
#[derive(Clone, Debug, Default)]
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    /// The line starts of `text`.
    pub fn new(text: &str) -> Self {
        LineStarts(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    /// Line `line` (1-based) of `text`, the text these starts were found in, without its line end
    /// (as [`str::lines`] gives it).
    pub fn line<'t>(&self, text: &'t str, line: usize) -> Option<&'t str> {
        let start = *self.0.get(line.checked_sub(1)?)?;
        let end = self.0.get(line).map_or(text.len(), |&next| next - 1);
        let found = text.get(start..end)?;
        if start == text.len() {
            // `lines` gives no line after a final line end.
            return None;
        }
        Some(found.strip_suffix('\r').unwrap_or(found))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.location.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.location.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(pointer) = &self.location.pointer {
            write!(f, " ({pointer})")?;
        }
        write!(f, ": {}", self.message)?;
        if let (Some(snippet), Some(line)) = (&self.snippet, self.location.line) {
            let gutter = line.to_string();
            write!(f, "\n {gutter} | {snippet}")?;
            if let Some(column) = self.location.column {
                let pad = " ".repeat(gutter.len());
                let indent: String = snippet
                    .chars()
                    .take(column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "\n {pad} | {indent}^")?;
            }
        }
        for (i, step) in self.via.iter().enumerate() {
            let lead = if i == 0 {
                "reached through"
            } else {
                "           then"
            };
            write!(f, "\n   {lead} {step}")?;
        }
        Ok(())
    }
}

/// The error of every fallible public function: one or more diagnostics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The problems, in the order they were found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Error {
    /// An error with a single diagnostic.
    pub fn one(diagnostic: Diagnostic) -> Self {
        Error {
            diagnostics: vec![diagnostic],
        }
    }

    /// An I/O failure on `path`.
    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        Error::one(Diagnostic::new(
            path,
            format!("cannot read or write: {err}"),
        ))
    }
}

impl From<Diagnostic> for Error {
    fn from(diagnostic: Diagnostic) -> Self {
        Error::one(diagnostic)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "error: {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_give_the_lines_str_lines_gives() {
        for text in [
            "",
            "\n",
            "a",
            "a\nb",
            "a\nb\n",
            "a\r\nb\r\n",
            "x\n\ny\r\n\r\nz",
            "é\n½",
        ] {
            let starts = LineStarts::new(text);
            for n in 0usize..6 {
                let want = text.lines().nth(n.wrapping_sub(1));
                assert_eq!(starts.line(text, n), want, "{text:?} line {n}");
            }
        }
    }
}
