// Package urlpattern is the URLPattern global of a worker
// (https://urlpattern.spec.whatwg.org/#urlpattern-class): urlpattern.js does
// the Web IDL part (overloads, dictionaries, USVStrings, result objects) and
// the leaf package edgedev/urlpattern parses, compiles and matches. Install
// defines the global.
//
// The WPT URLPattern data (testdata/wpt) runs through the JS global in
// TestURLPattern_WPT, with testdata/wpt_urlpattern_expected_failures.txt
// listing what is known to fail and why.
//
// Imports: goja, runtime/module, edgedev/urlpattern (imported as pattern,
// since this package has the same name) and the standard library. Never
// edgedev/runtime: the runtime imports this package and lends it a
// module.Host.
//
// Concurrency: a URLPattern belongs to the runtime that made it and is used
// only on its loop goroutine (a compiled pattern.Pattern could be matched
// from several goroutines at once, but nothing here does). The
// compiled urlpattern.js is shared by every runtime.
package urlpattern
