// Package timers is setTimeout, setInterval, setImmediate and their clear
// functions for a worker instance, on Go timers.
//
// Imports: goja, runtime/module and the standard library. Never
// edgedev/runtime (the boundary test in the repository root checks it).
//
// Concurrency: the timer functions JS calls run on the loop goroutine, and
// so does every callback (a one-shot timer comes back through its
// Host.Callback slot, an interval through Host.Post). The Go timers' own
// goroutines only hand a job to the loop. Each armed timer holds a counted
// slot until it fires or is cleared, which is what makes an instance's Close
// wait for pending timers. When the instance's context ends (reload, CPU
// limit, shutdown) a context.AfterFunc hook stops the Go timers; it runs on
// a goroutine of its own, so the set of armed timers is guarded by a mutex.
package timers
