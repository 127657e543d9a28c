//! Code written as formatted text.
//!
//! Structs and enums of strings or integers are most of a crate's code. Their items are written
//! straight as text, laid out line by line as prettyplease lays them out, instead of as tokens that
//! `syn` parses and prettyplease prints: building, parsing and printing token trees was most of the
//! generator's time. The rules here are prettyplease's, for the few shapes these items have: a line
//! holds 89 columns (or 60 past its indentation, when that is more); a list (call arguments, a
//! tuple, a signature's parameters, generic arguments) stays on its line when it fits there with
//! what follows it up to the next place prettyplease may break, and otherwise takes one item per
//! line with a trailing comma. Where a line would not fit and the writer knows no rule for it, it
//! says so ([`Writer::finish`]) and the text goes through prettyplease. The test `text_layout` checks
//! that prettyplease leaves the text of the fixtures as it is, and the property tests that it leaves
//! the text of random models as it is.

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// The columns a line may hold.
const MARGIN: usize = 89;
/// The columns a line may hold past its indentation, however deep.
const MIN_SPACE: usize = 60;
/// One level of indentation.
pub(super) const INDENT: usize = 4;

/// Whether text that ends at column `end` fits on a line indented by `indent`.
pub(super) fn fits(indent: usize, end: usize) -> bool {
    end <= MARGIN.max(indent + MIN_SPACE)
}

/// Lines of code, and whether each was laid out by a rule the writer knows.
pub(super) struct Writer {
    out: String,
    laid_out: bool,
}

impl Writer {
    pub(super) fn new() -> Self {
        Writer {
            out: String::with_capacity(4096),
            laid_out: true,
        }
    }

    /// The text, and whether it is laid out as prettyplease would lay it out (otherwise it still
    /// parses, and needs formatting).
    pub(super) fn finish(self) -> (String, bool) {
        (self.out, self.laid_out)
    }

    /// `text` on a line of its own, at `indent`. A line too long is one the writer has no rule for.
    pub(super) fn line(&mut self, indent: usize, text: &str) {
        self.line_measured(indent, text, text.len());
    }

