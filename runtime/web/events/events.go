// Event, CustomEvent, EventTarget, AbortController, AbortSignal,
// scheduler.wait and reportError, after the DOM Standard
// (https://dom.spec.whatwg.org/#events,
// https://dom.spec.whatwg.org/#aborting-ongoing-activities) as workerd
// implements them. The classes are our own JS in events.js; its first
// comment lists where workerd departs from the standard (and so do we) and
// what is knowingly missing. This file embeds it and supplies the Go helpers
// it needs: a clock for Event.timeStamp, the timer behind
// AbortSignal.timeout, and the worker log for warnings and reportError.

package events

import (
	"context"
	_ "embed"
	"math"
	"sync"
	"time"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

//go:embed events.js
var eventsJS string

var eventsFile = module.NewJSFile("edgedev:events.js", eventsJS)

// Install defines Event, CustomEvent, EventTarget, AbortSignal,
// AbortController, scheduler and reportError. DOMException and the timers
// must be installed first (events.js captures them).
//
// It returns the internal abort hooks, which user code cannot reach, for the
// outbound fetch: an object with isSignal(v), aborted(signal),
// reason(signal) and onAbort(signal, fn), which runs fn when the signal
// aborts and returns the function that takes fn off again. The caller keeps
// the object; no global holds it.
func Install(h module.Host) (hooks *goja.Object, err error) {
	vm := h.VM()
	install, err := eventsFile.Load(vm)
	if err != nil {
		return nil, err
	}
	v, err := install(goja.Undefined(), natives(h))
	if err != nil {
		return nil, err
	}
	return v.ToObject(vm), nil
}

// unrefTimers are timers that do not keep the instance busy (Close does not
// wait for them), such as AbortSignal.timeout's. They are stopped when the
// instance is retired, so a long timeout does not pin a dead runtime.
type unrefTimers struct {
	mu     sync.Mutex
	active map[*time.Timer]func() // each armed timer's Host.Expect done
	closed bool
}

// add arms fire after d; expected is the Host.Expect mark of the timer,
// ended once it fired or was stopped.
func (u *unrefTimers) add(d time.Duration, expected func(), fire func()) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.closed {
		expected()
		return
	}
	var t *time.Timer
	t = time.AfterFunc(d, func() {
		u.mu.Lock()
		delete(u.active, t)
		u.mu.Unlock()
		fire()
		expected() // after the job was posted
	})
	u.active[t] = expected
}

func (u *unrefTimers) stopAll() {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.closed = true
	for t, expected := range u.active {
		if t.Stop() {
			expected()
		}
	}
	clear(u.active)
}

// natives is the `native` object events.js closes over.
func natives(h module.Host) *goja.Object {
	vm := h.VM()
	timers := &unrefTimers{active: make(map[*time.Timer]func())}
	context.AfterFunc(h.Context(), timers.stopAll)
	n := module.NewNatives(vm)
	set := n.Func
	born := h.Born()
	set("now", func(goja.FunctionCall) goja.Value {
		return vm.ToValue(float64(time.Since(born).Nanoseconds()) / 1e6)
	})
	set("unrefTimer", func(c goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(c.Argument(1))
		if !ok {
			panic(vm.NewTypeError("unrefTimer: not a function"))
		}
		ms := c.Argument(0).ToFloat()
		if ms > float64(math.MaxInt64/int64(time.Millisecond)) {
			return goja.Undefined() // later than the process will live
		}
		timers.add(max(time.Duration(ms*float64(time.Millisecond)), 0), h.Expect(), func() {
			h.Post(func() {
				if _, err := fn(goja.Undefined()); err != nil {
					h.ReportError("Uncaught", err)
				}
			})
		})
		return goja.Undefined()
	})
	set("warn", func(c goja.FunctionCall) goja.Value {
		h.Log("warn", c.Argument(0).String())
		return goja.Undefined()
	})
	set("reportError", func(c goja.FunctionCall) goja.Value {
		h.ReportError("Uncaught", c.Argument(0))
		return goja.Undefined()
	})
	return n.Object()
}
