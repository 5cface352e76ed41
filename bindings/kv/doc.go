// Package kv is the Workers KV binding: a Go API over persist with the
// platform's rules (namespace.go, bulk.go), and the JS KVNamespace object a
// worker sees as env.NAME (js.go). The `edgedev kv` CLI uses the same Go
// API, so a worker and the CLI can never disagree about what is valid.
//
// Where things are:
//
//	limits.go    every limit, with its source
//	errors.go    Error (class, op, status, the platform's exact text) and sentinels
//	validate.go  the checks, in the platform's order and words
//	cursor.go    what a list cursor is
//	namespace.go Get, GetBulk, Put, Delete, List
//	bulk.go      PutBulk, DeleteBulk (all-or-nothing, for the CLI)
//	js.go        the JS object: argument conversion, promises, errors
//	consistency.go  the eventual-consistency simulator: locations, read
//	             caches of values and misses, propagation delay
//	trace.go     the trace of recent simulated reads, the stale-read log
//	view.go      View: the Go API at one simulated location
//
// Behaviour follows ../shared/reference/workers-platform.md (the team's shared folder) sections 1
// and 7: workerd's client-side checks and Miniflare's server-side ones, with
// their messages byte for byte. By default reads are strongly consistent
// (one location), as under wrangler dev, and cacheTtl is validated and
// otherwise has no effect. With a Consistency (WithConsistency), a worker's
// reads and writes happen at simulated locations and follow section 2 of
// the reference; the Go API (Get, List, Put, ...) stays central, as the
// REST API the CLI stands for. Expiration, caching and propagation are
// judged by the clock given to New and NewConsistency, never by time.Now.
//
// Imports: persist, bindings (interfaces and the session), config (the
// namespaces factory.go builds), runtime/module and runtime/webidl (the host
// and the Web IDL chores its JS object needs), runtime/web/encoding (UTF-8
// decode of text reads), hint, jspromise, goja and the standard library. Never runtime, dev or cmd.
//
// Concurrency: a Namespace is safe for concurrent use and is shared by every
// worker instance of a session. JS values are only touched on the loop
// goroutine of the instance that called. Reads run synchronously on the loop
// and return settled promises (a bbolt point read costs a few µs). Writes are
// queued on the loop, in call order, to persist's committer, and their
// promises settle back on the loop through bindings.Host.Async once the
// write is fsync'd; so a worker's puts to one key land in the order it made
// them, and reads never wait for a write. The simulator keeps its state per
// namespace behind one mutex, held for a read's bbolt lookup too (a few µs),
// and its trace behind another; the stale-read log callback runs under the
// namespace's lock.
package kv
