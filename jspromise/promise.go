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
	_, _ = resolve(vm, p, v)
	return vm.ToValue(p)
}

// Rejected returns a promise rejected with reason. An unhandled one is
// reported to the runtime's rejection tracker as usual.
func Rejected(vm *goja.Runtime, reason goja.Value) goja.Value {
	p := newPromise(vm, promisePrototype(vm))
	reject(p, reason)
	return vm.ToValue(p)
}

// A Settler makes pending promises and settles them later from Go code
// that runs outside any JS call (an event-loop callback), as goja's
// resolve and reject functions do there: it settles the promise, then runs
// the reactions that queued (the code awaiting it). One per runtime, used
// on its goroutine.
type Settler struct {
	vm *goja.Runtime
	// runJobs is a no-op native function. Calling it from outside JS makes
	// goja run its job queue on the way out, as it does after any call.
	runJobs goja.Callable
}

// NewSettler returns the Settler for vm.
func NewSettler(vm *goja.Runtime) *Settler {
	f, _ := goja.AssertFunction(vm.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() }))
	return &Settler{vm: vm, runJobs: f}
}

// Pending returns a new pending promise for Resolve or Reject to settle.
func (s *Settler) Pending() *goja.Promise {
	return newPromise(s.vm, promisePrototype(s.vm))
}

// Resolve resolves p with v as p's resolve function would (a thenable is
// followed; nil means undefined) and runs the reactions that queued. The
// error is goja's uncatchable kind (an interrupt) from those reactions. A
// promise that is no longer pending is left as it is.
func (s *Settler) Resolve(p *goja.Promise, v goja.Value) error {
	if p.State() != goja.PromiseStatePending {
		return nil
	}
	ranJobs, err := resolve(s.vm, p, v)
	if ranJobs {
		return err
	}
	_, err = s.runJobs(goja.Undefined())
	return err
}

// Reject rejects p with reason and runs the reactions that queued; the
// error and a settled p are as for Resolve. An unhandled rejection is
// reported to the rejection tracker.
func (s *Settler) Reject(p *goja.Promise, reason goja.Value) error {
	if p.State() != goja.PromiseStatePending {
		return nil
	}
	reject(p, reason)
	_, err := s.runJobs(goja.Undefined())
	return err
}

// resolve settles pending p with v the way p's resolve function does. For
// a thenable it calls goja's own resolve function, which from outside JS
// also runs the job queue: ranJobs reports that, with the error it gave.
func resolve(vm *goja.Runtime, p *goja.Promise, v goja.Value) (ranJobs bool, err error) {
	if v == nil {
		v = goja.Undefined()
	}
	if o, ok := v.(*goja.Object); ok {
		if o.SameAs(vm.ToValue(p)) {
			reject(p, vm.NewTypeError("Promise self-resolution"))
			return false, nil
		}
		var then goja.Value
		if ex := vm.Try(func() { then = o.Get("then") }); ex != nil {
			reject(p, ex.Value())
			return false, nil
		}
		if _, ok := goja.AssertFunction(then); ok {
			// Rare (nothing edgedev makes has a then): let goja's resolve
			// function follow it. It reads then again.
			res, _ := resolvingFunctions(p)
			if f, ok := goja.AssertFunction(res); ok {
				_, err = f(goja.Undefined(), v)
			}
			return true, err
		}
	}
	fulfill(p, v)
	return false, nil
}
