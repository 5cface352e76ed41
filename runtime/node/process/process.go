// Package process is node:process (process.js): the process object a
// worker with nodejs_compat sees, an EventEmitter; env per
// nodejs_compat_populate_process_env.
package process

import (
	_ "embed"
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal"
)

//go:embed process.js
var processJS string

var file = module.NewJSFile("edgedev:node/process.js", processJS)

// Exports returns what require("node:process") gives: the process object.
func Exports(h module.Host, l module.Loader) (goja.Value, error) {
	vm := h.VM()
	in, err := internal.Of(vm)
	if err != nil {
		return nil, err
	}
	ee, err := l.Require("node:events")
	if err != nil {
		return nil, err
	}
	env := vm.NewObject()
	for _, e := range l.ProcessEnv() {
		if err := env.Set(e.Name, e.Value); err != nil {
			return nil, err
		}
	}
	n := module.NewNatives(vm)
	n.Value("internal", in.Object)
	n.Value("EventEmitter", ee)
	n.Value("env", env)
	n.Value("processV2", l.CompatFlag("enable_nodejs_process_v2"))
	n.Func("getBuiltinModule", func(c goja.FunctionCall) goja.Value {
		id := c.Argument(0).String()
		if !strings.HasPrefix(id, "node:") {
			id = "node:" + id
		}
		v, err := l.Require(id)
		if err != nil {
			return goja.Undefined()
		}
		return v
	})
	fn, err := file.Load(vm)
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), n.Object())
}
