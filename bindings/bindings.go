package bindings

import (
	"context"
	"errors"
	"time"

	"github.com/dop251/goja"
)

// Host is what the runtime lends a binding while it builds its JS value.
// Everything a binding does with the VM happens on the worker's event-loop
// goroutine: inside Expose, inside a JS call into the binding, or inside a
// function handed to a settle function returned by Async.
type Host interface {
	// VM is the worker's JS runtime. Only touch it on the loop goroutine.
	VM() *goja.Runtime
	// Context is cancelled when the worker instance is retired.
	Context() context.Context
	// Async reserves an event-loop slot and returns a pending promise and a
	// settle function. Call settle exactly once, from any goroutine. The
	// function given to settle runs later on the loop goroutine: its value
	// resolves the promise, its error rejects it (see Reject for rejecting
	// with a particular JS value such as a TypeError). The worker counts the
	// slot as pending work until settle is called.
	Async() (p *goja.Promise, settle func(fn func() (goja.Value, error)))
	// Now is the injected clock. Bindings never call time.Now.
	Now() time.Time
}

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

// RejectError carries a JS value to reject a promise with. Return it from a
// settle function to reject with, say, a TypeError made with vm.NewTypeError.
type RejectError struct{ Value goja.Value }

func (e *RejectError) Error() string {
	if e.Value == nil {
		return "rejected"
	}
	return e.Value.String()
}

// Reject wraps v so that a settle function's error rejects with exactly v.
func Reject(v goja.Value) error { return &RejectError{Value: v} }

// AsReject reports whether err carries a JS value to reject with.
func AsReject(err error) (goja.Value, bool) {
	var re *RejectError
	if errors.As(err, &re) {
		return re.Value, true
	}
	return nil, false
}
