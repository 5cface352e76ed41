// Package module is everything a Web API family (runtime/web/...) or a Node
// module gets from the host: the Host interface (the loop slots, the log,
// error reporting, the clock and the instance's context) and JSFile, the one
// way to run edgedev's own embedded JS; and the one table from goja's texts
// for common runtime errors to V8's (V8Message, v8text.go). Nothing else of
// runtime is reachable from a module; runtime implements Host and lists the
// modules in its one table of globals (runtime/globals.go).
//
// A built-in module (node:buffer) is a Builtin: a function from the Host and
// a Loader (the other built-ins, process.env's contents) to its exports,
// listed in its family's registry (runtime/node) and served to the bundle
// by the runtime's module loader (runtime/loader.go).
//
// The model is k6's modules.VU: a module is handed a small interface, never
// the host's internals, so a module can be read, tested and moved on its own.
//
// Imports: goja and the standard library only. Never runtime, dev, bindings
// or any module.
//
// Concurrency: a Host's VM belongs to one event-loop goroutine. Install
// functions and every function JS calls run on it. Work on other goroutines
// reaches the VM only through Async, Callback or Post.
package module
