// Package dev is edgedev's front door: it loads a project (config, bundle,
// bindings), serves the worker over HTTP on loopback, writes the request log
// and the error page, and (in later steps) watches files to rebuild and swap
// the worker, and answers the /cdn-cgi/ control endpoints.
//
// Imports: config, bundler, runtime, bindings, bindings/builtin, bindings/kv,
// persist, clock (the session clock, consistency.go).
// Never imported by the packages below it.
//
// Concurrency: net/http serves each request on its own goroutine. The worker
// in use is an atomic pointer: a request loads it once and finishes on it
// even if a rebuild swaps in another meanwhile.
package dev
