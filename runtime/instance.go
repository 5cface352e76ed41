package runtime

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"sync/atomic"
	"time"

	"edgedev/runtime/module"
	"edgedev/runtime/webidl"

	"github.com/dop251/goja"

	"edgedev/jspromise"
)

// instance is one goja runtime running the worker's script, with the event
// loop that owns it. See loop for the threading rule.
type instance struct {
	w      *Worker
	vm     *goja.Runtime
	loop   *loop
	ctx    context.Context
	cancel context.CancelFunc
	born   time.Time

	// hooks into js/headers_request_response.js and js/handlers.js
	makeRequest, responseParts, dispatchFetch, pump goja.Callable
	newContext, passThrough, hasFetchListener       goja.Callable

	handler goja.Callable // module format: default.fetch
	exports goja.Value    // module format: the default export (this for fetch)
	env     goja.Value
	// envValues are the bindings' values, in opts.Bindings order (env's
	// properties, kept apart so a binding named like an Object.prototype
	// accessor, "__proto__", is read back as itself).
	envValues []goja.Value
	cf        goja.Value
	places    map[string]*place // per simulated location; loop only

	idl           *webidl.Kit            // bytes, Uint8Arrays, DOMException
	settler       *jspromise.Settler     // settles Async's promises; loop only
	jobs          uint64                 // jobs run; loop only
	running       atomic.Bool            // start has returned: the instance serves (the memory check waits for it)
	owner         *call                  // the request the running JS works for (owner.go); loop only
	frame         any                    // AsyncLocalStorage's frame of the running JS (owner.go); loop only
	abandonedOnce bool                   // the log has said what abandoning a request does; loop only
	calls         map[*call]struct{}     // requests waiting on this instance; loop only
	rejections    map[*goja.Promise]bool // rejected with no handler yet; loop only
	// abortHooks are the internal AbortSignal hooks events.Install returned
	// (isSignal, aborted, reason, onAbort), for js/fetchclient.js.
	abortHooks *goja.Object
	// modules is the built-in module loader (loader.go).
	modules *loader

	// interrupted is set by the watchdog after it interrupted a runaway job;
	// the loop then fails the requests in flight and the worker replaces the
	// instance.
	interrupted atomic.Pointer[ScriptError]
}

var typePromise = reflect.TypeOf((*goja.Promise)(nil))

// start builds an instance: a fresh VM with the Web API globals and the
// bindings, then the script's top level. Nothing else touches the VM until
// the loop goroutine starts, so building it here is safe.
func (w *Worker) start() (*instance, error) {
	vm := goja.New()
	ctx, cancel := context.WithCancel(context.Background())
	inst := &instance{
		w: w, vm: vm, loop: newLoop(), ctx: ctx, cancel: cancel, born: time.Now(),
		calls:      make(map[*call]struct{}),
		places:     make(map[string]*place),
		rejections: make(map[*goja.Promise]bool),
		settler:    jspromise.NewSettler(vm),
	}
	vm.SetTimeSource(w.opts.Now)
	vm.SetMaxCallStackSize(10000)
	vm.SetPromiseRejectionTracker(inst.trackRejection)
	vm.SetAsyncContextTracker(tracker{inst}) // owner.go
	inst.loop.after = inst.afterJob
	inst.loop.panicked = inst.panicked

	fail := func(err error) (*instance, error) {
		inst.stop()
		return nil, err
	}
	if err := installGlobals(inst); err != nil {
		return fail(fmt.Errorf("set up globals: %w", err))
	}
	env := vm.NewObject()
	global := vm.GlobalObject()
	inst.envValues = make([]goja.Value, len(w.opts.Bindings))
	for i, b := range w.opts.Bindings {
		v, err := b.Binding.Expose(inst)
		if err != nil {
			return fail(fmt.Errorf("binding %s (%s): %w", b.Name, b.Kind, err))
		}
		inst.envValues[i] = v
		if err := setOwn(env, b.Name, v); err != nil {
			return fail(fmt.Errorf("binding %s: %w", b.Name, err))
		}
	}
	inst.env = env

	go inst.watch()
	_, err := inst.runTop(func() (goja.Value, error) { return vm.RunProgram(w.prg) })
	if err != nil {
		return fail(inst.scriptError(KindLoad, err))
	}
	// A handler class's constructor runs here: under the watchdog too.
	if _, err := inst.runTop(func() (goja.Value, error) { return nil, inst.findHandler(global, env) }); err != nil {
		return fail(err)
	}
	inst.running.Store(true)
	go inst.loop.run()
	return inst, nil
}

