package module

import (
	"context"
	"time"

	"github.com/dop251/goja"
)

// Host is what the runtime lends a module while it installs its globals and
// while JS calls into it. Every method but the function Callback returns
// and Post runs on the loop goroutine.
type Host interface {
	// VM is the instance's JS runtime. Only touch it on the loop goroutine.
	VM() *goja.Runtime
	// Context is the context of the work the running JS does. While JS
	// runs for a request (its handler, and the promise jobs, timers and
	// callbacks it started) it is that request's, cancelled when the client
	// goes away before the response, unless the request handed work to
	// ctx.waitUntil; workerd cancels a request's work the same way. Outside
	// any request (at install, at top level) it is the instance's, cancelled
	// when the instance is retired (reload, CPU limit, shutdown): background
	// work an Install starts watches the Context it got then.
	Context() context.Context
	// Now is the injected clock (virtual when a test or --clock asks), the
	// one Date.now, expiration and the consistency simulator read.
	Now() time.Time
	// Born is when the instance started, on the real monotonic clock:
	// performance.now() and Event.timeStamp count from it.
	Born() time.Time

	// Async reserves an event-loop slot and returns a pending promise and a
	// settle function. Call settle exactly once, from any goroutine. The
	// function given to settle runs later on the loop goroutine: its value
	// resolves the promise, its error rejects it (return an error made by
	// Reject to reject with a particular JS value, such as a TypeError).
	// The instance counts the slot as pending work until it is settled.
	Async() (p *goja.Promise, settle func(fn func() (goja.Value, error)))
	// Callback reserves an event-loop slot without a promise: the returned
	// function, called exactly once from any goroutine, runs job on the loop
	// and frees the slot. Until then the instance counts the slot as pending
	// work (it is not retired while a timer or a stream read is in flight).
	// Pass a nil job to free the slot without running anything; that never
	// waits on the loop, so the loop itself may do it (clearTimeout).
	Callback() (back func(job func()))
	// Post runs job on the loop without counting it as pending work, for
	// things that must not keep an instance alive (AbortSignal.timeout). It
	// reports false when the instance has stopped; job then never runs.
	// Call it from any goroutine.
	Post(job func()) bool
	// Expect marks work that may still run JS later without keeping the
	// instance alive (an AbortSignal.timeout armed, to be run with Post):
	// while any is outstanding, a request waiting on it is not told that
	// it will never get a response. Call done exactly once, from any
	// goroutine, after the work was posted or dropped.
	Expect() (done func())

	// AsyncFrame is the async context frame of the running JS, opaque to
	// the runtime: node:async_hooks keeps AsyncLocalStorage's stores in
	// it. The runtime carries it, with the request the JS works for, into
	// every promise job, Callback and Async settle the JS starts (so into
	// timers, queueMicrotask and fetch), as workerd's AsyncContextFrame
	// does; each request's handler starts with none (nil).
	AsyncFrame() any
	// SetAsyncFrame replaces the running JS's frame (AsyncLocalStorage.run
	// sets one and puts the old one back).
	SetAsyncFrame(frame any)

	// Log writes one line to the worker log at level "log", "info", "warn",
	// "error" or "debug"; line has no trailing newline.
	Log(level, line string)
	// ReportError logs a JS failure (a thrown goja.Value or an error from a
	// call into JS) with its source-mapped stack, prefixed by what. After an
	// error goja cannot recover from (the CPU limit's interrupt, a stack
	// overflow) it also retires the instance, so the requests in flight fail
	// with what happened instead of waiting forever.
	ReportError(what string, err any)
	// V8Error gives an error goja threw V8's text for it, rewriting its
	// message and the first line of its stack in place ("Cannot read
	// properties of undefined (reading 'x')" for goja's "Cannot read
	// property 'x' of undefined"); other values are left alone. console
	// calls it before it prints an error.
	V8Error(o *goja.Object)
}
