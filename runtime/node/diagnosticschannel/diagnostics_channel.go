// Package diagnosticschannel is node:diagnostics_channel (JS: named
// channels, stores, tracing channels), as workerd implements it natively.
package diagnosticschannel

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal/nodeerr"
)

//go:embed diagnostics_channel.js
var dcJS string

var dcFile = module.NewJSFile("edgedev:node/diagnostics_channel.js", dcJS)

// Exports returns what require("node:diagnostics_channel") gives.
func Exports(h module.Host, _ module.Loader) (goja.Value, error) {
	errs, err := nodeerr.Load(h.VM())
	if err != nil {
		return nil, err
	}
	fn, err := dcFile.Load(h.VM())
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), errs)
}
