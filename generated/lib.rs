//! Rust data models of the [Onfido API](https://documentation.onfido.com), generated at build time
//! from the OpenAPI spec in `spec/onfido/` by `modelgen` (see `build.rs` and `build/onfido.rs`).
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
//!
//! # Forward compatibility: values and properties this spec does not know
//!
//! A status, report kind or property added by a later release of the API is kept and written back.
//! Unknown properties are kept in the types whose configuration asks for it (an
//! `additional_properties` map); elsewhere they are dropped, as the spec says nothing of them.
//!
//! ```
//! use onfido_models::{Nullable, WebhookEventObjectStatus, WebhookEventPayloadObject};
//!
//! let json = serde_json::json!({
//!     "id": "task_123",
//!     "status": "paused_for_review",
//!     "task_def_id": "profile_data"
//! });
//! let object: WebhookEventPayloadObject = serde_json::from_value(json.clone())?;
//! assert_eq!(
//!     object.status,
//!     Nullable::Value(WebhookEventObjectStatus::Unknown("paused_for_review".into()))
//! );
//! assert_eq!(object.additional_properties["task_def_id"], "profile_data");
//! assert_eq!(serde_json::to_value(&object)?, json);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Building a request: `new` and struct update syntax
//!
//! Each struct with required fields has a `new` taking exactly those; every optional field starts
//! absent, and is written only when set. A struct without required fields implements `Default`.
//! Set what you need with struct update syntax; `.into()` makes a `Nullable::Value`.
//!
//! ```
//! use onfido_models::{Nullable, WorkflowRunBuilder, WorkflowRunLink, WorkflowRunLinkLanguage};
//!
//! let applicant = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d".parse().unwrap();
//! let workflow = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f".parse().unwrap();
//! let body = WorkflowRunBuilder {
//!     tags: vec!["vip".to_owned()].into(),
//!     link: WorkflowRunLink {
//!         language: WorkflowRunLinkLanguage::DeDE.into(),
//!         ..WorkflowRunLink::default()
//!     }
//!     .into(),
//!     ..WorkflowRunBuilder::new(applicant, workflow)
//! };
//! assert_eq!(
//!     serde_json::to_value(&body)?,
//!     serde_json::json!({
//!         "applicant_id": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
//!         "workflow_id": "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
//!         "tags": ["vip"],
//!         "link": {"language": "de_DE"}
//!     })
//! );
//! assert!(body.custom_data.is_absent());
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Defaults
//!
//! A field with a `default` in the spec stays absent when the payload omits it, so a round trip writes
//! back exactly what was read (the server applies the default, not the client). Read the value that
//! applies with the generated `<field>_or_default()` accessor; the field's docs quote the default.
//!
//! ```
//! use onfido_models::{CheckBuilder, ReportName};
//!
//! let applicant = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d".parse().unwrap();
//! let check = CheckBuilder::new(applicant, vec![ReportName::Document]);
//! assert!(check.asynchronous.is_absent());
//! assert!(check.asynchronous_or_default(), "the spec's default is `true`");
//! assert!(!check.applicant_provides_data_or_default());
//! assert!(serde_json::to_value(&check)?.get("asynchronous").is_none(), "absent stays absent");
//!
//! let check = CheckBuilder { asynchronous: false.into(), ..check };
//! assert!(!check.asynchronous_or_default());
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Read-only and write-only fields
//!
//! The docs of a `readOnly` field say it is sent by the API in responses, those of a `writeOnly` one
//! that it is sent in requests only. A field the spec marks both `required` and `readOnly` (or
//! `writeOnly`) is required in one direction only, so it is a `Nullable<T>` here, like an optional
//! field, with a note in its docs: a request body can be built (and read back) without it, and `new`
//! does not ask for it. Nothing is skipped when writing: a response read and written back keeps its
//! read-only fields. (This spec's read-only fields are all optional already.)
//!
//! # Deprecated types and fields
//!
//! What the spec deprecates is `#[deprecated]`, so the compiler points at each use. The crate itself
//! allows the uses its generated code makes; yours warn:
//!
//! ```
//! # #![deny(warnings)]
//! #[allow(deprecated)] // `ReportConfiguration` is deprecated in the spec
//! fn configuration() -> onfido_models::ReportConfiguration {
//!     onfido_models::ReportConfiguration::default()
//! }
//! # let _ = configuration();
//! ```
//!
//! # The spec's examples
//!
//! Examples of properties appear in their docs. Examples of whole schemas are doctests of their type
//! (see [`TaskId`] or [`WebhookEventObjectStatus`]), so `cargo test` checks that they read and are
//! written back unchanged. The generator checks every example against its schema first: one that
//! contradicts it is a bug of the spec, reported as a build warning and shown as text, not made a
//! failing doctest.
//!
//! # Validation
//!
//! Reading never validates: a payload is read as the API sends it. [`Validate::validate`] checks a
//! value against the spec's constraints (lengths, patterns, bounds, item counts, enum values), through
//! every value it holds, and lists every violation with its path:
//!
//! ```
//! use onfido_models::{Validate, WorkflowRunBuilder};
//!
//! let applicant = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d".parse().unwrap();
//! let workflow = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f".parse().unwrap();
//! let body = WorkflowRunBuilder {
//!     tags: (0..31).map(|i| format!("tag-{i}")).collect::<Vec<_>>().into(),
//!     customer_user_id: "x".repeat(300).into(),
//!     ..WorkflowRunBuilder::new(applicant, workflow)
//! };
//! let violations = body.validate().unwrap_err();
//! let messages: Vec<String> = violations.iter().map(|v| v.to_string()).collect();
//! assert_eq!(
//!     messages,
//!     ["tags: more than 30 items", "customer_user_id: longer than 256 characters"]
//! );
//!
//! assert_eq!(WorkflowRunBuilder::new(applicant, workflow).validate(), Ok(()));
//! ```

#![deny(warnings)]
// Not `missing_docs`: a field the spec leaves undescribed is left without a doc, not given a filler.

include!(concat!(env!("OUT_DIR"), "/models.rs"));
