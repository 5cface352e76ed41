// Blob, File and FormData: after the File API
// (https://w3c.github.io/FileAPI/#blob-section) and the XMLHttpRequest
// Standard (https://xhr.spec.whatwg.org/#interface-formdata). The classes are
// JS, in formdata.js (its first comment lists what is knowingly missing);
// this file embeds and compiles it once per process and gives it Go's UTF-8
// encoder and decoder.

package formdata

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/web/encoding"
	"edgedev/runtime/webidl"
)

//go:embed formdata.js
var formDataJS string

var formDataFile = module.NewJSFile("edgedev:formdata.js", formDataJS)

// Install defines Blob, File and FormData in h's runtime. It only needs
// h.VM: a Blob's bytes are in memory, so nothing here waits.
func Install(h module.Host) error {
	if err := runFormDataJS(h.VM()); err != nil {
		return fmt.Errorf("install Blob/File/FormData: %w", err)
	}
	return nil
}

func runFormDataJS(vm *goja.Runtime) error {
	views, err := webidl.Of(vm)
	if err != nil {
		return err
	}
	install, err := formDataFile.Load(vm)
	if err != nil {
		return err
	}
	native := module.NewNatives(vm)
	native.Func("utf8Encode", func(call goja.FunctionCall) goja.Value {
		return views.Uint8Array([]byte(call.Argument(0).String()))
	})
	native.Func("utf8Decode", func(call goja.FunctionCall) goja.Value {
		b, ok := views.Bytes(call.Argument(0))
		if !ok {
			panic(vm.NewTypeError("utf8Decode: expected bytes"))
		}
		return vm.ToValue(encoding.DecodeUTF8(b))
	})
	_, err = install(goja.Undefined(), vm.GlobalObject(), native.Object())
	return err
}
