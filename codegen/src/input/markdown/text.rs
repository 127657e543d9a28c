//! Character-level reading of openapi-generator markdown: HTML entities, the markdown escapes the
//! generators add, and splitting a raw table row into cells with their columns.

/// Text with, for every byte, the byte offset in the raw text it came from, so that an error found
/// after decoding can still point at the right column of the source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapped {
    /// The decoded text.
    pub text: String,
    /// `raw_offset[i]` is the offset in the raw text of decoded byte `i`; one extra entry for the end.
    pub raw_offset: Vec<usize>,
}

impl Mapped {
    /// The raw offset of decoded offset `i` (clamped to the end).
    pub fn raw(&self, i: usize) -> usize {
        let last = self.raw_offset.last().copied().unwrap_or(0);
        self.raw_offset.get(i).copied().unwrap_or(last)
    }
}

/// Decodes HTML character references once, and drops the backslash that the generators put before
/// quotes and before references (`\&#39;` is an escaped quote, not the literal text `&#39;`), and
/// before the pipes of a table cell. Other markdown escapes (`\*`, `\_`) are kept, because
/// descriptions stay markdown.
pub fn decode(raw: &str) -> Mapped {
    let mut text = String::with_capacity(raw.len());
    let mut raw_offset = Vec::with_capacity(raw.len() + 1);
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        if let Some(after) = rest.strip_prefix('\\') {
            if let Some(next) = after.chars().next() {
                if matches!(next, '\'' | '"' | '|' | '&') {
                    // The escape only hides the next character from markdown; keep that character.
                    i += 1;
                    continue;
                }
            }
        }
        if bytes[i] == b'&' {
            if let Some(end) = rest.find(';').filter(|&e| e > 1 && e <= 10) {
                if let Some(c) = crate::text::entity(&rest[1..end]) {
                    for _ in 0..c.len_utf8() {
                        raw_offset.push(i);
                    }
                    text.push(c);
                    i += end + 1;
                    continue;
                }
            }
        }
        let c = rest.chars().next().unwrap_or('\u{fffd}');
        for _ in 0..c.len_utf8() {
            raw_offset.push(i);
        }
        text.push(c);
        i += c.len_utf8().max(1);
    }
    raw_offset.push(raw.len());
    Mapped { text, raw_offset }
}

/// Decoded text of a description: entities and quote escapes resolved, lines joined, outer space
/// trimmed. `None` when nothing is left.
pub fn description(raw: &str) -> Option<String> {
    let joined: Vec<&str> = raw.lines().map(str::trim).collect();
    let text = decode(&joined.join("\n")).text;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// One cell of a raw table row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell<'a> {
    /// The cell's raw text, trimmed.
    pub text: &'a str,
    /// 1-based column (in characters) of the start of `text` in the line.
    pub column: usize,
}

/// Splits a raw table row at unescaped pipes. Outer pipes are optional in GFM, and openapi-generator
/// uses them in some dialects only, so an empty first or last cell next to an outer pipe is dropped
/// while there are more cells than `expected`. typescript writes union types with bare pipes
/// (`{ [key: string]: string | null; }`, `Array&lt;Tag | null&gt;`, `**string | number**`), so pipes
/// inside brackets or bold text are taken as part of a cell when that gives the expected count.
pub fn split_row(line: &str, expected: usize) -> Vec<Cell<'_>> {
    if expected > 0 {
        let nested = split_at_pipes(line, expected, true);
        if nested.len() == expected {
            return nested;
        }
    }
    split_at_pipes(line, expected, false)
}