    /// `text` on a line of its own, of which `measured` bytes must fit (a trailing comma that
    /// prettyplease writes only when it breaks a list is not measured).
    pub(super) fn line_measured(&mut self, indent: usize, text: &str, measured: usize) {
        if !fits(indent, indent + measured) {
            self.laid_out = false;
        }
        self.indent(indent);
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A line that prettyplease writes as it is, however long (an item that ends in a string
    /// literal, say).
    pub(super) fn unbroken(&mut self, indent: usize, text: &str) {
        self.indent(indent);
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// The header of an impl block, `impl<..> Trait for Type {`: on one line when it fits, else
    /// broken before `for`.
    pub(super) fn impl_header(&mut self, head: &str, ty: &str) {
        let line = format!("{head} for {ty} {{");
        if fits(0, line.len()) {
            self.line(0, &line);
        } else {
            self.line(0, head);
            self.unbroken(0, &format!("for {ty} {{"));
        }
    }

    pub(super) fn blank(&mut self) {
        self.out.push('\n');
    }

    /// Doc comments, from the values of `#[doc]` attributes (see `doc_values`): prettyplease
    /// writes each as `///` and the value without its trailing spaces, however long.
    pub(super) fn docs(&mut self, indent: usize, values: &[String]) {
        for value in values {
            if value.contains(['\n', '\r']) {
                // prettyplease writes such a value as a block comment or an attribute.
                self.laid_out = false;
                let literal = proc_macro2::Literal::string(value);
                self.unbroken(indent, &format!("#[doc = {literal}]"));
                continue;
            }
            self.indent(indent);
            self.out.push_str("///");
            self.out.push_str(value.trim_end_matches(' '));
            self.out.push('\n');
        }
    }

    /// A call, `head(args)tail`: on one line when the line fits with `tail`, else one argument per
    /// line, each followed by a comma, and `)tail` on a line of its own. `head` is a path or a
    /// short receiver and a method, with no generic arguments: nothing prettyplease breaks.
    pub(super) fn call(&mut self, indent: usize, head: &str, args: &[String], tail: &str) {
        let flat = format!("{head}({}){tail}", args.join(", "));
        if fits(indent, indent + flat.len()) {
            self.line(indent, &flat);
        } else {
            self.unbroken(indent, &format!("{head}("));
            self.items(indent + INDENT, args);
            self.line(indent, &format!("){tail}"));
        }
    }

    /// A function's signature, `head(name: type, ..)tail`: on one line when it fits, else one
    /// parameter per line, their types broken as [`Writer::ty`] breaks them.
    pub(super) fn signature(
        &mut self,
        indent: usize,
        head: &str,
        params: &[(String, String)],
        tail: &str,
    ) {
        let joined: Vec<String> = params.iter().map(|(n, t)| format!("{n}: {t}")).collect();
        let flat = format!("{head}({}){tail}", joined.join(", "));
        if fits(indent, indent + flat.len()) {
            return self.line(indent, &flat);
        }
        self.unbroken(indent, &format!("{head}("));
        for (i, (name, ty)) in params.iter().enumerate() {
            let last = i + 1 == params.len();
            self.ty_measured(
                indent + INDENT,
                &format!("{name}: "),
                ty,
                ",",
                usize::from(!last),
            );
        }
        self.line(indent, &format!("){tail}"));
    }

    /// A method call at the start of a statement or match arm, `receiver.method(args)tail`, where
    /// `method` may end with generic arguments (`read_by::<A, _>`). On one line when it fits.
    /// Otherwise prettyplease breaks, in turn: after a receiver longer than four characters (a
    /// shorter one keeps the method); the generic arguments, whose group runs to the end of the
    /// call, one per line; then the arguments, one per line.
    pub(super) fn method_call(
        &mut self,
        indent: usize,
        receiver: &str,
        method: &str,
        args: &[String],
        tail: &str,
    ) {
        let joined = args.join(", ");
        let flat = format!("{receiver}.{method}({joined}){tail}");
        if fits(indent, indent + flat.len()) {
            return self.line(indent, &flat);
        }
        let short = receiver.len() <= INDENT;
        // The indentation of the line the method is on, and of what breaks out of the call.
        let (at, start) = if short {
            (indent, format!("{receiver}."))
        } else {
            self.unbroken(indent, receiver);
            (indent + INDENT, ".".to_owned())
        };
        let inner = indent + INDENT;
        match method.split_once("::<") {
            None => {
                let line = format!("{start}{method}({joined}){tail}");
                if fits(at, at + line.len()) {
                    self.line(at, &line);
                } else {
                    self.unbroken(at, &format!("{start}{method}("));
                    self.items(at + INDENT, args);
                    self.line(at, &format!("){tail}"));
                }
            }
            Some((name, generics)) => {
                let line = format!("{start}{method}({joined}){tail}");
                if fits(at, at + line.len()) {
                    return self.line(at, &line);
                }
                let wrapped = format!("_<{generics}");
                let Some((_, generics)) = generic_args(&wrapped) else {
                    self.laid_out = false;
                    return self.unbroken(at, &line);
                };
                self.unbroken(at, &format!("{start}{name}::<"));
                for (i, arg) in generics.iter().enumerate() {
                    let last = i + 1 == generics.len();
                    self.ty_measured(inner + INDENT, "", arg, ",", usize::from(!last));
                }
                // The arguments would break by rules not kept here.
                self.line(inner, &format!(">({joined}){tail}"));
            }
        }
    }

    /// `prefix`, a type and `suffix` (all of which is measured): on one line when it fits, else
    /// with the type's generic arguments one per line, and so on inward. A type with no generic
    /// arguments cannot break.
    pub(super) fn ty(&mut self, indent: usize, prefix: &str, ty: &str, suffix: &str) {
        self.ty_measured(indent, prefix, ty, suffix, suffix.len());
    }

    fn ty_measured(
        &mut self,
        indent: usize,
        prefix: &str,
        ty: &str,
        suffix: &str,
        measured: usize,
    ) {
        let line = format!("{prefix}{ty}{suffix}");
        if fits(indent, indent + prefix.len() + ty.len() + measured) {
            return self.unbroken(indent, &line);
        }
        let Some((path, args)) = generic_args(ty) else {
            // Nothing to break at; a tuple or an array prettyplease breaks by rules not kept here.
            self.laid_out &= !ty.contains(['(', '[']);
            return self.unbroken(indent, &line);
        };
        self.unbroken(indent, &format!("{prefix}{path}<"));
        for (i, arg) in args.iter().enumerate() {
            let last = i + 1 == args.len();
            self.ty_measured(indent + INDENT, "", arg, ",", usize::from(!last));
        }
        self.line(indent, &format!(">{suffix}"));
    }

    /// The items of a broken list, one per line with a comma; the last one's comma is not
    /// measured.
    pub(super) fn items(&mut self, indent: usize, items: &[String]) {
        for (i, item) in items.iter().enumerate() {
            let measured = if i + 1 == items.len() {
                item.len()
            } else {
                item.len() + 1
            };
            if is_string_literal(item) {
                self.unbroken(indent, &format!("{item},"));
            } else {
                self.line_measured(indent, &format!("{item},"), measured);
            }
        }
    }

    /// The lines of `other`, after these.
    pub(super) fn append(&mut self, other: Writer) {
        self.out.push_str(&other.out);
        self.laid_out &= other.laid_out;
    }

    fn indent(&mut self, indent: usize) {
        self.out.extend(std::iter::repeat_n(' ', indent));
    }
}

/// The text of a type, path or short expression as prettyplease writes it on one line: no space
/// around `::`, `<`, `>`, `.` or inside brackets, one after each `,` and `;`, one between words,
/// and no trailing comma in a tuple of more than one item.
pub(super) fn flat(tokens: &TokenStream) -> String {
    let mut out = String::new();
    write_flat(tokens.clone(), &mut out);
    out
}

fn write_flat(tokens: TokenStream, out: &mut String) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let commas = trees
        .iter()
        .filter(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
        .count();
    let mut word = false;
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{ ", " }"),
                    Delimiter::None => ("", ""),
                };
                out.push_str(open);
                write_flat(group.stream(), out);
                out.push_str(close);
                word = false;
            }
            TokenTree::Ident(ident) => {
                if word {
                    out.push(' ');
                }
                out.push_str(&ident.to_string());
                word = true;
            }
            TokenTree::Literal(literal) => {
                if word {
                    out.push(' ');
                }
                out.push_str(&literal.to_string());
                word = true;
            }
            TokenTree::Punct(punct) => {
                let c = punct.as_char();
                let last = i + 1 == trees.len();
                match c {
                    // A tuple of two or more items has no trailing comma; of one it keeps it.
                    ',' if last && commas > 1 => {}
                    ',' if last => out.push(','),
                    ',' | ';' => {
                        out.push(c);
                        out.push(' ');
                    }
                    _ => out.push(c),
                }
                word = false;
            }
        }
    }
}

