// Package interim is a small stand-in for node:string_decoder, which
// node:stream's setEncoding needs, until the real one lands from the
// nodecore branch. Merging nodecore replaces its registry line and this
// package goes.
package interim

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal/strenc"
	"edgedev/runtime/webidl"
)

//go:embed interim.js
var interimJS string

var interimFile = module.NewJSFile("edgedev:node/interim.js", interimJS)

// key holds the instance's stand-ins on its global object, so the three
// modules share one Buffer class.
var key = goja.NewSymbol("edgedev.interim")

func load(h module.Host) (*goja.Object, error) {
	vm := h.VM()
	if v := vm.GlobalObject().GetSymbol(key); v != nil && !goja.IsUndefined(v) {
		return v.ToObject(vm), nil
	}
	kit, err := webidl.Of(vm)
	if err != nil {
		return nil, err
	}
	n := module.NewNatives(vm)
	n.Func("bytes", func(c goja.FunctionCall) goja.Value {
		return kit.Uint8Array(strenc.Bytes(c.Argument(0), strenc.Normalize(c.Argument(1).String())))
	})
	n.Func("str", func(c goja.FunctionCall) goja.Value {
		b, _ := kit.Bytes(c.Argument(0))
		return strenc.String(vm, b, strenc.Normalize(c.Argument(1).String()))
	})
	n.Func("encoding", func(c goja.FunctionCall) goja.Value { return vm.ToValue(strenc.Normalize(c.Argument(0).String())) })
	fn, err := interimFile.Load(vm)
	if err != nil {
		return nil, err
	}
	v, err := fn(goja.Undefined(), n.Object())
	if err != nil {
		return nil, err
	}
	o := v.ToObject(vm)
	return o, vm.GlobalObject().DefineDataPropertySymbol(key, o, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

func part(name string) module.Builtin {
	return func(h module.Host, _ module.Loader) (goja.Value, error) {
		o, err := load(h)
		if err != nil {
			return nil, err
		}
		return o.Get(name), nil
	}
}

// StringDecoder is the stand-in module.
var StringDecoder = part("string_decoder")
