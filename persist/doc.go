// Package persist is edgedev's durable storage: one bbolt file holding every
// KV namespace of a project. It knows nothing of JS, HTTP or the platform's
// rules; bindings/kv validates input and decides what the worker sees, and
// persist keeps what it was given, safely.
//
// # Layout
//
// The file has one top-level bucket per namespace, named "kv/" + id and
// keyed by the KV key's bytes (so bbolt's byte order is KV's list order), an
// "nsinfo" bucket with each namespace's title, and a "meta" bucket with the
// format marker. A stored record holds the
// value bytes, the metadata JSON text, the expiration (unix seconds, 0 =
// never), and a write version and write time. Versions come from the
// namespace bucket's sequence, so they grow with every write to that
// namespace; the consistency simulator in bindings/kv compares them. The
// record format is in record.go.
//
// # Guarantees
//
// Every write is committed in a bbolt read-write transaction with fsync
// before it is acknowledged, so a write whose call returned nil survives
// kill -9, and a value is never seen half written. One committer goroutine
// applies queued writes in order, as many as are waiting in one transaction:
// a lone write commits at once (never db.Batch, whose 10 ms wait a lone
// writer pays in full), concurrent writes share an fsync (writer.go). Expired entries
// read as missing and are left out of List; they are removed lazily by a
// background sweeper so that a read never waits for an fsync.
//
// # Concurrency
//
// A Store is safe for concurrent use. bbolt serializes writers and lets
// readers run beside them on a snapshot, so a Get never waits behind another
// goroutine's fsync. The memory map is sized up front (InitialMmapSize) so
// that a growing file rarely forces bbolt to remap, which is the one moment a
// reader would wait for a writer. Only one process can hold the file: Open
// times out with ErrLocked instead of waiting forever.
//
// Byte slices handed to persist are not retained after the call returns;
// slices it returns are copies the caller owns.
//
// # Imports
//
// The standard library and go.etcd.io/bbolt only. persist is a leaf: it must
// never import goja, net/http or any edgedev package (deps_test.go checks).
package persist
