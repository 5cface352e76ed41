// ES built-ins goja lacks (reference/goja-notes.md section 2), as small JS
// shims where a shim cannot change behaviour silently: Object.groupBy,
// Map.groupBy, Promise.withResolvers, Array.fromAsync and
// Error.captureStackTrace behave as specified; WeakRef holds a strong
// reference (deref() never returns undefined) and FinalizationRegistry
// never calls back, which the platform also never promises to do. The
// bundle lint (package bundler) warns about the last two. Not shimmed:
// iterator helpers (the lint warns about the Iterator global).

package engine

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

//go:embed esshims.js
var esShimsJS string

// esShimsFile is compiled the first time an instance starts, not at package
// init: the edgedev binary links this package for every command, and a
// command such as `edgedev kv` never runs JS.
var esShimsFile = module.NewJSFile("edgedev:esshims.js", esShimsJS)

// InstallESShims defines the missing ES built-ins listed at the top of this
// file. A built-in goja already has is left alone.
func InstallESShims(h module.Host) error {
	fn, err := esShimsFile.Load(h.VM())
	if err != nil {
		return err
	}
	_, err = fn(goja.Undefined())
	return err
}
