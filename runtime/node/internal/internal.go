// Package internal is what Node's lib/internal gives its public modules,
// for edgedev's Node modules only (Go's internal rule keeps it under
// runtime/node): Node's errors and validators (errors.js), util.inspect
// and util.format with Node's exact output (inspect.js), and the brand
// checks of util.types (types.js). It is made once per VM, on first use,
// and shared by every module of that instance.
package internal

import (
	_ "embed"
	"encoding/hex"
	"fmt"
	"reflect"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/webidl"
)

var (
	//go:embed types.js
	typesJS string
	//go:embed errors.js
	errorsJS string
	//go:embed inspect.js
	inspectJS string
	//go:embed comparisons.js
	comparisonsJS string

	typesFile   = module.NewJSFile("edgedev:node/internal/types.js", typesJS)
	errorsFile  = module.NewJSFile("edgedev:node/internal/errors.js", errorsJS)
	inspectFile = module.NewJSFile("edgedev:node/internal/inspect.js", inspectJS)
	compareFile = module.NewJSFile("edgedev:node/internal/comparisons.js", comparisonsJS)
)

// Internal is one VM's set of internals.
type Internal struct {
	// Types is util.types plus the uncurried getters inspect uses
	// (types.js's result).
	Types *goja.Object
	// Errors holds codes (codes.ERR_INVALID_ARG_TYPE(name, expected,
	// actual) returns the error), validators, makeNodeError and AbortError.
	Errors *goja.Object
	// Inspect holds inspect, format and formatWithOptions.
	Inspect *goja.Object
	// Compare holds isDeepEqual and isDeepStrictEqual.
	Compare *goja.Object
	// Object is all of them as one object {types, errors, inspect,
	// compare}, to pass to a module's JS file.
	Object *goja.Object
}

var key = goja.NewSymbol("edgedev.node.internal")

var (
	typePromise = reflect.TypeOf((*goja.Promise)(nil))
	typeProxy   = reflect.TypeOf(goja.Proxy{})
)

// Of returns vm's internals, making them on first use.
func Of(vm *goja.Runtime) (*Internal, error) {
	g := vm.GlobalObject()
	if v := g.GetSymbol(key); v != nil {
		if in, ok := v.Export().(*Internal); ok {
			return in, nil
		}
	}
	kit, err := webidl.Of(vm)
	if err != nil {
		return nil, err
	}
	n := module.NewNatives(vm)
	obj := func(v goja.Value) (*goja.Object, bool) {
		o, ok := v.(*goja.Object)
		return o, ok
	}
	n.Func("isRegExp", func(c goja.FunctionCall) goja.Value {
		o, ok := obj(c.Argument(0))
		return vm.ToValue(ok && o.ClassName() == "RegExp")
	})
	n.Func("isNativeError", func(c goja.FunctionCall) goja.Value {
		o, ok := obj(c.Argument(0))
		return vm.ToValue(ok && o.ClassName() == "Error")
	})
	n.Func("isPromise", func(c goja.FunctionCall) goja.Value {
		o, ok := obj(c.Argument(0))
		return vm.ToValue(ok && o.ExportType() == typePromise)
	})
	n.Func("isProxy", func(c goja.FunctionCall) goja.Value {
		o, ok := obj(c.Argument(0))
		return vm.ToValue(ok && o.ExportType() == typeProxy)
	})
	// proxyTarget: undefined for a non-proxy, else [target, handler]
	// (null when revoked).
	n.Func("proxyTarget", func(c goja.FunctionCall) goja.Value {
		o, ok := obj(c.Argument(0))
		if !ok || o.ExportType() != typeProxy {
			return goja.Undefined()
		}
		p := o.Export().(goja.Proxy)
		t, h := p.Target(), p.Handler()
		if t == nil {
			return goja.Null()
		}
		return vm.NewArray(t, h)
	})
	n.Func("className", func(c goja.FunctionCall) goja.Value {
		o, ok := obj(c.Argument(0))
		if !ok {
			return vm.ToValue("Object")
		}
		return vm.ToValue(o.ClassName())
	})
	n.Func("promiseState", func(c goja.FunctionCall) goja.Value {
		o, _ := obj(c.Argument(0))
		p, _ := o.Export().(*goja.Promise)
		switch p.State() {
		case goja.PromiseStateFulfilled:
			return vm.NewArray("fulfilled", p.Result())
		case goja.PromiseStateRejected:
			return vm.NewArray("rejected", p.Result())
		}
		return vm.NewArray("pending")
	})
	n.Func("hex", func(c goja.FunctionCall) goja.Value {
		b, _ := kit.Bytes(c.Argument(0))
		end := int(c.Argument(1).ToInteger())
		if end > len(b) {
			end = len(b)
		}
		return vm.ToValue(hex.EncodeToString(b[:end]))
	})

	types, err := call(vm, typesFile, n.Object())
	if err != nil {
		return nil, err
	}
	errs, err := call(vm, errorsFile, n.Object())
	if err != nil {
		return nil, err
	}
	n.Value("errors", errs.Get("codes"))
	ins, err := call(vm, inspectFile, n.Object(), types)
	if err != nil {
		return nil, err
	}
	cmp, err := call(vm, compareFile, types)
	if err != nil {
		return nil, err
	}
	setInspect, _ := goja.AssertFunction(errs.Get("setInspect"))
	if _, err := setInspect(goja.Undefined(), ins.Get("inspect")); err != nil {
		return nil, err
	}
	all := vm.NewObject()
	_ = all.Set("types", types.Get("types"))
	_ = all.Set("errors", errs)
	_ = all.Set("inspect", ins)
	_ = all.Set("compare", cmp)
	in := &Internal{Types: types, Errors: errs, Inspect: ins, Compare: cmp, Object: all}
	if err := g.DefineDataPropertySymbol(key, vm.ToValue(in), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return nil, err
	}
	return in, nil
}

func call(vm *goja.Runtime, f *module.JSFile, args ...goja.Value) (*goja.Object, error) {
	fn, err := f.Load(vm)
	if err != nil {
		return nil, err
	}
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	return v.ToObject(vm), nil
}

// Throw panics with the Node error codes[code](args...) makes, for Go code
// that validates like Node (buffer's natives).
func (in *Internal) Throw(vm *goja.Runtime, code string, args ...any) {
	panic(in.Error(vm, code, args...))
}

// Error returns the Node error codes[code](args...) makes.
func (in *Internal) Error(vm *goja.Runtime, code string, args ...any) goja.Value {
	f, ok := goja.AssertFunction(in.Errors.Get("codes").ToObject(vm).Get(code))
	if !ok {
		return vm.NewGoError(fmt.Errorf("edgedev: no Node error code %s", code))
	}
	vals := make([]goja.Value, len(args))
	for i, a := range args {
		vals[i] = vm.ToValue(a)
	}
	v, err := f(goja.Undefined(), vals...)
	if err != nil {
		return vm.NewGoError(err)
	}
	return v
}
