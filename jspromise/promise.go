package jspromise

import "github.com/dop251/goja"

// Fulfilled returns a promise resolved with v, as new Promise(r => r(v))
// makes it: a thenable v (a promise included) is followed, anything else
// fulfills the promise at once. A nil v means undefined.
//
// Unlike goja's resolve function, it reads a thenable's then twice (once to
// see it is one, once in goja's resolve); only a then getter with side
// effects can tell.
func Fulfilled(vm *goja.Runtime, v goja.Value) goja.Value {
	p := newPromise(vm, promisePrototype(vm))
	if v == nil {
		v = goja.Undefined()
	}
	if o, ok := v.(*goja.Object); ok {
		var then goja.Value
		if ex := vm.Try(func() { then = o.Get("then") }); ex != nil {
			reject(p, ex.Value())
			return vm.ToValue(p)
		}
		if _, ok := goja.AssertFunction(then); ok {
			// Rare (nothing edgedev makes has a then): goja's own resolve
			// function queues the job that calls it. It reads then again.
			resolve, _ := resolvingFunctions(p)
			if f, ok := goja.AssertFunction(resolve); ok {
				_, _ = f(goja.Undefined(), v)
			}
			return vm.ToValue(p)
		}
	}
	fulfill(p, v)
	return vm.ToValue(p)
}

// Rejected returns a promise rejected with reason. An unhandled one is
// reported to the runtime's rejection tracker as usual.
func Rejected(vm *goja.Runtime, reason goja.Value) goja.Value {
	p := newPromise(vm, promisePrototype(vm))
	reject(p, reason)
	return vm.ToValue(p)
}