// runTop runs top-level code under the watchdog, the way a loop job would,
// and turns a panic in a native function into an error.
func (inst *instance) runTop(fn func() (goja.Value, error)) (v goja.Value, err error) {
	inst.loop.jobStart.Store(int64(time.Since(inst.loop.epoch)) | 1)
	defer inst.loop.jobStart.Store(0)
	defer func() {
		if p := recover(); p != nil {
			err = inst.nativePanic(p, debug.Stack())
		}
	}()
	return fn()
}

// panicked handles a panic that escaped a loop job: the state of the VM
// or of the native code may be broken, so the instance is retired as after
// the CPU limit (afterJob fails the requests in flight with the message
// and starts a fresh instance). The Go stack is logged once, for a report.
func (inst *instance) panicked(v any, stack []byte) {
	inst.interrupted.CompareAndSwap(nil, inst.nativePanic(v, stack))
	// The loop runs afterJob next, which retires the instance.
}

// nativePanic logs a panic in edgedev's own Go code and describes it.
func (inst *instance) nativePanic(v any, stack []byte) *ScriptError {
	inst.w.opts.Log("error", fmt.Sprintf("edgedev bug: a native function panicked: %v\n%s", v, stack))
	return &ScriptError{Kind: KindUncaught, Message: fmt.Sprintf(
		"Error: edgedev failed inside one of its own native functions (%v). This is a bug in edgedev, not in your worker; the Go stack is in the log. "+
			"edgedev started a fresh instance of the worker, so module-level state was reset.", v)}
}

// findHandler decides the handler format: a default export with fetch is a
// module worker; otherwise fetch listeners make a service worker, which gets
// its bindings as globals.
func (inst *instance) findHandler(global *goja.Object, env *goja.Object) error {
	vm := inst.vm
	if name := inst.w.opts.GlobalName; name != "" {
		if mod := global.Get(name); mod != nil && !goja.IsUndefined(mod) && !goja.IsNull(mod) {
			def := mod.ToObject(vm).Get("default")
			if def != nil && !goja.IsUndefined(def) && !goja.IsNull(def) {
				obj, ok := def.(*goja.Object)
				if !ok {
					return &ScriptError{Kind: KindLoad, Message: "the default export is not an object: export default { async fetch(request, env, ctx) { ... } }"}
				}
				if _, isFn := goja.AssertFunction(def); isFn && obj.Get("prototype") != nil {
					if f, ok := goja.AssertFunction(obj.Get("prototype").ToObject(vm).Get("fetch")); ok {
						// A class (WorkerEntrypoint style): one instance serves every request.
						// new Cls(ctx, env), as workerd constructs a WorkerEntrypoint.
						ctx, err := inst.newContext(goja.Undefined())
						if err != nil {
							return inst.scriptError(KindLoad, err)
						}
						this, err := vm.New(obj, ctx, env)
						if err != nil {
							return inst.scriptError(KindLoad, err)
						}
						inst.handler, inst.exports = f, this
						return nil
					}
				}
				fetch, ok := goja.AssertFunction(obj.Get("fetch"))
				if !ok {
					return &ScriptError{Kind: KindLoad, Message: "the default export has no fetch handler: export default { async fetch(request, env, ctx) { ... } }"}
				}
				inst.handler, inst.exports = fetch, def
				return nil
			}
		}
	}
	{
		if v, err := inst.hasFetchListener(goja.Undefined()); err == nil && v.ToBoolean() {
			for i, b := range inst.w.opts.Bindings {
				_ = global.Get(b.Name) // a lazy global of that name installs its group first
				if err := setOwn(global, b.Name, inst.envValues[i]); err != nil {
					return fmt.Errorf("binding %s as a global: %w", b.Name, err)
				}
			}
			return nil
		}
	}
	return &ScriptError{Kind: KindLoad, Message: "the worker has no fetch handler: use `export default { async fetch(request, env, ctx) { ... } }` or `addEventListener(\"fetch\", (event) => event.respondWith(...))`"}
}

// watch interrupts a job that runs longer than the CPU limit.
func (inst *instance) watch() {
	limit, mem := inst.w.opts.CPULimit, inst.w.opts.MemoryLimit
	if limit < 0 && mem <= 0 {
		return
	}
	tick := 100 * time.Millisecond
	if limit >= 0 {
		tick = max(min(limit/10, 250*time.Millisecond), 5*time.Millisecond)
	}
	if mem > 0 {
		tick = min(tick, 100*time.Millisecond)
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			if inst.checkMemory(false) {
				return
			}
			if d := inst.loop.running(); limit >= 0 && d > limit {
				se := &ScriptError{Kind: KindCPULimit, Message: fmt.Sprintf(
					"Worker exceeded the CPU time limit: JS ran for %s without yielding (the limit is %s; set it with --cpu-limit). "+
						"edgedev started a fresh instance of the worker, so module-level state was reset.",
					d.Round(time.Millisecond), limit)}
				if inst.interrupted.CompareAndSwap(nil, se) { // an earlier reason (memory, a panic) stands
					inst.vm.Interrupt(se)
				}
				return
			}
		case <-inst.loop.done:
			return
		}
	}
}

