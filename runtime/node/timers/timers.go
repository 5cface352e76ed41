// node:timers: the global timers (setImmediate and clearImmediate are
// globals in workerd with or without nodejs_compat).
package timers

import (
	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

// Exports returns what require("node:timers") gives.
func Exports(h module.Host, _ module.Loader) (goja.Value, error) {
	vm := h.VM()
	g := vm.GlobalObject()
	o := vm.NewObject()
	for _, name := range []string{"setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate"} {
		if err := o.Set(name, g.Get(name)); err != nil {
			return nil, err
		}
	}
	return o, nil
}
