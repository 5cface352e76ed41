// node:util (and node:util/types), as workerd gives it.
package util

import (
	_ "embed"
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal"
)

//go:embed util.js
var utilJS string

var utilFile = module.NewJSFile("edgedev:node/util.js", utilJS)

// Exports returns what require("node:util") gives.
func Exports(h module.Host, l module.Loader) (goja.Value, error) {
	vm := h.VM()
	in, err := internal.Of(vm)
	if err != nil {
		return nil, err
	}
	n := module.NewNatives(vm)
	n.Value("internal", in.Object)
	n.Func("toUSV", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(strings.ToValidUTF8(c.Argument(0).String(), "\uFFFD"))
	})
	// util.isBuffer asks node:buffer, loaded only when a worker calls it.
	n.Func("isBuffer", func(c goja.FunctionCall) goja.Value {
		b, err := l.Require("node:buffer")
		if err != nil {
			return vm.ToValue(false)
		}
		f, _ := goja.AssertFunction(b.ToObject(vm).Get("Buffer").ToObject(vm).Get("isBuffer"))
		v, err := f(goja.Undefined(), c.Argument(0))
		if err != nil {
			panic(err)
		}
		return v
	})
	fn, err := utilFile.Load(vm)
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), n.Object())
}

// TypesExports returns what require("node:util/types") gives.
func TypesExports(h module.Host, _ module.Loader) (goja.Value, error) {
	in, err := internal.Of(h.VM())
	if err != nil {
		return nil, err
	}
	return in.Object.Get("types"), nil
}
