//! Property tests of the emitter: for thousands of random IR models (hostile names, every kind and
//! reference form, loops, collisions, odd docs), `Model::check` rejects the model or the emitter
//! succeeds without a panic and every piece of code it makes parses as a Rust file; a sampled few
//! also compile with warnings denied.

mod support;

// Builds generated crates the way `generated_crates.rs` does, in the same target directory.
#[allow(dead_code)]
#[path = "../../tools/realworld/src/cargo.rs"]
mod cargo_run;

use std::path::Path;

use modelgen::emit::{self, Options};
use modelgen::ir::{Model, TypeId, TypeKind};
use modelgen::rust::Optionals;
use modelgen::{DateLibrary, DateTimeType, FloatType, OptionalStyle, UuidType};
use support::random::{self, Rng};
use support::TempDir;

const SEED: u64 = 0x005E_ED0F_C0DE;

/// The seed: `SEED`, or `MODELGEN_SEED` from the environment to explore other models.
fn seed() -> u64 {
    std::env::var("MODELGEN_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED)
}

/// Every option combination a case is emitted with (the case number picks one).
fn options(case: usize) -> Options {
    Options {
        date_time: if case % 2 == 0 {
            DateTimeType::FixedOffset
        } else {
            DateTimeType::Utc
        },
        float: if case % 3 == 0 {
            FloatType::F32
        } else {
            FloatType::F64
        },
        // `time` and `String` dates go with chrono's fixed-offset date-times only (as `Config` says).
        dates: match case % 6 {
            2 => DateLibrary::Time,
            4 => DateLibrary::String,
            _ => DateLibrary::Chrono,
        },
        uuid: if case % 7 == 3 {
            UuidType::String
        } else {
            UuidType::Uuid
        },
        optional: Optionals {
            style: if case % 8 == 5 {
                OptionalStyle::Option
            } else {
                OptionalStyle::Nullable
            },
            exceptions: Vec::new(),
        },
        doctest_crate: (case % 4 != 1).then(|| "random_models".to_owned()),
        validation: case % 5 != 2,
    }
}

/// Emits `model` every way the library can and checks that each result parses; `Err` with what
/// failed.
fn emit_and_parse(model: &Model, options: &Options) -> Result<(), String> {
    let (tokens, _) = emit::emit(model, options);
    syn::parse2::<syn::File>(tokens.clone()).map_err(|e| format!("emit: {e}\n{tokens}"))?;
    let (code, _) = modelgen::generate_model(model, options, "random.yaml")
        .map_err(|e| format!("generate_model: {e}"))?;
    let file = syn::parse_file(&code).map_err(|e| format!("generated file: {e}\n{code}"))?;
    let (_header, body) = code.split_once("\n\n").ok_or("no header")?;
    support::laid_out_as_prettyplease(body)?;
    check_wire_names(model, &file)?;
    let dispatch = emit::round_trip_dispatch(model, options, "random_models");
    syn::parse2::<syn::File>(dispatch).map_err(|e| format!("dispatch: {e}"))?;
    Ok(())
}

/// Every field of every struct of `model` reads and writes its JSON name: the struct's `FromObject`
/// impl reads the name into the field's slot, and its `Serialize` impl writes the field under the
/// name. A field whose identifier had to change never goes without its name.
fn check_wire_names(model: &Model, file: &syn::File) -> Result<(), String> {
    let names = modelgen::naming::TypeNames::new(model);
    for (i, def) in model.types.iter().enumerate() {
        let TypeKind::Struct(s) = &def.kind else {
            continue;
        };
        let rust = names.get(TypeId(i));
        let item = file
            .items
            .iter()
            .find_map(|item| match item {
                syn::Item::Struct(item) if item.ident == rust => Some(item),
                _ => None,
            })
            .ok_or_else(|| format!("no struct `{rust}`"))?;
        let (mut reads, mut writes) = (Vec::new(), Vec::new());
        for item in &file.items {
            if let syn::Item::Impl(imp) = item {
                if matches!(&*imp.self_ty, syn::Type::Path(p) if p.path.is_ident(rust)) {
                    for fn_item in &imp.items {
                        if let syn::ImplItem::Fn(f) = fn_item {
                            for stmt in &f.block.stmts {
                                wire_calls(stmt_expr(stmt), &mut reads, &mut writes);
                            }
                        }
                    }
                }
            }
        }
        for (field, ir) in item.fields.iter().zip(&s.fields) {
            let ident = field.ident.as_ref().ok_or("a tuple struct")?.to_string();
            for (what, calls) in [("reads", &reads), ("writes", &writes)] {
                let named: Vec<&String> = calls
                    .iter()
                    .filter(|(i, _)| *i == ident)
                    .map(|(_, wire)| wire)
                    .collect();
                if named != [&ir.wire_name] {
                    return Err(format!(
                        "`{rust}.{ident}` {what} {named:?}, not `{}`",
                        ir.wire_name
                    ));
                }
            }
        }
    }
    Ok(())
}

fn stmt_expr(stmt: &syn::Stmt) -> Option<&syn::Expr> {
    match stmt {
        syn::Stmt::Expr(e, _) => Some(e),
        syn::Stmt::Local(local) => local.init.as_ref().map(|init| &*init.expr),
        _ => None,
    }
}

/// The calls in `expr` that name a field and its JSON name: `map.read(&mut field, "name")` (and
/// `read_by`) into `reads`, `object.field("name", &self.field)` (and `field_by`, `optional`,
/// `optional_by`) into `writes`, as (field, name).
fn wire_calls(
    expr: Option<&syn::Expr>,
    reads: &mut Vec<(String, String)>,
    writes: &mut Vec<(String, String)>,
) {
    let Some(expr) = expr else { return };
    let lit = |e: &syn::Expr| match e {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(s.value()),
        _ => None,
    };
    let field = |e: &syn::Expr| match e {
        syn::Expr::Reference(r) => match &*r.expr {
            syn::Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
            syn::Expr::Field(f) => match &f.member {
                syn::Member::Named(ident) => Some(ident.to_string()),
                syn::Member::Unnamed(_) => None,
            },
            _ => None,
        },
        _ => None,
    };
    match expr {
        syn::Expr::MethodCall(call) => {
            let method = call.method.to_string();
            let args: Vec<&syn::Expr> = call.args.iter().collect();
            match (method.as_str(), args.as_slice()) {
                ("read" | "read_by", [slot, name]) => {
                    if let (Some(slot), Some(name)) = (field(slot), lit(name)) {
                        reads.push((slot, name));
                    }
                }
                ("field" | "field_by" | "optional" | "optional_by", [name, value]) => {
                    if let (Some(value), Some(name)) = (field(value), lit(name)) {
                        writes.push((value, name));
                    }
                }
                _ => {}
            }
            wire_calls(Some(&call.receiver), reads, writes);
        }
        syn::Expr::Try(t) => wire_calls(Some(&t.expr), reads, writes),
        syn::Expr::Block(b) => {
            for stmt in &b.block.stmts {
                wire_calls(stmt_expr(stmt), reads, writes);
            }
        }
        syn::Expr::While(w) => {
            for stmt in &w.body.stmts {
                wire_calls(stmt_expr(stmt), reads, writes);
            }
        }
        syn::Expr::Match(m) => {
            for arm in &m.arms {
                wire_calls(Some(&arm.body), reads, writes);
            }
        }
        _ => {}
    }
}

/// Runs one case; a panic anywhere is a failure of its own, reported with the model.
fn run_case(model: &Model, options: &Options) -> Result<bool, String> {
    let outcome = std::panic::catch_unwind(|| {
        if !model.check().is_empty() {
            return Ok(false);
        }
        emit_and_parse(model, options).map(|()| true)
    });
    match outcome {
        Ok(result) => result,
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            Err(format!("panic: {message}"))
        }
    }
}

