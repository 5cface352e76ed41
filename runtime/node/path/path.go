// Package path is node:path, node:path/posix and node:path/win32 (path.js).
package path

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal"
)

//go:embed path.js
var pathJS string

var file = module.NewJSFile("edgedev:node/path.js", pathJS)

// Exports returns what require("node:path") gives (path.posix).
func Exports(h module.Host, _ module.Loader) (goja.Value, error) {
	vm := h.VM()
	in, err := internal.Of(vm)
	if err != nil {
		return nil, err
	}
	n := module.NewNatives(vm)
	n.Value("internal", in.Object)
	fn, err := file.Load(vm)
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), n.Object())
}

// PosixExports is require("node:path/posix"): node:path's posix.
func PosixExports(h module.Host, l module.Loader) (goja.Value, error) {
	return sub(h, l, "posix")
}

// Win32Exports is require("node:path/win32").
func Win32Exports(h module.Host, l module.Loader) (goja.Value, error) {
	return sub(h, l, "win32")
}

func sub(h module.Host, l module.Loader, name string) (goja.Value, error) {
	p, err := l.Require("node:path")
	if err != nil {
		return nil, err
	}
	return p.ToObject(h.VM()).Get(name), nil
}
