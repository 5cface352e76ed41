package bindings

import (
	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

// Host is what the runtime lends a binding while it builds its JS value and
// while JS calls into it: the same interface every Web API family and Node
// module gets (see runtime/module), so there is one way to reach the loop,
// the clock and the log. Everything a binding does with the VM happens on
// the worker's event-loop goroutine: inside Expose, inside a JS call into
// the binding, or inside a function handed to a settle function returned by
// Async.
type Host = module.Host

// Binding is one configured env entry, for example one KV namespace or one
// var. A Binding is built once per dev session (it may hold open resources)
// and exposed again into every worker instance, so state outlives reloads.
type Binding interface {
	// Expose returns the JS value for env.NAME. It runs on the loop goroutine,
	// once per worker instance, and must be cheap.
	Expose(h Host) (goja.Value, error)
	// Close releases what the binding holds. It must work after a failed or
	// partial set-up and may be called more than once.
	Close() error
}

// Locator is implemented by a binding whose JS value depends on the
// simulated edge location serving a request (KV with the consistency
// simulation: each location has its own read cache). The runtime calls
// ExposeAt once per worker instance for each location that serves a request;
// requests with no location get Expose's value.
type Locator interface {
	ExposeAt(h Host, location string) (goja.Value, error)
}

// Named pairs a binding with its env name, in the order the config lists it.
type Named struct {
	Name    string
	Kind    string // the table it came from, e.g. "kv_namespaces", "vars", "secrets"
	Detail  string // what the start-up table shows, e.g. the namespace id
	Binding Binding
}
