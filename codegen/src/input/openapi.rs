//! OpenAPI loader (in progress).
