// Blob, File and FormData: after the File API
// (https://w3c.github.io/FileAPI/#blob-section) and the XMLHttpRequest
// Standard (https://xhr.spec.whatwg.org/#interface-formdata). The classes are
// JS, in js/formdata.js (its first comment lists what is knowingly missing);
// this file embeds and compiles it once per process and gives it Go's UTF-8
// encoder and decoder.

package runtime

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"

	"edgedev/runtime/web/encoding"
	"edgedev/runtime/webidl"
)

//go:embed js/formdata.js
var formDataJS string

var formDataFile = newJSFile("edgedev:formdata.js", formDataJS)

// installFormData defines Blob, File and FormData.
func installFormData(vm *goja.Runtime) error {
	if err := runFormDataJS(vm); err != nil {
		return fmt.Errorf("install Blob/File/FormData: %w", err)
	}
	return nil
}

func runFormDataJS(vm *goja.Runtime) error {
	views, err := webidl.Of(vm)
	if err != nil {
		return err
	}
	install, err := formDataFile.load(vm)
	if err != nil {
		return err
	}
	native := vm.NewObject()
	err = native.Set("utf8Encode", func(call goja.FunctionCall) goja.Value {
		return views.Uint8Array([]byte(call.Argument(0).String()))
	})
	if err == nil {
		err = native.Set("utf8Decode", func(call goja.FunctionCall) goja.Value {
			b, ok := views.Bytes(call.Argument(0))
			if !ok {
				panic(vm.NewTypeError("utf8Decode: expected bytes"))
			}
			return vm.ToValue(encoding.DecodeUTF8(b))
		})
	}
	if err != nil {
		return err
	}
	_, err = install(goja.Undefined(), vm.GlobalObject(), native)
	return err
}