// afterJob runs on the loop after every job: it reports promise rejections
// nobody handled and retires the instance if the watchdog interrupted it.
func (inst *instance) afterJob() {
	// Every turn looks at the last heap reading (an atomic load), and
	// every 32nd takes a fresh one (~0.3 µs), so a handler that allocates
	// and yields is caught between its turns.
	if inst.jobs++; inst.interrupted.Load() == nil && (inst.jobs%32 == 0 || lastLive.Load() > inst.w.opts.MemoryLimit && inst.w.opts.MemoryLimit > 0) {
		inst.checkMemory(true)
	}
	if len(inst.rejections) > 0 {
		for p, unhandled := range inst.rejections {
			if unhandled {
				inst.logError("Uncaught (in promise)", p.Result())
			}
		}
		clear(inst.rejections)
	}
	if se := inst.interrupted.Load(); se != nil {
		// Stop the loop first: a request that arrives after we fail the
		// ones in flight must go to the replacement, not to this VM.
		inst.stop()
		inst.vm.ClearInterrupt()
		for c := range inst.calls {
			c.fail(se)
		}
		clear(inst.calls)
		go inst.w.replace(inst)
		return
	}
	if len(inst.calls) > 0 && inst.loop.pending.Load() == 0 && inst.loop.expected.Load() == 0 && len(inst.loop.jobs) == 0 {
		// Requests wait, and nothing is left that could ever run JS again
		// on this instance (no timer, no I/O, no queued job): their
		// promises can never settle. workerd says so the same way.
		for c := range inst.calls {
			c.fail(neverResponds)
		}
		clear(inst.calls)
	}
}

// neverResponds is workerd's answer to a request whose handler waits on
// a promise nothing can settle.
var neverResponds = &ScriptError{Kind: KindUncaught, Message: "Error: The script will never generate a response.",
	Stack: "    (the handler's promise waits on something nothing will ever settle: no timer, fetch, KV call or request body read is pending)"}

// retireAfter handles err from JS run by a loop job. When it is one of
// goja's uncatchable errors (the watchdog's interrupt, a stack overflow),
// goja has dropped the promise jobs it had queued, so code awaiting them
// would wait forever: the instance is marked for afterJob to retire, which
// fails the requests in flight with what happened and starts a fresh
// instance. It reports whether err was such an error.
func (inst *instance) retireAfter(err error) bool {
	if err == nil || !uncatchable(err) {
		return false
	}
	if inst.interrupted.Load() == nil {
		se := inst.scriptError(KindUncaught, err)
		se.Message += " (goja cannot continue after this error, so edgedev started a fresh instance of the worker; module-level state was reset)"
		inst.interrupted.CompareAndSwap(nil, se)
	}
	return true
}

// jobError is the ScriptError for err from JS that a loop job ran; after
// an uncatchable error it also marks the instance for retirement
// (retireAfter).
func (inst *instance) jobError(kind Kind, err error) *ScriptError {
	inst.retireAfter(err)
	return inst.scriptError(kind, err)
}

func (inst *instance) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	if op == goja.PromiseRejectionReject {
		// Rejected while nothing handles it yet (an async function that
		// threw before its first await): whoever awaits it later gets
		// V8's text.
		if o, ok := p.Result().(*goja.Object); ok {
			inst.V8Error(o)
		}
		inst.rejections[p] = true
	} else {
		delete(inst.rejections, p)
	}
}

// stop ends the loop and cancels the instance's context, which stops the
// Go timers of setTimeout and AbortSignal.timeout (packages web/timers and
// web/events). A job that still reaches the stopped loop is dropped.
func (inst *instance) stop() {
	inst.cancel()
	inst.loop.shutdown()
}

// drain waits until the instance has no pending work (timers, waitUntil,
// binding I/O) or ctx ends.
func (inst *instance) drain(ctx context.Context) error {
	for {
		var pending int64
		ok := inst.loop.postWait(func() { pending = inst.loop.pending.Load() })
		if !ok || pending == 0 {
			return nil
		}
		select {
		case <-inst.loop.idle:
		case <-time.After(50 * time.Millisecond):
		case <-ctx.Done():
			return fmt.Errorf("close worker: %d pieces of background work (waitUntil, timers) still pending: %w", pending, ctx.Err())
		}
	}
}

