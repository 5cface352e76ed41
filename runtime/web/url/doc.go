// Package url is the URL and URLSearchParams globals of a worker: the API
// half of the WHATWG URL Standard (https://url.spec.whatwg.org/#api) over the
// parser in package weburl. Install defines the globals; FromValue lets Go
// code read the URL behind a JS URL object without parsing it again.
//
// The WPT URL data (testdata/wpt, also read by weburl's Go-level tests) runs
// through the JS globals in TestURL_WPT, with testdata/
// wpt_url_expected_failures.txt listing what is known to fail and why.
//
// Imports: goja, runtime/module, runtime/webidl, weburl and the standard
// library. Never edgedev/runtime: the runtime imports this package and lends
// it a module.Host.
//
// Concurrency: every object here belongs to one runtime and is touched only
// on that runtime's loop goroutine; nothing here starts a goroutine or
// waits. The compiled iteratorprototype.js is shared by every runtime.
package url
