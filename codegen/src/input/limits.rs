//! The bounds on what one input may hold. Each is far above what real API descriptions reach
//! (Stripe's, DigitalOcean's 1,481 files and Discord's are within every one of them), and each is
//! enforced as an error that names the file and the place, so hostile or broken input ends
//! in a diagnostic, never in a stack overflow, an abort or an out-of-memory kill.
//!
//! They are not configurable: a spec that hits one is broken or hostile, not big.

/// Most arrays and objects open at once in one YAML or JSON document (real specs nest a few dozen
/// deep). Dropping, cloning and walking a parsed value is recursive, so this keeps every later
/// stage within the stack.
pub const MAX_DOCUMENT_NESTING: usize = 1_000;

/// Most bytes in one input file (a spec file or a model doc): 256 MiB.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Most files one spec may load through `$ref`s, the root included.
pub const MAX_FILES: usize = 10_000;

/// Longest chain of `$ref`s followed from one place: a reference to a reference to … (real specs
/// have two or three hops), or schemas that each build on the next (`allOf`, or a `$ref` with
/// sibling keywords).
pub const MAX_REF_HOPS: usize = 64;

/// Most schemas written inline inside one another (`items` of `items`, properties of properties)
/// below a schema that has a name of its own.
pub const MAX_SCHEMA_NESTING: usize = 64;

/// Most callback path items walked in one spec, each once per operation that reaches it
/// (callbacks with callbacks of their own may reach one path item along exponentially many routes;
/// real specs walk a few dozen).
pub const MAX_CALLBACK_WALKS: usize = 10_000;

/// Most `allOf` levels followed in one schema.
pub const MAX_ALL_OF_DEPTH: usize = 64;

/// Most nodes that YAML alias expansion may add to one document (no "billion laughs").
pub const MAX_ALIAS_NODES: usize = 1_000_000;

/// Most type constructors nested in one markdown type cell (`Array<Array<…>>`).
pub const MAX_MARKDOWN_TYPE_NESTING: usize = 64;

/// The stack that reading, lowering and generating run on (a thread of their own), which the
/// recursion that the limits above allow fits in, in a debug build too: 256 MiB of address space,
/// of which only what deep input uses is ever touched.
pub const STACK_BYTES: usize = 256 << 20;
