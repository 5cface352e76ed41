package bindings

import (
	"fmt"

	"edgedev/runtime/module"

	"github.com/dop251/goja"
)

// MarkUncloneable makes structuredClone of obj throw a DataCloneError with
// message. Call it on the loop goroutine (in Expose).
func MarkUncloneable(vm *goja.Runtime, obj *goja.Object, message string) error {
	symFor, ok := goja.AssertFunction(vm.Get("Symbol").ToObject(vm).Get("for"))
	if !ok {
		return fmt.Errorf("Symbol.for is missing")
	}
	s, err := symFor(goja.Undefined(), vm.ToValue(module.UncloneableSymbol))
	if err != nil {
		return err
	}
	sym, ok := s.(*goja.Symbol)
	if !ok {
		return fmt.Errorf("Symbol.for returned %v", s)
	}
	return obj.DefineDataPropertySymbol(sym, vm.ToValue(message), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}