#[test]
fn random_models_are_rejected_or_emit_code_that_parses() {
    let mut rng = Rng::new(seed());
    let (mut emitted, mut rejected) = (0, 0);
    for case in 0..1000 {
        let model = random::model(&mut rng, 6);
        match run_case(&model, &options(case)) {
            Ok(true) => emitted += 1,
            Ok(false) => rejected += 1,
            Err(e) => panic!(
                "case {case}: {e}\nmodel: {}",
                serde_json::to_string(&model).unwrap()
            ),
        }
    }
    // The generator must mostly make models that pass the check, or the test tests little.
    eprintln!("{emitted} emitted, {rejected} rejected");
    assert!(emitted > 500, "{emitted} emitted, {rejected} rejected");
    assert!(rejected > 20, "{emitted} emitted, {rejected} rejected");
}

/// A handful of random models that pass the check, compiled as crates with warnings denied (`cargo
/// clippy`, which also runs rustc's own lints), in one workspace so one run builds them all; with
/// `MODELGEN_DOCTESTS=1`, their examples' doctests run too.
#[test]
fn sampled_random_models_compile_warning_free() {
    let mut rng = Rng::new(seed() ^ 0xC0FFEE);
    let dir = TempDir::new("random-crates");
    let mut members = Vec::new();
    let mut case = 0;
    while members.len() < 5 {
        case += 1;
        let model = random::model(&mut rng, 8);
        if !model.check().is_empty() {
            continue;
        }
        let name = format!("random_{}", members.len());
        let mut options = options(case);
        options.doctest_crate = Some(name.clone());
        let (code, uses) = modelgen::generate_model(&model, &options, "random.yaml").unwrap();
        std::fs::write(
            dir.path().join(format!("{name}.json")),
            serde_json::to_string_pretty(&model).unwrap(),
        )
        .unwrap();
        modelgen::write::write_crate(&dir.path().join(&name), &name, &code, uses, "random.yaml")
            .unwrap();
        members.push(name);
    }
    let members: Vec<&str> = members.iter().map(String::as_str).collect();
    cargo_run::workspace(dir.path(), &members, "", &cargo_run::repository_lock()).unwrap();
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/generated-crates");
    let mut run = cargo_run::cargo(
        env!("CARGO").as_ref(),
        dir.path(),
        &target,
        &["clippy", "--quiet", "--workspace", "--", "-D", "warnings"],
    )
    .unwrap();
    // The examples' doctests too, when asked (they take a while more).
    if run.success && std::env::var_os("MODELGEN_DOCTESTS").is_some() {
        run = cargo_run::cargo(
            env!("CARGO").as_ref(),
            dir.path(),
            &target,
            &["test", "--quiet", "--workspace", "--doc"],
        )
        .unwrap();
    }
    if !run.success {
        // Keep the crates and their models for a look.
        let keep = std::env::temp_dir().join("modelgen-random-crates-failed");
        let _ = std::fs::remove_dir_all(&keep);
        let _ = std::process::Command::new("cp")
            .args(["-r".as_ref(), dir.path().as_os_str(), keep.as_os_str()])
            .status();
        panic!(
            "random crates do not compile (kept in {}):\n{}\n{}",
            keep.display(),
            run.stdout,
            run.stderr
        );
    }
}
