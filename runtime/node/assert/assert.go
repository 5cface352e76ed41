// Package assert is node:assert and node:assert/strict (assert.js), as
// workerd gives them.
package assert

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal"
)

//go:embed assert.js
var src string

var file = module.NewJSFile("edgedev:node/assert.js", src)

// Exports returns what require("node:assert") gives: the assert function.
func Exports(h module.Host, _ module.Loader) (goja.Value, error) {
	vm := h.VM()
	in, err := internal.Of(vm)
	if err != nil {
		return nil, err
	}
	n := module.NewNatives(vm)
	n.Value("internal", in.Object)
	fn, err := file.Load(vm)
	if err != nil {
		return nil, err
	}
	v, err := fn(goja.Undefined(), n.Object())
	if err != nil {
		return nil, err
	}
	return v.ToObject(vm).Get("assert"), nil
}

// StrictExports is require("node:assert/strict"): assert.strict.
func StrictExports(h module.Host, l module.Loader) (goja.Value, error) {
	a, err := l.Require("node:assert")
	if err != nil {
		return nil, err
	}
	return a.ToObject(h.VM()).Get("strict"), nil
}
