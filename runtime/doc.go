// Package runtime is the JS host: one goja runtime per worker instance, owned
// by one event-loop goroutine; the module and service-worker handler formats;
// the Web APIs a worker uses (Request, Response, Headers, URL, streams,
// encoders, crypto, timers, console); bridging between net/http and the JS
// fetch handler; CPU limits and source-mapped errors.
//
// Imports: goja, the standard library, bindings (interfaces only) and small
// leaf packages such as weburl. Never dev, bundler, config, persist or a
// concrete binding kind.
//
// Concurrency: a Worker's goja.Runtime is touched only by its loop goroutine.
// Every other goroutine talks to the worker by posting a job to the loop
// (Worker.post); Go work started from JS (a KV write, an outbound fetch) runs
// on its own goroutine and settles its promise by posting back. No JS ever
// runs off the loop.
//
// Web APIs: each global has an install function (installURL, installConsole,
// ...) listed once in globals.go. APIs written in JS live in js/*.js, are
// embedded, and compiled once per process.
package runtime
