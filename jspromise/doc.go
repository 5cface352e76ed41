// Package jspromise makes goja promises without goja's resolving functions.
//
// goja's only public way to make a promise, Runtime.NewPromise, builds two
// JS function objects (resolve and reject) and two Go closures around them
// for every promise. For the promises edgedev settles at once (a Web Crypto
// result, a KV read answered from the store) that was most of the cost of
// the call: ~10x more than Fulfilled (BenchmarkFulfilled), and an HMAC
// sign+verify from JS took about twice as long. Fulfilled and Rejected make
// a promise that is already settled, without those objects. A Settler
// makes pending promises and settles them later from an event-loop
// callback, for the runtime's Async (~8x cheaper, BenchmarkSettleLater).
//
// They reach five unexported goja functions through go:linkname
// (linkname.go). The linker matches those by name only: a renamed function
// fails the build, but a changed signature would link and misbehave. So
// TestGojaInternalsUnchanged checks the goja version in go.mod and the five
// signatures in goja's source; when it fails after a goja upgrade, read
// linkname.go.
//
// Imports: goja only. Never imports other edgedev packages, so that the
// runtime and the bindings can both use it.
//
// All functions run on the goroutine that owns the runtime.
package jspromise
