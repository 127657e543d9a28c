//! Rust data models of the [Onfido API](https://documentation.onfido.com), generated at build time
//! from the OpenAPI spec in `spec/onfido/` by `modelgen` (see `build.rs`).
//!
//! Every schema of the spec is a type here, named in UpperCamelCase (`workflow_run` is
//! [`WorkflowRun`]). The models read the JSON the API sends and write it back unchanged:
//!
//! - a required field is a plain `T`; a required field that may be `null` is an `Option<T>`;
//! - an optional field is a [`Nullable<T>`], which keeps *absent*, `null` and a value apart (the API
//!   sends `null` for optional fields even where the spec does not say it may);
//! - enums have an `Unknown(String)` variant that keeps values newer than this spec;
//! - [`Report`] is tagged by its `name`, which each report type keeps as a field; an unknown report kind
//!   is kept as JSON.
//!
//! ```
//! use onfido_models::{Nullable, WorkflowRun, WorkflowRunStatus};
//!
//! let json = r#"{
//!     "id": "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e",
//!     "applicant_id": "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e",
//!     "workflow_id": "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e",
//!     "status": "awaiting_input",
//!     "output": null
//! }"#;
//! let run: WorkflowRun = serde_json::from_str(json)?;
//! assert_eq!(run.status, Nullable::Value(WorkflowRunStatus::AwaitingInput));
//! assert!(run.output.is_null());
//! assert!(run.tags.is_absent());
//! let back: serde_json::Value = serde_json::to_value(&run)?;
//! assert_eq!(back, serde_json::from_str::<serde_json::Value>(json)?);
//! # Ok::<(), serde_json::Error>(())
//! ```

#![deny(warnings)]
#![warn(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/models.rs"));
