package webidl

import (
	"fmt"
	"strconv"

	"github.com/dop251/goja"
)

// RequireArgs throws the TypeError browsers and workerd throw when an
// operation gets fewer arguments than it requires:
// "<what>: 2 arguments required, but only 1 present." what is, for
// example, "Failed to execute 'parse' on 'URL'" or "structuredClone".
func RequireArgs(vm *goja.Runtime, call goja.FunctionCall, need int, what string) {
	if have := len(call.Arguments); have < need {
		panic(vm.NewTypeError("%s", ArgsMessage(what, need, have)))
	}
}

// ArgsMessage is the text RequireArgs throws.
func ArgsMessage(what string, need, have int) string {
	s := "s"
	if need == 1 {
		s = ""
	}
	return fmt.Sprintf("%s: %d argument%s required, but only %d present.", what, need, s, have)
}

// Member reads member key of a Web IDL dictionary argument: undefined and
// null mean an empty dictionary, other non-objects are a TypeError naming
// what ("structuredClone: argument 2 must be an object").
func Member(vm *goja.Runtime, dict goja.Value, key, what string) goja.Value {
	if dict == nil || goja.IsUndefined(dict) || goja.IsNull(dict) {
		return goja.Undefined()
	}
	o, ok := dict.(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("%s", what+" must be an object"))
	}
	if v := o.Get(key); v != nil {
		return v
	}
	return goja.Undefined()
}

// NewRangeError makes a RangeError with message msg.
func NewRangeError(vm *goja.Runtime, msg string) *goja.Object {
	o, err := vm.New(vm.Get("RangeError"), vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return o
}

// StringSequence converts a Web IDL sequence<DOMString>: an array, or any
// other iterable (through Array.from as captured at Of), each element by
// String(). Anything else is a TypeError naming what ("SubtleCrypto.
// importKey: argument 5 (keyUsages) must be a sequence of strings").
func (k *Kit) StringSequence(v goja.Value, what string) []string {
	o, ok := v.(*goja.Object)
	if !ok {
		panic(k.vm.NewTypeError("%s", what+" must be a sequence of strings"))
	}
	if o.ClassName() != "Array" {
		if it := o.GetSymbol(goja.SymIterator); it == nil || goja.IsUndefined(it) {
			panic(k.vm.NewTypeError("%s", what+" must be a sequence of strings"))
		}
		r, err := k.arrayFrom(goja.Undefined(), o)
		if err != nil {
			panic(err)
		}
		o = r.(*goja.Object)
	}
	n := int(o.Get("length").ToInteger())
	out := make([]string, n)
	for i := range out {
		out[i] = o.Get(strconv.Itoa(i)).String()
	}
	return out
}
