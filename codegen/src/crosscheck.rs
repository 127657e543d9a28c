//! Compares the model read from an API's docs with the model read from its spec, and says where they
//! agree, where they differ only because the docs cannot say more, and where they truly disagree.
//!
//! Models meet by Rust name ([`naming::TypeNames`] of each side, so `document_CDQ_reasons` and
//! `DocumentCDQReasons` are one model), fields by JSON name. Type aliases are looked through on both
//! sides, since docs inline what a spec names.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::ir::{Enum, Field, Model, Primitive, Repr, Struct, TypeDef, TypeKind, TypeRef};
use crate::naming::{self, TypeNames};

/// How a model or field of the docs relates to the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// Exactly the same.
    Agree,
    /// Different only in ways the docs cannot express (formats shown as `string`, inline enums as
    /// `string`, oneOf unions flattened into one table, no nullable marker, guessed JSON names).
    DocsCannotExpress,
    /// Different in a way the docs could have shown: one of them is wrong, or they are of different
    /// versions.
    Disagree,
}

impl Verdict {
    fn describe(self) -> &'static str {
        match self {
            Verdict::Agree => "agrees",
            Verdict::DocsCannotExpress => "differs only by what docs cannot express",
            Verdict::Disagree => "disagrees",
        }
    }
}

/// The side of the comparison something is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The docs model.
    Docs,
    /// The spec model.
    Spec,
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Docs => "docs",
            Side::Spec => "spec",
        })
    }
}

/// One difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    /// The model exists only on the other side.
    MissingModel(Side),
    /// The two sides describe different kinds of type (struct, enum, union, alias).
    Kind {
        /// The docs' kind.
        docs: String,
        /// The spec's kind.
        spec: String,
    },
    /// Enum values that only one side lists.
    EnumValues {
        /// Values only the docs list.
        only_docs: Vec<String>,
        /// Values only the spec lists.
        only_spec: Vec<String>,
    },
    /// Union members that only one side lists.
    UnionVariants {
        /// Members only the docs list.
        only_docs: Vec<String>,
        /// Members only the spec lists.
        only_spec: Vec<String>,
    },
    /// The spec model has no doc of its own: the docs show it inline, as `shown`.
    InlinedInDocs {
        /// How the docs show it (`string`, or the identical model they use instead).
        shown: String,
    },
    /// A docs model that the spec has under another name: the docs use it where the spec uses `spec`,
    /// and the two are identical.
    NamedOtherwise {
        /// The spec model's Rust name.
        spec: String,
    },
    /// The docs spell the model's name otherwise (`DocumentCdqReasons` for `document_CDQ_reasons`):
    /// the generator changed its capitals.
    Renamed {
        /// The docs' Rust name.
        docs: String,
    },
    /// The field exists only on the other side.
    MissingField(Side),
    /// The field's JSON name in the docs is a guess that matches the spec's name only loosely.
    GuessedName {
        /// The docs' (guessed) name.
        docs: String,
    },
    /// The field's types differ.
    Type {
        /// The docs' type.
        docs: String,
        /// The spec's type.
        spec: String,
        /// Why the difference is judged as it is.
        why: &'static str,
    },
    /// One side requires the field, the other does not.
    Required {
        /// Whether the docs require it.
        docs: bool,
    },
    /// One side allows `null`, the other does not.
    Nullable {
        /// Whether the docs allow it.
        docs: bool,
    },
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |v: &[String]| v.join(", ");
        match self {
            Issue::MissingModel(side) => write!(f, "missing in {side}"),
            Issue::Kind { docs, spec } => write!(f, "docs describe {docs}, spec {spec}"),
            Issue::EnumValues {
                only_docs,
                only_spec,
            } => {
                write!(
                    f,
                    "enum values only in docs: [{}], only in spec: [{}]",
                    list(only_docs),
                    list(only_spec)
                )
            }
            Issue::UnionVariants {
                only_docs,
                only_spec,
            } => {
                write!(
                    f,
                    "union members only in docs: [{}], only in spec: [{}]",
                    list(only_docs),
                    list(only_spec)
                )
            }
            Issue::InlinedInDocs { shown } => {
                write!(f, "no doc of its own: the docs show it as {shown}")
            }
            Issue::NamedOtherwise { spec } => {
                write!(f, "not in the spec by this name: the spec has it as {spec}")
            }
            Issue::Renamed { docs } => write!(f, "the docs name it {docs}"),
            Issue::MissingField(side) => write!(f, "missing in {side}"),
            Issue::GuessedName { docs } => write!(f, "docs name `{docs}` is a guess"),
            Issue::Type { docs, spec, why } => write!(f, "type: docs {docs}, spec {spec} ({why})"),
            Issue::Required { docs } => {
                let (d, s) = if *docs {
                    ("required", "optional")
                } else {
                    ("optional", "required")
                };
                write!(f, "docs say {d}, spec {s}")
            }
            Issue::Nullable { docs } => {
                let (d, s) = if *docs {
                    ("nullable", "not nullable")
                } else {
                    ("not nullable", "nullable")
                };
                write!(f, "docs say {d}, spec {s}")
            }
        }
    }
}

/// One difference, where it is and how it is judged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The field's JSON name; `None` for the model itself.
    pub field: Option<String>,
    /// What differs.
    pub issue: Issue,
    /// How it is judged.
    pub verdict: Verdict,
}

/// The comparison of one model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelCheck {
    /// The Rust name both sides share.
    pub name: String,
    /// The docs' source name, if the docs have the model.
    pub docs: Option<String>,
    /// The spec's source name, if the spec has the model.
    pub spec: Option<String>,
    /// The worst verdict of its findings (`Agree` when there are none).
    pub verdict: Verdict,
    /// Verdicts of the fields compared (both sides structs), by JSON name.
    pub fields: BTreeMap<String, Verdict>,
    /// Every difference.
    pub findings: Vec<Finding>,
}

