// Package events is the DOM's event and abort machinery for workers: Event,
// CustomEvent, EventTarget, AbortController, AbortSignal (with timeout, any
// and abort), scheduler.wait and reportError. The classes are JS
// (events.js); Go supplies the clock, the unref timer behind
// AbortSignal.timeout and the log. Install hands the runtime the internal
// abort hooks its outbound fetch needs, as a return value, never as a global.
//
// Imports: goja, runtime/module and the standard library. Never
// edgedev/runtime (the boundary test in the repository root checks it).
//
// Concurrency: everything JS calls runs on the loop goroutine. The only other
// goroutines are AbortSignal.timeout's Go timers: they touch their own
// mutex-guarded set and reach JS through Host.Post, uncounted, so a pending
// timeout never keeps an instance alive; the set is stopped when the
// instance's context ends.
package events
