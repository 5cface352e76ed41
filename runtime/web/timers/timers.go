// Timers after the HTML Standard's timer initialization steps
// (https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers),
// as workerd exposes them: setTimeout, setInterval, clearTimeout,
// clearInterval, setImmediate. Knowingly missing: nested-timer clamping to
// 4 ms, and timers following the virtual clock (they use real time).

package timers

import (
	"context"
	"sync"
	"time"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

// Install defines setTimeout, setInterval, setImmediate, clearTimeout,
// clearInterval and clearImmediate. Every armed timer holds a Host.Callback
// slot, so the instance is not closed while one is pending; the Go timers
// are stopped when the instance's context ends.
func Install(h module.Host) error {
	ts := &timers{h: h, active: make(map[int64]*timer), instance: h.Context()}
	context.AfterFunc(ts.instance, ts.stopAll)
	vm := h.VM()
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

type timer struct {
	id       int64
	fn       goja.Callable
	args     []goja.Value
	interval time.Duration // 0 for one-shot timers
	// back is the timer's loop slot. A one-shot timer fires through it (the
	// job frees the slot as it runs); an interval fires through Host.Post
	// each time and frees the slot when it is cleared.
	back    func(job func())
	t       *time.Timer // set under timers.mu before anyone else sees it
	cleared bool        // loop only
	// unwatch stops watching the request that armed the timer; nil for a
	// timer armed outside a request.
	unwatch func() bool
}

// timers belongs to one instance. next is touched on the loop only; active
// and stopped are guarded by mu, because the retire hook (stopAll) runs on a
// goroutine of its own, possibly while the loop is still finishing a job.
type timers struct {
	h        module.Host
	next     int64
	instance context.Context // Host.Context at install: the instance's

	mu      sync.Mutex
	active  map[int64]*timer
	stopped bool // the instance is retired: arm no more Go timers
}

func (ts *timers) add(fn goja.Callable, args []goja.Value, d time.Duration, repeat bool) int64 {
	ts.next++
	tm := &timer{id: ts.next, fn: fn, args: args, back: ts.h.Callback()}
	if repeat {
		tm.interval = max(d, time.Millisecond)
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.stopped {
		tm.back(nil) // it would never fire; the loop is gone or going
		return tm.id
	}
	if repeat {
		tm.t = time.AfterFunc(d, func() { ts.h.Post(func() { ts.fire(tm) }) })
	} else {
		tm.t = time.AfterFunc(d, func() { tm.back(func() { ts.fire(tm) }) })
	}
	ts.active[tm.id] = tm
	if ctx := ts.h.Context(); ctx != ts.instance {
		// Armed by a request: it is cleared if that request is abandoned
		// (its client went away), as workerd cancels a request's timers.
		id := tm.id
		tm.unwatch = context.AfterFunc(ctx, func() { ts.h.Post(func() { ts.clear(id) }) })
	}
	return tm.id
}

// fire runs on the loop when tm's Go timer went off.
func (ts *timers) fire(tm *timer) {
	if tm.cleared {
		return
	}
	if tm.interval == 0 {
		// Its slot was freed as this job started.
		tm.cleared = true
		ts.mu.Lock()
		delete(ts.active, tm.id)
		ts.mu.Unlock()
		if tm.unwatch != nil {
			tm.unwatch()
		}
	}
	if _, err := tm.fn(goja.Undefined(), tm.args...); err != nil {
		ts.h.ReportError("Uncaught exception in a timer callback", err)
	}
	if tm.interval > 0 && !tm.cleared {
		ts.mu.Lock()
		if !ts.stopped {
			tm.t.Reset(tm.interval)
		}
		ts.mu.Unlock()
	}
}

// clear runs on the loop (clearTimeout and friends).
func (ts *timers) clear(id int64) {
	ts.mu.Lock()
	tm, ok := ts.active[id]
	// Stop reports false when the Go timer already went off: a one-shot
	// timer's job is then on its way and frees the slot itself. (Or the
	// instance was retired, when no slot matters any more.)
	stoppedInTime := ok && tm.t.Stop()
	delete(ts.active, id)
	ts.mu.Unlock()
	if !ok {
		return
	}
	tm.cleared = true
	if tm.unwatch != nil {
		tm.unwatch()
	}
	if tm.interval > 0 || stoppedInTime {
		tm.back(nil)
	}
}

// stopAll stops the Go timers of an instance being retired, so they are
// freed now rather than when they fire. It runs on the goroutine of
// context.AfterFunc.
func (ts *timers) stopAll() {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.stopped = true
	for _, tm := range ts.active {
		tm.t.Stop()
	}
}
