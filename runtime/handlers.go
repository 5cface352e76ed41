package runtime

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

// The handler side of a worker: the service-worker format
// (addEventListener("fetch"), FetchEvent), the ExecutionContext a module
// handler gets, and queueMicrotask, in js/handlers.js; dispatch.go calls a
// handler through the hooks it returns. Scheduled, queue and alarm handlers
// join here.

//go:embed js/handlers.js
var handlersJS string

var handlersFile = module.NewJSFile("edgedev:handlers.js", handlersJS)

// installHandlers runs js/handlers.js and keeps its hooks.
func installHandlers(inst *instance) error {
	vm := inst.vm
	fn, err := handlersFile.Load(vm)
	if err != nil {
		return err
	}
	n := module.NewNatives(vm)
	n.Func("waitUntil", func(c goja.FunctionCall) goja.Value {
		inst.waitUntil(c.Argument(0))
		return goja.Undefined()
	})
	n.Func("reportError", func(c goja.FunctionCall) goja.Value {
		inst.logError("Uncaught", c.Argument(0))
		return goja.Undefined()
	})
	hooks, err := fn(goja.Undefined(), n.Object())
	if err != nil {
		return err
	}
	return takeHooks("handlers.js", hooks.ToObject(vm), map[string]*goja.Callable{
		"dispatchFetch": &inst.dispatchFetch, "newContext": &inst.newContext,
		"passThrough": &inst.passThrough, "hasFetchListener": &inst.hasFetchListener,
	})
}

// waitUntil keeps the instance busy until p settles and logs a rejection,
// as ctx.waitUntil does on the platform.
func (inst *instance) waitUntil(v goja.Value) {
	if c := inst.owner; c != nil {
		c.scope.detached = true // its work outlives a disconnect, as on the platform
	}
	p := asPromise(v)
	if p == nil {
		return
	}
	switch p.State() {
	case goja.PromiseStateFulfilled:
		return
	case goja.PromiseStateRejected:
		delete(inst.rejections, p)
		inst.logError("Uncaught (in waitUntil)", p.Result())
		return
	}
	inst.loop.hold()
	err := inst.then(v, func(goja.Value) { inst.loop.release() }, func(e goja.Value) {
		inst.loop.release()
		inst.logError("Uncaught (in waitUntil)", e)
	})
	if err != nil {
		inst.loop.release()
	}
}