/// How many models or fields got each verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Agreeing exactly.
    pub agree: usize,
    /// Differing only by what docs cannot express.
    pub docs_cannot_express: usize,
    /// Truly disagreeing.
    pub disagree: usize,
}

impl Tally {
    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Agree => self.agree += 1,
            Verdict::DocsCannotExpress => self.docs_cannot_express += 1,
            Verdict::Disagree => self.disagree += 1,
        }
    }

    /// All counted.
    pub fn total(&self) -> usize {
        self.agree + self.docs_cannot_express + self.disagree
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} agree, {} differ only by what docs cannot express, {} disagree",
            self.agree, self.docs_cannot_express, self.disagree
        )
    }
}

/// The numbers of a cross-check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Models, each counted once (a model on one side only disagrees, or cannot be expressed when it
    /// is a spec alias, which docs always inline).
    pub models: Tally,
    /// Fields of models that are structs on both sides.
    pub fields: Tally,
    /// Models only the docs have.
    pub only_in_docs: usize,
    /// Models only the spec has.
    pub only_in_spec: usize,
}

/// The whole comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// One entry per Rust name found on either side, in Rust-name order.
    pub models: Vec<ModelCheck>,
    /// The totals.
    pub summary: Summary,
}

/// Compares `docs` with `spec`.
pub fn crosscheck(docs: &Model, spec: &Model) -> Report {
    let sides = Sides {
        docs,
        spec,
        docs_names: TypeNames::new(docs),
        spec_names: TypeNames::new(spec),
        pairs: RefCell::new(BTreeMap::new()),
        inlined: RefCell::new(BTreeMap::new()),
        reused: RefCell::new(BTreeMap::new()),
    };
    let index = |m: &Model, names: &TypeNames| -> BTreeMap<String, usize> {
        (0..m.types.len())
            .map(|i| (names.get(crate::ir::TypeId(i)).to_owned(), i))
            .collect()
    };
    let mut d_index = index(docs, &sides.docs_names);
    let mut s_index = index(spec, &sides.spec_names);
    // A generator may change a name's capitals in its file names (rust: `document_CDQ_reasons` ->
    // `DocumentCdqReasons`): a docs model alone in matching a spec model but for case is that model.
    let mut renamed = BTreeMap::new();
    let lone_docs: Vec<String> = d_index
        .keys()
        .filter(|n| !s_index.contains_key(*n))
        .cloned()
        .collect();
    for name in lone_docs {
        let candidates: Vec<&String> = s_index
            .keys()
            .filter(|s| !d_index.contains_key(*s) && s.eq_ignore_ascii_case(&name))
            .collect();
        if let [spec_name] = candidates[..] {
            if let Some(i) = d_index.remove(&name) {
                d_index.insert(spec_name.clone(), i);
                renamed.insert(spec_name.clone(), name);
            }
        }
    }
    sides.pair_collided(&d_index, &mut s_index);
    let names: BTreeSet<&String> = d_index.keys().chain(s_index.keys()).collect();
    let mut models: Vec<ModelCheck> = names
        .into_iter()
        .map(|name| ModelCheck {
            name: name.clone(),
            docs: d_index.get(name).map(|&i| docs.types[i].name.clone()),
            spec: s_index.get(name).map(|&i| spec.types[i].name.clone()),
            verdict: Verdict::Agree,
            fields: BTreeMap::new(),
            findings: Vec::new(),
        })
        .collect();
    // Models on both sides first: comparing them finds the spec models that docs inline.
    for check in &mut models {
        if let (Some(&d), Some(&s)) = (d_index.get(&check.name), s_index.get(&check.name)) {
            if let Some(docs_name) = renamed.get(&check.name) {
                let issue = Issue::Renamed {
                    docs: docs_name.clone(),
                };
                check.push(None, issue, Verdict::DocsCannotExpress);
            }
            sides.model(&docs.types[d], &spec.types[s], check);
        }
    }
    let mut summary = Summary::default();
    let inlined = sides.inlined.borrow();
    for check in &mut models {
        match (d_index.get(&check.name), s_index.get(&check.name)) {
            (None, Some(&s)) => {
                summary.only_in_spec += 1;
                let def = &spec.types[s];
                let shown = inlined
                    .get(&check.name)
                    .cloned()
                    .or_else(|| collided(def, &d_index))
                    .or_else(|| {
                        is_upload_form(def)
                            .then(|| "operation parameters (a file upload form)".to_owned())
                    });
                // openapi-generator writes no doc for a named array, map or primitive, nor for a
                // schema it shows another way.
                let (issue, verdict) = match shown {
                    Some(shown) => (Issue::InlinedInDocs { shown }, Verdict::DocsCannotExpress),
                    None if matches!(def.kind, TypeKind::Alias(_)) => {
                        (Issue::MissingModel(Side::Docs), Verdict::DocsCannotExpress)
                    }
                    None => (Issue::MissingModel(Side::Docs), Verdict::Disagree),
                };
                check.push(None, issue, verdict);
            }
            (Some(_), None) => {
                summary.only_in_docs += 1;
                // An inline schema the docs give a model of their own, named otherwise than the spec
                // names it (java's and rust's inline enums).
                match sides.reused.borrow().get(&check.name) {
                    Some(spec_name) => {
                        let issue = Issue::NamedOtherwise {
                            spec: spec_name.clone(),
                        };
                        check.push(None, issue, Verdict::DocsCannotExpress);
                    }
                    None => check.push(None, Issue::MissingModel(Side::Spec), Verdict::Disagree),
                }
            }
            _ => {}
        }
        summary.models.add(check.verdict);
        for v in check.fields.values() {
            summary.fields.add(*v);
        }
    }
    Report { models, summary }
}