/// Whether `text` is one string literal, which prettyplease cannot break.
fn is_string_literal(text: &str) -> bool {
    text.len() >= 2 && text.starts_with('"') && text.ends_with('"')
}

/// A type's path and its generic arguments, when it ends with some: `Vec<T>` gives `Vec` and `T`.
fn generic_args(ty: &str) -> Option<(&str, Vec<&str>)> {
    let inner = ty.strip_suffix('>')?;
    let open = inner.find('<')?;
    let (path, rest) = (&inner[..open], &inner[open + 1..]);
    if path.contains(['(', '[', ' ']) {
        return None;
    }
    let mut args = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in rest.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth = depth.checked_sub(1)?,
            ',' if depth == 0 => {
                args.push(rest[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    (depth == 0).then_some(())?;
    args.push(rest[start..].trim());
    Some((path, args))
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn a_line_fits_89_columns_or_60_past_a_deep_indentation() {
        assert!(fits(8, 89));
        assert!(!fits(8, 90));
        assert!(fits(40, 100));
        assert!(!fits(40, 101));
    }

    #[test]
    fn flat_types_are_spelled_as_prettyplease_spells_them() {
        assert_eq!(
            flat(&quote!(::std::collections::BTreeMap<String, Vec<i64>>)),
            "::std::collections::BTreeMap<String, Vec<i64>>"
        );
        // A tuple of two keeps no trailing comma; a tuple of one must.
        assert_eq!(flat(&quote!((A, B,))), "(A, B)");
        assert_eq!(flat(&quote!((A,))), "(A,)");
        assert_eq!(flat(&quote!([(); 0])), "[(); 0]");
        assert_eq!(flat(&quote!(&'static str)), "&'static str");
        assert_eq!(
            flat(&quote!(Kind::from("a b").to_owned())),
            "Kind::from(\"a b\").to_owned()"
        );
    }

    #[test]
    fn generic_arguments_split_at_their_own_level() {
        assert_eq!(
            generic_args("Nullable<::std::collections::BTreeMap<String, (A, B)>>"),
            Some((
                "Nullable",
                vec!["::std::collections::BTreeMap<String, (A, B)>"]
            ))
        );
        assert_eq!(
            generic_args("Map<K, Vec<V>>"),
            Some(("Map", vec!["K", "Vec<V>"]))
        );
        assert_eq!(generic_args("Plain"), None);
        assert_eq!(generic_args("(A, Vec<B>)"), None);
    }

    #[test]
    fn a_call_breaks_one_argument_per_line_when_it_does_not_fit() {
        let mut w = Writer::new();
        let long = "x".repeat(40);
        w.call(
            8,
            "map.settle",
            &[format!("&mut {long}"), format!("\"{long}\"")],
            ";",
        );
        let (text, laid_out) = w.finish();
        assert!(laid_out);
        assert_eq!(
            text,
            format!("        map.settle(\n            &mut {long},\n            \"{long}\",\n        );\n")
        );
    }

    #[test]
    fn a_long_receiver_breaks_before_its_method() {
        let mut w = Writer::new();
        let long = "y".repeat(40);
        w.method_call(
            8,
            "object",
            "field",
            &[format!("\"{long}\""), format!("&self.{long}")],
            "?;",
        );
        let (text, _) = w.finish();
        assert_eq!(
            text,
            format!(
                "        object\n            .field(\n                \"{long}\",\n                &self.{long},\n            )?;\n"
            )
        );
    }

    #[test]
    fn a_line_without_a_known_rule_is_left_to_prettyplease() {
        let mut w = Writer::new();
        w.line(4, &"z".repeat(100));
        assert!(!w.finish().1);
        let mut w = Writer::new();
        w.docs(0, &[" two\nlines".to_owned()]);
        assert!(!w.finish().1);
    }
}
