//! Turns error messages into classes, so a report can group a thousand failures into a few causes:
//! the parts that name one case (quoted names, numbers, type names) are masked.

/// `message` with its particulars masked: text in backticks or double quotes becomes `…`, numbers
/// `N` (not the digits of a word such as `i64`), the type name after `struct`, `enum` or `untagged enum` `…`, and a list of masked
/// items one item. Only the first line counts.
pub fn class(message: &str) -> String {
    let line = message.lines().next().unwrap_or_default();
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' | '"' => {
                // Masks up to the closing quote; an unclosed quote masks the rest.
                for d in chars.by_ref() {
                    if d == c {
                        break;
                    }
                }
                out.push(c);
                out.push('…');
                out.push(c);
            }
            '0'..='9' if !out.ends_with(|p: char| p.is_alphanumeric() || p == '_') => {
                while chars
                    .peek()
                    .is_some_and(|d| d.is_ascii_digit() || *d == '.')
                {
                    chars.next();
                }
                out.push('N');
            }
            _ => out.push(c),
        }
    }
    for keyword in ["struct ", "enum "] {
        out = mask_word_after(&out, keyword);
    }
    while out.contains("`…`, `…`") {
        out = out.replace("`…`, `…`", "`…`");
    }
    while out.contains("`…` or `…`") {
        out = out.replace("`…` or `…`", "`…`");
    }
    out
}

/// Masks the identifier that follows each `keyword` (`expected struct Account` → `expected struct …`).
fn mask_word_after(text: &str, keyword: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(keyword) {
        let (head, tail) = rest.split_at(at + keyword.len());
        out.push_str(head);
        let word = tail
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(tail.len());
        if word > 0 {
            out.push('…');
        }
        rest = &tail[word..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::class;

    #[test]
    fn particulars_are_masked() {
        for (message, expected) in [
            ("missing field `id`", "missing field `…`"),
            (
                "invalid type: string \"abc\", expected i64",
                "invalid type: string \"…\", expected i64",
            ),
            (
                "unknown variant `x`, expected one of `a`, `b`, `c`",
                "unknown variant `…`, expected one of `…`",
            ),
            (
                "data did not match any variant of untagged enum AccountExternal",
                "data did not match any variant of untagged enum …",
            ),
            (
                "invalid type: map, expected struct Pet",
                "invalid type: map, expected struct …",
            ),
            (
                "invalid value: integer `-1`, expected u32 at 12.5",
                "invalid value: integer `…`, expected u32 at N",
            ),
        ] {
            assert_eq!(class(message), expected, "{message}");
        }
    }
}
