//! The block structure of one model doc, read with pulldown-cmark: title, intro, and the sections
//! under each heading with their tables, list items and code blocks, all with line numbers.
//!
//! Only the structure comes from the markdown parser. Cells, list items and paragraphs are kept as raw
//! source text, because the generators' type spellings (`Option<**Vec<String>**>`,
//! `map[string]interface{}`) are not meant as markdown and would be mangled into HTML tags and links
//! by a faithful inline parse; and because a row with the wrong number of cells must be reported,
//! where GFM silently pads or truncates it.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A heading, with its text as plain characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, 2 for `##`, …
    pub level: u8,
    /// The heading's text (raw inline source, trimmed).
    pub text: String,
    /// 1-based line.
    pub line: usize,
}

/// A table: the header cells and the line of every body row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// 1-based line of the header row.
    pub line: usize,
    /// The raw header row.
    pub header: String,
    /// 1-based lines of the body rows.
    pub rows: Vec<usize>,
}

/// A list item or a paragraph: raw source and first line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The raw source text.
    pub raw: String,
    /// 1-based line of its start.
    pub line: usize,
}

/// Everything under one heading, up to the next heading.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Section {
    /// The heading; `None` for the part before the first heading.
    pub heading: Option<Heading>,
    /// Paragraphs, in order.
    pub paragraphs: Vec<Block>,
    /// Tables, in order.
    pub tables: Vec<Table>,
    /// Items of all lists, in order.
    pub items: Vec<Block>,
    /// Contents of fenced or indented code blocks, in order.
    pub code: Vec<Block>,
}

/// A parsed doc: its source lines and its sections in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc<'a> {
    /// The source, line by line (1-based line `n` is `lines[n - 1]`).
    pub lines: Vec<&'a str>,
    /// The sections, the headless prelude first.
    pub sections: Vec<Section>,
}

impl<'a> Doc<'a> {
    /// Parses `src`.
    pub fn parse(src: &'a str) -> Doc<'a> {
        const MAX_RECORDED_ITEM_DEPTH: usize = 8;
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset).max(1);
        let raw = |r: &Range<usize>| src.get(r.clone()).unwrap_or("").trim().to_owned();

        let mut sections = vec![Section::default()];
        // Paragraphs inside list items and table cells are not the section's own paragraphs.
        let mut depth_item = 0usize;
        let mut in_code = false;
        for (event, range) in Parser::new_ext(src, Options::ENABLE_TABLES).into_offset_iter() {
            let Some(current) = sections.last_mut() else {
                break;
            };
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    let text = raw(&range);
                    let text = text.trim_start_matches('#').trim_end_matches('#').trim();
                    sections.push(Section {
                        heading: Some(Heading {
                            level: heading_level(level),
                            text: text.to_owned(),
                            line: line_of(range.start),
                        }),
                        ..Section::default()
                    });
                }
                Event::Start(Tag::Table(_)) => current.tables.push(Table {
                    line: line_of(range.start),
                    header: String::new(),
                    rows: Vec::new(),
                }),
                Event::Start(Tag::TableHead) => {
                    if let Some(t) = current.tables.last_mut() {
                        t.header = src
                            .get(range.clone())
                            .unwrap_or("")
                            .lines()
                            .next()
                            .unwrap_or("")
                            .to_owned();
                    }
                }
                Event::Start(Tag::TableRow) => {
                    if let Some(t) = current.tables.last_mut() {
                        t.rows.push(line_of(range.start));
                    }
                }
                Event::Start(Tag::Item) => {
                    depth_item += 1;
                    // An item's text holds its nested items' text: copying it for every level of
                    // a list nested without end (`- - - … x`) would take memory quadratic in the
                    // line. Docs nest lists a level or two; deeper items stay in their parent's.
                    if depth_item <= MAX_RECORDED_ITEM_DEPTH {
                        current.items.push(Block {
                            raw: raw(&range),
                            line: line_of(range.start),
                        });
                    }
                }
                Event::End(TagEnd::Item) => depth_item = depth_item.saturating_sub(1),
                Event::Start(Tag::Paragraph) if depth_item == 0 => current.paragraphs.push(Block {
                    raw: raw(&range),
                    line: line_of(range.start),
                }),
                Event::Start(Tag::CodeBlock(_)) => {
                    in_code = true;
                    current.code.push(Block {
                        raw: String::new(),
                        line: line_of(range.start),
                    });
                }
                Event::End(TagEnd::CodeBlock) => in_code = false,
                // The text of a code block arrives as events of its own.
                Event::Text(text) if in_code => {
                    if let Some(code) = current.code.last_mut() {
                        code.raw.push_str(&text);
                    }
                }
                _ => {}
            }
        }
        Doc {
            lines: src.lines().collect(),
            sections,
        }
    }

    /// The raw text of 1-based line `line` (empty past the end).
    pub fn line(&self, line: usize) -> &'a str {
        line.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .copied()
            .unwrap_or("")
    }

    /// The first level-1 heading.
    pub fn title(&self) -> Option<&Heading> {
        self.sections
            .iter()
            .filter_map(|s| s.heading.as_ref())
            .find(|h| h.level == 1)
    }

    /// The sections whose heading satisfies `pred`.
    pub fn sections_where<'s>(
        &'s self,
        pred: impl Fn(&Heading) -> bool + 's,
    ) -> impl Iterator<Item = &'s Section> + 's {
        self.sections
            .iter()
            .filter(move |s| s.heading.as_ref().is_some_and(&pred))
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_tables_items_and_code_are_found_with_lines() {
        let src = "# Title\n\nIntro line\nsecond.\n\n## Properties\n\nName | Type\n---- | ----\n**a** | **b**\n**c** | Option<**Vec<String>**>\n\n## Enum\n\n* `A` (value: `'a'`)\n\n* `B` (value: `'b'`)\n\n```ruby\nx = 1\n```\n";
        let doc = Doc::parse(src);
        let title = doc.title().expect("title");
        assert_eq!((title.text.as_str(), title.line), ("Title", 1));
        let intro = &doc.sections[1].paragraphs;
        assert_eq!(intro[0].raw, "Intro line\nsecond.");
        let props = &doc.sections[2];
        assert_eq!(props.tables[0].rows, [10, 11]);
        assert_eq!(props.tables[0].header, "Name | Type");
        let enums = &doc.sections[3];
        assert_eq!(enums.items.len(), 2);
        assert_eq!(enums.items[1].line, 17);
        assert_eq!(enums.items[1].raw, "* `B` (value: `'b'`)");
        assert_eq!(enums.code[0].raw, "x = 1\n");
        assert!(enums.paragraphs.is_empty());
    }
}