impl ModelCheck {
    fn push(&mut self, field: Option<&str>, issue: Issue, verdict: Verdict) {
        self.verdict = self.verdict.max(verdict);
        if let Some(f) = field {
            let v = self.fields.entry(f.to_owned()).or_insert(Verdict::Agree);
            *v = (*v).max(verdict);
        }
        self.findings.push(Finding {
            field: field.map(str::to_owned),
            issue,
            verdict,
        });
    }
}

struct Sides<'a> {
    docs: &'a Model,
    spec: &'a Model,
    docs_names: TypeNames,
    spec_names: TypeNames,
    /// Verdicts of model pairs compared as field types, so that recursive models terminate and each
    /// pair is compared once.
    pairs: RefCell<BTreeMap<(usize, usize), Verdict>>,
    /// Spec models the docs showed in another form (an inline enum as `string`, an identical inline
    /// model under another name), by Rust name, with the docs' spelling: their having no doc of
    /// their own is not a disagreement.
    inlined: RefCell<BTreeMap<String, String>>,
    /// Docs models found identical to a spec model of another name, by Rust name, with that name.
    reused: RefCell<BTreeMap<String, String>>,
}

impl Sides<'_> {
    /// Spec schemas whose names give the same Rust name are numbered apart (`X`, `X2`), and
    /// openapi-generator keeps only one of them in the docs, under the plain name, but not always the
    /// one the generator gives the plain name. Pairs the docs model with the spec schema of that name
    /// that agrees with it best (swapping the two spec entries of the index).
    fn pair_collided(
        &self,
        d_index: &BTreeMap<String, usize>,
        s_index: &mut BTreeMap<String, usize>,
    ) {
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, def) in self.spec.types.iter().enumerate() {
            groups
                .entry(naming::upper_camel(&def.name))
                .or_default()
                .push(i);
        }
        for (name, &d) in d_index {
            let Some(group) = groups.get(name).filter(|g| g.len() > 1) else {
                continue;
            };
            let Some(&current) = s_index.get(name) else {
                continue;
            };
            let score = |s: usize| {
                let mut scratch = ModelCheck {
                    name: name.clone(),
                    docs: None,
                    spec: None,
                    verdict: Verdict::Agree,
                    fields: BTreeMap::new(),
                    findings: Vec::new(),
                };
                self.model(&self.docs.types[d], &self.spec.types[s], &mut scratch);
                self.inlined.borrow_mut().clear();
                self.pairs.borrow_mut().clear();
                scratch.verdict
            };
            let best = group
                .iter()
                .copied()
                .min_by_key(|&s| (score(s), s != current))
                .unwrap_or(current);
            if best != current {
                let other = self.spec_names.get(crate::ir::TypeId(best)).to_owned();
                s_index.insert(name.clone(), best);
                s_index.insert(other, current);
            }
        }
    }
}

/// For a spec model whose Rust name was numbered apart from another's (`X2`), the docs model of the
/// plain name: two schemas whose names differ only in case or punctuation give openapi-generator
/// one file name, so the docs keep only one of them.
fn collided(def: &TypeDef, d_index: &BTreeMap<String, usize>) -> Option<String> {
    let plain = naming::upper_camel(&def.name);
    d_index
        .contains_key(&plain)
        .then(|| format!("{plain} (the names collide; docs keep one model)"))
}

/// Whether a spec type is a multipart upload body (a struct with a binary field): openapi-generator
/// shows those as operation parameters, never as a model doc.
fn is_upload_form(def: &TypeDef) -> bool {
    match &def.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .any(|f| f.ty == TypeRef::Primitive(Primitive::Binary)),
        _ => false,
    }
}

/// A name with case and separators dropped: `address_line_1`, `addressLine1` and `address_line1`
/// are one name (a JSON name guessed from a language name cannot know where the underscores were).
fn squash(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn kind_name(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct(_) => "a struct",
        TypeKind::Enum(_) => "an enum",
        TypeKind::Union(_) => "a union",
        TypeKind::Alias(_) => "an alias",
    }
}

