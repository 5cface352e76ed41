// Package intl is the Intl global of a worker: the en-US subset of ECMA-402
// (https://tc39.es/ecma402/) that libraries commonly touch, in intl.js, over
// Go's time zone data, Unicode collation (golang.org/x/text/collate) and
// ICU-style decimal rounding. Install defines Intl and the collating
// String.prototype.localeCompare; InstallLocaleCompareStub puts a stand-in
// localeCompare in place first, so Intl can stay a lazy global until a
// worker compares strings.
//
// Imports: goja, golang.org/x/text, runtime/module, runtime/webidl and the
// standard library. Never edgedev/runtime: the runtime imports this package
// and lends it a module.Host.
//
// Concurrency: the Intl objects belong to their runtime and are touched
// only on its loop goroutine. The collators are shared by every runtime in
// the process and are not safe for concurrent use, so each comparison holds
// one process-wide lock (comparisons are short).
package intl
