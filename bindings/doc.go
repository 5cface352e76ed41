// Package bindings defines how a configured env entry (a KV namespace, a var,
// a secret, a D1 database, later R2) becomes a JS value inside a worker: the Host the
// runtime lends a binding and the Binding a kind implements. Concrete kinds
// live in subpackages (bindings/kv, bindings/d1); bindings/builtin is the one table that
// maps a wrangler config section to its kind.
//
// Imports: goja, runtime/module (Host is module.Host: a binding reaches the
// loop, the clock and the log the way a Web API does) and the standard
// library; config is allowed. Never runtime, dev, persist or any concrete
// kind (boundary_test.go at the repository root).
//
// Concurrency: a Binding is shared by every worker instance of a dev session
// and may be called from several goroutines (Close from the server, JS calls
// from an instance's loop). JS values are only touched on the loop goroutine
// of the instance that owns them.
package bindings
