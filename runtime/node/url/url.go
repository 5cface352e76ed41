// Package url is node:url (url.js).
package url

import (
	_ "embed"

	"github.com/dop251/goja"
	"golang.org/x/net/idna"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal"
)

//go:embed url.js
var src string

var file = module.NewJSFile("edgedev:node/url.js", src)

// Exports returns what require("node:url") gives.
func Exports(h module.Host, l module.Loader) (goja.Value, error) {
	vm := h.VM()
	in, err := internal.Of(vm)
	if err != nil {
		return nil, err
	}
	qs, err := l.Require("node:querystring")
	if err != nil {
		return nil, err
	}
	p, err := l.Require("node:path")
	if err != nil {
		return nil, err
	}
	n := module.NewNatives(vm)
	n.Value("internal", in.Object)
	n.Value("querystring", qs)
	n.Value("path", p)
	n.Func("toUnicode", func(c goja.FunctionCall) goja.Value {
		s, err := idna.ToUnicode(c.Argument(0).String())
		if err != nil {
			return vm.ToValue("")
		}
		return vm.ToValue(s)
	})
	fn, err := file.Load(vm)
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), n.Object())
}