fn enum_strings(e: &Enum) -> BTreeSet<String> {
    e.values
        .iter()
        .map(|v| match &v.value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

fn differences(d: &BTreeSet<String>, s: &BTreeSet<String>) -> (Vec<String>, Vec<String>) {
    (
        d.difference(s).cloned().collect(),
        s.difference(d).cloned().collect(),
    )
}

impl Sides<'_> {
    fn model(&self, d: &TypeDef, s: &TypeDef, check: &mut ModelCheck) {
        let (dk, sk) = (self.docs.resolve_kind(d), self.spec.resolve_kind(s));
        match (dk, sk) {
            (TypeKind::Struct(ds), TypeKind::Struct(ss)) => self.fields(ds, ss, check),
            (TypeKind::Enum(de), TypeKind::Enum(se)) => {
                let (only_docs, only_spec) = differences(&enum_strings(de), &enum_strings(se));
                let same_repr = de.repr() == se.repr();
                if !only_docs.is_empty() || !only_spec.is_empty() {
                    check.push(
                        None,
                        Issue::EnumValues {
                            only_docs,
                            only_spec,
                        },
                        Verdict::Disagree,
                    );
                } else if !same_repr {
                    let kind = |e: &Enum| match e.repr() {
                        Repr::String => "a string enum".to_owned(),
                        Repr::Integer => "an integer enum".to_owned(),
                        Repr::Number => "a number enum".to_owned(),
                        Repr::Boolean => "a boolean enum".to_owned(),
                        Repr::Mixed => "an enum of mixed values".to_owned(),
                    };
                    check.push(
                        None,
                        Issue::Kind {
                            docs: kind(de),
                            spec: kind(se),
                        },
                        Verdict::Disagree,
                    );
                }
            }
            (TypeKind::Union(du), TypeKind::Union(su)) => self.variants(du, su, check),
            // Docs flatten a oneOf into one table (typescript), or lose its members (rust, read as
            // any value); docs without enum values read an enum as a string (ruby, php).
            (TypeKind::Struct(_), TypeKind::Union(_))
            | (TypeKind::Alias(_), TypeKind::Union(_))
            | (TypeKind::Alias(_), TypeKind::Enum(_)) => check.push(
                None,
                Issue::Kind {
                    docs: kind_name(dk).to_owned(),
                    spec: kind_name(sk).to_owned(),
                },
                Verdict::DocsCannotExpress,
            ),
            (TypeKind::Alias(da), TypeKind::Alias(sa)) => {
                let (verdict, why) = self.ty(&da.ty, &sa.ty);
                if verdict != Verdict::Agree {
                    let issue = Issue::Type {
                        docs: self.show(&da.ty, Side::Docs),
                        spec: self.show(&sa.ty, Side::Spec),
                        why,
                    };
                    check.push(None, issue, verdict);
                }
            }
            _ => check.push(
                None,
                Issue::Kind {
                    docs: kind_name(dk).to_owned(),
                    spec: kind_name(sk).to_owned(),
                },
                Verdict::Disagree,
            ),
        }
    }

    /// Compares union members: first those of the same name, then the rest by type, so that a
    /// member the docs spell in a poorer type (`any` for `object`) still meets its spec member.
    fn variants(&self, du: &crate::ir::Union, su: &crate::ir::Union, check: &mut ModelCheck) {
        let mut spec_left: Vec<&TypeRef> = su.variants.iter().map(|v| &v.ty).collect();
        let mut docs_left = Vec::new();
        for dv in &du.variants {
            let shown = self.show(&dv.ty, Side::Docs);
            match spec_left
                .iter()
                .position(|sv| self.show(sv, Side::Spec) == shown)
            {
                Some(i) => {
                    spec_left.remove(i);
                }
                None => docs_left.push(&dv.ty),
            }
        }
        let mut only_docs = Vec::new();
        for dv in docs_left {
            let verdicts: Vec<(Verdict, &'static str)> =
                spec_left.iter().map(|sv| self.ty(dv, sv)).collect();
            let best = (0..spec_left.len()).min_by_key(|&i| verdicts[i].0);
            match best {
                Some(i) if verdicts[i].0 != Verdict::Disagree => {
                    let (verdict, why) = verdicts[i];
                    let issue = Issue::Type {
                        docs: self.show(dv, Side::Docs),
                        spec: self.show(spec_left[i], Side::Spec),
                        why,
                    };
                    check.push(None, issue, verdict);
                    spec_left.remove(i);
                }
                _ => only_docs.push(self.show(dv, Side::Docs)),
            }
        }
        let only_spec: Vec<String> = spec_left
            .iter()
            .map(|sv| self.show(sv, Side::Spec))
            .collect();
        if !only_docs.is_empty() || !only_spec.is_empty() {
            let issue = Issue::UnionVariants {
                only_docs,
                only_spec,
            };
            check.push(None, issue, Verdict::Disagree);
        }
    }

    fn fields(&self, ds: &Struct, ss: &Struct, check: &mut ModelCheck) {
        let spec_by_name: BTreeMap<&str, &Field> = ss
            .fields
            .iter()
            .map(|f| (f.wire_name.as_str(), f))
            .collect();
        let mut matched = BTreeSet::new();
        for df in &ds.fields {
            let exact = spec_by_name.get(df.wire_name.as_str()).copied();
            // A JSON name guessed from a language name (java, go) may miss the spec's spelling.
            let loose = || {
                df.note.as_ref()?;
                ss.fields.iter().find(|sf| {
                    !matched.contains(sf.wire_name.as_str())
                        && squash(&sf.wire_name) == squash(&df.wire_name)
                })
            };
            let Some(sf) = exact.or_else(loose) else {
                check.push(
                    Some(&df.wire_name),
                    Issue::MissingField(Side::Spec),
                    Verdict::Disagree,
                );
                continue;
            };
            matched.insert(sf.wire_name.as_str());
            let at = Some(sf.wire_name.as_str());
            // Every field compared gets an entry, so agreeing fields are counted too.
            check
                .fields
                .entry(sf.wire_name.clone())
                .or_insert(Verdict::Agree);
            if sf.wire_name != df.wire_name {
                let issue = Issue::GuessedName {
                    docs: df.wire_name.clone(),
                };
                check.push(at, issue, Verdict::DocsCannotExpress);
            }
            let (verdict, why) = self.ty(&df.ty, &sf.ty);
            if verdict != Verdict::Agree {
                let issue = Issue::Type {
                    docs: self.show(&df.ty, Side::Docs),
                    spec: self.show(&sf.ty, Side::Spec),
                    why,
                };
                check.push(at, issue, verdict);
            }
            if df.presence.is_required() != sf.presence.is_required() {
                let issue = Issue::Required {
                    docs: df.presence.is_required(),
                };
                check.push(at, issue, Verdict::Disagree);
            }
            match (df.presence.is_nullable(), sf.presence.is_nullable()) {
                // Most dialects have no nullable marker at all.
                (false, true) => check.push(
                    at,
                    Issue::Nullable { docs: false },
                    Verdict::DocsCannotExpress,
                ),
                (true, false) => check.push(at, Issue::Nullable { docs: true }, Verdict::Disagree),
                _ => {}
            }
        }
        for sf in &ss.fields {
            if !matched.contains(sf.wire_name.as_str()) {
                check.push(
                    Some(&sf.wire_name),
                    Issue::MissingField(Side::Docs),
                    Verdict::Disagree,
                );
            }
        }
    }

    /// Compares two field types; the text says why when they differ.
    fn ty(&self, d: &TypeRef, s: &TypeRef) -> (Verdict, &'static str) {
        use Primitive as P;
        if let (TypeRef::Named(a), TypeRef::Named(b)) = (d, s) {
            if self.docs_names.get(*a) == self.spec_names.get(*b) {
                return (Verdict::Agree, "");
            }
        }
        let (d, s) = (self.docs.resolve(d), self.spec.resolve(s));
        let cannot = |why| (Verdict::DocsCannotExpress, why);
        let inline = |b: &crate::ir::TypeId, shown: String| {
            let name = self.spec_names.get(*b).to_owned();
            self.inlined.borrow_mut().entry(name).or_insert(shown);
        };
        match (d, s) {
            (TypeRef::Named(a), TypeRef::Named(b)) => {
                if self.docs_names.get(*a) == self.spec_names.get(*b) {
                    return (Verdict::Agree, "");
                }
                // openapi-generator gives structurally identical inline schemas one model.
                if self.pair(a.0, b.0) == Verdict::Disagree {
                    (Verdict::Disagree, "different models")
                } else {
                    inline(b, self.docs_names.get(*a).to_owned());
                    self.reused
                        .borrow_mut()
                        .entry(self.docs_names.get(*a).to_owned())
                        .or_insert_with(|| self.spec_names.get(*b).to_owned());
                    cannot("docs reuse an identical model under another name")
                }
            }
            (TypeRef::Primitive(a), TypeRef::Primitive(b)) if a == b => (Verdict::Agree, ""),
            (
                TypeRef::Primitive(P::String),
                TypeRef::Primitive(P::Uuid | P::DateTime | P::Date | P::Uri | P::Byte | P::Binary),
            ) => cannot("docs show string formats as plain strings"),
            // typescript's `number` covers every number, java's `Integer` and go's `int32` an integer
            // without a format; only an integer in docs where the spec has a fraction disagrees.
            (
                TypeRef::Primitive(P::Double | P::Float),
                TypeRef::Primitive(P::Int32 | P::Int64 | P::Float | P::Double),
            )
            | (TypeRef::Primitive(P::Int32 | P::Int64), TypeRef::Primitive(P::Int32 | P::Int64)) => {
                cannot("docs show one number type for several")
            }
            // python's `bytearray` (and `bytes`) stands for base64 text and raw bytes alike.
            (TypeRef::Primitive(P::Binary), TypeRef::Primitive(P::Byte)) => {
                cannot("docs show one type for base64 text and raw bytes")
            }
            // php's `\DateTime` and java's legacy `Date` stand for dates too.
            (TypeRef::Primitive(P::DateTime), TypeRef::Primitive(P::Date)) => {
                cannot("docs show dates as date-times")
            }
            (TypeRef::Primitive(p), TypeRef::Named(b)) => {
                match self.spec.types.get(b.0).map(|t| &t.kind) {
                    Some(TypeKind::Enum(e)) if e.repr() == Repr::String && *p == P::String => {
                        inline(b, "string".to_owned());
                        cannot("docs show an inline enum as its value type")
                    }
                    Some(TypeKind::Enum(e))
                        if e.repr() == Repr::Integer
                            && matches!(p, P::Int32 | P::Int64 | P::Double) =>
                    {
                        inline(b, format!("{p:?}").to_lowercase());
                        cannot("docs show an inline enum as its value type")
                    }
                    _ => (Verdict::Disagree, "primitive against a model"),
                }
            }
            (TypeRef::Array(a), TypeRef::Array(b)) | (TypeRef::Map(a), TypeRef::Map(b)) => {
                self.ty(a, b)
            }
            (TypeRef::Object, TypeRef::Object) | (TypeRef::Any, TypeRef::Any) => {
                (Verdict::Agree, "")
            }
            (TypeRef::Object, TypeRef::Map(_)) | (TypeRef::Map(_), TypeRef::Object) => {
                cannot("docs do not tell a free-form object from a map")
            }
            (TypeRef::Any, _) => cannot("docs show a type they cannot spell as any"),
            (TypeRef::Object | TypeRef::Map(_), TypeRef::Any) => {
                cannot("docs show an untyped value as object")
            }
            (TypeRef::Object | TypeRef::Map(_), TypeRef::Named(b))
                if matches!(
                    self.spec.types.get(b.0).map(|t| &t.kind),
                    Some(TypeKind::Union(_))
                ) =>
            {
                cannot("docs show a union as an object")
            }
            _ => (Verdict::Disagree, "different types"),
        }
    }

    /// The verdict of docs model `d` against spec model `s`, compared as a whole.
    fn pair(&self, d: usize, s: usize) -> Verdict {
        if let Some(v) = self.pairs.borrow().get(&(d, s)) {
            return *v;
        }
        let (Some(dt), Some(st)) = (self.docs.types.get(d), self.spec.types.get(s)) else {
            return Verdict::Disagree;
        };
        // Assume agreement while comparing, so that a model containing itself terminates.
        self.pairs.borrow_mut().insert((d, s), Verdict::Agree);
        let mut scratch = ModelCheck {
            name: String::new(),
            docs: None,
            spec: None,
            verdict: Verdict::Agree,
            fields: BTreeMap::new(),
            findings: Vec::new(),
        };
        self.model(dt, st, &mut scratch);
        self.pairs.borrow_mut().insert((d, s), scratch.verdict);
        scratch.verdict
    }

    fn show(&self, ty: &TypeRef, side: Side) -> String {
        let names = match side {
            Side::Docs => &self.docs_names,
            Side::Spec => &self.spec_names,
        };
        show(ty, names)
    }
}

fn show(ty: &TypeRef, names: &TypeNames) -> String {
    match ty {
        TypeRef::Named(id) => names.get(*id).to_owned(),
        TypeRef::Primitive(p) => format!("{p:?}").to_lowercase(),
        TypeRef::Array(t) => format!("[{}]", show(t, names)),
        TypeRef::Tuple(items) => {
            let items: Vec<String> = items.iter().map(|t| show(t, names)).collect();
            format!("({})", items.join(", "))
        }
        TypeRef::Map(t) => format!("{{string: {}}}", show(t, names)),
        TypeRef::Nullable(t) => format!("{}?", show(t, names)),
        TypeRef::Object => "object".to_owned(),
        TypeRef::Any => "any".to_owned(),
    }
}

impl fmt::Display for Report {
    /// The summary, then every model that does not agree exactly, with its findings.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.summary;
        writeln!(
            f,
            "models: {} ({} only in docs, {} only in spec)",
            s.models, s.only_in_docs, s.only_in_spec
        )?;
        writeln!(f, "fields: {}", s.fields)?;
        for m in self.models.iter().filter(|m| m.verdict != Verdict::Agree) {
            let names = match (&m.docs, &m.spec) {
                (Some(d), Some(s)) if d == s => format!(" ({d})"),
                (Some(d), Some(s)) => format!(" (docs {d}, spec {s})"),
                (Some(d), None) => format!(" (docs {d})"),
                (None, Some(s)) => format!(" (spec {s})"),
                (None, None) => String::new(),
            };
            writeln!(f, "\n{}{names}: {}", m.name, m.verdict.describe())?;
            for finding in &m.findings {
                let mark = match finding.verdict {
                    Verdict::Agree => "=",
                    Verdict::DocsCannotExpress => "~",
                    Verdict::Disagree => "!",
                };
                match &finding.field {
                    Some(field) => writeln!(f, "  {mark} {field}: {}", finding.issue)?,
                    None => writeln!(f, "  {mark} {}", finding.issue)?,
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Alias, Presence, TypeId, Union, Variant};
    use expect_test::{expect, Expect};

    /// A tiny model language for tests: `Name { field: type!, other: type? }`, `Name = enum [a, b]`
    /// (string enum), `Name = int [1, 2]`, `Name = oneOf(A, B)`, `Name = type` (alias), one per line.
    /// Types: `string uuid datetime date int32 int64 double boolean object any`, `[T]`, `{T}`, or a
    /// model name. `!` required, `?` optional, `!?` required nullable, `??` optional nullable.
    fn model(src: &str) -> Model {
        let lines: Vec<&str> = src
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let names: Vec<String> = lines
            .iter()
            .map(|l| l.split([' ', '{', '=']).next().unwrap_or("").to_owned())
            .collect();
        let ty = |t: &str| -> TypeRef { parse_ty(t.trim(), &names) };
        let types = lines
            .iter()
            .zip(&names)
            .map(|(line, name)| {
                let rest = line[name.len()..].trim();
                let kind = if let Some(body) = rest.strip_prefix('{') {
                    let body = body.trim_end_matches('}');
                    let fields = body
                        .split(',')
                        .map(str::trim)
                        .filter(|f| !f.is_empty())
                        .map(|f| {
                            let (wire, t) = f.split_once(':').unwrap_or((f, "string!"));
                            let t = t.trim();
                            let (t, presence) = if let Some(t) = t.strip_suffix("!?") {
                                (t, Presence::RequiredNullable)
                            } else if let Some(t) = t.strip_suffix("??") {
                                (t, Presence::OptionalNullable)
                            } else if let Some(t) = t.strip_suffix('!') {
                                (t, Presence::Required)
                            } else {
                                (t.trim_end_matches('?'), Presence::Optional)
                            };
                            Field::new(wire.trim(), ty(t), presence)
                        })
                        .collect();
                    TypeKind::Struct(Struct {
                        fields,
                        additional: None,
                    })
                } else {
                    let rhs = rest.trim_start_matches('=').trim();
                    if let Some(v) = rhs.strip_prefix("int [") {
                        let v = v
                            .trim_end_matches(']')
                            .split(',')
                            .filter_map(|x| x.trim().parse().ok());
                        TypeKind::Enum(Enum::integers(v))
                    } else if let Some(v) = rhs.strip_prefix("enum [") {
                        let v = v
                            .trim_end_matches(']')
                            .split(',')
                            .map(|x| x.trim().to_owned());
                        TypeKind::Enum(Enum::strings(v))
                    } else if let Some(v) = rhs.strip_prefix("oneOf(") {
                        let variants = v
                            .trim_end_matches(')')
                            .split(',')
                            .map(|x| Variant {
                                tag: None,
                                ty: ty(x),
                            })
                            .collect();
                        TypeKind::Union(Union {
                            discriminator: None,
                            variants,
                        })
                    } else {
                        TypeKind::Alias(Alias { ty: ty(rhs) })
                    }
                };
                TypeDef {
                    name: name.clone(),
                    origin: String::new(),
                    inline: false,
                    doc: None,
                    deprecated: false,
                    nullable: false,
                    examples: Vec::new(),
                    kind,
                }
            })
            .collect();
        Model {
            title: None,
            version: None,
            types,
        }
    }

    fn parse_ty(t: &str, names: &[String]) -> TypeRef {
        use Primitive as P;
        if let Some(inner) = t.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            return TypeRef::Array(Box::new(parse_ty(inner, names)));
        }
        if let Some(inner) = t.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            return TypeRef::Map(Box::new(parse_ty(inner, names)));
        }
        let p = |p| TypeRef::Primitive(p);
        match t {
            "string" => p(P::String),
            "uuid" => p(P::Uuid),
            "datetime" => p(P::DateTime),
            "date" => p(P::Date),
            "int32" => p(P::Int32),
            "int64" => p(P::Int64),
            "double" => p(P::Double),
            "boolean" => p(P::Boolean),
            "binary" => p(P::Binary),
            "object" => TypeRef::Object,
            "any" => TypeRef::Any,
            name => match names.iter().position(|n| n == name) {
                Some(i) => TypeRef::Named(TypeId(i)),
                None => panic!("unknown test type {name}"),
            },
        }
    }

    fn check(docs: &str, spec: &str, expect: Expect) {
        let report = crosscheck(&model(docs), &model(spec));
        expect.assert_eq(&report.to_string());
    }

    #[test]
    fn identical_models_agree() {
        check(
            "Pet { id: string!, tags: [string]? }\nStatus = enum [a, b]",
            "pet { id: string!, tags: [string]? }\nstatus = enum [b, a]",
            expect![[r#"
                models: 2 agree, 0 differ only by what docs cannot express, 0 disagree (0 only in docs, 0 only in spec)
                fields: 2 agree, 0 differ only by what docs cannot express, 0 disagree
            "#]],
        );
    }

    #[test]
    fn names_meet_by_rust_name() {
        check(
            "DocumentCDQReasons { a: string! }",
            "document_CDQ_reasons { a: string! }",
            expect![[r#"
                models: 1 agree, 0 differ only by what docs cannot express, 0 disagree (0 only in docs, 0 only in spec)
                fields: 1 agree, 0 differ only by what docs cannot express, 0 disagree
            "#]],
        );
    }

    #[test]
    fn formats_numbers_and_nullability_are_beyond_docs() {
        check(
            "Run { id: string!, at: date?, n: double?, m: int64?, s: string?, j: int32? }",
            "run { id: uuid!, at: date??, n: int32?, m: int32?, s: string??, j: int64? }",
            expect![[r#"
                models: 0 agree, 1 differ only by what docs cannot express, 0 disagree (0 only in docs, 0 only in spec)
                fields: 0 agree, 6 differ only by what docs cannot express, 0 disagree

                Run (docs Run, spec run): differs only by what docs cannot express
                  ~ id: type: docs string, spec uuid (docs show string formats as plain strings)
                  ~ at: docs say not nullable, spec nullable
                  ~ n: type: docs double, spec int32 (docs show one number type for several)
                  ~ m: type: docs int64, spec int32 (docs show one number type for several)
                  ~ s: docs say not nullable, spec nullable
                  ~ j: type: docs int32, spec int64 (docs show one number type for several)
            "#]],
        );
    }

    #[test]
    fn real_disagreements_are_reported() {
        check(
            "Pet { id: string!, name: string?, extra: boolean?, kind: int64!, n: string!?, f: int32? }\nOnlyDocs { a: string! }\nStatus = enum [a, b, c]",
            "pet { id: string?, name: string!, kind: string!, n: string!, f: double? }\nOnlySpec { a: string! }\nstatus = enum [a, b, d]\nkinds = int [1, 2]",
            expect![[r#"
                models: 0 agree, 0 differ only by what docs cannot express, 5 disagree (1 only in docs, 2 only in spec)
                fields: 0 agree, 0 differ only by what docs cannot express, 6 disagree

                Kinds (spec kinds): disagrees
                  ! missing in docs

                OnlyDocs (docs OnlyDocs): disagrees
                  ! missing in spec

                OnlySpec (spec OnlySpec): disagrees
                  ! missing in docs

                Pet (docs Pet, spec pet): disagrees
                  ! id: docs say required, spec optional
                  ! name: docs say optional, spec required
                  ! extra: missing in spec
                  ! kind: type: docs int64, spec string (different types)
                  ! n: docs say nullable, spec not nullable
                  ! f: type: docs int32, spec double (different types)

                Status (docs Status, spec status): disagrees
                  ! enum values only in docs: [c], only in spec: [d]
            "#]],
        );
    }

    #[test]
    fn docs_shapes_of_spec_constructs_are_beyond_docs() {
        // Inline enum shown as string, oneOf flattened to a table, alias inlined, identical inline
        // model reused under another name, upload form shown as parameters.
        check(
            "Check { status: string!, report: Report?, tags: [string]?, a: Shared?, b: Shared? }\nReport { x: string? }\nR1 { x: string? }\nR2 { x: string? }\nShared { ok: boolean? }",
            "check { status: check_status!, report: report?, tags: tag_list?, a: check_a?, b: check_b? }\ncheck_status = enum [x, y]\nreport = oneOf(r1, r2)\nr1 { x: string? }\nr2 { x: string? }\ntag_list = [string]\ncheck_a { ok: boolean? }\ncheck_b { ok: boolean? }\nshared { ok: boolean? }\nupload { file: binary! }",
            expect![[r#"
                models: 3 agree, 7 differ only by what docs cannot express, 0 disagree (0 only in docs, 5 only in spec)
                fields: 5 agree, 3 differ only by what docs cannot express, 0 disagree

                Check (docs Check, spec check): differs only by what docs cannot express
                  ~ status: type: docs string, spec CheckStatus (docs show an inline enum as its value type)
                  ~ a: type: docs Shared, spec CheckA (docs reuse an identical model under another name)
                  ~ b: type: docs Shared, spec CheckB (docs reuse an identical model under another name)

                CheckA (spec check_a): differs only by what docs cannot express
                  ~ no doc of its own: the docs show it as Shared

                CheckB (spec check_b): differs only by what docs cannot express
                  ~ no doc of its own: the docs show it as Shared

                CheckStatus (spec check_status): differs only by what docs cannot express
                  ~ no doc of its own: the docs show it as string

                Report (docs Report, spec report): differs only by what docs cannot express
                  ~ docs describe a struct, spec a union

                TagList (spec tag_list): differs only by what docs cannot express
                  ~ missing in docs

                Upload (spec upload): differs only by what docs cannot express
                  ~ no doc of its own: the docs show it as operation parameters (a file upload form)
            "#]],
        );
    }

    #[test]
    fn models_of_different_shape_disagree() {
        check(
            "A { b: B? }\nB { x: string? }\nC { y: int64? }",
            "a { b: c? }\nb { x: string? }\nc { y: int64? }",
            expect![[r#"
                models: 2 agree, 0 differ only by what docs cannot express, 1 disagree (0 only in docs, 0 only in spec)
                fields: 2 agree, 0 differ only by what docs cannot express, 1 disagree

                A (docs A, spec a): disagrees
                  ! b: type: docs B, spec C (different models)
            "#]],
        );
    }

    #[test]
    fn guessed_json_names_meet_loosely() {
        let mut docs = model("Pet { applicant_id: string! }");
        if let TypeKind::Struct(s) = &mut docs.types[0].kind {
            s.fields[0].note = Some("guessed from `applicantId`".to_owned());
        }
        let report = crosscheck(&docs, &model("pet { applicantId: string! }"));
        expect![[r#"
            models: 0 agree, 1 differ only by what docs cannot express, 0 disagree (0 only in docs, 0 only in spec)
            fields: 0 agree, 1 differ only by what docs cannot express, 0 disagree

            Pet (docs Pet, spec pet): differs only by what docs cannot express
              ~ applicantId: docs name `applicant_id` is a guess
        "#]].assert_eq(&report.to_string());
    }

    #[test]
    fn union_members_spelt_more_poorly_in_docs_are_beyond_docs() {
        check(
            "Key = oneOf([any], any)\nOther = oneOf(string, int64)",
            "key = oneOf([any], object)\nother = oneOf(string, boolean)",
            expect![[r#"
                models: 0 agree, 1 differ only by what docs cannot express, 1 disagree (0 only in docs, 0 only in spec)
                fields: 0 agree, 0 differ only by what docs cannot express, 0 disagree

                Key (docs Key, spec key): differs only by what docs cannot express
                  ~ type: docs any, spec object (docs show a type they cannot spell as any)

                Other (docs Other, spec other): disagrees
                  ! union members only in docs: [int64], only in spec: [boolean]
            "#]],
        );
    }

    #[test]
    fn a_model_whose_capitals_the_docs_changed_is_the_same_model() {
        check(
            "DocumentCdqReasons { a: string! }",
            "document_CDQ_reasons { a: string! }",
            expect![[r#"
                models: 0 agree, 1 differ only by what docs cannot express, 0 disagree (0 only in docs, 0 only in spec)
                fields: 1 agree, 0 differ only by what docs cannot express, 0 disagree

                DocumentCDQReasons (docs DocumentCdqReasons, spec document_CDQ_reasons): differs only by what docs cannot express
                  ~ the docs name it DocumentCdqReasons
            "#]],
        );
    }

    #[test]
    fn an_inline_enum_the_docs_name_otherwise_is_beyond_docs() {
        check(
            "Check { result: CheckResult? }\nCheckResult = enum [clear, consider]",
            "check { result: check_shared_result? }\ncheck_shared_result = enum [clear, consider]",
            expect![[r#"
                models: 0 agree, 3 differ only by what docs cannot express, 0 disagree (1 only in docs, 1 only in spec)
                fields: 0 agree, 1 differ only by what docs cannot express, 0 disagree

                Check (docs Check, spec check): differs only by what docs cannot express
                  ~ result: type: docs CheckResult, spec CheckSharedResult (docs reuse an identical model under another name)

                CheckResult (docs CheckResult): differs only by what docs cannot express
                  ~ not in the spec by this name: the spec has it as CheckSharedResult

                CheckSharedResult (spec check_shared_result): differs only by what docs cannot express
                  ~ no doc of its own: the docs show it as CheckResult
            "#]],
        );
    }

    #[test]
    fn guessed_names_meet_whatever_their_underscores() {
        let mut docs = model("Address { address_line1: string? }");
        if let TypeKind::Struct(s) = &mut docs.types[0].kind {
            s.fields[0].note = Some("guessed from `addressLine1`".to_owned());
        }
        let report = crosscheck(&docs, &model("address { address_line_1: string? }"));
        expect![[r#"
            models: 0 agree, 1 differ only by what docs cannot express, 0 disagree (0 only in docs, 0 only in spec)
            fields: 0 agree, 1 differ only by what docs cannot express, 0 disagree

            Address (docs Address, spec address): differs only by what docs cannot express
              ~ address_line_1: docs name `address_line1` is a guess
        "#]].assert_eq(&report.to_string());
    }
}
