//! Doc comments: descriptions made safe for rustdoc, and the examples of a type as doctests.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::Context;
use crate::ir::TypeId;

impl Context<'_> {
    /// The docs of a type's examples: doctests that read each one and write it back unchanged when
    /// the crate path is known, JSON blocks otherwise. Built as raw lines: the code blocks must stay
    /// code, where a description's would be neutralised.
    pub(super) fn examples_doc(&self, id: TypeId, examples: &[serde_json::Value]) -> TokenStream {
        let values = self.example_doc_values(id, examples);
        quote!(#(#[doc = #values])*)
    }

    /// The values of the `#[doc]` attributes of [`Context::examples_doc`].
    pub(super) fn example_doc_values(
        &self,
        id: TypeId,
        examples: &[serde_json::Value],
    ) -> Vec<String> {
        if examples.is_empty() {
            return Vec::new();
        }
        // A crate path that is no Rust path (`3d-models`) would make doctests that cannot compile:
        // the examples are then shown as JSON.
        let krate = self
            .doctest_crate
            .as_deref()
            .filter(|k| syn::parse_str::<syn::Path>(k).is_ok());
        let mut lines = vec![String::new(), "# Examples".to_owned()];
        for example in examples {
            let json = example.to_string();
            lines.push(String::new());
            let problems = crate::examples::check(self.model, id, example);
            match krate {
                _ if !problems.is_empty() => {
                    lines.push(format!(
                        "From the API description, which this example contradicts (so it is no test): {}.",
                        crate::examples::summary(&problems).replace('`', "'")
                    ));
                    lines.push(String::new());
                    lines.extend(["```text".to_owned(), json, "```".to_owned()]);
                }
                Some(krate) => {
                    let hashes = "#".repeat(raw_hashes(&json));
                    // A nullable type takes `null` at each use, not in itself.
                    let ty = if self.model.get(id).nullable {
                        format!("Option<{krate}::{}>", self.view.name(id))
                    } else {
                        format!("{krate}::{}", self.view.name(id))
                    };
                    lines.extend([
                        "From the API description, read and written back unchanged:".to_owned(),
                        String::new(),
                        "```".to_owned(),
                        format!("let json: serde_json::Value = serde_json::from_str(r{hashes}\"{json}\"{hashes}).unwrap();"),
                        format!("let value: {ty} = serde_json::from_value(json.clone()).unwrap();"),
                        "let back = serde_json::to_value(&value).unwrap();".to_owned(),
                        format!("assert!({krate}::support::__examples::same(&back, &json), \"{{back}}\");"),
                        "```".to_owned(),
                    ]);
                }
                None => lines.extend(["```json".to_owned(), json, "```".to_owned()]),
            }
        }
        lines
            .iter()
            .map(|line| {
                // A carriage return alone is no character a doc comment may hold; tabs are a lint.
                let line = line.replace('\r', " ").replace('\t', "    ");
                if line.is_empty() {
                    line
                } else {
                    format!(" {line}")
                }
            })
            .collect()
    }
}

/// `#[doc]` attributes for a description, made safe for rustdoc: no line is indented (an indented
/// block would become a doctest), code fences are marked `text`, bare URLs become autolinks, and `[`,
/// `]` and `<` that are not markdown links are escaped so they cannot become broken intra-doc links or
/// HTML tags.
pub fn doc_attrs(text: &str) -> TokenStream {
    let lines = doc_values(text).into_iter().map(|line| {
        let lit = Literal::string(&line);
        quote!(#[doc = #lit])
    });
    quote!(#(#lines)*)
}

/// The values of the attributes [`doc_attrs`] writes: each line of the cleaned text, after a space.
pub(super) fn doc_values(text: &str) -> Vec<String> {
    sanitize_doc(text)
        .lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        })
        .collect()
}

fn sanitize_doc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_fence = false;
    let mut after_marked = false;
    // A carriage return alone ends a line too: a doc comment may not hold one.
    // Tabs in doc comments are a lint (`clippy::tabs_in_doc_comments`).
    let text = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', "    ");
    for line in text.trim().lines() {
        let line = line.trim();
        if let Some(lang) = line.strip_prefix("```") {
            if !in_fence && (lang.is_empty() || lang != "text") {
                out.push_str("```text\n");
            } else {
                out.push_str("```\n");
            }
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push_str(line);
        } else {
            // Lines are unindented, so text right after a quote or a list item would continue it
            // lazily (`clippy::doc_lazy_continuation`): it starts a paragraph of its own instead.
            let marked = line.starts_with('>') || is_list_item(line);
            if after_marked && !line.is_empty() && !marked {
                out.push('\n');
            }
            after_marked = marked;
            out.push_str(&escape_doc_line(line));
        }
        out.push('\n');
    }
    if in_fence {
        out.push_str("```\n");
    }
    out
}

/// Whether a (trimmed) line starts a markdown list item: `- `, `* `, `+ `, `1. ` or `1) `.
fn is_list_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    if digits > 0 {
        rest.starts_with(". ") || rest.starts_with(") ")
    } else {
        ["- ", "* ", "+ "].iter().any(|m| line.starts_with(m))
    }
}

fn escape_doc_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == ')' || c == '>' || c == '"' || c == '\'')
                .unwrap_or(rest.len());
            let url = rest[..end].trim_end_matches(['.', ',', ';', ':']);
            let preceded = out.ends_with('(') || out.ends_with('<');
            if preceded {
                out.push_str(url);
            } else {
                out.push('<');
                out.push_str(url);
                out.push('>');
            }
            rest = &rest[url.len()..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '[' => {
                // A markdown link `[text](url)` stays; any other bracket is escaped. It is a link
                // when the next bracket is a `]` followed by `(`: found by looking no further than
                // that bracket, so text of many brackets costs linear time.
                let is_link = rest[1..]
                    .find(['[', ']'])
                    .is_some_and(|close| rest[1 + close..].starts_with("]("));
                out.push_str(if is_link { "[" } else { "\\[" });
            }
            ']' => {
                let is_link = rest.starts_with("](");
                out.push_str(if is_link { "]" } else { "\\]" });
            }
            '<' => {
                if rest.starts_with("<http://") || rest.starts_with("<https://") {
                    out.push('<');
                } else {
                    out.push_str("&lt;");
                }
            }
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// How many `#` a raw string literal holding `text` needs.
fn raw_hashes(text: &str) -> usize {
    let mut most = 0;
    for (i, _) in text.match_indices('"') {
        let run = text[i + 1..].chars().take_while(|&c| c == '#').count();
        most = most.max(run + 1);
    }
    most
}

#[cfg(test)]
mod tests {
    use super::escape_doc_line;

    #[test]
    fn links_stay_other_brackets_are_escaped() {
        let cases = [
            ("[a](b)", "[a](b)"),
            ("[]()", "[]()"),
            ("[a] (b)", "\\[a\\] (b)"),
            ("[[a](b)", "\\[[a](b)"),
            ("[a[b](c)", "\\[a[b](c)"),
            ("a]b", "a\\]b"),
            ("[x", "\\[x"),
            (
                "see [docs](https://x.io/a) [1]",
                "see [docs](https://x.io/a) \\[1\\]",
            ),
        ];
        for (line, want) in cases {
            assert_eq!(escape_doc_line(line), want, "{line}");
        }
        // Many brackets: every one escaped but the last link's.
        let line = format!("{}x](y)", "[".repeat(10_000));
        let want = format!("{}[x](y)", "\\[".repeat(9_999));
        assert_eq!(escape_doc_line(&line), want);
    }
}
