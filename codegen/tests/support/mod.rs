//! Helpers shared by the integration tests: specs written to temporary directories, and a compact
//! text form of the IR for snapshots.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use modelgen::ir::{Enum, Model, Presence, TypeKind, TypeRef};

/// A fresh directory under the system temp dir, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("modelgen-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `files` (relative path, content) into the directory.
    pub fn write(&self, files: &[(&str, &str)]) {
        for (name, text) in files {
            let path = self.0.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An OpenAPI document whose `components/schemas` is `schemas` (YAML, indented by the caller or not).
pub fn spec_with_schemas(schemas: &str) -> String {
    let indented: String = schemas.lines().map(|l| format!("    {l}\n")).collect();
    format!("openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{indented}")
}

/// The IR as short lines: one per type, one per field, variant or value.
pub fn describe(model: &Model) -> String {
    let mut out = String::new();
    for def in &model.types {
        let _ = write!(out, "{}", def.name);
        match &def.kind {
            TypeKind::Struct(s) => {
                out.push_str(": struct");
                if let Some(extra) = &s.additional {
                    let _ = write!(out, " +{{{}}}", ty(model, extra));
                }
                out.push('\n');
                for f in &s.fields {
                    let presence = match f.presence {
                        Presence::Required => "required",
                        Presence::RequiredNullable => "required nullable",
                        Presence::Optional => "optional",
                        Presence::OptionalNullable => "optional nullable",
                    };
                    let _ = write!(out, "  {}: {} {presence}", f.wire_name, ty(model, &f.ty));
                    if let Some(doc) = &f.doc {
                        let _ = write!(out, " /// {doc}");
                    }
                    out.push('\n');
                }
            }
            TypeKind::Enum(Enum::String(values)) => {
                let _ = writeln!(out, ": enum {values:?}");
            }
            TypeKind::Enum(Enum::Integer(values)) => {
                let _ = writeln!(out, ": int enum {values:?}");
            }
            TypeKind::Union(u) => {
                let _ = writeln!(out, ": union tag={:?}", u.discriminator);
                for v in &u.variants {
                    let _ = writeln!(out, "  {:?} => {}", v.tag, ty(model, &v.ty));
                }
            }
            TypeKind::Alias(a) => {
                let null = if a.nullable { " nullable" } else { "" };
                let _ = writeln!(out, ": alias {}{null}", ty(model, &a.ty));
            }
        }
    }
    out
}

fn ty(model: &Model, t: &TypeRef) -> String {
    match t {
        TypeRef::Named(id) => model.get(*id).name.clone(),
        TypeRef::Primitive(p) => format!("{p:?}").to_lowercase(),
        TypeRef::Array(item) => format!("[{}]", ty(model, item)),
        TypeRef::Map(value) => format!("{{{}}}", ty(model, value)),
        TypeRef::Object => "object".to_owned(),
        TypeRef::Any => "any".to_owned(),
    }
}
