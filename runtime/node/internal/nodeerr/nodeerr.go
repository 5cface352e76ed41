// Package nodeerr is the coded errors of the stream, crypto, zlib, http and
// stub modules (ERR_STREAM_*, ERR_CRYPTO_*, ...) on top of
// runtime/node/internal's common ones, all made by internal's
// makeNodeError, so every Node module's errors print alike. Imports: goja,
// runtime/module and runtime/node/internal. Loop goroutine only.
package nodeerr

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal"
)

//go:embed errors.js
var errorsJS string

var errorsFile = module.NewJSFile("edgedev:node/errors.js", errorsJS)

// Load returns the errors object (one per call; a module loads it once).
func Load(vm *goja.Runtime) (*goja.Object, error) {
	in, err := internal.Of(vm)
	if err != nil {
		return nil, err
	}
	f, err := errorsFile.Load(vm)
	if err != nil {
		return nil, err
	}
	v, err := f(goja.Undefined(), in.Errors)
	if err != nil {
		return nil, err
	}
	return v.ToObject(vm), nil
}