fn split_at_pipes(line: &str, expected: usize, nesting: bool) -> Vec<Cell<'_>> {
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    let mut depth = 0usize;
    let mut bold = false;
    let mut skip = false;
    for (i, c) in line.char_indices() {
        let rest = &line[i..];
        if std::mem::take(&mut skip) {
            continue;
        }
        match c {
            '\\' if !escaped => {
                escaped = true;
                continue;
            }
            '<' | '{' | '[' | '(' if nesting => depth += 1,
            '>' | '}' | ']' | ')' if nesting => depth = depth.saturating_sub(1),
            '&' if nesting && rest.starts_with("&lt;") => depth += 1,
            '&' if nesting && rest.starts_with("&gt;") => depth = depth.saturating_sub(1),
            '*' if nesting && rest.starts_with("**") => {
                bold = !bold;
                skip = true;
            }
            '|' if !escaped && depth == 0 && !bold => {
                cells.push(cell(line, start, i));
                start = i + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    cells.push(cell(line, start, line.len()));
    if cells.len() > expected && line.trim_start().starts_with('|') && cells[0].text.is_empty() {
        cells.remove(0);
    }
    if cells.len() > expected
        && line.trim_end().ends_with('|')
        && cells.last().is_some_and(|c| c.text.is_empty())
    {
        cells.pop();
    }
    cells
}

fn cell(line: &str, start: usize, end: usize) -> Cell<'_> {
    let piece = &line[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let text = piece.trim();
    let column = line[..start + lead].chars().count() + 1;
    Cell { text, column }
}

/// Removes one pair of `**` around `s`, if present.
pub fn unbold(s: &str) -> &str {
    s.strip_prefix("**")
        .and_then(|s| s.strip_suffix("**"))
        .unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_escapes_are_decoded_once() {
        for (raw, want) in [
            ("Array&lt;string&gt;", "Array<string>"),
            ("status is \\&#39;error\\&#39;.", "status is 'error'."),
            (
                "the &#x60;page&#x60; &quot;x&quot; &amp;lt;",
                "the `page` \"x\" &lt;",
            ),
            ("Driver\\'s &#233; \\*kept\\*", "Driver's é \\*kept\\*"),
            ("a & b &unknown; &", "a & b &unknown; &"),
            ("pipe \\| here", "pipe | here"),
        ] {
            assert_eq!(decode(raw).text, want, "{raw}");
        }
    }

    #[test]
    fn decoded_offsets_point_back_into_the_raw_text() {
        let m = decode("Array&lt;Tag");
        assert_eq!(m.text, "Array<Tag");
        assert_eq!(m.raw(5), 5);
        assert_eq!(m.raw(6), 9);
        assert_eq!(m.raw(9), 12);
    }

    fn texts(line: &str, n: usize) -> Vec<(String, usize)> {
        split_row(line, n)
            .into_iter()
            .map(|c| (c.text.to_owned(), c.column))
            .collect()
    }

    #[test]
    fn rows_split_with_and_without_outer_pipes() {
        assert_eq!(
            texts("**a** | **str** | d | ", 4),
            [("**a**", 1), ("**str**", 9), ("d", 19), ("", 23)].map(|(a, b)| (a.to_owned(), b))
        );
        assert_eq!(texts("|**a** | **b** | d |  [optional] |", 4).len(), 4);
        assert_eq!(texts("| **a** | **b** | d |  |", 4)[3].0, "");
        assert_eq!(texts("**a** | b \\| c | d | e", 4)[1].0, "b \\| c");
        assert_eq!(texts("**a** | b | d", 4).len(), 3);
        // typescript's unions keep their pipes when brackets hold them.
        assert_eq!(
            texts(
                "**a** | **{ [key: string]: string | null; }** | d | [optional]",
                4
            )[1]
            .0,
            "**{ [key: string]: string | null; }**"
        );
        assert_eq!(
            texts(
                "**a** | [**Array&lt;Tag | null&gt;**](Tag.md) | d (see [x](y)) | n",
                4
            )[1]
            .0,
            "[**Array&lt;Tag | null&gt;**](Tag.md)"
        );
        assert_eq!(
            texts("**a** | **string | number** | d | n", 4)[1].0,
            "**string | number**"
        );
    }
}
