// Package jspromise makes goja promises without goja's resolving functions.
//
// goja's only public way to make a promise, Runtime.NewPromise, builds two
// JS function objects (resolve and reject) and two Go closures around them
// for every promise. For the promises edgedev settles itself (a Web Crypto
// result, a KV read answered from the cache) that is most of the cost of
// the call: an HMAC sign+verify from JS took ~2x longer with them. Fulfilled
// and Rejected make a promise that is already settled without those
// objects, for a native function to return.
//
// They reach five unexported goja functions through go:linkname
// (linkname.go), pinned to the goja version in go.mod. If goja renames or
// changes one of them the build fails at link time, or the package tests
// fail; see linkname.go for what to check when upgrading goja.
//
// All functions run on the goroutine that owns the runtime.
package jspromise
