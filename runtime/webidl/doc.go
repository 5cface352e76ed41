// Package webidl is the one place for the Web IDL chores every Go-written Web
// API needs (https://webidl.spec.whatwg.org/): classes whose instances carry
// Go state (Class, This), functions with a proper name and length
// (Function), zero-copy access to the bytes of a BufferSource that never
// reads a detached buffer (Kit.Bytes), Uint8Arrays over Go bytes,
// DOMException (the global and the Go-side constructor), dictionary members
// (Member) and the "N argument(s) required" TypeError (RequireArgs).
//
// A Kit holds one runtime's intrinsics, captured once (Of) before user code
// runs, so a script that replaces Uint8Array or DOMException cannot change
// what the platform hands out or throws.
//
// Imports: goja, runtime/module and the standard library. Never runtime or
// a Web API family: every family imports this package.
//
// Concurrency: a Kit belongs to its runtime's loop goroutine.
package webidl
