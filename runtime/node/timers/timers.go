// Package timers is node:timers and node:timers/promises (timers.js).
package timers

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal"
)

//go:embed timers.js
var timersJS string

var file = module.NewJSFile("edgedev:node/timers.js", timersJS)

func load(h module.Host, l module.Loader) (*goja.Object, error) {
	vm := h.VM()
	n := module.NewNatives(vm)
	n.Func("internal", func(goja.FunctionCall) goja.Value {
		in, err := internal.Of(vm)
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return in.Object
	})
	// The Web timers, read before anything replaces them: the loader
	// makes this module before the script runs when it overrides them.
	web := vm.NewObject()
	for _, name := range []string{"setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate"} {
		if err := web.Set(name, vm.GlobalObject().Get(name)); err != nil {
			return nil, err
		}
	}
	n.Value("web", web)
	n.Value("overrideGlobals", l.CompatFlag("enable_nodejs_global_timers"))
	fn, err := file.Load(vm)
	if err != nil {
		return nil, err
	}
	v, err := fn(goja.Undefined(), n.Object())
	if err != nil {
		return nil, err
	}
	return v.ToObject(vm), nil
}

// Exports returns what require("node:timers") gives.
func Exports(h module.Host, l module.Loader) (goja.Value, error) {
	o, err := load(h, l)
	if err != nil {
		return nil, err
	}
	return o.Get("timers"), nil
}

// PromisesExports returns what require("node:timers/promises") gives: the
// same object as require("node:timers").promises.
func PromisesExports(h module.Host, l module.Loader) (goja.Value, error) {
	t, err := l.Require("node:timers")
	if err != nil {
		return nil, err
	}
	return t.ToObject(h.VM()).Get("promises"), nil
}
