// Package engine closes gaps of the JS engine itself (goja), not of the Web
// platform: RegExp property escapes and the flags goja lacks (over package
// jsregexp), ES built-ins such as Object.groupBy and WeakRef,
// globalThis.self with Symbol.asyncIterator, and JSON.parse/JSON.stringify
// as V8 has them (package runtime/engine/json). Each gap is either closed as
// specified or made loud; where a shim is knowingly weaker than V8 its file
// says so. The JS is embedded and compiled once per process, on first use.
//
// Imports: goja, runtime/module, runtime/engine/json, the leaf jsregexp and
// the standard library.
// Never edgedev/runtime (the boundary test in the repository root checks it).
//
// Concurrency: none. The Install functions run on the loop goroutine, and
// what they define is plain JS or Go called from JS on that goroutine.
package engine
