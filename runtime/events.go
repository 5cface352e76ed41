// Event, CustomEvent, EventTarget, AbortController, AbortSignal,
// scheduler.wait and reportError, after the DOM Standard
// (https://dom.spec.whatwg.org/#events,
// https://dom.spec.whatwg.org/#aborting-ongoing-activities) as workerd
// implements them. The classes are our own JS in js/events.js; its first
// comment lists where workerd departs from the standard (and so do we) and
// what is knowingly missing. This file embeds it and supplies the Go helpers
// it needs: a clock for Event.timeStamp, the timer behind
// AbortSignal.timeout, and the worker log for warnings and reportError.

package runtime

import (
	"context"
	_ "embed"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/dop251/goja"
)

//go:embed js/events.js
var eventsJS string

var eventsFile = newJSFile("edgedev:events.js", eventsJS)

// eventsInternalsKey is the global under which installEvents leaves the
// internal abort hooks for installFetchClient, which removes it before any
// user code runs.
const eventsInternalsKey = "__edgedev_events_internals"

// installEvents defines Event, CustomEvent, EventTarget, AbortSignal,
// AbortController, scheduler and reportError. It needs DOMException and the
// timers installed first.
func installEvents(inst *instance) error {
	vm := inst.vm
	install, err := eventsFile.load(vm)
	if err != nil {
		return err
	}
	internals, err := install(goja.Undefined(), inst.eventNatives())
	if err != nil {
		return err
	}
	return vm.GlobalObject().DefineDataProperty(eventsInternalsKey, internals, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// takeEventsInternals removes and returns what installEvents left behind.
func takeEventsInternals(vm *goja.Runtime) (*goja.Object, error) {
	g := vm.GlobalObject()
	v := g.Get(eventsInternalsKey)
	if v == nil || goja.IsUndefined(v) {
		return nil, fmt.Errorf("Event/AbortSignal are not installed (install them before fetch)")
	}
	if err := g.Delete(eventsInternalsKey); err != nil {
		return nil, fmt.Errorf("remove %s: %w", eventsInternalsKey, err)
	}
	return v.ToObject(vm), nil
}

// unrefTimers are timers that do not keep the instance busy (Close does not
// wait for them), such as AbortSignal.timeout's. They are stopped when the
// instance is retired, so a long timeout does not pin a dead runtime.
type unrefTimers struct {
	mu     sync.Mutex
	active map[*time.Timer]struct{}
	closed bool
}

func (u *unrefTimers) add(d time.Duration, fire func()) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.closed {
		return
	}
	var t *time.Timer
	t = time.AfterFunc(d, func() {
		u.mu.Lock()
		delete(u.active, t)
		u.mu.Unlock()
		fire()
	})
	u.active[t] = struct{}{}
}

func (u *unrefTimers) stopAll() {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.closed = true
	for t := range u.active {
		t.Stop()
	}
	clear(u.active)
}

// eventNatives is the `native` object js/events.js closes over.
func (inst *instance) eventNatives() *goja.Object {
	vm := inst.vm
	timers := &unrefTimers{active: make(map[*time.Timer]struct{})}
	context.AfterFunc(inst.ctx, timers.stopAll)
	n := vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) {
		if err := n.Set(name, fn); err != nil {
			panic(err)
		}
	}
	born := inst.born
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
		loop := inst.loop
		timers.add(max(time.Duration(ms*float64(time.Millisecond)), 0), func() {
			loop.post(func() {
				if _, err := fn(goja.Undefined()); err != nil {
					inst.logError("Uncaught", err)
				}
			})
		})
		return goja.Undefined()
	})
	set("warn", func(c goja.FunctionCall) goja.Value {
		inst.w.opts.Log("warn", c.Argument(0).String())
		return goja.Undefined()
	})
	set("reportError", func(c goja.FunctionCall) goja.Value {
		inst.logError("Uncaught", c.Argument(0))
		return goja.Undefined()
	})
	return n
}
