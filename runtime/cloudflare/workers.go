// Package cloudflare is the registry of the cloudflare: built-in modules,
// of which there is one, cloudflare:workers (workers.js): the base classes
// a Durable Object or an entrypoint extends, RpcTarget, the env import and
// waitUntil. The Durable Object runtime itself (namespaces, stubs, storage)
// is the durable package; it finds these classes through the loader.
package cloudflare

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

//go:embed workers.js
var workersJS string

var workersFile = module.NewJSFile("edgedev:cloudflare/workers.js", workersJS)

// Lookup returns the module for a specifier ("cloudflare:workers").
func Lookup(specifier string) (module.Builtin, string, bool) {
	if specifier == "cloudflare:workers" {
		return Workers, specifier, true
	}
	return nil, "", false
}

// Workers returns what `import ... from "cloudflare:workers"` gives.
func Workers(h module.Host, l module.Loader) (goja.Value, error) {
	vm := h.VM()
	n := module.NewNatives(vm)
	n.Value("env", l.Env())
	n.Func("waitUntil", func(c goja.FunctionCall) goja.Value {
		l.WaitUntil(c.Argument(0))
		return goja.Undefined()
	})
	fn, err := workersFile.Load(vm)
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), n.Object())
}
