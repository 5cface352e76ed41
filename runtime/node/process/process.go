// node:process, as workerd's nodejs_compat gives it.
package process

import (
	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

// Exports returns what require("node:process") gives: the process object.
func Exports(h module.Host, l module.Loader) (goja.Value, error) {
	vm := h.VM()
	p := vm.NewObject()
	env := vm.NewObject()
	for k, v := range l.ProcessEnv() {
		if err := env.Set(k, v); err != nil {
			return nil, err
		}
	}
	if err := p.Set("env", env); err != nil {
		return nil, err
	}
	return p, nil
}
