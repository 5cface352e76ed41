// Package events is node:events (events.js): EventEmitter and its helpers
// as workerd gives them.
package events

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal"
)

//go:embed events.js
var eventsJS string

var file = module.NewJSFile("edgedev:node/events.js", eventsJS)

// Exports returns what require("node:events") gives: EventEmitter itself,
// with once, on, errorMonitor and the rest as its properties.
func Exports(h module.Host, l module.Loader) (goja.Value, error) {
	vm := h.VM()
	in, err := internal.Of(vm)
	if err != nil {
		return nil, err
	}
	ah, err := l.Require("node:async_hooks")
	if err != nil {
		return nil, err
	}
	n := module.NewNatives(vm)
	n.Value("internal", in.Object)
	n.Value("asyncHooks", ah)
	// emitWarning goes to process.emitWarning, looked up when a leak is
	// seen: node:process is itself an EventEmitter, so it cannot be
	// required while events loads.
	n.Func("emitWarning", func(c goja.FunctionCall) goja.Value {
		p, err := l.Require("node:process")
		if err != nil {
			return goja.Undefined()
		}
		if f, ok := goja.AssertFunction(p.ToObject(vm).Get("emitWarning")); ok {
			if _, err := f(p, c.Argument(0)); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	fn, err := file.Load(vm)
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), n.Object())
}
