// Package nodeerr is Node.js's coded errors for edgedev's Node modules:
// errors.js builds ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE and the rest with
// Node's exact wording (lib/internal/errors.js), and Load hands a module
// that object. Imports: goja and runtime/module. Loop goroutine only.
package nodeerr

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

//go:embed errors.js
var errorsJS string

var errorsFile = module.NewJSFile("edgedev:node/errors.js", errorsJS)

// Load returns the errors object (one per call; a module loads it once).
func Load(vm *goja.Runtime) (*goja.Object, error) {
	f, err := errorsFile.Load(vm)
	if err != nil {
		return nil, err
	}
	v, err := f(goja.Undefined())
	if err != nil {
		return nil, err
	}
	return v.ToObject(vm), nil
}
