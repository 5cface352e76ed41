// node:http and node:https as workerd provides them, and cloudflare:node's
// httpServerHandler: a Node server in a worker answers fetch events
// (http.js). The client functions are fetch underneath.
//
// Knowingly missing: upgrade/connect events, trailers, Agent pooling,
// informational (1xx) responses.
package http

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal/nodeerr"
)

//go:embed http.js
var httpJS string

var httpFile = module.NewJSFile("edgedev:node/http.js", httpJS)

// parts makes the three modules' exports at once: they share the table of
// listening servers. The loader keeps each module's exports, so node:http,
// node:https and cloudflare:node all ask node:http for them.
func parts(h module.Host, l module.Loader) (goja.Value, error) {
	vm := h.VM()
	st, err := l.Require("node:stream")
	if err != nil {
		return nil, err
	}
	ev, err := l.Require("node:events")
	if err != nil {
		return nil, err
	}
	buf, err := l.Require("node:buffer")
	if err != nil {
		return nil, err
	}
	errs, err := nodeerr.Load(vm)
	if err != nil {
		return nil, err
	}
	fn, err := httpFile.Load(vm)
	if err != nil {
		return nil, err
	}
	ee := ev.ToObject(vm)
	if e := ee.Get("EventEmitter"); e != nil && !goja.IsUndefined(e) {
		ee = e.ToObject(vm)
	}
	v, err := fn(goja.Undefined(), errs, st, ee, buf.ToObject(vm).Get("Buffer"))
	if err != nil {
		return nil, err
	}
	o := v.ToObject(vm)
	// The other two hang off node:http's exports, hidden.
	http := o.Get("http").ToObject(vm)
	if err := http.DefineDataPropertySymbol(partsKey, o, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return nil, err
	}
	return http, nil
}

var partsKey = goja.NewSymbol("edgedev.http.parts")

// Exports returns what require("node:http") gives.
func Exports(h module.Host, l module.Loader) (goja.Value, error) { return parts(h, l) }

func sibling(name string) module.Builtin {
	return func(h module.Host, l module.Loader) (goja.Value, error) {
		v, err := l.Require("node:http")
		if err != nil {
			return nil, err
		}
		o := v.ToObject(h.VM()).GetSymbol(partsKey).ToObject(h.VM())
		return o.Get(name), nil
	}
}

// HTTPSExports returns what require("node:https") gives.
var HTTPSExports = sibling("https")

// CloudflareNodeExports returns what `import ... from "cloudflare:node"`
// gives: httpServerHandler and handleAsNodeRequest.
var CloudflareNodeExports = sibling("cloudflareNode")
