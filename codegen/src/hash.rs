//! The hash maps of the reader: keyed by JSON pointers, names and lists of locations, looked up
//! many times per schema. foldhash hashes such keys several times faster than the standard library's
//! SipHash; its state is seeded at random, as SipHash's is.

/// A `HashMap` hashed with foldhash.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashSet` hashed with foldhash.
pub(crate) type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;
