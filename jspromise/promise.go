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
	resolve(vm, p, v)
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
// resolve and reject functions do there: the settling runs inside a call
// of a native function, so goja recovers its uncatchable errors (an
// interrupt, a stack overflow in a then getter) and returns them, and on
// the way out runs the reactions that queued (the code awaiting the
// promise). One per runtime, used on its goroutine. Settle each promise
// once.
type Settler struct {
	vm *goja.Runtime
	// settle settles p with v (rejecting when rejecting is set); Resolve and
	// Reject fill these in and call it.
	settle    goja.Callable
	p         *goja.Promise
	v         goja.Value
	rejecting bool
}

// NewSettler returns the Settler for vm.
func NewSettler(vm *goja.Runtime) *Settler {
	s := &Settler{vm: vm}
	s.settle, _ = goja.AssertFunction(vm.ToValue(func(goja.FunctionCall) goja.Value {
		p, v, rejecting := s.p, s.v, s.rejecting
		s.p, s.v = nil, nil
		if rejecting {
			reject(p, v)
		} else {
			resolve(vm, p, v)
		}
		return goja.Undefined()
	}))
	return s
}

// Pending returns a new pending promise for Resolve or Reject to settle.
func (s *Settler) Pending() *goja.Promise {
	return newPromise(s.vm, promisePrototype(s.vm))
}

// Resolve resolves p with v as p's resolve function would (a thenable is
// followed; nil means undefined) and runs the reactions that queued. The
// error is goja's uncatchable kind (an interrupt, a stack overflow); goja
// has then dropped the reactions still queued. A promise that is no
// longer pending is left as it is.
func (s *Settler) Resolve(p *goja.Promise, v goja.Value) error {
	return s.run(p, v, false)
}

// Reject rejects p with reason (nil means undefined) and runs the reactions
// that queued; the error and a settled p are as for Resolve. An unhandled
// rejection is reported to the rejection tracker.
func (s *Settler) Reject(p *goja.Promise, reason goja.Value) error {
	return s.run(p, reason, true)
}

func (s *Settler) run(p *goja.Promise, v goja.Value, rejecting bool) error {
	if p.State() != goja.PromiseStatePending {
		return nil
	}
	if v == nil {
		v = goja.Undefined()
	}
	s.p, s.v, s.rejecting = p, v, rejecting
	_, err := s.settle(goja.Undefined())
	return err
}

// resolve settles pending p with v the way p's resolve function does. A
// thenable goes to goja's own resolve function for p, which queues the job
// that calls its then. Uncatchable errors from reading then propagate.
func resolve(vm *goja.Runtime, p *goja.Promise, v goja.Value) {
	if v == nil {
		v = goja.Undefined()
	}
	if o, ok := v.(*goja.Object); ok {
		if o.SameAs(vm.ToValue(p)) {
			reject(p, vm.NewTypeError("Promise self-resolution"))
			return
		}
		var then goja.Value
		if ex := vm.Try(func() { then = o.Get("then") }); ex != nil {
			reject(p, ex.Value())
			return
		}
		if _, ok := goja.AssertFunction(then); ok {
			// Rare (nothing edgedev makes has a then). It reads then again.
			res, _ := resolvingFunctions(p)
			if f, ok := goja.AssertFunction(res); ok {
				if _, err := f(goja.Undefined(), v); err != nil {
					panic(err) // uncatchable: let the enclosing call return it
				}
			}
			return
		}
	}
	fulfill(p, v)
}
