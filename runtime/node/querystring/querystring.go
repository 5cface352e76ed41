// Package querystring is node:querystring (querystring.js).
package querystring

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal"
)

//go:embed querystring.js
var src string

var file = module.NewJSFile("edgedev:node/querystring.js", src)

// Exports returns what require("node:querystring") gives.
func Exports(h module.Host, l module.Loader) (goja.Value, error) {
	vm := h.VM()
	in, err := internal.Of(vm)
	if err != nil {
		return nil, err
	}
	buf, err := l.Require("node:buffer")
	if err != nil {
		return nil, err
	}
	n := module.NewNatives(vm)
	n.Value("internal", in.Object)
	n.Value("buffer", buf)
	fn, err := file.Load(vm)
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), n.Object())
}
