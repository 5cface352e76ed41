// Package stringdecoder is node:string_decoder (string_decoder.js).
package stringdecoder

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal"
)

//go:embed string_decoder.js
var src string

var file = module.NewJSFile("edgedev:node/string_decoder.js", src)

// Exports returns what require("node:string_decoder") gives.
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
