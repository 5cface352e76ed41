package module

import (
	"errors"

	"github.com/dop251/goja"
)

// RejectError carries a JS value to reject a promise with. Return it from a
// settle function to reject with, say, a TypeError made with vm.NewTypeError.
type RejectError struct{ Value goja.Value }

func (e *RejectError) Error() string {
	if e.Value == nil {
		return "rejected"
	}
	return e.Value.String()
}

// Reject wraps v so that a settle function's error rejects with exactly v.
func Reject(v goja.Value) error { return &RejectError{Value: v} }

// AsReject reports whether err carries a JS value to reject with.
func AsReject(err error) (goja.Value, bool) {
	var re *RejectError
	if errors.As(err, &re) {
		return re.Value, true
	}
	return nil, false
}

// UncloneableSymbol names the registered symbol (Symbol.for) under which a
// platform object (a binding's env value) carries the message
// structuredClone throws for it, as workerd refuses to serialise bindings
// ("A KV namespace binding cannot be serialized."). bindings.MarkUncloneable
// sets it; runtime/web/clone reads it.
const UncloneableSymbol = "edgedev.uncloneable"
