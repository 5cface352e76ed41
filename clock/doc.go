// Package clock is edgedev's one clock: the time that KV expiration, KV
// cacheTtl and propagation, and a worker's Date.now all read (DESIGN.md
// decision 6). It is real by default; a virtual clock stands still until
// something advances it, so a test or a person at the terminal can move time
// forward by 90 seconds instead of waiting for them, and get the same
// result every run.
//
// Imports: the standard library only. clock is a leaf: it must never import
// an edgedev package (deps_test.go checks).
//
// Concurrency: a Clock is safe for concurrent use. A virtual clock's time is
// one atomic value; Now never blocks.
package clock