// ---- module.Host: what Web APIs, Node modules and bindings get -----------

func (inst *instance) VM() *goja.Runtime { return inst.vm }

// Context is the running JS's request's context (owner.go) or, outside
// any request, the instance's.
func (inst *instance) Context() context.Context {
	if c := inst.owner; c != nil && !c.scope.detached {
		return c.scope.context()
	}
	return inst.ctx
}
func (inst *instance) Now() time.Time         { return inst.w.opts.Now() }
func (inst *instance) Born() time.Time        { return inst.born }
func (inst *instance) Log(level, line string) { inst.w.opts.Log(level, line) }
func (inst *instance) Post(job func()) bool   { return inst.loop.post(job) }

// Expect counts work that may still settle a request (module.Host).
func (inst *instance) Expect() func() {
	inst.loop.expected.Add(1)
	var once atomic.Bool
	return func() {
		if !once.Swap(true) {
			inst.loop.expected.Add(-1)
		}
	}
}

// Callback is loop.reserve with a nil job allowed (free the slot only).
func (inst *instance) Callback() func(job func()) {
	back := inst.loop.reserve()
	captured := inst.capture() // the owner, and AsyncLocalStorage's frame if any
	var once atomic.Bool
	return func(job func()) {
		if once.Swap(true) {
			panic("runtime: a Callback was called twice")
		}
		if job == nil {
			inst.loop.release() // no job: nothing to post, so this never waits on the loop
			return
		}
		if captured == nil {
			back(job)
			return
		}
		back(func() { inst.withCaptured(captured, job) })
	}
}

// ReportError logs err and, after an uncatchable error, retires the
// instance (retireAfter).
func (inst *instance) ReportError(what string, err any) {
	inst.logError(what, err)
	if e, ok := err.(error); ok {
		inst.retireAfter(e)
	}
}

func (inst *instance) Async() (*goja.Promise, func(func() (goja.Value, error))) {
	p := inst.settler.Pending()
	back := inst.loop.reserve()
	captured := inst.capture()
	var once atomic.Bool
	return p, func(fn func() (goja.Value, error)) {
		if once.Swap(true) {
			panic("runtime: settle called twice")
		}
		back(func() {
			inst.restore(captured)
			defer func() { inst.owner, inst.frame = nil, nil }()
			v, err := fn()
			if inst.retireAfter(err) {
				return // settling would run JS after goja gave up
			}
			if err != nil {
				err = inst.settler.Reject(p, inst.errorValue(err))
			} else {
				err = inst.settler.Resolve(p, v)
			}
			inst.retireAfter(err)
		})
	}
}

// errorValue turns a Go error from a binding into the JS value to reject
// or throw with.
func (inst *instance) errorValue(err error) goja.Value {
	if v, ok := module.AsReject(err); ok {
		return v
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		// An error from the user's JS that Go called, on its way back to
		// JS: V8's text for whoever catches it.
		if o, ok := ex.Value().(*goja.Object); ok {
			inst.V8Error(o)
		}
		return ex.Value()
	}
	return inst.vm.NewGoError(err)
}

// promise returns v as a *goja.Promise when it is one.
func asPromise(v goja.Value) *goja.Promise {
	o, ok := v.(*goja.Object)
	if !ok || o.ExportType() != typePromise {
		return nil
	}
	p, _ := o.Export().(*goja.Promise)
	return p
}

// then attaches Go callbacks to a pending promise.
func (inst *instance) then(p goja.Value, onOK, onErr func(goja.Value)) error {
	o := p.ToObject(inst.vm)
	thenFn, ok := goja.AssertFunction(o.Get("then"))
	if !ok {
		return errors.New("not a promise")
	}
	_, err := thenFn(o,
		inst.vm.ToValue(func(c goja.FunctionCall) goja.Value { onOK(c.Argument(0)); return goja.Undefined() }),
		inst.vm.ToValue(func(c goja.FunctionCall) goja.Value { onErr(c.Argument(0)); return goja.Undefined() }))
	return err
}

var _ module.Host = (*instance)(nil)

// setOwn defines name on o as an own, writable, enumerable data property:
// what a binding is on env. (Set would call the __proto__ setter for a
// binding named "__proto__" and make its value env's prototype.)
func setOwn(o *goja.Object, name string, v goja.Value) error {
	return o.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
}
