// Package kvcontrol is the loopback protocol that lets `edgedev kv` reach a
// KV store a running dev server holds: the server.json announcement next to
// the store, the JSON wire format, the server-side handler (Serve) and the
// client (Client).
//
// bbolt locks the store file, so while `edgedev dev` runs, the CLI cannot open
// it; instead the server announces itself in server.json next to the store
// and answers KV operations on loopback under /cdn-cgi/edgedev/kv/. The
// server runs them through the same bindings/kv API as the CLI would, on its
// own open store and with its own clock, so a value written either way is
// what the worker reads.
//
// server.json exists exactly while a server holds the store: written once the
// server listens (or when a config reload first opens the store), removed
// before the store is closed. A server killed with -9 leaves it behind; the
// CLI recognises that (nobody answers, and the file lock is free) and removes
// it once it holds the lock itself.
//
// Imports: bindings/kv, persist and the standard library. Never dev, runtime
// or bundler: `edgedev kv` must not pull in the dev server.
//
// Concurrency: a Client is safe for concurrent use; Serve may run on many
// HTTP goroutines at once (the store serialises writes).
package kvcontrol
