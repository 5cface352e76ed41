// globalThis.self (workers have it, as the WorkerGlobalScope of the HTML
// Standard does: https://html.spec.whatwg.org/multipage/workers.html#dom-workerglobalscope-self)
// and the Symbol.asyncIterator goja lacks (self.js).

package engine

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

//go:embed self.js
var selfJS string

var selfFile = module.NewJSFile("edgedev:self.js", selfJS)

// InstallSelf makes self the global object and defines Symbol.asyncIterator
// when goja has none.
func InstallSelf(h module.Host) error {
	vm := h.VM()
	g := vm.GlobalObject()
	if err := g.Set("self", g); err != nil {
		return err
	}
	fn, err := selfFile.Load(vm)
	if err != nil {
		return err
	}
	_, err = fn(goja.Undefined())
	return err
}
