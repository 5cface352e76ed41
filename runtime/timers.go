package runtime

// Timers after the HTML Standard's timer initialization steps
// (https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers),
// as workerd exposes them: setTimeout, setInterval, clearTimeout,
// clearInterval, setImmediate. Knowingly missing: nested-timer clamping to
// 4 ms, and timers following the virtual clock (they use real time).

import (
	"time"

	"github.com/dop251/goja"
)

type timer struct {
	id       int64
	t        *time.Timer
	fn       goja.Callable
	args     []goja.Value
	interval time.Duration // 0 for one-shot timers
	cleared  bool
}

// timers belongs to one instance; its map is touched on the loop only.
type timers struct {
	inst   *instance
	next   int64
	active map[int64]*timer
}

func (ts *timers) init(inst *instance) {
	ts.inst = inst
	ts.active = make(map[int64]*timer)
}

func (ts *timers) install(vm *goja.Runtime) error {
	set := func(repeat bool) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(c.Argument(0))
			if !ok {
				panic(vm.NewTypeError("The callback provided as parameter 1 is not a function."))
			}
			ms := c.Argument(1).ToFloat()
			if !(ms > 0) { // negative, NaN (a missing or non-numeric delay): run as soon as possible
				ms = 0
			}
			d := time.Duration(ms * float64(time.Millisecond))
			var args []goja.Value
			if len(c.Arguments) > 2 {
				args = append(args, c.Arguments[2:]...)
			}
			return vm.ToValue(ts.add(fn, args, d, repeat))
		}
	}
	clearFn := func(c goja.FunctionCall) goja.Value {
		ts.clear(c.Argument(0).ToInteger())
		return goja.Undefined()
	}
	g := vm.GlobalObject()
	for name, v := range map[string]any{
		"setTimeout":     set(false),
		"setInterval":    set(true),
		"clearTimeout":   clearFn,
		"clearInterval":  clearFn,
		"clearImmediate": clearFn,
		"setImmediate": func(c goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(c.Argument(0))
			if !ok {
				panic(vm.NewTypeError("The callback provided as parameter 1 is not a function."))
			}
			var args []goja.Value
			if len(c.Arguments) > 1 {
				args = append(args, c.Arguments[1:]...)
			}
			return vm.ToValue(ts.add(fn, args, 0, false))
		},
	} {
		if err := g.Set(name, v); err != nil {
			return err
		}
	}
	return nil
}

func (ts *timers) add(fn goja.Callable, args []goja.Value, d time.Duration, repeat bool) int64 {
	ts.next++
	tm := &timer{id: ts.next, fn: fn, args: args}
	if repeat {
		tm.interval = max(d, time.Millisecond)
	}
	ts.active[tm.id] = tm
	ts.inst.loop.hold()
	l := ts.inst.loop
	tm.t = time.AfterFunc(d, func() { l.post(func() { ts.fire(tm) }) })
	return tm.id
}

func (ts *timers) fire(tm *timer) {
	if tm.cleared {
		return
	}
	if tm.interval == 0 {
		ts.remove(tm)
	}
	if _, err := tm.fn(goja.Undefined(), tm.args...); err != nil {
		ts.inst.logError("Uncaught exception in a timer callback", err)
		ts.inst.retireAfter(err)
	}
	if tm.interval > 0 && !tm.cleared {
		tm.t.Reset(tm.interval)
	}
}

func (ts *timers) clear(id int64) {
	if tm, ok := ts.active[id]; ok {
		tm.t.Stop()
		ts.remove(tm)
	}
}

func (ts *timers) remove(tm *timer) {
	tm.cleared = true
	delete(ts.active, tm.id)
	ts.inst.loop.release()
}

// stopAll stops the Go timers of an instance being retired, so they are
// freed now rather than when they fire. Loop goroutine only.
func (ts *timers) stopAll() {
	for _, tm := range ts.active {
		tm.t.Stop()
	}
}
